/* hs-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over a GtkTreeListModel: "All projects", then the 16
 * agreements, each expanding to its focus areas. Each entry shows its
 * project count and total costs, from two aggregate queries
 * (summarise by agreement and by focus area), never one query per entry.
 * Selecting an entry emits "scope-changed".
 */
#define G_LOG_DOMAIN "hs-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-money.h"
#include "core/hs-validate.h"

#include "hs-agreement-findings.h"
#include "hs-sidebar-item.h"
#include "hs-sidebar.h"

struct _HsSidebar
{
  GtkWidget           parent_instance;

  GListStore         *roots;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GHashTable         *agreements;   /* id → HsSidebarItem (borrowed) */
  GHashTable         *focus_areas;  /* id → HsSidebarItem (borrowed) */
  HsSidebarItem      *all;
  HsAgreementFindings *findings;    /* for the agreements' markers, or NULL */
  gint64              agreement_id;
  gint64              focus_area_id;

  /* template children */
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (HsSidebar, hs_sidebar, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SCOPE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = hs_sidebar_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *marker = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), detail);
  /* the agreement's own findings (hs-agreement-findings.h) */
  gtk_widget_set_valign (marker, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (marker, FALSE);
  gtk_widget_add_css_class (marker, "hs-agreement-marker");
  gtk_box_append (GTK_BOX (row_box), box);
  gtk_box_append (GTK_BOX (row_box), marker);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), row_box);
  /* named by the entry's name alone (the expander would be named by its
   * box, which has none); the counts and the marker describe it */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, detail, marker, NULL,
                                  -1);
  gtk_list_item_set_child (list_item, expander);
}

static void
update_marker (HsSidebarItem *item,
               GtkWidget     *marker)
{
  const char *text = hs_sidebar_item_get_marker (item);
  const char *icon = hs_sidebar_item_get_marker_icon (item);

  gtk_widget_set_visible (marker, text != NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (marker), icon);
  gtk_widget_set_tooltip_text (marker, text);
  gtk_widget_remove_css_class (marker, "error");
  gtk_widget_remove_css_class (marker, "warning");
  if (icon != NULL)
    gtk_widget_add_css_class (marker, g_str_equal (icon, "dialog-error-symbolic") ? "error" : "warning");
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
marker_changed_cb (HsSidebarItem *item,
                   GParamSpec    *pspec,
                   GtkWidget     *marker)
{
  update_marker (item, marker);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  HsSidebarItem *item = gtk_tree_list_row_get_item (row);
  GtkWidget *row_box = gtk_tree_expander_get_child (expander);
  GtkWidget *box = gtk_widget_get_first_child (row_box);
  GtkWidget *marker = gtk_widget_get_next_sibling (box);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (label);
  GBinding *binding;
  gulong handler;

  gtk_tree_expander_set_list_row (expander, row);
  /* The row, which takes the focus, is GTK's own (private in 4.8): it is
   * named by the entry's label and described by its counts and marker, as
   * the expander is. Its labels are its own, so this holds for every bind. */
  if (gtk_widget_get_parent (GTK_WIDGET (expander)) != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (expander))),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, detail, marker, NULL,
                                    -1);
  gtk_label_set_text (GTK_LABEL (label), hs_sidebar_item_get_label (item));
  binding = g_object_bind_property (item, "detail", detail, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "hs-detail-binding", binding);
  update_marker (item, marker);
  handler = g_signal_connect_object (item, "notify::marker", G_CALLBACK (marker_changed_cb), marker, 0);
  g_object_set_data_full (G_OBJECT (list_item), "hs-marker-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (list_item), "hs-marker-handler", GSIZE_TO_POINTER ((gsize) handler));
  if (hs_sidebar_item_get_kind (item) == HS_SIDEBAR_ALL)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  g_object_unref (item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (list_item), "hs-detail-binding");
  HsSidebarItem *item = g_object_get_data (G_OBJECT (list_item), "hs-marker-item");
  gulong handler = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "hs-marker-handler"));

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (list_item), "hs-detail-binding", NULL);
  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), "hs-marker-handler", NULL);
  g_object_set_data (G_OBJECT (list_item), "hs-marker-item", NULL);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      HsSidebar          *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(HsSidebarItem) item = NULL;
  gint64 agreement_id = 0, focus_area_id = 0;

  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  switch (hs_sidebar_item_get_kind (item))
    {
    case HS_SIDEBAR_ALL:
      break;
    case HS_SIDEBAR_AGREEMENT:
      agreement_id = hs_sidebar_item_get_id (item);
      break;
    case HS_SIDEBAR_FOCUS_AREA:
      agreement_id = hs_sidebar_item_get_agreement_id (item);
      focus_area_id = hs_sidebar_item_get_id (item);
      break;
    default:
      g_assert_not_reached ();
    }

  if (agreement_id == self->agreement_id && focus_area_id == self->focus_area_id)
    return;
  self->agreement_id = agreement_id;
  self->focus_area_id = focus_area_id;
  g_signal_emit (self, signals[SIGNAL_SCOPE_CHANGED], 0, agreement_id, focus_area_id);
}

/* The marker of each agreement: an error icon when its own findings have an
 * error, a warning icon otherwise, none without findings. */
static void
update_markers (HsSidebar *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->agreements);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *findings = self->findings != NULL
                            ? hs_agreement_findings_get (self->findings, *(gint64 *) key) : NULL;
      g_autofree char *text = NULL;

      if (findings == NULL || findings->len == 0)
        {
          hs_sidebar_item_set_marker (value, NULL, NULL);
          continue;
        }
      /* Translators: the tooltip and accessible description of the marker
       * on an agreement in the sidebar */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement finding", "%u agreement findings",
                                           findings->len),
                              findings->len);
      hs_sidebar_item_set_marker (value,
                                  hs_findings_count_errors (findings) > 0 ? "dialog-error-symbolic"
                                                                          : "dialog-warning-symbolic",
                                  text);
    }
}

void
hs_sidebar_set_agreement_findings (HsSidebar           *self,
                                   HsAgreementFindings *findings)
{
  g_return_if_fail (HS_IS_SIDEBAR (self));

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_set_object (&self->findings, findings);
  if (findings != NULL)
    g_signal_connect_swapped (findings, "updated", G_CALLBACK (update_markers), self);
  update_markers (self);
}

gboolean
hs_sidebar_load (HsSidebar     *self,
                 HsRepository  *repository,
                 GError       **error)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;

  g_return_val_if_fail (HS_IS_SIDEBAR (self), FALSE);

  agreements = hs_repository_list_agreements (repository, error);
  if (agreements == NULL)
    return FALSE;
  focus_areas = hs_repository_list_focus_areas (repository, 0, error);
  if (focus_areas == NULL)
    return FALSE;

  g_hash_table_remove_all (self->agreements);
  g_hash_table_remove_all (self->focus_areas);
  g_list_store_remove_all (self->roots);

  g_clear_object (&self->all);
  self->all = hs_sidebar_item_new (HS_SIDEBAR_ALL, 0, 0, _("All Projects"));
  g_list_store_append (self->roots, self->all);

  for (guint i = 0; i < agreements->len; i++)
    {
      HsAgreement *agreement = g_ptr_array_index (agreements, i);
      g_autoptr(HsSidebarItem) item = hs_sidebar_item_new (HS_SIDEBAR_AGREEMENT, agreement->id, agreement->id,
                                                           agreement->region_name);
      g_autoptr(GListStore) children = g_list_store_new (HS_TYPE_SIDEBAR_ITEM);

      for (guint j = 0; j < focus_areas->len; j++)
        {
          HsFocusArea *fa = g_ptr_array_index (focus_areas, j);
          g_autoptr(HsSidebarItem) child = NULL;

          if (fa->agreement_id != agreement->id)
            continue;
          child = hs_sidebar_item_new (HS_SIDEBAR_FOCUS_AREA, fa->id, agreement->id, fa->name);
          g_hash_table_insert (self->focus_areas, g_memdup2 (&fa->id, sizeof fa->id), child);
          g_list_store_append (children, child);
        }
      hs_sidebar_item_set_children (item, G_LIST_MODEL (children));
      g_hash_table_insert (self->agreements, g_memdup2 (&agreement->id, sizeof agreement->id), item);
      g_list_store_append (self->roots, item);
    }

  gtk_single_selection_set_selected (self->selection, 0);
  update_markers (self);
  return hs_sidebar_update_totals (self, repository, error);
}

static char *
format_detail (const HsSummaryRow *row)
{
  HsLang lang = hs_lang_current ();
  g_autofree char *total = hs_money_format (row != NULL ? row->total_costs : 0, lang);
  guint projects = row != NULL ? row->projects : 0;
  g_autofree char *count = hs_count_format (projects, lang);

  /* Translators: "12 projects · 1 333 333,00 €" in the sidebar; the first
   * %s is the number of projects, grouped ("10 018") */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s project · %s", "%s projects · %s", projects),
                          count, total);
}

static void
update_level (GHashTable *items,
              GArray     *rows)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const HsSummaryRow *found = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) key);
      g_autofree char *detail = NULL;

      for (guint i = 0; i < rows->len && found == NULL; i++)
        if (g_strcmp0 (g_array_index (rows, HsSummaryRow, i).key, id) == 0)
          found = &g_array_index (rows, HsSummaryRow, i);
      detail = format_detail (found);
      hs_sidebar_item_set_detail (value, detail);
    }
}

gboolean
hs_sidebar_update_totals (HsSidebar     *self,
                          HsRepository  *repository,
                          GError       **error)
{
  g_autoptr(GArray) by_agreement = NULL;
  g_autoptr(GArray) by_focus_area = NULL;
  HsSummaryRow all = { 0 };
  g_autofree char *detail = NULL;

  g_return_val_if_fail (HS_IS_SIDEBAR (self), FALSE);

  by_agreement = hs_repository_summarise (repository, HS_BY_AGREEMENT, 0, error);
  if (by_agreement == NULL)
    return FALSE;
  by_focus_area = hs_repository_summarise (repository, HS_BY_FOCUS_AREA, 0, error);
  if (by_focus_area == NULL)
    return FALSE;

  update_level (self->agreements, by_agreement);
  update_level (self->focus_areas, by_focus_area);

  for (guint i = 0; i < by_agreement->len; i++)
    {
      all.projects += g_array_index (by_agreement, HsSummaryRow, i).projects;
      all.total_costs += g_array_index (by_agreement, HsSummaryRow, i).total_costs;
    }
  detail = format_detail (&all);
  if (self->all != NULL)
    hs_sidebar_item_set_detail (self->all, detail);
  return TRUE;
}

void
hs_sidebar_select (HsSidebar *self,
                   gint64     agreement_id,
                   gint64     focus_area_id)
{
  GListModel *rows = G_LIST_MODEL (self->tree);

  g_return_if_fail (HS_IS_SIDEBAR (self));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(HsSidebarItem) item = gtk_tree_list_row_get_item (row);
      HsSidebarKind kind = hs_sidebar_item_get_kind (item);

      if ((kind == HS_SIDEBAR_ALL && agreement_id == 0)
          || (kind == HS_SIDEBAR_AGREEMENT && focus_area_id == 0 && hs_sidebar_item_get_id (item) == agreement_id)
          || (kind == HS_SIDEBAR_FOCUS_AREA && hs_sidebar_item_get_id (item) == focus_area_id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
      /* open the agreement to reach its focus area */
      if (kind == HS_SIDEBAR_AGREEMENT && focus_area_id != 0 && hs_sidebar_item_get_id (item) == agreement_id)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

void
hs_sidebar_get_scope (HsSidebar *self,
                      gint64    *agreement_id,
                      gint64    *focus_area_id)
{
  g_return_if_fail (HS_IS_SIDEBAR (self));

  *agreement_id = self->agreement_id;
  *focus_area_id = self->focus_area_id;
}

static void
hs_sidebar_dispose (GObject *object)
{
  HsSidebar *self = HS_SIDEBAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->all);
  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->agreements, g_hash_table_unref);
  g_clear_pointer (&self->focus_areas, g_hash_table_unref);

  G_OBJECT_CLASS (hs_sidebar_parent_class)->dispose (object);
}

static void
hs_sidebar_class_init (HsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_sidebar_dispose;

  /**
   * HsSidebar::scope-changed:
   * @agreement_id: 0 for all agreements
   * @focus_area_id: 0 for the whole agreement
   */
  signals[SIGNAL_SCOPE_CHANGED] =
    g_signal_new ("scope-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, HsSidebar, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hs_sidebar_init (HsSidebar *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->agreements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->focus_areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->roots = g_list_store_new (HS_TYPE_SIDEBAR_ITEM);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (self->roots), FALSE, FALSE,
                                        create_children_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->tree));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
}

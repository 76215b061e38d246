/* hs-implementers-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The implementers of a project: one main and any number of partial ones,
 * each a row with its organisation's name, business ID, type and
 * municipality, a button to make a partial implementer the main one, and
 * one to remove it (with Undo). Add… opens the organisation picker, which
 * leaves out the organisations the project already has.
 */
#define G_LOG_DOMAIN "hs-implementers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-editor-row-item.h"
#include "hs-implementers-page-private.h"

struct _HsImplementersPage
{
  AdwPreferencesPage    parent_instance;

  HsRepository         *repository;
  HsProject            *project;    /* a copy of what the editor gave */
  char                 *rows_key;   /* what the rows show */
  GListStore           *rows_model; /* of HsEditorRowItem: the list's rows */
  GPtrArray            *rows;       /* AdwActionRow, borrowed: one per implementer */
  GPtrArray            *removes;    /* GtkButton, borrowed: their Remove buttons */
  GPtrArray            *make_mains; /* GtkButton or NULL (the main one), borrowed */
  HsOrganisationPicker *picker;     /* borrowed; NULL once destroyed */

  /* template children */
  GtkButton            *add_button;
  GtkListBox           *list;
};

static void hs_implementers_page_editor_page_init (HsEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsImplementersPage, hs_implementers_page, ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_EDITOR_PAGE, hs_implementers_page_editor_page_init))

/* In the editor's toasts; "editor.undo" is the editor's. */
static void
show_toast (HsImplementersPage *self,
            const char         *title,
            const char         *action)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  if (action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
organisation_chosen_cb (HsOrganisationPicker *picker,
                        HsOrganisation       *org,
                        HsImplementersPage   *self)
{
  g_autoptr(HsProject) edited = NULL;
  g_autofree char *title = NULL;
  gboolean is_main;

  if (self->project == NULL)
    return;

  edited = hs_project_copy (self->project);
  is_main = hs_project_get_main (edited) == NULL;
  g_ptr_array_add (edited->implementers, hs_implementer_new (hs_organisation_copy (org), is_main));
  if (hs_editor_page_edited (HS_EDITOR_PAGE (self), edited))
    {
      /* Translators: a toast; %s is an organisation */
      title = g_strdup_printf (is_main ? _("%s added as the main implementer") : _("%s added as a partial implementer"),
                               org->name);
      show_toast (self, title, NULL);
    }
}

static void
picker_destroyed_cb (HsImplementersPage *self)
{
  self->picker = NULL;
}

void
hs_implementers_page_add (HsImplementersPage *self)
{
  g_autoptr(GArray) exclude = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkRoot *root;

  g_return_if_fail (HS_IS_IMPLEMENTERS_PAGE (self));

  if (self->project == NULL || self->repository == NULL)
    return;
  if (self->picker != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->picker));
      return;
    }

  for (guint i = 0; i < self->project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (self->project->implementers, i);
      if (impl->organisation != NULL && impl->organisation->id != 0)
        g_array_append_val (exclude, impl->organisation->id);
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->picker = hs_organisation_picker_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->repository, exclude);
  hs_organisation_picker_set_agreement_id (self->picker, self->project->agreement_id);
  g_signal_connect_object (self->picker, "destroy", G_CALLBACK (picker_destroyed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->picker, "organisation-chosen", G_CALLBACK (organisation_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->picker));
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hs_implementers_page_add (HS_IMPLEMENTERS_PAGE (widget));
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsImplementersPage *self = HS_IMPLEMENTERS_PAGE (widget);
  int index = g_variant_get_int32 (parameter);
  g_autoptr(HsProject) edited = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->project == NULL || index < 0 || (guint) index >= self->project->implementers->len)
    return;

  edited = hs_project_copy (self->project);
  name = g_strdup (hs_editor_page_implementer_name (g_ptr_array_index (edited->implementers, index)));
  g_ptr_array_remove_index (edited->implementers, index);
  if (hs_editor_page_edited (HS_EDITOR_PAGE (self), edited))
    {
      /* Translators: a toast with an Undo button; %s is an organisation */
      title = g_strdup_printf (_("%s removed"), name);
      show_toast (self, title, "editor.undo");
    }
}

static void
make_main_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HsImplementersPage *self = HS_IMPLEMENTERS_PAGE (widget);
  int index = g_variant_get_int32 (parameter);
  g_autoptr(HsProject) edited = NULL;

  if (self->project == NULL || index < 0 || (guint) index >= self->project->implementers->len)
    return;

  edited = hs_project_copy (self->project);
  for (guint i = 0; i < edited->implementers->len; i++)
    ((HsImplementer *) g_ptr_array_index (edited->implementers, i))->is_main = (int) i == index;
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static char *
implementer_subtitle (const HsImplementer *impl)
{
  GString *s = g_string_new (impl->is_main ? _("Main implementer") : _("Partial implementer"));
  const HsOrganisation *org = impl->organisation;

  if (org != NULL && org->business_id != NULL)
    g_string_append_printf (s, " · %s", org->business_id);
  if (org != NULL && (guint) org->type < HS_N_ORG_TYPES)
    g_string_append_printf (s, " · %s", hs_org_type_label (org->type));
  if (org != NULL && org->municipality != NULL && *org->municipality != '\0')
    g_string_append_printf (s, " · %s", org->municipality);
  return g_string_free (s, FALSE);
}

static char *
rows_key (const HsProject *project)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      g_autofree char *subtitle = implementer_subtitle (impl);

      g_string_append_printf (key, "%" G_GINT64_FORMAT "|%s|%s\n", impl->id, hs_editor_page_implementer_name (impl), subtitle);
    }
  return g_string_free (key, FALSE);
}

/* The list's row for an item of its model: the implementer at its index. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  HsImplementersPage *self = user_data;
  guint index = hs_editor_row_item_get_index (item);
  const HsImplementer *impl = g_ptr_array_index (self->project->implementers, index);
  g_autofree char *subtitle = implementer_subtitle (impl);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *button = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hs_editor_page_implementer_name (impl));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_focusable (row, TRUE);
  icon = gtk_image_new_from_icon_name (impl->is_main ? "starred-symbolic" : "system-users-symbolic");
  if (!impl->is_main)
    gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (!impl->is_main)
    {
      g_autofree char *make_label = NULL;

      button = gtk_button_new_with_mnemonic (_("Make _Main"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "implementers.make-main");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) index);
      /* Translators: accessible label; %s is an organisation */
      make_label = g_strdup_printf (_("Make %s the main implementer"), hs_editor_page_implementer_name (impl));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, make_label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  g_ptr_array_add (self->make_mains, button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "implementers.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) index);
  /* Translators: accessible label; %s is an organisation */
  remove_label = g_strdup_printf (_("Remove %s"), hs_editor_page_implementer_name (impl));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_ptr_array_add (self->removes, button);

  g_ptr_array_add (self->rows, row);
  return row;
}

static void
hs_implementers_page_set_project (HsEditorPage    *page,
                                  const HsProject *project)
{
  HsImplementersPage *self = HS_IMPLEMENTERS_PAGE (page);
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_pointer (&self->project, hs_project_free);
  if (project == NULL)
    return;
  self->project = hs_project_copy (project);

  key = rows_key (project);
  if (g_strcmp0 (key, self->rows_key) == 0)
    return;
  g_free (self->rows_key);
  self->rows_key = g_steal_pointer (&key);

  /* the rows are made again, in the model's order */
  for (guint i = 0; i < project->implementers->len; i++)
    g_ptr_array_add (items, hs_editor_row_item_new (i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->removes, 0);
  g_ptr_array_set_size (self->make_mains, 0);
  g_list_store_splice (self->rows_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows_model)),
                       items->pdata, items->len);
}

/* "implementers" (Add…), "implementers/N" (and ".../main",
 * ".../organisation/…": its row), "implementers/N/remove" and
 * "implementers/N/make-main". An implementer's budget and financing are
 * on their own pages. */
static GtkWidget *
hs_implementers_page_lookup_field (HsEditorPage *page,
                                   const char   *path)
{
  HsImplementersPage *self = HS_IMPLEMENTERS_PAGE (page);
  g_auto(GStrv) parts = g_strsplit (path, "/", 0);
  guint64 index;

  if (!g_str_equal (parts[0], "implementers"))
    return NULL;
  if (parts[1] == NULL)
    return GTK_WIDGET (self->add_button);
  if (!g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &index, NULL) || index >= self->rows->len)
    return NULL;
  if (parts[2] == NULL || g_str_equal (parts[2], "main") || g_str_equal (parts[2], "organisation"))
    return g_ptr_array_index (self->rows, index);
  if (g_str_equal (parts[2], "remove"))
    return g_ptr_array_index (self->removes, index);
  if (g_str_equal (parts[2], "make-main"))
    return g_ptr_array_index (self->make_mains, index);
  return NULL;
}

static void
hs_implementers_page_editor_page_init (HsEditorPageInterface *iface)
{
  iface->set_project = hs_implementers_page_set_project;
  iface->lookup_field = hs_implementers_page_lookup_field;
}

void
hs_implementers_page_set_repository (HsImplementersPage *self,
                                     HsRepository       *repository)
{
  g_return_if_fail (HS_IS_IMPLEMENTERS_PAGE (self));

  g_set_object (&self->repository, repository);
}

HsOrganisationPicker *
_hs_implementers_page_get_picker (HsImplementersPage *self)
{
  g_return_val_if_fail (HS_IS_IMPLEMENTERS_PAGE (self), NULL);

  return self->picker;
}

static void
hs_implementers_page_dispose (GObject *object)
{
  HsImplementersPage *self = HS_IMPLEMENTERS_PAGE (object);

  if (self->picker != NULL)
    gtk_window_destroy (GTK_WINDOW (self->picker));
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_IMPLEMENTERS_PAGE);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->project, hs_project_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->removes, g_ptr_array_unref);
  g_clear_pointer (&self->make_mains, g_ptr_array_unref);
  g_clear_object (&self->rows_model);

  G_OBJECT_CLASS (hs_implementers_page_parent_class)->dispose (object);
}

static void
hs_implementers_page_finalize (GObject *object)
{
  HsImplementersPage *self = HS_IMPLEMENTERS_PAGE (object);

  g_free (self->rows_key);

  G_OBJECT_CLASS (hs_implementers_page_parent_class)->finalize (object);
}

static void
hs_implementers_page_class_init (HsImplementersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_implementers_page_dispose;
  object_class->finalize = hs_implementers_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-implementers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsImplementersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, HsImplementersPage, list);

  gtk_widget_class_install_action (widget_class, "implementers.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "implementers.remove", "i", remove_action_cb);
  gtk_widget_class_install_action (widget_class, "implementers.make-main", "i", make_main_action_cb);
}

static void
hs_implementers_page_init (HsImplementersPage *self)
{
  GtkWidget *placeholder;

  self->rows = g_ptr_array_new ();
  self->removes = g_ptr_array_new ();
  self->make_mains = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows_model = g_list_store_new (HS_TYPE_EDITOR_ROW_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->rows_model), create_row_cb, self, NULL);
  placeholder = gtk_label_new (_("No implementers yet: add the main implementer first"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->list, placeholder);
}

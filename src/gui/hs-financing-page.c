/* hs-financing-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole project's total costs, EU and state support (its share beside
 * the call's cap, with as many decimals as it takes to show that it is
 * over) and total financing, then each implementer's financing plan: its
 * sources and their shares of its costs.
 */
#define G_LOG_DOMAIN "hs-financing-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-lang.h"
#include "core/hs-money.h"
#include "core/hs-reference.h"

#include "hs-financing-page-private.h"

struct _HsFinancingPage
{
  AdwPreferencesPage  parent_instance;

  HsProject          *project;      /* a copy of what the editor gave */
  HsLang              lang;
  gint32              max_support_bp;
  guint               updating;     /* > 0 while the groups are set from the project */
  char               *groups_key;   /* the implementers the groups were made for */
  GPtrArray          *groups;       /* HsFinancingGroup, borrowed: one per implementer */
  GtkWidget          *placeholder;

  /* template children */
  GtkLabel           *project_costs_label;
  GtkLabel           *project_support_label;
  AdwActionRow       *project_support_row;
  GtkLabel           *project_financing_label;
};

static void hs_financing_page_editor_page_init (HsEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsFinancingPage, hs_financing_page, ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_EDITOR_PAGE, hs_financing_page_editor_page_init))

static void
financing_edited_cb (HsFinancingGroup *group,
                     int               source,
                     gint64            cents,
                     HsFinancingPage  *self)
{
  guint index;
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL ||
      !g_ptr_array_find (self->groups, group, &index) ||
      index >= self->project->implementers->len)
    return;

  edited = hs_project_copy (self->project);
  hs_implementer_set_financing (g_ptr_array_index (edited->implementers, index), source, cents);
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
rebuild_groups (HsFinancingPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  gtk_widget_set_visible (self->placeholder, self->project->implementers->len == 0);

  for (guint i = 0; i < self->project->implementers->len; i++)
    {
      GtkWidget *financing = hs_financing_group_new (self->lang);

      g_signal_connect_object (financing, "financing-edited", G_CALLBACK (financing_edited_cb), self, 0);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (financing));
      g_ptr_array_add (self->groups, financing);
    }
}

static void
update_summary (HsFinancingPage *self)
{
  HsTotals totals;
  gboolean ok = hs_project_totals (self->project, &totals, NULL);
  g_autofree char *costs = ok ? hs_money_format (totals.total_costs, self->lang) : g_strdup ("—");
  g_autofree char *financing = ok ? hs_money_format (totals.total_financing, self->lang) : g_strdup ("—");
  g_autofree char *support = ok ? hs_money_format (totals.financing[HS_SOURCE_EU_STATE], self->lang) : g_strdup ("—");
  g_autofree char *share = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *subtitle = NULL;

  gtk_label_set_text (self->project_costs_label, costs);
  gtk_label_set_text (self->project_financing_label, financing);
  gtk_label_set_text (self->project_support_label, support);

  if (ok && totals.total_costs > 0)
    {
      gint64 eu_state = totals.financing[HS_SOURCE_EU_STATE];

      /* over the limit by however little: enough decimals to show it */
      share = eu_state >= 0 && hs_ratio_compare (eu_state, totals.total_costs, self->max_support_bp, HS_BP_WHOLE) > 0
              ? hs_share_format_beside (eu_state, totals.total_costs, self->max_support_bp, TRUE, self->lang)
              : hs_rate_format (hs_rate_of (eu_state, totals.total_costs), self->lang);
      limit = hs_rate_format_limit (self->max_support_bp, self->lang);
      /* Translators: "62,4 % of total costs; at most 60,0 %" */
      subtitle = g_strdup_printf (_("%s of total costs; at most %s"), share, limit);
    }
  adw_action_row_set_subtitle (self->project_support_row, subtitle != NULL ? subtitle : "");
}

static void
hs_financing_page_set_project (HsEditorPage    *page,
                               const HsProject *project)
{
  HsFinancingPage *self = HS_FINANCING_PAGE (page);
  g_autofree char *key = NULL;

  g_clear_pointer (&self->project, hs_project_free);
  if (project == NULL)
    return;
  self->project = hs_project_copy (project);
  self->updating++;

  key = hs_editor_page_implementers_key (project);
  if (g_strcmp0 (key, self->groups_key) != 0)
    {
      g_free (self->groups_key);
      self->groups_key = g_steal_pointer (&key);
      rebuild_groups (self);
    }
  for (guint i = 0; i < project->implementers->len; i++)
    hs_financing_group_update (g_ptr_array_index (self->groups, i), g_ptr_array_index (project->implementers, i));
  update_summary (self);
  self->updating--;
}

static int
main_index (const HsProject *project)
{
  for (guint i = 0; i < project->implementers->len; i++)
    if (((const HsImplementer *) g_ptr_array_index (project->implementers, i))->is_main)
      return (int) i;
  /* none marked main (a finding says so): the first */
  return project->implementers->len > 0 ? 0 : -1;
}

/* An implementer's "implementers/N/financing[/SOURCE]", and the project's
 * "financing[/SOURCE]": the main implementer's line of that source. */
static GtkWidget *
hs_financing_page_lookup_field (HsEditorPage *page,
                                const char   *path)
{
  HsFinancingPage *self = HS_FINANCING_PAGE (page);
  g_auto(GStrv) parts = g_strsplit (path, "/", 0);
  const char *source_id;
  guint64 index;
  int source;

  if (self->project == NULL)
    return NULL;
  if (g_str_equal (parts[0], "financing"))
    {
      int main = main_index (self->project);

      if (main < 0)
        return NULL;
      index = (guint64) main;
      source_id = parts[1];
    }
  else if (g_str_equal (parts[0], "implementers") && parts[1] != NULL && parts[2] != NULL &&
           g_str_equal (parts[2], "financing") &&
           g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &index, NULL))
    source_id = parts[3];
  else
    return NULL;
  if (index >= self->groups->len)
    return NULL;

  source = source_id != NULL ? hs_source_from_id (source_id) : HS_SOURCE_EU_STATE;
  if (source_id != NULL && g_str_equal (source_id, "own"))
    source = HS_SOURCE_OWN_PUBLIC;
  return source >= 0 ? hs_financing_group_get_entry (g_ptr_array_index (self->groups, index), source) : NULL;
}

static void
hs_financing_page_editor_page_init (HsEditorPageInterface *iface)
{
  iface->set_project = hs_financing_page_set_project;
  iface->lookup_field = hs_financing_page_lookup_field;
}

void
hs_financing_page_set_max_support (HsFinancingPage *self,
                                   gint32           max_bp)
{
  g_return_if_fail (HS_IS_FINANCING_PAGE (self));

  self->max_support_bp = max_bp;
  if (self->project != NULL)
    update_summary (self);
}

HsFinancingGroup *
_hs_financing_page_get_group (HsFinancingPage *self,
                              guint            implementer)
{
  g_return_val_if_fail (HS_IS_FINANCING_PAGE (self), NULL);

  return implementer < self->groups->len ? g_ptr_array_index (self->groups, implementer) : NULL;
}

static void
hs_financing_page_dispose (GObject *object)
{
  HsFinancingPage *self = HS_FINANCING_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_FINANCING_PAGE);
  g_clear_pointer (&self->project, hs_project_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_financing_page_parent_class)->dispose (object);
}

static void
hs_financing_page_finalize (GObject *object)
{
  HsFinancingPage *self = HS_FINANCING_PAGE (object);

  g_free (self->groups_key);

  G_OBJECT_CLASS (hs_financing_page_parent_class)->finalize (object);
}

static void
hs_financing_page_class_init (HsFinancingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_financing_page_dispose;
  object_class->finalize = hs_financing_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-financing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsFinancingPage, project_costs_label);
  gtk_widget_class_bind_template_child (widget_class, HsFinancingPage, project_support_label);
  gtk_widget_class_bind_template_child (widget_class, HsFinancingPage, project_support_row);
  gtk_widget_class_bind_template_child (widget_class, HsFinancingPage, project_financing_label);
}

static void
hs_financing_page_init (HsFinancingPage *self)
{
  self->lang = hs_lang_current ();
  self->max_support_bp = HS_DEFAULT_MAX_SUPPORT_BP;
  self->groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->placeholder = hs_editor_page_new_placeholder (_("Each implementer gets a financing plan here: its sources and their shares of its costs."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->placeholder));
}

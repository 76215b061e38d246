/* hs-financing-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole project's total costs, EU and state support (its share beside
 * the call's cap, with as many decimals as it takes to show that it is
 * over), total financing and, when it is given per year, the city's
 * financing by year (a city grants its share per calendar year); then each
 * implementer's financing plan: its sources by year (the years of the
 * schedule, and any other year that has amounts, so that they can be
 * fixed), their totals and their shares of its costs.
 */
#define G_LOG_DOMAIN "hs-financing-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-lang.h"
#include "core/hs-money.h"
#include "core/hs-reference.h"

#include "hs-financing-page-private.h"

#define MAX_FINANCING_YEARS 12

struct _HsFinancingPage
{
  AdwBin              parent_instance;

  HsProject          *project;      /* a copy of what the editor gave */
  HsLang              lang;
  gint32              max_support_bp;
  guint               updating;     /* > 0 while the groups are set from the project */
  char               *groups_key;   /* the implementers the groups were made for */
  GPtrArray          *groups;       /* HsFinancingGroup, borrowed: one per implementer */
  GtkWidget          *placeholder;

  /* template children */
  GtkBox             *box;
  AdwActionRow       *city_years_row;
  GtkLabel           *project_costs_label;
  GtkLabel           *project_support_label;
  AdwActionRow       *project_support_row;
  GtkLabel           *project_financing_label;
};

static void hs_financing_page_editor_page_init (HsEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsFinancingPage, hs_financing_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_EDITOR_PAGE, hs_financing_page_editor_page_init))

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return x < y ? -1 : x > y;
}

static void
add_year (GArray     *years,
          GHashTable *seen,
          int         year)
{
  if (g_hash_table_add (seen, GINT_TO_POINTER (year)))
    g_array_append_val (years, year);
}

/* The schedule's years (else the budget's), and every other year that has
 * financing or costs. */
static GArray *
financing_years (const HsProject *project)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) used = hs_project_budget_years (project);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (g_date_valid (&project->start_date) || g_date_valid (&project->end_date))
    {
      int first = g_date_valid (&project->start_date) ? g_date_get_year (&project->start_date)
                                                      : g_date_get_year (&project->end_date);
      int last = g_date_valid (&project->end_date) ? g_date_get_year (&project->end_date) : first;

      if (last < first)
        last = first;
      if (last - first >= MAX_FINANCING_YEARS)
        last = first + MAX_FINANCING_YEARS - 1;
      for (int y = first; y <= last; y++)
        add_year (years, seen, y);
    }
  for (guint i = 0; used != NULL && i < used->len; i++)
    add_year (years, seen, g_array_index (used, int, i));
  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      for (guint l = 0; l < impl->financing->len; l++)
        {
          int year = g_array_index (impl->financing, HsFinancingLine, l).year;

          if (year != 0)
            add_year (years, seen, year);
        }
    }
  g_array_sort (years, compare_ints);
  return g_steal_pointer (&years);
}

static void
financing_edited_cb (HsFinancingGroup *group,
                     int               source,
                     int               year,
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
  hs_implementer_set_financing_year (g_ptr_array_index (edited->implementers, index), source, year, cents);
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
rebuild_groups (HsFinancingPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  gtk_widget_set_visible (self->placeholder, self->project->implementers->len == 0);

  for (guint i = 0; i < self->project->implementers->len; i++)
    {
      GtkWidget *financing = hs_financing_group_new (self->lang);

      g_signal_connect_object (financing, "financing-edited", G_CALLBACK (financing_edited_cb), self, 0);
      gtk_box_append (self->box, financing);
      g_ptr_array_add (self->groups, financing);
    }
}

/* The city's financing of every implementer by year, when some of it is
 * given per year: "2025: 36 400,00 € · 2026: 36 400,00 €", and what is
 * not divided by year. */
static void
update_city_years (HsFinancingPage *self)
{
  g_autoptr(GArray) years = financing_years (self->project);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean split = FALSE;

  for (guint i = 0; i < self->project->implementers->len; i++)
    split = split || hs_implementer_financing_is_split (g_ptr_array_index (self->project->implementers, i),
                                                        HS_SOURCE_CITY);
  gtk_widget_set_visible (GTK_WIDGET (self->city_years_row), split);
  if (!split)
    return;

  for (guint y = 0; y <= years->len; y++)
    {
      int year = y < years->len ? g_array_index (years, int, y) : 0;
      gint64 sum = 0;
      g_autofree char *amount = NULL;

      for (guint i = 0; i < self->project->implementers->len; i++)
        if (!hs_money_add (sum, hs_implementer_get_financing_year (g_ptr_array_index (self->project->implementers, i),
                                                                   HS_SOURCE_CITY, year), &sum))
          sum = HS_MONEY_MAX;
      if (sum == 0)
        continue;
      amount = hs_money_format (sum, self->lang);
      if (text->len > 0)
        g_string_append (text, " · ");
      if (year != 0)
        g_string_append_printf (text, "%d: %s", year, amount);
      else
        /* Translators: the part of the city's financing not divided by year, "not by year: 5 000,00 €" */
        g_string_append_printf (text, _("not by year: %s"), amount);
    }
  adw_action_row_set_subtitle (self->city_years_row, text->str);
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

  update_city_years (self);
}

static void
hs_financing_page_set_project (HsEditorPage    *page,
                               const HsProject *project)
{
  HsFinancingPage *self = HS_FINANCING_PAGE (page);
  g_autofree char *key = NULL;
  g_autoptr(GArray) years = NULL;

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
  years = financing_years (project);
  for (guint i = 0; i < project->implementers->len; i++)
    hs_financing_group_update (g_ptr_array_index (self->groups, i), g_ptr_array_index (project->implementers, i),
                               years);
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

/* An implementer's "implementers/N/financing[/SOURCE[/YEAR]]", and the
 * project's "financing[/SOURCE]": the main implementer's line of that
 * source (not divided by year). */
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
  if (source < 0)
    return NULL;
  if (source_id != NULL && g_str_equal (parts[0], "implementers") && parts[4] != NULL)
    {
      guint64 year;
      GtkWidget *cell;

      if (!g_ascii_string_to_unsigned (parts[4], 10, 1, 9999, &year, NULL))
        return NULL;
      cell = hs_financing_group_get_year_entry (g_ptr_array_index (self->groups, index), source, (int) year);
      /* a year not shown: the source's amount not divided by year */
      if (cell != NULL)
        return cell;
    }
  return hs_financing_group_get_entry (g_ptr_array_index (self->groups, index), source);
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

AdwActionRow *
_hs_financing_page_get_city_years (HsFinancingPage *self)
{
  g_return_val_if_fail (HS_IS_FINANCING_PAGE (self), NULL);

  return self->city_years_row;
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
  gtk_widget_class_bind_template_child (widget_class, HsFinancingPage, box);
  gtk_widget_class_bind_template_child (widget_class, HsFinancingPage, city_years_row);
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
  gtk_box_append (self->box, self->placeholder);
}

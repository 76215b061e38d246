/* hs-budget-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each implementer's budget as a grid of cost categories by year (the
 * years of the schedule, and any other year that has amounts, so that
 * they can be fixed), and with two implementers or more the project's
 * total, last. Cells commit on Tab, Enter or when left; a grid says what
 * is wrong in a cell itself.
 */
#define G_LOG_DOMAIN "hs-budget-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-lang.h"
#include "core/hs-money.h"

#include "hs-amount-entry.h"
#include "hs-budget-page-private.h"

#define MAX_BUDGET_YEARS 12

struct _HsBudgetPage
{
  AdwBin               parent_instance;

  HsProject           *project;      /* a copy of what the editor gave */
  HsLang               lang;
  guint                updating;     /* > 0 while the grids are set from the project */
  char                *groups_key;   /* the implementers the groups were made for */
  GPtrArray           *groups;       /* AdwPreferencesGroup, borrowed: one per implementer */
  GPtrArray           *grids;        /* HsBudgetGrid, borrowed, in the same order */
  GtkWidget           *placeholder;
  AdwPreferencesGroup *total_group;  /* the project's total, last */
  HsBudgetGrid        *total_grid;

  /* template children */
  GtkBox              *box;
};

static void hs_budget_page_editor_page_init (HsEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsBudgetPage, hs_budget_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_EDITOR_PAGE, hs_budget_page_editor_page_init))

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return x < y ? -1 : x > y;
}

static GArray *
budget_years (const HsProject *project)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) used = hs_project_budget_years (project);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int first, last;

  if (g_date_valid (&project->start_date))
    {
      first = g_date_get_year (&project->start_date);
      last = g_date_valid (&project->end_date) ? g_date_get_year (&project->end_date) : first;
      if (last < first)
        last = first;
      if (last - first >= MAX_BUDGET_YEARS)
        last = first + MAX_BUDGET_YEARS - 1;
    }
  else if (g_date_valid (&project->end_date))
    first = last = g_date_get_year (&project->end_date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      first = last = g_date_time_get_year (now);
    }

  for (int y = first; y <= last; y++)
    {
      g_array_append_val (years, y);
      g_hash_table_add (seen, GINT_TO_POINTER (y));
    }
  /* Years with amounts outside the schedule stay visible, to be fixed. */
  for (guint i = 0; used != NULL && i < used->len; i++)
    {
      int y = g_array_index (used, int, i);
      if (!g_hash_table_contains (seen, GINT_TO_POINTER (y)))
        {
          g_array_append_val (years, y);
          g_hash_table_add (seen, GINT_TO_POINTER (y));
        }
    }
  g_array_sort (years, compare_ints);
  return g_steal_pointer (&years);
}

/* Every implementer's lines added up, as one implementer the grid can show. */
static HsImplementer *
project_budget (const HsProject *project)
{
  HsImplementer *total = hs_implementer_new (hs_organisation_new (_("Project total"), NULL, HS_ORG_OTHER), TRUE);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      for (guint l = 0; l < impl->budget->len; l++)
        {
          const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, l);
          gint64 sum;

          /* a sum past what an amount can hold is shown as the largest;
           * the findings say the totals cannot be computed */
          if (!hs_money_add (hs_implementer_get_cost (total, line->category, line->year), line->amount, &sum))
            sum = G_MAXINT64;
          hs_implementer_set_cost (total, line->category, line->year, sum);
        }
    }
  return total;
}

static void
cost_edited_cb (HsBudgetGrid *grid,
                int           category,
                int           year,
                gint64        cents,
                HsBudgetPage *self)
{
  guint index;
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL ||
      !g_ptr_array_find (self->grids, grid, &index) ||
      index >= self->project->implementers->len)
    return;

  edited = hs_project_copy (self->project);
  hs_implementer_set_cost (g_ptr_array_index (edited->implementers, index), category, year, cents);
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
rebuild_groups (HsBudgetPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->grids, 0);

  gtk_widget_set_visible (self->placeholder, self->project->implementers->len == 0);

  for (guint i = 0; i < self->project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (self->project->implementers, i);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *grid = hs_budget_grid_new (self->lang);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), hs_editor_page_implementer_name (impl));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             impl->is_main ? _("Main implementer") : _("Partial implementer"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), grid);
      g_signal_connect_object (grid, "cost-edited", G_CALLBACK (cost_edited_cb), self, 0);
      gtk_box_append (self->box, group);
      g_ptr_array_add (self->groups, group);
      g_ptr_array_add (self->grids, grid);
    }

  /* the project's total stays the last group */
  gtk_box_reorder_child_after (self->box, GTK_WIDGET (self->total_group),
                               gtk_widget_get_last_child (GTK_WIDGET (self->box)));
  gtk_widget_set_visible (GTK_WIDGET (self->total_group), self->project->implementers->len > 1);
}

static void
hs_budget_page_set_project (HsEditorPage    *page,
                            const HsProject *project)
{
  HsBudgetPage *self = HS_BUDGET_PAGE (page);
  g_autofree char *key = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(HsImplementer) total = NULL;

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

  years = budget_years (project);
  for (guint i = 0; i < project->implementers->len; i++)
    hs_budget_grid_update (g_ptr_array_index (self->grids, i), g_ptr_array_index (project->implementers, i),
                           project->cost_model, years);
  total = project_budget (project);
  hs_budget_grid_update (self->total_grid, total, project->cost_model, years);
  self->updating--;
}

/* "budget" (the first cell to type in) and an implementer's
 * "implementers/N/budget[/YEAR[/CATEGORY]]". */
static GtkWidget *
hs_budget_page_lookup_field (HsEditorPage *page,
                             const char   *path)
{
  HsBudgetPage *self = HS_BUDGET_PAGE (page);
  g_auto(GStrv) parts = g_strsplit (path, "/", 0);
  HsBudgetGrid *grid;
  guint64 index, year = 0;

  if (g_str_equal (path, "budget"))
    {
      for (guint i = 0; i < self->grids->len; i++)
        {
          GtkWidget *cell = hs_budget_grid_get_first_editable (g_ptr_array_index (self->grids, i), 0);
          if (cell != NULL)
            return cell;
        }
      return NULL;
    }
  if (!g_str_equal (parts[0], "implementers") || parts[1] == NULL || parts[2] == NULL ||
      !g_str_equal (parts[2], "budget") ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &index, NULL) || index >= self->grids->len)
    return NULL;

  grid = g_ptr_array_index (self->grids, index);
  if (parts[3] == NULL)
    return hs_budget_grid_get_first_editable (grid, 0);
  if (!g_ascii_string_to_unsigned (parts[3], 10, 1, 9999, &year, NULL))
    return NULL;
  if (parts[4] != NULL)
    {
      int category = hs_cost_category_from_id (parts[4]);
      GtkWidget *cell = category >= 0 ? hs_budget_grid_get_cell (grid, category, (int) year) : NULL;

      if (HS_IS_AMOUNT_ENTRY (cell))
        return cell;
    }
  return hs_budget_grid_get_first_editable (grid, (int) year);
}

static void
hs_budget_page_editor_page_init (HsEditorPageInterface *iface)
{
  iface->set_project = hs_budget_page_set_project;
  iface->lookup_field = hs_budget_page_lookup_field;
}

HsBudgetGrid *
_hs_budget_page_get_grid (HsBudgetPage *self,
                          guint         implementer)
{
  g_return_val_if_fail (HS_IS_BUDGET_PAGE (self), NULL);

  return implementer < self->grids->len ? g_ptr_array_index (self->grids, implementer) : NULL;
}

HsBudgetGrid *
_hs_budget_page_get_total (HsBudgetPage *self)
{
  g_return_val_if_fail (HS_IS_BUDGET_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->total_group)) ? self->total_grid : NULL;
}

static void
hs_budget_page_dispose (GObject *object)
{
  HsBudgetPage *self = HS_BUDGET_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_BUDGET_PAGE);
  g_clear_pointer (&self->project, hs_project_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->grids, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_budget_page_parent_class)->dispose (object);
}

static void
hs_budget_page_finalize (GObject *object)
{
  HsBudgetPage *self = HS_BUDGET_PAGE (object);

  g_free (self->groups_key);

  G_OBJECT_CLASS (hs_budget_page_parent_class)->finalize (object);
}

static void
hs_budget_page_class_init (HsBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_budget_page_dispose;
  object_class->finalize = hs_budget_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsBudgetPage, box);
}

static void
hs_budget_page_init (HsBudgetPage *self)
{
  self->lang = hs_lang_current ();
  self->groups = g_ptr_array_new ();
  self->grids = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->placeholder = hs_editor_page_new_placeholder (_("Each implementer gets a budget here, by cost category and year."));
  gtk_box_append (self->box, self->placeholder);
  self->total_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->total_group, _("Project Total"));
  adw_preferences_group_set_description (self->total_group, _("All implementers together, by cost category and year"));
  self->total_grid = HS_BUDGET_GRID (hs_budget_grid_new_total (self->lang));
  adw_preferences_group_add (self->total_group, GTK_WIDGET (self->total_grid));
  gtk_widget_set_visible (GTK_WIDGET (self->total_group), FALSE);
  gtk_box_append (self->box, GTK_WIDGET (self->total_group));
}

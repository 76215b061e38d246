/* hs-project.c — a project, its implementers and their budgets and financing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Budget lines are kept sorted by (year, category), typed lines before the
 * derived line of the same key, and financing lines by (source, year), the
 * undivided line (year 0) first, so that two
 * equal projects have equal arrays and a snapshot is canonical.
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-core-error.h"
#include "hs-money.h"
#include "hs-project.h"

/* The version of the GVariant snapshot; the first field of the tuple. */
#define HS_PROJECT_VARIANT_VERSION 2u
#define HS_PROJECT_VARIANT_VERSION_1 1u

/* organisation: id, name, business id, type, municipality, foreign */
#define ORGANISATION_TYPE "(xmsmssmsb)"
/* budget line: category, year, amount, derived */
#define BUDGET_LINE_TYPE  "(sixb)"
/* financing line: source, year (0: undivided), amount; version 1: source, amount */
#define FINANCING_TYPE    "(six)"
#define FINANCING_TYPE_1  "(sx)"
/* implementer: id, is main, organisation (nothing when NULL), budget, financing */
#define IMPLEMENTER_TYPE_OF(fin)   "(xbm" ORGANISATION_TYPE "a" BUDGET_LINE_TYPE "a" fin ")"
#define IMPLEMENTER_FORMAT_OF(fin) "(xb@m" ORGANISATION_TYPE "a" BUDGET_LINE_TYPE "a" fin ")"
#define IMPLEMENTER_TYPE    IMPLEMENTER_TYPE_OF (FINANCING_TYPE)
#define IMPLEMENTER_FORMAT  IMPLEMENTER_FORMAT_OF (FINANCING_TYPE)
#define IMPLEMENTER_FORMAT_1 IMPLEMENTER_FORMAT_OF (FINANCING_TYPE_1)
/* indicator: code, target */
#define INDICATOR_TYPE    "(msx)"
/* status change: status, date (julian day, 0 when unset) */
#define STATUS_CHANGE_TYPE "(su)"

/* The same, reading strings in place (with g_variant_iter_loop ()). */
#define BUDGET_LINE_READ   "(&sixb)"
#define FINANCING_READ     "(&six)"
#define FINANCING_READ_1   "(&sx)"
#define STATUS_CHANGE_READ "(&su)"
/* project: version, id, code, names fi/sv/en, acronym, agreement, focus
 * area, call, status, start, end (julian days, 0 when unset), summary,
 * cost model, example, implementers, indicators, history */
#define PROJECT_TYPE_OF(impl) \
  "(uxmsmsmsmsmsxxxsuumssb" \
  "a" impl \
  "a" INDICATOR_TYPE \
  "a" STATUS_CHANGE_TYPE ")"
#define PROJECT_TYPE   PROJECT_TYPE_OF (IMPLEMENTER_TYPE)
#define PROJECT_TYPE_1 PROJECT_TYPE_OF (IMPLEMENTER_TYPE_OF (FINANCING_TYPE_1))

/* ---------------------------------------------------------------------- */
/* Organisation                                                           */
/* ---------------------------------------------------------------------- */

HsOrganisation *
hs_organisation_new (const char *name,
                     const char *business_id,
                     HsOrgType   type)
{
  HsOrganisation *org = g_new0 (HsOrganisation, 1);

  org->name = g_strdup (name);
  org->business_id = g_strdup (business_id);
  org->type = type;

  return org;
}

HsOrganisation *
hs_organisation_copy (const HsOrganisation *org)
{
  HsOrganisation *copy;

  if (org == NULL)
    return NULL;

  copy = g_new0 (HsOrganisation, 1);
  copy->id = org->id;
  copy->name = g_strdup (org->name);
  copy->business_id = g_strdup (org->business_id);
  copy->type = org->type;
  copy->municipality = g_strdup (org->municipality);
  copy->foreign = org->foreign;

  return copy;
}

void
hs_organisation_free (HsOrganisation *org)
{
  if (org == NULL)
    return;

  g_free (org->name);
  g_free (org->business_id);
  g_free (org->municipality);
  g_free (org);
}

static gboolean
organisation_equal (const HsOrganisation *a,
                    const HsOrganisation *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->id == b->id &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->business_id, b->business_id) == 0 &&
         a->type == b->type &&
         g_strcmp0 (a->municipality, b->municipality) == 0 &&
         !a->foreign == !b->foreign;
}

/* ---------------------------------------------------------------------- */
/* Implementer                                                            */
/* ---------------------------------------------------------------------- */

static GArray *
budget_array_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (HsBudgetLine));
}

static GArray *
financing_array_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (HsFinancingLine));
}

HsImplementer *
hs_implementer_new (HsOrganisation *org,
                    gboolean        is_main)
{
  HsImplementer *impl = g_new0 (HsImplementer, 1);

  impl->organisation = org;
  impl->is_main = is_main;
  impl->budget = budget_array_new ();
  impl->financing = financing_array_new ();

  return impl;
}

HsImplementer *
hs_implementer_copy (const HsImplementer *impl)
{
  HsImplementer *copy;

  if (impl == NULL)
    return NULL;

  copy = g_new0 (HsImplementer, 1);
  copy->id = impl->id;
  copy->organisation = hs_organisation_copy (impl->organisation);
  copy->is_main = impl->is_main;
  copy->budget = g_array_copy (impl->budget);
  copy->financing = g_array_copy (impl->financing);

  return copy;
}

void
hs_implementer_free (HsImplementer *impl)
{
  if (impl == NULL)
    return;

  hs_organisation_free (impl->organisation);
  g_clear_pointer (&impl->budget, g_array_unref);
  g_clear_pointer (&impl->financing, g_array_unref);
  g_free (impl);
}

/* The order of budget lines: year, then category, typed before derived. */
static int
budget_line_compare (const HsBudgetLine *a,
                     const HsBudgetLine *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->category != b->category)
    return a->category < b->category ? -1 : 1;
  return (!!a->derived) - (!!b->derived);
}

/* Inserts @line at its place in the sorted @budget. */
static void
budget_insert_sorted (GArray             *budget,
                      const HsBudgetLine *line)
{
  guint i;

  for (i = 0; i < budget->len; i++)
    {
      if (budget_line_compare (line, &g_array_index (budget, HsBudgetLine, i)) < 0)
        break;
    }

  g_array_insert_val (budget, i, *line);
}

void
hs_implementer_set_cost (HsImplementer  *impl,
                         HsCostCategory  category,
                         int             year,
                         gint64          amount)
{
  HsBudgetLine line = { 0, };

  g_return_if_fail (impl != NULL);
  g_return_if_fail ((guint) category < HS_N_COST_CATEGORIES);

  for (guint i = 0; i < impl->budget->len; i++)
    {
      HsBudgetLine *existing = &g_array_index (impl->budget, HsBudgetLine, i);

      if (existing->derived || existing->category != category || existing->year != year)
        continue;

      if (amount == 0)
        g_array_remove_index (impl->budget, i);
      else
        existing->amount = amount;
      return;
    }

  if (amount == 0)
    return;

  line.category = category;
  line.year = year;
  line.amount = amount;
  line.derived = FALSE;
  budget_insert_sorted (impl->budget, &line);
}

gint64
hs_implementer_get_cost (const HsImplementer *impl,
                         HsCostCategory       category,
                         int                  year)
{
  gint64 sum = 0;

  g_return_val_if_fail (impl != NULL, 0);

  /* Typed and derived lines of the key together; normally only one exists. */
  for (guint i = 0; i < impl->budget->len; i++)
    {
      const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, i);

      if (line->category == category && line->year == year &&
          !hs_money_add (sum, line->amount, &sum))
        return line->amount > 0 ? HS_MONEY_MAX : -HS_MONEY_MAX;
    }

  return sum;
}

static int
financing_line_compare (HsFinancingSource source_a,
                        int               year_a,
                        HsFinancingSource source_b,
                        int               year_b)
{
  if (source_a != source_b)
    return source_a < source_b ? -1 : 1;
  if (year_a != year_b)
    return year_a < year_b ? -1 : 1;
  return 0;
}

void
hs_implementer_set_financing_year (HsImplementer     *impl,
                                   HsFinancingSource  source,
                                   int                year,
                                   gint64             amount)
{
  HsFinancingLine line = { 0, };
  guint i;

  g_return_if_fail (impl != NULL);
  g_return_if_fail ((guint) source < HS_N_SOURCES);

  for (i = 0; i < impl->financing->len; i++)
    {
      HsFinancingLine *existing = &g_array_index (impl->financing, HsFinancingLine, i);
      int order = financing_line_compare (existing->source, existing->year, source, year);

      if (order == 0)
        {
          if (amount == 0)
            g_array_remove_index (impl->financing, i);
          else
            existing->amount = amount;
          return;
        }
      if (order > 0)
        break;
    }

  if (amount == 0)
    return;

  line.source = source;
  line.year = year;
  line.amount = amount;
  g_array_insert_val (impl->financing, i, line);
}

void
hs_implementer_set_financing (HsImplementer     *impl,
                              HsFinancingSource  source,
                              gint64             amount)
{
  g_return_if_fail (impl != NULL);
  g_return_if_fail ((guint) source < HS_N_SOURCES);

  for (guint i = impl->financing->len; i > 0; i--)
    if (g_array_index (impl->financing, HsFinancingLine, i - 1).source == source)
      g_array_remove_index (impl->financing, i - 1);

  hs_implementer_set_financing_year (impl, source, 0, amount);
}

gint64
hs_implementer_get_financing_year (const HsImplementer *impl,
                                   HsFinancingSource    source,
                                   int                  year)
{
  g_return_val_if_fail (impl != NULL, 0);

  for (guint i = 0; i < impl->financing->len; i++)
    {
      const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, i);

      if (line->source == source && line->year == year)
        return line->amount;
    }

  return 0;
}

gint64
hs_implementer_get_financing (const HsImplementer *impl,
                              HsFinancingSource    source)
{
  gint64 sum = 0;

  g_return_val_if_fail (impl != NULL, 0);

  for (guint i = 0; i < impl->financing->len; i++)
    {
      const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, i);

      if (line->source == source && !hs_money_add (sum, line->amount, &sum))
        return line->amount > 0 ? HS_MONEY_MAX : -HS_MONEY_MAX;
    }

  return sum;
}

gboolean
hs_implementer_financing_is_split (const HsImplementer *impl,
                                   HsFinancingSource    source)
{
  g_return_val_if_fail (impl != NULL, FALSE);

  for (guint i = 0; i < impl->financing->len; i++)
    {
      const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, i);

      if (line->source == source && line->year != 0)
        return TRUE;
    }

  return FALSE;
}

static void
set_overflow (GError     **error,
              const char  *what)
{
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW,
               /* Translators: %s is what was being added up, e.g. "Espoon kaupunki" */
               _("The amounts of %s are too large to add up"), what);
}

static const char *
implementer_name (const HsImplementer *impl)
{
  if (impl->organisation != NULL && impl->organisation->name != NULL)
    return impl->organisation->name;
  return _("an implementer");
}

static int
budget_line_compare_func (gconstpointer a,
                          gconstpointer b)
{
  return budget_line_compare (a, b);
}

gboolean
hs_implementer_update_derived (HsImplementer  *impl,
                               HsCostModel     model,
                               GError        **error)
{
  g_autoptr(GArray) work = NULL;
  g_autoptr(GArray) derived = budget_array_new ();
  gint32 rate;
  gboolean on_direct;
  guint i = 0;

  g_return_val_if_fail (impl != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rate = (guint) model < HS_N_COST_MODELS ? hs_cost_model_flat_rate (model) : 0;
  on_direct = rate > 0 && hs_cost_model_rate_on_direct_costs (model);

  /* Work on a copy, so that an overflow leaves the implementer as it was:
   * the typed lines, sorted, so that each year's lines are one run. */
  work = budget_array_new ();
  for (guint j = 0; j < impl->budget->len; j++)
    {
      const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);

      if (!line->derived)
        g_array_append_vals (work, line, 1);
    }
  g_array_sort (work, budget_line_compare_func);

  while (rate > 0 && i < work->len)
    {
      int year = g_array_index (work, HsBudgetLine, i).year;
      gint64 base = 0;

      for (; i < work->len && g_array_index (work, HsBudgetLine, i).year == year; i++)
        {
          const HsBudgetLine *line = &g_array_index (work, HsBudgetLine, i);

          if ((line->category == HS_COST_STAFF || (on_direct && line->category != HS_COST_FLAT_RATE))
              && !hs_money_add (base, line->amount, &base))
            {
              set_overflow (error, implementer_name (impl));
              return FALSE;
            }
        }

      /* A negative base is an error the validator reports; it gets no flat
       * rate of its own. */
      if (base > 0)
        {
          HsBudgetLine line = { 0, };

          line.category = HS_COST_FLAT_RATE;
          line.year = year;
          line.derived = TRUE;
          if (!hs_money_apply_rate (base, rate, &line.amount))
            {
              set_overflow (error, implementer_name (impl));
              return FALSE;
            }
          if (line.amount != 0)
            g_array_append_val (derived, line);
        }
    }

  for (guint j = 0; j < derived->len; j++)
    budget_insert_sorted (work, &g_array_index (derived, HsBudgetLine, j));

  g_array_set_size (impl->budget, 0);
  g_array_append_vals (impl->budget, work->data, work->len);

  return TRUE;
}

/* Adds @amount to *@slot and to *@total, or FALSE on overflow. */
static gboolean
add_to (gint64 *slot,
        gint64 *total,
        gint64  amount)
{
  return hs_money_add (*slot, amount, slot) &&
         hs_money_add (*total, amount, total);
}

static gboolean
totals_add (HsTotals       *sum,
            const HsTotals *part)
{
  for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
    {
      if (!hs_money_add (sum->costs[c], part->costs[c], &sum->costs[c]))
        return FALSE;
    }
  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      if (!hs_money_add (sum->financing[s], part->financing[s], &sum->financing[s]))
        return FALSE;
    }
  return hs_money_add (sum->total_costs, part->total_costs, &sum->total_costs) &&
         hs_money_add (sum->total_financing, part->total_financing, &sum->total_financing);
}

gboolean
hs_implementer_totals (const HsImplementer  *impl,
                       HsTotals             *out,
                       GError              **error)
{
  HsTotals totals = { { 0, }, };

  g_return_val_if_fail (impl != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < impl->budget->len; i++)
    {
      const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, i);

      g_return_val_if_fail ((guint) line->category < HS_N_COST_CATEGORIES, FALSE);
      if (!add_to (&totals.costs[line->category], &totals.total_costs, line->amount))
        {
          set_overflow (error, implementer_name (impl));
          return FALSE;
        }
    }

  for (guint i = 0; i < impl->financing->len; i++)
    {
      const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, i);

      g_return_val_if_fail ((guint) line->source < HS_N_SOURCES, FALSE);
      if (!add_to (&totals.financing[line->source], &totals.total_financing, line->amount))
        {
          set_overflow (error, implementer_name (impl));
          return FALSE;
        }
    }

  *out = totals;
  return TRUE;
}

static gboolean
budget_equal (GArray *a,
              GArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const HsBudgetLine *x = &g_array_index (a, HsBudgetLine, i);
      const HsBudgetLine *y = &g_array_index (b, HsBudgetLine, i);

      if (x->category != y->category || x->year != y->year ||
          x->amount != y->amount || !x->derived != !y->derived)
        return FALSE;
    }

  return TRUE;
}

static gboolean
financing_equal (GArray *a,
                 GArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const HsFinancingLine *x = &g_array_index (a, HsFinancingLine, i);
      const HsFinancingLine *y = &g_array_index (b, HsFinancingLine, i);

      if (x->source != y->source || x->year != y->year || x->amount != y->amount)
        return FALSE;
    }

  return TRUE;
}

static gboolean
implementer_equal (const HsImplementer *a,
                   const HsImplementer *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->id == b->id &&
         !a->is_main == !b->is_main &&
         organisation_equal (a->organisation, b->organisation) &&
         budget_equal (a->budget, b->budget) &&
         financing_equal (a->financing, b->financing);
}

/* ---------------------------------------------------------------------- */
/* Project                                                                */
/* ---------------------------------------------------------------------- */

static void
indicator_clear (gpointer data)
{
  HsIndicator *indicator = data;

  g_clear_pointer (&indicator->code, g_free);
}

static GArray *
indicator_array_new (void)
{
  GArray *indicators = g_array_new (FALSE, TRUE, sizeof (HsIndicator));

  g_array_set_clear_func (indicators, indicator_clear);
  return indicators;
}

static GArray *
history_array_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (HsStatusChange));
}

HsProject *
hs_project_new (const char *code)
{
  HsProject *project = g_new0 (HsProject, 1);

  project->code = g_strdup (code);
  project->status = HS_STATUS_DRAFT;
  g_date_clear (&project->start_date, 1);
  g_date_clear (&project->end_date, 1);
  project->cost_model = HS_COST_MODEL_FLAT40;
  project->implementers = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_implementer_free);
  project->indicators = indicator_array_new ();
  project->history = history_array_new ();

  return project;
}

HsProject *
hs_project_copy (const HsProject *project)
{
  HsProject *copy;

  if (project == NULL)
    return NULL;

  copy = hs_project_new (project->code);
  copy->id = project->id;
  copy->name_fi = g_strdup (project->name_fi);
  copy->name_sv = g_strdup (project->name_sv);
  copy->name_en = g_strdup (project->name_en);
  copy->acronym = g_strdup (project->acronym);
  copy->agreement_id = project->agreement_id;
  copy->focus_area_id = project->focus_area_id;
  copy->call_id = project->call_id;
  copy->status = project->status;
  copy->start_date = project->start_date;
  copy->end_date = project->end_date;
  copy->summary = g_strdup (project->summary);
  copy->cost_model = project->cost_model;
  copy->example = project->example;
  copy->version = project->version;

  for (guint i = 0; i < project->implementers->len; i++)
    g_ptr_array_add (copy->implementers,
                     hs_implementer_copy (g_ptr_array_index (project->implementers, i)));

  for (guint i = 0; i < project->indicators->len; i++)
    {
      const HsIndicator *indicator = &g_array_index (project->indicators, HsIndicator, i);
      HsIndicator dup = { g_strdup (indicator->code), indicator->target };

      g_array_append_val (copy->indicators, dup);
    }

  g_array_append_vals (copy->history, project->history->data, project->history->len);

  return copy;
}

void
hs_project_free (HsProject *project)
{
  if (project == NULL)
    return;

  g_free (project->code);
  g_free (project->name_fi);
  g_free (project->name_sv);
  g_free (project->name_en);
  g_free (project->acronym);
  g_free (project->summary);
  g_clear_pointer (&project->implementers, g_ptr_array_unref);
  g_clear_pointer (&project->indicators, g_array_unref);
  g_clear_pointer (&project->history, g_array_unref);
  g_free (project);
}

HsImplementer *
hs_project_find_implementer (const HsProject *project,
                             gint64           organisation_id)
{
  g_return_val_if_fail (project != NULL, NULL);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      if (impl->organisation != NULL && impl->organisation->id == organisation_id)
        return impl;
    }
  return NULL;
}

HsImplementer *
hs_project_get_main (const HsProject *project)
{
  g_return_val_if_fail (project != NULL, NULL);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      if (impl->is_main)
        return impl;
    }

  return NULL;
}

gboolean
hs_project_update_derived (HsProject  *project,
                           GError    **error)
{
  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      if (!hs_implementer_update_derived (g_ptr_array_index (project->implementers, i),
                                          project->cost_model, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
hs_project_totals (const HsProject  *project,
                   HsTotals         *out,
                   GError          **error)
{
  HsTotals totals = { { 0, }, };

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsTotals part;

      if (!hs_implementer_totals (g_ptr_array_index (project->implementers, i), &part, error))
        return FALSE;
      if (!totals_add (&totals, &part))
        {
          set_overflow (error, project->code != NULL ? project->code : _("the project"));
          return FALSE;
        }
    }

  *out = totals;
  return TRUE;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x > y) - (x < y);
}

GArray *
hs_project_budget_years (const HsProject *project)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (project != NULL, years);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      for (guint j = 0; j < impl->budget->len; j++)
        {
          int year = g_array_index (impl->budget, HsBudgetLine, j).year;

          if (g_hash_table_add (seen, GINT_TO_POINTER (year)))
            g_array_append_val (years, year);
        }
    }

  g_array_sort (years, compare_int);
  return years;
}

const char *
hs_project_display_name (const HsProject *project)
{
  g_return_val_if_fail (project != NULL, NULL);

  if (project->name_fi != NULL && *project->name_fi != '\0')
    return project->name_fi;
  if (project->name_sv != NULL && *project->name_sv != '\0')
    return project->name_sv;
  if (project->name_en != NULL && *project->name_en != '\0')
    return project->name_en;
  return project->code;
}

/* ---------------------------------------------------------------------- */
/* Snapshot                                                               */
/* ---------------------------------------------------------------------- */

static guint32
date_to_julian (const GDate *date)
{
  return g_date_valid (date) ? g_date_get_julian (date) : 0;
}

static gboolean
date_from_julian (guint32  julian,
                  GDate   *out)
{
  GDate last;

  g_date_clear (out, 1);
  if (julian == 0)
    return TRUE;

  /* dates that ISO 8601 and the rest of Hankesalkku can write: years 1–9999 */
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 9999);
  if (!g_date_valid_julian (julian) || julian > g_date_get_julian (&last))
    return FALSE;
  g_date_set_julian (out, julian);
  return TRUE;
}

/* A stable id for the snapshot; "" (which no reader accepts) for a value
 * outside its enum. */
static const char *
id_or_empty (const char *id)
{
  return id != NULL ? id : "";
}

static GVariant *
organisation_to_variant (const HsOrganisation *org)
{
  GVariant *child = NULL;

  if (org != NULL)
    child = g_variant_new (ORGANISATION_TYPE,
                           org->id,
                           org->name,
                           org->business_id,
                           id_or_empty (hs_org_type_to_id (org->type)),
                           org->municipality,
                           org->foreign);

  return g_variant_new_maybe (G_VARIANT_TYPE (ORGANISATION_TYPE), child);
}

static GVariant *
implementer_to_variant (const HsImplementer *impl)
{
  GVariantBuilder budget;
  GVariantBuilder financing;

  g_variant_builder_init (&budget, G_VARIANT_TYPE ("a" BUDGET_LINE_TYPE));
  for (guint i = 0; i < impl->budget->len; i++)
    {
      const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, i);

      g_variant_builder_add (&budget, BUDGET_LINE_TYPE,
                             id_or_empty (hs_cost_category_to_id (line->category)),
                             (gint32) line->year,
                             line->amount,
                             line->derived);
    }

  g_variant_builder_init (&financing, G_VARIANT_TYPE ("a" FINANCING_TYPE));
  for (guint i = 0; i < impl->financing->len; i++)
    {
      const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, i);

      g_variant_builder_add (&financing, FINANCING_TYPE,
                             id_or_empty (hs_source_to_id (line->source)),
                             (gint32) line->year,
                             line->amount);
    }

  return g_variant_new (IMPLEMENTER_FORMAT,
                        impl->id,
                        impl->is_main,
                        organisation_to_variant (impl->organisation),
                        &budget,
                        &financing);
}

const GVariantType *
hs_project_variant_type (void)
{
  return G_VARIANT_TYPE (PROJECT_TYPE);
}

const GVariantType *
hs_project_variant_type_1 (void)
{
  return G_VARIANT_TYPE (PROJECT_TYPE_1);
}

GVariant *
hs_project_to_variant (const HsProject *project)
{
  GVariantBuilder implementers;
  GVariantBuilder indicators;
  GVariantBuilder history;

  g_return_val_if_fail (project != NULL, NULL);

  g_variant_builder_init (&implementers, G_VARIANT_TYPE ("a" IMPLEMENTER_TYPE));
  for (guint i = 0; i < project->implementers->len; i++)
    g_variant_builder_add_value (&implementers,
                                 implementer_to_variant (g_ptr_array_index (project->implementers, i)));

  g_variant_builder_init (&indicators, G_VARIANT_TYPE ("a" INDICATOR_TYPE));
  for (guint i = 0; i < project->indicators->len; i++)
    {
      const HsIndicator *indicator = &g_array_index (project->indicators, HsIndicator, i);

      g_variant_builder_add (&indicators, INDICATOR_TYPE, indicator->code, indicator->target);
    }

  g_variant_builder_init (&history, G_VARIANT_TYPE ("a" STATUS_CHANGE_TYPE));
  for (guint i = 0; i < project->history->len; i++)
    {
      const HsStatusChange *change = &g_array_index (project->history, HsStatusChange, i);

      g_variant_builder_add (&history, STATUS_CHANGE_TYPE,
                             id_or_empty (hs_status_to_id (change->status)),
                             date_to_julian (&change->date));
    }

  return g_variant_ref_sink (g_variant_new (PROJECT_TYPE,
                                            HS_PROJECT_VARIANT_VERSION,
                                            project->id,
                                            project->code,
                                            project->name_fi,
                                            project->name_sv,
                                            project->name_en,
                                            project->acronym,
                                            project->agreement_id,
                                            project->focus_area_id,
                                            project->call_id,
                                            id_or_empty (hs_status_to_id (project->status)),
                                            date_to_julian (&project->start_date),
                                            date_to_julian (&project->end_date),
                                            project->summary,
                                            id_or_empty (hs_cost_model_to_id (project->cost_model)),
                                            project->example,
                                            &implementers,
                                            &indicators,
                                            &history));
}

static void set_damaged (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
set_damaged (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
               /* Translators: a damaged undo record or copy of a project;
                * %s says what is wrong, e.g. "unknown status “approved-ish”" */
               _("The project snapshot is damaged: %s"), detail);
}

static gboolean
read_date (guint32   julian,
           GDate    *out,
           GError  **error)
{
  if (date_from_julian (julian, out))
    return TRUE;

  set_damaged (error, _("impossible date (day %u)"), (guint) julian);
  return FALSE;
}

static HsOrganisation *
organisation_from_variant (GVariant  *variant,
                           GError   **error)
{
  g_autoptr(HsOrganisation) org = g_new0 (HsOrganisation, 1);
  g_autofree char *type = NULL;
  int value;

  g_variant_get (variant, ORGANISATION_TYPE,
                 &org->id, &org->name, &org->business_id, &type,
                 &org->municipality, &org->foreign);

  value = hs_org_type_from_id (type);
  if (value < 0)
    {
      set_damaged (error, _("unknown organisation type “%s”"), type);
      return NULL;
    }
  org->type = value;

  return g_steal_pointer (&org);
}

static HsImplementer *
implementer_from_variant (GVariant  *variant,
                          guint32    version,
                          GError   **error)
{
  g_autoptr(GVariant) maybe_org = NULL;
  g_autoptr(GVariant) org = NULL;
  g_autoptr(GVariantIter) budget = NULL;
  g_autoptr(GVariantIter) financing = NULL;
  g_autoptr(HsImplementer) impl = hs_implementer_new (NULL, FALSE);
  const char *id_text;
  gint32 year;
  gint64 amount;
  gboolean derived;
  int value;

  g_variant_get (variant, version == HS_PROJECT_VARIANT_VERSION_1 ? IMPLEMENTER_FORMAT_1 : IMPLEMENTER_FORMAT,
                 &impl->id, &impl->is_main, &maybe_org, &budget, &financing);

  org = g_variant_get_maybe (maybe_org);
  if (org != NULL)
    {
      impl->organisation = organisation_from_variant (org, error);
      if (impl->organisation == NULL)
        return NULL;
    }

  while (g_variant_iter_loop (budget, BUDGET_LINE_READ, &id_text, &year, &amount, &derived))
    {
      HsBudgetLine line = { 0, };

      value = hs_cost_category_from_id (id_text);
      if (value < 0)
        {
          set_damaged (error, _("unknown cost category “%s”"), id_text);
          return NULL;
        }
      line.category = value;
      line.year = year;
      line.amount = amount;
      line.derived = derived;
      g_array_append_val (impl->budget, line);
    }

  for (;;)
    {
      HsFinancingLine line = { 0, };
      gint32 line_year = 0;

      if (version == HS_PROJECT_VARIANT_VERSION_1)
        {
          if (!g_variant_iter_next (financing, FINANCING_READ_1, &id_text, &amount))
            break;
        }
      else if (!g_variant_iter_next (financing, FINANCING_READ, &id_text, &line_year, &amount))
        break;

      value = hs_source_from_id (id_text);
      if (value < 0)
        {
          set_damaged (error, _("unknown financing source “%s”"), id_text);
          return NULL;
        }
      if (line_year < 0)
        {
          set_damaged (error, _("impossible year %d of the financing source “%s”"),
                       (int) line_year, id_text);
          return NULL;
        }
      /* at most one line per source and year */
      for (guint i = 0; i < impl->financing->len; i++)
        {
          const HsFinancingLine *seen = &g_array_index (impl->financing, HsFinancingLine, i);

          if (seen->source == (HsFinancingSource) value && seen->year == line_year)
            {
              if (line_year == 0)
                set_damaged (error, _("two lines for the financing source “%s”"), id_text);
              else
                set_damaged (error, _("two lines for the financing source “%s” in %d"),
                             id_text, (int) line_year);
              return NULL;
            }
        }
      line.source = value;
      line.year = line_year;
      line.amount = amount;
      g_array_append_val (impl->financing, line);
    }

  return g_steal_pointer (&impl);
}

HsProject *
hs_project_from_variant (GVariant  *variant,
                         GError   **error)
{
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GVariantIter) implementers = NULL;
  g_autoptr(GVariantIter) indicators = NULL;
  g_autoptr(GVariantIter) history = NULL;
  g_autofree char *status = NULL;
  g_autofree char *cost_model = NULL;
  GVariant *child;
  char *code;
  const char *id_text;
  gint64 target;
  guint32 version;
  guint32 start;
  guint32 end;
  guint32 julian;
  int value;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (variant == NULL ||
      (!g_variant_is_of_type (variant, G_VARIANT_TYPE (PROJECT_TYPE)) &&
       !g_variant_is_of_type (variant, G_VARIANT_TYPE (PROJECT_TYPE_1))))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("Not a project snapshot: the type is “%s”"),
                   variant != NULL ? g_variant_get_type_string (variant) : "");
      return NULL;
    }

  g_variant_get_child (variant, 0, "u", &version);
  if (g_variant_is_of_type (variant, G_VARIANT_TYPE (PROJECT_TYPE_1))
      ? version != HS_PROJECT_VARIANT_VERSION_1
      : version != HS_PROJECT_VARIANT_VERSION)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("The project snapshot has version %u; this version of Hankesalkku reads version %u"),
                   version, HS_PROJECT_VARIANT_VERSION);
      return NULL;
    }

  project = hs_project_new (NULL);
  g_variant_get (variant, version == HS_PROJECT_VARIANT_VERSION_1 ? PROJECT_TYPE_1 : PROJECT_TYPE,
                 NULL,
                 &project->id,
                 &project->code,
                 &project->name_fi,
                 &project->name_sv,
                 &project->name_en,
                 &project->acronym,
                 &project->agreement_id,
                 &project->focus_area_id,
                 &project->call_id,
                 &status,
                 &start,
                 &end,
                 &project->summary,
                 &cost_model,
                 &project->example,
                 &implementers,
                 &indicators,
                 &history);

  value = hs_status_from_id (status);
  if (value < 0)
    {
      set_damaged (error, _("unknown status “%s”"), status);
      return NULL;
    }
  project->status = value;

  value = hs_cost_model_from_id (cost_model);
  if (value < 0)
    {
      set_damaged (error, _("unknown cost model “%s”"), cost_model);
      return NULL;
    }
  project->cost_model = value;

  if (!read_date (start, &project->start_date, error) ||
      !read_date (end, &project->end_date, error))
    return NULL;

  while ((child = g_variant_iter_next_value (implementers)) != NULL)
    {
      HsImplementer *impl = implementer_from_variant (child, version, error);

      g_variant_unref (child);
      if (impl == NULL)
        return NULL;
      g_ptr_array_add (project->implementers, impl);
    }

  while (g_variant_iter_next (indicators, INDICATOR_TYPE, &code, &target))
    {
      HsIndicator indicator = { code, target };

      g_array_append_val (project->indicators, indicator);
    }

  while (g_variant_iter_loop (history, STATUS_CHANGE_READ, &id_text, &julian))
    {
      HsStatusChange change;

      value = hs_status_from_id (id_text);
      if (value < 0)
        {
          set_damaged (error, _("unknown status “%s”"), id_text);
          return NULL;
        }
      change.status = value;
      if (!read_date (julian, &change.date, error))
        return NULL;
      g_array_append_val (project->history, change);
    }

  return g_steal_pointer (&project);
}

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  return date_to_julian (a) == date_to_julian (b);
}

static gboolean
field_equal (const HsProject *a,
             const HsProject *b,
             HsProjectField   field)
{
  switch (field)
    {
    case HS_PROJECT_FIELD_CODE:       return g_strcmp0 (a->code, b->code) == 0;
    case HS_PROJECT_FIELD_NAME_FI:    return g_strcmp0 (a->name_fi, b->name_fi) == 0;
    case HS_PROJECT_FIELD_NAME_SV:    return g_strcmp0 (a->name_sv, b->name_sv) == 0;
    case HS_PROJECT_FIELD_NAME_EN:    return g_strcmp0 (a->name_en, b->name_en) == 0;
    case HS_PROJECT_FIELD_ACRONYM:    return g_strcmp0 (a->acronym, b->acronym) == 0;
    case HS_PROJECT_FIELD_AGREEMENT:  return a->agreement_id == b->agreement_id;
    case HS_PROJECT_FIELD_FOCUS_AREA: return a->focus_area_id == b->focus_area_id;
    case HS_PROJECT_FIELD_CALL:       return a->call_id == b->call_id;
    case HS_PROJECT_FIELD_STATUS:     return a->status == b->status;
    case HS_PROJECT_FIELD_START:      return date_equal (&a->start_date, &b->start_date);
    case HS_PROJECT_FIELD_END:        return date_equal (&a->end_date, &b->end_date);
    case HS_PROJECT_FIELD_SUMMARY:    return g_strcmp0 (a->summary, b->summary) == 0;
    case HS_PROJECT_FIELD_COST_MODEL: return a->cost_model == b->cost_model;
    case HS_PROJECT_FIELD_EXAMPLE:    return !a->example == !b->example;
    case HS_PROJECT_FIELD_IMPLEMENTERS:
      if (a->implementers->len != b->implementers->len)
        return FALSE;
      for (guint i = 0; i < a->implementers->len; i++)
        if (!implementer_equal (g_ptr_array_index (a->implementers, i),
                                g_ptr_array_index (b->implementers, i)))
          return FALSE;
      return TRUE;
    case HS_PROJECT_FIELD_INDICATORS:
      if (a->indicators->len != b->indicators->len)
        return FALSE;
      for (guint i = 0; i < a->indicators->len; i++)
        {
          const HsIndicator *x = &g_array_index (a->indicators, HsIndicator, i);
          const HsIndicator *y = &g_array_index (b->indicators, HsIndicator, i);

          if (g_strcmp0 (x->code, y->code) != 0 || x->target != y->target)
            return FALSE;
        }
      return TRUE;
    case HS_PROJECT_FIELD_HISTORY:
      if (a->history->len != b->history->len)
        return FALSE;
      for (guint i = 0; i < a->history->len; i++)
        {
          const HsStatusChange *x = &g_array_index (a->history, HsStatusChange, i);
          const HsStatusChange *y = &g_array_index (b->history, HsStatusChange, i);

          if (x->status != y->status || !date_equal (&x->date, &y->date))
            return FALSE;
        }
      return TRUE;
    case HS_N_PROJECT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
hs_project_equal (const HsProject *a,
                  const HsProject *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a == b)
    return TRUE;
  if (a->id != b->id)
    return FALSE;
  for (HsProjectField field = 0; field < HS_N_PROJECT_FIELDS; field++)
    if (!field_equal (a, b, field))
      return FALSE;
  return TRUE;
}

GArray *
hs_project_changed_fields (const HsProject *a,
                           const HsProject *b)
{
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (HsProjectField));

  for (HsProjectField field = 0; field < HS_N_PROJECT_FIELDS; field++)
    if (!field_equal (a, b, field))
      g_array_append_val (fields, field);
  return fields;
}

/* Sets @field of @dst to @src's value. */
static void
copy_field (HsProject       *dst,
            const HsProject *src,
            HsProjectField   field)
{
  switch (field)
    {
    case HS_PROJECT_FIELD_CODE:       g_free (dst->code); dst->code = g_strdup (src->code); break;
    case HS_PROJECT_FIELD_NAME_FI:    g_free (dst->name_fi); dst->name_fi = g_strdup (src->name_fi); break;
    case HS_PROJECT_FIELD_NAME_SV:    g_free (dst->name_sv); dst->name_sv = g_strdup (src->name_sv); break;
    case HS_PROJECT_FIELD_NAME_EN:    g_free (dst->name_en); dst->name_en = g_strdup (src->name_en); break;
    case HS_PROJECT_FIELD_ACRONYM:    g_free (dst->acronym); dst->acronym = g_strdup (src->acronym); break;
    case HS_PROJECT_FIELD_AGREEMENT:  dst->agreement_id = src->agreement_id; break;
    case HS_PROJECT_FIELD_FOCUS_AREA: dst->focus_area_id = src->focus_area_id; break;
    case HS_PROJECT_FIELD_CALL:       dst->call_id = src->call_id; break;
    case HS_PROJECT_FIELD_STATUS:     dst->status = src->status; break;
    case HS_PROJECT_FIELD_START:      dst->start_date = src->start_date; break;
    case HS_PROJECT_FIELD_END:        dst->end_date = src->end_date; break;
    case HS_PROJECT_FIELD_SUMMARY:    g_free (dst->summary); dst->summary = g_strdup (src->summary); break;
    case HS_PROJECT_FIELD_COST_MODEL: dst->cost_model = src->cost_model; break;
    case HS_PROJECT_FIELD_EXAMPLE:    dst->example = src->example; break;
    case HS_PROJECT_FIELD_IMPLEMENTERS:
      g_ptr_array_set_size (dst->implementers, 0);
      for (guint i = 0; i < src->implementers->len; i++)
        g_ptr_array_add (dst->implementers, hs_implementer_copy (g_ptr_array_index (src->implementers, i)));
      break;
    case HS_PROJECT_FIELD_INDICATORS:
      g_array_set_size (dst->indicators, 0);
      for (guint i = 0; i < src->indicators->len; i++)
        {
          const HsIndicator *indicator = &g_array_index (src->indicators, HsIndicator, i);
          HsIndicator dup = { g_strdup (indicator->code), indicator->target };

          g_array_append_val (dst->indicators, dup);
        }
      break;
    case HS_PROJECT_FIELD_HISTORY:
      g_array_set_size (dst->history, 0);
      g_array_append_vals (dst->history, src->history->data, src->history->len);
      break;
    case HS_N_PROJECT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

HsProject *
hs_project_rebase (const HsProject *base,
                   const HsProject *mine,
                   const HsProject *theirs,
                   GArray          *both)
{
  HsProject *result = hs_project_copy (theirs);

  for (HsProjectField field = 0; field < HS_N_PROJECT_FIELDS; field++)
    {
      if (field_equal (base, mine, field))
        continue;
      if (both != NULL && !field_equal (base, theirs, field) && !field_equal (mine, theirs, field))
        g_array_append_val (both, field);
      copy_field (result, mine, field);
    }
  return result;
}

const char *
hs_project_field_label (HsProjectField field)
{
  switch (field)
    {
    case HS_PROJECT_FIELD_CODE:         return _("Code");
    case HS_PROJECT_FIELD_NAME_FI:      return _("Name in Finnish");
    case HS_PROJECT_FIELD_NAME_SV:      return _("Name in Swedish");
    case HS_PROJECT_FIELD_NAME_EN:      return _("Name in English");
    case HS_PROJECT_FIELD_ACRONYM:      return _("Acronym");
    case HS_PROJECT_FIELD_AGREEMENT:    return _("Agreement");
    case HS_PROJECT_FIELD_FOCUS_AREA:   return _("Focus area");
    case HS_PROJECT_FIELD_CALL:         return _("Call");
    case HS_PROJECT_FIELD_STATUS:       return _("Status");
    case HS_PROJECT_FIELD_START:        return _("Start date");
    case HS_PROJECT_FIELD_END:          return _("End date");
    case HS_PROJECT_FIELD_SUMMARY:      return _("Summary");
    case HS_PROJECT_FIELD_COST_MODEL:   return _("Cost model");
    case HS_PROJECT_FIELD_EXAMPLE:      return _("Example data");
    case HS_PROJECT_FIELD_IMPLEMENTERS: return _("Implementers, budgets and financing");
    case HS_PROJECT_FIELD_INDICATORS:   return _("Indicators");
    case HS_PROJECT_FIELD_HISTORY:      return _("Status history");
    case HS_N_PROJECT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* ---------------------------------------------------------------------- */
/* What a change is, in words                                             */
/* ---------------------------------------------------------------------- */

/* The kinds of things a change is told apart by in its description. */
typedef enum
{
  KIND_NAME,
  KIND_CODE,
  KIND_ACRONYM,
  KIND_AGREEMENT,
  KIND_FOCUS_AREA,
  KIND_CALL,
  KIND_STATUS,
  KIND_SCHEDULE,
  KIND_SUMMARY,
  KIND_COST_MODEL,
  KIND_EXAMPLE,
  KIND_IMPLEMENTERS,
  KIND_INDICATORS,
  KIND_HISTORY,
  N_KINDS
} ChangeKind;

static ChangeKind
field_kind (HsProjectField field)
{
  switch (field)
    {
    case HS_PROJECT_FIELD_CODE:         return KIND_CODE;
    case HS_PROJECT_FIELD_NAME_FI:
    case HS_PROJECT_FIELD_NAME_SV:
    case HS_PROJECT_FIELD_NAME_EN:      return KIND_NAME;
    case HS_PROJECT_FIELD_ACRONYM:      return KIND_ACRONYM;
    case HS_PROJECT_FIELD_AGREEMENT:    return KIND_AGREEMENT;
    case HS_PROJECT_FIELD_FOCUS_AREA:   return KIND_FOCUS_AREA;
    case HS_PROJECT_FIELD_CALL:         return KIND_CALL;
    case HS_PROJECT_FIELD_STATUS:       return KIND_STATUS;
    case HS_PROJECT_FIELD_START:
    case HS_PROJECT_FIELD_END:          return KIND_SCHEDULE;
    case HS_PROJECT_FIELD_SUMMARY:      return KIND_SUMMARY;
    case HS_PROJECT_FIELD_COST_MODEL:   return KIND_COST_MODEL;
    case HS_PROJECT_FIELD_EXAMPLE:      return KIND_EXAMPLE;
    case HS_PROJECT_FIELD_IMPLEMENTERS: return KIND_IMPLEMENTERS;
    case HS_PROJECT_FIELD_INDICATORS:   return KIND_INDICATORS;
    case HS_PROJECT_FIELD_HISTORY:      return KIND_HISTORY;
    case HS_N_PROJECT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
hs_implementer_same (const HsImplementer *a,
                     const HsImplementer *b)
{
  const HsOrganisation *x = a->organisation, *y = b->organisation;

  if (a->id != 0 && b->id != 0)
    return a->id == b->id;
  if (x == NULL || y == NULL)
    return x == y;
  if (x->id != 0 && y->id != 0)
    return x->id == y->id;
  if (x->business_id != NULL && y->business_id != NULL)
    return g_str_equal (x->business_id, y->business_id);
  return x->business_id == y->business_id && g_strcmp0 (x->name, y->name) == 0;
}

/* How the implementers differ. */
typedef struct
{
  const HsImplementer *added;      /* the last one added */
  const HsImplementer *removed;    /* the last one removed */
  const HsImplementer *changed;    /* the last one whose budget or financing changed */
  guint                n_added;
  guint                n_removed;
  guint                n_changed;
  gboolean             budget;     /* some budget changed */
  gboolean             financing;  /* some financing plan changed */
  gboolean             other;      /* a role, an organisation or the order */
} ImplementerChanges;

static void
compare_implementers (const HsProject    *before,
                      const HsProject    *after,
                      ImplementerChanges *out)
{
  guint next = 0;   /* where the next matched implementer of @after should be */

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < before->implementers->len; i++)
    {
      const HsImplementer *a = g_ptr_array_index (before->implementers, i);
      const HsImplementer *b = NULL;
      guint j;

      for (j = 0; j < after->implementers->len && b == NULL; j++)
        if (hs_implementer_same (a, g_ptr_array_index (after->implementers, j)))
          b = g_ptr_array_index (after->implementers, j);
      if (b == NULL)
        {
          out->removed = a;
          out->n_removed++;
          continue;
        }
      if (j - 1 < next)
        out->other = TRUE;   /* moved before another one */
      next = j;
      if (!a->is_main != !b->is_main || !organisation_equal (a->organisation, b->organisation))
        out->other = TRUE;
      if (!budget_equal (a->budget, b->budget) || !financing_equal (a->financing, b->financing))
        {
          out->budget |= !budget_equal (a->budget, b->budget);
          out->financing |= !financing_equal (a->financing, b->financing);
          out->changed = b;
          out->n_changed++;
        }
    }
  for (guint j = 0; j < after->implementers->len; j++)
    {
      const HsImplementer *b = g_ptr_array_index (after->implementers, j);
      gboolean found = FALSE;

      for (guint i = 0; i < before->implementers->len && !found; i++)
        found = hs_implementer_same (g_ptr_array_index (before->implementers, i), b);
      if (!found)
        {
          out->added = b;
          out->n_added++;
        }
    }
}

static char *
describe_implementers (const HsProject          *after,
                       const ImplementerChanges *c)
{
  const char *code = after->code;

  if (c->other)
    return NULL;
  if (c->n_added == 1 && c->n_removed == 0 && c->n_changed == 0)
    /* Translators: an action in the undo history, "Add implementer Aalto-yliopisto to project PKS-001" */
    return g_strdup_printf (_("Add implementer %s to project %s"), implementer_name (c->added), code);
  if (c->n_removed == 1 && c->n_added == 0 && c->n_changed == 0)
    return g_strdup_printf (_("Remove implementer %s from project %s"), implementer_name (c->removed), code);
  if (c->n_added > 0 || c->n_removed > 0 || c->n_changed == 0)
    return NULL;
  if (c->n_changed == 1)
    {
      const char *who = implementer_name (c->changed);

      if (c->budget && c->financing)
        return g_strdup_printf (_("Edit project %s: budget and financing of %s"), code, who);
      if (c->budget)
        /* Translators: an action in the undo history, "Edit project PKS-001: budget of Espoon kaupunki" */
        return g_strdup_printf (_("Edit project %s: budget of %s"), code, who);
      return g_strdup_printf (_("Edit project %s: financing of %s"), code, who);
    }
  if (c->budget && c->financing)
    return g_strdup_printf (_("Edit project %s: budget and financing"), code);
  if (c->budget)
    return g_strdup_printf (_("Edit project %s: budget"), code);
  return g_strdup_printf (_("Edit project %s: financing"), code);
}

char *
hs_project_describe_change (const HsProject *before,
                            const HsProject *after)
{
  gboolean kinds[N_KINDS] = { FALSE, };
  g_autoptr(GArray) fields = NULL;
  ImplementerChanges implementers;
  const char *code;
  guint n_kinds = 0;
  ChangeKind kind = N_KINDS;

  g_return_val_if_fail (after != NULL, NULL);

  code = after->code != NULL ? after->code : "";
  if (before == NULL)
    return g_strdup_printf (_("Add project %s"), code);

  fields = hs_project_changed_fields (before, after);
  for (guint i = 0; i < fields->len; i++)
    kinds[field_kind (g_array_index (fields, HsProjectField, i))] = TRUE;
  compare_implementers (before, after, &implementers);

  /* what follows from another change is part of it */
  if (kinds[KIND_STATUS])
    kinds[KIND_HISTORY] = FALSE;
  if (kinds[KIND_AGREEMENT])
    kinds[KIND_FOCUS_AREA] = kinds[KIND_CALL] = FALSE;
  if (kinds[KIND_COST_MODEL] && !implementers.financing && !implementers.other
      && implementers.n_added == 0 && implementers.n_removed == 0)
    kinds[KIND_IMPLEMENTERS] = FALSE;   /* the flat-rate lines it recomputes */

  for (ChangeKind k = 0; k < N_KINDS; k++)
    if (kinds[k])
      {
        n_kinds++;
        kind = k;
      }
  if (n_kinds != 1)
    return g_strdup_printf (_("Edit project %s"), code);

  /* Translators: the actions in the undo history: "Edit project PKS-001:
   * name" is undone as "Undone: Edit project PKS-001: name" */
  switch (kind)
    {
    case KIND_NAME:
      return g_strdup_printf (_("Edit project %s: name"), code);
    case KIND_CODE:
      return g_strdup_printf (_("Edit project %s: code"), code);
    case KIND_ACRONYM:
      return g_strdup_printf (_("Edit project %s: acronym"), code);
    case KIND_AGREEMENT:
      return g_strdup_printf (_("Edit project %s: agreement"), code);
    case KIND_FOCUS_AREA:
      return g_strdup_printf (_("Edit project %s: focus area"), code);
    case KIND_CALL:
      return g_strdup_printf (_("Edit project %s: call"), code);
    case KIND_STATUS:
      /* Translators: "Change the status of project PKS-001 to Submitted" */
      return g_strdup_printf (_("Change the status of project %s to %s"), code, hs_status_label (after->status));
    case KIND_SCHEDULE:
      return g_strdup_printf (_("Edit project %s: schedule"), code);
    case KIND_SUMMARY:
      return g_strdup_printf (_("Edit project %s: summary"), code);
    case KIND_COST_MODEL:
      return g_strdup_printf (_("Edit project %s: cost model"), code);
    case KIND_INDICATORS:
      return g_strdup_printf (_("Edit project %s: indicators"), code);
    case KIND_HISTORY:
      return g_strdup_printf (_("Edit project %s: status history"), code);
    case KIND_IMPLEMENTERS:
      {
        char *text = describe_implementers (after, &implementers);
        if (text != NULL)
          return text;
      }
      break;
    case KIND_EXAMPLE:
    case N_KINDS:
    default:
      break;
    }
  return g_strdup_printf (_("Edit project %s"), code);
}

typedef struct
{
  const char *code;
  const char *name;
} IndicatorInfo;

/* ERDF common indicators (Regulation 2021/1058 Annex I), docs/domain.md §4. */
static const IndicatorInfo indicators_known[] = {
  { "RCO01", N_("Enterprises supported (micro, small, medium, large)") },
  { "RCO02", N_("Enterprises supported by grants") },
  { "RCO03", N_("Enterprises supported by financial instruments") },
  { "RCO04", N_("Enterprises with non-financial support") },
  { "RCO05", N_("New enterprises supported") },
  { "RCO06", N_("Researchers working in supported research facilities") },
  { "RCO07", N_("Research organisations participating in joint research projects") },
  { "RCO08", N_("Nominal value of research and innovation equipment") },
  { "RCO10", N_("Enterprises cooperating with research organisations") },
  { "RCO13", N_("Value of digital services, products and processes developed for enterprises") },
  { "RCO14", N_("Public institutions supported to develop digital services, products and processes") },
  { "RCO15", N_("Capacity of incubation created") },
  { "RCO74", N_("Population covered by projects in integrated territorial development strategies") },
  { "RCO75", N_("Integrated territorial development strategies supported") },
  { "RCR01", N_("Jobs created in supported entities") },
  { "RCR02", N_("Private investments matching public support") },
  { "RCR03", N_("SMEs introducing product or process innovation") },
  { "RCR04", N_("SMEs introducing marketing or organisational innovation") },
  { "RCR05", N_("SMEs innovating in-house") },
  { "RCR06", N_("Patent applications submitted") },
  { "RCR08", N_("Publications from supported projects") },
  { "RCR11", N_("Users of new and upgraded public digital services, products and processes") },
  { "RCR13", N_("Enterprises reaching high digital intensity") },
  { "RCR17", N_("New enterprises surviving in the market") },
  { "RCR19", N_("Enterprises with higher turnover") },
  { "RCR102", N_("Research jobs created in supported entities") },
};

guint
hs_indicator_count (void)
{
  return G_N_ELEMENTS (indicators_known);
}

const char *
hs_indicator_code (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (indicators_known), NULL);
  return indicators_known[index].code;
}

const char *
hs_indicator_name (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (indicators_known); i++)
    if (g_str_equal (indicators_known[i].code, code))
      return _(indicators_known[i].name);
  return NULL;
}

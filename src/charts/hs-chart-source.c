/* hs-chart-source.c — chart data gathered from a repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-money.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-reference.h"
#include "hs-chart-source.h"
#include "hs-charts-error.h"

/* The agreements run with the programme period 2021–2027. */
#define AGREEMENT_LAST_YEAR 2027
/* The implementers chart keeps this many organisations and sums the rest. */
#define MAX_ORGANISATIONS 15

static gboolean
overflow (GError **error)
{
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW, _("The totals are too large to add up"));
  return FALSE;
}

char *
hs_chart_scope_label (HsRepository       *repo,
                      const HsChartScope *scope,
                      GError            **error)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  const HsAgreement *agreement = NULL;
  const HsFocusArea *focus_area = NULL;
  gint64 agreement_id = scope->agreement_id;

  if (scope->agreement_id == 0 && scope->focus_area_id == 0)
    return g_strdup (_("Whole portfolio"));

  if (scope->focus_area_id != 0)
    {
      focus_areas = hs_repository_list_focus_areas (repo, 0, error);
      if (focus_areas == NULL)
        return NULL;
      for (guint i = 0; i < focus_areas->len; i++)
        {
          const HsFocusArea *fa = g_ptr_array_index (focus_areas, i);
          if (fa->id == scope->focus_area_id)
            focus_area = fa;
        }
      if (focus_area == NULL || (agreement_id != 0 && focus_area->agreement_id != agreement_id))
        {
          g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NOT_FOUND,
                       _("There is no focus area %lld in this portfolio"), (long long) scope->focus_area_id);
          return NULL;
        }
      agreement_id = focus_area->agreement_id;
    }

  agreements = hs_repository_list_agreements (repo, error);
  if (agreements == NULL)
    return NULL;
  for (guint i = 0; i < agreements->len; i++)
    {
      const HsAgreement *a = g_ptr_array_index (agreements, i);
      if (a->id == agreement_id)
        agreement = a;
    }
  if (agreement == NULL)
    {
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NOT_FOUND,
                   _("There is no agreement %lld in this portfolio"), (long long) agreement_id);
      return NULL;
    }
  if (focus_area != NULL)
    /* Translators: an agreement and one of its focus areas */
    return g_strdup_printf (_("%s — %s"), agreement->region_name, focus_area->name);
  return g_strdup (agreement->region_name);
}

static gboolean
in_scope (const HsChartScope *scope,
          gint64              agreement_id,
          gint64              focus_area_id)
{
  return (scope->agreement_id == 0 || scope->agreement_id == agreement_id)
         && (scope->focus_area_id == 0 || scope->focus_area_id == focus_area_id);
}

/* ---- financing ----------------------------------------------------------- */

static gboolean
financing_values (const gint64 *financing,
                  gint64       *values)
{
  values[0] = financing[HS_SOURCE_EU_STATE];
  values[1] = financing[HS_SOURCE_CITY];
  values[2] = financing[HS_SOURCE_OTHER_PUBLIC];
  values[3] = financing[HS_SOURCE_PRIVATE];
  return hs_money_add (financing[HS_SOURCE_OWN_PUBLIC], financing[HS_SOURCE_OWN_PRIVATE], &values[4]);
}

typedef struct
{
  const HsChartScope *scope;
  HsChartData        *data;
  GHashTable         *by_key;     /* organisation → Organisation* (implementers) */
  GArray             *years;      /* budget by year: costs per year, index year - base */
  GArray             *year_projects;
  int                 base_year;
  gboolean            failed;
} Walk;

static gboolean
financing_project_cb (HsProject *project,
                      gpointer   user_data)
{
  Walk *walk = user_data;
  HsTotals totals;
  gint64 values[5];
  g_autofree char *label = NULL;
  HsChartCategory *c;

  if (!in_scope (walk->scope, project->agreement_id, project->focus_area_id))
    return TRUE;
  if (!hs_project_totals (project, &totals, NULL) || !financing_values (totals.financing, values))
    {
      walk->failed = TRUE;
      return FALSE;
    }
  label = g_strdup_printf ("%s %s", project->code, hs_project_display_name (project));
  c = hs_chart_data_add_category (walk->data, label, values, 1);
  if (c == NULL)
    {
      walk->failed = TRUE;
      return FALSE;
    }
  c->key = g_strdup_printf ("%" G_GINT64_FORMAT, project->id);
  return TRUE;
}

static gboolean
gather_financing (HsRepository       *repo,
                  const HsChartScope *scope,
                  HsChartData        *data,
                  GError            **error)
{
  if (scope->focus_area_id != 0)
    {
      Walk walk = { scope, data };
      gboolean walked;

      /* one focus area: its projects */
      g_free (data->title);
      data->title = g_strdup (_("Financing by project"));
      g_free (data->category_title);
      data->category_title = g_strdup (_("Project"));
      walked = hs_repository_foreach_project (repo, financing_project_cb, &walk, error);
      if (walk.failed)
        return overflow (error);
      if (!walked)
        return FALSE;
    }
  else
    {
      g_autoptr(GArray) rows = hs_repository_summarise (repo, HS_BY_FOCUS_AREA, scope->agreement_id, error);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          const HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
          HsChartCategory *c = NULL;
          gint64 values[5];

          if (row->projects == 0 && row->total_financing == 0)
            continue;
          if (!financing_values (row->financing, values)
              || (c = hs_chart_data_add_category (data, row->label, values, row->projects)) == NULL)
            return overflow (error);
          c->key = g_strdup (row->key);
        }
    }
  hs_chart_data_sort_by_total (data);
  return TRUE;
}

/* ---- proposed and granted ------------------------------------------------ */

/* What a project of the scope counts with on a basis other than applied. */
typedef struct
{
  const HsProjectSummary   *summary;
  const HsPortfolioProject *project;
  gint64                    support;    /* proposed: applied for; granted: granted */
} BasisProject;

/* The projects of @scope that count on @basis, in id order: pointers into
 * *portfolio and *summaries, which the caller keeps. */
static GArray *
basis_projects (HsRepository       *repo,
                const HsChartScope *scope,
                HsChartBasis        basis,
                GArray            **portfolio,
                GArray            **summaries,
                GError            **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *out;

  *portfolio = hs_repository_list_portfolio_projects (repo, error);
  if (*portfolio == NULL)
    return NULL;
  *summaries = hs_repository_list_project_summaries (repo, error);
  if (*summaries == NULL)
    return NULL;
  for (guint i = 0; i < (*summaries)->len; i++)
    {
      HsProjectSummary *row = &g_array_index (*summaries, HsProjectSummary, i);
      g_hash_table_insert (by_id, &row->id, row);
    }
  out = g_array_new (FALSE, TRUE, sizeof (BasisProject));
  for (guint i = 0; i < (*portfolio)->len; i++)
    {
      const HsPortfolioProject *p = &g_array_index (*portfolio, HsPortfolioProject, i);
      BasisProject bp = { g_hash_table_lookup (by_id, &p->id), p, 0 };

      /* a project whose amounts do not add up counts nowhere, as in the rules */
      if (bp.summary == NULL || !p->totals_ok
          || !in_scope (scope, bp.summary->agreement_id, bp.summary->focus_area_id))
        continue;
      if (basis == HS_CHART_BASIS_PROPOSED && p->proposed)
        bp.support = p->eu_state;
      else if (basis == HS_CHART_BASIS_GRANTED && p->decision == HS_PORTFOLIO_GRANTED)
        bp.support = p->granted;
      else
        continue;
      g_array_append_val (out, bp);
    }
  return out;
}

static void
set_basis_series (HsChartData  *data,
                  HsChartBasis  basis)
{
  for (guint s = 1; s < data->n_series; s++)
    g_clear_pointer (&data->series[s], g_free);
  data->n_series = 1;
  g_free (data->series[0]);
  data->series[0] = g_strdup (basis == HS_CHART_BASIS_PROPOSED ? _("EU and state support proposed")
                                                               : _("EU and state support granted"));
  data->basis = basis;
}

typedef struct
{
  char   *label;
  gint64  value;
  guint   projects;
} BasisSum;

static void
basis_sum_free (gpointer data)
{
  BasisSum *sum = data;
  g_free (sum->label);
  g_free (sum);
}

/* The financing chart on a basis: the support by focus area, or in one
 * focus area by project. */
static gboolean
gather_financing_basis (HsRepository       *repo,
                        const HsChartScope *scope,
                        HsChartBasis        basis,
                        HsChartData        *data,
                        GError            **error)
{
  g_autoptr(GArray) portfolio = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) projects = basis_projects (repo, scope, basis, &portfolio, &summaries, error);
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, basis_sum_free);
  gboolean by_project = scope->focus_area_id != 0;
  GHashTableIter iter;
  gpointer key, value;

  if (projects == NULL)
    return FALSE;
  set_basis_series (data, basis);
  g_free (data->title);
  if (by_project)
    data->title = g_strdup (basis == HS_CHART_BASIS_PROPOSED ? _("EU and state support proposed by project")
                                                             : _("EU and state support granted by project"));
  else
    data->title = g_strdup (basis == HS_CHART_BASIS_PROPOSED ? _("EU and state support proposed by focus area")
                                                             : _("EU and state support granted by focus area"));
  if (by_project)
    {
      g_free (data->category_title);
      data->category_title = g_strdup (_("Project"));
    }

  for (guint i = 0; i < projects->len; i++)
    {
      const BasisProject *bp = &g_array_index (projects, BasisProject, i);
      g_autofree char *k = g_strdup_printf ("%" G_GINT64_FORMAT, by_project ? bp->summary->id : bp->summary->focus_area_id);
      BasisSum *sum = g_hash_table_lookup (sums, k);

      if (sum == NULL)
        {
          sum = g_new0 (BasisSum, 1);
          if (by_project)
            sum->label = g_strdup_printf ("%s %s", bp->summary->code, bp->summary->name);
          else
            sum->label = g_strdup (bp->summary->focus_area != NULL ? bp->summary->focus_area : _("No focus area"));
          g_hash_table_insert (sums, g_steal_pointer (&k), sum);
        }
      if (!hs_money_add (sum->value, bp->support, &sum->value))
        return overflow (error);
      sum->projects++;
    }
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BasisSum *sum = value;
      HsChartCategory *c = hs_chart_data_add_category (data, sum->label, &sum->value, sum->projects);

      if (c == NULL)
        return overflow (error);
      c->key = g_strdup (key);
    }
  hs_chart_data_sort_by_total (data);
  return TRUE;
}

/* The budget chart on a basis: the support of each programme year, each
 * project's in proportion to its costs of the year (its EU and state by
 * year, as the agreements' rules count it; a grant shared the same way,
 * cumulatively rounded so that its years add up to it). */
static gboolean
basis_by_year (HsRepository       *repo,
               const HsChartScope *scope,
               HsChartBasis        basis,
               HsChartData        *data,
               GArray             *costs,
               GArray             *counts,
               int                 base,
               GError            **error)
{
  g_autoptr(GArray) portfolio = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) projects = basis_projects (repo, scope, basis, &portfolio, &summaries, error);

  if (projects == NULL)
    return FALSE;
  set_basis_series (data, basis);
  g_free (data->title);
  data->title = g_strdup (basis == HS_CHART_BASIS_PROPOSED ? _("EU and state support proposed by year")
                                                           : _("EU and state support granted by year"));
  for (guint i = 0; i < projects->len; i++)
    {
      const BasisProject *bp = &g_array_index (projects, BasisProject, i);
      const HsPortfolioProject *p = bp->project;
      gint64 cumulative = 0, shared_before = 0;

      for (int y = 0; y < HS_PORTFOLIO_N_YEARS; y++)
        {
          int index = HS_PROGRAMME_START_YEAR + y - base;
          gint64 in_year = p->eu_state_by_year[y], shared;

          if (bp->support != p->eu_state)
            {
              /* a grant less than applied for: shared like the application */
              if (!hs_money_add (cumulative, p->eu_state_by_year[y], &cumulative))
                return overflow (error);
              if (p->eu_state == 0 || !hs_money_scale (bp->support, cumulative, p->eu_state, &shared))
                shared = 0;
              in_year = shared - shared_before;
              shared_before = shared;
            }
          if (in_year == 0 || index < 0 || index >= (int) costs->len)
            continue;
          if (!hs_money_add (g_array_index (costs, gint64, index), in_year, &g_array_index (costs, gint64, index)))
            return overflow (error);
          g_array_index (counts, guint, index)++;
        }
    }
  return TRUE;
}

/* ---- budget by year ------------------------------------------------------ */

static gboolean
budget_project_cb (HsProject *project,
                   gpointer   user_data)
{
  Walk *walk = user_data;
  gboolean counted[64] = { FALSE };

  if (!in_scope (walk->scope, project->agreement_id, project->focus_area_id))
    return TRUE;
  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      for (guint j = 0; j < impl->budget->len; j++)
        {
          const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);
          int index = line->year - walk->base_year;
          if (index < 0 || index >= 64)
            continue;
          if ((guint) index >= walk->years->len)
            {
              g_array_set_size (walk->years, index + 1);
              g_array_set_size (walk->year_projects, index + 1);
            }
          if (!hs_money_add (g_array_index (walk->years, gint64, index), line->amount,
                             &g_array_index (walk->years, gint64, index)))
            {
              walk->failed = TRUE;
              return FALSE;
            }
          if (!counted[index])
            g_array_index (walk->year_projects, guint, index)++;
          counted[index] = TRUE;
        }
    }
  return TRUE;
}

static gboolean
gather_budget (HsRepository       *repo,
               const HsChartScope *scope,
               HsChartBasis        basis,
               HsChartData        *data,
               GError            **error)
{
  g_autoptr(GArray) costs = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) projects = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GPtrArray) agreements = NULL;
  int base = HS_PROGRAMME_START_YEAR - 10;
  int first = HS_PROGRAMME_START_YEAR, last = HS_PROGRAMME_END_YEAR;
  gint64 reference = 0;
  guint with_reference = 0, n_agreements = 0;

  g_array_set_size (costs, 64);
  g_array_set_size (projects, 64);
  if (basis != HS_CHART_BASIS_APPLIED)
    {
      if (!basis_by_year (repo, scope, basis, data, costs, projects, base, error))
        return FALSE;
    }
  else if (scope->focus_area_id != 0)
    {
      Walk walk = { scope, data, NULL, costs, projects, base };
      gboolean walked = hs_repository_foreach_project (repo, budget_project_cb, &walk, error);
      if (walk.failed)
        return overflow (error);
      if (!walked)
        return FALSE;
    }
  else
    {
      g_autoptr(GArray) rows = hs_repository_summarise (repo, HS_BY_YEAR, scope->agreement_id, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          const HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
          int year = atoi (row->key);
          if (year - base < 0 || year - base >= 64)
            continue;
          g_array_index (costs, gint64, year - base) = row->total_costs;
          g_array_index (projects, guint, year - base) = row->projects;
        }
    }
  for (int i = 0; i < 64; i++)
    if (g_array_index (costs, gint64, i) != 0)
      {
        first = MIN (first, base + i);
        last = MAX (last, base + i);
      }

  /* The indicative allocation, where the reference data has one for the
   * whole scope. A sum over only some agreements drawn against the costs
   * of all of them would lie (and read as 0): then, and where none is
   * known, the chart says so instead of drawing a line. */
  if (scope->focus_area_id == 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      agreements = hs_repository_list_agreements (repo, error);
      if (agreements == NULL)
        return FALSE;
      for (guint i = 0; i < agreements->len; i++)
        {
          const HsAgreement *a = g_ptr_array_index (agreements, i);
          if (scope->agreement_id != 0 && a->id != scope->agreement_id)
            continue;
          n_agreements++;
          if (a->indicative_per_year > 0)
            {
              with_reference++;
              if (!hs_money_add (reference, a->indicative_per_year, &reference))
                return overflow (error);
              /* Translators: the separator in a list of agreements' names */
              g_string_append_printf (names, "%s%s", names->len > 0 ? _(", ") : "", a->region_name);
            }
        }
      if (with_reference > 0 && with_reference == n_agreements)
        data->reference_label = g_strdup (_("Indicative annual allocation (EU and state)"));
      else if (with_reference > 0)
        data->reference_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "An indicative annual allocation is known for %u of the %u agreement only (%s): choose one of them to compare.",
                                                             "An indicative annual allocation is known for %u of the %u agreements only (%s): choose one of them to compare.",
                                                             n_agreements),
                                                with_reference, n_agreements, names->str);
      else
        data->reference_note = g_strdup_printf (_("No indicative annual allocation is known for %s."), data->scope);
    }
  else
    data->reference_note = g_strdup (_("The indicative annual allocation is the agreement's: choose the agreement to compare."));

  for (int year = first; year <= last; year++)
    {
      char label[16];
      gint64 value = g_array_index (costs, gint64, year - base);
      HsChartCategory *c;

      g_snprintf (label, sizeof label, "%d", year);
      c = hs_chart_data_add_category (data, label, &value, g_array_index (projects, guint, year - base));
      if (c == NULL)
        return overflow (error);
      c->key = g_strdup (label);
      if (data->reference_label != NULL && year >= HS_PROGRAMME_START_YEAR && year <= AGREEMENT_LAST_YEAR)
        {
          c->has_reference = TRUE;
          c->reference = reference;
        }
    }
  return TRUE;
}

/* ---- timeline and status ------------------------------------------------- */

static gboolean
gather_timeline (HsRepository       *repo,
                 const HsChartScope *scope,
                 HsChartData        *data,
                 GError            **error)
{
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (repo, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const HsProjectSummary *row = &g_array_index (rows, HsProjectSummary, i);
      if (in_scope (scope, row->agreement_id, row->focus_area_id))
        {
          hs_chart_data_add_task (data, row->code, row->name, row->status, &row->start_date, &row->end_date);
          g_array_index (data->tasks, HsChartTask, data->tasks->len - 1).id = row->id;
        }
    }
  g_date_set_time_t (&data->today, time (NULL));
  /* what runs now and what comes next first, the ended last */
  hs_chart_data_sort_tasks (data);
  return TRUE;
}

static gboolean
gather_status (HsRepository       *repo,
               const HsChartScope *scope,
               HsChartData        *data,
               GError            **error)
{
  gint64 costs[HS_N_STATUSES] = { 0 };
  guint projects[HS_N_STATUSES] = { 0 };

  if (scope->focus_area_id != 0)
    {
      g_autoptr(GArray) rows = hs_repository_list_project_summaries (repo, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          const HsProjectSummary *row = &g_array_index (rows, HsProjectSummary, i);
          if (!in_scope (scope, row->agreement_id, row->focus_area_id) || (guint) row->status >= HS_N_STATUSES)
            continue;
          if (!hs_money_add (costs[row->status], row->total_costs, &costs[row->status]))
            return overflow (error);
          projects[row->status]++;
        }
    }
  else
    {
      g_autoptr(GArray) rows = hs_repository_summarise (repo, HS_BY_STATUS, scope->agreement_id, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          const HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
          int status = hs_status_from_id (row->key);
          if (status < 0)
            continue;
          costs[status] = row->total_costs;
          projects[status] = row->projects;
        }
    }
  for (guint s = 0; s < HS_N_STATUSES; s++)
    if (projects[s] > 0)
      {
        HsChartCategory *c = hs_chart_data_add_category (data, hs_status_label (s), &costs[s], projects[s]);
        c->status = (int) s;
        c->key = g_strdup (hs_status_to_id (s));
      }
  return TRUE;
}

/* ---- implementers -------------------------------------------------------- */

typedef struct
{
  char   *name;
  gint64  values[2];   /* as main, as partial */
  gint64  total;
} Organisation;

static void
organisation_free (gpointer data)
{
  Organisation *org = data;
  g_free (org->name);
  g_free (org);
}

static gboolean
implementers_project_cb (HsProject *project,
                         gpointer   user_data)
{
  Walk *walk = user_data;

  if (!in_scope (walk->scope, project->agreement_id, project->focus_area_id))
    return TRUE;
  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      HsTotals totals;
      g_autofree char *key = NULL;
      Organisation *org;

      if (impl->organisation == NULL || !hs_implementer_totals (impl, &totals, NULL))
        continue;
      key = impl->organisation->id > 0 ? g_strdup_printf ("#%" G_GINT64_FORMAT, impl->organisation->id)
                                       : g_strdup (impl->organisation->name);
      org = g_hash_table_lookup (walk->by_key, key);
      if (org == NULL)
        {
          org = g_new0 (Organisation, 1);
          org->name = g_strdup (impl->organisation->name);
          g_hash_table_insert (walk->by_key, g_steal_pointer (&key), org);
        }
      if (!hs_money_add (org->values[impl->is_main ? 0 : 1], totals.total_costs, &org->values[impl->is_main ? 0 : 1])
          || !hs_money_add (org->total, totals.total_costs, &org->total))
        {
          walk->failed = TRUE;
          return FALSE;
        }
    }
  return TRUE;
}

/* The implementers chart from HsOrganisationRole rows: names from the
 * organisation list, the scope from the project list (both one query). */
static gboolean
sum_roles (HsRepository       *repo,
           const HsChartScope *scope,
           GArray             *roles,
           GHashTable         *by_key,
           GError            **error)
{
  g_autoptr(GPtrArray) orgs = hs_repository_list_organisations (repo, error);
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) in_scope_ids = NULL;

  if (orgs == NULL)
    return FALSE;
  names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < orgs->len; i++)
    {
      HsOrganisation *org = g_ptr_array_index (orgs, i);
      g_hash_table_insert (names, &org->id, org->name);
    }

  if (scope->agreement_id != 0 || scope->focus_area_id != 0)
    {
      g_autoptr(GArray) projects = hs_repository_list_project_summaries (repo, error);

      if (projects == NULL)
        return FALSE;
      in_scope_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < projects->len; i++)
        {
          HsProjectSummary *p = &g_array_index (projects, HsProjectSummary, i);
          if (in_scope (scope, p->agreement_id, p->focus_area_id))
            g_hash_table_add (in_scope_ids, g_memdup2 (&p->id, sizeof p->id));
        }
    }

  for (guint i = 0; i < roles->len; i++)
    {
      HsOrganisationRole *role = &g_array_index (roles, HsOrganisationRole, i);
      const char *name = g_hash_table_lookup (names, &role->organisation_id);
      g_autofree char *key = NULL;
      Organisation *org;
      int column = role->is_main ? 0 : 1;

      if (name == NULL || (in_scope_ids != NULL && !g_hash_table_contains (in_scope_ids, &role->project_id)))
        continue;
      key = g_strdup_printf ("#%" G_GINT64_FORMAT, role->organisation_id);
      org = g_hash_table_lookup (by_key, key);
      if (org == NULL)
        {
          org = g_new0 (Organisation, 1);
          org->name = g_strdup (name);
          g_hash_table_insert (by_key, g_steal_pointer (&key), org);
        }
      if (!hs_money_add (org->values[column], role->total_costs, &org->values[column])
          || !hs_money_add (org->total, role->total_costs, &org->total))
        return overflow (error);
    }
  return TRUE;
}

static int
compare_organisations (gconstpointer a,
                       gconstpointer b)
{
  const Organisation *oa = *(Organisation * const *) a, *ob = *(Organisation * const *) b;

  if (oa->total != ob->total)
    return oa->total > ob->total ? -1 : 1;
  return g_utf8_collate (oa->name, ob->name);
}

static gboolean
gather_implementers (HsRepository       *repo,
                     const HsChartScope *scope,
                     HsChartData        *data,
                     GError            **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, organisation_free);
  g_autoptr(GPtrArray) orgs = NULL;
  Walk walk = { scope, data, by_key };
  gint64 rest[2] = { 0 };
  guint n_rest = 0;

  g_autoptr(GArray) roles = NULL;

  /* One query for every implementer's part (the store keeps each
   * implementer's totals), rather than loading every project: the chart
   * follows an edit without reloading the portfolio. */
  if (HS_REPOSITORY_GET_IFACE (repo)->list_organisation_roles != NULL
      && HS_REPOSITORY_GET_IFACE (repo)->list_organisations != NULL)
    roles = hs_repository_list_organisation_roles (repo, NULL);
  if (roles != NULL)
    {
      if (!sum_roles (repo, scope, roles, by_key, error))
        return FALSE;
    }
  else
    {
      gboolean walked = hs_repository_foreach_project (repo, implementers_project_cb, &walk, error);

      if (walk.failed)
        return overflow (error);
      if (!walked)
        return FALSE;
    }

  orgs = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer value;
    g_hash_table_iter_init (&iter, by_key);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (orgs, value);
  }
  g_ptr_array_sort (orgs, compare_organisations);
  for (guint i = 0; i < orgs->len; i++)
    {
      Organisation *org = g_ptr_array_index (orgs, i);
      if (i < MAX_ORGANISATIONS)
        {
          HsChartCategory *c = hs_chart_data_add_category (data, org->name, org->values, 0);
          if (c == NULL)
            return overflow (error);
          c->key = g_strdup (org->name);
        }
      else if (!hs_money_add (rest[0], org->values[0], &rest[0]) || !hs_money_add (rest[1], org->values[1], &rest[1]))
        return overflow (error);
      else
        n_rest++;
    }
  if (n_rest > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other organisation",
                                                             "%u other organisations", n_rest), n_rest);
      HsChartCategory *c = hs_chart_data_add_category (data, label, rest, 0);
      if (c == NULL)
        return overflow (error);
      c->members = n_rest;
    }
  return TRUE;
}

HsChartData *
hs_chart_data_from_repository (HsRepository       *repo,
                               const HsChartScope *scope,
                               HsChartKind         kind,
                               HsLang              lang,
                               GError            **error)
{
  return hs_chart_data_from_repository_for_basis (repo, scope, kind, HS_CHART_BASIS_APPLIED, lang, error);
}

HsChartData *
hs_chart_data_from_repository_for_basis (HsRepository       *repo,
                                         const HsChartScope *scope,
                                         HsChartKind         kind,
                                         HsChartBasis        basis,
                                         HsLang              lang,
                                         GError            **error)
{
  g_autoptr(HsChartData) data = NULL;
  HsChartScope resolved = *scope;
  char *label;
  gboolean ok = FALSE;

  g_return_val_if_fail (HS_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail ((guint) kind < HS_N_CHART_KINDS, NULL);
  g_return_val_if_fail ((guint) basis < HS_N_CHART_BASES, NULL);

  if (basis != HS_CHART_BASIS_APPLIED && !hs_chart_kind_has_basis (kind))
    {
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_FORMAT,
                   _("The %s chart shows no EU and state support: only the financing and budget-by-year charts have a basis"),
                   hs_chart_kind_to_id (kind));
      return NULL;
    }
  label = hs_chart_scope_label (repo, scope, error);
  if (label == NULL)
    return NULL;
  data = hs_chart_data_new (kind, lang);
  g_free (data->scope);
  data->scope = label;

  switch (kind)
    {
    case HS_CHART_FINANCING:
      ok = basis != HS_CHART_BASIS_APPLIED ? gather_financing_basis (repo, &resolved, basis, data, error)
                                           : gather_financing (repo, &resolved, data, error);
      break;
    case HS_CHART_BUDGET_BY_YEAR:
      ok = gather_budget (repo, &resolved, basis, data, error);
      break;
    case HS_CHART_TIMELINE:
      ok = gather_timeline (repo, &resolved, data, error);
      break;
    case HS_CHART_STATUS:
      ok = gather_status (repo, &resolved, data, error);
      break;
    case HS_CHART_IMPLEMENTERS:
      ok = gather_implementers (repo, &resolved, data, error);
      break;
    case HS_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
  return ok ? g_steal_pointer (&data) : NULL;
}

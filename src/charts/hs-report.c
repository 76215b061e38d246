/* hs-report.c — the A4 portfolio report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are flowed twice with the same code: once without a surface to
 * count them (for "Page N of M"), once drawing. Rows are measured with
 * pango before they are placed, so none is cut across pages.
 */
#define G_LOG_DOMAIN "hs-charts"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/hs-cofinancing.h"
#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-reference.h"
#include "core/hs-validate.h"
#include "hs-chart-layout.h"
#include "hs-chart-render.h"
#include "hs-charts-error.h"
#include "hs-report-private.h"

/* A4 portrait in points */
#define PAGE_W HS_REPORT_PAGE_WIDTH
#define PAGE_H HS_REPORT_PAGE_HEIGHT
#define MARGIN_X 48.0
#define MARGIN_TOP 66.0
#define MARGIN_BOTTOM 58.0
#define CONTENT_W (PAGE_W - 2 * MARGIN_X)
#define CELL_PAD 3.0

static void
report_project_free (gpointer data)
{
  HsReportProject *p = data;

  g_free (p->title);
  g_strfreev (p->facts);
  hs_chart_table_free (p->implementers);
  hs_chart_table_free (p->budget);
  hs_chart_table_free (p->financing);
  hs_chart_table_free (p->findings);
  g_free (p->summary);
  g_clear_pointer (&p->parts, g_ptr_array_unref);
  hs_chart_table_free (p->indicators);
  g_free (p);
}

static void
report_implementer_free (gpointer data)
{
  HsReportImplementer *part = data;

  g_free (part->title);
  hs_chart_table_free (part->budget);
  hs_chart_table_free (part->financing);
  g_free (part);
}

void
hs_report_data_free (HsReportData *data)
{
  if (data == NULL)
    return;
  g_free (data->scope);
  hs_chart_table_free (data->summary);
  hs_chart_table_free (data->findings);
  hs_chart_table_free (data->agreement_findings);
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    hs_chart_data_free (data->charts[k]);
  g_ptr_array_unref (data->projects);
  hs_report_letter_free (data->letter);
  g_free (data);
}

/* ---- gathering ----------------------------------------------------------- */

static gpointer find_by_id (GPtrArray *items, gint64 id);

static HsChartTable *
table_new (guint n_columns)
{
  HsChartTable *table = g_new0 (HsChartTable, 1);

  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->numeric = g_new0 (gboolean, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->total_row = -1;
  return table;
}

static char **
table_row (HsChartTable *table)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  g_ptr_array_add (table->rows, row);
  return row;
}

HsChartTable *
hs_report_table_new (guint n_columns)
{
  return table_new (n_columns);
}

char **
hs_report_table_row (HsChartTable *table)
{
  return table_row (table);
}

typedef struct
{
  const HsReportOptions *options;
  HsReportData          *data;
  GHashTable            *agreements;   /* id → HsAgreement* */
  GHashTable            *focus_areas;  /* id → HsFocusArea* */
  GHashTable            *calls;        /* id → HsCall* */
  GArray                *portfolio;    /* HsPortfolioProject of every project, for
                                        * the agreements' and calls' rules */
  gboolean               failed;
} Gather;

static char *
money (HsLang lang,
       gint64 cents)
{
  return hs_money_format (cents, lang);
}

/* The budget of @impls summed: a row per cost category that has costs,
 * a column per year of @years and a total column, and a total row. NULL
 * when the sums overflow. */
static HsChartTable *
budget_table (HsImplementer * const *impls,
              guint                  n_impls,
              GArray                *years,
              HsLang                 lang)
{
  g_autoptr(HsChartTable) budget = table_new (years->len + 2);
  gint64 column_totals[64] = { 0 };
  guint n_years = MIN (years->len, 63);

  budget->headers[0] = g_strdup (_("Cost category"));
  for (guint y = 0; y < years->len; y++)
    {
      budget->headers[y + 1] = g_strdup_printf ("%d", g_array_index (years, int, y));
      budget->numeric[y + 1] = TRUE;
    }
  budget->headers[years->len + 1] = g_strdup (_("Total"));
  budget->numeric[years->len + 1] = TRUE;

  for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
    {
      gint64 row_total = 0;
      gint64 cells[64] = { 0 };
      char **row;

      for (guint y = 0; y < n_years; y++)
        for (guint i = 0; i < n_impls; i++)
          {
            gint64 amount = hs_implementer_get_cost (impls[i], c, g_array_index (years, int, y));
            if (!hs_money_add (cells[y], amount, &cells[y]))
              return NULL;
          }
      for (guint y = 0; y < n_years; y++)
        if (!hs_money_add (row_total, cells[y], &row_total)
            || !hs_money_add (column_totals[y], cells[y], &column_totals[y]))
          return NULL;
      if (row_total == 0)
        continue;
      if (!hs_money_add (column_totals[n_years], row_total, &column_totals[n_years]))
        return NULL;
      row = table_row (budget);
      row[0] = g_strdup (hs_cost_category_label (c));
      for (guint y = 0; y < n_years; y++)
        row[y + 1] = money (lang, cells[y]);
      row[n_years + 1] = money (lang, row_total);
    }
  {
    char **row = table_row (budget);
    row[0] = g_strdup (_("Total"));
    for (guint y = 0; y <= n_years; y++)
      row[y + 1] = money (lang, column_totals[y]);
    budget->total_row = (int) budget->rows->len - 1;
  }
  return g_steal_pointer (&budget);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  /* the years in order, what is not divided by year last */
  if (x == 0 || y == 0)
    return (x == 0) - (y == 0);
  return x < y ? -1 : x > y;
}

/* Under a source that @impls give per year, a row per year (and one for
 * what is not divided by year): "2025 · 36 400,00 €". */
static void
financing_year_rows (HsChartTable        *financing,
                     HsImplementer * const *impls,
                     guint                n_impls,
                     HsFinancingSource    source,
                     HsLang               lang)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean split = FALSE;

  for (guint i = 0; i < n_impls; i++)
    {
      split = split || hs_implementer_financing_is_split (impls[i], source);
      for (guint l = 0; l < impls[i]->financing->len; l++)
        {
          const HsFinancingLine *line = &g_array_index (impls[i]->financing, HsFinancingLine, l);
          gboolean seen = FALSE;

          for (guint y = 0; line->source == source && y < years->len && !seen; y++)
            seen = g_array_index (years, int, y) == line->year;
          if (line->source == source && !seen)
            g_array_append_val (years, line->year);
        }
    }
  if (!split)
    return;

  g_array_sort (years, compare_years);
  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);
      gint64 sum = 0;
      char **row;

      for (guint i = 0; i < n_impls; i++)
        if (!hs_money_add (sum, hs_implementer_get_financing_year (impls[i], source, year), &sum))
          sum = HS_MONEY_MAX;
      if (sum == 0)
        continue;
      row = table_row (financing);
      row[0] = year != 0 ? g_strdup_printf ("    %d", year)
                         /* Translators: a row under a source given per year: the part of it that is not */
                         : g_strdup_printf ("    %s", _("not by year"));
      row[1] = money (lang, sum);
      row[2] = g_strdup ("");
    }
}

/* A financing plan: the sources that have an amount, with their shares of
 * the total costs, the years of a source given per year, and a total row;
 * under EU and state support its EU part and its state part (@split,
 * hs-cofinancing.h), those that are not zero. */
static HsChartTable *
financing_table (const HsTotals        *totals,
                 const HsSupportSplit  *split,
                 HsImplementer * const *impls,
                 guint                  n_impls,
                 HsLang                 lang)
{
  HsChartTable *financing = table_new (3);

  financing->headers[0] = g_strdup (_("Source"));
  financing->headers[1] = g_strdup (_("Amount"));
  financing->headers[2] = g_strdup (_("Share"));
  financing->numeric[1] = financing->numeric[2] = TRUE;
  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      char **row;
      if (totals->financing[s] == 0)
        continue;
      row = table_row (financing);
      row[0] = g_strdup (hs_source_label (s));
      row[1] = money (lang, totals->financing[s]);
      row[2] = hs_rate_format (hs_rate_of (totals->financing[s], totals->total_costs), lang);
      if (s == HS_SOURCE_EU_STATE && split != NULL)
        {
          const gint64 parts[2] = { split->eu, split->state };
          const char *labels[2] = { _("of which EU (ERDF)"), _("of which state") };

          for (guint k = 0; k < 2; k++)
            {
              if (parts[k] == 0)
                continue;
              row = table_row (financing);
              row[0] = g_strconcat ("   ", labels[k], NULL);
              row[1] = money (lang, parts[k]);
              row[2] = hs_rate_format (hs_rate_of (parts[k], totals->total_costs), lang);
            }
        }
      financing_year_rows (financing, impls, n_impls, s, lang);
    }
  {
    char **row = table_row (financing);
    row[0] = g_strdup (_("Total"));
    row[1] = money (lang, totals->total_financing);
    row[2] = hs_rate_format (hs_rate_of (totals->total_financing, totals->total_costs), lang);
    financing->total_row = (int) financing->rows->len - 1;
  }
  return financing;
}

static gboolean
project_cb (HsProject *project,
            gpointer   user_data)
{
  Gather *g = user_data;
  HsLang lang = g->options->lang;
  const HsChartScope *scope = &g->options->scope;
  HsReportProject *page;
  HsTotals totals;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const HsAgreement *agreement;
  const HsFocusArea *focus_area;
  HsValidationContext context = { 0 };

  /* every project counts for its agreement's and its call's rules */
  if (g->portfolio != NULL)
    {
      g_array_set_size (g->portfolio, g->portfolio->len + 1);
      hs_portfolio_project_init (&g_array_index (g->portfolio, HsPortfolioProject, g->portfolio->len - 1), project);
    }

  if ((scope->agreement_id != 0 && project->agreement_id != scope->agreement_id)
      || (scope->focus_area_id != 0 && project->focus_area_id != scope->focus_area_id))
    return TRUE;
  if (!hs_project_totals (project, &totals, NULL))
    {
      g->failed = TRUE;
      return FALSE;
    }

  agreement = g_hash_table_lookup (g->agreements, &project->agreement_id);
  focus_area = g_hash_table_lookup (g->focus_areas, &project->focus_area_id);

  /* the findings the editor shows, for the report's findings section */
  context.call = g_hash_table_lookup (g->calls, &project->call_id);
  context.focus_area = focus_area;
  context.agreement = agreement;
  context.lang = lang;
  findings = hs_validate_project (project, &context);
  g->data->n_checked++;
  if (findings->len > 0)
    {
      /* Translators: a project's code and name in the findings table */
      g_autofree char *name = g_strdup_printf (_("%s %s"), project->code, hs_project_display_name (project));

      g->data->n_with_findings++;
      for (guint i = 0; i < findings->len; i++)
        {
          HsFinding *finding = g_ptr_array_index (findings, i);
          char **row = table_row (g->data->findings);

          row[0] = g_strdup (i == 0 ? name : "");
          row[1] = g_strdup (finding->severity == HS_SEVERITY_ERROR ? _("Error") : _("Warning"));
          row[2] = g_strdup (finding->message);
          if (finding->severity == HS_SEVERITY_ERROR)
            g->data->n_errors++;
          else
            g->data->n_warnings++;
        }
    }
  if (!g->options->include_projects)
    return TRUE;

  page = g_new0 (HsReportProject, 1);
  /* Translators: a project's code and name as a heading */
  page->title = g_strdup_printf (_("%s — %s"), project->code, hs_project_display_name (project));

  {
    g_autofree char *start = hs_date_format (&project->start_date, lang);
    g_autofree char *end = hs_date_format (&project->end_date, lang);
    g_autofree char *costs = money (lang, totals.total_costs);
    g_autofree char *eu = money (lang, totals.financing[HS_SOURCE_EU_STATE]);
    g_autofree char *rate = hs_rate_format (hs_rate_of (totals.financing[HS_SOURCE_EU_STATE], totals.total_costs), lang);

    g_ptr_array_add (facts, g_strdup_printf ("%s\t%s", _("Agreement"), agreement != NULL ? agreement->region_name : "—"));
    g_ptr_array_add (facts, g_strdup_printf ("%s\t%s", _("Focus area"), focus_area != NULL ? focus_area->name : "—"));
    g_ptr_array_add (facts, g_strdup_printf ("%s\t%s", _("Status"), hs_status_label (project->status)));
    g_ptr_array_add (facts, g_strdup_printf ("%s\t%s–%s", _("Schedule"), start, end));
    g_ptr_array_add (facts, g_strdup_printf ("%s\t%s", _("Cost model"), hs_cost_model_label (project->cost_model)));
    g_ptr_array_add (facts, g_strdup_printf ("%s\t%s", _("Total costs"), costs));
    /* Translators: "123 000,00 € (60,0 %)" */
    g_ptr_array_add (facts, g_strdup_printf (_("%s\t%s (%s)"), _("EU and state support"), eu, rate));
    g_ptr_array_add (facts, NULL);
    page->facts = (char **) g_ptr_array_steal (facts, NULL);
  }

  /* implementers */
  page->implementers = table_new (4);
  page->implementers->headers[0] = g_strdup (_("Organisation"));
  page->implementers->headers[1] = g_strdup (_("Role"));
  page->implementers->headers[2] = g_strdup (_("Business ID"));
  page->implementers->headers[3] = g_strdup (_("Total costs"));
  page->implementers->numeric[3] = TRUE;
  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      HsTotals t;
      char **row = table_row (page->implementers);

      if (!hs_implementer_totals (impl, &t, NULL))
        memset (&t, 0, sizeof t);
      row[0] = g_strdup (impl->organisation != NULL ? impl->organisation->name : "—");
      row[1] = g_strdup (impl->is_main ? _("Main implementer") : _("Partial implementer"));
      row[2] = g_strdup (impl->organisation != NULL && impl->organisation->business_id != NULL
                         ? impl->organisation->business_id : "—");
      row[3] = money (lang, t.total_costs);
    }

  /* budget: categories × years */
  years = hs_project_budget_years (project);
  page->budget = budget_table ((HsImplementer * const *) project->implementers->pdata,
                               project->implementers->len, years, lang);
  if (page->budget == NULL)
    {
      g->failed = TRUE;
      report_project_free (page);
      return FALSE;
    }

  /* financing plan with shares of the total costs */
  {
    HsSupportSplit split;
    gboolean have_split = hs_project_split_support (project, hs_agreement_eu_share_bp (agreement),
                                                    hs_call_get_instrument (context.call), &split, NULL);
    page->financing = financing_table (&totals, have_split ? &split : NULL,
                                       (HsImplementer * const *) project->implementers->pdata,
                                       project->implementers->len, lang);
  }

  /* findings */
  if (findings->len > 0)
    {
      page->findings = table_new (2);
      page->findings->headers[0] = g_strdup (_("Severity"));
      page->findings->headers[1] = g_strdup (_("Finding"));
      for (guint i = 0; i < findings->len; i++)
        {
          HsFinding *finding = g_ptr_array_index (findings, i);
          char **row = table_row (page->findings);
          row[0] = g_strdup (finding->severity == HS_SEVERITY_ERROR ? _("Error") : _("Warning"));
          row[1] = g_strdup (finding->message);
        }
    }

  g_ptr_array_add (g->data->projects, page);
  return TRUE;
}

/* The findings of the agreements in @scope (all of them for the whole
 * portfolio, the focus area's for a focus area) and their calls, over
 * every project (an agreement's rules are of all its projects, whatever
 * the scope); for the whole portfolio, also those of calls of no
 * agreement. */
static void
gather_agreement_findings (HsReportData       *data,
                           const HsChartScope *scope,
                           GPtrArray          *agreements,
                           GPtrArray          *focus_areas,
                           GPtrArray          *calls,
                           GArray             *portfolio,
                           HsLang              lang)
{
  gint64 agreement_id = scope->agreement_id;
  g_autoptr(GPtrArray) loose_calls = g_ptr_array_new ();

  data->agreement_findings = table_new (3);
  data->agreement_findings->headers[0] = g_strdup (_("Agreement"));
  data->agreement_findings->headers[1] = g_strdup (_("Severity"));
  data->agreement_findings->headers[2] = g_strdup (_("Finding"));

  if (agreement_id == 0 && scope->focus_area_id != 0)
    {
      const HsFocusArea *fa = find_by_id (focus_areas, scope->focus_area_id);
      agreement_id = fa != NULL ? fa->agreement_id : -1;
    }

  for (guint i = 0; agreement_id == 0 && i < calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (calls, i);
      if (find_by_id (agreements, call->agreement_id) == NULL)
        g_ptr_array_add (loose_calls, call);
    }

  for (guint a = 0; a <= agreements->len; a++)
    {
      const HsAgreement *agreement = a < agreements->len ? g_ptr_array_index (agreements, a) : NULL;
      g_autoptr(GPtrArray) own_calls = g_ptr_array_new ();
      g_autoptr(GPtrArray) findings = NULL;

      if (agreement != NULL && agreement_id != 0 && agreement->id != agreement_id)
        continue;
      if (agreement == NULL && loose_calls->len == 0)
        break;
      if (agreement != NULL)
        {
          data->n_agreements++;
          for (guint i = 0; i < calls->len; i++)
            if (((HsCall *) g_ptr_array_index (calls, i))->agreement_id == agreement->id)
              g_ptr_array_add (own_calls, g_ptr_array_index (calls, i));
        }

      findings = hs_portfolio_check (agreement, agreement != NULL ? own_calls : loose_calls, portfolio, lang);
      for (guint i = 0; i < findings->len; i++)
        {
          const HsFinding *finding = g_ptr_array_index (findings, i);
          char **row = table_row (data->agreement_findings);

          if (agreement != NULL)
            row[0] = g_strdup (i == 0 ? agreement->region_name : "");
          else
            {
              /* "calls/ID/…": the call of no agreement it is about */
              gint64 id = g_ascii_strtoll (finding->field + strlen ("calls/"), NULL, 10);
              const HsCall *call = find_by_id (loose_calls, id);
              row[0] = call != NULL ? hs_call_dup_display_name (call, lang) : g_strdup ("");
            }
          row[1] = g_strdup (finding->severity == HS_SEVERITY_ERROR ? _("Error") : _("Warning"));
          row[2] = g_strdup (finding->message);
          if (finding->severity == HS_SEVERITY_ERROR)
            data->n_agreement_errors++;
          else
            data->n_agreement_warnings++;
        }
    }
}

HsReportData *
hs_report_data_from_repository (HsRepository          *repo,
                                const HsReportOptions *options,
                                GError               **error)
{
  g_autoptr(HsReportData) data = g_new0 (HsReportData, 1);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  HsLang lang = options->lang;
  gint64 sums[HS_N_SOURCES] = { 0 };
  gint64 total_costs = 0;
  guint projects = 0;

  g_return_val_if_fail (HS_IS_REPOSITORY (repo), NULL);

  data->lang = lang;
  data->projects = g_ptr_array_new_with_free_func (report_project_free);
  data->date = options->date;
  if (!g_date_valid (&data->date))
    g_date_set_time_t (&data->date, (time_t) hs_chart_document_time ());
  data->scope = hs_chart_scope_label (repo, &options->scope, error);
  if (data->scope == NULL)
    return NULL;

  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    {
      data->charts[k] = hs_chart_data_from_repository (repo, &options->scope, k, lang, error);
      if (data->charts[k] == NULL)
        return NULL;
      if (k == HS_CHART_TIMELINE)
        {
          data->charts[k]->today = data->date;
          hs_chart_data_sort_tasks (data->charts[k]);
        }
    }

  /* the summary by focus area and source, from the aggregation */
  rows = hs_repository_summarise (repo, HS_BY_FOCUS_AREA, options->scope.agreement_id, error);
  if (rows == NULL)
    return NULL;
  data->summary = table_new (8);
  {
    const char *headers[] = { _("Focus area"), _("Projects"), _("Total costs"), hs_source_label (HS_SOURCE_EU_STATE),
                              hs_source_label (HS_SOURCE_CITY), hs_source_label (HS_SOURCE_OTHER_PUBLIC),
                              hs_source_label (HS_SOURCE_PRIVATE), _("Own financing") };
    for (guint c = 0; c < 8; c++)
      {
        data->summary->headers[c] = g_strdup (headers[c]);
        data->summary->numeric[c] = c > 0;
      }
  }
  for (guint i = 0; i <= rows->len; i++)
    {
      const HsSummaryRow *row = i < rows->len ? &g_array_index (rows, HsSummaryRow, i) : NULL;
      char **cells;
      gint64 own;

      if (row != NULL && options->scope.focus_area_id != 0 && g_ascii_strtoll (row->key, NULL, 10) != options->scope.focus_area_id)
        continue;
      if (row != NULL && row->projects == 0 && row->total_costs == 0)
        continue;
      if (row != NULL)
        {
          if (!hs_money_add (total_costs, row->total_costs, &total_costs))
            goto too_large;
          for (guint s = 0; s < HS_N_SOURCES; s++)
            if (!hs_money_add (sums[s], row->financing[s], &sums[s]))
              goto too_large;
          projects += row->projects;
        }
      if (!hs_money_add (row != NULL ? row->financing[HS_SOURCE_OWN_PUBLIC] : sums[HS_SOURCE_OWN_PUBLIC],
                         row != NULL ? row->financing[HS_SOURCE_OWN_PRIVATE] : sums[HS_SOURCE_OWN_PRIVATE], &own))
        goto too_large;
      cells = table_row (data->summary);
      cells[0] = g_strdup (row != NULL ? row->label : _("Total"));
      cells[1] = hs_chart_format_count (row != NULL ? row->projects : projects, lang);
      cells[2] = money (lang, row != NULL ? row->total_costs : total_costs);
      cells[3] = money (lang, row != NULL ? row->financing[HS_SOURCE_EU_STATE] : sums[HS_SOURCE_EU_STATE]);
      cells[4] = money (lang, row != NULL ? row->financing[HS_SOURCE_CITY] : sums[HS_SOURCE_CITY]);
      cells[5] = money (lang, row != NULL ? row->financing[HS_SOURCE_OTHER_PUBLIC] : sums[HS_SOURCE_OTHER_PUBLIC]);
      cells[6] = money (lang, row != NULL ? row->financing[HS_SOURCE_PRIVATE] : sums[HS_SOURCE_PRIVATE]);
      cells[7] = money (lang, own);
      if (row == NULL)
        data->summary->total_row = (int) data->summary->rows->len - 1;
    }
  data->n_projects = projects;
  data->total_costs = total_costs;
  data->eu_state = sums[HS_SOURCE_EU_STATE];

  /* every project is checked for the findings section; the pages per
   * project only when asked for */
  data->findings = table_new (3);
  data->findings->headers[0] = g_strdup (_("Project"));
  data->findings->headers[1] = g_strdup (_("Severity"));
  data->findings->headers[2] = g_strdup (_("Finding"));
  {
    g_autoptr(GHashTable) by_agreement = NULL;
    g_autoptr(GHashTable) by_focus_area = NULL;
    g_autoptr(GHashTable) by_call = NULL;
    g_autoptr(GArray) portfolio = g_array_new (FALSE, TRUE, sizeof (HsPortfolioProject));
    Gather g = { options, data };
    gboolean walked;

    agreements = hs_repository_list_agreements (repo, error);
    focus_areas = agreements != NULL ? hs_repository_list_focus_areas (repo, 0, error) : NULL;
    calls = focus_areas != NULL ? hs_repository_list_calls (repo, 0, error) : NULL;
    if (calls == NULL)
      return NULL;
    by_agreement = hs_reference_index_by_id (agreements);
    by_focus_area = hs_reference_index_by_id (focus_areas);
    by_call = hs_reference_index_by_id (calls);
    g.agreements = by_agreement;
    g.focus_areas = by_focus_area;
    g.calls = by_call;
    g.portfolio = portfolio;
    walked = hs_repository_foreach_project (repo, project_cb, &g, error);
    if (g.failed)
      goto too_large;
    if (!walked)
      return NULL;
    gather_agreement_findings (data, &options->scope, agreements, focus_areas, calls, portfolio, lang);
  }
  return g_steal_pointer (&data);

too_large:
  g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_IO, _("The totals are too large to add up"));
  return NULL;
}

/* ---- one project's application ------------------------------------------ */

static gpointer
find_by_id (GPtrArray *items,
            gint64     id)
{
  for (guint i = 0; id != 0 && items != NULL && i < items->len; i++)
    if (*(gint64 *) g_ptr_array_index (items, i) == id)
      return g_ptr_array_index (items, i);
  return NULL;
}

static void
add_fact (GPtrArray  *facts,
          const char *label,
          const char *value)
{
  g_ptr_array_add (facts, g_strdup_printf ("%s\t%s", label, value != NULL && *value != '\0' ? value : "—"));
}

static const char *
role_label (const HsImplementer *impl)
{
  return impl->is_main ? _("Main implementer") : _("Partial implementer");
}

HsReportData *
hs_report_data_for_project (HsRepository  *repo,
                            gint64         project_id,
                            HsLang         lang,
                            const GDate   *date,
                            GError       **error)
{
  g_autoptr(HsReportData) data = g_new0 (HsReportData, 1);
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) local_error = NULL;
  const HsAgreement *agreement;
  const HsFocusArea *focus_area;
  const HsCall *call;
  HsValidationContext context = { 0 };
  HsReportProject *page;
  HsTotals totals;

  g_return_val_if_fail (HS_IS_REPOSITORY (repo), NULL);

  data->projects = g_ptr_array_new_with_free_func (report_project_free);
  project = hs_repository_load_project (repo, project_id, &local_error);
  if (project == NULL)
    {
      if (g_error_matches (local_error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND))
        g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NOT_FOUND,
                     _("There is no project with the id %lld"), (long long) project_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  agreements = hs_repository_list_agreements (repo, error);
  focus_areas = agreements != NULL ? hs_repository_list_focus_areas (repo, 0, error) : NULL;
  calls = focus_areas != NULL ? hs_repository_list_calls (repo, 0, error) : NULL;
  if (calls == NULL)
    return NULL;
  if (!hs_project_totals (project, &totals, NULL))
    {
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_IO, _("The totals are too large to add up"));
      return NULL;
    }
  agreement = find_by_id (agreements, project->agreement_id);
  focus_area = find_by_id (focus_areas, project->focus_area_id);
  call = find_by_id (calls, project->call_id);

  data->lang = lang;
  data->application = TRUE;
  g_date_clear (&data->date, 1);
  if (date != NULL && g_date_valid (date))
    data->date = *date;
  else
    g_date_set_time_t (&data->date, (time_t) hs_chart_document_time ());
  /* Translators: a project's code and name as a heading */
  data->scope = g_strdup_printf (_("%s — %s"), project->code, hs_project_display_name (project));
  data->n_projects = 1;
  data->total_costs = totals.total_costs;
  data->eu_state = totals.financing[HS_SOURCE_EU_STATE];

  page = g_new0 (HsReportProject, 1);
  g_ptr_array_add (data->projects, page);
  page->title = g_strdup (data->scope);

  /* general data */
  {
    g_autofree char *start = hs_date_format (&project->start_date, lang);
    g_autofree char *end = hs_date_format (&project->end_date, lang);
    g_autofree char *schedule = g_strdup_printf ("%s–%s", start, end);
    g_autofree char *call_name = call != NULL ? hs_call_dup_display_name (call, lang) : NULL;
    g_autofree char *costs = money (lang, totals.total_costs);
    g_autofree char *eu = money (lang, totals.financing[HS_SOURCE_EU_STATE]);
    g_autofree char *rate = hs_rate_format (hs_rate_of (totals.financing[HS_SOURCE_EU_STATE], totals.total_costs), lang);
    /* Translators: "123 000,00 € (60,0 %)" */
    g_autofree char *support = g_strdup_printf (_("%s (%s)"), eu, rate);

    add_fact (facts, _("Code"), project->code);
    add_fact (facts, _("Name in Finnish"), project->name_fi);
    if (project->name_sv != NULL && *project->name_sv != '\0')
      add_fact (facts, _("Name in Swedish"), project->name_sv);
    if (project->name_en != NULL && *project->name_en != '\0')
      add_fact (facts, _("Name in English"), project->name_en);
    add_fact (facts, _("Acronym"), project->acronym);
    add_fact (facts, _("Agreement"), agreement != NULL ? agreement->region_name : NULL);
    add_fact (facts, _("Focus area"), focus_area != NULL ? focus_area->name : NULL);
    add_fact (facts, _("Call"), call_name);
    add_fact (facts, _("Status"), hs_status_label (project->status));
    add_fact (facts, _("Schedule"), schedule);
    add_fact (facts, _("Cost model"), hs_cost_model_label (project->cost_model));
    add_fact (facts, _("Total costs"), costs);
    add_fact (facts, _("EU and state support"), support);
    g_ptr_array_add (facts, NULL);
    page->facts = (char **) g_ptr_array_steal (facts, NULL);
  }
  if (project->summary != NULL && *project->summary != '\0')
    page->summary = g_strdup (project->summary);

  /* implementers, and each one's budget and financing plan */
  page->implementers = table_new (4);
  page->implementers->headers[0] = g_strdup (_("Organisation"));
  page->implementers->headers[1] = g_strdup (_("Role"));
  page->implementers->headers[2] = g_strdup (_("Business ID"));
  page->implementers->headers[3] = g_strdup (_("Total costs"));
  page->implementers->numeric[3] = TRUE;
  page->parts = g_ptr_array_new_with_free_func (report_implementer_free);
  years = hs_project_budget_years (project);
  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      const char *name = impl->organisation != NULL && impl->organisation->name != NULL
                         ? impl->organisation->name : "—";
      g_autofree char *role = g_utf8_strdown (role_label (impl), -1);
      HsReportImplementer *part = g_new0 (HsReportImplementer, 1);
      char **row = table_row (page->implementers);
      HsTotals t;

      g_ptr_array_add (page->parts, part);
      if (!hs_implementer_totals (impl, &t, NULL)
          || (part->budget = budget_table (&impl, 1, years, lang)) == NULL)
        {
          g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_IO, _("The totals are too large to add up"));
          return NULL;
        }
      row[0] = g_strdup (name);
      row[1] = g_strdup (role_label (impl));
      row[2] = g_strdup (impl->organisation != NULL && impl->organisation->business_id != NULL
                         ? impl->organisation->business_id : "—");
      row[3] = money (lang, t.total_costs);
      /* Translators: an implementer's part of an application, "Espoon kaupunki (main implementer)" */
      part->title = g_strdup_printf (_("%s (%s)"), name, role);
      {
        HsSupportSplit split;
        gboolean have_split = hs_implementer_split_support (impl, hs_agreement_eu_share_bp (agreement),
                                                            hs_call_get_instrument (call), &split, NULL);
        part->financing = financing_table (&t, have_split ? &split : NULL, &impl, 1, lang);
      }
    }
  {
    char **row = table_row (page->implementers);
    /* rows are freed with g_strfreev (): no NULL before the last cell */
    row[0] = g_strdup (_("Total"));
    row[1] = g_strdup ("");
    row[2] = g_strdup ("");
    row[3] = money (lang, totals.total_costs);
    page->implementers->total_row = (int) page->implementers->rows->len - 1;
  }

  /* the project's budget and financing plan */
  page->budget = budget_table ((HsImplementer * const *) project->implementers->pdata,
                               project->implementers->len, years, lang);
  if (page->budget == NULL)
    {
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_IO, _("The totals are too large to add up"));
      return NULL;
    }
  {
    HsSupportSplit split;
    gboolean have_split = hs_project_split_support (project, hs_agreement_eu_share_bp (agreement),
                                                    hs_call_get_instrument (call), &split, NULL);
    page->financing = financing_table (&totals, have_split ? &split : NULL,
                                       (HsImplementer * const *) project->implementers->pdata,
                                       project->implementers->len, lang);
  }

  /* indicators */
  if (project->indicators->len > 0)
    {
      page->indicators = table_new (3);
      page->indicators->headers[0] = g_strdup (_("Indicator"));
      page->indicators->headers[1] = g_strdup (_("Name"));
      page->indicators->headers[2] = g_strdup (_("Target"));
      page->indicators->numeric[2] = TRUE;
      for (guint i = 0; i < project->indicators->len; i++)
        {
          const HsIndicator *indicator = &g_array_index (project->indicators, HsIndicator, i);
          const char *name = hs_indicator_name (indicator->code);
          char **row = table_row (page->indicators);

          row[0] = g_strdup (indicator->code != NULL ? indicator->code : "—");
          row[1] = g_strdup (name != NULL ? name : "—");
          row[2] = hs_count_format (indicator->target, lang);
        }
    }

  /* findings under the rules of its call */
  context.call = call;
  context.focus_area = focus_area;
  context.agreement = agreement;
  context.lang = lang;
  findings = hs_validate_project (project, &context);
  data->n_checked = 1;
  if (findings->len > 0)
    {
      data->n_with_findings = 1;
      page->findings = table_new (2);
      page->findings->headers[0] = g_strdup (_("Severity"));
      page->findings->headers[1] = g_strdup (_("Finding"));
      for (guint i = 0; i < findings->len; i++)
        {
          HsFinding *finding = g_ptr_array_index (findings, i);
          char **row = table_row (page->findings);

          row[0] = g_strdup (finding->severity == HS_SEVERITY_ERROR ? _("Error") : _("Warning"));
          row[1] = g_strdup (finding->message);
          if (finding->severity == HS_SEVERITY_ERROR)
            data->n_errors++;
          else
            data->n_warnings++;
        }
    }
  return g_steal_pointer (&data);
}

/* "Pääkaupunkiseutu (PKS) — Älykkäät ratkaisut" → "paakaupunkiseutu-pks-alykkaat-ratkaisut" */
static char *
file_name_slug (const char *text,
                gsize       max_length)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  /* cut a long name at a word */
  if (slug->len > max_length)
    {
      const char *cut = g_strrstr_len (slug->str, (gssize) max_length + 1, "-");
      g_string_truncate (slug, cut != NULL && cut > slug->str ? (gsize) (cut - slug->str) : max_length);
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

char *
hs_report_file_name_slug (const char *text,
                          gsize       max_length)
{
  return file_name_slug (text, max_length);
}

char *
hs_report_default_file_name (HsRepository       *repo,
                             const HsChartScope *scope,
                             const GDate        *date,
                             GError            **error)
{
  g_autofree char *slug = NULL;
  GDate today;
  char day[16];

  g_return_val_if_fail (HS_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  if (date == NULL || !g_date_valid (date))
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, (time_t) hs_chart_document_time ());
      date = &today;
    }
  g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
  if (scope->agreement_id != 0 || scope->focus_area_id != 0)
    {
      g_autofree char *label = hs_chart_scope_label (repo, scope, error);
      if (label == NULL)
        return NULL;
      slug = file_name_slug (label, 60);
    }
  if (slug != NULL && *slug != '\0')
    return g_strdup_printf ("hankesalkku-report-%s-%s.pdf", slug, day);
  return g_strdup_printf ("hankesalkku-report-%s.pdf", day);
}

/* ---- flowing pages ------------------------------------------------------- */

typedef enum
{
  FONT_BODY,
  FONT_BOLD,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_TABLE,
  FONT_TABLE_BOLD,
  FONT_H1,
  FONT_H2,
  FONT_TITLE,
  N_FONTS
} Font;

typedef struct
{
  const HsReportData   *data;
  cairo_t              *cr;           /* NULL while counting */
  PangoContext         *context;
  PangoLayout          *layout;
  PangoFontDescription *fonts[N_FONTS];
  HsChartStyle          style;
  guint                 page;
  guint                 n_pages;      /* known in the drawing pass */
  double                y;
  char                 *date;
  guint                 target_page;  /* drawing one page (1-based); 0: every page */
  gboolean              done;         /* past the target page: stop flowing */
  GArray               *project_pages;/* of guint: the page each project starts on */
} Flow;

/* Whether what is flowed now is painted: only while drawing, and when
 * drawing one page only on that page. */
static gboolean
flow_drawing (Flow *f)
{
  return f->cr != NULL && (f->target_page == 0 || f->page == f->target_page);
}

static double
bottom_of_page (void)
{
  return PAGE_H - MARGIN_BOTTOM;
}

/* Measures (and, when drawing, shows) a text; returns its height. */
static double
flow_text (Flow           *f,
           Font            font,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align,
           gboolean        draw)
{
  PangoRectangle logical;

  pango_layout_set_font_description (f->layout, f->fonts[font]);
  pango_layout_set_width (f->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (f->layout, align);
  pango_layout_set_text (f->layout, text, -1);
  pango_layout_get_extents (f->layout, NULL, &logical);
  if (draw && flow_drawing (f))
    {
      cairo_move_to (f->cr, x, y);
      pango_cairo_show_layout (f->cr, f->layout);
    }
  return (double) logical.height / PANGO_SCALE;
}

static double
flow_text_width (Flow       *f,
                 Font        font,
                 const char *text)
{
  PangoRectangle logical;

  pango_layout_set_font_description (f->layout, f->fonts[font]);
  pango_layout_set_width (f->layout, -1);
  pango_layout_set_text (f->layout, text, -1);
  pango_layout_get_extents (f->layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void
flow_new_page (Flow *f)
{
  if (f->page > 0 && f->cr != NULL && f->target_page == 0)
    cairo_show_page (f->cr);
  f->page++;
  f->y = MARGIN_TOP;
  if (f->target_page > 0 && f->page > f->target_page)
    f->done = TRUE;

  if (flow_drawing (f))
    {
      /* a letter speaks its own language, not the user's */
      g_autofree char *footer = f->data->letter != NULL ? hs_report_letter_footer (f->data->lang, f->page, f->n_pages)
                                                        : g_strdup_printf (_("Page %u of %u"), f->page, f->n_pages);
      cairo_t *cr = f->cr;

      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      pango_layout_set_ellipsize (f->layout, PANGO_ELLIPSIZE_END);
      flow_text (f, FONT_SMALL, f->data->scope, MARGIN_X, 30, CONTENT_W * 0.65, PANGO_ALIGN_LEFT, TRUE);
      pango_layout_set_ellipsize (f->layout, PANGO_ELLIPSIZE_NONE);
      flow_text (f, FONT_SMALL, f->date, MARGIN_X, 30, CONTENT_W, PANGO_ALIGN_RIGHT, TRUE);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_X, 44);
      cairo_line_to (cr, PAGE_W - MARGIN_X, 44);
      cairo_stroke (cr);
      flow_text (f, FONT_SMALL, footer, MARGIN_X, PAGE_H - 36, CONTENT_W, PANGO_ALIGN_CENTER, TRUE);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
}

static void
flow_space (Flow  *f,
            double height)
{
  f->y += height;
}

/* A heading stays with what follows it: at least `keep` points of it. */
static void
flow_heading (Flow       *f,
              Font        font,
              const char *text,
              double      keep)
{
  double h = flow_text (f, font, text, MARGIN_X, f->y, CONTENT_W, PANGO_ALIGN_LEFT, FALSE);

  if (f->y + h + keep > bottom_of_page ())
    flow_new_page (f);
  flow_text (f, font, text, MARGIN_X, f->y, CONTENT_W, PANGO_ALIGN_LEFT, TRUE);
  f->y += h + 4;
}

/* A paragraph too tall for any page, line by line from where the page is:
 * each line as pango broke it at the full width. */
static void
flow_lines (Flow       *f,
            Font        font,
            const char *text)
{
  typedef struct { int start, length; } Span;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));

  pango_layout_set_font_description (f->layout, f->fonts[font]);
  pango_layout_set_width (f->layout, (int) (CONTENT_W * PANGO_SCALE));
  pango_layout_set_alignment (f->layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (f->layout, text, -1);
  for (GSList *l = pango_layout_get_lines_readonly (f->layout); l != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;
      Span span = { line->start_index, line->length };
      g_array_append_val (spans, span);
    }
  for (guint i = 0; i < spans->len && !f->done; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      g_autofree char *line = g_strndup (text + span->start, (gsize) span->length);
      double h = flow_text (f, font, line, MARGIN_X, f->y, CONTENT_W, PANGO_ALIGN_LEFT, FALSE);

      if (f->y + h > bottom_of_page ())
        flow_new_page (f);
      flow_text (f, font, line, MARGIN_X, f->y, CONTENT_W, PANGO_ALIGN_LEFT, TRUE);
      f->y += h;
    }
}

static void
flow_paragraph (Flow       *f,
                Font        font,
                const char *text)
{
  double h = flow_text (f, font, text, MARGIN_X, f->y, CONTENT_W, PANGO_ALIGN_LEFT, FALSE);

  if (h > bottom_of_page () - MARGIN_TOP)
    {
      flow_lines (f, font, text);
      f->y += 4;
      return;
    }
  if (f->y + h > bottom_of_page ())
    flow_new_page (f);
  flow_text (f, font, text, MARGIN_X, f->y, CONTENT_W, PANGO_ALIGN_LEFT, TRUE);
  f->y += h + 4;
}

/* Column widths: numeric columns as wide as their widest value or their
 * header's longest word; text columns share what is left. */
static void
table_widths (Flow               *f,
              const HsChartTable *table,
              double             *widths)
{
  double fixed = 0;
  guint n_text = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (table->numeric[c])
        {
          g_auto(GStrv) words = g_strsplit (table->headers[c], " ", -1);
          double w = 0;

          /* digits are not all equally wide: measure every cell */
          for (guint r = 0; r < table->rows->len; r++)
            {
              char **row = g_ptr_array_index (table->rows, r);
              if (row[c] != NULL)
                w = MAX (w, flow_text_width (f, FONT_TABLE_BOLD, row[c]));
            }
          for (guint i = 0; words[i] != NULL; i++)
            w = MAX (w, flow_text_width (f, FONT_TABLE_BOLD, words[i]));
          widths[c] = ceil (w + 1) + 2 * CELL_PAD;
          fixed += widths[c];
        }
      else
        n_text++;
    }
  /* a text column narrower than its share (a severity, a code) keeps its
   * natural width; the others share the rest */
  for (int pass = 0; pass < 2; pass++)
    {
      double share = (CONTENT_W - fixed) / MAX (n_text, 1);
      for (guint c = 0; c < table->n_columns; c++)
        {
          double w;

          if (table->numeric[c] || widths[c] > 0)
            continue;
          w = flow_text_width (f, FONT_TABLE_BOLD, table->headers[c]);
          for (guint r = 0; r < table->rows->len && w < share; r++)
            {
              char **row = g_ptr_array_index (table->rows, r);
              if (row[c] != NULL)
                w = MAX (w, flow_text_width (f, FONT_TABLE_BOLD, row[c]));
            }
          if (pass == 0 && w + 2 * CELL_PAD < share * 0.6)
            {
              widths[c] = ceil (w + 1) + 2 * CELL_PAD;
              fixed += widths[c];
              n_text--;
            }
          else if (pass == 1)
            widths[c] = MAX (share, 40);
        }
    }
}

static double
table_row_height (Flow          *f,
                  char         **cells,
                  const double  *widths,
                  guint          n_columns,
                  Font           font,
                  const gboolean *numeric,
                  gboolean       draw,
                  double         y)
{
  double x = MARGIN_X, height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *text = cells[c] != NULL ? cells[c] : "";
      double h = flow_text (f, font, text, x + CELL_PAD, y + CELL_PAD, widths[c] - 2 * CELL_PAD,
                            numeric[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, draw);
      height = MAX (height, h);
      x += widths[c];
    }
  return height + 2 * CELL_PAD;
}

static void
flow_table (Flow               *f,
            const HsChartTable *table)
{
  g_autofree double *widths = g_new0 (double, table->n_columns);
  double header_h, table_w = 0;

  table_widths (f, table, widths);
  for (guint c = 0; c < table->n_columns; c++)
    table_w += widths[c];
  header_h = table_row_height (f, table->headers, widths, table->n_columns, FONT_TABLE_BOLD, table->numeric, FALSE, 0);

  for (int r = -1; r < (int) table->rows->len; r++)
    {
      char **cells = r < 0 ? table->headers : g_ptr_array_index (table->rows, r);
      gboolean total = r == table->total_row;
      Font font = r < 0 || total ? FONT_TABLE_BOLD : FONT_TABLE;
      double h = table_row_height (f, cells, widths, table->n_columns, font, table->numeric, FALSE, 0);

      /* never cut a row; a header never ends a page alone */
      if (f->y + h + (r < 0 ? 20 : 0) > bottom_of_page ())
        {
          flow_new_page (f);
          if (r >= 0)
            {
              if (flow_drawing (f))
                {
                  cairo_set_source_rgb (f->cr, 0.93, 0.93, 0.93);
                  cairo_rectangle (f->cr, MARGIN_X, f->y, table_w, header_h);
                  cairo_fill (f->cr);
                  cairo_set_source_rgb (f->cr, 0, 0, 0);
                }
              table_row_height (f, table->headers, widths, table->n_columns, FONT_TABLE_BOLD, table->numeric, TRUE, f->y);
              f->y += header_h;
            }
        }
      if (flow_drawing (f))
        {
          if (r < 0)
            {
              cairo_set_source_rgb (f->cr, 0.93, 0.93, 0.93);
              cairo_rectangle (f->cr, MARGIN_X, f->y, table_w, h);
              cairo_fill (f->cr);
            }
          cairo_set_source_rgb (f->cr, total ? 0.2 : 0.8, total ? 0.2 : 0.8, total ? 0.2 : 0.8);
          cairo_set_line_width (f->cr, total ? 0.8 : 0.4);
          cairo_move_to (f->cr, MARGIN_X, f->y + (total ? 0 : h));
          cairo_line_to (f->cr, MARGIN_X + table_w, f->y + (total ? 0 : h));
          cairo_stroke (f->cr);
          cairo_set_source_rgb (f->cr, 0, 0, 0);
        }
      table_row_height (f, cells, widths, table->n_columns, font, table->numeric, TRUE, f->y);
      f->y += h;
    }
  f->y += 10;
}

static void
flow_chart (Flow              *f,
            const HsChartData *data,
            double             height)
{
  if (f->y + height > bottom_of_page ())
    flow_new_page (f);
  if (flow_drawing (f))
    {
      cairo_save (f->cr);
      cairo_translate (f->cr, MARGIN_X, f->y);
      hs_chart_draw (f->cr, data, &f->style, CONTENT_W, height);
      cairo_restore (f->cr);
    }
  f->y += height + 14;
}

/* Cover, summary and charts. */
static void
flow_front_matter (Flow *f)
{
  const HsReportData *data = f->data;
  HsLang lang = data->lang;

  flow_new_page (f);

  /* cover */
  flow_space (f, 160);
  flow_heading (f, FONT_TITLE, _("Project portfolio report"), 0);
  flow_heading (f, FONT_H2, data->scope, 0);
  flow_paragraph (f, FONT_BODY, f->date);
  flow_space (f, 30);
  {
    g_autofree char *n = hs_chart_format_count (data->n_projects, lang);
    g_autofree char *costs = hs_money_format (data->total_costs, lang);
    g_autofree char *eu = hs_money_format (data->eu_state, lang);
    g_autofree char *rate = hs_rate_format (hs_rate_of (data->eu_state, data->total_costs), lang);
    g_autofree char *line1 = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s project", "%s projects", data->n_projects), n);
    g_autofree char *line2 = g_strdup_printf (_("Total costs %s"), costs);
    g_autofree char *line3 = g_strdup_printf (_("EU and state support %s (%s)"), eu, rate);
    flow_paragraph (f, FONT_BODY, line1);
    flow_paragraph (f, FONT_BODY, line2);
    flow_paragraph (f, FONT_BODY, line3);
  }
  flow_space (f, 30);
  flow_paragraph (f, FONT_SMALL, _("Written by Hankesalkku from the portfolio database. Amounts are in euros; shares are of the total costs."));

  /* summary */
  flow_new_page (f);
  flow_heading (f, FONT_H1, _("Summary by focus area and source"), 60);
  flow_table (f, data->summary);

  /* charts: two to a page */
  flow_new_page (f);
  flow_heading (f, FONT_H1, _("Charts"), 300);
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    flow_chart (f, data->charts[k], 330);

  /* findings: each project's errors and warnings against the funding rules */
  flow_new_page (f);
  flow_heading (f, FONT_H1, _("Findings"), 60);
  {
    g_autofree char *checked = hs_chart_format_count (data->n_checked, lang);
    g_autofree char *with = hs_chart_format_count (data->n_with_findings, lang);
    g_autofree char *errors = hs_chart_format_count (data->n_errors, lang);
    g_autofree char *warnings = hs_chart_format_count (data->n_warnings, lang);
    g_autofree char *text = NULL;

    if (data->n_with_findings == 0)
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s project checked against the funding rules: no findings.",
                                           "%s projects checked against the funding rules: no findings.",
                                           data->n_checked), checked);
    else
      /* Translators: "63 projects checked against the funding rules: 12 have findings, 5 errors and 9 warnings." */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s project checked against the funding rules: %s with findings (errors %s, warnings %s).",
                                           "%s projects checked against the funding rules: %s with findings (errors %s, warnings %s).",
                                           data->n_checked), checked, with, errors, warnings);
    flow_paragraph (f, FONT_BODY, text);
    flow_space (f, 6);
    if (data->findings->rows->len > 0)
      flow_table (f, data->findings);
  }

  /* the agreements' rules over their projects, and their calls' */
  if (data->agreement_findings != NULL)
    {
      g_autofree char *checked = hs_chart_format_count (data->n_agreements, lang);
      g_autofree char *errors = hs_chart_format_count (data->n_agreement_errors, lang);
      g_autofree char *warnings = hs_chart_format_count (data->n_agreement_warnings, lang);
      g_autofree char *text = NULL;

      flow_space (f, 12);
      flow_heading (f, FONT_H2, _("Agreements and calls"), 60);
      if (data->agreement_findings->rows->len == 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s agreement and its calls checked against their rules: no findings.",
                                             "%s agreements and their calls checked against their rules: no findings.",
                                             data->n_agreements), checked);
      else
        /* Translators: "16 agreements and their calls checked against their rules: errors 2, warnings 5." */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s agreement and its calls checked against their rules: errors %s, warnings %s.",
                                             "%s agreements and their calls checked against their rules: errors %s, warnings %s.",
                                             data->n_agreements), checked, errors, warnings);
      flow_paragraph (f, FONT_BODY, text);
      {
        g_autofree char *max_support = hs_rate_format_limit (HS_AGREEMENT_MAX_SUPPORT_BP, lang);
        g_autofree char *min_city = hs_rate_format_limit (HS_AGREEMENT_MIN_CITY_BP, lang);
        g_autofree char *rules = g_strdup_printf (_("Over an agreement’s approved projects (approved, ongoing, closed) and, "
                                                    "apart from them, its proposed ones (submitted, under review): EU and "
                                                    "state support at most %s and city financing at least %s of total costs. "
                                                    "The approved projects’ support of each year (in proportion to the year’s "
                                                    "costs) within the agreement’s indicative amount a year. For each call: "
                                                    "the support and the cities’ financing its projects ask for within the "
                                                    "money it has, and no more projects than it funds."),
                                                  max_support, min_city);
        flow_paragraph (f, FONT_SMALL, rules);
      }
      flow_space (f, 6);
      if (data->agreement_findings->rows->len > 0)
        flow_table (f, data->agreement_findings);
    }
}

/* "Label  value" lines, the labels in a column of their own. */
static void
flow_facts (Flow        *f,
            char *const *facts)
{
  for (guint j = 0; facts[j] != NULL; j++)
    {
      g_auto(GStrv) parts = g_strsplit (facts[j], "\t", 2);
      double h1, h2;

      h1 = flow_text (f, FONT_BOLD, parts[0], MARGIN_X, f->y, 140, PANGO_ALIGN_LEFT, FALSE);
      h2 = flow_text (f, FONT_BODY, parts[1] != NULL ? parts[1] : "", MARGIN_X + 150, f->y, CONTENT_W - 150, PANGO_ALIGN_LEFT, FALSE);
      if (f->y + MAX (h1, h2) > bottom_of_page ())
        flow_new_page (f);
      flow_text (f, FONT_BOLD, parts[0], MARGIN_X, f->y, 140, PANGO_ALIGN_LEFT, TRUE);
      flow_text (f, FONT_BODY, parts[1] != NULL ? parts[1] : "", MARGIN_X + 150, f->y, CONTENT_W - 150, PANGO_ALIGN_LEFT, TRUE);
      f->y += MAX (h1, h2) + 2;
    }
}

/* One project's application: its pages are the whole document. */
static void
flow_application (Flow *f)
{
  const HsReportProject *p = g_ptr_array_index (f->data->projects, 0);

  f->page = 0;
  f->done = FALSE;
  flow_new_page (f);
  flow_paragraph (f, FONT_SMALL_BOLD, _("Project application"));
  flow_heading (f, FONT_H1, p->title, 60);
  flow_facts (f, p->facts);
  flow_space (f, 8);
  if (p->summary != NULL)
    {
      flow_heading (f, FONT_H2, _("Summary"), 40);
      flow_paragraph (f, FONT_BODY, p->summary);
      flow_space (f, 6);
    }

  flow_heading (f, FONT_H2, _("Implementers"), 40);
  flow_table (f, p->implementers);

  /* a section heading keeps its first part's heading and a few rows with it */
  flow_heading (f, FONT_H2, _("Budget by year and category"), 140);
  for (guint i = 0; p->parts != NULL && i < p->parts->len && !f->done; i++)
    {
      const HsReportImplementer *part = g_ptr_array_index (p->parts, i);

      flow_heading (f, FONT_BOLD, part->title, 80);
      flow_table (f, part->budget);
    }
  flow_heading (f, FONT_BOLD, _("The whole project"), 80);
  flow_table (f, p->budget);

  flow_heading (f, FONT_H2, _("Financing plan"), 140);
  for (guint i = 0; p->parts != NULL && i < p->parts->len && !f->done; i++)
    {
      const HsReportImplementer *part = g_ptr_array_index (p->parts, i);

      flow_heading (f, FONT_BOLD, part->title, 80);
      flow_table (f, part->financing);
    }
  flow_heading (f, FONT_BOLD, _("The whole project"), 80);
  flow_table (f, p->financing);

  flow_heading (f, FONT_H2, _("Indicators"), 40);
  if (p->indicators != NULL)
    flow_table (f, p->indicators);
  else
    {
      flow_paragraph (f, FONT_BODY, _("No indicators."));
      flow_space (f, 8);
    }

  flow_heading (f, FONT_H2, _("Findings"), 40);
  if (p->findings != NULL)
    flow_table (f, p->findings);
  else
    flow_paragraph (f, FONT_BODY, _("No findings: the project meets the funding rules that were checked."));
}

/* A decision letter: the council, the title, who and what it concerns,
 * the decision, the grants per implementer, the period, conditions or the
 * reason, and the small print. */
static void
flow_letter (Flow *f)
{
  const HsReportLetter *letter = f->data->letter;

  f->page = 0;
  f->done = FALSE;
  flow_new_page (f);
  flow_paragraph (f, FONT_SMALL_BOLD, letter->council);
  flow_space (f, 4);
  flow_heading (f, FONT_H1, letter->title, 60);
  flow_facts (f, letter->facts);
  flow_space (f, 10);
  flow_heading (f, FONT_H2, letter->decision_heading, 40);
  flow_paragraph (f, FONT_BODY, letter->verdict);
  flow_space (f, 4);
  if (letter->grants != NULL)
    flow_table (f, letter->grants);
  for (guint i = 0; letter->sections != NULL && letter->sections[i] != NULL && !f->done; i++)
    {
      g_auto(GStrv) parts = g_strsplit (letter->sections[i], "\t", 2);

      flow_heading (f, FONT_H2, parts[0], 30);
      flow_paragraph (f, FONT_BODY, parts[1] != NULL ? parts[1] : "");
      flow_space (f, 6);
    }
  if (letter->note != NULL)
    {
      flow_space (f, 10);
      flow_paragraph (f, FONT_SMALL, letter->note);
    }
}

/* The first project whose section holds the target page; -1: the page is
 * in the front matter (or every page is drawn). */
static int
flow_first_project (Flow *f)
{
  int first = -1;

  if (f->target_page == 0 || f->project_pages == NULL)
    return -1;
  for (guint i = 0; i < f->project_pages->len; i++)
    if (g_array_index (f->project_pages, guint, i) <= f->target_page)
      first = (int) i;
  return first;
}

static void
flow_document (Flow *f)
{
  const HsReportData *data = f->data;
  int first_project;

  if (data->letter != NULL)
    {
      flow_letter (f);
      return;
    }
  if (data->application)
    {
      flow_application (f);
      return;
    }
  first_project = flow_first_project (f);
  f->page = 0;
  f->done = FALSE;
  if (first_project >= 0)
    /* one page of a project section: flow from the start of that section */
    f->page = g_array_index (f->project_pages, guint, first_project) - 1;
  else
    {
      flow_front_matter (f);
      first_project = 0;
    }

  /* one section per project */
  for (guint i = (guint) first_project; i < data->projects->len && !f->done; i++)
    {
      const HsReportProject *p = g_ptr_array_index (data->projects, i);

      flow_new_page (f);
      if (f->cr == NULL && f->target_page == 0 && f->project_pages != NULL && f->project_pages->len == i)
        g_array_append_val (f->project_pages, f->page);
      if (f->done)
        break;
      flow_heading (f, FONT_H1, p->title, 60);
      flow_facts (f, p->facts);
      flow_space (f, 8);
      flow_heading (f, FONT_H2, _("Implementers"), 40);
      flow_table (f, p->implementers);
      flow_heading (f, FONT_H2, _("Budget by year and category"), 40);
      flow_table (f, p->budget);
      flow_heading (f, FONT_H2, _("Financing plan"), 40);
      flow_table (f, p->financing);
      flow_heading (f, FONT_H2, _("Findings"), 40);
      if (p->findings != NULL)
        flow_table (f, p->findings);
      else
        flow_paragraph (f, FONT_BODY, _("No findings: the project meets the funding rules that were checked."));
    }
}

static void
flow_init (Flow               *f,
           const HsReportData *data)
{
  static const struct { double size; PangoWeight weight; } fonts[N_FONTS] = {
    [FONT_BODY] = { 10, PANGO_WEIGHT_NORMAL },
    [FONT_BOLD] = { 10, PANGO_WEIGHT_BOLD },
    [FONT_SMALL] = { 8, PANGO_WEIGHT_NORMAL },
    [FONT_SMALL_BOLD] = { 8, PANGO_WEIGHT_BOLD },
    [FONT_TABLE] = { 7.5, PANGO_WEIGHT_NORMAL },
    [FONT_TABLE_BOLD] = { 7.5, PANGO_WEIGHT_BOLD },
    [FONT_H1] = { 15, PANGO_WEIGHT_BOLD },
    [FONT_H2] = { 11.5, PANGO_WEIGHT_BOLD },
    [FONT_TITLE] = { 26, PANGO_WEIGHT_BOLD },
  };

  memset (f, 0, sizeof *f);
  f->data = data;
  f->context = hs_chart_pango_context_new ();
  f->layout = pango_layout_new (f->context);
  pango_layout_set_wrap (f->layout, PANGO_WRAP_WORD_CHAR);
  hs_chart_style_init (&f->style, FALSE);
  f->style.font_size = 8.5;
  for (guint i = 0; i < N_FONTS; i++)
    {
      f->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (f->fonts[i], f->style.font_family);
      pango_font_description_set_absolute_size (f->fonts[i], fonts[i].size * PANGO_SCALE);
      pango_font_description_set_weight (f->fonts[i], fonts[i].weight);
    }
  f->date = hs_date_format (&data->date, data->lang);
}

static void
flow_clear (Flow *f)
{
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (f->fonts[i]);
  g_object_unref (f->layout);
  g_object_unref (f->context);
  g_free (f->date);
}

gboolean
hs_report_write_pdf (const HsReportData *data,
                     const char         *path,
                     guint              *n_pages,
                     GError            **error)
{
  g_autofree char *partial = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Flow f;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  flow_init (&f, data);

  /* pass 1: count the pages */
  flow_document (&f);
  f.n_pages = f.page;

  /* pass 2: draw them, into a file beside the target */
  partial = g_strdup_printf ("%s.part", path);
  surface = cairo_pdf_surface_create (partial, PAGE_W, PAGE_H);
  if (data->letter != NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s — %s", data->letter->title, data->scope);
      hs_chart_pdf_set_metadata (surface, title);
    }
  else if (data->application)
    {
      /* Translators: the title of a PDF, "Project application PKS-001 — Name" */
      g_autofree char *title = g_strdup_printf (_("Project application %s"), data->scope);
      hs_chart_pdf_set_metadata (surface, title);
    }
  else
    hs_chart_pdf_set_metadata (surface, _("Project portfolio report"));
  f.cr = cairo_create (surface);
  flow_document (&f);
  g_warn_if_fail (f.page == f.n_pages);
  status = cairo_status (f.cr);
  cairo_destroy (f.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (n_pages != NULL)
    *n_pages = f.n_pages;
  flow_clear (&f);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (partial);
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_IO, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_unlink (partial);
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_IO, _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
hs_report_write_project (HsRepository  *repo,
                         gint64         project_id,
                         const char    *path,
                         HsLang         lang,
                         guint         *n_pages,
                         GError       **error)
{
  g_autoptr(HsReportData) data = NULL;

  g_return_val_if_fail (HS_IS_REPOSITORY (repo), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = hs_report_data_for_project (repo, project_id, lang, NULL, error);
  return data != NULL && hs_report_write_pdf (data, path, n_pages, error);
}

char *
hs_report_project_file_name (const char *code)
{
  g_autofree char *slug = file_name_slug (code != NULL ? code : "", 60);

  if (*slug == '\0')
    return g_strdup ("hankesalkku-application.pdf");
  return g_strdup_printf ("hankesalkku-application-%s.pdf", slug);
}

/* ---- page by page (printing) --------------------------------------------- */

struct _HsReportPages
{
  Flow flow;
};

HsReportPages *
hs_report_pages_new (const HsReportData *data)
{
  HsReportPages *pages;

  g_return_val_if_fail (data != NULL, NULL);

  pages = g_new0 (HsReportPages, 1);
  flow_init (&pages->flow, data);
  pages->flow.project_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  /* count the pages, and where each project section starts */
  flow_document (&pages->flow);
  pages->flow.n_pages = pages->flow.page;
  return pages;
}

guint
hs_report_pages_get_n_pages (const HsReportPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->flow.n_pages;
}

void
hs_report_pages_draw (HsReportPages *pages,
                      cairo_t       *cr,
                      guint          page)
{
  Flow *f;

  g_return_if_fail (pages != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < pages->flow.n_pages);

  f = &pages->flow;
  cairo_save (cr);
  f->cr = cr;
  f->target_page = page + 1;
  flow_document (f);
  f->cr = NULL;
  f->target_page = 0;
  cairo_restore (cr);
}

void
hs_report_pages_free (HsReportPages *pages)
{
  if (pages == NULL)
    return;
  g_array_unref (pages->flow.project_pages);
  flow_clear (&pages->flow);
  g_free (pages);
}

/* test-report.c — chart data from a repository, and the PDF report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathers from an in-memory repository (fake-repository.c), writes the
 * report and reads it back with pdftotext and pdfinfo: the totals are
 * there and right, the pages are numbered and counted.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "charts/hs-chart-source.h"
#include "charts/hs-charts-error.h"
#include "charts/hs-report.h"
#include "core/hs-cofinancing.h"
#include "core/hs-money.h"
#include "fake-repository.h"

static char *
run (const char *program,
     const char *path)
{
  const char *argv[] = { program, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (g_str_equal (program, "pdfinfo"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_source_financing (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (200, 7);
  g_autoptr(GError) error = NULL;
  HsChartScope all = { 0, 0 }, kuopio = { 8, 0 }, focus = { 0, 32 }, missing = { 99, 0 };
  g_autoptr(HsChartData) data = hs_chart_data_from_repository (HS_REPOSITORY (repo), &all, HS_CHART_FINANCING, HS_LANG_FI, &error);
  g_autoptr(HsChartData) part = NULL;
  g_autoptr(HsChartData) one = NULL;
  g_autoptr(HsChartData) none = NULL;
  gint64 expected = 0, total = 0;
  GPtrArray *projects = fake_repository_get_projects (repo);

  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    {
      HsTotals t;
      hs_project_totals (g_ptr_array_index (projects, i), &t, NULL);
      expected += t.total_financing;
    }
  g_assert_true (hs_chart_data_totals (data, NULL, &total, NULL));
  g_assert_cmpint (total, ==, expected);
  g_assert_cmpstr (data->scope, ==, "Whole portfolio");
  /* largest first */
  for (guint i = 1; i < data->categories->len; i++)
    g_assert_cmpint (g_array_index (data->categories, HsChartCategory, i - 1).total, >=,
                     g_array_index (data->categories, HsChartCategory, i).total);

  part = hs_chart_data_from_repository (HS_REPOSITORY (repo), &kuopio, HS_CHART_FINANCING, HS_LANG_FI, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (part->scope, ==, "Kuopio");
  g_assert_cmpuint (part->categories->len, <=, 2);

  one = hs_chart_data_from_repository (HS_REPOSITORY (repo), &focus, HS_CHART_FINANCING, HS_LANG_FI, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (one->scope, ==, "Kokkola — Akkukemia");

  none = hs_chart_data_from_repository (HS_REPOSITORY (repo), &missing, HS_CHART_STATUS, HS_LANG_FI, &error);
  g_assert_null (none);
  g_assert_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NOT_FOUND);
}

static void
test_source_other_kinds (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (300, 3);
  g_autoptr(GError) error = NULL;
  HsChartScope all = { 0, 0 }, kokkola = { 14, 0 };
  GPtrArray *projects = fake_repository_get_projects (repo);
  gint64 costs = 0;

  for (guint i = 0; i < projects->len; i++)
    {
      HsTotals t;
      hs_project_totals (g_ptr_array_index (projects, i), &t, NULL);
      costs += t.total_costs;
    }

  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    {
      g_autoptr(HsChartData) data = hs_chart_data_from_repository (HS_REPOSITORY (repo), &all, k, HS_LANG_FI, &error);
      g_autoptr(HsChartTable) table = NULL;
      g_autofree char *description = NULL;
      gint64 total = 0;

      g_assert_no_error (error);
      table = hs_chart_table (data);
      description = hs_chart_describe (data);
      g_assert_cmpuint (table->n_columns, >, 1);
      g_assert_true (strlen (description) > 20);
      switch (k)
        {
        case HS_CHART_BUDGET_BY_YEAR:
          g_assert_true (hs_chart_data_totals (data, NULL, &total, NULL));
          g_assert_cmpint (total, ==, costs);
          /* two of the three agreements have an allocation: their sum is
           * not the portfolio's, so no line, and the chart says why */
          g_assert_null (data->reference_label);
          g_assert_nonnull (data->reference_note);
          g_assert_true (strstr (data->reference_note, "2 of the 3 agreements") != NULL);
          g_assert_true (strstr (data->reference_note, "Kuopio, Kokkola") != NULL);
          g_assert_false (g_array_index (data->categories, HsChartCategory, 0).has_reference);
          g_assert_true (strstr (description, data->reference_note) != NULL);
          break;
        case HS_CHART_STATUS:
        case HS_CHART_IMPLEMENTERS:
          g_assert_true (hs_chart_data_totals (data, NULL, &total, NULL));
          g_assert_cmpint (total, ==, costs);
          break;
        case HS_CHART_TIMELINE:
          g_assert_cmpuint (data->tasks->len, ==, projects->len);
          g_assert_true (g_date_valid (&data->today));
          /* what runs on today or is still to come first, the ended after them */
          g_assert_true (data->tasks_by_today);
          for (guint i = 0; i < data->tasks->len; i++)
            {
              const HsChartTask *task = &g_array_index (data->tasks, HsChartTask, i);
              gboolean ended = g_date_compare (&task->end, &data->today) < 0 || task->status == HS_STATUS_CLOSED
                               || task->status == HS_STATUS_REJECTED || task->status == HS_STATUS_WITHDRAWN;
              g_assert_cmpint (ended, ==, i >= data->n_current);
            }
          break;
        default:
          break;
        }
    }

  {
    g_autoptr(HsChartData) data = hs_chart_data_from_repository (HS_REPOSITORY (repo), &kokkola, HS_CHART_BUDGET_BY_YEAR,
                                                                 HS_LANG_FI, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_array_index (data->categories, HsChartCategory, 0).reference, ==, 56000000);
    g_assert_nonnull (data->reference_label);
    g_assert_null (data->reference_note);
  }
  {
    /* none known: no line at 0, a note */
    HsChartScope pks = { 1, 0 }, focus = { 0, 32 };
    g_autoptr(HsChartData) none = hs_chart_data_from_repository (HS_REPOSITORY (repo), &pks, HS_CHART_BUDGET_BY_YEAR,
                                                                 HS_LANG_FI, &error);
    g_autoptr(HsChartData) area = hs_chart_data_from_repository (HS_REPOSITORY (repo), &focus, HS_CHART_BUDGET_BY_YEAR,
                                                                 HS_LANG_FI, &error);
    g_assert_no_error (error);
    g_assert_null (none->reference_label);
    g_assert_cmpstr (none->reference_note, ==, "No indicative annual allocation is known for Pääkaupunkiseutu (PKS).");
    for (guint i = 0; i < none->categories->len; i++)
      g_assert_false (g_array_index (none->categories, HsChartCategory, i).has_reference);
    g_assert_null (area->reference_label);
    g_assert_nonnull (area->reference_note);
  }
}

/* One name per source: the charts, their tables and the report say what the
 * editor and the command line say; the financing table names its total. */
static void
test_source_names (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (20, 3);
  g_autoptr(GError) error = NULL;
  HsChartScope all = { 0, 0 };
  g_autoptr(HsChartData) data = hs_chart_data_from_repository (HS_REPOSITORY (repo), &all, HS_CHART_FINANCING,
                                                               HS_LANG_EN, &error);
  g_autoptr(HsChartTable) table = NULL;
  HsReportOptions options = { { 0, 0 }, FALSE, HS_LANG_EN };
  g_autoptr(HsReportData) report = NULL;

  g_assert_no_error (error);
  for (HsFinancingSource s = HS_SOURCE_EU_STATE; s <= HS_SOURCE_PRIVATE; s++)
    g_assert_cmpstr (data->series[s], ==, hs_source_label (s));
  g_assert_cmpstr (data->series[1], ==, "City financing");
  table = hs_chart_table (data);
  g_assert_cmpstr (table->headers[2], ==, "City financing");
  /* the bars end at the total financing, and the table says so */
  g_assert_cmpstr (table->headers[data->n_series + 1], ==, "Total financing");

  g_date_clear (&options.date, 1);
  report = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->summary->headers[4], ==, "City financing");
}

static void
test_report_pdf (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (60, 11);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-report-XXXXXX", NULL);
  g_autofree char *summary_pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *full_pdf = g_build_filename (dir, "full.pdf", NULL);
  HsReportOptions options = { { 0, 0 }, FALSE, HS_LANG_FI };
  g_autoptr(HsReportData) summary = NULL;
  g_autoptr(HsReportData) full = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *total = NULL;
  g_autofree char *pages_line = NULL;
  guint n_pages = 0, n_full = 0;
  GPtrArray *projects = fake_repository_get_projects (repo);
  gint64 costs = 0;

  for (guint i = 0; i < projects->len; i++)
    {
      HsTotals t;
      hs_project_totals (g_ptr_array_index (projects, i), &t, NULL);
      costs += t.total_costs;
    }

  g_date_clear (&options.date, 1);
  g_date_set_dmy (&options.date, 9, 2, 2025);
  summary = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  g_assert_true (hs_report_write_pdf (summary, summary_pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 4);

  text = run ("pdftotext", summary_pdf);
  total = hs_money_format (costs, HS_LANG_FI);
  /* pdftotext turns the no-break spaces into plain ones */
  {
    g_autoptr(GString) plain = g_string_new (total);
    g_string_replace (plain, "\u00a0", " ", 0);
    g_assert_true (strstr (text, plain->str) != NULL);
  }
  g_assert_true (strstr (text, "9.2.2025") != NULL);
  g_assert_true (strstr (text, "Summary by focus area and source") != NULL);
  g_assert_true (strstr (text, "Akkukemia") != NULL);
  pages_line = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_true (strstr (text, pages_line) != NULL);
  g_assert_true (strstr (text, "Page 1 of") != NULL);

  info = run ("pdfinfo", summary_pdf);
  {
    const char *pages = strstr (info, "\nPages:");
    g_assert_nonnull (pages);
    g_assert_cmpuint ((guint) g_ascii_strtoull (g_strchug ((char *) pages + strlen ("\nPages:")), NULL, 10), ==, n_pages);
  }
  g_assert_true (strstr (info, "Project portfolio report") != NULL);

  options.include_projects = TRUE;
  full = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (full->projects->len, ==, projects->len);
  g_assert_true (hs_report_write_pdf (full, full_pdf, &n_full, &error));
  /* every project starts on a page of its own */
  g_assert_cmpuint (n_full, >=, n_pages + projects->len);
  {
    g_autofree char *full_text = run ("pdftotext", full_pdf);
    HsProject *first = g_ptr_array_index (projects, 0);
    g_assert_true (strstr (full_text, first->code) != NULL);
    g_assert_true (strstr (full_text, "Budget by year and category") != NULL);
    g_assert_true (strstr (full_text, "Financing plan") != NULL);
  }

  g_unlink (summary_pdf);
  g_unlink (full_pdf);
  g_rmdir (dir);
}

/* The report's section of the agreements' rules: with every project's
 * city financing made other public money and every project approved, each
 * agreement with projects is under the city's 25 %, an error of the
 * agreement in the table and in the PDF; an agreement's report has only
 * that agreement's; an empty portfolio has no findings. */
static void
test_report_agreements (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (40, 11);
  g_autoptr(FakeRepository) empty = fake_repository_new (0, 11);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "agreements.pdf", NULL);
  HsReportOptions options = { { 0, 0 }, FALSE, HS_LANG_FI };
  g_autoptr(HsReportData) report = NULL;
  g_autofree char *text = NULL;
  GPtrArray *projects = fake_repository_get_projects (repo);
  guint city_rows = 0;

  g_date_clear (&options.date, 1);
  g_date_set_dmy (&options.date, 9, 2, 2025);

  /* as generated: the city's share holds over every agreement's approved
   * projects (a proposal may fall short: one project in twenty breaks a
   * rule) */
  report = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report->agreement_findings);
  g_assert_cmpuint (report->n_agreements, ==, 3);
  for (guint i = 0; i < report->agreement_findings->rows->len; i++)
    {
      char **row = g_ptr_array_index (report->agreement_findings->rows, i);
      g_assert_null (strstr (row[2], "City financing of the agreement’s approved projects"));
    }
  g_clear_pointer (&report, hs_report_data_free);

  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *project = g_ptr_array_index (projects, i);

      project->status = HS_STATUS_ONGOING;
      for (guint j = 0; j < project->implementers->len; j++)
        {
          HsImplementer *impl = g_ptr_array_index (project->implementers, j);
          gint64 city = hs_implementer_get_financing (impl, HS_SOURCE_CITY);

          hs_implementer_set_financing (impl, HS_SOURCE_CITY, 0);
          hs_implementer_set_financing (impl, HS_SOURCE_OTHER_PUBLIC,
                                        hs_implementer_get_financing (impl, HS_SOURCE_OTHER_PUBLIC) + city);
        }
    }

  report = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_agreements, ==, 3);
  for (guint i = 0; i < report->agreement_findings->rows->len; i++)
    {
      char **row = g_ptr_array_index (report->agreement_findings->rows, i);
      if (strstr (row[2], "City financing of the agreement’s approved projects is 0,0\u00a0%") != NULL)
        {
          city_rows++;
          g_assert_cmpstr (row[1], ==, "Error");
        }
    }
  g_assert_cmpuint (city_rows, ==, 3);
  g_assert_cmpuint (report->n_agreement_errors, >=, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (report->agreement_findings->rows, 0))[0], ==, "Pääkaupunkiseutu (PKS)");

  g_assert_true (hs_report_write_pdf (report, pdf, NULL, &error));
  g_assert_no_error (error);
  text = run ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Agreements and calls"));
  g_assert_nonnull (strstr (text, "3 agreements and their calls checked against their rules: errors"));
  g_assert_nonnull (strstr (text, "City financing of the agreement’s approved projects is 0,0 %"));
  g_assert_nonnull (strstr (text, "at most 60,0 % and city financing at least 25,0 %"));
  g_clear_pointer (&report, hs_report_data_free);

  /* one agreement's report: its findings only */
  options.scope.agreement_id = 8;
  report = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_agreements, ==, 1);
  g_assert_cmpuint (report->agreement_findings->rows->len, >, 0);
  g_assert_cmpstr (((char **) g_ptr_array_index (report->agreement_findings->rows, 0))[0], ==, "Kuopio");
  for (guint i = 1; i < report->agreement_findings->rows->len; i++)
    g_assert_cmpstr (((char **) g_ptr_array_index (report->agreement_findings->rows, i))[0], ==, "");
  g_clear_pointer (&report, hs_report_data_free);

  /* nothing to find */
  options.scope.agreement_id = 0;
  report = hs_report_data_from_repository (HS_REPOSITORY (empty), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->agreement_findings->rows->len, ==, 0);
  g_assert_true (hs_report_write_pdf (report, pdf, NULL, &error));
  g_free (text);
  text = run ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "3 agreements and their calls checked against their rules: no findings."));

  g_unlink (pdf);
  g_rmdir (dir);
}

/* One project's application: its own tables for each implementer and for
 * the project, its indicators and findings, read back from the PDF. */
static void
test_report_project (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (30, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "application.pdf", NULL);
  g_autoptr(HsReportData) data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file_name = NULL;
  GPtrArray *projects = fake_repository_get_projects (repo);
  HsProject *project = NULL;
  const HsReportProject *page;
  HsIndicator indicator = { g_strdup ("RCR01"), 12500 };
  HsTotals totals;
  GDate date;
  gint64 id = 0;
  guint n_pages = 0;
  int first_year = 0;
  gint64 first_part = 0;

  /* a project of two implementers or more, with an indicator, that asks
   * for all of its costs as support (which no call allows) */
  for (guint i = 0; i < projects->len && project == NULL; i++)
    {
      HsProject *p = g_ptr_array_index (projects, i);

      if (p->implementers->len >= 2)
        {
          project = p;
          id = (gint64) i + 1;
        }
    }
  g_assert_nonnull (project);
  g_array_append_val (project->indicators, indicator);
  {
    HsImplementer *main_impl = hs_project_get_main (project);
    g_autoptr(GArray) years = hs_project_budget_years (project);
    HsTotals t;

    g_assert_true (hs_implementer_totals (main_impl, &t, NULL));
    for (guint s = 0; s < HS_N_SOURCES; s++)
      hs_implementer_set_financing (main_impl, s, 0);
    /* given per year: a third in the first year, the rest in the next */
    g_assert_cmpuint (years->len, >=, 1);
    first_year = g_array_index (years, int, 0);
    first_part = t.total_costs / 3;
    hs_implementer_set_financing_year (main_impl, HS_SOURCE_EU_STATE, first_year, first_part);
    hs_implementer_set_financing_year (main_impl, HS_SOURCE_EU_STATE, first_year + 1, t.total_costs - first_part);
  }
  g_assert_true (hs_project_totals (project, &totals, NULL));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, 12, 2026);
  data = hs_report_data_for_project (HS_REPOSITORY (repo), id, HS_LANG_FI, &date, &error);
  g_assert_no_error (error);
  g_assert_true (data->application);
  g_assert_cmpuint (data->projects->len, ==, 1);
  page = g_ptr_array_index (data->projects, 0);
  g_assert_cmpuint (page->parts->len, ==, project->implementers->len);
  g_assert_nonnull (page->indicators);
  g_assert_nonnull (page->findings);
  /* under EU and state support, its EU part and its state part: the rest
   * of mainland Finland's 60 % of each implementer's support, rounded to
   * the cent, and the rest */
  {
    HsSupportSplit split;
    g_autofree char *eu = NULL;
    g_autofree char *state = NULL;
    guint found = 0;

    g_assert_true (hs_project_split_support (project, 6000, HS_INSTRUMENT_EAKR, &split, NULL));
    g_assert_cmpint (split.eu + split.state, ==, totals.financing[HS_SOURCE_EU_STATE]);
    eu = hs_money_format (split.eu, HS_LANG_FI);
    state = hs_money_format (split.state, HS_LANG_FI);
    for (guint r = 0; r < page->financing->rows->len; r++)
      {
        char **row = g_ptr_array_index (page->financing->rows, r);
        if (strstr (row[0], "of which EU (ERDF)") != NULL)
          {
            g_assert_cmpstr (row[1], ==, eu);
            found++;
          }
        else if (strstr (row[0], "of which state") != NULL)
          {
            g_assert_cmpstr (row[1], ==, state);
            found++;
          }
      }
    g_assert_cmpuint (found, ==, 2);
  }
  /* the financing plan shows the years of a source given per year, in the
   * main implementer's plan and the whole project's */
  {
    g_autofree char *year_text = g_strdup_printf ("    %d", first_year);
    g_autofree char *amount = hs_money_format (first_part, HS_LANG_FI);
    const HsChartTable *tables[2] = { NULL, page->financing };
    guint main_index = 0;

    for (guint i = 0; i < project->implementers->len; i++)
      if (((HsImplementer *) g_ptr_array_index (project->implementers, i))->is_main)
        main_index = i;
    tables[0] = ((HsReportImplementer *) g_ptr_array_index (page->parts, main_index))->financing;
    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      {
        gboolean found = FALSE;

        for (guint r = 0; r < tables[t]->rows->len; r++)
          {
            char **row = g_ptr_array_index (tables[t]->rows, r);
            found = found || (g_strcmp0 (row[0], year_text) == 0 && g_strcmp0 (row[1], amount) == 0);
          }
        g_assert_true (found);
      }
  }
  g_assert_true (hs_report_write_pdf (data, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 2);

  text = run ("pdftotext", pdf);
  {
    g_autoptr(GString) plain = g_string_new (text);
    g_autofree char *costs = hs_money_format (totals.total_costs, HS_LANG_FI);
    g_autofree char *eu = hs_money_format (totals.financing[HS_SOURCE_EU_STATE], HS_LANG_FI);
    g_autoptr(GString) costs_plain = g_string_new (costs);
    g_autoptr(GString) eu_plain = g_string_new (eu);
    const char *expected[] = {
      "Project application", project->code, hs_project_display_name (project),
      "RCR01", "Jobs created in supported entities", "12 500", "2.12.2026", "of which EU (ERDF)", "of which state",
      costs_plain->str, eu_plain->str,
      ((char **) g_ptr_array_index (page->findings->rows, 0))[1],
    };

    g_string_replace (plain, "\u00a0", " ", 0);
    g_string_replace (costs_plain, "\u00a0", " ", 0);
    g_string_replace (eu_plain, "\u00a0", " ", 0);
    g_string_replace (plain, "\u202f", " ", 0);
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        /* the start of it: a long finding wraps in its cell */
        g_autoptr(GString) want = g_string_new_len (expected[i], MIN (strlen (expected[i]), 30));

        g_string_replace (want, "\u00a0", " ", 0);
        g_string_replace (want, "\u202f", " ", 0);
        if (strstr (plain->str, want->str) == NULL)
          g_error ("“%s” is not in the application:\n%s", want->str, plain->str);
      }
    /* each implementer by name, with its own total costs */
    for (guint i = 0; i < project->implementers->len; i++)
      {
        HsImplementer *impl = g_ptr_array_index (project->implementers, i);
        HsTotals t;
        g_autofree char *own = NULL;
        g_autoptr(GString) own_plain = NULL;

        g_assert_true (hs_implementer_totals (impl, &t, NULL));
        own = hs_money_format (t.total_costs, HS_LANG_FI);
        own_plain = g_string_new (own);
        g_string_replace (own_plain, "\u00a0", " ", 0);
        g_assert_nonnull (strstr (plain->str, impl->organisation->name));
        g_assert_nonnull (strstr (plain->str, own_plain->str));
      }
  }

  /* no such project */
  g_clear_pointer (&data, hs_report_data_free);
  data = hs_report_data_for_project (HS_REPOSITORY (repo), 999, HS_LANG_FI, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NOT_FOUND);

  file_name = hs_report_project_file_name ("PKS-2023-001");
  g_assert_cmpstr (file_name, ==, "hankesalkku-application-pks-2023-001.pdf");

  g_unlink (pdf);
  g_rmdir (dir);
}

static char *
pdf_creation_date (const char *path)
{
  const char *argv[] = { "pdfinfo", "-isodates", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  line = strstr (out, "CreationDate:");
  g_assert_nonnull (line);
  line += strlen ("CreationDate:");
  while (*line == ' ')
    line++;
  return g_strndup (line, strcspn (line, "\n"));
}

/* The PDF's creation date is when it was written, or SOURCE_DATE_EPOCH
 * when that is set; the printed date follows it. */
static void
test_report_dates (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (10, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-report-XXXXXX", NULL);
  g_autofree char *pinned_pdf = g_build_filename (dir, "pinned.pdf", NULL);
  g_autofree char *now_pdf = g_build_filename (dir, "now.pdf", NULL);
  HsReportOptions options = { { 0, 0 }, FALSE, HS_LANG_FI };
  g_autoptr(HsReportData) pinned = NULL;
  g_autoptr(HsReportData) now = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autofree char *year = g_date_time_format (today, "%Y-");
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  g_date_clear (&options.date, 1);

  /* 2.12.2026 12:00 UTC */
  g_setenv ("SOURCE_DATE_EPOCH", "1796212800", TRUE);
  pinned = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  g_assert_true (hs_report_write_pdf (pinned, pinned_pdf, NULL, &error));
  g_assert_no_error (error);
  date = pdf_creation_date (pinned_pdf);
  g_assert_cmpstr (date, ==, "2026-12-02T12:00:00Z");
  text = run ("pdftotext", pinned_pdf);
  g_assert_true (strstr (text, "2.12.2026") != NULL);

  /* unpinned: now, not a date fixed in the code */
  g_unsetenv ("SOURCE_DATE_EPOCH");
  now = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  g_assert_true (hs_report_write_pdf (now, now_pdf, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&date, g_free);
  date = pdf_creation_date (now_pdf);
  g_assert_true (g_str_has_prefix (date, year));

  g_unlink (pinned_pdf);
  g_unlink (now_pdf);
  g_rmdir (dir);
}

/* The file a report is offered under names its scope and its day. */
static void
test_report_file_name (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (10, 2);
  g_autoptr(GError) error = NULL;
  HsChartScope all = { 0, 0 }, kuopio = { 8, 0 }, focus = { 0, 32 }, missing = { 99, 0 };
  GDate day;
  g_autofree char *whole = NULL;
  g_autofree char *agreement = NULL;
  g_autofree char *focus_area = NULL;
  g_autofree char *none = NULL;
  g_autofree char *today = NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, G_DATE_DECEMBER, 2026);
  whole = hs_report_default_file_name (HS_REPOSITORY (repo), &all, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (whole, ==, "hankesalkku-report-2026-12-02.pdf");
  agreement = hs_report_default_file_name (HS_REPOSITORY (repo), &kuopio, &day, &error);
  g_assert_cmpstr (agreement, ==, "hankesalkku-report-kuopio-2026-12-02.pdf");
  focus_area = hs_report_default_file_name (HS_REPOSITORY (repo), &focus, &day, &error);
  g_assert_cmpstr (focus_area, ==, "hankesalkku-report-kokkola-akkukemia-2026-12-02.pdf");
  none = hs_report_default_file_name (HS_REPOSITORY (repo), &missing, &day, &error);
  g_assert_null (none);
  g_assert_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* without a date: today, or the pinned one */
  g_setenv ("SOURCE_DATE_EPOCH", "1796212800", TRUE);
  today = hs_report_default_file_name (HS_REPOSITORY (repo), &kuopio, NULL, &error);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_cmpstr (today, ==, "hankesalkku-report-kuopio-2026-12-02.pdf");
}

/* A table of many long rows: no row is cut and continued pages repeat the header. */
static void
test_report_rows_not_cut (void)
{
  g_autoptr(FakeRepository) repo = fake_repository_new (20, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  HsReportOptions options = { { 0, 0 }, FALSE, HS_LANG_FI };
  g_autoptr(HsReportData) data = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;
  g_auto(GStrv) pages = NULL;
  guint rows_seen = 0;

  g_date_clear (&options.date, 1);
  data = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  g_assert_no_error (error);
  /* 150 summary rows whose names wrap over three lines */
  for (guint i = 0; i < 150; i++)
    {
      char **row = g_new0 (char *, 9);
      row[0] = g_strdup_printf ("RIVI-%03u Tutkimus- ja innovaatioekosysteemin kehittämisohjelma, jonka nimi on tarkoituksella pitkä ja "
                                "rivittyy useammalle riville LOPPU-%03u", i, i);
      for (guint c = 1; c < 8; c++)
        row[c] = g_strdup ("1 000,00 €");
      g_ptr_array_insert (data->summary->rows, 0, row);
    }
  data->summary->total_row += 150;
  g_assert_true (hs_report_write_pdf (data, path, &n_pages, &error));
  g_assert_no_error (error);
  text = run ("pdftotext", path);
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      /* every row that starts on a page ends on it */
      for (guint i = 0; i < 150; i++)
        {
          g_autofree char *start = g_strdup_printf ("RIVI-%03u", i);
          g_autofree char *end = g_strdup_printf ("LOPPU-%03u", i);
          gboolean has_start = strstr (pages[p], start) != NULL;
          gboolean has_end = strstr (pages[p], end) != NULL;
          g_assert_cmpint (has_start, ==, has_end);
          rows_seen += has_start;
        }
      if (p > 1 && strstr (pages[p], "RIVI-") != NULL)
        g_assert_true (strstr (pages[p], "Focus area") != NULL);
    }
  g_assert_cmpuint (rows_seen, ==, 150);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/source/financing", test_source_financing);
  g_test_add_func ("/charts/source/other-kinds", test_source_other_kinds);
  g_test_add_func ("/charts/source/names", test_source_names);
  g_test_add_func ("/charts/report/pdf", test_report_pdf);
  g_test_add_func ("/charts/report/project", test_report_project);
  g_test_add_func ("/charts/report/agreements", test_report_agreements);
  g_test_add_func ("/charts/report/rows-not-cut", test_report_rows_not_cut);
  g_test_add_func ("/charts/report/dates", test_report_dates);
  g_test_add_func ("/charts/report/file-name", test_report_file_name);

  return g_test_run ();
}

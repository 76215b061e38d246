/* test-dashboard.c — the charts dashboard, its exports, the report and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case opens a fresh database with the example portfolio and a small
 * generated one and shows an HsDashboard in a window. Assertions are on
 * what the charts hold and say (their accessible descriptions), on the
 * signals a bar sends, on the files written (read back with pdfinfo and
 * pdftotext), and on when the charts gather their data.
 *
 * With --language=fi the same cases run in Finnish: the texts they expect
 * are the application's own messages as the catalogue translates them, and
 * the amounts and counts are formatted by core's formatters; the
 * screenshots are written as dashboard-…-<language>.png into
 * G_TEST_BUILDDIR.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "charts/hs-report.h"
#include "core/hs-date.h"
#include "core/hs-generate.h"
#include "core/hs-i18n.h"
#include "core/hs-lang.h"
#include "core/hs-money.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-review.h"
#include "core/hs-reference.h"
#include "core/hs-validate.h"
#include "store/hs-sqlite-repository.h"

#include "hs-chart-table-window.h"
#include "hs-chart-table-window-private.h"
#include "hs-dashboard.h"
#include "hs-dashboard-private.h"
#include "hs-gui-test.h"
#include "hs-report-actions.h"
#include "hs-snapshot.h"
#include "hs-chart-view-private.h"

/* --language=fi: the cases, and their screenshots, in Finnish */
static const char *language = "en";

/* A message of the application as the user reads it. */
#define T(msgid) g_dgettext (GETTEXT_PACKAGE, msgid)

typedef struct
{
  char         *dir;
  HsRepository *repo;
  GtkWindow    *window;
  HsDashboard  *dashboard;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->repo = hs_test_open_portfolio ("hs-dashboard", 60, &f->dir);
  f->window = GTK_WINDOW (adw_window_new ());
  f->dashboard = HS_DASHBOARD (hs_dashboard_new (f->repo));
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->dashboard));
  gtk_window_set_default_size (f->window, 1280, 1240);
  hs_test_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hs_test_close_portfolio (f->window, &f->repo, &f->dir);
}

/* ---- helpers --------------------------------------------------------------- */

/* The sum of the projects' total costs in a scope, from the list rows. */
static gint64
stored_total (Fixture *f,
              gint64   agreement_id,
              gint64   focus_area_id,
              guint   *n_projects)
{
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (f->repo, NULL);
  gint64 total = 0;
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const HsProjectSummary *row = &g_array_index (rows, HsProjectSummary, i);
      if ((agreement_id == 0 || row->agreement_id == agreement_id)
          && (focus_area_id == 0 || row->focus_area_id == focus_area_id))
        {
          total += row->total_costs;
          n++;
        }
    }
  if (n_projects != NULL)
    *n_projects = n;
  return total;
}

static gint64
chart_total (Fixture     *f,
             HsChartKind  kind)
{
  const HsChartData *data = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, kind));
  gint64 total = 0;

  g_assert_nonnull (data);
  g_assert_true (hs_chart_data_totals (data, NULL, &total, NULL));
  return total;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    {
      g_test_message ("“%s” not in “%s”", needle, haystack);
      return FALSE;
    }
  return TRUE;
}

/* Whether @haystack holds the pieces of @text between its U+0001s, in
 * order: a translated message printed with "\001" for what the test does
 * not know (a list of names, a count it does not check). */
static gboolean
contains_pieces (const char *haystack,
                 const char *text)
{
  g_auto(GStrv) pieces = g_strsplit (text, "\001", -1);
  const char *from = haystack;

  for (guint i = 0; from != NULL && pieces[i] != NULL; i++)
    {
      const char *at = strstr (from, pieces[i]);

      if (at == NULL)
        {
          g_test_message ("“%s” not in “%s”", pieces[i], haystack);
          return FALSE;
        }
      from = at + strlen (pieces[i]);
    }
  return from != NULL;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tool, path, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The words of each page of a PDF's text, sorted: pdftotext's reading
 * order of table cells can differ between two renderings of the same page
 * (a header cell read before or after its row), the words cannot. */
static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
pdf_page_words (const char *path)
{
  g_autofree char *text = run_tool ("pdftotext", path);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GString *out = g_string_new (NULL);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit_set (pages[p], " \n\t", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          g_ptr_array_add (kept, words[w]);
      g_ptr_array_sort (kept, compare_words);
      g_string_append_printf (out, "page %u:", p + 1);
      for (guint w = 0; w < kept->len; w++)
        g_string_append_printf (out, " %s", (const char *) g_ptr_array_index (kept, w));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* The centre of the first bar of a category in a chart's layout. */
static gboolean
bar_centre (HsChartView *view,
            int          category,
            double      *x,
            double      *y)
{
  const HsChartLayout *layout = _hs_chart_view_get_layout (view);

  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
      if (bar->category == category)
        {
          *x = bar->rect.x + bar->rect.width / 2;
          *y = bar->rect.y + bar->rect.height / 2;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  guint  count;
  int    dimension;
  char  *key;
} Requested;

static void
filter_requested_cb (HsDashboard *dashboard,
                     int          dimension,
                     const char  *key,
                     Requested   *requested)
{
  requested->count++;
  requested->dimension = dimension;
  g_free (requested->key);
  requested->key = g_strdup (key);
}

static gint64
agreement_with_projects (Fixture *f,
                         guint    nth)
{
  g_autoptr(GArray) rows = hs_repository_summarise (f->repo, HS_BY_AGREEMENT, 0, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
      if (row->projects > 0 && nth-- == 0)
        return g_ascii_strtoll (row->key, NULL, 10);
    }
  g_assert_not_reached ();
}

/* ---- cases ----------------------------------------------------------------- */

static void
test_five_charts (Fixture       *f,
                  gconstpointer  data)
{
  guint n_projects = 0;
  gint64 total = stored_total (f, 0, 0, &n_projects);
  g_autofree char *total_text = hs_money_format (total, hs_lang_current ());
  g_autofree char *count_text = NULL;
  g_autofree char *png = g_strdup_printf ("dashboard-%s.png", language);
  g_autofree char *dark_png = g_strdup_printf ("dashboard-dark-%s.png", language);
  g_autoptr(GError) error = NULL;

  /* the timeline says how many projects between which dates: "63 projects
   * between 1.1.2021 and 31.12.2027:" */
  {
    const HsChartData *d = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_TIMELINE));
    g_autofree char *count = hs_count_format (d->tasks->len, d->lang);
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;
    GDate first, last;

    g_date_clear (&first, 1);
    g_date_clear (&last, 1);
    for (guint i = 0; i < d->tasks->len; i++)
      {
        const HsChartTask *task = &g_array_index (d->tasks, HsChartTask, i);
        if (g_date_valid (&task->start) && (!g_date_valid (&first) || g_date_compare (&task->start, &first) < 0))
          first = task->start;
        if (g_date_valid (&task->end) && (!g_date_valid (&last) || g_date_compare (&task->end, &last) > 0))
          last = task->end;
      }
    g_assert_cmpuint (d->tasks->len, ==, n_projects);
    from = hs_date_format (&first, d->lang);
    to = hs_date_format (&last, d->lang);
    count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s project between %s and %s:",
                                               "%s projects between %s and %s:", d->tasks->len),
                                  count, from, to);
  }

  g_assert_cmpuint (n_projects, ==, 63);
  g_assert_cmpuint (_hs_dashboard_get_n_refreshes (f->dashboard), ==, 1);
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    {
      HsChartView *view = _hs_dashboard_get_chart (f->dashboard, k);
      const char *description = _hs_chart_view_get_description (view);

      g_assert_nonnull (view);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
      g_assert_cmpint (_hs_chart_view_get_kind (view), ==, k);
      g_assert_nonnull (hs_chart_view_get_data (view));
      g_assert_nonnull (description);
      g_assert_cmpstr (description, !=, "");
      /* (GTK_A11Y=none here: no AT context to read the property back from) */
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_IMG);
      g_test_message ("%s: %s", hs_chart_kind_to_id (k), description);
      /* every chart of money says the portfolio's total, as the user writes it */
      if (k == HS_CHART_TIMELINE)
        g_assert_true (contains (description, count_text));
      else
        g_assert_true (contains (description, total_text));
    }
  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, total);
  g_assert_cmpint (chart_total (f, HS_CHART_BUDGET_BY_YEAR), ==, total);
  g_assert_cmpint (chart_total (f, HS_CHART_IMPLEMENTERS), ==, total);

  /* the screenshots, light and dark */
  hs_test_save_png (GTK_WIDGET (f->window), png);
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    g_test_message ("%s drawn in %.2f ms", hs_chart_kind_to_id (k),
                    _hs_chart_view_get_last_draw_time (_hs_dashboard_get_chart (f->dashboard, k)));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  hs_test_drain ();
  hs_test_save_png (GTK_WIDGET (f->window), dark_png);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  hs_test_drain ();
  /* a change of style redraws, it does not gather again */
  g_assert_cmpuint (_hs_dashboard_get_n_refreshes (f->dashboard), ==, 1);
}

static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  gint64 agreement = agreement_with_projects (f, 0);
  gint64 whole = stored_total (f, 0, 0, NULL);
  gint64 expected = stored_total (f, agreement, 0, NULL);
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (f->repo, NULL);
  const HsChartData *financing;
  gint64 focus_area = 0;
  guint n_in_focus_area = 0;

  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, whole);

  hs_dashboard_set_scope (f->dashboard, agreement, 0);
  hs_test_drain ();
  g_assert_cmpint (expected, <, whole);
  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, expected);
  g_assert_cmpint (chart_total (f, HS_CHART_BUDGET_BY_YEAR), ==, expected);
  g_assert_cmpint (chart_total (f, HS_CHART_IMPLEMENTERS), ==, expected);

  /* one focus area: the financing chart shows its projects */
  for (guint i = 0; i < rows->len && focus_area == 0; i++)
    if (g_array_index (rows, HsProjectSummary, i).agreement_id == agreement)
      focus_area = g_array_index (rows, HsProjectSummary, i).focus_area_id;
  stored_total (f, 0, focus_area, &n_in_focus_area);
  hs_dashboard_set_scope (f->dashboard, agreement, focus_area);
  hs_test_drain ();
  financing = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_FINANCING));
  g_assert_cmpuint (financing->categories->len, ==, n_in_focus_area);
  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, stored_total (f, 0, focus_area, NULL));

  /* a focus area of no agreement: an error page, not a crash */
  hs_dashboard_set_scope (f->dashboard, 0, 999999);
  hs_test_drain ();
  hs_dashboard_set_scope (f->dashboard, 0, 0);
  hs_test_drain ();
  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, whole);
}

static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (f->repo, NULL);
  gint64 id = g_array_index (rows, HsProjectSummary, 0).id;
  g_autoptr(HsProject) project = hs_repository_load_project (f->repo, id, NULL);
  HsImplementer *impl = hs_project_get_main (project);
  const HsChartData *before = NULL;
  gint64 old_total = chart_total (f, HS_CHART_STATUS);
  guint refreshes = _hs_dashboard_get_n_refreshes (f->dashboard);
  g_autoptr(GError) error = NULL;
  HsBudgetLine line = { 0 };
  g_autofree char *new_text = NULL;

  g_assert_nonnull (impl);
  for (guint i = 0; i < impl->budget->len; i++)
    if (!g_array_index (impl->budget, HsBudgetLine, i).derived)
      line = g_array_index (impl->budget, HsBudgetLine, i);
  g_assert_cmpint (line.year, >, 0);

  /* an edit: one refresh, the totals follow */
  hs_implementer_set_cost (impl, line.category, line.year, line.amount + 1000000);
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  g_assert_cmpuint (_hs_dashboard_get_n_refreshes (f->dashboard), ==, refreshes + 1);
  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), >=, old_total + 1000000);
  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, stored_total (f, 0, 0, NULL));
  g_assert_cmpint (chart_total (f, HS_CHART_BUDGET_BY_YEAR), ==, stored_total (f, 0, 0, NULL));
  new_text = hs_money_format (stored_total (f, 0, 0, NULL), hs_lang_current ());
  g_assert_true (contains (_hs_chart_view_get_description (_hs_dashboard_get_chart (f->dashboard, HS_CHART_STATUS)),
                           new_text));

  /* hidden, it only notes the change; shown again, it catches up once */
  gtk_widget_set_visible (GTK_WIDGET (f->dashboard), FALSE);
  hs_test_drain ();
  before = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_STATUS));
  refreshes = _hs_dashboard_get_n_refreshes (f->dashboard);
  for (int i = 0; i < 3; i++)
    {
      hs_implementer_set_cost (impl, line.category, line.year, line.amount + 2000000 + i);
      g_assert_true (hs_repository_save_project (f->repo, project, &error));
      g_assert_no_error (error);
      hs_test_drain ();
    }
  g_assert_cmpuint (_hs_dashboard_get_n_refreshes (f->dashboard), ==, refreshes);
  g_assert_true (hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_STATUS)) == before);
  gtk_widget_set_visible (GTK_WIDGET (f->dashboard), TRUE);
  hs_test_drain ();
  g_assert_cmpuint (_hs_dashboard_get_n_refreshes (f->dashboard), ==, refreshes + 1);
  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, stored_total (f, 0, 0, NULL));

  /* many projects in one action: one refresh, not one per project */
  {
    g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);
    g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (f->repo, 0, NULL);
    g_autoptr(GPtrArray) more = hs_generate_portfolio (agreements, focus_areas, 20, 77);

    refreshes = _hs_dashboard_get_n_refreshes (f->dashboard);
    g_assert_true (hs_repository_save_projects (f->repo, more, "more", &error));
    g_assert_no_error (error);
    hs_test_drain ();
    g_assert_cmpuint (_hs_dashboard_get_n_refreshes (f->dashboard), ==, refreshes + 1);
    g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, stored_total (f, 0, 0, NULL));
  }
  g_test_message ("gathering the five charts took %.1f ms", _hs_dashboard_get_last_refresh_time (f->dashboard));
}

static gboolean
press_key (HsChartView *view,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  return handled;
}

static void
test_filter_requested (Fixture       *f,
                       gconstpointer  data)
{
  Requested requested = { 0 };
  HsChartView *financing = _hs_dashboard_get_chart (f->dashboard, HS_CHART_FINANCING);
  HsChartView *status = _hs_dashboard_get_chart (f->dashboard, HS_CHART_STATUS);
  HsChartView *timeline = _hs_dashboard_get_chart (f->dashboard, HS_CHART_TIMELINE);
  HsChartView *implementers = _hs_dashboard_get_chart (f->dashboard, HS_CHART_IMPLEMENTERS);
  HsChartView *budget = _hs_dashboard_get_chart (f->dashboard, HS_CHART_BUDGET_BY_YEAR);
  const HsChartData *d;
  g_autoptr(GArray) focus_rows = hs_repository_summarise (f->repo, HS_BY_FOCUS_AREA, 0, NULL);
  const char *expected_key = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *amount = NULL;
  double x, y;

  g_signal_connect (f->dashboard, "filter-requested", G_CALLBACK (filter_requested_cb), &requested);

  /* a focus area's bar: the focus area's id */
  d = hs_chart_view_get_data (financing);
  g_assert_true (bar_centre (financing, 0, &x, &y));
  g_assert_true (hs_chart_view_activate_at (financing, x, y));
  g_assert_cmpuint (requested.count, ==, 1);
  g_assert_cmpint (requested.dimension, ==, HS_BY_FOCUS_AREA);
  for (guint i = 0; i < focus_rows->len; i++)
    if (g_strcmp0 (g_array_index (focus_rows, HsSummaryRow, i).label, g_array_index (d->categories, HsChartCategory, 0).label) == 0)
      expected_key = g_array_index (focus_rows, HsSummaryRow, i).key;
  g_assert_cmpstr (requested.key, ==, expected_key);

  /* hovering there shows the exact values */
  tooltip = _hs_chart_view_describe_at (financing, x, y);
  amount = hs_money_format (g_array_index (d->categories, HsChartCategory, 0).total, d->lang);
  g_assert_true (contains (tooltip, amount));
  g_assert_null (_hs_chart_view_describe_at (financing, 1, 1));
  g_assert_false (hs_chart_view_activate_at (financing, 1, 1));
  g_assert_cmpuint (requested.count, ==, 1);

  /* a status: its id, for the list's status filter */
  d = hs_chart_view_get_data (status);
  g_assert_true (bar_centre (status, 1, &x, &y));
  g_assert_true (hs_chart_view_activate_at (status, x, y));
  g_assert_cmpint (requested.dimension, ==, HS_BY_STATUS);
  g_assert_cmpstr (requested.key, ==, hs_status_to_id (g_array_index (d->categories, HsChartCategory, 1).status));

  /* a year */
  d = hs_chart_view_get_data (budget);
  for (guint i = 0; i < d->categories->len; i++)
    if (g_array_index (d->categories, HsChartCategory, i).total > 0)
      {
        g_assert_true (bar_centre (budget, (int) i, &x, &y));
        g_assert_true (hs_chart_view_activate_at (budget, x, y));
        g_assert_cmpint (requested.dimension, ==, HS_BY_YEAR);
        g_assert_cmpstr (requested.key, ==, g_array_index (d->categories, HsChartCategory, i).label);
        break;
      }

  /* an organisation, by the keyboard: Down to the first bar, Down, Enter */
  d = hs_chart_view_get_data (implementers);
  requested.count = 0;
  gtk_widget_grab_focus (GTK_WIDGET (implementers));
  g_assert_true (press_key (implementers, GDK_KEY_Down));
  g_assert_true (press_key (implementers, GDK_KEY_Down));
  g_assert_cmpint (_hs_chart_view_get_focus_category (implementers), ==, 1);
  g_assert_true (press_key (implementers, GDK_KEY_Return));
  g_assert_cmpuint (requested.count, ==, 1);
  g_assert_cmpint (requested.dimension, ==, HS_DASHBOARD_BY_ORGANISATION);
  g_assert_cmpstr (requested.key, ==, g_array_index (d->categories, HsChartCategory, 1).label);

  /* a project on the timeline: its id */
  d = hs_chart_view_get_data (timeline);
  g_assert_true (bar_centre (timeline, 0, &x, &y));
  g_assert_true (hs_chart_view_activate_at (timeline, x, y));
  g_assert_cmpint (requested.dimension, ==, HS_DASHBOARD_BY_PROJECT);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (d->tasks, HsChartTask, 0).id);
    g_assert_cmpstr (requested.key, ==, id);
  }
  /* the keyboard scrolls the timeline past the rows that fit */
  {
    const HsChartLayout *layout = _hs_chart_view_get_layout (timeline);
    guint shown = layout->n_shown;
    g_assert_cmpuint (shown, <, d->tasks->len);
    hs_chart_view_set_focus_category (timeline, (int) shown + 2);
    layout = _hs_chart_view_get_layout (timeline);
    g_assert_cmpuint (layout->first_task, ==, 3);
    g_assert_true (bar_centre (timeline, (int) shown + 2, &x, &y));
  }

  g_signal_handlers_disconnect_by_data (f->dashboard, &requested);
  g_free (requested.key);
}

/* The timeline opens on what matters now: its first rows are running or
 * upcoming projects, not the oldest long-ended ones, and its note says how
 * many are shown of how many. */
static void
test_timeline_current_first (Fixture       *f,
                             gconstpointer  data)
{
  HsChartView *timeline = _hs_dashboard_get_chart (f->dashboard, HS_CHART_TIMELINE);
  const HsChartData *d = hs_chart_view_get_data (timeline);
  const HsChartLayout *layout = _hs_chart_view_get_layout (timeline);
  g_autofree char *a = hs_count_format (layout->first_task + 1, d->lang);
  g_autofree char *z = hs_count_format (layout->first_task + layout->n_shown, d->lang);
  g_autofree char *all = hs_count_format (d->tasks->len, d->lang);
  /* "Projects 1–13 of 63." */
  g_autofree char *of = g_strdup_printf (T ("Projects %s–%s of %s."), a, z, all);
  guint ended = 0;
  gboolean note_seen = FALSE;

  g_assert_true (g_date_valid (&d->today));
  g_assert_cmpuint (layout->n_shown, <, d->tasks->len);
  for (guint i = 0; i < d->tasks->len; i++)
    {
      const HsChartTask *task = &g_array_index (d->tasks, HsChartTask, i);
      if (g_date_compare (&task->end, &d->today) < 0)
        ended++;
    }
  /* the fixture has both */
  g_assert_cmpuint (ended, >, 0);
  g_assert_cmpuint (ended, <, d->tasks->len - layout->n_shown);
  for (guint i = layout->first_task; i < layout->first_task + layout->n_shown; i++)
    {
      const HsChartTask *task = &g_array_index (d->tasks, HsChartTask, i);
      g_autofree char *end = hs_date_format (&task->end, d->lang);
      g_test_message ("row %u: %s, %s, ends %s", i, task->code, hs_status_label (task->status), end);
      g_assert_cmpint (g_date_compare (&task->end, &d->today), >=, 0);
      g_assert_cmpint (task->status, !=, HS_STATUS_CLOSED);
    }
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const HsChartText *t = &g_array_index (layout->texts, HsChartText, i);
      if (t->role == HS_TEXT_NOTE && contains (t->text, of))
        note_seen = TRUE;
    }
  g_assert_true (note_seen);
}

/* The wheel over the timeline scrolls the page, not the timeline's rows:
 * nothing on the chart takes a vertical scroll, so it reaches the
 * dashboard's scrolled window. */
static void
test_wheel_scrolls_page (Fixture       *f,
                         gconstpointer  data)
{
  HsChartView *timeline = _hs_dashboard_get_chart (f->dashboard, HS_CHART_TIMELINE);
  g_autoptr(GListModel) controllers = NULL;
  guint first = _hs_chart_view_get_layout (timeline)->first_task;

  g_assert_cmpuint (_hs_chart_view_get_layout (timeline)->n_shown, <,
                    hs_chart_view_get_data (timeline)->tasks->len);
  for (GtkWidget *w = GTK_WIDGET (timeline); w != NULL && !GTK_IS_SCROLLED_WINDOW (w); w = gtk_widget_get_parent (w))
    {
      controllers = gtk_widget_observe_controllers (w);
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
            continue;
          /* a wheel step down, then up */
          g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
          g_assert_false (handled);
          g_signal_emit_by_name (controller, "scroll", 0.0, -1.0, &handled);
          g_assert_false (handled);
        }
      g_clear_object (&controllers);
    }
  g_assert_cmpuint (_hs_chart_view_get_layout (timeline)->first_task, ==, first);
}

/* The indicative annual allocation is drawn at its value where the scope
 * has one (Kuopio: 450 000 € a year), and where it has none, or only some
 * of the scope's agreements have one, no line lies at 0: the chart says
 * that none is known. */
static void
test_allocation (Fixture       *f,
                 gconstpointer  data)
{
  HsChartView *budget = _hs_dashboard_get_chart (f->dashboard, HS_CHART_BUDGET_BY_YEAR);
  const HsChartData *d;
  const HsChartLayout *layout;
  guint lines = 0;
  gboolean note_seen = FALSE;
  /* "… known for 3 of the 16 agreements only (…)": the names as they come */
  g_autofree char *some_known = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "An indicative annual allocation is known for %u of the %u agreement only (%s): choose one of them to compare.",
                                                              "An indicative annual allocation is known for %u of the %u agreements only (%s): choose one of them to compare.",
                                                              16),
                                                 3, 16, "\001");
  g_autofree char *none_known = g_strdup_printf (T ("No indicative annual allocation is known for %s."), "Pori");

  /* the whole portfolio: 3 of the 16 agreements have one */
  d = hs_chart_view_get_data (budget);
  layout = _hs_chart_view_get_layout (budget);
  for (guint i = 0; i < layout->lines->len; i++)
    g_assert_cmpint (g_array_index (layout->lines, HsChartLine, i).role, !=, HS_LINE_REFERENCE);
  g_assert_null (d->reference_label);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const HsChartText *t = &g_array_index (layout->texts, HsChartText, i);
      if (t->role == HS_TEXT_NOTE && contains_pieces (t->text, some_known))
        note_seen = TRUE;
    }
  g_assert_true (note_seen);

  /* Kuopio: 450 000 € a year, 2021–2027 */
  hs_dashboard_set_scope (f->dashboard, 8, 0);
  hs_test_drain ();
  d = hs_chart_view_get_data (budget);
  layout = _hs_chart_view_get_layout (budget);
  g_assert_nonnull (d->reference_label);
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const HsChartLine *line = &g_array_index (layout->lines, HsChartLine, i);
      double axis = layout->plot.y + layout->plot.height;
      double expected = axis - layout->plot.height * 45000000.0 / (double) layout->scale.max;

      if (line->role != HS_LINE_REFERENCE || line->y0 != line->y1)
        continue;
      lines++;
      g_assert_cmpfloat_with_epsilon (line->y0, expected, 0.5);
      /* off the axis by what the value is worth */
      g_assert_cmpfloat (axis - line->y0, >=, 2);
    }
  g_assert_cmpuint (lines, ==, 7);

  /* Pori: none known */
  hs_dashboard_set_scope (f->dashboard, 10, 0);
  hs_test_drain ();
  d = hs_chart_view_get_data (budget);
  g_assert_null (d->reference_label);
  g_assert_cmpstr (d->reference_note, ==, none_known);
  g_assert_true (contains (_hs_chart_view_get_description (budget), none_known));
}

static void
test_show_as_table (Fixture       *f,
                    gconstpointer  data)
{
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    {
      const HsChartData *d = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, k));
      GtkWindow *window = hs_dashboard_show_table (f->dashboard, k);
      GListModel *rows;
      guint expected;

      g_assert_true (HS_IS_CHART_TABLE_WINDOW (window));
      rows = _hs_chart_table_window_get_rows (HS_CHART_TABLE_WINDOW (window));
      /* a row per category and a total row; the timeline a row per project */
      if (k == HS_CHART_TIMELINE)
        expected = d->tasks->len;
      else
        expected = d->categories->len + 1;
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, expected);
      g_assert_true (gtk_window_get_transient_for (window) == f->window);
      hs_test_drain ();
      if (k == HS_CHART_FINANCING)
        {
          g_autofree char *png = g_strdup_printf ("dashboard-table-%s.png", language);
          hs_test_save_png (GTK_WIDGET (window), png);
        }
      gtk_window_destroy (window);
      hs_test_drain ();
    }

  /* the same through the card menu's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dashboard), "dashboard.show-table", "s", "status"));
  hs_test_drain ();
}

static void
test_export_chart (Fixture       *f,
                   gconstpointer  data)
{
  static const char *names[] = { "financing.png", "timeline.svg", "status.pdf" };
  static const HsChartKind kinds[] = { HS_CHART_FINANCING, HS_CHART_TIMELINE, HS_CHART_STATUS };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (hs_dashboard_export_chart (f->dashboard, kinds[i], file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      if (g_str_has_suffix (path, ".png"))
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
          g_assert_no_error (error);
          g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);
          g_assert_cmpint (gdk_texture_get_height (texture), ==, 750);
        }
      else if (g_str_has_suffix (path, ".svg"))
        g_assert_true (contains (contents, "<svg"));
      else
        {
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          g_assert_cmpuint (pdf_pages (path), ==, 1);
        }
    }

  /* an unknown suffix is refused */
  {
    g_autofree char *path = g_build_filename (f->dir, "chart.bmp", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_assert_false (hs_dashboard_export_chart (f->dashboard, HS_CHART_STATUS, file, &error));
    g_assert_nonnull (error);
  }
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  guint     n_pages;
  GError   *error;
} Written;

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Written *written = user_data;

  written->ok = hs_export_report_to_file_finish (result, &written->n_pages, &written->error);
  written->done = TRUE;
}

static gboolean
is_written (gpointer written)
{
  return ((Written *) written)->done;
}

static guint
write_report (Fixture               *f,
              const HsReportOptions *options,
              const char            *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Written written = { 0 };

  hs_export_report_to_file_async (f->repo, options, file, NULL, written_cb, &written);
  /* written in a thread: the main loop keeps running meanwhile */
  hs_test_wait_until (is_written, &written, "the report to be written");
  g_assert_no_error (written.error);
  g_assert_true (written.ok);
  return written.n_pages;
}

/* pdftotext wraps lines where the PDF does: compare texts with their
 * whitespace (and no-break spaces) as single spaces. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GString) plain = g_string_new (text);

  g_string_replace (plain, "\u00a0", " ", 0);
  for (const char *p = plain->str; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      if (space && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_c (out, space ? ' ' : *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *with_projects = g_build_filename (f->dir, "report-projects.pdf", NULL);
  HsReportOptions options = { { 0, 0 }, FALSE, hs_lang_current () };
  g_autofree char *total = hs_money_format (stored_total (f, 0, 0, NULL), hs_lang_current ());
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *expected_total = NULL;
  g_autofree char *total_line = NULL;
  guint n_pages, n_with;

  g_date_clear (&options.date, 1);
  n_pages = write_report (f, &options, path);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  text = run_tool ("pdftotext", path);
  flat = squeeze (text);
  /* "Total costs €83,493,433.56", "Kokonaiskustannukset 83 493 433,56 €"
   * (pdftotext writes the no-break spaces as spaces) */
  total_line = g_strdup_printf (T ("Total costs %s"), total);
  expected_total = squeeze (total_line);
  g_assert_true (contains (flat, expected_total));

  /* a page per project: 63 more sections */
  options.include_projects = TRUE;
  n_with = write_report (f, &options, with_projects);
  g_assert_cmpuint (n_with, >=, n_pages + 63);
  g_assert_cmpuint (pdf_pages (with_projects), ==, n_with);

  /* a file that cannot be written: an error, nothing left behind */
  {
    g_autofree char *bad = g_build_filename (f->dir, "no-such-dir", "report.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (bad);
    Written written = { 0 };
    hs_export_report_to_file_async (f->repo, &options, file, NULL, written_cb, &written);
    hs_test_wait_until (is_written, &written, "the report to fail");
    g_assert_false (written.ok);
    g_assert_nonnull (written.error);
    g_clear_error (&written.error);
  }
}

/* The summary report has a findings section: each project's errors and
 * warnings, as the editor shows them. */
static void
test_report_findings (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "findings.pdf", NULL);
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (f->repo, NULL);
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (f->repo, 0, NULL);
  g_autoptr(GPtrArray) areas = hs_repository_list_focus_areas (f->repo, 0, NULL);
  g_autoptr(GHashTable) calls_by_id = hs_reference_index_by_id (calls);
  g_autoptr(GHashTable) areas_by_id = hs_reference_index_by_id (areas);
  g_autoptr(HsProject) project = hs_repository_load_project (f->repo, g_array_index (rows, HsProjectSummary, 0).id, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  HsReportOptions options = { { 0, 0 }, FALSE, hs_lang_current () };
  HsValidationContext context = { 0 };
  HsImplementer *impl = hs_project_get_main (project);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *checked_flat = NULL;
  gboolean has_error = FALSE;

  /* a financing plan that no longer covers the costs: an error */
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, hs_implementer_get_financing (impl, HS_SOURCE_CITY) + 123400);
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);
  context.call = g_hash_table_lookup (calls_by_id, &project->call_id);
  context.focus_area = g_hash_table_lookup (areas_by_id, &project->focus_area_id);
  context.lang = hs_lang_current ();
  findings = hs_validate_project (project, &context);
  g_assert_cmpuint (findings->len, >, 0);

  g_date_clear (&options.date, 1);
  write_report (f, &options, path);
  text = run_tool ("pdftotext", path);
  flat = squeeze (text);
  g_assert_true (contains (flat, T ("Findings")));
  /* "63 projects checked against the funding rules: 1 with findings
   * (errors 1, warnings 0).": how many of each is not this case's */
  checked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s project checked against the funding rules: %s with findings (errors %s, warnings %s).",
                                          "%s projects checked against the funding rules: %s with findings (errors %s, warnings %s).",
                                          rows->len),
                             "\001", "\001", "\001", "\001");
  checked_flat = squeeze (checked);
  g_assert_true (contains_pieces (flat, checked_flat));
  heading = g_strdup_printf ("%s %s", project->code, hs_project_display_name (project));
  g_assert_true (contains (flat, heading));
  for (guint i = 0; i < findings->len; i++)
    {
      HsFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *message = squeeze (finding->message);
      g_assert_true (contains (flat, message));
      has_error |= finding->severity == HS_SEVERITY_ERROR;
    }
  g_assert_true (has_error);
  g_assert_true (contains (flat, T ("Error")));
}

/* Export Report… offers a file named after the scope and the day. */
static void
test_report_file_name (Fixture       *f,
                       gconstpointer  data)
{
  gint64 agreement = agreement_with_projects (f, 0);
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);
  g_autofree char *name = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *word = NULL;
  GtkFileChooserNative *native;

  for (guint i = 0; i < agreements->len; i++)
    {
      const HsAgreement *a = g_ptr_array_index (agreements, i);
      if (a->id == agreement)
        {
          g_auto(GStrv) words = g_strsplit (a->region_name, " ", 2);
          g_autofree char *ascii = g_str_to_ascii (words[0], "C");
          word = g_ascii_strdown (ascii, -1);
        }
    }
  g_assert_nonnull (word);

  /* 2.12.2026 12:00 UTC */
  g_setenv ("SOURCE_DATE_EPOCH", "1796212800", TRUE);
  native = hs_export_report (f->window, f->repo, agreement, 0);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (native));
  g_test_message ("offered: %s", name);
  g_assert_true (g_str_has_prefix (name, "hankesalkku-report-"));
  g_assert_true (contains (name, word));
  g_assert_true (g_str_has_suffix (name, "-2026-12-02.pdf"));
  /* the user cancels: the dialog goes away */
  g_signal_emit_by_name (native, "response", GTK_RESPONSE_CANCEL);
  hs_test_drain ();

  native = hs_export_report (f->window, f->repo, 0, 0);
  whole = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (native));
  g_assert_cmpstr (whole, ==, "hankesalkku-report-2026-12-02.pdf");
  g_signal_emit_by_name (native, "response", GTK_RESPONSE_CANCEL);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  hs_test_drain ();
}

static void
print_to (Fixture    *f,
          gint64      agreement_id,
          gboolean    include_projects,
          const char *path)
{
  g_autoptr(GtkPrintOperation) operation = hs_portfolio_print_operation_new (f->repo, agreement_id, 0, include_projects);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, f->window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (hs_portfolio_print_operation_get_error (operation));
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  gint64 agreement = agreement_with_projects (f, 0);
  g_autofree char *written = g_build_filename (f->dir, "written.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *written_text = NULL;
  g_autofree char *printed_text = NULL;
  HsReportOptions options = { { 0, 0 }, FALSE, hs_lang_current () };
  guint n_pages;

  g_date_clear (&options.date, 1);

  /* the summary report */
  n_pages = write_report (f, &options, written);
  print_to (f, 0, FALSE, printed);
  g_assert_cmpuint (pdf_pages (printed), ==, n_pages);
  written_text = pdf_page_words (written);
  printed_text = pdf_page_words (printed);
  g_assert_cmpstr (printed_text, ==, written_text);

  /* one agreement with a page per project: every page drawn on its own
   * gives the same pages as the PDF drawn in one go */
  options.scope.agreement_id = agreement;
  options.include_projects = TRUE;
  n_pages = write_report (f, &options, written);
  print_to (f, agreement, TRUE, printed);
  g_assert_cmpuint (pdf_pages (printed), ==, n_pages);
  g_clear_pointer (&written_text, g_free);
  g_clear_pointer (&printed_text, g_free);
  written_text = pdf_page_words (written);
  printed_text = pdf_page_words (printed);
  g_assert_cmpstr (printed_text, ==, written_text);
}

/* `-m perf`: 10 000 more projects; how long gathering and drawing take */
static void
test_perf (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (f->repo, 0, NULL);
  g_autoptr(GPtrArray) many = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GError) error = NULL;
  HsImplementer *impl;

  many = hs_generate_portfolio (agreements, focus_areas, 10000, 1);
  g_assert_true (hs_repository_save_projects (f->repo, many, "many", &error));
  g_assert_no_error (error);
  hs_test_drain ();
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_test_minimized_result (_hs_dashboard_get_last_refresh_time (f->dashboard),
                           "gathering the five charts of 10 063 projects: %.1f ms",
                           _hs_dashboard_get_last_refresh_time (f->dashboard));

  /* one edit: one gathering, one redraw */
  rows = hs_repository_list_project_summaries (f->repo, NULL);
  project = hs_repository_load_project (f->repo, g_array_index (rows, HsProjectSummary, 0).id, NULL);
  impl = hs_project_get_main (project);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, hs_implementer_get_financing (impl, HS_SOURCE_CITY) + 100);
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_test_minimized_result (_hs_dashboard_get_last_refresh_time (f->dashboard),
                           "after one edit, gathering again: %.1f ms", _hs_dashboard_get_last_refresh_time (f->dashboard));
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    g_test_message ("%s drawn in %.2f ms", hs_chart_kind_to_id (k),
                    _hs_chart_view_get_last_draw_time (_hs_dashboard_get_chart (f->dashboard, k)));
}

/* Screenshots to look at, at two window sizes, the top of the page and
 * scrolled to its end (`--language=fi` for Finnish ones). Each size is a
 * window of its own, the dashboard moved into it. */
/* The toggle button of the basis switch whose target is @id. */
static GtkWidget *
find_basis_button (GtkWidget  *widget,
                   const char *id)
{
  if (GTK_IS_TOGGLE_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "dashboard.basis") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), id))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_basis_button (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The EU and state support of the proposed projects and the granted ones,
 * from the repository's own figures. */
static void
basis_totals (Fixture *f,
              gint64  *proposed,
              gint64  *granted,
              guint   *n_granted)
{
  g_autoptr(GArray) projects = hs_repository_list_portfolio_projects (f->repo, NULL);

  *proposed = *granted = 0;
  *n_granted = 0;
  for (guint i = 0; i < projects->len; i++)
    {
      const HsPortfolioProject *p = &g_array_index (projects, HsPortfolioProject, i);
      if (!p->totals_ok)
        continue;
      if (p->proposed)
        *proposed += p->eu_state;
      if (p->decision == HS_PORTFOLIO_GRANTED)
        {
          *granted += p->granted;
          (*n_granted)++;
        }
    }
}

static void
test_basis (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", &error);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(HsProposal) proposal = NULL;
  g_autoptr(HsReview) review = NULL;
  g_autoptr(HsDecision) decision = hs_decision_new (HS_DECISION_GRANT);
  const HsCall *call = NULL;
  HsProposalItem item = { 0 };
  gint64 proposed, granted, applied_support;
  guint n_granted, refreshes;
  const HsChartData *financing, *budget;
  HsLang lang = hs_lang_current ();
  GtkWidget *granted_button, *proposed_button, *applied_button;

  g_assert_no_error (error);
  calls = hs_repository_list_calls (f->repo, 0, &error);
  g_assert_no_error (error);
  /* the example project on its agreement's call */
  for (guint i = 0; i < calls->len && call == NULL; i++)
    if (((HsCall *) g_ptr_array_index (calls, i))->agreement_id == project->agreement_id)
      call = g_ptr_array_index (calls, i);
  g_assert_nonnull (call);
  if (project->call_id != call->id)
    {
      project->call_id = call->id;
      g_assert_true (hs_repository_save_project (f->repo, project, &error));
      g_assert_no_error (error);
      g_clear_pointer (&project, hs_project_free);
      project = hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", &error);
      g_assert_no_error (error);
    }

  /* the steering group proposes the Oulu application; the council grants 310 000 € */
  proposal = hs_proposal_new (call->id);
  item.project_id = project->id;
  item.position = 1;
  g_array_append_val (proposal->items, item);
  g_assert_true (hs_repository_save_proposal (f->repo, proposal, "Propose", &error));
  g_assert_no_error (error);
  review = hs_repository_load_review (f->repo, project->id, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&decision->date, 1, G_DATE_MARCH, 2025);
  decision->eligible_from = project->start_date;
  decision->eligible_until = project->end_date;
  decision->number = g_strdup ("POPELY/12/2025");
  g_assert_true (hs_decision_set_total (decision, project, 31000000, lang, &error));
  g_assert_no_error (error);
  g_assert_true (hs_review_decide (review, project, call, decision, "2025-03-01T10:00:00Z", "test", lang, &error));
  g_assert_no_error (error);
  g_steal_pointer (&decision);
  g_assert_true (hs_repository_save_review (f->repo, review, project, "Decide", &error));
  g_assert_no_error (error);
  hs_test_drain ();

  basis_totals (f, &proposed, &granted, &n_granted);
  g_assert_cmpint (proposed, ==, 33600000);   /* what Oulu applied for */
  g_assert_cmpuint (n_granted, >=, 1);
  g_assert_cmpint (granted, >=, 31000000);

  /* applied for: every project's financing, as before */
  financing = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_FINANCING));
  g_assert_cmpint (financing->basis, ==, HS_CHART_BASIS_APPLIED);
  g_assert_cmpuint (financing->n_series, ==, 5);
  applied_support = 0;
  for (guint i = 0; i < financing->categories->len; i++)
    applied_support += g_array_index (financing->categories, HsChartCategory, i).values[0];
  g_assert_cmpint (applied_support, >, proposed);

  applied_button = find_basis_button (GTK_WIDGET (f->dashboard), "applied");
  proposed_button = find_basis_button (GTK_WIDGET (f->dashboard), "proposed");
  granted_button = find_basis_button (GTK_WIDGET (f->dashboard), "granted");
  g_assert_nonnull (applied_button);
  g_assert_nonnull (proposed_button);
  g_assert_nonnull (granted_button);
  g_assert_true (gtk_widget_get_mapped (granted_button));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (applied_button)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (granted_button)));

  /* granted: the grants in force, by focus area and by year */
  refreshes = _hs_dashboard_get_n_refreshes (f->dashboard);
  g_signal_emit_by_name (granted_button, "clicked");
  hs_test_drain ();
  g_assert_cmpuint (_hs_dashboard_get_n_refreshes (f->dashboard), ==, refreshes + 1);
  g_assert_cmpint (hs_dashboard_get_basis (f->dashboard), ==, HS_CHART_BASIS_GRANTED);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (granted_button)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (applied_button)));
  financing = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_FINANCING));
  budget = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_BUDGET_BY_YEAR));
  g_assert_cmpint (financing->basis, ==, HS_CHART_BASIS_GRANTED);
  g_assert_cmpuint (financing->n_series, ==, 1);
  g_assert_cmpint (chart_total (f, HS_CHART_FINANCING), ==, granted);
  g_assert_cmpint (chart_total (f, HS_CHART_BUDGET_BY_YEAR), ==, granted);
  g_assert_cmpstr (budget->title, ==, T ("EU and state support granted by year"));
  /* the other charts keep to every project */
  g_assert_cmpint (chart_total (f, HS_CHART_STATUS), ==, stored_total (f, 0, 0, NULL));
  /* the support figure says what it is */
  {
    g_autofree char *text = hs_money_format (granted, lang);
    GtkWidget *found = GTK_WIDGET (f->dashboard);

    hs_test_wait_for_text (found, text);
    hs_test_wait_for_text (found, T ("Granted by the decisions in force"));
  }
  hs_test_save_png (GTK_WIDGET (f->window), "dashboard-granted.png");

  /* proposed: only the proposed application, what it asks for */
  g_signal_emit_by_name (proposed_button, "clicked");
  hs_test_drain ();
  g_assert_cmpint (hs_dashboard_get_basis (f->dashboard), ==, HS_CHART_BASIS_PROPOSED);
  g_assert_cmpint (chart_total (f, HS_CHART_FINANCING), ==, proposed);
  g_assert_cmpint (chart_total (f, HS_CHART_BUDGET_BY_YEAR), <=, proposed);
  financing = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_FINANCING));
  g_assert_cmpuint (financing->categories->len, ==, 1);

  /* and back */
  g_signal_emit_by_name (applied_button, "clicked");
  hs_test_drain ();
  financing = hs_chart_view_get_data (_hs_dashboard_get_chart (f->dashboard, HS_CHART_FINANCING));
  g_assert_cmpint (financing->basis, ==, HS_CHART_BASIS_APPLIED);
  g_assert_cmpuint (financing->n_series, ==, 5);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const int sizes[][2] = { { 1280, 800 }, { 800, 600 } };
  g_autoptr(HsDashboard) dashboard = g_object_ref (f->dashboard);
  GtkScrolledWindow *scrolled = hs_test_find_child (GTK_WIDGET (dashboard), GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  adw_window_set_content (ADW_WINDOW (f->window), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWindow *window = GTK_WINDOW (adw_window_new ());
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
      g_autofree char *top = g_strdup_printf ("dashboard-%dx%d-%s.png", sizes[i][0], sizes[i][1], language);
      g_autofree char *end = g_strdup_printf ("dashboard-%dx%d-end-%s.png", sizes[i][0], sizes[i][1], language);

      gtk_window_set_default_size (window, sizes[i][0], sizes[i][1]);
      adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (dashboard));
      hs_test_present (window);
      hs_test_drain ();
      /* from the top: the size before left the page scrolled to its end */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
      hs_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
      hs_test_save_png (GTK_WIDGET (window), top);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      hs_test_wait_for_draw (GTK_WIDGET (window));
      hs_test_save_png (GTK_WIDGET (window), end);
      adw_window_set_content (ADW_WINDOW (window), NULL);
      gtk_window_destroy (window);
      hs_test_drain ();
    }
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (dashboard));
  hs_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  /* --language=fi: the cases (and the screenshots) in Finnish */
  {
    const char *given = hs_test_take_language_option (&argc, &argv);
    if (given != NULL)
      {
        language = given;
        hs_i18n_init ();
      }
  }
  hs_test_gui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/dashboard/five-charts", test_five_charts);
  ADD ("/dashboard/scope", test_scope);
  ADD ("/dashboard/follows-edits", test_follows_edits);
  ADD ("/dashboard/filter-requested", test_filter_requested);
  ADD ("/dashboard/timeline-current-first", test_timeline_current_first);
  ADD ("/dashboard/wheel-scrolls-page", test_wheel_scrolls_page);
  ADD ("/dashboard/allocation", test_allocation);
  ADD ("/dashboard/show-as-table", test_show_as_table);
  ADD ("/dashboard/export-chart", test_export_chart);
  ADD ("/dashboard/report", test_report);
  ADD ("/dashboard/print", test_print);
  ADD ("/dashboard/report-file-name", test_report_file_name);
  ADD ("/dashboard/report-findings", test_report_findings);
  ADD ("/dashboard/basis", test_basis);
  ADD ("/dashboard/screenshots", test_screenshots);
  /* a measurement, not a check: registered only with -m perf */
  if (g_test_perf ())
    ADD ("/dashboard/perf", test_perf);
#undef ADD

  return g_test_run ();
}

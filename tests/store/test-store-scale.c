/* test-store-scale.c — a portfolio of 10 000 generated projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves 10 000 projects of hs_generate_portfolio () as one action and
 * reads them back the ways the views do, reporting the times (as TAP
 * comments) and failing only when something is far slower than it should
 * be, so that a loaded machine or a sanitizer build still passes.
 */
#include "config.h"

#include "core/hs-generate.h"
#include "core/hs-repository.h"
#include "store/hs-sqlite-repository.h"
#include "store-test-util.h"

#define N_PROJECTS 10000
#define LIMIT_S    60.0   /* the target is a few seconds */

static gboolean
count_project (HsProject *project,
               gpointer   user_data)
{
  guint *n = user_data;

  (*n)++;
  return TRUE;
}

static void
test_scale (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(HsSqliteRepository) store = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GArray) list = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  HsRepository *repo;
  gint64 total_costs = 0;
  gint64 summed = 0;
  double elapsed;
  guint n = 0;

  store_tmp_init (&tmp);
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  repo = HS_REPOSITORY (store);
  agreements = hs_repository_list_agreements (repo, &error);
  g_assert_no_error (error);
  focus_areas = hs_repository_list_focus_areas (repo, 0, &error);
  g_assert_no_error (error);
  projects = hs_generate_portfolio (agreements, focus_areas, N_PROJECTS, 2024);
  g_assert_cmpuint (projects->len, ==, N_PROJECTS);

  g_timer_start (timer);
  g_assert_true (hs_repository_save_projects (repo, projects, "Generate 10 000 projects", &error));
  g_assert_no_error (error);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("save_projects (%d projects, one transaction): %.2f s", N_PROJECTS, elapsed);
  g_assert_cmpfloat (elapsed, <, LIMIT_S);

  g_timer_start (timer);
  list = hs_repository_list_project_summaries (repo, &error);
  g_assert_no_error (error);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("list_project_summaries (%u rows): %.3f s", list->len, elapsed);
  g_assert_cmpuint (list->len, ==, N_PROJECTS);
  g_assert_cmpfloat (elapsed, <, LIMIT_S / 10);
  for (guint i = 0; i < list->len; i++)
    total_costs += g_array_index (list, HsProjectSummary, i).total_costs;

  for (int by = 0; by < HS_N_DIMENSIONS; by++)
    {
      g_autoptr(GArray) rows = NULL;

      g_timer_start (timer);
      rows = hs_repository_summarise (repo, by, 0, &error);
      g_assert_no_error (error);
      elapsed = g_timer_elapsed (timer, NULL);
      g_test_message ("summarise by %s (%u rows): %.3f s", hs_dimension_to_id (by), rows->len, elapsed);
      g_assert_cmpfloat (elapsed, <, LIMIT_S / 10);

      /* Every dimension but source adds up to the same total costs. */
      if (by != HS_BY_SOURCE)
        {
          summed = 0;
          for (guint i = 0; i < rows->len; i++)
            summed += g_array_index (rows, HsSummaryRow, i).total_costs;
          g_assert_cmpint (summed, ==, total_costs);
        }
    }

  g_timer_start (timer);
  g_assert_true (hs_repository_foreach_project (repo, count_project, &n, &error));
  g_assert_no_error (error);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("foreach_project (%u projects, fully loaded): %.2f s", n, elapsed);
  g_assert_cmpuint (n, ==, N_PROJECTS);
  g_assert_cmpfloat (elapsed, <, LIMIT_S);

  {
    g_autofree char *description = NULL;

    g_timer_start (timer);
    description = hs_repository_undo (repo, &error);
    g_assert_no_error (error);
    elapsed = g_timer_elapsed (timer, NULL);
    g_test_message ("undo of the batch: %.2f s", elapsed);
    g_assert_cmpstr (description, ==, "Generate 10 000 projects");
    g_clear_pointer (&list, g_array_unref);
    list = hs_repository_list_project_summaries (repo, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 0);
  }

  {
    g_autofree char *description = NULL;

    g_timer_start (timer);
    description = hs_repository_redo (repo, &error);
    g_assert_no_error (error);
    elapsed = g_timer_elapsed (timer, NULL);
    g_test_message ("redo of the batch: %.2f s", elapsed);
    g_clear_pointer (&list, g_array_unref);
    list = hs_repository_list_project_summaries (repo, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, N_PROJECTS);
  }

  g_assert_true (hs_sqlite_repository_check_integrity (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store_tmp_clear (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/scale/10000-projects", test_scale);
  return g_test_run ();
}

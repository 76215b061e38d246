/* bench-store.c — the portfolio workloads of the store, timed in-process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-store DATABASE [RUNS]
 *
 * Opens the database once (read-only, as `summary` does) and times, over
 * RUNS repetitions each: summary by agreement, by year (and the other
 * dimensions), the per-project totals of the project list, and `check` of
 * every project (load with a bounded number of queries, then the rules),
 * with the agreements' and calls' rules over them as `check` runs them.
 * Prints one line per workload: "name<TAB>median_ms<TAB>min_ms<TAB>rows".
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/hs-portfolio-rules.h"
#include "core/hs-reference.h"
#include "core/hs-repository.h"
#include "core/hs-validate.h"
#include "store/hs-sqlite-repository.h"

typedef struct
{
  GHashTable *calls;
  GHashTable *focus_areas;
  GHashTable *agreements;
  GArray     *portfolio;
  guint       projects;
  guint       errors;
} CheckState;

static gboolean
check_cb (HsProject *project,
          gpointer   user_data)
{
  CheckState *state = user_data;
  HsValidationContext context = {
    .call = g_hash_table_lookup (state->calls, &project->call_id),
    .focus_area = g_hash_table_lookup (state->focus_areas, &project->focus_area_id),
    .agreement = g_hash_table_lookup (state->agreements, &project->agreement_id),
    .lang = HS_LANG_FI,
  };
  g_autoptr(GPtrArray) findings = hs_validate_project (project, &context);

  g_array_set_size (state->portfolio, state->portfolio->len + 1);
  hs_portfolio_project_init (&g_array_index (state->portfolio, HsPortfolioProject, state->portfolio->len - 1),
                             project);

  state->projects++;
  state->errors += hs_findings_count_errors (findings);
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

typedef guint (*Workload) (HsRepository *repo, gpointer data);

static void
measure (const char   *name,
         HsRepository *repo,
         Workload      workload,
         gpointer      data,
         guint         runs)
{
  g_autofree double *times = g_new (double, runs);
  guint rows = 0;

  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      rows = workload (repo, data);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  printf ("%s\t%.2f\t%.2f\t%u\n", name, times[runs / 2], times[0], rows);
  fflush (stdout);
}

static guint
summarise_workload (HsRepository *repo,
                    gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = hs_repository_summarise (repo, GPOINTER_TO_INT (data), 0, &error);

  g_assert_no_error (error);
  return rows->len;
}

static guint
list_workload (HsRepository *repo,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (repo, &error);

  g_assert_no_error (error);
  return rows->len;
}

static guint
check_workload (HsRepository *repo,
                gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (repo, 0, &error);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (repo, 0, &error);
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (repo, &error);
  g_autoptr(GHashTable) calls_by_id = hs_reference_index_by_id (calls);
  g_autoptr(GHashTable) focus_by_id = hs_reference_index_by_id (focus_areas);
  g_autoptr(GHashTable) agreements_by_id = hs_reference_index_by_id (agreements);
  g_autoptr(GArray) portfolio = g_array_new (FALSE, TRUE, sizeof (HsPortfolioProject));
  CheckState state = { calls_by_id, focus_by_id, agreements_by_id, portfolio, 0, 0 };

  g_assert_no_error (error);
  hs_repository_foreach_project (repo, check_cb, &state, &error);
  g_assert_no_error (error);
  /* then each agreement with its calls, as `check` does */
  for (guint a = 0; a < agreements->len; a++)
    {
      const HsAgreement *agreement = g_ptr_array_index (agreements, a);
      g_autoptr(GPtrArray) own_calls = g_ptr_array_new ();
      g_autoptr(GPtrArray) findings = NULL;

      for (guint i = 0; i < calls->len; i++)
        if (((HsCall *) g_ptr_array_index (calls, i))->agreement_id == agreement->id)
          g_ptr_array_add (own_calls, g_ptr_array_index (calls, i));
      findings = hs_portfolio_check (agreement, own_calls, portfolio, HS_LANG_FI);
      state.errors += hs_findings_count_errors (findings);
    }
  return state.projects;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsSqliteRepository) repo = NULL;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 15;
  guint check_runs = MAX (3, runs / 5);

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-store DATABASE [RUNS]\n");
      return 2;
    }

  repo = hs_sqlite_repository_open (argv[1], HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    {
      fprintf (stderr, "bench-store: %s\n", error->message);
      return 3;
    }

  for (int by = 0; by < HS_N_DIMENSIONS; by++)
    {
      g_autofree char *name = g_strdup_printf ("summary --by %s", hs_dimension_to_id (by));
      measure (name, HS_REPOSITORY (repo), summarise_workload, GINT_TO_POINTER (by), runs);
    }
  measure ("per-project totals (list)", HS_REPOSITORY (repo), list_workload, NULL, runs);
  measure ("check (load + rules)", HS_REPOSITORY (repo), check_workload, NULL, check_runs);

  return 0;
}

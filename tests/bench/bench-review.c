/* bench-review.c — the Review page of a call with 500 applications and 3 reviewers each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-review DIRECTORY [N]
 *
 * Builds (once, in DIRECTORY) a database with one call of N applications
 * (500 by default), each scored by three reviewers on the general, the
 * horizontal and the content criteria of objective 1.1 (16 scores each:
 * 48 a project). Then, on the real HsWindow at 1280×800: opening the
 * Review page on that call until its first frame is drawn; one score
 * changed and saved (as the assessment form saves it) until the re-ranked
 * page is drawn; the page's reload alone (median of 20); and, beside it,
 * what reading the reviews one by one (hs_repository_load_review) would
 * cost. Prints "name<TAB>ms" lines. Needs a display (run under xvfb-run).
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/hs-review.h"
#include "store/hs-sqlite-repository.h"

#include "hs-review-item.h"
#include "hs-review-page.h"
#include "hs-review-page-private.h"
#include "hs-window.h"
#include "review-fixture.h"

static gboolean frame_seen;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  frame_seen = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_frame (GtkWidget *widget)
{
  frame_seen = FALSE;
  gtk_widget_queue_draw (widget);
  gtk_widget_add_tick_callback (widget, tick_cb, NULL, NULL);
  while (!frame_seen)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* When the next frame has been painted (the frame clock's after-paint):
 * what the user sees, before anything idle runs after it. */
static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (painted_at == 0)
    painted_at = g_get_monotonic_time ();
}

static gint64
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  painted_at = 0;
  gtk_widget_queue_draw (widget);
  while (painted_at == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return painted_at;
}

static gpointer
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static gint64
find_call (HsRepository *repo,
           const char   *name)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (repo, 0, NULL);

  for (guint i = 0; calls != NULL && i < calls->len; i++)
    if (g_strcmp0 (((HsCall *) g_ptr_array_index (calls, i))->name, name) == 0)
      return ((HsCall *) g_ptr_array_index (calls, i))->id;
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsSqliteRepository) sqlite = NULL;
  HsRepository *repo;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 500;
  gint64 call_id, start, first, last;
  HsWindow *window;
  HsReviewPage *page;
  double reloads[20];
  guint n_items;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-review DIRECTORY [N]\n");
      return 2;
    }
  gtk_init ();
  adw_init ();

  g_mkdir_with_parents (argv[1], 0755);
  path = g_strdup_printf ("%s/bench-review-%u.db", argv[1], n);
  name = g_strdup_printf ("Benchmark call of %u applications", n);
  sqlite = hs_sqlite_repository_open (path, HS_OPEN_CREATE, &error);
  if (sqlite == NULL)
    {
      fprintf (stderr, "bench-review: %s\n", error->message);
      return 3;
    }
  repo = HS_REPOSITORY (sqlite);
  call_id = find_call (repo, name);
  if (call_id == 0)
    {
      g_autoptr(GArray) ids = NULL;

      start = g_get_monotonic_time ();
      call_id = hs_review_fixture_add_call (repo, name, G_GINT64_CONSTANT (2000000000), n, 7, &ids);
      for (guint i = 0; i < ids->len; i++)
        hs_review_fixture_score (repo, g_array_index (ids, gint64, i), 3, i);
      fprintf (stderr, "bench-review: built %u applications with 3 reviewers each in %.0f ms\n", n, ms_since (start));
    }

  window = hs_window_new (NULL, repo);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  page = find_child (GTK_WIDGET (window), HS_TYPE_REVIEW_PAGE);

  /* opening: the page shown, the call chosen, until drawn */
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-review", NULL);
  hs_review_page_set_call (page, call_id);
  printf ("the ranking read and its first rows made (before the frame)\t%.1f\n", ms_since (start));
  printf ("open the Review page (%u applications, 3 reviewers each) to its first frame painted\t%.1f\n",
          n, (wait_for_paint (GTK_WIDGET (window)) - start) / 1000.0);
  while (_hs_review_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (window));
  n_items = g_list_model_get_n_items (_hs_review_page_get_model (page));
  printf ("… until every row is in the view's model (the rest added after the first frame)\t%.1f\n",
          ms_since (start));
  if (n_items != n)
    {
      fprintf (stderr, "bench-review: the page ranks %u applications, not %u\n", n_items, n);
      return 1;
    }

  /* one score changed: the last-ranked application gets full marks on one
   * criterion, saved as the form saves it; the page re-ranks on "changed" */
  {
    g_autoptr(HsReviewItem) item = g_list_model_get_item (_hs_review_page_get_model (page), n_items - 1);
    gint64 project_id = hs_review_item_get_row (item)->project_id;
    g_autoptr(HsProject) project = hs_repository_load_project (repo, project_id, &error);
    g_autoptr(HsReview) review = hs_repository_load_review (repo, project_id, &error);
    g_autoptr(GPtrArray) criteria = hs_repository_list_criteria (repo, call_id, &error);
    const HsCriterion *criterion = NULL;
    guint rank_after = 0;

    for (guint i = 0; i < criteria->len && criterion == NULL; i++)
      if (g_str_equal (((HsCriterion *) g_ptr_array_index (criteria, i))->key, "content-1.1-cooperation"))
        criterion = g_ptr_array_index (criteria, i);
    start = g_get_monotonic_time ();
    if (!hs_review_set_score (review, project, criterion, "Reviewer 1", 0, 5, "Full marks", "2026-01-01T00:00:00Z",
                              NULL, HS_LANG_EN, &error)
        || !hs_repository_save_review (repo, review, NULL, "bench", &error))
      {
        fprintf (stderr, "bench-review: %s\n", error->message);
        return 3;
      }
    last = wait_for_paint (GTK_WIDGET (window));
    for (guint i = 0; i < g_list_model_get_n_items (_hs_review_page_get_model (page)); i++)
      {
        g_autoptr(HsReviewItem) it = g_list_model_get_item (_hs_review_page_get_model (page), i);

        if (hs_review_item_get_row (it)->project_id == project_id)
          rank_after = i + 1;
      }
    printf ("one score saved, re-ranked and painted (rank %u → %u)\t%.1f\n", n_items, rank_after,
            (last - start) / 1000.0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (reloads); i++)
    {
      start = g_get_monotonic_time ();
      if (!_hs_review_page_reload (page, &error))
        {
          fprintf (stderr, "bench-review: %s\n", error->message);
          return 3;
        }
      reloads[i] = ms_since (start);
    }
  qsort (reloads, G_N_ELEMENTS (reloads), sizeof (double), compare_doubles);
  printf ("re-rank alone (read, summarise, rank, model; median of %u)\t%.1f\n",
          (guint) G_N_ELEMENTS (reloads), reloads[G_N_ELEMENTS (reloads) / 2]);

  /* beside it: the call's scores in one query, and the reviews one by one */
  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) reviews = hs_repository_list_call_reviews (repo, call_id, &error);

    first = g_get_monotonic_time ();
    printf ("the call's scores in one query (%u reviews)\t%.1f\n", reviews != NULL ? reviews->len : 0,
            ms_since (start));
  }
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HsReviewItem) it = g_list_model_get_item (_hs_review_page_get_model (page), i);
      g_autoptr(HsReview) review = hs_repository_load_review (repo, hs_review_item_get_row (it)->project_id, &error);
    }
  last = g_get_monotonic_time ();
  printf ("the same reviews loaded one by one (for comparison)\t%.1f\n", (last - start) / 1000.0);
  (void) first;

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}

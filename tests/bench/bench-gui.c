/* bench-gui.c — the portfolio window on a large portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-gui DATABASE
 *
 * Measures, on the real HsWindow: start (open the database, build the
 * window, load the sidebar and the list) to the first frame drawn with the
 * list; sorting by total costs and by name; filtering by a search, by a
 * focus area and by status; showing the dashboard, and a click on a bar
 * of its financing, status and implementers charts until the list it
 * filters is drawn; one edit of one project saved straight into
 * the store (the list and sidebar following it); opening the editor on
 * that project; and one edit through the editor as a user makes it (a new
 * acronym typed and Enter: save, reload, then the list and sidebar
 * following it). Prints "name<TAB>ms" lines. Needs a display (run under
 * xvfb-run).
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "store/hs-sqlite-repository.h"

#include "hs-dashboard.h"
#include "hs-dashboard-private.h"
#include "hs-project-editor.h"
#include "hs-project-item.h"
#include "hs-project-list.h"
#include "hs-sidebar.h"
#include "hs-window.h"
#include "hs-chart-view-private.h"

static gboolean first_frame_seen;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  first_frame_seen = TRUE;
  return G_SOURCE_REMOVE;
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

/* The editor's entry row titled @title (the benchmark runs in English). */
static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the main loop until the next frame has been drawn. */
static void
wait_for_frame (GtkWidget *widget)
{
  first_frame_seen = FALSE;
  gtk_widget_queue_draw (widget);
  gtk_widget_add_tick_callback (widget, tick_cb, NULL, NULL);
  while (!first_frame_seen)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsSqliteRepository) repo = NULL;
  HsWindow *window;
  HsProjectList *list;
  HsSidebar *sidebar;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(HsProject) project = NULL;
  HsProjectEditor *editor;
  GtkWidget *acronym, *text;
  gint64 project_id;
  gboolean saved;
  gint64 start;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-gui DATABASE\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  start = g_get_monotonic_time ();
  repo = hs_sqlite_repository_open (argv[1], HS_OPEN_DEFAULT, &error);
  if (repo == NULL)
    {
      fprintf (stderr, "bench-gui: %s\n", error->message);
      return 3;
    }
  window = hs_window_new (NULL, HS_REPOSITORY (repo));
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  list = find_child (GTK_WIDGET (window), HS_TYPE_PROJECT_LIST);
  sidebar = find_child (GTK_WIDGET (window), HS_TYPE_SIDEBAR);
  printf ("start to first frame with the list (%u projects)\t%.1f\n",
          g_list_model_get_n_items (hs_project_list_get_model (list)), ms_since (start));

  start = g_get_monotonic_time ();
  wait_for_frame (GTK_WIDGET (window));
  printf ("one frame with nothing changed (the renderer's own cost)\t%.1f\n", ms_since (start));

  start = g_get_monotonic_time ();
  hs_project_list_sort_by (list, "total-costs", GTK_SORT_DESCENDING);
  printf ("sort by total costs: the model alone\t%.1f\n", ms_since (start));
  wait_for_frame (GTK_WIDGET (window));
  printf ("sort by total costs\t%.1f\n", ms_since (start));

  start = g_get_monotonic_time ();
  hs_project_list_sort_by (list, "name", GTK_SORT_ASCENDING);
  wait_for_frame (GTK_WIDGET (window));
  printf ("sort by name\t%.1f\n", ms_since (start));

  start = g_get_monotonic_time ();
  hs_project_list_set_search (list, "oulun");
  printf ("filter: search: the models alone\t%.1f\n", ms_since (start));
  wait_for_frame (GTK_WIDGET (window));
  printf ("filter: search \"oulun\" (%u shown)\t%.1f\n",
          g_list_model_get_n_items (hs_project_list_get_model (list)), ms_since (start));

  start = g_get_monotonic_time ();
  hs_project_list_set_search (list, NULL);
  wait_for_frame (GTK_WIDGET (window));
  printf ("filter: clear the search\t%.1f\n", ms_since (start));

  rows = hs_repository_list_project_summaries (HS_REPOSITORY (repo), &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  hs_sidebar_select (sidebar, g_array_index (rows, HsProjectSummary, 0).agreement_id,
                     g_array_index (rows, HsProjectSummary, 0).focus_area_id);
  wait_for_frame (GTK_WIDGET (window));
  printf ("filter: one focus area (%u shown)\t%.1f\n",
          g_list_model_get_n_items (hs_project_list_get_model (list)), ms_since (start));

  hs_sidebar_select (sidebar, 0, 0);
  wait_for_frame (GTK_WIDGET (window));

  start = g_get_monotonic_time ();
  hs_project_list_set_status_filter (list, HS_STATUS_ONGOING);
  wait_for_frame (GTK_WIDGET (window));
  printf ("filter: status ongoing (%u shown)\t%.1f\n",
          g_list_model_get_n_items (hs_project_list_get_model (list)), ms_since (start));
  hs_project_list_set_status_filter (list, -1);
  wait_for_frame (GTK_WIDGET (window));

  /* The dashboard, then a click on a bar of each kind that filters the
   * list: the window filters the list and shows it. */
  {
    static const struct { HsChartKind kind; int category; const char *what; } clicks[] = {
      { HS_CHART_FINANCING, 0, "the largest focus area's bar" },
      { HS_CHART_STATUS, 0, "a status bar" },
      { HS_CHART_IMPLEMENTERS, 0, "the largest implementer's bar" },
    };
    GtkWidget *stack = find_child (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
    HsDashboard *dashboard = find_child (GTK_WIDGET (window), HS_TYPE_DASHBOARD);

    for (guint c = 0; c < G_N_ELEMENTS (clicks); c++)
      {
        HsChartView *view;
        const HsChartLayout *layout;
        const HsChartBar *bar = NULL;
        guint refreshes;

        start = g_get_monotonic_time ();
        adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "dashboard");
        wait_for_frame (GTK_WIDGET (window));
        printf ("show the dashboard (gathering %.1f ms)\t%.1f\n", _hs_dashboard_get_last_refresh_time (dashboard),
                ms_since (start));
        view = _hs_dashboard_get_chart (dashboard, clicks[c].kind);
        layout = _hs_chart_view_get_layout (view);
        for (guint i = 0; layout != NULL && i < layout->bars->len && bar == NULL; i++)
          if (g_array_index (layout->bars, HsChartBar, i).category == clicks[c].category)
            bar = &g_array_index (layout->bars, HsChartBar, i);
        if (bar == NULL)
          {
            fprintf (stderr, "bench-gui: no bar to click on the %s chart\n", hs_chart_kind_to_id (clicks[c].kind));
            return 1;
          }
        refreshes = _hs_dashboard_get_n_refreshes (dashboard);
        start = g_get_monotonic_time ();
        hs_chart_view_activate_at (view, bar->rect.x + bar->rect.width / 2, bar->rect.y + bar->rect.height / 2);
        printf ("click %s: the handlers alone\t%.1f\n", clicks[c].what, ms_since (start));
        wait_for_frame (GTK_WIDGET (window));
        printf ("click %s: the list filtered and shown (%u rows%s)\t%.1f\n", clicks[c].what,
                g_list_model_get_n_items (hs_project_list_get_model (list)),
                _hs_dashboard_get_n_refreshes (dashboard) != refreshes ? ", the charts gathered again" : "",
                ms_since (start));
        /* back to everything */
        hs_sidebar_select (sidebar, 0, 0);
        hs_project_list_set_status_filter (list, -1);
        hs_project_list_set_search (list, NULL);
        wait_for_frame (GTK_WIDGET (window));
      }
  }

  /* One edit of one project saved straight into the store. */
  project_id = g_array_index (rows, HsProjectSummary, 0).id;
  project = hs_repository_load_project (HS_REPOSITORY (repo), project_id, &error);
  g_assert_no_error (error);
  g_free (project->acronym);
  project->acronym = g_strdup ("BENCH");
  start = g_get_monotonic_time ();
  hs_repository_save_project (HS_REPOSITORY (repo), project, &error);
  g_assert_no_error (error);
  wait_for_frame (GTK_WIDGET (window));
  printf ("edit one project in the store: save, list and sidebar follow\t%.1f\n", ms_since (start));

  /* The same project in the editor, edited as a user edits it: a new
   * acronym typed into its field, then Enter. */
  start = g_get_monotonic_time ();
  editor = HS_PROJECT_EDITOR (hs_project_editor_new (HS_REPOSITORY (repo), project_id));
  hs_project_editor_present (editor, GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (editor));
  printf ("open the editor on one project to its first frame\t%.1f\n", ms_since (start));

  acronym = find_entry_row (GTK_WIDGET (editor), "Acronym");
  g_assert_nonnull (acronym);
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (acronym)));
  while (text != NULL && !GTK_IS_TEXT (text))
    text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (text)));
  g_assert_nonnull (text);
  gtk_widget_grab_focus (acronym);
  gtk_editable_set_text (GTK_EDITABLE (acronym), "BENCH2");
  wait_for_frame (GTK_WIDGET (editor));
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (text, "activate");   /* Enter: the editor commits the field */
  wait_for_frame (GTK_WIDGET (editor));
  wait_for_frame (GTK_WIDGET (window));
  printf ("edit one project in the editor: save, reload, list and sidebar follow\t%.1f\n",
          ms_since (start));
  g_clear_pointer (&project, hs_project_free);
  project = hs_repository_load_project (HS_REPOSITORY (repo), project_id, &error);
  g_assert_no_error (error);
  saved = g_strcmp0 (project->acronym, "BENCH2") == 0;
  if (!saved)
    fprintf (stderr, "bench-gui: the editor did not save the acronym (stored: %s)\n",
             project->acronym != NULL ? project->acronym : "(none)");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* leave the benchmark database as it was: undo the edits */
  for (guint i = 0; i < (saved ? 2 : 1); i++)
    {
      g_free (hs_repository_undo (HS_REPOSITORY (repo), &error));
      g_assert_no_error (error);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return saved ? 0 : 1;
}

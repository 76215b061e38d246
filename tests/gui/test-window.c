/* test-window.c — the portfolio window, driven through its widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case opens a fresh database with the example portfolio and a small
 * generated one, shows the real HsWindow, and acts as a user would: the
 * sidebar, the search entry, the status filter, column sorting, Delete
 * with the toast's Undo, Ctrl+Z and Ctrl+Shift+Z, New Project. Assertions
 * are on what the list shows and on what the database holds.
 *
 * With --language=fi the same cases run in Finnish: the texts they expect
 * are the application's own messages as the catalogue translates them, and
 * the amounts are formatted by core's formatters; the screenshots are
 * written as window-…-<language>.png into G_TEST_BUILDDIR.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/hs-i18n.h"
#include "core/hs-lang.h"
#include "core/hs-money.h"
#include "core/hs-validate.h"
#include "store/hs-sqlite-repository.h"

#include "hs-application.h"
#include "hs-dashboard.h"
#include "hs-file-actions.h"
#include "hs-gui-test.h"
#include "hs-project-editor.h"
#include "hs-project-item.h"
#include "hs-project-list.h"
#include "hs-sidebar.h"
#include "hs-snapshot.h"
#include "hs-saved-filters.h"
#include "hs-window-private.h"

/* --language=fi: the cases, and their screenshots, in Finnish */
static const char *language = "en";

/* A message of the application as the user reads it. */
#define T(msgid) g_dgettext (GETTEXT_PACKAGE, msgid)

typedef struct
{
  char         *dir;
  HsRepository *repo;
  HsWindow     *window;
} Fixture;

/* ---- the texts the window shows, in the user's language ------------------ */

/* A line of hs_snapshot_describe (): a label showing @text. */
static char *
label_line (const char *text)
{
  return g_strdup_printf ("label: %s\n", text);
}

/* The list's subtitle without a filter: "63 projects" ("63 hanketta"). */
static char *
projects_text (guint n)
{
  g_autofree char *count = hs_count_format (n, hs_lang_current ());

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s project", "%s projects", n), count);
}

/* The list's subtitle with a filter: "12 of 63 projects" ("12 / 63 hanketta"). */
static char *
projects_of_text (guint n,
                  guint in_scope)
{
  g_autofree char *count = hs_count_format (n, hs_lang_current ());
  g_autofree char *of = hs_count_format (in_scope, hs_lang_current ());

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s project", "%s of %s projects", in_scope),
                          count, of);
}

/* What a translated message with one "%s" says before it and after it. */
static char *
before_placeholder (const char *format)
{
  const char *at = strstr (format, "%s");

  g_assert_nonnull (at);
  return g_strndup (format, at - format);
}

static const char *
after_placeholder (const char *format)
{
  const char *at = strstr (format, "%s");

  g_assert_nonnull (at);
  return at + 2;
}

static HsProjectList *
project_list (Fixture *f)
{
  return hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_PROJECT_LIST);
}

static guint
shown (Fixture *f)
{
  return g_list_model_get_n_items (hs_project_list_get_model (project_list (f)));
}

static const HsProjectSummary *
shown_row (Fixture *f,
           guint    position)
{
  HsProjectItem *item = hs_project_list_get_item (project_list (f), position);

  g_assert_nonnull (item);
  /* the list keeps its own reference */
  return hs_project_item_get_summary (item);
}

static guint
stored_projects (Fixture *f)
{
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (f->repo, NULL);
  return rows->len;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* 60 generated projects and the 3 examples, unless the case asks for more */
  f->repo = hs_test_open_portfolio ("hs-window", data != NULL ? GPOINTER_TO_UINT (data) : 60, &f->dir);
  f->window = hs_window_new (NULL, f->repo);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  hs_test_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hs_test_close_portfolio (f->window, &f->repo, &f->dir);
}

static void
test_shows_portfolio (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *all_projects = label_line (T ("All Projects"));
  g_autofree char *n_projects = projects_text (63);
  g_autofree char *subtitle = label_line (n_projects);
  g_autofree char *png = g_strdup_printf ("window-%s.png", language);
  g_autofree char *total = hs_money_format (133333300, hs_lang_current ());
  g_autofree char *total_line = label_line (total);
  g_autofree char *support = hs_rate_format (6000, hs_lang_current ());
  g_autofree char *support_line = label_line (support);

  g_assert_cmpuint (shown (f), ==, 63);
  g_assert_cmpuint (hs_project_list_get_n_projects (project_list (f)), ==, 63);
  /* at its default size the window shows the sidebar and the list side by
   * side: no page is so wide that the window must fold */
  g_assert_false (adw_leaflet_get_folded (hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (project_list (f))));

  text = hs_snapshot_describe (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (text, all_projects));
  g_assert_nonnull (strstr (text, subtitle));
  g_assert_nonnull (strstr (text, "Pääkaupunkiseutu (PKS)"));
  hs_test_save_png (GTK_WIDGET (f->window), png);

  /* money in the list, in the user's language ("€1,333,333.00" and
   * "60.0%" in English, "1 333 333,00 €" and "60,0 %" in Finnish); the
   * list makes its row widgets when it is laid out */
  hs_project_list_set_search (project_list (f), "PKS-ESIM");
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 1);
  hs_test_wait_for_text (GTK_WIDGET (f->window), "label: PKS-ESIM-001\n");
  g_free (text);
  text = hs_snapshot_describe (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (text, total_line));
  g_assert_nonnull (strstr (text, support_line));
}

static void
test_sort_by_total (Fixture       *f,
                    gconstpointer  data)
{
  gint64 previous = G_MININT64;

  hs_project_list_sort_by (project_list (f), "total-costs", GTK_SORT_ASCENDING);
  hs_test_drain ();
  for (guint i = 0; i < shown (f); i++)
    {
      gint64 total = shown_row (f, i)->total_costs;
      g_assert_cmpint (total, >=, previous);
      previous = total;
    }

  hs_project_list_sort_by (project_list (f), "total-costs", GTK_SORT_DESCENDING);
  hs_test_drain ();
  g_assert_cmpint (shown_row (f, 0)->total_costs, >=, shown_row (f, shown (f) - 1)->total_costs);
  g_assert_cmpint (shown_row (f, 0)->total_costs, >, shown_row (f, shown (f) - 1)->total_costs);
}

static guint
selected_position (Fixture *f)
{
  GtkColumnView *view = hs_test_find_child (GTK_WIDGET (project_list (f)), GTK_TYPE_COLUMN_VIEW);

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)));
}

/* The selection stays with its project through a sort and a search, and
 * goes when the project is no longer shown; what is on screen is the new
 * order. */
static void
test_selection_follows_project (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  hs_project_list_sort_by (project_list (f), "code", GTK_SORT_ASCENDING);
  hs_test_drain ();
  first = g_strdup (shown_row (f, 0)->code);
  last = g_strdup (shown_row (f, shown (f) - 1)->code);
  id = shown_row (f, 0)->id;
  g_assert_true (hs_project_list_select_id (project_list (f), id));
  g_assert_cmpuint (selected_position (f), ==, 0);

  hs_project_list_sort_by (project_list (f), "code", GTK_SORT_DESCENDING);
  hs_test_drain ();
  g_assert_cmpint (hs_project_list_get_selected_id (project_list (f)), ==, id);
  g_assert_cmpuint (selected_position (f), ==, shown (f) - 1);
  g_assert_cmpstr (shown_row (f, 0)->code, ==, last);
  expected = g_strdup_printf ("label: %s\n", last);
  hs_test_wait_for_text (GTK_WIDGET (f->window), expected);

  /* a search that keeps it, then one that does not */
  hs_project_list_set_search (project_list (f), first);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 1);
  g_assert_cmpuint (selected_position (f), ==, 0);
  g_assert_cmpint (hs_project_list_get_selected_id (project_list (f)), ==, id);
  hs_project_list_set_search (project_list (f), last);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 1);
  g_assert_cmpint (hs_project_list_get_selected_id (project_list (f)), ==, 0);
  g_assert_cmpuint (selected_position (f), ==, GTK_INVALID_LIST_POSITION);
  hs_project_list_set_search (project_list (f), NULL);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
}

static void
test_filter_by_scope_search_status (Fixture       *f,
                                    gconstpointer  data)
{
  HsSidebar *sidebar = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_SIDEBAR);
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);
  GtkWidget *entry = hs_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  GtkDropDown *status = hs_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN);
  g_autoptr(GArray) all = hs_repository_list_project_summaries (f->repo, NULL);
  guint in_focus_area = 0, ongoing = 0;

  for (guint i = 0; i < all->len; i++)
    {
      HsProjectSummary *s = &g_array_index (all, HsProjectSummary, i);
      in_focus_area += s->focus_area_id == pks->focus_area_id;
      ongoing += s->status == HS_STATUS_ONGOING;
    }

  /* The sidebar: the PKS agreement's first focus area. */
  hs_sidebar_select (sidebar, pks->agreement_id, pks->focus_area_id);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, in_focus_area);
  for (guint i = 0; i < shown (f); i++)
    g_assert_cmpint (shown_row (f, i)->focus_area_id, ==, pks->focus_area_id);

  /* Back to all, then search by organisation. */
  hs_sidebar_select (sidebar, 0, 0);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
  hs_test_search (entry, "helsingin kaupunki");
  g_assert_cmpuint (shown (f), >=, 1);
  for (guint i = 0; i < shown (f); i++)
    g_assert_true (g_strcmp0 (shown_row (f, i)->main_implementer, "Helsingin kaupunki") == 0 ||
                   strstr (shown_row (f, i)->partners ? shown_row (f, i)->partners : "",
                           "Helsingin kaupunki") != NULL);

  hs_test_search (entry, "PKS-ESIM");
  g_assert_cmpuint (shown (f), ==, 1);
  hs_test_search (entry, "");
  g_assert_cmpuint (shown (f), ==, 63);

  /* The status filter: "All Statuses" first, then the statuses in order. */
  gtk_drop_down_set_selected (status, 1 + HS_STATUS_ONGOING);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, ongoing);
  gtk_drop_down_set_selected (status, 0);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
}

/* The text snapshot lists what a person sees: at the default size the
 * sidebar, the view switcher and the list side by side; rows scrolled out
 * of the list are not in it; a folded window lists only its shown page. */
static void
test_snapshot_is_what_is_seen (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *last_row = NULL;
  g_autofree char *code = label_line (T ("Code"));
  g_autofree char *all_projects = label_line (T ("All Projects"));
  g_autofree char *dashboard = label_line (T ("Dashboard"));
  g_autofree char *big = g_strdup_printf ("window-1280x800-%s.png", language);
  g_autofree char *small = g_strdup_printf ("window-800x600-%s.png", language);
  AdwLeaflet *leaflet = hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET);
  guint n = shown (f);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  /* the list is sorted by code; its last row is far below the fold */
  g_assert_cmpuint (n, ==, 63);
  last_row = g_strdup_printf ("label: %s\n", shown_row (f, n - 1)->code);
  hs_test_wait_for_text (GTK_WIDGET (f->window), code);
  text = hs_snapshot_describe (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (text, all_projects));                   /* the sidebar */
  g_assert_nonnull (strstr (text, dashboard));                      /* the view switcher */
  g_assert_nonnull (strstr (text, shown_row (f, 0)->code));        /* the list's first row */
  g_assert_null (strstr (text, last_row));                         /* not its last */
  {
    /* the list is wider than its view: the columns scrolled out sideways
     * are not seen */
    GtkColumnView *view = hs_test_find_child (GTK_WIDGET (project_list (f)), GTK_TYPE_COLUMN_VIEW);
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scrolled);
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) last = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);
    g_autofree char *header = g_strdup_printf ("label: %s\n", gtk_column_view_column_get_title (last));

    g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h) + 100);
    g_assert_null (strstr (text, header));
    gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
    hs_test_wait_for_text (GTK_WIDGET (f->window), header);
    gtk_adjustment_set_value (h, 0);
  }
  hs_test_save_png (GTK_WIDGET (f->window), big);

  /* Folded: one page at a time. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  hs_test_wait_until ((HsTestCondition) adw_leaflet_get_folded, leaflet, "the window to fold");
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (text);
  text = hs_snapshot_describe (GTK_WIDGET (f->window));
  hs_test_save_png (GTK_WIDGET (f->window), small);
  if (gtk_widget_get_mapped (GTK_WIDGET (project_list (f))) &&
      gtk_widget_get_child_visible (gtk_widget_get_parent (GTK_WIDGET (project_list (f)))))
    g_assert_nonnull (strstr (text, shown_row (f, 0)->code));
  g_assert_true ((strstr (text, all_projects) != NULL) !=
                 (strstr (text, code) != NULL));
}

typedef struct
{
  const char *name;
  const char *business_id;
  guint       as_main;
  guint       as_partner;   /* and not main */
} Involvement;

static gboolean
count_involvement (HsProject *project,
                   gpointer   user_data)
{
  Involvement *inv = user_data;
  gboolean main = FALSE, partner = FALSE;

  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      g_autofree char *name = g_utf8_casefold (impl->organisation->name, -1);
      g_autofree char *wanted = g_utf8_casefold (inv->name, -1);

      /* the search matches parts of names */
      if (strstr (name, wanted) == NULL)
        continue;
      if (impl->is_main)
        main = TRUE;
      else
        partner = TRUE;
    }
  inv->as_main += main;
  inv->as_partner += partner && !main;
  return TRUE;
}

/* A search finds the projects where an organisation is a partial
 * implementer too, by its name or its business ID. */
static void
test_search_partial_implementers (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *entry = hs_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GPtrArray) orgs = hs_repository_list_organisations (f->repo, NULL);
  Involvement inv = { 0 };

  /* an organisation that is only ever a partial implementer */
  for (guint i = 0; i < orgs->len && inv.as_partner == 0; i++)
    {
      HsOrganisation *org = g_ptr_array_index (orgs, i);
      Involvement candidate = { org->name, org->business_id, 0, 0 };

      g_assert_true (hs_repository_foreach_project (f->repo, count_involvement, &candidate, NULL));
      if (candidate.as_main == 0 && candidate.as_partner > 0 && org->business_id != NULL)
        inv = candidate;
    }
  g_assert_cmpuint (inv.as_partner, >, 0);

  hs_test_search (entry, inv.name);
  g_assert_cmpuint (shown (f), ==, inv.as_partner);
  for (guint i = 0; i < shown (f); i++)
    g_assert_nonnull (strstr (shown_row (f, i)->partners, inv.name));

  hs_test_search (entry, inv.business_id);
  g_assert_cmpuint (shown (f), >=, inv.as_partner);
  hs_test_search (entry, "");
  g_assert_cmpuint (shown (f), ==, 63);
}

static void
test_delete_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HsProject) before = hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", NULL);
  g_autoptr(HsProject) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_project_list_select_id (project_list (f), before->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-project", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 62);
  g_assert_cmpuint (shown (f), ==, 62);
  g_assert_null (hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", NULL));

  /* Ctrl+Z (the toast's Undo runs the same action) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 63);
  g_assert_cmpuint (shown (f), ==, 63);
  after = hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", &error);
  g_assert_no_error (error);
  g_assert_true (hs_project_equal (before, after));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 62);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 63);
}

static HsProjectItem *
item_of (Fixture    *f,
         const char *code)
{
  HsProjectItem *item;

  for (guint i = 0; (item = hs_project_list_get_item (project_list (f), i)) != NULL; i++)
    if (g_strcmp0 (hs_project_item_get_summary (item)->code, code) == 0)
      return item;   /* the list holds a reference */
  return NULL;
}

/* Editing one project updates its row and leaves the other rows alone. */
static void
test_edit_updates_one_row (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HsProject) oulu = hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", NULL);
  HsProjectItem *pks_before = item_of (f, "PKS-ESIM-001");
  HsProjectItem *oulu_before = item_of (f, "OULU-ESIM-001");
  HsImplementer *main_impl = hs_project_get_main (oulu);
  gint64 old_total = hs_project_item_get_summary (oulu_before)->total_costs;
  g_autoptr(GError) error = NULL;

  hs_implementer_set_cost (main_impl, HS_COST_STAFF, 2026, hs_implementer_get_cost (main_impl, HS_COST_STAFF, 2026) + 100000);
  g_assert_true (hs_repository_save_project (f->repo, oulu, &error));
  g_assert_no_error (error);
  hs_test_drain ();

  g_assert_true (item_of (f, "PKS-ESIM-001") == pks_before);
  g_assert_true (item_of (f, "OULU-ESIM-001") != oulu_before);
  /* 1 000,00 € of staff costs and 400,00 € of flat-rate costs more */
  g_assert_cmpint (hs_project_item_get_summary (item_of (f, "OULU-ESIM-001"))->total_costs, ==, old_total + 140000);
  g_assert_cmpuint (shown (f), ==, 63);

  /* Undo is one project too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  hs_test_drain ();
  g_assert_true (item_of (f, "PKS-ESIM-001") == pks_before);
  g_assert_cmpint (hs_project_item_get_summary (item_of (f, "OULU-ESIM-001"))->total_costs, ==, old_total);
}

/* The dashboard is a page of the window; a bar it activates filters the list. */
static void
test_dashboard_filters_list (Fixture       *f,
                             gconstpointer  data)
{
  HsDashboard *dashboard = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_DASHBOARD);
  AdwViewStack *stack = hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK);
  g_autoptr(GArray) all = hs_repository_list_project_summaries (f->repo, NULL);
  guint ongoing = 0;

  for (guint i = 0; i < all->len; i++)
    ongoing += g_array_index (all, HsProjectSummary, i).status == HS_STATUS_ONGOING;

  g_assert_nonnull (dashboard);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-dashboard", NULL));
  hs_test_drain ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "dashboard");

  g_signal_emit_by_name (dashboard, "filter-requested", (int) HS_BY_STATUS, "ongoing");
  hs_test_drain ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "projects");
  g_assert_cmpuint (shown (f), ==, ongoing);
  for (guint i = 0; i < shown (f); i++)
    g_assert_cmpint (shown_row (f, i)->status, ==, HS_STATUS_ONGOING);
}

static GtkAdjustment *
list_vadjustment (Fixture *f)
{
  GtkScrolledWindow *scrolled = hs_test_find_child (GTK_WIDGET (project_list (f)), GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (scrolled);
}

static void
scroll_list_to_end (Fixture *f)
{
  GtkAdjustment *v = list_vadjustment (f);

  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, gtk_adjustment_get_page_size (v) + 200);
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v));
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 200);
}

/* The list is at its top, and its first row is seen. */
static void
assert_at_top (Fixture    *f,
               const char *after)
{
  g_autofree char *first = NULL;

  g_test_message ("after %s", after);
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (list_vadjustment (f)), ==,
                     gtk_adjustment_get_lower (list_vadjustment (f)));
  first = g_strdup_printf ("label: %s\n", shown_row (f, 0)->code);
  hs_test_wait_for_text (GTK_WIDGET (f->window), first);
}

/* A new order or a new set of rows starts at the top, wherever the list
 * was scrolled to: after a sort (support share descending: the highest
 * rows were above the visible area), a search, a scope, a status filter
 * and a click on a dashboard bar. */
static void
test_list_starts_at_top (Fixture       *f,
                         gconstpointer  data)
{
  HsDashboard *dashboard = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_DASHBOARD);
  HsSidebar *sidebar = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_SIDEBAR);
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);

  scroll_list_to_end (f);
  hs_project_list_sort_by (project_list (f), "support-rate", GTK_SORT_DESCENDING);
  assert_at_top (f, "a sort by support share, descending");
  g_assert_cmpint (shown_row (f, 0)->support_bp, >=, shown_row (f, 1)->support_bp);

  scroll_list_to_end (f);
  hs_project_list_sort_by (project_list (f), "total-costs", GTK_SORT_ASCENDING);
  assert_at_top (f, "a sort by total");


  scroll_list_to_end (f);
  hs_project_list_set_search (project_list (f), "a");
  assert_at_top (f, "a search");
  hs_project_list_set_search (project_list (f), NULL);

  scroll_list_to_end (f);
  g_signal_emit_by_name (dashboard, "filter-requested", (int) HS_BY_STATUS, "ongoing");
  assert_at_top (f, "a dashboard bar");
  /* all statuses again: the first entry of the status filter */
  gtk_drop_down_set_selected (hs_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN), 0);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);

  scroll_list_to_end (f);
  hs_sidebar_select (sidebar, 0, 0);
  hs_test_drain ();
  hs_sidebar_select (sidebar, ((HsAgreement *) g_ptr_array_index (agreements, 0))->id, 0);
  assert_at_top (f, "a scope");
}

/* The main menu saves the selected project's application as a PDF. */
static void
test_export_application (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *chooser;
  g_autofree char *name = NULL;

  hs_project_list_set_search (project_list (f), "PKS-ESIM-001");
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 1);
  hs_project_list_select_id (project_list (f), shown_row (f, 0)->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-application", NULL));
  hs_test_wait_file_chooser (TRUE);
  chooser = hs_test_find_file_chooser ();
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "hankesalkku-application-pks-esim-001.pdf");
  /* as Cancel does; and nothing of it is left to take the keyboard from
   * the tests after this one */
  g_object_ref (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  hs_test_wait_file_chooser (FALSE);
  gtk_window_destroy (GTK_WINDOW (chooser));
  g_object_unref (chooser);
  hs_test_drain ();
}

static guint
count_editors (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours to free */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (HS_IS_PROJECT_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

static void
test_edit_project (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);

  g_assert_cmpuint (count_editors (), ==, 0);
  g_assert_true (hs_project_list_select_id (project_list (f), pks->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-project", NULL));
  hs_test_drain ();
  g_assert_cmpuint (count_editors (), ==, 1);
  /* the same project again: the same editor */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-project", NULL));
  hs_test_drain ();
  g_assert_cmpuint (count_editors (), ==, 1);
}

static void
test_duplicate_project (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);
  g_autoptr(HsProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  /* "PKS-ESIM-001-COPY-1", in Finnish "PKS-ESIM-001-KOPIO-1" */
  g_autofree char *copy_code = g_strdup_printf ("PKS-ESIM-001-%s-1",
                                                g_dpgettext2 (GETTEXT_PACKAGE, "project code suffix", "COPY"));
  HsTotals a, b;

  g_assert_true (hs_project_list_select_id (project_list (f), pks->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-project", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 64);

  copy = hs_repository_load_project_by_code (f->repo, copy_code, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->id, !=, pks->id);
  g_assert_cmpint (copy->status, ==, HS_STATUS_DRAFT);
  g_assert_cmpuint (copy->history->len, ==, 1);
  g_assert_cmpuint (copy->implementers->len, ==, pks->implementers->len);
  g_assert_true (hs_project_totals (pks, &a, NULL));
  g_assert_true (hs_project_totals (copy, &b, NULL));
  g_assert_cmpint (a.total_costs, ==, b.total_costs);
  g_assert_cmpint (a.financing[HS_SOURCE_EU_STATE], ==, b.financing[HS_SOURCE_EU_STATE]);
  /* the original is untouched, the copy's editor is open */
  {
    g_autoptr(HsProject) again = hs_repository_load_project (f->repo, pks->id, NULL);
    g_assert_true (hs_project_equal (pks, again));
  }
  g_assert_cmpuint (count_editors (), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 63);
}

static void
test_new_project (Fixture       *f,
                  gconstpointer  data)
{
  HsSidebar *sidebar = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_SIDEBAR);
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);
  g_autoptr(GArray) rows = NULL;
  const HsProjectSummary *created = NULL;
  /* "NEW-2026-…", in Finnish "UUSI-2026-…" */
  g_autofree char *prefix = g_strdup_printf ("%s-", g_dpgettext2 (GETTEXT_PACKAGE, "project code prefix", "NEW"));

  hs_sidebar_select (sidebar, pks->agreement_id, 0);
  hs_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-project", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 64);

  rows = hs_repository_list_project_summaries (f->repo, NULL);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (g_array_index (rows, HsProjectSummary, i).code, prefix))
      created = &g_array_index (rows, HsProjectSummary, i);
  g_assert_nonnull (created);
  g_assert_cmpint (created->agreement_id, ==, pks->agreement_id);
  g_assert_cmpint (created->status, ==, HS_STATUS_DRAFT);
  /* its editor opens */
  g_assert_cmpuint (count_editors (), ==, 1);

  /* and it can be undone like everything else */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 63);
}

static gboolean
shows_68 (gpointer f)
{
  return shown (f) == 68;
}

/* Another program adds projects to the file the window has open: the
 * window follows within its polling interval, without any action here. */
static void
test_follows_other_programs (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *cli = g_build_filename (g_getenv ("HANKESALKKU_BUILD_ROOT"), "src", "cli",
                                           "hankesalkku-cli", NULL);
  const char *argv[] = { cli, "--db", hs_sqlite_repository_get_path (HS_SQLITE_REPOSITORY (f->repo)),
                         "generate", "--projects", "5", "--seed", "77", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *n_projects = projects_text (68);
  g_autofree char *subtitle = label_line (n_projects);
  int status = -1;

  hs_sqlite_repository_watch (HS_SQLITE_REPOSITORY (f->repo), 50);
  g_assert_cmpuint (shown (f), ==, 63);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  hs_test_wait_until (shows_68, f, "the window to show the other program's 5 projects");
  hs_test_wait_for_text (GTK_WIDGET (f->window), subtitle);
  g_assert_nonnull (item_of (f, "GEN-77-00001"));
  /* sorted by code they come after the 60 rows of GEN-5, out of view;
   * descending they are the first rows on screen */
  hs_project_list_sort_by (project_list (f), "code", GTK_SORT_DESCENDING);
  hs_test_wait_for_text (GTK_WIDGET (f->window), "label: GEN-77-00005\n");
  hs_test_wait_for_text (GTK_WIDGET (f->window), "label: GEN-77-00001\n");
}

static gboolean
shows_67 (gpointer f)
{
  return shown (f) == 67;
}

/* Undo takes back this window's own actions, not another program's; and it
 * refuses when another program changed the project since. */
static void
test_undo_own_actions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HsProject) oulu = hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", NULL);
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);
  g_autoptr(HsProject) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_build_filename (f->dir, "pks.xml", NULL);
  g_autofree char *text = NULL;

  hs_sqlite_repository_watch (HS_SQLITE_REPOSITORY (f->repo), 50);

  /* the window deletes a project, the command-line tool adds five */
  g_assert_true (hs_project_list_select_id (project_list (f), oulu->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-project", NULL));
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 62);
  hs_test_run_cli (hs_sqlite_repository_get_path (HS_SQLITE_REPOSITORY (f->repo)), "generate", "--projects", "5", "--seed", "77", NULL);
  hs_test_wait_until (shows_67, f, "the window to show the tool's projects");

  /* Undo: the window's delete, not the tool's projects */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  hs_test_drain ();
  g_assert_cmpuint (stored_projects (f), ==, 68);
  g_assert_nonnull (hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", NULL));
  g_assert_nonnull (hs_repository_load_project_by_code (f->repo, "GEN-77-00001", NULL));

  /* the window renames a project, then the tool imports another change to it */
  g_free (pks->acronym);
  pks->acronym = g_strdup ("IKKUNA");
  g_assert_true (hs_repository_save_project (f->repo, pks, &error));
  g_assert_no_error (error);
  hs_test_run_cli (hs_sqlite_repository_get_path (HS_SQLITE_REPOSITORY (f->repo)), "export", "--project", "PKS-ESIM-001", "-o", xml, NULL);
  {
    g_autofree char *contents = NULL;
    g_autofree char *edited = NULL;
    g_auto(GStrv) parts = NULL;

    g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
    parts = g_strsplit (contents, "<acronym>IKKUNA</acronym>", 2);
    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    edited = g_strjoinv ("<acronym>TYOKALU</acronym>", parts);
    g_assert_true (g_file_set_contents (xml, edited, -1, NULL));
  }
  hs_test_run_cli (hs_sqlite_repository_get_path (HS_SQLITE_REPOSITORY (f->repo)), "import", "--replace", xml, NULL);

  /* Undo would throw the tool's change away: refused, and the window says why */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  hs_test_drain ();
  now = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);
  g_assert_cmpstr (now->acronym, ==, "TYOKALU");
  hs_test_wait_for_text (GTK_WIDGET (f->window),
                         after_placeholder (T ("“%s” cannot be undone: a project it changed has been changed "
                                               "elsewhere since, and undoing would throw that change away")));
}

/* Back Up… writes a whole copy while the window has the file open;
 * Restore… brings it back, keeps what was replaced, and the window shows
 * the restored portfolio at once. */
static void
test_back_up_restore (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "backup.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HsProject) oulu = hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *backed_up = g_strdup_printf (T ("The portfolio was backed up to “%s”"), "backup.db");
  g_autofree char *kept_in = before_placeholder (T ("The portfolio was restored; what it held before is kept in “%s”"));
  g_autofree char *kept = g_strconcat (kept_in, "portfolio.db.before-restore-", NULL);

  g_assert_true (hs_back_up_portfolio_to (GTK_WINDOW (f->window), HS_SQLITE_REPOSITORY (f->repo), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  hs_test_wait_for_text (GTK_WIDGET (f->window), backed_up);

  g_assert_true (hs_project_list_select_id (project_list (f), oulu->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-project", NULL));
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 62);

  g_assert_true (hs_restore_portfolio_from (GTK_WINDOW (f->window), HS_SQLITE_REPOSITORY (f->repo), file, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
  g_assert_nonnull (hs_repository_load_project_by_code (f->repo, "OULU-ESIM-001", NULL));
  hs_test_wait_for_text (GTK_WIDGET (f->window), kept);
}

/* Open a Portfolio…: another file in a window of its own; a file that is
 * not a portfolio is refused with a message that names it. */
static void
test_open_portfolio (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *other_dir = NULL;
  g_autoptr(HsRepository) other = hs_test_open_portfolio ("hs-window-other", 0, &other_dir);
  g_autofree char *other_path = g_strdup (hs_sqlite_repository_get_path (HS_SQLITE_REPOSITORY (other)));
  g_autofree char *text_path = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (T ("%s — Hankesalkku"), "portfolio.db");
  GtkWindow *window;
  HsProjectList *list;

  g_clear_object (&other);
  window = hs_application_open_file (NULL, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (window), ==, title);
  hs_test_present (window);
  list = hs_test_find_child (GTK_WIDGET (window), HS_TYPE_PROJECT_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (hs_project_list_get_model (list)), ==, 3);
  /* the first window still shows its own portfolio */
  g_assert_cmpuint (shown (f), ==, 63);
  hs_test_close_portfolio (window, NULL, &other_dir);

  g_assert_true (g_file_set_contents (text_path, "not a portfolio\n", -1, NULL));
  g_assert_null (hs_application_open_file (NULL, text_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_assert_nonnull (strstr (error->message,
                            after_placeholder (T ("“%s” is not a Hankesalkku database: it is not an SQLite file"))));
}


/* ---- what a screen reader announces -------------------------------------- */

/* The label property the accessibility backend keeps, or NULL. GTK 4.8 has
 * no getter; gtk_test_accessible_check_property () returns the value it
 * holds when it is not the one asked for (and no label is "\001"). */
static char *
accessible_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "\001");
}

static gboolean
is_labelled_by (GtkWidget *widget,
                GtkWidget *candidate)
{
  /* the relation's value as gtk_accessible_update_relation () takes it: a
   * NULL-terminated list of accessibles */
  g_autofree char *differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                 candidate, NULL);
  return differs == NULL;
}

/* The widget (a descendant or an ancestor: where GTK and we point) that
 * names @widget through its labelled-by relation. */
static GtkWidget *
labelled_by_in (GtkWidget *widget,
                GtkWidget *tree)
{
  if (tree != widget && is_labelled_by (widget, tree))
    return tree;
  for (GtkWidget *child = gtk_widget_get_first_child (tree); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = labelled_by_in (widget, child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The name a screen reader is given, computed as GTK 4.8 does: the label
 * property, then the label of what the widget is labelled by, joined by a
 * space. NULL when there is neither. */
static char *
accessible_name (GtkWidget *widget)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *own = accessible_label (widget);

  if (own != NULL)
    g_ptr_array_add (parts, own);
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *by = labelled_by_in (widget, widget);

      for (GtkWidget *up = gtk_widget_get_parent (widget); by == NULL && up != NULL; up = gtk_widget_get_parent (up))
        if (is_labelled_by (widget, up))
          by = up;
      if (by == NULL)
        g_error ("A %s in a %s is labelled by a widget the test cannot find: %s", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                 gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                     NULL, NULL));
      if (accessible_label (by) != NULL)
        g_ptr_array_add (parts, accessible_label (by));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

/* "_New Project", "New Project New Project", "Search Search": a mnemonic
 * read out, or the same words twice. */
static gboolean
name_reads_well (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);

  if (*name == '\0' || strchr (name, '_') != NULL)
    return FALSE;
  for (guint i = 0; i + 1 < n; i++)
    if (*words[i] != '\0' && g_utf8_collate (words[i], words[i + 1]) == 0)
      return FALSE;
  if (n % 2 == 0 && n > 0)
    {
      gboolean twice = TRUE;
      for (guint i = 0; i < n / 2; i++)
        twice = twice && g_strcmp0 (words[i], words[n / 2 + i]) == 0;
      return !twice;
    }
  return TRUE;
}

/* What a screen reader user lands on: what takes the focus, buttons (the
 * menu button too), drop-downs, menu items and rows, when shown. A role of
 * none is not exposed,
 * and a scrolled window takes the focus only when its child cannot (the
 * lists here always can). */
static void
collect_announced (GtkWidget *widget,
                   GPtrArray *out)
{
  GtkAccessibleRole role;

  if (!gtk_widget_get_mapped (widget))
    return;
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  if ((gtk_widget_get_focusable (widget) || role == GTK_ACCESSIBLE_ROLE_BUTTON
       || role == GTK_ACCESSIBLE_ROLE_ROW || role == GTK_ACCESSIBLE_ROLE_LIST_ITEM
       || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM || role == GTK_ACCESSIBLE_ROLE_COMBO_BOX)
      && role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION
      && !GTK_IS_SCROLLED_WINDOW (widget))
    g_ptr_array_add (out, widget);
  /* what a button holds (an icon, a drop-down's current entry) is read
   * as the button */
  if (GTK_IS_BUTTON (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_announced (child, out);
}

static guint
assert_all_named (GtkWidget  *window,
                  const char *where)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  guint rows = 0;

  collect_announced (window, widgets);
  g_test_message ("%s: %u widgets to name", where, widgets->len);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      g_autofree char *name = accessible_name (widget);

      if (name == NULL || !name_reads_well (name))
        g_error ("%s: a %s in a %s is announced as “%s”", where, G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), name != NULL ? name : G_OBJECT_TYPE_NAME (widget));
      rows += gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ROW;
    }
  return rows;
}

static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon_name)
{
  if ((GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0) ||
      (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_name (GtkWidget  *widget,
             const char *expected)
{
  g_autofree char *name = NULL;

  g_assert_nonnull (widget);
  name = accessible_name (widget);
  g_assert_cmpstr (name, ==, expected);
}

/* The labelled button of the empty page, not the header bar's icon. */
static GtkWidget *
find_text_button (GtkWidget  *widget,
                  const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every button, menu button, drop-down, row and focusable widget of the
 * window is announced by one clear name: the icon buttons by what they
 * do (not "GtkImage"), the list's rows by code and name (not
 * "GtkListItemWidget"), the sidebar's by their agreement or focus area;
 * no mnemonic underscores, no name said twice. At 1280 × 800 with the
 * search bar and the main menu open, and folded at 800 × 600. */
static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkMenuButton *menu = GTK_MENU_BUTTON (find_icon_button (window, "open-menu-symbolic"));
  AdwLeaflet *leaflet = hs_test_find_child (window, ADW_TYPE_LEAFLET);
  g_autofree char *first_row = g_strdup_printf ("%s %s", shown_row (f, 0)->code, shown_row (f, 0)->name);
  g_autofree char *code = label_line (T ("Code"));
  gboolean row_named = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (gtk_widget_activate_action (window, "win.search", NULL));
  hs_test_wait_for_draw (window);
  hs_test_wait_for_text (window, code);

  assert_name (find_icon_button (window, "list-add-symbolic"), T ("New Project"));
  assert_name (find_icon_button (window, "system-search-symbolic"), T ("Search"));
  assert_name (find_icon_button (window, "go-previous-symbolic"), T ("Back"));
  assert_name (GTK_WIDGET (menu), T ("Main Menu"));
  /* the menu button's own toggle, which takes the focus */
  assert_name (hs_test_find_child (GTK_WIDGET (menu), GTK_TYPE_TOGGLE_BUTTON), T ("Main Menu"));
  /* the empty page's button: its mnemonic is not read, its name once */
  assert_name (find_text_button (window, "win.new-project"), T ("New Project"));

  g_assert_cmpuint (assert_all_named (window, "1280 × 800"), >, 5);
  /* a list row is its project */
  {
    g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

    collect_announced (GTK_WIDGET (project_list (f)), widgets);
    for (guint i = 0; i < widgets->len; i++)
      {
        g_autofree char *name = accessible_name (g_ptr_array_index (widgets, i));
        row_named = row_named || g_strcmp0 (name, first_row) == 0;
      }
    g_assert_true (row_named);
  }
  /* a sidebar row is its agreement */
  {
    HsSidebar *sidebar = hs_test_find_child (window, HS_TYPE_SIDEBAR);
    g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
    g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);
    const char *region = ((HsAgreement *) g_ptr_array_index (agreements, 0))->region_name;
    gboolean found = FALSE;

    collect_announced (GTK_WIDGET (sidebar), widgets);
    for (guint i = 0; i < widgets->len; i++)
      {
        GtkWidget *widget = g_ptr_array_index (widgets, i);
        g_autofree char *name = accessible_name (widget);
        found = found || (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM
                          && g_strcmp0 (name, region) == 0);
      }
    g_assert_true (found);
  }

  gtk_menu_button_popup (menu);
  hs_test_wait_for_draw (window);
  assert_all_named (window, "the main menu");
  gtk_menu_button_popdown (menu);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  hs_test_wait_until ((HsTestCondition) adw_leaflet_get_folded, leaflet, "the window to fold");
  hs_test_wait_for_draw (window);
  assert_all_named (window, "800 × 600, the sidebar");
  /* an agreement chosen: the list, with its Back button */
  {
    g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);
    GtkWidget *back = find_icon_button (window, "go-previous-symbolic");

    hs_sidebar_select (hs_test_find_child (window, HS_TYPE_SIDEBAR),
                       ((HsAgreement *) g_ptr_array_index (agreements, 0))->id, 0);
    hs_test_wait_until ((HsTestCondition) gtk_widget_get_mapped, back, "the Back button to be shown");
    hs_test_wait_for_draw (window);
    g_assert_cmpuint (assert_all_named (window, "800 × 600, the list"), >, 0);
  }
}

/* ---- filters that can be seen ------------------------------------------- */

static GtkDropDown *
drop_down (Fixture *f,
           guint    index)
{
  GtkWidget *bar = hs_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_BAR);
  GtkWidget *first = hs_test_find_child (bar, GTK_TYPE_DROP_DOWN);
  GtkWidget *widget = first;

  g_assert_nonnull (first);
  for (guint i = 0; i < index && widget != NULL; i++)
    {
      widget = gtk_widget_get_next_sibling (widget);
      while (widget != NULL && !GTK_IS_DROP_DOWN (widget))
        widget = gtk_widget_get_next_sibling (widget);
    }
  g_assert_nonnull (widget);
  return GTK_DROP_DOWN (widget);
}

static gboolean
search_closed (gpointer bar)
{
  return !gtk_search_bar_get_search_mode (bar);
}

/* Waits until the list's subtitle says @n projects, or with @in_scope
 * not 0, @n of @in_scope projects. */
static void
wait_for_subtitle (Fixture *f,
                   guint    n,
                   guint    in_scope)
{
  g_autofree char *subtitle = in_scope != 0 ? projects_of_text (n, in_scope) : projects_text (n);
  g_autofree char *line = label_line (subtitle);

  hs_test_wait_for_text (GTK_WIDGET (f->window), line);
}

/* A filter is never on without being seen: a dashboard bar that filters by
 * status opens the search bar that shows it, the subtitle says how many of
 * how many projects it leaves, and closing the search bar (Escape, the
 * search button) ends the search: the text and the filters go, the whole
 * list comes back. */
static void
test_filter_is_seen (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  HsDashboard *dashboard = hs_test_find_child (window, HS_TYPE_DASHBOARD);
  GtkSearchBar *bar = hs_test_find_child (window, GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = hs_test_find_child (window, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *search_button = find_icon_button (window, "system-search-symbolic");
  HsSidebar *sidebar = hs_test_find_child (window, HS_TYPE_SIDEBAR);
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);
  g_autoptr(GArray) all = hs_repository_list_project_summaries (f->repo, NULL);
  guint ongoing = 0, in_agreement = 0, ongoing_in_agreement = 0;

  for (guint i = 0; i < all->len; i++)
    {
      HsProjectSummary *s = &g_array_index (all, HsProjectSummary, i);
      ongoing += s->status == HS_STATUS_ONGOING;
      in_agreement += s->agreement_id == pks->agreement_id;
      ongoing_in_agreement += s->agreement_id == pks->agreement_id && s->status == HS_STATUS_ONGOING;
    }
  g_assert_cmpuint (ongoing, >, 0);
  g_assert_cmpuint (ongoing, <, 63);

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_signal_emit_by_name (dashboard, "filter-requested", (int) HS_BY_STATUS, "ongoing");
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, ongoing);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down (f, 0)), ==, 1 + HS_STATUS_ONGOING);
  wait_for_subtitle (f, ongoing, 63);

  /* of the agreement's projects, in an agreement */
  hs_sidebar_select (sidebar, pks->agreement_id, 0);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, ongoing_in_agreement);
  wait_for_subtitle (f, ongoing_in_agreement, in_agreement);
  hs_sidebar_select (sidebar, 0, 0);
  hs_test_drain ();

  /* the search button closes the bar: every project again */
  gtk_widget_activate (search_button);
  hs_test_wait_until (search_closed, bar, "the search button to close the search bar");
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down (f, 0)), ==, 0);
  wait_for_subtitle (f, 63, 0);

  /* a search typed, then Escape */
  g_assert_true (gtk_widget_activate_action (window, "win.search", NULL));
  hs_test_search (entry, "helsingin kaupunki");
  g_assert_cmpuint (shown (f), <, 63);
  wait_for_subtitle (f, shown (f), 63);
  gtk_widget_grab_focus (entry);
  hs_test_send_keys (window, "key", "Escape");
  hs_test_wait_until (search_closed, bar, "Escape to close the search bar");
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  wait_for_subtitle (f, 63, 0);
}

/* ---- findings ----------------------------------------------------------- */

/* Beside the status filter, a reviewer's: the projects with findings
 * (errors or warnings), or with errors; with a status too. */
static void
test_findings_filter (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GArray) all = NULL;
  guint with_findings = 0, with_errors = 0, ongoing_with_errors = 0;
  GtkDropDown *findings;
  g_autoptr(HsProject) warned = NULL;
  g_autoptr(GError) error = NULL;

  /* a project with a warning and no error: its last status change dated
   * before the one before it */
  all = hs_repository_list_project_summaries (f->repo, NULL);
  for (guint i = 0; i < all->len && warned == NULL; i++)
    {
      HsProjectSummary *s = &g_array_index (all, HsProjectSummary, i);
      g_autoptr(HsProject) project = NULL;

      if (s->errors + s->warnings > 0)
        continue;
      project = hs_repository_load_project (f->repo, s->id, NULL);
      if (project->history->len >= 2)
        warned = g_steal_pointer (&project);
    }
  g_assert_nonnull (warned);
  {
    guint n = warned->history->len;
    HsStatusChange *last = &g_array_index (warned->history, HsStatusChange, n - 1);

    last->date = g_array_index (warned->history, HsStatusChange, n - 2).date;
    g_date_subtract_days (&last->date, 1);
  }
  g_assert_true (hs_repository_save_project (f->repo, warned, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  g_clear_pointer (&all, g_array_unref);
  all = hs_repository_list_project_summaries (f->repo, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      HsProjectSummary *s = &g_array_index (all, HsProjectSummary, i);
      with_findings += s->errors + s->warnings > 0;
      with_errors += s->errors > 0;
      ongoing_with_errors += s->errors > 0 && s->status == HS_STATUS_ONGOING;
    }
  g_test_message ("%u with findings, %u with errors", with_findings, with_errors);
  g_assert_cmpuint (with_errors, >, 0);
  g_assert_cmpuint (with_findings, >, with_errors);
  g_assert_cmpuint (with_findings, <, 63);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  hs_test_drain ();
  findings = drop_down (f, 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (findings)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (findings)), ==, 3);

  gtk_drop_down_set_selected (findings, 1);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, with_findings);
  for (guint i = 0; i < shown (f); i++)
    g_assert_cmpuint (shown_row (f, i)->errors + shown_row (f, i)->warnings, >, 0);
  wait_for_subtitle (f, with_findings, 63);

  gtk_drop_down_set_selected (findings, 2);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, with_errors);
  for (guint i = 0; i < shown (f); i++)
    g_assert_cmpuint (shown_row (f, i)->errors, >, 0);

  gtk_drop_down_set_selected (drop_down (f, 0), 1 + HS_STATUS_ONGOING);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, ongoing_with_errors);

  gtk_drop_down_set_selected (findings, 0);
  gtk_drop_down_set_selected (drop_down (f, 0), 0);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
}

static GtkWidget *
find_inscription (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_inscription (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The findings cell's tooltip says what the findings are: the messages the
 * editor shows, errors marked as such, made when asked for. */
static void
test_findings_tooltip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GArray) all = hs_repository_list_project_summaries (f->repo, NULL);
  const HsProjectSummary *with = NULL, *without = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cell_text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *cell;

  for (guint i = 0; i < all->len; i++)
    {
      const HsProjectSummary *s = &g_array_index (all, HsProjectSummary, i);
      if (with == NULL && s->errors > 0 && s->errors + s->warnings <= 10)
        with = s;
      if (without == NULL && s->errors + s->warnings == 0)
        without = s;
    }
  g_assert_nonnull (with);
  g_assert_nonnull (without);

  text = hs_project_list_describe_findings (f->repo, with->id, hs_lang_current (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_test_message ("%s: %s", with->code, text);
  lines = g_strsplit (text, "\n", -1);
  /* one line a finding, as many as the list counts */
  g_assert_cmpuint (g_strv_length (lines), ==, with->errors + with->warnings);
  {
    g_autofree char *error_prefix = before_placeholder (T ("Error: %s"));
    g_assert_true (g_str_has_prefix (lines[0], error_prefix));
  }
  {
    /* the messages are the validator's, in the user's language */
    g_autoptr(GPtrArray) calls = hs_repository_list_calls (f->repo, 0, NULL);
    g_autoptr(GPtrArray) areas = hs_repository_list_focus_areas (f->repo, 0, NULL);
    HsValidationContext context = { .lang = hs_lang_current () };

    project = hs_repository_load_project (f->repo, with->id, NULL);
    for (guint i = 0; i < calls->len; i++)
      if (((HsCall *) g_ptr_array_index (calls, i))->id == project->call_id)
        context.call = g_ptr_array_index (calls, i);
    for (guint i = 0; i < areas->len; i++)
      if (((HsFocusArea *) g_ptr_array_index (areas, i))->id == project->focus_area_id)
        context.focus_area = g_ptr_array_index (areas, i);
    findings = hs_validate_project (project, &context);
    for (guint i = 0; i < findings->len; i++)
      g_assert_nonnull (strstr (lines[i], ((HsFinding *) g_ptr_array_index (findings, i))->message));
  }

  g_assert_null (hs_project_list_describe_findings (f->repo, without->id, hs_lang_current (), &error));
  g_assert_no_error (error);

  /* the row's findings cell asks for it */
  hs_project_list_set_search (project_list (f), with->code);
  hs_test_drain ();
  cell_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", with->errors), with->errors);
  {
    g_autofree char *line = g_strdup_printf ("label: %s\n", cell_text);
    hs_test_wait_for_text (GTK_WIDGET (f->window), line);
  }
  cell = find_inscription (GTK_WIDGET (project_list (f)), cell_text);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_has_tooltip (cell));
}

/* What a reviewer sees with the filters on: the search bar with both
 * drop-downs and the subtitle, at the default size and folded; written
 * as window-filters-<size>-<language>.png. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  AdwLeaflet *leaflet = hs_test_find_child (window, ADW_TYPE_LEAFLET);
  g_autofree char *big = g_strdup_printf ("window-filters-1280x800-%s.png", language);
  g_autofree char *small = g_strdup_printf ("window-filters-800x600-%s.png", language);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (gtk_widget_activate_action (window, "win.search", NULL));
  gtk_drop_down_set_selected (drop_down (f, 1), 1);
  hs_test_drain ();
  hs_test_wait_for_draw (window);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  hs_test_save_png (window, big);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  hs_test_wait_until ((HsTestCondition) adw_leaflet_get_folded, leaflet, "the window to fold");
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  hs_test_wait_for_draw (window);
  hs_test_save_png (window, small);
}

/* ---- counts -------------------------------------------------------------- */

/* Counts of projects are grouped as amounts are: "1,003 projects" (in
 * Finnish "1 003 hanketta"), in the subtitle and the sidebar (there with
 * their total costs). */
static void
test_counts_grouped (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *entry = hs_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GArray) all = hs_repository_list_project_summaries (f->repo, NULL);
  g_autofree char *count = hs_count_format (1003, hs_lang_current ());
  g_autofree char *total = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *detail_line = NULL;
  gint64 sum = 0;

  /* the sidebar's "All Projects": how many, and their total costs */
  for (guint i = 0; i < all->len; i++)
    g_assert_true (hs_money_add (sum, g_array_index (all, HsProjectSummary, i).total_costs, &sum));
  total = hs_money_format (sum, hs_lang_current ());
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s project · %s", "%s projects · %s", 1003), count, total);
  detail_line = label_line (detail);

  g_assert_cmpuint (shown (f), ==, 1003);
  g_assert_cmpuint (all->len, ==, 1003);
  wait_for_subtitle (f, 1003, 0);
  hs_test_wait_for_text (GTK_WIDGET (f->window), detail_line);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  hs_test_search (entry, "GEN-5-0");
  wait_for_subtitle (f, 1000, 1003);
}

/* ---- saved filters --------------------------------------------------------- */

static GtkWidget *
find_undo_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), g_dgettext (GETTEXT_PACKAGE, "_Undo")) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_undo_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_undo_button (gpointer window)
{
  return find_undo_button (window) != NULL;
}

static guint
n_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      n += ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window));
    }
  return n;
}

static gboolean
no_message_dialog (gpointer data)
{
  return n_message_dialogs () == 0;
}

static guint
n_saved (GSettings *settings)
{
  g_autoptr(GPtrArray) filters = hs_saved_filters_load (settings);
  return filters->len;
}

/* The name typed into the save dialog, then Enter. */
static void
save_filter_as (Fixture    *f,
                const char *name,
                const char *expected_button)
{
  GtkWidget *dialog = _hs_window_save_filter_dialog (f->window);
  GtkWidget *entry = hs_test_find_child (dialog, GTK_TYPE_ENTRY);

  hs_test_wait_mapped (entry);
  /* nothing to save under no name */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  {
    g_autofree char *png = g_strdup_printf ("window-save-filter-%s-%s.png",
                                            g_str_equal (expected_button, "_Save") ? "new" : "replace", language);
    hs_test_save_png (dialog, png);
  }
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "save"), ==,
                   g_dgettext (GETTEXT_PACKAGE, expected_button));
  /* Enter in its text: what the key's binding emits */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  hs_test_wait_until (no_message_dialog, NULL, "the save dialog to close");
}

/* A filter saved under a name comes back from the menu: the scope, the
 * search and the filters; the same name replaces it; deleting it can be
 * undone; a portfolio without its agreement keeps what it shows. */
static void
test_saved_filters (Fixture       *f,
                    gconstpointer  data)
{
  HsSidebar *sidebar = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_SIDEBAR);
  GtkSearchBar *bar = hs_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = hs_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);
  g_autoptr(GPtrArray) filters = NULL;
  g_autoptr(HsSavedFilter) elsewhere = NULL;
  GMenuModel *menu = _hs_window_get_saved_filters_menu (f->window);
  g_autoptr(GMenuModel) section = NULL;
  g_autofree char *label = NULL;
  g_autofree char *target = NULL;
  gint64 agreement_id = 0, focus_area_id = 0;
  const HsAgreement *pks = NULL;
  const HsSavedFilter *saved;
  guint n_filtered;
  g_autofree char *first = NULL;
  HsStatus status;

  g_settings_reset (settings, "saved-filters");
  hs_test_drain ();
  /* nothing to save while every project is shown: the command is off */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-filter", NULL);
  hs_test_drain ();
  g_assert_cmpuint (n_message_dialogs (), ==, 0);
  /* the agreement and the status of a generated project ("GEN-…") */
  status = shown_row (f, 0)->status;
  for (guint i = 0; i < agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (agreements, i))->id == shown_row (f, 0)->agreement_id)
      pks = g_ptr_array_index (agreements, i);
  g_assert_nonnull (pks);
  g_assert_true (g_str_has_prefix (shown_row (f, 0)->code, "GEN-"));

  /* an agreement, a status and a search */
  hs_sidebar_select (sidebar, pks->id, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  gtk_drop_down_set_selected (drop_down (f, 0), 1 + status);
  hs_test_search (entry, "e");
  n_filtered = shown (f);
  g_assert_cmpuint (n_filtered, >, 0);
  g_assert_cmpuint (n_filtered, <, 63);
  first = g_strdup (shown_row (f, 0)->code);

  save_filter_as (f, "PKS drafts", "_Save");
  g_test_message ("saved: %u projects of %s with status %s", n_filtered, pks->region_name, hs_status_to_id (status));
  filters = hs_saved_filters_load (settings);
  g_assert_cmpuint (filters->len, ==, 1);
  saved = g_ptr_array_index (filters, 0);
  g_assert_cmpstr (saved->name, ==, "PKS drafts");
  g_assert_cmpstr (saved->search, ==, "e");
  g_assert_cmpstr (saved->status, ==, hs_status_to_id (status));
  g_assert_cmpstr (saved->findings, ==, "");
  g_assert_cmpstr (saved->agreement, ==, pks->region_name);
  g_assert_cmpstr (saved->focus_area, ==, "");

  /* the menu lists it, first, with the command that applies it */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "PKS drafts");
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (target, ==, "PKS drafts");

  /* the search bar's button shows the menu */
  {
    GtkMenuButton *button = hs_test_find_child (GTK_WIDGET (bar), GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover;
    g_autofree char *png = g_strdup_printf ("window-saved-filters-menu-%s.png", language);

    g_assert_true (gtk_menu_button_get_menu_model (button) == menu);
    gtk_menu_button_popup (button);
    popover = gtk_menu_button_get_popover (button);
    hs_test_wait_mapped (GTK_WIDGET (popover));
    hs_test_save_png (GTK_WIDGET (popover), png);
    gtk_menu_button_popdown (button);
    hs_test_drain ();
  }

  /* everything shown again, then the saved filter */
  gtk_search_bar_set_search_mode (bar, FALSE);
  hs_sidebar_select (sidebar, 0, 0);
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.apply-saved-filter", "s", "PKS drafts"));
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, n_filtered);
  g_assert_cmpstr (shown_row (f, 0)->code, ==, first);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "e");
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down (f, 0)), ==, 1 + status);
  hs_sidebar_get_scope (sidebar, &agreement_id, &focus_area_id);
  g_assert_cmpint (agreement_id, ==, pks->id);
  g_assert_cmpint (focus_area_id, ==, 0);
  /* the menu can delete the one shown */
  {
    g_autoptr(GMenuModel) commands = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
    g_autofree char *deletes = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (commands), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (commands, 1, G_MENU_ATTRIBUTE_TARGET, "s", &deletes));
    g_assert_cmpstr (deletes, ==, "PKS drafts");
  }
  /* a name is a name whatever its case */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.apply-saved-filter", "s", "pks DRAFTS"));

  /* the same name again replaces it, and the dialog says so */
  gtk_drop_down_set_selected (drop_down (f, 0), 0);
  hs_test_drain ();
  save_filter_as (f, "PKS Drafts", "_Replace");
  g_assert_cmpuint (n_saved (settings), ==, 1);
  g_clear_pointer (&filters, g_ptr_array_unref);
  filters = hs_saved_filters_load (settings);
  g_assert_cmpstr (((HsSavedFilter *) g_ptr_array_index (filters, 0))->status, ==, "");

  /* deleted, and back with Undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-saved-filter", "s", "PKS Drafts"));
  hs_test_drain ();
  g_assert_cmpuint (n_saved (settings), ==, 0);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  hs_test_wait_until (has_undo_button, f->window, "the toast's Undo button");
  /* what a click on it emits (activating it emits this after a delay) */
  g_signal_emit_by_name (find_undo_button (GTK_WIDGET (f->window)), "clicked");
  hs_test_drain ();
  g_assert_cmpuint (n_saved (settings), ==, 1);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);

  /* one that names an agreement this portfolio does not have */
  elsewhere = hs_saved_filter_new ("Elsewhere", "", "", "", "Nowhere (NOW)", "");
  hs_saved_filters_put (settings, elsewhere);
  gtk_search_bar_set_search_mode (bar, FALSE);
  hs_sidebar_select (sidebar, 0, 0);
  hs_test_drain ();
  g_assert_false (_hs_window_apply_saved_filter (f->window, "Elsewhere"));
  hs_test_drain ();
  g_assert_cmpuint (shown (f), ==, 63);
  g_settings_reset (settings, "saved-filters");
}

int
main (int   argc,
      char *argv[])
{
  {
    const char *given = hs_test_take_language_option (&argc, &argv);
    if (given != NULL)
      language = given;
  }
  hs_i18n_init ();

  /* GTK's in-process accessibility backend: the accessible names can be
   * read back (with "none" nothing is kept). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  hs_test_gui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window/shows-portfolio", test_shows_portfolio);
  ADD ("/window/sort-by-total", test_sort_by_total);
  ADD ("/window/selection-follows-project", test_selection_follows_project);
  ADD ("/window/list-starts-at-top", test_list_starts_at_top);
  ADD ("/window/filter", test_filter_by_scope_search_status);
  ADD ("/window/snapshot-is-what-is-seen", test_snapshot_is_what_is_seen);
  ADD ("/window/search-partial-implementers", test_search_partial_implementers);
  ADD ("/window/delete-undo-redo", test_delete_undo_redo);
  ADD ("/window/edit-project", test_edit_project);
  ADD ("/window/dashboard-filters-list", test_dashboard_filters_list);
  ADD ("/window/edit-updates-one-row", test_edit_updates_one_row);
  ADD ("/window/new-project", test_new_project);
  ADD ("/window/duplicate-project", test_duplicate_project);
  ADD ("/window/follows-other-programs", test_follows_other_programs);
  ADD ("/window/undo-own-actions", test_undo_own_actions);
  ADD ("/window/back-up-restore", test_back_up_restore);
  ADD ("/window/open-portfolio", test_open_portfolio);
  ADD ("/window/accessible-names", test_accessible_names);
  ADD ("/window/filter-is-seen", test_filter_is_seen);
  ADD ("/window/findings-filter", test_findings_filter);
  ADD ("/window/findings-tooltip", test_findings_tooltip);
  ADD ("/window/saved-filters", test_saved_filters);
  ADD ("/window/screenshots", test_screenshots);
  /* Last: after a file chooser has been shown, Xvfb (no window manager)
   * no longer gives the main window the keys xdotool sends it. */
  ADD ("/window/export-application", test_export_application);
  g_test_add ("/window/counts-grouped", Fixture, GUINT_TO_POINTER (1000), fixture_set_up, test_counts_grouped,
              fixture_tear_down);
#undef ADD

  return g_test_run ();
}

/* test-agreement-findings.c — the agreements' own findings in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A portfolio where one agreement's approved projects have too little city
 * financing (built through the repository, as a user's saves would): the
 * window marks that agreement's row in the sidebar, and the button over
 * the project list opens the list of its findings with the rule's message.
 * Once the financing is fixed through the repository, the marker goes.
 * The findings are computed by a worker: every check waits for what the
 * window shows, under the deadline.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "core/hs-i18n.h"
#include "core/hs-lang.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-validate.h"

#include "hs-agreement-findings-bar.h"
#include "hs-gui-test.h"
#include "hs-sidebar.h"
#include "hs-window.h"

/* --language=fi: the cases, and their screenshots, in Finnish */
static const char *language = "en";

#define T(msgid) g_dgettext (GETTEXT_PACKAGE, msgid)

typedef struct
{
  char         *dir;
  HsRepository *repo;
  HsWindow     *window;
  gint64        agreement_id;
  char         *agreement_name;
  GPtrArray    *originals;     /* HsProject*: the agreement's approved projects as they were */
} Fixture;

static gboolean
is_approved (HsStatus status)
{
  return status == HS_STATUS_APPROVED || status == HS_STATUS_ONGOING || status == HS_STATUS_CLOSED;
}

/* Moves the city's financing of every approved project of the agreement to
 * the implementers' own public financing: the totals still add up, and the
 * agreement's city share is 0 %. */
static void
take_city_financing (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < f->originals->len; i++)
    {
      const HsProject *original = g_ptr_array_index (f->originals, i);
      g_autoptr(HsProject) project = hs_repository_load_project (f->repo, original->id, &error);

      g_assert_no_error (error);
      for (guint j = 0; j < project->implementers->len; j++)
        {
          HsImplementer *impl = g_ptr_array_index (project->implementers, j);
          gint64 city = hs_implementer_get_financing (impl, HS_SOURCE_CITY);

          hs_implementer_set_financing (impl, HS_SOURCE_OWN_PUBLIC,
                                        hs_implementer_get_financing (impl, HS_SOURCE_OWN_PUBLIC) + city);
          hs_implementer_set_financing (impl, HS_SOURCE_CITY, 0);
        }
      g_assert_true (hs_repository_save_project (f->repo, project, &error));
      g_assert_no_error (error);
    }
}

/* Gives the projects their own financing back. */
static void
restore_financing (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < f->originals->len; i++)
    {
      g_autoptr(HsProject) project = hs_repository_load_project (f->repo, ((HsProject *) g_ptr_array_index (f->originals, i))->id, &error);
      const HsProject *original = g_ptr_array_index (f->originals, i);

      g_assert_no_error (error);
      g_assert_cmpuint (project->implementers->len, ==, original->implementers->len);
      for (guint j = 0; j < project->implementers->len; j++)
        {
          HsImplementer *impl = g_ptr_array_index (project->implementers, j);
          const HsImplementer *was = g_ptr_array_index (original->implementers, j);

          hs_implementer_set_financing (impl, HS_SOURCE_CITY, hs_implementer_get_financing (was, HS_SOURCE_CITY));
          hs_implementer_set_financing (impl, HS_SOURCE_OWN_PUBLIC,
                                        hs_implementer_get_financing (was, HS_SOURCE_OWN_PUBLIC));
        }
      g_assert_true (hs_repository_save_project (f->repo, project, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) agreements = NULL;

  f->repo = hs_test_open_portfolio ("hs-agreement-findings", 60, &f->dir);
  f->originals = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);

  /* the agreement of the first approved project */
  summaries = hs_repository_list_project_summaries (f->repo, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < summaries->len && f->agreement_id == 0; i++)
    if (is_approved (g_array_index (summaries, HsProjectSummary, i).status))
      {
        g_autoptr(HsProject) project = hs_repository_load_project (f->repo, g_array_index (summaries, HsProjectSummary, i).id, &error);
        g_assert_no_error (error);
        f->agreement_id = project->agreement_id;
      }
  g_assert_cmpint (f->agreement_id, !=, 0);
  for (guint i = 0; i < summaries->len; i++)
    if (is_approved (g_array_index (summaries, HsProjectSummary, i).status))
      {
        HsProject *project = hs_repository_load_project (f->repo, g_array_index (summaries, HsProjectSummary, i).id, &error);
        g_assert_no_error (error);
        if (project->agreement_id == f->agreement_id)
          g_ptr_array_add (f->originals, project);
        else
          hs_project_free (project);
      }
  agreements = hs_repository_list_agreements (f->repo, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (agreements, i))->id == f->agreement_id)
      f->agreement_name = g_strdup (((HsAgreement *) g_ptr_array_index (agreements, i))->region_name);
  g_assert_nonnull (f->agreement_name);

  take_city_financing (f);

  f->window = hs_window_new (NULL, f->repo);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  hs_test_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hs_test_close_portfolio (f->window, &f->repo, &f->dir);
  g_clear_pointer (&f->originals, g_ptr_array_unref);
  g_clear_pointer (&f->agreement_name, g_free);
}

/* ---- what the rules say, independently of the window --------------------- */

static gboolean
collect_cb (HsProject *project,
            gpointer   user_data)
{
  GArray *portfolio = user_data;

  g_array_set_size (portfolio, portfolio->len + 1);
  hs_portfolio_project_init (&g_array_index (portfolio, HsPortfolioProject, portfolio->len - 1), project);
  return TRUE;
}

/* The agreement's findings as hs_portfolio_check () gives them now. */
static GPtrArray *
expected_findings (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) portfolio = g_array_new (FALSE, TRUE, sizeof (HsPortfolioProject));
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, &error);
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (f->repo, f->agreement_id, &error);
  const HsAgreement *agreement = NULL;

  g_assert_no_error (error);
  g_assert_true (hs_repository_foreach_project (f->repo, collect_cb, portfolio, &error));
  for (guint i = 0; i < agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (agreements, i))->id == f->agreement_id)
      agreement = g_ptr_array_index (agreements, i);
  return hs_portfolio_check (agreement, calls, portfolio, hs_lang_current ());
}

/* ---- the sidebar's marker ------------------------------------------------ */

typedef struct
{
  Fixture    *f;
  const char *text;    /* what the marker says, or NULL: no marker */
} MarkerWait;

/* The marker image of the agreement's row, when the row is made. */
static GtkWidget *
find_marker (GtkWidget  *widget,
             const char *agreement_name)
{
  if (GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "hs-agreement-marker"))
    {
      GtkWidget *box = gtk_widget_get_prev_sibling (widget);
      GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;

      /* the list keeps rows it does not show: the one shown */
      if (GTK_IS_LABEL (label) && gtk_widget_get_mapped (label)
          && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), agreement_name) == 0)
        return widget;
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_marker (child, agreement_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
marker_is (gpointer data)
{
  MarkerWait *wait = data;
  HsSidebar *sidebar = hs_test_find_child (GTK_WIDGET (wait->f->window), HS_TYPE_SIDEBAR);
  GtkWidget *marker = find_marker (GTK_WIDGET (sidebar), wait->f->agreement_name);

  if (marker == NULL)
    return FALSE;
  if (wait->text == NULL)
    return !gtk_widget_get_visible (marker);
  return gtk_widget_get_mapped (marker)
         && g_strcmp0 (gtk_widget_get_tooltip_text (marker), wait->text) == 0;
}

static char *
marker_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement finding", "%u agreement findings", n), n);
}

/* Selects the agreement in the sidebar and scrolls its row into view. */
static void
select_agreement (Fixture *f)
{
  HsSidebar *sidebar = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_SIDEBAR);
  GtkListView *list_view = hs_test_find_child (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *model;

  hs_sidebar_select (sidebar, f->agreement_id, 0);
  model = gtk_list_view_get_model (list_view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u",
                                             gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model))));
  hs_test_drain ();
}

static gboolean
popover_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
popover_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
bar_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
bar_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_marker_and_view (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = expected_findings (f);
  const HsFinding *city = NULL;
  g_autofree char *text = NULL;
  g_autofree char *button_text = NULL;
  g_autofree char *png = NULL;
  MarkerWait wait = { f, NULL };
  HsAgreementFindingsBar *bar = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_AGREEMENT_FINDINGS_BAR);
  GtkMenuButton *button;
  GtkPopover *popover;
  GtkWidget *marker;

  /* the rules find the city's share too small; the window must say so */
  for (guint i = 0; i < expected->len; i++)
    if (g_str_equal (((HsFinding *) g_ptr_array_index (expected, i))->code, "agreement-city-share-under-minimum"))
      city = g_ptr_array_index (expected, i);
  g_assert_nonnull (city);
  g_assert_cmpint (city->severity, ==, HS_SEVERITY_ERROR);

  text = marker_text (expected->len);
  wait.text = text;
  select_agreement (f);
  hs_test_wait_until (marker_is, &wait, "the agreement's row to show its findings' marker");
  marker = find_marker (GTK_WIDGET (hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_SIDEBAR)), f->agreement_name);
  /* an error among them: the error icon, named for a screen reader */
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (marker)), ==, "dialog-error-symbolic");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL, text);

  /* the button over the list says how many, and opens the list of them */
  g_assert_nonnull (bar);
  hs_test_wait_until (bar_shown, bar, "the agreement findings button to show");
  button = hs_test_find_child (GTK_WIDGET (bar), GTK_TYPE_MENU_BUTTON);
  button_text = g_strdup_printf (T ("Agreement Findings (%u)"), expected->len);
  hs_test_wait_for_text (GTK_WIDGET (bar), button_text);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (button)) || gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (button))));

  png = g_strdup_printf ("agreement-findings-sidebar-1280x760-%s.png", language);
  hs_test_save_png (GTK_WIDGET (f->window), png);
  g_clear_pointer (&png, g_free);

  gtk_widget_grab_focus (GTK_WIDGET (button));
  g_assert_true (gtk_widget_activate (gtk_widget_get_first_child (GTK_WIDGET (button))));
  popover = gtk_menu_button_get_popover (button);
  hs_test_wait_until (popover_mapped, popover, "the agreement's findings to open");
  hs_test_wait_for_text (GTK_WIDGET (popover), city->message);
  for (guint i = 0; i < expected->len; i++)
    hs_test_wait_for_text (GTK_WIDGET (popover), ((HsFinding *) g_ptr_array_index (expected, i))->message);
  png = g_strdup_printf ("agreement-findings-view-1280x760-%s.png", language);
  hs_test_save_png (GTK_WIDGET (popover), png);
  g_clear_pointer (&png, g_free);

  /* Esc closes it, and the focus is back on the button */
  hs_test_send_keys (GTK_WIDGET (popover), "key", "Escape");
  hs_test_wait_until (popover_unmapped, popover, "Esc to close the agreement's findings");

  /* fixed through the repository: the marker and the button go */
  restore_financing (f);
  wait.text = NULL;
  {
    g_autoptr(GPtrArray) now = expected_findings (f);
    for (guint i = 0; i < now->len; i++)
      g_assert_cmpstr (((HsFinding *) g_ptr_array_index (now, i))->code, !=, "agreement-city-share-under-minimum");
    if (now->len == 0)
      {
        hs_test_wait_until (marker_is, &wait, "the marker to go once the city's financing is back");
        hs_test_wait_until (bar_hidden, bar, "the agreement findings button to go");
      }
    else
      {
        g_autofree char *left = marker_text (now->len);
        wait.text = left;
        hs_test_wait_until (marker_is, &wait, "the marker to count what is left");
      }
  }
}

/* The sidebar with the marker and the open list, at 800×600 (folded: the
 * sidebar, then the project list with the list of findings open). */
static void
test_screenshots_small (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = expected_findings (f);
  g_autofree char *text = marker_text (expected->len);
  g_autofree char *png = NULL;
  MarkerWait wait = { f, text };
  AdwLeaflet *leaflet = hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET);
  HsAgreementFindingsBar *bar = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_AGREEMENT_FINDINGS_BAR);
  GtkMenuButton *button = hs_test_find_child (GTK_WIDGET (bar), GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  hs_test_wait_until ((HsTestCondition) adw_leaflet_get_folded, leaflet, "the window to fold");
  /* selecting an entry of a folded window goes to the list: then back */
  select_agreement (f);
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  select_agreement (f);
  hs_test_wait_until (marker_is, &wait, "the agreement's row to show its findings' marker");
  png = g_strdup_printf ("agreement-findings-sidebar-800x600-%s.png", language);
  hs_test_save_png (GTK_WIDGET (f->window), png);
  g_clear_pointer (&png, g_free);

  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  hs_test_wait_until (bar_shown, bar, "the agreement findings button to show");
  gtk_menu_button_popup (button);
  hs_test_wait_until (popover_mapped, popover, "the agreement's findings to open");
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  png = g_strdup_printf ("agreement-findings-view-800x600-%s.png", language);
  hs_test_save_png (GTK_WIDGET (popover), png);
  g_clear_pointer (&png, g_free);
  png = g_strdup_printf ("agreement-findings-window-800x600-%s.png", language);
  hs_test_save_png (GTK_WIDGET (f->window), png);
  gtk_menu_button_popdown (button);
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
  g_setenv ("GTK_A11Y", "test", TRUE);
  hs_test_gui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/agreement-findings/marker-and-view", test_marker_and_view);
  ADD ("/agreement-findings/screenshots-small", test_screenshots_small);
#undef ADD

  return g_test_run ();
}

/* test-editor.c — the project editor, driven through its widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case opens a fresh database, creates a project in it and shows the
 * real HsProjectEditor. The cases type into the real entries and activate
 * them, choose in the real lists and call the editor's actions, as a user
 * would with the keyboard; then they check what the database holds and
 * what the editor shows (the derived flat rate, the totals, the findings).
 *
 * With --language=fi the same cases run in Finnish; the screenshot case
 * writes editor-<language>.png (and one per page) into G_TEST_BUILDDIR.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/hs-i18n.h"
#include "core/hs-lang.h"
#include "core/hs-money.h"
#include "store/hs-sqlite-repository.h"

#include "hs-amount-entry.h"
#include "hs-amount-entry-private.h"
#include "hs-budget-grid.h"
#include "hs-budget-grid-private.h"
#include "hs-financing-group.h"
#include "hs-finding-item.h"
#include "hs-findings-panel-private.h"
#include "hs-financing-group-private.h"
#include "hs-financing-page-private.h"
#include "hs-gui-test.h"
#include "hs-organisation-picker.h"
#include "hs-organisation-picker-private.h"
#include "hs-project-editor.h"
#include "hs-project-editor-private.h"
#include "hs-snapshot.h"

static const char *language = "en";

typedef struct
{
  char            *dir;
  HsRepository    *repo;
  gint64           project_id;
  gint64           agreement_id;
  HsProjectEditor *editor;
} Fixture;

/* ---- helpers ------------------------------------------------------------------- */

/* What a click does (Enter or Space on a button animates a press first). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  hs_test_drain ();
}

static HsProject *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HsProject *project = hs_repository_load_project (f->repo, f->project_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static GtkWidget *
field (Fixture    *f,
       const char *path)
{
  GtkWidget *widget = _hs_project_editor_get_field (f->editor, path);

  if (widget == NULL)
    g_error ("The editor shows no field %s", path);
  return widget;
}

/* Enter in an entry, entry row or search entry: the GtkText inside emits
 * "activate". */
static void
press_enter (GtkWidget *widget)
{
  GtkEditable *delegate = GTK_EDITABLE (widget);

  while (!GTK_IS_TEXT (delegate) && gtk_editable_get_delegate (delegate) != NULL)
    delegate = gtk_editable_get_delegate (delegate);
  g_assert_true (GTK_IS_TEXT (delegate));
  g_signal_emit_by_name (delegate, "activate");
  hs_test_drain ();
}

/* Types @text into an entry or entry row and presses Enter in it. */
static void
type_and_enter (GtkWidget  *widget,
                const char *text)
{
  gtk_widget_grab_focus (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  hs_test_drain ();
  press_enter (widget);
}

static gboolean
one_shown (gpointer picker)
{
  return _hs_organisation_picker_get_n_shown (picker) == 1;
}

static void
type_amount (Fixture    *f,
             const char *path,
             const char *text)
{
  GtkWidget *entry = field (f, path);

  g_assert_true (HS_IS_AMOUNT_ENTRY (entry));
  type_and_enter (entry, text);
}

static const char *
total_text (Fixture *f,
            guint    implementer,
            int      category,
            int      year)
{
  HsBudgetGrid *grid = _hs_project_editor_get_budget_grid (f->editor, implementer);
  GtkLabel *label;

  g_assert_nonnull (grid);
  label = _hs_budget_grid_get_total (grid, category, year);
  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

static char *
money (gint64 cents)
{
  return hs_money_format_plain (cents, hs_lang_current ());
}

static void
assert_money_label (const char *shown,
                    gint64      cents)
{
  g_autofree char *expected = money (cents);
  g_assert_cmpstr (shown, ==, expected);
}

static GtkListBoxRow *
finding_row (Fixture    *f,
             const char *code)
{
  HsFindingsPanel *panel = _hs_project_editor_get_findings_panel (f->editor);
  GListModel *model = _hs_findings_panel_get_model (panel);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HsFindingItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hs_finding_item_get_finding (item)->code, code) == 0)
        return gtk_list_box_get_row_at_index (_hs_findings_panel_get_list (panel), (int) i);
    }
  return NULL;
}

static gboolean
has_finding (Fixture    *f,
             const char *code)
{
  GPtrArray *findings = _hs_project_editor_get_findings (f->editor);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((HsFinding *) g_ptr_array_index (findings, i))->code, code))
      return TRUE;
  return FALSE;
}

/* The errors the project list shows for the project (its marker). */
static guint
list_errors (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) summaries = hs_repository_list_project_summaries (f->repo, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < summaries->len; i++)
    if (g_array_index (summaries, HsProjectSummary, i).id == f->project_id)
      return g_array_index (summaries, HsProjectSummary, i).errors;
  g_assert_not_reached ();
}

static gboolean
has_focus (Fixture   *f,
           GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->editor));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
activate_action (Fixture    *f,
                 const char *name,
                 GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->editor), name, parameter));
  hs_test_drain ();
}

/* Adds an implementer the way a user does: Ctrl+I opens the picker; either
 * search and press Enter on the only match, or fill in the new-organisation
 * form and press its button. */
static void
add_existing_implementer (Fixture    *f,
                          const char *search)
{
  HsOrganisationPicker *picker;

  activate_action (f, "editor.add-implementer", NULL);
  picker = _hs_project_editor_get_picker (f->editor);
  g_assert_nonnull (picker);
  gtk_editable_set_text (GTK_EDITABLE (_hs_organisation_picker_get_field (picker, "search")), search);
  hs_test_wait_until (one_shown, picker, "the picker to show one organisation");
  g_assert_cmpuint (_hs_organisation_picker_get_n_shown (picker), ==, 1);
  press_enter (_hs_organisation_picker_get_field (picker, "search"));
  g_assert_null (_hs_project_editor_get_picker (f->editor));
}

static void
add_new_implementer (Fixture    *f,
                     const char *name,
                     const char *business_id)
{
  HsOrganisationPicker *picker;

  activate_action (f, "editor.add-implementer", NULL);
  picker = _hs_project_editor_get_picker (f->editor);
  g_assert_nonnull (picker);
  gtk_editable_set_text (GTK_EDITABLE (_hs_organisation_picker_get_field (picker, "name")), name);
  gtk_editable_set_text (GTK_EDITABLE (_hs_organisation_picker_get_field (picker, "business-id")), business_id);
  hs_test_drain ();
  g_assert_true (gtk_widget_get_sensitive (_hs_organisation_picker_get_field (picker, "create")));
  click (_hs_organisation_picker_get_field (picker, "create"));
  hs_test_drain ();
  g_assert_null (_hs_project_editor_get_picker (f->editor));
}

/* ---- fixture -------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsOrganisation) aalto = NULL;

  f->dir = g_dir_make_tmp ("hs-editor-XXXXXX", NULL);
  path = g_build_filename (f->dir, "portfolio.db", NULL);
  f->repo = HS_REPOSITORY (hs_sqlite_repository_open (path, HS_OPEN_CREATE, &error));
  g_assert_no_error (error);

  agreements = hs_repository_list_agreements (f->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agreements->len, >, 0);
  f->agreement_id = ((HsAgreement *) g_ptr_array_index (agreements, 0))->id;

  /* an organisation already known to the database */
  aalto = hs_organisation_new ("Aalto-yliopisto", "2228357-4", HS_ORG_UNIVERSITY);
  aalto->municipality = g_strdup ("Espoo");
  g_assert_true (hs_repository_save_organisation (f->repo, aalto, &error));
  g_assert_no_error (error);

  /* the project: what New Project in the main window creates */
  project = hs_project_new ("TEST-001");
  project->agreement_id = f->agreement_id;
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);
  f->project_id = project->id;

  f->editor = HS_PROJECT_EDITOR (hs_project_editor_new (f->repo, f->project_id));
  gtk_window_set_default_size (GTK_WINDOW (f->editor), 1240, 860);
  hs_project_editor_present (f->editor, NULL);
  hs_test_wait_for_draw (GTK_WIDGET (f->editor));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hs_test_close_portfolio (f->editor, &f->repo, &f->dir);
}

/* ---- cases -------------------------------------------------------------------------- */

static void save_shot (Fixture    *f,
                       const char *page,
                       const char *name);

static void
test_general (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  GtkWidget *start = field (f, "schedule/start");
  AdwComboRow *status = ADW_COMBO_ROW (field (f, "status"));
  guint n_statuses;

  /* a new project: nothing to budget until there is an implementer */
  save_shot (f, "budget", "editor-new");

  type_and_enter (field (f, "name-fi"), "Älykäs kaupunkiliikenne");
  type_and_enter (field (f, "name-en"), "Smart urban mobility");
  type_and_enter (field (f, "acronym"), "ÄLY");

  /* a date that does not exist is refused where it was typed */
  type_and_enter (start, "30.2.2024");
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  project = stored (f);
  g_assert_false (g_date_valid (&project->start_date));
  g_clear_pointer (&project, hs_project_free);

  type_and_enter (start, "1.3.2024");
  g_assert_false (gtk_widget_has_css_class (start, "error"));
  type_and_enter (field (f, "schedule/end"), "2026-02-28");
  /* what the field shows is read back unchanged when the focus leaves */
  gtk_widget_grab_focus (field (f, "name-fi"));
  hs_test_drain ();
  g_assert_false (gtk_widget_has_css_class (start, "error"));
  g_assert_false (gtk_widget_has_css_class (field (f, "schedule/end"), "error"));

  project = stored (f);
  g_assert_cmpstr (project->name_fi, ==, "Älykäs kaupunkiliikenne");
  g_assert_cmpstr (project->name_en, ==, "Smart urban mobility");
  g_assert_cmpstr (project->acronym, ==, "ÄLY");
  g_assert_cmpint (g_date_get_day (&project->start_date), ==, 1);
  g_assert_cmpint (g_date_get_month (&project->start_date), ==, 3);
  g_assert_cmpint (g_date_get_year (&project->end_date), ==, 2026);
  g_clear_pointer (&project, hs_project_free);

  /* Leaving a field stores it as Enter does. */
  gtk_widget_grab_focus (field (f, "name-sv"));
  gtk_editable_set_text (GTK_EDITABLE (field (f, "name-sv")), "Smart stadstrafik");
  gtk_widget_grab_focus (field (f, "acronym"));
  hs_test_drain ();
  project = stored (f);
  g_assert_cmpstr (project->name_sv, ==, "Smart stadstrafik");
  g_clear_pointer (&project, hs_project_free);

  /* a call of the agreement */
  g_test_message ("calls shown: %u", g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (field (f, "call")))));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "call")), 1);
  hs_test_drain ();
  project = stored (f);
  g_assert_cmpint (project->call_id, !=, 0);
  g_clear_pointer (&project, hs_project_free);

  /* Status: only allowed transitions are offered (draft → submitted | withdrawn). */
  n_statuses = g_list_model_get_n_items (adw_combo_row_get_model (status));
  g_assert_cmpuint (n_statuses, ==, 3);
  adw_combo_row_set_selected (status, 1);
  hs_test_drain ();
  project = stored (f);
  g_assert_cmpint (project->status, ==, HS_STATUS_SUBMITTED);
  g_assert_cmpuint (project->history->len, >=, 1);
  g_assert_cmpint (g_array_index (project->history, HsStatusChange, project->history->len - 1).status,
                   ==, HS_STATUS_SUBMITTED);
  g_clear_pointer (&project, hs_project_free);

  /* Ctrl+Z undoes the status change, and the editor shows the undone state. */
  activate_action (f, "editor.undo", NULL);
  project = stored (f);
  g_assert_cmpint (project->status, ==, HS_STATUS_DRAFT);
  g_assert_cmpstr (_hs_project_editor_get_project (f->editor)->code, ==, "TEST-001");
  g_assert_cmpint (_hs_project_editor_get_project (f->editor)->status, ==, HS_STATUS_DRAFT);
  g_clear_pointer (&project, hs_project_free);

  activate_action (f, "editor.undo", NULL);   /* the call */
  activate_action (f, "editor.undo", NULL);   /* the Swedish name */
  project = stored (f);
  g_assert_null (project->name_sv);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "name-sv"))), ==, "");
  g_clear_pointer (&project, hs_project_free);

  activate_action (f, "editor.redo", NULL);
  project = stored (f);
  g_assert_cmpstr (project->name_sv, ==, "Smart stadstrafik");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "name-sv"))), ==, "Smart stadstrafik");
  g_clear_pointer (&project, hs_project_free);

  /* The date picker: open it, pick a day, close it. */
  {
    GtkWidget *button = field (f, "schedule/end/button");
    GtkCalendar *calendar = GTK_CALENDAR (field (f, "schedule/end/calendar"));
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 6, 30, 12, 0, 0);

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    hs_test_drain ();
    gtk_calendar_select_day (calendar, day);
    hs_test_drain ();
    /* nothing stored while the calendar is open */
    project = stored (f);
    g_assert_cmpint (g_date_get_month (&project->end_date), ==, 2);
    g_clear_pointer (&project, hs_project_free);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    hs_test_drain ();
    project = stored (f);
    g_assert_cmpint (g_date_get_day (&project->end_date), ==, 30);
    g_assert_cmpint (g_date_get_month (&project->end_date), ==, 6);
    g_clear_pointer (&project, hs_project_free);

    /* the same day number in another month counts too */
    g_clear_pointer (&day, g_date_time_unref);
    day = g_date_time_new_local (2026, 9, 30, 12, 0, 0);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    hs_test_drain ();
    gtk_calendar_select_day (calendar, day);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    hs_test_drain ();
    project = stored (f);
    g_assert_cmpint (g_date_get_month (&project->end_date), ==, 9);
    g_clear_pointer (&project, hs_project_free);
  }

  /* A code another project has is refused next to the field. */
  {
    g_autoptr(HsProject) other = hs_project_new ("TEST-002");
    g_autoptr(GError) error = NULL;
    GtkWidget *code = field (f, "code");

    other->agreement_id = f->agreement_id;
    g_assert_true (hs_repository_save_project (f->repo, other, &error));
    g_assert_no_error (error);
    hs_test_drain ();
    type_and_enter (code, "TEST-002");
    g_assert_true (gtk_widget_has_css_class (code, "error"));
    project = stored (f);
    g_assert_cmpstr (project->code, ==, "TEST-001");
    g_clear_pointer (&project, hs_project_free);
    type_and_enter (code, "TEST-001");
    g_assert_false (gtk_widget_has_css_class (code, "error"));
  }
}

static void
test_implementers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  HsOrganisationPicker *picker;
  GtkWidget *business_id;
  GtkWidget *error_label;
  const HsImplementer *main_impl;
  const HsImplementer *partial;

  /* The Y-tunnus is checked as it is typed. */
  activate_action (f, "editor.add-implementer", NULL);
  picker = _hs_project_editor_get_picker (f->editor);
  g_assert_nonnull (picker);
  business_id = _hs_organisation_picker_get_field (picker, "business-id");
  error_label = _hs_organisation_picker_get_field (picker, "business-id-error");
  gtk_editable_set_text (GTK_EDITABLE (_hs_organisation_picker_get_field (picker, "name")), "Espoon kaupunki");
  gtk_editable_set_text (GTK_EDITABLE (business_id), "0101263-5");
  hs_test_drain ();
  g_assert_true (gtk_widget_has_css_class (business_id, "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "6"));
  g_assert_false (gtk_widget_get_sensitive (_hs_organisation_picker_get_field (picker, "create")));
  gtk_editable_set_text (GTK_EDITABLE (business_id), "0101263-6");
  hs_test_drain ();
  g_assert_false (gtk_widget_has_css_class (business_id, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_get_sensitive (_hs_organisation_picker_get_field (picker, "create")));
  click (_hs_organisation_picker_get_field (picker, "create"));
  hs_test_drain ();
  g_assert_null (_hs_project_editor_get_picker (f->editor));

  /* the second one from a search among the known organisations */
  add_existing_implementer (f, "aalto");

  project = stored (f);
  g_assert_cmpuint (project->implementers->len, ==, 2);
  main_impl = g_ptr_array_index (project->implementers, 0);
  partial = g_ptr_array_index (project->implementers, 1);
  g_assert_true (main_impl->is_main);
  g_assert_cmpstr (main_impl->organisation->name, ==, "Espoon kaupunki");
  g_assert_cmpstr (main_impl->organisation->business_id, ==, "0101263-6");
  g_assert_cmpint (main_impl->organisation->id, >, 0);
  g_assert_false (partial->is_main);
  g_assert_cmpstr (partial->organisation->name, ==, "Aalto-yliopisto");
  g_clear_pointer (&project, hs_project_free);

  /* the rows show them, each with a remove button */
  g_assert_nonnull (_hs_project_editor_get_field (f->editor, "implementers/1/remove"));
  g_assert_nonnull (_hs_project_editor_get_field (f->editor, "implementers/1/make-main"));
  g_assert_null (_hs_project_editor_get_field (f->editor, "implementers/0/make-main"));

  /* make the partial the main one: still exactly one main */
  g_signal_emit_by_name (_hs_project_editor_get_field (f->editor, "implementers/1/make-main"), "clicked");
  hs_test_drain ();
  project = stored (f);
  g_assert_false (((HsImplementer *) g_ptr_array_index (project->implementers, 0))->is_main);
  g_assert_true (((HsImplementer *) g_ptr_array_index (project->implementers, 1))->is_main);
  g_clear_pointer (&project, hs_project_free);
  activate_action (f, "editor.undo", NULL);

  /* remove, undo, redo */
  click (field (f, "implementers/1/remove"));
  hs_test_drain ();
  project = stored (f);
  g_assert_cmpuint (project->implementers->len, ==, 1);
  g_clear_pointer (&project, hs_project_free);

  activate_action (f, "editor.undo", NULL);
  project = stored (f);
  g_assert_cmpuint (project->implementers->len, ==, 2);
  g_assert_nonnull (_hs_project_editor_get_budget_grid (f->editor, 1));
  g_clear_pointer (&project, hs_project_free);

  activate_action (f, "editor.redo", NULL);
  project = stored (f);
  g_assert_cmpuint (project->implementers->len, ==, 1);
  g_assert_null (_hs_project_editor_get_budget_grid (f->editor, 1));
}

static void
test_budget_financing_findings (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  const HsImplementer *impl;
  HsBudgetGrid *grid;
  GtkWidget *flat_cell;
  GtkWidget *staff_2024;
  GtkWidget *eu_state;
  GtkListBoxRow *row;
  const HsFinding *finding = NULL;
  GPtrArray *findings;
  guint errors_over;

  type_and_enter (field (f, "schedule/start"), "1.1.2024");
  type_and_enter (field (f, "schedule/end"), "31.12.2025");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "call")), 1);
  hs_test_drain ();
  add_new_implementer (f, "Espoon kaupunki", "0101263-6");
  add_existing_implementer (f, "2228357");

  /* the grid has a column per year of the schedule */
  grid = _hs_project_editor_get_budget_grid (f->editor, 0);
  g_assert_nonnull (hs_budget_grid_get_cell (grid, HS_COST_STAFF, 2024));
  g_assert_nonnull (hs_budget_grid_get_cell (grid, HS_COST_STAFF, 2025));
  g_assert_null (hs_budget_grid_get_cell (grid, HS_COST_STAFF, 2026));

  /* Under flat-40 only staff costs are typed; the flat rate is derived. */
  flat_cell = hs_budget_grid_get_cell (grid, HS_COST_FLAT_RATE, 2024);
  g_assert_true (GTK_IS_LABEL (flat_cell));
  g_assert_false (gtk_widget_get_sensitive (flat_cell));
  g_assert_null (hs_budget_grid_get_cell (grid, HS_COST_TRAVEL, 2024));

  /* Amounts as people type them. */
  type_amount (f, "implementers/0/budget/2024/staff", "12 345,67");
  type_amount (f, "implementers/0/budget/2025/staff", "12345.67 €");
  type_amount (f, "implementers/1/budget/2024/staff", "50000");

  project = stored (f);
  impl = g_ptr_array_index (project->implementers, 0);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_STAFF, 2024), ==, 1234567);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_STAFF, 2025), ==, 1234567);
  /* 40 % of 12 345,67 € = 4 938,268 € → 4 938,27 € */
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2024), ==, 493827);
  g_clear_pointer (&project, hs_project_free);

  /* the derived row and the totals follow */
  grid = _hs_project_editor_get_budget_grid (f->editor, 0);
  assert_money_label (gtk_label_get_text (GTK_LABEL (hs_budget_grid_get_cell (grid, HS_COST_FLAT_RATE, 2024))), 493827);
  assert_money_label (total_text (f, 0, HS_COST_STAFF, 0), 2469134);
  assert_money_label (total_text (f, 0, HS_COST_FLAT_RATE, 0), 987654);
  assert_money_label (total_text (f, 0, -1, 2024), 1728394);
  assert_money_label (total_text (f, 0, -1, 0), 3456788);
  assert_money_label (total_text (f, 1, -1, 0), 7000000);

  /* the project's total on the Budget page: both implementers added up */
  {
    HsBudgetGrid *total = _hs_project_editor_get_budget_total (f->editor);

    g_assert_nonnull (total);
    assert_money_label (gtk_label_get_text (_hs_budget_grid_get_total (total, -1, 0)), 3456788 + 7000000);
    assert_money_label (gtk_label_get_text (_hs_budget_grid_get_total (total, HS_COST_STAFF, 0)), 2469134 + 5000000);
    assert_money_label (gtk_label_get_text (_hs_budget_grid_get_total (total, -1, 2025)), 1728394);
    assert_money_label (gtk_label_get_text (GTK_LABEL (hs_budget_grid_get_cell (total, HS_COST_STAFF, 2024))),
                        1234567 + 5000000);
    g_assert_false (HS_IS_AMOUNT_ENTRY (hs_budget_grid_get_cell (total, HS_COST_STAFF, 2024)));
  }

  /* What is not an amount is refused on the spot and not stored. */
  staff_2024 = field (f, "implementers/0/budget/2024/staff");
  gtk_widget_grab_focus (staff_2024);
  gtk_editable_set_text (GTK_EDITABLE (staff_2024), "12 34x");
  hs_test_drain ();
  g_assert_true (gtk_widget_has_css_class (staff_2024, "error"));
  g_assert_nonnull (hs_amount_entry_get_error_message (HS_AMOUNT_ENTRY (staff_2024)));
  press_enter (staff_2024);
  project = stored (f);
  g_assert_cmpint (hs_implementer_get_cost (g_ptr_array_index (project->implementers, 0), HS_COST_STAFF, 2024), ==, 1234567);
  g_clear_pointer (&project, hs_project_free);
  type_amount (f, "implementers/0/budget/2024/staff", "12 345,67");
  g_assert_false (gtk_widget_has_css_class (staff_2024, "error"));

  /* Financing that covers the costs and obeys the call: no findings. */
  type_amount (f, "implementers/0/financing/eu-state", "20 000");
  type_amount (f, "implementers/0/financing/city", "14 567,88");
  type_amount (f, "implementers/1/financing/eu-state", "42 000");
  type_amount (f, "implementers/1/financing/city", "28 000");
  g_assert_false (has_finding (f, "support-rate-over-limit"));
  g_assert_false (has_finding (f, "financing-mismatch"));
  {
    g_autofree char *zero = hs_money_format (0, hs_lang_current ());
    GtkLabel *remaining = _hs_financing_group_get_remaining (_hs_project_editor_get_financing_group (f->editor, 0));

    g_assert_cmpstr (gtk_label_get_text (remaining), ==, zero);
  }

  /* Push EU support over the limit: 20 000 → 23 000 (while city goes down). */
  type_amount (f, "implementers/0/financing/city", "11 567,88");
  type_amount (f, "implementers/0/financing/eu-state", "23 000");
  project = stored (f);
  g_assert_cmpint (hs_implementer_get_financing (g_ptr_array_index (project->implementers, 0), HS_SOURCE_EU_STATE), ==, 2300000);
  g_clear_pointer (&project, hs_project_free);

  /* total costs 104 567,88 €; EU and state 65 000,00 € = 62,2 % > 60,0 % */
  g_assert_true (has_finding (f, "support-rate-over-limit"));
  findings = _hs_project_editor_get_findings (f->editor);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((HsFinding *) g_ptr_array_index (findings, i))->code, "support-rate-over-limit"))
      finding = g_ptr_array_index (findings, i);
  g_assert_nonnull (finding);
  {
    g_autofree char *share = hs_share_format_beside (6500000, 10456788, 6000, TRUE, hs_lang_current ());
    g_autofree char *limit = hs_rate_format_limit (6000, hs_lang_current ());

    g_test_message ("finding: %s", finding->message);
    g_assert_nonnull (strstr (finding->message, share));
    g_assert_nonnull (strstr (finding->message, limit));
  }

  /* the project list marks the project with the errors the editor shows */
  errors_over = list_errors (f);
  g_assert_cmpuint (errors_over, >=, 1);
  g_assert_cmpuint (errors_over, ==, hs_findings_count_errors (_hs_project_editor_get_findings (f->editor)));

  /* the finding is in the list; activating it goes to the field */
  row = finding_row (f, "support-rate-over-limit");
  g_assert_nonnull (row);
  hs_project_editor_set_page (f->editor, "general");
  gtk_widget_grab_focus (field (f, "name-fi"));
  gtk_widget_activate (GTK_WIDGET (row));
  hs_test_drain ();
  eu_state = field (f, "implementers/0/financing/eu-state");
  g_assert_cmpstr (_hs_project_editor_get_page (f->editor), ==, "financing");
  g_assert_true (has_focus (f, eu_state));

  /* Fix it and see it go. */
  type_amount (f, "implementers/0/financing/eu-state", "20 000");
  type_amount (f, "implementers/0/financing/city", "14 567,88");
  g_assert_false (has_finding (f, "support-rate-over-limit"));
  g_assert_null (finding_row (f, "support-rate-over-limit"));
  g_assert_cmpuint (list_errors (f), ==, errors_over - 1);

  /* Undo brings the over-limit state back, redo fixes it again. */
  activate_action (f, "editor.undo", NULL);   /* city back to 11 567,88 */
  activate_action (f, "editor.undo", NULL);   /* EU back to 23 000 */
  project = stored (f);
  g_assert_cmpint (hs_implementer_get_financing (g_ptr_array_index (project->implementers, 0), HS_SOURCE_EU_STATE), ==, 2300000);
  g_clear_pointer (&project, hs_project_free);
  g_assert_true (has_finding (f, "support-rate-over-limit"));
  g_assert_nonnull (finding_row (f, "support-rate-over-limit"));
  g_assert_cmpint (_hs_amount_entry_get_amount (HS_AMOUNT_ENTRY (field (f, "implementers/0/financing/eu-state"))), ==, 2300000);

  activate_action (f, "editor.redo", NULL);
  activate_action (f, "editor.redo", NULL);
  project = stored (f);
  g_assert_cmpint (hs_implementer_get_financing (g_ptr_array_index (project->implementers, 0), HS_SOURCE_EU_STATE), ==, 2000000);
  g_assert_false (has_finding (f, "support-rate-over-limit"));
  g_clear_pointer (&project, hs_project_free);

  /* The cost model decides the rows: itemised real costs have no flat
   * rate, and travel can be typed. The call allows only the flat rate. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "cost-model")), HS_COST_MODEL_REAL);
  hs_test_drain ();
  project = stored (f);
  g_assert_cmpint (project->cost_model, ==, HS_COST_MODEL_REAL);
  g_assert_cmpint (hs_implementer_get_cost (g_ptr_array_index (project->implementers, 0), HS_COST_FLAT_RATE, 2024), ==, 0);
  g_clear_pointer (&project, hs_project_free);
  grid = _hs_project_editor_get_budget_grid (f->editor, 0);
  g_assert_null (hs_budget_grid_get_cell (grid, HS_COST_FLAT_RATE, 2024));
  g_assert_true (HS_IS_AMOUNT_ENTRY (hs_budget_grid_get_cell (grid, HS_COST_TRAVEL, 2024)));
  g_assert_true (has_finding (f, "cost-model-not-allowed"));
  activate_action (f, "editor.undo", NULL);
  grid = _hs_project_editor_get_budget_grid (f->editor, 0);
  g_assert_true (GTK_IS_LABEL (hs_budget_grid_get_cell (grid, HS_COST_FLAT_RATE, 2024)));
  g_assert_false (has_finding (f, "cost-model-not-allowed"));

  /* Undo reaches the budget too: nine steps back (eight financing edits)
   * is the partial implementer's staff cost, and its totals follow. */
  g_clear_pointer (&project, hs_project_free);
  for (int i = 0; i < 9; i++)
    activate_action (f, "editor.undo", NULL);
  project = stored (f);
  g_assert_cmpint (hs_implementer_get_cost (g_ptr_array_index (project->implementers, 1), HS_COST_STAFF, 2024), ==, 0);
  assert_money_label (total_text (f, 1, -1, 0), 0);
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  GtkWidget *target = field (f, "new-indicator-target");

  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "new-indicator")), 0);
  type_and_enter (target, "12");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "new-indicator")), 14);
  type_and_enter (target, "1 500");

  project = stored (f);
  g_assert_cmpuint (project->indicators->len, ==, 2);
  g_assert_cmpstr (g_array_index (project->indicators, HsIndicator, 0).code, ==, "RCO01");
  g_assert_cmpint (g_array_index (project->indicators, HsIndicator, 0).target, ==, 12);
  g_assert_cmpstr (g_array_index (project->indicators, HsIndicator, 1).code, ==, "RCR01");
  g_assert_cmpint (g_array_index (project->indicators, HsIndicator, 1).target, ==, 1500);
  g_clear_pointer (&project, hs_project_free);

  type_and_enter (field (f, "indicators/0/target"), "15");
  type_and_enter (field (f, "indicators/1/target"), "many");
  g_assert_true (gtk_widget_has_css_class (field (f, "indicators/1/target"), "error"));
  project = stored (f);
  g_assert_cmpint (g_array_index (project->indicators, HsIndicator, 0).target, ==, 15);
  g_assert_cmpint (g_array_index (project->indicators, HsIndicator, 1).target, ==, 1500);
  g_clear_pointer (&project, hs_project_free);

  /* its Remove button, clicked */
  g_signal_emit_by_name (field (f, "indicators/0/remove"), "clicked");
  hs_test_drain ();
  project = stored (f);
  g_assert_cmpuint (project->indicators->len, ==, 1);
}

/* Closing the editor stores what is being typed in a page's field, as
 * leaving the field would: an indicator's target, and a name. */
static void
test_close_commits_typing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  GtkWidget *target;
  GtkWidget *name;
  gboolean handled = FALSE;

  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "new-indicator")), 0);
  type_and_enter (field (f, "new-indicator-target"), "12");
  hs_project_editor_set_page (f->editor, "indicators");
  target = field (f, "indicators/0/target");
  hs_test_wait_mapped (target);
  gtk_widget_grab_focus (target);
  gtk_editable_set_text (GTK_EDITABLE (target), "34");
  g_signal_emit_by_name (f->editor, "close-request", &handled);
  hs_test_drain ();
  project = stored (f);
  g_assert_cmpint (g_array_index (project->indicators, HsIndicator, 0).target, ==, 34);
  g_clear_pointer (&project, hs_project_free);

  hs_project_editor_set_page (f->editor, "general");
  name = field (f, "name-en");
  hs_test_wait_mapped (name);
  gtk_widget_grab_focus (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Typed, not left");
  g_signal_emit_by_name (f->editor, "close-request", &handled);
  hs_test_drain ();
  project = stored (f);
  g_assert_cmpstr (project->name_en, ==, "Typed, not left");
}

static void
collect_inputs (GtkWidget *widget,
                GPtrArray *out)
{
  /* libadwaita's own toasts are not ours to name */
  if (!gtk_widget_get_visible (widget) || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    return;
  /* entries and buttons that are not inside a row that names them */
  if ((GTK_IS_ENTRY (widget) || GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) == NULL &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) == NULL &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER_BAR) == NULL &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) == NULL)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_inputs (child, out);
}

/* Every input can be reached with the keyboard and has a name. */
static void
test_accessible_fields (Fixture       *f,
                        gconstpointer  data)
{
  const char *paths[] = {
    "name-fi", "name-sv", "name-en", "acronym", "code", "agreement", "focus-area", "call",
    "cost-model", "schedule/start", "schedule/end", "status",
    "implementers/0/budget/2024/staff", "implementers/0/financing/eu-state",
    "implementers/0/financing/city", "implementers/0/remove", "new-indicator", "new-indicator-target",
  };
  const char *tab_order[] = {
    "implementers/0/budget/2024/staff", "implementers/0/budget/2025/staff",
    "implementers/1/budget/2024/staff", "implementers/1/budget/2025/staff",
  };
  g_autoptr(GPtrArray) inputs = g_ptr_array_new ();

  type_and_enter (field (f, "schedule/start"), "1.1.2024");
  type_and_enter (field (f, "schedule/end"), "31.12.2025");
  add_new_implementer (f, "Espoon kaupunki", "0101263-6");
  add_existing_implementer (f, "aalto");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GtkWidget *widget = field (f, paths[i]);

      g_test_message ("field %s", paths[i]);
      g_assert_true (hs_project_editor_focus_field (f->editor, paths[i]));
      hs_test_drain ();
      g_assert_true (has_focus (f, widget));
    }

  /* Tab walks the budget grid cell by cell, then on to the next grid. */
  g_assert_true (hs_project_editor_focus_field (f->editor, tab_order[0]));
  hs_test_drain ();
  for (guint i = 1; i < G_N_ELEMENTS (tab_order); i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD));
      hs_test_drain ();
      g_test_message ("tab to %s", tab_order[i]);
      g_assert_true (has_focus (f, field (f, tab_order[i])));
    }

  /* Every entry and button on every page (the stack keeps them all) has an
   * accessible name; the rows name the entry rows and combo rows by their
   * titles. */
  collect_inputs (GTK_WIDGET (f->editor), inputs);
  g_test_message ("%u inputs to check", inputs->len);
  g_assert_cmpuint (inputs->len, >=, 20);
  for (guint i = 0; i < inputs->len; i++)
    {
      GtkWidget *input = g_ptr_array_index (inputs, i);
      gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                       gtk_test_accessible_has_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
                       (GTK_IS_BUTTON (input) && gtk_button_get_label (GTK_BUTTON (input)) != NULL);

      if (!named)
        g_error ("An unnamed %s in a %s", G_OBJECT_TYPE_NAME (input),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (input)));
    }
}

/* Tab out of a budget cell, the way the freeze was met: a new partial
 * implementer's grid, a cell mistyped as "25 00", Tab. The cell keeps its
 * text and says why, focus moves on, nothing is stored, and the totals do
 * not count the old amount as if it were what the cell shows. From the last
 * cell of the last grid, Tab goes into the findings, which the commit
 * rebuilds: GTK's focus walk once looped for ever on a row removed under
 * it (criticals are fatal here, so the loop fails the test at once). */
static void
test_invalid_cell_tab (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  GtkWidget *cell;
  GtkWidget *next;
  GtkWidget *last;
  GtkWidget *focus;

  type_and_enter (field (f, "schedule/start"), "1.1.2024");
  type_and_enter (field (f, "schedule/end"), "31.12.2026");
  add_new_implementer (f, "Espoon kaupunki", "0101263-6");
  type_amount (f, "implementers/0/budget/2024/staff", "50 000");
  add_existing_implementer (f, "aalto");
  hs_project_editor_set_page (f->editor, "budget");
  hs_test_drain ();

  type_amount (f, "implementers/1/budget/2024/staff", "25 000");
  type_amount (f, "implementers/1/budget/2025/staff", "50 000");
  assert_money_label (total_text (f, 1, HS_COST_STAFF, 0), 7500000);

  cell = field (f, "implementers/1/budget/2024/staff");
  next = field (f, "implementers/1/budget/2025/staff");
  g_assert_true (hs_project_editor_focus_field (f->editor, "implementers/1/budget/2024/staff"));
  hs_test_drain ();
  gtk_editable_set_text (GTK_EDITABLE (cell), "25 00");
  hs_test_drain ();
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD));
  hs_test_drain ();

  /* the same cell, with its text and its reason; focus went on */
  g_assert_true (cell == field (f, "implementers/1/budget/2024/staff"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "25 00");
  g_assert_nonnull (hs_amount_entry_get_error_message (HS_AMOUNT_ENTRY (cell)));
  g_assert_true (has_focus (f, next));
  project = stored (f);
  g_assert_cmpint (hs_implementer_get_cost (g_ptr_array_index (project->implementers, 1), HS_COST_STAFF, 2024), ==, 2500000);
  g_clear_pointer (&project, hs_project_free);

  /* "25 00" is not 25 000: the totals it is part of are not known */
  g_assert_cmpstr (total_text (f, 1, HS_COST_STAFF, 0), ==, "—");
  g_assert_cmpstr (total_text (f, 1, -1, 2024), ==, "—");
  g_assert_cmpstr (total_text (f, 1, -1, 0), ==, "—");
  /* the other year is still right: 50 000 + 40 % */
  assert_money_label (total_text (f, 1, -1, 2025), 7000000);

  /* typing it right brings them back */
  type_amount (f, "implementers/1/budget/2024/staff", "25 500");
  assert_money_label (total_text (f, 1, HS_COST_STAFF, 0), 7550000);
  assert_money_label (total_text (f, 1, -1, 0), 10570000);

  /* The last cell of the last grid: mistyped, then right, each time Tab
   * into the findings while the commit rebuilds them. */
  last = field (f, "implementers/1/budget/2026/staff");
  for (guint i = 0; i < 3; i++)
    {
      const char *texts[] = { "25 00", "12 000", "13 000" };

      g_test_message ("Tab from the last cell with %s", texts[i]);
      g_assert_true (hs_project_editor_focus_field (f->editor, "implementers/1/budget/2026/staff"));
      hs_test_drain ();
      gtk_editable_set_text (GTK_EDITABLE (last), texts[i]);
      hs_test_drain ();
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD));
      hs_test_drain ();
      focus = gtk_root_get_focus (GTK_ROOT (f->editor));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (_hs_findings_panel_get_list (_hs_project_editor_get_findings_panel (f->editor)))));
    }
  project = stored (f);
  g_assert_cmpint (hs_implementer_get_cost (g_ptr_array_index (project->implementers, 1), HS_COST_STAFF, 2026), ==, 1300000);
}

/* Tab from one financing amount lands in the next amount's entry, not on
 * its row (where a typed space activated the row and the digits before it
 * were lost): "69 827,16" typed after one Tab is stored whole. */
static void
test_financing_tab (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  GtkWidget *city;

  type_and_enter (field (f, "schedule/start"), "1.1.2024");
  type_and_enter (field (f, "schedule/end"), "31.12.2024");
  add_new_implementer (f, "Espoon kaupunki", "0101263-6");
  type_amount (f, "implementers/0/budget/2024/staff", "100 000");

  g_assert_true (hs_project_editor_focus_field (f->editor, "implementers/0/financing/eu-state"));
  hs_test_drain ();
  gtk_editable_set_text (GTK_EDITABLE (field (f, "implementers/0/financing/eu-state")), "84 000");
  /* the cells in reading order: the source's amount not by year, its
   * years, then the next source */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD));
  hs_test_drain ();
  g_assert_true (has_focus (f, field (f, "implementers/0/financing/eu-state/2024")));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD));
  hs_test_drain ();
  city = field (f, "implementers/0/financing/city");
  g_assert_true (has_focus (f, city));
  gtk_editable_set_text (GTK_EDITABLE (city), "69 827,16");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD));
  hs_test_drain ();
  g_assert_true (has_focus (f, field (f, "implementers/0/financing/city/2024")));

  project = stored (f);
  g_assert_cmpint (hs_implementer_get_financing (g_ptr_array_index (project->implementers, 0), HS_SOURCE_EU_STATE), ==, 8400000);
  g_assert_cmpint (hs_implementer_get_financing (g_ptr_array_index (project->implementers, 0), HS_SOURCE_CITY), ==, 6982716);

  /* Every cell is named by its implementer, source and year. */
  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      HsFinancingGroup *group = _hs_project_editor_get_financing_group (f->editor, 0);
      g_autofree char *whole = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s: %s, not by year"),
                                                "Espoon kaupunki", hs_source_label (s));
      g_autofree char *year = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s: %s, %d"),
                                               "Espoon kaupunki", hs_source_label (s), 2024);

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (hs_financing_group_get_entry (group, s)),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, whole);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (hs_financing_group_get_year_entry (group, s, 2024)),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, year);
      g_assert_null (hs_financing_group_get_year_entry (group, s, 2025));
    }
}

/* The city's yearly appropriation: typed per year in the city's row of the
 * financing grid (with the keyboard: Tab from one year to the next), the
 * source's total follows, the editor stores a line per year, and a new
 * editor on the stored project shows the years again. */
static void
test_yearly_financing (Fixture       *f,
                       gconstpointer  data)
{
  HsLang lang = hs_lang_current ();
  g_autoptr(HsProject) project = NULL;
  HsFinancingGroup *group;
  const HsImplementer *impl;
  GtkWidget *city_2024, *city_2025;

  type_and_enter (field (f, "schedule/start"), "1.1.2024");
  type_and_enter (field (f, "schedule/end"), "31.12.2025");
  add_new_implementer (f, "Helsingin kaupunki", "0201256-6");
  type_amount (f, "implementers/0/budget/2024/staff", "100 000");
  type_amount (f, "implementers/0/budget/2025/staff", "100 000");
  hs_project_editor_set_page (f->editor, "financing");
  type_amount (f, "implementers/0/financing/eu-state", "168 000");

  city_2024 = field (f, "implementers/0/financing/city/2024");
  city_2025 = field (f, "implementers/0/financing/city/2025");
  g_assert_true (hs_project_editor_focus_field (f->editor, "implementers/0/financing/city/2024"));
  hs_test_drain ();
  g_assert_true (has_focus (f, city_2024));
  gtk_editable_set_text (GTK_EDITABLE (city_2024), "40 000");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD));
  hs_test_drain ();
  g_assert_true (has_focus (f, city_2025));
  gtk_editable_set_text (GTK_EDITABLE (city_2025), "44 800");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD));
  hs_test_drain ();

  /* stored per year, nothing undivided */
  project = stored (f);
  impl = g_ptr_array_index (project->implementers, 0);
  g_assert_cmpint (hs_implementer_get_financing_year (impl, HS_SOURCE_CITY, 2024), ==, 4000000);
  g_assert_cmpint (hs_implementer_get_financing_year (impl, HS_SOURCE_CITY, 2025), ==, 4480000);
  g_assert_cmpint (hs_implementer_get_financing_year (impl, HS_SOURCE_CITY, 0), ==, 0);
  g_assert_cmpint (hs_implementer_get_financing (impl, HS_SOURCE_CITY), ==, 8480000);
  g_assert_cmpint (hs_implementer_get_financing (impl, HS_SOURCE_EU_STATE), ==, 16800000);
  g_clear_pointer (&project, hs_project_free);

  /* the totals follow: the city's, the year's, what remains (280 000 −
   * 168 000 − 84 800) */
  group = _hs_project_editor_get_financing_group (f->editor, 0);
  {
    g_autofree char *city = hs_money_format_plain (8480000, lang);
    g_autofree char *year = hs_money_format_plain (4000000, lang);
    g_autofree char *remaining = hs_money_format (2720000, lang);

    g_assert_cmpstr (gtk_label_get_text (_hs_financing_group_get_total (group, HS_SOURCE_CITY, 0)), ==, city);
    g_assert_cmpstr (gtk_label_get_text (_hs_financing_group_get_total (group, -1, 2024)), ==, year);
    g_assert_cmpstr (gtk_label_get_text (_hs_financing_group_get_remaining (group)), ==, remaining);
  }
  g_assert_false (has_finding (f, "financing-split-and-total"));
  g_assert_false (has_finding (f, "financing-year-outside-schedule"));
  /* the whole project's summary shows the city's money by year */
  {
    HsFinancingPage *page = HS_FINANCING_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (group), HS_TYPE_FINANCING_PAGE));
    AdwActionRow *row = _hs_financing_page_get_city_years (page);
    g_autofree char *first = hs_money_format (4000000, lang);
    g_autofree char *second = hs_money_format (4480000, lang);
    g_autofree char *expected = g_strdup_printf ("2024: %s · 2025: %s", first, second);

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);
  }

  /* an undivided amount beside the years is a finding, and clearing it
   * takes the finding away */
  type_amount (f, "implementers/0/financing/city", "27 200");
  g_assert_true (has_finding (f, "financing-split-and-total"));
  type_amount (f, "implementers/0/financing/city", "");
  g_assert_false (has_finding (f, "financing-split-and-total"));

  /* reopened: the years come back from the database */
  gtk_window_destroy (GTK_WINDOW (f->editor));
  hs_test_drain ();
  f->editor = HS_PROJECT_EDITOR (hs_project_editor_new (f->repo, f->project_id));
  hs_project_editor_present (f->editor, NULL);
  hs_test_wait_for_draw (GTK_WIDGET (f->editor));
  hs_project_editor_set_page (f->editor, "financing");
  hs_test_wait_for_draw (GTK_WIDGET (f->editor));
  g_assert_cmpint (_hs_amount_entry_get_amount (HS_AMOUNT_ENTRY (field (f, "implementers/0/financing/city/2024"))),
                   ==, 4000000);
  g_assert_cmpint (_hs_amount_entry_get_amount (HS_AMOUNT_ENTRY (field (f, "implementers/0/financing/city/2025"))),
                   ==, 4480000);
  g_assert_cmpint (_hs_amount_entry_get_amount (HS_AMOUNT_ENTRY (field (f, "implementers/0/financing/city"))),
                   ==, 0);
  {
    g_autofree char *city = hs_money_format_plain (8480000, lang);
    group = _hs_project_editor_get_financing_group (f->editor, 0);
    g_assert_cmpstr (gtk_label_get_text (_hs_financing_group_get_total (group, HS_SOURCE_CITY, 0)), ==, city);
  }

  /* what it looks like, at the default size and at 800×600 */
  save_shot (f, "financing", "editor-financing-yearly");
  gtk_window_set_default_size (GTK_WINDOW (f->editor), 800, 600);
  hs_test_wait_for_draw (GTK_WIDGET (f->editor));
  save_shot (f, "financing", "editor-financing-yearly-800x600");
}

static gboolean
text_is (gpointer data)
{
  const char *const *pair = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (pair[0])), pair[1]) == 0;
}

static void
wait_text (GtkWidget  *widget,
           const char *text)
{
  const char *pair[] = { (const char *) widget, text };

  hs_test_wait_until (text_is, pair, text);
}

/* Ctrl+Z, pressed for real: inside a field right after typing it undoes
 * the typing, in a text row and in an amount; outside a text field it
 * undoes the last stored action. */
static void
test_undo_typing (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  GtkWidget *name;
  GtkWidget *amount;

  type_and_enter (field (f, "schedule/start"), "1.1.2024");
  type_and_enter (field (f, "schedule/end"), "31.12.2024");
  add_new_implementer (f, "Espoon kaupunki", "0101263-6");
  type_and_enter (field (f, "name-fi"), "Vanha nimi");

  /* a text row */
  name = field (f, "name-fi");
  hs_project_editor_set_page (f->editor, "general");
  g_assert_true (hs_project_editor_focus_field (f->editor, "name-fi"));
  hs_test_drain ();
  gtk_editable_set_position (GTK_EDITABLE (name), -1);
  hs_test_send_keys (name, "type", " X");
  wait_text (name, "Vanha nimi X");
  hs_test_send_keys (name, "key", "ctrl+z");
  wait_text (name, "Vanha nimi");
  project = stored (f);
  g_assert_cmpstr (project->name_fi, ==, "Vanha nimi");
  g_assert_cmpuint (project->implementers->len, ==, 1);
  g_clear_pointer (&project, hs_project_free);

  /* an amount */
  hs_project_editor_set_page (f->editor, "budget");
  g_assert_true (hs_project_editor_focus_field (f->editor, "implementers/0/budget/2024/staff"));
  hs_test_drain ();
  amount = field (f, "implementers/0/budget/2024/staff");
  hs_test_send_keys (amount, "type", "1200");
  wait_text (amount, "1200");
  hs_test_send_keys (amount, "key", "ctrl+z");
  wait_text (amount, "");
  g_assert_true (has_focus (f, amount));

  /* outside a text field Ctrl+Z undoes the last stored action (the name) */
  hs_project_editor_set_page (f->editor, "general");
  g_assert_true (hs_project_editor_focus_field (f->editor, "call"));
  hs_test_drain ();
  hs_test_send_keys (field (f, "call"), "key", "ctrl+z");
  project = stored (f);
  g_assert_cmpstr (project->name_fi, !=, "Vanha nimi");
  g_assert_cmpuint (project->implementers->len, ==, 1);
}

static void save_shot (Fixture *f, const char *page, const char *name);

/* How far past what is seen @widget's right edge is (<= 0: seen), in its
 * scrolled window and left of the findings pane when that is beside the
 * content; with @scrolling, counting what scrolling sideways can bring. */
static double
overhang (Fixture   *f,
          GtkWidget *widget,
          gboolean   scrolling)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  AdwFlap *flap = ADW_FLAP (gtk_widget_get_ancestor (widget, ADW_TYPE_FLAP));
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds, view, pane;
  double right, limit;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->editor), &bounds));
  g_assert_true (gtk_widget_compute_bounds (scrolled, GTK_WIDGET (f->editor), &view));
  right = bounds.origin.x + bounds.size.width;
  if (scrolling)
    right -= gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h) - gtk_adjustment_get_value (h);
  limit = view.origin.x + view.size.width;
  if (adw_flap_get_reveal_flap (flap) && !adw_flap_get_folded (flap))
    {
      g_assert_true (gtk_widget_compute_bounds (adw_flap_get_flap (flap), GTK_WIDGET (f->editor), &pane));
      limit = MIN (limit, pane.origin.x);
    }
  return right - limit;
}

/* Five years and two implementers, in English and Finnish. At 1280×800
 * every year and the total column are seen beside the findings; at the
 * editor's own size and at 800×600 the page scrolls sideways (with a
 * scroll bar that stays), and going to the last year's cell, as
 * activating its finding does, brings it into view. */
static void
test_budget_fits (Fixture       *f,
                  gconstpointer  data)
{
  const int sizes[][2] = { { 1280, 800 }, { 1100, 760 }, { 800, 600 } };

  type_and_enter (field (f, "schedule/start"), "1.1.2024");
  type_and_enter (field (f, "schedule/end"), "31.12.2028");
  add_new_implementer (f, "Espoon kaupunki", "0101263-6");
  add_existing_implementer (f, "aalto");
  type_amount (f, "implementers/0/budget/2028/staff", "1 234 567,89");
  type_amount (f, "implementers/1/budget/2024/staff", "987 654,32");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *shot = g_strdup_printf ("editor-budget-5y-%d", sizes[i][0]);
      HsBudgetGrid *grid = _hs_project_editor_get_budget_grid (f->editor, 1);
      GtkWidget *last = hs_budget_grid_get_cell (grid, HS_COST_STAFF, 2028);
      GtkWidget *total = GTK_WIDGET (_hs_budget_grid_get_total (grid, -1, 0));
      GtkWidget *scrolled = gtk_widget_get_ancestor (last, GTK_TYPE_SCROLLED_WINDOW);

      hs_project_editor_set_page (f->editor, "general");
      gtk_window_set_default_size (GTK_WINDOW (f->editor), sizes[i][0], sizes[i][1]);
      hs_test_wait_for_draw (GTK_WIDGET (f->editor));
      hs_project_editor_set_page (f->editor, "budget");
      hs_test_wait_for_draw (GTK_WIDGET (f->editor));
      save_shot (f, "budget", shot);
      g_test_message ("%d×%d: total %+.0f, 2028 %+.0f", sizes[i][0], sizes[i][1],
                      overhang (f, total, FALSE), overhang (f, last, FALSE));

      g_assert_false (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled)));
      if (sizes[i][0] >= 1280)
        {
          g_assert_cmpfloat (overhang (f, total, FALSE), <=, 0.5);
          g_assert_cmpfloat (overhang (f, last, FALSE), <=, 0.5);
          continue;
        }
      g_assert_cmpfloat (overhang (f, total, TRUE), <=, 0.5);
      g_assert_true (hs_project_editor_focus_field (f->editor, "implementers/1/budget/2028/staff"));
      hs_test_wait_for_draw (GTK_WIDGET (f->editor));
      g_assert_true (has_focus (f, last));
      g_assert_cmpfloat (overhang (f, last, FALSE), <=, 0.5);
    }
}

/* The financing grid of four years (2024–2027: the agreements end at the
 * end of 2027) and two implementers, in English and Finnish: at 1280×800
 * every year and the total column are seen beside the findings; at 800×600
 * the page scrolls sideways, and going to the last year's cell brings it
 * into view. */
static void
test_financing_fits (Fixture       *f,
                     gconstpointer  data)
{
  const int sizes[][2] = { { 1280, 800 }, { 800, 600 } };

  type_and_enter (field (f, "schedule/start"), "1.1.2024");
  type_and_enter (field (f, "schedule/end"), "31.12.2027");
  add_new_implementer (f, "Espoon kaupunki", "0101263-6");
  add_existing_implementer (f, "aalto");
  type_amount (f, "implementers/0/budget/2027/staff", "1 234 567,89");
  type_amount (f, "implementers/1/budget/2024/staff", "987 654,32");
  type_amount (f, "implementers/1/financing/city/2027", "1 234 567,89");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *shot = g_strdup_printf ("editor-financing-4y-%d", sizes[i][0]);
      HsFinancingGroup *group = _hs_project_editor_get_financing_group (f->editor, 1);
      GtkWidget *last = hs_financing_group_get_year_entry (group, HS_SOURCE_CITY, 2027);
      GtkWidget *total = GTK_WIDGET (_hs_financing_group_get_total (group, -1, 0));
      GtkWidget *scrolled = gtk_widget_get_ancestor (last, GTK_TYPE_SCROLLED_WINDOW);

      hs_project_editor_set_page (f->editor, "general");
      gtk_window_set_default_size (GTK_WINDOW (f->editor), sizes[i][0], sizes[i][1]);
      hs_test_wait_for_draw (GTK_WIDGET (f->editor));
      hs_project_editor_set_page (f->editor, "financing");
      hs_test_wait_for_draw (GTK_WIDGET (f->editor));
      save_shot (f, "financing", shot);
      g_test_message ("%d×%d: total %+.0f, 2027 %+.0f", sizes[i][0], sizes[i][1],
                      overhang (f, total, FALSE), overhang (f, last, FALSE));

      g_assert_false (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled)));
      if (sizes[i][0] >= 1280)
        {
          g_assert_cmpfloat (overhang (f, total, FALSE), <=, 0.5);
          g_assert_cmpfloat (overhang (f, last, FALSE), <=, 0.5);
          continue;
        }
      g_assert_cmpfloat (overhang (f, total, TRUE), <=, 0.5);
      g_assert_true (hs_project_editor_focus_field (f->editor, "implementers/1/financing/city/2027"));
      hs_test_wait_for_draw (GTK_WIDGET (f->editor));
      g_assert_true (has_focus (f, last));
      g_assert_cmpfloat (overhang (f, last, FALSE), <=, 0.5);
    }
}

static gboolean
picker_gone (gpointer data)
{
  return _hs_project_editor_get_picker (((Fixture *) data)->editor) == NULL;
}

static gboolean
editor_hidden (gpointer data)
{
  Fixture *f = data;

  return f->editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (f->editor));
}

/* Esc, pressed for real, closes Add Implementer and then the editor; what
 * was typed in a field is kept. */
static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  HsOrganisationPicker *picker;
  GtkWidget *acronym;

  activate_action (f, "editor.add-implementer", NULL);
  picker = _hs_project_editor_get_picker (f->editor);
  g_assert_nonnull (picker);
  hs_test_wait_for_draw (GTK_WIDGET (picker));
  hs_test_send_keys (GTK_WIDGET (picker), "key", "Escape");
  hs_test_wait_until (picker_gone, f, "Add Implementer to close on Esc");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor)));

  acronym = field (f, "acronym");
  g_assert_true (hs_project_editor_focus_field (f->editor, "acronym"));
  hs_test_drain ();
  hs_test_send_keys (acronym, "type", "ESC");
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  hs_test_send_keys (acronym, "key", "Escape");
  hs_test_wait_until (editor_hidden, f, "the editor to close on Esc");
  project = stored (f);
  g_assert_cmpstr (project->acronym, ==, "ESC");
}

/* The project summary: typed in its field, Tab goes on and the text is
 * stored; a fresh editor shows it; Ctrl+Z undoes the edit. */
static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HsProject) project = NULL;
  GtkWidget *view = field (f, "summary");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       g_dgettext (GETTEXT_PACKAGE, "Summary"));
  g_assert_true (hs_project_editor_focus_field (f->editor, "summary"));
  hs_test_drain ();
  hs_test_send_keys (view, "type", "Testbed for smart mobility.");
  hs_test_send_keys (view, "key", "Return");
  hs_test_send_keys (view, "type", "Second line.");
  hs_test_send_keys (view, "key", "Tab");
  g_assert_false (has_focus (f, view));
  project = stored (f);
  g_assert_cmpstr (project->summary, ==, "Testbed for smart mobility.\nSecond line.");
  g_clear_pointer (&project, hs_project_free);

  /* undone as a stored action, the field follows */
  activate_action (f, "editor.undo", NULL);
  project = stored (f);
  g_assert_null (project->summary);
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
  }
}

static GtkLabel *
find_label_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with_text (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *row;
  const char *text;
  GtkLabel   *label;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *w = data;
  GtkPopover *popover = hs_test_find_child (w->row, GTK_TYPE_POPOVER);

  w->label = popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover))
             ? find_label_with_text (GTK_WIDGET (popover), w->text) : NULL;
  return w->label != NULL && gtk_widget_get_mapped (GTK_WIDGET (w->label)) &&
         gtk_widget_get_width (GTK_WIDGET (w->label)) > 0;
}

/* The focus-area list shows the longest focus area's name whole. */
static void
test_choices_not_clipped (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = hs_repository_list_focus_areas (f->repo, 0, &error);
  g_autoptr(HsProject) project = stored (f);
  const HsFocusArea *longest = NULL;
  LabelWait wait = { 0, };

  g_assert_no_error (error);
  for (guint i = 0; i < areas->len; i++)
    {
      const HsFocusArea *fa = g_ptr_array_index (areas, i);
      if (longest == NULL || g_utf8_strlen (fa->name, -1) > g_utf8_strlen (longest->name, -1))
        longest = fa;
    }
  g_assert_nonnull (longest);
  g_test_message ("longest focus area: %s", longest->name);
  g_assert_cmpint (g_utf8_strlen (longest->name, -1), >, 40);

  project->agreement_id = longest->agreement_id;
  project->focus_area_id = longest->id;
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);
  hs_test_drain ();

  wait.row = field (f, "focus-area");
  wait.text = longest->name;
  gtk_widget_activate (wait.row);
  hs_test_wait_until (label_shown, &wait, "the focus-area list to show the longest name");
  save_shot (f, "general", "editor-focus-areas");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (wait.label)));
  /* closed again: an open popover keeps the keyboard */
  gtk_popover_popdown (hs_test_find_child (wait.row, GTK_TYPE_POPOVER));
  hs_test_drain ();
}

/* Ctrl+E offers to save this project's application as a PDF, named after
 * its code (the main window's menu has the same for the selected project). */
static void
test_export_application (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *chooser;
  g_autofree char *name = NULL;

  hs_test_send_keys (GTK_WIDGET (f->editor), "key", "ctrl+e");
  hs_test_wait_file_chooser (TRUE);
  chooser = hs_test_find_file_chooser ();
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "hankesalkku-application-test-001.pdf");
  /* as Cancel does; and nothing of it is left to take the keyboard from
   * the tests after this one */
  g_object_ref (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  hs_test_wait_file_chooser (FALSE);
  gtk_window_destroy (GTK_WINDOW (chooser));
  g_object_unref (chooser);
  hs_test_drain ();
}

static void
save_shot (Fixture    *f,
           const char *page,
           const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, language);

  hs_project_editor_set_page (f->editor, page);
  hs_test_save_png (GTK_WIDGET (f->editor), file);
}

/* A realistic project, stored the way the editor stores it, then shown in a
 * fresh editor (no toasts) and rendered page by page. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = stored (f);
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (f->repo, f->agreement_id, &error);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (f->repo, f->agreement_id, &error);
  HsImplementer *espoo, *aalto, *forum;
  HsIndicator indicator;
  HsStatusChange change;

  g_assert_no_error (error);
  g_free (project->name_fi);
  project->name_fi = g_strdup ("Älykkään liikkumisen testialusta");
  project->name_sv = g_strdup ("Testbädd för smart mobilitet");
  project->name_en = g_strdup ("Smart Mobility Testbed");
  project->acronym = g_strdup ("SMART-LIIKE");
  project->call_id = calls->len > 0 ? ((HsCall *) g_ptr_array_index (calls, 0))->id : 0;
  project->focus_area_id = focus_areas->len > 0 ? ((HsFocusArea *) g_ptr_array_index (focus_areas, 0))->id : 0;
  g_date_set_dmy (&project->start_date, 1, 3, 2024);
  g_date_set_dmy (&project->end_date, 28, 2, 2026);
  change.status = HS_STATUS_DRAFT;
  g_date_clear (&change.date, 1);
  g_date_set_dmy (&change.date, 15, 1, 2024);
  g_array_append_val (project->history, change);

  espoo = hs_implementer_new (hs_organisation_new ("Espoon kaupunki", "0101263-6", HS_ORG_CITY), TRUE);
  espoo->organisation->municipality = g_strdup ("Espoo");
  hs_implementer_set_cost (espoo, HS_COST_STAFF, 2024, 8500000);
  hs_implementer_set_cost (espoo, HS_COST_STAFF, 2025, 10200000);
  hs_implementer_set_cost (espoo, HS_COST_STAFF, 2026, 1700000);
  hs_implementer_set_financing (espoo, HS_SOURCE_EU_STATE, 18500000);
  hs_implementer_set_financing (espoo, HS_SOURCE_CITY, 10060000);
  g_ptr_array_add (project->implementers, espoo);

  aalto = hs_implementer_new (hs_organisation_new ("Aalto-yliopisto", "2228357-4", HS_ORG_UNIVERSITY), FALSE);
  hs_implementer_set_cost (aalto, HS_COST_STAFF, 2024, 4200000);
  hs_implementer_set_cost (aalto, HS_COST_STAFF, 2025, 5600000);
  hs_implementer_set_financing (aalto, HS_SOURCE_EU_STATE, 8232000);
  hs_implementer_set_financing (aalto, HS_SOURCE_CITY, 3430000);
  hs_implementer_set_financing (aalto, HS_SOURCE_OWN_PUBLIC, 2058000);
  g_ptr_array_add (project->implementers, aalto);

  forum = hs_implementer_new (hs_organisation_new ("Forum Virium Helsinki Oy", "2170029-2", HS_ORG_COMPANY), FALSE);
  hs_implementer_set_cost (forum, HS_COST_STAFF, 2025, 3000000);
  hs_implementer_set_financing (forum, HS_SOURCE_EU_STATE, 2520000);
  hs_implementer_set_financing (forum, HS_SOURCE_PRIVATE, 1000000);
  g_ptr_array_add (project->implementers, forum);

  indicator.code = g_strdup ("RCO01");
  indicator.target = 40;
  g_array_append_val (project->indicators, indicator);
  indicator.code = g_strdup ("RCR02");
  indicator.target = 250000;
  g_array_append_val (project->indicators, indicator);

  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (f->editor));
  hs_test_drain ();
  f->editor = HS_PROJECT_EDITOR (hs_project_editor_new (f->repo, f->project_id));
  gtk_window_set_default_size (GTK_WINDOW (f->editor), 1240, 860);
  hs_project_editor_present (f->editor, NULL);
  hs_test_wait_for_draw (GTK_WIDGET (f->editor));

  /* the screenshot shows findings: EU support over the limit */
  g_assert_true (has_finding (f, "support-rate-over-limit"));

  save_shot (f, "budget", "editor");
  save_shot (f, "general", "editor-general");
  save_shot (f, "implementers", "editor-implementers");
  save_shot (f, "financing", "editor-financing");
  save_shot (f, "indicators", "editor-indicators");

  /* every page at 1280×800 and 800×600 too */
  {
    const int sizes[][2] = { { 1280, 800 }, { 800, 600 } };
    const char *pages[] = { "general", "implementers", "budget", "financing", "indicators" };

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        gtk_window_set_default_size (GTK_WINDOW (f->editor), sizes[i][0], sizes[i][1]);
        hs_test_wait_for_draw (GTK_WIDGET (f->editor));
        for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
          {
            g_autofree char *name = g_strdup_printf ("editor-%s-%dx%d", pages[p], sizes[i][0], sizes[i][1]);

            hs_project_editor_set_page (f->editor, pages[p]);
            hs_test_wait_for_draw (GTK_WIDGET (f->editor));
            save_shot (f, pages[p], name);
          }
      }
    gtk_window_set_default_size (GTK_WINDOW (f->editor), 1240, 860);
    hs_test_wait_for_draw (GTK_WIDGET (f->editor));
  }
  g_assert_true (hs_project_editor_focus_field (f->editor, "status"));
  save_shot (f, "general", "editor-status");

  /* what refusing looks like: a typed amount and a typed date */
  {
    GtkWidget *city = field (f, "implementers/0/financing/city");

    gtk_widget_grab_focus (city);
    gtk_editable_set_text (GTK_EDITABLE (city), "100 600,5x");
    hs_test_drain ();
    g_assert_true (gtk_widget_has_css_class (city, "error"));
    save_shot (f, "financing", "editor-refused");
    type_and_enter (city, "100 600");
    type_and_enter (field (f, "schedule/end"), "31.2.2026");
    g_assert_true (gtk_widget_has_css_class (field (f, "schedule/end"), "error"));
    save_shot (f, "general", "editor-refused-date");
  }

  /* and the organisation picker */
  {
    HsOrganisationPicker *picker;
    g_autofree char *file = g_strdup_printf ("editor-picker-%s.png", language);

    activate_action (f, "editor.add-implementer", NULL);
    picker = _hs_project_editor_get_picker (f->editor);
    gtk_editable_set_text (GTK_EDITABLE (_hs_organisation_picker_get_field (picker, "name")), "Vantaan kaupunki");
    gtk_editable_set_text (GTK_EDITABLE (_hs_organisation_picker_get_field (picker, "business-id")), "0124610-8");
    hs_test_save_png (GTK_WIDGET (picker), file);
    gtk_window_destroy (GTK_WINDOW (picker));
    hs_test_drain ();
  }
}

/* Another program changes the project while the editor has it open: the
 * editor's next save is refused instead of writing its stale copy back,
 * the editor shows the other change and says what it was, and Keep Mine
 * puts the user's change on top of it. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "portfolio.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsRepository) other = HS_REPOSITORY (hs_sqlite_repository_open (path, HS_OPEN_DEFAULT, &error));
  g_autoptr(HsProject) theirs = NULL;
  g_autoptr(HsProject) now = NULL;
  const char *name = g_str_equal (language, "fi") ? "Oma nimi" : "My own name";
  const char *expected = g_str_equal (language, "fi") ? "Lyhenne" : "Acronym";

  g_assert_no_error (error);
  theirs = hs_repository_load_project (other, f->project_id, &error);
  g_assert_no_error (error);
  g_free (theirs->acronym);
  theirs->acronym = g_strdup ("MUUALLA");
  g_assert_true (hs_repository_save_project (other, theirs, &error));
  g_assert_no_error (error);

  /* the editor has not noticed yet, and the user types a new name */
  type_and_enter (field (f, "name-fi"), name);
  now = stored (f);
  g_assert_cmpstr (now->acronym, ==, "MUUALLA");   /* not written back */
  g_assert_cmpstr (now->name_fi, !=, name);
  /* the editor shows what is stored now, and says what changed there */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "acronym"))), ==, "MUUALLA");
  {
    g_autofree char *shown = g_strdup_printf (g_str_equal (language, "fi")
                                              ? "Muutettu muualla sillä välin: %s." : "Changed elsewhere meanwhile: %s.",
                                              expected);
    g_autofree char *text = NULL;
    g_autofree char *png = g_strdup_printf ("editor-conflict-%s.png", language);

    /* the toast is seen once it is laid out */
    hs_test_wait_for_text (GTK_WIDGET (f->editor), shown);
    text = hs_snapshot_describe (GTK_WIDGET (f->editor));
    if (strstr (text, shown) == NULL)
      g_error ("no “%s” in:\n%s", shown, text);
    hs_test_save_png (GTK_WIDGET (f->editor), png);
  }

  /* Keep Mine: the user's name on top of the other change */
  activate_action (f, "editor.keep-mine", NULL);
  g_clear_pointer (&now, hs_project_free);
  now = stored (f);
  g_assert_cmpstr (now->acronym, ==, "MUUALLA");
  g_assert_cmpstr (now->name_fi, ==, name);
  g_assert_cmpint (now->version, ==, theirs->version + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "name-fi"))), ==, name);
}

/* What gtk_window_close () asks the window first: TRUE when it may close. */
static gboolean
close_allowed (HsProjectEditor *editor)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (editor, "close-request", &handled);
  return !handled;
}

static gboolean
name_stored (gpointer data)
{
  Fixture *f = data;
  g_autoptr(HsProject) now = stored (f);

  return g_strcmp0 (now->name_fi, "Odottava nimi") == 0;
}

/* Another program holds the write lock: the save gives up at once instead
 * of freezing the window, the typed text stays, the editor says it waits,
 * and the change is stored as soon as the lock is free. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "portfolio.db", NULL);
  g_autoptr(HsProject) now = NULL;
  const char *waiting = g_str_equal (language, "fi") ? "Toinen ohjelma kirjoittaa" : "Another program is writing";
  sqlite3 *other = NULL;
  gint64 start;

  hs_sqlite_repository_set_busy_timeout (HS_SQLITE_REPOSITORY (f->repo), 100);
  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  type_and_enter (field (f, "name-fi"), "Odottava nimi");
  /* the default wait is 5 s: far less means it did not block */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  now = stored (f);
  g_assert_cmpstr (now->name_fi, !=, "Odottava nimi");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "name-fi"))), ==, "Odottava nimi");
  hs_test_wait_for_text (GTK_WIDGET (f->editor), waiting);

  /* closing the editor now does not throw the change away: it asks, and
   * stays open */
  g_assert_false (close_allowed (f->editor));
  hs_test_wait_for_text (GTK_WIDGET (f->editor), waiting);

  /* the other program is done: the change is stored, and the editor the
   * user wanted closed closes */
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  hs_test_wait_until (name_stored, f, "the waiting change to be stored");
  hs_test_wait_finalized (&f->editor, "the editor the user closed");
}

int
main (int   argc,
      char *argv[])
{
  /* --language=fi runs the cases (and the screenshots) in Finnish */
  {
    const char *given = hs_test_take_language_option (&argc, &argv);
    if (given != NULL)
      language = given;
  }

  /* GTK's in-process accessibility backend: no session bus needed, and
   * the accessible names can be checked (with "none" nothing is kept). */
  g_setenv ("GTK_A11Y", "test", TRUE);

  hs_i18n_init ();
  hs_test_gui_init (&argc, &argv);
  /* A steady cursor: the same pictures every run, and no blink timeouts
   * (GTK 4.8 warns about a blinking selection while the tests wait). */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/editor/general", test_general);
  ADD ("/editor/implementers", test_implementers);
  ADD ("/editor/budget-financing-findings", test_budget_financing_findings);
  ADD ("/editor/indicators", test_indicators);
  ADD ("/editor/close-commits-typing", test_close_commits_typing);
  ADD ("/editor/conflict", test_conflict);
  ADD ("/editor/busy", test_busy);
  ADD ("/editor/keyboard", test_accessible_fields);
  ADD ("/editor/invalid-cell-tab", test_invalid_cell_tab);
  ADD ("/editor/financing-tab", test_financing_tab);
  ADD ("/editor/yearly-financing", test_yearly_financing);
  ADD ("/editor/undo-typing", test_undo_typing);
  ADD ("/editor/budget-fits", test_budget_fits);
  ADD ("/editor/financing-fits", test_financing_fits);
  ADD ("/editor/escape-closes", test_escape_closes);
  ADD ("/editor/summary", test_summary);
  ADD ("/editor/choices-not-clipped", test_choices_not_clipped);
  ADD ("/editor/screenshots", test_screenshots);
  /* Last: after a file chooser has been shown, Xvfb (no window manager)
   * no longer gives our windows the keys xdotool sends them. */
  ADD ("/editor/export-application", test_export_application);
#undef ADD

  return g_test_run ();
}

/* test-calls.c — the Calls page and the call form, driven through their widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case opens a fresh database with the example portfolio, shows the
 * main window on its Calls page and acts as a user would: New Call from
 * the window's action, typing into the form's fields, Ctrl+S, Enter and
 * Esc as real key presses, activating a row, the row's delete button, the
 * toast's Undo. Assertions are on what the page and the form show and on
 * what the database holds (read back through the repository), never on
 * the widgets' own idea of it. --language=fi runs the same cases in
 * Finnish.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "core/hs-date.h"
#include "core/hs-i18n.h"
#include "core/hs-lang.h"
#include "core/hs-money.h"

#include "hs-amount-entry.h"
#include "hs-call-dialog-private.h"
#include "hs-finding-item.h"
#include "hs-findings-panel-private.h"
#include "hs-calls-page-private.h"
#include "hs-gui-test.h"
#include "hs-project-editor.h"
#include "hs-project-editor-private.h"
#include "hs-sidebar.h"
#include "hs-snapshot.h"
#include "hs-window.h"

/* A message of the application as the user reads it. */
#define T(msgid) g_dgettext (GETTEXT_PACKAGE, msgid)

static const char *language = "en";

typedef struct
{
  char         *dir;
  HsRepository *repo;
  HsWindow     *window;
  HsCallsPage  *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->repo = hs_test_open_portfolio ("hs-calls", 0, &f->dir);
  f->window = hs_window_new (NULL, f->repo);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  hs_test_present (GTK_WINDOW (f->window));
  adw_view_stack_set_visible_child_name (hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK), "calls");
  f->page = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_CALLS_PAGE);
  g_assert_nonnull (f->page);
  hs_test_wait_mapped (GTK_WIDGET (f->page));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hs_test_close_portfolio (f->window, &f->repo, &f->dir);
}

/* ---- what the database holds ---------------------------------------------- */

static gint64
agreement_id (Fixture    *f,
              const char *region,
              guint      *position)
{
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);

  for (guint i = 0; i < agreements->len; i++)
    {
      const HsAgreement *a = g_ptr_array_index (agreements, i);

      if (g_str_equal (a->region_name, region))
        {
          if (position != NULL)
            *position = i;
          return a->id;
        }
    }
  g_assert_not_reached ();
}

static HsCall *
stored_call (Fixture    *f,
             const char *name)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (f->repo, 0, NULL);

  for (guint i = 0; i < calls->len; i++)
    if (g_strcmp0 (((HsCall *) g_ptr_array_index (calls, i))->name, name) == 0)
      return hs_call_copy (g_ptr_array_index (calls, i));
  return NULL;
}

static guint
stored_projects (Fixture *f)
{
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (f->repo, NULL);

  return rows->len;
}

static guint
n_stored_calls (Fixture *f)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (f->repo, 0, NULL);

  return calls->len;
}

/* ---- the form ------------------------------------------------------------- */

static GtkWidget *
field (HsCallDialog *dialog,
       const char   *name)
{
  GtkWidget *w = _hs_call_dialog_get_widget (dialog, name);

  g_assert_nonnull (w);
  return w;
}

static void
set_text (HsCallDialog *dialog,
          const char   *name,
          const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, name)), text);
  hs_test_drain ();
}

static const char *
text_of (HsCallDialog *dialog,
         const char   *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (field (dialog, name)));
}

static gboolean
shows (HsCallDialog *dialog,
       const char   *name)
{
  GtkWidget *w = field (dialog, name);

  return gtk_widget_get_visible (w) && gtk_widget_get_mapped (w);
}

static const char *
label_text (HsCallDialog *dialog,
            const char   *name)
{
  return gtk_label_get_text (GTK_LABEL (field (dialog, name)));
}

static HsCallDialog *
open_new_call (Fixture *f)
{
  HsCallDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-call", NULL));
  dialog = _hs_calls_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  hs_test_wait_mapped (GTK_WIDGET (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, T ("New Call"));
  return dialog;
}

static gboolean
page_dialog_gone (gpointer data)
{
  return _hs_calls_page_get_dialog (HS_CALLS_PAGE (data)) == NULL;
}

/* Ctrl+S as the X server delivers it, from the field that has the focus. */
static void
save_with_keys (Fixture      *f,
                HsCallDialog *dialog)
{
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "ctrl+s");
  hs_test_drain ();
}

static void
assert_saved (Fixture *f)
{
  hs_test_wait_until (page_dialog_gone, f->page, "the form to close after Save");
}

/* Enter in a field: what a GtkText's "activate" does. */
static void
press_enter_in (HsCallDialog *dialog,
                const char   *name)
{
  GtkWidget *row = field (dialog, name);
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  g_assert_true (GTK_IS_TEXT (text));
  gtk_widget_grab_focus (text);
  g_signal_emit_by_name (text, "activate");
  hs_test_drain ();
}

/* The Joensuu 2023 call as its notice reads: the city at most 25 %, own
 * financing at least 15 %, at most two years, 1 000 000 € of EAKR and
 * 415 000 € of the city's money. */
static void
fill_joensuu (Fixture      *f,
              HsCallDialog *dialog)
{
  guint position = 0;

  agreement_id (f, "Joensuu", &position);
  set_text (dialog, "name", "Joensuun kaupunkiseudun haku 2023");
  set_text (dialog, "name-en", "Joensuu call 2023");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "agreement")), position);
  set_text (dialog, "intermediary", "Pohjois-Karjalan maakuntaliitto");
  set_text (dialog, "open", "18.10.2023");
  set_text (dialog, "close", "31.12.2023");
  set_text (dialog, "max-support-bp", "60");
  set_text (dialog, "min-city-bp", "");
  set_text (dialog, "max-city-bp", "25");
  set_text (dialog, "min-own-bp", "15");
  set_text (dialog, "max-duration", "24");
  set_text (dialog, "money-available", "1 000 000");
  set_text (dialog, "city-money-available", "415000");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (dialog, "cost-model-1")), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (dialog, "description"))),
                            "Kestävä kaupunkikehitys.\nHaku on avoinna syksyllä.", -1);
}

/* ---- cases ---------------------------------------------------------------- */

/* A Joensuu-style call through the form, saved with Ctrl+S: every field is
 * stored, the list shows it with its limits, and it is one undoable action. */
static void
test_create_joensuu (Fixture       *f,
                     gconstpointer  data)
{
  HsCallDialog *dialog = open_new_call (f);
  g_autoptr(HsCall) call = NULL;
  g_autofree char *limits = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;
  guint before = n_stored_calls (f);
  GtkWidget *row;

  /* a new call is of the agreement shown, or the first */
  g_assert_cmpstr (text_of (dialog, "name"), ==, "");
  fill_joensuu (f, dialog);
  gtk_widget_grab_focus (field (dialog, "max-duration"));
  save_with_keys (f, dialog);
  assert_saved (f);

  call = stored_call (f, "Joensuun kaupunkiseudun haku 2023");
  g_assert_nonnull (call);
  g_assert_cmpuint (n_stored_calls (f), ==, before + 1);
  g_assert_cmpint (call->agreement_id, ==, agreement_id (f, "Joensuu", NULL));
  g_assert_cmpstr (call->name_en, ==, "Joensuu call 2023");
  g_assert_null (call->name_sv);
  g_assert_cmpstr (call->intermediary, ==, "Pohjois-Karjalan maakuntaliitto");
  g_assert_cmpint (call->instrument, ==, HS_INSTRUMENT_EAKR);
  g_assert_cmpint (g_date_get_day (&call->open_date), ==, 18);
  g_assert_cmpint (g_date_get_month (&call->close_date), ==, 12);
  g_assert_cmpint (call->max_support_bp, ==, 6000);
  g_assert_cmpint (call->max_support, ==, 0);
  g_assert_cmpint (call->min_city_bp, ==, 0);
  g_assert_cmpint (call->max_city_bp, ==, 2500);
  g_assert_cmpint (call->min_own_bp, ==, 1500);
  g_assert_cmpuint (call->max_duration_months, ==, 24);
  g_assert_cmpuint (call->max_projects, ==, 0);
  g_assert_cmpint (call->money_available, ==, G_GINT64_CONSTANT (100000000));
  g_assert_cmpint (call->city_money_available, ==, G_GINT64_CONSTANT (41500000));
  g_assert_cmpuint (call->allowed_cost_models, ==, (1u << HS_COST_MODEL_FLAT40) | (1u << HS_COST_MODEL_REAL));
  g_assert_cmpstr (call->description, ==, "Kestävä kaupunkikehitys.\nHaku on avoinna syksyllä.");

  /* the list shows it, its limits in words on its subtitle */
  row = _hs_calls_page_get_row (f->page, call->id);
  g_assert_nonnull (row);
  limits = hs_call_dup_limits_text (call, hs_lang_current ());
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), limits));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Joensuu"));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));

  /* one action: Undo takes it away again */
  undone = hs_repository_undo (f->repo, &error);
  g_assert_no_error (error);
  hs_test_drain ();
  g_clear_pointer (&call, hs_call_free);
  call = stored_call (f, "Joensuun kaupunkiseudun haku 2023");
  g_assert_null (call);
  g_assert_cmpuint (n_stored_calls (f), ==, before);
}

/* HEVi coordination: one project, at most four years, at most 1 200 000 €
 * of support, in the PKS agreement; Enter in a field saves. Then edited
 * through its row: the form shows what is stored, and a change is one
 * undoable action. */
static void
test_create_hevi_and_edit (Fixture       *f,
                           gconstpointer  data)
{
  HsCallDialog *dialog = open_new_call (f);
  g_autoptr(HsCall) call = NULL;
  g_autoptr(HsCall) edited = NULL;
  g_autoptr(HsCall) undone_call = NULL;
  g_autofree char *rate = hs_rate_format_limit (6000, hs_lang_current ());
  g_autofree char *money = hs_money_format_plain (G_GINT64_CONSTANT (120000000), hs_lang_current ());
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0;
  GtkWidget *row;

  agreement_id (f, "Pääkaupunkiseutu (PKS)", &position);
  set_text (dialog, "name", "HEVi-koordinaatiohanke");
  set_text (dialog, "name-sv", "HEVi-samordning");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "agreement")), position);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "instrument")), HS_INSTRUMENT_AKKE);
  set_text (dialog, "max-support", "1 200 000");
  set_text (dialog, "max-duration", "48");
  set_text (dialog, "max-projects", "1");
  press_enter_in (dialog, "max-projects");
  assert_saved (f);

  call = stored_call (f, "HEVi-koordinaatiohanke");
  g_assert_nonnull (call);
  g_assert_cmpint (call->agreement_id, ==, agreement_id (f, "Pääkaupunkiseutu (PKS)", NULL));
  g_assert_cmpstr (call->name_sv, ==, "HEVi-samordning");
  g_assert_cmpint (call->instrument, ==, HS_INSTRUMENT_AKKE);
  g_assert_cmpint (call->max_support, ==, G_GINT64_CONSTANT (120000000));
  g_assert_cmpuint (call->max_duration_months, ==, 48);
  g_assert_cmpuint (call->max_projects, ==, 1);
  /* a new call starts from the programme's defaults: 60 % support and no
   * city share of its own (the 25 % is the agreement's) */
  g_assert_cmpint (call->max_support_bp, ==, 6000);
  g_assert_cmpint (call->min_city_bp, ==, 0);
  g_assert_false (g_date_valid (&call->open_date));

  /* activating its row opens its form, showing what is stored */
  row = _hs_calls_page_get_row (f->page, call->id);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  hs_test_drain ();
  dialog = _hs_calls_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  hs_test_wait_mapped (GTK_WIDGET (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, T ("Edit Call"));
  g_assert_cmpstr (text_of (dialog, "name"), ==, "HEVi-koordinaatiohanke");
  g_assert_cmpstr (text_of (dialog, "max-support-bp"), ==, rate);
  g_assert_cmpstr (text_of (dialog, "max-support"), ==, money);
  g_assert_cmpstr (text_of (dialog, "max-duration"), ==, "48");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (dialog, "agreement"))), ==, position);

  /* three years instead, the city's minimum taken away */
  set_text (dialog, "max-duration", "36");
  set_text (dialog, "min-city-bp", "");
  save_with_keys (f, dialog);
  assert_saved (f);
  edited = stored_call (f, "HEVi-koordinaatiohanke");
  g_assert_cmpint (edited->id, ==, call->id);
  g_assert_cmpuint (edited->max_duration_months, ==, 36);
  g_assert_cmpint (edited->min_city_bp, ==, 0);
  g_assert_cmpint (edited->max_support, ==, G_GINT64_CONSTANT (120000000));

  /* the window's Undo puts it back, and the list follows */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  hs_test_drain ();
  undone_call = stored_call (f, "HEVi-koordinaatiohanke");
  g_assert_cmpuint (undone_call->max_duration_months, ==, 48);
  {
    g_autofree char *limits = hs_call_dup_limits_text (undone_call, hs_lang_current ());

    row = _hs_calls_page_get_row (f->page, call->id);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), limits));
  }
  (void) undone;
  (void) error;
}

/* What the store would refuse is named beside its field, and nothing is
 * saved: no name, a name the agreement has, open after close, the city's
 * maximum below its minimum, a rate over 100 %, a number of months that is
 * not one, an amount that is not one. */
static void
test_refused_values (Fixture       *f,
                     gconstpointer  data)
{
  HsCallDialog *dialog = open_new_call (f);
  guint before = n_stored_calls (f);
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (f->repo, 0, NULL);
  const HsCall *existing = g_ptr_array_index (calls, 0);
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);
  guint position = 0;
  const char *region = NULL;

  for (guint i = 0; i < agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (agreements, i))->id == existing->agreement_id)
      {
        position = i;
        region = ((HsAgreement *) g_ptr_array_index (agreements, i))->region_name;
      }

  /* no name */
  set_text (dialog, "name", "   ");
  save_with_keys (f, dialog);
  g_assert_true (shows (dialog, "name-error"));
  g_assert_cmpstr (label_text (dialog, "name-error"), ==, T ("A call needs a name in Finnish"));
  g_assert_true (gtk_widget_has_css_class (field (dialog, "name"), "error"));
  g_assert_nonnull (_hs_calls_page_get_dialog (f->page));
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  /* the field that is wrong has the focus */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_root_get_focus (GTK_ROOT (dialog))))
                 && gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), field (dialog, "name")));

  /* typing takes the reason away */
  set_text (dialog, "name", "x");
  g_assert_false (shows (dialog, "name-error"));

  /* the name of a call the agreement already has */
  set_text (dialog, "name", existing->name);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "agreement")), position);
  save_with_keys (f, dialog);
  {
    g_autofree char *expected = g_strdup_printf (T ("The agreement “%s” already has a call named “%s”"),
                                                 region, existing->name);
    g_assert_cmpstr (label_text (dialog, "name-error"), ==, expected);
  }
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  set_text (dialog, "name", "Uusi haku");

  /* closes before it opens */
  set_text (dialog, "open", "29.9.2023");
  set_text (dialog, "close", "21.8.2023");
  save_with_keys (f, dialog);
  g_assert_true (shows (dialog, "close-error"));
  {
    GDate open, close;
    g_autofree char *opens = NULL;
    g_autofree char *closes = NULL;
    g_autofree char *expected = NULL;

    g_date_clear (&open, 1);
    g_date_clear (&close, 1);
    g_date_set_dmy (&open, 29, 9, 2023);
    g_date_set_dmy (&close, 21, 8, 2023);
    opens = hs_date_format (&open, hs_lang_current ());
    closes = hs_date_format (&close, hs_lang_current ());
    expected = g_strdup_printf (T ("The call closes on %s, before it opens on %s"), closes, opens);
    g_assert_cmpstr (label_text (dialog, "close-error"), ==, expected);
  }
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  set_text (dialog, "close", "");
  g_assert_false (shows (dialog, "close-error"));

  /* the city's share at most below its share at least */
  set_text (dialog, "min-city-bp", "25");
  set_text (dialog, "max-city-bp", "20");
  save_with_keys (f, dialog);
  {
    g_autofree char *most = hs_rate_format_limit (2000, hs_lang_current ());
    g_autofree char *least = hs_rate_format_limit (2500, hs_lang_current ());
    g_autofree char *expected = g_strdup_printf (T ("At most %s is below the least, %s"), most, least);

    g_assert_true (shows (dialog, "max-city-bp-error"));
    g_assert_cmpstr (label_text (dialog, "max-city-bp-error"), ==, expected);
  }
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  set_text (dialog, "max-city-bp", "40");

  /* a rate over 100 %: the parser's own reason */
  set_text (dialog, "max-support-bp", "150");
  save_with_keys (f, dialog);
  {
    g_autoptr(GError) expected = NULL;
    gint32 bp;

    g_assert_false (hs_rate_parse ("150", &bp, &expected));
    g_assert_true (shows (dialog, "max-support-bp-error"));
    g_assert_cmpstr (label_text (dialog, "max-support-bp-error"), ==, expected->message);
  }
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  set_text (dialog, "max-support-bp", "60");

  /* months that are not a number */
  set_text (dialog, "max-duration", "kaksi");
  save_with_keys (f, dialog);
  g_assert_true (shows (dialog, "max-duration-error"));
  g_assert_nonnull (strstr (label_text (dialog, "max-duration-error"), "kaksi"));
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  set_text (dialog, "max-duration", "");

  /* an amount that is not one: the entry says why, nothing saved */
  set_text (dialog, "money-available", "1.000");
  save_with_keys (f, dialog);
  g_assert_nonnull (hs_amount_entry_get_error_message (HS_AMOUNT_ENTRY (field (dialog, "money-available"))));
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  g_assert_nonnull (_hs_calls_page_get_dialog (f->page));

  /* all put right: saved */
  set_text (dialog, "money-available", "1000");
  save_with_keys (f, dialog);
  assert_saved (f);
  g_assert_cmpuint (n_stored_calls (f), ==, before + 1);
  {
    g_autoptr(HsCall) call = stored_call (f, "Uusi haku");

    g_assert_nonnull (call);
    g_assert_cmpint (call->min_city_bp, ==, 2500);
    g_assert_cmpint (call->max_city_bp, ==, 4000);
    g_assert_cmpint (call->money_available, ==, 100000);
  }
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

/* Esc (and Cancel) close the form and store nothing, in a new call or an
 * edited one. */
static void
test_cancel_stores_nothing (Fixture       *f,
                            gconstpointer  data)
{
  HsCallDialog *dialog = open_new_call (f);
  guint before = n_stored_calls (f);
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (f->repo, 0, NULL);
  g_autoptr(HsCall) original = hs_call_copy (g_ptr_array_index (calls, 0));
  g_autoptr(HsCall) after = NULL;
  guint changes = 0;

  g_signal_connect_swapped (f->repo, "changed", G_CALLBACK (count_change), &changes);
  fill_joensuu (f, dialog);
  gtk_widget_grab_focus (field (dialog, "name"));
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "Escape");
  hs_test_wait_until (page_dialog_gone, f->page, "the form to close on Esc");
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  g_assert_null (stored_call (f, "Joensuun kaupunkiseudun haku 2023"));
  g_assert_cmpuint (changes, ==, 0);

  /* an edited call: the Cancel button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "calls.edit", "x", original->id));
  dialog = _hs_calls_page_get_dialog (f->page);
  hs_test_wait_mapped (GTK_WIDGET (dialog));
  set_text (dialog, "name", "Muutettu nimi");
  set_text (dialog, "max-duration", "12");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  hs_test_wait_until (page_dialog_gone, f->page, "the form to close on Cancel");
  after = stored_call (f, original->name);
  g_assert_nonnull (after);
  g_assert_true (hs_call_equal (original, after));
  g_assert_cmpuint (changes, ==, 0);
  g_signal_handlers_disconnect_by_data (f->repo, &changes);
}

static gboolean
has_undo_button_in (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), T ("_Undo")) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_undo_button_in (child))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_undo_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), T ("_Undo")) == 0)
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
  return has_undo_button_in (window);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL && gtk_widget_get_mapped (GTK_WIDGET (find_message_dialog ()));
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

static gboolean
row_gone (gpointer data)
{
  Fixture *f = data;
  g_autoptr(HsCall) call = stored_call (f, "Tyhjä haku");

  return call == NULL;
}

/* A call that projects apply to is not deleted, and the window says why;
 * one without is deleted with its row's button, and the toast's Undo
 * brings it back. A call saved by another hand (the repository) shows in
 * the list at once. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(HsCall) used = NULL;
  g_autoptr(HsCall) empty = hs_call_new_default ();
  g_autoptr(HsCall) back = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint n_used = 0;
  guint before;
  GtkWidget *row;
  GtkWidget *button;

  /* the first example project applies to its agreement's first call */
  summaries = hs_repository_list_project_summaries (f->repo, NULL);
  project = hs_repository_load_project (f->repo, g_array_index (summaries, HsProjectSummary, 0).id, &error);
  g_assert_no_error (error);
  calls = hs_repository_list_calls (f->repo, project->agreement_id, NULL);
  g_assert_cmpuint (calls->len, >, 0);
  used = hs_call_copy (g_ptr_array_index (calls, 0));
  project->call_id = used->id;
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  g_clear_pointer (&summaries, g_array_unref);
  summaries = hs_repository_list_project_summaries (f->repo, NULL);
  for (guint i = 0; i < summaries->len; i++)
    n_used += g_array_index (summaries, HsProjectSummary, i).call_id == used->id;
  g_assert_cmpuint (n_used, >=, 1);

  /* the row says how many projects apply */
  row = _hs_calls_page_get_row (f->page, used->id);
  g_assert_nonnull (row);
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n_used), n_used);
    g_autofree char *text = hs_snapshot_describe (row);
    g_autofree char *line = g_strdup_printf ("label: %s\n", count);

    g_assert_nonnull (strstr (text, line));
  }

  /* refused, and the window says why */
  before = n_stored_calls (f);
  gtk_list_box_select_row (GTK_LIST_BOX (_hs_calls_page_get_widget (f->page, "list")), GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (row);
  hs_test_send_keys (GTK_WIDGET (f->window), "key", "Delete");
  {
    g_autofree char *name = hs_call_dup_display_name (used, hs_lang_current ());
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "The call “%s” cannot be deleted: %lld project applies to it; "
                                                              "move it to another call first",
                                                              "The call “%s” cannot be deleted: %lld projects apply to it; "
                                                              "move them to another call first", n_used),
                                                 name, (long long) n_used);

    AdwMessageDialog *dialog;

    hs_test_wait_until (has_message_dialog, NULL, "the dialog that says why");
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, T ("The Call Was Not Deleted"));
    /* Enter closes it */
    hs_test_send_keys (GTK_WIDGET (dialog), "key", "Return");
    hs_test_wait_until (no_message_dialog, NULL, "the dialog to close");
  }
  g_assert_cmpuint (n_stored_calls (f), ==, before);
  /* Delete in the Calls page is not the project list's Delete */
  g_assert_cmpuint (summaries->len, ==, 0 + stored_projects (f));

  /* a call saved elsewhere shows at once */
  empty->agreement_id = used->agreement_id;
  empty->name = g_strdup ("Tyhjä haku");
  g_assert_true (hs_repository_save_call (f->repo, empty, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  row = _hs_calls_page_get_row (f->page, empty->id);
  g_assert_nonnull (row);

  /* deleted with its row's button */
  button = hs_test_find_action_button (row, "calls.delete");
  g_assert_nonnull (button);
  {
    g_autofree char *name = hs_call_dup_display_name (empty, hs_lang_current ());
    g_autofree char *expected = g_strdup_printf (T ("Delete “%s”"), name);
    g_autofree char *toast = g_strdup_printf (T ("Call “%s” deleted"), name);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, T ("Delete Call"));
    g_signal_emit_by_name (button, "clicked");
    hs_test_wait_until (row_gone, f, "the call to be deleted");
    hs_test_drain ();
    g_assert_null (_hs_calls_page_get_row (f->page, empty->id));
    hs_test_wait_for_text (GTK_WIDGET (f->window), toast);
    (void) expected;
  }

  /* the toast's Undo */
  hs_test_wait_until (has_undo_button, f->window, "the toast's Undo button");
  g_signal_emit_by_name (find_undo_button (GTK_WIDGET (f->window)), "clicked");
  hs_test_drain ();
  back = stored_call (f, "Tyhjä haku");
  g_assert_nonnull (back);
  g_assert_cmpint (back->id, ==, empty->id);
  g_assert_nonnull (_hs_calls_page_get_row (f->page, empty->id));
}

/* The page shows the calls of the agreement the sidebar shows, and its
 * search finds them by name, agreement or intermediary. */
static void
test_scope_and_search (Fixture       *f,
                       gconstpointer  data)
{
  HsSidebar *sidebar = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_SIDEBAR);
  gint64 pks = agreement_id (f, "Pääkaupunkiseutu (PKS)", NULL);
  gint64 joensuu = agreement_id (f, "Joensuu", NULL);
  g_autoptr(HsCall) call = hs_call_new_default ();
  g_autoptr(GPtrArray) all = hs_repository_list_calls (f->repo, 0, NULL);
  g_autoptr(GPtrArray) of_pks = hs_repository_list_calls (f->repo, pks, NULL);
  g_autoptr(GError) error = NULL;
  HsCallDialog *dialog;

  call->agreement_id = joensuu;
  call->name = g_strdup ("Joensuun kevään haku");
  call->intermediary = g_strdup ("Pohjois-Karjalan maakuntaliitto");
  g_assert_true (hs_repository_save_call (f->repo, call, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  g_assert_cmpuint (_hs_calls_page_get_n_shown (f->page), ==, all->len + 1);

  hs_sidebar_select (sidebar, pks, 0);
  hs_test_drain ();
  adw_view_stack_set_visible_child_name (hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK), "calls");
  hs_test_drain ();
  g_assert_cmpuint (_hs_calls_page_get_n_shown (f->page), ==, of_pks->len);
  g_assert_null (_hs_calls_page_get_row (f->page, call->id));

  /* a new call is of the agreement shown */
  dialog = open_new_call (f);
  {
    guint position = 0;

    agreement_id (f, "Pääkaupunkiseutu (PKS)", &position);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (dialog, "agreement"))), ==, position);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  hs_test_wait_until (page_dialog_gone, f->page, "the form to close");

  hs_sidebar_select (sidebar, 0, 0);
  hs_test_drain ();
  adw_view_stack_set_visible_child_name (hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK), "calls");
  hs_test_drain ();
  hs_test_search (_hs_calls_page_get_widget (f->page, "search"), "karjalan");
  g_assert_cmpuint (_hs_calls_page_get_n_shown (f->page), ==, 1);
  g_assert_nonnull (_hs_calls_page_get_row (f->page, call->id));
  hs_test_search (_hs_calls_page_get_widget (f->page, "search"), "no such call at all");
  g_assert_cmpuint (_hs_calls_page_get_n_shown (f->page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (_hs_calls_page_get_widget (f->page, "list-stack"))),
                   ==, "no-match");
}

static gboolean
widget_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* The project editor's call chooser shows the chosen call's limits in
 * words, the same words as the core builds, and follows another choice. */
static void
test_editor_shows_limits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GArray) summaries = hs_repository_list_project_summaries (f->repo, NULL);
  g_autoptr(HsCall) call = hs_call_new_default ();
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limits = NULL;
  HsProjectEditor *editor;
  GtkWidget *row;
  GtkWidget *chooser;
  gint64 id;

  g_assert_cmpuint (summaries->len, >, 0);
  id = g_array_index (summaries, HsProjectSummary, 0).id;
  project = hs_repository_load_project (f->repo, id, &error);
  g_assert_no_error (error);

  call->agreement_id = project->agreement_id;
  call->name = g_strdup ("HEVi-koordinaatiohanke");
  call->min_city_bp = 0;
  call->max_support = G_GINT64_CONSTANT (120000000);
  call->max_duration_months = 48;
  call->max_projects = 1;
  g_date_set_dmy (&call->open_date, 21, 8, 2023);
  g_date_set_dmy (&call->close_date, 29, 9, 2023);
  g_assert_true (hs_repository_save_call (f->repo, call, &error));
  g_assert_no_error (error);
  project->call_id = call->id;
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);

  editor = HS_PROJECT_EDITOR (hs_project_editor_new (f->repo, id));
  hs_project_editor_present (editor, GTK_WINDOW (f->window));
  hs_test_wait_mapped (GTK_WIDGET (editor));
  row = _hs_project_editor_get_field (editor, "call-limits");
  g_assert_nonnull (row);
  limits = hs_call_dup_limits_text (call, hs_lang_current ());
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, limits);
  g_assert_true (gtk_widget_get_mapped (row));
  /* seen under the chooser once the chooser is in view */
  g_assert_true (hs_project_editor_focus_field (editor, "call"));
  hs_test_wait_for_text (GTK_WIDGET (editor), limits);
  hs_test_save_png (GTK_WIDGET (editor), language[0] == 'f' ? "calls-editor-fi.png" : "calls-editor-en.png");

  /* the call edited meanwhile (on the Calls page, by another program):
   * the editor shows its new limits */
  call->max_duration_months = 36;
  g_assert_true (hs_repository_save_call (f->repo, call, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  g_free (limits);
  limits = hs_call_dup_limits_text (call, hs_lang_current ());
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (_hs_project_editor_get_field (editor, "call-limits"))),
                   ==, limits);
  row = _hs_project_editor_get_field (editor, "call-limits");

  /* no call: no limits */
  chooser = _hs_project_editor_get_field (editor, "call");
  adw_combo_row_set_selected (ADW_COMBO_ROW (chooser), 0);
  hs_test_wait_until (widget_hidden, row, "the limits to go with the call");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The finding of @code the editor's findings panel lists, or NULL. */
static const HsFinding *
panel_finding (HsProjectEditor *editor,
               const char      *code)
{
  GListModel *model = _hs_findings_panel_get_model (_hs_project_editor_get_findings_panel (editor));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HsFindingItem) item = g_list_model_get_item (model, i);
      const HsFinding *finding = hs_finding_item_get_finding (item);

      if (g_strcmp0 (finding->code, code) == 0)
        return finding;
    }
  return NULL;
}

typedef struct
{
  HsProjectEditor *editor;
  const char      *code;
} PanelWait;

/* The core's messages, as the findings panel reads them. */
#define CITY_MSGID "City financing is %s of total costs; the call “%s” allows at most %s (%s over the limit)"
#define EARLY_MSGID "The application was submitted on %s, before the call “%s” opened on %s"

static gboolean
panel_has (gpointer data)
{
  PanelWait *w = data;

  return panel_finding (w->editor, w->code) != NULL;
}

static gboolean
panel_lacks (gpointer data)
{
  return !panel_has (data);
}

/* The Joensuu-style call made through the form, then chosen in a
 * project's editor with the general page's call chooser: the findings
 * panel shows the call's findings, naming it, with the numbers — the
 * project lasts 36 months against the call's 24, its city financing is
 * 40 % against the call's 25 %, it was submitted before the call opened —
 * and they go when the project is put on no call. */
static void
test_editor_call_findings (Fixture       *f,
                           gconstpointer  data)
{
  HsCallDialog *dialog = open_new_call (f);
  g_autoptr(GArray) summaries = hs_repository_list_project_summaries (f->repo, NULL);
  g_autoptr(HsCall) call = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *share = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *over = NULL;
  g_autofree char *city_text = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *early_text = NULL;
  HsLang lang = hs_lang_current ();
  const HsFinding *finding;
  HsProjectEditor *editor;
  GtkWidget *chooser;
  GListModel *choices;
  PanelWait wait;
  guint chosen = G_MAXUINT;
  gint64 id = 0;

  fill_joensuu (f, dialog);
  save_with_keys (f, dialog);
  assert_saved (f);
  call = stored_call (f, "Joensuun kaupunkiseudun haku 2023");
  g_assert_nonnull (call);

  /* the example PKS project (2024–2025, the city 40 %, submitted on
   * 2.10.2023) moved to the Joensuu agreement, on no call, and made to
   * last three years */
  for (guint i = 0; i < summaries->len; i++)
    if (g_strcmp0 (g_array_index (summaries, HsProjectSummary, i).code, "PKS-ESIM-001") == 0)
      id = g_array_index (summaries, HsProjectSummary, i).id;
  g_assert_cmpint (id, !=, 0);
  project = hs_repository_load_project (f->repo, id, &error);
  g_assert_no_error (error);
  project->agreement_id = call->agreement_id;
  project->focus_area_id = 0;
  project->call_id = 0;
  g_date_set_dmy (&project->end_date, 31, 12, 2026);
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);

  editor = HS_PROJECT_EDITOR (hs_project_editor_new (f->repo, id));
  hs_project_editor_present (editor, GTK_WINDOW (f->window));
  hs_test_wait_mapped (GTK_WIDGET (editor));
  wait.editor = editor;
  wait.code = "schedule-too-long";
  g_assert_null (panel_finding (editor, "schedule-too-long"));
  g_assert_null (panel_finding (editor, "city-share-over-maximum"));

  /* the user chooses the call by its name in their language */
  name = hs_call_dup_display_name (call, lang);
  g_assert_cmpstr (name, ==, language[0] == 'f' ? "Joensuun kaupunkiseudun haku 2023" : "Joensuu call 2023");
  g_assert_true (hs_project_editor_focus_field (editor, "call"));
  chooser = _hs_project_editor_get_field (editor, "call");
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), name) == 0)
      chosen = i;
  g_assert_cmpuint (chosen, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (chooser), chosen);

  /* the length: 36 months against the call's 24 */
  hs_test_wait_until (panel_has, &wait, "the call's length finding in the findings panel");
  finding = panel_finding (editor, "schedule-too-long");
  g_assert_cmpint (finding->severity, ==, HS_SEVERITY_ERROR);
  g_assert_true (g_str_has_prefix (finding->message, language[0] == 'f' ? "Hanke kestää 36 kuukautta; haku"
                                                                        : "The project lasts 36 months; the call"));
  g_assert_true (g_str_has_suffix (finding->message, " 24"));
  g_assert_nonnull (strstr (finding->message, name));
  hs_test_wait_for_text (GTK_WIDGET (editor), finding->message);

  /* the city at most 25 %: 40,0 % is 199 999,95 € over */
  wait.code = "city-share-over-maximum";
  hs_test_wait_until (panel_has, &wait, "the call's city maximum finding in the findings panel");
  finding = panel_finding (editor, "city-share-over-maximum");
  share = hs_rate_format (4000, lang);
  limit = hs_rate_format_limit (2500, lang);
  over = hs_money_format (G_GINT64_CONSTANT (19999995), lang);
  city_text = g_strdup_printf (T (CITY_MSGID), share, name, limit, over);
  g_assert_cmpstr (finding->message, ==, city_text);
  hs_test_wait_for_text (GTK_WIDGET (editor), city_text);

  /* submitted on 2.10.2023, before the call opened on 18.10.2023 */
  wait.code = "submitted-outside-call";
  hs_test_wait_until (panel_has, &wait, "the call's dates finding in the findings panel");
  finding = panel_finding (editor, "submitted-outside-call");
  {
    GDate d;

    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 2, 10, 2023);
    submitted = hs_date_format (&d, lang);
    opened = hs_date_format (&call->open_date, lang);
  }
  early_text = g_strdup_printf (T (EARLY_MSGID), submitted, name, opened);
  g_assert_cmpstr (finding->message, ==, early_text);

  /* the Finnish run reads Finnish */
  if (language[0] == 'f')
    {
      g_assert_cmpstr (T (CITY_MSGID), !=, CITY_MSGID);
      g_assert_cmpstr (T (EARLY_MSGID), !=, EARLY_MSGID);
    }

  /* no call: its findings go */
  adw_combo_row_set_selected (ADW_COMBO_ROW (chooser), 0);
  wait.code = "schedule-too-long";
  hs_test_wait_until (panel_lacks, &wait, "the length finding to go with the call");
  wait.code = "city-share-over-maximum";
  hs_test_wait_until (panel_lacks, &wait, "the city finding to go with the call");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Alt and the underlined letter of a row's title, as xdotool names it. */
static char *
mnemonic_keys (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *u = strchr (title, '_');
  gunichar c;

  g_assert_nonnull (u);
  c = g_unichar_tolower (g_utf8_get_char (u + 1));
  return g_strdup_printf ("alt+%s", gdk_keyval_name (gdk_unicode_to_keyval (c)));
}

static gboolean
focus_in (HsCallDialog *dialog,
          GtkWidget    *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A row's mnemonic takes the focus to its field. */
static void
go_to (HsCallDialog *dialog,
       const char   *name)
{
  GtkWidget *target = field (dialog, name);
  GtkWidget *row = ADW_IS_PREFERENCES_ROW (target) ? target : gtk_widget_get_ancestor (target, ADW_TYPE_PREFERENCES_ROW);
  g_autofree char *keys = mnemonic_keys (row);

  hs_test_send_keys (GTK_WIDGET (dialog), "key", keys);
  g_assert_true (focus_in (dialog, target));
}

static gboolean
has_dialog (gpointer page)
{
  HsCallDialog *dialog = _hs_calls_page_get_dialog (page);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
one_shown (gpointer page)
{
  return _hs_calls_page_get_n_shown (page) == 1;
}

/* Keyboard alone: Ctrl+Shift+N, typing, the fields' mnemonics, Ctrl+S;
 * then Delete on the saved call's row and Ctrl+Z. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  HsCallDialog *dialog;
  g_autoptr(HsCall) call = NULL;
  g_autoptr(HsCall) back = NULL;
  GtkWidget *description;
  guint before = n_stored_calls (f);

  hs_test_send_keys (GTK_WIDGET (f->window), "key", "ctrl+shift+n");
  hs_test_wait_until (has_dialog, f->page, "the form of a new call");
  dialog = _hs_calls_page_get_dialog (f->page);
  /* the name has the focus */
  g_assert_true (focus_in (dialog, field (dialog, "name")));
  hs_test_send_keys (GTK_WIDGET (dialog), "type", "Keyboard call");
  go_to (dialog, "max-support");
  hs_test_send_keys (GTK_WIDGET (dialog), "type", "500000");
  go_to (dialog, "max-duration");
  hs_test_send_keys (GTK_WIDGET (dialog), "type", "12");
  go_to (dialog, "min-city-bp");
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "ctrl+a");
  hs_test_send_keys (GTK_WIDGET (dialog), "type", "10");
  /* the description is many lines: Enter is a new line there, not Save */
  description = field (dialog, "description");
  {
    g_autofree char *keys = NULL;
    GtkWidget *label = gtk_widget_get_prev_sibling (gtk_widget_get_ancestor (description, GTK_TYPE_FRAME));
    const char *text = gtk_label_get_label (GTK_LABEL (label));
    const char *u = strchr (text, '_');

    g_assert_nonnull (u);
    keys = g_strdup_printf ("alt+%s", gdk_keyval_name (gdk_unicode_to_keyval (g_unichar_tolower (g_utf8_get_char (u + 1)))));
    hs_test_send_keys (GTK_WIDGET (dialog), "key", keys);
    g_assert_true (gtk_widget_has_focus (description));
  }
  hs_test_send_keys (GTK_WIDGET (dialog), "type", "One");
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "Return");
  hs_test_send_keys (GTK_WIDGET (dialog), "type", "Two");
  g_assert_nonnull (_hs_calls_page_get_dialog (f->page));
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "ctrl+s");
  assert_saved (f);

  call = stored_call (f, "Keyboard call");
  g_assert_nonnull (call);
  g_assert_cmpint (call->max_support, ==, G_GINT64_CONSTANT (50000000));
  g_assert_cmpuint (call->max_duration_months, ==, 12);
  g_assert_cmpint (call->min_city_bp, ==, 1000);
  g_assert_cmpstr (call->description, ==, "One\nTwo");
  g_assert_cmpuint (n_stored_calls (f), ==, before + 1);

  /* its row has the focus: Delete deletes it, Ctrl+Z brings it back */
  g_assert_true (gtk_widget_has_focus (_hs_calls_page_get_row (f->page, call->id)));
  hs_test_send_keys (GTK_WIDGET (f->window), "key", "Delete");
  g_assert_null (stored_call (f, "Keyboard call"));
  g_assert_null (_hs_calls_page_get_row (f->page, call->id));
  hs_test_send_keys (GTK_WIDGET (f->window), "key", "ctrl+z");
  back = stored_call (f, "Keyboard call");
  g_assert_nonnull (back);
  g_assert_nonnull (_hs_calls_page_get_row (f->page, call->id));

  /* Ctrl+F on the Calls page searches the calls */
  hs_test_send_keys (GTK_WIDGET (f->window), "key", "ctrl+f");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         _hs_calls_page_get_widget (f->page, "search")));
  hs_test_send_keys (GTK_WIDGET (f->window), "type", "keyboard");
  hs_test_wait_until (one_shown, f->page, "the search to find the call");
  g_assert_nonnull (_hs_calls_page_get_row (f->page, call->id));
}

/* The page and the form as they look, at the default size and at 800×600. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  HsCallDialog *dialog;
  g_autofree char *big = g_strdup_printf ("calls-%s.png", language);
  g_autofree char *small = g_strdup_printf ("calls-%s-800x600.png", language);
  g_autofree char *form = g_strdup_printf ("call-form-%s.png", language);
  g_autofree char *form_small = g_strdup_printf ("call-form-%s-800x600.png", language);
  g_autofree char *form_end = g_strdup_printf ("call-form-end-%s-800x600.png", language);

  dialog = open_new_call (f);
  fill_joensuu (f, dialog);
  save_with_keys (f, dialog);
  assert_saved (f);
  hs_test_save_png (GTK_WIDGET (f->window), big);

  dialog = open_new_call (f);
  fill_joensuu (f, dialog);
  set_text (dialog, "name", "");
  save_with_keys (f, dialog);
  hs_test_save_png (GTK_WIDGET (dialog), form);
  gtk_window_destroy (GTK_WINDOW (dialog));
  hs_test_wait_until (page_dialog_gone, f->page, "the form to close");

  /* a window opened at 800×600 folds: one pane at a time, here the calls */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = hs_window_new (NULL, f->repo);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  hs_test_present (GTK_WINDOW (f->window));
  adw_view_stack_set_visible_child_name (hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK), "calls");
  f->page = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_CALLS_PAGE);
  {
    AdwLeaflet *leaflet = hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET);

    hs_test_wait_until ((HsTestCondition) adw_leaflet_get_folded, leaflet, "the window to fold");
    adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    hs_test_wait_mapped (GTK_WIDGET (f->page));
  }
  hs_test_save_png (GTK_WIDGET (f->window), small);
  dialog = open_new_call (f);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 800, 600);
  fill_joensuu (f, dialog);
  set_text (dialog, "name", "Joensuun kevään haku 2024");
  set_text (dialog, "max-city-bp", "20");
  set_text (dialog, "min-city-bp", "25");
  save_with_keys (f, dialog);
  hs_test_save_png (GTK_WIDGET (dialog), form_small);
  /* its end: the money, the cost models, the description */
  set_text (dialog, "max-city-bp", "40");
  gtk_widget_grab_focus (field (dialog, "description"));
  hs_test_wait_for_text (GTK_WIDGET (dialog), hs_cost_model_label (HS_COST_MODEL_FLAT15_2014));
  hs_test_save_png (GTK_WIDGET (dialog), form_end);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  const char *lang = hs_test_take_language_option (&argc, &argv);

  if (lang != NULL)
    language = lang;
  g_setenv ("GTK_A11Y", "test", TRUE);
  hs_i18n_init ();
  hs_test_gui_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/calls/create-joensuu", test_create_joensuu);
  ADD ("/calls/create-hevi-and-edit", test_create_hevi_and_edit);
  ADD ("/calls/refused-values", test_refused_values);
  ADD ("/calls/cancel-stores-nothing", test_cancel_stores_nothing);
  ADD ("/calls/delete", test_delete);
  ADD ("/calls/keyboard", test_keyboard);
  ADD ("/calls/scope-and-search", test_scope_and_search);
  ADD ("/calls/editor-shows-limits", test_editor_shows_limits);
  ADD ("/calls/editor-call-findings", test_editor_call_findings);
  ADD ("/calls/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}

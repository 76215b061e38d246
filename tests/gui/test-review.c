/* test-review.c — the Review page, the assessment form, decisions and the change comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case opens a fresh database with the example portfolio and a call
 * of its own with five submitted applications, shows the main window on
 * its Review page and acts as a user would: the window's actions and
 * their accelerators as real key presses, typing into the forms, Ctrl+S,
 * the toast's Undo (Ctrl+Z). Assertions are on the ranking and the money
 * the page shows and on what the database holds, read back through the
 * repository. --language=fi runs the same cases in Finnish.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "core/hs-date.h"
#include "core/hs-i18n.h"
#include "core/hs-lang.h"
#include "core/hs-money.h"
#include "core/hs-review.h"

#include "hs-amount-entry.h"
#include "hs-assess-dialog-private.h"
#include "hs-decision-dialog-private.h"
#include "hs-diff-window.h"
#include "hs-gui-test.h"
#include "hs-money-bar.h"
#include "hs-proposal-dialog-private.h"
#include "hs-report-actions.h"
#include "hs-review-item.h"
#include "hs-review-page-private.h"
#include "hs-window.h"
#include "review-fixture.h"

#define T(msgid) g_dgettext (GETTEXT_PACKAGE, msgid)

static const char *language = "en";

#define AVAILABLE G_GINT64_CONSTANT (100000000)   /* 1 000 000,00 € */

typedef struct
{
  char         *dir;
  HsRepository *repo;
  HsWindow     *window;
  HsReviewPage *page;
  gint64        call_id;
  GArray       *ids;        /* the applications, ascending */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->repo = hs_test_open_portfolio ("hs-review", 0, &f->dir);
  f->call_id = hs_review_fixture_add_call (f->repo, "Review test call", AVAILABLE, 5, 11, &f->ids);
  f->window = hs_window_new (NULL, f->repo);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  hs_test_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-review", NULL));
  f->page = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_REVIEW_PAGE);
  g_assert_nonnull (f->page);
  hs_test_wait_mapped (GTK_WIDGET (f->page));
  hs_review_page_set_call (f->page, f->call_id);
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  /* the page fits beside the sidebar: the window does not fold */
  g_assert_false (adw_leaflet_get_folded (hs_test_find_child (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET)));
  g_assert_cmpint (hs_review_page_get_call (f->page), ==, f->call_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->ids, g_array_unref);
  hs_test_close_portfolio (f->window, &f->repo, &f->dir);
}

static gint64
app (Fixture *f,
     guint    i)
{
  return g_array_index (f->ids, gint64, i);
}

/* ---- what the page shows -------------------------------------------------- */

static const HsReviewRow *
row_at (Fixture *f,
        guint    position)
{
  GListModel *model = _hs_review_page_get_model (f->page);
  g_autoptr(HsReviewItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return hs_review_item_get_row (item);   /* the store keeps the item */
}

static guint
rank_of (Fixture *f,
         gint64   project_id)
{
  GListModel *model = _hs_review_page_get_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (row_at (f, i)->project_id == project_id)
      return row_at (f, i)->rank;
  return 0;
}

static HsReview *
stored_review (Fixture *f,
               gint64   project_id)
{
  g_autoptr(GError) error = NULL;
  HsReview *review = hs_repository_load_review (f->repo, project_id, &error);

  g_assert_no_error (error);
  return review;
}

static HsProject *
stored_project (Fixture *f,
                gint64   project_id)
{
  g_autoptr(GError) error = NULL;
  HsProject *project = hs_repository_load_project (f->repo, project_id, &error);

  g_assert_no_error (error);
  return project;
}

static gint64
applied_of (Fixture *f,
            gint64   project_id)
{
  g_autoptr(HsProject) project = stored_project (f, project_id);
  gint64 sum = 0;

  for (guint i = 0; i < project->implementers->len; i++)
    sum += hs_implementer_get_financing (g_ptr_array_index (project->implementers, i), HS_SOURCE_EU_STATE);
  return sum;
}

static gboolean
no_dialog (gpointer data)
{
  return _hs_review_page_get_dialog (HS_REVIEW_PAGE (data)) == NULL;
}

static GtkWindow *
wait_dialog (Fixture *f)
{
  GtkWindow *dialog = _hs_review_page_get_dialog (f->page);

  g_assert_nonnull (dialog);
  hs_test_wait_mapped (GTK_WIDGET (dialog));
  return dialog;
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

/* Keys to the main window once it has the focus back from a dialog. */
static void
window_keys (Fixture    *f,
             const char *keys)
{
  if (!gtk_window_is_active (GTK_WINDOW (f->window)))
    {
      /* the X server gives it the focus; GTK has to hear of it first */
      hs_test_send_keys (GTK_WIDGET (f->window), "key", "shift");
      hs_test_wait_until (window_active, f->window, "the window to have the focus");
    }
  hs_test_send_keys (GTK_WIDGET (f->window), "key", keys);
}

/* ---- the assessment form -------------------------------------------------- */

static void
set_general (HsAssessDialog *dialog,
             const char     *key,
             gboolean        met)
{
  GtkWidget *w = _hs_assess_dialog_get_score (dialog, key, 0);

  g_assert_true (GTK_IS_DROP_DOWN (w));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (w), met ? 1 : 2);
}

static void
set_score (HsAssessDialog *dialog,
           const char     *key,
           int             score,
           const char     *justification)
{
  GtkWidget *w = _hs_assess_dialog_get_score (dialog, key, 0);

  g_assert_true (GTK_IS_SPIN_BUTTON (w));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (w), score);
  if (justification != NULL)
    gtk_editable_set_text (GTK_EDITABLE (_hs_assess_dialog_get_justification (dialog, key, 0)), justification);
}

static const char *general_keys[] = {
  "general-programme-fit", "general-applicant-capacity", "general-eligible-costs", "general-financing-secured",
  "general-law-state-aid", "general-horizontal-principles", "general-dnsh", "general-not-completed",
};

/* Opens the form of @project_id with Ctrl+Alt+A and fills it: every general
 * criterion met except @unmet (NULL: none), the horizontal ones and the
 * content ones of 1.1 at @score (on their scale). */
static HsAssessDialog *
open_assessment (Fixture *f,
                 gint64   project_id)
{
  g_assert_true (hs_review_page_select_project (f->page, project_id));
  window_keys (f, "ctrl+alt+a");
  return HS_ASSESS_DIALOG (wait_dialog (f));
}

static void
fill_assessment (HsAssessDialog *dialog,
                 const char     *reviewer,
                 const char     *unmet,
                 int             score)
{
  gtk_editable_set_text (GTK_EDITABLE (_hs_assess_dialog_get_widget (dialog, "reviewer")), reviewer);
  for (guint i = 0; i < G_N_ELEMENTS (general_keys); i++)
    set_general (dialog, general_keys[i], g_strcmp0 (general_keys[i], unmet) != 0);
  set_score (dialog, "horizontal-equality", MIN (score, 3), "Equality plan with targets");
  set_score (dialog, "horizontal-sustainable", MIN (score, 3), "Low-carbon pilots");
  set_score (dialog, "content-1.1-cooperation", score, "Three universities and the city");
  set_score (dialog, "content-1.1-business-driven-rdi", score, "Companies set the agenda");
}

static void
save_dialog_with_keys (Fixture   *f,
                       GtkWindow *dialog)
{
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "ctrl+s");
  if (_hs_review_page_get_dialog (f->page) != NULL && HS_IS_DECISION_DIALOG (dialog))
    g_test_message ("the form says: %s",
                    gtk_label_get_text (GTK_LABEL (_hs_decision_dialog_get_widget (HS_DECISION_DIALOG (dialog), "message"))));
  hs_test_wait_until (no_dialog, f->page, "the form to close after Save");
}

static const HsScore *
score_of (const HsReview *review,
          const char     *reviewer,
          gint64          criterion_id)
{
  for (guint i = 0; i < review->scores->len; i++)
    {
      const HsScore *s = g_ptr_array_index (review->scores, i);

      if (g_strcmp0 (s->reviewer, reviewer) == 0 && s->criterion_id == criterion_id)
        return s;
    }
  return NULL;
}

static gint64
criterion_id (Fixture    *f,
              const char *key)
{
  g_autoptr(GPtrArray) criteria = hs_repository_list_criteria (f->repo, f->call_id, NULL);

  for (guint i = 0; i < criteria->len; i++)
    if (g_str_equal (((HsCriterion *) g_ptr_array_index (criteria, i))->key, key))
      return ((HsCriterion *) g_ptr_array_index (criteria, i))->id;
  g_assert_not_reached ();
}

/* Unscored applications rank by id; an assessed one goes first, one with a
 * criterion not met after the fully met ones; Undo puts the ranking back. */
static void
test_assess_and_rank (Fixture       *f,
                      gconstpointer  data)
{
  HsAssessDialog *dialog;
  g_autoptr(HsReview) review = NULL;
  const HsScore *s;

  g_assert_cmpuint (g_list_model_get_n_items (_hs_review_page_get_model (f->page)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpint (row_at (f, i)->project_id, ==, app (f, i));
      g_assert_cmpint (row_at (f, i)->score_bp, ==, -1);
    }

  /* the fourth application: all met, high scores → first */
  dialog = open_assessment (f, app (f, 3));
  fill_assessment (dialog, "Aino Virtanen", NULL, 4);
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
  review = stored_review (f, app (f, 3));
  s = score_of (review, "Aino Virtanen", criterion_id (f, "horizontal-equality"));
  g_assert_nonnull (s);
  g_assert_cmpint (s->score, ==, 3);
  g_assert_cmpstr (s->justification, ==, "Equality plan with targets");
  g_assert_cmpuint (review->scores->len, ==, G_N_ELEMENTS (general_keys) + 4);
  g_assert_cmpuint (rank_of (f, app (f, 3)), ==, 1);
  g_assert_cmpint (row_at (f, 0)->score_bp, >, 0);
  g_assert_cmpuint (row_at (f, 0)->reviewers, ==, 1);

  /* the second: a higher score but a general criterion not met → second */
  dialog = open_assessment (f, app (f, 1));
  fill_assessment (dialog, "Aino Virtanen", "general-dnsh", 5);
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
  g_assert_cmpuint (rank_of (f, app (f, 3)), ==, 1);
  g_assert_cmpuint (rank_of (f, app (f, 1)), ==, 2);
  g_assert_cmpuint (row_at (f, 1)->general_unmet, ==, 1);

  /* the first: all met and full marks → before the fourth */
  dialog = open_assessment (f, app (f, 0));
  fill_assessment (dialog, "Mikko Laine", NULL, 5);
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
  g_assert_cmpuint (rank_of (f, app (f, 0)), ==, 1);
  g_assert_cmpuint (rank_of (f, app (f, 3)), ==, 2);
  g_assert_cmpuint (rank_of (f, app (f, 1)), ==, 3);

  /* Ctrl+Z takes the last assessment back, as one action */
  window_keys (f, "ctrl+z");
  {
    g_autoptr(HsReview) back = stored_review (f, app (f, 0));

    g_assert_cmpuint (back->scores->len, ==, 0);
  }
  g_assert_cmpuint (rank_of (f, app (f, 3)), ==, 1);
  g_assert_cmpuint (rank_of (f, app (f, 1)), ==, 2);
  g_assert_cmpuint (rank_of (f, app (f, 0)), ==, 3);

  /* a second reviewer of the fourth: the form starts empty for them, and
   * shows the first reviewer's scores again when the name is theirs */
  dialog = open_assessment (f, app (f, 3));
  gtk_editable_set_text (GTK_EDITABLE (_hs_assess_dialog_get_widget (dialog, "reviewer")), "Aino Virtanen");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
                     _hs_assess_dialog_get_score (dialog, "horizontal-equality", 0))), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (_hs_assess_dialog_get_widget (dialog, "reviewer")), "Mikko Laine");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
                     _hs_assess_dialog_get_score (dialog, "horizontal-equality", 0))), ==, -1);
  set_score (dialog, "horizontal-equality", 1, "Thin");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (_hs_assess_dialog_get_widget (dialog, "comment"))),
                            "Ask for the equality plan", -1);
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
  {
    g_autoptr(HsReview) two = stored_review (f, app (f, 3));

    g_assert_cmpuint (two->comments->len, ==, 1);
    g_assert_cmpstr (((HsReviewComment *) g_ptr_array_index (two->comments, 0))->text, ==, "Ask for the equality plan");
    g_assert_cmpuint (row_at (f, 0)->reviewers, ==, 2);
  }
}

/* What the form cannot take: a score above the scale is clamped; a blank
 * reviewer is refused beside the field and nothing is saved; Esc cancels. */
static void
test_refused_assessment (Fixture       *f,
                         gconstpointer  data)
{
  HsAssessDialog *dialog = open_assessment (f, app (f, 2));
  GtkWidget *spin = _hs_assess_dialog_get_score (dialog, "horizontal-equality", 0);
  GtkWidget *error;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (_hs_assess_dialog_get_widget (dialog, "reviewer")), "  ");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2);
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "ctrl+s");
  g_assert_nonnull (_hs_review_page_get_dialog (f->page));
  error = _hs_assess_dialog_get_widget (dialog, "reviewer-error");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, T ("A score needs the reviewer’s name"));
  {
    g_autoptr(HsReview) review = stored_review (f, app (f, 2));

    g_assert_cmpuint (review->scores->len, ==, 0);
  }
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "Escape");
  hs_test_wait_until (no_dialog, f->page, "Esc to close the form");
  {
    g_autoptr(HsReview) review = stored_review (f, app (f, 2));

    g_assert_cmpuint (review->scores->len, ==, 0);
  }
}

/* ---- decisions ------------------------------------------------------------ */

static HsDecisionDialog *
open_decision (Fixture    *f,
               gint64      project_id,
               const char *keys)
{
  g_assert_true (hs_review_page_select_project (f->page, project_id));
  window_keys (f, keys);
  return HS_DECISION_DIALOG (wait_dialog (f));
}

static GtkWidget *
dfield (HsDecisionDialog *dialog,
        const char       *name)
{
  GtkWidget *w = _hs_decision_dialog_get_widget (dialog, name);

  g_assert_nonnull (w);
  return w;
}

static void
set_amount_text (GtkWidget *entry,
                 gint64     cents)
{
  g_autofree char *text = hs_money_format_plain (cents, hs_lang_current ());

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  hs_test_drain ();
}

static void
grant (Fixture *f,
       gint64   project_id,
       gint64   total)
{
  HsDecisionDialog *dialog = open_decision (f, project_id, "ctrl+alt+g");

  set_amount_text (dfield (dialog, "total"), total);
  gtk_editable_set_text (GTK_EDITABLE (dfield (dialog, "number")), "UUDELY/7/2026");
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
}

/* A grant for less than applied, a refused grant for more, a rejection; the
 * money bar and the database follow. */
static void
test_decide (Fixture       *f,
             gconstpointer  data)
{
  HsDecisionDialog *dialog;
  gint64 applied0 = applied_of (f, app (f, 0));
  gint64 applied1 = applied_of (f, app (f, 1));
  gint64 total = applied0 - 1000000;   /* 10 000,00 € less */
  HsCallMoney money;
  GtkWidget *difference;

  g_assert_cmpint (applied0, >, 1000000);
  _hs_review_page_get_money (f->page, &money);
  g_assert_cmpint (money.available, ==, AVAILABLE);
  g_assert_cmpint (money.granted, ==, 0);
  g_assert_cmpint (money.remaining, ==, AVAILABLE);

  /* the difference shows as it is typed */
  dialog = open_decision (f, app (f, 0), "ctrl+alt+g");
  difference = dfield (dialog, "difference");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (difference)), "")); /* filled */
  set_amount_text (dfield (dialog, "total"), total);
  {
    g_autofree char *less = hs_money_format (1000000, hs_lang_current ());

    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (difference)), less));
  }
  /* more than applied for: refused in the form, nothing saved */
  set_amount_text (dfield (dialog, "total"), applied0 + 100);
  gtk_editable_set_text (GTK_EDITABLE (dfield (dialog, "number")), "UUDELY/7/2026");
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "ctrl+s");
  g_assert_nonnull (_hs_review_page_get_dialog (f->page));
  g_assert_true (gtk_widget_get_visible (dfield (dialog, "message")));
  {
    g_autoptr(HsProject) p = stored_project (f, app (f, 0));
    g_autoptr(HsReview) r = stored_review (f, app (f, 0));

    g_assert_cmpint (p->status, ==, HS_STATUS_SUBMITTED);
    g_assert_cmpuint (r->decisions->len, ==, 0);
  }
  set_amount_text (dfield (dialog, "total"), total);
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
  {
    g_autoptr(HsProject) p = stored_project (f, app (f, 0));
    g_autoptr(HsReview) r = stored_review (f, app (f, 0));
    const HsDecision *d = hs_review_decision_in_force (r);

    g_assert_cmpint (p->status, ==, HS_STATUS_APPROVED);
    g_assert_nonnull (d);
    g_assert_cmpstr (d->number, ==, "UUDELY/7/2026");
    g_assert_cmpint (hs_review_granted (r), ==, total);
    g_assert_nonnull (hs_review_approved_version (r));
  }
  _hs_review_page_get_money (f->page, &money);
  g_assert_cmpint (money.granted, ==, total);
  g_assert_cmpint (money.remaining, ==, AVAILABLE - total);
  g_assert_cmpint (money.grants, ==, 1);
  {
    guint rank = rank_of (f, app (f, 0));
    const HsReviewRow *row = row_at (f, rank - 1);

    g_assert_cmpint (row->decision, ==, HS_PORTFOLIO_GRANTED);
    g_assert_cmpint (row->granted, ==, total);
    g_assert_cmpint (row->status, ==, HS_STATUS_APPROVED);
  }
  {
    g_autofree char *text = hs_money_bar_dup_text (HS_MONEY_BAR (_hs_review_page_get_widget (f->page, "money")));
    g_autofree char *granted = hs_money_format (total, hs_lang_current ());

    g_assert_nonnull (strstr (text, granted));
  }

  /* a second decision without a change application is refused */
  dialog = open_decision (f, app (f, 0), "ctrl+alt+g");
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "ctrl+s");
  g_assert_true (gtk_widget_get_visible (dfield (dialog, "message")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  hs_test_wait_until (no_dialog, f->page, "the form to close");
  {
    g_autoptr(HsReview) r = stored_review (f, app (f, 0));

    g_assert_cmpuint (r->decisions->len, ==, 1);
  }

  /* the second application rejected, with the reason */
  dialog = open_decision (f, app (f, 1), "ctrl+alt+r");
  gtk_editable_set_text (GTK_EDITABLE (dfield (dialog, "reason")), "Not in the agreement's focus areas");
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
  {
    g_autoptr(HsProject) p = stored_project (f, app (f, 1));
    g_autoptr(HsReview) r = stored_review (f, app (f, 1));
    const HsDecision *d = hs_review_decision_in_force (r);

    g_assert_cmpint (p->status, ==, HS_STATUS_REJECTED);
    g_assert_nonnull (d);
    g_assert_cmpint (d->kind, ==, HS_DECISION_REJECT);
    g_assert_cmpstr (d->reason, ==, "Not in the agreement's focus areas");
  }
  _hs_review_page_get_money (f->page, &money);
  g_assert_cmpint (money.rejections, ==, 1);
  g_assert_cmpint (money.granted, ==, total);

  /* per implementer: each its own amount */
  {
    g_autoptr(HsProject) p = stored_project (f, app (f, 2));

    dialog = open_decision (f, app (f, 2), "ctrl+alt+g");
    gtk_switch_set_active (GTK_SWITCH (dfield (dialog, "per-implementer")), TRUE);
    set_amount_text (_hs_decision_dialog_get_implementer (dialog, 0),
                     hs_implementer_get_financing (g_ptr_array_index (p->implementers, 0), HS_SOURCE_EU_STATE) / 2);
  }
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
  {
    g_autoptr(HsReview) r = stored_review (f, app (f, 2));

    g_assert_cmpint (hs_review_granted (r), <, applied_of (f, app (f, 2)));
  }
  (void) applied1;
}

/* ---- a change application and the comparison ------------------------------ */

static void
test_change_and_diff (Fixture       *f,
                      gconstpointer  data)
{
  HsDecisionDialog *dialog;
  GtkWindow *diff;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *starts = NULL;
  GDate starts_date;

  grant (f, app (f, 0), applied_of (f, app (f, 0)));
  /* the change application: Ctrl+Alt+M */
  dialog = open_decision (f, app (f, 0), "ctrl+alt+m");
  g_date_clear (&starts_date, 1);
  g_date_set_dmy (&starts_date, g_date_time_get_day_of_month (later), g_date_time_get_month (later),
                  g_date_time_get_year (later));
  starts = hs_date_to_iso (&starts_date);
  gtk_editable_set_text (GTK_EDITABLE (dfield (dialog, "starts")), starts);
  gtk_editable_set_text (GTK_EDITABLE (dfield (dialog, "reason")), "A new partner joins");
  save_dialog_with_keys (f, GTK_WINDOW (dialog));
  {
    g_autoptr(HsReview) r = stored_review (f, app (f, 0));

    g_assert_true (r->change_open);
    g_assert_cmpstr (r->change_reason, ==, "A new partner joins");
  }

  /* the project changes as the change application says */
  project = stored_project (f, app (f, 0));
  g_free (project->summary);
  project->summary = g_strdup ("Changed by the change application");
  {
    /* and asks for 5 000,00 € less of the main implementer's support */
    HsImplementer *main = g_ptr_array_index (project->implementers, 0);

    hs_implementer_set_financing (main, HS_SOURCE_EU_STATE,
                                  hs_implementer_get_financing (main, HS_SOURCE_EU_STATE) - 500000);
  }
  g_assert_true (hs_repository_save_project (f->repo, project, &error));
  g_assert_no_error (error);

  g_assert_cmpint (hs_review_page_get_selected (f->page), ==, app (f, 0));
  window_keys (f, "ctrl+alt+d");
  diff = wait_dialog (f);
  g_assert_true (HS_IS_DIFF_WINDOW (diff));
  text = hs_diff_window_dup_text (HS_DIFF_WINDOW (diff));
  g_assert_nonnull (strstr (text, "Changed by the change application"));
  {
    g_autofree char *amount = hs_money_format (applied_of (f, app (f, 0)), hs_lang_current ());

    /* the support line shows what it is now */
    g_assert_nonnull (strstr (text, amount));
  }
  {
    g_autofree char *png = g_strdup_printf ("review-diff-%s.png", language);

    gtk_window_set_default_size (diff, 1280, 800);
    hs_test_save_png (GTK_WIDGET (diff), png);
  }
  gtk_window_destroy (diff);
  hs_test_wait_until (no_dialog, f->page, "the comparison to close");
}

/* An undecided application has no change application or comparison:
 * the actions do nothing (and say why); decided, they open their windows. */
static void
test_undecided_actions (Fixture       *f,
                        gconstpointer  data)
{
  GtkWindow *diff;

  g_assert_true (hs_review_page_select_project (f->page, app (f, 4)));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "review.change", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "review.diff", NULL);
  window_keys (f, "ctrl+alt+m");
  g_assert_null (_hs_review_page_get_dialog (f->page));
  g_assert_null (hs_review_page_change (f->page));
  g_assert_null (hs_review_page_diff (f->page));
  {
    g_autoptr(HsReview) r = stored_review (f, app (f, 4));

    g_assert_false (r->change_open);
  }
  grant (f, app (f, 4), applied_of (f, app (f, 4)));
  diff = hs_review_page_diff (f->page);
  g_assert_true (HS_IS_DIFF_WINDOW (diff));
  {
    g_autofree char *text = hs_diff_window_dup_text (HS_DIFF_WINDOW (diff));

    /* nothing changed since the approval */
    g_assert_nonnull (strstr (text, T ("Nothing has changed")));
  }
  gtk_window_destroy (diff);
}

/* ---- the proposal --------------------------------------------------------- */

static HsProposal *
stored_proposal (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HsProposal *proposal = hs_repository_load_proposal (f->repo, f->call_id, &error);

  g_assert_no_error (error);
  return proposal;
}

static HsProposalDialog *
open_proposal (Fixture *f)
{
  GtkWindow *dialog;

  window_keys (f, "ctrl+alt+p");
  dialog = wait_dialog (f);
  g_assert_true (HS_IS_PROPOSAL_DIALOG (dialog));
  return HS_PROPOSAL_DIALOG (dialog);
}

static GtkWidget *
pwidget (HsProposalDialog *dialog,
         gint64            project_id,
         const char       *name)
{
  GtkWidget *w = _hs_proposal_dialog_get_row_widget (dialog, project_id, name);

  g_assert_nonnull (w);
  return w;
}

static void
assert_order (HsProposalDialog *dialog,
              const gint64     *ids,
              guint             n)
{
  g_autoptr(GArray) order = _hs_proposal_dialog_dup_order (dialog);

  g_assert_cmpuint (order->len, >=, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (order, gint64, i), ==, ids[i]);
}

static const HsProposalItem *
item_of (const HsProposal *proposal,
         gint64            project_id)
{
  for (guint i = 0; i < proposal->items->len; i++)
    if (g_array_index (proposal->items, HsProposalItem, i).project_id == project_id)
      return &g_array_index (proposal->items, HsProposalItem, i);
  return NULL;
}

/* Ctrl+Alt+P: two applications proposed, the second moved before the first
 * (a button, then Alt+Down and Alt+Up on the row), one not proposed with a
 * reason, the meeting's date; Save keeps it in the database, the money bar
 * and the ranking's column show it, the dialog opens in that order again,
 * and Ctrl+Z takes it back as one action. */
static void
test_propose (Fixture       *f,
              gconstpointer  data)
{
  HsProposalDialog *dialog;
  g_autoptr(HsProposal) before = stored_proposal (f);
  g_autoptr(HsProposal) saved = NULL;
  gint64 expected_proposed = applied_of (f, app (f, 0)) + applied_of (f, app (f, 2));
  HsCallMoney money;
  GDate meeting;
  g_autofree char *meeting_text = NULL;
  const HsProposalItem *item;

  g_assert_cmpuint (hs_proposal_position (before, app (f, 0)), ==, 0);
  _hs_review_page_get_money (f->page, &money);
  g_assert_cmpint (money.proposed, ==, 0);

  dialog = open_proposal (f);
  {
    g_autoptr(GArray) order = _hs_proposal_dialog_dup_order (dialog);

    /* nothing proposed yet: every application, each with a reason field */
    g_assert_cmpuint (order->len, ==, 5);
    for (guint i = 0; i < 5; i++)
      {
        g_assert_false (gtk_switch_get_active (GTK_SWITCH (pwidget (dialog, app (f, i), "switch"))));
        g_assert_nonnull (pwidget (dialog, app (f, i), "reason"));
        g_assert_null (_hs_proposal_dialog_get_row_widget (dialog, app (f, i), "up"));
      }
  }
  gtk_switch_set_active (GTK_SWITCH (pwidget (dialog, app (f, 0), "switch")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (pwidget (dialog, app (f, 2), "switch")), TRUE);
  {
    const gint64 order[] = { app (f, 0), app (f, 2) };

    assert_order (dialog, order, 2);
  }
  g_assert_false (gtk_widget_get_sensitive (pwidget (dialog, app (f, 0), "up")));
  g_assert_false (gtk_widget_get_sensitive (pwidget (dialog, app (f, 2), "down")));
  g_signal_emit_by_name (pwidget (dialog, app (f, 2), "up"), "clicked");
  {
    const gint64 order[] = { app (f, 2), app (f, 0) };

    assert_order (dialog, order, 2);
  }
  /* the keyboard: Alt+Down, then Alt+Up, on the row of the first */
  gtk_widget_grab_focus (pwidget (dialog, app (f, 2), "down"));
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "alt+Down");
  {
    const gint64 order[] = { app (f, 0), app (f, 2) };

    assert_order (dialog, order, 2);
  }
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "alt+Up");
  {
    const gint64 order[] = { app (f, 2), app (f, 0) };

    assert_order (dialog, order, 2);
  }
  gtk_editable_set_text (GTK_EDITABLE (pwidget (dialog, app (f, 4), "reason")), "Outside the call’s themes");
  g_date_clear (&meeting, 1);
  g_date_set_dmy (&meeting, 20, G_DATE_NOVEMBER, 2026);
  meeting_text = hs_date_to_iso (&meeting);
  gtk_editable_set_text (GTK_EDITABLE (_hs_proposal_dialog_get_widget (dialog, "meeting")), meeting_text);
  save_dialog_with_keys (f, GTK_WINDOW (dialog));

  saved = stored_proposal (f);
  g_assert_cmpuint (hs_proposal_position (saved, app (f, 2)), ==, 1);
  g_assert_cmpuint (hs_proposal_position (saved, app (f, 0)), ==, 2);
  g_assert_cmpuint (hs_proposal_position (saved, app (f, 1)), ==, 0);
  g_assert_cmpuint (saved->items->len, ==, 5);
  item = item_of (saved, app (f, 4));
  g_assert_nonnull (item);
  g_assert_cmpuint (item->position, ==, 0);
  g_assert_cmpstr (item->reason, ==, "Outside the call’s themes");
  g_assert_null (item_of (saved, app (f, 1))->reason);
  g_assert_null (item_of (saved, app (f, 2))->reason);
  g_assert_true (g_date_valid (&saved->meeting));
  g_assert_cmpint (g_date_compare (&saved->meeting, &meeting), ==, 0);

  /* the money bar and the ranking follow */
  _hs_review_page_get_money (f->page, &money);
  g_assert_cmpint (money.proposed, ==, expected_proposed);
  g_assert_cmpuint (money.proposals, ==, 2);
  {
    g_autofree char *text = hs_money_bar_dup_text (HS_MONEY_BAR (_hs_review_page_get_widget (f->page, "money")));
    g_autofree char *proposed = hs_money_format (expected_proposed, hs_lang_current ());

    g_assert_nonnull (strstr (text, proposed));
  }
  g_assert_cmpuint (row_at (f, rank_of (f, app (f, 2)) - 1)->proposal, ==, 1);
  g_assert_cmpuint (row_at (f, rank_of (f, app (f, 0)) - 1)->proposal, ==, 2);
  g_assert_cmpuint (row_at (f, rank_of (f, app (f, 4)) - 1)->proposal, ==, 0);

  /* opened again: the proposal's order, the reason kept */
  dialog = open_proposal (f);
  {
    const gint64 order[] = { app (f, 2), app (f, 0) };

    assert_order (dialog, order, 2);
  }
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (pwidget (dialog, app (f, 2), "switch"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pwidget (dialog, app (f, 4), "reason"))), ==,
                   "Outside the call’s themes");
  hs_test_send_keys (GTK_WIDGET (dialog), "key", "Escape");
  hs_test_wait_until (no_dialog, f->page, "Esc to close the proposal");

  /* Ctrl+Z: the proposal as it was, in one step */
  window_keys (f, "ctrl+z");
  {
    g_autoptr(HsProposal) back = stored_proposal (f);

    g_assert_cmpuint (hs_proposal_position (back, app (f, 2)), ==, 0);
    g_assert_cmpuint (hs_proposal_position (back, app (f, 0)), ==, 0);
    g_assert_true (hs_proposal_equal (back, before));
  }
  _hs_review_page_get_money (f->page, &money);
  g_assert_cmpint (money.proposed, ==, 0);
  g_assert_cmpuint (row_at (f, rank_of (f, app (f, 2)) - 1)->proposal, ==, 0);
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

/* The decision letter: refused for an undecided application; for a
 * decided one the save dialog offers the letter's name, and the letter is
 * written as PDF in a worker thread. */
static void
test_letter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HsProject) project = stored_project (f, app (f, 0));
  g_autofree char *path = g_build_filename (f->dir, "letter.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = hs_report_letter_file_name (project->code);
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *native;
  Written written = { 0 };

  g_assert_true (hs_review_page_select_project (f->page, app (f, 0)));
  g_assert_null (hs_review_page_letter (f->page));
  /* the window's action says why and opens nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review-letter", NULL));

  grant (f, app (f, 0), applied_of (f, app (f, 0)));
  g_assert_true (hs_review_page_select_project (f->page, app (f, 0)));
  native = hs_review_page_letter (f->page);
  g_assert_nonnull (native);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (native));
  g_assert_cmpstr (name, ==, expected);
  g_signal_emit_by_name (native, "response", GTK_RESPONSE_CANCEL);
  hs_test_wait_file_chooser (FALSE);

  hs_export_decision_letter_to_file_async (f->repo, project->code, hs_lang_current (), file, NULL,
                                           written_cb, &written);
  hs_test_wait_until (is_written, &written, "the letter to be written");
  g_assert_no_error (written.error);
  g_assert_true (written.ok);
  g_assert_cmpuint (written.n_pages, >=, 1);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);

  /* an undecided one cannot have one written */
  {
    g_autoptr(HsProject) other = stored_project (f, app (f, 1));
    g_autofree char *path2 = g_build_filename (f->dir, "none.pdf", NULL);
    g_autoptr(GFile) file2 = g_file_new_for_path (path2);
    Written refused = { 0 };

    hs_export_decision_letter_to_file_async (f->repo, other->code, hs_lang_current (), file2, NULL,
                                             written_cb, &refused);
    hs_test_wait_until (is_written, &refused, "the letter to be refused");
    g_assert_false (refused.ok);
    g_assert_nonnull (refused.error);
    g_clear_error (&refused.error);
    g_assert_false (g_file_test (path2, G_FILE_TEST_EXISTS));
  }
}

/* The proposal dialog as it looks, two proposed and one with a reason. */
static void
test_proposal_screenshot (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *png = g_strdup_printf ("review-proposal-%s.png", language);
  HsProposalDialog *dialog;

  for (guint i = 0; i < 5; i++)
    hs_review_fixture_score (f->repo, app (f, i), 2, i * 2);
  dialog = open_proposal (f);
  gtk_switch_set_active (GTK_SWITCH (pwidget (dialog, app (f, 3), "switch")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (pwidget (dialog, app (f, 1), "switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (pwidget (dialog, app (f, 0), "reason")), "Outside the call’s themes");
  gtk_editable_set_text (GTK_EDITABLE (_hs_proposal_dialog_get_widget (dialog, "meeting")), "2026-11-20");
  hs_test_save_png (GTK_WIDGET (dialog), png);
  gtk_window_destroy (GTK_WINDOW (dialog));
  hs_test_wait_until (no_dialog, f->page, "the proposal to close");
}

/* The page, the form and the comparison as they look at 1280×800. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  HsAssessDialog *dialog;
  g_autofree char *page_png = g_strdup_printf ("review-page-%s.png", language);
  g_autofree char *form_png = g_strdup_printf ("review-assessment-%s.png", language);
  g_autofree char *grant_png = g_strdup_printf ("review-grant-%s.png", language);
  HsDecisionDialog *decision;

  for (guint i = 0; i < 5; i++)
    hs_review_fixture_score (f->repo, app (f, i), 2, i * 2);
  grant (f, app (f, 4), applied_of (f, app (f, 4)) - 5000000);
  hs_test_save_png (GTK_WIDGET (f->window), page_png);

  dialog = open_assessment (f, app (f, 2));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1280, 800);
  gtk_editable_set_text (GTK_EDITABLE (_hs_assess_dialog_get_widget (dialog, "reviewer")), "Reviewer 1");
  hs_test_save_png (GTK_WIDGET (dialog), form_png);
  gtk_window_destroy (GTK_WINDOW (dialog));
  hs_test_wait_until (no_dialog, f->page, "the form to close");

  decision = open_decision (f, app (f, 1), "ctrl+alt+g");
  set_amount_text (dfield (decision, "total"), applied_of (f, app (f, 1)) - 2500000);
  hs_test_save_png (GTK_WIDGET (decision), grant_png);
  gtk_window_destroy (GTK_WINDOW (decision));
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
  ADD ("/review/assess-and-rank", test_assess_and_rank);
  ADD ("/review/refused-assessment", test_refused_assessment);
  ADD ("/review/decide", test_decide);
  ADD ("/review/change-and-diff", test_change_and_diff);
  ADD ("/review/undecided-actions", test_undecided_actions);
  ADD ("/review/propose", test_propose);
  ADD ("/review/proposal-screenshot", test_proposal_screenshot);
  ADD ("/review/screenshots", test_screenshots);
  /* last: after the file chooser it shows, the X server's focus does not
   * come back to the next case's window for keys */
  ADD ("/review/letter", test_letter);
#undef ADD

  return g_test_run ();
}

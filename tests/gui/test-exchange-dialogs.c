/* test-exchange-dialogs.c — Export… and Import… driven through the real dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case opens a fresh database with the example portfolio and a small
 * generated one (which has a known share of projects that break the
 * funding rules), shows the real HsWindow as the dialogs' parent, and uses
 * the dialogs' entry points that skip the file chooser. The export is
 * checked against the XSD with xmllint; the import's preview, apply, Undo,
 * refusals and strict mode are checked against the database.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/hs-money.h"
#include "exchange/hs-exchange-error.h"
#include "store/hs-sqlite-repository.h"

#include "hs-export-dialog.h"
#include "hs-gui-test.h"
#include "hs-import-dialog.h"
#include "hs-project-list.h"
#include "hs-report-actions.h"
#include "hs-snapshot.h"
#include "hs-window.h"

#define CODE "PKS-ESIM-001"

typedef struct
{
  char         *dir;
  HsRepository *repo;
  HsWindow     *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->repo = hs_test_open_portfolio ("hs-xdlg", 60, &f->dir);
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

/* ---- helpers ---------------------------------------------------------------- */

/* What a dialog's "finished" signal said: 0 not yet, 1 success, -1 failure. */
static void
finished_cb (GtkWindow *dialog,
             gboolean   success,
             int       *outcome)
{
  *outcome = success ? 1 : -1;
}

static gboolean
has_finished (gpointer outcome)
{
  return *(int *) outcome != 0;
}

/* Runs the export to @file and waits for the worker's result. */
static gboolean
export_and_wait (HsExportDialog *dialog,
                 GFile          *file)
{
  int outcome = 0;
  gulong handler = g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &outcome);

  hs_export_dialog_export_to_file (dialog, file);
  hs_test_wait_until (has_finished, &outcome, "the export to finish");
  /* a successful export closes the dialog: the handler went with it */
  if (outcome < 0)
    g_signal_handler_disconnect (dialog, handler);
  return outcome > 0;
}

/* Closes a dialog and waits until nothing holds it any more (no worker,
 * no pending progress update). */
static void
destroy_and_wait (gpointer dialog)
{
  g_autofree char *what = g_strdup (G_OBJECT_TYPE_NAME (dialog));

  g_object_add_weak_pointer (G_OBJECT (dialog), &dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  hs_test_wait_finalized (&dialog, what);
}

/* Exports the whole portfolio in native XML through the dialog. */
static char *
export_portfolio (Fixture    *f,
                  const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HsExportDialog *dialog = hs_export_dialog_new (GTK_WINDOW (f->window), f->repo, 0, 0);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  hs_test_present (GTK_WINDOW (dialog));
  g_assert_cmpint (hs_export_dialog_get_scope (dialog), ==, HS_EXPORT_SCOPE_PORTFOLIO);
  hs_export_dialog_set_format (dialog, HS_EXPORT_NATIVE);
  g_assert_true (export_and_wait (dialog, file));
  /* closed after success, and nothing keeps it alive */
  hs_test_wait_finalized (&dialog, "the export dialog");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static char *
name_fi (Fixture    *f,
         const char *code)
{
  g_autoptr(HsProject) project = hs_repository_load_project_by_code (f->repo, code, NULL);

  g_assert_nonnull (project);
  return g_strdup (project->name_fi);
}

/* Replaces the one occurrence of old with new in the file at path. */
static void
replace_in_file (const char *path,
                 const char *old,
                 const char *new)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  const char *at;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  at = strstr (text, old);
  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  edited = g_string_new_len (text, at - text);
  g_string_append (edited, new);
  g_string_append (edited, at + strlen (old));
  g_assert_true (g_file_set_contents (path, edited->str, edited->len, &error));
}

static gboolean
not_loading (gpointer data)
{
  return hs_import_dialog_get_state (data) != HS_IMPORT_DIALOG_LOADING;
}

static GThread *main_thread;
static guint    off_main_updates;

/* GTK is not thread-safe: the worker's progress must reach the bar on the
 * main thread, never from the worker itself. */
static void
fraction_notify_cb (GObject    *bar,
                    GParamSpec *pspec,
                    gpointer    data)
{
  if (g_thread_self () != main_thread)
    off_main_updates++;
}

static HsImportDialog *
import_file (Fixture    *f,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HsImportDialog *dialog = hs_import_dialog_new_for_file (GTK_WINDOW (f->window), f->repo, file);
  GtkWidget *bar = hs_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);

  g_assert_nonnull (bar);
  off_main_updates = 0;
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (fraction_notify_cb), NULL);
  hs_test_present (GTK_WINDOW (dialog));
  hs_test_wait_until (not_loading, dialog, "the import preview");
  hs_test_drain ();   /* the rows of a long preview are added in idle time */
  g_assert_cmpuint (off_main_updates, ==, 0);
  return dialog;
}

static const HsImportItem *
find_item (HsImportPreview *preview,
           const char      *code)
{
  for (guint i = 0; i < hs_import_preview_get_n_items (preview); i++)
    if (g_str_equal (hs_import_preview_get_item (preview, i)->code, code))
      return hs_import_preview_get_item (preview, i);
  return NULL;
}


/* ---- a big import ------------------------------------------------------------ */

/* A native file of n generated projects (GEN-9-…), none of them in the
 * fixture's portfolio, made by the command-line tool in a database of its
 * own. */
static char *
generated_file (Fixture *f,
                guint    n)
{
  g_autofree char *db = g_build_filename (f->dir, "generated.db", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *name = g_strdup_printf ("generated-%u.xml", n);
  char *path = g_build_filename (f->dir, name, NULL);

  g_unlink (db);
  hs_test_run_cli (db, "init", NULL);
  hs_test_run_cli (db, "generate", "--projects", count, "--seed", "9", NULL);
  hs_test_run_cli (db, "export", "--format", "xml", "-o", path, NULL);
  return path;
}

/* The portfolio as it is: every project's row of the list (code, id,
 * totals, status, errors, name) and the length of the action log. */
static char *
portfolio_state (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) summaries = hs_repository_list_project_summaries (f->repo, &error);
  g_autoptr(GArray) actions = hs_sqlite_repository_list_actions (HS_SQLITE_REPOSITORY (f->repo), &error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_no_error (error);
  for (guint i = 0; i < summaries->len; i++)
    {
      const HsProjectSummary *summary = &g_array_index (summaries, HsProjectSummary, i);
      g_autofree char *line = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
                                               G_GINT64_FORMAT " %d %u %s\n",
                                               summary->code, summary->id, summary->total_costs,
                                               summary->eu_state, (int) summary->status,
                                               summary->errors, summary->name != NULL ? summary->name : "");
      g_checksum_update (checksum, (const guchar *) line, -1);
    }
  return g_strdup_printf ("%u projects, %u actions, %s", summaries->len, actions->len,
                          g_checksum_get_string (checksum));
}

/* The main loop while an import is applied: a tick every 10 ms, the
 * largest gap between two ticks, and the progress bar's fractions. */
typedef struct
{
  HsRepository *repo;
  gboolean      measuring;
  gint64        started;       /* monotonic, µs */
  gint64        ended;         /* when the window's repository said "changed" */
  gint64        last_tick;
  gint64        max_gap;
  guint         n_ticks;
  guint         n_fractions;   /* distinct fractions strictly between 0 and 1 */
  double        last_fraction;
} Responsiveness;

static gboolean
tick_cb (gpointer data)
{
  Responsiveness *r = data;
  gint64 now = g_get_monotonic_time ();

  if (r->measuring)
    {
      if (g_getenv ("HS_TEST_GAPS") != NULL && now - r->last_tick > 30000)
        g_test_message ("gap of %d ms at %d ms", (int) ((now - r->last_tick) / 1000),
                        (int) ((r->last_tick - r->started) / 1000));
      r->max_gap = MAX (r->max_gap, now - r->last_tick);
      r->n_ticks++;
    }
  r->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
apply_fraction_cb (GtkProgressBar *bar,
                   GParamSpec     *pspec,
                   Responsiveness *r)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (r->measuring && fraction > 0.0 && fraction < 1.0 && fraction != r->last_fraction)
    {
      g_assert_cmpfloat (fraction, >, r->last_fraction);   /* it only goes forward */
      r->n_fractions++;
    }
  r->last_fraction = fraction;
}

/* Ends the measurement when the window's repository emits "changed", before
 * any handler of it (the window's reload is not part of the apply). */
static gboolean
changed_hook (GSignalInvocationHint *hint,
              guint                  n_params,
              const GValue          *params,
              gpointer               data)
{
  Responsiveness *r = data;

  if (g_thread_self () == main_thread && g_value_get_object (&params[0]) == (gpointer) r->repo
      && r->measuring)
    {
      gint64 now = g_get_monotonic_time ();

      r->max_gap = MAX (r->max_gap, now - r->last_tick);
      r->measuring = FALSE;
      r->ended = now;
    }
  return TRUE;
}

/* The dialog at *location stopped applying, or is gone. */
static gboolean
stopped_or_gone (gpointer location)
{
  HsImportDialog *dialog = *(HsImportDialog **) location;

  return dialog == NULL || hs_import_dialog_get_state (dialog) != HS_IMPORT_DIALOG_LOADING;
}

/* The dialog for a big file, once its preview is shown: Import at once,
 * as a user who does not read all the rows (they are still being added). */
static HsImportDialog *
open_big_import (Fixture    *f,
                 const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HsImportDialog *dialog = hs_import_dialog_new_for_file (GTK_WINDOW (f->window), f->repo, file);

  hs_test_present (GTK_WINDOW (dialog));
  hs_test_wait_until (not_loading, dialog, "the import preview");
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_PREVIEW);
  /* what the user sees before choosing Import: its first rows drawn */
  hs_test_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static GtkProgressBar *
progress_bar_of (HsImportDialog *dialog)
{
  GtkProgressBar *bar = hs_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);

  g_assert_nonnull (bar);
  return bar;
}

/* ---- cases ------------------------------------------------------------------ */

static void
test_export_xml (Fixture       *f,
                 gconstpointer  data)
{
  const char *png = "export-en.png";
  g_autofree char *xsd = g_build_filename (g_getenv ("HANKESALKKU_SOURCE_ROOT"), "data",
                                           "hankesalkku-portfolio-3.xsd", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, CODE, NULL);
  const char *argv[] = { "xmllint", "--noout", "--schema", xsd, NULL, NULL };
  HsExportDialog *dialog;
  int status = -1;

  /* what the window passes in is preselected, most specific first */
  dialog = hs_export_dialog_new (GTK_WINDOW (f->window), f->repo, pks->agreement_id, pks->id);
  hs_test_present (GTK_WINDOW (dialog));
  g_assert_cmpint (hs_export_dialog_get_scope (dialog), ==, HS_EXPORT_SCOPE_PROJECT);
  name = hs_export_dialog_get_default_name (dialog);
  g_assert_cmpstr (name, ==, CODE ".hankesalkku.xml");
  g_assert_true (hs_export_dialog_set_scope (dialog, HS_EXPORT_SCOPE_AGREEMENT));
  hs_export_dialog_set_format (dialog, HS_EXPORT_IATI);
  g_free (name);
  name = hs_export_dialog_get_default_name (dialog);
  g_assert_cmpstr (name, ==, "hankesalkku-paakaupunkiseutu-pks-iati.xml");
  hs_export_dialog_set_format (dialog, HS_EXPORT_NATIVE);
  g_free (name);
  name = hs_export_dialog_get_default_name (dialog);
  g_assert_cmpstr (name, ==, "paakaupunkiseutu-pks.hankesalkku.xml");
  text = hs_snapshot_describe (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "Native XML"));
  g_assert_nonnull (strstr (text, "IATI 2.03"));
  hs_test_save_png (GTK_WIDGET (dialog), png);
  destroy_and_wait (dialog);

  /* the whole portfolio, valid against our schema */
  path = export_portfolio (f, "portfolio.xml");
  argv[4] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refused the export: %s", err);
}

static void
test_export_iati_refusal (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "all-iati.xml", NULL);
  const char *png = "export-error-en.png";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, CODE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HsExportDialog *dialog;

  /* a schedule that ends before the budget does: IATI cannot take it */
  pks->end_date = pks->start_date;
  g_date_add_days (&pks->end_date, 30);
  g_assert_true (hs_repository_save_project (f->repo, pks, &error));
  g_assert_no_error (error);

  dialog = hs_export_dialog_new (GTK_WINDOW (f->window), f->repo, 0, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  hs_test_present (GTK_WINDOW (dialog));
  hs_export_dialog_set_format (dialog, HS_EXPORT_IATI);
  g_assert_false (export_and_wait (dialog, file));

  /* the dialog stays, says why, and nothing was written */
  g_assert_nonnull (dialog);
  g_assert_error (hs_export_dialog_get_error (dialog), HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES);
  g_assert_nonnull (strstr (hs_export_dialog_get_error (dialog)->message, CODE));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  hs_test_wait_for_text (GTK_WIDGET (dialog), "Nothing Was Exported");
  text = hs_snapshot_describe (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "Nothing Was Exported"));
  g_assert_nonnull (strstr (text, CODE));
  hs_test_save_png (GTK_WIDGET (dialog), png);
  destroy_and_wait (dialog);
}

static void
test_import_changed_apply_undo (Fixture       *f,
                                gconstpointer  data)
{
  const char *png = "import-preview-en.png";
  g_autofree char *path = export_portfolio (f, "edited.xml");
  g_autofree char *old_name = name_fi (f, CODE);
  g_autofree char *old_tag = g_strdup_printf ("<name lang=\"fi\">%s</name>", old_name);
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;
  const char *new_name = "Digitaalisen terveyden testiympäristö 2.0";
  g_autofree char *new_tag = g_strdup_printf ("<name lang=\"fi\">%s</name>", new_name);
  HsImportDialog *dialog;
  HsImportPreview *preview;
  const HsImportItem *item;
  const HsImportChange *change;
  GtkProgressBar *bar;
  GtkWidget *row;

  replace_in_file (path, old_tag, new_tag);
  dialog = import_file (f, path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_PREVIEW);

  /* the worker's progress reached the bar */
  bar = hs_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (bar);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), >, 0.0);

  preview = hs_import_dialog_get_preview (dialog);
  g_assert_cmpuint (hs_import_preview_get_n_items (preview), ==, 63);
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_CHANGED), ==, 1);
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_UNCHANGED), ==, 62);
  item = find_item (preview, CODE);
  g_assert_nonnull (item);
  g_assert_cmpint (item->action, ==, HS_IMPORT_CHANGED);
  g_assert_cmpuint (item->changes->len, ==, 1);
  change = g_ptr_array_index (item->changes, 0);
  g_assert_cmpstr (change->field, ==, "name-fi");
  g_assert_cmpstr (change->old_value, ==, old_name);
  g_assert_cmpstr (change->new_value, ==, new_name);

  /* the row shows it: Changed, and expanded, "old → new" */
  row = hs_import_dialog_get_row (dialog, CODE);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  hs_test_wait_for_draw (row);   /* animations are off: expanded at once */
  text = hs_snapshot_describe (row);
  g_assert_nonnull (strstr (text, "label: Changed\n"));
  {
    g_autofree char *arrow = g_strdup_printf ("%s → %s", old_name, new_name);
    if (strstr (text, arrow) == NULL)
      g_error ("no %s in:\n%s", arrow, text);
  }
  g_assert_nonnull (strstr (text, "Skip This Project"));
  g_free (text);
  text = hs_snapshot_describe (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "1 changed, 62 unchanged"));
  hs_test_save_png (GTK_WIDGET (dialog), png);

  /* skipping it leaves nothing to import; taking it back re-enables Import */
  g_assert_true (hs_import_dialog_set_skip (dialog, CODE, TRUE));
  g_assert_true (item->skip);
  g_assert_false (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));
  g_assert_true (hs_import_dialog_set_skip (dialog, CODE, FALSE));
  g_assert_false (item->skip);
  g_assert_true (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));

  /* Import: one transaction, the dialog closes, the window offers Undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  hs_test_wait_finalized (&dialog, "the import dialog");
  now = name_fi (f, CODE);
  g_assert_cmpstr (now, ==, new_name);

  undone = hs_repository_undo (f->repo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (undone, "edited.xml"));
  g_free (now);
  now = name_fi (f, CODE);
  g_assert_cmpstr (now, ==, old_name);
}

static void
test_import_hostile (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "hostile.xml", NULL);
  const char *hostile =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE portfolio [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<portfolio xmlns=\"" HS_NATIVE_NAMESPACE "\" version=\"" HS_NATIVE_VERSION "\" scope=\"project\">\n"
    "  <project code=\"PKS-ESIM-001\" status=\"draft\" cost-model=\"flat-40\">\n"
    "    <name lang=\"fi\">&x;</name>\n"
    "  </project>\n"
    "</portfolio>\n";
  g_autofree char *before = name_fi (f, CODE);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  gboolean could_undo = hs_repository_can_undo (f->repo);
  HsImportDialog *dialog;

  g_assert_true (g_file_set_contents (path, hostile, -1, NULL));
  dialog = import_file (f, path);
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_ERROR);
  g_assert_error (hs_import_dialog_get_error (dialog), HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED);
  g_assert_null (hs_import_dialog_get_preview (dialog));
  text = hs_snapshot_describe (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "This File Cannot Be Imported"));
  g_assert_nonnull (strstr (text, "DOCTYPE"));
  g_assert_false (gtk_widget_get_visible (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));
  destroy_and_wait (dialog);

  after = name_fi (f, CODE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (hs_repository_can_undo (f->repo), ==, could_undo);
}

static void
test_import_strict (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = export_portfolio (f, "strict.xml");
  g_autofree char *old_name = name_fi (f, CODE);
  g_autofree char *old_tag = g_strdup_printf ("<name lang=\"fi\">%s</name>", old_name);
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;
  HsImportDialog *dialog;
  HsImportPreview *preview;
  gulong finished;
  int outcome = 0;

  replace_in_file (path, old_tag, "<name lang=\"fi\">Tiukka</name>");
  dialog = import_file (f, path);
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_PREVIEW);
  preview = hs_import_dialog_get_preview (dialog);
  /* the generated portfolio has projects with error findings */
  g_assert_cmpuint (hs_import_preview_count_failing (preview), >, 0);

  /* the switch says what it does, and by default they are imported */
  text = hs_snapshot_describe (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "Import Projects With Errors"));
  g_assert_nonnull (strstr (text, "Projects that break the funding rules are imported with their findings"));
  g_assert_null (strstr (text, "Refuse"));
  g_assert_true (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));

  /* turned off: the subtitle and the summary say the file is refused,
   * and Import cannot be pressed */
  hs_import_dialog_set_strict (dialog, TRUE);
  g_free (text);
  text = hs_snapshot_describe (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "The file is refused if any of its projects breaks the funding rules"));
  g_assert_nonnull (strstr (text, "break the funding rules. Nothing will be imported while projects with errors are refused."));
  g_assert_false (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));
  hs_test_save_png (GTK_WIDGET (dialog), "import-strict-en.png");

  /* applying anyway is refused, and nothing changes */
  finished = g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &outcome);
  hs_import_dialog_apply (dialog);
  hs_test_wait_until (has_finished, &outcome, "the strict import to finish");
  g_signal_handler_disconnect (dialog, finished);
  g_assert_cmpint (outcome, <, 0);

  g_assert_error (hs_import_dialog_get_error (dialog), HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES);
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_PREVIEW);
  now = name_fi (f, CODE);
  g_assert_cmpstr (now, ==, old_name);
  destroy_and_wait (dialog);
}

/* A project that is not in the database yet shows what it costs and what
 * it asks for, as a changed one shows its changed amounts. */
static void
test_import_new_amounts (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = export_portfolio (f, "new.xml");
  g_autoptr(HsProject) stored = hs_repository_load_project_by_code (f->repo, CODE, NULL);
  g_autofree char *text = NULL;
  g_autofree char *costs = NULL;
  g_autofree char *support = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *support_line = NULL;
  const HsImportItem *item;
  HsImportDialog *dialog;
  HsTotals totals;
  GtkWidget *row;

  /* the same project under a code the database does not have */
  replace_in_file (path, "code=\"" CODE "\"", "code=\"PKS-UUSI-001\"");
  g_assert_true (hs_project_totals (stored, &totals, NULL));
  g_assert_cmpint (totals.total_costs, >, 0);
  g_assert_cmpint (totals.financing[HS_SOURCE_EU_STATE], >, 0);
  costs = hs_money_format (totals.total_costs, HS_LANG_EN);
  support = hs_money_format (totals.financing[HS_SOURCE_EU_STATE], HS_LANG_EN);
  rate = hs_rate_format (hs_rate_of (totals.financing[HS_SOURCE_EU_STATE], totals.total_costs), HS_LANG_EN);
  support_line = g_strdup_printf ("%s (%s of the total costs)", support, rate);

  dialog = import_file (f, path);
  item = find_item (hs_import_dialog_get_preview (dialog), "PKS-UUSI-001");
  g_assert_nonnull (item);
  g_assert_cmpint (item->action, ==, HS_IMPORT_NEW);
  g_assert_true (item->totals_ok);
  g_assert_cmpint (item->total_costs, ==, totals.total_costs);
  g_assert_cmpint (item->eu_state, ==, totals.financing[HS_SOURCE_EU_STATE]);

  row = hs_import_dialog_get_row (dialog, "PKS-UUSI-001");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  hs_test_wait_for_draw (row);
  text = hs_snapshot_describe (row);
  g_assert_nonnull (strstr (text, "label: New\n"));
  g_assert_nonnull (strstr (text, "Not in the database yet"));
  if (strstr (text, "Total costs") == NULL || strstr (text, costs) == NULL
      || strstr (text, "EU and state support") == NULL || strstr (text, support_line) == NULL)
    g_error ("no total costs %s and support %s in:\n%s", costs, support_line, text);
  hs_test_save_png (GTK_WIDGET (dialog), "import-new-en.png");
  destroy_and_wait (dialog);
}

static char *
main_implementer (Fixture    *f,
                  const char *code)
{
  g_autoptr(HsProject) project = hs_repository_load_project_by_code (f->repo, code, NULL);

  g_assert_nonnull (project);
  return g_strdup (hs_project_get_main (project)->organisation->name);
}

/* A file whose organisation has Turku's business ID but Pori's name: the
 * preview lists it, Import waits for a choice, and "Keep the Stored Ones"
 * imports the new project without renaming Turku's organisation. */
static void
test_import_organisation_differs (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = export_portfolio (f, "pori.xml");
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *turku = NULL;
  g_autofree char *pori = NULL;
  HsImportDialog *dialog;
  HsImportPreview *preview;
  const HsImportOrgConflict *conflict;
  GString *edited;

  /* every "Turun kaupunki" of the file becomes "Porin kaupunki" */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (contents, "name=\"Turun kaupunki\"", -1);
    g_autofree char *joined = g_strjoinv ("name=\"Porin kaupunki\"", parts);

    edited = g_string_new (joined);
  }
  g_string_replace (edited, "code=\"TURKU-ESIM-001\"", "code=\"PORI-UUSI-001\"", 1);
  g_assert_true (g_file_set_contents (path, edited->str, edited->len, NULL));
  g_string_free (edited, TRUE);

  dialog = import_file (f, path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  preview = hs_import_dialog_get_preview (dialog);
  g_assert_cmpuint (hs_import_preview_get_n_org_conflicts (preview), ==, 1);
  conflict = hs_import_preview_get_org_conflict (preview, 0);
  g_assert_cmpstr (conflict->stored_name, ==, "Turun kaupunki");
  g_assert_cmpstr (conflict->file_name, ==, "Porin kaupunki");
  hs_test_wait_for_text (GTK_WIDGET (dialog), "name: Turun kaupunki → Porin kaupunki");
  text = hs_snapshot_describe (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "Organisations That Differ"));
  g_assert_nonnull (strstr (text, "Choose what to do with the organisations that differ."));
  g_assert_false (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));
  hs_test_save_png (GTK_WIDGET (dialog), "import-organisations-en.png");

  hs_import_dialog_set_org_policy (dialog, HS_IMPORT_ORGS_KEEP);
  g_assert_true (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  hs_test_wait_finalized (&dialog, "the import dialog");

  turku = main_implementer (f, "TURKU-ESIM-001");
  pori = main_implementer (f, "PORI-UUSI-001");
  g_assert_cmpstr (turku, ==, "Turun kaupunki");
  g_assert_cmpstr (pori, ==, "Turun kaupunki");
}

static gboolean
has_call (HsRepository *repo,
          const char   *name)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (repo, 0, NULL);

  g_assert_nonnull (calls);
  for (guint i = 0; i < calls->len; i++)
    if (g_str_equal (((HsCall *) g_ptr_array_index (calls, i))->name, name))
      return TRUE;
  return FALSE;
}

/* A file that brings a call of its own: the preview lists the call as new,
 * Import adds it with the project, and Undo takes both back. */
static void
test_import_new_call (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("HANKESALKKU_SOURCE_ROOT"), "tests", "fixtures",
                                            "native", "full-call-v2.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(HsProject) project = NULL;
  HsImportDialog *dialog;
  HsImportPreview *preview;
  const HsImportCall *call;

  g_assert_false (has_call (f->repo, "Oulun testihaku 2025"));
  dialog = import_file (f, path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_PREVIEW);
  preview = hs_import_dialog_get_preview (dialog);
  g_assert_cmpuint (hs_import_preview_get_n_calls (preview), ==, 1);
  call = hs_import_preview_get_call (preview, 0);
  g_assert_true (call->is_new);
  hs_test_wait_for_text (GTK_WIDGET (dialog), "Oulu · Oulu test call 2025");
  hs_test_wait_for_text (GTK_WIDGET (dialog), "New: it is added with the projects");
  hs_test_save_png (GTK_WIDGET (dialog), "import-new-call-en.png");

  g_assert_true (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  hs_test_wait_finalized (&dialog, "the import dialog");
  g_assert_true (has_call (f->repo, "Oulun testihaku 2025"));
  project = hs_repository_load_project_by_code (f->repo, "OULU-HAKU-001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  undone = hs_repository_undo (f->repo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (undone, "full-call-v2.xml"));
  g_assert_false (has_call (f->repo, "Oulun testihaku 2025"));
}

/* A file whose projects are all in the database already and that brings
 * one new call: Import adds just the call, and Undo takes it back. */
static void
test_import_only_new_call (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = export_portfolio (f, "call-only.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  HsImportDialog *dialog;
  HsImportPreview *preview;

  replace_in_file (path, "<call name=\"Lahti — default call\"",
                   "<call name=\"Lahti — testihaku\" max-support-bp=\"6000\" min-city-bp=\"0\" min-own-bp=\"0\""
                   " max-duration-months=\"0\" cost-models=\"\" money-available=\"0\"/>\n"
                   "      <call name=\"Lahti — default call\"");
  dialog = import_file (f, path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  preview = hs_import_dialog_get_preview (dialog);
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_UNCHANGED), ==, hs_import_preview_get_n_items (preview));
  g_assert_cmpuint (hs_import_preview_count_new_calls (preview), ==, 1);
  hs_test_wait_for_text (GTK_WIDGET (dialog), "Only the file’s new calls will be added");
  g_assert_true (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  hs_test_wait_finalized (&dialog, "the import dialog");
  g_assert_true (has_call (f->repo, "Lahti — testihaku"));

  undone = hs_repository_undo (f->repo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (undone, "call-only.xml"));
  g_assert_false (has_call (f->repo, "Lahti — testihaku"));
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

/* One project's application as a PDF, as the editor offers it: the name
 * the save dialog offers, then the file written in a worker thread. */
static void
test_export_application (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HsProject) project = hs_repository_load_project_by_code (f->repo, CODE, NULL);
  g_autofree char *path = g_build_filename (f->dir, "application.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  GtkFileChooserNative *native;
  Written written = { 0 };
  int status = -1;

  native = hs_export_project_report (GTK_WINDOW (f->window), f->repo, project->id);
  g_assert_nonnull (native);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (native));
  g_assert_cmpstr (name, ==, "hankesalkku-application-pks-esim-001.pdf");
  g_signal_emit_by_name (native, "response", GTK_RESPONSE_CANCEL);
  hs_test_drain ();

  hs_export_project_report_to_file_async (f->repo, project->id, HS_LANG_EN, file, NULL, written_cb, &written);
  hs_test_wait_until (is_written, &written, "the application to be written");
  g_assert_no_error (written.error);
  g_assert_true (written.ok);
  g_assert_cmpuint (written.n_pages, >=, 1);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Project application"));
  g_assert_nonnull (strstr (out, CODE));
  g_assert_nonnull (strstr (out, project->name_fi));
  g_assert_nonnull (strstr (out, "€1,333,333.00"));
}

/* Closing a dialog while its worker runs frees it at once: the worker holds
 * no reference to it, and the cancellable stops the worker. */
static void
test_close_while_working (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "closed.xml", NULL);
  g_autofree char *source = export_portfolio (f, "source.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  HsExportDialog *export = hs_export_dialog_new (GTK_WINDOW (f->window), f->repo, 0, 0);
  HsImportDialog *import;

  g_object_add_weak_pointer (G_OBJECT (export), (gpointer *) &export);
  hs_test_present (GTK_WINDOW (export));
  hs_export_dialog_export_to_file (export, file);
  g_assert_true (hs_export_dialog_is_busy (export));
  gtk_window_destroy (GTK_WINDOW (export));
  g_assert_null (export);

  /* the import's preview is made in a worker as soon as the dialog opens */
  import = hs_import_dialog_new_for_file (GTK_WINDOW (f->window), f->repo, source_file);
  g_object_add_weak_pointer (G_OBJECT (import), (gpointer *) &import);
  gtk_window_present (GTK_WINDOW (import));
  g_assert_cmpint (hs_import_dialog_get_state (import), ==, HS_IMPORT_DIALOG_LOADING);
  gtk_window_destroy (GTK_WINDOW (import));
  g_assert_null (import);

  /* the window goes on as before */
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

/* Import applies in a worker: the main loop keeps running while thousands
 * of projects are saved (no gap between its ticks comes near the apply's
 * time), the bar moves forward, and the import is one undoable action of
 * the window, whose list shows the new projects. */
static void
test_import_apply_responsive (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = generated_file (f, 2000);
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;
  Responsiveness r = { f->repo, };
  HsImportDialog *dialog = open_big_import (f, path);
  HsProjectList *list = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_PROJECT_LIST);
  gboolean review_locked;
  guint hook, tick;
  gint64 apply_time;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_nonnull (list);
  g_assert_cmpuint (hs_import_preview_count (hs_import_dialog_get_preview (dialog), HS_IMPORT_NEW), ==, 2000);
  g_assert_cmpuint (hs_project_list_get_n_projects (list), ==, 63);

  g_signal_connect (progress_bar_of (dialog), "notify::fraction", G_CALLBACK (apply_fraction_cb), &r);
  hook = g_signal_add_emission_hook (g_signal_lookup ("changed", HS_TYPE_REPOSITORY), 0,
                                     changed_hook, &r, NULL);
  tick = g_timeout_add (10, tick_cb, &r);
  r.started = r.last_tick = g_get_monotonic_time ();
  r.measuring = TRUE;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  /* while it is applied, the review cannot be changed (asserted below) */
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_LOADING);
  review_locked = !gtk_widget_get_child_visible (hs_test_find_child (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_PAGE))
                  && !gtk_widget_is_sensitive (hs_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_SWITCH))
                  && !gtk_widget_is_sensitive (hs_test_find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW))
                  && !gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply"));
  hs_test_wait_finalized (&dialog, "the import dialog");
  g_source_remove (tick);
  g_signal_remove_emission_hook (g_signal_lookup ("changed", HS_TYPE_REPOSITORY), hook);

  g_assert_false (r.measuring);
  apply_time = r.ended - r.started;
  g_test_message ("apply: %" G_GINT64_FORMAT " ms, %u ticks, the longest gap %" G_GINT64_FORMAT " ms, "
                  "%u fractions", apply_time / 1000, r.n_ticks, r.max_gap / 1000, r.n_fractions);
  g_assert_cmpint (r.max_gap * 4, <, apply_time);
  g_assert_cmpint (r.max_gap, <, 250 * 1000);
  g_assert_cmpuint (r.n_fractions, >=, 3);
  g_assert_true (review_locked);

  /* the window follows, and its Undo takes the whole import back */
  g_assert_cmpuint (hs_project_list_get_n_projects (list), ==, 2063);
  g_assert_true (hs_repository_can_undo (f->repo));
  undone = hs_repository_undo (f->repo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (undone, "generated-2000.xml"));
  g_assert_cmpuint (hs_project_list_get_n_projects (list), ==, 63);
}

static gboolean
saving_begun (gpointer dialog)
{
  /* the first pass (the check) fills half the bar; the save the rest */
  return gtk_progress_bar_get_fraction (progress_bar_of (dialog)) > 0.5;
}

/* Cancel while the projects are being saved stops the import: the
 * database is exactly as it was, the preview is shown again and can still
 * be imported; closing the dialog while it applies stops it too. */
static void
test_import_apply_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = generated_file (f, 3000);
  g_autofree char *before = portfolio_state (f);
  g_autofree char *after = NULL;
  HsImportDialog *dialog = open_big_import (f, path);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  hs_test_wait_until (saving_begun, dialog, "the import to save its first projects");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  hs_test_wait_until (stopped_or_gone, &dialog, "the import to stop");
  g_assert_nonnull (dialog);   /* not applied and closed */
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_PREVIEW);
  g_assert_true (gtk_widget_is_sensitive (hs_test_find_child (GTK_WIDGET (dialog), GTK_TYPE_SWITCH)));
  hs_test_wait_for_text (GTK_WIDGET (dialog), "The import was stopped; nothing was changed");
  /* and the rest of its rows, which apply stopped adding */
  g_assert_nonnull (hs_import_dialog_get_row (dialog, "GEN-9-03000"));
  hs_test_save_png (GTK_WIDGET (dialog), "import-stopped-en.png");
  after = portfolio_state (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_is_sensitive (hs_test_find_action_button (GTK_WIDGET (dialog), "import.apply")));

  /* closing it while it applies: it goes once the import rolled back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  hs_test_wait_until (saving_begun, dialog, "the import to save its first projects again");
  hs_test_save_png (GTK_WIDGET (dialog), "import-applying-en.png");
  gtk_window_close (GTK_WINDOW (dialog));
  hs_test_wait_finalized (&dialog, "the import dialog");
  g_free (after);
  after = portfolio_state (f);
  g_assert_cmpstr (after, ==, before);
}

static GtkAdjustment *
list_vadjustment (Fixture *f)
{
  HsProjectList *list = hs_test_find_child (GTK_WIDGET (f->window), HS_TYPE_PROJECT_LIST);
  GtkScrolledWindow *scrolled;

  g_assert_nonnull (list);
  scrolled = hs_test_find_child (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (scrolled);
}

static gboolean
list_scrolled_down (gpointer f)
{
  GtkAdjustment *adjustment = list_vadjustment (f);

  return gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_lower (adjustment);
}

static gboolean
list_at_top (gpointer f)
{
  return !list_scrolled_down (f);
}

/* After an import the window's list starts from its top again, where the
 * imported projects are among the others in code order. */
static void
test_import_list_to_top (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = generated_file (f, 40);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkAdjustment *adjustment = list_vadjustment (f);
  HsImportDialog *dialog;

  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (list_scrolled_down (f));

  /* as win.import opens it once the file is chosen */
  dialog = HS_IMPORT_DIALOG (hs_window_import_file (f->window, file));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  hs_test_wait_until (not_loading, dialog, "the import preview");
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_PREVIEW);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  hs_test_wait_finalized (&dialog, "the import dialog");
  hs_test_wait_until (list_at_top, f, "the project list to go back to its top");
  hs_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (list_at_top (f));
  hs_test_wait_for_text (GTK_WIDGET (f->window), "40 projects imported");
  hs_test_save_png (GTK_WIDGET (f->window), "import-list-top-en.png");
}

/* The import dialog among the toplevels (it is transient for its window,
 * not one of the application's windows), or NULL. */
static HsImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HS_IS_IMPORT_DIALOG (window))
        return HS_IMPORT_DIALOG (window);
    }
  return NULL;
}

/* The application's windows on a portfolio. */
static guint
n_portfolio_windows (HsApplication *app,
                     const char    *title)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HS_IS_WINDOW (l->data)
        && (title == NULL || g_strcmp0 (gtk_window_get_title (l->data), title) == 0))
      n++;
  return n;
}

/* Opening files as the file manager or "hankesalkku FILE" does
 * (g_application_open): a portfolio XML file shows the import preview of
 * its projects over the main window, made first when there is none; a file
 * that is not a portfolio gets the import's refusal; a database opens in a
 * window of its own. */
static void
test_open_from_file_manager (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = export_portfolio (f, "demo.hankesalkku.xml");
  g_autofree char *app_db = g_build_filename (f->dir, "app.db", NULL);
  g_autofree char *notes_path = g_build_filename (f->dir, "notes.xml", NULL);
  g_autofree char *db_path = g_strdup (hs_sqlite_repository_get_path (HS_SQLITE_REPOSITORY (f->repo)));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) notes = g_file_new_for_path (notes_path);
  g_autoptr(GFile) db = g_file_new_for_path (db_path);
  g_autoptr(HsApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  HsImportDialog *dialog;
  HsImportPreview *preview;
  GList *windows;

  /* the application's own portfolio is a new one, without the file's projects */
  g_setenv ("HANKESALKKU_DB", app_db, TRUE);
  app = hs_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_portfolio_windows (app, NULL), ==, 0);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (n_portfolio_windows (app, NULL), ==, 1);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog))
                 == gtk_application_get_windows (GTK_APPLICATION (app))->data);
  hs_test_wait_mapped (GTK_WIDGET (dialog));
  hs_test_wait_until (not_loading, dialog, "the import preview");
  hs_test_drain ();
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_PREVIEW);
  preview = hs_import_dialog_get_preview (dialog);
  g_assert_cmpuint (hs_import_preview_get_n_items (preview), ==, 63);
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_NEW), ==, 63);
  g_assert_nonnull (hs_import_dialog_get_row (dialog, CODE));
  hs_test_wait_for_text (GTK_WIDGET (dialog), "demo.hankesalkku.xml");
  hs_test_wait_for_text (GTK_WIDGET (dialog), "63 Projects in the File");
  hs_test_save_png (GTK_WIDGET (dialog), "open-file-import-en.png");
  destroy_and_wait (dialog);

  /* a file that is not a portfolio: the same window, the import's refusal */
  g_assert_true (g_file_set_contents (notes_path, "<notes>not a portfolio</notes>\n", -1, NULL));
  g_application_open (G_APPLICATION (app), &notes, 1, "");
  g_assert_cmpuint (n_portfolio_windows (app, NULL), ==, 1);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  hs_test_wait_until (not_loading, dialog, "the import's refusal");
  g_assert_cmpint (hs_import_dialog_get_state (dialog), ==, HS_IMPORT_DIALOG_ERROR);
  g_assert_null (hs_import_dialog_get_preview (dialog));
  hs_test_wait_for_text (GTK_WIDGET (dialog), "this is not a Hankesalkku portfolio file");
  destroy_and_wait (dialog);

  /* a database: a window of its own */
  g_application_open (G_APPLICATION (app), &db, 1, "");
  g_assert_null (find_import_dialog ());
  g_assert_cmpuint (n_portfolio_windows (app, NULL), ==, 2);
  g_assert_cmpuint (n_portfolio_windows (app, "portfolio.db — Hankesalkku"), ==, 1);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  hs_test_drain ();
  g_clear_object (&app);
  g_unsetenv ("HANKESALKKU_DB");
}

int
main (int   argc,
      char *argv[])
{
  hs_test_gui_init (&argc, &argv);
  main_thread = g_thread_self ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange-dialogs/export-xml", test_export_xml);
  ADD ("/exchange-dialogs/export-iati-refusal", test_export_iati_refusal);
  ADD ("/exchange-dialogs/export-application", test_export_application);
  ADD ("/exchange-dialogs/import-changed-apply-undo", test_import_changed_apply_undo);
  ADD ("/exchange-dialogs/import-hostile", test_import_hostile);
  ADD ("/exchange-dialogs/import-strict", test_import_strict);
  ADD ("/exchange-dialogs/import-new-amounts", test_import_new_amounts);
  ADD ("/exchange-dialogs/close-while-working", test_close_while_working);
  ADD ("/exchange-dialogs/import-apply-responsive", test_import_apply_responsive);
  ADD ("/exchange-dialogs/import-apply-cancel", test_import_apply_cancel);
  ADD ("/exchange-dialogs/import-list-to-top", test_import_list_to_top);
  ADD ("/exchange-dialogs/import-organisation-differs", test_import_organisation_differs);
  ADD ("/exchange-dialogs/import-new-call", test_import_new_call);
  ADD ("/exchange-dialogs/import-only-new-call", test_import_only_new_call);
  ADD ("/exchange-dialogs/open-from-file-manager", test_open_from_file_manager);
#undef ADD

  return g_test_run ();
}

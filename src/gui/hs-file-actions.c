/* hs-file-actions.c — Back Up… and Restore…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-file-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hs-file-actions.h"
#include "hs-toast.h"

static void
toast (GtkWindow  *parent,
       const char *title,
       gboolean    stays)
{
  AdwToastOverlay *overlay = hs_toast_overlay_find (GTK_WIDGET (parent));
  AdwToast *t;

  if (overlay == NULL)
    return;
  t = adw_toast_new (title);
  if (stays)
    {
      /* an error, or that the portfolio was replaced: shown at once */
      adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (t, 0);
    }
  adw_toast_overlay_add_toast (overlay, t);
}

gboolean
hs_back_up_portfolio_to (GtkWindow          *parent,
                         HsSqliteRepository *repo,
                         GFile              *file,
                         GError            **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("A backup can only be written to a local file"));
      return FALSE;
    }
  /* the file chooser asked already whether to replace it */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_delete (file, NULL, error))
    return FALSE;
  if (!hs_sqlite_repository_backup (repo, path, error))
    return FALSE;
  /* Translators: a toast; %s is the backup's file name */
  title = g_strdup_printf (_("The portfolio was backed up to “%s”"), name);
  toast (parent, title, FALSE);
  return TRUE;
}

gboolean
hs_restore_portfolio_from (GtkWindow          *parent,
                           HsSqliteRepository *repo,
                           GFile              *file,
                           GError            **error)
{
  g_autofree char *source = g_file_get_path (file);
  g_autofree char *kept = NULL;
  g_autofree char *title = NULL;

  if (source == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("A backup can only be read from a local file"));
      return FALSE;
    }
  if (!hs_sqlite_restore (hs_sqlite_repository_get_path (repo), source, &kept, error))
    return FALSE;
  /* every view reads the restored portfolio now */
  hs_sqlite_repository_check_changed (repo);
  if (kept != NULL)
    {
      g_autofree char *kept_name = g_path_get_basename (kept);
      /* Translators: a toast; %s is a file name */
      title = g_strdup_printf (_("The portfolio was restored; what it held before is kept in “%s”"), kept_name);
    }
  else
    title = g_strdup (_("The portfolio was restored"));
  toast (parent, title, TRUE);
  return TRUE;
}

/* ---- the dialogs ------------------------------------------------------------- */

typedef struct
{
  GtkWindow          *parent;
  HsSqliteRepository *repo;
  GFile              *file;
} FileRun;

static void
file_run_free (FileRun *run)
{
  g_clear_object (&run->parent);
  g_clear_object (&run->repo);
  g_clear_object (&run->file);
  g_free (run);
}

static FileRun *
file_run_new (GtkWindow          *parent,
              HsSqliteRepository *repo)
{
  FileRun *run = g_new0 (FileRun, 1);

  run->parent = g_object_ref (parent);
  run->repo = g_object_ref (repo);
  return run;
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Hankesalkku portfolios"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  return filter;
}

static void
back_up_response_cb (GtkNativeDialog *native,
                     int              response,
                     FileRun         *run)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !hs_back_up_portfolio_to (run->parent, run->repo, file, &error))
        toast (run->parent, error->message, TRUE);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  file_run_free (run);
}

void
hs_back_up_portfolio (GtkWindow          *parent,
                      HsSqliteRepository *repo)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "portfolio-%Y-%m-%d.db");
  g_autoptr(GtkFileFilter) filter = database_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Back Up the Portfolio"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Back Up"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (back_up_response_cb), file_run_new (parent, repo));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     FileRun          *run)
{
  if (g_strcmp0 (response, "restore") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!hs_restore_portfolio_from (run->parent, run->repo, run->file, &error))
        toast (run->parent, error->message, TRUE);
    }
  file_run_free (run);
}

static void
restore_response_cb (GtkNativeDialog *native,
                     int              response,
                     FileRun         *run)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)) : NULL;

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (file == NULL)
    {
      file_run_free (run);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: %s is the backup's file name */
    g_autofree char *body = g_strdup_printf (_("The portfolio will be replaced by “%s”. What it holds now "
                                               "is kept in a file beside it, named after the time."), name);
    GtkWidget *dialog = adw_message_dialog_new (run->parent, _("Restore the Backup?"), body);

    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "cancel", _("_Cancel"),
                                      "restore", _("_Restore"),
                                      NULL);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    run->file = g_steal_pointer (&file);
    g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), run);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

void
hs_restore_portfolio (GtkWindow          *parent,
                      HsSqliteRepository *repo)
{
  g_autoptr(GtkFileFilter) filter = database_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Restore a Backup"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (restore_response_cb), file_run_new (parent, repo));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

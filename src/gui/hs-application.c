/* hs-application.c — the application: app actions, accelerators, About
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-application.h"
#include "store/hs-sqlite-repository.h"

#include "hs-snapshot.h"

/* How often the window asks whether another program changed the file. */
#define HS_WATCH_INTERVAL_MS 500
/* How long a write of the window waits for another program's write lock. */
#define HS_BUSY_TIMEOUT_MS 200
#include "hs-window.h"

struct _HsApplication
{
  AdwApplication  parent_instance;

  HsRepository   *repository;   /* NULL when the database could not be opened */
  GError         *open_error;
};

G_DEFINE_FINAL_TYPE (HsApplication, hs_application, ADW_TYPE_APPLICATION)

HsApplication *
hs_application_new (void)
{
  return g_object_new (HS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/* The window the user last used on a portfolio, or the first window on
 * the default portfolio when there is none yet. */
static HsWindow *
main_window (HsApplication *self)
{
  HsWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HS_IS_WINDOW (l->data))
      return l->data;

  window = hs_window_new (self, self->repository);
  if (self->open_error != NULL)
    hs_window_show_error (window, self->open_error);
  hs_snapshot_arm_from_env (GTK_WINDOW (window));
  return window;
}

static void
hs_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (main_window (HS_APPLICATION (app))));
}

static void
follow_others (HsSqliteRepository *repo)
{
  /* what other windows and programs save shows here within a second */
  hs_sqlite_repository_watch (repo, HS_WATCH_INTERVAL_MS);
  /* a write that finds another program writing gives up quickly; the
   * editor keeps the change and tries again, the window never freezes */
  hs_sqlite_repository_set_busy_timeout (repo, HS_BUSY_TIMEOUT_MS);
}

GtkWindow *
hs_application_open_file (HsApplication  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autoptr(HsSqliteRepository) repo = NULL;
  GtkWindow *window;

  g_return_val_if_fail (self == NULL || HS_IS_APPLICATION (self), NULL);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only a local file can be opened"));
      return NULL;
    }
  repo = hs_sqlite_repository_open (path, HS_OPEN_DEFAULT, error);
  if (repo == NULL)
    return NULL;
  follow_others (repo);
  window = GTK_WINDOW (hs_window_new (self, HS_REPOSITORY (repo)));
  /* Translators: the title of a window on another portfolio file, "sote.db — Hankesalkku" */
  title = g_strdup_printf (_("%s — Hankesalkku"), name);
  gtk_window_set_title (window, title);
  return window;
}

/* A database is what Open a Portfolio… opens; anything else is offered to
 * Import…, which refuses what is not a portfolio file with its own message. */
static gboolean
is_database (GFile *file)
{
  static const char header[16] = "SQLite format 3";
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInputStream) in = NULL;
  char start[sizeof header] = { 0 };
  gsize n = 0;

  if (name != NULL && g_str_has_suffix (name, ".db"))
    return TRUE;
  in = g_file_read (file, NULL, NULL);
  return in != NULL
         && g_input_stream_read_all (G_INPUT_STREAM (in), start, sizeof start, &n, NULL, NULL)
         && n == sizeof start
         && memcmp (start, header, sizeof header) == 0;
}

/* Files from the file manager or the command line: a database opens in a
 * window of its own, a portfolio XML file shows the import preview over the
 * main window. */
static void
hs_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  HsApplication *self = HS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      HsWindow *target;
      GtkWindow *window;

      if (is_database (files[i]))
        {
          window = hs_application_open_file (self, files[i], &error);
          if (window != NULL)
            {
              gtk_window_present (window);
              continue;
            }
          target = main_window (self);
          gtk_window_present (GTK_WINDOW (target));
          hs_window_show_toast (target, error->message);
          continue;
        }

      target = main_window (self);
      gtk_window_present (GTK_WINDOW (target));
      /* without a portfolio the window already says why */
      hs_window_import_file (target, files[i]);
    }
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  HsApplication   *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)) : NULL;
  g_autoptr(GError) error = NULL;

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (file != NULL)
    {
      GtkWindow *window = hs_application_open_file (self, file, &error);

      if (window != NULL)
        gtk_window_present (window);
      else
        {
          GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
          if (HS_IS_WINDOW (active))
            hs_window_show_toast (HS_WINDOW (active), error->message);
        }
    }
  g_object_unref (self);
}

static void
open_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  HsApplication *self = HS_APPLICATION (user_data);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (filter, _("Hankesalkku portfolios"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  native = gtk_file_chooser_native_new (_("Open a Portfolio"),
                                        gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Hankesalkku authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Hankesalkku"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Hankesalkku authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Prepare and review ecosystem-agreement project portfolios"),
                         "website", "https://github.com/hankesalkku/hankesalkku",
                         "issue-url", "https://github.com/hankesalkku/hankesalkku/issues",
                         "copyright", "© 2026 The Hankesalkku authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close the windows first so that they store their state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "open", open_activated_cb },
  { "quit", quit_activated_cb },
};

static void
hs_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *help_accels[] = { "<Primary>question", "<Primary>F1", NULL };

  HsApplication *self = HS_APPLICATION (app);
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (hs_application_parent_class)->startup (app);

  /* The portfolio: created and seeded with the reference data on first start. */
  path = hs_default_database_path ();
  self->repository = HS_REPOSITORY (hs_sqlite_repository_open (path, HS_OPEN_CREATE, &self->open_error));
  if (self->repository == NULL)
    g_warning ("Could not open %s: %s", path, self->open_error->message);
  else
    follow_others (HS_SQLITE_REPOSITORY (self->repository));

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
}

/* Close the windows and the database before the process ends, so that
 * SQLite checkpoints its write-ahead log and removes it. */
static void
hs_application_shutdown (GApplication *app)
{
  HsApplication *self = HS_APPLICATION (app);
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  g_clear_object (&self->repository);

  G_APPLICATION_CLASS (hs_application_parent_class)->shutdown (app);
}

static void
hs_application_finalize (GObject *object)
{
  HsApplication *self = HS_APPLICATION (object);

  g_clear_object (&self->repository);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (hs_application_parent_class)->finalize (object);
}

static void
hs_application_class_init (HsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hs_application_finalize;

  app_class->activate = hs_application_activate;
  app_class->open = hs_application_open;
  app_class->startup = hs_application_startup;
  app_class->shutdown = hs_application_shutdown;
}

static void
hs_application_init (HsApplication *self)
{
}

/* hs-application.c — the application: app actions, accelerators, About
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-application"

#include "config.h"

#include <glib/gi18n.h>

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
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

static void
hs_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      HsApplication *self = HS_APPLICATION (app);

      window = GTK_WINDOW (hs_window_new (self, self->repository));
      if (self->open_error != NULL)
        hs_window_show_error (HS_WINDOW (window), self->open_error);
      hs_snapshot_arm_from_env (window);
    }

  gtk_window_present (window);
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
    {
      /* what other windows and programs save shows here within a second */
      hs_sqlite_repository_watch (HS_SQLITE_REPOSITORY (self->repository), HS_WATCH_INTERVAL_MS);
      /* a write that finds another program writing gives up quickly; the
       * editor keeps the change and tries again, the window never freezes */
      hs_sqlite_repository_set_busy_timeout (HS_SQLITE_REPOSITORY (self->repository), HS_BUSY_TIMEOUT_MS);
    }

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

HsRepository *
hs_application_get_repository (HsApplication *self)
{
  g_return_val_if_fail (HS_IS_APPLICATION (self), NULL);

  return self->repository;
}

static void
hs_application_class_init (HsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hs_application_finalize;

  app_class->activate = hs_application_activate;
  app_class->startup = hs_application_startup;
  app_class->shutdown = hs_application_shutdown;
}

static void
hs_application_init (HsApplication *self)
{
}

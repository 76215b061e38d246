/* hs-gui-test.c — waiting on conditions, finding widgets, test portfolios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-gui-test.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/hs-generate.h"
#include "store/hs-sqlite-repository.h"

#include "hs-snapshot.h"

const char *
hs_test_take_language_option (int    *argc,
                              char ***argv)
{
  const char *language = NULL;

  for (int i = 1; i < *argc; i++)
    if (g_str_has_prefix ((*argv)[i], "--language="))
      {
        language = (*argv)[i] + strlen ("--language=");
        g_setenv ("LANGUAGE", language, TRUE);
        for (int j = i; j < *argc; j++)
          (*argv)[j] = (*argv)[j + 1];
        (*argc)--;
        i--;
      }
  return language;
}

void
hs_test_gui_init (int    *argc,
                  char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* A revealer, a stack or a toast is in its final state at once: what a
   * test sees does not depend on how far an animation got. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
hs_test_drain (void)
{
  /* Each round dispatches what is ready; what it queued runs in the next.
   * Nothing here blocks, so nothing here waits for time to pass. */
  for (int round = 0; round < 8; round++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static guint
deadline_seconds (void)
{
  const char *text = g_getenv ("HS_TEST_DEADLINE");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 3600, &value, NULL))
    return (guint) value;
  return HS_TEST_DEADLINE_SECONDS;
}

static gboolean
deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Wakes the loop now and then, so that a condition that changes without
 * an event of its own (a worker thread's flag) is seen promptly too. */
static gboolean
recheck_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
hs_test_wait_until (HsTestCondition  condition,
                    gpointer         data,
                    const char      *what)
{
  gboolean expired = FALSE;
  guint seconds;
  guint deadline;
  guint recheck;

  if (condition (data))
    return;

  seconds = deadline_seconds ();
  deadline = g_timeout_add_seconds (seconds, deadline_cb, &expired);
  recheck = g_timeout_add (25, recheck_cb, NULL);
  while (!condition (data))
    {
      if (expired)
        {
          g_source_remove (recheck);
          g_error ("Waited %u s for %s", seconds, what);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (recheck);
  if (!expired)
    g_source_remove (deadline);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget)
      && gtk_widget_get_width (widget) > 0
      && gtk_widget_get_height (widget) > 0;
}

void
hs_test_wait_mapped (GtkWidget *widget)
{
  g_autofree char *what = g_strdup_printf ("a %s to be mapped", G_OBJECT_TYPE_NAME (widget));

  hs_test_wait_until (is_mapped, widget, what);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

void
hs_test_wait_for_draw (GtkWidget *widget)
{
  g_autofree char *what = g_strdup_printf ("a %s to be drawn", G_OBJECT_TYPE_NAME (widget));
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  hs_test_wait_mapped (widget);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  /* connected before the draw is queued: this paint cannot be missed */
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  hs_test_wait_until (is_true, &painted, what);
  g_signal_handler_disconnect (clock, handler);
  hs_test_drain ();
}

void
hs_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  hs_test_wait_for_draw (GTK_WIDGET (window));
}

static gboolean
is_cleared (gpointer location)
{
  return *(gpointer *) location == NULL;
}

void
hs_test_wait_finalized (gpointer    location,
                        const char *what)
{
  g_autofree char *text = g_strdup_printf ("%s to be finalized", what);

  hs_test_wait_until (is_cleared, location, text);
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} TextWait;

static gboolean
shows_text (gpointer data)
{
  TextWait *wait = data;
  g_autofree char *shown = hs_snapshot_describe (wait->widget);

  return strstr (shown, wait->text) != NULL;
}

void
hs_test_wait_for_text (GtkWidget  *widget,
                       const char *text)
{
  TextWait wait = { widget, text };
  g_autofree char *what = g_strdup_printf ("“%s” to be shown", text);

  if (!shows_text (&wait))
    gtk_widget_queue_resize (widget);   /* a list creates its rows in the layout phase */
  hs_test_wait_until (shows_text, &wait, what);
}

typedef struct
{
  const char *text;
  gboolean    reported;
} SearchWait;

static void
search_changed_cb (GtkSearchEntry *entry,
                   SearchWait     *wait)
{
  /* replacing the text reports the empty text first, at once */
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->text))
    wait->reported = TRUE;
}

void
hs_test_search (GtkWidget  *search_entry,
                const char *text)
{
  SearchWait wait = { text, FALSE };
  gulong handler;

  g_assert_true (GTK_IS_SEARCH_ENTRY (search_entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), !=, text);
  /* connected after the owner's handler, so it runs after it */
  handler = g_signal_connect (search_entry, "search-changed", G_CALLBACK (search_changed_cb), &wait);
  gtk_editable_set_text (GTK_EDITABLE (search_entry), text);
  hs_test_wait_until (is_true, &wait.reported, "the search entry to report the search");
  g_signal_handler_disconnect (search_entry, handler);
  hs_test_drain ();
}

gpointer
hs_test_find_child (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = hs_test_find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
hs_test_find_action_button (GtkWidget  *widget,
                            const char *action)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hs_test_find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
hs_test_save_png (GtkWidget  *widget,
                  const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  g_autoptr(GError) error = NULL;

  hs_test_wait_for_draw (widget);
  if (!hs_snapshot_to_png (widget, path, &error))
    g_error ("Could not take a picture of a %s: %s", G_OBJECT_TYPE_NAME (widget), error->message);
  g_test_message ("wrote %s", path);
}

HsRepository *
hs_test_open_portfolio (const char  *prefix,
                        guint        n_generated,
                        char       **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) demo = NULL;
  HsRepository *repo;

  *dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "portfolio.db", NULL);
  repo = HS_REPOSITORY (hs_sqlite_repository_open (path, HS_OPEN_CREATE, &error));
  g_assert_no_error (error);

  agreements = hs_repository_list_agreements (repo, &error);
  g_assert_no_error (error);
  focus_areas = hs_repository_list_focus_areas (repo, 0, &error);
  g_assert_no_error (error);
  demo = hs_generate_demo (agreements, focus_areas);
  g_assert_true (hs_repository_save_projects (repo, demo, "demo", &error));
  g_assert_no_error (error);
  if (n_generated > 0)
    {
      g_autoptr(GPtrArray) generated = hs_generate_portfolio (agreements, focus_areas, n_generated, 5);

      g_assert_true (hs_repository_save_projects (repo, generated, "generated", &error));
      g_assert_no_error (error);
    }
  return repo;
}

void
hs_test_close_portfolio (gpointer       window,
                         HsRepository **repo,
                         char         **dir)
{
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  hs_test_drain ();
  if (repo != NULL)
    g_clear_object (repo);
  hs_test_remove_dir (*dir);
  g_clear_pointer (dir, g_free);
}

void
hs_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

/* Real key presses, as the X server delivers them: xdotool (XTest) sends
 * them to @widget's window after giving it the input focus. A keyboard
 * shortcut then goes through every controller on its way (capture, target,
 * bubble), which no call into GTK imitates. */
void
hs_test_send_keys (GtkWidget  *widget,
                   const char *command,
                   const char *keys)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, command, "--clearmodifiers", keys, NULL };
    const char *type_argv[] = { "xdotool", "windowfocus", "--sync", xid, command, "--delay", "20", keys, NULL };

    g_spawn_sync (NULL, (char **) (g_str_equal (command, "type") ? type_argv : argv), NULL,
                  G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* everything the server made of the keys is in our queue after a round trip */
  gdk_display_sync (gtk_widget_get_display (widget));
  hs_test_drain ();
#else
  g_error ("Real key presses need the X11 backend");
#endif
}

GtkWidget *
hs_test_find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
file_chooser_is (gpointer shown)
{
  return (hs_test_find_file_chooser () != NULL) == GPOINTER_TO_INT (shown);
}

void
hs_test_wait_file_chooser (gboolean shown)
{
  hs_test_wait_until (file_chooser_is, GINT_TO_POINTER (shown != FALSE),
                      shown ? "a file chooser to be shown" : "the file chooser to close");
}

void
hs_test_run_cli (const char *db,
                 const char *first,
                 ...)
{
  g_autofree char *cli = g_build_filename (g_getenv ("HANKESALKKU_BUILD_ROOT"), "src", "cli",
                                           "hankesalkku-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("hankesalkku-cli %s failed: %s", first, err);
}

/* test-smoke.c — the real hankesalkku binary, started as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the installed-layout binary of this build under the test's X
 * server with a fresh data and config directory, lets it draw its window
 * and write what it shows (HANKESALKKU_SNAPSHOT), and checks what a person
 * would see: the title, the empty-state text, and a picture that is not
 * blank. The PNGs stay in the build directory as artifacts.
 */
#include <gtk/gtk.h>
#include <glib/gstdio.h>

typedef struct
{
  char *text;
  GdkTexture *texture;
} Shown;

static void
shown_clear (Shown *shown)
{
  g_clear_pointer (&shown->text, g_free);
  g_clear_object (&shown->texture);
}

static void
run_app_on (const char *language,
            const char *name,
            const char *db,
            Shown      *shown)
{
  const char *builddir = g_getenv ("HANKESALKKU_BUILD_ROOT");
  g_autofree char *binary = g_build_filename (builddir, "src", "hankesalkku", NULL);
  g_autofree char *home = g_dir_make_tmp ("hs-smoke-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *prefix = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *txt = g_strconcat (prefix, ".txt", NULL);
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { binary, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (home);
  g_unlink (png);
  g_unlink (txt);

  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "HANKESALKKU_SNAPSHOT", prefix, TRUE);
  if (db != NULL)
    env = g_environ_setenv (env, "HANKESALKKU_DB", db, TRUE);
  else
    env = g_environ_unsetenv (env, "HANKESALKKU_DB");
  if (language != NULL)
    env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  else
    env = g_environ_unsetenv (env, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  /* The database was closed cleanly: no write-ahead log left behind. */
  if (db == NULL)
    {
      g_autofree char *wal = g_build_filename (data, "hankesalkku", "portfolio.db-wal", NULL);
      g_autofree char *main_db = g_build_filename (data, "hankesalkku", "portfolio.db", NULL);
      g_assert_true (g_file_test (main_db, G_FILE_TEST_IS_REGULAR));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }

  g_file_get_contents (txt, &shown->text, NULL, &error);
  g_assert_no_error (error);
  shown->texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
}

static void
run_app (const char *language,
         const char *name,
         Shown      *shown)
{
  run_app_on (language, name, NULL, shown);
}

/* A database with the example portfolio, made by the command-line tool. */
static char *
demo_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hs-smoke-db-XXXXXX", NULL);
  g_autofree char *cli = g_build_filename (g_getenv ("HANKESALKKU_BUILD_ROOT"), "src", "cli", "hankesalkku-cli", NULL);
  char *db = g_build_filename (dir, "portfolio.db", NULL);
  const char *argv[] = { cli, "--db", db, "init", "--demo", NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return db;
}

/* A blank or broken render is one colour; a real window has a header bar,
 * text and an icon: many colours, and dark text pixels on a light page. */
static void
assert_not_blank (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  guint dark = 0;

  g_assert_cmpint (width, >=, 360);
  g_assert_cmpint (height, >=, 294);

  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(guint32 *) (pixels + y * stride + x * 4);
        guchar r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
        if (r < 100 && g < 100 && b < 100 && (pixel >> 24) > 200)
          dark++;
      }

  g_assert_cmpuint (g_hash_table_size (colours), >, 50);
  g_assert_cmpuint (dark, >, 500);
}

static void
test_smoke_english (void)
{
  Shown shown = { 0 };

  run_app (NULL, "smoke-en", &shown);
  g_assert_true (g_str_has_prefix (shown.text, "title: Hankesalkku\n"));
  g_assert_nonnull (strstr (shown.text, "label: No Projects Yet\n"));
  g_assert_nonnull (strstr (shown.text, "ecosystem agreements"));
  assert_not_blank (shown.texture);
  shown_clear (&shown);
}

static void
test_smoke_finnish (void)
{
  Shown shown = { 0 };

  run_app ("fi", "smoke-fi", &shown);
  g_assert_true (g_str_has_prefix (shown.text, "title: Hankesalkku\n"));
  g_assert_nonnull (strstr (shown.text, "label: Ei vielä hankkeita\n"));
  g_assert_null (strstr (shown.text, "No Projects Yet"));
  g_assert_nonnull (strstr (shown.text, "ekosysteemisopimusten"));
  assert_not_blank (shown.texture);
  shown_clear (&shown);
}

/* The real window on a portfolio, in Finnish: the sidebar, the list with
 * Finnish money, and a screenshot for people to look at. */
static void
test_smoke_portfolio_finnish (void)
{
  g_autofree char *db = demo_database ();
  Shown shown = { 0 };

  run_app_on ("fi", "smoke-portfolio-fi", db, &shown);
  g_assert_true (g_str_has_prefix (shown.text, "title: Hankesalkku\n"));
  g_assert_nonnull (strstr (shown.text, "label: Kaikki hankkeet\n"));
  g_assert_nonnull (strstr (shown.text, "label: 3 hanketta\n"));
  g_assert_nonnull (strstr (shown.text, "label: Pääkaupunkiseutu (PKS)\n"));
  g_assert_nonnull (strstr (shown.text, "label: PKS-ESIM-001\n"));
  g_assert_nonnull (strstr (shown.text, "label: 1\u00a0333\u00a0333,00\u00a0€\n"));
  g_assert_nonnull (strstr (shown.text, "label: 60,0\u00a0%\n"));
  g_assert_null (strstr (shown.text, "All Projects"));
  assert_not_blank (shown.texture);
  shown_clear (&shown);
}

static void
test_smoke_portfolio_english (void)
{
  g_autofree char *db = demo_database ();
  Shown shown = { 0 };

  run_app_on (NULL, "smoke-portfolio-en", db, &shown);
  g_assert_nonnull (strstr (shown.text, "label: All Projects\n"));
  g_assert_nonnull (strstr (shown.text, "label: €1,333,333.00\n"));
  g_assert_nonnull (strstr (shown.text, "label: 1 error\n"));   /* the Turku example's finding */
  assert_not_blank (shown.texture);
  shown_clear (&shown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smoke/english", test_smoke_english);
  g_test_add_func ("/smoke/finnish", test_smoke_finnish);
  g_test_add_func ("/smoke/portfolio-finnish", test_smoke_portfolio_finnish);
  g_test_add_func ("/smoke/portfolio-english", test_smoke_portfolio_english);

  return g_test_run ();
}

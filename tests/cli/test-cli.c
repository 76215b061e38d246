/* test-cli.c — hankesalkku-cli as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case spawns the real binary with a fresh database in a temporary
 * directory and checks its exit status, what it printed, and what is in
 * the database afterwards.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static const char *
cli_path (void)
{
  static char *path;

  if (path == NULL)
    path = g_build_filename (g_getenv ("HANKESALKKU_BUILD_ROOT"), "src", "cli", "hankesalkku-cli", NULL);
  return path;
}

/* Runs hankesalkku-cli with the arguments (NULL-terminated) and the given
 * LANGUAGE (NULL: English). */
static void
run_cli (Run        *run,
         const char *language,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (args, language);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "HANKESALKKU_DB");
  if (language != NULL)
    env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  else
    env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("hs-cli-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->db = g_build_filename (fixture->dir, "portfolio.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        g_chmod (child, 0644);
        g_remove (child);
      }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static char *
file_digest (const char *path)  /* caller frees */
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_digest (const char *path,
               const char *expected)
{
  g_autofree char *digest = file_digest (path);

  g_assert_cmpstr (digest, ==, expected);
}

/* The "total" object of summary --json: the number after the key. */
static gint64
json_total (const char *json,
            const char *key)
{
  const char *total = strstr (json, "\"total\": {");
  g_autofree char *needle = g_strdup_printf ("\"%s\": ", key);
  const char *at;

  g_assert_nonnull (total);
  at = strstr (total, needle);
  g_assert_nonnull (at);
  return g_ascii_strtoll (at + strlen (needle), NULL, 10);
}

static void
test_init_and_demo (Fixture       *fixture,
                    gconstpointer  data)
{
  Run run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db, "init", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.out, "Created the database"));

  /* A second init changes nothing and says so. */
  run_cli (&run, NULL, "--db", fixture->db, "init", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "already exists"));

  run_cli (&run, NULL, "--db", fixture->db, "summary", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (json_total (run.out, "projects"), ==, 0);

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "example portfolio"));

  /* The example portfolio once only. */
  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "already"));

  run_cli (&run, NULL, "--db", fixture->db, "summary", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (json_total (run.out, "projects"), ==, 3);

  /* The PKS coordination project: 1 333 333,00 € of which 60 % support. */
  run_cli (&run, NULL, "--db", fixture->db, "summary", "--by", "agreement", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Pääkaupunkiseutu (PKS)"));
  g_assert_nonnull (strstr (run.out, "1,333,333.00"));

  run_cli (&run, "fi", "--db", fixture->db, "summary", "--by", "agreement", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1\u00a0333\u00a0333,00"));

  /* Its 799 999,80 € of EU and state support apart: Helsinki-Uusimaa's
   * EU share is 40 % (per implementer, rounded to the cent), the state the
   * rest; the summary shows both next to EU and state together. */
  run_cli (&run, NULL, "--db", fixture->db, "summary", "--by", "agreement", NULL);
  g_assert_nonnull (strstr (run.out, "of which EU (€)"));
  g_assert_nonnull (strstr (run.out, "799,999.80    60.0%       319,999.92          479,999.88"));
  run_cli (&run, NULL, "--db", fixture->db, "summary", "--json", NULL);
  g_assert_nonnull (strstr (run.out, "{\"key\": \"1\", \"label\": \"Pääkaupunkiseutu (PKS)\""));
  g_assert_nonnull (strstr (run.out, "\"eu_state_cents\": 79999980, \"eu_cents\": 31999992, \"state_cents\": 47999988}"));
  /* Oulu, in the rest of mainland Finland: 60 % of 336 000,00 € */
  g_assert_nonnull (strstr (run.out, "\"eu_state_cents\": 33600000, \"eu_cents\": 20160000, \"state_cents\": 13440000}"));
  g_assert_cmpint (json_total (run.out, "eu_cents") + json_total (run.out, "state_cents"), ==,
                   json_total (run.out, "eu_state_cents"));
  run_cli (&run, NULL, "--db", fixture->db, "summary", "--by", "source", NULL);
  g_assert_nonnull (strstr (run.out, "  of which EU (ERDF)"));
  run_cli (&run, NULL, "--db", fixture->db, "list", "--json", NULL);
  g_assert_nonnull (strstr (run.out, "\"eu_state_cents\": 79999980, \"support_bp\": 6000, \"errors\": 0, \"warnings\": 0, "
                                     "\"eu_cents\": 31999992, \"state_cents\": 47999988, \"instrument\": \"eakr\"}"));

  run_clear (&run);
}

static void
test_summary_dimensions (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *dimensions[] = { "agreement", "focus-area", "city", "year", "status", "source" };
  g_autofree char *json_agreement = NULL;
  Run run = { 0 };
  gint64 costs, financing;

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, NULL, "--db", fixture->db, "summary", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  costs = json_total (run.out, "total_costs_cents");
  financing = json_total (run.out, "total_financing_cents");
  g_assert_cmpint (costs, >, 133333300);

  /* Every grouping adds up to the same portfolio. */
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      run_cli (&run, NULL, "--db", fixture->db, "summary", "--by", dimensions[i], "--json", NULL);
      g_assert_cmpint (run.status, ==, 0);
      if (g_str_equal (dimensions[i], "source"))
        g_assert_cmpint (json_total (run.out, "total_financing_cents"), ==, financing);
      else
        g_assert_cmpint (json_total (run.out, "total_costs_cents"), ==, costs);

      run_cli (&run, NULL, "--db", fixture->db, "summary", "--by", dimensions[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Total"));
    }

  run_cli (&run, NULL, "--db", fixture->db, "summary", "--by", "colour", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "colour"));

  run_clear (&run);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  Run run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The Turku example asks for 62,4 % support: an error, so exit 1. */
  run_cli (&run, NULL, "--db", fixture->db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "TURKU-ESIM-001: error: "));
  g_assert_nonnull (strstr (run.out, "62.4%"));
  g_assert_null (strstr (run.out, "PKS-ESIM-001: error"));
  g_assert_nonnull (strstr (run.err, "Checked 3 projects"));

  run_cli (&run, NULL, "--db", fixture->db, "check", "--project", "PKS-ESIM-001", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  run_cli (&run, NULL, "--db", fixture->db, "check", "--project", "NO-SUCH", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "NO-SUCH"));

  run_clear (&run);
}

/* Replaces every @from in the file at @path with @to. */
static void
replace_in_file (const char *path,
                 const char *from,
                 const char *to)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  parts = g_strsplit (contents, from, -1);
  g_assert_cmpuint (g_strv_length (parts), >, 1);
  joined = g_strjoinv (to, parts);
  g_assert_true (g_file_set_contents (path, joined, -1, NULL));
}

/* The city's 25 % is the agreement's rule: the example portfolio with
 * every city's financing made other public money has no project-level
 * city finding, but the PKS agreement's approved projects (the ongoing
 * coordination project, 1 333 333,00 €) fall short by 333 333,25 €, an
 * error after the projects' findings, in English and in Finnish numbers;
 * the Oulu application (submitted) is a proposal under 25 %: a warning. */
static void
test_check_agreement (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (fixture->dir, "demo.xml", NULL);
  const char *project_line, *agreement_line;
  Run run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "--db", fixture->db, "check", NULL);
  /* as it comes, the example portfolio keeps the agreements' rules */
  g_assert_null (strstr (run.out, "Pääkaupunkiseutu (PKS):"));
  g_assert_null (strstr (run.err, "of agreements and calls"));

  run_cli (&run, NULL, "--db", fixture->db, "export", "--format", "xml", "-o", xml, NULL);
  g_assert_cmpint (run.status, ==, 0);
  replace_in_file (xml, "source=\"city\"", "source=\"other-public\"");
  run_cli (&run, NULL, "--db", fixture->db, "import", xml, "--replace", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, NULL, "--db", fixture->db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.out, "City financing is"));
  project_line = strstr (run.out, "TURKU-ESIM-001: error: ");
  agreement_line = strstr (run.out,
                           "Pääkaupunkiseutu (PKS): error: City financing of the agreement’s approved projects is "
                           "0.0% of their total costs (€0.00 of €1,333,333.00); the agreement requires at least "
                           "25.0% (€333,333.25 more is needed)\n");
  g_assert_nonnull (project_line);
  g_assert_nonnull (agreement_line);
  g_assert_true (project_line < agreement_line);
  g_assert_nonnull (strstr (run.out, "Oulu: warning: City financing of the agreement’s proposed projects "
                                     "(submitted or under review) is 0.0% of their total costs"));
  /* counted with the projects' findings */
  g_assert_nonnull (strstr (run.err, "Checked 3 projects and 16 agreements: 2 errors and 2 warnings "
                                     "(2 of them of agreements and calls); 1 project cannot be submitted."));

  /* Finnish numbers; the words as the catalogue has them */
  run_cli (&run, "fi", "--db", fixture->db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "Pääkaupunkiseutu (PKS): virhe: "));
  g_assert_nonnull (strstr (run.out, "0,00\u00a0€"));
  g_assert_nonnull (strstr (run.out, "1\u00a0333\u00a0333,00\u00a0€"));
  g_assert_nonnull (strstr (run.out, "25,0\u00a0%"));
  g_assert_nonnull (strstr (run.out, "333\u00a0333,25\u00a0€"));
  g_assert_nonnull (strstr (run.out, "Oulu: varoitus: "));

  /* one project's check is that project's own rules */
  run_cli (&run, NULL, "--db", fixture->db, "check", "--project", "PKS-ESIM-001", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  run_clear (&run);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  Run run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, NULL, "--db", fixture->db, "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "{\"code\": \"PKS-ESIM-001\", "));
  g_assert_nonnull (strstr (run.out, "\"main_implementer\": \"Helsingin kaupunki\", \"partial_implementers\": 2, "
                                     "\"status\": \"ongoing\", \"total_costs_cents\": 133333300, "
                                     "\"eu_state_cents\": 79999980, \"support_bp\": 6000, \"errors\": 0"));
  g_assert_nonnull (strstr (run.out, "\"code\": \"TURKU-ESIM-001\""));
  g_assert_null (strstr (strstr (run.out, "TURKU-ESIM-001"), "\"errors\": 0"));

  run_cli (&run, "fi", "--db", fixture->db, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "PKS-ESIM-001\t"));
  g_assert_nonnull (strstr (run.out, "1\u00a0333\u00a0333,00\u00a0€"));
  g_assert_nonnull (strstr (run.out, "60,0\u00a0%"));

  run_clear (&run);
}

static void
test_generate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  Run run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db, "init", NULL);
  run_cli (&run, NULL, "--db", fixture->db, "generate", "--projects", "300", "--seed", "7", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, NULL, "--db", fixture->db, "summary", "--json", NULL);
  g_assert_cmpint (json_total (run.out, "projects"), ==, 300);
  first = g_strdup (run.out);

  /* A known small share breaks a rule: some, not most. */
  run_cli (&run, NULL, "--db", fixture->db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  {
    guint failing = 0;
    const char *p = strstr (run.err, "; ");
    g_assert_nonnull (p);
    failing = (guint) g_ascii_strtoull (p + 2, NULL, 10);
    g_assert_cmpuint (failing, >=, 3);
    g_assert_cmpuint (failing, <=, 45);
  }

  /* The same seed gives the same portfolio. */
  run_cli (&run, NULL, "--db", other_db, "init", NULL);
  run_cli (&run, NULL, "--db", other_db, "generate", "--projects", "300", "--seed", "7", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "--db", other_db, "summary", "--json", NULL);
  g_assert_cmpstr (run.out, ==, first);

  /* Generating the same seed again is refused and changes nothing. */
  before = file_digest (fixture->db);
  run_cli (&run, NULL, "--db", fixture->db, "generate", "--projects", "10", "--seed", "7", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "GEN-7-"));
  assert_digest (fixture->db, before);
  run_cli (&run, NULL, "--db", fixture->db, "summary", "--json", NULL);
  g_assert_cmpstr (run.out, ==, first);

  run_cli (&run, NULL, "--db", fixture->db, "generate", "--projects", "0", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "--db", fixture->db, "generate", "--projects", "many", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "--db", fixture->db, "generate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--projects"));

  run_clear (&run);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *commands[] = { "init", "summary", "list", "check", "generate" };
  Run run = { 0 };

  run_cli (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Usage: hankesalkku-cli"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli (&run, NULL, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, commands[i]));
      run_cli (&run, NULL, "--db", fixture->db, commands[i], "--bogus", NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "--bogus"));
    }

  run_cli (&run, NULL, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  run_cli (&run, NULL, "--db", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Translated help. */
  run_cli (&run, "fi", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "Usage:"));
  g_assert_nonnull (strstr (run.out, "hankesalkku-cli"));


  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
  run_clear (&run);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  /* Every command but init, with what it needs besides the database. */
  const char *readers[][5] = {
    { "summary", NULL }, { "list", NULL }, { "check", NULL }, { "generate", "--projects=5", NULL },
    { "export", "--format=xml", "-o", "out.xml", NULL }, { "chart", "status", "-o", "out.png", NULL },
    { "report", "-o", "out.pdf", NULL },
  };
  g_autofree char *text = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *text_digest = NULL;
  Run run = { 0 };

  g_assert_true (g_file_set_contents (text, "Tämä ei ole tietokanta.\n", -1, NULL));
  text_digest = file_digest (text);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      /* Only init creates a database. */
      run_cli (&run, NULL, "--db", missing, readers[i][0], readers[i][1], readers[i][2], readers[i][3], NULL);
      g_assert_cmpint (run.status, ==, 3);
      g_assert_nonnull (strstr (run.err, "missing.db"));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

      run_cli (&run, NULL, "--db", text, readers[i][0], readers[i][1], readers[i][2], readers[i][3], NULL);
      g_assert_cmpint (run.status, ==, 3);
      g_assert_nonnull (strstr (run.err, "notes.db"));
      assert_digest (text, text_digest);
    }

  /* nothing was written for them either */
  g_assert_false (g_file_test ("out.xml", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("out.png", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("out.pdf", G_FILE_TEST_EXISTS));

  /* init refuses to turn a file that is not ours into a database. */
  run_cli (&run, NULL, "--db", text, "init", NULL);
  g_assert_cmpint (run.status, ==, 3);
  assert_digest (text, text_digest);

  run_clear (&run);
}

static void
test_read_only_and_newer (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *digest = NULL;
  g_autofree char *summary = NULL;
  const char *sqlite_argv[] = { "sqlite3", fixture->db, "PRAGMA user_version = 999;", NULL };
  g_autoptr(GError) error = NULL;
  int status;
  Run run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "--db", fixture->db, "summary", NULL);
  summary = g_strdup (run.out);

  /* A read-only file can be read but not written. */
  g_assert_cmpint (g_chmod (fixture->db, 0444), ==, 0);
  digest = file_digest (fixture->db);
  run_cli (&run, NULL, "--db", fixture->db, "summary", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, summary);
  /* Also for root, who could write it anyway: the mode says "do not". */
  run_cli (&run, NULL, "--db", fixture->db, "generate", "--projects", "5", NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "portfolio.db"));
  assert_digest (fixture->db, digest);
  g_assert_cmpint (g_chmod (fixture->db, 0644), ==, 0);

  /* A database written by a newer Hankesalkku is left alone. */
  g_spawn_sync (NULL, (char **) sqlite_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_free (digest);
  digest = file_digest (fixture->db);
  run_cli (&run, NULL, "--db", fixture->db, "summary", NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.err, "newer"));
  run_cli (&run, NULL, "--db", fixture->db, "generate", "--projects", "5", NULL);
  g_assert_cmpint (run.status, ==, 3);
  assert_digest (fixture->db, digest);

  run_clear (&run);
}

/* Runs a program from PATH and returns its standard output, or NULL. */
static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2)
{
  const char *argv[] = { tool, arg1, arg2, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (arg2 == NULL)
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_chart_files (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *kinds[] = { "financing", "budget-by-year", "timeline", "status", "implementers" };
  const char *suffixes[] = { "png", "svg", "pdf" };
  Run run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", kinds[k], suffixes[s]);
        g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
        g_autofree char *contents = NULL;
        gsize length = 0;

        run_cli (&run, NULL, "--db", fixture->db, "chart", kinds[k], "-o", path, NULL);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 500);
        if (s == 0)
          g_assert_true (memcmp (contents, "\x89PNG\r\n", 6) == 0);
        else if (s == 1)
          g_assert_nonnull (strstr (contents, "<svg"));
        else
          {
            g_autofree char *info = run_tool ("pdfinfo", path, NULL);
            g_assert_true (g_str_has_prefix (contents, "%PDF-"));
            g_assert_nonnull (strstr (info, "Pages:"));
            g_assert_cmpint (atoi (strstr (info, "Pages:") + strlen ("Pages:")), ==, 1);
          }
      }

  /* A format we do not write, a kind we do not know, a missing -o. */
  run_cli (&run, NULL, "--db", fixture->db, "chart", "status", "-o", "status.gif", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "gif"));
  run_cli (&run, NULL, "--db", fixture->db, "chart", "pie", "-o", "x.png", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "pie"));
  run_cli (&run, NULL, "--db", fixture->db, "chart", "status", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *summary_pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *full_pdf = g_build_filename (fixture->dir, "full.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  Run run = { 0 };
  int summary_pages, full_pages;

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, "fi", "--db", fixture->db, "report", "-o", summary_pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  info = run_tool ("pdfinfo", summary_pdf, NULL);
  summary_pages = atoi (strstr (info, "Pages:") + strlen ("Pages:"));
  g_assert_cmpint (summary_pages, >=, 3);

  /* The portfolio total of the example, in Finnish, read back by poppler. */
  text = run_tool ("pdftotext", summary_pdf, "-");
  {
    /* pdftotext writes the no-break spaces as plain or no-break spaces */
    g_autoptr(GString) s = g_string_new (text);
    g_string_replace (s, "\u00a0", " ", 0);
    g_assert_nonnull (strstr (s->str, "1 333 333,00"));
  }

  run_cli (&run, NULL, "--db", fixture->db, "report", "--projects", "-o", full_pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_free (info);
  info = run_tool ("pdfinfo", full_pdf, NULL);
  full_pages = atoi (strstr (info, "Pages:") + strlen ("Pages:"));
  /* at least a page for each of the three projects */
  g_assert_cmpint (full_pages, >=, summary_pages + 3);

  run_cli (&run, NULL, "--db", fixture->db, "report", "-o", "report.png", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
}

/* Asserts that @needle is in the text pdftotext read back, its no-break
 * spaces plain. */
static void
assert_pdf_has (const char *text,
                const char *needle)
{
  g_autoptr(GString) plain = g_string_new (text);
  g_autoptr(GString) wanted = g_string_new (needle);

  g_string_replace (plain, "\u00a0", " ", 0);
  g_string_replace (plain, "\u202f", " ", 0);
  g_string_replace (wanted, "\u00a0", " ", 0);
  if (strstr (plain->str, wanted->str) == NULL)
    g_error ("“%s” is not in the PDF:\n%s", needle, plain->str);
}

/* One project's application as a PDF: its code and name, each
 * implementer, the totals to the cent, per implementer and for the
 * project, and its finding; in the user's language. */
static void
test_report_project (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "turku.pdf", NULL);
  g_autofree char *pdf_fi = g_build_filename (fixture->dir, "turku-fi.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  Run run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, NULL, "--db", fixture->db, "report", "--project", "TURKU-ESIM-001", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "turku.pdf"));
  info = run_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "Project application TURKU-ESIM-001"));
  text = run_tool ("pdftotext", pdf, "-");
  assert_pdf_has (text, "Project application");
  assert_pdf_has (text, "TURKU-ESIM-001 — Sinisen teollisuuden kokeilualusta (esimerkki)");
  assert_pdf_has (text, "Blue industry pilot platform (example)");
  assert_pdf_has (text, "Turku — default call");
  /* the implementers, each with its own budget and financing plan */
  assert_pdf_has (text, "Turun kaupunki (main implementer)");
  assert_pdf_has (text, "Turku Science Park Oy Ab (partial implementer)");
  assert_pdf_has (text, "€336,000.00");
  assert_pdf_has (text, "€168,000.00");
  assert_pdf_has (text, "€209,664.00");
  assert_pdf_has (text, "€104,832.00");
  /* the project's totals */
  assert_pdf_has (text, "€504,000.00");
  assert_pdf_has (text, "€314,496.00 (62.4%)");
  assert_pdf_has (text, "The whole project");
  /* its finding */
  assert_pdf_has (text, "EU and state support is 62.4% of total costs; the call “Turku — default call”");
  assert_pdf_has (text, "allows at most 60.0%");
  assert_pdf_has (text, "Page 2 of 2");

  /* in Finnish: the numbers, the default call's name */
  run_cli (&run, "fi", "--db", fixture->db, "report", "--project", "TURKU-ESIM-001", "-o", pdf_fi, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_free (text);
  text = run_tool ("pdftotext", pdf_fi, "-");
  assert_pdf_has (text, "504 000,00 €");
  assert_pdf_has (text, "314 496,00 € (62,4 %)");
  assert_pdf_has (text, "Turku — oletushaku");
  assert_pdf_has (text, "Turku Science Park Oy Ab");

  /* one project or a portfolio report, not both; a code that is not there */
  run_cli (&run, NULL, "--db", fixture->db, "report", "--project", "TURKU-ESIM-001", "--projects", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "--db", fixture->db, "report", "--project", "NONE-001", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "NONE-001"));

  run_clear (&run);
}

/* ---- call ------------------------------------------------------------------ */

/* The calls an issue of the programme names: Joensuu 2023 (the city at most
 * 25 %, own financing at least 15 %, at most 24 months, 1 000 000 € of EU
 * and state money and 415 000 € of the city's) and the capital region's
 * HEVi coordination (one project, at most 48 months and 1 200 000 €). */
#define JOENSUU_CALL "Joensuun ekosysteemisopimuksen haku 2023"
#define HEVI_CALL    "HEVi-koordinaatiohanke"
#define JOENSUU_JSON "\"agreement_id\": 9, \"agreement\": \"Joensuu\", \"name\": \"" JOENSUU_CALL "\", " \
                     "\"name_sv\": null, \"name_en\": null, \"intermediary\": null, \"instrument\": \"eakr\", " \
                     "\"open_date\": \"2023-08-21\", \"close_date\": \"2023-10-31\", \"max_support_bp\": 6000, " \
                     "\"max_support_cents\": 0, \"min_city_bp\": 0, \"max_city_bp\": 2500, \"min_own_bp\": 1500, " \
                     "\"max_duration_months\": 24, \"max_projects\": 0, \"cost_models\": [\"flat-40\"], " \
                     "\"money_available_cents\": 100000000, \"city_money_available_cents\": 41500000, " \
                     "\"description\": null, \"projects\": 0}"
#define HEVI_JSON    "\"agreement_id\": 1, \"agreement\": \"Pääkaupunkiseutu (PKS)\", \"name\": \"" HEVI_CALL "\", " \
                     "\"name_sv\": null, \"name_en\": \"HEVi coordination\", \"intermediary\": \"Uudenmaan liitto\", " \
                     "\"instrument\": \"eakr\", \"open_date\": null, \"close_date\": null, \"max_support_bp\": 6000, " \
                     "\"max_support_cents\": 120000000, \"min_city_bp\": 0, \"max_city_bp\": 0, \"min_own_bp\": 0, " \
                     "\"max_duration_months\": 48, \"max_projects\": 1, \"cost_models\": [\"flat-40\", \"real\"], " \
                     "\"money_available_cents\": 0, \"city_money_available_cents\": 0, " \
                     "\"description\": \"Koordinaatio\\nkaksi riviä\", \"projects\": 0}"

static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + strlen (needle), needle))
    n++;
  return n;
}

/* A demo database with the two calls; their ids in *joensuu and *hevi. */
static void
add_two_calls (Fixture *fixture,
               gint64  *joensuu,
               gint64  *hevi)
{
  Run run = { 0 };
  const char *at;

  run_cli (&run, NULL, "--db", fixture->db, "init", "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, NULL, "--db", fixture->db, "call", "add", "--agreement", "Joensuu", "--name", JOENSUU_CALL,
           "--open", "21.8.2023", "--close", "2023-10-31", "--max-support-rate", "60", "--min-city-rate", "0",
           "--max-city-rate", "25", "--min-own-rate", "15 %", "--max-duration", "24",
           "--money-available", "1 000 000", "--city-money-available", "415 000,00 €", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  at = strstr (run.out, "(id ");
  g_assert_nonnull (at);
  *joensuu = g_ascii_strtoll (at + 4, NULL, 10);
  g_assert_nonnull (strstr (run.out, "Added the call “" JOENSUU_CALL "”"));

  run_cli (&run, NULL, "--db", fixture->db, "call", "add", "--agreement", "Pääkaupunkiseutu (PKS)",
           "--name", HEVI_CALL, "--name-en", "HEVi coordination", "--intermediary", "Uudenmaan liitto",
           "--max-support", "1 200 000", "--max-duration", "48", "--max-projects", "1",
           "--cost-models", "flat-40, real", "--description", "Koordinaatio\nkaksi riviä", NULL);
  g_assert_cmpint (run.status, ==, 0);
  at = strstr (run.out, "(id ");
  g_assert_nonnull (at);
  *hevi = g_ascii_strtoll (at + 4, NULL, 10);
  g_assert_cmpint (*hevi, ==, *joensuu + 1);
  run_clear (&run);
}

static void
test_call_add_list_show (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *joensuu_json = NULL;
  g_autofree char *hevi_json = NULL;
  g_autofree char *list_json = NULL;
  gint64 joensuu, hevi;
  char id[32];
  Run run = { 0 };

  add_two_calls (fixture, &joensuu, &hevi);
  joensuu_json = g_strdup_printf ("{\"id\": %" G_GINT64_FORMAT ", " JOENSUU_JSON, joensuu);
  hevi_json = g_strdup_printf ("{\"id\": %" G_GINT64_FORMAT ", " HEVI_JSON, hevi);

  /* every field, amounts in cents, rates in bp, dates ISO; the capital
   * region's default call has the demo's coordination project */
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "[\n  {\"id\": 1, \"agreement_id\": 1, "));
  g_assert_true (g_str_has_suffix (run.out, "}\n]\n"));
  g_assert_nonnull (strstr (run.out, joensuu_json));
  g_assert_nonnull (strstr (run.out, hevi_json));
  /* 16 default calls, the 7 of the reference data (data/reference/calls.json), these 2 */
  g_assert_cmpuint (count_of (run.out, "{\"id\": "), ==, 16 + 7 + 2);
  g_assert_nonnull (strstr (run.out, "\"name\": \"Pääkaupunkiseutu (PKS) — default call\""));
  g_assert_nonnull (strstr (strstr (run.out, "{\"id\": 1, "), "\"projects\": 1}"));
  list_json = g_strdup (run.out);

  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--agreement", "Joensuu", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_of (run.out, "{\"id\": "), ==, 3);   /* with the seeded 2023 call */
  g_assert_nonnull (strstr (run.out, joensuu_json));

  /* the capital region by its abbreviation, its number or one of its cities */
  {
    const char *names[] = { "PKS", "1", "Espoo", "pääkaupunkiseutu (pks)" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--agreement", names[i], "--json", NULL);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpuint (count_of (run.out, "{\"id\": "), ==, 4);   /* with the two seeded HEVi calls */
        g_assert_nonnull (strstr (run.out, hevi_json));
      }
  }
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--agreement", "Savonlinna", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--agreement: no agreement is called “Savonlinna”"));
  g_assert_nonnull (strstr (run.err, "  9  Joensuu"));

  /* the table: the name in the user's language, the period, the rate */
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "ID  Agreement"));
  /* the name column is as wide as the longest name (a seeded call's) */
  g_assert_true (g_regex_match_simple (JOENSUU_CALL " {2,}ERDF", run.out, 0, 0));
  g_assert_nonnull (strstr (run.out, "21 Aug 2023–31 Oct 2023"));
  g_assert_nonnull (strstr (run.out, "HEVi coordination"));
  g_assert_null (strstr (run.out, "  " HEVI_CALL));   /* (the seeded "… — HEVi-koordinaatiohanke" has it inside) */
  g_assert_nonnull (strstr (run.out, "Pääkaupunkiseutu (PKS) — default call"));
  g_assert_nonnull (strstr (run.out, "60.0%"));
  g_assert_cmpuint (count_of (run.out, "\n"), ==, 1 + 16 + 7 + 2);

  /* show by id, by each name and case; --json is the list's object with
   * the call's money */
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, hevi);
  {
    const char *names[] = { id, HEVI_CALL, "HEVi coordination", "hevi COORDINATION" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *object = g_strndup (hevi_json, strlen (hevi_json) - 1);   /* without its "}" */
        g_autofree char *line = g_strconcat (object, ", \"money\": {\"available\": -1, \"applied\": 0, "
                                             "\"proposed\": 0, \"granted\": 0, \"remaining\": -1, "
                                             "\"applications\": 0, \"proposals\": 0, \"grants\": 0, "
                                             "\"rejections\": 0}}\n", NULL);
        run_cli (&run, NULL, "--db", fixture->db, "call", "show", names[i], "--json", NULL);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpstr (run.out, ==, line);
      }
  }

  run_cli (&run, NULL, "--db", fixture->db, "call", "show", HEVI_CALL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "HEVi coordination\n"));
  g_assert_nonnull (strstr (run.out, "  Agreement:  "));
  g_assert_nonnull (strstr (run.out, " Pääkaupunkiseutu (PKS) (1)\n"));
  g_assert_nonnull (strstr (run.out, " " HEVI_CALL "\n"));
  g_assert_nonnull (strstr (run.out, "  Intermediary body: "));
  g_assert_nonnull (strstr (run.out, " ERDF (Innovation and Skills in Finland 2021–2027)\n"));
  g_assert_nonnull (strstr (run.out, "  Support at most in euros: "));
  g_assert_nonnull (strstr (run.out, " €1,200,000.00\n"));
  g_assert_nonnull (strstr (run.out, " 60.0% of the total costs\n"));
  g_assert_nonnull (strstr (run.out, " 48 months\n"));
  g_assert_nonnull (strstr (run.out, "  Projects at most: "));
  g_assert_nonnull (strstr (run.out, " 40 % flat rate, Real costs\n"));
  g_assert_nonnull (strstr (run.out, " Koordinaatio\n"));
  g_assert_nonnull (strstr (run.out, " kaksi riviä\n"));
  g_assert_nonnull (strstr (run.out, "  Opens: "));
  g_assert_nonnull (strstr (run.out, " not set\n"));
  g_assert_nonnull (strstr (run.out, "  Projects applying: "));
  /* the limits the call does not set (the city's share at least and at
   * most, own financing) */
  g_assert_cmpuint (count_of (run.out, " no limit\n"), ==, 3);

  run_cli (&run, NULL, "--db", fixture->db, "call", "show", JOENSUU_CALL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, " 21 Aug 2023\n"));
  g_assert_nonnull (strstr (run.out, " 31 Oct 2023\n"));
  g_assert_nonnull (strstr (run.out, " 25.0%\n"));
  g_assert_nonnull (strstr (run.out, " 15.0%\n"));
  g_assert_nonnull (strstr (run.out, " 24 months\n"));
  g_assert_nonnull (strstr (run.out, " €1,000,000.00\n"));
  g_assert_nonnull (strstr (run.out, " €415,000.00\n"));
  /* the agreement's intermediary body when the call names none */
  g_assert_nonnull (strstr (run.out, "(the agreement’s)\n"));

  /* the default call by the name the user's language gives it */
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", "Pääkaupunkiseutu (PKS) — default call", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "  Projects applying: "));
  g_assert_true (g_regex_match_simple ("  Projects applying: +1\n", run.out, 0, 0));
  /* then the call's money: one approved project without a recorded decision */
  g_assert_true (g_regex_match_simple ("\n  Applied for: +€[0-9,.]+ \\(1 application\\)\n", run.out, 0, 0));
  g_assert_true (g_str_has_suffix (run.out, "  Remaining:               —\n"));
  run_cli (&run, "fi", "--db", fixture->db, "call", "show", "Joensuu — oletushaku", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\"id\": 9, \"agreement_id\": 9, "));

  /* the same name in two agreements: --agreement chooses */
  run_cli (&run, NULL, "--db", fixture->db, "call", "add", "--agreement", "Pori", "--name", "Yhteishaku 2024", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "--db", fixture->db, "call", "add", "--agreement", "Vaasa", "--name", "Yhteishaku 2024", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", "Yhteishaku 2024", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "“Yhteishaku 2024” names 2 calls"));
  g_assert_nonnull (strstr (run.err, "  Pori: Yhteishaku 2024\n"));
  g_assert_nonnull (strstr (run.err, "  Vaasa: Yhteishaku 2024"));
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", "Yhteishaku 2024", "--agreement", "Vaasa", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"agreement\": \"Vaasa\", \"name\": \"Yhteishaku 2024\""));

  /* an unknown call lists the ones that come close, else all */
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", "Joensuun", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "No call is called “Joensuun”"));
  g_assert_nonnull (strstr (run.err, "  Joensuu: " JOENSUU_CALL));
  g_assert_null (strstr (run.err, "Pori"));
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", "no such call", "--agreement", "Joensuu", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "The agreement Joensuu has no call called “no such call”"));
  g_assert_nonnull (strstr (run.err, "  Joensuu: Joensuu — default call"));
  g_assert_null (strstr (run.err, "Pori"));
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", "3", "--agreement", "Joensuu", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "belongs to the agreement Turku, not to Joensuu"));

  /* usage */
  run_cli (&run, NULL, "--db", fixture->db, "call", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "list|show|add|edit|delete"));
  run_cli (&run, NULL, "--db", fixture->db, "call", "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "--db", fixture->db, "call", "add", "--name", "X", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--agreement"));
  run_cli (&run, NULL, "--db", fixture->db, "call", "edit", id, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "call", "add", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--max-support-rate"));
  g_assert_nonnull (strstr (run.out, "--city-money-available"));
  g_assert_nonnull (strstr (run.out, "flat-15-2014, indirect-7, indirect-15 (empty: any)"));
  run_cli (&run, NULL, "--help", NULL);
  g_assert_nonnull (strstr (run.out, "  call "));

  /* the usage errors changed nothing but the two calls of the same name */
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  g_assert_cmpuint (count_of (run.out, "{\"id\": "), ==, 16 + 7 + 4);
  g_assert_cmpint (strncmp (run.out, list_json, strlen (list_json) - 3), ==, 0);

  run_clear (&run);
}

static void
test_call_edit_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *edited = NULL;
  gint64 joensuu, hevi;
  char id[32];
  Run run = { 0 };

  add_two_calls (fixture, &joensuu, &hevi);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, joensuu);

  run_cli (&run, NULL, "--db", fixture->db, "call", "show", id, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  before = g_strdup (run.out);

  /* only what the options say changes; an empty value clears */
  run_cli (&run, NULL, "--db", fixture->db, "call", "edit", JOENSUU_CALL, "--max-support-rate", "60,5",
           "--name-sv", "Joensuu utlysning 2023", "--close", "", "--instrument", "akke",
           "--max-support", "500000,00 €", "--cost-models", "indirect-15,real", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Saved the call “" JOENSUU_CALL "”"));

  run_cli (&run, NULL, "--db", fixture->db, "call", "show", id, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"name_sv\": \"Joensuu utlysning 2023\", \"name_en\": null, \"intermediary\": null, "
                                     "\"instrument\": \"akke\", \"open_date\": \"2023-08-21\", \"close_date\": null, "
                                     "\"max_support_bp\": 6050, \"max_support_cents\": 50000000, \"min_city_bp\": 0, "
                                     "\"max_city_bp\": 2500, \"min_own_bp\": 1500, \"max_duration_months\": 24, "
                                     "\"max_projects\": 0, \"cost_models\": [\"real\", \"indirect-15\"], \"money_available_cents\": 100000000, "));
  edited = g_strdup (run.out);

  /* in Swedish the call goes by its Swedish name */
  run_cli (&run, "sv", "--db", fixture->db, "call", "list", "--agreement", "Joensuu", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Joensuu utlysning 2023"));
  g_assert_nonnull (strstr (run.out, "60,5\u00a0%"));
  g_assert_nonnull (strstr (run.out, "  21.8.2023–  "));

  /* the same values again change nothing, and add no action */
  run_cli (&run, NULL, "--db", fixture->db, "call", "edit", id, "--max-support-rate", "60.5 %", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "nothing was changed"));

  run_cli (&run, NULL, "--db", fixture->db, "history", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "*    4  "));
  g_assert_nonnull (strstr (run.out, "Edit call " JOENSUU_CALL "\n"));

  run_cli (&run, NULL, "--db", fixture->db, "undo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Undone: Edit call " JOENSUU_CALL "\n");
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", id, "--json", NULL);
  g_assert_cmpstr (run.out, ==, before);
  run_cli (&run, NULL, "--db", fixture->db, "history", NULL);
  g_assert_nonnull (strstr (run.out, "Edit call " JOENSUU_CALL " (undone)\n"));

  run_cli (&run, NULL, "--db", fixture->db, "redo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", id, "--json", NULL);
  g_assert_cmpstr (run.out, ==, edited);

  /* undoing the addition takes the call away */
  run_cli (&run, NULL, "--db", fixture->db, "undo", NULL);
  run_cli (&run, NULL, "--db", fixture->db, "undo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Undone: Add call HEVi coordination\n");
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  g_assert_null (strstr (run.out, "\"name\": \"" HEVI_CALL "\""));
  g_assert_cmpuint (count_of (run.out, "{\"id\": "), ==, 16 + 7 + 1);

  run_clear (&run);
}

static void
test_call_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *before = NULL;
  gint64 joensuu, hevi;
  char id[32];
  Run run = { 0 };

  add_two_calls (fixture, &joensuu, &hevi);
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  before = g_strdup (run.out);

  /* the demo's coordination project applies to the capital region's default call */
  run_cli (&run, NULL, "--db", fixture->db, "call", "delete", "1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "hankesalkku-cli: The call “Pääkaupunkiseutu (PKS) — default call” cannot be deleted: "
                                "1 project applies to it; move it to another call first\n");
  run_cli (&run, NULL, "--db", fixture->db, "call", "delete", "Pääkaupunkiseutu (PKS) — default call", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  g_assert_cmpstr (run.out, ==, before);

  /* generated projects apply to their agreements' default calls */
  run_cli (&run, NULL, "--db", fixture->db, "generate", "--projects", "40", "--seed", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  {
    const char *at = strstr (run.out, "{\"id\": 1, ");
    gint64 projects;
    g_assert_nonnull (at);
    at = strstr (at, "\"projects\": ");
    projects = g_ascii_strtoll (at + strlen ("\"projects\": "), NULL, 10);
    g_assert_cmpint (projects, >, 1);
    run_cli (&run, NULL, "--db", fixture->db, "call", "delete", "1", NULL);
    g_assert_cmpint (run.status, ==, 2);
    {
      g_autofree char *expected = g_strdup_printf ("cannot be deleted: %" G_GINT64_FORMAT " projects apply to it; "
                                                   "move them to another call first", projects);
      g_assert_nonnull (strstr (run.err, expected));
    }
  }
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  g_clear_pointer (&before, g_free);
  before = g_strdup (run.out);

  /* a call no project applies to goes, and undo brings it back */
  run_cli (&run, NULL, "--db", fixture->db, "call", "delete", "HEVi coordination", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Deleted the call “HEVi coordination”; undo brings it back.\n");
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  g_assert_null (strstr (run.out, "\"name\": \"" HEVI_CALL "\""));
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, hevi);
  run_cli (&run, NULL, "--db", fixture->db, "call", "show", id, NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, NULL, "--db", fixture->db, "undo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Undone: Delete call HEVi coordination\n");
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  g_assert_cmpstr (run.out, ==, before);

  run_clear (&run);
}

typedef struct
{
  const char *option;
  const char *value;
  const char *message;
} BadValue;

static void
test_call_bad_values (Fixture       *fixture,
                      gconstpointer  data)
{
  static const BadValue bad[] = {
    { "--max-support-rate", "65 %x", "--max-support-rate: “65 %x” is not a percentage: “x” does not belong there" },
    { "--max-support-rate", "101", "--max-support-rate: “101” is not between 0% and 100%" },
    { "--max-support-rate", "", "--max-support-rate: The percentage is empty" },
    { "--min-city-rate", "-5", "--min-city-rate: “-5” is not between 0% and 100%" },
    { "--min-own-rate", "12,345", "--min-own-rate: Percentages have at most two decimals: “12,345”" },
    { "--max-support", "1.000", "--max-support: “1.000” is ambiguous: write 1000 or 1.00" },
    { "--max-support", "-5", "--max-support: “-5” is below zero" },
    { "--money-available", "lots", "--money-available: “lots” is not an amount" },
    { "--city-money-available", "415 000,001", "--city-money-available: Amounts have at most two decimals (cents): “415 000,001”" },
    { "--open", "31.2.2023", "--open: “31.2.2023” is not a date: month 2/2023 has 28 days" },
    { "--close", "2023-13-01", "--close: “2023-13-01” is not a date: there is no month 13" },
    { "--open", "1.11.2023", "--open, --close: the call would open on 1 Nov 2023, after it closes on 31 Oct 2023" },
    { "--close", "20.8.2023", "--open, --close: the call would open on 21 Aug 2023, after it closes on 20 Aug 2023" },
    { "--min-city-rate", "30", "--max-city-rate, --min-city-rate: the city’s share at most (25.0%) would be below its share at least (30.0%)" },
    { "--name", "Joensuu — default call", "--name: the agreement Joensuu already has a call named “Joensuu — default call” (id 9); choose another name" },
    { "--name", " ", "--name: a call needs a name in Finnish" },
    { "--instrument", "esr", "--instrument: “esr” is not a funding instrument: use eakr, akke or national" },
    { "--cost-models", "flat-40,flat-99", "--cost-models: “flat-99” is not a cost model; the cost models are flat-40, real, "
                                           "flat-24-2014, flat-15-2014, indirect-7, indirect-15 (separated by commas)" },
    { "--max-duration", "2 years", "--max-duration: “2 years” is not a whole number of months" },
    { "--max-duration", "1201", "--max-duration: “1201” is more than a call can say: at most 1,200 months" },
    { "--max-projects", "-1", "--max-projects: “-1” is not a whole number of projects" },
    { "--max-projects", "100001", "--max-projects: “100001” is more than a call can say: at most 100,000 projects" },
  };
  g_autofree char *before = NULL;
  g_autofree char *history = NULL;
  gint64 joensuu, hevi;
  char id[32];
  Run run = { 0 };

  add_two_calls (fixture, &joensuu, &hevi);
  /* the capital region's call asks for a city share of 25 % at least (the
   * default asks for none) */
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, hevi);
  run_cli (&run, NULL, "--db", fixture->db, "call", "edit", id, "--min-city-rate", "25", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, joensuu);
  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  before = g_strdup (run.out);
  run_cli (&run, NULL, "--db", fixture->db, "history", NULL);
  history = g_strdup (run.out);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *expected = g_strdup_printf ("hankesalkku-cli: %s", bad[i].message);
      g_test_message ("%s “%s”", bad[i].option, bad[i].value);

      /* on the Joensuu call: its dates and city limits are what the cross
       * checks meet */
      run_cli (&run, NULL, "--db", fixture->db, "call", "edit", id, bad[i].option, bad[i].value, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, expected));
      g_assert_true (g_str_has_suffix (run.err, "\nNothing was changed.\n"));
      g_assert_null (strstr (run.err, "constraint"));
      g_assert_null (strstr (run.err, "CHECK"));

      /* and as a new call of the same agreement with the same limits */
      run_cli (&run, NULL, "--db", fixture->db, "call", "add", "--agreement", "Joensuu",
               "--name", "Uusi haku", "--open", "21.8.2023", "--close", "31.10.2023", "--max-city-rate", "25",
               bad[i].option, bad[i].value, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, expected));
    }

  /* the capital region's call keeps its city share at least */
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, hevi);
  run_cli (&run, NULL, "--db", fixture->db, "call", "edit", id, "--max-city-rate", "10", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "hankesalkku-cli: --max-city-rate, --min-city-rate: the city’s share at most (10.0%) "
                                "would be below its share at least (25.0%)\nNothing was changed.\n");

  /* every bad value at once: each is named */
  run_cli (&run, NULL, "--db", fixture->db, "call", "edit", id, "--open", "x", "--max-support-rate", "65 %x",
           "--max-projects", "many", "--instrument", "esr", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--open: “x” is not a date"));
  g_assert_nonnull (strstr (run.err, "--max-support-rate: “65 %x”"));
  g_assert_nonnull (strstr (run.err, "--max-projects: “many”"));
  g_assert_nonnull (strstr (run.err, "--instrument: “esr”"));

  run_cli (&run, NULL, "--db", fixture->db, "call", "add", "--agreement", "Savonlinna", "--name", "Haku", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no agreement is called “Savonlinna”"));

  run_cli (&run, NULL, "--db", fixture->db, "call", "list", "--json", NULL);
  g_assert_cmpstr (run.out, ==, before);
  run_cli (&run, NULL, "--db", fixture->db, "history", NULL);
  g_assert_cmpstr (run.out, ==, history);

  run_clear (&run);
}

/* In Finnish: money, dates and rates as Finns write them, the labels and
 * the messages in Finnish. */
static void
test_call_finnish (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 joensuu, hevi;
  char id[32];
  Run run = { 0 };

  add_two_calls (fixture, &joensuu, &hevi);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, joensuu);

  run_cli (&run, "fi", "--db", fixture->db, "call", "show", id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, JOENSUU_CALL "\n"));
  g_assert_nonnull (strstr (run.out, "  Sopimus: "));
  g_assert_nonnull (strstr (run.out, " Joensuu (9)\n"));
  g_assert_nonnull (strstr (run.out, "  Haku alkaa: "));
  g_assert_nonnull (strstr (run.out, " 21.8.2023\n"));
  g_assert_nonnull (strstr (run.out, " 31.10.2023\n"));
  g_assert_nonnull (strstr (run.out, "  Kuntarahoitus enintään: "));
  g_assert_nonnull (strstr (run.out, " 25,0\u00a0%\n"));
  g_assert_nonnull (strstr (run.out, "  Omarahoitus vähintään: "));
  g_assert_nonnull (strstr (run.out, " 15,0\u00a0%\n"));
  g_assert_nonnull (strstr (run.out, " 60,0\u00a0% kokonaiskustannuksista\n"));
  g_assert_nonnull (strstr (run.out, " 24 kuukautta\n"));
  g_assert_nonnull (strstr (run.out, " 1\u00a0000\u00a0000,00\u00a0€\n"));
  g_assert_nonnull (strstr (run.out, " 415\u00a0000,00\u00a0€\n"));
  g_assert_nonnull (strstr (run.out, " ei rajaa\n"));
  g_assert_nonnull (strstr (run.out, "  Kustannusmallit: "));
  g_assert_nonnull (strstr (run.out, " Prosenttimääräinen korvaus 40 %\n"));
  g_assert_null (strstr (run.out, "no limit"));

  run_cli (&run, "fi", "--db", fixture->db, "call", "edit", id, "--max-support-rate", "65 %x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--max-support-rate: ”65 %x” ei ole prosenttiluku"));
  g_assert_nonnull (strstr (run.err, "Mitään ei muutettu."));

  run_cli (&run, "fi", "--db", fixture->db, "call", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "21.8.2023–31.10.2023"));
  g_assert_nonnull (strstr (run.out, "Joensuu — oletushaku"));

  run_clear (&run);
}

/* Run from the build directory, the tool speaks Finnish with nothing but
 * LANGUAGE=fi: it finds the catalogues compiled into the build tree without
 * HANKESALKKU_LOCALEDIR (which the other cases, like every test, have). */
static void
test_finnish_from_build_tree (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(GStrv) env = g_environ_unsetenv (g_get_environ (), "HANKESALKKU_LOCALEDIR");
  const char *help[] = { cli_path (), "--help", NULL };
  const char *init[] = { cli_path (), "--db", fixture->db, "init", "--demo", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  env = g_environ_unsetenv (env, "HANKESALKKU_DB");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_unsetenv (env, "LANG");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "fi", TRUE);

  g_spawn_sync (NULL, (char **) help, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Komennot:"));
  g_assert_nonnull (strstr (out, "Luo tietokanta perustietoineen"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_spawn_sync (NULL, (char **) init, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Lisättiin esimerkkisalkku: 3 hanketta"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* nothing but LANGUAGE: without LANG the locale is C, where gettext
   * would ignore LANGUAGE */
  {
    const char *bare[] = { "LANGUAGE=fi", NULL };

    g_spawn_sync (NULL, (char **) help, (char **) bare, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "Komennot:"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/init-and-demo", test_init_and_demo);
  ADD ("/cli/summary-dimensions", test_summary_dimensions);
  ADD ("/cli/check", test_check);
  ADD ("/cli/check/agreement", test_check_agreement);
  ADD ("/cli/list", test_list);
  ADD ("/cli/chart-files", test_chart_files);
  ADD ("/cli/report", test_report);
  ADD ("/cli/report-project", test_report_project);
  ADD ("/cli/generate", test_generate);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/bad-files", test_bad_files);
  ADD ("/cli/read-only-and-newer", test_read_only_and_newer);
  ADD ("/cli/finnish-from-build-tree", test_finnish_from_build_tree);
  ADD ("/cli/call/add-list-show", test_call_add_list_show);
  ADD ("/cli/call/edit-undo", test_call_edit_undo);
  ADD ("/cli/call/delete", test_call_delete);
  ADD ("/cli/call/bad-values", test_call_bad_values);
  ADD ("/cli/call/finnish", test_call_finnish);
#undef ADD

  return g_test_run ();
}

/* test-crash.c — a writer killed in the middle of a big transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (meson passes it): test-crash PATH-OF-crash-writer
 *
 * Starts crash-writer many times on the same database and SIGKILLs it at
 * a random moment. After each kill the file must pass integrity_check and
 * foreign_key_check, every batch must be wholly there or wholly absent
 * (never a part of one), the totals must cover exactly the projects, and
 * the store must open it again.
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "core/hs-repository.h"
#include "store/hs-sqlite-repository.h"
#include "store-test-util.h"

/* The suite kills 20 times; the benchmark (HS_CRASH_RUNS=1000) starts again
 * from an empty portfolio every HS_CRASH_FRESH_EVERY kills, so that the file
 * stays the size of a real one. */
#define RUNS       20
#define BATCH_SIZE 150

static const char *writer_path;

static void
check_database (const char *path,
                guint      *batches)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *size = g_strdup_printf ("%d", BATCH_SIZE);
  HsSqliteRepository *store;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  /* A plain connection first: it recovers the WAL the writer left. */
  db = store_test_sqlite_open (path, TRUE);
  integrity = store_test_sqlite_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM pragma_foreign_key_check"), ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT substr (code, 1, instr (code, '-')), COUNT (*)"
                                       " FROM project WHERE code LIKE 'K%' GROUP BY 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  *batches = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* All or nothing: a batch present is a whole batch. */
      if (sqlite3_column_int (stmt, 1) != BATCH_SIZE)
        g_error ("batch %s has %d projects, not %s",
                 sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1), size);
      (*batches)++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* The totals were written in the same transactions. */
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM project"), ==,
                   store_test_sqlite_int (db, "SELECT COUNT (*) FROM project_totals"));
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM implementer"), ==,
                   store_test_sqlite_int (db, "SELECT COUNT (*) FROM implementer_totals"));
  /* The log agrees: a batch in the file is not undone, a batch action
   * not undone is in the file (the description is the prefix). */
  g_assert_cmpint (store_test_sqlite_int (db,
                                          "SELECT COUNT (*) FROM action_log a WHERE a.undone = 1 AND EXISTS"
                                          " (SELECT 1 FROM project p WHERE substr (p.code, 1, length (a.description)) = a.description)"),
                   ==, 0);
  g_assert_cmpint (store_test_sqlite_int (db,
                                          "SELECT COUNT (*) FROM action_log a WHERE a.kind = 'batch' AND a.undone = 0 AND NOT EXISTS"
                                          " (SELECT 1 FROM project p WHERE substr (p.code, 1, length (a.description)) = a.description)"),
                   ==, 0);
  /* The cached totals are the sums of the lines the kill left. */
  g_assert_cmpint (store_test_sqlite_int (db,
                                          "SELECT COUNT (*) FROM project_totals t WHERE t.total_costs !="
                                          " (SELECT COALESCE (SUM (b.amount), 0) FROM budget_line b"
                                          "  JOIN implementer i ON i.id = b.implementer_id WHERE i.project_id = t.project_id)"),
                   ==, 0);
  g_assert_cmpint (store_test_sqlite_int (db,
                                          "SELECT COUNT (*) FROM project_totals t WHERE t.total_financing !="
                                          " (SELECT COALESCE (SUM (f.amount), 0) FROM financing_line f"
                                          "  JOIN implementer i ON i.id = f.implementer_id WHERE i.project_id = t.project_id)"),
                   ==, 0);
  sqlite3_close (db);

  store = hs_sqlite_repository_open (path, HS_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hs_sqlite_repository_check_integrity (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);
}

static void
test_crash (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *size = g_strdup_printf ("%d", BATCH_SIZE);
  HsSqliteRepository *store;
  guint batches = 0, batches_seen = 0;
  guint kills_mid_batch = 0;
  guint runs = RUNS, fresh_every = 0;
  gint64 started = g_get_monotonic_time ();

  if (g_getenv ("HS_CRASH_RUNS") != NULL)
    runs = (guint) g_ascii_strtoull (g_getenv ("HS_CRASH_RUNS"), NULL, 10);
  if (g_getenv ("HS_CRASH_FRESH_EVERY") != NULL)
    fresh_every = (guint) g_ascii_strtoull (g_getenv ("HS_CRASH_FRESH_EVERY"), NULL, 10);
  g_assert_cmpuint (runs, >=, 2);

  store_tmp_init (&tmp);
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  for (guint run = 0; run < runs; run++)
    {
      const char *argv[] = { writer_path, tmp.path, size, NULL };
      /* Half the kills after the writer began its first batch, half after
       * it saved one: the moment depends on what the writer reported, not
       * on how fast it opened the file (a damage check runs first). */
      const char *after = run % 2 == 0 ? "begin " : "saved ";
      guint delay_ms = (guint) g_test_rand_int_range (0, 400);
      g_autoptr(GString) output = g_string_new (NULL);
      GPid pid;
      int status;

      g_autoptr(GIOChannel) channel = NULL;
      g_auto(GStrv) lines = NULL;
      int out_fd;
      guint n_lines;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);
      for (;;)
        {
          g_autofree char *line = NULL;
          GIOStatus io = g_io_channel_read_line (channel, &line, NULL, NULL, &error);

          g_assert_no_error (error);
          if (io != G_IO_STATUS_NORMAL)
            g_error ("the writer ended before it reported “%s”: %s", after, output->str);
          g_string_append (output, line);
          if (g_str_has_prefix (line, after))
            break;
        }
      g_usleep (delay_ms * G_TIME_SPAN_MILLISECOND);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* It was still writing when it died, not stopped by an error. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* Where did the kill land? "begin" last: inside save_projects. */
      {
        g_autofree char *rest = NULL;

        g_assert_cmpint (g_io_channel_read_to_end (channel, &rest, NULL, &error), ==, G_IO_STATUS_NORMAL);
        g_assert_no_error (error);
        g_string_append (output, rest);
      }
      lines = g_strsplit (output->str, "\n", -1);
      n_lines = g_strv_length (lines);
      if (n_lines >= 2 && g_str_has_prefix (lines[n_lines - 2], "begin "))
        kills_mid_batch++;

      check_database (tmp.path, &batches);
      batches_seen = MAX (batches_seen, batches);
      g_test_message ("run %u: killed %u ms after “%s”, %u whole batches in the file", run, delay_ms, after, batches);

      if (fresh_every > 0 && (run + 1) % fresh_every == 0 && run + 1 < runs)
        {
          store_tmp_clear (&tmp);
          store_tmp_init (&tmp);
          store = hs_sqlite_repository_open (tmp.path, HS_OPEN_CREATE, &error);
          g_assert_no_error (error);
          g_object_unref (store);
        }
    }

  /* The writers did get work done, and kills did hit big transactions. */
  g_test_message ("%u of %u kills landed inside save_projects", kills_mid_batch, runs);
  g_test_minimized_result ((g_get_monotonic_time () - started) / 1e6,
                           "%u kills, 0 damaged files, %u inside a transaction, in %.0f s",
                           runs, kills_mid_batch, (g_get_monotonic_time () - started) / 1e6);
  batches = batches_seen;
  g_assert_cmpuint (batches, >, 0);
  g_assert_cmpuint (kills_mid_batch, >, 0);
  store_tmp_clear (&tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: test-crash PATH-OF-crash-writer");
  writer_path = argv[1];

  g_test_add_func ("/store/crash/kill-during-batch", test_crash);
  return g_test_run ();
}

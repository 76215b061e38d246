/* hs-store-schema.c — opening, creating and migrating the database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules (DESIGN.md §4, hs-sqlite-repository.h):
 *
 * - Bad input never changes the file. Before SQLite sees an existing file
 *   we check that it is a regular, non-empty file that starts with the
 *   SQLite header; then, before anything is written, that its
 *   application_id is ours and its user_version is not newer than ours.
 *   A file without write permission is refused for writing even when the
 *   process could write it anyway (root).
 * - A new database is built in a temporary file beside the target (schema,
 *   seed) and linked into place when complete, so a crash leaves either no
 *   database or a whole one.
 * - An older schema is copied with the backup API to "<file>.bak-v<N>"
 *   before the migrations run, all in one transaction.
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "core/hs-resource.h"
#include <gio/gio.h>
#include <sqlite3.h>

#include "hs-store-error.h"
#include "hs-store-project.h"
#include "hs-store-resources.h"
#include "hs-store-schema.h"

#define SQL_RESOURCE_DIR "/io/github/hankesalkku/Hankesalkku/store/sql/"
#define SQLITE_MAGIC "SQLite format 3"   /* and a NUL: the first 16 bytes */

/* Work a migration needs beyond its SQL, done once after the last script,
 * when the statement cache matches the final schema. */
typedef enum
{
  POST_NONE = 0,
  POST_REFRESH_TOTALS = 1 << 0,   /* project_totals & co. from the projects */
} PostStep;

static PostStep
post_steps_of (int version)
{
  switch (version)
    {
    case 2:   /* 0002-totals-and-log.sql creates the totals tables */
    case 4:   /* 0004-calls.sql changes the default calls' rules */
      return POST_REFRESH_TOTALS;
    default:
      return POST_NONE;
    }
}

/* The store's GResource, registered on first use (the build passes
 * --manual-register: no constructor has to survive the static link). */
static GResource *
store_resource (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      hs_store_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  return hs_resource_get (hs_store_get_resource, SQL_RESOURCE_DIR "0001-initial.sql");
}

static gboolean
is_migration_name (const char *name)
{
  return strlen (name) > 9
         && g_ascii_isdigit (name[0]) && g_ascii_isdigit (name[1])
         && g_ascii_isdigit (name[2]) && g_ascii_isdigit (name[3])
         && name[4] == '-'
         && g_str_has_suffix (name, ".sql");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The bundled migration scripts, in order: element i is version i + 1. */
static GPtrArray *
migration_names (void)
{
  static GPtrArray *names = NULL;

  if (g_once_init_enter (&names))
    {
      GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) children = g_resource_enumerate_children (store_resource (),
                                                              SQL_RESOURCE_DIR,
                                                              G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                              &error);
      if (children == NULL)
        g_error ("The store resource has no SQL scripts: %s", error->message);

      for (guint i = 0; children[i] != NULL; i++)
        if (is_migration_name (children[i]))
          g_ptr_array_add (list, g_strdup (children[i]));
      g_ptr_array_sort (list, compare_names);

      /* A gap or a duplicate number is a packaging mistake, not user data. */
      for (guint i = 0; i < list->len; i++)
        if (atoi (g_ptr_array_index (list, i)) != (int) i + 1)
          g_error ("Migration scripts are not numbered 1…%u: found “%s”",
                   list->len, (const char *) g_ptr_array_index (list, i));

      g_once_init_leave (&names, list);
    }

  return names;
}

int
hs_store_schema_latest (void)
{
  return (int) migration_names ()->len;
}

GBytes *
hs_store_schema_script (const char  *name,
                        GError     **error)
{
  g_autofree char *path = g_strconcat (SQL_RESOURCE_DIR, name, NULL);

  /* Resource data is always followed by a NUL byte, so it is a C string. */
  return g_resource_lookup_data (store_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

char *
hs_store_backup_path (const char *path,
                      int         version)
{
  return g_strdup_printf ("%s.bak-v%d", path, version);
}

static gboolean
exec_script (HsStoreDb   *db,
             const char  *name,
             GError     **error)
{
  g_autoptr(GBytes) script = hs_store_schema_script (name, error);

  if (script == NULL)
    return FALSE;
  return hs_store_db_exec (db, g_bytes_get_data (script, NULL), error);
}

gboolean
hs_store_check_foreign_keys (HsStoreDb  *db,
                             GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (a row of table “%s” refers to a missing row of “%s”); nothing "
                     "was written to it. Restore it from a backup (hankesalkku-cli --db FILE restore "
                     "BACKUP), or read what can still be read by opening it read-only"),
                   db->path, (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      hs_store_db_set_error (db, rc, error, _("Checking the foreign keys failed"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
hs_store_check_integrity (HsStoreDb  *db,
                          gboolean    full,
                          GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;
  int rc = sqlite3_prepare_v2 (db->db, full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)",
                               -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      rc = SQLITE_OK;
      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (n_problems++ < 3 && line != NULL)
        {
          /* "*** in database main ***\nPage 4: …": one line, without the banner */
          g_autofree char *flat = g_strdup (g_str_has_prefix (line, "*** in database main ***")
                                            ? line + strlen ("*** in database main ***") : line);

          g_strdelimit (flat, "\n", ' ');
          g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", g_strstrip (flat));
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && n_problems == 0)
    {
      /* the check itself could not read the file */
      g_autoptr(GError) local_error = NULL;

      hs_store_db_set_error (db, rc, &local_error, _("Checking the file failed"));
      if (!g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT)
          && !g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      n_problems = 1;
      g_string_assign (problems, sqlite3_errstr (rc));
    }

  if (n_problems > 0)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s); nothing was written to it. Restore it from a backup "
                     "(hankesalkku-cli --db FILE restore BACKUP), or read what can still be read "
                     "by opening it read-only"),
                   db->path, problems->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_migrations (HsStoreDb   *db,
                int          from_version,
                gboolean     seed,
                GError     **error)
{
  GPtrArray *names = migration_names ();
  guint post = POST_NONE;

  for (int version = from_version + 1; version <= (int) names->len; version++)
    {
      g_autofree char *set_version = NULL;

      g_debug ("Migrating “%s” to schema version %d", db->path, version);
      if (!exec_script (db, g_ptr_array_index (names, version - 1), error))
        return FALSE;
      /* the programme's selection criteria are reference data that every
       * database has, an upgraded one too (build-aux/make-seed.py) */
      if (version == 8 && !exec_script (db, "criteria.sql", error))
        return FALSE;
      /* PRAGMA takes no parameters; the number is ours, not user data. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
      if (!hs_store_db_exec (db, set_version, error))
        return FALSE;
      post |= post_steps_of (version);
    }

  if (seed && !exec_script (db, "seed.sql", error))
    return FALSE;

  /* A new database has no projects whose totals could be missing. */
  if ((post & POST_REFRESH_TOTALS) && from_version > 0)
    {
      HsStoreTx *tx = hs_store_tx_new (db, error);
      gboolean ok;

      if (tx == NULL)
        return FALSE;
      ok = hs_store_refresh_totals (tx, HS_LOAD_ALL, 0, error);
      hs_store_tx_free (tx);
      if (!ok)
        return FALSE;
    }

  return hs_store_check_foreign_keys (db, error);
}

gboolean
hs_store_migrate (HsStoreDb    *db,
                  int           from_version,
                  gboolean      seed,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  /* Foreign keys are off while the schema changes (a migration may rebuild
   * a table, https://sqlite.org/lang_altertable.html#otheralter); the
   * foreign_key_check before COMMIT stands in for them. The pragma cannot
   * change inside a transaction. */
  if (!hs_store_db_exec (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  ok = hs_store_db_begin (db, TRUE, &local_error)
       && run_migrations (db, from_version, seed, &local_error)
       && hs_store_db_commit (db, &local_error);
  if (!ok)
    hs_store_db_rollback (db);

  if (!hs_store_db_exec (db, "PRAGMA foreign_keys = ON", ok ? &local_error : NULL))
    ok = FALSE;

  if (!ok)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_MIGRATION,
                   _("Upgrading “%s” to schema version %d failed: %s"),
                   db->path, hs_store_schema_latest (),
                   local_error != NULL ? local_error->message : _("unknown error"));
      return FALSE;
    }

  return TRUE;
}

static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A new database is built as PATH.new-PID-XXXXXX (and its -journal) and
 * then put in place. A builder that was killed leaves its files behind:
 * they are removed by the next one, once no process has that PID. */
static void
remove_abandoned_builds (const char *dir,
                         const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".new-", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      const char *rest;
      char *end = NULL;
      guint64 pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      pid = g_ascii_strtoull (rest, &end, 10);
      if (end == rest || *end != '-' || pid == 0 || pid > G_MAXINT)
        continue;   /* not one of ours */
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;   /* its builder may still be at work */
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_debug ("Removing “%s”, left by a process that ended while creating a database", file);
        g_unlink (file);
      }
    }
}

/* Builds a complete new database beside path and puts it in place. */
static gboolean
create_database (const char  *path,
                 gboolean     replace_empty,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strdup_printf ("%s.new-%ld-XXXXXX", path, (long) getpid ());
  g_autofree char *tmp_journal = NULL;
  HsStoreDb *db;
  gboolean ok;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  remove_abandoned_builds (dir, path);
  fd = g_mkstemp_full (tmp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, HS_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS
                   ? HS_STORE_ERROR_READ_ONLY : HS_STORE_ERROR_OPEN,
                   _("Cannot create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  tmp_journal = g_strconcat (tmp, "-journal", NULL);

  /* An empty file is an empty database to SQLite. */
  db = hs_store_db_new (tmp, SQLITE_OPEN_READWRITE, error);
  ok = db != NULL && hs_store_migrate (db, 0, TRUE, error);
  hs_store_db_free (db);
  if (!ok)
    {
      g_unlink (tmp);
      g_unlink (tmp_journal);
      return FALSE;
    }

  if (replace_empty)
    ok = g_rename (tmp, path) == 0;
  else if (link (tmp, path) == 0)
    {
      g_unlink (tmp);
      ok = TRUE;
    }
  else if (errno == EEXIST)
    {
      /* Another program created it meanwhile: use theirs. */
      g_unlink (tmp);
      ok = TRUE;
    }
  else
    ok = g_rename (tmp, path) == 0;   /* a file system without hard links */

  if (!ok)
    {
      int saved_errno = errno;
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                   _("Cannot create “%s”: %s"), path, g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }

  sync_directory (dir);
  return TRUE;
}

/* TRUE when the file starts with the SQLite header. Read through SQLite's
 * own file layer, never with open () and close (): closing any descriptor
 * of the file drops every POSIX lock this process holds on it, also those
 * of a connection that has the database open (another program could then
 * delete the write-ahead log that connection is still writing to). SQLite's
 * layer keeps such a descriptor open until the process's locks are gone. */
static gboolean
has_sqlite_header (const char  *path,
                   GError     **error)
{
  char header[16] = { 0, };
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree char *full = g_malloc0 ((gsize) vfs->mxPathname + 1);
  g_autofree sqlite3_file *file = g_malloc0 ((gsize) vfs->szOsFile);
  int out_flags = 0;
  gssize n = 0;
  int rc;

  rc = vfs->xFullPathname (vfs, path, vfs->mxPathname + 1, full);
  if (rc == SQLITE_OK)
    rc = vfs->xOpen (vfs, full, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
  if (rc != SQLITE_OK)
    {
      int saved_errno = errno;
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  rc = file->pMethods->xRead (file, header, sizeof header, 0);
  file->pMethods->xClose (file);
  if (rc == SQLITE_OK)
    n = sizeof header;

  if (n != sizeof header || memcmp (header, SQLITE_MAGIC, sizeof header) != 0)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Hankesalkku database: it is not an SQLite file"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_connection_pragmas (HsStoreDb   *db,
                        gboolean     write,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (write && !hs_store_db_exec (db, "PRAGMA journal_mode = WAL", &local_error))
    {
      g_autofree char *dir = g_path_get_dirname (db->path);

      /* WAL needs "<file>-wal" and "<file>-shm" beside the file. */
      if (g_access (dir, W_OK) != 0)
        g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                     _("“%s” cannot be written: its folder is read-only"), db->path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* NORMAL is safe with WAL (a power cut may lose the last commits, never
   * corrupt); a bigger page cache keeps more pages of a big portfolio in
   * memory (a batch uses a smaller one, hs-sqlite-repository.c). */
  return hs_store_db_exec (db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -"
                           G_STRINGIFY (HS_STORE_CACHE_KIB), error);
}

/* TRUE when the first page can be read through this connection. */
static gboolean
readable (HsStoreDb *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db->db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  /* Only a "-shm" that cannot be made or opened means the file is to be
   * read as it is; anything else (a writer busy for a moment, damage) is
   * for the connection to report. Reading the file without its write-ahead
   * log while it has one would show older data. */
  return !((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY);
}

/* The file as it is, with no locks, no "-shm" and no "-wal" (SQLite's
 * immutable URI parameter). */
static HsStoreDb *
open_immutable (const char  *path,
                GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  HsStoreDb *db = hs_store_db_new (uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);

  if (db != NULL)
    {
      g_free (db->path);
      db->path = g_strdup (path);
    }
  return db;
}

HsStoreDb *
hs_store_open (const char   *path,
               HsOpenFlags   flags,
               GError      **error)
{
  gboolean write = (flags & HS_OPEN_READ_ONLY) == 0;
  gboolean wal_waiting;
  g_autoptr(GError) local_error = NULL;
  HsStoreDb *db;
  GStatBuf st;
  gint64 application_id, version;
  int latest = hs_store_schema_latest ();

  if (path == NULL || path[0] == '\0')
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN, _("No database file was given"));
      return NULL;
    }

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                       _("Cannot open “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
      if ((flags & HS_OPEN_CREATE) == 0 || !write)
        {
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                       _("Cannot open “%s”: there is no such file"), path);
          return NULL;
        }
      if (!create_database (path, FALSE, error))
        return NULL;
      if (g_stat (path, &st) != 0)
        {
          saved_errno = errno;
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                       _("Cannot open “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: it is not a file"), path);
      return NULL;
    }
  else if (st.st_size == 0)
    {
      if ((flags & HS_OPEN_CREATE) == 0 || !write)
        {
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE,
                       _("“%s” is not a Hankesalkku database: it is empty"), path);
          return NULL;
        }
      if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        {
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only; open it read-only or make it writable"), path);
          return NULL;
        }
      if (!create_database (path, TRUE, error) || g_stat (path, &st) != 0)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                         _("Cannot open “%s”: %s"), path, g_strerror (errno));
          return NULL;
        }
    }
  else if (!has_sqlite_header (path, error))
    return NULL;

  if (write && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only; open it read-only or make it writable"), path);
      return NULL;
    }

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    GStatBuf wal_st;

    wal_waiting = g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0;
  }
  db = hs_store_db_new (path, write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;
  if (!write && !readable (db))
    {
      /* Without write permission to the folder, SQLite cannot make the
       * "-shm" file a database in WAL mode needs, even to read. When no
       * "-wal" holds changes that are not in the file yet, the file alone
       * is the whole database: read it as it is. */
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      GStatBuf wal_st;

      hs_store_db_free (db);
      if (g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0)
        {
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                       _("“%s” cannot be read: its latest changes are in “%s”, which needs "
                         "write permission to the folder to be read. Ask whoever can write it "
                         "to close the program that has it open, or to make a backup for you"),
                       path, wal);
          return NULL;
        }
      db = open_immutable (path, error);
      if (db == NULL)
        return NULL;
    }

  if (write && sqlite3_db_readonly (db->db, "main") == 1)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only; open it read-only or make it writable"), path);
      hs_store_db_free (db);
      return NULL;
    }

  /* Nothing has been written yet: read what the file says it is. */
  if (!hs_store_db_query_int (db, "PRAGMA application_id", &application_id, &local_error)
      || !hs_store_db_query_int (db, "PRAGMA user_version", &version, &local_error))
    {
      if (g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE))
        g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE,
                     _("“%s” is not a Hankesalkku database: it is not an SQLite file"), path);
      else if (g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT))
        g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                     _("“%s” is damaged (%s); nothing was written to it. Restore it from a backup "
                       "(hankesalkku-cli --db FILE restore BACKUP), or read what can still be read "
                       "by opening it read-only"),
                     path, sqlite3_errmsg (db->db));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      hs_store_db_free (db);
      return NULL;
    }

  if (application_id != HS_STORE_APPLICATION_ID)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Hankesalkku database: it is an SQLite database of another program"),
                   path);
      hs_store_db_free (db);
      return NULL;
    }

  if (version > latest)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Hankesalkku (schema version %d; "
                     "this version knows up to %d)"),
                   path, (int) version, latest);
      hs_store_db_free (db);
      return NULL;
    }

  if (version < latest && !write)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                   _("“%s” has schema version %d and must be upgraded to %d, "
                     "which cannot be done read-only; open it for writing once"),
                   path, (int) version, latest);
      hs_store_db_free (db);
      return NULL;
    }

  /* A damaged file is never written to: every change would spread the
   * damage and the user would not know until much later. With changes
   * waiting in a "-wal" (a crash, another program at work, or a -wal that
   * belongs to another copy of the file: SQLite cannot tell) the full check
   * runs, which also compares every index with its table, and every row
   * must point to rows that are there. */
  if (write && version > 0
      && (!hs_store_check_integrity (db, wal_waiting, error)
          || (wal_waiting && !hs_store_check_foreign_keys (db, error))))
    {
      /* closing would copy the "-wal" into the file: leave both as they are */
      sqlite3_db_config (db->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      hs_store_db_free (db);
      return NULL;
    }

  /* The copy comes first, before even the journal mode changes. */
  if (version > 0 && version < latest)
    {
      g_autofree char *backup = hs_store_backup_path (path, (int) version);

      if (!hs_store_db_backup_to (db, backup, error))
        {
          hs_store_db_free (db);
          return NULL;
        }
      g_debug ("Copied “%s” to “%s” before migrating it", path, backup);
    }

  if (!set_connection_pragmas (db, write, error)
      || (version < latest && !hs_store_migrate (db, (int) version, version == 0, error)))
    {
      hs_store_db_free (db);
      return NULL;
    }

  return db;
}

/* hs-store-db.c — the SQLite connection of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "core/hs-core-error.h"
#include "hs-store-db.h"
#include "hs-store-error.h"

static HsStoreError
store_error_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return HS_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return HS_STORE_ERROR_READ_ONLY;
    case SQLITE_NOTADB:
      return HS_STORE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return HS_STORE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
      return HS_STORE_ERROR_OPEN;
    default:
      return HS_STORE_ERROR_SQL;
    }
}

gboolean
hs_store_db_set_corrupt (HsStoreDb   *self,
                         GError     **error,
                         const char  *what,
                         const char  *value)
{
  g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
               _("“%s” contains an unknown %s “%s”"), self->path, what, value != NULL ? value : "");
  return FALSE;
}

void
hs_store_db_set_error (HsStoreDb   *self,
                       int          rc,
                       GError     **error,
                       const char  *what)
{
  const char *detail;

  /* The connection's message describes the latest failure; fall back to
   * the generic text of the code when there is no connection. */
  if (self != NULL && self->db != NULL && sqlite3_errcode (self->db) != SQLITE_OK)
    detail = sqlite3_errmsg (self->db);
  else
    detail = sqlite3_errstr (rc);

  g_set_error (error, HS_STORE_ERROR, store_error_code (rc),
               /* Translators: "<what failed> in “<file>”: <SQLite's reason>" */
               _("%s in “%s”: %s"),
               what, self != NULL ? self->path : "?", detail);
}

HsStoreDb *
hs_store_db_new (const char  *path,
                 int          sqlite_flags,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  HsStoreDb *self;
  int rc;

  self = g_new0 (HsStoreDb, 1);
  self->path = g_strdup (path);
  self->read_only = (sqlite_flags & SQLITE_OPEN_READONLY) != 0;

  rc = sqlite3_open_v2 (path, &self->db, sqlite_flags | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      hs_store_db_set_error (self, rc, error, _("Cannot open the database"));
      hs_store_db_free (self);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, HS_STORE_BUSY_TIMEOUT_MS);

  if (!hs_store_db_exec (self, "PRAGMA foreign_keys = ON", error))
    {
      hs_store_db_free (self);
      return NULL;
    }

  return self;
}

void
hs_store_db_free (HsStoreDb *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < HS_N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);

  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);
      if (rc != SQLITE_OK)
        g_warning ("Closing “%s” failed: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }

  g_free (self->path);
  g_free (self);
}

gboolean
hs_store_db_exec (HsStoreDb   *self,
                  const char  *sql,
                  GError     **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HS_STORE_ERROR, store_error_code (rc),
                   _("%s in “%s”: %s"), _("A database command failed"), self->path,
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
hs_store_db_stmt (HsStoreDb   *self,
                  HsStmt       id,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (id < HS_N_STMTS, NULL);

  stmt = self->stmts[id];
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  {
    int rc = sqlite3_prepare_v3 (self->db, hs_store_sql (id), -1,
                                 SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
    if (rc != SQLITE_OK)
      {
        hs_store_db_set_error (self, rc, error, _("Cannot prepare a database query"));
        return NULL;
      }
  }

  self->stmts[id] = stmt;
  return stmt;
}

gboolean
hs_store_db_step_done (HsStoreDb    *self,
                       sqlite3_stmt *stmt,
                       GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  hs_store_db_set_error (self, rc, error, _("Writing failed"));
  sqlite3_reset (stmt);
  return FALSE;
}

int
hs_store_db_write (HsStoreDb    *self,
                   sqlite3_stmt *stmt,
                   const char   *subject,
                   GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return SQLITE_DONE;
    }

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      HsCoreError code;

      switch (rc)
        {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          code = HS_CORE_ERROR_CONFLICT;
          break;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          code = HS_CORE_ERROR_NOT_FOUND;
          break;
        default:
          code = HS_CORE_ERROR_INVALID;
          break;
        }
      /* Translators: "<what was being stored>: <SQLite's constraint message>" */
      g_set_error (error, HS_CORE_ERROR, code, _("%s: %s"), subject, sqlite3_errmsg (self->db));
    }
  else
    hs_store_db_set_error (self, rc, error, subject);

  sqlite3_reset (stmt);
  return rc;
}

gboolean
hs_store_db_query_int (HsStoreDb   *self,
                       const char  *sql,
                       gint64      *out,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  hs_store_db_set_error (self, rc, error, _("Reading failed"));
  sqlite3_finalize (stmt);
  return FALSE;
}

gboolean
hs_store_db_begin (HsStoreDb   *self,
                   gboolean     write,
                   GError     **error)
{
  int rc = sqlite3_exec (self->db, write ? "BEGIN IMMEDIATE" : "BEGIN", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      hs_store_db_set_error (self, rc, error,
                             (rc & 0xff) == SQLITE_BUSY
                             ? _("Another program is writing to the database")
                             : _("Cannot start a transaction"));
      return FALSE;
    }

  return TRUE;
}

gboolean
hs_store_db_commit (HsStoreDb   *self,
                    GError     **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      hs_store_db_set_error (self, rc, error, _("Cannot commit the changes"));
      /* A failed COMMIT can leave the transaction open (SQLITE_BUSY): undo
       * it so that the connection is usable and nothing half-done stays. */
      hs_store_db_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
hs_store_db_rollback (HsStoreDb *self)
{
  int rc;

  if (sqlite3_get_autocommit (self->db))
    return;   /* SQLite already rolled back (e.g. after SQLITE_FULL) */

  rc = sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_warning ("Rolling back in “%s” failed: %s", self->path, sqlite3_errmsg (self->db));
}

/* Copies every page in one step and finishes. Another program may hold a
 * lock for a while: wait up to the busy timeout, then give up. */
static int
run_backup (sqlite3_backup *backup)
{
  int rc, finish_rc;

  for (guint waited = 0; ; waited += 50)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= HS_STORE_BUSY_TIMEOUT_MS)
        break;
      sqlite3_sleep (50);
    }
  finish_rc = sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? finish_rc : rc;
}

gboolean
hs_store_db_backup_to (HsStoreDb   *self,
                       const char  *dest_path,
                       GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".partial", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp_path);   /* a leftover of an interrupted backup */

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_MIGRATION,
                   _("Cannot write the backup copy “%s”: %s"), dest_path,
                   dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_MIGRATION,
                   _("Cannot write the backup copy “%s”: %s"), dest_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  rc = run_backup (backup);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HS_STORE_ERROR,
                   (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED
                   ? HS_STORE_ERROR_BUSY : HS_STORE_ERROR_MIGRATION,
                   _("Cannot write the backup copy “%s”: %s"), dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The copy is a plain rollback-journal database that stands alone. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK || g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_MIGRATION,
                   _("Cannot write the backup copy “%s”: %s"), dest_path,
                   rc != SQLITE_OK ? sqlite3_errstr (rc) : g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

gboolean
hs_store_db_copy_from (HsStoreDb   *self,
                       HsStoreDb   *source,
                       GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (self->db, "main", source->db, "main");
  int rc;

  if (backup == NULL)
    {
      hs_store_db_set_error (self, sqlite3_errcode (self->db), error, _("Cannot replace the database"));
      return FALSE;
    }
  rc = run_backup (backup);
  if (rc != SQLITE_OK)
    {
      hs_store_db_set_error (self, rc, error, _("Cannot replace the database"));
      return FALSE;
    }
  return TRUE;
}

/* Binding and column helpers. A failing bind is a programming error (a
 * wrong parameter number) or out of memory, never bad data. */

static void
check_bind (sqlite3_stmt *stmt,
            int           index,
            int           rc)
{
  if (G_UNLIKELY (rc != SQLITE_OK))
    g_critical ("Binding parameter %d of “%s” failed: %s",
                index, sqlite3_sql (stmt), sqlite3_errstr (rc));
}

void
hs_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL)
    check_bind (stmt, index, sqlite3_bind_null (stmt, index));
  else
    check_bind (stmt, index, sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT));
}

void
hs_store_bind_int64 (sqlite3_stmt *stmt,
                     int           index,
                     gint64        value)
{
  check_bind (stmt, index, sqlite3_bind_int64 (stmt, index, value));
}

void
hs_store_bind_id (sqlite3_stmt *stmt,
                  int           index,
                  gint64        id)
{
  if (id == 0)
    check_bind (stmt, index, sqlite3_bind_null (stmt, index));
  else
    check_bind (stmt, index, sqlite3_bind_int64 (stmt, index, id));
}

void
hs_store_bind_date (sqlite3_stmt *stmt,
                    int           index,
                    const GDate  *date)
{
  char iso[16];

  if (date == NULL || !g_date_valid (date))
    {
      check_bind (stmt, index, sqlite3_bind_null (stmt, index));
      return;
    }

  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d",
              (int) g_date_get_year (date), (int) g_date_get_month (date),
              (int) g_date_get_day (date));
  check_bind (stmt, index, sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT));
}

void
hs_store_bind_blob (sqlite3_stmt *stmt,
                    int           index,
                    GBytes       *bytes)
{
  gsize size;
  gconstpointer data;

  if (bytes == NULL)
    {
      check_bind (stmt, index, sqlite3_bind_null (stmt, index));
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  /* A zero-length blob would read back as NULL data; our blobs never are. */
  check_bind (stmt, index, sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "",
                                                size, SQLITE_TRANSIENT));
}

char *
hs_store_column_dup (sqlite3_stmt *stmt,
                     int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

const char *
hs_store_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

void
hs_store_column_date (sqlite3_stmt *stmt,
                      int           column,
                      GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  unsigned int y, m, d;
  char tail;

  g_date_clear (out, 1);
  if (text == NULL)
    return;

  /* The schema only lets real ISO dates in (CHECK date (julianday (d)) IS d). */
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3
      && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (out, d, m, y);
  else
    g_warning ("Ignoring a malformed date “%s” in the database", text);
}

GBytes *
hs_store_column_bytes (sqlite3_stmt *stmt,
                       int           column)
{
  const void *data;
  int size;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  data = sqlite3_column_blob (stmt, column);
  size = sqlite3_column_bytes (stmt, column);
  return g_bytes_new (data, size);
}

void
hs_store_stmt_reset (HsStoreStmt *stmt)
{
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

/* hs-store-db.h — the SQLite connection of the store (private to src/store)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin, typed layer over one sqlite3 handle: statements prepared once from
 * an enum-indexed cache (hs-store-sql.h), transactions that always roll back
 * on error, and SQLite result codes turned into GErrors that name the file.
 * Indexing convention: bind_* take SQLite's 1-based parameter numbers,
 * column_* take SQLite's 0-based column numbers, as sqlite3 itself does.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "hs-store-sql.h"

G_BEGIN_DECLS

/* "HSKU": PRAGMA application_id of a Hankesalkku database. */
#define HS_STORE_APPLICATION_ID 0x48534B55
#define HS_STORE_BUSY_TIMEOUT_MS 5000
/* SQLite's page cache in KiB: a connection's, and a batch's (a smaller
 * one keeps a big import's memory flat; spilling its pages to the WAL
 * before the commit costs next to nothing, docs/storage.md). */
#define HS_STORE_CACHE_KIB 16000
#define HS_STORE_BATCH_CACHE_KIB 4000

typedef struct
{
  sqlite3      *db;                      /* owned */
  char         *path;                    /* owned */
  gboolean      read_only;
  sqlite3_stmt *stmts[HS_N_STMTS];       /* owned, prepared on first use */
} HsStoreDb;

/* Opens path with the given SQLITE_OPEN_* flags (never SQLITE_OPEN_CREATE
 * unless the caller means it), with extended result codes, the busy
 * timeout and foreign keys on. */
HsStoreDb    *hs_store_db_new        (const char  *path,
                                      int          sqlite_flags,
                                      GError     **error);
void          hs_store_db_free       (HsStoreDb   *self);

/* Runs SQL of our own (no parameters; never user data). */
gboolean      hs_store_db_exec       (HsStoreDb   *self,
                                      const char  *sql,
                                      GError     **error);
/* The cached statement for id, reset and with its bindings cleared. */
sqlite3_stmt *hs_store_db_stmt       (HsStoreDb   *self,
                                      HsStmt       id,
                                      GError     **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean      hs_store_db_step_done  (HsStoreDb    *self,
                                      sqlite3_stmt *stmt,
                                      GError      **error);
/* Steps an INSERT, UPDATE or DELETE and resets it. Returns SQLITE_DONE, or
 * the (extended) failure code with error set: a constraint failure is an
 * HS_CORE_ERROR (UNIQUE and PRIMARY KEY: CONFLICT, FOREIGN KEY: NOT_FOUND,
 * CHECK and NOT NULL: INVALID) whose message starts with subject, anything
 * else an HS_STORE_ERROR. Callers may replace the message of a constraint
 * they can explain better. */
int           hs_store_db_write      (HsStoreDb    *self,
                                      sqlite3_stmt *stmt,
                                      const char   *subject,
                                      GError      **error);
/* An integer from a one-row, one-column query of our own ("PRAGMA ..."). */
gboolean      hs_store_db_query_int  (HsStoreDb   *self,
                                      const char  *sql,
                                      gint64      *out,
                                      GError     **error);

/* BEGIN IMMEDIATE (write) or BEGIN (a consistent read of several queries). */
gboolean      hs_store_db_begin      (HsStoreDb   *self,
                                      gboolean     write,
                                      GError     **error);
gboolean      hs_store_db_commit     (HsStoreDb   *self,
                                      GError     **error);
/* Never fails in a way the caller can act on; logs instead. */
void          hs_store_db_rollback   (HsStoreDb   *self);

/* Sets error from SQLite result code rc (and the connection's message),
 * prefixed with what was being done. Maps BUSY/LOCKED, READONLY, NOTADB,
 * CORRUPT, CANTOPEN and FULL to their HS_STORE_ERROR codes. */
void          hs_store_db_set_error  (HsStoreDb   *self,
                                      int          rc,
                                      GError     **error,
                                      const char  *what);
/* HS_STORE_ERROR_CORRUPT: "“FILE” contains an unknown WHAT “VALUE”" (a
 * stored value that no version of the program writes). Returns FALSE. */
gboolean      hs_store_db_set_corrupt (HsStoreDb   *self,
                                       GError     **error,
                                       const char  *what,
                                       const char  *value);

/* A copy of the open database with the SQLite backup API, written to a
 * temporary file beside dest_path and renamed over it when complete. */
gboolean      hs_store_db_backup_to  (HsStoreDb   *self,
                                      const char  *dest_path,
                                      GError     **error);

/* Replaces the whole content of @self with @source's, in one transaction
 * (SQLite's backup API into an open database). */
gboolean      hs_store_db_copy_from  (HsStoreDb   *self,
                                      HsStoreDb   *source,
                                      GError     **error);

/* Binding helpers: NULL strings and invalid dates bind as SQL NULL. */
void          hs_store_bind_text     (sqlite3_stmt *stmt, int index, const char *text);
void          hs_store_bind_int64    (sqlite3_stmt *stmt, int index, gint64 value);
/* 0 binds as NULL (an unset id). */
void          hs_store_bind_id       (sqlite3_stmt *stmt, int index, gint64 id);
void          hs_store_bind_date     (sqlite3_stmt *stmt, int index, const GDate *date);
void          hs_store_bind_blob     (sqlite3_stmt *stmt, int index, GBytes *bytes);

/* Column helpers: NULL text → NULL, NULL date → cleared GDate. */
char         *hs_store_column_dup    (sqlite3_stmt *stmt, int column);
const char   *hs_store_column_text   (sqlite3_stmt *stmt, int column);
void          hs_store_column_date   (sqlite3_stmt *stmt, int column, GDate *out);
GBytes       *hs_store_column_bytes  (sqlite3_stmt *stmt, int column);

/* Resetting a cached statement at the end of a scope:
 *   g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_X, error);
 * resets (never finalizes) it, so no read stays open by accident. */
typedef sqlite3_stmt HsStoreStmt;
void hs_store_stmt_reset (HsStoreStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsStoreStmt, hs_store_stmt_reset)

G_END_DECLS

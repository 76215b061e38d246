/* hs-sqlite-repository.h — the portfolio in one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "core/hs-repository.h"

G_BEGIN_DECLS

typedef enum
{
  HS_OPEN_DEFAULT   = 0,       /* the file must exist and be a Hankesalkku database */
  HS_OPEN_CREATE    = 1 << 0,  /* create, migrate and seed it when it does not exist */
  HS_OPEN_READ_ONLY = 1 << 1,  /* never write (no migration either) */
} HsOpenFlags;

#define HS_TYPE_SQLITE_REPOSITORY (hs_sqlite_repository_get_type ())
G_DECLARE_FINAL_TYPE (HsSqliteRepository, hs_sqlite_repository, HS, SQLITE_REPOSITORY, GObject)

/* Opens (or with HS_OPEN_CREATE creates and seeds) the database. Errors are
 * HS_STORE_ERROR_*: a missing file without CREATE (OPEN), a file that is not
 * a SQLite database or not ours (NOT_DATABASE), a newer schema (TOO_NEW),
 * a read-only file when writing is needed (READ_ONLY). None of them change
 * the file. An older schema is migrated after a backup copy is written
 * beside it ("portfolio.db.bak-v<N>"). */
HsSqliteRepository *hs_sqlite_repository_open (const char   *path,
                                               HsOpenFlags   flags,
                                               GError      **error);
const char *hs_sqlite_repository_get_path           (HsSqliteRepository *self);
int         hs_sqlite_repository_get_schema_version (HsSqliteRepository *self);
/* One action of the log, newest first in hs_sqlite_repository_list_actions. */
typedef struct
{
  gint64    seq;
  char     *created;      /* UTC, ISO 8601 */
  char     *actor;        /* "user@program"; NULL for actions logged before schema 3 */
  char     *description;
  gboolean  undone;
  gboolean  mine;         /* this connection's actor: its undo and redo take it */
} HsActionInfo;

void        hs_action_info_clear                    (HsActionInfo *info);
/* The action log, newest first, of HsActionInfo (cleared by the array). */
GArray     *hs_sqlite_repository_list_actions       (HsSqliteRepository *self,
                                                     GError            **error);
/* How long a write waits for another connection's write lock before it
 * fails with HS_STORE_ERROR_BUSY (5 s unless set). A window sets it short
 * and tries again from its main loop, so that it never freezes. */
void        hs_sqlite_repository_set_busy_timeout   (HsSqliteRepository *self,
                                                     guint               ms);
/* "user@program" of this connection. */
const char *hs_sqlite_repository_get_actor          (HsSqliteRepository *self);

/* Follows what other connections (other windows, other programs) commit:
 * every @interval_ms the thread-default main context asks SQLite whether
 * the file changed (PRAGMA data_version, no I/O when it did not) and then
 * emits "changed", so that every view re-reads. 0 stops it. */
void        hs_sqlite_repository_watch              (HsSqliteRepository *self,
                                                     guint               interval_ms);
/* Asks at once what the watch asks every interval (and emits "changed"
 * when another connection committed), e.g. after a restore. */
void        hs_sqlite_repository_check_changed      (HsSqliteRepository *self);
/* A copy of the whole database (with what is still in its "-wal") in a
 * new file at @dest, written beside it and renamed into place when
 * complete. Other connections go on reading and writing meanwhile. */
gboolean    hs_sqlite_repository_backup             (HsSqliteRepository *self,
                                                     const char         *dest,
                                                     GError            **error);
/* Replaces the database at @path with the Hankesalkku database @source
 * (checked first: what it is, its version, its integrity). What @path held
 * is copied first to a new "<path>.before-restore-YYYYMMDD-HHMMSS", named
 * in *@kept (NULL when @path did not exist). The replacement is one
 * transaction: a failure leaves @path as it was. */
gboolean    hs_sqlite_restore                       (const char   *path,
                                                     const char   *source,
                                                     char        **kept,
                                                     GError      **error);
/* PRAGMA integrity_check and foreign_key_check; FALSE with HS_STORE_ERROR_CORRUPT. */
gboolean    hs_sqlite_repository_check_integrity    (HsSqliteRepository *self, GError **error);

/* The schema version this program writes. */
int         hs_sqlite_schema_version (void);
/* $HANKESALKKU_DB, else $XDG_DATA_HOME/hankesalkku/portfolio.db */
char       *hs_default_database_path (void);

/* Fill in the EU part of EU and state support (HsSummaryRow.eu) of @rows
 * from hs_repository_summarise (@by, @agreement_id), and the EU part and
 * funding instrument of the project list's rows (HsProjectSummary.eu,
 * .instrument): each one query, by the rule of core/hs-cofinancing.h. */
gboolean    hs_sqlite_repository_add_eu_parts         (HsSqliteRepository *self,
                                                       HsDimension         by,
                                                       gint64              agreement_id,
                                                       GArray             *rows,
                                                       GError            **error);
gboolean    hs_sqlite_repository_add_project_eu_parts (HsSqliteRepository *self,
                                                       GArray             *summaries,
                                                       GError            **error);

G_END_DECLS

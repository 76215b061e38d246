/* hs-store-schema.h — opening, creating and migrating the database file (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hs-sqlite-repository.h"
#include "hs-store-db.h"

G_BEGIN_DECLS

/* The schema version this program writes: the number of the last
 * migration script bundled in the resource (sql/NNNN-*.sql). */
int         hs_store_schema_latest  (void);
/* The SQL of one bundled script ("0001-initial.sql", "seed.sql"). */
GBytes     *hs_store_schema_script  (const char *name, GError **error);
/* "<path>.bak-v<version>" */
char       *hs_store_backup_path    (const char *path, int version);

/* The rules of hs_sqlite_repository_open (): checks the file before SQLite
 * may touch it, creates it atomically, backs it up and migrates it. */
HsStoreDb  *hs_store_open           (const char   *path,
                                     HsOpenFlags   flags,
                                     GError      **error);
/* PRAGMA foreign_key_check: FALSE with HS_STORE_ERROR_CORRUPT at the
 * first row that points nowhere. */
gboolean    hs_store_check_foreign_keys (HsStoreDb *db, GError **error);
/* PRAGMA quick_check (or with @full, integrity_check): FALSE with
 * HS_STORE_ERROR_CORRUPT, naming the first problems and how to restore,
 * when the file is damaged. */
gboolean    hs_store_check_integrity (HsStoreDb *db, gboolean full, GError **error);
/* Runs the migrations after from_version in one transaction (and the seed
 * when seed is TRUE). Exposed for the tests. */
gboolean    hs_store_migrate        (HsStoreDb    *db,
                                     int           from_version,
                                     gboolean      seed,
                                     GError      **error);

G_END_DECLS

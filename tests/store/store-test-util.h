/* store-test-util.h — shared helpers of the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "core/hs-project.h"
#include "store/hs-sqlite-repository.h"

G_BEGIN_DECLS

/* A fresh private directory (g_dir_make_tmp) and a database path in it. */
typedef struct
{
  char *dir;
  char *path;
} StoreTmp;

void        store_tmp_init     (StoreTmp *tmp);
void        store_tmp_clear    (StoreTmp *tmp);   /* removes the directory */

/* An implementer with an organisation (municipality may be NULL). */
HsImplementer *store_test_implementer (const char *org_name,
                                       const char *business_id,
                                       HsOrgType   type,
                                       const char *municipality,
                                       gboolean    is_main);
/* A project with dates, names, an indicator and a status history. */
HsProject  *store_test_project  (const char *code,
                                 gint64      agreement_id,
                                 gint64      focus_area_id,
                                 gint64      call_id,
                                 HsStatus    status,
                                 const char *start_iso,
                                 const char *end_iso);

/* The small portfolio of test-sqlite-repository.c: PKS-2023-001 (two
 * implementers), PKS-2024-002 and TRE-2024-001 (two implementers), with
 * the figures documented there. GPtrArray of HsProject* (owned). */
GPtrArray  *store_test_portfolio (void);

/* n valid projects "<prefix><i>" of two implementers each, for batches. */
GPtrArray  *store_test_batch     (const char *prefix,
                                  guint       n);

/* The file's bytes (for "unchanged" checks); NULL if it does not exist. */
GBytes     *store_test_read_file (const char *path);

/* A raw connection for looking behind the store's back. */
sqlite3    *store_test_sqlite_open (const char *path, gboolean write);
gint64      store_test_sqlite_int  (sqlite3 *db, const char *sql);
char       *store_test_sqlite_text (sqlite3 *db, const char *sql);

G_END_DECLS

/* hs-store-error.h — the error domain of the store layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HS_STORE_ERROR (hs_store_error_quark ())

typedef enum
{
  HS_STORE_ERROR_OPEN,          /* the file cannot be opened or created */
  HS_STORE_ERROR_NOT_DATABASE,  /* the file is not a Hankesalkku database */
  HS_STORE_ERROR_TOO_NEW,       /* the schema is newer than this program */
  HS_STORE_ERROR_READ_ONLY,     /* the file cannot be written */
  HS_STORE_ERROR_CORRUPT,       /* integrity check failed */
  HS_STORE_ERROR_BUSY,          /* another program holds the lock */
  HS_STORE_ERROR_SQL,           /* any other SQLite error */
  HS_STORE_ERROR_MIGRATION,     /* a migration failed; the backup is kept */
} HsStoreError;

GQuark hs_store_error_quark (void);

G_END_DECLS

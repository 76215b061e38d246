/* hs-store-reference.h — reference data, organisations and calls in SQLite (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/hs-project.h"
#include "core/hs-reference.h"
#include "hs-store-db.h"

G_BEGIN_DECLS

/* Lists in the shapes of hs-repository.h (GPtrArray with free func). */
GPtrArray      *hs_store_list_agreements    (HsStoreDb *db, GError **error);
GPtrArray      *hs_store_list_focus_areas   (HsStoreDb *db, gint64 agreement_id, GError **error);
GPtrArray      *hs_store_list_calls         (HsStoreDb *db, gint64 agreement_id, GError **error);
GPtrArray      *hs_store_list_organisations (HsStoreDb *db, GError **error);

/* id → HsCall* / HsFocusArea* (owned; keys point into the values). */
GHashTable     *hs_store_calls_by_id        (HsStoreDb *db, GError **error);
GHashTable     *hs_store_focus_areas_by_id  (HsStoreDb *db, GError **error);

/* A row of ORG_COLUMNS / CALL_COLUMNS (hs-store-sql.c) starting at column
 * first; NULL with HS_STORE_ERROR_CORRUPT when an id is unknown. */
HsOrganisation *hs_store_org_from_row       (sqlite3_stmt *stmt, int first, GError **error);
HsCall         *hs_store_call_from_row      (sqlite3_stmt *stmt, GError **error);

/* Organisation with id: NULL (and no error) when there is none. */
HsOrganisation *hs_store_find_org           (HsStoreDb *db, HsStmt by, const char *text, gint64 id,
                                             GError **error);
HsCall         *hs_store_find_call          (HsStoreDb *db, gint64 id, GError **error);

/* Inserting (id 0: a new id, else exactly that id) and updating rows. */
gboolean        hs_store_insert_org         (HsStoreDb *db, HsOrganisation *org, GError **error);
gboolean        hs_store_update_org         (HsStoreDb *db, const HsOrganisation *org, gint64 id,
                                             GError **error);
gboolean        hs_store_insert_call        (HsStoreDb *db, HsCall *call, GError **error);
gboolean        hs_store_update_call        (HsStoreDb *db, const HsCall *call, GError **error);

gboolean        hs_store_org_equal          (const HsOrganisation *a, const HsOrganisation *b);
gboolean        hs_store_call_equal         (const HsCall *a, const HsCall *b);

/* Snapshots for the action log. */
GVariant       *hs_store_org_to_variant     (const HsOrganisation *org);
HsOrganisation *hs_store_org_from_variant   (GVariant *variant, GError **error);
GVariant       *hs_store_call_to_variant    (const HsCall *call);
HsCall         *hs_store_call_from_variant  (GVariant *variant, GError **error);

/* A snapshot as the bytes of the action log (little-endian, self-describing
 * "v" variant) and back; decoding checks the bytes, which come from a file. */
GBytes         *hs_store_snapshot_encode    (GVariant *snapshot);
GVariant       *hs_store_snapshot_decode    (GBytes *bytes, const GVariantType *type, GError **error);

G_END_DECLS

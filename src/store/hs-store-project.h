/* hs-store-project.h — projects in SQLite: load, write, totals, undo states (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An HsStoreTx is the work of one write transaction (one user action): the
 * reference data validation needs, a memo of the organisations it has
 * looked up, the list of changed objects with their before and after
 * snapshots (what the action log stores), and the ids it gave the caller's
 * structs, so that they can be put back if the transaction rolls back.
 * The caller begins and commits the SQL transaction; these functions only
 * run statements inside it.
 */
#pragma once

#include <glib.h>

#include "core/hs-project.h"
#include "core/hs-reference.h"
#include "hs-store-db.h"

G_BEGIN_DECLS

typedef enum
{
  HS_ENTITY_PROJECT,
  HS_ENTITY_ORGANISATION,
  HS_ENTITY_CALL,
  HS_ENTITY_REVIEW,          /* a project's review (hs-store-review.h); id: the project's */
  HS_ENTITY_PROPOSAL,        /* a call's proposal; id: the call's */
  HS_ENTITY_CRITERION,       /* a call's own selection criterion */
} HsEntity;

const char *hs_entity_to_id   (HsEntity entity);   /* "project", "organisation", "call", "review", "proposal" */
int         hs_entity_from_id (const char *id);

/* One changed object of an action. before NULL: it was created; after
 * NULL: it was deleted. */
typedef struct
{
  HsEntity  entity;
  gint64    id;
  GBytes   *before;   /* owned, nullable */
  GBytes   *after;    /* owned, nullable */
} HsStoreItem;

typedef struct _HsStoreTx HsStoreTx;

HsStoreTx  *hs_store_tx_new            (HsStoreDb *db, GError **error);
void        hs_store_tx_free           (HsStoreTx *tx);
/* The database the transaction writes. */
HsStoreDb  *hs_store_tx_get_db         (HsStoreTx *tx);
/* Records a changed object: snapshots before and after (nullable; floating
 * or full references, which it takes). */
void        hs_store_tx_add_item       (HsStoreTx *tx,
                                        HsEntity   entity,
                                        gint64     id,
                                        GVariant  *before,
                                        GVariant  *after);
/* The changes so far, in the order they were made (HsStoreItem*). */
GPtrArray  *hs_store_tx_get_items      (HsStoreTx *tx);
/* After a rollback: the caller's projects get back the ids they had. */
void        hs_store_tx_restore_ids    (HsStoreTx *tx);
/* In a batch, once the items so far are in the action log: drops them and
 * the ids to put back, so that the caller may free its structs and the
 * transaction keeps no memory per project (the organisation memo stays). */
void        hs_store_tx_forget         (HsStoreTx *tx);
/* Recomputes the totals of projects whose organisations or calls this
 * transaction changed in place (their findings may have changed). */
gboolean    hs_store_tx_finish         (HsStoreTx *tx, GError **error);

/* Inserts (id 0) or replaces a project; *out_before (transfer full) is the
 * stored project it replaced, NULL for a new one. */
/* The stored version of project @id (0 when there is no such project). */
gboolean    hs_store_project_version   (HsStoreDb  *db,
                                        gint64      id,
                                        gint64     *version,
                                        GError    **error);
gboolean    hs_store_save_project      (HsStoreTx  *tx,
                                        HsProject  *project,
                                        HsProject **out_before,
                                        GError    **error);
/* *out_code (transfer full): the code of the deleted project. */
gboolean    hs_store_delete_project    (HsStoreTx  *tx,
                                        gint64      id,
                                        char      **out_code,
                                        GError    **error);
gboolean    hs_store_save_organisation (HsStoreTx       *tx,
                                        HsOrganisation  *org,
                                        gboolean        *out_created,
                                        GError         **error);
/* Deletes the call @id; refused (HS_CORE_ERROR_INVALID) while projects
 * refer to it, and NOT_FOUND for a call that does not exist. @out_name:
 * the deleted call's name. */
gboolean    hs_store_delete_call       (HsStoreTx  *tx,
                                        gint64      id,
                                        char      **out_name,
                                        GError    **error);
gboolean    hs_store_save_call         (HsStoreTx  *tx,
                                        HsCall     *call,
                                        gboolean   *out_created,
                                        GError    **error);
/* Undo and redo: makes the object entity/id be exactly state (a snapshot
 * from the action log), or not exist when state is NULL. */
gboolean    hs_store_apply_state       (HsStoreTx  *tx,
                                        HsEntity    entity,
                                        gint64      id,
                                        GBytes     *state,
                                        GError    **error);

/* Projects, fully loaded, in code order (GPtrArray of HsProject*, owned),
 * with one query per table whatever their number. */
GPtrArray  *hs_store_load_projects     (HsStoreDb     *db,
                                        HsLoadFilter   filter,
                                        gint64         arg,
                                        GError       **error);
/* The stored project with this id, or NULL with HS_CORE_ERROR_NOT_FOUND. */
HsProject  *hs_store_load_project      (HsStoreDb  *db,
                                        gint64      id,
                                        GError    **error);
/* 0 when no project has the code. */
gint64      hs_store_project_id_by_code (HsStoreDb   *db,
                                         const char  *code,
                                         GError     **error);

/* Recomputes project_totals, project_year_totals and implementer_totals of
 * the projects a filter selects (a migration step, and after call or
 * organisation changes). */
gboolean    hs_store_refresh_totals    (HsStoreTx     *tx,
                                        HsLoadFilter   filter,
                                        gint64         arg,
                                        GError       **error);

G_END_DECLS

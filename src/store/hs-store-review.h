/* hs-store-review.h — reviews, proposals and selection criteria in SQLite (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project's review (core/hs-review.h) and a call's proposal are each
 * written whole: the rows of the old one deleted, the new one's inserted,
 * and one action-log item with both snapshots (entities "review" and
 * "proposal"), so that undo puts the old one back as it was.
 */
#pragma once

#include <glib.h>

#include "core/hs-review.h"
#include "hs-store-db.h"
#include "hs-store-project.h"

G_BEGIN_DECLS

/* The programme's criteria, then @call_id's own (0: the programme's only). */
GPtrArray  *hs_store_list_criteria       (HsStoreDb   *db,
                                          gint64       call_id,
                                          GError     **error);
/* Adds a call's own criterion (its id set); the key unique in the call. */
gboolean    hs_store_insert_criterion    (HsStoreDb    *db,
                                          HsCriterion  *criterion,
                                          GError      **error);

/* A call's own criterion: inserted (id 0) or changed, recorded for undo;
 * the programme's cannot be changed. */
gboolean    hs_store_save_criterion      (HsStoreTx    *tx,
                                          HsCriterion  *criterion,
                                          GError      **error);
/* Deletes a call's own criterion no score uses. */
gboolean    hs_store_delete_criterion    (HsStoreTx    *tx,
                                          gint64        id,
                                          GError      **error);
gboolean    hs_store_apply_criterion_state (HsStoreTx  *tx,
                                            gint64      id,
                                            GBytes     *state,
                                            GError    **error);

/* The project's review; an empty one when it has none. */
HsReview   *hs_store_load_review         (HsStoreDb   *db,
                                          gint64       project_id,
                                          GError     **error);
/* The scores of the reviews of @call_id's projects, in one query: one
 * HsReview* (scores only: reviewer, criterion, part and score; the
 * justifications empty) per project that has any, by project id. */
GPtrArray  *hs_store_list_call_reviews   (HsStoreDb   *db,
                                          gint64       call_id,
                                          GError     **error);
/* Replaces the project's review with @review, recording the change. */
gboolean    hs_store_save_review         (HsStoreTx   *tx,
                                          HsReview    *review,
                                          GError     **error);
HsProposal *hs_store_load_proposal       (HsStoreDb   *db,
                                          gint64       call_id,
                                          GError     **error);
gboolean    hs_store_save_proposal       (HsStoreTx   *tx,
                                          HsProposal  *proposal,
                                          GError     **error);

/* Before a project is saved: a decided project whose content would differ
 * from its approved version without an open change application is
 * refused (HS_CORE_ERROR_INVALID, the message says what to do). */
gboolean    hs_store_review_check_save   (HsStoreDb        *db,
                                          const HsProject  *project,
                                          GError          **error);
/* Before a project is deleted: refused when it has a funding decision;
 * otherwise its review and its places in proposals go, recorded for undo
 * (call it before the project's own item is recorded). */
gboolean    hs_store_review_forget_project (HsStoreTx  *tx,
                                            gint64      project_id,
                                            const char *code,
                                            GError    **error);

/* Undo and redo (hs_store_apply_state): @state NULL deletes. */
gboolean    hs_store_apply_review_state   (HsStoreTx  *tx,
                                           gint64      id,
                                           GBytes     *state,
                                           GError    **error);
gboolean    hs_store_apply_proposal_state (HsStoreTx  *tx,
                                           gint64      id,
                                           GBytes     *state,
                                           GError    **error);

G_END_DECLS

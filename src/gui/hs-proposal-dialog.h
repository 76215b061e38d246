/* hs-proposal-dialog.h — the steering group's proposal for a call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_PROPOSAL_DIALOG (hs_proposal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsProposalDialog, hs_proposal_dialog, HS, PROPOSAL_DIALOG, AdwWindow)

/* The proposal of @call_id: its applications (submitted, under review,
 * decided) in the proposal's order, each with a "Proposed" switch; the
 * proposed ones move up and down (their order is the proposal's
 * positions), the others take an optional reason (a proposed one a
 * remark); the meeting's date.
 * Save (Ctrl+S) saves the proposal (hs_repository_save_proposal) as one
 * undoable action, emits "saved" (string: what a toast says) and closes.
 * NULL with @error when the call's applications cannot be read. */
HsProposalDialog *hs_proposal_dialog_new (GtkWindow     *parent,
                                          HsRepository  *repository,
                                          gint64         call_id,
                                          GError       **error);

G_END_DECLS

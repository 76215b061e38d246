/* hs-proposal-dialog-private.h — what the tests look into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-proposal-dialog.h"

G_BEGIN_DECLS

/* "meeting" (an HsDateRow), "message", "save"; NULL for any other. */
GtkWidget *_hs_proposal_dialog_get_widget (HsProposalDialog *self,
                                           const char       *name);
/* The widgets of the application @project_id's row as shown now (rows are
 * rebuilt when the order or a switch changes): "switch", "reason" (a
 * GtkEntry: why not, or a proposed one's remark), "up", "down" (proposed
 * only); NULL when
 * the row has none or the application is not listed. */
GtkWidget *_hs_proposal_dialog_get_row_widget (HsProposalDialog *self,
                                               gint64            project_id,
                                               const char       *name);
/* The applications' ids in the order shown, the proposed ones first. */
GArray    *_hs_proposal_dialog_dup_order (HsProposalDialog *self);

G_END_DECLS

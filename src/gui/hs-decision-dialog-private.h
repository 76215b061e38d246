/* hs-decision-dialog-private.h — what the tests look into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-decision-dialog.h"

G_BEGIN_DECLS

/* "date", "number", "conditions", "eligible-from", "eligible-until",
 * "total" (an HsAmountEntry), "per-implementer" (a GtkSwitch),
 * "difference" (a GtkLabel), "reason", "starts", "message" (the refusal's
 * label), "save"; NULL for what the mode has not. */
GtkWidget *_hs_decision_dialog_get_widget      (HsDecisionDialog *self,
                                                const char       *name);
/* The amount entry of the @index-th implementer (grants). */
GtkWidget *_hs_decision_dialog_get_implementer (HsDecisionDialog *self,
                                                guint             index);

G_END_DECLS

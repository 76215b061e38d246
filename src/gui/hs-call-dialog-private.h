/* hs-call-dialog-private.h — what the tests look into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-call-dialog.h"

G_BEGIN_DECLS

/* "name", "name-error", "name-sv", "name-en", "agreement", "intermediary",
 * "instrument", "open", "close", "close-error", "max-support-bp",
 * "max-support-bp-error", "max-support", "min-city-bp", "max-city-bp",
 * "max-city-bp-error", "min-own-bp", "max-duration", "max-duration-error",
 * "max-projects", "money-available", "city-money-available",
 * "cost-model-0" … "cost-model-3", "description", "save-error", "save";
 * the amounts are their HsAmountEntry. NULL for any other name. */
GtkWidget *_hs_call_dialog_get_widget (HsCallDialog *self,
                                       const char   *name);

G_END_DECLS

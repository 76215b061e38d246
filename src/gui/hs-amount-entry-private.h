/* hs-amount-entry-private.h — what only the tests (and benchmarks) reach of hs-amount-entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-amount-entry.h"

G_BEGIN_DECLS

gint64      _hs_amount_entry_get_amount        (HsAmountEntry *self);

G_END_DECLS

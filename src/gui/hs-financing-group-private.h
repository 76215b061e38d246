/* hs-financing-group-private.h — what only the tests (and benchmarks) reach of hs-financing-group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-financing-group.h"

G_BEGIN_DECLS

/* The label that says how much is still to be covered. */
GtkLabel  *_hs_financing_group_get_remaining (HsFinancingGroup *self);
/* A total: @source -1 for the total financing row, @year 0 for the
 * column of the sources' totals (both: the grand total). */
GtkLabel  *_hs_financing_group_get_total     (HsFinancingGroup *self,
                                              int               source,
                                              int               year);

G_END_DECLS

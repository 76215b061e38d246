/* hs-budget-grid-private.h — what only the tests (and benchmarks) reach of hs-budget-grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-budget-grid.h"

G_BEGIN_DECLS

GtkLabel  *_hs_budget_grid_get_total (HsBudgetGrid        *self,
                                     int                  category,
                                     int                  year);

G_END_DECLS

/* hs-budget-page-private.h — what only the editor's tests reach of hs-budget-page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-budget-grid.h"
#include "hs-budget-page.h"

G_BEGIN_DECLS

/* An implementer's grid, or NULL. */
HsBudgetGrid *_hs_budget_page_get_grid  (HsBudgetPage *self,
                                         guint         implementer);
/* The project's total, while it is shown (with two implementers or more). */
HsBudgetGrid *_hs_budget_page_get_total (HsBudgetPage *self);

G_END_DECLS

/* hs-budget-grid.h — one implementer's budget: cost categories × years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/hs-lang.h"
#include "core/hs-project.h"

G_BEGIN_DECLS

#define HS_TYPE_BUDGET_GRID (hs_budget_grid_get_type ())
G_DECLARE_FINAL_TYPE (HsBudgetGrid, hs_budget_grid, HS, BUDGET_GRID, GtkWidget)

GtkWidget *hs_budget_grid_new_total      (HsLang lang);
GtkWidget *hs_budget_grid_new       (HsLang               lang);
/* Shows @impl's budget for @years (ints, ascending) under @model. The cells
 * are rebuilt only when the model, the years or the rows change, so a
 * refresh after an edit keeps the keyboard focus where it is. */
void       hs_budget_grid_update    (HsBudgetGrid        *self,
                                     const HsImplementer *impl,
                                     HsCostModel          model,
                                     GArray              *years);
/* The cell of a category and year: an HsAmountEntry for a typed category,
 * a GtkLabel for a derived one; NULL when not shown. */
GtkWidget *hs_budget_grid_get_cell  (HsBudgetGrid        *self,
                                     HsCostCategory       category,
                                     int                  year);
/* The first cell that can be typed in for @year (0: any year), or NULL. */
GtkWidget *hs_budget_grid_get_first_editable (HsBudgetGrid *self,
                                              int           year);
/* A total label: @category -1 for the total row, @year 0 for the total
 * column (both for the grand total). */

G_END_DECLS

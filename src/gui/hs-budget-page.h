/* hs-budget-page.h — the project editor's page of budgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hs-editor-page.h"

G_BEGIN_DECLS

#define HS_TYPE_BUDGET_PAGE (hs_budget_page_get_type ())
G_DECLARE_FINAL_TYPE (HsBudgetPage, hs_budget_page, HS, BUDGET_PAGE, AdwBin)

G_END_DECLS

/* hs-financing-page.h — the project editor's page of financing plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hs-editor-page.h"

G_BEGIN_DECLS

#define HS_TYPE_FINANCING_PAGE (hs_financing_page_get_type ())
G_DECLARE_FINAL_TYPE (HsFinancingPage, hs_financing_page, HS, FINANCING_PAGE, AdwBin)

/* The project's call caps EU and state support at this share of its
 * total costs (basis points): the summary compares with it. */
void hs_financing_page_set_max_support (HsFinancingPage *self,
                                        gint32           max_bp);

G_END_DECLS

/* hs-indicators-page.h — the project editor's page of indicators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hs-editor-page.h"

G_BEGIN_DECLS

#define HS_TYPE_INDICATORS_PAGE (hs_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (HsIndicatorsPage, hs_indicators_page, HS, INDICATORS_PAGE, AdwPreferencesPage)

G_END_DECLS

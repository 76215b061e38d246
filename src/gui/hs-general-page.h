/* hs-general-page.h — the project editor's general page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hs-editor-page.h"

G_BEGIN_DECLS

#define HS_TYPE_GENERAL_PAGE (hs_general_page_get_type ())
G_DECLARE_FINAL_TYPE (HsGeneralPage, hs_general_page, HS, GENERAL_PAGE, AdwPreferencesPage)

/* The agreements, focus areas and calls to choose from (of HsAgreement,
 * HsFocusArea and HsCall, every agreement's; borrowed: the editor keeps
 * them for as long as the page lives). Any may be NULL. */
void hs_general_page_set_reference (HsGeneralPage *self,
                                    GPtrArray     *agreements,
                                    GPtrArray     *focus_areas,
                                    GPtrArray     *calls);

G_END_DECLS

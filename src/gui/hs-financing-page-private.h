/* hs-financing-page-private.h — what only the editor's tests reach of hs-financing-page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-financing-group.h"
#include "hs-financing-page.h"

G_BEGIN_DECLS

/* An implementer's financing plan, or NULL. */
HsFinancingGroup *_hs_financing_page_get_group (HsFinancingPage *self,
                                                guint            implementer);

/* The summary's row of the city's financing by year (hidden while no city
 * financing is given per year). */
AdwActionRow     *_hs_financing_page_get_city_years (HsFinancingPage *self);

G_END_DECLS

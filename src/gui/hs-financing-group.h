/* hs-financing-group.h — one implementer's financing plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-lang.h"
#include "core/hs-project.h"

G_BEGIN_DECLS

#define HS_TYPE_FINANCING_GROUP (hs_financing_group_get_type ())
G_DECLARE_FINAL_TYPE (HsFinancingGroup, hs_financing_group, HS, FINANCING_GROUP, AdwPreferencesGroup)

GtkWidget *hs_financing_group_new       (HsLang               lang);
/* Shows @impl's sources, their shares of its total costs, and what remains. */
void       hs_financing_group_update    (HsFinancingGroup    *self,
                                         const HsImplementer *impl);
/* The amount entry of a source (an HsAmountEntry). */
GtkWidget *hs_financing_group_get_entry (HsFinancingGroup    *self,
                                         HsFinancingSource    source);
/* The label that says how much is still to be covered. */

G_END_DECLS

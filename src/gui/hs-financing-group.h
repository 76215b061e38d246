/* hs-financing-group.h — one implementer's financing plan: sources × years
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
/* Shows @impl's sources for @years (ints, ascending): a column for the
 * amounts not divided by year, one per year, the sources' totals and
 * their shares of the implementer's total costs, and what remains. The
 * cells are rebuilt only when the years or the name change, so a refresh
 * after an edit keeps the keyboard focus where it is. */
void       hs_financing_group_update    (HsFinancingGroup    *self,
                                         const HsImplementer *impl,
                                         GArray              *years);
/* The entry (an HsAmountEntry) of a source's amount not divided by year. */
GtkWidget *hs_financing_group_get_entry (HsFinancingGroup    *self,
                                         HsFinancingSource    source);
/* The entry of a source's amount in @year (0: not divided by year), or
 * NULL when the year is not shown. */
GtkWidget *hs_financing_group_get_year_entry (HsFinancingGroup  *self,
                                              HsFinancingSource  source,
                                              int                year);

G_END_DECLS

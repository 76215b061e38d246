/* hs-organisation-row.h — one organisation in the Organisations list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/hs-lang.h"
#include "hs-organisation-item.h"

G_BEGIN_DECLS

#define HS_TYPE_ORGANISATION_ROW (hs_organisation_row_get_type ())
G_DECLARE_FINAL_TYPE (HsOrganisationRow, hs_organisation_row, HS, ORGANISATION_ROW, GtkWidget)

/* A row of the Organisations list: the name and "Y-tunnus · type ·
 * municipality" in full (they wrap), the costs as an implementer and the
 * number of projects; its accessible name and tooltip say the same. */
GtkWidget *hs_organisation_row_new      (void);
/* Shows @item (NULL: nothing), with money in @lang. */
void       hs_organisation_row_set_item (HsOrganisationRow  *self,
                                         HsOrganisationItem *item,
                                         HsLang              lang);

G_END_DECLS

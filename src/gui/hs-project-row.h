/* hs-project-row.h — one place in the project list, showing one project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hs-project-item.h"

G_BEGIN_DECLS

#define HS_TYPE_PROJECT_ROW (hs_project_row_get_type ())
G_DECLARE_FINAL_TYPE (HsProjectRow, hs_project_row, HS, PROJECT_ROW, GObject)

HsProjectRow  *hs_project_row_new      (HsProjectItem *item);
HsProjectItem *hs_project_row_get_item (HsProjectRow  *self);
/* Shows another project in this place; "notify::item" only when it is
 * another one. */
void           hs_project_row_set_item (HsProjectRow  *self,
                                        HsProjectItem *item);

G_END_DECLS

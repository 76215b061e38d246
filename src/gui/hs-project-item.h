/* hs-project-item.h — one row of the project list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/hs-summary.h"

G_BEGIN_DECLS

typedef enum
{
  HS_PROJECT_ITEM_CODE,
  HS_PROJECT_ITEM_NAME,
  HS_PROJECT_ITEM_MAIN_IMPLEMENTER,
  HS_PROJECT_ITEM_FOCUS_AREA,
  HS_PROJECT_ITEM_N_SORT_KEYS
} HsProjectItemText;

#define HS_TYPE_PROJECT_ITEM (hs_project_item_get_type ())
G_DECLARE_FINAL_TYPE (HsProjectItem, hs_project_item, HS, PROJECT_ITEM, GObject)

/* Takes over the summary's contents (the caller's struct is zeroed). */
HsProjectItem          *hs_project_item_new_take    (HsProjectSummary *summary);
const HsProjectSummary *hs_project_item_get_summary (HsProjectItem    *self);
/* Code, name and main implementer, casefolded: what the search matches. */
const char             *hs_project_item_get_search_key (HsProjectItem *self);
/* g_utf8_collate_key() of a text column, made the first time it is asked
 * for and kept: sorting compares keys with strcmp(), not g_utf8_collate(). */
const char             *hs_project_item_get_sort_key   (HsProjectItem     *self,
                                                        HsProjectItemText  which);

G_END_DECLS

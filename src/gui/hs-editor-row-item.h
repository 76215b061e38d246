/* hs-editor-row-item.h — one row of a list on an editor page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HS_TYPE_EDITOR_ROW_ITEM (hs_editor_row_item_get_type ())
G_DECLARE_FINAL_TYPE (HsEditorRowItem, hs_editor_row_item, HS, EDITOR_ROW_ITEM, GObject)

HsEditorRowItem *hs_editor_row_item_new       (guint            index);
/* Which of the project's implementers (or indicators) the row shows. */
guint            hs_editor_row_item_get_index (HsEditorRowItem *self);

G_END_DECLS

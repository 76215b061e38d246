/* hs-editor-row-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The implementers and indicators pages bind their list boxes to a model
 * of these (gtk_list_box_bind_model): an item is the position of one
 * implementer or indicator in the project the page shows, and the page
 * makes its row from the project. The model is replaced only when what
 * the rows show changes.
 */
#define G_LOG_DOMAIN "hs-editor-row-item"

#include "config.h"

#include "hs-editor-row-item.h"

struct _HsEditorRowItem
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (HsEditorRowItem, hs_editor_row_item, G_TYPE_OBJECT)

static void
hs_editor_row_item_class_init (HsEditorRowItemClass *klass)
{
}

static void
hs_editor_row_item_init (HsEditorRowItem *self)
{
}

HsEditorRowItem *
hs_editor_row_item_new (guint index)
{
  HsEditorRowItem *self = g_object_new (HS_TYPE_EDITOR_ROW_ITEM, NULL);

  self->index = index;
  return self;
}

guint
hs_editor_row_item_get_index (HsEditorRowItem *self)
{
  g_return_val_if_fail (HS_IS_EDITOR_ROW_ITEM (self), 0);

  return self->index;
}

/* hs-sidebar-item.h — one entry of the sidebar: all projects, an agreement, a focus area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  HS_SIDEBAR_ALL,
  HS_SIDEBAR_AGREEMENT,
  HS_SIDEBAR_FOCUS_AREA,
} HsSidebarKind;

#define HS_TYPE_SIDEBAR_ITEM (hs_sidebar_item_get_type ())
G_DECLARE_FINAL_TYPE (HsSidebarItem, hs_sidebar_item, HS, SIDEBAR_ITEM, GObject)

HsSidebarItem *hs_sidebar_item_new          (HsSidebarKind  kind,
                                             gint64         id,
                                             gint64         agreement_id,
                                             const char    *label);
HsSidebarKind  hs_sidebar_item_get_kind     (HsSidebarItem *self);
gint64         hs_sidebar_item_get_id       (HsSidebarItem *self);
gint64         hs_sidebar_item_get_agreement_id (HsSidebarItem *self);
const char    *hs_sidebar_item_get_label    (HsSidebarItem *self);
/* Focus areas under an agreement (GListStore of HsSidebarItem), or NULL. */
GListModel    *hs_sidebar_item_get_children (HsSidebarItem *self);
void           hs_sidebar_item_set_children (HsSidebarItem *self,
                                             GListModel    *children);
/* "12 projects · 3 450 000,00 €": the "detail" property, shown under the label. */
const char    *hs_sidebar_item_get_detail   (HsSidebarItem *self);
void           hs_sidebar_item_set_detail   (HsSidebarItem *self,
                                             const char    *detail);
/* The marker of an agreement with findings of its own: @icon_name
 * ("dialog-error-symbolic" or "dialog-warning-symbolic") and @text ("2
 * agreement findings", its tooltip and accessible description); NULL and
 * NULL: none. The "marker-icon" and "marker" properties. */
const char    *hs_sidebar_item_get_marker   (HsSidebarItem *self);
const char    *hs_sidebar_item_get_marker_icon (HsSidebarItem *self);
void           hs_sidebar_item_set_marker   (HsSidebarItem *self,
                                             const char    *icon_name,
                                             const char    *text);

G_END_DECLS

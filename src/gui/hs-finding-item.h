/* hs-finding-item.h — one finding as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/hs-validate.h"

G_BEGIN_DECLS

#define HS_TYPE_FINDING_ITEM (hs_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (HsFindingItem, hs_finding_item, HS, FINDING_ITEM, GObject)

HsFindingItem   *hs_finding_item_new         (const HsFinding *finding);
const HsFinding *hs_finding_item_get_finding (HsFindingItem   *self);

G_END_DECLS

/* hs-finding-item.c — one finding as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The findings panel binds its list to a GListStore of these: each row
 * reads its finding from its item, nothing is carried on the row widget.
 */
#include "config.h"

#include "hs-finding-item.h"

struct _HsFindingItem
{
  GObject   parent_instance;
  HsFinding finding;     /* owned copies of the strings */
};

G_DEFINE_FINAL_TYPE (HsFindingItem, hs_finding_item, G_TYPE_OBJECT)

HsFindingItem *
hs_finding_item_new (const HsFinding *finding)
{
  HsFindingItem *self = g_object_new (HS_TYPE_FINDING_ITEM, NULL);

  g_return_val_if_fail (finding != NULL, self);
  self->finding.code = g_strdup (finding->code);
  self->finding.field = g_strdup (finding->field);
  self->finding.severity = finding->severity;
  self->finding.message = g_strdup (finding->message);
  return self;
}

const HsFinding *
hs_finding_item_get_finding (HsFindingItem *self)
{
  g_return_val_if_fail (HS_IS_FINDING_ITEM (self), NULL);
  return &self->finding;
}

static void
hs_finding_item_finalize (GObject *object)
{
  HsFindingItem *self = HS_FINDING_ITEM (object);

  g_free (self->finding.code);
  g_free (self->finding.field);
  g_free (self->finding.message);

  G_OBJECT_CLASS (hs_finding_item_parent_class)->finalize (object);
}

static void
hs_finding_item_class_init (HsFindingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_finding_item_finalize;
}

static void
hs_finding_item_init (HsFindingItem *self)
{
}

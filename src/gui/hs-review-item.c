/* hs-review-item.c — one application of a call in the Review page's ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-review-item.h"

struct _HsReviewItem
{
  GObject     parent_instance;
  HsReviewRow row;
};

G_DEFINE_FINAL_TYPE (HsReviewItem, hs_review_item, G_TYPE_OBJECT)

gboolean
hs_review_row_equal (const HsReviewRow *a,
                     const HsReviewRow *b)
{
  return a->project_id == b->project_id && a->rank == b->rank && a->score_bp == b->score_bp
         && a->reviewers == b->reviewers && a->general_unmet == b->general_unmet
         && a->under_minimum == b->under_minimum && a->proposal == b->proposal && a->applied == b->applied
         && a->decision == b->decision && a->granted == b->granted && a->status == b->status
         && g_strcmp0 (a->code, b->code) == 0 && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->notes, b->notes) == 0;
}

void
hs_review_row_clear (HsReviewRow *row)
{
  g_clear_pointer (&row->code, g_free);
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->notes, g_free);
}

static void
hs_review_item_finalize (GObject *object)
{
  HsReviewItem *self = HS_REVIEW_ITEM (object);

  hs_review_row_clear (&self->row);

  G_OBJECT_CLASS (hs_review_item_parent_class)->finalize (object);
}

static void
hs_review_item_class_init (HsReviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_review_item_finalize;
}

static void
hs_review_item_init (HsReviewItem *self)
{
}

HsReviewItem *
hs_review_item_new (HsReviewRow *row)
{
  HsReviewItem *self = g_object_new (HS_TYPE_REVIEW_ITEM, NULL);

  self->row = *row;
  row->code = row->name = row->notes = NULL;
  return self;
}

const HsReviewRow *
hs_review_item_get_row (HsReviewItem *self)
{
  g_return_val_if_fail (HS_IS_REVIEW_ITEM (self), NULL);

  return &self->row;
}

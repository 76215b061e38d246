/* hs-review-item.h — one application of a call in the Review page's ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/hs-enums.h"
#include "core/hs-portfolio-rules.h"

G_BEGIN_DECLS

/* What a row of the ranking shows: plain data, filled once per reload. */
typedef struct
{
  gint64               project_id;
  guint                rank;            /* 1, 2, … */
  char                *code;
  char                *name;
  gint32               score_bp;        /* -1: nothing scored */
  guint                reviewers;
  guint                general_unmet;
  guint                under_minimum;
  char                *notes;           /* the summary's notes, one a line; NULL: none */
  guint                proposal;        /* position in the steering group's proposal; 0: none */
  gint64               applied;         /* EU + state applied for, cents */
  HsPortfolioDecision  decision;
  gint64               granted;         /* cents, when decision is granted */
  HsStatus             status;
} HsReviewRow;

/* Every field the same. */
gboolean hs_review_row_equal (const HsReviewRow *a,
                              const HsReviewRow *b);
/* Frees the row's strings. */
void     hs_review_row_clear (HsReviewRow       *row);

#define HS_TYPE_REVIEW_ITEM (hs_review_item_get_type ())
G_DECLARE_FINAL_TYPE (HsReviewItem, hs_review_item, HS, REVIEW_ITEM, GObject)

/* Takes the strings of @row. */
HsReviewItem      *hs_review_item_new     (HsReviewRow        *row);
const HsReviewRow *hs_review_item_get_row (HsReviewItem       *self);

G_END_DECLS

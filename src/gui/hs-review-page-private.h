/* hs-review-page-private.h — what the tests and the benchmark look into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hs-review.h"
#include "hs-review-page.h"

G_BEGIN_DECLS

/* The ranking as shown: a GListModel of HsReviewItem. */
GListModel *_hs_review_page_get_model  (HsReviewPage *self);
/* TRUE while the rows of a new ranking after its first screenful are
 * still being added (in idles after the first frame). */
gboolean    _hs_review_page_is_loading (HsReviewPage *self);
/* The call's money as the bar shows it. */
void        _hs_review_page_get_money  (HsReviewPage *self,
                                        HsCallMoney  *out);
/* Reloads now (what "changed" does when the page is shown); FALSE with
 * @error when the repository failed. */
gboolean    _hs_review_page_reload     (HsReviewPage *self,
                                        GError      **error);
/* "calls", "view", "money", "stack"; NULL for any other. */
GtkWidget  *_hs_review_page_get_widget (HsReviewPage *self,
                                        const char   *name);
/* The window the page opened last, while it is open. */
GtkWindow  *_hs_review_page_get_dialog (HsReviewPage *self);

G_END_DECLS

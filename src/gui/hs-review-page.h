/* hs-review-page.h — a call's applications ranked by their assessment, with the call's money
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_REVIEW_PAGE (hs_review_page_get_type ())
G_DECLARE_FINAL_TYPE (HsReviewPage, hs_review_page, HS, REVIEW_PAGE, GtkWidget)

/* The Review page: a call chosen in a drop-down, its applications ranked
 * (hs_review_rank) in a column view, the call's money as a bar above. It
 * loads when first mapped and re-ranks on the repository's "changed" (at
 * once when shown, else when next shown), in a bounded number of queries
 * (hs_repository_list_call_reviews).
 *
 * Actions on the selected application: "review.assess" (the assessment
 * form; also Enter or a double click on a row), "review.decide" (grant),
 * "review.reject", "review.change" (a change application of a decided
 * project), "review.diff" (the approved version against the project now),
 * "review.letter" (the decision letter of a decided one, as PDF); on the
 * call: "review.propose" (the steering group's proposal).
 * Signal "toast" (string message, gboolean undoable), as HsCallsPage's. */
GtkWidget  *hs_review_page_new             (HsRepository *repository);
/* Shows the call @call_id (0: the first call). */
void        hs_review_page_set_call        (HsReviewPage *self,
                                            gint64        call_id);
gint64      hs_review_page_get_call        (HsReviewPage *self);
/* Selects the application @project_id when it is in the ranking. */
gboolean    hs_review_page_select_project  (HsReviewPage *self,
                                            gint64        project_id);
gint64      hs_review_page_get_selected    (HsReviewPage *self);
/* What the actions do, on the selected application; a window shown, or
 * NULL (nothing selected, or a refusal said with a toast). */
GtkWindow  *hs_review_page_assess          (HsReviewPage *self);
GtkWindow  *hs_review_page_decide          (HsReviewPage *self,
                                            gboolean      grant);
GtkWindow  *hs_review_page_change          (HsReviewPage *self);
GtkWindow  *hs_review_page_diff            (HsReviewPage *self);
/* The proposal dialog of the call shown; NULL when there is no call. */
GtkWindow  *hs_review_page_propose         (HsReviewPage *self);
/* The save dialog of the selected application's decision letter; NULL
 * (and a toast) when it is not decided. */
GtkFileChooserNative *hs_review_page_letter (HsReviewPage *self);

G_END_DECLS

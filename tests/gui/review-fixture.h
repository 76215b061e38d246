/* review-fixture.h — a call with applications and assessments, for the Review page's tests and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/hs-repository.h"

G_BEGIN_DECLS

/* Adds a call of the first agreement (open 1.1.2023–31.3.2023, @available
 * cents of EU and state money) and @n generated projects (seed @seed)
 * applying to it, submitted on 1.2.2023, in one action each. Their ids,
 * ascending, in @ids (GArray of gint64) when not NULL. */
gint64  hs_review_fixture_add_call (HsRepository  *repo,
                                    const char    *name,
                                    gint64         available,
                                    guint          n,
                                    guint32        seed,
                                    GArray       **ids);

/* @n_reviewers reviewers ("Reviewer 1", …) score @project_id: every general
 * criterion met, the horizontal ones and the content ones of objective 1.1
 * from (@base + reviewer + criterion) on each scale; one save_review. */
void    hs_review_fixture_score    (HsRepository  *repo,
                                    gint64         project_id,
                                    guint          n_reviewers,
                                    guint          base);

G_END_DECLS

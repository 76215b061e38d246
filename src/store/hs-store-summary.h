/* hs-store-summary.h — the project list, the summaries and the organisations' roles in SQL (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/hs-repository.h"
#include "core/hs-summary.h"
#include "hs-store-db.h"

G_BEGIN_DECLS

/* GArray of HsProjectSummary (clear func set), by code: one query. */
gboolean hs_store_get_project_summary   (HsStoreDb        *db,
                                        gint64            id,
                                        HsProjectSummary *out,
                                        GError          **error);
GArray *hs_store_list_project_summaries (HsStoreDb    *db,
                                         GError      **error);
/* GArray of HsPortfolioProject by id: two queries over the totals kept on
 * write (hs_repository_list_portfolio_projects). */
GArray *hs_store_list_portfolio_projects (HsStoreDb    *db,
                                          GError      **error);
/* GArray of HsSummaryRow (clear func set): one GROUP BY query over the
 * totals kept on write. agreement_id 0: all agreements. */
GArray *hs_store_summarise              (HsStoreDb    *db,
                                         HsDimension   by,
                                         gint64        agreement_id,
                                         GError      **error);

/* The EU part of EU and state support (HsSummaryRow.eu) of rows that
 * hs_store_summarise () made with the same @by and @agreement_id: one
 * GROUP BY query over the implementers, by the rule of hs-cofinancing.h.
 * Asked for separately, so that the views that do not show it (the
 * sidebar, the dashboard) do not pay for it. */
gboolean hs_store_add_eu_parts         (HsStoreDb    *db,
                                        HsDimension   by,
                                        gint64        agreement_id,
                                        GArray       *rows,
                                        GError      **error);
/* HsProjectSummary.eu and .instrument of every project of @summaries. */
gboolean hs_store_add_project_eu_parts (HsStoreDb    *db,
                                        GArray       *summaries,
                                        GError      **error);

/* GArray of HsOrganisationRole (hs-repository.h): every implementer, by
 * organisation id, then project code; one query. */
GArray *hs_store_list_organisation_roles (HsStoreDb    *db,
                                          GError      **error);

G_END_DECLS

/* hs-chart-source.h — chart data gathered from a repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only part of the charts layer that reads a repository, and only
 * through the core HsRepository interface: portfolio figures come from
 * hs_repository_summarise() (SQL aggregation in the store), the timeline
 * from the project summaries, the implementers from one pass over the
 * projects.
 */
#pragma once

#include "core/hs-repository.h"
#include "hs-chart-data.h"

G_BEGIN_DECLS

/* What a chart covers: everything (both 0), one agreement, or one focus area. */
typedef struct
{
  gint64 agreement_id;
  gint64 focus_area_id;
} HsChartScope;

/* "Whole portfolio", "Tampere", "Tampere — Digitaaliset terveysratkaisut".
 * HS_CHARTS_ERROR_NOT_FOUND for an unknown agreement or focus area. */
char        *hs_chart_scope_label            (HsRepository        *repo,
                                              const HsChartScope  *scope,
                                              GError             **error);
/* The timeline's today marker is the current date. */
HsChartData *hs_chart_data_from_repository   (HsRepository        *repo,
                                              const HsChartScope  *scope,
                                              HsChartKind          kind,
                                              HsLang               lang,
                                              GError             **error);

/* The same, with the EU and state support of @basis (hs-chart-data.h):
 * applied is hs_chart_data_from_repository (). Proposed and granted read
 * the projects' review figures (hs_repository_list_portfolio_projects ())
 * where the summaries have none: the financing chart shows the EU and state
 * support of the proposed projects (or granted by the decisions in force)
 * by focus area (in one focus area: by project); the budget-by-year chart
 * shows that support by year (in proportion to each project's costs of the
 * year, as the agreements' rules count it) against the indicative annual
 * allocation. Other kinds have no basis: HS_CHARTS_ERROR_FORMAT. */
HsChartData *hs_chart_data_from_repository_for_basis (HsRepository       *repo,
                                                      const HsChartScope *scope,
                                                      HsChartKind         kind,
                                                      HsChartBasis        basis,
                                                      HsLang              lang,
                                                      GError            **error);

G_END_DECLS

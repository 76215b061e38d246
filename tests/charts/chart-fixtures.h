/* chart-fixtures.h — hand-made chart data for the charts tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/hs-chart-data.h"

G_BEGIN_DECLS

/* Known data: every kind, with the long Finnish names of the real focus
 * areas. n_tasks for the timeline (deterministic). */
HsChartData *fixture_chart (HsChartKind kind,
                            HsLang      lang,
                            guint       n_tasks);

G_END_DECLS

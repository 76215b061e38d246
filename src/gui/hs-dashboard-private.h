/* hs-dashboard-private.h — what only the tests (and benchmarks) reach of hs-dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-dashboard.h"

G_BEGIN_DECLS

HsChartView  *_hs_dashboard_get_chart      (HsDashboard  *self,
                                           HsChartKind   kind);
double        _hs_dashboard_get_last_refresh_time (HsDashboard *self);
guint         _hs_dashboard_get_n_refreshes       (HsDashboard *self);

G_END_DECLS

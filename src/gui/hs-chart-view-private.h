/* hs-chart-view-private.h — what only the tests (and benchmarks) reach of hs-chart-view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-chart-view.h"

G_BEGIN_DECLS

char              *_hs_chart_view_describe_at (HsChartView    *self,
                                              double          x,
                                              double          y);
const char        *_hs_chart_view_get_description (HsChartView *self);
int                _hs_chart_view_get_focus_category (HsChartView *self);
HsChartKind        _hs_chart_view_get_kind  (HsChartView       *self);
double             _hs_chart_view_get_last_draw_time (HsChartView *self);
const HsChartLayout *_hs_chart_view_get_layout (HsChartView   *self);

G_END_DECLS

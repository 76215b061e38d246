/* hs-chart-view.h — a chart in the window: a thin widget over src/charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/hs-chart-data.h"

G_BEGIN_DECLS

#define HS_TYPE_CHART_VIEW (hs_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (HsChartView, hs_chart_view, HS, CHART_VIEW, GtkDrawingArea)

GtkWidget         *hs_chart_view_new       (HsChartKind        kind);
HsChartKind        hs_chart_view_get_kind  (HsChartView       *self);
void               hs_chart_view_set_kind  (HsChartView       *self,
                                            HsChartKind        kind);
/* Takes the data (of the view's kind), redraws, and updates the
 * accessible description with hs_chart_describe(). NULL clears. */
void               hs_chart_view_set_data  (HsChartView       *self,
                                            HsChartData       *data);
const HsChartData *hs_chart_view_get_data  (HsChartView       *self);
/* The "show as table" form of what is shown; NULL without data. */
HsChartTable      *hs_chart_view_get_table (HsChartView       *self);

G_END_DECLS

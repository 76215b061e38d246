/* hs-chart-view.h — a chart in the window: a thin widget over src/charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/hs-chart-data.h"
#include "charts/hs-chart-layout.h"

G_BEGIN_DECLS

#define HS_TYPE_CHART_VIEW (hs_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (HsChartView, hs_chart_view, HS, CHART_VIEW, GtkDrawingArea)

GtkWidget         *hs_chart_view_new       (HsChartKind        kind);
void               hs_chart_view_set_kind  (HsChartView       *self,
                                            HsChartKind        kind);
/* Takes the data (of the view's kind), redraws, and updates the
 * accessible description with hs_chart_describe(). NULL clears. */
void               hs_chart_view_set_data  (HsChartView       *self,
                                            HsChartData       *data);
const HsChartData *hs_chart_view_get_data  (HsChartView       *self);
/* The "show as table" form of what is shown; NULL without data. */
HsChartTable      *hs_chart_view_get_table (HsChartView       *self);
/* The text alternative set as the accessible description; NULL without data. */

/* The geometry at the widget's current size (what the pointer and the
 * keyboard hit-test); NULL before the widget has a size. */
/* The tooltip at a point (Pango markup): the exact values of the bar
 * there; NULL over no bar. */
/* Activates the bar at a point, as a click does: emits
 * "category-activated"; FALSE over no bar (or a merged one). */
gboolean           hs_chart_view_activate_at (HsChartView    *self,
                                              double          x,
                                              double          y);
/* The category (timeline: the task) the keyboard is on; -1 for none.
 * Enter or Space activates it. */
void               hs_chart_view_set_focus_category (HsChartView *self,
                                                     int          category);
/* Milliseconds the last draw took (layout when needed, and painting). */

G_END_DECLS

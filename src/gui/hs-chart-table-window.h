/* hs-chart-table-window.h — "Show as Table": a chart's numbers in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "charts/hs-chart-data.h"

G_BEGIN_DECLS

#define HS_TYPE_CHART_TABLE_WINDOW (hs_chart_table_window_get_type ())
G_DECLARE_FINAL_TYPE (HsChartTableWindow, hs_chart_table_window, HS, CHART_TABLE_WINDOW, AdwWindow)

/* The table form of the data (hs_chart_table), with the chart's title and
 * scope in the header bar and a Copy button (tab-separated text). */
HsChartTableWindow *hs_chart_table_window_new       (GtkWindow          *parent,
                                                     const HsChartData  *data);
/* The rows shown (GtkStringList items, one string per column), the totals
 * row included. */
/* How many columns the table has. */

G_END_DECLS

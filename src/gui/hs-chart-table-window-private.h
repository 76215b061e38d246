/* hs-chart-table-window-private.h — what only the tests (and benchmarks) reach of hs-chart-table-window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-chart-table-window.h"

G_BEGIN_DECLS

GListModel         *_hs_chart_table_window_get_rows  (HsChartTableWindow *self);

G_END_DECLS

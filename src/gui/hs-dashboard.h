/* hs-dashboard.h — the portfolio's charts beside the project list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/hs-chart-data.h"
#include "core/hs-repository.h"
#include "core/hs-summary.h"

#include "hs-chart-view.h"

G_BEGIN_DECLS

/* What an activated bar stands for, as the "dimension" of
 * HsDashboard::filter-requested: an HsDimension (HS_BY_FOCUS_AREA with a
 * focus area id, HS_BY_YEAR with "2024", HS_BY_STATUS with a status id
 * such as "ongoing"), or one of these. */
typedef enum
{
  HS_DASHBOARD_BY_ORGANISATION = HS_N_DIMENSIONS,  /* key: the organisation's name */
  HS_DASHBOARD_BY_PROJECT,                         /* key: the project's id */
} HsDashboardDimension;

#define HS_TYPE_DASHBOARD (hs_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (HsDashboard, hs_dashboard, HS, DASHBOARD, GtkWidget)

GtkWidget    *hs_dashboard_new            (HsRepository *repository);
/* Follows the repository's "changed" (redraws while mapped, otherwise
 * when next mapped); NULL shows nothing. */
void          hs_dashboard_set_repository (HsDashboard  *self,
                                           HsRepository *repository);
/* 0, 0: the whole portfolio; an agreement; or a focus area (its agreement
 * may be given or 0). */
void          hs_dashboard_set_scope      (HsDashboard  *self,
                                           gint64        agreement_id,
                                           gint64        focus_area_id);
/* What the EU and state support of the financing and budget-by-year
 * charts and of the support figure is: applied for (the default), proposed
 * or granted; the "basis" property and the dashboard.basis action ("s":
 * "applied", "proposed", "granted") are the same. */
void          hs_dashboard_set_basis      (HsDashboard  *self,
                                           HsChartBasis  basis);
HsChartBasis  hs_dashboard_get_basis      (HsDashboard  *self);
/* Gathers the five charts now (normally done lazily). */
gboolean      hs_dashboard_refresh        (HsDashboard  *self,
                                           GError      **error);
/* The view of one chart. */
/* Milliseconds the last refresh took to gather the five charts, and how
 * many refreshes there were (for tests and benchmarks). */

/* What the card menus do, without dialogs. In the light style, 1200 × 750
 * px (PNG) or 800 × 500 pt (SVG, PDF); the format comes from the suffix. */
gboolean      hs_dashboard_export_chart   (HsDashboard  *self,
                                           HsChartKind   kind,
                                           GFile        *file,
                                           GError      **error);
/* "Show as Table": a window with the chart's table form; returns it (shown). */
GtkWindow    *hs_dashboard_show_table     (HsDashboard  *self,
                                           HsChartKind   kind);

G_END_DECLS

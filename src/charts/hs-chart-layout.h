/* hs-chart-layout.h — where everything of a chart goes, without drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hs_chart_layout_new() turns data, style and size into plain geometry:
 * bars, lines and texts (already measured, ellipsized and wrapped by
 * pango). hs_chart_render() only paints it, so tests can check the
 * geometry (proportions, ticks, overlaps) without pixels, and hit-testing
 * in the widget uses the same rectangles. Nothing outside the canvas is
 * laid out: a timeline of 10 000 projects lays out only the rows that fit.
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "hs-chart-data.h"
#include "hs-chart-scale.h"
#include "hs-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} HsRect;

typedef enum
{
  HS_TEXT_TITLE,
  HS_TEXT_SUBTITLE,
  HS_TEXT_HEADING,     /* a panel's heading */
  HS_TEXT_LABEL,       /* a category (focus area, organisation, project) */
  HS_TEXT_TICK,        /* an axis value */
  HS_TEXT_LEGEND,
  HS_TEXT_VALUE,       /* a bar's total */
  HS_TEXT_NOTE,        /* "Showing 1–45 of 10 000 projects", "Today" */
  HS_N_TEXT_ROLES
} HsTextRole;

typedef struct
{
  char         *text;
  HsTextRole    role;
  double        x, y;          /* the pango layout's origin */
  HsRect        rect;          /* its logical extents on the canvas */
  PangoLayout  *layout;        /* measured, ready to show */
} HsChartText;

typedef enum
{
  HS_LINE_GRID,
  HS_LINE_AXIS,
  HS_LINE_REFERENCE,   /* budget by year: the indicative allocation */
  HS_LINE_TODAY,
} HsLineRole;

typedef struct
{
  double     x0, y0, x1, y1;
  HsLineRole role;
} HsChartLine;

typedef struct
{
  HsRect  rect;
  guint   colour;      /* HsPaletteColour */
  int     category;    /* index in data->categories (tasks for the timeline); -1: merged "other" */
  int     series;      /* series index; for the status chart 0 = projects, 1 = costs */
  gint64  value;       /* cents (or a count) */
} HsChartBar;

typedef enum
{
  HS_SWATCH_BOX,
  HS_SWATCH_LINE,
  HS_SWATCH_MARKER,
} HsSwatchShape;

typedef struct
{
  HsRect        rect;
  guint         colour;
  HsSwatchShape shape;
} HsChartSwatch;

typedef struct
{
  double        width, height;
  HsRect        plot;           /* the (first) value panel */
  HsChartScale  scale;          /* of the first value panel */
  HsRect        plot2;          /* status chart: the money panel */
  HsChartScale  scale2;
  GArray       *bars;           /* of HsChartBar */
  GArray       *texts;          /* of HsChartText */
  GArray       *lines;          /* of HsChartLine */
  GArray       *swatches;       /* of HsChartSwatch (legend) */
  guint         n_shown;        /* categories (or timeline rows) laid out */
  guint         n_merged;       /* categories folded into the last, "Other (n)" */
  guint         n_cut;          /* bars longer than the axis, drawn cut short ("Others") */
  guint         first_task;     /* timeline: index of the first row laid out */
  gboolean      too_small;      /* the canvas cannot hold the chart; only a note */
} HsChartLayout;

/* A pango context that measures the same on every surface (unhinted
 * metrics): for tests and for laying out without a cairo_t. */
PangoContext  *hs_chart_pango_context_new  (void);
/* The same settings for a context created from a cairo_t. */
void           hs_chart_configure_context  (PangoContext        *context);

HsChartLayout *hs_chart_layout_new   (const HsChartData  *data,
                                      const HsChartStyle *style,
                                      double              width,
                                      double              height,
                                      PangoContext       *context);
void           hs_chart_layout_free  (HsChartLayout      *layout);

/* Hit-testing on the same geometry: the bar under a point, or NULL. */
const HsChartBar *hs_chart_layout_bar_at (const HsChartLayout *layout,
                                          double               x,
                                          double               y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsChartLayout, hs_chart_layout_free)

G_END_DECLS

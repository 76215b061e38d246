/* hs-chart-render.h — one renderer for every surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget, PNG/SVG/PDF export, printing, the report and the tests all
 * call hs_chart_draw() (or lay out once and hs_chart_render() the layout).
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "hs-chart-data.h"
#include "hs-chart-layout.h"
#include "hs-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  HS_CHART_FORMAT_PNG,
  HS_CHART_FORMAT_SVG,
  HS_CHART_FORMAT_PDF,
} HsChartFormat;

/* A pango context for laying out on this cairo_t (see hs_chart_configure_context). */
PangoContext *hs_chart_create_context (cairo_t            *cr);
/* Paints a layout at the origin of cr: background, grid, bars, lines, texts. */
void      hs_chart_render             (cairo_t             *cr,
                                       const HsChartLayout *layout,
                                       const HsChartStyle  *style);
/* Lays out and paints in one go. */
void      hs_chart_draw               (cairo_t             *cr,
                                       const HsChartData   *data,
                                       const HsChartStyle  *style,
                                       double               width,
                                       double               height);

/* ".png", ".svg", ".pdf" (any case) → the format; else -1. */
int       hs_chart_format_from_path   (const char          *path);
/* Writes the chart to a file in the format its suffix names. Sizes are
 * pixels for PNG and points for SVG and PDF. HS_CHARTS_ERROR_FORMAT for an
 * unknown suffix, HS_CHARTS_ERROR_IO when writing fails. */
gboolean  hs_chart_export             (const HsChartData   *data,
                                       const HsChartStyle  *style,
                                       int                  width,
                                       int                  height,
                                       const char          *path,
                                       GError             **error);
/* The same into a stream (tests read SVG back from memory). */
gboolean  hs_chart_export_to_stream   (const HsChartData   *data,
                                       const HsChartStyle  *style,
                                       int                  width,
                                       int                  height,
                                       HsChartFormat        format,
                                       GOutputStream       *stream,
                                       GError             **error);
/* The time a document is written, in seconds since 1970 (UTC): the
 * SOURCE_DATE_EPOCH environment variable when it is set (reproducible
 * files, tests), else now. */
gint64    hs_chart_document_time      (void);
/* The metadata every PDF we write carries: title, creator, and the
 * creation and modification dates of hs_chart_document_time(). */
void      hs_chart_pdf_set_metadata   (cairo_surface_t     *surface,
                                       const char          *title);

G_END_DECLS

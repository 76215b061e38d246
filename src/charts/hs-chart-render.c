/* hs-chart-render.c — one renderer for every surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-charts"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "hs-chart-render.h"
#include "hs-charts-error.h"

PangoContext *
hs_chart_create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  hs_chart_configure_context (context);
  return context;
}

static void
set_colour (cairo_t        *cr,
            const HsColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

static void
stroke_line (cairo_t           *cr,
             const HsChartLine *line,
             double             width)
{
  /* one-pixel lines sit on pixel centres so they stay sharp */
  double off = ((int) width % 2 == 1) ? 0.5 : 0.0;
  double x0 = line->x0, x1 = line->x1, y0 = line->y0, y1 = line->y1;

  if (x0 == x1)
    x0 = x1 = floor (x0) + off;
  if (y0 == y1)
    y0 = y1 = floor (y0) + off;
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

void
hs_chart_render (cairo_t             *cr,
                 const HsChartLayout *layout,
                 const HsChartStyle  *style)
{
  static const double dash[] = { 6.0, 3.0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  set_colour (cr, &style->background);
  cairo_paint (cr);

  /* grid and axes under the bars */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const HsChartLine *line = &g_array_index (layout->lines, HsChartLine, i);
      if (line->role == HS_LINE_GRID)
        {
          set_colour (cr, &style->grid);
          stroke_line (cr, line, 1);
        }
      else if (line->role == HS_LINE_AXIS)
        {
          set_colour (cr, &style->axis);
          stroke_line (cr, line, 1);
        }
    }

  for (guint i = 0; i < layout->bars->len; i++)
    {
      const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
      set_colour (cr, &style->palette[bar->colour % HS_PALETTE_SIZE]);
      cairo_rectangle (cr, bar->rect.x, bar->rect.y, bar->rect.width, bar->rect.height);
      cairo_fill (cr);
    }
  /* a hairline of background between stacked segments */
  if (layout->bars->len > 0)
    {
      set_colour (cr, &style->background);
      cairo_set_line_width (cr, 1);
      for (guint i = 1; i < layout->bars->len; i++)
        {
          const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
          const HsChartBar *before = &g_array_index (layout->bars, HsChartBar, i - 1);
          if (bar->category == before->category && bar->series > before->series && bar->rect.y == before->rect.y)
            {
              cairo_move_to (cr, bar->rect.x, bar->rect.y);
              cairo_line_to (cr, bar->rect.x, bar->rect.y + bar->rect.height);
            }
        }
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->lines->len; i++)
    {
      const HsChartLine *line = &g_array_index (layout->lines, HsChartLine, i);
      if (line->role == HS_LINE_REFERENCE)
        {
          set_colour (cr, &style->palette[HS_PALETTE_VERMILLION]);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          stroke_line (cr, line, 2.5);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else if (line->role == HS_LINE_TODAY)
        {
          set_colour (cr, &style->palette[HS_PALETTE_VERMILLION]);
          stroke_line (cr, line, 2);
        }
    }

  for (guint i = 0; i < layout->swatches->len; i++)
    {
      const HsChartSwatch *sw = &g_array_index (layout->swatches, HsChartSwatch, i);
      set_colour (cr, &style->palette[sw->colour % HS_PALETTE_SIZE]);
      if (sw->shape == HS_SWATCH_LINE)
        {
          cairo_set_line_width (cr, 2.5);
          cairo_move_to (cr, sw->rect.x, sw->rect.y + sw->rect.height / 2);
          cairo_line_to (cr, sw->rect.x + sw->rect.width, sw->rect.y + sw->rect.height / 2);
          cairo_stroke (cr);
        }
      else
        {
          cairo_rectangle (cr, sw->rect.x, sw->rect.y, sw->rect.width, sw->rect.height);
          cairo_fill (cr);
        }
    }

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const HsChartText *t = &g_array_index (layout->texts, HsChartText, i);
      switch (t->role)
        {
        case HS_TEXT_SUBTITLE:
        case HS_TEXT_TICK:
        case HS_TEXT_NOTE:
          set_colour (cr, &style->muted);
          break;
        case HS_TEXT_TITLE:
        case HS_TEXT_HEADING:
        case HS_TEXT_LABEL:
        case HS_TEXT_LEGEND:
        case HS_TEXT_VALUE:
        case HS_N_TEXT_ROLES:
        default:
          set_colour (cr, &style->foreground);
          break;
        }
      cairo_move_to (cr, t->x, t->y);
      pango_cairo_show_layout (cr, t->layout);
    }
  cairo_restore (cr);
}

void
hs_chart_draw (cairo_t            *cr,
               const HsChartData  *data,
               const HsChartStyle *style,
               double              width,
               double              height)
{
  PangoContext *context = hs_chart_create_context (cr);
  g_autoptr(HsChartLayout) layout = hs_chart_layout_new (data, style, width, height, context);

  hs_chart_render (cr, layout, style);
  g_object_unref (context);
}

int
hs_chart_format_from_path (const char *path)
{
  g_autofree char *lower = NULL;

  if (path == NULL)
    return -1;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    return HS_CHART_FORMAT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return HS_CHART_FORMAT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return HS_CHART_FORMAT_PDF;
  return -1;
}

gint64
hs_chart_document_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 value;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64 / G_USEC_PER_SEC, &value, NULL))
    return (gint64) value;
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
hs_chart_pdf_set_metadata (cairo_surface_t *surface,
                           const char      *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (hs_chart_document_time ());
  g_autofree char *date = now != NULL ? g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  /* when the file was written (SOURCE_DATE_EPOCH pins it for reproducible
   * files and tests) */
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hankesalkku " PACKAGE_VERSION);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} StreamClosure;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  StreamClosure *c = closure;

  if (c->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (c->stream, bytes, length, NULL, NULL, &c->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
hs_chart_export_to_stream (const HsChartData  *data,
                           const HsChartStyle *style,
                           int                 width,
                           int                 height,
                           HsChartFormat       format,
                           GOutputStream      *stream,
                           GError            **error)
{
  StreamClosure closure = { stream, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (width < 1 || height < 1 || width > 20000 || height > 20000)
    {
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_FORMAT,
                   _("A chart must be from 1 to 20 000 units wide and high, not %d × %d"), width, height);
      return FALSE;
    }

  switch (format)
    {
    case HS_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case HS_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_stream, &closure, width, height);
      break;
    case HS_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, &closure, width, height);
      hs_chart_pdf_set_metadata (surface, data->title);
      break;
    default:
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_FORMAT, _("Unknown chart format"));
      return FALSE;
    }

  cr = cairo_create (surface);
  hs_chart_draw (cr, data, style, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (format == HS_CHART_FORMAT_PNG && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, &closure);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_IO, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
hs_chart_export (const HsChartData  *data,
                 const HsChartStyle *style,
                 int                 width,
                 int                 height,
                 const char         *path,
                 GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  int format = hs_chart_format_from_path (path);

  if (format < 0)
    {
      g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: the name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  /* written beside the target and renamed into place when complete */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    {
      if (error != NULL && *error != NULL && (*error)->domain != HS_CHARTS_ERROR)
        {
          GError *io = g_error_new (HS_CHARTS_ERROR, HS_CHARTS_ERROR_IO, "%s", (*error)->message);
          g_clear_error (error);
          g_propagate_error (error, io);
        }
      return FALSE;
    }
  if (!hs_chart_export_to_stream (data, style, width, height, format, G_OUTPUT_STREAM (stream), error))
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();
      /* closing a cancelled replace stream leaves the old file alone */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;
  return TRUE;
}

/* hs-chart-layout.c — where everything of a chart goes, without drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/hs-date.h"
#include "core/hs-money.h"
#include "hs-chart-layout.h"

/* ---- measuring ----------------------------------------------------------- */

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *fonts[HS_N_TEXT_ROLES];
  double                line_height[HS_N_TEXT_ROLES];
  HsChartLayout        *layout;
  const HsChartData    *data;
  const HsChartStyle   *style;
  double                margin;
  double                gap;
} Builder;

void
hs_chart_configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: a label measures the same on an image, a PDF and
   * the screen, so what was laid out is what is drawn. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  cairo_font_options_destroy (options);
}

PangoContext *
hs_chart_pango_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  hs_chart_configure_context (context);
  return context;
}

static void
builder_init (Builder            *b,
              HsChartLayout      *layout,
              const HsChartData  *data,
              const HsChartStyle *style,
              PangoContext       *context)
{
  static const struct { double scale; PangoWeight weight; } roles[HS_N_TEXT_ROLES] = {
    [HS_TEXT_TITLE] = { 1.3, PANGO_WEIGHT_BOLD },
    [HS_TEXT_SUBTITLE] = { 1.0, PANGO_WEIGHT_NORMAL },
    [HS_TEXT_HEADING] = { 1.0, PANGO_WEIGHT_BOLD },
    [HS_TEXT_LABEL] = { 1.0, PANGO_WEIGHT_NORMAL },
    [HS_TEXT_TICK] = { 0.9, PANGO_WEIGHT_NORMAL },
    [HS_TEXT_LEGEND] = { 1.0, PANGO_WEIGHT_NORMAL },
    [HS_TEXT_VALUE] = { 0.9, PANGO_WEIGHT_NORMAL },
    [HS_TEXT_NOTE] = { 0.9, PANGO_WEIGHT_NORMAL },
  };
  g_autoptr(PangoLayout) probe = pango_layout_new (context);

  memset (b, 0, sizeof *b);
  b->context = context;
  b->layout = layout;
  b->data = data;
  b->style = style;
  b->margin = round (style->font_size);
  b->gap = round (style->font_size * 0.5);

  pango_layout_set_text (probe, "Ag", -1);
  for (guint r = 0; r < HS_N_TEXT_ROLES; r++)
    {
      PangoRectangle logical;

      b->fonts[r] = pango_font_description_new ();
      pango_font_description_set_family (b->fonts[r], style->font_family);
      pango_font_description_set_absolute_size (b->fonts[r], style->font_size * roles[r].scale * PANGO_SCALE);
      pango_font_description_set_weight (b->fonts[r], roles[r].weight);
      pango_layout_set_font_description (probe, b->fonts[r]);
      pango_layout_get_extents (probe, NULL, &logical);
      b->line_height[r] = (double) logical.height / PANGO_SCALE;
    }
}

static void
builder_clear (Builder *b)
{
  for (guint r = 0; r < HS_N_TEXT_ROLES; r++)
    pango_font_description_free (b->fonts[r]);
}

/* A measured text at the origin; place it with text_place(). box_width <= 0:
 * one line at its natural width. Otherwise wrapped at word (or character)
 * boundaries into at most max_lines lines, and ellipsized. */
static HsChartText
text_measure (Builder        *b,
              HsTextRole      role,
              const char     *text,
              double          box_width,
              int             max_lines,
              PangoAlignment  align)
{
  HsChartText t = { 0 };
  PangoRectangle logical;

  t.text = g_strdup (text);
  t.role = role;
  t.layout = pango_layout_new (b->context);
  pango_layout_set_font_description (t.layout, b->fonts[role]);
  pango_layout_set_single_paragraph_mode (t.layout, TRUE);
  if (box_width > 0)
    {
      pango_layout_set_width (t.layout, (int) floor (box_width * PANGO_SCALE));
      pango_layout_set_wrap (t.layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (t.layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (t.layout, -MAX (max_lines, 1));
      pango_layout_set_alignment (t.layout, align);
    }
  pango_layout_set_text (t.layout, text, -1);
  pango_layout_get_extents (t.layout, NULL, &logical);
  t.rect.x = (double) logical.x / PANGO_SCALE;
  t.rect.y = (double) logical.y / PANGO_SCALE;
  t.rect.width = (double) logical.width / PANGO_SCALE;
  t.rect.height = (double) logical.height / PANGO_SCALE;
  return t;
}

static double
text_natural_width (Builder    *b,
                    HsTextRole  role,
                    const char *text)
{
  HsChartText t = text_measure (b, role, text, -1, 1, PANGO_ALIGN_LEFT);
  double width = t.rect.width;

  g_free (t.text);
  g_object_unref (t.layout);
  return width;
}

/* Moves a measured text so that its layout origin is (x, y) and appends it. */
static HsChartText *
text_add (Builder     *b,
          HsChartText *t,
          double       x,
          double       y)
{
  t->x = x;
  t->y = y;
  t->rect.x += x;
  t->rect.y += y;
  g_array_append_val (b->layout->texts, *t);
  return &g_array_index (b->layout->texts, HsChartText, b->layout->texts->len - 1);
}

static void
line_add (Builder    *b,
          double      x0,
          double      y0,
          double      x1,
          double      y1,
          HsLineRole  role)
{
  HsChartLine line = { x0, y0, x1, y1, role };
  g_array_append_val (b->layout->lines, line);
}

static void
bar_add (Builder *b,
         double   x,
         double   y,
         double   width,
         double   height,
         guint    colour,
         int      category,
         int      series,
         gint64   value)
{
  HsChartBar bar = { { x, y, width, height }, colour, category, series, value };
  g_array_append_val (b->layout->bars, bar);
}

/* ---- common parts -------------------------------------------------------- */

/* Title and scope, one line each; returns the y below them. */
static double
layout_header (Builder *b)
{
  double width = b->layout->width - 2 * b->margin;
  double y = b->margin;
  HsChartText t;

  t = text_measure (b, HS_TEXT_TITLE, b->data->title, width, 1, PANGO_ALIGN_LEFT);
  text_add (b, &t, b->margin, y);
  y += b->line_height[HS_TEXT_TITLE];
  t = text_measure (b, HS_TEXT_SUBTITLE, b->data->scope, width, 1, PANGO_ALIGN_LEFT);
  text_add (b, &t, b->margin, y);
  y += b->line_height[HS_TEXT_SUBTITLE] + b->gap;
  return y;
}

typedef struct
{
  const char    *label;
  guint          colour;
  HsSwatchShape  shape;
} LegendItem;

/* Items flow left to right and wrap; returns the y below the legend. */
static double
layout_legend (Builder    *b,
               LegendItem *items,
               guint       n_items,
               double      y)
{
  double left = b->margin;
  double right = b->layout->width - b->margin;
  double line_h = b->line_height[HS_TEXT_LEGEND];
  double swatch = round (line_h * 0.7);
  double x = left;

  if (n_items == 0)
    return y;

  for (guint i = 0; i < n_items; i++)
    {
      double room = right - left - swatch - b->gap;
      HsChartText t = text_measure (b, HS_TEXT_LEGEND, items[i].label, room, 1, PANGO_ALIGN_LEFT);
      double item_w = swatch + b->gap + t.rect.width;
      HsChartSwatch sw = { { 0 }, items[i].colour, items[i].shape };

      if (x > left && x + item_w > right)
        {
          x = left;
          y += line_h + b->gap / 2;
        }
      sw.rect.x = x;
      sw.rect.y = y + (line_h - swatch) / 2;
      sw.rect.width = swatch;
      sw.rect.height = swatch;
      g_array_append_val (b->layout->swatches, sw);
      text_add (b, &t, x + swatch + b->gap, y);
      x += item_w + 2 * b->margin;
    }
  return y + line_h + b->gap;
}

/* Only a note, in the middle: no data, or no room. */
static void
layout_note_only (Builder    *b,
                  const char *message,
                  gboolean    keep_header,
                  double      top)
{
  double width = b->layout->width - 2 * b->margin;
  HsChartText t;
  double y;

  if (!keep_header)
    {
      g_array_set_size (b->layout->texts, 0);
      g_array_set_size (b->layout->swatches, 0);
      top = 0;
    }
  b->layout->too_small = TRUE;
  if (width < 1)
    return;
  t = text_measure (b, HS_TEXT_NOTE, message, width, 2, PANGO_ALIGN_CENTER);
  y = MAX (top, b->layout->height / 2 - t.rect.height / 2);
  if (y + t.rect.height > b->layout->height)
    {
      /* not even the note fits */
      g_free (t.text);
      g_object_unref (t.layout);
      return;
    }
  text_add (b, &t, b->margin, y);
}

#define layout_empty(b, top) layout_note_only ((b), _("There is nothing to show yet."), TRUE, (top))
#define layout_too_small(b) layout_note_only ((b), _("The chart does not fit in this space."), FALSE, 0)

/* Ticks along a value axis of the given length: as many round intervals as
 * there is room for their labels. */
static void
choose_scale (Builder      *b,
              gint64        max_value,
              gint64        unit,
              gboolean      money,
              double        length,
              gboolean      horizontal,
              HsChartScale *scale)
{
  double per_tick = horizontal ? 0 : b->line_height[HS_TEXT_TICK] * 2.5;
  guint intervals;

  if (horizontal)
    {
      /* the widest label is the last one */
      hs_chart_scale_nice (max_value, 8, unit, scale);
    }
  intervals = (guint) MAX (1, MIN (10, floor (length / MAX (per_tick, 1))));
  for (int attempt = 0; attempt < 8; attempt++)
    {
      if (horizontal)
        {
          g_autofree char *label = money ? hs_chart_format_euros (scale->max, b->data->lang)
                                         : hs_chart_format_count (scale->max, b->data->lang);
          per_tick = text_natural_width (b, HS_TEXT_TICK, label) + 2 * b->margin;
          intervals = (guint) MAX (1, MIN (10, floor (length / per_tick)));
        }
      hs_chart_scale_nice (max_value, intervals, unit, scale);
      if (!horizontal || (scale->n_ticks - 1) * per_tick <= length || intervals == 1)
        break;
    }
}

static char *
format_value (const HsChartData *data,
              gint64             value,
              gboolean           money)
{
  /* whole euros on a chart; the table form has the cents */
  return money ? hs_chart_format_euros (value, data->lang) : hs_chart_format_count (value, data->lang);
}

/* ---- horizontal bars: financing, implementers, status -------------------- */

typedef struct
{
  const HsChartCategory *category;
  int                    index;        /* -1: merged */
} Row;

static void
layout_hbars (Builder *b)
{
  HsChartLayout *layout = b->layout;
  const HsChartData *data = b->data;
  gboolean status = data->kind == HS_CHART_STATUS;
  guint n = data->categories->len;
  LegendItem legend[HS_CHART_MAX_SERIES];
  guint n_legend = 0;
  double top, bottom, plot_h, band, thick, label_w = 0, label_line_h;
  double tick_h = b->line_height[HS_TEXT_TICK];
  double x_left = b->margin, x_right = layout->width - b->margin;
  guint max_rows, shown;
  int label_lines;
  g_autofree Row *rows = NULL;
  HsChartCategory other = { 0 };
  g_autofree char *other_label = NULL;
  gboolean panel_money[2] = { !status, TRUE };
  guint n_panels = status ? 2 : 1;
  HsRect *plots[2] = { &layout->plot, &layout->plot2 };
  HsChartScale *scales[2] = { &layout->scale, &layout->scale2 };
  double value_w[2] = { 0, 0 };
  gboolean with_note = FALSE;

  top = layout_header (b);
  if (!status && data->n_series > 1)
    {
      for (guint s = 0; s < data->n_series; s++)
        legend[n_legend++] = (LegendItem) { data->series[s], data->series_colour[s], HS_SWATCH_BOX };
      top = layout_legend (b, legend, n_legend, top);
    }
  if (status)
    top += b->line_height[HS_TEXT_HEADING] + b->gap;

  if (n == 0)
    {
      layout_empty (b, top);
      return;
    }

  bottom = layout->height - b->margin - tick_h - b->gap / 2;
  /* a note under the axis: for financing what the figures are, and where
   * a row sums others, what it holds */
  {
    gboolean merged = FALSE;
    double room = bottom - top;

    for (guint i = 0; i < n; i++)
      merged |= g_array_index (data->categories, HsChartCategory, i).members > 1;
    merged |= room > 0 && n > (guint) floor (room / (b->line_height[HS_TEXT_LABEL] + 4));
    with_note = data->kind == HS_CHART_FINANCING || (data->kind == HS_CHART_IMPLEMENTERS && merged);
  }
  if (with_note)
    bottom -= 2 * b->line_height[HS_TEXT_NOTE] + b->gap;
  plot_h = bottom - top;
  label_line_h = b->line_height[HS_TEXT_LABEL];
  max_rows = plot_h > 0 ? (guint) floor (plot_h / (label_line_h + 4)) : 0;
  if (max_rows < 1 || x_right - x_left < 12 * b->margin)
    {
      layout_too_small (b);
      return;
    }

  /* Categories that do not fit fold into one "Other (n)" row: the data
   * comes largest first. */
  shown = MIN (n, max_rows);
  rows = g_new0 (Row, shown);
  for (guint i = 0; i < shown; i++)
    rows[i] = (Row) { &g_array_index (data->categories, HsChartCategory, i), (int) i };
  if (shown < n)
    {
      guint members = 0;
      other.status = -1;
      for (guint i = shown - 1; i < n; i++)
        {
          const HsChartCategory *c = &g_array_index (data->categories, HsChartCategory, i);
          for (guint s = 0; s < data->n_series; s++)
            hs_money_add (other.values[s], c->values[s], &other.values[s]);
          hs_money_add (other.total, c->total, &other.total);
          other.projects += c->projects;
          members += c->members;
        }
      other_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Others (%u)", "Others (%u)", members), members);
      other.label = other_label;
      other.members = members;
      rows[shown - 1] = (Row) { &other, -1 };
      layout->n_merged = n - shown + 1;
    }
  layout->n_shown = shown;

  band = MIN (plot_h / shown, label_line_h * 3.2);
  thick = round (band * 0.68);
  label_lines = band >= 2 * label_line_h + 4 ? 2 : 1;

  /* the label column: as wide as the longest label, at most 38 % */
  for (guint i = 0; i < shown; i++)
    label_w = MAX (label_w, text_natural_width (b, HS_TEXT_LABEL, rows[i].category->label));
  label_w = ceil (MIN (label_w, (x_right - x_left) * 0.38));

  /* room for the total after each bar */
  for (guint p = 0; p < n_panels; p++)
    for (guint i = 0; i < shown; i++)
      {
        g_autofree char *text = format_value (data, panel_money[p] ? rows[i].category->total
                                                                   : (gint64) rows[i].category->projects,
                                              panel_money[p]);
        value_w[p] = MAX (value_w[p], text_natural_width (b, HS_TEXT_VALUE, text));
      }

  {
    double area_x = x_left + label_w + b->margin;
    double area_w = x_right - area_x;
    double panel_gap = 2 * b->margin;

    if (n_panels == 1)
      {
        layout->plot = (HsRect) { area_x, top, area_w - value_w[0] - b->gap, shown * band };
      }
    else
      {
        double w0 = (area_w - panel_gap) * 0.35;
        layout->plot = (HsRect) { area_x, top, w0 - value_w[0] - b->gap, shown * band };
        layout->plot2 = (HsRect) { area_x + w0 + panel_gap, top, area_w - w0 - panel_gap - value_w[1] - b->gap, shown * band };
      }
    if (layout->plot.width < 2 * b->margin || (n_panels == 2 && layout->plot2.width < 2 * b->margin))
      {
        layout_too_small (b);
        return;
      }
  }

  for (guint p = 0; p < n_panels; p++)
    {
      HsRect *plot = plots[p];
      HsChartScale *scale = scales[p];
      gint64 max_value = 0;
      double axis_y = plot->y + plot->height;
      double last_right = -G_MAXDOUBLE;

      /* The scale is the named rows': "Others" sums the whole tail and
       * would otherwise squeeze every named bar to a sliver. A longer
       * "Others" bar is cut short at the end of the axis (with a break),
       * its figure still the full sum. (The status panels keep theirs.) */
      for (guint i = 0; i < shown; i++)
        if (rows[i].category->members <= 1 || shown == 1 || status)
          max_value = MAX (max_value, panel_money[p] ? rows[i].category->total : (gint64) rows[i].category->projects);
      choose_scale (b, max_value, panel_money[p] ? 100 : 1, panel_money[p], plot->width, TRUE, scale);

      if (status)
        {
          HsChartText t = text_measure (b, HS_TEXT_HEADING, p == 0 ? _("Projects") : data->series[0],
                                        plot->width + value_w[p], 1, PANGO_ALIGN_LEFT);
          text_add (b, &t, plot->x, plot->y - b->line_height[HS_TEXT_HEADING] - b->gap);
        }

      /* grid and tick labels */
      for (guint k = 0; k < scale->n_ticks; k++)
        {
          gint64 value = scale->step * (gint64) k;
          double x = plot->x + plot->width * ((double) value / (double) scale->max);
          g_autofree char *label = panel_money[p] ? hs_chart_format_euros (value, data->lang)
                                                  : hs_chart_format_count (value, data->lang);
          HsChartText t = text_measure (b, HS_TEXT_TICK, label, -1, 1, PANGO_ALIGN_LEFT);
          double tx = x - t.rect.width / 2;

          line_add (b, x, plot->y, x, axis_y, k == 0 ? HS_LINE_AXIS : HS_LINE_GRID);
          tx = CLAMP (tx, 0, layout->width - t.rect.width);
          if (tx < last_right + b->gap)
            {
              /* cannot happen with the chosen scale; never overlap anyway */
              g_free (t.text);
              g_object_unref (t.layout);
              continue;
            }
          text_add (b, &t, tx, axis_y + b->gap / 2);
          last_right = tx + t.rect.width;
        }

      /* bars and totals */
      for (guint i = 0; i < shown; i++)
        {
          const HsChartCategory *c = rows[i].category;
          double y = plot->y + i * band + (band - thick) / 2;
          double x = plot->x;
          gint64 cumulative = 0;
          g_autofree char *total = NULL;
          HsChartText t;

          if (!panel_money[p])
            {
              double w = plot->width * ((double) c->projects / (double) scale->max);
              if (c->projects > 0)
                bar_add (b, x, y, w, thick, hs_chart_status_colour (c->status), rows[i].index, 0, c->projects);
              x += w;
            }
          else if (status)
            {
              double w = plot->width * ((double) c->total / (double) scale->max);
              if (c->total > 0)
                bar_add (b, x, y, w, thick, hs_chart_status_colour (c->status), rows[i].index, 1, c->total);
              x += w;
            }
          else
            {
              double end = plot->x + plot->width;
              gboolean cut = c->total > scale->max;
              /* the break in a cut bar: a gap of background near its end */
              double gap0 = end - 3 * b->gap, gap1 = end - 2 * b->gap;

              for (guint s = 0; s < data->n_series; s++)
                {
                  double x0 = plot->x + plot->width * ((double) cumulative / (double) scale->max);
                  double x1;
                  hs_money_add (cumulative, c->values[s], &cumulative);
                  x1 = plot->x + plot->width * ((double) cumulative / (double) scale->max);
                  if (c->values[s] <= 0)
                    continue;
                  if (!cut)
                    {
                      bar_add (b, x0, y, x1 - x0, thick, data->series_colour[s], rows[i].index, (int) s, c->values[s]);
                      continue;
                    }
                  x0 = MIN (x0, end);
                  x1 = MIN (x1, end);
                  if (x0 < gap0)
                    bar_add (b, x0, y, MIN (x1, gap0) - x0, thick, data->series_colour[s], rows[i].index, (int) s,
                             c->values[s]);
                  if (x1 > gap1)
                    bar_add (b, MAX (x0, gap1), y, x1 - MAX (x0, gap1), thick, data->series_colour[s], rows[i].index,
                             (int) s, c->values[s]);
                }
              x = MIN (plot->x + plot->width * ((double) cumulative / (double) scale->max), end);
              if (cut)
                layout->n_cut++;
            }

          total = format_value (data, panel_money[p] ? c->total : (gint64) c->projects, panel_money[p]);
          t = text_measure (b, HS_TEXT_VALUE, total, -1, 1, PANGO_ALIGN_LEFT);
          text_add (b, &t, x + b->gap, plot->y + i * band + (band - t.rect.height) / 2);
        }
    }

  /* category labels */
  for (guint i = 0; i < shown; i++)
    {
      HsChartText t = text_measure (b, HS_TEXT_LABEL, rows[i].category->label, label_w, label_lines, PANGO_ALIGN_LEFT);
      text_add (b, &t, x_left, layout->plot.y + i * band + (band - t.rect.height) / 2);
    }

  /* financing: what the figures are; and what "Others" holds */
  if (with_note)
    {
      g_autoptr(GString) note = g_string_new (data->kind != HS_CHART_FINANCING ? ""
                                              : data->basis == HS_CHART_BASIS_PROPOSED
                                              ? _("The figures at the bar ends are the EU and state support of the proposed projects.")
                                              : data->basis == HS_CHART_BASIS_GRANTED
                                              ? _("The figures at the bar ends are the EU and state support granted by the decisions in force.")
                                              : _("The figures at the bar ends are the total financing."));
      HsChartText t;

      if (layout->n_merged > 0)
        {
          g_autofree char *count = hs_chart_format_count (other.members, data->lang);
          if (note->len > 0)
            g_string_append_c (note, ' ');
          /* Translators: "Others (27): the 27 smallest together; the table lists each one." */
          g_string_append_printf (note, _("%s: the %s smallest together; the table lists each one."), other.label, count);
        }
      if (layout->n_cut > 0)
        {
          if (note->len > 0)
            g_string_append_c (note, ' ');
          g_string_append (note, layout->n_merged > 0 ? _("Its bar is cut short at the end of the axis.")
                                                      : _("A bar longer than the axis is cut short at its end."));
        }
      if (note->len == 0)
        return;
      t = text_measure (b, HS_TEXT_NOTE, note->str, x_right - x_left, 2, PANGO_ALIGN_LEFT);
      text_add (b, &t, x_left, layout->height - b->margin - t.rect.height);
    }
}

/* ---- vertical bars: budget by year ---------------------------------------- */

static void
layout_columns (Builder *b)
{
  HsChartLayout *layout = b->layout;
  const HsChartData *data = b->data;
  guint n = data->categories->len;
  LegendItem legend[2];
  guint n_legend = 0;
  double top, bottom, tick_w = 0, band, thick, value_h = b->line_height[HS_TEXT_VALUE];
  double tick_h = b->line_height[HS_TEXT_TICK];
  gint64 max_value = 0;
  guint label_every = 1;
  gboolean show_values = TRUE;
  double last_right = -G_MAXDOUBLE;

  top = layout_header (b);
  legend[n_legend++] = (LegendItem) { data->series[0], data->series_colour[0], HS_SWATCH_BOX };
  if (data->reference_label != NULL)
    legend[n_legend++] = (LegendItem) { data->reference_label, HS_PALETTE_VERMILLION, HS_SWATCH_LINE };
  top = layout_legend (b, legend, n_legend, top);
  if (data->reference_label == NULL && data->reference_note != NULL)
    {
      /* no line: say why, under the legend */
      HsChartText t = text_measure (b, HS_TEXT_NOTE, data->reference_note, layout->width - 2 * b->margin, 2,
                                    PANGO_ALIGN_LEFT);
      text_add (b, &t, b->margin, top - b->gap / 2);
      top += t.rect.height;
    }

  if (n == 0)
    {
      layout_empty (b, top);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const HsChartCategory *c = &g_array_index (data->categories, HsChartCategory, i);
      max_value = MAX (max_value, c->total);
      if (data->reference_label != NULL && c->has_reference)
        max_value = MAX (max_value, c->reference);
    }

  top += value_h + b->gap / 2;
  bottom = layout->height - b->margin - tick_h - b->gap / 2;
  if (bottom - top < 3 * tick_h || layout->width < 16 * b->margin)
    {
      layout_too_small (b);
      return;
    }
  choose_scale (b, max_value, 100, TRUE, bottom - top, FALSE, &layout->scale);
  for (guint k = 0; k < layout->scale.n_ticks; k++)
    {
      g_autofree char *label = hs_chart_format_euros (layout->scale.step * (gint64) k, data->lang);
      tick_w = MAX (tick_w, text_natural_width (b, HS_TEXT_TICK, label));
    }
  layout->plot = (HsRect) { b->margin + tick_w + b->gap, top, 0, bottom - top };
  layout->plot.width = layout->width - b->margin - layout->plot.x;
  layout->n_shown = n;

  for (guint k = 0; k < layout->scale.n_ticks; k++)
    {
      gint64 value = layout->scale.step * (gint64) k;
      double y = bottom - layout->plot.height * ((double) value / (double) layout->scale.max);
      g_autofree char *label = hs_chart_format_euros (value, data->lang);
      HsChartText t = text_measure (b, HS_TEXT_TICK, label, tick_w, 1, PANGO_ALIGN_RIGHT);

      line_add (b, layout->plot.x, y, layout->plot.x + layout->plot.width, y, k == 0 ? HS_LINE_AXIS : HS_LINE_GRID);
      text_add (b, &t, b->margin, y - t.rect.height / 2);
    }

  band = layout->plot.width / n;
  thick = round (band * 0.62);
  {
    /* year labels: every one that fits, evenly */
    double widest = 0;
    double widest_value = 0;
    for (guint i = 0; i < n; i++)
      {
        const HsChartCategory *c = &g_array_index (data->categories, HsChartCategory, i);
        g_autofree char *value = hs_chart_format_euros (c->total, data->lang);
        widest = MAX (widest, text_natural_width (b, HS_TEXT_TICK, c->label));
        widest_value = MAX (widest_value, text_natural_width (b, HS_TEXT_VALUE, value));
      }
    label_every = (guint) MAX (1, ceil ((widest + b->gap) / band));
    show_values = widest_value + b->gap <= band;
  }

  for (guint i = 0; i < n; i++)
    {
      const HsChartCategory *c = &g_array_index (data->categories, HsChartCategory, i);
      double cx = layout->plot.x + band * (i + 0.5);
      double h = layout->plot.height * ((double) c->total / (double) layout->scale.max);

      if (c->total > 0)
        bar_add (b, cx - thick / 2, bottom - h, thick, h, data->series_colour[0], (int) i, 0, c->total);
      if (show_values && c->total > 0)
        {
          g_autofree char *value = hs_chart_format_euros (c->total, data->lang);
          HsChartText t = text_measure (b, HS_TEXT_VALUE, value, -1, 1, PANGO_ALIGN_LEFT);
          text_add (b, &t, cx - t.rect.width / 2, bottom - h - b->gap / 2 - t.rect.height);
        }
      if (i % label_every == 0)
        {
          HsChartText t = text_measure (b, HS_TEXT_TICK, c->label, -1, 1, PANGO_ALIGN_LEFT);
          double tx = CLAMP (cx - t.rect.width / 2, 0, layout->width - t.rect.width);
          if (tx >= last_right + b->gap)
            {
              text_add (b, &t, tx, bottom + b->gap / 2);
              last_right = tx + t.rect.width;
            }
          else
            {
              g_free (t.text);
              g_object_unref (t.layout);
            }
        }
    }

  /* the allocation as a step line over the years that have one */
  if (data->reference_label != NULL)
    {
      gboolean previous = FALSE;
      double previous_y = 0;

      for (guint i = 0; i < n; i++)
        {
          const HsChartCategory *c = &g_array_index (data->categories, HsChartCategory, i);
          double x0 = layout->plot.x + band * i;
          double y;

          if (!c->has_reference)
            {
              previous = FALSE;
              continue;
            }
          y = bottom - layout->plot.height * ((double) c->reference / (double) layout->scale.max);
          if (previous && previous_y != y)
            line_add (b, x0, previous_y, x0, y, HS_LINE_REFERENCE);
          line_add (b, x0, y, x0 + band, y, HS_LINE_REFERENCE);
          previous = TRUE;
          previous_y = y;
        }
    }
}

/* ---- timeline ------------------------------------------------------------ */

static void
layout_timeline (Builder *b)
{
  HsChartLayout *layout = b->layout;
  const HsChartData *data = b->data;
  guint n = data->tasks->len;
  gboolean present[HS_N_STATUSES] = { FALSE };
  LegendItem legend[HS_N_STATUSES + 1];
  guint n_legend = 0;
  int first_year = G_MAXINT, last_year = G_MININT;
  double top, bottom, row_h, thick, label_w = 0, x_left = b->margin, x_right = layout->width - b->margin;
  double line_h = b->line_height[HS_TEXT_LABEL], tick_h = b->line_height[HS_TEXT_TICK];
  double year_w;
  guint first, visible;
  guint32 day0, day1;
  gboolean today_in_range = FALSE;
  GDate from, to;

  for (guint i = 0; i < n; i++)
    {
      const HsChartTask *task = &g_array_index (data->tasks, HsChartTask, i);
      if ((guint) task->status < HS_N_STATUSES)
        present[task->status] = TRUE;
      if (g_date_valid (&task->start))
        {
          first_year = MIN (first_year, g_date_get_year (&task->start));
          last_year = MAX (last_year, g_date_get_year (&task->start));
        }
      if (g_date_valid (&task->end))
        {
          first_year = MIN (first_year, g_date_get_year (&task->end));
          last_year = MAX (last_year, g_date_get_year (&task->end));
        }
    }

  top = layout_header (b);
  for (guint s = 0; s < HS_N_STATUSES; s++)
    if (present[s])
      legend[n_legend++] = (LegendItem) { hs_status_label (s), hs_chart_status_colour (s), HS_SWATCH_BOX };
  if (g_date_valid (&data->today))
    legend[n_legend++] = (LegendItem) { _("Today"), HS_PALETTE_VERMILLION, HS_SWATCH_LINE };
  top = layout_legend (b, legend, n_legend, top);

  if (n == 0 || first_year > last_year)
    {
      layout_empty (b, top);
      return;
    }

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, (GDateYear) first_year);
  g_date_set_dmy (&to, 1, G_DATE_JANUARY, (GDateYear) (last_year + 1));
  day0 = g_date_get_julian (&from);
  day1 = g_date_get_julian (&to);

  /* year labels above the rows, a note below them */
  top += tick_h + b->gap / 2;
  bottom = layout->height - b->margin - 2 * b->line_height[HS_TEXT_NOTE] - b->gap / 2;
  row_h = line_h + 4;
  if (bottom - top < row_h || x_right - x_left < 16 * b->margin)
    {
      layout_too_small (b);
      return;
    }
  first = MIN (data->first_task, n - 1);
  visible = MIN (n - first, (guint) floor ((bottom - top) / row_h));
  row_h = MIN ((bottom - top) / visible, line_h * 2.2);
  thick = round (row_h * 0.62);
  layout->first_task = first;
  layout->n_shown = visible;
  layout->n_merged = 0;

  /* only the rows that are seen are measured */
  for (guint i = first; i < first + visible; i++)
    {
      const HsChartTask *task = &g_array_index (data->tasks, HsChartTask, i);
      g_autofree char *label = g_strdup_printf ("%s %s", task->code, task->name);
      label_w = MAX (label_w, text_natural_width (b, HS_TEXT_LABEL, label));
    }
  label_w = ceil (MIN (label_w, (x_right - x_left) * 0.33));
  layout->plot = (HsRect) { x_left + label_w + b->margin, top, 0, visible * row_h };
  layout->plot.width = x_right - layout->plot.x;

  /* years: a grid line at each start, the label in the middle */
  year_w = layout->plot.width / (last_year - first_year + 1);
  {
    double widest = text_natural_width (b, HS_TEXT_TICK, "2029");
    guint every = (guint) MAX (1, ceil ((widest + b->gap) / year_w));
    for (int year = first_year; year <= last_year + 1; year++)
      {
        double x = layout->plot.x + year_w * (year - first_year);
        line_add (b, x, top, x, top + layout->plot.height, year == first_year ? HS_LINE_AXIS : HS_LINE_GRID);
        if (year <= last_year && (guint) (year - first_year) % every == 0)
          {
            char label[16];
            HsChartText t;
            g_snprintf (label, sizeof label, "%d", year);
            t = text_measure (b, HS_TEXT_TICK, label, -1, 1, PANGO_ALIGN_LEFT);
            text_add (b, &t, x + year_w / 2 - t.rect.width / 2, top - tick_h - b->gap / 2);
          }
      }
  }

  for (guint i = first; i < first + visible; i++)
    {
      const HsChartTask *task = &g_array_index (data->tasks, HsChartTask, i);
      double y = top + (i - first) * row_h;
      g_autofree char *label = g_strdup_printf ("%s %s", task->code, task->name);
      HsChartText t = text_measure (b, HS_TEXT_LABEL, label, label_w, 1, PANGO_ALIGN_LEFT);

      text_add (b, &t, x_left, y + (row_h - t.rect.height) / 2);
      if (g_date_valid (&task->start) && g_date_valid (&task->end) && g_date_compare (&task->start, &task->end) <= 0)
        {
          /* a project runs to the end of its last day */
          double x0 = layout->plot.x + layout->plot.width * (g_date_get_julian (&task->start) - day0) / (double) (day1 - day0);
          double x1 = layout->plot.x + layout->plot.width * (g_date_get_julian (&task->end) + 1 - day0) / (double) (day1 - day0);
          bar_add (b, x0, y + (row_h - thick) / 2, MAX (x1 - x0, 1), thick, hs_chart_status_colour (task->status),
                   (int) i, 0, 0);
        }
    }

  if (g_date_valid (&data->today))
    {
      guint32 today = g_date_get_julian (&data->today);
      if (today >= day0 && today < day1)
        {
          double x = layout->plot.x + layout->plot.width * (today - day0 + 0.5) / (double) (day1 - day0);
          line_add (b, x, top - tick_h - b->gap / 2, x, top + layout->plot.height, HS_LINE_TODAY);
          today_in_range = TRUE;
        }
    }

  {
    g_autofree char *a = hs_chart_format_count (first + 1, data->lang);
    g_autofree char *z = hs_chart_format_count (first + visible, data->lang);
    g_autofree char *all = hs_chart_format_count (n, data->lang);
    g_autofree char *note = NULL;
    g_autofree char *today_text = today_in_range ? hs_date_format (&data->today, data->lang) : NULL;
    g_autofree char *full = NULL;
    HsChartText t;

    if (data->tasks_by_today)
      {
        g_autofree char *current = hs_chart_format_count (data->n_current, data->lang);
        g_autofree char *rest = hs_chart_format_count (n - MIN (data->n_current, n), data->lang);
        g_autofree char *shown = visible < n
                                 /* Translators: the timeline shows rows %s to %s of %s projects */
                                 ? g_strdup_printf (_("Projects %s–%s of %s."), a, z, all)
                                 : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s project.", "%s projects.", n), all);
        /* Translators: after "Projects 1–13 of 63."; the numbers of projects in each group */
        note = g_strdup_printf (_("%s First the running and upcoming (%s), then those that have ended or were closed (%s)."),
                                shown, current, rest);
      }
    else if (visible < n)
      /* Translators: the timeline shows rows %s to %s of %s projects */
      note = g_strdup_printf (_("Projects %s–%s of %s, by start date."), a, z, all);
    else
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s project, by start date.", "%s projects, by start date.", n), all);
    if (today_text != NULL)
      {
        /* Translators: appended to the timeline's note */
        g_autofree char *today_note = g_strdup_printf (_("The vertical line “Today” is %s."), today_text);
        full = g_strdup_printf ("%s %s", note, today_note);
      }
    t = text_measure (b, HS_TEXT_NOTE, full != NULL ? full : note, x_right - x_left, 2, PANGO_ALIGN_LEFT);
    text_add (b, &t, x_left, layout->height - b->margin - t.rect.height);
  }
}

/* ---- entry points -------------------------------------------------------- */

static void
text_clear (gpointer data)
{
  HsChartText *t = data;
  g_clear_pointer (&t->text, g_free);
  g_clear_object (&t->layout);
}

HsChartLayout *
hs_chart_layout_new (const HsChartData  *data,
                     const HsChartStyle *style,
                     double              width,
                     double              height,
                     PangoContext       *context)
{
  HsChartLayout *layout;
  Builder b;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  layout = g_new0 (HsChartLayout, 1);
  layout->width = MAX (width, 1);
  layout->height = MAX (height, 1);
  layout->bars = g_array_new (FALSE, TRUE, sizeof (HsChartBar));
  layout->texts = g_array_new (FALSE, TRUE, sizeof (HsChartText));
  g_array_set_clear_func (layout->texts, text_clear);
  layout->lines = g_array_new (FALSE, TRUE, sizeof (HsChartLine));
  layout->swatches = g_array_new (FALSE, TRUE, sizeof (HsChartSwatch));

  builder_init (&b, layout, data, style, context);
  if (layout->width < 4 * b.margin || layout->height < 4 * b.margin)
    layout_too_small (&b);
  else
    switch (data->kind)
      {
      case HS_CHART_FINANCING:
      case HS_CHART_IMPLEMENTERS:
      case HS_CHART_STATUS:
        layout_hbars (&b);
        break;
      case HS_CHART_BUDGET_BY_YEAR:
        layout_columns (&b);
        break;
      case HS_CHART_TIMELINE:
        layout_timeline (&b);
        break;
      case HS_N_CHART_KINDS:
      default:
        g_assert_not_reached ();
      }
  if (layout->too_small)
    {
      g_array_set_size (layout->bars, 0);
      g_array_set_size (layout->lines, 0);
    }
  builder_clear (&b);
  return layout;
}

void
hs_chart_layout_free (HsChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->bars);
  g_array_unref (layout->texts);
  g_array_unref (layout->lines);
  g_array_unref (layout->swatches);
  g_free (layout);
}

const HsChartBar *
hs_chart_layout_bar_at (const HsChartLayout *layout,
                        double               x,
                        double               y)
{
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
      if (x >= bar->rect.x && x < bar->rect.x + bar->rect.width
          && y >= bar->rect.y && y < bar->rect.y + bar->rect.height)
        return bar;
    }
  return NULL;
}

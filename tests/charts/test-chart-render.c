/* test-chart-render.c — pixels, golden images, SVG and PDF output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HANKESALKKU_UPDATE_GOLDEN=1 rewrites the PNGs in tests/charts/golden; on a
 * mismatch the actual and a diff image are written into the build dir.
 */
#include "config.h"

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include <glib/gstdio.h>

#include "charts/hs-chart-render.h"
#include "charts/hs-charts-error.h"
#include "chart-fixtures.h"

static cairo_surface_t *
draw (const HsChartData *data,
      gboolean           dark,
      int                width,
      int                height,
      HsChartLayout    **layout_out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = hs_chart_create_context (cr);
  HsChartStyle style;
  HsChartLayout *layout;

  hs_chart_style_init (&style, dark);
  layout = hs_chart_layout_new (data, &style, width, height, context);
  hs_chart_render (cr, layout, &style);
  cairo_destroy (cr);
  g_object_unref (context);
  cairo_surface_flush (surface);
  if (layout_out != NULL)
    *layout_out = layout;
  else
    hs_chart_layout_free (layout);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + y * stride + x * 4);
}

static void
test_pixels (void)
{
  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autoptr(HsChartData) data = fixture_chart (HS_CHART_FINANCING, HS_LANG_FI, 0);
      HsChartLayout *layout = NULL;
      cairo_surface_t *surface = draw (data, dark, 800, 500, &layout);
      HsChartStyle style;

      hs_chart_style_init (&style, dark);
      for (guint i = 0; i < layout->bars->len; i++)
        {
          const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
          int cx = (int) (bar->rect.x + bar->rect.width / 2);
          int cy = (int) (bar->rect.y + bar->rect.height / 2);

          if (bar->rect.width < 4)
            continue;
          /* the middle of every segment has its source's colour */
          g_assert_cmphex (pixel (surface, cx, cy), ==, hs_colour_to_argb (&style.palette[data->series_colour[bar->series]]));
          /* just below the first bar, between the rows: background */
          if (bar->category == 0 && bar->series == 0)
            g_assert_cmphex (pixel (surface, cx, (int) (bar->rect.y + bar->rect.height + 3)), ==,
                             hs_colour_to_argb (&style.background));
        }
      /* the EU and state bar of the largest focus area is 60 % of its total */
      {
        const HsChartBar *eu = &g_array_index (layout->bars, HsChartBar, 0);
        int y = (int) (eu->rect.y + eu->rect.height / 2);
        int x_end = (int) (eu->rect.x + eu->rect.width);
        g_assert_cmphex (pixel (surface, x_end - 2, y), ==, hs_colour_to_argb (&style.palette[HS_PALETTE_BLUE]));
        g_assert_cmphex (pixel (surface, x_end + 2, y), ==, hs_colour_to_argb (&style.palette[HS_PALETTE_ORANGE]));
      }
      /* the corner is background */
      g_assert_cmphex (pixel (surface, 799, 499), ==, hs_colour_to_argb (&style.background));
      hs_chart_layout_free (layout);
      cairo_surface_destroy (surface);
    }
}

static void
test_ink_inside (void)
{
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    {
      g_autoptr(HsChartData) data = fixture_chart (k, HS_LANG_FI, 500);
      cairo_rectangle_t extents = { 0, 0, 640, 400 };
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (recording);
      HsChartStyle style;
      double x, y, w, h;

      hs_chart_style_init (&style, FALSE);
      hs_chart_draw (cr, data, &style, extents.width, extents.height);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (x + w, <=, extents.width);
      g_assert_cmpfloat (y + h, <=, extents.height);
      cairo_surface_destroy (recording);
    }
}

/* ---- golden images ------------------------------------------------------- */

static void
compare_golden (cairo_surface_t *actual,
                const char      *name)
{
  g_autofree char *golden_path = g_build_filename (g_getenv ("HANKESALKKU_SOURCE_ROOT") ? g_getenv ("HANKESALKKU_SOURCE_ROOT") : ".",
                                                   "tests", "charts", "golden", name, NULL);
  g_autofree char *out_dir = g_build_filename (g_getenv ("HANKESALKKU_BUILD_ROOT") ? g_getenv ("HANKESALKKU_BUILD_ROOT") : ".",
                                               "tests", "charts", NULL);
  cairo_surface_t *golden;
  int width, height, differing = 0, max_delta = 0;

  if (g_strcmp0 (g_getenv ("HANKESALKKU_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("rewrote %s", golden_path);
      return;
    }
  golden = cairo_image_surface_create_from_png (golden_path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read %s (HANKESALKKU_UPDATE_GOLDEN=1 writes it)", golden_path);
  width = cairo_image_surface_get_width (actual);
  height = cairo_image_surface_get_height (actual);
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==, height);

  {
    cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    for (int y = 0; y < height; y++)
      for (int x = 0; x < width; x++)
        {
          guint32 a = pixel (actual, x, y), b = pixel (golden, x, y);
          int delta = 0;
          for (int shift = 0; shift < 32; shift += 8)
            delta = MAX (delta, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
          max_delta = MAX (max_delta, delta);
          /* text antialiasing may differ a little between machines */
          if (delta > 48)
            differing++;
          *(guint32 *) (cairo_image_surface_get_data (diff) + y * cairo_image_surface_get_stride (diff) + x * 4) =
            delta > 48 ? 0xffff0000u : (delta > 0 ? 0xffffc0c0u : 0xffffffffu);
        }
    cairo_surface_mark_dirty (diff);
    /* at most 0.5 % of the pixels may differ clearly */
    if (differing > width * height / 200)
      {
        g_autofree char *actual_path = g_strdup_printf ("%s/actual-%s", out_dir, name);
        g_autofree char *diff_path = g_strdup_printf ("%s/diff-%s", out_dir, name);
        cairo_surface_write_to_png (actual, actual_path);
        cairo_surface_write_to_png (diff, diff_path);
        g_error ("%s: %d pixels differ (largest difference %d); see %s and %s", name, differing, max_delta,
                 actual_path, diff_path);
      }
    cairo_surface_destroy (diff);
  }
  cairo_surface_destroy (golden);
}

static void
test_golden (void)
{
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    for (guint dark = 0; dark <= 1; dark++)
      {
        g_autoptr(HsChartData) data = fixture_chart (k, HS_LANG_FI, 40);
        cairo_surface_t *surface = draw (data, dark, 640, 400, NULL);
        g_autofree char *name = g_strdup_printf ("%s-%s.png", hs_chart_kind_to_id (k), dark ? "dark" : "light");
        compare_golden (surface, name);
        cairo_surface_destroy (surface);
      }
}

/* ---- SVG read back with libxml2 ------------------------------------------ */

static guint
count_elements (xmlNode    *node,
                const char *name,
                const char *style_part)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name))
        {
          xmlChar *style = xmlGetProp (node, (const xmlChar *) "style");
          if (style_part == NULL || (style != NULL && strstr ((const char *) style, style_part) != NULL))
            n++;
          xmlFree (style);
        }
      n += count_elements (node->children, name, style_part);
    }
  return n;
}

/* <g> groups that hold glyphs directly: one per text run shown */
static guint
count_text_groups (xmlNode *node)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, "g"))
        {
          gboolean has_use = FALSE;
          for (xmlNode *child = node->children; child != NULL; child = child->next)
            if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "use"))
              has_use = TRUE;
          if (has_use)
            n++;
        }
      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, "defs"))
        continue;
      n += count_text_groups (node->children);
    }
  return n;
}

static void
append_percent (GString *out,
                double   value)
{
  g_autofree char *number = g_strdup_printf ("%f", value * 100);
  char *end = number + strlen (number) - 1;

  /* cairo trims trailing zeros: 44.705882, 0, 100 */
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append_printf (out, "%s%%", number);
}

static char *
svg_fill (const HsColour *colour)
{
  GString *out = g_string_new ("fill:rgb(");

  append_percent (out, colour->red);
  g_string_append_c (out, ',');
  append_percent (out, colour->green);
  g_string_append_c (out, ',');
  append_percent (out, colour->blue);
  g_string_append (out, ");");
  return g_string_free (out, FALSE);
}

static void
test_svg (void)
{
  g_autoptr(HsChartData) data = fixture_chart (HS_CHART_FINANCING, HS_LANG_FI, 0);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HsChartLayout) layout = NULL;
  PangoContext *context = hs_chart_pango_context_new ();
  HsChartStyle style;
  xmlDoc *doc;
  xmlNode *root;
  g_autofree char *eu_fill = NULL;
  guint eu_paths, texts, labels = 0;

  hs_chart_style_init (&style, FALSE);
  g_assert_true (hs_chart_export_to_stream (data, &style, 800, 500, HS_CHART_FORMAT_SVG, stream, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), "chart.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOENT * 0);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");

  layout = hs_chart_layout_new (data, &style, 800, 500, context);
  for (guint i = 0; i < layout->texts->len; i++)
    if (g_array_index (layout->texts, HsChartText, i).role == HS_TEXT_LABEL)
      labels++;
  g_assert_cmpuint (labels, ==, data->categories->len);

  /* one EU-and-state bar per focus area, plus its legend swatch */
  eu_fill = svg_fill (&style.palette[HS_PALETTE_BLUE]);
  eu_paths = count_elements (root, "path", eu_fill);
  g_assert_cmpuint (eu_paths, ==, data->categories->len + 1);
  /* every text of the layout is drawn: title, scope, legend, labels, values, ticks */
  texts = count_text_groups (root);
  g_assert_cmpuint (texts, >=, layout->texts->len);
  g_assert_cmpuint (texts, <=, layout->texts->len + labels);   /* two-line labels may be two runs */

  xmlFreeDoc (doc);
  g_object_unref (context);
}

static void
test_export_files (void)
{
  g_autoptr(HsChartData) data = fixture_chart (HS_CHART_STATUS, HS_LANG_FI, 0);
  g_autofree char *dir = g_dir_make_tmp ("hs-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "status.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "status.PDF", NULL);
  g_autofree char *bad = g_build_filename (dir, "status.gif", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdf_text = NULL;
  g_autoptr(GError) error = NULL;
  HsChartStyle style;
  cairo_surface_t *surface;
  int status;

  hs_chart_style_init (&style, FALSE);
  g_assert_true (hs_chart_export (data, &style, 900, 500, png, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);
  cairo_surface_destroy (surface);

  g_assert_true (hs_chart_export (data, &style, 900, 500, pdf, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &pdf_text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (strstr (pdf_text, "Projects and money by status") != NULL);
    /* the largest status total, whole euros with a no-break space */
    g_assert_true (strstr (pdf_text, "2\u00a0000\u00a0000\u00a0€") != NULL || strstr (pdf_text, "2 000 000 €") != NULL);
  }

  g_assert_false (hs_chart_export (data, &style, 900, 500, bad, &error));
  g_assert_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_FORMAT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
  (void) text;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/render/pixels", test_pixels);
  g_test_add_func ("/charts/render/ink-inside", test_ink_inside);
  g_test_add_func ("/charts/render/golden", test_golden);
  g_test_add_func ("/charts/render/svg", test_svg);
  g_test_add_func ("/charts/render/export-files", test_export_files);

  return g_test_run ();
}

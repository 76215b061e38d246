/* dump-charts.c — writes every fixture chart as PNG for looking at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dump-charts DIR: light and dark, large and small, every kind.
 */
#include "config.h"

#include "charts/hs-chart-render.h"
#include "chart-fixtures.h"

int
main (int argc, char **argv)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 800, 500 }, { 420, 300 } };
  const char *dir = argc > 1 ? argv[1] : ".";

  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    for (guint dark = 0; dark <= 1; dark++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(HsChartData) data = fixture_chart (k, HS_LANG_FI, 120);
          g_autoptr(GError) error = NULL;
          g_autofree char *name = g_strdup_printf ("%s/%s-%s-%d.png", dir, hs_chart_kind_to_id (k),
                                                   dark ? "dark" : "light", sizes[s][0]);
          HsChartStyle style;

          hs_chart_style_init (&style, dark);
          if (!hs_chart_export (data, &style, sizes[s][0], sizes[s][1], name, &error))
            g_printerr ("%s: %s\n", name, error->message);
        }
  return 0;
}

/* bench-charts.c — how fast the charts and the report are (meson benchmark "charts")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-charts [DB] [RUNS]: with the 10 000-project portfolio in DB (made by
 * `hankesalkku-cli generate --projects 10000 --seed 1`), or, when no
 * database is given or it cannot be opened, the same generator's 10 000
 * projects in memory. Times, for each chart: gathering its data, and
 * drawing it at 1920×1080 on an image surface (layout and painting, the
 * median of RUNS); then the summary report and the report with a page per
 * project. Targets: a chart under 10 ms once aggregated, the summary
 * report under 1 s.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "charts/hs-chart-render.h"
#include "charts/hs-chart-source.h"
#include "charts/hs-report.h"
#include "store/hs-sqlite-repository.h"
#include "fake-repository.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(HsRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  const char *db = argc > 1 && argv[1][0] != '\0' ? argv[1] : NULL;
  int runs = argc > 2 ? atoi (argv[2]) : 20;
  HsChartScope scope = { 0, 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  HsChartStyle style;
  gboolean all_fast = TRUE;
  double t0;

  g_setenv ("LANGUAGE", "fi", TRUE);
  if (db != NULL)
    {
      HsSqliteRepository *sqlite = hs_sqlite_repository_open (db, HS_OPEN_READ_ONLY, &error);
      if (sqlite == NULL)
        {
          printf ("# cannot open %s (%s): using the generator in memory\n", db, error->message);
          g_clear_error (&error);
        }
      else
        repo = HS_REPOSITORY (sqlite);
    }
  if (repo == NULL)
    {
      t0 = now_ms ();
      repo = HS_REPOSITORY (fake_repository_new (10000, 1));
      printf ("# 10 000 generated projects in memory (%.0f ms)\n", now_ms () - t0);
    }
  else
    printf ("# database %s\n", db);

  hs_chart_style_init (&style, FALSE);
  printf ("%-16s %12s %14s %14s %10s\n", "chart", "gather ms", "draw ms (med)", "draw ms (max)", "target");
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    {
      g_autoptr(HsChartData) data = NULL;
      g_autofree double *times = g_new0 (double, MAX (runs, 1));
      double gather;

      t0 = now_ms ();
      data = hs_chart_data_from_repository (repo, &scope, k, HS_LANG_FI, &error);
      gather = now_ms () - t0;
      if (data == NULL)
        {
          fprintf (stderr, "%s: %s\n", hs_chart_kind_to_id (k), error->message);
          return 1;
        }
      for (int r = 0; r < MAX (runs, 1); r++)
        {
          cairo_t *cr = cairo_create (surface);
          t0 = now_ms ();
          hs_chart_draw (cr, data, &style, 1920, 1080);
          cairo_surface_flush (surface);
          times[r] = now_ms () - t0;
          cairo_destroy (cr);
        }
      qsort (times, MAX (runs, 1), sizeof (double), compare_double);
      printf ("%-16s %12.1f %14.2f %14.2f %10s\n", hs_chart_kind_to_id (k), gather, times[MAX (runs, 1) / 2],
              times[MAX (runs, 1) - 1], times[MAX (runs, 1) / 2] < 10 ? "< 10 ms" : "MISSED");
      all_fast = all_fast && times[MAX (runs, 1) / 2] < 10;
    }
  cairo_surface_destroy (surface);

  for (int with_projects = 0; with_projects <= 1; with_projects++)
    {
      HsReportOptions options = { { 0, 0 }, with_projects, HS_LANG_FI };
      g_autoptr(HsReportData) data = NULL;
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "hs-bench-report.pdf", NULL);
      double gathered, written;
      guint pages = 0;

      g_date_clear (&options.date, 1);
      t0 = now_ms ();
      data = hs_report_data_from_repository (repo, &options, &error);
      gathered = now_ms () - t0;
      if (data == NULL || !hs_report_write_pdf (data, path, &pages, &error))
        {
          fprintf (stderr, "report: %s\n", error->message);
          return 1;
        }
      written = now_ms () - t0;
      printf ("report %-22s %5u pages: %8.0f ms (gathering %.0f ms, pages %.0f ms)%s\n",
              with_projects ? "with project pages" : "summary", pages, written, gathered, written - gathered,
              !with_projects ? (written < 1000 ? "  target < 1 s: met" : "  target < 1 s: MISSED") : "");
      g_unlink (path);
    }
  return all_fast ? 0 : 1;
}

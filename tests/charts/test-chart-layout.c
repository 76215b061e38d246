/* test-chart-layout.c — chart geometry without drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bars are as long as their values (to half a pixel), ticks are round,
 * labels never overlap and never leave the canvas, long Finnish names are
 * wrapped or ellipsized, and a timeline of 10 000 projects lays out only
 * what fits.
 */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "charts/hs-chart-layout.h"
#include "charts/hs-chart-scale.h"
#include "chart-fixtures.h"

static PangoContext *context;

static HsChartLayout *
lay_out (const HsChartData *data,
         gboolean           dark,
         double             width,
         double             height)
{
  HsChartStyle style;

  hs_chart_style_init (&style, dark);
  return hs_chart_layout_new (data, &style, width, height, context);
}

static gboolean
is_round_step (gint64 step,
               gint64 unit)
{
  if (step % unit != 0)
    return FALSE;
  step /= unit;
  while (step % 10 == 0)
    step /= 10;
  return step == 1 || step == 2 || step == 5;
}

static void
test_scale_nice (void)
{
  HsChartScale scale;

  hs_chart_scale_nice (310000000, 8, 100, &scale);     /* 3 100 000 € */
  g_assert_cmpint (scale.step, ==, 50000000);
  g_assert_cmpint (scale.max, ==, 350000000);
  g_assert_cmpuint (scale.n_ticks, ==, 8);

  hs_chart_scale_nice (0, 5, 100, &scale);
  g_assert_cmpint (scale.step, ==, 100);
  g_assert_cmpint (scale.max, ==, 100);

  hs_chart_scale_nice (15, 5, 1, &scale);
  g_assert_cmpint (scale.step, ==, 5);
  g_assert_cmpint (scale.max, ==, 15);

  hs_chart_scale_nice (1, 10, 100, &scale);            /* one cent: one euro */
  g_assert_cmpint (scale.step, ==, 100);

  /* every step is round and the axis covers the value, for many values */
  for (gint64 v = 1; v < G_GINT64_CONSTANT (100000000000000); v = v * 3 + 7)
    for (guint n = 1; n <= 10; n++)
      {
        hs_chart_scale_nice (v, n, 100, &scale);
        g_assert_true (is_round_step (scale.step, 100));
        g_assert_cmpint (scale.max, >=, v);
        g_assert_cmpint (scale.max % scale.step, ==, 0);
        g_assert_cmpuint (scale.n_ticks - 1, <=, MAX (n, 1));
      }
}

static void
test_format (void)
{
  g_autofree char *fi = hs_chart_format_euros (200000000, HS_LANG_FI);
  g_autofree char *sv = hs_chart_format_euros (200000000, HS_LANG_SV);
  g_autofree char *en = hs_chart_format_euros (200000000, HS_LANG_EN);
  g_autofree char *rounded = hs_chart_format_euros (150, HS_LANG_FI);
  g_autofree char *count = hs_chart_format_count (10000, HS_LANG_FI);
  g_autofree char *count_en = hs_chart_format_count (10000, HS_LANG_EN);

  g_assert_cmpstr (fi, ==, "2\u00a0000\u00a0000\u00a0€");
  g_assert_cmpstr (sv, ==, "2\u00a0000\u00a0000\u00a0€");
  g_assert_cmpstr (en, ==, "€2,000,000");
  g_assert_cmpstr (rounded, ==, "2\u00a0€");
  g_assert_cmpstr (count, ==, "10\u00a0000");
  g_assert_cmpstr (count_en, ==, "10,000");
}

static gboolean
rects_overlap (const HsRect *a,
               const HsRect *b)
{
  const double tolerance = 0.5;

  return a->x + a->width > b->x + tolerance && b->x + b->width > a->x + tolerance
         && a->y + a->height > b->y + tolerance && b->y + b->height > a->y + tolerance;
}

static void
assert_inside (const HsRect *r,
               double        width,
               double        height,
               const char   *what)
{
  if (r->x < -0.5 || r->y < -0.5 || r->x + r->width > width + 0.5 || r->y + r->height > height + 0.5)
    g_error ("%s (%.1f,%.1f %.1f×%.1f) leaves the %.0f×%.0f canvas", what, r->x, r->y, r->width, r->height,
             width, height);
}

/* What every layout promises, whatever the data and size. */
static void
assert_clean (const HsChartLayout *layout,
              const char          *name)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const HsChartText *a = &g_array_index (layout->texts, HsChartText, i);

      assert_inside (&a->rect, layout->width, layout->height, a->text);
      for (guint j = i + 1; j < layout->texts->len; j++)
        {
          const HsChartText *b = &g_array_index (layout->texts, HsChartText, j);
          if (rects_overlap (&a->rect, &b->rect))
            g_error ("%s: “%s” overlaps “%s”", name, a->text, b->text);
        }
      for (guint j = 0; j < layout->bars->len; j++)
        {
          const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, j);
          if (rects_overlap (&a->rect, &bar->rect))
            g_error ("%s: “%s” lies on a bar", name, a->text);
        }
      for (guint j = 0; j < layout->swatches->len; j++)
        {
          const HsChartSwatch *sw = &g_array_index (layout->swatches, HsChartSwatch, j);
          if (rects_overlap (&a->rect, &sw->rect))
            g_error ("%s: “%s” lies on a legend swatch", name, a->text);
        }
    }
  for (guint j = 0; j < layout->bars->len; j++)
    assert_inside (&g_array_index (layout->bars, HsChartBar, j).rect, layout->width, layout->height, "a bar");
}

static void
test_no_overlaps (void)
{
  static const double sizes[][2] = {
    { 1920, 1080 }, { 1280, 720 }, { 800, 500 }, { 640, 480 }, { 420, 300 }, { 300, 200 }, { 200, 120 }, { 60, 40 }, { 10, 10 },
  };
  static const HsLang langs[] = { HS_LANG_FI, HS_LANG_EN, HS_LANG_SV };

  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint dark = 0; dark <= 1; dark++)
          {
            g_autoptr(HsChartData) data = fixture_chart (k, langs[l], 300);
            g_autoptr(HsChartLayout) layout = lay_out (data, dark, sizes[s][0], sizes[s][1]);
            g_autofree char *name = g_strdup_printf ("%s %s %.0f×%.0f", hs_chart_kind_to_id (k),
                                                     hs_lang_to_string (langs[l]), sizes[s][0], sizes[s][1]);
            assert_clean (layout, name);
            if (sizes[s][0] >= 640)
              g_assert_false (layout->too_small);
          }
}

static double
bar_x_of (const HsChartLayout *layout,
          gint64               value)
{
  return layout->plot.x + layout->plot.width * ((double) value / (double) layout->scale.max);
}

static void
test_bars_proportional (void)
{
  static const double sizes[][2] = { { 1920, 1080 }, { 800, 500 }, { 500, 400 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(HsChartData) data = fixture_chart (HS_CHART_FINANCING, HS_LANG_FI, 0);
      g_autoptr(HsChartLayout) layout = lay_out (data, FALSE, sizes[s][0], sizes[s][1]);
      guint seen = 0;

      g_assert_true (is_round_step (layout->scale.step, 100));
      g_assert_cmpint (layout->scale.max, >=, g_array_index (data->categories, HsChartCategory, 0).total);
      g_assert_cmpuint (layout->n_shown, ==, data->categories->len);

      for (guint c = 0; c < data->categories->len; c++)
        {
          const HsChartCategory *category = &g_array_index (data->categories, HsChartCategory, c);
          gint64 cumulative = 0;
          double y = -1;

          for (guint s2 = 0; s2 < data->n_series; s2++)
            {
              const HsChartBar *bar = NULL;
              for (guint i = 0; i < layout->bars->len; i++)
                {
                  const HsChartBar *b = &g_array_index (layout->bars, HsChartBar, i);
                  if (b->category == (int) c && b->series == (int) s2)
                    bar = b;
                }
              if (category->values[s2] == 0)
                {
                  g_assert_null (bar);
                  continue;
                }
              g_assert_nonnull (bar);
              seen++;
              /* starts where the previous segment ended, as long as its value */
              g_assert_cmpfloat_with_epsilon (bar->rect.x, bar_x_of (layout, cumulative), 0.5);
              cumulative += category->values[s2];
              g_assert_cmpfloat_with_epsilon (bar->rect.x + bar->rect.width, bar_x_of (layout, cumulative), 0.5);
              g_assert_cmpfloat_with_epsilon (bar->rect.width,
                                              layout->plot.width * category->values[s2] / (double) layout->scale.max, 0.5);
              if (y >= 0)
                g_assert_cmpfloat (bar->rect.y, ==, y);
              y = bar->rect.y;
            }
          /* and the whole bar is its total */
          g_assert_cmpint (cumulative, ==, category->total);
        }
      g_assert_cmpuint (seen, ==, layout->bars->len);

      /* gridlines at the round ticks, tick labels under them */
      {
        guint grid = 0;
        for (guint i = 0; i < layout->lines->len; i++)
          {
            const HsChartLine *line = &g_array_index (layout->lines, HsChartLine, i);
            if (line->role == HS_LINE_GRID || line->role == HS_LINE_AXIS)
              {
                g_assert_cmpfloat_with_epsilon (line->x0, bar_x_of (layout, layout->scale.step * (gint64) grid), 0.01);
                grid++;
              }
          }
        g_assert_cmpuint (grid, ==, layout->scale.n_ticks);
      }
    }
}

static void
test_columns_proportional (void)
{
  g_autoptr(HsChartData) data = fixture_chart (HS_CHART_BUDGET_BY_YEAR, HS_LANG_FI, 0);
  g_autoptr(HsChartLayout) layout = lay_out (data, FALSE, 1200, 700);
  double bottom = layout->plot.y + layout->plot.height;
  guint reference_lines = 0;

  for (guint i = 0; i < layout->bars->len; i++)
    {
      const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
      const HsChartCategory *c = &g_array_index (data->categories, HsChartCategory, bar->category);
      g_assert_cmpfloat_with_epsilon (bar->rect.height, layout->plot.height * c->total / (double) layout->scale.max, 0.5);
      g_assert_cmpfloat_with_epsilon (bar->rect.y + bar->rect.height, bottom, 0.5);
    }
  /* 2029 has no costs: no bar */
  g_assert_cmpuint (layout->bars->len, ==, 8);
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const HsChartLine *line = &g_array_index (layout->lines, HsChartLine, i);
      if (line->role == HS_LINE_REFERENCE)
        {
          reference_lines++;
          g_assert_cmpfloat_with_epsilon (line->y0, bottom - layout->plot.height * 150000000.0 / layout->scale.max, 0.5);
        }
    }
  /* 2021–2027 have an allocation */
  g_assert_cmpuint (reference_lines, ==, 7);
  g_assert_true (is_round_step (layout->scale.step, 100));
}

static void
test_long_names (void)
{
  g_autoptr(HsChartData) data = hs_chart_data_new (HS_CHART_FINANCING, HS_LANG_FI);
  g_autoptr(GString) long_name = g_string_new (NULL);
  gint64 values[5] = { 100000, 50000, 0, 0, 0 };
  g_autoptr(HsChartLayout) layout = NULL;
  gboolean ellipsized = FALSE;

  for (int i = 0; i < 12; i++)
    g_string_append (long_name, "Tutkimus- ja innovaatioekosysteemin kehittämisohjelma ");
  hs_chart_data_add_category (data, long_name->str, values, 1);
  hs_chart_data_add_category (data, "Lyhyt", values, 1);
  hs_chart_data_add_category (data, "Yhdyskuntavesienkiertotaloudenkehittämisalustahankekokonaisuus", values, 1);
  layout = lay_out (data, FALSE, 800, 400);
  assert_clean (layout, "long names");

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const HsChartText *t = &g_array_index (layout->texts, HsChartText, i);
      if (t->role != HS_TEXT_LABEL)
        continue;
      /* at most 38 % of the width, and left of the bars */
      g_assert_cmpfloat (t->rect.width, <=, 800 * 0.38 + 1);
      g_assert_cmpfloat (t->rect.x + t->rect.width, <=, layout->plot.x);
      if (g_str_equal (t->text, long_name->str))
        {
          ellipsized = pango_layout_is_ellipsized (t->layout);
          /* wrapped into two lines */
          g_assert_cmpint (pango_layout_get_line_count (t->layout), ==, 2);
        }
      if (g_str_equal (t->text, "Lyhyt"))
        g_assert_false (pango_layout_is_ellipsized (t->layout));
    }
  g_assert_true (ellipsized);
}

static void
test_others_merged (void)
{
  g_autoptr(HsChartData) data = hs_chart_data_new (HS_CHART_FINANCING, HS_LANG_EN);
  g_autoptr(HsChartLayout) layout = NULL;
  gint64 rest[5] = { 0 };
  const HsChartText *last_label = NULL;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *label = g_strdup_printf ("Focus area %u", i + 1);
      gint64 values[5] = { (60 - i) * 100000, (60 - i) * 50000, 100, 0, 0 };
      hs_chart_data_add_category (data, label, values, 1);
    }
  layout = lay_out (data, FALSE, 800, 400);
  assert_clean (layout, "merged");
  g_assert_cmpuint (layout->n_shown, <, 60);
  g_assert_cmpuint (layout->n_merged, ==, 60 - layout->n_shown + 1);

  for (guint i = layout->n_shown - 1; i < 60; i++)
    for (guint s = 0; s < 5; s++)
      rest[s] += g_array_index (data->categories, HsChartCategory, i).values[s];
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
      if (bar->category == -1)
        g_assert_cmpint (bar->value, ==, rest[bar->series]);
    }
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const HsChartText *t = &g_array_index (layout->texts, HsChartText, i);
      if (t->role == HS_TEXT_LABEL)
        last_label = t;
    }
  g_assert_nonnull (last_label);
  g_assert_true (g_str_has_prefix (last_label->text, "Others ("));
}

/* 37 focus areas at dashboard size: the tail folded into "Others" sums far
 * more than the largest named area. The axis is the named areas', so the
 * largest named bar takes most of the plot; "Others" is cut short at the
 * axis' end, its figure the full sum, and a note says what it holds. */
static void
test_others_not_dwarfing (void)
{
  g_autoptr(HsChartData) data = hs_chart_data_new (HS_CHART_FINANCING, HS_LANG_EN);
  g_autoptr(HsChartLayout) layout = NULL;
  gint64 rest = 0;
  double largest_named = 0, plot_end;
  gboolean note_seen = FALSE, rest_figure_seen = FALSE;
  g_autofree char *rest_text = NULL;

  for (guint i = 0; i < 37; i++)
    {
      g_autofree char *label = g_strdup_printf ("Focus area %u", i + 1);
      gint64 values[5] = { (40 - i) * 6000000, (40 - i) * 2500000, 0, 0, (40 - i) * 1500000 };
      hs_chart_data_add_category (data, label, values, 3);
    }
  layout = lay_out (data, FALSE, 540, 340);
  assert_clean (layout, "others-not-dwarfing");
  g_assert_cmpuint (layout->n_merged, >, 10);
  plot_end = layout->plot.x + layout->plot.width;

  for (guint i = layout->n_shown - 1; i < 37; i++)
    rest += g_array_index (data->categories, HsChartCategory, i).total;
  g_assert_cmpint (rest, >, g_array_index (data->categories, HsChartCategory, 0).total);
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
      if (bar->category == 0)
        largest_named = MAX (largest_named, bar->rect.x + bar->rect.width - layout->plot.x);
      /* no bar runs past the axis */
      g_assert_cmpfloat (bar->rect.x + bar->rect.width, <=, plot_end + 0.5);
    }
  /* the named areas are read on their own scale */
  g_assert_cmpfloat (largest_named, >=, 0.5 * layout->plot.width);
  g_assert_cmpuint (layout->n_cut, ==, 1);

  rest_text = hs_chart_format_euros (rest, HS_LANG_EN);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const HsChartText *t = &g_array_index (layout->texts, HsChartText, i);
      if (t->role == HS_TEXT_VALUE && g_str_equal (t->text, rest_text))
        rest_figure_seen = TRUE;
      if (t->role == HS_TEXT_NOTE && strstr (t->text, "total financing") != NULL
          && strstr (t->text, "Others (") != NULL && strstr (t->text, "smallest") != NULL)
        note_seen = TRUE;
    }
  g_assert_true (rest_figure_seen);
  g_assert_true (note_seen);

  /* the implementers: "40 other organisations" summed by the source does
   * not set the axis either */
  {
    g_autoptr(HsChartData) orgs = hs_chart_data_new (HS_CHART_IMPLEMENTERS, HS_LANG_EN);
    g_autoptr(HsChartLayout) org_layout = NULL;
    gint64 rest_values[2] = { 900000000, 300000000 };
    HsChartCategory *c;
    double widest = 0;
    gboolean cut_note = FALSE;

    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *label = g_strdup_printf ("Organisation %u", i + 1);
        gint64 values[2] = { (6 - i) * 10000000, (6 - i) * 2000000 };
        hs_chart_data_add_category (orgs, label, values, 0);
      }
    c = hs_chart_data_add_category (orgs, "40 other organisations", rest_values, 0);
    c->members = 40;
    org_layout = lay_out (orgs, FALSE, 800, 500);
    assert_clean (org_layout, "implementers-not-dwarfing");
    g_assert_cmpuint (org_layout->n_cut, ==, 1);
    for (guint i = 0; i < org_layout->bars->len; i++)
      {
        const HsChartBar *bar = &g_array_index (org_layout->bars, HsChartBar, i);
        if (bar->category == 0)
          widest = MAX (widest, bar->rect.x + bar->rect.width - org_layout->plot.x);
      }
    g_assert_cmpfloat (widest, >=, 0.5 * org_layout->plot.width);
    for (guint i = 0; i < org_layout->texts->len; i++)
      if (g_array_index (org_layout->texts, HsChartText, i).role == HS_TEXT_NOTE
          && strstr (g_array_index (org_layout->texts, HsChartText, i).text, "cut short") != NULL)
        cut_note = TRUE;
    g_assert_true (cut_note);
  }
}

/* The timeline's first rows are what matters now: running projects, the
 * one ending soonest first, then the upcoming ones, then the ended; the
 * note says how many are shown of how many, and in which order. */
static void
test_timeline_current_first (void)
{
  static const struct { const char *code; HsStatus status; int y0, m0, y1, m1; } tasks[] = {
    { "OLD-1", HS_STATUS_CLOSED, 2021, 3, 2022, 12 },
    { "OLD-2", HS_STATUS_ONGOING, 2021, 6, 2023, 5 },        /* ended by its dates */
    { "RUN-LONG", HS_STATUS_ONGOING, 2024, 1, 2028, 12 },
    { "RUN-SOON", HS_STATUS_ONGOING, 2025, 1, 2027, 2 },
    { "NEXT-2", HS_STATUS_APPROVED, 2027, 9, 2029, 8 },
    { "NEXT-1", HS_STATUS_SUBMITTED, 2027, 3, 2028, 6 },
    { "GONE", HS_STATUS_WITHDRAWN, 2026, 1, 2027, 12 },      /* withdrawn: not current */
  };
  static const char *expected[] = { "RUN-SOON", "RUN-LONG", "NEXT-1", "NEXT-2", "GONE", "OLD-2", "OLD-1" };
  g_autoptr(HsChartData) data = hs_chart_data_new (HS_CHART_TIMELINE, HS_LANG_EN);
  g_autoptr(HsChartLayout) layout = NULL;
  gboolean note_seen = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      GDate start, end;
      g_date_clear (&start, 1);
      g_date_clear (&end, 1);
      g_date_set_dmy (&start, 1, tasks[i].m0, tasks[i].y0);
      g_date_set_dmy (&end, 28, tasks[i].m1, tasks[i].y1);
      hs_chart_data_add_task (data, tasks[i].code, "Hanke", tasks[i].status, &start, &end);
    }
  g_date_set_dmy (&data->today, 2, G_DATE_DECEMBER, 2026);
  hs_chart_data_sort_tasks (data);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_array_index (data->tasks, HsChartTask, i).code, ==, expected[i]);
  g_assert_cmpuint (data->n_current, ==, 4);

  layout = lay_out (data, FALSE, 900, 200);
  assert_clean (layout, "timeline current first");
  g_assert_cmpuint (layout->n_shown, <, G_N_ELEMENTS (tasks));
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const HsChartText *t = &g_array_index (layout->texts, HsChartText, i);
      g_autofree char *shown = g_strdup_printf ("Projects 1–%u of 7.", layout->n_shown);
      if (t->role == HS_TEXT_NOTE && strstr (t->text, shown) != NULL && strstr (t->text, "running and upcoming (4)") != NULL
          && strstr (t->text, "ended or were closed (3)") != NULL)
        note_seen = TRUE;
    }
  g_assert_true (note_seen);
}

static void
test_timeline_visible_only (void)
{
  g_autoptr(HsChartData) data = fixture_chart (HS_CHART_TIMELINE, HS_LANG_FI, 10000);
  g_autoptr(HsChartLayout) layout = lay_out (data, FALSE, 1920, 1080);
  g_autoptr(HsChartLayout) scrolled = NULL;
  guint labels = 0;
  gboolean today_seen = FALSE;

  assert_clean (layout, "timeline");
  g_assert_cmpuint (layout->n_shown, >, 20);
  g_assert_cmpuint (layout->n_shown, <, 100);
  g_assert_cmpuint (layout->bars->len, <=, layout->n_shown);
  for (guint i = 0; i < layout->texts->len; i++)
    if (g_array_index (layout->texts, HsChartText, i).role == HS_TEXT_LABEL)
      labels++;
  g_assert_cmpuint (labels, ==, layout->n_shown);
  {
    int first_year = G_MAXINT, last_year = 0;
    GDate from, to, today;
    double per_day;

    for (guint i = 0; i < data->tasks->len; i++)
      {
        const HsChartTask *task = &g_array_index (data->tasks, HsChartTask, i);
        first_year = MIN (first_year, g_date_get_year (&task->start));
        last_year = MAX (last_year, g_date_get_year (&task->end));
      }
    g_date_clear (&from, 1);
    g_date_clear (&to, 1);
    g_date_clear (&today, 1);
    g_date_set_dmy (&from, 1, 1, (GDateYear) first_year);
    g_date_set_dmy (&to, 1, 1, (GDateYear) (last_year + 1));
    g_date_set_dmy (&today, 15, 6, 2024);
    per_day = layout->plot.width / (double) (g_date_get_julian (&to) - g_date_get_julian (&from));

    for (guint i = 0; i < layout->lines->len; i++)
      {
        const HsChartLine *line = &g_array_index (layout->lines, HsChartLine, i);
        if (line->role == HS_LINE_TODAY)
          {
            today_seen = TRUE;
            g_assert_cmpfloat_with_epsilon (line->x0, layout->plot.x + per_day * (g_date_get_julian (&today) - g_date_get_julian (&from) + 0.5), 0.5);
          }
      }
    /* bars are where their dates are: from the start of the first day to
     * the end of the last */
    for (guint i = 0; i < layout->bars->len; i++)
      {
        const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
        const HsChartTask *task = &g_array_index (data->tasks, HsChartTask, bar->category);
        g_assert_cmpuint (bar->category, >=, layout->first_task);
        g_assert_cmpfloat_with_epsilon (bar->rect.x,
                                        layout->plot.x + per_day * (g_date_get_julian (&task->start) - g_date_get_julian (&from)), 0.5);
        g_assert_cmpfloat_with_epsilon (bar->rect.width,
                                        per_day * (g_date_get_julian (&task->end) + 1 - g_date_get_julian (&task->start)), 0.5);
      }
  }
  g_assert_true (today_seen);

  data->first_task = 9990;
  scrolled = lay_out (data, FALSE, 1920, 1080);
  g_assert_cmpuint (scrolled->first_task, ==, 9990);
  g_assert_cmpuint (scrolled->n_shown, ==, 10);
  assert_clean (scrolled, "scrolled timeline");
}

static void
test_empty_and_tiny (void)
{
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    {
      g_autoptr(HsChartData) data = hs_chart_data_new (k, HS_LANG_FI);
      g_autoptr(HsChartLayout) layout = lay_out (data, FALSE, 640, 400);
      g_autoptr(HsChartData) full = fixture_chart (k, HS_LANG_FI, 10);
      g_autoptr(HsChartLayout) tiny = lay_out (full, FALSE, 30, 20);
      gboolean note = FALSE;

      g_assert_cmpuint (layout->bars->len, ==, 0);
      for (guint i = 0; i < layout->texts->len; i++)
        if (g_array_index (layout->texts, HsChartText, i).role == HS_TEXT_NOTE)
          note = TRUE;
      g_assert_true (note);
      assert_clean (layout, "empty");
      g_assert_true (tiny->too_small);
      g_assert_cmpuint (tiny->bars->len, ==, 0);
      assert_clean (tiny, "tiny");
    }
}

static void
test_status_panels (void)
{
  g_autoptr(HsChartData) data = fixture_chart (HS_CHART_STATUS, HS_LANG_FI, 0);
  g_autoptr(HsChartLayout) layout = lay_out (data, TRUE, 1000, 600);

  assert_clean (layout, "status");
  g_assert_cmpfloat (layout->plot.x + layout->plot.width, <, layout->plot2.x);
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
      const HsChartCategory *c = &g_array_index (data->categories, HsChartCategory, bar->category);
      const HsRect *plot = bar->series == 0 ? &layout->plot : &layout->plot2;
      const HsChartScale *scale = bar->series == 0 ? &layout->scale : &layout->scale2;
      gint64 value = bar->series == 0 ? (gint64) c->projects : c->total;

      g_assert_cmpuint (bar->colour, ==, hs_chart_status_colour (c->status));
      g_assert_cmpfloat_with_epsilon (bar->rect.width, plot->width * value / (double) scale->max, 0.5);
    }
  g_assert_cmpuint (layout->bars->len, ==, 2 * HS_N_STATUSES);
}

static void
test_hit_testing (void)
{
  g_autoptr(HsChartData) data = fixture_chart (HS_CHART_IMPLEMENTERS, HS_LANG_FI, 0);
  g_autoptr(HsChartLayout) layout = lay_out (data, FALSE, 800, 500);
  const HsChartBar *first = &g_array_index (layout->bars, HsChartBar, 0);
  const HsChartBar *hit = hs_chart_layout_bar_at (layout, first->rect.x + 1, first->rect.y + 1);

  g_assert_true (hit == first);
  g_assert_null (hs_chart_layout_bar_at (layout, 1, 1));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  context = hs_chart_pango_context_new ();

  g_test_add_func ("/charts/scale/nice", test_scale_nice);
  g_test_add_func ("/charts/scale/format", test_format);
  g_test_add_func ("/charts/layout/no-overlaps", test_no_overlaps);
  g_test_add_func ("/charts/layout/bars-proportional", test_bars_proportional);
  g_test_add_func ("/charts/layout/columns-proportional", test_columns_proportional);
  g_test_add_func ("/charts/layout/long-names", test_long_names);
  g_test_add_func ("/charts/layout/others-merged", test_others_merged);
  g_test_add_func ("/charts/layout/others-not-dwarfing", test_others_not_dwarfing);
  g_test_add_func ("/charts/layout/timeline-current-first", test_timeline_current_first);
  g_test_add_func ("/charts/layout/timeline-visible-only", test_timeline_visible_only);
  g_test_add_func ("/charts/layout/empty-and-tiny", test_empty_and_tiny);
  g_test_add_func ("/charts/layout/status-panels", test_status_panels);
  g_test_add_func ("/charts/layout/hit-testing", test_hit_testing);

  status = g_test_run ();
  g_object_unref (context);
  return status;
}

/* hs-chart-scale.h — round axis ticks and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Integer maths only: values are cents (or counts), ticks are 1, 2 or 5
 * times a power of ten of the unit, and the axis ends on a tick.
 */
#pragma once

#include <glib.h>
#include "core/hs-lang.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 step;      /* between two ticks: 1, 2 or 5 × 10^k × unit */
  gint64 max;       /* the end of the axis: a multiple of step, >= the largest value */
  guint  n_ticks;   /* 0, step, 2 step … max */
} HsChartScale;

/* The smallest round step (a multiple of unit: 100 for whole euros in
 * cents, 1 for counts) that covers max_value in at most max_intervals
 * intervals. max_value <= 0 gives one interval of one unit. */
void  hs_chart_scale_nice        (gint64        max_value,
                                  guint         max_intervals,
                                  gint64        unit,
                                  HsChartScale *out);
/* Whole euros in the user's format: "2 000 000 €" (fi, sv; no-break
 * spaces) or "€2,000,000" (en). Cents are rounded half away from zero. */
char *hs_chart_format_euros      (gint64        cents,
                                  HsLang        lang);
/* A count with grouping: "10 000" (fi, sv) or "10,000" (en). */
char *hs_chart_format_count      (gint64        count,
                                  HsLang        lang);

G_END_DECLS

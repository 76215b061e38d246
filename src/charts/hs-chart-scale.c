/* hs-chart-scale.c — round axis ticks and their labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-charts"

#include "config.h"

#include <string.h>

#include "core/hs-money.h"
#include "hs-chart-scale.h"

void
hs_chart_scale_nice (gint64        max_value,
                     guint         max_intervals,
                     gint64        unit,
                     HsChartScale *out)
{
  static const gint64 mantissas[] = { 1, 2, 5 };
  gint64 raw;
  gint64 power;

  g_return_if_fail (out != NULL);
  g_return_if_fail (unit > 0);

  if (max_intervals == 0)
    max_intervals = 1;
  if (max_value <= 0)
    {
      out->step = unit;
      out->max = unit;
      out->n_ticks = 2;
      return;
    }

  /* the smallest step that needs at most max_intervals intervals */
  raw = max_value / max_intervals + (max_value % max_intervals != 0 ? 1 : 0);
  out->step = 0;
  for (power = unit; out->step == 0; power *= 10)
    {
      for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
        if (mantissas[m] * power >= raw)
          {
            out->step = mantissas[m] * power;
            break;
          }
      if (power > G_MAXINT64 / 100)
        {
          out->step = power;  /* cannot happen for amounts within HS_MONEY_MAX */
          break;
        }
    }

  out->max = (max_value / out->step + (max_value % out->step != 0 ? 1 : 0)) * out->step;
  out->n_ticks = (guint) (out->max / out->step) + 1;
}

/* "1 333 333,00" → "1 333 333" */
static char *
whole_part (gint64 cents,
            HsLang lang)
{
  gint64 rounded = cents >= 0 ? (cents + 50) / 100 * 100 : -((-cents + 50) / 100 * 100);
  char *plain = hs_money_format_plain (rounded, lang);
  gsize len = strlen (plain);

  /* the formatter always writes two decimals after one separator */
  if (len > 3)
    plain[len - 3] = '\0';
  return plain;
}

char *
hs_chart_format_euros (gint64 cents,
                       HsLang lang)
{
  g_autofree char *number = whole_part (cents, lang);

  if (lang == HS_LANG_EN)
    return number[0] == '-' || g_str_has_prefix (number, "−")
             ? g_strdup_printf ("−€%s", number + (number[0] == '-' ? 1 : strlen ("−")))
             : g_strdup_printf ("€%s", number);
  return g_strdup_printf ("%s\u00a0€", number);
}

char *
hs_chart_format_count (gint64 count,
                       HsLang lang)
{
  if (count > HS_MONEY_MAX / 100 || count < -HS_MONEY_MAX / 100)
    return g_strdup_printf ("%" G_GINT64_FORMAT, count);
  return whole_part (count * 100, lang);
}

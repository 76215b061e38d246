/* fuzz-money.c — amounts and rates as people type them, in fi, sv and en
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the input, parsing never crashes; an amount that parses is
 * written in each language and read back to the same cents; a rate that
 * parses is stable after one round (it is shown with one decimal).
 */
#include "config.h"

#include <glib.h>

#include "core/hs-money.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  gint64 cents;
  gint32 bp;

  if (hs_money_parse (text, &cents, NULL))
    for (HsLang lang = HS_LANG_EN; lang <= HS_LANG_SV; lang++)
      {
        g_autofree char *shown = hs_money_format (cents, lang);
        g_autofree char *plain = hs_money_format_plain (cents, lang);
        gint64 back = -1, back_plain = -1;

        if (!hs_money_parse (shown, &back, NULL) || back != cents)
          g_error ("“%s” is %" G_GINT64_FORMAT " cents, shown as “%s”, read back as %" G_GINT64_FORMAT,
                   text, cents, shown, back);
        if (!hs_money_parse (plain, &back_plain, NULL) || back_plain != cents)
          g_error ("“%s” is %" G_GINT64_FORMAT " cents, shown as “%s”, read back as %" G_GINT64_FORMAT,
                   text, cents, plain, back_plain);
      }

  if (hs_rate_parse (text, &bp, NULL))
    {
      if (bp < 0 || bp > 10000)
        g_error ("“%s” parsed as %d basis points, outside 0–100 %%", text, bp);
      for (HsLang lang = HS_LANG_EN; lang <= HS_LANG_SV; lang++)
        {
          g_autofree char *once = hs_rate_format (bp, lang);
          g_autofree char *twice = NULL;
          gint32 again = -1;

          if (!hs_rate_parse (once, &again, NULL))
            g_error ("“%s” is %d bp, shown as “%s”, which does not parse", text, bp, once);
          twice = hs_rate_format (again, lang);
          if (g_strcmp0 (once, twice) != 0)
            g_error ("“%s”: “%s” reads back as “%s”", text, once, twice);
        }
    }
  return 0;
}

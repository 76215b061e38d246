/* fuzz-date.c — dates and business IDs as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date that parses is written in fi, sv and ISO 8601 and read back as
 * the same day; a Y-tunnus that normalizes validates and normalizes to
 * itself.
 */
#include "config.h"

#include <glib.h>

#include "core/hs-date.h"
#include "core/hs-ytunnus.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *normal = NULL;
  GDate date;

  if (hs_date_parse (text, &date, NULL))
    {
      g_autofree char *iso = hs_date_to_iso (&date);
      GDate back;

      if (!g_date_valid (&date))
        g_error ("“%s” parsed as an invalid date", text);
      if (!hs_date_from_iso (iso, &back, NULL) || g_date_compare (&back, &date) != 0)
        g_error ("“%s”: its ISO form “%s” does not read back", text, iso);
      for (HsLang lang = HS_LANG_FI; lang <= HS_LANG_SV; lang++)
        {
          g_autofree char *shown = hs_date_format (&date, lang);

          if (!hs_date_parse (shown, &back, NULL) || g_date_compare (&back, &date) != 0)
            g_error ("“%s” is shown as “%s”, which does not read back as the same day", text, shown);
        }
    }

  normal = hs_ytunnus_normalize (text, NULL);
  if (normal != NULL)
    {
      g_autofree char *again = hs_ytunnus_normalize (normal, NULL);

      if (!hs_ytunnus_validate (normal, NULL) || g_strcmp0 (again, normal) != 0)
        g_error ("“%s” normalizes to “%s”, which is not a valid, normal Y-tunnus", text, normal);
    }
  return 0;
}

/* hs-ytunnus.c — the Finnish business ID (Y-tunnus)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check digit: the first seven digits weighted 7 9 10 5 8 4 2, summed,
 * modulo 11; remainder 0 gives 0, remainder 1 is never issued, any other
 * remainder r gives 11 − r (docs/domain.md §5).
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-core-error.h"
#include "hs-ytunnus.h"

static const int weights[7] = { 7, 9, 10, 5, 8, 4, 2 };

static gboolean
all_digits (const char *text,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static int
remainder_of (const char *seven_digits)
{
  int sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    sum += weights[i] * (seven_digits[i] - '0');

  return sum % 11;
}

int
hs_ytunnus_check_digit (const char *seven_digits)
{
  int remainder;

  g_return_val_if_fail (seven_digits != NULL, -1);

  if (strlen (seven_digits) != 7 || !all_digits (seven_digits, 7))
    return -1;

  remainder = remainder_of (seven_digits);
  if (remainder == 0)
    return 0;
  if (remainder == 1)
    return -1;
  return 11 - remainder;
}

static void
set_shape_error (GError     **error,
                 const char  *text)
{
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
               _("“%s” is not a Y-tunnus: a Y-tunnus has seven digits, a hyphen and a "
                 "check digit, like 0201256-6"), text);
}

gboolean
hs_ytunnus_validate (const char  *text,
                     GError     **error)
{
  char digits[8];
  int check;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (text) != 9 || !all_digits (text, 7) || text[7] != '-' ||
      !g_ascii_isdigit (text[8]))
    {
      set_shape_error (error, text);
      return FALSE;
    }

  memcpy (digits, text, 7);
  digits[7] = '\0';
  check = hs_ytunnus_check_digit (digits);

  if (check < 0)
    {
      /* Translators: No Y-tunnus has the digits 1234567 (remainder 1) */
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("No Y-tunnus has the digits %s (remainder 1)"), digits);
      return FALSE;
    }

  if (check != text[8] - '0')
    {
      /* Translators: The check digit of 0201256-5 should be 6 */
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("The check digit of %s should be %d"), text, check);
      return FALSE;
    }

  return TRUE;
}

/* A hyphen as word processors and PDFs paste it. */
static gsize
hyphen_length (const char *p)
{
  switch (g_utf8_get_char (p))
    {
    case '-':
    case 0x2010:   /* HYPHEN */
    case 0x2011:   /* NON-BREAKING HYPHEN */
    case 0x2012:   /* FIGURE DASH */
    case 0x2013:   /* EN DASH */
    case 0x2212:   /* MINUS SIGN */
      return (gsize) (g_utf8_next_char (p) - p);
    default:
      return 0;
    }
}

char *
hs_ytunnus_normalize (const char  *text,
                      GError     **error)
{
  const char *start, *end, *p;
  gsize n_digits, hyphen;
  char canonical[10];

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      set_shape_error (error, valid);
      return NULL;
    }

  /* Surrounding spaces, also no-break ones. */
  start = text;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  /* The VAT number form: "FI02012566". */
  p = start;
  if (end - p >= 2 && g_ascii_strncasecmp (p, "FI", 2) == 0)
    {
      p += 2;
      while (p < end && *p == ' ')
        p++;
    }

  for (n_digits = 0; p + n_digits < end && g_ascii_isdigit (p[n_digits]); n_digits++)
    ;

  if (n_digits == 8 && p + 8 == end)
    {
      /* "02012566" */
      memcpy (canonical, p, 7);
      canonical[7] = '-';
      canonical[8] = p[7];
    }
  else if ((n_digits == 7 || n_digits == 6) &&
           (hyphen = hyphen_length (p + n_digits)) > 0 &&
           p + n_digits + hyphen + 1 == end &&
           g_ascii_isdigit (p[n_digits + hyphen]))
    {
      /* "0201256-6", or the old six-digit "201256-6" */
      gsize pad = 7 - n_digits;

      memset (canonical, '0', pad);
      memcpy (canonical + pad, p, n_digits);
      canonical[7] = '-';
      canonical[8] = p[n_digits + hyphen];
    }
  else
    {
      g_autofree char *stripped = g_strndup (start, (gsize) (end - start));

      set_shape_error (error, stripped);
      return NULL;
    }
  canonical[9] = '\0';

  if (!hs_ytunnus_validate (canonical, error))
    return NULL;

  return g_strdup (canonical);
}

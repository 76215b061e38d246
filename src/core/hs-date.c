/* hs-date.c — calendar dates as people write them and as files store them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here asks the C library's locale: Finnish and Swedish dates are
 * "9.2.2021", English ones "9 Feb 2021" from a fixed table.
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-core-error.h"
#include "hs-date.h"

static const char * const english_months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun",
  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

char *
hs_date_format (const GDate *date,
                HsLang       lang)
{
  guint day, month, year;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  day = g_date_get_day (date);
  month = g_date_get_month (date);
  year = g_date_get_year (date);

  /* four digits for the year, as hs_date_parse () asks for them, so that
   * what is shown parses back as the same date */
  if (lang == HS_LANG_EN)
    return g_strdup_printf ("%u %s %04u", day, english_months[month - 1], year);

  return g_strdup_printf ("%u.%u.%04u", day, month, year);
}

char *
hs_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* Reads 1 to @max_digits digits at *@p; FALSE when there are none or more. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit ((*p)[n]))
    {
      if (n == max_digits)
        return FALSE;
      *value = *value * 10 + (guint) ((*p)[n] - '0');
      n++;
    }

  *p += n;
  return n >= min_digits;
}

static guint
days_in_month (guint month,
               guint year)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return days[month - 1] + (month == 2 && leap ? 1 : 0);
}

/* Sets @out to day.month.year when that day exists; else says what is wrong. */
static gboolean
set_date (GDate       *out,
          guint        day,
          guint        month,
          guint        year,
          const char  *text,
          GError     **error)
{
  if (year < 1 || year > 9999)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” is not a date: the year must be between 1 and 9999"), text);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” is not a date: there is no month %u"), text, month);
      return FALSE;
    }
  if (day < 1 || day > days_in_month (month, year))
    {
      /* Translators: “30.2.2021” is not a date: month 2/2021 has 28 days */
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” is not a date: month %u/%u has %u days"),
                   text, month, year, days_in_month (month, year));
      return FALSE;
    }

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
hs_date_from_iso (const char  *text,
                  GDate       *out,
                  GError     **error)
{
  const char *p = text;
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (text) != 10 ||
      !read_number (&p, 4, 4, &year) || *p++ != '-' ||
      !read_number (&p, 2, 2, &month) || *p++ != '-' ||
      !read_number (&p, 2, 2, &day) || *p != '\0')
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” is not an ISO 8601 date (YYYY-MM-DD)"), text);
      return FALSE;
    }

  return set_date (out, day, month, year, text, error);
}

gboolean
hs_date_parse (const char  *text,
               GDate       *out,
               GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (*p == '\0')
    {
      g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                           _("The date is empty"));
      return FALSE;
    }

  /* 2021-02-09 */
  if (read_number (&p, 4, 4, &year) && *p == '-')
    {
      p++;
      if (read_number (&p, 1, 2, &month) && *p++ == '-' &&
          read_number (&p, 1, 2, &day) && *p == '\0')
        return set_date (out, day, month, year, text, error);
    }
  else
    {
      /* 9.2.2021, 09.02.2021 */
      p = copy;
      if (read_number (&p, 1, 2, &day) && *p++ == '.' &&
          read_number (&p, 1, 2, &month) && *p++ == '.')
        {
          const char *year_start = p;

          if (read_number (&p, 1, 4, &year) && *p == '\0')
            {
              if (p - year_start != 4)
                {
                  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                               _("“%s”: write the year with four digits, like 9.2.2021"),
                               text);
                  return FALSE;
                }
              return set_date (out, day, month, year, text, error);
            }
        }
    }

  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
               _("“%s” is not a date: write it like 9.2.2021 or 2021-02-09"), text);
  return FALSE;
}

guint
hs_date_months_between (const GDate *start,
                        const GDate *end)
{
  int months;
  guint start_day, end_day;

  if (start == NULL || end == NULL || !g_date_valid (start) || !g_date_valid (end) ||
      g_date_compare (end, start) < 0)
    return 0;

  /* The months from start's month to end's month... */
  months = ((int) g_date_get_year (end) - (int) g_date_get_year (start)) * 12 +
           (int) g_date_get_month (end) - (int) g_date_get_month (start);

  /* ...reach from start to the same day of end's month (the last day when
   * that month is shorter). The period runs to the end of end's day, so a
   * month is added unless that day already lies after end. */
  start_day = MIN (g_date_get_day (start),
                   days_in_month (g_date_get_month (end), g_date_get_year (end)));
  end_day = g_date_get_day (end);

  return (guint) (start_day > end_day ? months : months + 1);
}

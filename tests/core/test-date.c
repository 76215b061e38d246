/* test-date.c — dates as people write them and as files store them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"

static void
set_dmy (GDate *date,
         guint  day,
         guint  month,
         guint  year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_formats (const GDate *date,
                HsLang       lang,
                const char  *expected)
{
  g_autofree char *text = hs_date_format (date, lang);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_dmy (const GDate *date,
            guint        day,
            guint        month,
            guint        year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_day (date), ==, day);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_year (date), ==, year);
}

static void
test_format (void)
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  GDate date;

  set_dmy (&date, 9, 2, 2021);
  assert_formats (&date, HS_LANG_FI, "9.2.2021");
  assert_formats (&date, HS_LANG_SV, "9.2.2021");
  assert_formats (&date, HS_LANG_EN, "9 Feb 2021");

  set_dmy (&date, 31, 12, 1999);
  assert_formats (&date, HS_LANG_FI, "31.12.1999");
  assert_formats (&date, HS_LANG_EN, "31 Dec 1999");

  for (guint month = 1; month <= 12; month++)
    {
      g_autofree char *expected = g_strdup_printf ("1 %s 2024", months[month - 1]);

      set_dmy (&date, 1, month, 2024);
      assert_formats (&date, HS_LANG_EN, expected);
    }

  /* a cleared date shows nothing */
  g_date_clear (&date, 1);
  assert_formats (&date, HS_LANG_FI, "");
  assert_formats (&date, HS_LANG_EN, "");
  assert_formats (NULL, HS_LANG_FI, "");
}

static void
test_to_iso (void)
{
  GDate date;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  set_dmy (&date, 9, 2, 2021);
  a = hs_date_to_iso (&date);
  g_assert_cmpstr (a, ==, "2021-02-09");

  set_dmy (&date, 1, 1, 5);
  b = hs_date_to_iso (&date);
  g_assert_cmpstr (b, ==, "0005-01-01");

  g_date_clear (&date, 1);
  c = hs_date_to_iso (&date);
  g_assert_cmpstr (c, ==, "");
}

static void
test_parse_accepts (void)
{
  static const struct { const char *text; guint day, month, year; } cases[] = {
    { "9.2.2021", 9, 2, 2021 },
    { "09.02.2021", 9, 2, 2021 },
    { "2021-02-09", 9, 2, 2021 },
    { "2021-2-9", 9, 2, 2021 },
    { "  9.2.2021 ", 9, 2, 2021 },
    { "29.2.2024", 29, 2, 2024 },     /* leap year */
    { "29.2.2000", 29, 2, 2000 },     /* divisible by 400 */
    { "31.12.2027", 31, 12, 2027 },
    { "1.1.0001", 1, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("parse \"%s\"", cases[i].text);
      g_assert_true (hs_date_parse (cases[i].text, &date, &error));
      g_assert_no_error (error);
      assert_dmy (&date, cases[i].day, cases[i].month, cases[i].year);
    }
}

/* Nothing to name in a message: "" or only spaces. */
static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy == '\0';
}

typedef struct
{
  const char *text;
  const char *says;
} Rejection;

static void
check_rejections (const Rejection *cases,
                  guint            n_cases,
                  gboolean       (*parse) (const char *, GDate *, GError **))
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      set_dmy (&date, 1, 1, 2000);
      {
        g_autofree char *escaped = g_strescape (cases[i].text, NULL);
        g_test_message ("reject \"%s\"", escaped);
      }
      g_assert_false (parse (cases[i].text, &date, &error));
      g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
      g_test_message ("  %s", error->message);
      if (!is_blank (cases[i].text))
        g_assert_nonnull (strstr (error->message, cases[i].text));
      g_assert_nonnull (strstr (error->message, cases[i].says));
      /* the date is left as it was */
      assert_dmy (&date, 1, 1, 2000);
    }
}

static void
test_parse_rejects (void)
{
  static const Rejection cases[] = {
    { "30.2.2021", "month 2/2021 has 28 days" },
    { "29.2.2023", "month 2/2023 has 28 days" },
    { "29.2.1900", "month 2/1900 has 28 days" },   /* divisible by 100 */
    { "31.4.2021", "month 4/2021 has 30 days" },
    { "0.1.2021", "has 31 days" },
    { "2021-02-30", "month 2/2021 has 28 days" },
    { "1.13.2021", "no month 13" },
    { "1.0.2021", "no month 0" },
    { "2021-13-01", "no month 13" },
    { "1.1.0000", "between 1 and 9999" },
    { "9.2.21", "four digits" },
    { "9.2.202", "four digits" },
    { "9/2/2021", "write it like 9.2.2021" },
    { "9.2.2021.", "write it like 9.2.2021" },
    { "9..2021", "write it like 9.2.2021" },
    { "123.1.2021", "write it like 9.2.2021" },
    { "9.2.20211", "write it like 9.2.2021" },
    { "20210209", "write it like 9.2.2021" },
    { "2021-02-09T10:00", "write it like 9.2.2021" },
    { "12021-02-09", "write it like 9.2.2021" },
    { "Feb 9 2021", "write it like 9.2.2021" },
    { "", "empty" },
    { "  ", "empty" },
  };

  check_rejections (cases, G_N_ELEMENTS (cases), hs_date_parse);
}

static void
test_from_iso (void)
{
  static const Rejection rejects[] = {
    { "2021-2-9", "YYYY-MM-DD" },
    { "9.2.2021", "YYYY-MM-DD" },
    { " 2021-02-09", "YYYY-MM-DD" },
    { "2021-02-09 ", "YYYY-MM-DD" },
    { "20210209", "YYYY-MM-DD" },
    { "2021-02-09T00:00", "YYYY-MM-DD" },
    { "2021/02/09", "YYYY-MM-DD" },
    { "", "YYYY-MM-DD" },
    { "2021-02-30", "has 28 days" },
    { "2021-00-10", "no month 0" },
    { "0000-01-01", "between 1 and 9999" },
  };
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (hs_date_from_iso ("2021-02-09", &date, &error));
  g_assert_no_error (error);
  assert_dmy (&date, 9, 2, 2021);
  g_assert_true (hs_date_from_iso ("2024-02-29", &date, &error));
  assert_dmy (&date, 29, 2, 2024);

  check_rejections (rejects, G_N_ELEMENTS (rejects), hs_date_from_iso);
}

static void
test_round_trip (void)
{
  GDate date, end, back;

  set_dmy (&date, 1, 1, 1900);
  set_dmy (&end, 31, 12, 2100);

  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
    {
      g_autofree char *iso = hs_date_to_iso (&date);

      for (HsLang lang = HS_LANG_FI; lang <= HS_LANG_SV; lang++)
        {
          g_autofree char *text = hs_date_format (&date, lang);

          g_assert_true (hs_date_parse (text, &back, NULL));
          g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
        }

      g_assert_true (hs_date_from_iso (iso, &back, NULL));
      g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
      g_assert_true (hs_date_parse (iso, &back, NULL));
      g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
    }

  /* years below 1000 too: shown with four digits, read back the same */
  {
    static const guint years[] = { 1, 9, 10, 99, 100, 999 };

    g_autofree char *fi = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (years); i++)
      for (HsLang lang = HS_LANG_FI; lang <= HS_LANG_SV; lang++)
        {
          g_autofree char *text = NULL;

          set_dmy (&date, 28, 2, years[i]);
          text = hs_date_format (&date, lang);
          if (!hs_date_parse (text, &back, NULL))
            g_error ("“%s” (year %u) does not parse back", text, years[i]);
          g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
        }
    set_dmy (&date, 9, 2, 999);
    fi = hs_date_format (&date, HS_LANG_FI);
    g_assert_cmpstr (fi, ==, "9.2.0999");
  }
}

static guint
months (guint sd, guint sm, guint sy,
        guint ed, guint em, guint ey)
{
  GDate start, end;

  set_dmy (&start, sd, sm, sy);
  set_dmy (&end, ed, em, ey);
  return hs_date_months_between (&start, &end);
}

static void
test_months_between (void)
{
  GDate date, cleared;

  /* the examples of the header */
  g_assert_cmpuint (months (1, 1, 2024, 31, 12, 2025), ==, 24);
  g_assert_cmpuint (months (15, 3, 2024, 14, 3, 2026), ==, 24);
  g_assert_cmpuint (months (1, 1, 2024, 1, 1, 2026), ==, 25);

  /* a partial month counts as one */
  g_assert_cmpuint (months (1, 1, 2024, 1, 1, 2024), ==, 1);
  g_assert_cmpuint (months (1, 1, 2024, 31, 1, 2024), ==, 1);
  g_assert_cmpuint (months (1, 1, 2024, 1, 2, 2024), ==, 2);
  g_assert_cmpuint (months (15, 3, 2024, 14, 4, 2024), ==, 1);
  g_assert_cmpuint (months (15, 3, 2024, 15, 4, 2024), ==, 2);
  g_assert_cmpuint (months (31, 12, 2024, 1, 1, 2025), ==, 1);
  g_assert_cmpuint (months (1, 1, 2021, 31, 12, 2027), ==, 84);
  /* a month from 31 January ends on the last day of February */
  g_assert_cmpuint (months (31, 1, 2024, 28, 2, 2024), ==, 1);
  g_assert_cmpuint (months (31, 1, 2024, 29, 2, 2024), ==, 2);
  g_assert_cmpuint (months (31, 1, 2023, 27, 2, 2023), ==, 1);
  g_assert_cmpuint (months (31, 1, 2023, 28, 2, 2023), ==, 2);

  /* backwards, or not a date */
  g_assert_cmpuint (months (2, 1, 2024, 1, 1, 2024), ==, 0);
  g_assert_cmpuint (months (1, 1, 2026, 1, 1, 2024), ==, 0);
  set_dmy (&date, 1, 1, 2024);
  g_date_clear (&cleared, 1);
  g_assert_cmpuint (hs_date_months_between (&cleared, &date), ==, 0);
  g_assert_cmpuint (hs_date_months_between (&date, &cleared), ==, 0);
  g_assert_cmpuint (hs_date_months_between (NULL, &date), ==, 0);

  /* N whole months from any day up to the 28th */
  for (guint i = 0; i < 5000; i++)
    {
      guint n = (guint) g_test_rand_int_range (1, 100);
      GDate start, end;

      set_dmy (&start, (guint) g_test_rand_int_range (1, 29),
               (guint) g_test_rand_int_range (1, 13),
               (guint) g_test_rand_int_range (1990, 2100));
      end = start;
      g_date_add_months (&end, n);
      g_date_subtract_days (&end, 1);
      g_assert_cmpuint (hs_date_months_between (&start, &end), ==, n);
      /* one day more starts another month */
      g_date_add_days (&end, 1);
      g_assert_cmpuint (hs_date_months_between (&start, &end), ==, n + 1);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/to-iso", test_to_iso);
  g_test_add_func ("/date/parse/accepts", test_parse_accepts);
  g_test_add_func ("/date/parse/rejects", test_parse_rejects);
  g_test_add_func ("/date/from-iso", test_from_iso);
  g_test_add_func ("/date/round-trip", test_round_trip);
  g_test_add_func ("/date/months-between", test_months_between);

  return g_test_run ();
}

/* test-money.c — cents and basis points: arithmetic, formatting, parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-money.h"

#define NBSP  "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"
#define MINUS "\xe2\x88\x92"
#define EURO  "\xe2\x82\xac"

/* An arbitrary 64-bit value from the test's reproducible generator. */
static guint64
rand_u64 (void)
{
  return ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
}

/* A uniform-enough value in [-limit, limit]. */
static gint64
rand_amount (gint64 limit)
{
  guint64 range = 2 * (guint64) limit + 1;
  guint64 u = range == 0 ? rand_u64 () : rand_u64 () % range;

  return u >= (guint64) limit ? (gint64) (u - (guint64) limit) : -(gint64) ((guint64) limit - u);
}

/* ---------------------------------------------------------------------- */

static void
test_add_sub (void)
{
  gint64 out;

  g_assert_true (hs_money_add (150, 275, &out));
  g_assert_cmpint (out, ==, 425);
  g_assert_true (hs_money_add (-150, 100, &out));
  g_assert_cmpint (out, ==, -50);
  g_assert_true (hs_money_sub (100, 250, &out));
  g_assert_cmpint (out, ==, -150);
  g_assert_true (hs_money_sub (-100, -250, &out));
  g_assert_cmpint (out, ==, 150);

  /* exactly at the limit */
  g_assert_true (hs_money_add (HS_MONEY_MAX - 1, 1, &out));
  g_assert_cmpint (out, ==, HS_MONEY_MAX);
  g_assert_true (hs_money_add (-HS_MONEY_MAX + 1, -1, &out));
  g_assert_cmpint (out, ==, -HS_MONEY_MAX);
  g_assert_true (hs_money_sub (HS_MONEY_MAX, 2 * HS_MONEY_MAX, &out));
  g_assert_cmpint (out, ==, -HS_MONEY_MAX);
  g_assert_true (hs_money_sub (-HS_MONEY_MAX, -HS_MONEY_MAX, &out));
  g_assert_cmpint (out, ==, 0);

  /* one cent beyond it: refused, and out is left alone */
  out = 4242;
  g_assert_false (hs_money_add (HS_MONEY_MAX, 1, &out));
  g_assert_false (hs_money_add (-HS_MONEY_MAX, -1, &out));
  g_assert_false (hs_money_sub (HS_MONEY_MAX, -1, &out));
  g_assert_false (hs_money_sub (-HS_MONEY_MAX, 1, &out));
  g_assert_false (hs_money_sub (0, HS_MONEY_MAX + 1, &out));

  /* the ends of gint64: no wrap-around */
  g_assert_false (hs_money_add (G_MAXINT64, 1, &out));
  g_assert_false (hs_money_add (G_MAXINT64, G_MAXINT64, &out));
  g_assert_false (hs_money_add (G_MININT64, -1, &out));
  g_assert_false (hs_money_add (G_MININT64, G_MININT64, &out));
  g_assert_false (hs_money_sub (G_MININT64, 1, &out));
  g_assert_false (hs_money_sub (0, G_MININT64, &out));
  g_assert_false (hs_money_sub (G_MAXINT64, -1, &out));
  g_assert_false (hs_money_sub (G_MAXINT64, G_MININT64, &out));
  /* in the range of gint64 but not of money */
  g_assert_false (hs_money_add (G_MAXINT64, -1, &out));
  g_assert_false (hs_money_sub (G_MININT64, -1, &out));
  g_assert_cmpint (out, ==, 4242);

  /* what counts is the result */
  g_assert_true (hs_money_add (G_MAXINT64, G_MININT64 + 1, &out));
  g_assert_cmpint (out, ==, 0);
}

static void
test_apply_rate_rounding (void)
{
  static const struct { gint64 cents; gint32 bp; gint64 expected; } cases[] = {
    { 100000, 4000, 40000 },
    { 12345, 4000, 4938 },     /* 4938.0 */
    { 12346, 4000, 4938 },     /* 4938.4 */
    { 12347, 4000, 4939 },     /* 4938.8 */
    /* halves go away from zero, in both directions */
    { 1, 5000, 1 },            /* 0.5 */
    { -1, 5000, -1 },
    { 1, -5000, -1 },
    { -1, -5000, 1 },
    { 5, 1000, 1 },            /* 0.5 */
    { -5, 1000, -1 },
    { 15, 1000, 2 },           /* 1.5 */
    { -15, 1000, -2 },
    { 25, 1000, 3 },           /* 2.5: not 2 as banker's rounding would give */
    { -25, 1000, -3 },
    { 123450, 1, 12 },         /* 12.345 */
    { 125000, 1, 13 },         /* 12.5 */
    { -125000, 1, -13 },
    { 124999, 1, 12 },         /* 12.4999 */
    { -124999, 1, -12 },
    { 1, 4999, 0 },            /* 0.4999 */
    { -1, 4999, 0 },
    { 0, 6000, 0 },
    { 123456, 0, 0 },
    { 123456, HS_BP_WHOLE, 123456 },
    /* products beyond 64 bits */
    { HS_MONEY_MAX, HS_BP_WHOLE, HS_MONEY_MAX },
    { -HS_MONEY_MAX, HS_BP_WHOLE, -HS_MONEY_MAX },
    { HS_MONEY_MAX - 1, 9999, G_GINT64_CONSTANT (999899999999999) },  /* ...999.0001 */
    { HS_MONEY_MAX - 1, 5000, G_GINT64_CONSTANT (500000000000000) },  /* ...999.5 */
    { -(HS_MONEY_MAX - 1), 5000, -G_GINT64_CONSTANT (500000000000000) },
    { G_GINT64_CONSTANT (1000000000000001), 5000, G_GINT64_CONSTANT (500000000000001) },  /* ...000.5 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 out = 4242;

      g_test_message ("%" G_GINT64_FORMAT " × %d bp", cases[i].cents, cases[i].bp);
      g_assert_true (hs_money_apply_rate (cases[i].cents, cases[i].bp, &out));
      g_assert_cmpint (out, ==, cases[i].expected);
    }
}

/* A share of an amount in proportion to two others: exact beyond 64-bit
 * products, halves away from zero, refused beyond the money range. */
static void
test_scale (void)
{
  static const struct { gint64 amount, numerator, denominator, expected; } cases[] = {
    { 21000000, 10000000, 35000000, 6000000 },   /* 210 000 € × 100 000 / 350 000 */
    { 1, 1, 2, 1 },                              /* 0.5 */
    { -1, 1, 2, -1 },
    { 1, -1, 2, -1 },
    { 1, 1, -2, -1 },
    { -1, -1, -2, -1 },
    { 5, 1, 3, 2 },                              /* 1.67 */
    { 4, 1, 3, 1 },                              /* 1.33 */
    { 0, 5, 7, 0 },
    { 7, 0, 3, 0 },
    /* a product of about 10^30 */
    { HS_MONEY_MAX, HS_MONEY_MAX - 1, HS_MONEY_MAX, HS_MONEY_MAX - 1 },
    { HS_MONEY_MAX, 1, HS_MONEY_MAX, 1 },
    { 999999999999999, 333333333333333, 999999999999999, 333333333333333 },
  };
  gint64 out = 4242;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (hs_money_scale (cases[i].amount, cases[i].numerator, cases[i].denominator, &out));
      g_assert_cmpint (out, ==, cases[i].expected);
    }

  out = 4242;
  g_assert_false (hs_money_scale (1, 1, 0, &out));
  g_assert_false (hs_money_scale (HS_MONEY_MAX, 2, 1, &out));
  g_assert_false (hs_money_scale (G_MAXINT64, G_MAXINT64, 1, &out));
  g_assert_cmpint (out, ==, 4242);
}

static void
test_apply_rate_overflow (void)
{
  gint64 out = 4242;

  g_assert_false (hs_money_apply_rate (HS_MONEY_MAX, HS_BP_WHOLE + 1, &out));
  g_assert_false (hs_money_apply_rate (-HS_MONEY_MAX, HS_BP_WHOLE + 1, &out));
  g_assert_false (hs_money_apply_rate (HS_MONEY_MAX / 2, -2 * HS_BP_WHOLE - 1, &out));
  g_assert_false (hs_money_apply_rate (G_MAXINT64, G_MAXINT32, &out));
  g_assert_false (hs_money_apply_rate (G_MININT64, G_MININT32, &out));
  g_assert_false (hs_money_apply_rate (G_MAXINT64, HS_BP_WHOLE, &out));
  g_assert_cmpint (out, ==, 4242);

  /* the smallest gint64 has no positive twin: no trouble here */
  g_assert_true (hs_money_apply_rate (G_MININT64, 1, &out));
  g_assert_cmpint (out, ==, -G_GINT64_CONSTANT (922337203685478));  /* ...477.5808 */

  /* a big rate on a small amount is fine */
  g_assert_true (hs_money_apply_rate (100, G_MAXINT32, &out));
  g_assert_cmpint (out, ==, 21474836);  /* 21474836.47 */
  g_assert_true (hs_money_apply_rate (-100, G_MININT32, &out));
  g_assert_cmpint (out, ==, 21474836);  /* 21474836.48 */
}

#ifdef __SIZEOF_INT128__
/* The compiler's 128-bit integers as an independent oracle. */
static __int128
div_round_128 (__int128 num,
               __int128 den)
{
  __int128 q = num / den;
  __int128 r = num % den;

  if (r < 0)
    r = -r;
  if (2 * r >= (den < 0 ? -den : den))
    q += ((num < 0) != (den < 0)) ? -1 : 1;
  return q;
}

static void
test_apply_rate_oracle (void)
{
  for (guint i = 0; i < 200000; i++)
    {
      gint64 cents = i % 4 == 0 ? rand_amount (1000000) : (gint64) rand_u64 () >> (i % 13);
      gint32 bp = i % 3 == 0 ? (gint32) g_test_rand_int () : g_test_rand_int_range (-20000, 20001);
      __int128 expected = div_round_128 ((__int128) cents * bp, HS_BP_WHOLE);
      gboolean fits = expected <= HS_MONEY_MAX && expected >= -HS_MONEY_MAX;
      gint64 out = 4242;

      if (hs_money_apply_rate (cents, bp, &out) != fits)
        g_error ("%" G_GINT64_FORMAT " × %d bp: wrong overflow verdict", cents, bp);
      if (fits && out != (gint64) expected)
        g_error ("%" G_GINT64_FORMAT " × %d bp = %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 cents, bp, out, (gint64) expected);
      if (!fits)
        g_assert_cmpint (out, ==, 4242);
    }
}

static void
test_rate_of_oracle (void)
{
  for (guint i = 0; i < 200000; i++)
    {
      gint64 whole = (gint64) rand_u64 () >> (i % 63);
      gint64 part = i % 2 == 0 ? rand_amount (whole < 0 ? -(whole + 1) : whole)
                               : (gint64) rand_u64 () >> (i % 61);
      __int128 expected;

      if (whole == 0)
        continue;
      expected = div_round_128 ((__int128) part * HS_BP_WHOLE, whole);
      if (expected > G_MAXINT32 || expected < -G_MAXINT32)
        continue;
      if (hs_rate_of (part, whole) != (gint32) expected)
        g_error ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT " = %d bp, expected %d",
                 part, whole, hs_rate_of (part, whole), (gint32) expected);
    }
}
#endif

static void
test_rate_of (void)
{
  g_assert_cmpint (hs_rate_of (60, 100), ==, 6000);
  g_assert_cmpint (hs_rate_of (1, 3), ==, 3333);
  g_assert_cmpint (hs_rate_of (2, 3), ==, 6667);
  g_assert_cmpint (hs_rate_of (-2, 3), ==, -6667);
  g_assert_cmpint (hs_rate_of (2, -3), ==, -6667);
  g_assert_cmpint (hs_rate_of (-2, -3), ==, 6667);
  /* half a basis point goes away from zero */
  g_assert_cmpint (hs_rate_of (1, 20000), ==, 1);
  g_assert_cmpint (hs_rate_of (-1, 20000), ==, -1);
  g_assert_cmpint (hs_rate_of (1, 20001), ==, 0);
  g_assert_cmpint (hs_rate_of (3, 20000), ==, 2);     /* 1.5 */
  g_assert_cmpint (hs_rate_of (-3, 20000), ==, -2);
  g_assert_cmpint (hs_rate_of (5, 20000), ==, 3);     /* 2.5 */
  /* nothing of nothing */
  g_assert_cmpint (hs_rate_of (0, 0), ==, 0);
  g_assert_cmpint (hs_rate_of (123, 0), ==, 0);
  g_assert_cmpint (hs_rate_of (0, 123), ==, 0);
  /* more than the whole */
  g_assert_cmpint (hs_rate_of (150, 100), ==, 15000);
  /* values whose product with 10000 leaves gint64 */
  g_assert_cmpint (hs_rate_of (HS_MONEY_MAX, HS_MONEY_MAX), ==, 10000);
  g_assert_cmpint (hs_rate_of (G_MAXINT64, G_MAXINT64), ==, 10000);
  g_assert_cmpint (hs_rate_of (G_MININT64, G_MININT64), ==, 10000);
  g_assert_cmpint (hs_rate_of (G_MAXINT64 / 2, G_MAXINT64), ==, 5000);
  g_assert_cmpint (hs_rate_of (G_MAXINT64 / 3, G_MAXINT64), ==, 3333);
  g_assert_cmpint (hs_rate_of (G_MININT64 / 3, G_MAXINT64), ==, -3333);
  g_assert_cmpint (hs_rate_of (6 * (HS_MONEY_MAX / 10), HS_MONEY_MAX), ==, 6000);
  g_assert_cmpint (hs_rate_of (HS_MONEY_MAX / 20000, HS_MONEY_MAX), ==, 1);
  /* a rate that does not fit in gint32 saturates */
  g_assert_cmpint (hs_rate_of (HS_MONEY_MAX, 1), ==, G_MAXINT32);
  g_assert_cmpint (hs_rate_of (-HS_MONEY_MAX, 1), ==, -G_MAXINT32);
  g_assert_cmpint (hs_rate_of (G_MININT64, 1), ==, -G_MAXINT32);
}

/* ---------------------------------------------------------------------- */

static void
test_format (void)
{
  static const struct { gint64 cents; HsLang lang; const char *expected; } cases[] = {
    { 133333300, HS_LANG_FI, "1" NBSP "333" NBSP "333,00" NBSP EURO },
    { 133333300, HS_LANG_SV, "1" NBSP "333" NBSP "333,00" NBSP EURO },
    { 133333300, HS_LANG_EN, EURO "1,333,333.00" },
    { 0, HS_LANG_FI, "0,00" NBSP EURO },
    { 0, HS_LANG_EN, EURO "0.00" },
    { 5, HS_LANG_FI, "0,05" NBSP EURO },
    { 2335, HS_LANG_FI, "23,35" NBSP EURO },
    { 99999, HS_LANG_FI, "999,99" NBSP EURO },
    { 100000, HS_LANG_FI, "1" NBSP "000,00" NBSP EURO },
    { 100000, HS_LANG_EN, EURO "1,000.00" },
    { 10000000, HS_LANG_FI, "100" NBSP "000,00" NBSP EURO },
    { -123450, HS_LANG_FI, MINUS "1" NBSP "234,50" NBSP EURO },
    { -123450, HS_LANG_SV, MINUS "1" NBSP "234,50" NBSP EURO },
    { -500, HS_LANG_EN, MINUS EURO "5.00" },
    { -1, HS_LANG_EN, MINUS EURO "0.01" },
    { HS_MONEY_MAX, HS_LANG_FI, "10" NBSP "000" NBSP "000" NBSP "000" NBSP "000,00" NBSP EURO },
    { G_MAXINT64, HS_LANG_EN, EURO "92,233,720,368,547,758.07" },
    { G_MININT64, HS_LANG_EN, MINUS EURO "92,233,720,368,547,758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hs_money_format (cases[i].cents, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_plain (void)
{
  static const struct { gint64 cents; HsLang lang; const char *expected; } cases[] = {
    { 133333300, HS_LANG_FI, "1" NBSP "333" NBSP "333,00" },
    { 133333300, HS_LANG_EN, "1,333,333.00" },
    { -500, HS_LANG_FI, MINUS "5,00" },
    { -500, HS_LANG_EN, MINUS "5.00" },
    { 7, HS_LANG_SV, "0,07" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hs_money_format_plain (cases[i].cents, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Counts of projects, grouped as the amounts are: "10 018 hanketta". */
static void
test_count_format (void)
{
  static const struct { gint64 count; HsLang lang; const char *expected; } cases[] = {
    { 0, HS_LANG_FI, "0" },
    { 63, HS_LANG_EN, "63" },
    { 999, HS_LANG_FI, "999" },
    { 1000, HS_LANG_FI, "1" NBSP "000" },
    { 10018, HS_LANG_FI, "10" NBSP "018" },
    { 10018, HS_LANG_SV, "10" NBSP "018" },
    { 10018, HS_LANG_EN, "10,018" },
    { 1234567, HS_LANG_EN, "1,234,567" },
    { -10018, HS_LANG_FI, MINUS "10" NBSP "018" },
    { G_MININT64, HS_LANG_EN, MINUS "9,223,372,036,854,775,808" },
    { G_MAXINT64, HS_LANG_EN, "9,223,372,036,854,775,807" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hs_count_format (cases[i].count, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* ---------------------------------------------------------------------- */

static void
test_parse_accepts (void)
{
  static const struct { const char *text; gint64 cents; } cases[] = {
    { "0", 0 },
    { "1", 100 },
    { "007", 700 },
    { "12345", 1234500 },
    { "1,5", 150 },
    { "1.5", 150 },
    { "1,50", 150 },
    { "0,05", 5 },
    { ",50", 50 },
    { "12345,6", 1234560 },
    { "1 000", 100000 },
    { "1" NBSP "000", 100000 },
    { "1" NNBSP "000", 100000 },
    { "1'000", 100000 },
    { "1\xe2\x80\x99" "000", 100000 },
    { "1 333 333,00", 133333300 },
    { "1" NBSP "333" NBSP "333,00" NBSP EURO, 133333300 },
    { "1" NNBSP "333" NNBSP "333,00 " EURO, 133333300 },   /* glibc's fi_FI */
    { "1.000.000", 100000000 },
    { "1,000,000", 100000000 },
    { "1.234.567,89", 123456789 },
    { "1,234,567.89", 123456789 },
    { "1'234.50", 123450 },
    { "1.000,00", 100000 },
    { "1,000.00", 100000 },
    { "23,35 " EURO, 2335 },
    { "23,35" EURO, 2335 },
    { EURO "1,000.50", 100050 },
    { EURO " 5", 500 },
    { "EUR 1 000", 100000 },
    { "1000 EUR", 100000 },
    { "eur 5", 500 },
    { "EUR5", 500 },
    { "1.5 EUR", 150 },
    { "  12  ", 1200 },
    { "\t12,00 \n", 1200 },
    { "+5", 500 },
    { "-5", -500 },
    { MINUS "5,00 " EURO, -500 },
    { MINUS "1" NBSP "234,50" NBSP EURO, -123450 },
    { "-" EURO "5.00", -500 },
    { EURO "-5.00", -500 },
    { "- 5", -500 },
    { "-0", 0 },
    { "10 000 000 000 000,00", HS_MONEY_MAX },
    { "-10 000 000 000 000", -HS_MONEY_MAX },
    { "000000000000000000000000001", 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 out = 4242;

      g_test_message ("parse \"%s\"", cases[i].text);
      g_assert_true (hs_money_parse (cases[i].text, &out, &error));
      g_assert_no_error (error);
      g_assert_cmpint (out, ==, cases[i].cents);
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
  HsCoreError code;
  const char *says;       /* a part of the message that says what was wrong */
  const char *also;       /* and another, or NULL */
} Rejection;

static void
check_rejections (const Rejection *cases,
                  guint            n_cases,
                  gboolean       (*parse) (const char *, gpointer, GError **))
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 out = 4242;

      {
        g_autofree char *escaped = g_strescape (cases[i].text, NULL);
        g_test_message ("reject \"%s\"", escaped);
      }
      g_assert_false (parse (cases[i].text, &out, &error));
      g_assert_error (error, HS_CORE_ERROR, (int) cases[i].code);
      g_test_message ("  %s", error->message);
      /* the message names the text the user typed */
      if (!is_blank (cases[i].text) && g_utf8_validate (cases[i].text, -1, NULL))
        g_assert_nonnull (strstr (error->message, cases[i].text));
      g_assert_nonnull (strstr (error->message, cases[i].says));
      if (cases[i].also != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].also));
      /* and nothing was written */
      g_assert_cmpint (out, ==, 4242);
    }
}

static gboolean
parse_money (const char *text, gpointer out, GError **error)
{
  return hs_money_parse (text, out, error);
}

static void
test_parse_rejects (void)
{
  static const Rejection cases[] = {
    { "", HS_CORE_ERROR_PARSE, "empty", NULL },
    { "   ", HS_CORE_ERROR_PARSE, "empty", NULL },
    /* ambiguous: a thousand or one euro? */
    { "1.000", HS_CORE_ERROR_PARSE, "ambiguous", "write 1000 or 1.00" },
    { "1,000", HS_CORE_ERROR_PARSE, "ambiguous", "write 1000 or 1,00" },
    { "12,345", HS_CORE_ERROR_PARSE, "ambiguous", "write 12345 or 12,35" },
    { "999.999", HS_CORE_ERROR_PARSE, "ambiguous", "1000.00" },
    { "-1.000", HS_CORE_ERROR_PARSE, "ambiguous", NULL },
    { "1.000 " EURO, HS_CORE_ERROR_PARSE, "ambiguous", NULL },
    /* more than one decimal mark */
    { "12,345.6.7", HS_CORE_ERROR_PARSE, "more than one decimal mark", NULL },
    { "1.234,5,6", HS_CORE_ERROR_PARSE, "more than one decimal mark", NULL },
    /* too many decimals */
    { "1,2345", HS_CORE_ERROR_PARSE, "at most two decimals", NULL },
    { "0,001", HS_CORE_ERROR_PARSE, "at most two decimals", NULL },
    { "1 234,567", HS_CORE_ERROR_PARSE, "at most two decimals", NULL },
    { "1234,567", HS_CORE_ERROR_PARSE, "at most two decimals", NULL },
    { "1,000.505", HS_CORE_ERROR_PARSE, "at most two decimals", NULL },
    { ",505", HS_CORE_ERROR_PARSE, "at most two decimals", NULL },
    { "5,", HS_CORE_ERROR_PARSE, "no digits after the decimal mark", NULL },
    /* digits grouped wrongly */
    { "1 23 456", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1234 567", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "12 3456", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1,23,456", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1.2.3", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1 000'000", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1  000", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1,5 6", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1.000 000", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1.000.00", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { ".000.000", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    { "1000'", HS_CORE_ERROR_PARSE, "grouped wrongly", NULL },
    /* letters and signs that are not ours */
    { "12a", HS_CORE_ERROR_PARSE, "contains “a”", NULL },
    { "abc", HS_CORE_ERROR_PARSE, "contains “a”", NULL },
    { "1e5", HS_CORE_ERROR_PARSE, "contains “e”", NULL },
    { "5 euros", HS_CORE_ERROR_PARSE, "contains “e”", NULL },
    { "EURO 5", HS_CORE_ERROR_PARSE, "contains “E”", NULL },
    { "$5", HS_CORE_ERROR_PARSE, "contains “$”", NULL },
    { "5 kr", HS_CORE_ERROR_PARSE, "contains “k”", NULL },
    { "5 \xc2\xa3", HS_CORE_ERROR_PARSE, "contains “\xc2\xa3”", NULL },
    { "\xd9\xa5", HS_CORE_ERROR_PARSE, "contains", NULL },  /* Arabic-Indic five */
    /* characters whose low byte is an ASCII digit: U+0536 (0x36, '6'),
     * U+2030 per mille (0x30, '0'), U+0131 dotless i (0x31, '1') */
    { "\xd4\xb6", HS_CORE_ERROR_PARSE, "contains “\xd4\xb6”", NULL },
    { "5\xe2\x80\xb0", HS_CORE_ERROR_PARSE, "contains “\xe2\x80\xb0”", NULL },
    { "1\xc4\xb1", HS_CORE_ERROR_PARSE, "contains “\xc4\xb1”", NULL },
    /* signs and euro signs in the wrong place or twice */
    { "--5", HS_CORE_ERROR_PARSE, "sign in the wrong place", NULL },
    { "-" MINUS "5", HS_CORE_ERROR_PARSE, "sign in the wrong place", NULL },
    { "5-", HS_CORE_ERROR_PARSE, "sign in the wrong place", NULL },
    { "5 - 3", HS_CORE_ERROR_PARSE, "sign in the wrong place", NULL },
    { "5 " EURO " -", HS_CORE_ERROR_PARSE, "sign in the wrong place", NULL },
    { EURO "5 " EURO, HS_CORE_ERROR_PARSE, "more than one euro sign", NULL },
    { "EUR 5 " EURO, HS_CORE_ERROR_PARSE, "more than one euro sign", NULL },
    { "5 " EURO " 3", HS_CORE_ERROR_PARSE, "more after the number", NULL },
    { EURO, HS_CORE_ERROR_PARSE, "no digits", NULL },
    { "-", HS_CORE_ERROR_PARSE, "no digits", NULL },
    { ",", HS_CORE_ERROR_PARSE, "no digits", NULL },
    { "- " EURO, HS_CORE_ERROR_PARSE, "no digits", NULL },
    /* too large */
    { "10 000 000 000 000,01", HS_CORE_ERROR_OVERFLOW, "too large", NULL },
    { "-10 000 000 000 000,01", HS_CORE_ERROR_OVERFLOW, "too large", NULL },
    { "10000000000001", HS_CORE_ERROR_OVERFLOW, "too large", NULL },
    { "92233720368547758,08", HS_CORE_ERROR_OVERFLOW, "too large", NULL },
    { "99999999999999999999999999999999", HS_CORE_ERROR_OVERFLOW, "too large", NULL },
    /* not text at all */
    { "1\xff", HS_CORE_ERROR_PARSE, "not valid text", NULL },
  };

  check_rejections (cases, G_N_ELEMENTS (cases), parse_money);
}

static void
test_parse_error_names_limit (void)
{
  g_autoptr(GError) error = NULL;
  gint64 out;

  g_assert_false (hs_money_parse ("10 000 000 000 000,01", &out, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW);
  /* the largest amount, in the user's format (English in the tests) */
  g_assert_nonnull (strstr (error->message, EURO "10,000,000,000,000.00"));
}

static void
check_round_trip (gint64 cents)
{
  for (HsLang lang = HS_LANG_EN; lang <= HS_LANG_SV; lang++)
    {
      g_autofree char *text = hs_money_format (cents, lang);
      g_autofree char *plain = hs_money_format_plain (cents, lang);
      g_autoptr(GError) error = NULL;
      gint64 out = cents + 1;

      if (!hs_money_parse (text, &out, &error) || out != cents)
        g_error ("“%s” read back as %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT ": %s",
                 text, out, cents, error ? error->message : "");
      out = cents + 1;
      if (!hs_money_parse (plain, &out, &error) || out != cents)
        g_error ("“%s” read back as %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT ": %s",
                 plain, out, cents, error ? error->message : "");
    }
}

static void
test_round_trip (void)
{
  static const gint64 values[] = {
    0, 1, -1, 5, 99, 100, -100, 999, 1000, 99999, 100000, 100001, 123456789,
    133333300, -133333300, 100000000000, HS_MONEY_MAX, -HS_MONEY_MAX, HS_MONEY_MAX - 1,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    check_round_trip (values[i]);

  for (guint i = 0; i < 20000; i++)
    check_round_trip (rand_amount (i % 2 ? HS_MONEY_MAX : 10000000));
}

/* ---------------------------------------------------------------------- */

static void
test_rate_format (void)
{
  static const struct { gint32 bp; HsLang lang; const char *expected; } cases[] = {
    { 6240, HS_LANG_FI, "62,4" NBSP "%" },
    { 6240, HS_LANG_SV, "62,4" NBSP "%" },
    { 6240, HS_LANG_EN, "62.4%" },
    { 6000, HS_LANG_FI, "60,0" NBSP "%" },
    { 6244, HS_LANG_FI, "62,4" NBSP "%" },
    { 6245, HS_LANG_FI, "62,5" NBSP "%" },    /* half away from zero */
    { -6245, HS_LANG_FI, MINUS "62,5" NBSP "%" },
    { -6244, HS_LANG_EN, MINUS "62.4%" },
    { 5, HS_LANG_EN, "0.1%" },
    { -5, HS_LANG_EN, MINUS "0.1%" },
    { 4, HS_LANG_EN, "0.0%" },
    { 0, HS_LANG_FI, "0,0" NBSP "%" },
    { 10000, HS_LANG_FI, "100,0" NBSP "%" },
    { 9995, HS_LANG_EN, "100.0%" },
    { 15000, HS_LANG_EN, "150.0%" },
    { G_MAXINT32, HS_LANG_EN, "21474836.5%" },
    { G_MININT32, HS_LANG_EN, MINUS "21474836.5%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hs_rate_format (cases[i].bp, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_rate_parse_accepts (void)
{
  static const struct { const char *text; gint32 bp; } cases[] = {
    { "60", 6000 },
    { "60 %", 6000 },
    { "60%", 6000 },
    { "60" NBSP "%", 6000 },
    { "60,5 %", 6050 },
    { "60.5%", 6050 },
    { "62,45", 6245 },
    { "0,01", 1 },
    { "0", 0 },
    { "-0", 0 },
    { "100", 10000 },
    { "100,00 %", 10000 },
    { " 40 % ", 4000 },
    { "007", 700 },
    { ",5", 50 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint32 out = 4242;

      g_test_message ("parse \"%s\"", cases[i].text);
      g_assert_true (hs_rate_parse (cases[i].text, &out, &error));
      g_assert_no_error (error);
      g_assert_cmpint (out, ==, cases[i].bp);
    }
}

static gboolean
parse_rate (const char *text, gpointer out, GError **error)
{
  gint32 bp = 4242;
  gboolean ok = hs_rate_parse (text, &bp, error);

  *(gint64 *) out = bp;
  return ok;
}

static void
test_rate_parse_rejects (void)
{
  static const Rejection cases[] = {
    { "", HS_CORE_ERROR_PARSE, "empty", NULL },
    { " ", HS_CORE_ERROR_PARSE, "empty", NULL },
    { "abc", HS_CORE_ERROR_PARSE, "“a” does not belong", NULL },
    { "6 0", HS_CORE_ERROR_PARSE, "“0” does not belong", NULL },
    { "60 %%", HS_CORE_ERROR_PARSE, "“%” does not belong", NULL },
    { "60 % 5", HS_CORE_ERROR_PARSE, "“5” does not belong", NULL },
    { "60 bp", HS_CORE_ERROR_PARSE, "“b” does not belong", NULL },
    { "%", HS_CORE_ERROR_PARSE, "no digits", NULL },
    { "-", HS_CORE_ERROR_PARSE, "no digits", NULL },
    { "60,", HS_CORE_ERROR_PARSE, "no digits after the decimal mark", NULL },
    { "60,555", HS_CORE_ERROR_PARSE, "at most two decimals", NULL },
    { "60,5,5", HS_CORE_ERROR_PARSE, "more than one decimal mark", NULL },
    { "60.5,5", HS_CORE_ERROR_PARSE, "more than one decimal mark", NULL },
    { "100,01", HS_CORE_ERROR_PARSE, "between 0% and 100%", NULL },
    { "101 %", HS_CORE_ERROR_PARSE, "between 0% and 100%", NULL },
    { "-1", HS_CORE_ERROR_PARSE, "between 0% and 100%", NULL },
    { MINUS "0,5 %", HS_CORE_ERROR_PARSE, "between 0% and 100%", NULL },
    { "1000000000000000000000000", HS_CORE_ERROR_PARSE, "between 0% and 100%", NULL },
    { "\xff", HS_CORE_ERROR_PARSE, "not valid text", NULL },
  };

  check_rejections (cases, G_N_ELEMENTS (cases), parse_rate);
}

static void
test_rate_round_trip (void)
{
  /* one decimal: every tenth of a per cent survives */
  for (gint32 bp = 0; bp <= HS_BP_WHOLE; bp += 10)
    for (HsLang lang = HS_LANG_EN; lang <= HS_LANG_SV; lang++)
      {
        g_autofree char *text = hs_rate_format (bp, lang);
        g_autoptr(GError) error = NULL;
        gint32 out = -1;

        g_assert_true (hs_rate_parse (text, &out, &error));
        g_assert_no_error (error);
        g_assert_cmpint (out, ==, bp);
      }
}

/* Shares beside the limit they break: enough decimals to be true. */
static void
test_share_beside_limit (void)
{
  static const struct {
    gint64 part, whole;
    gint32 limit;
    gboolean over;
    HsLang lang;
    const char *expected;
  } cases[] = {
    { 6240, 10000, 6000, TRUE, HS_LANG_FI, "62,4\u00a0%" },
    { 6001, 10000, 6000, TRUE, HS_LANG_FI, "60,01\u00a0%" },
    { 21000001, 35000000, 6000, TRUE, HS_LANG_EN, "60.000002%" },
    { 8749999, 35000000, 2500, FALSE, HS_LANG_FI, "24,999998\u00a0%" },
    { 2499, 10000, 2500, FALSE, HS_LANG_SV, "24,99\u00a0%" },
    { 2000, 10000, 2500, FALSE, HS_LANG_FI, "20,0\u00a0%" },
    /* a limit with two decimals: the share gets at least two */
    { 2560, 10000, 2555, TRUE, HS_LANG_EN, "25.60%" },
    { 25551, 100000, 2555, TRUE, HS_LANG_EN, "25.551%" },
    /* one part in 10^12 over: rounded down at the last decimal shown */
    { 600000000001, 1000000000000, 6000, TRUE, HS_LANG_EN, "60.00000000%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hs_share_format_beside (cases[i].part, cases[i].whole, cases[i].limit,
                                                      cases[i].over, cases[i].lang);
      g_autofree char *expected = g_strcompress (cases[i].expected);

      g_assert_cmpstr (text, ==, expected);
    }

  {
    g_autofree char *limit = hs_rate_format_limit (2555, HS_LANG_FI);
    g_autofree char *whole = hs_rate_format_limit (6000, HS_LANG_EN);
    g_assert_cmpstr (limit, ==, "25,55\u00a0%");
    g_assert_cmpstr (whole, ==, "60.0%");
  }
}

static void
test_ratio_compare (void)
{
  g_assert_cmpint (hs_ratio_compare (1, 3, 1, 3), ==, 0);
  g_assert_cmpint (hs_ratio_compare (2, 6, 1, 3), ==, 0);
  g_assert_cmpint (hs_ratio_compare (1, 3, 33333, 100000), >, 0);
  g_assert_cmpint (hs_ratio_compare (33333, 100000, 1, 3), <, 0);
  g_assert_cmpint (hs_ratio_compare (0, 5, 0, 7), ==, 0);
  g_assert_cmpint (hs_ratio_compare (0, 5, 1, G_MAXINT64), <, 0);
  /* products far beyond 64 bits */
  g_assert_cmpint (hs_ratio_compare (G_MAXINT64 - 1, G_MAXINT64, G_MAXINT64 - 2, G_MAXINT64 - 1), >, 0);
  g_assert_cmpint (hs_ratio_compare (600000000001, 1000000000000, 6000, 10000), >, 0);
  g_assert_cmpint (hs_ratio_compare (6000, 10000, 600000000001, 1000000000000), <, 0);
  g_assert_cmpint (hs_ratio_compare (7, 2, 3, 1), >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/add-sub", test_add_sub);
  g_test_add_func ("/money/apply-rate/rounding", test_apply_rate_rounding);
  g_test_add_func ("/money/apply-rate/overflow", test_apply_rate_overflow);
  g_test_add_func ("/money/rate-of", test_rate_of);
  g_test_add_func ("/money/scale", test_scale);
#ifdef __SIZEOF_INT128__
  g_test_add_func ("/money/apply-rate/oracle", test_apply_rate_oracle);
  g_test_add_func ("/money/rate-of/oracle", test_rate_of_oracle);
#endif
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/format-plain", test_format_plain);
  g_test_add_func ("/money/count-format", test_count_format);
  g_test_add_func ("/money/parse/accepts", test_parse_accepts);
  g_test_add_func ("/money/parse/rejects", test_parse_rejects);
  g_test_add_func ("/money/parse/overflow-message", test_parse_error_names_limit);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/rate/format", test_rate_format);
  g_test_add_func ("/rate/parse/accepts", test_rate_parse_accepts);
  g_test_add_func ("/rate/parse/rejects", test_rate_parse_rejects);
  g_test_add_func ("/rate/round-trip", test_rate_round_trip);

  g_test_add_func ("/money/share-beside-limit", test_share_beside_limit);
  g_test_add_func ("/money/ratio-compare", test_ratio_compare);

  return g_test_run ();
}

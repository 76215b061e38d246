/* test-ytunnus.c — the Finnish business ID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-ytunnus.h"

/* The verified vectors of docs/domain.md §5 (from EURA 2014 pages). */
static const char * const vectors[] = {
  "0201256-6",   /* Helsingin kaupunki */
  "0101263-6",   /* Espoon kaupunki */
  "0124610-9",   /* Vantaan kaupunki */
  "0187690-1",   /* Oulun kaupunki */
  "0211675-2",   /* Tampereen kaupunki */
  "0204819-8",   /* Turun kaupunki */
  "0828308-4",   /* Pirkanmaan liitto */
  "0245895-5",   /* Oulun yliopisto */
  "2228357-4",   /* Aalto-yliopisto */
  "2170029-2",   /* Forum Virium Helsinki Oy */
  "2322323-1",   /* Turku Science Park Oy Ab */
  "2630644-6",   /* Lab-ammattikorkeakoulu Oy */
  "2539767-3",   /* Seinäjoen AMK */
  "1046216-1",   /* Laurea-AMK */
};

static void
test_vectors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *seven = g_strndup (vectors[i], 7);
      g_autofree char *normalized = NULL;

      g_test_message ("%s", vectors[i]);
      g_assert_true (hs_ytunnus_validate (vectors[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (hs_ytunnus_check_digit (seven), ==, vectors[i][8] - '0');

      normalized = hs_ytunnus_normalize (vectors[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, vectors[i]);
    }
}

/* Every single-digit change of every vector is caught: the weights are
 * all non-zero modulo 11, which is prime. */
static void
test_one_digit_corruptions (void)
{
  guint n_checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    for (guint position = 0; position < 9; position++)
      {
        if (position == 7)
          continue;    /* the hyphen */

        for (char digit = '0'; digit <= '9'; digit++)
          {
            g_autoptr(GError) error = NULL;
            char corrupt[10];

            if (digit == vectors[i][position])
              continue;

            memcpy (corrupt, vectors[i], sizeof corrupt);
            corrupt[position] = digit;

            if (hs_ytunnus_validate (corrupt, &error))
              g_error ("%s (from %s) was accepted", corrupt, vectors[i]);
            g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
            /* either the check digit is wrong, or no ID has these digits */
            if (strstr (error->message, corrupt) == NULL)
              {
                g_autofree char *seven = g_strndup (corrupt, 7);

                g_assert_nonnull (strstr (error->message, seven));
                g_assert_nonnull (strstr (error->message, "remainder 1"));
              }
            n_checked++;
          }
      }

  g_assert_cmpuint (n_checked, ==, G_N_ELEMENTS (vectors) * 8 * 9);
}

static void
test_check_digit (void)
{
  /* remainder 0 → 0 */
  g_assert_cmpint (hs_ytunnus_check_digit ("0000000"), ==, 0);
  g_assert_cmpint (hs_ytunnus_check_digit ("1000002"), ==, 0);    /* 7 + 4 = 11 */
  /* remainder r → 11 − r */
  g_assert_cmpint (hs_ytunnus_check_digit ("1000001"), ==, 2);    /* 7 + 2 = 9 */
  g_assert_cmpint (hs_ytunnus_check_digit ("0000055"), ==, 3);    /* 20 + 10 = 30 ≡ 8 */
  g_assert_cmpint (hs_ytunnus_check_digit ("1234567"), ==, 1);    /* 153 ≡ 10 */
  g_assert_cmpint (hs_ytunnus_check_digit ("0201256"), ==, 6);
  /* remainder 1: never issued */
  g_assert_cmpint (hs_ytunnus_check_digit ("1234568"), ==, -1);   /* 155 ≡ 1 */
  g_assert_cmpint (hs_ytunnus_check_digit ("0000006"), ==, -1);   /* 12 ≡ 1 */
  /* not seven digits */
  g_assert_cmpint (hs_ytunnus_check_digit ("020125"), ==, -1);
  g_assert_cmpint (hs_ytunnus_check_digit ("02012566"), ==, -1);
  g_assert_cmpint (hs_ytunnus_check_digit ("020125a"), ==, -1);
  g_assert_cmpint (hs_ytunnus_check_digit (""), ==, -1);

  /* the check digit agrees with validation for every remainder */
  for (guint n = 0; n < 10000000; n += 7919)
    {
      char seven[8], id[10];
      int check;

      g_snprintf (seven, sizeof seven, "%07u", n);
      check = hs_ytunnus_check_digit (seven);
      for (int digit = 0; digit <= 9; digit++)
        {
          g_snprintf (id, sizeof id, "%s-%d", seven, digit);
          g_assert_cmpint (hs_ytunnus_validate (id, NULL), ==, digit == check);
        }
    }
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (hs_ytunnus_validate ("0201256-5", &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "The check digit of 0201256-5 should be 6");
  g_clear_error (&error);

  g_assert_false (hs_ytunnus_validate ("1234568-0", &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "No Y-tunnus has the digits 1234568 (remainder 1)");
  g_clear_error (&error);

  g_assert_false (hs_ytunnus_validate ("201256-6", &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "“201256-6”"));
  g_assert_nonnull (strstr (error->message,
                            "Y-tunnus has seven digits, a hyphen and a check digit, like 0201256-6"));
}

static void
test_validate_shape (void)
{
  /* validate() wants the canonical form and nothing else */
  static const char * const bad[] = {
    "", "0201256", "02012566", "0201256-", "0201256-66", "201256-6", " 0201256-6",
    "0201256-6 ", "FI02012566", "0201256 6", "0201256–6", "02O1256-6", "0201256-x",
    "00201256-6", "-0201256",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("\"%s\"", bad[i]);
      g_assert_false (hs_ytunnus_validate (bad[i], &error));
      g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "seven digits, a hyphen and a check digit"));
      if (*bad[i] != '\0')
        g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_normalize (void)
{
  static const struct { const char *text; const char *expected; } good[] = {
    { "0201256-6", "0201256-6" },
    { "  0201256-6\t", "0201256-6" },
    { "\xc2\xa0" "0201256-6" "\xc2\xa0", "0201256-6" },
    { "FI02012566", "0201256-6" },
    { "fi02012566", "0201256-6" },
    { "FI 08283084", "0828308-4" },        /* Pirkanmaan liitto, VAT form */
    { "02012566", "0201256-6" },
    { "201256-6", "0201256-6" },           /* an old six-digit ID */
    { "0201256\xe2\x80\x93" "6", "0201256-6" },   /* en dash */
    { "0201256\xe2\x80\x91" "6", "0201256-6" },   /* non-breaking hyphen */
    { "0201256\xe2\x88\x92" "6", "0201256-6" },   /* minus sign */
  };
  static const struct { const char *text; const char *says; } bad[] = {
    { "0201256-5", "The check digit of 0201256-5 should be 6" },
    { "201256-5", "The check digit of 0201256-5 should be 6" },
    { "FI02012565", "The check digit of 0201256-5 should be 6" },
    { "1234568-8", "No Y-tunnus has the digits 1234568 (remainder 1)" },
    { "", "seven digits" },
    { "   ", "seven digits" },
    { "20125-6", "“20125-6”" },
    { "02012566-6", "“02012566-6”" },
    { "0201256--6", "“0201256--6”" },
    { "0201256-6x", "“0201256-6x”" },
    { "FI0201256", "“FI0201256”" },
    { "SE02012566", "“SE02012566”" },
    { "0201256 - 6", "“0201256 - 6”" },
    { "Y-tunnus 0201256-6", "“Y-tunnus 0201256-6”" },
    { " 12 ", "“12”" },
    { "\xff" "0201256-6", "seven digits" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = hs_ytunnus_normalize (good[i].text, &error);

      {
        g_autofree char *escaped = g_strescape (good[i].text, NULL);
        g_test_message ("\"%s\"", escaped);
      }
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, good[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = hs_ytunnus_normalize (bad[i].text, &error);

      {
        g_autofree char *escaped = g_strescape (bad[i].text, NULL);
        g_test_message ("\"%s\"", escaped);
      }
      g_assert_null (normalized);
      g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].says));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ytunnus/vectors", test_vectors);
  g_test_add_func ("/ytunnus/one-digit-corruptions", test_one_digit_corruptions);
  g_test_add_func ("/ytunnus/check-digit", test_check_digit);
  g_test_add_func ("/ytunnus/messages", test_messages);
  g_test_add_func ("/ytunnus/validate-shape", test_validate_shape);
  g_test_add_func ("/ytunnus/normalize", test_normalize);

  return g_test_run ();
}

/* test-reference.c — reference data: the names of calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "core/hs-reference.h"

static void
assert_display_name (const HsCall *call,
                     HsLang        lang,
                     const char   *expected)
{
  g_autofree char *name = hs_call_dup_display_name (call, lang);

  g_assert_cmpstr (name, ==, expected);
}

/* An agreement's default call is named in the user's language; every
 * other call keeps the name it was given. */
static void
test_call_display_name (void)
{
  g_autoptr(HsCall) call = hs_call_new_default ();

  call->agreement_id = 10;
  call->name = g_strdup ("Pori — default call");
  g_assert_true (hs_call_is_agreement_default (call));
  assert_display_name (call, HS_LANG_EN, "Pori — default call");
  assert_display_name (call, HS_LANG_FI, "Pori — oletushaku");
  assert_display_name (call, HS_LANG_SV, "Pori — standardutlysning");

  /* a region name with a dash of its own */
  g_free (call->name);
  call->name = g_strdup ("Lappeenranta (ml. Imatra) — default call");
  assert_display_name (call, HS_LANG_FI, "Lappeenranta (ml. Imatra) — oletushaku");

  /* a call of the user's own keeps its name in every language */
  g_free (call->name);
  call->name = g_strdup ("Porin kevään 2025 haku");
  g_assert_false (hs_call_is_agreement_default (call));
  assert_display_name (call, HS_LANG_FI, "Porin kevään 2025 haku");
  assert_display_name (call, HS_LANG_SV, "Porin kevään 2025 haku");

  /* not an agreement's: a national call with a name like it */
  g_free (call->name);
  call->name = g_strdup ("Pori — default call");
  call->agreement_id = 0;
  g_assert_false (hs_call_is_agreement_default (call));
  assert_display_name (call, HS_LANG_FI, "Pori — default call");

  /* only the suffix is not a name */
  g_free (call->name);
  call->name = g_strdup (" — default call");
  call->agreement_id = 10;
  assert_display_name (call, HS_LANG_FI, " — default call");

  g_clear_pointer (&call->name, g_free);
  assert_display_name (call, HS_LANG_FI, "");
}

#define NBSP "\u00a0"

static void
assert_limits (const HsCall *call,
               HsLang        lang,
               const char   *expected)
{
  g_autofree char *text = hs_call_dup_limits_text (call, lang);

  g_assert_cmpstr (text, ==, expected);
}

/* A call's limits in words, in the language asked for, the limits it does
 * not set left out. */
static void
test_call_limits_text (void)
{
  g_autoptr(HsCall) call = hs_call_new_default ();

  /* the HEVi coordination call: support at most 60 % and 1,2 M€, one
   * project, at most four years, open 21.8.–29.9.2023 */
  call->name = g_strdup ("HEVi-koordinaatio");
  call->min_city_bp = 0;
  call->max_support = G_GINT64_CONSTANT (120000000);
  call->max_projects = 1;
  call->max_duration_months = 48;
  g_date_set_dmy (&call->open_date, 21, 8, 2023);
  g_date_set_dmy (&call->close_date, 29, 9, 2023);
  assert_limits (call, HS_LANG_FI,
                 "EU- ja valtion rahoitus enintään 60,0" NBSP "%, enintään 1" NBSP "200" NBSP "000,00" NBSP "€; "
                 "enintään 48 kuukautta; enintään 1 hanke; haettavissa 21.8.–29.9.2023");
  assert_limits (call, HS_LANG_EN,
                 "EU and state support at most 60.0%, at most €1,200,000.00; "
                 "at most 48 months; at most 1 project; open 21 Aug–29 Sep 2023");
  assert_limits (call, HS_LANG_SV,
                 "EU- och statligt stöd högst 60,0" NBSP "%, högst 1" NBSP "200" NBSP "000,00" NBSP "€; "
                 "högst 48 månader; högst 1 projekt; öppen 21.8.–29.9.2023");

  /* Joensuu 2023: the city at most 25 %, own financing at least 15 %, at
   * most two years, 1 M€ of EAKR and 415 000 € of the city's money;
   * dates across a year, only a closing day */
  call->max_support = 0;
  call->max_projects = 0;
  call->max_city_bp = 2500;
  call->min_own_bp = 1500;
  call->max_duration_months = 24;
  call->money_available = G_GINT64_CONSTANT (100000000);
  call->city_money_available = G_GINT64_CONSTANT (41500000);
  g_date_set_dmy (&call->open_date, 18, 10, 2023);
  g_date_set_dmy (&call->close_date, 31, 1, 2024);
  assert_limits (call, HS_LANG_FI,
                 "EU- ja valtion rahoitus enintään 60,0" NBSP "%; kuntarahoitus enintään 25,0" NBSP "%; "
                 "omarahoitus vähintään 15,0" NBSP "%; enintään 24 kuukautta; haettavissa 18.10.2023–31.1.2024; "
                 "käytettävissä 1" NBSP "000" NBSP "000,00" NBSP "€ EU- ja valtion rahoitusta ja "
                 "415" NBSP "000,00" NBSP "€ kuntarahoitusta");
  g_date_clear (&call->open_date, 1);
  call->money_available = 0;
  call->min_city_bp = 1000;
  call->max_duration_months = 1;
  assert_limits (call, HS_LANG_EN,
                 "EU and state support at most 60.0%; city at least 10.0%, at most 25.0%; "
                 "own financing at least 15.0%; at most 1 month; closes 31 Jan 2024; "
                 "available €415,000.00 city money");

  /* a rate with hundredths keeps them; only an opening day */
  call->max_support_bp = 5555;
  call->min_city_bp = call->max_city_bp = call->min_own_bp = 0;
  call->max_duration_months = 0;
  call->city_money_available = 0;
  g_date_clear (&call->close_date, 1);
  g_date_set_dmy (&call->open_date, 1, 3, 2025);
  assert_limits (call, HS_LANG_FI, "EU- ja valtion rahoitus enintään 55,55" NBSP "%; haku alkaa 1.3.2025");

  /* no limits at all: nothing to say */
  call->max_support_bp = 0;
  g_date_clear (&call->open_date, 1);
  assert_limits (call, HS_LANG_FI, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reference/call/display-name", test_call_display_name);
  g_test_add_func ("/reference/call/limits-text", test_call_limits_text);
  return g_test_run ();
}

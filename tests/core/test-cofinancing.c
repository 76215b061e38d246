/* test-cofinancing.c — the EU part and the state part of EU and state support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With the published totals of Pääkaupunkiseudun haastemoottori
 * (Helsinki-Uusimaa, EU 40 %) and Jyväskylän kasvu ja kestävä
 * kaupunkikehitys (EU 60 %), docs/domain.md §2.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "core/hs-cofinancing.h"
#include "core/hs-core-error.h"
#include "core/hs-money.h"
#include "../fixtures/published-projects.h"

static void
test_shares (void)
{
  HsAgreement pks = { 0 };
  HsAgreement jkl = { 0 };
  HsCall call = { 0 };

  pks.more_developed = TRUE;
  g_assert_cmpint (hs_agreement_eu_share_bp (&pks), ==, 4000);
  g_assert_cmpint (hs_agreement_eu_share_bp (&jkl), ==, 6000);
  g_assert_cmpint (hs_agreement_eu_share_bp (NULL), ==, 6000);
  /* the store's category share wins over the flag */
  jkl.eu_share_bp = 5000;
  g_assert_cmpint (hs_agreement_eu_share_bp (&jkl), ==, 5000);

  g_assert_cmpint (hs_call_get_instrument (NULL), ==, HS_INSTRUMENT_EAKR);
  call.instrument = HS_INSTRUMENT_AKKE;
  g_assert_cmpint (hs_call_get_instrument (&call), ==, HS_INSTRUMENT_AKKE);
}

static void
test_split (void)
{
  HsSupportSplit split;
  g_autoptr(GError) error = NULL;

  /* the published support as one amount */
  g_assert_true (hs_support_split (PKS_HAASTEMOOTTORI_SUPPORT, 4000, &split, NULL));
  g_assert_cmpint (split.eu, ==, 16679240);
  g_assert_cmpint (split.state, ==, 25018860);
  g_assert_true (hs_support_split (JKL_KASVU_SUPPORT, 6000, &split, NULL));
  g_assert_cmpint (split.eu, ==, 27477720);
  g_assert_cmpint (split.state, ==, 18318480);

  /* rounding half away from zero, and the parts always add up */
  g_assert_true (hs_support_split (1, 5000, &split, NULL));
  g_assert_cmpint (split.eu, ==, 1);
  g_assert_cmpint (split.state, ==, 0);
  g_assert_true (hs_support_split (27798733, 4000, &split, NULL));   /* 11 119 493,2 */
  g_assert_cmpint (split.eu, ==, 11119493);
  g_assert_cmpint (split.state, ==, 27798733 - 11119493);
  g_assert_true (hs_support_split (13899367, 4000, &split, NULL));   /* 5 559 746,8 */
  g_assert_cmpint (split.eu, ==, 5559747);
  g_assert_true (hs_support_split (0, 6000, &split, NULL));
  g_assert_cmpint (split.eu, ==, 0);
  g_assert_cmpint (split.state, ==, 0);
  for (gint64 cents = 0; cents < 2000; cents++)
    for (gint32 bp = 0; bp <= HS_BP_WHOLE; bp += 125)
      {
        g_assert_true (hs_support_split (cents, bp, &split, NULL));
        g_assert_cmpint (split.eu + split.state, ==, cents);
        /* |2·(eu·10000 − cents·bp)| ≤ 10000: the nearest cent */
        g_assert_cmpint (ABS (split.eu * HS_BP_WHOLE - cents * bp) * 2, <=, HS_BP_WHOLE);
      }

  /* the largest amount splits exactly; beyond it, an error */
  g_assert_true (hs_support_split (HS_MONEY_MAX, 6000, &split, NULL));
  g_assert_cmpint (split.eu, ==, G_GINT64_CONSTANT (600000000000000));
  g_assert_cmpint (split.eu + split.state, ==, HS_MONEY_MAX);
  g_assert_false (hs_support_split (HS_MONEY_MAX + 1, 6000, &split, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (hs_support_split (100, 10001, &split, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
}

static void
assert_project (HsProject   *project,
                gint32       share,
                HsInstrument instrument,
                gint64       total,
                gint64       support,
                gint64       eu,
                gint64       state)
{
  HsTotals totals;
  HsSupportSplit split;
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_project_totals (project, &totals, NULL));
  g_assert_cmpint (totals.total_costs, ==, total);
  g_assert_cmpint (totals.financing[HS_SOURCE_EU_STATE], ==, support);
  g_assert_cmpint (totals.total_financing, ==, total);
  g_assert_true (hs_project_split_support (project, share, instrument, &split, &error));
  g_assert_no_error (error);
  g_assert_cmpint (split.eu, ==, eu);
  g_assert_cmpint (split.state, ==, state);
  g_assert_cmpint (split.eu + split.state, ==, support);
}

static void
test_published_projects (void)
{
  g_autoptr(HsProject) pks = published_pks_project (1, 1);
  g_autoptr(HsProject) jkl = published_jyvaskyla_project (5, 5);
  g_autoptr(HsProject) akke = published_akke_project (5, 6);
  HsSupportSplit part;

  /* per implementer: 111 194,93 € + 55 597,47 € = 166 792,40 € EU */
  g_assert_true (hs_implementer_split_support (g_ptr_array_index (pks->implementers, 0), 4000,
                                               HS_INSTRUMENT_EAKR, &part, NULL));
  g_assert_cmpint (part.eu, ==, 11119493);
  g_assert_cmpint (part.state, ==, 16679240);
  g_assert_true (hs_implementer_split_support (g_ptr_array_index (pks->implementers, 1), 4000,
                                               HS_INSTRUMENT_EAKR, &part, NULL));
  g_assert_cmpint (part.eu, ==, 5559747);
  g_assert_cmpint (part.state, ==, 8339620);

  assert_project (pks, 4000, HS_INSTRUMENT_EAKR, PKS_HAASTEMOOTTORI_TOTAL, PKS_HAASTEMOOTTORI_SUPPORT,
                  PKS_HAASTEMOOTTORI_EU, PKS_HAASTEMOOTTORI_STATE);
  /* the list of operations' co-financing rate: EU / total costs, 24,00 % */
  g_assert_cmpint (hs_rate_of (PKS_HAASTEMOOTTORI_EU, PKS_HAASTEMOOTTORI_TOTAL), ==, 2400);
  /* while the 60 % cap is checked on EU and state together: 59,996 % */
  g_assert_cmpint (hs_rate_of (PKS_HAASTEMOOTTORI_SUPPORT, PKS_HAASTEMOOTTORI_TOTAL), ==, 6000);

  assert_project (jkl, 6000, HS_INSTRUMENT_EAKR, JKL_KASVU_TOTAL, JKL_KASVU_SUPPORT,
                  JKL_KASVU_EU, JKL_KASVU_STATE);
  g_assert_cmpint (hs_rate_of (JKL_KASVU_EU, JKL_KASVU_TOTAL), ==, 3600);

  /* national money has no EU part, whatever the region */
  assert_project (akke, 6000, HS_INSTRUMENT_AKKE, AKKE_TOTAL, AKKE_SUPPORT, 0, AKKE_SUPPORT);
  assert_project (akke, 4000, HS_INSTRUMENT_NATIONAL, AKKE_TOTAL, AKKE_SUPPORT, 0, AKKE_SUPPORT);
  assert_project (pks, 4000, HS_INSTRUMENT_NATIONAL, PKS_HAASTEMOOTTORI_TOTAL, PKS_HAASTEMOOTTORI_SUPPORT,
                  0, PKS_HAASTEMOOTTORI_SUPPORT);
}

/* Implementers' support that adds up beyond the largest amount is an
 * overflow error, never a wrapped sum. */
static void
test_overflow (void)
{
  g_autoptr(HsProject) project = published_pks_project (1, 1);
  HsSupportSplit split;
  g_autoptr(GError) error = NULL;

  hs_implementer_set_financing (g_ptr_array_index (project->implementers, 0), HS_SOURCE_EU_STATE, HS_MONEY_MAX);
  hs_implementer_set_financing (g_ptr_array_index (project->implementers, 1), HS_SOURCE_EU_STATE, HS_MONEY_MAX);
  g_assert_false (hs_project_split_support (project, 6000, HS_INSTRUMENT_EAKR, &split, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, PKS_HAASTEMOOTTORI_CODE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cofinancing/shares", test_shares);
  g_test_add_func ("/core/cofinancing/split", test_split);
  g_test_add_func ("/core/cofinancing/published-projects", test_published_projects);
  g_test_add_func ("/core/cofinancing/overflow", test_overflow);

  return g_test_run ();
}

/* test-project.c — projects, implementers, derived costs, totals, snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "core/hs-core-error.h"
#include "core/hs-money.h"
#include "core/hs-project.h"

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static HsImplementer *
new_implementer (const char *name,
                 const char *business_id,
                 HsOrgType   type,
                 gboolean    is_main)
{
  HsOrganisation *org = hs_organisation_new (name, business_id, type);

  org->municipality = g_strdup ("Espoo");
  return hs_implementer_new (org, is_main);
}

/* A project with every field set, two implementers, derived lines,
 * indicators and a status history. */
static HsProject *
full_project (void)
{
  HsProject *project = hs_project_new ("PKS-2024-001");
  HsImplementer *main_impl;
  HsImplementer *partner;
  HsIndicator indicator;
  HsStatusChange change;

  project->id = 42;
  project->name_fi = g_strdup ("Älykkäät kaupunkiratkaisut");
  project->name_sv = g_strdup ("Smarta stadslösningar");
  project->name_en = g_strdup ("Smart city solutions");
  project->acronym = g_strdup ("ÄKR");
  project->agreement_id = 1;
  project->focus_area_id = 3;
  project->call_id = 7;
  project->status = HS_STATUS_SUBMITTED;
  set_date (&project->start_date, 1, 3, 2024);
  set_date (&project->end_date, 28, 2, 2026);
  project->summary = g_strdup ("Kokeillaan uusia ratkaisuja.\nToinen rivi.");
  project->cost_model = HS_COST_MODEL_FLAT40;
  project->example = TRUE;

  main_impl = new_implementer ("Espoon kaupunki", "0101263-6", HS_ORG_CITY, TRUE);
  main_impl->id = 5;
  main_impl->organisation->id = 9;
  hs_implementer_set_cost (main_impl, HS_COST_STAFF, 2024, 8000000);
  hs_implementer_set_cost (main_impl, HS_COST_STAFF, 2025, 9600001);
  hs_implementer_set_cost (main_impl, HS_COST_STAFF, 2026, 1600000);
  g_assert_true (hs_implementer_update_derived (main_impl, project->cost_model, NULL));
  hs_implementer_set_financing (main_impl, HS_SOURCE_EU_STATE, 16800000);
  hs_implementer_set_financing (main_impl, HS_SOURCE_CITY, 7000000);
  hs_implementer_set_financing (main_impl, HS_SOURCE_OWN_PUBLIC, 4200001);
  g_ptr_array_add (project->implementers, main_impl);

  partner = new_implementer ("Aalto-yliopisto", "2228357-4", HS_ORG_UNIVERSITY, FALSE);
  hs_implementer_set_cost (partner, HS_COST_STAFF, 2025, 5000000);
  g_assert_true (hs_implementer_update_derived (partner, project->cost_model, NULL));
  hs_implementer_set_financing (partner, HS_SOURCE_EU_STATE, 4200000);
  hs_implementer_set_financing (partner, HS_SOURCE_OWN_PRIVATE, 2800000);
  g_ptr_array_add (project->implementers, partner);

  indicator.code = g_strdup ("RCO01");
  indicator.target = 25;
  g_array_append_val (project->indicators, indicator);
  indicator.code = g_strdup ("RCR02");
  indicator.target = 150000000;
  g_array_append_val (project->indicators, indicator);

  change.status = HS_STATUS_DRAFT;
  set_date (&change.date, 15, 11, 2023);
  g_array_append_val (project->history, change);
  change.status = HS_STATUS_SUBMITTED;
  set_date (&change.date, 10, 1, 2024);
  g_array_append_val (project->history, change);

  return project;
}

static HsImplementer *
implementer_at (const HsProject *project,
                guint            index)
{
  return g_ptr_array_index (project->implementers, index);
}

static const HsBudgetLine *
budget_line (const HsImplementer *impl,
             guint                index)
{
  g_assert_cmpuint (index, <, impl->budget->len);
  return &g_array_index (impl->budget, HsBudgetLine, index);
}

/* ---------------------------------------------------------------------- */

static void
test_new_defaults (void)
{
  g_autoptr(HsProject) project = hs_project_new ("X-1");

  g_assert_cmpstr (project->code, ==, "X-1");
  g_assert_cmpint (project->status, ==, HS_STATUS_DRAFT);
  g_assert_cmpint (project->cost_model, ==, HS_COST_MODEL_FLAT40);
  g_assert_false (g_date_valid (&project->start_date));
  g_assert_false (g_date_valid (&project->end_date));
  g_assert_cmpuint (project->implementers->len, ==, 0);
  g_assert_cmpuint (project->indicators->len, ==, 0);
  g_assert_cmpuint (project->history->len, ==, 0);
  g_assert_null (hs_project_get_main (project));
  g_assert_cmpstr (hs_project_display_name (project), ==, "X-1");
}

static void
test_display_name (void)
{
  g_autoptr(HsProject) project = hs_project_new ("X-1");

  project->name_en = g_strdup ("English");
  g_assert_cmpstr (hs_project_display_name (project), ==, "English");
  project->name_sv = g_strdup ("Svenska");
  g_assert_cmpstr (hs_project_display_name (project), ==, "Svenska");
  project->name_fi = g_strdup ("");
  g_assert_cmpstr (hs_project_display_name (project), ==, "Svenska");
  g_free (project->name_fi);
  project->name_fi = g_strdup ("Suomi");
  g_assert_cmpstr (hs_project_display_name (project), ==, "Suomi");
}

static void
test_get_main (void)
{
  g_autoptr(HsProject) project = hs_project_new ("X-1");
  HsImplementer *partner = new_implementer ("B", NULL, HS_ORG_COMPANY, FALSE);
  HsImplementer *main_impl = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);

  g_ptr_array_add (project->implementers, partner);
  g_assert_null (hs_project_get_main (project));
  g_ptr_array_add (project->implementers, main_impl);
  g_assert_true (hs_project_get_main (project) == main_impl);
}

static void
test_set_cost (void)
{
  g_autoptr(HsImplementer) impl = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);

  hs_implementer_set_cost (impl, HS_COST_TRAVEL, 2025, 300);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 100);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 200);
  hs_implementer_set_cost (impl, HS_COST_RENT, 2024, 400);

  /* sorted by (year, category) whatever the order of entry */
  g_assert_cmpuint (impl->budget->len, ==, 4);
  g_assert_cmpint (budget_line (impl, 0)->year, ==, 2024);
  g_assert_cmpint (budget_line (impl, 0)->category, ==, HS_COST_STAFF);
  g_assert_cmpint (budget_line (impl, 1)->year, ==, 2024);
  g_assert_cmpint (budget_line (impl, 1)->category, ==, HS_COST_RENT);
  g_assert_cmpint (budget_line (impl, 2)->year, ==, 2025);
  g_assert_cmpint (budget_line (impl, 2)->category, ==, HS_COST_STAFF);
  g_assert_cmpint (budget_line (impl, 3)->category, ==, HS_COST_TRAVEL);
  for (guint i = 0; i < impl->budget->len; i++)
    g_assert_false (budget_line (impl, i)->derived);

  /* replace, read back, remove with 0 */
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 150);
  g_assert_cmpuint (impl->budget->len, ==, 4);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_STAFF, 2025), ==, 150);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_STAFF, 2023), ==, 0);
  hs_implementer_set_cost (impl, HS_COST_RENT, 2024, 0);
  g_assert_cmpuint (impl->budget->len, ==, 3);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_RENT, 2024), ==, 0);
  hs_implementer_set_cost (impl, HS_COST_OTHER, 2030, 0);
  g_assert_cmpuint (impl->budget->len, ==, 3);
}

static void
test_set_financing (void)
{
  g_autoptr(HsImplementer) impl = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);

  hs_implementer_set_financing (impl, HS_SOURCE_OWN_PUBLIC, 30);
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, 60);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, 10);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, 25);

  /* one line per source, in source order */
  g_assert_cmpuint (impl->financing->len, ==, 3);
  g_assert_cmpint (g_array_index (impl->financing, HsFinancingLine, 0).source, ==, HS_SOURCE_EU_STATE);
  g_assert_cmpint (g_array_index (impl->financing, HsFinancingLine, 1).source, ==, HS_SOURCE_CITY);
  g_assert_cmpint (g_array_index (impl->financing, HsFinancingLine, 2).source, ==, HS_SOURCE_OWN_PUBLIC);
  g_assert_cmpint (hs_implementer_get_financing (impl, HS_SOURCE_CITY), ==, 25);
  g_assert_cmpint (hs_implementer_get_financing (impl, HS_SOURCE_PRIVATE), ==, 0);

  hs_implementer_set_financing (impl, HS_SOURCE_CITY, 0);
  g_assert_cmpuint (impl->financing->len, ==, 2);
  g_assert_cmpint (hs_implementer_get_financing (impl, HS_SOURCE_CITY), ==, 0);
}

/* ---- derived flat-rate lines ------------------------------------------ */

static void
test_derived_per_year (void)
{
  g_autoptr(HsImplementer) impl = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);
  g_autoptr(GError) error = NULL;

  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 5000002);   /* 50 000,02 € */
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 10000000);  /* 100 000,00 € */
  hs_implementer_set_cost (impl, HS_COST_TRAVEL, 2024, 99999);    /* not in the base */

  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT40, &error));
  g_assert_no_error (error);

  /* 2024: staff, flat-rate, travel; 2025: staff, flat-rate */
  g_assert_cmpuint (impl->budget->len, ==, 5);
  g_assert_cmpint (budget_line (impl, 0)->category, ==, HS_COST_STAFF);
  g_assert_cmpint (budget_line (impl, 1)->category, ==, HS_COST_FLAT_RATE);
  g_assert_true (budget_line (impl, 1)->derived);
  g_assert_cmpint (budget_line (impl, 1)->year, ==, 2024);
  g_assert_cmpint (budget_line (impl, 1)->amount, ==, 4000000);
  g_assert_cmpint (budget_line (impl, 2)->category, ==, HS_COST_TRAVEL);
  g_assert_cmpint (budget_line (impl, 3)->year, ==, 2025);
  g_assert_cmpint (budget_line (impl, 4)->category, ==, HS_COST_FLAT_RATE);
  g_assert_true (budget_line (impl, 4)->derived);
  /* 40 % of 50 000,02 € = 20 000,008 € → 20 000,01 € */
  g_assert_cmpint (budget_line (impl, 4)->amount, ==, 2000001);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2025), ==, 2000001);

  /* again: the same lines, not twice as many */
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT40, NULL));
  g_assert_cmpuint (impl->budget->len, ==, 5);

  /* a year without staff costs loses its flat rate */
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 0);
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT40, NULL));
  g_assert_cmpuint (impl->budget->len, ==, 3);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2024), ==, 0);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_TRAVEL, 2024), ==, 99999);

  /* a model without a flat rate has no derived lines at all */
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_REAL, NULL));
  g_assert_cmpuint (impl->budget->len, ==, 2);
  for (guint i = 0; i < impl->budget->len; i++)
    g_assert_false (budget_line (impl, i)->derived);
}

/* Rounding is per year: 9 cents of staff costs in each of two years give
 * 3,6 → 4 cents twice (8 cents), not 40 % of 18 cents (7 cents). */
static void
test_derived_rounding_per_year (void)
{
  g_autoptr(HsImplementer) impl = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);
  HsTotals totals;

  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 9);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 9);
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT40, NULL));
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2024), ==, 4);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2025), ==, 4);
  g_assert_true (hs_implementer_totals (impl, &totals, NULL));
  g_assert_cmpint (totals.costs[HS_COST_FLAT_RATE], ==, 8);
  g_assert_cmpint (totals.total_costs, ==, 26);

  /* 40 % of 1 cent rounds to nothing: no line of 0 */
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 1);
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT40, NULL));
  g_assert_cmpuint (impl->budget->len, ==, 3);
}

/* Half cents round away from zero: 15 % of 10 cents is 1,5 → 2 cents,
 * 15 % of 30 cents 4,5 → 5; 15 % of 1 000,10 € is 150,015 € → 150,02 €. */
static void
test_derived_half_cent (void)
{
  g_autoptr(HsImplementer) impl = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);

  g_assert_cmpint (hs_cost_model_flat_rate (HS_COST_MODEL_FLAT15_2014), ==, 1500);

  hs_implementer_set_cost (impl, HS_COST_STAFF, 2014, 10);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2015, 30);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2016, 100010);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2017, 100030);  /* 150,045 € → 150,05 € */
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT15_2014, NULL));
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2014), ==, 2);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2015), ==, 5);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2016), ==, 15002);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2017), ==, 15005);

  /* 24 %: 1 000,10 € → 240,024 € → 240,02 € (down) */
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT24_2014, NULL));
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2016), ==, 24002);
}

/* CPR art. 54: indirect-7 takes 7 % of every typed direct cost of the year,
 * indirect-15 takes 15 % of the staff costs only; per year, half a cent
 * away from zero, and the derived line never counts towards its own base. */
static void
test_derived_indirect (void)
{
  g_autoptr(HsImplementer) impl = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);
  g_autoptr(GError) error = NULL;
  HsTotals totals;

  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 5000000);            /* 50 000,00 € */
  hs_implementer_set_cost (impl, HS_COST_PURCHASED_SERVICES, 2024, 1234550); /* 12 345,50 € */
  hs_implementer_set_cost (impl, HS_COST_TRAVEL, 2024, 50);                /* 0,50 € */
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 1050);               /* 10,50 € */

  g_assert_true (hs_cost_model_rate_on_direct_costs (HS_COST_MODEL_INDIRECT7));
  g_assert_false (hs_cost_model_rate_on_direct_costs (HS_COST_MODEL_INDIRECT15));
  g_assert_false (hs_cost_model_rate_on_direct_costs (HS_COST_MODEL_FLAT40));

  /* 7 % of 62 346,00 € = 4 364,22 €; 7 % of 10,50 € = 0,735 € → 0,74 € */
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_INDIRECT7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2024), ==, 436422);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2025), ==, 74);
  /* recomputed, not compounded */
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_INDIRECT7, &error));
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2024), ==, 436422);
  g_assert_true (hs_implementer_totals (impl, &totals, &error));
  g_assert_cmpint (totals.total_costs, ==, 5000000 + 1234550 + 50 + 1050 + 436422 + 74);

  /* 15 % of 50 000,00 € = 7 500,00 €; 15 % of 10,50 € = 1,575 € → 1,58 € */
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_INDIRECT15, &error));
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2024), ==, 750000);
  g_assert_cmpint (hs_implementer_get_cost (impl, HS_COST_FLAT_RATE, 2025), ==, 158);

  /* both let every direct category be typed, never the derived one */
  for (HsCostCategory c = 0; c < HS_N_COST_CATEGORIES; c++)
    {
      g_assert_cmpint (hs_cost_model_allows_category (HS_COST_MODEL_INDIRECT7, c), ==, c != HS_COST_FLAT_RATE);
      g_assert_cmpint (hs_cost_model_allows_category (HS_COST_MODEL_INDIRECT15, c), ==, c != HS_COST_FLAT_RATE);
    }
}

static void
test_derived_project (void)
{
  g_autoptr(HsProject) project = full_project ();

  /* every implementer, with the project's model */
  project->cost_model = HS_COST_MODEL_FLAT24_2014;
  g_assert_true (hs_project_update_derived (project, NULL));
  g_assert_cmpint (hs_implementer_get_cost (implementer_at (project, 0), HS_COST_FLAT_RATE, 2024), ==, 1920000);
  g_assert_cmpint (hs_implementer_get_cost (implementer_at (project, 1), HS_COST_FLAT_RATE, 2025), ==, 1200000);
}

/* An overflow leaves the budget as it was. */
static void
test_derived_overflow (void)
{
  g_autoptr(HsImplementer) impl = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);
  g_autoptr(GError) error = NULL;
  HsBudgetLine extra = { HS_COST_STAFF, 2024, HS_MONEY_MAX, FALSE };

  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, HS_MONEY_MAX);
  g_assert_true (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT40, NULL));
  g_assert_cmpuint (impl->budget->len, ==, 2);

  /* two staff lines of one year (as a careless importer might leave them) */
  g_array_append_val (impl->budget, extra);
  g_assert_false (hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT40, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW);
  g_assert_cmpuint (impl->budget->len, ==, 3);
  g_assert_true (budget_line (impl, 1)->derived);
}

/* ---- totals ------------------------------------------------------------ */

static void
test_totals (void)
{
  g_autoptr(HsProject) project = full_project ();
  HsTotals main_totals, partner_totals, totals;
  gint64 sum;

  g_assert_true (hs_implementer_totals (implementer_at (project, 0), &main_totals, NULL));
  g_assert_true (hs_implementer_totals (implementer_at (project, 1), &partner_totals, NULL));
  g_assert_true (hs_project_totals (project, &totals, NULL));

  /* main: staff 80 000 + 96 000,01 + 16 000; flat 32 000 + 38 400 + 6 400 */
  g_assert_cmpint (main_totals.costs[HS_COST_STAFF], ==, 19200001);
  g_assert_cmpint (main_totals.costs[HS_COST_FLAT_RATE], ==, 7680000);
  g_assert_cmpint (main_totals.total_costs, ==, 26880001);
  g_assert_cmpint (main_totals.financing[HS_SOURCE_EU_STATE], ==, 16800000);
  g_assert_cmpint (main_totals.total_financing, ==, 28000001);
  g_assert_cmpint (partner_totals.total_costs, ==, 7000000);

  /* the project's figures are the sums of the implementers' */
  for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
    g_assert_cmpint (totals.costs[c], ==, main_totals.costs[c] + partner_totals.costs[c]);
  for (guint s = 0; s < HS_N_SOURCES; s++)
    g_assert_cmpint (totals.financing[s], ==, main_totals.financing[s] + partner_totals.financing[s]);
  g_assert_cmpint (totals.total_costs, ==, 33880001);
  g_assert_cmpint (totals.total_financing, ==, 35000001);
  g_assert_cmpint (totals.financing[HS_SOURCE_OWN_PRIVATE], ==, 2800000);

  /* and the totals are the sums of their parts */
  sum = 0;
  for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
    sum += totals.costs[c];
  g_assert_cmpint (sum, ==, totals.total_costs);
}

static void
test_totals_overflow (void)
{
  g_autoptr(HsProject) project = hs_project_new ("X-1");
  HsImplementer *a = new_implementer ("A", NULL, HS_ORG_CITY, TRUE);
  HsImplementer *b = new_implementer ("B", NULL, HS_ORG_CITY, FALSE);
  g_autoptr(GError) error = NULL;
  HsTotals totals = { { 0, }, };

  /* each implementer alone is within range, their sum is not */
  hs_implementer_set_cost (a, HS_COST_STAFF, 2024, HS_MONEY_MAX);
  hs_implementer_set_cost (b, HS_COST_STAFF, 2024, 1);
  g_ptr_array_add (project->implementers, a);
  g_ptr_array_add (project->implementers, b);
  g_assert_true (hs_implementer_totals (a, &totals, NULL));
  g_assert_cmpint (totals.total_costs, ==, HS_MONEY_MAX);
  g_assert_false (hs_project_totals (project, &totals, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* within one implementer: two years */
  hs_implementer_set_cost (b, HS_COST_STAFF, 2024, HS_MONEY_MAX);
  hs_implementer_set_cost (b, HS_COST_STAFF, 2025, HS_MONEY_MAX);
  g_assert_false (hs_implementer_totals (b, &totals, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* and in financing */
  hs_implementer_set_cost (b, HS_COST_STAFF, 2025, 0);
  hs_implementer_set_financing (b, HS_SOURCE_EU_STATE, HS_MONEY_MAX);
  hs_implementer_set_financing (b, HS_SOURCE_CITY, 1);
  g_assert_false (hs_implementer_totals (b, &totals, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW);
}

static void
test_budget_years (void)
{
  g_autoptr(HsProject) project = full_project ();
  g_autoptr(GArray) years = hs_project_budget_years (project);

  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2024);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2025);
  g_assert_cmpint (g_array_index (years, int, 2), ==, 2026);
}

/* ---- copy and equality ------------------------------------------------- */

static void
test_copy_equal (void)
{
  g_autoptr(HsProject) project = full_project ();
  g_autoptr(HsProject) copy = hs_project_copy (project);

  g_assert_true (hs_project_equal (project, copy));
  g_assert_true (hs_project_equal (copy, project));

  /* deep: nothing is shared */
  g_assert_true (copy->code != project->code);
  g_assert_true (implementer_at (copy, 0) != implementer_at (project, 0));
  g_assert_true (implementer_at (copy, 0)->organisation != implementer_at (project, 0)->organisation);
  g_assert_true (implementer_at (copy, 0)->budget != implementer_at (project, 0)->budget);
  g_assert_true (g_array_index (copy->indicators, HsIndicator, 0).code !=
                 g_array_index (project->indicators, HsIndicator, 0).code);

  hs_implementer_set_cost (implementer_at (copy, 0), HS_COST_STAFF, 2024, 1);
  g_assert_cmpint (hs_implementer_get_cost (implementer_at (project, 0), HS_COST_STAFF, 2024), ==, 8000000);
  g_assert_false (hs_project_equal (project, copy));
}

typedef void (*Mutation) (HsProject *project);

static void mutate_id (HsProject *p) { p->id++; }
static void mutate_code (HsProject *p) { g_free (p->code); p->code = g_strdup ("PKS-2024-002"); }
static void mutate_name_fi (HsProject *p) { g_clear_pointer (&p->name_fi, g_free); }
static void mutate_name_sv (HsProject *p) { g_free (p->name_sv); p->name_sv = g_strdup ("Smarta"); }
static void mutate_name_en (HsProject *p) { g_free (p->name_en); p->name_en = g_strdup (""); }
static void mutate_acronym (HsProject *p) { g_clear_pointer (&p->acronym, g_free); }
static void mutate_agreement (HsProject *p) { p->agreement_id = 2; }
static void mutate_focus_area (HsProject *p) { p->focus_area_id = 4; }
static void mutate_call (HsProject *p) { p->call_id = 0; }
static void mutate_status (HsProject *p) { p->status = HS_STATUS_UNDER_REVIEW; }
static void mutate_start (HsProject *p) { g_date_add_days (&p->start_date, 1); }
static void mutate_end (HsProject *p) { g_date_clear (&p->end_date, 1); }
static void mutate_summary (HsProject *p) { g_clear_pointer (&p->summary, g_free); }
static void mutate_cost_model (HsProject *p) { p->cost_model = HS_COST_MODEL_REAL; }
static void mutate_example (HsProject *p) { p->example = FALSE; }
static void mutate_impl_order (HsProject *p)
{
  HsImplementer *first = g_ptr_array_steal_index (p->implementers, 0);
  g_ptr_array_add (p->implementers, first);
}
static void mutate_impl_removed (HsProject *p) { g_ptr_array_remove_index (p->implementers, 1); }
static void mutate_impl_id (HsProject *p) { implementer_at (p, 1)->id = 77; }
static void mutate_impl_main (HsProject *p) { implementer_at (p, 1)->is_main = TRUE; }
static void mutate_org_id (HsProject *p) { implementer_at (p, 0)->organisation->id = 1; }
static void mutate_org_name (HsProject *p)
{
  HsOrganisation *org = implementer_at (p, 0)->organisation;
  g_free (org->name);
  org->name = g_strdup ("Espoon kaupunki ");
}
static void mutate_org_business_id (HsProject *p) { g_clear_pointer (&implementer_at (p, 0)->organisation->business_id, g_free); }
static void mutate_org_type (HsProject *p) { implementer_at (p, 0)->organisation->type = HS_ORG_MUNICIPALITY; }
static void mutate_org_municipality (HsProject *p) { g_clear_pointer (&implementer_at (p, 0)->organisation->municipality, g_free); }
static void mutate_org_foreign (HsProject *p) { implementer_at (p, 0)->organisation->foreign = TRUE; }
static void mutate_org_missing (HsProject *p) { g_clear_pointer (&implementer_at (p, 0)->organisation, hs_organisation_free); }
static void mutate_budget_amount (HsProject *p) { hs_implementer_set_cost (implementer_at (p, 1), HS_COST_STAFF, 2025, 5000001); }
static void mutate_budget_line (HsProject *p) { hs_implementer_set_cost (implementer_at (p, 1), HS_COST_TRAVEL, 2025, 1); }
static void mutate_budget_derived (HsProject *p) { g_array_index (implementer_at (p, 1)->budget, HsBudgetLine, 1).derived = FALSE; }
static void mutate_budget_year (HsProject *p) { g_array_index (implementer_at (p, 1)->budget, HsBudgetLine, 0).year = 2026; }
static void mutate_financing_amount (HsProject *p) { hs_implementer_set_financing (implementer_at (p, 1), HS_SOURCE_EU_STATE, 1); }
static void mutate_financing_source (HsProject *p) { g_array_index (implementer_at (p, 1)->financing, HsFinancingLine, 1).source = HS_SOURCE_OWN_PUBLIC; }
static void mutate_financing_year (HsProject *p) { g_array_index (implementer_at (p, 1)->financing, HsFinancingLine, 1).year = 2025; }
static void mutate_financing_split (HsProject *p)
{
  /* the same sum, split by year */
  hs_implementer_set_financing (implementer_at (p, 0), HS_SOURCE_CITY, 0);
  hs_implementer_set_financing_year (implementer_at (p, 0), HS_SOURCE_CITY, 2024, 3000000);
  hs_implementer_set_financing_year (implementer_at (p, 0), HS_SOURCE_CITY, 2025, 4000000);
}
static void mutate_indicator_code (HsProject *p)
{
  HsIndicator *indicator = &g_array_index (p->indicators, HsIndicator, 1);
  g_free (indicator->code);
  indicator->code = g_strdup ("RCR03");
}
static void mutate_indicator_target (HsProject *p) { g_array_index (p->indicators, HsIndicator, 0).target = 26; }
static void mutate_indicator_removed (HsProject *p) { g_array_remove_index (p->indicators, 0); }
static void mutate_history_status (HsProject *p) { g_array_index (p->history, HsStatusChange, 1).status = HS_STATUS_WITHDRAWN; }
static void mutate_history_date (HsProject *p) { g_date_add_days (&g_array_index (p->history, HsStatusChange, 0).date, 1); }
static void mutate_history_removed (HsProject *p) { g_array_set_size (p->history, 1); }

static const struct
{
  const char *name;
  Mutation    mutate;
} mutations[] = {
  { "id", mutate_id },
  { "code", mutate_code },
  { "name_fi", mutate_name_fi },
  { "name_sv", mutate_name_sv },
  { "name_en", mutate_name_en },
  { "acronym", mutate_acronym },
  { "agreement", mutate_agreement },
  { "focus area", mutate_focus_area },
  { "call", mutate_call },
  { "status", mutate_status },
  { "start", mutate_start },
  { "end", mutate_end },
  { "summary", mutate_summary },
  { "cost model", mutate_cost_model },
  { "example", mutate_example },
  { "implementer order", mutate_impl_order },
  { "implementer removed", mutate_impl_removed },
  { "implementer id", mutate_impl_id },
  { "implementer main", mutate_impl_main },
  { "organisation id", mutate_org_id },
  { "organisation name", mutate_org_name },
  { "organisation business id", mutate_org_business_id },
  { "organisation type", mutate_org_type },
  { "organisation municipality", mutate_org_municipality },
  { "organisation foreign", mutate_org_foreign },
  { "organisation missing", mutate_org_missing },
  { "budget amount", mutate_budget_amount },
  { "budget line", mutate_budget_line },
  { "budget derived", mutate_budget_derived },
  { "budget year", mutate_budget_year },
  { "financing amount", mutate_financing_amount },
  { "financing source", mutate_financing_source },
  { "financing year", mutate_financing_year },
  { "financing split by year", mutate_financing_split },
  { "indicator code", mutate_indicator_code },
  { "indicator target", mutate_indicator_target },
  { "indicator removed", mutate_indicator_removed },
  { "history status", mutate_history_status },
  { "history date", mutate_history_date },
  { "history removed", mutate_history_removed },
};

/* Every field takes part in equality, and in the snapshot. */
static void
test_equal_every_field (void)
{
  g_autoptr(HsProject) project = full_project ();

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(HsProject) changed = hs_project_copy (project);
      g_autoptr(HsProject) restored = NULL;
      g_autoptr(GVariant) variant = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("mutation: %s", mutations[i].name);
      mutations[i].mutate (changed);
      g_assert_false (hs_project_equal (project, changed));
      g_assert_false (hs_project_equal (changed, project));

      variant = hs_project_to_variant (changed);
      restored = hs_project_from_variant (variant, &error);
      g_assert_no_error (error);
      g_assert_true (hs_project_equal (restored, changed));
      g_assert_false (hs_project_equal (restored, project));
    }
}

/* A source typed per year: lines by (source, year), the undivided line
 * first; the source's amount is the sum; setting the whole source again
 * replaces its years. */
static void
test_set_financing_year (void)
{
  g_autoptr(HsImplementer) impl = new_implementer ("Helsingin kaupunki", NULL, HS_ORG_CITY, TRUE);
  const HsFinancingLine *line;

  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, 600);
  hs_implementer_set_financing_year (impl, HS_SOURCE_CITY, 2025, 150);
  hs_implementer_set_financing_year (impl, HS_SOURCE_CITY, 2024, 100);
  hs_implementer_set_financing_year (impl, HS_SOURCE_OWN_PUBLIC, 0, 50);
  hs_implementer_set_financing_year (impl, HS_SOURCE_CITY, 0, 7);

  g_assert_cmpuint (impl->financing->len, ==, 5);
  line = &g_array_index (impl->financing, HsFinancingLine, 1);
  g_assert_cmpint (line->source, ==, HS_SOURCE_CITY);
  g_assert_cmpint (line->year, ==, 0);
  line = &g_array_index (impl->financing, HsFinancingLine, 2);
  g_assert_cmpint (line->year, ==, 2024);
  line = &g_array_index (impl->financing, HsFinancingLine, 3);
  g_assert_cmpint (line->year, ==, 2025);
  g_assert_cmpint (g_array_index (impl->financing, HsFinancingLine, 4).source, ==, HS_SOURCE_OWN_PUBLIC);

  g_assert_cmpint (hs_implementer_get_financing (impl, HS_SOURCE_CITY), ==, 257);
  g_assert_cmpint (hs_implementer_get_financing_year (impl, HS_SOURCE_CITY, 2024), ==, 100);
  g_assert_cmpint (hs_implementer_get_financing_year (impl, HS_SOURCE_CITY, 0), ==, 7);
  g_assert_cmpint (hs_implementer_get_financing_year (impl, HS_SOURCE_CITY, 2026), ==, 0);
  g_assert_true (hs_implementer_financing_is_split (impl, HS_SOURCE_CITY));
  g_assert_false (hs_implementer_financing_is_split (impl, HS_SOURCE_EU_STATE));

  {
    HsTotals totals;

    g_assert_true (hs_implementer_totals (impl, &totals, NULL));
    g_assert_cmpint (totals.financing[HS_SOURCE_CITY], ==, 257);
    g_assert_cmpint (totals.total_financing, ==, 907);
  }

  /* replace one year, remove one with 0 */
  hs_implementer_set_financing_year (impl, HS_SOURCE_CITY, 2025, 200);
  hs_implementer_set_financing_year (impl, HS_SOURCE_CITY, 0, 0);
  g_assert_cmpuint (impl->financing->len, ==, 4);
  g_assert_cmpint (hs_implementer_get_financing (impl, HS_SOURCE_CITY), ==, 300);

  /* the whole source as one line again */
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, 320);
  g_assert_cmpuint (impl->financing->len, ==, 3);
  g_assert_false (hs_implementer_financing_is_split (impl, HS_SOURCE_CITY));
  g_assert_cmpint (hs_implementer_get_financing_year (impl, HS_SOURCE_CITY, 0), ==, 320);
  hs_implementer_set_financing_year (impl, HS_SOURCE_CITY, 2024, 1);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, 0);
  g_assert_cmpint (hs_implementer_get_financing (impl, HS_SOURCE_CITY), ==, 0);
  g_assert_cmpuint (impl->financing->len, ==, 2);
}

/* ---- snapshots --------------------------------------------------------- */

static void
assert_round_trip (const HsProject *project)
{
  g_autoptr(GVariant) variant = hs_project_to_variant (project);
  g_autoptr(GVariant) again = NULL;
  g_autoptr(GVariant) from_bytes = NULL;
  g_autoptr(HsProject) restored = NULL;
  g_autoptr(HsProject) restored_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint32 version = 0;

  g_assert_false (g_variant_is_floating (variant));
  g_assert_true (g_variant_is_of_type (variant, hs_project_variant_type ()));
  g_variant_get_child (variant, 0, "u", &version);
  g_assert_cmpuint (version, ==, 2);

  restored = hs_project_from_variant (variant, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_true (hs_project_equal (project, restored));

  again = hs_project_to_variant (restored);
  g_assert_true (g_variant_equal (variant, again));

  /* as the action log stores it: serialised, read back as untrusted data */
  bytes = g_variant_get_data_as_bytes (variant);
  from_bytes = g_variant_ref_sink (g_variant_new_from_bytes (hs_project_variant_type (), bytes, FALSE));
  restored_bytes = hs_project_from_variant (from_bytes, &error);
  g_assert_no_error (error);
  g_assert_true (hs_project_equal (project, restored_bytes));
}

static void
test_variant_round_trip (void)
{
  g_autoptr(HsProject) project = full_project ();

  assert_round_trip (project);
  mutate_financing_split (project);
  assert_round_trip (project);
}

static GVariant *replace_child (GVariant *tuple, gsize index, GVariant *value);

/* A version-1 snapshot (financing lines without a year), as an old action
 * log holds it, still reads: its lines are undivided. */
static void
test_variant_version_1 (void)
{
  g_autoptr(HsProject) project = full_project ();
  g_autoptr(GVariant) v1 = NULL;
  g_autoptr(HsProject) restored = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder implementers;

  g_variant_builder_init (&implementers, G_VARIANT_TYPE ("a(xbm(xmsmssmsb)a(sixb)a(sx))"));
  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = implementer_at (project, i);
      const HsOrganisation *org = impl->organisation;
      GVariantBuilder budget, financing;

      g_variant_builder_init (&budget, G_VARIANT_TYPE ("a(sixb)"));
      for (guint j = 0; j < impl->budget->len; j++)
        g_variant_builder_add (&budget, "(sixb)", hs_cost_category_to_id (budget_line (impl, j)->category),
                               budget_line (impl, j)->year, budget_line (impl, j)->amount,
                               budget_line (impl, j)->derived);
      g_variant_builder_init (&financing, G_VARIANT_TYPE ("a(sx)"));
      for (guint j = 0; j < impl->financing->len; j++)
        g_variant_builder_add (&financing, "(sx)",
                               hs_source_to_id (g_array_index (impl->financing, HsFinancingLine, j).source),
                               g_array_index (impl->financing, HsFinancingLine, j).amount);
      g_variant_builder_add (&implementers, "(xbm(xmsmssmsb)a(sixb)a(sx))", impl->id, impl->is_main, TRUE,
                             org->id, org->name, org->business_id, hs_org_type_to_id (org->type),
                             org->municipality, org->foreign, &budget, &financing);
    }
  {
    g_autoptr(GVariant) current = hs_project_to_variant (project);
    GVariant *children[19];

    for (guint i = 0; i < G_N_ELEMENTS (children); i++)
      children[i] = g_variant_get_child_value (current, i);
    g_variant_unref (children[0]);
    children[0] = g_variant_ref_sink (g_variant_new_uint32 (1));
    g_variant_unref (children[16]);
    children[16] = g_variant_ref_sink (g_variant_builder_end (&implementers));
    v1 = g_variant_ref_sink (g_variant_new_tuple (children, G_N_ELEMENTS (children)));
    for (guint i = 0; i < G_N_ELEMENTS (children); i++)
      g_variant_unref (children[i]);
  }

  g_assert_true (g_variant_is_of_type (v1, hs_project_variant_type_1 ()));
  restored = hs_project_from_variant (v1, &error);
  g_assert_no_error (error);
  g_assert_true (hs_project_equal (project, restored));
  g_assert_cmpint (g_array_index (implementer_at (restored, 0)->financing, HsFinancingLine, 1).year, ==, 0);

  /* the version number must match the type */
  {
    g_autoptr(GVariant) wrong = replace_child (v1, 0, g_variant_new_uint32 (2));
    g_autoptr(GError) wrong_error = NULL;
    g_autoptr(HsProject) none = hs_project_from_variant (wrong, &wrong_error);

    g_assert_null (none);
    g_assert_error (wrong_error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
  }
}

/* NULL strings stay NULL (not ""), "" stays "", unset dates stay unset. */
static void
test_variant_nulls (void)
{
  g_autoptr(HsProject) empty = hs_project_new (NULL);
  g_autoptr(HsProject) project = full_project ();
  g_autoptr(HsProject) restored = NULL;
  g_autoptr(GVariant) variant = NULL;
  HsImplementer *foreign = new_implementer ("Stiftelsen Åbo Akademi", NULL, HS_ORG_OTHER, FALSE);
  HsIndicator no_code = { NULL, -1 };
  HsStatusChange undated;

  assert_round_trip (empty);

  g_clear_pointer (&project->name_sv, g_free);
  g_free (project->name_en);
  project->name_en = g_strdup ("");
  g_clear_pointer (&project->summary, g_free);
  g_date_clear (&project->end_date, 1);
  foreign->organisation->foreign = TRUE;
  g_clear_pointer (&foreign->organisation->municipality, g_free);
  hs_implementer_set_financing (foreign, HS_SOURCE_PRIVATE, -5);   /* kept as is */
  g_ptr_array_add (project->implementers, foreign);
  g_ptr_array_add (project->implementers, hs_implementer_new (NULL, FALSE));
  g_array_append_val (project->indicators, no_code);
  undated.status = HS_STATUS_WITHDRAWN;
  g_date_clear (&undated.date, 1);
  g_array_append_val (project->history, undated);
  assert_round_trip (project);

  variant = hs_project_to_variant (project);
  restored = hs_project_from_variant (variant, NULL);
  g_assert_null (restored->name_sv);
  g_assert_cmpstr (restored->name_en, ==, "");
  g_assert_null (restored->summary);
  g_assert_false (g_date_valid (&restored->end_date));
  g_assert_null (implementer_at (restored, 2)->organisation->business_id);
  g_assert_true (implementer_at (restored, 2)->organisation->foreign);
  g_assert_null (implementer_at (restored, 3)->organisation);
  g_assert_null (g_array_index (restored->indicators, HsIndicator, 2).code);
  g_assert_cmpint (g_array_index (restored->indicators, HsIndicator, 2).target, ==, -1);
  g_assert_false (g_date_valid (&g_array_index (restored->history, HsStatusChange, 2).date));
  g_assert_true (g_array_index (implementer_at (restored, 0)->budget, HsBudgetLine, 1).derived);
}

/* Replaces child @index of the snapshot. */
static GVariant *
replace_child (GVariant *tuple,
               gsize     index,
               GVariant *child)
{
  gsize n = g_variant_n_children (tuple);
  g_autofree GVariant **children = g_new0 (GVariant *, n);
  GVariant *result;

  for (gsize i = 0; i < n; i++)
    children[i] = i == index ? child : g_variant_get_child_value (tuple, i);

  result = g_variant_ref_sink (g_variant_new_tuple (children, n));
  for (gsize i = 0; i < n; i++)
    {
      if (i != index)
        g_variant_unref (children[i]);
    }
  return result;
}

static void
assert_rejected (GVariant *variant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = hs_project_from_variant (variant, &error);

  g_assert_null (project);
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
  g_assert_nonnull (error->message);
  g_test_message ("rejected: %s", error->message);
}

static void
test_variant_rejected (void)
{
  g_autoptr(HsProject) project = full_project ();
  g_autoptr(GVariant) good = hs_project_to_variant (project);
  g_autoptr(GVariant) other_type = g_variant_ref_sink (g_variant_new ("(us)", 1, "PKS-2024-001"));
  g_autoptr(GVariant) string = g_variant_ref_sink (g_variant_new_string ("PKS-2024-001"));
  g_autoptr(GVariant) version = replace_child (good, 0, g_variant_new_uint32 (3));
  g_autoptr(GVariant) status = replace_child (good, 10, g_variant_new_string ("approved-ish"));
  g_autoptr(GVariant) model = replace_child (good, 14, g_variant_new_string (""));
  g_autoptr(GVariant) date = replace_child (good, 11, g_variant_new_uint32 (G_MAXUINT32));
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (good);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 2);
  g_autoptr(GVariant) damaged = g_variant_ref_sink (g_variant_new_from_bytes (hs_project_variant_type (),
                                                                              truncated, FALSE));
  g_autoptr(HsProject) duplicate = full_project ();
  g_autoptr(GVariant) duplicate_variant = NULL;
  HsFinancingLine twice = { HS_SOURCE_EU_STATE, 1 };
  g_autoptr(GVariant) control = replace_child (good, 11, g_variant_new_uint32 (0));
  g_autoptr(HsProject) controlled = NULL;

  assert_rejected (other_type);
  assert_rejected (string);
  assert_rejected (version);
  assert_rejected (status);
  assert_rejected (model);
  assert_rejected (date);
  assert_rejected (damaged);

  g_array_append_val (implementer_at (duplicate, 1)->financing, twice);
  duplicate_variant = hs_project_to_variant (duplicate);
  assert_rejected (duplicate_variant);

  /* the changes above are what was refused: the same tuple with a valid
   * value is accepted */
  controlled = hs_project_from_variant (control, NULL);
  g_assert_nonnull (controlled);
  g_assert_false (g_date_valid (&controlled->start_date));
}

/* Rebasing my change on theirs: the fields I changed are mine, the rest
 * theirs; where both changed the same field, mine wins and it is told. */
static void
test_rebase (void)
{
  g_autoptr(HsProject) base = full_project ();
  g_autoptr(HsProject) mine = NULL;
  g_autoptr(HsProject) theirs = NULL;
  g_autoptr(HsProject) result = NULL;
  g_autoptr(GArray) both = g_array_new (FALSE, FALSE, sizeof (HsProjectField));
  g_autoptr(GArray) changed = NULL;
  HsImplementer *impl;

  base->version = 4;
  mine = hs_project_copy (base);
  theirs = hs_project_copy (base);
  g_assert_cmpint (mine->version, ==, 4);
  theirs->version = 6;

  g_free (mine->acronym);
  mine->acronym = g_strdup ("MINE");
  impl = g_ptr_array_index (mine->implementers, 0);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 1234500);

  g_free (theirs->name_fi);
  theirs->name_fi = g_strdup ("Heidän nimensä");
  impl = g_ptr_array_index (theirs->implementers, 0);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 999900);

  changed = hs_project_changed_fields (base, theirs);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpint (g_array_index (changed, HsProjectField, 0), ==, HS_PROJECT_FIELD_NAME_FI);
  g_assert_cmpint (g_array_index (changed, HsProjectField, 1), ==, HS_PROJECT_FIELD_IMPLEMENTERS);
  g_assert_cmpstr (hs_project_field_label (HS_PROJECT_FIELD_NAME_FI), ==, "Name in Finnish");

  result = hs_project_rebase (base, mine, theirs, both);
  g_assert_cmpstr (result->acronym, ==, "MINE");
  g_assert_cmpstr (result->name_fi, ==, "Heidän nimensä");
  g_assert_cmpint (hs_implementer_get_cost (g_ptr_array_index (result->implementers, 0), HS_COST_STAFF, 2024),
                   ==, 1234500);
  g_assert_cmpint (result->version, ==, 6);
  g_assert_cmpuint (both->len, ==, 1);
  g_assert_cmpint (g_array_index (both, HsProjectField, 0), ==, HS_PROJECT_FIELD_IMPLEMENTERS);

  /* nothing of mine: theirs as it is */
  g_clear_pointer (&result, hs_project_free);
  result = hs_project_rebase (base, base, theirs, NULL);
  g_assert_true (hs_project_equal (result, theirs));
}

/* Saving @after over the full project is described as @expected. */
static void
assert_described (const HsProject *after,
                  const char      *expected)
{
  g_autoptr(HsProject) before = full_project ();
  g_autofree char *text = hs_project_describe_change (before, after);

  g_assert_cmpstr (text, ==, expected);
}

/* One kind of thing changed: the description says which. */
static void
test_describe_change (void)
{
  g_autoptr(HsProject) p = NULL;
  HsStatusChange change;

  /* nothing before: an addition */
  p = full_project ();
  {
    g_autofree char *text = hs_project_describe_change (NULL, p);
    g_assert_cmpstr (text, ==, "Add project PKS-2024-001");
  }
  /* nothing changed */
  assert_described (p, "Edit project PKS-2024-001");

  /* one name, or all three: the name */
  g_free (p->name_fi);
  p->name_fi = g_strdup ("Uusi nimi");
  assert_described (p, "Edit project PKS-2024-001: name");
  g_free (p->name_en);
  p->name_en = NULL;
  assert_described (p, "Edit project PKS-2024-001: name");

  /* two kinds of things: no more than before */
  g_free (p->acronym);
  p->acronym = g_strdup ("UN");
  assert_described (p, "Edit project PKS-2024-001");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  g_free (p->acronym);
  p->acronym = g_strdup ("UN");
  assert_described (p, "Edit project PKS-2024-001: acronym");
  g_clear_pointer (&p, hs_project_free);

  /* either date, or both: the schedule */
  p = full_project ();
  set_date (&p->end_date, 31, 12, 2026);
  assert_described (p, "Edit project PKS-2024-001: schedule");
  set_date (&p->start_date, 1, 4, 2024);
  assert_described (p, "Edit project PKS-2024-001: schedule");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  g_free (p->summary);
  p->summary = g_strdup ("Toinen tiivistelmä");
  assert_described (p, "Edit project PKS-2024-001: summary");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  p->call_id = 8;
  assert_described (p, "Edit project PKS-2024-001: call");
  p->focus_area_id = 4;
  assert_described (p, "Edit project PKS-2024-001");
  /* another agreement brings its own focus area and call */
  p->agreement_id = 2;
  assert_described (p, "Edit project PKS-2024-001: agreement");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  p->focus_area_id = 4;
  assert_described (p, "Edit project PKS-2024-001: focus area");
  g_clear_pointer (&p, hs_project_free);

  /* the status, with the history entry it adds */
  p = full_project ();
  p->status = HS_STATUS_UNDER_REVIEW;
  assert_described (p, "Change the status of project PKS-2024-001 to Under review");
  change.status = HS_STATUS_UNDER_REVIEW;
  set_date (&change.date, 1, 2, 2024);
  g_array_append_val (p->history, change);
  assert_described (p, "Change the status of project PKS-2024-001 to Under review");
  g_clear_pointer (&p, hs_project_free);

  /* the history alone */
  p = full_project ();
  set_date (&g_array_index (p->history, HsStatusChange, 1).date, 12, 1, 2024);
  assert_described (p, "Edit project PKS-2024-001: status history");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  g_array_index (p->indicators, HsIndicator, 0).target = 30;
  assert_described (p, "Edit project PKS-2024-001: indicators");
  g_clear_pointer (&p, hs_project_free);

  /* the code: named by the new one */
  p = full_project ();
  g_free (p->code);
  p->code = g_strdup ("PKS-2024-009");
  assert_described (p, "Edit project PKS-2024-009: code");
  g_clear_pointer (&p, hs_project_free);

  /* one implementer's budget, financing, or both */
  p = full_project ();
  hs_implementer_set_cost (implementer_at (p, 0), HS_COST_PURCHASED_SERVICES, 2025, 100000);
  assert_described (p, "Edit project PKS-2024-001: budget of Espoon kaupunki");
  hs_implementer_set_financing (implementer_at (p, 0), HS_SOURCE_CITY, 7100000);
  assert_described (p, "Edit project PKS-2024-001: budget and financing of Espoon kaupunki");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  hs_implementer_set_financing (implementer_at (p, 1), HS_SOURCE_OWN_PRIVATE, 2900000);
  assert_described (p, "Edit project PKS-2024-001: financing of Aalto-yliopisto");
  /* of two implementers: the financing */
  hs_implementer_set_financing (implementer_at (p, 0), HS_SOURCE_CITY, 7100000);
  assert_described (p, "Edit project PKS-2024-001: financing");
  hs_implementer_set_cost (implementer_at (p, 0), HS_COST_PURCHASED_SERVICES, 2025, 100000);
  assert_described (p, "Edit project PKS-2024-001: budget and financing");
  g_clear_pointer (&p, hs_project_free);
  /* the city's money split by year, to the same sum: still the financing */
  p = full_project ();
  mutate_financing_split (p);
  assert_described (p, "Edit project PKS-2024-001: financing of Espoon kaupunki");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  hs_implementer_set_cost (implementer_at (p, 0), HS_COST_PURCHASED_SERVICES, 2025, 100000);
  hs_implementer_set_cost (implementer_at (p, 1), HS_COST_PURCHASED_SERVICES, 2025, 100000);
  assert_described (p, "Edit project PKS-2024-001: budget");
  g_clear_pointer (&p, hs_project_free);

  /* the cost model with the flat-rate lines it recomputes */
  p = full_project ();
  p->cost_model = HS_COST_MODEL_REAL;
  g_assert_true (hs_project_update_derived (p, NULL));
  assert_described (p, "Edit project PKS-2024-001: cost model");
  g_clear_pointer (&p, hs_project_free);

  /* an implementer added (not stored yet: matched by organisation) or removed */
  p = full_project ();
  {
    HsImplementer *third = new_implementer ("Laurea-ammattikorkeakoulu Oy", "1046216-1", HS_ORG_UAS, FALSE);

    hs_implementer_set_cost (third, HS_COST_STAFF, 2025, 100000);
    g_ptr_array_add (p->implementers, third);
  }
  assert_described (p, "Add implementer Laurea-ammattikorkeakoulu Oy to project PKS-2024-001");
  /* with an edit of another: no more than before */
  hs_implementer_set_financing (implementer_at (p, 0), HS_SOURCE_CITY, 7100000);
  assert_described (p, "Edit project PKS-2024-001");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  g_ptr_array_remove_index (p->implementers, 1);
  assert_described (p, "Remove implementer Aalto-yliopisto from project PKS-2024-001");
  g_clear_pointer (&p, hs_project_free);

  /* a role, or the order of the implementers: no one thing to name */
  p = full_project ();
  implementer_at (p, 1)->is_main = TRUE;
  implementer_at (p, 0)->is_main = FALSE;
  assert_described (p, "Edit project PKS-2024-001");
  g_clear_pointer (&p, hs_project_free);

  p = full_project ();
  {
    gpointer first = g_ptr_array_steal_index (p->implementers, 0);
    g_ptr_array_add (p->implementers, first);
  }
  assert_described (p, "Edit project PKS-2024-001");
}

static void
test_indicator_name (void)
{
  g_assert_cmpstr (hs_indicator_name ("RCR01"), ==, "Jobs created in supported entities");
  g_assert_cmpstr (hs_indicator_name ("RCR102"), ==, "Research jobs created in supported entities");
  g_assert_null (hs_indicator_name ("RCR1"));
  g_assert_null (hs_indicator_name (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/new-defaults", test_new_defaults);
  g_test_add_func ("/project/rebase", test_rebase);
  g_test_add_func ("/project/display-name", test_display_name);
  g_test_add_func ("/project/get-main", test_get_main);
  g_test_add_func ("/project/implementer/set-cost", test_set_cost);
  g_test_add_func ("/project/implementer/set-financing", test_set_financing);
  g_test_add_func ("/project/derived/per-year", test_derived_per_year);
  g_test_add_func ("/project/derived/rounding-per-year", test_derived_rounding_per_year);
  g_test_add_func ("/project/derived/half-cent", test_derived_half_cent);
  g_test_add_func ("/project/derived/indirect", test_derived_indirect);
  g_test_add_func ("/project/derived/project", test_derived_project);
  g_test_add_func ("/project/derived/overflow", test_derived_overflow);
  g_test_add_func ("/project/totals/sums", test_totals);
  g_test_add_func ("/project/totals/overflow", test_totals_overflow);
  g_test_add_func ("/project/budget-years", test_budget_years);
  g_test_add_func ("/project/copy-equal", test_copy_equal);
  g_test_add_func ("/project/equal/every-field", test_equal_every_field);
  g_test_add_func ("/project/variant/round-trip", test_variant_round_trip);
  g_test_add_func ("/project/variant/version-1", test_variant_version_1);
  g_test_add_func ("/project/implementer/set-financing-year", test_set_financing_year);
  g_test_add_func ("/project/variant/nulls", test_variant_nulls);
  g_test_add_func ("/project/variant/rejected", test_variant_rejected);
  g_test_add_func ("/project/describe-change", test_describe_change);
  g_test_add_func ("/project/indicator-name", test_indicator_name);

  return g_test_run ();
}

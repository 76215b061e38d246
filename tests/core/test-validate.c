/* test-validate.c — the funding rules, one test per rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A valid baseline project passes with no findings at all; every other test
 * breaks exactly one rule of it and checks the code, the severity, the field
 * and the numbers in the message. Messages are checked in Finnish number
 * format, with the no-break spaces (U+00A0) hs_money_format() writes.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "core/hs-money.h"
#include "core/hs-project.h"
#include "core/hs-validate.h"
#include "core/hs-ytunnus.h"

#define NBSP  "\xc2\xa0"
#define EURO  NBSP "\xe2\x82\xac"          /* " €" as fi writes it */
#define MINUS "\xe2\x88\x92"

/* Amounts in whole euros, for readability. */
#define EUR(x) ((gint64) (x) * HS_CENTS_PER_EURO)

typedef struct
{
  HsProject   *project;
  HsCall       call;
  HsFocusArea  focus_area;
  HsValidationContext context;
  GPtrArray   *findings;
} Fixture;

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
implementer_at (const HsProject *project,
                guint            index)
{
  return g_ptr_array_index (project->implementers, index);
}

static HsImplementer *
main_impl (Fixture *f)
{
  return implementer_at (f->project, 0);
}

static HsImplementer *
partner (Fixture *f)
{
  return implementer_at (f->project, 1);
}

/* The baseline: PKS, 1.1.2025–31.12.2026 (24 months), flat rate 40 %.
 *
 *                   costs      EU+state     city      own
 * Espoon kaupunki   280 000    168 000     72 800    39 200
 * Aalto-yliopisto    70 000     42 000     18 200     9 800
 * project           350 000    210 000     91 000    49 000
 *                              = 60,0 %    = 26 %    = 14 %
 *
 * The call allows 60 % support (exactly met), asks 25 % city and 10 % own
 * financing and at most 24 months (exactly met). */
static HsProject *
baseline_project (void)
{
  HsProject *project = hs_project_new ("PKS-2025-001");
  HsOrganisation *espoo = hs_organisation_new ("Espoon kaupunki", "0101263-6", HS_ORG_CITY);
  HsOrganisation *aalto = hs_organisation_new ("Aalto-yliopisto", "2228357-4", HS_ORG_UNIVERSITY);
  HsImplementer *impl;
  HsStatusChange change;

  project->name_fi = g_strdup ("Älykkäät kaupunkiratkaisut");
  project->agreement_id = 1;
  project->focus_area_id = 10;
  project->call_id = 100;
  project->cost_model = HS_COST_MODEL_FLAT40;
  set_date (&project->start_date, 1, 1, 2025);
  set_date (&project->end_date, 31, 12, 2026);

  change.status = HS_STATUS_DRAFT;
  set_date (&change.date, 1, 9, 2024);
  g_array_append_val (project->history, change);
  change.status = HS_STATUS_SUBMITTED;
  set_date (&change.date, 1, 10, 2024);
  g_array_append_val (project->history, change);
  project->status = HS_STATUS_SUBMITTED;

  espoo->municipality = g_strdup ("Espoo");
  impl = hs_implementer_new (espoo, TRUE);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, EUR (100000));
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2026, EUR (100000));
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, EUR (168000));
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, EUR (72800));
  hs_implementer_set_financing (impl, HS_SOURCE_OWN_PUBLIC, EUR (39200));
  g_ptr_array_add (project->implementers, impl);

  aalto->municipality = g_strdup ("Espoo");
  impl = hs_implementer_new (aalto, FALSE);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, EUR (50000));
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, EUR (42000));
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, EUR (18200));
  hs_implementer_set_financing (impl, HS_SOURCE_OWN_PUBLIC, EUR (9800));
  g_ptr_array_add (project->implementers, impl);

  g_assert_true (hs_project_update_derived (project, NULL));
  return project;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = baseline_project ();

  memset (&f->call, 0, sizeof f->call);
  f->call.id = 100;
  f->call.agreement_id = 1;
  f->call.name = (char *) "PKS 1/2024";
  g_date_clear (&f->call.open_date, 1);
  g_date_clear (&f->call.close_date, 1);
  f->call.max_support_bp = 6000;
  f->call.min_city_bp = 2500;
  f->call.min_own_bp = 1000;
  f->call.max_duration_months = 24;
  f->call.allowed_cost_models = 1u << HS_COST_MODEL_FLAT40;

  memset (&f->focus_area, 0, sizeof f->focus_area);
  f->focus_area.id = 10;
  f->focus_area.agreement_id = 1;
  f->focus_area.name = (char *) "Älykkäät ja kestävät kaupunkiratkaisut";
  f->focus_area.first_year = 2025;
  f->focus_area.last_year = 2027;

  f->context.call = &f->call;
  f->context.focus_area = &f->focus_area;
  f->context.lang = HS_LANG_FI;
  f->findings = NULL;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->findings, g_ptr_array_unref);
  g_clear_pointer (&f->project, hs_project_free);
}

static void
validate (Fixture *f)
{
  g_clear_pointer (&f->findings, g_ptr_array_unref);
  f->findings = hs_validate_project (f->project, &f->context);
  g_assert_nonnull (f->findings);

  for (guint i = 0; i < f->findings->len; i++)
    {
      const HsFinding *finding = g_ptr_array_index (f->findings, i);

      g_test_message ("finding %u: %s [%s] %s: %s", i, finding->code,
                      hs_severity_to_id (finding->severity), finding->field, finding->message);
    }
}

static void
assert_no_findings (Fixture *f)
{
  validate (f);
  g_assert_cmpuint (f->findings->len, ==, 0);
}

static const HsFinding *
finding_at (Fixture *f,
            guint    index)
{
  g_assert_cmpuint (index, <, f->findings->len);
  return g_ptr_array_index (f->findings, index);
}

static void
assert_finding (const HsFinding *finding,
                const char      *code,
                HsSeverity       severity,
                const char      *field)
{
  g_assert_cmpstr (finding->code, ==, code);
  g_assert_cmpint (finding->severity, ==, severity);
  g_assert_cmpstr (finding->field, ==, field);
  g_assert_nonnull (finding->message);
  g_assert_true (g_utf8_validate (finding->message, -1, NULL));
}

/* Validates and expects exactly one finding, as described. */
static const HsFinding *
assert_only (Fixture    *f,
             const char *code,
             HsSeverity  severity,
             const char *field)
{
  const HsFinding *finding;

  validate (f);
  g_assert_cmpuint (f->findings->len, ==, 1);
  finding = finding_at (f, 0);
  assert_finding (finding, code, severity, field);
  return finding;
}

static void
assert_message_has (const HsFinding *finding,
                    const char      *part)
{
  if (strstr (finding->message, part) == NULL)
    g_error ("“%s” is not in the message “%s”", part, finding->message);
}

/* Moves @amount from one source of @impl to another: the implementer stays
 * balanced, only the shares change. */
static void
move_financing (HsImplementer     *impl,
                HsFinancingSource  from,
                HsFinancingSource  to,
                gint64             amount)
{
  hs_implementer_set_financing (impl, from, hs_implementer_get_financing (impl, from) - amount);
  hs_implementer_set_financing (impl, to, hs_implementer_get_financing (impl, to) + amount);
}

/* ---- the baseline ------------------------------------------------------ */

static void
test_baseline (Fixture       *f,
               gconstpointer  data)
{
  HsTotals totals;

  /* the figures the tests below rely on */
  g_assert_true (hs_project_totals (f->project, &totals, NULL));
  g_assert_cmpint (totals.total_costs, ==, EUR (350000));
  g_assert_cmpint (totals.total_financing, ==, EUR (350000));
  g_assert_cmpint (totals.financing[HS_SOURCE_EU_STATE], ==, EUR (210000));

  assert_no_findings (f);
  g_assert_cmpuint (hs_findings_count_errors (f->findings), ==, 0);

  /* and in the other languages */
  f->context.lang = HS_LANG_EN;
  assert_no_findings (f);
  f->context.lang = HS_LANG_SV;
  assert_no_findings (f);
}

/* Without a call the programme defaults apply (60 % support, 25 % city, no
 * own-financing or length rule), so the baseline still passes. */
static void
test_baseline_without_call (Fixture       *f,
                            gconstpointer  data)
{
  f->context.call = NULL;
  f->project->call_id = 0;
  assert_no_findings (f);
}

/* ---- 1. main implementer ------------------------------------------------ */

static void
test_main_missing (Fixture       *f,
                   gconstpointer  data)
{
  const HsFinding *finding;

  main_impl (f)->is_main = FALSE;
  finding = assert_only (f, "main-implementer-missing", HS_SEVERITY_ERROR, "implementers");
  g_assert_cmpstr (finding->message, ==, "The project has no main implementer");
}

static void
test_main_multiple (Fixture       *f,
                    gconstpointer  data)
{
  const HsFinding *finding;

  partner (f)->is_main = TRUE;
  finding = assert_only (f, "main-implementer-multiple", HS_SEVERITY_ERROR, "implementers/1/main");
  assert_message_has (finding, "2 main implementers");
}

/* ---- 2. financing matches costs ----------------------------------------- */

static void
test_financing_not_covered (Fixture       *f,
                            gconstpointer  data)
{
  const HsFinding *finding;

  /* a call without an own-financing rule, so only the gap is wrong */
  f->call.min_own_bp = 0;
  assert_no_findings (f);

  hs_implementer_set_financing (main_impl (f), HS_SOURCE_OWN_PUBLIC, EUR (34200));
  finding = assert_only (f, "financing-mismatch", HS_SEVERITY_ERROR, "implementers/0/financing");
  g_assert_cmpstr (finding->message, ==,
                   "Espoon kaupunki: financing is 275" NBSP "000,00" EURO
                   " but costs are 280" NBSP "000,00" EURO "; 5" NBSP "000,00" EURO " is not covered");
}

static void
test_financing_exceeds (Fixture       *f,
                        gconstpointer  data)
{
  const HsFinding *finding;

  /* one cent too much, on the partner */
  hs_implementer_set_financing (partner (f), HS_SOURCE_CITY, EUR (18200) + 1);
  finding = assert_only (f, "financing-mismatch", HS_SEVERITY_ERROR, "implementers/1/financing");
  assert_message_has (finding, "Aalto-yliopisto");
  assert_message_has (finding, "70" NBSP "000,01" EURO);
  assert_message_has (finding, "70" NBSP "000,00" EURO);
  assert_message_has (finding, "by 0,01" EURO);
}

/* ---- 3. support rate ---------------------------------------------------- */

static void
test_support_over_limit (Fixture       *f,
                         gconstpointer  data)
{
  const HsFinding *finding;

  /* 218 400 / 350 000 = 62,4 % */
  move_financing (main_impl (f), HS_SOURCE_OWN_PUBLIC, HS_SOURCE_EU_STATE, EUR (8400));
  finding = assert_only (f, "support-rate-over-limit", HS_SEVERITY_ERROR, "financing/eu-state");
  g_assert_cmpstr (finding->message, ==,
                   "EU and state support is 62,4" NBSP "% of total costs; the call “PKS 1/2024” allows at most 60,0"
                   NBSP "% (8" NBSP "400,00" EURO " over the limit)");

  /* the same in English */
  f->context.lang = HS_LANG_EN;
  finding = assert_only (f, "support-rate-over-limit", HS_SEVERITY_ERROR, "financing/eu-state");
  assert_message_has (finding, "62.4%");
  assert_message_has (finding, "60.0%");
  assert_message_has (finding, "\xe2\x82\xac" "8,400.00");
}

/* Exactly 60,00 % passes (the baseline); 60,01 % fails, and so does
 * 60,004 %, whose rate rounds to 60,00 %: the rule compares exact products,
 * not rounded rates. */
static void
test_support_boundary (Fixture       *f,
                       gconstpointer  data)
{
  const HsFinding *finding;

  assert_no_findings (f);

  /* 210 035 / 350 000 = 60,01 % */
  move_financing (main_impl (f), HS_SOURCE_CITY, HS_SOURCE_EU_STATE, EUR (35));
  finding = assert_only (f, "support-rate-over-limit", HS_SEVERITY_ERROR, "financing/eu-state");
  /* 60,01 % beside "at most 60,0 %": two decimals, or it reads 60,0 */
  g_assert_cmpstr (finding->message, ==,
                   "EU and state support is 60,01" NBSP "% of total costs; the call “PKS 1/2024” allows at most 60,0"
                   NBSP "% (35,00" EURO " over the limit)");

  /* 210 014 / 350 000 = 60,004 % */
  move_financing (main_impl (f), HS_SOURCE_EU_STATE, HS_SOURCE_CITY, EUR (21));
  g_assert_cmpint (hs_rate_of (EUR (210014), EUR (350000)), ==, 6000);
  finding = assert_only (f, "support-rate-over-limit", HS_SEVERITY_ERROR, "financing/eu-state");
  assert_message_has (finding, "is 60,004" NBSP "% of total costs");
  assert_message_has (finding, "(14,00" EURO " over the limit)");

  /* one cent over */
  move_financing (main_impl (f), HS_SOURCE_EU_STATE, HS_SOURCE_CITY, EUR (14) - 1);
  finding = assert_only (f, "support-rate-over-limit", HS_SEVERITY_ERROR, "financing/eu-state");
  /* 210 000,01 / 350 000 = 60,0000028… %: rounded down, never to 60,0 */
  assert_message_has (finding, "is 60,000002" NBSP "% of total costs");
  assert_message_has (finding, "(0,01" EURO " over the limit)");

  /* and back to exactly 60 % */
  move_financing (main_impl (f), HS_SOURCE_EU_STATE, HS_SOURCE_CITY, 1);
  assert_no_findings (f);
}

/* One implementer over the share, the project within it: a warning that
 * names the implementer and how much it is over; the project's rule holds. */
static void
test_implementer_support_over (Fixture       *f,
                               gconstpointer  data)
{
  const HsFinding *finding;

  /* Aalto 49 000 / 70 000 = 70 %; Espoo 161 000 / 280 000 = 57,5 %;
   * the project still 210 000 / 350 000 = 60 % */
  move_financing (main_impl (f), HS_SOURCE_EU_STATE, HS_SOURCE_CITY, EUR (7000));
  move_financing (partner (f), HS_SOURCE_CITY, HS_SOURCE_EU_STATE, EUR (7000));
  finding = assert_only (f, "implementer-support-rate-over-limit", HS_SEVERITY_WARNING,
                         "implementers/1/financing/eu-state");
  g_assert_cmpstr (finding->message, ==,
                   "Aalto-yliopisto: EU and state support is 70,0" NBSP "% of its own costs, over the 60,0"
                   NBSP "% allowed for the project (7" NBSP "000,00" EURO " over); "
                   "the other implementers make up for it");

  /* exactly at the share: nothing */
  move_financing (partner (f), HS_SOURCE_EU_STATE, HS_SOURCE_CITY, EUR (7000));
  move_financing (main_impl (f), HS_SOURCE_CITY, HS_SOURCE_EU_STATE, EUR (7000));
  assert_no_findings (f);
}

/* The call's own limit applies, not the default. */
static void
test_support_call_limit (Fixture       *f,
                         gconstpointer  data)
{
  const HsFinding *finding;

  f->call.max_support_bp = 5000;
  finding = assert_only (f, "support-rate-over-limit", HS_SEVERITY_ERROR, "financing/eu-state");
  assert_message_has (finding, "60,0" NBSP "%");
  assert_message_has (finding, "50,0" NBSP "%");
  assert_message_has (finding, "35" NBSP "000,00" EURO);
}

/* ---- 4. city share ------------------------------------------------------ */

static void
test_city_under_minimum (Fixture       *f,
                         gconstpointer  data)
{
  const HsFinding *finding;

  /* 70 000 / 350 000 = 20 % */
  move_financing (main_impl (f), HS_SOURCE_CITY, HS_SOURCE_OWN_PUBLIC, EUR (21000));
  finding = assert_only (f, "city-share-under-minimum", HS_SEVERITY_ERROR, "financing/city");
  g_assert_cmpstr (finding->message, ==,
                   "City financing is 20,0" NBSP "% of total costs; the call “PKS 1/2024” requires at least 25,0"
                   NBSP "% (17" NBSP "500,00" EURO " more is needed)");

  /* a call without a minimum asks for none, however little the city gives */
  f->call.min_city_bp = 0;
  assert_no_findings (f);
  move_financing (main_impl (f), HS_SOURCE_CITY, HS_SOURCE_OWN_PUBLIC, EUR (51800));
  assert_no_findings (f);
}

/* Without a call the programme sets no city share for a project (the 25 %
 * is the agreement's, hs-portfolio-rules), nor does a default call. */
static void
test_city_no_call_minimum (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HsCall) defaults = hs_call_new_default ();

  g_assert_cmpint (defaults->min_city_bp, ==, 0);
  g_assert_cmpint (defaults->max_city_bp, ==, 0);

  /* 10 % city, the rest own financing */
  move_financing (main_impl (f), HS_SOURCE_CITY, HS_SOURCE_OWN_PUBLIC, EUR (72800 - 17000));
  move_financing (partner (f), HS_SOURCE_CITY, HS_SOURCE_OWN_PUBLIC, EUR (18200));
  f->context.call = NULL;
  f->project->call_id = 0;
  assert_no_findings (f);

  /* the same under a call that asks for 25 % */
  f->context.call = &f->call;
  f->project->call_id = f->call.id;
  assert_only (f, "city-share-under-minimum", HS_SEVERITY_ERROR, "financing/city");
}

/* Joensuu 2023: the city may cover up to 25 %. 26 % is over by 3 500 €;
 * exactly 25 % passes; no maximum, no finding. */
static void
test_city_over_maximum (Fixture       *f,
                        gconstpointer  data)
{
  const HsFinding *finding;

  f->call.name = (char *) "Joensuu 2023";
  f->call.max_city_bp = 2500;
  finding = assert_only (f, "city-share-over-maximum", HS_SEVERITY_ERROR, "financing/city");
  g_assert_cmpstr (finding->message, ==,
                   "City financing is 26,0" NBSP "% of total costs; the call “Joensuu 2023” allows at most 25,0"
                   NBSP "% (3" NBSP "500,00" EURO " over the limit)");

  f->context.lang = HS_LANG_EN;
  finding = assert_only (f, "city-share-over-maximum", HS_SEVERITY_ERROR, "financing/city");
  assert_message_has (finding, "26.0%");
  assert_message_has (finding, "“Joensuu 2023”");
  assert_message_has (finding, "\xe2\x82\xac" "3,500.00");
  f->context.lang = HS_LANG_FI;

  /* exactly 25 %: the 3 500 € go to own financing */
  move_financing (main_impl (f), HS_SOURCE_CITY, HS_SOURCE_OWN_PUBLIC, EUR (3500));
  assert_no_findings (f);
  /* one cent over */
  move_financing (main_impl (f), HS_SOURCE_OWN_PUBLIC, HS_SOURCE_CITY, 1);
  finding = assert_only (f, "city-share-over-maximum", HS_SEVERITY_ERROR, "financing/city");
  assert_message_has (finding, "(0,01" EURO " over the limit)");

  f->call.max_city_bp = 0;
  assert_no_findings (f);
}

/* HEVi coordination: at most 1 200 000 € of support a project. The
 * baseline's 210 000 € against a maximum of 200 000 € is 10 000 € over;
 * 210 000 € exactly passes; a call in another language is cited in it. */
static void
test_support_over_maximum (Fixture       *f,
                           gconstpointer  data)
{
  const HsFinding *finding;

  f->call.name = (char *) "HEVi koordinaatiohanke";
  f->call.name_en = (char *) "HEVi coordination";
  f->call.max_support = EUR (200000);
  finding = assert_only (f, "support-over-call-maximum", HS_SEVERITY_ERROR, "financing/eu-state");
  g_assert_cmpstr (finding->message, ==,
                   "EU and state support is 210" NBSP "000,00" EURO "; the call “HEVi koordinaatiohanke” "
                   "gives a project at most 200" NBSP "000,00" EURO " (10" NBSP "000,00" EURO " over)");

  f->context.lang = HS_LANG_EN;
  finding = assert_only (f, "support-over-call-maximum", HS_SEVERITY_ERROR, "financing/eu-state");
  assert_message_has (finding, "“HEVi coordination”");
  assert_message_has (finding, "\xe2\x82\xac" "10,000.00 over");

  f->call.max_support = EUR (210000);
  assert_no_findings (f);
  f->call.max_support = EUR (210000) - 1;
  finding = assert_only (f, "support-over-call-maximum", HS_SEVERITY_ERROR, "financing/eu-state");
  assert_message_has (finding, "\xe2\x82\xac" "0.01 over");
  f->call.max_support = 0;
  assert_no_findings (f);
}

static void
test_city_boundary (Fixture       *f,
                    gconstpointer  data)
{
  const HsFinding *finding;

  /* exactly 25 % passes */
  move_financing (main_impl (f), HS_SOURCE_CITY, HS_SOURCE_OWN_PUBLIC, EUR (3500));
  assert_no_findings (f);

  /* one cent less does not */
  move_financing (main_impl (f), HS_SOURCE_CITY, HS_SOURCE_OWN_PUBLIC, 1);
  finding = assert_only (f, "city-share-under-minimum", HS_SEVERITY_ERROR, "financing/city");
  /* 87 499,99 / 350 000 = 24,9999971… %: rounded up, never to 25,0 */
  assert_message_has (finding, "is 24,999998" NBSP "% of total costs");
  assert_message_has (finding, "at least 25,0" NBSP "%");
  assert_message_has (finding, "(0,01" EURO " more is needed)");
}

/* ---- 5. own share ------------------------------------------------------- */

static void
test_own_under_minimum (Fixture       *f,
                        gconstpointer  data)
{
  const HsFinding *finding;

  /* 31 500 / 350 000 = 9 % */
  move_financing (main_impl (f), HS_SOURCE_OWN_PUBLIC, HS_SOURCE_CITY, EUR (17500));
  finding = assert_only (f, "own-share-under-minimum", HS_SEVERITY_ERROR, "financing/own");
  g_assert_cmpstr (finding->message, ==,
                   "Own financing is 9,0" NBSP "% of total costs; the call “PKS 1/2024” requires at least 10,0"
                   NBSP "% (3" NBSP "500,00" EURO " more is needed)");
}

/* Public and private own financing count together; exactly 10 % passes. */
static void
test_own_boundary (Fixture       *f,
                   gconstpointer  data)
{
  const HsFinding *finding;

  move_financing (main_impl (f), HS_SOURCE_OWN_PUBLIC, HS_SOURCE_CITY, EUR (14000));
  move_financing (partner (f), HS_SOURCE_OWN_PUBLIC, HS_SOURCE_OWN_PRIVATE, EUR (9800));
  assert_no_findings (f);

  move_financing (partner (f), HS_SOURCE_OWN_PRIVATE, HS_SOURCE_CITY, 1);
  finding = assert_only (f, "own-share-under-minimum", HS_SEVERITY_ERROR, "financing/own");
  assert_message_has (finding, "(0,01" EURO " more is needed)");

  /* a call without the rule does not ask */
  f->call.min_own_bp = 0;
  assert_no_findings (f);
}

/* ---- 6. schedule -------------------------------------------------------- */

static void
test_schedule_missing (Fixture       *f,
                       gconstpointer  data)
{
  const HsFinding *finding;

  g_date_clear (&f->project->start_date, 1);
  finding = assert_only (f, "schedule-missing", HS_SEVERITY_ERROR, "schedule/start");
  g_assert_cmpstr (finding->message, ==, "The project has no start date");

  set_date (&f->project->start_date, 1, 1, 2025);
  g_date_clear (&f->project->end_date, 1);
  assert_only (f, "schedule-missing", HS_SEVERITY_ERROR, "schedule/end");
}

static void
test_schedule_reversed (Fixture       *f,
                        gconstpointer  data)
{
  const HsFinding *finding;

  /* the end moves before the start */
  set_date (&f->project->end_date, 31, 12, 2024);
  finding = assert_only (f, "schedule-reversed", HS_SEVERITY_ERROR, "schedule/end");
  assert_message_has (finding, "31.12.2024");
  assert_message_has (finding, "1.1.2025");

  /* one day is fine */
  f->project->end_date = f->project->start_date;
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2026, 0);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2025, EUR (200000));
  g_assert_true (hs_project_update_derived (f->project, NULL));
  assert_no_findings (f);
}

static void
test_schedule_too_long (Fixture       *f,
                        gconstpointer  data)
{
  const HsFinding *finding;

  /* 1.1.2025–1.1.2027 is 25 months; the call allows 24 */
  set_date (&f->project->end_date, 1, 1, 2027);
  finding = assert_only (f, "schedule-too-long", HS_SEVERITY_ERROR, "schedule/end");
  g_assert_cmpstr (finding->message, ==, "The project lasts 25 months; the call “PKS 1/2024” allows at most 24");

  /* no rule in the call, no finding */
  f->call.max_duration_months = 0;
  assert_no_findings (f);
}

static void
test_schedule_outside_programme (Fixture       *f,
                                 gconstpointer  data)
{
  const HsFinding *finding;

  /* a call and focus area without length or period limits */
  f->call.max_duration_months = 0;
  f->focus_area.first_year = 0;
  f->focus_area.last_year = 0;

  /* from the first day of the programme period */
  set_date (&f->project->start_date, 1, 1, 2021);
  assert_no_findings (f);
  set_date (&f->project->start_date, 31, 12, 2020);
  finding = assert_only (f, "schedule-outside-programme", HS_SEVERITY_ERROR, "schedule/start");
  assert_message_has (finding, "31.12.2020");
  assert_message_has (finding, "1.1.2021");

  /* until the last day */
  set_date (&f->project->start_date, 1, 1, 2025);
  set_date (&f->project->end_date, 31, 12, 2029);
  assert_no_findings (f);
  set_date (&f->project->end_date, 1, 1, 2030);
  finding = assert_only (f, "schedule-outside-programme", HS_SEVERITY_ERROR, "schedule/end");
  assert_message_has (finding, "1.1.2030");
  assert_message_has (finding, "31.12.2029");
}

/* A project wholly outside the period: its start after the end of it and
 * its end before the start of it are findings of their own. */
static void
test_schedule_wholly_outside (Fixture       *f,
                              gconstpointer  data)
{
  const HsFinding *finding;

  f->call.max_duration_months = 0;
  f->focus_area.first_year = 0;
  f->focus_area.last_year = 0;
  /* the budget years go with the dates: no budget-year findings */
  hs_implementer_set_cost (partner (f), HS_COST_STAFF, 2025, 0);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2025, 0);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2026, 0);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2030, EUR (100000));
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2031, EUR (100000));
  hs_implementer_set_cost (partner (f), HS_COST_STAFF, 2030, EUR (50000));
  g_assert_true (hs_project_update_derived (f->project, NULL));

  set_date (&f->project->start_date, 1, 3, 2030);
  set_date (&f->project->end_date, 28, 2, 2031);
  validate (f);
  g_assert_cmpuint (f->findings->len, ==, 2);
  finding = finding_at (f, 0);
  assert_finding (finding, "schedule-outside-programme", HS_SEVERITY_ERROR, "schedule/start");
  g_assert_cmpstr (finding->message, ==, "The project starts on 1.3.2030; costs are eligible only until 31.12.2029");
  finding = finding_at (f, 1);
  assert_finding (finding, "schedule-outside-programme", HS_SEVERITY_ERROR, "schedule/end");
  g_assert_cmpstr (finding->message, ==, "The project ends on 28.2.2031; costs are eligible only until 31.12.2029");

  /* before the period: 2019–2020 */
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2030, 0);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2031, 0);
  hs_implementer_set_cost (partner (f), HS_COST_STAFF, 2030, 0);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2019, EUR (100000));
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2020, EUR (100000));
  hs_implementer_set_cost (partner (f), HS_COST_STAFF, 2020, EUR (50000));
  g_assert_true (hs_project_update_derived (f->project, NULL));
  set_date (&f->project->start_date, 1, 1, 2019);
  set_date (&f->project->end_date, 31, 12, 2020);
  validate (f);
  g_assert_cmpuint (f->findings->len, ==, 2);
  assert_finding (finding_at (f, 0), "schedule-outside-programme", HS_SEVERITY_ERROR, "schedule/start");
  finding = finding_at (f, 1);
  assert_finding (finding, "schedule-outside-programme", HS_SEVERITY_ERROR, "schedule/end");
  g_assert_cmpstr (finding->message, ==, "The project ends on 31.12.2020; costs are eligible only from 1.1.2021");
}

/* The agreements end 31.12.2027: a project that runs on after its
 * agreement gets a warning naming both dates; without the agreement's end
 * date, or without the agreement, there is nothing to compare. */
static void
test_schedule_after_agreement (Fixture       *f,
                               gconstpointer  data)
{
  HsAgreement agreement = { 0, };
  const HsFinding *finding;

  agreement.id = 1;
  agreement.region_name = (char *) "Pääkaupunkiseutu (PKS)";
  g_date_clear (&agreement.end_date, 1);
  g_date_set_dmy (&agreement.end_date, 31, 12, 2027);
  f->context.agreement = &agreement;
  f->call.max_duration_months = 0;
  f->focus_area.last_year = 0;

  /* ends with the agreement: fine */
  set_date (&f->project->end_date, 31, 12, 2027);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2026, 0);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2027, EUR (100000));
  g_assert_true (hs_project_update_derived (f->project, NULL));
  assert_no_findings (f);

  /* one day later */
  set_date (&f->project->end_date, 1, 1, 2028);
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2027, EUR (50000));
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2028, EUR (50000));
  g_assert_true (hs_project_update_derived (f->project, NULL));
  finding = assert_only (f, "schedule-after-agreement", HS_SEVERITY_WARNING, "schedule/end");
  g_assert_cmpstr (finding->message, ==,
                   "The project ends on 1.1.2028, after its ecosystem agreement ends on 31.12.2027");
  g_assert_cmpuint (hs_findings_count_errors (f->findings), ==, 0);

  f->context.lang = HS_LANG_EN;
  finding = assert_only (f, "schedule-after-agreement", HS_SEVERITY_WARNING, "schedule/end");
  g_assert_cmpstr (finding->message, ==,
                   "The project ends on 1 Jan 2028, after its ecosystem agreement ends on 31 Dec 2027");
  f->context.lang = HS_LANG_FI;

  g_date_clear (&agreement.end_date, 1);
  assert_no_findings (f);
  f->context.agreement = NULL;
  assert_no_findings (f);
}

/* Pori's second call, open 18.10.2023–31.12.2023: the first submission is
 * checked against both ends, the day itself included. */
static void
test_submitted_outside_call (Fixture       *f,
                             gconstpointer  data)
{
  HsStatusChange *submitted = &g_array_index (f->project->history, HsStatusChange, 1);
  HsStatusChange change;
  const HsFinding *finding;

  f->call.name = (char *) "Pori 2/2023";
  set_date (&f->call.open_date, 18, 10, 2023);
  set_date (&f->call.close_date, 31, 12, 2023);
  /* the draft before the call opened */
  set_date (&g_array_index (f->project->history, HsStatusChange, 0).date, 1, 9, 2023);

  set_date (&submitted->date, 31, 12, 2023);
  assert_no_findings (f);
  set_date (&submitted->date, 18, 10, 2023);
  assert_no_findings (f);

  set_date (&submitted->date, 5, 1, 2024);
  finding = assert_only (f, "submitted-outside-call", HS_SEVERITY_ERROR, "status/history/1");
  g_assert_cmpstr (finding->message, ==,
                   "The application was submitted on 5.1.2024, after the call “Pori 2/2023” closed on 31.12.2023");

  set_date (&submitted->date, 17, 10, 2023);
  finding = assert_only (f, "submitted-outside-call", HS_SEVERITY_ERROR, "status/history/1");
  g_assert_cmpstr (finding->message, ==,
                   "The application was submitted on 17.10.2023, before the call “Pori 2/2023” opened on 18.10.2023");

  /* a return to draft and a second submission after the close: the
   * application was in on time */
  set_date (&submitted->date, 1, 12, 2023);
  change.status = HS_STATUS_DRAFT;
  set_date (&change.date, 10, 12, 2023);
  g_array_append_val (f->project->history, change);
  change.status = HS_STATUS_SUBMITTED;
  set_date (&change.date, 15, 1, 2024);
  g_array_append_val (f->project->history, change);
  submitted = &g_array_index (f->project->history, HsStatusChange, 1);   /* the array moved */
  assert_no_findings (f);

  /* a call with only a close date */
  g_date_clear (&f->call.open_date, 1);
  set_date (&submitted->date, 2, 9, 2023);
  assert_no_findings (f);
  set_date (&f->call.close_date, 1, 9, 2023);
  finding = assert_only (f, "submitted-outside-call", HS_SEVERITY_ERROR, "status/history/1");
  assert_message_has (finding, "after the call “Pori 2/2023” closed on 1.9.2023");

  /* not before it was submitted */
  g_array_set_size (f->project->history, 1);
  f->project->status = HS_STATUS_DRAFT;
  assert_no_findings (f);

  /* without a call, no window */
  f->project->status = HS_STATUS_SUBMITTED;
  change.status = HS_STATUS_SUBMITTED;
  set_date (&change.date, 1, 1, 2030);
  g_array_append_val (f->project->history, change);
  f->context.call = NULL;
  f->project->call_id = 0;
  assert_no_findings (f);
}

/* ---- 7. budget years ---------------------------------------------------- */

static void
test_budget_year_outside (Fixture       *f,
                          gconstpointer  data)
{
  const HsFinding *finding;

  /* 10 000 € of staff costs (14 000 € with the flat rate) in 2027, financed
   * in the same shares as the rest */
  hs_implementer_set_cost (partner (f), HS_COST_STAFF, 2027, EUR (10000));
  g_assert_true (hs_project_update_derived (f->project, NULL));
  hs_implementer_set_financing (partner (f), HS_SOURCE_EU_STATE, EUR (42000 + 8400));
  hs_implementer_set_financing (partner (f), HS_SOURCE_CITY, EUR (18200 + 3640));
  hs_implementer_set_financing (partner (f), HS_SOURCE_OWN_PUBLIC, EUR (9800 + 1960));

  /* one finding for the year, though both its lines are outside */
  finding = assert_only (f, "budget-year-outside-schedule", HS_SEVERITY_ERROR, "implementers/1/budget/2027");
  assert_message_has (finding, "Aalto-yliopisto");
  assert_message_has (finding, "2027");
  assert_message_has (finding, "2025–2026");
}

/* ---- 16. yearly financing --------------------------------------------- */

/* The city's share per calendar year (as Helsinki grants it), to the same
 * sum: no findings, and the total still checked against the costs. */
static void
test_financing_years_pass (Fixture       *f,
                           gconstpointer  data)
{
  const HsFinding *finding;

  hs_implementer_set_financing (main_impl (f), HS_SOURCE_CITY, 0);
  hs_implementer_set_financing_year (main_impl (f), HS_SOURCE_CITY, 2025, EUR (36400));
  hs_implementer_set_financing_year (main_impl (f), HS_SOURCE_CITY, 2026, EUR (36400));
  assert_no_findings (f);

  /* a year short of the total: the total no longer covers the costs */
  hs_implementer_set_financing_year (main_impl (f), HS_SOURCE_CITY, 2026, EUR (36399));
  finding = assert_only (f, "financing-mismatch", HS_SEVERITY_ERROR, "implementers/0/financing");
  assert_message_has (finding, "1,00" EURO);
}

static void
test_financing_split_and_total (Fixture       *f,
                                gconstpointer  data)
{
  const HsFinding *finding;

  /* 72 800 €: 30 000 € undivided, 42 800 € in 2025 */
  hs_implementer_set_financing (main_impl (f), HS_SOURCE_CITY, EUR (30000));
  hs_implementer_set_financing_year (main_impl (f), HS_SOURCE_CITY, 2025, EUR (42800));
  finding = assert_only (f, "financing-split-and-total", HS_SEVERITY_ERROR, "implementers/0/financing/city");
  assert_message_has (finding, "Espoon kaupunki");
  assert_message_has (finding, "30" NBSP "000,00" EURO);
}

static void
test_financing_year_outside (Fixture       *f,
                             gconstpointer  data)
{
  const HsFinding *finding;

  hs_implementer_set_financing (partner (f), HS_SOURCE_CITY, 0);
  hs_implementer_set_financing_year (partner (f), HS_SOURCE_CITY, 2025, EUR (13200));
  hs_implementer_set_financing_year (partner (f), HS_SOURCE_CITY, 2027, EUR (5000));
  finding = assert_only (f, "financing-year-outside-schedule", HS_SEVERITY_WARNING,
                         "implementers/1/financing/city/2027");
  assert_message_has (finding, "Aalto-yliopisto");
  assert_message_has (finding, "2027");
  assert_message_has (finding, "2025–2026");
  assert_message_has (finding, "5" NBSP "000,00" EURO);
  g_assert_cmpuint (hs_findings_count_errors (f->findings), ==, 0);
}

/* ---- 8. focus area ------------------------------------------------------ */

static void
test_focus_area_missing (Fixture       *f,
                         gconstpointer  data)
{
  f->project->focus_area_id = 0;
  f->context.focus_area = NULL;
  assert_only (f, "focus-area-missing", HS_SEVERITY_ERROR, "focus-area");
}

static void
test_focus_area_unknown (Fixture       *f,
                         gconstpointer  data)
{
  const HsFinding *finding;

  f->context.focus_area = NULL;
  finding = assert_only (f, "focus-area-mismatch", HS_SEVERITY_ERROR, "focus-area");
  assert_message_has (finding, "unknown");

  /* a focus area, but not the project's */
  f->context.focus_area = &f->focus_area;
  f->focus_area.id = 11;
  finding = assert_only (f, "focus-area-mismatch", HS_SEVERITY_ERROR, "focus-area");
  assert_message_has (finding, "unknown");
}

static void
test_focus_area_other_agreement (Fixture       *f,
                                 gconstpointer  data)
{
  const HsFinding *finding;

  f->focus_area.agreement_id = 2;
  finding = assert_only (f, "focus-area-mismatch", HS_SEVERITY_ERROR, "focus-area");
  assert_message_has (finding, "Älykkäät ja kestävät kaupunkiratkaisut");
}

/* A focus area of the 2025–2027 revision for a project that starts in 2024
 * is only a warning. */
/* A file lists its agreement's focus areas; the project names another. */
static void
test_focus_area_unlisted (Fixture       *f,
                          gconstpointer  data)
{
  const HsFinding *finding;

  f->context.focus_area = NULL;
  f->context.unlisted_focus_area = "Akkukemia";
  finding = assert_only (f, "focus-area-mismatch", HS_SEVERITY_ERROR, "focus-area");
  assert_message_has (finding, "“Akkukemia”");
  f->context.unlisted_focus_area = NULL;
}

static void
test_focus_area_period (Fixture       *f,
                        gconstpointer  data)
{
  const HsFinding *finding;

  f->focus_area.first_year = 2026;
  finding = assert_only (f, "focus-area-mismatch", HS_SEVERITY_WARNING, "focus-area");
  assert_message_has (finding, "2026–2027");
  assert_message_has (finding, "2025–2026");
  g_assert_cmpuint (hs_findings_count_errors (f->findings), ==, 0);

  f->focus_area.first_year = 0;
  f->focus_area.last_year = 2025;
  finding = assert_only (f, "focus-area-mismatch", HS_SEVERITY_WARNING, "focus-area");
  assert_message_has (finding, "until 2025");

  f->focus_area.first_year = 2026;
  f->focus_area.last_year = 0;
  finding = assert_only (f, "focus-area-mismatch", HS_SEVERITY_WARNING, "focus-area");
  assert_message_has (finding, "from 2026");
}

/* ---- 9. Y-tunnus -------------------------------------------------------- */

static void
test_business_id_invalid (Fixture       *f,
                          gconstpointer  data)
{
  HsOrganisation *org = partner (f)->organisation;
  g_autoptr(GError) error = NULL;
  const HsFinding *finding;

  g_free (org->business_id);
  org->business_id = g_strdup ("2228357-5");
  g_assert_false (hs_ytunnus_validate (org->business_id, &error));

  finding = assert_only (f, "business-id-invalid", HS_SEVERITY_ERROR,
                         "implementers/1/organisation/business-id");
  assert_message_has (finding, "Aalto-yliopisto");
  assert_message_has (finding, "2228357-5");
  /* the validator's reason */
  assert_message_has (finding, error->message);
}

static void
test_business_id_missing (Fixture       *f,
                          gconstpointer  data)
{
  HsOrganisation *org = main_impl (f)->organisation;
  const HsFinding *finding;

  g_clear_pointer (&org->business_id, g_free);
  finding = assert_only (f, "business-id-invalid", HS_SEVERITY_ERROR,
                         "implementers/0/organisation/business-id");
  g_assert_cmpstr (finding->message, ==, "Espoon kaupunki has no Y-tunnus");

  /* a foreign organisation needs none */
  org->foreign = TRUE;
  assert_no_findings (f);
}

/* ---- 9b. an organisation once ------------------------------------------ */

static void
test_implementer_duplicate (Fixture       *f,
                            gconstpointer  data)
{
  HsImplementer *twin = hs_implementer_copy (partner (f));
  HsOrganisation *org = twin->organisation;
  const HsFinding *finding;

  /* Aalto-yliopisto again, with no budget or financing of its own */
  g_array_set_size (twin->budget, 0);
  g_array_set_size (twin->financing, 0);
  g_ptr_array_add (f->project->implementers, twin);
  finding = assert_only (f, "implementer-duplicate", HS_SEVERITY_ERROR,
                         "implementers/2/organisation");
  g_assert_cmpstr (finding->message, ==,
                   "Aalto-yliopisto is implementer 2 and again implementer 3; an organisation takes "
                   "part once, with one budget and financing plan");

  /* the same Y-tunnus under another spelling is the same organisation */
  g_free (org->name);
  org->name = g_strdup ("Aalto University");
  assert_only (f, "implementer-duplicate", HS_SEVERITY_ERROR, "implementers/2/organisation");

  /* stored ones are told apart by id, whatever their names */
  org->id = 7;
  partner (f)->organisation->id = 8;
  assert_no_findings (f);

  /* neither stored nor with a Y-tunnus: by name */
  org->id = partner (f)->organisation->id = 0;
  g_clear_pointer (&org->business_id, g_free);
  org->foreign = TRUE;
  g_free (org->name);
  org->name = g_strdup (partner (f)->organisation->name);
  g_clear_pointer (&partner (f)->organisation->business_id, g_free);
  partner (f)->organisation->foreign = TRUE;
  assert_only (f, "implementer-duplicate", HS_SEVERITY_ERROR, "implementers/2/organisation");
}

/* ---- 10. negative amounts ----------------------------------------------- */

static void
test_negative_financing (Fixture       *f,
                         gconstpointer  data)
{
  const HsFinding *finding;

  /* −1 000 € of other public money, balanced by own financing */
  move_financing (main_impl (f), HS_SOURCE_OTHER_PUBLIC, HS_SOURCE_OWN_PUBLIC, EUR (1000));
  g_assert_cmpint (hs_implementer_get_financing (main_impl (f), HS_SOURCE_OTHER_PUBLIC), ==, -EUR (1000));
  finding = assert_only (f, "negative-amount", HS_SEVERITY_ERROR, "implementers/0/financing/other-public");
  assert_message_has (finding, "Espoon kaupunki");
  assert_message_has (finding, MINUS "1" NBSP "000,00" EURO);
}

static void
test_negative_cost (Fixture       *f,
                    gconstpointer  data)
{
  const HsFinding *finding;

  /* staff costs of 300 000 € and −100 000 € still add up to 200 000 €
   * (the stored flat-rate lines are left as they were, which rule 12b
   * reports as lines the import would recompute) */
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2025, EUR (300000));
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2026, -EUR (100000));
  validate (f);
  g_assert_cmpuint (hs_findings_count_errors (f->findings), ==, 1);
  finding = finding_at (f, 0);
  g_assert_cmpstr (finding->code, ==, "negative-amount");
  g_assert_cmpstr (finding->field, ==, "implementers/0/budget/2026/staff");
  assert_message_has (finding, "2026");
  assert_message_has (finding, MINUS "100" NBSP "000,00" EURO);
  g_assert_cmpuint (f->findings->len, ==, 3);
  g_assert_cmpstr (finding_at (f, 1)->code, ==, "flat-rate-recomputed");
  g_assert_cmpstr (finding_at (f, 2)->code, ==, "flat-rate-recomputed");
}

/* ---- 12b. flat-rate lines as the model derives them --------------------- */

static void
test_flat_rate_recomputed (Fixture       *f,
                           gconstpointer  data)
{
  HsImplementer *espoo = main_impl (f);
  HsBudgetLine *line = NULL;
  const HsFinding *finding;

  /* a file's 2025 flat rate 10 cents over 40 % of 100 000 € (own financing
   * covers the 10 cents, so nothing else changes) */
  for (guint j = 0; j < espoo->budget->len; j++)
    {
      HsBudgetLine *l = &g_array_index (espoo->budget, HsBudgetLine, j);
      if (l->derived && l->year == 2025)
        line = l;
    }
  g_assert_nonnull (line);
  line->amount += 10;
  hs_implementer_set_financing (espoo, HS_SOURCE_OWN_PUBLIC,
                                hs_implementer_get_financing (espoo, HS_SOURCE_OWN_PUBLIC) + 10);
  finding = assert_only (f, "flat-rate-recomputed", HS_SEVERITY_WARNING,
                         "implementers/0/budget/2025/flat-rate");
  g_assert_cmpstr (finding->message, ==,
                   "Espoon kaupunki, 2025: the flat-rate costs given are 40" NBSP "000,10" EURO
                   ", but 40,0" NBSP "% of the staff costs (100" NBSP "000,00" EURO ") is 40"
                   NBSP "000,00" EURO ", which replaces them");

  /* recomputed: nothing to say */
  g_assert_true (hs_project_update_derived (f->project, NULL));
  hs_implementer_set_financing (espoo, HS_SOURCE_OWN_PUBLIC,
                                hs_implementer_get_financing (espoo, HS_SOURCE_OWN_PUBLIC) - 10);
  assert_no_findings (f);
}


/* ---- 11. status history ------------------------------------------------- */

static void
test_status_first_not_draft (Fixture       *f,
                             gconstpointer  data)
{
  g_array_remove_index (f->project->history, 0);
  assert_only (f, "status-transition-invalid", HS_SEVERITY_ERROR, "status/history/0");
}

static void
test_status_transition_not_allowed (Fixture       *f,
                                    gconstpointer  data)
{
  HsStatusChange change;

  /* submitted → approved skips the review */
  g_assert_false (hs_status_transition_allowed (HS_STATUS_SUBMITTED, HS_STATUS_APPROVED));
  change.status = HS_STATUS_APPROVED;
  set_date (&change.date, 1, 12, 2024);
  g_array_append_val (f->project->history, change);
  f->project->status = HS_STATUS_APPROVED;
  assert_only (f, "status-transition-invalid", HS_SEVERITY_ERROR, "status/history/2");

  /* through the review it is fine */
  g_array_index (f->project->history, HsStatusChange, 2).status = HS_STATUS_UNDER_REVIEW;
  f->project->status = HS_STATUS_UNDER_REVIEW;
  assert_no_findings (f);
}

static void
test_status_not_latest (Fixture       *f,
                        gconstpointer  data)
{
  f->project->status = HS_STATUS_ONGOING;
  assert_only (f, "status-transition-invalid", HS_SEVERITY_ERROR, "status");
}

static void
test_status_dates_backwards (Fixture       *f,
                             gconstpointer  data)
{
  const HsFinding *finding;

  set_date (&g_array_index (f->project->history, HsStatusChange, 1).date, 31, 8, 2024);
  finding = assert_only (f, "status-transition-invalid", HS_SEVERITY_WARNING, "status/history/1");
  assert_message_has (finding, "31.8.2024");
  assert_message_has (finding, "1.9.2024");

  /* the same day is not backwards */
  set_date (&g_array_index (f->project->history, HsStatusChange, 1).date, 1, 9, 2024);
  assert_no_findings (f);
}

/* ---- 12. cost model ----------------------------------------------------- */

/* The same budget under real costs: the flat-rate lines typed as other
 * costs, so that the totals stay as they were. */
static void
type_flat_rate_as_other (Fixture *f)
{
  for (guint i = 0; i < f->project->implementers->len; i++)
    {
      GArray *budget = implementer_at (f->project, i)->budget;

      for (guint j = 0; j < budget->len; j++)
        {
          HsBudgetLine *line = &g_array_index (budget, HsBudgetLine, j);
          if (line->derived)
            {
              line->derived = FALSE;
              line->category = HS_COST_OTHER;
            }
        }
    }
}

static void
test_cost_category_not_allowed (Fixture       *f,
                                gconstpointer  data)
{
  const HsFinding *finding;

  /* 1 000 € of travel under flat rate 40 %, financed 60/26/14 */
  hs_implementer_set_cost (main_impl (f), HS_COST_TRAVEL, 2025, EUR (1000));
  hs_implementer_set_financing (main_impl (f), HS_SOURCE_EU_STATE, EUR (168000 + 600));
  hs_implementer_set_financing (main_impl (f), HS_SOURCE_CITY, EUR (72800 + 260));
  hs_implementer_set_financing (main_impl (f), HS_SOURCE_OWN_PUBLIC, EUR (39200 + 140));

  finding = assert_only (f, "cost-category-not-allowed", HS_SEVERITY_ERROR, "implementers/0/budget/2025/travel");
  assert_message_has (finding, "Espoon kaupunki");
  assert_message_has (finding, "2025");

  /* the same line is fine with real costs (when the call allows them) */
  f->project->cost_model = HS_COST_MODEL_REAL;
  f->call.allowed_cost_models |= 1u << HS_COST_MODEL_REAL;
  type_flat_rate_as_other (f);
  assert_no_findings (f);
}

static void
test_cost_model_not_allowed (Fixture       *f,
                             gconstpointer  data)
{
  /* only the model is wrong */
  f->project->cost_model = HS_COST_MODEL_REAL;
  type_flat_rate_as_other (f);
  assert_only (f, "cost-model-not-allowed", HS_SEVERITY_ERROR, "cost-model");

  /* a call that lists no models allows any */
  f->call.allowed_cost_models = 0;
  assert_no_findings (f);
}

/* ---- 13. totals --------------------------------------------------------- */

static void
test_no_costs (Fixture       *f,
               gconstpointer  data)
{
  for (guint i = 0; i < f->project->implementers->len; i++)
    {
      g_array_set_size (implementer_at (f->project, i)->budget, 0);
      g_array_set_size (implementer_at (f->project, i)->financing, 0);
    }

  assert_only (f, "no-costs", HS_SEVERITY_WARNING, "budget");
  g_assert_cmpuint (hs_findings_count_errors (f->findings), ==, 0);
}

static void
test_totals_overflow (Fixture       *f,
                      gconstpointer  data)
{
  hs_implementer_set_cost (main_impl (f), HS_COST_STAFF, 2025, HS_MONEY_MAX);
  assert_only (f, "totals-overflow", HS_SEVERITY_ERROR, "budget");
}

/* ---- 14. call of another agreement -------------------------------------- */

static void
test_call_other_agreement (Fixture       *f,
                           gconstpointer  data)
{
  const HsFinding *finding;

  f->call.agreement_id = 2;
  finding = assert_only (f, "call-agreement-mismatch", HS_SEVERITY_ERROR, "call");
  assert_message_has (finding, "PKS 1/2024");

  /* an agreement's default call is named in the user's language */
  f->call.name = (char *) "Pori — default call";
  finding = assert_only (f, "call-agreement-mismatch", HS_SEVERITY_ERROR, "call");
  assert_message_has (finding, "“Pori — oletushaku”");
  f->context.lang = HS_LANG_SV;
  finding = assert_only (f, "call-agreement-mismatch", HS_SEVERITY_ERROR, "call");
  assert_message_has (finding, "“Pori — standardutlysning”");
  f->context.lang = HS_LANG_FI;

  /* a call for every agreement fits */
  f->call.agreement_id = 0;
  assert_no_findings (f);
}

/* ---- order and counting ------------------------------------------------- */

/* ---- 15. indicators ------------------------------------------------------ */

static void
add_indicator (Fixture    *f,
               const char *code,
               gint64      target)
{
  HsIndicator indicator = { g_strdup (code), target };

  g_array_append_val (f->project->indicators, indicator);
}

static void
test_indicator_unknown (Fixture       *f,
                        gconstpointer  data)
{
  const HsFinding *finding;

  add_indicator (f, "RCO01", 12);
  assert_no_findings (f);
  add_indicator (f, "RCO99", 3);
  finding = assert_only (f, "indicator-unknown", HS_SEVERITY_ERROR, "indicators/1");
  assert_message_has (finding, "“RCO99”");
}

static void
test_indicator_duplicate (Fixture       *f,
                          gconstpointer  data)
{
  const HsFinding *finding;

  add_indicator (f, "RCO01", 12);
  add_indicator (f, "RCR01", 1500);
  assert_no_findings (f);
  add_indicator (f, "RCO01", 7);
  finding = assert_only (f, "indicator-duplicate", HS_SEVERITY_ERROR, "indicators/2");
  assert_message_has (finding, "RCO01");
}

static void
test_indicator_target_negative (Fixture       *f,
                                gconstpointer  data)
{
  const HsFinding *finding;

  /* zero is a target */
  add_indicator (f, "RCO01", 0);
  assert_no_findings (f);
  add_indicator (f, "RCR01", -1500);
  finding = assert_only (f, "indicator-target-negative", HS_SEVERITY_ERROR, "indicators/1/target");
  assert_message_has (finding, "RCR01");
  assert_message_has (finding, MINUS "1" NBSP "500");
}

static void
test_rule_order (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const expected[] = {
    "main-implementer-missing",
    "schedule-too-long",
    "focus-area-mismatch",
    "business-id-invalid",
    "status-transition-invalid",
    "call-agreement-mismatch",
  };

  /* broken in the opposite order */
  f->call.agreement_id = 2;
  f->project->status = HS_STATUS_ONGOING;
  g_clear_pointer (&partner (f)->organisation->business_id, g_free);
  f->focus_area.first_year = 2026;
  set_date (&f->project->end_date, 1, 1, 2027);
  main_impl (f)->is_main = FALSE;

  validate (f);
  g_assert_cmpuint (f->findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (finding_at (f, i)->code, ==, expected[i]);

  /* all errors but the focus-area period warning */
  g_assert_cmpuint (hs_findings_count_errors (f->findings), ==, G_N_ELEMENTS (expected) - 1);
}

static void
test_null_context (void)
{
  g_autoptr(HsProject) project = baseline_project ();
  g_autoptr(GPtrArray) findings = hs_validate_project (project, NULL);

  /* no focus area to check against, English numbers */
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (g_ptr_array_index (findings, 0), "focus-area-mismatch", HS_SEVERITY_ERROR, "focus-area");
}

#define ADD(path, func) \
  g_test_add ("/validate/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("baseline", test_baseline);
  ADD ("baseline-without-call", test_baseline_without_call);
  ADD ("main-implementer/missing", test_main_missing);
  ADD ("main-implementer/multiple", test_main_multiple);
  ADD ("financing-mismatch/not-covered", test_financing_not_covered);
  ADD ("financing-mismatch/exceeds", test_financing_exceeds);
  ADD ("support-rate/over-limit", test_support_over_limit);
  ADD ("support-rate/boundary", test_support_boundary);
  ADD ("support-rate/call-limit", test_support_call_limit);
  ADD ("support-rate/implementer-over", test_implementer_support_over);
  ADD ("city-share/under-minimum", test_city_under_minimum);
  ADD ("city-share/boundary", test_city_boundary);
  ADD ("city-share/no-call-minimum", test_city_no_call_minimum);
  ADD ("city-share/over-maximum", test_city_over_maximum);
  ADD ("support-maximum/over", test_support_over_maximum);
  ADD ("own-share/under-minimum", test_own_under_minimum);
  ADD ("own-share/boundary", test_own_boundary);
  ADD ("schedule/missing", test_schedule_missing);
  ADD ("schedule/reversed", test_schedule_reversed);
  ADD ("schedule/too-long", test_schedule_too_long);
  ADD ("schedule/outside-programme", test_schedule_outside_programme);
  ADD ("schedule/wholly-outside", test_schedule_wholly_outside);
  ADD ("schedule/after-agreement", test_schedule_after_agreement);
  ADD ("submitted-outside-call", test_submitted_outside_call);
  ADD ("budget-year-outside-schedule", test_budget_year_outside);
  ADD ("focus-area/missing", test_focus_area_missing);
  ADD ("focus-area/unknown", test_focus_area_unknown);
  ADD ("focus-area/other-agreement", test_focus_area_other_agreement);
  ADD ("focus-area/period", test_focus_area_period);
  ADD ("focus-area/unlisted", test_focus_area_unlisted);
  ADD ("business-id/invalid", test_business_id_invalid);
  ADD ("business-id/missing", test_business_id_missing);
  ADD ("implementer/duplicate", test_implementer_duplicate);
  ADD ("negative-amount/financing", test_negative_financing);
  ADD ("negative-amount/cost", test_negative_cost);
  ADD ("flat-rate/recomputed", test_flat_rate_recomputed);
  ADD ("status/first-not-draft", test_status_first_not_draft);
  ADD ("status/transition-not-allowed", test_status_transition_not_allowed);
  ADD ("status/not-latest", test_status_not_latest);
  ADD ("status/dates-backwards", test_status_dates_backwards);
  ADD ("cost-model/category-not-allowed", test_cost_category_not_allowed);
  ADD ("cost-model/model-not-allowed", test_cost_model_not_allowed);
  ADD ("totals/no-costs", test_no_costs);
  ADD ("totals/overflow", test_totals_overflow);
  ADD ("call-agreement-mismatch", test_call_other_agreement);
  ADD ("indicator/unknown", test_indicator_unknown);
  ADD ("indicator/duplicate", test_indicator_duplicate);
  ADD ("indicator/target-negative", test_indicator_target_negative);
  ADD ("financing-years/pass", test_financing_years_pass);
  ADD ("financing-years/split-and-total", test_financing_split_and_total);
  ADD ("financing-years/outside-schedule", test_financing_year_outside);
  ADD ("rule-order", test_rule_order);
  g_test_add_func ("/validate/null-context", test_null_context);

  return g_test_run ();
}

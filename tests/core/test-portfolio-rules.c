/* test-portfolio-rules.c — the rules of an agreement and of its calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A baseline portfolio of one agreement that meets every rule exactly
 * (60,0 % support, 25,0 % city, the calls' money spent to the cent); each
 * test breaks one rule of it, checks the code, the severity, the field and
 * the numbers, and puts it back to see the finding go. Messages in Finnish
 * number format, with the no-break spaces hs_money_format () writes.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "core/hs-money.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-validate.h"

#define NBSP  "\xc2\xa0"
#define EURO  NBSP "\xe2\x82\xac"

#define EUR(x) ((gint64) (x) * HS_CENTS_PER_EURO)

enum { P_APPROVED_1, P_APPROVED_2, P_PROPOSED, P_DRAFT, P_OTHER_AGREEMENT, N_PROJECTS };

typedef struct
{
  HsAgreement  agreement;
  HsCall       joensuu;       /* money and city money available */
  HsCall       hevi;          /* one project at most */
  GPtrArray   *calls;
  GArray      *projects;      /* HsPortfolioProject */
  HsLang       lang;
  GPtrArray   *findings;
} Fixture;

static HsPortfolioProject *
project_at (Fixture *f,
            guint    index)
{
  return &g_array_index (f->projects, HsPortfolioProject, index);
}

static void
set_project (Fixture  *f,
             guint     index,
             HsStatus  status,
             gint64    agreement_id,
             gint64    call_id,
             gint64    costs,
             gint64    eu_state,
             gint64    city)
{
  HsPortfolioProject *p = project_at (f, index);

  memset (p, 0, sizeof *p);
  p->id = index + 1;
  p->agreement_id = agreement_id;
  p->call_id = call_id;
  p->status = status;
  p->totals_ok = TRUE;
  p->total_costs = costs;
  p->eu_state = eu_state;
  p->city = city;
  /* all of it in 2025 */
  p->eu_state_by_year[2025 - HS_PROGRAMME_START_YEAR] = eu_state;
}

/* The baseline, agreement 1 (PKS):
 *
 *                          status        call     costs      EU+state   city
 * 1 approved               ongoing       Joensuu  1 000 000  600 000    200 000
 * 2 approved               approved      HEVi       500 000  300 000    175 000
 * 3 proposed               submitted     Joensuu    400 000  240 000    100 000
 * 4 draft                  draft         Joensuu  9 000 000  9 000 000        0
 * 5 another agreement's    under review  Joensuu    100 000   60 000     15 000
 *
 * approved: 900 000 / 1 500 000 = 60,0 %, city 375 000 = 25,0 %
 * proposed: 240 000 / 400 000 = 60,0 %, city 100 000 = 25,0 %
 * Joensuu applying (1, 3, 5): EU+state 900 000 of 900 000 available, city
 * 315 000 of 315 000; HEVi: one project of one. The draft counts nowhere. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  memset (&f->agreement, 0, sizeof f->agreement);
  f->agreement.id = 1;
  f->agreement.region_name = (char *) "Pääkaupunkiseutu (PKS)";
  g_date_clear (&f->agreement.end_date, 1);
  g_date_set_dmy (&f->agreement.end_date, 31, 12, 2027);

  memset (&f->joensuu, 0, sizeof f->joensuu);
  f->joensuu.id = 7;
  f->joensuu.agreement_id = 1;
  f->joensuu.name = (char *) "Joensuu 2023";
  g_date_clear (&f->joensuu.open_date, 1);
  g_date_clear (&f->joensuu.close_date, 1);
  f->joensuu.max_support_bp = 6000;
  f->joensuu.money_available = EUR (900000);
  f->joensuu.city_money_available = EUR (315000);

  memset (&f->hevi, 0, sizeof f->hevi);
  f->hevi.id = 8;
  f->hevi.agreement_id = 1;
  f->hevi.name = (char *) "HEVi koordinaatiohanke";
  f->hevi.name_en = (char *) "HEVi coordination";
  g_date_clear (&f->hevi.open_date, 1);
  g_date_clear (&f->hevi.close_date, 1);
  f->hevi.max_support_bp = 6000;
  f->hevi.max_projects = 1;

  f->calls = g_ptr_array_new ();
  g_ptr_array_add (f->calls, &f->joensuu);
  g_ptr_array_add (f->calls, &f->hevi);

  f->projects = g_array_new (FALSE, TRUE, sizeof (HsPortfolioProject));
  g_array_set_size (f->projects, N_PROJECTS);
  set_project (f, P_APPROVED_1, HS_STATUS_ONGOING, 1, 7, EUR (1000000), EUR (600000), EUR (200000));
  set_project (f, P_APPROVED_2, HS_STATUS_APPROVED, 1, 8, EUR (500000), EUR (300000), EUR (175000));
  set_project (f, P_PROPOSED, HS_STATUS_SUBMITTED, 1, 7, EUR (400000), EUR (240000), EUR (100000));
  set_project (f, P_DRAFT, HS_STATUS_DRAFT, 1, 7, EUR (9000000), EUR (9000000), 0);
  set_project (f, P_OTHER_AGREEMENT, HS_STATUS_UNDER_REVIEW, 2, 7, EUR (100000), EUR (60000), EUR (15000));

  f->lang = HS_LANG_FI;
  f->findings = NULL;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->findings, g_ptr_array_unref);
  g_ptr_array_unref (f->calls);
  g_array_unref (f->projects);
}

static void
check (Fixture *f)
{
  g_clear_pointer (&f->findings, g_ptr_array_unref);
  f->findings = hs_portfolio_check (&f->agreement, f->calls, f->projects, f->lang);
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
  check (f);
  g_assert_cmpuint (f->findings->len, ==, 0);
}

static const HsFinding *
assert_only (Fixture    *f,
             const char *code,
             HsSeverity  severity,
             const char *field)
{
  const HsFinding *finding;

  check (f);
  g_assert_cmpuint (f->findings->len, ==, 1);
  finding = g_ptr_array_index (f->findings, 0);
  g_assert_cmpstr (finding->code, ==, code);
  g_assert_cmpint (finding->severity, ==, severity);
  g_assert_cmpstr (finding->field, ==, field);
  g_assert_true (g_utf8_validate (finding->message, -1, NULL));
  return finding;
}

static void
assert_message_has (const HsFinding *finding,
                    const char      *part)
{
  if (strstr (finding->message, part) == NULL)
    g_error ("“%s” is not in the message “%s”", part, finding->message);
}

/* Moves @amount of a project's financing from EU+state to the city (or back
 * with a negative amount): costs stay, shares change. */
static void
move_to_city (HsPortfolioProject *p,
              gint64              amount)
{
  p->eu_state -= amount;
  p->eu_state_by_year[2025 - HS_PROGRAMME_START_YEAR] -= amount;
  p->city += amount;
}

/* Adds @amount of EU+state support to a project (in 2025), taken from (or
 * given to) financing the rules do not look at. */
static void
add_support (HsPortfolioProject *p,
             gint64              amount)
{
  p->eu_state += amount;
  p->eu_state_by_year[2025 - HS_PROGRAMME_START_YEAR] += amount;
}

/* ---- the baseline ------------------------------------------------------- */

static void
test_baseline (Fixture       *f,
               gconstpointer  data)
{
  assert_no_findings (f);
  f->lang = HS_LANG_EN;
  assert_no_findings (f);
  /* nothing at all to count */
  g_array_set_size (f->projects, 0);
  assert_no_findings (f);
}

/* ---- 1. 60/40 over the agreement ---------------------------------------- */

static void
test_support_approved (Fixture       *f,
                       gconstpointer  data)
{
  const HsFinding *finding;

  /* the call's money is another rule */
  f->joensuu.money_available = 0;

  /* 912 000 / 1 500 000 = 60,8 % */
  add_support (project_at (f, P_APPROVED_1), EUR (12000));
  finding = assert_only (f, "agreement-support-over-limit", HS_SEVERITY_ERROR, "agreement/approved/eu-state");
  g_assert_cmpstr (finding->message, ==,
                   "The approved projects of the agreement have EU and state support of 60,8" NBSP "% of their "
                   "total costs (912" NBSP "000,00" EURO " of 1" NBSP "500" NBSP "000,00" EURO "); the agreement "
                   "allows at most 60,0" NBSP "% (12" NBSP "000,00" EURO " over the limit)");

  f->lang = HS_LANG_EN;
  finding = assert_only (f, "agreement-support-over-limit", HS_SEVERITY_ERROR, "agreement/approved/eu-state");
  assert_message_has (finding, "60.8%");
  assert_message_has (finding, "\xe2\x82\xac" "12,000.00 over the limit");
  f->lang = HS_LANG_FI;

  /* one cent over, then exactly 60 % */
  add_support (project_at (f, P_APPROVED_1), -(EUR (12000) - 1));
  finding = assert_only (f, "agreement-support-over-limit", HS_SEVERITY_ERROR, "agreement/approved/eu-state");
  assert_message_has (finding, "(0,01" EURO " over the limit)");
  add_support (project_at (f, P_APPROVED_1), -1);
  assert_no_findings (f);

  /* one project over 60 % is the agreement's business only in its sum:
   * project 2 at 62 %, project 1 at 59 % */
  add_support (project_at (f, P_APPROVED_2), EUR (10000));
  add_support (project_at (f, P_APPROVED_1), -EUR (10000));
  assert_no_findings (f);
}

static void
test_support_proposed (Fixture       *f,
                       gconstpointer  data)
{
  const HsFinding *finding;

  f->joensuu.money_available = 0;

  /* 260 000 / 400 000 = 65 %: a warning, the approved ones still meet it */
  add_support (project_at (f, P_PROPOSED), EUR (20000));
  finding = assert_only (f, "agreement-support-over-limit", HS_SEVERITY_WARNING, "agreement/proposed/eu-state");
  g_assert_cmpstr (finding->message, ==,
                   "The proposed projects of the agreement (submitted or under review) ask for EU and state "
                   "support of 65,0" NBSP "% of their total costs (260" NBSP "000,00" EURO " of 400" NBSP "000,00"
                   EURO "); the agreement allows at most 60,0" NBSP "% (20" NBSP "000,00" EURO " over the limit)");

  /* under review counts as proposed too; approved it is an error */
  project_at (f, P_PROPOSED)->status = HS_STATUS_UNDER_REVIEW;
  assert_only (f, "agreement-support-over-limit", HS_SEVERITY_WARNING, "agreement/proposed/eu-state");
  project_at (f, P_PROPOSED)->status = HS_STATUS_CLOSED;
  assert_only (f, "agreement-support-over-limit", HS_SEVERITY_ERROR, "agreement/approved/eu-state");

  /* rejected or withdrawn, it counts nowhere */
  project_at (f, P_PROPOSED)->status = HS_STATUS_REJECTED;
  assert_no_findings (f);
  project_at (f, P_PROPOSED)->status = HS_STATUS_WITHDRAWN;
  assert_no_findings (f);
}

/* ---- 2. the city's 25 % over the agreement ------------------------------ */

static void
test_city_approved (Fixture       *f,
                    gconstpointer  data)
{
  HsPortfolioProject *p = project_at (f, P_APPROVED_1);
  const HsFinding *finding;

  f->joensuu.city_money_available = 0;

  /* 300 000 / 1 500 000 = 20 %: the other 75 000 € come from elsewhere */
  p->city -= EUR (75000);
  finding = assert_only (f, "agreement-city-share-under-minimum", HS_SEVERITY_ERROR, "agreement/approved/city");
  g_assert_cmpstr (finding->message, ==,
                   "City financing of the agreement’s approved projects is 20,0" NBSP "% of their total costs "
                   "(300" NBSP "000,00" EURO " of 1" NBSP "500" NBSP "000,00" EURO "); the agreement requires at "
                   "least 25,0" NBSP "% (75" NBSP "000,00" EURO " more is needed)");

  f->lang = HS_LANG_EN;
  finding = assert_only (f, "agreement-city-share-under-minimum", HS_SEVERITY_ERROR, "agreement/approved/city");
  assert_message_has (finding, "20.0%");
  assert_message_has (finding, "at least 25.0%");
  f->lang = HS_LANG_FI;

  /* one cent short, then exactly 25 % */
  p->city += EUR (75000) - 1;
  finding = assert_only (f, "agreement-city-share-under-minimum", HS_SEVERITY_ERROR, "agreement/approved/city");
  assert_message_has (finding, "(0,01" EURO " more is needed)");
  p->city += 1;
  assert_no_findings (f);

  /* a project with a university as implementer and 10 % city money is
   * fine while the agreement as a whole has its 25 % */
  project_at (f, P_APPROVED_2)->city = EUR (50000);
  p->city = EUR (325000);
  assert_no_findings (f);
}

static void
test_city_proposed (Fixture       *f,
                    gconstpointer  data)
{
  const HsFinding *finding;

  project_at (f, P_PROPOSED)->city = EUR (80000);
  finding = assert_only (f, "agreement-city-share-under-minimum", HS_SEVERITY_WARNING, "agreement/proposed/city");
  assert_message_has (finding, "proposed projects");
  assert_message_has (finding, "is 20,0" NBSP "% of their total costs");
  assert_message_has (finding, "(20" NBSP "000,00" EURO " more is needed)");

  project_at (f, P_PROPOSED)->city = EUR (100000);
  assert_no_findings (f);
}

/* ---- 3. the indicative yearly amount ------------------------------------ */

static void
test_yearly_allocation (Fixture       *f,
                        gconstpointer  data)
{
  HsPortfolioProject *p = project_at (f, P_APPROVED_1);
  const HsFinding *finding;

  /* Kuopio: 450 000 € a year. Approved in 2025: 900 000 € */
  f->agreement.indicative_per_year = EUR (450000);
  finding = assert_only (f, "agreement-yearly-allocation-over", HS_SEVERITY_WARNING, "agreement/years/2025");
  g_assert_cmpstr (finding->message, ==,
                   "In 2025 the agreement’s approved projects have 900" NBSP "000,00" EURO " of EU and state "
                   "support, over its indicative 450" NBSP "000,00" EURO " a year by 450" NBSP "000,00" EURO);

  /* project 1's support over 2025–2026, 150 000 € and 450 000 €: 2025 has
   * 450 000 € (exactly), 2026 450 000 € (exactly) */
  p->eu_state_by_year[2025 - HS_PROGRAMME_START_YEAR] = EUR (150000);
  p->eu_state_by_year[2026 - HS_PROGRAMME_START_YEAR] = EUR (450000);
  assert_no_findings (f);

  /* a cent more in 2026 */
  p->eu_state_by_year[2026 - HS_PROGRAMME_START_YEAR] += 1;
  finding = assert_only (f, "agreement-yearly-allocation-over", HS_SEVERITY_WARNING, "agreement/years/2026");
  assert_message_has (finding, "by 0,01" EURO);

  /* proposed projects do not use the allocation */
  p->eu_state_by_year[2026 - HS_PROGRAMME_START_YEAR] -= 1;
  project_at (f, P_PROPOSED)->eu_state_by_year[2026 - HS_PROGRAMME_START_YEAR] = EUR (240000);
  assert_no_findings (f);

  /* unknown (0): nothing to compare */
  p->eu_state_by_year[2026 - HS_PROGRAMME_START_YEAR] = EUR (900000);
  f->agreement.indicative_per_year = 0;
  assert_no_findings (f);
}

/* Kuopio's 450 000 € a year is EAKR money alone: the EU part of the support
 * (60 % outside Helsinki-Uusimaa) is held to it, not EU and state. */
static void
test_yearly_allocation_erdf_only (Fixture       *f,
                                  gconstpointer  data)
{
  HsPortfolioProject *p = project_at (f, P_APPROVED_1);
  const HsFinding *finding;

  f->agreement.more_developed = FALSE;
  f->agreement.eu_share_bp = 6000;
  f->agreement.indicative_per_year = EUR (450000);
  f->agreement.indicative_erdf_only = TRUE;

  /* 900 000 € of support in 2025 is 540 000 € of ERDF */
  finding = assert_only (f, "agreement-yearly-allocation-over", HS_SEVERITY_WARNING, "agreement/years/2025");
  g_assert_cmpstr (finding->message, ==,
                   "In 2025 the agreement’s approved projects have 540" NBSP "000,00" EURO " of ERDF money "
                   "(the EU part of their support), over its indicative 450" NBSP "000,00" EURO
                   " of ERDF a year by 90" NBSP "000,00" EURO);

  /* 750 000 € of support is exactly 450 000 € of ERDF: within, though EU
   * and state together would be over */
  p->eu_state_by_year[2025 - HS_PROGRAMME_START_YEAR] -= EUR (150000);
  assert_no_findings (f);
  f->agreement.indicative_erdf_only = FALSE;
  assert_only (f, "agreement-yearly-allocation-over", HS_SEVERITY_WARNING, "agreement/years/2025");
}

/* ---- 4. and 5. the calls' money ----------------------------------------- */

static void
test_call_money (Fixture       *f,
                 gconstpointer  data)
{
  const HsFinding *finding;

  /* 10 000 € less in the call: the applications (1, 3 and another
   * agreement's 5) ask for more than there is; the approved one does not */
  f->joensuu.money_available = EUR (890000);
  finding = assert_only (f, "call-money-over-available", HS_SEVERITY_WARNING, "calls/7/money-available");
  g_assert_cmpstr (finding->message, ==,
                   "The applications to the call “Joensuu 2023” ask for 900" NBSP "000,00" EURO " of EU and state "
                   "support; the call has 890" NBSP "000,00" EURO " (10" NBSP "000,00" EURO " more than it has)");

  /* less than the approved project has: an error */
  f->joensuu.money_available = EUR (500000);
  finding = assert_only (f, "call-money-over-available", HS_SEVERITY_ERROR, "calls/7/money-available");
  g_assert_cmpstr (finding->message, ==,
                   "The projects approved under the call “Joensuu 2023” have 600" NBSP "000,00" EURO " of EU and "
                   "state support; the call has 500" NBSP "000,00" EURO " (100" NBSP "000,00" EURO " more than it has)");

  f->lang = HS_LANG_EN;
  finding = assert_only (f, "call-money-over-available", HS_SEVERITY_ERROR, "calls/7/money-available");
  assert_message_has (finding, "“Joensuu 2023”");
  assert_message_has (finding, "\xe2\x82\xac" "100,000.00 more than it has");
  f->lang = HS_LANG_FI;

  /* exactly what there is; and no money set, no rule */
  f->joensuu.money_available = EUR (900000);
  assert_no_findings (f);
  f->joensuu.money_available = 0;
  assert_no_findings (f);
}

static void
test_call_city_money (Fixture       *f,
                      gconstpointer  data)
{
  const HsFinding *finding;

  f->joensuu.city_money_available = EUR (315000) - 1;
  finding = assert_only (f, "call-city-money-over-available", HS_SEVERITY_WARNING, "calls/7/city-money-available");
  g_assert_cmpstr (finding->message, ==,
                   "The applications to the call “Joensuu 2023” ask for 315" NBSP "000,00" EURO " of city "
                   "financing; the call has 314" NBSP "999,99" EURO " of the cities’ money (0,01" EURO
                   " more than it has)");

  f->joensuu.city_money_available = EUR (150000);
  finding = assert_only (f, "call-city-money-over-available", HS_SEVERITY_ERROR, "calls/7/city-money-available");
  assert_message_has (finding, "approved under the call “Joensuu 2023” have 200" NBSP "000,00" EURO " of city financing");
  assert_message_has (finding, "(50" NBSP "000,00" EURO " more than it has)");

  f->joensuu.city_money_available = EUR (315000);
  assert_no_findings (f);
}

/* ---- 6. the number of projects ------------------------------------------ */

static void
test_call_projects (Fixture       *f,
                    gconstpointer  data)
{
  const HsFinding *finding;

  /* a second application to HEVi's one-project call */
  project_at (f, P_PROPOSED)->call_id = 8;
  finding = assert_only (f, "call-projects-over-limit", HS_SEVERITY_WARNING, "calls/8/max-projects");
  g_assert_cmpstr (finding->message, ==,
                   "The call “HEVi koordinaatiohanke” funds at most 1 project, but 2 apply to it "
                   "(submitted, under review or approved)");
  f->lang = HS_LANG_EN;
  finding = assert_only (f, "call-projects-over-limit", HS_SEVERITY_WARNING, "calls/8/max-projects");
  assert_message_has (finding, "“HEVi coordination”");
  f->lang = HS_LANG_FI;

  /* both approved */
  project_at (f, P_PROPOSED)->status = HS_STATUS_APPROVED;
  finding = assert_only (f, "call-projects-over-limit", HS_SEVERITY_ERROR, "calls/8/max-projects");
  g_assert_cmpstr (finding->message, ==,
                   "The call “HEVi koordinaatiohanke” funds at most 1 project, but 2 are approved");

  /* two allowed */
  f->hevi.max_projects = 2;
  assert_no_findings (f);
  /* a rejected third application does not count */
  f->hevi.max_projects = 2;
  project_at (f, P_DRAFT)->call_id = 8;
  project_at (f, P_DRAFT)->status = HS_STATUS_REJECTED;
  assert_no_findings (f);
}

/* ---- the order, the calls of no agreement -------------------------------- */

static void
test_rule_order (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *code; HsSeverity severity; } expected[] = {
    { "agreement-support-over-limit", HS_SEVERITY_ERROR },
    { "agreement-support-over-limit", HS_SEVERITY_WARNING },
    { "agreement-city-share-under-minimum", HS_SEVERITY_ERROR },
    { "agreement-city-share-under-minimum", HS_SEVERITY_WARNING },
    { "agreement-yearly-allocation-over", HS_SEVERITY_WARNING },
    { "call-money-over-available", HS_SEVERITY_ERROR },
    { "call-city-money-over-available", HS_SEVERITY_WARNING },
    { "call-projects-over-limit", HS_SEVERITY_WARNING },
  };

  /* approved: 1 000 000 of 1 500 000 support, 275 000 city */
  move_to_city (project_at (f, P_APPROVED_1), -EUR (100000));
  /* proposed: 340 000 of 400 000, 10 000 city */
  move_to_city (project_at (f, P_PROPOSED), -EUR (100000));
  project_at (f, P_PROPOSED)->city = EUR (10000);
  f->agreement.indicative_per_year = EUR (100000);
  /* Joensuu: 700 000 approved against 600 000; the cities' 100 000
   * approved and 110 000 applied for against 105 000 */
  f->joensuu.money_available = EUR (600000);
  f->joensuu.city_money_available = EUR (105000);
  /* HEVi: one approved, one under review */
  project_at (f, P_OTHER_AGREEMENT)->call_id = 8;

  check (f);
  g_assert_cmpuint (f->findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const HsFinding *finding = g_ptr_array_index (f->findings, i);
      g_assert_cmpstr (finding->code, ==, expected[i].code);
      g_assert_cmpint (finding->severity, ==, expected[i].severity);
    }
  g_assert_cmpuint (hs_findings_count_errors (f->findings), ==, 3);
}

/* A call of no agreement (a national call): only its findings, over every
 * project that applies to it. */
static void
test_calls_without_agreement (Fixture       *f,
                              gconstpointer  data)
{
  const HsFinding *finding;

  f->joensuu.agreement_id = 0;
  f->joensuu.money_available = EUR (800000);
  f->findings = hs_portfolio_check (NULL, f->calls, f->projects, f->lang);
  g_assert_cmpuint (f->findings->len, ==, 1);
  finding = g_ptr_array_index (f->findings, 0);
  g_assert_cmpstr (finding->code, ==, "call-money-over-available");
  /* projects 1, 3 and 5: 900 000 € */
  assert_message_has (finding, "ask for 900" NBSP "000,00" EURO);

  /* no calls, no agreement: nothing */
  g_clear_pointer (&f->findings, g_ptr_array_unref);
  f->findings = hs_portfolio_check (NULL, NULL, f->projects, f->lang);
  g_assert_cmpuint (f->findings->len, ==, 0);
}

/* ---- a project's figures ------------------------------------------------- */

/* The support of each year in proportion to the year's costs, and the
 * years add up to the support to the cent. */
static void
test_project_init (void)
{
  g_autoptr(HsProject) project = hs_project_new ("KUO-2025-001");
  HsImplementer *impl = hs_implementer_new (hs_organisation_new ("Kuopion kaupunki", "0171450-7", HS_ORG_CITY), TRUE);
  HsPortfolioProject p;
  gint64 sum = 0;

  project->id = 42;
  project->agreement_id = 8;
  project->call_id = 3;
  project->status = HS_STATUS_ONGOING;
  project->cost_model = HS_COST_MODEL_FLAT40;
  /* three years of equal costs (with the flat rate, 140 000 € each) */
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, EUR (100000));
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2026, EUR (100000));
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2027, EUR (100000));
  g_ptr_array_add (project->implementers, impl);
  g_assert_true (hs_project_update_derived (project, NULL));
  /* 100 000,01 € of support: thirds of 33 333,336… € */
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, EUR (100000) + 1);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, EUR (105000));
  hs_implementer_set_financing (impl, HS_SOURCE_OWN_PUBLIC, EUR (420000 - 205000) - 1);

  hs_portfolio_project_init (&p, project);
  g_assert_cmpint (p.id, ==, 42);
  g_assert_cmpint (p.agreement_id, ==, 8);
  g_assert_cmpint (p.call_id, ==, 3);
  g_assert_cmpint (p.status, ==, HS_STATUS_ONGOING);
  g_assert_true (p.totals_ok);
  g_assert_cmpint (p.total_costs, ==, EUR (420000));
  g_assert_cmpint (p.eu_state, ==, EUR (100000) + 1);
  g_assert_cmpint (p.city, ==, EUR (105000));
  /* up to 2025: 3 333 333,67 → 3 333 334; up to 2026: 6 666 667,33 → 6 666 667 */
  g_assert_cmpint (p.eu_state_by_year[2025 - HS_PROGRAMME_START_YEAR], ==, 3333334);
  g_assert_cmpint (p.eu_state_by_year[2026 - HS_PROGRAMME_START_YEAR], ==, 3333333);
  g_assert_cmpint (p.eu_state_by_year[2027 - HS_PROGRAMME_START_YEAR], ==, 3333334);
  for (guint y = 0; y < HS_PORTFOLIO_N_YEARS; y++)
    sum += p.eu_state_by_year[y];
  g_assert_cmpint (sum, ==, p.eu_state);

  /* costs in a year after the programme's take their share with them */
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2030, EUR (100000));
  g_assert_true (hs_project_update_derived (project, NULL));
  hs_portfolio_project_init (&p, project);
  g_assert_cmpint (p.eu_state_by_year[2025 - HS_PROGRAMME_START_YEAR], ==, 2500000);
  g_assert_cmpint (p.eu_state_by_year[2027 - HS_PROGRAMME_START_YEAR] +
                   p.eu_state_by_year[2026 - HS_PROGRAMME_START_YEAR] +
                   p.eu_state_by_year[2025 - HS_PROGRAMME_START_YEAR], ==, 7500001);

  /* without costs, no years */
  g_ptr_array_set_size (project->implementers, 0);
  hs_portfolio_project_init (&p, project);
  g_assert_true (p.totals_ok);
  g_assert_cmpint (p.total_costs, ==, 0);
  for (guint y = 0; y < HS_PORTFOLIO_N_YEARS; y++)
    g_assert_cmpint (p.eu_state_by_year[y], ==, 0);
}

#define ADD(path, func) \
  g_test_add ("/portfolio-rules/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("baseline", test_baseline);
  ADD ("support/approved", test_support_approved);
  ADD ("support/proposed", test_support_proposed);
  ADD ("city-share/approved", test_city_approved);
  ADD ("city-share/proposed", test_city_proposed);
  ADD ("yearly-allocation", test_yearly_allocation);
  ADD ("yearly-allocation/erdf-only", test_yearly_allocation_erdf_only);
  ADD ("call/money", test_call_money);
  ADD ("call/city-money", test_call_city_money);
  ADD ("call/projects", test_call_projects);
  ADD ("rule-order", test_rule_order);
  ADD ("calls-without-agreement", test_calls_without_agreement);
  g_test_add_func ("/portfolio-rules/project-init", test_project_init);

  return g_test_run ();
}

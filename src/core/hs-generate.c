/* hs-generate.c — synthetic and example portfolios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The synthetic portfolio is shaped like the real programme: a city of the
 * agreement as main implementer, zero to three partial implementers
 * (universities, universities of applied sciences, development companies),
 * staff costs over two or three calendar years under the 40 % flat rate,
 * and a financing plan of 60 % EU and state support with the rest from the
 * city and own financing. One project in twenty breaks exactly one funding
 * rule, so that `check`, the list's markers and the reports have something
 * to show. Organisations of synthetic portfolios get Y-tunnus from the
 * 9xxxxxx range, which has never been issued, so they cannot be mistaken
 * for (or merged with) real organisations.
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <string.h>

#include "hs-date.h"
#include "hs-generate.h"
#include "hs-money.h"
#include "hs-ytunnus.h"

/* Partial implementers: a pattern with %s for the city's genitive (or name). */
typedef struct
{
  const char *pattern;
  gboolean    genitive;
  HsOrgType   type;
} PartnerKind;

static const PartnerKind partner_kinds[] = {
  { "%s yliopisto", TRUE, HS_ORG_UNIVERSITY },
  { "%s ammattikorkeakoulu", TRUE, HS_ORG_UAS },
  { "%s seudun kehitysyhtiö Oy", TRUE, HS_ORG_COMPANY },
  { "Science Park %s Oy", FALSE, HS_ORG_COMPANY },
  { "%s tutkimuskeskus", TRUE, HS_ORG_RESEARCH_INSTITUTE },
  { "%s yrittäjät ry", TRUE, HS_ORG_ASSOCIATION },
};

/* Three partners at most, each of another kind. */
G_STATIC_ASSERT (G_N_ELEMENTS (partner_kinds) > 3);

static const char *name_starts[] = {
  "Älykäs", "Kestävä", "Digitaalinen", "Vihreä", "Uudistuva", "Kiertotalouden",
  "Datavetoinen", "Hiilineutraali", "Avoin", "Yhteinen", "Kansainvälinen", "Arktinen",
};

static const char *name_subjects[] = {
  "kaupunkiympäristö", "terveysteknologia", "oppimisympäristö", "energiajärjestelmä",
  "teollisuusalusta", "innovaatioalusta", "testiympäristö", "palvelumuotoilu",
  "ekosysteemi", "osaamiskeskus", "tiedolla johtaminen", "vesiosaaminen",
};

static const char *name_subjects_en[] = {
  "urban environment", "health technology", "learning environment", "energy system",
  "industrial platform", "innovation platform", "testbed", "service design",
  "ecosystem", "competence centre", "knowledge-based management", "water expertise",
};

/* A Y-tunnus for a synthetic organisation: 9 and six digits taken from the
 * name, so that the same name gets the same id in every run and with every
 * seed, and different names get different ids (tests/core/test-generate.c
 * checks all the names the generator makes). The 9xxxxxx range has never
 * been issued. */
static char *
synthetic_business_id (const char *name)
{
  guint32 hash = 2166136261u;   /* FNV-1a: stable across GLib versions */

  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;

  for (guint step = 0; ; step++)
    {
      char digits[8];
      int check;

      g_snprintf (digits, sizeof digits, "9%06u", (hash + step) % 1000000);
      check = hs_ytunnus_check_digit (digits);
      if (check >= 0)
        return g_strdup_printf ("%s-%d", digits, check);
    }
}

static HsOrganisation *
city_organisation (const char *city_name)
{
  HsOrganisation *org = hs_reference_city_organisation (city_name);

  if (org == NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s (kaupunki)", city_name);

      org = hs_organisation_new (name, NULL, HS_ORG_CITY);
      org->municipality = g_strdup (city_name);
    }
  if (org->business_id == NULL)
    org->business_id = synthetic_business_id (org->name);
  return org;
}

static HsOrganisation *
partner_organisation (const PartnerKind *kind,
                      const char        *city_name)
{
  const char *genitive = hs_reference_city_genitive (city_name);
  const char *word = kind->genitive && genitive != NULL ? genitive : city_name;
  g_autofree char *name = NULL;
  g_autofree char *business_id = NULL;
  HsOrganisation *org;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  name = g_strdup_printf (kind->pattern, word);
#pragma GCC diagnostic pop

  business_id = synthetic_business_id (name);
  org = hs_organisation_new (name, business_id, kind->type);
  org->municipality = g_strdup (city_name);
  return org;
}

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* A plausible status with a history that follows the allowed transitions. */
static void
generate_status (HsProject *project,
                 GRand     *rand)
{
  static const HsStatus paths[][6] = {
    { HS_STATUS_DRAFT, HS_N_STATUSES },
    { HS_STATUS_DRAFT, HS_STATUS_SUBMITTED, HS_N_STATUSES },
    { HS_STATUS_DRAFT, HS_STATUS_SUBMITTED, HS_STATUS_UNDER_REVIEW, HS_N_STATUSES },
    { HS_STATUS_DRAFT, HS_STATUS_SUBMITTED, HS_STATUS_UNDER_REVIEW, HS_STATUS_APPROVED, HS_N_STATUSES },
    { HS_STATUS_DRAFT, HS_STATUS_SUBMITTED, HS_STATUS_UNDER_REVIEW, HS_STATUS_APPROVED, HS_STATUS_ONGOING, HS_N_STATUSES },
    { HS_STATUS_DRAFT, HS_STATUS_SUBMITTED, HS_STATUS_UNDER_REVIEW, HS_STATUS_APPROVED, HS_STATUS_ONGOING, HS_STATUS_CLOSED },
    { HS_STATUS_DRAFT, HS_STATUS_SUBMITTED, HS_STATUS_UNDER_REVIEW, HS_STATUS_REJECTED, HS_N_STATUSES },
    { HS_STATUS_DRAFT, HS_STATUS_WITHDRAWN, HS_N_STATUSES },
  };
  /* Weights in per cent, in the order of paths[]. */
  static const int weights[] = { 18, 12, 10, 10, 30, 12, 5, 3 };
  int pick = g_rand_int_range (rand, 0, 100);
  guint path = 0;
  GDate date;

  while (path < G_N_ELEMENTS (weights) - 1 && pick >= weights[path])
    pick -= weights[path++];

  /* The application is prepared some months before the project starts. */
  date = project->start_date;
  g_date_subtract_months (&date, 6);

  for (guint i = 0; i < G_N_ELEMENTS (paths[path]) && paths[path][i] != HS_N_STATUSES; i++)
    {
      HsStatusChange change = { .status = paths[path][i], .date = date };

      if (change.status == HS_STATUS_ONGOING)
        change.date = project->start_date;
      else if (change.status == HS_STATUS_CLOSED)
        {
          change.date = project->end_date;
          g_date_add_months (&change.date, 2);
        }
      g_array_append_val (project->history, change);
      project->status = change.status;
      date = change.date;
      g_date_add_days (&date, 20 + g_rand_int_range (rand, 0, 40));
    }
}

typedef enum
{
  BREAK_NONE,
  BREAK_SUPPORT_RATE,
  BREAK_FINANCING_GAP,
  BREAK_CITY_SHARE,
  BREAK_BUDGET_YEAR,
  N_BREAKS
} Break;

/* EU and state support at most 60 % (rounded down, so the project never
 * exceeds it by a fraction of a cent), the rest from the city and, for
 * other implementers than cities, 15 % own financing. */
static void
finance_implementer (HsImplementer *impl,
                     Break          breaks)
{
  HsTotals totals;
  gint64 costs, eu, own = 0, city;

  hs_implementer_totals (impl, &totals, NULL);
  costs = totals.total_costs;

  eu = costs * 6000 / HS_BP_WHOLE;
  if (breaks == BREAK_SUPPORT_RATE)
    eu = costs * 6400 / HS_BP_WHOLE;
  if (impl->organisation->type != HS_ORG_CITY && impl->organisation->type != HS_ORG_MUNICIPALITY)
    own = costs * 1500 / HS_BP_WHOLE;
  if (breaks == BREAK_CITY_SHARE)
    own = costs - eu - costs * 1000 / HS_BP_WHOLE;
  city = costs - eu - own;
  if (breaks == BREAK_FINANCING_GAP)
    city -= 250000;   /* 2 500,00 € left uncovered */

  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, eu);
  if (city > 0)
    hs_implementer_set_financing (impl, HS_SOURCE_CITY, city);
  if (own > 0)
    hs_implementer_set_financing (impl, impl->organisation->type == HS_ORG_COMPANY
                                        ? HS_SOURCE_OWN_PRIVATE : HS_SOURCE_OWN_PUBLIC, own);
}

static GPtrArray *
focus_areas_of (GPtrArray *focus_areas,
                gint64     agreement_id)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < focus_areas->len; i++)
    {
      HsFocusArea *fa = g_ptr_array_index (focus_areas, i);
      if (fa->agreement_id == agreement_id)
        g_ptr_array_add (result, fa);
    }
  return result;
}

GPtrArray *
hs_generate_portfolio (GPtrArray *agreements,
                       GPtrArray *focus_areas,
                       guint      n,
                       guint32    seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) per_agreement = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *projects = g_ptr_array_new_full (n, (GDestroyNotify) hs_project_free);

  g_return_val_if_fail (agreements != NULL && agreements->len > 0, projects);

  for (guint a = 0; a < agreements->len; a++)
    {
      HsAgreement *agreement = g_ptr_array_index (agreements, a);
      g_ptr_array_add (per_agreement, focus_areas_of (focus_areas, agreement->id));
    }

  for (guint i = 0; i < n; i++)
    {
      guint a = g_rand_int_range (rand, 0, agreements->len);
      HsAgreement *agreement = g_ptr_array_index (agreements, a);
      GPtrArray *fas = g_ptr_array_index (per_agreement, a);
      guint n_cities = agreement->cities != NULL ? g_strv_length (agreement->cities) : 0;
      const char *main_city = n_cities > 0 ? agreement->cities[g_rand_int_range (rand, 0, n_cities)] : "Helsinki";
      const char *genitive = hs_reference_city_genitive (main_city);
      g_autofree char *code = g_strdup_printf ("GEN-%u-%05u", seed, i + 1);
      HsProject *project = hs_project_new (code);
      guint start_word = g_rand_int_range (rand, 0, G_N_ELEMENTS (name_starts));
      guint subject = g_rand_int_range (rand, 0, G_N_ELEMENTS (name_subjects));
      int start_year = 2022 + g_rand_int_range (rand, 0, 5);
      int start_month = 1 + g_rand_int_range (rand, 0, 12);
      int months = g_rand_boolean (rand) ? 24 : 36;
      guint n_partners = g_rand_int_range (rand, 0, 4);
      Break breaks = BREAK_NONE;
      HsImplementer *main_impl;
      GDate end;

      if (g_rand_int_range (rand, 0, 20) == 0)
        breaks = g_rand_int_range (rand, BREAK_SUPPORT_RATE, N_BREAKS);

      project->name_fi = g_strdup_printf ("%s %s %s", name_starts[start_word],
                                          genitive != NULL ? genitive : main_city,
                                          name_subjects[subject]);
      project->name_en = g_strdup_printf ("%s %s for %s", "Smart", name_subjects_en[subject], main_city);
      project->acronym = g_strdup_printf ("%.3s%u", name_subjects[subject], i + 1);
      project->agreement_id = agreement->id;
      if (fas->len > 0)
        project->focus_area_id = ((HsFocusArea *) g_ptr_array_index (fas, g_rand_int_range (rand, 0, fas->len)))->id;
      project->cost_model = HS_COST_MODEL_FLAT40;
      project->summary = g_strdup ("Synteettinen esimerkkihanke kuormitus- ja esittelykäyttöön.");

      set_date (&project->start_date, 1, start_month, start_year);
      end = project->start_date;
      g_date_add_months (&end, months);
      g_date_subtract_days (&end, 1);
      project->end_date = end;

      main_impl = hs_implementer_new (city_organisation (main_city), TRUE);
      g_ptr_array_add (project->implementers, main_impl);
      for (guint p = 0, used = 0; p < n_partners; p++)
        {
          guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (partner_kinds));

          /* An organisation is one implementer of a project at most: a kind
           * drawn twice takes the next one not used yet (no extra draw, so
           * the rest of the portfolio stays as it was). */
          while (used & (1u << k))
            k = (k + 1) % G_N_ELEMENTS (partner_kinds);
          used |= 1u << k;
          g_ptr_array_add (project->implementers,
                           hs_implementer_new (partner_organisation (&partner_kinds[k], main_city), FALSE));
        }

      for (guint k = 0; k < project->implementers->len; k++)
        {
          HsImplementer *impl = g_ptr_array_index (project->implementers, k);
          /* 20 000 – 300 000 € of staff costs a year, in whole euros */
          gint64 yearly = (gint64) g_rand_int_range (rand, 20000, 300000) * HS_CENTS_PER_EURO;

          for (int year = start_year; year <= g_date_get_year (&end); year++)
            {
              /* a partial first or last year costs less */
              gint64 amount = yearly;
              if (year == start_year)
                amount = yearly * (13 - start_month) / 12;
              else if (year == g_date_get_year (&end))
                amount = yearly * g_date_get_month (&end) / 12;
              if (amount > 0)
                hs_implementer_set_cost (impl, HS_COST_STAFF, year, amount);
            }
          if (breaks == BREAK_BUDGET_YEAR && k == 0)
            hs_implementer_set_cost (impl, HS_COST_STAFF, g_date_get_year (&end) + 1, 1500000);

          hs_implementer_update_derived (impl, project->cost_model, NULL);
          finance_implementer (impl, k == 0 ? breaks : BREAK_NONE);
        }

      generate_status (project, rand);
      g_ptr_array_add (projects, project);
    }

  return projects;
}

/* ---- the example portfolio of `init --demo` ---------------------------- */

static const HsAgreement *
agreement_with_city (GPtrArray  *agreements,
                     const char *city)
{
  for (guint i = 0; i < agreements->len; i++)
    {
      const HsAgreement *a = g_ptr_array_index (agreements, i);
      if (a->cities != NULL && g_strv_contains ((const char * const *) a->cities, city))
        return a;
    }
  return NULL;
}

static gint64
first_focus_area (GPtrArray *focus_areas,
                  gint64     agreement_id)
{
  for (guint i = 0; i < focus_areas->len; i++)
    {
      const HsFocusArea *fa = g_ptr_array_index (focus_areas, i);
      if (fa->agreement_id == agreement_id)
        return fa->id;
    }
  return 0;
}

static HsImplementer *
demo_implementer (const char *name,
                  const char *business_id,
                  HsOrgType   type,
                  const char *municipality,
                  gboolean    is_main)
{
  HsOrganisation *org = hs_organisation_new (name, business_id, type);

  org->municipality = g_strdup (municipality);
  return hs_implementer_new (org, is_main);
}

static void
iso_date (GDate      *date,
          const char *iso)
{
  g_date_clear (date, 1);
  if (!hs_date_from_iso (iso, date, NULL))
    g_assert_not_reached ();
}

static void
demo_history (HsProject  *project,
              const char *submitted,
              const char *approved)
{
  HsStatusChange change;

  change.status = HS_STATUS_DRAFT;
  if (submitted != NULL)
    iso_date (&change.date, submitted);
  else
    change.date = project->start_date;
  g_date_subtract_months (&change.date, 2);
  g_array_append_val (project->history, change);
  project->status = HS_STATUS_DRAFT;

  if (submitted == NULL)
    return;
  change.status = HS_STATUS_SUBMITTED;
  iso_date (&change.date, submitted);
  g_array_append_val (project->history, change);
  project->status = HS_STATUS_SUBMITTED;

  if (approved == NULL)
    return;
  change.status = HS_STATUS_UNDER_REVIEW;
  g_date_add_days (&change.date, 14);
  g_array_append_val (project->history, change);
  change.status = HS_STATUS_APPROVED;
  iso_date (&change.date, approved);
  g_array_append_val (project->history, change);
  change.status = HS_STATUS_ONGOING;
  change.date = project->start_date;
  g_array_append_val (project->history, change);
  project->status = HS_STATUS_ONGOING;
}

static void
demo_finance (HsImplementer *impl,
              gint32         eu_bp,
              gint32         own_bp)
{
  HsTotals totals;
  gint64 eu, own;

  hs_implementer_update_derived (impl, HS_COST_MODEL_FLAT40, NULL);
  hs_implementer_totals (impl, &totals, NULL);
  eu = totals.total_costs * eu_bp / HS_BP_WHOLE;
  own = totals.total_costs * own_bp / HS_BP_WHOLE;
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, eu);
  if (own > 0)
    hs_implementer_set_financing (impl, impl->organisation->type == HS_ORG_COMPANY
                                        ? HS_SOURCE_OWN_PRIVATE : HS_SOURCE_OWN_PUBLIC, own);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, totals.total_costs - eu - own);
}

GPtrArray *
hs_generate_demo (GPtrArray *agreements,
                  GPtrArray *focus_areas)
{
  GPtrArray *projects = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
  const HsAgreement *pks = agreement_with_city (agreements, "Helsinki");
  const HsAgreement *oulu = agreement_with_city (agreements, "Oulu");
  const HsAgreement *turku = agreement_with_city (agreements, "Turku");
  HsProject *p;
  HsImplementer *impl;

  /* The Helsinki–Espoo–Vantaa coordination project: a budget of
   * 1 333 333,00 € under the 40 % flat rate, 60 % EU and state support. */
  if (pks != NULL)
    {
      p = hs_project_new ("PKS-ESIM-001");
      p->example = TRUE;
      p->name_fi = g_strdup ("Pääkaupunkiseudun Innokaupunkien koordinaatio (esimerkki)");
      p->name_sv = g_strdup ("Koordinering av huvudstadsregionens Innostäder (exempel)");
      p->name_en = g_strdup ("Capital Region InnoCities coordination (example)");
      p->acronym = g_strdup ("PKS-KOORD");
      p->agreement_id = pks->id;
      p->focus_area_id = first_focus_area (focus_areas, pks->id);
      p->cost_model = HS_COST_MODEL_FLAT40;
      p->summary = g_strdup ("Esimerkkiaineisto: Helsinki, Espoo ja Vantaa koordinoivat yhdessä "
                             "ekosysteemisopimuksen toimeenpanoa. Luvut ovat havainnollistavia.");
      set_date (&p->start_date, 1, 1, 2024);
      set_date (&p->end_date, 31, 12, 2025);

      impl = demo_implementer ("Helsingin kaupunki", "0201256-6", HS_ORG_CITY, "Helsinki", TRUE);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 24000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 24000000);
      demo_finance (impl, 6000, 0);
      g_ptr_array_add (p->implementers, impl);

      impl = demo_implementer ("Espoon kaupunki", "0101263-6", HS_ORG_CITY, "Espoo", FALSE);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 13000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 13000000);
      demo_finance (impl, 6000, 0);
      g_ptr_array_add (p->implementers, impl);

      impl = demo_implementer ("Vantaan kaupunki", "0124610-9", HS_ORG_CITY, "Vantaa", FALSE);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 12000001);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 9238071);
      demo_finance (impl, 6000, 0);
      g_ptr_array_add (p->implementers, impl);

      demo_history (p, "2023-10-02", "2023-12-14");
      g_ptr_array_add (projects, p);
    }

  /* Oulu with its university: a two-implementer project. */
  if (oulu != NULL)
    {
      p = hs_project_new ("OULU-ESIM-001");
      p->example = TRUE;
      p->name_fi = g_strdup ("Digitaalisen terveyden testiympäristö (esimerkki)");
      p->name_en = g_strdup ("Digital health testbed (example)");
      p->acronym = g_strdup ("DITTE");
      p->agreement_id = oulu->id;
      p->focus_area_id = first_focus_area (focus_areas, oulu->id);
      p->cost_model = HS_COST_MODEL_FLAT40;
      p->summary = g_strdup ("Esimerkkiaineisto: kaupunki ja yliopisto rakentavat yrityksille "
                             "avoimen testiympäristön. Luvut ovat havainnollistavia.");
      set_date (&p->start_date, 1, 3, 2025);
      set_date (&p->end_date, 28, 2, 2027);

      impl = demo_implementer ("Oulun kaupunki", "0187690-1", HS_ORG_CITY, "Oulu", TRUE);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 9000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2026, 11000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2027, 2000000);
      demo_finance (impl, 6000, 0);
      g_ptr_array_add (p->implementers, impl);

      impl = demo_implementer ("Oulun yliopisto", "0245895-5", HS_ORG_UNIVERSITY, "Oulu", FALSE);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 7500000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2026, 9000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2027, 1500000);
      demo_finance (impl, 6000, 1500);
      g_ptr_array_add (p->implementers, impl);

      demo_history (p, "2024-11-15", NULL);
      g_ptr_array_add (projects, p);
    }

  /* Turku with its science park: a draft whose support is over the limit,
   * to show what a finding looks like. */
  if (turku != NULL)
    {
      p = hs_project_new ("TURKU-ESIM-001");
      p->example = TRUE;
      p->name_fi = g_strdup ("Sinisen teollisuuden kokeilualusta (esimerkki)");
      p->name_en = g_strdup ("Blue industry pilot platform (example)");
      p->acronym = g_strdup ("SINI");
      p->agreement_id = turku->id;
      p->focus_area_id = first_focus_area (focus_areas, turku->id);
      p->cost_model = HS_COST_MODEL_FLAT40;
      p->summary = g_strdup ("Esimerkkiaineisto: luonnos, jonka EU- ja valtion rahoituksen osuus "
                             "ylittää haun enimmäismäärän.");
      set_date (&p->start_date, 1, 9, 2026);
      set_date (&p->end_date, 31, 8, 2028);

      impl = demo_implementer ("Turun kaupunki", "0204819-8", HS_ORG_CITY, "Turku", TRUE);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2026, 4000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2027, 12000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2028, 8000000);
      demo_finance (impl, 6240, 0);
      g_ptr_array_add (p->implementers, impl);

      impl = demo_implementer ("Turku Science Park Oy Ab", "2322323-1", HS_ORG_COMPANY, "Turku", FALSE);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2026, 2000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2027, 6000000);
      hs_implementer_set_cost (impl, HS_COST_STAFF, 2028, 4000000);
      demo_finance (impl, 6240, 1000);
      g_ptr_array_add (p->implementers, impl);

      demo_history (p, NULL, NULL);
      g_ptr_array_add (projects, p);
    }

  return projects;
}

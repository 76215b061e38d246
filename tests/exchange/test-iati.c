/* test-iati.c — IATI 2.03 activities and the list-of-operations CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every IATI file is validated with xmllint against the official 2.03
 * schema (tests/fixtures/iati/), then read back with libxml2 to check what the
 * schema cannot: identifiers, roles, budget periods and sums to the cent.
 * Amounts are turned back into cents by string arithmetic, never through
 * a double.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "core/hs-cofinancing.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-ytunnus.h"
#include "exchange/hs-exchange-error.h"
#include "exchange-test-util.h"
#include "../fixtures/published-projects.h"

#ifndef HS_TEST_IATI_SCHEMA
#error "HS_TEST_IATI_SCHEMA must name the IATI activity schema"
#endif

/* The documented columns (docs/exchange.md §7.2), in order. */
static const char * const kohesio_columns[] = {
  "Operation_Unique_Identifier",
  "Operation_Name_Programme_Language",
  "Operation_Name_English",
  "Operation_Summary_Programme_Language",
  "Operation_Start_Date",
  "Operation_End_Date",
  "Total_Eligible_Expenditure_amount",
  "Total_Eligible_Expenditure_Currency",
  "Cofinancing_Rate",
  "Project_EU_Budget",
  "Fund_Code",
  "Fund_Name",
  "Programme_Name",
  "Programming_Period",
  "ManagingAuthority",
  "Country",
  "Region",
  "Beneficiary_Unique_Identifier",
  "BeneficiaryLabel",
};

/* ---- helpers ------------------------------------------------------------ */

/* "1333333.00" → 133333300; the format must be exactly -?[0-9]+\.[0-9]{2} */
static gint64
decimal_to_cents (const char *text)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 cents = 0;
  guint digits = 0;

  g_assert_nonnull (text);
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++, digits++)
    cents = cents * 10 + (*p - '0');
  if (digits == 0 || p[0] != '.' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '\0')
    g_error ("“%s” is not a decimal amount with two decimals", text);
  cents = cents * 100 + (p[1] - '0') * 10 + (p[2] - '0');
  return negative ? -cents : cents;
}

static char *
export_to (HsRepository            *repo,
           HsExportFormat           format,
           const HsExportSelection *selection,
           const char              *dir,
           const char              *name,
           guint                    expected)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  guint n = 0;

  g_assert_true (hs_export (repo, format, selection, path, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
  return path;
}

static void
assert_valid_iati (const char *file)
{
  g_autofree char *messages = NULL;

  if (xmllint_schema (HS_TEST_IATI_SCHEMA, file, &messages) != 0)
    g_error ("%s does not validate against %s: %s", file, HS_TEST_IATI_SCHEMA, messages);
}

static xmlXPathObjectPtr
xpath (xmlXPathContextPtr  ctx,
       xmlNodePtr          node,
       const char         *expression)
{
  xmlXPathObjectPtr result;

  ctx->node = node;
  result = xmlXPathEvalExpression ((const xmlChar *) expression, ctx);
  g_assert_nonnull (result);
  return result;
}

static guint
xpath_count (xmlXPathContextPtr  ctx,
             xmlNodePtr          node,
             const char         *expression)
{
  xmlXPathObjectPtr result = xpath (ctx, node, expression);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* The string value of an expression ("" when nothing matches). */
static char *
xpath_string (xmlXPathContextPtr  ctx,
              xmlNodePtr          node,
              const char         *expression)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObjectPtr result = xpath (ctx, node, wrapped);
  char *value = g_strdup ((const char *) result->stringval);

  xmlXPathFreeObject (result);
  return value;
}

/* The project's instrument (its call's) and its region's EU share, from
 * the repository's reference data. */
static HsInstrument
project_instrument (HsRepository    *repo,
                    const HsProject *project)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (repo, 0, NULL);

  for (guint i = 0; i < calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (calls, i);
      if (call->id == project->call_id)
        return hs_call_get_instrument (call);
    }
  return HS_INSTRUMENT_EAKR;
}

static HsSupportSplit
project_split (HsRepository    *repo,
               const HsProject *project)
{
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (repo, NULL);
  const HsAgreement *agreement = NULL;
  HsSupportSplit split;

  for (guint i = 0; i < agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (agreements, i))->id == project->agreement_id)
      agreement = g_ptr_array_index (agreements, i);
  g_assert_true (hs_project_split_support (project, hs_agreement_eu_share_bp (agreement),
                                           project_instrument (repo, project), &split, NULL));
  return split;
}

static void
assert_org_ref (const char *ref)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (ref, "FI-PRO-"));
  hs_ytunnus_validate (ref + strlen ("FI-PRO-"), &error);
  g_assert_no_error (error);
}

typedef struct
{
  guint activities;
  guint refless_implementers;   /* role 4 without @ref */
} IatiStats;

/* Reads an exported file back and checks each activity against the
 * project in the repository. */
static IatiStats
check_iati_file (HsRepository *repo,
                 const char   *path,
                 guint         expected)
{
  g_autofree char *contents = read_file (path);
  /* from memory: the exchange layer's deny-all entity loader would refuse
   * to open even the document itself by name */
  xmlDocPtr doc = xmlReadMemory (contents, (int) strlen (contents), path, NULL, XML_PARSE_NONET);
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr activities;
  g_autoptr(GHashTable) identifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  IatiStats stats = { 0 };

  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, (const xmlChar *) "hs", (const xmlChar *) HS_IATI_EXTENSION_NAMESPACE);

  {
    g_autofree char *version = xpath_string (ctx, NULL, "/iati-activities/@version");
    g_autofree char *generated = xpath_string (ctx, NULL, "/iati-activities/@generated-datetime");
    g_assert_cmpstr (version, ==, "2.03");
    g_assert_cmpuint (strlen (generated), ==, strlen ("2026-01-01T00:00:00Z"));
  }

  activities = xpath (ctx, NULL, "/iati-activities/iati-activity");
  g_assert_cmpuint (activities->nodesetval != NULL ? activities->nodesetval->nodeNr : 0, ==, expected);

  for (guint a = 0; a < expected; a++)
    {
      xmlNodePtr act = activities->nodesetval->nodeTab[a];
      g_autofree char *code = xpath_string (ctx, act, "other-identifier[@type='A1']/@ref");
      g_autofree char *identifier = xpath_string (ctx, act, "iati-identifier");
      g_autofree char *reporter = xpath_string (ctx, act, "reporting-org/@ref");
      g_autofree char *expected_identifier = g_strconcat (reporter, "-", code, NULL);
      g_autofree char *currency = xpath_string (ctx, act, "@default-currency");
      g_autofree char *planned_start = xpath_string (ctx, act, "activity-date[@type='1']/@iso-date");
      g_autofree char *planned_end = xpath_string (ctx, act, "activity-date[@type='3']/@iso-date");
      g_autoptr(HsProject) project = hs_repository_load_project_by_code (repo, code, NULL);
      g_autofree char *start_iso = NULL;
      g_autofree char *end_iso = NULL;
      xmlXPathObjectPtr orgs, budgets, disbursements;
      HsTotals totals;
      gint64 budget_sum = 0, disbursed = 0, disbursed_eu = 0, disbursed_state = 0;
      HsSupportSplit split;
      gboolean erdf;
      guint implementers = 0;
      g_autofree char *last_year_end = NULL;

      g_assert_nonnull (project);
      g_assert_true (hs_project_totals (project, &totals, NULL));
      split = project_split (repo, project);
      erdf = hs_instrument_is_erdf (project_instrument (repo, project));
      start_iso = hs_date_to_iso (&project->start_date);
      end_iso = hs_date_to_iso (&project->end_date);

      /* identity: FI-PRO-<Y-tunnus of the main implementer>-<code>, unique */
      assert_org_ref (reporter);
      g_assert_cmpstr (reporter + strlen ("FI-PRO-"), ==, hs_project_get_main (project)->organisation->business_id);
      g_assert_cmpstr (identifier, ==, expected_identifier);
      g_assert_true (g_hash_table_add (identifiers, g_strdup (identifier)));
      g_assert_cmpstr (currency, ==, "EUR");

      /* narratives: the title in Finnish and English, tagged */
      g_assert_cmpuint (xpath_count (ctx, act, "title/narrative[@xml:lang='fi']"), ==, 1);
      if (project->name_en != NULL)
        {
          g_autofree char *en = xpath_string (ctx, act, "title/narrative[@xml:lang='en']");
          g_assert_cmpstr (en, ==, project->name_en);
        }
      if (project->name_sv != NULL)
        g_assert_cmpuint (xpath_count (ctx, act, "title/narrative[@xml:lang='sv']"), ==, 1);
      g_assert_cmpuint (xpath_count (ctx, act, "description[@type='1']/narrative[@xml:lang='fi']"), ==, 1);

      /* roles: the fund (for ERDF money), the state, the managing
       * authority, the intermediary body and every implementer, the main
       * one first */
      g_assert_cmpuint (xpath_count (ctx, act, "participating-org[@role='1' and @type='40' and not(@ref)]"
                                               "/narrative[@xml:lang='en']"), ==, split.eu > 0 ? 1 : 0);
      g_assert_cmpuint (xpath_count (ctx, act, "participating-org[@role='1' and @type='10' and not(@ref)]"
                                               "/narrative[@xml:lang='en']"), ==, split.state > 0 ? 1 : 0);
      g_assert_cmpuint (xpath_count (ctx, act, "tag[@vocabulary-uri='" HS_IATI_EXTENSION_NAMESPACE "#programme'"
                                               " and @code='Uudistuva ja osaava Suomi 2021–2027']"), ==, erdf ? 1 : 0);
      g_assert_cmpuint (xpath_count (ctx, act, "participating-org[@role='2']/narrative[contains(., 'managing authority')]"),
                        ==, erdf ? 1 : 0);
      g_assert_cmpuint (xpath_count (ctx, act, "participating-org[@role='2']"), ==, 1);
      g_assert_cmpuint (xpath_count (ctx, act, "participating-org[@role='3']/narrative"), ==, 1);
      g_assert_cmpuint (xpath_count (ctx, act, "participating-org[@role='4'][1][@hs:implementer='main']"), ==, 1);
      g_assert_cmpuint (xpath_count (ctx, act, "participating-org[@role='4' and @hs:implementer='main']"), ==, 1);
      orgs = xpath (ctx, act, "participating-org | reporting-org | planned-disbursement/provider-org | "
                              "planned-disbursement/receiver-org");
      for (int i = 0; orgs->nodesetval != NULL && i < orgs->nodesetval->nodeNr; i++)
        {
          xmlNodePtr org = orgs->nodesetval->nodeTab[i];
          xmlChar *ref = xmlGetProp (org, (const xmlChar *) "ref");
          xmlChar *role = xmlGetProp (org, (const xmlChar *) "role");

          if (ref != NULL)
            assert_org_ref ((const char *) ref);
          else
            g_assert_cmpuint (xpath_count (ctx, org, "narrative"), >, 0);
          if (role != NULL && g_str_equal ((const char *) role, "4"))
            {
              implementers++;
              if (ref == NULL)
                stats.refless_implementers++;
            }
          xmlFree (ref);
          xmlFree (role);
        }
      xmlXPathFreeObject (orgs);
      g_assert_cmpuint (implementers, ==, project->implementers->len);

      /* dates */
      g_assert_cmpstr (planned_start, ==, start_iso);
      g_assert_cmpstr (planned_end, ==, end_iso);
      g_assert_cmpuint (xpath_count (ctx, act, "activity-date[@type='4' and not(../activity-date[@type='2'])]"), ==, 0);

      /* yearly budgets: inside their year and the schedule, in order, no
       * overlap, summing to the total costs to the cent */
      budgets = xpath (ctx, act, "budget");
      for (int i = 0; budgets->nodesetval != NULL && i < budgets->nodesetval->nodeNr; i++)
        {
          xmlNodePtr budget = budgets->nodesetval->nodeTab[i];
          g_autofree char *from = xpath_string (ctx, budget, "period-start/@iso-date");
          g_autofree char *to = xpath_string (ctx, budget, "period-end/@iso-date");
          g_autofree char *value = xpath_string (ctx, budget, "value");
          g_autofree char *value_date = xpath_string (ctx, budget, "value/@value-date");

          g_assert_cmpint (strncmp (from, to, 4), ==, 0);
          g_assert_cmpstr (from, <=, to);
          g_assert_cmpstr (from, >=, start_iso);
          g_assert_cmpstr (to, <=, end_iso);
          g_assert_cmpstr (value_date, !=, "");
          if (last_year_end != NULL)
            g_assert_cmpstr (from, >, last_year_end);
          g_free (last_year_end);
          last_year_end = g_strdup (to);
          budget_sum += decimal_to_cents (value);
        }
      xmlXPathFreeObject (budgets);
      g_assert_cmpint (budget_sum, ==, totals.total_costs);
      {
        g_autofree char *total = xpath_string (ctx, act, "hs:cost-plan/@total-cents");
        g_autofree char *expected_total = g_strdup_printf ("%" G_GINT64_FORMAT, totals.total_costs);
        g_assert_cmpstr (total, ==, expected_total);
      }

      /* planned disbursements by funder: summing to the financing */
      disbursements = xpath (ctx, act, "planned-disbursement");
      for (int i = 0; disbursements->nodesetval != NULL && i < disbursements->nodesetval->nodeNr; i++)
        {
          xmlNodePtr pd = disbursements->nodesetval->nodeTab[i];
          g_autofree char *value = xpath_string (ctx, pd, "value");
          g_autofree char *part = xpath_string (ctx, pd, "@hs:part");
          g_assert_cmpuint (xpath_count (ctx, pd, "provider-org"), ==, 1);
          g_assert_cmpuint (xpath_count (ctx, pd, "receiver-org"), ==, 1);
          disbursed += decimal_to_cents (value);
          if (g_str_equal (part, "eu"))
            {
              /* the fund pays the EU part */
              g_assert_cmpuint (xpath_count (ctx, pd, "provider-org[@type='40']"), ==, 1);
              disbursed_eu += decimal_to_cents (value);
            }
          else if (g_str_equal (part, "state"))
            {
              g_assert_cmpuint (xpath_count (ctx, pd, "provider-org[@type='10']"), ==, 1);
              disbursed_state += decimal_to_cents (value);
            }
          else
            g_assert_cmpuint (xpath_count (ctx, pd, "self::*[@hs:source='eu-state']"), ==, 0);
        }
      xmlXPathFreeObject (disbursements);
      g_assert_cmpint (disbursed, ==, totals.total_financing);
      g_assert_cmpint (disbursed_eu, ==, split.eu);
      g_assert_cmpint (disbursed_state, ==, split.state);
      g_assert_cmpint (disbursed_eu + disbursed_state, ==, totals.financing[HS_SOURCE_EU_STATE]);
      if (totals.financing[HS_SOURCE_EU_STATE] > 0)
        {
          g_autofree char *eu = xpath_string (ctx, act, "hs:financing-plan/hs:financing[@source='eu-state']/@eu-cents");
          g_autofree char *state = xpath_string (ctx, act, "hs:financing-plan/hs:financing[@source='eu-state']/@state-cents");
          g_assert_cmpint (g_ascii_strtoll (eu, NULL, 10), ==, split.eu);
          g_assert_cmpint (g_ascii_strtoll (state, NULL, 10), ==, split.state);
        }
      {
        g_autofree char *share = xpath_string (ctx, act, "hs:financing-plan/hs:financing[@source='eu-state']/@share-bp");
        g_autofree char *expected_share = g_strdup_printf ("%d", hs_rate_of (totals.financing[HS_SOURCE_EU_STATE],
                                                                               totals.total_costs));
        if (totals.financing[HS_SOURCE_EU_STATE] > 0)
          g_assert_cmpstr (share, ==, expected_share);
      }
      stats.activities++;
    }

  xmlXPathFreeObject (activities);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return stats;
}

/* RFC 4180 reader: rows of fields, CRLF between records. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');
              if (p[0] == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (p[0] == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          g_assert_true (*p == ',' || *p == '\r');
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          {
            g_assert_true (*p != '\n' && *p != '"');
            g_string_append_c (field, *p++);
          }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static int
column (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kohesio_columns); i++)
    if (g_str_equal (kohesio_columns[i], name))
      return (int) i;
  g_assert_not_reached ();
}

static const char *
cell (GPtrArray  *rows,
      guint       r,
      const char *name)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, r), column (name));
}

/* Checks the CSV against the repository: header, one row per project, money
 * exact. Returns the rows. */
static GPtrArray *
check_csv_file (HsRepository *repo,
                const char   *path,
                guint         expected)
{
  g_autofree char *contents = read_file (path);
  GPtrArray *rows;
  GPtrArray *header;

  g_assert_false (g_str_has_prefix (contents, "\xef\xbb\xbf"));   /* no BOM */
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  rows = parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, expected + 1);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, G_N_ELEMENTS (kohesio_columns));
  for (guint i = 0; i < header->len; i++)
    g_assert_cmpstr (g_ptr_array_index (header, i), ==, kohesio_columns[i]);

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      g_autoptr(HsProject) project = NULL;
      HsTotals totals;
      HsSupportSplit split;
      g_autofree char *start = NULL;
      g_autofree char *rate = NULL;
      gint32 bp;

      g_assert_cmpuint (row->len, ==, G_N_ELEMENTS (kohesio_columns));
      project = hs_repository_load_project_by_code (repo, cell (rows, r, "Operation_Unique_Identifier"), NULL);
      g_assert_nonnull (project);
      g_assert_true (hs_project_totals (project, &totals, NULL));
      /* only ERDF operations; their EU budget is the EU part of the support */
      g_assert_true (hs_instrument_is_erdf (project_instrument (repo, project)));
      split = project_split (repo, project);
      g_assert_cmpint (decimal_to_cents (cell (rows, r, "Total_Eligible_Expenditure_amount")), ==, totals.total_costs);
      g_assert_cmpint (decimal_to_cents (cell (rows, r, "Project_EU_Budget")), ==, split.eu);
      g_assert_cmpstr (cell (rows, r, "Total_Eligible_Expenditure_Currency"), ==, "EUR");
      g_assert_cmpstr (cell (rows, r, "Programme_Name"), ==, "Uudistuva ja osaava Suomi 2021–2027");
      g_assert_cmpstr (cell (rows, r, "Programming_Period"), ==, "2021-2027");
      bp = hs_rate_of (split.eu, totals.total_costs);
      rate = g_strdup_printf ("%d.%02d", bp / 100, bp % 100);
      g_assert_cmpstr (cell (rows, r, "Cofinancing_Rate"), ==, rate);
      start = g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&project->start_date),
                               g_date_get_month (&project->start_date), g_date_get_year (&project->start_date));
      g_assert_cmpstr (cell (rows, r, "Operation_Start_Date"), ==, start);
      g_assert_cmpstr (cell (rows, r, "Fund_Code"), ==, "ERDF");
      g_assert_cmpstr (cell (rows, r, "Country"), ==, "FI");
      g_assert_true (g_str_has_prefix (cell (rows, r, "Beneficiary_Unique_Identifier"),
                                       hs_project_get_main (project)->organisation->business_id));
    }
  return rows;
}

/* A generated portfolio, split: the projects IATI can express, and those
 * with costs in a year outside their schedule (the generator breaks one
 * rule in one project in twenty, one of them that). */
static HsMemoryRepository *
generated_split (guint       n,
                 guint       seed,
                 gboolean    keep_broken,
                 GPtrArray **broken_codes)
{
  HsMemoryRepository *repo = hs_memory_repository_new ();
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (HS_REPOSITORY (repo), NULL);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (HS_REPOSITORY (repo), 0, NULL);
  g_autoptr(GPtrArray) projects = hs_generate_portfolio (agreements, focus_areas, n, seed);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  *broken_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *p = g_ptr_array_index (projects, i);
      g_autoptr(GArray) years = hs_project_budget_years (p);
      gboolean broken = FALSE;

      p->call_id = p->agreement_id;
      for (guint y = 0; y < years->len; y++)
        {
          int year = g_array_index (years, int, y);
          broken = broken || year < g_date_get_year (&p->start_date) || year > g_date_get_year (&p->end_date);
        }
      if (broken)
        g_ptr_array_add (*broken_codes, g_strdup (p->code));
      if (!broken || keep_broken)
        g_ptr_array_add (kept, p);
    }
  hs_repository_save_projects (HS_REPOSITORY (repo), kept, "generate", &error);
  g_assert_no_error (error);
  return repo;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_format_helpers (void)
{
  g_assert_cmpint (decimal_to_cents ("1333333.00"), ==, 133333300);
  g_assert_cmpint (decimal_to_cents ("0.07"), ==, 7);
  g_assert_cmpint (decimal_to_cents ("-5.10"), ==, -510);
  g_assert_cmpint (decimal_to_cents ("10000000000000.00"), ==, HS_MONEY_MAX);
}

static void
test_demo (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_to (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, dir, "demo.xml", 3);
  g_autofree char *contents = NULL;
  IatiStats stats;

  assert_valid_iati (path);
  stats = check_iati_file (HS_REPOSITORY (repo), path, 3);
  g_assert_cmpuint (stats.activities, ==, 3);
  g_assert_cmpuint (stats.refless_implementers, ==, 0);

  contents = read_file (path);
  /* the 1 333 333,00 € project, formatted from cents exactly */
  g_assert_nonnull (strstr (contents, "<iati-identifier>FI-PRO-0201256-6-PKS-ESIM-001</iati-identifier>"));
  g_assert_nonnull (strstr (contents, "total-cents=\"133333300\" total=\"1333333.00\""));
  /* the status maps: an ongoing project is in implementation with an actual start */
  g_assert_nonnull (strstr (contents, "<activity-date type=\"2\" iso-date=\"2024-01-01\"/>"));
  g_assert_nonnull (strstr (contents, "<title>\n      <narrative xml:lang=\"fi\">Pääkaupunkiseudun Innokaupunkien koordinaatio (esimerkki)</narrative>\n"
                                      "      <narrative xml:lang=\"sv\">"));
  /* no temporary file left behind */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint entries = 0;
    while (g_dir_read_name (d) != NULL)
      entries++;
    g_assert_cmpuint (entries, ==, 1);
  }
  rm_rf (dir);
}

static void
test_generated (void)
{
  g_autoptr(GPtrArray) broken = NULL;
  g_autoptr(HsMemoryRepository) repo = generated_split (400, 11, FALSE, &broken);
  guint n = hs_memory_repository_count_projects (repo);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_to (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, dir, "generated.xml", n);
  g_autofree char *csv = export_to (HS_REPOSITORY (repo), HS_EXPORT_OPERATIONS_CSV, NULL, dir, "generated.csv", n);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpuint (n, >, 350);
  assert_valid_iati (path);
  g_assert_cmpuint (check_iati_file (HS_REPOSITORY (repo), path, n).activities, ==, n);
  rows = check_csv_file (HS_REPOSITORY (repo), csv, n);
  rm_rf (dir);
}

/* Costs in a year outside the schedule cannot become an IATI budget: the
 * export is refused, naming every such project, and writes nothing. */
static void
test_generated_refused (void)
{
  g_autoptr(GPtrArray) broken = NULL;
  g_autoptr(HsMemoryRepository) repo = generated_split (400, 11, TRUE, &broken);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "refused.xml", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (broken->len, >, 0);
  g_assert_false (hs_export (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES);
  for (guint i = 0; i < broken->len; i++)
    g_assert_nonnull (strstr (error->message, g_ptr_array_index (broken, i)));
  g_assert_nonnull (strstr (error->message, "outside the schedule"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* the CSV has no such limit */
  g_free (export_to (HS_REPOSITORY (repo), HS_EXPORT_OPERATIONS_CSV, NULL, dir, "all.csv",
                     hs_memory_repository_count_projects (repo)));
  rm_rf (dir);
}

static void
test_scopes (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autofree char *dir = make_tmp_dir ();
  HsExportSelection one = { HS_EXPORT_SCOPE_PROJECT, 0, "OULU-ESIM-001" };
  HsExportSelection agreement = { HS_EXPORT_SCOPE_AGREEMENT, 1, NULL };
  HsExportSelection missing = { HS_EXPORT_SCOPE_PROJECT, 0, "NOPE-1" };
  g_autofree char *p1 = export_to (HS_REPOSITORY (repo), HS_EXPORT_IATI, &one, dir, "one.xml", 1);
  g_autofree char *p2 = export_to (HS_REPOSITORY (repo), HS_EXPORT_IATI, &agreement, dir, "agreement.xml", 1);
  g_autofree char *p3 = export_to (HS_REPOSITORY (repo), HS_EXPORT_OPERATIONS_CSV, &one, dir, "one.csv", 1);
  g_autofree char *p4 = g_build_filename (dir, "missing.xml", NULL);
  g_autofree char *c1 = read_file (p1);
  g_autofree char *c2 = read_file (p2);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  assert_valid_iati (p1);
  assert_valid_iati (p2);
  check_iati_file (HS_REPOSITORY (repo), p1, 1);
  g_assert_nonnull (strstr (c1, "FI-PRO-0187690-1-OULU-ESIM-001"));
  g_assert_nonnull (strstr (c2, "FI-PRO-0201256-6-PKS-ESIM-001"));
  rows = check_csv_file (HS_REPOSITORY (repo), p3, 1);
  g_assert_cmpstr (cell (rows, 1, "Operation_Unique_Identifier"), ==, "OULU-ESIM-001");

  g_assert_false (hs_export (HS_REPOSITORY (repo), HS_EXPORT_IATI, &missing, p4, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (p4, G_FILE_TEST_EXISTS));
  rm_rf (dir);
}

/* Replaces one project in the repository after edit() changed it. */
static void
edit_project (HsMemoryRepository *repo,
              const char         *code,
              void              (*edit) (HsProject *project))
{
  g_autoptr(HsProject) project = hs_repository_load_project_by_code (HS_REPOSITORY (repo), code, NULL);
  g_autoptr(GPtrArray) projects = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (project);
  edit (project);
  g_ptr_array_add (projects, project);
  hs_repository_save_projects (HS_REPOSITORY (repo), projects, "edit", &error);
  g_assert_no_error (error);
}

static HsOrganisation *
partial_org (HsProject *project)
{
  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      if (!impl->is_main)
        return impl->organisation;
    }
  g_assert_not_reached ();
}

static void
make_partial_foreign (HsProject *project)
{
  HsOrganisation *org = partial_org (project);

  g_clear_pointer (&org->business_id, g_free);
  org->foreign = TRUE;
  g_free (org->name);
  org->name = g_strdup ("Luleå tekniska universitet");
}

static void
make_partial_invalid (HsProject *project)
{
  HsOrganisation *org = partial_org (project);

  g_free (org->business_id);
  org->business_id = g_strdup ("0245895-4");
}

static void
make_main_without_id (HsProject *project)
{
  HsOrganisation *org = hs_project_get_main (project)->organisation;

  g_clear_pointer (&org->business_id, g_free);
}

static void
make_code_with_slash (HsProject *project)
{
  g_free (project->code);
  project->code = g_strdup ("OULU/ESIM-001");
}

/* The documented behaviour for organisation identifiers: an organisation
 * without a Y-tunnus (foreign) is named without @ref; an invalid Y-tunnus,
 * or a main implementer without one, refuses the export. */
static void
test_business_ids (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "refused.xml", NULL);

  {
    g_autoptr(HsMemoryRepository) repo = demo_repository ();
    g_autofree char *file = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *csv = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    edit_project (repo, "OULU-ESIM-001", make_partial_foreign);
    file = export_to (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, dir, "foreign.xml", 3);
    assert_valid_iati (file);
    g_assert_cmpuint (check_iati_file (HS_REPOSITORY (repo), file, 3).refless_implementers, ==, 1);
    contents = read_file (file);
    g_assert_nonnull (strstr (contents, "<participating-org type=\"80\" role=\"4\" hs:implementer=\"partial\">\n"
                                        "      <narrative>Luleå tekniska universitet</narrative>"));
    csv = export_to (HS_REPOSITORY (repo), HS_EXPORT_OPERATIONS_CSV, NULL, dir, "foreign.csv", 3);
    rows = check_csv_file (HS_REPOSITORY (repo), csv, 3);
    g_assert_cmpstr (cell (rows, 1, "Beneficiary_Unique_Identifier"), ==, "0187690-1; ");
  }

  {
    g_autoptr(HsMemoryRepository) repo = demo_repository ();
    g_autoptr(GError) error = NULL;

    edit_project (repo, "OULU-ESIM-001", make_partial_invalid);
    g_assert_false (hs_export (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, path, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES);
    g_assert_nonnull (strstr (error->message, "OULU-ESIM-001: the Y-tunnus “0245895-4” of “Oulun yliopisto” is not valid"));
    g_assert_null (strstr (error->message, "PKS-ESIM-001"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  {
    g_autoptr(HsMemoryRepository) repo = demo_repository ();
    g_autoptr(GError) error = NULL;

    edit_project (repo, "TURKU-ESIM-001", make_main_without_id);
    g_assert_false (hs_export (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, path, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES);
    g_assert_nonnull (strstr (error->message, "1 project cannot"));
    g_assert_nonnull (strstr (error->message, "TURKU-ESIM-001: the main implementer “Turun kaupunki” has no Y-tunnus"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  {
    g_autoptr(HsMemoryRepository) repo = demo_repository ();
    g_autoptr(GError) error = NULL;

    edit_project (repo, "OULU-ESIM-001", make_code_with_slash);
    g_assert_false (hs_export (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, path, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES);
    g_assert_nonnull (strstr (error->message, "OULU/ESIM-001: the project code contains “/”"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  rm_rf (dir);
}

static void
make_awkward_text (HsProject *project)
{
  g_free (project->name_fi);
  project->name_fi = g_strdup ("Hanke; \"lainaus\", pilkku\r\nja rivi\x01");
  g_free (project->summary);
  project->summary = g_strdup ("<b>&amp;</b> \"x\"");
}

/* Awkward text: quoted in the CSV and read back as written; escaped and
 * cleaned in the XML, which still validates. */
static void
test_awkward_text (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *csv = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  edit_project (repo, "OULU-ESIM-001", make_awkward_text);
  csv = export_to (HS_REPOSITORY (repo), HS_EXPORT_OPERATIONS_CSV, NULL, dir, "awkward.csv", 3);
  contents = read_file (csv);
  g_assert_nonnull (strstr (contents, ",\"Hanke; \"\"lainaus\"\", pilkku\r\nja rivi\","));
  rows = check_csv_file (HS_REPOSITORY (repo), csv, 3);
  g_assert_cmpstr (cell (rows, 1, "Operation_Name_Programme_Language"), ==, "Hanke; \"lainaus\", pilkku\r\nja rivi");
  g_assert_cmpstr (cell (rows, 1, "Operation_Summary_Programme_Language"), ==, "<b>&amp;</b> \"x\"");
  g_assert_cmpstr (cell (rows, 2, "Operation_Summary_Programme_Language"), ==,
                   "Esimerkkiaineisto: Helsinki, Espoo ja Vantaa koordinoivat yhdessä "
                   "ekosysteemisopimuksen toimeenpanoa. Luvut ovat havainnollistavia.");
  g_assert_cmpstr (cell (rows, 2, "Total_Eligible_Expenditure_amount"), ==, "1333333.00");
  /* Helsinki-Uusimaa: the EU pays 40 % of the 60 % support */
  g_assert_cmpstr (cell (rows, 2, "Cofinancing_Rate"), ==, "24.00");
  g_assert_cmpstr (cell (rows, 2, "Operation_End_Date"), ==, "31/12/2025");
  g_assert_cmpstr (cell (rows, 2, "BeneficiaryLabel"), ==, "Helsingin kaupunki; Espoon kaupunki; Vantaan kaupunki");

  xml = export_to (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, dir, "awkward.xml", 3);
  assert_valid_iati (xml);
  check_iati_file (HS_REPOSITORY (repo), xml, 3);
  g_free (contents);
  contents = read_file (xml);
  g_assert_nonnull (strstr (contents, "<narrative xml:lang=\"fi\">Hanke; &quot;lainaus&quot;, pilkku&#13;\nja rivi</narrative>"));
  g_assert_nonnull (strstr (contents, "&lt;b&gt;&amp;amp;&lt;/b&gt; &quot;x&quot;"));
  rm_rf (dir);
}

/* The string value of @expression in the IATI file at @path. */
static char *
iati_string (const char *path,
             const char *expression)
{
  g_autofree char *contents = read_file (path);
  xmlDocPtr doc = xmlReadMemory (contents, (int) strlen (contents), path, NULL, XML_PARSE_NONET);
  xmlXPathContextPtr ctx;
  char *value;

  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, (const xmlChar *) "hs", (const xmlChar *) HS_IATI_EXTENSION_NAMESPACE);
  value = xpath_string (ctx, NULL, expression);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return value;
}

#define ACTIVITY(code) "/iati-activities/iati-activity[other-identifier/@ref='" code "']"

static void
assert_iati (const char *path,
             const char *expression,
             const char *expected)
{
  g_autofree char *value = iati_string (path, expression);

  if (g_strcmp0 (value, expected) != 0)
    g_error ("%s: “%s” is “%s”, not “%s”", path, expression, value, expected);
}

/* Pääkaupunkiseudun haastemoottori (Helsinki-Uusimaa, EU 40 %), Jyväskylän
 * kasvu ja kestävä kaupunkikehitys (EU 60 %) and a project of an AKKE call:
 * the EU and the state parts in IATI and the list of operations, exact to
 * the cent; the AKKE project is no ERDF operation. */
static void
test_published_projects (void)
{
  g_autoptr(HsMemoryRepository) repo = hs_memory_repository_new ();
  g_autoptr(HsCall) akke_call = hs_call_new_default ();
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *xml = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *akke_csv = NULL;
  g_autofree char *akke_contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 jkl = hs_memory_repository_add_agreement (repo, "Jyväskylä", "Keski-Suomen liitto", "Länsi-Suomi", FALSE);
  HsExportSelection akke_only = { HS_EXPORT_SCOPE_PROJECT, 0, AKKE_CODE };

  akke_call->agreement_id = jkl;
  akke_call->name = g_strdup ("Jyväskylä — AKKE 2021");
  akke_call->instrument = HS_INSTRUMENT_AKKE;
  g_assert_true (hs_repository_save_call (HS_REPOSITORY (repo), akke_call, &error));
  g_assert_no_error (error);
  g_assert_cmpint (akke_call->id, >, 0);

  g_ptr_array_add (projects, published_pks_project (1, 1));          /* PKS and its default call */
  g_ptr_array_add (projects, published_jyvaskyla_project (jkl, jkl));
  g_ptr_array_add (projects, published_akke_project (jkl, akke_call->id));
  g_assert_true (hs_repository_save_projects (HS_REPOSITORY (repo), projects, "published", &error));
  g_assert_no_error (error);

  /* IATI: valid, and every check of check_iati_file () */
  xml = export_to (HS_REPOSITORY (repo), HS_EXPORT_IATI, NULL, dir, "published.xml", 3);
  assert_valid_iati (xml);
  check_iati_file (HS_REPOSITORY (repo), xml, 3);

  /* PKS: 416 981,00 € = 166 792,40 € EU + 250 188,60 € state, per
   * implementer 111 194,93 € + 55 597,47 € EU */
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@amount", "416981.00");
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@eu-amount", "166792.40");
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@state-amount", "250188.60");
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@eu-share", "24.00");
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@share", "60.00");
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/planned-disbursement[@hs:part='eu'][receiver-org/@ref='FI-PRO-0201256-6']/value", "111194.93");
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/planned-disbursement[@hs:part='state'][receiver-org/@ref='FI-PRO-0201256-6']/value", "166792.40");
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/planned-disbursement[@hs:part='eu'][receiver-org/@ref='FI-PRO-0101263-6']/value", "55597.47");
  assert_iati (xml, ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/planned-disbursement[@hs:part='state'][receiver-org/@ref='FI-PRO-0101263-6']/value", "83396.20");
  assert_iati (xml, "count(" ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/participating-org[@role='1'][narrative[@xml:lang='en']"
                    "='European Regional Development Fund (ERDF), Innovation and Skills in Finland 2021–2027'])", "1");
  assert_iati (xml, "count(" ACTIVITY (PKS_HAASTEMOOTTORI_CODE) "/participating-org[@role='1'][narrative[@xml:lang='en']"
                    "='State of Finland (national co-financing of ERDF projects)'])", "1");

  /* Jyväskylä: 457 962,00 € = 274 777,20 € EU + 183 184,80 € state */
  assert_iati (xml, ACTIVITY (JKL_KASVU_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@eu-amount", "274777.20");
  assert_iati (xml, ACTIVITY (JKL_KASVU_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@state-amount", "183184.80");
  assert_iati (xml, ACTIVITY (JKL_KASVU_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@eu-share", "36.00");
  assert_iati (xml, "sum(" ACTIVITY (JKL_KASVU_CODE) "/planned-disbursement[@hs:part='eu']/value)", "274777.2");

  /* AKKE: the state is the only funder of the support, no EU fund, no EU
   * programme, no managing authority */
  assert_iati (xml, ACTIVITY (AKKE_CODE) "/hs:financing-plan/@instrument", "akke");
  assert_iati (xml, ACTIVITY (AKKE_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@eu-cents", "0");
  assert_iati (xml, ACTIVITY (AKKE_CODE) "/hs:financing-plan/hs:financing[@source='eu-state']/@state-amount", "150000.00");
  assert_iati (xml, "count(" ACTIVITY (AKKE_CODE) "/participating-org[@type='40'])", "0");
  assert_iati (xml, "count(" ACTIVITY (AKKE_CODE) "//narrative[contains(., 'ERDF') or contains(., 'EAKR') or contains(., '2014')])", "0");
  assert_iati (xml, "count(" ACTIVITY (AKKE_CODE) "/tag[@vocabulary-uri='" HS_IATI_EXTENSION_NAMESPACE "#programme'])", "0");
  assert_iati (xml, ACTIVITY (AKKE_CODE) "/participating-org[@role='1'][@type='10']/narrative[@xml:lang='fi']",
               "Suomen valtio (ekosysteemisopimusten kansallinen käynnistysrahoitus, AKKE)");
  assert_iati (xml, ACTIVITY (AKKE_CODE) "/participating-org[@role='2']/narrative[@xml:lang='en']",
               "Ministry of Economic Affairs and Employment of Finland");
  assert_iati (xml, ACTIVITY (AKKE_CODE) "/planned-disbursement[@hs:part='state']/value", "150000.00");
  assert_iati (xml, "count(" ACTIVITY (AKKE_CODE) "/planned-disbursement[@hs:part='eu'])", "0");

  /* the list of operations: the two ERDF operations, EU budget and rate
   * of the EU part; the AKKE project left out */
  csv = export_to (HS_REPOSITORY (repo), HS_EXPORT_OPERATIONS_CSV, NULL, dir, "published.csv", 2);
  rows = check_csv_file (HS_REPOSITORY (repo), csv, 2);
  g_assert_cmpstr (cell (rows, 1, "Operation_Unique_Identifier"), ==, JKL_KASVU_CODE);
  g_assert_cmpstr (cell (rows, 1, "Total_Eligible_Expenditure_amount"), ==, "763271.00");
  g_assert_cmpstr (cell (rows, 1, "Project_EU_Budget"), ==, "274777.20");
  g_assert_cmpstr (cell (rows, 1, "Cofinancing_Rate"), ==, "36.00");
  g_assert_cmpstr (cell (rows, 1, "Region"), ==, "Länsi-Suomi");
  g_assert_cmpstr (cell (rows, 2, "Operation_Unique_Identifier"), ==, PKS_HAASTEMOOTTORI_CODE);
  g_assert_cmpstr (cell (rows, 2, "Total_Eligible_Expenditure_amount"), ==, "695015.00");
  g_assert_cmpstr (cell (rows, 2, "Project_EU_Budget"), ==, "166792.40");
  g_assert_cmpstr (cell (rows, 2, "Cofinancing_Rate"), ==, "24.00");
  g_assert_cmpstr (cell (rows, 2, "Fund_Name"), ==, "European Regional Development Fund");

  /* the AKKE project alone: a header and no operation */
  akke_csv = export_to (HS_REPOSITORY (repo), HS_EXPORT_OPERATIONS_CSV, &akke_only, dir, "akke.csv", 0);
  akke_contents = read_file (akke_csv);
  g_assert_null (strstr (akke_contents, AKKE_CODE));
  g_ptr_array_unref (check_csv_file (HS_REPOSITORY (repo), akke_csv, 0));
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hs_exchange_init ();

  g_test_add_func ("/exchange/iati/format-helpers", test_format_helpers);
  g_test_add_func ("/exchange/iati/demo", test_demo);
  g_test_add_func ("/exchange/iati/generated", test_generated);
  g_test_add_func ("/exchange/iati/generated-refused", test_generated_refused);
  g_test_add_func ("/exchange/iati/scopes", test_scopes);
  g_test_add_func ("/exchange/iati/business-ids", test_business_ids);
  g_test_add_func ("/exchange/iati/awkward-text", test_awkward_text);
  g_test_add_func ("/exchange/iati/published-projects", test_published_projects);

  return g_test_run ();
}

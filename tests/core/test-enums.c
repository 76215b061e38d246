/* test-enums.c — ids, labels and rules of the closed vocabularies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are written to databases and files, so they are spelled out here
 * rather than derived: changing one must break this test.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "core/hs-enums.h"

typedef struct
{
  const char *id;
  const char *label;
} Expected;

static const Expected statuses[HS_N_STATUSES] = {
  [HS_STATUS_DRAFT]        = { "draft", "Draft" },
  [HS_STATUS_SUBMITTED]    = { "submitted", "Submitted" },
  [HS_STATUS_UNDER_REVIEW] = { "under-review", "Under review" },
  [HS_STATUS_APPROVED]     = { "approved", "Approved" },
  [HS_STATUS_REJECTED]     = { "rejected", "Rejected" },
  [HS_STATUS_ONGOING]      = { "ongoing", "Ongoing" },
  [HS_STATUS_CLOSED]       = { "closed", "Closed" },
  [HS_STATUS_WITHDRAWN]    = { "withdrawn", "Withdrawn" },
};

static const Expected cost_models[HS_N_COST_MODELS] = {
  [HS_COST_MODEL_FLAT40]      = { "flat-40", "40 % flat rate" },
  [HS_COST_MODEL_REAL]        = { "real", "Real costs" },
  [HS_COST_MODEL_FLAT24_2014] = { "flat-24-2014", "24 % flat rate (2014–2020)" },
  [HS_COST_MODEL_FLAT15_2014] = { "flat-15-2014", "15 % flat rate (2014–2020)" },
  [HS_COST_MODEL_INDIRECT7]   = { "indirect-7", "Indirect costs 7 % of direct costs" },
  [HS_COST_MODEL_INDIRECT15]  = { "indirect-15", "Indirect costs 15 % of staff costs" },
};

static const Expected cost_categories[HS_N_COST_CATEGORIES] = {
  [HS_COST_STAFF]              = { "staff", "Staff costs" },
  [HS_COST_FLAT_RATE]          = { "flat-rate", "Flat-rate costs" },
  [HS_COST_PURCHASED_SERVICES] = { "purchased-services", "Purchased services" },
  [HS_COST_TRAVEL]             = { "travel", "Travel" },
  [HS_COST_EQUIPMENT]          = { "equipment", "Equipment" },
  [HS_COST_RENT]               = { "rent", "Rent" },
  [HS_COST_OTHER]              = { "other", "Other costs" },
};

static const Expected sources[HS_N_SOURCES] = {
  [HS_SOURCE_EU_STATE]     = { "eu-state", "EU and state support" },
  [HS_SOURCE_CITY]         = { "city", "City financing" },
  [HS_SOURCE_OTHER_PUBLIC] = { "other-public", "Other public financing" },
  [HS_SOURCE_PRIVATE]      = { "private", "Private financing" },
  [HS_SOURCE_OWN_PUBLIC]   = { "own-public", "Own financing (public)" },
  [HS_SOURCE_OWN_PRIVATE]  = { "own-private", "Own financing (private)" },
};

static const Expected org_types[HS_N_ORG_TYPES] = {
  [HS_ORG_CITY]               = { "city", "City" },
  [HS_ORG_MUNICIPALITY]       = { "municipality", "Municipality" },
  [HS_ORG_UNIVERSITY]         = { "university", "University" },
  [HS_ORG_UAS]                = { "university-of-applied-sciences", "University of applied sciences" },
  [HS_ORG_RESEARCH_INSTITUTE] = { "research-institute", "Research institute" },
  [HS_ORG_COMPANY]            = { "company", "Company" },
  [HS_ORG_ASSOCIATION]        = { "association", "Association" },
  [HS_ORG_REGIONAL_COUNCIL]   = { "regional-council", "Regional council" },
  [HS_ORG_STATE_AUTHORITY]    = { "state-authority", "State authority" },
  [HS_ORG_OTHER]              = { "other", "Other" },
};

static const Expected instruments[HS_N_INSTRUMENTS] = {
  [HS_INSTRUMENT_EAKR]     = { "eakr", "ERDF (Innovation and Skills in Finland 2021–2027)" },
  [HS_INSTRUMENT_AKKE]     = { "akke", "National start-up funding (AKKE)" },
  [HS_INSTRUMENT_NATIONAL] = { "national", "Other national funding" },
};

static gboolean
contains (const char * const *list,
          guint               n,
          const char         *item)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (list[i], item) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  const Expected *expected;
  guint           n;
  const char   *(*to_id) (int value);
  int           (*from_id) (const char *id);
  const char   *(*label) (int value);
} Vocabulary;

/* Adapters with int arguments, so one loop checks every vocabulary. */
static const char *status_to_id (int v) { return hs_status_to_id ((HsStatus) v); }
static const char *status_label (int v) { return hs_status_label ((HsStatus) v); }
static const char *cost_model_to_id (int v) { return hs_cost_model_to_id ((HsCostModel) v); }
static const char *cost_model_label (int v) { return hs_cost_model_label ((HsCostModel) v); }
static const char *category_to_id (int v) { return hs_cost_category_to_id ((HsCostCategory) v); }
static const char *category_label (int v) { return hs_cost_category_label ((HsCostCategory) v); }
static const char *source_to_id (int v) { return hs_source_to_id ((HsFinancingSource) v); }
static const char *source_label (int v) { return hs_source_label ((HsFinancingSource) v); }
static const char *org_type_to_id (int v) { return hs_org_type_to_id ((HsOrgType) v); }
static const char *org_type_label (int v) { return hs_org_type_label ((HsOrgType) v); }
static const char *instrument_to_id (int v) { return hs_instrument_to_id ((HsInstrument) v); }
static const char *instrument_label (int v) { return hs_instrument_label ((HsInstrument) v); }

static void
check_vocabulary (const Vocabulary *vocabulary)
{
  static const char * const unknown[] = {
    "", "Draft", "DRAFT", "under_review", "flat40", "staff ", "luonnos", "eu", "foo",
  };

  for (guint i = 0; i < vocabulary->n; i++)
    {
      const char *id = vocabulary->to_id ((int) i);

      g_assert_cmpstr (id, ==, vocabulary->expected[i].id);
      g_assert_cmpint (vocabulary->from_id (id), ==, (int) i);
      /* the tests run untranslated: the English source strings */
      g_assert_cmpstr (vocabulary->label ((int) i), ==, vocabulary->expected[i].label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_cmpint (vocabulary->from_id (unknown[i]), ==, -1);
  g_assert_cmpint (vocabulary->from_id (NULL), ==, -1);
}

static void
test_ids_and_labels (void)
{
  const Vocabulary vocabularies[] = {
    { statuses, HS_N_STATUSES, status_to_id, hs_status_from_id, status_label },
    { cost_models, HS_N_COST_MODELS, cost_model_to_id, hs_cost_model_from_id, cost_model_label },
    { cost_categories, HS_N_COST_CATEGORIES, category_to_id, hs_cost_category_from_id,
      category_label },
    { sources, HS_N_SOURCES, source_to_id, hs_source_from_id, source_label },
    { org_types, HS_N_ORG_TYPES, org_type_to_id, hs_org_type_from_id, org_type_label },
    { instruments, HS_N_INSTRUMENTS, instrument_to_id, hs_instrument_from_id, instrument_label },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    check_vocabulary (&vocabularies[i]);

  g_assert_cmpstr (hs_severity_to_id (HS_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (hs_severity_to_id (HS_SEVERITY_ERROR), ==, "error");
}

static void
test_out_of_range (void)
{
  if (g_test_subprocess ())
    {
      g_assert_null (hs_status_to_id (HS_N_STATUSES));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*hs_status_to_id*");
}

static void
test_transitions (void)
{
  /* The header's table, as a set of "from>to" strings. */
  static const char * const allowed[] = {
    "draft>submitted", "draft>withdrawn",
    "submitted>under-review", "submitted>withdrawn", "submitted>draft",
    "under-review>approved", "under-review>rejected", "under-review>withdrawn",
    "approved>ongoing", "approved>withdrawn",
    "ongoing>closed",
  };
  guint n_allowed = 0;

  for (HsStatus from = 0; from < HS_N_STATUSES; from++)
    for (HsStatus to = 0; to < HS_N_STATUSES; to++)
      {
        g_autofree char *pair = g_strdup_printf ("%s>%s", hs_status_to_id (from),
                                                 hs_status_to_id (to));
        gboolean expected = contains (allowed, G_N_ELEMENTS (allowed), pair);

        g_test_message ("%s", pair);
        g_assert_cmpint (hs_status_transition_allowed (from, to), ==, expected);
        n_allowed += expected;
      }

  g_assert_cmpuint (n_allowed, ==, G_N_ELEMENTS (allowed));

  /* the final statuses lead nowhere, and nothing stays where it is */
  for (HsStatus to = 0; to < HS_N_STATUSES; to++)
    {
      g_assert_false (hs_status_transition_allowed (HS_STATUS_REJECTED, to));
      g_assert_false (hs_status_transition_allowed (HS_STATUS_CLOSED, to));
      g_assert_false (hs_status_transition_allowed (HS_STATUS_WITHDRAWN, to));
      g_assert_false (hs_status_transition_allowed (to, to));
    }
}

static void
test_cost_models (void)
{
  static const char * const allowed[] = {
    "flat-40:staff",
    "real:staff", "real:purchased-services", "real:travel", "real:equipment", "real:rent",
    "real:other",
    "flat-24-2014:staff", "flat-24-2014:purchased-services", "flat-24-2014:equipment",
    "flat-24-2014:rent", "flat-24-2014:other",
    "flat-15-2014:staff", "flat-15-2014:purchased-services", "flat-15-2014:travel",
    "flat-15-2014:equipment", "flat-15-2014:rent", "flat-15-2014:other",
    "indirect-7:staff", "indirect-7:purchased-services", "indirect-7:travel",
    "indirect-7:equipment", "indirect-7:rent", "indirect-7:other",
    "indirect-15:staff", "indirect-15:purchased-services", "indirect-15:travel",
    "indirect-15:equipment", "indirect-15:rent", "indirect-15:other",
  };

  g_assert_cmpint (hs_cost_model_flat_rate (HS_COST_MODEL_FLAT40), ==, 4000);
  g_assert_cmpint (hs_cost_model_flat_rate (HS_COST_MODEL_REAL), ==, 0);
  g_assert_cmpint (hs_cost_model_flat_rate (HS_COST_MODEL_FLAT24_2014), ==, 2400);
  g_assert_cmpint (hs_cost_model_flat_rate (HS_COST_MODEL_FLAT15_2014), ==, 1500);
  g_assert_cmpint (hs_cost_model_flat_rate (HS_COST_MODEL_INDIRECT7), ==, 700);
  g_assert_cmpint (hs_cost_model_flat_rate (HS_COST_MODEL_INDIRECT15), ==, 1500);

  for (HsCostModel model = 0; model < HS_N_COST_MODELS; model++)
    for (HsCostCategory category = 0; category < HS_N_COST_CATEGORIES; category++)
      {
        g_autofree char *pair = g_strdup_printf ("%s:%s", hs_cost_model_to_id (model),
                                                 hs_cost_category_to_id (category));

        g_test_message ("%s", pair);
        g_assert_cmpint (hs_cost_model_allows_category (model, category), ==,
                         contains (allowed, G_N_ELEMENTS (allowed), pair));
      }

  /* the derived category is never typed */
  for (HsCostModel model = 0; model < HS_N_COST_MODELS; model++)
    g_assert_false (hs_cost_model_allows_category (model, HS_COST_FLAT_RATE));
}

static void
test_sources (void)
{
  for (HsFinancingSource source = 0; source < HS_N_SOURCES; source++)
    g_assert_cmpint (hs_source_is_own (source), ==,
                     source == HS_SOURCE_OWN_PUBLIC || source == HS_SOURCE_OWN_PRIVATE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/ids-and-labels", test_ids_and_labels);
  g_test_add_func ("/enums/out-of-range", test_out_of_range);
  g_test_add_func ("/enums/transitions", test_transitions);
  g_test_add_func ("/enums/cost-models", test_cost_models);
  g_test_add_func ("/enums/sources", test_sources);

  return g_test_run ();
}

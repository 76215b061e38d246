/* hs-enums.c — the closed vocabularies of the domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-enums.h"
#include "hs-money.h"

typedef struct
{
  const char *id;      /* stable, never translated */
  const char *label;   /* marked with N_(), translated on use */
} Term;

static const Term statuses[HS_N_STATUSES] = {
  [HS_STATUS_DRAFT]        = { "draft",        N_("Draft") },
  [HS_STATUS_SUBMITTED]    = { "submitted",    N_("Submitted") },
  [HS_STATUS_UNDER_REVIEW] = { "under-review", N_("Under review") },
  [HS_STATUS_APPROVED]     = { "approved",     N_("Approved") },
  [HS_STATUS_REJECTED]     = { "rejected",     N_("Rejected") },
  [HS_STATUS_ONGOING]      = { "ongoing",      N_("Ongoing") },
  [HS_STATUS_CLOSED]       = { "closed",       N_("Closed") },
  [HS_STATUS_WITHDRAWN]    = { "withdrawn",    N_("Withdrawn") },
};

static const Term cost_models[HS_N_COST_MODELS] = {
  /* Translators: the default cost model of 2021–2027: other costs are 40 % of staff costs */
  /* xgettext:no-c-format */
  [HS_COST_MODEL_FLAT40]      = { "flat-40",      N_("40 % flat rate") },
  [HS_COST_MODEL_REAL]        = { "real",         N_("Real costs") },
  /* xgettext:no-c-format */
  [HS_COST_MODEL_FLAT24_2014] = { "flat-24-2014", N_("24 % flat rate (2014–2020)") },
  /* xgettext:no-c-format */
  [HS_COST_MODEL_FLAT15_2014] = { "flat-15-2014", N_("15 % flat rate (2014–2020)") },
  /* Translators: CPR art. 54(a): indirect costs are 7 % of the direct costs */
  /* xgettext:no-c-format */
  [HS_COST_MODEL_INDIRECT7]   = { "indirect-7",   N_("Indirect costs 7 % of direct costs") },
  /* Translators: CPR art. 54(b): indirect costs are 15 % of the direct staff costs */
  /* xgettext:no-c-format */
  [HS_COST_MODEL_INDIRECT15]  = { "indirect-15",  N_("Indirect costs 15 % of staff costs") },
};

static const gint32 flat_rates[HS_N_COST_MODELS] = {
  [HS_COST_MODEL_FLAT40]      = 40 * HS_BP_PERCENT,
  [HS_COST_MODEL_REAL]        = 0,
  [HS_COST_MODEL_FLAT24_2014] = 24 * HS_BP_PERCENT,
  [HS_COST_MODEL_FLAT15_2014] = 15 * HS_BP_PERCENT,
  [HS_COST_MODEL_INDIRECT7]   = 7 * HS_BP_PERCENT,
  [HS_COST_MODEL_INDIRECT15]  = 15 * HS_BP_PERCENT,
};

static const Term cost_categories[HS_N_COST_CATEGORIES] = {
  [HS_COST_STAFF]              = { "staff",              N_("Staff costs") },
  [HS_COST_FLAT_RATE]          = { "flat-rate",          N_("Flat-rate costs") },
  [HS_COST_PURCHASED_SERVICES] = { "purchased-services", N_("Purchased services") },
  [HS_COST_TRAVEL]             = { "travel",             N_("Travel") },
  [HS_COST_EQUIPMENT]          = { "equipment",          N_("Equipment") },
  [HS_COST_RENT]               = { "rent",               N_("Rent") },
  [HS_COST_OTHER]              = { "other",              N_("Other costs") },
};

static const Term instruments[HS_N_INSTRUMENTS] = {
  /* Translators: the EU's regional development fund, EAKR in Finnish */
  [HS_INSTRUMENT_EAKR]     = { "eakr",     N_("ERDF (Innovation and Skills in Finland 2021–2027)") },
  /* Translators: the state's start-up money for the ecosystem agreements (AKKE) */
  [HS_INSTRUMENT_AKKE]     = { "akke",     N_("National start-up funding (AKKE)") },
  [HS_INSTRUMENT_NATIONAL] = { "national", N_("Other national funding") },
};

static const Term sources[HS_N_SOURCES] = {
  /* Translators: EAKR support (in Swedish EFRU): the EU and the state together */
  [HS_SOURCE_EU_STATE]     = { "eu-state",     N_("EU and state support") },
  [HS_SOURCE_CITY]         = { "city",         N_("City financing") },
  [HS_SOURCE_OTHER_PUBLIC] = { "other-public", N_("Other public financing") },
  [HS_SOURCE_PRIVATE]      = { "private",      N_("Private financing") },
  [HS_SOURCE_OWN_PUBLIC]   = { "own-public",   N_("Own financing (public)") },
  [HS_SOURCE_OWN_PRIVATE]  = { "own-private",  N_("Own financing (private)") },
};

static const Term org_types[HS_N_ORG_TYPES] = {
  [HS_ORG_CITY]               = { "city",                           N_("City") },
  [HS_ORG_MUNICIPALITY]       = { "municipality",                   N_("Municipality") },
  [HS_ORG_UNIVERSITY]         = { "university",                     N_("University") },
  [HS_ORG_UAS]                = { "university-of-applied-sciences", N_("University of applied sciences") },
  [HS_ORG_RESEARCH_INSTITUTE] = { "research-institute",             N_("Research institute") },
  [HS_ORG_COMPANY]            = { "company",                        N_("Company") },
  [HS_ORG_ASSOCIATION]        = { "association",                    N_("Association") },
  [HS_ORG_REGIONAL_COUNCIL]   = { "regional-council",               N_("Regional council") },
  [HS_ORG_STATE_AUTHORITY]    = { "state-authority",                N_("State authority") },
  [HS_ORG_OTHER]              = { "other",                          N_("Other") },
};

#define BIT(status) (1u << (status))

/* The statuses each status may change to. */
static const guint transitions[HS_N_STATUSES] = {
  [HS_STATUS_DRAFT]        = BIT (HS_STATUS_SUBMITTED) | BIT (HS_STATUS_WITHDRAWN),
  [HS_STATUS_SUBMITTED]    = BIT (HS_STATUS_UNDER_REVIEW) | BIT (HS_STATUS_WITHDRAWN) |
                             BIT (HS_STATUS_DRAFT),
  [HS_STATUS_UNDER_REVIEW] = BIT (HS_STATUS_APPROVED) | BIT (HS_STATUS_REJECTED) |
                             BIT (HS_STATUS_WITHDRAWN),
  [HS_STATUS_APPROVED]     = BIT (HS_STATUS_ONGOING) | BIT (HS_STATUS_WITHDRAWN),
  [HS_STATUS_REJECTED]     = 0,
  [HS_STATUS_ONGOING]      = BIT (HS_STATUS_CLOSED),
  [HS_STATUS_CLOSED]       = 0,
  [HS_STATUS_WITHDRAWN]    = 0,
};

/* The categories that may be typed under each cost model. */
static const guint allowed_categories[HS_N_COST_MODELS] = {
  [HS_COST_MODEL_FLAT40]      = BIT (HS_COST_STAFF),
  [HS_COST_MODEL_REAL]        = BIT (HS_COST_STAFF) | BIT (HS_COST_PURCHASED_SERVICES) |
                                BIT (HS_COST_TRAVEL) | BIT (HS_COST_EQUIPMENT) |
                                BIT (HS_COST_RENT) | BIT (HS_COST_OTHER),
  [HS_COST_MODEL_FLAT24_2014] = BIT (HS_COST_STAFF) | BIT (HS_COST_PURCHASED_SERVICES) |
                                BIT (HS_COST_EQUIPMENT) | BIT (HS_COST_RENT) |
                                BIT (HS_COST_OTHER),
  [HS_COST_MODEL_FLAT15_2014] = BIT (HS_COST_STAFF) | BIT (HS_COST_PURCHASED_SERVICES) |
                                BIT (HS_COST_TRAVEL) | BIT (HS_COST_EQUIPMENT) |
                                BIT (HS_COST_RENT) | BIT (HS_COST_OTHER),
  [HS_COST_MODEL_INDIRECT7]   = BIT (HS_COST_STAFF) | BIT (HS_COST_PURCHASED_SERVICES) |
                                BIT (HS_COST_TRAVEL) | BIT (HS_COST_EQUIPMENT) |
                                BIT (HS_COST_RENT) | BIT (HS_COST_OTHER),
  [HS_COST_MODEL_INDIRECT15]  = BIT (HS_COST_STAFF) | BIT (HS_COST_PURCHASED_SERVICES) |
                                BIT (HS_COST_TRAVEL) | BIT (HS_COST_EQUIPMENT) |
                                BIT (HS_COST_RENT) | BIT (HS_COST_OTHER),
};

static int
find_id (const Term *terms,
         guint       n_terms,
         const char *id)
{
  if (id == NULL)
    return -1;

  for (guint i = 0; i < n_terms; i++)
    if (strcmp (terms[i].id, id) == 0)
      return (int) i;

  return -1;
}

#define IN_RANGE(value, n) ((guint) (value) < (guint) (n))

gboolean
hs_status_transition_allowed (HsStatus from,
                              HsStatus to)
{
  g_return_val_if_fail (IN_RANGE (from, HS_N_STATUSES), FALSE);
  g_return_val_if_fail (IN_RANGE (to, HS_N_STATUSES), FALSE);

  return (transitions[from] & BIT (to)) != 0;
}

gint32
hs_cost_model_flat_rate (HsCostModel model)
{
  g_return_val_if_fail (IN_RANGE (model, HS_N_COST_MODELS), 0);

  return flat_rates[model];
}

gboolean
hs_cost_model_rate_on_direct_costs (HsCostModel model)
{
  g_return_val_if_fail (IN_RANGE (model, HS_N_COST_MODELS), FALSE);
  return model == HS_COST_MODEL_INDIRECT7;
}

gboolean
hs_cost_model_allows_category (HsCostModel    model,
                               HsCostCategory category)
{
  g_return_val_if_fail (IN_RANGE (model, HS_N_COST_MODELS), FALSE);
  g_return_val_if_fail (IN_RANGE (category, HS_N_COST_CATEGORIES), FALSE);

  return (allowed_categories[model] & BIT (category)) != 0;
}

const char *
hs_status_to_id (HsStatus status)
{
  g_return_val_if_fail (IN_RANGE (status, HS_N_STATUSES), NULL);
  return statuses[status].id;
}

int
hs_status_from_id (const char *id)
{
  return find_id (statuses, G_N_ELEMENTS (statuses), id);
}

const char *
hs_status_label (HsStatus status)
{
  g_return_val_if_fail (IN_RANGE (status, HS_N_STATUSES), NULL);
  return _(statuses[status].label);
}

const char *
hs_cost_model_to_id (HsCostModel model)
{
  g_return_val_if_fail (IN_RANGE (model, HS_N_COST_MODELS), NULL);
  return cost_models[model].id;
}

int
hs_cost_model_from_id (const char *id)
{
  return find_id (cost_models, G_N_ELEMENTS (cost_models), id);
}

const char *
hs_cost_model_label (HsCostModel model)
{
  g_return_val_if_fail (IN_RANGE (model, HS_N_COST_MODELS), NULL);
  return _(cost_models[model].label);
}

const char *
hs_cost_category_to_id (HsCostCategory category)
{
  g_return_val_if_fail (IN_RANGE (category, HS_N_COST_CATEGORIES), NULL);
  return cost_categories[category].id;
}

int
hs_cost_category_from_id (const char *id)
{
  return find_id (cost_categories, G_N_ELEMENTS (cost_categories), id);
}

const char *
hs_cost_category_label (HsCostCategory category)
{
  g_return_val_if_fail (IN_RANGE (category, HS_N_COST_CATEGORIES), NULL);
  return _(cost_categories[category].label);
}

const char *
hs_source_to_id (HsFinancingSource source)
{
  g_return_val_if_fail (IN_RANGE (source, HS_N_SOURCES), NULL);
  return sources[source].id;
}

int
hs_source_from_id (const char *id)
{
  return find_id (sources, G_N_ELEMENTS (sources), id);
}

const char *
hs_source_label (HsFinancingSource source)
{
  g_return_val_if_fail (IN_RANGE (source, HS_N_SOURCES), NULL);
  return _(sources[source].label);
}

gboolean
hs_source_is_own (HsFinancingSource source)
{
  return source == HS_SOURCE_OWN_PUBLIC || source == HS_SOURCE_OWN_PRIVATE;
}

const char *
hs_instrument_to_id (HsInstrument instrument)
{
  g_return_val_if_fail (IN_RANGE (instrument, HS_N_INSTRUMENTS), NULL);
  return instruments[instrument].id;
}

int
hs_instrument_from_id (const char *id)
{
  return find_id (instruments, G_N_ELEMENTS (instruments), id);
}

const char *
hs_instrument_label (HsInstrument instrument)
{
  g_return_val_if_fail (IN_RANGE (instrument, HS_N_INSTRUMENTS), NULL);
  return _(instruments[instrument].label);
}

gboolean
hs_instrument_is_erdf (HsInstrument instrument)
{
  return instrument == HS_INSTRUMENT_EAKR;
}

const char *
hs_org_type_to_id (HsOrgType type)
{
  g_return_val_if_fail (IN_RANGE (type, HS_N_ORG_TYPES), NULL);
  return org_types[type].id;
}

int
hs_org_type_from_id (const char *id)
{
  return find_id (org_types, G_N_ELEMENTS (org_types), id);
}

const char *
hs_org_type_label (HsOrgType type)
{
  g_return_val_if_fail (IN_RANGE (type, HS_N_ORG_TYPES), NULL);
  return _(org_types[type].label);
}

const char *
hs_severity_to_id (HsSeverity severity)
{
  switch (severity)
    {
    case HS_SEVERITY_WARNING:
      return "warning";
    case HS_SEVERITY_ERROR:
      return "error";
    default:
      g_return_val_if_reached (NULL);
    }
}

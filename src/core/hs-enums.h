/* hs-enums.h — the closed vocabularies of the domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every enum has a stable id (used in the database, in files and on the
 * command line; never translated) and a translatable label for people.
 * *_from_id() return -1 for an unknown id.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_STATUS_DRAFT,         /* "draft"        luonnos */
  HS_STATUS_SUBMITTED,     /* "submitted"    jätetty */
  HS_STATUS_UNDER_REVIEW,  /* "under-review" käsittelyssä */
  HS_STATUS_APPROVED,      /* "approved"     myönnetty */
  HS_STATUS_REJECTED,      /* "rejected"     hylätty */
  HS_STATUS_ONGOING,       /* "ongoing"      käynnissä */
  HS_STATUS_CLOSED,        /* "closed"       päättynyt */
  HS_STATUS_WITHDRAWN,     /* "withdrawn"    peruttu */
  HS_N_STATUSES
} HsStatus;

/* draft→submitted|withdrawn; submitted→under-review|withdrawn|draft;
 * under-review→approved|rejected|withdrawn; approved→ongoing|withdrawn;
 * ongoing→closed; rejected, closed, withdrawn are final. */
gboolean    hs_status_transition_allowed (HsStatus from, HsStatus to);

typedef enum
{
  HS_COST_MODEL_FLAT40,        /* "flat-40"       2021–2027: other costs = 40 % of staff costs */
  HS_COST_MODEL_REAL,          /* "real"          all costs itemised */
  HS_COST_MODEL_FLAT24_2014,   /* "flat-24-2014"  2014–2020: indirect = 24 % of staff costs */
  HS_COST_MODEL_FLAT15_2014,   /* "flat-15-2014"  2014–2020: indirect = 15 % of staff costs, travel itemised */
  HS_COST_MODEL_INDIRECT7,     /* "indirect-7"    CPR 2021/1060 art. 54(a): indirect = 7 % of direct costs */
  HS_COST_MODEL_INDIRECT15,    /* "indirect-15"   CPR 2021/1060 art. 54(b): indirect = 15 % of direct staff costs */
  HS_N_COST_MODELS
} HsCostModel;

/* The flat rate of a model in basis points (4000, 0, 2400, 1500, 700, 1500). */
gint32      hs_cost_model_flat_rate (HsCostModel model);
/* Whether the model's flat rate is taken of all the direct costs typed
 * (indirect-7) rather than of the staff costs only (every other model). */
gboolean    hs_cost_model_rate_on_direct_costs (HsCostModel model);

typedef enum
{
  HS_COST_STAFF,              /* "staff"              henkilöstökustannukset */
  HS_COST_FLAT_RATE,          /* "flat-rate"          derived: flat-rate costs, never typed */
  HS_COST_PURCHASED_SERVICES, /* "purchased-services" ostopalvelut */
  HS_COST_TRAVEL,             /* "travel"             matkakustannukset */
  HS_COST_EQUIPMENT,          /* "equipment"          kone- ja laitehankinnat */
  HS_COST_RENT,               /* "rent"               vuokrat */
  HS_COST_OTHER,              /* "other"              muut kustannukset */
  HS_N_COST_CATEGORIES
} HsCostCategory;

/* Whether a category may be typed under a model (FLAT_RATE never is; under
 * flat-40 only staff; under flat-24 staff, purchased services, equipment,
 * rent, other; under flat-15 the same plus travel; under real, indirect-7
 * and indirect-15 all but FLAT_RATE). */
gboolean    hs_cost_model_allows_category (HsCostModel model, HsCostCategory category);

typedef enum
{
  HS_SOURCE_EU_STATE,      /* "eu-state"      EU- ja valtion rahoitus (EAKR) */
  HS_SOURCE_CITY,          /* "city"          kuntarahoitus */
  HS_SOURCE_OTHER_PUBLIC,  /* "other-public"  muu julkinen rahoitus */
  HS_SOURCE_PRIVATE,       /* "private"       yksityinen rahoitus */
  HS_SOURCE_OWN_PUBLIC,    /* "own-public"    omarahoitus (julkinen) */
  HS_SOURCE_OWN_PRIVATE,   /* "own-private"   omarahoitus (yksityinen) */
  HS_N_SOURCES
} HsFinancingSource;

/* What a call funds projects with (docs/domain.md §2). */
typedef enum
{
  HS_INSTRUMENT_EAKR,      /* "eakr"      ERDF under Uudistuva ja osaava Suomi 2021–2027 */
  HS_INSTRUMENT_AKKE,      /* "akke"      national start-up money for the agreements (AKKE) */
  HS_INSTRUMENT_NATIONAL,  /* "national"  other national money */
  HS_N_INSTRUMENTS
} HsInstrument;

typedef enum
{
  HS_ORG_CITY,                 /* "city" */
  HS_ORG_MUNICIPALITY,         /* "municipality" */
  HS_ORG_UNIVERSITY,           /* "university" */
  HS_ORG_UAS,                  /* "university-of-applied-sciences" */
  HS_ORG_RESEARCH_INSTITUTE,   /* "research-institute" */
  HS_ORG_COMPANY,              /* "company" */
  HS_ORG_ASSOCIATION,          /* "association" */
  HS_ORG_REGIONAL_COUNCIL,     /* "regional-council" */
  HS_ORG_STATE_AUTHORITY,      /* "state-authority" */
  HS_ORG_OTHER,                /* "other" */
  HS_N_ORG_TYPES
} HsOrgType;

typedef enum
{
  HS_SEVERITY_WARNING,   /* informs */
  HS_SEVERITY_ERROR,     /* blocks submission */
} HsSeverity;

const char *hs_status_to_id          (HsStatus status);
int         hs_status_from_id        (const char *id);
const char *hs_status_label          (HsStatus status);      /* translated */

const char *hs_cost_model_to_id      (HsCostModel model);
int         hs_cost_model_from_id    (const char *id);
const char *hs_cost_model_label      (HsCostModel model);

const char *hs_cost_category_to_id   (HsCostCategory category);
int         hs_cost_category_from_id (const char *id);
const char *hs_cost_category_label   (HsCostCategory category);

const char *hs_source_to_id          (HsFinancingSource source);
int         hs_source_from_id        (const char *id);
const char *hs_source_label          (HsFinancingSource source);
/* own-public and own-private are both "own financing" */
gboolean    hs_source_is_own         (HsFinancingSource source);

const char *hs_instrument_to_id       (HsInstrument instrument);
int         hs_instrument_from_id     (const char *id);
const char *hs_instrument_label       (HsInstrument instrument);
/* Whether the instrument is EU money (the list of operations and IATI's
 * ERDF reporting cover only these). */
gboolean    hs_instrument_is_erdf     (HsInstrument instrument);

const char *hs_org_type_to_id        (HsOrgType type);
int         hs_org_type_from_id      (const char *id);
const char *hs_org_type_label        (HsOrgType type);

const char *hs_severity_to_id        (HsSeverity severity);  /* "warning", "error" */

G_END_DECLS

/* hs-iati-writer.c — IATI 2.03 activities and the list-of-operations CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both writers stream from the repository into the atomic output of
 * hs_export(), so a refused, failed or cancelled export leaves nothing
 * under the chosen name (docs/exchange.md §7).
 *
 * IATI: one iati-activity per project, its children in the order of the
 * schema's xs:sequence (docs/xml.md §1.2). The schema cannot check codes,
 * identifiers, dates against each other or sums (docs/xml.md §1.6), so
 * every project is checked here first; a project that cannot be published
 * correctly refuses the whole export (HS_EXCHANGE_ERROR_RULES) with one
 * line per problem. Writing stops at the first problem, checking goes on,
 * so the message lists every project to fix.
 *
 * Money is written from integer cents as decimal euros ("1333333.00"),
 * rates from basis points ("60.00"); no double is involved anywhere.
 */
#define G_LOG_DOMAIN "hs-exchange"

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "core/hs-cofinancing.h"
#include "core/hs-review.h"
#include "core/hs-date.h"
#include "core/hs-enums.h"
#include "core/hs-money.h"
#include "core/hs-project.h"
#include "core/hs-reference.h"
#include "core/hs-ytunnus.h"
#include "hs-exchange-private.h"

#define IATI_VERSION        "2.03"
#define ORG_ID_PREFIX       "FI-PRO-"
#define NS_PREFIX           "hs"
#define FOCUS_AREA_VOCABULARY_URI HS_IATI_EXTENSION_NAMESPACE "#focus-area"
#define PROGRAMME_VOCABULARY_URI  HS_IATI_EXTENSION_NAMESPACE "#programme"
#define PROGRAMME_NAME      "Uudistuva ja osaava Suomi 2021–2027"
#define MAX_LISTED_PROBLEMS 25

/* ---- numbers ------------------------------------------------------------ */

/* cents → "1333333.00", "-5.00": exact, by integer arithmetic */
static void
format_cents (gint64 cents,
              char   buffer[32])
{
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;

  g_snprintf (buffer, 32, "%s%" G_GUINT64_FORMAT ".%02u", cents < 0 ? "-" : "",
              magnitude / HS_CENTS_PER_EURO, (guint) (magnitude % HS_CENTS_PER_EURO));
}

/* basis points → per cent with two decimals: 6000 → "60.00", 6239 → "62.39" */
static void
format_bp (gint32 bp,
           char   buffer[32])
{
  guint32 magnitude = bp < 0 ? (guint32) 0 - (guint32) bp : (guint32) bp;

  g_snprintf (buffer, 32, "%s%u.%02u", bp < 0 ? "-" : "", magnitude / HS_BP_PERCENT,
              magnitude % HS_BP_PERCENT);
}

static void
set_ymd (GDate *date,
         int    day,
         int    month,
         int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The time of the export: SOURCE_DATE_EPOCH when set (reproducible
 * builds and tests), else now. */
static gint64
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 value;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &value, NULL))
    return (gint64) value;
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- what IATI needs to know of our organisations ----------------------- */

/* OrganisationType codes (docs/xml.md §1.3) */
static const char *
org_type_code (HsOrgType type)
{
  switch (type)
    {
    case HS_ORG_CITY:
    case HS_ORG_MUNICIPALITY:
    case HS_ORG_REGIONAL_COUNCIL:
      return "11";   /* Local Government */
    case HS_ORG_UNIVERSITY:
    case HS_ORG_UAS:
    case HS_ORG_RESEARCH_INSTITUTE:
      return "80";   /* Academic, Training and Research */
    case HS_ORG_COMPANY:
      return "70";   /* Private Sector */
    case HS_ORG_ASSOCIATION:
      return "22";   /* National NGO */
    case HS_ORG_STATE_AUTHORITY:
      return "10";   /* Government */
    case HS_ORG_OTHER:
    default:
      return "90";   /* Other */
    }
}

/* ActivityStatus (docs/xml.md §1.3) */
static const char *
activity_status_code (HsStatus status)
{
  switch (status)
    {
    case HS_STATUS_DRAFT:
    case HS_STATUS_SUBMITTED:
    case HS_STATUS_UNDER_REVIEW:
      return "1";    /* Pipeline/identification */
    case HS_STATUS_APPROVED:
    case HS_STATUS_ONGOING:
      return "2";    /* Implementation */
    case HS_STATUS_CLOSED:
      return "4";    /* Closed */
    case HS_STATUS_REJECTED:
    case HS_STATUS_WITHDRAWN:
    default:
      return "5";    /* Cancelled */
    }
}

/* BudgetStatus: 2 Committed once the funding decision is made */
static const char *
budget_status_code (HsStatus status)
{
  return status == HS_STATUS_APPROVED || status == HS_STATUS_ONGOING ||
         status == HS_STATUS_CLOSED ? "2" : "1";
}

/* An organisation as IATI sees it: @ref (NULL when none can be given),
 * @type and its names. Fixed parties have a name in each language. */
typedef struct
{
  char       *ref;
  const char *type;
  const char *name;          /* the organisation's own name, untagged */
  const char *names[3];      /* or fixed names in fi, sv, en */
  const char *source;        /* for funders: the financing source id */
} Party;

static const char * const party_langs[3] = { "fi", "sv", "en" };

/* Our financing source "eu-state" is EU and state support together; the
 * writer splits it by the region's co-financing category
 * (hs-cofinancing.h) into two funders. The EU fund: no organisation
 * identifier exists for ERDF / DG REGIO (docs/xml.md §1.3), so no @ref,
 * the name (with its programme) in the narratives. */
static const Party erdf_party = {
  NULL, "40", NULL,
  { "Euroopan aluekehitysrahasto (EAKR), Uudistuva ja osaava Suomi 2021–2027",
    "Europeiska regionala utvecklingsfonden (Eruf), Ett förnyande och kompetent Finland 2021–2027",
    "European Regional Development Fund (ERDF), Innovation and Skills in Finland 2021–2027" },
  "eu-state",
};

/* The state: no identifier either (FI-COA has no codes yet), type 10
 * Government; one name per instrument, since the state pays the ERDF's
 * national co-financing, the AKKE start-up money and other national
 * money. */
static const Party state_parties[HS_N_INSTRUMENTS] = {
  [HS_INSTRUMENT_EAKR] = {
    NULL, "10", NULL,
    { "Suomen valtio (EAKR-hankkeiden valtion rahoitus)",
      "Finska staten (statlig finansiering av Eruf-projekt)",
      "State of Finland (national co-financing of ERDF projects)" },
    "eu-state",
  },
  [HS_INSTRUMENT_AKKE] = {
    NULL, "10", NULL,
    { "Suomen valtio (ekosysteemisopimusten kansallinen käynnistysrahoitus, AKKE)",
      "Finska staten (nationell startfinansiering för ekosystemavtalen, AKKE)",
      "State of Finland (national start-up funding of the ecosystem agreements, AKKE)" },
    "eu-state",
  },
  [HS_INSTRUMENT_NATIONAL] = {
    NULL, "10", NULL,
    { "Suomen valtio (kansallinen rahoitus)",
      "Finska staten (nationell finansiering)",
      "State of Finland (national funding)" },
    "eu-state",
  },
};

static const Party managing_authority_party = {
  NULL, "10", NULL,
  { "Työ- ja elinkeinoministeriö (hallintoviranomainen)",
    "Arbets- och näringsministeriet (förvaltningsmyndighet)",
    "Ministry of Economic Affairs and Employment of Finland (managing authority)" },
  NULL,
};

/* For national money there is no EU programme and so no managing
 * authority: the ministry is accountable for the state's money. */
static const Party ministry_party = {
  NULL, "10", NULL,
  { "Työ- ja elinkeinoministeriö",
    "Arbets- och näringsministeriet",
    "Ministry of Economic Affairs and Employment of Finland" },
  NULL,
};

static const Party municipal_party = {
  NULL, "11", NULL,
  { "Kuntarahoitus", "Kommunal finansiering", "City financing" },
  "city",
};

static const Party other_public_party = {
  NULL, "15", NULL,
  { "Muu julkinen rahoitus", "Annan offentlig finansiering", "Other public financing" },
  "other-public",
};

static const Party private_party = {
  NULL, "70", NULL,
  { "Yksityinen rahoitus", "Privat finansiering", "Private financing" },
  "private",
};

static char *
org_ref (const HsOrganisation *org)
{
  if (org == NULL || org->business_id == NULL || *org->business_id == '\0')
    return NULL;
  return g_strconcat (ORG_ID_PREFIX, org->business_id, NULL);
}

static void
party_clear (Party *party)
{
  g_clear_pointer (&party->ref, g_free);
}

static void
party_of_implementer (const HsImplementer *impl,
                      Party               *party)
{
  memset (party, 0, sizeof *party);
  party->ref = org_ref (impl->organisation);
  party->type = org_type_code (impl->organisation != NULL ? impl->organisation->type : HS_ORG_OTHER);
  party->name = impl->organisation != NULL ? impl->organisation->name : NULL;
}

static void
party_copy_fixed (const Party *fixed,
                  Party       *party)
{
  *party = *fixed;
  party->ref = NULL;
}

/* Which part of EU and state support a funder pays. */
typedef enum
{
  PART_EU,
  PART_STATE,
} SupportPart;

/* Who provides source to impl (docs/exchange.md §7): EU and state support
 * comes from the fund (@part PART_EU) and the state (PART_STATE); municipal financing from the implementer itself
 * when it is a municipality, else from the main implementer when that is
 * one; own financing from the implementer; other public and private
 * financing from financiers we do not know by name. */
static void
provider_of (const HsImplementer *impl,
             const HsImplementer *main_impl,
             HsFinancingSource    source,
             SupportPart          part,
             HsInstrument         instrument,
             Party               *party)
{
  switch (source)
    {
    case HS_SOURCE_EU_STATE:
      party_copy_fixed (part == PART_EU ? &erdf_party : &state_parties[instrument], party);
      return;
    case HS_SOURCE_CITY:
      {
        const HsImplementer *payer = NULL;
        HsOrgType own = impl->organisation != NULL ? impl->organisation->type : HS_ORG_OTHER;
        HsOrgType main_type = main_impl != NULL && main_impl->organisation != NULL
                              ? main_impl->organisation->type : HS_ORG_OTHER;

        if (own == HS_ORG_CITY || own == HS_ORG_MUNICIPALITY)
          payer = impl;
        else if (main_type == HS_ORG_CITY || main_type == HS_ORG_MUNICIPALITY)
          payer = main_impl;
        if (payer != NULL)
          party_of_implementer (payer, party);
        else
          party_copy_fixed (&municipal_party, party);
        party->source = "city";
        return;
      }
    case HS_SOURCE_OWN_PUBLIC:
    case HS_SOURCE_OWN_PRIVATE:
      party_of_implementer (impl, party);
      party->source = hs_source_to_id (source);
      return;
    case HS_SOURCE_OTHER_PUBLIC:
      party_copy_fixed (&other_public_party, party);
      return;
    case HS_SOURCE_PRIVATE:
    default:
      party_copy_fixed (&private_party, party);
      return;
    }
}

/* One key per organisation, to name each funder once */
static char *
party_key (const Party *party)
{
  if (party->ref != NULL)
    return g_strdup (party->ref);
  return g_strconcat ("name:", party->name != NULL ? party->name : party->names[2], NULL);
}

/* ---- the plan of one project: what the checks compute, the writer uses -- */

typedef struct
{
  HsProject           *project;
  const HsImplementer *main_impl;
  GPtrArray           *implementers;   /* borrowed, main first */
  HsTotals             totals;
  char                *reporting_ref;
  char                *identifier;
  GArray              *years;          /* of int, ascending */
  HsInstrument         instrument;     /* the call's */
  gint32               eu_share_bp;    /* the region's EU share of public funding */
  GArray              *splits;         /* of HsSupportSplit, as implementers */
  HsSupportSplit       split;          /* their sum */
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->implementers, g_ptr_array_unref);
  g_clear_pointer (&plan->reporting_ref, g_free);
  g_clear_pointer (&plan->identifier, g_free);
  g_clear_pointer (&plan->years, g_array_unref);
  g_clear_pointer (&plan->splits, g_array_unref);
}

/* ---- decided projects: the granted support ------------------------------ */

/* The EU and state support granted to each of @implementers (of
 * @project) by the decision in force, when it is a grant: what the list of
 * operations and IATI publish of a decided project (an implementer the
 * grants do not name got none). NULL when the project has no grant in force
 * (undecided, rejected, or a repository without reviews); NULL and @error
 * when the review cannot be read. */
static GArray *
granted_support (HsRepository     *repository,
                 const HsProject  *project,
                 GPtrArray        *implementers,
                 GError          **error)
{
  g_autoptr(HsReview) review = NULL;
  const HsDecision *in_force;
  GArray *granted;

  if (repository == NULL || !hs_repository_has_reviews (repository) || project->id == 0)
    return NULL;
  review = hs_repository_load_review (repository, project->id, error);
  if (review == NULL)
    return NULL;
  in_force = hs_review_decision_in_force (review);
  if (in_force == NULL || in_force->kind != HS_DECISION_GRANT)
    return NULL;
  granted = g_array_sized_new (FALSE, TRUE, sizeof (gint64), implementers->len);
  for (guint i = 0; i < implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (implementers, i);
      gint64 amount = 0;

      for (guint j = 0; impl->organisation != NULL && j < in_force->grants->len; j++)
        {
          const HsGrant *grant = &g_array_index (in_force->grants, HsGrant, j);
          if (grant->organisation_id == impl->organisation->id)
            amount += grant->granted;
        }
      g_array_append_val (granted, amount);
    }
  return granted;
}

/* Splits each implementer's grant as hs_implementer_split_support () splits
 * its support: into @splits (may be NULL), their sum into @sum. */
static gboolean
split_granted (GArray          *granted,
               gint32           eu_share_bp,
               HsInstrument     instrument,
               GArray          *splits,
               HsSupportSplit  *sum,
               GError         **error)
{
  sum->eu = 0;
  sum->state = 0;
  if (splits != NULL)
    g_array_set_size (splits, 0);
  for (guint i = 0; i < granted->len; i++)
    {
      HsSupportSplit part;

      if (!hs_support_split (g_array_index (granted, gint64, i),
                             hs_instrument_is_erdf (instrument) ? eu_share_bp : 0, &part, error))
        return FALSE;
      sum->eu += part.eu;       /* bounded: each at most what was applied for */
      sum->state += part.state;
      if (splits != NULL)
        g_array_append_val (splits, part);
    }
  return TRUE;
}

/* ---- the IATI writer ---------------------------------------------------- */

typedef struct
{
  xmlTextWriterPtr  w;
  gboolean          failed;         /* a write failed */
  char             *scratch;
  GHashTable       *agreements;     /* id → HsAgreement* */
  GHashTable       *focus_areas;    /* id → HsFocusArea* */
  GHashTable       *calls;          /* id → HsCall* */
  GHashTable       *identifiers;    /* iati-identifier → project code */
  GPtrArray        *problems;       /* "CODE: problem" */
  GDate             today;
  HsRepository     *repository;     /* for the decisions */
} Writer;

static void
start (Writer     *w,
       const char *name)
{
  if (xmlTextWriterStartElement (w->w, (const xmlChar *) name) < 0)
    w->failed = TRUE;
}

static void
end (Writer *w)
{
  if (xmlTextWriterEndElement (w->w) < 0)
    w->failed = TRUE;
}

static void
attr (Writer     *w,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;
  value = hs_exchange_clean_text (value, &w->scratch);
  if (xmlTextWriterWriteAttribute (w->w, (const xmlChar *) name, (const xmlChar *) value) < 0)
    w->failed = TRUE;
}

static void
attr_int (Writer     *w,
          const char *name,
          gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  attr (w, name, buffer);
}

static void
attr_cents (Writer     *w,
            const char *name,
            gint64      cents)
{
  char buffer[32];

  format_cents (cents, buffer);
  attr (w, name, buffer);
}

static void
attr_date (Writer      *w,
           const char  *name,
           const GDate *date)
{
  g_autofree char *iso = hs_exchange_iso_date (date);

  attr (w, name, iso);
}

static void
text (Writer     *w,
      const char *value)
{
  value = hs_exchange_clean_text (value, &w->scratch);
  if (xmlTextWriterWriteString (w->w, (const xmlChar *) value) < 0)
    w->failed = TRUE;
}

static void
text_element (Writer     *w,
              const char *name,
              const char *value)
{
  start (w, name);
  text (w, value);
  end (w);
}

static void
narrative (Writer     *w,
           const char *lang,
           const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  start (w, "narrative");
  attr (w, "xml:lang", lang);
  text (w, value);
  end (w);
}

static void
date_element (Writer      *w,
              const char  *name,
              const GDate *date)
{
  start (w, name);
  attr_date (w, "iso-date", date);
  end (w);
}

static void
party_narratives (Writer      *w,
                  const Party *party)
{
  if (party->name != NULL)
    narrative (w, NULL, party->name);   /* the activity's language */
  else
    for (guint l = 0; l < G_N_ELEMENTS (party_langs); l++)
      narrative (w, party_langs[l], party->names[l]);
}

/* ---- checks (docs/xml.md §1.6) ------------------------------------------ */

static void
problem (Writer     *w,
         HsProject  *project,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Writer     *w,
         HsProject  *project,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (w->problems, g_strdup_printf ("%s: %s", project->code, message));
}

/* An organisation's Y-tunnus: none is fine (a foreign organisation gets no
 * @ref, only its name), an invalid one is a problem. */
static void
check_business_id (Writer               *w,
                   HsProject            *project,
                   const HsOrganisation *org)
{
  g_autoptr(GError) error = NULL;

  if (org == NULL || org->name == NULL || *org->name == '\0')
    {
      problem (w, project, _("an implementer has no name, which IATI needs when an organisation "
                             "has no identifier"));
      return;
    }
  if (org->business_id == NULL || *org->business_id == '\0')
    return;
  if (!hs_ytunnus_validate (org->business_id, &error))
    problem (w, project,
             /* Translators: a Y-tunnus, an organisation's name, and why it is invalid */
             _("the Y-tunnus “%s” of “%s” is not valid (%s), so it cannot be published as "
               "an organisation identifier"), org->business_id, org->name, error->message);
}

static gboolean
check_project (Writer    *w,
               HsProject *project,
               Plan      *plan)
{
  guint before = w->problems->len;
  g_autoptr(GError) error = NULL;
  const HsImplementer *main_impl = NULL;
  guint n_main = 0;

  memset (plan, 0, sizeof *plan);
  plan->project = project;
  plan->implementers = g_ptr_array_new ();

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      if (impl->is_main)
        {
          if (main_impl == NULL)
            main_impl = impl;
          n_main++;
        }
    }
  if (main_impl != NULL)
    g_ptr_array_add (plan->implementers, (gpointer) main_impl);
  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      if (impl != main_impl)
        g_ptr_array_add (plan->implementers, (gpointer) impl);
    }
  plan->main_impl = main_impl;

  /* identity: the main implementer reports, by its Y-tunnus */
  if (main_impl == NULL)
    problem (w, project, _("the project has no main implementer, whose Y-tunnus the IATI "
                           "identifier and the reporting organisation are built from"));
  else if (n_main > 1)
    problem (w, project, _("the project has more than one main implementer"));
  else if (main_impl->organisation == NULL || main_impl->organisation->business_id == NULL ||
           *main_impl->organisation->business_id == '\0')
    problem (w, project,
             _("the main implementer “%s” has no Y-tunnus; the reporting organisation and the "
               "IATI identifier are built from it (FI-PRO-Y-tunnus)"),
             main_impl->organisation != NULL && main_impl->organisation->name != NULL
             ? main_impl->organisation->name : "");

  for (guint i = 0; i < plan->implementers->len; i++)
    check_business_id (w, project, ((HsImplementer *) g_ptr_array_index (plan->implementers, i))->organisation);

  /* the identifier: no / & | ? (IATI Rulesets) and no white space */
  if (project->code == NULL || *project->code == '\0')
    problem (w, project, _("the project has no code"));
  else
    for (const char *p = project->code; *p != '\0'; p++)
      if (strchr ("/&|?", *p) != NULL || g_ascii_isspace (*p) || (guchar) *p < 0x20)
        {
          problem (w, project,
                   _("the project code contains “%c”, which an IATI identifier may not "
                     "contain (/ & | ? or white space)"), g_ascii_isspace (*p) || (guchar) *p < 0x20 ? ' ' : *p);
          break;
        }

  if (w->problems->len == before && main_impl != NULL)
    {
      const char *other;

      plan->reporting_ref = org_ref (main_impl->organisation);
      plan->identifier = g_strconcat (plan->reporting_ref, "-", project->code, NULL);
      other = g_hash_table_lookup (w->identifiers, plan->identifier);
      if (other != NULL)
        problem (w, project, _("the IATI identifier “%s” is already the identifier of project %s"),
                 plan->identifier, other);
      else
        g_hash_table_insert (w->identifiers, g_strdup (plan->identifier), g_strdup (project->code));
    }

  /* dates: a planned start and end, in order */
  if (!g_date_valid (&project->start_date))
    problem (w, project, _("the project has no start date (IATI needs at least a planned start)"));
  if (!g_date_valid (&project->end_date))
    problem (w, project, _("the project has no end date, which the yearly budgets are clipped to"));
  if (g_date_valid (&project->start_date) && g_date_valid (&project->end_date) &&
      g_date_compare (&project->start_date, &project->end_date) > 0)
    {
      g_autofree char *s = hs_date_to_iso (&project->start_date);
      g_autofree char *e = hs_date_to_iso (&project->end_date);
      problem (w, project, _("the project ends (%s) before it starts (%s)"), e, s);
    }

  /* money: the totals must exist, every budget year inside the schedule */
  if (!hs_project_totals (project, &plan->totals, &error))
    problem (w, project, "%s", error->message);
  g_clear_error (&error);

  /* EU and state apart: by the region's co-financing category, per
   * implementer (hs-cofinancing.h) */
  plan->instrument = hs_call_get_instrument (g_hash_table_lookup (w->calls, &project->call_id));
  plan->eu_share_bp = hs_agreement_eu_share_bp (g_hash_table_lookup (w->agreements, &project->agreement_id));
  plan->splits = g_array_sized_new (FALSE, TRUE, sizeof (HsSupportSplit), plan->implementers->len);
  for (guint i = 0; i < plan->implementers->len; i++)
    {
      HsSupportSplit part = { 0, 0 };

      if (!hs_implementer_split_support (g_ptr_array_index (plan->implementers, i), plan->eu_share_bp,
                                         plan->instrument, &part, &error))
        {
          problem (w, project, "%s", error->message);
          g_clear_error (&error);
        }
      g_array_append_val (plan->splits, part);
    }
  if (!hs_project_split_support (project, plan->eu_share_bp, plan->instrument, &plan->split, &error))
    problem (w, project, "%s", error->message);
  g_clear_error (&error);

  /* a decided project: what was granted, split the same way */
  {
    g_autoptr(GArray) granted = granted_support (w->repository, project, plan->implementers, &error);

    if (granted == NULL && error != NULL)
      problem (w, project, "%s", error->message);
    else if (granted != NULL)
      {
        gint64 applied = plan->totals.financing[HS_SOURCE_EU_STATE];

        if (!split_granted (granted, plan->eu_share_bp, plan->instrument, plan->splits, &plan->split, &error))
          problem (w, project, "%s", error->message);
        else
          {
            plan->totals.financing[HS_SOURCE_EU_STATE] = plan->split.eu + plan->split.state;
            plan->totals.total_financing -= applied - plan->totals.financing[HS_SOURCE_EU_STATE];
          }
      }
    g_clear_error (&error);
  }
  plan->years = hs_project_budget_years (project);
  if (g_date_valid (&project->start_date) && g_date_valid (&project->end_date))
    for (guint i = 0; i < plan->years->len; i++)
      {
        int year = g_array_index (plan->years, int, i);
        if (year < g_date_get_year (&project->start_date) || year > g_date_get_year (&project->end_date))
          {
            g_autofree char *s = hs_date_to_iso (&project->start_date);
            g_autofree char *e = hs_date_to_iso (&project->end_date);
            problem (w, project,
                     _("the budget has costs in %d, outside the schedule %s – %s; an IATI "
                       "budget period must lie inside the activity’s dates"), year, s, e);
          }
      }

  return w->problems->len == before;
}

/* ---- writing one activity ----------------------------------------------- */

static void
write_participating (Writer      *w,
                     const Party *party,
                     const char  *role,
                     const char  *implementer)
{
  start (w, "participating-org");
  attr (w, "ref", party->ref);
  attr (w, "type", party->type);
  attr (w, "role", role);
  attr (w, NS_PREFIX ":implementer", implementer);
  party_narratives (w, party);
  end (w);
}

static void
write_org (Writer      *w,
           const char  *element,
           const Party *party)
{
  start (w, element);
  attr (w, "ref", party->ref);
  attr (w, "type", party->type);
  party_narratives (w, party);
  end (w);
}

/* The amount of @source that @part of it is for implementer @i: EU and
 * state support in its EU part and its state part, the other sources whole
 * (as PART_STATE, their only part). */
static gint64
part_amount (const Plan        *plan,
             guint              i,
             HsFinancingSource  source,
             SupportPart        part)
{
  const HsImplementer *impl = g_ptr_array_index (plan->implementers, i);
  const HsSupportSplit *split = &g_array_index (plan->splits, HsSupportSplit, i);

  if (source == HS_SOURCE_EU_STATE)
    return part == PART_EU ? split->eu : split->state;
  return part == PART_EU ? 0 : hs_implementer_get_financing (impl, source);
}

static void
write_funders (Writer *w,
               Plan   *plan)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint s = 0; s < HS_N_SOURCES; s++)
    for (SupportPart part = PART_EU; part <= PART_STATE; part++)
      for (guint i = 0; i < plan->implementers->len; i++)
        {
          const HsImplementer *impl = g_ptr_array_index (plan->implementers, i);
          Party party;
          char *key;

          if (part_amount (plan, i, s, part) == 0)
            continue;
          provider_of (impl, plan->main_impl, s, part, plan->instrument, &party);
          key = party_key (&party);
          if (g_hash_table_add (seen, key))
            write_participating (w, &party, "1", NULL);
          party_clear (&party);
        }
}

/* Actual dates only when they have happened (IATI Rulesets: actual dates
 * not in the future). */
static void
actual_dates (Writer    *w,
              HsProject *project,
              GDate     *actual_start,
              GDate     *actual_end)
{
  g_date_clear (actual_start, 1);
  g_date_clear (actual_end, 1);

  if (project->status != HS_STATUS_ONGOING && project->status != HS_STATUS_CLOSED)
    return;
  *actual_start = project->start_date;
  for (guint i = 0; i < project->history->len; i++)
    {
      const HsStatusChange *change = &g_array_index (project->history, HsStatusChange, i);
      if (change->status == HS_STATUS_ONGOING && g_date_valid (&change->date))
        *actual_start = change->date;
    }
  if (g_date_compare (actual_start, &w->today) > 0)
    {
      g_date_clear (actual_start, 1);
      return;
    }
  if (project->status == HS_STATUS_CLOSED && g_date_compare (&project->end_date, &w->today) <= 0 &&
      g_date_compare (actual_start, &project->end_date) <= 0)
    *actual_end = project->end_date;
}

static void
write_activity (Writer *w,
                Plan   *plan)
{
  HsProject *project = plan->project;
  const HsAgreement *agreement = g_hash_table_lookup (w->agreements, &project->agreement_id);
  const HsFocusArea *focus_area = g_hash_table_lookup (w->focus_areas, &project->focus_area_id);
  Party reporter;
  GDate actual_start, actual_end;
  const char *description;

  start (w, "iati-activity");
  attr (w, "xml:lang", "fi");
  attr (w, "default-currency", "EUR");

  /* 1 iati-identifier, 2 reporting-org */
  text_element (w, "iati-identifier", plan->identifier);
  party_of_implementer (plan->main_impl, &reporter);
  start (w, "reporting-org");
  attr (w, "ref", reporter.ref);
  attr (w, "type", reporter.type);
  party_narratives (w, &reporter);
  end (w);
  party_clear (&reporter);

  /* 3 title: fi, sv, en as far as the project has them */
  start (w, "title");
  if ((project->name_fi == NULL || *project->name_fi == '\0') &&
      (project->name_sv == NULL || *project->name_sv == '\0') &&
      (project->name_en == NULL || *project->name_en == '\0'))
    narrative (w, "fi", project->code);
  narrative (w, "fi", project->name_fi);
  narrative (w, "sv", project->name_sv);
  narrative (w, "en", project->name_en);
  end (w);

  /* 4 description: the summary, else the name */
  description = project->summary != NULL && *project->summary != '\0' ? project->summary
                                                                      : hs_project_display_name (project);
  start (w, "description");
  attr (w, "type", "1");
  narrative (w, "fi", description);
  end (w);

  /* 5 participating-org: funders, accountable, extending, implementing */
  write_funders (w, plan);
  write_participating (w, hs_instrument_is_erdf (plan->instrument) ? &managing_authority_party
                                                                   : &ministry_party, "2", NULL);
  if (agreement != NULL && agreement->intermediary != NULL && *agreement->intermediary != '\0')
    {
      Party council = { NULL, org_type_code (HS_ORG_REGIONAL_COUNCIL), agreement->intermediary, { NULL }, NULL };
      write_participating (w, &council, "3", NULL);
    }
  for (guint i = 0; i < plan->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (plan->implementers, i);
      Party party;

      party_of_implementer (impl, &party);
      write_participating (w, &party, "4", impl->is_main ? "main" : "partial");
      party_clear (&party);
    }

  /* 6 other-identifier: our code, as the reporting organisation's own */
  start (w, "other-identifier");
  attr (w, "ref", project->code);
  attr (w, "type", "A1");
  end (w);

  /* 7 activity-status, 8 activity-date */
  start (w, "activity-status");
  attr (w, "code", activity_status_code (project->status));
  end (w);
  actual_dates (w, project, &actual_start, &actual_end);
  start (w, "activity-date");
  attr (w, "type", "1");
  attr_date (w, "iso-date", &project->start_date);
  end (w);
  if (g_date_valid (&actual_start))
    {
      start (w, "activity-date");
      attr (w, "type", "2");
      attr_date (w, "iso-date", &actual_start);
      end (w);
    }
  start (w, "activity-date");
  attr (w, "type", "3");
  attr_date (w, "iso-date", &project->end_date);
  end (w);
  if (g_date_valid (&actual_end))
    {
      start (w, "activity-date");
      attr (w, "type", "4");
      attr_date (w, "iso-date", &actual_end);
      end (w);
    }

  /* 11 recipient-country */
  start (w, "recipient-country");
  attr (w, "code", "FI");
  attr (w, "percentage", "100");
  end (w);

  /* 15 tag: the focus area, in our own vocabulary */
  if (focus_area != NULL && focus_area->name != NULL && *focus_area->name != '\0')
    {
      start (w, "tag");
      attr (w, "vocabulary", "99");
      attr (w, "vocabulary-uri", FOCUS_AREA_VOCABULARY_URI);
      attr (w, "code", focus_area->name);
      narrative (w, "fi", focus_area->name);
      end (w);
    }

  /* 15 tag: the EU programme, for ERDF money only; national money has none */
  if (hs_instrument_is_erdf (plan->instrument))
    {
      start (w, "tag");
      attr (w, "vocabulary", "99");
      attr (w, "vocabulary-uri", PROGRAMME_VOCABULARY_URI);
      attr (w, "code", PROGRAMME_NAME);
      narrative (w, "fi", PROGRAMME_NAME);
      narrative (w, "sv", "Ett förnyande och kompetent Finland 2021–2027");
      narrative (w, "en", "Innovation and Skills in Finland 2021–2027");
      end (w);
    }

  /* 21 default-finance-type: standard grant */
  start (w, "default-finance-type");
  attr (w, "code", "110");
  end (w);

  /* 24 budget: one per calendar year, clipped to the schedule */
  for (guint i = 0; i < plan->years->len; i++)
    {
      int year = g_array_index (plan->years, int, i);
      gint64 sum = 0;
      GDate from, to;

      for (guint k = 0; k < plan->implementers->len; k++)
        {
          const HsImplementer *impl = g_ptr_array_index (plan->implementers, k);
          for (guint j = 0; j < impl->budget->len; j++)
            {
              const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);
              if (line->year == year)
                sum += line->amount;   /* bounded: the totals did not overflow */
            }
        }
      set_ymd (&from, 1, 1, year);
      set_ymd (&to, 31, 12, year);
      if (g_date_compare (&from, &project->start_date) < 0)
        from = project->start_date;
      if (g_date_compare (&to, &project->end_date) > 0)
        to = project->end_date;

      start (w, "budget");
      attr (w, "type", "1");
      attr (w, "status", budget_status_code (project->status));
      date_element (w, "period-start", &from);
      date_element (w, "period-end", &to);
      start (w, "value");
      attr_date (w, "value-date", &from);
      {
        char buffer[32];
        format_cents (sum, buffer);
        text (w, buffer);
      }
      end (w);
      end (w);
    }

  /* 25 planned-disbursement: per implementer and source, over the schedule */
  for (guint i = 0; i < plan->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (plan->implementers, i);
      Party receiver;

      party_of_implementer (impl, &receiver);
      for (guint s = 0; s < HS_N_SOURCES; s++)
        for (SupportPart part = PART_EU; part <= PART_STATE; part++)
        {
          gint64 amount = part_amount (plan, i, s, part);
          Party provider;
          char buffer[32];

          if (amount == 0)
            continue;
          provider_of (impl, plan->main_impl, s, part, plan->instrument, &provider);
          start (w, "planned-disbursement");
          attr (w, "type", "1");
          attr (w, NS_PREFIX ":source", hs_source_to_id (s));
          if (s == HS_SOURCE_EU_STATE)
            attr (w, NS_PREFIX ":part", part == PART_EU ? "eu" : "state");
          date_element (w, "period-start", &project->start_date);
          date_element (w, "period-end", &project->end_date);
          start (w, "value");
          attr_date (w, "value-date", &project->start_date);
          format_cents (amount, buffer);
          text (w, buffer);
          end (w);
          write_org (w, "provider-org", &provider);
          write_org (w, "receiver-org", &receiver);
          end (w);
          party_clear (&provider);
        }
      party_clear (&receiver);
    }

  /* 35 our own namespace: cost categories and financing shares */
  start (w, NS_PREFIX ":cost-plan");
  attr (w, "cost-model", hs_cost_model_to_id (project->cost_model));
  attr_int (w, "total-cents", plan->totals.total_costs);
  attr_cents (w, "total", plan->totals.total_costs);
  for (guint i = 0; i < plan->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (plan->implementers, i);
      const HsOrganisation *org = impl->organisation;

      start (w, NS_PREFIX ":implementer");
      attr (w, "role", impl->is_main ? "main" : "partial");
      attr (w, "name", org != NULL ? org->name : NULL);
      if (org != NULL && org->business_id != NULL && *org->business_id != '\0')
        attr (w, "business-id", org->business_id);
      for (guint y = 0; y < plan->years->len; y++)
        for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
          for (guint j = 0; j < impl->budget->len; j++)
            {
              const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);

              if (line->year != g_array_index (plan->years, int, y) || line->category != c)
                continue;
              start (w, NS_PREFIX ":cost");
              attr_int (w, "year", line->year);
              attr (w, "category", hs_cost_category_to_id (line->category));
              attr_int (w, "cents", line->amount);
              attr_cents (w, "amount", line->amount);
              if (line->derived)
                attr (w, "derived", "true");
              end (w);
            }
      end (w);
    }
  end (w);

  start (w, NS_PREFIX ":financing-plan");
  attr (w, "instrument", hs_instrument_to_id (plan->instrument));
  attr_int (w, "total-cents", plan->totals.total_financing);
  attr_cents (w, "total", plan->totals.total_financing);
  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      gint64 amount = plan->totals.financing[s];
      gint32 share = hs_rate_of (amount, plan->totals.total_costs);
      char buffer[32];

      if (amount == 0)
        continue;
      start (w, NS_PREFIX ":financing");
      attr (w, "source", hs_source_to_id (s));
      attr_int (w, "cents", amount);
      attr_cents (w, "amount", amount);
      /* the share of the total costs, as the funding rules state them */
      attr_int (w, "share-bp", share);
      format_bp (share, buffer);
      attr (w, "share", buffer);
      if (s == HS_SOURCE_EU_STATE)
        {
          /* its EU part and its state part, and the EU part's share of the
           * total costs (the list of operations' co-financing rate) */
          gint32 eu_share = hs_rate_of (plan->split.eu, plan->totals.total_costs);

          attr_int (w, "eu-share-of-public-bp", hs_instrument_is_erdf (plan->instrument) ? plan->eu_share_bp : 0);
          attr_int (w, "eu-cents", plan->split.eu);
          attr_cents (w, "eu-amount", plan->split.eu);
          attr_int (w, "eu-share-bp", eu_share);
          format_bp (eu_share, buffer);
          attr (w, "eu-share", buffer);
          attr_int (w, "state-cents", plan->split.state);
          attr_cents (w, "state-amount", plan->split.state);
        }
      end (w);
    }
  end (w);

  end (w);   /* iati-activity */
}

static gboolean
iati_project (HsProject *project,
              gpointer   user_data)
{
  Writer *w = user_data;
  Plan plan;

  if (check_project (w, project, &plan) && w->problems->len == 0 && !w->failed)
    write_activity (w, &plan);
  plan_clear (&plan);
  /* once writing failed there is nothing left to check for */
  return !w->failed;
}

static void
set_problems_error (GError    **error,
                    GPtrArray  *problems)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_projects;

  /* "CODE: …": count the projects */
  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = g_ptr_array_index (problems, i);
      const char *colon = strstr (line, ": ");
      g_hash_table_add (codes, g_strndup (line, colon != NULL ? (gsize) (colon - line) : strlen (line)));
    }
  n_projects = g_hash_table_size (codes);

  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Nothing was exported: %u project cannot be published as an IATI 2.03 activity:",
                                       "Nothing was exported: %u projects cannot be published as IATI 2.03 activities:",
                                       n_projects), n_projects);
  for (guint i = 0; i < problems->len && i < MAX_LISTED_PROBLEMS; i++)
    g_string_append_printf (message, "\n  %s", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > MAX_LISTED_PROBLEMS)
    {
      guint more = problems->len - MAX_LISTED_PROBLEMS;
      g_string_append (message, "\n  ");
      g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                                    "… and %u more problems", more), more);
    }
  g_set_error_literal (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES, message->str);
}

gboolean
hs_iati_write (HsExportJob    *job,
               HsAtomicOutput *output,
               GError        **error)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *generated = NULL;
  Writer w = { 0 };
  gboolean ok;

  agreements = hs_repository_list_agreements (job->repository, error);
  if (agreements == NULL)
    return FALSE;
  focus_areas = hs_repository_list_focus_areas (job->repository, 0, error);
  if (focus_areas == NULL)
    return FALSE;
  calls = hs_repository_list_calls (job->repository, 0, error);
  if (calls == NULL)
    return FALSE;

  w.w = hs_exchange_new_writer (output);
  if (w.w == NULL)
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO, _("Could not start writing XML"));
      return FALSE;
    }
  w.agreements = hs_reference_index_by_id (agreements);
  w.focus_areas = hs_reference_index_by_id (focus_areas);
  w.calls = hs_reference_index_by_id (calls);
  w.identifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.problems = g_ptr_array_new_with_free_func (g_free);
  w.repository = job->repository;

  now = g_date_time_new_from_unix_utc (export_time ());
  generated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  set_ymd (&w.today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
           g_date_time_get_year (now));

  xmlTextWriterSetIndent (w.w, 1);
  xmlTextWriterSetIndentString (w.w, (const xmlChar *) "  ");
  if (xmlTextWriterStartDocument (w.w, "1.0", "UTF-8", NULL) < 0)
    w.failed = TRUE;
  start (&w, "iati-activities");
  attr (&w, "version", IATI_VERSION);
  attr (&w, "generated-datetime", generated);
  attr (&w, "xmlns:" NS_PREFIX, HS_IATI_EXTENSION_NAMESPACE);

  ok = !w.failed && hs_export_job_foreach (job, iati_project, &w, error);

  if (xmlTextWriterEndDocument (w.w) < 0)
    w.failed = TRUE;
  xmlFreeTextWriter (w.w);

  if (ok && w.problems->len > 0)
    {
      ok = FALSE;
      set_problems_error (error, w.problems);
    }
  else if (w.failed && (error == NULL || *error == NULL))
    {
      ok = FALSE;
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                   _("Writing the XML failed (is the disk full?)"));
    }
  else if (w.failed)
    ok = FALSE;

  g_hash_table_unref (w.agreements);
  g_hash_table_unref (w.focus_areas);
  g_hash_table_unref (w.calls);
  g_hash_table_unref (w.identifiers);
  g_ptr_array_unref (w.problems);
  g_free (w.scratch);
  return ok;
}

/* ---- the list of operations (CPR 2021/1060 Art. 49(3)) ------------------ */

/* The columns, in order, under the Kohesio names (docs/xml.md §2.2);
 * docs/exchange.md §7.2 says what each holds. */
static const char * const csv_columns[] = {
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

typedef struct
{
  HsExportJob *job;
  FILE        *file;
  char        *scratch;
  GString     *row;
  GHashTable  *agreements;
  GHashTable  *calls;          /* id → HsCall* */
  GPtrArray   *problems;
} CsvWriter;

/* RFC 4180: a field with a comma, a quote, CR or LF is quoted, quotes
 * doubled; so is one with a semicolon, for spreadsheets that split there. */
static void
csv_field (CsvWriter  *c,
           const char *value,
           gboolean    first)
{
  if (!first)
    g_string_append_c (c->row, ',');
  if (value == NULL)
    return;
  value = hs_exchange_clean_text (value, &c->scratch);
  if (strpbrk (value, ",;\"\r\n") == NULL)
    {
      g_string_append (c->row, value);
      return;
    }
  g_string_append_c (c->row, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (c->row, '"');
      g_string_append_c (c->row, *p);
    }
  g_string_append_c (c->row, '"');
}

/* dd/MM/yyyy, as the Kohesio validator checks it */
static char *
csv_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

static gboolean
csv_project (HsProject *project,
             gpointer   user_data)
{
  CsvWriter *c = user_data;
  const HsAgreement *agreement = g_hash_table_lookup (c->agreements, &project->agreement_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;
  const HsImplementer *main_impl = hs_project_get_main (project);
  const char *name = project->name_fi;
  HsInstrument instrument = hs_call_get_instrument (g_hash_table_lookup (c->calls, &project->call_id));
  HsTotals totals;
  HsSupportSplit split;
  char total[32], eu[32], rate[32];

  /* The list of operations is the ERDF programme's: a project funded by
   * national money (AKKE, other) is not one of its operations. */
  if (!hs_instrument_is_erdf (instrument))
    {
      c->job->n_projects--;
      return TRUE;
    }
  if (!hs_project_totals (project, &totals, &error) ||
      !hs_project_split_support (project, hs_agreement_eu_share_bp (agreement), instrument, &split, &error))
    {
      g_ptr_array_add (c->problems, g_strdup_printf ("%s: %s", project->code, error->message));
      return TRUE;
    }
  /* a decided project: the EU part of what was granted */
  {
    g_autoptr(GPtrArray) implementers = g_ptr_array_copy (project->implementers, NULL, NULL);
    g_autoptr(GArray) granted = NULL;

    g_ptr_array_set_free_func (implementers, NULL);
    granted = granted_support (c->job->repository, project, implementers, &error);
    if ((granted == NULL && error != NULL) ||
        (granted != NULL && !split_granted (granted, hs_agreement_eu_share_bp (agreement), instrument,
                                            NULL, &split, &error)))
      {
        g_ptr_array_add (c->problems, g_strdup_printf ("%s: %s", project->code, error->message));
        return TRUE;
      }
  }
  if (c->problems->len > 0)
    return TRUE;

  if (name == NULL || *name == '\0')
    name = hs_project_display_name (project);
  start_date = csv_date (&project->start_date);
  end_date = csv_date (&project->end_date);
  format_cents (totals.total_costs, total);
  /* Art. 49(3)(k) the Union co-financing rate: the EU part of the support
   * (by the region's co-financing category) of the total costs */
  format_cents (split.eu, eu);
  format_bp (hs_rate_of (split.eu, totals.total_costs), rate);

  /* the beneficiaries: the main implementer first, "; " between */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < project->implementers->len; i++)
      {
        const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
        const HsOrganisation *org = impl->organisation;

        if ((pass == 0) != (impl == main_impl))
          continue;
        if (names->len > 0)
          {
            g_string_append (names, "; ");
            g_string_append (ids, "; ");
          }
        g_string_append (names, org != NULL && org->name != NULL ? org->name : "");
        g_string_append (ids, org != NULL && org->business_id != NULL ? org->business_id : "");
      }

  g_string_truncate (c->row, 0);
  csv_field (c, project->code, TRUE);
  csv_field (c, name, FALSE);
  csv_field (c, project->name_en, FALSE);
  csv_field (c, project->summary, FALSE);
  csv_field (c, start_date, FALSE);
  csv_field (c, end_date, FALSE);
  csv_field (c, total, FALSE);
  csv_field (c, "EUR", FALSE);
  csv_field (c, rate, FALSE);
  csv_field (c, eu, FALSE);
  csv_field (c, "ERDF", FALSE);
  csv_field (c, "European Regional Development Fund", FALSE);
  /* the programme follows the instrument, not the cost model: an EAKR
   * call's project is an operation of 2021–2027 even when it uses a
   * 2014–2020 flat rate (docs/design.md, "EU and state") */
  csv_field (c, "Uudistuva ja osaava Suomi 2021–2027", FALSE);
  csv_field (c, "2021-2027", FALSE);
  csv_field (c, "Työ- ja elinkeinoministeriö", FALSE);
  csv_field (c, "FI", FALSE);
  csv_field (c, agreement != NULL ? agreement->programme_area : NULL, FALSE);
  csv_field (c, ids->str, FALSE);
  csv_field (c, names->str, FALSE);
  g_string_append (c->row, "\r\n");

  if (fwrite (c->row->str, 1, c->row->len, c->file) != c->row->len)
    return FALSE;
  return TRUE;
}

gboolean
hs_operations_csv_write (HsExportJob    *job,
                         HsAtomicOutput *output,
                         GError        **error)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  CsvWriter c = { 0 };
  gboolean ok;

  agreements = hs_repository_list_agreements (job->repository, error);
  if (agreements == NULL)
    return FALSE;
  calls = hs_repository_list_calls (job->repository, 0, error);
  if (calls == NULL)
    return FALSE;

  c.file = hs_atomic_output_file (output);
  c.row = g_string_new (NULL);
  c.job = job;
  c.agreements = hs_reference_index_by_id (agreements);
  c.calls = hs_reference_index_by_id (calls);
  c.problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    csv_field (&c, csv_columns[i], i == 0);
  g_string_append (c.row, "\r\n");
  fwrite (c.row->str, 1, c.row->len, c.file);

  ok = hs_export_job_foreach (job, csv_project, &c, error);
  if (ok && c.problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (_("Nothing was exported:"));
      for (guint i = 0; i < c.problems->len && i < MAX_LISTED_PROBLEMS; i++)
        g_string_append_printf (message, "\n  %s", (const char *) g_ptr_array_index (c.problems, i));
      g_set_error_literal (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES, message->str);
      ok = FALSE;
    }
  if (ok && ferror (c.file))
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                   _("Writing the CSV failed (is the disk full?)"));
      ok = FALSE;
    }

  g_string_free (c.row, TRUE);
  g_hash_table_unref (c.agreements);
  g_hash_table_unref (c.calls);
  g_ptr_array_unref (c.problems);
  g_free (c.scratch);
  return ok;
}

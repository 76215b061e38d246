/* hs-reference.h — programme, agreements, focus areas, themes and calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reference data a project points to. Plain structs with a free function
 * each (and g_autoptr support); the store fills them, core rules read them.
 */
#pragma once

#include <glib.h>
#include "hs-enums.h"
#include "hs-lang.h"
#include "hs-project.h"

G_BEGIN_DECLS

/* Uudistuva ja osaava Suomi 2021–2027: costs are eligible 1.1.2021–31.12.2029. */
#define HS_PROGRAMME_START_YEAR 2021
#define HS_PROGRAMME_END_YEAR   2029
/* Defaults when a project has no call (docs/domain.md §2). The programme
 * sets no city share for a project: a call may (min_city_bp, max_city_bp). */
#define HS_DEFAULT_MAX_SUPPORT_BP 6000
#define HS_DEFAULT_MIN_CITY_BP    0
/* What an ecosystem agreement keeps over its projects (domain.md §2, the
 * 60/40 ratio and the city's share; hs-portfolio-rules.h). */
#define HS_AGREEMENT_MAX_SUPPORT_BP 6000
#define HS_AGREEMENT_MIN_CITY_BP    2500

typedef struct
{
  gint64    id;
  char     *region_name;        /* "Pääkaupunkiseutu (PKS)" */
  char    **cities;             /* NULL-terminated */
  char     *intermediary;       /* "Uudenmaan liitto" */
  gboolean  intermediary_confirmed;
  GDate     signed_date;
  char     *programme_area;     /* "Etelä-Suomi" */
  gboolean  more_developed;     /* Helsinki-Uusimaa: EU share 40 % of public */
  gint64    indicative_per_year; /* cents of EAKR (+state) a year; 0 when unknown */
  GDate     end_date;           /* the agreement ends (31.12.2027); cleared when unknown */
  gint32    eu_share_bp;        /* its co-financing category's EU share of public funding;
                                 * 0: by more_developed (hs_agreement_eu_share_bp) */
  gboolean  indicative_erdf_only; /* indicative_per_year is EAKR money alone, not EAKR + state */
} HsAgreement;

typedef struct
{
  gint64  id;
  gint64  agreement_id;
  char   *name;
  int     first_year;           /* 0 = the whole agreement period */
  int     last_year;
} HsFocusArea;

/* A call for applications (hakuilmoitus). Every limit is 0 when the call
 * sets none, except max_support_bp, which the programme always sets. */
typedef struct
{
  gint64        id;
  gint64        agreement_id;
  char         *name;                /* in Finnish; files and the command line refer to it */
  char         *name_sv;             /* NULL when the call has none */
  char         *name_en;             /* NULL when the call has none */
  char         *intermediary;        /* the intermediary body; NULL: the agreement's */
  HsInstrument  instrument;
  GDate         open_date;           /* cleared when not known */
  GDate         close_date;
  gint32        max_support_bp;      /* EU + state at most, of total costs */
  gint64        max_support;         /* cents of EU + state a project may get at most */
  gint32        min_city_bp;         /* city financing at least, of total costs */
  gint32        max_city_bp;         /* city financing at most */
  gint32        min_own_bp;          /* own financing at least */
  guint         max_duration_months;
  guint         max_projects;        /* projects the call funds at most */
  guint         allowed_cost_models; /* bit (1 << HsCostModel) */
  gint64        money_available;     /* cents of EU + state support */
  gint64        city_money_available;/* cents of the cities' money */
  char         *description;         /* free text, NULL when none */
} HsCall;

void hs_agreement_free  (HsAgreement *agreement);
void hs_focus_area_free (HsFocusArea *focus_area);
void hs_call_free       (HsCall *call);

/* id → struct for a list of reference structs (agreements, focus areas,
 * calls, organisations: each starts with its gint64 id). The table borrows
 * both keys and values from the array, which must outlive it. */
GHashTable *hs_reference_index_by_id (GPtrArray *items);

/* The genitive of an agreement city's name ("Porin" for "Pori"), NULL for
 * a name that is not one of the agreements' cities. */
const char     *hs_reference_city_genitive      (const char *city);
/* The agreement city's own organisation: "Porin kaupunki" of type city (or
 * "Sotkamon kunta", a municipality), its home municipality the city, and
 * its Y-tunnus where the reference data knows it (NULL otherwise: the user
 * types it). id 0. NULL for a name that is not an agreement city. */
HsOrganisation *hs_reference_city_organisation  (const char *city);
/* The organisations of the agreement's own cities, in its order, of
 * HsOrganisation* (free function set); empty for an agreement without. */
GPtrArray      *hs_agreement_city_organisations (const HsAgreement *agreement);

/* A call with the programme defaults (60 % support, flat-40, no city share). */
HsCall *hs_call_new_default (void);
HsCall *hs_call_copy        (const HsCall *call);
/* Whether two calls say the same in every field, the id included. */
gboolean hs_call_equal      (const HsCall *a,
                             const HsCall *b);

/* Whether @call is its agreement's default call: the one the store seeds
 * for every agreement, named "REGION — default call" (seed.sql). */
gboolean hs_call_is_agreement_default (const HsCall *call);
/* The call's name for people: its name in @lang where it has one (the
 * Finnish name otherwise), except for an agreement's default call, whose
 * name is built in @lang ("Pori — oletushaku" in Finnish, "Pori —
 * standardutlysning" in Swedish). The stored name stays as it is: files
 * and the command line refer to calls by it. */
char    *hs_call_dup_display_name     (const HsCall *call,
                                       HsLang        lang);
/* The call's limits in words, in @lang (not the catalogue's: the caller
 * formats its numbers in the same language), the limits it does not set
 * left out: "EU- ja valtion rahoitus enintään 60,0 %, enintään
 * 1 200 000,00 €; kuntarahoitus enintään 25,0 %; omarahoitus vähintään
 * 15,0 %; enintään 24 kuukautta; haettavissa 21.8.–29.9.2023". An empty
 * string for a call that sets none. */
char    *hs_call_dup_limits_text      (const HsCall *call,
                                       HsLang        lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsAgreement, hs_agreement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsFocusArea, hs_focus_area_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsCall, hs_call_free)

G_END_DECLS

/* hs-project.h — a project, its implementers and their budgets and financing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project has exactly one main implementer and any number of partial
 * implementers; each implementer has its own budget (category × year) and
 * financing plan (source → amount, or source × year → amount). The project's figures are the sums of
 * its implementers'. Derived budget lines (the flat rate) are computed per
 * implementer and per year by hs_implementer_update_derived() and stored
 * like the others, so every total is a sum of stored cents.
 */
#pragma once

#include <glib.h>
#include "hs-enums.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;               /* 0 until stored */
  char      *name;
  char      *business_id;      /* canonical Y-tunnus; NULL for a foreign organisation */
  HsOrgType  type;
  char      *municipality;     /* home municipality; may be NULL */
  gboolean   foreign;
} HsOrganisation;

typedef struct
{
  HsCostCategory category;
  int            year;
  gint64         amount;       /* cents, >= 0 */
  gboolean       derived;      /* computed from other lines; never typed */
} HsBudgetLine;

/* A financing line is for one source and either one calendar year (the
 * yearly plan: a city's yearly appropriation) or, with year 0, the whole
 * project (undivided). A source's amount is the sum of its lines. */
typedef struct
{
  HsFinancingSource source;
  gint64            amount;    /* cents, >= 0 */
  int               year;      /* a calendar year, or 0: not split by year */
} HsFinancingLine;

typedef struct
{
  char   *code;                /* "RCO01", "RCR02" */
  gint64  target;              /* in the indicator's own unit */
} HsIndicator;

typedef struct
{
  HsStatus status;
  GDate    date;
} HsStatusChange;

typedef struct
{
  gint64          id;          /* 0 until stored */
  HsOrganisation *organisation;
  gboolean        is_main;
  GArray         *budget;      /* of HsBudgetLine */
  GArray         *financing;   /* of HsFinancingLine, sorted by (source, year), at most
                                * one per (source, year) */
} HsImplementer;

/* The parts of a project that a change is told apart by (the implementers
 * with their budgets and financing count as one). */
typedef enum
{
  HS_PROJECT_FIELD_CODE,
  HS_PROJECT_FIELD_NAME_FI,
  HS_PROJECT_FIELD_NAME_SV,
  HS_PROJECT_FIELD_NAME_EN,
  HS_PROJECT_FIELD_ACRONYM,
  HS_PROJECT_FIELD_AGREEMENT,
  HS_PROJECT_FIELD_FOCUS_AREA,
  HS_PROJECT_FIELD_CALL,
  HS_PROJECT_FIELD_STATUS,
  HS_PROJECT_FIELD_START,
  HS_PROJECT_FIELD_END,
  HS_PROJECT_FIELD_SUMMARY,
  HS_PROJECT_FIELD_COST_MODEL,
  HS_PROJECT_FIELD_EXAMPLE,
  HS_PROJECT_FIELD_IMPLEMENTERS,
  HS_PROJECT_FIELD_INDICATORS,
  HS_PROJECT_FIELD_HISTORY,
  HS_N_PROJECT_FIELDS
} HsProjectField;

typedef struct
{
  gint64      id;              /* 0 until stored */
  char       *code;            /* unique; "PKS-2023-001" */
  char       *name_fi;
  char       *name_sv;
  char       *name_en;
  char       *acronym;
  gint64      agreement_id;
  gint64      focus_area_id;
  gint64      call_id;         /* 0: no call */
  HsStatus    status;
  GDate       start_date;
  GDate       end_date;
  char       *summary;
  HsCostModel cost_model;
  gboolean    example;         /* example data (init --demo) */
  GPtrArray  *implementers;    /* of HsImplementer*, owned */
  GArray     *indicators;      /* of HsIndicator */
  GArray     *history;         /* of HsStatusChange, oldest first */
  gint64      version;         /* the stored version this copy is based on (the store sets
                                * it on load and save); 0: not known, the save does not check.
                                * Not part of hs_project_equal () nor of the snapshots. */
} HsProject;

/* Sums in cents. costs[] by category, financing[] by source. */
typedef struct
{
  gint64 costs[HS_N_COST_CATEGORIES];
  gint64 total_costs;
  gint64 financing[HS_N_SOURCES];
  gint64 total_financing;
} HsTotals;

HsOrganisation *hs_organisation_new   (const char *name, const char *business_id, HsOrgType type);
HsOrganisation *hs_organisation_copy  (const HsOrganisation *org);
void            hs_organisation_free  (HsOrganisation *org);

HsImplementer  *hs_implementer_new    (HsOrganisation *org /* transfer full */, gboolean is_main);
HsImplementer  *hs_implementer_copy   (const HsImplementer *impl);
void            hs_implementer_free   (HsImplementer *impl);
/* Sets (adds, replaces, or with 0 removes) the typed line for category × year. */
void            hs_implementer_set_cost      (HsImplementer *impl, HsCostCategory category, int year, gint64 amount);
gint64          hs_implementer_get_cost      (const HsImplementer *impl, HsCostCategory category, int year);
/* The whole source as one undivided line (year 0): replaces every line of
 * the source (with 0 removes them all). */
void            hs_implementer_set_financing (HsImplementer *impl, HsFinancingSource source, gint64 amount);
/* The sum of the source's lines (undivided and per year). */
gint64          hs_implementer_get_financing (const HsImplementer *impl, HsFinancingSource source);
/* Sets (adds, replaces, or with 0 removes) the one line for source × year;
 * year 0 is the undivided line. The source's other lines stay. */
void            hs_implementer_set_financing_year (HsImplementer *impl, HsFinancingSource source,
                                                   int year, gint64 amount);
/* The amount of exactly the line for source × year (0 when there is none);
 * year 0: the undivided line. */
gint64          hs_implementer_get_financing_year (const HsImplementer *impl, HsFinancingSource source,
                                                   int year);
/* Whether the source has a line for some calendar year. */
gboolean        hs_implementer_financing_is_split (const HsImplementer *impl, HsFinancingSource source);
/* Recompute the derived lines for the cost model: per year, flat-rate costs
 * = rate × the year's base (staff costs; all typed direct costs under
 * indirect-7), rounded half away from zero. */
gboolean        hs_implementer_update_derived (HsImplementer *impl, HsCostModel model, GError **error);
gboolean        hs_implementer_totals        (const HsImplementer *impl, HsTotals *out, GError **error);
/* Whether @a and @b are the same implementer in two versions of a project:
 * the same stored id, or, when one of them is not stored yet, the same
 * organisation (its stored id, else its business ID, else its name). */
gboolean        hs_implementer_same          (const HsImplementer *a, const HsImplementer *b);

HsProject      *hs_project_new        (const char *code);
HsProject      *hs_project_copy       (const HsProject *project);
void            hs_project_free       (HsProject *project);
HsImplementer  *hs_project_get_main   (const HsProject *project);  /* first main, or NULL */
/* The implementer whose organisation has the stored id, or NULL. */
HsImplementer  *hs_project_find_implementer (const HsProject *project, gint64 organisation_id);
/* Calls hs_implementer_update_derived() for every implementer. */
gboolean        hs_project_update_derived (HsProject *project, GError **error);
/* Sum of the implementers' totals; FALSE with HS_CORE_ERROR_OVERFLOW. */
gboolean        hs_project_totals     (const HsProject *project, HsTotals *out, GError **error);
/* The years the project's budget uses, ascending. */
GArray         *hs_project_budget_years (const HsProject *project);
/* A display name: the Finnish name, else Swedish, else English, else the code. */
const char     *hs_project_display_name (const HsProject *project);

/* A lossless snapshot for the action log and for comparisons:
 * hs_project_from_variant (hs_project_to_variant (p)) equals p.
 * The variant is a tuple of type hs_project_variant_type () whose first
 * field is the format version (a uint32, now 2: financing lines carry their
 * year); to_variant returns a full, non-floating reference. from_variant
 * also reads version 1 (financing lines without a year, read as
 * undivided), the type of hs_project_variant_type_1 (), as old action logs
 * hold it, and refuses any other type or version,
 * unknown ids and impossible dates with HS_CORE_ERROR_PARSE. */
const GVariantType *hs_project_variant_type (void);
const GVariantType *hs_project_variant_type_1 (void);
GVariant       *hs_project_to_variant   (const HsProject *project);
HsProject      *hs_project_from_variant (GVariant *variant, GError **error);
gboolean        hs_project_equal        (const HsProject *a, const HsProject *b);
/* The fields (HsProjectField) in which @a and @b differ, in field order. */
GArray         *hs_project_changed_fields (const HsProject *a, const HsProject *b);
/* @theirs with my changes on top: every field in which @mine differs from
 * @base (the copy both started from) takes @mine's value, every other
 * field keeps @theirs'. @both (may be NULL) gets the fields that both
 * changed, differently: there mine wins. The result is based on @theirs'
 * version. */
HsProject      *hs_project_rebase       (const HsProject *base,
                                         const HsProject *mine,
                                         const HsProject *theirs,
                                         GArray          *both);
/* What saving @after over @before does, for the undo history and its
 * toasts, translated: "Edit project PKS-001: name", "Edit project PKS-001:
 * budget of Espoon kaupunki", "Change the status of project PKS-001 to
 * Submitted", "Add implementer Aalto-yliopisto to project PKS-001" … when
 * one kind of thing changed (the three names count as one, so do the two
 * dates, a status and the history entry it adds, an agreement and the
 * focus area and call that follow it, a cost model and the flat-rate lines
 * it recomputes); "Edit project PKS-001" otherwise. @before NULL: "Add
 * project PKS-001". Implementers are matched by id, else by organisation
 * (business ID, else name). The code named is @after's. */
char           *hs_project_describe_change (const HsProject *before,
                                            const HsProject *after);
/* The name of an ERDF common indicator (Regulation 2021/1058 Annex I,
 * docs/domain.md §4), translated: "Jobs created in supported entities" for
 * "RCR01"; NULL for a code that is not one of them. */
const char     *hs_indicator_name       (const char *code);
/* The known indicators, in order: for choosing one. */
guint           hs_indicator_count      (void);
const char     *hs_indicator_code       (guint index);
/* "Acronym", "Name in Finnish" …, translated. */
const char     *hs_project_field_label  (HsProjectField   field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsOrganisation, hs_organisation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsImplementer, hs_implementer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsProject, hs_project_free)

G_END_DECLS

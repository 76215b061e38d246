/* hs-summary.h — portfolio aggregates: what the list, the charts and `summary` show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "hs-enums.h"
#include "hs-project.h"

G_BEGIN_DECLS

typedef enum
{
  HS_BY_AGREEMENT,   /* "agreement"  */
  HS_BY_FOCUS_AREA,  /* "focus-area" */
  HS_BY_CITY,        /* "city": the implementer organisation's home municipality */
  HS_BY_YEAR,        /* "year": budget year */
  HS_BY_STATUS,      /* "status" */
  HS_BY_SOURCE,      /* "source": one row per financing source */
  HS_N_DIMENSIONS
} HsDimension;

const char *hs_dimension_to_id   (HsDimension by);
int         hs_dimension_from_id (const char *id);

/* One group of a summary. For HS_BY_YEAR only costs are meaningful (financing
 * is not per year); for HS_BY_SOURCE only total_financing. */
typedef struct
{
  char     *key;                      /* stable: agreement id, "2024", "eu-state" */
  char     *label;                    /* for people */
  guint     projects;                 /* distinct projects in the group */
  gint64    total_costs;
  gint64    financing[HS_N_SOURCES];
  gint64    total_financing;
  gint64    eu;                       /* the EU part of financing[HS_SOURCE_EU_STATE]
                                       * (hs-cofinancing.h), the state part the rest;
                                       * filled only on demand (the store's
                                       * hs_sqlite_repository_add_eu_parts), else 0 */
} HsSummaryRow;

void hs_summary_row_clear (HsSummaryRow *row);   /* for GArray clear func */

/* One row of the project list: everything it shows without another query. */
typedef struct
{
  gint64    id;
  char     *code;
  char     *name;                    /* display name */
  char     *main_implementer;        /* organisation name, NULL if none */
  guint     partial_implementers;
  char     *partners;                /* the partial implementers' names and business
                                      * IDs, one a line; NULL if none (for search) */
  gint64    agreement_id;
  gint64    focus_area_id;
  char     *focus_area;
  HsStatus  status;
  GDate     start_date;
  GDate     end_date;
  gint64    total_costs;
  gint64    eu_state;
  gint32    support_bp;              /* eu_state / total_costs */
  gint64    eu;                      /* the EU part of eu_state, the state part the rest;
                                      * on demand, like HsSummaryRow.eu */
  HsInstrument instrument;           /* its call's; EAKR without a call (on demand) */
  guint     errors;                  /* findings with severity error */
  guint     warnings;
  gint64    call_id;                 /* 0: no call */
} HsProjectSummary;

void hs_project_summary_clear (HsProjectSummary *summary);

G_END_DECLS

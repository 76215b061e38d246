/* hs-chart-data.h — the aggregated data a chart draws, and its text forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structs: the data-gathering functions (hs-chart-source.h) fill
 * them from a repository, tests fill them by hand. A chart never sees a
 * database. Every chart has a text alternative (hs_chart_describe) and a
 * table form (hs_chart_table) for "show as table" and the report.
 */
#pragma once

#include <glib.h>
#include "core/hs-enums.h"
#include "core/hs-lang.h"

G_BEGIN_DECLS

typedef enum
{
  HS_CHART_FINANCING,        /* "financing": stacked bars by source per focus area */
  HS_CHART_BUDGET_BY_YEAR,   /* "budget-by-year": costs per year, allocation line */
  HS_CHART_TIMELINE,         /* "timeline": a bar per project, coloured by status */
  HS_CHART_STATUS,           /* "status": projects and money by status */
  HS_CHART_IMPLEMENTERS,     /* "implementers": main and partial shares */
  HS_N_CHART_KINDS
} HsChartKind;

const char *hs_chart_kind_to_id   (HsChartKind kind);
int         hs_chart_kind_from_id (const char *id);   /* -1 when unknown */
const char *hs_chart_kind_label   (HsChartKind kind); /* translated title */

/* What the EU and state support figures of a chart are: what the
 * applications ask for (every project, as today), what the steering groups
 * proposed (only the proposed projects, what they ask for), or what the
 * decisions in force granted (only the granted projects). The financing
 * and budget-by-year charts have a basis (hs_chart_kind_has_basis). */
typedef enum
{
  HS_CHART_BASIS_APPLIED,    /* "applied" */
  HS_CHART_BASIS_PROPOSED,   /* "proposed" */
  HS_CHART_BASIS_GRANTED,    /* "granted" */
  HS_N_CHART_BASES
} HsChartBasis;

const char *hs_chart_basis_to_id    (HsChartBasis basis);
int         hs_chart_basis_from_id  (const char *id);   /* -1 when unknown */
const char *hs_chart_basis_label    (HsChartBasis basis); /* translated: "Applied for", "Proposed", "Granted" */
gboolean    hs_chart_kind_has_basis (HsChartKind kind);

#define HS_CHART_MAX_SERIES 6

typedef struct
{
  char     *label;
  gint64    values[HS_CHART_MAX_SERIES];  /* cents, one per series */
  gint64    total;                        /* the sum of values */
  guint     projects;
  guint     members;          /* categories merged into this one ("Other (n)"); 1 normally */
  int       status;           /* HsStatus for the status chart, else -1 */
  gboolean  has_reference;    /* budget by year: an allocation for this year */
  gint64    reference;        /* cents */
  char     *key;              /* what the category stands for, for filtering: a focus
                               * area id, a year, a status id, a project id, an
                               * organisation name; NULL for merged ones and by hand */
} HsChartCategory;

typedef struct
{
  char     *code;
  char     *name;
  HsStatus  status;
  GDate     start;
  GDate     end;
  gint64    id;               /* the project's id; 0 when made by hand */
} HsChartTask;

typedef struct
{
  HsChartKind  kind;
  HsLang       lang;
  HsChartBasis basis;           /* what its EU and state support is (applied: as ever) */
  char        *title;           /* "Financing by focus area" */
  char        *scope;           /* "Whole portfolio", "Tampere", "Tampere — Akkukemia" */
  char        *category_title;  /* the heading of the category column: "Focus area" */
  guint        n_series;
  char        *series[HS_CHART_MAX_SERIES];
  guint        series_colour[HS_CHART_MAX_SERIES];   /* HsPaletteColour */
  GArray      *categories;      /* of HsChartCategory, in drawing order */
  char        *reference_label; /* budget by year: the line's legend, NULL: no line */
  char        *reference_note;  /* budget by year without a line: why ("No indicative
                                 * annual allocation is known for Pori."); NULL */
  GArray      *tasks;           /* timeline: of HsChartTask, in drawing order */
  GDate        today;           /* timeline marker; invalid: none */
  guint        first_task;      /* timeline: the first row shown (scrolling) */
  guint        n_current;       /* timeline: the first n_current tasks are running or
                                 * upcoming (hs_chart_data_sort_tasks) */
  gboolean     tasks_by_today;  /* timeline: ordered by hs_chart_data_sort_tasks */
} HsChartData;

/* Kind-specific defaults: title, category heading, series and colours. */
HsChartData *hs_chart_data_new           (HsChartKind   kind,
                                          HsLang        lang);
void         hs_chart_data_free          (HsChartData  *data);
/* Appends a category; values has n_series entries (may be NULL: zeros).
 * The total is their checked sum; FALSE (nothing added) on overflow. */
HsChartCategory *hs_chart_data_add_category (HsChartData  *data,
                                          const char   *label,
                                          const gint64 *values,
                                          guint         projects);
void         hs_chart_data_add_task      (HsChartData  *data,
                                          const char   *code,
                                          const char   *name,
                                          HsStatus      status,
                                          const GDate  *start,
                                          const GDate  *end);
/* Orders categories by total, largest first (ties by label). */
void         hs_chart_data_sort_by_total (HsChartData  *data);
/* Orders the timeline's tasks by what matters on data->today: first the
 * running ones (ending soonest first), then the upcoming ones (starting
 * soonest first), then those that have ended or were closed, rejected or
 * withdrawn (the latest to end first), then those without dates. Sets
 * n_current. Without a valid today: by start date. */
void         hs_chart_data_sort_tasks    (HsChartData  *data);
/* Sums of all categories, checked: FALSE on overflow. */
gboolean     hs_chart_data_totals        (const HsChartData *data,
                                          gint64       *series_totals /* n_series */,
                                          gint64       *grand_total,
                                          guint        *projects);

/* The palette colour of a status. */
guint        hs_chart_status_colour      (HsStatus      status);

/* ---- text forms ---------------------------------------------------------- */

typedef struct
{
  guint       n_columns;
  char      **headers;          /* n_columns */
  gboolean   *numeric;          /* n_columns: right-aligned */
  GPtrArray  *rows;             /* of char** (n_columns, NULL-terminated) */
  int         total_row;        /* index of the totals row, -1: none */
} HsChartTable;

HsChartTable *hs_chart_table             (const HsChartData *data);
void          hs_chart_table_free        (HsChartTable *table);
/* Tab-separated, one row a line, with the header: for the clipboard. */
char         *hs_chart_table_to_text     (const HsChartTable *table);
/* A few sentences that say what the chart shows: the accessible description. */
char         *hs_chart_describe          (const HsChartData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsChartData, hs_chart_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsChartTable, hs_chart_table_free)

G_END_DECLS

/* hs-report.h — the A4 portfolio report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cover, a summary table by focus area and source, the five charts, the
 * findings of every project (errors and warnings), then (optionally) one
 * section per project starting on a new page:
 * implementers, budget by year and category, financing plan with shares,
 * findings. Running header (scope and date) and "Page N of M" on every
 * page. Rows are measured with pango before the pages are cut, so a table
 * row is never split; a table that continues repeats its header.
 *
 * The same pages make one project's application (hs_report_data_for_project):
 * its general data and summary, implementers, budget and financing plan per
 * implementer and for the project, indicators and findings.
 */
#pragma once

#include <cairo.h>
#include "core/hs-repository.h"
#include "hs-chart-data.h"
#include "hs-chart-source.h"

G_BEGIN_DECLS

typedef struct
{
  HsChartScope scope;
  gboolean     include_projects;
  HsLang       lang;
  GDate        date;            /* printed in the header and on the cover; invalid: today */
} HsReportOptions;

/* One implementer's part of a project application. */
typedef struct
{
  char         *title;          /* "Espoon kaupunki (main implementer)" */
  HsChartTable *budget;         /* categories × years, with totals */
  HsChartTable *financing;      /* sources, with shares of its total costs */
} HsReportImplementer;

typedef struct
{
  char         *title;          /* "PKS-2023-001 — Name" */
  char        **facts;          /* "Label\tvalue" lines, NULL-terminated */
  HsChartTable *implementers;
  HsChartTable *budget;
  HsChartTable *financing;
  HsChartTable *findings;       /* NULL: no findings */
  /* in a project application only (hs_report_data_for_project) */
  char         *summary;        /* NULL: none */
  GPtrArray    *parts;          /* of HsReportImplementer*, in the project's order; NULL */
  HsChartTable *indicators;     /* NULL: none */
} HsReportProject;

/* A funding decision letter (hs_report_data_for_letter): every text is
 * already in the letter's language. */
typedef struct
{
  char         *council;        /* the council that decides, above the title */
  char         *title;          /* "Funding decision", "Decision on a change application" */
  char        **facts;          /* "Label\tvalue" lines, NULL-terminated */
  char         *decision_heading;
  char         *verdict;        /* the decision in a sentence or two */
  HsChartTable *grants;         /* per implementer: applied, granted, difference, and
                                 * the total; NULL: a rejection */
  char        **sections;       /* "Heading\ttext": the eligibility period, conditions,
                                 * the reason of a rejection; NULL-terminated */
  char         *note;           /* small print at the end */
  gboolean      granted;        /* a grant, not a rejection */
  gboolean      change;         /* decides a change application */
} HsReportLetter;

/* Plain data: what the report prints. */
typedef struct
{
  HsLang        lang;
  char         *scope;
  GDate         date;
  guint         n_projects;
  gint64        total_costs;
  gint64        eu_state;
  HsChartTable *summary;        /* by focus area and source, with a total row */
  HsChartTable *findings;       /* project, severity, finding: every project's errors
                                 * and warnings (hs_validate_project) */
  guint         n_checked;      /* projects checked */
  guint         n_with_findings;
  guint         n_errors;
  guint         n_warnings;
  HsChartTable *agreement_findings; /* agreement (or call), severity, finding: the
                                     * rules of the agreements in scope and their
                                     * calls (hs_portfolio_check); NULL in an
                                     * application */
  guint         n_agreements;   /* agreements checked */
  guint         n_agreement_errors;
  guint         n_agreement_warnings;
  HsChartData  *charts[HS_N_CHART_KINDS];
  GPtrArray    *projects;       /* of HsReportProject*; empty without project pages */
  gboolean      application;    /* one project's application, no portfolio pages */
  HsReportLetter *letter;       /* a decision letter, no portfolio pages; NULL */
} HsReportData;

void          hs_report_data_free              (HsReportData          *data);
HsReportData *hs_report_data_from_repository   (HsRepository          *repo,
                                                const HsReportOptions *options,
                                                GError               **error);
/* One project's application: its general data, implementers, the budget
 * (categories × years) and the financing plan of each implementer and of
 * the project, its indicators and its findings under the funding rules of
 * its call. No cover, summary or charts: projects->len is 1 and the
 * running header names the project. @date NULL or invalid: today.
 * HS_CHARTS_ERROR_NOT_FOUND when there is no such project. */
HsReportData *hs_report_data_for_project       (HsRepository          *repo,
                                                gint64                 project_id,
                                                HsLang                 lang,
                                                const GDate           *date,
                                                GError               **error);
/* The same, written to @path as PDF; *n_pages (may be NULL) gets the page count. */
gboolean      hs_report_write_project          (HsRepository          *repo,
                                                gint64                 project_id,
                                                const char            *path,
                                                HsLang                 lang,
                                                guint                 *n_pages,
                                                GError               **error);
/* The funding decision letter of the project @code: its latest decision
 * (a grant, a rejection, or either of a change application), by the
 * council that made it, to the main implementer and the partial ones, with
 * what each implementer applied for, was granted and the difference, the
 * eligibility period and conditions, or the reason of a rejection. Every
 * text of the letter is in @lang whatever the user's language: the
 * letter's own words come from a table of its strings in en, fi and sv in
 * the renderer, not from the message catalogue (which a process has one
 * of, and which the GUI's report threads share). The running header names
 * the council and the decision's number, the date is the decision's.
 * HS_CHARTS_ERROR_NOT_FOUND: no such project; HS_CHARTS_ERROR_NO_DECISION:
 * the project has no decision (or the repository keeps no reviews). */
HsReportData *hs_report_data_for_letter        (HsRepository          *repo,
                                                const char            *code,
                                                HsLang                 lang,
                                                GError               **error);
/* The same, written to @path as PDF. */
gboolean      hs_report_write_decision_letter  (HsRepository          *repo,
                                                const char            *code,
                                                HsLang                 lang,
                                                const char            *path,
                                                GError               **error);
/* "hankesalkku-decision-pks-2023-001.pdf" */
char         *hs_report_letter_file_name       (const char            *code);

/* The name an application is offered under: "hankesalkku-application-pks-2023-001.pdf". */
char         *hs_report_project_file_name      (const char            *code);

/* The name a saved report is offered under: "hankesalkku-report-pori-2026-12-02.pdf",
 * the scope's name as a file name (the whole portfolio: no name) and the
 * date (NULL or invalid: today, see hs_chart_document_time()). */
char         *hs_report_default_file_name      (HsRepository          *repo,
                                                const HsChartScope    *scope,
                                                const GDate           *date,
                                                GError               **error);
/* Writes the PDF; *n_pages (may be NULL) gets the page count. */
gboolean      hs_report_write_pdf              (const HsReportData    *data,
                                                const char            *path,
                                                guint                 *n_pages,
                                                GError               **error);

/* A4 portrait, in points: the size of every page. */
#define HS_REPORT_PAGE_WIDTH  595.276
#define HS_REPORT_PAGE_HEIGHT 841.89

/* The same pages one at a time, for GtkPrintOperation: hs_report_pages_new()
 * flows the report once to count the pages (begin-print), and
 * hs_report_pages_draw() paints one page (draw-page) with the code that
 * writes the PDF. A page of a project section is flowed from the start of
 * that section, not of the report. The data is borrowed: keep it alive. */
typedef struct _HsReportPages HsReportPages;

HsReportPages *hs_report_pages_new         (const HsReportData  *data);
guint          hs_report_pages_get_n_pages (const HsReportPages *pages);
/* page is 0-based; cr in points, the page's top left at its origin */
void           hs_report_pages_draw        (HsReportPages       *pages,
                                            cairo_t             *cr,
                                            guint                page);
void           hs_report_pages_free        (HsReportPages       *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsReportData, hs_report_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsReportPages, hs_report_pages_free)

G_END_DECLS

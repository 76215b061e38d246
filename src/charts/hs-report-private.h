/* hs-report-private.h — what the report's pages share with the decision letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hs-report.c flows every page (the typography, tables, running header and
 * footer); hs-report-letter.c gathers what a decision letter says, in its
 * own language, and lends the footer its words.
 */
#pragma once

#include "hs-report.h"

G_BEGIN_DECLS

/* An empty table of @n_columns (text columns; set numeric[] and headers[]). */
HsChartTable *hs_report_table_new       (guint          n_columns);
/* Appends a row of NULL cells and returns it. */
char        **hs_report_table_row       (HsChartTable  *table);
/* "PKS-2023-001" → "pks-2023-001" */
char         *hs_report_file_name_slug  (const char    *text,
                                         gsize          max_length);

/* "Sivu 1/2", "Sida 1 av 2", "Page 1 of 2": the letter's footer in its language. */
char         *hs_report_letter_footer   (HsLang         lang,
                                         guint          page,
                                         guint          n_pages);
void          hs_report_letter_free     (HsReportLetter *letter);

G_END_DECLS

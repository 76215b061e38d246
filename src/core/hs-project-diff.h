/* hs-project-diff.h — two versions of a project compared field by field and amount by amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For change applications (muutoshakemus): a decided project's approved
 * version against the change application, one line per difference, each
 * with a stable path for programs, a label and formatted values for
 * people, and the cents of both sides when it is an amount.
 *
 * The labels and words are translated in the language of the user's
 * messages (gettext, as hs_validate () does); the numbers and dates are
 * formatted in the HsLang asked.
 */
#pragma once

#include <glib.h>
#include "hs-lang.h"
#include "hs-project.h"

G_BEGIN_DECLS

typedef struct
{
  char     *field;          /* stable path: "code", "name-fi", "name-sv", "name-en", "acronym",
                             * "agreement", "focus-area", "call", "status", "start", "end",
                             * "summary", "cost-model", "implementers/KEY",
                             * "implementers/KEY/name",
                             * "implementers/KEY/budget/CATEGORY/YEAR",
                             * "implementers/KEY/financing/SOURCE[/YEAR]",
                             * "indicators/CODE", "history/N" (N from 1); KEY is the
                             * organisation's business ID, else its name */
  char     *label;          /* for people, translated: "Staff costs 2025, Oulun kaupunki" */
  char     *before;         /* formatted old value; NULL: absent (added) */
  char     *after;          /* formatted new value; NULL: removed */
  gboolean  is_amount;      /* money: a budget or financing line */
  gint64    amount_before;  /* cents, when is_amount (0 when absent) */
  gint64    amount_after;
} HsDiffLine;

void        hs_diff_line_free   (HsDiffLine *line);

/* Every difference from @from to @to, in a stable order: the project's
 * fields first (in HsProjectField order; the agreement, focus area and call
 * as their ids, the example flag left out), then per implementer, in
 * @to's order and then the removed ones in @from's (matched as
 * hs_implementer_same () does: by id, else by organisation, business ID,
 * else name): the implementer itself when added, removed or its role
 * changed ("main implementer" / "partial implementer"), its name when it
 * changed, its budget lines by category then year (typed and derived
 * lines of a category and year as one amount) and its financing lines by
 * source then year (the undivided line first); an added or removed
 * implementer's amounts are listed too. Then the indicators by code
 * (targets as counts). An amount is a difference when its cents differ
 * (a line of 0 counts as absent). The status and the status history are
 * left out unless @with_status. GPtrArray of HsDiffLine*, owning them,
 * never NULL; empty when nothing differs. */
GPtrArray  *hs_project_diff     (const HsProject *from,
                                 const HsProject *to,
                                 gboolean         with_status,
                                 HsLang           lang);

/* One line of text: "Staff costs 2025, Oulun kaupunki: 10 000,00 € →
 * 12 000,00 € (+2 000,00 €)", "Acronym: ABC → ABD", "Uusi Oy: partial
 * implementer (added)", "City financing, Oulun kaupunki: 3 000,00 €
 * (removed)". @lang formats the difference of an amount. */
char       *hs_diff_line_format (const HsDiffLine *line,
                                 HsLang            lang);

/* The sums of both versions, in cents, for a headline. */
typedef struct
{
  gint64 costs_before;      /* total costs */
  gint64 costs_after;
  gint64 support_before;    /* EU and state support (HS_SOURCE_EU_STATE) */
  gint64 support_after;
} HsDiffTotals;

/* FALSE with HS_CORE_ERROR_OVERFLOW when a version's amounts are too
 * large to add up (as hs_project_totals ()). */
gboolean    hs_project_diff_totals (const HsProject *from,
                                    const HsProject *to,
                                    HsDiffTotals    *out,
                                    GError         **error);

/* The headline, two lines joined by "\n": "Total costs: 100 000,00 € →
 * 90 000,00 € (−10 000,00 €)" and "EU and state support: …"; a sum that
 * did not change is "Total costs: 100 000,00 € (unchanged)". */
char       *hs_diff_totals_format (const HsDiffTotals *totals,
                                   HsLang              lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsDiffLine, hs_diff_line_free)

G_END_DECLS

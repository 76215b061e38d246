/* hs-validate.h — the funding rules as a pure function from a project to findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "hs-enums.h"
#include "hs-project.h"
#include "hs-reference.h"
#include "hs-lang.h"

G_BEGIN_DECLS

typedef struct
{
  char       *code;      /* stable rule id, e.g. "support-rate-over-limit" */
  char       *field;     /* what it concerns: "implementers/1/financing/eu-state",
                          * "schedule/end", "focus-area", ... */
  HsSeverity  severity;
  char       *message;   /* translated, names the numbers */
} HsFinding;

typedef struct
{
  const HsCall      *call;        /* NULL: programme defaults apply */
  const HsFocusArea *focus_area;  /* the project's focus area, NULL if unknown */
  HsLang             lang;        /* for the numbers in the messages */
  /* the name of a focus area the project names that its agreement does
   * not list (a file's reference lists the agreement's focus areas);
   * NULL when there is none */
  const char        *unlisted_focus_area;
  /* the project's ecosystem agreement, NULL if unknown: its end date
   * (31.12.2027) is checked against the project's */
  const HsAgreement *agreement;
} HsValidationContext;

void       hs_finding_free        (HsFinding *finding);
/* Findings in rule order (GPtrArray of HsFinding*, owns them). Never NULL.
 * A NULL context means no call, no focus area, no agreement and English
 * numbers. Without a call the programme defaults apply (hs_call_new_default
 * (): 60 % support, flat-40 only, no city share, length or own-financing
 * rule). The city's 25 % and the 60/40 ratio over a whole agreement are
 * the agreement's rules (hs-portfolio-rules.h), not a project's.
 *
 * The codes, in rule order (severity error unless marked):
 *   main-implementer-missing, main-implementer-multiple   "implementers", "implementers/N/main"
 *   financing-mismatch                                     "implementers/N/financing"
 *   support-rate-over-limit                                "financing/eu-state"
 *   implementer-support-rate-over-limit (a warning)        "implementers/N/financing/eu-state"
 *   support-over-call-maximum (the call's most support
 *   in euros, when it sets one)                            "financing/eu-state"
 *   city-share-under-minimum (only when the call sets a
 *   minimum), city-share-over-maximum (when it sets one)   "financing/city"
 *   own-share-under-minimum                                "financing/own"
 *   schedule-missing, schedule-reversed, schedule-too-long,
 *   schedule-outside-programme (start or end outside
 *   1.1.2021–31.12.2029), schedule-after-agreement (a
 *   warning: the end after the agreement's end)            "schedule/start", "schedule/end"
 *   submitted-outside-call (the first submission before
 *   the call opened or after it closed)                    "status/history/N"
 *   budget-year-outside-schedule                           "implementers/N/budget/YEAR"
 *   focus-area-missing, focus-area-mismatch (a warning when
 *   only the focus area's years differ; an error for one the
 *   agreement does not list)                               "focus-area"
 *   business-id-invalid                                    "implementers/N/organisation/business-id"
 *   negative-amount                                        "implementers/N/budget/YEAR/CATEGORY",
 *                                                          "implementers/N/financing/SOURCE"
 *   status-transition-invalid (a warning for dates that go
 *   backwards)                                             "status", "status/history/N"
 *   cost-category-not-allowed                              "implementers/N/budget/YEAR/CATEGORY"
 *   cost-model-not-allowed                                 "cost-model"
 *   flat-rate-recomputed (a warning: a derived line that
 *   is not what the cost model derives)                    "implementers/N/budget/YEAR/flat-rate"
 *   totals-overflow, no-costs (a warning)                  "budget"
 *   call-agreement-mismatch (not for a call with
 *   agreement_id 0, which fits every agreement)            "call"
 *   indicator-unknown, indicator-duplicate                 "indicators/N"
 *   indicator-target-negative                              "indicators/N/target"
 */
GPtrArray *hs_validate_project    (const HsProject *project, const HsValidationContext *context);
/* A project as a file gives it: the flat-rate lines that differ from what
 * its cost model derives (flat-rate-recomputed warnings, with both
 * amounts), then its derived lines recomputed in place, as import stores
 * them, and the findings of hs_validate_project on that. */
GPtrArray *hs_validate_file_project (HsProject *project, const HsValidationContext *context);
/* Number of findings with severity error. */
guint      hs_findings_count_errors (GPtrArray *findings);
/* TRUE for a finding the database cannot hold as it is (a negative
 * amount, a negative indicator target): import refuses such a project
 * whatever it is told to do with errors. */
gboolean   hs_finding_blocks_storing (const HsFinding *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsFinding, hs_finding_free)

G_END_DECLS

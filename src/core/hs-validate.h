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
} HsValidationContext;

void       hs_finding_free        (HsFinding *finding);
/* Findings in rule order (GPtrArray of HsFinding*, owns them). Never NULL. */
GPtrArray *hs_validate_project    (const HsProject *project, const HsValidationContext *context);
/* Number of findings with severity error. */
guint      hs_findings_count_errors (GPtrArray *findings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsFinding, hs_finding_free)

G_END_DECLS

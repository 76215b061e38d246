/* hs-agreement-findings-bar.h — "Agreement findings (2)" above the project list, and the list of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hs-agreement-findings.h"

G_BEGIN_DECLS

#define HS_TYPE_AGREEMENT_FINDINGS_BAR (hs_agreement_findings_bar_get_type ())
G_DECLARE_FINAL_TYPE (HsAgreementFindingsBar, hs_agreement_findings_bar, HS, AGREEMENT_FINDINGS_BAR, GtkWidget)

/* Follows @findings' "updated". */
void hs_agreement_findings_bar_set_findings  (HsAgreementFindingsBar *self,
                                              HsAgreementFindings    *findings);
/* The agreement selected (0: none, and the bar is hidden); the bar shows
 * only when it has findings. */
void hs_agreement_findings_bar_set_agreement (HsAgreementFindingsBar *self,
                                              gint64                  agreement_id);

G_END_DECLS

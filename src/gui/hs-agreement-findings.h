/* hs-agreement-findings.h — the agreements' findings, kept up to date off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_AGREEMENT_FINDINGS (hs_agreement_findings_get_type ())
G_DECLARE_FINAL_TYPE (HsAgreementFindings, hs_agreement_findings, HS, AGREEMENT_FINDINGS, GObject)

/* Starts computing at once, and again after every "changed" of
 * @repository; emits "updated" each time a run's findings are in. */
HsAgreementFindings *hs_agreement_findings_new (HsRepository *repository);
/* The findings of agreement @agreement_id (hs_portfolio_check: its own
 * rules and its calls'), a GPtrArray of HsFinding* owned by @self, or NULL
 * when it has none (or none are known yet). Valid until the next "updated". */
GPtrArray *hs_agreement_findings_get     (HsAgreementFindings *self,
                                          gint64               agreement_id);
/* TRUE when a run is under way or one is due. */
gboolean   hs_agreement_findings_is_busy (HsAgreementFindings *self);

G_END_DECLS

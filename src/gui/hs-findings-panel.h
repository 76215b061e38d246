/* hs-findings-panel.h — the editor's findings: what breaks the rules, and where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HS_TYPE_FINDINGS_PANEL (hs_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (HsFindingsPanel, hs_findings_panel, HS, FINDINGS_PANEL, GtkWidget)

/* @findings: GPtrArray of HsFinding*, copied */
void hs_findings_panel_set_findings (HsFindingsPanel *self,
                                     GPtrArray       *findings);

G_END_DECLS

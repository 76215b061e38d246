/* hs-project-editor-private.h — what only the tests (and benchmarks) reach of hs-project-editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-findings-panel.h"
#include "hs-project-editor.h"

G_BEGIN_DECLS

HsBudgetGrid     *_hs_project_editor_get_budget_grid     (HsProjectEditor *self,
                                                         guint            implementer);
HsBudgetGrid     *_hs_project_editor_get_budget_total    (HsProjectEditor *self);
GtkWidget        *_hs_project_editor_get_field      (HsProjectEditor *self,
                                                    const char      *path);
HsFinancingGroup *_hs_project_editor_get_financing_group (HsProjectEditor *self,
                                                         guint            implementer);
GPtrArray        *_hs_project_editor_get_findings   (HsProjectEditor *self);
HsFindingsPanel  *_hs_project_editor_get_findings_panel (HsProjectEditor *self);
const char       *_hs_project_editor_get_page       (HsProjectEditor *self);
HsOrganisationPicker *_hs_project_editor_get_picker (HsProjectEditor *self);
const HsProject  *_hs_project_editor_get_project    (HsProjectEditor *self);

G_END_DECLS

/* hs-findings-panel-private.h — what only the tests reach of hs-findings-panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-findings-panel.h"

G_BEGIN_DECLS

GtkListBox *_hs_findings_panel_get_list  (HsFindingsPanel *self);
GListModel *_hs_findings_panel_get_model (HsFindingsPanel *self);

G_END_DECLS

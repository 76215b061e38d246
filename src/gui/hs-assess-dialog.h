/* hs-assess-dialog.h — one reviewer's assessment of an application against its call's criteria
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_ASSESS_DIALOG (hs_assess_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsAssessDialog, hs_assess_dialog, HS, ASSESS_DIALOG, AdwWindow)

/* The form of @project_id's assessment: the reviewer (the user's real name
 * first), every criterion of its call (general ones met or not met, the
 * others scored on their scale, each implementer's part where a criterion
 * asks for it), a justification per score and a free comment. Save (Ctrl+S)
 * writes the changed scores and the comment as one undoable action and
 * emits "saved" (string: what a toast says) before it closes; what the
 * core refuses is shown beside its field and nothing is saved. Esc
 * cancels. NULL with @error when the project or its review cannot be read. */
HsAssessDialog *hs_assess_dialog_new (GtkWindow     *parent,
                                      HsRepository  *repository,
                                      gint64         project_id,
                                      GError       **error);

G_END_DECLS

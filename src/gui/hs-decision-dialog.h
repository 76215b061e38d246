/* hs-decision-dialog.h — a funding decision, a rejection or a change application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

typedef enum
{
  HS_DECISION_DIALOG_GRANT,    /* the grants, the date, number, conditions, eligibility period */
  HS_DECISION_DIALOG_REJECT,   /* the date and the reason */
  HS_DECISION_DIALOG_CHANGE,   /* opens a change application: when it starts, why */
} HsDecisionDialogMode;

#define HS_TYPE_DECISION_DIALOG (hs_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsDecisionDialog, hs_decision_dialog, HS, DECISION_DIALOG, AdwWindow)

/* The form of a decision on @project_id (or of its change application):
 * a grant in total (shared in proportion to what each implementer applied
 * for, hs_decision_set_total) or per implementer, what was applied for as
 * the default and the difference shown as it is typed. Save (Ctrl+S)
 * decides with hs_review_decide (hs_review_open_change for a change
 * application) and saves the review and the project as one undoable
 * action, emits "saved" (string: what a toast says) and closes; a refusal
 * is shown in the form and nothing is saved. NULL with @error when the
 * project cannot be read. */
HsDecisionDialog *hs_decision_dialog_new (GtkWindow            *parent,
                                          HsRepository         *repository,
                                          gint64                project_id,
                                          HsDecisionDialogMode  mode,
                                          GError              **error);

G_END_DECLS

/* hs-assess-dialog-private.h — what the tests look into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-assess-dialog.h"

G_BEGIN_DECLS

/* The score's widget of a criterion (by key) and part (organisation id,
 * 0: the whole application): a GtkSpinButton (-1 shows "—": not scored)
 * or, for general criteria, a GtkDropDown (0 not assessed, 1 met, 2 not
 * met); NULL when the form has none. */
GtkWidget *_hs_assess_dialog_get_score         (HsAssessDialog *self,
                                                const char     *key,
                                                gint64          organisation_id);
/* The justification's AdwEntryRow of the same, and its error label. */
GtkWidget *_hs_assess_dialog_get_justification (HsAssessDialog *self,
                                                const char     *key,
                                                gint64          organisation_id);
GtkWidget *_hs_assess_dialog_get_error         (HsAssessDialog *self,
                                                const char     *key,
                                                gint64          organisation_id);
/* "reviewer", "comment" (a GtkTextView), "save", "message"; NULL otherwise. */
GtkWidget *_hs_assess_dialog_get_widget        (HsAssessDialog *self,
                                                const char     *name);

G_END_DECLS

/* hs-call-dialog.h — the form of one call for applications: new or edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_CALL_DIALOG (hs_call_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsCallDialog, hs_call_dialog, HS, CALL_DIALOG, AdwWindow)

/* A modal form over @parent for @call (copied; NULL for a new call of the
 * agreement @agreement_id, 0 for the first one). Save (Ctrl+S, Enter in a
 * field) checks every field, names what is refused beside it, and saves
 * the call as one undoable action; Cancel (Esc) closes it, nothing saved.
 * Signal "saved" (gint64 id) after a save, before the form closes. */
HsCallDialog *hs_call_dialog_new (GtkWindow    *parent,
                                  HsRepository *repository,
                                  const HsCall *call,
                                  gint64        agreement_id);

G_END_DECLS

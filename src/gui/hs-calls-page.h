/* hs-calls-page.h — the calls for applications: list, search, new, edit, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_CALLS_PAGE (hs_calls_page_get_type ())
G_DECLARE_FINAL_TYPE (HsCallsPage, hs_calls_page, HS, CALLS_PAGE, GtkWidget)

/* A page showing the repository's calls of one agreement (or of all). It
 * loads when first mapped, and reloads on the repository's "changed"
 * signal (at once when shown, else when next shown).
 * Actions "calls.new", "calls.edit" (x: the call's id), "calls.delete" (x);
 * Delete deletes the selected call. A delete the store refuses (projects
 * apply to the call) says why in a message dialog.
 * Signal "toast" (string message, gboolean undoable): what the window
 * shows as a toast, with an Undo button when @undoable. */
GtkWidget  *hs_calls_page_new          (HsRepository *repository);
/* Shows the calls of @agreement_id only (0: every agreement's); a new
 * call is of that agreement. */
void        hs_calls_page_set_scope    (HsCallsPage  *self,
                                        gint64        agreement_id);
/* Opens the form of a new call. */
void        hs_calls_page_new_call     (HsCallsPage  *self);
/* Focuses the search entry (for Ctrl+F in the window). */
void        hs_calls_page_focus_search (HsCallsPage  *self);

G_END_DECLS

/* hs-project-editor.h — the window in which one project is edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"
#include "core/hs-validate.h"

#include "hs-budget-grid.h"
#include "hs-financing-group.h"
#include "hs-organisation-picker.h"

G_BEGIN_DECLS

#define HS_TYPE_PROJECT_EDITOR (hs_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (HsProjectEditor, hs_project_editor, HS, PROJECT_EDITOR, AdwWindow)

/* A window editing the project @project_id of @repository. Every committed
 * change (Enter or leaving a field, a choice in a list, a picked date, an
 * implementer added) is saved at once as one action; Ctrl+Z and
 * Ctrl+Shift+Z undo and redo them. When the project is deleted (or its
 * creation undone) the window closes itself. */
GtkWidget        *hs_project_editor_new            (HsRepository    *repository,
                                                    gint64           project_id);
/* Shows the editor over @parent (transient, destroyed with it). */
void              hs_project_editor_present        (HsProjectEditor *self,
                                                    GtkWindow       *parent);
gint64            hs_project_editor_get_project_id (HsProjectEditor *self);
/* The project as shown, as last loaded from the repository. */
/* The current findings (of HsFinding*), borrowed. */
/* The list that shows the findings; activating a row focuses its field. */
/* The widget that edits a field: the finding paths of hs-validate.h
 * ("implementers/0/financing/eu-state", "schedule/end", "focus-area" ...)
 * and "name-fi", "name-sv", "name-en", "acronym", "code", "agreement",
 * "call", "cost-model", "status", "schedule/start/button" (the calendar's
 * menu button), "schedule/start/calendar" (and the same for end),
 * "implementers/N/remove",
 * "implementers/N/make-main", "indicators/N/target", "new-indicator",
 * "new-indicator-target". NULL when the field is not shown. */
/* Shows the page of the field (or of its nearest shown parent path) and
 * gives it the keyboard focus. FALSE when nothing matches. */
gboolean          hs_project_editor_focus_field    (HsProjectEditor *self,
                                                    const char      *path);
/* The organisation picker opened by editor.add-implementer, or NULL. */
/* The visible page: "general", "implementers", "budget", "financing", "indicators". */
void              hs_project_editor_set_page       (HsProjectEditor *self,
                                                    const char      *page);

G_END_DECLS

/* hs-editor-page.h — one page of the project editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/hs-project.h"

G_BEGIN_DECLS

#define HS_TYPE_EDITOR_PAGE (hs_editor_page_get_type ())
G_DECLARE_INTERFACE (HsEditorPage, hs_editor_page, HS, EDITOR_PAGE, GtkWidget)

struct _HsEditorPageInterface
{
  GTypeInterface parent_iface;

  void       (*set_project)    (HsEditorPage    *self,
                                const HsProject *project);
  GtkWidget *(*lookup_field)   (HsEditorPage    *self,
                                const char      *path);
  gboolean   (*commit_focused) (HsEditorPage    *self,
                                GtkWidget       *focus);
};

/* What the page shows, and what its edits start from (the editor keeps
 * it; a page never keeps it past the next call). */
void       hs_editor_page_set_project    (HsEditorPage    *self,
                                          const HsProject *project);
/* The widget of a field path ("indicators/0/target"), as a finding names
 * it; NULL when the page has no such field. */
GtkWidget *hs_editor_page_lookup_field   (HsEditorPage    *self,
                                          const char      *path);
/* Commits the field being typed in, as leaving it would, when @focus is
 * one of the page's; FALSE when it is not. */
gboolean   hs_editor_page_commit_focused (HsEditorPage    *self,
                                          GtkWidget       *focus);
/* Emits "edited" with a changed copy of the project: the editor saves it
 * as one action (and says what went wrong in a toast). TRUE when it was
 * saved. */
gboolean   hs_editor_page_edited         (HsEditorPage    *self,
                                          const HsProject *edited);
/* The same, but a refusal comes back to the page in @error, to be shown
 * beside the field (a code another project has). */
gboolean   hs_editor_page_edited_or_refused (HsEditorPage    *self,
                                             const HsProject *edited,
                                             GError         **error);

/* Marks a row as wrong, with what is wrong in @label (when there is one),
 * its tooltip and its accessible state; NULL clears it. */
void       hs_editor_page_set_field_error (GtkWidget      *row,
                                           GtkLabel       *label,
                                           const char     *message);

/* Commits @widget once the focus has moved on, from an idle: what a save
 * rebuilds (findings, rows, grids) must not be taken apart while GTK still
 * walks the widgets the focus leaves and enters — that walk never ends on
 * a widget removed under it. For a field's focus "leave". */
typedef void (*HsEditorPageCommit) (HsEditorPage *self,
                                    GtkWidget    *widget);
void       hs_editor_page_commit_after_leave (HsEditorPage       *self,
                                              GtkWidget          *widget,
                                              HsEditorPageCommit  commit);

/* The group a budget or financing page shows while the project has no
 * implementer: what comes there, and a button that adds one. */
GtkWidget *hs_editor_page_new_placeholder (const char     *text);

/* An implementer's organisation's name, or "". */
const char *hs_editor_page_implementer_name (const HsImplementer *impl);
/* What an implementer's group on the budget and financing pages shows:
 * who the implementers are and which is the main one. */
char       *hs_editor_page_implementers_key (const HsProject     *project);

G_END_DECLS

/* hs-import-dialog.h — Import…: a preview to review, then all of it or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"
#include "exchange/hs-import.h"

G_BEGIN_DECLS

#define HS_TYPE_IMPORT_DIALOG (hs_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsImportDialog, hs_import_dialog, HS, IMPORT_DIALOG, AdwWindow)

typedef enum
{
  HS_IMPORT_DIALOG_LOADING,    /* the preview is being made (or applied) */
  HS_IMPORT_DIALOG_PREVIEW,    /* the preview is shown */
  HS_IMPORT_DIALOG_ERROR,      /* the file was refused; nothing changed */
  HS_IMPORT_DIALOG_DONE,       /* applied */
} HsImportDialogState;

/* What the window calls for win.import: a file chooser for .xml files,
 * then the dialog for the chosen file. */
void                 hs_import_dialog_present      (GtkWindow      *parent,
                                                    HsRepository   *repository);
/* The dialog for file, without the chooser: starts making the preview in a
 * worker thread at once. Present it yourself. */
HsImportDialog      *hs_import_dialog_new_for_file (GtkWindow      *parent,
                                                    HsRepository   *repository,
                                                    GFile          *file);

HsImportDialogState  hs_import_dialog_get_state    (HsImportDialog *self);
/* The preview shown (NULL until it is made). */
HsImportPreview     *hs_import_dialog_get_preview  (HsImportDialog *self);
/* The refusal or the failure of the last apply; NULL when there is none. */
const GError        *hs_import_dialog_get_error    (HsImportDialog *self);
/* The list row of the project with this code (an AdwExpanderRow), or NULL. */
GtkWidget           *hs_import_dialog_get_row      (HsImportDialog *self,
                                                    const char     *code);
/* As the project's Skip switch does. FALSE when there is no such project. */
gboolean             hs_import_dialog_set_skip     (HsImportDialog *self,
                                                    const char     *code,
                                                    gboolean        skip);
/* What to do with the file's organisations that differ from the stored
 * ones with their business ID (the "Organisations" row). */
void                 hs_import_dialog_set_org_policy (HsImportDialog    *self,
                                                      HsImportOrgPolicy  policy);
/* Strict: the "Import Projects With Errors" switch turned off, so that a
 * file with a project that breaks the funding rules is refused (Import is
 * then disabled, and applying fails with HS_EXCHANGE_ERROR_RULES). */
void                 hs_import_dialog_set_strict   (HsImportDialog *self,
                                                    gboolean        strict);
/* As the Import button does: applies the preview in one transaction. On
 * success the dialog closes and the parent's toast overlay says "N projects
 * imported" with Undo (win.undo). "finished" is emitted either way. */
void                 hs_import_dialog_apply        (HsImportDialog *self);
/* How many projects the last successful apply saved. */
guint                hs_import_dialog_get_n_imported (HsImportDialog *self);

G_END_DECLS

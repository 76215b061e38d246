/* hs-export-dialog.h — Export…: scope, format, file, then a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"
#include "exchange/hs-exchange.h"

G_BEGIN_DECLS

#define HS_TYPE_EXPORT_DIALOG (hs_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HsExportDialog, hs_export_dialog, HS, EXPORT_DIALOG, AdwWindow)

/* A modal dialog transient for parent. agreement_id (the sidebar's agreement)
 * and project_id (the selected project) may be 0; the most specific one is
 * preselected as the scope. */
HsExportDialog *hs_export_dialog_new     (GtkWindow      *parent,
                                          HsRepository   *repository,
                                          gint64          agreement_id,
                                          gint64          project_id);
/* What the window calls for win.export. */
void            hs_export_dialog_present (GtkWindow      *parent,
                                          HsRepository   *repository,
                                          gint64          agreement_id,
                                          gint64          project_id);

void            hs_export_dialog_set_format (HsExportDialog *self,
                                             HsExportFormat  format);
HsExportFormat  hs_export_dialog_get_format (HsExportDialog *self);
/* FALSE when that scope is not offered (no agreement or project given). */
gboolean        hs_export_dialog_set_scope  (HsExportDialog *self,
                                             HsExportScope   scope);
HsExportScope   hs_export_dialog_get_scope  (HsExportDialog *self);
/* The default file name for the current scope and format. */
char           *hs_export_dialog_get_default_name (HsExportDialog *self);

/* Writes the chosen scope and format to file in a worker thread, as the
 * "Export…" button does after the file chooser. "finished" is emitted when
 * it is done; on success the dialog closes and the parent's toast overlay
 * (if it has one) says so. */
void            hs_export_dialog_export_to_file (HsExportDialog *self,
                                                 GFile          *file);
gboolean        hs_export_dialog_is_busy        (HsExportDialog *self);
/* The error of the last export, NULL after a success. */
const GError   *hs_export_dialog_get_error      (HsExportDialog *self);

G_END_DECLS

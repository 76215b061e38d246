/* hs-report-actions.h — Export Report… and Print… for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "charts/hs-report.h"
#include "core/hs-repository.h"

G_BEGIN_DECLS

/* "Export Report…": a save dialog (hankesalkku-report-SCOPE-DATE.pdf, see
 * hs_report_default_file_name) with a choice of "Summary only" or "With a
 * page per project", then the A4 report of the scope written in a worker
 * thread; a toast tells when it is done (with Open) or what went wrong.
 * The data is gathered on the main thread, only the pages are drawn in the
 * thread. Returns the dialog, shown, which frees itself on its response. */
GtkFileChooserNative *hs_export_report    (GtkWindow           *parent,
                                           HsRepository        *repo,
                                           gint64               agreement_id,
                                           gint64               focus_area_id);

/* The same without a dialog: gathers now (main thread), writes in a
 * thread. options->lang and ->date are used as given. */
void      hs_export_report_to_file_async  (HsRepository         *repo,
                                           const HsReportOptions *options,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* *n_pages (may be NULL) gets the page count. */
gboolean  hs_export_report_to_file_finish (GAsyncResult         *result,
                                           guint                *n_pages,
                                           GError              **error);

/* "Export Application…" for one project (the editor's): a save dialog
 * (hankesalkku-application-CODE.pdf, see hs_report_project_file_name), then
 * the project's application (hs_report_data_for_project) gathered on the
 * main thread and written in a worker thread; a toast tells when it is
 * done (with Open) or a dialog what went wrong. Returns the dialog, shown,
 * which frees itself on its response; NULL (with an error dialog) when the
 * project cannot be loaded. */
GtkFileChooserNative *hs_export_project_report (GtkWindow     *parent,
                                                HsRepository  *repo,
                                                gint64         project_id);
/* The same without a dialog; end it with hs_export_report_to_file_finish(). */
void      hs_export_project_report_to_file_async (HsRepository        *repo,
                                                  gint64               project_id,
                                                  HsLang               lang,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);

/* "Decision Letter…" for a decided project: a save dialog
 * (hankesalkku-decision-CODE.pdf, see hs_report_letter_file_name), then the
 * letter of its latest decision in the user's language (hs_lang_current,
 * hs_report_data_for_letter) gathered on the main thread and written in a
 * worker thread; a toast tells when it is done (with Open) or a dialog
 * what went wrong. Returns the dialog, shown, which frees itself on its
 * response; NULL (with an error dialog) when the project cannot be loaded. */
GtkFileChooserNative *hs_export_decision_letter (GtkWindow     *parent,
                                                 HsRepository  *repo,
                                                 gint64         project_id);
/* The same without a dialog; end it with hs_export_report_to_file_finish(). */
void      hs_export_decision_letter_to_file_async (HsRepository        *repo,
                                                   const char          *code,
                                                   HsLang               lang,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);

/* "Print…": GtkPrintOperation on A4 whose pages are drawn by the report's
 * own renderer (hs_report_pages_draw); the print dialog has a "Report"
 * tab to add a page per project. */
void      hs_print_portfolio              (GtkWindow           *parent,
                                           HsRepository        *repo,
                                           gint64               agreement_id,
                                           gint64               focus_area_id);
/* The operation hs_print_portfolio() runs, to run otherwise (tests export
 * it with gtk_print_operation_set_export_filename and
 * GTK_PRINT_OPERATION_ACTION_EXPORT). The data is gathered at begin-print;
 * when that fails the operation is cancelled, and
 * hs_portfolio_print_operation_get_error() says why. */
GtkPrintOperation *hs_portfolio_print_operation_new (HsRepository *repo,
                                                     gint64        agreement_id,
                                                     gint64        focus_area_id,
                                                     gboolean      include_projects);
const GError      *hs_portfolio_print_operation_get_error (GtkPrintOperation *operation);

G_END_DECLS

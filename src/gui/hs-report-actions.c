/* hs-report-actions.c — Export Report… and Print… for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both use the report of src/charts/hs-report.c: the data is gathered from
 * the repository on the main thread (the repository is not thread-safe),
 * then the PDF is written in a GTask thread, or GtkPrintOperation draws it
 * page by page with hs_report_pages_draw().
 */
#define G_LOG_DOMAIN "hs-report-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hs-report-actions.h"
#include "hs-toast.h"

/* ---- where to tell the user ------------------------------------------------ */

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- writing the PDF in a thread ------------------------------------------- */

typedef struct
{
  HsReportData *data;
  char         *path;
  guint         n_pages;
} WriteJob;

static void
write_job_free (gpointer user_data)
{
  WriteJob *job = user_data;

  hs_report_data_free (job->data);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (hs_report_write_pdf (job->data, job->path, &job->n_pages, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hs_export_report_to_file_async (HsRepository          *repo,
                                const HsReportOptions *options,
                                GFile                 *file,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  WriteJob *job;
  gint64 start;

  g_return_if_fail (HS_IS_REPOSITORY (repo));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hs_export_report_to_file_async);
  g_task_set_name (task, "hs-export-report");

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The report can only be written to a local file"));
      return;
    }

  /* the repository is not thread-safe: gather here, draw in the thread */
  start = g_get_monotonic_time ();
  job = g_new0 (WriteJob, 1);
  job->path = g_steal_pointer (&path);
  job->data = hs_report_data_from_repository (repo, options, &error);
  g_task_set_task_data (task, job, write_job_free);
  if (job->data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_debug ("Gathered the report in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_task_run_in_thread (task, write_thread);
}

void
hs_export_project_report_to_file_async (HsRepository        *repo,
                                        gint64               project_id,
                                        HsLang               lang,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  WriteJob *job;

  g_return_if_fail (HS_IS_REPOSITORY (repo));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  /* the same tag: hs_export_report_to_file_finish() ends it */
  g_task_set_source_tag (task, hs_export_report_to_file_async);
  g_task_set_name (task, "hs-export-project-report");

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The report can only be written to a local file"));
      return;
    }
  job = g_new0 (WriteJob, 1);
  job->path = g_steal_pointer (&path);
  job->data = hs_report_data_for_project (repo, project_id, lang, NULL, &error);
  g_task_set_task_data (task, job, write_job_free);
  if (job->data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, write_thread);
}

void
hs_export_decision_letter_to_file_async (HsRepository        *repo,
                                         const char          *code,
                                         HsLang               lang,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  WriteJob *job;

  g_return_if_fail (HS_IS_REPOSITORY (repo));
  g_return_if_fail (code != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  /* the same tag: hs_export_report_to_file_finish() ends it */
  g_task_set_source_tag (task, hs_export_report_to_file_async);
  g_task_set_name (task, "hs-export-decision-letter");

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The report can only be written to a local file"));
      return;
    }
  /* gathered here (the repository is not thread-safe), drawn in the thread */
  job = g_new0 (WriteJob, 1);
  job->path = g_steal_pointer (&path);
  job->data = hs_report_data_for_letter (repo, code, lang, &error);
  g_task_set_task_data (task, job, write_job_free);
  if (job->data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, write_thread);
}

gboolean
hs_export_report_to_file_finish (GAsyncResult  *result,
                                 guint         *n_pages,
                                 GError       **error)
{
  WriteJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hs_export_report_to_file_async, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (n_pages != NULL)
    *n_pages = job != NULL ? job->n_pages : 0;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Export Report… -------------------------------------------------------- */

typedef struct
{
  GtkWindow       *parent;
  HsRepository    *repo;
  gint64           project_id;   /* > 0: that project's application */
  char            *letter_code;  /* not NULL: that project's decision letter */
  HsReportOptions  options;
  GFile           *file;
  AdwToastOverlay *overlay;
  AdwToast        *progress;
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  g_clear_object (&run->parent);
  g_clear_object (&run->repo);
  g_clear_object (&run->file);
  g_clear_object (&run->overlay);
  g_clear_object (&run->progress);
  g_free (run->letter_code);
  g_free (run);
}

static void
open_file_cb (AdwToast *toast,
              GFile    *file)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "parent");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportRun *run = user_data;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  if (run->progress != NULL)
    adw_toast_dismiss (run->progress);

  if (!hs_export_report_to_file_finish (result, &n_pages, &error))
    show_error (run->parent, run->letter_code != NULL ? _("Could Not Write the Letter")
                                                      : _("Could Not Write the Report"), error->message);
  else if (run->overlay != NULL)
    {
      g_autofree char *name = g_file_get_basename (run->file);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote “%s”, %u page",
                                                             "Wrote “%s”, %u pages", n_pages),
                                                name, n_pages);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "parent", g_object_ref (run->parent), g_object_unref);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb),
                             g_object_ref (run->file), (GClosureNotify) g_object_unref, 0);
      adw_toast_overlay_add_toast (run->overlay, toast);
    }
  export_run_free (run);
}

static gboolean
start_export_cb (gpointer user_data)
{
  ExportRun *run = user_data;

  if (run->letter_code != NULL)
    hs_export_decision_letter_to_file_async (run->repo, run->letter_code, run->options.lang, run->file,
                                             NULL, report_written_cb, run);
  else if (run->project_id > 0)
    hs_export_project_report_to_file_async (run->repo, run->project_id, run->options.lang, run->file,
                                            NULL, report_written_cb, run);
  else
    hs_export_report_to_file_async (run->repo, &run->options, run->file, NULL, report_written_cb, run);
  return G_SOURCE_REMOVE;
}

static void
report_response_cb (GtkNativeDialog *native,
                    int              response,
                    ExportRun       *run)
{
  const char *pages;

  if (response != GTK_RESPONSE_ACCEPT
      || (run->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    {
      export_run_free (run);
      gtk_native_dialog_destroy (native);
      g_object_unref (native);
      return;
    }

  if (run->project_id == 0 && run->letter_code == NULL)
    {
      pages = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "pages");
      run->options.include_projects = g_strcmp0 (pages, "projects") == 0;
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  run->overlay = hs_toast_overlay_find (GTK_WIDGET (run->parent));
  if (run->overlay != NULL)
    {
      g_object_ref (run->overlay);
      run->progress = g_object_ref (adw_toast_new (run->letter_code != NULL ? _("Writing the letter…")
                                                                            : _("Writing the report…")));
      adw_toast_set_timeout (run->progress, 0);
      adw_toast_overlay_add_toast (run->overlay, g_object_ref (run->progress));
    }
  /* let the toast show before the data is gathered */
  g_idle_add_full (G_PRIORITY_LOW, start_export_cb, run, NULL);
}

GtkFileChooserNative *
hs_export_report (GtkWindow    *parent,
                  HsRepository *repo,
                  gint64        agreement_id,
                  gint64        focus_area_id)
{
  static const char *options[] = { "summary", "projects", NULL };
  const char *labels[] = { _("Summary only"), _("With a page per project"), NULL };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  ExportRun *run;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HS_IS_REPOSITORY (repo), NULL);

  run = g_new0 (ExportRun, 1);
  run->parent = parent != NULL ? g_object_ref (parent) : NULL;
  run->repo = g_object_ref (repo);
  run->options.scope.agreement_id = agreement_id;
  run->options.scope.focus_area_id = focus_area_id;
  run->options.lang = hs_lang_current ();
  g_date_clear (&run->options.date, 1);

  native = gtk_file_chooser_native_new (_("Export Report"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* named after the scope and the day: reports of two agreements do not
   * overwrite each other */
  name = hs_report_default_file_name (repo, &run->options.scope, NULL, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name != NULL ? name : "hankesalkku-report.pdf");
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "pages", _("Contents"), options, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "pages", "summary");
  g_signal_connect (native, "response", G_CALLBACK (report_response_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  return native;
}

/* One project's PDF, its application or its decision letter (@letter):
 * the save dialog named after its code, the PDF drawn off the main thread. */
static GtkFileChooserNative *
export_one_project (GtkWindow    *parent,
                    HsRepository *repo,
                    gint64        project_id,
                    gboolean      letter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  ExportRun *run;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HS_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail (project_id > 0, NULL);

  project = hs_repository_load_project (repo, project_id, &error);
  if (project == NULL)
    {
      show_error (parent, letter ? _("Could Not Write the Letter") : _("Could Not Write the Report"),
                  error->message);
      return NULL;
    }

  run = g_new0 (ExportRun, 1);
  run->parent = parent != NULL ? g_object_ref (parent) : NULL;
  run->repo = g_object_ref (repo);
  run->project_id = project_id;
  run->letter_code = letter ? g_strdup (project->code) : NULL;
  run->options.lang = hs_lang_current ();
  g_date_clear (&run->options.date, 1);

  native = gtk_file_chooser_native_new (letter ? _("Decision Letter") : _("Export Application"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = letter ? hs_report_letter_file_name (project->code) : hs_report_project_file_name (project->code);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (report_response_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  return native;
}

GtkFileChooserNative *
hs_export_project_report (GtkWindow    *parent,
                          HsRepository *repo,
                          gint64        project_id)
{
  return export_one_project (parent, repo, project_id, FALSE);
}

GtkFileChooserNative *
hs_export_decision_letter (GtkWindow    *parent,
                           HsRepository *repo,
                           gint64        project_id)
{
  return export_one_project (parent, repo, project_id, TRUE);
}

/* ---- printing -------------------------------------------------------------- */

typedef struct
{
  HsRepository    *repo;
  HsReportOptions  options;
  HsReportData    *data;
  HsReportPages   *pages;
  GtkCheckButton  *projects_check;
  GError          *error;
} PrintJob;

static void
print_job_free (gpointer user_data)
{
  PrintJob *job = user_data;

  hs_report_pages_free (job->pages);
  hs_report_data_free (job->data);
  g_clear_object (&job->repo);
  g_clear_error (&job->error);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_pointer (&job->pages, hs_report_pages_free);
  g_clear_pointer (&job->data, hs_report_data_free);
  g_clear_error (&job->error);

  job->data = hs_report_data_from_repository (job->repo, &job->options, &job->error);
  if (job->data == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  job->pages = hs_report_pages_new (job->data);
  gtk_print_operation_set_n_pages (operation, (int) hs_report_pages_get_n_pages (job->pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale;

  if (job->pages == NULL || page_nr < 0 || (guint) page_nr >= hs_report_pages_get_n_pages (job->pages))
    return;
  /* A4 in points; another paper gets the page scaled to fit */
  scale = MIN (gtk_print_context_get_width (context) / HS_REPORT_PAGE_WIDTH,
               gtk_print_context_get_height (context) / HS_REPORT_PAGE_HEIGHT);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  hs_report_pages_draw (job->pages, cr, (guint) page_nr);
  cairo_restore (cr);
}

static GObject *
create_custom_widget_cb (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Add a _page per project"));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), job->options.include_projects);
  gtk_box_append (GTK_BOX (box), check);
  job->projects_check = GTK_CHECK_BUTTON (check);
  gtk_print_operation_set_custom_tab_label (operation, _("Report"));
  return G_OBJECT (box);
}

static void
custom_widget_apply_cb (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  if (job->projects_check != NULL)
    job->options.include_projects = gtk_check_button_get_active (job->projects_check);
}

GtkPrintOperation *
hs_portfolio_print_operation_new (HsRepository *repo,
                                  gint64        agreement_id,
                                  gint64        focus_area_id,
                                  gboolean      include_projects)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob *job;

  g_return_val_if_fail (HS_IS_REPOSITORY (repo), NULL);

  job = g_new0 (PrintJob, 1);
  job->repo = g_object_ref (repo);
  job->options.scope.agreement_id = agreement_id;
  job->options.scope.focus_area_id = focus_area_id;
  job->options.include_projects = include_projects;
  job->options.lang = hs_lang_current ();
  g_date_clear (&job->options.date, 1);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "hs-print-job", job, print_job_free);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Project portfolio report"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (custom_widget_apply_cb), job);
  return operation;
}

const GError *
hs_portfolio_print_operation_get_error (GtkPrintOperation *operation)
{
  PrintJob *job;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);

  job = g_object_get_data (G_OBJECT (operation), "hs-print-job");
  return job != NULL ? job->error : NULL;
}

static void
print_finished (GtkPrintOperation       *operation,
                GtkPrintOperationResult  result,
                GtkWindow               *parent)
{
  const GError *error = hs_portfolio_print_operation_get_error (operation);
  g_autoptr(GError) print_error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &print_error);
      error = print_error;
    }
  if (error != NULL)
    show_error (parent, _("Could Not Print the Report"), error->message);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (operation), "hs-async")))
    return;
  print_finished (operation, result, parent);
  g_object_unref (operation);
}

void
hs_print_portfolio (GtkWindow    *parent,
                    HsRepository *repo,
                    gint64        agreement_id,
                    gint64        focus_area_id)
{
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (HS_IS_REPOSITORY (repo));

  operation = hs_portfolio_print_operation_new (repo, agreement_id, focus_area_id, FALSE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), parent);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* "done" finishes it */
      g_object_set_data (G_OBJECT (operation), "hs-async", GINT_TO_POINTER (TRUE));
      return;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Could Not Print the Report"), error->message);
  else
    print_finished (operation, result, parent);
  g_object_unref (operation);
}

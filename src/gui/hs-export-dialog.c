/* hs-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export…: the scope (the selected project, the sidebar's agreement, the
 * whole portfolio: radio rows, the most specific one selected) and the format (native XML, IATI 2.03, list of
 * operations CSV), then a GtkFileChooserNative save dialog, then the export
 * in a GTask worker thread with a progress bar and Stop.
 *
 * The store is not thread-safe, so the worker opens a reader of its own
 * (hs_repository_open_reader: for SQLite a read-only connection to the same
 * file) and hs_export() streams from that. A repository without readers
 * (tests, in-memory) is exported on the main thread.
 */
#define G_LOG_DOMAIN "hs-export-dialog"

#include "config.h"

#include <glib/gi18n.h>


#include "hs-export-dialog.h"
#include "hs-toast.h"
#include "hs-progress.h"

typedef struct
{
  HsExportScope   scope;
  GtkCheckButton *check;   /* owned by its row */
} ScopeChoice;

struct _HsExportDialog
{
  AdwWindow             parent_instance;

  HsRepository         *repository;
  gint64                agreement_id;
  gint64                project_id;
  char                 *agreement_name;
  char                 *project_code;
  GArray               *scopes;          /* ScopeChoice, in the combo row's order */
  guint                 n_portfolio;
  guint                 n_agreement;

  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GError               *error;
  char                 *file_name;
  gboolean              busy;
  HsProgress           *progress;        /* while busy */
  guint                 progress_poll;
  guint64               expected;        /* projects, for the progress bar */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwPreferencesGroup  *scope_group;
  GtkCheckButton       *native_check;
  GtkCheckButton       *iati_check;
  GtkCheckButton       *csv_check;
  GtkButton            *export_button;
  GtkButton            *cancel_button;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *error_page;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (HsExportDialog, hs_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the job ------------------------------------------------------------- */

typedef struct
{
  HsRepository   *repository;
  HsExportFormat  format;
  HsExportScope   scope;
  gint64          agreement_id;
  char           *project_code;
  char           *path;
  HsProgress     *progress;
  guint           n_written;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->repository);
  g_free (job->project_code);
  g_free (job->path);
  g_clear_pointer (&job->progress, hs_progress_unref);
  g_free (job);
}

/* The main thread: shows what the worker reported last. */
static gboolean
progress_poll_cb (gpointer user_data)
{
  HsExportDialog *self = user_data;
  g_autofree char *text = NULL;
  guint64 done, total;

  if (!hs_progress_take (self->progress, &done, &total))
    return G_SOURCE_CONTINUE;
  if (total == 0)
    total = self->expected;
  if (total > 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     MIN (1.0, (double) done / (double) total));
      /* Translators: export progress, "120 of 300 projects" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu of %llu project", "%llu of %llu projects",
                                           (gulong) MIN (total, G_MAXULONG)),
                              (unsigned long long) done, (unsigned long long) total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* In the worker thread: it holds no reference to the dialog. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(HsRepository) repository = NULL;
  HsExportSelection selection = { job->scope, job->agreement_id, job->project_code };
  GError *error = NULL;

  repository = hs_repository_open_reader (job->repository, &error);
  if (repository == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!hs_export (repository, job->format, &selection, job->path,
                  hs_progress_report, job->progress, cancellable, &job->n_written, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ---- helpers --------------------------------------------------------------- */

static void
set_busy (HsExportDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  g_clear_handle_id (&self->progress_poll, g_source_remove);
  g_clear_pointer (&self->progress, hs_progress_unref);
  if (busy)
    {
      self->progress = hs_progress_new ();
      self->progress_poll = g_timeout_add (100, progress_poll_cb, self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !busy);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
      gtk_stack_set_visible_child_name (self->stack, "progress");
    }
}

static const ScopeChoice *
current_scope (HsExportDialog *self)
{
  for (guint i = 0; i < self->scopes->len; i++)
    if (gtk_check_button_get_active (g_array_index (self->scopes, ScopeChoice, i).check))
      return &g_array_index (self->scopes, ScopeChoice, i);
  return &g_array_index (self->scopes, ScopeChoice, self->scopes->len - 1);
}

/* A radio row; the first one added is the one selected. */
static void
add_scope (HsExportDialog *self,
           HsExportScope   scope,
           const char     *title,
           const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  ScopeChoice choice = { scope, GTK_CHECK_BUTTON (check) };

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->scopes->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_array_index (self->scopes, ScopeChoice, 0).check);
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->scope_group, row);
  g_array_append_val (self->scopes, choice);
}

/* "Pääkaupunkiseutu (PKS)" → "paakaupunkiseutu-pks" */
static char *
slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "export");
  return g_string_free (out, FALSE);
}

/* ---- public ---------------------------------------------------------------- */

char *
hs_export_dialog_get_default_name (HsExportDialog *self)
{
  g_autofree char *base = NULL;
  const char *prefix;
  const char *suffix;

  g_return_val_if_fail (HS_IS_EXPORT_DIALOG (self), NULL);

  switch (hs_export_dialog_get_format (self))
    {
    case HS_EXPORT_IATI:
      prefix = "hankesalkku-";
      suffix = "-iati.xml";
      break;
    case HS_EXPORT_OPERATIONS_CSV:
      prefix = "hankesalkku-";
      suffix = "-operations.csv";
      break;
    case HS_EXPORT_NATIVE:
    default:
      /* the file manager knows the native format by this ending */
      prefix = "";
      suffix = ".hankesalkku.xml";
      break;
    }
  switch (current_scope (self)->scope)
    {
    case HS_EXPORT_SCOPE_PROJECT:
      base = g_strdup (self->project_code);
      break;
    case HS_EXPORT_SCOPE_AGREEMENT:
      {
        g_autofree char *name = slug (self->agreement_name);
        base = g_strconcat (prefix, name, NULL);
      }
      break;
    case HS_EXPORT_SCOPE_PORTFOLIO:
    default:
      base = g_strconcat (prefix, "portfolio", NULL);
      break;
    }
  return g_strconcat (base, suffix, NULL);
}

void
hs_export_dialog_set_format (HsExportDialog *self,
                             HsExportFormat  format)
{
  g_return_if_fail (HS_IS_EXPORT_DIALOG (self));

  switch (format)
    {
    case HS_EXPORT_IATI:
      gtk_check_button_set_active (self->iati_check, TRUE);
      break;
    case HS_EXPORT_OPERATIONS_CSV:
      gtk_check_button_set_active (self->csv_check, TRUE);
      break;
    case HS_EXPORT_NATIVE:
    default:
      gtk_check_button_set_active (self->native_check, TRUE);
      break;
    }
}

HsExportFormat
hs_export_dialog_get_format (HsExportDialog *self)
{
  g_return_val_if_fail (HS_IS_EXPORT_DIALOG (self), HS_EXPORT_NATIVE);

  if (gtk_check_button_get_active (self->iati_check))
    return HS_EXPORT_IATI;
  if (gtk_check_button_get_active (self->csv_check))
    return HS_EXPORT_OPERATIONS_CSV;
  return HS_EXPORT_NATIVE;
}

gboolean
hs_export_dialog_set_scope (HsExportDialog *self,
                            HsExportScope   scope)
{
  g_return_val_if_fail (HS_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->scopes->len; i++)
    if (g_array_index (self->scopes, ScopeChoice, i).scope == scope)
      {
        gtk_check_button_set_active (g_array_index (self->scopes, ScopeChoice, i).check, TRUE);
        return TRUE;
      }
  return FALSE;
}

HsExportScope
hs_export_dialog_get_scope (HsExportDialog *self)
{
  g_return_val_if_fail (HS_IS_EXPORT_DIALOG (self), HS_EXPORT_SCOPE_PORTFOLIO);

  return current_scope (self)->scope;
}

gboolean
hs_export_dialog_is_busy (HsExportDialog *self)
{
  g_return_val_if_fail (HS_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

const GError *
hs_export_dialog_get_error (HsExportDialog *self)
{
  g_return_val_if_fail (HS_IS_EXPORT_DIALOG (self), NULL);

  return self->error;
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(HsExportDialog) self = g_weak_ref_get (weak);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL)   /* closed meanwhile: the worker saw the cancellable */
    return;
  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  if (self->stack == NULL)   /* disposed meanwhile */
    return;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_stack_set_visible_child_name (self->stack, "form");
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Export stopped; no file was written")));
        }
      else
        {
          gtk_label_set_text (self->error_label, error->message);
          adw_status_page_set_description (self->error_page,
                                           _("The file was not written. Any file that already had this name is unchanged."));
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      self->error = g_steal_pointer (&error);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
      return;
    }

  {
    GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
    AdwToastOverlay *overlay = hs_toast_overlay_find (GTK_WIDGET (parent));
    /* Translators: a toast after exporting; %u projects, %s the file name */
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Exported %u project to “%s”",
                                                           "Exported %u projects to “%s”",
                                                           job->n_written),
                                              job->n_written, self->file_name);

    g_debug ("%s", title);
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0, TRUE);
    if (overlay != NULL)
      {
        adw_toast_overlay_add_toast (overlay, adw_toast_new (title));
        gtk_window_destroy (GTK_WINDOW (self));
      }
    else
      {
        gtk_stack_set_visible_child_name (self->stack, "form");
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      }
  }
}

void
hs_export_dialog_export_to_file (HsExportDialog *self,
                                 GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  const ScopeChoice *scope;
  ExportJob *job;
  GWeakRef *weak;

  g_return_if_fail (HS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy);

  hs_exchange_init ();
  scope = current_scope (self);
  job = g_new0 (ExportJob, 1);
  job->format = hs_export_dialog_get_format (self);
  job->scope = scope->scope;
  job->agreement_id = self->agreement_id;
  job->project_code = g_strdup (self->project_code);
  job->path = g_file_get_path (file);
  self->expected = scope->scope == HS_EXPORT_SCOPE_PROJECT ? 1
                 : scope->scope == HS_EXPORT_SCOPE_AGREEMENT ? self->n_agreement
                 : self->n_portfolio;
  job->repository = g_object_ref (self->repository);

  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);
  g_clear_error (&self->error);
  g_set_object (&self->cancellable, NULL);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  job->progress = hs_progress_ref (self->progress);
  adw_status_page_set_description (self->progress_page, self->file_name);

  /* The task holds a weak reference only, so closing the dialog frees it at
   * once; the cancellable stops the worker. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->cancellable, export_done_cb, weak);
  g_task_set_source_tag (task, hs_export_dialog_export_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  if (hs_repository_has_readers (job->repository))
    g_task_run_in_thread (task, export_thread);
  else
    export_thread (task, self, job, self->cancellable);   /* not thread-safe: here */
}

/* ---- actions ------------------------------------------------------------- */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     HsExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        hs_export_dialog_export_to_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HsExportDialog *self = HS_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *name = hs_export_dialog_get_default_name (self);
  HsExportFormat format = hs_export_dialog_get_format (self);

  if (self->busy || self->chooser != NULL)
    return;

  if (format == HS_EXPORT_OPERATIONS_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, format == HS_EXPORT_IATI ? _("IATI activity files") : _("Hankesalkku files"));
      gtk_file_filter_add_mime_type (filter, HS_NATIVE_MEDIA_TYPE);
      gtk_file_filter_add_mime_type (filter, "application/xml");
      gtk_file_filter_add_suffix (filter, "xml");
    }
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsExportDialog *self = HS_EXPORT_DIALOG (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HsExportDialog *self = HS_EXPORT_DIALOG (widget);

  gtk_stack_set_visible_child_name (self->stack, "form");
}

static gboolean
close_request_cb (GtkWindow *window)
{
  HsExportDialog *self = HS_EXPORT_DIALOG (window);

  /* closing while exporting stops the export; the worker removes its file */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* ---- construction -------------------------------------------------------- */

static char *
count_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);
}

static void
load_scopes (HsExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) summaries = hs_repository_list_project_summaries (self->repository, &error);
  g_autofree char *project_title = NULL;
  g_autofree char *project_name = NULL;
  g_autofree char *agreement_count = NULL;
  g_autofree char *portfolio_count = NULL;

  if (summaries == NULL)
    g_warning ("Cannot list the projects: %s", error->message);
  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      const HsProjectSummary *summary = &g_array_index (summaries, HsProjectSummary, i);

      self->n_portfolio++;
      if (self->agreement_id != 0 && summary->agreement_id == self->agreement_id)
        self->n_agreement++;
      if (self->project_id != 0 && summary->id == self->project_id)
        {
          self->project_code = g_strdup (summary->code);
          project_name = g_strdup (summary->name);
        }
    }
  if (self->agreement_id != 0)
    {
      g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (self->repository, NULL);

      for (guint i = 0; agreements != NULL && i < agreements->len; i++)
        {
          HsAgreement *agreement = g_ptr_array_index (agreements, i);
          if (agreement->id == self->agreement_id)
            self->agreement_name = g_strdup (agreement->region_name);
        }
    }

  /* the most specific first: it is the one selected */
  if (self->project_code != NULL)
    {
      /* Translators: export scope; %s is a project's code */
      project_title = g_strdup_printf (_("Project %s"), self->project_code);
      add_scope (self, HS_EXPORT_SCOPE_PROJECT, project_title, project_name);
    }
  if (self->agreement_name != NULL)
    {
      agreement_count = count_text (self->n_agreement);
      add_scope (self, HS_EXPORT_SCOPE_AGREEMENT, self->agreement_name, agreement_count);
    }
  portfolio_count = count_text (self->n_portfolio);
  add_scope (self, HS_EXPORT_SCOPE_PORTFOLIO, _("Whole Portfolio"), portfolio_count);
}

HsExportDialog *
hs_export_dialog_new (GtkWindow    *parent,
                      HsRepository *repository,
                      gint64        agreement_id,
                      gint64        project_id)
{
  HsExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (HS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->repository = g_object_ref (repository);
  self->agreement_id = agreement_id;
  self->project_id = project_id;
  load_scopes (self);
  return self;
}

void
hs_export_dialog_present (GtkWindow    *parent,
                          HsRepository *repository,
                          gint64        agreement_id,
                          gint64        project_id)
{
  gtk_window_present (GTK_WINDOW (hs_export_dialog_new (parent, repository, agreement_id, project_id)));
}

static void
hs_export_dialog_dispose (GObject *object)
{
  HsExportDialog *self = HS_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_poll, g_source_remove);
  g_clear_pointer (&self->progress, hs_progress_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_EXPORT_DIALOG);
  self->stack = NULL;
  self->progress_bar = NULL;
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_export_dialog_parent_class)->dispose (object);
}

static void
hs_export_dialog_finalize (GObject *object)
{
  HsExportDialog *self = HS_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_clear_pointer (&self->scopes, g_array_unref);
  g_free (self->agreement_name);
  g_free (self->project_code);
  g_free (self->file_name);

  G_OBJECT_CLASS (hs_export_dialog_parent_class)->finalize (object);
}

static void
hs_export_dialog_class_init (HsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hs_export_dialog_dispose;
  object_class->finalize = hs_export_dialog_finalize;
  window_class->close_request = close_request_cb;

  /**
   * HsExportDialog::finished:
   * @success: whether the file was written
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, scope_group);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, native_check);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, iati_check);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, HsExportDialog, error_label);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action_cb);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "export.back", NULL, back_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
hs_export_dialog_init (HsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->scopes = g_array_new (FALSE, TRUE, sizeof (ScopeChoice));
}

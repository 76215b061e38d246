/* hs-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import…: the preview of a native file as a list to review, one
 * AdwExpanderRow per project (new, changed, unchanged, conflict, with its
 * findings), each expanding to its field changes "old → new" and its
 * findings, with a Skip switch; "Import Projects With Errors" (off: the
 * file is refused when any of its projects breaks the funding rules, the
 * command line's --strict); and Import, which applies all of it in one
 * transaction (one undoable action).
 *
 * Threads. The store is not thread-safe and HsImportPreview is used on the
 * thread that owns its repository. The preview that is shown is made in a
 * GTask worker thread on the worker's own read-only connection to the same
 * database file, so reading and validating a large file never blocks the
 * window; its progress callback is marshalled to the main thread with
 * g_main_context_invoke. Import runs in a GTask worker too, on the worker's
 * own connection that may write (hs_repository_open_writer: its actions are
 * the window's, so the import is one undoable action in the window): it
 * makes the preview again there (the database is the same, so the items
 * are the same; this is checked item by item) and applies it in one
 * transaction, reporting both passes through an HsProgress that the main
 * thread polls. Cancel (and closing the dialog, which waits for the
 * rollback) stops it; a database is never left half-imported. After the
 * commit the window's repository is refreshed on the main thread and emits
 * its "changed". If the database changed while the user was reviewing, the
 * preview is made again first. A repository that is not a SQLite file gets
 * its preview and its apply on the main thread.
 *
 * Rows are added in idle chunks and their expanded content is built when a
 * row is first expanded, so a file of thousands of projects does not freeze
 * the window either.
 */
#define G_LOG_DOMAIN "hs-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/hs-exchange-error.h"

#include "core/hs-money.h"

#include "hs-import-dialog.h"
#include "hs-toast.h"
#include "hs-progress.h"
#include "hs-window.h"

#define ROWS_PER_IDLE 100

struct _HsImportDialog
{
  AdwWindow             parent_instance;

  HsRepository         *repository;
  gulong                changed_id;
  gboolean              stale;          /* the repository changed since the preview began */
  GFile                *file;
  char                 *path;
  HsImportDialogState   state;
  HsImportPreview      *preview;
  gboolean              preview_is_live; /* made on self->repository (no worker) */
  GCancellable         *cancellable;
  HsProgress           *progress;        /* while the preview is made */
  guint                 progress_poll;
  GError               *error;
  guint                 n_imported;

  GArray               *order;          /* guint item indices, in list order */
  guint                 next_row;       /* in order */
  guint                 rows_idle;
  guint                 apply_timeout;  /* the main thread's apply, without a writer */
  GCancellable         *apply_cancellable;  /* the worker's apply runs while set */
  gboolean              close_after_stop;   /* closed while applying: close once stopped */
  AdwToast             *stopped_toast;      /* "The import was stopped", while shown */
  GHashTable           *rows;           /* code → AdwExpanderRow (borrowed) */
  GPtrArray            *row_widgets;    /* item index → AdwExpanderRow, or NULL */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *import_button;
  GtkButton            *cancel_button;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *error_page;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *summary_group;
  AdwPreferencesGroup  *projects_group;
  AdwActionRow         *failing_row;
  GtkSwitch            *failing_switch;  /* off: a file with rule errors is refused (strict) */
  AdwPreferencesGroup  *organisations_group;
  AdwPreferencesGroup  *calls_group;
  GPtrArray            *call_rows;          /* the rows added for the file's calls */
  AdwComboRow          *organisations_row;
  GPtrArray            *organisation_rows;  /* the rows added for the conflicts */
};

G_DEFINE_FINAL_TYPE (HsImportDialog, hs_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_preview (HsImportDialog *self);

/* ---- helpers ------------------------------------------------------------- */

static const char *
action_label (HsImportAction action)
{
  switch (action)
    {
    case HS_IMPORT_NEW:
      /* Translators: what importing does to a project */
      return C_("import", "New");
    case HS_IMPORT_CHANGED:
      return C_("import", "Changed");
    case HS_IMPORT_UNCHANGED:
      return C_("import", "Unchanged");
    case HS_IMPORT_CONFLICT:
      return C_("import", "Conflict");
    default:
      return "";
    }
}

static const char *
action_style (HsImportAction action)
{
  switch (action)
    {
    case HS_IMPORT_NEW:
      return "success";
    case HS_IMPORT_CHANGED:
      return "accent";
    case HS_IMPORT_CONFLICT:
      return "error";
    case HS_IMPORT_UNCHANGED:
    default:
      return "dim-label";
    }
}

static guint
action_rank (HsImportAction action)
{
  switch (action)
    {
    case HS_IMPORT_CONFLICT:
      return 0;
    case HS_IMPORT_CHANGED:
      return 1;
    case HS_IMPORT_NEW:
      return 2;
    case HS_IMPORT_UNCHANGED:
    default:
      return 3;
    }
}

static guint
count_warnings (const HsImportItem *item)
{
  guint n = 0;

  for (guint i = 0; i < item->findings->len; i++)
    if (((HsFinding *) g_ptr_array_index (item->findings, i))->severity != HS_SEVERITY_ERROR)
      n++;
  return n;
}

/* "2 errors, 1 warning" or NULL */
static char *
findings_text (const HsImportItem *item)
{
  guint warnings = count_warnings (item);
  g_autofree char *errors_text = NULL;
  g_autofree char *warnings_text = NULL;

  if (item->errors > 0)
    errors_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", item->errors),
                                   item->errors);
  if (warnings > 0)
    warnings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings),
                                     warnings);
  if (errors_text != NULL && warnings_text != NULL)
    /* Translators: "2 errors, 1 warning" */
    return g_strdup_printf (_("%s, %s"), errors_text, warnings_text);
  if (errors_text != NULL)
    return g_steal_pointer (&errors_text);
  return g_steal_pointer (&warnings_text);
}

static guint
count_to_apply (HsImportDialog *self)
{
  guint n = 0;

  for (guint i = 0; self->preview != NULL && i < hs_import_preview_get_n_items (self->preview); i++)
    {
      const HsImportItem *item = hs_import_preview_get_item (self->preview, i);
      if (!item->skip && (item->action != HS_IMPORT_UNCHANGED || item->review_changed))
        n++;
    }
  return n;
}

/* FALSE while organisations differ and the user has not said what to do. */
static gboolean
organisations_chosen (HsImportDialog *self)
{
  return self->preview == NULL
      || hs_import_preview_get_n_org_conflicts (self->preview) == 0
      || hs_import_preview_get_org_policy (self->preview) != HS_IMPORT_ORGS_ASK;
}

/* Whether the switch refuses the file: it is off, and a project of the
 * file breaks the funding rules. */
static gboolean
refused_for_errors (HsImportDialog *self)
{
  return self->preview != NULL && !gtk_switch_get_active (self->failing_switch)
      && hs_import_preview_count_failing (self->preview) > 0;
}

static gboolean
can_apply (HsImportDialog *self)
{
  return self->state == HS_IMPORT_DIALOG_PREVIEW
      && (count_to_apply (self) > 0 || hs_import_preview_count_new_calls (self->preview) > 0)
      && organisations_chosen (self) && !refused_for_errors (self);
}

static void
update_summary (HsImportDialog *self)
{
  GString *text = g_string_new (NULL);
  guint n_new, n_changed, n_unchanged, n_conflict, n_failing, n_apply;

  if (self->preview == NULL)
    return;
  n_new = hs_import_preview_count (self->preview, HS_IMPORT_NEW);
  n_changed = hs_import_preview_count (self->preview, HS_IMPORT_CHANGED);
  n_unchanged = hs_import_preview_count (self->preview, HS_IMPORT_UNCHANGED);
  n_conflict = hs_import_preview_count (self->preview, HS_IMPORT_CONFLICT);
  n_failing = hs_import_preview_count_failing (self->preview);
  n_apply = count_to_apply (self);

  /* Translators: the import summary, "2 new, 1 changed, 60 unchanged, 0 conflicts" */
  g_string_append_printf (text, _("%u new, %u changed, %u unchanged, %u conflicts."),
                          n_new, n_changed, n_unchanged, n_conflict);
  /* when the file is refused for its errors, that is said after their count */
  if (!refused_for_errors (self))
    g_string_append_c (text, ' ');
  if (refused_for_errors (self))
    ;
  else if (n_apply == 0 && hs_import_preview_count_new_calls (self->preview) > 0)
    g_string_append (text, _("Only the file’s new calls will be added, in one step that can be undone."));
  else if (n_apply == 0)
    g_string_append (text, _("Nothing will be imported."));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u project will be imported in one step that can be undone.",
                                               "%u projects will be imported in one step that can be undone.",
                                               n_apply),
                            n_apply);
  if (hs_import_preview_count_reviews (self->preview) > 0 && !refused_for_errors (self))
    {
      guint n_reviews = hs_import_preview_count_reviews (self->preview);

      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u review of the file (scores, decisions, versions) comes with them.",
                                                 "%u reviews of the file (scores, decisions, versions) come with them.",
                                                 n_reviews),
                              n_reviews);
    }
  if (n_failing > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u project breaks the funding rules.",
                                                 "%u projects break the funding rules.",
                                                 n_failing),
                              n_failing);
      if (refused_for_errors (self))
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("Nothing will be imported while projects with errors are refused."));
        }
    }
  if (!organisations_chosen (self))
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Choose what to do with the organisations that differ."));
    }
  adw_preferences_group_set_description (self->summary_group, text->str);
  g_string_free (text, TRUE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_apply (self));
}

/* The switch's subtitle says what its state does. */
static void
update_failing_row (HsImportDialog *self)
{
  adw_action_row_set_subtitle (self->failing_row,
                               gtk_switch_get_active (self->failing_switch)
                               ? _("Projects that break the funding rules are imported with their findings")
                               : _("The file is refused if any of its projects breaks the funding rules"));
}

static void
failing_switch_cb (GtkSwitch      *sw,
                   GParamSpec     *pspec,
                   HsImportDialog *self)
{
  update_failing_row (self);
  update_summary (self);
}

static void
set_state (HsImportDialog      *self,
           HsImportDialogState  state)
{
  self->state = state;
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), state == HS_IMPORT_DIALOG_PREVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can_apply (self));
  switch (state)
    {
    case HS_IMPORT_DIALOG_LOADING:
      gtk_stack_set_visible_child_name (self->stack, "loading");
      break;
    case HS_IMPORT_DIALOG_PREVIEW:
      gtk_stack_set_visible_child_name (self->stack, "preview");
      gtk_button_set_label (self->cancel_button, _("_Cancel"));
      break;
    case HS_IMPORT_DIALOG_ERROR:
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_button_set_label (self->cancel_button, _("_Close"));
      break;
    case HS_IMPORT_DIALOG_DONE:
    default:
      break;
    }
}

static void
show_error (HsImportDialog *self,
            GError         *error)   /* taken */
{
  g_clear_error (&self->error);
  self->error = error;
  gtk_label_set_text (self->error_label, error->message);
  set_state (self, HS_IMPORT_DIALOG_ERROR);
}

/* ---- rows -------------------------------------------------------------------- */

static void
skip_switch_cb (GtkSwitch      *sw,
                GParamSpec     *pspec,
                HsImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "hs-item"));

  if (self->preview == NULL || index >= hs_import_preview_get_n_items (self->preview))
    return;
  hs_import_preview_set_skip (self->preview, index, gtk_switch_get_active (sw));
  update_summary (self);
}

static GtkWidget *
new_info_row (const char *title,
              const char *subtitle,
              const char *icon_name,
              const char *style)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
      if (style != NULL)
        gtk_widget_add_css_class (icon, style);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

/* The rows inside an expanded project: built on first expansion. */
static void
fill_expander (HsImportDialog *self,
               AdwExpanderRow *expander,
               guint           index)
{
  const HsImportItem *item = hs_import_preview_get_item (self->preview, index);
  GtkWidget *row;

  if (item->action != HS_IMPORT_UNCHANGED)
    {
      GtkWidget *sw = gtk_switch_new ();

      row = new_info_row (_("Skip This Project"),
                          item->action == HS_IMPORT_NEW ? _("Do not add it to the database")
                                                        : _("Keep the database’s version"),
                          NULL, NULL);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), item->skip);
      g_object_set_data (G_OBJECT (sw), "hs-item", GUINT_TO_POINTER (index));
      g_signal_connect (sw, "notify::active", G_CALLBACK (skip_switch_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_object_set_data (G_OBJECT (expander), "hs-skip-switch", sw);
      adw_expander_row_add_row (expander, row);
    }

  if (item->conflict != NULL)
    adw_expander_row_add_row (expander, new_info_row (item->conflict,
                                                      _("Importing replaces that project"),
                                                      "dialog-warning-symbolic", "error"));

  if (item->action == HS_IMPORT_NEW)
    {
      adw_expander_row_add_row (expander, new_info_row (_("Not in the database yet"), NULL,
                                                        "list-add-symbolic", "success"));
      /* what it costs and asks for: a changed project shows its changed amounts */
      if (item->totals_ok)
        {
          HsLang lang = hs_lang_current ();
          g_autofree char *costs = hs_money_format (item->total_costs, lang);
          g_autofree char *support = hs_money_format (item->eu_state, lang);
          g_autofree char *rate = hs_rate_format (hs_rate_of (item->eu_state, item->total_costs), lang);
          g_autofree char *share = g_strdup_printf (_("%s of the total costs"), rate);
          /* Translators: "60 000,00 € (60,0 % of the total costs)" */
          g_autofree char *support_text = g_strdup_printf (_("%s (%s)"), support, share);

          adw_expander_row_add_row (expander, new_info_row (_("Total costs"), costs, NULL, NULL));
          adw_expander_row_add_row (expander, new_info_row (_("EU and state support"), support_text, NULL, NULL));
        }
    }
  else if (item->changes->len == 0)
    adw_expander_row_add_row (expander, new_info_row (_("The same as in the database"), NULL,
                                                      "object-select-symbolic", "dim-label"));

  for (guint i = 0; i < item->changes->len; i++)
    {
      const HsImportChange *change = g_ptr_array_index (item->changes, i);
      /* Translators: a changed field, "old value → new value"; — stands for no value */
      g_autofree char *values = g_strdup_printf (_("%s → %s"),
                                                 *change->old_value != '\0' ? change->old_value : "—",
                                                 *change->new_value != '\0' ? change->new_value : "—");

      row = new_info_row (change->label, values, "document-edit-symbolic", "accent");
      gtk_widget_set_tooltip_text (row, change->field);
      adw_expander_row_add_row (expander, row);
    }

  for (guint i = 0; i < item->findings->len; i++)
    {
      const HsFinding *finding = g_ptr_array_index (item->findings, i);
      gboolean is_error = finding->severity == HS_SEVERITY_ERROR;

      row = new_info_row (finding->message, is_error ? _("Error") : _("Warning"),
                          is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                          is_error ? "error" : "warning");
      adw_expander_row_add_row (expander, row);
    }
}

static void
expanded_cb (AdwExpanderRow *expander,
             GParamSpec     *pspec,
             HsImportDialog *self)
{
  if (!adw_expander_row_get_expanded (expander) || self->preview == NULL
      || g_object_get_data (G_OBJECT (expander), "hs-filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "hs-filled", GINT_TO_POINTER (1));
  fill_expander (self, expander, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "hs-item")));
}

static GtkWidget *
new_project_row (HsImportDialog *self,
                 guint           index)
{
  const HsImportItem *item = hs_import_preview_get_item (self->preview, index);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *badge = gtk_label_new (action_label (item->action));
  g_autofree char *findings = findings_text (item);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 item->name != NULL && *item->name != '\0' ? item->name : item->code);
  if (findings != NULL)
    /* Translators: a project's code and its findings, "PKS-001 · 1 error" */
    subtitle = g_strdup_printf (_("%s · %s"), item->code, findings);
  else
    subtitle = g_strdup (item->code);
  if (item->review != NULL && item->review_changed)
    {
      /* Translators: the subtitle, then what the file brings of the review:
       * "PKS-001 · review: 2 scores, 1 decision (granted 100 000,00 €)" */
      char *with_review = g_strdup_printf (_("%s · review: %s"), subtitle, item->review);
      g_free (subtitle);
      subtitle = with_review;
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  if (item->errors > 0 || count_warnings (item) > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (item->errors > 0 ? "dialog-error-symbolic"
                                                                       : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, item->errors > 0 ? "error" : "warning");
      gtk_widget_set_tooltip_text (icon, findings);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), icon);
    }

  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, action_style (item->action));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), badge);

  g_object_set_data (G_OBJECT (expander), "hs-item", GUINT_TO_POINTER (index));
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (expanded_cb), self);
  return expander;
}

static gboolean
add_rows_cb (gpointer user_data)
{
  HsImportDialog *self = user_data;
  guint end = MIN (self->next_row + ROWS_PER_IDLE, self->order->len);

  for (; self->next_row < end; self->next_row++)
    {
      guint index = g_array_index (self->order, guint, self->next_row);
      const HsImportItem *item = hs_import_preview_get_item (self->preview, index);
      GtkWidget *row = new_project_row (self, index);

      adw_preferences_group_add (self->projects_group, row);
      g_hash_table_replace (self->rows, g_strdup (item->code), row);
      g_ptr_array_index (self->row_widgets, index) = row;
    }
  if (self->next_row < self->order->len)
    return G_SOURCE_CONTINUE;
  self->rows_idle = 0;
  return G_SOURCE_REMOVE;
}

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  HsImportPreview *preview = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  guint ra = action_rank (hs_import_preview_get_item (preview, ia)->action);
  guint rb = action_rank (hs_import_preview_get_item (preview, ib)->action);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static void
clear_rows (HsImportDialog *self)
{
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  for (guint i = 0; self->row_widgets != NULL && i < self->row_widgets->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->row_widgets, i);
      if (row != NULL)
        adw_preferences_group_remove (self->projects_group, row);
    }
  g_clear_pointer (&self->row_widgets, g_ptr_array_unref);
  g_hash_table_remove_all (self->rows);
  g_array_set_size (self->order, 0);
  self->next_row = 0;
}

/* The organisations that differ, and the choice kept across a new preview. */
static void
show_organisations (HsImportDialog *self)
{
  guint n = hs_import_preview_get_n_org_conflicts (self->preview);

  if (self->organisation_rows != NULL)
    for (guint i = 0; i < self->organisation_rows->len; i++)
      adw_preferences_group_remove (self->organisations_group, g_ptr_array_index (self->organisation_rows, i));
  g_clear_pointer (&self->organisation_rows, g_ptr_array_unref);
  self->organisation_rows = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const HsImportOrgConflict *conflict = hs_import_preview_get_org_conflict (self->preview, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: an organisation that differs, "0204819-8 · Turun kaupunki" */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), conflict->business_id, conflict->stored_name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), conflict->differences);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->organisations_group, row);
      g_ptr_array_add (self->organisation_rows, row);
    }
  hs_import_preview_set_org_policy (self->preview,
                                    (HsImportOrgPolicy) adw_combo_row_get_selected (self->organisations_row));
  gtk_widget_set_visible (GTK_WIDGET (self->organisations_group), n > 0);
}

/* The file's calls that are new or differ from the stored ones. */
static void
show_calls (HsImportDialog *self)
{
  guint n = hs_import_preview_get_n_calls (self->preview);

  if (self->call_rows != NULL)
    for (guint i = 0; i < self->call_rows->len; i++)
      adw_preferences_group_remove (self->calls_group, g_ptr_array_index (self->call_rows, i));
  g_clear_pointer (&self->call_rows, g_ptr_array_unref);
  self->call_rows = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const HsImportCall *call = hs_import_preview_get_call (self->preview, i);
      /* Translators: a call of the file, "Joensuu · Joensuu 2023" */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), call->agreement, call->display_name);
      g_autofree char *subtitle = call->is_new ? g_strdup (_("New: it is added with the projects"))
                                               /* Translators: the file format's attribute names, "max-city-bp, description" */
                                               : g_strdup_printf (_("Differs in %s: the database’s call is kept"),
                                                                  call->differences);
      GtkWidget *row = new_info_row (title, subtitle,
                                     call->is_new ? "list-add-symbolic" : "dialog-warning-symbolic",
                                     call->is_new ? NULL : "warning");

      adw_preferences_group_add (self->calls_group, row);
      g_ptr_array_add (self->call_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->calls_group), n > 0);
}

static void
organisations_selected_cb (AdwComboRow    *row,
                           GParamSpec     *pspec,
                           HsImportDialog *self)
{
  if (self->preview == NULL)
    return;
  hs_import_preview_set_org_policy (self->preview, (HsImportOrgPolicy) adw_combo_row_get_selected (row));
  update_summary (self);
}

void
hs_import_dialog_set_org_policy (HsImportDialog    *self,
                                 HsImportOrgPolicy  policy)
{
  g_return_if_fail (HS_IS_IMPORT_DIALOG (self));
  adw_combo_row_set_selected (self->organisations_row, (guint) policy);
}

static void
show_preview (HsImportDialog  *self,
              HsImportPreview *preview,  /* taken */
              gboolean         live)
{
  guint n;
  g_autofree char *title = NULL;

  clear_rows (self);
  g_clear_pointer (&self->preview, hs_import_preview_free);
  self->preview = preview;
  self->preview_is_live = live;
  n = hs_import_preview_get_n_items (preview);

  for (guint i = 0; i < n; i++)
    g_array_append_val (self->order, i);
  g_array_sort_with_data (self->order, compare_order, preview);
  self->row_widgets = g_ptr_array_new ();
  g_ptr_array_set_size (self->row_widgets, n);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Project in the File", "%u Projects in the File", n), n);
  adw_preferences_group_set_title (self->projects_group, title);
  show_organisations (self);
  show_calls (self);

  /* the first screenful at once, the rest while the window stays live */
  add_rows_cb (self);
  if (self->next_row < self->order->len)
    self->rows_idle = g_idle_add_full (G_PRIORITY_LOW, add_rows_cb, self, NULL);

  set_state (self, HS_IMPORT_DIALOG_PREVIEW);
  update_summary (self);
}

/* ---- making the preview ------------------------------------------------- */

/* The main thread: shows what the worker reported last. */
static gboolean
progress_poll_cb (gpointer user_data)
{
  HsImportDialog *self = user_data;
  guint64 done, total;

  if (!hs_progress_take (self->progress, &done, &total))
    return G_SOURCE_CONTINUE;
  if (self->apply_cancellable != NULL)
    {
      /* both passes of apply in one bar; GTK shows the percentage */
      if (total > 0)
        gtk_progress_bar_set_fraction (self->progress_bar,
                                       CLAMP ((double) done / (double) total, 0.0, 1.0));
      return G_SOURCE_CONTINUE;
    }
  if (total > 0)
    {
      g_autofree char *done_text = g_format_size (done);
      g_autofree char *total_text = g_format_size (total);
      /* Translators: reading progress, "3.1 MB of 25.5 MB" */
      g_autofree char *text = g_strdup_printf (_("%s of %s"), done_text, total_text);

      gtk_progress_bar_set_fraction (self->progress_bar,
                                     CLAMP ((double) done / (double) total, 0.0, 1.0));
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (HsImportDialog *self)
{
  /* the last figures the worker reported, then no more polling */
  if (self->progress != NULL && self->progress_bar != NULL)
    progress_poll_cb (self);
  g_clear_handle_id (&self->progress_poll, g_source_remove);
  g_clear_pointer (&self->progress, hs_progress_unref);
}

typedef struct
{
  HsRepository *repository;   /* the window's: only its reader is used here */
  char         *path;
  HsProgress   *progress;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_clear_object (&job->repository);
  g_free (job->path);
  g_clear_pointer (&job->progress, hs_progress_unref);
  g_free (job);
}

/* In the worker thread: it holds no reference to the dialog. */
static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  g_autoptr(HsRepository) repository = NULL;
  HsImportPreview *preview;
  GError *error = NULL;

  repository = hs_repository_open_reader (job->repository, &error);
  if (repository == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  preview = hs_import_preview_new (repository, job->path,
                                   hs_progress_report, job->progress, cancellable, &error);
  if (preview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) hs_import_preview_free);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(HsImportDialog) self = g_weak_ref_get (weak);
  HsImportPreview *preview;
  GError *error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);
  preview = g_task_propagate_pointer (G_TASK (result), &error);
  if (self == NULL || self->stack == NULL   /* closed meanwhile */
      || g_task_get_cancellable (G_TASK (result)) != self->cancellable)   /* superseded */
    {
      g_clear_error (&error);
      g_clear_pointer (&preview, hs_import_preview_free);
      return;
    }
  g_clear_object (&self->cancellable);
  stop_progress (self);
  if (preview == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_clear_error (&error);
      else
        show_error (self, error);
      return;
    }
  show_preview (self, preview, FALSE);
}

static void
repository_changed_cb (HsRepository   *repository,
                       HsImportDialog *self)
{
  self->stale = TRUE;
}

static void
start_preview (HsImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;
  GWeakRef *weak;

  hs_exchange_init ();
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->stale = FALSE;
  g_clear_error (&self->error);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  adw_status_page_set_title (self->loading_page, _("Reading the File…"));
  set_state (self, HS_IMPORT_DIALOG_LOADING);

  stop_progress (self);
  self->progress = hs_progress_new ();
  self->progress_poll = g_timeout_add (100, progress_poll_cb, self);

  if (!hs_repository_has_readers (self->repository))
    {
      /* no reader of its own for a worker: make it here */
      GError *error = NULL;
      HsImportPreview *preview = hs_import_preview_new (self->repository, self->path,
                                                        hs_progress_report, self->progress,
                                                        self->cancellable, &error);
      stop_progress (self);
      if (preview == NULL)
        show_error (self, error);
      else
        show_preview (self, preview, TRUE);
      return;
    }

  job = g_new0 (PreviewJob, 1);
  job->repository = g_object_ref (self->repository);
  job->path = g_strdup (self->path);
  job->progress = hs_progress_ref (self->progress);
  /* The task holds a weak reference only, so closing the dialog frees it at
   * once; the cancellable stops the worker. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->cancellable, preview_done_cb, weak);
  g_task_set_source_tag (task, start_preview);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, preview_thread);
}

/* ---- applying ---------------------------------------------------------------- */

/* The preview bound to the window's repository, with the reviewed skips.
 * NULL with an error when it differs from what was reviewed. */
static HsImportPreview *
live_preview (HsImportDialog  *self,
              GError         **error)
{
  g_autoptr(HsImportPreview) live = NULL;
  guint n = hs_import_preview_get_n_items (self->preview);

  if (self->preview_is_live)
    return NULL;   /* caller uses self->preview */
  live = hs_import_preview_new (self->repository, self->path, NULL, NULL, NULL, error);
  if (live == NULL)
    return NULL;
  if (hs_import_preview_get_n_items (live) != n)
    goto differs;
  for (guint i = 0; i < n; i++)
    {
      const HsImportItem *shown = hs_import_preview_get_item (self->preview, i);
      const HsImportItem *now = hs_import_preview_get_item (live, i);
      if (g_strcmp0 (shown->code, now->code) != 0 || shown->action != now->action
          || shown->changes->len != now->changes->len || shown->errors != now->errors)
        goto differs;
      hs_import_preview_set_skip (live, i, shown->skip);
    }
  if (hs_import_preview_get_n_org_conflicts (live) != hs_import_preview_get_n_org_conflicts (self->preview)
      || hs_import_preview_count_new_calls (live) != hs_import_preview_count_new_calls (self->preview))
    goto differs;
  hs_import_preview_set_org_policy (live, hs_import_preview_get_org_policy (self->preview));
  return g_steal_pointer (&live);

differs:
  g_set_error_literal (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE,
                       _("The file or the database changed while you were reviewing it"));
  return NULL;
}

/* Back on the preview: the rows that apply stopped adding come too. */
static void
resume_rows (HsImportDialog *self)
{
  if (self->rows_idle == 0 && self->next_row < self->order->len)
    self->rows_idle = g_idle_add_full (G_PRIORITY_LOW, add_rows_cb, self, NULL);
}

static void
finish_apply (HsImportDialog *self,
              GError         *error)   /* taken */
{
  if (error != NULL)
    {
      if (g_error_matches (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE))
        {
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("The database changed; the preview was made again")));
          start_preview (self);
          self->error = error;
        }
      else
        {
          AdwToast *toast = adw_toast_new (error->message);

          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
          g_clear_error (&self->error);
          self->error = error;
          set_state (self, HS_IMPORT_DIALOG_PREVIEW);
          resume_rows (self);
          update_summary (self);
        }
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
      return;
    }

  set_state (self, HS_IMPORT_DIALOG_DONE);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, TRUE);
  {
    GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
    AdwToastOverlay *overlay = hs_toast_overlay_find (GTK_WIDGET (parent));
    guint n_calls = self->preview != NULL ? hs_import_preview_count_new_calls (self->preview) : 0;
    /* Translators: a toast with an Undo button after an import */
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u project imported",
                                                           "%u projects imported",
                                                           self->n_imported),
                                              self->n_imported);

    if (self->n_imported == 0 && n_calls > 0)
      {
        g_free (title);
        /* Translators: a toast with an Undo button after an import that only added calls */
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call imported", "%u calls imported", n_calls),
                                 n_calls);
      }
    if (overlay != NULL)
      {
        AdwToast *toast = adw_toast_new (title);

        if (self->n_imported > 0 || n_calls > 0)
          {
            adw_toast_set_button_label (toast, _("_Undo"));
            adw_toast_set_action_name (toast, "win.undo");
          }
        adw_toast_overlay_add_toast (overlay, toast);
      }
    gtk_window_destroy (GTK_WINDOW (self));
  }
}

static gboolean
apply_timeout_cb (gpointer user_data)
{
  HsImportDialog *self = user_data;
  g_autoptr(HsImportPreview) live = NULL;
  HsImportPreview *preview;
  HsImportFlags flags = gtk_switch_get_active (self->failing_switch) ? HS_IMPORT_FLAGS_NONE : HS_IMPORT_STRICT;
  GError *error = NULL;

  self->apply_timeout = 0;
  if (self->stale)
    {
      g_set_error (&error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE,
                   _("The database changed after the preview was made"));
      finish_apply (self, error);
      return G_SOURCE_REMOVE;
    }
  if (self->preview_is_live)
    preview = self->preview;
  else
    {
      live = live_preview (self, &error);
      if (live == NULL)
        {
          finish_apply (self, error);
          return G_SOURCE_REMOVE;
        }
      preview = live;
    }
  self->n_imported = 0;
  if (!hs_import_preview_apply (preview, flags, NULL, &self->n_imported, &error))
    finish_apply (self, error);
  else
    finish_apply (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
set_review_sensitive (HsImportDialog *self,
                      gboolean        sensitive)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->failing_row), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->organisations_group), sensitive);
}

/* What the user reviewed, for the worker to check its own preview against
 * and to apply with the same skips: a copy, the dialog's preview stays on
 * the main thread. */
typedef struct
{
  char           *code;
  HsImportAction  action;
  guint           n_changes;
  guint           errors;
  gboolean        skip;
} Reviewed;

static void
reviewed_clear (Reviewed *reviewed)
{
  g_clear_pointer (&reviewed->code, g_free);
}

typedef struct
{
  HsRepository      *repository;   /* the window's: the worker only opens its writer */
  char              *path;
  HsProgress        *progress;
  GArray            *reviewed;     /* of Reviewed, in file order */
  guint              n_org_conflicts;
  guint              n_new_calls;
  HsImportOrgPolicy  org_policy;
  HsImportFlags      flags;
} ApplyJob;

static void
apply_job_free (ApplyJob *job)
{
  g_clear_object (&job->repository);
  g_free (job->path);
  g_clear_pointer (&job->progress, hs_progress_unref);
  g_clear_pointer (&job->reviewed, g_array_unref);
  g_free (job);
}

/* One pass of apply's two (the check, the save), as a part of one bar. */
typedef struct
{
  HsProgress *progress;
  guint       pass;    /* 0 or 1 */
} ApplyPass;

static void
apply_pass_report (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  ApplyPass *pass = user_data;

  hs_progress_report ((guint64) pass->pass * total + MIN (done, total), 2 * total, pass->progress);
}

/* In the worker thread: it holds no reference to the dialog and runs no
 * GTK code. Returns how many projects it saved, or an error. */
static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ApplyJob *job = task_data;
  g_autoptr(HsRepository) writer = NULL;
  g_autoptr(HsImportPreview) live = NULL;
  ApplyPass check = { job->progress, 0 };
  ApplyPass save = { job->progress, 1 };
  GError *error = NULL;
  guint n_saved = 0;
  guint n;

  writer = hs_repository_open_writer (job->repository, &error);
  if (writer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* the preview again, on the connection that saves it */
  live = hs_import_preview_new (writer, job->path, apply_pass_report, &check, cancellable, &error);
  if (live == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  n = hs_import_preview_get_n_items (live);
  if (n != job->reviewed->len || hs_import_preview_get_n_org_conflicts (live) != job->n_org_conflicts
      || hs_import_preview_count_new_calls (live) != job->n_new_calls)
    goto differs;
  for (guint i = 0; i < n; i++)
    {
      const Reviewed *shown = &g_array_index (job->reviewed, Reviewed, i);
      const HsImportItem *now = hs_import_preview_get_item (live, i);

      if (g_strcmp0 (shown->code, now->code) != 0 || shown->action != now->action
          || shown->n_changes != now->changes->len || shown->errors != now->errors)
        goto differs;
      hs_import_preview_set_skip (live, i, shown->skip);
    }
  hs_import_preview_set_org_policy (live, job->org_policy);

  hs_import_preview_set_apply_progress (live, apply_pass_report, &save);
  if (!hs_import_preview_apply (live, job->flags, cancellable, &n_saved, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, (gssize) n_saved);
  return;

differs:
  g_task_return_new_error (task, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE, "%s",
                           _("The file or the database changed while you were reviewing it"));
}

/* The main thread, when the worker is done: the dialog may be gone. */
static void
apply_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(HsImportDialog) self = g_weak_ref_get (weak);
  ApplyJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gssize n_saved;

  g_weak_ref_clear (weak);
  g_free (weak);
  n_saved = g_task_propagate_int (G_TASK (result), &error);
  /* What the worker committed, the window shows now (also when the dialog
   * was closed while it ran): its usual "changed" before "finished". */
  if (error == NULL)
    hs_repository_refresh (job->repository);
  if (self == NULL || self->stack == NULL)
    {
      g_clear_error (&error);
      return;
    }

  g_clear_object (&self->apply_cancellable);
  stop_progress (self);
  set_review_sensitive (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", TRUE);
  if (error == NULL)
    {
      self->n_imported = (guint) n_saved;
      finish_apply (self, NULL);
      return;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->close_after_stop)
        {
          /* closed while applying, and it failed: nothing was changed */
          g_clear_error (&error);
          g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      finish_apply (self, error);
      return;
    }

  /* stopped: nothing was changed, the preview is as it was */
  g_clear_error (&error);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, FALSE);
  if (self->close_after_stop)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->stopped_toast = g_object_ref (adw_toast_new (_("The import was stopped; nothing was changed")));
  adw_toast_overlay_add_toast (self->toast_overlay, self->stopped_toast);
  set_state (self, HS_IMPORT_DIALOG_PREVIEW);
  resume_rows (self);
  update_summary (self);
}

static void
start_apply (HsImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ApplyJob *job;
  GWeakRef *weak;
  guint n = hs_import_preview_get_n_items (self->preview);

  job = g_new0 (ApplyJob, 1);
  job->repository = g_object_ref (self->repository);
  job->path = g_strdup (self->path);
  job->reviewed = g_array_sized_new (FALSE, TRUE, sizeof (Reviewed), n);
  g_array_set_clear_func (job->reviewed, (GDestroyNotify) reviewed_clear);
  for (guint i = 0; i < n; i++)
    {
      const HsImportItem *item = hs_import_preview_get_item (self->preview, i);
      Reviewed reviewed = { g_strdup (item->code), item->action, item->changes->len,
                            item->errors, item->skip };

      g_array_append_val (job->reviewed, reviewed);
    }
  job->n_org_conflicts = hs_import_preview_get_n_org_conflicts (self->preview);
  job->n_new_calls = hs_import_preview_count_new_calls (self->preview);
  job->org_policy = hs_import_preview_get_org_policy (self->preview);
  job->flags = gtk_switch_get_active (self->failing_switch) ? HS_IMPORT_FLAGS_NONE : HS_IMPORT_STRICT;

  if (self->stopped_toast != NULL)
    adw_toast_dismiss (self->stopped_toast);
  g_clear_object (&self->stopped_toast);
  stop_progress (self);
  self->progress = hs_progress_new ();
  job->progress = hs_progress_ref (self->progress);
  self->apply_cancellable = g_cancellable_new ();
  self->close_after_stop = FALSE;
  self->n_imported = 0;
  self->progress_poll = g_timeout_add (100, progress_poll_cb, self);

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->apply_cancellable, apply_done_cb, weak);
  g_task_set_source_tag (task, start_apply);
  /* a cancel that comes after the commit began is too late: the worker's
   * result counts, not the cancellable */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) apply_job_free);
  g_task_run_in_thread (task, apply_thread);
}

/* Cancel while the worker applies: it rolls back, then the preview is
 * shown again (or the dialog closes, when that was asked). */
static void
stop_apply (HsImportDialog *self)
{
  g_cancellable_cancel (self->apply_cancellable);
  adw_status_page_set_title (self->loading_page, _("Stopping…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", FALSE);
}

void
hs_import_dialog_apply (HsImportDialog *self)
{
  g_return_if_fail (HS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->state == HS_IMPORT_DIALOG_PREVIEW);

  if (self->apply_timeout != 0 || self->apply_cancellable != NULL)
    return;
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  adw_status_page_set_title (self->loading_page, _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  /* The review cannot change while it is applied: its page is not shown,
   * and the controls above its rows are insensitive (not the page nor the
   * rows: that restyles every row, a quarter of a second at 2 000 rows;
   * the worker has its own copy of the skips anyway). */
  set_review_sensitive (self, FALSE);
  set_state (self, HS_IMPORT_DIALOG_LOADING);

  if (self->stale)
    {
      GError *error = g_error_new_literal (HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE,
                                           _("The database changed after the preview was made"));
      set_review_sensitive (self, TRUE);
      finish_apply (self, error);
      return;
    }
  if (hs_repository_has_writers (self->repository))
    {
      start_apply (self);
      return;
    }

  /* no writer for a worker: saving runs on the main thread; show that first */
  set_review_sensitive (self, TRUE);
  gtk_progress_bar_pulse (self->progress_bar);
  self->apply_timeout = g_timeout_add (50, apply_timeout_cb, self);
}

/* ---- public ----------------------------------------------------------------- */

HsImportDialogState
hs_import_dialog_get_state (HsImportDialog *self)
{
  g_return_val_if_fail (HS_IS_IMPORT_DIALOG (self), HS_IMPORT_DIALOG_ERROR);
  return self->state;
}

HsImportPreview *
hs_import_dialog_get_preview (HsImportDialog *self)
{
  g_return_val_if_fail (HS_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}

const GError *
hs_import_dialog_get_error (HsImportDialog *self)
{
  g_return_val_if_fail (HS_IS_IMPORT_DIALOG (self), NULL);
  return self->error;
}

guint
hs_import_dialog_get_n_imported (HsImportDialog *self)
{
  g_return_val_if_fail (HS_IS_IMPORT_DIALOG (self), 0);
  return self->n_imported;
}

GtkWidget *
hs_import_dialog_get_row (HsImportDialog *self,
                          const char     *code)
{
  g_return_val_if_fail (HS_IS_IMPORT_DIALOG (self), NULL);

  /* the rest of the rows, if they are still being added */
  while (self->rows_idle != 0 && !g_hash_table_contains (self->rows, code))
    if (add_rows_cb (self) == G_SOURCE_REMOVE)
      g_clear_handle_id (&self->rows_idle, g_source_remove);
  return g_hash_table_lookup (self->rows, code);
}

gboolean
hs_import_dialog_set_skip (HsImportDialog *self,
                           const char     *code,
                           gboolean        skip)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (hs_import_dialog_get_row (self, code));
  GtkSwitch *sw;

  if (row == NULL)
    return FALSE;
  adw_expander_row_set_expanded (row, TRUE);
  sw = g_object_get_data (G_OBJECT (row), "hs-skip-switch");
  if (sw == NULL)
    return FALSE;
  gtk_switch_set_active (sw, skip);
  return TRUE;
}

void
hs_import_dialog_set_strict (HsImportDialog *self,
                             gboolean        strict)
{
  g_return_if_fail (HS_IS_IMPORT_DIALOG (self));
  gtk_switch_set_active (self->failing_switch, !strict);
}

/* ---- actions ------------------------------------------------------------- */

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HsImportDialog *self = HS_IMPORT_DIALOG (widget);

  if (self->state == HS_IMPORT_DIALOG_PREVIEW)
    hs_import_dialog_apply (self);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsImportDialog *self = HS_IMPORT_DIALOG (widget);

  if (self->apply_timeout != 0)
    return;   /* about to save: too late */
  if (self->apply_cancellable != NULL)
    {
      stop_apply (self);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  HsImportDialog *self = HS_IMPORT_DIALOG (window);

  if (self->apply_timeout != 0)
    return TRUE;
  if (self->apply_cancellable != NULL)
    {
      /* closing stops the import; the dialog goes once it rolled back */
      self->close_after_stop = TRUE;
      stop_apply (self);
      return TRUE;
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* ---- construction -------------------------------------------------------- */

HsImportDialog *
hs_import_dialog_new_for_file (GtkWindow    *parent,
                               HsRepository *repository,
                               GFile        *file)
{
  HsImportDialog *self;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (HS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->changed_id = g_signal_connect (repository, "changed", G_CALLBACK (repository_changed_cb), self);
  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);
  adw_status_page_set_description (self->loading_page, basename);

  if (self->path == NULL)
    {
      GError *error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("“%s” is not a local file"), basename);
      show_error (self, error);
    }
  else
    start_preview (self);
  return self;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  HsRepository *repository = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

      /* the window follows an import it opened (hs_window_import_file) */
      if (file != NULL && HS_IS_WINDOW (parent))
        hs_window_import_file (HS_WINDOW (parent), file);
      else if (file != NULL)
        gtk_window_present (GTK_WINDOW (hs_import_dialog_new_for_file (parent, repository, file)));
    }
  g_object_unref (chooser);
}

void
hs_import_dialog_present (GtkWindow    *parent,
                          HsRepository *repository)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (HS_IS_REPOSITORY (repository));

  gtk_file_filter_set_name (filter, _("Hankesalkku files"));
  gtk_file_filter_add_mime_type (filter, HS_NATIVE_MEDIA_TYPE);
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Import"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_data (chooser, "response", G_CALLBACK (open_response_cb),
                         g_object_ref (repository), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
hs_import_dialog_dispose (GObject *object)
{
  HsImportDialog *self = HS_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  /* destroyed while applying: the worker rolls back on its own */
  if (self->apply_cancellable != NULL)
    g_cancellable_cancel (self->apply_cancellable);
  g_clear_object (&self->apply_cancellable);
  g_clear_object (&self->stopped_toast);
  g_clear_handle_id (&self->progress_poll, g_source_remove);
  g_clear_pointer (&self->progress, hs_progress_unref);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  g_clear_handle_id (&self->apply_timeout, g_source_remove);
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_IMPORT_DIALOG);
  self->stack = NULL;
  self->progress_bar = NULL;
  g_clear_pointer (&self->row_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->organisation_rows, g_ptr_array_unref);
  g_clear_pointer (&self->call_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview, hs_import_preview_free);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_import_dialog_parent_class)->dispose (object);
}

static void
hs_import_dialog_finalize (GObject *object)
{
  HsImportDialog *self = HS_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_error (&self->error);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_free (self->path);

  G_OBJECT_CLASS (hs_import_dialog_parent_class)->finalize (object);
}

static void
hs_import_dialog_class_init (HsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hs_import_dialog_dispose;
  object_class->finalize = hs_import_dialog_finalize;
  window_class->close_request = close_request_cb;

  /**
   * HsImportDialog::finished:
   * @success: whether the import was applied
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, loading_page);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, projects_group);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, failing_row);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, failing_switch);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, organisations_group);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, calls_group);
  gtk_widget_class_bind_template_child (widget_class, HsImportDialog, organisations_row);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action_cb);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
hs_import_dialog_init (HsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->state = HS_IMPORT_DIALOG_LOADING;
  g_signal_connect (self->organisations_row, "notify::selected",
                    G_CALLBACK (organisations_selected_cb), self);
  g_signal_connect (self->failing_switch, "notify::active", G_CALLBACK (failing_switch_cb), self);
  update_failing_row (self);
}

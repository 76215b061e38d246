/* hs-project-editor.c — the window in which one project is edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no Save. Each committed edit is load-modify-save: the editor
 * keeps the project as last loaded, changes a copy, and stores it with
 * hs_repository_save_project() — one transaction and one undoable action.
 * Then it reloads the project and refreshes what derives from it (the flat
 * rate, the totals, the shares, the findings). When the repository changes
 * for another reason (undo, redo, the main window) it reloads too, so the
 * editor always shows what is stored.
 *
 * Widgets are updated in place when only values change and rebuilt only
 * when the structure does (implementers, years, cost model), so that the
 * keyboard focus stays where the user put it.
 */
#define G_LOG_DOMAIN "hs-project-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-reference.h"
#include "store/hs-store-error.h"

#include "hs-amount-entry.h"
#include "hs-budget-grid.h"
#include "hs-date-row.h"
#include "hs-report-actions.h"
#include "hs-date-row-private.h"
#include "hs-financing-group.h"
#include "hs-findings-panel.h"
#include "hs-budget-page-private.h"
#include "hs-financing-page-private.h"
#include "hs-general-page.h"
#include "hs-implementers-page-private.h"
#include "hs-indicators-page.h"
#include "hs-organisation-picker.h"
#include "hs-project-editor.h"
#include "hs-project-editor-private.h"

/* The longest schedule whose years get budget columns. */
#define MAX_BUDGET_YEARS 12
/* How soon a save that found the database busy is tried again. */
#define HS_EDITOR_RETRY_MS 250

struct _HsProjectEditor
{
  AdwWindow             parent_instance;

  HsRepository         *repository;       /* owned */
  gulong                changed_handler;
  gint64                project_id;
  HsProject            *project;          /* owned; as last loaded */
  HsProject            *pending;          /* owned; after a conflict: the stored version
                                           * with this user's refused change on top */
  HsProject            *waiting;          /* owned; a save that found the database busy,
                                           * tried again until it is stored */
  guint                 retry_source;
  AdwToast             *waiting_toast;    /* while waiting */
  GtkWidget            *unsaved_dialog;   /* asked to close while waiting */
  GPtrArray            *findings;         /* owned, of HsFinding* */
  HsLang                lang;
  guint                 updating;         /* > 0 while widgets are set from the project */
  guint                 saving;           /* > 0 while this editor saves */

  /* reference data, loaded once */
  GPtrArray            *agreements;       /* of HsAgreement* */
  GPtrArray            *focus_areas;      /* of HsFocusArea*, all agreements */
  GPtrArray            *calls;            /* of HsCall*, all agreements */

  /* dynamic parts and the keys they were built for */
  HsEditorPage         *pages[5];         /* borrowed: general, implementers, budget, financing, indicators */



  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwFlap              *flap;
  AdwButtonContent     *findings_button_content;
  HsGeneralPage        *general_page;
  HsImplementersPage   *implementers_page;
  HsBudgetPage         *budget_page;
  HsFinancingPage      *financing_page;
  HsIndicatorsPage     *indicators_page;
  HsFindingsPanel      *findings_panel;
};

G_DEFINE_FINAL_TYPE (HsProjectEditor, hs_project_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_PROJECT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const page_names[] = { "general", "implementers", "budget", "financing", "indicators" };

static void refresh (HsProjectEditor *self);
static void set_pages_project (HsProjectEditor *self);
static void reload  (HsProjectEditor *self);

/* ---- small helpers ------------------------------------------------------------ */

static void
show_toast (HsProjectEditor *self,
            const char      *title,
            const char      *action)
{
  AdwToast *toast = adw_toast_new (title);

  if (action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (HsProjectEditor *self,
            const GError    *error)
{
  AdwToast *toast = adw_toast_new (error != NULL ? error->message : _("The change could not be stored"));

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const HsCall *
find_call (HsProjectEditor *self,
           gint64           id)
{
  for (guint i = 0; id != 0 && self->calls != NULL && i < self->calls->len; i++)
    {
      const HsCall *call = g_ptr_array_index (self->calls, i);
      if (call->id == id)
        return call;
    }
  return NULL;
}

static const HsFocusArea *
find_focus_area (HsProjectEditor *self,
                 gint64           id)
{
  for (guint i = 0; id != 0 && self->focus_areas != NULL && i < self->focus_areas->len; i++)
    {
      const HsFocusArea *fa = g_ptr_array_index (self->focus_areas, i);
      if (fa->id == id)
        return fa;
    }
  return NULL;
}

/* ---- storing -------------------------------------------------------------------- */

/* Someone else (another window, another program) saved the project after
 * this editor loaded it, so @mine was refused. Show what is stored now,
 * say what changed there, and offer to put this user's change on top. */
static void
show_conflict (HsProjectEditor *self,
               const HsProject *mine)
{
  g_autoptr(HsProject) base = hs_project_copy (self->project);
  g_autoptr(HsProject) theirs = NULL;
  g_autoptr(GArray) changed = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = NULL;
  AdwToast *toast;

  reload (self);   /* closes the editor when the project was deleted */
  if (self->project == NULL || base == NULL)
    return;
  theirs = hs_project_copy (self->project);

  changed = hs_project_changed_fields (base, theirs);
  for (guint i = 0; i < changed->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            hs_project_field_label (g_array_index (changed, HsProjectField, i)));
  if (names->len == 0)
    g_string_assign (names, _("no visible field"));

  g_clear_pointer (&self->pending, hs_project_free);
  self->pending = hs_project_rebase (base, mine, theirs, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.keep-mine", TRUE);

  /* Translators: a toast; %s lists fields, e.g. "Acronym, Status" */
  title = g_strdup_printf (_("Changed elsewhere meanwhile: %s. Your change was not saved."), names->str);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Keep Mine"));
  adw_toast_set_action_name (toast, "editor.keep-mine");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean save (HsProjectEditor *self, HsProject *edited);

static void
stop_waiting (HsProjectEditor *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->waiting, hs_project_free);
  if (self->waiting_toast != NULL)
    {
      adw_toast_dismiss (self->waiting_toast);
      g_clear_object (&self->waiting_toast);
    }
}

static gboolean
retry_cb (gpointer user_data)
{
  HsProjectEditor *self = user_data;

  self->retry_source = 0;
  if (self->waiting != NULL)
    save (self, g_steal_pointer (&self->waiting));
  return G_SOURCE_REMOVE;
}

/* Another program holds the database's write lock: keep what the user
 * typed, say so, and try again shortly, without blocking the window. */
static void
wait_and_retry (HsProjectEditor *self,
                HsProject       *edited)   /* taken */
{
  g_clear_pointer (&self->waiting, hs_project_free);
  self->waiting = edited;
  /* the pages' next edits start from it */
  set_pages_project (self);
  if (self->waiting_toast == NULL)
    {
      self->waiting_toast = g_object_ref (adw_toast_new (_("Another program is writing to the portfolio; "
                                                           "your change will be saved as soon as it is done")));
      adw_toast_set_priority (self->waiting_toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (self->waiting_toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, self->waiting_toast);
    }
  if (self->retry_source == 0)
    self->retry_source = g_timeout_add (HS_EDITOR_RETRY_MS, retry_cb, self);
}

/* Stores @edited (transfer full) as one action and shows the result. On an
 * error the widgets go back to what is stored and FALSE is returned. */
static gboolean
save (HsProjectEditor *self,
      HsProject       *edited)
{
  g_autoptr(HsProject) project = edited;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->saving++;
  ok = hs_repository_save_project (self->repository, project, &error);
  self->saving--;

  if (!ok && g_error_matches (error, HS_STORE_ERROR, HS_STORE_ERROR_BUSY))
    {
      g_debug ("Saving %s waits: %s", project->code, error->message);
      wait_and_retry (self, g_steal_pointer (&project));
      return FALSE;
    }
  stop_waiting (self);
  if (!ok && g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_STALE))
    {
      show_conflict (self, project);
      return FALSE;
    }
  if (!ok)
    {
      g_debug ("Saving %s failed: %s", project->code, error->message);
      show_error (self, error);
      refresh (self);
      return FALSE;
    }

  reload (self);
  if (self->unsaved_dialog != NULL)
    {
      /* the user asked to close while this waited: done now */
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->unsaved_dialog)));
      gtk_window_close (GTK_WINDOW (self));
    }
  return TRUE;
}

/* ---- implementers ---------------------------------------------------------------- */

static void
add_implementer_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (widget);

  hs_implementers_page_add (self->implementers_page);
}

/* ---- pages ----------------------------------------------------------------------- */

/* What an edit starts from: the project as loaded, or as it waits to be
 * saved. */
static const HsProject *
edit_base (HsProjectEditor *self)
{
  return self->waiting != NULL ? self->waiting : self->project;
}

static void
set_pages_project (HsProjectEditor *self)
{
  const HsProject *base = edit_base (self);
  const HsCall *call = base != NULL ? find_call (self, base->call_id) : NULL;

  hs_financing_page_set_max_support (self->financing_page,
                                     call != NULL ? call->max_support_bp : HS_DEFAULT_MAX_SUPPORT_BP);
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    hs_editor_page_set_project (self->pages[i], base);
}

/* A page's change, saved as one action. */
static gboolean
page_edited_cb (HsEditorPage    *page,
                const HsProject *edited,
                GError         **error,
                HsProjectEditor *self)
{
  g_autoptr(HsProject) copy = NULL;
  gboolean ok;

  if (self->project == NULL)
    return FALSE;
  copy = hs_project_copy (edited);
  if (error == NULL)
    return save (self, g_steal_pointer (&copy));

  /* the page shows a refusal beside its field (a code that is taken),
   * and keeps what was typed */
  self->saving++;
  ok = hs_repository_save_project (self->repository, copy, error);
  self->saving--;
  if (ok)
    reload (self);
  return ok;
}

/* ---- findings ---------------------------------------------------------------------- */

static void
refresh_findings (HsProjectEditor *self)
{
  HsValidationContext context = { 0, };
  guint errors, warnings;
  g_autofree char *count = NULL;

  context.call = find_call (self, self->project->call_id);
  context.focus_area = find_focus_area (self, self->project->focus_area_id);
  for (guint i = 0; self->agreements != NULL && i < self->agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (self->agreements, i))->id == self->project->agreement_id)
      context.agreement = g_ptr_array_index (self->agreements, i);
  context.lang = self->lang;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = hs_validate_project (self->project, &context);
  errors = hs_findings_count_errors (self->findings);
  warnings = self->findings->len - errors;

  hs_findings_panel_set_findings (self->findings_panel, self->findings);

  count = g_strdup_printf ("%u", self->findings->len);
  adw_button_content_set_label (self->findings_button_content, count);
  adw_button_content_set_icon_name (self->findings_button_content,
                                    errors > 0 ? "dialog-error-symbolic"
                                    : warnings > 0 ? "dialog-warning-symbolic" : "object-select-symbolic");
}

static void
finding_activated_cb (HsProjectEditor *self,
                      const char      *field)
{
  if (field != NULL && hs_project_editor_focus_field (self, field) && adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
focus_field_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  hs_project_editor_focus_field (HS_PROJECT_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

/* ---- refreshing -------------------------------------------------------------------- */

static void
update_title (HsProjectEditor *self)
{
  const char *name = hs_project_display_name (self->project);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", self->project->code, hs_status_label (self->project->status));

  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
update_undo_actions (HsProjectEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", hs_repository_can_undo (self->repository));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", hs_repository_can_redo (self->repository));
}

static void
refresh (HsProjectEditor *self)
{
  if (self->project == NULL)
    return;

  self->updating++;
  set_pages_project (self);
  refresh_findings (self);
  update_title (self);
  update_undo_actions (self);
  self->updating--;
}

/* A call made, edited or deleted (on the Calls page, by undo, by another
 * program) shows in the call chooser, its limits and the findings. The
 * general page borrows the list: it gets the new one before the old goes,
 * and refresh() gives it the project again, which rebuilds its chooser. */
static void
reload_calls (HsProjectEditor *self)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (self->repository, 0, NULL);
  g_autoptr(GPtrArray) old = NULL;
  gboolean same;

  if (calls == NULL || self->calls == NULL)
    return;
  same = calls->len == self->calls->len;
  for (guint i = 0; same && i < calls->len; i++)
    same = hs_call_equal (g_ptr_array_index (calls, i), g_ptr_array_index (self->calls, i));
  if (same)
    return;
  old = g_steal_pointer (&self->calls);
  self->calls = g_steal_pointer (&calls);
  hs_general_page_set_reference (self->general_page, self->agreements, self->focus_areas, self->calls);
}

static void
reload (HsProjectEditor *self)
{
  g_autoptr(GError) error = NULL;
  HsProject *project;

  if (self->repository == NULL)
    return;

  project = hs_repository_load_project (self->repository, self->project_id, &error);
  if (project == NULL)
    {
      if (g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND) && self->project != NULL)
        {
          /* Deleted, or its creation undone: nothing left to edit. */
          g_debug ("Project %" G_GINT64_FORMAT " is gone; closing its editor", self->project_id);
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      show_error (self, error);
      update_undo_actions (self);
      return;
    }

  g_clear_pointer (&self->project, hs_project_free);
  self->project = project;
  reload_calls (self);
  /* what a conflict offered was based on the version before this one */
  g_clear_pointer (&self->pending, hs_project_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.keep-mine", FALSE);
  refresh (self);
}

static void
repository_changed_cb (HsRepository    *repository,
                       HsProjectEditor *self)
{
  /* Our own saves reload right after storing; a save that waits for the
   * database keeps showing what the user typed until it is stored (or
   * refused as stale, which shows both). */
  if (self->saving > 0 || self->waiting != NULL)
    return;
  reload (self);
}

/* ---- actions ------------------------------------------------------------------------ */

static void
keep_mine_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (widget);

  if (self->pending == NULL)
    return;
  /* saved on the version it was made from; changed again meanwhile, it
   * is refused and offered again */
  save (self, g_steal_pointer (&self->pending));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (widget);
  gboolean redo = g_str_equal (action_name, "editor.redo");
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GObject) keep = g_object_ref (G_OBJECT (self));

  what = redo ? hs_repository_redo (self->repository, &error)
              : hs_repository_undo (self->repository, &error);
  if (what == NULL)
    {
      if (!g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_NOTHING_TO_UNDO))
        show_error (self, error);
      return;
    }

  /* The repository's "changed" has reloaded the project (or closed us). */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL && self->project != NULL)
    {
      /* Translators: a toast; %s says what, e.g. "Edit project PKS-001" */
      g_autofree char *title = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), what);
      show_toast (self, title, NULL);
    }
}

static void commit_focused (HsProjectEditor *self);

/* The project's application as a PDF: what is typed is stored first. */
static void
export_application_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (widget);

  if (self->project == NULL || self->repository == NULL)
    return;
  commit_focused (self);
  hs_export_project_report (GTK_WINDOW (self), self->repository, self->project->id);
}

static void
show_page_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  hs_project_editor_set_page (HS_PROJECT_EDITOR (widget), g_variant_get_string (parameter, NULL));
}

static void
toggle_findings_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* Commits the field being typed in, as leaving it would. */
static void
commit_focused (HsProjectEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (HS_IS_AMOUNT_ENTRY (w))
        {
          hs_amount_entry_commit (HS_AMOUNT_ENTRY (w));
          return;
        }
      if (HS_IS_DATE_ROW (w))
        {
          hs_date_row_commit (HS_DATE_ROW (w));
          return;
        }
    }
  /* a page's own fields: texts, the summary, indicator targets */
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    if (hs_editor_page_commit_focused (self->pages[i], focus))
      return;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HsProjectEditor  *self)
{
  self->unsaved_dialog = NULL;
  if (g_strcmp0 (response, "discard") == 0)
    {
      stop_waiting (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
hs_project_editor_close_request (GtkWindow *window)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (window);

  if (self->project != NULL && self->repository != NULL)
    commit_focused (self);

  /* A change that waits for another program is not thrown away by closing:
   * one more try, and if the file is still busy the user decides. */
  if (self->waiting != NULL)
    save (self, g_steal_pointer (&self->waiting));
  if (self->waiting != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Your Change Is Not Saved Yet"),
                                                  _("Another program is still writing to the portfolio. "
                                                    "Wait, and the change is saved as soon as it is done, "
                                                    "or close the editor and lose it."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "wait", _("_Wait"),
                                        "discard", _("_Discard the Change"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "wait");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "wait");
      g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
      self->unsaved_dialog = dialog;
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (hs_project_editor_parent_class)->close_request (window);
}

/* ---- fields ---------------------------------------------------------------------------- */

static GtkWidget *
lookup_field (HsProjectEditor *self,
              const char      *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  if (parts[0] == NULL)
    return NULL;

  /* every field is a page's */
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      GtkWidget *field = hs_editor_page_lookup_field (self->pages[i], path);

      if (field != NULL)
        return field;
    }
  return NULL;
}

GtkWidget *
_hs_project_editor_get_field (HsProjectEditor *self,
                             const char      *path)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return lookup_field (self, path);
}

gboolean
hs_project_editor_focus_field (HsProjectEditor *self,
                               const char      *path)
{
  g_autofree char *p = NULL;
  GtkWidget *widget = NULL;

  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* "implementers/0/budget/2031/staff" → … → "implementers/0" */
  p = g_strdup (path);
  while (widget == NULL && *p != '\0')
    {
      char *slash;

      widget = lookup_field (self, p);
      if (widget != NULL)
        break;
      slash = strrchr (p, '/');
      if (slash == NULL)
        break;
      *slash = '\0';
    }
  if (widget == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, page_names[i]);

      if (page != NULL && gtk_widget_is_ancestor (widget, page))
        {
          adw_view_stack_set_visible_child (self->view_stack, page);
          break;
        }
    }

  return gtk_widget_grab_focus (widget);
}

/* ---- API --------------------------------------------------------------------------------- */

GtkWidget *
hs_project_editor_new (HsRepository *repository,
                       gint64        project_id)
{
  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  return g_object_new (HS_TYPE_PROJECT_EDITOR,
                       "repository", repository,
                       "project-id", project_id,
                       NULL);
}

void
hs_project_editor_present (HsProjectEditor *self,
                           GtkWindow       *parent)
{
  g_return_if_fail (HS_IS_PROJECT_EDITOR (self));

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  gtk_window_present (GTK_WINDOW (self));
}

gint64
hs_project_editor_get_project_id (HsProjectEditor *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), 0);
  return self->project_id;
}

const HsProject *
_hs_project_editor_get_project (HsProjectEditor *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  return self->project;
}

GPtrArray *
_hs_project_editor_get_findings (HsProjectEditor *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  return self->findings;
}

HsFindingsPanel *
_hs_project_editor_get_findings_panel (HsProjectEditor *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  return self->findings_panel;
}

HsBudgetGrid *
_hs_project_editor_get_budget_total (HsProjectEditor *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  return _hs_budget_page_get_total (self->budget_page);
}

HsBudgetGrid *
_hs_project_editor_get_budget_grid (HsProjectEditor *self,
                                   guint            implementer)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  return _hs_budget_page_get_grid (self->budget_page, implementer);
}

HsFinancingGroup *
_hs_project_editor_get_financing_group (HsProjectEditor *self,
                                       guint            implementer)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  return _hs_financing_page_get_group (self->financing_page, implementer);
}

HsOrganisationPicker *
_hs_project_editor_get_picker (HsProjectEditor *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  return _hs_implementers_page_get_picker (self->implementers_page);
}

const char *
_hs_project_editor_get_page (HsProjectEditor *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_EDITOR (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
hs_project_editor_set_page (HsProjectEditor *self,
                            const char      *page)
{
  g_return_if_fail (HS_IS_PROJECT_EDITOR (self));
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
load_reference_data (HsProjectEditor *self)
{
  g_autoptr(GError) error = NULL;

  self->agreements = hs_repository_list_agreements (self->repository, &error);
  if (self->agreements == NULL)
    {
      g_warning ("Could not list the agreements: %s", error->message);
      g_clear_error (&error);
    }
  self->focus_areas = hs_repository_list_focus_areas (self->repository, 0, &error);
  if (self->focus_areas == NULL)
    {
      g_warning ("Could not list the focus areas: %s", error->message);
      g_clear_error (&error);
    }
  self->calls = hs_repository_list_calls (self->repository, 0, &error);
  if (self->calls == NULL)
    {
      g_warning ("Could not list the calls: %s", error->message);
      g_clear_error (&error);
    }

  hs_general_page_set_reference (self->general_page, self->agreements, self->focus_areas, self->calls);
}

static void
hs_project_editor_constructed (GObject *object)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (object);

  G_OBJECT_CLASS (hs_project_editor_parent_class)->constructed (object);

  if (self->repository == NULL)
    return;

  self->updating++;
  load_reference_data (self);
  self->updating--;
  hs_implementers_page_set_repository (self->implementers_page, self->repository);

  self->changed_handler = g_signal_connect (self->repository, "changed",
                                            G_CALLBACK (repository_changed_cb), self);
  reload (self);
}

static void
hs_project_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;

    case PROP_PROJECT_ID:
      self->project_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_project_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_project_editor_dispose (GObject *object)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (object);

  if (self->repository != NULL && self->changed_handler != 0)
    g_clear_signal_handler (&self->changed_handler, self->repository);

  /* Nothing may be saved any more while the widgets go away. */
  stop_waiting (self);
  g_clear_pointer (&self->project, hs_project_free);
  g_clear_pointer (&self->pending, hs_project_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_PROJECT_EDITOR);

  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_project_editor_parent_class)->dispose (object);
}

static void
hs_project_editor_finalize (GObject *object)
{
  HsProjectEditor *self = HS_PROJECT_EDITOR (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->agreements, g_ptr_array_unref);
  g_clear_pointer (&self->focus_areas, g_ptr_array_unref);
  g_clear_pointer (&self->calls, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_project_editor_parent_class)->finalize (object);
}

static void
hs_project_editor_class_init (HsProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hs_project_editor_constructed;
  object_class->set_property = hs_project_editor_set_property;
  object_class->get_property = hs_project_editor_get_property;
  object_class->dispose = hs_project_editor_dispose;
  object_class->finalize = hs_project_editor_finalize;
  window_class->close_request = hs_project_editor_close_request;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, HS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HS_TYPE_FINDINGS_PANEL);
  g_type_ensure (HS_TYPE_DATE_ROW);
  g_type_ensure (HS_TYPE_GENERAL_PAGE);
  g_type_ensure (HS_TYPE_IMPLEMENTERS_PAGE);
  g_type_ensure (HS_TYPE_BUDGET_PAGE);
  g_type_ensure (HS_TYPE_FINANCING_PAGE);
  g_type_ensure (HS_TYPE_INDICATORS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, flap);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, findings_button_content);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, general_page);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, implementers_page);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, budget_page);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, financing_page);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, indicators_page);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, findings_panel);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.keep-mine", NULL, keep_mine_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-implementer", NULL, add_implementer_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.focus-field", "s", focus_field_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.show-page", "s", show_page_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.export-application", NULL, export_application_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "editor.export-application", NULL);
  gtk_widget_class_install_action (widget_class, "editor.toggle-findings", NULL, toggle_findings_action_cb);

  /* Inside a text field the field's own Ctrl+Z undoes the typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "editor.add-implementer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "editor.toggle-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  /* Esc closes the editor too (the edits are stored as they are made);
   * inside a popover or a dialog over it, Esc closes that first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "editor.show-page", "s", page_names[i]);
}

/* GTK 4.8's viewports scroll to the focus only when their own focus child
 * changes: Tab from one budget cell to the next, or a finding that goes to
 * a cell, stays inside the same child and left the cell out of view. The
 * focused widget is brought into view in every viewport it is in. */
static void
focus_widget_changed_cb (HsProjectEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *child;
      graphene_rect_t bounds;

      if (!GTK_IS_VIEWPORT (w) || (child = gtk_viewport_get_child (GTK_VIEWPORT (w))) == NULL ||
          !gtk_widget_compute_bounds (focus, child, &bounds))
        continue;
      gtk_adjustment_clamp_page (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (w)),
                                 bounds.origin.x, bounds.origin.x + bounds.size.width);
      gtk_adjustment_clamp_page (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (w)),
                                 bounds.origin.y, bounds.origin.y + bounds.size.height);
    }
}

static void
hs_project_editor_init (HsProjectEditor *self)
{
  self->lang = hs_lang_current ();
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages[0] = HS_EDITOR_PAGE (self->general_page);
  self->pages[1] = HS_EDITOR_PAGE (self->implementers_page);
  self->pages[2] = HS_EDITOR_PAGE (self->budget_page);
  self->pages[3] = HS_EDITOR_PAGE (self->financing_page);
  self->pages[4] = HS_EDITOR_PAGE (self->indicators_page);
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    g_signal_connect (self->pages[i], "edited", G_CALLBACK (page_edited_cb), self);
}

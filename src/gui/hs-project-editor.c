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
#include "hs-implementers-page-private.h"
#include "hs-indicators-page.h"
#include "hs-organisation-picker.h"
#include "hs-project-editor.h"
#include "hs-project-editor-private.h"

/* The longest schedule whose years get budget columns. */
#define MAX_BUDGET_YEARS 12
/* How soon a save that found the database busy is tried again. */
#define HS_EDITOR_RETRY_MS 250

typedef enum
{
  TEXT_NAME_FI,
  TEXT_NAME_SV,
  TEXT_NAME_EN,
  TEXT_ACRONYM,
  TEXT_CODE,
  N_TEXT_FIELDS
} TextField;

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
  GPtrArray            *shown_focus_areas; /* borrowed HsFocusArea* of the combo, [0] = NULL */
  GPtrArray            *shown_calls;      /* borrowed HsCall* of the combo, [0] = NULL */
  GArray               *shown_statuses;   /* HsStatus of the status combo */
  char                 *combos_key;       /* what the focus-area and call combos list */
  guint                 choices_idle;     /* applies a choice made in a combo */

  /* dynamic parts and the keys they were built for */
  HsEditorPage         *pages[4];         /* borrowed: implementers, budget, financing, indicators */



  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwFlap              *flap;
  AdwButtonContent     *findings_button_content;
  AdwEntryRow          *name_fi_row;
  AdwEntryRow          *name_sv_row;
  AdwEntryRow          *name_en_row;
  AdwEntryRow          *acronym_row;
  AdwEntryRow          *code_row;
  GtkLabel             *code_error;
  AdwComboRow          *agreement_row;
  AdwComboRow          *focus_area_row;
  AdwComboRow          *call_row;
  AdwComboRow          *cost_model_row;
  HsDateRow            *start_row;
  HsDateRow            *end_row;
  AdwComboRow          *status_row;
  HsImplementersPage   *implementers_page;
  GtkTextView          *summary_view;
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

static void
set_field_error (GtkWidget  *row,
                 GtkLabel   *label,
                 const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (label != NULL)
    {
      gtk_label_set_text (label, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
    }
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static gboolean
has_focus_within (gpointer widget)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (widget)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static char *
stripped_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
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

/* A copy of the project as last loaded (or as waiting to be saved), to
 * change and hand to save (). */
static HsProject *
begin_edit (HsProjectEditor *self)
{
  return hs_project_copy (self->waiting != NULL ? self->waiting : self->project);
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

/* ---- general: texts ------------------------------------------------------------- */

typedef void (*LeaveCommit) (HsProjectEditor *self,
                             GtkWidget       *widget);

typedef struct
{
  HsProjectEditor *self;
  GtkWidget       *widget;
  LeaveCommit      commit;
} LeaveCommitData;

static void
leave_commit_data_free (gpointer data)
{
  LeaveCommitData *d = data;

  g_object_unref (d->self);
  g_object_unref (d->widget);
  g_free (d);
}

static gboolean
leave_commit_cb (gpointer data)
{
  LeaveCommitData *d = data;

  if (d->self->project != NULL && d->self->repository != NULL)
    d->commit (d->self, d->widget);
  return G_SOURCE_REMOVE;
}

/* A field left is committed once the focus has moved on: what a save
 * rebuilds (findings, implementer rows, budget grids) must not be taken
 * apart while GTK still walks the widgets the focus leaves and enters —
 * that walk never ends on a widget removed under it. */
static void
commit_after_leave (HsProjectEditor *self,
                    GtkWidget       *widget,
                    LeaveCommit      commit)
{
  LeaveCommitData *d = g_new0 (LeaveCommitData, 1);

  d->self = g_object_ref (self);
  d->widget = g_object_ref (widget);
  d->commit = commit;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, leave_commit_cb, d, leave_commit_data_free);
}

static AdwEntryRow *
text_row (HsProjectEditor *self,
          TextField        field)
{
  switch (field)
    {
    case TEXT_NAME_FI: return self->name_fi_row;
    case TEXT_NAME_SV: return self->name_sv_row;
    case TEXT_NAME_EN: return self->name_en_row;
    case TEXT_ACRONYM: return self->acronym_row;
    case TEXT_CODE:    return self->code_row;
    case N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static char **
text_slot (HsProject *project,
           TextField  field)
{
  switch (field)
    {
    case TEXT_NAME_FI: return &project->name_fi;
    case TEXT_NAME_SV: return &project->name_sv;
    case TEXT_NAME_EN: return &project->name_en;
    case TEXT_ACRONYM: return &project->acronym;
    case TEXT_CODE:    return &project->code;
    case N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
commit_text (HsProjectEditor *self,
             TextField        field)
{
  g_autofree char *text = NULL;
  g_autoptr(HsProject) edited = NULL;
  char **slot;

  if (self->updating > 0 || self->project == NULL)
    return;

  text = stripped_text (text_row (self, field));
  if (g_strcmp0 (text, *text_slot (self->project, field) != NULL ? *text_slot (self->project, field) : "") == 0)
    {
      if (field == TEXT_CODE)
        set_field_error (GTK_WIDGET (self->code_row), self->code_error, NULL);
      return;
    }

  if (field == TEXT_CODE && *text == '\0')
    {
      set_field_error (GTK_WIDGET (self->code_row), self->code_error, _("A project needs a code"));
      return;
    }

  edited = begin_edit (self);
  slot = text_slot (edited, field);
  g_free (*slot);
  *slot = *text != '\0' ? g_steal_pointer (&text) : NULL;

  if (field == TEXT_CODE)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      self->saving++;
      ok = hs_repository_save_project (self->repository, edited, &error);
      self->saving--;
      if (!ok)
        {
          /* Keep what was typed, and say why it was not stored. */
          set_field_error (GTK_WIDGET (self->code_row), self->code_error, error->message);
          return;
        }
      set_field_error (GTK_WIDGET (self->code_row), self->code_error, NULL);
      reload (self);
      return;
    }

  save (self, g_steal_pointer (&edited));
}

static void
text_row_commit_cb (AdwEntryRow     *row,
                    HsProjectEditor *self)
{
  commit_text (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "hs-field")));
}

static void
commit_text_row (HsProjectEditor *self,
                 GtkWidget       *row)
{
  commit_text (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "hs-field")));
}

/* ---- general: the summary ----------------------------------------------------- */

static char *
summary_text (HsProjectEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static void
commit_summary (HsProjectEditor *self,
                GtkWidget       *view)
{
  g_autofree char *text = NULL;
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL)
    return;

  text = summary_text (self);
  if (g_strcmp0 (text, self->project->summary != NULL ? self->project->summary : "") == 0)
    return;

  edited = begin_edit (self);
  g_free (edited->summary);
  edited->summary = *text != '\0' ? g_steal_pointer (&text) : NULL;
  save (self, g_steal_pointer (&edited));
}

static void
summary_leave_cb (GtkEventControllerFocus *controller,
                  HsProjectEditor         *self)
{
  commit_after_leave (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), commit_summary);
}

static void
refresh_summary (HsProjectEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  g_autofree char *shown = NULL;

  /* what is being typed stays until it is left */
  if (has_focus_within (self->summary_view))
    return;
  shown = summary_text (self);
  if (g_strcmp0 (shown, self->project->summary != NULL ? self->project->summary : "") != 0)
    {
      /* a text from the store is not the user's typing to undo */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, self->project->summary != NULL ? self->project->summary : "", -1);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
}

static void
text_row_leave_cb (GtkEventControllerFocus *controller,
                   HsProjectEditor         *self)
{
  commit_after_leave (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), commit_text_row);
}

/* ---- general: dates ------------------------------------------------------------- */

static void
date_committed_cb (HsDateRow       *row,
                   guint            julian,
                   HsProjectEditor *self)
{
  g_autoptr(HsProject) edited = NULL;
  GDate *slot;

  if (self->updating > 0 || self->project == NULL)
    return;

  edited = begin_edit (self);
  slot = row == self->start_row ? &edited->start_date : &edited->end_date;
  g_date_clear (slot, 1);
  if (julian != 0)
    g_date_set_julian (slot, julian);
  save (self, g_steal_pointer (&edited));
}

/* ---- general: choices ------------------------------------------------------------- */

static void
apply_agreement (HsProjectEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->agreement_row);
  const HsAgreement *agreement;
  g_autoptr(HsProject) edited = NULL;
  const HsFocusArea *focus_area;
  const HsCall *call;

  if (self->updating > 0 || self->project == NULL || self->agreements == NULL ||
      selected >= self->agreements->len)
    return;

  agreement = g_ptr_array_index (self->agreements, selected);
  if (agreement->id == self->project->agreement_id)
    return;

  edited = begin_edit (self);
  edited->agreement_id = agreement->id;
  /* A focus area or call of another agreement no longer fits. */
  focus_area = find_focus_area (self, edited->focus_area_id);
  if (focus_area != NULL && focus_area->agreement_id != agreement->id)
    edited->focus_area_id = 0;
  call = find_call (self, edited->call_id);
  if (call != NULL && call->agreement_id != 0 && call->agreement_id != agreement->id)
    edited->call_id = 0;
  save (self, g_steal_pointer (&edited));
}

static void
apply_focus_area (HsProjectEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->focus_area_row);
  const HsFocusArea *fa;
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL || selected >= self->shown_focus_areas->len)
    return;

  fa = g_ptr_array_index (self->shown_focus_areas, selected);
  if ((fa != NULL ? fa->id : 0) == self->project->focus_area_id)
    return;

  edited = begin_edit (self);
  edited->focus_area_id = fa != NULL ? fa->id : 0;
  save (self, g_steal_pointer (&edited));
}

static void
apply_call (HsProjectEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->call_row);
  const HsCall *call;
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL || selected >= self->shown_calls->len)
    return;

  call = g_ptr_array_index (self->shown_calls, selected);
  if ((call != NULL ? call->id : 0) == self->project->call_id)
    return;

  edited = begin_edit (self);
  edited->call_id = call != NULL ? call->id : 0;
  save (self, g_steal_pointer (&edited));
}

static void
apply_cost_model (HsProjectEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->cost_model_row);
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL || selected >= HS_N_COST_MODELS ||
      (HsCostModel) selected == self->project->cost_model)
    return;

  edited = begin_edit (self);
  edited->cost_model = selected;
  save (self, g_steal_pointer (&edited));
}

static void
apply_status (HsProjectEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);
  g_autoptr(HsProject) edited = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  HsStatusChange change;
  HsStatus status;

  if (self->updating > 0 || self->project == NULL || selected == 0 ||
      selected >= self->shown_statuses->len)
    return;

  status = g_array_index (self->shown_statuses, HsStatus, selected);
  if (!hs_status_transition_allowed (self->project->status, status))
    return;

  edited = begin_edit (self);
  edited->status = status;
  change.status = status;
  g_date_clear (&change.date, 1);
  g_date_set_dmy (&change.date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_array_append_val (edited->history, change);
  save (self, g_steal_pointer (&edited));
}

/* A choice is stored from an idle: storing refreshes the lists, and a
 * combo's model must not be replaced while it is telling about its own
 * selection. */
static gboolean
apply_choices_idle_cb (gpointer data)
{
  HsProjectEditor *self = data;

  self->choices_idle = 0;
  apply_agreement (self);
  apply_focus_area (self);
  apply_call (self);
  apply_cost_model (self);
  apply_status (self);
  return G_SOURCE_REMOVE;
}

static void
choice_changed_cb (HsProjectEditor *self)
{
  if (self->updating > 0 || self->project == NULL || self->choices_idle != 0)
    return;
  self->choices_idle = g_idle_add_full (G_PRIORITY_DEFAULT, apply_choices_idle_cb,
                                        g_object_ref (self), g_object_unref);
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
                HsProjectEditor *self)
{
  if (self->project == NULL)
    return FALSE;
  return save (self, hs_project_copy (edited));
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
refresh_reference_combos (HsProjectEditor *self)
{
  g_autoptr(GtkStringList) focus_areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) calls = gtk_string_list_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  /* agreements */
  for (guint i = 0; self->agreements != NULL && i < self->agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (self->agreements, i))->id == self->project->agreement_id)
      selected = i;
  adw_combo_row_set_selected (self->agreement_row, selected);

  /* focus areas and calls of the agreement, plus the project's own if it is
   * of another one (the finding about it must be fixable here) */
  g_ptr_array_set_size (self->shown_focus_areas, 0);
  g_ptr_array_add (self->shown_focus_areas, NULL);
  gtk_string_list_append (focus_areas, _("None"));
  for (guint i = 0; self->focus_areas != NULL && i < self->focus_areas->len; i++)
    {
      HsFocusArea *fa = g_ptr_array_index (self->focus_areas, i);
      if (fa->agreement_id == self->project->agreement_id || fa->id == self->project->focus_area_id)
        {
          g_ptr_array_add (self->shown_focus_areas, fa);
          gtk_string_list_append (focus_areas, fa->name);
          g_string_append_printf (key, "f%" G_GINT64_FORMAT ",", fa->id);
        }
    }

  g_ptr_array_set_size (self->shown_calls, 0);
  g_ptr_array_add (self->shown_calls, NULL);
  gtk_string_list_append (calls, _("No call"));
  for (guint i = 0; self->calls != NULL && i < self->calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (self->calls, i);
      if (call->agreement_id == 0 || call->agreement_id == self->project->agreement_id ||
          call->id == self->project->call_id)
        {
          g_autofree char *call_name = hs_call_dup_display_name (call, self->lang);

          g_ptr_array_add (self->shown_calls, call);
          gtk_string_list_append (calls, call_name);
          g_string_append_printf (key, "c%" G_GINT64_FORMAT ",", call->id);
        }
    }

  /* Replace the lists only when they differ, so an open list stays. */
  if (g_strcmp0 (key->str, self->combos_key) != 0)
    {
      g_free (self->combos_key);
      self->combos_key = g_strdup (key->str);
      adw_combo_row_set_model (self->focus_area_row, G_LIST_MODEL (focus_areas));
      adw_combo_row_set_model (self->call_row, G_LIST_MODEL (calls));
    }

  selected = 0;
  for (guint i = 1; i < self->shown_focus_areas->len; i++)
    if (((HsFocusArea *) g_ptr_array_index (self->shown_focus_areas, i))->id == self->project->focus_area_id)
      selected = i;
  adw_combo_row_set_selected (self->focus_area_row, selected);

  selected = 0;
  for (guint i = 1; i < self->shown_calls->len; i++)
    if (((HsCall *) g_ptr_array_index (self->shown_calls, i))->id == self->project->call_id)
      selected = i;
  adw_combo_row_set_selected (self->call_row, selected);
}

static void
refresh_status (HsProjectEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;

  g_array_set_size (self->shown_statuses, 0);
  g_array_append_val (self->shown_statuses, self->project->status);
  gtk_string_list_append (labels, hs_status_label (self->project->status));
  for (HsStatus s = 0; s < HS_N_STATUSES; s++)
    if (s != self->project->status && hs_status_transition_allowed (self->project->status, s))
      {
        g_autofree char *label = g_strdup_printf ("→ %s", hs_status_label (s));
        g_array_append_val (self->shown_statuses, s);
        gtk_string_list_append (labels, label);
      }

  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->status_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), self->shown_statuses->len > 1);

  if (self->project->history->len > 0)
    {
      const HsStatusChange *last = &g_array_index (self->project->history, HsStatusChange,
                                                   self->project->history->len - 1);
      g_autofree char *date = hs_date_format (&last->date, self->lang);
      /* Translators: under the status: "Since 9.2.2021" */
      subtitle = g_strdup_printf (_("Since %s"), date);
    }
  if (self->shown_statuses->len <= 1)
    {
      g_autofree char *final = g_strdup (_("A final status"));
      g_free (subtitle);
      subtitle = g_steal_pointer (&final);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), subtitle != NULL ? subtitle : "");
}

static void
refresh_dates (HsProjectEditor *self)
{
  hs_date_row_set_date (self->start_row, &self->project->start_date);
  hs_date_row_set_date (self->end_row, &self->project->end_date);
}

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

  for (TextField f = 0; f < N_TEXT_FIELDS; f++)
    {
      AdwEntryRow *row = text_row (self, f);

      /* The code the user typed stays while it says why it was refused. */
      if (f == TEXT_CODE && gtk_widget_has_css_class (GTK_WIDGET (row), "error") && has_focus_within (row))
        continue;
      set_editable_text (GTK_EDITABLE (row), *text_slot (self->project, f));
      if (f == TEXT_CODE)
        set_field_error (GTK_WIDGET (row), self->code_error, NULL);
    }

  refresh_summary (self);
  refresh_reference_combos (self);
  adw_combo_row_set_selected (self->cost_model_row, self->project->cost_model);
  refresh_dates (self);
  refresh_status (self);
  set_pages_project (self);
  refresh_findings (self);
  update_title (self);
  update_undo_actions (self);

  self->updating--;
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
      if (ADW_IS_ENTRY_ROW (w) && g_object_get_data (G_OBJECT (w), "hs-kind") != NULL)
        {
          commit_text (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (w), "hs-field")));
          return;
        }
      if (w == GTK_WIDGET (self->summary_view))
        {
          commit_summary (self, w);
          return;
        }
    }
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

  if (g_str_equal (path, "name-fi"))
    return GTK_WIDGET (self->name_fi_row);
  if (g_str_equal (path, "name-sv"))
    return GTK_WIDGET (self->name_sv_row);
  if (g_str_equal (path, "name-en"))
    return GTK_WIDGET (self->name_en_row);
  if (g_str_equal (path, "acronym"))
    return GTK_WIDGET (self->acronym_row);
  if (g_str_equal (path, "summary"))
    return GTK_WIDGET (self->summary_view);
  if (g_str_equal (path, "code"))
    return GTK_WIDGET (self->code_row);
  if (g_str_equal (path, "agreement"))
    return GTK_WIDGET (self->agreement_row);
  if (g_str_equal (path, "focus-area"))
    return GTK_WIDGET (self->focus_area_row);
  if (g_str_equal (path, "call"))
    return GTK_WIDGET (self->call_row);
  if (g_str_equal (path, "cost-model"))
    return GTK_WIDGET (self->cost_model_row);
  if (g_str_equal (parts[0], "status"))
    return GTK_WIDGET (self->status_row);
  if (g_str_equal (path, "schedule/start") || g_str_equal (path, "schedule"))
    return GTK_WIDGET (self->start_row);
  if (g_str_equal (path, "schedule/end"))
    return GTK_WIDGET (self->end_row);
  if (g_str_equal (path, "schedule/start/calendar"))
    return GTK_WIDGET (_hs_date_row_get_calendar (self->start_row));
  if (g_str_equal (path, "schedule/end/calendar"))
    return GTK_WIDGET (_hs_date_row_get_calendar (self->end_row));
  if (g_str_equal (path, "schedule/start/button"))
    return GTK_WIDGET (_hs_date_row_get_button (self->start_row));
  if (g_str_equal (path, "schedule/end/button"))
    return GTK_WIDGET (_hs_date_row_get_button (self->end_row));
  /* the pages' own: implementers, their budgets and financing, indicators */
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
  g_autoptr(GtkStringList) agreements = gtk_string_list_new (NULL);

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

  for (guint i = 0; self->agreements != NULL && i < self->agreements->len; i++)
    gtk_string_list_append (agreements, ((HsAgreement *) g_ptr_array_index (self->agreements, i))->region_name);
  adw_combo_row_set_model (self->agreement_row, G_LIST_MODEL (agreements));
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
  g_clear_handle_id (&self->choices_idle, g_source_remove);

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
  g_clear_pointer (&self->shown_focus_areas, g_ptr_array_unref);
  g_clear_pointer (&self->shown_calls, g_ptr_array_unref);
  g_clear_pointer (&self->shown_statuses, g_array_unref);
  g_clear_pointer (&self->combos_key, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, name_fi_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, name_sv_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, acronym_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, code_error);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, agreement_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, focus_area_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, call_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, cost_model_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, implementers_page);
  gtk_widget_class_bind_template_child (widget_class, HsProjectEditor, summary_view);
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

static void
connect_text_row (HsProjectEditor *self,
                  AdwEntryRow     *row,
                  const char      *kind,
                  int              field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (row), "hs-kind", (gpointer) kind);
  g_object_set_data (G_OBJECT (row), "hs-field", GINT_TO_POINTER (field));

  g_signal_connect (row, "entry-activated", G_CALLBACK (text_row_commit_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (text_row_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
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
  g_autoptr(GtkStringList) cost_models = gtk_string_list_new (NULL);

  self->lang = hs_lang_current ();
  self->shown_focus_areas = g_ptr_array_new ();
  self->shown_calls = g_ptr_array_new ();
  self->shown_statuses = g_array_new (FALSE, FALSE, sizeof (HsStatus));
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  connect_text_row (self, self->name_fi_row, "text", TEXT_NAME_FI);
  connect_text_row (self, self->name_sv_row, "text", TEXT_NAME_SV);
  connect_text_row (self, self->name_en_row, "text", TEXT_NAME_EN);
  connect_text_row (self, self->acronym_row, "text", TEXT_ACRONYM);
  connect_text_row (self, self->code_row, "text", TEXT_CODE);
  /* the lists of the choices show long names whole */
  {
    AdwComboRow *rows[] = { self->agreement_row, self->focus_area_row, self->call_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_autoptr(GtkListItemFactory) factory =
          gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_BASE "/ui/hs-choice-item.ui");
        adw_combo_row_set_list_factory (rows[i], factory);
      }
  }
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "leave", G_CALLBACK (summary_leave_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->summary_view), focus);
  }
  g_signal_connect (self->start_row, "date-committed", G_CALLBACK (date_committed_cb), self);
  g_signal_connect (self->end_row, "date-committed", G_CALLBACK (date_committed_cb), self);

  for (HsCostModel m = 0; m < HS_N_COST_MODELS; m++)
    gtk_string_list_append (cost_models, hs_cost_model_label (m));
  adw_combo_row_set_model (self->cost_model_row, G_LIST_MODEL (cost_models));

  self->pages[0] = HS_EDITOR_PAGE (self->implementers_page);
  self->pages[1] = HS_EDITOR_PAGE (self->budget_page);
  self->pages[2] = HS_EDITOR_PAGE (self->financing_page);
  self->pages[3] = HS_EDITOR_PAGE (self->indicators_page);
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    g_signal_connect (self->pages[i], "edited", G_CALLBACK (page_edited_cb), self);



  g_signal_connect_swapped (self->agreement_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->focus_area_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->call_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->cost_model_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
}

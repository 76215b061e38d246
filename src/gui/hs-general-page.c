/* hs-general-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project's names (Finnish, Swedish, English), acronym, code and
 * summary; its agreement, focus area, call and cost model; its schedule;
 * and its status, with only the changes the rules allow. Texts commit on
 * Enter or when left, the choices once the combo has told of them. A code
 * that another project has stays as typed, with why beside it.
 */
#define G_LOG_DOMAIN "hs-general-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-date.h"
#include "core/hs-lang.h"
#include "core/hs-reference.h"

#include "hs-date-row.h"
#include "hs-date-row-private.h"
#include "hs-general-page.h"

typedef enum
{
  TEXT_NAME_FI,
  TEXT_NAME_SV,
  TEXT_NAME_EN,
  TEXT_ACRONYM,
  TEXT_CODE,
  N_TEXT_FIELDS
} TextField;

struct _HsGeneralPage
{
  AdwPreferencesPage  parent_instance;

  HsProject          *project;           /* a copy of what the editor gave */
  HsLang              lang;
  guint               updating;          /* > 0 while the widgets are set from the project */
  GPtrArray          *agreements;        /* borrowed, of HsAgreement* */
  GPtrArray          *focus_areas;       /* borrowed, of HsFocusArea*, all agreements */
  GPtrArray          *calls;             /* borrowed, of HsCall*, all agreements */
  GPtrArray          *shown_focus_areas; /* borrowed HsFocusArea* of the combo, [0] = NULL */
  GPtrArray          *shown_calls;       /* borrowed HsCall* of the combo, [0] = NULL */
  GArray             *shown_statuses;    /* HsStatus of the status combo */
  char               *combos_key;        /* what the focus-area and call combos list */
  guint               choices_idle;      /* applies a choice made in a combo */

  /* template children */
  AdwEntryRow        *name_fi_row;
  AdwEntryRow        *name_sv_row;
  AdwEntryRow        *name_en_row;
  AdwEntryRow        *acronym_row;
  AdwEntryRow        *code_row;
  GtkLabel           *code_error;
  GtkTextView        *summary_view;
  AdwComboRow        *agreement_row;
  AdwComboRow        *focus_area_row;
  AdwComboRow        *call_row;
  AdwActionRow       *call_limits_row;
  AdwComboRow        *cost_model_row;
  HsDateRow          *start_row;
  HsDateRow          *end_row;
  AdwComboRow        *status_row;
};

static void hs_general_page_editor_page_init (HsEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsGeneralPage, hs_general_page, ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_EDITOR_PAGE, hs_general_page_editor_page_init))

/* ---- small helpers --------------------------------------------------------- */

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
find_call (HsGeneralPage *self,
           gint64         id)
{
  for (guint i = 0; self->calls != NULL && i < self->calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (self->calls, i);
      if (call->id == id)
        return call;
    }
  return NULL;
}

static const HsFocusArea *
find_focus_area (HsGeneralPage *self,
                 gint64         id)
{
  for (guint i = 0; self->focus_areas != NULL && i < self->focus_areas->len; i++)
    {
      HsFocusArea *fa = g_ptr_array_index (self->focus_areas, i);
      if (fa->id == id)
        return fa;
    }
  return NULL;
}

/* ---- texts ---------------------------------------------------------------- */

static AdwEntryRow *
text_row (HsGeneralPage *self,
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
commit_text (HsGeneralPage *self,
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
        hs_editor_page_set_field_error (GTK_WIDGET (self->code_row), self->code_error, NULL);
      return;
    }

  if (field == TEXT_CODE && *text == '\0')
    {
      hs_editor_page_set_field_error (GTK_WIDGET (self->code_row), self->code_error, _("A project needs a code"));
      return;
    }

  edited = hs_project_copy (self->project);
  slot = text_slot (edited, field);
  g_free (*slot);
  *slot = *text != '\0' ? g_steal_pointer (&text) : NULL;

  if (field == TEXT_CODE)
    {
      g_autoptr(GError) error = NULL;

      if (!hs_editor_page_edited_or_refused (HS_EDITOR_PAGE (self), edited, &error))
        {
          /* Keep what was typed, and say why it was not stored. */
          hs_editor_page_set_field_error (GTK_WIDGET (self->code_row), self->code_error,
                                          error != NULL ? error->message : _("The change could not be stored"));
          return;
        }
      hs_editor_page_set_field_error (GTK_WIDGET (self->code_row), self->code_error, NULL);
      return;
    }

  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

/* The text field of a row, or N_TEXT_FIELDS. */
static TextField
text_field_of (HsGeneralPage *self,
               GtkWidget     *row)
{
  for (TextField f = 0; f < N_TEXT_FIELDS; f++)
    if (GTK_WIDGET (text_row (self, f)) == row)
      return f;
  return N_TEXT_FIELDS;
}

static void
text_row_commit_cb (AdwEntryRow   *row,
                    HsGeneralPage *self)
{
  TextField field = text_field_of (self, GTK_WIDGET (row));

  if (field < N_TEXT_FIELDS)
    commit_text (self, field);
}

static void
commit_text_row (HsEditorPage *page,
                 GtkWidget    *row)
{
  HsGeneralPage *self = HS_GENERAL_PAGE (page);
  TextField field = text_field_of (self, row);

  if (field < N_TEXT_FIELDS)
    commit_text (self, field);
}

/* ---- the summary ----------------------------------------------------- */

static char *
summary_text (HsGeneralPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

static void
commit_summary (HsGeneralPage *self,
                GtkWidget       *view)
{
  g_autofree char *text = NULL;
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL)
    return;

  text = summary_text (self);
  if (g_strcmp0 (text, self->project->summary != NULL ? self->project->summary : "") == 0)
    return;

  edited = hs_project_copy (self->project);
  g_free (edited->summary);
  edited->summary = *text != '\0' ? g_steal_pointer (&text) : NULL;
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
commit_summary_left (HsEditorPage *page,
                     GtkWidget    *view)
{
  commit_summary (HS_GENERAL_PAGE (page), view);
}

static void
summary_leave_cb (GtkEventControllerFocus *controller,
                  HsGeneralPage           *self)
{
  hs_editor_page_commit_after_leave (HS_EDITOR_PAGE (self),
                                     gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                                     commit_summary_left);
}

static void
refresh_summary (HsGeneralPage *self)
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
                   HsGeneralPage           *self)
{
  hs_editor_page_commit_after_leave (HS_EDITOR_PAGE (self),
                                     gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                                     commit_text_row);
}

/* ---- dates ------------------------------------------------------------- */

static void
date_committed_cb (HsDateRow       *row,
                   guint            julian,
                   HsGeneralPage *self)
{
  g_autoptr(HsProject) edited = NULL;
  GDate *slot;

  if (self->updating > 0 || self->project == NULL)
    return;

  edited = hs_project_copy (self->project);
  slot = row == self->start_row ? &edited->start_date : &edited->end_date;
  g_date_clear (slot, 1);
  if (julian != 0)
    g_date_set_julian (slot, julian);
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

/* ---- choices ------------------------------------------------------------- */

static void
apply_agreement (HsGeneralPage *self)
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

  edited = hs_project_copy (self->project);
  edited->agreement_id = agreement->id;
  /* A focus area or call of another agreement no longer fits. */
  focus_area = find_focus_area (self, edited->focus_area_id);
  if (focus_area != NULL && focus_area->agreement_id != agreement->id)
    edited->focus_area_id = 0;
  call = find_call (self, edited->call_id);
  if (call != NULL && call->agreement_id != 0 && call->agreement_id != agreement->id)
    edited->call_id = 0;
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
apply_focus_area (HsGeneralPage *self)
{
  guint selected = adw_combo_row_get_selected (self->focus_area_row);
  const HsFocusArea *fa;
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL || selected >= self->shown_focus_areas->len)
    return;

  fa = g_ptr_array_index (self->shown_focus_areas, selected);
  if ((fa != NULL ? fa->id : 0) == self->project->focus_area_id)
    return;

  edited = hs_project_copy (self->project);
  edited->focus_area_id = fa != NULL ? fa->id : 0;
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
apply_call (HsGeneralPage *self)
{
  guint selected = adw_combo_row_get_selected (self->call_row);
  const HsCall *call;
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL || selected >= self->shown_calls->len)
    return;

  call = g_ptr_array_index (self->shown_calls, selected);
  if ((call != NULL ? call->id : 0) == self->project->call_id)
    return;

  edited = hs_project_copy (self->project);
  edited->call_id = call != NULL ? call->id : 0;
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
apply_cost_model (HsGeneralPage *self)
{
  guint selected = adw_combo_row_get_selected (self->cost_model_row);
  g_autoptr(HsProject) edited = NULL;

  if (self->updating > 0 || self->project == NULL || selected >= HS_N_COST_MODELS ||
      (HsCostModel) selected == self->project->cost_model)
    return;

  edited = hs_project_copy (self->project);
  edited->cost_model = selected;
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
apply_status (HsGeneralPage *self)
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

  edited = hs_project_copy (self->project);
  edited->status = status;
  change.status = status;
  g_date_clear (&change.date, 1);
  g_date_set_dmy (&change.date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_array_append_val (edited->history, change);
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

/* A choice is stored from an idle: storing refreshes the lists, and a
 * combo's model must not be replaced while it is telling about its own
 * selection. */
static gboolean
apply_choices_idle_cb (gpointer data)
{
  HsGeneralPage *self = data;

  self->choices_idle = 0;
  apply_agreement (self);
  apply_focus_area (self);
  apply_call (self);
  apply_cost_model (self);
  apply_status (self);
  return G_SOURCE_REMOVE;
}

static void
choice_changed_cb (HsGeneralPage *self)
{
  if (self->updating > 0 || self->project == NULL || self->choices_idle != 0)
    return;
  self->choices_idle = g_idle_add_full (G_PRIORITY_DEFAULT, apply_choices_idle_cb,
                                        g_object_ref (self), g_object_unref);
}

static void
refresh_reference_combos (HsGeneralPage *self)
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

  /* the chosen call's limits in words, under it */
  {
    const HsCall *call = selected > 0 ? g_ptr_array_index (self->shown_calls, selected) : NULL;
    g_autofree char *limits = call != NULL ? hs_call_dup_limits_text (call, self->lang) : NULL;

    adw_action_row_set_subtitle (self->call_limits_row, limits != NULL ? limits : "");
    gtk_widget_set_visible (GTK_WIDGET (self->call_limits_row), limits != NULL && *limits != '\0');
    if (limits != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->call_limits_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, limits, -1);
  }
}

static void
refresh_status (HsGeneralPage *self)
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
refresh_dates (HsGeneralPage *self)
{
  hs_date_row_set_date (self->start_row, &self->project->start_date);
  hs_date_row_set_date (self->end_row, &self->project->end_date);
}


/* ---- the page ------------------------------------------------------------- */

static void
hs_general_page_set_project (HsEditorPage    *page,
                             const HsProject *project)
{
  HsGeneralPage *self = HS_GENERAL_PAGE (page);

  g_clear_pointer (&self->project, hs_project_free);
  if (project == NULL)
    return;
  self->project = hs_project_copy (project);
  self->updating++;

  for (TextField f = 0; f < N_TEXT_FIELDS; f++)
    {
      AdwEntryRow *row = text_row (self, f);

      /* The code the user typed stays while it says why it was refused. */
      if (f == TEXT_CODE && gtk_widget_has_css_class (GTK_WIDGET (row), "error") && has_focus_within (row))
        continue;
      set_editable_text (GTK_EDITABLE (row), *text_slot (self->project, f));
      if (f == TEXT_CODE)
        hs_editor_page_set_field_error (GTK_WIDGET (row), self->code_error, NULL);
    }

  refresh_summary (self);
  refresh_reference_combos (self);
  adw_combo_row_set_selected (self->cost_model_row, self->project->cost_model);
  refresh_dates (self);
  refresh_status (self);
  self->updating--;
}

static GtkWidget *
hs_general_page_lookup_field (HsEditorPage *page,
                              const char   *path)
{
  HsGeneralPage *self = HS_GENERAL_PAGE (page);
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
  if (g_str_equal (path, "call-limits"))
    return GTK_WIDGET (self->call_limits_row);
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
  return NULL;
}

static gboolean
hs_general_page_commit_focused (HsGeneralPage *self,
                                GtkWidget     *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      TextField field = text_field_of (self, w);

      if (field < N_TEXT_FIELDS)
        {
          commit_text (self, field);
          return TRUE;
        }
      if (w == GTK_WIDGET (self->summary_view))
        {
          commit_summary (self, w);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
commit_focused_vfunc (HsEditorPage *page,
                      GtkWidget    *focus)
{
  return hs_general_page_commit_focused (HS_GENERAL_PAGE (page), focus);
}

static void
hs_general_page_editor_page_init (HsEditorPageInterface *iface)
{
  iface->set_project = hs_general_page_set_project;
  iface->lookup_field = hs_general_page_lookup_field;
  iface->commit_focused = commit_focused_vfunc;
}

void
hs_general_page_set_reference (HsGeneralPage *self,
                               GPtrArray     *agreements,
                               GPtrArray     *focus_areas,
                               GPtrArray     *calls)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (HS_IS_GENERAL_PAGE (self));

  self->agreements = agreements;
  self->focus_areas = focus_areas;
  self->calls = calls;
  g_clear_pointer (&self->combos_key, g_free);

  self->updating++;
  for (guint i = 0; agreements != NULL && i < agreements->len; i++)
    gtk_string_list_append (names, ((HsAgreement *) g_ptr_array_index (agreements, i))->region_name);
  adw_combo_row_set_model (self->agreement_row, G_LIST_MODEL (names));
  self->updating--;
}

static void
hs_general_page_dispose (GObject *object)
{
  HsGeneralPage *self = HS_GENERAL_PAGE (object);

  g_clear_handle_id (&self->choices_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_GENERAL_PAGE);
  g_clear_pointer (&self->project, hs_project_free);

  G_OBJECT_CLASS (hs_general_page_parent_class)->dispose (object);
}

static void
hs_general_page_finalize (GObject *object)
{
  HsGeneralPage *self = HS_GENERAL_PAGE (object);

  g_clear_pointer (&self->shown_focus_areas, g_ptr_array_unref);
  g_clear_pointer (&self->shown_calls, g_ptr_array_unref);
  g_clear_pointer (&self->shown_statuses, g_array_unref);
  g_free (self->combos_key);

  G_OBJECT_CLASS (hs_general_page_parent_class)->finalize (object);
}

static void
hs_general_page_class_init (HsGeneralPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_general_page_dispose;
  object_class->finalize = hs_general_page_finalize;

  g_type_ensure (HS_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-general-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, name_fi_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, name_sv_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, acronym_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, code_error);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, agreement_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, focus_area_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, call_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, call_limits_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, cost_model_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, HsGeneralPage, status_row);
}

static void
connect_text_row (HsGeneralPage *self,
                  AdwEntryRow   *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (row, "entry-activated", G_CALLBACK (text_row_commit_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (text_row_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static void
hs_general_page_init (HsGeneralPage *self)
{
  g_autoptr(GtkStringList) cost_models = gtk_string_list_new (NULL);

  self->lang = hs_lang_current ();
  self->shown_focus_areas = g_ptr_array_new ();
  self->shown_calls = g_ptr_array_new ();
  self->shown_statuses = g_array_new (FALSE, FALSE, sizeof (HsStatus));

  gtk_widget_init_template (GTK_WIDGET (self));

  for (TextField f = 0; f < N_TEXT_FIELDS; f++)
    connect_text_row (self, text_row (self, f));
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

  g_signal_connect_swapped (self->agreement_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->focus_area_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->call_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->cost_model_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
}

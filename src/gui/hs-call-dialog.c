/* hs-call-dialog.c — the form of one call for applications: new or edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of HsCall, read only when the user saves: what the store
 * would refuse (no name, a name the agreement already has, a call that
 * closes before it opens, a city maximum below its minimum) and what does
 * not parse is named beside its field, the first such field takes the
 * focus, and nothing is saved. A save is one undoable action; Cancel and
 * Esc close the form without one.
 */
#define G_LOG_DOMAIN "hs-call-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-money.h"

#include "hs-amount-entry.h"
#include "hs-call-dialog-private.h"
#include "hs-date-row.h"

struct _HsCallDialog
{
  AdwWindow       parent_instance;

  HsRepository   *repository;      /* owned */
  HsCall         *call;            /* owned: as stored, then as committed by the amounts and dates */
  GPtrArray      *agreements;      /* owned, of HsAgreement* */
  HsLang          lang;

  HsAmountEntry  *max_support;
  HsAmountEntry  *money_available;
  HsAmountEntry  *city_money_available;
  GtkCheckButton *cost_models[HS_N_COST_MODELS];
  GtkLabel       *close_error;

  /* template children */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwPreferencesGroup *cost_models_group;
  AdwEntryRow    *name_row;
  GtkLabel       *name_error;
  AdwEntryRow    *name_sv_row;
  GtkLabel       *name_sv_error;
  AdwEntryRow    *name_en_row;
  GtkLabel       *name_en_error;
  AdwComboRow    *agreement_row;
  AdwEntryRow    *intermediary_row;
  AdwComboRow    *instrument_row;
  HsDateRow      *open_row;
  HsDateRow      *close_row;
  AdwEntryRow    *max_support_bp_row;
  GtkLabel       *max_support_bp_error;
  AdwActionRow   *max_support_row;
  GtkLabel       *max_support_error;
  AdwEntryRow    *min_city_bp_row;
  GtkLabel       *min_city_bp_error;
  AdwEntryRow    *max_city_bp_row;
  GtkLabel       *max_city_bp_error;
  AdwEntryRow    *min_own_bp_row;
  GtkLabel       *min_own_bp_error;
  AdwEntryRow    *max_duration_row;
  GtkLabel       *max_duration_error;
  AdwEntryRow    *max_projects_row;
  GtkLabel       *max_projects_error;
  AdwActionRow   *money_available_row;
  GtkLabel       *money_available_error;
  AdwActionRow   *city_money_available_row;
  GtkLabel       *city_money_available_error;
  GtkTextView    *description_view;
  GtkLabel       *save_error;
};

G_DEFINE_FINAL_TYPE (HsCallDialog, hs_call_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Durations and numbers of projects the store keeps. */
#define MAX_DURATION_MONTHS 1200
#define MAX_PROJECTS        100000

/* ---- problems beside the fields ------------------------------------------- */

static void
set_problem (GtkWidget  *row,
             GtkLabel   *label,
             const char *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_label_set_text (label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Typing in a field takes its problem away. */
static void
clear_problem_cb (GtkEditable *row,
                  GtkLabel    *label)
{
  if (gtk_widget_get_visible (GTK_WIDGET (label)))
    set_problem (GTK_WIDGET (row), label, NULL);
}

static void
watch_row (AdwEntryRow *row,
           GtkLabel    *label)
{
  g_signal_connect (row, "changed", G_CALLBACK (clear_problem_cb), label);
}

/* An amount's own reason (it does not parse) beside its row. */
static void
amount_error_cb (HsAmountEntry *entry,
                 GParamSpec    *pspec,
                 GtkLabel      *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_ACTION_ROW);

  set_problem (row, label, hs_amount_entry_get_error_message (entry));
}

static char *
trimmed_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static char *
text_or_null (gpointer editable)
{
  char *text = trimmed_text (editable);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* ---- filling the form ----------------------------------------------------- */

static void
set_rate_text (AdwEntryRow *row,
               gint32       bp,
               HsLang       lang)
{
  g_autofree char *text = bp > 0 ? hs_rate_format_limit (bp, lang) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_count_text (AdwEntryRow *row,
                guint        count)
{
  g_autofree char *text = count > 0 ? g_strdup_printf ("%u", count) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill (HsCallDialog *self)
{
  const HsCall *call = self->call;
  guint selected = 0;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), call->name != NULL ? call->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_sv_row), call->name_sv != NULL ? call->name_sv : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), call->name_en != NULL ? call->name_en : "");
  gtk_editable_set_text (GTK_EDITABLE (self->intermediary_row), call->intermediary != NULL ? call->intermediary : "");

  for (guint i = 0; i < self->agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (self->agreements, i))->id == call->agreement_id)
      selected = i;
  adw_combo_row_set_selected (self->agreement_row, selected);
  adw_combo_row_set_selected (self->instrument_row, (guint) call->instrument < HS_N_INSTRUMENTS ? (guint) call->instrument : 0);

  hs_date_row_set_date (self->open_row, &call->open_date);
  hs_date_row_set_date (self->close_row, &call->close_date);

  set_rate_text (self->max_support_bp_row, call->max_support_bp, self->lang);
  set_rate_text (self->min_city_bp_row, call->min_city_bp, self->lang);
  set_rate_text (self->max_city_bp_row, call->max_city_bp, self->lang);
  set_rate_text (self->min_own_bp_row, call->min_own_bp, self->lang);
  set_count_text (self->max_duration_row, call->max_duration_months);
  set_count_text (self->max_projects_row, call->max_projects);

  hs_amount_entry_set_amount (self->max_support, call->max_support);
  hs_amount_entry_set_amount (self->money_available, call->money_available);
  hs_amount_entry_set_amount (self->city_money_available, call->city_money_available);

  for (guint m = 0; m < HS_N_COST_MODELS; m++)
    gtk_check_button_set_active (self->cost_models[m], (call->allowed_cost_models & (1u << m)) != 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            call->description != NULL ? call->description : "", -1);
}

/* ---- reading it back ------------------------------------------------------ */

static void
amount_committed_cb (HsAmountEntry *entry,
                     gint64         cents,
                     HsCallDialog  *self)
{
  gsize offset = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "hs-call-field"));

  G_STRUCT_MEMBER (gint64, self->call, offset) = cents;
}

static void
date_committed_cb (HsDateRow    *row,
                   guint         julian,
                   HsCallDialog *self)
{
  GDate *date = row == self->open_row ? &self->call->open_date : &self->call->close_date;

  g_date_clear (date, 1);
  if (julian != 0)
    g_date_set_julian (date, julian);
}

/* A rate typed as a percentage; empty is 0, no limit. */
static gboolean
read_rate (AdwEntryRow *row,
           GtkLabel    *label,
           gint32      *out)
{
  g_autofree char *text = trimmed_text (row);
  g_autoptr(GError) error = NULL;

  *out = 0;
  if (*text != '\0' && !hs_rate_parse (text, out, &error))
    {
      set_problem (GTK_WIDGET (row), label, error->message);
      return FALSE;
    }
  set_problem (GTK_WIDGET (row), label, NULL);
  return TRUE;
}

/* A whole number from 0 to @max; empty is 0, no limit. */
static gboolean
read_count (AdwEntryRow *row,
            GtkLabel    *label,
            guint        max,
            guint       *out)
{
  g_autofree char *text = trimmed_text (row);
  guint64 value = 0;

  *out = 0;
  if (*text != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    {
      g_autofree char *shown = hs_count_format (max, hs_lang_current ());
      /* Translators: the first %s is what was typed, the second the largest number allowed */
      g_autofree char *problem = g_strdup_printf (_("“%s” is not a whole number from 0 to %s"), text, shown);

      set_problem (GTK_WIDGET (row), label, problem);
      return FALSE;
    }
  set_problem (GTK_WIDGET (row), label, NULL);
  *out = (guint) value;
  return TRUE;
}

static void
note_bad (GtkWidget **first_bad,
          gpointer    widget)
{
  if (*first_bad == NULL)
    *first_bad = widget;
}

static gboolean
name_taken (HsCallDialog *self,
            const HsCall *call)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (self->repository, call->agreement_id, NULL);

  for (guint i = 0; calls != NULL && i < calls->len; i++)
    {
      const HsCall *other = g_ptr_array_index (calls, i);

      if (other->id != call->id && g_strcmp0 (other->name, call->name) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
agreement_name (HsCallDialog *self,
                gint64        id)
{
  for (guint i = 0; i < self->agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (self->agreements, i))->id == id)
      return ((HsAgreement *) g_ptr_array_index (self->agreements, i))->region_name;
  return "";
}

static gboolean
save (HsCallDialog *self)
{
  g_autoptr(HsCall) call = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *first_bad = NULL;
  guint selected;
  guint bits = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);

  /* what the amounts and dates read is committed into self->call */
  if (!hs_amount_entry_commit (self->max_support))
    note_bad (&first_bad, self->max_support);
  if (!hs_amount_entry_commit (self->money_available))
    note_bad (&first_bad, self->money_available);
  if (!hs_amount_entry_commit (self->city_money_available))
    note_bad (&first_bad, self->city_money_available);
  set_problem (GTK_WIDGET (self->close_row), self->close_error, NULL);
  if (!hs_date_row_commit (self->open_row))
    note_bad (&first_bad, self->open_row);
  if (!hs_date_row_commit (self->close_row))
    note_bad (&first_bad, self->close_row);

  call = hs_call_copy (self->call);

  g_free (call->name);
  call->name = trimmed_text (self->name_row);
  g_free (call->name_sv);
  call->name_sv = text_or_null (self->name_sv_row);
  g_free (call->name_en);
  call->name_en = text_or_null (self->name_en_row);
  g_free (call->intermediary);
  call->intermediary = text_or_null (self->intermediary_row);

  selected = adw_combo_row_get_selected (self->agreement_row);
  if (selected < self->agreements->len)
    call->agreement_id = ((HsAgreement *) g_ptr_array_index (self->agreements, selected))->id;
  selected = adw_combo_row_get_selected (self->instrument_row);
  call->instrument = selected < HS_N_INSTRUMENTS ? (HsInstrument) selected : HS_INSTRUMENT_EAKR;

  if (!read_rate (self->max_support_bp_row, self->max_support_bp_error, &call->max_support_bp))
    note_bad (&first_bad, self->max_support_bp_row);
  if (!read_rate (self->min_city_bp_row, self->min_city_bp_error, &call->min_city_bp))
    note_bad (&first_bad, self->min_city_bp_row);
  if (!read_rate (self->max_city_bp_row, self->max_city_bp_error, &call->max_city_bp))
    note_bad (&first_bad, self->max_city_bp_row);
  if (!read_rate (self->min_own_bp_row, self->min_own_bp_error, &call->min_own_bp))
    note_bad (&first_bad, self->min_own_bp_row);
  if (!read_count (self->max_duration_row, self->max_duration_error, MAX_DURATION_MONTHS, &call->max_duration_months))
    note_bad (&first_bad, self->max_duration_row);
  if (!read_count (self->max_projects_row, self->max_projects_error, MAX_PROJECTS, &call->max_projects))
    note_bad (&first_bad, self->max_projects_row);

  for (guint m = 0; m < HS_N_COST_MODELS; m++)
    if (gtk_check_button_get_active (self->cost_models[m]))
      bits |= 1u << m;
  call->allowed_cost_models = bits;

  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
    GtkTextIter start, end;
    char *text;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_free (call->description);
    call->description = text;
    if (*g_strstrip (call->description) == '\0')
      g_clear_pointer (&call->description, g_free);
  }

  /* what the store refuses, said where it is */
  if (*call->name == '\0')
    {
      set_problem (GTK_WIDGET (self->name_row), self->name_error, _("A call needs a name in Finnish"));
      note_bad (&first_bad, self->name_row);
    }
  else if (name_taken (self, call))
    {
      /* Translators: the first %s is an agreement's region, the second a call's name */
      g_autofree char *problem = g_strdup_printf (_("The agreement “%s” already has a call named “%s”"),
                                                  agreement_name (self, call->agreement_id), call->name);
      set_problem (GTK_WIDGET (self->name_row), self->name_error, problem);
      note_bad (&first_bad, self->name_row);
    }
  else
    set_problem (GTK_WIDGET (self->name_row), self->name_error, NULL);

  if (g_date_valid (&call->open_date) && g_date_valid (&call->close_date)
      && g_date_compare (&call->open_date, &call->close_date) > 0)
    {
      g_autofree char *opens = hs_date_format (&call->open_date, self->lang);
      g_autofree char *closes = hs_date_format (&call->close_date, self->lang);
      /* Translators: the first %s is the closing day, the second the opening day */
      g_autofree char *problem = g_strdup_printf (_("The call closes on %s, before it opens on %s"), closes, opens);

      set_problem (GTK_WIDGET (self->close_row), self->close_error, problem);
      note_bad (&first_bad, self->close_row);
    }

  if (call->max_city_bp > 0 && call->min_city_bp > 0 && call->max_city_bp < call->min_city_bp
      && !gtk_widget_get_visible (GTK_WIDGET (self->max_city_bp_error)))
    {
      g_autofree char *most = hs_rate_format_limit (call->max_city_bp, self->lang);
      g_autofree char *least = hs_rate_format_limit (call->min_city_bp, self->lang);
      /* Translators: the city's share at most (%s, "20,0 %") is below its share at least (%s) */
      g_autofree char *problem = g_strdup_printf (_("At most %s is below the least, %s"), most, least);

      set_problem (GTK_WIDGET (self->max_city_bp_row), self->max_city_bp_error, problem);
      note_bad (&first_bad, self->max_city_bp_row);
    }

  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (first_bad);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (!hs_repository_save_call (self->repository, call, &error))
    {
      if (g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT))
        {
          set_problem (GTK_WIDGET (self->name_row), self->name_error, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
        }
      else
        {
          gtk_label_set_text (self->save_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
        }
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, call->id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_cb (HsCallDialog *self)
{
  save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (HS_CALL_DIALOG (widget));
}

/* ---- API ------------------------------------------------------------------ */

static HsAmountEntry *
add_amount (HsCallDialog *self,
            AdwActionRow *row,
            GtkLabel     *label,
            gsize         offset)
{
  GtkWidget *entry = hs_amount_entry_new (self->lang);
  g_autofree char *title = NULL;

  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_widget_add_css_class (entry, "numeric");
  /* the row's title, without its mnemonic's underline */
  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  {
    char *u = strchr (title, '_');
    if (u != NULL)
      memmove (u, u + 1, strlen (u));
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (row, entry);
  adw_action_row_set_activatable_widget (row, entry);
  g_object_set_data (G_OBJECT (entry), "hs-call-field", GSIZE_TO_POINTER (offset));
  g_signal_connect (entry, "amount-committed", G_CALLBACK (amount_committed_cb), self);
  g_signal_connect (entry, "notify::error-message", G_CALLBACK (amount_error_cb), label);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (save_cb), self);
  return HS_AMOUNT_ENTRY (entry);
}

HsCallDialog *
hs_call_dialog_new (GtkWindow    *parent,
                    HsRepository *repository,
                    const HsCall *call,
                    gint64        agreement_id)
{
  HsCallDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (HS_TYPE_CALL_DIALOG, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->agreements = hs_repository_list_agreements (repository, &error);
  if (self->agreements == NULL)
    {
      g_warning ("Could not list the agreements: %s", error->message);
      self->agreements = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->agreements->len; i++)
    gtk_string_list_append (names, ((HsAgreement *) g_ptr_array_index (self->agreements, i))->region_name);
  adw_combo_row_set_model (self->agreement_row, G_LIST_MODEL (names));

  if (call != NULL)
    self->call = hs_call_copy (call);
  else
    {
      self->call = hs_call_new_default ();
      self->call->agreement_id = agreement_id;
    }

  adw_window_title_set_title (self->window_title, call != NULL ? _("Edit Call") : _("New Call"));
  gtk_window_set_title (GTK_WINDOW (self), call != NULL ? _("Edit Call") : _("New Call"));
  if (call != NULL)
    {
      g_autofree char *name = hs_call_dup_display_name (call, self->lang);
      adw_window_title_set_subtitle (self->window_title, name);
    }
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

GtkWidget *
_hs_call_dialog_get_widget (HsCallDialog *self,
                            const char   *name)
{
  static const struct { const char *name; gsize offset; } widgets[] = {
    { "name", G_STRUCT_OFFSET (HsCallDialog, name_row) },
    { "name-error", G_STRUCT_OFFSET (HsCallDialog, name_error) },
    { "name-sv", G_STRUCT_OFFSET (HsCallDialog, name_sv_row) },
    { "name-en", G_STRUCT_OFFSET (HsCallDialog, name_en_row) },
    { "agreement", G_STRUCT_OFFSET (HsCallDialog, agreement_row) },
    { "intermediary", G_STRUCT_OFFSET (HsCallDialog, intermediary_row) },
    { "instrument", G_STRUCT_OFFSET (HsCallDialog, instrument_row) },
    { "open", G_STRUCT_OFFSET (HsCallDialog, open_row) },
    { "close", G_STRUCT_OFFSET (HsCallDialog, close_row) },
    { "close-error", G_STRUCT_OFFSET (HsCallDialog, close_error) },
    { "max-support-bp", G_STRUCT_OFFSET (HsCallDialog, max_support_bp_row) },
    { "max-support-bp-error", G_STRUCT_OFFSET (HsCallDialog, max_support_bp_error) },
    { "max-support", G_STRUCT_OFFSET (HsCallDialog, max_support) },
    { "min-city-bp", G_STRUCT_OFFSET (HsCallDialog, min_city_bp_row) },
    { "max-city-bp", G_STRUCT_OFFSET (HsCallDialog, max_city_bp_row) },
    { "max-city-bp-error", G_STRUCT_OFFSET (HsCallDialog, max_city_bp_error) },
    { "min-own-bp", G_STRUCT_OFFSET (HsCallDialog, min_own_bp_row) },
    { "max-duration", G_STRUCT_OFFSET (HsCallDialog, max_duration_row) },
    { "max-duration-error", G_STRUCT_OFFSET (HsCallDialog, max_duration_error) },
    { "max-projects", G_STRUCT_OFFSET (HsCallDialog, max_projects_row) },
    { "money-available", G_STRUCT_OFFSET (HsCallDialog, money_available) },
    { "city-money-available", G_STRUCT_OFFSET (HsCallDialog, city_money_available) },
    { "description", G_STRUCT_OFFSET (HsCallDialog, description_view) },
    { "save-error", G_STRUCT_OFFSET (HsCallDialog, save_error) },
    { "save", G_STRUCT_OFFSET (HsCallDialog, save_button) },
  };

  g_return_val_if_fail (HS_IS_CALL_DIALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_has_prefix (name, "cost-model-"))
    {
      guint64 m;

      if (g_ascii_string_to_unsigned (name + strlen ("cost-model-"), 10, 0, HS_N_COST_MODELS - 1, &m, NULL))
        return GTK_WIDGET (self->cost_models[m]);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, widgets[i].offset);
  return NULL;
}

/* ---- GObject -------------------------------------------------------------- */

static void
hs_call_dialog_dispose (GObject *object)
{
  HsCallDialog *self = HS_CALL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_CALL_DIALOG);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_call_dialog_parent_class)->dispose (object);
}

static void
hs_call_dialog_finalize (GObject *object)
{
  HsCallDialog *self = HS_CALL_DIALOG (object);

  g_clear_pointer (&self->call, hs_call_free);
  g_clear_pointer (&self->agreements, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_call_dialog_parent_class)->finalize (object);
}

static void
hs_call_dialog_class_init (HsCallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_call_dialog_dispose;
  object_class->finalize = hs_call_dialog_finalize;

  /**
   * HsCallDialog::saved:
   * @id: the call's id
   *
   * The call was saved; the form closes next.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (HS_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-call-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HsCallDialog, name)
  BIND (window_title);
  BIND (save_button);
  BIND (cost_models_group);
  BIND (name_row);
  BIND (name_error);
  BIND (name_sv_row);
  BIND (name_sv_error);
  BIND (name_en_row);
  BIND (name_en_error);
  BIND (agreement_row);
  BIND (intermediary_row);
  BIND (instrument_row);
  BIND (open_row);
  BIND (close_row);
  BIND (max_support_bp_row);
  BIND (max_support_bp_error);
  BIND (max_support_row);
  BIND (max_support_error);
  BIND (min_city_bp_row);
  BIND (min_city_bp_error);
  BIND (max_city_bp_row);
  BIND (max_city_bp_error);
  BIND (min_own_bp_row);
  BIND (min_own_bp_error);
  BIND (max_duration_row);
  BIND (max_duration_error);
  BIND (max_projects_row);
  BIND (max_projects_error);
  BIND (money_available_row);
  BIND (money_available_error);
  BIND (city_money_available_row);
  BIND (city_money_available_error);
  BIND (description_view);
  BIND (save_error);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, save_cb);

  gtk_widget_class_install_action (widget_class, "call.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "call.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
hs_call_dialog_init (HsCallDialog *self)
{
  g_autoptr(GtkStringList) instruments = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->lang = hs_lang_current ();

  for (guint i = 0; i < HS_N_INSTRUMENTS; i++)
    gtk_string_list_append (instruments, hs_instrument_label (i));
  adw_combo_row_set_model (self->instrument_row, G_LIST_MODEL (instruments));
  /* the instrument in full, wrapping when narrow, not "ERDF (Innovation a…" */
  {
    g_autoptr(GtkListItemFactory) factory =
      gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_BASE "/ui/hs-org-type-item.ui");
    adw_combo_row_set_factory (self->instrument_row, factory);
  }

  self->max_support = add_amount (self, self->max_support_row, self->max_support_error,
                                  G_STRUCT_OFFSET (HsCall, max_support));
  self->money_available = add_amount (self, self->money_available_row, self->money_available_error,
                                      G_STRUCT_OFFSET (HsCall, money_available));
  self->city_money_available = add_amount (self, self->city_money_available_row, self->city_money_available_error,
                                           G_STRUCT_OFFSET (HsCall, city_money_available));

  /* the close row's own reason (open after close) beside its parse errors */
  self->close_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->close_error, TRUE);
  gtk_label_set_width_chars (self->close_error, 16);
  gtk_label_set_max_width_chars (self->close_error, 28);
  gtk_label_set_xalign (self->close_error, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->close_error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->close_error), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->close_error), FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->close_row), GTK_WIDGET (self->close_error));

  g_signal_connect (self->open_row, "date-committed", G_CALLBACK (date_committed_cb), self);
  g_signal_connect (self->close_row, "date-committed", G_CALLBACK (date_committed_cb), self);
  g_signal_connect_swapped (self->open_row, "entry-activated", G_CALLBACK (save_cb), self);
  g_signal_connect_swapped (self->close_row, "entry-activated", G_CALLBACK (save_cb), self);
  g_signal_connect (self->close_row, "changed", G_CALLBACK (clear_problem_cb), self->close_error);

  watch_row (self->name_row, self->name_error);
  watch_row (self->max_support_bp_row, self->max_support_bp_error);
  watch_row (self->min_city_bp_row, self->min_city_bp_error);
  watch_row (self->max_city_bp_row, self->max_city_bp_error);
  watch_row (self->min_own_bp_row, self->min_own_bp_error);
  watch_row (self->max_duration_row, self->max_duration_error);
  watch_row (self->max_projects_row, self->max_projects_error);

  for (guint m = 0; m < HS_N_COST_MODELS; m++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hs_cost_model_label (m));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hs_cost_model_label (m), -1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->cost_models_group, row);
      self->cost_models[m] = GTK_CHECK_BUTTON (check);
    }
}

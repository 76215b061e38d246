/* hs-date-row.c — an entry row for a date, typed or picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The start and the end of a project are the same thing twice: a date
 * typed as people write it ("1.3.2024", "2024-03-01") or picked from a
 * calendar in a popover. Enter, leaving the row, or closing the calendar
 * after picking commits: a text hs_date_parse() refuses shows its reason
 * beside it and stays; a new date is emitted as "date-committed" (a Julian
 * day, 0 for no date). The calendar: a click on a day picks it and closes;
 * the arrow keys move the day and Enter or Space picks it; changing only
 * the month or year shows that day too, stored when the calendar closes.
 */
#define G_LOG_DOMAIN "hs-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-date.h"
#include "core/hs-lang.h"

#include "hs-date-row.h"
#include "hs-date-row-private.h"

struct _HsDateRow
{
  AdwEntryRow    parent_instance;

  GDate          date;         /* as last set or committed */
  gboolean       pending;      /* the calendar put a day in the text */
  gboolean       clicked;      /* that day came from a click */
  guint          updating;
  guint          leave_source;

  GtkLabel      *error_label;
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (HsDateRow, hs_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  SIGNAL_DATE_COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the row shows: a form hs_date_parse() reads back ("1.3.2024"; in
 * English the ISO "2024-03-01", as "1 Mar 2024" is not typed back). */
static char *
entry_text (const GDate *date)
{
  HsLang lang = hs_lang_current ();

  return lang == HS_LANG_EN ? hs_date_to_iso (date) : hs_date_format (date, lang);
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

static void
set_text (HsDateRow  *self,
          const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text != NULL ? text : "") == 0)
    return;
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
  self->updating--;
}

static void
set_error (HsDateRow  *self,
           const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static gboolean
has_focus_within (HsDateRow *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

void
hs_date_row_set_date (HsDateRow   *self,
                      const GDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (HS_IS_DATE_ROW (self));
  g_return_if_fail (date != NULL);

  self->date = *date;
  if (!gtk_widget_has_css_class (GTK_WIDGET (self), "error") || !has_focus_within (self))
    {
      text = entry_text (date);
      set_text (self, text);
      set_error (self, NULL);
    }
  if (g_date_valid (date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                       g_date_get_day (date), 12, 0, 0);
      self->updating++;
      gtk_calendar_select_day (self->calendar, dt);
      self->updating--;
    }
}

gboolean
hs_date_row_commit (HsDateRow *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_return_val_if_fail (HS_IS_DATE_ROW (self), FALSE);

  self->pending = FALSE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  g_date_clear (&date, 1);
  if (*text != '\0' && !hs_date_parse (text, &date, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  set_error (self, NULL);

  if (dates_equal (&date, &self->date))
    {
      g_autofree char *shown = entry_text (&date);
      set_text (self, shown);
      return TRUE;
    }
  self->date = date;
  g_signal_emit (self, signals[SIGNAL_DATE_COMMITTED], 0,
                 g_date_valid (&date) ? g_date_get_julian (&date) : 0u);
  return TRUE;
}

static void
entry_activated_cb (HsDateRow *self)
{
  hs_date_row_commit (self);
}

static gboolean
commit_after_leave_cb (gpointer data)
{
  HsDateRow *self = data;

  self->leave_source = 0;
  hs_date_row_commit (self);
  return G_SOURCE_REMOVE;
}

/* Leaving commits once the focus has moved: what the commit makes the
 * editor rebuild must not be taken apart under GTK's focus walk. Opening
 * the calendar moves the focus into its popover: not a commit. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                HsDateRow               *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)) || self->leave_source != 0)
    return;
  self->leave_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_after_leave_cb,
                                        g_object_ref (self), g_object_unref);
}

/* Shows the calendar's day in the row; it is stored when the calendar
 * closes. */
static void
take_calendar_date (HsDateRow *self,
                    gboolean   picked_day)
{
  g_autoptr(GDateTime) picked = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (self->updating > 0)
    return;

  picked = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked),
                  g_date_time_get_month (picked), g_date_time_get_year (picked));
  text = entry_text (&date);
  set_text (self, text);
  self->pending = TRUE;
  self->clicked = self->clicked || picked_day;
}

static void
calendar_day_selected_cb (HsDateRow *self)
{
  take_calendar_date (self, TRUE);
}

/* GtkCalendar says nothing when only the month or year changes (the same
 * day number in another month). */
static void
calendar_moved_cb (HsDateRow *self)
{
  take_calendar_date (self, FALSE);
}

static void
popover_closed_cb (HsDateRow *self)
{
  if (self->pending)
    hs_date_row_commit (self);
}

static void
calendar_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     HsDateRow       *self)
{
  self->clicked = FALSE;
}

/* A click on a day picks it and closes the calendar. */
static void
calendar_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      HsDateRow       *self)
{
  if (self->clicked)
    {
      self->clicked = FALSE;
      gtk_popover_popdown (self->popover);
    }
}

static gboolean
calendar_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         HsDateRow             *self)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space)
    {
      if (!self->pending)
        take_calendar_date (self, FALSE);
      gtk_popover_popdown (self->popover);
      return TRUE;
    }
  return FALSE;
}

/* The button and the calendar are named after the row: "Start date". */
static void
title_changed_cb (HsDateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: the calendar button of a date field, "Start date: choose from a calendar" */
  g_autofree char *choose = g_strdup_printf (_("%s: choose from a calendar"), title != NULL ? title : "");

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), choose);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, choose, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
}

GtkCalendar *
_hs_date_row_get_calendar (HsDateRow *self)
{
  g_return_val_if_fail (HS_IS_DATE_ROW (self), NULL);
  return self->calendar;
}

GtkMenuButton *
_hs_date_row_get_button (HsDateRow *self)
{
  g_return_val_if_fail (HS_IS_DATE_ROW (self), NULL);
  return self->button;
}

static void
hs_date_row_dispose (GObject *object)
{
  HsDateRow *self = HS_DATE_ROW (object);

  g_clear_handle_id (&self->leave_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_DATE_ROW);

  G_OBJECT_CLASS (hs_date_row_parent_class)->dispose (object);
}

static void
hs_date_row_class_init (HsDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_date_row_dispose;

  /**
   * HsDateRow::date-committed:
   * @julian: the new date as a Julian day, 0 for none
   */
  signals[SIGNAL_DATE_COMMITTED] =
    g_signal_new ("date-committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HsDateRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, HsDateRow, button);
  gtk_widget_class_bind_template_child (widget_class, HsDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, HsDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
}

static void
hs_date_row_init (HsDateRow *self)
{
  GtkGesture *click;
  GtkEventController *keys;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->date, 1);

  g_signal_connect (self, "entry-activated", G_CALLBACK (entry_activated_cb), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  title_changed_cb (self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (calendar_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  /* released in the bubble phase, after the calendar picked the day */
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (calendar_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);

  g_signal_connect_swapped (self->calendar, "notify::month", G_CALLBACK (calendar_moved_cb), self);
  g_signal_connect_swapped (self->calendar, "notify::year", G_CALLBACK (calendar_moved_cb), self);
}

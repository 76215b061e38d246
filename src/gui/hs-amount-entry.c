/* hs-amount-entry.c — an entry for a euro amount that refuses what is not one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accepts what people type and paste ("12 345,67", "12345.67 €"; empty is
 * zero) and checks the text as it is typed: what hs_money_parse() refuses
 * gets the "error" style and the reason in the "error-message" property
 * (and the tooltip) at once. Enter or leaving the field commits: a valid,
 * changed amount is emitted as "amount-committed"; an invalid one is not.
 */
#define G_LOG_DOMAIN "hs-amount-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-core-error.h"
#include "core/hs-money.h"

#include "hs-amount-entry.h"
#include "hs-amount-entry-private.h"

struct _HsAmountEntry
{
  GtkEntry  parent_instance;

  HsLang    lang;
  gint64    amount;         /* cents, as last set or committed */
  char     *error_message;  /* owned; NULL when the text is an amount */
  guint     setting_text;
  guint     leave_source;   /* the commit after focus has moved on */
};

G_DEFINE_FINAL_TYPE (HsAmountEntry, hs_amount_entry, GTK_TYPE_ENTRY)

enum {
  PROP_0,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

enum {
  SIGNAL_AMOUNT_COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Empty text is zero; negative amounts are refused. */
static gboolean
parse_text (const char  *text,
            gint64      *out,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!hs_money_parse (stripped, out, error))
    return FALSE;
  if (*out < 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("“%s” is negative: amounts are zero or more"), stripped);
      return FALSE;
    }
  return TRUE;
}

static void
set_error_message (HsAmountEntry *self,
                   const char    *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message != NULL ? message : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
check_text (HsAmountEntry *self)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (parse_text (gtk_editable_get_text (GTK_EDITABLE (self)), &value, &error))
    set_error_message (self, NULL);
  else
    set_error_message (self, error->message);
}

static void
changed_cb (HsAmountEntry *self)
{
  if (self->setting_text > 0)
    return;
  check_text (self);
}

static void
activate_cb (HsAmountEntry *self)
{
  hs_amount_entry_commit (self);
}

static gboolean
commit_after_leave_cb (gpointer data)
{
  HsAmountEntry *self = data;

  self->leave_source = 0;
  hs_amount_entry_commit (self);
  return G_SOURCE_REMOVE;
}

/* Leaving commits once the focus has moved: a commit stores the amount, and
 * what the store's answer rebuilds (totals, findings, whole grids) must not
 * be taken apart while GTK is still walking the widgets the focus leaves
 * and enters. That walk loops for ever on a widget removed under it. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                HsAmountEntry           *self)
{
  if (self->leave_source == 0)
    self->leave_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_after_leave_cb,
                                          g_object_ref (self), g_object_unref);
}

gboolean
hs_amount_entry_commit (HsAmountEntry *self)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_return_val_if_fail (HS_IS_AMOUNT_ENTRY (self), FALSE);

  if (!parse_text (gtk_editable_get_text (GTK_EDITABLE (self)), &value, &error))
    {
      set_error_message (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  set_error_message (self, NULL);
  if (value == self->amount)
    {
      /* Show it the way it is stored: "12345.67 €" → "12 345,67". */
      hs_amount_entry_set_amount (self, value);
      return TRUE;
    }

  self->amount = value;
  g_signal_emit (self, signals[SIGNAL_AMOUNT_COMMITTED], 0, value);
  return TRUE;
}

void
hs_amount_entry_set_amount (HsAmountEntry *self,
                            gint64         cents)
{
  g_autofree char *text = NULL;

  g_return_if_fail (HS_IS_AMOUNT_ENTRY (self));

  self->amount = cents;
  text = cents == 0 ? g_strdup ("") : hs_money_format_plain (cents, self->lang);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    {
      self->setting_text++;
      gtk_editable_set_text (GTK_EDITABLE (self), text);
      self->setting_text--;
    }
  set_error_message (self, NULL);
}

gint64
_hs_amount_entry_get_amount (HsAmountEntry *self)
{
  g_return_val_if_fail (HS_IS_AMOUNT_ENTRY (self), 0);
  return self->amount;
}

const char *
hs_amount_entry_get_error_message (HsAmountEntry *self)
{
  g_return_val_if_fail (HS_IS_AMOUNT_ENTRY (self), NULL);
  return self->error_message;
}

GtkWidget *
hs_amount_entry_new (HsLang lang)
{
  HsAmountEntry *self = g_object_new (HS_TYPE_AMOUNT_ENTRY, NULL);

  self->lang = lang;
  return GTK_WIDGET (self);
}

static void
hs_amount_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HsAmountEntry *self = HS_AMOUNT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_amount_entry_finalize (GObject *object)
{
  HsAmountEntry *self = HS_AMOUNT_ENTRY (object);

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (hs_amount_entry_parent_class)->finalize (object);
}

static void
hs_amount_entry_class_init (HsAmountEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hs_amount_entry_get_property;
  object_class->finalize = hs_amount_entry_finalize;

  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HsAmountEntry::amount-committed:
   * @cents: the new amount
   *
   * A valid amount different from the previous one was entered.
   */
  signals[SIGNAL_AMOUNT_COMMITTED] =
    g_signal_new ("amount-committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
hs_amount_entry_init (HsAmountEntry *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->lang = HS_LANG_EN;

  gtk_entry_set_alignment (GTK_ENTRY (self), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self), 12);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self), 16);
  gtk_entry_set_input_purpose (GTK_ENTRY (self), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self), "amount");

  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect (self, "activate", G_CALLBACK (activate_cb), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

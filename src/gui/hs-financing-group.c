/* hs-financing-group.c — one implementer's financing plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preferences group with a row per financing source: the amount (an
 * HsAmountEntry) and, as the row's subtitle, its share of the implementer's
 * total costs, or why the typed text is not an amount. The last rows say
 * how much the sources add up to and what remains to be covered.
 */
#define G_LOG_DOMAIN "hs-financing-group"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-money.h"

#include "hs-amount-entry.h"
#include "hs-financing-group.h"
#include "hs-financing-group-private.h"

struct _HsFinancingGroup
{
  AdwPreferencesGroup  parent_instance;

  HsLang               lang;
  gint64               total_costs;
  gint64               amounts[HS_N_SOURCES];
  AdwActionRow        *rows[HS_N_SOURCES];
  HsAmountEntry       *entries[HS_N_SOURCES];
  GtkLabel            *total_label;
  GtkLabel            *remaining_label;
  AdwActionRow        *remaining_row;
};

G_DEFINE_FINAL_TYPE (HsFinancingGroup, hs_financing_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_FINANCING_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_subtitle (HsFinancingGroup  *self,
                 HsFinancingSource  source)
{
  const char *error = hs_amount_entry_get_error_message (self->entries[source]);
  g_autofree char *share = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = GTK_WIDGET (self->rows[source]);

  if (error != NULL)
    {
      adw_action_row_set_subtitle (self->rows[source], error);
      gtk_widget_add_css_class (row, "amount-error");
      return;
    }

  gtk_widget_remove_css_class (row, "amount-error");
  if (self->total_costs > 0 && self->amounts[source] > 0)
    {
      share = hs_rate_format (hs_rate_of (self->amounts[source], self->total_costs), self->lang);
      /* Translators: the share of a financing source, "34,0 % of total costs" */
      subtitle = g_strdup_printf (_("%s of total costs"), share);
    }
  adw_action_row_set_subtitle (self->rows[source], subtitle != NULL ? subtitle : "");
}

static void
amount_committed_cb (HsAmountEntry    *entry,
                     gint64            cents,
                     HsFinancingGroup *self)
{
  int source = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "hs-source"));

  g_signal_emit (self, signals[SIGNAL_FINANCING_EDITED], 0, source, cents);
}

static void
error_message_changed_cb (HsAmountEntry    *entry,
                          GParamSpec       *pspec,
                          HsFinancingGroup *self)
{
  update_subtitle (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "hs-source")));
}

void
hs_financing_group_update (HsFinancingGroup    *self,
                           const HsImplementer *impl)
{
  HsTotals totals;
  gint64 remaining = 0;
  g_autofree char *total_text = NULL;
  g_autofree char *remaining_text = NULL;
  g_autofree char *costs_text = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  g_return_if_fail (HS_IS_FINANCING_GROUP (self));
  g_return_if_fail (impl != NULL);

  ok = hs_implementer_totals (impl, &totals, NULL);
  self->total_costs = ok ? totals.total_costs : 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   impl->organisation != NULL ? impl->organisation->name : "");
  costs_text = ok ? hs_money_format (totals.total_costs, self->lang) : g_strdup ("—");
  /* Translators: "Main implementer · total costs 120 000,00 €" */
  description = g_strdup_printf (_("%s · total costs %s"),
                                 impl->is_main ? _("Main implementer") : _("Partial implementer"),
                                 costs_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);

  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      HsAmountEntry *entry = self->entries[s];

      self->amounts[s] = hs_implementer_get_financing (impl, s);
      if (hs_amount_entry_get_error_message (entry) == NULL ||
          (gtk_widget_get_state_flags (GTK_WIDGET (entry)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0)
        hs_amount_entry_set_amount (entry, self->amounts[s]);
      update_subtitle (self, s);
    }

  total_text = ok ? hs_money_format (totals.total_financing, self->lang) : g_strdup ("—");
  gtk_label_set_text (self->total_label, total_text);

  gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "success");
  if (!ok || !hs_money_sub (totals.total_costs, totals.total_financing, &remaining))
    {
      remaining_text = g_strdup ("—");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->remaining_row), _("Remaining to be covered"));
    }
  else if (remaining >= 0)
    {
      remaining_text = hs_money_format (remaining, self->lang);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->remaining_row), _("Remaining to be covered"));
      gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), remaining == 0 ? "success" : "error");
    }
  else
    {
      remaining_text = hs_money_format (-remaining, self->lang);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->remaining_row), _("Financing exceeds costs by"));
      gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");
    }
  gtk_label_set_text (self->remaining_label, remaining_text);
}

GtkWidget *
hs_financing_group_get_entry (HsFinancingGroup  *self,
                              HsFinancingSource  source)
{
  g_return_val_if_fail (HS_IS_FINANCING_GROUP (self), NULL);
  g_return_val_if_fail ((guint) source < HS_N_SOURCES, NULL);
  return GTK_WIDGET (self->entries[source]);
}

GtkLabel *
_hs_financing_group_get_remaining (HsFinancingGroup *self)
{
  g_return_val_if_fail (HS_IS_FINANCING_GROUP (self), NULL);
  return self->remaining_label;
}

static GtkLabel *
add_sum_row (HsFinancingGroup  *self,
             const char        *title,
             AdwActionRow     **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_end (label, 10);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  if (row_out != NULL)
    *row_out = ADW_ACTION_ROW (row);
  return GTK_LABEL (label);
}

static void
build (HsFinancingGroup *self)
{
  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *entry = hs_amount_entry_new (self->lang);
      GtkWidget *unit = gtk_label_new ("€");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hs_source_label (s));
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
      g_object_set_data (G_OBJECT (entry), "hs-source", GINT_TO_POINTER (s));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, hs_source_label (s), -1);
      g_signal_connect_object (entry, "amount-committed", G_CALLBACK (amount_committed_cb), self, 0);
      g_signal_connect_object (entry, "notify::error-message", G_CALLBACK (error_message_changed_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      gtk_widget_add_css_class (unit, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
      /* Tab goes from amount to amount: the row itself takes no focus, or
       * a space typed in "69 827,16" would activate it and the digits
       * before it would be lost. */
      gtk_widget_set_focusable (row, FALSE);
      /* The row's name is its title, not the title and the entry's name
       * read together ("City financing City financing"). */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, hs_source_label (s), -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

      self->rows[s] = ADW_ACTION_ROW (row);
      self->entries[s] = HS_AMOUNT_ENTRY (entry);
    }

  self->total_label = add_sum_row (self, _("Total financing"), NULL);
  self->remaining_label = add_sum_row (self, _("Remaining to be covered"), &self->remaining_row);
}

GtkWidget *
hs_financing_group_new (HsLang lang)
{
  HsFinancingGroup *self = g_object_new (HS_TYPE_FINANCING_GROUP, NULL);

  self->lang = lang;
  build (self);
  return GTK_WIDGET (self);
}

static void
hs_financing_group_class_init (HsFinancingGroupClass *klass)
{
  /**
   * HsFinancingGroup::financing-edited:
   * @source: the HsFinancingSource
   * @cents: the new amount
   */
  signals[SIGNAL_FINANCING_EDITED] =
    g_signal_new ("financing-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
}

static void
hs_financing_group_init (HsFinancingGroup *self)
{
  self->lang = HS_LANG_EN;
}

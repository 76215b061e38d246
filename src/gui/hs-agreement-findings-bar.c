/* hs-agreement-findings-bar.c — "Agreement findings (2)" above the project list, and the list of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the sidebar selects an agreement (or one of its focus areas) that
 * has findings of its own (the 60/40 ratio, the city's share, the yearly
 * amount, its calls' money and project counts: hs-portfolio-rules.h), a
 * button over the project list says how many; it opens a popover that
 * lists them as the editor's findings panel does, with their severity
 * icons and messages. The button is in the tab order; Esc closes the
 * popover and gives the focus back to the button.
 */
#define G_LOG_DOMAIN "hs-agreement-findings-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/hs-validate.h"

#include "hs-agreement-findings-bar.h"
#include "hs-finding-item.h"

struct _HsAgreementFindingsBar
{
  GtkWidget            parent_instance;

  HsAgreementFindings *findings;
  gint64               agreement_id;
  GListStore          *store;         /* of HsFindingItem */

  /* template children */
  GtkMenuButton       *button;
  GtkImage            *icon;
  GtkLabel            *label;
  GtkLabel            *summary_label;
  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (HsAgreementFindingsBar, hs_agreement_findings_bar, GTK_TYPE_WIDGET)

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  const HsFinding *finding = hs_finding_item_get_finding (item);
  gboolean is_error = finding->severity == HS_SEVERITY_ERROR;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  g_autofree char *name = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), is_error ? _("Error") : _("Warning"));
  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  /* read as one: "Error: the city's financing is …" */
  name = g_strdup_printf (_("%s: %s"), is_error ? _("Error") : _("Warning"), finding->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
update (HsAgreementFindingsBar *self)
{
  GPtrArray *findings = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  guint errors, warnings;

  if (self->findings != NULL && self->agreement_id != 0)
    findings = hs_agreement_findings_get (self->findings, self->agreement_id);

  if (findings != NULL)
    for (guint i = 0; i < findings->len; i++)
      g_ptr_array_add (items, hs_finding_item_new (g_ptr_array_index (findings, i)));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  if (findings == NULL || findings->len == 0)
    {
      gtk_menu_button_popdown (self->button);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  errors = hs_findings_count_errors (findings);
  warnings = findings->len - errors;
  gtk_image_set_from_icon_name (self->icon, errors > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), errors > 0 ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), errors > 0 ? "error" : "warning");
  /* Translators: the button over the project list; %u is the number of
   * the selected agreement's findings */
  label = g_strdup_printf (_("Agreement Findings (%u)"), findings->len);
  gtk_label_set_text (self->label, label);

  if (errors > 0 && warnings > 0)
    {
      g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings),
                                            warnings);
      /* Translators: "2 errors and 1 warning" over the agreement's findings */
      summary = g_strdup_printf (_("%s and %s, over the agreement’s projects and calls"), e, w);
    }
  else if (errors > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u error, over the agreement’s projects and calls",
                                            "%u errors, over the agreement’s projects and calls", errors),
                               errors);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u warning, over the agreement’s projects and calls",
                                            "%u warnings, over the agreement’s projects and calls", warnings),
                               warnings);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), summary);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

void
hs_agreement_findings_bar_set_findings (HsAgreementFindingsBar *self,
                                        HsAgreementFindings    *findings)
{
  g_return_if_fail (HS_IS_AGREEMENT_FINDINGS_BAR (self));

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_set_object (&self->findings, findings);
  if (findings != NULL)
    g_signal_connect_swapped (findings, "updated", G_CALLBACK (update), self);
  update (self);
}

void
hs_agreement_findings_bar_set_agreement (HsAgreementFindingsBar *self,
                                         gint64                  agreement_id)
{
  g_return_if_fail (HS_IS_AGREEMENT_FINDINGS_BAR (self));

  if (self->agreement_id == agreement_id)
    return;
  self->agreement_id = agreement_id;
  gtk_menu_button_popdown (self->button);
  update (self);
}

static void
hs_agreement_findings_bar_dispose (GObject *object)
{
  HsAgreementFindingsBar *self = HS_AGREEMENT_FINDINGS_BAR (object);
  GtkWidget *child;

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_clear_object (&self->findings);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_AGREEMENT_FINDINGS_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hs_agreement_findings_bar_parent_class)->dispose (object);
}

static void
hs_agreement_findings_bar_class_init (HsAgreementFindingsBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_agreement_findings_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-agreement-findings-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, HsAgreementFindingsBar, button);
  gtk_widget_class_bind_template_child (widget_class, HsAgreementFindingsBar, icon);
  gtk_widget_class_bind_template_child (widget_class, HsAgreementFindingsBar, label);
  gtk_widget_class_bind_template_child (widget_class, HsAgreementFindingsBar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HsAgreementFindingsBar, list_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hs_agreement_findings_bar_init (HsAgreementFindingsBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (HS_TYPE_FINDING_ITEM);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->store), create_row_cb, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

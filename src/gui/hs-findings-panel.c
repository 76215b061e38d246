/* hs-findings-panel.c — the editor's findings: what breaks the rules, and where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A heading, a one-line summary ("2 errors and 1 warning") and a list
 * bound to a GListStore of HsFindingItem. Activating a row emits
 * "finding-activated" with the finding's field path; the editor goes there.
 * When the findings change while a keyboard user is on the list, the row
 * at the same place (or the last one) takes the focus back.
 */
#define G_LOG_DOMAIN "hs-findings-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-finding-item.h"
#include "hs-findings-panel.h"
#include "hs-findings-panel-private.h"

struct _HsFindingsPanel
{
  GtkWidget   parent_instance;

  GListStore *store;         /* of HsFindingItem */

  GtkLabel   *summary_label;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (HsFindingsPanel, hs_findings_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_section (const char *field)
{
  if (field == NULL)
    return _("Project");
  if (g_str_has_prefix (field, "schedule") || g_str_equal (field, "focus-area") ||
      g_str_equal (field, "call") || g_str_equal (field, "status") || g_str_equal (field, "cost-model") ||
      g_str_equal (field, "agreement"))
    return _("General");
  if (strstr (field, "/budget") != NULL || g_str_equal (field, "budget"))
    return _("Budget");
  if (strstr (field, "financing") != NULL)
    return _("Financing");
  if (g_str_has_prefix (field, "implementers"))
    return _("Implementers");
  if (g_str_has_prefix (field, "indicators"))
    return _("Indicators");
  return _("Project");
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  const HsFinding *finding = hs_finding_item_get_finding (item);
  gboolean is_error = finding->severity == HS_SEVERITY_ERROR;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  /* Translators: under a finding: "Error · Financing" */
  subtitle = g_strdup_printf (_("%s · %s"), is_error ? _("Error") : _("Warning"), field_section (finding->field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Go to the field"));
  /* read as one: "Error: EU and state support is …" */
  name = g_strdup_printf (_("%s: %s"), is_error ? _("Error") : _("Warning"), finding->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
row_activated_cb (HsFindingsPanel *self,
                  GtkListBoxRow   *row)
{
  g_autoptr(HsFindingItem) item = g_list_model_get_item (G_LIST_MODEL (self->store),
                                                         (guint) gtk_list_box_row_get_index (row));

  if (item != NULL && hs_finding_item_get_finding (item)->field != NULL)
    g_signal_emit (self, signals[SIGNAL_FINDING_ACTIVATED], 0, hs_finding_item_get_finding (item)->field);
}

void
hs_findings_panel_set_findings (HsFindingsPanel *self,
                                GPtrArray       *findings)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;
  GtkRoot *root;
  GtkWidget *focus;
  int focused_index = -1;
  guint errors, warnings;

  g_return_if_fail (HS_IS_FINDINGS_PANEL (self));
  g_return_if_fail (findings != NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      focused_index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : 0;
    }

  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (items, hs_finding_item_new (g_ptr_array_index (findings, i)));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  if (focused_index >= 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box,
                                                          MIN (focused_index, (int) findings->len - 1));

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
    }

  errors = hs_findings_count_errors (findings);
  warnings = findings->len - errors;
  if (findings->len == 0)
    summary = g_strdup (_("The project follows the funding rules."));
  else if (errors > 0 && warnings > 0)
    {
      g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
      /* Translators: "2 errors and 1 warning" */
      summary = g_strdup_printf (_("%s and %s"), e, w);
    }
  else if (errors > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error blocks submission", "%u errors block submission", errors), errors);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  gtk_label_set_text (self->summary_label, summary);
}

GtkListBox *
_hs_findings_panel_get_list (HsFindingsPanel *self)
{
  g_return_val_if_fail (HS_IS_FINDINGS_PANEL (self), NULL);
  return self->list_box;
}

GListModel *
_hs_findings_panel_get_model (HsFindingsPanel *self)
{
  g_return_val_if_fail (HS_IS_FINDINGS_PANEL (self), NULL);
  return G_LIST_MODEL (self->store);
}

static void
hs_findings_panel_dispose (GObject *object)
{
  HsFindingsPanel *self = HS_FINDINGS_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_FINDINGS_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hs_findings_panel_parent_class)->dispose (object);
}

static void
hs_findings_panel_class_init (HsFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_findings_panel_dispose;

  /**
   * HsFindingsPanel::finding-activated:
   * @field: the finding's field path, "implementers/1/financing/eu-state"
   */
  signals[SIGNAL_FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, HsFindingsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HsFindingsPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findingspanel");
}

static void
hs_findings_panel_init (HsFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (HS_TYPE_FINDING_ITEM);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->store), create_row_cb, self, NULL);
}

/* hs-organisation-row.c — one organisation in the Organisations list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list view's factory makes one of these per visible row and binds an
 * HsOrganisationItem to it; the widgets come from the template.
 */
#define G_LOG_DOMAIN "hs-organisation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-money.h"

#include "hs-organisation-row.h"

struct _HsOrganisationRow
{
  GtkWidget  parent_instance;

  /* template children */
  GtkLabel  *name_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *total_label;
  GtkLabel  *count_label;
};

G_DEFINE_FINAL_TYPE (HsOrganisationRow, hs_organisation_row, GTK_TYPE_WIDGET)

GtkWidget *
hs_organisation_row_new (void)
{
  return g_object_new (HS_TYPE_ORGANISATION_ROW, NULL);
}

void
hs_organisation_row_set_item (HsOrganisationRow  *self,
                              HsOrganisationItem *item,
                              HsLang              lang)
{
  const HsOrganisation *org;
  guint n;
  g_autofree char *total = NULL;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (HS_IS_ORGANISATION_ROW (self));
  g_return_if_fail (item == NULL || HS_IS_ORGANISATION_ITEM (item));

  if (item == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      gtk_label_set_text (self->total_label, "");
      gtk_label_set_text (self->count_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      return;
    }

  org = hs_organisation_item_get_organisation (item);
  n = hs_organisation_item_get_n_projects (item);
  total = hs_money_format (hs_organisation_item_get_total_costs (item), lang);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);
  description = n > 0 ? g_strdup_printf ("%s, %s, %s", hs_organisation_item_get_subtitle (item), count, total)
                      : g_strdup_printf ("%s, %s", hs_organisation_item_get_subtitle (item), count);
  tooltip = g_strdup_printf ("%s\n%s", org->name, hs_organisation_item_get_subtitle (item));

  gtk_label_set_text (self->name_label, org->name);
  gtk_label_set_text (self->subtitle_label, hs_organisation_item_get_subtitle (item));
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), n > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, org->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
hs_organisation_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), HS_TYPE_ORGANISATION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hs_organisation_row_parent_class)->dispose (object);
}

static void
hs_organisation_row_class_init (HsOrganisationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_organisation_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-organisation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationRow, total_label);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationRow, count_label);
}

static void
hs_organisation_row_init (HsOrganisationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

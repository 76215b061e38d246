/* hs-organisation-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin GObject around an organisation and its figures as an implementer,
 * all computed once per reload from two queries, so that a GListModel can
 * hold it and rows never go back to the database.
 */
#define G_LOG_DOMAIN "hs-organisation-item"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-organisation-item.h"

struct _HsOrganisationItem
{
  GObject         parent_instance;

  HsOrganisation *org;          /* owned */
  guint           first_role;
  guint           n_roles;
  guint           n_projects;
  gint64          total_costs;
  char           *subtitle;
  char           *search_key;   /* casefolded */
  gboolean        suggested;
};

G_DEFINE_FINAL_TYPE (HsOrganisationItem, hs_organisation_item, G_TYPE_OBJECT)

static void
hs_organisation_item_finalize (GObject *object)
{
  HsOrganisationItem *self = HS_ORGANISATION_ITEM (object);

  g_clear_pointer (&self->org, hs_organisation_free);
  g_free (self->subtitle);
  g_free (self->search_key);

  G_OBJECT_CLASS (hs_organisation_item_parent_class)->finalize (object);
}

static void
hs_organisation_item_class_init (HsOrganisationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_organisation_item_finalize;
}

static void
hs_organisation_item_init (HsOrganisationItem *self)
{
}

HsOrganisationItem *
hs_organisation_item_new (HsOrganisation *org,
                          guint           first_role,
                          guint           n_roles,
                          guint           n_projects,
                          gint64          total_costs)
{
  HsOrganisationItem *self;
  GString *subtitle = g_string_new (NULL);
  g_autofree char *key = NULL;

  g_return_val_if_fail (org != NULL, NULL);

  self = g_object_new (HS_TYPE_ORGANISATION_ITEM, NULL);
  self->org = org;
  self->first_role = first_role;
  self->n_roles = n_roles;
  self->n_projects = n_projects;
  self->total_costs = total_costs;

  if (org->business_id != NULL)
    g_string_append (subtitle, org->business_id);
  else if (org->foreign)
    g_string_append (subtitle, _("Foreign"));
  else
    g_string_append (subtitle, _("No Y-tunnus"));
  if ((guint) org->type < HS_N_ORG_TYPES)
    g_string_append_printf (subtitle, " · %s", hs_org_type_label (org->type));
  if (org->municipality != NULL && org->municipality[0] != '\0')
    g_string_append_printf (subtitle, " · %s", org->municipality);
  self->subtitle = g_string_free (subtitle, FALSE);

  key = g_strdup_printf ("%s\n%s", org->name != NULL ? org->name : "", self->subtitle);
  self->search_key = g_utf8_casefold (key, -1);

  return self;
}

const HsOrganisation *
hs_organisation_item_get_organisation (HsOrganisationItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_ITEM (self), NULL);
  return self->org;
}

guint
hs_organisation_item_get_first_role (HsOrganisationItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_ITEM (self), 0);
  return self->first_role;
}

guint
hs_organisation_item_get_n_roles (HsOrganisationItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_ITEM (self), 0);
  return self->n_roles;
}

guint
hs_organisation_item_get_n_projects (HsOrganisationItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_ITEM (self), 0);
  return self->n_projects;
}

gint64
hs_organisation_item_get_total_costs (HsOrganisationItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_ITEM (self), 0);
  return self->total_costs;
}

const char *
hs_organisation_item_get_search_key (HsOrganisationItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_ITEM (self), NULL);
  return self->search_key;
}

const char *
hs_organisation_item_get_subtitle (HsOrganisationItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_ITEM (self), NULL);
  return self->subtitle;
}

gboolean
hs_organisation_item_get_suggested (HsOrganisationItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_ITEM (self), FALSE);
  return self->suggested;
}

void
hs_organisation_item_set_suggested (HsOrganisationItem *self,
                                    gboolean            suggested)
{
  g_return_if_fail (HS_IS_ORGANISATION_ITEM (self));
  self->suggested = suggested;
}

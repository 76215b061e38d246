/* hs-organisation-project-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain struct in a GObject, so that the organisation's projects can be
 * a GListModel for a GtkColumnView.
 */
#define G_LOG_DOMAIN "hs-organisation-project-item"

#include "config.h"

#include "hs-organisation-project-item.h"

struct _HsOrganisationProjectItem
{
  GObject               parent_instance;
  HsOrganisationProject project;
};

G_DEFINE_FINAL_TYPE (HsOrganisationProjectItem, hs_organisation_project_item, G_TYPE_OBJECT)

static void
hs_organisation_project_item_finalize (GObject *object)
{
  HsOrganisationProjectItem *self = HS_ORGANISATION_PROJECT_ITEM (object);

  g_free (self->project.code);
  g_free (self->project.name);

  G_OBJECT_CLASS (hs_organisation_project_item_parent_class)->finalize (object);
}

static void
hs_organisation_project_item_class_init (HsOrganisationProjectItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_organisation_project_item_finalize;
}

static void
hs_organisation_project_item_init (HsOrganisationProjectItem *self)
{
}

HsOrganisationProjectItem *
hs_organisation_project_item_new (gint64      project_id,
                                  const char *code,
                                  const char *name,
                                  gboolean    is_main,
                                  HsStatus    status,
                                  gint64      share,
                                  gint64      project_total)
{
  HsOrganisationProjectItem *self = g_object_new (HS_TYPE_ORGANISATION_PROJECT_ITEM, NULL);

  self->project.project_id = project_id;
  self->project.code = g_strdup (code);
  self->project.name = g_strdup (name);
  self->project.is_main = is_main;
  self->project.status = status;
  self->project.share = share;
  self->project.project_total = project_total;
  return self;
}

const HsOrganisationProject *
hs_organisation_project_item_get (HsOrganisationProjectItem *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_PROJECT_ITEM (self), NULL);
  return &self->project;
}

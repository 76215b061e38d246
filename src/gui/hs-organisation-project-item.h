/* hs-organisation-project-item.h — one project of an organisation, as the
 * Organisations page lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/hs-enums.h"

G_BEGIN_DECLS

#define HS_TYPE_ORGANISATION_PROJECT_ITEM (hs_organisation_project_item_get_type ())
G_DECLARE_FINAL_TYPE (HsOrganisationProjectItem, hs_organisation_project_item, HS, ORGANISATION_PROJECT_ITEM, GObject)

typedef struct
{
  gint64    project_id;
  char     *code;
  char     *name;
  gboolean  is_main;
  HsStatus  status;
  gint64    share;          /* the organisation's own total costs, cents */
  gint64    project_total;  /* the project's total costs, cents */
} HsOrganisationProject;

HsOrganisationProjectItem   *hs_organisation_project_item_new (gint64       project_id,
                                                               const char  *code,
                                                               const char  *name,
                                                               gboolean     is_main,
                                                               HsStatus     status,
                                                               gint64       share,
                                                               gint64       project_total);
const HsOrganisationProject *hs_organisation_project_item_get (HsOrganisationProjectItem *self);

G_END_DECLS

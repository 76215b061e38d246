/* hs-organisation-item.h — one row of the Organisations page's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/hs-project.h"

G_BEGIN_DECLS

#define HS_TYPE_ORGANISATION_ITEM (hs_organisation_item_get_type ())
G_DECLARE_FINAL_TYPE (HsOrganisationItem, hs_organisation_item, HS, ORGANISATION_ITEM, GObject)

/* Takes over org. first_role and n_roles are the organisation's rows in the
 * page's array of HsOrganisationRole; n_projects counts distinct projects;
 * total_costs is the sum of its implementers' total costs. */
HsOrganisationItem   *hs_organisation_item_new           (HsOrganisation     *org,
                                                          guint               first_role,
                                                          guint               n_roles,
                                                          guint               n_projects,
                                                          gint64              total_costs);
const HsOrganisation *hs_organisation_item_get_organisation (HsOrganisationItem *self);
guint                 hs_organisation_item_get_first_role (HsOrganisationItem *self);
guint                 hs_organisation_item_get_n_roles    (HsOrganisationItem *self);
guint                 hs_organisation_item_get_n_projects (HsOrganisationItem *self);
gint64                hs_organisation_item_get_total_costs (HsOrganisationItem *self);
/* Name, Y-tunnus, type and municipality, casefolded: what the search matches. */
const char           *hs_organisation_item_get_search_key (HsOrganisationItem *self);
/* "0201256-6 · City · Helsinki" (or "Foreign · …"). */
const char           *hs_organisation_item_get_subtitle   (HsOrganisationItem *self);

/* Whether the organisation is offered first as one of the agreement's own
 * cities (in the organisation picker). FALSE unless set. */
gboolean              hs_organisation_item_get_suggested  (HsOrganisationItem *self);
void                  hs_organisation_item_set_suggested  (HsOrganisationItem *self,
                                                           gboolean            suggested);

G_END_DECLS

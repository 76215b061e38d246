/* hs-organisations-page-private.h — what the tests look into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-organisations-page.h"

G_BEGIN_DECLS

/* Selects an organisation (and shows its details); FALSE when it is not in
 * the list as filtered. */
gboolean    _hs_organisations_page_select          (HsOrganisationsPage *self,
                                                    gint64               organisation_id);
/* The selected organisation's id, 0 when none. */
gint64      _hs_organisations_page_get_selected_id (HsOrganisationsPage *self);

/* The organisations as shown (filtered), of HsOrganisationItem, and the
 * selected organisation's projects, of HsOrganisationProjectItem. */
GListModel *_hs_organisations_page_get_model       (HsOrganisationsPage *self);
GListModel *_hs_organisations_page_get_projects    (HsOrganisationsPage *self);

/* "search", "list", "list-stack", "count", "detail-stack", "stack", "title",
 * "subtitle", "name", "name-error", "business-id", "business-id-error",
 * "foreign", "type", "municipality", "save-error", "projects",
 * "projects-summary";
 * NULL for any other name. */
GtkWidget  *_hs_organisations_page_get_widget      (HsOrganisationsPage *self,
                                                    const char          *name);

G_END_DECLS

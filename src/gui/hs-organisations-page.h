/* hs-organisations-page.h — the organisations of the portfolio: list, search, edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_ORGANISATIONS_PAGE (hs_organisations_page_get_type ())
G_DECLARE_FINAL_TYPE (HsOrganisationsPage, hs_organisations_page, HS, ORGANISATIONS_PAGE, GtkWidget)

/* A page showing the repository's organisations. It loads when first
 * mapped, and reloads on the repository's "changed" signal (at once when
 * shown, else when next shown).
 * Signal "project-activated" (gint64 project id): a project of the
 * selected organisation was activated (double click, Enter). */
GtkWidget  *hs_organisations_page_new              (HsRepository        *repository);
HsRepository *hs_organisations_page_get_repository (HsOrganisationsPage *self);
/* Reloads now (three queries); FALSE with error when the repository fails. */
gboolean    hs_organisations_page_reload           (HsOrganisationsPage *self,
                                                    GError             **error);
/* Selects an organisation (and shows its details); FALSE when it is not in
 * the list as filtered. */
gboolean    hs_organisations_page_select           (HsOrganisationsPage *self,
                                                    gint64               organisation_id);
/* The selected organisation's id, 0 when none. */
gint64      hs_organisations_page_get_selected_id  (HsOrganisationsPage *self);
/* Focuses the search entry (for Ctrl+F in the window). */
void        hs_organisations_page_focus_search     (HsOrganisationsPage *self);

/* The organisations as shown (filtered), of HsOrganisationItem, and the
 * selected organisation's projects, of HsOrganisationProjectItem. */
GListModel *hs_organisations_page_get_model        (HsOrganisationsPage *self);
GListModel *hs_organisations_page_get_projects     (HsOrganisationsPage *self);

/* For tests: "search", "list", "list-stack", "detail-stack", "stack", "title",
 * "subtitle", "name", "name-error", "business-id", "business-id-error",
 * "foreign", "type", "municipality", "projects", "projects-summary";
 * NULL for any other name. */
GtkWidget  *hs_organisations_page_get_widget       (HsOrganisationsPage *self,
                                                    const char          *name);

G_END_DECLS

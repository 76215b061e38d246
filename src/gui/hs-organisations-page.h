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
/* Focuses the search entry (for Ctrl+F in the window). */
void        hs_organisations_page_focus_search     (HsOrganisationsPage *self);

G_END_DECLS

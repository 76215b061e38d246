/* hs-implementers-page.h — the project editor's page of implementers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

#include "hs-editor-page.h"

G_BEGIN_DECLS

#define HS_TYPE_IMPLEMENTERS_PAGE (hs_implementers_page_get_type ())
G_DECLARE_FINAL_TYPE (HsImplementersPage, hs_implementers_page, HS, IMPLEMENTERS_PAGE, AdwPreferencesPage)

/* Where the organisations to choose from come from. */
void hs_implementers_page_set_repository (HsImplementersPage *self,
                                          HsRepository       *repository);
/* Opens the organisation picker (or brings it back): what Add… and the
 * editor's Ctrl+I do. */
void hs_implementers_page_add            (HsImplementersPage *self);

G_END_DECLS

/* hs-organisation-picker.h — choose an organisation, or create one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_ORGANISATION_PICKER (hs_organisation_picker_get_type ())
G_DECLARE_FINAL_TYPE (HsOrganisationPicker, hs_organisation_picker, HS, ORGANISATION_PICKER, AdwWindow)

/* A modal window over @parent listing the repository's organisations
 * (except the ids in @exclude_ids, a GArray of gint64, or NULL) with a
 * search, and a form for a new organisation whose Y-tunnus is checked as
 * it is typed. Emits "organisation-chosen" (an HsOrganisation*,
 * borrowed for the emission; id 0 for a new one) and closes. */
HsOrganisationPicker *hs_organisation_picker_new (GtkWindow    *parent,
                                                  HsRepository *repository,
                                                  GArray       *exclude_ids);
/* Offers the agreement's own cities first (docs/domain.md §1): the stored
 * organisation when there is one, else a preset that fills the form with
 * the name, type, municipality and, where known, the Y-tunnus. 0: none. */
void       hs_organisation_picker_set_agreement_id (HsOrganisationPicker *self,
                                                    gint64                agreement_id);
/* The widgets, for keyboard focus and tests: "search", "list", "name",
 * "business-id", "business-id-error", "type", "municipality", "foreign",
 * "create". */
/* The number of organisations the search shows. */

G_END_DECLS

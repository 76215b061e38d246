/* hs-implementers-page-private.h — what only the editor's tests reach of hs-implementers-page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-implementers-page.h"
#include "hs-organisation-picker.h"

G_BEGIN_DECLS

/* The organisation picker while it is open, or NULL. */
HsOrganisationPicker *_hs_implementers_page_get_picker (HsImplementersPage *self);

G_END_DECLS

/* hs-organisation-picker-private.h — what only the tests (and benchmarks) reach of hs-organisation-picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-organisation-picker.h"

G_BEGIN_DECLS

GtkWidget *_hs_organisation_picker_get_field (HsOrganisationPicker *self,
                                             const char           *name);
guint      _hs_organisation_picker_get_n_shown (HsOrganisationPicker *self);

G_END_DECLS

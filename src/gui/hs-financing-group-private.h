/* hs-financing-group-private.h — what only the tests (and benchmarks) reach of hs-financing-group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-financing-group.h"

G_BEGIN_DECLS

GtkLabel  *_hs_financing_group_get_remaining (HsFinancingGroup *self);

G_END_DECLS

/* hs-core-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hs-core-error.h"

G_DEFINE_QUARK (hs-core-error-quark, hs_core_error)

/* hs-store-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include "hs-store-error.h"

G_DEFINE_QUARK (hs-store-error-quark, hs_store_error)

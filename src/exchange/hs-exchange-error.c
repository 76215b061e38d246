/* hs-exchange-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hs-exchange-error.h"

G_DEFINE_QUARK (hs-exchange-error-quark, hs_exchange_error)

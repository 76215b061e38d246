/* hs-charts-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hs-charts-error.h"

G_DEFINE_QUARK (hs-charts-error-quark, hs_charts_error)

/* hs-ytunnus.h — the Finnish business ID (Y-tunnus)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Seven digits, a hyphen and a check digit: weights 7 9 10 5 8 4 2, sum
 * mod 11; remainder 0 → 0, remainder 1 → never issued, else 11 − remainder.
 * Errors (HS_CORE_ERROR_PARSE) say what was wrong: the shape, or "the check
 * digit should be N". */
gboolean  hs_ytunnus_validate   (const char *text, GError **error);
/* Accepts what people paste: surrounding spaces, "FI02012566" (VAT form),
 * the eight digits alone, a dash or minus sign for the hyphen, a 6-digit
 * old ID "201256-6" (zero-padded); returns the canonical
 * "0201256-6" or NULL with error when it is not a valid Y-tunnus. */
char     *hs_ytunnus_normalize  (const char *text, GError **error);
/* The check digit for seven digits, or -1 when no valid ID has them. */
int       hs_ytunnus_check_digit (const char *seven_digits);

G_END_DECLS

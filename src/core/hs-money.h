/* hs-money.h — money as gint64 euro cents, rates as basis points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money never lives in a double. Amounts are gint64 cents; rates are gint32
 * basis points (1 % = 100 bp, 60 % = 6000 bp). The one rounding rule is
 * "round half away from zero to the cent" (to the basis point for rates).
 */
#pragma once

#include <glib.h>
#include "hs-lang.h"

G_BEGIN_DECLS

#define HS_CENTS_PER_EURO 100
#define HS_BP_PERCENT 100      /* 1 % in basis points */
#define HS_BP_WHOLE   10000    /* 100 % in basis points */
/* The largest amount we accept anywhere: 10^15 cents = 10 000 000 000 000 €. */
#define HS_MONEY_MAX  G_GINT64_CONSTANT (1000000000000000)

/* Checked arithmetic: FALSE (and *out untouched) on overflow, and when the
 * result lies beyond ±HS_MONEY_MAX. */
gboolean  hs_money_add        (gint64 a, gint64 b, gint64 *out);
gboolean  hs_money_sub        (gint64 a, gint64 b, gint64 *out);
/* cents × bp / 10000, rounded half away from zero; exact for every gint64 ×
 * gint32 (128-bit intermediate). FALSE (*out untouched) beyond ±HS_MONEY_MAX. */
gboolean  hs_money_apply_rate (gint64 cents, gint32 bp, gint64 *out);
/* @amount × @numerator / @denominator, rounded half away from zero; exact
 * for any gint64 values (128-bit intermediate): a share of an amount in
 * proportion to other amounts. FALSE (*out untouched) when @denominator is
 * 0 or the result lies beyond ±HS_MONEY_MAX. */
gboolean  hs_money_scale      (gint64 amount, gint64 numerator, gint64 denominator, gint64 *out);
/* part / whole in basis points, rounded half away from zero; 0 when whole is 0.
 * Exact for any gint64 values; a rate beyond the gint32 range saturates at
 * ±G_MAXINT32. */
gint32    hs_rate_of          (gint64 part, gint64 whole);

/* fi/sv: "1 333 333,00 €" (U+00A0 between groups and before €), negative
 * amounts with U+2212; en: "€1,333,333.00", "−€5.00". */
char     *hs_money_format     (gint64 cents, HsLang lang);
/* The number alone, without the currency sign: "1 333 333,00" / "1,333,333.00". */
char     *hs_money_format_plain (gint64 cents, HsLang lang);
/* A count as the window and the sidebar show it, grouped like money:
 * fi/sv "10 018" (U+00A0 between groups), en "10,018"; negative counts
 * with U+2212. */
char     *hs_count_format     (gint64 count, HsLang lang);
/* Accepts what people type and paste: optional sign (- or U+2212), digits
 * grouped by space, U+00A0, U+202F or apostrophe, decimal comma or point
 * (when unambiguous), at most two decimals, an optional € or EUR before or
 * after. "1.000" and "1,000" (a lone separator followed by three digits)
 * are ambiguous and refused. Errors are HS_CORE_ERROR_PARSE with a message
 * that says what was wrong, or HS_CORE_ERROR_OVERFLOW. */
gboolean  hs_money_parse      (const char *text, gint64 *out, GError **error);

/* fi/sv: "62,4 %" (U+00A0 before %); en: "62.4%". One decimal always. */
char     *hs_rate_format      (gint32 bp, HsLang lang);

/* Compares @a / @b with @c / @d exactly (no rounding, no overflow), for
 * @a, @c >= 0 and @b, @d > 0: negative, zero or positive. */
int       hs_ratio_compare    (gint64 a, gint64 b, gint64 c, gint64 d);

/* A limit as a message states it: one decimal, two when the limit has
 * them ("25,55 %"). */
char     *hs_rate_format_limit (gint32 bp, HsLang lang);

/* The share @part / @whole shown beside the limit @limit_bp it breaks:
 * with as many decimals as it takes (at least the limit's, at most 8) for
 * the text to be on the right side of the limit as shown — rounded
 * towards the limit, never past it: 60,00001 % is "60,00001 %", not
 * "60,0 %", beside "at most 60,0 %". @over is TRUE when the share is
 * over a maximum, FALSE when it is under a minimum. */
char     *hs_share_format_beside (gint64   part,
                                  gint64   whole,
                                  gint32   limit_bp,
                                  gboolean over,
                                  HsLang   lang);
/* "60", "60 %", "60,5 %", "60.5%" → basis points; at most two decimals;
 * 0–100 % only. */
gboolean  hs_rate_parse       (const char *text, gint32 *out, GError **error);

G_END_DECLS

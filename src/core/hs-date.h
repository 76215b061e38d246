/* hs-date.h — calendar dates as people write them and as files store them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "hs-lang.h"

G_BEGIN_DECLS

/* fi/sv "9.2.2021", en "9 Feb 2021" (fixed English month abbreviations,
 * never the C locale). An invalid (cleared) GDate formats as "". */
char     *hs_date_format      (const GDate *date, HsLang lang);
/* ISO 8601 "2021-02-09"; "" for an invalid date. */
char     *hs_date_to_iso      (const GDate *date);
/* Accepts "9.2.2021", "09.02.2021", "2021-02-09"; rejects impossible dates
 * ("30.2.2021") with HS_CORE_ERROR_PARSE. */
gboolean  hs_date_parse       (const char *text, GDate *out, GError **error);
/* Strict ISO only (for storage and files). */
gboolean  hs_date_from_iso    (const char *text, GDate *out, GError **error);
/* Whole months from start to end inclusive of both days, counting a partial
 * month as one: 1.1.2024–31.12.2025 → 24; 15.3.2024–14.3.2026 → 24;
 * 1.1.2024–1.1.2026 → 25. Returns 0 if either date is invalid or end < start. */
guint     hs_date_months_between (const GDate *start, const GDate *end);

G_END_DECLS

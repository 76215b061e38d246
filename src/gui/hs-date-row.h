/* hs-date-row.h — an entry row for a date, typed or picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HS_TYPE_DATE_ROW (hs_date_row_get_type ())
G_DECLARE_FINAL_TYPE (HsDateRow, hs_date_row, HS, DATE_ROW, AdwEntryRow)

/* Shows @date (invalid: empty), unless the row is showing why a typed text
 * was refused while the user is still in it. */
void     hs_date_row_set_date (HsDateRow   *self,
                               const GDate *date);
/* Reads what is typed: a refused text shows its reason and is not
 * emitted; a new date is emitted as "date-committed". */
gboolean hs_date_row_commit   (HsDateRow   *self);

G_END_DECLS

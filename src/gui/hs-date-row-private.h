/* hs-date-row-private.h — what only the tests reach of hs-date-row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-date-row.h"

G_BEGIN_DECLS

GtkCalendar   *_hs_date_row_get_calendar (HsDateRow *self);
GtkMenuButton *_hs_date_row_get_button   (HsDateRow *self);

G_END_DECLS

/* hs-money-bar.h — a call's money as a bar: granted, proposed, applied against available
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/hs-lang.h"
#include "core/hs-review.h"

G_BEGIN_DECLS

#define HS_TYPE_MONEY_BAR (hs_money_bar_get_type ())
G_DECLARE_FINAL_TYPE (HsMoneyBar, hs_money_bar, HS, MONEY_BAR, GtkWidget)

/* A bar as wide as the larger of the money available and the money applied
 * for: granted solid, proposed and not granted hatched, the rest applied for
 * as an outline, the money available as a marked line; the figures written
 * under it, and the same as its accessible description (the text
 * alternative). Colours of the Okabe–Ito palette, told apart by pattern too. */
GtkWidget  *hs_money_bar_new       (HsLang             lang);
void        hs_money_bar_set_money (HsMoneyBar        *self,
                                    const HsCallMoney *money);
/* The figures as text, one a line ("Available: 1 000 000,00 €"). */
char       *hs_money_bar_dup_text  (HsMoneyBar        *self);

G_END_DECLS

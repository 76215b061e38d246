/* hs-amount-entry.h — an entry for a euro amount that refuses what is not one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/hs-lang.h"

G_BEGIN_DECLS

#define HS_TYPE_AMOUNT_ENTRY (hs_amount_entry_get_type ())
G_DECLARE_FINAL_TYPE (HsAmountEntry, hs_amount_entry, HS, AMOUNT_ENTRY, GtkEntry)

GtkWidget  *hs_amount_entry_new               (HsLang         lang);
/* The stored amount in cents; shows it formatted (0 shows as empty). */
void        hs_amount_entry_set_amount        (HsAmountEntry *self,
                                               gint64         cents);
/* Why the text is not an amount, or NULL when it is one. */
const char *hs_amount_entry_get_error_message (HsAmountEntry *self);
/* Parses the text now (as Enter or leaving the field does): emits
 * "amount-committed" when it is a new valid amount. FALSE when the text is
 * not an amount; the entry then shows why and nothing is emitted. */
gboolean    hs_amount_entry_commit            (HsAmountEntry *self);

G_END_DECLS

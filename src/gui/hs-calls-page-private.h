/* hs-calls-page-private.h — what the tests look into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-call-dialog.h"
#include "hs-calls-page.h"

G_BEGIN_DECLS

/* The row of a call as shown (an AdwActionRow), NULL when the call is not
 * in the list or the search hides it. */
GtkWidget    *_hs_calls_page_get_row    (HsCallsPage *self,
                                         gint64       call_id);
/* The number of rows the search leaves. */
guint         _hs_calls_page_get_n_shown (HsCallsPage *self);
/* The form the page opened last, while it is open; NULL otherwise. */
HsCallDialog *_hs_calls_page_get_dialog (HsCallsPage *self);
/* "stack", "search", "list", "list-stack", "count"; NULL for any other. */
GtkWidget    *_hs_calls_page_get_widget (HsCallsPage *self,
                                         const char  *name);

G_END_DECLS

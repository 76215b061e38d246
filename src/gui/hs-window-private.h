/* hs-window-private.h — what only the tests reach of hs-window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-window.h"

G_BEGIN_DECLS

/* What win.save-filter shows: the dialog that names the current filter. */
GtkWidget *_hs_window_save_filter_dialog (HsWindow   *self);
/* What win.apply-saved-filter does; FALSE when it could not. */
gboolean   _hs_window_apply_saved_filter (HsWindow   *self,
                                          const char *name);
/* The saved filters' menu (the search bar's button and the main menu's
 * submenu show it). */
GMenuModel *_hs_window_get_saved_filters_menu (HsWindow *self);

G_END_DECLS

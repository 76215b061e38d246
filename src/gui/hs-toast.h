/* hs-toast.h — the toast overlay of a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The first AdwToastOverlay at or below @widget (a window, usually the
 * dialog's parent), or NULL. */
AdwToastOverlay *hs_toast_overlay_find (GtkWidget *widget);

G_END_DECLS

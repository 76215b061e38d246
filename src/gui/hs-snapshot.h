/* hs-snapshot.h — what a window shows, as a PNG and as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by the smoke tests and for screenshots: with HANKESALKKU_SNAPSHOT=PREFIX
 * the application renders its window to PREFIX.png and writes the window title
 * and every visible text to PREFIX.txt once the window has drawn, then quits.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean  hs_snapshot_to_png   (GtkWidget   *widget,
                                const char  *path,
                                GError     **error);
/* "title: …" then one line per label a person can see, in widget-tree order:
 * mapped, child-visible and at least partly inside the window and inside
 * every ancestor that cuts off its children (a scrolled list, a folded
 * leaflet). */
char     *hs_snapshot_describe (GtkWidget   *widget);
/* Arms the snapshot-and-quit hook on a window when HANKESALKKU_SNAPSHOT is set. */
void      hs_snapshot_arm_from_env (GtkWindow *window);

G_END_DECLS

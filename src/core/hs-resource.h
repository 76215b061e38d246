/* hs-resource.h — a compiled-in GResource, safely registered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The resource that @get (a getter made by glib-compile-resources)
 * returns, once it is registered; @path is any file in it. GLib 2.74
 * registers compiled-in resources lazily, and while one thread does so
 * (GTK's icon theme loads in a worker), another that asks for a resource
 * gets NULL and crashes on it; a lookup through the global list takes the
 * list's lock, which waits for that registration to end. */
GResource *hs_resource_get (GResource  *(*get) (void),
                            const char   *path);

G_END_DECLS

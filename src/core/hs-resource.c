/* hs-resource.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-resource.h"

GResource *
hs_resource_get (GResource  *(*get) (void),
                 const char   *path)
{
  GResource *resource = get ();

  if (resource == NULL)
    {
      /* another thread is registering: wait for it under the list's lock */
      g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
      resource = get ();
    }
  if (resource == NULL)
    g_error ("The compiled-in resource with %s is not registered", path);
  return resource;
}

/* main.c — the entry point of the hankesalkku application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include "core/hs-i18n.h"
#include "gui/hs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsApplication) app = NULL;

  hs_i18n_init ();

  app = hs_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

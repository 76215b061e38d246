/* main.c — the entry point of the hankesalkku application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui/hs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsApplication) app = NULL;
  const char *localedir = g_getenv ("HANKESALKKU_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hs_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

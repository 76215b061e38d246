/* hs-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "hs-i18n.h"

static const char *
requested_locale (void)
{
  static const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);
      if (value != NULL && *value != '\0')
        return value;
    }
  return NULL;
}

void
hs_i18n_init (void)
{
  const char *localedir = g_getenv ("HANKESALKKU_LOCALEDIR");

  if (setlocale (LC_ALL, "") == NULL)
    {
      const char *wanted = requested_locale ();
      const char *language = g_getenv ("LANGUAGE");

      setlocale (LC_ALL, "C.UTF-8");
      if ((language == NULL || *language == '\0') && wanted != NULL)
        {
          g_autofree char *lang = g_strndup (wanted, strcspn (wanted, ".@"));
          g_setenv ("LANGUAGE", lang, TRUE);
        }
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* hs-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
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

/* Whether the running program is one of this build tree's own (not an
 * installed copy): its file lies inside the build directory. */
static gboolean
running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  char root[PATH_MAX];
  gsize n;

  if (exe == NULL || realpath (HS_BUILD_ROOT, root) == NULL)
    return FALSE;
  n = strlen (root);
  return strncmp (exe, root, n) == 0 && exe[n] == G_DIR_SEPARATOR;
}

/* $HANKESALKKU_LOCALEDIR when set; the build tree's catalogues for a
 * program of the build tree; else the installed ones. */
static const char *
choose_localedir (void)
{
  const char *localedir = g_getenv ("HANKESALKKU_LOCALEDIR");

  if (localedir != NULL && *localedir != '\0')
    return localedir;
  if (running_from_build_tree () && g_file_test (HS_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return HS_BUILD_LOCALEDIR;
  return LOCALEDIR;
}

void
hs_i18n_init (void)
{
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
  else
    {
      const char *messages = setlocale (LC_MESSAGES, NULL);
      const char *language = g_getenv ("LANGUAGE");

      /* gettext ignores LANGUAGE in the C locale, which is what an
       * environment without LANG gives: LANGUAGE=fi alone still means
       * Finnish */
      if (language != NULL && *language != '\0' && messages != NULL
          && (strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0))
        setlocale (LC_ALL, "C.UTF-8");
    }

  bindtextdomain (GETTEXT_PACKAGE, choose_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

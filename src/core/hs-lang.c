/* hs-lang.c — the languages whose number and date formats Hankesalkku writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <string.h>

#include "hs-lang.h"

/* TRUE when @name is the two-letter language @code, alone or followed by a
 * territory, codeset or modifier: "fi", "fi_FI", "fi-FI", "fi.UTF-8", "fi@euro". */
static gboolean
is_language (const char *name,
             const char *code)
{
  if (g_ascii_strncasecmp (name, code, 2) != 0)
    return FALSE;

  return name[2] == '\0' || strchr ("_-.@", name[2]) != NULL;
}

/* "C", "C.UTF-8", "POSIX": no language at all, which means English. */
static gboolean
is_c_locale (const char *name)
{
  return strcmp (name, "C") == 0 ||
         g_str_has_prefix (name, "C.") ||
         g_str_has_prefix (name, "C@") ||
         strcmp (name, "POSIX") == 0;
}

HsLang
hs_lang_from_string (const char *name)
{
  if (name == NULL)
    return HS_LANG_EN;
  if (is_language (name, "fi"))
    return HS_LANG_FI;
  if (is_language (name, "sv"))
    return HS_LANG_SV;
  return HS_LANG_EN;
}

HsLang
hs_lang_current (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      /* The user prefers English to anything after it. */
      if (is_language (name, "en") || is_c_locale (name))
        break;
      if (is_language (name, "fi"))
        return HS_LANG_FI;
      if (is_language (name, "sv"))
        return HS_LANG_SV;
    }

  return HS_LANG_EN;
}

const char *
hs_lang_to_string (HsLang lang)
{
  switch (lang)
    {
    case HS_LANG_FI:
      return "fi";
    case HS_LANG_SV:
      return "sv";
    case HS_LANG_EN:
    default:
      return "en";
    }
}

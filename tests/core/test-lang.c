/* test-lang.c — which language's formats the user gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "core/hs-lang.h"

static void
test_lang_from_string (void)
{
  static const struct { const char *name; HsLang lang; } cases[] = {
    { "fi", HS_LANG_FI },
    { "fi_FI", HS_LANG_FI },
    { "fi_FI.UTF-8", HS_LANG_FI },
    { "fi-FI", HS_LANG_FI },
    { "fi@euro", HS_LANG_FI },
    { "FI", HS_LANG_FI },
    { "sv", HS_LANG_SV },
    { "sv_FI.UTF-8", HS_LANG_SV },
    { "sv-FI", HS_LANG_SV },
    { "sv_SE", HS_LANG_SV },
    { "en", HS_LANG_EN },
    { "en_GB.UTF-8", HS_LANG_EN },
    { "C", HS_LANG_EN },
    { "de_DE", HS_LANG_EN },
    { "fil", HS_LANG_EN },    /* Filipino, not Finnish */
    { "svx", HS_LANG_EN },
    { "f", HS_LANG_EN },
    { "", HS_LANG_EN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (hs_lang_from_string (cases[i].name), ==, cases[i].lang);
    }
  g_assert_cmpint (hs_lang_from_string (NULL), ==, HS_LANG_EN);
}

static void
test_lang_to_string (void)
{
  g_assert_cmpstr (hs_lang_to_string (HS_LANG_EN), ==, "en");
  g_assert_cmpstr (hs_lang_to_string (HS_LANG_FI), ==, "fi");
  g_assert_cmpstr (hs_lang_to_string (HS_LANG_SV), ==, "sv");

  for (HsLang lang = HS_LANG_EN; lang <= HS_LANG_SV; lang++)
    g_assert_cmpint (hs_lang_from_string (hs_lang_to_string (lang)), ==, lang);
}

static void
test_lang_current (void)
{
  static const struct { const char *language; HsLang lang; } cases[] = {
    { "fi_FI", HS_LANG_FI },
    { "sv_FI:fi:en", HS_LANG_SV },
    { "de:fi", HS_LANG_FI },         /* no German formats: the next one */
    { "en_GB:fi", HS_LANG_EN },      /* English first: stop there */
    { "de:en:sv", HS_LANG_EN },
    { "C:fi", HS_LANG_EN },
    { "de", HS_LANG_EN },
  };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("LANGUAGE=%s", cases[i].language);
      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      g_assert_cmpint (hs_lang_current (), ==, cases[i].lang);
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lang/from-string", test_lang_from_string);
  g_test_add_func ("/lang/to-string", test_lang_to_string);
  g_test_add_func ("/lang/current", test_lang_current);

  return g_test_run ();
}

/* test-reference.c — reference data: the names of calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "core/hs-reference.h"

static void
assert_display_name (const HsCall *call,
                     HsLang        lang,
                     const char   *expected)
{
  g_autofree char *name = hs_call_dup_display_name (call, lang);

  g_assert_cmpstr (name, ==, expected);
}

/* An agreement's default call is named in the user's language; every
 * other call keeps the name it was given. */
static void
test_call_display_name (void)
{
  g_autoptr(HsCall) call = hs_call_new_default ();

  call->agreement_id = 10;
  call->name = g_strdup ("Pori — default call");
  g_assert_true (hs_call_is_agreement_default (call));
  assert_display_name (call, HS_LANG_EN, "Pori — default call");
  assert_display_name (call, HS_LANG_FI, "Pori — oletushaku");
  assert_display_name (call, HS_LANG_SV, "Pori — standardutlysning");

  /* a region name with a dash of its own */
  g_free (call->name);
  call->name = g_strdup ("Lappeenranta (ml. Imatra) — default call");
  assert_display_name (call, HS_LANG_FI, "Lappeenranta (ml. Imatra) — oletushaku");

  /* a call of the user's own keeps its name in every language */
  g_free (call->name);
  call->name = g_strdup ("Porin kevään 2025 haku");
  g_assert_false (hs_call_is_agreement_default (call));
  assert_display_name (call, HS_LANG_FI, "Porin kevään 2025 haku");
  assert_display_name (call, HS_LANG_SV, "Porin kevään 2025 haku");

  /* not an agreement's: a national call with a name like it */
  g_free (call->name);
  call->name = g_strdup ("Pori — default call");
  call->agreement_id = 0;
  g_assert_false (hs_call_is_agreement_default (call));
  assert_display_name (call, HS_LANG_FI, "Pori — default call");

  /* only the suffix is not a name */
  g_free (call->name);
  call->name = g_strdup (" — default call");
  call->agreement_id = 10;
  assert_display_name (call, HS_LANG_FI, " — default call");

  g_clear_pointer (&call->name, g_free);
  assert_display_name (call, HS_LANG_FI, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reference/call/display-name", test_call_display_name);
  return g_test_run ();
}

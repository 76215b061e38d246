/* hs-lang.h — the languages whose number and date formats Hankesalkku writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_LANG_EN,
  HS_LANG_FI,
  HS_LANG_SV,
} HsLang;

/* The language of the user's messages: the first of g_get_language_names()
 * that is fi or sv (any territory), else English. */
HsLang      hs_lang_current     (void);
/* "fi", "fi_FI.UTF-8", "sv-FI", "en" ...; unknown → HS_LANG_EN */
HsLang      hs_lang_from_string (const char *name);
const char *hs_lang_to_string   (HsLang lang);   /* "en", "fi", "sv" */

G_END_DECLS

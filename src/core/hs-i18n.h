/* hs-i18n.h — gettext set-up shared by the application and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale() from the environment, falling back to C.UTF-8 when the
 * user's locale is not installed (a Finnish user on a machine without
 * fi_FI.UTF-8 still gets Finnish messages: the language is taken from
 * LC_ALL / LC_MESSAGES / LANG into LANGUAGE), and to C.UTF-8 when the
 * environment gives the C locale but LANGUAGE asks for a language (which
 * gettext would ignore in C). Binds the text domain to
 * $HANKESALKKU_LOCALEDIR when set; else, for a program that runs from the
 * build directory (not installed), to the catalogues compiled there
 * (po/locale), so that LANGUAGE=fi alone works from a build; else to
 * LOCALEDIR. */
void hs_i18n_init (void);

G_END_DECLS

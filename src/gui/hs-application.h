/* hs-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_APPLICATION (hs_application_get_type ())
G_DECLARE_FINAL_TYPE (HsApplication, hs_application, HS, APPLICATION, AdwApplication)

HsApplication *hs_application_new            (void);
/* Opens the portfolio in @file (an existing Hankesalkku database) in a new
 * window of @self (NULL: a window of no application, for the tests) that
 * follows other programs' changes like the first one. */
GtkWindow     *hs_application_open_file      (HsApplication *self,
                                              GFile         *file,
                                              GError       **error);
/* The open portfolio, or NULL when it could not be opened. */

G_END_DECLS

/* hs-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hs-application.h"

G_BEGIN_DECLS

#define HS_TYPE_WINDOW (hs_window_get_type ())
G_DECLARE_FINAL_TYPE (HsWindow, hs_window, HS, WINDOW, AdwApplicationWindow)

HsWindow *hs_window_new        (HsApplication *application,
                                HsRepository  *repository);
/* Opens the project's editor, or brings its open editor to the front. */
void      hs_window_edit_project (HsWindow    *self,
                                  gint64       id);
/* Replaces the content with a page that says what went wrong. */
/* A toast on the window that stays until it is dismissed. */
void      hs_window_show_toast (HsWindow      *self,
                                const char    *message);
void      hs_window_show_error (HsWindow      *self,
                                const GError  *error);
/* Import… for @file without the file chooser (a file opened from the file
 * manager or given on the command line): the import preview of the file,
 * presented over the window. NULL when the window has no portfolio. */
GtkWindow *hs_window_import_file (HsWindow    *self,
                                  GFile       *file);

G_END_DECLS

/* hs-diff-window.h — a decided project's approved version against the project now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_DIFF_WINDOW (hs_diff_window_get_type ())
G_DECLARE_FINAL_TYPE (HsDiffWindow, hs_diff_window, HS, DIFF_WINDOW, AdwWindow)

/* The differences (hs_project_diff) from the version the decision in force
 * approved to the project as it is now (with an open change application,
 * what it applies for), field by field and amount by amount, under the
 * totals' headline. A project not decided shows that it has no approved
 * version. NULL with @error when it cannot be read. */
HsDiffWindow *hs_diff_window_new     (GtkWindow     *parent,
                                      HsRepository  *repository,
                                      gint64         project_id,
                                      GError       **error);
/* The lines shown, one a line (for the tests). */
char         *hs_diff_window_dup_text (HsDiffWindow *self);

G_END_DECLS

/* hs-file-actions.h — Back Up… and Restore… for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "store/hs-sqlite-repository.h"

G_BEGIN_DECLS

/* "Back Up…": a save dialog (portfolio-YYYY-MM-DD.db), then a whole copy
 * of the open database, also what is still in its "-wal"; a toast says
 * where it went, or what went wrong. */
void      hs_back_up_portfolio    (GtkWindow          *parent,
                                   HsSqliteRepository *repo);
/* "Restore…": an open dialog, a confirmation that says what is kept, then
 * the database replaced by the backup; the window follows at once. */
void      hs_restore_portfolio    (GtkWindow          *parent,
                                   HsSqliteRepository *repo);

/* The same without the dialogs (for the tests); the toast is shown on
 * @parent's toast overlay. */
gboolean  hs_back_up_portfolio_to (GtkWindow          *parent,
                                   HsSqliteRepository *repo,
                                   GFile              *file,
                                   GError            **error);
gboolean  hs_restore_portfolio_from (GtkWindow          *parent,
                                     HsSqliteRepository *repo,
                                     GFile              *file,
                                     GError            **error);

G_END_DECLS

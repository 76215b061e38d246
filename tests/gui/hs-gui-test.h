/* hs-gui-test.h — what every in-process GUI test needs: a portfolio in a
 * fresh directory, finding widgets, and waiting for a condition
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GUI test never decides that something happened by counting frames or
 * by sleeping. It waits for the condition that matters (the window is
 * mapped, the worker's result arrived, the dialog is gone, the list shows
 * these rows) while the main loop runs, under a deadline that a timeout
 * source enforces: when the deadline passes, the test fails and says what
 * it was waiting for. Animations are off, so a widget is in its final
 * state as soon as its condition holds; a picture forces one draw and
 * waits for that draw.
 */
#pragma once

#include <gtk/gtk.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

/* How long any one wait may take before the test fails, in seconds
 * (HS_TEST_DEADLINE overrides it). */
#define HS_TEST_DEADLINE_SECONDS 30

typedef gboolean (*HsTestCondition) (gpointer data);

/* gtk_test_init (), adw_init (), and animations off. */
/* Removes a "--language=LANG" option from the arguments and sets LANGUAGE
 * to it, so that the cases (and their screenshots) run in that language.
 * Returns LANG (pointing into argv) or NULL. Call before hs_i18n_init (). */
const char *hs_test_take_language_option (int    *argc,
                                          char ***argv);
void        hs_test_gui_init          (int            *argc,
                                       char         ***argv);

/* Runs what is already pending in the main context (idle handlers, signal
 * emissions queued by a synchronous action) without waiting for anything
 * new: for what an action did synchronously, not for anything asynchronous. */
void        hs_test_drain             (void);

/* Runs the main loop until @condition (@data) holds; fails the test with
 * @what when the deadline passes first. */
void        hs_test_wait_until        (HsTestCondition  condition,
                                       gpointer         data,
                                       const char      *what);

/* Waits until @widget is mapped and has a size. */
void        hs_test_wait_mapped       (GtkWidget      *widget);

/* Queues a draw of @widget's surface and waits for that very paint (the
 * layout phase runs before it, so allocations and list rows are current). */
void        hs_test_wait_for_draw     (GtkWidget      *widget);

/* Presents @window and waits until it is mapped and painted once. */
void        hs_test_present           (GtkWindow      *window);

/* Waits until the object behind the weak pointer @location (set with
 * g_object_add_weak_pointer) has been finalized. */
void        hs_test_wait_finalized    (gpointer        location,
                                       const char     *what);

/* Waits until hs_snapshot_describe (@widget) contains @text. */
void        hs_test_wait_for_text     (GtkWidget      *widget,
                                       const char     *text);

/* Types @text into a GtkSearchEntry and waits until the entry reports it
 * (it waits for the typing to pause): the widget that owns the entry has
 * handled the search when this returns. */
void        hs_test_search            (GtkWidget      *search_entry,
                                       const char     *text);

/* The first widget of @type at or below @widget, depth first, or NULL. */
gpointer    hs_test_find_child        (GtkWidget      *widget,
                                       GType           type);

/* The first button at or below @widget whose action is @action, or NULL. */
GtkWidget  *hs_test_find_action_button (GtkWidget     *widget,
                                        const char    *action);

/* Forces one draw of @widget, waits for it, and writes it as a PNG named
 * @name in the test build directory. */
void        hs_test_save_png          (GtkWidget      *widget,
                                       const char     *name);

/* A new directory with a new database holding the example portfolio and
 * @n_generated generated projects (seed 5); @dir receives the directory. */
HsRepository *hs_test_open_portfolio  (const char     *prefix,
                                       guint           n_generated,
                                       char          **dir);

/* Destroys @window (may be NULL), runs what that queued, closes the
 * repository (@repo may be NULL) and removes the directory: a fixture's
 * tear-down. */
void        hs_test_close_portfolio   (gpointer        window,
                                       HsRepository  **repo,
                                       char          **dir);

/* Removes @path and the files in it. */
/* The file chooser shown (GtkFileChooserNative's own dialog under the
 * tests), or NULL; and waiting until one is shown or none is. */
GtkWidget  *hs_test_find_file_chooser (void);
void        hs_test_wait_file_chooser (gboolean        shown);

/* "key", "ctrl+z" or "type", "25 00" */
void        hs_test_send_keys         (GtkWidget      *widget,
                                       const char     *command,
                                       const char     *keys);

void        hs_test_remove_dir        (const char     *path);

/* Runs hankesalkku-cli --db DB FIRST …, NULL-terminated, from the build
 * tree, and fails the test (with what it wrote) when it fails. */
void        hs_test_run_cli           (const char     *db,
                                       const char     *first,
                                       ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

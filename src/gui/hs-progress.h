/* hs-progress.h — a worker's progress, read by the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worker thread reports how far it got into an HsProgress; the window
 * that shows it reads the latest figures from a timeout on the main thread.
 * Nothing is sent to the main context from the worker, so no GTK code can
 * run in the worker, and the progress holds no reference to any widget: a
 * dialog closed while its worker runs is freed at once.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HsProgress HsProgress;

HsProgress *hs_progress_new       (void);
HsProgress *hs_progress_ref       (HsProgress *progress);
void        hs_progress_unref     (HsProgress *progress);

/* Any thread; the signature of the exchange layer's progress callbacks,
 * with the HsProgress as @progress. */
void        hs_progress_report    (guint64     done,
                                   guint64     total,
                                   gpointer    progress);

/* The main thread: TRUE and the latest figures when there was a report
 * since the last call. */
gboolean    hs_progress_take      (HsProgress *progress,
                                   guint64    *done,
                                   guint64    *total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsProgress, hs_progress_unref)

G_END_DECLS

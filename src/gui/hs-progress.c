/* hs-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-progress.h"

struct _HsProgress
{
  GMutex   lock;
  guint64  done;
  guint64  total;
  gboolean fresh;
};

static void
progress_clear (HsProgress *progress)
{
  g_mutex_clear (&progress->lock);
}

HsProgress *
hs_progress_new (void)
{
  HsProgress *progress = g_atomic_rc_box_new0 (HsProgress);

  g_mutex_init (&progress->lock);
  return progress;
}

HsProgress *
hs_progress_ref (HsProgress *progress)
{
  return g_atomic_rc_box_acquire (progress);
}

void
hs_progress_unref (HsProgress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

void
hs_progress_report (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  HsProgress *progress = user_data;

  g_mutex_lock (&progress->lock);
  progress->done = done;
  progress->total = total;
  progress->fresh = TRUE;
  g_mutex_unlock (&progress->lock);
}

gboolean
hs_progress_take (HsProgress *progress,
                  guint64    *done,
                  guint64    *total)
{
  gboolean fresh;

  g_mutex_lock (&progress->lock);
  fresh = progress->fresh;
  *done = progress->done;
  *total = progress->total;
  progress->fresh = FALSE;
  g_mutex_unlock (&progress->lock);
  return fresh;
}

/* hs-agreement-findings.c — the agreements' findings, kept up to date off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of an agreement (hs-portfolio-rules.h) read a compact line per
 * project, which the store gives from the totals it keeps on write
 * (hs_repository_list_portfolio_projects: two queries, no project loaded).
 * A GTask reads them on a reader of its own (hs_repository_open_reader) in
 * a worker thread and hands back a table agreement id → findings. Changes
 * come in bursts (an import, undo after undo): the first "changed" starts a
 * run, and those that come while it runs start just one more once it has
 * returned, so that the last run always sees the last change. A repository
 * without readers is read on the main thread (only a test repository has
 * none).
 */
#define G_LOG_DOMAIN "hs-agreement-findings"

#include "config.h"

#include "core/hs-lang.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-reference.h"
#include "core/hs-validate.h"

#include "hs-agreement-findings.h"

struct _HsAgreementFindings
{
  GObject        parent_instance;

  HsRepository  *repository;
  gulong         changed_handler;
  GHashTable    *findings;      /* gint64* agreement id → GPtrArray of HsFinding* */
  GCancellable  *cancellable;   /* of the run under way, or NULL */
  gboolean       again;         /* a change came while it ran */
};

G_DEFINE_FINAL_TYPE (HsAgreementFindings, hs_agreement_findings, G_TYPE_OBJECT)

enum {
  SIGNAL_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  HsRepository *repository;
  HsLang        lang;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->repository);
  g_free (job);
}

static GHashTable *
findings_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/* In the worker (or on the main thread without readers): no reference to
 * the HsAgreementFindings. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(HsRepository) reader = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GArray) portfolio = NULL;
  g_autoptr(GHashTable) table = NULL;
  GError *error = NULL;

  reader = hs_repository_open_reader (job->repository, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  agreements = hs_repository_list_agreements (reader, &error);
  if (agreements != NULL)
    calls = hs_repository_list_calls (reader, 0, &error);
  if (calls != NULL)
    portfolio = hs_repository_list_portfolio_projects (reader, &error);
  if (portfolio == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  table = findings_table_new ();
  for (guint a = 0; a < agreements->len; a++)
    {
      const HsAgreement *agreement = g_ptr_array_index (agreements, a);
      g_autoptr(GPtrArray) own_calls = g_ptr_array_new ();
      g_autoptr(GPtrArray) findings = NULL;

      for (guint i = 0; i < calls->len; i++)
        if (((HsCall *) g_ptr_array_index (calls, i))->agreement_id == agreement->id)
          g_ptr_array_add (own_calls, g_ptr_array_index (calls, i));
      findings = hs_portfolio_check (agreement, own_calls, portfolio, job->lang);
      if (findings->len > 0)
        g_hash_table_insert (table, g_memdup2 (&agreement->id, sizeof agreement->id),
                             g_steal_pointer (&findings));
    }
  g_task_return_pointer (task, g_steal_pointer (&table), (GDestroyNotify) g_hash_table_unref);
}

static void start_run (HsAgreementFindings *self);

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HsAgreementFindings) self = user_data;   /* the task's reference */
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GError) error = NULL;

  table = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);

  if (self->repository == NULL)         /* disposed meanwhile */
    return;
  if (self->again)
    {
      start_run (self);
      return;
    }
  if (table == NULL)
    {
      /* The reader can fail while the file is replaced under it (a
       * restore, another portfolio opened): the findings shown stay, and
       * the "changed" that follows such a change runs again. Nothing to
       * tell the user here: the window's own reading reports a real error. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not check the agreements: %s", error->message);
      return;
    }
  g_hash_table_unref (self->findings);
  self->findings = g_steal_pointer (&table);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0);
}

static void
start_run (HsAgreementFindings *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  self->again = FALSE;
  self->cancellable = g_cancellable_new ();
  job->repository = g_object_ref (self->repository);
  job->lang = hs_lang_current ();

  task = g_task_new (NULL, self->cancellable, check_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  if (hs_repository_has_readers (self->repository))
    g_task_run_in_thread (task, check_thread);
  else
    check_thread (task, NULL, job, self->cancellable);   /* not thread-safe: here */
}

static void
repository_changed_cb (HsRepository        *repository,
                       HsAgreementFindings *self)
{
  if (self->cancellable != NULL)
    {
      /* the run under way may have read an older state: one more once it
       * has returned (its reads take milliseconds: let it finish) */
      self->again = TRUE;
      return;
    }
  start_run (self);
}

HsAgreementFindings *
hs_agreement_findings_new (HsRepository *repository)
{
  HsAgreementFindings *self;

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (HS_TYPE_AGREEMENT_FINDINGS, NULL);
  self->repository = g_object_ref (repository);
  self->changed_handler = g_signal_connect (repository, "changed", G_CALLBACK (repository_changed_cb), self);
  start_run (self);
  return self;
}

GPtrArray *
hs_agreement_findings_get (HsAgreementFindings *self,
                           gint64               agreement_id)
{
  g_return_val_if_fail (HS_IS_AGREEMENT_FINDINGS (self), NULL);

  return g_hash_table_lookup (self->findings, &agreement_id);
}

gboolean
hs_agreement_findings_is_busy (HsAgreementFindings *self)
{
  g_return_val_if_fail (HS_IS_AGREEMENT_FINDINGS (self), FALSE);

  return self->cancellable != NULL;
}

static void
hs_agreement_findings_dispose (GObject *object)
{
  HsAgreementFindings *self = HS_AGREEMENT_FINDINGS (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_handler, self->repository);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_agreement_findings_parent_class)->dispose (object);
}

static void
hs_agreement_findings_finalize (GObject *object)
{
  HsAgreementFindings *self = HS_AGREEMENT_FINDINGS (object);

  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hs_agreement_findings_parent_class)->finalize (object);
}

static void
hs_agreement_findings_class_init (HsAgreementFindingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_agreement_findings_dispose;
  object_class->finalize = hs_agreement_findings_finalize;

  /**
   * HsAgreementFindings::updated:
   *
   * A run's findings are in (they may be the same as before).
   */
  signals[SIGNAL_UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hs_agreement_findings_init (HsAgreementFindings *self)
{
  self->findings = findings_table_new ();
}

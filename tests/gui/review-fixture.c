/* review-fixture.c — a call with applications and assessments, for the Review page's tests and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/hs-generate.h"
#include "core/hs-review.h"

#include "review-fixture.h"

gint64
hs_review_fixture_add_call (HsRepository  *repo,
                            const char    *name,
                            gint64         available,
                            guint          n,
                            guint32        seed,
                            GArray       **ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (repo, &error);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (repo, 0, &error);
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(HsCall) call = hs_call_new_default ();

  g_assert_no_error (error);
  call->agreement_id = ((HsAgreement *) g_ptr_array_index (agreements, 0))->id;
  call->name = g_strdup (name);
  call->name_en = g_strdup (name);
  call->intermediary = g_strdup ("Uudenmaan liitto");
  g_date_set_dmy (&call->open_date, 1, 1, 2023);
  g_date_set_dmy (&call->close_date, 31, 3, 2023);
  call->money_available = available;
  {
    gboolean ok = hs_repository_save_call (repo, call, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }

  projects = hs_generate_portfolio (agreements, focus_areas, n, seed);
  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *p = g_ptr_array_index (projects, i);
      HsStatusChange draft = { HS_STATUS_DRAFT }, submitted = { HS_STATUS_SUBMITTED };
      g_autofree char *code = g_strdup_printf ("RV%u-%03u", seed, i + 1);

      g_free (p->code);
      p->code = g_steal_pointer (&code);
      p->call_id = call->id;
      p->status = HS_STATUS_SUBMITTED;
      /* still running, so that a change application can be made today */
      g_date_set_dmy (&p->end_date, 31, 12, 2028);
      g_date_clear (&draft.date, 1);
      g_date_clear (&submitted.date, 1);
      g_date_set_dmy (&draft.date, 10, 1, 2023);
      g_date_set_dmy (&submitted.date, 1, 2, 2023);
      g_array_set_size (p->history, 0);
      g_array_append_val (p->history, draft);
      g_array_append_val (p->history, submitted);
    }
  {
    gboolean ok = hs_repository_save_projects (repo, projects, name, &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
  if (ids != NULL)
    {
      *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < projects->len; i++)
        g_array_append_val (*ids, ((HsProject *) g_ptr_array_index (projects, i))->id);
    }
  return call->id;
}

void
hs_review_fixture_score (HsRepository *repo,
                         gint64        project_id,
                         guint         n_reviewers,
                         guint         base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = hs_repository_load_project (repo, project_id, &error);
  g_autoptr(HsReview) review = NULL;
  g_autoptr(GPtrArray) criteria = NULL;

  g_assert_no_error (error);
  review = hs_repository_load_review (repo, project_id, &error);
  g_assert_no_error (error);
  criteria = hs_repository_list_criteria (repo, project->call_id, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < n_reviewers; r++)
    {
      g_autofree char *reviewer = g_strdup_printf ("Reviewer %u", r + 1);

      for (guint c = 0; c < criteria->len; c++)
        {
          const HsCriterion *criterion = g_ptr_array_index (criteria, c);
          int max = hs_criterion_kind_max (criterion->kind);
          int score;

          if (criterion->kind == HS_CRITERION_CONTENT && g_strcmp0 (criterion->objective, "1.1") != 0)
            continue;
          if (criterion->kind == HS_CRITERION_REFINING || criterion->per_implementer)
            continue;
          score = criterion->kind == HS_CRITERION_GENERAL ? 1 : (int) ((base + r + c) % (guint) (max + 1));
          g_assert_true (hs_review_set_score (review, project, criterion, reviewer, 0, score, "Seeded",
                                              "2023-03-01T10:00:00Z", NULL, HS_LANG_EN, &error));
          g_assert_no_error (error);
        }
    }
  {
    gboolean ok = hs_repository_save_review (repo, review, NULL, "seed scores", &error);

    g_assert_no_error (error);
    g_assert_true (ok);
  }
}

/* hs-repository.c — where the portfolio lives, as core sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interface, its "changed" signal and thin wrappers that forward to the
 * implementation's vfuncs; the optional ones fall back on the others.
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hs-core-error.h"
#include "hs-repository.h"

G_DEFINE_INTERFACE (HsRepository, hs_repository, G_TYPE_OBJECT)

static void
hs_repository_default_init (HsRepositoryInterface *iface)
{
  /**
   * HsRepository::changed:
   *
   * Emitted after every successful mutation, undo and redo.
   */
  g_signal_new ("changed",
                G_TYPE_FROM_INTERFACE (iface),
                G_SIGNAL_RUN_LAST,
                0,
                NULL, NULL,
                NULL,
                G_TYPE_NONE, 0);

  /**
   * HsRepository::project-changed:
   * @id: the one project the change touched
   *
   * Emitted just before "changed" when a mutation, undo or redo touched
   * exactly one project and nothing else.
   */
  g_signal_new ("project-changed",
                G_TYPE_FROM_INTERFACE (iface),
                G_SIGNAL_RUN_LAST,
                0,
                NULL, NULL,
                NULL,
                G_TYPE_NONE, 1, G_TYPE_INT64);
}

gboolean
hs_repository_get_project_summary (HsRepository      *self,
                                   gint64             id,
                                   HsProjectSummary  *out,
                                   GError           **error)
{
  HsRepositoryInterface *iface;
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->get_project_summary != NULL)
    return iface->get_project_summary (self, id, out, error);

  rows = hs_repository_list_project_summaries (self, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      HsProjectSummary *row = &g_array_index (rows, HsProjectSummary, i);
      if (row->id == id)
        {
          *out = *row;
          memset (row, 0, sizeof *row);
          return TRUE;
        }
    }
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND, "No project has the id %" G_GINT64_FORMAT, id);
  return FALSE;
}

GPtrArray *
hs_repository_list_agreements (HsRepository  *self,
                               GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->list_agreements != NULL, NULL);

  return iface->list_agreements (self, error);
}

GPtrArray *
hs_repository_list_focus_areas (HsRepository  *self,
                                gint64         agreement_id,
                                GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->list_focus_areas != NULL, NULL);

  return iface->list_focus_areas (self, agreement_id, error);
}

GPtrArray *
hs_repository_list_calls (HsRepository  *self,
                          gint64         agreement_id,
                          GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->list_calls != NULL, NULL);

  return iface->list_calls (self, agreement_id, error);
}

GPtrArray *
hs_repository_list_organisations (HsRepository  *self,
                                  GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->list_organisations != NULL, NULL);

  return iface->list_organisations (self, error);
}

HsProject *
hs_repository_load_project (HsRepository  *self,
                            gint64         id,
                            GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->load_project != NULL, NULL);

  return iface->load_project (self, id, error);
}

HsProject *
hs_repository_load_project_by_code (HsRepository  *self,
                                    const char    *code,
                                    GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->load_project_by_code != NULL, NULL);

  return iface->load_project_by_code (self, code, error);
}

gboolean
hs_repository_save_project (HsRepository  *self,
                            HsProject     *project,
                            GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->save_project != NULL, FALSE);

  return iface->save_project (self, project, error);
}

/* The batch of an implementation without the batch vfuncs: copies of its
 * projects, saved with one save_projects() at commit. */
typedef struct
{
  char      *description;
  GPtrArray *projects;   /* HsProject*, owned copies */
} FallbackBatch;

static void
fallback_batch_free (FallbackBatch *batch)
{
  g_free (batch->description);
  g_ptr_array_unref (batch->projects);
  g_free (batch);
}

static GQuark
fallback_batch_quark (void)
{
  return g_quark_from_static_string ("hs-repository-fallback-batch");
}

gboolean
hs_repository_save_projects (HsRepository  *self,
                             GPtrArray     *projects,
                             const char    *description,
                             GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->save_projects != NULL, FALSE);

  if (iface->begin_batch == NULL)
    {
      FallbackBatch *batch = g_object_get_qdata (G_OBJECT (self), fallback_batch_quark ());

      if (batch != NULL)
        {
          for (guint i = 0; i < projects->len; i++)
            g_ptr_array_add (batch->projects, hs_project_copy (g_ptr_array_index (projects, i)));
          return TRUE;
        }
    }

  return iface->save_projects (self, projects, description, error);
}

gboolean
hs_repository_delete_project (HsRepository  *self,
                              gint64         id,
                              GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->delete_project != NULL, FALSE);

  return iface->delete_project (self, id, error);
}

gboolean
hs_repository_save_organisation (HsRepository    *self,
                                 HsOrganisation  *org,
                                 GError         **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->save_organisation != NULL, FALSE);

  return iface->save_organisation (self, org, error);
}

gboolean
hs_repository_save_call (HsRepository  *self,
                         HsCall        *call,
                         GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->save_call != NULL, FALSE);

  return iface->save_call (self, call, error);
}

gboolean
hs_repository_delete_call (HsRepository  *self,
                           gint64         id,
                           GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->delete_call != NULL, FALSE);

  return iface->delete_call (self, id, error);
}

gboolean
hs_repository_foreach_project (HsRepository   *self,
                               HsProjectFunc   func,
                               gpointer        user_data,
                               GError        **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->foreach_project != NULL, FALSE);

  return iface->foreach_project (self, func, user_data, error);
}

GArray *
hs_repository_list_project_summaries (HsRepository  *self,
                                      GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->list_project_summaries != NULL, NULL);

  return iface->list_project_summaries (self, error);
}

static gboolean
add_portfolio_project_cb (HsProject *project,
                          gpointer   user_data)
{
  GArray *rows = user_data;

  g_array_set_size (rows, rows->len + 1);
  hs_portfolio_project_init (&g_array_index (rows, HsPortfolioProject, rows->len - 1), project);
  return TRUE;
}

static int
compare_portfolio_ids (gconstpointer a,
                       gconstpointer b)
{
  gint64 x = ((const HsPortfolioProject *) a)->id, y = ((const HsPortfolioProject *) b)->id;

  return (x > y) - (x < y);
}

GArray *
hs_repository_list_portfolio_projects (HsRepository  *self,
                                       GError       **error)
{
  HsRepositoryInterface *iface;
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->list_portfolio_projects != NULL)
    return iface->list_portfolio_projects (self, error);

  rows = g_array_new (FALSE, TRUE, sizeof (HsPortfolioProject));
  if (!hs_repository_foreach_project (self, add_portfolio_project_cb, rows, error))
    return NULL;
  g_array_sort (rows, compare_portfolio_ids);
  return g_steal_pointer (&rows);
}

static gboolean
no_reviews (GError **error)
{
  g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, "%s",
               _("This portfolio keeps no reviews or funding decisions"));
  return FALSE;
}

gboolean
hs_repository_has_reviews (HsRepository *self)
{
  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);

  return HS_REPOSITORY_GET_IFACE (self)->load_review != NULL;
}

GPtrArray *
hs_repository_list_criteria (HsRepository  *self,
                             gint64         call_id,
                             GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->list_criteria == NULL)
    return no_reviews (error), NULL;
  return iface->list_criteria (self, call_id, error);
}

HsReview *
hs_repository_load_review (HsRepository  *self,
                           gint64         project_id,
                           GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->load_review == NULL)
    return no_reviews (error), NULL;
  return iface->load_review (self, project_id, error);
}

static int
compare_review_ids (gconstpointer a,
                    gconstpointer b)
{
  const HsReview *x = *(const HsReview * const *) a;
  const HsReview *y = *(const HsReview * const *) b;

  return x->project_id < y->project_id ? -1 : x->project_id > y->project_id;
}

GPtrArray *
hs_repository_list_call_reviews (HsRepository  *self,
                                 gint64         call_id,
                                 GError       **error)
{
  HsRepositoryInterface *iface;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) reviews = NULL;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->load_review == NULL)
    return no_reviews (error), NULL;
  if (iface->list_call_reviews != NULL)
    return iface->list_call_reviews (self, call_id, error);

  summaries = hs_repository_list_project_summaries (self, error);
  if (summaries == NULL)
    return NULL;
  reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_review_free);
  for (guint i = 0; i < summaries->len; i++)
    {
      const HsProjectSummary *s = &g_array_index (summaries, HsProjectSummary, i);
      g_autoptr(HsReview) full = NULL;
      HsReview *scores;

      if (s->call_id != call_id || call_id == 0)
        continue;
      full = iface->load_review (self, s->id, error);
      if (full == NULL)
        return NULL;
      if (full->scores->len == 0)
        continue;
      scores = hs_review_new (s->id);
      g_ptr_array_extend_and_steal (scores->scores, g_steal_pointer (&full->scores));
      full->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_score_free);
      g_ptr_array_add (reviews, scores);
    }
  g_ptr_array_sort (reviews, compare_review_ids);
  return g_steal_pointer (&reviews);
}

gboolean
hs_repository_save_review (HsRepository  *self,
                           HsReview      *review,
                           HsProject     *project,
                           const char    *description,
                           GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (project == NULL || project->id == review->project_id, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->save_review == NULL)
    return no_reviews (error);
  return iface->save_review (self, review, project, description, error);
}

HsProposal *
hs_repository_load_proposal (HsRepository  *self,
                             gint64         call_id,
                             GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->load_proposal == NULL)
    return no_reviews (error), NULL;
  return iface->load_proposal (self, call_id, error);
}

gboolean
hs_repository_save_proposal (HsRepository  *self,
                             HsProposal    *proposal,
                             const char    *description,
                             GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (proposal != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->save_proposal == NULL)
    return no_reviews (error);
  return iface->save_proposal (self, proposal, description, error);
}

gboolean
hs_repository_save_criterion (HsRepository  *self,
                              HsCriterion   *criterion,
                              GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (criterion != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->save_criterion == NULL)
    return no_reviews (error);
  return iface->save_criterion (self, criterion, error);
}

gboolean
hs_repository_delete_criterion (HsRepository  *self,
                                gint64         id,
                                GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->delete_criterion == NULL)
    return no_reviews (error);
  return iface->delete_criterion (self, id, error);
}

GArray *
hs_repository_summarise (HsRepository  *self,
                         HsDimension    by,
                         gint64         agreement_id,
                         GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->summarise != NULL, NULL);

  return iface->summarise (self, by, agreement_id, error);
}

gboolean
hs_repository_can_undo (HsRepository *self)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->can_undo != NULL, FALSE);

  return iface->can_undo (self);
}

gboolean
hs_repository_can_redo (HsRepository *self)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->can_redo != NULL, FALSE);

  return iface->can_redo (self);
}

char *
hs_repository_undo (HsRepository  *self,
                    GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->undo != NULL, NULL);

  return iface->undo (self, error);
}

char *
hs_repository_redo (HsRepository  *self,
                    GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  g_return_val_if_fail (iface->redo != NULL, NULL);

  return iface->redo (self, error);
}

/* The fallback of list_organisation_roles: the roles from fully loaded
 * projects (foreach_project walks them in code order). */
typedef struct
{
  GArray  *roles;
  GError  *error;
} RolesWalk;

static gboolean
collect_roles_cb (HsProject *project,
                  gpointer   user_data)
{
  RolesWalk *walk = user_data;

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      HsOrganisationRole role = { 0, };
      HsTotals totals;

      if (impl->organisation == NULL)
        continue;
      if (!hs_implementer_totals (impl, &totals, &walk->error))
        return FALSE;
      role.organisation_id = impl->organisation->id;
      role.project_id = project->id;
      role.implementer_id = impl->id;
      role.is_main = impl->is_main;
      role.total_costs = totals.total_costs;
      g_array_append_val (walk->roles, role);
    }
  return TRUE;
}

static int
compare_roles_by_organisation (gconstpointer a,
                               gconstpointer b)
{
  const HsOrganisationRole *x = a;
  const HsOrganisationRole *y = b;

  return x->organisation_id < y->organisation_id ? -1 : x->organisation_id > y->organisation_id;
}

GArray *
hs_repository_list_organisation_roles (HsRepository  *self,
                                       GError       **error)
{
  HsRepositoryInterface *iface;
  RolesWalk walk = { NULL, NULL };

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->list_organisation_roles != NULL)
    return iface->list_organisation_roles (self, error);

  if (iface->foreach_project == NULL)
    {
      g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                           "This portfolio cannot list the projects of its organisations");
      return NULL;
    }

  walk.roles = g_array_new (FALSE, TRUE, sizeof (HsOrganisationRole));
  if (!iface->foreach_project (self, collect_roles_cb, &walk, error) || walk.error != NULL)
    {
      if (walk.error != NULL)
        g_propagate_error (error, walk.error);
      g_array_unref (walk.roles);
      return NULL;
    }

  /* g_array_sort () is stable: within an organisation, code order stays. */
  g_array_sort (walk.roles, compare_roles_by_organisation);
  return walk.roles;
}

gboolean
hs_repository_begin_batch (HsRepository  *self,
                           const char    *description,
                           GError       **error)
{
  HsRepositoryInterface *iface;
  FallbackBatch *batch;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->begin_batch != NULL)
    return iface->begin_batch (self, description, error);

  if (g_object_get_qdata (G_OBJECT (self), fallback_batch_quark ()) != NULL)
    {
      g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                           _("Another batch of changes is being saved"));
      return FALSE;
    }
  batch = g_new0 (FallbackBatch, 1);
  batch->description = g_strdup (description);
  batch->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
  g_object_set_qdata_full (G_OBJECT (self), fallback_batch_quark (), batch,
                           (GDestroyNotify) fallback_batch_free);
  return TRUE;
}

gboolean
hs_repository_commit_batch (HsRepository  *self,
                            GError       **error)
{
  HsRepositoryInterface *iface;
  FallbackBatch *batch;
  gboolean ok;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->commit_batch != NULL)
    return iface->commit_batch (self, error);

  batch = g_object_steal_qdata (G_OBJECT (self), fallback_batch_quark ());
  if (batch == NULL)
    {
      g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                           _("No batch of changes is being saved"));
      return FALSE;
    }
  ok = batch->projects->len == 0
       || iface->save_projects (self, batch->projects, batch->description, error);
  fallback_batch_free (batch);
  return ok;
}

void
hs_repository_abort_batch (HsRepository *self)
{
  HsRepositoryInterface *iface;

  g_return_if_fail (HS_IS_REPOSITORY (self));

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->abort_batch != NULL)
    iface->abort_batch (self);
  else
    g_object_set_qdata (G_OBJECT (self), fallback_batch_quark (), NULL);
}

HsRepository *
hs_repository_open_reader (HsRepository  *self,
                           GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->open_reader != NULL)
    return iface->open_reader (self, error);
  return g_object_ref (self);
}

gboolean
hs_repository_has_readers (HsRepository *self)
{
  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  return HS_REPOSITORY_GET_IFACE (self)->open_reader != NULL;
}

HsRepository *
hs_repository_open_writer (HsRepository  *self,
                           GError       **error)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->open_writer != NULL)
    return iface->open_writer (self, error);
  g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                       "This portfolio cannot be written from another thread");
  return NULL;
}

gboolean
hs_repository_has_writers (HsRepository *self)
{
  HsRepositoryInterface *iface;

  g_return_val_if_fail (HS_IS_REPOSITORY (self), FALSE);
  iface = HS_REPOSITORY_GET_IFACE (self);
  return iface->open_writer != NULL && iface->refresh != NULL;
}

void
hs_repository_refresh (HsRepository *self)
{
  HsRepositoryInterface *iface;

  g_return_if_fail (HS_IS_REPOSITORY (self));
  iface = HS_REPOSITORY_GET_IFACE (self);
  if (iface->refresh != NULL)
    iface->refresh (self);
}

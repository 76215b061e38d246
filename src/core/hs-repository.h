/* hs-repository.h — where the portfolio lives, as core sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core knows nothing of SQLite: the store implements this interface
 * (HsSqliteRepository), and a shared PostgreSQL backend could implement it
 * later without touching the GUI or the exchange code. Every mutating call
 * is one user action: one transaction, one entry in the action log, undone
 * and redone exactly by undo()/redo().
 *
 * Signals: "changed" (no arguments) after every successful mutation, undo
 * and redo, so views can refresh what they show. When the change touched
 * exactly one project and nothing else, "project-changed" (gint64 id) comes
 * just before it, so that a view can update that one row
 * (get_project_summary; NOT_FOUND when it is gone) instead of reloading.
 *
 * Optional vfuncs come at the end of the interface struct, so that an
 * implementation written before them (the test fakes) stays compatible;
 * their wrappers fall back on the required vfuncs.
 */
#pragma once

#include <glib-object.h>
#include "hs-portfolio-rules.h"
#include "hs-project.h"
#include "hs-review.h"
#include "hs-reference.h"
#include "hs-summary.h"

G_BEGIN_DECLS

/* Return FALSE to stop. The project is borrowed for the call. */
typedef gboolean (*HsProjectFunc) (HsProject *project, gpointer user_data);

/* One organisation's part in one project: what the Organisations page
 * shows (the projects of an organisation, its totals as an implementer).
 * A plain struct: the GArray needs no clear func. */
typedef struct
{
  gint64    organisation_id;
  gint64    project_id;
  gint64    implementer_id;
  gboolean  is_main;           /* main implementer, else a partial one */
  gint64    total_costs;       /* this implementer's own total costs, cents */
} HsOrganisationRole;

#define HS_TYPE_REPOSITORY (hs_repository_get_type ())
G_DECLARE_INTERFACE (HsRepository, hs_repository, HS, REPOSITORY, GObject)

struct _HsRepositoryInterface
{
  GTypeInterface parent_iface;

  GPtrArray      *(*list_agreements)    (HsRepository *self, GError **error);
  GPtrArray      *(*list_focus_areas)   (HsRepository *self, gint64 agreement_id, GError **error);
  GPtrArray      *(*list_calls)         (HsRepository *self, gint64 agreement_id, GError **error);
  GPtrArray      *(*list_organisations) (HsRepository *self, GError **error);

  HsProject      *(*load_project)       (HsRepository *self, gint64 id, GError **error);
  HsProject      *(*load_project_by_code) (HsRepository *self, const char *code, GError **error);
  gboolean        (*save_project)       (HsRepository *self, HsProject *project, GError **error);
  gboolean        (*save_projects)      (HsRepository *self, GPtrArray *projects, const char *description, GError **error);
  gboolean        (*delete_project)     (HsRepository *self, gint64 id, GError **error);
  gboolean        (*save_organisation)  (HsRepository *self, HsOrganisation *org, GError **error);
  gboolean        (*save_call)          (HsRepository *self, HsCall *call, GError **error);
  gboolean        (*delete_call)        (HsRepository *self, gint64 id, GError **error);

  gboolean        (*foreach_project)    (HsRepository *self, HsProjectFunc func, gpointer user_data, GError **error);
  GArray         *(*list_project_summaries) (HsRepository *self, GError **error);
  GArray         *(*summarise)          (HsRepository *self, HsDimension by, gint64 agreement_id, GError **error);

  gboolean        (*can_undo)           (HsRepository *self);
  gboolean        (*can_redo)           (HsRepository *self);
  char           *(*undo)               (HsRepository *self, GError **error);
  char           *(*redo)               (HsRepository *self, GError **error);

  /* Optional; without it the wrapper searches list_project_summaries(). */
  gboolean        (*get_project_summary) (HsRepository *self, gint64 id, HsProjectSummary *out, GError **error);
  /* Optional; without it the wrapper walks foreach_project(). */
  GArray         *(*list_organisation_roles) (HsRepository *self, GError **error);
  /* Optional, all three or none; without them the wrappers keep copies of
   * the batch's projects and save them with one save_projects() at commit. */
  gboolean        (*begin_batch)        (HsRepository *self, const char *description, GError **error);
  gboolean        (*commit_batch)       (HsRepository *self, GError **error);
  void            (*abort_batch)        (HsRepository *self);
  /* Optional; without it the wrapper returns the repository itself. Called
   * from a worker thread: it may read only what never changes. */
  HsRepository   *(*open_reader)        (HsRepository *self, GError **error);
  /* Optional, both or none; without them a worker cannot write (see
   * hs_repository_has_writers). open_writer is called from a worker
   * thread: it may read only what never changes. */
  HsRepository   *(*open_writer)        (HsRepository *self, GError **error);
  void            (*refresh)            (HsRepository *self);
  /* Optional; without it the wrapper walks foreach_project(). */
  GArray         *(*list_portfolio_projects) (HsRepository *self, GError **error);
  /* Optional, all or none (hs_repository_has_reviews): the review of
   * applications and the funding decisions (hs-review.h). */
  GPtrArray      *(*list_criteria)      (HsRepository *self, gint64 call_id, GError **error);
  HsReview       *(*load_review)        (HsRepository *self, gint64 project_id, GError **error);
  gboolean        (*save_review)        (HsRepository *self, HsReview *review, HsProject *project,
                                         const char *description, GError **error);
  HsProposal     *(*load_proposal)      (HsRepository *self, gint64 call_id, GError **error);
  gboolean        (*save_proposal)      (HsRepository *self, HsProposal *proposal,
                                         const char *description, GError **error);
  gboolean        (*save_criterion)     (HsRepository *self, HsCriterion *criterion, GError **error);
  gboolean        (*delete_criterion)   (HsRepository *self, gint64 id, GError **error);
  /* Optional; without it the wrapper loads the call's reviews one by one. */
  GPtrArray      *(*list_call_reviews)  (HsRepository *self, gint64 call_id, GError **error);
};

/* All of these forward to the vfuncs. Lists are of the reference structs
 * (with their free functions set); agreement_id 0 means all agreements. */
/* A repository of the same data for a worker thread that only reads: a
 * connection of its own where the store has connections (never written
 * through), the repository itself where it has none. Call it in the
 * worker; free it there. */
HsRepository *hs_repository_open_reader     (HsRepository *self, GError **error);
/* TRUE when hs_repository_open_reader() gives a reader of its own, which a
 * worker thread may use while the main thread goes on with this one. */
gboolean    hs_repository_has_readers       (HsRepository *self);
/* A repository of the same data for a worker thread that writes: for
 * SQLite a connection of its own that may write, whose actions are this
 * repository's own (the same undo history: the window's Undo takes back
 * what the worker saved, as one action per batch). Call it in the worker
 * and free it there. Its signals are emitted in the worker, so connect
 * nothing to them; once the worker is done, call hs_repository_refresh()
 * on this repository on its own thread: it emits its usual "changed".
 * HS_CORE_ERROR_INVALID when the repository has no writers. */
HsRepository *hs_repository_open_writer     (HsRepository *self, GError **error);
/* TRUE when hs_repository_open_writer() gives a writer a worker may use
 * while the main thread goes on reading this repository. Without one, a
 * caller saves on this repository's own thread. */
gboolean    hs_repository_has_writers       (HsRepository *self);
/* Emits "changed" when another connection (a writer, another program)
 * changed the data since this repository last looked; nothing otherwise,
 * and nothing for a repository that has no writers. */
void        hs_repository_refresh           (HsRepository *self);
GPtrArray  *hs_repository_list_agreements   (HsRepository *self, GError **error);
GPtrArray  *hs_repository_list_focus_areas  (HsRepository *self, gint64 agreement_id, GError **error);
GPtrArray  *hs_repository_list_calls        (HsRepository *self, gint64 agreement_id, GError **error);
GPtrArray  *hs_repository_list_organisations (HsRepository *self, GError **error);
HsProject  *hs_repository_load_project      (HsRepository *self, gint64 id, GError **error);
HsProject  *hs_repository_load_project_by_code (HsRepository *self, const char *code, GError **error);
/* Inserts (id 0) or replaces the whole project; sets the ids of the project,
 * its implementers and new organisations; recomputes derived lines first.
 * A project code already used by another project: HS_CORE_ERROR_CONFLICT. */
gboolean    hs_repository_save_project      (HsRepository *self, HsProject *project, GError **error);
/* Many projects as one action (import, generate): all saved or none. */
gboolean    hs_repository_save_projects     (HsRepository *self, GPtrArray *projects, const char *description, GError **error);
gboolean    hs_repository_delete_project    (HsRepository *self, gint64 id, GError **error);
gboolean    hs_repository_save_organisation (HsRepository *self, HsOrganisation *org, GError **error);
gboolean    hs_repository_save_call         (HsRepository *self, HsCall *call, GError **error);
/* Refused while projects apply to the call (HS_CORE_ERROR_INVALID). */
gboolean    hs_repository_delete_call       (HsRepository *self, gint64 id, GError **error);
/* Every project, fully loaded, in code order, with a bounded number of
 * queries (not one per project): what `check` and the exporters walk. */
gboolean    hs_repository_foreach_project   (HsRepository *self, HsProjectFunc func, gpointer user_data, GError **error);
/* GArray of HsProjectSummary (clear func set), ordered by code. */
GArray     *hs_repository_list_project_summaries (HsRepository *self, GError **error);
/* Whether the repository keeps reviews, proposals and decisions. Without
 * them the functions below fail with HS_CORE_ERROR_INVALID. */
gboolean    hs_repository_has_reviews       (HsRepository *self);
/* The programme's selection criteria, then those of @call_id (0: the
 * programme's only), HsCriterion*. */
GPtrArray  *hs_repository_list_criteria     (HsRepository *self, gint64 call_id, GError **error);
/* The project's review, an empty one when it has none. */
HsReview   *hs_repository_load_review       (HsRepository *self, gint64 project_id, GError **error);
/* The scores of the reviews of @call_id's projects (what the ranking,
 * hs_review_summarise, reads): HsReview* with their scores only (no
 * comments, decisions or versions; a store may leave the justifications
 * empty and when and by whom unset), one per project that has a score, by
 * project id. The SQLite store reads them in one query. */
GPtrArray  *hs_repository_list_call_reviews (HsRepository *self, gint64 call_id, GError **error);
/* Replaces the project's review with @review and, when @project is not
 * NULL, saves @project (its status after a decision) in the same action,
 * which undo takes back as one. */
gboolean    hs_repository_save_review       (HsRepository *self, HsReview *review, HsProject *project,
                                             const char *description, GError **error);
/* The call's proposal, an empty one when it has none. */
HsProposal *hs_repository_load_proposal     (HsRepository *self, gint64 call_id, GError **error);
gboolean    hs_repository_save_proposal     (HsRepository *self, HsProposal *proposal,
                                             const char *description, GError **error);
/* Adds (id 0) or changes a call's own selection criterion (its id set);
 * the programme's are refused. One undoable action. Inside a batch (an
 * import that brings its calls' criteria, reviews and proposals),
 * save_criterion(), save_review() and save_proposal() are items of the
 * batch's one action, and a failure ends the batch. */
gboolean    hs_repository_save_criterion    (HsRepository *self, HsCriterion *criterion, GError **error);
/* Deletes a call's own criterion that no score uses. */
gboolean    hs_repository_delete_criterion  (HsRepository *self, gint64 id, GError **error);
/* GArray of HsPortfolioProject, one per project, ordered by id: what the
 * agreements' and calls' rules (hs_portfolio_check) read. The SQLite store
 * reads them from its totals tables in two queries. */
GArray     *hs_repository_list_portfolio_projects (HsRepository *self, GError **error);
/* One row of the project list; HS_CORE_ERROR_NOT_FOUND when there is no
 * such project. *out is filled (clear it with hs_project_summary_clear). */
gboolean    hs_repository_get_project_summary (HsRepository *self, gint64 id, HsProjectSummary *out, GError **error);
/* GArray of HsSummaryRow (clear func set): agreements and focus areas in
 * id order, statuses in life-cycle order, sources in enum order (always
 * all six), years ascending, cities by name ("" for an unknown one). */
GArray     *hs_repository_summarise         (HsRepository *self, HsDimension by, gint64 agreement_id, GError **error);
/* GArray of HsOrganisationRole: every implementer of every project, one
 * query in the store (not one per organisation or project), ordered by
 * organisation id, then project code. An organisation's number of projects
 * and its total costs as an implementer are sums over its rows. */
GArray     *hs_repository_list_organisation_roles (HsRepository *self, GError **error);
gboolean    hs_repository_can_undo          (HsRepository *self);
gboolean    hs_repository_can_redo          (HsRepository *self);
/* Undo/redo the latest action; returns its description ("Edit project
 * PKS-2023-001"), or NULL with HS_CORE_ERROR_NOTHING_TO_UNDO. */
char       *hs_repository_undo              (HsRepository *self, GError **error);
char       *hs_repository_redo              (HsRepository *self, GError **error);

/* A batch: any number of save_projects() calls as ONE action (one
 * transaction, one undo step, all or nothing), so that an import of any
 * size need not hold all its projects in memory at once:
 *
 *   if (!hs_repository_begin_batch (repo, _("Import x.xml"), error))
 *     return FALSE;
 *   for each chunk of projects:
 *     if (!hs_repository_save_projects (repo, chunk, NULL, error))
 *       return FALSE;                  (the batch is over, rolled back)
 *     ... free the chunk ...
 *   if (something else went wrong)
 *     hs_repository_abort_batch (repo);   (nothing was changed)
 *   else if (!hs_repository_commit_batch (repo, error))
 *     return FALSE;                    (rolled back too)
 *
 * Inside a batch save_projects() ignores its description and the caller
 * may free the projects as soon as it returns; save_call() joins the batch
 * too in the SQLite store (an import that brings its calls); no other
 * mutating call (save_project, delete_project, undo …) may come before
 * the batch ends.
 * A failed save_projects() rolls the whole batch back and ends it (ids of
 * that call's projects are put back; projects of earlier calls keep the
 * ids they were given, so free them rather than save them again).
 * abort_batch() rolls back and ends it, and does nothing without a batch.
 * "changed" comes once, after a commit that changed something.
 *
 * The SQLite store writes each call's rows and undo snapshots into the
 * open transaction, so its memory stays flat. Implementations without the
 * batch vfuncs (the test fakes) get a fallback here: save_projects() keeps
 * copies of the projects (the caller's projects get no ids) and
 * commit_batch() saves them all with one save_projects(). */
gboolean    hs_repository_begin_batch       (HsRepository *self, const char *description, GError **error);
gboolean    hs_repository_commit_batch      (HsRepository *self, GError **error);
void        hs_repository_abort_batch       (HsRepository *self);

G_END_DECLS

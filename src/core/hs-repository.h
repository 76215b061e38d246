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
 */
#pragma once

#include <glib-object.h>
#include "hs-project.h"
#include "hs-reference.h"
#include "hs-summary.h"

G_BEGIN_DECLS

/* Return FALSE to stop. The project is borrowed for the call. */
typedef gboolean (*HsProjectFunc) (HsProject *project, gpointer user_data);

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

  gboolean        (*foreach_project)    (HsRepository *self, HsProjectFunc func, gpointer user_data, GError **error);
  GArray         *(*list_project_summaries) (HsRepository *self, GError **error);
  GArray         *(*summarise)          (HsRepository *self, HsDimension by, gint64 agreement_id, GError **error);

  gboolean        (*can_undo)           (HsRepository *self);
  gboolean        (*can_redo)           (HsRepository *self);
  char           *(*undo)               (HsRepository *self, GError **error);
  char           *(*redo)               (HsRepository *self, GError **error);

  /* Optional; without it the wrapper searches list_project_summaries(). */
  gboolean        (*get_project_summary) (HsRepository *self, gint64 id, HsProjectSummary *out, GError **error);
};

/* All of these forward to the vfuncs. Lists are of the reference structs
 * (with their free functions set); agreement_id 0 means all agreements. */
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
/* Every project, fully loaded, in code order, with a bounded number of
 * queries (not one per project): what `check` and the exporters walk. */
gboolean    hs_repository_foreach_project   (HsRepository *self, HsProjectFunc func, gpointer user_data, GError **error);
/* GArray of HsProjectSummary (clear func set), ordered by code. */
GArray     *hs_repository_list_project_summaries (HsRepository *self, GError **error);
/* One row of the project list; HS_CORE_ERROR_NOT_FOUND when there is no
 * such project. *out is filled (clear it with hs_project_summary_clear). */
gboolean    hs_repository_get_project_summary (HsRepository *self, gint64 id, HsProjectSummary *out, GError **error);
/* GArray of HsSummaryRow (clear func set): agreements and focus areas in
 * id order, statuses in life-cycle order, sources in enum order (always
 * all six), years ascending, cities by name ("" for an unknown one). */
GArray     *hs_repository_summarise         (HsRepository *self, HsDimension by, gint64 agreement_id, GError **error);
gboolean    hs_repository_can_undo          (HsRepository *self);
gboolean    hs_repository_can_redo          (HsRepository *self);
/* Undo/redo the latest action; returns its description ("Edit project
 * PKS-2023-001"), or NULL with HS_CORE_ERROR_NOTHING_TO_UNDO. */
char       *hs_repository_undo              (HsRepository *self, GError **error);
char       *hs_repository_redo              (HsRepository *self, GError **error);

G_END_DECLS

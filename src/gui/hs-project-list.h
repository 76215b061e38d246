/* hs-project-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/hs-lang.h"
#include "core/hs-repository.h"

#include "hs-project-item.h"

G_BEGIN_DECLS

typedef enum
{
  HS_FINDINGS_ANY,      /* every project */
  HS_FINDINGS_SOME,     /* errors or warnings */
  HS_FINDINGS_ERRORS,   /* errors */
} HsFindingsFilter;

#define HS_TYPE_PROJECT_LIST (hs_project_list_get_type ())
G_DECLARE_FINAL_TYPE (HsProjectList, hs_project_list, HS, PROJECT_LIST, GtkWidget)

/* Replaces the rows with the repository's projects (one query). */
gboolean    hs_project_list_load              (HsProjectList  *self,
                                               HsRepository   *repository,
                                               GError        **error);
/* Updates, adds or removes the one row of a project (one query). */
gboolean    hs_project_list_update_project    (HsProjectList  *self,
                                               HsRepository   *repository,
                                               gint64          id,
                                               GError        **error);
/* The rows as shown, filtered and sorted: of HsProjectRow, each showing
 * an HsProjectItem (hs_project_list_get_item). A new filter or sort sets
 * what the rows show and adds or removes rows only at the end: the
 * list's "rows-changed" tells of every change. */
GListModel *hs_project_list_get_model         (HsProjectList  *self);
/* The project shown in a row (the list holds it), or NULL past the end. */
HsProjectItem *hs_project_list_get_item       (HsProjectList  *self,
                                               guint           position);
guint       hs_project_list_get_n_projects    (HsProjectList  *self);
/* The projects of the agreement or focus area shown, whatever the search
 * and the status and findings filters. */
guint       hs_project_list_get_n_in_scope    (HsProjectList  *self);
/* TRUE while a search, a status or a findings filter leaves projects out. */
gboolean    hs_project_list_is_filtered       (HsProjectList  *self);
void        hs_project_list_set_search        (HsProjectList  *self,
                                               const char     *text);
/* -1 for any status */
void        hs_project_list_set_status_filter (HsProjectList  *self,
                                               int             status);
void        hs_project_list_set_findings_filter (HsProjectList    *self,
                                                 HsFindingsFilter  findings);
/* 0 for all agreements / all focus areas */
void        hs_project_list_set_scope         (HsProjectList  *self,
                                               gint64          agreement_id,
                                               gint64          focus_area_id);
/* The selected project's id, 0 when none. */
gint64      hs_project_list_get_selected_id   (HsProjectList  *self);
/* Selects the row of a project if it is shown; FALSE when it is not. */
gboolean    hs_project_list_select_id         (HsProjectList  *self,
                                               gint64          id);
/* Column ids: code, name, main-implementer, partial-implementers, focus-area,
 * status, schedule, total-costs, eu-state, support-rate, findings. */
void        hs_project_list_sort_by           (HsProjectList  *self,
                                               const char     *column_id,
                                               GtkSortType     direction);

/* The findings of one project, a line each ("Error: …", "Warning: …"),
 * at most ten and a line that says how many more: the findings cell's
 * tooltip. Loads the project and checks it as the editor does. NULL when
 * it has none, or on an error (then @error is set). */
char       *hs_project_list_describe_findings (HsRepository   *repository,
                                               gint64          project_id,
                                               HsLang          lang,
                                               GError        **error);

/* Back to the first row (after the frame that lays out new rows), as a
 * new filter or sort does; the window calls it after an import. */
void        hs_project_list_scroll_to_top     (HsProjectList  *self);

G_END_DECLS

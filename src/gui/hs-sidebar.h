/* hs-sidebar.h — All projects, the agreements and their focus areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/hs-repository.h"

#include "hs-agreement-findings.h"

G_BEGIN_DECLS

#define HS_TYPE_SIDEBAR (hs_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (HsSidebar, hs_sidebar, HS, SIDEBAR, GtkWidget)

/* Builds the entries from the repository's agreements and focus areas. */
gboolean hs_sidebar_load           (HsSidebar     *self,
                                    HsRepository  *repository,
                                    GError       **error);
/* Updates the project counts and totals (two aggregate queries). */
gboolean hs_sidebar_update_totals  (HsSidebar     *self,
                                    HsRepository  *repository,
                                    GError       **error);
/* Selects an entry: (0, 0) all projects, (A, 0) an agreement, (A, F) a focus area. */
void     hs_sidebar_select         (HsSidebar     *self,
                                    gint64         agreement_id,
                                    gint64         focus_area_id);
void     hs_sidebar_get_scope      (HsSidebar     *self,
                                    gint64        *agreement_id,
                                    gint64        *focus_area_id);
/* Marks each agreement that has findings of its own in @findings (an
 * error or a warning icon, "2 agreement findings"), and follows its
 * "updated". */
void     hs_sidebar_set_agreement_findings (HsSidebar           *self,
                                            HsAgreementFindings *findings);

G_END_DECLS

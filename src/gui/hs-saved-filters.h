/* hs-saved-filters.h — the filters a user saved under a name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the list was filtered by, by names that every portfolio shares (an
 * agreement by its region, a focus area by its name in it), so that a
 * filter saved with one portfolio file applies to another. Empty strings
 * where nothing was chosen. */
typedef struct
{
  char *name;
  char *search;
  char *status;       /* hs_status_to_id (), or "" for any */
  char *findings;     /* "", "some" or "errors" */
  char *agreement;    /* the agreement's region name, or "" for all */
  char *focus_area;   /* the focus area's name in it, or "" */
} HsSavedFilter;

HsSavedFilter *hs_saved_filter_new   (const char    *name,
                                      const char    *search,
                                      const char    *status,
                                      const char    *findings,
                                      const char    *agreement,
                                      const char    *focus_area);
HsSavedFilter *hs_saved_filter_copy  (const HsSavedFilter *filter);
void           hs_saved_filter_free  (HsSavedFilter *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsSavedFilter, hs_saved_filter_free)

/* The saved filters in the order they were saved (the settings key
 * "saved-filters"); a new array of HsSavedFilter. */
GPtrArray     *hs_saved_filters_load   (GSettings           *settings);
/* Saves a filter under its name, in place of one of the same name
 * (compared as the user sees them: case and surrounding spaces aside). */
void           hs_saved_filters_put    (GSettings           *settings,
                                        const HsSavedFilter *filter);
/* Removes the filter of that name; FALSE when there was none. */
gboolean       hs_saved_filters_remove (GSettings           *settings,
                                        const char          *name);
/* The saved filter of that name, or NULL. */
HsSavedFilter *hs_saved_filters_find   (GPtrArray           *filters,
                                        const char          *name);

G_END_DECLS

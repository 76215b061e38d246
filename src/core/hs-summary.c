/* hs-summary.c — portfolio aggregates: what the list, the charts and `summary` show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <string.h>

#include "hs-summary.h"

static const char * const dimension_ids[HS_N_DIMENSIONS] = {
  [HS_BY_AGREEMENT] = "agreement",
  [HS_BY_FOCUS_AREA] = "focus-area",
  [HS_BY_CITY] = "city",
  [HS_BY_YEAR] = "year",
  [HS_BY_STATUS] = "status",
  [HS_BY_SOURCE] = "source",
};

const char *
hs_dimension_to_id (HsDimension by)
{
  g_return_val_if_fail ((guint) by < HS_N_DIMENSIONS, NULL);

  return dimension_ids[by];
}

int
hs_dimension_from_id (const char *id)
{
  if (id == NULL)
    return -1;

  for (guint i = 0; i < HS_N_DIMENSIONS; i++)
    {
      if (strcmp (dimension_ids[i], id) == 0)
        return (int) i;
    }

  return -1;
}

void
hs_summary_row_clear (HsSummaryRow *row)
{
  if (row == NULL)
    return;

  g_clear_pointer (&row->key, g_free);
  g_clear_pointer (&row->label, g_free);
}

void
hs_project_summary_clear (HsProjectSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->code, g_free);
  g_clear_pointer (&summary->name, g_free);
  g_clear_pointer (&summary->main_implementer, g_free);
  g_clear_pointer (&summary->partners, g_free);
  g_clear_pointer (&summary->focus_area, g_free);
}

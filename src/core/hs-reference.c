/* hs-reference.c — programme, agreements, focus areas, themes and calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include "hs-reference.h"

void
hs_agreement_free (HsAgreement *agreement)
{
  if (agreement == NULL)
    return;

  g_free (agreement->region_name);
  g_strfreev (agreement->cities);
  g_free (agreement->intermediary);
  g_free (agreement->programme_area);
  g_free (agreement);
}

void
hs_focus_area_free (HsFocusArea *focus_area)
{
  if (focus_area == NULL)
    return;

  g_free (focus_area->name);
  g_free (focus_area);
}

void
hs_call_free (HsCall *call)
{
  if (call == NULL)
    return;

  g_free (call->name);
  g_free (call);
}

HsCall *
hs_call_new_default (void)
{
  HsCall *call = g_new0 (HsCall, 1);

  g_date_clear (&call->open_date, 1);
  g_date_clear (&call->close_date, 1);
  call->max_support_bp = HS_DEFAULT_MAX_SUPPORT_BP;
  call->min_city_bp = HS_DEFAULT_MIN_CITY_BP;
  call->min_own_bp = 0;
  call->max_duration_months = 0;
  call->allowed_cost_models = 1u << HS_COST_MODEL_FLAT40;
  call->money_available = 0;

  return call;
}

GHashTable *
hs_reference_index_by_id (GPtrArray *items)
{
  GHashTable *table = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (items != NULL, table);

  for (guint i = 0; i < items->len; i++)
    {
      gint64 *id = g_ptr_array_index (items, i);
      g_hash_table_insert (table, id, id);
    }
  return table;
}

/* hs-store-project.c — projects in SQLite: load, write, totals, undo states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a project replaces all of its rows: the project row is deleted
 * (ON DELETE CASCADE takes its implementers, lines, indicators, history and
 * totals) and inserted again with the same ids. Loading reads one query per
 * table for any number of projects and merges the rows in C through hash
 * tables of projects and implementers.
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hs-core-error.h"
#include "core/hs-enums.h"
#include "core/hs-money.h"
#include "core/hs-validate.h"
#include "hs-store-error.h"
#include "hs-store-project.h"
#include "hs-store-review.h"
#include "hs-store-reference.h"

#define FIRST_YEAR 2000
#define LAST_YEAR  2100

typedef struct
{
  gint64 *where;   /* borrowed: a field of the caller's structs */
  gint64  value;   /* what it held before we set it */
} IdRestore;

struct _HsStoreTx
{
  HsStoreDb  *db;                  /* borrowed */
  GHashTable *calls;               /* owned: id → HsCall* (owned) */
  GHashTable *focus_areas;         /* owned: id → HsFocusArea* (owned) */
  GPtrArray  *agreements;          /* owned: HsAgreement* (owned) */
  GHashTable *agreements_by_id;    /* owned table: id → HsAgreement*, borrowed from agreements */
  GHashTable *orgs;                /* owned: id → HsOrganisation* as stored (owned) */
  GHashTable *orgs_by_business_id; /* owned table; borrowed keys and values from orgs */
  GHashTable *orgs_by_name;        /* owned table; only organisations without business id */
  GPtrArray  *items;               /* owned: HsStoreItem* */
  GArray     *id_restore;          /* owned: IdRestore */
  GHashTable *touched_orgs;        /* owned set of gint64*: updated in place */
  GHashTable *touched_calls;       /* owned set of gint64* */
};

static const char * const entity_ids[] = {
  [HS_ENTITY_PROJECT] = "project",
  [HS_ENTITY_ORGANISATION] = "organisation",
  [HS_ENTITY_CALL] = "call",
  [HS_ENTITY_REVIEW] = "review",
  [HS_ENTITY_PROPOSAL] = "proposal",
  [HS_ENTITY_CRITERION] = "criterion",
};

const char *
hs_entity_to_id (HsEntity entity)
{
  g_return_val_if_fail (entity < G_N_ELEMENTS (entity_ids), NULL);
  return entity_ids[entity];
}

int
hs_entity_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_ids); i++)
    if (g_strcmp0 (entity_ids[i], id) == 0)
      return (int) i;
  return -1;
}

static void
store_item_free (HsStoreItem *item)
{
  g_clear_pointer (&item->before, g_bytes_unref);
  g_clear_pointer (&item->after, g_bytes_unref);
  g_free (item);
}

/* Takes before and after (nullable; floating or a full reference, as
 * hs_project_to_variant () returns). */
static void
add_item (HsStoreTx *tx,
          HsEntity   entity,
          gint64     id,
          GVariant  *before,
          GVariant  *after)
{
  HsStoreItem *item = g_new0 (HsStoreItem, 1);

  item->entity = entity;
  item->id = id;
  if (before != NULL)
    {
      g_variant_take_ref (before);
      item->before = hs_store_snapshot_encode (before);
      g_variant_unref (before);
    }
  if (after != NULL)
    {
      g_variant_take_ref (after);
      item->after = hs_store_snapshot_encode (after);
      g_variant_unref (after);
    }
  g_ptr_array_add (tx->items, item);
}

HsStoreDb *
hs_store_tx_get_db (HsStoreTx *tx)
{
  return tx->db;
}

void
hs_store_tx_add_item (HsStoreTx *tx,
                      HsEntity   entity,
                      gint64     id,
                      GVariant  *before,
                      GVariant  *after)
{
  add_item (tx, entity, id, before, after);
}

static void
set_id (HsStoreTx *tx,
        gint64    *where,
        gint64     value)
{
  IdRestore restore = { where, *where };

  if (*where == value)
    return;
  g_array_append_val (tx->id_restore, restore);
  *where = value;
}

static gint64 *
int64_dup (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

HsStoreTx *
hs_store_tx_new (HsStoreDb  *db,
                 GError    **error)
{
  g_autoptr(GHashTable) calls = hs_store_calls_by_id (db, error);
  g_autoptr(GHashTable) focus_areas = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  HsStoreTx *tx;

  if (calls == NULL)
    return NULL;
  focus_areas = hs_store_focus_areas_by_id (db, error);
  if (focus_areas == NULL)
    return NULL;
  agreements = hs_store_list_agreements (db, error);
  if (agreements == NULL)
    return NULL;

  tx = g_new0 (HsStoreTx, 1);
  tx->db = db;
  tx->calls = g_steal_pointer (&calls);
  tx->focus_areas = g_steal_pointer (&focus_areas);
  tx->agreements = g_steal_pointer (&agreements);
  tx->agreements_by_id = hs_reference_index_by_id (tx->agreements);
  tx->orgs = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                    (GDestroyNotify) hs_organisation_free);
  tx->orgs_by_business_id = g_hash_table_new (g_str_hash, g_str_equal);
  tx->orgs_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  tx->items = g_ptr_array_new_with_free_func ((GDestroyNotify) store_item_free);
  tx->id_restore = g_array_new (FALSE, FALSE, sizeof (IdRestore));
  tx->touched_orgs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  tx->touched_calls = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return tx;
}

void
hs_store_tx_free (HsStoreTx *tx)
{
  if (tx == NULL)
    return;
  g_hash_table_unref (tx->calls);
  g_hash_table_unref (tx->focus_areas);
  g_hash_table_unref (tx->agreements_by_id);
  g_ptr_array_unref (tx->agreements);
  g_hash_table_unref (tx->orgs_by_business_id);
  g_hash_table_unref (tx->orgs_by_name);
  g_hash_table_unref (tx->orgs);
  g_ptr_array_unref (tx->items);
  g_array_unref (tx->id_restore);
  g_hash_table_unref (tx->touched_orgs);
  g_hash_table_unref (tx->touched_calls);
  g_free (tx);
}

GPtrArray *
hs_store_tx_get_items (HsStoreTx *tx)
{
  return tx->items;
}

void
hs_store_tx_restore_ids (HsStoreTx *tx)
{
  for (guint i = tx->id_restore->len; i > 0; i--)
    {
      IdRestore *restore = &g_array_index (tx->id_restore, IdRestore, i - 1);
      *restore->where = restore->value;
    }
  g_array_set_size (tx->id_restore, 0);
}

void
hs_store_tx_forget (HsStoreTx *tx)
{
  g_ptr_array_set_size (tx->items, 0);
  g_array_set_size (tx->id_restore, 0);
}

/* The organisation memo: what the organisation table holds, as far as this
 * transaction has looked. */

static void
memo_index (HsStoreTx      *tx,
            HsOrganisation *stored)
{
  if (stored->business_id != NULL)
    g_hash_table_replace (tx->orgs_by_business_id, stored->business_id, stored);
  else if (stored->name != NULL && !g_hash_table_contains (tx->orgs_by_name, stored->name))
    g_hash_table_insert (tx->orgs_by_name, stored->name, stored);
}

static void
memo_unindex (HsStoreTx      *tx,
              HsOrganisation *stored)
{
  if (stored->business_id != NULL
      && g_hash_table_lookup (tx->orgs_by_business_id, stored->business_id) == stored)
    g_hash_table_remove (tx->orgs_by_business_id, stored->business_id);
  if (stored->name != NULL && g_hash_table_lookup (tx->orgs_by_name, stored->name) == stored)
    g_hash_table_remove (tx->orgs_by_name, stored->name);
}

static HsOrganisation *
memo_add (HsStoreTx      *tx,
          HsOrganisation *stored)   /* transfer full */
{
  HsOrganisation *old = g_hash_table_lookup (tx->orgs, &stored->id);

  if (old != NULL)
    {
      memo_unindex (tx, old);
      g_hash_table_remove (tx->orgs, &stored->id);
    }
  g_hash_table_insert (tx->orgs, &stored->id, stored);
  memo_index (tx, stored);
  return stored;
}

static void
memo_forget_all (HsStoreTx *tx)
{
  g_hash_table_remove_all (tx->orgs_by_business_id);
  g_hash_table_remove_all (tx->orgs_by_name);
  g_hash_table_remove_all (tx->orgs);
}

/* Looks up the stored organisation (borrowed from the memo) by id,
 * business id or name; NULL without error when there is none. */
static HsOrganisation *
memo_find (HsStoreTx   *tx,
           HsStmt       by,
           const char  *text,
           gint64       id,
           GError     **error)
{
  HsOrganisation *stored;
  GError *local_error = NULL;

  switch (by)
    {
    case STMT_ORG_BY_ID:
      stored = g_hash_table_lookup (tx->orgs, &id);
      break;
    case STMT_ORG_BY_BUSINESS_ID:
      stored = g_hash_table_lookup (tx->orgs_by_business_id, text);
      break;
    case STMT_ORG_BY_NAME:
      stored = g_hash_table_lookup (tx->orgs_by_name, text);
      break;
    default:
      g_assert_not_reached ();
    }
  if (stored != NULL)
    return stored;

  stored = hs_store_find_org (tx->db, by, text, id, &local_error);
  if (stored == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }
  return memo_add (tx, stored);
}

/* Finds the organisation of an implementer in the table — by its id, else
 * by business id, else (without a business id) by its exact name — and
 * brings the row up to date, or inserts it; sets org->id. Every change is
 * an item of the action, before the project's own item. */
static gboolean
resolve_organisation (HsStoreTx       *tx,
                      HsOrganisation  *org,
                      GError         **error)
{
  GError *local_error = NULL;
  HsOrganisation *stored = NULL;

  if (org->name == NULL || org->name[0] == '\0')
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("An implementer’s organisation has no name"));
      return FALSE;
    }

  if (org->id != 0)
    stored = memo_find (tx, STMT_ORG_BY_ID, NULL, org->id, &local_error);
  if (stored == NULL && local_error == NULL)
    {
      if (org->business_id != NULL)
        stored = memo_find (tx, STMT_ORG_BY_BUSINESS_ID, org->business_id, 0, &local_error);
      else
        stored = memo_find (tx, STMT_ORG_BY_NAME, org->name, 0, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (stored != NULL)
    {
      if (!hs_store_org_equal (stored, org))
        {
          GVariant *before = hs_store_org_to_variant (stored);
          g_autoptr(HsOrganisation) updated = hs_organisation_copy (org);

          if (!hs_store_update_org (tx->db, org, stored->id, error))
            {
              g_variant_unref (g_variant_ref_sink (before));
              return FALSE;
            }
          updated->id = stored->id;
          add_item (tx, HS_ENTITY_ORGANISATION, stored->id, before,
                    hs_store_org_to_variant (updated));
          g_hash_table_add (tx->touched_orgs, int64_dup (stored->id));
          stored = memo_add (tx, g_steal_pointer (&updated));
        }
      set_id (tx, &org->id, stored->id);
      return TRUE;
    }

  {
    g_autoptr(HsOrganisation) inserted = hs_organisation_copy (org);

    inserted->id = 0;
    if (!hs_store_insert_org (tx->db, inserted, error))
      return FALSE;
    set_id (tx, &org->id, inserted->id);
    add_item (tx, HS_ENTITY_ORGANISATION, inserted->id, NULL, hs_store_org_to_variant (inserted));
    memo_add (tx, g_steal_pointer (&inserted));
  }
  return TRUE;
}

/* Totals kept on write. */

static gboolean
write_totals (HsStoreTx        *tx,
              const HsProject  *project,
              GError          **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  HsValidationContext context = { 0, };
  HsTotals totals;
  gint64 year_costs[LAST_YEAR - FIRST_YEAR + 1] = { 0, };
  gboolean year_used[LAST_YEAR - FIRST_YEAR + 1] = { FALSE, };
  guint errors, partial = 0;
  sqlite3_stmt *stmt;

  if (!hs_project_totals (project, &totals, error))
    return FALSE;

  context.call = project->call_id != 0 ? g_hash_table_lookup (tx->calls, &project->call_id) : NULL;
  context.focus_area = project->focus_area_id != 0
                       ? g_hash_table_lookup (tx->focus_areas, &project->focus_area_id) : NULL;
  context.agreement = g_hash_table_lookup (tx->agreements_by_id, &project->agreement_id);
  context.lang = HS_LANG_EN;   /* only the counts are kept */
  findings = hs_validate_project (project, &context);
  errors = hs_findings_count_errors (findings);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      HsTotals impl_totals;

      if (!impl->is_main)
        partial++;

      if (!hs_implementer_totals (impl, &impl_totals, error))
        return FALSE;
      stmt = hs_store_db_stmt (tx->db, STMT_IMPLEMENTER_TOTALS_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, impl->id);
      hs_store_bind_int64 (stmt, 2, impl_totals.total_costs);
      for (int s = 0; s < HS_N_SOURCES; s++)
        hs_store_bind_int64 (stmt, 3 + s, impl_totals.financing[s]);
      hs_store_bind_int64 (stmt, 3 + HS_N_SOURCES, impl_totals.total_financing);
      if (hs_store_db_write (tx->db, stmt, project->code, error) != SQLITE_DONE)
        return FALSE;

      for (guint j = 0; j < impl->budget->len; j++)
        {
          const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);
          guint index;

          /* The budget_line CHECK has already refused other years. */
          if (line->year < FIRST_YEAR || line->year > LAST_YEAR)
            continue;
          index = (guint) (line->year - FIRST_YEAR);
          if (!hs_money_add (year_costs[index], line->amount, &year_costs[index]))
            {
              g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW,
                           _("The costs of project “%s” in %d are too large to add up"),
                           project->code, line->year);
              return FALSE;
            }
          year_used[index] = TRUE;
        }
    }

  stmt = hs_store_db_stmt (tx->db, STMT_TOTALS_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, project->id);
  hs_store_bind_int64 (stmt, 2, totals.total_costs);
  for (int s = 0; s < HS_N_SOURCES; s++)
    hs_store_bind_int64 (stmt, 3 + s, totals.financing[s]);
  hs_store_bind_int64 (stmt, 3 + HS_N_SOURCES, totals.total_financing);
  hs_store_bind_int64 (stmt, 4 + HS_N_SOURCES, partial);
  hs_store_bind_int64 (stmt, 5 + HS_N_SOURCES, errors);
  hs_store_bind_int64 (stmt, 6 + HS_N_SOURCES, findings->len - errors);
  if (hs_store_db_write (tx->db, stmt, project->code, error) != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (year_used); i++)
    {
      if (!year_used[i])
        continue;
      stmt = hs_store_db_stmt (tx->db, STMT_YEAR_TOTALS_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, project->id);
      hs_store_bind_int64 (stmt, 2, FIRST_YEAR + i);
      hs_store_bind_int64 (stmt, 3, year_costs[i]);
      if (hs_store_db_write (tx->db, stmt, project->code, error) != SQLITE_DONE)
        return FALSE;
    }

  return TRUE;
}

static gboolean
delete_totals (HsStoreTx  *tx,
               gint64      project_id,
               GError    **error)
{
  static const HsStmt deletes[] = {
    STMT_TOTALS_DELETE, STMT_YEAR_TOTALS_DELETE, STMT_IMPLEMENTER_TOTALS_DELETE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = hs_store_db_stmt (tx->db, deletes[i], error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, project_id);
      if (!hs_store_db_step_done (tx->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hs_store_refresh_totals (HsStoreTx     *tx,
                         HsLoadFilter   filter,
                         gint64         arg,
                         GError       **error)
{
  g_autoptr(GPtrArray) projects = hs_store_load_projects (tx->db, filter, arg, error);

  if (projects == NULL)
    return FALSE;

  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *project = g_ptr_array_index (projects, i);

      if (!delete_totals (tx, project->id, error)
          || !write_totals (tx, project, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hs_store_tx_finish (HsStoreTx  *tx,
                    GError    **error)
{
  GHashTableIter iter;
  gint64 *id;

  g_hash_table_iter_init (&iter, tx->touched_orgs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!hs_store_refresh_totals (tx, HS_LOAD_ORG, *id, error))
      return FALSE;
  g_hash_table_remove_all (tx->touched_orgs);

  g_hash_table_iter_init (&iter, tx->touched_calls);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!hs_store_refresh_totals (tx, HS_LOAD_CALL, *id, error))
      return FALSE;
  g_hash_table_remove_all (tx->touched_calls);

  return TRUE;
}

/* Writing the rows of one project. */

static gboolean
delete_project_rows (HsStoreTx  *tx,
                     gint64      id,
                     GError    **error)
{
  sqlite3_stmt *stmt = hs_store_db_stmt (tx->db, STMT_PROJECT_DELETE, error);

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, id);
  return hs_store_db_step_done (tx->db, stmt, error);
}

static gboolean
implementer_id_was_ours (const HsProject *previous,
                         gint64           id)
{
  if (previous == NULL || id == 0)
    return FALSE;
  for (guint i = 0; i < previous->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (previous->implementers, i);
      if (impl->id == id)
        return TRUE;
    }
  return FALSE;
}

static const char *
org_name (const HsImplementer *impl)
{
  return impl->organisation != NULL && impl->organisation->name != NULL
         ? impl->organisation->name : "?";
}

static gboolean
write_implementer_rows (HsStoreTx         *tx,
                        const HsProject   *project,
                        HsImplementer     *impl,
                        guint              position,
                        const HsProject   *previous,
                        gboolean           restore,
                        GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  /* An implementer keeps its id when it was one of this project's; a
   * restored snapshot keeps all of its ids. */
  id = restore || implementer_id_was_ours (previous, impl->id) ? impl->id : 0;

  stmt = hs_store_db_stmt (tx->db, STMT_IMPLEMENTER_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_id (stmt, 1, id);
  hs_store_bind_int64 (stmt, 2, project->id);
  hs_store_bind_int64 (stmt, 3, position);
  hs_store_bind_int64 (stmt, 4, impl->organisation->id);
  hs_store_bind_int64 (stmt, 5, impl->is_main ? 1 : 0);
  rc = hs_store_db_write (tx->db, stmt, project->code, error);
  if (rc == SQLITE_CONSTRAINT_UNIQUE && impl->is_main)
    {
      g_clear_error (error);
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("Project “%s” has more than one main implementer"), project->code);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  if (id == 0)
    set_id (tx, &impl->id, sqlite3_last_insert_rowid (tx->db->db));

  for (guint i = 0; i < impl->budget->len; i++)
    {
      const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, i);

      stmt = hs_store_db_stmt (tx->db, STMT_BUDGET_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, impl->id);
      hs_store_bind_int64 (stmt, 2, i);
      hs_store_bind_text (stmt, 3, hs_cost_category_to_id (line->category));
      hs_store_bind_int64 (stmt, 4, line->year);
      hs_store_bind_int64 (stmt, 5, line->amount);
      hs_store_bind_int64 (stmt, 6, line->derived ? 1 : 0);
      rc = hs_store_db_write (tx->db, stmt, project->code, error);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_clear_error (error);
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                       _("Project “%s”: %s has two budget lines for “%s” in %d"),
                       project->code, org_name (impl),
                       hs_cost_category_to_id (line->category), line->year);
          return FALSE;
        }
      if (rc == SQLITE_CONSTRAINT_CHECK)
        {
          g_clear_error (error);
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                       _("Project “%s”: a budget line of %s is negative or outside the years %d–%d"),
                       project->code, org_name (impl), FIRST_YEAR, LAST_YEAR);
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        return FALSE;
    }

  for (guint i = 0; i < impl->financing->len; i++)
    {
      const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, i);

      stmt = hs_store_db_stmt (tx->db, STMT_FINANCING_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, impl->id);
      hs_store_bind_int64 (stmt, 2, i);
      hs_store_bind_text (stmt, 3, hs_source_to_id (line->source));
      hs_store_bind_int64 (stmt, 4, line->amount);
      hs_store_bind_int64 (stmt, 5, line->year);
      rc = hs_store_db_write (tx->db, stmt, project->code, error);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_clear_error (error);
          if (line->year != 0)
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                         _("Project “%s”: %s has two financing lines for “%s” in %d"),
                         project->code, org_name (impl), hs_source_to_id (line->source), line->year);
          else
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                         _("Project “%s”: %s has two financing lines for “%s”"),
                         project->code, org_name (impl), hs_source_to_id (line->source));
          return FALSE;
        }
      if (rc == SQLITE_CONSTRAINT_CHECK)
        {
          g_clear_error (error);
          if (line->amount < 0)
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                         _("Project “%s”: a financing line of %s is negative"),
                         project->code, org_name (impl));
          else
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                         _("Project “%s”: the financing of %s for %d is outside the years %d–%d"),
                         project->code, org_name (impl), line->year, FIRST_YEAR, LAST_YEAR);
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        return FALSE;
    }

  return TRUE;
}

/* Inserts the project and all of its rows. restore: a snapshot from the
 * action log, written with exactly its ids and organisation ids; else a
 * save, whose organisations are resolved and whose new rows get new ids.
 * previous: the stored version a save replaces (its implementer ids may be
 * kept), or NULL. The caller has deleted the old rows. */
static gboolean
write_project_rows (HsStoreTx        *tx,
                    HsProject        *project,
                    const HsProject  *previous,
                    gboolean          restore,
                    GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (project->code == NULL || project->code[0] == '\0')
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, _("A project needs a code"));
      return FALSE;
    }

  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      if (impl->organisation == NULL)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                       _("Implementer %u of project “%s” has no organisation"), i + 1, project->code);
          return FALSE;
        }
      if (!restore && !resolve_organisation (tx, impl->organisation, error))
        return FALSE;
    }

  stmt = hs_store_db_stmt (tx->db, STMT_PROJECT_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_id (stmt, 1, project->id);
  hs_store_bind_text (stmt, 2, project->code);
  hs_store_bind_text (stmt, 3, project->name_fi);
  hs_store_bind_text (stmt, 4, project->name_sv);
  hs_store_bind_text (stmt, 5, project->name_en);
  hs_store_bind_text (stmt, 6, project->acronym);
  hs_store_bind_id (stmt, 7, project->agreement_id);
  hs_store_bind_id (stmt, 8, project->focus_area_id);
  hs_store_bind_id (stmt, 9, project->call_id);
  hs_store_bind_text (stmt, 10, hs_status_to_id (project->status));
  hs_store_bind_date (stmt, 11, &project->start_date);
  hs_store_bind_date (stmt, 12, &project->end_date);
  hs_store_bind_text (stmt, 13, project->summary);
  hs_store_bind_text (stmt, 14, hs_cost_model_to_id (project->cost_model));
  hs_store_bind_int64 (stmt, 15, project->example ? 1 : 0);
  hs_store_bind_int64 (stmt, 16, MAX (project->version, 1));
  rc = hs_store_db_write (tx->db, stmt, project->code, error);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_clear_error (error);
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT,
                   _("The project code “%s” is already used by another project"), project->code);
      return FALSE;
    }
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_clear_error (error);
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                   _("Project “%s” refers to an agreement, focus area or call that does not exist"),
                   project->code);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  if (project->id == 0)
    set_id (tx, &project->id, sqlite3_last_insert_rowid (tx->db->db));

  for (guint i = 0; i < project->implementers->len; i++)
    if (!write_implementer_rows (tx, project, g_ptr_array_index (project->implementers, i),
                                 i, previous, restore, error))
      return FALSE;

  for (guint i = 0; i < project->indicators->len; i++)
    {
      const HsIndicator *indicator = &g_array_index (project->indicators, HsIndicator, i);

      stmt = hs_store_db_stmt (tx->db, STMT_INDICATOR_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, project->id);
      hs_store_bind_int64 (stmt, 2, i);
      hs_store_bind_text (stmt, 3, indicator->code);
      hs_store_bind_int64 (stmt, 4, indicator->target);
      if (hs_store_db_write (tx->db, stmt, project->code, error) != SQLITE_DONE)
        return FALSE;
    }

  for (guint i = 0; i < project->history->len; i++)
    {
      const HsStatusChange *change = &g_array_index (project->history, HsStatusChange, i);

      stmt = hs_store_db_stmt (tx->db, STMT_STATUS_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, project->id);
      hs_store_bind_int64 (stmt, 2, i);
      hs_store_bind_text (stmt, 3, hs_status_to_id (change->status));
      hs_store_bind_date (stmt, 4, &change->date);
      if (hs_store_db_write (tx->db, stmt, project->code, error) != SQLITE_DONE)
        return FALSE;
    }

  return write_totals (tx, project, error);
}

gboolean
hs_store_project_version (HsStoreDb  *db,
                          gint64      id,
                          gint64     *version,
                          GError    **error)
{
  sqlite3_stmt *stmt = hs_store_db_stmt (db, STMT_PROJECT_VERSION, error);
  int rc;

  *version = 0;
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      hs_store_db_set_error (db, rc, error, _("Reading a project’s version failed"));
      return FALSE;
    }
  return TRUE;
}

gboolean
hs_store_save_project (HsStoreTx  *tx,
                       HsProject  *project,
                       HsProject **out_before,
                       GError    **error)
{
  g_autoptr(HsProject) previous = NULL;
  guint n_items = tx->items->len;

  if (project->code == NULL || project->code[0] == '\0')
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, _("A project needs a code"));
      return FALSE;
    }

  if (project->id != 0)
    {
      previous = hs_store_load_project (tx->db, project->id, error);
      if (previous == NULL)
        return FALSE;
      /* A copy based on an older version would write back what someone
       * else changed meanwhile: refuse it, and let the caller show both. */
      if (project->version != 0 && project->version != previous->version)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_STALE,
                       _("“%s” was changed elsewhere after it was opened here (it is now at "
                         "version %lld, this copy at %lld); nothing was saved"),
                       project->code, (long long) previous->version, (long long) project->version);
          return FALSE;
        }
      /* a decided project changes only by a change application */
      if (!hs_store_review_check_save (tx->db, project, error))
        return FALSE;
      if (!delete_project_rows (tx, project->id, error))
        return FALSE;
    }

  if (!hs_project_update_derived (project, error))
    return FALSE;

  /* the version this save makes; put back if the transaction rolls back */
  set_id (tx, &project->version, previous != NULL ? previous->version + 1 : 1);

  if (!write_project_rows (tx, project, previous, FALSE, error))
    return FALSE;

  /* An unchanged project (and no organisation changed on the way) is no
   * action: nothing to undo. */
  if (previous == NULL || tx->items->len != n_items || !hs_project_equal (previous, project))
    add_item (tx, HS_ENTITY_PROJECT, project->id,
              previous != NULL ? hs_project_to_variant (previous) : NULL,
              hs_project_to_variant (project));

  if (out_before != NULL)
    *out_before = g_steal_pointer (&previous);
  return TRUE;
}

gboolean
hs_store_delete_project (HsStoreTx  *tx,
                         gint64      id,
                         char      **out_code,
                         GError    **error)
{
  g_autoptr(HsProject) previous = hs_store_load_project (tx->db, id, error);

  if (previous == NULL)
    return FALSE;
  /* its review and places in proposals go first (undo puts them back
   * after the project) */
  if (!hs_store_review_forget_project (tx, id, previous->code, error))
    return FALSE;
  if (!delete_project_rows (tx, id, error))
    return FALSE;

  add_item (tx, HS_ENTITY_PROJECT, id, hs_project_to_variant (previous), NULL);
  if (out_code != NULL)
    *out_code = g_strdup (previous->code);
  return TRUE;
}

gboolean
hs_store_save_organisation (HsStoreTx       *tx,
                            HsOrganisation  *org,
                            gboolean        *out_created,
                            GError         **error)
{
  g_autoptr(HsOrganisation) previous = NULL;
  GError *local_error = NULL;

  if (org->name == NULL || org->name[0] == '\0')
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, _("An organisation needs a name"));
      return FALSE;
    }

  if (org->id != 0)
    {
      previous = hs_store_find_org (tx->db, STMT_ORG_BY_ID, NULL, org->id, &local_error);
      if (previous == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                         _("There is no organisation with the id %lld"), (long long) org->id);
          return FALSE;
        }
    }

  memo_forget_all (tx);
  if (previous != NULL)
    {
      if (hs_store_org_equal (previous, org))
        {
          *out_created = FALSE;
          return TRUE;
        }
      if (!hs_store_update_org (tx->db, org, org->id, error))
        return FALSE;
      add_item (tx, HS_ENTITY_ORGANISATION, org->id,
                hs_store_org_to_variant (previous), hs_store_org_to_variant (org));
      g_hash_table_add (tx->touched_orgs, int64_dup (org->id));
      *out_created = FALSE;
      return TRUE;
    }

  {
    g_autoptr(HsOrganisation) inserted = hs_organisation_copy (org);

    if (!hs_store_insert_org (tx->db, inserted, error))
      return FALSE;
    set_id (tx, &org->id, inserted->id);   /* put back if the action fails */
  }
  add_item (tx, HS_ENTITY_ORGANISATION, org->id, NULL, hs_store_org_to_variant (org));
  *out_created = TRUE;
  return TRUE;
}

gboolean
hs_store_save_call (HsStoreTx  *tx,
                    HsCall     *call,
                    gboolean   *out_created,
                    GError    **error)
{
  g_autoptr(HsCall) previous = NULL;
  GError *local_error = NULL;

  if (call->id != 0)
    {
      previous = hs_store_find_call (tx->db, call->id, &local_error);
      if (previous == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                         _("There is no call with the id %lld"), (long long) call->id);
          return FALSE;
        }
      if (hs_store_call_equal (previous, call))
        {
          *out_created = FALSE;
          return TRUE;
        }
      if (!hs_store_update_call (tx->db, call, error))
        return FALSE;
      add_item (tx, HS_ENTITY_CALL, call->id,
                hs_store_call_to_variant (previous), hs_store_call_to_variant (call));
      {
        HsCall *copy = hs_store_find_call (tx->db, call->id, error);
        if (copy == NULL)
          return FALSE;
        g_hash_table_replace (tx->calls, &copy->id, copy);
      }
      g_hash_table_add (tx->touched_calls, int64_dup (call->id));
      *out_created = FALSE;
      return TRUE;
    }

  if (!hs_store_insert_call (tx->db, call, error))
    return FALSE;
  {
    /* Recorded, so that a failed action puts the caller's 0 back. */
    gint64 new_id = call->id;

    call->id = 0;
    set_id (tx, &call->id, new_id);
  }
  add_item (tx, HS_ENTITY_CALL, call->id, NULL, hs_store_call_to_variant (call));
  {
    HsCall *copy = hs_call_copy (call);
    g_hash_table_replace (tx->calls, &copy->id, copy);
  }
  *out_created = TRUE;
  return TRUE;
}

gboolean
hs_store_delete_call (HsStoreTx  *tx,
                      gint64      id,
                      char      **out_name,
                      GError    **error)
{
  g_autoptr(HsCall) previous = NULL;
  GError *local_error = NULL;
  gint64 projects = 0;

  previous = hs_store_find_call (tx->db, id, &local_error);
  if (previous == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                     _("There is no call with the id %lld"), (long long) id);
      return FALSE;
    }

  {
    sqlite3_stmt *stmt = hs_store_db_stmt (tx->db, STMT_CALL_PROJECT_COUNT, error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    hs_store_bind_int64 (stmt, 1, id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      projects = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
    if (rc != SQLITE_ROW)
      {
        hs_store_db_set_error (tx->db, rc, error, _("Counting a call’s projects failed"));
        return FALSE;
      }
  }
  if (projects > 0)
    {
      g_autofree char *name = hs_call_dup_display_name (previous, hs_lang_current ());
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The call “%s” cannot be deleted: %lld project applies to it; "
                                "move it to another call first",
                                "The call “%s” cannot be deleted: %lld projects apply to it; "
                                "move them to another call first", (gulong) projects),
                   name, (long long) projects);
      return FALSE;
    }

  {
    sqlite3_stmt *stmt = hs_store_db_stmt (tx->db, STMT_CALL_DELETE, error);
    if (stmt == NULL)
      return FALSE;
    hs_store_bind_int64 (stmt, 1, id);
    if (hs_store_db_write (tx->db, stmt, previous->name, error) != SQLITE_DONE)
      return FALSE;
  }
  add_item (tx, HS_ENTITY_CALL, id, hs_store_call_to_variant (previous), NULL);
  g_hash_table_remove (tx->calls, &id);
  if (out_name != NULL)
    *out_name = hs_call_dup_display_name (previous, hs_lang_current ());
  return TRUE;
}

static gboolean
apply_project_state (HsStoreTx  *tx,
                     gint64      id,
                     GBytes     *state,
                     GError    **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(HsProject) project = NULL;
  gint64 version = 0;

  /* Undo and redo are changes too: the version goes on from the stored one
   * (snapshots carry no version), so a copy opened before them is stale. */
  if (!hs_store_project_version (tx->db, id, &version, error))
    return FALSE;
  if (!delete_project_rows (tx, id, error))
    return FALSE;
  if (state == NULL)
    return TRUE;

  /* either snapshot type: an old action log holds version 1 */
  variant = hs_store_snapshot_decode (state, NULL, error);
  if (variant == NULL)
    return FALSE;
  if (!g_variant_is_of_type (variant, hs_project_variant_type ()) &&
      !g_variant_is_of_type (variant, hs_project_variant_type_1 ()))
    {
      g_autofree char *expected = g_variant_type_dup_string (hs_project_variant_type ());
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("A snapshot in the action log has the type %s, not %s"),
                   g_variant_get_type_string (variant), expected);
      return FALSE;
    }
  project = hs_project_from_variant (variant, error);
  if (project == NULL)
    return FALSE;
  if (project->id != id)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("The action log of “%s” is inconsistent (project %lld where %lld was expected)"),
                   tx->db->path, (long long) project->id, (long long) id);
      return FALSE;
    }

  {
    /* The ids set here are in our own copy, which is freed below: there is
     * nothing to put back on rollback. */
    guint n_restores = tx->id_restore->len;
    gboolean ok;

    project->version = version + 1;
    ok = write_project_rows (tx, project, NULL, TRUE, error);

    g_array_set_size (tx->id_restore, n_restores);
    return ok;
  }
}

static gboolean
apply_organisation_state (HsStoreTx  *tx,
                          gint64      id,
                          GBytes     *state,
                          GError    **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(HsOrganisation) org = NULL;
  g_autoptr(HsOrganisation) current = NULL;
  GError *local_error = NULL;

  memo_forget_all (tx);
  current = hs_store_find_org (tx->db, STMT_ORG_BY_ID, NULL, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (state == NULL)
    {
      sqlite3_stmt *stmt;

      if (current == NULL)
        return TRUE;
      stmt = hs_store_db_stmt (tx->db, STMT_ORG_DELETE, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, id);
      return hs_store_db_write (tx->db, stmt, current->name, error) == SQLITE_DONE;
    }

  variant = hs_store_snapshot_decode (state, NULL, error);
  if (variant == NULL)
    return FALSE;
  org = hs_store_org_from_variant (variant, error);
  if (org == NULL)
    return FALSE;
  org->id = id;

  if (current == NULL)
    return hs_store_insert_org (tx->db, org, error);

  if (!hs_store_update_org (tx->db, org, id, error))
    return FALSE;
  g_hash_table_add (tx->touched_orgs, int64_dup (id));
  return TRUE;
}

static gboolean
apply_call_state (HsStoreTx  *tx,
                  gint64      id,
                  GBytes     *state,
                  GError    **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(HsCall) call = NULL;
  g_autoptr(HsCall) current = NULL;
  GError *local_error = NULL;

  current = hs_store_find_call (tx->db, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (state == NULL)
    {
      sqlite3_stmt *stmt;

      g_hash_table_remove (tx->calls, &id);
      if (current == NULL)
        return TRUE;
      stmt = hs_store_db_stmt (tx->db, STMT_CALL_DELETE, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, id);
      return hs_store_db_write (tx->db, stmt, current->name, error) == SQLITE_DONE;
    }

  variant = hs_store_snapshot_decode (state, NULL, error);
  if (variant == NULL)
    return FALSE;
  call = hs_store_call_from_variant (variant, error);
  if (call == NULL)
    return FALSE;
  call->id = id;

  if (current == NULL)
    {
      if (!hs_store_insert_call (tx->db, call, error))
        return FALSE;
    }
  else
    {
      if (!hs_store_update_call (tx->db, call, error))
        return FALSE;
      g_hash_table_add (tx->touched_calls, int64_dup (id));
    }

  g_hash_table_remove (tx->calls, &id);
  {
    HsCall *stored = g_steal_pointer (&call);
    g_hash_table_insert (tx->calls, &stored->id, stored);
  }
  return TRUE;
}

gboolean
hs_store_apply_state (HsStoreTx  *tx,
                      HsEntity    entity,
                      gint64      id,
                      GBytes     *state,
                      GError    **error)
{
  switch (entity)
    {
    case HS_ENTITY_PROJECT:
      return apply_project_state (tx, id, state, error);
    case HS_ENTITY_ORGANISATION:
      return apply_organisation_state (tx, id, state, error);
    case HS_ENTITY_CALL:
      return apply_call_state (tx, id, state, error);
    case HS_ENTITY_REVIEW:
      return hs_store_apply_review_state (tx, id, state, error);
    case HS_ENTITY_PROPOSAL:
      return hs_store_apply_proposal_state (tx, id, state, error);
    case HS_ENTITY_CRITERION:
      return hs_store_apply_criterion_state (tx, id, state, error);
    default:
      g_assert_not_reached ();
    }
}

/* Loading: one query per table, merged in C. */

static sqlite3_stmt *
load_stmt (HsStoreDb     *db,
           HsStmt         base,
           HsLoadFilter   filter,
           gint64         arg,
           GError       **error)
{
  sqlite3_stmt *stmt = hs_store_db_stmt (db, base + filter, error);

  if (stmt != NULL && filter != HS_LOAD_ALL)
    hs_store_bind_int64 (stmt, 1, arg);
  return stmt;
}

static gboolean
rows_done (HsStoreDb  *db,
           int         rc,
           GError    **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;   /* a row could not be turned into a struct */
  hs_store_db_set_error (db, rc, error, _("Reading the projects failed"));
  return FALSE;
}

static char *
replace_string (char       *old,
                const char *value)
{
  g_free (old);
  return g_strdup (value);
}

GPtrArray *
hs_store_load_projects (HsStoreDb     *db,
                        HsLoadFilter   filter,
                        gint64         arg,
                        GError       **error)
{
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) impl_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  {
    g_autoptr(HsStoreStmt) stmt = load_stmt (db, STMT_LOAD_PROJECTS, filter, arg, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        HsProject *project = hs_project_new (hs_store_column_text (stmt, 1));
        const char *status = hs_store_column_text (stmt, 9);
        const char *cost_model = hs_store_column_text (stmt, 13);
        int status_value = status != NULL ? hs_status_from_id (status) : -1;
        int model_value = cost_model != NULL ? hs_cost_model_from_id (cost_model) : -1;

        g_ptr_array_add (projects, project);
        if (status_value < 0)
          {
            hs_store_db_set_corrupt (db, error, "status", status);
            return NULL;
          }
        if (model_value < 0)
          {
            hs_store_db_set_corrupt (db, error, "cost model", cost_model);
            return NULL;
          }

        project->id = sqlite3_column_int64 (stmt, 0);
        project->code = replace_string (project->code, hs_store_column_text (stmt, 1));
        project->name_fi = replace_string (project->name_fi, hs_store_column_text (stmt, 2));
        project->name_sv = replace_string (project->name_sv, hs_store_column_text (stmt, 3));
        project->name_en = replace_string (project->name_en, hs_store_column_text (stmt, 4));
        project->acronym = replace_string (project->acronym, hs_store_column_text (stmt, 5));
        project->agreement_id = sqlite3_column_int64 (stmt, 6);
        project->focus_area_id = sqlite3_column_int64 (stmt, 7);
        project->call_id = sqlite3_column_int64 (stmt, 8);
        project->status = (HsStatus) status_value;
        hs_store_column_date (stmt, 10, &project->start_date);
        hs_store_column_date (stmt, 11, &project->end_date);
        project->summary = replace_string (project->summary, hs_store_column_text (stmt, 12));
        project->cost_model = (HsCostModel) model_value;
        project->example = sqlite3_column_int (stmt, 14) != 0;
        project->version = sqlite3_column_int64 (stmt, 15);
        g_hash_table_insert (by_id, &project->id, project);
      }
    if (!rows_done (db, rc, error))
      return NULL;
  }

  if (projects->len == 0)
    return g_steal_pointer (&projects);

  {
    g_autoptr(HsStoreStmt) stmt = load_stmt (db, STMT_LOAD_IMPLEMENTERS, filter, arg, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 project_id = sqlite3_column_int64 (stmt, 1);
        HsProject *project = g_hash_table_lookup (by_id, &project_id);
        HsOrganisation *org;
        HsImplementer *impl;

        if (project == NULL)
          continue;   /* cannot happen: same filter */
        org = hs_store_org_from_row (stmt, 3, error);
        if (org == NULL)
          break;
        impl = hs_implementer_new (org, sqlite3_column_int (stmt, 2) != 0);
        impl->id = sqlite3_column_int64 (stmt, 0);
        g_ptr_array_add (project->implementers, impl);
        g_hash_table_insert (impl_by_id, &impl->id, impl);
      }
    if (!rows_done (db, rc, error))
      return NULL;
  }

  {
    g_autoptr(HsStoreStmt) stmt = load_stmt (db, STMT_LOAD_BUDGET, filter, arg, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 impl_id = sqlite3_column_int64 (stmt, 0);
        HsImplementer *impl = g_hash_table_lookup (impl_by_id, &impl_id);
        const char *category = hs_store_column_text (stmt, 1);
        int category_value = category != NULL ? hs_cost_category_from_id (category) : -1;
        HsBudgetLine line;

        if (impl == NULL)
          continue;
        if (category_value < 0)
          {
            hs_store_db_set_corrupt (db, error, "cost category", category);
            return NULL;
          }
        line.category = (HsCostCategory) category_value;
        line.year = sqlite3_column_int (stmt, 2);
        line.amount = sqlite3_column_int64 (stmt, 3);
        line.derived = sqlite3_column_int (stmt, 4) != 0;
        g_array_append_val (impl->budget, line);
      }
    if (!rows_done (db, rc, error))
      return NULL;
  }

  {
    g_autoptr(HsStoreStmt) stmt = load_stmt (db, STMT_LOAD_FINANCING, filter, arg, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 impl_id = sqlite3_column_int64 (stmt, 0);
        HsImplementer *impl = g_hash_table_lookup (impl_by_id, &impl_id);
        const char *source = hs_store_column_text (stmt, 1);
        int source_value = source != NULL ? hs_source_from_id (source) : -1;
        HsFinancingLine line;

        if (impl == NULL)
          continue;
        if (source_value < 0)
          {
            hs_store_db_set_corrupt (db, error, "financing source", source);
            return NULL;
          }
        line.source = (HsFinancingSource) source_value;
        line.amount = sqlite3_column_int64 (stmt, 2);
        line.year = sqlite3_column_int (stmt, 3);
        g_array_append_val (impl->financing, line);
      }
    if (!rows_done (db, rc, error))
      return NULL;
  }

  {
    g_autoptr(HsStoreStmt) stmt = load_stmt (db, STMT_LOAD_INDICATORS, filter, arg, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 project_id = sqlite3_column_int64 (stmt, 0);
        HsProject *project = g_hash_table_lookup (by_id, &project_id);
        HsIndicator indicator;

        if (project == NULL)
          continue;
        indicator.code = hs_store_column_dup (stmt, 1);
        indicator.target = sqlite3_column_int64 (stmt, 2);
        g_array_append_val (project->indicators, indicator);
      }
    if (!rows_done (db, rc, error))
      return NULL;
  }

  {
    g_autoptr(HsStoreStmt) stmt = load_stmt (db, STMT_LOAD_HISTORY, filter, arg, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 project_id = sqlite3_column_int64 (stmt, 0);
        HsProject *project = g_hash_table_lookup (by_id, &project_id);
        const char *status = hs_store_column_text (stmt, 1);
        int status_value = status != NULL ? hs_status_from_id (status) : -1;
        HsStatusChange change;

        if (project == NULL)
          continue;
        if (status_value < 0)
          {
            hs_store_db_set_corrupt (db, error, "status", status);
            return NULL;
          }
        change.status = (HsStatus) status_value;
        hs_store_column_date (stmt, 2, &change.date);
        g_array_append_val (project->history, change);
      }
    if (!rows_done (db, rc, error))
      return NULL;
  }

  return g_steal_pointer (&projects);
}

HsProject *
hs_store_load_project (HsStoreDb  *db,
                       gint64      id,
                       GError    **error)
{
  g_autoptr(GPtrArray) projects = hs_store_load_projects (db, HS_LOAD_ONE, id, error);

  if (projects == NULL)
    return NULL;
  if (projects->len == 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                   _("There is no project with the id %lld"), (long long) id);
      return NULL;
    }
  return g_ptr_array_steal_index (projects, 0);
}

gint64
hs_store_project_id_by_code (HsStoreDb   *db,
                             const char  *code,
                             GError     **error)
{
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_PROJECT_ID_BY_CODE, error);
  int rc;

  if (stmt == NULL)
    return 0;
  hs_store_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    hs_store_db_set_error (db, rc, error, _("Reading the projects failed"));
  return 0;
}

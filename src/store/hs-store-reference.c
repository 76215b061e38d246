/* hs-store-reference.c — reference data, organisations and calls in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "core/hs-core-error.h"
#include "core/hs-enums.h"
#include "hs-store-error.h"
#include "hs-store-reference.h"

/* Snapshot formats of the action log. Changing one needs a new type string
 * (and decoding of the old one), because old logs stay in old files. */
#define ORG_SNAPSHOT_TYPE  "(xsmssmsb)"     /* id, name, business id, type id, municipality, foreign */
/* Schema version 3's calls: id, agreement, name, open, close (ISO or ""),
 * max support, min city, min own (bp), max months, cost models, money. */
#define CALL_SNAPSHOT_TYPE_1 "(xxsssiiiuux)"
/* Since version 4: id, agreement, name, name_sv, name_en, intermediary,
 * instrument id, open, close, max support (bp), max support (cents), min
 * city, max city, min own (bp), max months, max projects, cost models,
 * money, city money, description. */
#define CALL_SNAPSHOT_TYPE   "(xxsmsmsmssssixiiiuuuxxms)"

static gboolean
step_rows_done (HsStoreDb     *db,
                sqlite3_stmt  *stmt,
                int            rc,
                GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  hs_store_db_set_error (db, rc, error, _("Reading failed"));
  return FALSE;
}

HsOrganisation *
hs_store_org_from_row (sqlite3_stmt  *stmt,
                       int            first,
                       GError       **error)
{
  const char *type_id = hs_store_column_text (stmt, first + 3);
  int type = type_id != NULL ? hs_org_type_from_id (type_id) : -1;
  HsOrganisation *org;

  if (type < 0)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("The database contains an unknown organisation type “%s”"),
                   type_id != NULL ? type_id : "");
      return NULL;
    }

  org = hs_organisation_new (hs_store_column_text (stmt, first + 1),
                             hs_store_column_text (stmt, first + 2),
                             (HsOrgType) type);
  org->id = sqlite3_column_int64 (stmt, first);
  /* hs_organisation_new may tidy its arguments; the stored row is the truth. */
  g_free (org->business_id);
  org->business_id = hs_store_column_dup (stmt, first + 2);
  g_free (org->municipality);
  org->municipality = hs_store_column_dup (stmt, first + 4);
  org->foreign = sqlite3_column_int (stmt, first + 5) != 0;
  return org;
}

HsCall *
hs_store_call_from_row (sqlite3_stmt  *stmt,
                        GError       **error)
{
  HsCall *call = hs_call_new_default ();
  int instrument;

  call->id = sqlite3_column_int64 (stmt, 0);
  call->agreement_id = sqlite3_column_int64 (stmt, 1);
  g_free (call->name);
  call->name = hs_store_column_dup (stmt, 2);
  hs_store_column_date (stmt, 3, &call->open_date);
  hs_store_column_date (stmt, 4, &call->close_date);
  call->max_support_bp = sqlite3_column_int (stmt, 5);
  call->min_city_bp = sqlite3_column_int (stmt, 6);
  call->min_own_bp = sqlite3_column_int (stmt, 7);
  call->max_duration_months = (guint) sqlite3_column_int (stmt, 8);
  call->allowed_cost_models = (guint) sqlite3_column_int (stmt, 9);
  call->money_available = sqlite3_column_int64 (stmt, 10);
  call->name_sv = hs_store_column_dup (stmt, 11);
  call->name_en = hs_store_column_dup (stmt, 12);
  call->intermediary = hs_store_column_dup (stmt, 13);
  instrument = hs_instrument_from_id ((const char *) sqlite3_column_text (stmt, 14));
  call->instrument = instrument >= 0 ? (HsInstrument) instrument : HS_INSTRUMENT_EAKR;
  call->max_support = sqlite3_column_int64 (stmt, 15);
  call->max_city_bp = sqlite3_column_int (stmt, 16);
  call->max_projects = (guint) sqlite3_column_int (stmt, 17);
  call->city_money_available = sqlite3_column_int64 (stmt, 18);
  call->description = hs_store_column_dup (stmt, 19);
  return call;
}

GPtrArray *
hs_store_list_agreements (HsStoreDb  *db,
                          GError    **error)
{
  g_autoptr(GPtrArray) agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_agreement_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) cities = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  int rc;

  {
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_AGREEMENTS, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        HsAgreement *agreement = g_new0 (HsAgreement, 1);

        agreement->id = sqlite3_column_int64 (stmt, 0);
        agreement->region_name = hs_store_column_dup (stmt, 1);
        agreement->intermediary = hs_store_column_dup (stmt, 2);
        agreement->intermediary_confirmed = sqlite3_column_int (stmt, 3) != 0;
        hs_store_column_date (stmt, 4, &agreement->signed_date);
        agreement->programme_area = hs_store_column_dup (stmt, 5);
        agreement->more_developed = sqlite3_column_int (stmt, 6) != 0;
        agreement->indicative_per_year = sqlite3_column_int64 (stmt, 7);
        hs_store_column_date (stmt, 8, &agreement->end_date);
        agreement->eu_share_bp = sqlite3_column_int (stmt, 9);
        agreement->indicative_erdf_only = sqlite3_column_int (stmt, 10) != 0;
        g_ptr_array_add (agreements, agreement);
        g_hash_table_insert (by_id, &agreement->id, agreement);
      }
    if (!step_rows_done (db, stmt, rc, error))
      return NULL;
  }

  {
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_AGREEMENT_CITIES, error);
    if (stmt == NULL)
      return NULL;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 agreement_id = sqlite3_column_int64 (stmt, 0);
        HsAgreement *agreement = g_hash_table_lookup (by_id, &agreement_id);
        GPtrArray *names;

        if (agreement == NULL)
          continue;
        names = g_hash_table_lookup (cities, &agreement->id);
        if (names == NULL)
          {
            names = g_ptr_array_new ();
            g_hash_table_insert (cities, &agreement->id, names);
          }
        g_ptr_array_add (names, hs_store_column_dup (stmt, 1));
      }
    if (!step_rows_done (db, stmt, rc, error))
      return NULL;
  }

  for (guint i = 0; i < agreements->len; i++)
    {
      HsAgreement *agreement = g_ptr_array_index (agreements, i);
      GPtrArray *names = g_hash_table_lookup (cities, &agreement->id);

      if (names == NULL)
        agreement->cities = g_new0 (char *, 1);
      else
        {
          g_ptr_array_add (names, NULL);
          agreement->cities = (char **) g_ptr_array_steal (names, NULL);
        }
    }

  return g_steal_pointer (&agreements);
}

static HsFocusArea *
focus_area_from_row (sqlite3_stmt *stmt)
{
  HsFocusArea *focus_area = g_new0 (HsFocusArea, 1);

  focus_area->id = sqlite3_column_int64 (stmt, 0);
  focus_area->agreement_id = sqlite3_column_int64 (stmt, 1);
  focus_area->name = hs_store_column_dup (stmt, 2);
  focus_area->first_year = sqlite3_column_int (stmt, 3);
  focus_area->last_year = sqlite3_column_int (stmt, 4);
  return focus_area;
}

GPtrArray *
hs_store_list_focus_areas (HsStoreDb  *db,
                           gint64      agreement_id,
                           GError    **error)
{
  g_autoptr(GPtrArray) focus_areas = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_focus_area_free);
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_FOCUS_AREAS, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hs_store_bind_int64 (stmt, 1, agreement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (focus_areas, focus_area_from_row (stmt));
  if (!step_rows_done (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&focus_areas);
}

GPtrArray *
hs_store_list_calls (HsStoreDb  *db,
                     gint64      agreement_id,
                     GError    **error)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_call_free);
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_CALLS, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hs_store_bind_int64 (stmt, 1, agreement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (calls, hs_store_call_from_row (stmt, error));
  if (!step_rows_done (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&calls);
}

GPtrArray *
hs_store_list_organisations (HsStoreDb  *db,
                             GError    **error)
{
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_organisation_free);
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_ORGANISATIONS, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsOrganisation *org = hs_store_org_from_row (stmt, 0, error);
      if (org == NULL)
        return NULL;
      g_ptr_array_add (orgs, org);
    }
  if (!step_rows_done (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&orgs);
}

GHashTable *
hs_store_calls_by_id (HsStoreDb  *db,
                      GError    **error)
{
  g_autoptr(GPtrArray) calls = hs_store_list_calls (db, 0, error);
  GHashTable *table;

  if (calls == NULL)
    return NULL;

  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) hs_call_free);
  for (guint i = 0; i < calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (calls, i);
      g_hash_table_insert (table, &call->id, call);
    }
  /* The table owns them now. */
  g_ptr_array_set_free_func (calls, NULL);
  return table;
}

GHashTable *
hs_store_focus_areas_by_id (HsStoreDb  *db,
                            GError    **error)
{
  g_autoptr(GPtrArray) focus_areas = hs_store_list_focus_areas (db, 0, error);
  GHashTable *table;

  if (focus_areas == NULL)
    return NULL;

  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) hs_focus_area_free);
  for (guint i = 0; i < focus_areas->len; i++)
    {
      HsFocusArea *focus_area = g_ptr_array_index (focus_areas, i);
      g_hash_table_insert (table, &focus_area->id, focus_area);
    }
  g_ptr_array_set_free_func (focus_areas, NULL);
  return table;
}

HsOrganisation *
hs_store_find_org (HsStoreDb   *db,
                   HsStmt       by,
                   const char  *text,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(HsStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (by == STMT_ORG_BY_ID || by == STMT_ORG_BY_BUSINESS_ID || by == STMT_ORG_BY_NAME, NULL);

  stmt = hs_store_db_stmt (db, by, error);
  if (stmt == NULL)
    return NULL;
  if (by == STMT_ORG_BY_ID)
    hs_store_bind_int64 (stmt, 1, id);
  else
    hs_store_bind_text (stmt, 1, text);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return hs_store_org_from_row (stmt, 0, error);
  step_rows_done (db, stmt, rc, error);
  return NULL;
}

HsCall *
hs_store_find_call (HsStoreDb  *db,
                    gint64      id,
                    GError    **error)
{
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_CALL_BY_ID, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hs_store_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return hs_store_call_from_row (stmt, error);
  step_rows_done (db, stmt, rc, error);
  return NULL;
}

static void
bind_org (sqlite3_stmt         *stmt,
          gint64                id,
          const HsOrganisation *org)
{
  hs_store_bind_id (stmt, 1, id);
  hs_store_bind_text (stmt, 2, org->name);
  hs_store_bind_text (stmt, 3, org->business_id);
  hs_store_bind_text (stmt, 4, hs_org_type_to_id (org->type));
  hs_store_bind_text (stmt, 5, org->municipality);
  hs_store_bind_int64 (stmt, 6, org->foreign ? 1 : 0);
}

static void
explain_org_conflict (int                    rc,
                      const HsOrganisation  *org,
                      GError               **error)
{
  if (rc == SQLITE_CONSTRAINT_UNIQUE && org->business_id != NULL)
    {
      g_clear_error (error);
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT,
                   _("The business ID %s is already used by another organisation"),
                   org->business_id);
    }
}

gboolean
hs_store_insert_org (HsStoreDb       *db,
                     HsOrganisation  *org,
                     GError         **error)
{
  g_autofree char *subject = g_strdup_printf (_("Organisation “%s”"), org->name != NULL ? org->name : "");
  sqlite3_stmt *stmt = hs_store_db_stmt (db, STMT_ORG_INSERT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_org (stmt, org->id, org);
  rc = hs_store_db_write (db, stmt, subject, error);
  if (rc != SQLITE_DONE)
    {
      explain_org_conflict (rc, org, error);
      return FALSE;
    }
  if (org->id == 0)
    org->id = sqlite3_last_insert_rowid (db->db);
  return TRUE;
}

gboolean
hs_store_update_org (HsStoreDb             *db,
                     const HsOrganisation  *org,
                     gint64                 id,
                     GError               **error)
{
  g_autofree char *subject = g_strdup_printf (_("Organisation “%s”"), org->name != NULL ? org->name : "");
  sqlite3_stmt *stmt = hs_store_db_stmt (db, STMT_ORG_UPDATE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_org (stmt, id, org);
  rc = hs_store_db_write (db, stmt, subject, error);
  if (rc != SQLITE_DONE)
    {
      explain_org_conflict (rc, org, error);
      return FALSE;
    }
  return TRUE;
}

static void
bind_call (sqlite3_stmt *stmt,
           const HsCall *call)
{
  hs_store_bind_id (stmt, 1, call->id);
  hs_store_bind_int64 (stmt, 2, call->agreement_id);
  hs_store_bind_text (stmt, 3, call->name);
  hs_store_bind_date (stmt, 4, &call->open_date);
  hs_store_bind_date (stmt, 5, &call->close_date);
  hs_store_bind_int64 (stmt, 6, call->max_support_bp);
  hs_store_bind_int64 (stmt, 7, call->min_city_bp);
  hs_store_bind_int64 (stmt, 8, call->min_own_bp);
  hs_store_bind_int64 (stmt, 9, call->max_duration_months);
  hs_store_bind_int64 (stmt, 10, call->allowed_cost_models);
  hs_store_bind_int64 (stmt, 11, call->money_available);
  hs_store_bind_text (stmt, 12, call->name_sv);
  hs_store_bind_text (stmt, 13, call->name_en);
  hs_store_bind_text (stmt, 14, call->intermediary);
  hs_store_bind_text (stmt, 15, hs_instrument_to_id (call->instrument));
  hs_store_bind_int64 (stmt, 16, call->max_support);
  hs_store_bind_int64 (stmt, 17, call->max_city_bp);
  hs_store_bind_int64 (stmt, 18, call->max_projects);
  hs_store_bind_int64 (stmt, 19, call->city_money_available);
  hs_store_bind_text (stmt, 20, call->description);
}

gboolean
hs_store_insert_call (HsStoreDb  *db,
                      HsCall     *call,
                      GError    **error)
{
  g_autofree char *subject = g_strdup_printf (_("Call “%s”"), call->name != NULL ? call->name : "");
  sqlite3_stmt *stmt = hs_store_db_stmt (db, STMT_CALL_INSERT, error);

  if (stmt == NULL)
    return FALSE;
  bind_call (stmt, call);
  if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
    return FALSE;
  if (call->id == 0)
    call->id = sqlite3_last_insert_rowid (db->db);
  return TRUE;
}

gboolean
hs_store_update_call (HsStoreDb     *db,
                      const HsCall  *call,
                      GError       **error)
{
  g_autofree char *subject = g_strdup_printf (_("Call “%s”"), call->name != NULL ? call->name : "");
  sqlite3_stmt *stmt = hs_store_db_stmt (db, STMT_CALL_UPDATE, error);

  if (stmt == NULL)
    return FALSE;
  bind_call (stmt, call);
  return hs_store_db_write (db, stmt, subject, error) == SQLITE_DONE;
}

gboolean
hs_store_org_equal (const HsOrganisation *a,
                    const HsOrganisation *b)
{
  return g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->business_id, b->business_id) == 0
         && a->type == b->type
         && g_strcmp0 (a->municipality, b->municipality) == 0
         && !a->foreign == !b->foreign;
}

gboolean
hs_store_call_equal (const HsCall *a,
                     const HsCall *b)
{
  HsCall same_id = *b;

  same_id.id = a->id;
  return hs_call_equal (a, &same_id);
}

GVariant *
hs_store_org_to_variant (const HsOrganisation *org)
{
  return g_variant_new (ORG_SNAPSHOT_TYPE,
                        org->id,
                        org->name != NULL ? org->name : "",
                        org->business_id,
                        hs_org_type_to_id (org->type),
                        org->municipality,
                        org->foreign);
}

HsOrganisation *
hs_store_org_from_variant (GVariant  *variant,
                           GError   **error)
{
  gint64 id;
  const char *name, *business_id, *type_id, *municipality;
  gboolean foreign;
  HsOrganisation *org;
  int type;

  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE (ORG_SNAPSHOT_TYPE)))
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("An organisation in the action log has the wrong format (%s)"),
                   g_variant_get_type_string (variant));
      return NULL;
    }

  g_variant_get (variant, "(x&sm&s&sm&sb)", &id, &name, &business_id, &type_id, &municipality, &foreign);
  type = hs_org_type_from_id (type_id);
  if (type < 0)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("The action log contains an unknown organisation type “%s”"), type_id);
      return NULL;
    }

  org = hs_organisation_new (name, business_id, (HsOrgType) type);
  org->id = id;
  g_free (org->business_id);
  org->business_id = g_strdup (business_id);
  g_free (org->municipality);
  org->municipality = g_strdup (municipality);
  org->foreign = foreign;
  return org;
}

static char *
date_to_iso (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04d-%02d-%02d", (int) g_date_get_year (date),
                          (int) g_date_get_month (date), (int) g_date_get_day (date));
}

static void
date_from_iso (const char *text,
               GDate      *out)
{
  unsigned int y, m, d;

  g_date_clear (out, 1);
  if (text != NULL && sscanf (text, "%4u-%2u-%2u", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (out, d, m, y);
}

GVariant *
hs_store_call_to_variant (const HsCall *call)
{
  g_autofree char *open = date_to_iso (&call->open_date);
  g_autofree char *close = date_to_iso (&call->close_date);

  return g_variant_new (CALL_SNAPSHOT_TYPE,
                        call->id, call->agreement_id,
                        call->name != NULL ? call->name : "",
                        call->name_sv, call->name_en, call->intermediary,
                        hs_instrument_to_id (call->instrument),
                        open, close,
                        call->max_support_bp, call->max_support,
                        call->min_city_bp, call->max_city_bp, call->min_own_bp,
                        call->max_duration_months, call->max_projects,
                        call->allowed_cost_models,
                        call->money_available, call->city_money_available,
                        call->description);
}

HsCall *
hs_store_call_from_variant (GVariant  *variant,
                            GError   **error)
{
  const char *name, *open, *close;
  HsCall *call;

  if (g_variant_is_of_type (variant, G_VARIANT_TYPE (CALL_SNAPSHOT_TYPE)))
    {
      const char *name_sv, *name_en, *intermediary, *instrument_id, *description;
      int instrument;

      call = hs_call_new_default ();
      g_free (call->name);
      g_variant_get (variant, "(xx&sm&sm&sm&s&s&s&sixiiiuuuxxm&s)",
                     &call->id, &call->agreement_id, &name, &name_sv, &name_en, &intermediary,
                     &instrument_id, &open, &close,
                     &call->max_support_bp, &call->max_support,
                     &call->min_city_bp, &call->max_city_bp, &call->min_own_bp,
                     &call->max_duration_months, &call->max_projects,
                     &call->allowed_cost_models,
                     &call->money_available, &call->city_money_available, &description);
      instrument = hs_instrument_from_id (instrument_id);
      if (instrument < 0)
        {
          hs_call_free (call);
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                       _("The action log contains an unknown funding instrument “%s”"), instrument_id);
          return NULL;
        }
      call->instrument = (HsInstrument) instrument;
      call->name_sv = g_strdup (name_sv);
      call->name_en = g_strdup (name_en);
      call->intermediary = g_strdup (intermediary);
      call->description = g_strdup (description);
    }
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE (CALL_SNAPSHOT_TYPE_1)))
    {
      call = hs_call_new_default ();
      g_free (call->name);
      g_variant_get (variant, "(xx&s&s&siiiuux)",
                     &call->id, &call->agreement_id, &name, &open, &close,
                     &call->max_support_bp, &call->min_city_bp, &call->min_own_bp,
                     &call->max_duration_months, &call->allowed_cost_models,
                     &call->money_available);
    }
  else
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("A call in the action log has the wrong format (%s)"),
                   g_variant_get_type_string (variant));
      return NULL;
    }

  call->name = g_strdup (name);
  date_from_iso (open, &call->open_date);
  date_from_iso (close, &call->close_date);
  return call;
}

GBytes *
hs_store_snapshot_encode (GVariant *snapshot)
{
  g_autoptr(GVariant) boxed = g_variant_ref_sink (g_variant_new_variant (snapshot));

#if G_BYTE_ORDER == G_BIG_ENDIAN
  {
    g_autoptr(GVariant) swapped = g_variant_byteswap (boxed);
    return g_variant_get_data_as_bytes (swapped);
  }
#else
  return g_variant_get_data_as_bytes (boxed);
#endif
}

GVariant *
hs_store_snapshot_decode (GBytes              *bytes,
                          const GVariantType  *type,
                          GError             **error)
{
  g_autoptr(GVariant) boxed = NULL;
  g_autoptr(GVariant) inner = NULL;

  /* Not trusted: the bytes come from a file that anything may have written. */
  boxed = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARIANT, bytes, FALSE));
#if G_BYTE_ORDER == G_BIG_ENDIAN
  {
    GVariant *swapped = g_variant_byteswap (boxed);
    g_variant_unref (boxed);
    boxed = swapped;
  }
#endif
  inner = g_variant_get_variant (boxed);

  if (type != NULL && !g_variant_is_of_type (inner, type))
    {
      g_autofree char *expected = g_variant_type_dup_string (type);
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT,
                   _("A snapshot in the action log has the type %s, not %s"),
                   g_variant_get_type_string (inner), expected);
      return NULL;
    }

  return g_steal_pointer (&inner);
}

/* store-test-util.c — shared helpers of the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "store-test-util.h"

void
store_tmp_init (StoreTmp *tmp)
{
  g_autoptr(GError) error = NULL;

  tmp->dir = g_dir_make_tmp ("hs-store-test-XXXXXX", &error);
  g_assert_no_error (error);
  tmp->path = g_build_filename (tmp->dir, "portfolio.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

void
store_tmp_clear (StoreTmp *tmp)
{
  if (tmp->dir != NULL)
    remove_tree (tmp->dir);
  g_clear_pointer (&tmp->dir, g_free);
  g_clear_pointer (&tmp->path, g_free);
}

HsImplementer *
store_test_implementer (const char *org_name,
                        const char *business_id,
                        HsOrgType   type,
                        const char *municipality,
                        gboolean    is_main)
{
  HsOrganisation *org = hs_organisation_new (org_name, business_id, type);

  org->municipality = g_strdup (municipality);
  return hs_implementer_new (org, is_main);
}

static void
set_iso (GDate      *date,
         const char *iso)
{
  unsigned int y, m, d;

  g_date_clear (date, 1);
  if (iso != NULL && sscanf (iso, "%u-%u-%u", &y, &m, &d) == 3)
    g_date_set_dmy (date, d, m, y);
}

static void
add_history (HsProject  *project,
             HsStatus    status,
             const char *iso)
{
  HsStatusChange change;

  change.status = status;
  set_iso (&change.date, iso);
  g_array_append_val (project->history, change);
}

HsProject *
store_test_project (const char *code,
                    gint64      agreement_id,
                    gint64      focus_area_id,
                    gint64      call_id,
                    HsStatus    status,
                    const char *start_iso,
                    const char *end_iso)
{
  HsProject *project = hs_project_new (code);
  HsIndicator indicator = { g_strdup ("RCO01"), 10 };

  project->name_fi = g_strdup_printf ("Testihanke %s", code);
  project->name_en = g_strdup_printf ("Test project %s", code);
  project->acronym = g_strdup ("TEST");
  project->summary = g_strdup ("Hankkeen julkinen tiivistelmä – ‘quotes’ and \"double\" ; DROP TABLE project; --");
  project->agreement_id = agreement_id;
  project->focus_area_id = focus_area_id;
  project->call_id = call_id;
  project->status = status;
  project->cost_model = HS_COST_MODEL_FLAT40;
  set_iso (&project->start_date, start_iso);
  set_iso (&project->end_date, end_iso);
  g_array_append_val (project->indicators, indicator);

  add_history (project, HS_STATUS_DRAFT, "2022-10-01");
  if (status == HS_STATUS_DRAFT)
    return project;
  add_history (project, HS_STATUS_SUBMITTED, "2022-11-01");
  if (status == HS_STATUS_SUBMITTED)
    return project;
  add_history (project, HS_STATUS_UNDER_REVIEW, "2022-12-01");
  if (status == HS_STATUS_UNDER_REVIEW)
    return project;
  add_history (project, status, "2023-01-15");
  return project;
}

/* The portfolio of the totals tests (cents):
 *
 * PKS-2023-001  agreement 1, focus area 1, call 1, approved, 2023–2024
 *   Helsingin kaupunki (main, Helsinki): staff 2023 10 000 000, 2024 5 000 000
 *     → flat rate 4 000 000 + 2 000 000 → 21 000 000;
 *     EU+state 12 600 000, city 8 400 000
 *   Aalto-yliopisto (partial, Espoo): staff 2024 2 000 000 → 800 000 → 2 800 000;
 *     EU+state 1 680 000, own (public) 1 120 000
 *   = 23 800 000; years 2023 14 000 000, 2024 9 800 000
 * PKS-2024-002  agreement 1, focus area 2, call 1, draft, 2024
 *   Espoon kaupunki (main, Espoo): staff 2024 1 000 000 → 400 000 → 1 400 000;
 *     EU+state 840 000, city 560 000
 * TRE-2024-001  agreement 2, focus area 5, call 2, submitted, 2024–2025
 *   Tampereen kaupunki (main, Tampere): staff 2024 3 000 000, 2025 1 000 000
 *     → 1 200 000 + 400 000 → 5 600 000; EU+state 4 000 000, city 1 600 000
 *   Forum Virium Helsinki Oy (partial, Helsinki): staff 2025 500 000 → 200 000
 *     → 700 000; own (private) 700 000
 *   = 6 300 000 (EU+state 63,5 %: over the 60 % of the call);
 *   years 2024 4 200 000, 2025 2 100 000
 */
GPtrArray *
store_test_portfolio (void)
{
  GPtrArray *projects = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
  HsProject *project;
  HsImplementer *impl;

  project = store_test_project ("PKS-2023-001", 1, 1, 1, HS_STATUS_APPROVED, "2023-01-01", "2024-12-31");
  impl = store_test_implementer ("Helsingin kaupunki", "0201256-6", HS_ORG_CITY, "Helsinki", TRUE);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2023, 10000000);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 5000000);
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, 12600000);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, 8400000);
  g_ptr_array_add (project->implementers, impl);
  impl = store_test_implementer ("Aalto-yliopisto", "2228357-4", HS_ORG_UNIVERSITY, "Espoo", FALSE);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 2000000);
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, 1680000);
  hs_implementer_set_financing (impl, HS_SOURCE_OWN_PUBLIC, 1120000);
  g_ptr_array_add (project->implementers, impl);
  g_ptr_array_add (projects, project);

  project = store_test_project ("PKS-2024-002", 1, 2, 1, HS_STATUS_DRAFT, "2024-01-01", "2024-12-31");
  g_free (project->name_fi);
  project->name_fi = NULL;   /* the list shows the English name */
  impl = store_test_implementer ("Espoon kaupunki", "0101263-6", HS_ORG_CITY, "Espoo", TRUE);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 1000000);
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, 840000);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, 560000);
  g_ptr_array_add (project->implementers, impl);
  g_ptr_array_add (projects, project);

  project = store_test_project ("TRE-2024-001", 2, 5, 2, HS_STATUS_SUBMITTED, "2024-01-01", "2025-12-31");
  impl = store_test_implementer ("Tampereen kaupunki", "0211675-2", HS_ORG_CITY, "Tampere", TRUE);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2024, 3000000);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 1000000);
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, 4000000);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, 1600000);
  g_ptr_array_add (project->implementers, impl);
  impl = store_test_implementer ("Forum Virium Helsinki Oy", "2170029-2", HS_ORG_COMPANY, "Helsinki", FALSE);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, 500000);
  hs_implementer_set_financing (impl, HS_SOURCE_OWN_PRIVATE, 700000);
  g_ptr_array_add (project->implementers, impl);
  g_ptr_array_add (projects, project);

  return projects;
}

GPtrArray *
store_test_batch (const char *prefix,
                  guint       n)
{
  GPtrArray *projects = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("%s%05u", prefix, i);
      HsProject *project = store_test_project (code, 2, 5, 2, HS_STATUS_SUBMITTED,
                                               "2024-01-01", "2025-12-31");
      HsImplementer *main_impl = store_test_implementer ("Tampereen kaupunki", "0211675-2",
                                                         HS_ORG_CITY, "Tampere", TRUE);
      HsImplementer *partner = store_test_implementer ("Aalto-yliopisto", "2228357-4",
                                                       HS_ORG_UNIVERSITY, "Espoo", FALSE);
      HsImplementer *impls[] = { main_impl, partner };

      hs_implementer_set_cost (main_impl, HS_COST_STAFF, 2024, 1000000 + 100 * i);
      hs_implementer_set_cost (main_impl, HS_COST_STAFF, 2025, 500000);
      hs_implementer_set_cost (partner, HS_COST_STAFF, 2025, 200000 + i);
      for (guint j = 0; j < G_N_ELEMENTS (impls); j++)
        {
          HsTotals totals;

          g_assert_true (hs_implementer_update_derived (impls[j], HS_COST_MODEL_FLAT40, NULL));
          g_assert_true (hs_implementer_totals (impls[j], &totals, NULL));
          hs_implementer_set_financing (impls[j], HS_SOURCE_EU_STATE, totals.total_costs * 6 / 10);
          hs_implementer_set_financing (impls[j], j == 0 ? HS_SOURCE_CITY : HS_SOURCE_OWN_PUBLIC,
                                        totals.total_costs - totals.total_costs * 6 / 10);
          g_ptr_array_add (project->implementers, impls[j]);
        }
      g_ptr_array_add (projects, project);
    }

  return projects;
}

GBytes *
store_test_read_file (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

sqlite3 *
store_test_sqlite_open (const char *path,
                        gboolean    write)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
store_test_sqlite_int (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
store_test_sqlite_text (sqlite3    *db,
                        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

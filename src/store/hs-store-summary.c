/* hs-store-summary.c — the project list, the portfolio summaries and the
 * organisations' roles in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All read the totals that every write keeps up to date (project_totals,
 * project_year_totals, implementer_totals): one query for the whole list,
 * one GROUP BY query per summary, one query for every implementer of every
 * organisation (the Organisations page), never a query per row. SQLite's SUM()
 * fails with "integer overflow" rather than wrap, so a total is right or
 * an error.
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-enums.h"
#include "core/hs-money.h"
#include "hs-store-error.h"
#include "hs-store-summary.h"

static const char *
non_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* One row of STMT_PROJECT_SUMMARIES / STMT_PROJECT_SUMMARY_ONE. */
static gboolean
read_project_summary (HsStoreDb         *db,
                      sqlite3_stmt      *stmt,
                      HsProjectSummary  *summary,
                      GError           **error)
{
  const char *code = hs_store_column_text (stmt, 1);
  const char *name;
  const char *status = hs_store_column_text (stmt, 10);
  int status_value = status != NULL ? hs_status_from_id (status) : -1;

  if (status_value < 0)
    {
      return hs_store_db_set_corrupt (db, error, "status", status);
    }

  /* hs_project_display_name (): Finnish, else Swedish, else English,
   * else the code. */
  name = non_empty (hs_store_column_text (stmt, 2));
  if (name == NULL)
    name = non_empty (hs_store_column_text (stmt, 3));
  if (name == NULL)
    name = non_empty (hs_store_column_text (stmt, 4));
  if (name == NULL)
    name = code;

  summary->id = sqlite3_column_int64 (stmt, 0);
  summary->code = g_strdup (code);
  summary->name = g_strdup (name);
  summary->main_implementer = hs_store_column_dup (stmt, 5);
  summary->partial_implementers = (guint) sqlite3_column_int64 (stmt, 6);
  summary->agreement_id = sqlite3_column_int64 (stmt, 7);
  summary->focus_area_id = sqlite3_column_int64 (stmt, 8);
  summary->focus_area = hs_store_column_dup (stmt, 9);
  summary->status = (HsStatus) status_value;
  hs_store_column_date (stmt, 11, &summary->start_date);
  hs_store_column_date (stmt, 12, &summary->end_date);
  summary->total_costs = sqlite3_column_int64 (stmt, 13);
  summary->eu_state = sqlite3_column_int64 (stmt, 14);
  summary->support_bp = hs_rate_of (summary->eu_state, summary->total_costs);
  summary->errors = (guint) sqlite3_column_int64 (stmt, 15);
  summary->warnings = (guint) sqlite3_column_int64 (stmt, 16);
  summary->partners = hs_store_column_dup (stmt, 17);
  summary->call_id = sqlite3_column_int64 (stmt, 18);
  return TRUE;
}

GArray *
hs_store_list_project_summaries (HsStoreDb  *db,
                                 GError    **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (HsProjectSummary));
  g_autoptr(HsStoreStmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify) hs_project_summary_clear);

  stmt = hs_store_db_stmt (db, STMT_PROJECT_SUMMARIES, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsProjectSummary summary = { 0, };

      if (!read_project_summary (db, stmt, &summary, error))
        return NULL;
      g_array_append_val (rows, summary);
    }

  if (rc != SQLITE_DONE)
    {
      hs_store_db_set_error (db, rc, error, _("Reading the project list failed"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GArray *
hs_store_list_portfolio_projects (HsStoreDb  *db,
                                  GError    **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (HsPortfolioProject));
  g_autoptr(HsStoreStmt) stmt = NULL;
  g_autoptr(HsStoreStmt) years = NULL;
  guint at = 0;
  int rc;

  stmt = hs_store_db_stmt (db, STMT_PORTFOLIO_PROJECTS, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsPortfolioProject row = { 0, };
      const char *status = hs_store_column_text (stmt, 3);
      int status_value = status != NULL ? hs_status_from_id (status) : -1;

      if (status_value < 0)
        {
          hs_store_db_set_corrupt (db, error, "status", status);
          return NULL;
        }
      row.id = sqlite3_column_int64 (stmt, 0);
      row.agreement_id = sqlite3_column_int64 (stmt, 1);
      row.call_id = sqlite3_column_int64 (stmt, 2);
      row.status = (HsStatus) status_value;
      /* a project without totals is one whose amounts the store could
       * not add up: counted nowhere, as hs_portfolio_project_init () does */
      row.totals_ok = sqlite3_column_int (stmt, 4) != 0;
      row.total_costs = sqlite3_column_int64 (stmt, 5);
      row.eu_state = sqlite3_column_int64 (stmt, 6);
      row.city = sqlite3_column_int64 (stmt, 7);
      row.proposed = sqlite3_column_int (stmt, 8) != 0;
      if (g_strcmp0 (hs_store_column_text (stmt, 9), "grant") == 0)
        row.decision = HS_PORTFOLIO_GRANTED;
      else if (g_strcmp0 (hs_store_column_text (stmt, 9), "reject") == 0)
        row.decision = HS_PORTFOLIO_REJECTED;
      row.granted = sqlite3_column_int64 (stmt, 10);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      hs_store_db_set_error (db, rc, error, _("Reading the project list failed"));
      return NULL;
    }

  /* the costs by year, merged in id order */
  years = hs_store_db_stmt (db, STMT_PORTFOLIO_YEARS, error);
  if (years == NULL)
    return NULL;
  rc = sqlite3_step (years);
  while (at < rows->len)
    {
      HsPortfolioProject *row = &g_array_index (rows, HsPortfolioProject, at++);
      gint64 in_year[HS_PORTFOLIO_N_YEARS] = { 0, };
      gint64 before = 0;

      while (rc == SQLITE_ROW && sqlite3_column_int64 (years, 0) < row->id)
        rc = sqlite3_step (years);
      for (; rc == SQLITE_ROW && sqlite3_column_int64 (years, 0) == row->id; rc = sqlite3_step (years))
        {
          gint64 year = sqlite3_column_int64 (years, 1);
          gint64 costs = sqlite3_column_int64 (years, 2);

          /* each year's costs and their sum were added up on write, so
           * these additions cannot overflow */
          if (year < HS_PROGRAMME_START_YEAR)
            before += costs;
          else if (year <= HS_PROGRAMME_END_YEAR)
            in_year[year - HS_PROGRAMME_START_YEAR] = costs;
        }
      if (row->totals_ok)
        hs_portfolio_project_set_costs (row, row->total_costs, before, in_year);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      hs_store_db_set_error (db, rc, error, _("Reading the project list failed"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

gboolean
hs_store_get_project_summary (HsStoreDb         *db,
                              gint64             id,
                              HsProjectSummary  *out,
                              GError           **error)
{
  g_autoptr(HsStoreStmt) stmt = NULL;
  int rc;

  stmt = hs_store_db_stmt (db, STMT_PROJECT_SUMMARY_ONE, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      memset (out, 0, sizeof *out);
      if (!read_project_summary (db, stmt, out, error))
        {
          hs_project_summary_clear (out);
          return FALSE;
        }
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                   _("No project has the id %lld"), (long long) id);
      return FALSE;
    }
  hs_store_db_set_error (db, rc, error, _("Reading the project list failed"));
  return FALSE;
}

/* The money columns from column 3 on: total costs, the sources, total
 * financing (SUM_MONEY in hs-store-sql.c). */
static void
read_money (sqlite3_stmt *stmt,
            HsSummaryRow *row)
{
  row->total_costs = sqlite3_column_int64 (stmt, 3);
  for (int s = 0; s < HS_N_SOURCES; s++)
    row->financing[s] = sqlite3_column_int64 (stmt, 4 + s);
  row->total_financing = sqlite3_column_int64 (stmt, 4 + HS_N_SOURCES);
}

static char *
id_key (sqlite3_stmt *stmt)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
}

static gboolean
fill_row (HsDimension    by,
          sqlite3_stmt  *stmt,
          HsSummaryRow  *row)
{
  const char *key = hs_store_column_text (stmt, 0);
  const char *label = hs_store_column_text (stmt, 1);

  row->projects = (guint) sqlite3_column_int64 (stmt, 2);

  switch (by)
    {
    case HS_BY_AGREEMENT:
      row->key = id_key (stmt);
      row->label = g_strdup (label != NULL ? label : _("No agreement"));
      read_money (stmt, row);
      break;

    case HS_BY_FOCUS_AREA:
      row->key = id_key (stmt);
      row->label = g_strdup (label != NULL ? label : _("No focus area"));
      read_money (stmt, row);
      break;

    case HS_BY_CITY:
      row->key = g_strdup (key != NULL ? key : "");
      row->label = g_strdup (label != NULL ? label : _("Municipality not known"));
      read_money (stmt, row);
      break;

    case HS_BY_YEAR:
      row->key = id_key (stmt);
      row->label = id_key (stmt);
      row->total_costs = sqlite3_column_int64 (stmt, 3);
      break;

    case HS_BY_STATUS:
      {
        int status = key != NULL ? hs_status_from_id (key) : -1;
        if (status < 0)
          return FALSE;
        row->key = g_strdup (key);
        row->label = g_strdup (hs_status_label ((HsStatus) status));
        read_money (stmt, row);
      }
      break;

    case HS_BY_SOURCE:
    case HS_N_DIMENSIONS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static int
compare_status_rows (gconstpointer a,
                     gconstpointer b)
{
  const HsSummaryRow *row_a = a;
  const HsSummaryRow *row_b = b;

  return hs_status_from_id (row_a->key) - hs_status_from_id (row_b->key);
}

static GArray *
summarise_sources (HsStoreDb  *db,
                   GArray     *rows,
                   gint64      agreement_id,
                   GError    **error)
{
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_SUMMARISE_SOURCE, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hs_store_bind_int64 (stmt, 1, agreement_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hs_store_db_set_error (db, rc, error, _("Reading the summary failed"));
      return NULL;
    }

  /* One row per source, in HsFinancingSource order, used or not. */
  for (int s = 0; s < HS_N_SOURCES; s++)
    {
      HsSummaryRow row = { 0, };

      row.key = g_strdup (hs_source_to_id ((HsFinancingSource) s));
      row.label = g_strdup (hs_source_label ((HsFinancingSource) s));
      row.projects = (guint) sqlite3_column_int64 (stmt, 2 * s);
      row.financing[s] = sqlite3_column_int64 (stmt, 2 * s + 1);
      row.total_financing = row.financing[s];
      g_array_append_val (rows, row);
    }

  return g_array_ref (rows);
}

GArray *
hs_store_summarise (HsStoreDb    *db,
                    HsDimension   by,
                    gint64        agreement_id,
                    GError      **error)
{
  static const HsStmt statements[HS_N_DIMENSIONS] = {
    [HS_BY_AGREEMENT] = STMT_SUMMARISE_AGREEMENT,
    [HS_BY_FOCUS_AREA] = STMT_SUMMARISE_FOCUS_AREA,
    [HS_BY_CITY] = STMT_SUMMARISE_CITY,
    [HS_BY_YEAR] = STMT_SUMMARISE_YEAR,
    [HS_BY_STATUS] = STMT_SUMMARISE_STATUS,
    [HS_BY_SOURCE] = STMT_SUMMARISE_SOURCE,
  };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (HsSummaryRow));
  g_autoptr(HsStoreStmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify) hs_summary_row_clear);

  if ((guint) by >= HS_N_DIMENSIONS)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_SQL,
                   _("Unknown summary dimension %d"), (int) by);
      return NULL;
    }

  if (by == HS_BY_SOURCE)
    return summarise_sources (db, rows, agreement_id, error);

  stmt = hs_store_db_stmt (db, statements[by], error);
  if (stmt == NULL)
    return NULL;
  hs_store_bind_int64 (stmt, 1, agreement_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsSummaryRow row = { 0, };

      if (!fill_row (by, stmt, &row))
        {
          hs_summary_row_clear (&row);
          hs_store_db_set_corrupt (db, error, "status", hs_store_column_text (stmt, 0));
          return NULL;
        }
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      hs_store_db_set_error (db, rc, error, _("Reading the summary failed"));
      return NULL;
    }

  /* Statuses in their life-cycle order, not alphabetically. */
  if (by == HS_BY_STATUS)
    g_array_sort (rows, compare_status_rows);

  return g_steal_pointer (&rows);
}

gboolean
hs_store_add_eu_parts (HsStoreDb    *db,
                       HsDimension   by,
                       gint64        agreement_id,
                       GArray       *rows,
                       GError      **error)
{
  static const int statements[HS_N_DIMENSIONS] = {
    [HS_BY_AGREEMENT] = STMT_EU_AGREEMENT,
    [HS_BY_FOCUS_AREA] = STMT_EU_FOCUS_AREA,
    [HS_BY_CITY] = STMT_EU_CITY,
    [HS_BY_YEAR] = -1,   /* financing has no years */
    [HS_BY_STATUS] = STMT_EU_STATUS,
    [HS_BY_SOURCE] = STMT_EU_SOURCE,
  };
  g_autoptr(HsStoreStmt) stmt = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  if ((guint) by >= HS_N_DIMENSIONS || statements[by] < 0)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
      row->eu = 0;
      if (row->key != NULL)
        g_hash_table_insert (by_key, row->key, row);
    }

  stmt = hs_store_db_stmt (db, (HsStmt) statements[by], error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, agreement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* the keys as fill_row () makes them: ids as numbers ("0" for none),
       * a municipality or "" */
      g_autofree char *key = NULL;
      HsSummaryRow *row;

      if (by == HS_BY_AGREEMENT || by == HS_BY_FOCUS_AREA)
        key = id_key (stmt);
      else
        key = g_strdup (hs_store_column_text (stmt, 0) != NULL ? hs_store_column_text (stmt, 0) : "");
      row = g_hash_table_lookup (by_key, key);
      if (row != NULL)
        row->eu = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      hs_store_db_set_error (db, rc, error, _("Reading the summary failed"));
      return FALSE;
    }
  return TRUE;
}

gboolean
hs_store_add_project_eu_parts (HsStoreDb  *db,
                               GArray     *summaries,
                               GError    **error)
{
  g_autoptr(HsStoreStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  for (guint i = 0; i < summaries->len; i++)
    {
      HsProjectSummary *summary = &g_array_index (summaries, HsProjectSummary, i);
      summary->eu = 0;
      summary->instrument = HS_INSTRUMENT_EAKR;
      g_hash_table_insert (by_id, &summary->id, summary);
    }

  stmt = hs_store_db_stmt (db, STMT_EU_PROJECTS, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      HsProjectSummary *summary = g_hash_table_lookup (by_id, &id);
      const char *instrument = hs_store_column_text (stmt, 2);
      int value = instrument != NULL ? hs_instrument_from_id (instrument) : -1;

      if (summary == NULL)
        continue;
      summary->eu = sqlite3_column_int64 (stmt, 1);
      summary->instrument = value >= 0 ? (HsInstrument) value : HS_INSTRUMENT_EAKR;
    }
  if (rc != SQLITE_DONE)
    {
      hs_store_db_set_error (db, rc, error, _("Reading the project list failed"));
      return FALSE;
    }
  return TRUE;
}

GArray *
hs_store_list_organisation_roles (HsStoreDb  *db,
                                  GError    **error)
{
  g_autoptr(GArray) roles = g_array_new (FALSE, TRUE, sizeof (HsOrganisationRole));
  g_autoptr(HsStoreStmt) stmt = NULL;
  int rc;

  stmt = hs_store_db_stmt (db, STMT_ORGANISATION_ROLES, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsOrganisationRole role = { 0, };

      role.organisation_id = sqlite3_column_int64 (stmt, 0);
      role.project_id = sqlite3_column_int64 (stmt, 1);
      role.implementer_id = sqlite3_column_int64 (stmt, 2);
      role.is_main = sqlite3_column_int (stmt, 3) != 0;
      role.total_costs = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (roles, role);
    }

  if (rc != SQLITE_DONE)
    {
      hs_store_db_set_error (db, rc, error, _("Reading the projects of the organisations failed"));
      return NULL;
    }

  return g_steal_pointer (&roles);
}

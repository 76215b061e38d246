/* hs-store-sql.h — every SQL statement of the store, by name (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statement cache of HsStoreDb is indexed by this enum (Epiphany's
 * get_cached_statement pattern): each statement is prepared once, on first
 * use, and reset for reuse. All data reaches SQLite through bound
 * parameters; the SQL text is constant.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which projects a load reads. The LOAD_* statements come in groups of
 * HS_N_LOAD_FILTERS in this order, so STMT_LOAD_X + filter is the one. */
typedef enum
{
  HS_LOAD_ALL,        /* every project */
  HS_LOAD_ONE,        /* ?1 = project id */
  HS_LOAD_CALL,       /* ?1 = call id: the projects of a call */
  HS_LOAD_ORG,        /* ?1 = organisation id: the projects it takes part in */
  HS_N_LOAD_FILTERS
} HsLoadFilter;

typedef enum
{
  /* loading projects (groups of HS_N_LOAD_FILTERS) */
  STMT_LOAD_PROJECTS,
  STMT_LOAD_PROJECTS_ONE,
  STMT_LOAD_PROJECTS_CALL,
  STMT_LOAD_PROJECTS_ORG,
  STMT_LOAD_IMPLEMENTERS,
  STMT_LOAD_IMPLEMENTERS_ONE,
  STMT_LOAD_IMPLEMENTERS_CALL,
  STMT_LOAD_IMPLEMENTERS_ORG,
  STMT_LOAD_BUDGET,
  STMT_LOAD_BUDGET_ONE,
  STMT_LOAD_BUDGET_CALL,
  STMT_LOAD_BUDGET_ORG,
  STMT_LOAD_FINANCING,
  STMT_LOAD_FINANCING_ONE,
  STMT_LOAD_FINANCING_CALL,
  STMT_LOAD_FINANCING_ORG,
  STMT_LOAD_INDICATORS,
  STMT_LOAD_INDICATORS_ONE,
  STMT_LOAD_INDICATORS_CALL,
  STMT_LOAD_INDICATORS_ORG,
  STMT_LOAD_HISTORY,
  STMT_LOAD_HISTORY_ONE,
  STMT_LOAD_HISTORY_CALL,
  STMT_LOAD_HISTORY_ORG,

  /* writing projects */
  STMT_PROJECT_ID_BY_CODE,
  STMT_PROJECT_VERSION,
  STMT_PROJECT_INSERT,
  STMT_PROJECT_DELETE,
  STMT_IMPLEMENTER_INSERT,
  STMT_BUDGET_INSERT,
  STMT_FINANCING_INSERT,
  STMT_INDICATOR_INSERT,
  STMT_STATUS_INSERT,

  /* totals kept on write */
  STMT_TOTALS_DELETE,
  STMT_YEAR_TOTALS_DELETE,
  STMT_IMPLEMENTER_TOTALS_DELETE,
  STMT_TOTALS_INSERT,
  STMT_YEAR_TOTALS_INSERT,
  STMT_IMPLEMENTER_TOTALS_INSERT,

  /* organisations */
  STMT_ORGANISATIONS,
  STMT_ORG_BY_ID,
  STMT_ORG_BY_BUSINESS_ID,
  STMT_ORG_BY_NAME,
  STMT_ORG_INSERT,
  STMT_ORG_UPDATE,
  STMT_ORG_DELETE,

  /* reference data and calls */
  STMT_AGREEMENTS,
  STMT_AGREEMENT_CITIES,
  STMT_FOCUS_AREAS,
  STMT_CALLS,
  STMT_CALL_BY_ID,
  STMT_CALL_INSERT,
  STMT_CALL_UPDATE,
  STMT_CALL_DELETE,

  /* the action log */
  STMT_ACTION_CLEAR_REDO,
  STMT_ACTION_INSERT,
  STMT_ACTION_ITEM_INSERT,
  STMT_ACTION_TRIM,
  STMT_ACTION_LAST_DONE,
  STMT_ACTION_FIRST_UNDONE,
  STMT_ACTION_ITEMS_FORWARD,
  STMT_ACTION_ITEMS_BACKWARD,
  STMT_ACTION_SET_UNDONE,
  STMT_ACTION_HAS_DONE,
  STMT_ACTION_HAS_UNDONE,

  /* what the list and the summaries show */
  STMT_PROJECT_SUMMARIES,
  STMT_PROJECT_SUMMARY_ONE,
  STMT_SUMMARISE_AGREEMENT,
  STMT_SUMMARISE_FOCUS_AREA,
  STMT_SUMMARISE_CITY,
  STMT_SUMMARISE_YEAR,
  STMT_SUMMARISE_STATUS,
  STMT_SUMMARISE_SOURCE,
  STMT_ORGANISATION_ROLES,

  HS_N_STMTS
} HsStmt;

const char *hs_store_sql (HsStmt id);

G_END_DECLS

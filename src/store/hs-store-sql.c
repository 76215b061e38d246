/* hs-store-sql.c — the SQL text of every cached statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constant strings only: the macros below paste SQL fragments together at
 * compile time; values always travel as bound parameters (?1, ?2, ...).
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include "hs-store-sql.h"

/* The project filters of the LOAD_* groups, on the column holding the
 * project id. */
#define WHERE_ONE(col)  " WHERE " col " = ?1"
#define WHERE_CALL(col) " WHERE " col " IN (SELECT id FROM project WHERE call_id = ?1)"
#define WHERE_ORG(col)  " WHERE " col " IN (SELECT project_id FROM implementer WHERE organisation_id = ?1)"

#define LOAD_PROJECTS \
  "SELECT p.id, p.code, p.name_fi, p.name_sv, p.name_en, p.acronym, p.agreement_id," \
  " p.focus_area_id, p.call_id, p.status, p.start_date, p.end_date, p.summary," \
  " p.cost_model, p.example, p.version FROM project p"
#define LOAD_PROJECTS_ORDER " ORDER BY p.code"

#define LOAD_IMPLEMENTERS \
  "SELECT i.id, i.project_id, i.is_main, o.id, o.name, o.business_id, o.type," \
  " o.municipality, o.is_foreign" \
  " FROM implementer i JOIN organisation o ON o.id = i.organisation_id"
#define LOAD_IMPLEMENTERS_ORDER " ORDER BY i.project_id, i.position"

#define LOAD_BUDGET \
  "SELECT b.implementer_id, b.category, b.year, b.amount, b.derived FROM budget_line b"
#define LOAD_BUDGET_JOIN " JOIN implementer i ON i.id = b.implementer_id"
#define LOAD_BUDGET_ORDER " ORDER BY b.implementer_id, b.position"

#define LOAD_FINANCING \
  "SELECT f.implementer_id, f.source, f.amount, f.year FROM financing_line f"
#define LOAD_FINANCING_JOIN " JOIN implementer i ON i.id = f.implementer_id"
#define LOAD_FINANCING_ORDER " ORDER BY f.implementer_id, f.position"

#define LOAD_INDICATORS \
  "SELECT t.project_id, t.indicator_code, t.target FROM indicator_target t"
#define LOAD_INDICATORS_ORDER " ORDER BY t.project_id, t.position"

#define LOAD_HISTORY \
  "SELECT s.project_id, s.status, s.changed_on FROM status_change s"
#define LOAD_HISTORY_ORDER " ORDER BY s.project_id, s.position"

#define ORG_COLUMNS "SELECT id, name, business_id, type, municipality, is_foreign FROM organisation"

#define CALL_COLUMNS \
  "SELECT id, agreement_id, name, open_date, close_date, max_support_bp, min_city_bp," \
  " min_own_bp, max_duration_months, allowed_cost_models, money_available, name_sv, name_en," \
  " intermediary, instrument, max_support, max_city_bp, max_projects, city_money_available," \
  " description FROM call"

/* The eight money columns of a summary row, in HsSummaryRow order:
 * total_costs, financing[HS_N_SOURCES] in HsFinancingSource order,
 * total_financing. */
#define SUM_MONEY(t) \
  " SUM (" t ".total_costs), SUM (" t ".eu_state), SUM (" t ".city)," \
  " SUM (" t ".other_public), SUM (" t ".private), SUM (" t ".own_public)," \
  " SUM (" t ".own_private), SUM (" t ".total_financing)"

/* The EU part of EU and state support @x (cents, >= 0) at the EU share
 * @bp: x × bp / 10000 rounded half away from zero, in two parts so that no
 * product leaves the 64-bit range (x <= 10^15). The rule of
 * hs_support_split () (core/hs-cofinancing.h), per implementer. */
#define EU_PART(x, bp) \
  "((" x ") / 10000 * (" bp ") + ((" x ") % 10000 * (" bp ") + 5000) / 10000)"

/* The implementers' EU and state support with the EU share of their
 * project (@p): 0 for national money (the call's instrument akke or
 * national), else its agreement's co-financing category's share, 6000
 * without an agreement, as hs_agreement_eu_share_bp () and
 * hs_call_get_instrument (). The joins of the EU_* statements. */
#define EU_SHARE \
  "(CASE WHEN k.instrument IN ('akke', 'national') THEN 0 ELSE COALESCE (c.eu_share_bp, 6000) END)"
#define EU_JOINS \
  " FROM implementer_totals it JOIN implementer i ON i.id = it.implementer_id" \
  " JOIN project p ON p.id = i.project_id" \
  " LEFT JOIN call k ON k.id = p.call_id" \
  " LEFT JOIN agreement ea ON ea.id = p.agreement_id" \
  " LEFT JOIN cofinancing_category c ON c.id = ea.cofinancing_category"
#define SUM_EU " SUM (" EU_PART ("it.eu_state", EU_SHARE) ")"

/* Agreement filter of the summaries: ?1 = 0 means every agreement. */
#define PROJECT_SUMMARY \
    "SELECT p.id, p.code, p.name_fi, p.name_sv, p.name_en, o.name, t.partial_implementers," \
    " p.agreement_id, p.focus_area_id, f.name, p.status, p.start_date, p.end_date," \
    " t.total_costs, t.eu_state, t.errors, t.warnings," \
    " (SELECT group_concat (po.name || COALESCE (' ' || po.business_id, ''), char (10))" \
    "    FROM implementer pi JOIN organisation po ON po.id = pi.organisation_id" \
    "   WHERE pi.project_id = p.id AND pi.is_main = 0)," \
    " p.call_id" \
    " FROM project p" \
    " LEFT JOIN project_totals t ON t.project_id = p.id" \
    " LEFT JOIN implementer m ON m.project_id = p.id AND m.is_main = 1" \
    " LEFT JOIN organisation o ON o.id = m.organisation_id" \
    " LEFT JOIN focus_area f ON f.id = p.focus_area_id"

#define WHERE_AGREEMENT " WHERE (?1 = 0 OR p.agreement_id = ?1)"

static const char * const sql[HS_N_STMTS] = {
  [STMT_LOAD_PROJECTS]          = LOAD_PROJECTS LOAD_PROJECTS_ORDER,
  [STMT_LOAD_PROJECTS_ONE]      = LOAD_PROJECTS WHERE_ONE ("p.id") LOAD_PROJECTS_ORDER,
  [STMT_LOAD_PROJECTS_CALL]     = LOAD_PROJECTS " WHERE p.call_id = ?1" LOAD_PROJECTS_ORDER,
  [STMT_LOAD_PROJECTS_ORG]      = LOAD_PROJECTS WHERE_ORG ("p.id") LOAD_PROJECTS_ORDER,
  [STMT_LOAD_IMPLEMENTERS]      = LOAD_IMPLEMENTERS LOAD_IMPLEMENTERS_ORDER,
  [STMT_LOAD_IMPLEMENTERS_ONE]  = LOAD_IMPLEMENTERS WHERE_ONE ("i.project_id") LOAD_IMPLEMENTERS_ORDER,
  [STMT_LOAD_IMPLEMENTERS_CALL] = LOAD_IMPLEMENTERS WHERE_CALL ("i.project_id") LOAD_IMPLEMENTERS_ORDER,
  [STMT_LOAD_IMPLEMENTERS_ORG]  = LOAD_IMPLEMENTERS WHERE_ORG ("i.project_id") LOAD_IMPLEMENTERS_ORDER,
  [STMT_LOAD_BUDGET]            = LOAD_BUDGET LOAD_BUDGET_ORDER,
  [STMT_LOAD_BUDGET_ONE]        = LOAD_BUDGET LOAD_BUDGET_JOIN WHERE_ONE ("i.project_id") LOAD_BUDGET_ORDER,
  [STMT_LOAD_BUDGET_CALL]       = LOAD_BUDGET LOAD_BUDGET_JOIN WHERE_CALL ("i.project_id") LOAD_BUDGET_ORDER,
  [STMT_LOAD_BUDGET_ORG]        = LOAD_BUDGET LOAD_BUDGET_JOIN WHERE_ORG ("i.project_id") LOAD_BUDGET_ORDER,
  [STMT_LOAD_FINANCING]         = LOAD_FINANCING LOAD_FINANCING_ORDER,
  [STMT_LOAD_FINANCING_ONE]     = LOAD_FINANCING LOAD_FINANCING_JOIN WHERE_ONE ("i.project_id") LOAD_FINANCING_ORDER,
  [STMT_LOAD_FINANCING_CALL]    = LOAD_FINANCING LOAD_FINANCING_JOIN WHERE_CALL ("i.project_id") LOAD_FINANCING_ORDER,
  [STMT_LOAD_FINANCING_ORG]     = LOAD_FINANCING LOAD_FINANCING_JOIN WHERE_ORG ("i.project_id") LOAD_FINANCING_ORDER,
  [STMT_LOAD_INDICATORS]        = LOAD_INDICATORS LOAD_INDICATORS_ORDER,
  [STMT_LOAD_INDICATORS_ONE]    = LOAD_INDICATORS WHERE_ONE ("t.project_id") LOAD_INDICATORS_ORDER,
  [STMT_LOAD_INDICATORS_CALL]   = LOAD_INDICATORS WHERE_CALL ("t.project_id") LOAD_INDICATORS_ORDER,
  [STMT_LOAD_INDICATORS_ORG]    = LOAD_INDICATORS WHERE_ORG ("t.project_id") LOAD_INDICATORS_ORDER,
  [STMT_LOAD_HISTORY]           = LOAD_HISTORY LOAD_HISTORY_ORDER,
  [STMT_LOAD_HISTORY_ONE]       = LOAD_HISTORY WHERE_ONE ("s.project_id") LOAD_HISTORY_ORDER,
  [STMT_LOAD_HISTORY_CALL]      = LOAD_HISTORY WHERE_CALL ("s.project_id") LOAD_HISTORY_ORDER,
  [STMT_LOAD_HISTORY_ORG]       = LOAD_HISTORY WHERE_ORG ("s.project_id") LOAD_HISTORY_ORDER,

  [STMT_PROJECT_ID_BY_CODE] = "SELECT id FROM project WHERE code = ?1",
  [STMT_PROJECT_VERSION] = "SELECT version FROM project WHERE id = ?1",
  [STMT_PROJECT_INSERT] =
    "INSERT INTO project (id, code, name_fi, name_sv, name_en, acronym, agreement_id,"
    " focus_area_id, call_id, status, start_date, end_date, summary, cost_model, example, version)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
  [STMT_PROJECT_DELETE] = "DELETE FROM project WHERE id = ?1",
  [STMT_IMPLEMENTER_INSERT] =
    "INSERT INTO implementer (id, project_id, position, organisation_id, is_main)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_BUDGET_INSERT] =
    "INSERT INTO budget_line (implementer_id, position, category, year, amount, derived)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_FINANCING_INSERT] =
    "INSERT INTO financing_line (implementer_id, position, source, amount, year) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INDICATOR_INSERT] =
    "INSERT INTO indicator_target (project_id, position, indicator_code, target) VALUES (?1, ?2, ?3, ?4)",
  [STMT_STATUS_INSERT] =
    "INSERT INTO status_change (project_id, position, status, changed_on) VALUES (?1, ?2, ?3, ?4)",

  [STMT_TOTALS_DELETE] = "DELETE FROM project_totals WHERE project_id = ?1",
  [STMT_YEAR_TOTALS_DELETE] = "DELETE FROM project_year_totals WHERE project_id = ?1",
  [STMT_IMPLEMENTER_TOTALS_DELETE] =
    "DELETE FROM implementer_totals WHERE implementer_id IN"
    " (SELECT id FROM implementer WHERE project_id = ?1)",
  [STMT_TOTALS_INSERT] =
    "INSERT INTO project_totals (project_id, total_costs, eu_state, city, other_public, private,"
    " own_public, own_private, total_financing, partial_implementers, errors, warnings)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [STMT_YEAR_TOTALS_INSERT] =
    "INSERT INTO project_year_totals (project_id, year, total_costs) VALUES (?1, ?2, ?3)",
  [STMT_IMPLEMENTER_TOTALS_INSERT] =
    "INSERT INTO implementer_totals (implementer_id, total_costs, eu_state, city, other_public,"
    " private, own_public, own_private, total_financing)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",

  [STMT_ORGANISATIONS] = ORG_COLUMNS " ORDER BY name, id",
  [STMT_ORG_BY_ID] = ORG_COLUMNS " WHERE id = ?1",
  [STMT_ORG_BY_BUSINESS_ID] = ORG_COLUMNS " WHERE business_id = ?1",
  [STMT_ORG_BY_NAME] = ORG_COLUMNS " WHERE name = ?1 AND business_id IS NULL ORDER BY id LIMIT 1",
  [STMT_ORG_INSERT] =
    "INSERT INTO organisation (id, name, business_id, type, municipality, is_foreign)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_ORG_UPDATE] =
    "UPDATE organisation SET name = ?2, business_id = ?3, type = ?4, municipality = ?5,"
    " is_foreign = ?6 WHERE id = ?1",
  [STMT_ORG_DELETE] = "DELETE FROM organisation WHERE id = ?1",

  [STMT_AGREEMENTS] =
    "SELECT a.id, a.region_name, o.name, a.intermediary_confirmed, a.signed_date,"
    " a.programme_area, a.cofinancing_category = 'more-developed', a.indicative_per_year,"
    " a.end_date, c.eu_share_bp, a.indicative_erdf_only"
    " FROM agreement a LEFT JOIN organisation o ON o.id = a.intermediary_id"
    " LEFT JOIN cofinancing_category c ON c.id = a.cofinancing_category ORDER BY a.id",
  [STMT_AGREEMENT_CITIES] =
    "SELECT agreement_id, name FROM agreement_city ORDER BY agreement_id, position",
  [STMT_FOCUS_AREAS] =
    "SELECT id, agreement_id, name, first_year, last_year FROM focus_area"
    " WHERE ?1 = 0 OR agreement_id = ?1 ORDER BY id",
  [STMT_CALLS] = CALL_COLUMNS " WHERE ?1 = 0 OR agreement_id = ?1 ORDER BY id",
  [STMT_CALL_BY_ID] = CALL_COLUMNS " WHERE id = ?1",
  [STMT_CALL_INSERT] =
    "INSERT INTO call (id, agreement_id, name, open_date, close_date, max_support_bp,"
    " min_city_bp, min_own_bp, max_duration_months, allowed_cost_models, money_available,"
    " name_sv, name_en, intermediary, instrument, max_support, max_city_bp, max_projects,"
    " city_money_available, description)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20)",
  [STMT_CALL_UPDATE] =
    "UPDATE call SET agreement_id = ?2, name = ?3, open_date = ?4, close_date = ?5,"
    " max_support_bp = ?6, min_city_bp = ?7, min_own_bp = ?8, max_duration_months = ?9,"
    " allowed_cost_models = ?10, money_available = ?11, name_sv = ?12, name_en = ?13,"
    " intermediary = ?14, instrument = ?15, max_support = ?16, max_city_bp = ?17,"
    " max_projects = ?18, city_money_available = ?19, description = ?20 WHERE id = ?1",
  [STMT_CALL_DELETE] = "DELETE FROM call WHERE id = ?1",
  [STMT_CALL_PROJECT_COUNT] = "SELECT count(*) FROM project WHERE call_id = ?1",

  [STMT_ACTION_CLEAR_REDO] = "DELETE FROM action_log WHERE undone = 1 AND actor = ?1",
  [STMT_ACTION_INSERT] =
    "INSERT INTO action_log (seq, description, kind, project_id, undone, created, actor)"
    " VALUES ((SELECT COALESCE (MAX (seq), 0) + 1 FROM action_log), ?1, ?2, ?3, 0,"
    " strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), ?4)",
  [STMT_ACTION_ITEM_INSERT] =
    "INSERT INTO action_item (action_id, position, entity, entity_id, before, after, version_after)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
    " CASE WHEN ?3 = 'project' THEN (SELECT version FROM project WHERE id = ?4) END)",
  [STMT_ACTION_TRIM] =
    "DELETE FROM action_log WHERE seq <= (SELECT MAX (seq) FROM action_log) - ?1",
  [STMT_ACTION_LAST_DONE] =
    "SELECT id, description FROM action_log WHERE undone = 0 AND actor = ?1 ORDER BY seq DESC LIMIT 1",
  [STMT_ACTION_FIRST_UNDONE] =
    "SELECT id, description FROM action_log WHERE undone = 1 AND actor = ?1 ORDER BY seq ASC LIMIT 1",
  [STMT_ACTION_ITEMS_FORWARD] =
    "SELECT entity, entity_id, after, version_after, position FROM action_item WHERE action_id = ?1"
    " ORDER BY position ASC",
  [STMT_ACTION_ITEMS_BACKWARD] =
    "SELECT entity, entity_id, before, version_after, position FROM action_item WHERE action_id = ?1"
    " ORDER BY position DESC",
  [STMT_ACTION_SET_UNDONE] = "UPDATE action_log SET undone = ?2 WHERE id = ?1",
  [STMT_ACTION_HAS_DONE] = "SELECT EXISTS (SELECT 1 FROM action_log WHERE undone = 0 AND actor = ?1)",
  [STMT_ACTION_HAS_UNDONE] = "SELECT EXISTS (SELECT 1 FROM action_log WHERE undone = 1 AND actor = ?1)",
  /* After an action of an actor (done, undone or redone): every item of that
   * actor's actions on the same projects takes their version now, so that
   * a later undo of any of them sees whether someone else came between. */
  [STMT_ACTION_ITEM_SET_VERSION] =
    "UPDATE action_item SET version_after = (SELECT version FROM project WHERE id = action_item.entity_id)"
    " WHERE entity = 'project'"
    " AND entity_id IN (SELECT entity_id FROM action_item WHERE action_id = ?1 AND entity = 'project')"
    " AND action_id IN (SELECT id FROM action_log WHERE actor = ?2)",

  /* One query for the whole list: the totals table holds the figures and the
   * number of partial implementers; the partial index implementer_one_main
   * finds the main implementer. */
  [STMT_PROJECT_SUMMARIES] = PROJECT_SUMMARY " ORDER BY p.code",
  [STMT_PROJECT_SUMMARY_ONE] = PROJECT_SUMMARY " WHERE p.id = ?1",
  /* What the agreements' rules read (hs_store_list_portfolio_projects):
   * the projects in id order, then their costs by year in the same order. */
  [STMT_PORTFOLIO_PROJECTS] =
    "SELECT p.id, p.agreement_id, p.call_id, p.status, t.project_id IS NOT NULL,"
    " t.total_costs, t.eu_state, t.city,"
    " EXISTS (SELECT 1 FROM proposal_item pi WHERE pi.project_id = p.id AND pi.call_id = p.call_id"
    "         AND pi.position > 0),"
    " d.kind, d.granted"
    " FROM project p LEFT JOIN project_totals t ON t.project_id = p.id"
    " LEFT JOIN decision d ON d.project_id = p.id AND d.in_force = 1"
    " ORDER BY p.id",
  [STMT_PORTFOLIO_YEARS] =
    "SELECT project_id, year, total_costs FROM project_year_totals ORDER BY project_id, year",

  /* Columns of every SUMMARISE_*: key, label, projects, then SUM_MONEY. */
  [STMT_SUMMARISE_AGREEMENT] =
    "SELECT p.agreement_id, a.region_name, COUNT (*)," SUM_MONEY ("t")
    " FROM project p JOIN project_totals t ON t.project_id = p.id"
    " LEFT JOIN agreement a ON a.id = p.agreement_id"
    WHERE_AGREEMENT
    " GROUP BY p.agreement_id ORDER BY p.agreement_id",
  [STMT_SUMMARISE_FOCUS_AREA] =
    "SELECT p.focus_area_id, f.name, COUNT (*)," SUM_MONEY ("t")
    " FROM project p JOIN project_totals t ON t.project_id = p.id"
    " LEFT JOIN focus_area f ON f.id = p.focus_area_id"
    WHERE_AGREEMENT
    " GROUP BY p.focus_area_id ORDER BY p.focus_area_id",
  [STMT_SUMMARISE_CITY] =
    "SELECT o.municipality, o.municipality, COUNT (DISTINCT i.project_id)," SUM_MONEY ("it")
    " FROM implementer_totals it"
    " JOIN implementer i ON i.id = it.implementer_id"
    " JOIN organisation o ON o.id = i.organisation_id"
    " JOIN project p ON p.id = i.project_id"
    WHERE_AGREEMENT
    " GROUP BY o.municipality ORDER BY o.municipality",
  [STMT_SUMMARISE_YEAR] =
    "SELECT y.year, y.year, COUNT (*), SUM (y.total_costs)"
    " FROM project_year_totals y JOIN project p ON p.id = y.project_id"
    WHERE_AGREEMENT
    " GROUP BY y.year ORDER BY y.year",
  [STMT_SUMMARISE_STATUS] =
    "SELECT p.status, p.status, COUNT (*)," SUM_MONEY ("t")
    " FROM project p JOIN project_totals t ON t.project_id = p.id"
    WHERE_AGREEMENT
    " GROUP BY p.status",
  /* One row: per source, the number of projects using it and its sum. */
  [STMT_SUMMARISE_SOURCE] =
    "SELECT COUNT (*) FILTER (WHERE t.eu_state > 0), SUM (t.eu_state),"
    " COUNT (*) FILTER (WHERE t.city > 0), SUM (t.city),"
    " COUNT (*) FILTER (WHERE t.other_public > 0), SUM (t.other_public),"
    " COUNT (*) FILTER (WHERE t.private > 0), SUM (t.private),"
    " COUNT (*) FILTER (WHERE t.own_public > 0), SUM (t.own_public),"
    " COUNT (*) FILTER (WHERE t.own_private > 0), SUM (t.own_private)"
    " FROM project p JOIN project_totals t ON t.project_id = p.id"
    WHERE_AGREEMENT,

  /* Every implementer with its own total costs, for the Organisations page:
   * one query over the implementer_organisation index and the totals kept
   * on write. */
  /* The EU part of EU and state support, on demand (hs_store_add_eu_parts):
   * key, EU part; the keys of the SUMMARISE_* statements. */
  [STMT_EU_AGREEMENT] = "SELECT p.agreement_id," SUM_EU EU_JOINS WHERE_AGREEMENT " GROUP BY p.agreement_id",
  [STMT_EU_FOCUS_AREA] = "SELECT p.focus_area_id," SUM_EU EU_JOINS WHERE_AGREEMENT " GROUP BY p.focus_area_id",
  [STMT_EU_CITY] =
    "SELECT o.municipality," SUM_EU EU_JOINS " JOIN organisation o ON o.id = i.organisation_id"
    WHERE_AGREEMENT " GROUP BY o.municipality",
  [STMT_EU_STATUS] = "SELECT p.status," SUM_EU EU_JOINS WHERE_AGREEMENT " GROUP BY p.status",
  [STMT_EU_SOURCE] = "SELECT 'eu-state'," SUM_EU EU_JOINS WHERE_AGREEMENT,
  /* Every project's EU part and its call's instrument. */
  [STMT_EU_PROJECTS] =
    "SELECT p.id, COALESCE (e.eu, 0), k.instrument FROM project p"
    " LEFT JOIN call k ON k.id = p.call_id"
    " LEFT JOIN (SELECT p.id AS project_id," SUM_EU " AS eu" EU_JOINS " GROUP BY p.id) e ON e.project_id = p.id",

  [STMT_ORGANISATION_ROLES] =
    "SELECT i.organisation_id, i.project_id, i.id, i.is_main, COALESCE (it.total_costs, 0)"
    " FROM implementer i"
    " JOIN project p ON p.id = i.project_id"
    " LEFT JOIN implementer_totals it ON it.implementer_id = i.id"
    " ORDER BY i.organisation_id, p.code, i.position",

  /* Reviews and proposals (hs-store-review.c) */
  [STMT_CRITERIA_LIST] =
    "SELECT id, call_id, key, kind, objective, name_fi, name_sv, name_en, weight, minimum, per_implementer, position FROM criterion WHERE call_id IS NULL OR call_id = ?1 ORDER BY call_id IS NOT NULL, position, id",
  [STMT_CRITERION_INSERT] =
    "INSERT INTO criterion (call_id, key, kind, objective, name_fi, name_sv, name_en, weight, minimum, per_implementer, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, (SELECT COALESCE (MAX (position) + 1, 0) FROM criterion WHERE call_id IS ?1))",
  [STMT_REVIEW_GET] =
    "SELECT processing_council, coordinating_council, change_open, change_made, change_starts, change_reason FROM review WHERE project_id = ?1",
  [STMT_REVIEW_SCORES] =
    "SELECT reviewer, criterion_id, organisation_id, score, justification, written, actor FROM review_score WHERE project_id = ?1 ORDER BY position",
  [STMT_REVIEW_CALL_SCORES] =
    "SELECT s.project_id, s.reviewer, s.criterion_id, s.organisation_id, s.score"
    " FROM review_score s JOIN project p ON p.id = s.project_id WHERE p.call_id = ?1 ORDER BY s.project_id, s.position",
  [STMT_REVIEW_COMMENTS] =
    "SELECT reviewer, text, written, actor FROM review_comment WHERE project_id = ?1 ORDER BY position",
  [STMT_REVIEW_DECISIONS] =
    "SELECT position, kind, change, version, number, decided_on, eligible_from, eligible_until, conditions, reason, decided_by, recorded, actor FROM decision WHERE project_id = ?1 ORDER BY position",
  [STMT_REVIEW_GRANTS] =
    "SELECT decision_position, organisation_id, applied, granted FROM decision_grant WHERE project_id = ?1 ORDER BY decision_position, position",
  [STMT_REVIEW_VERSIONS] =
    "SELECT number, kind, made, snapshot FROM project_version WHERE project_id = ?1 ORDER BY number",
  [STMT_REVIEW_DELETE] =
    "DELETE FROM review WHERE project_id = ?1",
  [STMT_REVIEW_INSERT] =
    "INSERT INTO review (project_id, processing_council, coordinating_council, change_open, change_made, change_starts, change_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_REVIEW_SCORE_INSERT] =
    "INSERT INTO review_score (project_id, position, reviewer, criterion_id, organisation_id, score, justification, written, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_REVIEW_COMMENT_INSERT] =
    "INSERT INTO review_comment (project_id, position, reviewer, text, written, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_DECISION_INSERT] =
    "INSERT INTO decision (project_id, position, kind, change, version, number, decided_on, eligible_from, eligible_until, conditions, reason, decided_by, recorded, actor, in_force, granted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
  [STMT_GRANT_INSERT] =
    "INSERT INTO decision_grant (project_id, decision_position, position, organisation_id, applied, granted) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_VERSION_INSERT] =
    "INSERT INTO project_version (project_id, number, kind, made, snapshot) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_REVIEW_LOCK] =
    "SELECT d.kind, d.version, r.change_open FROM review r JOIN decision d ON d.project_id = r.project_id AND d.in_force = 1 WHERE r.project_id = ?1",
  [STMT_VERSION_SNAPSHOT] =
    "SELECT snapshot FROM project_version WHERE project_id = ?1 AND number = ?2",
  [STMT_REVIEW_EXISTS] =
    "SELECT 1 FROM review WHERE project_id = ?1",
  [STMT_PROPOSAL_GET] =
    "SELECT meeting FROM proposal WHERE call_id = ?1",
  [STMT_PROPOSAL_ITEMS] =
    "SELECT project_id, position, reason FROM proposal_item WHERE call_id = ?1 ORDER BY ord",
  [STMT_PROPOSAL_DELETE] =
    "DELETE FROM proposal WHERE call_id = ?1",
  [STMT_PROPOSAL_INSERT] =
    "INSERT INTO proposal (call_id, meeting) VALUES (?1, ?2)",
  [STMT_PROPOSAL_ITEM_INSERT] =
    "INSERT INTO proposal_item (call_id, ord, project_id, position, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_PROPOSALS_OF_PROJECT] =
    "SELECT call_id FROM proposal_item WHERE project_id = ?1 ORDER BY call_id",
  [STMT_CRITERION_GET] =
    "SELECT id, call_id, key, kind, objective, name_fi, name_sv, name_en, weight, minimum, per_implementer, position FROM criterion WHERE id = ?1",
  [STMT_CRITERION_UPDATE] =
    "UPDATE criterion SET key = ?2, kind = ?3, objective = ?4, name_fi = ?5, name_sv = ?6, name_en = ?7, weight = ?8, minimum = ?9, per_implementer = ?10 WHERE id = ?1",
  [STMT_CRITERION_INSERT_AT] =
    "INSERT INTO criterion (id, call_id, key, kind, objective, name_fi, name_sv, name_en, weight, minimum, per_implementer, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [STMT_CRITERION_DELETE] =
    "DELETE FROM criterion WHERE id = ?1",
  [STMT_CRITERION_USES] =
    "SELECT count (*) FROM review_score WHERE criterion_id = ?1",
};

const char *
hs_store_sql (HsStmt id)
{
  g_return_val_if_fail (id < HS_N_STMTS, NULL);
  g_assert (sql[id] != NULL);

  return sql[id];
}

/* hs-portfolio-rules.h — the rules of an ecosystem agreement and of its calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/domain.md §2 puts the 60/40 ratio and the city's share of at least
 * 25 % at the level of the agreement, and a call has money for so many
 * projects: rules over many projects at once, which hs_validate_project ()
 * cannot see. A pure function from an agreement, its calls and a compact
 * line per project (HsPortfolioProject, made from a project as `check` and
 * the report walk them) to findings of the same HsFinding type.
 *
 * Which projects count (by their status):
 *   approved  approved, ongoing, closed: the money decided; what the
 *             agreement is held to (its findings are errors)
 *   proposed  submitted, under review: what the steering group and the
 *             intermediary still weigh; checked on their own, as the set of
 *             applications on the table (its findings are warnings)
 *   applying  approved and proposed together: what a call's applications
 *             ask for
 *   draft, rejected and withdrawn projects count nowhere.
 *
 * The codes, in rule order (the field names the group and the figure):
 *   1 agreement-support-over-limit         "agreement/approved/eu-state",
 *     (EU + state at most 60 % of          "agreement/proposed/eu-state"
 *     total costs)
 *   2 agreement-city-share-under-minimum   "agreement/approved/city",
 *     (city financing at least 25 %)       "agreement/proposed/city"
 *   3 agreement-yearly-allocation-over     "agreement/years/YEAR"
 *     (a warning: the approved projects' EU + state of a calendar year over
 *     the agreement's indicative yearly amount, when it is known; the EU
 *     part of it when the amount is EAKR money alone, as Kuopio's is)
 *   then for each call, in the order given:
 *   4 call-money-over-available            "calls/ID/money-available"
 *     (EU + state of the approved projects over the call's money: an
 *     error; of the applying ones: a warning)
 *   5 call-city-money-over-available       "calls/ID/city-money-available"
 *     (the same for the cities' financing and the call's city money)
 *     (approved projects count with the support their decision in force
 *     granted; between the approved and the applying ones, a warning when
 *     the applications the steering group proposed ask for more, a granted
 *     one counted with its grant:
 *     call-proposals-over-available, same field)
 *   6 call-projects-over-limit             "calls/ID/max-projects"
 *     (more approved projects than the call funds: an error; more
 *     applications: a warning)
 *
 * A project's EU + state support of a calendar year is its support in
 * proportion to its costs of that year (the budget is by year, the
 * financing plan is not): support × the costs up to the end of the year ÷
 * total costs, rounded half away from zero, less the same up to the end of
 * the year before, so that the years add up to the support to the cent.
 */
#pragma once

#include <glib.h>
#include "hs-enums.h"
#include "hs-lang.h"
#include "hs-project.h"
#include "hs-reference.h"
#include "hs-review.h"

G_BEGIN_DECLS

#define HS_PORTFOLIO_N_YEARS (HS_PROGRAMME_END_YEAR - HS_PROGRAMME_START_YEAR + 1)

typedef enum
{
  HS_PORTFOLIO_UNDECIDED,
  HS_PORTFOLIO_GRANTED,     /* a grant is in force (hs_review_decision_in_force) */
  HS_PORTFOLIO_REJECTED,
} HsPortfolioDecision;

/* What the rules need of one project: a plain struct (a GArray of them
 * needs no clear function). */
typedef struct
{
  gint64   id;
  gint64   agreement_id;
  gint64   call_id;                  /* 0: none */
  HsStatus status;
  gboolean totals_ok;                /* FALSE: its amounts do not add up (counted nowhere) */
  gint64   total_costs;
  gint64   eu_state;
  gint64   city;
  /* EU + state of each programme year (HS_PROGRAMME_START_YEAR first); the
   * share of costs in other years (an error of the project's own) is in
   * none of them */
  gint64   eu_state_by_year[HS_PORTFOLIO_N_YEARS];
  /* the review (hs-review.h), where the repository keeps one; a project
   * made from an HsProject alone is undecided and not proposed */
  gboolean            proposed;   /* the steering group proposed it in its call */
  HsPortfolioDecision decision;
  gint64              granted;    /* EU + state granted by the decision in force */
} HsPortfolioProject;

/* Fills @out from @project. */
void       hs_portfolio_project_init (HsPortfolioProject *out,
                                      const HsProject    *project);
/* Sets @out's total costs and its EU + state by year (from out->eu_state)
 * from the costs before the programme's first year and those of each of its
 * years: what a store that keeps costs by year (project_year_totals) fills
 * without loading the project. */
void       hs_portfolio_project_set_costs (HsPortfolioProject *out,
                                           gint64              total_costs,
                                           gint64              before,
                                           const gint64        in_year[HS_PORTFOLIO_N_YEARS]);

/* The findings of @agreement over its projects among @projects (a GArray
 * of HsPortfolioProject; others are skipped), then those of each call of
 * @calls (HsCall*) over every project of @projects that applies to it,
 * whatever its agreement. All in one pass over @projects. @agreement may be
 * NULL: only the calls' findings (for calls of no agreement). Messages in
 * @lang. A GPtrArray of HsFinding* (owns them), never NULL. */
GPtrArray *hs_portfolio_check        (const HsAgreement *agreement,
                                      GPtrArray         *calls,
                                      const GArray      *projects,
                                      HsLang             lang);

/* A call's money: available, applied for, proposed, granted and what
 * remains, over @projects (HsPortfolioProject) that apply to it. */
void       hs_call_money             (const HsCall       *call,
                                      const GArray       *projects,
                                      HsCallMoney        *out);

G_END_DECLS

/* hs-portfolio-rules.c — the rules of an ecosystem agreement and of its calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The groups, the rules and their order are in hs-portfolio-rules.h. Sums
 * are checked for overflow (a group whose sums overflow is not judged);
 * shares are compared exactly (hs_ratio_compare), as hs-validate.c does.
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-money.h"
#include "hs-cofinancing.h"
#include "hs-portfolio-rules.h"
#include "hs-validate.h"

/* ---- one project ------------------------------------------------------- */

void
hs_portfolio_project_init (HsPortfolioProject *out,
                           const HsProject    *project)
{
  gint64 before = 0, total = 0, eu_state = 0, city = 0;
  gint64 in_year[HS_PORTFOLIO_N_YEARS] = { 0, };
  gboolean ok = TRUE;

  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  g_return_if_fail (project != NULL);

  out->id = project->id;
  out->agreement_id = project->agreement_id;
  out->call_id = project->call_id;
  out->status = project->status;

  /* the sums hs_project_totals () gives, and the costs by year, in one
   * walk over the lines: this runs for every project `check` walks */
  for (guint i = 0; ok && i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      for (guint j = 0; ok && j < impl->budget->len; j++)
        {
          const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);

          ok = hs_money_add (total, line->amount, &total);
          /* costs after the programme's years are in no year's share */
          if (ok && line->year < HS_PROGRAMME_START_YEAR)
            ok = hs_money_add (before, line->amount, &before);
          else if (ok && line->year <= HS_PROGRAMME_END_YEAR)
            ok = hs_money_add (in_year[line->year - HS_PROGRAMME_START_YEAR], line->amount,
                               &in_year[line->year - HS_PROGRAMME_START_YEAR]);
        }
      for (guint j = 0; ok && j < impl->financing->len; j++)
        {
          const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, j);

          if (line->source == HS_SOURCE_EU_STATE)
            ok = hs_money_add (eu_state, line->amount, &eu_state);
          else if (line->source == HS_SOURCE_CITY)
            ok = hs_money_add (city, line->amount, &city);
        }
    }

  out->totals_ok = ok;
  if (!ok)
    return;
  out->eu_state = eu_state;
  out->city = city;
  hs_portfolio_project_set_costs (out, total, before, in_year);
}

void
hs_portfolio_project_set_costs (HsPortfolioProject *out,
                                gint64              total_costs,
                                gint64              before,
                                const gint64        in_year[HS_PORTFOLIO_N_YEARS])
{
  gint64 cumulative, shared = 0;

  g_return_if_fail (out != NULL);

  out->total_costs = total_costs;
  memset (out->eu_state_by_year, 0, sizeof out->eu_state_by_year);
  if (out->eu_state == 0 || total_costs == 0)
    return;

  /* support up to the end of each year, less that up to the year before */
  cumulative = before;
  if (!hs_money_scale (out->eu_state, cumulative, total_costs, &shared))
    return;
  for (guint y = 0; y < HS_PORTFOLIO_N_YEARS; y++)
    {
      gint64 upto;

      /* a year without costs has no share */
      if (in_year[y] == 0)
        continue;
      cumulative += in_year[y];
      if (!hs_money_scale (out->eu_state, cumulative, total_costs, &upto))
        return;
      out->eu_state_by_year[y] = upto - shared;
      shared = upto;
    }
}

/* ---- sums --------------------------------------------------------------- */

typedef struct
{
  guint    projects;
  gboolean overflow;
  gint64   total_costs;
  gint64   eu_state;
  gint64   city;
} Group;

static void
group_add (Group                    *group,
           const HsPortfolioProject *p)
{
  group->projects++;
  if (group->overflow)
    return;
  group->overflow = !hs_money_add (group->total_costs, p->total_costs, &group->total_costs) ||
                    !hs_money_add (group->eu_state, p->eu_state, &group->eu_state) ||
                    !hs_money_add (group->city, p->city, &group->city);
}

/* The support decided: what the decision in force granted, else (a project
 * approved without a recorded decision) what it applied for. */
static gint64
decided_support (const HsPortfolioProject *p)
{
  return p->decision == HS_PORTFOLIO_GRANTED ? p->granted : p->eu_state;
}

/* Approved projects count with the support granted to them. */
static void
group_add_decided (Group                    *group,
                   const HsPortfolioProject *p)
{
  HsPortfolioProject decided = *p;

  decided.eu_state = decided_support (p);
  group_add (group, &decided);
}

typedef struct
{
  const HsCall *call;
  Group         approved;
  Group         applying;
  Group         proposed;     /* the steering group's proposal */
} CallSums;

typedef enum
{
  COUNTS_NOWHERE,
  COUNTS_PROPOSED,
  COUNTS_APPROVED,
} Counts;

static Counts
counts_as (HsStatus status)
{
  switch (status)
    {
    case HS_STATUS_SUBMITTED:
    case HS_STATUS_UNDER_REVIEW:
      return COUNTS_PROPOSED;
    case HS_STATUS_APPROVED:
    case HS_STATUS_ONGOING:
    case HS_STATUS_CLOSED:
      return COUNTS_APPROVED;
    case HS_STATUS_DRAFT:
    case HS_STATUS_REJECTED:
    case HS_STATUS_WITHDRAWN:
    default:
      return COUNTS_NOWHERE;
    }
}

/* ---- findings ----------------------------------------------------------- */

static void add_finding (GPtrArray  *findings,
                         const char *code,
                         HsSeverity  severity,
                         char       *field,
                         const char *format,
                         ...) G_GNUC_PRINTF (5, 6);

/* Adds a finding; takes @field. */
static void
add_finding (GPtrArray  *findings,
             const char *code,
             HsSeverity  severity,
             char       *field,
             const char *format,
             ...)
{
  HsFinding *finding = g_new0 (HsFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  finding->code = g_strdup (code);
  finding->field = field;
  finding->severity = severity;
  g_ptr_array_add (findings, finding);
}

/* The largest x with x / total ≤ bp / 10000, and the smallest with ≥. */
static gint64
share_floor (gint64 total,
             gint32 bp)
{
  gint64 x = 0;

  if (!hs_money_apply_rate (total, bp, &x))
    return total;
  while (x > 0 && hs_ratio_compare (x, total, bp, HS_BP_WHOLE) > 0)
    x--;
  return x;
}

static gint64
share_ceiling (gint64 total,
               gint32 bp)
{
  gint64 x = 0;

  if (!hs_money_apply_rate (total, bp, &x))
    return total;
  while (hs_ratio_compare (x, total, bp, HS_BP_WHOLE) < 0)
    x++;
  return x;
}

/* 1. EU and state support at most 60 % of the group's total costs. */
static void
check_support (GPtrArray   *findings,
               const Group *group,
               gboolean     approved,
               HsLang       lang)
{
  const gint32 max_bp = HS_AGREEMENT_MAX_SUPPORT_BP;
  g_autofree char *share = NULL;
  g_autofree char *support = NULL;
  g_autofree char *costs = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *over = NULL;

  if (group->overflow || group->total_costs <= 0 || group->eu_state <= 0 ||
      hs_ratio_compare (group->eu_state, group->total_costs, max_bp, HS_BP_WHOLE) <= 0)
    return;

  share = hs_share_format_beside (group->eu_state, group->total_costs, max_bp, TRUE, lang);
  support = hs_money_format (group->eu_state, lang);
  costs = hs_money_format (group->total_costs, lang);
  limit = hs_rate_format_limit (max_bp, lang);
  over = hs_money_format (group->eu_state - share_floor (group->total_costs, max_bp), lang);

  if (approved)
    add_finding (findings, "agreement-support-over-limit", HS_SEVERITY_ERROR,
                 g_strdup ("agreement/approved/eu-state"),
                 /* Translators: "The approved projects of the agreement have EU and state
                  * support of 61,2 % of their total costs (612 000,00 € of 1 000 000,00 €);
                  * the agreement allows at most 60,0 % (12 000,00 € over the limit)" */
                 _("The approved projects of the agreement have EU and state support of %s of their "
                   "total costs (%s of %s); the agreement allows at most %s (%s over the limit)"),
                 share, support, costs, limit, over);
  else
    add_finding (findings, "agreement-support-over-limit", HS_SEVERITY_WARNING,
                 g_strdup ("agreement/proposed/eu-state"),
                 /* Translators: as the approved projects' message, for the submitted
                  * applications and those under review */
                 _("The proposed projects of the agreement (submitted or under review) ask for EU and "
                   "state support of %s of their total costs (%s of %s); the agreement allows at most "
                   "%s (%s over the limit)"),
                 share, support, costs, limit, over);
}

/* 2. City financing at least 25 % of the group's total costs. */
static void
check_city (GPtrArray   *findings,
            const Group *group,
            gboolean     approved,
            HsLang       lang)
{
  const gint32 min_bp = HS_AGREEMENT_MIN_CITY_BP;
  g_autofree char *share = NULL;
  g_autofree char *city = NULL;
  g_autofree char *costs = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *missing = NULL;

  if (group->overflow || group->total_costs <= 0 || group->city < 0 ||
      hs_ratio_compare (group->city, group->total_costs, min_bp, HS_BP_WHOLE) >= 0)
    return;

  share = hs_share_format_beside (group->city, group->total_costs, min_bp, FALSE, lang);
  city = hs_money_format (group->city, lang);
  costs = hs_money_format (group->total_costs, lang);
  limit = hs_rate_format_limit (min_bp, lang);
  missing = hs_money_format (share_ceiling (group->total_costs, min_bp) - group->city, lang);

  if (approved)
    add_finding (findings, "agreement-city-share-under-minimum", HS_SEVERITY_ERROR,
                 g_strdup ("agreement/approved/city"),
                 /* Translators: "City financing of the agreement's approved projects is
                  * 20,0 % of their total costs (200 000,00 € of 1 000 000,00 €); the
                  * agreement requires at least 25,0 % (50 000,00 € more is needed)" */
                 _("City financing of the agreement’s approved projects is %s of their total costs "
                   "(%s of %s); the agreement requires at least %s (%s more is needed)"),
                 share, city, costs, limit, missing);
  else
    add_finding (findings, "agreement-city-share-under-minimum", HS_SEVERITY_WARNING,
                 g_strdup ("agreement/proposed/city"),
                 _("City financing of the agreement’s proposed projects (submitted or under review) is %s "
                   "of their total costs (%s of %s); the agreement requires at least %s (%s more is needed)"),
                 share, city, costs, limit, missing);
}

/* 3. The approved projects' EU and state support of each calendar year
 * within the agreement's indicative amount a year. */
static void
check_years (GPtrArray         *findings,
             const gint64      *by_year,
             const gboolean    *overflow,
             const HsAgreement *agreement,
             HsLang             lang)
{
  gint64 indicative = agreement->indicative_per_year;

  if (indicative <= 0)
    return;

  for (guint y = 0; y < HS_PORTFOLIO_N_YEARS; y++)
    {
      int year = HS_PROGRAMME_START_YEAR + (int) y;
      g_autofree char *used = NULL;
      g_autofree char *limit = NULL;
      g_autofree char *over = NULL;

      gint64 support = by_year[y];

      /* an amount of EAKR money alone is held against the EU part of the
       * support (its co-financing category's share, hs-cofinancing.h) */
      if (overflow[y] || (agreement->indicative_erdf_only &&
                          !hs_money_apply_rate (support, hs_agreement_eu_share_bp (agreement), &support)) ||
          support <= indicative)
        continue;

      used = hs_money_format (support, lang);
      limit = hs_money_format (indicative, lang);
      over = hs_money_format (support - indicative, lang);
      if (agreement->indicative_erdf_only)
        add_finding (findings, "agreement-yearly-allocation-over", HS_SEVERITY_WARNING,
                     g_strdup_printf ("agreement/years/%d", year),
                     /* Translators: "In 2025 the agreement's approved projects have
                      * 520 000,00 € of ERDF money (the EU part of their support), over
                      * its indicative 450 000,00 € of ERDF a year by 70 000,00 €" */
                     _("In %d the agreement’s approved projects have %s of ERDF money (the EU part of "
                       "their support), over its indicative %s of ERDF a year by %s"),
                     year, used, limit, over);
      else
        add_finding (findings, "agreement-yearly-allocation-over", HS_SEVERITY_WARNING,
                     g_strdup_printf ("agreement/years/%d", year),
                     /* Translators: "In 2025 the agreement's approved projects have
                      * 520 000,00 € of EU and state support, over its indicative
                      * 450 000,00 € a year by 70 000,00 €" */
                     _("In %d the agreement’s approved projects have %s of EU and state support, "
                       "over its indicative %s a year by %s"),
                     year, used, limit, over);
    }
}

/* 4 and 5. The support (or the cities' financing) of a call's projects
 * within the money it has. */
static void
check_call_money (GPtrArray    *findings,
                  const CallSums *sums,
                  gboolean      city,
                  HsLang        lang)
{
  const HsCall *call = sums->call;
  gint64 available = city ? call->city_money_available : call->money_available;
  gint64 approved = city ? sums->approved.city : sums->approved.eu_state;
  gint64 applying = city ? sums->applying.city : sums->applying.eu_state;
  const char *code = city ? "call-city-money-over-available" : "call-money-over-available";
  g_autofree char *name = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *over = NULL;
  char *field;

  if (available <= 0)
    return;

  name = hs_call_dup_display_name (call, lang);
  limit = hs_money_format (available, lang);
  field = g_strdup_printf ("calls/%" G_GINT64_FORMAT "/%s", call->id,
                           city ? "city-money-available" : "money-available");

  if (!sums->approved.overflow && approved > available)
    {
      amount = hs_money_format (approved, lang);
      over = hs_money_format (approved - available, lang);
      if (city)
        add_finding (findings, code, HS_SEVERITY_ERROR, field,
                     /* Translators: "The projects approved under the call “Joensuu 2023”
                      * have 430 000,00 € of city financing; the call has 415 000,00 € of
                      * the cities' money (15 000,00 € more than it has)" */
                     _("The projects approved under the call “%s” have %s of city financing; the call "
                       "has %s of the cities’ money (%s more than it has)"),
                     name, amount, limit, over);
      else
        add_finding (findings, code, HS_SEVERITY_ERROR, field,
                     _("The projects approved under the call “%s” have %s of EU and state support; the "
                       "call has %s (%s more than it has)"),
                     name, amount, limit, over);
    }
  else if (!city && !sums->proposed.overflow && sums->proposed.eu_state > available)
    {
      amount = hs_money_format (sums->proposed.eu_state, lang);
      over = hs_money_format (sums->proposed.eu_state - available, lang);
      add_finding (findings, "call-proposals-over-available", HS_SEVERITY_WARNING, field,
                   /* Translators: "The applications proposed for funding under the call
                    * “Pori 2/2023” ask for 1 200 000,00 € of EU and state support; the call
                    * has 1 000 000,00 € (200 000,00 € more than it has)" */
                   _("The applications proposed for funding under the call “%s” ask for %s of EU and "
                     "state support; the call has %s (%s more than it has)"),
                   name, amount, limit, over);
    }
  else if (!sums->applying.overflow && applying > available)
    {
      amount = hs_money_format (applying, lang);
      over = hs_money_format (applying - available, lang);
      if (city)
        add_finding (findings, code, HS_SEVERITY_WARNING, field,
                     /* Translators: the applications are those submitted, under review
                      * or approved; "…ask for 500 000,00 € of city financing; the call has
                      * 415 000,00 € of the cities' money (85 000,00 € more than it has)" */
                     _("The applications to the call “%s” ask for %s of city financing; the call has "
                       "%s of the cities’ money (%s more than it has)"),
                     name, amount, limit, over);
      else
        add_finding (findings, code, HS_SEVERITY_WARNING, field,
                     _("The applications to the call “%s” ask for %s of EU and state support; the call "
                       "has %s (%s more than it has)"),
                     name, amount, limit, over);
    }
  else
    g_free (field);
}

/* 6. No more projects than the call funds. */
static void
check_call_projects (GPtrArray      *findings,
                     const CallSums *sums,
                     HsLang          lang)
{
  const HsCall *call = sums->call;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  char *field;

  if (call->max_projects == 0 || sums->applying.projects <= call->max_projects)
    return;

  name = hs_call_dup_display_name (call, lang);
  field = g_strdup_printf ("calls/%" G_GINT64_FORMAT "/max-projects", call->id);

  if (sums->approved.projects > call->max_projects)
    {
      /* Translators: "The call “HEVi 1/2023” funds at most 1 project, but 2 are
       * approved"; the plural follows the call's number, the second number
       * is always more than one */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The call “%s” funds at most %u project, but %u are approved",
                                           "The call “%s” funds at most %u projects, but %u are approved",
                                           call->max_projects),
                              name, call->max_projects, sums->approved.projects);
      add_finding (findings, "call-projects-over-limit", HS_SEVERITY_ERROR, field, "%s", text);
    }
  else
    {
      /* Translators: "The call “HEVi 1/2023” funds at most 1 project, but 3 apply to it
       * (submitted, under review or approved)" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The call “%s” funds at most %u project, but %u apply to it "
                                           "(submitted, under review or approved)",
                                           "The call “%s” funds at most %u projects, but %u apply to it "
                                           "(submitted, under review or approved)",
                                           call->max_projects),
                              name, call->max_projects, sums->applying.projects);
      add_finding (findings, "call-projects-over-limit", HS_SEVERITY_WARNING, field, "%s", text);
    }
}

GPtrArray *
hs_portfolio_check (const HsAgreement *agreement,
                    GPtrArray         *calls,
                    const GArray      *projects,
                    HsLang             lang)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_finding_free);
  g_autoptr(GHashTable) call_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree CallSums *call_sums = NULL;
  guint n_calls = calls != NULL ? calls->len : 0;
  Group approved = { 0, }, proposed = { 0, };
  gint64 by_year[HS_PORTFOLIO_N_YEARS] = { 0, };
  gboolean year_overflow[HS_PORTFOLIO_N_YEARS] = { FALSE, };

  g_return_val_if_fail (projects != NULL, findings);

  call_sums = g_new0 (CallSums, MAX (n_calls, 1));
  for (guint i = 0; i < n_calls; i++)
    {
      const HsCall *call = g_ptr_array_index (calls, i);

      call_sums[i].call = call;
      g_hash_table_insert (call_index, (gpointer) &call->id, &call_sums[i]);
    }

  for (guint i = 0; i < projects->len; i++)
    {
      const HsPortfolioProject *p = &g_array_index (projects, HsPortfolioProject, i);
      Counts counts = counts_as (p->status);
      CallSums *sums;

      if (counts == COUNTS_NOWHERE || !p->totals_ok)
        continue;

      if (agreement != NULL && p->agreement_id == agreement->id)
        {
          if (counts == COUNTS_APPROVED)
            {
              group_add_decided (&approved, p);
              for (guint y = 0; y < HS_PORTFOLIO_N_YEARS; y++)
                if (!year_overflow[y])
                  year_overflow[y] = !hs_money_add (by_year[y], p->eu_state_by_year[y], &by_year[y]);
            }
          else
            group_add (&proposed, p);
        }

      /* an agreement has a call or two: a look along them is quicker
       * than the table, which is there for many */
      sums = NULL;
      if (p->call_id != 0 && n_calls <= 8)
        {
          for (guint c = 0; c < n_calls && sums == NULL; c++)
            if (call_sums[c].call->id == p->call_id)
              sums = &call_sums[c];
        }
      else if (p->call_id != 0)
        sums = g_hash_table_lookup (call_index, &p->call_id);
      if (sums != NULL)
        {
          group_add (&sums->applying, p);
          if (counts == COUNTS_APPROVED)
            group_add_decided (&sums->approved, p);
          if (p->proposed && counts != COUNTS_NOWHERE)
            group_add_decided (&sums->proposed, p);   /* a granted one with its grant */
        }
    }

  if (agreement != NULL)
    {
      check_support (findings, &approved, TRUE, lang);
      check_support (findings, &proposed, FALSE, lang);
      check_city (findings, &approved, TRUE, lang);
      check_city (findings, &proposed, FALSE, lang);
      check_years (findings, by_year, year_overflow, agreement, lang);
    }

  for (guint i = 0; i < n_calls; i++)
    {
      check_call_money (findings, &call_sums[i], FALSE, lang);
      check_call_money (findings, &call_sums[i], TRUE, lang);
      check_call_projects (findings, &call_sums[i], lang);
    }

  return findings;
}

void
hs_call_money (const HsCall *call,
               const GArray *projects,
               HsCallMoney  *out)
{
  g_return_if_fail (call != NULL && projects != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  out->available = call->money_available > 0 ? call->money_available : -1;
  for (guint i = 0; i < projects->len; i++)
    {
      const HsPortfolioProject *p = &g_array_index (projects, HsPortfolioProject, i);

      if (p->call_id != call->id || !p->totals_ok)
        continue;
      if (p->decision == HS_PORTFOLIO_REJECTED)
        out->rejections++;
      if (counts_as (p->status) == COUNTS_NOWHERE && p->decision != HS_PORTFOLIO_REJECTED)
        continue;
      /* sums of stored cents, each within gint64; a portfolio's support is
       * far from its range, and a sum that would leave it stops growing */
      out->applications++;
      if (!hs_money_add (out->applied, p->eu_state, &out->applied))
        out->applied = G_MAXINT64;
      if (p->proposed)
        {
          out->proposals++;
          if (!hs_money_add (out->proposed, p->eu_state, &out->proposed))
            out->proposed = G_MAXINT64;
        }
      if (p->decision == HS_PORTFOLIO_GRANTED)
        {
          out->grants++;
          if (!hs_money_add (out->granted, p->granted, &out->granted))
            out->granted = G_MAXINT64;
        }
    }
  out->remaining = out->available >= 0 ? out->available - out->granted : -1;
}

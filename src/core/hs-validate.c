/* hs-validate.c — the funding rules as a pure function from a project to findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of docs/domain.md §2–§5, checked in a fixed order. Each finding
 * has a stable code, the field it concerns, a severity and a translated
 * message that names the numbers in the context's language. Shares are
 * compared exactly, as products of integers (support × 10000 against
 * limit × total costs), never through rounded rates, so 60,00 % passes and
 * 60,01 % does not.
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hs-date.h"
#include "hs-money.h"
#include "hs-validate.h"
#include "hs-ytunnus.h"

void
hs_finding_free (HsFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->code);
  g_free (finding->field);
  g_free (finding->message);
  g_free (finding);
}

gboolean
hs_finding_blocks_storing (const HsFinding *finding)
{
  g_return_val_if_fail (finding != NULL, FALSE);

  /* the store's CHECK constraints: amounts and targets of zero or more */
  return g_strcmp0 (finding->code, "negative-amount") == 0 ||
         g_strcmp0 (finding->code, "indicator-target-negative") == 0;
}

guint
hs_findings_count_errors (GPtrArray *findings)
{
  guint errors = 0;

  g_return_val_if_fail (findings != NULL, 0);

  for (guint i = 0; i < findings->len; i++)
    {
      const HsFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == HS_SEVERITY_ERROR)
        errors++;
    }

  return errors;
}

/* ---------------------------------------------------------------------- */
/* Exact comparison of products                                           */
/* ---------------------------------------------------------------------- */

/* The 128-bit product of @a and @b as two 64-bit halves. */
static void
multiply (guint64  a,
          guint64  b,
          guint64 *hi,
          guint64 *lo)
{
  guint64 a_lo = a & G_MAXUINT32, a_hi = a >> 32;
  guint64 b_lo = b & G_MAXUINT32, b_hi = b >> 32;
  guint64 lo_lo = a_lo * b_lo;
  guint64 hi_lo = a_hi * b_lo;
  guint64 lo_hi = a_lo * b_hi;
  guint64 middle = (lo_lo >> 32) + (hi_lo & G_MAXUINT32) + (lo_hi & G_MAXUINT32);

  *hi = a_hi * b_hi + (hi_lo >> 32) + (lo_hi >> 32) + (middle >> 32);
  *lo = (middle << 32) | (lo_lo & G_MAXUINT32);
}

/* Sign of @a × @b − @c × @d, for non-negative factors. */
static int
compare_products (gint64 a,
                  gint64 b,
                  gint64 c,
                  gint64 d)
{
  guint64 left_hi, left_lo, right_hi, right_lo;

  g_assert (a >= 0 && b >= 0 && c >= 0 && d >= 0);

  multiply ((guint64) a, (guint64) b, &left_hi, &left_lo);
  multiply ((guint64) c, (guint64) d, &right_hi, &right_lo);

  if (left_hi != right_hi)
    return left_hi < right_hi ? -1 : 1;
  if (left_lo != right_lo)
    return left_lo < right_lo ? -1 : 1;
  return 0;
}

/* The largest amount x with x × 10000 ≤ @bp × @total (floor). */
static gint64
share_floor (gint64 total,
             gint32 bp)
{
  gint64 x = 0;

  if (!hs_money_apply_rate (total, bp, &x))
    x = total;
  while (x > 0 && compare_products (x, HS_BP_WHOLE, bp, total) > 0)
    x--;
  while (compare_products (x + 1, HS_BP_WHOLE, bp, total) <= 0)
    x++;
  return x;
}

/* The smallest amount x with x × 10000 ≥ @bp × @total (ceiling). */
static gint64
share_ceiling (gint64 total,
               gint32 bp)
{
  gint64 x = 0;

  if (!hs_money_apply_rate (total, bp, &x))
    x = total;
  while (compare_products (x, HS_BP_WHOLE, bp, total) < 0)
    x++;
  while (x > 0 && compare_products (x - 1, HS_BP_WHOLE, bp, total) >= 0)
    x--;
  return x;
}

/* A limit from a call as a share between 0 and 100 %. */
static gint32
clamp_bp (gint32 bp)
{
  return CLAMP (bp, 0, HS_BP_WHOLE);
}

/* ---------------------------------------------------------------------- */
/* Findings                                                               */
/* ---------------------------------------------------------------------- */

typedef struct
{
  const HsProject     *project;
  const HsCall        *call;        /* the call, or the programme defaults */
  gboolean             has_call;    /* whether the context named a call */
  const HsFocusArea   *focus_area;
  const char          *unlisted_focus_area;
  const HsAgreement   *agreement;   /* NULL when not known */
  HsLang               lang;
  GPtrArray           *findings;
  gboolean             totals_ok;
  HsTotals             totals;
} Check;

static void add_finding (Check       *check,
                         const char  *code,
                         HsSeverity   severity,
                         char        *field,
                         const char  *format,
                         ...) G_GNUC_PRINTF (5, 6);

/* Adds a finding; takes @field. */
static void
add_finding (Check       *check,
             const char  *code,
             HsSeverity   severity,
             char        *field,
             const char  *format,
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
  g_ptr_array_add (check->findings, finding);
}

static char *
money (const Check *check,
       gint64       cents)
{
  return hs_money_format (cents, check->lang);
}

static char *
date (const Check *check,
      const GDate *value)
{
  return hs_date_format (value, check->lang);
}

/* The name of the implementer's organisation, for messages. */
static const char *
implementer_name (const HsImplementer *impl,
                  guint                index,
                  char               **to_free)
{
  if (impl->organisation != NULL &&
      impl->organisation->name != NULL &&
      *impl->organisation->name != '\0')
    return impl->organisation->name;

  /* Translators: an implementer without an organisation name; %u is its number */
  *to_free = g_strdup_printf (_("Implementer %u"), index + 1);
  return *to_free;
}

#define IMPLEMENTER(check, i) \
  ((const HsImplementer *) g_ptr_array_index ((check)->project->implementers, (i)))

/* ---------------------------------------------------------------------- */
/* The rules                                                              */
/* ---------------------------------------------------------------------- */

/* 1. Exactly one main implementer. */
static void
check_main_implementer (Check *check)
{
  const GPtrArray *implementers = check->project->implementers;
  guint mains = 0;
  guint second = 0;

  for (guint i = 0; i < implementers->len; i++)
    {
      if (IMPLEMENTER (check, i)->is_main && ++mains == 2)
        second = i;
    }

  if (mains == 0)
    add_finding (check, "main-implementer-missing", HS_SEVERITY_ERROR,
                 g_strdup ("implementers"),
                 "%s", _("The project has no main implementer"));
  else if (mains > 1)
    add_finding (check, "main-implementer-multiple", HS_SEVERITY_ERROR,
                 g_strdup_printf ("implementers/%u/main", second),
                 _("The project has %u main implementers; it must have exactly one"),
                 mains);
}

/* 2. Each implementer's financing covers its costs to the cent. */
static void
check_financing_matches (Check *check)
{
  for (guint i = 0; i < check->project->implementers->len; i++)
    {
      const HsImplementer *impl = IMPLEMENTER (check, i);
      g_autofree char *name_buf = NULL;
      g_autofree char *financing = NULL;
      g_autofree char *costs = NULL;
      g_autofree char *difference = NULL;
      const char *name;
      HsTotals totals;
      gint64 diff;

      /* an overflow is reported once, by the totals rule */
      if (!hs_implementer_totals (impl, &totals, NULL) ||
          totals.total_financing == totals.total_costs ||
          !hs_money_sub (totals.total_costs, totals.total_financing, &diff))
        continue;

      name = implementer_name (impl, i, &name_buf);
      financing = money (check, totals.total_financing);
      costs = money (check, totals.total_costs);
      difference = money (check, diff > 0 ? diff : -diff);

      if (diff > 0)
        add_finding (check, "financing-mismatch", HS_SEVERITY_ERROR,
                     g_strdup_printf ("implementers/%u/financing", i),
                     /* Translators: "Espoon kaupunki: financing is 120 000,00 € but
                      * costs are 125 000,00 €; 5 000,00 € is not covered" */
                     _("%s: financing is %s but costs are %s; %s is not covered"),
                     name, financing, costs, difference);
      else
        add_finding (check, "financing-mismatch", HS_SEVERITY_ERROR,
                     g_strdup_printf ("implementers/%u/financing", i),
                     _("%s: financing is %s but costs are %s; financing exceeds costs by %s"),
                     name, financing, costs, difference);
    }
}

/* 3. EU and state support at most the call's share of total costs. */
static void
check_support_rate (Check *check)
{
  gint64 total = check->totals.total_costs;
  gint64 support = check->totals.financing[HS_SOURCE_EU_STATE];
  gint32 max_bp = clamp_bp (check->call->max_support_bp);
  g_autofree char *share = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *over = NULL;

  if (!check->totals_ok || total <= 0 || support <= 0 ||
      compare_products (support, HS_BP_WHOLE, max_bp, total) <= 0)
    return;

  share = hs_share_format_beside (support, total, max_bp, TRUE, check->lang);
  limit = hs_rate_format_limit (max_bp, check->lang);
  over = money (check, support - share_floor (total, max_bp));

  if (check->has_call)
    {
      g_autofree char *name = hs_call_dup_display_name (check->call, check->lang);

      add_finding (check, "support-rate-over-limit", HS_SEVERITY_ERROR,
                   g_strdup ("financing/eu-state"),
                   /* Translators: "EU and state support is 62,4 % of total costs;
                    * the call “PKS 1/2024” allows at most 60,0 % (2 400,00 € over the limit)" */
                   _("EU and state support is %s of total costs; the call “%s” allows at most %s (%s over the limit)"),
                   share, name, limit, over);
    }
  else
    add_finding (check, "support-rate-over-limit", HS_SEVERITY_ERROR,
                 g_strdup ("financing/eu-state"),
                 _("EU and state support is %s of total costs; the programme allows at most %s (%s over the limit)"),
                 share, limit, over);
}

/* 3b. One implementer's own EU and state support over the call's share of
 * its own costs: allowed (the limit holds for the project), but worth a
 * warning — the others must make up for it, and a council may ask. */
static void
check_implementer_support_rates (Check *check)
{
  gint32 max_bp = clamp_bp (check->call->max_support_bp);

  /* with only one implementer, or with the project itself over the share,
   * the project's own rule says it all */
  if (check->project->implementers->len < 2 || !check->totals_ok || check->totals.total_costs <= 0 ||
      compare_products (check->totals.financing[HS_SOURCE_EU_STATE], HS_BP_WHOLE, max_bp,
                        check->totals.total_costs) > 0)
    return;

  for (guint i = 0; i < check->project->implementers->len; i++)
    {
      const HsImplementer *impl = IMPLEMENTER (check, i);
      g_autofree char *name_buf = NULL;
      g_autofree char *share = NULL;
      g_autofree char *limit = NULL;
      g_autofree char *over = NULL;
      HsTotals totals;
      gint64 support;

      if (!hs_implementer_totals (impl, &totals, NULL) || totals.total_costs <= 0)
        continue;
      support = totals.financing[HS_SOURCE_EU_STATE];
      if (support <= 0 || compare_products (support, HS_BP_WHOLE, max_bp, totals.total_costs) <= 0)
        continue;

      share = hs_share_format_beside (support, totals.total_costs, max_bp, TRUE, check->lang);
      limit = hs_rate_format_limit (max_bp, check->lang);
      over = money (check, support - share_floor (totals.total_costs, max_bp));
      add_finding (check, "implementer-support-rate-over-limit", HS_SEVERITY_WARNING,
                   g_strdup_printf ("implementers/%u/financing/eu-state", i),
                   /* Translators: "Aalto-yliopisto: EU and state support is 70,0 % of its
                    * own costs, over the 60,0 % allowed for the project (7 000,00 €
                    * over); the other implementers make up for it" */
                   _("%s: EU and state support is %s of its own costs, over the %s allowed "
                     "for the project (%s over); the other implementers make up for it"),
                   implementer_name (impl, i, &name_buf), share, limit, over);
    }
}

/* 3c. EU and state support at most the call's maximum in euros, when the
 * call sets one (HEVi's coordination call: 1 200 000 €). */
static void
check_support_maximum (Check *check)
{
  gint64 support = check->totals.financing[HS_SOURCE_EU_STATE];
  gint64 max_support = check->call->max_support;
  g_autofree char *name = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *over = NULL;

  if (!check->has_call || !check->totals_ok || max_support <= 0 || support <= max_support)
    return;

  name = hs_call_dup_display_name (check->call, check->lang);
  amount = money (check, support);
  limit = money (check, max_support);
  over = money (check, support - max_support);
  add_finding (check, "support-over-call-maximum", HS_SEVERITY_ERROR,
               g_strdup ("financing/eu-state"),
               /* Translators: "EU and state support is 1 250 000,00 €; the call “HEVi
                * 1/2023” gives a project at most 1 200 000,00 € (50 000,00 € over)" */
               _("EU and state support is %s; the call “%s” gives a project at most %s (%s over)"),
               amount, name, limit, over);
}

/* 4. City financing at least the call's share of total costs, only when
 * the call sets a minimum: the programme's 25 % holds for the agreement as
 * a whole (hs-portfolio-rules.c), not for each project. */
static void
check_city_share (Check *check)
{
  gint64 total = check->totals.total_costs;
  gint64 city = check->totals.financing[HS_SOURCE_CITY];
  gint32 min_bp = clamp_bp (check->call->min_city_bp);
  g_autofree char *name = NULL;
  g_autofree char *share = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *missing = NULL;

  if (!check->totals_ok || total <= 0 || min_bp == 0 || city < 0 ||
      compare_products (city, HS_BP_WHOLE, min_bp, total) >= 0)
    return;

  name = hs_call_dup_display_name (check->call, check->lang);
  share = hs_share_format_beside (city, total, min_bp, FALSE, check->lang);
  limit = hs_rate_format_limit (min_bp, check->lang);
  missing = money (check, share_ceiling (total, min_bp) - city);

  add_finding (check, "city-share-under-minimum", HS_SEVERITY_ERROR,
               g_strdup ("financing/city"),
               /* Translators: "City financing is 20,0 % of total costs; the call “Pori
                * 2/2023” requires at least 25,0 % (17 500,00 € more is needed)" */
               _("City financing is %s of total costs; the call “%s” requires at least %s (%s more is needed)"),
               share, name, limit, missing);
}

/* 4b. City financing at most the call's share, when the call sets one
 * (Joensuu 2023: the city covers up to 25 %). */
static void
check_city_maximum (Check *check)
{
  gint64 total = check->totals.total_costs;
  gint64 city = check->totals.financing[HS_SOURCE_CITY];
  gint32 max_bp = clamp_bp (check->call->max_city_bp);
  g_autofree char *name = NULL;
  g_autofree char *share = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *over = NULL;

  if (!check->has_call || !check->totals_ok || total <= 0 || max_bp == 0 || city <= 0 ||
      compare_products (city, HS_BP_WHOLE, max_bp, total) <= 0)
    return;

  name = hs_call_dup_display_name (check->call, check->lang);
  share = hs_share_format_beside (city, total, max_bp, TRUE, check->lang);
  limit = hs_rate_format_limit (max_bp, check->lang);
  over = money (check, city - share_floor (total, max_bp));

  add_finding (check, "city-share-over-maximum", HS_SEVERITY_ERROR,
               g_strdup ("financing/city"),
               /* Translators: "City financing is 30,0 % of total costs; the call “Joensuu
                * 2023” allows at most 25,0 % (17 500,00 € over the limit)" */
               _("City financing is %s of total costs; the call “%s” allows at most %s (%s over the limit)"),
               share, name, limit, over);
}

/* 5. Own financing (public and private) at least the call's share. */
static void
check_own_share (Check *check)
{
  gint64 total = check->totals.total_costs;
  gint32 min_bp = clamp_bp (check->call->min_own_bp);
  g_autofree char *share = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *missing = NULL;
  gint64 own;

  if (!check->totals_ok || total <= 0 || min_bp == 0 ||
      !hs_money_add (check->totals.financing[HS_SOURCE_OWN_PUBLIC],
                     check->totals.financing[HS_SOURCE_OWN_PRIVATE], &own) ||
      own < 0 ||
      compare_products (own, HS_BP_WHOLE, min_bp, total) >= 0)
    return;

  share = hs_share_format_beside (own, total, min_bp, FALSE, check->lang);
  limit = hs_rate_format_limit (min_bp, check->lang);
  missing = money (check, share_ceiling (total, min_bp) - own);

  {
    g_autofree char *name = hs_call_dup_display_name (check->call, check->lang);

    add_finding (check, "own-share-under-minimum", HS_SEVERITY_ERROR,
                 g_strdup ("financing/own"),
                 /* Translators: "Own financing is 9,0 % of total costs; the call “Joensuu
                  * 2023” requires at least 15,0 % (6 000,00 € more is needed)" */
                 _("Own financing is %s of total costs; the call “%s” requires at least %s (%s more is needed)"),
                 share, name, limit, missing);
  }
}

/* 6. Start and end dates, in order, within the call's length and the
 * programme's eligibility period (both dates), and (6b) the end within the
 * agreement's. */
static void
check_schedule (Check *check)
{
  const GDate *start = &check->project->start_date;
  const GDate *end = &check->project->end_date;
  guint max_months = check->call->max_duration_months;
  GDate first_day;
  GDate last_day;

  if (!g_date_valid (start))
    add_finding (check, "schedule-missing", HS_SEVERITY_ERROR,
                 g_strdup ("schedule/start"),
                 "%s", _("The project has no start date"));
  if (!g_date_valid (end))
    add_finding (check, "schedule-missing", HS_SEVERITY_ERROR,
                 g_strdup ("schedule/end"),
                 "%s", _("The project has no end date"));
  if (!g_date_valid (start) || !g_date_valid (end))
    return;

  if (g_date_compare (end, start) < 0)
    {
      g_autofree char *start_text = date (check, start);
      g_autofree char *end_text = date (check, end);

      add_finding (check, "schedule-reversed", HS_SEVERITY_ERROR,
                   g_strdup ("schedule/end"),
                   _("The project ends on %s, before it starts on %s"),
                   end_text, start_text);
      return;
    }

  if (max_months > 0)
    {
      guint months = hs_date_months_between (start, end);

      if (months > max_months)
        {
          g_autofree char *name = hs_call_dup_display_name (check->call, check->lang);

          add_finding (check, "schedule-too-long", HS_SEVERITY_ERROR,
                       g_strdup ("schedule/end"),
                       /* Translators: "The project lasts 36 months; the call “Joensuu 2023”
                        * allows at most 24" */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The project lasts %u month; the call “%s” allows at most %u",
                                    "The project lasts %u months; the call “%s” allows at most %u",
                                    months),
                       months, name, max_months);
        }
    }

  g_date_clear (&first_day, 1);
  g_date_set_dmy (&first_day, 1, G_DATE_JANUARY, HS_PROGRAMME_START_YEAR);
  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 31, G_DATE_DECEMBER, HS_PROGRAMME_END_YEAR);

  /* each date on its own: a start after the period or an end before it
   * is as wrong as a project that runs over one of its edges */
  if (g_date_compare (start, &first_day) < 0)
    {
      g_autofree char *start_text = date (check, start);
      g_autofree char *limit_text = date (check, &first_day);

      add_finding (check, "schedule-outside-programme", HS_SEVERITY_ERROR,
                   g_strdup ("schedule/start"),
                   _("The project starts on %s; costs are eligible only from %s"),
                   start_text, limit_text);
    }
  else if (g_date_compare (start, &last_day) > 0)
    {
      g_autofree char *start_text = date (check, start);
      g_autofree char *limit_text = date (check, &last_day);

      add_finding (check, "schedule-outside-programme", HS_SEVERITY_ERROR,
                   g_strdup ("schedule/start"),
                   /* Translators: "The project starts on 1.3.2030; costs are eligible only until 31.12.2029" */
                   _("The project starts on %s; costs are eligible only until %s"),
                   start_text, limit_text);
    }
  if (g_date_compare (end, &last_day) > 0)
    {
      g_autofree char *end_text = date (check, end);
      g_autofree char *limit_text = date (check, &last_day);

      add_finding (check, "schedule-outside-programme", HS_SEVERITY_ERROR,
                   g_strdup ("schedule/end"),
                   _("The project ends on %s; costs are eligible only until %s"),
                   end_text, limit_text);
    }
  else if (g_date_compare (end, &first_day) < 0)
    {
      g_autofree char *end_text = date (check, end);
      g_autofree char *limit_text = date (check, &first_day);

      add_finding (check, "schedule-outside-programme", HS_SEVERITY_ERROR,
                   g_strdup ("schedule/end"),
                   /* Translators: "The project ends on 31.12.2020; costs are eligible only from 1.1.2021" */
                   _("The project ends on %s; costs are eligible only from %s"),
                   end_text, limit_text);
    }

  /* 6b. The end within the project's ecosystem agreement (31.12.2027): a
   * warning, as an agreement may be extended, but the money is the
   * agreement's. */
  if (check->agreement != NULL && g_date_valid (&check->agreement->end_date) &&
      g_date_compare (end, &check->agreement->end_date) > 0)
    {
      g_autofree char *end_text = date (check, end);
      g_autofree char *limit_text = date (check, &check->agreement->end_date);

      add_finding (check, "schedule-after-agreement", HS_SEVERITY_WARNING,
                   g_strdup ("schedule/end"),
                   /* Translators: "The project ends on 30.6.2028, after its ecosystem
                    * agreement ends on 31.12.2027" */
                   _("The project ends on %s, after its ecosystem agreement ends on %s"),
                   end_text, limit_text);
    }
}

/* 6c. The application submitted while the call was open: its first change
 * to “submitted” (a later one, after a return to draft, completes the same
 * application) on or after the call's open date and on or before its close
 * date, where the call has them. */
static void
check_submission_date (Check *check)
{
  const GArray *history = check->project->history;
  const GDate *open = &check->call->open_date;
  const GDate *close = &check->call->close_date;

  if (!check->has_call || (!g_date_valid (open) && !g_date_valid (close)))
    return;

  for (guint i = 0; i < history->len; i++)
    {
      const HsStatusChange *change = &g_array_index (history, HsStatusChange, i);
      g_autofree char *name = NULL;
      g_autofree char *when = NULL;
      g_autofree char *limit = NULL;

      if (change->status != HS_STATUS_SUBMITTED)
        continue;
      if (!g_date_valid (&change->date))
        return;

      if (g_date_valid (close) && g_date_compare (&change->date, close) > 0)
        {
          name = hs_call_dup_display_name (check->call, check->lang);
          when = date (check, &change->date);
          limit = date (check, close);
          add_finding (check, "submitted-outside-call", HS_SEVERITY_ERROR,
                       g_strdup_printf ("status/history/%u", i),
                       /* Translators: "The application was submitted on 5.1.2024, after
                        * the call “Pori 2/2023” closed on 31.12.2023" */
                       _("The application was submitted on %s, after the call “%s” closed on %s"),
                       when, name, limit);
        }
      else if (g_date_valid (open) && g_date_compare (&change->date, open) < 0)
        {
          name = hs_call_dup_display_name (check->call, check->lang);
          when = date (check, &change->date);
          limit = date (check, open);
          add_finding (check, "submitted-outside-call", HS_SEVERITY_ERROR,
                       g_strdup_printf ("status/history/%u", i),
                       /* Translators: "The application was submitted on 1.10.2023, before
                        * the call “Pori 2/2023” opened on 18.10.2023" */
                       _("The application was submitted on %s, before the call “%s” opened on %s"),
                       when, name, limit);
        }
      return;
    }
}

/* 7. Every budget year within the schedule's years. */
static void
check_budget_years (Check *check)
{
  const GDate *start = &check->project->start_date;
  const GDate *end = &check->project->end_date;
  int first_year, last_year;

  if (!g_date_valid (start) || !g_date_valid (end) || g_date_compare (end, start) < 0)
    return;

  first_year = g_date_get_year (start);
  last_year = g_date_get_year (end);

  for (guint i = 0; i < check->project->implementers->len; i++)
    {
      const HsImplementer *impl = IMPLEMENTER (check, i);
      g_autoptr(GHashTable) reported = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_autofree char *name_buf = NULL;
      const char *name = implementer_name (impl, i, &name_buf);

      for (guint j = 0; j < impl->budget->len; j++)
        {
          int year = g_array_index (impl->budget, HsBudgetLine, j).year;

          if (year >= first_year && year <= last_year)
            continue;
          if (!g_hash_table_add (reported, GINT_TO_POINTER (year)))
            continue;

          add_finding (check, "budget-year-outside-schedule", HS_SEVERITY_ERROR,
                       g_strdup_printf ("implementers/%u/budget/%d", i, year),
                       _("%s: the budget has costs in %d, outside the project’s years %d–%d"),
                       name, year, first_year, last_year);
        }
    }
}

/* 8. A focus area of the project's agreement, for the project's years. */
static void
check_focus_area (Check *check)
{
  const HsProject *project = check->project;
  const HsFocusArea *fa = check->focus_area;
  const char *fa_name;

  if (project->focus_area_id == 0)
    {
      add_finding (check, "focus-area-missing", HS_SEVERITY_ERROR,
                   g_strdup ("focus-area"),
                   "%s", _("The project has no focus area"));
      return;
    }

  if (check->unlisted_focus_area != NULL)
    {
      add_finding (check, "focus-area-mismatch", HS_SEVERITY_ERROR,
                   g_strdup ("focus-area"),
                   /* Translators: %s is a focus area's name */
                   _("The focus area “%s” is not one of the agreement’s focus areas"),
                   check->unlisted_focus_area);
      return;
    }

  /* none, or not the one the project names */
  if (fa == NULL || (fa->id != 0 && fa->id != project->focus_area_id))
    {
      add_finding (check, "focus-area-mismatch", HS_SEVERITY_ERROR,
                   g_strdup ("focus-area"),
                   "%s", _("The project’s focus area is unknown"));
      return;
    }

  fa_name = fa->name != NULL ? fa->name : "";

  if (fa->agreement_id != project->agreement_id)
    {
      add_finding (check, "focus-area-mismatch", HS_SEVERITY_ERROR,
                   g_strdup ("focus-area"),
                   _("The focus area “%s” belongs to another ecosystem agreement"),
                   fa_name);
      return;
    }

  if (g_date_valid (&project->start_date) && g_date_valid (&project->end_date) &&
      ((fa->first_year > 0 && g_date_get_year (&project->start_date) < fa->first_year) ||
       (fa->last_year > 0 && g_date_get_year (&project->end_date) > fa->last_year)))
    {
      int start_year = g_date_get_year (&project->start_date);
      int end_year = g_date_get_year (&project->end_date);

      if (fa->first_year > 0 && fa->last_year > 0)
        add_finding (check, "focus-area-mismatch", HS_SEVERITY_WARNING,
                     g_strdup ("focus-area"),
                     _("The focus area “%s” applies to %d–%d, but the project runs %d–%d"),
                     fa_name, fa->first_year, fa->last_year, start_year, end_year);
      else if (fa->first_year > 0)
        add_finding (check, "focus-area-mismatch", HS_SEVERITY_WARNING,
                     g_strdup ("focus-area"),
                     _("The focus area “%s” applies from %d, but the project runs %d–%d"),
                     fa_name, fa->first_year, start_year, end_year);
      else
        add_finding (check, "focus-area-mismatch", HS_SEVERITY_WARNING,
                     g_strdup ("focus-area"),
                     _("The focus area “%s” applies until %d, but the project runs %d–%d"),
                     fa_name, fa->last_year, start_year, end_year);
    }
}

/* 9. A valid Y-tunnus for every Finnish organisation. */
static void
check_business_ids (Check *check)
{
  for (guint i = 0; i < check->project->implementers->len; i++)
    {
      const HsImplementer *impl = IMPLEMENTER (check, i);
      const HsOrganisation *org = impl->organisation;
      g_autofree char *name_buf = NULL;
      g_autoptr(GError) error = NULL;
      const char *name;

      if (org != NULL && org->foreign)
        continue;

      name = implementer_name (impl, i, &name_buf);

      if (org == NULL || org->business_id == NULL || *org->business_id == '\0')
        add_finding (check, "business-id-invalid", HS_SEVERITY_ERROR,
                     g_strdup_printf ("implementers/%u/organisation/business-id", i),
                     _("%s has no Y-tunnus"), name);
      else if (!hs_ytunnus_validate (org->business_id, &error))
        add_finding (check, "business-id-invalid", HS_SEVERITY_ERROR,
                     g_strdup_printf ("implementers/%u/organisation/business-id", i),
                     /* Translators: the last %s is the reason, e.g. "the check digit should be 6" */
                     _("%s: the Y-tunnus “%s” is not valid: %s"),
                     name, org->business_id,
                     error != NULL ? error->message : "");
    }
}

/* 9b. An organisation is one implementer of a project at most (EURA 2021:
 * one linked application per implementer). The same organisation: the same
 * stored id, or else the same Y-tunnus, or else the same name. */
static gboolean
same_organisation (const HsOrganisation *a,
                   const HsOrganisation *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->id != 0 && b->id != 0)
    return a->id == b->id;
  if (a->business_id != NULL && *a->business_id != '\0' &&
      b->business_id != NULL && *b->business_id != '\0')
    return g_strcmp0 (a->business_id, b->business_id) == 0;
  return a->name != NULL && b->name != NULL && g_utf8_collate (a->name, b->name) == 0;
}

static void
check_duplicate_implementers (Check *check)
{
  const GPtrArray *implementers = check->project->implementers;

  for (guint j = 1; j < implementers->len; j++)
    for (guint i = 0; i < j; i++)
      if (same_organisation (IMPLEMENTER (check, i)->organisation, IMPLEMENTER (check, j)->organisation))
        {
          g_autofree char *name_buf = NULL;

          add_finding (check, "implementer-duplicate", HS_SEVERITY_ERROR,
                       g_strdup_printf ("implementers/%u/organisation", j),
                       /* Translators: "Oulun yliopisto is implementer 2 and again implementer 4; …" */
                       _("%s is implementer %u and again implementer %u; an organisation takes part "
                         "once, with one budget and financing plan"),
                       implementer_name (IMPLEMENTER (check, j), j, &name_buf), i + 1, j + 1);
          break;
        }
}

/* 10. No negative amounts. */
static void
check_negative_amounts (Check *check)
{
  for (guint i = 0; i < check->project->implementers->len; i++)
    {
      const HsImplementer *impl = IMPLEMENTER (check, i);
      g_autofree char *name_buf = NULL;
      const char *name = implementer_name (impl, i, &name_buf);

      for (guint j = 0; j < impl->budget->len; j++)
        {
          const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);
          g_autofree char *amount = NULL;

          if (line->amount >= 0)
            continue;

          amount = money (check, line->amount);
          add_finding (check, "negative-amount", HS_SEVERITY_ERROR,
                       g_strdup_printf ("implementers/%u/budget/%d/%s", i, line->year,
                                        hs_cost_category_to_id (line->category)),
                       /* Translators: "Espoon kaupunki: the amount of “Staff costs” for 2024 is negative (−5,00 €)" */
                       _("%s: the amount of “%s” for %d is negative (%s)"),
                       name, hs_cost_category_label (line->category), line->year, amount);
        }

      for (guint j = 0; j < impl->financing->len; j++)
        {
          const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, j);
          g_autofree char *amount = NULL;

          if (line->amount >= 0)
            continue;

          amount = money (check, line->amount);
          add_finding (check, "negative-amount", HS_SEVERITY_ERROR,
                       g_strdup_printf ("implementers/%u/financing/%s", i,
                                        hs_source_to_id (line->source)),
                       _("%s: the amount of “%s” is negative (%s)"),
                       name, hs_source_label (line->source), amount);
        }
    }
}

/* 11. A status history that starts as a draft, moves only by allowed
 * transitions, forwards in time, and ends in the current status. */
static void
check_status_history (Check *check)
{
  const GArray *history = check->project->history;
  const HsStatusChange *last;

  if (history->len == 0)
    return;

  for (guint i = 0; i < history->len; i++)
    {
      const HsStatusChange *change = &g_array_index (history, HsStatusChange, i);
      const HsStatusChange *previous;

      if (i == 0)
        {
          if (change->status != HS_STATUS_DRAFT)
            add_finding (check, "status-transition-invalid", HS_SEVERITY_ERROR,
                         g_strdup ("status/history/0"),
                         _("The status history starts with “%s”; it must start with “%s”"),
                         hs_status_label (change->status),
                         hs_status_label (HS_STATUS_DRAFT));
          continue;
        }

      previous = &g_array_index (history, HsStatusChange, i - 1);
      if (!hs_status_transition_allowed (previous->status, change->status))
        add_finding (check, "status-transition-invalid", HS_SEVERITY_ERROR,
                     g_strdup_printf ("status/history/%u", i),
                     _("The status cannot change from “%s” to “%s”"),
                     hs_status_label (previous->status),
                     hs_status_label (change->status));

      if (g_date_valid (&previous->date) && g_date_valid (&change->date) &&
          g_date_compare (&change->date, &previous->date) < 0)
        {
          g_autofree char *when = date (check, &change->date);
          g_autofree char *before = date (check, &previous->date);

          add_finding (check, "status-transition-invalid", HS_SEVERITY_WARNING,
                       g_strdup_printf ("status/history/%u", i),
                       _("The change to “%s” on %s is dated before the change before it (%s)"),
                       hs_status_label (change->status), when, before);
        }
    }

  last = &g_array_index (history, HsStatusChange, history->len - 1);
  if (check->project->status != last->status)
    add_finding (check, "status-transition-invalid", HS_SEVERITY_ERROR,
                 g_strdup ("status"),
                 _("The status is “%s”, but the latest status change is to “%s”"),
                 hs_status_label (check->project->status),
                 hs_status_label (last->status));
}

/* 12. Only the categories the cost model allows; a cost model the call allows. */
static void
check_cost_model (Check *check)
{
  const HsProject *project = check->project;
  guint allowed = check->call->allowed_cost_models;

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = IMPLEMENTER (check, i);
      g_autofree char *name_buf = NULL;
      const char *name = implementer_name (impl, i, &name_buf);

      for (guint j = 0; j < impl->budget->len; j++)
        {
          const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);

          if (line->derived || hs_cost_model_allows_category (project->cost_model, line->category))
            continue;

          add_finding (check, "cost-category-not-allowed", HS_SEVERITY_ERROR,
                       g_strdup_printf ("implementers/%u/budget/%d/%s", i, line->year,
                                        hs_cost_category_to_id (line->category)),
                       /* Translators: "Espoon kaupunki: “Travel” (2025) cannot be entered under the cost model “40 % flat rate”" */
                       _("%s: “%s” (%d) cannot be entered under the cost model “%s”"),
                       name, hs_cost_category_label (line->category), line->year,
                       hs_cost_model_label (project->cost_model));
        }
    }

  if (allowed != 0 && (guint) project->cost_model < HS_N_COST_MODELS &&
      (allowed & (1u << project->cost_model)) == 0)
    {
      if (check->has_call)
        {
          g_autofree char *name = hs_call_dup_display_name (check->call, check->lang);

          add_finding (check, "cost-model-not-allowed", HS_SEVERITY_ERROR,
                       g_strdup ("cost-model"),
                       _("The call “%s” does not allow the cost model “%s”"),
                       name, hs_cost_model_label (project->cost_model));
        }
      else
        add_finding (check, "cost-model-not-allowed", HS_SEVERITY_ERROR,
                     g_strdup ("cost-model"),
                     _("The programme does not allow the cost model “%s” without a call that names it"),
                     hs_cost_model_label (project->cost_model));
    }
}

/* 12b. Flat-rate lines as the cost model derives them. Stored projects are
 * always recomputed; a file's lines may differ, and then the import
 * replaces them: said here first, with both amounts. */
typedef struct
{
  int    year;
  gint64 base;      /* what the rate is taken of */
  gint64 derived;   /* the derived lines given */
  gboolean has_derived;
} DerivedYear;

static DerivedYear *
derived_year (GArray *years,
              int     year)
{
  DerivedYear fresh = { year, 0, 0, FALSE };

  for (guint k = 0; k < years->len; k++)
    if (g_array_index (years, DerivedYear, k).year == year)
      return &g_array_index (years, DerivedYear, k);
  g_array_append_val (years, fresh);
  return &g_array_index (years, DerivedYear, years->len - 1);
}

static void
check_derived_lines (Check *check)
{
  const HsProject *project = check->project;
  HsCostModel model = project->cost_model;
  gint32 rate;
  gboolean on_direct;
  g_autoptr(GArray) years = NULL;

  /* amounts that do not add up are rule 13's */
  if ((guint) model >= HS_N_COST_MODELS || !check->totals_ok)
    return;
  rate = hs_cost_model_flat_rate (model);
  on_direct = hs_cost_model_rate_on_direct_costs (model);
  years = g_array_new (FALSE, FALSE, sizeof (DerivedYear));

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = IMPLEMENTER (check, i);
      g_autofree char *name_buf = NULL;
      const char *name = NULL;

      g_array_set_size (years, 0);
      for (guint j = 0; j < impl->budget->len; j++)
        {
          const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, j);
          DerivedYear *y;

          if (!line->derived && !(line->category == HS_COST_STAFF ||
                                  (on_direct && line->category != HS_COST_FLAT_RATE)))
            continue;
          y = derived_year (years, line->year);
          if (line->derived)
            {
              y->has_derived = TRUE;
              if (!hs_money_add (y->derived, line->amount, &y->derived))
                return;   /* rule 13 reports the overflow */
            }
          else if (!hs_money_add (y->base, line->amount, &y->base))
            return;
        }

      for (guint k = 0; k < years->len; k++)
        {
          const DerivedYear *y = &g_array_index (years, DerivedYear, k);
          gint64 expected = 0;
          g_autofree char *given = NULL;
          g_autofree char *want = NULL;

          if (rate > 0 && y->base > 0 && !hs_money_apply_rate (y->base, rate, &expected))
            return;
          if (expected == y->derived || (!y->has_derived && expected == 0))
            continue;
          if (name == NULL)
            name = implementer_name (impl, i, &name_buf);
          given = money (check, y->derived);
          want = money (check, expected);
          if (rate == 0)
            add_finding (check, "flat-rate-recomputed", HS_SEVERITY_WARNING,
                         g_strdup_printf ("implementers/%u/budget/%d/flat-rate", i, y->year),
                         /* Translators: "Aalto-yliopisto, 2025: the cost model “Real costs” has no
                          * flat-rate costs; the 4 000,00 € given are left out" */
                         _("%s, %d: the cost model “%s” has no flat-rate costs; the %s given are left out"),
                         name, y->year, hs_cost_model_label (model), given);
          else
            {
              g_autofree char *rate_text = hs_rate_format (rate, check->lang);
              g_autofree char *base_text = money (check, y->base);

              add_finding (check, "flat-rate-recomputed", HS_SEVERITY_WARNING,
                           g_strdup_printf ("implementers/%u/budget/%d/flat-rate", i, y->year),
                           on_direct
                           /* Translators: "Aalto-yliopisto, 2025: the flat-rate costs given are
                            * 700,00 €, but 7,0 % of the direct costs (10 010,00 €) is 700,70 €,
                            * which replaces them" */
                           ? _("%s, %d: the flat-rate costs given are %s, but %s of the direct costs (%s) "
                               "is %s, which replaces them")
                           : _("%s, %d: the flat-rate costs given are %s, but %s of the staff costs (%s) "
                               "is %s, which replaces them"),
                           name, y->year, given, rate_text, base_text, want);
            }
        }
    }
}

/* 13. Totals that add up, and some costs at all. */
static void
check_totals (Check *check)
{
  if (!check->totals_ok)
    add_finding (check, "totals-overflow", HS_SEVERITY_ERROR,
                 g_strdup ("budget"),
                 "%s", _("The project’s amounts are too large to add up"));
  else if (check->totals.total_costs == 0)
    add_finding (check, "no-costs", HS_SEVERITY_WARNING,
                 g_strdup ("budget"),
                 "%s", _("The project has no costs"));
}

/* 14. A call of the project's own agreement. A call without an agreement
 * (id 0, e.g. a national lead-theme call) fits any project. */
static void
check_call_agreement (Check *check)
{
  const HsCall *call = check->call;
  g_autofree char *name = NULL;

  if (!check->has_call || call->agreement_id == 0 ||
      call->agreement_id == check->project->agreement_id)
    return;

  name = hs_call_dup_display_name (call, check->lang);
  add_finding (check, "call-agreement-mismatch", HS_SEVERITY_ERROR,
               g_strdup ("call"),
               _("The call “%s” belongs to another ecosystem agreement"),
               name);
}

/* 15. Indicators the programme knows, each listed once, with a target of
 * zero or more (the database refuses the others). */
static void
check_indicators (Check *check)
{
  const GArray *indicators = check->project->indicators;

  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    {
      const HsIndicator *indicator = &g_array_index (indicators, HsIndicator, i);
      const char *code = indicator->code != NULL ? indicator->code : "";
      gboolean listed_before = FALSE;

      for (guint j = 0; j < i && !listed_before; j++)
        listed_before = g_strcmp0 (g_array_index (indicators, HsIndicator, j).code, indicator->code) == 0;

      if (hs_indicator_name (code) == NULL)
        add_finding (check, "indicator-unknown", HS_SEVERITY_ERROR,
                     g_strdup_printf ("indicators/%u", i),
                     /* Translators: %s is what a file gave as an indicator code, "RCO99" */
                     _("“%s” is not an indicator of the programme: its output (RCO) and result (RCR) indicators are listed in the editor"),
                     code);
      else if (listed_before)
        add_finding (check, "indicator-duplicate", HS_SEVERITY_ERROR,
                     g_strdup_printf ("indicators/%u", i),
                     /* Translators: %s is an indicator code, "RCO01" */
                     _("The indicator %s is listed twice; a project has one target for each"),
                     code);
      if (indicator->target < 0)
        {
          g_autofree char *target = hs_count_format (indicator->target, check->lang);

          add_finding (check, "indicator-target-negative", HS_SEVERITY_ERROR,
                       g_strdup_printf ("indicators/%u/target", i),
                       /* Translators: %s is an indicator code, then its target, "−5" */
                       _("The target of %s is %s; a target is zero or more"),
                       code, target);
        }
    }
}

/* 16. A yearly financing plan: a source given per year is not also given as
 * an undivided total, and its years are the project's. */
static void
check_financing_years (Check *check)
{
  const GDate *start = &check->project->start_date;
  const GDate *end = &check->project->end_date;
  gboolean have_years = g_date_valid (start) && g_date_valid (end) && g_date_compare (end, start) >= 0;
  int first_year = have_years ? g_date_get_year (start) : 0;
  int last_year = have_years ? g_date_get_year (end) : 0;

  for (guint i = 0; i < check->project->implementers->len; i++)
    {
      const HsImplementer *impl = IMPLEMENTER (check, i);
      g_autofree char *name_buf = NULL;
      const char *name = implementer_name (impl, i, &name_buf);

      for (guint j = 0; j < impl->financing->len; j++)
        {
          const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, j);
          g_autofree char *amount = NULL;

          if (line->year == 0)
            {
              if (line->amount != 0 && hs_implementer_financing_is_split (impl, line->source))
                {
                  amount = money (check, line->amount);
                  add_finding (check, "financing-split-and-total", HS_SEVERITY_ERROR,
                               g_strdup_printf ("implementers/%u/financing/%s", i,
                                                hs_source_to_id (line->source)),
                               /* Translators: "Helsingin kaupunki: “City financing” is given per year and
                                * also as a total of 10 000,00 € not divided by year; give it one way" */
                               _("%s: “%s” is given per year and also as a total of %s not divided by year; "
                                 "give it one way"),
                               name, hs_source_label (line->source), amount);
                }
              continue;
            }

          if (!have_years || (line->year >= first_year && line->year <= last_year))
            continue;

          amount = money (check, line->amount);
          add_finding (check, "financing-year-outside-schedule", HS_SEVERITY_WARNING,
                       g_strdup_printf ("implementers/%u/financing/%s/%d", i,
                                        hs_source_to_id (line->source), line->year),
                       /* Translators: "Helsingin kaupunki: “City financing” has 5 000,00 € in 2027,
                        * outside the project’s years 2025–2026" */
                       _("%s: “%s” has %s in %d, outside the project’s years %d–%d"),
                       name, hs_source_label (line->source), amount, line->year,
                       first_year, last_year);
        }
    }
}

GPtrArray *
hs_validate_project (const HsProject           *project,
                     const HsValidationContext *context)
{
  static const HsValidationContext no_context = { NULL, NULL, HS_LANG_EN, NULL, NULL };
  g_autoptr(HsCall) defaults = NULL;
  Check check = { 0, };

  check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_finding_free);
  g_return_val_if_fail (project != NULL, check.findings);

  if (context == NULL)
    context = &no_context;

  if (context->call != NULL)
    {
      check.call = context->call;
      check.has_call = TRUE;
    }
  else
    {
      defaults = hs_call_new_default ();
      check.call = defaults;
      check.has_call = FALSE;
    }

  check.project = project;
  check.focus_area = context->focus_area;
  check.unlisted_focus_area = context->unlisted_focus_area;
  check.agreement = context->agreement;
  check.lang = context->lang;
  check.totals_ok = hs_project_totals (project, &check.totals, NULL);

  check_main_implementer (&check);
  check_financing_matches (&check);
  check_support_rate (&check);
  check_implementer_support_rates (&check);
  check_support_maximum (&check);
  check_city_share (&check);
  check_city_maximum (&check);
  check_own_share (&check);
  check_schedule (&check);
  check_submission_date (&check);
  check_budget_years (&check);
  check_focus_area (&check);
  check_business_ids (&check);
  check_duplicate_implementers (&check);
  check_negative_amounts (&check);
  check_status_history (&check);
  check_cost_model (&check);
  check_derived_lines (&check);
  check_totals (&check);
  check_call_agreement (&check);
  check_indicators (&check);
  check_financing_years (&check);

  return check.findings;
}

GPtrArray *
hs_validate_file_project (HsProject                 *project,
                          const HsValidationContext *context)
{
  Check given = { 0, };
  GPtrArray *findings;

  g_return_val_if_fail (project != NULL, NULL);

  /* rule 12b on the lines as given; every rule on what import stores */
  given.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_finding_free);
  given.project = project;
  given.lang = context != NULL ? context->lang : HS_LANG_EN;
  given.totals_ok = hs_project_totals (project, &given.totals, NULL);
  check_derived_lines (&given);

  hs_project_update_derived (project, NULL);
  findings = hs_validate_project (project, context);
  for (guint i = 0; i < given.findings->len; i++)
    g_ptr_array_add (findings, g_steal_pointer (&given.findings->pdata[i]));
  g_ptr_array_unref (given.findings);
  return findings;
}

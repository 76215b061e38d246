/* hs-project-diff.c — two versions of a project compared field by field and amount by amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields that differ are found with hs_project_changed_fields () and
 * the implementers matched by their organisations (the undo history's
 * descriptions match them by their stored ids, which every save renews);
 * this file lists the differences one by one and formats them.
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-date.h"
#include "hs-money.h"
#include "hs-project-diff.h"

void
hs_diff_line_free (HsDiffLine *line)
{
  if (line == NULL)
    return;

  g_free (line->field);
  g_free (line->label);
  g_free (line->before);
  g_free (line->after);
  g_free (line);
}

/* Adds a line; takes @field, @label, @before and @after. */

/* Versions of a project are compared by organisation: every save gives the
 * implementers new ids, an organisation keeps its own. */
static gboolean
same_organisation (const HsImplementer *a,
                   const HsImplementer *b)
{
  const HsOrganisation *x = a->organisation, *y = b->organisation;

  if (x == NULL || y == NULL)
    return x == y && hs_implementer_same (a, b);
  if (x->id != 0 && y->id != 0)
    return x->id == y->id;
  if (x->business_id != NULL && y->business_id != NULL)
    return g_str_equal (x->business_id, y->business_id);
  return x->business_id == y->business_id && g_strcmp0 (x->name, y->name) == 0;
}

static HsDiffLine *
add_line (GPtrArray *lines,
          char      *field,
          char      *label,
          char      *before,
          char      *after)
{
  HsDiffLine *line = g_new0 (HsDiffLine, 1);

  line->field = field;
  line->label = label;
  line->before = before;
  line->after = after;
  g_ptr_array_add (lines, line);
  return line;
}

/* NULL for NULL and "" */
static char *
text_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
date_or_null (const GDate *date,
              HsLang       lang)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return hs_date_format (date, lang);
}

static char *
id_or_null (gint64 id)
{
  return id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

/* The stable path name of a field; NULL for the fields listed otherwise. */
static const char *
field_path (HsProjectField field)
{
  switch (field)
    {
    case HS_PROJECT_FIELD_CODE:       return "code";
    case HS_PROJECT_FIELD_NAME_FI:    return "name-fi";
    case HS_PROJECT_FIELD_NAME_SV:    return "name-sv";
    case HS_PROJECT_FIELD_NAME_EN:    return "name-en";
    case HS_PROJECT_FIELD_ACRONYM:    return "acronym";
    case HS_PROJECT_FIELD_AGREEMENT:  return "agreement";
    case HS_PROJECT_FIELD_FOCUS_AREA: return "focus-area";
    case HS_PROJECT_FIELD_CALL:       return "call";
    case HS_PROJECT_FIELD_STATUS:     return "status";
    case HS_PROJECT_FIELD_START:      return "start";
    case HS_PROJECT_FIELD_END:        return "end";
    case HS_PROJECT_FIELD_SUMMARY:    return "summary";
    case HS_PROJECT_FIELD_COST_MODEL: return "cost-model";
    case HS_PROJECT_FIELD_EXAMPLE:
    case HS_PROJECT_FIELD_IMPLEMENTERS:
    case HS_PROJECT_FIELD_INDICATORS:
    case HS_PROJECT_FIELD_HISTORY:
    case HS_N_PROJECT_FIELDS:
    default:
      return NULL;
    }
}

/* A simple field of @project, formatted; NULL when it is not set. */
static char *
field_value (const HsProject *project,
             HsProjectField   field,
             HsLang           lang)
{
  switch (field)
    {
    case HS_PROJECT_FIELD_CODE:       return text_or_null (project->code);
    case HS_PROJECT_FIELD_NAME_FI:    return text_or_null (project->name_fi);
    case HS_PROJECT_FIELD_NAME_SV:    return text_or_null (project->name_sv);
    case HS_PROJECT_FIELD_NAME_EN:    return text_or_null (project->name_en);
    case HS_PROJECT_FIELD_ACRONYM:    return text_or_null (project->acronym);
    case HS_PROJECT_FIELD_AGREEMENT:  return id_or_null (project->agreement_id);
    case HS_PROJECT_FIELD_FOCUS_AREA: return id_or_null (project->focus_area_id);
    case HS_PROJECT_FIELD_CALL:       return id_or_null (project->call_id);
    case HS_PROJECT_FIELD_STATUS:     return g_strdup (hs_status_label (project->status));
    case HS_PROJECT_FIELD_START:      return date_or_null (&project->start_date, lang);
    case HS_PROJECT_FIELD_END:        return date_or_null (&project->end_date, lang);
    case HS_PROJECT_FIELD_SUMMARY:    return text_or_null (project->summary);
    case HS_PROJECT_FIELD_COST_MODEL: return g_strdup (hs_cost_model_label (project->cost_model));
    case HS_PROJECT_FIELD_EXAMPLE:
    case HS_PROJECT_FIELD_IMPLEMENTERS:
    case HS_PROJECT_FIELD_INDICATORS:
    case HS_PROJECT_FIELD_HISTORY:
    case HS_N_PROJECT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
diff_fields (GPtrArray       *lines,
             const HsProject *from,
             const HsProject *to,
             GArray          *changed,
             gboolean         with_status,
             HsLang           lang)
{
  for (guint i = 0; i < changed->len; i++)
    {
      HsProjectField field = g_array_index (changed, HsProjectField, i);
      const char *path = field_path (field);
      char *before, *after;

      if (path == NULL || (field == HS_PROJECT_FIELD_STATUS && !with_status))
        continue;
      before = field_value (from, field, lang);
      after = field_value (to, field, lang);
      if (g_strcmp0 (before, after) == 0)
        {
          /* NULL against "" */
          g_free (before);
          g_free (after);
          continue;
        }
      add_line (lines, g_strdup (path), g_strdup (hs_project_field_label (field)), before, after);
    }
}

/* ---------------------------------------------------------------------- */
/* Implementers                                                           */
/* ---------------------------------------------------------------------- */

/* The key of an implementer in the paths: the business ID, else the name. */
static const char *
implementer_key (const HsImplementer *impl)
{
  const HsOrganisation *org = impl->organisation;

  if (org == NULL)
    return "";
  if (org->business_id != NULL && *org->business_id != '\0')
    return org->business_id;
  return org->name != NULL ? org->name : "";
}

/* The implementer's name for people. */
static char *
implementer_label (const HsImplementer *impl,
                   guint                index)
{
  const HsOrganisation *org = impl->organisation;

  if (org != NULL && org->name != NULL && *org->name != '\0')
    return g_strdup (org->name);
  if (org != NULL && org->business_id != NULL && *org->business_id != '\0')
    return g_strdup (org->business_id);
  /* Translators: an implementer without an organisation name; %u is its number */
  return g_strdup_printf (_("Implementer %u"), index + 1);
}

static const char *
role_text (const HsImplementer *impl)
{
  return impl->is_main ? _("main implementer") : _("partial implementer");
}

/* One amount of an implementer, by key. */
typedef struct
{
  int    kind;     /* category or source */
  int    year;
  gint64 amount;
} Amount;

static int
amount_compare (gconstpointer a,
                gconstpointer b)
{
  const Amount *x = a, *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return 0;
}

/* Adds @amount at (@kind, @year), adding to an amount already there. */
static void
amounts_add (GArray *amounts,
             int     kind,
             int     year,
             gint64  amount)
{
  Amount item = { kind, year, amount };

  for (guint i = 0; i < amounts->len; i++)
    {
      Amount *have = &g_array_index (amounts, Amount, i);

      if (have->kind == kind && have->year == year)
        {
          /* overflow is the totals' to report; the difference stays exact enough to show */
          if (!hs_money_add (have->amount, amount, &have->amount))
            have->amount = amount > 0 ? HS_MONEY_MAX : -HS_MONEY_MAX;
          return;
        }
    }
  g_array_append_val (amounts, item);
}

static GArray *
budget_amounts (const HsImplementer *impl)
{
  GArray *amounts = g_array_new (FALSE, FALSE, sizeof (Amount));

  if (impl != NULL)
    for (guint i = 0; i < impl->budget->len; i++)
      {
        const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, i);

        amounts_add (amounts, line->category, line->year, line->amount);
      }
  return amounts;
}

static GArray *
financing_amounts (const HsImplementer *impl)
{
  GArray *amounts = g_array_new (FALSE, FALSE, sizeof (Amount));

  if (impl != NULL)
    for (guint i = 0; i < impl->financing->len; i++)
      {
        const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, i);

        amounts_add (amounts, line->source, line->year, line->amount);
      }
  return amounts;
}

static gint64
amounts_get (GArray *amounts,
             int     kind,
             int     year)
{
  for (guint i = 0; i < amounts->len; i++)
    {
      const Amount *have = &g_array_index (amounts, Amount, i);

      if (have->kind == kind && have->year == year)
        return have->amount;
    }
  return 0;
}

/* Lists the amounts that differ between @a and @b (either may be NULL). */
static void
diff_amounts (GPtrArray           *lines,
              const HsImplementer *a,
              const HsImplementer *b,
              const char          *key,
              const char          *who,
              gboolean             budget,
              HsLang               lang)
{
  g_autoptr(GArray) before = budget ? budget_amounts (a) : financing_amounts (a);
  g_autoptr(GArray) after = budget ? budget_amounts (b) : financing_amounts (b);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Amount));

  g_array_append_vals (keys, before->data, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      const Amount *item = &g_array_index (after, Amount, i);

      amounts_add (keys, item->kind, item->year, 0);
    }
  g_array_sort (keys, amount_compare);

  for (guint i = 0; i < keys->len; i++)
    {
      const Amount *item = &g_array_index (keys, Amount, i);
      gint64 x = amounts_get (before, item->kind, item->year);
      gint64 y = amounts_get (after, item->kind, item->year);
      const char *what;
      char *field, *label;
      HsDiffLine *line;

      if (x == y)
        continue;
      if (budget)
        {
          what = hs_cost_category_label (item->kind);
          field = g_strdup_printf ("implementers/%s/budget/%s/%d", key,
                                   hs_cost_category_to_id (item->kind), item->year);
        }
      else
        {
          what = hs_source_label (item->kind);
          field = item->year != 0
                  ? g_strdup_printf ("implementers/%s/financing/%s/%d", key,
                                     hs_source_to_id (item->kind), item->year)
                  : g_strdup_printf ("implementers/%s/financing/%s", key,
                                     hs_source_to_id (item->kind));
        }
      /* "Staff costs 2025, Oulun kaupunki"; "City financing, Oulun kaupunki" */
      label = item->year != 0
              ? g_strdup_printf ("%s %d, %s", what, item->year, who)
              : g_strdup_printf ("%s, %s", what, who);
      line = add_line (lines, field, label,
                       x != 0 ? hs_money_format (x, lang) : NULL,
                       y != 0 ? hs_money_format (y, lang) : NULL);
      line->is_amount = TRUE;
      line->amount_before = x;
      line->amount_after = y;
    }
}

/* The lines of one implementer: @a in @from, @b in @to, either NULL. */
static void
diff_implementer (GPtrArray           *lines,
                  const HsImplementer *a,
                  guint                index_a,
                  const HsImplementer *b,
                  guint                index_b,
                  HsLang               lang)
{
  const HsImplementer *named = b != NULL ? b : a;
  g_autofree char *key = g_strdup (implementer_key (named));
  g_autofree char *who = implementer_label (named, b != NULL ? index_b : index_a);

  if (a == NULL || b == NULL || !a->is_main != !b->is_main)
    add_line (lines, g_strdup_printf ("implementers/%s", key), g_strdup (who),
              a != NULL ? g_strdup (role_text (a)) : NULL,
              b != NULL ? g_strdup (role_text (b)) : NULL);
  if (a != NULL && b != NULL)
    {
      g_autofree char *name_a = implementer_label (a, index_a);

      if (g_strcmp0 (name_a, who) != 0)
        add_line (lines, g_strdup_printf ("implementers/%s/name", key), g_strdup (who),
                  g_steal_pointer (&name_a), g_strdup (who));
    }
  diff_amounts (lines, a, b, key, who, TRUE, lang);
  diff_amounts (lines, a, b, key, who, FALSE, lang);
}

static void
diff_implementers (GPtrArray       *lines,
                   const HsProject *from,
                   const HsProject *to,
                   HsLang           lang)
{
  g_autofree gboolean *matched = g_new0 (gboolean, from->implementers->len + 1);

  for (guint j = 0; j < to->implementers->len; j++)
    {
      const HsImplementer *b = g_ptr_array_index (to->implementers, j);
      const HsImplementer *a = NULL;
      guint i;

      for (i = 0; i < from->implementers->len; i++)
        if (!matched[i] && same_organisation (g_ptr_array_index (from->implementers, i), b))
          {
            a = g_ptr_array_index (from->implementers, i);
            matched[i] = TRUE;
            break;
          }
      diff_implementer (lines, a, i, b, j, lang);
    }
  for (guint i = 0; i < from->implementers->len; i++)
    if (!matched[i])
      diff_implementer (lines, g_ptr_array_index (from->implementers, i), i, NULL, 0, lang);
}

/* ---------------------------------------------------------------------- */
/* Indicators and history                                                 */
/* ---------------------------------------------------------------------- */

static const HsIndicator *
find_indicator (const HsProject *project,
                const char      *code)
{
  for (guint i = 0; i < project->indicators->len; i++)
    {
      const HsIndicator *indicator = &g_array_index (project->indicators, HsIndicator, i);

      if (g_strcmp0 (indicator->code != NULL ? indicator->code : "", code) == 0)
        return indicator;
    }
  return NULL;
}

static int
str_compare (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
diff_indicators (GPtrArray       *lines,
                 const HsProject *from,
                 const HsProject *to,
                 HsLang           lang)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const HsProject *both[] = { from, to };

  for (guint k = 0; k < G_N_ELEMENTS (both); k++)
    for (guint i = 0; i < both[k]->indicators->len; i++)
      {
        const HsIndicator *indicator = &g_array_index (both[k]->indicators, HsIndicator, i);
        const char *code = indicator->code != NULL ? indicator->code : "";
        gboolean seen = FALSE;

        for (guint c = 0; c < codes->len && !seen; c++)
          seen = strcmp (g_ptr_array_index (codes, c), code) == 0;
        if (!seen)
          g_ptr_array_add (codes, (gpointer) code);
      }
  g_ptr_array_sort (codes, str_compare);

  for (guint c = 0; c < codes->len; c++)
    {
      const char *code = g_ptr_array_index (codes, c);
      const HsIndicator *x = find_indicator (from, code);
      const HsIndicator *y = find_indicator (to, code);
      const char *name = hs_indicator_name (code);

      if (x != NULL && y != NULL && x->target == y->target)
        continue;
      add_line (lines, g_strdup_printf ("indicators/%s", code),
                /* "RCO01 Enterprises supported (micro, small, medium, large)" */
                name != NULL ? g_strdup_printf ("%s %s", code, name) : g_strdup (code),
                x != NULL ? hs_count_format (x->target, lang) : NULL,
                y != NULL ? hs_count_format (y->target, lang) : NULL);
    }
}

static char *
status_change_text (const GArray *history,
                    guint         index,
                    HsLang        lang)
{
  const HsStatusChange *change;
  g_autofree char *date = NULL;

  if (index >= history->len)
    return NULL;
  change = &g_array_index (history, HsStatusChange, index);
  date = date_or_null (&change->date, lang);
  /* "Submitted, 9.2.2021" */
  return date != NULL
         ? g_strdup_printf ("%s, %s", hs_status_label (change->status), date)
         : g_strdup (hs_status_label (change->status));
}

static void
diff_history (GPtrArray       *lines,
              const HsProject *from,
              const HsProject *to,
              HsLang           lang)
{
  guint n = MAX (from->history->len, to->history->len);

  for (guint i = 0; i < n; i++)
    {
      char *before = status_change_text (from->history, i, lang);
      char *after = status_change_text (to->history, i, lang);

      if (g_strcmp0 (before, after) == 0)
        {
          g_free (before);
          g_free (after);
          continue;
        }
      add_line (lines, g_strdup_printf ("history/%u", i + 1),
                /* "Status history 3" */
                g_strdup_printf ("%s %u", hs_project_field_label (HS_PROJECT_FIELD_HISTORY), i + 1),
                before, after);
    }
}

GPtrArray *
hs_project_diff (const HsProject *from,
                 const HsProject *to,
                 gboolean         with_status,
                 HsLang           lang)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_diff_line_free);
  g_autoptr(GArray) changed = NULL;
  gboolean implementers = FALSE, indicators = FALSE, history = FALSE;

  g_return_val_if_fail (from != NULL, lines);
  g_return_val_if_fail (to != NULL, lines);

  changed = hs_project_changed_fields (from, to);
  diff_fields (lines, from, to, changed, with_status, lang);
  for (guint i = 0; i < changed->len; i++)
    switch (g_array_index (changed, HsProjectField, i))
      {
      case HS_PROJECT_FIELD_IMPLEMENTERS: implementers = TRUE; break;
      case HS_PROJECT_FIELD_INDICATORS:   indicators = TRUE; break;
      case HS_PROJECT_FIELD_HISTORY:      history = TRUE; break;
      default: break;
      }
  if (implementers)
    diff_implementers (lines, from, to, lang);
  if (indicators)
    diff_indicators (lines, from, to, lang);
  if (history && with_status)
    diff_history (lines, from, to, lang);
  return lines;
}

/* ---------------------------------------------------------------------- */
/* Text                                                                   */
/* ---------------------------------------------------------------------- */

/* "+2 000,00 €", "−10 000,00 €" */
static char *
signed_difference (gint64 before,
                   gint64 after,
                   HsLang lang)
{
  gint64 difference;
  g_autofree char *text = NULL;

  if (!hs_money_sub (after, before, &difference))
    return NULL;
  text = hs_money_format (difference, lang);
  return difference > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

/* "label: before → after", with the difference of amounts */
static char *
format_change (const char *label,
               const char *before,
               const char *after,
               gboolean    is_amount,
               gint64      amount_before,
               gint64      amount_after,
               HsLang      lang)
{
  if (before != NULL && after != NULL)
    {
      g_autofree char *difference = NULL;

      if (is_amount && amount_before == amount_after)
        /* Translators: a sum that stayed the same: "Total costs: 100 000,00 € (unchanged)" */
        return g_strdup_printf (_("%s: %s (unchanged)"), label, after);
      if (is_amount)
        difference = signed_difference (amount_before, amount_after, lang);
      if (difference != NULL)
        return g_strdup_printf ("%s: %s → %s (%s)", label, before, after, difference);
      return g_strdup_printf ("%s: %s → %s", label, before, after);
    }
  if (after != NULL)
    /* Translators: a line of a change application that the old version did
     * not have: "Staff costs 2025, Uusi Oy: 5 000,00 € (added)" */
    return g_strdup_printf (_("%s: %s (added)"), label, after);
  if (before != NULL)
    /* Translators: a line of the old version that a change application
     * removes: "City financing, Oulun kaupunki: 3 000,00 € (removed)" */
    return g_strdup_printf (_("%s: %s (removed)"), label, before);
  return g_strdup (label);
}

char *
hs_diff_line_format (const HsDiffLine *line,
                     HsLang            lang)
{
  g_return_val_if_fail (line != NULL, NULL);

  return format_change (line->label != NULL ? line->label : line->field,
                        line->before, line->after, line->is_amount,
                        line->amount_before, line->amount_after, lang);
}

gboolean
hs_project_diff_totals (const HsProject *from,
                        const HsProject *to,
                        HsDiffTotals    *out,
                        GError         **error)
{
  HsTotals before, after;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hs_project_totals (from, &before, error) || !hs_project_totals (to, &after, error))
    return FALSE;
  out->costs_before = before.total_costs;
  out->costs_after = after.total_costs;
  out->support_before = before.financing[HS_SOURCE_EU_STATE];
  out->support_after = after.financing[HS_SOURCE_EU_STATE];
  return TRUE;
}

static char *
format_sum (const char *label,
            gint64      before,
            gint64      after,
            HsLang      lang)
{
  g_autofree char *x = hs_money_format (before, lang);
  g_autofree char *y = hs_money_format (after, lang);

  return format_change (label, x, y, TRUE, before, after, lang);
}

char *
hs_diff_totals_format (const HsDiffTotals *totals,
                       HsLang              lang)
{
  g_autofree char *costs = NULL;
  g_autofree char *support = NULL;

  g_return_val_if_fail (totals != NULL, NULL);

  costs = format_sum (_("Total costs"), totals->costs_before, totals->costs_after, lang);
  support = format_sum (hs_source_label (HS_SOURCE_EU_STATE),
                        totals->support_before, totals->support_after, lang);
  return g_strconcat (costs, "\n", support, NULL);
}

/* hs-chart-data.c — the aggregated data a chart draws, and its text forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hs-date.h"
#include "core/hs-money.h"
#include "hs-chart-data.h"
#include "hs-chart-scale.h"
#include "hs-chart-style.h"

static const struct
{
  const char *id;
  const char *label;
  const char *category_title;
} kinds[HS_N_CHART_KINDS] = {
  [HS_CHART_FINANCING] = { "financing", N_("Financing by focus area"), N_("Focus area") },
  [HS_CHART_BUDGET_BY_YEAR] = { "budget-by-year", N_("Budget by year"), N_("Year") },
  [HS_CHART_TIMELINE] = { "timeline", N_("Timeline"), N_("Project") },
  [HS_CHART_STATUS] = { "status", N_("Projects and money by status"), N_("Status") },
  [HS_CHART_IMPLEMENTERS] = { "implementers", N_("Largest implementers"), N_("Organisation") },
};

const char *
hs_chart_kind_to_id (HsChartKind kind)
{
  g_return_val_if_fail ((guint) kind < HS_N_CHART_KINDS, NULL);
  return kinds[kind].id;
}

int
hs_chart_kind_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < HS_N_CHART_KINDS; i++)
    if (strcmp (kinds[i].id, id) == 0)
      return (int) i;
  return -1;
}

const char *
hs_chart_kind_label (HsChartKind kind)
{
  g_return_val_if_fail ((guint) kind < HS_N_CHART_KINDS, NULL);
  return _(kinds[kind].label);
}

static const char *const basis_ids[HS_N_CHART_BASES] = { "applied", "proposed", "granted" };

const char *
hs_chart_basis_to_id (HsChartBasis basis)
{
  g_return_val_if_fail ((guint) basis < HS_N_CHART_BASES, NULL);
  return basis_ids[basis];
}

int
hs_chart_basis_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < HS_N_CHART_BASES; i++)
    if (g_str_equal (id, basis_ids[i]))
      return (int) i;
  return -1;
}

const char *
hs_chart_basis_label (HsChartBasis basis)
{
  switch (basis)
    {
    case HS_CHART_BASIS_APPLIED:
      /* Translators: the basis of a chart's EU and state support */
      return C_("chart basis", "Applied for");
    case HS_CHART_BASIS_PROPOSED:
      /* Translators: the basis of a chart's EU and state support: what the steering groups proposed */
      return C_("chart basis", "Proposed");
    case HS_CHART_BASIS_GRANTED:
      /* Translators: the basis of a chart's EU and state support: what the decisions granted */
      return C_("chart basis", "Granted");
    case HS_N_CHART_BASES:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
hs_chart_kind_has_basis (HsChartKind kind)
{
  return kind == HS_CHART_FINANCING || kind == HS_CHART_BUDGET_BY_YEAR;
}

guint
hs_chart_status_colour (HsStatus status)
{
  static const guint colours[HS_N_STATUSES] = {
    [HS_STATUS_DRAFT] = HS_PALETTE_GREY,
    [HS_STATUS_SUBMITTED] = HS_PALETTE_SKY_BLUE,
    [HS_STATUS_UNDER_REVIEW] = HS_PALETTE_YELLOW,
    [HS_STATUS_APPROVED] = HS_PALETTE_BLUISH_GREEN,
    [HS_STATUS_REJECTED] = HS_PALETTE_VERMILLION,
    [HS_STATUS_ONGOING] = HS_PALETTE_BLUE,
    [HS_STATUS_CLOSED] = HS_PALETTE_REDDISH_PURPLE,
    [HS_STATUS_WITHDRAWN] = HS_PALETTE_ORANGE,
  };

  return (guint) status < HS_N_STATUSES ? colours[status] : HS_PALETTE_GREY;
}

static void
category_clear (gpointer data)
{
  HsChartCategory *category = data;
  g_clear_pointer (&category->label, g_free);
  g_clear_pointer (&category->key, g_free);
}

static void
task_clear (gpointer data)
{
  HsChartTask *task = data;
  g_clear_pointer (&task->code, g_free);
  g_clear_pointer (&task->name, g_free);
}

static void
set_series (HsChartData *data,
            guint        index,
            const char  *label,
            guint        colour)
{
  data->series[index] = g_strdup (label);
  data->series_colour[index] = colour;
  data->n_series = MAX (data->n_series, index + 1);
}

HsChartData *
hs_chart_data_new (HsChartKind kind,
                   HsLang      lang)
{
  HsChartData *data;

  g_return_val_if_fail ((guint) kind < HS_N_CHART_KINDS, NULL);

  data = g_new0 (HsChartData, 1);
  data->kind = kind;
  data->lang = lang;
  data->title = g_strdup (_(kinds[kind].label));
  data->scope = g_strdup (_("Whole portfolio"));
  data->category_title = g_strdup (_(kinds[kind].category_title));
  data->categories = g_array_new (FALSE, TRUE, sizeof (HsChartCategory));
  g_array_set_clear_func (data->categories, category_clear);
  data->tasks = g_array_new (FALSE, TRUE, sizeof (HsChartTask));
  g_array_set_clear_func (data->tasks, task_clear);
  g_date_clear (&data->today, 1);

  switch (kind)
    {
    case HS_CHART_FINANCING:
      /* the sources' names as the editor and the command line say them */
      set_series (data, 0, hs_source_label (HS_SOURCE_EU_STATE), HS_PALETTE_BLUE);
      set_series (data, 1, hs_source_label (HS_SOURCE_CITY), HS_PALETTE_ORANGE);
      set_series (data, 2, hs_source_label (HS_SOURCE_OTHER_PUBLIC), HS_PALETTE_BLUISH_GREEN);
      set_series (data, 3, hs_source_label (HS_SOURCE_PRIVATE), HS_PALETTE_REDDISH_PURPLE);
      /* own public and own private together */
      set_series (data, 4, _("Own financing"), HS_PALETTE_YELLOW);
      break;
    case HS_CHART_BUDGET_BY_YEAR:
      set_series (data, 0, _("Total costs"), HS_PALETTE_SKY_BLUE);
      break;
    case HS_CHART_STATUS:
      set_series (data, 0, _("Total costs"), HS_PALETTE_BLUE);
      break;
    case HS_CHART_IMPLEMENTERS:
      set_series (data, 0, _("As main implementer"), HS_PALETTE_BLUE);
      set_series (data, 1, _("As partial implementer"), HS_PALETTE_ORANGE);
      break;
    case HS_CHART_TIMELINE:
    case HS_N_CHART_KINDS:
    default:
      break;
    }
  return data;
}

void
hs_chart_data_free (HsChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->scope);
  g_free (data->category_title);
  for (guint i = 0; i < HS_CHART_MAX_SERIES; i++)
    g_free (data->series[i]);
  g_free (data->reference_label);
  g_free (data->reference_note);
  g_array_unref (data->categories);
  g_array_unref (data->tasks);
  g_free (data);
}

HsChartCategory *
hs_chart_data_add_category (HsChartData  *data,
                            const char   *label,
                            const gint64 *values,
                            guint         projects)
{
  HsChartCategory category = { 0 };

  g_return_val_if_fail (data != NULL, NULL);

  for (guint s = 0; values != NULL && s < data->n_series; s++)
    {
      category.values[s] = values[s];
      if (!hs_money_add (category.total, values[s], &category.total))
        return NULL;
    }
  category.label = g_strdup (label != NULL ? label : "");
  category.projects = projects;
  category.members = 1;
  category.status = -1;
  g_array_append_val (data->categories, category);
  return &g_array_index (data->categories, HsChartCategory, data->categories->len - 1);
}

void
hs_chart_data_add_task (HsChartData *data,
                        const char  *code,
                        const char  *name,
                        HsStatus     status,
                        const GDate *start,
                        const GDate *end)
{
  HsChartTask task = { 0 };

  g_return_if_fail (data != NULL);

  task.code = g_strdup (code != NULL ? code : "");
  task.name = g_strdup (name != NULL ? name : "");
  task.status = status;
  task.start = *start;
  task.end = *end;
  g_array_append_val (data->tasks, task);
}

static int
compare_total (gconstpointer a,
               gconstpointer b)
{
  const HsChartCategory *ca = a, *cb = b;

  /* merged "other" categories go last */
  if ((ca->members > 1) != (cb->members > 1))
    return ca->members > 1 ? 1 : -1;
  if (ca->total != cb->total)
    return ca->total > cb->total ? -1 : 1;
  return g_utf8_collate (ca->label, cb->label);
}

void
hs_chart_data_sort_by_total (HsChartData *data)
{
  g_array_sort (data->categories, compare_total);
}

/* 0 running, 1 upcoming, 2 ended or closed, 3 without dates */
static int
task_group (const HsChartTask *task,
            const GDate       *today)
{
  if (!g_date_valid (&task->start) || !g_date_valid (&task->end))
    return 3;
  if (task->status == HS_STATUS_CLOSED || task->status == HS_STATUS_REJECTED || task->status == HS_STATUS_WITHDRAWN
      || g_date_compare (&task->end, today) < 0)
    return 2;
  return g_date_compare (&task->start, today) <= 0 ? 0 : 1;
}

static int
compare_tasks_by_today (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const HsChartTask *ta = a, *tb = b;
  const GDate *today = user_data;
  int ga = task_group (ta, today), gb = task_group (tb, today);
  int order = 0;

  if (ga != gb)
    return ga < gb ? -1 : 1;
  switch (ga)
    {
    case 0:   /* running: the one that ends soonest first */
      order = g_date_compare (&ta->end, &tb->end);
      break;
    case 1:   /* upcoming: the one that starts soonest first */
      order = g_date_compare (&ta->start, &tb->start);
      break;
    case 2:   /* ended: the latest first */
      order = g_date_compare (&tb->end, &ta->end);
      break;
    default:
      break;
    }
  return order != 0 ? order : strcmp (ta->code, tb->code);
}

static int
compare_tasks_by_start (gconstpointer a,
                        gconstpointer b)
{
  const HsChartTask *ta = a, *tb = b;
  gboolean va = g_date_valid (&ta->start), vb = g_date_valid (&tb->start);
  int order;

  if (va != vb)
    return va ? -1 : 1;
  if (va && (order = g_date_compare (&ta->start, &tb->start)) != 0)
    return order;
  return strcmp (ta->code, tb->code);
}

void
hs_chart_data_sort_tasks (HsChartData *data)
{
  g_return_if_fail (data != NULL);

  data->n_current = 0;
  data->tasks_by_today = g_date_valid (&data->today);
  if (!data->tasks_by_today)
    {
      g_array_sort (data->tasks, compare_tasks_by_start);
      return;
    }
  g_array_sort_with_data (data->tasks, compare_tasks_by_today, &data->today);
  for (guint i = 0; i < data->tasks->len; i++)
    if (task_group (&g_array_index (data->tasks, HsChartTask, i), &data->today) <= 1)
      data->n_current++;
}

gboolean
hs_chart_data_totals (const HsChartData *data,
                      gint64            *series_totals,
                      gint64            *grand_total,
                      guint             *projects)
{
  gint64 sums[HS_CHART_MAX_SERIES] = { 0 };
  gint64 total = 0;
  guint n = 0;

  for (guint i = 0; i < data->categories->len; i++)
    {
      const HsChartCategory *category = &g_array_index (data->categories, HsChartCategory, i);
      for (guint s = 0; s < data->n_series; s++)
        if (!hs_money_add (sums[s], category->values[s], &sums[s]))
          return FALSE;
      if (!hs_money_add (total, category->total, &total))
        return FALSE;
      n += category->projects;
    }
  if (series_totals != NULL)
    memcpy (series_totals, sums, sizeof (gint64) * data->n_series);
  if (grand_total != NULL)
    *grand_total = total;
  if (projects != NULL)
    *projects = n;
  return TRUE;
}

/* ---- table --------------------------------------------------------------- */

static void
table_set_columns (HsChartTable *table,
                   guint         n,
                   ...)
{
  va_list args;

  table->n_columns = n;
  table->headers = g_new0 (char *, n + 1);
  table->numeric = g_new0 (gboolean, n);
  va_start (args, n);
  for (guint c = 0; c < n; c++)
    {
      table->headers[c] = g_strdup (va_arg (args, const char *));
      table->numeric[c] = va_arg (args, gboolean);
    }
  va_end (args);
}

static char **
table_add_row (HsChartTable *table)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  g_ptr_array_add (table->rows, row);
  return row;
}

HsChartTable *
hs_chart_table (const HsChartData *data)
{
  HsChartTable *table;
  HsLang lang;
  gint64 sums[HS_CHART_MAX_SERIES] = { 0 };
  gint64 total = 0;
  guint projects = 0;
  gboolean totals_ok;

  g_return_val_if_fail (data != NULL, NULL);

  lang = data->lang;
  table = g_new0 (HsChartTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->total_row = -1;
  totals_ok = hs_chart_data_totals (data, sums, &total, &projects);

  switch (data->kind)
    {
    case HS_CHART_FINANCING:
    case HS_CHART_IMPLEMENTERS:
      {
        guint n = data->n_series + 2 + (data->kind == HS_CHART_FINANCING);
        table->n_columns = n;
        table->headers = g_new0 (char *, n + 1);
        table->numeric = g_new0 (gboolean, n);
        table->headers[0] = g_strdup (data->category_title);
        for (guint s = 0; s < data->n_series; s++)
          {
            table->headers[s + 1] = g_strdup (data->series[s]);
            table->numeric[s + 1] = TRUE;
          }
        /* the financing chart's bars end at the total financing: say so */
        table->headers[data->n_series + 1] = g_strdup (data->kind == HS_CHART_FINANCING
                                                       && data->basis == HS_CHART_BASIS_APPLIED
                                                       ? _("Total financing") : _("Total"));
        table->numeric[data->n_series + 1] = TRUE;
        if (data->kind == HS_CHART_FINANCING)
          {
            table->headers[n - 1] = g_strdup (_("Projects"));
            table->numeric[n - 1] = TRUE;
          }
        for (guint i = 0; i <= data->categories->len; i++)
          {
            const HsChartCategory *category = i < data->categories->len
                                              ? &g_array_index (data->categories, HsChartCategory, i) : NULL;
            char **row;

            if (category == NULL && (!totals_ok || data->categories->len < 2))
              break;
            row = table_add_row (table);
            row[0] = g_strdup (category != NULL ? category->label : _("Total"));
            for (guint s = 0; s < data->n_series; s++)
              row[s + 1] = hs_money_format (category != NULL ? category->values[s] : sums[s], lang);
            row[data->n_series + 1] = hs_money_format (category != NULL ? category->total : total, lang);
            if (data->kind == HS_CHART_FINANCING)
              row[n - 1] = hs_chart_format_count (category != NULL ? category->projects : projects, lang);
            if (category == NULL)
              table->total_row = (int) table->rows->len - 1;
          }
      }
      break;

    case HS_CHART_BUDGET_BY_YEAR:
      if (data->reference_label != NULL)
        table_set_columns (table, 3, data->category_title, FALSE, data->series[0], TRUE, data->reference_label, TRUE);
      else
        table_set_columns (table, 2, data->category_title, FALSE, data->series[0], TRUE);
      for (guint i = 0; i < data->categories->len; i++)
        {
          const HsChartCategory *category = &g_array_index (data->categories, HsChartCategory, i);
          char **row = table_add_row (table);
          row[0] = g_strdup (category->label);
          row[1] = hs_money_format (category->total, lang);
          if (data->reference_label != NULL)
            row[2] = category->has_reference ? hs_money_format (category->reference, lang) : g_strdup ("—");
        }
      if (totals_ok && data->categories->len > 1)
        {
          char **row = table_add_row (table);
          row[0] = g_strdup (_("Total"));
          row[1] = hs_money_format (total, lang);
          if (data->reference_label != NULL)
            row[2] = g_strdup ("");
          table->total_row = (int) table->rows->len - 1;
        }
      break;

    case HS_CHART_STATUS:
      table_set_columns (table, 4, data->category_title, FALSE, _("Projects"), TRUE,
                         data->series[0], TRUE, _("Share of costs"), TRUE);
      for (guint i = 0; i <= data->categories->len; i++)
        {
          const HsChartCategory *category = i < data->categories->len
                                            ? &g_array_index (data->categories, HsChartCategory, i) : NULL;
          char **row;

          if (category == NULL && !totals_ok)
            break;
          row = table_add_row (table);
          row[0] = g_strdup (category != NULL ? category->label : _("Total"));
          row[1] = hs_chart_format_count (category != NULL ? category->projects : projects, lang);
          row[2] = hs_money_format (category != NULL ? category->total : total, lang);
          row[3] = hs_rate_format (category != NULL ? hs_rate_of (category->total, total)
                                                    : (total > 0 ? HS_BP_WHOLE : 0), lang);
          if (category == NULL)
            table->total_row = (int) table->rows->len - 1;
        }
      break;

    case HS_CHART_TIMELINE:
      table_set_columns (table, 5, _("Code"), FALSE, _("Project"), FALSE, _("Status"), FALSE,
                         _("Start"), FALSE, _("End"), FALSE);
      for (guint i = 0; i < data->tasks->len; i++)
        {
          const HsChartTask *task = &g_array_index (data->tasks, HsChartTask, i);
          char **row = table_add_row (table);
          row[0] = g_strdup (task->code);
          row[1] = g_strdup (task->name);
          row[2] = g_strdup (hs_status_label (task->status));
          row[3] = hs_date_format (&task->start, lang);
          row[4] = hs_date_format (&task->end, lang);
        }
      break;

    case HS_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }

  return table;
}

void
hs_chart_table_free (HsChartTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->headers);
  g_free (table->numeric);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

char *
hs_chart_table_to_text (const HsChartTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (out, "%s%s", c > 0 ? "\t" : "", table->headers[c]);
  g_string_append_c (out, '\n');
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        g_string_append_printf (out, "%s%s", c > 0 ? "\t" : "", row[c] != NULL ? row[c] : "");
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ---- description --------------------------------------------------------- */

static const HsChartCategory *
largest_category (const HsChartData *data)
{
  const HsChartCategory *best = NULL;

  for (guint i = 0; i < data->categories->len; i++)
    {
      const HsChartCategory *category = &g_array_index (data->categories, HsChartCategory, i);
      if (category->members <= 1 && (best == NULL || category->total > best->total))
        best = category;
    }
  return best;
}

char *
hs_chart_describe (const HsChartData *data)
{
  GString *out;
  gint64 sums[HS_CHART_MAX_SERIES] = { 0 };
  gint64 total = 0;
  guint projects = 0;
  g_autofree char *total_text = NULL;
  const HsChartCategory *largest;
  HsLang lang;

  g_return_val_if_fail (data != NULL, NULL);

  lang = data->lang;
  out = g_string_new (NULL);
  /* Translators: chart title, then its scope: "Budget by year, Tampere." */
  g_string_append_printf (out, _("%s, %s."), data->title, data->scope);
  g_string_append_c (out, ' ');

  if (data->kind == HS_CHART_TIMELINE)
    {
      guint counts[HS_N_STATUSES] = { 0 };
      GDate first, last;
      gboolean first_shown = TRUE;

      if (data->tasks->len == 0)
        {
          g_string_append (out, _("There are no projects."));
          return g_string_free (out, FALSE);
        }
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      for (guint i = 0; i < data->tasks->len; i++)
        {
          const HsChartTask *task = &g_array_index (data->tasks, HsChartTask, i);
          if ((guint) task->status < HS_N_STATUSES)
            counts[task->status]++;
          if (g_date_valid (&task->start) && (!g_date_valid (&first) || g_date_compare (&task->start, &first) < 0))
            first = task->start;
          if (g_date_valid (&task->end) && (!g_date_valid (&last) || g_date_compare (&task->end, &last) > 0))
            last = task->end;
        }
      {
        g_autofree char *n = hs_chart_format_count (data->tasks->len, lang);
        g_autofree char *from = hs_date_format (&first, lang);
        g_autofree char *to = hs_date_format (&last, lang);
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s project between %s and %s:",
                                                  "%s projects between %s and %s:", data->tasks->len),
                                n, from, to);
      }
      for (guint s = 0; s < HS_N_STATUSES; s++)
        if (counts[s] > 0)
          {
            g_autofree char *n = hs_chart_format_count (counts[s], lang);
            /* Translators: "ongoing 12" in a list of statuses */
            g_string_append_printf (out, first_shown ? " %s %s" : ", %s %s", hs_status_label (s), n);
            first_shown = FALSE;
          }
      g_string_append_c (out, '.');
      if (g_date_valid (&data->today))
        {
          g_autofree char *today = hs_date_format (&data->today, lang);
          g_string_append_c (out, ' ');
          g_string_append_printf (out, _("The line marks today, %s."), today);
        }
      return g_string_free (out, FALSE);
    }

  if (data->categories->len == 0)
    {
      g_string_append (out, _("There is nothing to show yet."));
      return g_string_free (out, FALSE);
    }
  if (!hs_chart_data_totals (data, sums, &total, &projects))
    {
      g_string_append (out, _("The totals are too large to add up."));
      return g_string_free (out, FALSE);
    }
  total_text = hs_money_format (total, lang);
  largest = largest_category (data);

  switch (data->kind)
    {
    case HS_CHART_FINANCING:
    case HS_CHART_IMPLEMENTERS:
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u bar, %s in total.", "%u bars, %s in total.",
                                                data->categories->len),
                              data->categories->len, total_text);
      for (guint s = 0; s < data->n_series; s++)
        {
          g_autofree char *amount = hs_money_format (sums[s], lang);
          g_autofree char *share = hs_rate_format (hs_rate_of (sums[s], total), lang);
          /* Translators: " EU and state 1 000,00 € (40,0 %)" in a list */
          g_string_append_printf (out, s == 0 ? _(" %s %s (%s)") : _(", %s %s (%s)"), data->series[s], amount, share);
        }
      g_string_append_c (out, '.');
      break;
    case HS_CHART_BUDGET_BY_YEAR:
      {
        const HsChartCategory *first = &g_array_index (data->categories, HsChartCategory, 0);
        const HsChartCategory *last = &g_array_index (data->categories, HsChartCategory, data->categories->len - 1);
        if (data->basis != HS_CHART_BASIS_APPLIED)
          /* Translators: "EU and state support granted 1 000,00 € in 2021–2027." */
          g_string_append_printf (out, _("%s %s in %s–%s."), data->series[0], total_text, first->label, last->label);
        else
          g_string_append_printf (out, _("Total costs %s in %s–%s."), total_text, first->label, last->label);
        if (data->reference_label == NULL && data->reference_note != NULL)
          g_string_append_printf (out, " %s", data->reference_note);
        if (data->reference_label != NULL)
          for (guint i = 0; i < data->categories->len; i++)
            {
              const HsChartCategory *category = &g_array_index (data->categories, HsChartCategory, i);
              if (category->has_reference)
                {
                  g_autofree char *amount = hs_money_format (category->reference, lang);
                  g_string_append_c (out, ' ');
                  g_string_append_printf (out, _("%s: %s a year."), data->reference_label, amount);
                  break;
                }
            }
      }
      break;
    case HS_CHART_STATUS:
      {
        g_autofree char *n = hs_chart_format_count (projects, lang);
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s project, %s in total:", "%s projects, %s in total:",
                                                  projects),
                                n, total_text);
        for (guint i = 0; i < data->categories->len; i++)
          {
            const HsChartCategory *category = &g_array_index (data->categories, HsChartCategory, i);
            g_autofree char *count = hs_chart_format_count (category->projects, lang);
            g_autofree char *amount = hs_money_format (category->total, lang);
            /* Translators: " ongoing 12 (1 000,00 €)" in a list of statuses */
            g_string_append_printf (out, i == 0 ? _(" %s %s (%s)") : _(", %s %s (%s)"), category->label, count, amount);
          }
        g_string_append_c (out, '.');
      }
      largest = NULL;
      break;
    case HS_CHART_TIMELINE:
    case HS_N_CHART_KINDS:
    default:
      break;
    }

  if (largest != NULL && data->kind != HS_CHART_BUDGET_BY_YEAR)
    {
      g_autofree char *amount = hs_money_format (largest->total, lang);
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("The largest is %s, %s."), largest->label, amount);
    }
  else if (largest != NULL)
    {
      g_autofree char *amount = hs_money_format (largest->total, lang);
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("The largest year is %s, %s."), largest->label, amount);
    }
  return g_string_free (out, FALSE);
}

/* hs-financing-group.c — one implementer's financing plan: sources × years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preferences group around a grid, as the budget's: a row per financing
 * source with an HsAmountEntry for the amount not divided by year and one
 * per year of the project (a city's yearly appropriation goes in its
 * years), the source's total in bold and its share of the implementer's
 * total costs; then the total financing per column, the costs per year
 * and what remains to be covered. A source is typed either as one amount
 * or per year; every cell is its own line (source × year), and every total
 * is a sum of the stored cents. Editing a cell emits "financing-edited";
 * the editor stores it and calls hs_financing_group_update() with the
 * saved implementer.
 */
#define G_LOG_DOMAIN "hs-financing-group"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-money.h"

#include "hs-amount-entry.h"
#include "hs-financing-group.h"
#include "hs-financing-group-private.h"

#define TOTAL_ROW   (-1)
#define COSTS_ROW   (-2)
#define TOTAL_COL   1          /* a column key that is not a year */
#define CELL_WIDTH  100
#define TOTAL_WIDTH 108

struct _HsFinancingGroup
{
  AdwPreferencesGroup  parent_instance;

  HsLang               lang;
  GArray              *years;        /* of int, owned; NULL until the first update */
  char                *name;         /* the implementer's name, for accessible labels */
  HsImplementer       *impl;         /* a copy of what is shown */
  GHashTable          *entries;      /* key → HsAmountEntry (borrowed) */
  GHashTable          *totals;       /* key → GtkLabel (borrowed) */
  GtkLabel            *shares[HS_N_SOURCES];

  GtkGrid             *grid;
  GtkLabel            *remaining_title;
  GtkLabel            *remaining_label;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (HsFinancingGroup, hs_financing_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_FINANCING_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gpointer
cell_key (int row,
          int column)
{
  return GINT_TO_POINTER ((row + 3) * 100000 + column);
}

static char *
format_money (HsFinancingGroup *self,
              gint64            cents)
{
  return hs_money_format_plain (cents, self->lang);
}

static gboolean
years_equal (GArray *a,
             GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, int, i) != g_array_index (b, int, i))
      return FALSE;
  return TRUE;
}

static void
amount_committed_cb (HsAmountEntry    *entry,
                     gint64            cents,
                     HsFinancingGroup *self)
{
  int source = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "hs-source"));
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "hs-year"));

  g_signal_emit (self, signals[SIGNAL_FINANCING_EDITED], 0, source, year, cents);
}

static gboolean
cell_is_invalid (HsFinancingGroup *self,
                 int               source,
                 int               year)
{
  HsAmountEntry *entry = g_hash_table_lookup (self->entries, cell_key (source, year));

  return entry != NULL && hs_amount_entry_get_error_message (entry) != NULL;
}

static void
update_error_label (HsFinancingGroup *self)
{
  GHashTableIter iter;
  gpointer value;
  const char *message = NULL;

  g_hash_table_iter_init (&iter, self->entries);
  while (message == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    message = hs_amount_entry_get_error_message (value);

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_total (HsFinancingGroup *self,
           int               row,
           int               column,
           gint64            cents,
           gboolean          ok)
{
  GtkLabel *label = g_hash_table_lookup (self->totals, cell_key (row, column));
  g_autofree char *text = NULL;

  if (label == NULL)
    return;
  text = ok ? format_money (self, cents) : g_strdup ("—");
  gtk_label_set_text (label, text);
}

/* The columns: 0 (not divided by year), then the years. */
static int
column_year (HsFinancingGroup *self,
             guint             column)
{
  return column == 0 ? 0 : g_array_index (self->years, int, column - 1);
}

static void
update_totals (HsFinancingGroup *self)
{
  guint n_columns;
  gint64 grand = 0;
  gboolean grand_ok = TRUE;
  gint64 total_costs = 0;
  gboolean costs_ok = TRUE;
  gint64 remaining = 0;
  g_autofree char *remaining_text = NULL;

  if (self->years == NULL || self->impl == NULL)
    return;
  n_columns = 1 + self->years->len;

  /* every source's total: the sum of all its lines, shown or not */
  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      gint64 sum = 0;
      gboolean ok = TRUE;

      for (guint c = 0; c < n_columns; c++)
        ok = ok && !cell_is_invalid (self, s, column_year (self, c));
      for (guint i = 0; ok && i < self->impl->financing->len; i++)
        {
          const HsFinancingLine *line = &g_array_index (self->impl->financing, HsFinancingLine, i);

          if (line->source == s)
            ok = hs_money_add (sum, line->amount, &sum);
        }
      set_total (self, s, TOTAL_COL, sum, ok);
      grand_ok = grand_ok && ok && hs_money_add (grand, sum, &grand);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      int year = column_year (self, c);
      gint64 column_total = 0;
      gboolean column_ok = TRUE;

      for (guint s = 0; s < HS_N_SOURCES; s++)
        column_ok = column_ok && !cell_is_invalid (self, s, year) &&
                    hs_money_add (column_total, hs_implementer_get_financing_year (self->impl, s, year),
                                  &column_total);
      set_total (self, TOTAL_ROW, year, column_total, column_ok);
    }
  set_total (self, TOTAL_ROW, TOTAL_COL, grand, grand_ok);

  /* the costs, per year and in all */
  for (guint i = 0; i < self->impl->budget->len; i++)
    costs_ok = costs_ok && hs_money_add (total_costs, g_array_index (self->impl->budget, HsBudgetLine, i).amount,
                                         &total_costs);
  for (guint y = 0; y < self->years->len; y++)
    {
      int year = g_array_index (self->years, int, y);
      gint64 sum = 0;
      gboolean ok = TRUE;

      for (guint i = 0; i < self->impl->budget->len; i++)
        {
          const HsBudgetLine *line = &g_array_index (self->impl->budget, HsBudgetLine, i);

          if (line->year == year)
            ok = ok && hs_money_add (sum, line->amount, &sum);
        }
      set_total (self, COSTS_ROW, year, sum, ok);
    }
  set_total (self, COSTS_ROW, TOTAL_COL, total_costs, costs_ok);

  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      gint64 amount = hs_implementer_get_financing (self->impl, s);
      g_autofree char *share = NULL;

      if (costs_ok && total_costs > 0 && amount > 0)
        share = hs_rate_format (hs_rate_of (amount, total_costs), self->lang);
      /* Translators: the share of a financing source, "34,0 % of total costs" */
      {
        g_autofree char *text = share != NULL ? g_strdup_printf (_("%s of total costs"), share) : NULL;
        gtk_label_set_text (self->shares[s], text != NULL ? text : "");
        gtk_widget_set_visible (GTK_WIDGET (self->shares[s]), text != NULL);
      }
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->remaining_label), "success");
  if (!grand_ok || !costs_ok || !hs_money_sub (total_costs, grand, &remaining))
    {
      remaining_text = g_strdup ("—");
      gtk_label_set_text (self->remaining_title, _("Remaining to be covered"));
    }
  else if (remaining >= 0)
    {
      remaining_text = hs_money_format (remaining, self->lang);
      gtk_label_set_text (self->remaining_title, _("Remaining to be covered"));
      gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), remaining == 0 ? "success" : "error");
    }
  else
    {
      remaining_text = hs_money_format (-remaining, self->lang);
      gtk_label_set_text (self->remaining_title, _("Financing exceeds costs by"));
      gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");
    }
  gtk_label_set_text (self->remaining_label, remaining_text);
}

static void
error_message_changed_cb (HsAmountEntry    *entry,
                          GParamSpec       *pspec,
                          HsFinancingGroup *self)
{
  update_error_label (self);
  update_totals (self);
}

static GtkWidget *
numeric_label (gboolean bold)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  /* line up with the text inside the entries above */
  gtk_widget_set_margin_end (label, 10);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
row_title (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
header_label (const char *text,
              const char *tooltip)
{
  GtkWidget *label = numeric_label (FALSE);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "dim-label");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

static void
add_total_label (HsFinancingGroup *self,
                 int               row,
                 int               column,
                 int               grid_column,
                 int               grid_row,
                 gboolean          bold)
{
  GtkWidget *label = numeric_label (bold);

  gtk_widget_set_size_request (label, column == TOTAL_COL ? TOTAL_WIDTH : CELL_WIDTH, -1);
  gtk_grid_attach (self->grid, label, grid_column, grid_row, 1, 1);
  g_hash_table_insert (self->totals, cell_key (row, column), label);
}

static void
rebuild (HsFinancingGroup *self)
{
  GtkWidget *child;
  guint n_columns = 1 + self->years->len;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->entries);
  g_hash_table_remove_all (self->totals);

  /* header row */
  child = gtk_label_new (_("Source"));
  gtk_label_set_xalign (GTK_LABEL (child), 0.0);
  gtk_widget_set_valign (child, GTK_ALIGN_END);
  gtk_widget_set_hexpand (child, TRUE);
  gtk_widget_add_css_class (child, "dim-label");
  gtk_grid_attach (self->grid, child, 0, 0, 1, 1);
  gtk_grid_attach (self->grid,
                   header_label (_("Not by year"),
                                 _("An amount for the whole project, not divided by year. "
                                   "Give a source either this way or per year.")),
                   1, 0, 1, 1);
  for (guint y = 0; y < self->years->len; y++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (self->years, int, y));
      gtk_grid_attach (self->grid, header_label (text, NULL), 2 + y, 0, 1, 1);
    }
  gtk_grid_attach (self->grid, header_label (_("Total"), NULL), 1 + n_columns, 0, 1, 1);

  for (guint s = 0; s < HS_N_SOURCES; s++)
    {
      GtkWidget *title = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *share = row_title (NULL, "caption");

      gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (title), row_title (hs_source_label (s), NULL));
      gtk_widget_add_css_class (share, "dim-label");
      gtk_widget_set_visible (share, FALSE);
      gtk_box_append (GTK_BOX (title), share);
      self->shares[s] = GTK_LABEL (share);
      gtk_grid_attach (self->grid, title, 0, row, 1, 1);

      for (guint c = 0; c < n_columns; c++)
        {
          int year = column_year (self, c);
          GtkWidget *cell = hs_amount_entry_new (self->lang);
          g_autofree char *label = NULL;

          if (year == 0)
            /* Translators: the accessible name of a financing cell:
             * "Espoon kaupunki: City financing, not by year" */
            label = g_strdup_printf (_("%s: %s, not by year"), self->name, hs_source_label (s));
          else
            /* Translators: the accessible name of a financing cell:
             * "Espoon kaupunki: City financing, 2025" */
            label = g_strdup_printf (_("%s: %s, %d"), self->name, hs_source_label (s), year);
          gtk_editable_set_width_chars (GTK_EDITABLE (cell), 6);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (cell), 6);
          gtk_widget_set_size_request (cell, CELL_WIDTH, -1);
          gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (cell), "hs-source", GINT_TO_POINTER (s));
          g_object_set_data (G_OBJECT (cell), "hs-year", GINT_TO_POINTER (year));
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_signal_connect_object (cell, "amount-committed", G_CALLBACK (amount_committed_cb), self, 0);
          g_signal_connect_object (cell, "notify::error-message",
                                   G_CALLBACK (error_message_changed_cb), self, 0);
          gtk_grid_attach (self->grid, cell, 1 + c, row, 1, 1);
          g_hash_table_insert (self->entries, cell_key (s, year), cell);
        }
      add_total_label (self, s, TOTAL_COL, 1 + n_columns, row, TRUE);
      row++;
    }

  child = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_grid_attach (self->grid, child, 0, row++, 2 + n_columns, 1);

  /* total financing per column */
  gtk_grid_attach (self->grid, row_title (_("Total financing"), "heading"), 0, row, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    add_total_label (self, TOTAL_ROW, column_year (self, c), 1 + c, row, TRUE);
  add_total_label (self, TOTAL_ROW, TOTAL_COL, 1 + n_columns, row, TRUE);
  row++;

  /* the costs they cover */
  gtk_grid_attach (self->grid, row_title (_("Costs"), "dim-label"), 0, row, 1, 1);
  for (guint y = 0; y < self->years->len; y++)
    {
      add_total_label (self, COSTS_ROW, g_array_index (self->years, int, y), 2 + y, row, FALSE);
      gtk_widget_add_css_class (g_hash_table_lookup (self->totals,
                                                     cell_key (COSTS_ROW, g_array_index (self->years, int, y))),
                                "dim-label");
    }
  add_total_label (self, COSTS_ROW, TOTAL_COL, 1 + n_columns, row, FALSE);
  row++;

  /* what remains */
  child = row_title (_("Remaining to be covered"), "heading");
  self->remaining_title = GTK_LABEL (child);
  gtk_grid_attach (self->grid, child, 0, row, 1 + n_columns, 1);
  child = numeric_label (TRUE);
  gtk_widget_set_size_request (child, TOTAL_WIDTH, -1);
  self->remaining_label = GTK_LABEL (child);
  gtk_grid_attach (self->grid, child, 1 + n_columns, row, 1, 1);

  update_error_label (self);
}

void
hs_financing_group_update (HsFinancingGroup    *self,
                           const HsImplementer *impl,
                           GArray              *years)
{
  HsTotals totals;
  g_autofree char *costs_text = NULL;
  g_autofree char *description = NULL;
  const char *name;
  gboolean ok;

  g_return_if_fail (HS_IS_FINANCING_GROUP (self));
  g_return_if_fail (impl != NULL);
  g_return_if_fail (years != NULL);

  name = impl->organisation != NULL && impl->organisation->name != NULL ? impl->organisation->name : "";
  ok = hs_implementer_totals (impl, &totals, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), name);
  costs_text = ok ? hs_money_format (totals.total_costs, self->lang) : g_strdup ("—");
  /* Translators: "Main implementer · total costs 120 000,00 €" */
  description = g_strdup_printf (_("%s · total costs %s"),
                                 impl->is_main ? _("Main implementer") : _("Partial implementer"),
                                 costs_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);

  if (!years_equal (years, self->years) || g_strcmp0 (name, self->name) != 0)
    {
      g_clear_pointer (&self->years, g_array_unref);
      self->years = g_array_copy (years);
      g_free (self->name);
      self->name = g_strdup (name);
      rebuild (self);
    }

  g_clear_pointer (&self->impl, hs_implementer_free);
  self->impl = hs_implementer_copy (impl);

  for (guint s = 0; s < HS_N_SOURCES; s++)
    for (guint c = 0; c < 1 + self->years->len; c++)
      {
        int year = column_year (self, c);
        HsAmountEntry *entry = g_hash_table_lookup (self->entries, cell_key (s, year));

        /* Keep what is being typed in a cell that shows an error. */
        if (hs_amount_entry_get_error_message (entry) == NULL ||
            (gtk_widget_get_state_flags (GTK_WIDGET (entry)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0)
          hs_amount_entry_set_amount (entry, hs_implementer_get_financing_year (impl, s, year));
      }

  update_totals (self);
  update_error_label (self);
}

GtkWidget *
hs_financing_group_get_entry (HsFinancingGroup  *self,
                              HsFinancingSource  source)
{
  return hs_financing_group_get_year_entry (self, source, 0);
}

GtkWidget *
hs_financing_group_get_year_entry (HsFinancingGroup  *self,
                                   HsFinancingSource  source,
                                   int                year)
{
  g_return_val_if_fail (HS_IS_FINANCING_GROUP (self), NULL);
  g_return_val_if_fail ((guint) source < HS_N_SOURCES, NULL);
  if (year == TOTAL_COL)
    return NULL;
  return g_hash_table_lookup (self->entries, cell_key (source, year));
}

GtkLabel *
_hs_financing_group_get_remaining (HsFinancingGroup *self)
{
  g_return_val_if_fail (HS_IS_FINANCING_GROUP (self), NULL);
  return self->remaining_label;
}

GtkLabel *
_hs_financing_group_get_total (HsFinancingGroup *self,
                               int               source,
                               int               year)
{
  g_return_val_if_fail (HS_IS_FINANCING_GROUP (self), NULL);
  return g_hash_table_lookup (self->totals, cell_key (source, year == 0 ? TOTAL_COL : year));
}

GtkWidget *
hs_financing_group_new (HsLang lang)
{
  HsFinancingGroup *self = g_object_new (HS_TYPE_FINANCING_GROUP, NULL);

  self->lang = lang;
  return GTK_WIDGET (self);
}

static void
hs_financing_group_dispose (GObject *object)
{
  HsFinancingGroup *self = HS_FINANCING_GROUP (object);

  g_clear_pointer (&self->impl, hs_implementer_free);

  G_OBJECT_CLASS (hs_financing_group_parent_class)->dispose (object);
}

static void
hs_financing_group_finalize (GObject *object)
{
  HsFinancingGroup *self = HS_FINANCING_GROUP (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->totals, g_hash_table_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (hs_financing_group_parent_class)->finalize (object);
}

static void
hs_financing_group_class_init (HsFinancingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_financing_group_dispose;
  object_class->finalize = hs_financing_group_finalize;

  /**
   * HsFinancingGroup::financing-edited:
   * @source: the HsFinancingSource
   * @year: the calendar year, or 0 for the amount not divided by year
   * @cents: the new amount
   */
  signals[SIGNAL_FINANCING_EDITED] =
    g_signal_new ("financing-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT64);
}

static void
hs_financing_group_init (HsFinancingGroup *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *error = gtk_label_new (NULL);

  self->lang = HS_LANG_EN;
  self->entries = g_hash_table_new (NULL, NULL);
  self->totals = g_hash_table_new (NULL, NULL);
  self->name = g_strdup ("");

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "budget-card");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_add_css_class (grid, "budget-grid");
  gtk_box_append (GTK_BOX (card), grid);
  gtk_box_append (GTK_BOX (box), card);
  self->grid = GTK_GRID (grid);

  gtk_label_set_xalign (GTK_LABEL (error), 0.0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_set_margin_top (error, 6);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);
  self->error_label = GTK_LABEL (error);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), box);
}

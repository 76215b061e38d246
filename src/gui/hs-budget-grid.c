/* hs-budget-grid.c — one implementer's budget: cost categories × years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkGrid: a row per cost category the cost model uses (typed ones as
 * right-aligned HsAmountEntries, the derived flat rate as a label that
 * cannot be edited), a column per year, and the row and column totals in
 * bold. Every total is a sum of the stored cents. Editing a cell emits
 * "cost-edited"; the editor stores it and calls hs_budget_grid_update()
 * with the saved implementer.
 */
#define G_LOG_DOMAIN "hs-budget-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-money.h"

#include "hs-amount-entry.h"
#include "hs-budget-grid.h"
#include "hs-budget-grid-private.h"

#define TOTAL_ROW (-1)
/* so that the columns of the implementers' grids line up; wide enough for
 * "1 234 567,89", narrow enough for five years beside the findings at
 * 1280 pixels */
#define TOTAL_WIDTH 108
#define CELL_WIDTH  100

struct _HsBudgetGrid
{
  GtkWidget    parent_instance;

  HsLang       lang;
  gboolean     read_only;     /* the project's total: sums, nothing typed */
  HsCostModel  model;
  guint        rows;          /* bit (1 << HsCostCategory) of the rows shown */
  GArray      *years;         /* of int, owned */
  char        *name;          /* the implementer's name, for accessible labels */
  GHashTable  *cells;         /* key → GtkWidget (borrowed; the grid owns them) */
  GHashTable  *totals;        /* key → GtkLabel */
  GHashTable  *amounts;       /* key → gint64* (owned): the stored costs shown */

  GtkGrid     *grid;
  GtkLabel    *error_label;
  GtkLabel    *note_label;
};

G_DEFINE_FINAL_TYPE (HsBudgetGrid, hs_budget_grid, GTK_TYPE_WIDGET)

enum {
  SIGNAL_COST_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gpointer
cell_key (int category,
          int year)
{
  return GINT_TO_POINTER ((category + 2) * 100000 + year);
}

static char *
format_money (HsBudgetGrid *self,
              gint64        cents)
{
  return hs_money_format_plain (cents, self->lang);
}

static char *
category_title (HsBudgetGrid   *self,
                HsCostCategory  category)
{
  if (category == HS_COST_FLAT_RATE)
    {
      g_autofree char *rate = hs_rate_format (hs_cost_model_flat_rate (self->model), self->lang);
      /* Translators: a budget row, e.g. "Flat-rate costs (40,0 %)" */
      return g_strdup_printf (_("%s (%s)"), hs_cost_category_label (category), rate);
    }
  return g_strdup (hs_cost_category_label (category));
}

static guint
rows_for (const HsImplementer *impl,
          HsCostModel          model)
{
  guint rows = 0;

  for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
    if (hs_cost_model_allows_category (model, c))
      rows |= 1u << c;
  if (hs_cost_model_flat_rate (model) > 0)
    rows |= 1u << HS_COST_FLAT_RATE;

  /* Lines the model does not allow stay visible, so that the finding about
   * them can be seen and fixed. */
  for (guint i = 0; impl != NULL && i < impl->budget->len; i++)
    {
      const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, i);
      if (line->amount != 0)
        rows |= 1u << line->category;
    }

  return rows;
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
amount_committed_cb (HsAmountEntry *entry,
                     gint64         cents,
                     HsBudgetGrid  *self)
{
  int category = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "hs-category"));
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "hs-year"));

  g_signal_emit (self, signals[SIGNAL_COST_EDITED], 0, category, year, cents);
}

static void
update_error_label (HsBudgetGrid *self)
{
  GHashTableIter iter;
  gpointer value;
  const char *message = NULL;

  g_hash_table_iter_init (&iter, self->cells);
  while (message == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    if (HS_IS_AMOUNT_ENTRY (value))
      message = hs_amount_entry_get_error_message (value);

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void update_totals (HsBudgetGrid *self);

static void
error_message_changed_cb (HsAmountEntry *entry,
                          GParamSpec    *pspec,
                          HsBudgetGrid  *self)
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

static void
rebuild (HsBudgetGrid *self)
{
  GtkWidget *child;
  int row = 1;
  guint n_years = self->years->len;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->cells);
  g_hash_table_remove_all (self->totals);

  /* header row */
  child = gtk_label_new (_("Cost category"));
  gtk_label_set_xalign (GTK_LABEL (child), 0.0);
  gtk_widget_set_hexpand (child, TRUE);
  gtk_widget_add_css_class (child, "dim-label");
  gtk_grid_attach (self->grid, child, 0, 0, 1, 1);
  for (guint y = 0; y < n_years; y++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (self->years, int, y));
      child = numeric_label (FALSE);
      gtk_label_set_text (GTK_LABEL (child), text);
      gtk_widget_add_css_class (child, "dim-label");
      gtk_grid_attach (self->grid, child, 1 + y, 0, 1, 1);
    }
  child = numeric_label (FALSE);
  gtk_label_set_text (GTK_LABEL (child), _("Total"));
  gtk_widget_add_css_class (child, "dim-label");
  gtk_grid_attach (self->grid, child, 1 + n_years, 0, 1, 1);

  for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
    {
      g_autofree char *title = NULL;
      gboolean typed;

      if ((self->rows & (1u << c)) == 0)
        continue;

      typed = c != HS_COST_FLAT_RATE && !self->read_only;
      title = category_title (self, c);
      child = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (child), GTK_NATURAL_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (child), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 18);
      if (!typed)
        gtk_widget_add_css_class (child, "dim-label");
      gtk_grid_attach (self->grid, child, 0, row, 1, 1);

      for (guint y = 0; y < n_years; y++)
        {
          int year = g_array_index (self->years, int, y);
          GtkWidget *cell;

          if (typed)
            {
              /* Translators: the accessible name of a budget cell:
               * "Espoon kaupunki: Staff costs, 2025" */
              g_autofree char *label = g_strdup_printf (_("%s: %s, %d"), self->name, title, year);

              cell = hs_amount_entry_new (self->lang);
              gtk_editable_set_width_chars (GTK_EDITABLE (cell), 6);
              gtk_editable_set_max_width_chars (GTK_EDITABLE (cell), 6);
              gtk_widget_set_size_request (cell, CELL_WIDTH, -1);
              g_object_set_data (G_OBJECT (cell), "hs-category", GINT_TO_POINTER (c));
              g_object_set_data (G_OBJECT (cell), "hs-year", GINT_TO_POINTER (year));
              gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
              g_signal_connect_object (cell, "amount-committed",
                                       G_CALLBACK (amount_committed_cb), self, 0);
              g_signal_connect_object (cell, "notify::error-message",
                                       G_CALLBACK (error_message_changed_cb), self, 0);
            }
          else if (self->read_only)
            {
              cell = numeric_label (FALSE);
              gtk_widget_set_size_request (cell, CELL_WIDTH, -1);
            }
          else
            {
              cell = numeric_label (FALSE);
              gtk_widget_set_size_request (cell, CELL_WIDTH, -1);
              gtk_widget_add_css_class (cell, "dim-label");
              gtk_widget_add_css_class (cell, "derived");
              gtk_widget_set_sensitive (cell, FALSE);
              gtk_widget_set_tooltip_text (cell, hs_cost_model_rate_on_direct_costs (self->model)
                                                 ? _("Calculated from the other costs; not editable")
                                                 : _("Calculated from staff costs; not editable"));
            }
          gtk_grid_attach (self->grid, cell, 1 + y, row, 1, 1);
          g_hash_table_insert (self->cells, cell_key (c, year), cell);
        }

      child = numeric_label (TRUE);
      gtk_widget_set_size_request (child, TOTAL_WIDTH, -1);
      gtk_grid_attach (self->grid, child, 1 + n_years, row, 1, 1);
      g_hash_table_insert (self->totals, cell_key (c, 0), child);
      row++;
    }

  child = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_grid_attach (self->grid, child, 0, row++, 2 + n_years, 1);

  /* total row */
  child = gtk_label_new (_("Total"));
  gtk_label_set_xalign (GTK_LABEL (child), 0.0);
  gtk_widget_add_css_class (child, "heading");
  gtk_grid_attach (self->grid, child, 0, row, 1, 1);
  for (guint y = 0; y <= n_years; y++)
    {
      int year = y < n_years ? g_array_index (self->years, int, y) : 0;

      child = numeric_label (TRUE);
      gtk_grid_attach (self->grid, child, 1 + y, row, 1, 1);
      g_hash_table_insert (self->totals, cell_key (TOTAL_ROW, year), child);
    }

  if (hs_cost_model_flat_rate (self->model) > 0 && !self->read_only)
    {
      g_autofree char *rate = hs_rate_format (hs_cost_model_flat_rate (self->model), self->lang);
      g_autofree char *note = NULL;

      if (hs_cost_model_rate_on_direct_costs (self->model))
        /* Translators: %s is a rate, "7,0 %" */
        note = g_strdup_printf (_("Flat-rate costs are %s of the other costs and are calculated for you."), rate);
      else
        /* Translators: %s is a rate, "40,0 %" */
        note = g_strdup_printf (_("Flat-rate costs are %s of staff costs and are calculated for you."), rate);
      gtk_label_set_text (self->note_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);

  update_error_label (self);
}

static void
set_total (HsBudgetGrid *self,
           int           category,
           int           year,
           gint64        cents,
           gboolean      ok)
{
  GtkLabel *label = g_hash_table_lookup (self->totals, cell_key (category, year));
  g_autofree char *text = NULL;

  if (label == NULL)
    return;
  text = ok ? format_money (self, cents) : g_strdup ("—");
  gtk_label_set_text (label, text);
}

static gint64
stored_cost (HsBudgetGrid *self,
             int           category,
             int           year)
{
  gint64 *amount = g_hash_table_lookup (self->amounts, cell_key (category, year));

  return amount != NULL ? *amount : 0;
}

/* A cell whose text is not an amount: the totals it is part of are not
 * known until it is fixed (showing the stored amount's sum beside "25 00"
 * would be a number nobody typed). */
static gboolean
cell_is_invalid (HsBudgetGrid *self,
                 int           category,
                 int           year)
{
  GtkWidget *cell = g_hash_table_lookup (self->cells, cell_key (category, year));

  return HS_IS_AMOUNT_ENTRY (cell) && hs_amount_entry_get_error_message (HS_AMOUNT_ENTRY (cell)) != NULL;
}

static void
update_totals (HsBudgetGrid *self)
{
  gint64 grand = 0;
  gboolean grand_ok = TRUE;

  if (self->years == NULL)
    return;

  for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
    {
      gint64 row_total = 0;
      gboolean row_ok = TRUE;

      if ((self->rows & (1u << c)) == 0)
        continue;
      for (guint y = 0; y < self->years->len; y++)
        {
          int year = g_array_index (self->years, int, y);

          row_ok = row_ok && !cell_is_invalid (self, c, year) &&
                   hs_money_add (row_total, stored_cost (self, c, year), &row_total);
        }
      set_total (self, c, 0, row_total, row_ok);
    }

  for (guint y = 0; y < self->years->len; y++)
    {
      int year = g_array_index (self->years, int, y);
      gint64 column_total = 0;
      gboolean column_ok = TRUE;

      for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
        if ((self->rows & (1u << c)) != 0)
          column_ok = column_ok && !cell_is_invalid (self, c, year) &&
                      hs_money_add (column_total, stored_cost (self, c, year), &column_total);
      set_total (self, TOTAL_ROW, year, column_total, column_ok);
      grand_ok = grand_ok && column_ok && hs_money_add (grand, column_total, &grand);
    }
  set_total (self, TOTAL_ROW, 0, grand, grand_ok);
}

void
hs_budget_grid_update (HsBudgetGrid        *self,
                       const HsImplementer *impl,
                       HsCostModel          model,
                       GArray              *years)
{
  const char *name;
  guint rows;

  g_return_if_fail (HS_IS_BUDGET_GRID (self));
  g_return_if_fail (impl != NULL);
  g_return_if_fail (years != NULL);

  name = impl->organisation != NULL && impl->organisation->name != NULL ? impl->organisation->name : "";
  rows = rows_for (impl, model);

  if (rows != self->rows || model != self->model || !years_equal (years, self->years) ||
      g_strcmp0 (name, self->name) != 0)
    {
      self->rows = rows;
      self->model = model;
      g_clear_pointer (&self->years, g_array_unref);
      self->years = g_array_copy (years);
      g_free (self->name);
      self->name = g_strdup (name);
      rebuild (self);
    }

  g_hash_table_remove_all (self->amounts);
  for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
    {
      if ((self->rows & (1u << c)) == 0)
        continue;

      for (guint y = 0; y < self->years->len; y++)
        {
          int year = g_array_index (self->years, int, y);
          GtkWidget *cell = g_hash_table_lookup (self->cells, cell_key (c, year));
          gint64 amount = hs_implementer_get_cost (impl, c, year);

          g_hash_table_insert (self->amounts, cell_key (c, year), g_memdup2 (&amount, sizeof amount));
          if (HS_IS_AMOUNT_ENTRY (cell))
            {
              /* Keep what is being typed in a cell that shows an error. */
              if (hs_amount_entry_get_error_message (HS_AMOUNT_ENTRY (cell)) == NULL ||
                  (gtk_widget_get_state_flags (cell) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0)
                hs_amount_entry_set_amount (HS_AMOUNT_ENTRY (cell), amount);
            }
          else if (GTK_IS_LABEL (cell))
            {
              g_autofree char *text = format_money (self, amount);
              gtk_label_set_text (GTK_LABEL (cell), text);
            }
        }
    }

  update_totals (self);
  update_error_label (self);
}

GtkWidget *
hs_budget_grid_get_cell (HsBudgetGrid   *self,
                         HsCostCategory  category,
                         int             year)
{
  g_return_val_if_fail (HS_IS_BUDGET_GRID (self), NULL);
  return g_hash_table_lookup (self->cells, cell_key (category, year));
}

GtkWidget *
hs_budget_grid_get_first_editable (HsBudgetGrid *self,
                                   int           year)
{
  g_return_val_if_fail (HS_IS_BUDGET_GRID (self), NULL);

  for (guint y = 0; self->years != NULL && y < self->years->len; y++)
    {
      int shown = g_array_index (self->years, int, y);

      if (year != 0 && shown != year)
        continue;
      for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
        {
          GtkWidget *cell = g_hash_table_lookup (self->cells, cell_key (c, shown));
          if (HS_IS_AMOUNT_ENTRY (cell))
            return cell;
        }
    }
  return NULL;
}

GtkLabel *
_hs_budget_grid_get_total (HsBudgetGrid *self,
                          int           category,
                          int           year)
{
  g_return_val_if_fail (HS_IS_BUDGET_GRID (self), NULL);
  return g_hash_table_lookup (self->totals, cell_key (category, year));
}

/* The project's budget: the implementers' lines added up, shown and not
 * typed in. */
GtkWidget *
hs_budget_grid_new_total (HsLang lang)
{
  HsBudgetGrid *self = g_object_new (HS_TYPE_BUDGET_GRID, NULL);

  self->lang = lang;
  self->read_only = TRUE;
  return GTK_WIDGET (self);
}

GtkWidget *
hs_budget_grid_new (HsLang lang)
{
  HsBudgetGrid *self = g_object_new (HS_TYPE_BUDGET_GRID, NULL);

  self->lang = lang;
  return GTK_WIDGET (self);
}

static void
hs_budget_grid_dispose (GObject *object)
{
  HsBudgetGrid *self = HS_BUDGET_GRID (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_BUDGET_GRID);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hs_budget_grid_parent_class)->dispose (object);
}

static void
hs_budget_grid_finalize (GObject *object)
{
  HsBudgetGrid *self = HS_BUDGET_GRID (object);

  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->totals, g_hash_table_unref);
  g_clear_pointer (&self->amounts, g_hash_table_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (hs_budget_grid_parent_class)->finalize (object);
}

static void
hs_budget_grid_class_init (HsBudgetGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_budget_grid_dispose;
  object_class->finalize = hs_budget_grid_finalize;

  /**
   * HsBudgetGrid::cost-edited:
   * @category: the HsCostCategory
   * @year: the year
   * @cents: the new amount
   */
  signals[SIGNAL_COST_EDITED] =
    g_signal_new ("cost-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-budget-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, HsBudgetGrid, grid);
  gtk_widget_class_bind_template_child (widget_class, HsBudgetGrid, error_label);
  gtk_widget_class_bind_template_child (widget_class, HsBudgetGrid, note_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hs_budget_grid_init (HsBudgetGrid *self)
{
  self->lang = HS_LANG_EN;
  self->model = HS_N_COST_MODELS;
  self->rows = 0;
  self->cells = g_hash_table_new (NULL, NULL);
  self->totals = g_hash_table_new (NULL, NULL);
  self->amounts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->name = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

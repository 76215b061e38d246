/* hs-project-list.c — the sortable, filterable list of projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over the shown rows (a GListStore of HsProjectRow) →
 * GtkSingleSelection. Every project is an HsProjectItem built from one
 * query (hs_repository_list_project_summaries) and kept in an array; a
 * search, status or scope picks the matching ones in one pass (1 ms) and
 * sorts them with the column view's own sorter, and the rows then show
 * them in that order: the first row the first project, and so on (see
 * apply_rows). Cells are GtkInscriptions bound to the item's plain struct,
 * set again when their row shows another project, so scrolling never
 * touches the database.
 */
#define G_LOG_DOMAIN "hs-project-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-validate.h"

#include "hs-project-item.h"
#include "hs-project-list.h"
#include "hs-project-row.h"

typedef enum
{
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_MAIN,
  COLUMN_PARTIALS,
  COLUMN_FOCUS_AREA,
  COLUMN_STATUS,
  COLUMN_SCHEDULE,
  COLUMN_TOTAL,
  COLUMN_EU_STATE,
  COLUMN_SUPPORT,
  COLUMN_FINDINGS,
  N_COLUMNS
} Column;

struct _HsProjectList
{
  GtkWidget            parent_instance;

  GPtrArray           *all;          /* of HsProjectItem, owned: every project */
  GListStore          *shown;        /* of HsProjectRow: the projects that match, sorted */
  GPtrArray           *spare_rows;   /* HsProjectRow, owned: rows a filter took off the end, for the next */
  GtkSorter           *sorter;       /* the column view's: what the headers say */
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
  HsLang               lang;
  HsRepository        *repository;   /* the one the rows came from, for findings */

  /* filter state */
  char                *search;       /* casefolded, NULL when empty */
  int                  status;       /* -1: any */
  HsFindingsFilter     findings;
  gint64               agreement_id; /* 0: any */
  gint64               focus_area_id;/* 0: any */

  /* template children */
  GtkScrolledWindow   *scrolled_window;
  GdkFrameClock       *to_top_clock;  /* borrowed: waiting to scroll to the top */
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (HsProjectList, hs_project_list, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PROJECT_ACTIVATED,
  SIGNAL_ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- cells ---------------------------------------------------------------- */

static gboolean
column_is_numeric (Column column)
{
  return column == COLUMN_PARTIALS || column == COLUMN_TOTAL || column == COLUMN_EU_STATE
         || column == COLUMN_SUPPORT || column == COLUMN_FINDINGS;
}

/* Long names are cut with an ellipsis; the tooltip shows them whole. It is
 * asked for only when the pointer rests on a cell: setting a tooltip on
 * every bind costs an X round trip per cell while scrolling or sorting. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The findings of a project, one a line, errors first as the rules give
 * them: loaded and checked when asked for, as the editor checks them (the
 * list's summaries have only the counts). NULL when it has none. */
char *
hs_project_list_describe_findings (HsRepository  *repository,
                                   gint64         project_id,
                                   HsLang         lang,
                                   GError       **error)
{
  /* a tooltip taller than this is not read; the editor lists them all */
  const guint most = 10;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) text = NULL;
  HsValidationContext context = { 0, };

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  project = hs_repository_load_project (repository, project_id, error);
  if (project == NULL)
    return NULL;
  calls = hs_repository_list_calls (repository, 0, error);
  if (calls == NULL)
    return NULL;
  focus_areas = hs_repository_list_focus_areas (repository, 0, error);
  if (focus_areas == NULL)
    return NULL;
  agreements = hs_repository_list_agreements (repository, error);
  if (agreements == NULL)
    return NULL;

  for (guint i = 0; project->call_id != 0 && i < calls->len; i++)
    if (((HsCall *) g_ptr_array_index (calls, i))->id == project->call_id)
      context.call = g_ptr_array_index (calls, i);
  for (guint i = 0; project->focus_area_id != 0 && i < focus_areas->len; i++)
    if (((HsFocusArea *) g_ptr_array_index (focus_areas, i))->id == project->focus_area_id)
      context.focus_area = g_ptr_array_index (focus_areas, i);
  for (guint i = 0; i < agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (agreements, i))->id == project->agreement_id)
      context.agreement = g_ptr_array_index (agreements, i);
  context.lang = lang;

  findings = hs_validate_project (project, &context);
  if (findings->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < findings->len && i < most; i++)
    {
      const HsFinding *finding = g_ptr_array_index (findings, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a line of the findings tooltip in the project list */
      g_string_append_printf (text, finding->severity == HS_SEVERITY_ERROR ? _("Error: %s") : _("Warning: %s"),
                              finding->message);
    }
  if (findings->len > most)
    {
      guint more = findings->len - most;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more finding", "and %u more findings", more),
                              more);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The findings cell's tooltip: what the findings are. Made only when the
 * pointer rests on the cell, once per row's summary (an edited project
 * gets a new item, and so a new text). */
static gboolean
findings_query_tooltip_cb (GtkWidget     *widget,
                           int            x,
                           int            y,
                           gboolean       keyboard_mode,
                           GtkTooltip    *tooltip,
                           HsProjectList *self)
{
  HsProjectItem *item = g_object_get_data (G_OBJECT (widget), "hs-project-item");
  const HsProjectSummary *summary;
  const char *text;

  if (item == NULL || self->repository == NULL)
    return FALSE;
  summary = hs_project_item_get_summary (item);
  if (summary->errors == 0 && summary->warnings == 0)
    return FALSE;

  text = g_object_get_data (G_OBJECT (item), "hs-findings-text");
  if (text == NULL)
    {
      g_autoptr(GError) error = NULL;
      char *made = hs_project_list_describe_findings (self->repository, summary->id, self->lang, &error);

      if (made == NULL)
        {
          if (error != NULL)
            g_warning ("Could not check project %s: %s", summary->code, error->message);
          return FALSE;
        }
      g_object_set_data_full (G_OBJECT (item), "hs-findings-text", made, g_free);
      text = made;
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (column_is_numeric (column))
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }
  if (column == COLUMN_NAME || column == COLUMN_FOCUS_AREA || column == COLUMN_MAIN)
    {
      gtk_widget_set_has_tooltip (inscription, TRUE);
      g_signal_connect (inscription, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
    }
  if (column == COLUMN_FINDINGS)
    {
      gtk_widget_set_has_tooltip (inscription, TRUE);
      g_signal_connect (inscription, "query-tooltip", G_CALLBACK (findings_query_tooltip_cb),
                        g_object_get_data (G_OBJECT (factory), "hs-project-list"));
    }
  gtk_list_item_set_child (list_item, inscription);
}

static char *
cell_text (HsProjectList          *self,
           Column                  column,
           const HsProjectSummary *s)
{
  switch (column)
    {
    case COLUMN_CODE:
      return g_strdup (s->code);
    case COLUMN_NAME:
      return g_strdup (s->name);
    case COLUMN_MAIN:
      return g_strdup (s->main_implementer != NULL ? s->main_implementer : "—");
    case COLUMN_PARTIALS:
      return g_strdup_printf ("%u", s->partial_implementers);
    case COLUMN_FOCUS_AREA:
      return g_strdup (s->focus_area != NULL ? s->focus_area : "—");
    case COLUMN_STATUS:
      return g_strdup (hs_status_label (s->status));
    case COLUMN_SCHEDULE:
      {
        g_autofree char *start = hs_date_format (&s->start_date, self->lang);
        g_autofree char *end = hs_date_format (&s->end_date, self->lang);
        return g_strdup_printf ("%s – %s", start, end);
      }
    case COLUMN_TOTAL:
      return hs_money_format (s->total_costs, self->lang);
    case COLUMN_EU_STATE:
      return hs_money_format (s->eu_state, self->lang);
    case COLUMN_SUPPORT:
      return hs_rate_format (s->support_bp, self->lang);
    case COLUMN_FINDINGS:
      if (s->errors > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", s->errors), s->errors);
      if (s->warnings > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", s->warnings), s->warnings);
      return g_strdup ("");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* A cell shows its row's project. */
static void
show_cell (HsProjectList *self,
           Column         column,
           GtkListItem   *list_item)
{
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  HsProjectItem *item = hs_project_row_get_item (gtk_list_item_get_item (list_item));
  const HsProjectSummary *summary = hs_project_item_get_summary (item);
  g_autofree char *text = cell_text (self, column, summary);

  gtk_inscription_set_text (inscription, text);

  /* A screen reader names a row by its code and name. GTK 4.8 gives no
   * handle on a column view's row widget (it is private, and so are the
   * cells around our inscriptions) and no way to name it from the
   * factory; its accessible properties are those of any widget, so the
   * code cell, which every row has whatever the column order, names its
   * row (the cell's parent's parent) at each bind. What 4.8 cannot do: a
   * cell announced with its column's title, or the row's position. */
  if (column == COLUMN_CODE)
    {
      GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (inscription));
      GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

      if (row != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s %s", summary->code, summary->name != NULL ? summary->name : "");
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, g_strchomp (name), -1);
        }
    }

  if (column == COLUMN_FINDINGS)
    {
      g_object_set_data_full (G_OBJECT (inscription), "hs-project-item", g_object_ref (item), g_object_unref);
      if (summary->errors > 0)
        gtk_widget_add_css_class (GTK_WIDGET (inscription), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (inscription), "error");
      if (summary->errors == 0 && summary->warnings > 0)
        gtk_widget_add_css_class (GTK_WIDGET (inscription), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (inscription), "warning");
    }
}

typedef struct
{
  HsProjectList *list;
  Column         column;
  GtkListItem   *list_item;
} BoundCell;

static void
bound_cell_free (gpointer  data,
                 GClosure *closure)
{
  g_free (data);
}

static void
row_item_changed_cb (HsProjectRow *row,
                     GParamSpec   *pspec,
                     BoundCell    *cell)
{
  show_cell (cell->list, cell->column, cell->list_item);
}

/* A cell follows its row: a new filter or sort gives the row another
 * project, and the cell shows it (the row widget stays). */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  BoundCell *cell = g_new (BoundCell, 1);
  HsProjectRow *row = gtk_list_item_get_item (list_item);

  cell->list = g_object_get_data (G_OBJECT (factory), "hs-project-list");
  cell->column = GPOINTER_TO_INT (user_data);
  cell->list_item = list_item;
  show_cell (cell->list, cell->column, list_item);
  g_signal_connect_data (row, "notify::item", G_CALLBACK (row_item_changed_cb), cell,
                         bound_cell_free, 0);
  g_object_set_data (G_OBJECT (list_item), "hs-bound-cell", cell);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  BoundCell *cell = g_object_get_data (G_OBJECT (list_item), "hs-bound-cell");
  HsProjectRow *row = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (list_item), "hs-bound-cell", NULL);
  if (cell != NULL && row != NULL)
    g_signal_handlers_disconnect_by_data (row, cell);
}

/* ---- sorting -------------------------------------------------------------- */

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* The support share exactly (the column shows it rounded to 0,1 %): a
 * project without costs or with negative support has none and sorts first. */
static int
compare_shares (const HsProjectSummary *x,
                const HsProjectSummary *y)
{
  gboolean has_x = x->total_costs > 0 && x->eu_state >= 0;
  gboolean has_y = y->total_costs > 0 && y->eu_state >= 0;

  if (!has_x || !has_y)
    return has_x - has_y;
  return hs_ratio_compare (x->eu_state, x->total_costs, y->eu_state, y->total_costs);
}

static int
compare_dates (const GDate *a,
               const GDate *b)
{
  gboolean va = g_date_valid (a), vb = g_date_valid (b);

  if (!va || !vb)
    return va == vb ? 0 : va ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return g_date_compare (a, b) < 0 ? GTK_ORDERING_SMALLER
         : g_date_compare (a, b) > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_texts (HsProjectItem     *a,
               HsProjectItem     *b,
               HsProjectItemText  which)
{
  int c = strcmp (hs_project_item_get_sort_key (a, which), hs_project_item_get_sort_key (b, which));
  return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_items_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  HsProjectItem *ia = (HsProjectItem *) a, *ib = (HsProjectItem *) b;
  const HsProjectSummary *x = hs_project_item_get_summary (ia);
  const HsProjectSummary *y = hs_project_item_get_summary (ib);
  int order = 0;

  switch (column)
    {
    case COLUMN_CODE: order = compare_texts (ia, ib, HS_PROJECT_ITEM_CODE); break;
    case COLUMN_NAME: order = compare_texts (ia, ib, HS_PROJECT_ITEM_NAME); break;
    case COLUMN_MAIN: order = compare_texts (ia, ib, HS_PROJECT_ITEM_MAIN_IMPLEMENTER); break;
    case COLUMN_PARTIALS: order = compare_int64 (x->partial_implementers, y->partial_implementers); break;
    case COLUMN_FOCUS_AREA: order = compare_texts (ia, ib, HS_PROJECT_ITEM_FOCUS_AREA); break;
    case COLUMN_STATUS: order = compare_int64 (x->status, y->status); break;
    case COLUMN_SCHEDULE:
      order = compare_dates (&x->start_date, &y->start_date);
      if (order == 0)
        order = compare_dates (&x->end_date, &y->end_date);
      break;
    case COLUMN_TOTAL: order = compare_int64 (x->total_costs, y->total_costs); break;
    case COLUMN_EU_STATE: order = compare_int64 (x->eu_state, y->eu_state); break;
    case COLUMN_SUPPORT: order = compare_shares (x, y); break;
    case COLUMN_FINDINGS:
      order = compare_int64 (x->errors, y->errors);
      if (order == 0)
        order = compare_int64 (x->warnings, y->warnings);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* Ties in code order, so that the list is stable. */
  if (order == 0 && column != COLUMN_CODE)
    order = compare_int64 (x->id, y->id);
  return order;
}

/* ---- filtering ------------------------------------------------------------ */

static gboolean
in_scope (HsProjectList          *self,
          const HsProjectSummary *s)
{
  return (self->agreement_id == 0 || s->agreement_id == self->agreement_id)
         && (self->focus_area_id == 0 || s->focus_area_id == self->focus_area_id);
}

static gboolean
matches (HsProjectList *self,
         HsProjectItem *item)
{
  const HsProjectSummary *s = hs_project_item_get_summary (item);

  if (self->status >= 0 && (int) s->status != self->status)
    return FALSE;
  if (self->findings == HS_FINDINGS_SOME && s->errors == 0 && s->warnings == 0)
    return FALSE;
  if (self->findings == HS_FINDINGS_ERRORS && s->errors == 0)
    return FALSE;
  if (!in_scope (self, s))
    return FALSE;
  if (self->search != NULL && strstr (hs_project_item_get_search_key (item), self->search) == NULL)
    return FALSE;
  return TRUE;
}

static int
compare_with_sorter (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return gtk_sorter_compare (GTK_SORTER (user_data), *(gpointer *) a, *(gpointer *) b);
}

/* The rows show the projects in order. The store's rows are places, not
 * projects: the first row shows the first project, and so on; only rows
 * past the end are added or removed, at the end. GTK 4.8's column view
 * keeps the widgets of the rows it shows and only sets their cells again
 * (a changed set of items costs it new widgets for about 200 rows of
 * eleven cells, 150 ms, as it does not recycle them). The selection stays
 * with its project while it is shown. */
static void
apply_rows (HsProjectList *self,
            GPtrArray     *rows)
{
  GListModel *shown = G_LIST_MODEL (self->shown);
  guint old_len = g_list_model_get_n_items (shown);
  guint new_len = rows->len;
  guint selected = gtk_single_selection_get_selected (self->selection);
  HsProjectItem *selected_item = NULL;
  guint now_at = GTK_INVALID_LIST_POSITION;

  if (selected != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(HsProjectRow) row = g_list_model_get_item (shown, selected);
      selected_item = g_object_ref (hs_project_row_get_item (row));
    }

  for (guint i = 0; i < MIN (old_len, new_len); i++)
    {
      g_autoptr(HsProjectRow) row = g_list_model_get_item (shown, i);
      hs_project_row_set_item (row, g_ptr_array_index (rows, i));
    }
  /* Rows that go are kept for the rows that come (a search takes 9 000 off
   * the end and clearing it puts them back): freeing them cost as much as
   * the rest of a filter. */
  if (new_len > old_len)
    {
      g_autoptr(GPtrArray) more = g_ptr_array_new_full (new_len - old_len, g_object_unref);

      for (guint i = old_len; i < new_len; i++)
        {
          HsProjectItem *item = g_ptr_array_index (rows, i);

          if (self->spare_rows->len > 0)
            {
              HsProjectRow *row = g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);

              hs_project_row_set_item (row, item);
              g_ptr_array_add (more, row);
            }
          else
            g_ptr_array_add (more, hs_project_row_new (item));
        }
      g_list_store_splice (self->shown, old_len, 0, more->pdata, more->len);
    }
  else if (new_len < old_len)
    {
      for (guint i = new_len; i < old_len; i++)
        g_ptr_array_add (self->spare_rows, g_list_model_get_item (shown, i));
      g_list_store_splice (self->shown, new_len, old_len - new_len, NULL, 0);
    }

  if (selected_item != NULL)
    {
      for (guint i = 0; i < new_len && now_at == GTK_INVALID_LIST_POSITION; i++)
        if (g_ptr_array_index (rows, i) == selected_item)
          now_at = i;
      if (now_at != gtk_single_selection_get_selected (self->selection))
        gtk_single_selection_set_selected (self->selection, now_at);
      g_object_unref (selected_item);
    }

  g_signal_emit (self, signals[SIGNAL_ROWS_CHANGED], 0);
}

static void
refilter (HsProjectList *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_sized_new (self->all->len);

  for (guint i = 0; i < self->all->len; i++)
    {
      HsProjectItem *item = g_ptr_array_index (self->all, i);
      if (matches (self, item))
        g_ptr_array_add (rows, item);
    }
  g_ptr_array_sort_with_data (rows, compare_with_sorter, self->sorter);
  apply_rows (self, rows);
}

/* A new order or a new set of rows starts at the top. GTK 4.8's list keeps
 * its anchor on the row that was at the top, wherever that row goes: after
 * a sort the view showed the middle or the end, and the first rows (the
 * highest, sorted descending) were above it. The column view has no
 * scroll_to() in 4.8, and its adjustment refuses a position among rows it
 * has not laid out yet; so the view goes back to the top once the frame
 * with the new rows is painted (its list view's own scroll action costs a
 * second layout of every row it passes, 100–250 ms at 10 000 rows). */
static void
to_top_after_paint_cb (GdkFrameClock *clock,
                       HsProjectList *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  g_signal_handlers_disconnect_by_func (clock, to_top_after_paint_cb, self);
  self->to_top_clock = NULL;
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
refilter_from_top (HsProjectList *self)
{
  refilter (self);
  hs_project_list_scroll_to_top (self);
}

static void
sorter_changed_cb (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   HsProjectList   *self)
{
  refilter_from_top (self);
}

void
hs_project_list_set_search (HsProjectList *self,
                            const char    *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (HS_IS_PROJECT_LIST (self));

  if (text != NULL && *text != '\0')
    folded = g_utf8_casefold (text, -1);

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  refilter_from_top (self);
}

void
hs_project_list_set_status_filter (HsProjectList *self,
                                   int            status)
{
  g_return_if_fail (HS_IS_PROJECT_LIST (self));

  if (self->status == status)
    return;
  self->status = status;
  refilter_from_top (self);
}

void
hs_project_list_set_findings_filter (HsProjectList    *self,
                                     HsFindingsFilter  findings)
{
  g_return_if_fail (HS_IS_PROJECT_LIST (self));

  if (self->findings == findings)
    return;
  self->findings = findings;
  refilter_from_top (self);
}

void
hs_project_list_set_scope (HsProjectList *self,
                           gint64         agreement_id,
                           gint64         focus_area_id)
{
  g_return_if_fail (HS_IS_PROJECT_LIST (self));

  if (self->agreement_id == agreement_id && self->focus_area_id == focus_area_id)
    return;
  self->agreement_id = agreement_id;
  self->focus_area_id = focus_area_id;
  refilter_from_top (self);
}

/* ---- data ----------------------------------------------------------------- */

gboolean
hs_project_list_load (HsProjectList  *self,
                      HsRepository   *repository,
                      GError        **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), FALSE);

  summaries = hs_repository_list_project_summaries (repository, error);
  if (summaries == NULL)
    return FALSE;

  items = g_ptr_array_new_full (summaries->len, g_object_unref);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (items, hs_project_item_new_take (&g_array_index (summaries, HsProjectSummary, i)));

  g_ptr_array_unref (self->all);
  self->all = g_steal_pointer (&items);
  /* they show the projects of before */
  g_ptr_array_set_size (self->spare_rows, 0);
  g_set_object (&self->repository, repository);
  refilter (self);
  return TRUE;
}

gboolean
hs_project_list_update_project (HsProjectList  *self,
                                HsRepository   *repository,
                                gint64          id,
                                GError        **error)
{
  HsProjectSummary summary = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HsProjectItem) item = NULL;
  guint in_all = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), FALSE);

  if (!hs_repository_get_project_summary (repository, id, &summary, &local_error))
    {
      if (!g_error_matches (local_error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  else
    item = hs_project_item_new_take (&summary);

  for (guint i = 0; i < self->all->len && in_all == GTK_INVALID_LIST_POSITION; i++)
    if (hs_project_item_get_summary (g_ptr_array_index (self->all, i))->id == id)
      in_all = i;

  if (item != NULL && in_all != GTK_INVALID_LIST_POSITION)
    {
      g_object_unref (g_ptr_array_index (self->all, in_all));
      self->all->pdata[in_all] = g_object_ref (item);
    }
  else if (item != NULL)
    g_ptr_array_add (self->all, g_object_ref (item));
  else if (in_all != GTK_INVALID_LIST_POSITION)
    g_ptr_array_remove_index (self->all, in_all);

  /* Its row takes its place in the sorted, filtered rows again; the other
   * rows are the same objects, so only what changed is bound anew. */
  refilter (self);

  return TRUE;
}

GListModel *
hs_project_list_get_model (HsProjectList *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), NULL);

  return G_LIST_MODEL (self->shown);
}

HsProjectItem *
hs_project_list_get_item (HsProjectList *self,
                          guint          position)
{
  g_autoptr(HsProjectRow) row = NULL;

  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->shown), position);
  /* the row holds a reference */
  return row != NULL ? hs_project_row_get_item (row) : NULL;
}

guint
hs_project_list_get_n_projects (HsProjectList *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), 0);

  return self->all->len;
}

gboolean
hs_project_list_is_filtered (HsProjectList *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), FALSE);

  return self->search != NULL || self->status >= 0 || self->findings != HS_FINDINGS_ANY;
}

guint
hs_project_list_get_n_in_scope (HsProjectList *self)
{
  guint n = 0;

  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), 0);

  for (guint i = 0; i < self->all->len; i++)
    n += in_scope (self, hs_project_item_get_summary (g_ptr_array_index (self->all, i)));
  return n;
}

void
hs_project_list_sort_by (HsProjectList *self,
                         const char    *column_id,
                         GtkSortType    direction)
{
  static const char *ids[N_COLUMNS] = {
    "code", "name", "main-implementer", "partial-implementers", "focus-area", "status",
    "schedule", "total-costs", "eu-state", "support-rate", "findings",
  };

  g_return_if_fail (HS_IS_PROJECT_LIST (self));

  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (ids[i], column_id) == 0)
      {
        gtk_column_view_sort_by_column (self->column_view, self->columns[i], direction);
        return;
      }
  g_warning ("No column “%s” to sort by", column_id);
}

gint64
hs_project_list_get_selected_id (HsProjectList *self)
{
  HsProjectRow *row;

  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), 0);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? hs_project_item_get_summary (hs_project_row_get_item (row))->id : 0;
}

gboolean
hs_project_list_select_id (HsProjectList *self,
                           gint64         id)
{
  GListModel *model = G_LIST_MODEL (self->shown);

  g_return_val_if_fail (HS_IS_PROJECT_LIST (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HsProjectRow) row = g_list_model_get_item (model, i);
      if (hs_project_item_get_summary (hs_project_row_get_item (row))->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
column_view_activate_cb (GtkColumnView *column_view,
                         guint          position,
                         HsProjectList *self)
{
  g_autoptr(HsProjectRow) row = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (row != NULL)
    g_signal_emit (self, signals[SIGNAL_PROJECT_ACTIVATED], 0,
                   hs_project_item_get_summary (hs_project_row_get_item (row))->id);
}

/* ---- widget --------------------------------------------------------------- */

static void
add_column (HsProjectList *self,
            Column         column,
            const char    *title,
            gboolean       expand,
            int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_items_cb, GINT_TO_POINTER (column), NULL);
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "hs-project-list", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);
}

static void
hs_project_list_dispose (GObject *object)
{
  HsProjectList *self = HS_PROJECT_LIST (object);
  GtkWidget *child;

  if (self->sorter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sorter, self);
      self->sorter = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_PROJECT_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
  if (self->to_top_clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->to_top_clock, to_top_after_paint_cb, self);
      self->to_top_clock = NULL;
    }
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_project_list_parent_class)->dispose (object);
}

static void
hs_project_list_finalize (GObject *object)
{
  HsProjectList *self = HS_PROJECT_LIST (object);

  g_free (self->search);

  G_OBJECT_CLASS (hs_project_list_parent_class)->finalize (object);
}

static void
hs_project_list_class_init (HsProjectListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_project_list_dispose;
  object_class->finalize = hs_project_list_finalize;

  /**
   * HsProjectList::project-activated:
   * @id: the project's id
   *
   * A row was activated (double click, Enter).
   */
  signals[SIGNAL_PROJECT_ACTIVATED] =
    g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * HsProjectList::rows-changed:
   *
   * The shown rows are other projects, or in another order, or more or
   * fewer (the model's "items-changed" comes only for the last).
   */
  signals[SIGNAL_ROWS_CHANGED] =
    g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-project-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HsProjectList, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, HsProjectList, column_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hs_project_list_init (HsProjectList *self)
{
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lang = hs_lang_current ();
  self->status = -1;

  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_list_store_new (HS_TYPE_PROJECT_ROW);

  /* What a reviewer reads first comes first: the money and the findings;
   * the columns can be reordered and resized. */
  add_column (self, COLUMN_CODE, _("Code"), FALSE, 130);
  add_column (self, COLUMN_NAME, _("Name"), TRUE, 220);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE, 110);
  /* in view at the default size (1280 × 800), beside the status it may block */
  add_column (self, COLUMN_FINDINGS, _("Findings"), FALSE, 100);
  add_column (self, COLUMN_TOTAL, _("Total Costs"), FALSE, 175);
  add_column (self, COLUMN_EU_STATE, _("EU and State"), FALSE, 150);
  add_column (self, COLUMN_SUPPORT, _("Support"), FALSE, 110);
  add_column (self, COLUMN_MAIN, _("Main Implementer"), FALSE, 170);
  add_column (self, COLUMN_FOCUS_AREA, _("Focus Area"), FALSE, 180);
  add_column (self, COLUMN_PARTIALS, _("Partial"), FALSE, 110);
  add_column (self, COLUMN_SCHEDULE, _("Schedule"), FALSE, 190);

  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorter = view_sorter;
  g_signal_connect (view_sorter, "changed", G_CALLBACK (sorter_changed_cb), self);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self->column_view, "activate", G_CALLBACK (column_view_activate_cb), self);

  /* The column view's own parts, which GTK 4.8 keeps private and leaves
   * unnamed: its header row (it can take the focus) and the list inside
   * it, which is named after the column view. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        self->column_view, NULL, -1);
      else if (gtk_widget_get_focusable (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Column headers"), -1);
    }
}

/* The list from its first row: after a filter, a sort or an import. Once
 * the rows are laid out where the anchor took them, the adjustment can go
 * back to the top (GTK lays out only the rows it then shows). */
void
hs_project_list_scroll_to_top (HsProjectList *self)
{
  GtkAdjustment *vadjustment;
  GdkFrameClock *clock;

  g_return_if_fail (HS_IS_PROJECT_LIST (self));

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  if (gtk_adjustment_get_value (vadjustment) <= gtk_adjustment_get_lower (vadjustment) ||
      self->to_top_clock != NULL)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view));
  if (clock == NULL)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
      return;
    }
  self->to_top_clock = clock;
  g_signal_connect (clock, "after-paint", G_CALLBACK (to_top_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->column_view));
}

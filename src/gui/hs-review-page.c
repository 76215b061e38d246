/* hs-review-page.c — a call's applications ranked by their assessment, with the call's money
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One reload reads the calls, the project summaries, the portfolio lines
 * (for the decisions and grants), the call's proposal and criteria, and
 * every score of the call's applications (hs_repository_list_call_reviews):
 * a fixed number of queries whatever the number of applications. The
 * ranking is hs_review_summarise and hs_review_rank of the core, the money
 * hs_call_money; the column view's rows are made only for what shows.
 */
#define G_LOG_DOMAIN "hs-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-money.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-review.h"

#include "hs-assess-dialog.h"
#include "hs-decision-dialog.h"
#include "hs-diff-window.h"
#include "hs-money-bar.h"
#include "hs-proposal-dialog.h"
#include "hs-report-actions.h"
#include "hs-review-item.h"
#include "hs-review-page-private.h"

struct _HsReviewPage
{
  GtkWidget       parent_instance;

  HsRepository   *repository;   /* owned */
  gulong          changed_id;
  gboolean        dirty;
  gboolean        filling;      /* the drop-down is being refilled */
  HsLang          lang;
  gint64          call_id;      /* the call shown; 0: none yet */
  GPtrArray      *calls;        /* HsCall*, as the drop-down lists them */
  HsCallMoney     money;
  GListStore     *store;        /* HsReviewItem */
  GHashTable     *items;        /* project id → its HsReviewItem (borrowed from store or pending) */
  GPtrArray      *pending;      /* HsReviewItem* still to add at the store's end, or NULL */
  guint           pending_id;   /* the idle that adds them */
  guint           pending_tick; /* the frame after which it starts */
  GtkSingleSelection *selection;
  GtkWindow      *dialog;       /* weak */

  GtkStack       *stack;
  GtkStack       *ranking_stack;
  GtkDropDown    *call_drop_down;
  GtkStringList  *call_names;
  HsMoneyBar     *money_bar;
  GtkColumnView  *view;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (HsReviewPage, hs_review_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_RANK,
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_SCORE,
  COLUMN_REVIEWERS,
  COLUMN_CRITERIA,
  COLUMN_PROPOSAL,
  COLUMN_APPLIED,
  COLUMN_GRANTED,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* ---- loading -------------------------------------------------------------- */

static gboolean
is_application (const HsProjectSummary *s)
{
  return s->status != HS_STATUS_DRAFT && s->status != HS_STATUS_WITHDRAWN;
}

static const HsCall *
current_call (HsReviewPage *self)
{
  for (guint i = 0; self->calls != NULL && i < self->calls->len; i++)
    if (((HsCall *) g_ptr_array_index (self->calls, i))->id == self->call_id)
      return g_ptr_array_index (self->calls, i);
  return NULL;
}

static void update_actions (HsReviewPage *self);


static gboolean
fill_calls (HsReviewPage  *self,
            GError       **error)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (self->repository, 0, error);
  g_autoptr(GPtrArray) names = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  gboolean same;

  if (calls == NULL)
    return FALSE;
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < calls->len; i++)
    {
      const HsCall *call = g_ptr_array_index (calls, i);

      g_ptr_array_add (names, hs_call_dup_display_name (call, self->lang));
      if (call->id == self->call_id)
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      selected = calls->len > 0 ? 0 : GTK_INVALID_LIST_POSITION;
      self->call_id = calls->len > 0 ? ((HsCall *) g_ptr_array_index (calls, 0))->id : 0;
    }

  same = g_list_model_get_n_items (G_LIST_MODEL (self->call_names)) == names->len;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->call_names, i), g_ptr_array_index (names, i)) == 0;
  g_clear_pointer (&self->calls, g_ptr_array_unref);
  self->calls = g_steal_pointer (&calls);

  self->filling = TRUE;
  if (!same)
    {
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->call_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->call_names)),
                              (const char * const *) names->pdata);
    }
  gtk_drop_down_set_selected (self->call_drop_down, selected);
  self->filling = FALSE;
  return TRUE;
}

static int
compare_portfolio (gconstpointer key,
                   gconstpointer element)
{
  gint64 id = *(const gint64 *) key;
  const HsPortfolioProject *p = element;

  return id < p->id ? -1 : id > p->id;
}

static int
compare_review (gconstpointer key,
                gconstpointer element)
{
  gint64 id = *(const gint64 *) key;
  const HsReview *r = *(const HsReview * const *) element;

  return id < r->project_id ? -1 : id > r->project_id;
}

#define FIRST_ROWS 26

static gboolean
add_pending_cb (gpointer user_data)
{
  HsReviewPage *self = user_data;
  guint n = MIN (self->pending->len, FIRST_ROWS);

  g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                       self->pending->pdata, n);
  g_ptr_array_remove_range (self->pending, 0, n);
  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending_id = 0;
  return G_SOURCE_REMOVE;
}

/* The frame that shows the first rows has begun: the rest after it. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  HsReviewPage *self = user_data;

  self->pending_tick = 0;
  if (self->pending != NULL && self->pending_id == 0)
    self->pending_id = g_idle_add_full (G_PRIORITY_LOW, add_pending_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* The rows not added yet, added now. */
static void
flush_pending (HsReviewPage *self)
{
  if (self->pending == NULL)
    return;
  g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                       self->pending->pdata, self->pending->len);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->pending_tick);
  self->pending_tick = 0;
}

gboolean
_hs_review_page_is_loading (HsReviewPage *self)
{
  return self->pending != NULL;
}

static gboolean
same_item (GListStore *store,
           guint       position,
           gpointer    item)
{
  g_autoptr(GObject) there = g_list_model_get_item (G_LIST_MODEL (store), position);

  return there == item;
}

static gboolean
reload (HsReviewPage  *self,
        GError       **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) portfolio = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(HsProposal) proposal = NULL;
  g_autoptr(GArray) ranked = g_array_new (FALSE, TRUE, sizeof (HsReviewSummary));
  g_autoptr(GHashTable) summary_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(HsReview) empty = hs_review_new (0);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const HsCall *call;
  gint64 selected_id = hs_review_page_get_selected (self);
  guint select_position = GTK_INVALID_LIST_POSITION;
  g_autofree char *count = NULL;

  g_array_set_clear_func (ranked, (GDestroyNotify) hs_review_summary_clear);
  self->dirty = FALSE;
  flush_pending (self);
  if (!hs_repository_has_reviews (self->repository))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return TRUE;
    }
  if (!fill_calls (self, error))
    return FALSE;
  call = current_call (self);
  if (call == NULL)
    {
      g_list_store_remove_all (self->store);
      g_hash_table_remove_all (self->items);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return TRUE;
    }

  summaries = hs_repository_list_project_summaries (self->repository, error);
  if (summaries == NULL)
    return FALSE;
  portfolio = hs_repository_list_portfolio_projects (self->repository, error);
  if (portfolio == NULL)
    return FALSE;
  proposal = hs_repository_load_proposal (self->repository, call->id, error);
  if (proposal == NULL)
    return FALSE;
  criteria = hs_repository_list_criteria (self->repository, call->id, error);
  if (criteria == NULL)
    return FALSE;
  reviews = hs_repository_list_call_reviews (self->repository, call->id, error);
  if (reviews == NULL)
    return FALSE;

  for (guint i = 0; i < summaries->len; i++)
    {
      HsProjectSummary *s = &g_array_index (summaries, HsProjectSummary, i);
      HsReview **found;
      HsReviewSummary summary;

      if (s->call_id != call->id || !is_application (s))
        continue;
      g_hash_table_insert (summary_by_id, &s->id, s);
      found = bsearch (&s->id, reviews->pdata, reviews->len, sizeof (gpointer), compare_review);
      empty->project_id = s->id;
      hs_review_summarise (found != NULL ? *found : empty, criteria, self->lang, &summary);
      g_array_append_val (ranked, summary);
    }
  hs_review_rank (ranked);
  hs_call_money (call, portfolio, &self->money);
  hs_money_bar_set_money (self->money_bar, &self->money);

  for (guint i = 0; i < ranked->len; i++)
    {
      HsReviewSummary *r = &g_array_index (ranked, HsReviewSummary, i);
      const HsProjectSummary *s = g_hash_table_lookup (summary_by_id, &r->project_id);
      const HsPortfolioProject *p = bsearch (&r->project_id, portfolio->data, portfolio->len,
                                             sizeof (HsPortfolioProject), compare_portfolio);
      HsReviewRow row = {
        .project_id = r->project_id,
        .rank = i + 1,
        .code = g_strdup (s->code),
        .name = g_strdup (s->name),
        .score_bp = r->score_bp,
        .reviewers = r->reviewers,
        .general_unmet = r->general_unmet,
        .under_minimum = r->under_minimum,
        .proposal = hs_proposal_position (proposal, r->project_id),
        .applied = s->eu_state,
        .decision = p != NULL ? p->decision : HS_PORTFOLIO_UNDECIDED,
        .granted = p != NULL ? p->granted : 0,
        .status = s->status,
      };

      if (r->notes != NULL && r->notes->len > 0)
        {
          g_ptr_array_add (r->notes, NULL);
          row.notes = g_strjoinv ("\n", (char **) r->notes->pdata);
          g_ptr_array_remove_index (r->notes, r->notes->len - 1);
        }
      if (r->project_id == selected_id)
        select_position = i;
      {
        /* an unchanged row keeps its item, and the view its widgets: a
         * re-rank rebuilds only the rows that changed */
        HsReviewItem *old = g_hash_table_lookup (self->items, &r->project_id);

        if (old != NULL && hs_review_row_equal (hs_review_item_get_row (old), &row))
          {
            g_ptr_array_add (items, g_object_ref (old));
            hs_review_row_clear (&row);
          }
        else
          g_ptr_array_add (items, hs_review_item_new (&row));
      }
    }
  {
    /* only the range that differs is replaced: a view keeps the widgets
     * of the rows around it (GTK 4.8 keeps some 200 rows alive, and
     * rebuilding them all is most of a re-rank's time) */
    guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
    guint head = 0, tail = 0;

    while (head < old_n && head < items->len && same_item (self->store, head, g_ptr_array_index (items, head)))
      head++;
    while (tail < old_n - head && tail < items->len - head
           && same_item (self->store, old_n - 1 - tail, g_ptr_array_index (items, items->len - 1 - tail)))
      tail++;
    if (old_n == 0 && items->len > FIRST_ROWS)
      {
        /* a new ranking: the first screenful now, the rest after the
         * first frame, a screenful at a time (every row the view makes
         * costs; it makes some 200 of them) */
        g_list_store_splice (self->store, 0, 0, items->pdata, FIRST_ROWS);
        self->pending = g_ptr_array_new_with_free_func (g_object_unref);
        for (guint i = FIRST_ROWS; i < items->len; i++)
          g_ptr_array_add (self->pending, g_object_ref (g_ptr_array_index (items, i)));
        self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), first_frame_cb, self, NULL);
      }
    else if (head < old_n || head < items->len)
      g_list_store_splice (self->store, head, old_n - head - tail,
                           items->pdata + head, items->len - head - tail);
  }
  g_hash_table_remove_all (self->items);
  for (guint i = 0; i < items->len; i++)
    {
      HsReviewItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (self->items, (gpointer) &hs_review_item_get_row (item)->project_id, item);
    }
  if (select_position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, select_position);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application", "%u applications", ranked->len),
                           ranked->len);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, "content");
  gtk_stack_set_visible_child_name (self->ranking_stack, ranked->len > 0 ? "ranking" : "none");
  update_actions (self);
  return TRUE;
}

gboolean
_hs_review_page_reload (HsReviewPage  *self,
                        GError       **error)
{
  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), FALSE);

  return reload (self, error);
}

static void
reload_or_warn (HsReviewPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!reload (self, &error))
    g_warning ("Could not rank the applications: %s", error->message);
}

static void
repository_changed_cb (HsReviewPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  reload_or_warn (self);
}

static void
call_selected_cb (HsReviewPage *self)
{
  guint i = gtk_drop_down_get_selected (self->call_drop_down);

  if (self->filling || self->calls == NULL || i >= self->calls->len)
    return;
  if (((HsCall *) g_ptr_array_index (self->calls, i))->id == self->call_id)
    return;
  self->call_id = ((HsCall *) g_ptr_array_index (self->calls, i))->id;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  flush_pending (self);
  g_list_store_remove_all (self->store);
  reload_or_warn (self);
}

/* ---- the columns ---------------------------------------------------------- */

static gboolean
cell_query_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "hs-list-item");
  gpointer object = item != NULL ? gtk_list_item_get_item (item) : NULL;
  const HsReviewRow *row = object != NULL ? hs_review_item_get_row (object) : NULL;
  const char *text;

  if (row == NULL)
    return FALSE;
  text = GPOINTER_TO_INT (user_data) == COLUMN_NAME ? row->name : row->notes;
  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GtkInscription: the 4.8 list views keep some 200 rows alive, ten cells
 * each, and an inscription is much cheaper than a label to make and to
 * measure (its width comes from its characters, not its text) */
static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  static const struct { guint min_chars, nat_chars; float xalign; } cells[N_COLUMNS] = {
    [COLUMN_RANK]      = { 3, 3, 1 },
    [COLUMN_CODE]      = { 8, 9, 0 },
    [COLUMN_NAME]      = { 12, 26, 0 },
    [COLUMN_SCORE]     = { 5, 6, 1 },
    [COLUMN_REVIEWERS] = { 2, 2, 1 },
    [COLUMN_CRITERIA]  = { 10, 18, 0 },
    [COLUMN_PROPOSAL]  = { 2, 2, 1 },
    [COLUMN_APPLIED]   = { 11, 13, 1 },
    [COLUMN_GRANTED]   = { 11, 13, 1 },
    [COLUMN_STATUS]    = { 8, 10, 0 },
  };
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), cells[column].min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), cells[column].nat_chars);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), cells[column].xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (cells[column].xalign > 0.5)
    gtk_widget_add_css_class (cell, "numeric");
  if (column == COLUMN_NAME || column == COLUMN_CRITERIA)
    {
      /* asked for when shown: setting a cell's tooltip text in every bind
       * makes GTK query the pointer (an X round trip) for each cell, which
       * was most of the time a new ranking took before its first frame */
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_object_set_data (G_OBJECT (cell), "hs-list-item", item);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), GINT_TO_POINTER (column));
    }
  gtk_list_item_set_child (item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  HsReviewPage *self = g_object_get_data (G_OBJECT (factory), "hs-page");
  Column column = GPOINTER_TO_INT (user_data);
  GtkInscription *label = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  const HsReviewRow *row = hs_review_item_get_row (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  switch (column)
    {
    case COLUMN_RANK:
      text = g_strdup_printf ("%u.", row->rank);
      break;
    case COLUMN_CODE:
      text = g_strdup (row->code);
      break;
    case COLUMN_NAME:
      text = g_strdup (row->name);
      break;
    case COLUMN_SCORE:
      text = row->score_bp >= 0 ? hs_rate_format (row->score_bp, self->lang) : g_strdup ("—");
      break;
    case COLUMN_REVIEWERS:
      text = g_strdup_printf ("%u", row->reviewers);
      break;
    case COLUMN_CRITERIA:
      if (row->general_unmet > 0 && row->under_minimum > 0)
        /* Translators: the ranking's criteria column: general criteria not met, scores under their minimum */
        text = g_strdup_printf (_("⚠ %u not met, %u under minimum"), row->general_unmet, row->under_minimum);
      else if (row->general_unmet > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⚠ %u not met", "⚠ %u not met", row->general_unmet),
                                row->general_unmet);
      else if (row->under_minimum > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⚠ %u under minimum", "⚠ %u under minimum",
                                             row->under_minimum), row->under_minimum);
      else if (row->score_bp >= 0)
        text = g_strdup (_("✓ All met"));
      else
        text = g_strdup (_("Not assessed"));
      if (row->general_unmet > 0 || row->under_minimum > 0)
        gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      else if (row->score_bp < 0)
        gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      break;
    case COLUMN_PROPOSAL:
      text = row->proposal > 0 ? g_strdup_printf ("%u.", row->proposal) : g_strdup ("—");
      break;
    case COLUMN_APPLIED:
      text = hs_money_format (row->applied, self->lang);
      break;
    case COLUMN_GRANTED:
      text = row->decision == HS_PORTFOLIO_GRANTED ? hs_money_format (row->granted, self->lang) : g_strdup ("—");
      break;
    case COLUMN_STATUS:
      text = g_strdup (hs_status_label (row->status));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_inscription_set_text (label, text);
}

static void
add_column (HsReviewPage *self,
            Column        column,
            const char   *title,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *c;

  g_object_set_data (G_OBJECT (factory), "hs-page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  c = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (c, expand);
  gtk_column_view_column_set_resizable (c, TRUE);
  gtk_column_view_append_column (self->view, c);
  g_object_unref (c);
}

/* ---- commands ------------------------------------------------------------- */

static const HsReviewRow *
selected_row (HsReviewPage *self)
{
  HsReviewItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? hs_review_item_get_row (item) : NULL;
}

gint64
hs_review_page_get_selected (HsReviewPage *self)
{
  const HsReviewRow *row;

  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), 0);

  row = selected_row (self);
  return row != NULL ? row->project_id : 0;
}

static void
update_actions (HsReviewPage *self)
{
  const HsReviewRow *row = selected_row (self);
  gboolean decided = row != NULL && row->decision != HS_PORTFOLIO_UNDECIDED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.assess", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.decide", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reject", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.change", decided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.diff", decided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.letter", decided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.propose", current_call (self) != NULL);
}

static void
dialog_saved_cb (GtkWindow    *dialog,
                 const char   *message,
                 HsReviewPage *self)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message, TRUE);
  /* the keyboard goes on from the ranking */
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static GtkWindow *
parent_window (HsReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWindow *
show_window (HsReviewPage *self,
             GtkWindow    *window,
             GError       *error)
{
  if (window == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_TOAST], 0, error->message, FALSE);
      g_error_free (error);
      return NULL;
    }
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_set_weak_pointer (&self->dialog, window);
  if (g_signal_lookup ("saved", G_OBJECT_TYPE (window)) != 0)
    g_signal_connect_object (window, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (window);
  return window;
}

GtkWindow *
hs_review_page_assess (HsReviewPage *self)
{
  GError *error = NULL;
  gint64 id;

  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  if ((id = hs_review_page_get_selected (self)) == 0)
    return NULL;
  return show_window (self, (GtkWindow *) hs_assess_dialog_new (parent_window (self), self->repository, id, &error),
                      error);
}

GtkWindow *
hs_review_page_decide (HsReviewPage *self,
                       gboolean      grant)
{
  GError *error = NULL;
  gint64 id;

  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  if ((id = hs_review_page_get_selected (self)) == 0)
    return NULL;
  return show_window (self, (GtkWindow *) hs_decision_dialog_new (parent_window (self), self->repository, id,
                                                                  grant ? HS_DECISION_DIALOG_GRANT
                                                                        : HS_DECISION_DIALOG_REJECT, &error),
                      error);
}

GtkWindow *
hs_review_page_change (HsReviewPage *self)
{
  GError *error = NULL;
  gint64 id;

  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  if ((id = hs_review_page_get_selected (self)) == 0)
    return NULL;
  if (selected_row (self)->decision == HS_PORTFOLIO_UNDECIDED)
    {
      g_signal_emit (self, signals[SIGNAL_TOAST], 0, _("The application is not decided yet"), FALSE);
      return NULL;
    }
  return show_window (self, (GtkWindow *) hs_decision_dialog_new (parent_window (self), self->repository, id,
                                                                  HS_DECISION_DIALOG_CHANGE, &error),
                      error);
}

GtkWindow *
hs_review_page_diff (HsReviewPage *self)
{
  GError *error = NULL;
  gint64 id;

  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  if ((id = hs_review_page_get_selected (self)) == 0)
    return NULL;
  if (selected_row (self)->decision == HS_PORTFOLIO_UNDECIDED)
    {
      g_signal_emit (self, signals[SIGNAL_TOAST], 0, _("The application is not decided yet"), FALSE);
      return NULL;
    }
  return show_window (self, (GtkWindow *) hs_diff_window_new (parent_window (self), self->repository, id, &error),
                      error);
}

GtkWindow *
hs_review_page_propose (HsReviewPage *self)
{
  GError *error = NULL;
  const HsCall *call;

  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  if (self->dirty)
    reload_or_warn (self);
  if ((call = current_call (self)) == NULL)
    return NULL;
  return show_window (self, (GtkWindow *) hs_proposal_dialog_new (parent_window (self), self->repository,
                                                                  call->id, &error),
                      error);
}

GtkFileChooserNative *
hs_review_page_letter (HsReviewPage *self)
{
  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  if (hs_review_page_get_selected (self) == 0)
    return NULL;
  if (selected_row (self)->decision == HS_PORTFOLIO_UNDECIDED)
    {
      g_signal_emit (self, signals[SIGNAL_TOAST], 0, _("The application is not decided yet"), FALSE);
      return NULL;
    }
  return hs_export_decision_letter (parent_window (self), self->repository, hs_review_page_get_selected (self));
}

static void
action_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HsReviewPage *self = HS_REVIEW_PAGE (widget);

  if (g_str_equal (action_name, "review.assess"))
    hs_review_page_assess (self);
  else if (g_str_equal (action_name, "review.decide"))
    hs_review_page_decide (self, TRUE);
  else if (g_str_equal (action_name, "review.reject"))
    hs_review_page_decide (self, FALSE);
  else if (g_str_equal (action_name, "review.change"))
    hs_review_page_change (self);
  else if (g_str_equal (action_name, "review.diff"))
    hs_review_page_diff (self);
  else if (g_str_equal (action_name, "review.propose"))
    hs_review_page_propose (self);
  else if (g_str_equal (action_name, "review.letter"))
    hs_review_page_letter (self);
}

static void
activate_cb (GtkColumnView *view,
             guint          position,
             HsReviewPage  *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  hs_review_page_assess (self);
}

/* ---- API ------------------------------------------------------------------ */

GtkWidget *
hs_review_page_new (HsRepository *repository)
{
  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  return g_object_new (HS_TYPE_REVIEW_PAGE, "repository", repository, NULL);
}

void
hs_review_page_set_call (HsReviewPage *self,
                         gint64        call_id)
{
  g_return_if_fail (HS_IS_REVIEW_PAGE (self));

  if (self->call_id == call_id && !self->dirty)
    return;
  if (self->call_id != call_id)
    {
      flush_pending (self);
      g_list_store_remove_all (self->store);
    }
  self->call_id = call_id;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  repository_changed_cb (self);
}

gint64
hs_review_page_get_call (HsReviewPage *self)
{
  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), 0);

  return self->call_id;
}

gboolean
hs_review_page_select_project (HsReviewPage *self,
                               gint64        project_id)
{
  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), FALSE);

  if (self->dirty)
    reload_or_warn (self);
  flush_pending (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(HsReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (hs_review_item_get_row (item)->project_id == project_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

GListModel *
_hs_review_page_get_model (HsReviewPage *self)
{
  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  return G_LIST_MODEL (self->store);
}

void
_hs_review_page_get_money (HsReviewPage *self,
                           HsCallMoney  *out)
{
  g_return_if_fail (HS_IS_REVIEW_PAGE (self));

  *out = self->money;
}

GtkWidget *
_hs_review_page_get_widget (HsReviewPage *self,
                            const char   *name)
{
  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  if (g_str_equal (name, "calls"))
    return GTK_WIDGET (self->call_drop_down);
  if (g_str_equal (name, "view"))
    return GTK_WIDGET (self->view);
  if (g_str_equal (name, "money"))
    return GTK_WIDGET (self->money_bar);
  if (g_str_equal (name, "stack"))
    return GTK_WIDGET (self->stack);
  return NULL;
}

GtkWindow *
_hs_review_page_get_dialog (HsReviewPage *self)
{
  g_return_val_if_fail (HS_IS_REVIEW_PAGE (self), NULL);

  return self->dialog;
}

/* ---- GObject -------------------------------------------------------------- */

static void
hs_review_page_map (GtkWidget *widget)
{
  HsReviewPage *self = HS_REVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (hs_review_page_parent_class)->map (widget);

  if (self->dirty)
    reload_or_warn (self);
}

static void
hs_review_page_constructed (GObject *object)
{
  HsReviewPage *self = HS_REVIEW_PAGE (object);

  G_OBJECT_CLASS (hs_review_page_parent_class)->constructed (object);

  g_return_if_fail (HS_IS_REPOSITORY (self->repository));

  self->changed_id = g_signal_connect_swapped (self->repository, "changed",
                                               G_CALLBACK (repository_changed_cb), self);
  self->dirty = TRUE;
}

static void
hs_review_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HsReviewPage *self = HS_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_review_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HsReviewPage *self = HS_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_review_page_dispose (GObject *object)
{
  HsReviewPage *self = HS_REVIEW_PAGE (object);
  GtkWidget *child;

  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_id, self->repository);
  flush_pending (self);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->repository);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hs_review_page_parent_class)->dispose (object);
}

static void
hs_review_page_finalize (GObject *object)
{
  HsReviewPage *self = HS_REVIEW_PAGE (object);

  g_clear_pointer (&self->calls, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_review_page_parent_class)->finalize (object);
}

static void
hs_review_page_class_init (HsReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hs_review_page_constructed;
  object_class->get_property = hs_review_page_get_property;
  object_class->set_property = hs_review_page_set_property;
  object_class->dispose = hs_review_page_dispose;
  object_class->finalize = hs_review_page_finalize;
  widget_class->map = hs_review_page_map;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         HS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HsReviewPage::toast:
   * @message: what to say
   * @undoable: whether the toast offers Undo
   */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "review.assess", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "review.decide", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "review.reject", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "review.change", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "review.diff", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "review.propose", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "review.letter", NULL, action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
call_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
    }
  gtk_list_item_set_child (item, label);
}

static void
call_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
hs_review_page_init (HsReviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *scrolled;
  GtkWidget *status;

  self->lang = hs_lang_current ();
  self->money.available = self->money.remaining = -1;
  self->store = g_list_store_new (HS_TYPE_REVIEW_ITEM);
  self->items = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Calls"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Applications are reviewed call by call. Add a call on the Calls page."));
  gtk_stack_add_named (self->stack, status, "empty");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  label = gtk_label_new_with_mnemonic (_("C_all"));
  self->call_names = gtk_string_list_new (NULL);
  self->call_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->call_names), NULL));
  gtk_drop_down_set_enable_search (self->call_drop_down, TRUE);
  gtk_drop_down_set_expression (self->call_drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  {
    /* a long name must not widen the page: the button ellipsizes it, the
     * list shows it whole */
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (call_setup_cb), GINT_TO_POINTER (TRUE));
    g_signal_connect (factory, "bind", G_CALLBACK (call_bind_cb), NULL);
    gtk_drop_down_set_factory (self->call_drop_down, factory);
    g_object_unref (factory);
    factory = gtk_signal_list_item_factory_new ();
    g_signal_connect (factory, "setup", G_CALLBACK (call_setup_cb), GINT_TO_POINTER (FALSE));
    g_signal_connect (factory, "bind", G_CALLBACK (call_bind_cb), NULL);
    gtk_drop_down_set_list_factory (self->call_drop_down, factory);
    g_object_unref (factory);
  }
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->call_drop_down));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->call_drop_down), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  g_signal_connect_swapped (self->call_drop_down, "notify::selected", G_CALLBACK (call_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->call_drop_down));
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 6);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Proposal…"), "review.propose",
                                                    _("The steering group’s proposal for the call (Ctrl+Alt+P)")));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Assess…"), "review.assess", _("Assess the application (Ctrl+Alt+A)")));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Grant…"), "review.decide", _("Decide a grant (Ctrl+Alt+G)")));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Reject…"), "review.reject", _("Reject the application (Ctrl+Alt+R)")));
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    GtkWidget *more = gtk_menu_button_new ();

    g_menu_append (menu, _("C_hange Application…"), "review.change");
    g_menu_append (menu, _("Compare with _Approved"), "review.diff");
    g_menu_append (menu, _("Decision _Letter…"), "review.letter");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
    gtk_widget_set_tooltip_text (more, _("A change application (Ctrl+Alt+M), the changes since the approved "
                                         "version (Ctrl+Alt+D), the decision letter"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Decisions"), -1);
    gtk_box_append (GTK_BOX (buttons), more);
  }
  gtk_box_append (GTK_BOX (box), bar);

  self->money_bar = HS_MONEY_BAR (hs_money_bar_new (self->lang));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->money_bar));

  {
    GtkWidget *ranking = gtk_stack_new ();
    GtkWidget *none = adw_status_page_new ();

    self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
    gtk_column_view_set_show_row_separators (self->view, TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Applications ranked by their assessment"), -1);
    g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);
    /* Translators: the ranking's columns */
    add_column (self, COLUMN_RANK, C_("ranking", "Rank"), FALSE);
    add_column (self, COLUMN_CODE, C_("ranking", "Code"), FALSE);
    add_column (self, COLUMN_NAME, C_("ranking", "Name"), TRUE);
    add_column (self, COLUMN_SCORE, C_("ranking", "Score"), FALSE);
    add_column (self, COLUMN_REVIEWERS, C_("ranking", "Reviewers"), FALSE);
    add_column (self, COLUMN_CRITERIA, C_("ranking", "Criteria"), FALSE);
    add_column (self, COLUMN_PROPOSAL, C_("ranking", "Proposed"), FALSE);
    add_column (self, COLUMN_APPLIED, C_("ranking", "Applied For"), FALSE);
    add_column (self, COLUMN_GRANTED, C_("ranking", "Granted"), FALSE);
    add_column (self, COLUMN_STATUS, C_("ranking", "Status"), FALSE);
    scrolled = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
    gtk_widget_set_vexpand (scrolled, TRUE);
    gtk_widget_add_css_class (scrolled, "card");
    gtk_stack_add_named (GTK_STACK (ranking), scrolled, "ranking");

    adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "view-list-symbolic");
    adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Applications"));
    adw_status_page_set_description (ADW_STATUS_PAGE (none),
                                     _("No submitted application applies to this call yet."));
    gtk_stack_add_named (GTK_STACK (ranking), none, "none");
    self->ranking_stack = GTK_STACK (ranking);
    gtk_box_append (GTK_BOX (box), ranking);
  }
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_stack_add_named (self->stack, box, "content");
  update_actions (self);
}

/* hs-calls-page.c — the calls for applications: list, search, new, edit, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A boxed list of the calls of the agreement the window shows (or of all),
 * one row a call: its name in the user's language, its agreement and
 * instrument, its limits and dates in words (hs_call_dup_limits_text) and
 * the number of projects that apply to it. Activating a row opens the
 * call's form (HsCallDialog); its delete button, or Delete, deletes it as
 * one undoable action — the store refuses while projects apply, and the
 * window shows why. Three queries per reload (agreements, calls, project
 * summaries), never one per row; the page reloads on the repository's
 * "changed" signal, so undo and redo, the form's saves and other programs'
 * changes show.
 */
#define G_LOG_DOMAIN "hs-calls-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/hs-date.h"
#include "core/hs-money.h"

#include "hs-calls-page-private.h"

struct _HsCallsPage
{
  GtkWidget       parent_instance;

  HsRepository   *repository;   /* owned */
  gulong          changed_id;
  gboolean        dirty;        /* changed (or never loaded) while not shown */
  HsLang          lang;
  gint64          agreement_id; /* the scope; 0: every agreement */
  GPtrArray      *calls;        /* owned, of HsCall*: the rows' */
  GPtrArray      *rows;         /* borrowed AdwActionRow*, as calls */
  char           *search;       /* casefolded, NULL when empty */
  HsCallDialog   *dialog;       /* weak */

  /* template children */
  GtkStack       *stack;
  GtkSearchEntry *search_entry;
  GtkStack       *list_stack;
  GtkListBox     *list_box;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (HsCallsPage, hs_calls_page, GTK_TYPE_WIDGET)

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

static gboolean reload (HsCallsPage *self, GError **error);

static const HsCall *
find_call (HsCallsPage *self,
           gint64       id)
{
  for (guint i = 0; self->calls != NULL && i < self->calls->len; i++)
    if (((HsCall *) g_ptr_array_index (self->calls, i))->id == id)
      return g_ptr_array_index (self->calls, i);
  return NULL;
}

/* ---- the rows ------------------------------------------------------------- */

static GtkWidget *
make_row (HsCallsPage  *self,
          const HsCall *call,
          const char   *agreement,
          guint         n_projects)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count;
  GtkWidget *delete;
  g_autofree char *name = hs_call_dup_display_name (call, self->lang);
  g_autofree char *limits = hs_call_dup_limits_text (call, self->lang);
  g_autofree char *projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n_projects),
                                               n_projects);
  g_autofree char *delete_label = NULL;
  g_autoptr(GString) subtitle = g_string_new (agreement);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *folded = NULL;

  g_string_append_printf (subtitle, " · %s", hs_instrument_label (call->instrument));
  if (*limits != '\0')
    g_string_append_printf (subtitle, "\n%s", limits);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  count = gtk_label_new (projects);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Call"));
  /* Translators: the accessible name of a call's delete button; %s is the call's name */
  delete_label = g_strdup_printf (_("Delete “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "calls.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete), g_variant_new_int64 (call->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str,
                                  -1);

  /* what the search looks in */
  g_string_append_printf (key, "%s\n%s\n%s\n%s\n%s\n%s", name, call->name != NULL ? call->name : "",
                          call->name_sv != NULL ? call->name_sv : "", call->name_en != NULL ? call->name_en : "",
                          agreement, call->intermediary != NULL ? call->intermediary : "");
  folded = g_utf8_casefold (key->str, -1);
  g_object_set_data_full (G_OBJECT (row), "hs-search-key", g_steal_pointer (&folded), g_free);
  g_object_set_data (G_OBJECT (row), "hs-call", (gpointer) call);
  return row;
}

static gboolean
filter_cb (GtkListBoxRow *row,
           gpointer       user_data)
{
  HsCallsPage *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (row), "hs-search-key");

  return self->search == NULL || (key != NULL && strstr (key, self->search) != NULL);
}

guint
_hs_calls_page_get_n_shown (HsCallsPage *self)
{
  guint shown = 0;

  g_return_val_if_fail (HS_IS_CALLS_PAGE (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (filter_cb (g_ptr_array_index (self->rows, i), self))
      shown++;
  return shown;
}

static void
update_list_state (HsCallsPage *self)
{
  guint all = self->rows->len;
  guint shown = _hs_calls_page_get_n_shown (self);
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->stack, all > 0 || self->search != NULL ? "content" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || all == 0 ? "list" : "no-match");
  if (shown == all)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call", "%u calls", all), all);
  else
    /* Translators: the number of calls the search finds, of all */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u call", "%u of %u calls", all), shown, all);
  gtk_label_set_text (self->count_label, count);
}

/* Calls in the agreements' order, each agreement's default call first,
 * then by name. */
static int
compare_calls (gconstpointer a,
               gconstpointer b,
               gpointer      positions)   /* agreement id → its position + 1 */
{
  GHashTable *sort_positions = positions;
  const HsCall *x = *(const HsCall * const *) a;
  const HsCall *y = *(const HsCall * const *) b;
  guint px = GPOINTER_TO_UINT (g_hash_table_lookup (sort_positions, &x->agreement_id));
  guint py = GPOINTER_TO_UINT (g_hash_table_lookup (sort_positions, &y->agreement_id));

  if (px != py)
    return px < py ? -1 : 1;
  if (hs_call_is_agreement_default (x) != hs_call_is_agreement_default (y))
    return hs_call_is_agreement_default (x) ? -1 : 1;
  return g_utf8_collate (x->name != NULL ? x->name : "", y->name != NULL ? y->name : "");
}

static gboolean
reload (HsCallsPage  *self,
        GError      **error)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) agreement_by_id = NULL;
  gint64 selected_id = 0;
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list_box);
  GtkWidget *child;

  self->dirty = FALSE;
  agreements = hs_repository_list_agreements (self->repository, error);
  if (agreements == NULL)
    return FALSE;
  calls = hs_repository_list_calls (self->repository, self->agreement_id, error);
  if (calls == NULL)
    return FALSE;
  summaries = hs_repository_list_project_summaries (self->repository, error);
  if (summaries == NULL)
    return FALSE;

  agreement_by_id = hs_reference_index_by_id (agreements);
  {
    g_autoptr(GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (guint i = 0; i < agreements->len; i++)
      g_hash_table_insert (positions, &((HsAgreement *) g_ptr_array_index (agreements, i))->id,
                           GUINT_TO_POINTER (i + 1));
    g_ptr_array_sort_with_data (calls, compare_calls, positions);
  }
  for (guint i = 0; i < summaries->len; i++)
    {
      const HsProjectSummary *s = &g_array_index (summaries, HsProjectSummary, i);
      gpointer n;

      if (s->call_id == 0)
        continue;
      n = g_hash_table_lookup (counts, &s->call_id);
      g_hash_table_replace (counts, g_memdup2 (&s->call_id, sizeof s->call_id),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }

  if (selected != NULL && g_object_get_data (G_OBJECT (selected), "hs-call") != NULL)
    selected_id = ((const HsCall *) g_object_get_data (G_OBJECT (selected), "hs-call"))->id;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->calls, g_ptr_array_unref);
  self->calls = g_steal_pointer (&calls);

  for (guint i = 0; i < self->calls->len; i++)
    {
      const HsCall *call = g_ptr_array_index (self->calls, i);
      const HsAgreement *agreement = g_hash_table_lookup (agreement_by_id, &call->agreement_id);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &call->id));
      GtkWidget *row = make_row (self, call, agreement != NULL ? agreement->region_name : "", n);

      gtk_list_box_append (self->list_box, row);
      g_ptr_array_add (self->rows, row);
      if (call->id == selected_id)
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
    }
  update_list_state (self);
  return TRUE;
}

static void
reload_or_warn (HsCallsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!reload (self, &error))
    g_warning ("Could not reload the calls: %s", error->message);
}

static void
repository_changed_cb (HsCallsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  reload_or_warn (self);
}

/* ---- search --------------------------------------------------------------- */

static void
search_changed_cb (HsCallsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *folded = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;

  if (g_strcmp0 (folded, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  gtk_list_box_invalidate_filter (self->list_box);
  update_list_state (self);
}

/* Enter in the search: the first match takes the focus. */
static void
search_activate_cb (HsCallsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (filter_cb (g_ptr_array_index (self->rows, i), self))
      {
        gtk_list_box_select_row (self->list_box, g_ptr_array_index (self->rows, i));
        gtk_widget_grab_focus (g_ptr_array_index (self->rows, i));
        return;
      }
}

static void
search_stop_cb (HsCallsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- commands ------------------------------------------------------------- */

/* Scrolls the list so that @row shows, once it has its place. */
static gboolean
scroll_to_row_cb (GtkWidget     *row,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scrolled != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  graphene_rect_t bounds;
  GtkAdjustment *v;
  double top, page;

  if (content == NULL || gtk_widget_get_height (row) == 0 || !gtk_widget_compute_bounds (row, content, &bounds))
    return G_SOURCE_CONTINUE;
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  top = gtk_adjustment_get_value (v);
  page = gtk_adjustment_get_page_size (v);
  if (bounds.origin.y < top)
    gtk_adjustment_set_value (v, bounds.origin.y - 6);
  else if (bounds.origin.y + bounds.size.height > top + page)
    gtk_adjustment_set_value (v, bounds.origin.y + bounds.size.height - page + 12);
  return G_SOURCE_REMOVE;
}

static void
dialog_saved_cb (HsCallDialog *dialog,
                 gint64        id,
                 HsCallsPage  *self)
{
  /* the repository's "changed" came first: the row is there */
  for (guint i = 0; i < self->rows->len; i++)
    {
      const HsCall *call = g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, i)), "hs-call");

      if (call->id == id)
        {
          /* selected and in view, where the keyboard goes on from */
          gtk_list_box_select_row (self->list_box, g_ptr_array_index (self->rows, i));
          gtk_widget_grab_focus (g_ptr_array_index (self->rows, i));
          gtk_widget_add_tick_callback (g_ptr_array_index (self->rows, i), scroll_to_row_cb, NULL, NULL);
        }
    }
}

static void
open_dialog (HsCallsPage  *self,
             const HsCall *call)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  HsCallDialog *dialog;

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  dialog = hs_call_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->repository, call, self->agreement_id);
  g_set_weak_pointer (&self->dialog, dialog);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
hs_calls_page_new_call (HsCallsPage *self)
{
  g_return_if_fail (HS_IS_CALLS_PAGE (self));

  open_dialog (self, NULL);
}

static void
edit_call (HsCallsPage *self,
           gint64       id)
{
  const HsCall *call = find_call (self, id);

  if (call != NULL)
    open_dialog (self, call);
}

static void
row_activated_cb (HsCallsPage   *self,
                  GtkListBoxRow *row)
{
  const HsCall *call = g_object_get_data (G_OBJECT (row), "hs-call");

  if (call != NULL)
    edit_call (self, call->id);
}

static void
delete_call (HsCallsPage *self,
             gint64       id)
{
  const HsCall *call = find_call (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (call == NULL)
    return;
  name = hs_call_dup_display_name (call, self->lang);
  if (!hs_repository_delete_call (self->repository, id, &error))
    {
      /* why, until the user has read it: a toast would go by */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Call Was Not Deleted"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* Translators: a toast with an Undo button; %s is the call's name */
  message = g_strdup_printf (_("Call “%s” deleted"), name);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message, TRUE);
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hs_calls_page_new_call (HS_CALLS_PAGE (widget));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  edit_call (HS_CALLS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  delete_call (HS_CALLS_PAGE (widget), g_variant_get_int64 (parameter));
}

/* Delete in the list: the selected call. */
static void
delete_selected_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HsCallsPage *self = HS_CALLS_PAGE (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  const HsCall *call = row != NULL ? g_object_get_data (G_OBJECT (row), "hs-call") : NULL;

  if (call != NULL)
    delete_call (self, call->id);
}

/* ---- API ------------------------------------------------------------------ */

GtkWidget *
hs_calls_page_new (HsRepository *repository)
{
  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  return g_object_new (HS_TYPE_CALLS_PAGE, "repository", repository, NULL);
}

void
hs_calls_page_set_scope (HsCallsPage *self,
                         gint64       agreement_id)
{
  g_return_if_fail (HS_IS_CALLS_PAGE (self));

  if (self->agreement_id == agreement_id)
    return;
  self->agreement_id = agreement_id;
  repository_changed_cb (self);
}

void
hs_calls_page_focus_search (HsCallsPage *self)
{
  g_return_if_fail (HS_IS_CALLS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWidget *
_hs_calls_page_get_row (HsCallsPage *self,
                        gint64       call_id)
{
  g_return_val_if_fail (HS_IS_CALLS_PAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkListBoxRow *row = g_ptr_array_index (self->rows, i);
      const HsCall *call = g_object_get_data (G_OBJECT (row), "hs-call");

      if (call->id == call_id)
        return filter_cb (row, self) ? GTK_WIDGET (row) : NULL;
    }
  return NULL;
}

HsCallDialog *
_hs_calls_page_get_dialog (HsCallsPage *self)
{
  g_return_val_if_fail (HS_IS_CALLS_PAGE (self), NULL);

  return self->dialog;
}

GtkWidget *
_hs_calls_page_get_widget (HsCallsPage *self,
                           const char  *name)
{
  g_return_val_if_fail (HS_IS_CALLS_PAGE (self), NULL);

  if (g_str_equal (name, "stack"))
    return GTK_WIDGET (self->stack);
  if (g_str_equal (name, "search"))
    return GTK_WIDGET (self->search_entry);
  if (g_str_equal (name, "list"))
    return GTK_WIDGET (self->list_box);
  if (g_str_equal (name, "list-stack"))
    return GTK_WIDGET (self->list_stack);
  if (g_str_equal (name, "count"))
    return GTK_WIDGET (self->count_label);
  return NULL;
}

/* ---- GObject -------------------------------------------------------------- */

static void
hs_calls_page_map (GtkWidget *widget)
{
  HsCallsPage *self = HS_CALLS_PAGE (widget);

  GTK_WIDGET_CLASS (hs_calls_page_parent_class)->map (widget);

  if (self->dirty)
    reload_or_warn (self);
}

static void
hs_calls_page_constructed (GObject *object)
{
  HsCallsPage *self = HS_CALLS_PAGE (object);

  G_OBJECT_CLASS (hs_calls_page_parent_class)->constructed (object);

  g_return_if_fail (HS_IS_REPOSITORY (self->repository));

  self->changed_id = g_signal_connect_swapped (self->repository, "changed",
                                               G_CALLBACK (repository_changed_cb), self);
  /* Loaded when first shown: a window that never opens the page pays nothing. */
  self->dirty = TRUE;
}

static void
hs_calls_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsCallsPage *self = HS_CALLS_PAGE (object);

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
hs_calls_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HsCallsPage *self = HS_CALLS_PAGE (object);

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
hs_calls_page_dispose (GObject *object)
{
  HsCallsPage *self = HS_CALLS_PAGE (object);
  GtkWidget *child;

  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_id, self->repository);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_CALLS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_calls_page_parent_class)->dispose (object);
}

static void
hs_calls_page_finalize (GObject *object)
{
  HsCallsPage *self = HS_CALLS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->calls, g_ptr_array_unref);
  g_free (self->search);

  G_OBJECT_CLASS (hs_calls_page_parent_class)->finalize (object);
}

static void
hs_calls_page_class_init (HsCallsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hs_calls_page_constructed;
  object_class->get_property = hs_calls_page_get_property;
  object_class->set_property = hs_calls_page_set_property;
  object_class->dispose = hs_calls_page_dispose;
  object_class->finalize = hs_calls_page_finalize;
  widget_class->map = hs_calls_page_map;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         HS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HsCallsPage::toast:
   * @message: what to say
   * @undoable: whether the toast offers Undo
   *
   * Something the window shows as a toast: a call deleted (with Undo), or
   * why it could not be.
   */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-calls-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsCallsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HsCallsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HsCallsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HsCallsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, HsCallsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "calls.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "calls.edit", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "calls.delete", "x", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "calls.delete-selected", NULL, delete_selected_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hs_calls_page_init (HsCallsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->lang = hs_lang_current ();
  self->rows = g_ptr_array_new ();
  gtk_list_box_set_filter_func (self->list_box, filter_cb, self, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));
  /* Delete in the list deletes the selected call. Caught on the way down,
   * above the list: the search entry's key capture on the list would take
   * it as an edit of the (empty) search. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("calls.delete-selected")));
    gtk_widget_add_controller (gtk_widget_get_parent (GTK_WIDGET (self->list_box)), shortcuts);
  }
  update_list_state (self);
}

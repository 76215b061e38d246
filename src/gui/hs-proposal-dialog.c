/* hs-proposal-dialog.c — the steering group's proposal for a call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per application of the call, kept for the dialog's life: moving
 * a row or switching it re-sorts the list box (gtk_list_box_invalidate_sort)
 * rather than rebuilding it, so the focus stays on the button or switch the
 * keyboard used. The proposal is built as hs_cli_cmd_propose builds it:
 * the proposed ones in their order at positions 1..n, then the others at
 * position 0 with their reason, if any.
 */
#define G_LOG_DOMAIN "hs-proposal-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-date.h"
#include "core/hs-review.h"
#include "core/hs-summary.h"

#include "hs-date-row.h"
#include "hs-proposal-dialog-private.h"

typedef struct
{
  gint64      project_id;
  char       *code;
  char       *name;
  gboolean    proposed;
  GtkWidget  *row;       /* AdwActionRow, owned by the list box */
  GtkWidget  *up;
  GtkWidget  *down;
  GtkWidget  *reason;
  GtkSwitch  *toggle;
} Entry;

struct _HsProposalDialog
{
  AdwWindow     parent_instance;

  HsRepository *repository;
  gint64        call_id;
  char         *call_name;
  GPtrArray    *entries;     /* Entry*, in the order shown: the proposed ones first */
  gboolean      updating;

  GtkLabel     *message;
  GtkWidget    *save_button;
  HsDateRow    *meeting_row;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (HsProposalDialog, hs_proposal_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_free (Entry *e)
{
  g_free (e->code);
  g_free (e->name);
  g_free (e);
}

static void
show_message (HsProposalDialog *self,
              const char       *message)
{
  gtk_label_set_text (self->message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static guint
n_proposed (HsProposalDialog *self)
{
  guint n = 0;

  while (n < self->entries->len && ((Entry *) g_ptr_array_index (self->entries, n))->proposed)
    n++;
  return n;
}

static guint
index_of (HsProposalDialog *self,
          Entry            *e)
{
  guint i;

  g_assert (g_ptr_array_find (self->entries, e, &i));
  return i;
}

/* The rows' titles, buttons and order after a change of the array. */
static void
update_rows (HsProposalDialog *self)
{
  guint n = n_proposed (self);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      g_autofree char *title = e->proposed ? g_strdup_printf ("%u. %s", i + 1, e->code) : g_strdup (e->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->row), title);
      /* kept in place, unseen, for the others: the entries and switches stay in columns */
      gtk_widget_set_opacity (e->up, e->proposed ? 1 : 0);
      gtk_widget_set_opacity (e->down, e->proposed ? 1 : 0);
      gtk_widget_set_sensitive (e->up, e->proposed && i > 0);
      gtk_widget_set_sensitive (e->down, e->proposed && i + 1 < n);
      /* a proposed one may carry a remark (as the command line allows) */
      gtk_entry_set_placeholder_text (GTK_ENTRY (e->reason), e->proposed ? _("Remark (optional)")
                                                                        : _("Why not (optional)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (e->reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      e->proposed ? _("Remark") : _("Why not proposed"), -1);
      self->updating = TRUE;
      gtk_switch_set_active (e->toggle, e->proposed);
      self->updating = FALSE;
    }
  gtk_list_box_invalidate_sort (self->list);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  HsProposalDialog *self = user_data;
  guint ia = index_of (self, g_object_get_data (G_OBJECT (a), "hs-entry"));
  guint ib = index_of (self, g_object_get_data (G_OBJECT (b), "hs-entry"));

  return ia < ib ? -1 : ia > ib;
}

static void
move (HsProposalDialog *self,
      Entry            *e,
      int               delta)
{
  guint i = index_of (self, e);
  guint n = n_proposed (self);
  guint j;

  if (!e->proposed || (delta < 0 && i == 0) || (delta > 0 && i + 1 >= n))
    return;
  j = delta < 0 ? i - 1 : i + 1;
  self->entries->pdata[i] = self->entries->pdata[j];
  self->entries->pdata[j] = e;
  update_rows (self);
  /* the keyboard stays with the row: on the button, or the other one at an end */
  if (!gtk_widget_get_sensitive (delta < 0 ? e->up : e->down))
    gtk_widget_grab_focus (delta < 0 ? e->down : e->up);
}

static void
up_clicked_cb (GtkButton *button,
               Entry     *e)
{
  move (g_object_get_data (G_OBJECT (button), "hs-dialog"), e, -1);
}

static void
down_clicked_cb (GtkButton *button,
                 Entry     *e)
{
  move (g_object_get_data (G_OBJECT (button), "hs-dialog"), e, +1);
}

static void
toggled_cb (GtkSwitch  *toggle,
            GParamSpec *pspec,
            Entry      *e)
{
  HsProposalDialog *self = g_object_get_data (G_OBJECT (toggle), "hs-dialog");
  gboolean proposed = gtk_switch_get_active (toggle);
  guint n;

  if (self->updating || proposed == e->proposed)
    return;
  /* newly proposed: last of the proposed ones; no longer: first of the others */
  n = n_proposed (self);
  g_ptr_array_steal_index (self->entries, index_of (self, e));   /* not freed */
  e->proposed = proposed;
  g_ptr_array_insert (self->entries, proposed ? (int) n : (int) n - 1, e);
  update_rows (self);
}

/* Alt+Up, Alt+Down: the row that has the focus */
static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HsProposalDialog *self = HS_PROPOSAL_DIALOG (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (g_object_get_data (G_OBJECT (focus), "hs-entry") != NULL
        && g_object_get_data (G_OBJECT (focus), "hs-dialog") == self)
      {
        move (self, g_object_get_data (G_OBJECT (focus), "hs-entry"), g_variant_get_int32 (parameter));
        return;
      }
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
add_entry (HsProposalDialog *self,
           Entry            *e,
           const char       *reason)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), e->name);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  g_object_set_data (G_OBJECT (row), "hs-entry", e);
  g_object_set_data (G_OBJECT (row), "hs-dialog", self);
  e->row = row;

  e->reason = gtk_entry_new ();
  gtk_widget_set_valign (e->reason, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (e->reason), 20);
  if (reason != NULL)
    gtk_editable_set_text (GTK_EDITABLE (e->reason), reason);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), e->reason);

  e->up = icon_button ("go-up-symbolic", _("Move up (Alt+Up)"));
  g_object_set_data (G_OBJECT (e->up), "hs-dialog", self);
  g_signal_connect (e->up, "clicked", G_CALLBACK (up_clicked_cb), e);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), e->up);
  e->down = icon_button ("go-down-symbolic", _("Move down (Alt+Down)"));
  g_object_set_data (G_OBJECT (e->down), "hs-dialog", self);
  g_signal_connect (e->down, "clicked", G_CALLBACK (down_clicked_cb), e);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), e->down);

  e->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (e->toggle), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (e->toggle), _("Proposed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Proposed"), -1);
  gtk_switch_set_active (e->toggle, e->proposed);
  g_object_set_data (G_OBJECT (e->toggle), "hs-dialog", self);
  g_signal_connect (e->toggle, "notify::active", G_CALLBACK (toggled_cb), e);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (e->toggle));

  gtk_list_box_append (self->list, row);
}

/* ---- saving --------------------------------------------------------------- */

static void
save (HsProposalDialog *self)
{
  g_autoptr(HsProposal) proposal = hs_proposal_new (self->call_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->meeting_row));
  guint position = 0;

  show_message (self, NULL);
  if (*text != '\0' && !hs_date_parse (text, &proposal->meeting, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Meeting: %s"), error->message);

      show_message (self, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->meeting_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->meeting_row), "error");
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (e->reason))));
      HsProposalItem item = { e->project_id, e->proposed ? ++position : 0, NULL };

      if (*reason != '\0')
        item.reason = g_steal_pointer (&reason);
      g_array_append_val (proposal->items, item);
    }
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Proposal for the call “%s”: %u application",
                                              "Proposal for the call “%s”: %u applications", position),
                                 self->call_name, position);
  if (!hs_repository_save_proposal (self->repository, proposal, description, &error))
    {
      show_message (self, error->message);
      return;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, description);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (HS_PROPOSAL_DIALOG (widget));
}

/* ---- building ------------------------------------------------------------- */

static gboolean
is_application (const HsProjectSummary *s)
{
  return s->status != HS_STATUS_DRAFT && s->status != HS_STATUS_WITHDRAWN;
}

HsProposalDialog *
hs_proposal_dialog_new (GtkWindow     *parent,
                        HsRepository  *repository,
                        gint64         call_id,
                        GError       **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(HsProposal) proposal = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) proposed = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GHashTable) reasons = g_hash_table_new (g_int64_hash, g_int64_equal);
  HsProposalDialog *self;
  GtkWidget *box, *header, *cancel, *page;
  AdwPreferencesGroup *group;
  const char *title = _("Proposal");

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  summaries = hs_repository_list_project_summaries (repository, error);
  if (summaries == NULL)
    return NULL;
  proposal = hs_repository_load_proposal (repository, call_id, error);
  if (proposal == NULL)
    return NULL;
  calls = hs_repository_list_calls (repository, 0, error);
  if (calls == NULL)
    return NULL;

  self = g_object_new (HS_TYPE_PROPOSAL_DIALOG, "transient-for", parent, "modal", TRUE,
                       "default-width", 800, "default-height", 640, NULL);
  self->repository = g_object_ref (repository);
  self->call_id = call_id;
  for (guint i = 0; i < calls->len; i++)
    if (((HsCall *) g_ptr_array_index (calls, i))->id == call_id)
      self->call_name = hs_call_dup_display_name (g_ptr_array_index (calls, i), hs_lang_current ());
  if (self->call_name == NULL)
    self->call_name = g_strdup ("");

  /* the call's applications, in code order */
  for (guint i = 0; i < summaries->len; i++)
    {
      HsProjectSummary *s = &g_array_index (summaries, HsProjectSummary, i);
      Entry *e;

      if (s->call_id != call_id || !is_application (s))
        continue;
      e = g_new0 (Entry, 1);
      e->project_id = s->id;
      e->code = g_strdup (s->code);
      e->name = g_strdup (s->name);
      g_hash_table_insert (by_id, &e->project_id, e);
    }
  /* in the proposal's order: the proposed ones by position, then the
   * others as listed, then the applications it does not list */
  for (guint i = 0; i < proposal->items->len; i++)
    {
      HsProposalItem *item = &g_array_index (proposal->items, HsProposalItem, i);
      Entry *e = g_hash_table_lookup (by_id, &item->project_id);

      if (e == NULL || g_ptr_array_find (proposed, e, NULL) || g_ptr_array_find (others, e, NULL))
        continue;
      e->proposed = item->position > 0;
      g_ptr_array_add (e->proposed ? proposed : others, e);
      if (item->reason != NULL)
        g_hash_table_insert (reasons, &e->project_id, item->reason);
    }
  {
    /* the proposed ones by position (the store keeps them in order, but the
     * positions are what counts) */
    for (guint i = 1; i < proposed->len; i++)
      for (guint j = i; j > 0; j--)
        {
          Entry *a = g_ptr_array_index (proposed, j - 1), *b = g_ptr_array_index (proposed, j);

          if (hs_proposal_position (proposal, a->project_id) <= hs_proposal_position (proposal, b->project_id))
            break;
          proposed->pdata[j - 1] = b;
          proposed->pdata[j] = a;
        }
  }
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_ptr_array_extend (self->entries, proposed, NULL, NULL);
  g_ptr_array_extend (self->entries, others, NULL, NULL);
  for (guint i = 0; i < summaries->len; i++)
    {
      HsProjectSummary *s = &g_array_index (summaries, HsProjectSummary, i);
      Entry *e = g_hash_table_lookup (by_id, &s->id);

      if (e != NULL && !g_ptr_array_find (self->entries, e, NULL))
        g_ptr_array_add (self->entries, e);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "proposal.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, self->call_name));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_box_append (GTK_BOX (box), header);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->message), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->message), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Steering Group"));
  self->meeting_row = g_object_new (HS_TYPE_DATE_ROW, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->meeting_row), _("_Meeting"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->meeting_row), TRUE);
  hs_date_row_set_date (self->meeting_row, &proposal->meeting);
  adw_preferences_group_add (group, GTK_WIDGET (self->meeting_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Applications"));
  adw_preferences_group_set_description (group, _("Switch on the applications to propose. The proposed ones "
                                                  "come first, in the order proposed (Alt+Up and Alt+Down move "
                                                  "one); the others may say why not."));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_sort_func (self->list, sort_rows, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Applications"), -1);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      add_entry (self, e, g_hash_table_lookup (reasons, &e->project_id));
    }
  if (self->entries->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("The call has no applications yet."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_set_placeholder (self->list, none);
    }
  update_rows (self);
  adw_preferences_group_add (group, GTK_WIDGET (self->list));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_widget_grab_focus (GTK_WIDGET (self->meeting_row));
  return self;
}

GtkWidget *
_hs_proposal_dialog_get_widget (HsProposalDialog *self,
                                const char       *name)
{
  if (g_str_equal (name, "meeting"))
    return GTK_WIDGET (self->meeting_row);
  if (g_str_equal (name, "message"))
    return GTK_WIDGET (self->message);
  if (g_str_equal (name, "save"))
    return self->save_button;
  return NULL;
}

GtkWidget *
_hs_proposal_dialog_get_row_widget (HsProposalDialog *self,
                                    gint64            project_id,
                                    const char       *name)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (e->project_id != project_id)
        continue;
      if (g_str_equal (name, "switch"))
        return GTK_WIDGET (e->toggle);
      if (g_str_equal (name, "reason"))
        return e->reason;
      if (g_str_equal (name, "up"))
        return e->proposed ? e->up : NULL;
      if (g_str_equal (name, "down"))
        return e->proposed ? e->down : NULL;
      return NULL;
    }
  return NULL;
}

GArray *
_hs_proposal_dialog_dup_order (HsProposalDialog *self)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->entries->len; i++)
    g_array_append_val (order, ((Entry *) g_ptr_array_index (self->entries, i))->project_id);
  return order;
}

static void
hs_proposal_dialog_dispose (GObject *object)
{
  HsProposalDialog *self = HS_PROPOSAL_DIALOG (object);

  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_proposal_dialog_parent_class)->dispose (object);
}

static void
hs_proposal_dialog_finalize (GObject *object)
{
  HsProposalDialog *self = HS_PROPOSAL_DIALOG (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self->call_name);

  G_OBJECT_CLASS (hs_proposal_dialog_parent_class)->finalize (object);
}

static void
hs_proposal_dialog_class_init (HsProposalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_proposal_dialog_dispose;
  object_class->finalize = hs_proposal_dialog_finalize;

  /**
   * HsProposalDialog::saved:
   * @message: what the toast says
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "proposal.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "proposal.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "proposal.move", "i", move_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "proposal.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "proposal.move", "i", 1);
}

static void
hs_proposal_dialog_init (HsProposalDialog *self)
{
}

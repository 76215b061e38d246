/* hs-decision-dialog.c — a funding decision, a rejection or a change application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form holds what the decision needs; the rules are the core's
 * (hs_review_decide, hs_decision_set_total, hs_review_open_change): the
 * dialog builds the decision from the fields, asks the core, and shows its
 * refusal above the fields without saving anything. A decision saves the
 * review and the project (its new status) as one undoable action.
 */
#define G_LOG_DOMAIN "hs-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-review.h"
#include "store/hs-sqlite-repository.h"

#include "hs-amount-entry.h"
#include "hs-date-row.h"
#include "hs-decision-dialog-private.h"

typedef struct
{
  const HsImplementer *implementer;
  gint64               applied;
  HsAmountEntry       *entry;
} ImplementerField;

struct _HsDecisionDialog
{
  AdwWindow             parent_instance;

  HsRepository         *repository;
  HsDecisionDialogMode  mode;
  HsLang                lang;
  HsProject            *project;
  HsReview             *review;
  HsCall               *call;       /* NULL: the project has none */
  gint64                applied;    /* EU + state applied for, all implementers */
  GArray               *implementers;   /* ImplementerField */
  gboolean              updating;

  GtkLabel             *message;
  GtkWidget            *save_button;
  HsDateRow            *date_row;
  AdwEntryRow          *number_row;
  AdwEntryRow          *conditions_row;
  HsDateRow            *from_row;
  HsDateRow            *until_row;
  HsAmountEntry        *total_entry;
  GtkSwitch            *per_implementer;
  GtkLabel             *difference;
  AdwEntryRow          *reason_row;
  HsDateRow            *starts_row;
};

G_DEFINE_FINAL_TYPE (HsDecisionDialog, hs_decision_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (HsDecisionDialog *self,
              const char       *message)
{
  gtk_label_set_text (self->message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

/* A date field's date; FALSE (and why, in the message) when its text is
 * not one. An empty field is an invalid date. */
static gboolean
read_date (HsDecisionDialog *self,
           HsDateRow        *row,
           GDate            *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  if (*text == '\0')
    return TRUE;
  if (!hs_date_parse (text, out, &error))
    {
      g_auto(GStrv) parts = g_strsplit (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "_", -1);
      g_autofree char *title = g_strjoinv ("", parts);
      g_autofree char *message = g_strdup_printf ("%s: %s", title, error->message);
      show_message (self, message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  return TRUE;
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
parse_entry (HsAmountEntry *entry,
             gint64        *out,
             GError       **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (*text == '\0')
    {
      *out = 0;
      return TRUE;
    }
  return hs_money_parse (text, out, error);
}

/* ---- the grants, live ----------------------------------------------------- */

/* The grants the fields give: per implementer as typed, or the total
 * shared by the core. FALSE with why. */
static gboolean
fill_grants (HsDecisionDialog  *self,
             HsDecision        *decision,
             GError           **error)
{
  g_array_set_size (decision->grants, 0);
  if (gtk_switch_get_active (self->per_implementer))
    {
      for (guint i = 0; i < self->implementers->len; i++)
        {
          ImplementerField *f = &g_array_index (self->implementers, ImplementerField, i);
          HsGrant grant = { f->implementer->organisation != NULL ? f->implementer->organisation->id : 0,
                            f->applied, 0 };

          if (f->applied == 0)
            continue;
          if (!parse_entry (f->entry, &grant.granted, error))
            {
              g_prefix_error (error, "%s: ", f->implementer->organisation != NULL
                                             ? f->implementer->organisation->name : "");
              return FALSE;
            }
          g_array_append_val (decision->grants, grant);
        }
      return TRUE;
    }
  else
    {
      gint64 total;

      if (!parse_entry (self->total_entry, &total, error))
        return FALSE;
      return hs_decision_set_total (decision, self->project, total, self->lang, error);
    }
}

static void
update_grants (HsDecisionDialog *self)
{
  g_autoptr(HsDecision) decision = hs_decision_new (HS_DECISION_GRANT);
  g_autoptr(GError) error = NULL;
  gboolean per = gtk_switch_get_active (self->per_implementer);
  gint64 granted = 0;

  if (self->updating)
    return;
  self->updating = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->total_entry), !per);
  for (guint i = 0; i < self->implementers->len; i++)
    {
      ImplementerField *f = &g_array_index (self->implementers, ImplementerField, i);

      gtk_widget_set_sensitive (GTK_WIDGET (f->entry), per && f->applied > 0);
    }
  if (!fill_grants (self, decision, &error))
    {
      gtk_label_set_text (self->difference, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->difference), "error");
      self->updating = FALSE;
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->difference), "error");
  for (guint i = 0; i < decision->grants->len; i++)
    {
      const HsGrant *g = &g_array_index (decision->grants, HsGrant, i);

      granted += g->granted;
      if (!per)
        for (guint j = 0; j < self->implementers->len; j++)
          {
            ImplementerField *f = &g_array_index (self->implementers, ImplementerField, j);

            if (f->implementer->organisation != NULL && f->implementer->organisation->id == g->organisation_id)
              hs_amount_entry_set_amount (f->entry, g->granted);
          }
    }
  if (per)
    hs_amount_entry_set_amount (self->total_entry, granted);
  {
    g_autofree char *applied = hs_money_format (self->applied, self->lang);
    g_autofree char *got = hs_money_format (granted, self->lang);
    g_autofree char *less = hs_money_format (self->applied - granted, self->lang);
    g_autofree char *text = NULL;

    if (granted > self->applied)
      {
        g_autofree char *over = hs_money_format (granted - self->applied, self->lang);

        /* Translators: the grant is more than the application asks for */
        text = g_strdup_printf (_("Granted %s of %s applied for: %s over"), got, applied, over);
        gtk_widget_add_css_class (GTK_WIDGET (self->difference), "error");
      }
    else if (granted == self->applied)
      text = g_strdup_printf (_("Granted %s: all that was applied for"), got);
    else
      /* Translators: "Granted 90 000,00 € of 100 000,00 € applied for: 10 000,00 € less" */
      text = g_strdup_printf (_("Granted %s of %s applied for: %s less"), got, applied, less);
    gtk_label_set_text (self->difference, text);
  }
  self->updating = FALSE;
}

/* ---- saving --------------------------------------------------------------- */

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

static void
save (HsDecisionDialog *self)
{
  g_autoptr(HsReview) review = hs_review_copy (self->review);
  g_autoptr(HsProject) project = hs_project_copy (self->project);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *now = now_iso ();
  const char *actor = HS_IS_SQLITE_REPOSITORY (self->repository)
                      ? hs_sqlite_repository_get_actor (HS_SQLITE_REPOSITORY (self->repository)) : NULL;
  gboolean change = review->change_open;

  show_message (self, NULL);
  if (self->mode == HS_DECISION_DIALOG_CHANGE)
    {
      GDate made, starts;
      g_autofree char *reason = entry_text (self->reason_row);

      today (&made);
      if (!read_date (self, self->starts_row, &starts))
        return;
      if (!g_date_valid (&starts))
        {
          show_message (self, _("Say when the change starts"));
          return;
        }
      if (!hs_review_open_change (review, project, &made, &starts, reason, self->lang, &error))
        {
          show_message (self, error->message);
          return;
        }
      description = g_strdup_printf (_("Change application of %s"), project->code);
      if (!hs_repository_save_review (self->repository, review, NULL, description, &error))
        {
          show_message (self, error->message);
          return;
        }
    }
  else
    {
      g_autoptr(HsDecision) decision = hs_decision_new (self->mode == HS_DECISION_DIALOG_GRANT
                                                        ? HS_DECISION_GRANT : HS_DECISION_REJECT);

      if (!read_date (self, self->date_row, &decision->date))
        return;
      if (!g_date_valid (&decision->date))
        {
          show_message (self, _("A decision needs its date"));
          return;
        }
      decision->decided_by = g_strdup (review->coordinating_council != NULL ? review->coordinating_council
                                       : self->call != NULL ? self->call->intermediary : NULL);
      if (self->mode == HS_DECISION_DIALOG_GRANT)
        {
          if (!read_date (self, self->from_row, &decision->eligible_from)
              || !read_date (self, self->until_row, &decision->eligible_until))
            return;
          decision->number = entry_text (self->number_row);
          decision->conditions = entry_text (self->conditions_row);
          if (!fill_grants (self, decision, &error))
            {
              show_message (self, error->message);
              return;
            }
        }
      else
        {
          decision->reason = entry_text (self->reason_row);
          decision->number = entry_text (self->number_row);
        }
      if (!hs_review_decide (review, project, self->call, decision, now, actor, self->lang, &error))
        {
          show_message (self, error->message);
          return;
        }
      g_steal_pointer (&decision);   /* the review's now */
      if (self->mode == HS_DECISION_DIALOG_GRANT)
        {
          g_autofree char *total = hs_money_format (hs_review_granted (review), self->lang);

          description = change ? g_strdup_printf (_("Grant the change application of %s: %s"), project->code, total)
                               : g_strdup_printf (_("Grant %s: %s"), project->code, total);
        }
      else
        description = change ? g_strdup_printf (_("Reject the change application of %s"), project->code)
                             : g_strdup_printf (_("Reject %s"), project->code);
      if (!hs_repository_save_review (self->repository, review, project, description, &error))
        {
          show_message (self, error->message);
          return;
        }
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
  save (HS_DECISION_DIALOG (widget));
}

/* ---- building ------------------------------------------------------------- */

static HsDateRow *
add_date_row (AdwPreferencesGroup *group,
              const char          *title,
              const GDate         *date)
{
  HsDateRow *row = g_object_new (HS_TYPE_DATE_ROW, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (date != NULL)
    hs_date_row_set_date (row, date);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static HsAmountEntry *
amount_suffix (HsDecisionDialog *self,
               AdwActionRow     *row,
               gint64            amount)
{
  HsAmountEntry *entry = HS_AMOUNT_ENTRY (hs_amount_entry_new (self->lang));

  hs_amount_entry_set_amount (entry, amount);
  gtk_widget_set_valign (GTK_WIDGET (entry), GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_grants), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (save), self);
  adw_action_row_add_suffix (row, GTK_WIDGET (entry));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (entry));
  return entry;
}

static void
build_grant (HsDecisionDialog *self,
             GtkWidget        *page)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GDate date;
  GtkWidget *row;
  g_autofree char *applied = hs_money_format (self->applied, self->lang);
  g_autofree char *description = g_strdup_printf (_("EU and state support applied for: %s"), applied);

  today (&date);
  adw_preferences_group_set_title (group, _("Decision"));
  self->date_row = add_date_row (group, _("_Date of the decision"), &date);
  self->number_row = add_entry_row (group, _("_Number"));
  self->from_row = add_date_row (group, _("Eligible _from"), &self->project->start_date);
  self->until_row = add_date_row (group, _("Eligible _until"), &self->project->end_date);
  self->conditions_row = add_entry_row (group, _("_Conditions"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Granted EU and State Support"));
  adw_preferences_group_set_description (group, description);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Grant _per implementer"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Otherwise the total is shared in proportion to what each applied for"));
  self->per_implementer = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->per_implementer), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->per_implementer));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->per_implementer));
  g_signal_connect_swapped (self->per_implementer, "notify::active", G_CALLBACK (update_grants), self);
  adw_preferences_group_add (group, row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Total granted"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->total_entry = amount_suffix (self, ADW_ACTION_ROW (row), self->applied);
  adw_preferences_group_add (group, row);

  for (guint i = 0; i < self->implementers->len; i++)
    {
      ImplementerField *f = &g_array_index (self->implementers, ImplementerField, i);
      g_autofree char *sub_applied = hs_money_format (f->applied, self->lang);
      g_autofree char *subtitle = g_strdup_printf (_("%s · applied for %s"),
                                                   f->implementer->is_main ? _("Main implementer")
                                                                           : _("Partial implementer"),
                                                   sub_applied);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->implementer->organisation != NULL
                                                                ? f->implementer->organisation->name : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      f->entry = amount_suffix (self, ADW_ACTION_ROW (row), f->applied);
      adw_preferences_group_add (group, row);
    }

  self->difference = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->difference, 0);
  gtk_label_set_wrap (self->difference, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->difference), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->difference), "numeric");
  adw_preferences_group_add (group, GTK_WIDGET (self->difference));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  update_grants (self);
}

static void
build_reject (HsDecisionDialog *self,
              GtkWidget        *page)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GDate date;

  today (&date);
  adw_preferences_group_set_title (group, _("Rejection"));
  adw_preferences_group_set_description (group, self->review->change_open
                                                ? _("A rejected change application leaves the decision in force.")
                                                : _("The application is not funded."));
  self->date_row = add_date_row (group, _("_Date of the decision"), &date);
  self->number_row = add_entry_row (group, _("_Number"));
  self->reason_row = add_entry_row (group, _("_Reason"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
}

static void
build_change (HsDecisionDialog *self,
              GtkWidget        *page)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("Change Application"));
  adw_preferences_group_set_description (group, _("Made today, before the change starts and before the decided "
                                                  "implementation period ends. Edit the project after this; "
                                                  "the change is then decided again."));
  self->starts_row = add_date_row (group, _("The change _starts"), NULL);
  self->reason_row = add_entry_row (group, _("What and _why"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
}

HsDecisionDialog *
hs_decision_dialog_new (GtkWindow            *parent,
                        HsRepository         *repository,
                        gint64                project_id,
                        HsDecisionDialogMode  mode,
                        GError              **error)
{
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsReview) review = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  HsDecisionDialog *self;
  GtkWidget *box, *header, *cancel, *page;
  g_autofree char *subtitle = NULL;
  const char *title;

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  project = hs_repository_load_project (repository, project_id, error);
  if (project == NULL)
    return NULL;
  review = hs_repository_load_review (repository, project_id, error);
  if (review == NULL)
    return NULL;
  calls = hs_repository_list_calls (repository, 0, error);
  if (calls == NULL)
    return NULL;

  self = g_object_new (HS_TYPE_DECISION_DIALOG, "transient-for", parent, "modal", TRUE,
                       "default-width", 640, "default-height", mode == HS_DECISION_DIALOG_GRANT ? 720 : 420, NULL);
  self->repository = g_object_ref (repository);
  self->mode = mode;
  self->project = g_steal_pointer (&project);
  self->review = g_steal_pointer (&review);
  for (guint i = 0; i < calls->len; i++)
    if (((HsCall *) g_ptr_array_index (calls, i))->id == self->project->call_id)
      self->call = hs_call_copy (g_ptr_array_index (calls, i));
  for (guint i = 0; i < self->project->implementers->len; i++)
    {
      ImplementerField f = { g_ptr_array_index (self->project->implementers, i) };

      f.applied = hs_implementer_get_financing (f.implementer, HS_SOURCE_EU_STATE);
      self->applied += f.applied;
      g_array_append_val (self->implementers, f);
    }

  switch (mode)
    {
    case HS_DECISION_DIALOG_GRANT:
      title = self->review->change_open ? _("Grant the Change Application") : _("Grant");
      break;
    case HS_DECISION_DIALOG_REJECT:
      title = self->review->change_open ? _("Reject the Change Application") : _("Reject");
      break;
    default:
      title = _("Change Application");
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (mode == HS_DECISION_DIALOG_CHANGE ? _("_Start")
                                                    : mode == HS_DECISION_DIALOG_GRANT ? _("_Grant") : _("_Reject"));
  gtk_widget_add_css_class (self->save_button, mode == HS_DECISION_DIALOG_REJECT ? "destructive-action"
                                                                                : "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "decision.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  subtitle = g_strdup_printf ("%s · %s", self->project->code, hs_project_display_name (self->project));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
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
  if (mode == HS_DECISION_DIALOG_GRANT)
    build_grant (self, page);
  else if (mode == HS_DECISION_DIALOG_REJECT)
    build_reject (self, page);
  else
    build_change (self, page);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_widget_grab_focus (mode == HS_DECISION_DIALOG_CHANGE ? GTK_WIDGET (self->starts_row)
                                                           : GTK_WIDGET (self->date_row));
  return self;
}

GtkWidget *
_hs_decision_dialog_get_widget (HsDecisionDialog *self,
                                const char       *name)
{
  static const struct { const char *name; gsize offset; } widgets[] = {
    { "date", G_STRUCT_OFFSET (HsDecisionDialog, date_row) },
    { "number", G_STRUCT_OFFSET (HsDecisionDialog, number_row) },
    { "conditions", G_STRUCT_OFFSET (HsDecisionDialog, conditions_row) },
    { "eligible-from", G_STRUCT_OFFSET (HsDecisionDialog, from_row) },
    { "eligible-until", G_STRUCT_OFFSET (HsDecisionDialog, until_row) },
    { "total", G_STRUCT_OFFSET (HsDecisionDialog, total_entry) },
    { "per-implementer", G_STRUCT_OFFSET (HsDecisionDialog, per_implementer) },
    { "difference", G_STRUCT_OFFSET (HsDecisionDialog, difference) },
    { "reason", G_STRUCT_OFFSET (HsDecisionDialog, reason_row) },
    { "starts", G_STRUCT_OFFSET (HsDecisionDialog, starts_row) },
    { "message", G_STRUCT_OFFSET (HsDecisionDialog, message) },
    { "save", G_STRUCT_OFFSET (HsDecisionDialog, save_button) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, widgets[i].offset);
  return NULL;
}

GtkWidget *
_hs_decision_dialog_get_implementer (HsDecisionDialog *self,
                                     guint             index)
{
  if (self->implementers == NULL || index >= self->implementers->len)
    return NULL;
  return GTK_WIDGET (g_array_index (self->implementers, ImplementerField, index).entry);
}

static void
hs_decision_dialog_dispose (GObject *object)
{
  HsDecisionDialog *self = HS_DECISION_DIALOG (object);

  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_decision_dialog_parent_class)->dispose (object);
}

static void
hs_decision_dialog_finalize (GObject *object)
{
  HsDecisionDialog *self = HS_DECISION_DIALOG (object);

  g_clear_pointer (&self->project, hs_project_free);
  g_clear_pointer (&self->review, hs_review_free);
  g_clear_pointer (&self->call, hs_call_free);
  g_clear_pointer (&self->implementers, g_array_unref);

  G_OBJECT_CLASS (hs_decision_dialog_parent_class)->finalize (object);
}

static void
hs_decision_dialog_class_init (HsDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_decision_dialog_dispose;
  object_class->finalize = hs_decision_dialog_finalize;

  /**
   * HsDecisionDialog::saved:
   * @message: what the toast says
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "decision.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "decision.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_decision_dialog_init (HsDecisionDialog *self)
{
  self->lang = hs_lang_current ();
  self->implementers = g_array_new (FALSE, TRUE, sizeof (ImplementerField));
}

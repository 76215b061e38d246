/* hs-assess-dialog.c — one reviewer's assessment of an application against its call's criteria
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preferences page of groups: the reviewer, the general criteria (met,
 * not met or not assessed yet), the content criteria of each specific
 * objective, the call's refining criteria and the horizontal ones (a spin
 * button on the criterion's scale, "—" for not scored), each followed by
 * the score's justification, and a free comment. The spin buttons hold only
 * what the scale allows; what the core still refuses (a blank reviewer) is
 * shown beside its field. Save changes a copy of the review through
 * hs_review_set_score and hs_review_add_comment and writes it with
 * hs_repository_save_review: one action in the undo history.
 */
#define G_LOG_DOMAIN "hs-assess-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-review.h"
#include "store/hs-sqlite-repository.h"

#include "hs-assess-dialog-private.h"

typedef struct
{
  const HsCriterion *criterion;    /* of the dialog's criteria */
  gint64             organisation_id;
  GtkWidget         *score;        /* GtkSpinButton, or GtkDropDown for general criteria */
  AdwEntryRow       *justification;
  GtkLabel          *error;
} Field;

struct _HsAssessDialog
{
  AdwWindow      parent_instance;

  HsRepository  *repository;
  HsLang         lang;
  HsProject     *project;
  HsReview      *review;
  GPtrArray     *criteria;
  GArray        *fields;           /* Field */

  AdwEntryRow   *reviewer_row;
  GtkLabel      *reviewer_error;
  GtkTextView   *comment;
  GtkLabel      *message;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (HsAssessDialog, hs_assess_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
actor_of (HsRepository *repository)
{
  return HS_IS_SQLITE_REPOSITORY (repository)
         ? hs_sqlite_repository_get_actor (HS_SQLITE_REPOSITORY (repository)) : NULL;
}

static char *
reviewer_text (HsAssessDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row))));
}

static const HsScore *
find_score (HsAssessDialog *self,
            const Field    *field,
            const char     *reviewer)
{
  for (guint i = 0; i < self->review->scores->len; i++)
    {
      const HsScore *s = g_ptr_array_index (self->review->scores, i);

      if (s->criterion_id == field->criterion->id && s->organisation_id == field->organisation_id
          && g_strcmp0 (s->reviewer, reviewer) == 0)
        return s;
    }
  return NULL;
}

/* The score a field holds: -1 for none. */
static int
field_value (const Field *field)
{
  if (GTK_IS_DROP_DOWN (field->score))
    switch (gtk_drop_down_get_selected (GTK_DROP_DOWN (field->score)))
      {
      case 1: return 1;
      case 2: return 0;
      default: return -1;
      }
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->score));
}

static void
set_field_value (Field *field,
                 int    value)
{
  if (GTK_IS_DROP_DOWN (field->score))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (field->score), value < 0 ? 0 : value == 1 ? 1 : 2);
  else
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->score), value);
}

/* The reviewer's own scores, or none. */
static void
fill_scores (HsAssessDialog *self)
{
  g_autofree char *reviewer = reviewer_text (self);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      const HsScore *s = find_score (self, field, reviewer);

      set_field_value (field, s != NULL ? s->score : -1);
      gtk_editable_set_text (GTK_EDITABLE (field->justification), s != NULL ? s->justification : "");
      gtk_widget_set_visible (GTK_WIDGET (field->error), FALSE);
    }
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value < 0 ? g_strdup ("—") : g_strdup_printf ("%d", value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  gint64 n;

  if (*text == '\0' || g_str_equal (text, "—") || g_str_equal (text, "-"))
    {
      *value = -1;
      return TRUE;
    }
  n = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return GTK_INPUT_ERROR;
  *value = (double) n;
  return TRUE;
}

static void
show_field_error (GtkLabel   *label,
                  const char *message)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
save (HsAssessDialog *self)
{
  g_autoptr(HsReview) review = hs_review_copy (self->review);
  g_autofree char *reviewer = reviewer_text (self);
  g_autofree char *now = now_iso ();
  g_autofree char *comment = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  gboolean failed = FALSE;
  GtkTextIter start, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment);

  show_field_error (self->reviewer_error, NULL);
  show_field_error (self->message, NULL);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      int value = field_value (field);
      const char *justification = gtk_editable_get_text (GTK_EDITABLE (field->justification));
      const HsScore *before = find_score (self, field, reviewer);
      g_autoptr(GError) field_error = NULL;

      show_field_error (field->error, NULL);
      if (value < 0)
        {
          if (before == NULL && *justification != '\0')
            {
              show_field_error (field->error, _("Give a score to justify"));
              failed = TRUE;
            }
          continue;
        }
      if (before != NULL && before->score == value && g_strcmp0 (before->justification, justification) == 0)
        continue;
      if (!hs_review_set_score (review, self->project, field->criterion, reviewer, field->organisation_id, value,
                                justification, now, actor_of (self->repository), self->lang, &field_error))
        {
          /* a blank reviewer is the reviewer's field's error, not every score's */
          if (*reviewer == '\0')
            show_field_error (self->reviewer_error, field_error->message);
          else
            show_field_error (field->error, field_error->message);
          failed = TRUE;
          continue;
        }
      changed++;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  comment = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*comment != '\0')
    {
      g_autoptr(GError) comment_error = NULL;

      if (!hs_review_add_comment (review, reviewer, comment, now, actor_of (self->repository), &comment_error))
        {
          show_field_error (*reviewer == '\0' ? self->reviewer_error : self->message, comment_error->message);
          failed = TRUE;
        }
      else
        changed++;
    }
  if (failed)
    {
      show_field_error (self->message, _("Nothing was saved: correct the fields marked"));
      return;
    }
  if (changed == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* Translators: the action in the history and its toast: "Assess PKS-001 (Aino Virtanen)" */
  description = g_strdup_printf (_("Assess %s (%s)"), self->project->code, reviewer);
  if (!hs_repository_save_review (self->repository, review, NULL, description, &error))
    {
      show_field_error (self->message, error->message);
      return;
    }
  {
    /* Translators: a toast with an Undo button; %s is the project's code */
    g_autofree char *toast = g_strdup_printf (_("Assessment of %s saved"), self->project->code);

    g_object_ref (self);
    g_signal_emit (self, signals[SIGNAL_SAVED], 0, toast);
    gtk_window_destroy (GTK_WINDOW (self));
    g_object_unref (self);
  }
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (HS_ASSESS_DIALOG (widget));
}

/* ---- building the form ---------------------------------------------------- */

static char *
scale_text (const HsCriterion *c)
{
  GString *text = g_string_new (NULL);

  if (c->kind == HS_CRITERION_GENERAL)
    return g_strdup (_("Met or not met; one not met blocks funding"));
  /* Translators: a criterion's scale: "0–5" */
  g_string_append_printf (text, _("Scored 0–%d"), hs_criterion_kind_max (c->kind));
  if (c->minimum >= 0)
    g_string_append_printf (text, _(", at least %d"), c->minimum);
  if (c->weight != 100)
    g_string_append_printf (text, _(", weight %u %%"), c->weight);
  return g_string_free (text, FALSE);
}

static void
add_field (HsAssessDialog      *self,
           AdwPreferencesGroup *group,
           const HsCriterion   *criterion,
           const HsImplementer *implementer)
{
  Field field = { criterion, implementer != NULL && implementer->organisation != NULL
                             ? implementer->organisation->id : 0 };
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = scale_text (criterion);
  g_autofree char *title = implementer != NULL && implementer->organisation != NULL
                           ? g_strdup_printf ("%s — %s", hs_criterion_name (criterion, self->lang),
                                              implementer->organisation->name)
                           : g_strdup (hs_criterion_name (criterion, self->lang));
  g_autofree char *justification_title = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  field.error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (field.error), "error");
  gtk_label_set_wrap (field.error, TRUE);
  gtk_label_set_max_width_chars (field.error, 30);
  gtk_widget_set_visible (GTK_WIDGET (field.error), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (field.error));

  if (criterion->kind == HS_CRITERION_GENERAL)
    {
      const char *choices[] = { _("Not assessed"), _("Met"), _("Not met"), NULL };

      field.score = gtk_drop_down_new_from_strings (choices);
    }
  else
    {
      field.score = gtk_spin_button_new_with_range (-1, hs_criterion_kind_max (criterion->kind), 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (field.score), FALSE);
      gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (field.score), GTK_UPDATE_IF_VALID);
      gtk_editable_set_width_chars (GTK_EDITABLE (field.score), 2);
      g_signal_connect (field.score, "output", G_CALLBACK (spin_output_cb), NULL);
      g_signal_connect (field.score, "input", G_CALLBACK (spin_input_cb), NULL);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field.score), -1);
      spin_output_cb (GTK_SPIN_BUTTON (field.score), NULL);
    }
  gtk_widget_set_valign (field.score, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field.score), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field.error, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), field.score);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field.score);
  adw_preferences_group_add (group, row);

  field.justification = ADW_ENTRY_ROW (adw_entry_row_new ());
  justification_title = g_strdup_printf (_("Justification: %s"), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field.justification), _("Justification"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (field.justification), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  justification_title, -1);
  adw_preferences_group_add (group, GTK_WIDGET (field.justification));
  g_array_append_val (self->fields, field);
}

static void
build (HsAssessDialog *self,
       GtkWidget      *page)
{
  /* the kinds in the order reviewers go through them */
  static const HsCriterionKind order[] = {
    HS_CRITERION_GENERAL, HS_CRITERION_CONTENT, HS_CRITERION_REFINING, HS_CRITERION_HORIZONTAL,
  };
  AdwPreferencesGroup *group;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->reviewer_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reviewer_row), _("_Reviewer"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->reviewer_row), TRUE);
  self->reviewer_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->reviewer_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->reviewer_error), FALSE);
  adw_entry_row_add_suffix (self->reviewer_row, GTK_WIDGET (self->reviewer_error));
  adw_preferences_group_add (group, GTK_WIDGET (self->reviewer_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      const char *objective = NULL;

      group = NULL;
      for (guint i = 0; i < self->criteria->len; i++)
        {
          const HsCriterion *c = g_ptr_array_index (self->criteria, i);

          if (c->kind != order[k])
            continue;
          if (group == NULL || (c->kind == HS_CRITERION_CONTENT && g_strcmp0 (c->objective, objective) != 0))
            {
              g_autofree char *title = NULL;

              objective = c->objective;
              if (c->kind == HS_CRITERION_CONTENT && objective != NULL)
                /* Translators: a group of content criteria: "Content Criteria, Specific Objective 1.1" */
                title = g_strdup_printf (_("Content Criteria, Specific Objective %s"), objective);
              else
                title = g_strdup (c->kind == HS_CRITERION_GENERAL ? _("General Criteria")
                                  : c->kind == HS_CRITERION_CONTENT ? _("Content Criteria")
                                  : c->kind == HS_CRITERION_REFINING ? _("Refining Criteria")
                                  : _("Horizontal Criteria"));
              group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
              adw_preferences_group_set_title (group, title);
              if (c->kind == HS_CRITERION_CONTENT)
                adw_preferences_group_set_description (group, _("Score the criteria of the specific objective the "
                                                                "application is for; the others do not apply."));
              adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
            }
          if (c->per_implementer)
            for (guint j = 0; j < self->project->implementers->len; j++)
              add_field (self, group, c, g_ptr_array_index (self->project->implementers, j));
          else
            add_field (self, group, c, NULL);
        }
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Comment"));
  adw_preferences_group_set_description (group, _("A free comment on the whole application, kept with your name."));
  {
    GtkWidget *frame = gtk_frame_new (NULL);

    self->comment = GTK_TEXT_VIEW (gtk_text_view_new ());
    gtk_text_view_set_wrap_mode (self->comment, GTK_WRAP_WORD_CHAR);
    gtk_text_view_set_top_margin (self->comment, 8);
    gtk_text_view_set_bottom_margin (self->comment, 8);
    gtk_text_view_set_left_margin (self->comment, 8);
    gtk_text_view_set_right_margin (self->comment, 8);
    gtk_widget_set_size_request (GTK_WIDGET (self->comment), -1, 80);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->comment), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
    gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->comment));
    adw_preferences_group_add (group, frame);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
}

HsAssessDialog *
hs_assess_dialog_new (GtkWindow     *parent,
                      HsRepository  *repository,
                      gint64         project_id,
                      GError       **error)
{
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsReview) review = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  HsAssessDialog *self;
  GtkWidget *box, *header, *cancel, *page;
  g_autofree char *subtitle = NULL;
  GtkWidget *title;

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  project = hs_repository_load_project (repository, project_id, error);
  if (project == NULL)
    return NULL;
  review = hs_repository_load_review (repository, project_id, error);
  if (review == NULL)
    return NULL;
  criteria = hs_repository_list_criteria (repository, project->call_id, error);
  if (criteria == NULL)
    return NULL;

  self = g_object_new (HS_TYPE_ASSESS_DIALOG, "transient-for", parent, "modal", TRUE,
                       "default-width", 760, "default-height", 720, NULL);
  self->repository = g_object_ref (repository);
  self->project = g_steal_pointer (&project);
  self->review = g_steal_pointer (&review);
  self->criteria = g_steal_pointer (&criteria);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "assess.save");
  gtk_widget_set_tooltip_text (self->save_button, _("Save the assessment (Ctrl+S)"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  subtitle = g_strdup_printf ("%s · %s", self->project->code, hs_project_display_name (self->project));
  title = adw_window_title_new (_("Assessment"), subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_window_set_title (GTK_WINDOW (self), _("Assessment"));
  gtk_box_append (GTK_BOX (box), header);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->message), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  build (self, page);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  {
    const char *name = g_get_real_name ();

    if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
      name = g_get_user_name ();
    gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row), name);
  }
  fill_scores (self);
  g_signal_connect_swapped (self->reviewer_row, "changed", G_CALLBACK (fill_scores), self);
  if (self->fields->len > 0)
    gtk_widget_grab_focus (g_array_index (self->fields, Field, 0).score);
  return self;
}

/* ---- private -------------------------------------------------------------- */

static Field *
find_field (HsAssessDialog *self,
            const char     *key,
            gint64          organisation_id)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);

      if (g_strcmp0 (field->criterion->key, key) == 0 && field->organisation_id == organisation_id)
        return field;
    }
  return NULL;
}

GtkWidget *
_hs_assess_dialog_get_score (HsAssessDialog *self,
                             const char     *key,
                             gint64          organisation_id)
{
  Field *field = find_field (self, key, organisation_id);

  return field != NULL ? field->score : NULL;
}

GtkWidget *
_hs_assess_dialog_get_justification (HsAssessDialog *self,
                                     const char     *key,
                                     gint64          organisation_id)
{
  Field *field = find_field (self, key, organisation_id);

  return field != NULL ? GTK_WIDGET (field->justification) : NULL;
}

GtkWidget *
_hs_assess_dialog_get_error (HsAssessDialog *self,
                             const char     *key,
                             gint64          organisation_id)
{
  Field *field = find_field (self, key, organisation_id);

  return field != NULL ? GTK_WIDGET (field->error) : NULL;
}

GtkWidget *
_hs_assess_dialog_get_widget (HsAssessDialog *self,
                              const char     *name)
{
  if (g_str_equal (name, "reviewer"))
    return GTK_WIDGET (self->reviewer_row);
  if (g_str_equal (name, "reviewer-error"))
    return GTK_WIDGET (self->reviewer_error);
  if (g_str_equal (name, "comment"))
    return GTK_WIDGET (self->comment);
  if (g_str_equal (name, "save"))
    return self->save_button;
  if (g_str_equal (name, "message"))
    return GTK_WIDGET (self->message);
  return NULL;
}

/* ---- GObject -------------------------------------------------------------- */

static void
hs_assess_dialog_dispose (GObject *object)
{
  HsAssessDialog *self = HS_ASSESS_DIALOG (object);

  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_assess_dialog_parent_class)->dispose (object);
}

static void
hs_assess_dialog_finalize (GObject *object)
{
  HsAssessDialog *self = HS_ASSESS_DIALOG (object);

  g_clear_pointer (&self->project, hs_project_free);
  g_clear_pointer (&self->review, hs_review_free);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (hs_assess_dialog_parent_class)->finalize (object);
}

static void
hs_assess_dialog_class_init (HsAssessDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_assess_dialog_dispose;
  object_class->finalize = hs_assess_dialog_finalize;

  /**
   * HsAssessDialog::saved:
   * @message: what the toast says
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "assess.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "assess.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_assess_dialog_init (HsAssessDialog *self)
{
  self->lang = hs_lang_current ();
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
}

/* hs-diff-window.c — a decided project's approved version against the project now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The totals' headline (hs_diff_totals_format) above a list of the
 * differences (hs_project_diff, without status and history): each line's
 * label, what the approved version had and what the project has now, the
 * amounts' lines marked as amounts. Read-only; Esc closes.
 */
#define G_LOG_DOMAIN "hs-diff-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-date.h"
#include "core/hs-project-diff.h"
#include "core/hs-review.h"

#include "hs-diff-window.h"

struct _HsDiffWindow
{
  AdwWindow  parent_instance;

  GString   *text;     /* the lines shown, for the tests */
};

G_DEFINE_FINAL_TYPE (HsDiffWindow, hs_diff_window, ADW_TYPE_WINDOW)

static GtkWidget *
line_row (const HsDiffLine *line)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *change = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *before = gtk_label_new (line->before != NULL ? line->before : _("(none)"));
  GtkWidget *arrow = gtk_label_new ("→");
  GtkWidget *after = gtk_label_new (line->after != NULL ? line->after : _("(removed)"));
  g_autofree char *description = g_strdup_printf ("%s → %s", line->before != NULL ? line->before : _("(none)"),
                                                  line->after != NULL ? line->after : _("(removed)"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->label);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  for (GtkWidget *w = before; w != NULL; w = w == before ? after : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (w), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (w), 28);
      gtk_label_set_selectable (GTK_LABEL (w), TRUE);
      if (line->is_amount)
        gtk_widget_add_css_class (w, "numeric");
    }
  gtk_widget_add_css_class (before, "dim-label");
  gtk_widget_add_css_class (after, line->after == NULL ? "error" : line->before == NULL ? "success" : "accent");
  gtk_box_append (GTK_BOX (change), before);
  gtk_box_append (GTK_BOX (change), arrow);
  gtk_box_append (GTK_BOX (change), after);
  gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return row;
}

HsDiffWindow *
hs_diff_window_new (GtkWindow     *parent,
                    HsRepository  *repository,
                    gint64         project_id,
                    GError       **error)
{
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsReview) review = NULL;
  const HsVersion *approved;
  HsDiffWindow *self;
  HsLang lang = hs_lang_current ();
  GtkWidget *box, *header, *content;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  project = hs_repository_load_project (repository, project_id, error);
  if (project == NULL)
    return NULL;
  review = hs_repository_load_review (repository, project_id, error);
  if (review == NULL)
    return NULL;

  self = g_object_new (HS_TYPE_DIFF_WINDOW, "transient-for", parent, "modal", TRUE,
                       "default-width", 900, "default-height", 640, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  subtitle = g_strdup_printf ("%s · %s", project->code, hs_project_display_name (project));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Changes Since the Approved Version"), subtitle));
  gtk_window_set_title (GTK_WINDOW (self), _("Changes Since the Approved Version"));
  gtk_box_append (GTK_BOX (box), header);

  approved = hs_review_approved_version (review);
  if (approved == NULL)
    {
      content = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (content), "document-edit-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (content), _("No Approved Version"));
      adw_status_page_set_description (ADW_STATUS_PAGE (content),
                                       _("The project has no funding decision in force to compare with."));
      g_string_append (self->text, _("No Approved Version"));
    }
  else
    {
      g_autoptr(GPtrArray) lines = hs_project_diff (approved->project, project, FALSE, lang);
      HsDiffTotals totals;
      GtkWidget *page = adw_preferences_page_new ();
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *title = g_strdup_printf (_("Version %u (%s) → now"), approved->number,
                                                hs_version_kind_label (approved->kind));

      if (review->change_open)
        {
          g_autofree char *starts = NULL;
          GtkWidget *note;
          AdwPreferencesGroup *change_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          g_autofree char *text = NULL;

          starts = g_date_valid (&review->change_starts) ? hs_date_format (&review->change_starts, lang)
                                                         : g_strdup ("—");
          /* Translators: an open change application: when it starts, what and why */
          text = g_strdup_printf (_("Starts %s: %s"), starts,
                                  review->change_reason != NULL ? review->change_reason : "");
          adw_preferences_group_set_title (change_group, _("Change Application"));
          note = gtk_label_new (text);
          gtk_label_set_wrap (GTK_LABEL (note), TRUE);
          gtk_label_set_xalign (GTK_LABEL (note), 0);
          gtk_widget_set_margin_bottom (note, 12);
          adw_preferences_group_add (change_group, note);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), change_group);
          g_string_append_printf (self->text, "%s\n", text);
        }
      adw_preferences_group_set_title (group, title);
      if (hs_project_diff_totals (approved->project, project, &totals, NULL))
        {
          g_autofree char *headline = hs_diff_totals_format (&totals, lang);

          adw_preferences_group_set_description (group, headline);
          g_string_append_printf (self->text, "%s\n", headline);
        }
      if (lines->len == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing has changed"));
          g_string_append_printf (self->text, "%s\n", _("Nothing has changed"));
          adw_preferences_group_add (group, row);
        }
      for (guint i = 0; i < lines->len; i++)
        {
          const HsDiffLine *line = g_ptr_array_index (lines, i);
          g_autofree char *formatted = hs_diff_line_format (line, lang);

          adw_preferences_group_add (group, line_row (line));
          g_string_append_printf (self->text, "%s\n", formatted);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
      content = page;
    }
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

char *
hs_diff_window_dup_text (HsDiffWindow *self)
{
  g_return_val_if_fail (HS_IS_DIFF_WINDOW (self), NULL);

  return g_strdup (self->text->str);
}

static void
hs_diff_window_finalize (GObject *object)
{
  HsDiffWindow *self = HS_DIFF_WINDOW (object);

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (hs_diff_window_parent_class)->finalize (object);
}

static void
hs_diff_window_class_init (HsDiffWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_diff_window_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_diff_window_init (HsDiffWindow *self)
{
  self->text = g_string_new (NULL);
}

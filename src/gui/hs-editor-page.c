/* hs-editor-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project editor is a window of pages (general, implementers, budget,
 * financing, indicators): each page shows the project it is given, says
 * what the user changed with "edited" (a changed copy), and finds its own
 * fields for the findings. The editor keeps saving, reloading, undo and
 * conflicts, and forwards a finding's field path to the page it belongs
 * to. As gnome-calendar's event editor sections.
 */
#define G_LOG_DOMAIN "hs-editor-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hs-editor-page.h"

G_DEFINE_INTERFACE (HsEditorPage, hs_editor_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hs_editor_page_default_init (HsEditorPageInterface *iface)
{
  /**
   * HsEditorPage::edited:
   * @edited: (type gpointer): the project as the user changed it, a copy
   *   the page keeps (a handler copies what it keeps)
   * @error: (type gpointer): a GError location for a refusal the page
   *   shows itself, or NULL (the editor shows it)
   *
   * Returns: TRUE when the change was saved
   */
  signals[SIGNAL_EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, G_TYPE_POINTER, G_TYPE_POINTER);
}

void
hs_editor_page_set_project (HsEditorPage    *self,
                            const HsProject *project)
{
  g_return_if_fail (HS_IS_EDITOR_PAGE (self));

  HS_EDITOR_PAGE_GET_IFACE (self)->set_project (self, project);
}

GtkWidget *
hs_editor_page_lookup_field (HsEditorPage *self,
                             const char   *path)
{
  g_return_val_if_fail (HS_IS_EDITOR_PAGE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return HS_EDITOR_PAGE_GET_IFACE (self)->lookup_field (self, path);
}

gboolean
hs_editor_page_commit_focused (HsEditorPage *self,
                               GtkWidget    *focus)
{
  HsEditorPageInterface *iface;

  g_return_val_if_fail (HS_IS_EDITOR_PAGE (self), FALSE);

  iface = HS_EDITOR_PAGE_GET_IFACE (self);
  return iface->commit_focused != NULL && focus != NULL && iface->commit_focused (self, focus);
}

gboolean
hs_editor_page_edited (HsEditorPage    *self,
                       const HsProject *edited)
{
  gboolean saved = FALSE;

  g_return_val_if_fail (HS_IS_EDITOR_PAGE (self), FALSE);
  g_return_val_if_fail (edited != NULL, FALSE);

  g_signal_emit (self, signals[SIGNAL_EDITED], 0, edited, NULL, &saved);
  return saved;
}

gboolean
hs_editor_page_edited_or_refused (HsEditorPage    *self,
                                  const HsProject *edited,
                                  GError         **error)
{
  gboolean saved = FALSE;

  g_return_val_if_fail (HS_IS_EDITOR_PAGE (self), FALSE);
  g_return_val_if_fail (edited != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_signal_emit (self, signals[SIGNAL_EDITED], 0, edited, error, &saved);
  return saved;
}

void
hs_editor_page_set_field_error (GtkWidget  *row,
                                GtkLabel   *label,
                                const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (label != NULL)
    {
      gtk_label_set_text (label, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
    }
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

GtkWidget *
hs_editor_page_new_placeholder (const char *text)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *button;

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Implementers Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), text);
  button = gtk_button_new_with_mnemonic (_("_Add Implementer…"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  /* the editor's, as Ctrl+I */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.add-implementer");
  adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), page);
  return group;
}

const char *
hs_editor_page_implementer_name (const HsImplementer *impl)
{
  return impl->organisation != NULL && impl->organisation->name != NULL ? impl->organisation->name : "";
}

char *
hs_editor_page_implementers_key (const HsProject *project)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      g_string_append_printf (key, "%" G_GINT64_FORMAT "|%d|%s\n", impl->id, impl->is_main,
                              hs_editor_page_implementer_name (impl));
    }
  return g_string_free (key, FALSE);
}

typedef struct
{
  HsEditorPage       *page;
  GtkWidget          *widget;
  HsEditorPageCommit  commit;
} LeaveCommit;

static void
leave_commit_free (gpointer data)
{
  LeaveCommit *d = data;

  g_object_unref (d->page);
  g_object_unref (d->widget);
  g_free (d);
}

static gboolean
leave_commit_cb (gpointer data)
{
  LeaveCommit *d = data;

  d->commit (d->page, d->widget);
  return G_SOURCE_REMOVE;
}

void
hs_editor_page_commit_after_leave (HsEditorPage       *self,
                                   GtkWidget          *widget,
                                   HsEditorPageCommit  commit)
{
  LeaveCommit *d;

  g_return_if_fail (HS_IS_EDITOR_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  d = g_new0 (LeaveCommit, 1);
  d->page = g_object_ref (self);
  d->widget = g_object_ref (widget);
  d->commit = commit;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, leave_commit_cb, d, leave_commit_free);
}

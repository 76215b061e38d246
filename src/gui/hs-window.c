/* hs-window.c — the main window: sidebar, project list, search and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-core-error.h"
#include "core/hs-money.h"

#include "hs-calls-page.h"
#include "hs-dashboard.h"
#include "hs-export-dialog.h"
#include "hs-file-actions.h"
#include "hs-import-dialog.h"
#include "hs-organisations-page.h"
#include "hs-project-editor.h"
#include "hs-project-item.h"
#include "hs-project-list.h"
#include "hs-review-page.h"
#include "hs-report-actions.h"
#include "hs-saved-filters.h"
#include "hs-sidebar.h"
#include "hs-agreement-findings.h"
#include "hs-agreement-findings-bar.h"
#include "hs-window-private.h"

struct _HsWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HsRepository         *repository;
  gulong                changed_handler;
  gulong                project_changed_handler;
  gboolean              row_updated;    /* "project-changed" came before "changed" */
  GHashTable           *scope_names;   /* "agreement:ID" / "focus-area:ID" → name */
  GHashTable           *editors;       /* project id → HsProjectEditor (borrowed) */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkBox               *sidebar_box;
  GtkBox               *content_box;
  HsSidebar            *sidebar;
  HsAgreementFindingsBar *agreement_findings_bar;
  HsAgreementFindings  *agreement_findings;   /* the agreements' own findings, off the main thread */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *content_title;
  AdwViewStack         *view_stack;
  AdwViewSwitcher      *view_switcher;
  AdwBin               *organisations_bin;
  AdwBin               *calls_bin;
  HsCallsPage          *calls_page;           /* made with the repository */
  AdwBin               *review_bin;
  HsReviewPage         *review_page;          /* made with the repository */
  AdwBin               *dashboard_bin;
  HsDashboard          *dashboard;            /* made with the repository */
  HsOrganisationsPage  *organisations_page;   /* made with the repository */
  GtkButton            *back_button;
  GtkMenuButton        *primary_menu_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_filter;
  GtkDropDown          *findings_filter;
  GtkMenuButton        *saved_filters_button;
  GMenu                *primary_menu;
  GMenu                *saved_filters_menu;   /* owned: the saved filters, then Save and Delete */
  char                 *applied_filter;       /* the name of the saved filter last applied or saved */
  GVariant             *filters_before_delete; /* for the toast's Undo */
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  HsProjectList        *project_list;
};

G_DEFINE_FINAL_TYPE (HsWindow, hs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

HsWindow *
hs_window_new (HsApplication *application,
               HsRepository  *repository)
{
  return g_object_new (HS_TYPE_WINDOW,
                       "application", application,
                       "repository", repository,
                       NULL);
}

void
hs_window_show_error (HsWindow     *self,
                      const GError *error)
{
  g_return_if_fail (HS_IS_WINDOW (self));

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
show_toast (HsWindow   *self,
            const char *title,
            const char *action)
{
  AdwToast *toast = adw_toast_new (title);

  if (action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error_toast (HsWindow     *self,
                  const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  /* what went wrong is shown at once, not after the toasts before it */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
hs_window_show_toast (HsWindow   *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (HS_IS_WINDOW (self));
  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- saved filters -------------------------------------------------------- */

static void update_content (HsWindow *self);

static const char *findings_ids[] = { "", "some", "errors" };   /* of HsFindingsFilter */

/* What the list is filtered by now, as a saved filter names it. */
static HsSavedFilter *
current_filter (HsWindow   *self,
                const char *name)
{
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint findings = gtk_drop_down_get_selected (self->findings_filter);
  gint64 agreement_id = 0, focus_area_id = 0;
  g_autofree char *search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  const char *agreement = NULL, *focus_area = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) areas = NULL;

  hs_sidebar_get_scope (self->sidebar, &agreement_id, &focus_area_id);
  if (agreement_id != 0 && self->repository != NULL)
    {
      agreements = hs_repository_list_agreements (self->repository, NULL);
      for (guint i = 0; agreements != NULL && i < agreements->len; i++)
        if (((HsAgreement *) g_ptr_array_index (agreements, i))->id == agreement_id)
          agreement = ((HsAgreement *) g_ptr_array_index (agreements, i))->region_name;
    }
  if (focus_area_id != 0 && self->repository != NULL)
    {
      areas = hs_repository_list_focus_areas (self->repository, agreement_id, NULL);
      for (guint i = 0; areas != NULL && i < areas->len; i++)
        if (((HsFocusArea *) g_ptr_array_index (areas, i))->id == focus_area_id)
          focus_area = ((HsFocusArea *) g_ptr_array_index (areas, i))->name;
    }
  return hs_saved_filter_new (name, g_strstrip (search),
                              status == 0 || status == GTK_INVALID_LIST_POSITION ? "" : hs_status_to_id (status - 1),
                              findings < G_N_ELEMENTS (findings_ids) ? findings_ids[findings] : "",
                              agreement, focus_area);
}

/* Something to save: a search, a filter or an agreement or focus area. */
static void
update_save_filter_action (HsWindow *self)
{
  gint64 agreement_id = 0, focus_area_id = 0;
  gboolean filtered;

  hs_sidebar_get_scope (self->sidebar, &agreement_id, &focus_area_id);
  filtered = self->repository != NULL &&
             (agreement_id != 0 || hs_project_list_is_filtered (self->project_list));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-filter", filtered);
}

static void
rebuild_saved_filters_menu (HsWindow *self)
{
  g_autoptr(GPtrArray) filters = hs_saved_filters_load (self->settings);
  g_autoptr(GMenu) saved = g_menu_new ();
  g_autoptr(GMenu) commands = g_menu_new ();
  const HsSavedFilter *applied = self->applied_filter != NULL
                                 ? hs_saved_filters_find (filters, self->applied_filter) : NULL;

  for (guint i = 0; i < filters->len; i++)
    {
      const HsSavedFilter *filter = g_ptr_array_index (filters, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (filter->name, NULL);

      /* names are the user's own: no mnemonics in them */
      g_menu_item_set_action_and_target_value (item, "win.apply-saved-filter", g_variant_new_string (filter->name));
      g_menu_append_item (saved, item);
    }
  g_menu_append (commands, _("_Save the Current Filter…"), "win.save-filter");
  /* The one shown can be deleted. (No submenu of every filter: GTK 4.8's
   * popover menus do not take a submenu that is made again.) */
  if (applied != NULL)
    {
      /* Translators: a menu item; %s is the saved filter's name */
      g_autofree char *label = g_strdup_printf (_("_Delete Saved Filter “%s”"), applied->name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.delete-saved-filter", g_variant_new_string (applied->name));
      g_menu_append_item (commands, item);
    }

  g_menu_remove_all (self->saved_filters_menu);
  if (filters->len > 0)
    g_menu_append_section (self->saved_filters_menu, NULL, G_MENU_MODEL (saved));
  g_menu_append_section (self->saved_filters_menu, NULL, G_MENU_MODEL (commands));
}

static void
saved_filters_changed_cb (GSettings  *settings,
                          const char *key,
                          HsWindow   *self)
{
  rebuild_saved_filters_menu (self);
}

typedef struct
{
  HsWindow  *window;
  GtkEntry  *entry;
} SaveFilterDialog;

static void
save_filter_name_changed_cb (GtkEditable      *entry,
                             AdwMessageDialog *dialog)
{
  SaveFilterDialog *data = g_object_get_data (G_OBJECT (dialog), "hs-save-filter");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GPtrArray) filters = hs_saved_filters_load (data->window->settings);
  gboolean exists = *name != '\0' && hs_saved_filters_find (filters, name) != NULL;

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
  /* a name that is taken replaces that filter, and the button says so */
  adw_message_dialog_set_response_label (dialog, "save", exists ? _("_Replace") : _("_Save"));
  adw_message_dialog_set_response_appearance (dialog, "save",
                                              exists ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
}

static void
save_filter_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         HsWindow         *self)
{
  SaveFilterDialog *data = g_object_get_data (G_OBJECT (dialog), "hs-save-filter");
  g_autofree char *name = NULL;
  g_autoptr(HsSavedFilter) filter = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "save"))
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
  if (*name == '\0')
    return;
  filter = current_filter (self, name);
  g_free (self->applied_filter);
  self->applied_filter = g_strdup (name);
  hs_saved_filters_put (self->settings, filter);
  /* Translators: a toast; %s is the name the user gave */
  message = g_strdup_printf (_("Filter “%s” saved"), name);
  show_toast (self, message, NULL);
}

/* The dialog that names the current filter, its name entry selected. */
GtkWidget *
_hs_window_save_filter_dialog (HsWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  SaveFilterDialog *data;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save the Filter"),
                                   _("The search, the status and findings filters and the agreement or focus area shown are saved under this name, for any portfolio."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  /* Enter saves (the default response), once there is a name */
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the filter"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  data = g_new0 (SaveFilterDialog, 1);
  data->window = self;
  data->entry = GTK_ENTRY (entry);
  g_object_set_data_full (G_OBJECT (dialog), "hs-save-filter", data, g_free);

  g_signal_connect (entry, "changed", G_CALLBACK (save_filter_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_filter_response_cb), self, 0);
  save_filter_name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

static void
save_filter_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _hs_window_save_filter_dialog (HS_WINDOW (widget));
}

/* Shows what a saved filter names: its agreement or focus area in the
 * sidebar, its search and filters in the search bar. A portfolio without
 * its agreement or focus area keeps what it shows, and says why. */
gboolean
_hs_window_apply_saved_filter (HsWindow   *self,
                               const char *name)
{
  g_autoptr(GPtrArray) filters = hs_saved_filters_load (self->settings);
  const HsSavedFilter *filter = hs_saved_filters_find (filters, name);
  gint64 agreement_id = 0, focus_area_id = 0;
  int status = -1;
  guint findings = 0;

  if (filter == NULL || self->repository == NULL)
    return FALSE;

  if (*filter->agreement != '\0')
    {
      g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (self->repository, NULL);

      for (guint i = 0; agreements != NULL && i < agreements->len; i++)
        if (g_strcmp0 (((HsAgreement *) g_ptr_array_index (agreements, i))->region_name, filter->agreement) == 0)
          agreement_id = ((HsAgreement *) g_ptr_array_index (agreements, i))->id;
      if (agreement_id == 0)
        {
          /* Translators: a toast; the first %s is an agreement's region, the second the filter's name */
          g_autofree char *message = g_strdup_printf (_("This portfolio has no agreement “%s”: the filter “%s” was not applied"),
                                                      filter->agreement, filter->name);
          show_toast (self, message, NULL);
          return FALSE;
        }
    }
  if (*filter->focus_area != '\0')
    {
      g_autoptr(GPtrArray) areas = hs_repository_list_focus_areas (self->repository, agreement_id, NULL);

      for (guint i = 0; areas != NULL && i < areas->len; i++)
        if (g_strcmp0 (((HsFocusArea *) g_ptr_array_index (areas, i))->name, filter->focus_area) == 0)
          focus_area_id = ((HsFocusArea *) g_ptr_array_index (areas, i))->id;
      if (focus_area_id == 0)
        {
          /* Translators: a toast; the first %s is a focus area, the second an agreement's region, the third the filter's name */
          g_autofree char *message = g_strdup_printf (_("This portfolio has no focus area “%s” in “%s”: the filter “%s” was not applied"),
                                                      filter->focus_area, filter->agreement, filter->name);
          show_toast (self, message, NULL);
          return FALSE;
        }
    }
  if (*filter->status != '\0')
    status = hs_status_from_id (filter->status);
  for (guint i = 0; i < G_N_ELEMENTS (findings_ids); i++)
    if (g_str_equal (filter->findings, findings_ids[i]))
      findings = i;

  g_free (self->applied_filter);
  self->applied_filter = g_strdup (filter->name);
  rebuild_saved_filters_menu (self);
  hs_sidebar_select (self->sidebar, agreement_id, focus_area_id);
  if (*filter->search != '\0' || status >= 0 || findings != 0)
    {
      /* the filters are shown where they can be changed */
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), filter->search);
      hs_project_list_set_search (self->project_list, filter->search);
      gtk_drop_down_set_selected (self->status_filter, status >= 0 ? (guint) status + 1 : 0);
      gtk_drop_down_set_selected (self->findings_filter, findings);
    }
  else
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);   /* clears them */
  adw_view_stack_set_visible_child_name (self->view_stack, "projects");
  update_content (self);
  return TRUE;
}

static void
apply_saved_filter_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  _hs_window_apply_saved_filter (HS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

GMenuModel *
_hs_window_get_saved_filters_menu (HsWindow *self)
{
  return G_MENU_MODEL (self->saved_filters_menu);
}

/* The toast's Undo: the saved filters as they were before the delete. */
static void
undo_delete_filter_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->filters_before_delete == NULL)
    return;
  g_settings_set_value (self->settings, "saved-filters", self->filters_before_delete);
  g_clear_pointer (&self->filters_before_delete, g_variant_unref);
  gtk_widget_action_set_enabled (widget, "win.undo-delete-saved-filter", FALSE);
}

static void
delete_saved_filter_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GVariant) before = g_settings_get_value (self->settings, "saved-filters");
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!hs_saved_filters_remove (self->settings, name))
    return;
  g_clear_pointer (&self->filters_before_delete, g_variant_unref);
  self->filters_before_delete = g_steal_pointer (&before);
  gtk_widget_action_set_enabled (widget, "win.undo-delete-saved-filter", TRUE);
  /* Translators: a toast; %s is the filter's name */
  message = g_strdup_printf (_("Filter “%s” deleted"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-saved-filter");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- what the content area shows ------------------------------------------ */

static void
update_content (HsWindow *self)
{
  GListModel *shown = hs_project_list_get_model (self->project_list);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n_all = hs_project_list_get_n_projects (self->project_list);
  HsLang lang = hs_lang_current ();
  g_autofree char *count = hs_count_format (n_shown, lang);
  g_autofree char *subtitle = NULL;

  update_save_filter_action (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "error") == 0)
    return;

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "projects");

  /* A search or a filter says how many of the agreement's (or focus
   * area's) projects it leaves. */
  if (hs_project_list_is_filtered (self->project_list))
    {
      guint n_scope = hs_project_list_get_n_in_scope (self->project_list);
      g_autofree char *of = hs_count_format (n_scope, lang);

      /* Translators: the list's subtitle while a search or a filter is on:
       * "12 of 63 projects"; the numbers are grouped ("10 018") */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s project", "%s of %s projects", n_scope),
                                  count, of);
    }
  else
    {
      /* Translators: the list's subtitle; %s is the number, grouped ("10 018") */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s project", "%s projects", n_shown), count);
    }
  adw_window_title_set_subtitle (self->content_title, subtitle);
}

static void
shown_rows_changed_cb (HsProjectList *list,
                       HsWindow      *self)
{
  update_content (self);
}

static void
update_undo_actions (HsWindow *self)
{
  gboolean can_undo = self->repository != NULL && hs_repository_can_undo (self->repository);
  gboolean can_redo = self->repository != NULL && hs_repository_can_redo (self->repository);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
}

static void
reload (HsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->repository == NULL)
    return;

  if (!hs_project_list_load (self->project_list, self->repository, &error)
      || !hs_sidebar_update_totals (self->sidebar, self->repository, &error))
    {
      hs_window_show_error (self, error);
      return;
    }
  update_content (self);
  update_undo_actions (self);
}

static void
project_changed_cb (HsRepository *repository,
                    gint64        id,
                    HsWindow     *self)
{
  g_autoptr(GError) error = NULL;

  /* One project changed: update its row, not the whole list. */
  self->row_updated = hs_project_list_update_project (self->project_list, repository, id, &error);
  if (!self->row_updated)
    g_warning ("Could not update the row of project %" G_GINT64_FORMAT ": %s", id, error->message);
}

static void
repository_changed_cb (HsRepository *repository,
                       HsWindow     *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->row_updated)
    {
      reload (self);
      return;
    }

  self->row_updated = FALSE;
  if (!hs_sidebar_update_totals (self->sidebar, self->repository, &error))
    hs_window_show_error (self, error);
  update_content (self);
  update_undo_actions (self);
}

static void
scope_changed_cb (HsSidebar *sidebar,
                  gint64     agreement_id,
                  gint64     focus_area_id,
                  HsWindow  *self)
{
  g_autofree char *key = NULL;
  const char *title;

  hs_project_list_set_scope (self->project_list, agreement_id, focus_area_id);
  hs_agreement_findings_bar_set_agreement (self->agreement_findings_bar, agreement_id);
  if (self->dashboard != NULL)
    hs_dashboard_set_scope (self->dashboard, agreement_id, focus_area_id);
  if (self->calls_page != NULL)
    hs_calls_page_set_scope (self->calls_page, agreement_id);

  if (focus_area_id != 0)
    key = g_strdup_printf ("focus-area:%" G_GINT64_FORMAT, focus_area_id);
  else if (agreement_id != 0)
    key = g_strdup_printf ("agreement:%" G_GINT64_FORMAT, agreement_id);
  title = key != NULL ? g_hash_table_lookup (self->scope_names, key) : NULL;
  adw_window_title_set_title (self->content_title, title != NULL ? title : _("All Projects"));

  update_content (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_box));
}

/* Folded, the window is narrow: the view switcher puts its labels under
 * its icons, and the title and its count ("12 of 63 projects") keep the
 * room they need. */
static void
folded_changed_cb (AdwLeaflet *leaflet,
                   GParamSpec *pspec,
                   HsWindow   *self)
{
  adw_view_switcher_set_policy (self->view_switcher, adw_leaflet_get_folded (leaflet)
                                                     ? ADW_VIEW_SWITCHER_POLICY_NARROW
                                                     : ADW_VIEW_SWITCHER_POLICY_WIDE);
}

static void
back_clicked_cb (GtkButton *button,
                 HsWindow  *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar_box));
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   HsWindow       *self)
{
  hs_project_list_set_search (self->project_list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
status_filter_changed_cb (GtkDropDown *dropdown,
                          GParamSpec  *pspec,
                          HsWindow    *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* The first entry is "All statuses". */
  hs_project_list_set_status_filter (self->project_list,
                                     selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1);
  update_content (self);
}

static void
findings_filter_changed_cb (GtkDropDown *dropdown,
                            GParamSpec  *pspec,
                            HsWindow    *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* in the order of the drop-down's entries */
  hs_project_list_set_findings_filter (self->project_list,
                                       selected == GTK_INVALID_LIST_POSITION ? HS_FINDINGS_ANY : (HsFindingsFilter) selected);
  update_content (self);
}

/* Closing the search bar ends the search, as it does in Files, Settings
 * or Contacts: the whole list comes back, the text and the filters are
 * cleared. Kept, they would leave rows out of the list with nothing on
 * screen to say so (the bar shows them); every way to filter (Ctrl+F,
 * typing, a dashboard bar) opens the bar. */
static void
search_mode_changed_cb (GtkSearchBar *search_bar,
                        GParamSpec   *pspec,
                        HsWindow     *self)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  hs_project_list_set_search (self->project_list, NULL);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->findings_filter, 0);
  update_content (self);
}

static void
remember_scope_names (HsWindow *self)
{
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (self->repository, NULL);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (self->repository, 0, NULL);

  g_hash_table_remove_all (self->scope_names);
  for (guint i = 0; agreements != NULL && i < agreements->len; i++)
    {
      HsAgreement *a = g_ptr_array_index (agreements, i);
      g_hash_table_insert (self->scope_names, g_strdup_printf ("agreement:%" G_GINT64_FORMAT, a->id),
                           g_strdup (a->region_name));
    }
  for (guint i = 0; focus_areas != NULL && i < focus_areas->len; i++)
    {
      HsFocusArea *fa = g_ptr_array_index (focus_areas, i);
      g_hash_table_insert (self->scope_names, g_strdup_printf ("focus-area:%" G_GINT64_FORMAT, fa->id),
                           g_strdup (fa->name));
    }
}

/* ---- editors -------------------------------------------------------------- */

static void
editor_destroyed_cb (GtkWidget *editor,
                     HsWindow  *self)
{
  gint64 id = hs_project_editor_get_project_id (HS_PROJECT_EDITOR (editor));

  if (self->editors != NULL)
    g_hash_table_remove (self->editors, &id);
}

/* One editor per project: a second activation brings the first to the front. */
void
hs_window_edit_project (HsWindow *self,
                        gint64    id)
{
  GtkWidget *editor;

  g_return_if_fail (HS_IS_WINDOW (self));

  if (self->repository == NULL || id == 0)
    return;

  editor = g_hash_table_lookup (self->editors, &id);
  if (editor == NULL)
    {
      editor = hs_project_editor_new (self->repository, id);
      g_hash_table_insert (self->editors, g_memdup2 (&id, sizeof id), editor);
      g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self, 0);
    }
  hs_project_editor_present (HS_PROJECT_EDITOR (editor), GTK_WINDOW (self));
}

static void
project_activated_cb (HsProjectList *list,
                      gint64         id,
                      HsWindow      *self)
{
  hs_window_edit_project (self, id);
}

/* ---- actions -------------------------------------------------------------- */

/* A bar of a chart was activated: show the projects it stands for. */
static void
dashboard_filter_requested_cb (HsDashboard *dashboard,
                               int          dimension,
                               const char  *key,
                               HsWindow    *self)
{
  gint64 agreement_id = 0, focus_area_id = 0;

  hs_sidebar_get_scope (self->sidebar, &agreement_id, &focus_area_id);

  switch (dimension)
    {
    case HS_BY_FOCUS_AREA:
      {
        gint64 id = g_ascii_strtoll (key, NULL, 10);
        g_autoptr(GPtrArray) areas = hs_repository_list_focus_areas (self->repository, 0, NULL);

        for (guint i = 0; areas != NULL && i < areas->len; i++)
          {
            HsFocusArea *fa = g_ptr_array_index (areas, i);
            if (fa->id == id)
              hs_sidebar_select (self->sidebar, fa->agreement_id, fa->id);
          }
      }
      break;
    case HS_BY_STATUS:
      /* the filter is shown where it can be changed */
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_drop_down_set_selected (self->status_filter, 1 + MAX (hs_status_from_id (key), -1));
      break;
    case HS_DASHBOARD_BY_ORGANISATION:
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), key);
      hs_project_list_set_search (self->project_list, key);
      break;
    case HS_DASHBOARD_BY_PROJECT:
      hs_window_edit_project (self, g_ascii_strtoll (key, NULL, 10));
      return;
    default:
      /* years: the list has no year filter; the chart's table shows them */
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "projects");
}

/* The selected project's application as a PDF; the editor has the same
 * command (Ctrl+E there). */
static void
export_application_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  gint64 id = hs_project_list_get_selected_id (self->project_list);

  if (self->repository == NULL)
    return;
  if (id == 0)
    {
      show_toast (self, _("Select a project first"), NULL);
      return;
    }
  hs_export_project_report (GTK_WINDOW (self), self->repository, id);
}

static void
export_report_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  gint64 agreement_id = 0, focus_area_id = 0;

  if (self->repository == NULL)
    return;
  hs_sidebar_get_scope (self->sidebar, &agreement_id, &focus_area_id);
  hs_export_report (GTK_WINDOW (self), self->repository, agreement_id, focus_area_id);
}

static void
back_up_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (HS_IS_SQLITE_REPOSITORY (self->repository))
    hs_back_up_portfolio (GTK_WINDOW (self), HS_SQLITE_REPOSITORY (self->repository));
}

static void
restore_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (HS_IS_SQLITE_REPOSITORY (self->repository))
    hs_restore_portfolio (GTK_WINDOW (self), HS_SQLITE_REPOSITORY (self->repository));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  gint64 agreement_id = 0, focus_area_id = 0;

  if (self->repository == NULL)
    return;
  hs_sidebar_get_scope (self->sidebar, &agreement_id, &focus_area_id);
  hs_print_portfolio (GTK_WINDOW (self), self->repository, agreement_id, focus_area_id);
}

static void
show_dashboard_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (HS_WINDOW (widget)->view_stack, "dashboard");
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->repository != NULL)
    hs_import_dialog_present (GTK_WINDOW (self), self->repository);
}

/* An import applied: its projects are in the list (the repository's
 * "changed" came first), which starts from its top again. */
static void
import_finished_cb (HsImportDialog *dialog,
                    gboolean        success,
                    HsWindow       *self)
{
  if (success)
    hs_project_list_scroll_to_top (self->project_list);
}

GtkWindow *
hs_window_import_file (HsWindow *self,
                       GFile    *file)
{
  GtkWindow *dialog;

  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->repository == NULL)
    return NULL;
  dialog = GTK_WINDOW (hs_import_dialog_new_for_file (GTK_WINDOW (self), self->repository, file));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished_cb), self, 0);
  gtk_window_present (dialog);
  return dialog;
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  gint64 agreement_id = 0, focus_area_id = 0;

  if (self->repository == NULL)
    return;
  hs_sidebar_get_scope (self->sidebar, &agreement_id, &focus_area_id);
  hs_export_dialog_present (GTK_WINDOW (self), self->repository, agreement_id,
                            hs_project_list_get_selected_id (self->project_list));
}

static void
edit_project_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  hs_window_edit_project (self, hs_project_list_get_selected_id (self->project_list));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");

  if (self->repository == NULL)
    return;

  what = redo ? hs_repository_redo (self->repository, &error)
              : hs_repository_undo (self->repository, &error);
  if (what == NULL)
    {
      if (!g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_NOTHING_TO_UNDO))
        show_error_toast (self, error);
      return;
    }

  {
    /* Translators: a toast after Ctrl+Z; %s says what was undone, e.g. "Delete project PKS-001" */
    g_autofree char *title = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), what);
    show_toast (self, title, NULL);
  }
}

static void
delete_project_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autofree char *title = NULL;
  gint64 id = hs_project_list_get_selected_id (self->project_list);

  if (self->repository == NULL || id == 0)
    return;

  project = hs_repository_load_project (self->repository, id, &error);
  if (project == NULL || !hs_repository_delete_project (self->repository, id, &error))
    {
      show_error_toast (self, error);
      return;
    }

  /* Translators: a toast with an Undo button; %s is the project's code */
  title = g_strdup_printf (_("Project %s deleted"), project->code);
  show_toast (self, title, "win.undo");
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->organisations_page != NULL
      && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "organisations") == 0)
    {
      hs_organisations_page_focus_search (self->organisations_page);
      return;
    }
  if (self->calls_page != NULL
      && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "calls") == 0)
    {
      hs_calls_page_focus_search (self->calls_page);
      return;
    }
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The calls page shows the toast; Undo is the window's. */
static void
calls_toast_cb (HsCallsPage *page,
                const char  *message,
                gboolean     undoable,
                HsWindow    *self)
{
  if (undoable)
    show_toast (self, message, "win.undo");
  else
    hs_window_show_toast (self, message);
}

/* The Review page's commands, from anywhere in the window: the page is
 * shown and acts on its selected application. */
static void
review_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->review_page == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "review");
  if (g_str_equal (action_name, "win.show-review"))
    return;
  if (g_str_equal (action_name, "win.review-propose"))
    {
      hs_review_page_propose (self->review_page);
      return;
    }
  if (hs_review_page_get_selected (self->review_page) == 0)
    {
      show_toast (self, _("Select an application first"), NULL);
      return;
    }
  if (g_str_equal (action_name, "win.review-assess"))
    hs_review_page_assess (self->review_page);
  else if (g_str_equal (action_name, "win.review-decide"))
    hs_review_page_decide (self->review_page, TRUE);
  else if (g_str_equal (action_name, "win.review-reject"))
    hs_review_page_decide (self->review_page, FALSE);
  else if (g_str_equal (action_name, "win.review-change"))
    hs_review_page_change (self->review_page);
  else if (g_str_equal (action_name, "win.review-diff"))
    hs_review_page_diff (self->review_page);
  else if (g_str_equal (action_name, "win.review-letter"))
    hs_review_page_letter (self->review_page);
}

static void
new_call_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->calls_page == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "calls");
  hs_calls_page_new_call (self->calls_page);
}

/* "<stem>-1", "<stem>-2", ...: the first code no project has. Loading a
 * project by code is one indexed query. */
static char *
unused_code (HsWindow   *self,
             const char *stem)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *code = g_strdup_printf ("%s-%u", stem, n);
      g_autoptr(HsProject) existing = hs_repository_load_project_by_code (self->repository, code, NULL);

      if (existing == NULL)
        return g_steal_pointer (&code);
    }
}

/* A draft's history: one entry, today. */
static void
start_history_today (HsProject *project)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  HsStatusChange draft = { .status = HS_STATUS_DRAFT };

  project->status = HS_STATUS_DRAFT;
  g_array_set_size (project->history, 0);
  g_date_clear (&draft.date, 1);
  g_date_set_dmy (&draft.date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_array_append_val (project->history, draft);
}

static void
new_project_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y%m%d");
  g_autofree char *stem = NULL;
  g_autofree char *code = NULL;
  gint64 agreement_id = 0, focus_area_id = 0;

  if (self->repository == NULL)
    return;

  hs_sidebar_get_scope (self->sidebar, &agreement_id, &focus_area_id);

  /* NEW-<date>-<n>, the first one not taken */
  stem = g_strdup_printf ("%s-%s", C_("project code prefix", "NEW"), today);
  code = unused_code (self, stem);

  project = hs_project_new (code);
  /* The Finnish name field holds Finnish whatever the user's language. */
  project->name_fi = g_strdup ("Uusi hanke");
  project->agreement_id = agreement_id;
  project->focus_area_id = focus_area_id;
  project->cost_model = HS_COST_MODEL_FLAT40;
  start_history_today (project);

  if (!hs_repository_save_project (self->repository, project, &error))
    {
      show_error_toast (self, error);
      return;
    }
  hs_project_list_select_id (self->project_list, project->id);
  hs_window_edit_project (self, project->id);
}

/* A copy of the selected project as a new draft: same implementers, budget,
 * financing and indicators; a new code, no history but today's draft. */
static void
duplicate_project_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) original = NULL;
  g_autoptr(HsProject) copy = NULL;
  g_autofree char *stem = NULL;
  gint64 id = hs_project_list_get_selected_id (self->project_list);

  if (self->repository == NULL || id == 0)
    return;

  original = hs_repository_load_project (self->repository, id, &error);
  if (original == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  copy = hs_project_copy (original);
  copy->id = 0;
  copy->example = FALSE;
  /* Translators: the code of a copied project, e.g. "PKS-001-COPY-1" */
  stem = g_strdup_printf ("%s-%s", original->code, C_("project code suffix", "COPY"));
  g_free (copy->code);
  copy->code = unused_code (self, stem);
  for (guint i = 0; i < copy->implementers->len; i++)
    ((HsImplementer *) g_ptr_array_index (copy->implementers, i))->id = 0;
  start_history_today (copy);

  if (!hs_repository_save_project (self->repository, copy, &error))
    {
      show_error_toast (self, error);
      return;
    }
  hs_project_list_select_id (self->project_list, copy->id);
  hs_window_edit_project (self, copy->id);
}

/* ---- window state --------------------------------------------------------- */

static void
save_window_state (HsWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
hs_window_close_request (GtkWindow *window)
{
  save_window_state (HS_WINDOW (window));

  return GTK_WINDOW_CLASS (hs_window_parent_class)->close_request (window);
}

static void
hs_window_constructed (GObject *object)
{
  HsWindow *self = HS_WINDOW (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (hs_window_parent_class)->constructed (object);

  if (self->repository == NULL)
    {
      update_undo_actions (self);
      return;
    }

  self->organisations_page = HS_ORGANISATIONS_PAGE (hs_organisations_page_new (self->repository));
  adw_bin_set_child (self->organisations_bin, GTK_WIDGET (self->organisations_page));
  g_signal_connect (self->organisations_page, "project-activated", G_CALLBACK (project_activated_cb), self);

  self->calls_page = HS_CALLS_PAGE (hs_calls_page_new (self->repository));
  adw_bin_set_child (self->calls_bin, GTK_WIDGET (self->calls_page));
  g_signal_connect (self->calls_page, "toast", G_CALLBACK (calls_toast_cb), self);

  self->review_page = HS_REVIEW_PAGE (hs_review_page_new (self->repository));
  adw_bin_set_child (self->review_bin, GTK_WIDGET (self->review_page));
  g_signal_connect (self->review_page, "toast", G_CALLBACK (calls_toast_cb), self);

  self->dashboard = HS_DASHBOARD (hs_dashboard_new (self->repository));
  adw_bin_set_child (self->dashboard_bin, GTK_WIDGET (self->dashboard));
  g_signal_connect (self->dashboard, "filter-requested", G_CALLBACK (dashboard_filter_requested_cb), self);

  remember_scope_names (self);
  g_clear_object (&self->agreement_findings);
  self->agreement_findings = hs_agreement_findings_new (self->repository);
  hs_sidebar_set_agreement_findings (self->sidebar, self->agreement_findings);
  hs_agreement_findings_bar_set_findings (self->agreement_findings_bar, self->agreement_findings);
  if (!hs_sidebar_load (self->sidebar, self->repository, &error))
    {
      hs_window_show_error (self, error);
      return;
    }
  self->project_changed_handler = g_signal_connect (self->repository, "project-changed",
                                                    G_CALLBACK (project_changed_cb), self);
  self->changed_handler = g_signal_connect (self->repository, "changed",
                                            G_CALLBACK (repository_changed_cb), self);
  reload (self);
}

static void
hs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HsWindow *self = HS_WINDOW (object);

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
hs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HsWindow *self = HS_WINDOW (object);

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
hs_window_dispose (GObject *object)
{
  HsWindow *self = HS_WINDOW (object);

  if (self->repository != NULL && self->changed_handler != 0)
    g_clear_signal_handler (&self->changed_handler, self->repository);
  if (self->repository != NULL && self->project_changed_handler != 0)
    g_clear_signal_handler (&self->project_changed_handler, self->repository);
  if (self->project_list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sidebar, self);
      g_signal_handlers_disconnect_by_data (self->status_filter, self);
      g_signal_handlers_disconnect_by_data (self->findings_filter, self);
      g_signal_handlers_disconnect_by_data (self->search_bar, self);
      g_signal_handlers_disconnect_by_data (self->leaflet, self);
      g_signal_handlers_disconnect_by_data (self->project_list, self);
      if (self->organisations_page != NULL)
        g_signal_handlers_disconnect_by_data (self->organisations_page, self);
      if (self->calls_page != NULL)
        g_signal_handlers_disconnect_by_data (self->calls_page, self);
      if (self->review_page != NULL)
        g_signal_handlers_disconnect_by_data (self->review_page, self);
      if (self->dashboard != NULL)
        g_signal_handlers_disconnect_by_data (self->dashboard, self);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_WINDOW);
  g_clear_object (&self->agreement_findings);
  g_clear_object (&self->settings);
  g_clear_object (&self->saved_filters_menu);
  g_clear_pointer (&self->applied_filter, g_free);
  g_clear_pointer (&self->filters_before_delete, g_variant_unref);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->scope_names, g_hash_table_unref);
  g_clear_pointer (&self->editors, g_hash_table_unref);

  G_OBJECT_CLASS (hs_window_parent_class)->dispose (object);
}

static void
hs_window_class_init (HsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hs_window_constructed;
  object_class->dispose = hs_window_dispose;
  object_class->set_property = hs_window_set_property;
  object_class->get_property = hs_window_get_property;
  window_class->close_request = hs_window_close_request;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, HS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HS_TYPE_SIDEBAR);
  g_type_ensure (HS_TYPE_AGREEMENT_FINDINGS_BAR);
  g_type_ensure (HS_TYPE_PROJECT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, agreement_findings_bar);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, organisations_bin);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, calls_bin);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, review_bin);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, dashboard_bin);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, findings_filter);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, saved_filters_button);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, project_list);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-call", NULL, new_call_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-review", NULL, review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-assess", NULL, review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-decide", NULL, review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-reject", NULL, review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-change", NULL, review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-diff", NULL, review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-propose", NULL, review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-letter", NULL, review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-project", NULL, delete_project_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-project", NULL, edit_project_action_cb);
  gtk_widget_class_install_action (widget_class, "win.duplicate-project", NULL, duplicate_project_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-application", NULL, export_application_action_cb);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action_cb);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-filter", NULL, save_filter_action_cb);
  gtk_widget_class_install_action (widget_class, "win.apply-saved-filter", "s", apply_saved_filter_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-saved-filter", "s", delete_saved_filter_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-saved-filter", NULL, undo_delete_filter_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-call", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-call", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.duplicate-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.show-dashboard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.review-reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.review-assess", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.review-decide", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.review-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.review-diff", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.review-propose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-project", NULL);
}

/* A drop-down's button, which takes the focus, is GTK's own and has no
 * name in 4.8: it is named after the drop-down. */
static void
name_drop_down_button (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      dropdown, NULL, -1);
}

static void
hs_window_init (HsWindow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  /* in the order of HsFindingsFilter */
  const char *findings[] = {
    N_("With or Without Findings"),
    /* Translators: errors or warnings */
    N_("With Findings"),
    N_("With Errors"),
    NULL,
  };
  g_autoptr(GtkStringList) findings_choices = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Our own icons (the dashboard's and the organisations' pages): the
   * application adds them to the icon theme; a window made without it (in
   * the tests, or embedded) finds them too */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
    g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);

    if (paths == NULL || !g_strv_contains ((const char * const *) paths, RESOURCE_BASE "/icons"))
      gtk_icon_theme_add_resource_path (theme, RESOURCE_BASE "/icons");
  }

  self->scope_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->editors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Saved filters: in the search bar beside the filters, and in the main
   * menu (where the keyboard finds them with F10) */
  self->saved_filters_menu = g_menu_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete-saved-filter", FALSE);
  rebuild_saved_filters_menu (self);
  g_signal_connect (self->settings, "changed::saved-filters", G_CALLBACK (saved_filters_changed_cb), self);
  gtk_menu_button_set_menu_model (self->saved_filters_button, G_MENU_MODEL (self->saved_filters_menu));
  {
    g_autoptr(GMenu) section = g_menu_new ();

    g_menu_append_submenu (section, _("Saved _Filters"), G_MENU_MODEL (self->saved_filters_menu));
    g_menu_insert_section (self->primary_menu, 1, NULL, G_MENU_MODEL (section));
  }

  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint s = 0; s < HS_N_STATUSES; s++)
    gtk_string_list_append (statuses, hs_status_label (s));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  g_signal_connect (self->status_filter, "notify::selected", G_CALLBACK (status_filter_changed_cb), self);
  for (guint i = 0; findings[i] != NULL; i++)
    gtk_string_list_append (findings_choices, _(findings[i]));
  gtk_drop_down_set_model (self->findings_filter, G_LIST_MODEL (findings_choices));
  g_signal_connect (self->findings_filter, "notify::selected", G_CALLBACK (findings_filter_changed_cb), self);
  name_drop_down_button (self->status_filter);
  name_drop_down_button (self->findings_filter);
  g_signal_connect (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_changed_cb), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->sidebar, "scope-changed", G_CALLBACK (scope_changed_cb), self);
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self);
  folded_changed_cb (self->leaflet, NULL, self);
  g_signal_connect (self->project_list, "project-activated", G_CALLBACK (project_activated_cb), self);
  g_signal_connect (self->project_list, "rows-changed", G_CALLBACK (shown_rows_changed_cb), self);
}

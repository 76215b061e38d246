/* hs-indicators-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ERDF common output (RCO) and result (RCR) indicators of a project,
 * each with its target, and a row to add one. A target is committed on
 * Enter or when its entry is left; a target that is not a whole number
 * stays as typed, marked, with what is wrong, and is not saved.
 */
#define G_LOG_DOMAIN "hs-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-core-error.h"
#include "core/hs-lang.h"
#include "core/hs-money.h"

#include "hs-editor-row-item.h"
#include "hs-indicators-page.h"

struct _HsIndicatorsPage
{
  AdwPreferencesPage  parent_instance;

  HsProject          *project;     /* a copy of what the editor gave */
  HsLang              lang;
  guint               updating;    /* > 0 while the widgets are set from the project */
  char               *rows_key;    /* the codes the rows were made for */
  GListStore         *rows_model;  /* of HsEditorRowItem: the list's rows */
  GPtrArray          *rows;        /* AdwActionRow, borrowed: one per indicator */
  GPtrArray          *entries;     /* GtkEntry, borrowed: the targets, in the same order */
  GPtrArray          *removes;     /* GtkButton, borrowed: their Remove buttons */

  /* template children */
  GtkListBox         *list;
  AdwComboRow        *new_indicator_row;
  AdwEntryRow        *new_target_row;
  GtkLabel           *new_target_error;
};

static void hs_indicators_page_editor_page_init (HsEditorPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsIndicatorsPage, hs_indicators_page, ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_EDITOR_PAGE, hs_indicators_page_editor_page_init))

/* Whole numbers, grouped by spaces (or in English by commas) if the user
 * likes. */
static gboolean
parse_target (HsLang       lang,
              const char  *text,
              gint64      *out,
              GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 value;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == '\'' ||
          (c == ',' && lang == HS_LANG_EN))
        continue;
      if (c < '0' || c > '9')
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                       _("“%s” is not a target: write a whole number"), text);
          return FALSE;
        }
      g_string_append_c (digits, (char) c);
    }

  if (digits->len == 0)
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE, _("“%s” is too large"), text);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

static guint
entry_index (HsIndicatorsPage *self,
             GtkWidget        *entry)
{
  guint index;

  return g_ptr_array_find (self->entries, entry, &index) ? index : G_MAXUINT;
}

static void
commit_target (HsIndicatorsPage *self,
               GtkWidget        *entry)
{
  guint index = entry_index (self, entry);
  AdwActionRow *row;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) edited = NULL;
  const char *name;
  gint64 target;

  if (self->updating > 0 || self->project == NULL || index >= self->project->indicators->len)
    return;
  row = g_ptr_array_index (self->rows, index);
  name = hs_indicator_name (g_array_index (self->project->indicators, HsIndicator, index).code);

  if (!parse_target (self->lang, gtk_editable_get_text (GTK_EDITABLE (entry)), &target, &error))
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, error->message);
      adw_action_row_set_subtitle (row, error->message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      return;
    }
  gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, NULL);
  adw_action_row_set_subtitle (row, name != NULL ? name : "");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_FALSE, -1);

  if (g_array_index (self->project->indicators, HsIndicator, index).target == target)
    return;

  edited = hs_project_copy (self->project);
  g_array_index (edited->indicators, HsIndicator, index).target = target;
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
entry_activate_cb (GtkEntry         *entry,
                   HsIndicatorsPage *self)
{
  commit_target (self, GTK_WIDGET (entry));
}

static void
commit_target_left (HsEditorPage *page,
                    GtkWidget    *entry)
{
  commit_target (HS_INDICATORS_PAGE (page), entry);
}

/* A target left is committed once the focus has moved on: a save may
 * build the rows again, and GTK must not be walking them then. */
static void
entry_leave_cb (GtkEventControllerFocus *controller,
                HsIndicatorsPage        *self)
{
  hs_editor_page_commit_after_leave (HS_EDITOR_PAGE (self),
                                     gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                                     commit_target_left);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsIndicatorsPage *self = HS_INDICATORS_PAGE (widget);
  guint selected = adw_combo_row_get_selected (self->new_indicator_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) edited = NULL;
  HsIndicator indicator;
  gint64 target;

  if (self->project == NULL || selected >= hs_indicator_count ())
    return;

  if (!parse_target (self->lang, gtk_editable_get_text (GTK_EDITABLE (self->new_target_row)), &target, &error))
    {
      hs_editor_page_set_field_error (GTK_WIDGET (self->new_target_row), self->new_target_error, error->message);
      return;
    }

  for (guint i = 0; i < self->project->indicators->len; i++)
    if (g_strcmp0 (g_array_index (self->project->indicators, HsIndicator, i).code,
                   hs_indicator_code (selected)) == 0)
      {
        g_autofree char *message = g_strdup_printf (_("%s is already listed"), hs_indicator_code (selected));
        hs_editor_page_set_field_error (GTK_WIDGET (self->new_target_row), self->new_target_error, message);
        return;
      }
  hs_editor_page_set_field_error (GTK_WIDGET (self->new_target_row), self->new_target_error, NULL);

  edited = hs_project_copy (self->project);
  indicator.code = g_strdup (hs_indicator_code (selected));
  indicator.target = target;
  g_array_append_val (edited->indicators, indicator);
  if (hs_editor_page_edited (HS_EDITOR_PAGE (self), edited))
    gtk_editable_set_text (GTK_EDITABLE (self->new_target_row), "");
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsIndicatorsPage *self = HS_INDICATORS_PAGE (widget);
  int index = g_variant_get_int32 (parameter);
  g_autoptr(HsProject) edited = NULL;

  if (self->project == NULL || index < 0 || (guint) index >= self->project->indicators->len)
    return;

  edited = hs_project_copy (self->project);
  g_array_remove_index (edited->indicators, index);
  hs_editor_page_edited (HS_EDITOR_PAGE (self), edited);
}

static void
new_target_activated_cb (HsIndicatorsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "indicators.add", NULL);
}

/* The list's row for an item of its model: the indicator at its index. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  HsIndicatorsPage *self = user_data;
  guint index = hs_editor_row_item_get_index (item);
  const HsIndicator *indicator = &g_array_index (self->project->indicators, HsIndicator, index);
  const char *name = hs_indicator_name (indicator->code);
  g_autofree char *target_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), indicator->code);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name != NULL ? name : "");

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  /* Translators: accessible label; %s is an indicator code, "RCO01" */
  target_label = g_strdup_printf (_("Target for %s"), indicator->code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, target_label, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  remove_label = g_strdup_printf (_("Remove %s"), indicator->code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "indicators.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* made in the model's order, after the rows before were dropped */
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->entries, entry);
  g_ptr_array_add (self->removes, button);
  return row;
}

/* The rows are made again only when the indicators are others; a new
 * target only sets the text of its entry (not while it is being typed in
 * with an error). */
static void
hs_indicators_page_set_project (HsEditorPage    *page,
                                const HsProject *project)
{
  HsIndicatorsPage *self = HS_INDICATORS_PAGE (page);
  g_autoptr(GString) key = g_string_new (NULL);

  g_clear_pointer (&self->project, hs_project_free);
  if (project == NULL)
    return;
  self->project = hs_project_copy (project);
  self->updating++;

  for (guint i = 0; i < project->indicators->len; i++)
    g_string_append_printf (key, "%s\n", g_array_index (project->indicators, HsIndicator, i).code);

  if (g_strcmp0 (key->str, self->rows_key) != 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      g_free (self->rows_key);
      self->rows_key = g_strdup (key->str);
      for (guint i = 0; i < project->indicators->len; i++)
        g_ptr_array_add (items, hs_editor_row_item_new (i));
      g_ptr_array_set_size (self->rows, 0);
      g_ptr_array_set_size (self->entries, 0);
      g_ptr_array_set_size (self->removes, 0);
      g_list_store_splice (self->rows_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows_model)),
                           items->pdata, items->len);
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *text = hs_count_format (g_array_index (project->indicators, HsIndicator, i).target, self->lang);
      gboolean typing = (gtk_widget_get_state_flags (entry) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

      if (!gtk_widget_has_css_class (entry, "error") || !typing)
        {
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
            gtk_editable_set_text (GTK_EDITABLE (entry), text);
          gtk_widget_remove_css_class (entry, "error");
        }
    }
  self->updating--;
}

/* "indicators/N/target", "indicators/N/remove", "new-indicator", "new-indicator-target" and
 * "indicators" (a finding about the indicators as a whole: where one is
 * added). */
static GtkWidget *
hs_indicators_page_lookup_field (HsEditorPage *page,
                                 const char   *path)
{
  HsIndicatorsPage *self = HS_INDICATORS_PAGE (page);
  g_auto(GStrv) parts = g_strsplit (path, "/", 0);
  guint64 index;

  if (g_str_equal (path, "new-indicator"))
    return GTK_WIDGET (self->new_indicator_row);
  if (g_str_equal (path, "new-indicator-target") || g_str_equal (path, "indicators"))
    return GTK_WIDGET (self->new_target_row);
  if (!g_str_equal (parts[0], "indicators") || parts[1] == NULL ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &index, NULL) ||
      index >= self->entries->len)
    return NULL;
  if (parts[2] == NULL || g_str_equal (parts[2], "target"))
    return g_ptr_array_index (self->entries, index);
  if (g_str_equal (parts[2], "remove"))
    return g_ptr_array_index (self->removes, index);
  return NULL;
}

static gboolean
hs_indicators_page_commit_focused (HsEditorPage *page,
                                   GtkWidget    *focus)
{
  HsIndicatorsPage *self = HS_INDICATORS_PAGE (page);

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (entry_index (self, w) != G_MAXUINT)
      {
        commit_target (self, w);
        return TRUE;
      }
  return FALSE;
}

static void
hs_indicators_page_editor_page_init (HsEditorPageInterface *iface)
{
  iface->set_project = hs_indicators_page_set_project;
  iface->lookup_field = hs_indicators_page_lookup_field;
  iface->commit_focused = hs_indicators_page_commit_focused;
}

static void
hs_indicators_page_dispose (GObject *object)
{
  HsIndicatorsPage *self = HS_INDICATORS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_INDICATORS_PAGE);
  g_clear_pointer (&self->project, hs_project_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->removes, g_ptr_array_unref);
  g_clear_object (&self->rows_model);

  G_OBJECT_CLASS (hs_indicators_page_parent_class)->dispose (object);
}

static void
hs_indicators_page_finalize (GObject *object)
{
  HsIndicatorsPage *self = HS_INDICATORS_PAGE (object);

  g_free (self->rows_key);

  G_OBJECT_CLASS (hs_indicators_page_parent_class)->finalize (object);
}

static void
hs_indicators_page_class_init (HsIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_indicators_page_dispose;
  object_class->finalize = hs_indicators_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsIndicatorsPage, list);
  gtk_widget_class_bind_template_child (widget_class, HsIndicatorsPage, new_indicator_row);
  gtk_widget_class_bind_template_child (widget_class, HsIndicatorsPage, new_target_row);
  gtk_widget_class_bind_template_child (widget_class, HsIndicatorsPage, new_target_error);
  gtk_widget_class_bind_template_callback (widget_class, new_target_activated_cb);

  gtk_widget_class_install_action (widget_class, "indicators.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "indicators.remove", "i", remove_action_cb);
}

static void
hs_indicators_page_init (HsIndicatorsPage *self)
{
  g_autoptr(GtkStringList) indicators = gtk_string_list_new (NULL);

  self->lang = hs_lang_current ();
  self->rows = g_ptr_array_new ();
  self->entries = g_ptr_array_new ();
  self->removes = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < hs_indicator_count (); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s — %s", hs_indicator_code (i), hs_indicator_name (hs_indicator_code (i)));
      gtk_string_list_append (indicators, label);
    }
  adw_combo_row_set_model (self->new_indicator_row, G_LIST_MODEL (indicators));

  self->rows_model = g_list_store_new (HS_TYPE_EDITOR_ROW_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->rows_model), create_row_cb, self, NULL);
  {
    GtkWidget *placeholder = gtk_label_new (_("No indicators yet"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 18);
    gtk_widget_set_margin_bottom (placeholder, 18);
    gtk_list_box_set_placeholder (self->list, placeholder);
  }
}

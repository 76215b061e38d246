/* hs-organisation-picker.c — choose an organisation, or create one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisations come from one query (hs_repository_list_organisations)
 * and are filtered in memory as the search is typed. A new organisation is
 * not stored here: the editor adds it to the project, and saving the
 * project stores it, so adding an implementer with a new organisation is
 * one action to undo.
 */
#define G_LOG_DOMAIN "hs-organisation-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/hs-ytunnus.h"

#include "hs-organisation-picker.h"

struct _HsOrganisationPicker
{
  AdwWindow          parent_instance;

  GPtrArray         *organisations;  /* of HsOrganisation*, owned */
  char              *search;         /* casefolded, NULL when empty */
  char              *business_id;    /* canonical form of the typed Y-tunnus, or NULL */
  guint              n_shown;

  /* template children */
  GtkSearchEntry    *search_entry;
  GtkListBox        *list_box;
  AdwEntryRow       *name_row;
  AdwEntryRow       *business_id_row;
  GtkLabel          *business_id_error;
  AdwComboRow       *type_row;
  AdwEntryRow       *municipality_row;
  GtkSwitch         *foreign_switch;
  GtkButton         *create_button;
};

G_DEFINE_FINAL_TYPE (HsOrganisationPicker, hs_organisation_picker, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ORGANISATION_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (HsOrganisationPicker *self,
        const HsOrganisation *org)
{
  g_autoptr(HsOrganisation) copy = hs_organisation_copy (org);

  /* Keep the window alive through the handlers, then close it. */
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_ORGANISATION_CHOSEN], 0, copy);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* ---- the list --------------------------------------------------------------- */

static char *
org_subtitle (const HsOrganisation *org)
{
  GString *s = g_string_new (NULL);

  if (org->business_id != NULL)
    g_string_append (s, org->business_id);
  else if (org->foreign)
    g_string_append (s, _("Foreign"));
  if ((guint) org->type < HS_N_ORG_TYPES)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", hs_org_type_label (org->type));
  if (org->municipality != NULL && *org->municipality != '\0')
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", org->municipality);

  return g_string_free (s, FALSE);
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  HsOrganisationPicker *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "hs-search-key");

  return self->search == NULL || (haystack != NULL && strstr (haystack, self->search) != NULL);
}

static void
count_shown (HsOrganisationPicker *self)
{
  self->n_shown = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "hs-org") != NULL &&
        gtk_widget_get_child_visible (row))
      self->n_shown++;
}

static void
search_changed_cb (HsOrganisationPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*trimmed != '\0')
    self->search = g_utf8_casefold (trimmed, -1);
  gtk_list_box_invalidate_filter (self->list_box);
  count_shown (self);
}

/* Enter in the search chooses the only match. */
static void
search_activate_cb (HsOrganisationPicker *self)
{
  GtkListBoxRow *only = NULL;

  count_shown (self);
  if (self->n_shown != 1)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "hs-org") != NULL &&
        gtk_widget_get_child_visible (row))
      only = GTK_LIST_BOX_ROW (row);

  if (only != NULL)
    choose (self, g_object_get_data (G_OBJECT (only), "hs-org"));
}

static void
row_activated_cb (HsOrganisationPicker *self,
                  GtkListBoxRow        *row)
{
  const HsOrganisation *org = g_object_get_data (G_OBJECT (row), "hs-org");

  if (org != NULL)
    choose (self, org);
}

static void
fill_list (HsOrganisationPicker *self,
           GArray               *exclude_ids)
{
  for (guint i = 0; i < self->organisations->len; i++)
    {
      HsOrganisation *org = g_ptr_array_index (self->organisations, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *key = NULL;
      GtkWidget *row;
      gboolean excluded = FALSE;

      for (guint j = 0; exclude_ids != NULL && j < exclude_ids->len; j++)
        excluded = excluded || g_array_index (exclude_ids, gint64, j) == org->id;
      if (excluded)
        continue;

      subtitle = org_subtitle (org);
      key = g_strdup_printf ("%s %s", org->name != NULL ? org->name : "", subtitle);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), org->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "hs-org", org);
      g_object_set_data_full (G_OBJECT (row), "hs-search-key", g_utf8_casefold (key, -1), g_free);
      gtk_list_box_append (self->list_box, row);
    }
  count_shown (self);
}

/* ---- the form for a new organisation ---------------------------------------- */

static void
form_changed_cb (HsOrganisationPicker *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *business_id = gtk_editable_get_text (GTK_EDITABLE (self->business_id_row));
  g_autofree char *trimmed_id = g_strstrip (g_strdup (business_id));
  g_autofree char *trimmed_name = g_strstrip (g_strdup (name));
  gboolean foreign = gtk_switch_get_active (self->foreign_switch);
  g_autoptr(GError) error = NULL;
  const char *problem = NULL;
  g_autofree char *duplicate = NULL;

  g_clear_pointer (&self->business_id, g_free);

  if (*trimmed_id != '\0')
    {
      /* Strict as typed; what people paste ("FI02012566") is accepted too. */
      if (hs_ytunnus_validate (trimmed_id, &error))
        self->business_id = g_strdup (trimmed_id);
      else
        {
          g_autoptr(GError) lenient_error = NULL;

          self->business_id = hs_ytunnus_normalize (trimmed_id, &lenient_error);
          if (self->business_id == NULL)
            problem = error->message;
        }
    }

  for (guint i = 0; self->business_id != NULL && i < self->organisations->len; i++)
    {
      HsOrganisation *org = g_ptr_array_index (self->organisations, i);

      if (g_strcmp0 (org->business_id, self->business_id) == 0)
        {
          /* Translators: %s is an organisation's name */
          duplicate = g_strdup_printf (_("Already in the list: %s"), org->name);
          problem = duplicate;
        }
    }

  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->business_id_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->business_id_row), "error");
  gtk_label_set_text (self->business_id_error, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->business_id_error), problem != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->business_id_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.create",
                                 *trimmed_name != '\0' && problem == NULL &&
                                 (self->business_id != NULL || foreign));
}

static void
create_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsOrganisationPicker *self = HS_ORGANISATION_PICKER (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *municipality = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->municipality_row))));
  guint type = adw_combo_row_get_selected (self->type_row);
  g_autoptr(HsOrganisation) org = NULL;

  form_changed_cb (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;

  org = hs_organisation_new (name, self->business_id, type < HS_N_ORG_TYPES ? type : HS_ORG_OTHER);
  org->foreign = gtk_switch_get_active (self->foreign_switch);
  if (*municipality != '\0')
    org->municipality = g_steal_pointer (&municipality);

  choose (self, org);
}

static void
choose_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsOrganisationPicker *self = HS_ORGANISATION_PICKER (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < self->organisations->len; i++)
    {
      HsOrganisation *org = g_ptr_array_index (self->organisations, i);
      if (org->id == id)
        {
          choose (self, org);
          return;
        }
    }
}

/* ---- API ---------------------------------------------------------------------- */

HsOrganisationPicker *
hs_organisation_picker_new (GtkWindow    *parent,
                            HsRepository *repository,
                            GArray       *exclude_ids)
{
  HsOrganisationPicker *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organisations = NULL;

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (HS_TYPE_ORGANISATION_PICKER,
                       "transient-for", parent,
                       NULL);

  organisations = hs_repository_list_organisations (repository, &error);
  if (organisations == NULL)
    g_warning ("Could not list the organisations: %s", error->message);
  else
    {
      g_clear_pointer (&self->organisations, g_ptr_array_unref);
      self->organisations = g_steal_pointer (&organisations);
    }

  fill_list (self, exclude_ids);
  return self;
}

GtkWidget *
hs_organisation_picker_get_field (HsOrganisationPicker *self,
                                  const char           *name)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_PICKER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "search"))
    return GTK_WIDGET (self->search_entry);
  if (g_str_equal (name, "list"))
    return GTK_WIDGET (self->list_box);
  if (g_str_equal (name, "name"))
    return GTK_WIDGET (self->name_row);
  if (g_str_equal (name, "business-id"))
    return GTK_WIDGET (self->business_id_row);
  if (g_str_equal (name, "business-id-error"))
    return GTK_WIDGET (self->business_id_error);
  if (g_str_equal (name, "type"))
    return GTK_WIDGET (self->type_row);
  if (g_str_equal (name, "municipality"))
    return GTK_WIDGET (self->municipality_row);
  if (g_str_equal (name, "foreign"))
    return GTK_WIDGET (self->foreign_switch);
  if (g_str_equal (name, "create"))
    return GTK_WIDGET (self->create_button);
  return NULL;
}

guint
hs_organisation_picker_get_n_shown (HsOrganisationPicker *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATION_PICKER (self), 0);
  count_shown (self);
  return self->n_shown;
}

/* ---- GObject -------------------------------------------------------------------- */

static void
hs_organisation_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HS_TYPE_ORGANISATION_PICKER);

  G_OBJECT_CLASS (hs_organisation_picker_parent_class)->dispose (object);
}

static void
hs_organisation_picker_finalize (GObject *object)
{
  HsOrganisationPicker *self = HS_ORGANISATION_PICKER (object);

  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->business_id, g_free);

  G_OBJECT_CLASS (hs_organisation_picker_parent_class)->finalize (object);
}

static void
hs_organisation_picker_class_init (HsOrganisationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_organisation_picker_dispose;
  object_class->finalize = hs_organisation_picker_finalize;

  /**
   * HsOrganisationPicker::organisation-chosen:
   * @organisation: (type gpointer): the HsOrganisation, borrowed
   */
  signals[SIGNAL_ORGANISATION_CHOSEN] =
    g_signal_new ("organisation-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-organisation-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, list_box);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, name_row);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, business_id_row);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, business_id_error);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, type_row);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, foreign_switch);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationPicker, create_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "picker.create", NULL, create_action_cb);
  gtk_widget_class_install_action (widget_class, "picker.choose", "x", choose_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_organisation_picker_init (HsOrganisationPicker *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkWidget *placeholder;

  self->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_organisation_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint t = 0; t < HS_N_ORG_TYPES; t++)
    gtk_string_list_append (types, hs_org_type_label (t));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));

  placeholder = gtk_label_new (_("No organisation matches the search"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  gtk_list_box_set_filter_func (self->list_box, filter_row_cb, self, NULL);

  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->business_id_row), FALSE);

  form_changed_cb (self);
}

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

#include "core/hs-reference.h"
#include "core/hs-ytunnus.h"

#include "hs-organisation-item.h"
#include "hs-organisation-picker.h"
#include "hs-organisation-picker-private.h"

struct _HsOrganisationPicker
{
  AdwWindow          parent_instance;

  HsRepository      *repository;
  GPtrArray         *organisations;  /* of HsOrganisation*, owned */
  GPtrArray         *presets;        /* the agreement's cities, of HsOrganisation*, or NULL */
  GArray            *exclude_ids;    /* of gint64, or NULL */
  GListStore        *store;          /* of HsOrganisationItem */
  GtkCustomFilter   *filter;
  GtkFilterListModel *filtered;
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

static void form_changed_cb (HsOrganisationPicker *self);

/* ---- the list --------------------------------------------------------------- */

/* The list box is bound to self->filtered: the store's items that match
 * the search. The store holds HsOrganisationItem: first the agreement's
 * own cities (an existing organisation, or a preset with id 0 that fills
 * the form), then the other organisations, without the excluded ones. */

static gboolean
filter_item_cb (gpointer item,
                gpointer user_data)
{
  HsOrganisationPicker *self = user_data;
  const char *haystack = hs_organisation_item_get_search_key (item);

  return self->search == NULL || (haystack != NULL && strstr (haystack, self->search) != NULL);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  HsOrganisationItem *org_item = item;
  const HsOrganisation *org = hs_organisation_item_get_organisation (org_item);
  const char *subtitle = hs_organisation_item_get_subtitle (org_item);
  g_autofree char *shown_subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  if (hs_organisation_item_get_suggested (org_item) && org->id == 0)
    /* Translators: a preset for the agreement's own city that is not yet
     * stored; %s is "City · Pori" */
    shown_subtitle = g_strdup_printf (_("Agreement city, new · %s"), subtitle);
  else if (hs_organisation_item_get_suggested (org_item))
    /* Translators: %s is "0201256-6 · City · Helsinki" */
    shown_subtitle = g_strdup_printf (_("Agreement city · %s"), subtitle);
  else
    shown_subtitle = g_strdup (subtitle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), org->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, shown_subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  icon = gtk_image_new_from_icon_name (org->id == 0 ? "list-add-symbolic" : "go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  org->id == 0 ? _("Fill in the new organisation") : _("Choose"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);

  accessible = g_strdup_printf ("%s, %s", org->name, shown_subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
count_shown (HsOrganisationPicker *self)
{
  self->n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

static void
search_changed_cb (HsOrganisationPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*trimmed != '\0')
    self->search = g_utf8_casefold (trimmed, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  count_shown (self);
}

/* A preset fills the form: the name and type, the Y-tunnus where known;
 * the focus goes where the user has to type or confirm. */
static void
fill_form (HsOrganisationPicker *self,
           const HsOrganisation *org)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), org->name != NULL ? org->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->business_id_row), org->business_id != NULL ? org->business_id : "");
  adw_combo_row_set_selected (self->type_row, (guint) org->type < HS_N_ORG_TYPES ? org->type : HS_ORG_OTHER);
  gtk_editable_set_text (GTK_EDITABLE (self->municipality_row), org->municipality != NULL ? org->municipality : "");
  gtk_switch_set_active (self->foreign_switch, FALSE);
  form_changed_cb (self);

  if (org->business_id == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->business_id_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->create_button));
}

static void
activate_item (HsOrganisationPicker *self,
               HsOrganisationItem   *item)
{
  const HsOrganisation *org = hs_organisation_item_get_organisation (item);

  if (org->id == 0)
    fill_form (self, org);
  else
    choose (self, org);
}

/* Enter in the search chooses the only match. */
/* The search entry takes Esc for itself: the first Esc clears a search,
 * the next (or the first, with nothing typed) closes the dialog, as Esc
 * anywhere else in it does. */
static void
search_stopped_cb (HsOrganisationPicker *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
search_activate_cb (HsOrganisationPicker *self)
{
  g_autoptr(HsOrganisationItem) only = NULL;

  count_shown (self);
  if (self->n_shown != 1)
    return;

  only = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  activate_item (self, only);
}

static void
row_activated_cb (HsOrganisationPicker *self,
                  GtkListBoxRow        *row)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(HsOrganisationItem) item = NULL;

  if (index < 0)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), (guint) index);
  if (item != NULL)
    activate_item (self, item);
}

static gboolean
is_excluded (HsOrganisationPicker *self,
             gint64                id)
{
  for (guint j = 0; self->exclude_ids != NULL && j < self->exclude_ids->len; j++)
    if (g_array_index (self->exclude_ids, gint64, j) == id)
      return TRUE;
  return FALSE;
}

/* The stored organisation that a city preset stands for: the same Y-tunnus,
 * or the same name; NULL when there is none. */
static const HsOrganisation *
find_stored (HsOrganisationPicker *self,
             const HsOrganisation *preset)
{
  g_autofree char *name = g_utf8_casefold (preset->name, -1);

  for (guint i = 0; i < self->organisations->len; i++)
    {
      const HsOrganisation *org = g_ptr_array_index (self->organisations, i);
      g_autofree char *other = org->name != NULL ? g_utf8_casefold (org->name, -1) : NULL;

      if ((preset->business_id != NULL && g_strcmp0 (org->business_id, preset->business_id) == 0) ||
          g_strcmp0 (other, name) == 0)
        return org;
    }
  return NULL;
}

static void
fill_list (HsOrganisationPicker *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) suggested = g_hash_table_new (NULL, NULL);

  for (guint i = 0; self->presets != NULL && i < self->presets->len; i++)
    {
      const HsOrganisation *preset = g_ptr_array_index (self->presets, i);
      const HsOrganisation *stored = find_stored (self, preset);
      HsOrganisationItem *item;

      if (stored != NULL && (is_excluded (self, stored->id) || g_hash_table_contains (suggested, stored)))
        continue;
      item = hs_organisation_item_new (hs_organisation_copy (stored != NULL ? stored : preset), 0, 0, 0, 0);
      hs_organisation_item_set_suggested (item, TRUE);
      g_ptr_array_add (items, item);
      if (stored != NULL)
        g_hash_table_add (suggested, (gpointer) stored);
    }

  for (guint i = 0; i < self->organisations->len; i++)
    {
      HsOrganisation *org = g_ptr_array_index (self->organisations, i);

      if (is_excluded (self, org->id) || g_hash_table_contains (suggested, org))
        continue;
      g_ptr_array_add (items, hs_organisation_item_new (hs_organisation_copy (org), 0, 0, 0, 0));
    }

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
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
  self->repository = g_object_ref (repository);
  if (exclude_ids != NULL)
    {
      self->exclude_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), exclude_ids->len);
      g_array_append_vals (self->exclude_ids, exclude_ids->data, exclude_ids->len);
    }

  organisations = hs_repository_list_organisations (repository, &error);
  if (organisations == NULL)
    g_warning ("Could not list the organisations: %s", error->message);
  else
    {
      g_clear_pointer (&self->organisations, g_ptr_array_unref);
      self->organisations = g_steal_pointer (&organisations);
    }

  fill_list (self);
  return self;
}

void
hs_organisation_picker_set_agreement_id (HsOrganisationPicker *self,
                                         gint64                agreement_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agreements = NULL;

  g_return_if_fail (HS_IS_ORGANISATION_PICKER (self));

  g_clear_pointer (&self->presets, g_ptr_array_unref);
  if (agreement_id != 0)
    {
      agreements = hs_repository_list_agreements (self->repository, &error);
      if (agreements == NULL)
        g_warning ("Could not list the agreements: %s", error->message);
      for (guint i = 0; agreements != NULL && i < agreements->len; i++)
        {
          const HsAgreement *agreement = g_ptr_array_index (agreements, i);
          if (agreement->id == agreement_id)
            self->presets = hs_agreement_city_organisations (agreement);
        }
    }
  fill_list (self);
}

GtkWidget *
_hs_organisation_picker_get_field (HsOrganisationPicker *self,
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
_hs_organisation_picker_get_n_shown (HsOrganisationPicker *self)
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
  g_clear_pointer (&self->presets, g_ptr_array_unref);
  g_clear_pointer (&self->exclude_ids, g_array_unref);
  g_clear_object (&self->repository);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
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
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
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
  /* the type in full, wrapping when narrow, not "University of applied s…" */
  {
    g_autoptr(GtkListItemFactory) type_factory =
      gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_BASE "/ui/hs-org-type-item.ui");
    adw_combo_row_set_factory (self->type_row, type_factory);
  }

  placeholder = gtk_label_new (_("No organisation matches the search"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  self->store = g_list_store_new (HS_TYPE_ORGANISATION_ITEM);
  self->filter = gtk_custom_filter_new (filter_item_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row_cb, self, NULL);


  form_changed_cb (self);
}

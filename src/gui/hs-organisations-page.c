/* hs-organisations-page.c — the organisations of the portfolio: list, search, edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the left, every organisation (a GtkListView over a filtered GListStore
 * of HsOrganisationItem) with its Y-tunnus, type, municipality, number of
 * projects and total costs as an implementer; on the right, the selected
 * organisation's details, each saved as one undoable action the moment it
 * is committed (Enter or the apply button, a new type, the switch), and its
 * projects (a GtkColumnView). Everything comes from three queries per
 * reload — the organisations, the implementer roles and the project
 * summaries — joined in memory, never a query per row. The page reloads on
 * the repository's "changed" signal, so undo and redo (the window's) show.
 */
#define G_LOG_DOMAIN "hs-organisations-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-money.h"
#include "core/hs-ytunnus.h"

#include "hs-organisation-item.h"
#include "hs-organisation-project-item.h"
#include "hs-organisation-row.h"
#include "hs-organisations-page-private.h"

typedef enum
{
  FIELD_NAME,
  FIELD_BUSINESS_ID,
  FIELD_FOREIGN,
  FIELD_TYPE,
  FIELD_MUNICIPALITY,
} Field;

typedef enum
{
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_ROLE,
  COLUMN_STATUS,
  COLUMN_SHARE,
  COLUMN_PERCENT,
  N_COLUMNS
} Column;

struct _HsOrganisationsPage
{
  GtkWidget            parent_instance;

  HsRepository        *repository;    /* owned */
  gulong               changed_id;
  gboolean             dirty;         /* changed (or never loaded) while not shown */
  gboolean             reloading;     /* the store is being replaced */
  HsLang               lang;
  GtkListItemFactory  *column_factories[N_COLUMNS];  /* borrowed from the columns */

  GArray              *roles;         /* of HsOrganisationRole, owned */
  GArray              *summaries;     /* of HsProjectSummary, owned */
  GHashTable          *summary_by_id; /* gint64 * → HsProjectSummary *, borrowed from summaries */

  GListStore          *store;         /* of HsOrganisationItem: every organisation */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  GListStore          *projects;      /* of HsOrganisationProjectItem: the selected one's */
  char                *search;        /* casefolded, NULL when empty */

  HsOrganisation      *current;       /* the selected organisation as stored, or NULL */
  gboolean             syncing;       /* filling the form: no commits */
  char                *business_id;   /* canonical form of the typed Y-tunnus, or NULL */
  gboolean             business_id_ok;

  /* template children */
  GtkStack            *stack;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkLabel            *count_label;
  GtkStack            *detail_stack;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error;
  AdwEntryRow         *business_id_row;
  GtkLabel            *business_id_error;
  GtkSwitch           *foreign_switch;
  AdwComboRow         *type_row;
  AdwEntryRow         *municipality_row;
  GtkLabel            *save_error;
  GtkLabel            *projects_summary;
  GtkColumnView       *projects_view;
};

G_DEFINE_FINAL_TYPE (HsOrganisationsPage, hs_organisations_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PROJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_selected (HsOrganisationsPage *self);

/* ---- small helpers --------------------------------------------------------- */

static char *
trimmed_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static void
set_problem (GtkWidget  *row,
             GtkLabel   *label,
             const char *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_label_set_text (label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
set_save_error (HsOrganisationsPage *self,
                const char          *message)
{
  gtk_label_set_text (self->save_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), message != NULL);
}

static HsOrganisationItem *
selected_item (HsOrganisationsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* ---- the organisations list ---------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, hs_organisation_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             HsOrganisationsPage      *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  HsOrganisationItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *list_item_widget = gtk_widget_get_parent (row);

  hs_organisation_row_set_item (HS_ORGANISATION_ROW (row), item, self->lang);
  /* A screen reader reads the list view's own row (GTK 4.8 has no
   * gtk_list_item_set_accessible_label): give it the row's name too. */
  if (list_item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_item_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    hs_organisation_item_get_organisation (item)->name,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    hs_organisation_item_get_subtitle (item),
                                    -1);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  HsOrganisationsPage *self = user_data;

  return self->search == NULL
         || strstr (hs_organisation_item_get_search_key (item), self->search) != NULL;
}

static void
update_list_state (HsOrganisationsPage *self)
{
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->stack, all > 0 ? "content" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || all == 0 ? "list" : "no-match");

  if (shown == all)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organisation", "%u organisations", all), all);
  else
    /* Translators: the number of organisations the search finds, of all */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u organisation", "%u of %u organisations", all),
                             shown, all);
  gtk_label_set_text (self->count_label, count);
}

static void
search_changed_cb (HsOrganisationsPage *self)
{
  g_autofree char *text = trimmed_text (self->search_entry);
  g_autofree char *folded = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;

  if (g_strcmp0 (folded, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

/* Enter in the search: the first match is selected and the list focused,
 * so that the arrow keys go on from there. */
static void
search_activate_cb (HsOrganisationsPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_stop_cb (HsOrganisationsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- the projects of the selected organisation ----------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  /* Chars the short columns need in full (Finnish "Päätoteuttaja",
   * "100,0 %"); only the name gives way, and its tooltip has it all. */
  static const guint min_chars[N_COLUMNS] = { 12, 3, 14, 12, 14, 7 };

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), min_chars[column]);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), column == COLUMN_NAME ? 40 : min_chars[column]);
  if (column == COLUMN_SHARE || column == COLUMN_PERCENT)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }
  gtk_list_item_set_child (list_item, inscription);
}

/* Which column a cell factory belongs to. */
static Column
column_of (HsOrganisationsPage *self,
           gpointer             factory)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    if (self->column_factories[c] == factory)
      return c;
  g_assert_not_reached ();
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  HsOrganisationsPage *self = user_data;
  Column column = column_of (self, factory);
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  const HsOrganisationProject *p = hs_organisation_project_item_get (gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_CODE:
      text = g_strdup (p->code);
      break;
    case COLUMN_NAME:
      text = g_strdup (p->name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (inscription), p->name);
      break;
    case COLUMN_ROLE:
      text = g_strdup (p->is_main ? C_("implementer role", "Main") : C_("implementer role", "Partial"));
      break;
    case COLUMN_STATUS:
      text = g_strdup (hs_status_label (p->status));
      break;
    case COLUMN_SHARE:
      text = hs_money_format (p->share, self->lang);
      break;
    case COLUMN_PERCENT:
      text = hs_rate_format (hs_rate_of (p->share, p->project_total), self->lang);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (inscription, text);
}

static void
add_column (HsOrganisationsPage *self,
            Column               column,
            const char          *title,
            gboolean             expand,
            int                  fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  self->column_factories[column] = factory;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->projects_view, view_column);
  g_object_unref (view_column);
}

static void
fill_projects (HsOrganisationsPage *self,
               HsOrganisationItem  *item)
{
  guint first = hs_organisation_item_get_first_role (item);
  guint n = hs_organisation_item_get_n_roles (item);
  guint n_projects = hs_organisation_item_get_n_projects (item);
  guint n_main = 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;

  for (guint i = first; i < first + n && i < self->roles->len; i++)
    {
      const HsOrganisationRole *role = &g_array_index (self->roles, HsOrganisationRole, i);
      const HsProjectSummary *s = g_hash_table_lookup (self->summary_by_id, &role->project_id);

      if (s == NULL)
        continue;   /* gone between the two queries */
      n_main += role->is_main;
      g_ptr_array_add (rows, hs_organisation_project_item_new (s->id, s->code, s->name, role->is_main,
                                                               s->status, role->total_costs, s->total_costs));
    }

  g_list_store_splice (self->projects, 0, g_list_model_get_n_items (G_LIST_MODEL (self->projects)),
                       rows->pdata, rows->len);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->projects_view), GTK_TYPE_FRAME),
                          rows->len > 0);

  if (n_projects == 0)
    summary = g_strdup (_("Takes part in no project."));
  else
    {
      total = hs_money_format (hs_organisation_item_get_total_costs (item), self->lang);
      /* Translators: "3 projects, main implementer in 1; its costs €120,000.00" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u project, main implementer in %u; its costs %s",
                                              "%u projects, main implementer in %u; its costs %s",
                                              n_projects),
                                 n_projects, n_main, total);
    }
  gtk_label_set_text (self->projects_summary, summary);
}

static void
projects_activate_cb (GtkColumnView       *view,
                      guint                position,
                      HsOrganisationsPage *self)
{
  g_autoptr(HsOrganisationProjectItem) item = g_list_model_get_item (G_LIST_MODEL (self->projects), position);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_PROJECT_ACTIVATED], 0, hs_organisation_project_item_get (item)->project_id);
}

/* ---- the form -------------------------------------------------------------- */

/* Checks the typed Y-tunnus as it is typed: strict, but what people paste
 * ("FI02012566", "201256-6") is accepted in its canonical form. Empty is
 * fine for a foreign organisation only; another organisation's Y-tunnus
 * never is. Sets self->business_id and self->business_id_ok. */
static void
check_business_id (HsOrganisationsPage *self)
{
  g_autofree char *text = trimmed_text (self->business_id_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *duplicate = NULL;
  const char *problem = NULL;

  g_clear_pointer (&self->business_id, g_free);

  if (*text == '\0')
    {
      /* Said only about an edit: a stored organisation without one (the
       * seeded regional councils) is not an error to shout at. */
      gboolean edited = self->current != NULL
                        && (self->current->business_id != NULL
                            || self->current->foreign != gtk_switch_get_active (self->foreign_switch));

      if (!gtk_switch_get_active (self->foreign_switch) && (edited || self->current == NULL))
        problem = _("A Finnish organisation needs a Y-tunnus; switch on “Foreign organisation” if it has none");
    }
  else if (hs_ytunnus_validate (text, &error))
    self->business_id = g_strdup (text);
  else
    {
      self->business_id = hs_ytunnus_normalize (text, NULL);
      if (self->business_id == NULL)
        problem = error->message;
    }

  if (self->business_id != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

      for (guint i = 0; i < n && duplicate == NULL; i++)
        {
          g_autoptr(HsOrganisationItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
          const HsOrganisation *org = hs_organisation_item_get_organisation (item);

          if (self->current != NULL && org->id != self->current->id
              && g_strcmp0 (org->business_id, self->business_id) == 0)
            /* Translators: %s is an organisation's name */
            duplicate = g_strdup_printf (_("Already the Y-tunnus of %s"), org->name);
        }
      if (duplicate != NULL)
        problem = duplicate;
    }

  self->business_id_ok = problem == NULL;
  set_problem (GTK_WIDGET (self->business_id_row), self->business_id_error, problem);
}

static void
business_id_changed_cb (HsOrganisationsPage *self)
{
  check_business_id (self);
}

static void
name_changed_cb (HsOrganisationsPage *self)
{
  g_autofree char *name = trimmed_text (self->name_row);

  set_problem (GTK_WIDGET (self->name_row), self->name_error,
               *name == '\0' ? _("An organisation needs a name") : NULL);
}

/* Saves the current organisation with one field changed: one action.
 * The repository's "changed" then reloads the page. */
static gboolean
save (HsOrganisationsPage *self,
      HsOrganisation      *edited,
      Field                field)
{
  g_autoptr(GError) error = NULL;

  if (hs_repository_save_organisation (self->repository, edited, &error))
    {
      set_save_error (self, NULL);
      return TRUE;
    }

  g_debug ("Saving organisation %" G_GINT64_FORMAT " failed: %s", edited->id, error->message);
  gtk_widget_error_bell (GTK_WIDGET (self));
  if (field == FIELD_BUSINESS_ID && g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT))
    set_problem (GTK_WIDGET (self->business_id_row), self->business_id_error, error->message);
  else if (field == FIELD_NAME)
    set_problem (GTK_WIDGET (self->name_row), self->name_error, error->message);
  else
    set_save_error (self, error->message);
  return FALSE;
}

static void
name_commit_cb (HsOrganisationsPage *self)
{
  g_autofree char *name = trimmed_text (self->name_row);
  g_autoptr(HsOrganisation) edited = NULL;

  if (self->current == NULL || self->syncing)
    return;
  if (*name == '\0')
    {
      set_problem (GTK_WIDGET (self->name_row), self->name_error, _("An organisation needs a name"));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (g_strcmp0 (name, self->current->name) == 0)
    return;

  edited = hs_organisation_copy (self->current);
  g_free (edited->name);
  edited->name = g_steal_pointer (&name);
  save (self, edited, FIELD_NAME);
}

static void
business_id_commit_cb (HsOrganisationsPage *self)
{
  g_autoptr(HsOrganisation) edited = NULL;
  gboolean foreign;

  if (self->current == NULL || self->syncing)
    return;

  check_business_id (self);
  if (!self->business_id_ok)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  foreign = gtk_switch_get_active (self->foreign_switch);
  if (g_strcmp0 (self->business_id, self->current->business_id) == 0 && foreign == self->current->foreign)
    {
      /* Show the canonical form of what was pasted (a copy: setting the
       * text checks it again, which replaces self->business_id). */
      if (self->business_id != NULL)
        {
          g_autofree char *canonical = g_strdup (self->business_id);
          gtk_editable_set_text (GTK_EDITABLE (self->business_id_row), canonical);
        }
      return;
    }

  edited = hs_organisation_copy (self->current);
  g_free (edited->business_id);
  edited->business_id = g_strdup (self->business_id);
  edited->foreign = foreign;
  save (self, edited, FIELD_BUSINESS_ID);
}

static void
foreign_toggled_cb (HsOrganisationsPage *self)
{
  g_autoptr(HsOrganisation) edited = NULL;
  gboolean foreign = gtk_switch_get_active (self->foreign_switch);

  if (self->current == NULL || self->syncing)
    return;

  check_business_id (self);
  if (foreign == self->current->foreign)
    return;

  /* Without a (valid) Y-tunnus the organisation cannot stop being foreign:
   * the Y-tunnus row says so, and saving it saves both. */
  if (!foreign && (!self->business_id_ok || self->business_id == NULL))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->business_id_row));
      return;
    }

  edited = hs_organisation_copy (self->current);
  edited->foreign = foreign;
  if (!foreign)
    {
      g_free (edited->business_id);
      edited->business_id = g_strdup (self->business_id);
    }
  save (self, edited, FIELD_FOREIGN);
}

static void
type_selected_cb (HsOrganisationsPage *self)
{
  guint type = adw_combo_row_get_selected (self->type_row);
  g_autoptr(HsOrganisation) edited = NULL;

  if (self->current == NULL || self->syncing || type >= HS_N_ORG_TYPES || type == (guint) self->current->type)
    return;

  edited = hs_organisation_copy (self->current);
  edited->type = (HsOrgType) type;
  save (self, edited, FIELD_TYPE);
}

static void
municipality_commit_cb (HsOrganisationsPage *self)
{
  g_autofree char *municipality = trimmed_text (self->municipality_row);
  g_autoptr(HsOrganisation) edited = NULL;
  const char *stored;

  if (self->current == NULL || self->syncing)
    return;
  stored = self->current->municipality != NULL ? self->current->municipality : "";
  if (g_strcmp0 (municipality, stored) == 0)
    return;

  edited = hs_organisation_copy (self->current);
  g_free (edited->municipality);
  edited->municipality = *municipality != '\0' ? g_steal_pointer (&municipality) : NULL;
  save (self, edited, FIELD_MUNICIPALITY);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Shows the selected organisation. A field is filled when the organisation
 * is another one, or when its stored value changed (a save, undo, redo):
 * a half-typed edit of another field of the same organisation stays. */
static void
show_selected (HsOrganisationsPage *self)
{
  HsOrganisationItem *item = selected_item (self);
  const HsOrganisation *org;
  g_autoptr(HsOrganisation) previous = NULL;
  gboolean same;
  GString *subtitle;

  if (item == NULL)
    {
      g_clear_pointer (&self->current, hs_organisation_free);
      g_list_store_remove_all (self->projects);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  org = hs_organisation_item_get_organisation (item);
  previous = g_steal_pointer (&self->current);
  same = previous != NULL && previous->id == org->id;
  self->current = hs_organisation_copy (org);

  self->syncing = TRUE;
  if (!same || g_strcmp0 (previous->name, org->name) != 0)
    set_entry (self->name_row, org->name);
  if (!same || g_strcmp0 (previous->business_id, org->business_id) != 0)
    set_entry (self->business_id_row, org->business_id);
  if (!same || previous->foreign != org->foreign)
    gtk_switch_set_active (self->foreign_switch, org->foreign);
  if (!same || previous->type != org->type)
    adw_combo_row_set_selected (self->type_row, (guint) org->type < HS_N_ORG_TYPES ? (guint) org->type : HS_ORG_OTHER);
  if (!same || g_strcmp0 (previous->municipality, org->municipality) != 0)
    set_entry (self->municipality_row, org->municipality);
  self->syncing = FALSE;

  if (!same)
    set_save_error (self, NULL);
  name_changed_cb (self);
  check_business_id (self);

  gtk_label_set_text (self->title_label, org->name);
  subtitle = g_string_new ((guint) org->type < HS_N_ORG_TYPES ? hs_org_type_label (org->type) : "");
  if (org->municipality != NULL && org->municipality[0] != '\0')
    g_string_append_printf (subtitle, " · %s", org->municipality);
  if (org->foreign)
    g_string_append_printf (subtitle, " · %s", _("Foreign"));
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  g_string_free (subtitle, TRUE);

  fill_projects (self, item);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
selection_changed_cb (HsOrganisationsPage *self)
{
  if (!self->reloading)
    show_selected (self);
}

/* ---- data ------------------------------------------------------------------ */

/* Reloads now (three queries); FALSE with error when the repository fails. */
static gboolean
reload (HsOrganisationsPage  *self,
        GError              **error)
{
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GArray) roles = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 selected_id;
  guint r = 0;

  g_return_val_if_fail (HS_IS_ORGANISATIONS_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->dirty = FALSE;
  orgs = hs_repository_list_organisations (self->repository, error);
  if (orgs == NULL)
    return FALSE;
  roles = hs_repository_list_organisation_roles (self->repository, error);
  if (roles == NULL)
    return FALSE;
  summaries = hs_repository_list_project_summaries (self->repository, error);
  if (summaries == NULL)
    return FALSE;

  selected_id = _hs_organisations_page_get_selected_id (self);

  g_hash_table_remove_all (self->summary_by_id);
  g_clear_pointer (&self->summaries, g_array_unref);
  g_clear_pointer (&self->roles, g_array_unref);
  self->summaries = g_steal_pointer (&summaries);
  self->roles = g_steal_pointer (&roles);
  for (guint i = 0; i < self->summaries->len; i++)
    {
      HsProjectSummary *s = &g_array_index (self->summaries, HsProjectSummary, i);
      g_hash_table_insert (self->summary_by_id, &s->id, s);
    }

  /* Roles come by organisation id; find each organisation's run of rows
   * through an index by id (organisations come by name). */
  {
    g_autoptr(GHashTable) runs = g_hash_table_new (g_int64_hash, g_int64_equal);

    while (r < self->roles->len)
      {
        HsOrganisationRole *first = &g_array_index (self->roles, HsOrganisationRole, r);
        g_hash_table_insert (runs, &first->organisation_id, GUINT_TO_POINTER (r + 1));
        while (r < self->roles->len
               && g_array_index (self->roles, HsOrganisationRole, r).organisation_id == first->organisation_id)
          r++;
      }

    items = g_ptr_array_new_full (orgs->len, g_object_unref);
    for (guint i = 0; i < orgs->len; i++)
      {
        HsOrganisation *org = g_ptr_array_index (orgs, i);
        guint start = GPOINTER_TO_UINT (g_hash_table_lookup (runs, &org->id));
        guint n_roles = 0, n_projects = 0;
        gint64 total = 0;

        if (start > 0)
          {
            gint64 last_project = 0;

            start--;
            for (guint j = start; j < self->roles->len; j++)
              {
                const HsOrganisationRole *role = &g_array_index (self->roles, HsOrganisationRole, j);

                if (role->organisation_id != org->id)
                  break;
                n_roles++;
                /* rows come in code order: one project's rows are together */
                if (role->project_id != last_project)
                  n_projects++;
                last_project = role->project_id;
                if (!hs_money_add (total, role->total_costs, &total))
                  total = HS_MONEY_MAX;
              }
          }

        /* list_organisations' array frees its elements: hand over a copy. */
        g_ptr_array_add (items, hs_organisation_item_new (hs_organisation_copy (org), start, n_roles,
                                                          n_projects, total));
      }
  }

  /* The selection follows the organisation, not the position; the form
   * is filled once, after the new rows are in. */
  self->reloading = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (selected_id == 0 || !_hs_organisations_page_select (self, selected_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;

  update_list_state (self);
  show_selected (self);
  return TRUE;
}

static void
repository_changed_cb (HsOrganisationsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (!reload (self, &error))
    g_warning ("Could not reload the organisations: %s", error->message);
}

/* ---- API ------------------------------------------------------------------- */

GtkWidget *
hs_organisations_page_new (HsRepository *repository)
{
  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);

  return g_object_new (HS_TYPE_ORGANISATIONS_PAGE, "repository", repository, NULL);
}

gboolean
_hs_organisations_page_select (HsOrganisationsPage *self,
                              gint64               organisation_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (HS_IS_ORGANISATIONS_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsOrganisationItem) item = g_list_model_get_item (model, i);

      if (hs_organisation_item_get_organisation (item)->id == organisation_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

gint64
_hs_organisations_page_get_selected_id (HsOrganisationsPage *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATIONS_PAGE (self), 0);

  return self->current != NULL ? self->current->id : 0;
}

void
hs_organisations_page_focus_search (HsOrganisationsPage *self)
{
  g_return_if_fail (HS_IS_ORGANISATIONS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
_hs_organisations_page_get_model (HsOrganisationsPage *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

GListModel *
_hs_organisations_page_get_projects (HsOrganisationsPage *self)
{
  g_return_val_if_fail (HS_IS_ORGANISATIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->projects);
}

GtkWidget *
_hs_organisations_page_get_widget (HsOrganisationsPage *self,
                                  const char          *name)
{
  static const struct { const char *name; gsize offset; } widgets[] = {
    { "stack", G_STRUCT_OFFSET (HsOrganisationsPage, stack) },
    { "search", G_STRUCT_OFFSET (HsOrganisationsPage, search_entry) },
    { "list", G_STRUCT_OFFSET (HsOrganisationsPage, list_view) },
    { "list-stack", G_STRUCT_OFFSET (HsOrganisationsPage, list_stack) },
    { "count", G_STRUCT_OFFSET (HsOrganisationsPage, count_label) },
    { "detail-stack", G_STRUCT_OFFSET (HsOrganisationsPage, detail_stack) },
    { "title", G_STRUCT_OFFSET (HsOrganisationsPage, title_label) },
    { "subtitle", G_STRUCT_OFFSET (HsOrganisationsPage, subtitle_label) },
    { "name", G_STRUCT_OFFSET (HsOrganisationsPage, name_row) },
    { "name-error", G_STRUCT_OFFSET (HsOrganisationsPage, name_error) },
    { "business-id", G_STRUCT_OFFSET (HsOrganisationsPage, business_id_row) },
    { "business-id-error", G_STRUCT_OFFSET (HsOrganisationsPage, business_id_error) },
    { "foreign", G_STRUCT_OFFSET (HsOrganisationsPage, foreign_switch) },
    { "type", G_STRUCT_OFFSET (HsOrganisationsPage, type_row) },
    { "municipality", G_STRUCT_OFFSET (HsOrganisationsPage, municipality_row) },
    { "save-error", G_STRUCT_OFFSET (HsOrganisationsPage, save_error) },
    { "projects", G_STRUCT_OFFSET (HsOrganisationsPage, projects_view) },
    { "projects-summary", G_STRUCT_OFFSET (HsOrganisationsPage, projects_summary) },
  };

  g_return_val_if_fail (HS_IS_ORGANISATIONS_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, widgets[i].offset);
  return NULL;
}

/* ---- GObject --------------------------------------------------------------- */

static void
hs_organisations_page_map (GtkWidget *widget)
{
  HsOrganisationsPage *self = HS_ORGANISATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (hs_organisations_page_parent_class)->map (widget);

  if (self->dirty)
    {
      g_autoptr(GError) error = NULL;

      if (!reload (self, &error))
        g_warning ("Could not reload the organisations: %s", error->message);
    }
}

static void
hs_organisations_page_constructed (GObject *object)
{
  HsOrganisationsPage *self = HS_ORGANISATIONS_PAGE (object);

  G_OBJECT_CLASS (hs_organisations_page_parent_class)->constructed (object);

  g_return_if_fail (HS_IS_REPOSITORY (self->repository));

  self->changed_id = g_signal_connect_swapped (self->repository, "changed",
                                               G_CALLBACK (repository_changed_cb), self);
  /* Loaded when first shown: a window that never opens the page pays nothing. */
  self->dirty = TRUE;
}

static void
hs_organisations_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HsOrganisationsPage *self = HS_ORGANISATIONS_PAGE (object);

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
hs_organisations_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HsOrganisationsPage *self = HS_ORGANISATIONS_PAGE (object);

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
hs_organisations_page_dispose (GObject *object)
{
  HsOrganisationsPage *self = HS_ORGANISATIONS_PAGE (object);
  GtkWidget *child;

  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_id, self->repository);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_ORGANISATIONS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->store);
  g_clear_object (&self->projects);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (hs_organisations_page_parent_class)->dispose (object);
}

static void
hs_organisations_page_finalize (GObject *object)
{
  HsOrganisationsPage *self = HS_ORGANISATIONS_PAGE (object);

  g_clear_pointer (&self->summary_by_id, g_hash_table_unref);
  g_clear_pointer (&self->summaries, g_array_unref);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_pointer (&self->current, hs_organisation_free);
  g_free (self->search);
  g_free (self->business_id);

  G_OBJECT_CLASS (hs_organisations_page_parent_class)->finalize (object);
}

static void
hs_organisations_page_class_init (HsOrganisationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hs_organisations_page_constructed;
  object_class->get_property = hs_organisations_page_get_property;
  object_class->set_property = hs_organisations_page_set_property;
  object_class->dispose = hs_organisations_page_dispose;
  object_class->finalize = hs_organisations_page_finalize;
  widget_class->map = hs_organisations_page_map;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         HS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HsOrganisationsPage::project-activated:
   * @id: the project's id
   *
   * A project of the selected organisation was activated (double click,
   * Enter): the window opens its editor.
   */
  signals[SIGNAL_PROJECT_ACTIVATED] =
    g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-organisations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, name_error);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, business_id_row);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, business_id_error);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, foreign_switch);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, save_error);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, projects_summary);
  gtk_widget_class_bind_template_child (widget_class, HsOrganisationsPage, projects_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_commit_cb);
  gtk_widget_class_bind_template_callback (widget_class, business_id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, business_id_commit_cb);
  gtk_widget_class_bind_template_callback (widget_class, foreign_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, municipality_commit_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hs_organisations_page_init (HsOrganisationsPage *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lang = hs_lang_current ();
  self->summary_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->roles = g_array_new (FALSE, TRUE, sizeof (HsOrganisationRole));
  self->summaries = g_array_new (FALSE, TRUE, sizeof (HsProjectSummary));
  g_array_set_clear_func (self->summaries, (GDestroyNotify) hs_project_summary_clear);

  /* the list: store → filter → selection */
  self->store = g_list_store_new (HS_TYPE_ORGANISATION_ITEM);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                                  GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* also when a search drops the selected row */
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* the selected organisation's projects */
  self->projects = g_list_store_new (HS_TYPE_ORGANISATION_PROJECT_ITEM);
  add_column (self, COLUMN_CODE, _("Code"), FALSE, 130);
  add_column (self, COLUMN_NAME, _("Name"), TRUE, -1);
  add_column (self, COLUMN_ROLE, _("Role"), FALSE, -1);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE, -1);
  add_column (self, COLUMN_SHARE, _("Its Costs"), FALSE, -1);
  add_column (self, COLUMN_PERCENT, _("Of Total"), FALSE, -1);
  {
    GtkSingleSelection *rows = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->projects)));

    gtk_single_selection_set_autoselect (rows, FALSE);
    gtk_single_selection_set_can_unselect (rows, TRUE);
    gtk_column_view_set_model (self->projects_view, GTK_SELECTION_MODEL (rows));
    g_object_unref (rows);
  }
  g_signal_connect (self->projects_view, "activate", G_CALLBACK (projects_activate_cb), self);

  for (guint t = 0; t < HS_N_ORG_TYPES; t++)
    gtk_string_list_append (types, hs_org_type_label (t));
  self->syncing = TRUE;
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  /* the type in full, wrapping when narrow, not "University of applied s…" */
  {
    g_autoptr(GtkListItemFactory) type_factory =
      gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_BASE "/ui/hs-org-type-item.ui");
    adw_combo_row_set_factory (self->type_row, type_factory);
  }
  self->syncing = FALSE;


  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  update_list_state (self);
}

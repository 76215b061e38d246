/* test-organisations.c — the Organisations page, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case opens a fresh database with the example portfolio and a small
 * generated one, shows an HsOrganisationsPage in a window, and acts as a
 * user would: typing a search, typing into the fields and pressing Enter,
 * choosing a type, flipping the switch, activating a project. Assertions
 * are on what the page shows and on what the database holds.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-i18n.h"
#include "core/hs-ytunnus.h"
#include "store/hs-sqlite-repository.h"

#include "hs-gui-test.h"
#include "hs-organisation-item.h"
#include "hs-organisation-picker.h"
#include "hs-organisation-picker-private.h"
#include "hs-organisation-project-item.h"
#include "hs-organisations-page-private.h"
#include "hs-snapshot.h"

#define HELSINKI_ID "0201256-6"

typedef struct
{
  char                *dir;
  HsRepository        *repo;
  GtkWindow           *window;
  HsOrganisationsPage *page;
  gint64               activated;
  guint                n_activated;
} Fixture;

static GtkWidget *
widget (Fixture    *f,
        const char *name)
{
  GtkWidget *w = _hs_organisations_page_get_widget (f->page, name);

  g_assert_nonnull (w);
  return w;
}

/* Types into an entry row as a user would, then presses Enter in it. */
static void
type_and_enter (Fixture    *f,
                const char *name,
                const char *text)
{
  GtkWidget *row = widget (f, name);
  GtkWidget *text_widget = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  g_assert_true (GTK_IS_TEXT (text_widget));
  gtk_widget_grab_focus (text_widget);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  hs_test_drain ();
  /* what Enter does in a GtkText */
  g_signal_emit_by_name (text_widget, "activate");
  hs_test_drain ();
}

static void
search (Fixture    *f,
        const char *text)
{
  hs_test_search (widget (f, "search"), text);
}

static HsOrganisation *
stored_org (Fixture    *f,
            const char *business_id,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = hs_repository_list_organisations (f->repo, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < orgs->len; i++)
    {
      const HsOrganisation *org = g_ptr_array_index (orgs, i);
      if ((business_id != NULL && g_strcmp0 (org->business_id, business_id) == 0)
          || (name != NULL && g_strcmp0 (org->name, name) == 0))
        return hs_organisation_copy (org);
    }
  return NULL;
}

static guint
stored_org_count (Fixture *f)
{
  g_autoptr(GPtrArray) orgs = hs_repository_list_organisations (f->repo, NULL);
  return orgs->len;
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (widget (f, name)));
}

static gboolean
shows (Fixture    *f,
       const char *name)
{
  GtkWidget *w = widget (f, name);
  return gtk_widget_get_visible (w) && gtk_widget_get_mapped (w);
}

static gint64
select_helsinki (Fixture *f)
{
  g_autoptr(HsOrganisation) helsinki = stored_org (f, HELSINKI_ID, NULL);

  g_assert_nonnull (helsinki);
  g_assert_true (_hs_organisations_page_select (f->page, helsinki->id));
  hs_test_drain ();
  g_assert_cmpint (_hs_organisations_page_get_selected_id (f->page), ==, helsinki->id);
  return helsinki->id;
}

static void
project_activated_cb (HsOrganisationsPage *page,
                      gint64               id,
                      Fixture             *f)
{
  f->activated = id;
  f->n_activated++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *header;

  f->repo = hs_test_open_portfolio ("hs-organisations", 60, &f->dir);
  f->page = HS_ORGANISATIONS_PAGE (hs_organisations_page_new (f->repo));
  g_signal_connect (f->page, "project-activated", G_CALLBACK (project_activated_cb), f);

  f->window = GTK_WINDOW (adw_window_new ());
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Organisations", NULL));
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (box), header);
    gtk_widget_set_vexpand (GTK_WIDGET (f->page), TRUE);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->page));
    adw_window_set_content (ADW_WINDOW (f->window), box);
  }
  gtk_window_set_title (f->window, "Organisations");
  gtk_window_set_default_size (f->window, 1280, 760);
  hs_test_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hs_test_close_portfolio (f->window, &f->repo, &f->dir);
}

/* Every organisation is listed with its figures from the roles query. */
static void
test_lists_organisations (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *model = _hs_organisations_page_get_model (f->page);
  g_autoptr(GArray) roles = hs_repository_list_organisation_roles (f->repo, NULL);
  g_autoptr(HsOrganisation) helsinki = stored_org (f, HELSINKI_ID, NULL);
  g_autofree char *count = g_strdup_printf ("%u organisations", stored_org_count (f));
  g_autofree char *text = NULL;
  guint n_projects = 0;
  gint64 total = 0, last = 0;
  gboolean found = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, stored_org_count (f));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (widget (f, "stack"))), ==, "content");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (widget (f, "detail-stack"))), ==, "none");
  g_assert_cmpstr (label_text (f, "count"), ==, count);

  for (guint i = 0; i < roles->len; i++)
    {
      const HsOrganisationRole *role = &g_array_index (roles, HsOrganisationRole, i);
      if (role->organisation_id != helsinki->id)
        continue;
      n_projects += role->project_id != last;
      last = role->project_id;
      total += role->total_costs;
    }
  g_assert_cmpuint (n_projects, >=, 1);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HsOrganisationItem) item = g_list_model_get_item (model, i);
      if (hs_organisation_item_get_organisation (item)->id != helsinki->id)
        continue;
      found = TRUE;
      g_assert_cmpuint (hs_organisation_item_get_n_projects (item), ==, n_projects);
      g_assert_cmpint (hs_organisation_item_get_total_costs (item), ==, total);
      g_assert_cmpstr (hs_organisation_item_get_subtitle (item), ==, HELSINKI_ID " · City · Helsinki");
    }
  g_assert_true (found);

  /* what the rows show: name, Y-tunnus, type, municipality, money in English */
  text = hs_snapshot_describe (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (text, "label: Helsingin kaupunki\n"));
  g_assert_nonnull (strstr (text, "label: " HELSINKI_ID " · City · Helsinki\n"));
  g_assert_nonnull (strstr (text, "label: No Organisation Selected\n"));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GListModel *model = _hs_organisations_page_get_model (f->page);
  guint all = stored_org_count (f);

  search (f, "helsin");
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HsOrganisationItem) item = g_list_model_get_item (model, i);
      g_assert_nonnull (strstr (hs_organisation_item_get_search_key (item), "helsin"));
    }
  g_assert_nonnull (strstr (label_text (f, "count"), " of "));

  /* by Y-tunnus: exactly one */
  search (f, HELSINKI_ID);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(HsOrganisationItem) item = g_list_model_get_item (model, 0);
    g_assert_cmpstr (hs_organisation_item_get_organisation (item)->name, ==, "Helsingin kaupunki");
  }
  /* Enter selects the match */
  g_signal_emit_by_name (widget (f, "search"), "activate");
  hs_test_drain ();
  g_assert_cmpstr (label_text (f, "title"), ==, "Helsingin kaupunki");

  /* nothing matches: the no-match page */
  search (f, "no such organisation");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (widget (f, "list-stack"))), ==, "no-match");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (widget (f, "detail-stack"))), ==, "none");

  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (widget (f, "list-stack"))), ==, "list");
}

static void
test_edit_name_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HsOrganisation) after = NULL;
  g_autoptr(HsOrganisation) undone_org = NULL;
  g_autoptr(HsProject) pks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  gint64 id = select_helsinki (f);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "name"))), ==, "Helsingin kaupunki");
  type_and_enter (f, "name", "  Helsingin kaupunki / Kaupunginkanslia ");

  after = stored_org (f, HELSINKI_ID, NULL);
  g_assert_cmpint (after->id, ==, id);
  g_assert_cmpstr (after->name, ==, "Helsingin kaupunki / Kaupunginkanslia");
  /* the projects that use it follow */
  pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_project_get_main (pks)->organisation->name, ==, "Helsingin kaupunki / Kaupunginkanslia");
  /* the page reloaded and kept the selection */
  g_assert_cmpint (_hs_organisations_page_get_selected_id (f->page), ==, id);
  g_assert_cmpstr (label_text (f, "title"), ==, "Helsingin kaupunki / Kaupunginkanslia");

  /* one action: one undo puts the name back, in the database and on the page */
  undone = hs_repository_undo (f->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, "Edit organisation Helsingin kaupunki / Kaupunginkanslia");
  hs_test_drain ();
  undone_org = stored_org (f, HELSINKI_ID, NULL);
  g_assert_cmpstr (undone_org->name, ==, "Helsingin kaupunki");
  g_assert_cmpstr (label_text (f, "title"), ==, "Helsingin kaupunki");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "name"))), ==, "Helsingin kaupunki");
  g_assert_cmpint (_hs_organisations_page_get_selected_id (f->page), ==, id);

  /* an empty name is refused on the spot */
  type_and_enter (f, "name", "   ");
  g_assert_true (shows (f, "name-error"));
  g_assert_cmpstr (label_text (f, "name-error"), ==, "An organisation needs a name");
  g_clear_pointer (&undone_org, hs_organisation_free);
  undone_org = stored_org (f, HELSINKI_ID, NULL);
  g_assert_cmpstr (undone_org->name, ==, "Helsingin kaupunki");
}

static void
test_business_id (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) expected = NULL;
  g_autoptr(HsOrganisation) org = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  gint64 id = select_helsinki (f);

  g_assert_false (shows (f, "business-id-error"));

  /* A wrong check digit: the reason shows as it is typed ... */
  g_assert_false (hs_ytunnus_validate ("0201256-5", &expected));
  gtk_editable_set_text (GTK_EDITABLE (widget (f, "business-id")), "0201256-5");
  hs_test_drain ();
  g_assert_true (shows (f, "business-id-error"));
  g_assert_cmpstr (label_text (f, "business-id-error"), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (widget (f, "business-id"), "error"));

  /* ... and Enter saves nothing. */
  type_and_enter (f, "business-id", "0201256-5");
  g_assert_true (shows (f, "business-id-error"));
  org = stored_org (f, NULL, "Helsingin kaupunki");
  g_assert_cmpstr (org->business_id, ==, HELSINKI_ID);
  g_clear_pointer (&org, hs_organisation_free);

  /* Another organisation's Y-tunnus is refused too. */
  type_and_enter (f, "business-id", "0101263-6");
  g_assert_cmpstr (label_text (f, "business-id-error"), ==, "Already the Y-tunnus of Espoon kaupunki");
  org = stored_org (f, NULL, "Helsingin kaupunki");
  g_assert_cmpstr (org->business_id, ==, HELSINKI_ID);
  g_clear_pointer (&org, hs_organisation_free);

  /* No Y-tunnus: only for a foreign organisation. */
  type_and_enter (f, "business-id", "");
  g_assert_true (shows (f, "business-id-error"));
  org = stored_org (f, NULL, "Helsingin kaupunki");
  g_assert_cmpstr (org->business_id, ==, HELSINKI_ID);
  g_clear_pointer (&org, hs_organisation_free);

  /* Typing it back clears the message; the VAT form is accepted. */
  type_and_enter (f, "business-id", "FI02012566");
  g_assert_false (shows (f, "business-id-error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "business-id"))), ==, HELSINKI_ID);

  /* The switch: foreign, then the Y-tunnus may go. Two actions. */
  gtk_switch_set_active (GTK_SWITCH (widget (f, "foreign")), TRUE);
  hs_test_drain ();
  org = stored_org (f, HELSINKI_ID, NULL);
  g_assert_true (org->foreign);
  g_clear_pointer (&org, hs_organisation_free);
  type_and_enter (f, "business-id", "");
  g_assert_false (shows (f, "business-id-error"));
  org = stored_org (f, NULL, "Helsingin kaupunki");
  g_assert_cmpint (org->id, ==, id);
  g_assert_null (org->business_id);
  g_assert_true (org->foreign);
  g_clear_pointer (&org, hs_organisation_free);

  /* Not foreign again without a Y-tunnus: refused, the row says why. */
  gtk_switch_set_active (GTK_SWITCH (widget (f, "foreign")), FALSE);
  hs_test_drain ();
  g_assert_true (shows (f, "business-id-error"));
  org = stored_org (f, NULL, "Helsingin kaupunki");
  g_assert_true (org->foreign);
  g_clear_pointer (&org, hs_organisation_free);

  undone = hs_repository_undo (f->repo, &error);
  g_assert_no_error (error);
  g_clear_pointer (&undone, g_free);
  undone = hs_repository_undo (f->repo, &error);
  g_assert_no_error (error);
  hs_test_drain ();
  org = stored_org (f, HELSINKI_ID, NULL);
  g_assert_nonnull (org);
  g_assert_false (org->foreign);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget (f, "foreign"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (f, "business-id"))), ==, HELSINKI_ID);
  g_assert_false (shows (f, "business-id-error"));
}

static void
test_type_and_municipality (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HsOrganisation) org = NULL;

  select_helsinki (f);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (widget (f, "type"))), ==, HS_ORG_CITY);

  adw_combo_row_set_selected (ADW_COMBO_ROW (widget (f, "type")), HS_ORG_MUNICIPALITY);
  hs_test_drain ();
  org = stored_org (f, HELSINKI_ID, NULL);
  g_assert_cmpint (org->type, ==, HS_ORG_MUNICIPALITY);
  g_clear_pointer (&org, hs_organisation_free);
  g_assert_nonnull (strstr (label_text (f, "subtitle"), "Municipality"));

  type_and_enter (f, "municipality", "Helsingfors");
  org = stored_org (f, HELSINKI_ID, NULL);
  g_assert_cmpstr (org->municipality, ==, "Helsingfors");
  g_assert_cmpint (org->type, ==, HS_ORG_MUNICIPALITY);
  g_clear_pointer (&org, hs_organisation_free);

  type_and_enter (f, "municipality", "");
  org = stored_org (f, HELSINKI_ID, NULL);
  g_assert_null (org->municipality);
  g_clear_pointer (&org, hs_organisation_free);

  /* the list row follows */
  search (f, HELSINKI_ID);
  {
    g_autoptr(HsOrganisationItem) item = g_list_model_get_item (_hs_organisations_page_get_model (f->page), 0);
    g_assert_cmpstr (hs_organisation_item_get_subtitle (item), ==, HELSINKI_ID " · Municipality");
  }
}

static void
test_projects (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);
  g_autoptr(GError) error = NULL;
  GListModel *projects = _hs_organisations_page_get_projects (f->page);
  GtkWidget *list_view;
  gint64 id = select_helsinki (f);
  guint pks_position = G_MAXUINT;

  g_assert_cmpuint (g_list_model_get_n_items (projects), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(HsOrganisationProjectItem) item = g_list_model_get_item (projects, i);
      const HsOrganisationProject *p = hs_organisation_project_item_get (item);
      g_autoptr(HsProject) project = hs_repository_load_project (f->repo, p->project_id, &error);
      gboolean is_main = FALSE;
      gint64 share = 0;

      g_assert_no_error (error);
      g_assert_cmpstr (p->code, ==, project->code);
      g_assert_cmpint (p->status, ==, project->status);
      for (guint j = 0; j < project->implementers->len; j++)
        {
          HsImplementer *impl = g_ptr_array_index (project->implementers, j);
          HsTotals totals;

          if (impl->organisation->id != id)
            continue;
          g_assert_true (hs_implementer_totals (impl, &totals, NULL));
          is_main = impl->is_main;
          share += totals.total_costs;
        }
      g_assert_cmpint (p->is_main, ==, is_main);
      g_assert_cmpint (p->share, ==, share);
      if (g_str_equal (p->code, "PKS-ESIM-001"))
        {
          pks_position = i;
          g_assert_true (p->is_main);
        }
    }
  g_assert_cmpuint (pks_position, !=, G_MAXUINT);
  g_assert_nonnull (strstr (label_text (f, "projects-summary"), "main implementer in"));

  /* the screenshot, with the details and the projects */
  hs_test_save_png (GTK_WIDGET (f->window), "organisations-en.png");

  /* Enter or a double click on a project: the window is told which */
  list_view = hs_test_find_child (widget (f, "projects"), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", pks_position));
  hs_test_drain ();
  g_assert_cmpuint (f->n_activated, ==, 1);
  g_assert_cmpint (f->activated, ==, pks->id);
}

/* A change made elsewhere (a project saved with a new partner) shows. */
static void
test_reloads_on_change (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HsProject) pks = hs_repository_load_project_by_code (f->repo, "PKS-ESIM-001", NULL);
  g_autoptr(GError) error = NULL;
  HsOrganisation *partner = hs_organisation_new ("Testikumppani Oy", NULL, HS_ORG_COMPANY);
  GListModel *model = _hs_organisations_page_get_model (f->page);
  guint before = g_list_model_get_n_items (model);
  guint n_projects_before = 0;
  gint64 id = select_helsinki (f);

  n_projects_before = g_list_model_get_n_items (_hs_organisations_page_get_projects (f->page));
  partner->foreign = TRUE;
  g_ptr_array_add (pks->implementers, hs_implementer_new (partner, FALSE));
  g_assert_true (hs_repository_save_project (f->repo, pks, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);
  g_assert_cmpint (_hs_organisations_page_get_selected_id (f->page), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (_hs_organisations_page_get_projects (f->page)), ==, n_projects_before);

  search (f, "testikumppani");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(HsOrganisationItem) item = g_list_model_get_item (model, 0);
    g_assert_cmpuint (hs_organisation_item_get_n_projects (item), ==, 1);
    g_assert_cmpstr (hs_organisation_item_get_subtitle (item), ==, "Foreign · Company");
  }

  g_free (hs_repository_undo (f->repo, &error));
  g_assert_no_error (error);
  hs_test_drain ();
  /* undo takes the new organisation away again */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (widget (f, "list-stack"))), ==, "no-match");
}


static gint64
agreement_id_of (Fixture    *f,
                 const char *region)
{
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (f->repo, NULL);

  for (guint i = 0; i < agreements->len; i++)
    {
      const HsAgreement *agreement = g_ptr_array_index (agreements, i);
      if (g_strcmp0 (agreement->region_name, region) == 0)
        return agreement->id;
    }
  g_assert_not_reached ();
}

static GtkListBoxRow *
picker_row (HsOrganisationPicker *picker,
            int                   index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (_hs_organisation_picker_get_field (picker, "list")), index);

  g_assert_nonnull (row);
  return row;
}

static const char *
row_title (GtkListBoxRow *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static HsOrganisationPicker *
open_picker (Fixture    *f,
             const char *region)
{
  HsOrganisationPicker *picker = hs_organisation_picker_new (f->window, f->repo, NULL);

  hs_organisation_picker_set_agreement_id (picker, agreement_id_of (f, region));
  gtk_window_present (GTK_WINDOW (picker));
  hs_test_wait_mapped (_hs_organisation_picker_get_field (picker, "list"));
  return picker;
}

/* Adding an implementer to a Pori project offers the city of Pori first;
 * the city not yet stored is a preset that fills the form with its name,
 * type and municipality and leaves the Y-tunnus to be typed. */
static void
test_picker_city_preset (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HsOrganisation) stored = stored_org (f, NULL, "Porin kaupunki");
  HsOrganisationPicker *picker;
  GtkListBoxRow *first;
  GtkWidget *business_id;

  if (stored != NULL)
    {
      /* the generated portfolio has one: rename it, so that the city is new */
      g_autoptr(GError) error = NULL;
      g_free (stored->name);
      stored->name = g_strdup ("Porin kaupungin arkisto");
      g_assert_true (hs_repository_save_organisation (f->repo, stored, &error));
      g_assert_no_error (error);
    }

  picker = open_picker (f, "Pori");
  first = picker_row (picker, 0);
  g_assert_cmpstr (row_title (first), ==, "Porin kaupunki");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (first)));

  gtk_widget_activate (GTK_WIDGET (first));
  hs_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_hs_organisation_picker_get_field (picker, "name"))), ==, "Porin kaupunki");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (_hs_organisation_picker_get_field (picker, "type"))), ==, HS_ORG_CITY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_hs_organisation_picker_get_field (picker, "municipality"))), ==, "Pori");
  business_id = _hs_organisation_picker_get_field (picker, "business-id");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (business_id)), ==, "");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (business_id))))
                 || gtk_widget_has_focus (business_id)
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (picker)), business_id));
  g_assert_false (gtk_widget_get_sensitive (_hs_organisation_picker_get_field (picker, "create")));
  gtk_window_destroy (GTK_WINDOW (picker));
  hs_test_drain ();
}

/* A city already stored is offered first as itself (not twice), and the
 * agreement's other cities follow with their Y-tunnus. */
static void
test_picker_city_stored (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HsOrganisation) helsinki = stored_org (f, HELSINKI_ID, NULL);
  HsOrganisationPicker *picker = open_picker (f, "Pääkaupunkiseutu (PKS)");
  GtkListBoxRow *first = picker_row (picker, 0);
  guint n_helsinki = 0;

  g_assert_nonnull (helsinki);
  g_assert_cmpstr (row_title (first), ==, helsinki->name);
  g_assert_cmpstr (row_title (picker_row (picker, 1)), ==, "Espoon kaupunki");
  g_assert_cmpstr (row_title (picker_row (picker, 2)), ==, "Vantaan kaupunki");
  for (int i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (_hs_organisation_picker_get_field (picker, "list")), i) != NULL; i++)
    n_helsinki += g_strcmp0 (row_title (picker_row (picker, i)), helsinki->name) == 0;
  g_assert_cmpuint (n_helsinki, ==, 1);

  /* the search still finds it, once */
  hs_test_search (_hs_organisation_picker_get_field (picker, "search"), HELSINKI_ID);
  g_assert_cmpuint (_hs_organisation_picker_get_n_shown (picker), ==, 1);
  gtk_window_destroy (GTK_WINDOW (picker));
  hs_test_drain ();
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* At 800×600 the narrow list shows organisation names and types in full:
 * "University of applied sciences" is not cut to "University of applied s…". */
static void
test_list_not_clipped (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *list = widget (f, "list");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean seen_type = FALSE;

  gtk_window_set_default_size (f->window, 800, 600);
  gtk_widget_set_size_request (GTK_WIDGET (f->window), 800, 600);
  search (f, "ammattikorkeakoulu");
  hs_test_wait_for_draw (list);
  g_assert_cmpuint (g_list_model_get_n_items (_hs_organisations_page_get_model (f->page)), >, 0);

  collect_labels (list, labels);
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (label);
      int min_width = 0;

      if (*text == '\0')
        continue;
      seen_type = seen_type || strstr (text, "University of applied sciences") != NULL;
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >=, min_width);
    }
  g_assert_true (seen_type);
}

/* The label in @row that shows @text: there, whole, not ellipsized. */
static void
assert_shows_in_full (GtkWidget  *row,
                      const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean found = FALSE;

  hs_test_wait_for_draw (row);
  collect_labels (row, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
        continue;
      found = TRUE;
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
    }
  g_assert_true (found);
}

/* "University of applied sciences" is shown whole as the chosen type, on
 * the page at 800×600 and in Add Implementer. */
static void
test_type_not_clipped (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *model = _hs_organisations_page_get_model (f->page);
  HsOrganisationPicker *picker;
  GtkWidget *type;

  gtk_window_set_default_size (f->window, 800, 600);
  gtk_widget_set_size_request (GTK_WIDGET (f->window), 800, 600);
  search (f, "ammattikorkeakoulu");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  {
    g_autoptr(HsOrganisationItem) item = g_list_model_get_item (model, 0);
    g_assert_true (_hs_organisations_page_select (f->page, hs_organisation_item_get_organisation (item)->id));
  }
  hs_test_drain ();
  type = widget (f, "type");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (type)), ==, HS_ORG_UAS);
  assert_shows_in_full (type, "University of applied sciences");

  picker = open_picker (f, "Pori");
  type = _hs_organisation_picker_get_field (picker, "type");
  adw_combo_row_set_selected (ADW_COMBO_ROW (type), HS_ORG_UAS);
  assert_shows_in_full (type, "University of applied sciences");
  gtk_window_destroy (GTK_WINDOW (picker));
  hs_test_drain ();
}

/* A screen reader reads each row of the list by the organisation's name. */
static void
test_list_accessible_names (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *list = widget (f, "list");
  GtkWidget *row;
  GtkWidget *list_item_widget;

  search (f, HELSINKI_ID);
  hs_test_wait_for_draw (list);
  g_assert_cmpuint (g_list_model_get_n_items (_hs_organisations_page_get_model (f->page)), ==, 1);
  /* the list view's one row, and the widget the factory put in it */
  list_item_widget = gtk_widget_get_first_child (list);
  g_assert_nonnull (list_item_widget);
  g_assert_true (gtk_widget_get_mapped (list_item_widget));
  row = gtk_widget_get_first_child (list_item_widget);
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_item_widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "Helsingin kaupunki");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Helsingin kaupunki");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_item_widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       HELSINKI_ID " · City · Helsinki");
}

static GtkWidget *
find_icon (GtkWidget  *widget,
           const char *icon_name)
{
  if (GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon (child, icon_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The picker's rows are named by their organisation, and the icon that
 * ends each row says what activating it does. */
static void
test_picker_accessible_names (Fixture       *f,
                              gconstpointer  data)
{
  HsOrganisationPicker *picker = open_picker (f, "Pääkaupunkiseutu (PKS)");
  GtkListBoxRow *first = picker_row (picker, 0);
  GtkWidget *icon = find_icon (GTK_WIDGET (first), "go-next-symbolic");
  g_autoptr(HsOrganisation) helsinki = stored_org (f, HELSINKI_ID, NULL);
  g_autofree char *expected = g_strdup_printf ("%s, Agreement city · " HELSINKI_ID " · City · Helsinki", helsinki->name);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_nonnull (icon);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Choose");
  gtk_window_destroy (GTK_WINDOW (picker));
  hs_test_drain ();
}

/* Screenshots of the page at two sizes, in the language of the run. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const int sizes[][2] = { { 1280, 800 }, { 800, 600 } };
  const char *lang = g_getenv ("LANGUAGE") != NULL && g_str_has_prefix (g_getenv ("LANGUAGE"), "fi") ? "fi" : "en";

  select_helsinki (f);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("organisations-%dx%d-%s.png", sizes[i][0], sizes[i][1], lang);

      gtk_window_set_default_size (f->window, sizes[i][0], sizes[i][1]);
      gtk_widget_set_size_request (GTK_WIDGET (f->window), sizes[i][0], sizes[i][1]);
      hs_test_wait_for_draw (GTK_WIDGET (f->window));
      hs_test_save_png (GTK_WIDGET (f->window), name);
      gtk_widget_set_size_request (GTK_WIDGET (f->window), -1, -1);
    }

  /* Add Implementer for a Pori project, with a type of a long name */
  {
    HsOrganisationPicker *picker = open_picker (f, "Pori");
    g_autofree char *name = g_strdup_printf ("organisations-picker-%s.png", lang);
    g_autofree char *uas = g_strdup_printf ("organisations-picker-uas-%s.png", lang);

    hs_test_save_png (GTK_WIDGET (picker), name);
    adw_combo_row_set_selected (ADW_COMBO_ROW (_hs_organisation_picker_get_field (picker, "type")), HS_ORG_UAS);
    hs_test_wait_for_draw (GTK_WIDGET (picker));
    hs_test_save_png (GTK_WIDGET (picker), uas);
    gtk_window_destroy (GTK_WINDOW (picker));
    hs_test_drain ();
  }
}

int
main (int   argc,
      char *argv[])
{
  /* --language=fi runs the cases (and the screenshots) in Finnish */
  hs_test_take_language_option (&argc, &argv);
  /* the in-process accessibility backend keeps the accessible names */
  g_setenv ("GTK_A11Y", "test", TRUE);

  hs_i18n_init ();
  hs_test_gui_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/organisations/list", test_lists_organisations);
  ADD ("/organisations/search", test_search);
  ADD ("/organisations/edit-name-undo", test_edit_name_undo);
  ADD ("/organisations/business-id", test_business_id);
  ADD ("/organisations/type-municipality", test_type_and_municipality);
  ADD ("/organisations/projects", test_projects);
  ADD ("/organisations/reloads-on-change", test_reloads_on_change);
  ADD ("/organisations/picker-city-preset", test_picker_city_preset);
  ADD ("/organisations/picker-city-stored", test_picker_city_stored);
  ADD ("/organisations/list-not-clipped", test_list_not_clipped);
  ADD ("/organisations/type-not-clipped", test_type_not_clipped);
  ADD ("/organisations/list-accessible-names", test_list_accessible_names);
  ADD ("/organisations/picker-accessible-names", test_picker_accessible_names);
  ADD ("/organisations/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}

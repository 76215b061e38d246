/* fake-repository.c — an in-memory HsRepository for the charts tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/hs-core-error.h"
#include "core/hs-generate.h"
#include "core/hs-money.h"
#include "fake-repository.h"

struct _FakeRepository
{
  GObject    parent_instance;
  GPtrArray *projects;
};

static void fake_repository_iface_init (HsRepositoryInterface *iface);

G_DEFINE_TYPE_WITH_CODE (FakeRepository, fake_repository, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (HS_TYPE_REPOSITORY, fake_repository_iface_init))

static const struct { gint64 id; const char *name; const char *city; gint64 indicative; } agreements[] = {
  { 1, "Pääkaupunkiseutu (PKS)", "Helsinki", 0 },
  { 8, "Kuopio", "Kuopio", 45000000 },
  { 14, "Kokkola", "Kokkola", 56000000 },
};

static const struct { gint64 id; gint64 agreement; const char *name; } focus_areas[] = {
  { 1, 1, "Älykkäät ja kestävät kaupunkiratkaisut" },
  { 3, 1, "Uudet oppimisympäristöt ja osaamisen digitaaliset ratkaisut" },
  { 18, 8, "Terveys- ja hyvinvointiteknologia (älykkäät ratkaisut terveyteen ja hyvinvointiin, henkilökohtaiseen ravitsemukseen, terveysdata-alustat)" },
  { 19, 8, "Vesiosaaminen (älykkäät vesihuollon ratkaisut; älykkäät talteenottoprosessit ja nollapäästötehtaat)" },
  { 32, 14, "Akkukemia" },
  { 33, 14, "Kiertotalous ja teollisuutta tukevat älykkäät ratkaisut" },
};

static GPtrArray *
list_agreements (HsRepository *repo,
                 GError      **error)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_agreement_free);

  for (guint i = 0; i < G_N_ELEMENTS (agreements); i++)
    {
      HsAgreement *a = g_new0 (HsAgreement, 1);
      const char *cities[] = { agreements[i].city, NULL };
      a->id = agreements[i].id;
      a->region_name = g_strdup (agreements[i].name);
      a->cities = g_strdupv ((char **) cities);
      a->intermediary = g_strdup ("Maakunnan liitto");
      g_date_clear (&a->signed_date, 1);
      g_date_set_dmy (&a->signed_date, 9, 2, 2021);
      a->programme_area = g_strdup ("Suomi");
      a->indicative_per_year = agreements[i].indicative;
      g_ptr_array_add (list, a);
    }
  return list;
}

static GPtrArray *
list_focus_areas (HsRepository *repo,
                  gint64        agreement_id,
                  GError      **error)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_focus_area_free);

  for (guint i = 0; i < G_N_ELEMENTS (focus_areas); i++)
    {
      HsFocusArea *fa;
      if (agreement_id != 0 && focus_areas[i].agreement != agreement_id)
        continue;
      fa = g_new0 (HsFocusArea, 1);
      fa->id = focus_areas[i].id;
      fa->agreement_id = focus_areas[i].agreement;
      fa->name = g_strdup (focus_areas[i].name);
      g_ptr_array_add (list, fa);
    }
  return list;
}

static GPtrArray *
list_calls (HsRepository *repo,
            gint64        agreement_id,
            GError      **error)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) hs_call_free);
}

static gboolean
foreach_project (HsRepository  *repo,
                 HsProjectFunc  func,
                 gpointer       user_data,
                 GError       **error)
{
  FakeRepository *self = FAKE_REPOSITORY (repo);

  for (guint i = 0; i < self->projects->len; i++)
    if (!func (g_ptr_array_index (self->projects, i), user_data))
      break;
  return TRUE;
}

/* The projects' ids are their places in the list, from 1 (as in the summaries). */
static HsProject *
load_project (HsRepository *repo,
              gint64        id,
              GError      **error)
{
  FakeRepository *self = FAKE_REPOSITORY (repo);
  HsProject *project;

  if (id < 1 || id > (gint64) self->projects->len)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND, "no project %" G_GINT64_FORMAT, id);
      return NULL;
    }
  project = hs_project_copy (g_ptr_array_index (self->projects, id - 1));
  project->id = id;
  return project;
}

static const char *
focus_area_name (gint64 id)
{
  for (guint i = 0; i < G_N_ELEMENTS (focus_areas); i++)
    if (focus_areas[i].id == id)
      return focus_areas[i].name;
  return "?";
}

static GArray *
list_project_summaries (HsRepository *repo,
                        GError      **error)
{
  FakeRepository *self = FAKE_REPOSITORY (repo);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (HsProjectSummary));

  g_array_set_clear_func (rows, (GDestroyNotify) hs_project_summary_clear);
  for (guint i = 0; i < self->projects->len; i++)
    {
      HsProject *p = g_ptr_array_index (self->projects, i);
      HsProjectSummary row = { 0 };
      HsTotals totals;
      HsImplementer *main_impl = hs_project_get_main (p);

      hs_project_totals (p, &totals, NULL);
      row.id = (gint64) i + 1;
      row.code = g_strdup (p->code);
      row.name = g_strdup (hs_project_display_name (p));
      row.main_implementer = main_impl != NULL ? g_strdup (main_impl->organisation->name) : NULL;
      row.agreement_id = p->agreement_id;
      row.focus_area_id = p->focus_area_id;
      row.focus_area = g_strdup (focus_area_name (p->focus_area_id));
      row.status = p->status;
      row.start_date = p->start_date;
      row.end_date = p->end_date;
      row.total_costs = totals.total_costs;
      row.eu_state = totals.financing[HS_SOURCE_EU_STATE];
      g_array_append_val (rows, row);
    }
  return rows;
}

static HsSummaryRow *
row_for (GArray     *rows,
         const char *key,
         const char *label)
{
  HsSummaryRow row = { 0 };

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (g_array_index (rows, HsSummaryRow, i).key, key))
      return &g_array_index (rows, HsSummaryRow, i);
  row.key = g_strdup (key);
  row.label = g_strdup (label);
  g_array_append_val (rows, row);
  return &g_array_index (rows, HsSummaryRow, rows->len - 1);
}

static GArray *
summarise (HsRepository *repo,
           HsDimension   by,
           gint64        agreement_id,
           GError      **error)
{
  FakeRepository *self = FAKE_REPOSITORY (repo);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (HsSummaryRow));

  g_array_set_clear_func (rows, (GDestroyNotify) hs_summary_row_clear);
  g_assert_true (by == HS_BY_FOCUS_AREA || by == HS_BY_YEAR || by == HS_BY_STATUS);
  for (guint i = 0; i < self->projects->len; i++)
    {
      HsProject *p = g_ptr_array_index (self->projects, i);
      HsTotals totals;

      if (agreement_id != 0 && p->agreement_id != agreement_id)
        continue;
      hs_project_totals (p, &totals, NULL);
      if (by == HS_BY_YEAR)
        {
          g_autoptr(GArray) years = hs_project_budget_years (p);
          for (guint y = 0; y < years->len; y++)
            {
              int year = g_array_index (years, int, y);
              char key[16];
              HsSummaryRow *row;
              g_snprintf (key, sizeof key, "%d", year);
              row = row_for (rows, key, key);
              row->projects++;
              for (guint j = 0; j < p->implementers->len; j++)
                for (guint c = 0; c < HS_N_COST_CATEGORIES; c++)
                  row->total_costs += hs_implementer_get_cost (g_ptr_array_index (p->implementers, j), c, year);
            }
        }
      else
        {
          g_autofree char *key = by == HS_BY_FOCUS_AREA ? g_strdup_printf ("%" G_GINT64_FORMAT, p->focus_area_id)
                                                         : g_strdup (hs_status_to_id (p->status));
          HsSummaryRow *row = row_for (rows, key, by == HS_BY_FOCUS_AREA ? focus_area_name (p->focus_area_id)
                                                                          : hs_status_label (p->status));
          row->projects++;
          row->total_costs += totals.total_costs;
          row->total_financing += totals.total_financing;
          for (guint s = 0; s < HS_N_SOURCES; s++)
            row->financing[s] += totals.financing[s];
        }
    }
  return rows;
}

static void
fake_repository_iface_init (HsRepositoryInterface *iface)
{
  iface->list_agreements = list_agreements;
  iface->list_focus_areas = list_focus_areas;
  iface->list_calls = list_calls;
  iface->foreach_project = foreach_project;
  iface->load_project = load_project;
  iface->list_project_summaries = list_project_summaries;
  iface->summarise = summarise;
}

static void
fake_repository_finalize (GObject *object)
{
  FakeRepository *self = FAKE_REPOSITORY (object);

  g_ptr_array_unref (self->projects);
  G_OBJECT_CLASS (fake_repository_parent_class)->finalize (object);
}

static void
fake_repository_class_init (FakeRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_repository_finalize;
}

static void
fake_repository_init (FakeRepository *self)
{
}

FakeRepository *
fake_repository_new (guint   n_projects,
                     guint32 seed)
{
  FakeRepository *self = g_object_new (FAKE_TYPE_REPOSITORY, NULL);
  g_autoptr(GPtrArray) a = list_agreements (NULL, NULL);
  g_autoptr(GPtrArray) f = list_focus_areas (NULL, 0, NULL);

  self->projects = hs_generate_portfolio (a, f, n_projects, seed);
  for (guint i = 0; i < self->projects->len; i++)
    hs_project_update_derived (g_ptr_array_index (self->projects, i), NULL);
  return self;
}

GPtrArray *
fake_repository_get_projects (FakeRepository *self)
{
  return self->projects;
}

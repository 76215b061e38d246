/* hs-memory-repository.c — an HsRepository in memory, for the exchange tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/hs-core-error.h"
#include "core/hs-validate.h"
#include "hs-memory-repository.h"

struct _HsMemoryRepository
{
  GObject     parent_instance;

  GPtrArray  *agreements;
  GPtrArray  *focus_areas;
  GPtrArray  *calls;
  GPtrArray  *organisations;   /* HsOrganisation* */
  GTree      *projects;        /* code → HsProject* (owned) */
  gint64      next_id;
  gboolean    fail_next;
  guint       saves;
};

static void hs_memory_repository_iface_init (HsRepositoryInterface *iface);

G_DEFINE_TYPE_WITH_CODE (HsMemoryRepository, hs_memory_repository, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (HS_TYPE_REPOSITORY, hs_memory_repository_iface_init))

static void
hs_memory_repository_finalize (GObject *object)
{
  HsMemoryRepository *self = HS_MEMORY_REPOSITORY (object);

  g_ptr_array_unref (self->agreements);
  g_ptr_array_unref (self->focus_areas);
  g_ptr_array_unref (self->calls);
  g_ptr_array_unref (self->organisations);
  g_tree_unref (self->projects);

  G_OBJECT_CLASS (hs_memory_repository_parent_class)->finalize (object);
}

static void
hs_memory_repository_class_init (HsMemoryRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_memory_repository_finalize;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (a, b);
}

static void
hs_memory_repository_init (HsMemoryRepository *self)
{
  static const struct { const char *region; const char *cities[4]; const char *intermediary; } seed[] = {
    { "Pääkaupunkiseutu (PKS)", { "Helsinki", "Espoo", "Vantaa", NULL }, "Uudenmaan liitto" },
    { "Tampere", { "Tampere", NULL }, "Pirkanmaan liitto" },
    { "Turku", { "Turku", NULL }, "Uudenmaan liitto" },
    { "Oulu", { "Oulu", NULL }, "Pohjois-Pohjanmaan liitto" },
  };
  gint64 id = 1;

  self->agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_agreement_free);
  self->focus_areas = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_focus_area_free);
  self->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_call_free);
  self->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_organisation_free);
  self->projects = g_tree_new_full (compare_codes, NULL, g_free, (GDestroyNotify) hs_project_free);
  self->next_id = 1000;

  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    {
      HsAgreement *a = g_new0 (HsAgreement, 1);
      HsCall *call = hs_call_new_default ();

      a->id = i + 1;
      a->region_name = g_strdup (seed[i].region);
      a->cities = g_strdupv ((char **) seed[i].cities);
      a->intermediary = g_strdup (seed[i].intermediary);
      a->intermediary_confirmed = TRUE;
      g_date_clear (&a->signed_date, 1);
      g_date_set_dmy (&a->signed_date, 9, 2, 2021);
      a->programme_area = g_strdup ("Etelä-Suomi");
      a->more_developed = i == 0;
      g_ptr_array_add (self->agreements, a);

      for (guint f = 0; f < 2; f++)
        {
          HsFocusArea *fa = g_new0 (HsFocusArea, 1);
          fa->id = id++;
          fa->agreement_id = a->id;
          fa->name = g_strdup_printf ("%s: %s", seed[i].region, f == 0 ? "Älykkäät kaupunkiratkaisut" : "Hyvinvointi");
          if (f == 1)
            {
              fa->first_year = 2025;
              fa->last_year = 2027;
            }
          g_ptr_array_add (self->focus_areas, fa);
        }

      call->id = i + 1;
      call->agreement_id = a->id;
      call->name = g_strdup_printf ("%s — default call", seed[i].region);
      g_ptr_array_add (self->calls, call);
    }
}

HsMemoryRepository *
hs_memory_repository_new (void)
{
  return g_object_new (HS_TYPE_MEMORY_REPOSITORY, NULL);
}

void
hs_memory_repository_fail_next_save (HsMemoryRepository *self)
{
  self->fail_next = TRUE;
}

guint
hs_memory_repository_count_organisations (HsMemoryRepository *self)
{
  return self->organisations->len;
}

guint
hs_memory_repository_count_projects (HsMemoryRepository *self)
{
  return (guint) g_tree_nnodes (self->projects);
}

guint
hs_memory_repository_count_saves (HsMemoryRepository *self)
{
  return self->saves;
}

gint64
hs_memory_repository_add_agreement (HsMemoryRepository *self,
                                    const char         *region,
                                    const char         *intermediary,
                                    const char         *programme_area,
                                    gboolean            more_developed)
{
  HsAgreement *a = g_new0 (HsAgreement, 1);
  HsCall *call = hs_call_new_default ();
  const char *cities[] = { region, NULL };
  gint64 id = 1;

  for (guint i = 0; i < self->agreements->len; i++)
    id = MAX (id, ((HsAgreement *) g_ptr_array_index (self->agreements, i))->id + 1);
  for (guint i = 0; i < self->calls->len; i++)
    id = MAX (id, ((HsCall *) g_ptr_array_index (self->calls, i))->id + 1);
  a->id = id;
  a->region_name = g_strdup (region);
  a->cities = g_strdupv ((char **) cities);
  a->intermediary = g_strdup (intermediary);
  a->intermediary_confirmed = TRUE;
  g_date_clear (&a->signed_date, 1);
  g_date_set_dmy (&a->signed_date, 9, 2, 2021);
  g_date_clear (&a->end_date, 1);
  a->programme_area = g_strdup (programme_area);
  a->more_developed = more_developed;
  g_ptr_array_add (self->agreements, a);

  call->id = id;
  call->agreement_id = id;
  call->name = g_strdup_printf ("%s — default call", region);
  g_ptr_array_add (self->calls, call);
  return id;
}

/* ---- reading ------------------------------------------------------------ */

static GPtrArray *
copy_agreements (HsMemoryRepository *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_agreement_free);

  for (guint i = 0; i < self->agreements->len; i++)
    {
      HsAgreement *a = g_ptr_array_index (self->agreements, i);
      HsAgreement *copy = g_memdup2 (a, sizeof *a);
      copy->region_name = g_strdup (a->region_name);
      copy->cities = g_strdupv (a->cities);
      copy->intermediary = g_strdup (a->intermediary);
      copy->programme_area = g_strdup (a->programme_area);
      g_ptr_array_add (out, copy);
    }
  return out;
}

static GPtrArray *
list_agreements (HsRepository *repo, GError **error)
{
  return copy_agreements (HS_MEMORY_REPOSITORY (repo));
}

static GPtrArray *
list_focus_areas (HsRepository *repo, gint64 agreement_id, GError **error)
{
  HsMemoryRepository *self = HS_MEMORY_REPOSITORY (repo);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_focus_area_free);

  for (guint i = 0; i < self->focus_areas->len; i++)
    {
      HsFocusArea *fa = g_ptr_array_index (self->focus_areas, i);
      HsFocusArea *copy;
      if (agreement_id != 0 && fa->agreement_id != agreement_id)
        continue;
      copy = g_memdup2 (fa, sizeof *fa);
      copy->name = g_strdup (fa->name);
      g_ptr_array_add (out, copy);
    }
  return out;
}

static GPtrArray *
list_calls (HsRepository *repo, gint64 agreement_id, GError **error)
{
  HsMemoryRepository *self = HS_MEMORY_REPOSITORY (repo);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_call_free);

  for (guint i = 0; i < self->calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (self->calls, i);
      HsCall *copy;
      if (agreement_id != 0 && call->agreement_id != agreement_id)
        continue;
      copy = hs_call_copy (call);
      g_ptr_array_add (out, copy);
    }
  return out;
}

static GPtrArray *
list_organisations (HsRepository *repo, GError **error)
{
  HsMemoryRepository *self = HS_MEMORY_REPOSITORY (repo);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_organisation_free);

  for (guint i = 0; i < self->organisations->len; i++)
    g_ptr_array_add (out, hs_organisation_copy (g_ptr_array_index (self->organisations, i)));
  return out;
}

static HsProject *
load_project_by_code (HsRepository *repo, const char *code, GError **error)
{
  HsMemoryRepository *self = HS_MEMORY_REPOSITORY (repo);
  HsProject *project = g_tree_lookup (self->projects, code);

  if (project == NULL)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND, "No project has the code “%s”", code);
      return NULL;
    }
  return hs_project_copy (project);
}

typedef struct
{
  HsProjectFunc func;
  gpointer      user_data;
} ForeachData;

static gboolean
foreach_node (gpointer key, gpointer value, gpointer user_data)
{
  ForeachData *data = user_data;
  g_autoptr(HsProject) copy = hs_project_copy (value);

  return !data->func (copy, data->user_data);
}

static gboolean
foreach_project (HsRepository *repo, HsProjectFunc func, gpointer user_data, GError **error)
{
  ForeachData data = { func, user_data };

  g_tree_foreach (HS_MEMORY_REPOSITORY (repo)->projects, foreach_node, &data);
  return TRUE;
}

typedef struct
{
  GArray *rows;
} SummaryData;

static gboolean
summary_node (gpointer key, gpointer value, gpointer user_data)
{
  GArray *rows = user_data;
  HsProject *project = value;
  HsProjectSummary row = { 0 };

  row.id = project->id;
  row.code = g_strdup (project->code);
  row.name = g_strdup (hs_project_display_name (project));
  row.agreement_id = project->agreement_id;
  row.status = project->status;
  g_array_append_val (rows, row);
  return FALSE;
}

static GArray *
list_project_summaries (HsRepository *repo, GError **error)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (HsProjectSummary));

  g_array_set_clear_func (rows, (GDestroyNotify) hs_project_summary_clear);
  g_tree_foreach (HS_MEMORY_REPOSITORY (repo)->projects, summary_node, rows);
  return rows;
}

/* ---- writing ------------------------------------------------------------ */

static HsOrganisation *
find_organisation (HsMemoryRepository   *self,
                   const HsOrganisation *org)
{
  for (guint i = 0; i < self->organisations->len; i++)
    {
      HsOrganisation *known = g_ptr_array_index (self->organisations, i);
      if (org->id != 0 && known->id == org->id)
        return known;
      if (org->id == 0 && org->business_id != NULL && g_strcmp0 (known->business_id, org->business_id) == 0)
        return known;
      if (org->id == 0 && org->business_id == NULL && known->business_id == NULL &&
          g_strcmp0 (known->name, org->name) == 0)
        return known;
    }
  return NULL;
}

static gboolean
save_projects (HsRepository *repo, GPtrArray *projects, const char *description, GError **error)
{
  HsMemoryRepository *self = HS_MEMORY_REPOSITORY (repo);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);

  /* Check everything first: all or nothing. */
  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *project = g_ptr_array_index (projects, i);
      HsProject *existing = g_tree_lookup (self->projects, project->code);

      if (existing != NULL && existing->id != project->id)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT,
                       "The project code “%s” is already used.", project->code);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((HsProject *) g_ptr_array_index (projects, j))->code, project->code))
          {
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT,
                         "The project code “%s” is used twice.", project->code);
            return FALSE;
          }
    }
  if (self->fail_next)
    {
      self->fail_next = FALSE;
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, "Injected failure: nothing was saved");
      return FALSE;
    }

  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *project = g_ptr_array_index (projects, i);

      if (!hs_project_update_derived (project, error))
        return FALSE;
      if (project->id == 0)
        project->id = self->next_id++;
      for (guint k = 0; k < project->implementers->len; k++)
        {
          HsImplementer *impl = g_ptr_array_index (project->implementers, k);
          HsOrganisation *known = find_organisation (self, impl->organisation);

          impl->id = self->next_id++;
          if (known == NULL)
            {
              impl->organisation->id = self->next_id++;
              g_ptr_array_add (self->organisations, hs_organisation_copy (impl->organisation));
            }
          else
            {
              /* the file's data replace the record, like a save does */
              HsOrganisation *copy = hs_organisation_copy (impl->organisation);
              copy->id = known->id;
              impl->organisation->id = known->id;
              g_ptr_array_remove (self->organisations, known);
              g_ptr_array_add (self->organisations, copy);
            }
        }
      g_tree_replace (self->projects, g_strdup (project->code), hs_project_copy (project));
    }
  self->saves++;
  g_signal_emit_by_name (self, "changed");
  return TRUE;
}

/* A new call (id 0) gets the next id; a known one is replaced. */
static gboolean
save_call (HsRepository *repo, HsCall *call, GError **error)
{
  HsMemoryRepository *self = HS_MEMORY_REPOSITORY (repo);

  if (call->id == 0)
    call->id = self->next_id++;
  for (guint i = 0; i < self->calls->len; i++)
    if (((HsCall *) g_ptr_array_index (self->calls, i))->id == call->id)
      {
        g_ptr_array_remove_index (self->calls, i);
        break;
      }
  g_ptr_array_add (self->calls, hs_call_copy (call));
  g_signal_emit_by_name (self, "changed");
  return TRUE;
}

static void
hs_memory_repository_iface_init (HsRepositoryInterface *iface)
{
  iface->save_call = save_call;
  iface->list_agreements = list_agreements;
  iface->list_focus_areas = list_focus_areas;
  iface->list_calls = list_calls;
  iface->list_organisations = list_organisations;
  iface->load_project_by_code = load_project_by_code;
  iface->save_projects = save_projects;
  iface->foreach_project = foreach_project;
  iface->list_project_summaries = list_project_summaries;
}

/* test-generate.c — synthetic and example portfolios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/hs-date.h"
#include "core/hs-generate.h"
#include "core/hs-validate.h"
#include "core/hs-ytunnus.h"

typedef struct
{
  GPtrArray *agreements;
  GPtrArray *focus_areas;
} Reference;

static void
reference_init (Reference *ref)
{
  const char *regions[][4] = {
    { "Pääkaupunkiseutu (PKS)", "Helsinki", "Espoo", "Vantaa" },
    { "Oulu", "Oulu", NULL, NULL },
    { "Turku", "Turku", NULL, NULL },
    { "Kajaani (ml. Sotkamo)", "Kajaani", "Sotkamo", NULL },
  };

  ref->agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_agreement_free);
  ref->focus_areas = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_focus_area_free);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      HsAgreement *a = g_new0 (HsAgreement, 1);
      g_autoptr(GStrvBuilder) cities = g_strv_builder_new ();

      a->id = i + 1;
      a->region_name = g_strdup (regions[i][0]);
      for (guint c = 1; c < 4 && regions[i][c] != NULL; c++)
        g_strv_builder_add (cities, regions[i][c]);
      a->cities = g_strv_builder_end (cities);
      g_ptr_array_add (ref->agreements, a);

      for (guint f = 0; f < 2; f++)
        {
          HsFocusArea *fa = g_new0 (HsFocusArea, 1);
          fa->id = 100 + i * 10 + f;
          fa->agreement_id = a->id;
          fa->name = g_strdup_printf ("Painopiste %u.%u", i + 1, f + 1);
          g_ptr_array_add (ref->focus_areas, fa);
        }
    }
}

static void
reference_clear (Reference *ref)
{
  g_ptr_array_unref (ref->agreements);
  g_ptr_array_unref (ref->focus_areas);
}

static const HsFocusArea *
find_focus_area (Reference *ref,
                 gint64     id)
{
  for (guint i = 0; i < ref->focus_areas->len; i++)
    if (((HsFocusArea *) g_ptr_array_index (ref->focus_areas, i))->id == id)
      return g_ptr_array_index (ref->focus_areas, i);
  return NULL;
}

static guint
count_failing (Reference *ref,
               GPtrArray *projects)
{
  guint failing = 0;

  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *p = g_ptr_array_index (projects, i);
      HsValidationContext context = { NULL, find_focus_area (ref, p->focus_area_id), HS_LANG_EN };
      g_autoptr(GPtrArray) findings = hs_validate_project (p, &context);

      if (hs_findings_count_errors (findings) > 0)
        failing++;
    }
  return failing;
}

static void
test_reproducible (void)
{
  Reference ref;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  guint differ = 0;

  reference_init (&ref);
  a = hs_generate_portfolio (ref.agreements, ref.focus_areas, 200, 42);
  b = hs_generate_portfolio (ref.agreements, ref.focus_areas, 200, 42);
  c = hs_generate_portfolio (ref.agreements, ref.focus_areas, 200, 43);

  g_assert_cmpuint (a->len, ==, 200);
  g_assert_cmpuint (c->len, ==, 200);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_true (hs_project_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)));
      if (!hs_project_equal (g_ptr_array_index (a, i), g_ptr_array_index (c, i)))
        differ++;
    }
  g_assert_cmpuint (differ, ==, 200);
  g_assert_cmpstr (((HsProject *) g_ptr_array_index (a, 0))->code, ==, "GEN-42-00001");
  g_assert_cmpstr (((HsProject *) g_ptr_array_index (c, 199))->code, ==, "GEN-43-00200");

  reference_clear (&ref);
}

static void
test_shape (void)
{
  Reference ref;
  g_autoptr(GPtrArray) projects = NULL;
  guint failing;

  reference_init (&ref);
  projects = hs_generate_portfolio (ref.agreements, ref.focus_areas, 2000, 1);

  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *p = g_ptr_array_index (projects, i);
      HsTotals totals;
      guint mains = 0;
      const HsFocusArea *fa = find_focus_area (&ref, p->focus_area_id);

      g_assert_cmpuint (p->implementers->len, >=, 1);
      g_assert_cmpuint (p->implementers->len, <=, 4);
      for (guint k = 0; k < p->implementers->len; k++)
        {
          HsImplementer *impl = g_ptr_array_index (p->implementers, k);
          mains += impl->is_main;
          g_assert_nonnull (impl->organisation->business_id);
        }
      g_assert_cmpuint (mains, ==, 1);
      g_assert_nonnull (fa);
      g_assert_cmpint (fa->agreement_id, ==, p->agreement_id);
      g_assert_true (hs_project_totals (p, &totals, NULL));
      g_assert_cmpint (totals.total_costs, >, 0);
      /* under the flat rate the flat-rate costs are 40 % of staff costs */
      g_assert_cmpint (totals.costs[HS_COST_FLAT_RATE] * 10, >=, totals.costs[HS_COST_STAFF] * 4 - 10 * 4);
      g_assert_cmpint (totals.costs[HS_COST_FLAT_RATE] * 10, <=, totals.costs[HS_COST_STAFF] * 4 + 10 * 4);
      g_assert_cmpuint (hs_date_months_between (&p->start_date, &p->end_date), <=, 36);
      g_assert_cmpuint (p->history->len, >=, 1);
    }

  /* One in twenty breaks a rule: between 3 % and 8 % of 2 000. */
  failing = count_failing (&ref, projects);
  g_assert_cmpuint (failing, >=, 60);
  g_assert_cmpuint (failing, <=, 160);

  reference_clear (&ref);
}

/* One organisation, one Y-tunnus: across seeds, and no two names share one. */
static void
test_organisations (void)
{
  Reference ref;
  g_autoptr(GHashTable) id_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) name_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  reference_init (&ref);
  for (guint32 seed = 1; seed <= 3; seed++)
    {
      g_autoptr(GPtrArray) projects = hs_generate_portfolio (ref.agreements, ref.focus_areas, 1500, seed);

      for (guint i = 0; i < projects->len; i++)
        {
          HsProject *p = g_ptr_array_index (projects, i);
          for (guint k = 0; k < p->implementers->len; k++)
            {
              HsOrganisation *org = ((HsImplementer *) g_ptr_array_index (p->implementers, k))->organisation;
              const char *id = g_hash_table_lookup (id_of, org->name);
              const char *name = g_hash_table_lookup (name_of, org->business_id);

              g_assert_true (hs_ytunnus_validate (org->business_id, NULL));
              if (id != NULL)
                g_assert_cmpstr (id, ==, org->business_id);
              if (name != NULL)
                g_assert_cmpstr (name, ==, org->name);
              g_hash_table_replace (id_of, g_strdup (org->name), g_strdup (org->business_id));
              g_hash_table_replace (name_of, g_strdup (org->business_id), g_strdup (org->name));
            }
        }
    }
  g_assert_cmpuint (g_hash_table_size (id_of), ==, g_hash_table_size (name_of));
  g_assert_cmpuint (g_hash_table_size (id_of), >, 20);
  reference_clear (&ref);
}

static void
test_demo (void)
{
  Reference ref;
  g_autoptr(GPtrArray) projects = NULL;
  HsProject *pks, *turku;
  HsTotals totals;

  reference_init (&ref);
  projects = hs_generate_demo (ref.agreements, ref.focus_areas);
  g_assert_cmpuint (projects->len, ==, 3);

  pks = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (pks->code, ==, "PKS-ESIM-001");
  g_assert_true (pks->example);
  g_assert_cmpuint (pks->implementers->len, ==, 3);
  g_assert_cmpstr (hs_project_get_main (pks)->organisation->name, ==, "Helsingin kaupunki");
  g_assert_true (hs_project_totals (pks, &totals, NULL));
  /* The coordination project's budget: 1 333 333,00 €. */
  g_assert_cmpint (totals.total_costs, ==, 133333300);
  g_assert_cmpint (totals.total_financing, ==, 133333300);

  turku = g_ptr_array_index (projects, 2);
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new ();
    g_ptr_array_add (one, pks);
    g_ptr_array_add (one, g_ptr_array_index (projects, 1));
    g_assert_cmpuint (count_failing (&ref, one), ==, 0);
    g_ptr_array_set_size (one, 0);
    g_ptr_array_add (one, turku);
    g_assert_cmpuint (count_failing (&ref, one), ==, 1);
  }

  reference_clear (&ref);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/generate/reproducible", test_reproducible);
  g_test_add_func ("/generate/shape", test_shape);
  g_test_add_func ("/generate/organisations", test_organisations);
  g_test_add_func ("/generate/demo", test_demo);

  return g_test_run ();
}

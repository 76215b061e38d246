/* test-sqlite-repository.c — the SQLite repository as its users rely on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "core/hs-core-error.h"
#include "core/hs-generate.h"
#include "core/hs-repository.h"
#include "core/hs-validate.h"
#include "store/hs-sqlite-repository.h"
#include "store/hs-store-error.h"
#include "store-test-util.h"
#include "../fixtures/published-projects.h"

typedef struct
{
  StoreTmp            tmp;
  HsSqliteRepository *store;
  HsRepository       *repo;   /* the same object */
  guint               changed;
  guint               project_changed;
  gint64              last_project;
} Fixture;

static void
on_project_changed (HsRepository *repo,
                    gint64        id,
                    Fixture      *fixture)
{
  /* always before "changed" */
  fixture->project_changed++;
  fixture->last_project = id;
}

static void
on_changed (HsRepository *repo,
            Fixture      *fixture)
{
  fixture->changed++;
}

static void
fixture_open (Fixture     *fixture,
              HsOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  fixture->store = hs_sqlite_repository_open (fixture->tmp.path, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  fixture->repo = HS_REPOSITORY (fixture->store);
  g_signal_connect (fixture->repo, "project-changed", G_CALLBACK (on_project_changed), fixture);
  g_signal_connect (fixture->repo, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_close (Fixture *fixture)
{
  g_clear_object (&fixture->store);
  fixture->repo = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  store_tmp_init (&fixture->tmp);
  fixture_open (fixture, HS_OPEN_CREATE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture_close (fixture);
  store_tmp_clear (&fixture->tmp);
}

static void
save_portfolio (Fixture   *fixture,
                GPtrArray *projects)
{
  for (guint i = 0; i < projects->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (hs_repository_save_project (fixture->repo, g_ptr_array_index (projects, i), &error));
      g_assert_no_error (error);
    }
}

static HsProject *
load_by_code (Fixture    *fixture,
              const char *code)
{
  g_autoptr(GError) error = NULL;
  HsProject *project = hs_repository_load_project_by_code (fixture->repo, code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* Everything the views show, as one string: the list and every summary. */
static char *
describe_views (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) summaries = hs_repository_list_project_summaries (fixture->repo, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < summaries->len; i++)
    {
      const HsProjectSummary *s = &g_array_index (summaries, HsProjectSummary, i);
      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s|%s|%s|%u|%" G_GINT64_FORMAT "|%s|%d|"
                              "%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d|%u|%u\n",
                              s->id, s->code, s->name, s->main_implementer, s->partial_implementers,
                              s->focus_area_id, s->focus_area, s->status, s->total_costs, s->eu_state,
                              s->support_bp, s->errors, s->warnings);
    }

  for (int by = 0; by < HS_N_DIMENSIONS; by++)
    {
      g_autoptr(GArray) rows = hs_repository_summarise (fixture->repo, by, 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          const HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);

          g_string_append_printf (text, "%s %s %s %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                                  hs_dimension_to_id (by), row->key, row->label, row->projects,
                                  row->total_costs, row->total_financing);
          for (int s = 0; s < HS_N_SOURCES; s++)
            g_string_append_printf (text, " %" G_GINT64_FORMAT, row->financing[s]);
          g_string_append_c (text, '\n');
        }
    }

  return g_string_free (text, FALSE);
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = store_test_sqlite_open (fixture->tmp.path, FALSE);
  gint64 n = store_test_sqlite_int (db, sql);

  sqlite3_close (db);
  return n;
}

/* Creation and seed */

static void
test_create_seed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (fixture->repo, &error);
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  guint vaasa_focus_areas = 0;
  gboolean pirkanmaa = FALSE;
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_cmpuint (agreements->len, ==, 16);
  for (guint i = 0; i < agreements->len; i++)
    {
      HsAgreement *a = g_ptr_array_index (agreements, i);

      g_assert_cmpint (a->id, ==, i + 1);
      g_assert_true (g_date_valid (&a->signed_date));
      g_assert_cmpuint (g_date_get_year (&a->signed_date), ==, 2021);
      g_assert_nonnull (a->intermediary);
      g_assert_nonnull (a->programme_area);
      g_assert_nonnull (a->cities);
      g_assert_nonnull (a->cities[0]);
      /* Helsinki-Uusimaa (the PKS agreement) alone is "more developed". */
      g_assert_true (a->more_developed == (i == 0));
      /* its category's EU share of public funding: 40 % there, 60 % elsewhere */
      g_assert_cmpint (a->eu_share_bp, ==, i == 0 ? 4000 : 6000);
    }
  {
    HsAgreement *pks = g_ptr_array_index (agreements, 0);
    const char * const cities[] = { "Helsinki", "Espoo", "Vantaa", NULL };

    g_assert_cmpstr (pks->region_name, ==, "Pääkaupunkiseutu (PKS)");
    g_assert_cmpstrv (pks->cities, cities);
    g_assert_cmpstr (pks->intermediary, ==, "Uudenmaan liitto");
    g_assert_true (pks->intermediary_confirmed);
    g_assert_cmpuint (g_date_get_day (&pks->signed_date), ==, 9);
    g_assert_cmpuint (g_date_get_month (&pks->signed_date), ==, 2);
  }
  for (guint i = 0; i < agreements->len; i++)
    {
      HsAgreement *a = g_ptr_array_index (agreements, i);

      if (g_str_equal (a->region_name, "Kuopio"))
        g_assert_cmpint (a->indicative_per_year, ==, 45000000);
      else if (g_str_equal (a->region_name, "Kokkola"))
        g_assert_cmpint (a->indicative_per_year, ==, 56000000);
      else if (g_str_equal (a->region_name, "Lappeenranta (ml. Imatra)"))
        {
          const char * const cities[] = { "Lappeenranta", "Imatra", NULL };
          g_assert_cmpstrv (a->cities, cities);
        }
      else if (g_str_equal (a->region_name, "Kajaani (ml. Sotkamo)"))
        g_assert_false (a->intermediary_confirmed);
    }

  focus_areas = hs_repository_list_focus_areas (fixture->repo, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (focus_areas->len, ==, 37);
  for (guint i = 0; i < focus_areas->len; i++)
    {
      HsFocusArea *f = g_ptr_array_index (focus_areas, i);

      g_assert_cmpint (f->first_year, ==, 0);
      if (f->agreement_id == 11)   /* Vaasa: the call packages stand in */
        vaasa_focus_areas++;
    }
  g_assert_cmpuint (vaasa_focus_areas, ==, 5);
  g_clear_pointer (&focus_areas, g_ptr_array_unref);
  focus_areas = hs_repository_list_focus_areas (fixture->repo, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (focus_areas->len, ==, 4);
  g_assert_cmpstr (((HsFocusArea *) g_ptr_array_index (focus_areas, 0))->name, ==,
                   "Älykkäät ja kestävät kaupunkiratkaisut");

  /* a default call per agreement (ids 1–16), then the calls of the
   * reference data (data/reference/calls.json) */
  calls = hs_repository_list_calls (fixture->repo, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 16 + 7);
  for (guint i = 0; i < 16; i++)
    {
      HsCall *call = g_ptr_array_index (calls, i);

      g_assert_cmpint (call->agreement_id, ==, i + 1);
      g_assert_true (g_str_has_suffix (call->name, " — default call"));
      g_assert_cmpint (call->max_support_bp, ==, 6000);
      g_assert_cmpint (call->min_city_bp, ==, 0);
      g_assert_cmpuint (call->max_duration_months, ==, 0);
      g_assert_cmpuint (call->allowed_cost_models, ==, 1u << HS_COST_MODEL_FLAT40);
    }
  for (guint i = 16; i < calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (calls, i);

      g_assert_false (g_str_has_suffix (call->name, " — default call"));
      g_assert_nonnull (call->description);
      g_assert_cmpint (call->max_support_bp, ==, 6000);
    }
  {
    /* Joensuu 2023 as pohjois-karjala.fi states it; what it does not say is 0 */
    HsCall *joensuu = g_ptr_array_index (calls, 16);

    g_assert_cmpstr (joensuu->name, ==, "Joensuu — kestävän kaupunkikehittämisen haku 2023");
    g_assert_cmpint (joensuu->agreement_id, ==, 9);
    g_assert_cmpint (joensuu->instrument, ==, HS_INSTRUMENT_EAKR);
    g_assert_cmpint (joensuu->min_city_bp, ==, 0);
    g_assert_cmpint (joensuu->max_city_bp, ==, 2500);
    g_assert_cmpint (joensuu->min_own_bp, ==, 1500);
    g_assert_cmpuint (joensuu->max_duration_months, ==, 24);
    g_assert_cmpint (joensuu->money_available, ==, 100000000);
    g_assert_cmpint (joensuu->city_money_available, ==, 41500000);
    g_assert_false (g_date_valid (&joensuu->open_date));
    g_assert_cmpuint (joensuu->allowed_cost_models, ==, 0);
  }
  {
    HsCall *hevi = g_ptr_array_index (calls, 21);
    HsCall *pori = g_ptr_array_index (calls, 22);

    g_assert_cmpstr (hevi->name, ==, "Pääkaupunkiseutu (PKS) — HEVi-koordinaatiohanke");
    g_assert_cmpint (hevi->max_support, ==, 120000000);
    g_assert_cmpuint (hevi->max_duration_months, ==, 48);
    g_assert_cmpuint (hevi->max_projects, ==, 1);
    g_assert_cmpstr (pori->name, ==, "Pori — toinen haku 2023");
    g_assert_cmpuint (g_date_get_day (&pori->open_date), ==, 18);
    g_assert_cmpuint (g_date_get_month (&pori->open_date), ==, G_DATE_OCTOBER);
    g_assert_cmpuint (g_date_get_year (&pori->close_date), ==, 2023);
    g_assert_cmpint (((HsCall *) g_ptr_array_index (calls, 19))->instrument, ==, HS_INSTRUMENT_AKKE);
  }

  orgs = hs_repository_list_organisations (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, ==, 14);   /* the distinct intermediary bodies */
  for (guint i = 0; i < orgs->len; i++)
    {
      HsOrganisation *org = g_ptr_array_index (orgs, i);

      g_assert_cmpint (org->type, ==, HS_ORG_REGIONAL_COUNCIL);
      if (g_str_equal (org->name, "Pirkanmaan liitto"))
        {
          g_assert_cmpstr (org->business_id, ==, "0828308-4");
          pirkanmaa = TRUE;
        }
      else
        g_assert_null (org->business_id);
    }
  g_assert_true (pirkanmaa);

  g_assert_cmpint (hs_sqlite_repository_get_schema_version (fixture->store), ==, hs_sqlite_schema_version ());
  g_assert_cmpint (hs_sqlite_schema_version (), >=, 2);
  g_assert_true (hs_sqlite_repository_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (hs_repository_can_undo (fixture->repo));
  g_assert_false (hs_repository_can_redo (fixture->repo));

  /* Behind the store's back: the things no API lists. */
  db = store_test_sqlite_open (fixture->tmp.path, FALSE);
  g_assert_cmpint (store_test_sqlite_int (db, "PRAGMA application_id"), ==, 0x48534B55);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM national_theme"), ==, 3);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM national_theme WHERE name = 'Terveys ja hyvinvointi'"), ==, 1);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM indicator"), ==, 26);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM indicator WHERE code = 'RCO01' AND kind = 'output'"), ==, 1);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM indicator WHERE code = 'RCR102' AND kind = 'result'"), ==, 1);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM cofinancing_category"), ==, 2);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT eu_share_bp FROM cofinancing_category WHERE id = 'more-developed'"), ==, 4000);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM programme"), ==, 1);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM focus_area WHERE national_theme_id IS NOT NULL"), >=, 30);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM agreement_city"), ==, 20);   /* 19 cities and Sotkamo */
  /* Every table is STRICT. */
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0"), ==, 0);
  {
    g_autofree char *mode = store_test_sqlite_text (db, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
  sqlite3_close (db);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(HsProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *views = NULL;
  g_autofree char *views_again = NULL;

  save_portfolio (fixture, projects);
  views = describe_views (fixture);
  fixture_close (fixture);

  /* A second open neither creates nor seeds again. */
  fixture_open (fixture, HS_OPEN_DEFAULT);
  loaded = load_by_code (fixture, "PKS-2023-001");
  g_assert_true (hs_project_equal (loaded, g_ptr_array_index (projects, 0)));
  views_again = describe_views (fixture);
  g_assert_cmpstr (views, ==, views_again);
  g_assert_true (hs_repository_can_undo (fixture->repo));   /* the log is in the file */
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM agreement"), ==, 16);

  fixture_close (fixture);
  fixture_open (fixture, HS_OPEN_CREATE);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM agreement"), ==, 16);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 3);
  g_assert_true (hs_sqlite_repository_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

typedef struct
{
  HsRepository *repo;
  char         *name;      /* the first project's name, as the reader saw it */
  guint         n;
  GError       *save_error;
} ReaderWork;

static gpointer
reader_thread (gpointer data)
{
  ReaderWork *work = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsRepository) reader = hs_repository_open_reader (work->repo, &error);
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(HsProject) project = NULL;

  g_assert_no_error (error);
  g_assert_true (reader != work->repo);
  summaries = hs_repository_list_project_summaries (reader, &error);
  g_assert_no_error (error);
  work->n = summaries->len;
  project = hs_repository_load_project_by_code (reader, "PKS-2023-001", &error);
  g_assert_no_error (error);
  work->name = g_strdup (project->name_fi);
  /* it only reads */
  g_assert_false (hs_repository_save_project (reader, project, &work->save_error));
  return NULL;
}

/* A worker thread opens a reader of its own: it sees what was stored and
 * cannot write. */
static void
test_reader (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  ReaderWork work = { 0, };
  GThread *thread;

  save_portfolio (fixture, projects);
  g_assert_true (hs_repository_has_readers (fixture->repo));
  work.repo = fixture->repo;
  thread = g_thread_new ("reader", reader_thread, &work);
  g_thread_join (thread);

  g_assert_cmpuint (work.n, ==, projects->len);
  g_assert_cmpstr (work.name, ==, ((HsProject *) g_ptr_array_index (projects, 0))->name_fi);
  g_assert_nonnull (work.save_error);
  g_test_message ("the reader refused: %s", work.save_error->message);
  g_clear_error (&work.save_error);
  g_free (work.name);
}

typedef struct
{
  HsRepository *repo;
  gboolean      abort;     /* roll the batch back instead of committing */
  GError       *error;
} WriterWork;

static gpointer
writer_thread (gpointer data)
{
  WriterWork *work = data;
  g_autoptr(HsRepository) writer = hs_repository_open_writer (work->repo, &work->error);
  g_autoptr(GPtrArray) batch = store_test_batch ("W-", 20);

  if (writer == NULL)
    return NULL;
  g_assert_true (writer != work->repo);
  if (!hs_repository_begin_batch (writer, "Import worker.xml", &work->error)
      || !hs_repository_save_projects (writer, batch, NULL, &work->error))
    return NULL;
  if (work->abort)
    hs_repository_abort_batch (writer);
  else
    hs_repository_commit_batch (writer, &work->error);
  return NULL;
}

/* A worker thread writes through a writer of its own: the window's
 * repository says nothing until it is refreshed, then "changed" once; the
 * batch is its own action to undo; a batch rolled back changes nothing. */
static void
test_writer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  WriterWork work = { 0, };
  GThread *thread;

  save_portfolio (fixture, projects);
  g_assert_true (hs_repository_has_writers (fixture->repo));
  fixture->changed = 0;

  /* nothing to notice yet */
  hs_repository_refresh (fixture->repo);
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* rolled back: the same projects, and still nothing to notice */
  work.repo = fixture->repo;
  work.abort = TRUE;
  thread = g_thread_new ("writer", writer_thread, &work);
  g_thread_join (thread);
  g_assert_no_error (work.error);
  hs_repository_refresh (fixture->repo);
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 3);

  /* committed: seen at the refresh, once */
  work.abort = FALSE;
  thread = g_thread_new ("writer", writer_thread, &work);
  g_thread_join (thread);
  g_assert_no_error (work.error);
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 23);
  hs_repository_refresh (fixture->repo);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpuint (fixture->project_changed, ==, 0);
  hs_repository_refresh (fixture->repo);
  g_assert_cmpuint (fixture->changed, ==, 1);

  /* the worker's batch is this repository's latest action */
  g_assert_true (hs_repository_can_undo (fixture->repo));
  description = hs_repository_undo (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (description, ==, "Import worker.xml");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 3);
}

/* A read-only repository has no writer for a worker. */
static void
test_writer_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsRepository) writer = NULL;

  fixture_close (fixture);
  fixture_open (fixture, HS_OPEN_READ_ONLY);
  writer = hs_repository_open_writer (fixture->repo, &error);
  g_assert_null (writer);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY);
}

/* Saving and loading */

static gboolean
collect_project (HsProject *project,
                 gpointer   user_data)
{
  g_ptr_array_add (user_data, hs_project_copy (project));
  return TRUE;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
  g_autoptr(GError) error = NULL;
  HsProject *first = g_ptr_array_index (projects, 0);
  HsImplementer *main_impl = g_ptr_array_index (first->implementers, 0);

  g_assert_cmpint (first->id, ==, 0);
  save_portfolio (fixture, projects);
  g_assert_cmpuint (fixture->changed, ==, 3);

  /* The save set the ids and computed the derived flat-rate lines. */
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpint (main_impl->id, >, 0);
  g_assert_cmpint (main_impl->organisation->id, >, 0);
  g_assert_cmpint (hs_implementer_get_cost (main_impl, HS_COST_FLAT_RATE, 2023), ==, 4000000);

  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *project = g_ptr_array_index (projects, i);
      g_autoptr(HsProject) by_id = hs_repository_load_project (fixture->repo, project->id, &error);
      g_autoptr(HsProject) by_code = NULL;

      g_assert_no_error (error);
      g_assert_true (hs_project_equal (by_id, project));
      by_code = load_by_code (fixture, project->code);
      g_assert_true (hs_project_equal (by_code, project));
      g_assert_cmpstr (by_code->summary, ==, project->summary);
    }

  /* Every project, fully loaded, in code order. */
  g_assert_true (hs_repository_foreach_project (fixture->repo, collect_project, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (((HsProject *) g_ptr_array_index (seen, 0))->code, ==, "PKS-2023-001");
  g_assert_cmpstr (((HsProject *) g_ptr_array_index (seen, 1))->code, ==, "PKS-2024-002");
  g_assert_cmpstr (((HsProject *) g_ptr_array_index (seen, 2))->code, ==, "TRE-2024-001");
  for (guint i = 0; i < seen->len; i++)
    g_assert_true (hs_project_equal (g_ptr_array_index (seen, i), g_ptr_array_index (projects, i)));

  /* Saving an unchanged project is no action. */
  {
    guint changed = fixture->changed;
    g_autofree char *undo = NULL;

    g_assert_true (hs_repository_save_project (fixture->repo, first, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->changed, ==, changed);
    undo = hs_repository_undo (fixture->repo, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (undo, ==, "Add project TRE-2024-001");
  }

  /* Unknown ids and codes. */
  g_assert_null (hs_repository_load_project (fixture->repo, 999999, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (hs_repository_load_project_by_code (fixture->repo, "NO-SUCH", &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hs_repository_delete_project (fixture->repo, 999999, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND);
}

/* An organisation is matched by business id (or by name without one) and
 * kept up to date; a second project of the same city shares its row. */
static void
test_organisations (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_batch ("ORG-", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  HsProject *p0 = g_ptr_array_index (projects, 0);
  HsProject *p1 = g_ptr_array_index (projects, 1);
  HsProject *p2 = g_ptr_array_index (projects, 2);
  HsImplementer *foreign;
  g_autoptr(HsProject) reloaded = NULL;

  save_portfolio (fixture, projects);
  g_assert_cmpint (((HsImplementer *) g_ptr_array_index (p0->implementers, 0))->organisation->id, ==,
                   ((HsImplementer *) g_ptr_array_index (p1->implementers, 0))->organisation->id);
  orgs = hs_repository_list_organisations (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, ==, 14 + 2);
  g_clear_pointer (&orgs, g_ptr_array_unref);

  /* A foreign partner without business id, twice: one row, found by name. */
  foreign = store_test_implementer ("Fraunhofer-Gesellschaft", NULL, HS_ORG_RESEARCH_INSTITUTE, NULL, FALSE);
  foreign->organisation->foreign = TRUE;
  g_ptr_array_add (p1->implementers, hs_implementer_copy (foreign));
  g_ptr_array_add (p2->implementers, foreign);
  g_assert_true (hs_repository_save_project (fixture->repo, p1, &error));
  g_assert_no_error (error);
  g_assert_true (hs_repository_save_project (fixture->repo, p2, &error));
  g_assert_no_error (error);
  orgs = hs_repository_list_organisations (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, ==, 14 + 3);
  g_clear_pointer (&orgs, g_ptr_array_unref);

  /* The city renamed in one project: its row follows, and so do the
   * other projects that use it. */
  {
    HsOrganisation *city = ((HsImplementer *) g_ptr_array_index (p0->implementers, 0))->organisation;

    g_free (city->name);
    city->name = g_strdup ("Tampereen kaupunki (uusi nimi)");
    g_assert_true (hs_repository_save_project (fixture->repo, p0, &error));
    g_assert_no_error (error);
  }
  reloaded = hs_repository_load_project (fixture->repo, p1->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((HsImplementer *) g_ptr_array_index (reloaded->implementers, 0))->organisation->name, ==,
                   "Tampereen kaupunki (uusi nimi)");

  /* Undo puts the old name back everywhere. */
  {
    g_autofree char *undone = hs_repository_undo (fixture->repo, &error);
    g_autoptr(HsProject) again = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (undone, ==, "Edit project ORG-00000");
    again = hs_repository_load_project (fixture->repo, p1->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((HsImplementer *) g_ptr_array_index (again->implementers, 0))->organisation->name, ==,
                     "Tampereen kaupunki");
  }

  /* save_organisation: a business id that another organisation has. */
  {
    g_autoptr(HsOrganisation) clash = hs_organisation_new ("Toinen", "0211675-2", HS_ORG_COMPANY);

    g_assert_false (hs_repository_save_organisation (fixture->repo, clash, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "0211675-2"));
    g_assert_cmpint (clash->id, ==, 0);
    g_clear_error (&error);
  }

  /* save_organisation: add, edit, undo both. */
  {
    g_autoptr(HsOrganisation) org = hs_organisation_new ("Business Tampere Oy", NULL, HS_ORG_COMPANY);
    g_autofree char *undone = NULL;

    g_assert_true (hs_repository_save_organisation (fixture->repo, org, &error));
    g_assert_no_error (error);
    g_assert_cmpint (org->id, >, 0);
    org->municipality = g_strdup ("Tampere");
    g_assert_true (hs_repository_save_organisation (fixture->repo, org, &error));
    g_assert_no_error (error);
    undone = hs_repository_undo (fixture->repo, &error);
    g_assert_cmpstr (undone, ==, "Edit organisation Business Tampere Oy");
    g_clear_pointer (&undone, g_free);
    undone = hs_repository_undo (fixture->repo, &error);
    g_assert_cmpstr (undone, ==, "Add organisation Business Tampere Oy");
    orgs = hs_repository_list_organisations (fixture->repo, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (orgs->len, ==, 14 + 3);
  }
}

/* Totals and summaries */

static const HsSummaryRow *
find_row (GArray     *rows,
          const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
      if (g_str_equal (row->key, key))
        return row;
    }
  g_error ("no summary row “%s”", key);
  return NULL;
}

static GArray *
summarise (Fixture     *fixture,
           HsDimension  by,
           gint64       agreement_id)
{
  g_autoptr(GError) error = NULL;
  GArray *rows = hs_repository_summarise (fixture->repo, by, agreement_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* A summary with its EU parts filled in. */
static GArray *
summarise_eu (Fixture     *fixture,
              HsDimension  by,
              gint64       agreement_id)
{
  g_autoptr(GError) error = NULL;
  GArray *rows = summarise (fixture, by, agreement_id);

  g_assert_true (hs_sqlite_repository_add_eu_parts (HS_SQLITE_REPOSITORY (fixture->repo), by, agreement_id,
                                                    rows, &error));
  g_assert_no_error (error);
  return rows;
}

static void
assert_row (const HsSummaryRow *row,
            guint               projects,
            gint64              total_costs,
            gint64              eu_state,
            gint64              city,
            gint64              own_public,
            gint64              own_private,
            gint64              total_financing)
{
  g_assert_cmpuint (row->projects, ==, projects);
  g_assert_cmpint (row->total_costs, ==, total_costs);
  g_assert_cmpint (row->financing[HS_SOURCE_EU_STATE], ==, eu_state);
  g_assert_cmpint (row->financing[HS_SOURCE_CITY], ==, city);
  g_assert_cmpint (row->financing[HS_SOURCE_OTHER_PUBLIC], ==, 0);
  g_assert_cmpint (row->financing[HS_SOURCE_PRIVATE], ==, 0);
  g_assert_cmpint (row->financing[HS_SOURCE_OWN_PUBLIC], ==, own_public);
  g_assert_cmpint (row->financing[HS_SOURCE_OWN_PRIVATE], ==, own_private);
  g_assert_cmpint (row->total_financing, ==, total_financing);
}

static void
test_summaries (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GArray) rows = NULL;

  save_portfolio (fixture, projects);

  rows = summarise (fixture, HS_BY_AGREEMENT, 0);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 0).key, ==, "1");
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 0).label, ==, "Pääkaupunkiseutu (PKS)");
  assert_row (&g_array_index (rows, HsSummaryRow, 0), 2, 25200000, 15120000, 8960000, 1120000, 0, 25200000);
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 1).key, ==, "2");
  assert_row (&g_array_index (rows, HsSummaryRow, 1), 1, 6300000, 4000000, 1600000, 0, 700000, 6300000);
  g_clear_pointer (&rows, g_array_unref);

  rows = summarise (fixture, HS_BY_AGREEMENT, 2);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 0).key, ==, "2");
  g_clear_pointer (&rows, g_array_unref);

  rows = summarise (fixture, HS_BY_FOCUS_AREA, 0);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (find_row (rows, "1"), 1, 23800000, 14280000, 8400000, 1120000, 0, 23800000);
  assert_row (find_row (rows, "2"), 1, 1400000, 840000, 560000, 0, 0, 1400000);
  assert_row (find_row (rows, "5"), 1, 6300000, 4000000, 1600000, 0, 700000, 6300000);
  g_assert_cmpstr (find_row (rows, "5")->label, ==, "Sustainable Industry X (SIX)");
  g_clear_pointer (&rows, g_array_unref);

  /* By the implementer organisation's home municipality. */
  rows = summarise (fixture, HS_BY_CITY, 0);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 0).key, ==, "Espoo");
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 1).key, ==, "Helsinki");
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 2).key, ==, "Tampere");
  assert_row (find_row (rows, "Espoo"), 2, 4200000, 2520000, 560000, 1120000, 0, 4200000);
  assert_row (find_row (rows, "Helsinki"), 2, 21700000, 12600000, 8400000, 0, 700000, 21700000);
  assert_row (find_row (rows, "Tampere"), 1, 5600000, 4000000, 1600000, 0, 0, 5600000);
  g_clear_pointer (&rows, g_array_unref);

  rows = summarise (fixture, HS_BY_CITY, 2);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (find_row (rows, "Helsinki"), 1, 700000, 0, 0, 0, 700000, 700000);
  assert_row (find_row (rows, "Tampere"), 1, 5600000, 4000000, 1600000, 0, 0, 5600000);
  g_clear_pointer (&rows, g_array_unref);

  /* By budget year: costs only. */
  rows = summarise (fixture, HS_BY_YEAR, 0);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 0).key, ==, "2023");
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 0).label, ==, "2023");
  assert_row (find_row (rows, "2023"), 1, 14000000, 0, 0, 0, 0, 0);
  assert_row (find_row (rows, "2024"), 3, 15400000, 0, 0, 0, 0, 0);
  assert_row (find_row (rows, "2025"), 1, 2100000, 0, 0, 0, 0, 0);
  g_clear_pointer (&rows, g_array_unref);

  rows = summarise (fixture, HS_BY_YEAR, 1);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (find_row (rows, "2024"), 2, 11200000, 0, 0, 0, 0, 0);
  g_clear_pointer (&rows, g_array_unref);

  /* By status, in life-cycle order. */
  rows = summarise (fixture, HS_BY_STATUS, 0);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 0).key, ==, "draft");
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 1).key, ==, "submitted");
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 2).key, ==, "approved");
  g_assert_cmpstr (g_array_index (rows, HsSummaryRow, 2).label, ==, "Approved");
  assert_row (find_row (rows, "approved"), 1, 23800000, 14280000, 8400000, 1120000, 0, 23800000);
  assert_row (find_row (rows, "draft"), 1, 1400000, 840000, 560000, 0, 0, 1400000);
  g_clear_pointer (&rows, g_array_unref);

  /* By source: one row per source, used or not. */
  rows = summarise (fixture, HS_BY_SOURCE, 0);
  g_assert_cmpuint (rows->len, ==, HS_N_SOURCES);
  for (int s = 0; s < HS_N_SOURCES; s++)
    {
      const HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, s);
      g_assert_cmpstr (row->key, ==, hs_source_to_id (s));
      g_assert_cmpint (row->total_costs, ==, 0);
      g_assert_cmpint (row->total_financing, ==, row->financing[s]);
    }
  g_assert_cmpuint (find_row (rows, "eu-state")->projects, ==, 3);
  g_assert_cmpint (find_row (rows, "eu-state")->total_financing, ==, 19120000);
  g_assert_cmpuint (find_row (rows, "city")->projects, ==, 3);
  g_assert_cmpint (find_row (rows, "city")->total_financing, ==, 10560000);
  g_assert_cmpuint (find_row (rows, "other-public")->projects, ==, 0);
  g_assert_cmpint (find_row (rows, "other-public")->total_financing, ==, 0);
  g_assert_cmpuint (find_row (rows, "private")->projects, ==, 0);
  g_assert_cmpuint (find_row (rows, "own-public")->projects, ==, 1);
  g_assert_cmpint (find_row (rows, "own-public")->total_financing, ==, 1120000);
  g_assert_cmpuint (find_row (rows, "own-private")->projects, ==, 1);
  g_assert_cmpint (find_row (rows, "own-private")->total_financing, ==, 700000);
  g_clear_pointer (&rows, g_array_unref);

  /* An agreement without projects has empty summaries, not errors. */
  rows = summarise (fixture, HS_BY_CITY, 16);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_array_unref);
  rows = summarise (fixture, HS_BY_SOURCE, 16);
  g_assert_cmpuint (rows->len, ==, HS_N_SOURCES);
  g_assert_cmpint (find_row (rows, "eu-state")->total_financing, ==, 0);
}

static gint64
agreement_id_of (Fixture    *fixture,
                 const char *region)
{
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (fixture->repo, NULL);

  for (guint i = 0; i < agreements->len; i++)
    {
      HsAgreement *a = g_ptr_array_index (agreements, i);
      if (g_str_equal (a->region_name, region))
        return a->id;
    }
  g_assert_not_reached ();
}

static gint64
default_call_of (Fixture *fixture,
                 gint64   agreement_id)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (fixture->repo, agreement_id, NULL);

  g_assert_cmpuint (calls->len, >, 0);
  return ((HsCall *) g_ptr_array_index (calls, 0))->id;
}

/* The summaries' EU part of EU and state support, in SQL, by the region's
 * co-financing category and the call's instrument, to the cent of the
 * core rule (hs-cofinancing.h): Pääkaupunkiseudun haastemoottori (EU 40 %
 * in Helsinki-Uusimaa), Jyväskylän kasvu ja kestävä kaupunkikehitys (60 %)
 * and a project of an AKKE call (no EU part). */
static void
test_summaries_eu_state (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 pks = agreement_id_of (fixture, "Pääkaupunkiseutu (PKS)");
  gint64 jkl = agreement_id_of (fixture, "Jyväskylä");
  g_autoptr(HsCall) akke = hs_call_new_default ();
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  akke->agreement_id = jkl;
  akke->name = g_strdup ("Jyväskylä — AKKE 2021");
  akke->instrument = HS_INSTRUMENT_AKKE;
  g_assert_true (hs_repository_save_call (fixture->repo, akke, &error));
  g_assert_no_error (error);

  g_ptr_array_add (projects, published_pks_project (pks, default_call_of (fixture, pks)));
  g_ptr_array_add (projects, published_jyvaskyla_project (jkl, 0));   /* no call: EAKR */
  g_ptr_array_add (projects, published_akke_project (jkl, akke->id));
  save_portfolio (fixture, projects);

  rows = summarise_eu (fixture, HS_BY_AGREEMENT, 0);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (find_row (rows, "1")->financing[HS_SOURCE_EU_STATE], ==, PKS_HAASTEMOOTTORI_SUPPORT);
  g_assert_cmpint (find_row (rows, "1")->eu, ==, PKS_HAASTEMOOTTORI_EU);
  g_assert_cmpint (g_array_index (rows, HsSummaryRow, 1).financing[HS_SOURCE_EU_STATE], ==,
                   JKL_KASVU_SUPPORT + AKKE_SUPPORT);
  g_assert_cmpint (g_array_index (rows, HsSummaryRow, 1).eu, ==, JKL_KASVU_EU);
  g_clear_pointer (&rows, g_array_unref);

  rows = summarise_eu (fixture, HS_BY_FOCUS_AREA, jkl);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (g_array_index (rows, HsSummaryRow, 0).eu, ==, JKL_KASVU_EU);
  g_clear_pointer (&rows, g_array_unref);

  /* per implementer: 111 194,93 € and 55 597,47 € of the PKS project */
  rows = summarise_eu (fixture, HS_BY_CITY, 0);
  g_assert_cmpint (find_row (rows, "Helsinki")->eu, ==, 11119493);
  g_assert_cmpint (find_row (rows, "Espoo")->eu, ==, 5559747);
  g_assert_cmpint (find_row (rows, "Jyväskylä")->eu, ==, JKL_KASVU_EU);
  g_assert_cmpint (find_row (rows, "Jyväskylä")->financing[HS_SOURCE_EU_STATE], ==,
                   JKL_KASVU_SUPPORT + AKKE_SUPPORT);
  g_clear_pointer (&rows, g_array_unref);

  rows = summarise_eu (fixture, HS_BY_STATUS, 0);
  g_assert_cmpint (find_row (rows, "ongoing")->eu, ==, PKS_HAASTEMOOTTORI_EU + JKL_KASVU_EU);
  g_assert_cmpint (find_row (rows, "closed")->eu, ==, 0);
  g_assert_cmpint (find_row (rows, "closed")->financing[HS_SOURCE_EU_STATE], ==, AKKE_SUPPORT);
  g_clear_pointer (&rows, g_array_unref);

  rows = summarise_eu (fixture, HS_BY_SOURCE, 0);
  g_assert_cmpint (find_row (rows, "eu-state")->eu, ==, PKS_HAASTEMOOTTORI_EU + JKL_KASVU_EU);
  g_assert_cmpint (find_row (rows, "city")->eu, ==, 0);
  g_clear_pointer (&rows, g_array_unref);

  {
    g_autoptr(GArray) list = hs_repository_list_project_summaries (fixture->repo, &error);

    g_assert_no_error (error);
    g_assert_true (hs_sqlite_repository_add_project_eu_parts (HS_SQLITE_REPOSITORY (fixture->repo), list, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 3);
    for (guint i = 0; i < list->len; i++)
      {
        const HsProjectSummary *row = &g_array_index (list, HsProjectSummary, i);
        if (g_str_equal (row->code, AKKE_CODE))
          {
            g_assert_cmpint (row->instrument, ==, HS_INSTRUMENT_AKKE);
            g_assert_cmpint (row->eu, ==, 0);
          }
        else
          {
            g_assert_cmpint (row->instrument, ==, HS_INSTRUMENT_EAKR);
            g_assert_cmpint (row->eu, ==, g_str_equal (row->code, JKL_KASVU_CODE) ? JKL_KASVU_EU
                                                                                 : PKS_HAASTEMOOTTORI_EU);
          }
      }
  }
}

static void
test_project_summaries (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const HsProjectSummary *s;

  save_portfolio (fixture, projects);
  list = hs_repository_list_project_summaries (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);

  s = &g_array_index (list, HsProjectSummary, 0);
  g_assert_cmpint (s->id, ==, ((HsProject *) g_ptr_array_index (projects, 0))->id);
  g_assert_cmpstr (s->code, ==, "PKS-2023-001");
  g_assert_cmpstr (s->name, ==, "Testihanke PKS-2023-001");
  g_assert_cmpstr (s->main_implementer, ==, "Helsingin kaupunki");
  g_assert_cmpuint (s->partial_implementers, ==, 1);
  g_assert_cmpint (s->agreement_id, ==, 1);
  g_assert_cmpint (s->focus_area_id, ==, 1);
  g_assert_cmpstr (s->focus_area, ==, "Älykkäät ja kestävät kaupunkiratkaisut");
  g_assert_cmpint (s->status, ==, HS_STATUS_APPROVED);
  g_assert_cmpuint (g_date_get_year (&s->start_date), ==, 2023);
  g_assert_cmpuint (g_date_get_year (&s->end_date), ==, 2024);
  g_assert_cmpint (s->total_costs, ==, 23800000);
  g_assert_cmpint (s->eu_state, ==, 14280000);
  g_assert_cmpint (s->support_bp, ==, 6000);

  s = &g_array_index (list, HsProjectSummary, 1);
  g_assert_cmpstr (s->code, ==, "PKS-2024-002");
  g_assert_cmpstr (s->name, ==, "Test project PKS-2024-002");   /* no Finnish name */
  g_assert_cmpuint (s->partial_implementers, ==, 0);
  g_assert_cmpint (s->total_costs, ==, 1400000);

  s = &g_array_index (list, HsProjectSummary, 2);
  g_assert_cmpstr (s->code, ==, "TRE-2024-001");
  g_assert_cmpstr (s->main_implementer, ==, "Tampereen kaupunki");
  g_assert_cmpuint (s->partial_implementers, ==, 1);
  g_assert_cmpint (s->support_bp, ==, 6349);   /* 4 000 000 / 6 300 000 */
  g_assert_cmpuint (s->errors, >=, 1);         /* over the call's 60 % */

  /* The error and warning counts are those of the validation rules, with
   * the project's call and focus area. */
  calls = hs_repository_list_calls (fixture->repo, 0, &error);
  g_assert_no_error (error);
  focus_areas = hs_repository_list_focus_areas (fixture->repo, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *project = g_ptr_array_index (projects, i);
      HsValidationContext context = {
        g_ptr_array_index (calls, project->call_id - 1),
        g_ptr_array_index (focus_areas, project->focus_area_id - 1),
        HS_LANG_EN,
      };
      g_autoptr(GPtrArray) findings = hs_validate_project (project, &context);
      guint errors = hs_findings_count_errors (findings);

      s = &g_array_index (list, HsProjectSummary, i);
      g_assert_cmpuint (s->errors, ==, errors);
      g_assert_cmpuint (s->warnings, ==, findings->len - errors);
    }
  g_assert_cmpuint (g_array_index (list, HsProjectSummary, 0).errors, ==, 0);

  /* A project without implementers or budget is listed too. */
  {
    g_autoptr(HsProject) empty = hs_project_new ("AAA-EMPTY");
    g_autoptr(GArray) again = NULL;

    g_assert_true (hs_repository_save_project (fixture->repo, empty, &error));
    g_assert_no_error (error);
    again = hs_repository_list_project_summaries (fixture->repo, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 4);
    s = &g_array_index (again, HsProjectSummary, 0);
    g_assert_cmpstr (s->code, ==, "AAA-EMPTY");
    g_assert_cmpstr (s->name, ==, "AAA-EMPTY");
    g_assert_null (s->main_implementer);
    g_assert_null (s->focus_area);
    g_assert_cmpint (s->total_costs, ==, 0);
    g_assert_cmpint (s->support_bp, ==, 0);
    g_assert_cmpuint (s->errors, >=, 1);   /* no main implementer, no schedule */
  }
}

/* The agreements' rules read a line per project from the totals tables;
 * the lines are those hs_portfolio_project_init () makes of the loaded
 * projects (the interface's fallback), costs outside the programme's years
 * included. */
static gboolean
portfolio_line_cb (HsProject *project,
                   gpointer   user_data)
{
  GArray *lines = user_data;

  g_array_set_size (lines, lines->len + 1);
  hs_portfolio_project_init (&g_array_index (lines, HsPortfolioProject, lines->len - 1), project);
  return TRUE;
}

static void
test_portfolio_projects (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (fixture->repo, NULL);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (fixture->repo, 0, NULL);
  g_autoptr(GPtrArray) projects = hs_generate_portfolio (agreements, focus_areas, 120, 7);
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) walked = g_array_new (FALSE, TRUE, sizeof (HsPortfolioProject));
  g_autoptr(GError) error = NULL;
  HsProject *first = g_ptr_array_index (projects, 0);
  HsImplementer *main_impl = g_ptr_array_index (first->implementers, 0);
  HsBudgetLine early = { HS_COST_STAFF, 2019, 1234567, FALSE };
  HsBudgetLine late = { HS_COST_STAFF, 2031, 7654321, FALSE };
  guint years_with_support = 0;

  g_array_append_val (main_impl->budget, early);
  g_array_append_val (main_impl->budget, late);
  save_portfolio (fixture, projects);

  lines = hs_repository_list_portfolio_projects (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_true (hs_repository_foreach_project (fixture->repo, portfolio_line_cb, walked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, projects->len);
  g_assert_cmpuint (walked->len, ==, lines->len);

  for (guint i = 0; i < lines->len; i++)
    {
      const HsPortfolioProject *a = &g_array_index (lines, HsPortfolioProject, i);
      const HsPortfolioProject *b = NULL;

      /* foreach walks in code order, the list is in id order */
      for (guint j = 0; b == NULL && j < walked->len; j++)
        if (g_array_index (walked, HsPortfolioProject, j).id == a->id)
          b = &g_array_index (walked, HsPortfolioProject, j);
      g_assert_nonnull (b);
      if (i > 0)
        g_assert_cmpint (g_array_index (lines, HsPortfolioProject, i - 1).id, <, a->id);
      g_assert_cmpint (a->agreement_id, ==, b->agreement_id);
      g_assert_cmpint (a->call_id, ==, b->call_id);
      g_assert_cmpint (a->status, ==, b->status);
      g_assert_true (a->totals_ok);
      g_assert_true (b->totals_ok);
      g_assert_cmpint (a->total_costs, ==, b->total_costs);
      g_assert_cmpint (a->eu_state, ==, b->eu_state);
      g_assert_cmpint (a->city, ==, b->city);
      for (guint y = 0; y < HS_PORTFOLIO_N_YEARS; y++)
        {
          g_assert_cmpint (a->eu_state_by_year[y], ==, b->eu_state_by_year[y]);
          years_with_support += a->eu_state_by_year[y] != 0;
        }
    }
  g_assert_cmpuint (years_with_support, >, lines->len);   /* the shares are there */

  /* the first project's costs of 2019 and 2031 are in its total, in no year */
  {
    const HsPortfolioProject *a = NULL;
    gint64 in_years = 0;

    for (guint i = 0; a == NULL && i < lines->len; i++)
      if (g_array_index (lines, HsPortfolioProject, i).id == first->id)
        a = &g_array_index (lines, HsPortfolioProject, i);
    g_assert_nonnull (a);
    for (guint y = 0; y < HS_PORTFOLIO_N_YEARS; y++)
      in_years += a->eu_state_by_year[y];
    g_assert_cmpint (in_years, >, 0);
    g_assert_cmpint (in_years, <, a->eu_state);
  }
}

/* The projects of each organisation, with its part of their costs, in one
 * query; the interface's fallback (walking the projects) agrees. */
static gint64
org_id_by_name (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = hs_repository_list_organisations (fixture->repo, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < orgs->len; i++)
    {
      const HsOrganisation *org = g_ptr_array_index (orgs, i);
      if (g_strcmp0 (org->name, name) == 0)
        return org->id;
    }
  g_error ("no organisation “%s”", name);
  return 0;
}

static GArray *
roles_of (GArray *roles,
          gint64  organisation_id)
{
  GArray *mine = g_array_new (FALSE, TRUE, sizeof (HsOrganisationRole));

  for (guint i = 0; i < roles->len; i++)
    if (g_array_index (roles, HsOrganisationRole, i).organisation_id == organisation_id)
      g_array_append_val (mine, g_array_index (roles, HsOrganisationRole, i));
  return mine;
}

static void
assert_roles_equal (GArray *a,
                    GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpmem (&g_array_index (a, HsOrganisationRole, i), sizeof (HsOrganisationRole),
                     &g_array_index (b, HsOrganisationRole, i), sizeof (HsOrganisationRole));
}

static void
test_organisation_roles (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GArray) roles = NULL;
  g_autoptr(GArray) helsinki = NULL;
  g_autoptr(GArray) aalto = NULL;
  g_autoptr(GError) error = NULL;
  HsProject *pks1 = g_ptr_array_index (projects, 0);
  HsProject *pks2 = g_ptr_array_index (projects, 1);
  HsProject *tre = g_ptr_array_index (projects, 2);
  gint64 aalto_id;

  /* An empty portfolio: no rows, no error. */
  roles = hs_repository_list_organisation_roles (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 0);
  g_clear_pointer (&roles, g_array_unref);

  save_portfolio (fixture, projects);
  roles = hs_repository_list_organisation_roles (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 5);
  for (guint i = 1; i < roles->len; i++)
    g_assert_cmpint (g_array_index (roles, HsOrganisationRole, i - 1).organisation_id, <=,
                     g_array_index (roles, HsOrganisationRole, i).organisation_id);

  /* 150 000,00 € of staff costs and 40 % flat rate */
  helsinki = roles_of (roles, org_id_by_name (fixture, "Helsingin kaupunki"));
  g_assert_cmpuint (helsinki->len, ==, 1);
  g_assert_cmpint (g_array_index (helsinki, HsOrganisationRole, 0).project_id, ==, pks1->id);
  g_assert_cmpint (g_array_index (helsinki, HsOrganisationRole, 0).implementer_id, ==,
                   ((HsImplementer *) g_ptr_array_index (pks1->implementers, 0))->id);
  g_assert_true (g_array_index (helsinki, HsOrganisationRole, 0).is_main);
  g_assert_cmpint (g_array_index (helsinki, HsOrganisationRole, 0).total_costs, ==, 21000000);

  aalto_id = org_id_by_name (fixture, "Aalto-yliopisto");
  aalto = roles_of (roles, aalto_id);
  g_assert_cmpuint (aalto->len, ==, 1);
  g_assert_false (g_array_index (aalto, HsOrganisationRole, 0).is_main);
  g_assert_cmpint (g_array_index (aalto, HsOrganisationRole, 0).total_costs, ==, 2800000);
  g_clear_pointer (&aalto, g_array_unref);

  /* Aalto joins TRE-2024-001 and PKS-2024-002: three projects, in code order. */
  {
    HsImplementer *partner = store_test_implementer ("Aalto-yliopisto", "2228357-4",
                                                     HS_ORG_UNIVERSITY, "Espoo", FALSE);
    hs_implementer_set_cost (partner, HS_COST_STAFF, 2025, 100000);
    g_ptr_array_add (tre->implementers, partner);
    g_assert_true (hs_repository_save_project (fixture->repo, tre, &error));
    g_assert_no_error (error);
    g_ptr_array_add (pks2->implementers,
                     store_test_implementer ("Aalto-yliopisto", "2228357-4", HS_ORG_UNIVERSITY, "Espoo", FALSE));
    g_assert_true (hs_repository_save_project (fixture->repo, pks2, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&roles, g_array_unref);
  roles = hs_repository_list_organisation_roles (fixture->repo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 7);
  aalto = roles_of (roles, aalto_id);
  g_assert_cmpuint (aalto->len, ==, 3);
  g_assert_cmpint (g_array_index (aalto, HsOrganisationRole, 0).project_id, ==, pks1->id);
  g_assert_cmpint (g_array_index (aalto, HsOrganisationRole, 1).project_id, ==, pks2->id);
  g_assert_cmpint (g_array_index (aalto, HsOrganisationRole, 1).total_costs, ==, 0);
  g_assert_cmpint (g_array_index (aalto, HsOrganisationRole, 2).project_id, ==, tre->id);
  g_assert_cmpint (g_array_index (aalto, HsOrganisationRole, 2).total_costs, ==, 140000);
  g_clear_pointer (&aalto, g_array_unref);

  /* The wrapper's fallback for implementations without the vfunc gives the
   * same rows from the loaded projects. */
  {
    HsRepositoryInterface *iface = HS_REPOSITORY_GET_IFACE (fixture->repo);
    GArray *(*saved) (HsRepository *, GError **) = iface->list_organisation_roles;
    g_autoptr(GArray) walked = NULL;

    iface->list_organisation_roles = NULL;
    walked = hs_repository_list_organisation_roles (fixture->repo, &error);
    iface->list_organisation_roles = saved;
    g_assert_no_error (error);
    assert_roles_equal (walked, roles);
  }

  /* Deleting a project takes its rows away; undo brings them back. */
  g_assert_true (hs_repository_delete_project (fixture->repo, tre->id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) after = hs_repository_list_organisation_roles (fixture->repo, &error);
    g_autofree char *undone = NULL;
    g_autoptr(GArray) again = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, 4);
    for (guint i = 0; i < after->len; i++)
      g_assert_cmpint (g_array_index (after, HsOrganisationRole, i).project_id, !=, tre->id);

    undone = hs_repository_undo (fixture->repo, &error);
    g_assert_no_error (error);
    again = hs_repository_list_organisation_roles (fixture->repo, &error);
    g_assert_no_error (error);
    assert_roles_equal (again, roles);
  }
}

/* Undo and redo */

static void
assert_stored (Fixture         *fixture,
               const HsProject *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) stored = hs_repository_load_project (fixture->repo, expected->id, &error);

  g_assert_no_error (error);
  g_assert_true (hs_project_equal (stored, expected));
}

static void
assert_absent (Fixture    *fixture,
               const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) stored = hs_repository_load_project_by_code (fixture->repo, code, &error);

  g_assert_null (stored);
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND);
}

static char *
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *description = hs_repository_undo (fixture->repo, &error);

  g_assert_no_error (error);
  g_assert_nonnull (description);
  return description;
}

static char *
redo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *description = hs_repository_redo (fixture->repo, &error);

  g_assert_no_error (error);
  g_assert_nonnull (description);
  return description;
}

static void
test_undo_create (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsProject *project = g_ptr_array_index (projects, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_views = describe_views (fixture);
  g_autofree char *views = NULL;
  g_autofree char *description = NULL;
  gint64 orgs_before = count_rows (fixture, "SELECT COUNT (*) FROM organisation");

  save_portfolio (fixture, projects);
  g_ptr_array_remove_range (projects, 1, 2);
  fixture_close (fixture);     /* undo works across sessions: the log is in the file */
  fixture_open (fixture, HS_OPEN_DEFAULT);
  fixture->changed = 0;
  g_free (undo (fixture));
  g_free (undo (fixture));
  views = describe_views (fixture);
  g_assert_true (hs_repository_can_undo (fixture->repo));

  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Add project PKS-2023-001");
  assert_absent (fixture, "PKS-2023-001");
  g_assert_cmpuint (fixture->changed, ==, 3);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, empty_views);
  }
  /* The organisations the project brought are gone with it. */
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM organisation"), ==, orgs_before);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project_totals"), ==, 0);
  g_assert_false (hs_repository_can_undo (fixture->repo));
  g_assert_null (hs_repository_undo (fixture->repo, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  g_clear_pointer (&description, g_free);
  description = redo (fixture);
  g_assert_cmpstr (description, ==, "Add project PKS-2023-001");
  assert_stored (fixture, project);   /* the same ids, implementers included */
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views);
  }
  g_assert_true (hs_sqlite_repository_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* Two copies of one project, as two windows or programs hold them: the
 * first save wins, the second is refused as stale and changes nothing;
 * undo is a change too; a rolled-back save leaves the copy's version. */
static void
test_stale_save (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsProject *project = g_ptr_array_index (projects, 0);
  g_autoptr(HsProject) mine = NULL;
  g_autoptr(HsProject) theirs = NULL;
  g_autoptr(HsProject) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();

  save_portfolio (fixture, projects);
  g_assert_cmpint (project->version, ==, 1);
  mine = hs_repository_load_project (fixture->repo, project->id, &error);
  theirs = hs_repository_load_project (fixture->repo, project->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->version, ==, 1);

  g_free (theirs->acronym);
  theirs->acronym = g_strdup ("THEIRS");
  g_assert_true (hs_repository_save_project (fixture->repo, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (theirs->version, ==, 2);

  g_free (mine->name_fi);
  mine->name_fi = g_strdup ("Vanhan kopion nimi");
  g_assert_false (hs_repository_save_project (fixture->repo, mine, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, project->code));
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
  g_clear_error (&error);
  g_assert_cmpint (mine->version, ==, 1);
  stored = hs_repository_load_project (fixture->repo, project->id, &error);
  g_assert_cmpstr (stored->acronym, ==, "THEIRS");
  g_assert_cmpstr (stored->name_fi, !=, "Vanhan kopion nimi");
  g_assert_cmpint (stored->version, ==, 2);

  /* undo is a change: the copy saved before it is stale now */
  g_free (undo (fixture));
  g_clear_pointer (&stored, hs_project_free);
  stored = hs_repository_load_project (fixture->repo, project->id, &error);
  g_assert_cmpint (stored->version, ==, 3);
  g_assert_false (hs_repository_save_project (fixture->repo, theirs, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_STALE);
  g_clear_error (&error);

  /* a batch that fails rolls back, and the copy keeps its version */
  g_free (stored->acronym);
  stored->acronym = g_strdup ("BATCH");
  g_ptr_array_add (batch, stored);
  g_ptr_array_add (batch, g_ptr_array_index (projects, 1));
  g_free (((HsProject *) g_ptr_array_index (projects, 1))->code);
  ((HsProject *) g_ptr_array_index (projects, 1))->code = g_strdup (stored->code);   /* a duplicate code */
  g_assert_false (hs_repository_save_projects (fixture->repo, batch, "clash", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (stored->version, ==, 3);
  g_assert_true (hs_repository_save_project (fixture->repo, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 4);
}

static void
test_undo_edit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsProject *project = g_ptr_array_index (projects, 0);
  g_autoptr(HsProject) original = NULL;
  g_autoptr(HsProject) edited = NULL;
  g_autofree char *views_before = NULL;
  g_autofree char *views_after = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  HsImplementer *partner;

  save_portfolio (fixture, projects);
  original = hs_project_copy (project);
  views_before = describe_views (fixture);

  /* Rename, change the budget, drop the partner and take a new one. */
  g_free (project->name_fi);
  project->name_fi = g_strdup ("Uusi nimi");
  hs_implementer_set_cost (g_ptr_array_index (project->implementers, 0), HS_COST_STAFF, 2024, 6000000);
  g_ptr_array_remove_index (project->implementers, 1);
  partner = store_test_implementer ("Laurea-ammattikorkeakoulu Oy", "1046216-1", HS_ORG_UAS, "Vantaa", FALSE);
  hs_implementer_set_cost (partner, HS_COST_STAFF, 2024, 100000);
  hs_implementer_set_financing (partner, HS_SOURCE_OWN_PUBLIC, 140000);
  g_ptr_array_add (project->implementers, partner);
  g_assert_true (hs_repository_save_project (fixture->repo, project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (project->id, ==, original->id);
  g_assert_cmpint (((HsImplementer *) g_ptr_array_index (project->implementers, 0))->id, ==,
                   ((HsImplementer *) g_ptr_array_index (original->implementers, 0))->id);
  edited = hs_project_copy (project);
  assert_stored (fixture, edited);
  views_after = describe_views (fixture);
  g_assert_cmpstr (views_before, !=, views_after);

  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Edit project PKS-2023-001");
  assert_stored (fixture, original);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views_before);
  }
  g_assert_true (hs_repository_can_redo (fixture->repo));

  g_free (redo (fixture));
  assert_stored (fixture, edited);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views_after);
  }

  /* Back and forth again: still exact. */
  g_free (undo (fixture));
  assert_stored (fixture, original);
  g_free (redo (fixture));
  assert_stored (fixture, edited);
  g_assert_true (hs_sqlite_repository_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* Saves @project and checks what undo and redo call it, and that both
 * give back exactly the versions before and after. */
static void
save_undo_redo (Fixture    *fixture,
                HsProject  *project,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) before = hs_repository_load_project (fixture->repo, project->id, &error);
  g_autoptr(HsProject) after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_no_error (error);
  g_assert_true (hs_repository_save_project (fixture->repo, project, &error));
  g_assert_no_error (error);
  after = hs_repository_load_project (fixture->repo, project->id, &error);
  g_assert_no_error (error);

  undone = undo (fixture);
  g_assert_cmpstr (undone, ==, expected);
  assert_stored (fixture, before);
  redone = redo (fixture);
  g_assert_cmpstr (redone, ==, expected);
  assert_stored (fixture, after);
  /* the copy goes on from the version redo stored */
  {
    g_autoptr(HsProject) now = hs_repository_load_project (fixture->repo, project->id, &error);
    g_assert_no_error (error);
    project->version = now->version;
  }
}

/* A financing plan split by year: stored per (source, year) and read back
 * as it was, the totals still per source (the views do not change when
 * the city's money is split to the same sum), undone and redone exactly. */
static void
test_yearly_financing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsProject *project = g_ptr_array_index (projects, 0);
  g_autofree char *views_before = NULL;
  g_autofree char *views_after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(HsProject) before = NULL;
  g_autoptr(HsProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  HsImplementer *main_impl;
  gint64 city;

  save_portfolio (fixture, projects);
  views_before = describe_views (fixture);
  before = hs_project_copy (project);

  main_impl = hs_project_get_main (project);
  city = hs_implementer_get_financing (main_impl, HS_SOURCE_CITY);
  g_assert_cmpint (city, >, 0);
  hs_implementer_set_financing (main_impl, HS_SOURCE_CITY, 0);
  hs_implementer_set_financing_year (main_impl, HS_SOURCE_CITY, 2023, city / 4);
  hs_implementer_set_financing_year (main_impl, HS_SOURCE_CITY, 2024, city - city / 4);
  hs_implementer_set_financing_year (main_impl, HS_SOURCE_OWN_PUBLIC, 2025, 0);
  expected = hs_project_describe_change (before, project);
  save_undo_redo (fixture, project, expected);

  loaded = load_by_code (fixture, project->code);
  g_assert_true (hs_project_equal (loaded, project));
  main_impl = hs_project_get_main (loaded);
  g_assert_cmpint (hs_implementer_get_financing_year (main_impl, HS_SOURCE_CITY, 2023), ==, city / 4);
  g_assert_cmpint (hs_implementer_get_financing_year (main_impl, HS_SOURCE_CITY, 2024), ==, city - city / 4);
  g_assert_cmpint (hs_implementer_get_financing_year (main_impl, HS_SOURCE_CITY, 0), ==, 0);
  g_assert_cmpint (hs_implementer_get_financing (main_impl, HS_SOURCE_CITY), ==, city);
  /* as the file holds it, read by another connection */
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM financing_line WHERE source = 'city' AND year = 2023"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM financing_line WHERE source = 'city' AND year = 2024"), ==, 1);
  /* the totals sum per source: the same as undivided */
  views_after = describe_views (fixture);
  g_assert_cmpstr (views_after, ==, views_before);

  /* a year the store cannot hold is refused with a message, not SQLite's */
  hs_implementer_set_financing_year (main_impl, HS_SOURCE_CITY, 1999, 1);
  g_assert_false (hs_repository_save_project (fixture->repo, loaded, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1999"));
  g_assert_true (hs_sqlite_repository_check_integrity (fixture->store, NULL));
}

/* The v1 form of a v2 project snapshot: financing lines without the year
 * (the lines must be undivided). */
static GVariant *
snapshot_to_v1 (GVariant *v2)
{
  gsize n = g_variant_n_children (v2);
  g_autofree GVariant **children = g_new0 (GVariant *, n);
  g_autoptr(GVariant) implementers = g_variant_get_child_value (v2, 16);
  GVariantBuilder builder;
  GVariant *result;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xbm(xmsmssmsb)a(sixb)a(sx))"));
  for (gsize i = 0; i < g_variant_n_children (implementers); i++)
    {
      g_autoptr(GVariant) impl = g_variant_get_child_value (implementers, i);
      g_autoptr(GVariant) financing = g_variant_get_child_value (impl, 4);
      GVariant *parts[5];
      GVariantBuilder lines;

      g_variant_builder_init (&lines, G_VARIANT_TYPE ("a(sx)"));
      for (gsize j = 0; j < g_variant_n_children (financing); j++)
        {
          const char *source;
          gint32 year;
          gint64 amount;

          g_variant_get_child (financing, j, "(&six)", &source, &year, &amount);
          g_assert_cmpint (year, ==, 0);
          g_variant_builder_add (&lines, "(sx)", source, amount);
        }
      for (gsize k = 0; k < 4; k++)
        parts[k] = g_variant_get_child_value (impl, k);
      parts[4] = g_variant_ref_sink (g_variant_builder_end (&lines));
      g_variant_builder_add_value (&builder, g_variant_new_tuple (parts, 5));
      for (gsize k = 0; k < 5; k++)
        g_variant_unref (parts[k]);
    }
  for (gsize i = 0; i < n; i++)
    children[i] = i == 16 ? g_variant_ref_sink (g_variant_builder_end (&builder))
                : i == 0 ? g_variant_ref_sink (g_variant_new_uint32 (1))
                : g_variant_get_child_value (v2, i);
  result = g_variant_ref_sink (g_variant_new_tuple (children, n));
  for (gsize i = 0; i < n; i++)
    g_variant_unref (children[i]);
  g_assert_true (g_variant_is_of_type (result, hs_project_variant_type_1 ()));
  return result;
}

/* An action log written before financing had years (version-1 snapshots)
 * still undoes and redoes. */
static void
test_undo_old_snapshot (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsProject *project = g_ptr_array_index (projects, 0);
  g_autoptr(HsProject) original = NULL;
  g_autoptr(HsProject) edited = NULL;
  g_autoptr(GVariant) v2 = NULL;
  g_autoptr(GVariant) v1 = NULL;
  g_autoptr(GVariant) boxed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  save_portfolio (fixture, projects);
  original = load_by_code (fixture, project->code);
  g_free (project->name_fi);
  project->name_fi = g_strdup ("Vanha loki");
  g_assert_true (hs_repository_save_project (fixture->repo, project, &error));
  g_assert_no_error (error);
  edited = load_by_code (fixture, project->code);

  /* the edit's "before" as an old version wrote it */
  v2 = hs_project_to_variant (original);
  v1 = snapshot_to_v1 (v2);
  boxed = g_variant_ref_sink (g_variant_new_variant (v1));
  bytes = g_variant_get_data_as_bytes (boxed);
  db = store_test_sqlite_open (fixture->tmp.path, TRUE);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "UPDATE action_item SET before = ?1"
                                       " WHERE action_id = (SELECT MAX (id) FROM action_log) AND entity = 'project'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_free (undo (fixture));
  assert_stored (fixture, original);
  g_free (redo (fixture));
  assert_stored (fixture, edited);
  g_free (undo (fixture));
  assert_stored (fixture, original);
  g_assert_true (hs_sqlite_repository_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* An edit of one thing is described by what it changed: undo's toast
 * says "Undone: Edit project PKS-2023-001: name". */
static void
test_undo_described (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsProject *project = g_ptr_array_index (projects, 0);
  HsImplementer *main_impl;
  HsImplementer *partner;
  g_autoptr(GError) error = NULL;
  char *expected;

  save_portfolio (fixture, projects);
  main_impl = hs_project_get_main (project);

  g_free (project->name_fi);
  project->name_fi = g_strdup ("Uusi nimi");
  save_undo_redo (fixture, project, "Edit project PKS-2023-001: name");

  hs_implementer_set_cost (main_impl, HS_COST_TRAVEL, 2024, 120000);
  expected = g_strdup_printf ("Edit project PKS-2023-001: budget of %s", main_impl->organisation->name);
  save_undo_redo (fixture, project, expected);
  g_free (expected);

  hs_implementer_set_financing (main_impl, HS_SOURCE_CITY,
                                hs_implementer_get_financing (main_impl, HS_SOURCE_CITY) + 120000);
  expected = g_strdup_printf ("Edit project PKS-2023-001: financing of %s", main_impl->organisation->name);
  save_undo_redo (fixture, project, expected);
  g_free (expected);

  g_date_add_months (&project->end_date, 6);
  save_undo_redo (fixture, project, "Edit project PKS-2023-001: schedule");

  partner = store_test_implementer ("Laurea-ammattikorkeakoulu Oy", "1046216-1", HS_ORG_UAS, "Vantaa", FALSE);
  hs_implementer_set_cost (partner, HS_COST_STAFF, 2024, 100000);
  hs_implementer_set_financing (partner, HS_SOURCE_OWN_PUBLIC, 140000);
  g_ptr_array_add (project->implementers, partner);
  save_undo_redo (fixture, project, "Add implementer Laurea-ammattikorkeakoulu Oy to project PKS-2023-001");

  g_ptr_array_remove (project->implementers, partner);
  save_undo_redo (fixture, project, "Remove implementer Laurea-ammattikorkeakoulu Oy from project PKS-2023-001");

  /* two things at once: the project */
  g_free (project->acronym);
  project->acronym = g_strdup ("UN");
  g_free (project->summary);
  project->summary = g_strdup ("Toinen tiivistelmä");
  save_undo_redo (fixture, project, "Edit project PKS-2023-001");

  g_assert_true (hs_sqlite_repository_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsProject *project = g_ptr_array_index (projects, 2);
  g_autofree char *views = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;

  save_portfolio (fixture, projects);
  views = describe_views (fixture);

  g_assert_true (hs_repository_delete_project (fixture->repo, project->id, &error));
  g_assert_no_error (error);
  assert_absent (fixture, "TRE-2024-001");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM implementer"), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project_year_totals"), ==, 3);

  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Delete project TRE-2024-001");
  assert_stored (fixture, project);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views);
  }

  g_free (redo (fixture));
  assert_absent (fixture, "TRE-2024-001");
  g_free (undo (fixture));
  assert_stored (fixture, project);
}

static void
test_undo_status (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsProject *project = g_ptr_array_index (projects, 1);   /* a draft */
  g_autoptr(HsProject) draft = NULL;
  g_autoptr(HsProject) submitted = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  HsStatusChange change;

  save_portfolio (fixture, projects);
  draft = hs_project_copy (project);

  project->status = HS_STATUS_SUBMITTED;
  change.status = HS_STATUS_SUBMITTED;
  g_date_clear (&change.date, 1);
  g_date_set_dmy (&change.date, 3, G_DATE_MARCH, 2024);
  g_array_append_val (project->history, change);
  g_assert_true (hs_repository_save_project (fixture->repo, project, &error));
  g_assert_no_error (error);
  submitted = hs_project_copy (project);

  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Change the status of project PKS-2024-002 to Submitted");
  assert_stored (fixture, draft);
  {
    g_autoptr(GArray) rows = summarise (fixture, HS_BY_STATUS, 0);
    g_assert_cmpuint (find_row (rows, "draft")->projects, ==, 1);
  }
  g_free (redo (fixture));
  assert_stored (fixture, submitted);
  {
    g_autoptr(GArray) rows = summarise (fixture, HS_BY_STATUS, 0);
    g_assert_cmpuint (find_row (rows, "submitted")->projects, ==, 2);
  }
}

static void
test_redo_tail (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GError) error = NULL;
  HsProject *first = g_ptr_array_index (projects, 0);

  save_portfolio (fixture, projects);
  g_free (undo (fixture));
  g_free (undo (fixture));
  g_assert_true (hs_repository_can_redo (fixture->repo));

  /* A new action forgets what was undone. */
  g_free (first->acronym);
  first->acronym = g_strdup ("NEW");
  g_assert_true (hs_repository_save_project (fixture->repo, first, &error));
  g_assert_no_error (error);
  g_assert_false (hs_repository_can_redo (fixture->repo));
  g_assert_null (hs_repository_redo (fixture->repo, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  assert_absent (fixture, "PKS-2024-002");
  assert_absent (fixture, "TRE-2024-001");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM action_log"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM action_log WHERE undone = 1"), ==, 0);
  /* creating PKS-2023-001 brought its two organisations: 3 items; the edit 1 */
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM action_item"), ==, 3 + 1);
}

static void
test_undo_batch (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) first = store_test_portfolio ();
  g_autoptr(GPtrArray) batch = store_test_batch ("B-", 40);
  g_autoptr(GError) error = NULL;
  g_autofree char *views_before = NULL;
  g_autofree char *views_after = NULL;
  g_autofree char *description = NULL;
  HsProject *edited = g_ptr_array_index (first, 0);
  g_autoptr(HsProject) original = NULL;
  g_autoptr(HsProject) edited_copy = NULL;

  save_portfolio (fixture, first);
  views_before = describe_views (fixture);
  original = hs_project_copy (edited);

  /* A batch may also replace stored projects. */
  g_free (edited->name_sv);
  edited->name_sv = g_strdup ("Nytt namn");
  g_ptr_array_add (batch, hs_project_copy (edited));
  g_assert_true (hs_repository_save_projects (fixture->repo, batch, "Import projects.xml", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 4);
  edited_copy = hs_project_copy (g_ptr_array_index (batch, 40));
  views_after = describe_views (fixture);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 43);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM action_log WHERE kind = 'batch'"), ==, 1);

  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Import projects.xml");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 3);
  assert_stored (fixture, original);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views_before);
  }

  g_free (redo (fixture));
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 43);
  for (guint i = 0; i < 40; i++)
    assert_stored (fixture, g_ptr_array_index (batch, i));
  assert_stored (fixture, edited_copy);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views_after);
  }

  /* All or nothing: a batch with one bad project saves none. */
  {
    g_autoptr(GPtrArray) bad = store_test_batch ("C-", 5);
    HsProject *last = g_ptr_array_index (bad, 4);

    g_free (last->code);
    last->code = g_strdup ("B-00007");
    g_assert_false (hs_repository_save_projects (fixture->repo, bad, NULL, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project WHERE code LIKE 'C-%'"), ==, 0);
    for (guint i = 0; i < bad->len; i++)
      g_assert_cmpint (((HsProject *) g_ptr_array_index (bad, i))->id, ==, 0);
  }
}

/* A batch: several save_projects() calls, one transaction and one action. */
static void
save_chunk (Fixture    *fixture,
            const char *prefix,
            guint       n)
{
  g_autoptr(GPtrArray) chunk = store_test_batch (prefix, n);
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_repository_save_projects (fixture->repo, chunk, "ignored", &error));
  g_assert_no_error (error);
  /* the chunk is freed here, as an import frees it */
}

static void
test_batch_chunks (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) first = store_test_portfolio ();
  g_autoptr(GError) error = NULL;
  g_autofree char *views_before = NULL;
  g_autofree char *views_after = NULL;
  g_autofree char *description = NULL;
  HsProject *edited = g_ptr_array_index (first, 0);
  g_autoptr(HsProject) original = NULL;
  guint changed_before;

  save_portfolio (fixture, first);
  views_before = describe_views (fixture);
  original = hs_project_copy (edited);
  changed_before = fixture->changed;
  fixture->project_changed = 0;

  g_assert_true (hs_repository_begin_batch (fixture->repo, "Import big.xml", &error));
  g_assert_no_error (error);
  save_chunk (fixture, "B1-", 30);
  save_chunk (fixture, "B2-", 30);
  {
    g_autoptr(GPtrArray) chunk = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
    HsProject *copy = hs_project_copy (edited);

    g_free (copy->name_sv);
    copy->name_sv = g_strdup ("Nytt namn");
    g_ptr_array_add (chunk, copy);
    g_assert_true (hs_repository_save_projects (fixture->repo, chunk, NULL, &error));
    g_assert_no_error (error);
  }
  save_chunk (fixture, "B3-", 30);

  /* Inside the batch: reads see it, other actions wait for its end. */
  {
    g_autoptr(HsProject) inside = load_by_code (fixture, "B2-00003");
    g_assert_cmpint (inside->id, >, 0);
  }
  g_assert_false (hs_repository_save_project (fixture->repo, edited, &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (hs_repository_begin_batch (fixture->repo, "Again", &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changed, ==, changed_before);

  g_assert_true (hs_repository_commit_batch (fixture->repo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed_before + 1);
  g_assert_cmpuint (fixture->project_changed, ==, 0);
  views_after = describe_views (fixture);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 93);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM action_log WHERE kind = 'batch'"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (DISTINCT position) FROM action_item"
                                        " WHERE action_id = (SELECT id FROM action_log WHERE kind = 'batch')"),
                   ==, count_rows (fixture, "SELECT COUNT (*) FROM action_item"
                                            " WHERE action_id = (SELECT id FROM action_log WHERE kind = 'batch')"));

  /* one undo step takes all of it back, one redo brings it again */
  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Import big.xml");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 3);
  assert_stored (fixture, original);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views_before);
  }
  g_free (redo (fixture));
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views_after);
  }

  /* a batch that saves nothing is no action */
  g_assert_true (hs_repository_begin_batch (fixture->repo, "Nothing", &error));
  g_assert_true (hs_repository_commit_batch (fixture->repo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM action_log WHERE description = 'Nothing'"), ==, 0);
}

static void
test_batch_abort (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) first = store_test_portfolio ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  HsProject *edited = g_ptr_array_index (first, 1);
  guint changed_before;

  save_portfolio (fixture, first);
  fixture_close (fixture);
  before = store_test_read_file (fixture->tmp.path);
  g_assert_nonnull (before);

  fixture_open (fixture, HS_OPEN_DEFAULT);
  changed_before = fixture->changed;
  g_assert_true (hs_repository_begin_batch (fixture->repo, "Import aborted.xml", &error));
  g_assert_no_error (error);
  /* more than the batch's page cache holds: pages go to the WAL first */
  save_chunk (fixture, "A1-", 3000);
  {
    g_autofree char *wal = g_strconcat (fixture->tmp.path, "-wal", NULL);
    GStatBuf st;

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 1024 * 1024);
  }
  {
    g_autoptr(GPtrArray) chunk = store_test_batch ("A2-", 10);
    gint64 id = edited->id;

    g_free (edited->acronym);
    edited->acronym = g_strdup ("ABORT");
    g_ptr_array_add (chunk, hs_project_copy (edited));
    g_assert_true (hs_repository_save_projects (fixture->repo, chunk, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (((HsProject *) g_ptr_array_index (chunk, 10))->id, ==, id);
  }
  hs_repository_abort_batch (fixture->repo);
  hs_repository_abort_batch (fixture->repo);   /* nothing to abort: no-op */
  g_assert_cmpuint (fixture->changed, ==, changed_before);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 3);
  g_assert_false (hs_repository_commit_batch (fixture->repo, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* exactly as before, to the byte */
  fixture_close (fixture);
  after = store_test_read_file (fixture->tmp.path);
  g_assert_true (g_bytes_equal (before, after));
  fixture_open (fixture, HS_OPEN_DEFAULT);
}

/* A conflict in a later chunk rolls back the earlier ones too. */
static void
test_batch_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) first = store_test_portfolio ();
  g_autoptr(GPtrArray) bad = store_test_batch ("D2-", 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *views_before = NULL;
  g_autofree char *description = NULL;
  HsProject *last = g_ptr_array_index (bad, 4);
  guint changed_before;

  save_portfolio (fixture, first);
  views_before = describe_views (fixture);
  changed_before = fixture->changed;

  g_assert_true (hs_repository_begin_batch (fixture->repo, "Import conflict.xml", &error));
  g_assert_no_error (error);
  save_chunk (fixture, "D1-", 20);
  g_free (last->code);
  last->code = g_strdup ("PKS-2024-002");   /* a stored project's code, as a new project */
  g_assert_false (hs_repository_save_projects (fixture->repo, bad, NULL, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT);
  g_clear_error (&error);
  for (guint i = 0; i < bad->len; i++)
    g_assert_cmpint (((HsProject *) g_ptr_array_index (bad, i))->id, ==, 0);

  /* the batch is over and nothing of it stayed */
  hs_repository_abort_batch (fixture->repo);
  g_assert_false (hs_repository_commit_batch (fixture->repo, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changed, ==, changed_before);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project WHERE code LIKE 'D%'"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM action_log WHERE kind = 'batch'"), ==, 0);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views_before);
  }
  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Add project TRE-2024-001");

  /* and the repository takes new actions */
  g_free (redo (fixture));
  save_chunk (fixture, "D3-", 2);
}

/* "project-changed" names the one project an action touched, so views can
 * update one row; batches and organisation changes only say "changed". */
static void
test_project_changed_signal (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) first = store_test_portfolio ();
  g_autoptr(GPtrArray) batch = store_test_batch ("S-", 5);
  g_autoptr(GError) error = NULL;
  HsProject *edited = g_ptr_array_index (first, 0);
  HsProjectSummary summary = { 0 };
  guint changed_before;

  save_portfolio (fixture, first);

  fixture->project_changed = 0;
  changed_before = fixture->changed;
  g_free (edited->acronym);
  edited->acronym = g_strdup ("SIG");
  g_assert_true (hs_repository_save_project (fixture->repo, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->project_changed, ==, 1);
  g_assert_cmpint (fixture->last_project, ==, edited->id);
  g_assert_cmpuint (fixture->changed, ==, changed_before + 1);

  g_free (undo (fixture));
  g_assert_cmpuint (fixture->project_changed, ==, 2);
  g_assert_cmpint (fixture->last_project, ==, edited->id);

  g_assert_true (hs_repository_get_project_summary (fixture->repo, edited->id, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.code, ==, edited->code);
  hs_project_summary_clear (&summary);

  g_assert_true (hs_repository_delete_project (fixture->repo, edited->id, &error));
  g_assert_cmpuint (fixture->project_changed, ==, 3);
  g_assert_false (hs_repository_get_project_summary (fixture->repo, edited->id, &summary, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  changed_before = fixture->changed;
  g_assert_true (hs_repository_save_projects (fixture->repo, batch, "Batch", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->project_changed, ==, 3);
  g_assert_cmpuint (fixture->changed, ==, changed_before + 1);
}

/* A call edited: its projects' findings follow; undo restores both. */
static void
test_calls (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *views = NULL;
  HsCall *call;
  guint errors_before;

  save_portfolio (fixture, projects);
  views = describe_views (fixture);
  errors_before = count_rows (fixture, "SELECT errors FROM project_totals t JOIN project p ON p.id = t.project_id WHERE p.code = 'TRE-2024-001'");
  g_assert_cmpuint (errors_before, >=, 1);

  calls = hs_repository_list_calls (fixture->repo, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  call->max_support_bp = 7000;   /* now 63,5 % is allowed */
  g_assert_true (hs_repository_save_call (fixture->repo, call, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT errors FROM project_totals t JOIN project p ON p.id = t.project_id WHERE p.code = 'TRE-2024-001'"),
                   <, errors_before);

  {
    g_autofree char *description = undo (fixture);
    g_autofree char *now = describe_views (fixture);

    g_assert_cmpstr (description, ==, "Edit call Tampere — default call");
    g_assert_cmpstr (now, ==, views);
  }

  /* A new call, then undone. */
  {
    g_autoptr(HsCall) fresh = hs_call_new_default ();
    g_autofree char *description = NULL;

    fresh->agreement_id = 2;
    fresh->name = g_strdup ("Tampere 2025");
    g_date_set_dmy (&fresh->open_date, 1, G_DATE_MARCH, 2025);
    g_date_set_dmy (&fresh->close_date, 31, G_DATE_MARCH, 2025);
    g_assert_true (hs_repository_save_call (fixture->repo, fresh, &error));
    g_assert_no_error (error);
    g_assert_cmpint (fresh->id, ==, 16 + 7 + 1);   /* after the seeded calls */
    g_clear_pointer (&calls, g_ptr_array_unref);
    calls = hs_repository_list_calls (fixture->repo, 2, &error);
    g_assert_cmpuint (calls->len, ==, 2);
    g_assert_cmpuint (g_date_get_day (&((HsCall *) g_ptr_array_index (calls, 1))->close_date), ==, 31);
    description = undo (fixture);
    g_assert_cmpstr (description, ==, "Add call Tampere 2025");
    g_clear_pointer (&calls, g_ptr_array_unref);
    calls = hs_repository_list_calls (fixture->repo, 2, &error);
    g_assert_cmpuint (calls->len, ==, 1);
  }

  /* A call the schema refuses (support over 100 %). */
  {
    g_autoptr(HsCall) bad = hs_call_new_default ();

    bad->agreement_id = 2;
    bad->name = g_strdup ("Väärä");
    bad->max_support_bp = 12000;
    g_assert_false (hs_repository_save_call (fixture->repo, bad, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_cmpint (bad->id, ==, 0);
    g_clear_error (&error);
  }

  /* Every field of a call notice survives a save, a reload and an undo of
   * its deletion; a call that projects apply to is not deleted. */
  {
    g_autoptr(HsCall) joensuu = hs_call_new_default ();
    g_autoptr(HsCall) loaded = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autofree char *description = NULL;

    joensuu->agreement_id = 9;
    joensuu->name = g_strdup ("Joensuu 2023");
    joensuu->name_sv = g_strdup ("Joensuu 2023 (sv)");
    joensuu->name_en = g_strdup ("Joensuu 2023 call");
    joensuu->intermediary = g_strdup ("Pohjois-Karjalan maakuntaliitto");
    joensuu->instrument = HS_INSTRUMENT_EAKR;
    g_date_set_dmy (&joensuu->open_date, 21, G_DATE_AUGUST, 2023);
    g_date_set_dmy (&joensuu->close_date, 29, G_DATE_SEPTEMBER, 2023);
    joensuu->max_support_bp = 6000;
    joensuu->min_city_bp = 0;
    joensuu->max_city_bp = 2500;
    joensuu->min_own_bp = 1500;
    joensuu->max_duration_months = 24;
    joensuu->max_projects = 0;
    joensuu->money_available = 100000000;
    joensuu->city_money_available = 41500000;
    joensuu->description = g_strdup ("EAKR 1 M€, kaupunki 415 000 €");
    g_assert_true (hs_repository_save_call (fixture->repo, joensuu, &error));
    g_assert_no_error (error);

    /* Joensuu has its default call and the seeded 2023 call */
    all = hs_repository_list_calls (fixture->repo, 9, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 3);
    loaded = hs_call_copy (g_ptr_array_index (all, 2));
    g_assert_true (hs_call_equal (loaded, joensuu));

    /* Same name in the same agreement: refused with the name. */
    {
      g_autoptr(HsCall) twin = hs_call_copy (joensuu);
      twin->id = 0;
      g_assert_false (hs_repository_save_call (fixture->repo, twin, &error));
      g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT);
      g_assert_nonnull (strstr (error->message, "Joensuu 2023"));
      g_clear_error (&error);
    }

    g_assert_true (hs_repository_delete_call (fixture->repo, joensuu->id, &error));
    g_assert_no_error (error);
    g_clear_pointer (&all, g_ptr_array_unref);
    all = hs_repository_list_calls (fixture->repo, 9, &error);
    g_assert_cmpuint (all->len, ==, 2);
    description = undo (fixture);
    g_assert_cmpstr (description, ==, "Delete call Joensuu 2023 call");   /* its English name */
    g_clear_pointer (&all, g_ptr_array_unref);
    all = hs_repository_list_calls (fixture->repo, 9, &error);
    g_assert_cmpuint (all->len, ==, 3);
    g_assert_true (hs_call_equal (g_ptr_array_index (all, 2), joensuu));

    /* Tampere's default call has the projects of the test portfolio. */
    g_assert_false (hs_repository_delete_call (fixture->repo, 2, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "cannot be deleted"));
    g_clear_error (&error);
    g_assert_false (hs_repository_delete_call (fixture->repo, 999, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

/* What the schema refuses comes back as a GError and changes nothing. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *views = NULL;
  guint changed;

  save_portfolio (fixture, projects);
  views = describe_views (fixture);
  changed = fixture->changed;

  /* Duplicate code */
  {
    g_autoptr(GPtrArray) again = store_test_portfolio ();
    HsProject *copy = g_ptr_array_index (again, 1);
    HsImplementer *impl = g_ptr_array_index (copy->implementers, 0);

    g_free (copy->code);
    copy->code = g_strdup ("PKS-2023-001");
    g_free (impl->organisation->name);
    impl->organisation->name = g_strdup ("Uusi organisaatio");
    g_free (impl->organisation->business_id);
    impl->organisation->business_id = NULL;
    g_assert_false (hs_repository_save_project (fixture->repo, copy, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "PKS-2023-001"));
    g_clear_error (&error);
    /* The caller's structs keep the ids they had. */
    g_assert_cmpint (copy->id, ==, 0);
    g_assert_cmpint (impl->id, ==, 0);
    g_assert_cmpint (impl->organisation->id, ==, 0);
  }

  /* Renaming a stored project to another's code */
  {
    HsProject *second = g_ptr_array_index (projects, 1);
    g_autofree char *code = second->code;

    second->code = g_strdup ("TRE-2024-001");
    g_assert_false (hs_repository_save_project (fixture->repo, second, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_free (second->code);
    second->code = g_steal_pointer (&code);
  }

  /* Two main implementers */
  {
    HsProject *first = g_ptr_array_index (projects, 0);
    HsImplementer *partner = g_ptr_array_index (first->implementers, 1);

    partner->is_main = TRUE;
    g_assert_false (hs_repository_save_project (fixture->repo, first, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "main implementer"));
    g_clear_error (&error);
    partner->is_main = FALSE;
  }

  /* A negative amount and a year outside 2000–2100 */
  {
    HsProject *first = g_ptr_array_index (projects, 0);
    HsImplementer *impl = g_ptr_array_index (first->implementers, 0);
    HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, 0);
    gint64 amount = line->amount;

    line->amount = -1;
    g_assert_false (hs_repository_save_project (fixture->repo, first, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_clear_error (&error);
    line->amount = amount;

    hs_implementer_set_cost (impl, HS_COST_STAFF, 2150, 100);
    g_assert_false (hs_repository_save_project (fixture->repo, first, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_clear_error (&error);
    hs_implementer_set_cost (impl, HS_COST_STAFF, 2150, 0);
    g_assert_true (hs_project_update_derived (first, NULL));
  }

  /* A focus area that does not exist */
  {
    HsProject *first = g_ptr_array_index (projects, 0);

    first->focus_area_id = 9999;
    g_assert_false (hs_repository_save_project (fixture->repo, first, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    first->focus_area_id = 1;
  }

  /* Nothing of it reached the file or the log. */
  g_assert_cmpuint (fixture->changed, ==, changed);
  {
    g_autofree char *now = describe_views (fixture);
    g_assert_cmpstr (now, ==, views);
  }
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM project"), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM action_log"), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM organisation WHERE name = 'Uusi organisaatio'"), ==, 0);
  for (guint i = 0; i < projects->len; i++)
    assert_stored (fixture, g_ptr_array_index (projects, i));
  g_assert_true (hs_sqlite_repository_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* Bad files */

static void
assert_unchanged (const char *path,
                  GBytes     *expected)
{
  g_autoptr(GBytes) now = store_test_read_file (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_nonnull (now);
  g_assert_true (g_bytes_equal (now, expected));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_bad_files (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  HsSqliteRepository *store;
  g_autofree char *missing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GBytes) bytes = NULL;

  store_tmp_init (&tmp);

  /* Missing, without CREATE: an error, and no file appears. */
  missing = g_build_filename (tmp.dir, "missing.db", NULL);
  store = hs_sqlite_repository_open (missing, HS_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  store = hs_sqlite_repository_open (missing, HS_OPEN_READ_ONLY, &error);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A text file, even with CREATE: refused and byte for byte unchanged. */
  text = g_build_filename (tmp.dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (text, "Hankesalkku ei ole tämä.\nJust some text.\n", -1, NULL));
  bytes = store_test_read_file (text);
  for (HsOpenFlags flags = HS_OPEN_DEFAULT; flags <= HS_OPEN_READ_ONLY; flags++)
    {
      store = hs_sqlite_repository_open (text, flags, &error);
      g_assert_null (store);
      g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE);
      g_assert_nonnull (strstr (error->message, text));
      g_clear_error (&error);
      assert_unchanged (text, bytes);
    }
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Bytes that start like SQLite but are not. */
  {
    g_autofree char *fake = g_build_filename (tmp.dir, "fake.db", NULL);
    char data[4096];

    memset (data, 0x5a, sizeof data);
    memcpy (data, "SQLite format 3", 16);
    g_assert_true (g_file_set_contents (fake, data, sizeof data, NULL));
    bytes = store_test_read_file (fake);
    store = hs_sqlite_repository_open (fake, HS_OPEN_CREATE, &error);
    g_assert_null (store);
    g_assert_true (g_error_matches (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE)
                   || g_error_matches (error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT));
    g_clear_error (&error);
    assert_unchanged (fake, bytes);
    g_clear_pointer (&bytes, g_bytes_unref);
  }

  /* Another program's SQLite database. */
  foreign = g_build_filename (tmp.dir, "other.sqlite", NULL);
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  bytes = store_test_read_file (foreign);
  store = hs_sqlite_repository_open (foreign, HS_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, foreign));
  g_clear_error (&error);
  assert_unchanged (foreign, bytes);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* An empty file is no database either, unless we may create one. */
  empty = g_build_filename (tmp.dir, "empty.db", NULL);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  store = hs_sqlite_repository_open (empty, HS_OPEN_DEFAULT, &error);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);
  bytes = store_test_read_file (empty);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);
  store = hs_sqlite_repository_open (empty, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_object_unref (store);

  /* A folder */
  store = hs_sqlite_repository_open (tmp.dir, HS_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN);
  g_clear_error (&error);

  store_tmp_clear (&tmp);
}

/* Folds the WAL into the main file, so that its bytes are the database. */
static void
checkpoint (const char *path)
{
  sqlite3 *db = store_test_sqlite_open (path, TRUE);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_too_new (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  HsSqliteRepository *store;
  sqlite3 *db;

  store_tmp_init (&tmp);
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  db = store_test_sqlite_open (tmp.path, TRUE);
  sql = g_strdup_printf ("PRAGMA user_version = %d", hs_sqlite_schema_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  checkpoint (tmp.path);
  bytes = store_test_read_file (tmp.path);

  for (HsOpenFlags flags = HS_OPEN_DEFAULT; flags <= HS_OPEN_READ_ONLY; flags++)
    {
      store = hs_sqlite_repository_open (tmp.path, flags, &error);
      g_assert_null (store);
      g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_TOO_NEW);
      g_assert_nonnull (strstr (error->message, tmp.path));
      g_clear_error (&error);
      assert_unchanged (tmp.path, bytes);
    }

  store_tmp_clear (&tmp);
}

static void
test_read_only (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GArray) list = NULL;
  HsSqliteRepository *store;

  store_tmp_init (&tmp);
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    g_assert_true (hs_repository_save_project (HS_REPOSITORY (store), g_ptr_array_index (projects, i), NULL));
  g_object_unref (store);
  checkpoint (tmp.path);

  g_assert_cmpint (g_chmod (tmp.path, 0444), ==, 0);
  bytes = store_test_read_file (tmp.path);

  /* Writing is refused, the file unchanged (even for root, who could). */
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, tmp.path));
  g_clear_error (&error);
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_CREATE, &error);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_unchanged (tmp.path, bytes);

  /* Reading works. */
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  agreements = hs_repository_list_agreements (HS_REPOSITORY (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agreements->len, ==, 16);
  list = hs_repository_list_project_summaries (HS_REPOSITORY (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_false (hs_repository_can_undo (HS_REPOSITORY (store)));
  g_assert_false (hs_repository_save_project (HS_REPOSITORY (store), g_ptr_array_index (projects, 0), &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (hs_repository_undo (HS_REPOSITORY (store), &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (hs_sqlite_repository_check_integrity (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);
  assert_unchanged (tmp.path, bytes);

  g_chmod (tmp.path, 0644);
  store_tmp_clear (&tmp);
}

/* Migration: a schema-1 database (made by taking the schema-2 to -6
 * tables and columns away from a fresh one) is copied to "<file>.bak-v1"
 * and upgraded, the totals of its projects are filled in, every project
 * starts at version 1, the calls keep their limits with the new fields
 * empty, the financing lines come back undivided (year 0) with their
 * amounts, and the programme's selection criteria are there. */
static void
test_migration (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(GBytes) v1_bytes = NULL;
  g_autoptr(GBytes) backup_bytes = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *backup = NULL;
  HsSqliteRepository *store;
  sqlite3 *db;

  g_assert_cmpint (hs_sqlite_schema_version (), ==, 8);

  store_tmp_init (&tmp);
  backup = g_strconcat (tmp.path, ".bak-v1", NULL);
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    g_assert_true (hs_repository_save_project (HS_REPOSITORY (store), g_ptr_array_index (projects, i), NULL));
  g_object_unref (store);

  db = store_test_sqlite_open (tmp.path, TRUE);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TABLE action_item; DROP TABLE action_log;"
                                 "DROP TABLE proposal_item; DROP TABLE proposal; DROP TABLE project_version;"
                                 "DROP TABLE decision_grant; DROP TABLE decision; DROP TABLE review_comment;"
                                 "DROP TABLE review_score; DROP TABLE review; DROP TABLE criterion;"
                                 "DROP TABLE implementer_totals; DROP TABLE project_year_totals;"
                                 "DROP TABLE project_totals; ALTER TABLE project DROP COLUMN version;"
                                 "PRAGMA foreign_keys = OFF;"
                                 "CREATE TABLE call_v1 (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                 " agreement_id INTEGER NOT NULL REFERENCES agreement (id),"
                                 " name TEXT NOT NULL, open_date TEXT, close_date TEXT,"
                                 " max_support_bp INTEGER NOT NULL, min_city_bp INTEGER NOT NULL,"
                                 " min_own_bp INTEGER NOT NULL, max_duration_months INTEGER NOT NULL DEFAULT 0,"
                                 " allowed_cost_models INTEGER NOT NULL CHECK (allowed_cost_models BETWEEN 0 AND 15),"
                                 " money_available INTEGER NOT NULL DEFAULT 0) STRICT;"
                                 "INSERT INTO call_v1 SELECT id, agreement_id, name, open_date, close_date,"
                                 " max_support_bp, min_city_bp, min_own_bp, max_duration_months,"
                                 " allowed_cost_models, money_available FROM call"
                                 " WHERE id <= 16;"   /* then only the default calls were seeded */
                                 "UPDATE call_v1 SET min_own_bp = 1500, max_duration_months = 24 WHERE id = 9;"
                                 /* the default calls asked 25 % city financing before version 4;
                                  * a call of the user's keeps what it asks */
                                 "UPDATE call_v1 SET min_city_bp = 2500;"
                                 "INSERT INTO call_v1 (id, agreement_id, name, max_support_bp, min_city_bp,"
                                 " min_own_bp, allowed_cost_models) VALUES (40, 9, 'Joensuu 2023', 6000, 2500, 1500, 1);"
                                 /* projects up to 40 were made and deleted */
                                 "UPDATE sqlite_sequence SET seq = 40 WHERE name = 'project';"
                                 "DROP TABLE call; ALTER TABLE call_v1 RENAME TO call;"
                                 "CREATE INDEX call_agreement ON call (agreement_id);"
                                 "CREATE TABLE financing_line_v1 ("
                                 " implementer_id INTEGER NOT NULL REFERENCES implementer (id) ON DELETE CASCADE,"
                                 " position INTEGER NOT NULL CHECK (position >= 0),"
                                 " source TEXT NOT NULL CHECK (source IN ('eu-state', 'city', 'other-public',"
                                 "  'private', 'own-public', 'own-private')),"
                                 " amount INTEGER NOT NULL CHECK (amount >= 0),"
                                 " PRIMARY KEY (implementer_id, position),"
                                 " UNIQUE (implementer_id, source)) STRICT, WITHOUT ROWID;"
                                 "INSERT INTO financing_line_v1 SELECT implementer_id, position, source, amount"
                                 " FROM financing_line;"
                                 "DROP TABLE financing_line; ALTER TABLE financing_line_v1 RENAME TO financing_line;"
                                 "ALTER TABLE agreement DROP COLUMN indicative_erdf_only;"
                                 "PRAGMA user_version = 1;"
                                 "PRAGMA journal_mode = DELETE; VACUUM;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  v1_bytes = store_test_read_file (tmp.path);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Read-only cannot upgrade, and says so. */
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hs_sqlite_repository_get_schema_version (store), ==, 8);
  for (guint i = 0; i < projects->len; i++)
    {
      const HsProject *saved = g_ptr_array_index (projects, i);
      g_autoptr(HsProject) loaded = hs_repository_load_project_by_code (HS_REPOSITORY (store), saved->code, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (loaded->implementers->len, ==, saved->implementers->len);
      for (guint j = 0; j < loaded->implementers->len; j++)
        {
          const HsImplementer *impl = g_ptr_array_index (loaded->implementers, j);
          const HsImplementer *before = g_ptr_array_index (saved->implementers, j);

          g_assert_cmpuint (impl->financing->len, ==, before->financing->len);
          g_assert_cmpuint (impl->financing->len, >, 0);
          for (guint k = 0; k < impl->financing->len; k++)
            g_assert_cmpint (g_array_index (impl->financing, HsFinancingLine, k).year, ==, 0);
          for (guint s = 0; s < HS_N_SOURCES; s++)
            g_assert_cmpint (hs_implementer_get_financing (impl, s), ==, hs_implementer_get_financing (before, s));
        }
    }
  {
    g_autoptr(GPtrArray) calls = hs_repository_list_calls (HS_REPOSITORY (store), 9, &error);
    HsCall *joensuu;

    g_assert_no_error (error);
    g_assert_cmpuint (calls->len, ==, 2);
    joensuu = g_ptr_array_index (calls, 0);
    g_assert_cmpstr (joensuu->name, ==, "Joensuu — default call");
    /* the city's 25 % is the agreement's now, not the default call's */
    g_assert_cmpint (joensuu->min_city_bp, ==, 0);
    g_assert_cmpint (((HsCall *) g_ptr_array_index (calls, 1))->min_city_bp, ==, 2500);
    g_assert_cmpint (joensuu->min_own_bp, ==, 1500);
    g_assert_cmpuint (joensuu->max_duration_months, ==, 24);
    g_assert_cmpint (joensuu->instrument, ==, HS_INSTRUMENT_EAKR);
    g_assert_cmpint (joensuu->max_support, ==, 0);
    g_assert_null (joensuu->name_en);
  }
  {
    g_autoptr(HsProject) first = hs_repository_load_project_by_code (HS_REPOSITORY (store),
                                                                     ((HsProject *) g_ptr_array_index (projects, 0))->code,
                                                                     &error);
    g_assert_no_error (error);
    g_assert_cmpint (first->version, ==, 1);
  }

  /* and the new shape takes lines per year */
  {
    g_autoptr(HsProject) first = hs_repository_load_project_by_code (HS_REPOSITORY (store),
                                                                     ((HsProject *) g_ptr_array_index (projects, 0))->code,
                                                                     &error);
    g_autoptr(HsProject) again = NULL;
    g_autofree char *undone = NULL;
    HsImplementer *main_impl;

    g_assert_no_error (error);
    main_impl = hs_project_get_main (first);
    hs_implementer_set_financing_year (main_impl, HS_SOURCE_CITY, 2024, 100);
    g_assert_true (hs_repository_save_project (HS_REPOSITORY (store), first, &error));
    g_assert_no_error (error);
    again = hs_repository_load_project_by_code (HS_REPOSITORY (store), first->code, &error);
    g_assert_no_error (error);
    g_assert_cmpint (hs_implementer_get_financing_year (hs_project_get_main (again), HS_SOURCE_CITY, 2024), ==, 100);
    undone = hs_repository_undo (HS_REPOSITORY (store), &error);
    g_assert_no_error (error);
    g_assert_nonnull (undone);
    g_assert_false (hs_repository_can_undo (HS_REPOSITORY (store)));
  }
  /* the programme's selection criteria, as a new database has them */
  db = store_test_sqlite_open (tmp.path, FALSE);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM criterion WHERE call_id IS NULL"), ==, 28);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM criterion WHERE kind = 'horizontal'"), ==, 4);
  sqlite3_close (db);

  /* The backup is the schema-1 database as it was. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  db = store_test_sqlite_open (backup, FALSE);
  g_assert_cmpint (store_test_sqlite_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM project"), ==, 3);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM sqlite_schema WHERE name = 'project_totals'"), ==, 0);
  g_assert_cmpint (store_test_sqlite_int (db, "SELECT COUNT (*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
  sqlite3_close (db);
  backup_bytes = store_test_read_file (backup);
  g_assert_cmpuint (g_bytes_get_size (backup_bytes), ==, g_bytes_get_size (v1_bytes));

  /* The totals were computed for the projects already there. */
  rows = hs_repository_summarise (HS_REPOSITORY (store), HS_BY_AGREEMENT, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (g_array_index (rows, HsSummaryRow, 0).total_costs, ==, 25200000);
  g_clear_pointer (&rows, g_array_unref);
  rows = hs_repository_summarise (HS_REPOSITORY (store), HS_BY_YEAR, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_array_unref);
  rows = hs_repository_summarise (HS_REPOSITORY (store), HS_BY_CITY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_false (hs_repository_can_undo (HS_REPOSITORY (store)));
  {
    /* the new cost models can be stored, and ids go on after the deleted ones */
    g_autoptr(HsProject) fresh = hs_project_copy (g_ptr_array_index (projects, 0));
    g_autoptr(HsProject) loaded = NULL;

    g_free (fresh->code);
    fresh->code = g_strdup ("TRE-2025-099");
    fresh->id = 0;
    fresh->version = 0;
    fresh->cost_model = HS_COST_MODEL_INDIRECT7;
    for (guint i = 0; i < fresh->implementers->len; i++)
      ((HsImplementer *) g_ptr_array_index (fresh->implementers, i))->id = 0;
    g_assert_true (hs_project_update_derived (fresh, &error));
    g_assert_true (hs_repository_save_project (HS_REPOSITORY (store), fresh, &error));
    g_assert_no_error (error);
    g_assert_cmpint (fresh->id, ==, 41);
    loaded = hs_repository_load_project (HS_REPOSITORY (store), fresh->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (loaded->cost_model, ==, HS_COST_MODEL_INDIRECT7);
    g_assert_true (hs_repository_delete_project (HS_REPOSITORY (store), fresh->id, &error));
    g_assert_no_error (error);
  }
  g_assert_true (hs_sqlite_repository_check_integrity (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  store_tmp_clear (&tmp);
}

/* Opening the file a second time in the same process must not take the
 * first connection's locks away. POSIX drops all of a process's locks on a
 * file when any descriptor of it is closed; the header check once read the
 * file with open () and close (), so that another program, seeing nobody
 * holding the file, deleted the write-ahead log the window was still
 * writing to: the window's later saves went into a deleted file, and every
 * other reader saw the old data or "disk I/O error". */
static void
test_second_open_keeps_locks (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  HsSqliteRepository *store;
  HsProject *project;
  sqlite3 *other;

  store_tmp_init (&tmp);
  store = hs_sqlite_repository_open (tmp.path, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < projects->len; i++)
    g_assert_true (hs_repository_save_project (HS_REPOSITORY (store), g_ptr_array_index (projects, i), NULL));

  /* a second connection in this process, opened and closed */
  {
    HsSqliteRepository *second = hs_sqlite_repository_open (tmp.path, HS_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_object_unref (second);
  }

  /* another program writes and closes: it must see that this process still
   * holds the file and leave the write-ahead log where it is */
  {
    g_autofree char *out = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE project SET acronym = 'TOINEN' WHERE id = %lld;",
                                            (long long) ((HsProject *) g_ptr_array_index (projects, 1))->id);
    const char *argv[] = { "sqlite3", tmp.path, sql, NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* this connection saves again; a fresh reader sees the save */
  project = g_ptr_array_index (projects, 0);
  g_free (project->acronym);
  project->acronym = g_strdup ("IKKUNA");
  project->version = 0;
  g_assert_true (hs_repository_save_project (HS_REPOSITORY (store), project, &error));
  g_assert_no_error (error);

  other = store_test_sqlite_open (tmp.path, FALSE);
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (other, "SELECT acronym FROM project WHERE id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, project->id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "IKKUNA");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (other);
  g_assert_true (hs_sqlite_repository_check_integrity (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);
  store_tmp_clear (&tmp);
}

static void
test_default_path (void)
{
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "hankesalkku", "portfolio.db", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("HANKESALKKU_DB"));

  g_setenv ("HANKESALKKU_DB", "/tmp/elsewhere.db", TRUE);
  from_env = hs_default_database_path ();
  g_assert_cmpstr (from_env, ==, "/tmp/elsewhere.db");

  g_setenv ("HANKESALKKU_DB", "", TRUE);
  fallback = hs_default_database_path ();
  g_assert_cmpstr (fallback, ==, expected);

  if (saved != NULL)
    g_setenv ("HANKESALKKU_DB", saved, TRUE);
  else
    g_unsetenv ("HANKESALKKU_DB");
}

/* Creating in a folder that does not exist yet makes the folder. */
static void
test_create_folder (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = NULL;
  HsSqliteRepository *store;

  store_tmp_init (&tmp);
  nested = g_build_filename (tmp.dir, "a", "b", "portfolio.db", NULL);
  store = hs_sqlite_repository_open (nested, HS_OPEN_DEFAULT, &error);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN);
  g_clear_error (&error);
  {
    /* Opening without CREATE makes no folder either. */
    g_autofree char *folder = g_build_filename (tmp.dir, "a", NULL);
    g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  }

  store = hs_sqlite_repository_open (nested, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_sqlite_repository_get_path (store), ==, nested);
  g_object_unref (store);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));

  store_tmp_clear (&tmp);
}

/* A process killed while it built a new database left PATH.new-PID-…
 * behind; the next creation removes what dead processes left, and leaves
 * alone what a living one is building. */
static void
test_abandoned_builds (void)
{
  StoreTmp tmp = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dead = NULL;
  g_autofree char *dead_journal = NULL;
  g_autofree char *alive = NULL;
  g_autofree char *other = NULL;
  const char *argv[] = { "/bin/true", NULL };
  GPid pid;
  int status;
  HsSqliteRepository *store;

  /* a process that has ended: its PID is free */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  store_tmp_init (&tmp);
  path = g_build_filename (tmp.dir, "portfolio.db", NULL);
  dead = g_strdup_printf ("%s.new-%d-Ab3xYz", path, (int) pid);
  dead_journal = g_strconcat (dead, "-journal", NULL);
  alive = g_strdup_printf ("%s.new-%d-Qw7rTy", path, (int) getpid ());
  other = g_strconcat (path, ".new-notes.txt", NULL);
  g_assert_true (g_file_set_contents (dead, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (dead_journal, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (alive, "being built", -1, NULL));
  g_assert_true (g_file_set_contents (other, "a user's file", -1, NULL));

  store = hs_sqlite_repository_open (path, HS_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_unlink (alive);
  g_unlink (other);
  store_tmp_clear (&tmp);
}

/* Reviews, decisions and proposals */

#define REVIEW_NOW "2024-03-01T09:00:00Z"

static const HsCriterion *
first_criterion (GPtrArray       *criteria,
                 HsCriterionKind  kind)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      const HsCriterion *c = g_ptr_array_index (criteria, i);

      if (c->kind == kind && !c->per_implementer)
        return c;
    }
  g_assert_not_reached ();
}

static HsReview *
load_review (Fixture *fixture,
             gint64   project_id)
{
  g_autoptr(GError) error = NULL;
  HsReview *review = hs_repository_load_review (fixture->repo, project_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (review);
  g_assert_cmpint (review->project_id, ==, project_id);
  return review;
}

static void
assert_review_stored (Fixture        *fixture,
                      const HsReview *expected)
{
  g_autoptr(HsReview) stored = load_review (fixture, expected->project_id);

  g_assert_true (hs_review_equal (stored, expected));
}

static const HsPortfolioProject *
portfolio_line (GArray *lines,
                gint64  id)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_array_index (lines, HsPortfolioProject, i).id == id)
      return &g_array_index (lines, HsPortfolioProject, i);
  g_assert_not_reached ();
}

static gint64
count_actions (Fixture *fixture)
{
  return count_rows (fixture, "SELECT COUNT (*) FROM action_log WHERE undone = 0");
}

/* Scores of TRE-2024-001 (submitted 1.11.2022, call 2) by two reviewers. */
static HsReview *
scored_review (Fixture   *fixture,
               HsProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) criteria = hs_repository_list_criteria (fixture->repo, project->call_id, &error);
  HsReview *review = load_review (fixture, project->id);
  const HsCriterion *general, *content, *horizontal;

  g_assert_no_error (error);
  g_assert_cmpuint (criteria->len, >, 0);
  g_assert_true (hs_repository_has_reviews (fixture->repo));
  general = first_criterion (criteria, HS_CRITERION_GENERAL);
  content = first_criterion (criteria, HS_CRITERION_CONTENT);
  horizontal = first_criterion (criteria, HS_CRITERION_HORIZONTAL);
  g_assert_cmpint (general->id, >, 0);
  g_assert_cmpuint (review->scores->len, ==, 0);

  g_assert_true (hs_review_set_score (review, project, general, "Anna Arvioija", 0, 1, "Täyttyy", REVIEW_NOW,
                                      "anna", HS_LANG_FI, &error));
  g_assert_true (hs_review_set_score (review, project, content, "Anna Arvioija", 0, 4, "Hyvä", REVIEW_NOW,
                                      "anna", HS_LANG_FI, &error));
  g_assert_true (hs_review_set_score (review, project, horizontal, "Ville Arvioija", 0, 2, "Kohtalainen",
                                      REVIEW_NOW, "ville", HS_LANG_FI, &error));
  g_assert_true (hs_review_add_comment (review, "Ville Arvioija", "Kustannukset tarkistettava", REVIEW_NOW, "ville",
                                        &error));
  g_assert_no_error (error);
  review->processing_council = g_strdup ("Pirkanmaan liitto");
  return review;
}

static void
test_review_store (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsProject) submitted = NULL;
  g_autoptr(HsProject) approved = NULL;
  g_autoptr(HsReview) scored = NULL;
  g_autoptr(HsReview) decided = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  const HsCall *call = NULL;
  g_autofree char *description = NULL;
  HsDecision *decision;
  gint64 actions;

  save_portfolio (fixture, projects);
  project = load_by_code (fixture, "TRE-2024-001");
  submitted = hs_project_copy (project);
  calls = hs_repository_list_calls (fixture->repo, project->agreement_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < calls->len; i++)
    if (((HsCall *) g_ptr_array_index (calls, i))->id == project->call_id)
      call = g_ptr_array_index (calls, i);
  g_assert_nonnull (call);

  /* an empty review is not stored: loading gives an empty one */
  {
    g_autoptr(HsReview) empty = load_review (fixture, project->id);

    g_assert_cmpuint (empty->scores->len + empty->decisions->len + empty->versions->len, ==, 0);
    g_assert_false (empty->change_open);
  }

  /* scores: one action, loaded back as saved */
  scored = scored_review (fixture, project);
  actions = count_actions (fixture);
  g_assert_true (hs_repository_save_review (fixture->repo, scored, NULL, "Score TRE-2024-001", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (fixture), ==, actions + 1);
  assert_review_stored (fixture, scored);
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM review_score"), ==, 3);
  /* saving it unchanged records nothing */
  g_assert_true (hs_repository_save_review (fixture->repo, scored, NULL, "Score TRE-2024-001", &error));
  g_assert_cmpint (count_actions (fixture), ==, actions + 1);

  /* the decision: 30 000 € of the 40 000 € applied for, the review and the
   * project's status in one action */
  decided = hs_review_copy (scored);
  decision = hs_decision_new (HS_DECISION_GRANT);
  g_date_set_dmy (&decision->date, 1, G_DATE_MARCH, 2024);
  decision->number = g_strdup ("PIRELY/7/2024");
  g_assert_true (hs_decision_set_total (decision, project, 3000000, HS_LANG_FI, &error));
  g_assert_true (hs_review_decide (decided, project, call, decision, REVIEW_NOW, "tester", HS_LANG_FI, &error));
  g_assert_no_error (error);
  g_assert_true (hs_repository_save_review (fixture->repo, decided, project, "Decide TRE-2024-001", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (fixture), ==, actions + 2);
  assert_review_stored (fixture, decided);
  approved = load_by_code (fixture, "TRE-2024-001");
  g_assert_cmpint (approved->status, ==, HS_STATUS_APPROVED);
  g_assert_cmpuint (approved->history->len, ==, submitted->history->len + 2);
  {
    g_autoptr(HsReview) stored = load_review (fixture, project->id);
    const HsDecision *in_force = hs_review_decision_in_force (stored);

    g_assert_nonnull (in_force);
    g_assert_cmpstr (in_force->number, ==, "PIRELY/7/2024");
    g_assert_cmpint (hs_review_granted (stored), ==, 3000000);
    g_assert_cmpuint (stored->versions->len, ==, 2);
    g_assert_cmpint (hs_review_get_version (stored, 1)->project->status, ==, HS_STATUS_SUBMITTED);
    g_assert_cmpint (hs_review_approved_version (stored)->project->status, ==, HS_STATUS_APPROVED);
    g_assert_cmpstr (hs_review_approved_version (stored)->project->name_fi, ==, approved->name_fi);
  }

  /* the rules' lines carry the decision */
  {
    g_autoptr(GArray) lines = hs_repository_list_portfolio_projects (fixture->repo, &error);
    const HsPortfolioProject *line = portfolio_line (lines, project->id);

    g_assert_no_error (error);
    g_assert_cmpint (line->decision, ==, HS_PORTFOLIO_GRANTED);
    g_assert_cmpint (line->granted, ==, 3000000);
    g_assert_cmpint (line->status, ==, HS_STATUS_APPROVED);
    g_assert_false (line->proposed);
    {
      g_autoptr(HsProject) other = load_by_code (fixture, "PKS-2023-001");

      line = portfolio_line (lines, other->id);
    }
    g_assert_cmpint (line->decision, ==, HS_PORTFOLIO_UNDECIDED);
    g_assert_cmpint (line->granted, ==, 0);
  }

  /* undo takes back both the review and the status; redo brings them */
  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Decide TRE-2024-001");
  assert_review_stored (fixture, scored);
  {
    g_autoptr(HsProject) back = load_by_code (fixture, "TRE-2024-001");
    g_autoptr(GArray) lines = hs_repository_list_portfolio_projects (fixture->repo, &error);

    g_assert_cmpint (back->status, ==, HS_STATUS_SUBMITTED);
    g_assert_cmpuint (back->history->len, ==, submitted->history->len);
    g_assert_cmpint (portfolio_line (lines, project->id)->decision, ==, HS_PORTFOLIO_UNDECIDED);
    g_assert_cmpint (portfolio_line (lines, project->id)->granted, ==, 0);
  }
  g_clear_pointer (&description, g_free);
  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Score TRE-2024-001");
  {
    g_autoptr(HsReview) none = load_review (fixture, project->id);

    g_assert_cmpuint (none->scores->len, ==, 0);
    g_assert_cmpuint (none->comments->len, ==, 0);
    g_assert_null (none->processing_council);
  }
  g_free (redo (fixture));
  assert_review_stored (fixture, scored);
  g_clear_pointer (&description, g_free);
  description = redo (fixture);
  g_assert_cmpstr (description, ==, "Decide TRE-2024-001");
  assert_review_stored (fixture, decided);
  g_clear_pointer (&approved, hs_project_free);
  approved = load_by_code (fixture, "TRE-2024-001");
  g_assert_cmpint (approved->status, ==, HS_STATUS_APPROVED);

  /* the decided plan is not saved changed: nothing written */
  {
    g_autoptr(HsProject) changed = hs_project_copy (approved);
    g_autofree char *views = describe_views (fixture);
    g_autofree char *views_after = NULL;
    HsImplementer *main_impl = g_ptr_array_index (changed->implementers, 0);

    hs_implementer_set_financing (main_impl, HS_SOURCE_EU_STATE, 4100000);
    actions = count_actions (fixture);
    g_assert_false (hs_repository_save_project (fixture->repo, changed, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "TRE-2024-001"));
    g_assert_nonnull (strstr (error->message, "PIRELY/7/2024"));
    g_clear_error (&error);
    g_assert_cmpint (count_actions (fixture), ==, actions);
    assert_stored (fixture, approved);
    views_after = describe_views (fixture);
    g_assert_cmpstr (views_after, ==, views);
  }
  /* its status changes freely */
  {
    g_autoptr(HsProject) ongoing = hs_project_copy (approved);
    HsStatusChange change = { HS_STATUS_ONGOING, { 0, } };

    g_date_clear (&change.date, 1);
    g_date_set_dmy (&change.date, 2, G_DATE_APRIL, 2024);
    g_array_append_val (ongoing->history, change);
    ongoing->status = HS_STATUS_ONGOING;
    g_assert_true (hs_repository_save_project (fixture->repo, ongoing, &error));
    g_assert_no_error (error);
    g_clear_pointer (&approved, hs_project_free);
    approved = load_by_code (fixture, "TRE-2024-001");
    g_assert_cmpint (approved->status, ==, HS_STATUS_ONGOING);
  }
  /* a decided project is not deleted */
  actions = count_actions (fixture);
  g_assert_false (hs_repository_delete_project (fixture->repo, approved->id, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "TRE-2024-001"));
  g_clear_error (&error);
  g_assert_cmpint (count_actions (fixture), ==, actions);
  assert_stored (fixture, approved);
  assert_review_stored (fixture, decided);

  /* with a change application open, the plan is saved */
  {
    g_autoptr(HsReview) change = load_review (fixture, project->id);
    g_autoptr(HsProject) changed = hs_project_copy (approved);
    GDate made, starts;

    g_date_clear (&made, 1);
    g_date_clear (&starts, 1);
    g_date_set_dmy (&made, 1, G_DATE_MAY, 2024);
    g_date_set_dmy (&starts, 1, G_DATE_JUNE, 2024);
    g_assert_true (hs_review_open_change (change, approved, &made, &starts, "Lisää henkilöstöä", HS_LANG_FI, &error));
    g_assert_true (hs_repository_save_review (fixture->repo, change, NULL, "Change TRE-2024-001", &error));
    g_assert_no_error (error);
    assert_review_stored (fixture, change);
    hs_implementer_set_financing (g_ptr_array_index (changed->implementers, 0), HS_SOURCE_EU_STATE, 4100000);
    g_assert_true (hs_repository_save_project (fixture->repo, changed, &error));
    g_assert_no_error (error);
    g_clear_pointer (&approved, hs_project_free);
    approved = load_by_code (fixture, "TRE-2024-001");
    g_assert_cmpint (hs_implementer_get_financing (g_ptr_array_index (approved->implementers, 0),
                                                   HS_SOURCE_EU_STATE), ==, 4100000);
    /* undoing the opening would leave a changed plan without one: the
     * plan's save is undone first */
    g_free (undo (fixture));
    g_clear_pointer (&description, g_free);
    description = undo (fixture);
    g_assert_cmpstr (description, ==, "Change TRE-2024-001");
    assert_review_stored (fixture, decided);
  }
}

static void
test_review_delete_undecided (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsProject) first = NULL;
  g_autoptr(HsReview) scored = NULL;
  g_autoptr(HsProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  HsProposalItem item;

  save_portfolio (fixture, projects);
  project = load_by_code (fixture, "PKS-2024-002");
  first = load_by_code (fixture, "PKS-2023-001");
  g_assert_cmpint (project->call_id, ==, first->call_id);

  scored = scored_review (fixture, project);
  g_assert_true (hs_repository_save_review (fixture->repo, scored, NULL, "Score PKS-2024-002", &error));
  g_assert_no_error (error);

  /* the steering group: PKS-2024-002 first, PKS-2023-001 second */
  proposal = hs_proposal_new (project->call_id);
  g_date_set_dmy (&proposal->meeting, 15, G_DATE_FEBRUARY, 2024);
  item = (HsProposalItem) { project->id, 1, g_strdup ("Paras") };
  g_array_append_val (proposal->items, item);
  item = (HsProposalItem) { first->id, 2, NULL };
  g_array_append_val (proposal->items, item);
  g_assert_true (hs_repository_save_proposal (fixture->repo, proposal, "Propose", &error));
  g_assert_no_error (error);
  {
    g_autoptr(HsProposal) stored = hs_repository_load_proposal (fixture->repo, project->call_id, &error);
    g_autoptr(GArray) lines = hs_repository_list_portfolio_projects (fixture->repo, &error);

    g_assert_true (hs_proposal_equal (stored, proposal));
    g_assert_true (portfolio_line (lines, project->id)->proposed);
    g_assert_true (portfolio_line (lines, first->id)->proposed);
    {
      g_autoptr(HsProject) other = load_by_code (fixture, "TRE-2024-001");

      g_assert_false (portfolio_line (lines, other->id)->proposed);
    }
  }
  g_clear_pointer (&description, g_free);
  description = undo (fixture);
  g_assert_cmpstr (description, ==, "Propose");
  {
    g_autoptr(HsProposal) stored = hs_repository_load_proposal (fixture->repo, project->call_id, &error);

    g_assert_cmpuint (stored->items->len, ==, 0);
    g_assert_false (g_date_valid (&stored->meeting));
  }
  g_free (redo (fixture));

  /* deleting the project takes its review and its place; the one after moves up */
  g_assert_true (hs_repository_delete_project (fixture->repo, project->id, &error));
  g_assert_no_error (error);
  assert_absent (fixture, "PKS-2024-002");
  g_assert_cmpint (count_rows (fixture, "SELECT COUNT (*) FROM review_score"), ==, 0);
  {
    g_autoptr(HsProposal) stored = hs_repository_load_proposal (fixture->repo, project->call_id, &error);
    g_autoptr(HsReview) gone = load_review (fixture, project->id);

    g_assert_cmpuint (stored->items->len, ==, 1);
    g_assert_cmpint (g_array_index (stored->items, HsProposalItem, 0).project_id, ==, first->id);
    g_assert_cmpuint (g_array_index (stored->items, HsProposalItem, 0).position, ==, 1);
    g_assert_cmpuint (gone->scores->len, ==, 0);
  }
  /* one action: undo brings all of it back */
  g_clear_pointer (&description, g_free);
  description = undo (fixture);
  g_assert_nonnull (strstr (description, "PKS-2024-002"));
  assert_stored (fixture, project);
  assert_review_stored (fixture, scored);
  {
    g_autoptr(HsProposal) stored = hs_repository_load_proposal (fixture->repo, project->call_id, &error);

    g_assert_no_error (error);
    g_assert_true (hs_proposal_equal (stored, proposal));
  }
  g_free (redo (fixture));
  assert_absent (fixture, "PKS-2024-002");
}

/* A call's own criterion, scored per implementer: the organisations kept */
static void
test_review_call_criteria (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) projects = store_test_portfolio ();
  g_autoptr(HsProject) project = NULL;
  g_autoptr(GPtrArray) programme = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(HsReview) review = NULL;
  g_autoptr(HsReview) stored = NULL;
  g_autoptr(GError) error = NULL;
  const HsCriterion *partners, *horizontal;
  HsImplementer *city, *company;
  sqlite3 *db;

  save_portfolio (fixture, projects);
  project = load_by_code (fixture, "TRE-2024-001");
  db = store_test_sqlite_open (fixture->tmp.path, TRUE);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO criterion (call_id, key, kind, name_fi, name_en, weight, minimum,"
                                 " per_implementer, position) VALUES (2, 'refining-partners', 'refining',"
                                 " 'Kumppanit', 'Partners', 200, 2, 1, 0)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  programme = hs_repository_list_criteria (fixture->repo, 0, &error);
  g_assert_no_error (error);
  own = hs_repository_list_criteria (fixture->repo, 2, &error);
  g_assert_no_error (error);
  other = hs_repository_list_criteria (fixture->repo, 1, &error);
  g_assert_no_error (error);
  /* the programme's first, then the call's own */
  g_assert_cmpuint (own->len, ==, programme->len + 1);
  g_assert_cmpuint (other->len, ==, programme->len);
  partners = g_ptr_array_index (own, own->len - 1);
  g_assert_cmpstr (partners->key, ==, "refining-partners");
  g_assert_cmpint (partners->call_id, ==, 2);
  g_assert_cmpint (partners->kind, ==, HS_CRITERION_REFINING);
  g_assert_cmpuint (partners->weight, ==, 200);
  g_assert_cmpint (partners->minimum, ==, 2);
  g_assert_true (partners->per_implementer);
  g_assert_cmpstr (hs_criterion_name (partners, HS_LANG_EN), ==, "Partners");
  g_assert_cmpstr (hs_criterion_name (partners, HS_LANG_SV), ==, "Kumppanit");
  for (guint i = 0; i < programme->len; i++)
    {
      const HsCriterion *c = g_ptr_array_index (programme, i);

      g_assert_cmpint (c->call_id, ==, 0);
      g_assert_cmpint (c->id, ==, ((HsCriterion *) g_ptr_array_index (own, i))->id);
    }
  horizontal = first_criterion (own, HS_CRITERION_HORIZONTAL);

  review = load_review (fixture, project->id);
  city = g_ptr_array_index (project->implementers, 0);
  company = g_ptr_array_index (project->implementers, 1);
  g_assert_cmpint (city->organisation->id, !=, company->organisation->id);
  g_assert_true (hs_review_set_score (review, project, partners, "Anna", city->organisation->id, 4, "a", REVIEW_NOW,
                                      NULL, HS_LANG_EN, &error));
  g_assert_true (hs_review_set_score (review, project, partners, "Anna", company->organisation->id, 1, "b",
                                      REVIEW_NOW, NULL, HS_LANG_EN, &error));
  g_assert_true (hs_review_set_score (review, project, horizontal, "Anna", 0, 2, "c", REVIEW_NOW, NULL, HS_LANG_EN,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (hs_repository_save_review (fixture->repo, review, NULL, "Score", &error));
  g_assert_no_error (error);
  stored = load_review (fixture, project->id);
  g_assert_true (hs_review_equal (stored, review));
  g_assert_cmpuint (stored->scores->len, ==, 3);
  for (guint i = 0; i < stored->scores->len; i++)
    {
      const HsScore *s = g_ptr_array_index (stored->scores, i);

      if (s->criterion_id == horizontal->id)
        g_assert_cmpint (s->organisation_id, ==, 0);
      else if (s->score == 4)
        g_assert_cmpint (s->organisation_id, ==, city->organisation->id);
      else
        g_assert_cmpint (s->organisation_id, ==, company->organisation->id);
    }
  /* the weighted score: (200 × 2.5 + 100 × 2) / (200 × 5 + 100 × 3) = 53.85 %,
   * the partners' mean 2.5 over its minimum of 2 */
  {
    g_auto(HsReviewSummary) summary = { 0, };

    hs_review_summarise (stored, own, HS_LANG_EN, &summary);
    g_assert_cmpint (summary.score_bp, ==, 5385);
    g_assert_cmpuint (summary.under_minimum, ==, 0);
    g_assert_cmpuint (summary.reviewers, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create-seed", test_create_seed);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/reader", test_reader);
  ADD ("/store/writer", test_writer);
  ADD ("/store/writer-read-only", test_writer_read_only);
  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/organisations", test_organisations);
  ADD ("/store/summaries", test_summaries);
  ADD ("/store/summaries-eu-state", test_summaries_eu_state);
  ADD ("/store/project-summaries", test_project_summaries);
  ADD ("/store/portfolio-projects", test_portfolio_projects);
  ADD ("/store/organisation-roles", test_organisation_roles);
  ADD ("/store/undo/create", test_undo_create);
  ADD ("/store/stale-save", test_stale_save);
  ADD ("/store/undo/edit", test_undo_edit);
  ADD ("/store/yearly-financing", test_yearly_financing);
  ADD ("/store/undo/old-snapshot", test_undo_old_snapshot);
  ADD ("/store/undo/described", test_undo_described);
  ADD ("/store/undo/delete", test_undo_delete);
  ADD ("/store/undo/status", test_undo_status);
  ADD ("/store/undo/redo-tail", test_redo_tail);
  ADD ("/store/undo/batch", test_undo_batch);
  ADD ("/store/batch/chunks", test_batch_chunks);
  ADD ("/store/batch/abort", test_batch_abort);
  ADD ("/store/batch/conflict", test_batch_conflict);
  ADD ("/store/project-changed-signal", test_project_changed_signal);
  ADD ("/store/calls", test_calls);
  ADD ("/store/refused", test_refused);
  ADD ("/store/review/save-decide-undo", test_review_store);
  ADD ("/store/review/delete-undecided", test_review_delete_undecided);
  ADD ("/store/review/call-criteria", test_review_call_criteria);
  g_test_add_func ("/store/open/bad-files", test_bad_files);
  g_test_add_func ("/store/open/too-new", test_too_new);
  g_test_add_func ("/store/open/read-only", test_read_only);
  g_test_add_func ("/store/open/migration", test_migration);
  g_test_add_func ("/store/open/second-open-keeps-locks", test_second_open_keeps_locks);
  g_test_add_func ("/store/open/create-folder", test_create_folder);
  g_test_add_func ("/store/open/abandoned-builds", test_abandoned_builds);
  g_test_add_func ("/store/default-path", test_default_path);

  return g_test_run ();
}

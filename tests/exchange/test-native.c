/* test-native.c — the native format: lossless round trips, preview, apply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "core/hs-core-error.h"
#include "exchange/hs-exchange-error.h"
#include "exchange/hs-import.h"
#include "exchange/hs-native-reader.h"
#include "exchange-test-util.h"

static char *
export_native (HsRepository            *repo,
               const HsExportSelection *selection,
               const char              *dir,
               const char              *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  guint n = 0;

  g_assert_true (hs_export (repo, HS_EXPORT_NATIVE, selection, path, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  assert_valid_native (path);
  return path;
}

static HsImportPreview *
preview_of (HsRepository *repo,
            const char   *path)
{
  g_autoptr(GError) error = NULL;
  HsImportPreview *preview = hs_import_preview_new (repo, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  return preview;
}

static void
import_all (HsRepository *repo,
            const char   *path)
{
  g_autoptr(HsImportPreview) preview = preview_of (repo, path);
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* export → import into an empty database → export gives the same bytes */
static void
assert_round_trip (HsRepository *repo,
                   guint         expected_projects)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *first = export_native (repo, NULL, dir, "first.xml");
  g_autoptr(HsMemoryRepository) empty = hs_memory_repository_new ();
  g_autofree char *second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  {
    g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (empty), first);
    g_assert_cmpuint (hs_import_preview_get_n_items (preview), ==, expected_projects);
    g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_NEW), ==, expected_projects);
  }
  import_all (HS_REPOSITORY (empty), first);
  g_assert_cmpuint (hs_memory_repository_count_projects (empty), ==, expected_projects);

  second = export_native (HS_REPOSITORY (empty), NULL, dir, "second.xml");
  a = read_file (first);
  b = read_file (second);
  g_assert_cmpstr (a, ==, b);

  /* and importing the same file again changes nothing */
  {
    g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (empty), first);
    g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_UNCHANGED), ==, expected_projects);
  }
  rm_rf (dir);
}

static void
test_round_trip_demo (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();

  assert_round_trip (HS_REPOSITORY (repo), 3);
}

static void
test_round_trip_generated (void)
{
  g_autoptr(HsMemoryRepository) repo = generated_repository (400, 7);

  assert_round_trip (HS_REPOSITORY (repo), 400);
}

/* Text that needs escaping or cleaning still makes the round trip. */
static void
test_round_trip_awkward_text (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autoptr(HsProject) project = hs_repository_load_project_by_code (HS_REPOSITORY (repo), "OULU-ESIM-001", NULL);
  g_autoptr(GPtrArray) projects = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  g_free (project->summary);
  project->summary = g_strdup ("  <tag> & \"quotes\" 'apos' ]]> \r\n\ttab\x01\x02 bell\x07 "
                               "bad \xff\xfe bytes \xef\xbf\xbe end\n\n  ");
  g_free (project->name_sv);
  project->name_sv = g_strdup ("Åbo \t\r\n\"<&>\" ");
  g_free (project->acronym);
  project->acronym = g_strdup ("   ");
  g_ptr_array_add (projects, project);
  hs_repository_save_projects (HS_REPOSITORY (repo), projects, "edit", &error);
  g_assert_no_error (error);

  path = export_native (HS_REPOSITORY (repo), NULL, dir, "awkward.xml");
  contents = read_file (path);
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  g_assert_null (strchr (contents, '\x01'));
  g_assert_nonnull (strstr (contents, "<summary>  &lt;tag&gt; &amp; &quot;quotes&quot; 'apos' ]]&gt; &#13;\n\ttab bell bad \xef\xbf\xbd\xef\xbf\xbd bytes  end\n\n  </summary>"));
  g_assert_nonnull (strstr (contents, "<name lang=\"sv\">Åbo \t&#13;\n&quot;&lt;&amp;&gt;&quot; </name>"));
  rm_rf (dir);

  /* the cleaned text is stable from the first export on */
  assert_round_trip (HS_REPOSITORY (repo), 3);
}

static void
test_export_scopes (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  HsExportSelection one = { HS_EXPORT_SCOPE_PROJECT, 0, "OULU-ESIM-001" };
  HsExportSelection agreement = { HS_EXPORT_SCOPE_AGREEMENT, 1, NULL };
  HsExportSelection missing = { HS_EXPORT_SCOPE_PROJECT, 0, "NOPE-1" };
  g_autofree char *p1 = export_native (HS_REPOSITORY (repo), &one, dir, "one.xml");
  g_autofree char *p2 = export_native (HS_REPOSITORY (repo), &agreement, dir, "agreement.xml");
  g_autofree char *c1 = read_file (p1);
  g_autofree char *c2 = read_file (p2);
  g_autofree char *p3 = g_build_filename (dir, "missing.xml", NULL);

  g_assert_nonnull (strstr (c1, "scope=\"project\""));
  g_assert_nonnull (strstr (c1, "code=\"OULU-ESIM-001\""));
  g_assert_null (strstr (c1, "PKS-ESIM-001"));
  g_assert_null (strstr (c1, "region=\"Tampere\""));
  g_assert_nonnull (strstr (c2, "scope=\"agreement\""));
  g_assert_nonnull (strstr (c2, "PKS-ESIM-001"));
  g_assert_null (strstr (c2, "OULU-ESIM-001"));

  g_assert_false (hs_export (HS_REPOSITORY (repo), HS_EXPORT_NATIVE, &missing, p3, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (p3, G_FILE_TEST_EXISTS));
  rm_rf (dir);
}

/* A file changed in one field previews exactly that change. */
static void
test_preview_one_change (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autofree char *contents = read_file (path);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autoptr(HsImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  const HsImportItem *changed = NULL;
  const HsImportChange *change;
  guint replaced;

  replaced = g_string_replace (edited, "<acronym>DITTE</acronym>", "<acronym>DITTE2</acronym>", 0);
  g_assert_cmpuint (replaced, ==, 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);

  preview = preview_of (HS_REPOSITORY (repo), path);
  g_assert_cmpuint (hs_import_preview_get_n_items (preview), ==, 3);
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_CHANGED), ==, 1);
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_UNCHANGED), ==, 2);
  for (guint i = 0; i < 3; i++)
    if (hs_import_preview_get_item (preview, i)->action == HS_IMPORT_CHANGED)
      changed = hs_import_preview_get_item (preview, i);
  g_assert_cmpstr (changed->code, ==, "OULU-ESIM-001");
  g_assert_cmpuint (changed->changes->len, ==, 1);
  change = g_ptr_array_index (changed->changes, 0);
  g_assert_cmpstr (change->field, ==, "acronym");
  g_assert_cmpstr (change->old_value, ==, "DITTE");
  g_assert_cmpstr (change->new_value, ==, "DITTE2");

  g_assert_true (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HsProject) p = hs_repository_load_project_by_code (HS_REPOSITORY (repo), "OULU-ESIM-001", NULL);
    g_assert_cmpstr (p->acronym, ==, "DITTE2");
  }
  rm_rf (dir);
}

/* A money change shows formatted old and new amounts. */
static void
test_preview_money_change (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autofree char *contents = read_file (path);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autoptr(HsImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (edited, "year=\"2025\" category=\"staff\" cents=\"9000000\"",
                                      "year=\"2025\" category=\"staff\" cents=\"9000100\"", 0), ==, 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);

  preview = preview_of (HS_REPOSITORY (repo), path);
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_CHANGED), ==, 1);
  for (guint i = 0; i < hs_import_preview_get_n_items (preview); i++)
    {
      const HsImportItem *item = hs_import_preview_get_item (preview, i);
      if (item->action != HS_IMPORT_CHANGED)
        continue;
      /* the staff line and the derived flat rate (40 % of it) */
      g_assert_cmpuint (item->changes->len, ==, 2);
      g_assert_cmpstr (((HsImportChange *) g_ptr_array_index (item->changes, 0))->field, ==,
                       "implementers/0187690-1/costs/staff/2025");
      g_assert_cmpstr (((HsImportChange *) g_ptr_array_index (item->changes, 0))->new_value, ==, "€90,001.00");
      g_assert_cmpstr (((HsImportChange *) g_ptr_array_index (item->changes, 1))->field, ==,
                       "implementers/0187690-1/costs/flat-rate/2025");
    }
  rm_rf (dir);
}

/* A file whose project breaks a rule imports with its findings listed;
 * strict import refuses it and changes nothing. */
static void
test_rule_findings_and_strict (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autoptr(HsMemoryRepository) target = hs_memory_repository_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (target), path);
  g_autoptr(GError) error = NULL;
  const HsImportItem *turku = NULL;

  for (guint i = 0; i < hs_import_preview_get_n_items (preview); i++)
    if (g_str_equal (hs_import_preview_get_item (preview, i)->code, "TURKU-ESIM-001"))
      turku = hs_import_preview_get_item (preview, i);
  g_assert_nonnull (turku);
  g_assert_cmpuint (turku->errors, >, 0);
  g_assert_cmpuint (hs_import_preview_count_failing (preview), ==, 1);
  g_assert_cmpuint (turku->line, >, 1);

  g_assert_false (hs_import_preview_apply (preview, HS_IMPORT_STRICT, NULL, NULL, &error));
  g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES);
  g_assert_nonnull (strstr (error->message, "TURKU-ESIM-001"));
  g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 0);
  g_clear_error (&error);

  g_assert_true (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 3);
  rm_rf (dir);
}

/* A regional council that imports ten cities' files keeps one record per
 * organisation: matched by Y-tunnus. */
static void
test_organisations_by_business_id (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autoptr(HsMemoryRepository) council = hs_memory_repository_new ();
  g_autofree char *dir = make_tmp_dir ();
  const char *codes[] = { "PKS-ESIM-001", "OULU-ESIM-001", "TURKU-ESIM-001" };
  guint orgs;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      HsExportSelection one = { HS_EXPORT_SCOPE_PROJECT, 0, codes[i] };
      g_autofree char *name = g_strdup_printf ("%s.xml", codes[i]);
      g_autofree char *path = export_native (HS_REPOSITORY (repo), &one, dir, name);
      import_all (HS_REPOSITORY (council), path);
    }
  orgs = hs_memory_repository_count_organisations (council);
  g_assert_cmpuint (orgs, ==, hs_memory_repository_count_organisations (repo));

  /* The same files again, and one organisation renamed in a copy: still
   * one record per Y-tunnus. */
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.xml", dir, codes[i]);
      import_all (HS_REPOSITORY (council), path);
    }
  g_assert_cmpuint (hs_memory_repository_count_organisations (council), ==, orgs);
  rm_rf (dir);
}

/* Apply saves all or nothing, and refuses a stale preview. */
static void
test_apply_all_or_nothing (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autoptr(HsMemoryRepository) target = hs_memory_repository_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (target), path);
    hs_memory_repository_fail_next_save (target);
    g_assert_false (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 0);
  }

  {
    g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (target), path);
    g_autoptr(HsImportPreview) other = preview_of (HS_REPOSITORY (target), path);
    guint saved = 0;

    g_assert_true (hs_import_preview_apply (other, HS_IMPORT_FLAGS_NONE, NULL, &saved, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (saved, ==, 3);
    g_assert_false (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
    g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE);
    g_clear_error (&error);
    g_assert_cmpuint (hs_memory_repository_count_saves (target), ==, 1);
  }
  rm_rf (dir);
}

/* Apply reads the file again: a file changed since the preview is
 * refused, whether its size, its time or only its bytes differ. */
static void
test_apply_file_changed (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autoptr(HsMemoryRepository) target = hs_memory_repository_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  char *at;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  /* one more byte */
  {
    g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (target), path);
    g_autofree char *longer = g_strconcat (contents, "\n", NULL);

    g_assert_true (g_file_set_contents (path, longer, -1, &error));
    g_assert_false (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
    g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE);
    g_clear_error (&error);
    g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 0);
    g_assert_true (g_file_set_contents (path, contents, length, &error));
  }

  /* the same size and time, one letter of a name changed: the checksum */
  {
    g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (target), path);
    g_autofree char *changed = g_strdup (contents);
    struct stat st;
    struct timespec times[2];

    g_assert_cmpint (stat (path, &st), ==, 0);
    at = strstr (changed, "Oulu");
    g_assert_nonnull (at);
    at[0] = 'X';
    g_assert_true (g_file_set_contents (path, changed, length, &error));
    times[0] = st.st_atim;
    times[1] = st.st_mtim;
    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
    g_assert_false (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
    g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE);
    g_clear_error (&error);
    g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 0);
    g_assert_cmpuint (hs_memory_repository_count_saves (target), ==, 0);
  }
  rm_rf (dir);
}

/* More projects than one chunk of apply: still one save, all of them. */
static void
test_apply_chunks (void)
{
  g_autoptr(HsMemoryRepository) repo = generated_repository (1234, 11);
  g_autoptr(HsMemoryRepository) target = hs_memory_repository_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "big.xml");
  g_autofree char *again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (target), path);
  g_autoptr(GError) error = NULL;
  guint saved = 0;

  hs_import_preview_set_skip (preview, 700, TRUE);
  g_assert_true (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved, ==, 1233);
  g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 1233);
  g_assert_cmpuint (hs_memory_repository_count_saves (target), ==, 1);

  /* and the skipped one completes a byte-identical round trip */
  {
    g_autoptr(HsImportPreview) rest = preview_of (HS_REPOSITORY (target), path);

    g_assert_cmpuint (hs_import_preview_count (rest, HS_IMPORT_NEW), ==, 1);
    g_assert_cmpuint (hs_import_preview_count (rest, HS_IMPORT_UNCHANGED), ==, 1233);
    g_assert_true (hs_import_preview_apply (rest, HS_IMPORT_FLAGS_NONE, NULL, &saved, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (saved, ==, 1);
  }
  again = export_native (HS_REPOSITORY (target), NULL, dir, "again.xml");
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  rm_rf (dir);
}

typedef struct
{
  GCancellable *cancellable;
  guint         n_calls;
  guint         cancel_at;   /* the progress call after that chunk cancels */
} CancelAt;

static void
cancel_at_chunk (guint64  done,
                 guint64  total,
                 gpointer data)
{
  CancelAt *at = data;

  if (++at->n_calls == at->cancel_at)
    g_cancellable_cancel (at->cancellable);
}

/* A cancel while apply saves stops it and saves nothing, also one after
 * the last chunk was saved and the file read to its end (the commit has
 * not begun); the preview can still be applied afterwards. */
static void
test_apply_cancel (void)
{
  g_autoptr(HsMemoryRepository) repo = generated_repository (1234, 11);
  g_autoptr(HsMemoryRepository) target = hs_memory_repository_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "big.xml");
  g_autoptr(HsImportPreview) preview = preview_of (HS_REPOSITORY (target), path);
  g_autoptr(GError) error = NULL;
  guint saved = 7;

  /* 1234 projects: chunks of 500, 500 and 234 */
  for (guint chunk = 1; chunk <= 3; chunk++)
    {
      CancelAt at = { g_cancellable_new (), 0, chunk };

      hs_import_preview_set_apply_progress (preview, cancel_at_chunk, &at);
      g_assert_false (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, at.cancellable, &saved, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (at.n_calls, ==, chunk);
      g_assert_cmpuint (saved, ==, 0);
      g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 0);
      g_assert_cmpuint (hs_memory_repository_count_saves (target), ==, 0);
      g_clear_error (&error);
      g_object_unref (at.cancellable);
    }

  hs_import_preview_set_apply_progress (preview, NULL, NULL);
  g_assert_true (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved, ==, 1234);
  g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 1234);
  rm_rf (dir);
}

/* Skipping an item leaves its project out; a conflict is flagged. */
static void
test_conflict_and_skip (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autofree char *contents = read_file (path);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autoptr(HsImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  guint saved = 0;

  /* OULU-ESIM-001 now claims a main implementer another city has. */
  g_assert_cmpuint (g_string_replace (edited, "name=\"Oulun kaupunki\" business-id=\"0187690-1\"",
                                      "name=\"Tampereen kaupunki\" business-id=\"0211675-2\"", 0), ==, 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);

  preview = preview_of (HS_REPOSITORY (repo), path);
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_CONFLICT), ==, 1);
  for (guint i = 0; i < hs_import_preview_get_n_items (preview); i++)
    if (hs_import_preview_get_item (preview, i)->action == HS_IMPORT_CONFLICT)
      {
        g_assert_nonnull (strstr (hs_import_preview_get_item (preview, i)->conflict, "Oulun kaupunki"));
        hs_import_preview_set_skip (preview, i, TRUE);
      }
  g_assert_true (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved, ==, 0);
  rm_rf (dir);
}

/* What the database cannot hold (a negative indicator target) is refused
 * by import whatever it is told to do with errors, in the rules' words,
 * and nothing is imported; validate has already listed it. */
static void
test_unstorable_refused (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autoptr(HsMemoryRepository) target = hs_memory_repository_new ();
  HsExportSelection one = { HS_EXPORT_SCOPE_PROJECT, 0, "PKS-ESIM-001" };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), &one, dir, "pks.xml");
  g_autofree char *contents = read_file (path);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autoptr(HsImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  const HsImportItem *item;
  gboolean listed = FALSE;

  g_assert_cmpuint (g_string_replace (edited, "<status-change ",
                                      "<indicator code=\"RCO01\" target=\"-5\"/>\n    <status-change ", 1), ==, 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);

  preview = preview_of (HS_REPOSITORY (target), path);
  item = hs_import_preview_get_item (preview, 0);
  for (guint i = 0; i < item->findings->len; i++)
    listed |= g_str_equal (((HsFinding *) g_ptr_array_index (item->findings, i))->code, "indicator-target-negative");
  g_assert_true (listed);

  g_assert_false (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
  g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES);
  g_assert_nonnull (strstr (error->message, "PKS-ESIM-001 cannot be stored"));
  g_assert_nonnull (strstr (error->message, "RCO01"));
  g_assert_null (strstr (error->message, "CHECK"));
  g_assert_cmpuint (hs_memory_repository_count_projects (target), ==, 0);
  rm_rf (dir);
}

/* A reference the database lacks refuses the file (here a call the
 * project names but the file does not define). */
static void
test_unknown_reference (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autofree char *contents = read_file (path);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autoptr(GError) error = NULL;
  HsImportPreview *preview;

  g_assert_cmpuint (g_string_replace (edited, "<call>Oulu — default call</call>",
                                      "<call>Oulu — special call</call>", 0), ==, 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);

  preview = hs_import_preview_new (HS_REPOSITORY (repo), path, NULL, NULL, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "Oulu — special call"));
  rm_rf (dir);
}

/* A call the file defines and the database lacks is previewed as new and
 * created by apply, with the projects that point to it; a call that
 * differs from the stored one of the same name is listed with the
 * attributes that differ, and the stored one is kept. */
static void
test_new_and_differing_calls (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autoptr(HsMemoryRepository) target = hs_memory_repository_new ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autofree char *contents = read_file (path);
  g_autoptr(GString) edited = g_string_new (contents);
  g_autoptr(HsImportPreview) preview = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) oulu = NULL;
  const HsImportCall *entry;
  const HsCall *created = NULL;

  /* Oulu's projects point to a call of their own; Turku's call has
   * another maximum city share and a description */
  g_assert_cmpuint (g_string_replace (edited, "\"Oulu — default call\"",
                                      "\"Oulun haku 2025\" name-en=\"Oulu call 2025\"", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "<call>Oulu — default call</call>",
                                      "<call>Oulun haku 2025</call>", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "Turku — default call\" instrument=\"eakr\" max-support-bp=\"6000\" max-support=\"0\" min-city-bp=\"0\" max-city-bp=\"0\"",
                                      "Turku — default call\" instrument=\"eakr\" max-support-bp=\"6000\" max-support=\"0\" min-city-bp=\"0\" max-city-bp=\"4000\"", 0), ==, 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);
  assert_valid_native (path);

  preview = preview_of (HS_REPOSITORY (target), path);
  g_assert_cmpuint (hs_import_preview_count_new_calls (preview), ==, 1);
  g_assert_cmpuint (hs_import_preview_get_n_calls (preview), ==, 2);
  entry = hs_import_preview_get_call (preview, 0);
  g_assert_cmpstr (entry->agreement, ==, "Oulu");
  g_assert_cmpstr (entry->name, ==, "Oulun haku 2025");
  g_assert_true (entry->is_new);
  g_assert_null (entry->differences);
  entry = hs_import_preview_get_call (preview, 1);
  g_assert_cmpstr (entry->name, ==, "Turku — default call");
  g_assert_false (entry->is_new);
  g_assert_cmpstr (entry->differences, ==, "max-city-bp");
  g_assert_cmpuint (hs_import_preview_count (preview, HS_IMPORT_NEW), ==, 3);

  g_assert_true (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  calls = hs_repository_list_calls (HS_REPOSITORY (target), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 5);
  for (guint i = 0; i < calls->len; i++)
    {
      const HsCall *call = g_ptr_array_index (calls, i);
      if (g_str_equal (call->name, "Oulun haku 2025"))
        created = call;
      if (g_str_equal (call->name, "Turku — default call"))
        g_assert_cmpint (call->max_city_bp, ==, 0);   /* the stored one is kept */
    }
  g_assert_nonnull (created);
  g_assert_cmpstr (created->name_en, ==, "Oulu call 2025");
  g_assert_cmpint (created->agreement_id, ==, 4);
  oulu = hs_repository_load_project_by_code (HS_REPOSITORY (target), "OULU-ESIM-001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (oulu->call_id, ==, created->id);
  rm_rf (dir);
}

/* An export that is cancelled half way leaves the old file as it was and
 * no temporary file behind. */
static void
cancel_on_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  if (done >= 100)
    g_cancellable_cancel (user_data);
}

static void
test_export_atomic (void)
{
  g_autoptr(HsMemoryRepository) repo = generated_repository (500, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "portfolio.xml", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GDir) d = NULL;
  guint entries = 0;

  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);
  g_assert_false (hs_export (HS_REPOSITORY (repo), HS_EXPORT_NATIVE, NULL, path,
                             cancel_on_progress, cancellable, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = read_file (path);
  g_assert_cmpstr (after, ==, "old contents");

  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    entries++;
  g_assert_cmpuint (entries, ==, 1);

  /* a directory that does not exist */
  g_clear_error (&error);
  {
    g_autofree char *bad = g_build_filename (dir, "no", "such", "dir.xml", NULL);
    g_assert_false (hs_export (HS_REPOSITORY (repo), HS_EXPORT_NATIVE, NULL, bad, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, bad));
  }
  rm_rf (dir);
}

/* The streaming reader alone: scope, file-local references and a
 * validation context from the file's own calls. */
typedef struct
{
  guint projects;
  guint with_call;
  guint errors;
} CountData;

static gboolean
count_project (HsNativeReader *reader,
               HsProject      *project,
               guint           line,
               gpointer        user_data,
               GError        **error)
{
  CountData *data = user_data;
  HsValidationContext context;
  g_autoptr(GPtrArray) findings = NULL;

  hs_native_reader_validation_context (reader, project, &context);
  if (context.call != NULL)
    data->with_call++;
  findings = hs_validate_project (project, &context);
  data->errors += hs_findings_count_errors (findings);
  data->projects++;
  hs_project_free (project);
  return TRUE;
}

static void
test_reader (void)
{
  g_autoptr(HsMemoryRepository) repo = demo_repository ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = export_native (HS_REPOSITORY (repo), NULL, dir, "portfolio.xml");
  g_autoptr(HsNativeReader) reader = hs_native_reader_new ();
  g_autoptr(GError) error = NULL;
  CountData data = { 0 };

  g_assert_true (hs_native_reader_read (reader, path, count_project, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hs_native_reader_get_scope (reader), ==, "portfolio");
  g_assert_cmpuint (data.projects, ==, 3);
  g_assert_cmpuint (data.with_call, ==, 3);
  g_assert_cmpuint (data.errors, >, 0);
  g_assert_cmpuint (hs_native_reader_get_agreements (reader)->len, ==, 4);
  g_assert_cmpuint (hs_native_reader_get_calls (reader)->len, ==, 4);
  g_assert_cmpuint (hs_native_reader_get_focus_areas (reader)->len, ==, 8);
  rm_rf (dir);
}

static void
test_clean_text (void)
{
  char *scratch = NULL;
  const char *clean = "Pääkaupunkiseutu\t\r\n";

  g_assert_true (hs_exchange_clean_text (clean, &scratch) == clean);
  g_assert_null (hs_exchange_clean_text (NULL, &scratch));
  g_assert_cmpstr (hs_exchange_clean_text ("a\x01" "b\x1f" "c", &scratch), ==, "abc");
  g_assert_cmpstr (hs_exchange_clean_text ("a\xff" "b", &scratch), ==, "a\xef\xbf\xbd" "b");
  g_assert_cmpstr (hs_exchange_clean_text ("x\xef\xbf\xbe" "y\xef\xbf\xbf" "z", &scratch), ==, "xyz");
  g_free (scratch);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hs_exchange_init ();

  g_test_add_func ("/exchange/native/clean-text", test_clean_text);
  g_test_add_func ("/exchange/native/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/exchange/native/round-trip/generated", test_round_trip_generated);
  g_test_add_func ("/exchange/native/round-trip/awkward-text", test_round_trip_awkward_text);
  g_test_add_func ("/exchange/native/export/scopes", test_export_scopes);
  g_test_add_func ("/exchange/native/export/atomic", test_export_atomic);
  g_test_add_func ("/exchange/native/reader", test_reader);
  g_test_add_func ("/exchange/native/preview/one-change", test_preview_one_change);
  g_test_add_func ("/exchange/native/preview/money-change", test_preview_money_change);
  g_test_add_func ("/exchange/native/preview/conflict-and-skip", test_conflict_and_skip);
  g_test_add_func ("/exchange/native/import/rule-findings-and-strict", test_rule_findings_and_strict);
  g_test_add_func ("/exchange/native/import/organisations-by-business-id", test_organisations_by_business_id);
  g_test_add_func ("/exchange/native/import/all-or-nothing", test_apply_all_or_nothing);
  g_test_add_func ("/exchange/native/import/file-changed", test_apply_file_changed);
  g_test_add_func ("/exchange/native/import/chunks", test_apply_chunks);
  g_test_add_func ("/exchange/native/import/cancel", test_apply_cancel);
  g_test_add_func ("/exchange/native/import/unknown-reference", test_unknown_reference);
  g_test_add_func ("/exchange/native/import/new-and-differing-calls", test_new_and_differing_calls);
  g_test_add_func ("/exchange/native/import/unstorable-refused", test_unstorable_refused);

  return g_test_run ();
}

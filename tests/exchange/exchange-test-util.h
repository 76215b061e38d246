/* exchange-test-util.h — what the exchange tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "core/hs-generate.h"
#include "exchange/hs-exchange.h"
#include "hs-memory-repository.h"

/* A fresh temporary directory for one test; removed by the caller with
 * rm_rf(). */
static inline char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hs-exchange-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static inline char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* xmllint --noout --nonet --schema XSD FILE; returns its exit status and
 * puts its standard error in *messages. */
static inline int
xmllint_schema (const char *xsd,
                const char *file,
                char      **messages)
{
  const char *argv[] = { "xmllint", "--noout", "--nonet", "--schema", xsd, file, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, messages, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static inline char *
native_xsd_path (void)
{
  const char *root = g_getenv ("HANKESALKKU_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "hankesalkku-portfolio-3.xsd", NULL);
}

static inline void
assert_valid_native (const char *file)
{
  g_autofree char *xsd = native_xsd_path ();
  g_autofree char *messages = NULL;
  int status = xmllint_schema (xsd, file, &messages);

  if (status != 0)
    g_error ("%s does not validate against %s: %s", file, xsd, messages);
}

/* A repository with the demo portfolio, each project pointing at its
 * agreement's default call. */
static inline HsMemoryRepository *
demo_repository (void)
{
  HsMemoryRepository *repo = hs_memory_repository_new ();
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (HS_REPOSITORY (repo), NULL);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (HS_REPOSITORY (repo), 0, NULL);
  g_autoptr(GPtrArray) projects = hs_generate_demo (agreements, focus_areas);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (projects->len, ==, 3);
  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *p = g_ptr_array_index (projects, i);
      p->call_id = p->agreement_id;   /* the default call has the agreement's number */
      if (i == 0)
        {
          HsIndicator indicator = { g_strdup ("RCO01"), 12 };
          g_array_append_val (p->indicators, indicator);
          indicator.code = g_strdup ("RCR02");
          indicator.target = 3;
          g_array_append_val (p->indicators, indicator);
        }
    }
  hs_repository_save_projects (HS_REPOSITORY (repo), projects, "demo", &error);
  g_assert_no_error (error);
  return repo;
}

static inline HsMemoryRepository *
generated_repository (guint n,
                      guint seed)
{
  HsMemoryRepository *repo = hs_memory_repository_new ();
  g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (HS_REPOSITORY (repo), NULL);
  g_autoptr(GPtrArray) focus_areas = hs_repository_list_focus_areas (HS_REPOSITORY (repo), 0, NULL);
  g_autoptr(GPtrArray) projects = hs_generate_portfolio (agreements, focus_areas, n, seed);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *p = g_ptr_array_index (projects, i);
      p->call_id = p->agreement_id;
    }
  hs_repository_save_projects (HS_REPOSITORY (repo), projects, "generate", &error);
  g_assert_no_error (error);
  return repo;
}

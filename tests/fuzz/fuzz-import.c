/* fuzz-import.c — an import into a real SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store holds the example portfolio. Any bytes as a file to import: a
 * refused file (at the preview or while applying) leaves the store exactly
 * as it was; an applied one is undone again, and then too the store is as
 * it was. "As it was" is every project's summary (code, status, totals,
 * findings), the organisations and whether there is something to undo.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "core/hs-generate.h"
#include "exchange/hs-exchange.h"
#include "exchange/hs-import.h"
#include "store/hs-sqlite-repository.h"
#include "fuzz.h"

static HsRepository *repo;
static char *input_path;
static char *fingerprint_before;

static char *
fingerprint (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = hs_repository_list_project_summaries (repo, &error);
  g_autoptr(GPtrArray) orgs = NULL;
  GString *out = g_string_new (NULL);

  if (rows == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < rows->len; i++)
    {
      const HsProjectSummary *s = &g_array_index (rows, HsProjectSummary, i);
      g_string_append_printf (out, "%s %d %" G_GINT64_FORMAT " %u\n", s->code, (int) s->status,
                              s->total_costs, s->errors);
    }
  orgs = hs_repository_list_organisations (repo, &error);
  if (orgs == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < orgs->len; i++)
    {
      const HsOrganisation *org = g_ptr_array_index (orgs, i);
      g_string_append_printf (out, "%s|%s|%d\n", org->name, org->business_id ? org->business_id : "", (int) org->type);
    }
  g_string_append_printf (out, "undo %d\n", hs_repository_can_undo (repo));
  return g_string_free (out, FALSE);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-fuzz-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) demo = NULL;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "portfolio.db", NULL);
  input_path = g_build_filename (dir, "input.xml", NULL);
  repo = HS_REPOSITORY (hs_sqlite_repository_open (path, HS_OPEN_CREATE, &error));
  if (repo == NULL)
    g_error ("%s", error->message);
  agreements = hs_repository_list_agreements (repo, &error);
  focus_areas = hs_repository_list_focus_areas (repo, 0, &error);
  demo = hs_generate_demo (agreements, focus_areas);
  if (!hs_repository_save_projects (repo, demo, "demo", &error))
    g_error ("%s", error->message);
  fingerprint_before = fingerprint ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HsImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint saved = 0;

  if (repo == NULL)
    set_up ();
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    g_error ("cannot write %s", input_path);

  preview = hs_import_preview_new (repo, input_path, NULL, NULL, NULL, &error);
  if (preview != NULL)
    {
      hs_import_preview_set_org_policy (preview, HS_IMPORT_ORGS_TAKE);
      if (hs_import_preview_apply (preview, HS_IMPORT_FLAGS_NONE, NULL, &saved, &error) && saved > 0)
        {
          g_autofree char *undone = hs_repository_undo (repo, &error);
          if (undone == NULL)
            g_error ("the import could not be undone: %s", error->message);
        }
    }

  after = fingerprint ();
  if (g_strcmp0 (after, fingerprint_before) != 0)
    g_error ("the store changed:\n%s\n— was —\n%s", after, fingerprint_before);
  return 0;
}

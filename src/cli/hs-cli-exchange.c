/* hs-cli-exchange.c — the exchange commands of hankesalkku-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   export --format xml|iati|operations-csv [--project CODE|--agreement ID] [-o FILE]
 *   import FILE [--dry-run] [--strict]
 *   validate FILE
 *
 * A file that is refused (not well-formed, hostile, against the schema, a
 * newer format, a reference the database lacks, or rule errors under
 * --strict) exits with 1 and changes nothing; a file that cannot be read
 * or a database error exits with 3.
 */
#define G_LOG_DOMAIN "hs-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/hs-validate.h"
#include "exchange/hs-exchange.h"
#include "exchange/hs-exchange-error.h"
#include "exchange/hs-import.h"
#include "exchange/hs-native-reader.h"

#include "hs-cli.h"

/* Refused files are "the data failed validation"; the rest is I/O. */
static int
exchange_error (GError *error)
{
  hs_cli_error ("%s", error->message);
  if (error->domain == HS_EXCHANGE_ERROR)
    {
      switch (error->code)
        {
        case HS_EXCHANGE_ERROR_MALFORMED:
        case HS_EXCHANGE_ERROR_SCHEMA:
        case HS_EXCHANGE_ERROR_VERSION:
        case HS_EXCHANGE_ERROR_TOO_LARGE:
        case HS_EXCHANGE_ERROR_RULES:
        case HS_EXCHANGE_ERROR_REFERENCE:
        case HS_EXCHANGE_ERROR_ORGANISATION:
          return HS_EXIT_FINDINGS;
        case HS_EXCHANGE_ERROR_NOT_FOUND:
          return HS_EXIT_USAGE;
        default:
          break;
        }
    }
  return HS_EXIT_IO;
}

/* ---- export --------------------------------------------------------------- */

int
hs_cli_cmd_export (HsCli *cli,
                   int    argc,
                   char **argv)
{
  g_autofree char *format_id = NULL;
  g_autofree char *code = NULL;
  g_autofree char *output = NULL;
  gint64 agreement_id = 0;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_id, N_("xml (the native format, default), iati (IATI 2.03) or operations-csv (list of operations)"), N_("FORMAT") },
    { "project", 'p', 0, G_OPTION_ARG_STRING, &code, N_("Only the project with this code"), N_("CODE") },
    { "agreement", 'a', 0, G_OPTION_ARG_INT64, &agreement_id, N_("Only the projects of this agreement (its number in “summary --by agreement --json”)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (written under a temporary name and renamed when complete); default standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  HsExportSelection selection = { HS_EXPORT_SCOPE_PORTFOLIO, 0, NULL };
  int format = HS_EXPORT_NATIVE;
  guint n = 0;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("export", "", _("Export the portfolio, one agreement’s projects or one project as native XML, IATI 2.03 XML or a list-of-operations CSV."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("export takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }
  if (format_id != NULL)
    {
      format = hs_export_format_from_id (format_id);
      if (format < 0)
        {
          hs_cli_error (_("Unknown format “%s”: use xml, iati or operations-csv"), format_id);
          return HS_EXIT_USAGE;
        }
    }
  if (code != NULL && agreement_id != 0)
    {
      hs_cli_error (_("Give --project or --agreement, not both"));
      return HS_EXIT_USAGE;
    }
  if (agreement_id < 0)
    {
      hs_cli_error (_("--agreement must be a positive number"));
      return HS_EXIT_USAGE;
    }
  if (code != NULL)
    {
      selection.scope = HS_EXPORT_SCOPE_PROJECT;
      selection.project_code = code;
    }
  else if (agreement_id > 0)
    {
      selection.scope = HS_EXPORT_SCOPE_AGREEMENT;
      selection.agreement_id = agreement_id;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  hs_exchange_init ();
  if (!hs_export (HS_REPOSITORY (repo), format, &selection, output, NULL, NULL, NULL, &n, &error))
    return exchange_error (error);

  if (output != NULL && !g_str_equal (output, "-"))
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "Exported %u project to %s.\n",
                                  "Exported %u projects to %s.\n", n), n, output);
  return HS_EXIT_OK;
}

/* ---- import --------------------------------------------------------------- */

static const char *
action_label (HsImportAction action)
{
  switch (action)
    {
    case HS_IMPORT_NEW: return _("new");
    case HS_IMPORT_CHANGED: return _("changed");
    case HS_IMPORT_UNCHANGED: return _("unchanged");
    case HS_IMPORT_CONFLICT: return _("conflict");
    default: return "?";
    }
}

static void
print_findings (GString    *out,
                const char *path,
                guint       line,
                const char *code,
                GPtrArray  *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      HsFinding *finding = g_ptr_array_index (findings, i);
      g_string_append_printf (out, "%s:%u: %s: %s: %s\n", path, line, code,
                              finding->severity == HS_SEVERITY_ERROR ? _("error") : _("warning"),
                              finding->message);
    }
}

static void
print_preview (HsImportPreview *preview)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *path = hs_import_preview_get_path (preview);
  guint n = hs_import_preview_get_n_items (preview);

  for (guint i = 0; i < n; i++)
    {
      const HsImportItem *item = hs_import_preview_get_item (preview, i);

      g_string_append_printf (out, "%-10s %s  %s\n", action_label (item->action), item->code,
                              item->name != NULL ? item->name : "");
      if (item->conflict != NULL)
        g_string_append_printf (out, "           %s\n", item->conflict);
      for (guint c = 0; c < item->changes->len; c++)
        {
          const HsImportChange *change = g_ptr_array_index (item->changes, c);
          g_string_append_printf (out, "           %s: %s → %s\n", change->label,
                                  *change->old_value != '\0' ? change->old_value : "—",
                                  *change->new_value != '\0' ? change->new_value : "—");
        }
      print_findings (out, path, item->line, item->code, item->findings);
      if (item->review != NULL && item->review_changed)
        /* Translators: "review     PKS-001: 2 scores, 1 decision (granted 100 000,00 €)" */
        g_string_append_printf (out, _("%-10s %s: %s\n"), _("review"), item->code, item->review);
      if (out->len > 65536)
        {
          fputs (out->str, stdout);
          g_string_truncate (out, 0);
        }
    }
  for (guint i = 0; i < hs_import_preview_get_n_org_conflicts (preview); i++)
    {
      const HsImportOrgConflict *conflict = hs_import_preview_get_org_conflict (preview, i);

      /* Translators: "organisation 0204819-8 (first in PKS-001): name: Turun kaupunki → Porin kaupunki" */
      g_string_append_printf (out, _("%-10s organisation %s (first in %s): %s\n"), _("differs"),
                              conflict->business_id, conflict->code, conflict->differences);
    }
  for (guint i = 0; i < hs_import_preview_get_n_calls (preview); i++)
    {
      const HsImportCall *call = hs_import_preview_get_call (preview, i);

      if (call->is_new)
        /* Translators: "new        call “Joensuu 2023” of Joensuu" */
        g_string_append_printf (out, _("%-10s call “%s” of %s\n"), _("new"), call->display_name, call->agreement);
      else
        /* Translators: "differs    call “…” of Joensuu: max-city-bp, description; …" (the
         * attribute names are the file format's and stay untranslated) */
        g_string_append_printf (out, _("%-10s call “%s” of %s: the file has other values for %s; "
                                       "the database’s call is kept\n"),
                                _("differs"), call->display_name, call->agreement, call->differences);
    }
  fputs (out->str, stdout);

  if (hs_import_preview_count_new_calls (preview) > 0)
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%s: %u call is new and is added with the projects.\n",
                                  "%s: %u calls are new and are added with the projects.\n",
                                  hs_import_preview_count_new_calls (preview)),
             path, hs_import_preview_count_new_calls (preview));
  if (hs_import_preview_count_reviews (preview) > 0)
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%s: %u review is imported with the projects.\n",
                                  "%s: %u reviews are imported with the projects.\n",
                                  hs_import_preview_count_reviews (preview)),
             path, hs_import_preview_count_reviews (preview));
  if (hs_import_preview_count_proposals (preview) > 0)
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%s: %u steering group’s proposal is imported with the projects.\n",
                                  "%s: %u steering group’s proposals are imported with the projects.\n",
                                  hs_import_preview_count_proposals (preview)),
             path, hs_import_preview_count_proposals (preview));
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%s: %u project: ", "%s: %u projects: ", n), path, n);
  fprintf (stderr, _("%u new, %u changed, %u unchanged, %u conflicts"),
           hs_import_preview_count (preview, HS_IMPORT_NEW),
           hs_import_preview_count (preview, HS_IMPORT_CHANGED),
           hs_import_preview_count (preview, HS_IMPORT_UNCHANGED),
           hs_import_preview_count (preview, HS_IMPORT_CONFLICT));
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "; %u project breaks the funding rules.\n",
                                "; %u projects break the funding rules.\n",
                                hs_import_preview_count_failing (preview)),
           hs_import_preview_count_failing (preview));
}

int
hs_cli_cmd_import (HsCli *cli,
                   int    argc,
                   char **argv)
{
  gboolean dry_run = FALSE;
  gboolean strict = FALSE;
  gboolean replace = FALSE;
  g_auto(GStrv) skip = NULL;
  g_autofree char *organisations = NULL;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what the import would change"), NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, N_("Refuse the file when any of its projects breaks a funding rule (an error finding)"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace the projects that are already in the database with the file’s (without it, such a file is refused)"), NULL },
    { "skip", 0, 0, G_OPTION_ARG_STRING_ARRAY, &skip, N_("Leave the project with this code as it is (may be given more than once)"), N_("CODE") },
    { "organisations", 0, 0, G_OPTION_ARG_STRING, &organisations, N_("When an organisation of the file differs from the stored one with the same business ID: “keep” the stored one or “take” the file’s (without it, such a file is refused)"), N_("keep|take") },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(HsImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = HS_EXIT_OK;
  guint saved = 0;

  if (!hs_cli_parse_options ("import", _("FILE"), _("Import a native XML file: shows the new projects, the changed fields with their old and new values, conflicts by project code and each project’s findings, then saves all of it in one transaction (or, when the file is refused, none of it)."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    {
      hs_cli_error (argc < 2 ? _("import needs a file name") : _("import takes one file, but was given “%s”"),
                    argc > 2 ? argv[2] : "");
      return HS_EXIT_USAGE;
    }

  if (organisations != NULL && g_strcmp0 (organisations, "keep") != 0 && g_strcmp0 (organisations, "take") != 0)
    {
      hs_cli_error (_("--organisations takes “keep” or “take”, not “%s”"), organisations);
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, dry_run ? HS_OPEN_READ_ONLY : HS_OPEN_DEFAULT, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  hs_exchange_init ();
  preview = hs_import_preview_new (HS_REPOSITORY (repo), argv[1], NULL, NULL, NULL, &error);
  if (preview == NULL)
    {
      int code = exchange_error (error);
      if (code == HS_EXIT_FINDINGS)
        fprintf (stderr, _("The file was refused; nothing was changed.\n"));
      return code;
    }

  /* --skip: each code must be one of the file's */
  for (guint s = 0; skip != NULL && skip[s] != NULL; s++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < hs_import_preview_get_n_items (preview) && !found; i++)
        if (g_str_equal (hs_import_preview_get_item (preview, i)->code, skip[s]))
          {
            hs_import_preview_set_skip (preview, i, TRUE);
            found = TRUE;
          }
      if (!found)
        {
          hs_cli_error (_("--skip %s: the file has no project with that code; nothing was changed"), skip[s]);
          return HS_EXIT_USAGE;
        }
    }
  if (organisations != NULL)
    hs_import_preview_set_org_policy (preview, g_str_equal (organisations, "keep") ? HS_IMPORT_ORGS_KEEP
                                                                                   : HS_IMPORT_ORGS_TAKE);
  print_preview (preview);

  /* What the preview shows is all that may change: replacing a stored
   * project, or changing a stored organisation, is the user's choice. */
  {
    g_autoptr(GString) replaced = g_string_new (NULL);
    guint n_replaced = 0;

    for (guint i = 0; i < hs_import_preview_get_n_items (preview); i++)
      {
        const HsImportItem *item = hs_import_preview_get_item (preview, i);

        if (item->skip || item->action != HS_IMPORT_CHANGED)
          continue;
        if (n_replaced++ < 5)
          g_string_append_printf (replaced, "%s%s", replaced->len > 0 ? ", " : "", item->code);
      }
    if (n_replaced > 5)
      g_string_append (replaced, ", …");
    if (n_replaced > 0 && !replace)
      {
        hs_cli_error (g_dngettext (GETTEXT_PACKAGE,
                                   "the file would replace %u project that is already in the database (%s); "
                                   "add --replace to replace it, or --skip CODE to leave it as it is",
                                   "the file would replace %u projects that are already in the database (%s); "
                                   "add --replace to replace them, or --skip CODE to leave one as it is",
                                   n_replaced),
                      n_replaced, replaced->str);
        fprintf (stderr, dry_run ? _("Dry run: nothing was changed.\n") : _("The file was refused; nothing was changed.\n"));
        return dry_run ? HS_EXIT_OK : HS_EXIT_FINDINGS;
      }
    if (hs_import_preview_get_n_org_conflicts (preview) > 0 && organisations == NULL)
      {
        hs_cli_error (g_dngettext (GETTEXT_PACKAGE,
                                   "%u organisation of the file differs from the stored one with the same business ID "
                                   "(listed above); add --organisations keep to keep the stored one or "
                                   "--organisations take to take the file’s",
                                   "%u organisations of the file differ from the stored ones with the same business ID "
                                   "(listed above); add --organisations keep to keep the stored ones or "
                                   "--organisations take to take the file’s",
                                   hs_import_preview_get_n_org_conflicts (preview)),
                      hs_import_preview_get_n_org_conflicts (preview));
        fprintf (stderr, dry_run ? _("Dry run: nothing was changed.\n") : _("The file was refused; nothing was changed.\n"));
        return dry_run ? HS_EXIT_OK : HS_EXIT_FINDINGS;
      }
  }

  if (strict && hs_import_preview_count_failing (preview) > 0)
    {
      hs_import_preview_apply (preview, HS_IMPORT_STRICT, NULL, NULL, &error);
      hs_cli_error ("%s", error->message);
      fprintf (stderr, _("The file was refused; nothing was changed.\n"));
      return HS_EXIT_FINDINGS;
    }
  if (dry_run)
    {
      fprintf (stderr, _("Dry run: nothing was changed.\n"));
      return HS_EXIT_OK;
    }
  if (!hs_import_preview_apply (preview, strict ? HS_IMPORT_STRICT : HS_IMPORT_FLAGS_NONE, NULL, &saved, &error))
    {
      if (error->domain != HS_EXCHANGE_ERROR)
        return hs_cli_store_error (error);
      return exchange_error (error);
    }
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "Imported %u project.\n", "Imported %u projects.\n", saved), saved);
  return HS_EXIT_OK;
}

/* ---- validate ------------------------------------------------------------- */

typedef struct
{
  GString *out;
  guint    projects;
  guint    errors;
  guint    warnings;
} ValidateState;

static gboolean
validate_project (HsNativeReader  *reader,
                  HsProject       *project,
                  guint            line,
                  gpointer         user_data,
                  GError         **error)
{
  ValidateState *state = user_data;
  g_autoptr(HsProject) owned = project;
  g_autoptr(GPtrArray) findings = NULL;
  HsValidationContext context;
  guint errors;

  hs_native_reader_validation_context (reader, project, &context);
  findings = hs_validate_file_project (project, &context);
  errors = hs_findings_count_errors (findings);
  state->projects++;
  state->errors += errors;
  state->warnings += findings->len - errors;
  print_findings (state->out, hs_native_reader_get_path (reader), line, project->code, findings);
  if (state->out->len > 65536)
    {
      fputs (state->out->str, stdout);
      g_string_truncate (state->out, 0);
    }
  return TRUE;
}

int
hs_cli_cmd_validate (HsCli *cli,
                     int    argc,
                     char **argv)
{
  GOptionEntry entries[] = {
    { NULL }
  };
  g_autoptr(HsNativeReader) reader = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  ValidateState state = { out, 0, 0, 0 };
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("validate", _("FILE"), _("Check a native XML file against the format’s schema and its projects against the funding rules of the calls the file lists. Prints “FILE:LINE: CODE: error: message”; exits with 1 when the file is refused or a project has an error."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    {
      hs_cli_error (argc < 2 ? _("validate needs a file name") : _("validate takes one file, but was given “%s”"),
                    argc > 2 ? argv[2] : "");
      return HS_EXIT_USAGE;
    }

  hs_exchange_init ();
  reader = hs_native_reader_new ();
  if (!hs_native_reader_read (reader, argv[1], validate_project, &state, NULL, &error))
    {
      fputs (out->str, stdout);
      return exchange_error (error);
    }
  fputs (out->str, stdout);

  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%s follows the format; %u project: ", "%s follows the format; %u projects: ",
                                state.projects), argv[1], state.projects);
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", state.errors), state.errors);
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, " and %u warning.\n", " and %u warnings.\n", state.warnings), state.warnings);
  return state.errors > 0 ? HS_EXIT_FINDINGS : HS_EXIT_OK;
}

/* hs-cli-file.c — the database file itself: check-db, backup, restore; and
 * its action log: undo, redo, history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "core/hs-core-error.h"
#include "store/hs-store-error.h"

#include "hs-cli.h"

static char *
database_path (HsCli *cli)
{
  return cli->db_path != NULL ? g_strdup (cli->db_path) : hs_default_database_path ();
}

static gboolean
one_argument (const char  *command,
              int          argc,
              char       **argv,
              const char **argument,
              int         *exit_code)
{
  if (argc != 2)
    {
      hs_cli_error (argc < 2 ? _("%s needs a file name") : _("%s takes one file name, but was given more"),
                    command);
      *exit_code = HS_EXIT_USAGE;
      return FALSE;
    }
  *argument = argv[1];
  return TRUE;
}

int
hs_cli_cmd_check_db (HsCli *cli,
                     int    argc,
                     char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database_path (cli);
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("check-db", "", _("Check that the database file is whole: every page, every index and every reference between rows. It only reads."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("check-db takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL || !hs_sqlite_repository_check_integrity (repo, &error))
    return hs_cli_store_error (error);

  printf (_("%s is whole: no damage was found.\n"), path);
  return HS_EXIT_OK;
}

int
hs_cli_cmd_backup (HsCli *cli,
                   int    argc,
                   char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database_path (cli);
  const char *dest = NULL;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("backup", _("FILE"), _("Copy the whole database into a new FILE, also what a running window has not yet written into the database file itself. The window may stay open."),
                             entries, &argc, &argv, &exit_code)
      || !one_argument ("backup", argc, argv, &dest, &exit_code))
    return exit_code;

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);
  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      hs_cli_error (_("“%s” exists already; a backup never replaces a file, choose another name"), dest);
      return HS_EXIT_USAGE;
    }
  if (!hs_sqlite_repository_backup (repo, dest, &error))
    return hs_cli_store_error (error);

  printf (_("Copied %s to %s.\n"), path, dest);
  return HS_EXIT_OK;
}

int
hs_cli_cmd_restore (HsCli *cli,
                    int    argc,
                    char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database_path (cli);
  g_autofree char *kept = NULL;
  const char *source = NULL;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("restore", _("BACKUP"), _("Replace the database with a backup. What the database held is kept first, in a new file named after it and the time."),
                             entries, &argc, &argv, &exit_code)
      || !one_argument ("restore", argc, argv, &source, &exit_code))
    return exit_code;

  if (!hs_sqlite_restore (path, source, &kept, &error))
    return hs_cli_store_error (error);

  if (kept != NULL)
    printf (_("Restored %s from %s; what it held before is kept in %s.\n"), path, source, kept);
  else
    printf (_("Restored %s from %s.\n"), path, source);
  return HS_EXIT_OK;
}

/* ---- the action log: undo, redo, history -------------------------------------- */

static int
undo_or_redo (HsCli      *cli,
              gboolean    redo,
              int         argc,
              char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  const char *command = redo ? "redo" : "undo";
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options (command, "",
                             redo ? _("Do again the last action of this tool that undo took back.")
                                  : _("Take back the last action of this tool (not the window’s, nor another user’s): a change to projects or to a call. It is refused when a project it changed has been changed elsewhere since."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("%s takes no arguments, but was given “%s”"), command, argv[1]);
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_DEFAULT, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);
  what = redo ? hs_repository_redo (HS_REPOSITORY (repo), &error)
              : hs_repository_undo (HS_REPOSITORY (repo), &error);
  if (what == NULL)
    {
      if (g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_NOTHING_TO_UNDO)
          || g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_STALE))
        {
          hs_cli_error ("%s", error->message);
          return HS_EXIT_FINDINGS;
        }
      return hs_cli_store_error (error);
    }
  printf (redo ? _("Redone: %s\n") : _("Undone: %s\n"), what);
  return HS_EXIT_OK;
}

int
hs_cli_cmd_undo (HsCli *cli,
                 int    argc,
                 char **argv)
{
  return undo_or_redo (cli, FALSE, argc, argv);
}

int
hs_cli_cmd_redo (HsCli *cli,
                 int    argc,
                 char **argv)
{
  return undo_or_redo (cli, TRUE, argc, argv);
}

int
hs_cli_cmd_history (HsCli *cli,
                    int    argc,
                    char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("history", "", _("List the actions in the database’s log, newest first: when, who, what, and whether it was undone. “*” marks this tool’s own, which undo and redo take."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("history takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);
  actions = hs_sqlite_repository_list_actions (repo, &error);
  if (actions == NULL)
    return hs_cli_store_error (error);

  for (guint i = 0; i < actions->len; i++)
    {
      const HsActionInfo *info = &g_array_index (actions, HsActionInfo, i);

      printf ("%c %4" G_GINT64_FORMAT "  %s  %s  %s%s\n", info->mine ? '*' : ' ', info->seq, info->created,
              info->actor != NULL ? info->actor : "?", info->description,
              info->undone ? _(" (undone)") : "");
    }
  if (actions->len == 0)
    printf ("%s\n", _("The log is empty."));
  return HS_EXIT_OK;
}

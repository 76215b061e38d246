/* hs-cli-file.c — the database file itself: check-db, backup, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

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

/* hs-cli.h — what the commands of hankesalkku-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each group of commands lives in its own file (hs-cli.c: init, summary,
 * list, check, generate; hs-cli-exchange.c: export, import, validate;
 * hs-cli-charts.c: chart, report, letter; hs-cli-file.c: check-db, backup,
 * restore; hs-cli-calls.c: call; hs-cli-review.c: criteria, review,
 * ranking, propose, decide, reject, change, versions, diff) and is listed in the command table in
 * hs-cli.c.
 */
#pragma once

#include <glib.h>

#include "core/hs-lang.h"
#include "core/hs-review.h"
#include "store/hs-sqlite-repository.h"

G_BEGIN_DECLS

/* Exit status, DESIGN.md §8 */
enum
{
  HS_EXIT_OK = 0,
  HS_EXIT_FINDINGS = 1,   /* the data failed validation */
  HS_EXIT_USAGE = 2,      /* usage error */
  HS_EXIT_IO = 3,         /* input/output or database error */
};

typedef struct
{
  const char *db_path;   /* --db, else HANKESALKKU_DB, else the default */
  HsLang      lang;      /* the user's language, for numbers and dates */
} HsCli;

/* "hankesalkku-cli: MESSAGE" on standard error. */
void                hs_cli_error           (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Parses a command's options with GOptionContext. --help prints the help
 * and exits 0; bad options print a message, set *exit_code to
 * HS_EXIT_USAGE and return FALSE. */
gboolean            hs_cli_parse_options   (const char    *command,
                                            const char    *parameter,
                                            const char    *description,
                                            GOptionEntry  *entries,
                                            int           *argc,
                                            char        ***argv,
                                            int           *exit_code);
/* Prints the error and returns HS_EXIT_IO. */
int                 hs_cli_store_error     (GError        *error);
/* The --db database (or the default); HS_OPEN_CREATE only for init. */
HsSqliteRepository *hs_cli_open_repository (HsCli         *cli,
                                            HsOpenFlags    flags,
                                            GError       **error);
/* A JSON string literal, escaped. */
void                hs_cli_json_string     (GString       *out,
                                            const char    *text);
/* The string literal, or null for NULL. */
void                hs_cli_json_optional   (GString       *out,
                                            const char    *text);
/* An ISO 8601 date literal, or null for an invalid (unset) date. */
void                hs_cli_json_date       (GString       *out,
                                            const GDate   *date);

/* A column of hs_cli_print_table(); width is computed there. */
typedef struct
{
  const char *title;
  gboolean    right;
  int         width;
} HsCliColumn;

/* Prints rows (GStrv of n_columns cells each; a row whose first cell is
 * NULL is a rule) under the columns' titles, padded to the widest cell,
 * to standard output. */
void                hs_cli_print_table     (HsCliColumn   *columns,
                                            guint          n_columns,
                                            GPtrArray     *rows);

/* hs-cli-calls.c */
int                 hs_cli_cmd_call        (HsCli         *cli,
                                            int            argc,
                                            char         **argv);

/* hs-cli-review.c */
int                 hs_cli_cmd_criteria    (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_criterion   (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_review      (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_ranking     (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_propose     (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_decide      (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_reject      (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_change      (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_versions    (HsCli *cli, int argc, char **argv);
int                 hs_cli_cmd_diff        (HsCli *cli, int argc, char **argv);
/* A call's money as indented lines of text. */
void                hs_cli_call_money_text (GString *out, const HsCallMoney *money, HsLang lang);

/* hs-cli-exchange.c */
int                 hs_cli_cmd_export      (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_import      (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_validate    (HsCli         *cli,
                                            int            argc,
                                            char         **argv);

/* hs-cli-file.c */
int                 hs_cli_cmd_check_db    (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_backup      (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_restore     (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_undo        (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_redo        (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_history     (HsCli         *cli,
                                            int            argc,
                                            char         **argv);

/* hs-cli-charts.c */
int                 hs_cli_cmd_chart       (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_report      (HsCli         *cli,
                                            int            argc,
                                            char         **argv);
int                 hs_cli_cmd_letter      (HsCli         *cli,
                                            int            argc,
                                            char         **argv);

G_END_DECLS

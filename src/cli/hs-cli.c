/* hs-cli.c — hankesalkku-cli, the command-line tool (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hankesalkku-cli [--db FILE] COMMAND [OPTIONS]
 *
 * Exit status (DESIGN.md §8): 0 success, 1 the data failed validation,
 * 2 usage error, 3 input/output or database error. Results go to standard
 * output, errors to standard error.
 */
#define G_LOG_DOMAIN "hs-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-generate.h"
#include "core/hs-i18n.h"
#include "core/hs-lang.h"
#include "core/hs-money.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-reference.h"
#include "core/hs-repository.h"
#include "core/hs-validate.h"
#include "store/hs-sqlite-repository.h"
#include "store/hs-store-error.h"

#include "hs-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (HsCli *cli, int argc, char **argv);
  const char *summary;
} Command;

void
hs_cli_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "hankesalkku-cli: %s\n", message);
}

gboolean
hs_cli_parse_options (const char    *command,
               const char    *parameter,
               const char    *description,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *exit_code)
{
  g_autofree char *title = g_strdup_printf ("%s %s", command, parameter);
  g_autoptr(GOptionContext) context = g_option_context_new (title);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      hs_cli_error ("%s", error->message);
      fprintf (stderr, _("Run “hankesalkku-cli %s --help” to see its options.\n"), command);
      *exit_code = HS_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

int
hs_cli_store_error (GError *error)
{
  hs_cli_error ("%s", error->message);
  return HS_EXIT_IO;
}

HsSqliteRepository *
hs_cli_open_repository (HsCli       *cli,
                 HsOpenFlags  flags,
                 GError     **error)
{
  g_autofree char *path = cli->db_path != NULL ? g_strdup (cli->db_path)
                                               : hs_default_database_path ();

  return hs_sqlite_repository_open (path, flags, error);
}

/* The first call of each agreement, by agreement id. */
static GHashTable *
default_calls (HsRepository *repo,
               GError      **error)
{
  g_autoptr(GPtrArray) calls = hs_repository_list_calls (repo, 0, error);
  GHashTable *by_agreement;

  if (calls == NULL)
    return NULL;

  by_agreement = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (calls, i);
      if (!g_hash_table_contains (by_agreement, &call->agreement_id))
        g_hash_table_insert (by_agreement, g_memdup2 (&call->agreement_id, sizeof (gint64)),
                             GSIZE_TO_POINTER ((gsize) call->id));
    }
  return by_agreement;
}

static gboolean
assign_default_calls (HsRepository *repo,
                      GPtrArray    *projects,
                      GError      **error)
{
  g_autoptr(GHashTable) calls = default_calls (repo, error);

  if (calls == NULL)
    return FALSE;

  for (guint i = 0; i < projects->len; i++)
    {
      HsProject *project = g_ptr_array_index (projects, i);
      project->call_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (calls, &project->agreement_id));
    }
  return TRUE;
}

/* ---- init ----------------------------------------------------------------- */

static int
cmd_init (HsCli *cli,
          int    argc,
          char **argv)
{
  gboolean demo = FALSE;
  GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Also add a small example portfolio, marked as example data"), NULL },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean existed;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("init", "", _("Create the database, with the 16 ecosystem agreements, their focus areas and the funding rules."),
                      entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("init takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }

  path = cli->db_path != NULL ? g_strdup (cli->db_path) : hs_default_database_path ();
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  repo = hs_sqlite_repository_open (path, HS_OPEN_CREATE, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  if (existed)
    printf (_("The database %s already exists; nothing was changed.\n"), path);
  else
    printf (_("Created the database %s with the reference data.\n"), path);

  if (demo)
    {
      g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (HS_REPOSITORY (repo), &error);
      g_autoptr(GPtrArray) focus_areas = agreements != NULL ? hs_repository_list_focus_areas (HS_REPOSITORY (repo), 0, &error) : NULL;
      g_autoptr(GPtrArray) projects = NULL;

      if (focus_areas == NULL)
        return hs_cli_store_error (error);

      projects = hs_generate_demo (agreements, focus_areas);
      if (!assign_default_calls (HS_REPOSITORY (repo), projects, &error))
        return hs_cli_store_error (error);

      if (!hs_repository_save_projects (HS_REPOSITORY (repo), projects, _("Add the example portfolio"), &error))
        {
          if (g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT))
            {
              hs_cli_error (_("The example portfolio is already in %s; nothing was changed."), path);
              return HS_EXIT_USAGE;
            }
          return hs_cli_store_error (error);
        }

      printf (g_dngettext (GETTEXT_PACKAGE, "Added the example portfolio: %u project, marked as example data.\n",
                           "Added the example portfolio: %u projects, marked as example data.\n", projects->len),
              projects->len);
    }

  return HS_EXIT_OK;
}

/* ---- generate ------------------------------------------------------------- */

static int
cmd_generate (HsCli *cli,
              int    argc,
              char **argv)
{
  int n_projects = -1;
  int seed = 1;
  GOptionEntry entries[] = {
    { "projects", 'n', 0, G_OPTION_ARG_INT, &n_projects, N_("How many projects to add (1–1 000 000)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator: the same seed gives the same projects (default 1)"), N_("S") },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("generate", "", _("Add a synthetic portfolio shaped like the real programme (for demonstrations, tests and benchmarks). One project in twenty breaks one funding rule on purpose."),
                      entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("generate takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }
  if (n_projects < 1 || n_projects > 1000000)
    {
      hs_cli_error (_("--projects must be a number from 1 to 1 000 000"));
      return HS_EXIT_USAGE;
    }
  if (seed < 0)
    {
      hs_cli_error (_("--seed must be zero or a positive number"));
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_DEFAULT, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  agreements = hs_repository_list_agreements (HS_REPOSITORY (repo), &error);
  if (agreements == NULL)
    return hs_cli_store_error (error);
  focus_areas = hs_repository_list_focus_areas (HS_REPOSITORY (repo), 0, &error);
  if (focus_areas == NULL)
    return hs_cli_store_error (error);

  projects = hs_generate_portfolio (agreements, focus_areas, (guint) n_projects, (guint32) seed);
  if (!assign_default_calls (HS_REPOSITORY (repo), projects, &error))
    return hs_cli_store_error (error);

  description = g_strdup_printf (_("Generate %d projects (seed %d)"), n_projects, seed);
  if (!hs_repository_save_projects (HS_REPOSITORY (repo), projects, description, &error))
    {
      if (g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT))
        {
          hs_cli_error (_("%s Projects of seed %d are already in the database; use another --seed. Nothing was changed."),
                       error->message, seed);
          return HS_EXIT_USAGE;
        }
      return hs_cli_store_error (error);
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "Added %d synthetic project (GEN-%d-…).\n",
                       "Added %d synthetic projects (GEN-%d-…).\n", n_projects),
          n_projects, seed);
  return HS_EXIT_OK;
}

/* ---- summary -------------------------------------------------------------- */

void
hs_cli_json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
hs_cli_json_optional (GString    *out,
                      const char *text)
{
  if (text == NULL)
    g_string_append (out, "null");
  else
    hs_cli_json_string (out, text);
}

void
hs_cli_json_date (GString     *out,
                  const GDate *date)
{
  g_autofree char *iso = date != NULL && g_date_valid (date) ? hs_date_to_iso (date) : NULL;

  hs_cli_json_optional (out, iso);
}

static void
pad (GString    *out,
     const char *text,
     int         width,
     gboolean    right)
{
  int len = (int) g_utf8_strlen (text, -1);

  if (right)
    for (int i = len; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = len; i < width; i++)
      g_string_append_c (out, ' ');
}

typedef HsCliColumn Column;

void
hs_cli_print_table (HsCliColumn *columns,
                    guint        n_columns,
                    GPtrArray   *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      columns[c].width = (int) g_utf8_strlen (columns[c].title, -1);
      for (guint r = 0; r < rows->len; r++)
        {
          char **row = g_ptr_array_index (rows, r);
          if (row[0] != NULL)   /* not the rule before the totals */
            columns[c].width = MAX (columns[c].width, (int) g_utf8_strlen (row[c], -1));
        }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append (out, "  ");
      pad (out, columns[c].title, c + 1 == n_columns && !columns[c].right ? 0 : columns[c].width, columns[c].right);
    }
  g_string_append_c (out, '\n');
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      if (row[0] == NULL)
        {
          /* a rule before the totals */
          for (guint c = 0; c < n_columns; c++)
            {
              if (c > 0)
                g_string_append (out, "  ");
              for (int i = 0; i < columns[c].width; i++)
                g_string_append (out, "─");
            }
          g_string_append_c (out, '\n');
          continue;
        }
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          pad (out, row[c], c + 1 == n_columns && !columns[c].right ? 0 : columns[c].width, columns[c].right);
        }
      g_string_append_c (out, '\n');
    }
  fputs (out->str, stdout);
}

static gboolean
add_money (gint64 *sum,
           gint64  amount)
{
  return hs_money_add (*sum, amount, sum);
}

static int
cmd_summary (HsCli *cli,
             int    argc,
             char **argv)
{
  g_autofree char *by_id = NULL;
  gint64 agreement_id = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by_id, N_("Group by agreement, focus-area, city, year, status or source (default agreement)"), N_("DIMENSION") },
    { "agreement", 'a', 0, G_OPTION_ARG_INT64, &agreement_id, N_("Only the projects of this agreement (its number in “summary --by agreement --json”)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON with amounts in cents instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  HsSummaryRow total = { 0 };
  HsDimension by = HS_BY_AGREEMENT;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("summary", "", _("Show the portfolio's totals: costs and financing by source, grouped by one dimension."),
                      entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("summary takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }
  if (by_id != NULL)
    {
      int parsed = hs_dimension_from_id (by_id);
      if (parsed < 0)
        {
          hs_cli_error (_("Unknown dimension “%s”: use agreement, focus-area, city, year, status or source"), by_id);
          return HS_EXIT_USAGE;
        }
      by = (HsDimension) parsed;
    }
  if (agreement_id < 0)
    {
      hs_cli_error (_("--agreement must be a positive number"));
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  rows = hs_repository_summarise (HS_REPOSITORY (repo), by, agreement_id, &error);
  if (rows == NULL)
    return hs_cli_store_error (error);
  /* EU and state support apart (docs/design.md, "EU and state") */
  if (!hs_sqlite_repository_add_eu_parts (repo, by, agreement_id, rows, &error))
    return hs_cli_store_error (error);

  for (guint i = 0; i < rows->len; i++)
    {
      HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
      gboolean ok = add_money (&total.total_costs, row->total_costs)
                    && add_money (&total.total_financing, row->total_financing)
                    && add_money (&total.eu, row->eu);
      for (guint s = 0; s < HS_N_SOURCES; s++)
        ok = ok && add_money (&total.financing[s], row->financing[s]);
      if (!ok)
        {
          hs_cli_error (_("The totals are too large to add up"));
          return HS_EXIT_IO;
        }
      if (by != HS_BY_CITY && by != HS_BY_SOURCE && by != HS_BY_YEAR)
        total.projects += row->projects;
    }

  if (json)
    {
      g_autoptr(GString) out = g_string_new ("{\n  \"by\": ");
      hs_cli_json_string (out, hs_dimension_to_id (by));
      g_string_append_printf (out, ",\n  \"agreement\": %" G_GINT64_FORMAT ",\n  \"rows\": [", agreement_id);
      for (guint i = 0; i <= rows->len; i++)
        {
          HsSummaryRow *row = i < rows->len ? &g_array_index (rows, HsSummaryRow, i) : &total;
          if (i == rows->len)
            g_string_append (out, "\n  ],\n  \"total\": {");
          else
            g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
          if (i < rows->len)
            {
              g_string_append (out, "\"key\": ");
              hs_cli_json_string (out, row->key);
              g_string_append (out, ", \"label\": ");
              hs_cli_json_string (out, row->label);
              g_string_append (out, ", ");
            }
          g_string_append_printf (out, "\"projects\": %u, \"total_costs_cents\": %" G_GINT64_FORMAT
                                  ", \"total_financing_cents\": %" G_GINT64_FORMAT ", \"financing_cents\": {",
                                  row->projects, row->total_costs, row->total_financing);
          for (guint s = 0; s < HS_N_SOURCES; s++)
            g_string_append_printf (out, "%s\"%s\": %" G_GINT64_FORMAT, s > 0 ? ", " : "",
                                    hs_source_to_id (s), row->financing[s]);
          /* EU and state support apart: its EU part (by the region's
           * co-financing category; none for national money) and the rest */
          g_string_append_printf (out, "}, \"eu_state_cents\": %" G_GINT64_FORMAT ", \"eu_cents\": %" G_GINT64_FORMAT
                                  ", \"state_cents\": %" G_GINT64_FORMAT "}",
                                  row->financing[HS_SOURCE_EU_STATE], row->eu,
                                  row->financing[HS_SOURCE_EU_STATE] - row->eu);
        }
      g_string_append (out, "\n}\n");
      fputs (out->str, stdout);
      return HS_EXIT_OK;
    }

  {
    g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    const char *group_titles[] = {
      [HS_BY_AGREEMENT] = _("Agreement"), [HS_BY_FOCUS_AREA] = _("Focus area"), [HS_BY_CITY] = _("City"),
      [HS_BY_YEAR] = _("Year"), [HS_BY_STATUS] = _("Status"), [HS_BY_SOURCE] = _("Source"),
    };

    if (by == HS_BY_SOURCE)
      {
        Column columns[] = { { group_titles[by], FALSE }, { _("Amount (€)"), TRUE }, { _("Share"), TRUE } };
        for (guint i = 0; i < rows->len; i++)
          {
            HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
            char **cells = g_new0 (char *, 4);
            cells[0] = g_strdup (row->label);
            cells[1] = hs_money_format_plain (row->total_financing, cli->lang);
            cells[2] = hs_rate_format (hs_rate_of (row->total_financing, total.total_financing), cli->lang);
            g_ptr_array_add (table, cells);
            if (g_strcmp0 (row->key, hs_source_to_id (HS_SOURCE_EU_STATE)) == 0)
              {
                /* its EU part and its state part, below it (not added to the total) */
                gint64 parts[2] = { row->eu, row->financing[HS_SOURCE_EU_STATE] - row->eu };
                const char *labels[2] = { _("of which EU (ERDF)"), _("of which state") };

                for (guint k = 0; k < 2; k++)
                  {
                    cells = g_new0 (char *, 4);
                    cells[0] = g_strconcat ("  ", labels[k], NULL);
                    cells[1] = hs_money_format_plain (parts[k], cli->lang);
                    cells[2] = hs_rate_format (hs_rate_of (parts[k], total.total_financing), cli->lang);
                    g_ptr_array_add (table, cells);
                  }
              }
          }
        g_ptr_array_add (table, g_new0 (char *, 4));
        {
          char **cells = g_new0 (char *, 4);
          cells[0] = g_strdup (_("Total"));
          cells[1] = hs_money_format_plain (total.total_financing, cli->lang);
          cells[2] = hs_rate_format (total.total_financing > 0 ? HS_BP_WHOLE : 0, cli->lang);
          g_ptr_array_add (table, cells);
        }
        hs_cli_print_table (columns, G_N_ELEMENTS (columns), table);
      }
    else if (by == HS_BY_YEAR)
      {
        Column columns[] = { { group_titles[by], FALSE }, { _("Projects"), TRUE }, { _("Total costs (€)"), TRUE } };
        for (guint i = 0; i < rows->len; i++)
          {
            HsSummaryRow *row = &g_array_index (rows, HsSummaryRow, i);
            char **cells = g_new0 (char *, 4);
            cells[0] = g_strdup (row->label);
            cells[1] = g_strdup_printf ("%u", row->projects);
            cells[2] = hs_money_format_plain (row->total_costs, cli->lang);
            g_ptr_array_add (table, cells);
          }
        g_ptr_array_add (table, g_new0 (char *, 4));
        {
          char **cells = g_new0 (char *, 4);
          cells[0] = g_strdup (_("Total"));
          cells[1] = g_strdup ("");
          cells[2] = hs_money_format_plain (total.total_costs, cli->lang);
          g_ptr_array_add (table, cells);
        }
        hs_cli_print_table (columns, G_N_ELEMENTS (columns), table);
      }
    else
      {
        Column columns[] = {
          { group_titles[by], FALSE }, { _("Projects"), TRUE }, { _("Total costs (€)"), TRUE },
          { _("EU and state (€)"), TRUE }, { _("Support"), TRUE }, { _("of which EU (€)"), TRUE },
          { _("of which state (€)"), TRUE }, { _("City financing (€)"), TRUE },
          { _("Other public (€)"), TRUE }, { _("Private (€)"), TRUE }, { _("Own (€)"), TRUE },
        };
        for (guint i = 0; i <= rows->len; i++)
          {
            HsSummaryRow *row = i < rows->len ? &g_array_index (rows, HsSummaryRow, i) : &total;
            char **cells = g_new0 (char *, 12);

            if (i == rows->len)
              g_ptr_array_add (table, g_new0 (char *, 12));
            cells[0] = g_strdup (i < rows->len ? row->label : _("Total"));
            cells[1] = by == HS_BY_CITY && i == rows->len ? g_strdup ("") : g_strdup_printf ("%u", row->projects);
            cells[2] = hs_money_format_plain (row->total_costs, cli->lang);
            cells[3] = hs_money_format_plain (row->financing[HS_SOURCE_EU_STATE], cli->lang);
            cells[4] = hs_rate_format (hs_rate_of (row->financing[HS_SOURCE_EU_STATE], row->total_costs), cli->lang);
            cells[5] = hs_money_format_plain (row->eu, cli->lang);
            cells[6] = hs_money_format_plain (row->financing[HS_SOURCE_EU_STATE] - row->eu, cli->lang);
            cells[7] = hs_money_format_plain (row->financing[HS_SOURCE_CITY], cli->lang);
            cells[8] = hs_money_format_plain (row->financing[HS_SOURCE_OTHER_PUBLIC], cli->lang);
            cells[9] = hs_money_format_plain (row->financing[HS_SOURCE_PRIVATE], cli->lang);
            cells[10] = hs_money_format_plain (row->financing[HS_SOURCE_OWN_PUBLIC] + row->financing[HS_SOURCE_OWN_PRIVATE], cli->lang);
            g_ptr_array_add (table, cells);
          }
        hs_cli_print_table (columns, G_N_ELEMENTS (columns), table);
      }
  }

  return HS_EXIT_OK;
}

/* ---- list ----------------------------------------------------------------- */

static int
cmd_list (HsCli *cli,
          int    argc,
          char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON with amounts in cents instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("list", "", _("List the projects with their totals: code, status, main implementer, total costs, EU and state support and its share, and the number of findings."),
                      entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("list takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  rows = hs_repository_list_project_summaries (HS_REPOSITORY (repo), &error);
  if (rows == NULL)
    return hs_cli_store_error (error);
  if (json && !hs_sqlite_repository_add_project_eu_parts (repo, rows, &error))
    return hs_cli_store_error (error);

  if (json)
    g_string_append (out, "[");
  for (guint i = 0; i < rows->len; i++)
    {
      HsProjectSummary *row = &g_array_index (rows, HsProjectSummary, i);

      if (json)
        {
          g_string_append (out, i == 0 ? "\n  {\"code\": " : ",\n  {\"code\": ");
          hs_cli_json_string (out, row->code);
          g_string_append (out, ", \"name\": ");
          hs_cli_json_string (out, row->name);
          g_string_append (out, ", \"main_implementer\": ");
          hs_cli_json_string (out, row->main_implementer);
          g_string_append_printf (out, ", \"partial_implementers\": %u, \"status\": \"%s\", "
                                  "\"total_costs_cents\": %" G_GINT64_FORMAT ", \"eu_state_cents\": %" G_GINT64_FORMAT
                                  ", \"support_bp\": %d, \"errors\": %u, \"warnings\": %u"
                                  ", \"eu_cents\": %" G_GINT64_FORMAT ", \"state_cents\": %" G_GINT64_FORMAT
                                  ", \"instrument\": \"%s\"}",
                                  row->partial_implementers, hs_status_to_id (row->status),
                                  row->total_costs, row->eu_state, row->support_bp, row->errors, row->warnings,
                                  row->eu, row->eu_state - row->eu, hs_instrument_to_id (row->instrument));
        }
      else
        {
          g_autofree char *costs = hs_money_format (row->total_costs, cli->lang);
          g_autofree char *eu = hs_money_format (row->eu_state, cli->lang);
          g_autofree char *rate = hs_rate_format (row->support_bp, cli->lang);

          g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\t%s", row->code, hs_status_label (row->status),
                                  row->main_implementer != NULL ? row->main_implementer : "—",
                                  costs, eu, rate, row->name != NULL ? row->name : "");
          if (row->errors > 0)
            g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "\t%u error", "\t%u errors", row->errors), row->errors);
          g_string_append_c (out, '\n');
        }
      if (out->len > 65536)
        {
          fputs (out->str, stdout);
          g_string_truncate (out, 0);
        }
    }
  if (json)
    g_string_append (out, rows->len > 0 ? "\n]\n" : "]\n");
  fputs (out->str, stdout);

  return HS_EXIT_OK;
}

/* ---- check ---------------------------------------------------------------- */

typedef struct
{
  HsCli      *cli;
  GHashTable *calls;        /* id → HsCall* */
  GHashTable *focus_areas;  /* id → HsFocusArea* */
  GHashTable *agreements;   /* id → HsAgreement* */
  GArray     *portfolio;    /* HsPortfolioProject, for the agreements' and calls' rules */
  const char *only_code;
  guint       projects;
  guint       failing_projects;
  guint       errors;
  guint       warnings;
  GString    *out;
} CheckState;

static gboolean
check_project_cb (HsProject *project,
                  gpointer   user_data)
{
  CheckState *state = user_data;
  HsValidationContext context = { 0 };
  g_autoptr(GPtrArray) findings = NULL;
  guint errors;

  if (state->only_code != NULL && g_strcmp0 (project->code, state->only_code) != 0)
    return TRUE;

  context.call = g_hash_table_lookup (state->calls, &project->call_id);
  context.focus_area = g_hash_table_lookup (state->focus_areas, &project->focus_area_id);
  context.agreement = g_hash_table_lookup (state->agreements, &project->agreement_id);
  context.lang = state->cli->lang;

  findings = hs_validate_project (project, &context);
  if (state->portfolio != NULL)
    {
      g_array_set_size (state->portfolio, state->portfolio->len + 1);
      hs_portfolio_project_init (&g_array_index (state->portfolio, HsPortfolioProject, state->portfolio->len - 1),
                                 project);
    }
  errors = hs_findings_count_errors (findings);
  state->projects++;
  state->errors += errors;
  state->warnings += findings->len - errors;
  if (errors > 0)
    state->failing_projects++;

  for (guint i = 0; i < findings->len; i++)
    {
      HsFinding *finding = g_ptr_array_index (findings, i);
      g_string_append_printf (state->out, "%s: %s: %s\n", project->code,
                              finding->severity == HS_SEVERITY_ERROR ? _("error") : _("warning"),
                              finding->message);
    }
  if (state->out->len > 65536)
    {
      fputs (state->out->str, stdout);
      g_string_truncate (state->out, 0);
    }
  return TRUE;
}

/* The findings of the agreements and their calls (hs-portfolio-rules.h)
 * over the projects walked, each line "NAME: error: message" with the
 * agreement's name (a call of no agreement: the call's); *errors and
 * *warnings count them. */
static void
check_portfolio (CheckState *state,
                 GPtrArray  *agreements,
                 GPtrArray  *calls,
                 guint      *errors,
                 guint      *warnings)
{
  g_autoptr(GPtrArray) loose_calls = g_ptr_array_new ();
  HsLang lang = state->cli->lang;

  for (guint i = 0; i < calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (calls, i);
      if (g_hash_table_lookup (state->agreements, &call->agreement_id) == NULL)
        g_ptr_array_add (loose_calls, call);
    }

  for (guint a = 0; a <= agreements->len; a++)
    {
      const HsAgreement *agreement = a < agreements->len ? g_ptr_array_index (agreements, a) : NULL;
      g_autoptr(GPtrArray) own_calls = NULL;
      g_autoptr(GPtrArray) findings = NULL;

      if (agreement != NULL)
        {
          own_calls = g_ptr_array_new ();
          for (guint i = 0; i < calls->len; i++)
            if (((HsCall *) g_ptr_array_index (calls, i))->agreement_id == agreement->id)
              g_ptr_array_add (own_calls, g_ptr_array_index (calls, i));
        }
      else if (loose_calls->len == 0)
        break;

      findings = hs_portfolio_check (agreement, agreement != NULL ? own_calls : loose_calls,
                                     state->portfolio, lang);
      for (guint i = 0; i < findings->len; i++)
        {
          const HsFinding *finding = g_ptr_array_index (findings, i);
          g_autofree char *call_name = NULL;
          const char *name;

          if (agreement != NULL)
            name = agreement->region_name;
          else
            {
              /* "calls/ID/…": the loose call it is about */
              gint64 id = g_ascii_strtoll (finding->field + strlen ("calls/"), NULL, 10);
              const HsCall *call = g_hash_table_lookup (state->calls, &id);

              call_name = call != NULL ? hs_call_dup_display_name (call, lang) : g_strdup ("");
              name = call_name;
            }
          g_string_append_printf (state->out, "%s: %s: %s\n", name,
                                  finding->severity == HS_SEVERITY_ERROR ? _("error") : _("warning"),
                                  finding->message);
          if (finding->severity == HS_SEVERITY_ERROR)
            (*errors)++;
          else
            (*warnings)++;
        }
    }
}

static int
cmd_check (HsCli *cli,
           int    argc,
           char **argv)
{
  g_autofree char *code = NULL;
  GOptionEntry entries[] = {
    { "project", 'p', 0, G_OPTION_ARG_STRING, &code, N_("Check only the project with this code"), N_("CODE") },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GHashTable) calls_by_id = NULL;
  g_autoptr(GHashTable) focus_areas_by_id = NULL;
  g_autoptr(GHashTable) agreements_by_id = NULL;
  g_autoptr(GArray) portfolio = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  CheckState state = { 0 };
  guint portfolio_errors = 0, portfolio_warnings = 0;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("check", "", _("Check every project against the funding rules of its call, then every ecosystem agreement and call against theirs (the 60/40 ratio and the city’s share over the agreement’s projects, its indicative yearly amount, the money and the number of projects of each call). Prints one line per finding, “CODE: error: message”, with the agreement’s name in place of a project’s code; exits with 1 when anything has an error. With --project only that project’s own rules are checked."),
                      entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("check takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  calls = hs_repository_list_calls (HS_REPOSITORY (repo), 0, &error);
  if (calls == NULL)
    return hs_cli_store_error (error);
  focus_areas = hs_repository_list_focus_areas (HS_REPOSITORY (repo), 0, &error);
  if (focus_areas == NULL)
    return hs_cli_store_error (error);
  agreements = hs_repository_list_agreements (HS_REPOSITORY (repo), &error);
  if (agreements == NULL)
    return hs_cli_store_error (error);
  calls_by_id = hs_reference_index_by_id (calls);
  focus_areas_by_id = hs_reference_index_by_id (focus_areas);
  agreements_by_id = hs_reference_index_by_id (agreements);
  if (code == NULL)
    portfolio = g_array_new (FALSE, TRUE, sizeof (HsPortfolioProject));

  state.cli = cli;
  state.calls = calls_by_id;
  state.focus_areas = focus_areas_by_id;
  state.agreements = agreements_by_id;
  state.portfolio = portfolio;
  state.only_code = code;
  state.out = out;

  if (!hs_repository_foreach_project (HS_REPOSITORY (repo), check_project_cb, &state, &error))
    return hs_cli_store_error (error);
  /* a project walked is undecided and not proposed: the proposals and the
   * decisions in force come from the store's lines */
  if (portfolio != NULL && hs_repository_has_reviews (HS_REPOSITORY (repo)))
    {
      g_autoptr(GArray) lines = hs_repository_list_portfolio_projects (HS_REPOSITORY (repo), &error);
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

      if (lines == NULL)
        return hs_cli_store_error (error);
      for (guint i = 0; i < lines->len; i++)
        g_hash_table_insert (by_id, &g_array_index (lines, HsPortfolioProject, i).id,
                             &g_array_index (lines, HsPortfolioProject, i));
      for (guint i = 0; i < portfolio->len; i++)
        {
          HsPortfolioProject *p = &g_array_index (portfolio, HsPortfolioProject, i);
          const HsPortfolioProject *line = g_hash_table_lookup (by_id, &p->id);

          if (line == NULL)
            continue;
          p->proposed = line->proposed;
          p->decision = line->decision;
          p->granted = line->granted;
        }
    }
  /* after the projects' findings: the agreements' and the calls' */
  if (portfolio != NULL)
    check_portfolio (&state, agreements, calls, &portfolio_errors, &portfolio_warnings);
  fputs (out->str, stdout);

  if (code != NULL && state.projects == 0)
    {
      hs_cli_error (_("No project has the code “%s”"), code);
      return HS_EXIT_USAGE;
    }

  /* the counts are of every finding, the agreements' and calls' with them */
  if (portfolio != NULL)
    {
      fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "Checked %u project", "Checked %u projects", state.projects),
               state.projects);
      fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, " and %u agreement: ", " and %u agreements: ", agreements->len),
               agreements->len);
    }
  else
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "Checked %u project: ", "Checked %u projects: ", state.projects),
             state.projects);
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", state.errors + portfolio_errors),
           state.errors + portfolio_errors);
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, " and %u warning", " and %u warnings", state.warnings + portfolio_warnings),
           state.warnings + portfolio_warnings);
  if (portfolio_errors + portfolio_warnings > 0)
    /* Translators: after "12 errors and 40 warnings": how many of those
     * findings are of agreements and calls rather than of projects */
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, " (%u of them of agreements and calls)",
                                  " (%u of them of agreements and calls)", portfolio_errors + portfolio_warnings),
             portfolio_errors + portfolio_warnings);
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "; %u project cannot be submitted.\n",
                                "; %u projects cannot be submitted.\n", state.failing_projects),
           state.failing_projects);

  return state.errors + portfolio_errors > 0 ? HS_EXIT_FINDINGS : HS_EXIT_OK;
}

/* ---- main ----------------------------------------------------------------- */

static const Command commands[] = {
  { "init", cmd_init, N_("Create the database with the reference data (--demo: and an example portfolio)") },
  { "summary", cmd_summary, N_("Show the portfolio's totals by agreement, focus area, city, year, status or source") },
  { "list", cmd_list, N_("List the projects with their totals and findings") },
  { "check", cmd_check, N_("Check every project against the funding rules") },
  { "generate", cmd_generate, N_("Add a synthetic portfolio (--projects N [--seed S])") },
  { "export", hs_cli_cmd_export, N_("Export as native XML, IATI 2.03 or a list-of-operations CSV (--format, -o FILE)") },
  { "import", hs_cli_cmd_import, N_("Import a native XML file, all of it or nothing (FILE [--dry-run] [--strict])") },
  { "validate", hs_cli_cmd_validate, N_("Check a native XML file against the schema and the funding rules (FILE)") },
  { "chart", hs_cli_cmd_chart, N_("Draw a chart into a PNG, SVG or PDF file (KIND -o FILE)") },
  { "report", hs_cli_cmd_report, N_("Write the A4 portfolio report, or with --project CODE one project’s application, as PDF (-o FILE.pdf)") },
  { "letter", hs_cli_cmd_letter, N_("Write a project’s funding decision letter as PDF, in the applicant’s language (CODE -o FILE.pdf [--lang fi|sv|en])") },
  { "check-db", hs_cli_cmd_check_db, N_("Check that the database file is whole (it only reads)") },
  { "backup", hs_cli_cmd_backup, N_("Copy the whole database into a new file, also while the window is open (FILE)") },
  { "restore", hs_cli_cmd_restore, N_("Replace the database with a backup, keeping what it held (BACKUP)") },
  { "undo", hs_cli_cmd_undo, N_("Take back this tool’s last action") },
  { "redo", hs_cli_cmd_redo, N_("Do again what undo took back") },
  { "history", hs_cli_cmd_history, N_("List the actions in the database’s log") },
  { "call", hs_cli_cmd_call, N_("List, show, add, edit or delete the calls for applications (list|show|add|edit|delete)") },
  { "criteria", hs_cli_cmd_criteria, N_("List the selection criteria, with a project’s CODE its call’s too") },
  { "criterion", hs_cli_cmd_criterion, N_("Add, change or delete a call’s own selection criterion (add|edit|delete CALL --key KEY …)") },
  { "review", hs_cli_cmd_review, N_("Score an application against a criterion, or show its assessment (CODE)") },
  { "ranking", hs_cli_cmd_ranking, N_("Rank a call’s applications by their assessment, with the call’s money (CALL)") },
  { "propose", hs_cli_cmd_propose, N_("Record the steering group’s proposal for a call (CALL --order CODE,CODE,…)") },
  { "decide", hs_cli_cmd_decide, N_("Record a funding decision that grants support (CODE --date … [--granted …])") },
  { "reject", hs_cli_cmd_reject, N_("Record a negative funding decision (CODE --date … --reason …)") },
  { "change", hs_cli_cmd_change, N_("Open a change application on a decided project (CODE --starts DATE)") },
  { "versions", hs_cli_cmd_versions, N_("List a project’s kept versions and decisions (CODE)") },
  { "diff", hs_cli_cmd_diff, N_("Compare two versions of a project (CODE [--from N] [--to M])") },
};

static void
print_usage (FILE *to)
{
  fprintf (to, "%s\n\n", _("Usage: hankesalkku-cli [--db FILE] COMMAND [OPTIONS]"));
  fprintf (to, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (to, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (to, "\n%s\n", _("Options:"));
  {
    /* Translators: the placeholder in "--db FILE" */
    g_autofree char *db = g_strdup_printf ("--db %s", _("FILE"));
    int width = MAX (10, (int) g_utf8_strlen (db, -1));

    fprintf (to, "  %s%*s  %s\n", db, width - (int) g_utf8_strlen (db, -1), "",
             _("The database (default: $HANKESALKKU_DB, else ~/.local/share/hankesalkku/portfolio.db)"));
    fprintf (to, "  %-*s  %s\n", width, "--version", _("Show the version"));
    fprintf (to, "  %-*s  %s\n\n", width, "--help", _("Show this help"));
  }
  fprintf (to, "%s\n", _("“hankesalkku-cli COMMAND --help” shows the options of a command."));
  fprintf (to, "%s\n", _("Exit status: 0 success, 1 the data failed validation, 2 usage error, 3 input/output or database error."));
}

int
main (int   argc,
      char *argv[])
{
  HsCli cli = { 0 };
  int i;

  hs_i18n_init ();
  g_set_prgname ("hankesalkku-cli");
  cli.lang = hs_lang_current ();

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return HS_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          printf ("hankesalkku-cli %s\n", PACKAGE_VERSION);
          return HS_EXIT_OK;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            {
              hs_cli_error (_("--db needs a file name"));
              return HS_EXIT_USAGE;
            }
          cli.db_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          cli.db_path = arg + strlen ("--db=");
          if (*cli.db_path == '\0')
            {
              hs_cli_error (_("--db needs a file name"));
              return HS_EXIT_USAGE;
            }
        }
      else if (arg[0] == '-')
        {
          hs_cli_error (_("Unknown option “%s”"), arg);
          print_usage (stderr);
          return HS_EXIT_USAGE;
        }
      else
        break;
    }

  if (i >= argc)
    {
      hs_cli_error (_("No command given"));
      print_usage (stderr);
      return HS_EXIT_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (&cli, argc - i, argv + i);

  hs_cli_error (_("Unknown command “%s”"), argv[i]);
  print_usage (stderr);
  return HS_EXIT_USAGE;
}

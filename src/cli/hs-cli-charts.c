/* hs-cli-charts.c — the charts commands of hankesalkku-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * chart KIND [--agreement ID] [--focus-area ID] [--width W] [--height H]
 *            [--dark] [--basis applied|proposed|granted] -o FILE.png|.svg|.pdf
 * report [--agreement ID] [--focus-area ID] [--projects] -o FILE.pdf
 * report --project CODE -o FILE.pdf     (one project's application)
 * letter CODE -o FILE.pdf [--lang fi|sv|en]   (its funding decision letter)
 */
#define G_LOG_DOMAIN "hs-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "charts/hs-chart-render.h"
#include "charts/hs-chart-source.h"
#include "charts/hs-charts-error.h"
#include "charts/hs-report.h"

#include "hs-cli.h"

static int
charts_error (GError *error)
{
  hs_cli_error ("%s", error->message);
  if (g_error_matches (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NOT_FOUND)
      || g_error_matches (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_FORMAT)
      || g_error_matches (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NO_DECISION))
    return HS_EXIT_USAGE;
  return HS_EXIT_IO;
}

static gboolean
check_scope (gint64 agreement_id,
             gint64 focus_area_id)
{
  if (agreement_id < 0 || focus_area_id < 0)
    {
      hs_cli_error (_("--agreement and --focus-area must be positive numbers"));
      return FALSE;
    }
  return TRUE;
}

int
hs_cli_cmd_chart (HsCli *cli,
                  int    argc,
                  char **argv)
{
  gint64 agreement_id = 0, focus_area_id = 0;
  int width = 1200, height = 700;
  gboolean dark = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *basis_name = NULL;
  GOptionEntry entries[] = {
    { "basis", 'b', 0, G_OPTION_ARG_STRING, &basis_name, N_("EU and state support as applied for (default), as the steering groups proposed, or as granted: financing and budget-by-year"), N_("applied|proposed|granted") },
    { "agreement", 'a', 0, G_OPTION_ARG_INT64, &agreement_id, N_("Only the projects of this agreement"), N_("ID") },
    { "focus-area", 'f', 0, G_OPTION_ARG_INT64, &focus_area_id, N_("Only the projects of this focus area"), N_("ID") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (PNG) or points (SVG, PDF); default 1200"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height, N_("Height; default 700"), N_("H") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark style"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(HsChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  HsChartScope scope;
  HsChartStyle style;
  int exit_code = HS_EXIT_OK;
  int kind;
  int basis = HS_CHART_BASIS_APPLIED;

  if (!hs_cli_parse_options ("chart", _("KIND"),
                             _("Draw a chart of the portfolio into a file. KIND is financing, budget-by-year, timeline, status or implementers; the suffix of the file picks the format."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    {
      hs_cli_error (argc < 2 ? _("chart needs a KIND: financing, budget-by-year, timeline, status or implementers")
                             : _("chart takes one KIND, but was given more"));
      return HS_EXIT_USAGE;
    }
  kind = hs_chart_kind_from_id (argv[1]);
  if (kind < 0)
    {
      hs_cli_error (_("Unknown chart “%s”: use financing, budget-by-year, timeline, status or implementers"), argv[1]);
      return HS_EXIT_USAGE;
    }
  if (basis_name != NULL)
    {
      basis = hs_chart_basis_from_id (basis_name);
      if (basis < 0)
        {
          hs_cli_error (_("--basis: “%s” is not a basis: use applied, proposed or granted"), basis_name);
          return HS_EXIT_USAGE;
        }
      if (basis != HS_CHART_BASIS_APPLIED && !hs_chart_kind_has_basis (kind))
        {
          hs_cli_error (_("--basis %s: the %s chart shows no EU and state support; the financing and budget-by-year charts do"),
                        basis_name, argv[1]);
          return HS_EXIT_USAGE;
        }
    }
  if (output == NULL)
    {
      hs_cli_error (_("chart needs -o FILE (.png, .svg or .pdf)"));
      return HS_EXIT_USAGE;
    }
  if (hs_chart_format_from_path (output) < 0)
    {
      hs_cli_error (_("Cannot tell the format of “%s”: the name must end in .png, .svg or .pdf"), output);
      return HS_EXIT_USAGE;
    }
  if (width < 100 || height < 100 || width > 10000 || height > 10000)
    {
      hs_cli_error (_("--width and --height must be from 100 to 10 000"));
      return HS_EXIT_USAGE;
    }
  if (!check_scope (agreement_id, focus_area_id))
    return HS_EXIT_USAGE;

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  scope.agreement_id = agreement_id;
  scope.focus_area_id = focus_area_id;
  data = hs_chart_data_from_repository_for_basis (HS_REPOSITORY (repo), &scope, kind, basis, cli->lang, &error);
  if (data == NULL)
    return charts_error (error);

  hs_chart_style_init (&style, dark);
  if (!hs_chart_export (data, &style, width, height, output, &error))
    return charts_error (error);
  return HS_EXIT_OK;
}

int
hs_cli_cmd_report (HsCli *cli,
                   int    argc,
                   char **argv)
{
  gint64 agreement_id = 0, focus_area_id = 0;
  gboolean projects = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *date = NULL;
  g_autofree char *code = NULL;
  GOptionEntry entries[] = {
    { "agreement", 'a', 0, G_OPTION_ARG_INT64, &agreement_id, N_("Only the projects of this agreement"), N_("ID") },
    { "focus-area", 'f', 0, G_OPTION_ARG_INT64, &focus_area_id, N_("Only the projects of this focus area"), N_("ID") },
    { "projects", 'p', 0, G_OPTION_ARG_NONE, &projects, N_("Add a page for every project"), NULL },
    { "project", 0, 0, G_OPTION_ARG_STRING, &code, N_("Instead, the application of this one project: its data, budget and financing per implementer, indicators and findings"), N_("CODE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date printed on the report (default today)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(HsReportData) data = NULL;
  g_autoptr(GError) error = NULL;
  HsReportOptions options = { 0 };
  int exit_code = HS_EXIT_OK;
  guint n_pages = 0;

  if (!hs_cli_parse_options ("report", "",
                             _("Write an A4 portfolio report as PDF: a cover, a summary by focus area and source, the charts and, with --projects, a page for every project. With --project CODE, that project’s application instead."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("report takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }
  if (output == NULL || hs_chart_format_from_path (output) != HS_CHART_FORMAT_PDF)
    {
      hs_cli_error (_("report needs -o FILE.pdf"));
      return HS_EXIT_USAGE;
    }
  if (!check_scope (agreement_id, focus_area_id))
    return HS_EXIT_USAGE;
  if (code != NULL && (agreement_id != 0 || focus_area_id != 0 || projects))
    {
      hs_cli_error (_("--project writes one project’s application: it does not go with --agreement, --focus-area or --projects"));
      return HS_EXIT_USAGE;
    }
  g_date_clear (&options.date, 1);
  if (date != NULL && !hs_date_parse (date, &options.date, &error))
    {
      hs_cli_error ("--date: %s", error->message);
      return HS_EXIT_USAGE;
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);

  if (code != NULL)
    {
      g_autoptr(HsProject) project = hs_repository_load_project_by_code (HS_REPOSITORY (repo), code, &error);

      if (project == NULL)
        {
          if (g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND))
            {
              hs_cli_error (_("There is no project with the code “%s”"), code);
              return HS_EXIT_USAGE;
            }
          return hs_cli_store_error (error);
        }
      data = hs_report_data_for_project (HS_REPOSITORY (repo), project->id, cli->lang, &options.date, &error);
      if (data == NULL)
        return charts_error (error);
      if (!hs_report_write_pdf (data, output, &n_pages, &error))
        return charts_error (error);
      printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n", n_pages), output, n_pages);
      return HS_EXIT_OK;
    }

  options.scope.agreement_id = agreement_id;
  options.scope.focus_area_id = focus_area_id;
  options.include_projects = projects;
  options.lang = cli->lang;
  data = hs_report_data_from_repository (HS_REPOSITORY (repo), &options, &error);
  if (data == NULL)
    return charts_error (error);
  if (!hs_report_write_pdf (data, output, &n_pages, &error))
    return charts_error (error);

  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n", n_pages), output, n_pages);
  return HS_EXIT_OK;
}

int
hs_cli_cmd_letter (HsCli *cli,
                   int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *lang_name = NULL;
  GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_name, N_("The applicant’s language: fi, sv or en (default: the user’s)"), N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(HsSqliteRepository) repo = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = HS_EXIT_OK;
  HsLang lang = cli->lang;

  if (!hs_cli_parse_options ("letter", _("CODE"),
                             _("Write the funding decision letter of a project as an A4 PDF: the council’s latest decision on its application or change application, with the support each implementer applied for and was granted, or the reason of a rejection. The letter is in the applicant’s language, whatever the user’s."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    {
      hs_cli_error (argc < 2 ? _("letter needs the CODE of a decided project")
                             : _("letter takes one CODE, but was given more"));
      return HS_EXIT_USAGE;
    }
  if (output == NULL || hs_chart_format_from_path (output) != HS_CHART_FORMAT_PDF)
    {
      hs_cli_error (_("letter needs -o FILE.pdf"));
      return HS_EXIT_USAGE;
    }
  if (lang_name != NULL)
    {
      if (g_str_equal (lang_name, "fi"))
        lang = HS_LANG_FI;
      else if (g_str_equal (lang_name, "sv"))
        lang = HS_LANG_SV;
      else if (g_str_equal (lang_name, "en"))
        lang = HS_LANG_EN;
      else
        {
          hs_cli_error (_("--lang: “%s” is not a language of the letters: use fi, sv or en"), lang_name);
          return HS_EXIT_USAGE;
        }
    }

  repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
  if (repo == NULL)
    return hs_cli_store_error (error);
  if (!hs_report_write_decision_letter (HS_REPOSITORY (repo), argv[1], lang, output, &error))
    return charts_error (error);
  printf (_("Wrote %s.\n"), output);
  return HS_EXIT_OK;
}

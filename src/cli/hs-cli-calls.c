/* hs-cli-calls.c — the calls for applications in hankesalkku-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   call list [--agreement A] [--json]
 *   call show CALL [--agreement A] [--json]
 *   call add --agreement A --name NAME [OPTIONS]
 *   call edit CALL [--agreement A] [OPTIONS]
 *   call delete CALL [--agreement A]
 *
 * A is an agreement's number, region or one of its cities; CALL is a
 * call's id or one of its names. Every value is parsed and checked against
 * what the database would refuse before anything is written, and every
 * bad one is named (exit 2); a change is one action that undo takes back.
 */
#define G_LOG_DOMAIN "hs-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-enums.h"
#include "core/hs-money.h"
#include "core/hs-reference.h"
#include "core/hs-repository.h"

#include "core/hs-portfolio-rules.h"
#include "hs-cli.h"

/* What the store's schema allows (0004-calls.sql). */
#define MAX_DURATION_MONTHS 1200
#define MAX_PROJECTS        100000

/* ---- agreements and calls by what people type ----------------------------- */

static gboolean
is_number (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Equal for people: the same letters, whatever their case. */
static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  na = g_utf8_normalize (a, -1, G_NORMALIZE_DEFAULT);
  nb = g_utf8_normalize (b, -1, G_NORMALIZE_DEFAULT);
  if (na == NULL || nb == NULL)
    return FALSE;
  fa = g_utf8_casefold (na, -1);
  fb = g_utf8_casefold (nb, -1);
  return g_str_equal (fa, fb);
}

static gboolean
contains_text (const char *haystack,
               const char *needle)
{
  g_autofree char *fh = NULL;
  g_autofree char *fn = NULL;

  if (haystack == NULL || needle == NULL)
    return FALSE;
  fh = g_utf8_casefold (haystack, -1);
  fn = g_utf8_casefold (needle, -1);
  return strstr (fh, fn) != NULL;
}

/* "Pääkaupunkiseutu (PKS)" is also "Pääkaupunkiseutu", "PKS", and each of
 * its cities. */
static gboolean
agreement_is_called (const HsAgreement *agreement,
                     const char        *text)
{
  const char *open;

  if (same_text (agreement->region_name, text))
    return TRUE;
  open = agreement->region_name != NULL ? strstr (agreement->region_name, " (") : NULL;
  if (open != NULL)
    {
      g_autofree char *before = g_strndup (agreement->region_name, open - agreement->region_name);
      g_autofree char *inside = g_strdup (open + 2);
      char *close = strrchr (inside, ')');

      if (close != NULL)
        *close = '\0';
      if (same_text (before, text) || same_text (inside, text))
        return TRUE;
    }
  for (guint i = 0; agreement->cities != NULL && agreement->cities[i] != NULL; i++)
    if (same_text (agreement->cities[i], text))
      return TRUE;
  return FALSE;
}

static const HsAgreement *
agreement_by_id (GPtrArray *agreements,
                 gint64     id)
{
  for (guint i = 0; i < agreements->len; i++)
    {
      const HsAgreement *agreement = g_ptr_array_index (agreements, i);
      if (agreement->id == id)
        return agreement;
    }
  return NULL;
}

static const char *
agreement_name (GPtrArray *agreements,
                gint64     id)
{
  const HsAgreement *agreement = agreement_by_id (agreements, id);

  return agreement != NULL ? agreement->region_name : "?";
}

/* The agreement @text names, or NULL after saying so (with the agreements). */
static const HsAgreement *
find_agreement (GPtrArray  *agreements,
                const char *option,
                const char *text)
{
  const HsAgreement *found = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      hs_cli_error (_("%s: the value is not valid UTF-8 text"), option);
      return NULL;
    }
  if (is_number (text))
    found = agreement_by_id (agreements, g_ascii_strtoll (text, NULL, 10));
  for (guint i = 0; found == NULL && i < agreements->len; i++)
    {
      const HsAgreement *agreement = g_ptr_array_index (agreements, i);
      if (agreement_is_called (agreement, text))
        found = agreement;
    }
  if (found != NULL)
    return found;

  for (guint i = 0; i < agreements->len; i++)
    {
      const HsAgreement *agreement = g_ptr_array_index (agreements, i);
      g_string_append_printf (names, "\n  %2" G_GINT64_FORMAT "  %s", agreement->id, agreement->region_name);
    }
  /* Translators: "--agreement: no agreement is called “Savonlinna”; the agreements are:" and a list */
  hs_cli_error (_("%s: no agreement is called “%s”; give its number, its region or one of its cities:%s"),
                option, text, names->str);
  return NULL;
}

static gboolean
call_is_called (const HsCall *call,
                const char   *text,
                gboolean      exactly)
{
  static const HsLang langs[] = { HS_LANG_FI, HS_LANG_SV, HS_LANG_EN };
  const char *names[] = { call->name, call->name_sv, call->name_en };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i] != NULL && (exactly ? g_str_equal (names[i], text) : same_text (names[i], text)))
      return TRUE;
  /* an agreement's default call also by the name each language gives it */
  if (hs_call_is_agreement_default (call))
    for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
      {
        g_autofree char *display = hs_call_dup_display_name (call, langs[i]);
        if (exactly ? g_str_equal (display, text) : same_text (display, text))
          return TRUE;
      }
  return FALSE;
}

static void
append_call_line (GString      *out,
                  const HsCall *call,
                  GPtrArray    *agreements,
                  HsLang        lang)
{
  g_autofree char *name = hs_call_dup_display_name (call, lang);

  g_string_append_printf (out, "\n  %4" G_GINT64_FORMAT "  %s: %s", call->id,
                          agreement_name (agreements, call->agreement_id), name);
}

/* The call @text names (an id or a name), within @within when it is not
 * NULL; NULL after saying why, with the candidates. */
static HsCall *
find_call (GPtrArray         *calls,
           GPtrArray         *agreements,
           const HsAgreement *within,
           const char        *text,
           HsLang             lang)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      hs_cli_error (_("The call’s name is not valid UTF-8 text"));
      return NULL;
    }

  if (is_number (text))
    {
      gint64 id = g_ascii_strtoll (text, NULL, 10);
      for (guint i = 0; i < calls->len; i++)
        {
          HsCall *call = g_ptr_array_index (calls, i);
          if (call->id != id)
            continue;
          if (within != NULL && call->agreement_id != within->id)
            {
              g_autofree char *name = hs_call_dup_display_name (call, lang);
              hs_cli_error (_("The call %s (“%s”) belongs to the agreement %s, not to %s"),
                            text, name, agreement_name (agreements, call->agreement_id), within->region_name);
              return NULL;
            }
          return call;
        }
    }

  for (int pass = 0; pass < 2 && matches->len == 0; pass++)
    for (guint i = 0; i < calls->len; i++)
      {
        HsCall *call = g_ptr_array_index (calls, i);
        if ((within == NULL || call->agreement_id == within->id) && call_is_called (call, text, pass == 0))
          g_ptr_array_add (matches, call);
      }
  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len > 1)
    {
      for (guint i = 0; i < matches->len; i++)
        append_call_line (list, g_ptr_array_index (matches, i), agreements, lang);
      hs_cli_error (g_dngettext (GETTEXT_PACKAGE,
                                 "“%s” names %u call; give its id, or choose the agreement with --agreement:%s",
                                 "“%s” names %u calls; give one’s id, or choose the agreement with --agreement:%s",
                                 matches->len),
                    text, matches->len, list->str);
      return NULL;
    }

  /* Unknown: the calls whose names contain the text, else all of them (of
   * the agreement). */
  for (int pass = 0; pass < 2 && list->len == 0; pass++)
    for (guint i = 0; i < calls->len; i++)
      {
        HsCall *call = g_ptr_array_index (calls, i);
        g_autofree char *display = hs_call_dup_display_name (call, lang);

        if (within != NULL && call->agreement_id != within->id)
          continue;
        if (pass == 0 && !contains_text (call->name, text) && !contains_text (call->name_sv, text)
            && !contains_text (call->name_en, text) && !contains_text (display, text))
          continue;
        append_call_line (list, call, agreements, lang);
      }
  if (list->len == 0)
    hs_cli_error (_("No call is called “%s”, and there are no calls"), text);
  else if (within != NULL)
    hs_cli_error (_("The agreement %s has no call called “%s”; its calls are:%s"), within->region_name, text, list->str);
  else
    hs_cli_error (_("No call is called “%s”; give a call’s id or name:%s"), text, list->str);
  return NULL;
}

/* ---- what the commands share ---------------------------------------------- */

typedef struct
{
  HsSqliteRepository *repo;
  GPtrArray          *agreements;   /* of HsAgreement* */
  GPtrArray          *calls;        /* of HsCall* */
} Data;

static void
data_clear (Data *data)
{
  g_clear_object (&data->repo);
  g_clear_pointer (&data->agreements, g_ptr_array_unref);
  g_clear_pointer (&data->calls, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Data, data_clear)

/* Opens the database and reads its agreements and calls; HS_EXIT_OK or the
 * exit status after saying what failed. */
static int
data_load (Data        *data,
           HsCli       *cli,
           HsOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  data->repo = hs_cli_open_repository (cli, flags, &error);
  if (data->repo == NULL)
    return hs_cli_store_error (error);
  data->agreements = hs_repository_list_agreements (HS_REPOSITORY (data->repo), &error);
  if (data->agreements == NULL)
    return hs_cli_store_error (error);
  data->calls = hs_repository_list_calls (HS_REPOSITORY (data->repo), 0, &error);
  if (data->calls == NULL)
    return hs_cli_store_error (error);
  return HS_EXIT_OK;
}

/* The one CALL argument of show, edit and delete: FALSE after saying what
 * is wrong with the command line. */
static gboolean
one_call_argument (const char  *command,
                   int          argc,
                   char       **argv)
{
  if (argc == 2)
    return TRUE;
  if (argc < 2)
    /* Translators: %s is the command, "call show" */
    hs_cli_error (_("%s needs a call: its id or its name"), command);
  else
    /* Translators: the first %s is the command, "call show" */
    hs_cli_error (_("%s takes one call, but was also given “%s”"), command, argv[2]);
  return FALSE;
}

/* Opens the database and finds the call @text names (within the agreement
 * --agreement names, if given): the exit status, *@out set on success. */
static int
load_named_call (Data        *data,
                 HsCli       *cli,
                 HsOpenFlags  flags,
                 const char  *agreement_text,
                 const char  *text,
                 HsCall     **out)
{
  const HsAgreement *within = NULL;
  int exit_code = data_load (data, cli, flags);

  if (exit_code != HS_EXIT_OK)
    return exit_code;
  if (agreement_text != NULL && (within = find_agreement (data->agreements, "--agreement", agreement_text)) == NULL)
    return HS_EXIT_USAGE;
  *out = find_call (data->calls, data->agreements, within, text, cli->lang);
  return *out != NULL ? HS_EXIT_OK : HS_EXIT_USAGE;
}

/* call id → the number of projects that apply to it: from the lines the
 * store reads off its totals (no project loaded). */
static GHashTable *
count_projects (HsRepository *repo,
                GError      **error)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) portfolio = hs_repository_list_portfolio_projects (repo, error);

  if (portfolio == NULL)
    {
      g_hash_table_unref (counts);
      return NULL;
    }
  for (guint i = 0; i < portfolio->len; i++)
    {
      const gint64 *call_id = &g_array_index (portfolio, HsPortfolioProject, i).call_id;
      gpointer old = g_hash_table_lookup (counts, call_id);

      g_hash_table_insert (counts, g_memdup2 (call_id, sizeof (gint64)),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
    }
  return counts;
}

static guint
projects_of (GHashTable   *counts,
             const HsCall *call)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, &call->id));
}

/* The instrument in a few letters, for the table. */
static const char *
instrument_short (HsInstrument instrument)
{
  switch (instrument)
    {
    /* Translators: the EU's regional development fund in a table column (EAKR in Finnish) */
    case HS_INSTRUMENT_EAKR: return _("ERDF");
    /* Translators: the state's start-up money for the agreements in a table column */
    case HS_INSTRUMENT_AKKE: return _("AKKE");
    /* Translators: other national money, in a table column */
    case HS_INSTRUMENT_NATIONAL: return _("national");
    case HS_N_INSTRUMENTS:
    default: return "?";
    }
}

/* "21.8.2023–31.12.2023", "21.8.2023–", "–31.12.2023", "—". */
static char *
period_format (const HsCall *call,
               HsLang        lang)
{
  g_autofree char *open = hs_date_format (&call->open_date, lang);
  g_autofree char *close = hs_date_format (&call->close_date, lang);

  if (*open == '\0' && *close == '\0')
    return g_strdup ("—");
  return g_strdup_printf ("%s–%s", open, close);
}

/* One call as a JSON object on one line: every field, amounts in cents,
 * rates in basis points, dates ISO 8601 (null when not set). */
static void
call_to_json (GString      *out,
              const HsCall *call,
              GPtrArray    *agreements,
              guint         projects)
{
  gboolean first = TRUE;

  g_string_append_printf (out, "{\"id\": %" G_GINT64_FORMAT ", \"agreement_id\": %" G_GINT64_FORMAT ", \"agreement\": ",
                          call->id, call->agreement_id);
  hs_cli_json_string (out, agreement_name (agreements, call->agreement_id));
  g_string_append (out, ", \"name\": ");
  hs_cli_json_string (out, call->name);
  g_string_append (out, ", \"name_sv\": ");
  hs_cli_json_optional (out, call->name_sv);
  g_string_append (out, ", \"name_en\": ");
  hs_cli_json_optional (out, call->name_en);
  g_string_append (out, ", \"intermediary\": ");
  hs_cli_json_optional (out, call->intermediary);
  g_string_append_printf (out, ", \"instrument\": \"%s\", \"open_date\": ", hs_instrument_to_id (call->instrument));
  hs_cli_json_date (out, &call->open_date);
  g_string_append (out, ", \"close_date\": ");
  hs_cli_json_date (out, &call->close_date);
  g_string_append_printf (out, ", \"max_support_bp\": %d, \"max_support_cents\": %" G_GINT64_FORMAT
                          ", \"min_city_bp\": %d, \"max_city_bp\": %d, \"min_own_bp\": %d"
                          ", \"max_duration_months\": %u, \"max_projects\": %u, \"cost_models\": [",
                          call->max_support_bp, call->max_support, call->min_city_bp, call->max_city_bp,
                          call->min_own_bp, call->max_duration_months, call->max_projects);
  for (guint m = 0; m < HS_N_COST_MODELS; m++)
    if (call->allowed_cost_models & (1u << m))
      {
        g_string_append_printf (out, "%s\"%s\"", first ? "" : ", ", hs_cost_model_to_id ((HsCostModel) m));
        first = FALSE;
      }
  g_string_append_printf (out, "], \"money_available_cents\": %" G_GINT64_FORMAT
                          ", \"city_money_available_cents\": %" G_GINT64_FORMAT ", \"description\": ",
                          call->money_available, call->city_money_available);
  hs_cli_json_optional (out, call->description);
  g_string_append_printf (out, ", \"projects\": %u}", projects);
}

/* ---- call list ------------------------------------------------------------ */

static int
cmd_list (HsCli *cli,
          int    argc,
          char **argv)
{
  g_autofree char *agreement_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "agreement", 'a', 0, G_OPTION_ARG_FILENAME, &agreement_text, N_("Only the calls of this agreement (its number, region or one of its cities)"), N_("AGREEMENT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON with every field (amounts in cents, rates in basis points) instead of a table"), NULL },
    { NULL }
  };
  g_auto(Data) data = { 0 };
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const HsAgreement *within = NULL;
  int exit_code = HS_EXIT_OK;
  guint shown = 0;

  if (!hs_cli_parse_options ("call list", "", _("List the calls for applications: id, agreement, name, funding instrument, when the call is open, the support rate at most and the number of projects that apply to it."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("call list takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }

  exit_code = data_load (&data, cli, HS_OPEN_READ_ONLY);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  if (agreement_text != NULL)
    {
      within = find_agreement (data.agreements, "--agreement", agreement_text);
      if (within == NULL)
        return HS_EXIT_USAGE;
    }
  counts = count_projects (HS_REPOSITORY (data.repo), &error);
  if (counts == NULL)
    return hs_cli_store_error (error);

  if (json)
    {
      g_string_append (out, "[");
      for (guint i = 0; i < data.calls->len; i++)
        {
          const HsCall *call = g_ptr_array_index (data.calls, i);
          if (within != NULL && call->agreement_id != within->id)
            continue;
          g_string_append (out, shown == 0 ? "\n  " : ",\n  ");
          call_to_json (out, call, data.agreements, projects_of (counts, call));
          shown++;
        }
      g_string_append (out, shown > 0 ? "\n]\n" : "]\n");
      fputs (out->str, stdout);
      return HS_EXIT_OK;
    }

  {
    HsCliColumn columns[] = {
      { _("ID"), TRUE }, { _("Agreement"), FALSE }, { _("Call"), FALSE }, { _("Instrument"), FALSE },
      { _("Open"), FALSE }, { _("Support at most"), TRUE }, { _("Projects"), TRUE },
    };
    g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    for (guint i = 0; i < data.calls->len; i++)
      {
        const HsCall *call = g_ptr_array_index (data.calls, i);
        char **cells;

        if (within != NULL && call->agreement_id != within->id)
          continue;
        cells = g_new0 (char *, G_N_ELEMENTS (columns) + 1);
        cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, call->id);
        cells[1] = g_strdup (agreement_name (data.agreements, call->agreement_id));
        cells[2] = hs_call_dup_display_name (call, cli->lang);
        cells[3] = g_strdup (instrument_short (call->instrument));
        cells[4] = period_format (call, cli->lang);
        cells[5] = hs_rate_format_limit (call->max_support_bp, cli->lang);
        cells[6] = hs_count_format (projects_of (counts, call), cli->lang);
        g_ptr_array_add (table, cells);
      }
    if (table->len == 0)
      {
        if (within != NULL)
          printf (_("The agreement %s has no calls.\n"), within->region_name);
        else
          printf ("%s\n", _("There are no calls."));
        return HS_EXIT_OK;
      }
    hs_cli_print_table (columns, G_N_ELEMENTS (columns), table);
  }
  return HS_EXIT_OK;
}

/* ---- call show ------------------------------------------------------------ */

static char *
limit_rate (gint32 bp,
            HsLang lang)
{
  return bp == 0 ? g_strdup (_("no limit")) : hs_rate_format_limit (bp, lang);
}

static char *
limit_money (gint64 cents,
             HsLang lang)
{
  return cents == 0 ? g_strdup (_("no limit")) : hs_money_format (cents, lang);
}

static void
add_field (GPtrArray  *fields,
           const char *label,
           char       *value)   /* taken */
{
  g_ptr_array_add (fields, g_strdup (label));
  g_ptr_array_add (fields, value);
}

static int
cmd_show (HsCli *cli,
          int    argc,
          char **argv)
{
  g_autofree char *agreement_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "agreement", 'a', 0, G_OPTION_ARG_FILENAME, &agreement_text, N_("Look for the call in this agreement (its number, region or one of its cities), when names repeat"), N_("AGREEMENT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON with every field (amounts in cents, rates in basis points) instead of text"), NULL },
    { NULL }
  };
  g_auto(Data) data = { 0 };
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const HsAgreement *agreement;
  HsCall *call;
  HsLang lang = cli->lang;
  HsCallMoney money;
  guint projects;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("call show", _("CALL"), _("Show every field of a call: its names, intermediary body, funding instrument, dates, limits, the money available and the projects that apply to it. CALL is the call’s id or one of its names."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_call_argument ("call show", argc, argv))
    return HS_EXIT_USAGE;

  exit_code = load_named_call (&data, cli, HS_OPEN_READ_ONLY, agreement_text, argv[1], &call);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  counts = count_projects (HS_REPOSITORY (data.repo), &error);
  if (counts == NULL)
    return hs_cli_store_error (error);
  projects = projects_of (counts, call);
  {
    g_autoptr(GArray) portfolio = hs_repository_list_portfolio_projects (HS_REPOSITORY (data.repo), &error);

    if (portfolio == NULL)
      return hs_cli_store_error (error);
    hs_call_money (call, portfolio, &money);
  }

  if (json)
    {
      call_to_json (out, call, data.agreements, projects);
      /* the money of the call, as the review sees it */
      if (out->len > 0 && out->str[out->len - 1] == '}')
        {
          g_string_truncate (out, out->len - 1);
          g_string_append_printf (out, ", \"money\": {\"available\": %" G_GINT64_FORMAT ", \"applied\": %" G_GINT64_FORMAT
                                       ", \"proposed\": %" G_GINT64_FORMAT ", \"granted\": %" G_GINT64_FORMAT
                                       ", \"remaining\": %" G_GINT64_FORMAT ", \"applications\": %u, \"proposals\": %u"
                                       ", \"grants\": %u, \"rejections\": %u}}",
                                  money.available, money.applied, money.proposed, money.granted, money.remaining,
                                  money.applications, money.proposals, money.grants, money.rejections);
        }
      g_string_append_c (out, '\n');
      fputs (out->str, stdout);
      return HS_EXIT_OK;
    }

  agreement = agreement_by_id (data.agreements, call->agreement_id);
  {
    g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);  /* label, value, … */
    g_autofree char *title = hs_call_dup_display_name (call, lang);
    g_autoptr(GString) models = g_string_new (NULL);
    int width = 0;

    add_field (fields, _("ID"), g_strdup_printf ("%" G_GINT64_FORMAT, call->id));
    add_field (fields, _("Agreement"), g_strdup_printf ("%s (%" G_GINT64_FORMAT ")",
                                                        agreement_name (data.agreements, call->agreement_id),
                                                        call->agreement_id));
    add_field (fields, _("Name in Finnish"), g_strdup (call->name));
    add_field (fields, _("Name in Swedish"), g_strdup (call->name_sv != NULL ? call->name_sv : "—"));
    add_field (fields, _("Name in English"), g_strdup (call->name_en != NULL ? call->name_en : "—"));
    if (call->intermediary != NULL)
      add_field (fields, _("Intermediary body"), g_strdup (call->intermediary));
    else if (agreement != NULL && agreement->intermediary != NULL)
      /* Translators: the intermediary body when the call names none: "Uudenmaan liitto (the agreement’s)" */
      add_field (fields, _("Intermediary body"), g_strdup_printf (_("%s (the agreement’s)"), agreement->intermediary));
    else
      add_field (fields, _("Intermediary body"), g_strdup ("—"));
    add_field (fields, _("Funding instrument"), g_strdup (hs_instrument_label (call->instrument)));
    add_field (fields, _("Opens"), g_date_valid (&call->open_date) ? hs_date_format (&call->open_date, lang) : g_strdup (_("not set")));
    add_field (fields, _("Closes"), g_date_valid (&call->close_date) ? hs_date_format (&call->close_date, lang) : g_strdup (_("not set")));
    {
      g_autofree char *rate = limit_rate (call->max_support_bp, lang);
      /* Translators: the EU and state support at most: "60,0 % of the total costs" */
      add_field (fields, _("Support at most"), call->max_support_bp == 0 ? g_steal_pointer (&rate)
                                                : g_strdup_printf (_("%s of the total costs"), rate));
    }
    add_field (fields, _("Support at most in euros"), limit_money (call->max_support, lang));
    add_field (fields, _("City financing at least"), limit_rate (call->min_city_bp, lang));
    add_field (fields, _("City financing at most"), limit_rate (call->max_city_bp, lang));
    add_field (fields, _("Own financing at least"), limit_rate (call->min_own_bp, lang));
    add_field (fields, _("Duration at most"),
               call->max_duration_months == 0 ? g_strdup (_("no limit"))
               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", call->max_duration_months),
                                  call->max_duration_months));
    add_field (fields, _("Projects at most"),
               call->max_projects == 0 ? g_strdup (_("no limit")) : hs_count_format (call->max_projects, lang));
    for (guint m = 0; m < HS_N_COST_MODELS; m++)
      if (call->allowed_cost_models & (1u << m))
        g_string_append_printf (models, "%s%s", models->len > 0 ? ", " : "", hs_cost_model_label ((HsCostModel) m));
    add_field (fields, _("Cost models"), models->len > 0 ? g_strdup (models->str) : g_strdup (_("any")));
    add_field (fields, _("EU and state money available"), call->money_available == 0 ? g_strdup (_("not set"))
                                                          : hs_money_format (call->money_available, lang));
    add_field (fields, _("City money available"), call->city_money_available == 0 ? g_strdup (_("not set"))
                                                  : hs_money_format (call->city_money_available, lang));
    add_field (fields, _("Description"), g_strdup (call->description != NULL ? call->description : "—"));
    add_field (fields, _("Projects applying"), hs_count_format (projects, lang));

    for (guint i = 0; i < fields->len; i += 2)
      width = MAX (width, (int) g_utf8_strlen (g_ptr_array_index (fields, i), -1) + 1);
    g_string_append_printf (out, "%s\n", title);
    for (guint i = 0; i < fields->len; i += 2)
      {
        const char *label = g_ptr_array_index (fields, i);
        g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (fields, i + 1), "\n", -1);

        for (guint l = 0; lines[l] != NULL; l++)
          {
            int len = l == 0 ? (int) g_utf8_strlen (label, -1) + 1 : 0;

            g_string_append_printf (out, "  %s", l == 0 ? label : "");
            if (l == 0)
              g_string_append_c (out, ':');
            for (int k = len; k < width + 1; k++)
              g_string_append_c (out, ' ');
            g_string_append_printf (out, "%s\n", lines[l]);
          }
      }
    g_string_append_printf (out, "%s\n", _("EU and state money of the call:"));
    hs_cli_call_money_text (out, &money, lang);
    fputs (out->str, stdout);
  }
  return HS_EXIT_OK;
}

/* ---- call add, call edit -------------------------------------------------- */

typedef struct
{
  char *name;
  char *name_sv;
  char *name_en;
  char *intermediary;
  char *instrument;
  char *open;
  char *close;
  char *max_support_rate;
  char *max_support;
  char *min_city_rate;
  char *max_city_rate;
  char *min_own_rate;
  char *max_duration;
  char *max_projects;
  char *cost_models;
  char *money_available;
  char *city_money_available;
  char *description;
} CallOptions;

static void
call_options_clear (CallOptions *options)
{
  char **fields = (char **) options;

  for (gsize i = 0; i < sizeof *options / sizeof (char *); i++)
    g_clear_pointer (&fields[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CallOptions, call_options_clear)

static gboolean
call_options_any (const CallOptions *options)
{
  char * const *fields = (char * const *) options;

  for (gsize i = 0; i < sizeof *options / sizeof (char *); i++)
    if (fields[i] != NULL)
      return TRUE;
  return FALSE;
}

/* The ids of every cost model: "flat-40, real, …". */
static char *
cost_model_ids (void)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint m = 0; m < HS_N_COST_MODELS; m++)
    g_string_append_printf (ids, "%s%s", m > 0 ? ", " : "", hs_cost_model_to_id ((HsCostModel) m));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The help of --cost-models, translated, with every model's id. */
static char *
cost_models_help (void)
{
  g_autofree char *ids = cost_model_ids ();

  /* Translators: %s is the list of ids, "flat-40, real, flat-24-2014, …" */
  return g_strdup_printf (_("The cost models the call allows, separated by commas: %s (empty: any)"), ids);
}

/* The options of add and edit, before a NULL entry at the end; the help of
 * --cost-models is built (cost_models_help()). */
#define CALL_OPTION_ENTRIES(o, cost_models_help) \
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &(o).name, N_("The call’s name in Finnish (unique in its agreement)"), N_("NAME") }, \
    { "name-sv", 0, 0, G_OPTION_ARG_FILENAME, &(o).name_sv, N_("The name in Swedish (empty: none)"), N_("NAME") }, \
    { "name-en", 0, 0, G_OPTION_ARG_FILENAME, &(o).name_en, N_("The name in English (empty: none)"), N_("NAME") }, \
    { "intermediary", 0, 0, G_OPTION_ARG_FILENAME, &(o).intermediary, N_("The intermediary body (empty: the agreement’s)"), N_("BODY") }, \
    { "instrument", 0, 0, G_OPTION_ARG_FILENAME, &(o).instrument, N_("The funding instrument: eakr, akke or national"), N_("ID") }, \
    { "open", 0, 0, G_OPTION_ARG_FILENAME, &(o).open, N_("The day the call opens, like 21.8.2023 or 2023-08-21 (empty: not set)"), N_("DATE") }, \
    { "close", 0, 0, G_OPTION_ARG_FILENAME, &(o).close, N_("The day the call closes (empty: not set)"), N_("DATE") }, \
    { "max-support-rate", 0, 0, G_OPTION_ARG_FILENAME, &(o).max_support_rate, N_("EU and state support at most, percent of the total costs (like 60 or 60,5)"), N_("PERCENT") }, \
    { "max-support", 0, 0, G_OPTION_ARG_FILENAME, &(o).max_support, N_("EU and state support one project may get at most, in euros (empty or 0: no limit)"), N_("EUROS") }, \
    { "min-city-rate", 0, 0, G_OPTION_ARG_FILENAME, &(o).min_city_rate, N_("City financing at least, percent of the total costs (empty or 0: no limit)"), N_("PERCENT") }, \
    { "max-city-rate", 0, 0, G_OPTION_ARG_FILENAME, &(o).max_city_rate, N_("City financing at most, percent of the total costs (empty or 0: no limit)"), N_("PERCENT") }, \
    { "min-own-rate", 0, 0, G_OPTION_ARG_FILENAME, &(o).min_own_rate, N_("Own financing at least, percent of the total costs (empty or 0: no limit)"), N_("PERCENT") }, \
    { "max-duration", 0, 0, G_OPTION_ARG_FILENAME, &(o).max_duration, N_("How long a project may last at most, in months (empty or 0: no limit)"), N_("MONTHS") }, \
    { "max-projects", 0, 0, G_OPTION_ARG_FILENAME, &(o).max_projects, N_("How many projects the call funds at most (empty or 0: no limit)"), N_("N") }, \
    { "cost-models", 0, 0, G_OPTION_ARG_FILENAME, &(o).cost_models, (cost_models_help), N_("LIST") }, \
    { "money-available", 0, 0, G_OPTION_ARG_FILENAME, &(o).money_available, N_("The EU and state money the call has, in euros (empty or 0: not set)"), N_("EUROS") }, \
    { "city-money-available", 0, 0, G_OPTION_ARG_FILENAME, &(o).city_money_available, N_("The cities’ money the call has, in euros (empty or 0: not set)"), N_("EUROS") }, \
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &(o).description, N_("Free text about the call (empty: none)"), N_("TEXT") }

static void
problem (GPtrArray  *problems,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (GPtrArray  *problems,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The value without spaces around it, or NULL (a problem) for text that is
 * not UTF-8. */
static char *
option_text (const char *option,
             const char *value,
             GPtrArray  *problems)
{
  if (!g_utf8_validate (value, -1, NULL))
    {
      problem (problems, _("%s: the value is not valid UTF-8 text"), option);
      return NULL;
    }
  return g_strstrip (g_strdup (value));
}

/* Text that may be cleared: "" becomes NULL. */
static void
apply_text (const char  *option,
            const char  *value,
            char       **field,
            GPtrArray   *problems)
{
  g_autofree char *text = NULL;

  if (value == NULL || (text = option_text (option, value, problems)) == NULL)
    return;
  g_free (*field);
  *field = *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
apply_date (const char *option,
            const char *value,
            GDate      *field,
            GPtrArray  *problems)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  if (value == NULL || (text = option_text (option, value, problems)) == NULL)
    return;
  if (*text == '\0')
    {
      g_date_clear (field, 1);
      return;
    }
  g_date_clear (&date, 1);
  if (!hs_date_parse (text, &date, &error))
    {
      problem (problems, "%s: %s", option, error->message);
      return;
    }
  *field = date;
}

/* @may_clear: "" is 0 (no limit). */
static void
apply_rate (const char *option,
            const char *value,
            gint32     *field,
            gboolean    may_clear,
            GPtrArray  *problems)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint32 bp = 0;

  if (value == NULL || (text = option_text (option, value, problems)) == NULL)
    return;
  if (*text == '\0' && may_clear)
    {
      *field = 0;
      return;
    }
  if (!hs_rate_parse (text, &bp, &error))
    {
      problem (problems, "%s: %s", option, error->message);
      return;
    }
  *field = bp;
}

static void
apply_money (const char *option,
             const char *value,
             gint64     *field,
             GPtrArray  *problems)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cents = 0;

  if (value == NULL || (text = option_text (option, value, problems)) == NULL)
    return;
  if (*text == '\0')
    {
      *field = 0;
      return;
    }
  if (!hs_money_parse (text, &cents, &error))
    {
      problem (problems, "%s: %s", option, error->message);
      return;
    }
  if (cents < 0)
    {
      problem (problems, _("%s: “%s” is below zero: give 0 or more (0 or empty: no limit)"), option, text);
      return;
    }
  *field = cents;
}

/* A whole number from 0 to @max, of months or of projects. */
static void
apply_count (const char *option,
             const char *value,
             guint      *field,
             guint       max,
             gboolean    months,
             GPtrArray  *problems)
{
  g_autofree char *text = NULL;
  guint64 number = 0;

  if (value == NULL || (text = option_text (option, value, problems)) == NULL)
    return;
  if (*text == '\0')
    {
      *field = 0;
      return;
    }
  if (!is_number (text) || strlen (text) > 9)
    {
      if (months)
        problem (problems, _("%s: “%s” is not a whole number of months"), option, text);
      else
        problem (problems, _("%s: “%s” is not a whole number of projects"), option, text);
      return;
    }
  number = g_ascii_strtoull (text, NULL, 10);
  if (number > max)
    {
      g_autofree char *limit = hs_count_format (max, hs_lang_current ());
      if (months)
        problem (problems, _("%s: “%s” is more than a call can say: at most %s months"), option, text, limit);
      else
        problem (problems, _("%s: “%s” is more than a call can say: at most %s projects"), option, text, limit);
      return;
    }
  *field = (guint) number;
}

static void
apply_instrument (const char   *option,
                  const char   *value,
                  HsInstrument *field,
                  GPtrArray    *problems)
{
  g_autofree char *text = NULL;
  int instrument;

  if (value == NULL || (text = option_text (option, value, problems)) == NULL)
    return;
  instrument = hs_instrument_from_id (text);
  if (instrument < 0)
    {
      problem (problems, _("%s: “%s” is not a funding instrument: use eakr, akke or national"), option, text);
      return;
    }
  *field = (HsInstrument) instrument;
}

static void
apply_cost_models (const char *option,
                   const char *value,
                   guint      *field,
                   GPtrArray  *problems)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) ids = NULL;
  guint models = 0;
  gboolean ok = TRUE;

  if (value == NULL || (text = option_text (option, value, problems)) == NULL)
    return;
  ids = g_strsplit (text, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *id = g_strstrip (ids[i]);
      int model;

      if (*id == '\0')
        continue;
      model = hs_cost_model_from_id (id);
      if (model < 0)
        {
          g_autofree char *known = cost_model_ids ();
          /* Translators: the last %s is the list of ids, "flat-40, real, flat-24-2014, …" */
          problem (problems, _("%s: “%s” is not a cost model; the cost models are %s (separated by commas)"),
                   option, id, known);
          ok = FALSE;
          continue;
        }
      models |= 1u << model;
    }
  if (ok)
    *field = models;
}

/* Applies every option given onto @call; the problems of every bad value
 * go into @problems and leave their fields as they were. */
static void
apply_options (const CallOptions *o,
               HsCall            *call,
               GPtrArray         *problems)
{
  if (o->name != NULL)
    {
      g_autofree char *name = option_text ("--name", o->name, problems);
      if (name != NULL && *name == '\0')
        problem (problems, _("--name: a call needs a name in Finnish"));
      else if (name != NULL)
        {
          g_free (call->name);
          call->name = g_steal_pointer (&name);
        }
    }
  apply_text ("--name-sv", o->name_sv, &call->name_sv, problems);
  apply_text ("--name-en", o->name_en, &call->name_en, problems);
  apply_text ("--intermediary", o->intermediary, &call->intermediary, problems);
  apply_instrument ("--instrument", o->instrument, &call->instrument, problems);
  apply_date ("--open", o->open, &call->open_date, problems);
  apply_date ("--close", o->close, &call->close_date, problems);
  apply_rate ("--max-support-rate", o->max_support_rate, &call->max_support_bp, FALSE, problems);
  apply_money ("--max-support", o->max_support, &call->max_support, problems);
  apply_rate ("--min-city-rate", o->min_city_rate, &call->min_city_bp, TRUE, problems);
  apply_rate ("--max-city-rate", o->max_city_rate, &call->max_city_bp, TRUE, problems);
  apply_rate ("--min-own-rate", o->min_own_rate, &call->min_own_bp, TRUE, problems);
  apply_count ("--max-duration", o->max_duration, &call->max_duration_months, MAX_DURATION_MONTHS, TRUE, problems);
  apply_count ("--max-projects", o->max_projects, &call->max_projects, MAX_PROJECTS, FALSE, problems);
  apply_cost_models ("--cost-models", o->cost_models, &call->allowed_cost_models, problems);
  apply_money ("--money-available", o->money_available, &call->money_available, problems);
  apply_money ("--city-money-available", o->city_money_available, &call->city_money_available, problems);
  if (o->description != NULL)
    {
      if (!g_utf8_validate (o->description, -1, NULL))
        problem (problems, _("%s: the value is not valid UTF-8 text"), "--description");
      else
        {
          g_autofree char *text = g_strstrip (g_strdup (o->description));
          g_free (call->description);
          call->description = *text != '\0' ? g_steal_pointer (&text) : NULL;
        }
    }
}

/* What the database would refuse of the call as a whole: the dates in
 * order, the city's share at most not below its share at least, a name
 * no other call of the agreement has. */
static void
check_call (const HsCall *call,
            GPtrArray    *calls,
            GPtrArray    *agreements,
            HsLang        lang,
            GPtrArray    *problems)
{
  if (g_date_valid (&call->open_date) && g_date_valid (&call->close_date)
      && g_date_compare (&call->open_date, &call->close_date) > 0)
    {
      g_autofree char *open = hs_date_format (&call->open_date, lang);
      g_autofree char *close = hs_date_format (&call->close_date, lang);
      problem (problems, _("--open, --close: the call would open on %s, after it closes on %s"), open, close);
    }
  if (call->max_city_bp != 0 && call->max_city_bp < call->min_city_bp)
    {
      g_autofree char *max = hs_rate_format_limit (call->max_city_bp, lang);
      g_autofree char *min = hs_rate_format_limit (call->min_city_bp, lang);
      problem (problems, _("--max-city-rate, --min-city-rate: the city’s share at most (%s) would be below its share at least (%s)"),
               max, min);
    }
  for (guint i = 0; i < calls->len; i++)
    {
      const HsCall *other = g_ptr_array_index (calls, i);
      if (other->id != call->id && other->agreement_id == call->agreement_id
          && g_strcmp0 (other->name, call->name) == 0)
        problem (problems, _("--name: the agreement %s already has a call named “%s” (id %lld); choose another name"),
                 agreement_name (agreements, call->agreement_id), call->name, (long long) other->id);
    }
}

static int
report_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    hs_cli_error ("%s", (const char *) g_ptr_array_index (problems, i));
  fprintf (stderr, "%s\n", _("Nothing was changed."));
  return HS_EXIT_USAGE;
}

static int
save_call (Data   *data,
           HsCall *call,
           HsCli  *cli)
{
  g_autoptr(GError) error = NULL;

  if (!hs_repository_save_call (HS_REPOSITORY (data->repo), call, &error))
    {
      if (error->domain == HS_CORE_ERROR)
        {
          hs_cli_error ("%s", error->message);
          fprintf (stderr, "%s\n", _("Nothing was changed."));
          return HS_EXIT_USAGE;
        }
      return hs_cli_store_error (error);
    }
  return HS_EXIT_OK;
}

static int
cmd_add (HsCli *cli,
         int    argc,
         char **argv)
{
  g_auto(CallOptions) o = { 0 };
  g_autofree char *agreement_text = NULL;
  g_autofree char *models_help = cost_models_help ();
  GOptionEntry entries[] = {
    { "agreement", 'a', 0, G_OPTION_ARG_FILENAME, &agreement_text, N_("The call’s agreement (its number, region or one of its cities)"), N_("AGREEMENT") },
    CALL_OPTION_ENTRIES (o, models_help),
    { NULL }
  };
  g_auto(Data) data = { 0 };
  g_autoptr(HsCall) call = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const HsAgreement *agreement;
  int exit_code = HS_EXIT_OK;

  /* xgettext:no-c-format */
  if (!hs_cli_parse_options ("call add", "", _("Add a call for applications to an agreement. The call starts with the programme’s defaults (support at most 60 %, the 40 % flat rate, no other limits: the city’s 25 % holds for the agreement as a whole); the options set what the call notice says."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    {
      hs_cli_error (_("call add takes no arguments, but was given “%s”"), argv[1]);
      return HS_EXIT_USAGE;
    }
  if (agreement_text == NULL || o.name == NULL)
    {
      hs_cli_error (agreement_text == NULL ? _("call add needs the call’s agreement: --agreement AGREEMENT")
                                           : _("call add needs the call’s name in Finnish: --name NAME"));
      return HS_EXIT_USAGE;
    }

  exit_code = data_load (&data, cli, HS_OPEN_DEFAULT);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  agreement = find_agreement (data.agreements, "--agreement", agreement_text);
  if (agreement == NULL)
    return HS_EXIT_USAGE;

  call = hs_call_new_default ();
  call->agreement_id = agreement->id;
  apply_options (&o, call, problems);
  if (problems->len == 0)
    check_call (call, data.calls, data.agreements, cli->lang, problems);
  if (problems->len > 0)
    return report_problems (problems);

  exit_code = save_call (&data, call, cli);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  {
    g_autofree char *name = hs_call_dup_display_name (call, cli->lang);
    printf (_("Added the call “%s” (id %lld) to the agreement %s.\n"), name, (long long) call->id, agreement->region_name);
  }
  return HS_EXIT_OK;
}

static int
cmd_edit (HsCli *cli,
          int    argc,
          char **argv)
{
  g_auto(CallOptions) o = { 0 };
  g_autofree char *agreement_text = NULL;
  g_autofree char *models_help = cost_models_help ();
  GOptionEntry entries[] = {
    { "agreement", 'a', 0, G_OPTION_ARG_FILENAME, &agreement_text, N_("Look for the call in this agreement (its number, region or one of its cities), when names repeat"), N_("AGREEMENT") },
    CALL_OPTION_ENTRIES (o, models_help),
    { NULL }
  };
  g_auto(Data) data = { 0 };
  g_autoptr(HsCall) call = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  HsCall *stored;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("call edit", _("CALL"), _("Change what a call says: only the fields whose options are given. An empty value clears a date, a name in Swedish or English, the intermediary body, the description or a limit. CALL is the call’s id or one of its names."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_call_argument ("call edit", argc, argv))
    return HS_EXIT_USAGE;
  if (!call_options_any (&o))
    {
      hs_cli_error (_("call edit needs at least one option that says what to change (see “hankesalkku-cli call edit --help”)"));
      return HS_EXIT_USAGE;
    }

  exit_code = load_named_call (&data, cli, HS_OPEN_DEFAULT, agreement_text, argv[1], &stored);
  if (exit_code != HS_EXIT_OK)
    return exit_code;

  call = hs_call_copy (stored);
  apply_options (&o, call, problems);
  if (problems->len == 0)
    check_call (call, data.calls, data.agreements, cli->lang, problems);
  if (problems->len > 0)
    return report_problems (problems);

  if (hs_call_equal (call, stored))
    {
      g_autofree char *name = hs_call_dup_display_name (call, cli->lang);
      printf (_("The call “%s” already says that; nothing was changed.\n"), name);
      return HS_EXIT_OK;
    }
  exit_code = save_call (&data, call, cli);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  {
    g_autofree char *name = hs_call_dup_display_name (call, cli->lang);
    printf (_("Saved the call “%s” (id %lld).\n"), name, (long long) call->id);
  }
  return HS_EXIT_OK;
}

/* ---- call delete ---------------------------------------------------------- */

static int
cmd_delete (HsCli *cli,
            int    argc,
            char **argv)
{
  g_autofree char *agreement_text = NULL;
  GOptionEntry entries[] = {
    { "agreement", 'a', 0, G_OPTION_ARG_FILENAME, &agreement_text, N_("Look for the call in this agreement (its number, region or one of its cities), when names repeat"), N_("AGREEMENT") },
    { NULL }
  };
  g_auto(Data) data = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  HsCall *call;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("call delete", _("CALL"), _("Delete a call that no project applies to (undo brings it back). CALL is the call’s id or one of its names."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_call_argument ("call delete", argc, argv))
    return HS_EXIT_USAGE;

  exit_code = load_named_call (&data, cli, HS_OPEN_DEFAULT, agreement_text, argv[1], &call);
  if (exit_code != HS_EXIT_OK)
    return exit_code;

  name = hs_call_dup_display_name (call, cli->lang);
  if (!hs_repository_delete_call (HS_REPOSITORY (data.repo), call->id, &error))
    {
      if (error->domain == HS_CORE_ERROR)
        {
          hs_cli_error ("%s", error->message);
          return HS_EXIT_USAGE;
        }
      return hs_cli_store_error (error);
    }
  printf (_("Deleted the call “%s”; undo brings it back.\n"), name);
  return HS_EXIT_OK;
}

/* ---- call ----------------------------------------------------------------- */

typedef struct
{
  const char *name;
  int       (*run) (HsCli *cli, int argc, char **argv);
  const char *summary;
} Subcommand;

static const Subcommand subcommands[] = {
  { "list", cmd_list, N_("List the calls (--agreement AGREEMENT, --json)") },
  { "show", cmd_show, N_("Show every field of one call (CALL [--json])") },
  { "add", cmd_add, N_("Add a call (--agreement AGREEMENT --name NAME [OPTIONS])") },
  { "edit", cmd_edit, N_("Change a call (CALL OPTIONS)") },
  { "delete", cmd_delete, N_("Delete a call no project applies to (CALL)") },
};

static void
print_call_usage (FILE *to)
{
  fprintf (to, "%s\n\n", _("Usage: hankesalkku-cli [--db FILE] call list|show|add|edit|delete [OPTIONS]"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (to, "  %-8s %s\n", subcommands[i].name, _(subcommands[i].summary));
  fprintf (to, "\n%s\n", _("AGREEMENT is an agreement’s number, region or one of its cities; CALL is a call’s id or one of its names."));
  fprintf (to, "%s\n", _("“hankesalkku-cli call COMMAND --help” shows the options of a command."));
}

int
hs_cli_cmd_call (HsCli *cli,
                 int    argc,
                 char **argv)
{
  if (argc < 2)
    {
      hs_cli_error (_("call needs a command: list, show, add, edit or delete"));
      print_call_usage (stderr);
      return HS_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_call_usage (stdout);
      return HS_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (cli, argc - 1, argv + 1);

  hs_cli_error (_("Unknown call command “%s”: use list, show, add, edit or delete"), argv[1]);
  return HS_EXIT_USAGE;
}

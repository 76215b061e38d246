/* hs-report-letter.c — a funding decision letter, in the applicant's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letter is written in the language it is asked for, whatever the
 * user's: a council writes to a Swedish-speaking applicant from a Finnish
 * desktop. A process has one message catalogue (gettext follows LANGUAGE
 * and the locale, both process-wide, and the GUI writes reports in worker
 * threads), so the letter does not switch it: its own words are a small
 * table here, in English, Finnish and Swedish, and its sentences are
 * chosen by language. Numbers and dates come from hs_money_format () and
 * hs_date_format () in the same language. The pages are the report's
 * (hs-report.c, flow_letter ()).
 */
#define G_LOG_DOMAIN "hs-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-review.h"
#include "hs-charts-error.h"
#include "hs-report-private.h"

typedef enum
{
  L_TITLE,
  L_TITLE_CHANGE,
  L_SUBJECT,
  L_SUBJECT_APPLICATION,
  L_SUBJECT_CHANGE,
  L_NUMBER,
  L_DATE,
  L_DECIDED_BY,
  L_APPLICANT,
  L_PARTIALS,
  L_PROJECT,
  L_CODE,
  L_CALL,
  L_DECISION,
  L_IMPLEMENTER,
  L_ROLE,
  L_MAIN,
  L_PARTIAL,
  L_APPLIED,
  L_GRANTED,
  L_DIFFERENCE,
  L_TOTAL,
  L_PERIOD,
  L_CONDITIONS,
  L_NO_CONDITIONS,
  L_REASON,
  L_NO_REASON,
  L_NOTE,
  N_LETTER_STRINGS
} LetterString;

/* [string][HsLang]: en, fi, sv */
static const char *const letter_strings[N_LETTER_STRINGS][3] = {
  [L_TITLE] = { "Funding decision", "Rahoituspäätös", "Finansieringsbeslut" },
  [L_TITLE_CHANGE] = { "Decision on a change application", "Päätös muutoshakemukseen", "Beslut om ändringsansökan" },
  [L_SUBJECT] = { "Subject", "Asia", "Ärende" },
  [L_SUBJECT_APPLICATION] = { "Application for funding", "Rahoitushakemus", "Ansökan om finansiering" },
  [L_SUBJECT_CHANGE] = { "Change application", "Muutoshakemus", "Ändringsansökan" },
  [L_NUMBER] = { "Decision number", "Päätöksen numero", "Beslutets nummer" },
  [L_DATE] = { "Date of decision", "Päätöspäivä", "Beslutsdatum" },
  [L_DECIDED_BY] = { "Decided by", "Päätöksen tekijä", "Beslutsfattare" },
  [L_APPLICANT] = { "Applicant (main implementer)", "Hakija (päätoteuttaja)", "Sökande (huvudgenomförare)" },
  [L_PARTIALS] = { "Partial implementers", "Osatoteuttajat", "Delgenomförare" },
  [L_PROJECT] = { "Project", "Hanke", "Projekt" },
  [L_CODE] = { "Project code", "Hankekoodi", "Projektkod" },
  [L_CALL] = { "Call", "Haku", "Ansökningsomgång" },
  [L_DECISION] = { "Decision", "Päätös", "Beslut" },
  [L_IMPLEMENTER] = { "Implementer", "Toteuttaja", "Genomförare" },
  [L_ROLE] = { "Role", "Rooli", "Roll" },
  [L_MAIN] = { "Main implementer", "Päätoteuttaja", "Huvudgenomförare" },
  [L_PARTIAL] = { "Partial implementer", "Osatoteuttaja", "Delgenomförare" },
  [L_APPLIED] = { "Applied for", "Haettu", "Sökt" },
  [L_GRANTED] = { "Granted", "Myönnetty", "Beviljat" },
  [L_DIFFERENCE] = { "Difference", "Erotus", "Skillnad" },
  [L_TOTAL] = { "Total", "Yhteensä", "Totalt" },
  [L_PERIOD] = { "Eligibility period", "Tukikelpoisuusaika", "Stödberättigande period" },
  [L_CONDITIONS] = { "Conditions", "Ehdot", "Villkor" },
  [L_NO_CONDITIONS] = { "The decision has no conditions of its own.", "Päätöksellä ei ole omia ehtoja.",
                        "Beslutet har inga egna villkor." },
  [L_REASON] = { "Reason", "Perustelut", "Motivering" },
  [L_NO_REASON] = { "No reason was recorded.", "Perusteluja ei ole kirjattu.", "Ingen motivering har antecknats." },
  [L_NOTE] = { "Amounts are EU and state support in euros; the difference is what was granted less what was applied for.",
               "Määrät ovat EU- ja valtion rahoitusta euroina; erotus on myönnetty määrä vähennettynä haetulla.",
               "Beloppen är EU- och statlig finansiering i euro; skillnaden är det beviljade beloppet minus det sökta." },
};

static const char *
L (HsLang       lang,
   LetterString id)
{
  guint index = lang == HS_LANG_FI ? 1 : lang == HS_LANG_SV ? 2 : 0;

  return letter_strings[id][index];
}

char *
hs_report_letter_footer (HsLang lang,
                         guint  page,
                         guint  n_pages)
{
  switch (lang)
    {
    case HS_LANG_FI:
      return g_strdup_printf ("Sivu %u/%u", page, n_pages);
    case HS_LANG_SV:
      return g_strdup_printf ("Sida %u av %u", page, n_pages);
    case HS_LANG_EN:
    default:
      return g_strdup_printf ("Page %u of %u", page, n_pages);
    }
}

/* The decision in a sentence or two. */
static char *
verdict_text (HsLang      lang,
              const char *council,
              const char *project,
              gboolean    granted,
              gboolean    change,
              const char *amount,     /* granted; a rejection: applied for */
              const char *applied,    /* grants: applied for */
              const char *in_force)   /* a rejected change: what the decision in force granted; NULL */
{
  switch (lang)
    {
    case HS_LANG_FI:
      if (granted && !change)
        return g_strdup_printf ("%s myöntää hankkeelle ”%s” EU- ja valtion rahoitusta %s. Hakemuksessa haettiin %s.",
                                council, project, amount, applied);
      if (granted)
        return g_strdup_printf ("%s hyväksyy hankkeen ”%s” muutoshakemuksen. Myönnetty EU- ja valtion rahoitus on %s; "
                                "muutoshakemuksessa haettiin %s.", council, project, amount, applied);
      if (!change)
        return g_strdup_printf ("%s hylkää hankkeen ”%s” hakemuksen, jossa haettiin EU- ja valtion rahoitusta %s.",
                                council, project, amount);
      if (in_force != NULL)
        return g_strdup_printf ("%s hylkää hankkeen ”%s” muutoshakemuksen. Aiempi päätös on edelleen voimassa: "
                                "EU- ja valtion rahoitusta %s.", council, project, in_force);
      return g_strdup_printf ("%s hylkää hankkeen ”%s” muutoshakemuksen.", council, project);
    case HS_LANG_SV:
      if (granted && !change)
        return g_strdup_printf ("%s beviljar projektet ”%s” EU- och statlig finansiering på %s. I ansökan söktes %s.",
                                council, project, amount, applied);
      if (granted)
        return g_strdup_printf ("%s godkänner ändringsansökan för projektet ”%s”. Den beviljade EU- och statliga finansieringen "
                                "är %s; i ändringsansökan söktes %s.", council, project, amount, applied);
      if (!change)
        return g_strdup_printf ("%s avslår ansökan för projektet ”%s” om EU- och statlig finansiering på %s.",
                                council, project, amount);
      if (in_force != NULL)
        return g_strdup_printf ("%s avslår ändringsansökan för projektet ”%s”. Det tidigare beslutet gäller: "
                                "EU- och statlig finansiering på %s.", council, project, in_force);
      return g_strdup_printf ("%s avslår ändringsansökan för projektet ”%s”.", council, project);
    case HS_LANG_EN:
    default:
      if (granted && !change)
        return g_strdup_printf ("%s grants the project “%s” EU and state support of %s. The application asked for %s.",
                                council, project, amount, applied);
      if (granted)
        return g_strdup_printf ("%s approves the change application of the project “%s”. The EU and state support "
                                "granted is %s; the change application asked for %s.", council, project, amount, applied);
      if (!change)
        return g_strdup_printf ("%s rejects the application of the project “%s” for EU and state support of %s.",
                                council, project, amount);
      if (in_force != NULL)
        return g_strdup_printf ("%s rejects the change application of the project “%s”. The earlier decision stays "
                                "in force: EU and state support of %s.", council, project, in_force);
      return g_strdup_printf ("%s rejects the change application of the project “%s”.", council, project);
    }
}

void
hs_report_letter_free (HsReportLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->council);
  g_free (letter->title);
  g_strfreev (letter->facts);
  g_free (letter->decision_heading);
  g_free (letter->verdict);
  hs_chart_table_free (letter->grants);
  g_strfreev (letter->sections);
  g_free (letter->note);
  g_free (letter);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static const char *
project_name (const HsProject *project,
              HsLang           lang)
{
  const char *name = lang == HS_LANG_SV ? nonempty (project->name_sv)
                     : lang == HS_LANG_EN ? nonempty (project->name_en) : nonempty (project->name_fi);

  return name != NULL ? name : hs_project_display_name (project);
}

static void
add_fact (GPtrArray  *facts,
          const char *label,
          const char *value)
{
  g_ptr_array_add (facts, g_strdup_printf ("%s\t%s", label, nonempty (value) != NULL ? value : "—"));
}

static char *
organisation_label (const HsImplementer *impl)
{
  if (impl->organisation == NULL)
    return g_strdup ("—");
  if (nonempty (impl->organisation->business_id) != NULL)
    return g_strdup_printf ("%s (%s)", impl->organisation->name, impl->organisation->business_id);
  return g_strdup (impl->organisation->name);
}

static gboolean
no_decision (GError    **error,
             const char *code)
{
  g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NO_DECISION,
               _("%s has no funding decision yet: a letter is written of a decision (“hankesalkku-cli decide” or “reject”)"),
               code);
  return FALSE;
}

/* The grants table, and the totals of what was applied for and granted. */
static HsChartTable *
grants_table (const HsDecision *decision,
              const HsProject  *decided,
              HsLang            lang,
              gint64           *applied_total,
              gint64           *granted_total)
{
  g_autoptr(HsChartTable) table = hs_report_table_new (5);
  gint64 difference_total;
  char **row;

  table->headers[0] = g_strdup (L (lang, L_IMPLEMENTER));
  table->headers[1] = g_strdup (L (lang, L_ROLE));
  table->headers[2] = g_strdup (L (lang, L_APPLIED));
  table->headers[3] = g_strdup (L (lang, L_GRANTED));
  table->headers[4] = g_strdup (L (lang, L_DIFFERENCE));
  table->numeric[2] = table->numeric[3] = table->numeric[4] = TRUE;
  *applied_total = *granted_total = 0;

  for (guint i = 0; i < decision->grants->len; i++)
    {
      const HsGrant *grant = &g_array_index (decision->grants, HsGrant, i);
      const HsImplementer *impl = hs_project_find_implementer (decided, grant->organisation_id);

      if (!hs_money_add (*applied_total, grant->applied, applied_total)
          || !hs_money_add (*granted_total, grant->granted, granted_total))
        return NULL;
      row = hs_report_table_row (table);
      row[0] = impl != NULL ? organisation_label (impl) : g_strdup ("—");
      row[1] = g_strdup (impl == NULL ? "" : L (lang, impl->is_main ? L_MAIN : L_PARTIAL));
      row[2] = hs_money_format (grant->applied, lang);
      row[3] = hs_money_format (grant->granted, lang);
      row[4] = hs_money_format (grant->granted - grant->applied, lang);
    }
  difference_total = *granted_total - *applied_total;
  row = hs_report_table_row (table);
  row[0] = g_strdup (L (lang, L_TOTAL));
  row[1] = g_strdup ("");
  row[2] = hs_money_format (*applied_total, lang);
  row[3] = hs_money_format (*granted_total, lang);
  row[4] = hs_money_format (difference_total, lang);
  table->total_row = (int) table->rows->len - 1;
  return g_steal_pointer (&table);
}

HsReportData *
hs_report_data_for_letter (HsRepository *repo,
                           const char   *code,
                           HsLang        lang,
                           GError      **error)
{
  g_autoptr(HsReportData) data = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsReview) review = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) partials = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *main_label = NULL;
  const HsDecision *decision;
  const HsVersion *version;
  const HsProject *decided;
  const HsCall *call = NULL;
  const HsAgreement *agreement = NULL;
  const char *council = NULL;
  HsReportLetter *letter;

  g_return_val_if_fail (HS_IS_REPOSITORY (repo), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  project = hs_repository_load_project_by_code (repo, code, &local_error);
  if (project == NULL)
    {
      if (g_error_matches (local_error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND))
        g_set_error (error, HS_CHARTS_ERROR, HS_CHARTS_ERROR_NOT_FOUND,
                     _("There is no project with the code “%s”"), code);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!hs_repository_has_reviews (repo))
    {
      no_decision (error, project->code);
      return NULL;
    }
  review = hs_repository_load_review (repo, project->id, error);
  if (review == NULL)
    return NULL;
  if (review->decisions->len == 0)
    {
      no_decision (error, project->code);
      return NULL;
    }
  /* the latest decision: a rejected change is written to its applicant too */
  decision = g_ptr_array_index (review->decisions, review->decisions->len - 1);
  version = hs_review_get_version (review, decision->version);
  decided = version != NULL ? version->project : project;

  calls = hs_repository_list_calls (repo, 0, error);
  if (calls == NULL)
    return NULL;
  agreements = hs_repository_list_agreements (repo, error);
  if (agreements == NULL)
    return NULL;
  for (guint i = 0; i < calls->len; i++)
    if (((HsCall *) g_ptr_array_index (calls, i))->id == decided->call_id && decided->call_id != 0)
      call = g_ptr_array_index (calls, i);
  for (guint i = 0; i < agreements->len; i++)
    if (((HsAgreement *) g_ptr_array_index (agreements, i))->id == decided->agreement_id)
      agreement = g_ptr_array_index (agreements, i);

  /* who decided: as recorded, else who decides on the application, else
   * the call's intermediary, else the agreement's */
  council = nonempty (decision->decided_by);
  if (council == NULL)
    council = nonempty (review->coordinating_council);
  if (council == NULL && call != NULL)
    council = nonempty (call->intermediary);
  if (council == NULL && agreement != NULL)
    council = nonempty (agreement->intermediary);
  if (council == NULL)
    council = "—";

  data = g_new0 (HsReportData, 1);
  data->projects = g_ptr_array_new ();
  data->lang = lang;
  data->date = decision->date;
  if (!g_date_valid (&data->date))
    {
      g_date_clear (&data->date, 1);
      g_date_set_time_t (&data->date, time (NULL));
    }
  data->scope = nonempty (decision->number) != NULL ? g_strdup_printf ("%s — %s", council, decision->number)
                                                    : g_strdup (council);
  letter = data->letter = g_new0 (HsReportLetter, 1);
  letter->granted = decision->kind == HS_DECISION_GRANT;
  letter->change = decision->change;
  letter->council = g_strdup (council);
  letter->title = g_strdup (L (lang, decision->change ? L_TITLE_CHANGE : L_TITLE));
  letter->decision_heading = g_strdup (L (lang, L_DECISION));

  for (guint i = 0; i < decided->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (decided->implementers, i);
      g_autofree char *label = organisation_label (impl);

      if (impl->is_main && main_label == NULL)
        main_label = g_steal_pointer (&label);
      else
        g_string_append_printf (partials, "%s%s", partials->len > 0 ? "\n" : "", label);
    }

  date = hs_date_format (&decision->date, lang);
  add_fact (facts, L (lang, L_SUBJECT), L (lang, decision->change ? L_SUBJECT_CHANGE : L_SUBJECT_APPLICATION));
  add_fact (facts, L (lang, L_NUMBER), decision->number);
  add_fact (facts, L (lang, L_DATE), date);
  add_fact (facts, L (lang, L_DECIDED_BY), council);
  add_fact (facts, L (lang, L_APPLICANT), main_label);
  add_fact (facts, L (lang, L_PARTIALS), partials->str);
  add_fact (facts, L (lang, L_PROJECT), project_name (decided, lang));
  add_fact (facts, L (lang, L_CODE), decided->code);
  {
    /* in the letter's language, an agreement's default call too */
    g_autofree char *name = call != NULL ? hs_call_dup_display_name (call, lang) : NULL;

    add_fact (facts, L (lang, L_CALL), name);
  }
  g_ptr_array_add (facts, NULL);
  letter->facts = (char **) g_ptr_array_free (g_steal_pointer (&facts), FALSE);

  if (letter->granted)
    {
      gint64 applied = 0, granted = 0;
      g_autofree char *applied_text = NULL;
      g_autofree char *granted_text = NULL;

      letter->grants = grants_table (decision, decided, lang, &applied, &granted);
      if (letter->grants == NULL)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW, _("The totals are too large to add up"));
          return NULL;
        }
      applied_text = hs_money_format (applied, lang);
      granted_text = hs_money_format (granted, lang);
      letter->verdict = verdict_text (lang, council, project_name (decided, lang), TRUE, decision->change,
                                      granted_text, applied_text, NULL);
      if (g_date_valid (&decision->eligible_from) || g_date_valid (&decision->eligible_until))
        {
          g_autofree char *from = hs_date_format (&decision->eligible_from, lang);
          g_autofree char *until = hs_date_format (&decision->eligible_until, lang);
          g_ptr_array_add (sections, g_strdup_printf ("%s\t%s–%s", L (lang, L_PERIOD), from, until));
        }
      g_ptr_array_add (sections, g_strdup_printf ("%s\t%s", L (lang, L_CONDITIONS),
                                                  nonempty (decision->conditions) != NULL
                                                  ? decision->conditions : L (lang, L_NO_CONDITIONS)));
    }
  else
    {
      gint64 applied = 0;
      g_autofree char *applied_text = NULL;
      g_autofree char *in_force_text = NULL;

      for (guint i = 0; i < decided->implementers->len; i++)
        if (!hs_money_add (applied, hs_implementer_get_financing (g_ptr_array_index (decided->implementers, i),
                                                                  HS_SOURCE_EU_STATE), &applied))
          {
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW, _("The totals are too large to add up"));
            return NULL;
          }
      applied_text = hs_money_format (applied, lang);
      if (decision->change)
        {
          const HsDecision *in_force = hs_review_decision_in_force (review);
          if (in_force != NULL && in_force != decision && in_force->kind == HS_DECISION_GRANT)
            in_force_text = hs_money_format (hs_review_granted (review), lang);
        }
      letter->verdict = verdict_text (lang, council, project_name (decided, lang), FALSE, decision->change,
                                      applied_text, NULL, in_force_text);
      g_ptr_array_add (sections, g_strdup_printf ("%s\t%s", L (lang, L_REASON),
                                                  nonempty (decision->reason) != NULL
                                                  ? decision->reason : L (lang, L_NO_REASON)));
    }
  g_ptr_array_add (sections, NULL);
  letter->sections = (char **) g_ptr_array_free (g_steal_pointer (&sections), FALSE);
  if (letter->granted)
    letter->note = g_strdup (L (lang, L_NOTE));
  return g_steal_pointer (&data);
}

gboolean
hs_report_write_decision_letter (HsRepository *repo,
                                 const char   *code,
                                 HsLang        lang,
                                 const char   *path,
                                 GError      **error)
{
  g_autoptr(HsReportData) data = NULL;

  g_return_val_if_fail (HS_IS_REPOSITORY (repo), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = hs_report_data_for_letter (repo, code, lang, error);
  return data != NULL && hs_report_write_pdf (data, path, NULL, error);
}

char *
hs_report_letter_file_name (const char *code)
{
  g_autofree char *slug = hs_report_file_name_slug (code != NULL ? code : "", 60);

  if (*slug == '\0')
    return g_strdup ("hankesalkku-decision.pdf");
  return g_strdup_printf ("hankesalkku-decision-%s.pdf", slug);
}

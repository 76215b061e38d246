/* hs-cli-review.c — hankesalkku-cli criteria, review, ranking, propose, decide, reject, change, versions, diff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review of a call's applications and the funding decisions
 * (core/hs-review.h): each command that changes anything is one undoable
 * action in the database's log (hankesalkku-cli undo takes it back), and
 * checks everything before it writes.
 */
#define G_LOG_DOMAIN "hs-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-portfolio-rules.h"
#include "core/hs-project-diff.h"
#include "core/hs-review.h"
#include "core/hs-ytunnus.h"
#include "hs-cli.h"

/* ---- what the commands share ------------------------------------------- */

typedef struct
{
  HsSqliteRepository *repo;
  HsProject          *project;
  HsCall             *call;       /* the project's, or NULL */
  HsReview           *review;
  GPtrArray          *calls;
  GPtrArray          *criteria;   /* of the project's call */
} Target;

static void
target_clear (Target *t)
{
  g_clear_pointer (&t->project, hs_project_free);
  g_clear_pointer (&t->review, hs_review_free);
  g_clear_pointer (&t->calls, g_ptr_array_unref);
  g_clear_pointer (&t->criteria, g_ptr_array_unref);
  t->call = NULL;
  g_clear_object (&t->repo);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static HsRepository *
repo_of (Target *t)
{
  return HS_REPOSITORY (t->repo);
}

/* The one CODE argument: FALSE after saying what is wrong. */
static gboolean
one_argument (const char  *command,
              const char  *what,
              int          argc,
              char       **argv)
{
  if (argc == 2)
    return TRUE;
  if (argc < 2)
    /* Translators: "decide needs a project code" */
    hs_cli_error (_("%s needs %s"), command, what);
  else
    hs_cli_error (_("%s takes one argument, but was also given “%s”"), command, argv[2]);
  return FALSE;
}

/* Opens the database and loads the project @code with its review, call
 * and criteria. */
static int
target_load (Target      *t,
             HsCli       *cli,
             HsOpenFlags  flags,
             const char  *code)
{
  g_autoptr(GError) error = NULL;

  t->repo = hs_cli_open_repository (cli, flags, &error);
  if (t->repo == NULL)
    return hs_cli_store_error (error);
  t->project = hs_repository_load_project_by_code (repo_of (t), code, &error);
  if (t->project == NULL)
    {
      if (g_error_matches (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND))
        {
          hs_cli_error (_("No project has the code “%s”"), code);
          return HS_EXIT_USAGE;
        }
      return hs_cli_store_error (error);
    }
  t->calls = hs_repository_list_calls (repo_of (t), 0, &error);
  if (t->calls == NULL)
    return hs_cli_store_error (error);
  for (guint i = 0; i < t->calls->len; i++)
    if (((HsCall *) g_ptr_array_index (t->calls, i))->id == t->project->call_id)
      t->call = g_ptr_array_index (t->calls, i);
  t->review = hs_repository_load_review (repo_of (t), t->project->id, &error);
  if (t->review == NULL)
    return hs_cli_store_error (error);
  t->criteria = hs_repository_list_criteria (repo_of (t), t->project->call_id, &error);
  if (t->criteria == NULL)
    return hs_cli_store_error (error);
  return HS_EXIT_OK;
}

/* Writes the review (and the project) as one action; the exit status. */
static int
target_save (Target     *t,
             gboolean    with_project,
             const char *description)
{
  g_autoptr(GError) error = NULL;

  if (!hs_repository_save_review (repo_of (t), t->review, with_project ? t->project : NULL,
                                  description, &error))
    {
      if (error->domain == HS_CORE_ERROR)
        {
          hs_cli_error ("%s", error->message);
          return HS_EXIT_USAGE;
        }
      return hs_cli_store_error (error);
    }
  return HS_EXIT_OK;
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
actor_of (Target *t)
{
  return hs_sqlite_repository_get_actor (t->repo);
}

static gboolean
parse_date_option (const char *option,
                   const char *text,
                   GDate      *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      g_date_clear (out, 1);
      return TRUE;
    }
  if (hs_date_parse (text, out, &error))
    return TRUE;
  hs_cli_error ("%s: %s", option, error->message);
  return FALSE;
}

static gboolean
parse_money_option (const char *option,
                    const char *text,
                    gint64     *out)
{
  g_autoptr(GError) error = NULL;

  if (hs_money_parse (text, out, &error))
    {
      if (*out >= 0)
        return TRUE;
      hs_cli_error (_("%s: an amount cannot be negative (%s)"), option, text);
      return FALSE;
    }
  hs_cli_error ("%s: %s", option, error->message);
  return FALSE;
}

/* The implementer whose organisation has the business id (or the name)
 * @text; NULL after saying which there are. */
static const HsImplementer *
find_implementer (const HsProject *project,
                  const char      *option,
                  const char      *text)
{
  g_autofree char *business_id = hs_ytunnus_normalize (text, NULL);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      const HsOrganisation *org = impl->organisation;

      if (org == NULL)
        continue;
      if ((business_id != NULL && g_strcmp0 (org->business_id, business_id) == 0)
          || g_utf8_collate (org->name, text) == 0)
        return impl;
    }
  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsOrganisation *org = ((HsImplementer *) g_ptr_array_index (project->implementers, i))->organisation;

      if (org != NULL)
        g_string_append_printf (list, "\n  %s  %s", org->business_id != NULL ? org->business_id : "—", org->name);
    }
  hs_cli_error (_("%s: “%s” is not an implementer of %s; its implementers are:%s"), option, text,
                project->code, list->str);
  return NULL;
}

static const HsCriterion *
find_criterion (GPtrArray  *criteria,
                const char *key,
                const char *code)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    if (g_strcmp0 (((HsCriterion *) g_ptr_array_index (criteria, i))->key, key) == 0)
      return g_ptr_array_index (criteria, i);
  hs_cli_error (_("--criterion: “%s” is not a criterion of %s’s call; “hankesalkku-cli criteria CODE” lists them"),
                key, code);
  return NULL;
}

static const char *
org_name (const HsProject *project,
          gint64           organisation_id)
{
  const HsImplementer *impl = hs_project_find_implementer (project, organisation_id);

  return impl != NULL ? impl->organisation->name : NULL;
}

/* ---- criteria ------------------------------------------------------------ */

int
hs_cli_cmd_criteria (HsCli *cli,
                     int    argc,
                     char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON instead of a table"), NULL },
    { NULL }
  };
  g_auto(Target) t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("criteria", _("[CODE]"),
                             _("List the selection criteria: the programme’s general, content and horizontal "
                               "criteria, and with a project’s CODE its call’s own, with the key review takes "
                               "and the scale."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 2)
    {
      hs_cli_error (_("%s takes one argument, but was also given “%s”"), "criteria", argv[2]);
      return HS_EXIT_USAGE;
    }
  if (argc == 2)
    {
      exit_code = target_load (&t, cli, HS_OPEN_READ_ONLY, argv[1]);
      if (exit_code != HS_EXIT_OK)
        return exit_code;
    }
  else
    {
      t.repo = hs_cli_open_repository (cli, HS_OPEN_READ_ONLY, &error);
      if (t.repo == NULL)
        return hs_cli_store_error (error);
      t.criteria = hs_repository_list_criteria (repo_of (&t), 0, &error);
      if (t.criteria == NULL)
        return hs_cli_store_error (error);
    }

  if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < t.criteria->len; i++)
        {
          const HsCriterion *c = g_ptr_array_index (t.criteria, i);

          g_string_append (out, i > 0 ? ",\n " : "");
          g_string_append (out, "{\"key\": ");
          hs_cli_json_string (out, c->key);
          g_string_append_printf (out, ", \"kind\": \"%s\", \"objective\": ", hs_criterion_kind_to_id (c->kind));
          hs_cli_json_optional (out, c->objective);
          g_string_append (out, ", \"name_fi\": ");
          hs_cli_json_optional (out, c->name_fi);
          g_string_append (out, ", \"name_sv\": ");
          hs_cli_json_optional (out, c->name_sv);
          g_string_append (out, ", \"name_en\": ");
          hs_cli_json_optional (out, c->name_en);
          g_string_append_printf (out, ", \"max\": %d, \"weight\": %u, \"minimum\": ", hs_criterion_kind_max (c->kind),
                                  c->weight);
          if (c->minimum >= 0)
            g_string_append_printf (out, "%d", c->minimum);
          else
            g_string_append (out, "null");
          g_string_append_printf (out, ", \"per_implementer\": %s, \"call\": %s}",
                                  c->per_implementer ? "true" : "false", c->call_id != 0 ? "true" : "false");
        }
      g_string_append (out, "]\n");
    }
  else
    for (guint i = 0; i < t.criteria->len; i++)
      {
        const HsCriterion *c = g_ptr_array_index (t.criteria, i);

        if (c->kind == HS_CRITERION_GENERAL)
          /* Translators: the scale of a general criterion */
          g_string_append_printf (out, "%-36s %-10s %s\n    %s\n", c->key, _("met 1/0"),
                                  hs_criterion_kind_label (c->kind), hs_criterion_name (c, cli->lang));
        else
          g_string_append_printf (out, "%-36s 0–%-8d %s\n    %s\n", c->key, hs_criterion_kind_max (c->kind),
                                  hs_criterion_kind_label (c->kind), hs_criterion_name (c, cli->lang));
      }
  fputs (out->str, stdout);
  return HS_EXIT_OK;
}

/* ---- review ------------------------------------------------------------- */

static void
print_assessment (Target  *t,
                  HsLang   lang,
                  gboolean json)
{
  g_auto(HsReviewSummary) summary = { 0, };
  g_autoptr(GString) out = g_string_new (NULL);

  hs_review_summarise (t->review, t->criteria, lang, &summary);
  if (json)
    {
      g_string_append (out, "{\"project\": ");
      hs_cli_json_string (out, t->project->code);
      g_string_append (out, ", \"processing_council\": ");
      hs_cli_json_optional (out, t->review->processing_council);
      g_string_append (out, ", \"coordinating_council\": ");
      hs_cli_json_optional (out, t->review->coordinating_council);
      g_string_append_printf (out, ", \"reviewers\": %u, \"scored\": %u, \"score_bp\": %d, \"general_unmet\": %u,"
                                   " \"under_minimum\": %u, \"unscored\": %u, \"scores\": [",
                              summary.reviewers, summary.scored, summary.score_bp, summary.general_unmet,
                              summary.under_minimum, summary.unscored);
      for (guint i = 0; i < t->review->scores->len; i++)
        {
          const HsScore *s = g_ptr_array_index (t->review->scores, i);
          const char *key = NULL;

          for (guint c = 0; c < t->criteria->len; c++)
            if (((HsCriterion *) g_ptr_array_index (t->criteria, c))->id == s->criterion_id)
              key = ((HsCriterion *) g_ptr_array_index (t->criteria, c))->key;
          g_string_append (out, i > 0 ? ", " : "");
          g_string_append (out, "{\"reviewer\": ");
          hs_cli_json_string (out, s->reviewer);
          g_string_append (out, ", \"criterion\": ");
          hs_cli_json_optional (out, key);
          g_string_append (out, ", \"implementer\": ");
          hs_cli_json_optional (out, s->organisation_id != 0 ? org_name (t->project, s->organisation_id) : NULL);
          g_string_append_printf (out, ", \"score\": %d, \"justification\": ", s->score);
          hs_cli_json_string (out, s->justification);
          g_string_append (out, ", \"written\": ");
          hs_cli_json_optional (out, s->written);
          g_string_append (out, ", \"by\": ");
          hs_cli_json_optional (out, s->actor);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "], \"comments\": [");
      for (guint i = 0; i < t->review->comments->len; i++)
        {
          const HsReviewComment *c = g_ptr_array_index (t->review->comments, i);

          g_string_append (out, i > 0 ? ", " : "");
          g_string_append (out, "{\"reviewer\": ");
          hs_cli_json_string (out, c->reviewer);
          g_string_append (out, ", \"text\": ");
          hs_cli_json_string (out, c->text);
          g_string_append (out, ", \"written\": ");
          hs_cli_json_optional (out, c->written);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "], \"notes\": [");
      for (guint i = 0; i < summary.notes->len; i++)
        {
          g_string_append (out, i > 0 ? ", " : "");
          hs_cli_json_string (out, g_ptr_array_index (summary.notes, i));
        }
      g_string_append (out, "]}\n");
      fputs (out->str, stdout);
      return;
    }

  g_string_append_printf (out, "%s %s\n", t->project->code, hs_project_display_name (t->project));
  {
    const char *fallback = t->call != NULL ? t->call->intermediary : NULL;
    const char *processing = t->review->processing_council != NULL ? t->review->processing_council : fallback;
    const char *coordinating = t->review->coordinating_council != NULL ? t->review->coordinating_council : fallback;

    if (processing != NULL)
      g_string_append_printf (out, _("  Processed by: %s\n"), processing);
    if (coordinating != NULL)
      g_string_append_printf (out, _("  Decided by: %s\n"), coordinating);
  }
  for (guint c = 0; c < t->criteria->len; c++)
    {
      const HsCriterion *criterion = g_ptr_array_index (t->criteria, c);

      for (guint i = 0; i < t->review->scores->len; i++)
        {
          const HsScore *s = g_ptr_array_index (t->review->scores, i);
          const char *part = s->organisation_id != 0 ? org_name (t->project, s->organisation_id) : NULL;

          if (s->criterion_id != criterion->id)
            continue;
          if (criterion->kind == HS_CRITERION_GENERAL)
            g_string_append_printf (out, "  %-34s %-12s %s%s%s%s\n", criterion->key,
                                    s->score ? _("met") : _("not met"), s->reviewer,
                                    part != NULL ? " (" : "", part != NULL ? part : "", part != NULL ? ")" : "");
          else
            g_string_append_printf (out, "  %-34s %d/%-10d %s%s%s%s\n", criterion->key, s->score,
                                    hs_criterion_kind_max (criterion->kind), s->reviewer,
                                    part != NULL ? " (" : "", part != NULL ? part : "", part != NULL ? ")" : "");
          if (s->justification != NULL && s->justification[0] != '\0')
            g_string_append_printf (out, "      %s\n", s->justification);
        }
    }
  for (guint i = 0; i < t->review->comments->len; i++)
    {
      const HsReviewComment *c = g_ptr_array_index (t->review->comments, i);

      /* Translators: a reviewer's free comment: "Comment by Aino: …" */
      g_string_append_printf (out, "  %s\n", c->reviewer);
      g_string_append_printf (out, "      %s\n", c->text);
    }
  if (summary.score_bp >= 0)
    {
      g_autofree char *rate = hs_rate_format (summary.score_bp, lang);

      /* Translators: "Weighted score: 72,5 % of full marks, from 2 reviewers" */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Weighted score: %s of full marks, from %u reviewer\n",
                                                "Weighted score: %s of full marks, from %u reviewers\n",
                                                summary.reviewers),
                              rate, summary.reviewers);
    }
  else
    g_string_append_printf (out, "%s\n", _("Not scored yet"));
  if (summary.unscored > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u criterion has no score yet\n",
                                              "%u criteria have no score yet\n", summary.unscored),
                            summary.unscored);
  for (guint i = 0; i < summary.notes->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (summary.notes, i));
  fputs (out->str, stdout);
}

int
hs_cli_cmd_review (HsCli *cli,
                   int    argc,
                   char **argv)
{
  g_autofree char *criterion_key = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *implementer = NULL;
  g_autofree char *processing = NULL;
  g_autofree char *coordinating = NULL;
  int score = -1;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "processing-council", 0, 0, G_OPTION_ARG_STRING, &processing, N_("The regional council that processes the application and selects (käsittelevä liitto)"), N_("NAME") },
    { "coordinating-council", 0, 0, G_OPTION_ARG_STRING, &coordinating, N_("The regional council that makes the legal decision (koordinoiva liitto)"), N_("NAME") },
    { "criterion", 'c', 0, G_OPTION_ARG_STRING, &criterion_key, N_("The criterion scored (its key in “hankesalkku-cli criteria CODE”)"), N_("KEY") },
    { "score", 's', 0, G_OPTION_ARG_INT, &score, N_("The score: 0–5, horizontal criteria 0–3, general criteria 1 met or 0 not met"), N_("N") },
    { "comment", 'm', 0, G_OPTION_ARG_STRING, &comment, N_("The justification of the score; without --criterion, a free comment"), N_("TEXT") },
    { "reviewer", 'r', 0, G_OPTION_ARG_STRING, &reviewer, N_("Who assesses (default: the user’s name)"), N_("NAME") },
    { "implementer", 'i', 0, G_OPTION_ARG_STRING, &implementer, N_("The implementer whose part is scored (its Y-tunnus or name), for criteria scored per implementer"), N_("Y-TUNNUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Show the assessment as JSON"), NULL },
    { NULL }
  };
  g_auto(Target) t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso ();
  g_autofree char *description = NULL;
  const HsCriterion *criterion = NULL;
  gint64 organisation_id = 0;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("review", _("CODE"),
                             _("Score an application against one selection criterion, with the reasons "
                               "(--criterion KEY --score N --comment TEXT), or write a free comment "
                               "(--comment TEXT); without them, show its assessment: every reviewer’s "
                               "scores, the weighted score and the criteria not met."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_argument ("review", _("a project code"), argc, argv))
    return HS_EXIT_USAGE;
  if (criterion_key == NULL && score >= 0)
    {
      hs_cli_error (_("--score needs --criterion: the criterion it scores"));
      return HS_EXIT_USAGE;
    }
  if (criterion_key != NULL && score < 0)
    {
      hs_cli_error (_("--criterion needs --score: 0–5, horizontal criteria 0–3, general ones 1 met or 0 not met"));
      return HS_EXIT_USAGE;
    }
  exit_code = target_load (&t, cli, criterion_key == NULL && comment == NULL && processing == NULL
                                     && coordinating == NULL ? HS_OPEN_READ_ONLY : HS_OPEN_DEFAULT,
                           argv[1]);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  if (processing != NULL || coordinating != NULL)
    {
      /* who decides: named on the application; an empty name clears */
      if (processing != NULL)
        {
          g_free (t.review->processing_council);
          t.review->processing_council = g_strstrip (processing)[0] != '\0' ? g_strdup (processing) : NULL;
        }
      if (coordinating != NULL)
        {
          g_free (t.review->coordinating_council);
          t.review->coordinating_council = g_strstrip (coordinating)[0] != '\0' ? g_strdup (coordinating) : NULL;
        }
      if (criterion_key == NULL && comment == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("Who decides on %s"), t.project->code);
          return target_save (&t, FALSE, what);
        }
    }
  if (criterion_key == NULL && comment == NULL)
    {
      print_assessment (&t, cli->lang, json);
      return HS_EXIT_OK;
    }
  if (reviewer == NULL)
    reviewer = g_strdup (actor_of (&t) != NULL ? actor_of (&t) : g_get_real_name ());

  if (criterion_key != NULL)
    {
      criterion = find_criterion (t.criteria, criterion_key, t.project->code);
      if (criterion == NULL)
        return HS_EXIT_USAGE;
      if (implementer != NULL)
        {
          const HsImplementer *impl = find_implementer (t.project, "--implementer", implementer);

          if (impl == NULL)
            return HS_EXIT_USAGE;
          organisation_id = impl->organisation->id;
        }
      if (!hs_review_set_score (t.review, t.project, criterion, reviewer, organisation_id, score,
                                comment, now, actor_of (&t), cli->lang, &error))
        {
          hs_cli_error ("%s: %s", t.project->code, error->message);
          return HS_EXIT_USAGE;
        }
      /* Translators: the action in the history: "Assess PKS-001: horizontal-equality 2 (Aino)" */
      description = g_strdup_printf (_("Assess %s: %s %d (%s)"), t.project->code, criterion->key, score, reviewer);
    }
  else
    {
      if (implementer != NULL)
        {
          hs_cli_error (_("--implementer goes with --criterion: a free comment is of the whole application"));
          return HS_EXIT_USAGE;
        }
      if (!hs_review_add_comment (t.review, reviewer, comment, now, actor_of (&t), &error))
        {
          hs_cli_error ("%s: %s", t.project->code, error->message);
          return HS_EXIT_USAGE;
        }
      description = g_strdup_printf (_("Comment on %s (%s)"), t.project->code, reviewer);
    }
  return target_save (&t, FALSE, description);
}

/* ---- the call's applications: ranking, propose ----------------------------- */

typedef struct
{
  HsSqliteRepository *repo;
  GPtrArray          *calls;
  HsCall             *call;
  GArray             *portfolio;    /* HsPortfolioProject */
  GArray             *summaries;    /* HsProjectSummary */
  HsProposal         *proposal;
  GPtrArray          *criteria;
} CallData;

static void
call_data_clear (CallData *d)
{
  g_clear_pointer (&d->calls, g_ptr_array_unref);
  g_clear_pointer (&d->portfolio, g_array_unref);
  g_clear_pointer (&d->summaries, g_array_unref);
  g_clear_pointer (&d->proposal, hs_proposal_free);
  g_clear_pointer (&d->criteria, g_ptr_array_unref);
  d->call = NULL;
  g_clear_object (&d->repo);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CallData, call_data_clear)

static int
call_data_load (CallData    *d,
                HsCli       *cli,
                HsOpenFlags  flags,
                const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();

  d->repo = hs_cli_open_repository (cli, flags, &error);
  if (d->repo == NULL)
    return hs_cli_store_error (error);
  d->calls = hs_repository_list_calls (HS_REPOSITORY (d->repo), 0, &error);
  if (d->calls == NULL)
    return hs_cli_store_error (error);
  for (guint i = 0; i < d->calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (d->calls, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, call->id);

      if (g_strcmp0 (id, text) == 0 || g_strcmp0 (call->name, text) == 0
          || g_strcmp0 (call->name_sv, text) == 0 || g_strcmp0 (call->name_en, text) == 0)
        g_ptr_array_add (matches, call);
    }
  if (matches->len != 1)
    {
      if (matches->len == 0)
        hs_cli_error (_("No call is called “%s”; “hankesalkku-cli call list” shows them"), text);
      else
        hs_cli_error (_("“%s” names more than one call; give the call’s id (“hankesalkku-cli call list”)"), text);
      return HS_EXIT_USAGE;
    }
  d->call = g_ptr_array_index (matches, 0);
  d->portfolio = hs_repository_list_portfolio_projects (HS_REPOSITORY (d->repo), &error);
  if (d->portfolio == NULL)
    return hs_cli_store_error (error);
  d->summaries = hs_repository_list_project_summaries (HS_REPOSITORY (d->repo), &error);
  if (d->summaries == NULL)
    return hs_cli_store_error (error);
  d->proposal = hs_repository_load_proposal (HS_REPOSITORY (d->repo), d->call->id, &error);
  if (d->proposal == NULL)
    return hs_cli_store_error (error);
  d->criteria = hs_repository_list_criteria (HS_REPOSITORY (d->repo), d->call->id, &error);
  if (d->criteria == NULL)
    return hs_cli_store_error (error);
  return HS_EXIT_OK;
}

/* The applications of the call: submitted, under review or decided. */
static gboolean
is_application (const HsProjectSummary *s)
{
  return s->status != HS_STATUS_DRAFT && s->status != HS_STATUS_WITHDRAWN;
}

static const HsProjectSummary *
summary_by_code (CallData   *d,
                 const char *code)
{
  for (guint i = 0; i < d->summaries->len; i++)
    if (g_strcmp0 (g_array_index (d->summaries, HsProjectSummary, i).code, code) == 0)
      return &g_array_index (d->summaries, HsProjectSummary, i);
  return NULL;
}

static const HsProjectSummary *
summary_by_id (CallData *d,
               gint64    id)
{
  for (guint i = 0; i < d->summaries->len; i++)
    if (g_array_index (d->summaries, HsProjectSummary, i).id == id)
      return &g_array_index (d->summaries, HsProjectSummary, i);
  return NULL;
}

static const HsPortfolioProject *
portfolio_by_id (CallData *d,
                 gint64    id)
{
  for (guint i = 0; i < d->portfolio->len; i++)
    if (g_array_index (d->portfolio, HsPortfolioProject, i).id == id)
      return &g_array_index (d->portfolio, HsPortfolioProject, i);
  return NULL;
}

static void
money_to_json (GString           *out,
               const HsCallMoney *m)
{
  g_string_append_printf (out, "{\"available\": %" G_GINT64_FORMAT ", \"applied\": %" G_GINT64_FORMAT
                               ", \"proposed\": %" G_GINT64_FORMAT ", \"granted\": %" G_GINT64_FORMAT
                               ", \"remaining\": %" G_GINT64_FORMAT ", \"applications\": %u, \"proposals\": %u"
                               ", \"grants\": %u, \"rejections\": %u}",
                          m->available, m->applied, m->proposed, m->granted, m->remaining,
                          m->applications, m->proposals, m->grants, m->rejections);
}

void
hs_cli_call_money_text (GString           *out,
                        const HsCallMoney *m,
                        HsLang             lang)
{
  g_autofree char *available = m->available >= 0 ? hs_money_format (m->available, lang) : g_strdup (_("not set"));
  g_autofree char *applied = hs_money_format (m->applied, lang);
  g_autofree char *proposed = hs_money_format (m->proposed, lang);
  g_autofree char *granted = hs_money_format (m->granted, lang);
  g_autofree char *remaining = m->remaining >= 0 || m->available >= 0 ? hs_money_format (m->remaining, lang)
                                                                      : g_strdup ("—");

  g_string_append_printf (out, "  %-24s %s\n", _("Available:"), available);
  {
    /* Translators: "8 applications" after the amount applied for */
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application", "%u applications",
                                                           m->applications), m->applications);
    g_string_append_printf (out, "  %-24s %s (%s)\n", _("Applied for:"), applied, count);
  }
  g_string_append_printf (out, "  %-24s %s\n", _("Proposed:"), proposed);
  g_string_append_printf (out, "  %-24s %s\n", _("Granted:"), granted);
  g_string_append_printf (out, "  %-24s %s\n", _("Remaining:"), remaining);
}

int
hs_cli_cmd_ranking (HsCli *cli,
                    int    argc,
                    char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON (amounts in cents, scores in basis points of full marks)"), NULL },
    { NULL }
  };
  g_auto(CallData) d = { 0 };
  g_autoptr(GArray) ranked = g_array_new (FALSE, TRUE, sizeof (HsReviewSummary));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  HsCallMoney money;
  int exit_code = HS_EXIT_OK;

  g_array_set_clear_func (ranked, (GDestroyNotify) hs_review_summary_clear);
  if (!hs_cli_parse_options ("ranking", _("CALL"),
                             _("Rank a call’s applications by their assessment: those that meet every general "
                               "criterion and every minimum first, by weighted score; with the steering group’s "
                               "proposal, the decisions and the call’s money."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_argument ("ranking", _("a call (its id or name)"), argc, argv))
    return HS_EXIT_USAGE;
  exit_code = call_data_load (&d, cli, HS_OPEN_READ_ONLY, argv[1]);
  if (exit_code != HS_EXIT_OK)
    return exit_code;

  for (guint i = 0; i < d.summaries->len; i++)
    {
      const HsProjectSummary *s = &g_array_index (d.summaries, HsProjectSummary, i);
      g_autoptr(HsReview) review = NULL;
      HsReviewSummary summary;

      if (s->call_id != d.call->id || !is_application (s))
        continue;
      review = hs_repository_load_review (HS_REPOSITORY (d.repo), s->id, &error);
      if (review == NULL)
        return hs_cli_store_error (error);
      hs_review_summarise (review, d.criteria, cli->lang, &summary);
      g_array_append_val (ranked, summary);
    }
  hs_review_rank (ranked);
  hs_call_money (d.call, d.portfolio, &money);

  if (json)
    {
      g_string_append (out, "{\"call\": ");
      hs_cli_json_string (out, d.call->name);
      g_string_append (out, ", \"money\": ");
      money_to_json (out, &money);
      g_string_append (out, ", \"applications\": [");
      for (guint i = 0; i < ranked->len; i++)
        {
          const HsReviewSummary *r = &g_array_index (ranked, HsReviewSummary, i);
          const HsProjectSummary *s = summary_by_id (&d, r->project_id);
          const HsPortfolioProject *p = portfolio_by_id (&d, r->project_id);

          g_string_append (out, i > 0 ? ",\n " : "");
          g_string_append_printf (out, "{\"rank\": %u, \"code\": ", i + 1);
          hs_cli_json_string (out, s->code);
          g_string_append (out, ", \"status\": ");
          hs_cli_json_string (out, hs_status_to_id (s->status));
          g_string_append_printf (out, ", \"score_bp\": %d, \"reviewers\": %u, \"general_unmet\": %u,"
                                       " \"under_minimum\": %u, \"proposed\": %u, \"applied\": %" G_GINT64_FORMAT
                                       ", \"granted\": ",
                                  r->score_bp, r->reviewers, r->general_unmet, r->under_minimum,
                                  hs_proposal_position (d.proposal, r->project_id), s->eu_state);
          if (p != NULL && p->decision == HS_PORTFOLIO_GRANTED)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, p->granted);
          else
            g_string_append (out, "null");
          g_string_append (out, ", \"decision\": ");
          g_string_append (out, p == NULL || p->decision == HS_PORTFOLIO_UNDECIDED ? "null"
                                : p->decision == HS_PORTFOLIO_GRANTED ? "\"grant\"" : "\"reject\"");
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}\n");
      fputs (out->str, stdout);
      return HS_EXIT_OK;
    }

  {
    g_autofree char *name = hs_call_dup_display_name (d.call, cli->lang);
    g_string_append_printf (out, "%s\n", name);
  }
  for (guint i = 0; i < ranked->len; i++)
    {
      const HsReviewSummary *r = &g_array_index (ranked, HsReviewSummary, i);
      const HsProjectSummary *s = summary_by_id (&d, r->project_id);
      const HsPortfolioProject *p = portfolio_by_id (&d, r->project_id);
      g_autofree char *score = r->score_bp >= 0 ? hs_rate_format (r->score_bp, cli->lang) : g_strdup ("—");
      g_autofree char *applied = hs_money_format (s->eu_state, cli->lang);
      g_autofree char *granted = p != NULL && p->decision == HS_PORTFOLIO_GRANTED
                                 ? hs_money_format (p->granted, cli->lang) : NULL;
      guint position = hs_proposal_position (d.proposal, r->project_id);
      g_autofree char *proposed = position > 0 ? g_strdup_printf (_("proposed %u."), position) : g_strdup ("");

      g_string_append_printf (out, "%3u. %-16s %8s  %-16s %18s  %s%s%s\n", i + 1, s->code, score,
                              hs_status_label (s->status), applied, proposed,
                              granted != NULL ? "  " : "", granted != NULL ? granted : "");
      for (guint n = 0; r->notes != NULL && n < r->notes->len; n++)
        g_string_append_printf (out, "       %s\n", (const char *) g_ptr_array_index (r->notes, n));
    }
  g_string_append_printf (out, "%s\n", _("EU and state money of the call:"));
  hs_cli_call_money_text (out, &money, cli->lang);
  fputs (out->str, stdout);
  return HS_EXIT_OK;
}

int
hs_cli_cmd_propose (HsCli *cli,
                    int    argc,
                    char **argv)
{
  g_autofree char *order = NULL;
  g_autofree char *meeting = NULL;
  g_auto(GStrv) not_proposed = NULL;
  GOptionEntry entries[] = {
    { "order", 'o', 0, G_OPTION_ARG_STRING, &order, N_("The applications proposed for funding, in order, as project codes separated by commas"), N_("CODE,CODE,…") },
    { "not", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &not_proposed, N_("An application not proposed, with the reason (repeatable)"), N_("CODE=REASON") },
    { "meeting", 'm', 0, G_OPTION_ARG_STRING, &meeting, N_("The date of the steering group’s meeting"), N_("DATE") },
    { NULL }
  };
  g_auto(CallData) d = { 0 };
  g_autoptr(HsProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *description = NULL;
  g_autofree char *call_name = NULL;
  int exit_code = HS_EXIT_OK;
  guint position = 0;

  if (!hs_cli_parse_options ("propose", _("CALL"),
                             _("Record the steering group’s proposal for a call: the applications proposed for "
                               "funding in their order (--order), the others not proposed, each with its reason "
                               "(--not CODE=REASON)."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_argument ("propose", _("a call (its id or name)"), argc, argv))
    return HS_EXIT_USAGE;
  if (order == NULL)
    {
      hs_cli_error (_("propose needs --order: the applications proposed, in order (CODE,CODE,…)"));
      return HS_EXIT_USAGE;
    }
  exit_code = call_data_load (&d, cli, HS_OPEN_DEFAULT, argv[1]);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  call_name = hs_call_dup_display_name (d.call, cli->lang);

  proposal = hs_proposal_new (d.call->id);
  if (!parse_date_option ("--meeting", meeting, &proposal->meeting))
    return HS_EXIT_USAGE;
  codes = g_strsplit (order, ",", -1);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *code = g_strstrip (g_strdup (codes[i]));
      const HsProjectSummary *s;
      HsProposalItem item = { 0, };

      if (code[0] == '\0')
        continue;
      s = summary_by_code (&d, code);
      if (s == NULL)
        {
          hs_cli_error (_("--order: no project has the code “%s”"), code);
          return HS_EXIT_USAGE;
        }
      if (s->call_id != d.call->id)
        {
          hs_cli_error (_("--order: %s does not apply to the call “%s”"), code, call_name);
          return HS_EXIT_USAGE;
        }
      if (!is_application (s))
        {
          hs_cli_error (_("--order: %s is “%s”, not an application"), code, hs_status_label (s->status));
          return HS_EXIT_USAGE;
        }
      if (hs_proposal_position (proposal, s->id) > 0)
        {
          hs_cli_error (_("--order: %s is listed twice"), code);
          return HS_EXIT_USAGE;
        }
      item.project_id = s->id;
      item.position = ++position;
      g_array_append_val (proposal->items, item);
    }
  if (position == 0)
    {
      hs_cli_error (_("--order names no application"));
      return HS_EXIT_USAGE;
    }
  for (guint i = 0; not_proposed != NULL && not_proposed[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (not_proposed[i], "=", 2);
      g_autofree char *code = g_strstrip (g_strdup (parts[0]));
      const HsProjectSummary *s = summary_by_code (&d, code);
      HsProposalItem item = { 0, };

      if (s == NULL || s->call_id != d.call->id)
        {
          hs_cli_error (_("--not: “%s” is not an application to the call “%s”"), code, call_name);
          return HS_EXIT_USAGE;
        }
      if (hs_proposal_position (proposal, s->id) > 0)
        {
          hs_cli_error (_("--not: %s is in --order too"), code);
          return HS_EXIT_USAGE;
        }
      for (guint j = 0; j < proposal->items->len; j++)
        if (g_array_index (proposal->items, HsProposalItem, j).project_id == s->id)
          {
            hs_cli_error (_("--not: %s is listed twice"), code);
            return HS_EXIT_USAGE;
          }
      item.project_id = s->id;
      item.reason = parts[1] != NULL ? g_strstrip (g_strdup (parts[1])) : NULL;
      g_array_append_val (proposal->items, item);
    }
  /* every other application of the call is on the list, not proposed */
  for (guint i = 0; i < d.summaries->len; i++)
    {
      const HsProjectSummary *s = &g_array_index (d.summaries, HsProjectSummary, i);
      gboolean listed = FALSE;
      HsProposalItem item = { 0, };

      if (s->call_id != d.call->id || !is_application (s))
        continue;
      for (guint j = 0; j < proposal->items->len; j++)
        listed |= g_array_index (proposal->items, HsProposalItem, j).project_id == s->id;
      if (listed)
        continue;
      item.project_id = s->id;
      g_array_append_val (proposal->items, item);
    }

  /* Translators: the action in the history: "Proposal for the call “Pori 2/2023”: 5 applications" */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Proposal for the call “%s”: %u application",
                                              "Proposal for the call “%s”: %u applications", position),
                                 call_name, position);
  if (!hs_repository_save_proposal (HS_REPOSITORY (d.repo), proposal, description, &error))
    return hs_cli_store_error (error);

  {
    g_autoptr(GArray) portfolio = hs_repository_list_portfolio_projects (HS_REPOSITORY (d.repo), &error);
    g_autoptr(GString) out = g_string_new (NULL);
    HsCallMoney money;

    if (portfolio == NULL)
      return hs_cli_store_error (error);
    hs_call_money (d.call, portfolio, &money);
    g_string_append_printf (out, "%s\n", description);
    hs_cli_call_money_text (out, &money, cli->lang);
    if (money.available >= 0 && money.proposed > money.available)
      {
        g_autofree char *over = hs_money_format (money.proposed - money.available, cli->lang);
        /* Translators: a warning after the proposal */
        g_string_append_printf (out, _("The proposed applications ask for %s more than the call has\n"), over);
      }
    fputs (out->str, stdout);
  }
  return HS_EXIT_OK;
}

/* ---- decide, reject, change ------------------------------------------------ */

int
hs_cli_cmd_decide (HsCli *cli,
                   int    argc,
                   char **argv)
{
  g_autofree char *granted = NULL;
  g_auto(GStrv) implementers = NULL;
  g_autofree char *date = NULL;
  g_autofree char *number = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *decided_by = NULL;
  GOptionEntry entries[] = {
    { "granted", 'g', 0, G_OPTION_ARG_STRING, &granted, N_("The EU and state support granted in all (default: what was applied for)"), N_("AMOUNT") },
    { "implementer", 'i', 0, G_OPTION_ARG_STRING_ARRAY, &implementers, N_("One implementer’s grant (repeatable); the others share the rest in proportion"), N_("Y-TUNNUS=AMOUNT") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("The date of the decision"), N_("DATE") },
    { "number", 'n', 0, G_OPTION_ARG_STRING, &number, N_("The decision’s number"), N_("TEXT") },
    { "conditions", 'c', 0, G_OPTION_ARG_STRING, &conditions, N_("Conditions of the grant"), N_("TEXT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The eligibility period’s first day (default: the project’s start)"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("The eligibility period’s last day (default: the project’s end)"), N_("DATE") },
    { "decided-by", 0, 0, G_OPTION_ARG_STRING, &decided_by, N_("The council that makes the decision (default: the call’s intermediary body)"), N_("NAME") },
    { NULL }
  };
  g_auto(Target) t = { 0 };
  g_autoptr(HsDecision) decision = hs_decision_new (HS_DECISION_GRANT);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso ();
  g_autofree char *description = NULL;
  g_autofree char *total_text = NULL;
  gboolean change;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("decide", _("CODE"),
                             _("Record a funding decision that grants EU and state support: to each implementer at "
                               "most what it applied for. On a project with an open change application, decides "
                               "the change."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_argument ("decide", _("a project code"), argc, argv))
    return HS_EXIT_USAGE;
  if (date == NULL)
    {
      hs_cli_error (_("decide needs --date: the date of the decision"));
      return HS_EXIT_USAGE;
    }
  if (!parse_date_option ("--date", date, &decision->date) || !parse_date_option ("--from", from, &decision->eligible_from)
      || !parse_date_option ("--until", until, &decision->eligible_until))
    return HS_EXIT_USAGE;
  exit_code = target_load (&t, cli, HS_OPEN_DEFAULT, argv[1]);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  decision->number = g_strdup (number);
  decision->conditions = g_strdup (conditions);
  decision->decided_by = g_strdup (decided_by != NULL ? decided_by
                                   : t.review->coordinating_council != NULL ? t.review->coordinating_council
                                   : t.call != NULL ? t.call->intermediary : NULL);

  for (guint i = 0; implementers != NULL && implementers[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (implementers[i], "=", 2);
      const HsImplementer *impl;
      HsGrant grant = { 0, };

      if (parts[1] == NULL)
        {
          hs_cli_error (_("--implementer takes Y-TUNNUS=AMOUNT, not “%s”"), implementers[i]);
          return HS_EXIT_USAGE;
        }
      impl = find_implementer (t.project, "--implementer", g_strstrip (parts[0]));
      if (impl == NULL)
        return HS_EXIT_USAGE;
      if (!parse_money_option ("--implementer", parts[1], &grant.granted))
        return HS_EXIT_USAGE;
      for (guint j = 0; j < decision->grants->len; j++)
        if (g_array_index (decision->grants, HsGrant, j).organisation_id == impl->organisation->id)
          {
            hs_cli_error (_("--implementer: %s is named twice"), org_name (t.project, impl->organisation->id));
            return HS_EXIT_USAGE;
          }
      grant.organisation_id = impl->organisation->id;
      grant.applied = hs_implementer_get_financing (impl, HS_SOURCE_EU_STATE);
      g_array_append_val (decision->grants, grant);
    }
  if (granted != NULL)
    {
      gint64 total;

      if (!parse_money_option ("--granted", granted, &total))
        return HS_EXIT_USAGE;
      if (!hs_decision_set_total (decision, t.project, total, cli->lang, &error))
        {
          hs_cli_error ("%s", error->message);
          return HS_EXIT_USAGE;
        }
    }

  change = t.review->change_open;
  if (!hs_review_decide (t.review, t.project, t.call, decision, now, actor_of (&t), cli->lang, &error))
    {
      hs_cli_error ("%s", error->message);   /* the decision is still ours */
      return HS_EXIT_USAGE;
    }
  g_steal_pointer (&decision);               /* the review's now */
  total_text = hs_money_format (hs_review_granted (t.review), cli->lang);
  description = change ? g_strdup_printf (_("Grant the change application of %s: %s"), t.project->code, total_text)
                       : g_strdup_printf (_("Grant %s: %s"), t.project->code, total_text);
  exit_code = target_save (&t, TRUE, description);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  {
    const HsDecision *d = hs_review_decision_in_force (t.review);
    g_autoptr(GString) out = g_string_new (NULL);

    g_string_append_printf (out, "%s\n", description);
    for (guint i = 0; i < d->grants->len; i++)
      {
        const HsGrant *g = &g_array_index (d->grants, HsGrant, i);
        g_autofree char *applied = hs_money_format (g->applied, cli->lang);
        g_autofree char *got = hs_money_format (g->granted, cli->lang);

        if (g->granted < g->applied)
          {
            g_autofree char *less = hs_money_format (g->applied - g->granted, cli->lang);
            /* Translators: "Oulun kaupunki: 80 000,00 € of the 100 000,00 € applied for (20 000,00 € less)" */
            g_string_append_printf (out, _("  %s: %s of the %s applied for (%s less)\n"),
                                    org_name (t.project, g->organisation_id), got, applied, less);
          }
        else
          g_string_append_printf (out, _("  %s: %s, as applied for\n"), org_name (t.project, g->organisation_id), got);
      }
    fputs (out->str, stdout);
  }
  return HS_EXIT_OK;
}

int
hs_cli_cmd_reject (HsCli *cli,
                   int    argc,
                   char **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *number = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("The date of the decision"), N_("DATE") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why the application is rejected"), N_("TEXT") },
    { "number", 'n', 0, G_OPTION_ARG_STRING, &number, N_("The decision’s number"), N_("TEXT") },
    { NULL }
  };
  g_auto(Target) t = { 0 };
  g_autoptr(HsDecision) decision = hs_decision_new (HS_DECISION_REJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = now_iso ();
  g_autofree char *description = NULL;
  gboolean change;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("reject", _("CODE"),
                             _("Record a negative funding decision. On a project with an open change application, "
                               "rejects the change: the decision in force stays, and the approved plan comes back."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_argument ("reject", _("a project code"), argc, argv))
    return HS_EXIT_USAGE;
  if (date == NULL || reason == NULL || g_strstrip (reason)[0] == '\0')
    {
      hs_cli_error (date == NULL ? _("reject needs --date: the date of the decision")
                                 : _("reject needs --reason: why the application is rejected"));
      return HS_EXIT_USAGE;
    }
  if (!parse_date_option ("--date", date, &decision->date))
    return HS_EXIT_USAGE;
  exit_code = target_load (&t, cli, HS_OPEN_DEFAULT, argv[1]);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  decision->reason = g_strdup (reason);
  decision->number = g_strdup (number);
  decision->decided_by = g_strdup (t.review->coordinating_council != NULL ? t.review->coordinating_council
                                   : t.call != NULL ? t.call->intermediary : NULL);
  change = t.review->change_open;
  if (!hs_review_decide (t.review, t.project, t.call, decision, now, actor_of (&t), cli->lang, &error))
    {
      hs_cli_error ("%s", error->message);   /* the decision is still ours */
      return HS_EXIT_USAGE;
    }
  g_steal_pointer (&decision);               /* the review's now */
  description = change ? g_strdup_printf (_("Reject the change application of %s"), t.project->code)
                       : g_strdup_printf (_("Reject %s"), t.project->code);
  exit_code = target_save (&t, TRUE, description);
  if (exit_code == HS_EXIT_OK)
    printf ("%s\n", description);
  return exit_code;
}

int
hs_cli_cmd_change (HsCli *cli,
                   int    argc,
                   char **argv)
{
  g_autofree char *starts = NULL;
  g_autofree char *made = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "starts", 's', 0, G_OPTION_ARG_STRING, &starts, N_("When the change starts"), N_("DATE") },
    { "made", 'm', 0, G_OPTION_ARG_STRING, &made, N_("When the change application is made (default: today)"), N_("DATE") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("What changes and why"), N_("TEXT") },
    { NULL }
  };
  g_auto(Target) t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GDate starts_date, made_date;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("change", _("CODE"),
                             _("Open a change application (muutoshakemus) on a decided project: from then on its "
                               "plan may be edited, and decide or reject decides the change; “diff CODE” shows it "
                               "against the approved plan."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_argument ("change", _("a project code"), argc, argv))
    return HS_EXIT_USAGE;
  if (starts == NULL)
    {
      hs_cli_error (_("change needs --starts: when the change starts"));
      return HS_EXIT_USAGE;
    }
  if (!parse_date_option ("--starts", starts, &starts_date) || !parse_date_option ("--made", made, &made_date))
    return HS_EXIT_USAGE;
  if (!g_date_valid (&made_date))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&made_date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  exit_code = target_load (&t, cli, HS_OPEN_DEFAULT, argv[1]);
  if (exit_code != HS_EXIT_OK)
    return exit_code;
  if (!hs_review_open_change (t.review, t.project, &made_date, &starts_date, reason, cli->lang, &error))
    {
      hs_cli_error ("%s", error->message);
      return HS_EXIT_USAGE;
    }
  description = g_strdup_printf (_("Change application of %s"), t.project->code);
  exit_code = target_save (&t, FALSE, description);
  if (exit_code == HS_EXIT_OK)
    printf ("%s\n", description);
  return exit_code;
}

/* ---- versions, diff ------------------------------------------------------ */

int
hs_cli_cmd_versions (HsCli *cli,
                     int    argc,
                     char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON (amounts in cents)"), NULL },
    { NULL }
  };
  g_auto(Target) t = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("versions", _("CODE"),
                             _("List the kept versions of a project: the application as decided on, what each grant "
                               "approved, each change application; and the decisions."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_argument ("versions", _("a project code"), argc, argv))
    return HS_EXIT_USAGE;
  exit_code = target_load (&t, cli, HS_OPEN_READ_ONLY, argv[1]);
  if (exit_code != HS_EXIT_OK)
    return exit_code;

  if (json)
    {
      const HsDecision *in_force = hs_review_decision_in_force (t.review);

      g_string_append (out, "{\"project\": ");
      hs_cli_json_string (out, t.project->code);
      g_string_append_printf (out, ", \"change_open\": %s, \"granted\": %" G_GINT64_FORMAT ", \"versions\": [",
                              t.review->change_open ? "true" : "false", hs_review_granted (t.review));
      for (guint i = 0; i < t.review->versions->len; i++)
        {
          const HsVersion *v = g_ptr_array_index (t.review->versions, i);
          HsTotals totals = { 0, };

          hs_project_totals (v->project, &totals, NULL);
          g_string_append (out, i > 0 ? ", " : "");
          g_string_append_printf (out, "{\"number\": %u, \"kind\": \"%s\", \"made\": ", v->number,
                                  hs_version_kind_to_id (v->kind));
          hs_cli_json_optional (out, v->made);
          g_string_append_printf (out, ", \"total_costs\": %" G_GINT64_FORMAT ", \"eu_state\": %" G_GINT64_FORMAT "}",
                                  totals.total_costs, totals.financing[HS_SOURCE_EU_STATE]);
        }
      g_string_append (out, "], \"decisions\": [");
      for (guint i = 0; i < t.review->decisions->len; i++)
        {
          const HsDecision *d = g_ptr_array_index (t.review->decisions, i);
          gint64 sum = 0;

          for (guint j = 0; j < d->grants->len; j++)
            sum += g_array_index (d->grants, HsGrant, j).granted;
          g_string_append (out, i > 0 ? ", " : "");
          g_string_append_printf (out, "{\"kind\": \"%s\", \"change\": %s, \"version\": %u, \"in_force\": %s,"
                                       " \"date\": ",
                                  d->kind == HS_DECISION_GRANT ? "grant" : "reject", d->change ? "true" : "false",
                                  d->version, d == in_force ? "true" : "false");
          hs_cli_json_date (out, &d->date);
          g_string_append (out, ", \"number\": ");
          hs_cli_json_optional (out, d->number);
          g_string_append_printf (out, ", \"granted\": %" G_GINT64_FORMAT ", \"grants\": [", sum);
          for (guint j = 0; j < d->grants->len; j++)
            {
              const HsGrant *g = &g_array_index (d->grants, HsGrant, j);

              g_string_append (out, j > 0 ? ", " : "");
              g_string_append (out, "{\"implementer\": ");
              hs_cli_json_optional (out, org_name (t.project, g->organisation_id));
              g_string_append_printf (out, ", \"applied\": %" G_GINT64_FORMAT ", \"granted\": %" G_GINT64_FORMAT "}",
                                      g->applied, g->granted);
            }
          g_string_append (out, "], \"eligible_from\": ");
          hs_cli_json_date (out, &d->eligible_from);
          g_string_append (out, ", \"eligible_until\": ");
          hs_cli_json_date (out, &d->eligible_until);
          g_string_append (out, ", \"conditions\": ");
          hs_cli_json_optional (out, d->conditions);
          g_string_append (out, ", \"reason\": ");
          hs_cli_json_optional (out, d->reason);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}\n");
      fputs (out->str, stdout);
      return HS_EXIT_OK;
    }

  g_string_append_printf (out, "%s %s\n", t.project->code, hs_project_display_name (t.project));
  if (t.review->versions->len == 0)
    g_string_append_printf (out, "  %s\n", _("No versions are kept yet: the application has not been decided"));
  for (guint i = 0; i < t.review->versions->len; i++)
    {
      const HsVersion *v = g_ptr_array_index (t.review->versions, i);
      HsTotals totals = { 0, };
      g_autofree char *costs = NULL;
      g_autofree char *support = NULL;

      hs_project_totals (v->project, &totals, NULL);
      costs = hs_money_format (totals.total_costs, cli->lang);
      support = hs_money_format (totals.financing[HS_SOURCE_EU_STATE], cli->lang);
      /* Translators: "2  Approved  2026-11-03T10:00:00Z  total costs 200 000,00 €, EU and state 120 000,00 €" */
      g_string_append_printf (out, _("  %u  %-20s %s  total costs %s, EU and state %s\n"), v->number,
                              hs_version_kind_label (v->kind), v->made, costs, support);
    }
  for (guint i = 0; i < t.review->decisions->len; i++)
    {
      const HsDecision *d = g_ptr_array_index (t.review->decisions, i);
      g_autofree char *on = hs_date_format (&d->date, cli->lang);
      gint64 sum = 0;

      for (guint j = 0; j < d->grants->len; j++)
        sum += g_array_index (d->grants, HsGrant, j).granted;
      if (d->kind == HS_DECISION_GRANT)
        {
          g_autofree char *money = hs_money_format (sum, cli->lang);
          /* Translators: "Decision 12/2026 of 3.11.2026: granted 100 000,00 € (version 1)" */
          g_string_append_printf (out, d->change ? _("Decision %s of %s: change granted, %s (version %u)\n")
                                                 : _("Decision %s of %s: granted %s (version %u)\n"),
                                  d->number != NULL ? d->number : "–", on, money, d->version);
        }
      else
        g_string_append_printf (out, d->change ? _("Decision %s of %s: change rejected (version %u): %s\n")
                                               : _("Decision %s of %s: rejected (version %u): %s\n"),
                                d->number != NULL ? d->number : "–", on, d->version,
                                d->reason != NULL ? d->reason : "");
    }
  if (t.review->change_open)
    {
      g_autofree char *m = hs_date_format (&t.review->change_made, cli->lang);
      g_autofree char *s = hs_date_format (&t.review->change_starts, cli->lang);

      g_string_append_printf (out, _("A change application made on %s is open; the change starts on %s\n"), m, s);
    }
  fputs (out->str, stdout);
  return HS_EXIT_OK;
}

int
hs_cli_cmd_diff (HsCli *cli,
                 int    argc,
                 char **argv)
{
  int from = -1, to = -1;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_INT, &from, N_("The version compared from (default: the approved one)"), N_("N") },
    { "to", 't', 0, G_OPTION_ARG_INT, &to, N_("The version compared to (default: the project as it is now)"), N_("M") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON (amounts in cents)"), NULL },
    { NULL }
  };
  g_auto(Target) t = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  const HsProject *a, *b;
  const HsVersion *va;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("diff", _("CODE"),
                             _("Compare two versions of a project field by field and amount by amount: by default the "
                               "approved plan with the project as it is now (an open change application)."),
                             entries, &argc, &argv, &exit_code))
    return exit_code;
  if (!one_argument ("diff", _("a project code"), argc, argv))
    return HS_EXIT_USAGE;
  exit_code = target_load (&t, cli, HS_OPEN_READ_ONLY, argv[1]);
  if (exit_code != HS_EXIT_OK)
    return exit_code;

  if (from >= 0)
    va = hs_review_get_version (t.review, (guint) from);
  else
    va = hs_review_approved_version (t.review);
  if (va == NULL)
    {
      if (t.review->versions->len == 0)
        hs_cli_error (_("%s has no kept versions: it has not been decided"), t.project->code);
      else if (from >= 0)
        hs_cli_error (_("%s has no version %d; it has versions 1–%u"), t.project->code, from, t.review->versions->len);
      else
        hs_cli_error (_("%s has no approved version; give --from N"), t.project->code);
      return HS_EXIT_USAGE;
    }
  a = va->project;
  if (to >= 0)
    {
      const HsVersion *vb = hs_review_get_version (t.review, (guint) to);

      if (vb == NULL)
        {
          hs_cli_error (_("%s has no version %d; it has versions 1–%u"), t.project->code, to, t.review->versions->len);
          return HS_EXIT_USAGE;
        }
      b = vb->project;
    }
  else
    b = t.project;

  lines = hs_project_diff (a, b, FALSE, cli->lang);
  if (json)
    {
      g_string_append (out, "{\"project\": ");
      hs_cli_json_string (out, t.project->code);
      g_string_append_printf (out, ", \"from\": %u, \"to\": ", va->number);
      if (to >= 0)
        g_string_append_printf (out, "%d", to);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"changes\": [");
      for (guint i = 0; i < lines->len; i++)
        {
          const HsDiffLine *l = g_ptr_array_index (lines, i);

          g_string_append (out, i > 0 ? ",\n " : "");
          g_string_append (out, "{\"field\": ");
          hs_cli_json_string (out, l->field);
          g_string_append (out, ", \"label\": ");
          hs_cli_json_string (out, l->label);
          g_string_append (out, ", \"before\": ");
          hs_cli_json_optional (out, l->before);
          g_string_append (out, ", \"after\": ");
          hs_cli_json_optional (out, l->after);
          if (l->is_amount)
            g_string_append_printf (out, ", \"amount_before\": %" G_GINT64_FORMAT ", \"amount_after\": %" G_GINT64_FORMAT,
                                    l->amount_before, l->amount_after);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}\n");
      fputs (out->str, stdout);
      return HS_EXIT_OK;
    }

  {
    HsDiffTotals totals;
    g_autofree char *head = NULL;

    if (to >= 0)
      g_string_append_printf (out, _("%s: version %u → version %d\n"), t.project->code, va->number, to);
    else
      g_string_append_printf (out, _("%s: version %u → now\n"), t.project->code, va->number);
    if (lines->len == 0)
      g_string_append_printf (out, "  %s\n", _("No differences"));
    for (guint i = 0; i < lines->len; i++)
      {
        g_autofree char *text = hs_diff_line_format (g_ptr_array_index (lines, i), cli->lang);
        g_string_append_printf (out, "  %s\n", text);
      }
    if (hs_project_diff_totals (a, b, &totals, NULL))
      {
        head = hs_diff_totals_format (&totals, cli->lang);
        g_string_append_printf (out, "%s\n", head);
      }
  }
  fputs (out->str, stdout);
  return HS_EXIT_OK;
}

/* ---- criterion add|edit|delete ------------------------------------------- */

typedef struct
{
  char     *key;
  char     *kind;
  char     *objective;
  char     *name_fi;
  char     *name_sv;
  char     *name_en;
  int       weight;
  int       minimum;
  gboolean  per_implementer;
} CriterionOptions;

static gboolean
apply_criterion_options (HsCriterion            *c,
                         const CriterionOptions *o)
{
  if (o->kind != NULL)
    {
      int kind = hs_criterion_kind_from_id (o->kind);

      if (kind < 0)
        {
          hs_cli_error (_("--kind is general, content, refining or horizontal, not “%s”"), o->kind);
          return FALSE;
        }
      c->kind = kind;
    }
#define SET_TEXT(field) \
  if (o->field != NULL) \
    { \
      g_free (c->field); \
      c->field = g_strstrip (g_strdup (o->field)); \
      if (c->field[0] == '\0') \
        g_clear_pointer (&c->field, g_free); \
    }
  SET_TEXT (objective)
  SET_TEXT (name_fi)
  SET_TEXT (name_sv)
  SET_TEXT (name_en)
#undef SET_TEXT
  if (o->weight >= 0)
    c->weight = (guint) o->weight;
  if (o->minimum >= -1)
    c->minimum = o->minimum;
  if (o->per_implementer)
    c->per_implementer = TRUE;
  return TRUE;
}

int
hs_cli_cmd_criterion (HsCli *cli,
                      int    argc,
                      char **argv)
{
  CriterionOptions o = { NULL, NULL, NULL, NULL, NULL, NULL, -1, -2, FALSE };
  GOptionEntry entries[] = {
    { "key", 'k', 0, G_OPTION_ARG_STRING, &o.key, N_("The criterion’s key (letters, digits, “-”, “.”, “_”)"), N_("KEY") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("general, content, refining (the default) or horizontal"), N_("KIND") },
    { "objective", 0, 0, G_OPTION_ARG_STRING, &o.objective, N_("The specific objective of a content criterion (“1.1”)"), N_("OBJECTIVE") },
    { "name-fi", 0, 0, G_OPTION_ARG_STRING, &o.name_fi, N_("Its name in Finnish"), N_("TEXT") },
    { "name-sv", 0, 0, G_OPTION_ARG_STRING, &o.name_sv, N_("Its name in Swedish"), N_("TEXT") },
    { "name-en", 0, 0, G_OPTION_ARG_STRING, &o.name_en, N_("Its name in English"), N_("TEXT") },
    { "weight", 'w', 0, G_OPTION_ARG_INT, &o.weight, N_("Its weight in per cent of the usual (default 100)"), N_("PCT") },
    { "minimum", 'm', 0, G_OPTION_ARG_INT, &o.minimum, N_("The lowest acceptable mean score (-1: none)"), N_("N") },
    { "per-implementer", 0, 0, G_OPTION_ARG_NONE, &o.per_implementer, N_("Scored for each implementer’s part"), NULL },
    { NULL }
  };
  g_auto(CallData) d = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HsCriterion) criterion = NULL;
  const char *verb;
  int exit_code = HS_EXIT_OK;

  if (!hs_cli_parse_options ("criterion", _("add|edit|delete CALL"),
                             _("Add, change or delete a call’s own selection criterion (the call notice’s refining "
                               "criteria, or any the call adds): add CALL --key KEY --name-fi TEXT …; edit CALL "
                               "--key KEY [options]; delete CALL --key KEY (refused while scores use it). The "
                               "programme’s criteria stay as they are."),
                             entries, &argc, &argv, &exit_code))
    goto out;
  if (argc != 3 || (g_strcmp0 (argv[1], "add") != 0 && g_strcmp0 (argv[1], "edit") != 0
                    && g_strcmp0 (argv[1], "delete") != 0))
    {
      hs_cli_error (_("criterion takes add, edit or delete, and a call: “criterion add CALL --key KEY …”"));
      exit_code = HS_EXIT_USAGE;
      goto out;
    }
  verb = argv[1];
  if (o.key == NULL)
    {
      hs_cli_error (_("criterion %s needs --key"), verb);
      exit_code = HS_EXIT_USAGE;
      goto out;
    }
  exit_code = call_data_load (&d, cli, HS_OPEN_DEFAULT, argv[2]);
  if (exit_code != HS_EXIT_OK)
    goto out;

  if (g_strcmp0 (verb, "add") == 0)
    {
      criterion = hs_criterion_new (o.key, HS_CRITERION_REFINING);
      criterion->call_id = d.call->id;
    }
  else
    {
      for (guint i = 0; i < d.criteria->len; i++)
        {
          const HsCriterion *c = g_ptr_array_index (d.criteria, i);

          if (g_strcmp0 (c->key, o.key) == 0 && c->call_id == d.call->id)
            criterion = hs_criterion_copy (c);
          else if (g_strcmp0 (c->key, o.key) == 0)
            {
              hs_cli_error (_("“%s” is one of the programme’s criteria; a call changes only its own"), o.key);
              exit_code = HS_EXIT_USAGE;
              goto out;
            }
        }
      if (criterion == NULL)
        {
          hs_cli_error (_("The call has no criterion “%s”; “hankesalkku-cli criteria CODE” lists them"), o.key);
          exit_code = HS_EXIT_USAGE;
          goto out;
        }
    }

  if (g_strcmp0 (verb, "delete") == 0)
    {
      if (!hs_repository_delete_criterion (HS_REPOSITORY (d.repo), criterion->id, &error))
        goto failed;
      printf (_("Deleted the criterion “%s”\n"), criterion->key);
      goto out;
    }
  if (!apply_criterion_options (criterion, &o))
    {
      exit_code = HS_EXIT_USAGE;
      goto out;
    }
  if (!hs_repository_save_criterion (HS_REPOSITORY (d.repo), criterion, &error))
    goto failed;
  printf (g_strcmp0 (verb, "add") == 0 ? _("Added the criterion “%s”\n") : _("Changed the criterion “%s”\n"),
          criterion->key);
  goto out;

failed:
  if (error->domain == HS_CORE_ERROR)
    {
      hs_cli_error ("%s", error->message);
      exit_code = HS_EXIT_USAGE;
    }
  else
    exit_code = hs_cli_store_error (error);
out:
  g_free (o.key);
  g_free (o.kind);
  g_free (o.objective);
  g_free (o.name_fi);
  g_free (o.name_sv);
  g_free (o.name_en);
  return exit_code;
}

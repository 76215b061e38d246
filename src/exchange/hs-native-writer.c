/* hs-native-writer.c — the native format, written by streaming
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic by construction, so that export → import → export gives
 * the same bytes: reference data sorted by name, projects in code order
 * (the repository's), the main implementer first and the others as
 * stored, budget lines by year, category and derived last, financing by
 * source, indicators by code (ties as stored), the status history as
 * stored (oldest first); a project's review (format version 3) as
 * stored: scores, comments and decisions in their order, versions by
 * number; a call's own criteria by position and its proposal in its
 * order. Nothing time-dependent is written beyond the times the review
 * keeps.
 */
#define G_LOG_DOMAIN "hs-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/hs-core-error.h"
#include "core/hs-enums.h"
#include "core/hs-project.h"
#include "core/hs-reference.h"
#include "core/hs-review.h"
#include "hs-exchange-private.h"

typedef struct
{
  xmlTextWriterPtr  w;
  gboolean          failed;
  char             *scratch;
  GHashTable       *agreements;   /* id → HsAgreement* */
  GHashTable       *focus_areas;  /* id → HsFocusArea* */
  GHashTable       *calls;        /* id → HsCall* */
  /* format version 3: reviews (NULL when the repository keeps none) */
  HsRepository     *repository;
  GHashTable       *criteria;     /* id → HsCriterion* (the programme's and every call's own) */
  GPtrArray        *criteria_owned;
  GHashTable       *codes;        /* project id → code, for proposals */
  gboolean          proposals;    /* write the calls' proposals (not for one project) */
} Writer;

static void
start (Writer     *w,
       const char *name)
{
  if (xmlTextWriterStartElement (w->w, (const xmlChar *) name) < 0)
    w->failed = TRUE;
}

static void
end (Writer *w)
{
  if (xmlTextWriterEndElement (w->w) < 0)
    w->failed = TRUE;
}

static void
attr (Writer     *w,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;
  value = hs_exchange_clean_text (value, &w->scratch);
  if (xmlTextWriterWriteAttribute (w->w, (const xmlChar *) name, (const xmlChar *) value) < 0)
    w->failed = TRUE;
}

/* An optional text attribute: omitted when NULL or empty. */
static void
attr_text (Writer     *w,
           const char *name,
           const char *value)
{
  if (value != NULL && *value != '\0')
    attr (w, name, value);
}

static void
attr_int (Writer     *w,
          const char *name,
          gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  if (xmlTextWriterWriteAttribute (w->w, (const xmlChar *) name, (const xmlChar *) buffer) < 0)
    w->failed = TRUE;
}

static void
attr_date (Writer      *w,
           const char  *name,
           const GDate *date)
{
  char buffer[16];

  if (!g_date_valid (date))
    return;
  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  if (xmlTextWriterWriteAttribute (w->w, (const xmlChar *) name, (const xmlChar *) buffer) < 0)
    w->failed = TRUE;
}

/* An element with text, skipped when the text is NULL or empty. */
static void
text_element (Writer     *w,
              const char *name,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  text = hs_exchange_clean_text (text, &w->scratch);
  if (xmlTextWriterWriteElement (w->w, (const xmlChar *) name, (const xmlChar *) text) < 0)
    w->failed = TRUE;
}

static void
name_element (Writer     *w,
              const char *lang,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  start (w, "name");
  attr (w, "lang", lang);
  text = hs_exchange_clean_text (text, &w->scratch);
  if (xmlTextWriterWriteString (w->w, (const xmlChar *) text) < 0)
    w->failed = TRUE;
  end (w);
}

/* ---- reference data ----------------------------------------------------- */

static int
compare_agreements (gconstpointer a,
                    gconstpointer b)
{
  const HsAgreement *x = *(HsAgreement * const *) a;
  const HsAgreement *y = *(HsAgreement * const *) b;

  return g_strcmp0 (x->region_name, y->region_name);
}

static int
compare_focus_areas (gconstpointer a,
                     gconstpointer b)
{
  const HsFocusArea *x = *(HsFocusArea * const *) a;
  const HsFocusArea *y = *(HsFocusArea * const *) b;
  int c = g_strcmp0 (x->name, y->name);

  if (c != 0)
    return c;
  if (x->first_year != y->first_year)
    return x->first_year < y->first_year ? -1 : 1;
  return (x->last_year > y->last_year) - (x->last_year < y->last_year);
}

static int
compare_calls (gconstpointer a,
               gconstpointer b)
{
  const HsCall *x = *(HsCall * const *) a;
  const HsCall *y = *(HsCall * const *) b;
  int c = g_strcmp0 (x->name, y->name);

  if (c != 0)
    return c;
  return (x->id > y->id) - (x->id < y->id);
}

static void
write_cost_models (Writer *w,
                   guint   models)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint m = 0; m < HS_N_COST_MODELS; m++)
    if (models & (1u << m))
      {
        if (list->len > 0)
          g_string_append_c (list, ' ');
        g_string_append (list, hs_cost_model_to_id (m));
      }
  attr (w, "cost-models", list->str);
}

/* ---- format version 3: a call's own criteria and its proposal ----------- */

static void
write_names (Writer     *w,
             const char *fi,
             const char *sv,
             const char *en)
{
  name_element (w, "fi", fi);
  name_element (w, "sv", sv);
  name_element (w, "en", en);
}

static void
write_call_review (Writer       *w,
                   const HsCall *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProposal) proposal = NULL;
  GPtrArray *criteria = w->criteria_owned;

  if (w->repository == NULL)
    return;
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    {
      const HsCriterion *c = g_ptr_array_index (criteria, i);

      if (c->call_id != call->id)
        continue;
      start (w, "criterion");
      attr (w, "key", c->key);
      attr (w, "kind", hs_criterion_kind_to_id (c->kind));
      attr_text (w, "objective", c->objective);
      if (c->weight != 100)
        attr_int (w, "weight", c->weight);
      if (c->minimum >= 0)
        attr_int (w, "minimum", c->minimum);
      if (c->per_implementer)
        attr (w, "per-implementer", "true");
      write_names (w, c->name_fi, c->name_sv, c->name_en);
      end (w);
    }
  if (!w->proposals)
    return;
  proposal = hs_repository_load_proposal (w->repository, call->id, &error);
  if (proposal == NULL)
    {
      w->failed = TRUE;
      return;
    }
  if (proposal->items->len == 0 && !g_date_valid (&proposal->meeting))
    return;
  start (w, "proposal");
  attr_date (w, "meeting", &proposal->meeting);
  for (guint i = 0; i < proposal->items->len; i++)
    {
      const HsProposalItem *item = &g_array_index (proposal->items, HsProposalItem, i);
      const char *code = g_hash_table_lookup (w->codes, &item->project_id);

      if (code == NULL)
        continue;
      start (w, "item");
      attr (w, "project", code);
      attr_int (w, "position", item->position);
      if (item->reason != NULL && *item->reason != '\0')
        {
          const char *text = hs_exchange_clean_text (item->reason, &w->scratch);
          if (xmlTextWriterWriteString (w->w, (const xmlChar *) text) < 0)
            w->failed = TRUE;
        }
      end (w);
    }
  end (w);
}

static void
write_reference (Writer    *w,
                 GPtrArray *agreements,
                 GPtrArray *focus_areas,
                 GPtrArray *calls,
                 gint64     only_agreement)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (agreements, NULL, NULL);
  g_autoptr(GPtrArray) fas = g_ptr_array_copy (focus_areas, NULL, NULL);
  g_autoptr(GPtrArray) cs = g_ptr_array_copy (calls, NULL, NULL);
  gboolean any = FALSE;

  /* the copies borrow the elements */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_set_free_func (fas, NULL);
  g_ptr_array_set_free_func (cs, NULL);
  g_ptr_array_sort (sorted, compare_agreements);
  g_ptr_array_sort (fas, compare_focus_areas);
  g_ptr_array_sort (cs, compare_calls);

  for (guint i = 0; i < sorted->len; i++)
    {
      HsAgreement *a = g_ptr_array_index (sorted, i);

      if (only_agreement != 0 && a->id != only_agreement)
        continue;
      if (!any)
        start (w, "reference");
      any = TRUE;

      start (w, "agreement");
      attr (w, "region", a->region_name);
      if (a->intermediary != NULL && *a->intermediary != '\0')
        attr (w, "intermediary", a->intermediary);
      for (guint f = 0; f < fas->len; f++)
        {
          HsFocusArea *fa = g_ptr_array_index (fas, f);
          if (fa->agreement_id != a->id)
            continue;
          start (w, "focus-area");
          attr (w, "name", fa->name);
          if (fa->first_year != 0)
            attr_int (w, "first-year", fa->first_year);
          if (fa->last_year != 0)
            attr_int (w, "last-year", fa->last_year);
          end (w);
        }
      for (guint c = 0; c < cs->len; c++)
        {
          HsCall *call = g_ptr_array_index (cs, c);
          if (call->agreement_id != a->id)
            continue;
          start (w, "call");
          attr (w, "name", call->name);
          attr_text (w, "name-sv", call->name_sv);
          attr_text (w, "name-en", call->name_en);
          attr_text (w, "intermediary", call->intermediary);
          attr (w, "instrument", hs_instrument_to_id (call->instrument));
          attr_date (w, "open", &call->open_date);
          attr_date (w, "close", &call->close_date);
          attr_int (w, "max-support-bp", call->max_support_bp);
          attr_int (w, "max-support", call->max_support);
          attr_int (w, "min-city-bp", call->min_city_bp);
          attr_int (w, "max-city-bp", call->max_city_bp);
          attr_int (w, "min-own-bp", call->min_own_bp);
          attr_int (w, "max-duration-months", call->max_duration_months);
          attr_int (w, "max-projects", call->max_projects);
          write_cost_models (w, call->allowed_cost_models);
          attr_int (w, "money-available", call->money_available);
          attr_int (w, "city-money-available", call->city_money_available);
          text_element (w, "description", call->description);
          write_call_review (w, call);
          end (w);
        }
      end (w);
    }
  if (any)
    end (w);
}

/* ---- projects ----------------------------------------------------------- */

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const HsBudgetLine *x = a;
  const HsBudgetLine *y = b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return (!!x->derived) - (!!y->derived);
}

static void
write_implementer (Writer              *w,
                   const HsImplementer *impl)
{
  const HsOrganisation *org = impl->organisation;
  g_autoptr(GArray) budget = NULL;

  start (w, "implementer");
  attr (w, "role", impl->is_main ? "main" : "partial");

  start (w, "organisation");
  attr (w, "name", org != NULL ? org->name : "");
  if (org != NULL)
    {
      if (org->business_id != NULL && *org->business_id != '\0')
        attr (w, "business-id", org->business_id);
      attr (w, "type", hs_org_type_to_id (org->type));
      if (org->municipality != NULL && *org->municipality != '\0')
        attr (w, "municipality", org->municipality);
      if (org->foreign)
        attr (w, "foreign", "true");
    }
  else
    attr (w, "type", hs_org_type_to_id (HS_ORG_OTHER));
  end (w);

  budget = g_array_sized_new (FALSE, FALSE, sizeof (HsBudgetLine), impl->budget->len);
  g_array_append_vals (budget, impl->budget->data, impl->budget->len);
  g_array_sort (budget, compare_lines);
  for (guint i = 0; i < budget->len; i++)
    {
      const HsBudgetLine *line = &g_array_index (budget, HsBudgetLine, i);

      start (w, "cost");
      attr_int (w, "year", line->year);
      attr (w, "category", hs_cost_category_to_id (line->category));
      attr_int (w, "cents", line->amount);
      if (line->derived)
        attr (w, "derived", "true");
      end (w);
    }

  for (guint s = 0; s < HS_N_SOURCES; s++)
    for (guint i = 0; i < impl->financing->len; i++)
      {
        const HsFinancingLine *line = &g_array_index (impl->financing, HsFinancingLine, i);

        if (line->source != s)
          continue;
        start (w, "financing");
        attr (w, "source", hs_source_to_id (line->source));
        if (line->year != 0)
          attr_int (w, "year", line->year);
        attr_int (w, "cents", line->amount);
        end (w);
      }

  end (w);
}

static int
compare_indicator_index (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  GArray *indicators = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  int c = g_strcmp0 (g_array_index (indicators, HsIndicator, i).code,
                     g_array_index (indicators, HsIndicator, j).code);

  return c != 0 ? c : (i > j) - (i < j);
}

static void write_review (Writer          *w,
                          const HsProject *project);

static void
write_project_element (Writer          *w,
                       const HsProject *project,
                       gboolean         with_review)
{
  const HsImplementer *main_impl = NULL;
  g_autoptr(GArray) order = NULL;

  start (w, "project");
  attr (w, "code", project->code);
  attr (w, "status", hs_status_to_id (project->status));
  attr (w, "cost-model", hs_cost_model_to_id (project->cost_model));
  attr_date (w, "start", &project->start_date);
  attr_date (w, "end", &project->end_date);
  if (project->example)
    attr (w, "example", "true");

  name_element (w, "fi", project->name_fi);
  name_element (w, "sv", project->name_sv);
  name_element (w, "en", project->name_en);
  text_element (w, "acronym", project->acronym);
  if (project->agreement_id != 0)
    {
      HsAgreement *a = g_hash_table_lookup (w->agreements, &project->agreement_id);
      text_element (w, "agreement", a != NULL ? a->region_name : NULL);
    }
  if (project->focus_area_id != 0)
    {
      HsFocusArea *fa = g_hash_table_lookup (w->focus_areas, &project->focus_area_id);
      text_element (w, "focus-area", fa != NULL ? fa->name : NULL);
    }
  if (project->call_id != 0)
    {
      HsCall *call = g_hash_table_lookup (w->calls, &project->call_id);
      text_element (w, "call", call != NULL ? call->name : NULL);
    }
  text_element (w, "summary", project->summary);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      if (impl->is_main)
        {
          main_impl = impl;
          write_implementer (w, impl);
          break;
        }
    }
  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      if (impl != main_impl)
        write_implementer (w, impl);
    }

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), project->indicators->len);
  for (guint i = 0; i < project->indicators->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_indicator_index, project->indicators);
  for (guint k = 0; k < order->len; k++)
    {
      const HsIndicator *indicator = &g_array_index (project->indicators, HsIndicator,
                                                     g_array_index (order, guint, k));
      start (w, "indicator");
      attr (w, "code", indicator->code);
      attr_int (w, "target", indicator->target);
      end (w);
    }

  for (guint i = 0; i < project->history->len; i++)
    {
      const HsStatusChange *change = &g_array_index (project->history, HsStatusChange, i);
      start (w, "status-change");
      attr (w, "status", hs_status_to_id (change->status));
      attr_date (w, "date", &change->date);
      end (w);
    }

  if (with_review)
    write_review (w, project);
  end (w);
}

/* ---- format version 3: a project's review ------------------------------ */

/* The implementer @organisation_id names, by business id or (without one)
 * by name; nothing for 0 or one the project does not have. */
static void
attr_implementer (Writer          *w,
                  const HsProject *project,
                  gint64           organisation_id)
{
  if (organisation_id == 0)
    return;
  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      const HsOrganisation *org = impl->organisation;

      if (org == NULL || org->id != organisation_id)
        continue;
      if (org->business_id != NULL && *org->business_id != '\0')
        attr (w, "implementer", org->business_id);
      else
        attr (w, "implementer-name", org->name);
      return;
    }
}

static void
write_string (Writer     *w,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  text = hs_exchange_clean_text (text, &w->scratch);
  if (xmlTextWriterWriteString (w->w, (const xmlChar *) text) < 0)
    w->failed = TRUE;
}

static void
write_review (Writer          *w,
              const HsProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsReview) review = NULL;

  if (w->repository == NULL)
    return;
  review = hs_repository_load_review (w->repository, project->id, &error);
  if (review == NULL)
    {
      w->failed = TRUE;
      return;
    }
  if (review->scores->len == 0 && review->comments->len == 0 && review->decisions->len == 0 &&
      review->versions->len == 0 && !review->change_open && review->processing_council == NULL &&
      review->coordinating_council == NULL)
    return;

  start (w, "review");
  attr_text (w, "processing-council", review->processing_council);
  attr_text (w, "coordinating-council", review->coordinating_council);
  for (guint i = 0; i < review->scores->len; i++)
    {
      const HsScore *score = g_ptr_array_index (review->scores, i);
      const HsCriterion *c = g_hash_table_lookup (w->criteria, &score->criterion_id);

      start (w, "score");
      attr_text (w, "reviewer", score->reviewer);
      attr_text (w, "written", score->written);
      attr_text (w, "by", score->actor);
      attr (w, "criterion", c != NULL ? c->key : "?");
      attr_implementer (w, project, score->organisation_id);
      attr_int (w, "score", score->score);
      write_string (w, score->justification);
      end (w);
    }
  for (guint i = 0; i < review->comments->len; i++)
    {
      const HsReviewComment *comment = g_ptr_array_index (review->comments, i);

      start (w, "comment");
      attr_text (w, "reviewer", comment->reviewer);
      attr_text (w, "written", comment->written);
      attr_text (w, "by", comment->actor);
      write_string (w, comment->text);
      end (w);
    }
  for (guint i = 0; i < review->decisions->len; i++)
    {
      const HsDecision *d = g_ptr_array_index (review->decisions, i);

      start (w, "decision");
      attr (w, "kind", d->kind == HS_DECISION_GRANT ? "grant" : "reject");
      if (d->change)
        attr (w, "change", "true");
      attr_int (w, "version", d->version);
      attr_text (w, "number", d->number);
      attr_date (w, "date", &d->date);
      attr_date (w, "eligible-from", &d->eligible_from);
      attr_date (w, "eligible-until", &d->eligible_until);
      attr_text (w, "decided-by", d->decided_by);
      attr_text (w, "recorded", d->recorded);
      attr_text (w, "by", d->actor);
      text_element (w, "conditions", d->conditions);
      text_element (w, "reason", d->reason);
      for (guint j = 0; d->grants != NULL && j < d->grants->len; j++)
        {
          const HsGrant *g = &g_array_index (d->grants, HsGrant, j);

          start (w, "grant");
          attr_implementer (w, project, g->organisation_id);
          attr_int (w, "applied", g->applied);
          attr_int (w, "granted", g->granted);
          end (w);
        }
      end (w);
    }
  for (guint i = 0; i < review->versions->len; i++)
    {
      const HsVersion *v = g_ptr_array_index (review->versions, i);

      start (w, "version");
      attr_int (w, "number", v->number);
      attr (w, "kind", hs_version_kind_to_id (v->kind));
      attr_text (w, "made", v->made);
      write_project_element (w, v->project, FALSE);
      end (w);
    }
  if (review->change_open)
    {
      start (w, "change-application");
      attr_date (w, "made", &review->change_made);
      attr_date (w, "starts", &review->change_starts);
      write_string (w, review->change_reason);
      end (w);
    }
  end (w);
}

static gboolean
write_project (HsProject *project,
               gpointer   user_data)
{
  Writer *w = user_data;

  write_project_element (w, project, TRUE);
  return !w->failed;
}

static void
writer_clear_reviews (Writer *w)
{
  g_clear_pointer (&w->criteria, g_hash_table_unref);
  g_clear_pointer (&w->criteria_owned, g_ptr_array_unref);
  g_clear_pointer (&w->codes, g_hash_table_unref);
}

/* Every criterion by id (the programme's and each call's own) and the
 * projects' codes by id. */
static gboolean
prepare_reviews (Writer        *w,
                 HsRepository  *repository,
                 GPtrArray     *calls,
                 gboolean       proposals,
                 GError       **error)
{
  g_autoptr(GArray) summaries = NULL;

  w->repository = repository;
  w->proposals = proposals;
  w->criteria = g_hash_table_new (g_int64_hash, g_int64_equal);
  w->criteria_owned = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_criterion_free);
  w->codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i <= calls->len; i++)
    {
      gint64 call_id = i < calls->len ? ((HsCall *) g_ptr_array_index (calls, i))->id : 0;
      g_autoptr(GPtrArray) list = hs_repository_list_criteria (repository, call_id, error);

      if (list == NULL)
        return FALSE;
      for (guint j = 0; j < list->len; j++)
        {
          HsCriterion *c = g_ptr_array_index (list, j);

          /* the programme's come with every call: keep them once */
          if ((c->call_id != call_id && call_id != 0) || g_hash_table_contains (w->criteria, &c->id))
            continue;
          c = hs_criterion_copy (c);
          g_ptr_array_add (w->criteria_owned, c);
          g_hash_table_insert (w->criteria, &c->id, c);
        }
    }
  summaries = hs_repository_list_project_summaries (repository, error);
  if (summaries == NULL)
    return FALSE;
  for (guint i = 0; i < summaries->len; i++)
    {
      const HsProjectSummary *summary = &g_array_index (summaries, HsProjectSummary, i);
      g_hash_table_insert (w->codes, g_memdup2 (&summary->id, sizeof summary->id), g_strdup (summary->code));
    }
  return TRUE;
}

gboolean
hs_native_write (HsExportJob    *job,
                 HsAtomicOutput *output,
                 GError        **error)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) focus_areas = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  const HsExportSelection *selection = job->selection;
  const char *scope = "portfolio";
  gint64 only_agreement = 0;
  Writer w = { 0 };
  gboolean ok;

  agreements = hs_repository_list_agreements (job->repository, error);
  if (agreements == NULL)
    return FALSE;
  focus_areas = hs_repository_list_focus_areas (job->repository, 0, error);
  if (focus_areas == NULL)
    return FALSE;
  calls = hs_repository_list_calls (job->repository, 0, error);
  if (calls == NULL)
    return FALSE;

  if (selection->scope == HS_EXPORT_SCOPE_AGREEMENT)
    {
      scope = "agreement";
      only_agreement = selection->agreement_id;
    }
  else if (selection->scope == HS_EXPORT_SCOPE_PROJECT)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(HsProject) project = hs_repository_load_project_by_code (job->repository,
                                                                         selection->project_code,
                                                                         &local_error);
      if (project == NULL)
        {
          if (local_error != NULL && local_error->domain != HS_CORE_ERROR)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_NOT_FOUND,
                         _("No project has the code “%s”"), selection->project_code);
          return FALSE;
        }
      scope = "project";
      only_agreement = project->agreement_id != 0 ? project->agreement_id : -1;
    }

  w.w = hs_exchange_new_writer (output);
  if (w.w == NULL)
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO, _("Could not start writing XML"));
      return FALSE;
    }
  w.agreements = hs_reference_index_by_id (agreements);
  w.focus_areas = hs_reference_index_by_id (focus_areas);
  w.calls = hs_reference_index_by_id (calls);
  if (hs_repository_has_reviews (job->repository) &&
      !prepare_reviews (&w, job->repository, calls, selection->scope != HS_EXPORT_SCOPE_PROJECT, error))
    {
      xmlFreeTextWriter (w.w);
      g_hash_table_unref (w.agreements);
      g_hash_table_unref (w.focus_areas);
      g_hash_table_unref (w.calls);
      writer_clear_reviews (&w);
      return FALSE;
    }

  xmlTextWriterSetIndent (w.w, 1);
  xmlTextWriterSetIndentString (w.w, (const xmlChar *) "  ");
  if (xmlTextWriterStartDocument (w.w, "1.0", "UTF-8", NULL) < 0)
    w.failed = TRUE;
  if (xmlTextWriterStartElementNS (w.w, NULL, (const xmlChar *) "portfolio",
                                   (const xmlChar *) HS_NATIVE_NAMESPACE) < 0)
    w.failed = TRUE;
  attr (&w, "version", HS_NATIVE_VERSION);
  attr (&w, "scope", scope);

  write_reference (&w, agreements, focus_areas, calls, only_agreement);

  ok = !w.failed && hs_export_job_foreach (job, write_project, &w, error);
  if (ok && w.failed)
    ok = FALSE;

  if (xmlTextWriterEndDocument (w.w) < 0)
    w.failed = TRUE;
  xmlFreeTextWriter (w.w);

  g_hash_table_unref (w.agreements);
  g_hash_table_unref (w.focus_areas);
  g_hash_table_unref (w.calls);
  writer_clear_reviews (&w);
  g_free (w.scratch);

  if (ok && w.failed)
    {
      ok = FALSE;
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                   _("Writing the XML failed (is the disk full?)"));
    }
  else if (!ok && w.failed && error != NULL && *error == NULL)
    g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                 _("Writing the XML failed (is the disk full?)"));
  return ok;
}

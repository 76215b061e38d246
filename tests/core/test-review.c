/* test-review.c — assessments, funding decisions, change applications and the ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One application of three implementers (EU + state 60 000, 30 000 and
 * 10 000 €) in a call open 1.3.–30.4.2025, submitted on 10.3.2025, scored
 * by two reviewers against a small set of criteria of every kind, decided,
 * changed and decided again. Each refusal is checked for its message and
 * for leaving the review and the project as they were.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-review.h"

#define EUR(e) ((gint64) (e) * HS_CENTS_PER_EURO)

#define NOW "2025-06-01T10:00:00Z"

enum { ORG_CITY = 11, ORG_UNI = 12, ORG_CO = 13 };
enum { C_GENERAL = 1, C_CONTENT_11, C_CONTENT_12, C_HORIZONTAL, C_REFINING, C_CONTENT_11B, N_CRITERIA_PLUS_ONE };

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static HsImplementer *
new_implementer (gint64      id,
                 const char *name,
                 gboolean    is_main,
                 gint64      eu_state)
{
  HsOrganisation *org = hs_organisation_new (name, NULL, HS_ORG_CITY);
  HsImplementer *impl;

  org->id = id;
  impl = hs_implementer_new (org, is_main);
  hs_implementer_set_cost (impl, HS_COST_STAFF, 2025, eu_state * 2);
  hs_implementer_set_financing (impl, HS_SOURCE_EU_STATE, eu_state);
  hs_implementer_set_financing (impl, HS_SOURCE_CITY, eu_state);
  return impl;
}

static void
add_history (HsProject *project,
             HsStatus   status,
             int        day,
             int        month,
             int        year)
{
  HsStatusChange change = { status, { 0, } };

  set_date (&change.date, day, month, year);
  g_array_append_val (project->history, change);
  project->status = status;
}

static HsProject *
application (void)
{
  HsProject *project = hs_project_new ("OULU-2025-001");

  project->id = 1;
  project->name_fi = g_strdup ("Älykäs satama");
  project->agreement_id = 1;
  project->call_id = 7;
  set_date (&project->start_date, 1, 5, 2025);
  set_date (&project->end_date, 31, 12, 2026);
  g_ptr_array_add (project->implementers, new_implementer (ORG_CITY, "Oulun kaupunki", TRUE, EUR (60000)));
  g_ptr_array_add (project->implementers, new_implementer (ORG_UNI, "Oulun yliopisto", FALSE, EUR (30000)));
  g_ptr_array_add (project->implementers, new_implementer (ORG_CO, "Satama Oy", FALSE, EUR (10000)));
  add_history (project, HS_STATUS_DRAFT, 1, 2, 2025);
  add_history (project, HS_STATUS_SUBMITTED, 10, 3, 2025);
  return project;
}

static HsCall *
call_of (void)
{
  HsCall *call = hs_call_new_default ();

  call->id = 7;
  call->agreement_id = 1;
  g_free (call->name);
  call->name = g_strdup ("Oulu 2025");
  set_date (&call->open_date, 1, 3, 2025);
  set_date (&call->close_date, 30, 4, 2025);
  call->money_available = EUR (500000);
  return call;
}

static HsCriterion *
criterion (gint64           id,
           const char      *key,
           HsCriterionKind  kind,
           const char      *objective,
           const char      *name,
           guint            weight,
           int              minimum)
{
  HsCriterion *c = hs_criterion_new (key, kind);

  c->id = id;
  c->objective = g_strdup (objective);
  c->name_en = g_strdup (name);
  c->name_fi = g_strdup (name);
  c->weight = weight;
  c->minimum = minimum;
  return c;
}

static GPtrArray *
criteria (void)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_criterion_free);
  HsCriterion *refining;

  g_ptr_array_add (all, criterion (C_GENERAL, "general-eligible", HS_CRITERION_GENERAL, NULL, "Eligible", 100, -1));
  g_ptr_array_add (all, criterion (C_CONTENT_11, "content-1.1-renewal", HS_CRITERION_CONTENT, "1.1", "Renewal", 100, 3));
  g_ptr_array_add (all, criterion (C_CONTENT_12, "content-1.2-skills", HS_CRITERION_CONTENT, "1.2", "Skills", 100, -1));
  g_ptr_array_add (all, criterion (C_HORIZONTAL, "horizontal-equality", HS_CRITERION_HORIZONTAL, NULL, "Equality", 50, -1));
  refining = criterion (C_REFINING, "refining-cooperation", HS_CRITERION_REFINING, NULL, "Cooperation", 200, -1);
  refining->per_implementer = TRUE;
  g_ptr_array_add (all, refining);
  g_ptr_array_add (all, criterion (C_CONTENT_11B, "content-1.1-impact", HS_CRITERION_CONTENT, "1.1", "Impact", 100, -1));
  return all;
}

static const HsCriterion *
criterion_by_id (GPtrArray *all,
                 gint64     id)
{
  for (guint i = 0; i < all->len; i++)
    if (((HsCriterion *) g_ptr_array_index (all, i))->id == id)
      return g_ptr_array_index (all, i);
  g_assert_not_reached ();
}

static void
score (HsReview        *review,
       const HsProject *project,
       GPtrArray       *all,
       gint64           criterion_id,
       const char      *reviewer,
       gint64           org,
       int              value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_review_set_score (review, project, criterion_by_id (all, criterion_id), reviewer, org,
                                      value, "perustelu", NOW, "tester", HS_LANG_EN, &error));
  g_assert_no_error (error);
}

static const HsScore *
find_score (const HsReview *review,
            gint64          criterion_id,
            const char     *reviewer,
            gint64          org)
{
  for (guint i = 0; i < review->scores->len; i++)
    {
      const HsScore *s = g_ptr_array_index (review->scores, i);

      if (s->criterion_id == criterion_id && g_strcmp0 (s->reviewer, reviewer) == 0 && s->organisation_id == org)
        return s;
    }
  return NULL;
}

static const HsGrant *
grant_of (const HsDecision *decision,
          gint64            org)
{
  for (guint i = 0; i < decision->grants->len; i++)
    if (g_array_index (decision->grants, HsGrant, i).organisation_id == org)
      return &g_array_index (decision->grants, HsGrant, i);
  return NULL;
}

static HsImplementer *
implementer (HsProject *project,
             gint64     org)
{
  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      if (impl->organisation->id == org)
        return impl;
    }
  g_assert_not_reached ();
}

static HsDecision *
grant_on (int day,
          int month,
          int year)
{
  HsDecision *decision = hs_decision_new (HS_DECISION_GRANT);

  set_date (&decision->date, day, month, year);
  decision->number = g_strdup ("EURA/1/2025");
  return decision;
}

static void
add_grant (HsDecision *decision,
           gint64      org,
           gint64      granted)
{
  HsGrant grant = { org, 0, granted };

  g_array_append_val (decision->grants, grant);
}

/* A refusal: the error names what is expected, and neither the review nor
 * the project changed. */
static void
assert_refused (HsReview        *review,
                HsProject       *project,
                const HsCall    *call,
                HsDecision      *decision,
                const char      *now,
                const char     **expected)
{
  g_autoptr(HsReview) review_before = hs_review_copy (review);
  g_autoptr(HsProject) project_before = hs_project_copy (project);
  g_autoptr(GError) error = NULL;

  g_assert_false (hs_review_decide (review, project, call, decision, now, "tester", HS_LANG_EN, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (error->message, expected[i]) == NULL)
      g_error ("“%s” does not say “%s”", error->message, expected[i]);
  g_assert_true (hs_review_equal (review, review_before));
  g_assert_true (hs_project_equal (project, project_before));
  hs_decision_free (decision);
}

/* ---- scores ------------------------------------------------------------ */

static void
test_score_scales (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(GPtrArray) all = criteria ();
  g_autoptr(HsReview) review = hs_review_new (project->id);
  struct { gint64 criterion; int score; gboolean ok; } cases[] = {
    { C_GENERAL, 0, TRUE }, { C_GENERAL, 1, TRUE }, { C_GENERAL, 2, FALSE }, { C_GENERAL, -1, FALSE },
    { C_CONTENT_11, 0, TRUE }, { C_CONTENT_11, 5, TRUE }, { C_CONTENT_11, 6, FALSE }, { C_CONTENT_11, -1, FALSE },
    { C_HORIZONTAL, 0, TRUE }, { C_HORIZONTAL, 3, TRUE }, { C_HORIZONTAL, 4, FALSE },
    { C_REFINING, 5, TRUE }, { C_REFINING, 6, FALSE },
  };

  g_assert_cmpint (hs_criterion_kind_max (HS_CRITERION_GENERAL), ==, 1);
  g_assert_cmpint (hs_criterion_kind_max (HS_CRITERION_CONTENT), ==, 5);
  g_assert_cmpint (hs_criterion_kind_max (HS_CRITERION_REFINING), ==, 5);
  g_assert_cmpint (hs_criterion_kind_max (HS_CRITERION_HORIZONTAL), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const HsCriterion *c = criterion_by_id (all, cases[i].criterion);
      gint64 org = c->per_implementer ? ORG_UNI : 0;
      g_autoptr(GError) error = NULL;
      guint before = review->scores->len;
      gboolean ok = hs_review_set_score (review, project, c, "Reviewer A", org, cases[i].score, "why",
                                         NOW, "tester", HS_LANG_EN, &error);

      g_test_message ("%s %d", c->key, cases[i].score);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          const HsScore *s = find_score (review, c->id, "Reviewer A", org);

          g_assert_no_error (error);
          g_assert_nonnull (s);
          g_assert_cmpint (s->score, ==, cases[i].score);
          g_assert_cmpstr (s->justification, ==, "why");
          g_assert_cmpstr (s->written, ==, NOW);
        }
      else
        {
          g_autofree char *number = g_strdup_printf ("%d", cases[i].score);
          g_autofree char *quoted = g_strdup_printf ("“%s”", c->name_en);

          g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, quoted));
          g_assert_nonnull (strstr (error->message, number));
          g_assert_cmpuint (review->scores->len, ==, before);
        }
    }
  /* one score per reviewer and criterion: the last kept ones */
  g_assert_cmpuint (review->scores->len, ==, 4);
  g_assert_cmpint (find_score (review, C_GENERAL, "Reviewer A", 0)->score, ==, 1);
  g_assert_cmpint (find_score (review, C_CONTENT_11, "Reviewer A", 0)->score, ==, 5);
  g_assert_cmpint (find_score (review, C_HORIZONTAL, "Reviewer A", 0)->score, ==, 3);

  /* the scale maximum is named for scored criteria */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (hs_review_set_score (review, project, criterion_by_id (all, C_HORIZONTAL), "Reviewer A", 0,
                                         7, "", NOW, NULL, HS_LANG_EN, &error));
    g_assert_nonnull (strstr (error->message, "0 to 3"));
  }
  /* a score needs a reviewer */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (hs_review_set_score (review, project, criterion_by_id (all, C_HORIZONTAL), "  ", 0,
                                         1, "", NOW, NULL, HS_LANG_EN, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_cmpuint (review->scores->len, ==, 4);
  }
}

static void
test_score_replaces (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(GPtrArray) all = criteria ();
  g_autoptr(HsReview) review = hs_review_new (project->id);

  score (review, project, all, C_CONTENT_11, "Reviewer A", 0, 2);
  score (review, project, all, C_CONTENT_11, "Reviewer B", 0, 4);
  g_assert_cmpuint (review->scores->len, ==, 2);
  /* the name is trimmed: the same reviewer */
  score (review, project, all, C_CONTENT_11, "  Reviewer A ", 0, 5);
  g_assert_cmpuint (review->scores->len, ==, 2);
  g_assert_cmpint (find_score (review, C_CONTENT_11, "Reviewer A", 0)->score, ==, 5);
  g_assert_cmpint (find_score (review, C_CONTENT_11, "Reviewer B", 0)->score, ==, 4);
  /* another criterion is another score */
  score (review, project, all, C_CONTENT_12, "Reviewer A", 0, 1);
  g_assert_cmpuint (review->scores->len, ==, 3);
  g_assert_cmpint (find_score (review, C_CONTENT_11, "Reviewer A", 0)->score, ==, 5);
}

static void
test_score_per_implementer (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(GPtrArray) all = criteria ();
  g_autoptr(HsReview) review = hs_review_new (project->id);
  const HsCriterion *refining = criterion_by_id (all, C_REFINING);
  gint64 wrong[] = { 0, 99 };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (hs_review_set_score (review, project, refining, "Reviewer A", wrong[i], 3, "", NOW, NULL,
                                           HS_LANG_EN, &error));
      g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Cooperation"));
      g_assert_nonnull (strstr (error->message, project->code));
    }
  g_assert_cmpuint (review->scores->len, ==, 0);

  score (review, project, all, C_REFINING, "Reviewer A", ORG_CITY, 5);
  score (review, project, all, C_REFINING, "Reviewer A", ORG_UNI, 2);
  score (review, project, all, C_REFINING, "Reviewer A", ORG_UNI, 3);   /* replaces the 2 */
  g_assert_cmpuint (review->scores->len, ==, 2);
  g_assert_cmpint (find_score (review, C_REFINING, "Reviewer A", ORG_CITY)->score, ==, 5);
  g_assert_cmpint (find_score (review, C_REFINING, "Reviewer A", ORG_UNI)->score, ==, 3);

  /* a criterion of the whole application takes no implementer */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (hs_review_set_score (review, project, criterion_by_id (all, C_HORIZONTAL), "Reviewer A",
                                         ORG_UNI, 2, "", NOW, NULL, HS_LANG_EN, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Equality"));
    g_assert_cmpuint (review->scores->len, ==, 2);
  }
}

/* ---- decisions --------------------------------------------------------- */

static void
test_decide_refused (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(HsCall) call = call_of ();
  g_autoptr(HsReview) review = hs_review_new (project->id);

  /* a draft is not decided */
  {
    g_autoptr(HsProject) draft = application ();
    const char *expected[] = { draft->code, NULL };

    g_array_set_size (draft->history, 1);
    draft->status = HS_STATUS_DRAFT;
    assert_refused (review, draft, call, grant_on (20, 3, 2025), NOW, expected);
  }
  /* before it was submitted (10.3.2025), though after the call opened */
  {
    const char *expected[] = { "submitted", "5 Mar 2025", "10 Mar 2025", NULL };

    assert_refused (review, project, call, grant_on (5, 3, 2025), NOW, expected);
  }
  /* before the call opened */
  {
    g_autoptr(HsCall) late = call_of ();
    const char *expected[] = { "Oulu 2025", "20 Mar 2025", "1 Apr 2025", NULL };

    set_date (&late->open_date, 1, 4, 2025);
    assert_refused (review, project, late, grant_on (20, 3, 2025), NOW, expected);
  }
  /* in the future */
  {
    const char *expected[] = { "2 Jun 2025", "1 Jun 2025", NULL };

    assert_refused (review, project, call, grant_on (2, 6, 2025), NOW, expected);
  }
  /* after the programme's money is spent */
  {
    const char *expected[] = { "1 Jan 2030", "31 Dec 2029", NULL };

    assert_refused (review, project, call, grant_on (1, 1, 2030), "2030-06-01T10:00:00Z", expected);
  }
  /* without a date */
  {
    const char *expected[] = { "date", NULL };
    HsDecision *undated = hs_decision_new (HS_DECISION_GRANT);

    assert_refused (review, project, call, undated, NOW, expected);
  }
  /* a grant above what was applied for names the amounts */
  {
    g_autofree char *granted = hs_money_format (EUR (30001), HS_LANG_EN);
    g_autofree char *applied = hs_money_format (EUR (30000), HS_LANG_EN);
    g_autofree char *over = hs_money_format (EUR (1), HS_LANG_EN);
    const char *expected[] = { "Oulun yliopisto", granted, applied, over, NULL };
    HsDecision *decision = grant_on (20, 5, 2025);

    add_grant (decision, ORG_UNI, EUR (30001));
    assert_refused (review, project, call, decision, NOW, expected);
  }
  /* a grant to an organisation that is not an implementer */
  {
    const char *expected[] = { project->code, NULL };
    HsDecision *decision = grant_on (20, 5, 2025);

    add_grant (decision, 99, EUR (1));
    assert_refused (review, project, call, decision, NOW, expected);
  }
  /* nothing granted */
  {
    const char *expected[] = { project->code, NULL };
    HsDecision *decision = grant_on (20, 5, 2025);

    add_grant (decision, ORG_CITY, 0);
    add_grant (decision, ORG_UNI, 0);
    add_grant (decision, ORG_CO, 0);
    assert_refused (review, project, call, decision, NOW, expected);
  }
  /* the last allowed day is accepted */
  {
    g_autoptr(GError) error = NULL;
    HsDecision *decision = grant_on (31, 12, 2029);

    g_assert_true (hs_review_decide (review, project, call, decision, "2030-01-05T08:00:00Z", "tester",
                                     HS_LANG_EN, &error));
    g_assert_no_error (error);
    g_assert_cmpint (project->status, ==, HS_STATUS_APPROVED);
  }
}

static void
test_decide_grant (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(HsProject) submitted = application ();
  g_autoptr(HsCall) call = call_of ();
  g_autoptr(HsReview) review = hs_review_new (project->id);
  g_autoptr(GError) error = NULL;
  HsDecision *decision = grant_on (20, 5, 2025);
  const HsDecision *in_force;
  const HsStatusChange *last;
  const HsVersion *approved;
  GDate day;

  add_grant (decision, ORG_CITY, EUR (50000));
  g_assert_true (hs_review_decide (review, project, call, decision, NOW, "tester", HS_LANG_EN, &error));
  g_assert_no_error (error);

  /* submitted → under review → approved, both on the decision's day */
  set_date (&day, 20, 5, 2025);
  g_assert_cmpint (project->status, ==, HS_STATUS_APPROVED);
  g_assert_cmpuint (project->history->len, ==, 4);
  last = &g_array_index (project->history, HsStatusChange, 2);
  g_assert_cmpint (last->status, ==, HS_STATUS_UNDER_REVIEW);
  g_assert_cmpint (g_date_compare (&last->date, &day), ==, 0);
  last = &g_array_index (project->history, HsStatusChange, 3);
  g_assert_cmpint (last->status, ==, HS_STATUS_APPROVED);
  g_assert_cmpint (g_date_compare (&last->date, &day), ==, 0);

  /* the grants: the named one, the others what they applied for */
  in_force = hs_review_decision_in_force (review);
  g_assert_nonnull (in_force);
  g_assert_true (in_force == g_ptr_array_index (review->decisions, 0));
  g_assert_cmpint (in_force->kind, ==, HS_DECISION_GRANT);
  g_assert_false (in_force->change);
  g_assert_cmpuint (in_force->version, ==, 1);
  g_assert_cmpstr (in_force->recorded, ==, NOW);
  g_assert_cmpstr (in_force->actor, ==, "tester");
  g_assert_cmpuint (in_force->grants->len, ==, 3);
  g_assert_cmpint (g_array_index (in_force->grants, HsGrant, 0).organisation_id, ==, ORG_CITY);
  g_assert_cmpint (grant_of (in_force, ORG_CITY)->applied, ==, EUR (60000));
  g_assert_cmpint (grant_of (in_force, ORG_CITY)->granted, ==, EUR (50000));
  g_assert_cmpint (grant_of (in_force, ORG_UNI)->granted, ==, EUR (30000));
  g_assert_cmpint (grant_of (in_force, ORG_CO)->granted, ==, EUR (10000));
  g_assert_cmpint (hs_review_granted (review), ==, EUR (90000));
  /* the eligibility period defaults to the project's */
  g_assert_cmpint (g_date_compare (&in_force->eligible_from, &project->start_date), ==, 0);
  g_assert_cmpint (g_date_compare (&in_force->eligible_until, &project->end_date), ==, 0);

  /* versions: the application as decided on, then the approved one */
  g_assert_cmpuint (review->versions->len, ==, 2);
  g_assert_cmpint (hs_review_get_version (review, 1)->kind, ==, HS_VERSION_APPLICATION);
  g_assert_cmpint (hs_review_get_version (review, 1)->project->status, ==, HS_STATUS_SUBMITTED);
  g_assert_true (hs_project_equal (hs_review_get_version (review, 1)->project, submitted));
  approved = hs_review_approved_version (review);
  g_assert_nonnull (approved);
  g_assert_cmpuint (approved->number, ==, 2);
  g_assert_cmpint (approved->kind, ==, HS_VERSION_APPROVED);
  g_assert_true (hs_project_equal (approved->project, project));

  /* a second decision needs a change application */
  {
    g_autofree char *on = hs_date_format (&day, HS_LANG_EN);
    const char *expected[] = { project->code, "EURA/1/2025", "change application", on, NULL };

    assert_refused (review, project, call, grant_on (25, 5, 2025), NOW, expected);
  }
  {
    const char *expected[] = { project->code, NULL };
    HsDecision *reject = hs_decision_new (HS_DECISION_REJECT);

    set_date (&reject->date, 25, 5, 2025);
    assert_refused (review, project, call, reject, NOW, expected);
  }
}

static void
test_decide_reject (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(HsCall) call = call_of ();
  g_autoptr(HsReview) review = hs_review_new (project->id);
  g_autoptr(GError) error = NULL;
  HsDecision *decision = hs_decision_new (HS_DECISION_REJECT);
  GDate made, starts;

  set_date (&decision->date, 21, 5, 2025);
  decision->reason = g_strdup ("Ei tukikelpoinen");
  add_grant (decision, ORG_CITY, EUR (1));   /* a rejection grants nothing */
  g_assert_true (hs_review_decide (review, project, call, decision, NOW, "tester", HS_LANG_EN, &error));
  g_assert_no_error (error);
  g_assert_cmpint (project->status, ==, HS_STATUS_REJECTED);
  g_assert_cmpint (g_array_index (project->history, HsStatusChange, project->history->len - 1).status,
                   ==, HS_STATUS_REJECTED);
  g_assert_cmpint (g_array_index (project->history, HsStatusChange, project->history->len - 2).status,
                   ==, HS_STATUS_UNDER_REVIEW);
  g_assert_cmpint (hs_review_decision_in_force (review)->kind, ==, HS_DECISION_REJECT);
  g_assert_cmpuint (hs_review_decision_in_force (review)->grants->len, ==, 0);
  g_assert_cmpint (hs_review_granted (review), ==, 0);
  g_assert_null (hs_review_approved_version (review));
  g_assert_cmpuint (review->versions->len, ==, 1);

  /* not decided again, no change application to a rejection */
  {
    const char *expected[] = { "rejected", "21 May 2025", NULL };

    assert_refused (review, project, call, grant_on (25, 5, 2025), NOW, expected);
  }
  set_date (&made, 1, 6, 2025);
  set_date (&starts, 1, 7, 2025);
  g_assert_false (hs_review_open_change (review, project, &made, &starts, "x", HS_LANG_EN, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "rejected"));
  g_assert_false (review->change_open);
}

static void
test_set_total (void)
{
  g_autoptr(HsProject) project = application ();

  /* none named: in proportion, half away from zero, the last the remainder:
   * 5 cents of 60:30:10 are 3, 1.5 → 2, and 0 (not 0.5 → 1) */
  {
    g_autoptr(HsDecision) decision = grant_on (20, 5, 2025);
    g_autoptr(GError) error = NULL;

    g_assert_true (hs_decision_set_total (decision, project, 5, HS_LANG_EN, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (decision->grants->len, ==, 3);
    g_assert_cmpint (grant_of (decision, ORG_CITY)->granted, ==, 3);
    g_assert_cmpint (grant_of (decision, ORG_UNI)->granted, ==, 2);
    g_assert_cmpint (grant_of (decision, ORG_CO)->granted, ==, 0);
    g_assert_cmpint (grant_of (decision, ORG_UNI)->applied, ==, EUR (30000));
  }
  /* the city named: the rest shared by the other two, 3:1 */
  {
    g_autoptr(HsDecision) decision = grant_on (20, 5, 2025);
    g_autoptr(GError) error = NULL;
    gint64 sum = 0;

    add_grant (decision, ORG_CITY, EUR (50000));
    g_assert_true (hs_decision_set_total (decision, project, EUR (80000) + 1, HS_LANG_EN, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (decision->grants->len, ==, 3);
    g_assert_cmpint (grant_of (decision, ORG_CITY)->granted, ==, EUR (50000));
    g_assert_cmpint (grant_of (decision, ORG_UNI)->granted, ==, EUR (22500) + 1);   /* 0.75 → 1 */
    g_assert_cmpint (grant_of (decision, ORG_CO)->granted, ==, EUR (7500));
    for (guint i = 0; i < decision->grants->len; i++)
      sum += g_array_index (decision->grants, HsGrant, i).granted;
    g_assert_cmpint (sum, ==, EUR (80000) + 1);
  }
  /* everything applied for: each what it applied for */
  {
    g_autoptr(HsDecision) decision = grant_on (20, 5, 2025);
    g_autoptr(GError) error = NULL;

    g_assert_true (hs_decision_set_total (decision, project, EUR (100000), HS_LANG_EN, &error));
    g_assert_cmpint (grant_of (decision, ORG_CITY)->granted, ==, EUR (60000));
    g_assert_cmpint (grant_of (decision, ORG_UNI)->granted, ==, EUR (30000));
    g_assert_cmpint (grant_of (decision, ORG_CO)->granted, ==, EUR (10000));
  }
  /* above what was applied for */
  {
    g_autoptr(HsDecision) decision = grant_on (20, 5, 2025);
    g_autoptr(GError) error = NULL;
    g_autofree char *applied = hs_money_format (EUR (100000), HS_LANG_EN);

    g_assert_false (hs_decision_set_total (decision, project, EUR (100000) + 1, HS_LANG_EN, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, applied));
    g_assert_nonnull (strstr (error->message, project->code));
    g_assert_cmpuint (decision->grants->len, ==, 0);
  }
  /* below the named ones */
  {
    g_autoptr(HsDecision) decision = grant_on (20, 5, 2025);
    g_autoptr(GError) error = NULL;
    g_autofree char *total = hs_money_format (EUR (40000), HS_LANG_EN);
    g_autofree char *named = hs_money_format (EUR (50000), HS_LANG_EN);

    add_grant (decision, ORG_CITY, EUR (50000));
    g_assert_false (hs_decision_set_total (decision, project, EUR (40000), HS_LANG_EN, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, total));
    g_assert_nonnull (strstr (error->message, named));
    g_assert_cmpuint (decision->grants->len, ==, 1);
  }
  /* the named one capped: what is left cannot be reached by the others */
  {
    g_autoptr(HsDecision) decision = grant_on (20, 5, 2025);
    g_autoptr(GError) error = NULL;

    add_grant (decision, ORG_CITY, EUR (50000));
    g_assert_false (hs_decision_set_total (decision, project, EUR (95000), HS_LANG_EN, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_cmpuint (decision->grants->len, ==, 1);
  }
}

/* A project decided on 20.5.2025 (city 50 000, the others in full). */
static void
decided (HsProject **project_out,
         HsReview  **review_out)
{
  g_autoptr(HsCall) call = call_of ();
  g_autoptr(GError) error = NULL;
  HsDecision *decision = grant_on (20, 5, 2025);

  *project_out = application ();
  *review_out = hs_review_new ((*project_out)->id);
  add_grant (decision, ORG_CITY, EUR (50000));
  g_assert_true (hs_review_decide (*review_out, *project_out, call, decision, NOW, "tester", HS_LANG_EN, &error));
  g_assert_no_error (error);
}

static void
test_open_change (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(HsReview) review = hs_review_new (project->id);
  g_autoptr(GError) error = NULL;
  GDate made, starts;

  set_date (&made, 1, 6, 2025);
  set_date (&starts, 1, 7, 2025);
  /* undecided */
  g_assert_false (hs_review_open_change (review, project, &made, &starts, "x", HS_LANG_EN, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, project->code));
  g_assert_false (review->change_open);
  g_clear_error (&error);

  g_clear_pointer (&project, hs_project_free);
  g_clear_pointer (&review, hs_review_free);
  decided (&project, &review);

  /* made before the decision it changes (20.5.2025) */
  {
    GDate early;

    set_date (&early, 19, 5, 2025);
    g_assert_false (hs_review_open_change (review, project, &early, &starts, "x", HS_LANG_EN, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "19 May 2025"));
    g_assert_nonnull (strstr (error->message, "20 May 2025"));
    g_assert_false (review->change_open);
    g_clear_error (&error);
  }

  /* starts before it is made */
  set_date (&starts, 31, 5, 2025);
  g_assert_false (hs_review_open_change (review, project, &made, &starts, "x", HS_LANG_EN, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "31 May 2025"));
  g_assert_nonnull (strstr (error->message, "1 Jun 2025"));
  g_assert_false (review->change_open);
  g_clear_error (&error);

  /* starts after the decided period (ends 31.12.2026) */
  set_date (&starts, 1, 1, 2027);
  g_assert_false (hs_review_open_change (review, project, &made, &starts, "x", HS_LANG_EN, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "31 Dec 2026"));
  g_assert_false (review->change_open);
  g_clear_error (&error);

  /* made after the decided period */
  set_date (&made, 2, 1, 2027);
  set_date (&starts, 3, 1, 2027);
  g_assert_false (hs_review_open_change (review, project, &made, &starts, "x", HS_LANG_EN, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "31 Dec 2026"));
  g_assert_false (review->change_open);
  g_clear_error (&error);

  /* without dates */
  {
    GDate none;

    g_date_clear (&none, 1);
    g_assert_false (hs_review_open_change (review, project, &none, &none, "x", HS_LANG_EN, &error));
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* the last day of the period; the same day for both is allowed */
  set_date (&made, 31, 12, 2026);
  set_date (&starts, 31, 12, 2026);
  g_assert_true (hs_review_open_change (review, project, &made, &starts, "  ", HS_LANG_EN, &error));
  g_assert_no_error (error);
  g_assert_true (review->change_open);
  g_assert_null (review->change_reason);   /* blank: none */
  g_assert_cmpint (g_date_compare (&review->change_made, &made), ==, 0);

  /* only one at a time */
  g_assert_false (hs_review_open_change (review, project, &made, &starts, "x", HS_LANG_EN, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "31 Dec 2026"));
}

static void
test_change_granted (void)
{
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsReview) review = NULL;
  g_autoptr(HsCall) call = call_of ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) approved_before = NULL;
  HsDecision *decision;
  const HsDecision *in_force;
  GDate made, starts;
  guint history_len;

  decided (&project, &review);
  approved_before = hs_project_copy (hs_review_approved_version (review)->project);
  history_len = project->history->len;

  set_date (&made, 1, 8, 2025);
  set_date (&starts, 1, 9, 2025);
  g_assert_true (hs_review_open_change (review, project, &made, &starts, "Satama Oy hakee lisää", HS_LANG_EN,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpstr (review->change_reason, ==, "Satama Oy hakee lisää");

  /* the change: Satama Oy applies for 12 000 instead of 10 000, the
   * university for 28 000 instead of 30 000 */
  hs_implementer_set_financing (implementer (project, ORG_CO), HS_SOURCE_EU_STATE, EUR (12000));
  hs_implementer_set_financing (implementer (project, ORG_UNI), HS_SOURCE_EU_STATE, EUR (28000));
  g_assert_false (hs_review_locks (review, project));   /* the change application is open */

  /* not before the change application was made */
  {
    const char *expected[] = { "31 Jul 2025", "1 Aug 2025", NULL };

    assert_refused (review, project, call, grant_on (31, 7, 2025), "2025-09-10T10:00:00Z", expected);
  }

  decision = grant_on (10, 9, 2025);
  g_assert_true (hs_review_decide (review, project, call, decision, "2025-09-10T10:00:00Z", "tester",
                                   HS_LANG_EN, &error));
  g_assert_no_error (error);

  g_assert_false (review->change_open);
  g_assert_false (g_date_valid (&review->change_made));
  g_assert_null (review->change_reason);
  g_assert_cmpuint (review->decisions->len, ==, 2);
  in_force = hs_review_decision_in_force (review);
  g_assert_true (in_force == g_ptr_array_index (review->decisions, 1));
  g_assert_true (in_force->change);
  g_assert_cmpuint (in_force->version, ==, 3);
  /* the grants in force are kept, as far as still applied for */
  g_assert_cmpint (grant_of (in_force, ORG_CITY)->granted, ==, EUR (50000));
  g_assert_cmpint (grant_of (in_force, ORG_UNI)->granted, ==, EUR (28000));
  g_assert_cmpint (grant_of (in_force, ORG_UNI)->applied, ==, EUR (28000));
  g_assert_cmpint (grant_of (in_force, ORG_CO)->granted, ==, EUR (10000));
  g_assert_cmpint (grant_of (in_force, ORG_CO)->applied, ==, EUR (12000));
  g_assert_cmpint (hs_review_granted (review), ==, EUR (88000));

  /* a change keeps the status and history */
  g_assert_cmpint (project->status, ==, HS_STATUS_APPROVED);
  g_assert_cmpuint (project->history->len, ==, history_len);

  /* versions: 1 application, 2 approved, 3 change, 4 approved */
  g_assert_cmpuint (review->versions->len, ==, 4);
  g_assert_cmpint (hs_review_get_version (review, 3)->kind, ==, HS_VERSION_CHANGE);
  g_assert_cmpint (hs_review_get_version (review, 4)->kind, ==, HS_VERSION_APPROVED);
  g_assert_true (hs_review_approved_version (review) == hs_review_get_version (review, 4));
  g_assert_true (hs_project_equal (hs_review_approved_version (review)->project, project));
  /* the old approved version is kept as it was */
  g_assert_true (hs_project_equal (hs_review_get_version (review, 2)->project, approved_before));
  g_assert_cmpint (hs_implementer_get_financing (implementer (hs_review_get_version (review, 2)->project, ORG_CO),
                                                 HS_SOURCE_EU_STATE), ==, EUR (10000));

  /* a named grant on a change replaces the one in force */
  set_date (&made, 1, 10, 2025);
  set_date (&starts, 1, 10, 2025);
  g_assert_true (hs_review_open_change (review, project, &made, &starts, NULL, HS_LANG_EN, &error));
  decision = grant_on (2, 10, 2025);
  add_grant (decision, ORG_CO, EUR (12000));
  g_assert_true (hs_review_decide (review, project, call, decision, "2025-10-02T10:00:00Z", "tester",
                                   HS_LANG_EN, &error));
  g_assert_no_error (error);
  g_assert_cmpint (grant_of (hs_review_decision_in_force (review), ORG_CO)->granted, ==, EUR (12000));
  g_assert_cmpint (hs_review_granted (review), ==, EUR (90000));
  g_assert_cmpuint (review->versions->len, ==, 6);
}

static void
test_change_rejected (void)
{
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsReview) review = NULL;
  g_autoptr(HsCall) call = call_of ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) approved = NULL;
  const HsDecision *in_force_before;
  HsDecision *decision;
  GDate made, starts;

  decided (&project, &review);
  approved = hs_project_copy (project);
  in_force_before = hs_review_decision_in_force (review);

  set_date (&made, 1, 8, 2025);
  set_date (&starts, 1, 9, 2025);
  g_assert_true (hs_review_open_change (review, project, &made, &starts, "Lisää rahaa", HS_LANG_EN, &error));
  hs_implementer_set_financing (implementer (project, ORG_CO), HS_SOURCE_EU_STATE, EUR (15000));
  g_free (project->name_fi);
  project->name_fi = g_strdup ("Vielä älykkäämpi satama");

  decision = hs_decision_new (HS_DECISION_REJECT);
  set_date (&decision->date, 10, 9, 2025);
  g_assert_true (hs_review_decide (review, project, call, decision, "2025-09-10T10:00:00Z", "tester",
                                   HS_LANG_EN, &error));
  g_assert_no_error (error);

  /* the decision in force is the grant, unchanged */
  g_assert_cmpuint (review->decisions->len, ==, 2);
  g_assert_true (hs_review_decision_in_force (review) == in_force_before);
  g_assert_cmpint (hs_review_decision_in_force (review)->kind, ==, HS_DECISION_GRANT);
  g_assert_cmpint (hs_review_granted (review), ==, EUR (90000));
  g_assert_false (review->change_open);
  /* the project is back to its approved content, still approved */
  g_assert_cmpint (project->status, ==, HS_STATUS_APPROVED);
  g_assert_true (hs_project_equal (project, approved));
  g_assert_cmpstr (project->name_fi, ==, "Älykäs satama");
  g_assert_cmpint (hs_implementer_get_financing (implementer (project, ORG_CO), HS_SOURCE_EU_STATE), ==,
                   EUR (10000));
  g_assert_false (hs_review_locks (review, project));
  /* the rejected change application is kept as a version, no approved one */
  g_assert_cmpuint (review->versions->len, ==, 3);
  g_assert_cmpint (hs_review_get_version (review, 3)->kind, ==, HS_VERSION_CHANGE);
  g_assert_cmpstr (hs_review_get_version (review, 3)->project->name_fi, ==, "Vielä älykkäämpi satama");
  g_assert_true (hs_review_approved_version (review) == hs_review_get_version (review, 2));

  /* a decision needs a new change application */
  {
    const char *expected[] = { project->code, NULL };

    assert_refused (review, project, call, grant_on (11, 9, 2025), "2025-09-11T10:00:00Z", expected);
  }
}

static void
test_locks (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(HsReview) review = hs_review_new (project->id);
  g_autoptr(GError) error = NULL;
  GDate made, starts;

  /* undecided: never locked */
  project->name_fi[0] = 'X';
  g_assert_false (hs_review_locks (review, project));
  g_clear_pointer (&project, hs_project_free);
  g_clear_pointer (&review, hs_review_free);

  decided (&project, &review);
  g_assert_false (hs_review_locks (review, project));
  /* status, history and the stored version are not content */
  project->status = HS_STATUS_ONGOING;
  add_history (project, HS_STATUS_ONGOING, 1, 6, 2025);
  project->version = 17;
  g_assert_false (hs_review_locks (review, project));
  /* an amount is */
  hs_implementer_set_financing (implementer (project, ORG_UNI), HS_SOURCE_EU_STATE, EUR (29999));
  g_assert_true (hs_review_locks (review, project));
  hs_implementer_set_financing (implementer (project, ORG_UNI), HS_SOURCE_EU_STATE, EUR (30000));
  g_assert_false (hs_review_locks (review, project));
  /* and the dates */
  set_date (&project->end_date, 30, 6, 2027);
  g_assert_true (hs_review_locks (review, project));
  /* a change application opens it */
  set_date (&made, 1, 8, 2025);
  set_date (&starts, 1, 9, 2025);
  g_assert_true (hs_review_open_change (review, project, &made, &starts, NULL, HS_LANG_EN, &error));
  g_assert_false (hs_review_locks (review, project));
}

/* ---- summaries and ranking --------------------------------------------- */

static void
test_summarise (void)
{
  g_autoptr(HsProject) project = application ();
  g_autoptr(GPtrArray) all = criteria ();
  g_autoptr(HsReview) review = hs_review_new (project->id);
  g_auto(HsReviewSummary) summary = { 0, };

  /* nothing scored */
  hs_review_summarise (review, all, HS_LANG_EN, &summary);
  g_assert_cmpint (summary.project_id, ==, project->id);
  g_assert_cmpint (summary.score_bp, ==, -1);
  g_assert_cmpuint (summary.reviewers, ==, 0);
  g_assert_cmpuint (summary.scored, ==, 0);
  /* no content criterion counts before its objective is scored */
  g_assert_cmpuint (summary.unscored, ==, 3);
  hs_review_summary_clear (&summary);

  score (review, project, all, C_GENERAL, "A", 0, 1);
  score (review, project, all, C_GENERAL, "B", 0, 0);
  score (review, project, all, C_CONTENT_11, "A", 0, 4);
  score (review, project, all, C_CONTENT_11, "B", 0, 2);      /* mean 3, its minimum */
  score (review, project, all, C_HORIZONTAL, "A", 0, 3);
  score (review, project, all, C_HORIZONTAL, "B", 0, 2);      /* mean 2.5 */
  score (review, project, all, C_REFINING, "A", ORG_CITY, 5);
  score (review, project, all, C_REFINING, "A", ORG_UNI, 3);  /* mean 4 */

  /* weighted: (100 × 3 + 50 × 2.5 + 200 × 4) / (100 × 5 + 50 × 3 + 200 × 5)
   * = 1225 / 1650 = 74.24 % */
  hs_review_summarise (review, all, HS_LANG_EN, &summary);
  g_assert_cmpint (summary.score_bp, ==, 7424);
  g_assert_cmpuint (summary.reviewers, ==, 2);
  g_assert_cmpuint (summary.scored, ==, 8);
  g_assert_cmpuint (summary.general_unmet, ==, 1);
  g_assert_cmpuint (summary.under_minimum, ==, 0);
  /* objective 1.1 is scored: its other criterion is missing; 1.2 is not the
   * application's */
  g_assert_cmpuint (summary.unscored, ==, 1);
  g_assert_cmpuint (summary.notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary.notes, 0), ==, "Not met: Eligible");
  hs_review_summary_clear (&summary);

  /* a minimum of 4: under it; the weight of a criterion counts */
  ((HsCriterion *) criterion_by_id (all, C_CONTENT_11))->minimum = 4;
  ((HsCriterion *) criterion_by_id (all, C_CONTENT_11))->weight = 300;
  score (review, project, all, C_GENERAL, "B", 0, 1);
  hs_review_summarise (review, all, HS_LANG_EN, &summary);
  /* (300 × 3 + 125 + 800) / (1500 + 150 + 1000) = 1825 / 2650 = 68.87 % */
  g_assert_cmpint (summary.score_bp, ==, 6887);
  g_assert_cmpuint (summary.general_unmet, ==, 0);
  g_assert_cmpuint (summary.under_minimum, ==, 1);
  g_assert_cmpuint (summary.notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (summary.notes, 0), "minimum of 4"));
  g_assert_nonnull (strstr (g_ptr_array_index (summary.notes, 0), "Renewal"));
  g_assert_nonnull (strstr (g_ptr_array_index (summary.notes, 0), "3.0"));
}

static void
test_rank (void)
{
  g_autoptr(GArray) summaries = g_array_new (FALSE, TRUE, sizeof (HsReviewSummary));
  /* id, score, general unmet, under minimum */
  struct { gint64 id; gint32 score; guint unmet; guint under; } rows[] = {
    { 1, 7000, 0, 0 },
    { 2, 9000, 0, 0 },
    { 3, 9500, 1, 0 },    /* unmet: after every clean one */
    { 4, -1, 0, 0 },      /* unscored: last */
    { 5, 7000, 0, 0 },    /* tie with 1: by id */
    { 6, 9900, 0, 1 },    /* under a minimum */
    { 7, 3000, 0, 0 },
  };
  gint64 expected[] = { 2, 1, 5, 7, 6, 3, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HsReviewSummary s = { 0, };

      s.project_id = rows[i].id;
      s.score_bp = rows[i].score;
      s.general_unmet = rows[i].unmet;
      s.under_minimum = rows[i].under;
      g_array_append_val (summaries, s);
    }
  hs_review_rank (summaries);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (summaries, HsReviewSummary, i).project_id, ==, expected[i]);
}

/* ---- snapshots --------------------------------------------------------- */

static void
test_review_variant (void)
{
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsReview) review = NULL;
  g_autoptr(HsReview) back = NULL;
  g_autoptr(GPtrArray) all = criteria ();
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) again = NULL;
  g_autoptr(GError) error = NULL;
  HsDecision *reject;
  GDate made, starts;

  decided (&project, &review);
  score (review, project, all, C_CONTENT_11, "A", 0, 4);
  g_assert_true (hs_review_set_score (review, project, criterion_by_id (all, C_REFINING), "B", ORG_UNI, 2, "",
                                      NOW, NULL, HS_LANG_EN, &error));
  g_assert_true (hs_review_add_comment (review, "A", "Hyvä hakemus", NOW, NULL, &error));
  /* a decision with every field, the second a rejection */
  reject = hs_decision_new (HS_DECISION_REJECT);
  set_date (&reject->date, 1, 9, 2025);
  reject->change = TRUE;
  reject->version = 3;
  reject->reason = g_strdup ("Ei");
  reject->decided_by = g_strdup ("Koordinoiva neuvosto");
  reject->conditions = g_strdup ("Ehdot");
  reject->recorded = g_strdup (NOW);
  g_ptr_array_add (review->decisions, reject);
  set_date (&made, 1, 10, 2025);
  set_date (&starts, 2, 10, 2025);
  review->change_open = TRUE;
  review->change_made = made;
  review->change_starts = starts;
  review->change_reason = g_strdup ("Syy");
  review->processing_council = g_strdup ("Käsittelevä");
  review->coordinating_council = g_strdup ("Koordinoiva");

  variant = hs_review_to_variant (review);
  back = hs_review_from_variant (variant, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (hs_review_equal (review, back));
  again = hs_review_to_variant (back);
  g_assert_true (g_variant_equal (variant, again));

  g_assert_cmpint (back->project_id, ==, project->id);
  g_assert_cmpuint (back->scores->len, ==, 2);
  g_assert_cmpint (find_score (back, C_REFINING, "B", ORG_UNI)->score, ==, 2);
  g_assert_null (find_score (back, C_REFINING, "B", ORG_UNI)->actor);
  g_assert_cmpstr (find_score (back, C_CONTENT_11, "A", 0)->actor, ==, "tester");
  g_assert_cmpuint (back->comments->len, ==, 1);
  g_assert_cmpstr (((HsReviewComment *) g_ptr_array_index (back->comments, 0))->text, ==, "Hyvä hakemus");
  g_assert_cmpuint (back->decisions->len, ==, 2);
  {
    const HsDecision *d0 = g_ptr_array_index (back->decisions, 0);
    const HsDecision *d1 = g_ptr_array_index (back->decisions, 1);
    GDate day;

    set_date (&day, 20, 5, 2025);
    g_assert_cmpint (d0->kind, ==, HS_DECISION_GRANT);
    g_assert_cmpint (g_date_compare (&d0->date, &day), ==, 0);
    g_assert_cmpstr (d0->number, ==, "EURA/1/2025");
    g_assert_null (d0->reason);
    g_assert_cmpint (grant_of (d0, ORG_CITY)->granted, ==, EUR (50000));
    g_assert_cmpint (grant_of (d0, ORG_CITY)->applied, ==, EUR (60000));
    g_assert_cmpint (d1->kind, ==, HS_DECISION_REJECT);
    g_assert_true (d1->change);
    g_assert_cmpuint (d1->version, ==, 3);
    g_assert_false (g_date_valid (&d1->eligible_from));
    g_assert_cmpstr (d1->decided_by, ==, "Koordinoiva neuvosto");
    g_assert_cmpstr (d1->conditions, ==, "Ehdot");
  }
  g_assert_cmpuint (back->versions->len, ==, 2);
  g_assert_true (hs_project_equal (hs_review_get_version (back, 2)->project, project));
  g_assert_true (back->change_open);
  g_assert_cmpint (g_date_compare (&back->change_starts, &starts), ==, 0);
  g_assert_cmpstr (back->change_reason, ==, "Syy");
  g_assert_cmpstr (back->processing_council, ==, "Käsittelevä");
  g_assert_cmpstr (back->coordinating_council, ==, "Koordinoiva");

  /* a copy is equal; a change is seen */
  {
    g_autoptr(HsReview) copy = hs_review_copy (review);

    g_assert_true (hs_review_equal (copy, review));
    ((HsScore *) g_ptr_array_index (copy->scores, 0))->score = 1;
    g_assert_false (hs_review_equal (copy, review));
  }
  /* not a review */
  {
    g_autoptr(GVariant) wrong = g_variant_ref_sink (g_variant_new_string ("x"));
    g_autoptr(HsReview) none = hs_review_from_variant (wrong, &error);

    g_assert_null (none);
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
  }
}

static void
test_proposal_variant (void)
{
  g_autoptr(HsProposal) proposal = hs_proposal_new (7);
  g_autoptr(HsProposal) back = NULL;
  g_autoptr(HsProposal) copy = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  HsProposalItem items[] = {
    { 3, 1, NULL }, { 1, 2, (char *) "Hyvä" }, { 2, 0, (char *) "Ei rahaa" },
  };

  set_date (&proposal->meeting, 15, 5, 2025);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      HsProposalItem item = items[i];

      item.reason = g_strdup (item.reason);
      g_array_append_val (proposal->items, item);
    }
  variant = hs_proposal_to_variant (proposal);
  back = hs_proposal_from_variant (variant, &error);
  g_assert_no_error (error);
  g_assert_true (hs_proposal_equal (proposal, back));
  g_assert_cmpint (back->call_id, ==, 7);
  g_assert_cmpuint (g_date_get_day (&back->meeting), ==, 15);
  g_assert_cmpuint (back->items->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const HsProposalItem *item = &g_array_index (back->items, HsProposalItem, i);

      g_assert_cmpint (item->project_id, ==, items[i].project_id);
      g_assert_cmpuint (item->position, ==, items[i].position);
      g_assert_cmpstr (item->reason, ==, items[i].reason);
    }
  g_assert_cmpuint (hs_proposal_position (back, 3), ==, 1);
  g_assert_cmpuint (hs_proposal_position (back, 1), ==, 2);
  g_assert_cmpuint (hs_proposal_position (back, 2), ==, 0);
  g_assert_cmpuint (hs_proposal_position (back, 99), ==, 0);

  copy = hs_proposal_copy (proposal);
  g_assert_true (hs_proposal_equal (copy, proposal));
  g_array_index (copy->items, HsProposalItem, 0).position = 4;
  g_assert_false (hs_proposal_equal (copy, proposal));

  /* no meeting date survives as none */
  {
    g_autoptr(HsProposal) empty = hs_proposal_new (8);
    g_autoptr(GVariant) v = hs_proposal_to_variant (empty);
    g_autoptr(HsProposal) e = hs_proposal_from_variant (v, &error);

    g_assert_no_error (error);
    g_assert_false (g_date_valid (&e->meeting));
    g_assert_cmpuint (e->items->len, ==, 0);
    g_assert_true (hs_proposal_equal (e, empty));
  }
  {
    g_autoptr(GVariant) wrong = g_variant_ref_sink (g_variant_new_int32 (1));
    g_autoptr(HsProposal) none = hs_proposal_from_variant (wrong, &error);

    g_assert_null (none);
    g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/score/scales", test_score_scales);
  g_test_add_func ("/review/score/replaces", test_score_replaces);
  g_test_add_func ("/review/score/per-implementer", test_score_per_implementer);
  g_test_add_func ("/review/decide/refused", test_decide_refused);
  g_test_add_func ("/review/decide/grant", test_decide_grant);
  g_test_add_func ("/review/decide/reject", test_decide_reject);
  g_test_add_func ("/review/decision/set-total", test_set_total);
  g_test_add_func ("/review/change/open", test_open_change);
  g_test_add_func ("/review/change/granted", test_change_granted);
  g_test_add_func ("/review/change/rejected", test_change_rejected);
  g_test_add_func ("/review/locks", test_locks);
  g_test_add_func ("/review/summarise", test_summarise);
  g_test_add_func ("/review/rank", test_rank);
  g_test_add_func ("/review/variant/review", test_review_variant);
  g_test_add_func ("/review/variant/proposal", test_proposal_variant);

  return g_test_run ();
}

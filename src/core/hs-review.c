/* hs-review.c — selection criteria, assessments, proposals and funding decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hs-core-error.h"
#include "hs-date.h"
#include "hs-money.h"
#include "hs-review.h"

/* ---- criteria ---------------------------------------------------------- */

static const char * const criterion_kind_ids[HS_N_CRITERION_KINDS] = {
  [HS_CRITERION_GENERAL] = "general",
  [HS_CRITERION_CONTENT] = "content",
  [HS_CRITERION_REFINING] = "refining",
  [HS_CRITERION_HORIZONTAL] = "horizontal",
};

const char *
hs_criterion_kind_to_id (HsCriterionKind kind)
{
  g_return_val_if_fail ((guint) kind < HS_N_CRITERION_KINDS, NULL);
  return criterion_kind_ids[kind];
}

int
hs_criterion_kind_from_id (const char *id)
{
  for (guint i = 0; i < HS_N_CRITERION_KINDS; i++)
    if (g_strcmp0 (criterion_kind_ids[i], id) == 0)
      return (int) i;
  return -1;
}

const char *
hs_criterion_kind_label (HsCriterionKind kind)
{
  switch (kind)
    {
    case HS_CRITERION_GENERAL:
      return _("General criterion");
    case HS_CRITERION_CONTENT:
      return _("Content criterion");
    case HS_CRITERION_REFINING:
      return _("Refining criterion");
    case HS_CRITERION_HORIZONTAL:
      return _("Horizontal criterion");
    case HS_N_CRITERION_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

int
hs_criterion_kind_max (HsCriterionKind kind)
{
  switch (kind)
    {
    case HS_CRITERION_GENERAL:
      return 1;
    case HS_CRITERION_CONTENT:
    case HS_CRITERION_REFINING:
      return 5;
    case HS_CRITERION_HORIZONTAL:
      return 3;
    case HS_N_CRITERION_KINDS:
    default:
      g_return_val_if_reached (0);
    }
}

HsCriterion *
hs_criterion_new (const char      *key,
                  HsCriterionKind  kind)
{
  HsCriterion *criterion = g_new0 (HsCriterion, 1);

  criterion->key = g_strdup (key);
  criterion->kind = kind;
  criterion->weight = 100;
  criterion->minimum = -1;
  return criterion;
}

HsCriterion *
hs_criterion_copy (const HsCriterion *criterion)
{
  HsCriterion *copy;

  g_return_val_if_fail (criterion != NULL, NULL);

  copy = g_memdup2 (criterion, sizeof *criterion);
  copy->key = g_strdup (criterion->key);
  copy->objective = g_strdup (criterion->objective);
  copy->name_fi = g_strdup (criterion->name_fi);
  copy->name_sv = g_strdup (criterion->name_sv);
  copy->name_en = g_strdup (criterion->name_en);
  return copy;
}

void
hs_criterion_free (HsCriterion *criterion)
{
  if (criterion == NULL)
    return;
  g_free (criterion->key);
  g_free (criterion->objective);
  g_free (criterion->name_fi);
  g_free (criterion->name_sv);
  g_free (criterion->name_en);
  g_free (criterion);
}

static const char *
non_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

const char *
hs_criterion_name (const HsCriterion *criterion,
                   HsLang             lang)
{
  const char *name = NULL;

  g_return_val_if_fail (criterion != NULL, NULL);

  if (lang == HS_LANG_SV)
    name = non_empty (criterion->name_sv);
  else if (lang == HS_LANG_EN)
    name = non_empty (criterion->name_en);
  if (name == NULL)
    name = non_empty (criterion->name_fi);
  if (name == NULL)
    name = non_empty (criterion->name_en);
  return name != NULL ? name : criterion->key;
}

#define CRITERION_VARIANT_VERSION 1u
/* version, call, key, kind, objective, names fi/sv/en, weight, minimum,
 * per implementer, position */
#define CRITERION_TYPE "(uxssmsmsmsmsuibu)"

GVariant *
hs_criterion_to_variant (const HsCriterion *criterion)
{
  g_return_val_if_fail (criterion != NULL, NULL);

  return g_variant_ref_sink (g_variant_new (CRITERION_TYPE, CRITERION_VARIANT_VERSION, criterion->call_id,
                                            criterion->key != NULL ? criterion->key : "",
                                            hs_criterion_kind_to_id (criterion->kind), criterion->objective,
                                            criterion->name_fi, criterion->name_sv, criterion->name_en,
                                            criterion->weight, criterion->minimum, criterion->per_implementer,
                                            criterion->position));
}

HsCriterion *
hs_criterion_from_variant (GVariant  *variant,
                           GError   **error)
{
  g_autoptr(HsCriterion) criterion = NULL;
  g_autofree char *kind = NULL;
  guint32 version;
  int kind_value;

  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE (CRITERION_TYPE)))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("Not a criterion snapshot: the type is “%s”"),
                   variant != NULL ? g_variant_get_type_string (variant) : "");
      return NULL;
    }
  criterion = hs_criterion_new (NULL, HS_CRITERION_REFINING);
  g_variant_get (variant, CRITERION_TYPE, &version, &criterion->call_id, &criterion->key, &kind,
                 &criterion->objective, &criterion->name_fi, &criterion->name_sv, &criterion->name_en,
                 &criterion->weight, &criterion->minimum, &criterion->per_implementer, &criterion->position);
  kind_value = hs_criterion_kind_from_id (kind);
  if (version != CRITERION_VARIANT_VERSION || kind_value < 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("The criterion snapshot is damaged: version %u, kind “%s”"), version, kind);
      return NULL;
    }
  criterion->kind = kind_value;
  return g_steal_pointer (&criterion);
}

gboolean
hs_criterion_check (const HsCriterion  *criterion,
                    GError            **error)
{
  g_return_val_if_fail (criterion != NULL, FALSE);

  if (criterion->key == NULL || criterion->key[0] == '\0' || strlen (criterion->key) > 100
      || strspn (criterion->key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
         != strlen (criterion->key))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("A criterion’s key is 1–100 letters a–z, digits, “-”, “.” or “_”, not “%s”"),
                   criterion->key != NULL ? criterion->key : "");
      return FALSE;
    }
  if (non_empty (criterion->name_fi) == NULL && non_empty (criterion->name_sv) == NULL
      && non_empty (criterion->name_en) == NULL)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The criterion “%s” needs a name in Finnish, Swedish or English"), criterion->key);
      return FALSE;
    }
  if (criterion->weight > 10000)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The weight of “%s” is %u %%; at most 10 000 %%"), criterion->key, criterion->weight);
      return FALSE;
    }
  if (criterion->minimum > hs_criterion_kind_max (criterion->kind)
      || (criterion->kind == HS_CRITERION_GENERAL && criterion->minimum >= 0))
    {
      if (criterion->kind == HS_CRITERION_GENERAL)
        g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                     _("“%s” is a general criterion: it is met or not, it has no minimum score"), criterion->key);
      else
        g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                     _("The minimum of “%s” is %d, above its scale of 0–%d"), criterion->key,
                     criterion->minimum, hs_criterion_kind_max (criterion->kind));
      return FALSE;
    }
  return TRUE;
}

/* ---- plain data -------------------------------------------------------- */

HsScore *
hs_score_copy (const HsScore *score)
{
  HsScore *copy = g_memdup2 (score, sizeof *score);

  copy->reviewer = g_strdup (score->reviewer);
  copy->justification = g_strdup (score->justification);
  copy->written = g_strdup (score->written);
  copy->actor = g_strdup (score->actor);
  return copy;
}

void
hs_score_free (HsScore *score)
{
  if (score == NULL)
    return;
  g_free (score->reviewer);
  g_free (score->justification);
  g_free (score->written);
  g_free (score->actor);
  g_free (score);
}

static HsReviewComment *
comment_copy (const HsReviewComment *comment)
{
  HsReviewComment *copy = g_new0 (HsReviewComment, 1);

  copy->reviewer = g_strdup (comment->reviewer);
  copy->text = g_strdup (comment->text);
  copy->written = g_strdup (comment->written);
  copy->actor = g_strdup (comment->actor);
  return copy;
}

void
hs_review_comment_free (HsReviewComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->reviewer);
  g_free (comment->text);
  g_free (comment->written);
  g_free (comment->actor);
  g_free (comment);
}

HsDecision *
hs_decision_new (HsDecisionKind kind)
{
  HsDecision *decision = g_new0 (HsDecision, 1);

  decision->kind = kind;
  g_date_clear (&decision->date, 1);
  g_date_clear (&decision->eligible_from, 1);
  g_date_clear (&decision->eligible_until, 1);
  decision->grants = g_array_new (FALSE, TRUE, sizeof (HsGrant));
  return decision;
}

HsDecision *
hs_decision_copy (const HsDecision *decision)
{
  HsDecision *copy;

  g_return_val_if_fail (decision != NULL, NULL);

  copy = g_memdup2 (decision, sizeof *decision);
  copy->number = g_strdup (decision->number);
  copy->conditions = g_strdup (decision->conditions);
  copy->reason = g_strdup (decision->reason);
  copy->decided_by = g_strdup (decision->decided_by);
  copy->recorded = g_strdup (decision->recorded);
  copy->actor = g_strdup (decision->actor);
  copy->grants = g_array_copy (decision->grants);
  return copy;
}

static gboolean
same_day (const GDate *a,
          const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
hs_decision_equal (const HsDecision *a,
                   const HsDecision *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind || a->change != b->change || a->version != b->version
      || g_strcmp0 (a->number, b->number) != 0 || !same_day (&a->date, &b->date)
      || !same_day (&a->eligible_from, &b->eligible_from) || !same_day (&a->eligible_until, &b->eligible_until)
      || g_strcmp0 (a->conditions, b->conditions) != 0 || g_strcmp0 (a->reason, b->reason) != 0
      || g_strcmp0 (a->decided_by, b->decided_by) != 0 || a->grants->len != b->grants->len)
    return FALSE;
  for (guint i = 0; i < a->grants->len; i++)
    {
      const HsGrant *x = &g_array_index (a->grants, HsGrant, i), *y = &g_array_index (b->grants, HsGrant, i);

      if (x->organisation_id != y->organisation_id || x->applied != y->applied || x->granted != y->granted)
        return FALSE;
    }
  return TRUE;
}

void
hs_decision_free (HsDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->number);
  g_free (decision->conditions);
  g_free (decision->reason);
  g_free (decision->decided_by);
  g_free (decision->recorded);
  g_free (decision->actor);
  g_clear_pointer (&decision->grants, g_array_unref);
  g_free (decision);
}

static const char * const version_kind_ids[] = {
  [HS_VERSION_APPLICATION] = "application",
  [HS_VERSION_APPROVED] = "approved",
  [HS_VERSION_CHANGE] = "change",
};

const char *
hs_version_kind_to_id (HsVersionKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (version_kind_ids), NULL);
  return version_kind_ids[kind];
}

int
hs_version_kind_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (version_kind_ids); i++)
    if (g_strcmp0 (version_kind_ids[i], id) == 0)
      return (int) i;
  return -1;
}

const char *
hs_version_kind_label (HsVersionKind kind)
{
  switch (kind)
    {
    case HS_VERSION_APPLICATION:
      return _("Application");
    case HS_VERSION_APPROVED:
      return _("Approved");
    case HS_VERSION_CHANGE:
      return _("Change application");
    default:
      g_return_val_if_reached (NULL);
    }
}

static HsVersion *
version_new (guint            number,
             HsVersionKind    kind,
             const char      *made,
             const HsProject *project)
{
  HsVersion *version = g_new0 (HsVersion, 1);

  version->number = number;
  version->kind = kind;
  version->made = g_strdup (made);
  version->project = hs_project_copy (project);
  return version;
}

static HsVersion *
version_copy (const HsVersion *version)
{
  return version_new (version->number, version->kind, version->made, version->project);
}

void
hs_version_free (HsVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->made);
  g_clear_pointer (&version->project, hs_project_free);
  g_free (version);
}

HsReview *
hs_review_new (gint64 project_id)
{
  HsReview *review = g_new0 (HsReview, 1);

  review->project_id = project_id;
  review->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_score_free);
  review->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_review_comment_free);
  review->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_decision_free);
  review->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_version_free);
  g_date_clear (&review->change_made, 1);
  g_date_clear (&review->change_starts, 1);
  return review;
}

HsReview *
hs_review_copy (const HsReview *review)
{
  HsReview *copy;

  g_return_val_if_fail (review != NULL, NULL);

  copy = hs_review_new (review->project_id);
  for (guint i = 0; i < review->scores->len; i++)
    g_ptr_array_add (copy->scores, hs_score_copy (g_ptr_array_index (review->scores, i)));
  for (guint i = 0; i < review->comments->len; i++)
    g_ptr_array_add (copy->comments, comment_copy (g_ptr_array_index (review->comments, i)));
  for (guint i = 0; i < review->decisions->len; i++)
    g_ptr_array_add (copy->decisions, hs_decision_copy (g_ptr_array_index (review->decisions, i)));
  for (guint i = 0; i < review->versions->len; i++)
    g_ptr_array_add (copy->versions, version_copy (g_ptr_array_index (review->versions, i)));
  copy->change_open = review->change_open;
  copy->change_made = review->change_made;
  copy->change_starts = review->change_starts;
  copy->change_reason = g_strdup (review->change_reason);
  copy->processing_council = g_strdup (review->processing_council);
  copy->coordinating_council = g_strdup (review->coordinating_council);
  return copy;
}

void
hs_review_free (HsReview *review)
{
  if (review == NULL)
    return;
  g_clear_pointer (&review->scores, g_ptr_array_unref);
  g_clear_pointer (&review->comments, g_ptr_array_unref);
  g_clear_pointer (&review->decisions, g_ptr_array_unref);
  g_clear_pointer (&review->versions, g_ptr_array_unref);
  g_free (review->change_reason);
  g_free (review->processing_council);
  g_free (review->coordinating_council);
  g_free (review);
}

/* ---- snapshots --------------------------------------------------------- */

#define HS_REVIEW_VARIANT_VERSION 1u
/* reviewer, criterion, organisation, score, justification, written, actor */
#define SCORE_TYPE    "(sxxissms)"
/* reviewer, text, written, actor */
#define COMMENT_TYPE  "(sssms)"
#define GRANT_TYPE    "(xxx)"
/* kind, change, version, number, date, from, until, conditions, reason,
 * decided by, grants, recorded, actor */
#define DECISION_TYPE "(sbumsuuumsmsmsa" GRANT_TYPE "sms)"
/* number, kind, made, project */
#define VERSION_TYPE  "(ussv)"
#define REVIEW_TYPE \
  "(uxa" SCORE_TYPE "a" COMMENT_TYPE "a" DECISION_TYPE "a" VERSION_TYPE "buumsmsms)"

static guint32
julian_of (const GDate *date)
{
  return g_date_valid (date) ? g_date_get_julian (date) : 0;
}

static void
date_of (guint32  julian,
         GDate   *out)
{
  g_date_clear (out, 1);
  if (julian != 0 && g_date_valid_julian (julian))
    g_date_set_julian (out, julian);
}

static const char *
text_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

GVariant *
hs_review_to_variant (const HsReview *review)
{
  GVariantBuilder scores, comments, decisions, versions;

  g_return_val_if_fail (review != NULL, NULL);

  g_variant_builder_init (&scores, G_VARIANT_TYPE ("a" SCORE_TYPE));
  for (guint i = 0; i < review->scores->len; i++)
    {
      const HsScore *s = g_ptr_array_index (review->scores, i);

      g_variant_builder_add (&scores, SCORE_TYPE, text_or_empty (s->reviewer), s->criterion_id,
                             s->organisation_id, s->score, text_or_empty (s->justification),
                             text_or_empty (s->written), s->actor);
    }
  g_variant_builder_init (&comments, G_VARIANT_TYPE ("a" COMMENT_TYPE));
  for (guint i = 0; i < review->comments->len; i++)
    {
      const HsReviewComment *c = g_ptr_array_index (review->comments, i);

      g_variant_builder_add (&comments, COMMENT_TYPE, text_or_empty (c->reviewer),
                             text_or_empty (c->text), text_or_empty (c->written), c->actor);
    }
  g_variant_builder_init (&decisions, G_VARIANT_TYPE ("a" DECISION_TYPE));
  for (guint i = 0; i < review->decisions->len; i++)
    {
      const HsDecision *d = g_ptr_array_index (review->decisions, i);
      GVariantBuilder grants;

      g_variant_builder_init (&grants, G_VARIANT_TYPE ("a" GRANT_TYPE));
      for (guint j = 0; j < d->grants->len; j++)
        {
          const HsGrant *g = &g_array_index (d->grants, HsGrant, j);

          g_variant_builder_add (&grants, GRANT_TYPE, g->organisation_id, g->applied, g->granted);
        }
      g_variant_builder_add (&decisions, DECISION_TYPE,
                             d->kind == HS_DECISION_GRANT ? "grant" : "reject", d->change, d->version,
                             d->number, julian_of (&d->date), julian_of (&d->eligible_from),
                             julian_of (&d->eligible_until), d->conditions, d->reason, d->decided_by,
                             &grants, text_or_empty (d->recorded), d->actor);
    }
  g_variant_builder_init (&versions, G_VARIANT_TYPE ("a" VERSION_TYPE));
  for (guint i = 0; i < review->versions->len; i++)
    {
      const HsVersion *v = g_ptr_array_index (review->versions, i);
      g_autoptr(GVariant) project = hs_project_to_variant (v->project);

      g_variant_builder_add (&versions, VERSION_TYPE, v->number, hs_version_kind_to_id (v->kind),
                             text_or_empty (v->made), project);
    }

  return g_variant_ref_sink (g_variant_new (REVIEW_TYPE, HS_REVIEW_VARIANT_VERSION, review->project_id,
                                            &scores, &comments, &decisions, &versions,
                                            review->change_open, julian_of (&review->change_made),
                                            julian_of (&review->change_starts), review->change_reason,
                                            review->processing_council, review->coordinating_council));
}

HsReview *
hs_review_from_variant (GVariant  *variant,
                        GError   **error)
{
  g_autoptr(HsReview) review = NULL;
  g_autoptr(GVariantIter) scores = NULL;
  g_autoptr(GVariantIter) comments = NULL;
  g_autoptr(GVariantIter) decisions = NULL;
  g_autoptr(GVariantIter) versions = NULL;
  guint32 version, made, starts;
  gint64 project_id;
  gboolean change_open;
  char *reason = NULL, *processing = NULL, *coordinating = NULL;
  GVariant *child;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE (REVIEW_TYPE)))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("Not a review snapshot: the type is “%s”"),
                   variant != NULL ? g_variant_get_type_string (variant) : "");
      return NULL;
    }
  g_variant_get_child (variant, 0, "u", &version);
  if (version != HS_REVIEW_VARIANT_VERSION)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("The review snapshot has version %u; this version of Hankesalkku reads version %u"),
                   version, HS_REVIEW_VARIANT_VERSION);
      return NULL;
    }
  g_variant_get (variant, REVIEW_TYPE, NULL, &project_id, &scores, &comments, &decisions, &versions,
                 &change_open, &made, &starts, &reason, &processing, &coordinating);
  review = hs_review_new (project_id);
  review->change_open = change_open;
  date_of (made, &review->change_made);
  date_of (starts, &review->change_starts);
  review->change_reason = reason;
  review->processing_council = processing;
  review->coordinating_council = coordinating;

  while ((child = g_variant_iter_next_value (scores)) != NULL)
    {
      HsScore *s = g_new0 (HsScore, 1);

      g_variant_get (child, SCORE_TYPE, &s->reviewer, &s->criterion_id, &s->organisation_id, &s->score,
                     &s->justification, &s->written, &s->actor);
      g_ptr_array_add (review->scores, s);
      g_variant_unref (child);
    }
  while ((child = g_variant_iter_next_value (comments)) != NULL)
    {
      HsReviewComment *c = g_new0 (HsReviewComment, 1);

      g_variant_get (child, COMMENT_TYPE, &c->reviewer, &c->text, &c->written, &c->actor);
      g_ptr_array_add (review->comments, c);
      g_variant_unref (child);
    }
  while ((child = g_variant_iter_next_value (decisions)) != NULL)
    {
      g_autoptr(GVariantIter) grants = NULL;
      g_autofree char *kind = NULL;
      guint32 date, from, until;
      HsDecision *d = hs_decision_new (HS_DECISION_GRANT);
      HsGrant g;

      g_variant_get (child, DECISION_TYPE, &kind, &d->change, &d->version, &d->number, &date, &from,
                     &until, &d->conditions, &d->reason, &d->decided_by, &grants, &d->recorded, &d->actor);
      g_variant_unref (child);
      g_ptr_array_add (review->decisions, d);
      if (g_strcmp0 (kind, "grant") != 0 && g_strcmp0 (kind, "reject") != 0)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                       _("The review snapshot is damaged: unknown decision “%s”"), kind);
          return NULL;
        }
      d->kind = g_strcmp0 (kind, "grant") == 0 ? HS_DECISION_GRANT : HS_DECISION_REJECT;
      date_of (date, &d->date);
      date_of (from, &d->eligible_from);
      date_of (until, &d->eligible_until);
      while (g_variant_iter_next (grants, GRANT_TYPE, &g.organisation_id, &g.applied, &g.granted))
        g_array_append_val (d->grants, g);
    }
  while ((child = g_variant_iter_next_value (versions)) != NULL)
    {
      g_autoptr(GVariant) project = NULL;
      g_autofree char *kind = NULL;
      HsVersion *v = g_new0 (HsVersion, 1);
      int kind_value;

      g_variant_get (child, VERSION_TYPE, &v->number, &kind, &v->made, &project);
      g_variant_unref (child);
      g_ptr_array_add (review->versions, v);
      kind_value = hs_version_kind_from_id (kind);
      if (kind_value < 0)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                       _("The review snapshot is damaged: unknown version “%s”"), kind);
          return NULL;
        }
      v->kind = kind_value;
      v->project = hs_project_from_variant (project, error);
      if (v->project == NULL)
        return NULL;
    }
  return g_steal_pointer (&review);
}

gboolean
hs_review_equal (const HsReview *a,
                 const HsReview *b)
{
  g_autoptr(GVariant) va = NULL;
  g_autoptr(GVariant) vb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  va = hs_review_to_variant (a);
  vb = hs_review_to_variant (b);
  return g_variant_equal (va, vb);
}

/* ---- the decision in force --------------------------------------------- */

const HsDecision *
hs_review_decision_in_force (const HsReview *review)
{
  const HsDecision *in_force = NULL;

  g_return_val_if_fail (review != NULL, NULL);

  for (guint i = 0; i < review->decisions->len; i++)
    {
      const HsDecision *d = g_ptr_array_index (review->decisions, i);

      /* a rejected change leaves the decision before it in force */
      if (d->change && d->kind == HS_DECISION_REJECT)
        continue;
      in_force = d;
    }
  return in_force;
}

const HsVersion *
hs_review_get_version (const HsReview *review,
                       guint           number)
{
  g_return_val_if_fail (review != NULL, NULL);

  for (guint i = 0; i < review->versions->len; i++)
    if (((HsVersion *) g_ptr_array_index (review->versions, i))->number == number)
      return g_ptr_array_index (review->versions, i);
  return NULL;
}

const HsVersion *
hs_review_approved_version (const HsReview *review)
{
  const HsDecision *d = hs_review_decision_in_force (review);

  if (d == NULL || d->kind != HS_DECISION_GRANT)
    return NULL;
  /* the approved version follows the version the grant decided */
  return hs_review_get_version (review, d->version + 1);
}

gint64
hs_review_granted (const HsReview *review)
{
  const HsDecision *d = hs_review_decision_in_force (review);
  gint64 sum = 0;

  if (d == NULL || d->kind != HS_DECISION_GRANT)
    return 0;
  for (guint i = 0; i < d->grants->len; i++)
    sum += g_array_index (d->grants, HsGrant, i).granted;   /* each ≤ its applied: no overflow */
  return sum;
}

/* The project without what may change without a change application. */
static HsProject *
content_of (const HsProject *project)
{
  HsProject *copy = hs_project_copy (project);

  copy->status = HS_STATUS_DRAFT;
  g_array_set_size (copy->history, 0);
  copy->version = 0;
  copy->id = 0;
  return copy;
}

static gboolean
same_content (const HsProject *a,
              const HsProject *b)
{
  g_autoptr(HsProject) x = content_of (a);
  g_autoptr(HsProject) y = content_of (b);
  g_autoptr(GVariant) vx = hs_project_to_variant (x);
  g_autoptr(GVariant) vy = hs_project_to_variant (y);

  return g_variant_equal (vx, vy);
}

gboolean
hs_review_locks (const HsReview  *review,
                 const HsProject *project)
{
  const HsVersion *approved;

  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  if (review->change_open)
    return FALSE;
  approved = hs_review_approved_version (review);
  return approved != NULL && !same_content (approved->project, project);
}

/* ---- scores ------------------------------------------------------------ */

gboolean
hs_review_set_score (HsReview          *review,
                     const HsProject   *project,
                     const HsCriterion *criterion,
                     const char        *reviewer,
                     gint64             organisation_id,
                     int                score,
                     const char        *justification,
                     const char        *now,
                     const char        *actor,
                     HsLang             lang,
                     GError           **error)
{
  g_autofree char *who = NULL;
  int max;
  HsScore *s;

  g_return_val_if_fail (review != NULL && project != NULL && criterion != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  max = hs_criterion_kind_max (criterion->kind);
  if (is_blank (reviewer))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   "%s", _("A score needs the reviewer’s name"));
      return FALSE;
    }
  if (score < 0 || score > max)
    {
      if (criterion->kind == HS_CRITERION_GENERAL)
        g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                     _("“%s” is a general criterion: it is met (1) or not met (0), not %d"),
                     hs_criterion_name (criterion, lang), score);
      else
        g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                     _("“%s” is scored from 0 to %d; %d is outside the scale"),
                     hs_criterion_name (criterion, lang), max, score);
      return FALSE;
    }
  if (criterion->per_implementer && hs_project_find_implementer (project, organisation_id) == NULL)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("“%s” is scored for each implementer: name one of %s’s implementers"),
                   hs_criterion_name (criterion, lang), project->code);
      return FALSE;
    }
  if (!criterion->per_implementer && organisation_id != 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("“%s” is scored for the application as a whole, not for one implementer"),
                   hs_criterion_name (criterion, lang));
      return FALSE;
    }
  who = g_strstrip (g_strdup (reviewer));
  for (guint i = 0; i < review->scores->len; i++)
    {
      s = g_ptr_array_index (review->scores, i);
      if (s->criterion_id == criterion->id && s->organisation_id == organisation_id
          && g_strcmp0 (s->reviewer, who) == 0)
        {
          g_ptr_array_remove_index (review->scores, i);
          break;
        }
    }
  s = g_new0 (HsScore, 1);
  s->reviewer = g_steal_pointer (&who);
  s->criterion_id = criterion->id;
  s->organisation_id = organisation_id;
  s->score = score;
  s->justification = g_strdup (justification != NULL ? justification : "");
  s->written = g_strdup (now);
  s->actor = g_strdup (actor);
  g_ptr_array_add (review->scores, s);
  return TRUE;
}

gboolean
hs_review_add_comment (HsReview    *review,
                       const char  *reviewer,
                       const char  *text,
                       const char  *now,
                       const char  *actor,
                       GError     **error)
{
  g_autofree char *who = g_strstrip (g_strdup (reviewer != NULL ? reviewer : ""));
  g_autofree char *what = g_strstrip (g_strdup (text != NULL ? text : ""));
  HsReviewComment *comment;

  g_return_val_if_fail (review != NULL, FALSE);

  if (who[0] == '\0' || what[0] == '\0')
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, "%s",
                   who[0] == '\0' ? _("A comment needs the reviewer’s name")
                                  : _("The comment is empty"));
      return FALSE;
    }
  comment = g_new0 (HsReviewComment, 1);
  comment->reviewer = g_steal_pointer (&who);
  comment->text = g_steal_pointer (&what);
  comment->written = g_strdup (now);
  comment->actor = g_strdup (actor);
  g_ptr_array_add (review->comments, comment);
  return TRUE;
}

/* ---- decisions --------------------------------------------------------- */

/* The date part of an ISO 8601 time ("2026-12-03T14:00:00Z"). */
static void
date_of_now (const char *now,
             GDate      *out)
{
  g_autofree char *day = g_strndup (now != NULL ? now : "", 10);

  g_date_clear (out, 1);
  if (!hs_date_from_iso (day, out, NULL))
    g_date_clear (out, 1);
}

/* When the application was submitted: the last time its history says so. */
static const GDate *
submitted_on (const HsProject *project)
{
  const GDate *on = NULL;

  for (guint i = 0; i < project->history->len; i++)
    {
      const HsStatusChange *change = &g_array_index (project->history, HsStatusChange, i);

      if (change->status == HS_STATUS_SUBMITTED && g_date_valid (&change->date))
        on = &change->date;
    }
  return on;
}

static const char *
organisation_name (const HsImplementer *impl)
{
  return impl->organisation != NULL && impl->organisation->name != NULL ? impl->organisation->name : "?";
}

static void
add_status (HsProject   *project,
            HsStatus     status,
            const GDate *date)
{
  HsStatusChange change = { status, *date };

  g_array_append_val (project->history, change);
  project->status = status;
}

/* The project's status after the decision: through "under review" when it
 * was only submitted. */
static void
set_decided_status (HsProject   *project,
                    HsStatus     status,
                    const GDate *date)
{
  if (project->status == HS_STATUS_SUBMITTED)
    add_status (project, HS_STATUS_UNDER_REVIEW, date);
  add_status (project, status, date);
}

/* The grants of @decision made whole: one per implementer that applied for
 * EU and state support, in the implementers' order. */
static gboolean
settle_grants (HsDecision       *decision,
               const HsProject  *project,
               const HsDecision *previous,
               HsLang            lang,
               GError          **error)
{
  g_autoptr(GArray) grants = g_array_new (FALSE, TRUE, sizeof (HsGrant));
  gint64 sum = 0;

  for (guint i = 0; i < decision->grants->len; i++)
    {
      const HsGrant *given = &g_array_index (decision->grants, HsGrant, i);
      const HsImplementer *impl = hs_project_find_implementer (project, given->organisation_id);

      if (impl == NULL)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                       _("A grant names an organisation that is not an implementer of %s"), project->code);
          return FALSE;
        }
      if (given->granted < 0)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                       _("%s: a grant cannot be negative"), organisation_name (impl));
          return FALSE;
        }
    }

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      gint64 org = impl->organisation != NULL ? impl->organisation->id : 0;
      HsGrant grant = { org, hs_implementer_get_financing (impl, HS_SOURCE_EU_STATE), 0 };
      gboolean named = FALSE;

      /* not named: what it applied for; on a change, what the decision in
       * force granted it, as far as it still applies for it */
      grant.granted = grant.applied;
      for (guint j = 0; previous != NULL && j < previous->grants->len; j++)
        if (g_array_index (previous->grants, HsGrant, j).organisation_id == org)
          grant.granted = MIN (grant.applied, g_array_index (previous->grants, HsGrant, j).granted);
      for (guint j = 0; j < decision->grants->len; j++)
        if (g_array_index (decision->grants, HsGrant, j).organisation_id == org)
          {
            grant.granted = g_array_index (decision->grants, HsGrant, j).granted;
            named = TRUE;
          }
      if (grant.applied == 0 && !named)
        continue;
      if (grant.granted > grant.applied)
        {
          g_autofree char *granted = hs_money_format (grant.granted, lang);
          g_autofree char *applied = hs_money_format (grant.applied, lang);
          g_autofree char *over = hs_money_format (grant.granted - grant.applied, lang);

          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                       _("%s: the grant of %s is more than the %s applied for (%s over)"),
                       organisation_name (impl), granted, applied, over);
          return FALSE;
        }
      sum += grant.granted;
      g_array_append_val (grants, grant);
    }
  if (sum == 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s would be granted no EU and state support: reject it instead"), project->code);
      return FALSE;
    }
  g_array_unref (decision->grants);
  decision->grants = g_steal_pointer (&grants);
  return TRUE;
}

/* @project's content becomes @approved's; its id, status, history and
 * stored version stay. */
static void
restore_content (HsProject       *project,
                 const HsProject *approved)
{
  HsProject *restored = hs_project_copy (approved);
  HsProject swap;
  GArray *history;

  restored->id = project->id;
  restored->version = project->version;
  restored->status = project->status;
  history = restored->history;
  restored->history = project->history;
  project->history = history;

  swap = *project;
  *project = *restored;
  *restored = swap;
  hs_project_free (restored);
}

gboolean
hs_review_decide (HsReview      *review,
                  HsProject     *project,
                  const HsCall  *call,
                  HsDecision    *decision,
                  const char    *now,
                  const char    *actor,
                  HsLang         lang,
                  GError       **error)
{
  const HsDecision *in_force;
  const GDate *submitted;
  gboolean change = FALSE;
  GDate today, last_day;
  guint number;

  g_return_val_if_fail (review != NULL && project != NULL && decision != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  in_force = hs_review_decision_in_force (review);
  if (in_force != NULL && in_force->kind == HS_DECISION_REJECT)
    {
      g_autofree char *on = hs_date_format (&in_force->date, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s was rejected on %s; a rejected application is not decided again"),
                   project->code, on);
      return FALSE;
    }
  if (in_force != NULL && !review->change_open)
    {
      g_autofree char *on = hs_date_format (&in_force->date, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s was decided on %s (decision %s); it is decided again only on a change application"),
                   project->code, on, in_force->number != NULL ? in_force->number : "–");
      return FALSE;
    }
  change = in_force != NULL;
  if (!change && project->status != HS_STATUS_SUBMITTED && project->status != HS_STATUS_UNDER_REVIEW)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s is “%s”: only a submitted application is decided"),
                   project->code, hs_status_label (project->status));
      return FALSE;
    }

  if (!g_date_valid (&decision->date))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, "%s", _("The decision needs its date"));
      return FALSE;
    }
  date_of_now (now, &today);
  if (g_date_valid (&today) && g_date_compare (&decision->date, &today) > 0)
    {
      g_autofree char *on = hs_date_format (&decision->date, lang);
      g_autofree char *then = hs_date_format (&today, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The decision date %s is after today (%s): a decision is recorded once it is made"), on, then);
      return FALSE;
    }
  submitted = submitted_on (project);
  if (submitted != NULL && g_date_compare (&decision->date, submitted) < 0)
    {
      g_autofree char *on = hs_date_format (&decision->date, lang);
      g_autofree char *then = hs_date_format (submitted, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The decision date %s is before the application was submitted (%s)"), on, then);
      return FALSE;
    }
  if (!change && call != NULL && g_date_valid (&call->open_date)
      && g_date_compare (&decision->date, &call->open_date) < 0)
    {
      g_autofree char *on = hs_date_format (&decision->date, lang);
      g_autofree char *then = hs_date_format (&call->open_date, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The decision date %s is before the call “%s” opened (%s)"), on, call->name, then);
      return FALSE;
    }
  if (change && g_date_valid (&review->change_made) && g_date_compare (&decision->date, &review->change_made) < 0)
    {
      g_autofree char *on = hs_date_format (&decision->date, lang);
      g_autofree char *then = hs_date_format (&review->change_made, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The decision date %s is before the change application was made (%s)"), on, then);
      return FALSE;
    }
  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 31, G_DATE_DECEMBER, HS_PROGRAMME_END_YEAR);
  if (g_date_compare (&decision->date, &last_day) > 0)
    {
      g_autofree char *on = hs_date_format (&decision->date, lang);
      g_autofree char *then = hs_date_format (&last_day, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The decision date %s is after the programme’s money can be spent (%s)"), on, then);
      return FALSE;
    }

  if (decision->kind == HS_DECISION_GRANT)
    {
      if (!g_date_valid (&decision->eligible_from))
        decision->eligible_from = project->start_date;
      if (!g_date_valid (&decision->eligible_until))
        decision->eligible_until = project->end_date;
      if (g_date_valid (&decision->eligible_from) && g_date_valid (&decision->eligible_until)
          && g_date_compare (&decision->eligible_from, &decision->eligible_until) > 0)
        {
          g_autofree char *from = hs_date_format (&decision->eligible_from, lang);
          g_autofree char *until = hs_date_format (&decision->eligible_until, lang);

          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                       _("The eligibility period would end (%s) before it begins (%s)"), until, from);
          return FALSE;
        }
      if (!settle_grants (decision, project, change ? in_force : NULL, lang, error))
        return FALSE;
    }
  else
    {
      g_array_set_size (decision->grants, 0);
      g_date_clear (&decision->eligible_from, 1);
      g_date_clear (&decision->eligible_until, 1);
    }

  /* everything checked: now change */
  number = review->versions->len + 1;
  g_ptr_array_add (review->versions,
                   version_new (number, change ? HS_VERSION_CHANGE : HS_VERSION_APPLICATION, now, project));
  decision->version = number;
  decision->change = change;
  g_free (decision->recorded);
  decision->recorded = g_strdup (now);
  g_free (decision->actor);
  decision->actor = g_strdup (actor);

  if (decision->kind == HS_DECISION_GRANT)
    {
      if (!change)
        set_decided_status (project, HS_STATUS_APPROVED, &decision->date);
      g_ptr_array_add (review->versions, version_new (number + 1, HS_VERSION_APPROVED, now, project));
    }
  else if (!change)
    set_decided_status (project, HS_STATUS_REJECTED, &decision->date);
  else
    restore_content (project, hs_review_approved_version (review)->project);

  if (change)
    {
      review->change_open = FALSE;
      g_date_clear (&review->change_made, 1);
      g_date_clear (&review->change_starts, 1);
      g_clear_pointer (&review->change_reason, g_free);
    }
  g_ptr_array_add (review->decisions, decision);
  return TRUE;
}

gboolean
hs_decision_set_total (HsDecision       *decision,
                       const HsProject  *project,
                       gint64            total,
                       HsLang            lang,
                       GError          **error)
{
  gint64 named = 0, unnamed_applied = 0, applied_all = 0, left, shared = 0;
  guint last = G_MAXUINT;

  g_return_val_if_fail (decision != NULL && project != NULL, FALSE);

  for (guint i = 0; i < decision->grants->len; i++)
    named += g_array_index (decision->grants, HsGrant, i).granted;
  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      gint64 org = impl->organisation != NULL ? impl->organisation->id : 0;
      gint64 applied = hs_implementer_get_financing (impl, HS_SOURCE_EU_STATE);
      gboolean is_named = FALSE;

      applied_all += applied;
      for (guint j = 0; j < decision->grants->len; j++)
        is_named |= g_array_index (decision->grants, HsGrant, j).organisation_id == org;
      if (!is_named && applied > 0)
        {
          unnamed_applied += applied;
          last = i;
        }
    }
  if (total < named)
    {
      g_autofree char *t = hs_money_format (total, lang);
      g_autofree char *n = hs_money_format (named, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The grant of %s is less than the %s granted to the implementers named"), t, n);
      return FALSE;
    }
  left = total - named;
  if (left > unnamed_applied)
    {
      g_autofree char *t = hs_money_format (total, lang);
      g_autofree char *a = hs_money_format (applied_all, lang);
      g_autofree char *o = hs_money_format (left - unnamed_applied, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s: the grant of %s is more than the %s of EU and state support applied for (%s over)"),
                   project->code, t, a, o);
      return FALSE;
    }
  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      gint64 org = impl->organisation != NULL ? impl->organisation->id : 0;
      gint64 applied = hs_implementer_get_financing (impl, HS_SOURCE_EU_STATE);
      gboolean is_named = FALSE;
      HsGrant grant = { org, applied, 0 };

      for (guint j = 0; j < decision->grants->len; j++)
        is_named |= g_array_index (decision->grants, HsGrant, j).organisation_id == org;
      if (is_named || applied == 0)
        continue;
      if (i == last)
        grant.granted = left - shared;
      else if (!hs_money_scale (left, applied, unnamed_applied, &grant.granted))
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW, "%s", _("The amounts are too large"));
          return FALSE;
        }
      shared += grant.granted;
      g_array_append_val (decision->grants, grant);
    }
  return TRUE;
}

gboolean
hs_review_open_change (HsReview         *review,
                       const HsProject  *project,
                       const GDate      *made,
                       const GDate      *starts,
                       const char       *reason,
                       HsLang            lang,
                       GError          **error)
{
  const HsDecision *in_force;
  const HsVersion *approved;
  const GDate *end;

  g_return_val_if_fail (review != NULL && project != NULL && made != NULL && starts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  in_force = hs_review_decision_in_force (review);
  if (in_force == NULL)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s has no funding decision: a change application is made to a decided project"),
                   project->code);
      return FALSE;
    }
  if (in_force->kind == HS_DECISION_REJECT)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s was rejected: there is no decision to change"), project->code);
      return FALSE;
    }
  if (review->change_open)
    {
      g_autofree char *on = hs_date_format (&review->change_made, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s already has a change application, made on %s; it is decided first"),
                   project->code, on);
      return FALSE;
    }
  if (!g_date_valid (made) || !g_date_valid (starts))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, "%s",
                   _("A change application needs the date it is made and the date the change starts"));
      return FALSE;
    }
  if (g_date_compare (starts, made) < 0)
    {
      g_autofree char *s = hs_date_format (starts, lang);
      g_autofree char *m = hs_date_format (made, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The change would start on %s, before the change application is made (%s): "
                     "apply before the change starts"), s, m);
      return FALSE;
    }
  if (g_date_valid (&in_force->date) && g_date_compare (made, &in_force->date) < 0)
    {
      g_autofree char *m = hs_date_format (made, lang);
      g_autofree char *d = hs_date_format (&in_force->date, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The change application would be made on %s, before the decision it changes (%s)"), m, d);
      return FALSE;
    }
  approved = hs_review_approved_version (review);
  end = g_date_valid (&in_force->eligible_until) ? &in_force->eligible_until
        : approved != NULL ? &approved->project->end_date : NULL;
  if (end != NULL && g_date_valid (end) && g_date_compare (made, end) > 0)
    {
      g_autofree char *e = hs_date_format (end, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The decided implementation period ended on %s; a change application is made before it ends"), e);
      return FALSE;
    }
  if (end != NULL && g_date_valid (end) && g_date_compare (starts, end) > 0)
    {
      g_autofree char *s = hs_date_format (starts, lang);
      g_autofree char *e = hs_date_format (end, lang);

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("The change would start on %s, after the decided implementation period (it ends on %s)"), s, e);
      return FALSE;
    }
  review->change_open = TRUE;
  review->change_made = *made;
  review->change_starts = *starts;
  g_free (review->change_reason);
  review->change_reason = is_blank (reason) ? NULL : g_strdup (reason);
  return TRUE;
}

/* ---- summaries --------------------------------------------------------- */

void
hs_review_summary_clear (HsReviewSummary *summary)
{
  g_clear_pointer (&summary->notes, g_ptr_array_unref);
}

void
hs_review_summarise (const HsReview  *review,
                     GPtrArray       *criteria,
                     HsLang           lang,
                     HsReviewSummary *out)
{
  g_autoptr(GHashTable) reviewers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) objectives = g_hash_table_new (g_str_hash, g_str_equal);
  double weighted = 0, weights = 0;

  g_return_if_fail (review != NULL && criteria != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  out->project_id = review->project_id;
  out->notes = g_ptr_array_new_with_free_func (g_free);
  out->score_bp = -1;

  /* Content criteria are of the application's specific objective: those of
   * the objectives nobody scored are not missing, they do not apply. */
  for (guint c = 0; c < criteria->len; c++)
    {
      const HsCriterion *criterion = g_ptr_array_index (criteria, c);

      if (criterion->kind != HS_CRITERION_CONTENT || criterion->objective == NULL)
        continue;
      for (guint i = 0; i < review->scores->len; i++)
        if (((HsScore *) g_ptr_array_index (review->scores, i))->criterion_id == criterion->id)
          g_hash_table_add (objectives, criterion->objective);
    }

  for (guint c = 0; c < criteria->len; c++)
    {
      const HsCriterion *criterion = g_ptr_array_index (criteria, c);
      gint64 sum = 0;
      guint n = 0;
      gboolean unmet = FALSE;

      for (guint i = 0; i < review->scores->len; i++)
        {
          const HsScore *s = g_ptr_array_index (review->scores, i);

          if (s->criterion_id != criterion->id)
            continue;
          sum += s->score;
          n++;
          unmet |= s->score == 0;
          g_hash_table_add (reviewers, s->reviewer);
        }
      out->scored += n;
      if (n == 0)
        {
          if (criterion->kind != HS_CRITERION_CONTENT || criterion->objective == NULL
              || g_hash_table_contains (objectives, criterion->objective))
            out->unscored++;
          continue;
        }
      if (criterion->kind == HS_CRITERION_GENERAL)
        {
          if (unmet)
            {
              out->general_unmet++;
              g_ptr_array_add (out->notes, g_strdup_printf (_("Not met: %s"), hs_criterion_name (criterion, lang)));
            }
          continue;
        }
      weighted += (double) criterion->weight * (double) sum / n;
      weights += (double) criterion->weight * hs_criterion_kind_max (criterion->kind);
      if (criterion->minimum >= 0 && sum < (gint64) criterion->minimum * n)
        {
          out->under_minimum++;
          g_ptr_array_add (out->notes,
                           g_strdup_printf (_("Under its minimum of %d: %s (%.1f on average)"), criterion->minimum,
                                            hs_criterion_name (criterion, lang), (double) sum / n));
        }
    }
  out->reviewers = g_hash_table_size (reviewers);
  if (weights > 0)
    out->score_bp = (gint32) (10000.0 * weighted / weights + 0.5);
}

static int
rank_group (const HsReviewSummary *s)
{
  if (s->general_unmet > 0 || s->under_minimum > 0)
    return 1;
  return s->score_bp < 0 ? 2 : 0;
}

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const HsReviewSummary *x = a, *y = b;
  int gx = rank_group (x), gy = rank_group (y);

  if (gx != gy)
    return gx - gy;
  if (x->score_bp != y->score_bp)
    return x->score_bp > y->score_bp ? -1 : 1;
  return (x->project_id > y->project_id) - (x->project_id < y->project_id);
}

void
hs_review_rank (GArray *summaries)
{
  g_return_if_fail (summaries != NULL);
  g_array_sort (summaries, compare_summaries);
}

/* ---- proposals --------------------------------------------------------- */

static void
proposal_item_clear (HsProposalItem *item)
{
  g_clear_pointer (&item->reason, g_free);
}

HsProposal *
hs_proposal_new (gint64 call_id)
{
  HsProposal *proposal = g_new0 (HsProposal, 1);

  proposal->call_id = call_id;
  g_date_clear (&proposal->meeting, 1);
  proposal->items = g_array_new (FALSE, TRUE, sizeof (HsProposalItem));
  g_array_set_clear_func (proposal->items, (GDestroyNotify) proposal_item_clear);
  return proposal;
}

HsProposal *
hs_proposal_copy (const HsProposal *proposal)
{
  HsProposal *copy;

  g_return_val_if_fail (proposal != NULL, NULL);

  copy = hs_proposal_new (proposal->call_id);
  copy->meeting = proposal->meeting;
  for (guint i = 0; i < proposal->items->len; i++)
    {
      HsProposalItem item = g_array_index (proposal->items, HsProposalItem, i);

      item.reason = g_strdup (item.reason);
      g_array_append_val (copy->items, item);
    }
  return copy;
}

void
hs_proposal_free (HsProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_clear_pointer (&proposal->items, g_array_unref);
  g_free (proposal);
}

#define HS_PROPOSAL_VARIANT_VERSION 1u
#define PROPOSAL_ITEM_TYPE "(xums)"
#define PROPOSAL_TYPE "(uxua" PROPOSAL_ITEM_TYPE ")"

GVariant *
hs_proposal_to_variant (const HsProposal *proposal)
{
  GVariantBuilder items;

  g_return_val_if_fail (proposal != NULL, NULL);

  g_variant_builder_init (&items, G_VARIANT_TYPE ("a" PROPOSAL_ITEM_TYPE));
  for (guint i = 0; i < proposal->items->len; i++)
    {
      const HsProposalItem *item = &g_array_index (proposal->items, HsProposalItem, i);

      g_variant_builder_add (&items, PROPOSAL_ITEM_TYPE, item->project_id, item->position, item->reason);
    }
  return g_variant_ref_sink (g_variant_new (PROPOSAL_TYPE, HS_PROPOSAL_VARIANT_VERSION, proposal->call_id,
                                            julian_of (&proposal->meeting), &items));
}

HsProposal *
hs_proposal_from_variant (GVariant  *variant,
                          GError   **error)
{
  g_autoptr(GVariantIter) items = NULL;
  HsProposal *proposal;
  HsProposalItem item;
  guint32 version, meeting;
  gint64 call_id;

  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE (PROPOSAL_TYPE)))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("Not a proposal snapshot: the type is “%s”"),
                   variant != NULL ? g_variant_get_type_string (variant) : "");
      return NULL;
    }
  g_variant_get (variant, PROPOSAL_TYPE, &version, &call_id, &meeting, &items);
  if (version != HS_PROPOSAL_VARIANT_VERSION)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_PARSE,
                   _("The proposal snapshot has version %u; this version of Hankesalkku reads version %u"),
                   version, HS_PROPOSAL_VARIANT_VERSION);
      return NULL;
    }
  proposal = hs_proposal_new (call_id);
  date_of (meeting, &proposal->meeting);
  while (g_variant_iter_next (items, PROPOSAL_ITEM_TYPE, &item.project_id, &item.position, &item.reason))
    g_array_append_val (proposal->items, item);
  return proposal;
}

gboolean
hs_proposal_equal (const HsProposal *a,
                   const HsProposal *b)
{
  g_autoptr(GVariant) va = NULL;
  g_autoptr(GVariant) vb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  va = hs_proposal_to_variant (a);
  vb = hs_proposal_to_variant (b);
  return g_variant_equal (va, vb);
}

guint
hs_proposal_position (const HsProposal *proposal,
                      gint64            project_id)
{
  g_return_val_if_fail (proposal != NULL, 0);

  for (guint i = 0; i < proposal->items->len; i++)
    if (g_array_index (proposal->items, HsProposalItem, i).project_id == project_id)
      return g_array_index (proposal->items, HsProposalItem, i).position;
  return 0;
}

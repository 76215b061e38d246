/* hs-store-review.c — reviews, proposals and selection criteria in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-lang.h"
#include "hs-store-error.h"
#include "hs-store-reference.h"
#include "hs-store-review.h"
#include "hs-store-sql.h"

static gboolean
read_failed (HsStoreDb  *db,
             int         rc,
             GError    **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;
  hs_store_db_set_error (db, rc, error, _("Reading the review failed"));
  return FALSE;
}

/* ---- criteria ---------------------------------------------------------- */

/* A row of STMT_CRITERIA_LIST or STMT_CRITERION_GET. */
static HsCriterion *
read_criterion (HsStoreDb     *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  const char *kind = hs_store_column_text (stmt, 3);
  int kind_value = hs_criterion_kind_from_id (kind);
  HsCriterion *c;

  if (kind_value < 0)
    {
      hs_store_db_set_corrupt (db, error, "criterion kind", kind);
      return NULL;
    }
  c = hs_criterion_new (hs_store_column_text (stmt, 2), kind_value);
  c->id = sqlite3_column_int64 (stmt, 0);
  c->call_id = sqlite3_column_int64 (stmt, 1);
  c->objective = hs_store_column_dup (stmt, 4);
  c->name_fi = hs_store_column_dup (stmt, 5);
  c->name_sv = hs_store_column_dup (stmt, 6);
  c->name_en = hs_store_column_dup (stmt, 7);
  c->weight = (guint) sqlite3_column_int64 (stmt, 8);
  c->minimum = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 9);
  c->per_implementer = sqlite3_column_int (stmt, 10) != 0;
  c->position = (guint) sqlite3_column_int64 (stmt, 11);
  return c;
}

/* The criterion @id, or NULL (error set only when reading failed). */
static HsCriterion *
find_criterion (HsStoreDb  *db,
                gint64      id,
                GError    **error)
{
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_CRITERION_GET, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hs_store_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_criterion (db, stmt, error);
  read_failed (db, rc, error);
  return NULL;
}

static void
bind_criterion_fields (sqlite3_stmt      *stmt,
                       int                first,
                       const HsCriterion *c)
{
  hs_store_bind_text (stmt, first, c->key);
  hs_store_bind_text (stmt, first + 1, hs_criterion_kind_to_id (c->kind));
  hs_store_bind_text (stmt, first + 2, c->objective);
  hs_store_bind_text (stmt, first + 3, c->name_fi);
  hs_store_bind_text (stmt, first + 4, c->name_sv);
  hs_store_bind_text (stmt, first + 5, c->name_en);
  hs_store_bind_int64 (stmt, first + 6, c->weight);
  if (c->minimum >= 0)
    hs_store_bind_int64 (stmt, first + 7, c->minimum);
  else
    sqlite3_bind_null (stmt, first + 7);
  hs_store_bind_int64 (stmt, first + 8, c->per_implementer);
}

static gboolean
write_criterion_at (HsStoreDb          *db,
                    const HsCriterion  *c,
                    gboolean            exists,
                    GError            **error)
{
  sqlite3_stmt *stmt = hs_store_db_stmt (db, exists ? STMT_CRITERION_UPDATE : STMT_CRITERION_INSERT_AT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, c->id);
  if (exists)
    bind_criterion_fields (stmt, 2, c);
  else
    {
      hs_store_bind_id (stmt, 2, c->call_id);
      bind_criterion_fields (stmt, 3, c);
      hs_store_bind_int64 (stmt, 12, c->position);
    }
  rc = hs_store_db_write (db, stmt, c->key, error);
  if (rc != SQLITE_DONE && error != NULL && g_error_matches (*error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT))
    {
      g_clear_error (error);
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT,
                   _("The call already has a criterion with the key “%s”"), c->key);
    }
  return rc == SQLITE_DONE;
}

gboolean
hs_store_save_criterion (HsStoreTx    *tx,
                         HsCriterion  *criterion,
                         GError      **error)
{
  HsStoreDb *db = hs_store_tx_get_db (tx);
  g_autoptr(HsCriterion) previous = NULL;
  g_autoptr(HsCriterion) stored = NULL;
  GError *local_error = NULL;

  if (!hs_criterion_check (criterion, error))
    return FALSE;
  if (criterion->call_id == 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, "%s",
                   _("The programme’s selection criteria are the programme’s: a call adds criteria of its own"));
      return FALSE;
    }
  if (criterion->id != 0)
    {
      previous = find_criterion (db, criterion->id, &local_error);
      if (previous == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                         _("There is no criterion with the id %lld"), (long long) criterion->id);
          return FALSE;
        }
      if (previous->call_id != criterion->call_id)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, "%s",
                       _("The programme’s selection criteria are the programme’s: a call adds criteria of its own"));
          return FALSE;
        }
      criterion->position = previous->position;
      if (!write_criterion_at (db, criterion, TRUE, error))
        return FALSE;
    }
  else
    {
      if (!hs_store_insert_criterion (db, criterion, error))
        {
          if (error != NULL && g_error_matches (*error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT))
            {
              g_clear_error (error);
              g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_CONFLICT,
                           _("The call already has a criterion with the key “%s”"), criterion->key);
            }
          criterion->id = 0;
          return FALSE;
        }
    }
  stored = find_criterion (db, criterion->id, error);
  if (stored == NULL)
    return FALSE;
  criterion->position = stored->position;
  hs_store_tx_add_item (tx, HS_ENTITY_CRITERION, criterion->id,
                        previous != NULL ? hs_criterion_to_variant (previous) : NULL,
                        hs_criterion_to_variant (stored));
  return TRUE;
}

gboolean
hs_store_delete_criterion (HsStoreTx  *tx,
                           gint64      id,
                           GError    **error)
{
  HsStoreDb *db = hs_store_tx_get_db (tx);
  g_autoptr(HsCriterion) previous = NULL;
  GError *local_error = NULL;
  gint64 uses = 0;
  sqlite3_stmt *stmt;

  previous = find_criterion (db, id, &local_error);
  if (previous == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                     _("There is no criterion with the id %lld"), (long long) id);
      return FALSE;
    }
  if (previous->call_id == 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID, "%s",
                   _("The programme’s selection criteria are the programme’s: a call adds criteria of its own"));
      return FALSE;
    }
  {
    g_autoptr(HsStoreStmt) count = hs_store_db_stmt (db, STMT_CRITERION_USES, error);
    int rc;

    if (count == NULL)
      return FALSE;
    hs_store_bind_int64 (count, 1, id);
    rc = sqlite3_step (count);
    if (rc != SQLITE_ROW)
      return read_failed (db, rc, error);
    uses = sqlite3_column_int64 (count, 0);
  }
  if (uses > 0)
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The criterion “%s” cannot be deleted: %lld score uses it",
                                "The criterion “%s” cannot be deleted: %lld scores use it", (gulong) uses),
                   previous->key, (long long) uses);
      return FALSE;
    }
  stmt = hs_store_db_stmt (db, STMT_CRITERION_DELETE, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, id);
  if (hs_store_db_write (db, stmt, previous->key, error) != SQLITE_DONE)
    return FALSE;
  hs_store_tx_add_item (tx, HS_ENTITY_CRITERION, id, hs_criterion_to_variant (previous), NULL);
  return TRUE;
}

gboolean
hs_store_apply_criterion_state (HsStoreTx  *tx,
                                gint64      id,
                                GBytes     *state,
                                GError    **error)
{
  HsStoreDb *db = hs_store_tx_get_db (tx);
  g_autoptr(HsCriterion) current = NULL;
  g_autoptr(HsCriterion) criterion = NULL;
  g_autoptr(GVariant) variant = NULL;
  GError *local_error = NULL;

  current = find_criterion (db, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (state == NULL)
    {
      sqlite3_stmt *stmt;

      if (current == NULL)
        return TRUE;
      stmt = hs_store_db_stmt (db, STMT_CRITERION_DELETE, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, id);
      return hs_store_db_write (db, stmt, current->key, error) == SQLITE_DONE;
    }
  variant = hs_store_snapshot_decode (state, NULL, error);
  if (variant == NULL)
    return FALSE;
  criterion = hs_criterion_from_variant (variant, error);
  if (criterion == NULL)
    return FALSE;
  criterion->id = id;
  return write_criterion_at (db, criterion, current != NULL, error);
}

GPtrArray *
hs_store_list_criteria (HsStoreDb  *db,
                        gint64      call_id,
                        GError    **error)
{
  g_autoptr(GPtrArray) criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_criterion_free);
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_CRITERIA_LIST, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hs_store_bind_int64 (stmt, 1, call_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsCriterion *c = read_criterion (db, stmt, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (criteria, c);
    }
  if (!read_failed (db, rc, error))
    return NULL;
  return g_steal_pointer (&criteria);
}

gboolean
hs_store_insert_criterion (HsStoreDb    *db,
                           HsCriterion  *criterion,
                           GError      **error)
{
  sqlite3_stmt *stmt = hs_store_db_stmt (db, STMT_CRITERION_INSERT, error);

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_id (stmt, 1, criterion->call_id);
  hs_store_bind_text (stmt, 2, criterion->key);
  hs_store_bind_text (stmt, 3, hs_criterion_kind_to_id (criterion->kind));
  hs_store_bind_text (stmt, 4, criterion->objective);
  hs_store_bind_text (stmt, 5, criterion->name_fi);
  hs_store_bind_text (stmt, 6, criterion->name_sv);
  hs_store_bind_text (stmt, 7, criterion->name_en);
  hs_store_bind_int64 (stmt, 8, criterion->weight);
  if (criterion->minimum >= 0)
    hs_store_bind_int64 (stmt, 9, criterion->minimum);
  else
    sqlite3_bind_null (stmt, 9);
  hs_store_bind_int64 (stmt, 10, criterion->per_implementer);
  if (hs_store_db_write (db, stmt, criterion->key, error) != SQLITE_DONE)
    return FALSE;
  criterion->id = sqlite3_last_insert_rowid (db->db);
  return TRUE;
}

/* ---- reviews: reading -------------------------------------------------- */

static gboolean
review_is_empty (const HsReview *review)
{
  return review->scores->len == 0 && review->comments->len == 0 && review->decisions->len == 0
         && review->versions->len == 0 && !review->change_open
         && review->processing_council == NULL && review->coordinating_council == NULL;
}

static gboolean
load_scores (HsStoreDb  *db,
             HsReview   *review,
             GError    **error)
{
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_REVIEW_SCORES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, review->project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsScore *s = g_new0 (HsScore, 1);

      s->reviewer = hs_store_column_dup (stmt, 0);
      s->criterion_id = sqlite3_column_int64 (stmt, 1);
      s->organisation_id = sqlite3_column_int64 (stmt, 2);
      s->score = sqlite3_column_int (stmt, 3);
      s->justification = g_strdup (hs_store_column_text (stmt, 4) != NULL ? hs_store_column_text (stmt, 4) : "");
      s->written = hs_store_column_dup (stmt, 5);
      s->actor = hs_store_column_dup (stmt, 6);
      g_ptr_array_add (review->scores, s);
    }
  return read_failed (db, rc, error);
}

static gboolean
load_comments (HsStoreDb  *db,
               HsReview   *review,
               GError    **error)
{
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_REVIEW_COMMENTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, review->project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsReviewComment *c = g_new0 (HsReviewComment, 1);

      c->reviewer = hs_store_column_dup (stmt, 0);
      c->text = hs_store_column_dup (stmt, 1);
      c->written = hs_store_column_dup (stmt, 2);
      c->actor = hs_store_column_dup (stmt, 3);
      g_ptr_array_add (review->comments, c);
    }
  return read_failed (db, rc, error);
}

static gboolean
load_decisions (HsStoreDb  *db,
                HsReview   *review,
                GError    **error)
{
  int rc;

  {
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_REVIEW_DECISIONS, error);

    if (stmt == NULL)
      return FALSE;
    hs_store_bind_int64 (stmt, 1, review->project_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *kind = hs_store_column_text (stmt, 1);
        HsDecision *d;

        if (g_strcmp0 (kind, "grant") != 0 && g_strcmp0 (kind, "reject") != 0)
          return hs_store_db_set_corrupt (db, error, "decision", kind);
        d = hs_decision_new (g_strcmp0 (kind, "grant") == 0 ? HS_DECISION_GRANT : HS_DECISION_REJECT);
        d->change = sqlite3_column_int (stmt, 2) != 0;
        d->version = (guint) sqlite3_column_int64 (stmt, 3);
        d->number = hs_store_column_dup (stmt, 4);
        hs_store_column_date (stmt, 5, &d->date);
        hs_store_column_date (stmt, 6, &d->eligible_from);
        hs_store_column_date (stmt, 7, &d->eligible_until);
        d->conditions = hs_store_column_dup (stmt, 8);
        d->reason = hs_store_column_dup (stmt, 9);
        d->decided_by = hs_store_column_dup (stmt, 10);
        d->recorded = hs_store_column_dup (stmt, 11);
        d->actor = hs_store_column_dup (stmt, 12);
        g_ptr_array_add (review->decisions, d);
      }
    if (!read_failed (db, rc, error))
      return FALSE;
  }
  {
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_REVIEW_GRANTS, error);

    if (stmt == NULL)
      return FALSE;
    hs_store_bind_int64 (stmt, 1, review->project_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 position = sqlite3_column_int64 (stmt, 0);
        HsGrant grant = {
          sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3)
        };

        if (position < 0 || position >= review->decisions->len)
          return hs_store_db_set_corrupt (db, error, "grant", hs_store_column_text (stmt, 0));
        g_array_append_val (((HsDecision *) g_ptr_array_index (review->decisions, position))->grants, grant);
      }
    return read_failed (db, rc, error);
  }
}

static gboolean
load_versions (HsStoreDb  *db,
               HsReview   *review,
               GError    **error)
{
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_REVIEW_VERSIONS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, review->project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = hs_store_column_text (stmt, 1);
      int kind_value = hs_version_kind_from_id (kind);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GVariant) variant = NULL;
      HsVersion *v;

      if (kind_value < 0)
        return hs_store_db_set_corrupt (db, error, "version", kind);
      bytes = hs_store_column_bytes (stmt, 3);
      variant = hs_store_snapshot_decode (bytes, NULL, error);
      if (variant == NULL)
        return FALSE;
      v = g_new0 (HsVersion, 1);
      v->number = (guint) sqlite3_column_int64 (stmt, 0);
      v->kind = kind_value;
      v->made = hs_store_column_dup (stmt, 2);
      g_ptr_array_add (review->versions, v);
      v->project = hs_project_from_variant (variant, error);
      if (v->project == NULL)
        return FALSE;
    }
  return read_failed (db, rc, error);
}

HsReview *
hs_store_load_review (HsStoreDb  *db,
                      gint64      project_id,
                      GError    **error)
{
  g_autoptr(HsReview) review = hs_review_new (project_id);
  int rc;

  {
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_REVIEW_GET, error);

    if (stmt == NULL)
      return NULL;
    hs_store_bind_int64 (stmt, 1, project_id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      return g_steal_pointer (&review);   /* none yet */
    if (rc != SQLITE_ROW)
      {
        read_failed (db, rc, error);
        return NULL;
      }
    review->processing_council = hs_store_column_dup (stmt, 0);
    review->coordinating_council = hs_store_column_dup (stmt, 1);
    review->change_open = sqlite3_column_int (stmt, 2) != 0;
    hs_store_column_date (stmt, 3, &review->change_made);
    hs_store_column_date (stmt, 4, &review->change_starts);
    review->change_reason = hs_store_column_dup (stmt, 5);
  }
  if (!load_scores (db, review, error) || !load_comments (db, review, error)
      || !load_decisions (db, review, error) || !load_versions (db, review, error))
    return NULL;
  return g_steal_pointer (&review);
}

GPtrArray *
hs_store_list_call_reviews (HsStoreDb  *db,
                            gint64      call_id,
                            GError    **error)
{
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_review_free);
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_REVIEW_CALL_SCORES, error);
  HsReview *review = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  hs_store_bind_int64 (stmt, 1, call_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 project_id = sqlite3_column_int64 (stmt, 0);
      HsScore *s = g_new0 (HsScore, 1);

      if (review == NULL || review->project_id != project_id)
        {
          review = hs_review_new (project_id);
          g_ptr_array_add (reviews, review);
        }
      s->reviewer = hs_store_column_dup (stmt, 1);
      s->criterion_id = sqlite3_column_int64 (stmt, 2);
      s->organisation_id = sqlite3_column_int64 (stmt, 3);
      s->score = sqlite3_column_int (stmt, 4);
      s->justification = g_strdup ("");   /* what the ranking reads is the score */
      g_ptr_array_add (review->scores, s);
    }
  if (!read_failed (db, rc, error))
    return NULL;
  return g_steal_pointer (&reviews);
}

/* ---- reviews: writing -------------------------------------------------- */

static gboolean
write_review (HsStoreDb       *db,
              const HsReview  *review,
              GError         **error)
{
  const HsDecision *in_force = hs_review_decision_in_force (review);
  sqlite3_stmt *stmt;
  g_autofree char *subject = g_strdup_printf ("review %" G_GINT64_FORMAT, review->project_id);

  stmt = hs_store_db_stmt (db, STMT_REVIEW_DELETE, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, review->project_id);
  if (!hs_store_db_step_done (db, stmt, error))
    return FALSE;
  if (review_is_empty (review))
    return TRUE;

  stmt = hs_store_db_stmt (db, STMT_REVIEW_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, review->project_id);
  hs_store_bind_text (stmt, 2, review->processing_council);
  hs_store_bind_text (stmt, 3, review->coordinating_council);
  hs_store_bind_int64 (stmt, 4, review->change_open);
  hs_store_bind_date (stmt, 5, review->change_open ? &review->change_made : NULL);
  hs_store_bind_date (stmt, 6, review->change_open ? &review->change_starts : NULL);
  hs_store_bind_text (stmt, 7, review->change_open ? review->change_reason : NULL);
  if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < review->scores->len; i++)
    {
      const HsScore *s = g_ptr_array_index (review->scores, i);

      stmt = hs_store_db_stmt (db, STMT_REVIEW_SCORE_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, review->project_id);
      hs_store_bind_int64 (stmt, 2, i);
      hs_store_bind_text (stmt, 3, s->reviewer);
      hs_store_bind_int64 (stmt, 4, s->criterion_id);
      hs_store_bind_id (stmt, 5, s->organisation_id);
      hs_store_bind_int64 (stmt, 6, s->score);
      hs_store_bind_text (stmt, 7, s->justification != NULL ? s->justification : "");
      hs_store_bind_text (stmt, 8, s->written);
      hs_store_bind_text (stmt, 9, s->actor);
      if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
        return FALSE;
    }
  for (guint i = 0; i < review->comments->len; i++)
    {
      const HsReviewComment *c = g_ptr_array_index (review->comments, i);

      stmt = hs_store_db_stmt (db, STMT_REVIEW_COMMENT_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, review->project_id);
      hs_store_bind_int64 (stmt, 2, i);
      hs_store_bind_text (stmt, 3, c->reviewer);
      hs_store_bind_text (stmt, 4, c->text);
      hs_store_bind_text (stmt, 5, c->written);
      hs_store_bind_text (stmt, 6, c->actor);
      if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
        return FALSE;
    }
  for (guint i = 0; i < review->decisions->len; i++)
    {
      const HsDecision *d = g_ptr_array_index (review->decisions, i);
      gint64 granted = 0;

      for (guint j = 0; j < d->grants->len; j++)
        granted += g_array_index (d->grants, HsGrant, j).granted;
      stmt = hs_store_db_stmt (db, STMT_DECISION_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, review->project_id);
      hs_store_bind_int64 (stmt, 2, i);
      hs_store_bind_text (stmt, 3, d->kind == HS_DECISION_GRANT ? "grant" : "reject");
      hs_store_bind_int64 (stmt, 4, d->change);
      hs_store_bind_int64 (stmt, 5, d->version);
      hs_store_bind_text (stmt, 6, d->number);
      hs_store_bind_date (stmt, 7, &d->date);
      hs_store_bind_date (stmt, 8, &d->eligible_from);
      hs_store_bind_date (stmt, 9, &d->eligible_until);
      hs_store_bind_text (stmt, 10, d->conditions);
      hs_store_bind_text (stmt, 11, d->reason);
      hs_store_bind_text (stmt, 12, d->decided_by);
      hs_store_bind_text (stmt, 13, d->recorded != NULL ? d->recorded : "");
      hs_store_bind_text (stmt, 14, d->actor);
      hs_store_bind_int64 (stmt, 15, d == in_force);
      hs_store_bind_int64 (stmt, 16, granted);
      if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
        return FALSE;
      for (guint j = 0; j < d->grants->len; j++)
        {
          const HsGrant *g = &g_array_index (d->grants, HsGrant, j);

          stmt = hs_store_db_stmt (db, STMT_GRANT_INSERT, error);
          if (stmt == NULL)
            return FALSE;
          hs_store_bind_int64 (stmt, 1, review->project_id);
          hs_store_bind_int64 (stmt, 2, i);
          hs_store_bind_int64 (stmt, 3, j);
          hs_store_bind_int64 (stmt, 4, g->organisation_id);
          hs_store_bind_int64 (stmt, 5, g->applied);
          hs_store_bind_int64 (stmt, 6, g->granted);
          if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
            return FALSE;
        }
    }
  for (guint i = 0; i < review->versions->len; i++)
    {
      const HsVersion *v = g_ptr_array_index (review->versions, i);
      g_autoptr(GVariant) variant = hs_project_to_variant (v->project);
      g_autoptr(GBytes) bytes = hs_store_snapshot_encode (variant);

      stmt = hs_store_db_stmt (db, STMT_VERSION_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, review->project_id);
      hs_store_bind_int64 (stmt, 2, v->number);
      hs_store_bind_text (stmt, 3, hs_version_kind_to_id (v->kind));
      hs_store_bind_text (stmt, 4, v->made != NULL ? v->made : "");
      hs_store_bind_blob (stmt, 5, bytes);
      if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

gboolean
hs_store_save_review (HsStoreTx  *tx,
                      HsReview   *review,
                      GError    **error)
{
  HsStoreDb *db = hs_store_tx_get_db (tx);
  g_autoptr(HsReview) previous = hs_store_load_review (db, review->project_id, error);

  if (previous == NULL)
    return FALSE;
  if (hs_review_equal (previous, review))
    return TRUE;
  if (!write_review (db, review, error))
    return FALSE;
  hs_store_tx_add_item (tx, HS_ENTITY_REVIEW, review->project_id,
                        review_is_empty (previous) ? NULL : hs_review_to_variant (previous),
                        review_is_empty (review) ? NULL : hs_review_to_variant (review));
  return TRUE;
}

gboolean
hs_store_apply_review_state (HsStoreTx  *tx,
                             gint64      id,
                             GBytes     *state,
                             GError    **error)
{
  HsStoreDb *db = hs_store_tx_get_db (tx);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(HsReview) review = NULL;

  if (state == NULL)
    {
      g_autoptr(HsReview) empty = hs_review_new (id);
      return write_review (db, empty, error);
    }
  variant = hs_store_snapshot_decode (state, NULL, error);
  if (variant == NULL)
    return FALSE;
  review = hs_review_from_variant (variant, error);
  if (review == NULL)
    return FALSE;
  review->project_id = id;
  return write_review (db, review, error);
}

/* ---- proposals --------------------------------------------------------- */

HsProposal *
hs_store_load_proposal (HsStoreDb  *db,
                        gint64      call_id,
                        GError    **error)
{
  g_autoptr(HsProposal) proposal = hs_proposal_new (call_id);
  int rc;

  {
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_PROPOSAL_GET, error);

    if (stmt == NULL)
      return NULL;
    hs_store_bind_int64 (stmt, 1, call_id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      return g_steal_pointer (&proposal);
    if (rc != SQLITE_ROW)
      {
        read_failed (db, rc, error);
        return NULL;
      }
    hs_store_column_date (stmt, 0, &proposal->meeting);
  }
  {
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_PROPOSAL_ITEMS, error);

    if (stmt == NULL)
      return NULL;
    hs_store_bind_int64 (stmt, 1, call_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        HsProposalItem item = {
          sqlite3_column_int64 (stmt, 0), (guint) sqlite3_column_int64 (stmt, 1), hs_store_column_dup (stmt, 2)
        };

        g_array_append_val (proposal->items, item);
      }
    if (!read_failed (db, rc, error))
      return NULL;
  }
  return g_steal_pointer (&proposal);
}

static gboolean
proposal_is_empty (const HsProposal *proposal)
{
  return proposal->items->len == 0 && !g_date_valid (&proposal->meeting);
}

static gboolean
write_proposal (HsStoreDb         *db,
                const HsProposal  *proposal,
                GError           **error)
{
  g_autofree char *subject = g_strdup_printf ("proposal %" G_GINT64_FORMAT, proposal->call_id);
  sqlite3_stmt *stmt = hs_store_db_stmt (db, STMT_PROPOSAL_DELETE, error);

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, proposal->call_id);
  if (!hs_store_db_step_done (db, stmt, error))
    return FALSE;
  if (proposal_is_empty (proposal))
    return TRUE;

  stmt = hs_store_db_stmt (db, STMT_PROPOSAL_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, proposal->call_id);
  hs_store_bind_date (stmt, 2, &proposal->meeting);
  if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
    return FALSE;
  for (guint i = 0; i < proposal->items->len; i++)
    {
      const HsProposalItem *item = &g_array_index (proposal->items, HsProposalItem, i);

      stmt = hs_store_db_stmt (db, STMT_PROPOSAL_ITEM_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, proposal->call_id);
      hs_store_bind_int64 (stmt, 2, i);
      hs_store_bind_int64 (stmt, 3, item->project_id);
      hs_store_bind_int64 (stmt, 4, item->position);
      hs_store_bind_text (stmt, 5, item->reason);
      if (hs_store_db_write (db, stmt, subject, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

gboolean
hs_store_save_proposal (HsStoreTx   *tx,
                        HsProposal  *proposal,
                        GError     **error)
{
  HsStoreDb *db = hs_store_tx_get_db (tx);
  g_autoptr(HsProposal) previous = hs_store_load_proposal (db, proposal->call_id, error);

  if (previous == NULL)
    return FALSE;
  if (hs_proposal_equal (previous, proposal))
    return TRUE;
  if (!write_proposal (db, proposal, error))
    return FALSE;
  hs_store_tx_add_item (tx, HS_ENTITY_PROPOSAL, proposal->call_id,
                        proposal_is_empty (previous) ? NULL : hs_proposal_to_variant (previous),
                        proposal_is_empty (proposal) ? NULL : hs_proposal_to_variant (proposal));
  return TRUE;
}

gboolean
hs_store_apply_proposal_state (HsStoreTx  *tx,
                               gint64      id,
                               GBytes     *state,
                               GError    **error)
{
  HsStoreDb *db = hs_store_tx_get_db (tx);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(HsProposal) proposal = NULL;

  if (state == NULL)
    {
      g_autoptr(HsProposal) empty = hs_proposal_new (id);
      return write_proposal (db, empty, error);
    }
  variant = hs_store_snapshot_decode (state, NULL, error);
  if (variant == NULL)
    return FALSE;
  proposal = hs_proposal_from_variant (variant, error);
  if (proposal == NULL)
    return FALSE;
  proposal->call_id = id;
  return write_proposal (db, proposal, error);
}

/* ---- guarding decided projects ----------------------------------------- */

gboolean
hs_store_review_check_save (HsStoreDb        *db,
                            const HsProject  *project,
                            GError          **error)
{
  g_autoptr(HsReview) review = NULL;
  const HsDecision *in_force;
  int rc;

  if (project->id == 0)
    return TRUE;
  {
    /* the common case, no decision in force, in one indexed look-up */
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_REVIEW_LOCK, error);

    if (stmt == NULL)
      return FALSE;
    hs_store_bind_int64 (stmt, 1, project->id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      return TRUE;
    if (rc != SQLITE_ROW)
      return read_failed (db, rc, error);
    if (g_strcmp0 (hs_store_column_text (stmt, 0), "grant") != 0 || sqlite3_column_int (stmt, 2) != 0)
      return TRUE;
  }
  review = hs_store_load_review (db, project->id, error);
  if (review == NULL)
    return FALSE;
  if (!hs_review_locks (review, project))
    return TRUE;
  in_force = hs_review_decision_in_force (review);
  {
    g_autofree char *on = hs_date_format (&in_force->date, hs_lang_current ());

    g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                 _("%s was granted funding on %s (decision %s): its approved plan changes only by a "
                   "change application; nothing was saved"),
                 project->code, on, in_force->number != NULL ? in_force->number : "–");
  }
  return FALSE;
}

gboolean
hs_store_review_forget_project (HsStoreTx   *tx,
                                gint64       project_id,
                                const char  *code,
                                GError     **error)
{
  HsStoreDb *db = hs_store_tx_get_db (tx);
  g_autoptr(HsReview) review = hs_store_load_review (db, project_id, error);
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HsReview) empty = hs_review_new (project_id);
  int rc;

  if (review == NULL)
    return FALSE;
  if (hs_review_decision_in_force (review) != NULL)
    {
      const HsDecision *d = hs_review_decision_in_force (review);
      g_autofree char *on = hs_date_format (&d->date, hs_lang_current ());

      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   _("%s has a funding decision of %s (decision %s) and is kept with it; "
                     "change its status to withdrawn instead"),
                   code, on, d->number != NULL ? d->number : "–");
      return FALSE;
    }
  if (!hs_store_save_review (tx, empty, error))
    return FALSE;

  {
    g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (db, STMT_PROPOSALS_OF_PROJECT, error);

    if (stmt == NULL)
      return FALSE;
    hs_store_bind_int64 (stmt, 1, project_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 call_id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (calls, call_id);
      }
    if (!read_failed (db, rc, error))
      return FALSE;
  }
  for (guint i = 0; i < calls->len; i++)
    {
      g_autoptr(HsProposal) proposal = hs_store_load_proposal (db, g_array_index (calls, gint64, i), error);
      guint removed = 0;

      if (proposal == NULL)
        return FALSE;
      for (guint j = 0; j < proposal->items->len; j++)
        if (g_array_index (proposal->items, HsProposalItem, j).project_id == project_id)
          {
            removed = g_array_index (proposal->items, HsProposalItem, j).position;
            g_array_remove_index (proposal->items, j);
            break;
          }
      /* the ones after it move up */
      for (guint j = 0; removed > 0 && j < proposal->items->len; j++)
        if (g_array_index (proposal->items, HsProposalItem, j).position > removed)
          g_array_index (proposal->items, HsProposalItem, j).position--;
      if (!hs_store_save_proposal (tx, proposal, error))
        return FALSE;
    }
  return TRUE;
}

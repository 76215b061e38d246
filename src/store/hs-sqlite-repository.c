/* hs-sqlite-repository.c — the portfolio in one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HsRepository on SQLite. Every mutating call is one IMMEDIATE transaction
 * and, when it changed something, one row of action_log with one
 * action_item per changed object (its snapshot before and after). Undo
 * replays the before snapshots of the latest action in reverse order, redo
 * the after snapshots of the first undone one in order, each in one
 * transaction; a new action removes the undone ones (the redo tail).
 * "changed" is emitted after the commit.
 *
 * A batch (begin_batch … commit_batch) is one action too, but its
 * save_projects() calls write their rows and their action items into the
 * open transaction as they come (the action_log row is inserted with the
 * first item), and keep nothing per project in memory.
 */
#define G_LOG_DOMAIN "hs-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/hs-core-error.h"
#include "core/hs-lang.h"
#include "core/hs-reference.h"
#include "hs-sqlite-repository.h"
#include "hs-store-error.h"
#include "hs-store-project.h"
#include "hs-store-reference.h"
#include "hs-store-schema.h"
#include "hs-store-review.h"
#include "hs-store-summary.h"

/* How many actions the log keeps; older ones can no longer be undone. */
#define ACTION_LOG_LIMIT 100

struct _HsSqliteRepository
{
  GObject    parent_instance;

  HsStoreDb *db;   /* owned */

  /* The open batch, if any (begin_batch … commit_batch or abort_batch). */
  HsStoreTx *batch;              /* owned */
  char      *batch_description;
  gint64     batch_action_id;    /* its action_log row; 0 until its first item */
  guint      batch_n_items;      /* action items logged so far */
  gint64     batch_single;       /* the project of the only item so far, else 0 */

  /* Whose actions this connection logs and may undo: "user@program". */
  char      *actor;

  /* Following other connections' commits (hs_sqlite_repository_watch). */
  guint      watch_source;
  gint64     data_version;
};

static void hs_sqlite_repository_iface_init (HsRepositoryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsSqliteRepository, hs_sqlite_repository, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HS_TYPE_REPOSITORY,
                                                      hs_sqlite_repository_iface_init))

static void
hs_sqlite_repository_finalize (GObject *object)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (object);

  g_clear_handle_id (&self->watch_source, g_source_remove);
  if (self->batch != NULL)
    {
      hs_store_db_rollback (self->db);
      g_clear_pointer (&self->batch, hs_store_tx_free);
    }
  g_clear_pointer (&self->batch_description, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->db, hs_store_db_free);

  G_OBJECT_CLASS (hs_sqlite_repository_parent_class)->finalize (object);
}

static void
hs_sqlite_repository_class_init (HsSqliteRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_sqlite_repository_finalize;
}

static void
hs_sqlite_repository_init (HsSqliteRepository *self)
{
  /* The window and the command-line tool are two actors, also for one
   * user: the window's Undo never takes back what the tool did. */
  self->actor = g_strdup_printf ("%s@%s", g_get_user_name (),
                                 g_get_prgname () != NULL ? g_get_prgname () : "?");
}

/* Actions */

static HsStoreTx *
begin_action (HsSqliteRepository  *self,
              GError             **error)
{
  HsStoreTx *tx;

  if (self->batch != NULL)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_BUSY,
                   _("“%s” is saving a batch of changes; try again when it is done"),
                   self->db->path);
      return NULL;
    }

  if (self->db->read_only)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                   _("“%s” was opened read-only"), self->db->path);
      return NULL;
    }

  if (!hs_store_db_begin (self->db, TRUE, error))
    return NULL;

  tx = hs_store_tx_new (self->db, error);
  if (tx == NULL)
    hs_store_db_rollback (self->db);
  return tx;
}

static void
abort_action (HsSqliteRepository *self,
              HsStoreTx          *tx)
{
  hs_store_db_rollback (self->db);
  hs_store_tx_restore_ids (tx);
  hs_store_tx_free (tx);
}

/* The action's row (the redo tail goes first); *out_id gets its id. */
static gboolean
log_action_row (HsSqliteRepository  *self,
                const char          *kind,
                const char          *description,
                gint64               project_id,
                gint64              *out_id,
                GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = hs_store_db_stmt (self->db, STMT_ACTION_CLEAR_REDO, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_text (stmt, 1, self->actor);
  if (!hs_store_db_step_done (self->db, stmt, error))
    return FALSE;

  stmt = hs_store_db_stmt (self->db, STMT_ACTION_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  hs_store_bind_text (stmt, 1, description);
  hs_store_bind_text (stmt, 2, kind);
  hs_store_bind_id (stmt, 3, project_id);
  hs_store_bind_text (stmt, 4, self->actor);
  if (!hs_store_db_step_done (self->db, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (self->db->db);
  return TRUE;
}

/* The versions the projects of an action have now, in every item of this
 * actor's actions on them. */
static gboolean
note_versions (HsSqliteRepository  *self,
               gint64               action_id,
               GError             **error)
{
  sqlite3_stmt *stmt = hs_store_db_stmt (self->db, STMT_ACTION_ITEM_SET_VERSION, error);

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, action_id);
  hs_store_bind_text (stmt, 2, self->actor);
  return hs_store_db_step_done (self->db, stmt, error);
}

/* The items of an action, numbered from first_position on. */
static gboolean
log_action_items (HsSqliteRepository  *self,
                  gint64               action_id,
                  GPtrArray           *items,
                  guint                first_position,
                  GError             **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < items->len; i++)
    {
      const HsStoreItem *item = g_ptr_array_index (items, i);

      stmt = hs_store_db_stmt (self->db, STMT_ACTION_ITEM_INSERT, error);
      if (stmt == NULL)
        return FALSE;
      hs_store_bind_int64 (stmt, 1, action_id);
      hs_store_bind_int64 (stmt, 2, (gint64) first_position + i);
      hs_store_bind_text (stmt, 3, hs_entity_to_id (item->entity));
      hs_store_bind_int64 (stmt, 4, item->id);
      hs_store_bind_blob (stmt, 5, item->before);
      hs_store_bind_blob (stmt, 6, item->after);
      if (!hs_store_db_step_done (self->db, stmt, error))
        return FALSE;
    }
  return note_versions (self, action_id, error);
}

/* Forgets the oldest actions beyond the limit. */
static gboolean
trim_action_log (HsSqliteRepository  *self,
                 GError             **error)
{
  sqlite3_stmt *stmt = hs_store_db_stmt (self->db, STMT_ACTION_TRIM, error);

  if (stmt == NULL)
    return FALSE;
  hs_store_bind_int64 (stmt, 1, ACTION_LOG_LIMIT);
  return hs_store_db_step_done (self->db, stmt, error);
}

static gboolean
log_action (HsSqliteRepository  *self,
            const char          *kind,
            const char          *description,
            gint64               project_id,
            GPtrArray           *items,
            GError             **error)
{
  gint64 action_id;

  return log_action_row (self, kind, description, project_id, &action_id, error)
         && log_action_items (self, action_id, items, 0, error)
         && trim_action_log (self, error);
}

/* Logs the action (when it changed anything), commits and frees tx; on
 * failure rolls back, puts the caller's ids back and frees tx. */
/* The one project a change touched, or 0 when it touched several projects
 * or anything else (organisations, calls): then views reload everything. */
static gint64
single_project (GPtrArray *items)
{
  const HsStoreItem *item;

  if (items->len != 1)
    return 0;
  item = g_ptr_array_index (items, 0);
  return item->entity == HS_ENTITY_PROJECT ? item->id : 0;
}

static void
emit_changed (HsSqliteRepository *self,
              gint64              project_id)
{
  if (project_id != 0)
    g_signal_emit_by_name (self, "project-changed", project_id);
  g_signal_emit_by_name (self, "changed");
}

static gboolean
commit_action (HsSqliteRepository  *self,
               HsStoreTx           *tx,
               const char          *kind,
               const char          *description,
               gint64               project_id,
               GError             **error)
{
  GPtrArray *items = hs_store_tx_get_items (tx);
  gboolean changed = items->len > 0;
  gint64 single = single_project (items);

  if (!hs_store_tx_finish (tx, error)
      || (changed && !log_action (self, kind, description, project_id, items, error)))
    {
      abort_action (self, tx);
      return FALSE;
    }

  if (!hs_store_db_commit (self->db, error))
    {
      hs_store_tx_restore_ids (tx);
      hs_store_tx_free (tx);
      return FALSE;
    }

  hs_store_tx_free (tx);
  if (changed)
    emit_changed (self, single);
  return TRUE;
}

static gboolean
hs_sqlite_repository_save_project (HsRepository  *repo,
                                   HsProject     *project,
                                   GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autoptr(HsProject) before = NULL;
  g_autofree char *description = NULL;
  const char *kind;
  HsStoreTx *tx;

  g_return_val_if_fail (project != NULL, FALSE);

  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;

  if (!hs_store_save_project (tx, project, &before, error))
    {
      abort_action (self, tx);
      return FALSE;
    }

  if (before == NULL)
    kind = "create";
  else if (before->status != project->status)
    kind = "status";
  else
    kind = "edit";
  /* what changed, when it was one thing: "Edit project PKS-001: name" */
  description = hs_project_describe_change (before, project);

  return commit_action (self, tx, kind, description, project->id, error);
}

/* Batches */

static void
set_cache_size (HsSqliteRepository *self,
                int                 kib)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", kib);

  /* Only memory and speed depend on it. */
  if (!hs_store_db_exec (self->db, sql, &error))
    g_warning ("%s", error->message);
}

static void
batch_end (HsSqliteRepository *self)
{
  set_cache_size (self, HS_STORE_CACHE_KIB);
  g_clear_pointer (&self->batch_description, g_free);
  self->batch_action_id = 0;
  self->batch_n_items = 0;
  self->batch_single = 0;
}

/* Rolls the open batch back and ends it; the ids of the latest call's
 * projects are put back (the earlier ones were forgotten). */
static void
batch_abort (HsSqliteRepository *self)
{
  abort_action (self, g_steal_pointer (&self->batch));
  batch_end (self);
}

/* Moves the batch's items so far into the action log. */
static gboolean
batch_log_items (HsSqliteRepository  *self,
                 GError             **error)
{
  GPtrArray *items = hs_store_tx_get_items (self->batch);

  if (items->len == 0)
    return TRUE;
  if (self->batch_action_id == 0
      && !log_action_row (self, "batch", self->batch_description, 0, &self->batch_action_id, error))
    return FALSE;
  if (!log_action_items (self, self->batch_action_id, items, self->batch_n_items, error))
    return FALSE;

  self->batch_single = self->batch_n_items == 0 ? single_project (items) : 0;
  self->batch_n_items += items->len;
  hs_store_tx_forget (self->batch);
  return TRUE;
}

static gboolean
batch_save_projects (HsSqliteRepository  *self,
                     GPtrArray           *projects,
                     GError             **error)
{
  for (guint i = 0; i < projects->len; i++)
    if (!hs_store_save_project (self->batch, g_ptr_array_index (projects, i), NULL, error))
      {
        batch_abort (self);
        return FALSE;
      }

  if (!batch_log_items (self, error))
    {
      batch_abort (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
hs_sqlite_repository_begin_batch (HsRepository  *repo,
                                  const char    *description,
                                  GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  HsStoreTx *tx;

  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;

  /* Pages beyond it go to the WAL before the commit: memory stays flat
   * however many projects the batch saves. */
  set_cache_size (self, HS_STORE_BATCH_CACHE_KIB);
  self->batch = tx;
  self->batch_description = description != NULL ? g_strdup (description)
                                                 : g_strdup (_("Save projects"));
  return TRUE;
}

static gboolean
hs_sqlite_repository_commit_batch (HsRepository  *repo,
                                   GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  gboolean changed;
  gint64 single;
  HsStoreTx *tx;

  if (self->batch == NULL)
    {
      g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                           _("No batch of changes is being saved"));
      return FALSE;
    }

  /* The totals of projects whose organisations changed in place, and any
   * items that adds. */
  if (!hs_store_tx_finish (self->batch, error)
      || !batch_log_items (self, error)
      || (self->batch_action_id != 0 && !trim_action_log (self, error)))
    {
      batch_abort (self);
      return FALSE;
    }

  tx = g_steal_pointer (&self->batch);
  changed = self->batch_n_items > 0;
  single = self->batch_n_items == 1 ? self->batch_single : 0;
  batch_end (self);

  if (!hs_store_db_commit (self->db, error))
    {
      hs_store_tx_restore_ids (tx);
      hs_store_tx_free (tx);
      return FALSE;
    }

  hs_store_tx_free (tx);
  if (changed)
    emit_changed (self, single);
  return TRUE;
}

static void
hs_sqlite_repository_abort_batch (HsRepository *repo)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);

  if (self->batch != NULL)
    batch_abort (self);
}

static gboolean
hs_sqlite_repository_save_projects (HsRepository  *repo,
                                    GPtrArray     *projects,
                                    const char    *description,
                                    GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autofree char *default_description = NULL;
  HsStoreTx *tx;

  g_return_val_if_fail (projects != NULL, FALSE);

  if (self->batch != NULL)
    return batch_save_projects (self, projects, error);

  if (projects->len == 0)
    return TRUE;

  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;

  for (guint i = 0; i < projects->len; i++)
    if (!hs_store_save_project (tx, g_ptr_array_index (projects, i), NULL, error))
      {
        abort_action (self, tx);
        return FALSE;
      }

  if (description == NULL)
    description = default_description =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Save %u project", "Save %u projects",
                                    projects->len),
                       projects->len);

  return commit_action (self, tx, "batch", description, 0, error);
}

static gboolean
hs_sqlite_repository_delete_project (HsRepository  *repo,
                                     gint64         id,
                                     GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;
  HsStoreTx *tx;

  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;

  if (!hs_store_delete_project (tx, id, &code, error))
    {
      abort_action (self, tx);
      return FALSE;
    }

  description = g_strdup_printf (_("Delete project %s"), code);
  return commit_action (self, tx, "delete", description, id, error);
}

static gboolean
hs_sqlite_repository_save_organisation (HsRepository    *repo,
                                        HsOrganisation  *org,
                                        GError         **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autofree char *description = NULL;
  gboolean created = FALSE;
  HsStoreTx *tx;

  g_return_val_if_fail (org != NULL, FALSE);

  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;

  if (!hs_store_save_organisation (tx, org, &created, error))
    {
      abort_action (self, tx);
      return FALSE;
    }

  description = g_strdup_printf (created ? _("Add organisation %s") : _("Edit organisation %s"),
                                 org->name);
  return commit_action (self, tx, "organisation", description, 0, error);
}

static gboolean
hs_sqlite_repository_save_call (HsRepository  *repo,
                                HsCall        *call,
                                GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autofree char *description = NULL;
  gboolean created = FALSE;
  HsStoreTx *tx;

  g_return_val_if_fail (call != NULL, FALSE);

  /* inside a batch (an import that brings its calls): part of its one
   * action, logged with it; a failure rolls the whole batch back */
  if (self->batch != NULL)
    {
      if (!hs_store_save_call (self->batch, call, &created, error) || !batch_log_items (self, error))
        {
          batch_abort (self);
          return FALSE;
        }
      return TRUE;
    }

  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;

  if (!hs_store_save_call (tx, call, &created, error))
    {
      abort_action (self, tx);
      return FALSE;
    }

  {
    g_autofree char *name = hs_call_dup_display_name (call, hs_lang_current ());
    description = g_strdup_printf (created ? _("Add call %s") : _("Edit call %s"), name);
  }
  return commit_action (self, tx, "call", description, 0, error);
}

static gboolean
hs_sqlite_repository_delete_call (HsRepository  *repo,
                                  gint64         id,
                                  GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  HsStoreTx *tx;

  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;

  if (!hs_store_delete_call (tx, id, &name, error))
    {
      abort_action (self, tx);
      return FALSE;
    }

  description = g_strdup_printf (_("Delete call %s"), name);
  return commit_action (self, tx, "call", description, 0, error);
}

/* Undo and redo */

typedef struct
{
  HsEntity  entity;
  gint64    id;
  GBytes   *state;   /* owned, nullable */
  gint64    version; /* of a project right after the action was last applied; 0: none */
} Replay;

static void
replay_clear (Replay *replay)
{
  g_clear_pointer (&replay->state, g_bytes_unref);
}

static char *
replay_action (HsSqliteRepository  *self,
               gboolean             undo,
               GError             **error)
{
  g_autoptr(GArray) replays = g_array_new (FALSE, TRUE, sizeof (Replay));
  g_autofree char *description = NULL;
  gint64 action_id;
  sqlite3_stmt *stmt;
  HsStoreTx *tx;
  int rc;

  g_array_set_clear_func (replays, (GDestroyNotify) replay_clear);

  tx = begin_action (self, error);
  if (tx == NULL)
    return NULL;

  {
    g_autoptr(HsStoreStmt) action = hs_store_db_stmt (self->db,
                                                      undo ? STMT_ACTION_LAST_DONE
                                                           : STMT_ACTION_FIRST_UNDONE,
                                                      error);
    if (action == NULL)
      goto fail;
    hs_store_bind_text (action, 1, self->actor);
    rc = sqlite3_step (action);
    if (rc == SQLITE_DONE)
      {
        g_set_error_literal (error, HS_CORE_ERROR, HS_CORE_ERROR_NOTHING_TO_UNDO,
                             undo ? _("There is nothing to undo") : _("There is nothing to redo"));
        goto fail;
      }
    if (rc != SQLITE_ROW)
      {
        hs_store_db_set_error (self->db, rc, error, _("Reading the action log failed"));
        goto fail;
      }
    action_id = sqlite3_column_int64 (action, 0);
    description = hs_store_column_dup (action, 1);
  }

  /* Read the whole action first, then change the tables. */
  {
    g_autoptr(HsStoreStmt) items = hs_store_db_stmt (self->db,
                                                     undo ? STMT_ACTION_ITEMS_BACKWARD
                                                          : STMT_ACTION_ITEMS_FORWARD,
                                                     error);
    if (items == NULL)
      goto fail;
    hs_store_bind_int64 (items, 1, action_id);
    while ((rc = sqlite3_step (items)) == SQLITE_ROW)
      {
        const char *entity_id = hs_store_column_text (items, 0);
        int entity = hs_entity_from_id (entity_id);
        Replay replay = { 0, };

        if (entity < 0)
          {
            hs_store_db_set_corrupt (self->db, error, "action item", entity_id);
            goto fail;
          }
        replay.entity = (HsEntity) entity;
        replay.id = sqlite3_column_int64 (items, 1);
        replay.state = hs_store_column_bytes (items, 2);
        replay.version = sqlite3_column_int64 (items, 3);
        g_array_append_val (replays, replay);
      }
    if (rc != SQLITE_DONE)
      {
        hs_store_db_set_error (self->db, rc, error, _("Reading the action log failed"));
        goto fail;
      }
  }

  /* Someone else may have changed a project of this action since: then
   * undoing it would throw their change away. */
  for (guint i = 0; i < replays->len; i++)
    {
      const Replay *replay = &g_array_index (replays, Replay, i);
      gint64 current;

      if (replay->entity != HS_ENTITY_PROJECT || replay->version == 0)
        continue;
      if (!hs_store_project_version (self->db, replay->id, &current, error))
        goto fail;
      if (current != replay->version)
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_STALE,
                       undo ? _("“%s” cannot be undone: a project it changed has been changed "
                                "elsewhere since, and undoing would throw that change away")
                            : _("“%s” cannot be redone: a project it changed has been changed "
                                "elsewhere since, and redoing would throw that change away"),
                       description);
          goto fail;
        }
    }

  for (guint i = 0; i < replays->len; i++)
    {
      const Replay *replay = &g_array_index (replays, Replay, i);

      if (!hs_store_apply_state (tx, replay->entity, replay->id, replay->state, error))
        goto fail;
    }

  if (!hs_store_tx_finish (tx, error))
    goto fail;

  /* the versions the projects have now, for the next undo or redo */
  if (!note_versions (self, action_id, error))
    goto fail;

  stmt = hs_store_db_stmt (self->db, STMT_ACTION_SET_UNDONE, error);
  if (stmt == NULL)
    goto fail;
  hs_store_bind_int64 (stmt, 1, action_id);
  hs_store_bind_int64 (stmt, 2, undo ? 1 : 0);
  if (!hs_store_db_step_done (self->db, stmt, error))
    goto fail;

  if (!hs_store_db_commit (self->db, error))
    {
      hs_store_tx_free (tx);
      return NULL;
    }

  hs_store_tx_free (tx);
  {
    const Replay *only = replays->len == 1 ? &g_array_index (replays, Replay, 0) : NULL;
    emit_changed (self, only != NULL && only->entity == HS_ENTITY_PROJECT ? only->id : 0);
  }
  return g_steal_pointer (&description);

fail:
  abort_action (self, tx);
  return NULL;
}

static char *
hs_sqlite_repository_undo (HsRepository  *repo,
                           GError       **error)
{
  return replay_action (HS_SQLITE_REPOSITORY (repo), TRUE, error);
}

static char *
hs_sqlite_repository_redo (HsRepository  *repo,
                           GError       **error)
{
  return replay_action (HS_SQLITE_REPOSITORY (repo), FALSE, error);
}

static gboolean
query_flag (HsSqliteRepository *self,
            HsStmt              id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStoreStmt) stmt = hs_store_db_stmt (self->db, id, &error);

  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  hs_store_bind_text (stmt, 1, self->actor);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

static gboolean
hs_sqlite_repository_can_undo (HsRepository *repo)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);

  return !self->db->read_only && query_flag (self, STMT_ACTION_HAS_DONE);
}

static gboolean
hs_sqlite_repository_can_redo (HsRepository *repo)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);

  return !self->db->read_only && query_flag (self, STMT_ACTION_HAS_UNDONE);
}

/* Reading */

/* Several queries that must see one state of the file: one read
 * transaction (another process may write between them). */
static gboolean
begin_read (HsSqliteRepository  *self,
            GError             **error)
{
  /* Inside a batch the reads see its transaction (and must not end it). */
  if (self->batch != NULL)
    return TRUE;
  return hs_store_db_begin (self->db, FALSE, error);
}

static void
end_read (HsSqliteRepository *self)
{
  /* Nothing was written: ending the read is all a rollback does. */
  if (self->batch == NULL)
    hs_store_db_rollback (self->db);
}

static GPtrArray *
hs_sqlite_repository_list_agreements (HsRepository  *repo,
                                      GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  GPtrArray *agreements;

  if (!begin_read (self, error))
    return NULL;
  agreements = hs_store_list_agreements (self->db, error);
  end_read (self);
  return agreements;
}

static GPtrArray *
hs_sqlite_repository_list_focus_areas (HsRepository  *repo,
                                       gint64         agreement_id,
                                       GError       **error)
{
  return hs_store_list_focus_areas (HS_SQLITE_REPOSITORY (repo)->db, agreement_id, error);
}

static GPtrArray *
hs_sqlite_repository_list_calls (HsRepository  *repo,
                                 gint64         agreement_id,
                                 GError       **error)
{
  return hs_store_list_calls (HS_SQLITE_REPOSITORY (repo)->db, agreement_id, error);
}

static GPtrArray *
hs_sqlite_repository_list_organisations (HsRepository  *repo,
                                         GError       **error)
{
  return hs_store_list_organisations (HS_SQLITE_REPOSITORY (repo)->db, error);
}

static HsProject *
hs_sqlite_repository_load_project (HsRepository  *repo,
                                   gint64         id,
                                   GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  HsProject *project;

  if (!begin_read (self, error))
    return NULL;
  project = hs_store_load_project (self->db, id, error);
  end_read (self);
  return project;
}

static HsProject *
hs_sqlite_repository_load_project_by_code (HsRepository  *repo,
                                           const char    *code,
                                           GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  GError *local_error = NULL;
  HsProject *project = NULL;
  gint64 id;

  g_return_val_if_fail (code != NULL, NULL);

  if (!begin_read (self, error))
    return NULL;
  id = hs_store_project_id_by_code (self->db, code, &local_error);
  if (id != 0)
    project = hs_store_load_project (self->db, id, &local_error);
  else if (local_error == NULL)
    g_set_error (&local_error, HS_CORE_ERROR, HS_CORE_ERROR_NOT_FOUND,
                 _("There is no project with the code “%s”"), code);
  end_read (self);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return project;
}

static gboolean
hs_sqlite_repository_foreach_project (HsRepository   *repo,
                                      HsProjectFunc   func,
                                      gpointer        user_data,
                                      GError        **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autoptr(GPtrArray) projects = NULL;

  g_return_val_if_fail (func != NULL, FALSE);

  if (!begin_read (self, error))
    return FALSE;
  projects = hs_store_load_projects (self->db, HS_LOAD_ALL, 0, error);
  end_read (self);
  if (projects == NULL)
    return FALSE;

  for (guint i = 0; i < projects->len; i++)
    if (!func (g_ptr_array_index (projects, i), user_data))
      break;

  return TRUE;
}

static gboolean
hs_sqlite_repository_get_project_summary (HsRepository      *repo,
                                          gint64             id,
                                          HsProjectSummary  *out,
                                          GError           **error)
{
  return hs_store_get_project_summary (HS_SQLITE_REPOSITORY (repo)->db, id, out, error);
}

static GArray *
hs_sqlite_repository_list_project_summaries (HsRepository  *repo,
                                             GError       **error)
{
  return hs_store_list_project_summaries (HS_SQLITE_REPOSITORY (repo)->db, error);
}

static GArray *
hs_sqlite_repository_list_portfolio_projects (HsRepository  *repo,
                                              GError       **error)
{
  return hs_store_list_portfolio_projects (HS_SQLITE_REPOSITORY (repo)->db, error);
}

static GPtrArray *
hs_sqlite_repository_list_criteria (HsRepository  *repo,
                                    gint64         call_id,
                                    GError       **error)
{
  return hs_store_list_criteria (HS_SQLITE_REPOSITORY (repo)->db, call_id, error);
}

static HsReview *
hs_sqlite_repository_load_review (HsRepository  *repo,
                                  gint64         project_id,
                                  GError       **error)
{
  return hs_store_load_review (HS_SQLITE_REPOSITORY (repo)->db, project_id, error);
}

static GPtrArray *
hs_sqlite_repository_list_call_reviews (HsRepository  *repo,
                                        gint64         call_id,
                                        GError       **error)
{
  return hs_store_list_call_reviews (HS_SQLITE_REPOSITORY (repo)->db, call_id, error);
}

static gboolean
hs_sqlite_repository_save_review (HsRepository  *repo,
                                  HsReview      *review,
                                  HsProject     *project,
                                  const char    *description,
                                  GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  HsStoreTx *tx;

  /* inside a batch (an import that brings reviews): items of its one
   * action; a failure rolls the whole batch back */
  if (self->batch != NULL)
    {
      if ((project != NULL && !hs_store_save_project (self->batch, project, NULL, error))
          || !hs_store_save_review (self->batch, review, error)
          || !batch_log_items (self, error))
        {
          batch_abort (self);
          return FALSE;
        }
      return TRUE;
    }
  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;
  /* the project first: its guard reads the review as it was */
  if ((project != NULL && !hs_store_save_project (tx, project, NULL, error))
      || !hs_store_save_review (tx, review, error))
    {
      abort_action (self, tx);
      return FALSE;
    }
  return commit_action (self, tx, "review", description, review->project_id, error);
}

static HsProposal *
hs_sqlite_repository_load_proposal (HsRepository  *repo,
                                    gint64         call_id,
                                    GError       **error)
{
  return hs_store_load_proposal (HS_SQLITE_REPOSITORY (repo)->db, call_id, error);
}

static gboolean
hs_sqlite_repository_save_proposal (HsRepository  *repo,
                                    HsProposal    *proposal,
                                    const char    *description,
                                    GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  HsStoreTx *tx;

  if (self->batch != NULL)
    {
      if (!hs_store_save_proposal (self->batch, proposal, error) || !batch_log_items (self, error))
        {
          batch_abort (self);
          return FALSE;
        }
      return TRUE;
    }
  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;
  if (!hs_store_save_proposal (tx, proposal, error))
    {
      abort_action (self, tx);
      return FALSE;
    }
  return commit_action (self, tx, "proposal", description, 0, error);
}

static gboolean
hs_sqlite_repository_save_criterion (HsRepository  *repo,
                                     HsCriterion   *criterion,
                                     GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autofree char *description = NULL;
  gboolean created = criterion->id == 0;
  HsStoreTx *tx;

  /* inside a batch (an import that brings its calls' criteria): an item
   * of its one action; a failure rolls the whole batch back */
  if (self->batch != NULL)
    {
      if (!hs_store_save_criterion (self->batch, criterion, error) || !batch_log_items (self, error))
        {
          if (created)
            criterion->id = 0;
          batch_abort (self);
          return FALSE;
        }
      return TRUE;
    }
  tx = begin_action (self, error);
  if (tx == NULL)
    return FALSE;
  if (!hs_store_save_criterion (tx, criterion, error))
    {
      if (created)
        criterion->id = 0;
      abort_action (self, tx);
      return FALSE;
    }
  description = created ? g_strdup_printf (_("Add the criterion “%s”"), criterion->key)
                        : g_strdup_printf (_("Edit the criterion “%s”"), criterion->key);
  if (!commit_action (self, tx, "criterion", description, 0, error))
    {
      if (created)
        criterion->id = 0;
      return FALSE;
    }
  return TRUE;
}

static gboolean
hs_sqlite_repository_delete_criterion (HsRepository  *repo,
                                       gint64         id,
                                       GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repo);
  g_autofree char *description = NULL;
  HsStoreTx *tx = begin_action (self, error);

  if (tx == NULL)
    return FALSE;
  if (!hs_store_delete_criterion (tx, id, error))
    {
      abort_action (self, tx);
      return FALSE;
    }
  description = g_strdup (_("Delete a criterion"));
  return commit_action (self, tx, "criterion", description, 0, error);
}

gboolean
hs_sqlite_repository_add_eu_parts (HsSqliteRepository *self,
                                   HsDimension         by,
                                   gint64              agreement_id,
                                   GArray             *rows,
                                   GError            **error)
{
  g_return_val_if_fail (HS_IS_SQLITE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  return hs_store_add_eu_parts (self->db, by, agreement_id, rows, error);
}

gboolean
hs_sqlite_repository_add_project_eu_parts (HsSqliteRepository *self,
                                           GArray             *summaries,
                                           GError            **error)
{
  g_return_val_if_fail (HS_IS_SQLITE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (summaries != NULL, FALSE);

  return hs_store_add_project_eu_parts (self->db, summaries, error);
}

static GArray *
hs_sqlite_repository_summarise (HsRepository  *repo,
                                HsDimension    by,
                                gint64         agreement_id,
                                GError       **error)
{
  return hs_store_summarise (HS_SQLITE_REPOSITORY (repo)->db, by, agreement_id, error);
}

static GArray *
hs_sqlite_repository_list_organisation_roles (HsRepository  *repo,
                                              GError       **error)
{
  return hs_store_list_organisation_roles (HS_SQLITE_REPOSITORY (repo)->db, error);
}

/* A connection of its own, read-only, for a worker thread: the path never
 * changes after open, and opening touches nothing else of this object. */
static HsRepository *
hs_sqlite_repository_open_reader (HsRepository  *repository,
                                  GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repository);

  return HS_REPOSITORY (hs_sqlite_repository_open (self->db->path, HS_OPEN_READ_ONLY, error));
}

/* A connection of its own that may write, for a worker thread, logging its
 * actions as this connection's actor: they are this repository's to undo.
 * The path and the actor never change after open. */
static HsRepository *
hs_sqlite_repository_open_writer (HsRepository  *repository,
                                  GError       **error)
{
  HsSqliteRepository *self = HS_SQLITE_REPOSITORY (repository);
  HsSqliteRepository *writer;

  if (self->db->read_only)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                   _("“%s” was opened read-only"), self->db->path);
      return NULL;
    }
  writer = hs_sqlite_repository_open (self->db->path, HS_OPEN_DEFAULT, error);
  if (writer == NULL)
    return NULL;
  g_free (writer->actor);
  writer->actor = g_strdup (self->actor);
  return HS_REPOSITORY (writer);
}

static gboolean watch_cb (gpointer user_data);

/* What a writer (or another program) committed: "changed" now, not at the
 * watch's next look. */
static void
hs_sqlite_repository_refresh (HsRepository *repository)
{
  watch_cb (repository);
}

static void
hs_sqlite_repository_iface_init (HsRepositoryInterface *iface)
{
  iface->list_agreements = hs_sqlite_repository_list_agreements;
  iface->list_focus_areas = hs_sqlite_repository_list_focus_areas;
  iface->list_calls = hs_sqlite_repository_list_calls;
  iface->list_organisations = hs_sqlite_repository_list_organisations;
  iface->load_project = hs_sqlite_repository_load_project;
  iface->load_project_by_code = hs_sqlite_repository_load_project_by_code;
  iface->save_project = hs_sqlite_repository_save_project;
  iface->save_projects = hs_sqlite_repository_save_projects;
  iface->delete_project = hs_sqlite_repository_delete_project;
  iface->save_organisation = hs_sqlite_repository_save_organisation;
  iface->save_call = hs_sqlite_repository_save_call;
  iface->delete_call = hs_sqlite_repository_delete_call;
  iface->foreach_project = hs_sqlite_repository_foreach_project;
  iface->list_project_summaries = hs_sqlite_repository_list_project_summaries;
  iface->list_portfolio_projects = hs_sqlite_repository_list_portfolio_projects;
  iface->list_criteria = hs_sqlite_repository_list_criteria;
  iface->load_review = hs_sqlite_repository_load_review;
  iface->save_review = hs_sqlite_repository_save_review;
  iface->list_call_reviews = hs_sqlite_repository_list_call_reviews;
  iface->load_proposal = hs_sqlite_repository_load_proposal;
  iface->save_proposal = hs_sqlite_repository_save_proposal;
  iface->save_criterion = hs_sqlite_repository_save_criterion;
  iface->delete_criterion = hs_sqlite_repository_delete_criterion;
  iface->get_project_summary = hs_sqlite_repository_get_project_summary;
  iface->summarise = hs_sqlite_repository_summarise;
  iface->can_undo = hs_sqlite_repository_can_undo;
  iface->can_redo = hs_sqlite_repository_can_redo;
  iface->undo = hs_sqlite_repository_undo;
  iface->redo = hs_sqlite_repository_redo;
  iface->list_organisation_roles = hs_sqlite_repository_list_organisation_roles;
  iface->begin_batch = hs_sqlite_repository_begin_batch;
  iface->commit_batch = hs_sqlite_repository_commit_batch;
  iface->abort_batch = hs_sqlite_repository_abort_batch;
  iface->open_reader = hs_sqlite_repository_open_reader;
  iface->open_writer = hs_sqlite_repository_open_writer;
  iface->refresh = hs_sqlite_repository_refresh;
}

/* Public API */

/**
 * hs_sqlite_repository_open:
 * @path: the database file
 * @flags: #HsOpenFlags
 * @error: return location for a #GError (HS_STORE_ERROR)
 *
 * Returns: (transfer full) (nullable): the repository, or %NULL with @error set
 */
HsSqliteRepository *
hs_sqlite_repository_open (const char   *path,
                           HsOpenFlags   flags,
                           GError      **error)
{
  HsSqliteRepository *self;
  HsStoreDb *db;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = hs_store_open (path, flags, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (HS_TYPE_SQLITE_REPOSITORY, NULL);
  self->db = db;
  /* what other connections commit from now on is a change (refresh, watch) */
  if (!hs_store_db_query_int (self->db, "PRAGMA data_version", &self->data_version, NULL))
    self->data_version = 0;
  return self;
}

const char *
hs_sqlite_repository_get_path (HsSqliteRepository *self)
{
  g_return_val_if_fail (HS_IS_SQLITE_REPOSITORY (self), NULL);

  return self->db->path;
}

int
hs_sqlite_repository_get_schema_version (HsSqliteRepository *self)
{
  gint64 version = 0;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HS_IS_SQLITE_REPOSITORY (self), 0);

  if (!hs_store_db_query_int (self->db, "PRAGMA user_version", &version, &error))
    {
      g_warning ("%s", error->message);
      return 0;
    }
  return (int) version;
}

gboolean
hs_sqlite_repository_check_integrity (HsSqliteRepository  *self,
                                      GError             **error)
{
  g_return_val_if_fail (HS_IS_SQLITE_REPOSITORY (self), FALSE);

  return hs_store_check_integrity (self->db, TRUE, error)
      && hs_store_check_foreign_keys (self->db, error);
}

void
hs_action_info_clear (HsActionInfo *info)
{
  g_clear_pointer (&info->created, g_free);
  g_clear_pointer (&info->actor, g_free);
  g_clear_pointer (&info->description, g_free);
}

GArray *
hs_sqlite_repository_list_actions (HsSqliteRepository  *self,
                                   GError             **error)
{
  g_autoptr(GArray) actions = g_array_new (FALSE, TRUE, sizeof (HsActionInfo));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (HS_IS_SQLITE_REPOSITORY (self), NULL);
  g_array_set_clear_func (actions, (GDestroyNotify) hs_action_info_clear);

  rc = sqlite3_prepare_v2 (self->db->db,
                           "SELECT seq, created, actor, description, undone FROM action_log ORDER BY seq DESC",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsActionInfo info = { 0 };

      rc = SQLITE_OK;
      info.seq = sqlite3_column_int64 (stmt, 0);
      info.created = hs_store_column_dup (stmt, 1);
      info.actor = hs_store_column_dup (stmt, 2);
      info.description = hs_store_column_dup (stmt, 3);
      info.undone = sqlite3_column_int (stmt, 4) != 0;
      info.mine = g_strcmp0 (info.actor, self->actor) == 0;
      g_array_append_val (actions, info);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      hs_store_db_set_error (self->db, rc, error, _("Reading the action log failed"));
      return NULL;
    }
  return g_steal_pointer (&actions);
}

void
hs_sqlite_repository_set_busy_timeout (HsSqliteRepository *self,
                                       guint               ms)
{
  g_return_if_fail (HS_IS_SQLITE_REPOSITORY (self));
  sqlite3_busy_timeout (self->db->db, (int) MIN (ms, (guint) G_MAXINT));
}

const char *
hs_sqlite_repository_get_actor (HsSqliteRepository *self)
{
  g_return_val_if_fail (HS_IS_SQLITE_REPOSITORY (self), NULL);
  return self->actor;
}

static gboolean
watch_cb (gpointer user_data)
{
  HsSqliteRepository *self = user_data;
  gint64 version;

  if (self->batch != NULL)
    return G_SOURCE_CONTINUE;
  if (!hs_store_db_query_int (self->db, "PRAGMA data_version", &version, NULL))
    return G_SOURCE_CONTINUE;   /* busy or gone for a moment: next time */
  if (version != self->data_version)
    {
      self->data_version = version;
      g_debug ("Another program changed “%s”", self->db->path);
      g_signal_emit_by_name (self, "changed");
    }
  return G_SOURCE_CONTINUE;
}

void
hs_sqlite_repository_check_changed (HsSqliteRepository *self)
{
  g_return_if_fail (HS_IS_SQLITE_REPOSITORY (self));
  watch_cb (self);
}

void
hs_sqlite_repository_watch (HsSqliteRepository *self,
                            guint               interval_ms)
{
  g_return_if_fail (HS_IS_SQLITE_REPOSITORY (self));

  g_clear_handle_id (&self->watch_source, g_source_remove);
  if (interval_ms == 0)
    return;
  if (!hs_store_db_query_int (self->db, "PRAGMA data_version", &self->data_version, NULL))
    self->data_version = 0;
  self->watch_source = g_timeout_add (interval_ms, watch_cb, self);
}

gboolean
hs_sqlite_repository_backup (HsSqliteRepository  *self,
                             const char          *dest,
                             GError             **error)
{
  g_return_val_if_fail (HS_IS_SQLITE_REPOSITORY (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                   _("“%s” exists already; a backup never replaces a file, choose another name"), dest);
      return FALSE;
    }
  return hs_store_db_backup_to (self->db, dest, error);
}

gboolean
hs_sqlite_restore (const char  *path,
                   const char  *source,
                   char       **kept,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *copy = NULL;
  HsStoreDb *from;
  HsStoreDb *to;
  gboolean ok;

  g_return_val_if_fail (path != NULL && source != NULL, FALSE);
  if (kept != NULL)
    *kept = NULL;

  /* what the file to restore is: a whole Hankesalkku database */
  from = hs_store_open (source, HS_OPEN_READ_ONLY, &local_error);
  if (from == NULL && g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY))
    {
      /* an older schema: it is upgraded once it is in place */
      g_clear_error (&local_error);
      from = hs_store_db_new (source, SQLITE_OPEN_READONLY, &local_error);
    }
  if (from == NULL || !hs_store_check_integrity (from, TRUE, &local_error))
    {
      g_set_error (error, HS_STORE_ERROR,
                   local_error != NULL ? local_error->code : HS_STORE_ERROR_OPEN,
                   _("Nothing was restored: %s"), local_error != NULL ? local_error->message : source);
      hs_store_db_free (from);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

      copy = g_strdup_printf ("%s.before-restore-%s", path, stamp);
      /* what is replaced is kept */
      to = hs_store_open (path, HS_OPEN_DEFAULT, &local_error);
      if (to == NULL && g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_CORRUPT))
        {
          /* A damaged file is kept as it is, with its "-wal", and the copy
           * takes its place; its "-shm" is only an index of the "-wal". */
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);
          g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);

          g_clear_error (&local_error);
          if (g_file_test (copy, G_FILE_TEST_EXISTS) || g_rename (path, copy) != 0
              || (g_file_test (wal, G_FILE_TEST_EXISTS) && g_rename (wal, copy_wal) != 0))
            {
              int saved_errno = errno;
              g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                           _("Nothing was restored: the damaged database could not be kept as “%s”: %s"),
                           copy, g_strerror (saved_errno));
              hs_store_db_free (from);
              return FALSE;
            }
          g_unlink (shm);
          ok = hs_store_db_backup_to (from, path, &local_error);
          hs_store_db_free (from);
          from = NULL;
          goto copied;
        }
      if (to == NULL)
        {
          g_set_error (error, HS_STORE_ERROR, local_error->code,
                       _("Nothing was restored: %s"), local_error->message);
          hs_store_db_free (from);
          return FALSE;
        }
      if (g_file_test (copy, G_FILE_TEST_EXISTS) || !hs_store_db_backup_to (to, copy, &local_error))
        {
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_OPEN,
                       _("Nothing was restored: the current database could not be kept as “%s”: %s"),
                       copy, local_error != NULL ? local_error->message : _("the file exists"));
          hs_store_db_free (to);
          hs_store_db_free (from);
          return FALSE;
        }
      ok = hs_store_db_copy_from (to, from, &local_error);
      hs_store_db_free (to);
    }
  else
    ok = hs_store_db_backup_to (from, path, &local_error);
  hs_store_db_free (from);

copied:
  if (!ok)
    {
      g_set_error (error, HS_STORE_ERROR, local_error->code,
                   _("Nothing was restored: %s"), local_error->message);
      return FALSE;
    }

  /* open it once for writing: an older copy is upgraded, and checked */
  to = hs_store_open (path, HS_OPEN_DEFAULT, error);
  if (to == NULL)
    return FALSE;
  hs_store_db_free (to);

  if (kept != NULL)
    *kept = g_steal_pointer (&copy);
  return TRUE;
}

int
hs_sqlite_schema_version (void)
{
  return hs_store_schema_latest ();
}

char *
hs_default_database_path (void)
{
  const char *path = g_getenv ("HANKESALKKU_DB");

  if (path != NULL && path[0] != '\0')
    return g_strdup (path);
  return g_build_filename (g_get_user_data_dir (), "hankesalkku", "portfolio.db", NULL);
}

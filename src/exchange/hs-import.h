/* hs-import.h — importing a native file: a preview, then all of it or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   g_autoptr(HsImportPreview) preview =
 *     hs_import_preview_new (repository, path, progress, data, cancellable, &error);
 *   ... show hs_import_preview_get_item (preview, i) for each item ...
 *   hs_import_preview_apply (preview, HS_IMPORT_STRICT, cancellable, &error);
 *
 * Making the preview reads and validates the whole file (streaming, with
 * the schema) and changes nothing. Each project of the file becomes an
 * item: new, changed (with the changed fields' old and new values),
 * unchanged, or a conflict (the code is used by a project of another
 * agreement or with another main implementer; applying replaces it unless
 * the item is skipped), with the project's rule findings in the target
 * database (its call and focus area there).
 *
 * References are by name: agreements by region name, focus areas and calls
 * by name within the agreement; a name the database lacks refuses the
 * file, except a call that the file defines in its reference section
 * (format version 2): the import creates that call, in the same batch as
 * the projects, and the preview lists it. A call the file defines with
 * other values than the database's call of the same name keeps the
 * database's; the preview lists it with the fields that differ. Organisations are matched by Y-tunnus, and by exact name only when
 * they have none, so the same organisation in ten files stays one record.
 *
 * Applying saves every new, changed and conflicting item that is not
 * skipped as one repository batch (hs_repository_begin_batch()): one
 * transaction, one undoable action, all or nothing. If the repository
 * changed after the preview was made, apply refuses
 * (HS_EXCHANGE_ERROR_STALE): make a new preview. Use the preview on the
 * thread that owns the repository.
 *
 * Format version 3 brings reviews and proposals: each project's review
 * replaces the stored one and each call's proposal the stored one, in the
 * same batch (hs_repository_save_review () and _save_proposal () are items
 * of the batch's action), and the calls' own criteria the database lacks
 * are added. A score's criterion must be the programme's or the call's
 * (in the database or the file), else the file is refused (the key and
 * the line named). A decided project's review is written before the
 * project when the project is stored already (so that the decision the
 * file brings unlocks the approved content) and after it when it is new.
 * A repository without reviews imports the projects only.
 *
 * Memory stays flat in the file's size: the preview keeps the items, not
 * the projects, and apply reads the file a second time (streaming again)
 * and saves it in chunks. The file must not change in between: apply
 * compares its size, modification time and SHA-256 with the preview's
 * and refuses a changed file (HS_EXCHANGE_ERROR_STALE, nothing saved).
 *
 * A cancel of apply's cancellable (from any thread) stops the read and the
 * saving within a chunk and rolls the batch back (G_IO_ERROR_CANCELLED,
 * nothing saved) until the commit begins; a cancel after that is too late
 * and apply succeeds.
 */
#pragma once

#include <gio/gio.h>

#include "core/hs-repository.h"
#include "core/hs-validate.h"
#include "hs-exchange.h"

G_BEGIN_DECLS

typedef enum
{
  HS_IMPORT_NEW,
  HS_IMPORT_CHANGED,
  HS_IMPORT_UNCHANGED,
  HS_IMPORT_CONFLICT,
} HsImportAction;

typedef enum
{
  HS_IMPORT_FLAGS_NONE = 0,
  HS_IMPORT_STRICT     = 1 << 0,  /* refuse when any project has error findings */
} HsImportFlags;

typedef struct
{
  char *field;      /* stable path: "name-fi", "status", "implementers/0201256-6/costs/staff/2024" */
  char *label;      /* for people: "Name (Finnish)", "Helsingin kaupunki: staff costs 2024" */
  char *old_value;  /* formatted for people; "" when there was none */
  char *new_value;
} HsImportChange;

typedef struct
{
  char           *code;
  char           *name;       /* display name from the file */
  guint           line;       /* of the project's start tag */
  HsImportAction  action;
  char           *conflict;   /* why, for HS_IMPORT_CONFLICT; else NULL */
  GPtrArray      *changes;    /* of HsImportChange*; empty for new and unchanged */
  GPtrArray      *findings;   /* of HsFinding*, the funding rules in this database */
  guint           errors;     /* findings with severity error */
  gboolean        skip;       /* not applied (hs_import_preview_set_skip) */
  gboolean        totals_ok;  /* FALSE when the file's sums overflow (a finding says so) */
  gint64          total_costs; /* the file's project: its total costs, cents */
  gint64          eu_state;   /* and its EU and state support */
  /* format version 3: what the file brings of the project's review, for
   * people ("2 scores, 1 decision (granted 100 000,00 €)"); NULL when the
   * file has no review of it */
  char           *review;
  gboolean        review_changed; /* it differs from the stored review */
} HsImportItem;

/* An organisation of the file whose business ID is a stored organisation's
 * but whose name, type, municipality or foreign flag differ. Importing
 * would change that organisation in every project that has it, so the
 * user chooses (hs_import_preview_set_org_policy). */
typedef struct
{
  char  *business_id;
  char  *stored_name;
  char  *file_name;
  char  *differences;  /* for people: "name: Turun kaupunki → Porin kaupunki" */
  char  *code;         /* the first project of the file that has it */
  guint  line;
} HsImportOrgConflict;

/* A call of the file's reference section that the import creates, or
 * that differs from the stored call of the same name (which is kept). */
typedef struct
{
  char     *agreement;     /* the agreement's region name */
  char     *name;          /* the call's name in the file (Finnish) */
  char     *display_name;  /* in the user's language */
  gboolean  is_new;        /* TRUE: created by apply */
  char     *differences;   /* is_new FALSE: the format's attributes that differ,
                            * "max-city-bp, description"; NULL when new */
} HsImportCall;

typedef enum
{
  HS_IMPORT_ORGS_ASK,   /* the default: apply refuses while there are conflicts */
  HS_IMPORT_ORGS_KEEP,  /* keep the stored organisations as they are */
  HS_IMPORT_ORGS_TAKE,  /* take the file's names and fields */
} HsImportOrgPolicy;

typedef struct _HsImportPreview HsImportPreview;

HsImportPreview    *hs_import_preview_new        (HsRepository           *repository,
                                                  const char             *path,
                                                  HsExchangeProgressFunc  progress,
                                                  gpointer                progress_data,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
void                hs_import_preview_free       (HsImportPreview        *preview);

const char         *hs_import_preview_get_path   (HsImportPreview        *preview);
guint               hs_import_preview_get_n_items (HsImportPreview       *preview);
const HsImportItem *hs_import_preview_get_item   (HsImportPreview        *preview,
                                                  guint                   index);
/* How many items have this action. */
guint               hs_import_preview_count      (HsImportPreview        *preview,
                                                  HsImportAction          action);
/* Projects with at least one error finding. */
guint               hs_import_preview_count_failing (HsImportPreview     *preview);
guint               hs_import_preview_get_n_org_conflicts (HsImportPreview *preview);
const HsImportOrgConflict *hs_import_preview_get_org_conflict (HsImportPreview *preview,
                                                               guint            index);
void                hs_import_preview_set_org_policy (HsImportPreview   *preview,
                                                      HsImportOrgPolicy  policy);
HsImportOrgPolicy   hs_import_preview_get_org_policy (HsImportPreview   *preview);
/* The calls of the file that are new or differ (file order). */
guint               hs_import_preview_get_n_calls (HsImportPreview       *preview);
const HsImportCall *hs_import_preview_get_call   (HsImportPreview        *preview,
                                                  guint                   index);
/* How many items bring a review that differs from the stored one, and how
 * many of the file's proposals apply saves. */
guint               hs_import_preview_count_reviews (HsImportPreview     *preview);
guint               hs_import_preview_count_proposals (HsImportPreview   *preview);
/* How many calls apply creates. */
guint               hs_import_preview_count_new_calls (HsImportPreview   *preview);
void                hs_import_preview_set_skip   (HsImportPreview        *preview,
                                                  guint                   index,
                                                  gboolean                skip);
/* The progress of apply's read of the file (bytes), like the preview's;
 * NULL (the default) for none. progress_data must live until apply ends. */
void                hs_import_preview_set_apply_progress (HsImportPreview        *preview,
                                                          HsExchangeProgressFunc  progress,
                                                          gpointer                progress_data);
/* Saves the preview's projects (see above). *n_saved (may be NULL) gets
 * how many. Errors: HS_EXCHANGE_ERROR_RULES (strict and a project has
 * error findings), _STALE (the database or the file changed), or the
 * repository's; nothing is changed then. */
gboolean            hs_import_preview_apply      (HsImportPreview        *preview,
                                                  HsImportFlags           flags,
                                                  GCancellable           *cancellable,
                                                  guint                  *n_saved,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsImportPreview, hs_import_preview_free)

G_END_DECLS

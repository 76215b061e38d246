/* hs-import.c — importing a native file: a preview, then all of it or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two streaming reads, so that memory does not grow with the file: the
 * preview keeps per project only its item (code, name, action, changed
 * fields as strings, findings), never the project; apply reads the file
 * again and saves its projects in chunks of IMPORT_CHUNK inside one
 * repository batch (one transaction, one action). The first read notes the
 * file's size, modification time and SHA-256; apply refuses a file whose
 * size or time differ, and rolls the batch back when the second read's
 * checksum (complete only at its end) does not match.
 */
#define G_LOG_DOMAIN "hs-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "core/hs-project-diff.h"
#include "hs-exchange-error.h"
#include "hs-import.h"
#include "hs-native-reader.h"

/* Projects per save_projects() call of apply. */
#define IMPORT_CHUNK 500

struct _HsImportPreview
{
  HsRepository *repository;
  gulong        changed_id;
  gboolean      stale;
  char         *path;
  HsLang        lang;
  GPtrArray    *items;      /* HsImportItem*, in file order */
  GPtrArray    *no_changes; /* the empty changes array new items share */

  /* the file as the preview read it */
  goffset       size;
  gint64        mtime;      /* microseconds */
  char         *checksum;   /* SHA-256, hex */

  HsExchangeProgressFunc apply_progress;
  gpointer               apply_progress_data;

  /* the database's reference data while the preview is made */
  GPtrArray    *agreements;
  GPtrArray    *focus_areas;
  GPtrArray    *calls;
  GPtrArray    *organisations;
  GHashTable   *orgs_by_business_id;  /* business id → HsOrganisation* */
  GHashTable   *orgs_by_name;         /* name → HsOrganisation* (those without business id) */
  GHashTable   *existing;             /* code → project id */

  /* the file's calls: new ones and those that differ from the stored ones */
  gboolean      calls_checked;        /* once the reference section is read */
  GPtrArray    *file_calls;           /* HsImportCall*, in file order */
  GPtrArray    *new_calls;            /* HsCall* to create: agreement_id the database's,
                                       * id -(index + 1) until apply saves it */
  GArray       *new_call_ids;         /* gint64 per new call: its id once saved */

  /* organisations that differ from the stored ones with their business ID */
  GPtrArray    *org_conflicts;        /* HsImportOrgConflict*, in file order */
  GHashTable   *org_conflict_ids;     /* stored organisation ids seen */
  HsImportOrgPolicy org_policy;
  gboolean      applying;             /* the apply pass is reading */

  /* format version 3 */
  gboolean      reviews;              /* the repository keeps reviews */
  GHashTable   *criteria_by_call;     /* call id (0: the programme's) → (key → criterion id) */
  GPtrArray    *file_criteria;        /* FileCriterion*: the calls' own of the file */
  GPtrArray    *file_proposals;       /* FileProposal* */
  gboolean      criteria_copied;      /* once the reference section is read */
};

/* A call's own criterion or proposal of the file, with its call's names. */
typedef struct
{
  HsCriterion *criterion;
  char        *agreement;
  char        *call;
  gint64       file_call_id;
  guint        line;
} FileCriterion;

typedef struct
{
  char       *agreement;
  char       *call;
  GDate       meeting;
  GArray     *items;                  /* HsNativeProposalItem, copies */
  guint       line;
  gboolean    differs;                /* from the stored proposal (the preview's look) */
} FileProposal;

static void
file_criterion_free (FileCriterion *fc)
{
  hs_criterion_free (fc->criterion);
  g_free (fc->agreement);
  g_free (fc->call);
  g_free (fc);
}

static void
proposal_item_clear (gpointer data)
{
  HsNativeProposalItem *item = data;

  g_free (item->code);
  g_free (item->reason);
}

static void
file_proposal_free (FileProposal *fp)
{
  g_free (fp->agreement);
  g_free (fp->call);
  g_array_unref (fp->items);
  g_free (fp);
}

static void
org_conflict_free (HsImportOrgConflict *conflict)
{
  g_free (conflict->business_id);
  g_free (conflict->stored_name);
  g_free (conflict->file_name);
  g_free (conflict->differences);
  g_free (conflict->code);
  g_free (conflict);
}

static void
import_call_free (HsImportCall *call)
{
  g_free (call->agreement);
  g_free (call->name);
  g_free (call->display_name);
  g_free (call->differences);
  g_free (call);
}

static void
change_free (HsImportChange *change)
{
  g_free (change->field);
  g_free (change->label);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static void
item_free (HsImportItem *item)
{
  g_free (item->code);
  g_free (item->name);
  g_free (item->conflict);
  /* an item refused half-made (the stored project could not be read) has
   * neither yet */
  g_clear_pointer (&item->changes, g_ptr_array_unref);
  g_clear_pointer (&item->findings, g_ptr_array_unref);
  g_free (item->review);
  g_free (item);
}

void
hs_import_preview_free (HsImportPreview *preview)
{
  if (preview == NULL)
    return;
  if (preview->changed_id != 0)
    g_signal_handler_disconnect (preview->repository, preview->changed_id);
  g_clear_object (&preview->repository);
  g_free (preview->path);
  g_free (preview->checksum);
  g_clear_pointer (&preview->items, g_ptr_array_unref);
  g_clear_pointer (&preview->org_conflicts, g_ptr_array_unref);
  g_clear_pointer (&preview->org_conflict_ids, g_hash_table_unref);
  g_clear_pointer (&preview->no_changes, g_ptr_array_unref);
  g_clear_pointer (&preview->agreements, g_ptr_array_unref);
  g_clear_pointer (&preview->focus_areas, g_ptr_array_unref);
  g_clear_pointer (&preview->calls, g_ptr_array_unref);
  g_clear_pointer (&preview->organisations, g_ptr_array_unref);
  g_clear_pointer (&preview->orgs_by_business_id, g_hash_table_unref);
  g_clear_pointer (&preview->orgs_by_name, g_hash_table_unref);
  g_clear_pointer (&preview->existing, g_hash_table_unref);
  g_clear_pointer (&preview->file_calls, g_ptr_array_unref);
  g_clear_pointer (&preview->new_calls, g_ptr_array_unref);
  g_clear_pointer (&preview->new_call_ids, g_array_unref);
  g_clear_pointer (&preview->criteria_by_call, g_hash_table_unref);
  g_clear_pointer (&preview->file_criteria, g_ptr_array_unref);
  g_clear_pointer (&preview->file_proposals, g_ptr_array_unref);
  g_free (preview);
}

const char *
hs_import_preview_get_path (HsImportPreview *preview)
{
  return preview->path;
}

guint
hs_import_preview_get_n_items (HsImportPreview *preview)
{
  return preview->items->len;
}

const HsImportItem *
hs_import_preview_get_item (HsImportPreview *preview,
                            guint            index)
{
  g_return_val_if_fail (index < preview->items->len, NULL);
  return g_ptr_array_index (preview->items, index);
}

guint
hs_import_preview_count (HsImportPreview *preview,
                         HsImportAction   action)
{
  guint n = 0;

  for (guint i = 0; i < preview->items->len; i++)
    if (((HsImportItem *) g_ptr_array_index (preview->items, i))->action == action)
      n++;
  return n;
}

guint
hs_import_preview_count_failing (HsImportPreview *preview)
{
  guint n = 0;

  for (guint i = 0; i < preview->items->len; i++)
    if (((HsImportItem *) g_ptr_array_index (preview->items, i))->errors > 0)
      n++;
  return n;
}

guint
hs_import_preview_get_n_calls (HsImportPreview *preview)
{
  g_return_val_if_fail (preview != NULL, 0);
  return preview->file_calls->len;
}

const HsImportCall *
hs_import_preview_get_call (HsImportPreview *preview,
                            guint            index)
{
  g_return_val_if_fail (preview != NULL && index < preview->file_calls->len, NULL);
  return g_ptr_array_index (preview->file_calls, index);
}

guint
hs_import_preview_count_reviews (HsImportPreview *preview)
{
  guint n = 0;

  g_return_val_if_fail (preview != NULL, 0);
  for (guint i = 0; i < preview->items->len; i++)
    if (((HsImportItem *) g_ptr_array_index (preview->items, i))->review_changed)
      n++;
  return n;
}

guint
hs_import_preview_count_proposals (HsImportPreview *preview)
{
  guint n = 0;

  g_return_val_if_fail (preview != NULL, 0);
  for (guint i = 0; preview->reviews && i < preview->file_proposals->len; i++)
    if (((FileProposal *) g_ptr_array_index (preview->file_proposals, i))->differs)
      n++;
  return n;
}

guint
hs_import_preview_count_new_calls (HsImportPreview *preview)
{
  g_return_val_if_fail (preview != NULL, 0);
  return preview->new_calls->len;
}

void
hs_import_preview_set_skip (HsImportPreview *preview,
                            guint            index,
                            gboolean         skip)
{
  g_return_if_fail (index < preview->items->len);
  ((HsImportItem *) g_ptr_array_index (preview->items, index))->skip = skip;
}

void
hs_import_preview_set_apply_progress (HsImportPreview        *preview,
                                      HsExchangeProgressFunc  progress,
                                      gpointer                progress_data)
{
  g_return_if_fail (preview != NULL);
  preview->apply_progress = progress;
  preview->apply_progress_data = progress_data;
}

/* ---- differences -------------------------------------------------------- */

typedef struct
{
  GPtrArray *changes;
  HsLang     lang;
} Diff;

static void
add_change (Diff       *diff,
            char       *field,      /* transfer full */
            char       *label,      /* transfer full */
            const char *old_value,
            const char *new_value)
{
  HsImportChange *change = g_new0 (HsImportChange, 1);

  change->field = field;
  change->label = label;
  change->old_value = g_strdup (old_value != NULL ? old_value : "");
  change->new_value = g_strdup (new_value != NULL ? new_value : "");
  g_ptr_array_add (diff->changes, change);
}

static void
diff_text (Diff       *diff,
           const char *field,
           const char *label,
           const char *a,
           const char *b)
{
  if (a != NULL && *a == '\0')
    a = NULL;
  if (b != NULL && *b == '\0')
    b = NULL;
  if (g_strcmp0 (a, b) != 0)
    add_change (diff, g_strdup (field), g_strdup (label), a, b);
}

static void
diff_money (Diff       *diff,
            char       *field,
            char       *label,
            gint64      a,
            gint64      b)
{
  if (a != b)
    {
      g_autofree char *x = a != 0 ? hs_money_format (a, diff->lang) : NULL;
      g_autofree char *y = b != 0 ? hs_money_format (b, diff->lang) : NULL;
      add_change (diff, field, label, x, y);
    }
  else
    {
      g_free (field);
      g_free (label);
    }
}

static void
diff_date (Diff        *diff,
           const char  *field,
           const char  *label,
           const GDate *a,
           const GDate *b)
{
  gboolean va = g_date_valid (a), vb = g_date_valid (b);

  if (va != vb || (va && g_date_compare (a, b) != 0))
    {
      g_autofree char *x = hs_date_format (a, diff->lang);
      g_autofree char *y = hs_date_format (b, diff->lang);
      add_change (diff, g_strdup (field), g_strdup (label), x, y);
    }
}

static const char *
ref_name (GPtrArray *items,
          gint64     id,
          gsize      name_offset)
{
  for (guint i = 0; id != 0 && i < items->len; i++)
    {
      gint64 *item = g_ptr_array_index (items, i);
      if (*item == id)
        return G_STRUCT_MEMBER (const char *, item, name_offset);
    }
  return NULL;
}

/* A call as people know it (an agreement's default call in their language). */
static char *
call_name (HsImportPreview *preview,
           gint64           id)
{
  for (guint i = 0; id != 0 && i < preview->calls->len; i++)
    {
      const HsCall *call = g_ptr_array_index (preview->calls, i);
      if (call->id == id)
        return hs_call_dup_display_name (call, preview->lang);
    }
  /* a call the import creates */
  if (id < 0 && (guint64) -id <= preview->new_calls->len)
    return hs_call_dup_display_name (g_ptr_array_index (preview->new_calls, -id - 1), preview->lang);
  return NULL;
}

static char *
org_key (const HsOrganisation *org)
{
  if (org == NULL)
    return g_strdup ("");
  if (org->business_id != NULL && *org->business_id != '\0')
    return g_strdup (org->business_id);
  return g_strdup (org->name != NULL ? org->name : "");
}

/* The key of the implementer at index: its organisation's key, with
 * "#2", "#3" … when the same organisation takes part more than once. */
static char *
implementer_key (const HsProject *project,
                 guint            index)
{
  const HsImplementer *impl = g_ptr_array_index (project->implementers, index);
  g_autofree char *key = org_key (impl->organisation);
  guint occurrence = 1;

  for (guint i = 0; i < index; i++)
    {
      const HsImplementer *other = g_ptr_array_index (project->implementers, i);
      g_autofree char *k = org_key (other->organisation);
      if (g_str_equal (k, key))
        occurrence++;
    }
  if (occurrence == 1)
    return g_steal_pointer (&key);
  return g_strdup_printf ("%s#%u", key, occurrence);
}

static HsImplementer *
find_implementer (const HsProject *project,
                  const char      *key)
{
  for (guint i = 0; i < project->implementers->len; i++)
    {
      g_autofree char *k = implementer_key (project, i);
      if (g_str_equal (k, key))
        return g_ptr_array_index (project->implementers, i);
    }
  return NULL;
}

static gint64
line_amount (const HsImplementer *impl,
             HsCostCategory       category,
             int                  year,
             gboolean             derived)
{
  for (guint i = 0; impl != NULL && i < impl->budget->len; i++)
    {
      const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, i);
      if (line->category == category && line->year == year && !line->derived == !derived)
        return line->amount;
    }
  return 0;
}

static int
compare_int64 (gconstpointer x,
               gconstpointer y)
{
  gint64 u = *(const gint64 *) x, v = *(const gint64 *) y;

  return (u > v) - (u < v);
}

static void
diff_implementer (Diff                *diff,
                  const char          *key,
                  const HsImplementer *a,
                  const HsImplementer *b)
{
  const HsOrganisation *oa = a->organisation, *ob = b->organisation;
  const char *who = ob != NULL && ob->name != NULL ? ob->name : key;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!a->is_main != !b->is_main)
    add_change (diff, g_strdup_printf ("implementers/%s/role", key),
                g_strdup_printf (_("%s: role"), who),
                a->is_main ? _("main implementer") : _("partial implementer"),
                b->is_main ? _("main implementer") : _("partial implementer"));
  if (oa != NULL && ob != NULL)
    {
      if (g_strcmp0 (oa->name, ob->name) != 0)
        add_change (diff, g_strdup_printf ("implementers/%s/organisation/name", key),
                    g_strdup_printf (_("%s: organisation name"), who), oa->name, ob->name);
      if (oa->type != ob->type)
        add_change (diff, g_strdup_printf ("implementers/%s/organisation/type", key),
                    g_strdup_printf (_("%s: organisation type"), who),
                    hs_org_type_label (oa->type), hs_org_type_label (ob->type));
      if (g_strcmp0 (oa->municipality, ob->municipality) != 0)
        add_change (diff, g_strdup_printf ("implementers/%s/organisation/municipality", key),
                    g_strdup_printf (_("%s: home municipality"), who), oa->municipality, ob->municipality);
    }

  /* cost lines: the union of (derived, year, category) keys, in order */
  for (guint pass = 0; pass < 2; pass++)
    {
      const HsImplementer *impl = pass == 0 ? a : b;
      for (guint i = 0; i < impl->budget->len; i++)
        {
          const HsBudgetLine *line = &g_array_index (impl->budget, HsBudgetLine, i);
          gint64 k = (gint64) line->year * 1000 + line->category * 10 + (line->derived ? 1 : 0);
          if (!g_hash_table_contains (seen, GINT_TO_POINTER ((int) k)))
            {
              g_array_append_val (keys, k);
              g_hash_table_add (seen, GINT_TO_POINTER ((int) k));
            }
        }
    }
  {
    g_autoptr(GArray) sorted = g_array_copy (keys);
    g_array_sort (sorted, compare_int64);
    for (guint i = 0; i < sorted->len; i++)
      {
        gint64 k = g_array_index (sorted, gint64, i);
        int year = (int) (k / 1000);
        HsCostCategory category = (HsCostCategory) ((k / 10) % 100);
        gboolean derived = (k % 10) != 0;

        diff_money (diff,
                    g_strdup_printf ("implementers/%s/costs/%s/%d", key, hs_cost_category_to_id (category), year),
                    g_strdup_printf (_("%s: %s %d"), who, hs_cost_category_label (category), year),
                    line_amount (a, category, year, derived), line_amount (b, category, year, derived));
      }
  }

  for (guint s = 0; s < HS_N_SOURCES; s++)
    diff_money (diff, g_strdup_printf ("implementers/%s/financing/%s", key, hs_source_to_id (s)),
                g_strdup_printf (_("%s: %s"), who, hs_source_label (s)),
                hs_implementer_get_financing (a, s), hs_implementer_get_financing (b, s));
}

static char *
history_text (const HsProject *project)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < project->history->len; i++)
    {
      const HsStatusChange *change = &g_array_index (project->history, HsStatusChange, i);
      g_autofree char *date = hs_date_to_iso (&change->date);
      g_string_append_printf (out, "%s%s %s", i > 0 ? ", " : "", hs_status_to_id (change->status), date);
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
diff_projects (HsImportPreview *preview,
               const HsProject *a,
               const HsProject *b)
{
  Diff diff = { g_ptr_array_new_with_free_func ((GDestroyNotify) change_free), preview->lang };
  g_autofree char *ha = NULL;
  g_autofree char *hb = NULL;

  diff_text (&diff, "name-fi", _("Name (Finnish)"), a->name_fi, b->name_fi);
  diff_text (&diff, "name-sv", _("Name (Swedish)"), a->name_sv, b->name_sv);
  diff_text (&diff, "name-en", _("Name (English)"), a->name_en, b->name_en);
  diff_text (&diff, "acronym", _("Acronym"), a->acronym, b->acronym);
  diff_text (&diff, "agreement", _("Agreement"),
             ref_name (preview->agreements, a->agreement_id, G_STRUCT_OFFSET (HsAgreement, region_name)),
             ref_name (preview->agreements, b->agreement_id, G_STRUCT_OFFSET (HsAgreement, region_name)));
  diff_text (&diff, "focus-area", _("Focus area"),
             ref_name (preview->focus_areas, a->focus_area_id, G_STRUCT_OFFSET (HsFocusArea, name)),
             ref_name (preview->focus_areas, b->focus_area_id, G_STRUCT_OFFSET (HsFocusArea, name)));
  {
    g_autofree char *call_a = call_name (preview, a->call_id);
    g_autofree char *call_b = call_name (preview, b->call_id);
    diff_text (&diff, "call", _("Call"), call_a, call_b);
  }
  if (a->status != b->status)
    add_change (&diff, g_strdup ("status"), g_strdup (_("Status")),
                hs_status_label (a->status), hs_status_label (b->status));
  diff_date (&diff, "start", _("Start date"), &a->start_date, &b->start_date);
  diff_date (&diff, "end", _("End date"), &a->end_date, &b->end_date);
  diff_text (&diff, "summary", _("Summary"), a->summary, b->summary);
  if (a->cost_model != b->cost_model)
    add_change (&diff, g_strdup ("cost-model"), g_strdup (_("Cost model")),
                hs_cost_model_label (a->cost_model), hs_cost_model_label (b->cost_model));
  if (!a->example != !b->example)
    add_change (&diff, g_strdup ("example"), g_strdup (_("Example data")),
                a->example ? _("yes") : _("no"), b->example ? _("yes") : _("no"));

  /* implementers: those of the database first, then the file's new ones */
  for (guint i = 0; i < a->implementers->len; i++)
    {
      const HsImplementer *ia = g_ptr_array_index (a->implementers, i);
      g_autofree char *key = implementer_key (a, i);
      const HsImplementer *ib = find_implementer (b, key);

      if (ib == NULL)
        add_change (&diff, g_strdup_printf ("implementers/%s", key), g_strdup (_("Implementer removed")),
                    ia->organisation != NULL ? ia->organisation->name : key, NULL);
      else
        diff_implementer (&diff, key, ia, ib);
    }
  for (guint i = 0; i < b->implementers->len; i++)
    {
      const HsImplementer *ib = g_ptr_array_index (b->implementers, i);
      g_autofree char *key = implementer_key (b, i);

      if (find_implementer (a, key) == NULL)
        add_change (&diff, g_strdup_printf ("implementers/%s", key), g_strdup (_("Implementer added")),
                    NULL, ib->organisation != NULL ? ib->organisation->name : key);
    }

  /* indicators by code */
  for (guint pass = 0; pass < 2; pass++)
    {
      const HsProject *p = pass == 0 ? a : b, *q = pass == 0 ? b : a;
      for (guint i = 0; i < p->indicators->len; i++)
        {
          const HsIndicator *x = &g_array_index (p->indicators, HsIndicator, i);
          const HsIndicator *y = NULL;
          for (guint j = 0; j < q->indicators->len && y == NULL; j++)
            if (g_strcmp0 (g_array_index (q->indicators, HsIndicator, j).code, x->code) == 0)
              y = &g_array_index (q->indicators, HsIndicator, j);
          if (pass == 1 && y != NULL)
            continue;
          if (y == NULL || x->target != y->target)
            {
              g_autofree char *vx = g_strdup_printf ("%" G_GINT64_FORMAT, x->target);
              g_autofree char *vy = y != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, y->target) : NULL;
              add_change (&diff, g_strdup_printf ("indicators/%s", x->code),
                          g_strdup_printf (_("Indicator %s: target"), x->code),
                          pass == 0 ? vx : vy, pass == 0 ? vy : vx);
            }
        }
    }

  ha = history_text (a);
  hb = history_text (b);
  diff_text (&diff, "history", _("Status history"), ha, hb);

  return diff.changes;
}

/* ---- resolving the file's references ------------------------------------ */

typedef struct
{
  HsImportPreview *preview;
  HsNativeReader  *reader;
  GCancellable    *cancellable;
} ReadData;

static gpointer
find_by_name (GPtrArray  *items,
              gint64      agreement_id,
              gsize       agreement_offset,
              gsize       name_offset,
              const char *name)
{
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      if ((agreement_offset == 0 || G_STRUCT_MEMBER (gint64, item, agreement_offset) == agreement_id) &&
          g_strcmp0 (G_STRUCT_MEMBER (const char *, item, name_offset), name) == 0)
        return item;
    }
  return NULL;
}

static gboolean
org_same (const HsOrganisation *a,
          const HsOrganisation *b)
{
  return g_strcmp0 (a->name, b->name) == 0 && a->type == b->type
      && g_strcmp0 (a->municipality, b->municipality) == 0 && !a->foreign == !b->foreign;
}

static void
add_difference (GString    *out,
                const char *what,
                const char *stored,
                const char *file)
{
  if (g_strcmp0 (stored, file) == 0)
    return;
  /* Translators: "name: Turun kaupunki → Porin kaupunki" */
  g_string_append_printf (out, _("%s%s: %s → %s"), out->len > 0 ? "; " : "", what,
                          stored != NULL ? stored : "–", file != NULL ? file : "–");
}

/* @org of the file has @known's business ID but other fields. While the
 * preview is made it is noted once; while applying, the user's choice is
 * carried out (or the import refused when there is none). */
static gboolean
org_conflict (HsImportPreview       *preview,
              const HsOrganisation  *known,
              HsOrganisation        *org,
              const HsProject       *project,
              guint                  line,
              GError               **error)
{
  if (!preview->applying)
    {
      HsImportOrgConflict *conflict;
      GString *differences;

      if (g_hash_table_contains (preview->org_conflict_ids, &known->id))
        return TRUE;
      g_hash_table_add (preview->org_conflict_ids, g_memdup2 (&known->id, sizeof known->id));
      differences = g_string_new (NULL);
      add_difference (differences, _("name"), known->name, org->name);
      add_difference (differences, _("type"), hs_org_type_label (known->type), hs_org_type_label (org->type));
      add_difference (differences, _("municipality"), known->municipality, org->municipality);
      add_difference (differences, _("foreign"), known->foreign ? _("yes") : _("no"), org->foreign ? _("yes") : _("no"));
      conflict = g_new0 (HsImportOrgConflict, 1);
      conflict->business_id = g_strdup (known->business_id);
      conflict->stored_name = g_strdup (known->name);
      conflict->file_name = g_strdup (org->name);
      conflict->differences = g_string_free (differences, FALSE);
      conflict->code = g_strdup (project->code);
      conflict->line = line;
      g_ptr_array_add (preview->org_conflicts, conflict);
      return TRUE;
    }

  switch (preview->org_policy)
    {
    case HS_IMPORT_ORGS_KEEP:
      /* the stored organisation as it is: the store then changes nothing */
      g_free (org->name);
      org->name = g_strdup (known->name);
      g_free (org->municipality);
      org->municipality = g_strdup (known->municipality);
      org->type = known->type;
      org->foreign = known->foreign;
      return TRUE;
    case HS_IMPORT_ORGS_TAKE:
      return TRUE;
    case HS_IMPORT_ORGS_ASK:
    default:
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_ORGANISATION,
                   _("%s:%u: project %s: the organisation with business ID %s is “%s” in this "
                     "database and “%s” in the file; importing would change it in every project "
                     "that has it. Choose to keep the stored organisations or to take the file’s"),
                   preview->path, line, project->code, known->business_id, known->name, org->name);
      return FALSE;
    }
}

guint
hs_import_preview_get_n_org_conflicts (HsImportPreview *preview)
{
  g_return_val_if_fail (preview != NULL, 0);
  return preview->org_conflicts->len;
}

const HsImportOrgConflict *
hs_import_preview_get_org_conflict (HsImportPreview *preview,
                                    guint            index)
{
  g_return_val_if_fail (preview != NULL && index < preview->org_conflicts->len, NULL);
  return g_ptr_array_index (preview->org_conflicts, index);
}

void
hs_import_preview_set_org_policy (HsImportPreview   *preview,
                                  HsImportOrgPolicy  policy)
{
  g_return_if_fail (preview != NULL);
  preview->org_policy = policy;
}

HsImportOrgPolicy
hs_import_preview_get_org_policy (HsImportPreview *preview)
{
  g_return_val_if_fail (preview != NULL, HS_IMPORT_ORGS_ASK);
  return preview->org_policy;
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

/* The format's attributes in which the file's call differs from the
 * stored one, ", "-separated; NULL when they agree. A version 1 file has
 * only the first fields of a call: the others are not compared. */
static char *
call_differences (const HsCall *stored,
                  const HsCall *file,
                  guint         version)
{
  g_autoptr(GString) out = g_string_new (NULL);
#define DIFFERS(cond, attr) \
  G_STMT_START { if (cond) g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", attr); } G_STMT_END

  DIFFERS (!same_date (&stored->open_date, &file->open_date), "open");
  DIFFERS (!same_date (&stored->close_date, &file->close_date), "close");
  DIFFERS (stored->max_support_bp != file->max_support_bp, "max-support-bp");
  DIFFERS (stored->min_city_bp != file->min_city_bp, "min-city-bp");
  DIFFERS (stored->min_own_bp != file->min_own_bp, "min-own-bp");
  DIFFERS (stored->max_duration_months != file->max_duration_months, "max-duration-months");
  DIFFERS (stored->allowed_cost_models != file->allowed_cost_models, "cost-models");
  DIFFERS (stored->money_available != file->money_available, "money-available");
  if (version >= 2)
    {
      DIFFERS (g_strcmp0 (stored->name_sv, file->name_sv) != 0, "name-sv");
      DIFFERS (g_strcmp0 (stored->name_en, file->name_en) != 0, "name-en");
      DIFFERS (g_strcmp0 (stored->intermediary, file->intermediary) != 0, "intermediary");
      DIFFERS (stored->instrument != file->instrument, "instrument");
      DIFFERS (stored->max_support != file->max_support, "max-support");
      DIFFERS (stored->max_city_bp != file->max_city_bp, "max-city-bp");
      DIFFERS (stored->max_projects != file->max_projects, "max-projects");
      DIFFERS (stored->city_money_available != file->city_money_available, "city-money-available");
      DIFFERS (g_strcmp0 (stored->description, file->description) != 0, "description");
    }
#undef DIFFERS
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

/* Once, when the reference section has been read (before the first
 * project, or at the end of a file without projects): which of the file's
 * calls are new and which differ from the stored ones. Calls under an
 * agreement the database lacks are left out (a project that points to one
 * is refused for its agreement). */
static void
check_file_calls (HsImportPreview *preview,
                  HsNativeReader  *reader)
{
  GPtrArray *calls = hs_native_reader_get_calls (reader);
  GPtrArray *agreements = hs_native_reader_get_agreements (reader);
  guint version = hs_native_reader_get_version (reader);

  if (preview->calls_checked)
    return;
  preview->calls_checked = TRUE;

  for (guint i = 0; i < calls->len; i++)
    {
      const HsCall *call = g_ptr_array_index (calls, i);
      const HsAgreement *local;
      HsAgreement *a;
      HsCall *stored;
      HsImportCall *entry;

      if (!hs_native_reader_call_is_defined (reader, call->id))
        continue;
      local = g_ptr_array_index (agreements, call->agreement_id - 1);
      a = find_by_name (preview->agreements, 0, 0, G_STRUCT_OFFSET (HsAgreement, region_name),
                        local->region_name);
      if (a == NULL)
        continue;
      stored = find_by_name (preview->calls, a->id, G_STRUCT_OFFSET (HsCall, agreement_id),
                             G_STRUCT_OFFSET (HsCall, name), call->name);
      entry = g_new0 (HsImportCall, 1);
      entry->agreement = g_strdup (a->region_name);
      entry->name = g_strdup (call->name);
      if (stored == NULL)
        {
          HsCall *copy = hs_call_copy (call);
          gint64 no_id = 0;

          copy->agreement_id = a->id;
          copy->id = -(gint64) (preview->new_calls->len + 1);
          g_ptr_array_add (preview->new_calls, copy);
          g_array_append_val (preview->new_call_ids, no_id);
          entry->is_new = TRUE;
          entry->display_name = hs_call_dup_display_name (copy, preview->lang);
        }
      else
        {
          entry->differences = call_differences (stored, call, version);
          if (entry->differences == NULL)
            {
              import_call_free (entry);
              continue;
            }
          entry->display_name = hs_call_dup_display_name (stored, preview->lang);
        }
      g_ptr_array_add (preview->file_calls, entry);
    }
}

static gboolean
resolve (HsImportPreview *preview,
         HsNativeReader  *reader,
         HsProject       *project,
         guint            line,
         GError         **error)
{
  const char *path = preview->path;

  if (project->agreement_id != 0)
    {
      HsAgreement *local = g_ptr_array_index (hs_native_reader_get_agreements (reader), project->agreement_id - 1);
      HsAgreement *a = find_by_name (preview->agreements, 0, 0, G_STRUCT_OFFSET (HsAgreement, region_name),
                                     local->region_name);
      if (a == NULL)
        {
          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                       _("%s:%u: project %s: the agreement “%s” is not in this database"),
                       path, line, project->code, local->region_name);
          return FALSE;
        }
      project->agreement_id = a->id;
    }
  if (project->focus_area_id != 0)
    {
      HsFocusArea *local = g_ptr_array_index (hs_native_reader_get_focus_areas (reader), project->focus_area_id - 1);
      HsFocusArea *fa = find_by_name (preview->focus_areas, project->agreement_id,
                                      G_STRUCT_OFFSET (HsFocusArea, agreement_id),
                                      G_STRUCT_OFFSET (HsFocusArea, name), local->name);
      if (fa == NULL)
        {
          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                       _("%s:%u: project %s: the focus area “%s” is not in this database"),
                       path, line, project->code, local->name);
          return FALSE;
        }
      project->focus_area_id = fa->id;
    }
  if (project->call_id != 0)
    {
      HsCall *local = g_ptr_array_index (hs_native_reader_get_calls (reader), project->call_id - 1);
      HsCall *call = find_by_name (preview->calls, project->agreement_id,
                                   G_STRUCT_OFFSET (HsCall, agreement_id),
                                   G_STRUCT_OFFSET (HsCall, name), local->name);
      if (call != NULL)
        project->call_id = call->id;
      else
        {
          /* one the import creates; apply has saved it before the read */
          HsCall *created = find_by_name (preview->new_calls, project->agreement_id,
                                          G_STRUCT_OFFSET (HsCall, agreement_id),
                                          G_STRUCT_OFFSET (HsCall, name), local->name);
          if (created == NULL)
            {
              g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                           _("%s:%u: project %s: the call “%s” is not in this database"),
                           path, line, project->code, local->name);
              return FALSE;
            }
          project->call_id = preview->applying
            ? g_array_index (preview->new_call_ids, gint64, -created->id - 1)
            : created->id;
        }
    }

  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      HsOrganisation *org = impl->organisation;
      HsOrganisation *known = NULL;

      impl->id = 0;
      if (org->business_id != NULL)
        known = g_hash_table_lookup (preview->orgs_by_business_id, org->business_id);
      else
        known = g_hash_table_lookup (preview->orgs_by_name, org->name);
      org->id = known != NULL ? known->id : 0;
      if (known != NULL && !org_same (known, org) && !org_conflict (preview, known, org, project, line, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- format version 3: reviews ------------------------------------------- */

/* The criteria a project of call @call_id may be scored on: key →
 * HsCriterion*. Read from the repository once per call. */
static GHashTable *
criteria_of (HsImportPreview  *preview,
             gint64            call_id,
             GError          **error)
{
  GHashTable *keys;
  g_autoptr(GPtrArray) list = NULL;
  gint64 key_id = call_id > 0 ? call_id : 0;

  keys = g_hash_table_lookup (preview->criteria_by_call, &key_id);
  if (keys != NULL)
    return keys;
  list = hs_repository_list_criteria (preview->repository, key_id, error);
  if (list == NULL)
    return NULL;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) hs_criterion_free);
  for (guint i = 0; i < list->len; i++)
    {
      const HsCriterion *c = g_ptr_array_index (list, i);
      g_hash_table_insert (keys, g_strdup (c->key), hs_criterion_copy (c));
    }
  g_hash_table_insert (preview->criteria_by_call, g_memdup2 (&key_id, sizeof key_id), keys);
  return keys;
}

/* The database's id of a call the file names (a created one's once apply
 * saved it), 0 when there is none. */
static gint64
call_id_by_names (HsImportPreview *preview,
                  const char      *agreement,
                  const char      *call_name)
{
  HsAgreement *a = find_by_name (preview->agreements, 0, 0, G_STRUCT_OFFSET (HsAgreement, region_name), agreement);
  HsCall *call;

  if (a == NULL)
    return 0;
  call = find_by_name (preview->calls, a->id, G_STRUCT_OFFSET (HsCall, agreement_id),
                       G_STRUCT_OFFSET (HsCall, name), call_name);
  if (call != NULL)
    return call->id;
  call = find_by_name (preview->new_calls, a->id, G_STRUCT_OFFSET (HsCall, agreement_id),
                       G_STRUCT_OFFSET (HsCall, name), call_name);
  if (call == NULL)
    return 0;
  return preview->applying ? g_array_index (preview->new_call_ids, gint64, -call->id - 1)
                           : call->id;
}

/* Copies the file's criteria and proposals, once its reference section is read. */
static void
copy_file_review_data (HsImportPreview *preview,
                       HsNativeReader  *reader)
{
  GPtrArray *criteria = hs_native_reader_get_criteria (reader);
  GPtrArray *proposals = hs_native_reader_get_proposals (reader);
  GPtrArray *calls = hs_native_reader_get_calls (reader);
  GPtrArray *agreements = hs_native_reader_get_agreements (reader);

  if (preview->criteria_copied)
    return;
  preview->criteria_copied = TRUE;
  for (guint i = 0; i < criteria->len; i++)
    {
      const HsCriterion *c = g_ptr_array_index (criteria, i);
      const HsCall *call = g_ptr_array_index (calls, c->call_id - 1);
      const HsAgreement *a = g_ptr_array_index (agreements, call->agreement_id - 1);
      FileCriterion *fc = g_new0 (FileCriterion, 1);

      fc->criterion = hs_criterion_copy (c);
      fc->agreement = g_strdup (a->region_name);
      fc->call = g_strdup (call->name);
      fc->file_call_id = c->call_id;
      fc->line = hs_native_reader_get_criterion_line (reader, i);
      g_ptr_array_add (preview->file_criteria, fc);
    }
  for (guint i = 0; i < proposals->len; i++)
    {
      const HsNativeProposal *np = g_ptr_array_index (proposals, i);
      const HsCall *call = g_ptr_array_index (calls, np->call_id - 1);
      const HsAgreement *a = g_ptr_array_index (agreements, call->agreement_id - 1);
      FileProposal *fp = g_new0 (FileProposal, 1);

      fp->agreement = g_strdup (a->region_name);
      fp->call = g_strdup (call->name);
      fp->meeting = np->meeting;
      fp->line = np->line;
      fp->items = g_array_new (FALSE, TRUE, sizeof (HsNativeProposalItem));
      g_array_set_clear_func (fp->items, proposal_item_clear);
      for (guint j = 0; j < np->items->len; j++)
        {
          HsNativeProposalItem item = g_array_index (np->items, HsNativeProposalItem, j);
          item.code = g_strdup (item.code);
          item.reason = g_strdup (item.reason);
          g_array_append_val (fp->items, item);
        }
      g_ptr_array_add (preview->file_proposals, fp);
    }
}

/* The organisation of @project that the file's implementer name @key
 * means (business id, or "=" and a name), or NULL. */
static HsOrganisation *
implementer_by_key (const HsProject *project,
                    const char      *key)
{
  for (guint i = 0; key != NULL && i < project->implementers->len; i++)
    {
      HsOrganisation *org = ((HsImplementer *) g_ptr_array_index (project->implementers, i))->organisation;

      if (org == NULL)
        continue;
      if (key[0] == '=' ? (org->business_id == NULL || *org->business_id == '\0') && g_strcmp0 (org->name, key + 1) == 0
                        : g_strcmp0 (org->business_id, key) == 0)
        return org;
    }
  return NULL;
}

/* The organisation ids of a kept version's implementers, from @project's
 * (the same organisations, matched by business id or name). */
static void
version_take_org_ids (HsProject       *version,
                      const HsProject *project)
{
  for (guint i = 0; i < version->implementers->len; i++)
    {
      HsOrganisation *org = ((HsImplementer *) g_ptr_array_index (version->implementers, i))->organisation;
      g_autofree char *key = NULL;
      HsOrganisation *same;

      if (org == NULL)
        continue;
      key = org->business_id != NULL && *org->business_id != '\0' ? g_strdup (org->business_id)
                                                                   : g_strconcat ("=", org->name, NULL);
      same = implementer_by_key (project, key);
      if (same != NULL && same->id != 0)
        org->id = same->id;
    }
}

/* The review to store for @project (its ids set) from the file's: NULL
 * and an error naming the line when a criterion or an implementer cannot
 * be found; *complete FALSE (no error) when an implementer has no id yet. */
static HsReview *
build_review (HsImportPreview  *preview,
              HsNativeReview   *nr,
              HsProject        *project,
              guint             project_line,
              gboolean         *complete,
              GError          **error)
{
  g_autoptr(HsReview) review = hs_review_copy (nr->review);
  GHashTable *keys = criteria_of (preview, project->call_id, error);
  guint g = 0;

  *complete = TRUE;
  if (keys == NULL)
    return NULL;
  review->project_id = project->id;
  for (guint i = 0; i < review->scores->len; i++)
    {
      HsScore *score = g_ptr_array_index (review->scores, i);
      const char *key = g_ptr_array_index (nr->score_criteria, i);
      const char *impl = g_ptr_array_index (nr->score_implementers, i);
      guint line = g_array_index (nr->score_lines, guint, i);
      const HsCriterion *criterion = g_hash_table_lookup (keys, key);
      const gint64 *id = criterion != NULL ? &criterion->id : NULL;
      static const gint64 none = 0;

      /* the preview: one the file brings (preview_review checked it) */
      if (id == NULL && !preview->applying)
        id = &none;
      if (id == NULL)
        {
          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                       _("%s:%u: project %s: the criterion “%s” is neither the programme’s nor its call’s"),
                       preview->path, line, project->code, key);
          return NULL;
        }
      score->criterion_id = *id;
      if (*id == 0)
        *complete = FALSE;
      score->organisation_id = 0;
      if (impl != NULL)
        {
          HsOrganisation *org = implementer_by_key (project, impl);
          if (org == NULL)
            {
              g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                           _("%s:%u: project %s: the score is of an implementer “%s” the project does not have"),
                           preview->path, line, project->code, impl[0] == '=' ? impl + 1 : impl);
              return NULL;
            }
          score->organisation_id = org->id;
          if (org->id == 0)
            *complete = FALSE;
        }
    }
  for (guint i = 0; i < review->decisions->len; i++)
    {
      HsDecision *d = g_ptr_array_index (review->decisions, i);

      for (guint j = 0; j < d->grants->len; j++, g++)
        {
          HsGrant *grant = &g_array_index (d->grants, HsGrant, j);
          const char *impl = g_ptr_array_index (nr->grant_implementers, g);
          HsOrganisation *org = implementer_by_key (project, impl);

          if (org == NULL)
            {
              g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                           _("%s:%u: project %s: a grant is to an implementer “%s” the project does not have"),
                           preview->path, g_array_index (nr->grant_lines, guint, g), project->code,
                           impl == NULL ? "" : impl[0] == '=' ? impl + 1 : impl);
              return NULL;
            }
          grant->organisation_id = org->id;
          if (org->id == 0)
            *complete = FALSE;
        }
    }
  for (guint i = 0; i < review->versions->len; i++)
    {
      HsVersion *v = g_ptr_array_index (review->versions, i);

      v->project->id = project->id;
      version_take_org_ids (v->project, project);
    }
  (void) project_line;
  return g_steal_pointer (&review);
}

static void
separate (GString *out)
{
  if (out->len > 0)
    g_string_append (out, ", ");
}

/* "2 scores, 1 decision (granted 100 000,00 €)" */
static char *
review_summary (const HsReview *review,
                HsLang          lang)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const HsDecision *in_force = hs_review_decision_in_force (review);

  if (review->scores->len > 0)
    {
      separate (out);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u score", "%u scores", review->scores->len), review->scores->len);
    }
  if (review->comments->len > 0)
    {
      separate (out);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments", review->comments->len), review->comments->len);
    }
  if (review->decisions->len > 0)
    {
      separate (out);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u decision", "%u decisions", review->decisions->len), review->decisions->len);
    }
  if (in_force != NULL && in_force->kind == HS_DECISION_GRANT)
    {
      g_autofree char *money = hs_money_format (hs_review_granted (review), lang);
      /* Translators: after "1 decision": the sum granted by the decision in force */
      g_string_append_printf (out, _(" (granted %s)"), money);
    }
  else if (in_force != NULL)
    g_string_append (out, _(" (rejected)"));
  if (review->versions->len > 0)
    {
      separate (out);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u kept version", "%u kept versions", review->versions->len), review->versions->len);
    }
  if (review->change_open)
    {
      separate (out);
      g_string_append (out, _("an open change application"));
    }
  if (out->len == 0)
    g_string_append (out, _("the deciding councils"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The preview's look at a project's review: its criteria exist, what it
 * brings, whether it changes the stored one. */
/* The decisions and the kept versions a database has are history: a file
 * may bring more of them (a council's new decision, a city's change
 * application decided), never others in their place, or a file could
 * rewrite the approved plan that guards a decided project. */
/* A change application the database has open stays open when the file
 * decides nothing new: the file was written before it was made. */
static void
keep_open_change (HsReview       *review,
                  const HsReview *stored)
{
  if (!stored->change_open || review->change_open || review->decisions->len != stored->decisions->len)
    return;
  review->change_open = TRUE;
  review->change_made = stored->change_made;
  review->change_starts = stored->change_starts;
  g_free (review->change_reason);
  review->change_reason = g_strdup (stored->change_reason);
}

static gboolean
keeps_decided_history (HsImportPreview  *preview,
                       const HsReview   *stored,
                       const HsReview   *file,
                       const HsProject  *project,
                       guint             line,
                       GError          **error)
{
  for (guint i = 0; i < stored->decisions->len; i++)
    {
      const HsDecision *d = g_ptr_array_index (stored->decisions, i);

      if (i >= file->decisions->len || !hs_decision_equal (d, g_ptr_array_index (file->decisions, i)))
        {
          g_autofree char *on = hs_date_format (&d->date, preview->lang);

          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                       _("%s:%u: project %s: the file leaves out or changes the decision of %s (%s) that the "
                         "database has; a file may add decisions, not rewrite them"),
                       preview->path, line, project->code, on, d->number != NULL ? d->number : "–");
          return FALSE;
        }
    }
  for (guint i = 0; i < stored->versions->len; i++)
    {
      const HsVersion *v = g_ptr_array_index (stored->versions, i);
      const HsVersion *w = i < file->versions->len ? g_ptr_array_index (file->versions, i) : NULL;
      g_autoptr(GPtrArray) differences = NULL;

      if (w != NULL && w->number == v->number && w->kind == v->kind)
        differences = hs_project_diff (v->project, w->project, FALSE, preview->lang);
      if (differences == NULL || differences->len > 0)
        {
          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                       _("%s:%u: project %s: the file leaves out or changes its kept version %u (%s); "
                         "a file may add versions, not rewrite them"),
                       preview->path, line, project->code, v->number, hs_version_kind_label (v->kind));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
preview_review (HsImportPreview  *preview,
                HsNativeReader   *reader,
                HsNativeReview   *nr,
                HsProject        *project,
                gint64            file_call_id,
                HsImportItem     *item,
                GError          **error)
{
  GHashTable *keys = criteria_of (preview, project->call_id, error);

  if (keys == NULL)
    return FALSE;
  for (guint i = 0; i < nr->score_criteria->len; i++)
    {
      const char *key = g_ptr_array_index (nr->score_criteria, i);
      const HsCriterion *known = g_hash_table_lookup (keys, key);
      const HsScore *score = g_ptr_array_index (nr->review->scores, i);
      guint line = g_array_index (nr->score_lines, guint, i);

      for (guint c = 0; known == NULL && c < preview->file_criteria->len; c++)
        {
          const FileCriterion *fc = g_ptr_array_index (preview->file_criteria, c);
          if (fc->file_call_id == file_call_id && g_strcmp0 (fc->criterion->key, key) == 0)
            known = fc->criterion;
        }
      if (known == NULL)
        {
          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                       _("%s:%u: project %s: the criterion “%s” is neither the programme’s nor its call’s"),
                       preview->path, line, project->code, key);
          return FALSE;
        }
      if (score->score > hs_criterion_kind_max (known->kind))
        {
          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_SCHEMA,
                       _("%s:%u: project %s: the score %d of the criterion “%s” is over its scale (0–%d)"),
                       preview->path, line, project->code, score->score, key,
                       hs_criterion_kind_max (known->kind));
          return FALSE;
        }
    }
  for (guint i = 0; i < nr->review->versions->len; i++)
    {
      HsVersion *v = g_ptr_array_index (nr->review->versions, i);
      if (!resolve (preview, reader, v->project, nr->line, error))
        return FALSE;
    }
  item->review = review_summary (nr->review, preview->lang);
  item->review_changed = TRUE;
  if (project->id != 0)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean complete;
      g_autoptr(HsReview) review = build_review (preview, nr, project, item->line, &complete, &local_error);
      g_autoptr(HsReview) stored = NULL;

      if (review == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      stored = hs_repository_load_review (preview->repository, project->id, error);
      if (stored == NULL)
        return FALSE;
      if (!keeps_decided_history (preview, stored, review, project, item->line, error))
        return FALSE;
      keep_open_change (review, stored);
      item->review_changed = !complete || !hs_review_equal (stored, review);
    }
  return TRUE;
}

static gboolean
project_read (HsNativeReader  *reader,
              HsProject       *project,
              guint            line,
              gpointer         user_data,
              GError         **error)
{
  ReadData *data = user_data;
  HsImportPreview *preview = data->preview;
  g_autoptr(HsProject) owned = project;   /* only the item is kept */
  g_autoptr(HsProject) stored = NULL;
  HsValidationContext context = { 0 };
  HsImportItem *item;
  gpointer existing_id;

  g_autoptr(HsNativeReview) review = hs_native_reader_steal_review (reader);
  gint64 file_call_id = project->call_id;

  if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;
  check_file_calls (preview, reader);
  copy_file_review_data (preview, reader);
  if (!resolve (preview, reader, project, line, error))
    return FALSE;
  if (!hs_project_update_derived (project, error))
    {
      g_prefix_error (error, "%s:%u: %s: ", preview->path, line, project->code);
      return FALSE;
    }

  item = g_new0 (HsImportItem, 1);
  item->code = g_strdup (project->code);
  item->name = g_strdup (hs_project_display_name (project));
  item->line = line;
  item->action = HS_IMPORT_NEW;
  {
    HsTotals totals;

    item->totals_ok = hs_project_totals (project, &totals, NULL);
    if (item->totals_ok)
      {
        item->total_costs = totals.total_costs;
        item->eu_state = totals.financing[HS_SOURCE_EU_STATE];
      }
  }

  if (g_hash_table_lookup_extended (preview->existing, project->code, NULL, &existing_id))
    {
      stored = hs_repository_load_project_by_code (preview->repository, project->code, error);
      if (stored == NULL)
        {
          item_free (item);
          return FALSE;
        }
    }

  if (stored != NULL)
    {
      HsImplementer *stored_main = hs_project_get_main (stored);
      HsImplementer *file_main = hs_project_get_main (project);
      g_autofree char *stored_key = stored_main != NULL ? org_key (stored_main->organisation) : NULL;
      g_autofree char *file_key = file_main != NULL ? org_key (file_main->organisation) : NULL;

      project->id = stored->id;
      item->changes = diff_projects (preview, stored, project);
      if (item->changes->len == 0)
        {
          g_ptr_array_unref (item->changes);
          item->changes = g_ptr_array_ref (preview->no_changes);
        }
      item->action = item->changes->len > 0 ? HS_IMPORT_CHANGED : HS_IMPORT_UNCHANGED;
      if (stored->agreement_id != project->agreement_id)
        {
          item->action = HS_IMPORT_CONFLICT;
          item->conflict = g_strdup_printf (_("the code is used by a project of another agreement (“%s”)"),
                                            ref_name (preview->agreements, stored->agreement_id,
                                                      G_STRUCT_OFFSET (HsAgreement, region_name)));
        }
      else if (g_strcmp0 (stored_key, file_key) != 0 && stored_main != NULL)
        {
          item->action = HS_IMPORT_CONFLICT;
          item->conflict = g_strdup_printf (_("the code is used by a project with another main implementer (“%s”)"),
                                            stored_main->organisation->name);
        }
    }
  else
    item->changes = g_ptr_array_ref (preview->no_changes);

  for (guint i = 0; i < preview->calls->len && project->call_id != 0; i++)
    if (((HsCall *) g_ptr_array_index (preview->calls, i))->id == project->call_id)
      context.call = g_ptr_array_index (preview->calls, i);
  if (project->call_id < 0)
    context.call = g_ptr_array_index (preview->new_calls, -project->call_id - 1);
  for (guint i = 0; i < preview->focus_areas->len && project->focus_area_id != 0; i++)
    if (((HsFocusArea *) g_ptr_array_index (preview->focus_areas, i))->id == project->focus_area_id)
      context.focus_area = g_ptr_array_index (preview->focus_areas, i);
  for (guint i = 0; i < preview->agreements->len && project->agreement_id != 0; i++)
    if (((HsAgreement *) g_ptr_array_index (preview->agreements, i))->id == project->agreement_id)
      context.agreement = g_ptr_array_index (preview->agreements, i);
  context.lang = preview->lang;
  item->findings = hs_validate_project (project, &context);
  item->errors = hs_findings_count_errors (item->findings);

  g_ptr_array_add (preview->items, item);
  if (review != NULL && preview->reviews
      && !preview_review (preview, reader, review, project, file_call_id, item, error))
    return FALSE;
  return TRUE;
}

/* Size and modification time; -1 when the file cannot be looked at (the
 * read then reports why). */
static void
file_stamp (const char *path,
            goffset    *size,
            gint64     *mtime)
{
  GStatBuf st;

  *size = -1;
  *mtime = -1;
  if (g_stat (path, &st) != 0)
    return;
  *size = st.st_size;
#if defined(__linux__) || defined(__GLIBC__)
  *mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
#else
  *mtime = (gint64) st.st_mtime * G_USEC_PER_SEC;
#endif
}

static void
repository_changed (HsRepository *repository,
                    gpointer      user_data)
{
  HsImportPreview *preview = user_data;

  preview->stale = TRUE;
}

/* Whether @fp differs from the stored proposal of its call (or its call
 * or a project it names is new). */
static gboolean
proposal_differs (HsImportPreview  *preview,
                  FileProposal     *fp,
                  GError          **error)
{
  gint64 call_id = call_id_by_names (preview, fp->agreement, fp->call);
  g_autoptr(HsProposal) stored = NULL;
  g_autoptr(HsProposal) file = NULL;

  if (call_id <= 0)
    return TRUE;
  file = hs_proposal_new (call_id);
  file->meeting = fp->meeting;
  for (guint j = 0; j < fp->items->len; j++)
    {
      const HsNativeProposalItem *fi = &g_array_index (fp->items, HsNativeProposalItem, j);
      HsProposalItem item = { 0 };
      gpointer id;

      if (!g_hash_table_lookup_extended (preview->existing, fi->code, NULL, &id))
        return TRUE;
      item.project_id = (gint64) GPOINTER_TO_SIZE (id);
      item.position = fi->position;
      item.reason = g_strdup (fi->reason);
      g_array_append_val (file->items, item);
    }
  stored = hs_repository_load_proposal (preview->repository, call_id, error);
  if (stored == NULL)
    return FALSE;
  return !hs_proposal_equal (stored, file);
}

/* Every project a proposal names is in the file or the database. */
static gboolean
check_proposals (HsImportPreview  *preview,
                 GError          **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < preview->items->len; i++)
    g_hash_table_add (codes, ((HsImportItem *) g_ptr_array_index (preview->items, i))->code);
  for (guint i = 0; i < preview->file_proposals->len; i++)
    {
      const FileProposal *fp = g_ptr_array_index (preview->file_proposals, i);

      for (guint j = 0; j < fp->items->len; j++)
        {
          const HsNativeProposalItem *item = &g_array_index (fp->items, HsNativeProposalItem, j);

          if (!g_hash_table_contains (codes, item->code) && !g_hash_table_contains (preview->existing, item->code))
            {
              g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                           _("%s:%u: the proposal of the call “%s” names a project “%s” that is neither in the file nor in this database"),
                           preview->path, item->line, fp->call, item->code);
              return FALSE;
            }
        }
    }
  for (guint i = 0; i < preview->file_proposals->len; i++)
    {
      FileProposal *fp = g_ptr_array_index (preview->file_proposals, i);
      g_autoptr(GError) local_error = NULL;

      fp->differs = proposal_differs (preview, fp, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

HsImportPreview *
hs_import_preview_new (HsRepository           *repository,
                       const char             *path,
                       HsExchangeProgressFunc  progress,
                       gpointer                progress_data,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(HsImportPreview) preview = NULL;
  g_autoptr(HsNativeReader) reader = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  ReadData data = { 0 };

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  preview = g_new0 (HsImportPreview, 1);
  preview->repository = g_object_ref (repository);
  preview->path = g_strdup (path);
  preview->lang = hs_lang_current ();
  preview->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  preview->org_conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) org_conflict_free);
  preview->org_conflict_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  preview->no_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  preview->file_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) import_call_free);
  preview->new_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_call_free);
  preview->new_call_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  preview->reviews = hs_repository_has_reviews (repository);
  preview->criteria_by_call = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     (GDestroyNotify) g_hash_table_unref);
  preview->file_criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) file_criterion_free);
  preview->file_proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) file_proposal_free);

  preview->agreements = hs_repository_list_agreements (repository, error);
  if (preview->agreements == NULL)
    return NULL;
  preview->focus_areas = hs_repository_list_focus_areas (repository, 0, error);
  if (preview->focus_areas == NULL)
    return NULL;
  preview->calls = hs_repository_list_calls (repository, 0, error);
  if (preview->calls == NULL)
    return NULL;
  preview->organisations = hs_repository_list_organisations (repository, error);
  if (preview->organisations == NULL)
    return NULL;
  summaries = hs_repository_list_project_summaries (repository, error);
  if (summaries == NULL)
    return NULL;

  preview->orgs_by_business_id = g_hash_table_new (g_str_hash, g_str_equal);
  preview->orgs_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < preview->organisations->len; i++)
    {
      HsOrganisation *org = g_ptr_array_index (preview->organisations, i);
      if (org->business_id != NULL && *org->business_id != '\0')
        g_hash_table_insert (preview->orgs_by_business_id, org->business_id, org);
      else if (org->name != NULL && !g_hash_table_contains (preview->orgs_by_name, org->name))
        g_hash_table_insert (preview->orgs_by_name, org->name, org);
    }
  preview->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < summaries->len; i++)
    {
      HsProjectSummary *summary = &g_array_index (summaries, HsProjectSummary, i);
      g_hash_table_insert (preview->existing, g_strdup (summary->code),
                           GSIZE_TO_POINTER ((gsize) summary->id));
    }

  /* Before the read: a file changed during it gets another time. */
  file_stamp (path, &preview->size, &preview->mtime);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);

  reader = hs_native_reader_new ();
  hs_native_reader_set_progress (reader, progress, progress_data);
  hs_native_reader_set_checksum (reader, checksum);
  data.preview = preview;
  data.reader = reader;
  data.cancellable = cancellable;
  if (!hs_native_reader_read (reader, path, project_read, &data, cancellable, error))
    return NULL;
  check_file_calls (preview, reader);   /* a file without projects */
  copy_file_review_data (preview, reader);
  if (!preview->reviews)
    g_ptr_array_set_size (preview->file_proposals, 0);
  else if (!check_proposals (preview, error))
    return NULL;
  preview->checksum = g_strdup (g_checksum_get_string (checksum));

  preview->changed_id = g_signal_connect (repository, "changed", G_CALLBACK (repository_changed), preview);
  return g_steal_pointer (&preview);
}

/* ---- applying: the second read ------------------------------------------ */

/* Apply reads the file on a thread of its own while the calling thread
 * saves the chunks it hands over, so that the second read costs no time
 * beside the database's work. At most APPLY_QUEUE full chunks wait: memory
 * stays flat. The repository is only used on the calling thread; the
 * reading thread uses the preview's reference tables, read-only. */
#define APPLY_QUEUE 2

/* Projects read for saving, each with the file's review of it (or NULL)
 * and whether the project itself is saved (not when only its review
 * changed). */
typedef struct
{
  GPtrArray *projects;   /* HsProject* */
  GPtrArray *reviews;    /* HsNativeReview* or NULL */
  GArray    *save;       /* gboolean */
} Chunk;

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_project_free);
  chunk->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_native_review_free);
  chunk->save = g_array_new (FALSE, TRUE, sizeof (gboolean));
  return chunk;
}

static void
chunk_free (Chunk *chunk)
{
  g_ptr_array_unref (chunk->projects);
  g_ptr_array_unref (chunk->reviews);
  g_array_unref (chunk->save);
  g_free (chunk);
}

typedef struct
{
  HsImportPreview *preview;
  GCancellable    *cancellable;   /* the caller's, nullable */

  GMutex           lock;
  GCond            cond;
  GQueue           full;          /* of Chunk*: to be saved */
  gboolean         done;          /* the read has ended */
  gboolean         stop;          /* the saving side gave up */
  guint64          read_bytes;    /* progress, reported on the calling thread */
  guint64          total_bytes;

  /* the reading thread's own until done */
  Chunk           *chunk;
  guint            index;         /* of the next item */
  GError          *error;
  char            *checksum;
} ApplyPipe;

static void
set_file_changed (HsImportPreview  *preview,
                  GError          **error)
{
  g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE,
               _("“%s” changed after the preview was made; nothing was imported"),
               preview->path);
}

/* Hands the chunk over, waiting while the queue is full. FALSE: stop. */
static gboolean
pipe_push (ApplyPipe *pipe)
{
  gboolean go_on;

  g_mutex_lock (&pipe->lock);
  while (!pipe->stop && g_queue_get_length (&pipe->full) >= APPLY_QUEUE)
    g_cond_wait (&pipe->cond, &pipe->lock);
  go_on = !pipe->stop;
  if (go_on)
    {
      g_queue_push_tail (&pipe->full, pipe->chunk);
      pipe->chunk = chunk_new ();
      g_cond_broadcast (&pipe->cond);
    }
  g_mutex_unlock (&pipe->lock);
  return go_on;
}

static void
pipe_progress (guint64  done,
               guint64  total,
               gpointer user_data)
{
  ApplyPipe *pipe = user_data;

  g_mutex_lock (&pipe->lock);
  pipe->read_bytes = done;
  pipe->total_bytes = total;
  g_mutex_unlock (&pipe->lock);
}

static gboolean
project_apply (HsNativeReader  *reader,
               HsProject       *project,
               guint            line,
               gpointer         user_data,
               GError         **error)
{
  ApplyPipe *pipe = user_data;
  HsImportPreview *preview = pipe->preview;
  g_autoptr(HsProject) owned = project;
  g_autoptr(HsNativeReview) review = hs_native_reader_steal_review (reader);
  const HsImportItem *item;
  gpointer existing_id;
  gboolean save;

  if (g_cancellable_set_error_if_cancelled (pipe->cancellable, error))
    return FALSE;
  if (pipe->index >= preview->items->len)
    {
      set_file_changed (preview, error);
      return FALSE;
    }
  item = g_ptr_array_index (preview->items, pipe->index++);
  if (g_strcmp0 (item->code, project->code) != 0 || item->line != line)
    {
      set_file_changed (preview, error);
      return FALSE;
    }
  if (!preview->reviews || !item->review_changed)
    g_clear_pointer (&review, hs_native_review_free);
  save = item->action != HS_IMPORT_UNCHANGED;
  if (item->skip || (!save && review == NULL))
    return TRUE;

  if (!resolve (preview, reader, project, line, error))
    return FALSE;
  for (guint i = 0; review != NULL && i < review->review->versions->len; i++)
    if (!resolve (preview, reader, ((HsVersion *) g_ptr_array_index (review->review->versions, i))->project,
                  line, error))
      return FALSE;
  if (g_hash_table_lookup_extended (preview->existing, project->code, NULL, &existing_id))
    project->id = (gint64) GPOINTER_TO_SIZE (existing_id);
  g_ptr_array_add (pipe->chunk->projects, g_steal_pointer (&owned));
  g_ptr_array_add (pipe->chunk->reviews, g_steal_pointer (&review));
  g_array_append_val (pipe->chunk->save, save);

  if (pipe->chunk->projects->len >= IMPORT_CHUNK && !pipe_push (pipe))
    {
      /* the saving side failed and reports why */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  return TRUE;
}

static gpointer
apply_read_thread (gpointer user_data)
{
  ApplyPipe *pipe = user_data;
  g_autoptr(HsNativeReader) reader = hs_native_reader_new ();
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gboolean ok;

  hs_native_reader_set_progress (reader, pipe_progress, pipe);
  hs_native_reader_set_checksum (reader, checksum);
  /* The preview read these bytes with the schema; a file that changed
   * since is refused when the checksum is complete, before the commit. */
  hs_native_reader_set_validate (reader, FALSE);
  ok = hs_native_reader_read (reader, pipe->preview->path, project_apply, pipe,
                              pipe->cancellable, &pipe->error);
  if (ok)
    {
      pipe->checksum = g_strdup (g_checksum_get_string (checksum));
      if (pipe->chunk->projects->len > 0)
        pipe_push (pipe);
    }

  g_mutex_lock (&pipe->lock);
  pipe->done = TRUE;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
  return NULL;
}

/* The next chunk to save (transfer full), or NULL when the read has ended. */
static Chunk *
pipe_pop (ApplyPipe *pipe,
          guint64   *read_bytes,
          guint64   *total_bytes)
{
  Chunk *chunk;

  g_mutex_lock (&pipe->lock);
  while (g_queue_is_empty (&pipe->full) && !pipe->done)
    g_cond_wait (&pipe->cond, &pipe->lock);
  chunk = g_queue_pop_head (&pipe->full);
  *read_bytes = pipe->read_bytes;
  *total_bytes = pipe->total_bytes;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
  return chunk;
}

static void
pipe_stop (ApplyPipe *pipe)
{
  g_mutex_lock (&pipe->lock);
  pipe->stop = TRUE;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
}

/* Saves one review of the chunk into the batch (which a failure ends). */
static gboolean
save_one_review (HsImportPreview  *preview,
                 Chunk            *chunk,
                 guint             i,
                 gboolean          only_complete,
                 GError          **error)
{
  HsNativeReview *nr = g_ptr_array_index (chunk->reviews, i);
  HsProject *project = g_ptr_array_index (chunk->projects, i);
  g_autoptr(HsReview) review = NULL;
  gboolean complete;

  if (nr == NULL)
    return TRUE;
  review = build_review (preview, nr, project, 0, &complete, error);
  if (review == NULL)
    {
      hs_repository_abort_batch (preview->repository);
      return FALSE;
    }
  if (only_complete && !complete)
    return TRUE;
  if (project->id != 0)
    {
      g_autoptr(HsReview) stored = hs_repository_load_review (preview->repository, project->id, error);

      if (stored == NULL)
        {
          hs_repository_abort_batch (preview->repository);
          return FALSE;
        }
      keep_open_change (review, stored);
    }
  if (!hs_repository_save_review (preview->repository, review, NULL, NULL, error))
    return FALSE;
  g_ptr_array_index (chunk->reviews, i) = NULL;
  hs_native_review_free (nr);
  return TRUE;
}

/* The reviews of stored projects first (a decision the file brings
 * unlocks the approved content it brings), then the projects, then the
 * reviews of the new ones (which need their ids). */
static gboolean
save_chunk (HsImportPreview  *preview,
            Chunk            *chunk,
            guint            *n_saved,
            GError          **error)
{
  g_autoptr(GPtrArray) to_save = g_ptr_array_new ();

  for (guint i = 0; i < chunk->projects->len; i++)
    {
      HsProject *project = g_ptr_array_index (chunk->projects, i);

      if (project->id != 0 && !save_one_review (preview, chunk, i, TRUE, error))
        return FALSE;
      if (g_array_index (chunk->save, gboolean, i))
        g_ptr_array_add (to_save, project);
    }
  if (to_save->len > 0)
    {
      if (!hs_repository_save_projects (preview->repository, to_save, NULL, error))
        return FALSE;
      *n_saved += to_save->len;
    }
  for (guint i = 0; i < chunk->projects->len; i++)
    if (!save_one_review (preview, chunk, i, FALSE, error))
      return FALSE;
  return TRUE;
}

/* Before the projects: the calls' own criteria the database lacks. */
static gboolean
save_file_criteria (HsImportPreview  *preview,
                    GError          **error)
{
  for (guint i = 0; i < preview->file_criteria->len; i++)
    {
      const FileCriterion *fc = g_ptr_array_index (preview->file_criteria, i);
      gint64 call_id = call_id_by_names (preview, fc->agreement, fc->call);
      g_autoptr(HsCriterion) criterion = NULL;
      GHashTable *keys;

      if (call_id <= 0)
        continue;
      keys = criteria_of (preview, call_id, error);
      if (keys == NULL)
        {
          hs_repository_abort_batch (preview->repository);
          return FALSE;
        }
      if (g_hash_table_contains (keys, fc->criterion->key))
        continue;   /* the database's is kept */
      criterion = hs_criterion_copy (fc->criterion);
      criterion->id = 0;
      criterion->call_id = call_id;
      if (!hs_repository_save_criterion (preview->repository, criterion, error))
        return FALSE;
      g_hash_table_insert (keys, g_strdup (criterion->key), hs_criterion_copy (criterion));
    }
  return TRUE;
}

/* After the projects: the calls' proposals, projects by code. */
static gboolean
save_file_proposals (HsImportPreview  *preview,
                     GError          **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GHashTable) ids = NULL;

  if (preview->file_proposals->len == 0)
    return TRUE;
  summaries = hs_repository_list_project_summaries (preview->repository, error);
  if (summaries == NULL)
    {
      hs_repository_abort_batch (preview->repository);
      return FALSE;
    }
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < summaries->len; i++)
    {
      HsProjectSummary *summary = &g_array_index (summaries, HsProjectSummary, i);
      g_hash_table_insert (ids, summary->code, &summary->id);
    }
  for (guint i = 0; i < preview->file_proposals->len; i++)
    {
      const FileProposal *fp = g_ptr_array_index (preview->file_proposals, i);
      gint64 call_id = call_id_by_names (preview, fp->agreement, fp->call);
      g_autoptr(HsProposal) proposal = NULL;

      if (call_id <= 0 || !fp->differs)
        continue;
      proposal = hs_proposal_new (call_id);
      proposal->meeting = fp->meeting;
      for (guint j = 0; j < fp->items->len; j++)
        {
          const HsNativeProposalItem *fi = &g_array_index (fp->items, HsNativeProposalItem, j);
          const gint64 *id = g_hash_table_lookup (ids, fi->code);
          HsProposalItem item = { 0 };

          if (id == NULL)
            {
              g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_REFERENCE,
                           _("%s:%u: the proposal of the call “%s” names a project “%s” that is neither in the file nor in this database"),
                           preview->path, fi->line, fp->call, fi->code);
              hs_repository_abort_batch (preview->repository);
              return FALSE;
            }
          item.project_id = *id;
          item.position = fi->position;
          item.reason = g_strdup (fi->reason);
          g_array_append_val (proposal->items, item);
        }
      if (!hs_repository_save_proposal (preview->repository, proposal, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Reads the file again and saves its projects into the open batch. On
 * failure the batch is ended (rolled back). *n_saved: how many. */
static gboolean
apply_in_batch (HsImportPreview  *preview,
                GCancellable     *cancellable,
                guint            *n_saved,
                GError          **error)
{
  ApplyPipe pipe = { 0 };
  GError *save_error = NULL;
  gboolean batch_over = FALSE;
  GThread *thread;
  Chunk *chunk;
  guint64 read_bytes, total_bytes;

  pipe.preview = preview;
  pipe.cancellable = cancellable;
  g_mutex_init (&pipe.lock);
  g_cond_init (&pipe.cond);
  g_queue_init (&pipe.full);
  pipe.chunk = chunk_new ();
  *n_saved = 0;

  thread = g_thread_new ("hs-import-read", apply_read_thread, &pipe);
  while ((chunk = pipe_pop (&pipe, &read_bytes, &total_bytes)) != NULL)
    {
      /* a cancel stops the saving side too, before its next chunk */
      if (save_error == NULL && g_cancellable_set_error_if_cancelled (cancellable, &save_error))
        {
          hs_repository_abort_batch (preview->repository);
          batch_over = TRUE;
          pipe_stop (&pipe);
        }
      if (save_error == NULL)
        {
          if (save_chunk (preview, chunk, n_saved, &save_error))
            ;
          else
            {
              batch_over = TRUE;
              pipe_stop (&pipe);
            }
          if (save_error == NULL && preview->apply_progress != NULL)
            preview->apply_progress (read_bytes, total_bytes, preview->apply_progress_data);
        }
      chunk_free (chunk);
    }
  g_thread_join (thread);

  chunk_free (pipe.chunk);
  g_queue_clear_full (&pipe.full, (GDestroyNotify) chunk_free);
  g_mutex_clear (&pipe.lock);
  g_cond_clear (&pipe.cond);

  if (save_error != NULL)
    {
      g_clear_error (&pipe.error);
      g_free (pipe.checksum);
      g_propagate_error (error, save_error);
      return FALSE;
    }
  if (pipe.error != NULL)
    {
      /* A file that no longer reads as it did is a changed file. */
      if (pipe.error->domain == HS_EXCHANGE_ERROR
          && pipe.error->code != HS_EXCHANGE_ERROR_IO && pipe.error->code != HS_EXCHANGE_ERROR_STALE)
        {
          g_clear_error (&pipe.error);
          set_file_changed (preview, &pipe.error);
        }
      g_propagate_error (error, pipe.error);
      if (!batch_over)
        hs_repository_abort_batch (preview->repository);
      return FALSE;
    }
  if (pipe.index != preview->items->len || g_strcmp0 (pipe.checksum, preview->checksum) != 0)
    {
      g_free (pipe.checksum);
      hs_repository_abort_batch (preview->repository);
      set_file_changed (preview, error);
      return FALSE;
    }
  g_free (pipe.checksum);
  return TRUE;
}

gboolean
hs_import_preview_apply (HsImportPreview  *preview,
                         HsImportFlags     flags,
                         GCancellable     *cancellable,
                         guint            *n_saved,
                         GError          **error)
{
  g_autofree char *base = NULL;
  g_autofree char *description = NULL;
  guint n_to_save = 0;
  guint saved = 0;
  gboolean ok;
  goffset size;
  gint64 mtime;

  g_return_val_if_fail (preview != NULL, FALSE);

  if (n_saved != NULL)
    *n_saved = 0;
  if ((flags & HS_IMPORT_STRICT) != 0)
    {
      for (guint i = 0; i < preview->items->len; i++)
        {
          HsImportItem *item = g_ptr_array_index (preview->items, i);
          if (item->errors > 0)
            {
              guint failing = hs_import_preview_count_failing (preview);
              g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%s:%u: project %s breaks the funding rules; strict import refuses the file (%u project has errors)",
                                        "%s:%u: project %s breaks the funding rules; strict import refuses the file (%u projects have errors)",
                                        failing),
                           preview->path, item->line, item->code, failing);
              return FALSE;
            }
        }
    }
  if (preview->stale)
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_STALE,
                   _("The database changed after the preview of “%s” was made; nothing was imported"),
                   preview->path);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  for (guint i = 0; i < preview->items->len; i++)
    {
      HsImportItem *item = g_ptr_array_index (preview->items, i);

      if (item->skip || item->action == HS_IMPORT_UNCHANGED)
        continue;
      /* what the database cannot hold is refused here, in the rules' own
       * words, before anything is written */
      for (guint f = 0; item->findings != NULL && f < item->findings->len; f++)
        {
          const HsFinding *finding = g_ptr_array_index (item->findings, f);

          if (hs_finding_blocks_storing (finding))
            {
              g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_RULES,
                           /* Translators: file:line: project CODE …: the finding's message */
                           _("%s:%u: project %s cannot be stored: %s; nothing was imported"),
                           preview->path, item->line, item->code, finding->message);
              return FALSE;
            }
        }
      n_to_save++;
    }
  if (n_to_save == 0 && preview->new_calls->len == 0 && hs_import_preview_count_reviews (preview) == 0
      && hs_import_preview_count_proposals (preview) == 0
      && (!preview->reviews || preview->file_criteria->len == 0))
    return TRUE;

  file_stamp (preview->path, &size, &mtime);
  if (size != preview->size || mtime != preview->mtime)
    {
      set_file_changed (preview, error);
      return FALSE;
    }

  base = g_path_get_basename (preview->path);
  description = g_strdup_printf (_("Import %s"), base);
  if (!hs_repository_begin_batch (preview->repository, description, error))
    return FALSE;
  /* the file's new calls first, in the same batch: the projects' second
   * read points to them by the ids they get here */
  for (guint i = 0; i < preview->new_calls->len; i++)
    {
      g_autoptr(HsCall) call = hs_call_copy (g_ptr_array_index (preview->new_calls, i));

      call->id = 0;
      if (!hs_repository_save_call (preview->repository, call, error))
        {
          hs_repository_abort_batch (preview->repository);
          return FALSE;
        }
      g_array_index (preview->new_call_ids, gint64, i) = call->id;
    }
  preview->applying = TRUE;
  ok = (!preview->reviews || save_file_criteria (preview, error))
       && apply_in_batch (preview, cancellable, &saved, error)
       && (!preview->reviews || save_file_proposals (preview, error));
  preview->applying = FALSE;
  if (!ok)
    return FALSE;
  /* the last moment a cancel leaves the database as it was */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      hs_repository_abort_batch (preview->repository);
      return FALSE;
    }
  if (!hs_repository_commit_batch (preview->repository, error))
    return FALSE;

  preview->stale = TRUE;   /* applied: a second apply would save twice */
  if (n_saved != NULL)
    *n_saved = saved;
  return TRUE;
}

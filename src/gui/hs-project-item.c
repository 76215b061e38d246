/* hs-project-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin GObject around the plain HsProjectSummary the store hands out in
 * one query, so that a GListModel can hold it. Cells read the struct
 * directly; the list never goes back to the database per row.
 */
#define G_LOG_DOMAIN "hs-project-item"

#include "config.h"

#include <string.h>

#include "hs-project-item.h"

struct _HsProjectItem
{
  GObject          parent_instance;
  HsProjectSummary summary;
  char            *search_key;   /* casefolded code, name and implementers */
  char            *sort_keys[HS_PROJECT_ITEM_N_SORT_KEYS];  /* made when first needed */
};

G_DEFINE_FINAL_TYPE (HsProjectItem, hs_project_item, G_TYPE_OBJECT)

static void
hs_project_item_finalize (GObject *object)
{
  HsProjectItem *self = HS_PROJECT_ITEM (object);

  hs_project_summary_clear (&self->summary);
  g_free (self->search_key);
  for (guint i = 0; i < HS_PROJECT_ITEM_N_SORT_KEYS; i++)
    g_free (self->sort_keys[i]);

  G_OBJECT_CLASS (hs_project_item_parent_class)->finalize (object);
}

static void
hs_project_item_class_init (HsProjectItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_project_item_finalize;
}

static void
hs_project_item_init (HsProjectItem *self)
{
}

HsProjectItem *
hs_project_item_new_take (HsProjectSummary *summary)
{
  HsProjectItem *self = g_object_new (HS_TYPE_PROJECT_ITEM, NULL);

  g_autofree char *joined = NULL;

  self->summary = *summary;
  memset (summary, 0, sizeof *summary);

  joined = g_strjoin ("\n", self->summary.code ? self->summary.code : "",
                      self->summary.name ? self->summary.name : "",
                      self->summary.main_implementer ? self->summary.main_implementer : "",
                      self->summary.partners ? self->summary.partners : "",
                      NULL);
  self->search_key = g_utf8_casefold (joined, -1);
  return self;
}

const char *
hs_project_item_get_search_key (HsProjectItem *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_ITEM (self), NULL);

  return self->search_key;
}

const HsProjectSummary *
hs_project_item_get_summary (HsProjectItem *self)
{
  g_return_val_if_fail (HS_IS_PROJECT_ITEM (self), NULL);

  return &self->summary;
}

const char *
hs_project_item_get_sort_key (HsProjectItem     *self,
                              HsProjectItemText  which)
{
  g_return_val_if_fail (HS_IS_PROJECT_ITEM (self), NULL);
  g_return_val_if_fail (which < HS_PROJECT_ITEM_N_SORT_KEYS, NULL);

  if (self->sort_keys[which] == NULL)
    {
      const char *text = NULL;

      switch (which)
        {
        case HS_PROJECT_ITEM_CODE: text = self->summary.code; break;
        case HS_PROJECT_ITEM_NAME: text = self->summary.name; break;
        case HS_PROJECT_ITEM_MAIN_IMPLEMENTER: text = self->summary.main_implementer; break;
        case HS_PROJECT_ITEM_FOCUS_AREA: text = self->summary.focus_area; break;
        case HS_PROJECT_ITEM_N_SORT_KEYS:
        default:
          g_assert_not_reached ();
        }
      self->sort_keys[which] = g_utf8_collate_key (text != NULL ? text : "", -1);
    }
  return self->sort_keys[which];
}

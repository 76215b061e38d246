/* hs-saved-filters.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saved filters live in the user's settings, not in a portfolio: they are
 * a reviewer's own ways of looking at any portfolio. A filter names its
 * agreement and focus area as every portfolio seeded from the reference
 * data names them; the window says so when a portfolio lacks one.
 */
#define G_LOG_DOMAIN "hs-saved-filters"

#include "config.h"

#include <string.h>

#include "hs-saved-filters.h"

#define KEY "saved-filters"
#define TYPE "(ssssss)"

HsSavedFilter *
hs_saved_filter_new (const char *name,
                     const char *search,
                     const char *status,
                     const char *findings,
                     const char *agreement,
                     const char *focus_area)
{
  HsSavedFilter *filter = g_new0 (HsSavedFilter, 1);

  filter->name = g_strdup (name != NULL ? name : "");
  filter->search = g_strdup (search != NULL ? search : "");
  filter->status = g_strdup (status != NULL ? status : "");
  filter->findings = g_strdup (findings != NULL ? findings : "");
  filter->agreement = g_strdup (agreement != NULL ? agreement : "");
  filter->focus_area = g_strdup (focus_area != NULL ? focus_area : "");
  return filter;
}

HsSavedFilter *
hs_saved_filter_copy (const HsSavedFilter *filter)
{
  return hs_saved_filter_new (filter->name, filter->search, filter->status, filter->findings,
                              filter->agreement, filter->focus_area);
}

void
hs_saved_filter_free (HsSavedFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->name);
  g_free (filter->search);
  g_free (filter->status);
  g_free (filter->findings);
  g_free (filter->agreement);
  g_free (filter->focus_area);
  g_free (filter);
}

GPtrArray *
hs_saved_filters_load (GSettings *settings)
{
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_saved_filter_free);
  g_autoptr(GVariant) value = g_settings_get_value (settings, KEY);
  GVariantIter iter;
  const char *name, *search, *status, *findings, *agreement, *focus_area;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s&s&s&s&s)", &name, &search, &status, &findings,
                              &agreement, &focus_area))
    g_ptr_array_add (filters, hs_saved_filter_new (name, search, status, findings, agreement, focus_area));
  return filters;
}

static void
store (GSettings *settings,
       GPtrArray *filters)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a" TYPE));
  for (guint i = 0; i < filters->len; i++)
    {
      const HsSavedFilter *f = g_ptr_array_index (filters, i);

      g_variant_builder_add (&builder, TYPE, f->name, f->search, f->status, f->findings,
                             f->agreement, f->focus_area);
    }
  g_settings_set_value (settings, KEY, g_variant_builder_end (&builder));
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  return g_str_equal (g_strstrip (x), g_strstrip (y));
}

HsSavedFilter *
hs_saved_filters_find (GPtrArray  *filters,
                       const char *name)
{
  for (guint i = 0; i < filters->len; i++)
    {
      HsSavedFilter *f = g_ptr_array_index (filters, i);
      if (same_name (f->name, name))
        return f;
    }
  return NULL;
}

void
hs_saved_filters_put (GSettings           *settings,
                      const HsSavedFilter *filter)
{
  g_autoptr(GPtrArray) filters = hs_saved_filters_load (settings);
  HsSavedFilter *copy = hs_saved_filter_copy (filter);
  gboolean replaced = FALSE;

  g_strstrip (copy->name);
  for (guint i = 0; i < filters->len && !replaced; i++)
    if (same_name (((HsSavedFilter *) g_ptr_array_index (filters, i))->name, copy->name))
      {
        hs_saved_filter_free (g_ptr_array_index (filters, i));
        filters->pdata[i] = copy;
        replaced = TRUE;
      }
  if (!replaced)
    g_ptr_array_add (filters, copy);
  store (settings, filters);
}

gboolean
hs_saved_filters_remove (GSettings  *settings,
                         const char *name)
{
  g_autoptr(GPtrArray) filters = hs_saved_filters_load (settings);

  for (guint i = 0; i < filters->len; i++)
    if (same_name (((HsSavedFilter *) g_ptr_array_index (filters, i))->name, name))
      {
        g_ptr_array_remove_index (filters, i);
        store (settings, filters);
        return TRUE;
      }
  return FALSE;
}

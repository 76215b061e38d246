/* hs-native-writer.c — the native format, written by streaming
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic by construction, so that export → import → export gives
 * the same bytes: reference data sorted by name, projects in code order
 * (the repository's), the main implementer first and the others as
 * stored, budget lines by year, category and derived last, financing by
 * source, indicators by code (ties as stored), the status history as
 * stored (oldest first). Nothing time-dependent is written.
 */
#define G_LOG_DOMAIN "hs-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/hs-core-error.h"
#include "core/hs-enums.h"
#include "core/hs-project.h"
#include "core/hs-reference.h"
#include "hs-exchange-private.h"

typedef struct
{
  xmlTextWriterPtr  w;
  gboolean          failed;
  char             *scratch;
  GHashTable       *agreements;   /* id → HsAgreement* */
  GHashTable       *focus_areas;  /* id → HsFocusArea* */
  GHashTable       *calls;        /* id → HsCall* */
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

static gboolean
write_project (HsProject *project,
               gpointer   user_data)
{
  Writer *w = user_data;
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

  end (w);
  return !w->failed;
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

/* hs-native-reader.c — the native format, read by streaming
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/hs-date.h"
#include "core/hs-enums.h"
#include "core/hs-money.h"
#include "hs-exchange-private.h"
#include "hs-native-reader.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

struct _HsNativeReader
{
  char                   *path;
  guint64                 max_size;
  HsExchangeProgressFunc  progress;
  gpointer                progress_data;
  GChecksum              *checksum;       /* borrowed, nullable */
  gboolean                skip_schema;

  char                   *scope;
  guint                   version;
  guint                   n_projects;
  GPtrArray              *agreements;     /* HsAgreement*, id = index + 1 */
  GPtrArray              *focus_areas;    /* HsFocusArea* */
  GPtrArray              *calls;          /* HsCall* */
  GArray                 *call_defined;   /* gboolean per call */
  GArray                 *agreement_listed; /* gboolean per agreement: in <reference> */
  GArray                 *focus_area_listed; /* gboolean per focus area: in <reference> */
  /* format version 3 */
  GPtrArray              *criteria;       /* HsCriterion*, call_id file-local */
  GArray                 *criterion_lines; /* guint */
  GPtrArray              *proposals;      /* HsNativeProposal* */
  HsNativeReview         *review;         /* of the project the callback is given */
};

/* What one read keeps while it runs. */
typedef struct
{
  HsNativeReader      *self;
  xmlTextReaderPtr     r;
  HsSafeInput          input;
  HsNativeProjectFunc  func;
  gpointer             user_data;

  /* the first error libxml2 reported */
  int                  xml_errors;
  int                  xml_domain;
  int                  xml_line;
  char                *xml_message;

  /* ours */
  GError              *error;

  guint                version;       /* of the file's namespace: 1 or 2 */
  const char          *ns;            /* the file's namespace */

  GHashTable          *codes;         /* code → line (of projects read) */
  HsAgreement         *agreement;     /* in the reference section */
  HsCall              *call;          /* a call of the reference section, until its end tag */
  HsProject           *project;       /* being read */
  guint                project_line;
  HsImplementer       *implementer;
  GString             *text;
  gboolean             collecting;
  char                *text_lang;     /* of a <name> */
  /* format version 3 */
  char               **text_slot;     /* where the text being collected goes, else NULL */
  gboolean             text_nullable; /* an empty text leaves NULL there */
  HsCriterion         *criterion;     /* of the reference section, until its end tag */
  HsNativeProposal    *proposal;      /* likewise */
  HsNativeReview      *review;        /* of the project being read */
  gboolean             in_review;     /* inside its <review> */
  HsDecision          *decision;      /* inside a <decision> */
  HsVersion           *kept;          /* inside a <version> */
  HsProject           *outer_project; /* while a version's project is read */
} ReadState;

void
hs_native_review_free (HsNativeReview *review)
{
  if (review == NULL)
    return;
  hs_review_free (review->review);
  g_ptr_array_unref (review->score_criteria);
  g_ptr_array_unref (review->score_implementers);
  g_array_unref (review->score_lines);
  g_ptr_array_unref (review->grant_implementers);
  g_array_unref (review->grant_lines);
  g_free (review);
}

static HsNativeReview *
native_review_new (guint line)
{
  HsNativeReview *review = g_new0 (HsNativeReview, 1);

  review->review = hs_review_new (0);
  review->line = line;
  review->score_criteria = g_ptr_array_new_with_free_func (g_free);
  review->score_implementers = g_ptr_array_new_with_free_func (g_free);
  review->score_lines = g_array_new (FALSE, TRUE, sizeof (guint));
  review->grant_implementers = g_ptr_array_new_with_free_func (g_free);
  review->grant_lines = g_array_new (FALSE, TRUE, sizeof (guint));
  return review;
}

static void
proposal_item_clear (gpointer data)
{
  HsNativeProposalItem *item = data;

  g_free (item->code);
  g_free (item->reason);
}

static void
native_proposal_free (HsNativeProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_array_unref (proposal->items);
  g_free (proposal);
}

HsNativeReader *
hs_native_reader_new (void)
{
  HsNativeReader *self = g_new0 (HsNativeReader, 1);

  self->max_size = HS_EXCHANGE_MAX_FILE_SIZE;
  self->agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_agreement_free);
  self->focus_areas = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_focus_area_free);
  self->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_call_free);
  self->call_defined = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->agreement_listed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->focus_area_listed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_criterion_free);
  self->criterion_lines = g_array_new (FALSE, TRUE, sizeof (guint));
  self->proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) native_proposal_free);
  return self;
}

void
hs_native_reader_free (HsNativeReader *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->scope);
  g_ptr_array_unref (self->agreements);
  g_ptr_array_unref (self->focus_areas);
  g_ptr_array_unref (self->calls);
  g_array_unref (self->call_defined);
  g_array_unref (self->agreement_listed);
  g_array_unref (self->focus_area_listed);
  g_ptr_array_unref (self->criteria);
  g_array_unref (self->criterion_lines);
  g_ptr_array_unref (self->proposals);
  hs_native_review_free (self->review);
  g_free (self);
}

void
hs_native_reader_set_max_size (HsNativeReader *self,
                               guint64         max_size)
{
  self->max_size = max_size;
}

void
hs_native_reader_set_progress (HsNativeReader         *self,
                               HsExchangeProgressFunc  progress,
                               gpointer                progress_data)
{
  self->progress = progress;
  self->progress_data = progress_data;
}

void
hs_native_reader_set_checksum (HsNativeReader *self,
                               GChecksum      *checksum)
{
  self->checksum = checksum;
}

void
hs_native_reader_set_validate (HsNativeReader *self,
                               gboolean        validate)
{
  self->skip_schema = !validate;
}

const char *
hs_native_reader_get_path (HsNativeReader *self)
{
  return self->path;
}

const char *
hs_native_reader_get_scope (HsNativeReader *self)
{
  return self->scope;
}

guint
hs_native_reader_get_version (HsNativeReader *self)
{
  return self->version;
}

guint
hs_native_reader_get_n_projects (HsNativeReader *self)
{
  return self->n_projects;
}

GPtrArray *
hs_native_reader_get_agreements (HsNativeReader *self)
{
  return self->agreements;
}

GPtrArray *
hs_native_reader_get_focus_areas (HsNativeReader *self)
{
  return self->focus_areas;
}

GPtrArray *
hs_native_reader_get_calls (HsNativeReader *self)
{
  return self->calls;
}

HsNativeReview *
hs_native_reader_steal_review (HsNativeReader *self)
{
  return g_steal_pointer (&self->review);
}

GPtrArray *
hs_native_reader_get_criteria (HsNativeReader *self)
{
  return self->criteria;
}

guint
hs_native_reader_get_criterion_line (HsNativeReader *self,
                                     guint           index)
{
  g_return_val_if_fail (index < self->criterion_lines->len, 0);
  return g_array_index (self->criterion_lines, guint, index);
}

GPtrArray *
hs_native_reader_get_proposals (HsNativeReader *self)
{
  return self->proposals;
}

gboolean
hs_native_reader_call_is_defined (HsNativeReader *self,
                                  gint64          call_id)
{
  if (call_id < 1 || (guint64) call_id > self->call_defined->len)
    return FALSE;
  return g_array_index (self->call_defined, gboolean, call_id - 1);
}

void
hs_native_reader_validation_context (HsNativeReader      *self,
                                     const HsProject     *project,
                                     HsValidationContext *context)
{
  memset (context, 0, sizeof *context);
  if (hs_native_reader_call_is_defined (self, project->call_id))
    context->call = g_ptr_array_index (self->calls, project->call_id - 1);
  if (project->focus_area_id >= 1 && (guint64) project->focus_area_id <= self->focus_areas->len)
    {
      HsFocusArea *fa = g_ptr_array_index (self->focus_areas, project->focus_area_id - 1);
      gboolean agreement_listed = fa->agreement_id >= 1 && (guint64) fa->agreement_id <= self->agreement_listed->len &&
                                  g_array_index (self->agreement_listed, gboolean, fa->agreement_id - 1);

      /* a file that lists its agreement's focus areas and names another */
      if (agreement_listed && !g_array_index (self->focus_area_listed, gboolean, fa->id - 1))
        context->unlisted_focus_area = fa->name;
      else
        context->focus_area = fa;
    }
  /* the file's agreement: a name without an end date, so a file checked on
   * its own is not held to one (import checks against the database's) */
  if (project->agreement_id >= 1 && (guint64) project->agreement_id <= self->agreements->len)
    context->agreement = g_ptr_array_index (self->agreements, project->agreement_id - 1);
  context->lang = hs_lang_current ();
}

/* ---- errors ------------------------------------------------------------- */

static void
structured_error (void        *user_data,
                  xmlErrorPtr  err)
{
  ReadState *state = user_data;

  if (err == NULL || err->level < XML_ERR_ERROR)
    return;
  if (state->xml_errors++ == 0)
    {
      state->xml_domain = err->domain;
      state->xml_line = err->line;
      state->xml_message = g_strchomp (g_strdup (err->message != NULL ? err->message : "?"));
    }
}

/* The line of the node the reader is on (the parser itself may have read
 * further ahead). From line 65535 on an element keeps no line of its own
 * (XML_PARSE_BIG_LINES keeps them for text): libxml2 gives the line where
 * its first child text ends, so the newlines of that text are taken off. */
static guint
current_line (ReadState *state)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (state->r);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line > 65535 && node->type == XML_ELEMENT_NODE && node->line == 65535 &&
      node->children != NULL && node->children->type == XML_TEXT_NODE && node->children->content != NULL)
    for (const xmlChar *c = node->children->content; *c != '\0' && line > 65535; c++)
      if (*c == '\n')
        line--;
  if (line <= 0)
    line = xmlTextReaderGetParserLineNumber (state->r);
  return line > 0 ? (guint) line : 1;
}

static gboolean
fail (ReadState  *state,
      int         code,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (ReadState  *state,
      int         code,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (state->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (&state->error, HS_EXCHANGE_ERROR, code, "%s:%u: %s",
               state->self->path, line, message);
  return FALSE;
}

/* ---- attributes --------------------------------------------------------- */

static char *
get_attr (ReadState  *state,
          const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (state->r, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
get_int (ReadState  *state,
         const char *name,
         gint64      min,
         gint64      max,
         gint64     *out,
         gboolean    required)
{
  g_autofree char *text = get_attr (state, name);
  g_autoptr(GError) local_error = NULL;
  gint64 value;

  if (text == NULL)
    {
      if (required)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("the attribute “%s” is missing"), name);
      return TRUE;
    }
  g_strstrip (text);
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, &local_error))
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the attribute “%s” is not a whole number from %lld to %lld: “%s”"),
                 name, (long long) min, (long long) max, text);
  *out = value;
  return TRUE;
}

static gboolean
get_date (ReadState  *state,
          const char *name,
          GDate      *out,
          gboolean    required)
{
  g_autofree char *text = get_attr (state, name);

  g_date_clear (out, 1);
  if (text == NULL)
    {
      if (required)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("the attribute “%s” is missing"), name);
      return TRUE;
    }
  if (!hs_date_from_iso (text, out, NULL))
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the attribute “%s” is not a date YYYY-MM-DD: “%s”"), name, text);
  return TRUE;
}

static gboolean
get_bool (ReadState  *state,
          const char *name)
{
  g_autofree char *text = get_attr (state, name);

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  return g_str_equal (text, "true") || g_str_equal (text, "1");
}

/* An enumeration's id → value, or a failure. */
static gboolean
get_enum (ReadState   *state,
          const char  *name,
          int        (*from_id) (const char *),
          int         *out)
{
  g_autofree char *text = get_attr (state, name);
  int value;

  if (text == NULL)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the attribute “%s” is missing"), name);
  g_strstrip (text);
  value = from_id (text);
  if (value < 0)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the attribute “%s” has an unknown value “%s”"), name, text);
  *out = value;
  return TRUE;
}

/* ---- references --------------------------------------------------------- */

static HsAgreement *
agreement_by_region (HsNativeReader *self,
                     const char     *region)
{
  for (guint i = 0; i < self->agreements->len; i++)
    {
      HsAgreement *a = g_ptr_array_index (self->agreements, i);
      if (g_strcmp0 (a->region_name, region) == 0)
        return a;
    }
  return NULL;
}

static HsAgreement *
add_agreement (HsNativeReader *self,
               const char     *region)
{
  HsAgreement *a = g_new0 (HsAgreement, 1);

  a->id = self->agreements->len + 1;
  g_array_set_size (self->agreement_listed, a->id);
  a->region_name = g_strdup (region);
  a->cities = g_new0 (char *, 1);
  g_date_clear (&a->signed_date, 1);
  g_ptr_array_add (self->agreements, a);
  return a;
}

static HsFocusArea *
focus_area_by_name (HsNativeReader *self,
                    gint64          agreement_id,
                    const char     *name)
{
  for (guint i = 0; i < self->focus_areas->len; i++)
    {
      HsFocusArea *fa = g_ptr_array_index (self->focus_areas, i);
      if (fa->agreement_id == agreement_id && g_strcmp0 (fa->name, name) == 0)
        return fa;
    }
  return NULL;
}

static HsFocusArea *
add_focus_area (HsNativeReader *self,
                gint64          agreement_id,
                const char     *name)
{
  HsFocusArea *fa = g_new0 (HsFocusArea, 1);

  fa->id = self->focus_areas->len + 1;
  g_array_set_size (self->focus_area_listed, fa->id);
  fa->agreement_id = agreement_id;
  fa->name = g_strdup (name);
  g_ptr_array_add (self->focus_areas, fa);
  return fa;
}

static HsCall *
call_by_name (HsNativeReader *self,
              gint64          agreement_id,
              const char     *name)
{
  for (guint i = 0; i < self->calls->len; i++)
    {
      HsCall *call = g_ptr_array_index (self->calls, i);
      if (call->agreement_id == agreement_id && g_strcmp0 (call->name, name) == 0)
        return call;
    }
  return NULL;
}

static HsCall *
add_call (HsNativeReader *self,
          gint64          agreement_id,
          const char     *name,
          gboolean        defined)
{
  HsCall *call = hs_call_new_default ();

  call->id = self->calls->len + 1;
  call->agreement_id = agreement_id;
  call->name = g_strdup (name);
  g_ptr_array_add (self->calls, call);
  g_array_append_val (self->call_defined, defined);
  return call;
}

static int
cost_model_from_word (const char *word)
{
  return hs_cost_model_from_id (word);
}

static gboolean
read_reference_call (ReadState *state)
{
  HsNativeReader *self = state->self;
  g_autofree char *name = get_attr (state, "name");
  g_autofree char *models = get_attr (state, "cost-models");
  g_auto(GStrv) words = NULL;
  HsCall *call;
  gint64 value;

  if (name == NULL)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state), _("the attribute “%s” is missing"), "name");
  if (call_by_name (self, state->agreement->id, name) != NULL)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the call “%s” is listed twice"), name);
  call = add_call (self, state->agreement->id, name, TRUE);
  if (!get_date (state, "open", &call->open_date, FALSE) ||
      !get_date (state, "close", &call->close_date, FALSE))
    return FALSE;
  if (!get_int (state, "max-support-bp", 0, 10000, &value, TRUE))
    return FALSE;
  call->max_support_bp = (gint32) value;
  if (!get_int (state, "min-city-bp", 0, 10000, &value, TRUE))
    return FALSE;
  call->min_city_bp = (gint32) value;
  if (!get_int (state, "min-own-bp", 0, 10000, &value, TRUE))
    return FALSE;
  call->min_own_bp = (gint32) value;
  if (!get_int (state, "max-duration-months", 0, 1200, &value, TRUE))
    return FALSE;
  call->max_duration_months = (guint) value;
  if (!get_int (state, "money-available", 0, HS_MONEY_MAX, &value, TRUE))
    return FALSE;
  call->money_available = value;

  /* format version 2: the rest of a call notice (absent in version 1) */
  call->name_sv = get_attr (state, "name-sv");
  call->name_en = get_attr (state, "name-en");
  call->intermediary = get_attr (state, "intermediary");
  {
    g_autofree char *instrument = get_attr (state, "instrument");
    if (instrument != NULL)
      {
        int id = hs_instrument_from_id (g_strstrip (instrument));
        if (id < 0)
          return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                       _("the attribute “%s” has an unknown value “%s”"), "instrument", instrument);
        call->instrument = id;
      }
  }
  value = 0;
  if (!get_int (state, "max-support", 0, HS_MONEY_MAX, &value, FALSE))
    return FALSE;
  call->max_support = value;
  value = 0;
  if (!get_int (state, "max-city-bp", 0, 10000, &value, FALSE))
    return FALSE;
  call->max_city_bp = (gint32) value;
  value = 0;
  if (!get_int (state, "max-projects", 0, 100000, &value, FALSE))
    return FALSE;
  call->max_projects = (guint) value;
  value = 0;
  if (!get_int (state, "city-money-available", 0, HS_MONEY_MAX, &value, FALSE))
    return FALSE;
  call->city_money_available = value;

  /* what the schema cannot say */
  if (call->max_city_bp != 0 && call->max_city_bp < call->min_city_bp)
    {
      g_autofree char *max_text = hs_rate_format_limit (call->max_city_bp, hs_lang_current ());
      g_autofree char *min_text = hs_rate_format_limit (call->min_city_bp, hs_lang_current ());
      return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                   _("the call “%s” allows the city at most %s, less than the %s it requires at least"),
                   name, max_text, min_text);
    }
  if (g_date_valid (&call->open_date) && g_date_valid (&call->close_date) &&
      g_date_compare (&call->open_date, &call->close_date) > 0)
    {
      g_autofree char *open_text = hs_date_format (&call->open_date, hs_lang_current ());
      g_autofree char *close_text = hs_date_format (&call->close_date, hs_lang_current ());
      return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                   _("the call “%s” closes on %s, before it opens on %s"),
                   name, close_text, open_text);
    }

  call->allowed_cost_models = 0;
  words = g_strsplit_set (models != NULL ? models : "", " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      int model;
      if (*words[i] == '\0')
        continue;
      model = cost_model_from_word (words[i]);
      if (model < 0)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("the attribute “%s” has an unknown value “%s”"), "cost-models", words[i]);
      call->allowed_cost_models |= 1u << model;
    }
  state->call = call;
  return TRUE;
}

/* ---- projects ----------------------------------------------------------- */

static gboolean
start_project (ReadState *state)
{
  g_autofree char *code = get_attr (state, "code");
  HsProject *project;
  gpointer first_line;
  int value;

  if (code == NULL)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state), _("the attribute “%s” is missing"), "code");
  if (state->outer_project != NULL)
    {
      /* a kept version: the same code as its project */
      project = hs_project_new (code);
      state->project = project;
      goto attributes;
    }
  if (g_hash_table_lookup_extended (state->codes, code, NULL, &first_line))
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the project code “%s” appears twice (first on line %u)"),
                 code, GPOINTER_TO_UINT (first_line));
  state->project_line = current_line (state);
  g_hash_table_insert (state->codes, g_strdup (code), GUINT_TO_POINTER (state->project_line));

  project = hs_project_new (code);
  state->project = project;
attributes:
  if (!get_enum (state, "status", hs_status_from_id, &value))
    return FALSE;
  project->status = value;
  if (!get_enum (state, "cost-model", hs_cost_model_from_id, &value))
    return FALSE;
  project->cost_model = value;
  if (!get_date (state, "start", &project->start_date, FALSE) ||
      !get_date (state, "end", &project->end_date, FALSE))
    return FALSE;
  project->example = get_bool (state, "example");
  return TRUE;
}

static gboolean
end_text (ReadState  *state,
          const char *name)
{
  HsNativeReader *self = state->self;
  HsProject *project = state->project;
  char *text;

  state->collecting = FALSE;
  text = g_strndup (state->text->str, state->text->len);

  if (g_str_equal (name, "name"))
    {
      char **slot = NULL;
      if (g_strcmp0 (state->text_lang, "fi") == 0)
        slot = &project->name_fi;
      else if (g_strcmp0 (state->text_lang, "sv") == 0)
        slot = &project->name_sv;
      else if (g_strcmp0 (state->text_lang, "en") == 0)
        slot = &project->name_en;
      if (slot == NULL)
        {
          g_free (text);
          return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                       _("a name has an unknown language “%s”"), state->text_lang ? state->text_lang : "");
        }
      if (*slot != NULL)
        {
          g_free (text);
          return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                       _("the project has two names in the language “%s”"), state->text_lang);
        }
      *slot = text;
    }
  else if (g_str_equal (name, "acronym"))
    {
      g_free (project->acronym);
      project->acronym = text;
    }
  else if (g_str_equal (name, "summary"))
    {
      g_free (project->summary);
      project->summary = text;
    }
  else if (g_str_equal (name, "agreement"))
    {
      HsAgreement *a = agreement_by_region (self, text);
      if (a == NULL)
        a = add_agreement (self, text);
      project->agreement_id = a->id;
      g_free (text);
    }
  else if (g_str_equal (name, "focus-area"))
    {
      HsFocusArea *fa = focus_area_by_name (self, project->agreement_id, text);
      if (fa == NULL)
        fa = add_focus_area (self, project->agreement_id, text);
      project->focus_area_id = fa->id;
      g_free (text);
    }
  else if (g_str_equal (name, "call"))
    {
      HsCall *call = call_by_name (self, project->agreement_id, text);
      if (call == NULL)
        call = add_call (self, project->agreement_id, text, FALSE);
      project->call_id = call->id;
      g_free (text);
    }
  else
    g_free (text);
  return TRUE;
}

static gboolean
read_organisation (ReadState *state)
{
  g_autofree char *name = get_attr (state, "name");
  g_autofree char *business_id = get_attr (state, "business-id");
  HsOrganisation *org;
  int type;

  if (name == NULL)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state), _("the attribute “%s” is missing"), "name");
  if (!get_enum (state, "type", hs_org_type_from_id, &type))
    return FALSE;
  org = hs_organisation_new (name, business_id, type);
  org->municipality = get_attr (state, "municipality");
  org->foreign = get_bool (state, "foreign");
  hs_organisation_free (state->implementer->organisation);
  state->implementer->organisation = org;
  return TRUE;
}

static gboolean
read_cost (ReadState *state)
{
  GArray *budget = state->implementer->budget;
  HsBudgetLine line = { 0 };
  gint64 value;
  int category;

  if (!get_int (state, "year", 1900, 2200, &value, TRUE))
    return FALSE;
  line.year = (int) value;
  if (!get_enum (state, "category", hs_cost_category_from_id, &category))
    return FALSE;
  line.category = category;
  if (!get_int (state, "cents", 0, HS_MONEY_MAX, &line.amount, TRUE))
    return FALSE;
  line.derived = get_bool (state, "derived");

  for (guint i = 0; i < budget->len; i++)
    {
      const HsBudgetLine *other = &g_array_index (budget, HsBudgetLine, i);
      if (other->year == line.year && other->category == line.category && !other->derived == !line.derived)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("the implementer has two cost lines for %s in %d"),
                     hs_cost_category_to_id (line.category), line.year);
    }
  g_array_append_val (budget, line);
  return TRUE;
}

static gboolean
read_financing (ReadState *state)
{
  GArray *financing = state->implementer->financing;
  HsFinancingLine line = { 0 };
  int source;

  if (!get_enum (state, "source", hs_source_from_id, &source))
    return FALSE;
  line.source = source;
  /* format version 2: a line of a calendar year (no year: not divided by
   * year); version 1's schema has no such attribute */
  {
    gint64 year = 0;
    if (!get_int (state, "year", 2000, 2100, &year, FALSE))
      return FALSE;
    line.year = (int) year;
  }
  if (!get_int (state, "cents", 0, HS_MONEY_MAX, &line.amount, TRUE))
    return FALSE;

  /* one line per source and year, kept in (source, year) order as the
   * project keeps them */
  {
    guint at = financing->len;

    for (guint i = 0; i < financing->len; i++)
      {
        const HsFinancingLine *other = &g_array_index (financing, HsFinancingLine, i);

        if (other->source == line.source && other->year == line.year)
          {
            if (line.year != 0)
              return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                           _("the implementer has two financing lines for %s in %d"),
                           hs_source_to_id (line.source), line.year);
            return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                         _("the implementer has two financing lines for %s"), hs_source_to_id (line.source));
          }
        if (at == financing->len &&
            (other->source > line.source || (other->source == line.source && other->year > line.year)))
          at = i;
      }
    g_array_insert_val (financing, at, line);
  }
  return TRUE;
}

/* ---- format version 3: reviews, criteria, proposals ---------------------- */

static void
collect_into (ReadState  *state,
              char      **slot,
              gboolean    nullable)
{
  g_string_truncate (state->text, 0);
  state->collecting = TRUE;
  state->text_slot = slot;
  state->text_nullable = nullable;
}

/* An implementer's name in a review: its business id, "=" and its name, or NULL. */
static char *
get_implementer (ReadState *state)
{
  g_autofree char *business_id = get_attr (state, "implementer");
  g_autofree char *name = get_attr (state, "implementer-name");

  if (business_id != NULL)
    return g_strdup (g_strstrip (business_id));
  if (name != NULL)
    return g_strconcat ("=", name, NULL);
  return NULL;
}

static gboolean
get_moment (ReadState  *state,
            const char *name,
            char      **out)
{
  g_free (*out);
  *out = get_attr (state, name);
  return TRUE;
}

static gboolean
read_criterion (ReadState *state)
{
  HsNativeReader *self = state->self;
  g_autofree char *key = get_attr (state, "key");
  HsCriterion *criterion;
  gint64 value;
  int kind;
  guint line = current_line (state);

  if (key == NULL)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, line, _("the attribute “%s” is missing"), "key");
  g_strstrip (key);
  for (guint i = 0; i < self->criteria->len; i++)
    {
      const HsCriterion *other = g_ptr_array_index (self->criteria, i);
      if (other->call_id == state->call->id && g_strcmp0 (other->key, key) == 0)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, line,
                     _("the call “%s” has two criteria “%s”"), state->call->name, key);
    }
  if (!get_enum (state, "kind", hs_criterion_kind_from_id, &kind))
    return FALSE;
  criterion = hs_criterion_new (key, kind);
  criterion->call_id = state->call->id;
  criterion->objective = get_attr (state, "objective");
  value = 100;
  if (!get_int (state, "weight", 0, 100000, &value, FALSE))
    {
      hs_criterion_free (criterion);
      return FALSE;
    }
  criterion->weight = (guint) value;
  value = -1;
  if (!get_int (state, "minimum", 0, 5, &value, FALSE))
    {
      hs_criterion_free (criterion);
      return FALSE;
    }
  criterion->minimum = (int) value;
  criterion->per_implementer = get_bool (state, "per-implementer");
  criterion->position = self->criteria->len;
  g_ptr_array_add (self->criteria, criterion);
  g_array_append_val (self->criterion_lines, line);
  state->criterion = criterion;
  return TRUE;
}

static gboolean
start_reference_review (ReadState  *state,
                        const char *name,
                        gboolean   *handled)
{
  *handled = TRUE;
  if (state->criterion != NULL && g_str_equal (name, "name"))
    {
      g_autofree char *lang = get_attr (state, "lang");
      char **slot = NULL;

      if (g_strcmp0 (lang, "fi") == 0)
        slot = &state->criterion->name_fi;
      else if (g_strcmp0 (lang, "sv") == 0)
        slot = &state->criterion->name_sv;
      else if (g_strcmp0 (lang, "en") == 0)
        slot = &state->criterion->name_en;
      if (slot == NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("a name has an unknown language “%s”"), lang != NULL ? lang : "");
      g_clear_pointer (slot, g_free);
      collect_into (state, slot, TRUE);
      return TRUE;
    }
  if (state->proposal != NULL && g_str_equal (name, "item"))
    {
      HsNativeProposalItem item = { 0 };
      HsNativeProposalItem *added;
      gint64 position = 0;

      item.code = get_attr (state, "project");
      if (item.code == NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state), _("the attribute “%s” is missing"), "project");
      item.line = current_line (state);
      if (!get_int (state, "position", 0, 100000, &position, TRUE))
        {
          g_free (item.code);
          return FALSE;
        }
      item.position = (guint) position;
      g_array_append_val (state->proposal->items, item);
      added = &g_array_index (state->proposal->items, HsNativeProposalItem, state->proposal->items->len - 1);
      collect_into (state, &added->reason, TRUE);
      return TRUE;
    }
  if (state->call != NULL && g_str_equal (name, "criterion"))
    return read_criterion (state);
  if (state->call != NULL && g_str_equal (name, "proposal"))
    {
      HsNativeProposal *proposal = g_new0 (HsNativeProposal, 1);

      proposal->call_id = state->call->id;
      proposal->line = current_line (state);
      proposal->items = g_array_new (FALSE, TRUE, sizeof (HsNativeProposalItem));
      g_array_set_clear_func (proposal->items, proposal_item_clear);
      g_ptr_array_add (state->self->proposals, proposal);
      state->proposal = proposal;
      return get_date (state, "meeting", &proposal->meeting, FALSE);
    }
  *handled = FALSE;
  return TRUE;
}

static gboolean start_project (ReadState *state);

/* Inside a project's <review>. */
static gboolean
start_review_element (ReadState  *state,
                      const char *name)
{
  HsNativeReview *nr = state->review;
  HsReview *review = nr->review;
  guint line = current_line (state);

  if (state->kept != NULL)
    {
      if (!g_str_equal (name, "project") || state->kept->project != NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, line,
                     _("a kept version holds one project and nothing else"));
      state->outer_project = g_steal_pointer (&state->project);
      return start_project (state);
    }
  if (g_str_equal (name, "score"))
    {
      HsScore *score = g_new0 (HsScore, 1);
      gint64 value;

      g_ptr_array_add (review->scores, score);
      score->justification = g_strdup ("");
      score->reviewer = get_attr (state, "reviewer");
      if (score->reviewer == NULL)
        score->reviewer = g_strdup ("");
      get_moment (state, "written", &score->written);
      get_moment (state, "by", &score->actor);
      if (!get_int (state, "score", 0, 5, &value, TRUE))
        return FALSE;
      score->score = (int) value;
      {
        char *key = get_attr (state, "criterion");
        if (key == NULL)
          return fail (state, HS_EXCHANGE_ERROR_SCHEMA, line, _("the attribute “%s” is missing"), "criterion");
        g_ptr_array_add (nr->score_criteria, g_strstrip (key));
      }
      g_ptr_array_add (nr->score_implementers, get_implementer (state));
      g_array_append_val (nr->score_lines, line);
      collect_into (state, &score->justification, FALSE);
      return TRUE;
    }
  if (g_str_equal (name, "comment"))
    {
      HsReviewComment *comment = g_new0 (HsReviewComment, 1);

      g_ptr_array_add (review->comments, comment);
      comment->text = g_strdup ("");
      comment->reviewer = get_attr (state, "reviewer");
      if (comment->reviewer == NULL)
        comment->reviewer = g_strdup ("");
      get_moment (state, "written", &comment->written);
      get_moment (state, "by", &comment->actor);
      collect_into (state, &comment->text, FALSE);
      return TRUE;
    }
  if (g_str_equal (name, "decision"))
    {
      g_autofree char *kind = get_attr (state, "kind");
      HsDecision *decision;
      gint64 value = 0;

      if (kind == NULL || (!g_str_equal (g_strstrip (kind), "grant") && !g_str_equal (kind, "reject")))
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, line,
                     _("the attribute “%s” has an unknown value “%s”"), "kind", kind != NULL ? kind : "");
      decision = hs_decision_new (g_str_equal (kind, "grant") ? HS_DECISION_GRANT : HS_DECISION_REJECT);
      g_ptr_array_add (review->decisions, decision);
      state->decision = decision;
      decision->change = get_bool (state, "change");
      if (!get_int (state, "version", 0, 100000, &value, TRUE))
        return FALSE;
      decision->version = (guint) value;
      decision->number = get_attr (state, "number");
      decision->decided_by = get_attr (state, "decided-by");
      get_moment (state, "recorded", &decision->recorded);
      get_moment (state, "by", &decision->actor);
      return get_date (state, "date", &decision->date, FALSE)
             && get_date (state, "eligible-from", &decision->eligible_from, FALSE)
             && get_date (state, "eligible-until", &decision->eligible_until, FALSE);
    }
  if (state->decision != NULL && g_str_equal (name, "conditions"))
    {
      g_clear_pointer (&state->decision->conditions, g_free);
      collect_into (state, &state->decision->conditions, TRUE);
      return TRUE;
    }
  if (state->decision != NULL && g_str_equal (name, "reason"))
    {
      g_clear_pointer (&state->decision->reason, g_free);
      collect_into (state, &state->decision->reason, TRUE);
      return TRUE;
    }
  if (state->decision != NULL && g_str_equal (name, "grant"))
    {
      HsGrant grant = { 0 };

      if (!get_int (state, "applied", 0, HS_MONEY_MAX, &grant.applied, TRUE)
          || !get_int (state, "granted", 0, HS_MONEY_MAX, &grant.granted, TRUE))
        return FALSE;
      g_array_append_val (state->decision->grants, grant);
      g_ptr_array_add (nr->grant_implementers, get_implementer (state));
      g_array_append_val (nr->grant_lines, line);
      return TRUE;
    }
  if (g_str_equal (name, "version"))
    {
      HsVersion *version = g_new0 (HsVersion, 1);
      int kind;
      gint64 number;

      g_ptr_array_add (review->versions, version);
      state->kept = version;
      if (!get_int (state, "number", 0, 100000, &number, TRUE))
        return FALSE;
      version->number = (guint) number;
      if (!get_enum (state, "kind", hs_version_kind_from_id, &kind))
        return FALSE;
      version->kind = kind;
      get_moment (state, "made", &version->made);
      return TRUE;
    }
  if (g_str_equal (name, "change-application"))
    {
      review->change_open = TRUE;
      if (!get_date (state, "made", &review->change_made, FALSE)
          || !get_date (state, "starts", &review->change_starts, FALSE))
        return FALSE;
      g_clear_pointer (&review->change_reason, g_free);
      collect_into (state, &review->change_reason, TRUE);
      return TRUE;
    }
  return TRUE;
}

static gboolean
end_review_element (ReadState  *state,
                    const char *name)
{
  HsReview *review = state->review->review;

  if (g_str_equal (name, "decision"))
    state->decision = NULL;
  else if (g_str_equal (name, "version") && state->kept != NULL)
    {
      if (state->kept->project == NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("a kept version has no project"));
      state->kept = NULL;
    }
  else if (g_str_equal (name, "review"))
    {
      state->in_review = FALSE;
      /* the schema lets them come in any number; the store keeps one per number */
      for (guint i = 1; i < review->versions->len; i++)
        if (((HsVersion *) g_ptr_array_index (review->versions, i))->number
            <= ((HsVersion *) g_ptr_array_index (review->versions, i - 1))->number)
          return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                       _("the kept versions are not numbered 1, 2, … in order"));
    }
  return TRUE;
}

static gboolean
start_element (ReadState  *state,
               const char *name,
               int         depth)
{
  HsNativeReader *self = state->self;

  if (depth == 0)
    {
      g_free (self->scope);
      self->scope = get_attr (state, "scope");
      return TRUE;
    }

  if (state->project == NULL)
    {
      if (state->collecting)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("the element “%s” cannot stand inside a text element"), name);
      if (g_str_equal (name, "description") && state->call != NULL)
        {
          g_string_truncate (state->text, 0);
          state->collecting = TRUE;
          return TRUE;
        }
      if (state->kept != NULL && state->in_review)
        return start_review_element (state, name);
      {
        gboolean handled;

        if (!start_reference_review (state, name, &handled))
          return FALSE;
        if (handled)
          return TRUE;
      }
      state->call = NULL;   /* anything else ends a call's content */
      state->criterion = NULL;
      state->proposal = NULL;
      if (g_str_equal (name, "project"))
        return start_project (state);
      if (g_str_equal (name, "agreement") && depth == 2)
        {
          g_autofree char *region = get_attr (state, "region");
          if (region == NULL)
            return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state), _("the attribute “%s” is missing"), "region");
          if (agreement_by_region (self, region) != NULL)
            return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                         _("the agreement “%s” is listed twice"), region);
          state->agreement = add_agreement (self, region);
          state->agreement->intermediary = get_attr (state, "intermediary");
          g_array_index (self->agreement_listed, gboolean, state->agreement->id - 1) = TRUE;
          return TRUE;
        }
      if (g_str_equal (name, "focus-area") && state->agreement != NULL)
        {
          g_autofree char *fa_name = get_attr (state, "name");
          HsFocusArea *fa;
          gint64 year = 0;

          if (fa_name == NULL)
            return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state), _("the attribute “%s” is missing"), "name");
          if (focus_area_by_name (self, state->agreement->id, fa_name) != NULL)
            return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                         _("the focus area “%s” is listed twice"), fa_name);
          fa = add_focus_area (self, state->agreement->id, fa_name);
          g_array_index (self->focus_area_listed, gboolean, fa->id - 1) = TRUE;
          if (!get_int (state, "first-year", 1900, 2200, &year, FALSE))
            return FALSE;
          fa->first_year = (int) year;
          year = 0;
          if (!get_int (state, "last-year", 1900, 2200, &year, FALSE))
            return FALSE;
          fa->last_year = (int) year;
          return TRUE;
        }
      if (g_str_equal (name, "call") && state->agreement != NULL)
        return read_reference_call (state);
      return TRUE;
    }

  /* inside a project. Without the schema (the apply pass of an import) the
   * nesting is not checked for us: a project or an implementer inside
   * another, or any element inside a text, would end the wrong one. */
  if (state->collecting)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the element “%s” cannot stand inside a text element"), name);
  if (state->in_review && state->outer_project == NULL)
    return start_review_element (state, name);
  if (g_str_equal (name, "review"))
    {
      if (state->outer_project != NULL || state->review != NULL || state->implementer != NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("the project “%s” has a review in the wrong place"), state->project->code);
      state->review = native_review_new (current_line (state));
      state->in_review = TRUE;
      state->review->review->processing_council = get_attr (state, "processing-council");
      state->review->review->coordinating_council = get_attr (state, "coordinating-council");
      return TRUE;
    }
  if (g_str_equal (name, "project"))
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the project “%s” contains another project"), state->project->code);
  if (g_str_equal (name, "implementer"))
    {
      g_autofree char *role = NULL;
      gboolean is_main;

      if (state->implementer != NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("an implementer of the project “%s” contains another implementer"),
                     state->project->code);
      role = get_attr (state, "role");
      is_main = g_strcmp0 (role, "main") == 0;

      if (is_main && hs_project_get_main (state->project) != NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("the project “%s” has two main implementers"), state->project->code);
      state->implementer = hs_implementer_new (NULL, is_main);
      g_ptr_array_add (state->project->implementers, state->implementer);
      return TRUE;
    }
  if (state->implementer != NULL)
    {
      if (g_str_equal (name, "organisation"))
        return read_organisation (state);
      if (g_str_equal (name, "cost"))
        return read_cost (state);
      if (g_str_equal (name, "financing"))
        return read_financing (state);
      return TRUE;
    }
  if (g_str_equal (name, "indicator"))
    {
      HsIndicator indicator = { 0 };
      if (!get_int (state, "target", G_MININT64, G_MAXINT64, &indicator.target, TRUE))
        return FALSE;
      indicator.code = get_attr (state, "code");
      if (indicator.code == NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state), _("the attribute “%s” is missing"), "code");
      g_array_append_val (state->project->indicators, indicator);
      return TRUE;
    }
  if (g_str_equal (name, "status-change"))
    {
      HsStatusChange change;
      int status;
      if (!get_enum (state, "status", hs_status_from_id, &status) ||
          !get_date (state, "date", &change.date, TRUE))
        return FALSE;
      change.status = status;
      g_array_append_val (state->project->history, change);
      return TRUE;
    }
  if (g_str_equal (name, "name") || g_str_equal (name, "acronym") || g_str_equal (name, "agreement") ||
      g_str_equal (name, "focus-area") || g_str_equal (name, "call") || g_str_equal (name, "summary"))
    {
      g_string_truncate (state->text, 0);
      state->collecting = TRUE;
      if (g_str_equal (name, "name"))
        {
          g_free (state->text_lang);
          state->text_lang = get_attr (state, "lang");
        }
      return TRUE;
    }
  return TRUE;
}

static gboolean
end_element (ReadState  *state,
             const char *name)
{
  if (state->collecting && state->text_slot != NULL)
    {
      char **slot = state->text_slot;

      state->collecting = FALSE;
      state->text_slot = NULL;
      g_free (*slot);
      *slot = state->text->len > 0 || !state->text_nullable ? g_strndup (state->text->str, state->text->len) : NULL;
      return TRUE;
    }
  if (state->project == NULL && state->in_review)
    return end_review_element (state, name);
  if (state->in_review && state->outer_project == NULL && !g_str_equal (name, "project"))
    return end_review_element (state, name);
  if (state->project == NULL)
    {
      if (state->collecting)
        {
          state->collecting = FALSE;
          if (g_str_equal (name, "description") && state->call != NULL)
            {
              g_free (state->call->description);
              state->call->description = state->text->len > 0 ? g_strndup (state->text->str, state->text->len) : NULL;
            }
          return TRUE;
        }
      if (g_str_equal (name, "call"))
        state->call = NULL;
      if (g_str_equal (name, "criterion"))
        state->criterion = NULL;
      if (g_str_equal (name, "proposal"))
        state->proposal = NULL;
      if (g_str_equal (name, "agreement"))
        state->agreement = NULL;
      return TRUE;
    }
  if (state->collecting)
    return end_text (state, name);
  if (g_str_equal (name, "implementer") && state->implementer != NULL)
    {
      if (state->implementer->organisation == NULL)
        return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                     _("an implementer has no organisation"));
      state->implementer = NULL;
      return TRUE;
    }
  if (g_str_equal (name, "project") && state->outer_project != NULL)
    {
      /* a kept version's project */
      state->implementer = NULL;
      state->kept->project = g_steal_pointer (&state->project);
      state->project = g_steal_pointer (&state->outer_project);
      return TRUE;
    }
  if (g_str_equal (name, "project"))
    {
      HsProject *project = g_steal_pointer (&state->project);
      GError *local_error = NULL;

      state->implementer = NULL;   /* it pointed into the project */
      state->self->n_projects++;
      if (state->in_review)
        {
          hs_project_free (project);
          return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                       _("a review is not closed before its project ends"));
        }
      hs_native_review_free (state->self->review);
      state->self->review = g_steal_pointer (&state->review);
      if (state->self->review != NULL)
        state->self->review->review->project_id = project->id;
      if (state->func != NULL && !state->func (state->self, project, state->project_line,
                                               state->user_data, &local_error))
        {
          if (local_error != NULL && state->error == NULL)
            state->error = local_error;
          else
            g_clear_error (&local_error);
          if (state->error == NULL)
            g_set_error (&state->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Reading was stopped"));
          return FALSE;
        }
      if (state->func == NULL)
        hs_project_free (project);
      g_clear_pointer (&state->self->review, hs_native_review_free);
      return TRUE;
    }
  return TRUE;
}

/* ---- the loop ----------------------------------------------------------- */

/* 1, 2 … for the namespace of a version this reader knows, else 0. */
static guint
version_of_namespace (const char *ns)
{
  if (g_strcmp0 (ns, HS_NATIVE_NAMESPACE_1) == 0)
    return 1;
  if (g_strcmp0 (ns, HS_NATIVE_NAMESPACE_2) == 0)
    return 2;
  if (g_strcmp0 (ns, HS_NATIVE_NAMESPACE_3) == 0)
    return 3;
  return 0;
}

static gboolean
check_root (ReadState  *state,
            const char *name,
            const char *ns)
{
  g_autofree char *version = get_attr (state, "version");
  guint known = version_of_namespace (ns);
  char expected[8];

  if (ns != NULL && g_str_has_prefix (ns, HS_NATIVE_NAMESPACE_PREFIX) && known == 0)
    return fail (state, HS_EXCHANGE_ERROR_VERSION, current_line (state),
                 _("the file is in a newer version of the format (namespace %s); "
                   "this version of Hankesalkku reads format version %s"), ns, HS_NATIVE_VERSION);
  if (known == 0 || !g_str_equal (name, "portfolio"))
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("this is not a Hankesalkku portfolio file: its root element is “%s” in the namespace “%s”, "
                   "not “portfolio” in “%s”"), name, ns != NULL ? ns : "", HS_NATIVE_NAMESPACE);
  /* the schema was chosen by a first look at the file; a file that
   * changed since must not be read under the other version's schema */
  if (state->version == 0)
    state->version = known;
  else if (known != state->version)
    return fail (state, HS_EXCHANGE_ERROR_STALE, current_line (state),
                 _("the file changed while it was being read"));
  g_snprintf (expected, sizeof expected, "%u", known);
  if (version != NULL && !g_str_equal (version, expected))
    return fail (state, HS_EXCHANGE_ERROR_VERSION, current_line (state),
                 _("the file is in format version %s; this version of Hankesalkku reads format version %s"),
                 version, HS_NATIVE_VERSION);
  state->ns = known == 1 ? HS_NATIVE_NAMESPACE_1 : known == 2 ? HS_NATIVE_NAMESPACE_2 : HS_NATIVE_NAMESPACE_3;
  state->self->version = known;
  return TRUE;
}

static gboolean
read_loop (ReadState *state)
{
  int ret;

  while ((ret = xmlTextReaderRead (state->r)) == 1)
    {
      int type = xmlTextReaderNodeType (state->r);
      int depth = xmlTextReaderDepth (state->r);

      if (state->input.error != NULL)
        return FALSE;

      switch (type)
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          return fail (state, HS_EXCHANGE_ERROR_MALFORMED, current_line (state),
                       _("the file has a DOCTYPE declaration, which the format does not allow "
                         "(it could declare entities or load other files)"));
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          return fail (state, HS_EXCHANGE_ERROR_MALFORMED, current_line (state),
                       _("the file uses an entity reference, which the format does not allow"));
        case XML_READER_TYPE_ELEMENT:
          {
            const char *name = (const char *) xmlTextReaderConstLocalName (state->r);
            const char *ns = (const char *) xmlTextReaderConstNamespaceUri (state->r);

            if (depth > HS_EXCHANGE_MAX_DEPTH)
              return fail (state, HS_EXCHANGE_ERROR_MALFORMED, current_line (state),
                           _("elements are nested deeper than %d levels"), HS_EXCHANGE_MAX_DEPTH);
            if (depth == 0 && !check_root (state, name, ns))
              return FALSE;
            if (g_strcmp0 (ns, XINCLUDE_NS_2001) == 0 || g_strcmp0 (ns, XINCLUDE_NS_2003) == 0)
              return fail (state, HS_EXCHANGE_ERROR_MALFORMED, current_line (state),
                           _("the file uses XInclude (“%s”), which the format does not allow"), name);
            if (state->xml_errors > 0)
              return FALSE;
            if (g_strcmp0 (ns, state->ns) != 0)
              return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                           _("the element “%s” in the namespace “%s” is not part of the format"),
                           name, ns != NULL ? ns : "");
            if (!start_element (state, name, depth))
              return FALSE;
            if (xmlTextReaderIsEmptyElement (state->r) && !end_element (state, name))
              return FALSE;
          }
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (state->xml_errors > 0)
            return FALSE;
          if (!end_element (state, (const char *) xmlTextReaderConstLocalName (state->r)))
            return FALSE;
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (state->collecting)
            {
              const char *value = (const char *) xmlTextReaderConstValue (state->r);
              gsize len = value != NULL ? strlen (value) : 0;

              if (state->text->len + len > HS_EXCHANGE_MAX_TEXT_UTF8)
                return fail (state, HS_EXCHANGE_ERROR_TOO_LARGE, current_line (state),
                             _("a text is longer than %d characters"), HS_EXCHANGE_MAX_TEXT);
              g_string_append_len (state->text, value, (gssize) len);
            }
          break;
        default:
          break;
        }

      if (state->xml_errors > 0)
        return FALSE;
    }

  if (state->input.error != NULL || state->error != NULL)
    return FALSE;
  if (ret != 0 || state->xml_errors > 0)
    return FALSE;
  if (!state->self->skip_schema && xmlTextReaderIsValid (state->r) != 1)
    return fail (state, HS_EXCHANGE_ERROR_SCHEMA, current_line (state),
                 _("the file does not follow the format’s schema"));
  return TRUE;
}

static void
ignore_error (void        *user_data,
              xmlErrorPtr  err)
{
}

/* The format version of the file's root element (0 when it is not one of
 * ours or cannot be read), from a first look at its start: the schema must
 * be given to the reader before it reads anything, and the file says its
 * version only in its root element. Read through the same safe input, so
 * that nothing hostile reaches libxml2 here either; whatever goes wrong is
 * left to the real read to report. */
static guint
peek_version (HsNativeReader *self,
              const char     *path,
              GCancellable   *cancellable)
{
  HsSafeInput input = { 0 };
  xmlStructuredErrorFunc saved_handler = xmlStructuredError;
  void *saved_context = xmlStructuredErrorContext;
  xmlTextReaderPtr r;
  guint version = 0;

  if (!hs_safe_input_open (&input, path, self->max_size, cancellable, NULL))
    return 0;
  xmlSetStructuredErrorFunc (NULL, ignore_error);
  r = xmlReaderForIO (hs_safe_input_read, hs_safe_input_close, &input, path, NULL, XML_PARSE_NONET);
  if (r != NULL)
    {
      while (input.error == NULL && xmlTextReaderRead (r) == 1)
        {
          int type = xmlTextReaderNodeType (r);

          if (type == XML_READER_TYPE_ELEMENT)
            {
              version = version_of_namespace ((const char *) xmlTextReaderConstNamespaceUri (r));
              break;
            }
          if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
              type == XML_READER_TYPE_ENTITY)
            break;
        }
      xmlFreeTextReader (r);
    }
  xmlSetStructuredErrorFunc (saved_context, saved_handler);
  hs_safe_input_clear (&input);
  return version;
}

gboolean
hs_native_reader_read (HsNativeReader       *self,
                       const char           *path,
                       HsNativeProjectFunc   func,
                       gpointer              user_data,
                       GCancellable         *cancellable,
                       GError              **error)
{
  ReadState state = { 0 };
  xmlStructuredErrorFunc saved_handler;
  void *saved_context;
  xmlSchemaPtr schema;
  gboolean ok;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  hs_exchange_init ();
  g_free (self->path);
  self->path = g_strdup (path);

  /* The schema of the file's own version; a file that is not one of ours
   * is read under the current one, which reports it. Without the schema
   * (import's second read of a file already validated) any version the
   * root names is taken. */
  if (!self->skip_schema)
    {
      state.version = peek_version (self, path, cancellable);
      if (state.version == 0)
        state.version = HS_NATIVE_VERSION_NUMBER;
      schema = hs_native_schema (state.version, error);
      if (schema == NULL)
        return FALSE;
    }
  else
    schema = NULL;
  if (!hs_safe_input_open (&state.input, path, self->max_size, cancellable, error))
    return FALSE;
  state.input.progress = self->progress;
  state.input.progress_data = self->progress_data;
  state.input.checksum = self->checksum;

  /* Errors are collected through the calling thread's structured error
   * handler (libxml2 keeps it per thread), set for this read only, from
   * before the reader is made: making it already parses the start of the
   * file (an unknown encoding is reported there), and nothing libxml2 says
   * may reach standard error beside our own message. The reader's own
   * xmlTextReaderSetStructuredErrorHandler cannot be used with a schema
   * in 2.9.14: the schema's SAX plug replaces the context's userData, so
   * the reader's relay either crashes (handler set after the schema) or
   * never sees parser errors (set before). */
  saved_handler = xmlStructuredError;
  saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (&state, structured_error);

  state.r = xmlReaderForIO (hs_safe_input_read, hs_safe_input_close, &state.input,
                            path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  if (state.r == NULL)
    {
      xmlSetStructuredErrorFunc (saved_context, saved_handler);
      hs_safe_input_clear (&state.input);
      if (state.xml_errors > 0)
        g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED,
                     _("%s:1: the file could not be opened as XML: %s"), path, state.xml_message);
      else
        g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED,
                     _("%s:1: the file could not be opened as XML"), path);
      g_free (state.xml_message);
      return FALSE;
    }

  state.self = self;
  state.func = func;
  state.user_data = user_data;
  state.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.text = g_string_new (NULL);

  if (!self->skip_schema && xmlTextReaderSetSchema (state.r, schema) != 0)
    {
      g_set_error (&state.error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                   _("The format’s schema could not be used"));
      ok = FALSE;
    }
  else
    ok = read_loop (&state);

  if (!ok)
    {
      if (state.input.error != NULL)
        {
          if (state.input.error->domain == HS_EXCHANGE_ERROR)
            g_set_error (error, HS_EXCHANGE_ERROR, state.input.error->code, "%s:%u: %s",
                         path, state.input.line, state.input.error->message);
          else
            g_propagate_error (error, g_steal_pointer (&state.input.error));
        }
      else if (state.error != NULL)
        g_propagate_error (error, g_steal_pointer (&state.error));
      else if (state.xml_errors > 0 && strstr (state.xml_message, "XInclude}") != NULL)
        g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED,
                     _("%s:%d: the file uses XInclude, which the format does not allow"),
                     path, state.xml_line > 0 ? state.xml_line : (int) current_line (&state));
      else if (state.xml_errors > 0)
        {
          gboolean schema_error = state.xml_domain == XML_FROM_SCHEMASV;
          g_set_error (error, HS_EXCHANGE_ERROR,
                       schema_error ? HS_EXCHANGE_ERROR_SCHEMA : HS_EXCHANGE_ERROR_MALFORMED,
                       schema_error ? _("%s:%d: the file does not follow the format: %s")
                                    : _("%s:%d: the file is not well-formed XML: %s"),
                       path, state.xml_line > 0 ? state.xml_line : (int) current_line (&state),
                       state.xml_message);
        }
      else
        g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED,
                     _("%s:%u: the file is not well-formed XML"), path, current_line (&state));
    }

  xmlFreeTextReader (state.r);
  xmlSetStructuredErrorFunc (saved_context, saved_handler);
  hs_safe_input_clear (&state.input);
  g_clear_error (&state.error);
  g_free (state.xml_message);
  g_free (state.text_lang);
  g_string_free (state.text, TRUE);
  g_hash_table_unref (state.codes);
  g_clear_pointer (&state.project, hs_project_free);
  g_clear_pointer (&state.outer_project, hs_project_free);
  g_clear_pointer (&state.review, hs_native_review_free);
  return ok;
}

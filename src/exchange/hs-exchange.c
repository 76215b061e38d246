/* hs-exchange.c — libxml2 set-up, clean text, atomic files, safe input, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safe libxml2 settings of docs/xml.md §3 live here: a deny-by-default
 * external entity loader, no catalogs, the native schema compiled once from
 * the library's own copy, and input that is read by us (never by libxml2's
 * file-name APIs, which would gunzip and fetch) with a size cap and a cheap
 * pre-scan against the quadratic attribute check of 2.9.
 */
#define G_LOG_DOMAIN "hs-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/catalog.h>

#include "core/hs-core-error.h"
#include "core/hs-date.h"
#include "core/hs-resource.h"
#include "hs-exchange-private.h"
#include "hs-exchange-resources.h"

#define SCHEMA_RESOURCE_DIR "/io/github/hankesalkku/Hankesalkku/exchange/"

/* ---- process-wide set-up ------------------------------------------------ */

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  ctxt)
{
  /* Nothing we read may pull in another resource: no DTDs, no external
   * entities, no schemas named by the instance. libxml2 reports the
   * failed load as an error of the document. */
  g_debug ("refused to load external resource %s", url != NULL ? url : (id != NULL ? id : "?"));
  return NULL;
}

void
hs_exchange_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
#ifdef LIBXML_CATALOG_ENABLED
      xmlCatalogSetDefaults (XML_CATA_ALLOW_NONE);
#endif
      xmlSetExternalEntityLoader (deny_entity_loader);
      g_once_init_leave (&initialized, 1);
    }
}

int
hs_export_format_from_id (const char *id)
{
  if (g_strcmp0 (id, "xml") == 0)
    return HS_EXPORT_NATIVE;
  if (g_strcmp0 (id, "iati") == 0)
    return HS_EXPORT_IATI;
  if (g_strcmp0 (id, "operations-csv") == 0)
    return HS_EXPORT_OPERATIONS_CSV;
  return -1;
}

const char *
hs_export_format_to_id (HsExportFormat format)
{
  switch (format)
    {
    case HS_EXPORT_NATIVE: return "xml";
    case HS_EXPORT_IATI: return "iati";
    case HS_EXPORT_OPERATIONS_CSV: return "operations-csv";
    default: return NULL;
    }
}

/* ---- clean text --------------------------------------------------------- */

static gboolean
forbidden_at (const guchar *p,
              gsize        *len)
{
  if (*p < 0x20)
    {
      *len = 1;
      return *p != '\t' && *p != '\n' && *p != '\r';
    }
  if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
    {
      *len = 3;
      return TRUE;
    }
  *len = 1;
  return FALSE;
}

static gboolean
text_is_clean (const char *text)
{
  const guchar *p = (const guchar *) text;
  gboolean ascii = TRUE;

  for (; *p != '\0'; p++)
    {
      if (*p >= 0x80)
        ascii = FALSE;
      else if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
      else
        continue;
      if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        return FALSE;
    }
  return ascii || g_utf8_validate (text, -1, NULL);
}

const char *
hs_exchange_clean_text (const char  *text,
                        char       **scratch)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (scratch != NULL, text);

  if (text == NULL || text_is_clean (text))
    return text;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const guchar *p = (const guchar *) valid; *p != '\0';)
    {
      gsize len;
      if (!forbidden_at (p, &len))
        g_string_append_len (out, (const char *) p, (gssize) len);
      p += len;
    }

  g_free (*scratch);
  *scratch = g_string_free (out, FALSE);
  return *scratch;
}

char *
hs_exchange_iso_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return hs_date_to_iso (date);
}

/* ---- atomic output ------------------------------------------------------ */

struct _HsAtomicOutput
{
  char     *path;
  char     *tmp_path;
  FILE     *file;
  gboolean  is_stdout;
};

static void
set_io_error (GError    **error,
              const char *path,
              int         saved_errno)
{
  g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
               /* Translators: a file name, then the system's reason */
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
}

HsAtomicOutput *
hs_atomic_output_open (const char  *path,
                       GError     **error)
{
  g_autoptr(HsAtomicOutput) output = g_new0 (HsAtomicOutput, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  int fd;

  if (path == NULL || g_str_equal (path, "-"))
    {
      output->is_stdout = TRUE;
      output->file = stdout;
      output->path = g_strdup (_("standard output"));
      return g_steal_pointer (&output);
    }

  output->path = g_strdup (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_io_error (error, path, EISDIR);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_name = g_strdup_printf (".%s.tmp-XXXXXX", base);
  output->tmp_path = g_build_filename (dir, tmp_name, NULL);

  fd = g_mkstemp_full (output->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_clear_pointer (&output->tmp_path, g_free);
      set_io_error (error, path, saved_errno);
      return NULL;
    }
  /* mkstemp makes the file 0600; give it what a new file would get. */
  {
    mode_t mask = umask (0);
    umask (mask);
    if (fchmod (fd, 0666 & ~mask) != 0)
      g_debug ("fchmod %s: %s", output->tmp_path, g_strerror (errno));
  }

  output->file = fdopen (fd, "w");
  if (output->file == NULL)
    {
      int saved_errno = errno;
      close (fd);
      set_io_error (error, path, saved_errno);
      return NULL;
    }
  setvbuf (output->file, NULL, _IOFBF, 256 * 1024);

  return g_steal_pointer (&output);
}

FILE *
hs_atomic_output_file (HsAtomicOutput *output)
{
  return output->file;
}

gboolean
hs_atomic_output_commit (HsAtomicOutput  *output,
                         GError         **error)
{
  FILE *file = output->file;
  g_autofree char *dir = NULL;
  int dir_fd;

  if (output->is_stdout)
    {
      if (fflush (file) != 0 || ferror (file))
        {
          set_io_error (error, output->path, errno != 0 ? errno : EIO);
          return FALSE;
        }
      return TRUE;
    }

  output->file = NULL;
  if (fflush (file) != 0 || ferror (file) || fsync (fileno (file)) != 0)
    {
      int saved_errno = errno != 0 ? errno : EIO;
      fclose (file);
      g_unlink (output->tmp_path);
      set_io_error (error, output->path, saved_errno);
      return FALSE;
    }
  if (fclose (file) != 0 || g_rename (output->tmp_path, output->path) != 0)
    {
      int saved_errno = errno;
      g_unlink (output->tmp_path);
      set_io_error (error, output->path, saved_errno);
      return FALSE;
    }
  g_clear_pointer (&output->tmp_path, g_free);

  /* Make the rename itself durable. */
  dir = g_path_get_dirname (output->path);
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

void
hs_atomic_output_free (HsAtomicOutput *output)
{
  if (output == NULL)
    return;
  if (!output->is_stdout && output->file != NULL)
    fclose (output->file);
  if (output->tmp_path != NULL)
    g_unlink (output->tmp_path);
  g_free (output->tmp_path);
  g_free (output->path);
  g_free (output);
}

xmlTextWriterPtr
hs_exchange_new_writer (HsAtomicOutput *output)
{
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateFile (output->file, NULL);

  if (buffer == NULL)
    return NULL;
  return xmlNewTextWriter (buffer);
}

/* ---- the native schema -------------------------------------------------- */

static void
collect_schema_error (void        *user_data,
                      xmlErrorPtr  err)
{
  GString *messages = user_data;

  if (err != NULL && err->message != NULL && messages->len < 4096)
    g_string_append (messages, err->message);
}

static xmlSchemaPtr
compile_schema (guint   version,
                char  **failure)
{
  g_autofree char *path = g_strdup_printf (SCHEMA_RESOURCE_DIR "hankesalkku-portfolio-%u.xsd", version);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  const char *data;
  gsize size;

  bytes = g_resource_lookup_data (hs_resource_get (hs_exchange_get_resource, path), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      *failure = g_strdup (local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  parser = xmlSchemaNewMemParserCtxt (data, (int) size);
  xmlSchemaSetParserStructuredErrors (parser, collect_schema_error, messages);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  if (schema == NULL)
    *failure = g_strdup (messages->str);
  return schema;
}

xmlSchemaPtr
hs_native_schema (guint    version,
                  GError **error)
{
  static gsize once = 0;
  static xmlSchemaPtr schemas[HS_NATIVE_VERSION_NUMBER + 1];
  static char *failures[HS_NATIVE_VERSION_NUMBER + 1];

  g_return_val_if_fail (version >= 1 && version <= HS_NATIVE_VERSION_NUMBER, NULL);

  if (g_once_init_enter (&once))
    {
      hs_exchange_init ();
      for (guint v = 1; v <= HS_NATIVE_VERSION_NUMBER; v++)
        schemas[v] = compile_schema (v, &failures[v]);
      g_once_init_leave (&once, 1);
    }

  if (schemas[version] == NULL)
    g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                 _("The format’s schema could not be loaded: %s"), failures[version]);
  return schemas[version];
}

/* ---- safe input --------------------------------------------------------- */

gboolean
hs_safe_input_open (HsSafeInput   *input,
                    const char    *path,
                    guint64        max_size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guchar magic[6] = { 0 };
  gsize got = 0;

  memset (input, 0, sizeof *input);
  input->line = 1;
  input->max_size = max_size;
  input->cancellable = cancellable;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                   _("Could not read “%s”: it is a folder"), path);
      return FALSE;
    }
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    input->size = (guint64) g_file_info_get_size (info);
  if (input->size > max_size)
    {
      g_autofree char *size = g_format_size (input->size);
      g_autofree char *limit = g_format_size (max_size);
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_TOO_LARGE,
                   _("%s: the file is %s; files over %s are not read"), path, size, limit);
      return FALSE;
    }

  /* Look at the first bytes, then let the reader start from the beginning
   * again: a buffered stream keeps what we peeked. */
  input->stream = g_buffered_input_stream_new_sized (G_INPUT_STREAM (stream), 64 * 1024);
  got = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (input->stream), sizeof magic,
                                      cancellable, &local_error);
  if ((gssize) got < 0)
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                   _("Could not read “%s”: %s"), path, local_error->message);
      hs_safe_input_clear (input);
      return FALSE;
    }
  g_buffered_input_stream_peek (G_BUFFERED_INPUT_STREAM (input->stream), magic, 0, sizeof magic);
  if ((got >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) ||
      (got >= 6 && memcmp (magic, "\xfd" "7zXZ\0", 6) == 0) ||
      (got >= 3 && memcmp (magic, "BZh", 3) == 0))
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED,
                   _("%s:1: the file is compressed (gzip, xz or bzip2); unpack it first"), path);
      hs_safe_input_clear (input);
      return FALSE;
    }
  if (got == 0)
    {
      g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED,
                   _("%s:1: the file is empty"), path);
      hs_safe_input_clear (input);
      return FALSE;
    }
  return TRUE;
}

void
hs_safe_input_clear (HsSafeInput *input)
{
  g_clear_object (&input->stream);
  g_clear_error (&input->error);
}

/* Scans the bytes before libxml2 sees them. Refuses a DOCTYPE (so no
 * internal subset, entity declaration or external DTD is ever parsed) and
 * a start tag with more than HS_EXCHANGE_MAX_ATTRIBUTES '=' outside quoted
 * values (libxml2 2.9 checks duplicate attributes in quadratic time). */
typedef enum
{
  SCAN_OK,
  SCAN_DOCTYPE,
  SCAN_ATTRIBUTES,
  SCAN_TEXT,
  SCAN_REFERENCES,
} ScanResult;

static ScanResult
prescan (HsSafeInput *input,
         const char  *buffer,
         gsize        len)
{
  enum { TEXT = 0, LT, BANG, TAG, OTHER };
  static const char doctype[] = "DOCTYPE";

  for (gsize i = 0; i < len; i++)
    {
      char c = buffer[i];

      if (c == '\n')
        input->line++;
      /* A text run or attribute value over the cap is refused as soon as
       * it is, before libxml2 accumulates it: libxml2 2.9.14's reader grows
       * a long text node with a strlen per chunk, quadratic in its length.
       * Characters are counted as the schema counts them: a UTF-8 sequence
       * is one, and so is a reference ("&amp;", "&#x20AC;"). */
      if ((input->state == TEXT && c != '<') ||
          (input->state == TAG && input->quote != 0 && c != input->quote))
        {
          if (input->in_reference)
            input->in_reference = c != ';';
          else if (((guchar) c & 0xC0) != 0x80)
            {
              input->in_reference = c == '&';
              if (++input->run > HS_EXCHANGE_MAX_TEXT)
                return SCAN_TEXT;
              if (input->in_reference &&
                  ++input->references * input->run > HS_EXCHANGE_MAX_REFERENCE_WORK)
                return SCAN_REFERENCES;
            }
        }

      switch (input->state)
        {
        case TEXT:
          if (c == '<')
            {
              input->state = LT;
              input->run = 0;
              input->in_reference = FALSE;
              input->references = 0;
            }
          break;
        case LT:
          input->equals = 0;
          input->quote = 0;
          input->bang = 0;
          if (c == '!')
            input->state = BANG;
          else if (c == '?')
            input->state = OTHER;
          else
            input->state = c == '>' ? TEXT : TAG;
          break;
        case BANG:
          if (c == doctype[input->bang])
            {
              if (++input->bang == sizeof doctype - 1)
                return SCAN_DOCTYPE;
            }
          else
            input->state = c == '>' ? TEXT : OTHER;
          break;
        case TAG:
          if (input->quote != 0)
            {
              if (c == input->quote)
                input->quote = 0;
            }
          else if (c == '"' || c == '\'')
            {
              input->quote = c;
              input->run = 0;
              input->in_reference = FALSE;
              input->references = 0;
            }
          else if (c == '=')
            {
              if (++input->equals > HS_EXCHANGE_MAX_ATTRIBUTES)
                return SCAN_ATTRIBUTES;
            }
          else if (c == '>')
            {
              input->state = TEXT;
              input->run = 0;
              input->in_reference = FALSE;
              input->references = 0;
            }
          break;
        default:
          if (c == '>')
            {
              input->state = TEXT;
              input->run = 0;
              input->in_reference = FALSE;
              input->references = 0;
            }
          break;
        }
    }
  return SCAN_OK;
}

int
hs_safe_input_read (void *context,
                    char *buffer,
                    int   len)
{
  HsSafeInput *input = context;

  /* Every refusal ends the input (returns 0) with input->error set, which
   * the reader reports in place of libxml2's "premature end": returning -1
   * sends libxml2 2.9.14 down an I/O error path that crashed in
   * __xmlRaiseError with a reader error handler set. */
  g_autoptr(GError) local_error = NULL;
  gssize got;

  if (input->error != NULL)
    return 0;
  if (g_cancellable_set_error_if_cancelled (input->cancellable, &input->error))
    return 0;

  got = g_input_stream_read (input->stream, buffer, (gsize) len, input->cancellable, &local_error);
  if (got < 0)
    {
      g_set_error (&input->error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
                   _("reading failed: %s"), local_error->message);
      return 0;
    }

  input->read += (guint64) got;
  if (input->checksum != NULL && got > 0)
    g_checksum_update (input->checksum, (const guchar *) buffer, got);
  if (input->read > input->max_size)
    {
      g_autofree char *limit = g_format_size (input->max_size);
      g_set_error (&input->error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_TOO_LARGE,
                   _("the file is larger than %s"), limit);
      return 0;
    }
  switch (prescan (input, buffer, (gsize) got))
    {
    case SCAN_DOCTYPE:
      g_set_error (&input->error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED,
                   _("the file has a DOCTYPE declaration, which the format does not allow "
                     "(it could declare entities or load other files)"));
      return 0;
    case SCAN_ATTRIBUTES:
      g_set_error (&input->error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_MALFORMED,
                   _("an element has more than %d attributes"), HS_EXCHANGE_MAX_ATTRIBUTES);
      return 0;
    case SCAN_TEXT:
      g_set_error (&input->error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_TOO_LARGE,
                   _("a text is longer than %d characters"), HS_EXCHANGE_MAX_TEXT);
      return 0;
    case SCAN_REFERENCES:
      g_set_error (&input->error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_TOO_LARGE,
                   /* both counts are within the text cap, 1 Mi */
                   _("a text has %u character references (such as “&amp;”) in its first %u "
                     "characters, too many to read in reasonable time; write the characters "
                     "themselves"),
                   (guint) input->references, (guint) input->run);
      return 0;
    case SCAN_OK:
      break;
    }
  if (input->progress != NULL && input->read >= input->next_progress)
    {
      input->progress (input->read, input->size, input->progress_data);
      input->next_progress = input->read + 1024 * 1024;
    }
  return (int) got;
}

int
hs_safe_input_close (void *context)
{
  return 0;
}

/* ---- export ------------------------------------------------------------- */

typedef struct
{
  HsExportJob   *job;
  HsProjectFunc  func;
  gpointer       user_data;
  gboolean       cancelled;
} ForeachData;

static gboolean
foreach_cb (HsProject *project,
            gpointer   user_data)
{
  ForeachData *data = user_data;
  const HsExportSelection *selection = data->job->selection;

  if (g_cancellable_is_cancelled (data->job->cancellable))
    {
      data->cancelled = TRUE;
      return FALSE;
    }
  if (selection->scope == HS_EXPORT_SCOPE_AGREEMENT && project->agreement_id != selection->agreement_id)
    return TRUE;

  data->job->n_projects++;
  if (!data->func (project, data->user_data))
    return FALSE;
  if (data->job->progress != NULL && data->job->n_projects % 100 == 0)
    data->job->progress (data->job->n_projects, 0, data->job->progress_data);
  return TRUE;
}

gboolean
hs_export_job_foreach (HsExportJob    *job,
                       HsProjectFunc   func,
                       gpointer        user_data,
                       GError        **error)
{
  ForeachData data = { job, func, user_data, FALSE };

  job->n_projects = 0;
  if (job->selection->scope == HS_EXPORT_SCOPE_PROJECT)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(HsProject) project = hs_repository_load_project_by_code (job->repository,
                                                                         job->selection->project_code,
                                                                         &local_error);
      if (project == NULL)
        {
          if (local_error != NULL && local_error->domain != HS_CORE_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_NOT_FOUND,
                       _("No project has the code “%s”"), job->selection->project_code);
          return FALSE;
        }
      job->n_projects = 1;
      func (project, user_data);
      return TRUE;
    }

  if (!hs_repository_foreach_project (job->repository, foreach_cb, &data, error))
    return FALSE;
  if (data.cancelled)
    return !g_cancellable_set_error_if_cancelled (job->cancellable, error);
  return TRUE;
}

gboolean
hs_export (HsRepository            *repository,
           HsExportFormat           format,
           const HsExportSelection *selection,
           const char              *path,
           HsExchangeProgressFunc   progress,
           gpointer                 progress_data,
           GCancellable            *cancellable,
           guint                   *n_projects,
           GError                 **error)
{
  g_autoptr(HsAtomicOutput) output = NULL;
  HsExportSelection everything = { HS_EXPORT_SCOPE_PORTFOLIO, 0, NULL };
  HsExportJob job = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (HS_IS_REPOSITORY (repository), FALSE);

  hs_exchange_init ();
  if (selection == NULL)
    selection = &everything;
  g_return_val_if_fail (selection->scope != HS_EXPORT_SCOPE_PROJECT || selection->project_code != NULL, FALSE);

  if (selection->scope == HS_EXPORT_SCOPE_AGREEMENT)
    {
      g_autoptr(GPtrArray) agreements = hs_repository_list_agreements (repository, error);
      gboolean found = FALSE;

      if (agreements == NULL)
        return FALSE;
      for (guint i = 0; i < agreements->len; i++)
        found = found || ((HsAgreement *) g_ptr_array_index (agreements, i))->id == selection->agreement_id;
      if (!found)
        {
          g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_NOT_FOUND,
                       _("No agreement has the number %lld"), (long long) selection->agreement_id);
          return FALSE;
        }
    }

  output = hs_atomic_output_open (path, error);
  if (output == NULL)
    return FALSE;

  job.repository = repository;
  job.selection = selection;
  job.progress = progress;
  job.progress_data = progress_data;
  job.cancellable = cancellable;

  switch (format)
    {
    case HS_EXPORT_NATIVE:
      ok = hs_native_write (&job, output, error);
      break;
    case HS_EXPORT_IATI:
      ok = hs_iati_write (&job, output, error);
      break;
    case HS_EXPORT_OPERATIONS_CSV:
      ok = hs_operations_csv_write (&job, output, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (ok)
    ok = hs_atomic_output_commit (output, error);
  if (ok && n_projects != NULL)
    *n_projects = job.n_projects;
  if (ok && progress != NULL)
    progress (job.n_projects, job.n_projects, progress_data);
  return ok;
}

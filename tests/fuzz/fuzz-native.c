/* fuzz-native.c — the native XML reader, with and without the schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: the reader ends with a result or an error, never a crash or a
 * leak (the sanitizers watch), with the schema and without it (as the apply
 * pass of an import reads a file the first pass accepted). An error always
 * has a message.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "exchange/hs-exchange.h"
#include "exchange/hs-native-reader.h"
#include "fuzz.h"

static char *input_path;

static gboolean
free_project (HsNativeReader  *reader,
              HsProject       *project,
              guint            line,
              gpointer         user_data,
              GError         **error)
{
  hs_project_free (project);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (input_path == NULL)
    input_path = g_build_filename (g_get_tmp_dir (), "hs-fuzz-native.xml", NULL);
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    g_error ("cannot write %s", input_path);

  for (int validate = 1; validate >= 0; validate--)
    {
      g_autoptr(HsNativeReader) reader = hs_native_reader_new ();
      g_autoptr(GError) error = NULL;

      hs_native_reader_set_validate (reader, validate);
      if (!hs_native_reader_read (reader, input_path, free_project, NULL, NULL, &error)
          && (error == NULL || error->message == NULL || error->message[0] == '\0'))
        g_error ("the reader failed without saying why");
    }
  return 0;
}

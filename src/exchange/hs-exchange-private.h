/* hs-exchange-private.h — what the exchange layer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <gio/gio.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

#include "hs-exchange.h"
#include "hs-exchange-error.h"

G_BEGIN_DECLS

/* ---- atomic output ------------------------------------------------------ */

/* A file written under a temporary name in the target's directory
 * (".NAME.tmp-XXXXXX"), flushed, fsync'ed and renamed over the target by
 * commit; abort (and free without commit) removes the temporary file.
 * A NULL or "-" path writes to standard output instead. */
typedef struct _HsAtomicOutput HsAtomicOutput;

HsAtomicOutput *hs_atomic_output_open   (const char      *path,
                                         GError         **error);
FILE           *hs_atomic_output_file   (HsAtomicOutput  *output);
gboolean        hs_atomic_output_commit (HsAtomicOutput  *output,
                                         GError         **error);
void            hs_atomic_output_free   (HsAtomicOutput  *output);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsAtomicOutput, hs_atomic_output_free)

/* An xmlTextWriter on output's FILE (not owned by the writer). */
xmlTextWriterPtr hs_exchange_new_writer (HsAtomicOutput *output);

/* ---- the native schema -------------------------------------------------- */

/* The schema of format version 1 … HS_NATIVE_VERSION_NUMBER, each compiled
 * once per process from the copy built into the library. */
xmlSchemaPtr    hs_native_schema        (guint            version,
                                         GError         **error);

/* ---- safe input for xmlReaderForIO -------------------------------------- */

typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  guint64       size;           /* from the file system; 0 if unknown */
  guint64       max_size;
  guint64       read;
  guint64       next_progress;
  HsExchangeProgressFunc progress;
  gpointer      progress_data;
  GChecksum    *checksum;       /* borrowed, nullable: gets every byte read */
  /* the pre-scan: attributes per start tag, DOCTYPE, lines */
  int           state;
  char          quote;
  guint         equals;
  guint         bang;
  guint64       run;            /* characters of the current text or attribute value */
  gboolean      in_reference;   /* inside "&...;", which is one character */
  guint64       references;     /* of the current text or attribute value */
  guint         line;           /* 1-based line of the last byte scanned */
  /* set by the read callback when it refuses to go on */
  GError       *error;
} HsSafeInput;

/* Opens path for reading: refuses gzip and xz files (magic bytes), files
 * over max_size and anything that is not a regular file. */
gboolean hs_safe_input_open  (HsSafeInput   *input,
                              const char    *path,
                              guint64        max_size,
                              GCancellable  *cancellable,
                              GError       **error);
void     hs_safe_input_clear (HsSafeInput   *input);
/* The callbacks for xmlReaderForIO (context: the HsSafeInput). */
int      hs_safe_input_read  (void          *context,
                              char          *buffer,
                              int            len);
int      hs_safe_input_close (void          *context);

/* ---- writers ------------------------------------------------------------ */

typedef struct
{
  HsRepository            *repository;
  const HsExportSelection *selection;
  HsExchangeProgressFunc   progress;
  gpointer                 progress_data;
  GCancellable            *cancellable;
  guint                    n_projects;
} HsExportJob;

/* Calls func for each selected project in code order; FALSE and error
 * (NOT_FOUND when the project or agreement does not exist). */
gboolean hs_export_job_foreach (HsExportJob    *job,
                                HsProjectFunc   func,
                                gpointer        user_data,
                                GError        **error);

gboolean hs_native_write          (HsExportJob    *job,
                                   HsAtomicOutput *output,
                                   GError        **error);
gboolean hs_iati_write            (HsExportJob    *job,
                                   HsAtomicOutput *output,
                                   GError        **error);
gboolean hs_operations_csv_write  (HsExportJob    *job,
                                   HsAtomicOutput *output,
                                   GError        **error);

/* "open", "close" … as ISO dates; NULL for an invalid date. */
char    *hs_exchange_iso_date     (const GDate *date);

G_END_DECLS

/* hs-exchange.h — exporting and validating portfolio files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exchange layer reads and writes files; it knows the portfolio only
 * through the HsRepository interface. Formats (docs/exchange.md):
 *
 *  - native: the lossless, versioned XML format of Hankesalkku, with its
 *    XSD data/hankesalkku-portfolio-2.xsd (compiled into the library);
 *    files of format version 1 (data/hankesalkku-portfolio-1.xsd) are
 *    still read;
 *  - iati: IATI 2.03 activities, one per project;
 *  - operations-csv: the CPR 2021/1060 Art. 49(3) list of operations
 *    under the Kohesio column names.
 *
 * Every writer streams, cleans every string to valid XML characters, and
 * writes to a temporary file beside the target that is renamed over it only
 * when complete: an interrupted or cancelled export never leaves a half
 * file under the chosen name. Import is in hs-import.h, the streaming
 * reader in hs-native-reader.h.
 *
 * Long calls take a progress callback and a GCancellable so the GUI can run
 * them in a GTask thread; call hs_exchange_init() once on the main thread
 * first.
 */
#pragma once

#include <gio/gio.h>

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_NATIVE_NAMESPACE_PREFIX "https://hankesalkku.github.io/ns/portfolio/"
#define HS_NATIVE_NAMESPACE_1 HS_NATIVE_NAMESPACE_PREFIX "1"
#define HS_NATIVE_NAMESPACE_2 HS_NATIVE_NAMESPACE_PREFIX "2"
#define HS_NATIVE_NAMESPACE_3 HS_NATIVE_NAMESPACE_PREFIX "3"
/* What the writer writes; the reader reads every version up to it. */
#define HS_NATIVE_NAMESPACE HS_NATIVE_NAMESPACE_3
#define HS_NATIVE_VERSION "3"
#define HS_NATIVE_VERSION_NUMBER 3
/* IATI files carry our cost and financing plans in the namespace they were
 * first published with; that extension has not changed. */
#define HS_IATI_EXTENSION_NAMESPACE HS_NATIVE_NAMESPACE_1
#define HS_NATIVE_MEDIA_TYPE "application/vnd.hankesalkku+xml"

/* Limits on files we read (docs/exchange.md "Limits"). */
#define HS_EXCHANGE_MAX_FILE_SIZE  (G_GUINT64_CONSTANT (256) * 1024 * 1024)
#define HS_EXCHANGE_MAX_DEPTH      16
#define HS_EXCHANGE_MAX_TEXT       (1024 * 1024)   /* characters, as the schema says */
/* The same cap in bytes of UTF-8 after parsing: 4 per character. */
#define HS_EXCHANGE_MAX_TEXT_UTF8  (4 * HS_EXCHANGE_MAX_TEXT)
#define HS_EXCHANGE_MAX_ATTRIBUTES 64
/* References (&amp;, &#xE4;) times characters in one text: libxml2 2.9.14
 * joins a text's pieces around each reference with a strlen of the whole,
 * so the work grows with their product (2^31: about half a second). */
#define HS_EXCHANGE_MAX_REFERENCE_WORK (G_GUINT64_CONSTANT (1) << 31)

typedef enum
{
  HS_EXPORT_NATIVE,
  HS_EXPORT_IATI,
  HS_EXPORT_OPERATIONS_CSV,
} HsExportFormat;

/* "xml", "iati", "operations-csv"; -1 when unknown. */
int         hs_export_format_from_id (const char *id);
const char *hs_export_format_to_id   (HsExportFormat format);

typedef enum
{
  HS_EXPORT_SCOPE_PORTFOLIO,  /* every project */
  HS_EXPORT_SCOPE_AGREEMENT,  /* the projects of agreement_id */
  HS_EXPORT_SCOPE_PROJECT,    /* the project with project_code */
} HsExportScope;

typedef struct
{
  HsExportScope  scope;
  gint64         agreement_id;
  const char    *project_code;
} HsExportSelection;

/* Called now and then: done and total are projects for exports (total 0
 * while unknown) and bytes for reading. Runs in the calling thread. */
typedef void (*HsExchangeProgressFunc) (guint64  done,
                                        guint64  total,
                                        gpointer user_data);

/* Process-wide libxml2 set-up: xmlInitParser, a deny-by-default external
 * entity loader and no catalogs. Idempotent; call it once on the main
 * thread before any worker thread touches the exchange layer. */
void        hs_exchange_init (void);

/* Writes the selection in format to path (NULL or "-": standard output,
 * not atomic). *n_projects (may be NULL) gets the number written.
 * Errors: HS_EXCHANGE_ERROR_IO, _NOT_FOUND (no such project or agreement),
 * G_IO_ERROR_CANCELLED, or the repository's own. */
gboolean    hs_export        (HsRepository            *repository,
                              HsExportFormat           format,
                              const HsExportSelection *selection,
                              const char              *path,
                              HsExchangeProgressFunc   progress,
                              gpointer                 progress_data,
                              GCancellable            *cancellable,
                              guint                   *n_projects,
                              GError                 **error);

/* Turns text into something every XML 1.0 writer can carry: invalid UTF-8
 * becomes U+FFFD, characters XML forbids (C0 controls other than tab,
 * newline and carriage return; U+FFFE, U+FFFF) are dropped. Returns text
 * itself when it is already clean, else a string kept in *scratch (freed
 * and replaced on the next call with the same scratch). NULL stays NULL. */
const char *hs_exchange_clean_text (const char  *text,
                                    char       **scratch);

G_END_DECLS

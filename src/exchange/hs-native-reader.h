/* hs-native-reader.h — the native format, read by streaming
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a file of format version 1, 2 or 3 with xmlTextReader from our own I/O
 * callbacks, validating it as it goes against the compiled schema of the
 * version its root element's namespace names (a first look at the file
 * finds it), with the safe settings of
 * docs/xml.md §3: no DOCTYPE (refused before libxml2 sees it), no entities,
 * no network, no XInclude, no decompression (compressed files are refused),
 * a size cap, a depth cap, a text cap and a cap on attributes per element.
 * Memory stays flat whatever the file's size: each project is handed to
 * the callback as soon as its end tag has been read and validated.
 *
 * The projects point to the file's own reference data with file-local ids
 * (1, 2, … into the arrays of hs_native_reader_get_agreements() and
 * friends). A name the reference section does not list gets a file-local
 * entry too (an agreement with just its region, a call with the
 * programme's default rules), so hand-written files without a reference
 * section still read.
 *
 * Every error message starts with "FILE:LINE: ".
 */
#pragma once

#include <gio/gio.h>

#include "core/hs-project.h"
#include "core/hs-reference.h"
#include "core/hs-review.h"
#include "core/hs-validate.h"
#include "hs-exchange.h"

G_BEGIN_DECLS

typedef struct _HsNativeReader HsNativeReader;

/* project: transfer full. line: where its start tag is. Return FALSE (with
 * error set) to stop reading. */
typedef gboolean (*HsNativeProjectFunc) (HsNativeReader  *reader,
                                         HsProject       *project,
                                         guint            line,
                                         gpointer         user_data,
                                         GError         **error);

/* Format version 3: a project's review as the file has it, before import
 * resolves its names. The review's criterion and organisation ids are 0;
 * the file's names for them are kept beside it, one per score and one per
 * grant (decisions in order, each one's grants in order). An implementer
 * is named by its business id, or by "=" and its name when it has none;
 * NULL: the whole application. Its versions' projects are read as the
 * projects are (file-local reference ids). */
typedef struct
{
  HsReview  *review;
  guint      line;                  /* of <review> */
  GPtrArray *score_criteria;        /* char*: the criterion's key */
  GPtrArray *score_implementers;    /* char* or NULL */
  GArray    *score_lines;           /* guint */
  GPtrArray *grant_implementers;    /* char* or NULL */
  GArray    *grant_lines;           /* guint */
} HsNativeReview;

void            hs_native_review_free         (HsNativeReview *review);

/* A call's proposal (format version 3): projects by code. */
typedef struct
{
  char  *code;
  guint  position;
  char  *reason;
  guint  line;
} HsNativeProposalItem;

typedef struct
{
  gint64  call_id;                  /* file-local (hs_native_reader_get_calls) */
  GDate   meeting;
  GArray *items;                    /* of HsNativeProposalItem (clear func set) */
  guint   line;
} HsNativeProposal;

HsNativeReader *hs_native_reader_new          (void);
void            hs_native_reader_free         (HsNativeReader *reader);
/* Default HS_EXCHANGE_MAX_FILE_SIZE. */
void            hs_native_reader_set_max_size (HsNativeReader *reader,
                                               guint64         max_size);
void            hs_native_reader_set_progress (HsNativeReader         *reader,
                                               HsExchangeProgressFunc  progress,
                                               gpointer                progress_data);
/* Every byte read from the file goes into checksum too (borrowed, kept
 * until the reader is freed or it is set again; NULL for none), so that a
 * second read can tell whether the file is still the same. */
void            hs_native_reader_set_checksum (HsNativeReader *reader,
                                               GChecksum      *checksum);
/* Whether to validate against the schema (the default). Only for a file
 * this process has already read with the schema and whose checksum the
 * caller compares when the read ends (import's second read): the schema is
 * most of the reading time. The reader's own checks and the safe input's
 * limits still apply. */
void            hs_native_reader_set_validate (HsNativeReader *reader,
                                               gboolean        validate);
/* Reads path to its end. Errors: HS_EXCHANGE_ERROR_IO, _MALFORMED (not
 * well-formed or hostile), _SCHEMA (breaks the schema, a duplicate project
 * code, two main implementers), _VERSION, _TOO_LARGE, or
 * G_IO_ERROR_CANCELLED; the callback's own. */
gboolean        hs_native_reader_read         (HsNativeReader       *reader,
                                               const char           *path,
                                               HsNativeProjectFunc   func,
                                               gpointer              user_data,
                                               GCancellable         *cancellable,
                                               GError              **error);

/* After (or during) reading. */
const char     *hs_native_reader_get_path       (HsNativeReader *reader);
const char     *hs_native_reader_get_scope      (HsNativeReader *reader);
/* The format version of the file (1, 2, 3; 0 before its root was read). */
guint           hs_native_reader_get_version    (HsNativeReader *reader);
guint           hs_native_reader_get_n_projects (HsNativeReader *reader);
GPtrArray      *hs_native_reader_get_agreements (HsNativeReader *reader);  /* of HsAgreement* */
GPtrArray      *hs_native_reader_get_focus_areas (HsNativeReader *reader); /* of HsFocusArea* */
GPtrArray      *hs_native_reader_get_calls      (HsNativeReader *reader);  /* of HsCall* */
/* Format version 3. Inside the project callback: the project's review
 * (transfer full), NULL when it has none (or after the first call). */
HsNativeReview *hs_native_reader_steal_review   (HsNativeReader *reader);
/* The calls' own criteria (HsCriterion*, call_id file-local, id 0, in
 * the file's order) and the line of each; the calls' proposals
 * (HsNativeProposal*), complete once the reference section is read. */
GPtrArray      *hs_native_reader_get_criteria   (HsNativeReader *reader);
guint           hs_native_reader_get_criterion_line (HsNativeReader *reader,
                                                     guint           index);
GPtrArray      *hs_native_reader_get_proposals  (HsNativeReader *reader);
/* Whether the call with this file-local id came from the reference
 * section (FALSE: only its name is known). */
gboolean        hs_native_reader_call_is_defined (HsNativeReader *reader,
                                                  gint64          call_id);
/* The context for hs_validate_project() from the file's own reference
 * data (a call only named, not defined, counts as no call). */
void            hs_native_reader_validation_context (HsNativeReader      *reader,
                                                     const HsProject     *project,
                                                     HsValidationContext *context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsNativeReader, hs_native_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsNativeReview, hs_native_review_free)

G_END_DECLS

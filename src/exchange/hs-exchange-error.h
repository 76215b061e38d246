/* hs-exchange-error.h — the error domain of the exchange layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HS_EXCHANGE_ERROR (hs_exchange_error_quark ())

typedef enum
{
  HS_EXCHANGE_ERROR_IO,
  HS_EXCHANGE_ERROR_MALFORMED,  /* not well-formed, or hostile (DOCTYPE, entities) */
  HS_EXCHANGE_ERROR_SCHEMA,     /* well-formed but breaks the schema */
  HS_EXCHANGE_ERROR_VERSION,    /* a format version we do not read */
  HS_EXCHANGE_ERROR_TOO_LARGE,
  HS_EXCHANGE_ERROR_RULES,      /* refused under --strict: error findings */
  HS_EXCHANGE_ERROR_REFERENCE,  /* an agreement, focus area or call the database lacks */
  HS_EXCHANGE_ERROR_NOT_FOUND,  /* no project with that code, no such agreement */
  HS_EXCHANGE_ERROR_STALE,      /* the database changed after the preview was made */
  HS_EXCHANGE_ERROR_ORGANISATION, /* organisations of the file differ from the stored ones
                                   * with the same business ID, and no choice was made */
} HsExchangeError;

GQuark hs_exchange_error_quark (void);

G_END_DECLS

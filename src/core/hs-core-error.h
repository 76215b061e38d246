/* hs-core-error.h — the error domain of the core layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HS_CORE_ERROR (hs_core_error_quark ())

typedef enum
{
  HS_CORE_ERROR_PARSE,       /* text that is not a valid amount, rate, date, code */
  HS_CORE_ERROR_OVERFLOW,    /* money arithmetic left the gint64 range */
  HS_CORE_ERROR_INVALID,     /* a value that breaks a rule of the domain */
  HS_CORE_ERROR_NOT_FOUND,   /* a referenced object does not exist */
  HS_CORE_ERROR_TRANSITION,  /* a status change that is not allowed */
  HS_CORE_ERROR_NOTHING_TO_UNDO,
  HS_CORE_ERROR_CONFLICT,    /* a unique key (project code, Y-tunnus) already used */
  HS_CORE_ERROR_STALE,       /* a save based on a version of a project that is no longer
                              * the stored one: someone else changed it meanwhile */
} HsCoreError;

GQuark hs_core_error_quark (void);

G_END_DECLS

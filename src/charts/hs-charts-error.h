/* hs-charts-error.h — the error domain of the charts layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HS_CHARTS_ERROR (hs_charts_error_quark ())

typedef enum
{
  HS_CHARTS_ERROR_FORMAT,       /* an output format we cannot write */
  HS_CHARTS_ERROR_IO,
  HS_CHARTS_ERROR_NOT_FOUND,    /* an agreement or focus area that does not exist */
  HS_CHARTS_ERROR_NO_DECISION,  /* a decision letter of a project that has no decision */
} HsChartsError;

GQuark hs_charts_error_quark (void);

G_END_DECLS

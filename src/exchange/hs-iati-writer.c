/* hs-iati-writer.c — IATI 2.03 activities and the list-of-operations CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not written yet (docs/exchange.md "Status"): both formats refuse with a
 * clear error, and hs_export() writes nothing (the temporary file is
 * removed), so no half or empty file appears under the chosen name.
 */
#define G_LOG_DOMAIN "hs-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hs-exchange-private.h"

gboolean
hs_iati_write (HsExportJob    *job,
               HsAtomicOutput *output,
               GError        **error)
{
  g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
               _("The IATI 2.03 export is not available in this version yet"));
  return FALSE;
}

gboolean
hs_operations_csv_write (HsExportJob    *job,
                         HsAtomicOutput *output,
                         GError        **error)
{
  g_set_error (error, HS_EXCHANGE_ERROR, HS_EXCHANGE_ERROR_IO,
               _("The list-of-operations CSV export is not available in this version yet"));
  return FALSE;
}

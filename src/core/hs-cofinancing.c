/* hs-cofinancing.c — the EU part and the state part of EU and state support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hs-cofinancing.h"
#include "hs-core-error.h"
#include "hs-lang.h"
#include "hs-money.h"

gint32
hs_agreement_eu_share_bp (const HsAgreement *agreement)
{
  if (agreement == NULL)
    return HS_EU_SHARE_TRANSITION_BP;
  if (agreement->eu_share_bp > 0 && agreement->eu_share_bp <= HS_BP_WHOLE)
    return agreement->eu_share_bp;
  return agreement->more_developed ? HS_EU_SHARE_MORE_DEVELOPED_BP : HS_EU_SHARE_TRANSITION_BP;
}

HsInstrument
hs_call_get_instrument (const HsCall *call)
{
  if (call == NULL || (guint) call->instrument >= HS_N_INSTRUMENTS)
    return HS_INSTRUMENT_EAKR;
  return call->instrument;
}

gboolean
hs_support_split (gint64          eu_state,
                  gint32          eu_share_bp,
                  HsSupportSplit *out,
                  GError        **error)
{
  gint64 eu;

  g_return_val_if_fail (out != NULL, FALSE);

  if (eu_share_bp < 0 || eu_share_bp > HS_BP_WHOLE)
    {
      g_autofree char *rate = hs_rate_format (eu_share_bp, hs_lang_current ());
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_INVALID,
                   /* Translators: %s is a rate such as "120,0 %" */
                   _("The EU share of public funding must be between 0 and 100 %%, not %s"), rate);
      return FALSE;
    }
  if (eu_state > HS_MONEY_MAX || eu_state < -HS_MONEY_MAX ||
      !hs_money_apply_rate (eu_state, eu_share_bp, &eu))
    {
      g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW,
                   _("The EU and state support is too large to split into its EU and state parts"));
      return FALSE;
    }
  out->eu = eu;
  out->state = eu_state - eu;   /* |eu| <= |eu_state|: no overflow */
  return TRUE;
}

gboolean
hs_implementer_split_support (const HsImplementer *impl,
                              gint32               eu_share_bp,
                              HsInstrument         instrument,
                              HsSupportSplit      *out,
                              GError             **error)
{
  g_return_val_if_fail (impl != NULL, FALSE);

  return hs_support_split (hs_implementer_get_financing (impl, HS_SOURCE_EU_STATE),
                           hs_instrument_is_erdf (instrument) ? eu_share_bp : 0, out, error);
}

gboolean
hs_project_split_support (const HsProject *project,
                          gint32           eu_share_bp,
                          HsInstrument     instrument,
                          HsSupportSplit  *out,
                          GError         **error)
{
  HsSupportSplit sum = { 0, 0 };

  g_return_val_if_fail (project != NULL && out != NULL, FALSE);

  for (guint i = 0; i < project->implementers->len; i++)
    {
      const HsImplementer *impl = g_ptr_array_index (project->implementers, i);
      HsSupportSplit part;

      if (!hs_implementer_split_support (impl, eu_share_bp, instrument, &part, error))
        return FALSE;
      if (!hs_money_add (sum.eu, part.eu, &sum.eu) || !hs_money_add (sum.state, part.state, &sum.state))
        {
          g_set_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW,
                       /* Translators: %s is a project code */
                       _("The EU and state support of %s is too large to add up"),
                       project->code != NULL ? project->code : "");
          return FALSE;
        }
    }
  *out = sum;
  return TRUE;
}

/* hs-cofinancing.h — the EU part and the state part of EU and state support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A financing plan holds EU and state support (HS_SOURCE_EU_STATE) as one
 * amount, as the EURA 2021 plan shows it; the funding rules (the 60 % cap)
 * are checked on that amount. Publishing needs the two apart. The region's
 * co-financing category of Uudistuva ja osaava Suomi 2021–2027 gives the EU
 * share of public funding (docs/domain.md §2, the government decision of
 * 22.3.2021): Helsinki-Uusimaa (more developed region) 40 %, the rest of
 * mainland Finland 60 %. The support the programme pays is the programme's
 * public funding, so
 *
 *   EU part    = EU share × EU and state support, rounded half away from
 *                zero to the cent, per implementer;
 *   state part = EU and state support − EU part.
 *
 * The two always add up to the support exactly; a project's parts are the
 * sums of its implementers' parts (docs/design.md, "EU and state").
 * Money of a national instrument (AKKE, other national money) has no EU
 * part: all of it is the state's.
 */
#pragma once

#include <glib.h>
#include "hs-enums.h"
#include "hs-project.h"
#include "hs-reference.h"

G_BEGIN_DECLS

/* The EU share of public funding of the two co-financing categories
 * (the store's cofinancing_category table is seeded with the same). */
#define HS_EU_SHARE_MORE_DEVELOPED_BP 4000   /* Helsinki-Uusimaa */
#define HS_EU_SHARE_TRANSITION_BP     6000   /* the rest of mainland Finland */

typedef struct
{
  gint64 eu;      /* ERDF */
  gint64 state;   /* the state's co-financing (all of it for national money) */
} HsSupportSplit;

/* The agreement's EU share in basis points: its category's stored share
 * (eu_share_bp), else 40 % for a more developed region and 60 % for the
 * others. NULL (a project without an agreement) is the rest of mainland
 * Finland, where 15 of the 16 agreements are. */
gint32       hs_agreement_eu_share_bp (const HsAgreement *agreement);

/* The instrument a project is funded by: its call's; a project without a
 * call is EAKR. */
HsInstrument hs_call_get_instrument   (const HsCall *call);

/* Splits @eu_state with @eu_share_bp (0–10000): @out->eu rounded half away
 * from zero to the cent, @out->state the rest. FALSE with
 * HS_CORE_ERROR_OVERFLOW beyond ±HS_MONEY_MAX, HS_CORE_ERROR_INVALID for a
 * share outside 0–100 %. */
gboolean     hs_support_split         (gint64          eu_state,
                                       gint32          eu_share_bp,
                                       HsSupportSplit *out,
                                       GError        **error);

/* An implementer's EU and state support split; for an instrument that is
 * not ERDF all of it is state money. */
gboolean     hs_implementer_split_support (const HsImplementer *impl,
                                           gint32               eu_share_bp,
                                           HsInstrument         instrument,
                                           HsSupportSplit      *out,
                                           GError             **error);

/* The project's split: the sums of its implementers' splits (overflow
 * checked), so that eu + state is the project's EU and state support. */
gboolean     hs_project_split_support (const HsProject *project,
                                       gint32           eu_share_bp,
                                       HsInstrument     instrument,
                                       HsSupportSplit  *out,
                                       GError         **error);

G_END_DECLS

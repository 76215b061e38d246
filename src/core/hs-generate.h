/* hs-generate.h — synthetic and example portfolios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "hs-project.h"
#include "hs-reference.h"

G_BEGIN_DECLS

/* n projects shaped like the real thing (1–4 implementers, staff costs over
 * 2–3 years, financing that mostly obeys the rules and a known small share
 * that breaks one), spread over the given agreements and focus areas
 * (GPtrArray of HsAgreement* and HsFocusArea*). The same seed gives the same
 * projects. Codes are "GEN-<seed>-<n>" so that runs with different seeds
 * do not collide. */
GPtrArray *hs_generate_portfolio (GPtrArray *agreements,
                                  GPtrArray *focus_areas,
                                  guint      n,
                                  guint32    seed);

/* The small example portfolio of `init --demo`, built from public facts and
 * marked as example data (HsProject.example). */
GPtrArray *hs_generate_demo      (GPtrArray *agreements,
                                  GPtrArray *focus_areas);

G_END_DECLS

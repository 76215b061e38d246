/* hs-chart-style.h — colours and fonts of the charts, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The palette is Okabe–Ito (Okabe & Ito 2008, "Color Universal Design"):
 * eight colours that stay distinct for the common forms of colour-vision
 * deficiency. The dark variant keeps the hues and lightens the two that
 * would vanish on a dark background (blue and black).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} HsColour;

typedef enum
{
  HS_PALETTE_ORANGE,
  HS_PALETTE_SKY_BLUE,
  HS_PALETTE_BLUISH_GREEN,
  HS_PALETTE_YELLOW,
  HS_PALETTE_BLUE,
  HS_PALETTE_VERMILLION,
  HS_PALETTE_REDDISH_PURPLE,
  HS_PALETTE_GREY,            /* Okabe–Ito black, as a neutral grey */
  HS_PALETTE_SIZE
} HsPaletteColour;

typedef struct
{
  gboolean  dark;
  HsColour  background;
  HsColour  foreground;       /* titles, labels */
  HsColour  muted;            /* tick labels, notes */
  HsColour  grid;
  HsColour  axis;
  HsColour  outline;          /* a thin edge around bars (light colours on light) */
  HsColour  palette[HS_PALETTE_SIZE];
  char      font_family[64];
  double    font_size;        /* in device units (pixels, or points on PDF) */
} HsChartStyle;

void            hs_chart_style_init        (HsChartStyle *style,
                                            gboolean      dark);
/* "#rrggbb" */
char           *hs_colour_to_hex           (const HsColour *colour);
/* The ARGB32 value cairo stores for this colour drawn opaque. */
guint32         hs_colour_to_argb          (const HsColour *colour);

G_END_DECLS

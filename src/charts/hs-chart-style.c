/* hs-chart-style.c — colours and fonts of the charts, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-chart-style.h"

static HsColour
rgb (guint32 hex)
{
  HsColour colour = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };
  return colour;
}

static HsColour
rgba (guint32 hex,
      double  alpha)
{
  HsColour colour = rgb (hex);
  colour.alpha = alpha;
  return colour;
}

void
hs_chart_style_init (HsChartStyle *style,
                     gboolean      dark)
{
  static const guint32 okabe_ito[HS_PALETTE_SIZE] = {
    0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x6E6E6E,
  };

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->dark = dark;
  for (guint i = 0; i < HS_PALETTE_SIZE; i++)
    style->palette[i] = rgb (okabe_ito[i]);

  if (dark)
    {
      /* libadwaita's dark view background and light text */
      style->background = rgb (0x1E1E1E);
      style->foreground = rgb (0xFFFFFF);
      style->muted = rgba (0xFFFFFF, 0.7);
      style->grid = rgba (0xFFFFFF, 0.12);
      style->axis = rgba (0xFFFFFF, 0.5);
      style->outline = rgba (0x000000, 0.0);
      /* the same hues, lighter where they would sink into the background */
      style->palette[HS_PALETTE_BLUE] = rgb (0x2A86D1);
      style->palette[HS_PALETTE_GREY] = rgb (0xA8A8A8);
    }
  else
    {
      style->background = rgb (0xFFFFFF);
      style->foreground = rgba (0x000000, 0.8);
      style->muted = rgba (0x000000, 0.6);
      style->grid = rgba (0x000000, 0.1);
      style->axis = rgba (0x000000, 0.45);
      style->outline = rgba (0x000000, 0.25);
    }

  g_strlcpy (style->font_family, "Cantarell", sizeof style->font_family);
  style->font_size = 13.0;
}

char *
hs_colour_to_hex (const HsColour *colour)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) lround (colour->red * 255),
                          (guint) lround (colour->green * 255),
                          (guint) lround (colour->blue * 255));
}

guint32
hs_colour_to_argb (const HsColour *colour)
{
  return 0xff000000u
         | ((guint32) lround (colour->red * 255) << 16)
         | ((guint32) lround (colour->green * 255) << 8)
         | (guint32) lround (colour->blue * 255);
}

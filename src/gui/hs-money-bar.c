/* hs-money-bar.c — a call's money as a bar: granted, proposed, applied against available
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with cairo in a drawing area; under it a legend with the figures,
 * which is also the widget's accessible description. Blue (granted) and
 * orange (proposed) of the Okabe–Ito palette, orange hatched and applied
 * for as an outline, so that the parts differ without colour too.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/hs-money.h"

#include "hs-money-bar.h"

struct _HsMoneyBar
{
  GtkWidget       parent_instance;

  HsLang          lang;
  HsCallMoney     money;
  GtkDrawingArea *area;
  GtkLabel       *legend;
};

G_DEFINE_FINAL_TYPE (HsMoneyBar, hs_money_bar, GTK_TYPE_WIDGET)

#define GRANTED_RGB  0.0, 0.447, 0.698     /* #0072B2 */
#define PROPOSED_RGB 0.902, 0.624, 0.0     /* #E69F00 */

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  HsMoneyBar *self = user_data;
  const HsCallMoney *m = &self->money;
  GdkRGBA fg;
  double scale_max = MAX (MAX (m->available, m->applied), MAX (m->proposed, m->granted));
  double w = width - 2, h = height - 2;
  double granted_w, proposed_w, applied_w;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  /* the track */
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 1.5, 1.5, w - 1, h - 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
  cairo_stroke (cr);
  if (scale_max <= 0)
    return;

  applied_w = w * (double) m->applied / scale_max;
  proposed_w = w * (double) MAX (m->proposed, m->granted) / scale_max;
  granted_w = w * (double) m->granted / scale_max;

  /* applied for: an outline */
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, 2, 2, MAX (applied_w - 2, 0), h - 2);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  cairo_stroke (cr);

  /* proposed and not granted: hatched orange */
  if (proposed_w > granted_w)
    {
      cairo_save (cr);
      cairo_rectangle (cr, 1 + granted_w, 4, proposed_w - granted_w, h - 6);
      cairo_clip_preserve (cr);
      cairo_set_source_rgba (cr, PROPOSED_RGB, 0.45);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, PROPOSED_RGB);
      cairo_set_line_width (cr, 2);
      for (double x = granted_w - h; x < proposed_w + h; x += 7)
        {
          cairo_move_to (cr, x, h + 2);
          cairo_line_to (cr, x + h, 0);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* granted: solid blue */
  if (granted_w > 0)
    {
      cairo_rectangle (cr, 1, 4, granted_w, h - 6);
      cairo_set_source_rgb (cr, GRANTED_RGB);
      cairo_fill (cr);
    }

  /* available: a thick line across */
  if (m->available >= 0)
    {
      double x = 1 + w * (double) m->available / scale_max;

      cairo_set_line_width (cr, 3);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 1);
      cairo_move_to (cr, CLAMP (x, 2.5, width - 2.5), 0);
      cairo_line_to (cr, CLAMP (x, 2.5, width - 2.5), height);
      cairo_stroke (cr);
    }
}

char *
hs_money_bar_dup_text (HsMoneyBar *self)
{
  const HsCallMoney *m;
  g_autofree char *available = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *proposed = NULL;
  g_autofree char *granted = NULL;
  g_autofree char *remaining = NULL;

  g_return_val_if_fail (HS_IS_MONEY_BAR (self), NULL);

  m = &self->money;
  available = m->available >= 0 ? hs_money_format (m->available, self->lang) : g_strdup (_("not set"));
  applied = hs_money_format (m->applied, self->lang);
  proposed = hs_money_format (m->proposed, self->lang);
  granted = hs_money_format (m->granted, self->lang);
  remaining = m->available >= 0 ? hs_money_format (m->remaining, self->lang) : g_strdup ("—");
  /* Translators: the money bar's legend; each %s is an amount, the %u the number of applications */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Available: %s\nApplied for: %s (%u application)\nProposed: %s\n"
                                       "Granted: %s\nRemaining: %s",
                                       "Available: %s\nApplied for: %s (%u applications)\nProposed: %s\n"
                                       "Granted: %s\nRemaining: %s", m->applications),
                          available, applied, m->applications, proposed, granted, remaining);
}

void
hs_money_bar_set_money (HsMoneyBar        *self,
                        const HsCallMoney *money)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *legend = NULL;

  g_return_if_fail (HS_IS_MONEY_BAR (self));
  g_return_if_fail (money != NULL);

  self->money = *money;
  text = hs_money_bar_dup_text (self);
  lines = g_strsplit (text, "\n", -1);
  {
    /* the key of the bar: each figure after the mark it has in the bar */
    static const char *marks[] = {
      "<span weight='heavy'>│</span>", "□", "<span foreground='#E69F00'>▨</span>",
      "<span foreground='#0072B2'>■</span>", "",
    };
    g_autoptr(GString) markup = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);
        g_autofree char *kept = g_strjoinv ("\u00a0", words);   /* a figure is not broken across lines */
        g_autofree char *escaped = g_markup_escape_text (kept, -1);

        if (i > 0)
          g_string_append (markup, "    ");
        if (i < G_N_ELEMENTS (marks) && *marks[i] != '\0')
          g_string_append_printf (markup, "%s\u2009", marks[i]);
        g_string_append (markup, escaped);
      }
    legend = g_string_free (g_steal_pointer (&markup), FALSE);
  }
  gtk_label_set_markup (self->legend, legend);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
hs_money_bar_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hs_money_bar_parent_class)->dispose (object);
}

static void
hs_money_bar_class_init (HsMoneyBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hs_money_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "moneybar");
}

static void
hs_money_bar_init (HsMoneyBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->money.available = -1;
  self->money.remaining = -1;

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_height (self->area, 22);
  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->area), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->area), GTK_WIDGET (self));

  self->legend = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->legend, TRUE);
  gtk_label_set_xalign (self->legend, 0);
  gtk_label_set_selectable (self->legend, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->legend), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->legend), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The call’s money"), -1);
}

GtkWidget *
hs_money_bar_new (HsLang lang)
{
  HsMoneyBar *self = g_object_new (HS_TYPE_MONEY_BAR, NULL);

  self->lang = lang;
  hs_money_bar_set_money (self, &self->money);
  return GTK_WIDGET (self);
}

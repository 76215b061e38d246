/* hs-chart-view.c — a chart in the window: a thin widget over src/charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draw func only fills a style (dark or light from libadwaita, the
 * font from GtkSettings) and calls hs_chart_draw(): the same renderer as
 * the exports, the report and the tests.
 */
#define G_LOG_DOMAIN "hs-gui"

#include "config.h"

#include <adwaita.h>

#include "charts/hs-chart-render.h"
#include "hs-chart-view.h"

struct _HsChartView
{
  GtkDrawingArea  parent_instance;

  HsChartKind     kind;
  HsChartData    *data;
};

G_DEFINE_FINAL_TYPE (HsChartView, hs_chart_view, GTK_TYPE_DRAWING_AREA)

enum
{
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_style (HsChartView  *self,
            HsChartStyle *style)
{
  g_autofree char *font_name = NULL;
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

  hs_chart_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font_name);
      const char *family = pango_font_description_get_family (desc);
      int size = pango_font_description_get_size (desc);

      if (family != NULL)
        g_strlcpy (style->font_family, family, sizeof style->font_family);
      if (size > 0)
        style->font_size = (double) size / PANGO_SCALE * (pango_font_description_get_size_is_absolute (desc) ? 1.0 : 96.0 / 72.0);
      pango_font_description_free (desc);
    }
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  HsChartView *self = HS_CHART_VIEW (area);
  g_autoptr(HsChartData) empty = NULL;
  HsChartStyle style;

  fill_style (self, &style);
  if (self->data == NULL)
    empty = hs_chart_data_new (self->kind, hs_lang_current ());
  hs_chart_draw (cr, self->data != NULL ? self->data : empty, &style, width, height);
}

static void
dark_changed_cb (HsChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hs_chart_view_dispose (GObject *object)
{
  HsChartView *self = HS_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->data, hs_chart_data_free);
  G_OBJECT_CLASS (hs_chart_view_parent_class)->dispose (object);
}

static void
hs_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsChartView *self = HS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HsChartView *self = HS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      hs_chart_view_set_kind (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_chart_view_class_init (HsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_chart_view_dispose;
  object_class->get_property = hs_chart_view_get_property;
  object_class->set_property = hs_chart_view_set_property;

  /* HsChartKind: 0 financing, 1 budget by year, 2 timeline, 3 status, 4 implementers */
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, HS_N_CHART_KINDS - 1, HS_CHART_FINANCING,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
hs_chart_view_init (HsChartView *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 480);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 300);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self);
}

GtkWidget *
hs_chart_view_new (HsChartKind kind)
{
  return g_object_new (HS_TYPE_CHART_VIEW, "kind", (guint) kind, NULL);
}

HsChartKind
hs_chart_view_get_kind (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), HS_CHART_FINANCING);
  return self->kind;
}

void
hs_chart_view_set_kind (HsChartView *self,
                        HsChartKind  kind)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));
  g_return_if_fail ((guint) kind < HS_N_CHART_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  if (self->data != NULL && self->data->kind != kind)
    hs_chart_view_set_data (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
hs_chart_view_set_data (HsChartView *self,
                        HsChartData *data)
{
  g_autofree char *description = NULL;

  g_return_if_fail (HS_IS_CHART_VIEW (self));
  g_return_if_fail (data == NULL || data->kind == self->kind);

  if (self->data == data)
    return;
  g_clear_pointer (&self->data, hs_chart_data_free);
  self->data = data;

  if (data != NULL)
    {
      description = hs_chart_describe (data);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, data->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const HsChartData *
hs_chart_view_get_data (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), NULL);
  return self->data;
}

HsChartTable *
hs_chart_view_get_table (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), NULL);
  return self->data != NULL ? hs_chart_table (self->data) : NULL;
}

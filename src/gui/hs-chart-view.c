/* hs-chart-view.c — a chart in the window: a thin widget over src/charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draw func only fills a style (dark or light from libadwaita, the
 * font from GtkSettings, the background of the card it sits on) and paints
 * the layout with hs_chart_render(): the same renderer as the exports, the
 * report and the tests. The layout is kept between draws (it only changes
 * with the data, the size or the style), and the pointer and the keyboard
 * hit-test the same bars: hovering shows the exact values in a tooltip and
 * dims the other bars, a click or Enter emits "category-activated". A
 * timeline's rows move with the arrow keys; the mouse wheel is left to the
 * page the charts are on.
 */
#define G_LOG_DOMAIN "hs-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "charts/hs-chart-render.h"
#include "charts/hs-chart-scale.h"
#include "core/hs-date.h"
#include "core/hs-money.h"
#include "hs-chart-view.h"
#include "hs-chart-view-private.h"

struct _HsChartView
{
  GtkDrawingArea  parent_instance;

  HsChartKind     kind;
  HsChartData    *data;
  HsChartData    *empty;         /* drawn while there is no data */
  char           *description;

  PangoContext   *context;       /* unhinted: measures as on PNG and PDF */
  HsChartLayout  *layout;        /* at the current size and style */
  HsChartStyle    layout_style;

  int             hover;         /* category (timeline: task) under the pointer, -1 */
  int             focus;         /* category the keyboard is on, -1 */
  double          draw_ms;
};

G_DEFINE_FINAL_TYPE (HsChartView, hs_chart_view, GTK_TYPE_DRAWING_AREA)

enum
{
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CATEGORY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const HsChartData *
current_data (HsChartView *self)
{
  if (self->data != NULL)
    return self->data;
  if (self->empty == NULL || self->empty->kind != self->kind)
    {
      g_clear_pointer (&self->empty, hs_chart_data_free);
      self->empty = hs_chart_data_new (self->kind, hs_lang_current ());
    }
  return self->empty;
}

static void
invalidate_layout (HsChartView *self)
{
  g_clear_pointer (&self->layout, hs_chart_layout_free);
}

/* ---- style ----------------------------------------------------------------- */

static HsColour
colour_from_rgba (const GdkRGBA *rgba)
{
  HsColour colour = { rgba->red, rgba->green, rgba->blue, rgba->alpha };
  return colour;
}

static gboolean
lookup_colour (GtkWidget  *widget,
               const char *name,
               GdkRGBA    *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  return gtk_style_context_lookup_color (context, name, out);
}

static void
fill_style (HsChartView  *self,
            HsChartStyle *style)
{
  g_autofree char *font_name = NULL;
  GtkWidget *widget = GTK_WIDGET (self);
  GtkSettings *settings = gtk_widget_get_settings (widget);
  GdkRGBA card, window;

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

  /* The chart sits on a card: paint its background with the card's colour
   * (libadwaita's is translucent over the window's), so the hairlines
   * between stacked segments are gaps, not stripes. */
  if (lookup_colour (widget, "card_bg_color", &card) && lookup_colour (widget, "window_bg_color", &window))
    {
      GdkRGBA mixed = {
        card.red * card.alpha + window.red * (1 - card.alpha),
        card.green * card.alpha + window.green * (1 - card.alpha),
        card.blue * card.alpha + window.blue * (1 - card.alpha),
        1.0,
      };
      style->background = colour_from_rgba (&mixed);
    }
}

static const HsChartLayout *
ensure_layout (HsChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  HsChartStyle style;

  if (width <= 0 || height <= 0)
    return NULL;

  fill_style (self, &style);
  if (self->layout != NULL && self->layout->width == width && self->layout->height == height
      && memcmp (&style, &self->layout_style, sizeof style) == 0)
    return self->layout;

  invalidate_layout (self);
  if (self->context == NULL)
    self->context = hs_chart_pango_context_new ();
  self->layout_style = style;
  self->layout = hs_chart_layout_new (current_data (self), &self->layout_style, width, height, self->context);
  return self->layout;
}

/* ---- drawing --------------------------------------------------------------- */

static void
rounded_rectangle (cairo_t      *cr,
                   const HsRect *r,
                   double        grow,
                   double        radius)
{
  double x = r->x - grow, y = r->y - grow;
  double w = r->width + 2 * grow, h = r->height + 2 * grow;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  HsChartView *self = HS_CHART_VIEW (area);
  gint64 start = g_get_monotonic_time ();
  const HsChartLayout *layout = ensure_layout (self);
  const HsChartStyle *style = &self->layout_style;

  if (layout == NULL)
    return;
  hs_chart_render (cr, layout, style);

  /* hover: the other bars step back */
  if (self->hover >= 0)
    {
      const HsColour *bg = &style->background;

      cairo_set_source_rgba (cr, bg->red, bg->green, bg->blue, 0.5);
      for (guint i = 0; i < layout->bars->len; i++)
        {
          const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
          if (bar->category != self->hover)
            cairo_rectangle (cr, bar->rect.x, bar->rect.y, bar->rect.width, bar->rect.height);
        }
      cairo_fill (cr);
    }

  /* keyboard focus: a ring around the bars of the focused category */
  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
      gboolean any = FALSE;

      lookup_colour (GTK_WIDGET (self), "accent_color", &accent);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      for (guint i = 0; i < layout->bars->len && self->focus >= 0; i++)
        {
          const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
          if (bar->category == self->focus)
            {
              rounded_rectangle (cr, &bar->rect, 3, 4);
              any = TRUE;
            }
        }
      if (!any)
        {
          HsRect all = { 0, 0, width, height };
          rounded_rectangle (cr, &all, -2, 8);
        }
      cairo_stroke (cr);
    }

  self->draw_ms = (g_get_monotonic_time () - start) / 1000.0;
}

static void
dark_changed_cb (HsChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- what a bar stands for ------------------------------------------------- */

static const HsChartBar *
first_bar_of (const HsChartLayout *layout,
              int                  category)
{
  for (guint i = 0; layout != NULL && i < layout->bars->len; i++)
    {
      const HsChartBar *bar = &g_array_index (layout->bars, HsChartBar, i);
      if (bar->category == category)
        return bar;
    }
  return NULL;
}

static void
append_value (GString    *out,
              const char *label,
              const char *value,
              gboolean    bold)
{
  g_autofree char *escaped_label = g_markup_escape_text (label, -1);
  g_autofree char *escaped_value = g_markup_escape_text (value, -1);

  g_string_append_c (out, '\n');
  /* Translators: a line of a chart's tooltip: "EU and state: 1 000,00 €" */
  g_string_append_printf (out, bold ? _("<b>%s: %s</b>") : _("%s: %s"), escaped_label, escaped_value);
}

static void
append_projects (GString *out,
                 HsLang   lang,
                 guint    projects)
{
  g_autofree char *count = hs_chart_format_count (projects, lang);

  g_string_append_c (out, '\n');
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s project", "%s projects", projects), count);
}

static char *
describe_bar (HsChartView      *self,
              const HsChartBar *bar)
{
  const HsChartData *data = current_data (self);
  HsLang lang = data->lang;
  GString *out = g_string_new (NULL);

  if (data->kind == HS_CHART_TIMELINE)
    {
      const HsChartTask *task;
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (bar->category < 0 || (guint) bar->category >= data->tasks->len)
        return g_string_free (out, TRUE);
      task = &g_array_index (data->tasks, HsChartTask, bar->category);
      title = g_strdup_printf ("%s %s", task->code, task->name);
      escaped = g_markup_escape_text (title, -1);
      from = hs_date_format (&task->start, lang);
      to = hs_date_format (&task->end, lang);
      g_string_append_printf (out, "<b>%s</b>\n%s\n", escaped, hs_status_label (task->status));
      /* Translators: a project's schedule in a tooltip: "1.1.2024 – 31.12.2025" */
      g_string_append_printf (out, _("%s – %s"), from, to);
      return g_string_free (out, FALSE);
    }

  if (bar->category < 0 || (guint) bar->category >= data->categories->len)
    {
      /* a merged "Others" bar: only what the bar itself holds */
      g_autofree char *value = data->kind == HS_CHART_STATUS && bar->series == 0
                               ? hs_chart_format_count (bar->value, lang) : hs_money_format (bar->value, lang);
      const char *series = data->kind == HS_CHART_STATUS ? (bar->series == 0 ? _("Projects") : _("Total costs"))
                           : (guint) bar->series < data->n_series ? data->series[bar->series] : _("Total");
      g_autofree char *escaped = g_markup_escape_text (series, -1);

      g_string_append_printf (out, "<b>%s</b>\n%s", escaped, value);
      return g_string_free (out, FALSE);
    }

  {
    const HsChartCategory *c = &g_array_index (data->categories, HsChartCategory, bar->category);
    g_autofree char *escaped = g_markup_escape_text (c->label, -1);

    g_string_append_printf (out, "<b>%s</b>", escaped);
    switch (data->kind)
      {
      case HS_CHART_FINANCING:
      case HS_CHART_IMPLEMENTERS:
        for (guint s = 0; s < data->n_series; s++)
          if (c->values[s] != 0)
            {
              g_autofree char *amount = hs_money_format (c->values[s], lang);
              g_autofree char *share = hs_rate_format (hs_rate_of (c->values[s], c->total), lang);
              g_autofree char *value = g_strdup_printf ("%s (%s)", amount, share);
              append_value (out, data->series[s], value, (int) s == bar->series);
            }
        {
          g_autofree char *total = hs_money_format (c->total, lang);
          append_value (out, _("Total"), total, FALSE);
        }
        if (data->kind == HS_CHART_FINANCING && c->projects > 1)
          append_projects (out, lang, c->projects);
        break;

      case HS_CHART_BUDGET_BY_YEAR:
        {
          g_autofree char *total = hs_money_format (c->total, lang);
          append_value (out, data->series[0], total, FALSE);
          if (c->has_reference && data->reference_label != NULL)
            {
              g_autofree char *reference = hs_money_format (c->reference, lang);
              append_value (out, data->reference_label, reference, FALSE);
            }
          append_projects (out, lang, c->projects);
        }
        break;

      case HS_CHART_STATUS:
        {
          gint64 sums[HS_CHART_MAX_SERIES] = { 0 };
          gint64 all = 0;
          g_autofree char *count = hs_chart_format_count (c->projects, lang);
          g_autofree char *amount = hs_money_format (c->total, lang);
          g_autofree char *share = NULL;
          g_autofree char *value = NULL;

          hs_chart_data_totals (data, sums, &all, NULL);
          share = hs_rate_format (hs_rate_of (c->total, all), lang);
          value = g_strdup_printf ("%s (%s)", amount, share);
          append_value (out, _("Projects"), count, bar->series == 0);
          append_value (out, data->series[0], value, bar->series == 1);
        }
        break;

      case HS_CHART_TIMELINE:
      case HS_N_CHART_KINDS:
      default:
        break;
      }
  }
  return g_string_free (out, FALSE);
}

char *
_hs_chart_view_describe_at (HsChartView *self,
                           double       x,
                           double       y)
{
  const HsChartLayout *layout;
  const HsChartBar *bar;

  g_return_val_if_fail (HS_IS_CHART_VIEW (self), NULL);

  layout = ensure_layout (self);
  bar = layout != NULL ? hs_chart_layout_bar_at (layout, x, y) : NULL;
  return bar != NULL ? describe_bar (self, bar) : NULL;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  HsChartView *self = HS_CHART_VIEW (widget);
  const HsChartLayout *layout = ensure_layout (self);
  const HsChartBar *bar;
  g_autofree char *markup = NULL;

  if (layout == NULL)
    return FALSE;
  bar = keyboard_mode ? first_bar_of (layout, self->focus) : hs_chart_layout_bar_at (layout, x, y);
  if (bar == NULL || (markup = describe_bar (self, bar)) == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
    (int) floor (bar->rect.x), (int) floor (bar->rect.y),
    MAX ((int) ceil (bar->rect.width), 1), MAX ((int) ceil (bar->rect.height), 1) });
  return TRUE;
}

/* ---- pointer and keyboard -------------------------------------------------- */

static void
set_hover (HsChartView *self,
           int          category)
{
  if (self->hover == category)
    return;
  self->hover = category;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), category >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HsChartView              *self)
{
  const HsChartLayout *layout = ensure_layout (self);
  const HsChartBar *bar = layout != NULL ? hs_chart_layout_bar_at (layout, x, y) : NULL;

  set_hover (self, bar != NULL ? bar->category : -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          HsChartView              *self)
{
  set_hover (self, -1);
}

static void
activate_category (HsChartView *self,
                   int          category)
{
  if (category < 0)
    return;
  g_signal_emit (self, signals[SIGNAL_CATEGORY_ACTIVATED], 0, category);
}

gboolean
hs_chart_view_activate_at (HsChartView *self,
                           double       x,
                           double       y)
{
  const HsChartLayout *layout;
  const HsChartBar *bar;

  g_return_val_if_fail (HS_IS_CHART_VIEW (self), FALSE);

  layout = ensure_layout (self);
  bar = layout != NULL ? hs_chart_layout_bar_at (layout, x, y) : NULL;
  if (bar == NULL || bar->category < 0)
    return FALSE;
  self->focus = bar->category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  activate_category (self, bar->category);
  return TRUE;
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             HsChartView     *self)
{
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hs_chart_view_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The categories in the order their bars are laid out; the timeline's
 * rows are all its tasks (moving past the shown ones scrolls). */
static GArray *
shown_categories (HsChartView *self)
{
  const HsChartLayout *layout = ensure_layout (self);
  GArray *order = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; layout != NULL && i < layout->bars->len; i++)
    {
      int category = g_array_index (layout->bars, HsChartBar, i).category;
      gboolean seen = category < 0;

      for (guint j = 0; j < order->len && !seen; j++)
        seen = g_array_index (order, int, j) == category;
      if (!seen)
        g_array_append_val (order, category);
    }
  return order;
}

static void
scroll_timeline_to (HsChartView *self,
                    int          task)
{
  const HsChartLayout *layout = ensure_layout (self);
  guint first;

  if (self->data == NULL || self->kind != HS_CHART_TIMELINE || layout == NULL || layout->n_shown == 0)
    return;
  first = layout->first_task;
  if ((guint) task < first)
    first = task;
  else if ((guint) task >= first + layout->n_shown)
    first = task - layout->n_shown + 1;
  if (first != self->data->first_task)
    {
      self->data->first_task = first;
      invalidate_layout (self);
    }
}

void
hs_chart_view_set_focus_category (HsChartView *self,
                                  int          category)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  if (self->kind == HS_CHART_TIMELINE && category >= 0)
    {
      guint n = current_data (self)->tasks->len;
      if (n == 0)
        category = -1;
      else
        category = MIN ((guint) category, n - 1);
      if (category >= 0)
        scroll_timeline_to (self, category);
    }
  self->focus = category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
_hs_chart_view_get_focus_category (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), -1);
  return self->focus;
}

static void
move_focus (HsChartView *self,
            int          delta)
{
  g_autoptr(GArray) order = NULL;
  int position = -1;

  if (self->kind == HS_CHART_TIMELINE)
    {
      int n = (int) current_data (self)->tasks->len;
      int next = self->focus < 0 ? (delta > 0 ? 0 : n - 1) : self->focus + delta;
      if (n > 0)
        hs_chart_view_set_focus_category (self, CLAMP (next, 0, n - 1));
      return;
    }

  order = shown_categories (self);
  if (order->len == 0)
    return;
  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, int, i) == self->focus)
      position = (int) i;
  if (position < 0)
    position = delta > 0 ? 0 : (int) order->len - 1;
  else
    position = CLAMP (position + delta, 0, (int) order->len - 1);
  hs_chart_view_set_focus_category (self, g_array_index (order, int, position));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HsChartView           *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, +1);
      return TRUE;
    case GDK_KEY_Home:
      move_focus (self, -G_MAXINT / 2);
      return TRUE;
    case GDK_KEY_End:
      move_focus (self, G_MAXINT / 2);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->focus < 0)
        return FALSE;
      activate_category (self, self->focus);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_changed_cb (HsChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject --------------------------------------------------------------- */

static void
hs_chart_view_dispose (GObject *object)
{
  HsChartView *self = HS_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  invalidate_layout (self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->data, hs_chart_data_free);
  g_clear_pointer (&self->empty, hs_chart_data_free);
  g_clear_pointer (&self->description, g_free);
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

  /**
   * HsChartView::category-activated:
   * @category: the index of the category in the data (for the timeline:
   *   of the task)
   *
   * A bar was clicked, or Enter pressed on the focused one.
   */
  signals[SIGNAL_CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
hs_chart_view_init (HsChartView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->hover = -1;
  self->focus = -1;

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 480);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 300);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* No scroll controller: the wheel over a chart scrolls the page it is
   * on (the timeline's rows move with the keyboard, and every row is in
   * its table). */
}

GtkWidget *
hs_chart_view_new (HsChartKind kind)
{
  return g_object_new (HS_TYPE_CHART_VIEW, "kind", (guint) kind, NULL);
}

HsChartKind
_hs_chart_view_get_kind (HsChartView *self)
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
  invalidate_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
hs_chart_view_set_data (HsChartView *self,
                        HsChartData *data)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));
  g_return_if_fail (data == NULL || data->kind == self->kind);

  if (self->data == data)
    return;
  /* a timeline stays where it was scrolled to */
  if (data != NULL && self->data != NULL && data->kind == HS_CHART_TIMELINE)
    data->first_task = MIN (self->data->first_task, data->tasks->len > 0 ? data->tasks->len - 1 : 0);
  g_clear_pointer (&self->data, hs_chart_data_free);
  g_clear_pointer (&self->description, g_free);
  self->data = data;
  invalidate_layout (self);
  self->hover = -1;
  if (data != NULL && self->focus >= (int) (data->kind == HS_CHART_TIMELINE ? data->tasks->len : data->categories->len))
    self->focus = -1;

  if (data != NULL)
    {
      self->description = hs_chart_describe (data);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, data->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
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

const char *
_hs_chart_view_get_description (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), NULL);
  return self->description;
}

const HsChartLayout *
_hs_chart_view_get_layout (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), NULL);
  return ensure_layout (self);
}

double
_hs_chart_view_get_last_draw_time (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), 0);
  return self->draw_ms;
}

/* hs-snapshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-snapshot"

#include "config.h"

#include "hs-snapshot.h"

gboolean
hs_snapshot_to_png (GtkWidget   *widget,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The widget has not been drawn yet");
      return FALSE;
    }

  /* A window draws itself inside the margin its client-side shadow takes,
   * which its paintable cuts off on the right and at the bottom: the
   * picture of a window is that of its content, which fills it. */
  snapshot = gtk_snapshot_new ();
  if (GTK_IS_WINDOW (widget) && gtk_window_get_child (GTK_WINDOW (widget)) != NULL)
    {
      GtkWidget *child = gtk_window_get_child (GTK_WINDOW (widget));

      if (gtk_widget_get_width (child) == width && gtk_widget_get_height (child) == height)
        {
          GdkRGBA background = { 1, 1, 1, 1 };

          /* under the content, the window's own background, which the
           * window draws, not its child (cards are translucent on it) */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &background);
G_GNUC_END_IGNORE_DEPRECATIONS
          gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
          widget = child;
        }
    }
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The widget drew nothing");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_really_visible (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget);
}

/* What a person sees of WIDGET: the part of its bounds (in ROOT's
 * coordinates) inside CLIP, the area that the ancestors that cut off their
 * children (scrolled views, leaflets, stacks in transition) leave visible.
 * FALSE when none of it is. */
static gboolean
visible_part (GtkWidget             *widget,
              GtkWidget             *root,
              const graphene_rect_t *clip,
              graphene_rect_t       *out)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;
  if (!graphene_rect_intersection (&bounds, clip, out))
    return FALSE;
  /* a label squeezed to nothing shows nothing */
  return out->size.width >= 1.f && out->size.height >= 1.f;
}

static void
describe_widget (GtkWidget             *widget,
                 GtkWidget             *root,
                 const graphene_rect_t *clip,
                 GString               *out)
{
  graphene_rect_t shown;
  graphene_rect_t child_clip;

  if (!is_really_visible (widget))
    return;
  if (!visible_part (widget, root, clip, &shown))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      if (text != NULL && *text != '\0')
        g_string_append_printf (out, "label: %s\n", text);
    }
  else if (GTK_IS_INSCRIPTION (widget))
    {
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      if (text != NULL && *text != '\0')
        g_string_append_printf (out, "label: %s\n", text);
    }

  /* children are cut off at the edges of a widget that hides its overflow
   * (a viewport, a scrolled list, a leaflet); other widgets' children may
   * draw outside them, so they keep the parent's clip */
  child_clip = gtk_widget_get_overflow (widget) == GTK_OVERFLOW_HIDDEN ? shown : *clip;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    describe_widget (child, root, &child_clip, out);
}

char *
hs_snapshot_describe (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  if (GTK_IS_WINDOW (widget))
    g_string_append_printf (out, "title: %s\n",
                            gtk_window_get_title (GTK_WINDOW (widget)) ?: "");
  describe_widget (widget, widget,
                   &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)),
                   out);

  return g_string_free (out, FALSE);
}

/* The first paint after the window was mapped and a draw was queued: the
 * layout phase of that frame ran at the window's size, so every row and
 * label is what the user sees. */
static void
snapshot_after_paint_cb (GdkFrameClock *clock,
                         GtkWidget     *widget)
{
  const char *prefix = g_getenv ("HANKESALKKU_SNAPSHOT");
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *txt = g_strconcat (prefix, ".txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (clock, snapshot_after_paint_cb, widget);
  text = hs_snapshot_describe (widget);
  if (!hs_snapshot_to_png (widget, png, &error))
    g_printerr ("hankesalkku: snapshot: %s\n", error->message);
  g_clear_error (&error);
  if (!g_file_set_contents (txt, text, -1, &error))
    g_printerr ("hankesalkku: snapshot: %s\n", error->message);

  g_application_quit (g_application_get_default ());
}

static void
snapshot_map_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, snapshot_map_cb, NULL);
  /* connected before the draw is queued, so this paint cannot be missed */
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (snapshot_after_paint_cb), widget, 0);
  gtk_widget_queue_draw (widget);
}

void
hs_snapshot_arm_from_env (GtkWindow *window)
{
  const char *prefix = g_getenv ("HANKESALKKU_SNAPSHOT");

  if (prefix == NULL || *prefix == '\0')
    return;

  /* the picture shows the final state of every widget, not a transition */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-enable-animations", FALSE, NULL);
  g_signal_connect (window, "map", G_CALLBACK (snapshot_map_cb), NULL);
}

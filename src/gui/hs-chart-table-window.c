/* hs-chart-table-window.c — "Show as Table": a chart's numbers in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text alternative of a chart that one can read row by row, sort by
 * eye and copy: a GtkColumnView over the rows of hs_chart_table(). Each row
 * is a GtkStringList of its cells plus a last, hidden cell that marks the
 * totals row, which is shown in bold.
 */
#define G_LOG_DOMAIN "hs-chart-table"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-chart-table-window.h"
#include "hs-chart-table-window-private.h"

#define TOTAL_MARK "total"
#define TEXT_WIDTH 240
#define NUMBER_WIDTH 132

struct _HsChartTableWindow
{
  AdwWindow      parent_instance;

  HsChartTable  *table;
  GListStore    *rows;
  GtkColumnView *column_view;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (HsChartTableWindow, hs_chart_table_window, ADW_TYPE_WINDOW)

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HsChartTableWindow       *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  if (self->table->numeric[column])
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HsChartTableWindow       *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkStringList *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_list_get_string (row, column);
  gboolean total = g_strcmp0 (gtk_string_list_get_string (row, self->table->n_columns), TOTAL_MARK) == 0;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  /* long names are ellipsized: the whole text is a hover away */
  gtk_widget_set_tooltip_text (label, !self->table->numeric[column] ? text : NULL);
  if (total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
copy_clicked_cb (HsChartTableWindow *self)
{
  g_autofree char *text = hs_chart_table_to_text (self->table);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Table copied")));
}

static void
hs_chart_table_window_dispose (GObject *object)
{
  HsChartTableWindow *self = HS_CHART_TABLE_WINDOW (object);

  g_clear_object (&self->rows);
  G_OBJECT_CLASS (hs_chart_table_window_parent_class)->dispose (object);
}

static void
hs_chart_table_window_finalize (GObject *object)
{
  HsChartTableWindow *self = HS_CHART_TABLE_WINDOW (object);

  g_clear_pointer (&self->table, hs_chart_table_free);
  G_OBJECT_CLASS (hs_chart_table_window_parent_class)->finalize (object);
}

static void
hs_chart_table_window_class_init (HsChartTableWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_chart_table_window_dispose;
  object_class->finalize = hs_chart_table_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
hs_chart_table_window_init (HsChartTableWindow *self)
{
  self->rows = g_list_store_new (GTK_TYPE_STRING_LIST);
}

/* A column as wide as its header and its widest cell (a number column is
 * not cut: "EU- ja valtion rahoitus" is as much a part of it as its
 * amounts), within reason. */
static int
column_width (HsChartTableWindow *self,
              guint               column)
{
  const int padding = 24;     /* the cell's and the header's own, and the sort arrow */
  int width = self->table->numeric[column] ? NUMBER_WIDTH : TEXT_WIDTH;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  /* headers are bold */
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, self->table->headers[column], -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  width = MAX (width, w + padding);
  if (!self->table->numeric[column])
    return width;

  pango_layout_set_attributes (layout, NULL);
  for (guint r = 0; r < self->table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (self->table->rows, r);

      if (cells[column] == NULL)
        continue;
      pango_layout_set_text (layout, cells[column], -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      width = MAX (width, w + padding);
    }
  return MIN (width, 320);
}

static void
build (HsChartTableWindow *self,
       const HsChartData  *data)
{
  GtkWidget *box, *header, *title, *copy, *scrolled;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_autofree int *widths = g_new0 (int, self->table->n_columns);
  int total_width = 0;

  for (guint c = 0; c < self->table->n_columns; c++)
    {
      widths[c] = column_width (self, c);
      total_width += widths[c];
    }
  gtk_window_set_title (GTK_WINDOW (self), data->title);
  /* wide enough for every column of the widest table, within reason */
  gtk_window_set_default_size (GTK_WINDOW (self), CLAMP (total_width + 40, 480, 1400), 560);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (data->title, data->scope);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_tooltip_text (copy, _("Copy as Text"));
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), copy);
  gtk_box_append (GTK_BOX (box), header);

  for (guint r = 0; r < self->table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (self->table->rows, r);
      g_autoptr(GtkStringList) row = gtk_string_list_new (NULL);

      for (guint c = 0; c < self->table->n_columns; c++)
        gtk_string_list_append (row, cells[c] != NULL ? cells[c] : "");
      gtk_string_list_append (row, (int) r == self->table->total_row ? TOTAL_MARK : "");
      g_list_store_append (self->rows, row);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, data->title, -1);
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      column = gtk_column_view_column_new (self->table->headers[c], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, !self->table->numeric[c]);
      gtk_column_view_column_set_fixed_width (column, widths[c]);
      gtk_column_view_append_column (self->column_view, column);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toast_overlay));
  adw_window_set_content (ADW_WINDOW (self), box);
}

HsChartTableWindow *
hs_chart_table_window_new (GtkWindow         *parent,
                           const HsChartData *data)
{
  HsChartTableWindow *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (HS_TYPE_CHART_TABLE_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->table = hs_chart_table (data);
  build (self, data);
  return self;
}

GListModel *
_hs_chart_table_window_get_rows (HsChartTableWindow *self)
{
  g_return_val_if_fail (HS_IS_CHART_TABLE_WINDOW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

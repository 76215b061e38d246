/* hs-dashboard.c — the portfolio's charts beside the project list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A switch of what the EU and state support is (applied for, proposed,
 * granted: the financing and budget-by-year charts and the support figure
 * follow it), three key figures, then the five charts on cards in a responsive grid:
 * two to a row (one when narrow), the timeline across the whole width.
 * Each card has a menu: Show as Table, Copy Data, Export as PNG/SVG/PDF.
 *
 * The data comes from hs_chart_data_from_repository() (SQL aggregates, one
 * walk for the implementers), for the scope the sidebar selects. On the
 * repository's "changed" the dashboard gathers again, once per change and
 * never per project, and only while it is mapped: hidden, it only notes
 * that it is out of date and gathers when it is next mapped.
 */
#define G_LOG_DOMAIN "hs-dashboard"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "charts/hs-chart-render.h"
#include "charts/hs-chart-scale.h"
#include "charts/hs-chart-source.h"
#include "core/hs-money.h"

#include "hs-chart-table-window.h"
#include "hs-dashboard.h"
#include "hs-dashboard-private.h"

/* the size of exported charts: pixels for PNG, points for SVG and PDF */
#define EXPORT_PNG_WIDTH 1200
#define EXPORT_PNG_HEIGHT 750
#define EXPORT_PNG_FONT 16.0
#define EXPORT_VECTOR_WIDTH 800
#define EXPORT_VECTOR_HEIGHT 500
#define EXPORT_VECTOR_FONT 11.0

typedef enum
{
  FIGURE_PROJECTS,
  FIGURE_COSTS,
  FIGURE_SUPPORT,
  N_FIGURES
} Figure;

struct _HsDashboard
{
  GtkWidget        parent_instance;

  HsRepository    *repository;
  gulong           changed_handler;
  gint64           agreement_id;
  gint64           focus_area_id;
  HsChartBasis     basis;
  gboolean         dirty;          /* the charts do not show the repository as it is */
  guint            refresh_idle;
  double           refresh_ms;
  guint            n_refreshes;

  HsChartView     *charts[HS_N_CHART_KINDS];
  GtkLabel        *figure_values[N_FIGURES];
  GtkLabel        *figure_notes[N_FIGURES];

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkScrolledWindow *scrolled_window;
  GtkFlowBox      *figures_box;
  GtkFlowBox      *top_box;
  GtkBox          *wide_box;
  GtkFlowBox      *bottom_box;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (HsDashboard, hs_dashboard, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_REPOSITORY,
  PROP_BASIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_FILTER_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *format_ids[] = { "png", "svg", "pdf" };

/* ---- gathering ------------------------------------------------------------- */

static void
show_error (HsDashboard  *self,
            const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
set_figure (HsDashboard *self,
            Figure       figure,
            const char  *value,
            const char  *note)
{
  gtk_label_set_text (self->figure_values[figure], value);
  gtk_label_set_text (self->figure_notes[figure], note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->figure_notes[figure]), note != NULL);
}

static void
update_figures (HsDashboard *self)
{
  const HsChartData *status = hs_chart_view_get_data (self->charts[HS_CHART_STATUS]);
  const HsChartData *financing = hs_chart_view_get_data (self->charts[HS_CHART_FINANCING]);
  gint64 status_sums[HS_CHART_MAX_SERIES] = { 0 };
  gint64 financing_sums[HS_CHART_MAX_SERIES] = { 0 };
  gint64 costs = 0, financing_total = 0;
  guint projects = 0;
  HsLang lang;

  if (status == NULL || financing == NULL)
    return;
  lang = status->lang;
  if (!hs_chart_data_totals (status, status_sums, &costs, &projects)
      || !hs_chart_data_totals (financing, financing_sums, &financing_total, NULL))
    return;

  {
    g_autofree char *count = hs_chart_format_count (projects, lang);
    g_autofree char *value = hs_money_format (costs, lang);
    g_autofree char *support = hs_money_format (financing_sums[0], lang);
    g_autofree char *rate = hs_rate_format (hs_rate_of (financing_sums[0], costs), lang);
    /* Translators: under the EU and state support figure: "48,0 % of the total costs" */
    g_autofree char *share = g_strdup_printf (_("%s of the total costs"), rate);

    set_figure (self, FIGURE_PROJECTS, count, status->scope);
    set_figure (self, FIGURE_COSTS, value, NULL);
    /* proposed or granted support is of some projects only: no share of
     * every project's costs */
    set_figure (self, FIGURE_SUPPORT, support,
                financing->basis == HS_CHART_BASIS_PROPOSED ? _("Proposed by the steering groups")
                : financing->basis == HS_CHART_BASIS_GRANTED ? _("Granted by the decisions in force")
                : share);
  }
}

gboolean
hs_dashboard_refresh (HsDashboard  *self,
                      GError      **error)
{
  HsChartScope scope = { self->agreement_id, self->focus_area_id };
  HsChartData *gathered[HS_N_CHART_KINDS] = { NULL };
  HsLang lang = hs_lang_current ();
  gint64 start = g_get_monotonic_time ();
  const HsChartData *status, *timeline;

  g_return_val_if_fail (HS_IS_DASHBOARD (self), FALSE);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->dirty = FALSE;
  if (self->repository == NULL)
    {
      for (guint k = 0; k < HS_N_CHART_KINDS; k++)
        hs_chart_view_set_data (self->charts[k], NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return TRUE;
    }

  /* all or nothing: a chart never shows another scope than the rest */
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    {
      HsChartBasis basis = hs_chart_kind_has_basis (k) ? self->basis : HS_CHART_BASIS_APPLIED;

      gathered[k] = hs_chart_data_from_repository_for_basis (self->repository, &scope, k, basis, lang, error);
      if (gathered[k] == NULL)
        {
          for (guint j = 0; j < k; j++)
            hs_chart_data_free (gathered[j]);
          return FALSE;
        }
    }
  for (guint k = 0; k < HS_N_CHART_KINDS; k++)
    hs_chart_view_set_data (self->charts[k], gathered[k]);
  self->refresh_ms = (g_get_monotonic_time () - start) / 1000.0;
  self->n_refreshes++;
  g_debug ("Gathered the charts in %.1f ms", self->refresh_ms);

  update_figures (self);
  status = hs_chart_view_get_data (self->charts[HS_CHART_STATUS]);
  timeline = hs_chart_view_get_data (self->charts[HS_CHART_TIMELINE]);
  gtk_stack_set_visible_child_name (self->stack,
                                    status->categories->len == 0 && timeline->tasks->len == 0 ? "empty" : "charts");
  return TRUE;
}

static void
refresh_or_show_error (HsDashboard *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_dashboard_refresh (self, &error))
    show_error (self, error);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  HsDashboard *self = user_data;

  self->refresh_idle = 0;
  refresh_or_show_error (self);
  return G_SOURCE_REMOVE;
}

/* Out of date: gather once the current burst of changes is over, and only
 * while the charts can be seen. */
static void
mark_dirty (HsDashboard *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
repository_changed_cb (HsRepository *repository,
                       HsDashboard  *self)
{
  mark_dirty (self);
}

/* ---- activating a bar ------------------------------------------------------ */

static void
category_activated_cb (HsChartView *view,
                       int          index,
                       HsDashboard *self)
{
  const HsChartData *data = hs_chart_view_get_data (view);
  g_autofree char *key = NULL;
  int dimension;

  if (data == NULL || index < 0)
    return;

  if (data->kind == HS_CHART_TIMELINE)
    {
      const HsChartTask *task;

      if ((guint) index >= data->tasks->len)
        return;
      task = &g_array_index (data->tasks, HsChartTask, index);
      if (task->id == 0)
        return;
      key = g_strdup_printf ("%" G_GINT64_FORMAT, task->id);
      dimension = HS_DASHBOARD_BY_PROJECT;
    }
  else
    {
      const HsChartCategory *category;

      if ((guint) index >= data->categories->len)
        return;
      category = &g_array_index (data->categories, HsChartCategory, index);
      if (category->key == NULL)
        return;
      key = g_strdup (category->key);
      switch (data->kind)
        {
        case HS_CHART_FINANCING:
          dimension = self->focus_area_id != 0 ? (int) HS_DASHBOARD_BY_PROJECT : (int) HS_BY_FOCUS_AREA;
          break;
        case HS_CHART_BUDGET_BY_YEAR:
          dimension = HS_BY_YEAR;
          break;
        case HS_CHART_STATUS:
          dimension = HS_BY_STATUS;
          break;
        case HS_CHART_IMPLEMENTERS:
          dimension = HS_DASHBOARD_BY_ORGANISATION;
          break;
        case HS_CHART_TIMELINE:
        case HS_N_CHART_KINDS:
        default:
          return;
        }
    }
  g_signal_emit (self, signals[SIGNAL_FILTER_REQUESTED], 0, dimension, key);
}

/* ---- the card menus -------------------------------------------------------- */

static void
show_toast (HsDashboard *self,
            AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWindow *
hs_dashboard_show_table (HsDashboard *self,
                         HsChartKind  kind)
{
  const HsChartData *data;
  HsChartTableWindow *window;
  GtkRoot *root;

  g_return_val_if_fail (HS_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail ((guint) kind < HS_N_CHART_KINDS, NULL);

  data = hs_chart_view_get_data (self->charts[kind]);
  if (data == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = hs_chart_table_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, data);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  int kind = hs_chart_kind_from_id (g_variant_get_string (parameter, NULL));

  if (kind >= 0)
    hs_dashboard_show_table (HS_DASHBOARD (widget), kind);
}

static void
copy_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsDashboard *self = HS_DASHBOARD (widget);
  int kind = hs_chart_kind_from_id (g_variant_get_string (parameter, NULL));
  g_autoptr(HsChartTable) table = NULL;
  g_autofree char *text = NULL;

  if (kind < 0 || (table = hs_chart_view_get_table (self->charts[kind])) == NULL)
    return;
  text = hs_chart_table_to_text (table);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, adw_toast_new (_("Chart data copied")));
}

gboolean
hs_dashboard_export_chart (HsDashboard  *self,
                           HsChartKind   kind,
                           GFile        *file,
                           GError      **error)
{
  const HsChartData *data;
  g_autoptr(HsChartData) empty = NULL;
  g_autofree char *path = NULL;
  HsChartStyle style;
  int format;

  g_return_val_if_fail (HS_IS_DASHBOARD (self), FALSE);
  g_return_val_if_fail ((guint) kind < HS_N_CHART_KINDS, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = hs_chart_view_get_data (self->charts[kind]);
  if (data == NULL)
    data = empty = hs_chart_data_new (kind, hs_lang_current ());
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Charts can only be exported to local files"));
      return FALSE;
    }

  /* documents are light, whatever the window's style */
  hs_chart_style_init (&style, FALSE);
  format = hs_chart_format_from_path (path);
  if (format == HS_CHART_FORMAT_PNG)
    {
      style.font_size = EXPORT_PNG_FONT;
      return hs_chart_export (data, &style, EXPORT_PNG_WIDTH, EXPORT_PNG_HEIGHT, path, error);
    }
  style.font_size = EXPORT_VECTOR_FONT;
  return hs_chart_export (data, &style, EXPORT_VECTOR_WIDTH, EXPORT_VECTOR_HEIGHT, path, error);
}

static void
toast_open_cb (AdwToast *toast,
               GFile    *file)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "parent");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    HsDashboard     *self)
{
  HsChartKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (native), "kind"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    {
      if (hs_dashboard_export_chart (self, kind, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          AdwToast *toast = adw_toast_new_format (_("Exported “%s”"), name);
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          adw_toast_set_button_label (toast, _("_Open"));
          g_object_set_data (G_OBJECT (toast), "parent", root);
          g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_open_cb),
                                 g_object_ref (file), (GClosureNotify) g_object_unref, 0);
          show_toast (self, toast);
        }
      else
        {
          AdwToast *toast = adw_toast_new (error->message);
          adw_toast_set_timeout (toast, 0);
          show_toast (self, toast);
        }
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const char *titles[] = { N_("Export Chart as PNG"), N_("Export Chart as SVG"), N_("Export Chart as PDF") };
  static const char *filter_names[] = { N_("PNG images"), N_("SVG images"), N_("PDF documents") };
  HsDashboard *self = HS_DASHBOARD (widget);
  const char *kind_id, *format_id;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkRoot *root;
  int kind, format = -1;

  g_variant_get (parameter, "(&s&s)", &kind_id, &format_id);
  kind = hs_chart_kind_from_id (kind_id);
  for (guint i = 0; i < G_N_ELEMENTS (format_ids); i++)
    if (g_strcmp0 (format_id, format_ids[i]) == 0)
      format = (int) i;
  if (kind < 0 || format < 0)
    return;

  root = gtk_widget_get_root (widget);
  native = gtk_file_chooser_native_new (_(titles[format]), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = g_strdup_printf ("%s.%s", kind_id, format_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_suffix (filter, format_id);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data (G_OBJECT (native), "kind", GUINT_TO_POINTER ((guint) kind));
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static GMenuModel *
card_menu_new (HsChartKind kind)
{
  static const char *labels[] = { N_("Export as _PNG…"), N_("Export as _SVG…"), N_("Export as P_DF…") };
  const char *id = hs_chart_kind_to_id (kind);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) view_section = g_menu_new ();
  g_autoptr(GMenu) export_section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("Show as _Table"), NULL);
  g_menu_item_set_action_and_target_value (item, "dashboard.show-table", g_variant_new_string (id));
  g_menu_append_item (view_section, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Copy Data"), NULL);
  g_menu_item_set_action_and_target_value (item, "dashboard.copy-table", g_variant_new_string (id));
  g_menu_append_item (view_section, item);
  g_clear_object (&item);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      item = g_menu_item_new (_(labels[i]), NULL);
      g_menu_item_set_action_and_target_value (item, "dashboard.export", g_variant_new ("(ss)", id, format_ids[i]));
      g_menu_append_item (export_section, item);
      g_clear_object (&item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export_section));
  return G_MENU_MODEL (menu);
}

/* ---- building -------------------------------------------------------------- */

static GtkWidget *
chart_card_new (HsDashboard *self,
                HsChartKind  kind,
                int          height)
{
  GtkWidget *card = gtk_overlay_new ();
  GtkWidget *view = hs_chart_view_new (kind);
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = card_menu_new (kind);
  g_autofree char *button_label = g_strdup_printf (_("%s: Options"), hs_chart_kind_label (kind));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hs_chart_kind_label (kind), -1);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (view), height);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (view), 360);
  gtk_widget_set_hexpand (view, TRUE);
  g_signal_connect (view, "category-activated", G_CALLBACK (category_activated_cb), self);
  gtk_overlay_set_child (GTK_OVERLAY (card), view);
  self->charts[kind] = HS_CHART_VIEW (view);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_tooltip_text (button, _("Chart Options"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 4);
  gtk_widget_set_margin_end (button, 4);
  gtk_widget_add_css_class (button, "circular");
  gtk_overlay_add_overlay (GTK_OVERLAY (card), button);
  return card;
}

static GtkWidget *
figure_card_new (HsDashboard *self,
                 Figure       figure,
                 const char  *caption)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "figure-card");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (value, "figure-value");
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (card), label);
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), note);
  self->figure_values[figure] = GTK_LABEL (value);
  self->figure_notes[figure] = GTK_LABEL (note);
  return card;
}

static void
flow_box_append (GtkFlowBox *box,
                 GtkWidget  *child)
{
  gtk_flow_box_append (box, child);
  /* the cards are not items to pick: Tab goes to the charts and menus */
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/ui/hs-dashboard.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* ---- GObject and GtkWidget ------------------------------------------------- */

static void
hs_dashboard_map (GtkWidget *widget)
{
  HsDashboard *self = HS_DASHBOARD (widget);

  GTK_WIDGET_CLASS (hs_dashboard_parent_class)->map (widget);
  /* before the first frame, so stale charts are never seen */
  if (self->dirty)
    refresh_or_show_error (self);
}

static void
hs_dashboard_unmap (GtkWidget *widget)
{
  HsDashboard *self = HS_DASHBOARD (widget);

  if (self->refresh_idle != 0)
    {
      g_clear_handle_id (&self->refresh_idle, g_source_remove);
      self->dirty = TRUE;
    }
  GTK_WIDGET_CLASS (hs_dashboard_parent_class)->unmap (widget);
}

static void
hs_dashboard_dispose (GObject *object)
{
  HsDashboard *self = HS_DASHBOARD (object);
  GtkWidget *child;

  hs_dashboard_set_repository (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_DASHBOARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hs_dashboard_parent_class)->dispose (object);
}

static void
hs_dashboard_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HsDashboard *self = HS_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    case PROP_BASIS:
      g_value_set_string (value, hs_chart_basis_to_id (self->basis));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_dashboard_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HsDashboard *self = HS_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      hs_dashboard_set_repository (self, g_value_get_object (value));
      break;
    case PROP_BASIS:
      {
        int basis = hs_chart_basis_from_id (g_value_get_string (value));
        if (basis >= 0)
          hs_dashboard_set_basis (self, basis);
        else
          g_warning ("Unknown chart basis “%s”", g_value_get_string (value));
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_dashboard_class_init (HsDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_dashboard_dispose;
  object_class->get_property = hs_dashboard_get_property;
  object_class->set_property = hs_dashboard_set_property;
  widget_class->map = hs_dashboard_map;
  widget_class->unmap = hs_dashboard_unmap;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, HS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "applied", "proposed" or "granted" (HsChartBasis ids) */
  properties[PROP_BASIS] =
    g_param_spec_string ("basis", NULL, NULL, "applied",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HsDashboard::filter-requested:
   * @dimension: an HsDimension or HsDashboardDimension
   * @key: what to filter by: a focus area id, a year, a status id, an
   *   organisation's name, a project id
   *
   * A bar was activated (clicked, or Enter on it): the project list
   * should show the projects it stands for.
   */
  signals[SIGNAL_FILTER_REQUESTED] =
    g_signal_new ("filter-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_install_property_action (widget_class, "dashboard.basis", "basis");
  gtk_widget_class_install_action (widget_class, "dashboard.show-table", "s", show_table_action);
  gtk_widget_class_install_action (widget_class, "dashboard.copy-table", "s", copy_table_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export", "(ss)", export_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, HsDashboard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsDashboard, stack);
  gtk_widget_class_bind_template_child (widget_class, HsDashboard, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, HsDashboard, figures_box);
  gtk_widget_class_bind_template_child (widget_class, HsDashboard, top_box);
  gtk_widget_class_bind_template_child (widget_class, HsDashboard, wide_box);
  gtk_widget_class_bind_template_child (widget_class, HsDashboard, bottom_box);
  gtk_widget_class_bind_template_child (widget_class, HsDashboard, error_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dashboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hs_dashboard_init (HsDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "dashboard");
  self->dirty = TRUE;

  flow_box_append (self->figures_box, figure_card_new (self, FIGURE_PROJECTS, _("Projects")));
  flow_box_append (self->figures_box, figure_card_new (self, FIGURE_COSTS, _("Total costs")));
  flow_box_append (self->figures_box, figure_card_new (self, FIGURE_SUPPORT, _("EU and state support")));

  flow_box_append (self->top_box, chart_card_new (self, HS_CHART_FINANCING, 340));
  flow_box_append (self->top_box, chart_card_new (self, HS_CHART_BUDGET_BY_YEAR, 340));
  gtk_box_append (self->wide_box, chart_card_new (self, HS_CHART_TIMELINE, 380));
  flow_box_append (self->bottom_box, chart_card_new (self, HS_CHART_STATUS, 320));
  flow_box_append (self->bottom_box, chart_card_new (self, HS_CHART_IMPLEMENTERS, 320));
}

GtkWidget *
hs_dashboard_new (HsRepository *repository)
{
  return g_object_new (HS_TYPE_DASHBOARD, "repository", repository, NULL);
}

void
hs_dashboard_set_repository (HsDashboard  *self,
                             HsRepository *repository)
{
  g_return_if_fail (HS_IS_DASHBOARD (self));
  g_return_if_fail (repository == NULL || HS_IS_REPOSITORY (repository));

  if (self->repository == repository)
    return;
  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_handler, self->repository);
  g_set_object (&self->repository, repository);
  if (repository != NULL)
    self->changed_handler = g_signal_connect (repository, "changed", G_CALLBACK (repository_changed_cb), self);
  mark_dirty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
}

void
hs_dashboard_set_scope (HsDashboard *self,
                        gint64       agreement_id,
                        gint64       focus_area_id)
{
  g_return_if_fail (HS_IS_DASHBOARD (self));

  if (self->agreement_id == agreement_id && self->focus_area_id == focus_area_id)
    return;
  self->agreement_id = agreement_id;
  self->focus_area_id = focus_area_id;
  mark_dirty (self);
}

void
hs_dashboard_set_basis (HsDashboard  *self,
                        HsChartBasis  basis)
{
  g_return_if_fail (HS_IS_DASHBOARD (self));
  g_return_if_fail ((guint) basis < HS_N_CHART_BASES);

  if (self->basis == basis)
    return;
  self->basis = basis;
  mark_dirty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASIS]);
}

HsChartBasis
hs_dashboard_get_basis (HsDashboard *self)
{
  g_return_val_if_fail (HS_IS_DASHBOARD (self), HS_CHART_BASIS_APPLIED);
  return self->basis;
}

HsChartView *
_hs_dashboard_get_chart (HsDashboard *self,
                        HsChartKind  kind)
{
  g_return_val_if_fail (HS_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail ((guint) kind < HS_N_CHART_KINDS, NULL);
  return self->charts[kind];
}

double
_hs_dashboard_get_last_refresh_time (HsDashboard *self)
{
  g_return_val_if_fail (HS_IS_DASHBOARD (self), 0);
  return self->refresh_ms;
}

guint
_hs_dashboard_get_n_refreshes (HsDashboard *self)
{
  g_return_val_if_fail (HS_IS_DASHBOARD (self), 0);
  return self->n_refreshes;
}

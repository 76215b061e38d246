/* hs-sidebar-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-sidebar-item"

#include "config.h"

#include "hs-sidebar-item.h"

struct _HsSidebarItem
{
  GObject        parent_instance;

  HsSidebarKind  kind;
  gint64         id;
  gint64         agreement_id;
  char          *label;
  char          *detail;
  char          *marker_icon;   /* the agreement's findings: an icon name, or NULL */
  char          *marker;        /* "2 agreement findings", or NULL */
  GListModel    *children;
};

G_DEFINE_FINAL_TYPE (HsSidebarItem, hs_sidebar_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_DETAIL,
  PROP_MARKER_ICON,
  PROP_MARKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_sidebar_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HsSidebarItem *self = HS_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_MARKER_ICON:
      g_value_set_string (value, self->marker_icon);
      break;
    case PROP_MARKER:
      g_value_set_string (value, self->marker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_sidebar_item_finalize (GObject *object)
{
  HsSidebarItem *self = HS_SIDEBAR_ITEM (object);

  g_free (self->label);
  g_free (self->detail);
  g_free (self->marker_icon);
  g_free (self->marker);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (hs_sidebar_item_parent_class)->finalize (object);
}

static void
hs_sidebar_item_class_init (HsSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_sidebar_item_finalize;
  object_class->get_property = hs_sidebar_item_get_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKER_ICON] = g_param_spec_string ("marker-icon", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKER] = g_param_spec_string ("marker", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_sidebar_item_init (HsSidebarItem *self)
{
}

HsSidebarItem *
hs_sidebar_item_new (HsSidebarKind  kind,
                     gint64         id,
                     gint64         agreement_id,
                     const char    *label)
{
  HsSidebarItem *self = g_object_new (HS_TYPE_SIDEBAR_ITEM, NULL);

  self->kind = kind;
  self->id = id;
  self->agreement_id = agreement_id;
  self->label = g_strdup (label);
  return self;
}

HsSidebarKind
hs_sidebar_item_get_kind (HsSidebarItem *self)
{
  return self->kind;
}

gint64
hs_sidebar_item_get_id (HsSidebarItem *self)
{
  return self->id;
}

gint64
hs_sidebar_item_get_agreement_id (HsSidebarItem *self)
{
  return self->agreement_id;
}

const char *
hs_sidebar_item_get_label (HsSidebarItem *self)
{
  return self->label;
}

GListModel *
hs_sidebar_item_get_children (HsSidebarItem *self)
{
  return self->children;
}

void
hs_sidebar_item_set_children (HsSidebarItem *self,
                              GListModel    *children)
{
  g_set_object (&self->children, children);
}

const char *
hs_sidebar_item_get_detail (HsSidebarItem *self)
{
  return self->detail;
}

void
hs_sidebar_item_set_detail (HsSidebarItem *self,
                            const char    *detail)
{
  if (g_strcmp0 (self->detail, detail) == 0)
    return;
  g_free (self->detail);
  self->detail = g_strdup (detail);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

const char *
hs_sidebar_item_get_marker (HsSidebarItem *self)
{
  return self->marker;
}

const char *
hs_sidebar_item_get_marker_icon (HsSidebarItem *self)
{
  return self->marker_icon;
}

void
hs_sidebar_item_set_marker (HsSidebarItem *self,
                            const char    *icon_name,
                            const char    *text)
{
  if (g_strcmp0 (self->marker_icon, icon_name) != 0)
    {
      g_free (self->marker_icon);
      self->marker_icon = g_strdup (icon_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKER_ICON]);
    }
  if (g_strcmp0 (self->marker, text) != 0)
    {
      g_free (self->marker);
      self->marker = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKER]);
    }
}

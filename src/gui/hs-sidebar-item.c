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
  GListModel    *children;
};

G_DEFINE_FINAL_TYPE (HsSidebarItem, hs_sidebar_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_DETAIL,
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

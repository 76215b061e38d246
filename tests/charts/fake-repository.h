/* fake-repository.h — an in-memory HsRepository for the charts tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three agreements (one with an indicative allocation), six focus areas
 * with long Finnish names and a generated portfolio: enough to test the
 * data gathering and the report without a database.
 */
#pragma once

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define FAKE_TYPE_REPOSITORY (fake_repository_get_type ())
G_DECLARE_FINAL_TYPE (FakeRepository, fake_repository, FAKE, REPOSITORY, GObject)

FakeRepository *fake_repository_new (guint n_projects, guint32 seed);
GPtrArray      *fake_repository_get_projects (FakeRepository *self);

G_END_DECLS

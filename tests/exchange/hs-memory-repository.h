/* hs-memory-repository.h — an HsRepository in memory, for the exchange tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Implements the interface as the contract in core/hs-repository.h states
 * it (save_projects all or nothing, organisations matched by Y-tunnus,
 * foreach in code order, "changed" after every mutation), seeded with four
 * agreements named like the real reference data, each with two focus areas
 * and a default call. It lets the exchange layer be tested in-process
 * without the SQLite store.
 */
#pragma once

#include "core/hs-repository.h"

G_BEGIN_DECLS

#define HS_TYPE_MEMORY_REPOSITORY (hs_memory_repository_get_type ())
G_DECLARE_FINAL_TYPE (HsMemoryRepository, hs_memory_repository, HS, MEMORY_REPOSITORY, GObject)

HsMemoryRepository *hs_memory_repository_new (void);
/* The next save_projects fails after doing part of its work (and undoes it). */
void                hs_memory_repository_fail_next_save (HsMemoryRepository *self);
guint               hs_memory_repository_count_organisations (HsMemoryRepository *self);
guint               hs_memory_repository_count_projects (HsMemoryRepository *self);
guint               hs_memory_repository_count_saves (HsMemoryRepository *self);
/* Adds an agreement (with its default call, id = the agreement's id) and
 * returns its id: a region of the rest of mainland Finland unless
 * @more_developed. */
gint64              hs_memory_repository_add_agreement (HsMemoryRepository *self,
                                                        const char         *region,
                                                        const char         *intermediary,
                                                        const char         *programme_area,
                                                        gboolean            more_developed);

G_END_DECLS

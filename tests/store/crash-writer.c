/* crash-writer.c — writes batches to a database until it is killed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: crash-writer DATABASE BATCH-SIZE
 *
 * Helper of test-crash: saves batches of BATCH-SIZE projects coded
 * "K<pid>x<batch>-<n>" with one save_projects call each, and undoes every
 * third batch again, so that the test's SIGKILL lands in the middle of big
 * transactions of both kinds. Prints "begin PREFIX" before and "saved
 * PREFIX" after each batch, so the test can tell where the kill landed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/hs-repository.h"
#include "store/hs-sqlite-repository.h"
#include "store-test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsSqliteRepository) store = NULL;
  g_autoptr(GError) error = NULL;
  guint size;

  if (argc != 3)
    {
      fprintf (stderr, "usage: crash-writer DATABASE BATCH-SIZE\n");
      return 2;
    }
  size = (guint) atoi (argv[2]);

  store = hs_sqlite_repository_open (argv[1], HS_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      fprintf (stderr, "crash-writer: %s\n", error->message);
      return 3;
    }

  for (guint batch = 0; ; batch++)
    {
      g_autofree char *prefix = g_strdup_printf ("K%dx%u-", (int) getpid (), batch);
      g_autoptr(GPtrArray) projects = store_test_batch (prefix, size);

      printf ("begin %s\n", prefix);
      fflush (stdout);
      if (!hs_repository_save_projects (HS_REPOSITORY (store), projects, prefix, &error))
        {
          fprintf (stderr, "crash-writer: %s\n", error->message);
          return 1;
        }
      printf ("saved %s\n", prefix);
      fflush (stdout);

      if (batch % 3 == 2)
        {
          g_autofree char *undone = hs_repository_undo (HS_REPOSITORY (store), &error);

          if (undone == NULL)
            {
              fprintf (stderr, "crash-writer: %s\n", error->message);
              return 1;
            }
          printf ("undone %s\n", undone);
          fflush (stdout);
        }
    }

  return 0;
}

/* test-project-diff.c — two versions of a project compared line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "core/hs-core-error.h"
#include "core/hs-i18n.h"
#include "core/hs-money.h"
#include "core/hs-project.h"
#include "core/hs-project-diff.h"

#define EUR(e) ((gint64) (e) * HS_CENTS_PER_EURO)

#define OULU    "0187690-1"
#define UNI     "0245895-6"
#define NEW_CO  "3141592-6"

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static HsImplementer *
new_implementer (const char *name,
                 const char *business_id,
                 HsOrgType   type,
                 gboolean    is_main)
{
  return hs_implementer_new (hs_organisation_new (name, business_id, type), is_main);
}

/* The approved version: Oulun kaupunki leads, Oulun yliopisto takes part;
 * flat-40, so every staff cost has its flat-rate line. */
static HsProject *
approved_project (void)
{
  HsProject *project = hs_project_new ("PKS-2025-001");
  HsImplementer *city = new_implementer ("Oulun kaupunki", OULU, HS_ORG_CITY, TRUE);
  HsImplementer *uni = new_implementer ("Oulun yliopisto", UNI, HS_ORG_UNIVERSITY, FALSE);
  HsIndicator indicator = { g_strdup ("RCO02"), 4 };
  g_autoptr(GError) error = NULL;

  project->name_fi = g_strdup ("Älykäs satama");
  project->acronym = g_strdup ("ÄS");
  project->agreement_id = 1;
  project->focus_area_id = 2;
  project->status = HS_STATUS_APPROVED;
  set_date (&project->start_date, 1, 1, 2025);
  set_date (&project->end_date, 31, 12, 2026);
  project->cost_model = HS_COST_MODEL_FLAT40;

  hs_implementer_set_cost (city, HS_COST_STAFF, 2025, EUR (50000));
  hs_implementer_set_cost (city, HS_COST_STAFF, 2026, EUR (40000));
  hs_implementer_set_financing (city, HS_SOURCE_EU_STATE, EUR (75600));
  hs_implementer_set_financing (city, HS_SOURCE_CITY, EUR (50400));
  hs_implementer_set_cost (uni, HS_COST_STAFF, 2025, EUR (10000));
  hs_implementer_set_cost (uni, HS_COST_STAFF, 2026, EUR (10000));
  hs_implementer_set_financing_year (uni, HS_SOURCE_EU_STATE, 2025, EUR (8400));
  hs_implementer_set_financing_year (uni, HS_SOURCE_EU_STATE, 2026, EUR (8400));
  hs_implementer_set_financing (uni, HS_SOURCE_OWN_PUBLIC, EUR (11200));
  g_ptr_array_add (project->implementers, city);
  g_ptr_array_add (project->implementers, uni);
  g_array_append_val (project->indicators, indicator);

  g_assert_true (hs_project_update_derived (project, &error));
  g_assert_no_error (error);
  return project;
}

static HsImplementer *
find_implementer (HsProject  *project,
                  const char *business_id)
{
  for (guint i = 0; i < project->implementers->len; i++)
    {
      HsImplementer *impl = g_ptr_array_index (project->implementers, i);

      if (g_strcmp0 (impl->organisation->business_id, business_id) == 0)
        return impl;
    }
  g_assert_not_reached ();
}

/* The change application: a new name and end date, more staff costs at
 * the university in 2025, the city's own money gone, a new partner and a
 * new indicator. */
static HsProject *
change_application (const HsProject *approved)
{
  HsProject *project = hs_project_copy (approved);
  HsImplementer *added = new_implementer ("Uusi Oy", NEW_CO, HS_ORG_COMPANY, FALSE);
  HsIndicator indicator = { g_strdup ("RCO01"), 3 };
  g_autoptr(GError) error = NULL;

  g_free (project->name_fi);
  project->name_fi = g_strdup ("Älykäs ja vihreä satama");
  set_date (&project->end_date, 30, 6, 2027);
  hs_implementer_set_cost (find_implementer (project, UNI), HS_COST_STAFF, 2025, EUR (12000));
  hs_implementer_set_financing (find_implementer (project, OULU), HS_SOURCE_CITY, 0);
  hs_implementer_set_cost (added, HS_COST_STAFF, 2026, EUR (5000));
  g_ptr_array_add (project->implementers, added);
  g_array_append_val (project->indicators, indicator);

  g_assert_true (hs_project_update_derived (project, &error));
  g_assert_no_error (error);
  return project;
}

static const HsDiffLine *
line_at (GPtrArray *lines,
         guint      index)
{
  g_assert_cmpuint (index, <, lines->len);
  return g_ptr_array_index (lines, index);
}

static void
test_equal (void)
{
  g_autoptr(HsProject) a = approved_project ();
  g_autoptr(HsProject) b = hs_project_copy (a);
  g_autoptr(GPtrArray) lines = hs_project_diff (a, b, TRUE, HS_LANG_FI);
  g_autoptr(GPtrArray) itself = hs_project_diff (a, a, FALSE, HS_LANG_EN);

  g_assert_nonnull (lines);
  g_assert_cmpuint (lines->len, ==, 0);
  g_assert_cmpuint (itself->len, ==, 0);

  /* an empty name and no name are the same to people */
  g_free (b->acronym);
  b->acronym = NULL;
  g_free (a->acronym);
  a->acronym = g_strdup ("");
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = hs_project_diff (a, b, TRUE, HS_LANG_FI);
  g_assert_cmpuint (lines->len, ==, 0);
}

static void
test_changes (void)
{
  g_autoptr(HsProject) from = approved_project ();
  g_autoptr(HsProject) to = change_application (from);
  g_autoptr(GPtrArray) lines = hs_project_diff (from, to, FALSE, HS_LANG_FI);
  const char *expected[] = {
    "name-fi",
    "end",
    "implementers/" OULU "/financing/city",
    "implementers/" UNI "/budget/staff/2025",
    "implementers/" UNI "/budget/flat-rate/2025",
    "implementers/" NEW_CO,
    "implementers/" NEW_CO "/budget/staff/2026",
    "implementers/" NEW_CO "/budget/flat-rate/2026",
    "indicators/RCO01",
  };
  const HsDiffLine *line;

  for (guint i = 0; i < lines->len; i++)
    g_test_message ("%s", ((HsDiffLine *) g_ptr_array_index (lines, i))->field);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (line_at (lines, i)->field, ==, expected[i]);

  line = line_at (lines, 0);
  g_assert_cmpstr (line->before, ==, "Älykäs satama");
  g_assert_cmpstr (line->after, ==, "Älykäs ja vihreä satama");
  g_assert_false (line->is_amount);

  line = line_at (lines, 1);
  g_assert_cmpstr (line->before, ==, "31.12.2026");
  g_assert_cmpstr (line->after, ==, "30.6.2027");

  /* the removed financing line */
  line = line_at (lines, 2);
  g_assert_true (line->is_amount);
  g_assert_cmpint (line->amount_before, ==, EUR (50400));
  g_assert_cmpint (line->amount_after, ==, 0);
  g_assert_cmpstr (line->before, ==, "50\u00a0400,00\u00a0€");
  g_assert_null (line->after);
  g_assert_cmpstr (line->label, ==, "City financing, Oulun kaupunki");

  /* one staff cost of the partial implementer, and the flat rate it derives */
  line = line_at (lines, 3);
  g_assert_true (line->is_amount);
  g_assert_cmpint (line->amount_before, ==, EUR (10000));
  g_assert_cmpint (line->amount_after, ==, EUR (12000));
  g_assert_cmpstr (line->label, ==, "Staff costs 2025, Oulun yliopisto");
  g_assert_cmpstr (line->before, ==, "10\u00a0000,00\u00a0€");
  g_assert_cmpstr (line->after, ==, "12\u00a0000,00\u00a0€");
  line = line_at (lines, 4);
  g_assert_cmpint (line->amount_before, ==, EUR (4000));
  g_assert_cmpint (line->amount_after, ==, EUR (4800));

  /* the added implementer: one line for it, then its amounts */
  line = line_at (lines, 5);
  g_assert_false (line->is_amount);
  g_assert_null (line->before);
  g_assert_cmpstr (line->after, ==, "partial implementer");
  g_assert_cmpstr (line->label, ==, "Uusi Oy");
  line = line_at (lines, 6);
  g_assert_true (line->is_amount);
  g_assert_null (line->before);
  g_assert_cmpint (line->amount_before, ==, 0);
  g_assert_cmpint (line->amount_after, ==, EUR (5000));
  line = line_at (lines, 7);
  g_assert_cmpint (line->amount_after, ==, EUR (2000));

  line = line_at (lines, 8);
  g_assert_null (line->before);
  g_assert_cmpstr (line->after, ==, "3");
  g_assert_cmpstr (line->label, ==, "RCO01 Enterprises supported (micro, small, medium, large)");
}

/* The other way round, every addition is a removal, in the same order
 * except that the removed implementer comes after the ones that stay. */
static void
test_reverse (void)
{
  g_autoptr(HsProject) to = approved_project ();
  g_autoptr(HsProject) from = change_application (to);
  g_autoptr(GPtrArray) lines = hs_project_diff (from, to, FALSE, HS_LANG_EN);
  const HsDiffLine *line;

  g_assert_cmpuint (lines->len, ==, 9);
  g_assert_cmpstr (line_at (lines, 2)->field, ==, "implementers/" OULU "/financing/city");
  g_assert_null (line_at (lines, 2)->before);
  g_assert_cmpstr (line_at (lines, 2)->after, ==, "€50,400.00");
  line = line_at (lines, 5);
  g_assert_cmpstr (line->field, ==, "implementers/" NEW_CO);
  g_assert_cmpstr (line->before, ==, "partial implementer");
  g_assert_null (line->after);
  g_assert_cmpstr (line_at (lines, 8)->field, ==, "indicators/RCO01");
  g_assert_null (line_at (lines, 8)->after);
}

static void
test_status (void)
{
  g_autoptr(HsProject) from = approved_project ();
  g_autoptr(HsProject) to = hs_project_copy (from);
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) with = NULL;
  HsStatusChange change = { HS_STATUS_ONGOING, { 0, } };

  to->status = HS_STATUS_ONGOING;
  set_date (&change.date, 3, 2, 2025);
  g_array_append_val (to->history, change);

  without = hs_project_diff (from, to, FALSE, HS_LANG_FI);
  g_assert_cmpuint (without->len, ==, 0);
  with = hs_project_diff (from, to, TRUE, HS_LANG_FI);
  g_assert_cmpuint (with->len, ==, 2);
  g_assert_cmpstr (line_at (with, 0)->field, ==, "status");
  g_assert_cmpstr (line_at (with, 0)->before, ==, "Approved");
  g_assert_cmpstr (line_at (with, 0)->after, ==, "Ongoing");
  g_assert_cmpstr (line_at (with, 1)->field, ==, "history/1");
  g_assert_null (line_at (with, 1)->before);
  g_assert_cmpstr (line_at (with, 1)->after, ==, "Ongoing, 3.2.2025");
}

/* Implementers matched by name when they have no business ID; a role that
 * changes is a line of its own. */
static void
test_implementers (void)
{
  g_autoptr(HsProject) from = hs_project_new ("PKS-1");
  g_autoptr(HsProject) to = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  HsImplementer *foreign = new_implementer ("Luleå tekniska universitet", NULL, HS_ORG_UNIVERSITY, FALSE);
  HsImplementer *impl;

  hs_implementer_set_cost (foreign, HS_COST_TRAVEL, 2025, EUR (1000));
  g_ptr_array_add (from->implementers, foreign);
  to = hs_project_copy (from);
  impl = g_ptr_array_index (to->implementers, 0);
  impl->is_main = TRUE;
  hs_implementer_set_financing_year (impl, HS_SOURCE_PRIVATE, 2025, EUR (300));

  lines = hs_project_diff (from, to, FALSE, HS_LANG_EN);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (line_at (lines, 0)->field, ==, "implementers/Luleå tekniska universitet");
  g_assert_cmpstr (line_at (lines, 0)->before, ==, "partial implementer");
  g_assert_cmpstr (line_at (lines, 0)->after, ==, "main implementer");
  g_assert_cmpstr (line_at (lines, 1)->field, ==,
                   "implementers/Luleå tekniska universitet/financing/private/2025");
  g_assert_cmpstr (line_at (lines, 1)->label, ==, "Private financing 2025, Luleå tekniska universitet");
  g_assert_cmpstr (line_at (lines, 1)->after, ==, "€300.00");
}

static char *
format_at (GPtrArray *lines,
           guint      index,
           HsLang     lang)
{
  return hs_diff_line_format (line_at (lines, index), lang);
}

static void
test_format (void)
{
  g_autoptr(HsProject) from = approved_project ();
  g_autoptr(HsProject) to = change_application (from);
  g_autoptr(GPtrArray) fi = hs_project_diff (from, to, FALSE, HS_LANG_FI);
  g_autoptr(GPtrArray) en = hs_project_diff (from, to, FALSE, HS_LANG_EN);
  g_autoptr(GPtrArray) back = hs_project_diff (to, from, FALSE, HS_LANG_FI);
  struct { GPtrArray *lines; guint index; HsLang lang; const char *text; } cases[] = {
    { fi, 3, HS_LANG_FI,
      "Staff costs 2025, Oulun yliopisto: 10\u00a0000,00\u00a0€ → 12\u00a0000,00\u00a0€ (+2\u00a0000,00\u00a0€)" },
    { en, 3, HS_LANG_EN,
      "Staff costs 2025, Oulun yliopisto: €10,000.00 → €12,000.00 (+€2,000.00)" },
    { back, 3, HS_LANG_FI,
      "Staff costs 2025, Oulun yliopisto: 12\u00a0000,00\u00a0€ → 10\u00a0000,00\u00a0€ (\u22122\u00a0000,00\u00a0€)" },
    { en, 3, HS_LANG_FI,   /* the difference in the language asked */
      "Staff costs 2025, Oulun yliopisto: €10,000.00 → €12,000.00 (+2\u00a0000,00\u00a0€)" },
    { fi, 0, HS_LANG_FI, "Name in Finnish: Älykäs satama → Älykäs ja vihreä satama" },
    { fi, 1, HS_LANG_FI, "End date: 31.12.2026 → 30.6.2027" },
    { en, 1, HS_LANG_EN, "End date: 31 Dec 2026 → 30 Jun 2027" },
    { fi, 2, HS_LANG_FI, "City financing, Oulun kaupunki: 50\u00a0400,00\u00a0€ (removed)" },
    { fi, 5, HS_LANG_FI, "Uusi Oy: partial implementer (added)" },
    { en, 6, HS_LANG_EN, "Staff costs 2026, Uusi Oy: €5,000.00 (added)" },
    { fi, 8, HS_LANG_FI, "RCO01 Enterprises supported (micro, small, medium, large): 3 (added)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = format_at (cases[i].lines, cases[i].index, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_totals (void)
{
  g_autoptr(HsProject) from = approved_project ();
  g_autoptr(HsProject) to = change_application (from);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *en = NULL;
  HsDiffTotals totals;

  g_assert_true (hs_project_diff_totals (from, to, &totals, &error));
  g_assert_no_error (error);
  /* 90 000 + 20 000 staff, 40 % flat rate on top; then +2 000 and +5 000 staff */
  g_assert_cmpint (totals.costs_before, ==, EUR (154000));
  g_assert_cmpint (totals.costs_after, ==, EUR (163800));
  g_assert_cmpint (totals.support_before, ==, EUR (92400));
  g_assert_cmpint (totals.support_after, ==, EUR (92400));

  text = hs_diff_totals_format (&totals, HS_LANG_FI);
  g_assert_cmpstr (text, ==,
                   "Total costs: 154\u00a0000,00\u00a0€ → 163\u00a0800,00\u00a0€ (+9\u00a0800,00\u00a0€)\n"
                   "EU and state support: 92\u00a0400,00\u00a0€ (unchanged)");

  totals.costs_before = EUR (100000);
  totals.costs_after = EUR (90000);
  en = hs_diff_totals_format (&totals, HS_LANG_EN);
  g_assert_true (g_str_has_prefix (en, "Total costs: €100,000.00 → €90,000.00 (\u2212€10,000.00)\n"));
}

/* Overflowing amounts are refused, not wrapped. */
static void
test_totals_overflow (void)
{
  g_autoptr(HsProject) from = approved_project ();
  g_autoptr(HsProject) to = hs_project_copy (from);
  g_autoptr(GError) error = NULL;
  HsDiffTotals totals;

  for (int year = 2025; year < 2030; year++)
    hs_implementer_set_cost (g_ptr_array_index (to->implementers, 0), HS_COST_OTHER, year, HS_MONEY_MAX);
  g_assert_false (hs_project_diff_totals (from, to, &totals, &error));
  g_assert_error (error, HS_CORE_ERROR, HS_CORE_ERROR_OVERFLOW);
}

/* With Finnish messages the labels that are translated already come out
 * in Finnish; the composition around them is the same in every language. */
static void
test_finnish_labels (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(HsProject) from = approved_project ();
      g_autoptr(HsProject) to = change_application (from);
      g_autoptr(GPtrArray) lines = NULL;
      g_autofree char *staff = NULL;
      g_autofree char *name = NULL;

      g_setenv ("LANGUAGE", "fi", TRUE);
      hs_i18n_init ();
      lines = hs_project_diff (from, to, FALSE, HS_LANG_FI);
      staff = format_at (lines, 3, HS_LANG_FI);
      name = format_at (lines, 0, HS_LANG_FI);
      g_assert_cmpstr (staff, ==,
                       "Henkilöstökustannukset 2025, Oulun yliopisto: "
                       "10\u00a0000,00\u00a0€ → 12\u00a0000,00\u00a0€ (+2\u00a0000,00\u00a0€)");
      g_assert_cmpstr (name, ==, "Nimi suomeksi: Älykäs satama → Älykäs ja vihreä satama");
      g_assert_cmpstr (line_at (lines, 2)->label, ==, "Kuntarahoitus, Oulun kaupunki");
      g_assert_cmpstr (line_at (lines, 5)->after, ==, "osatoteuttaja");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-diff/equal", test_equal);
  g_test_add_func ("/project-diff/changes", test_changes);
  g_test_add_func ("/project-diff/reverse", test_reverse);
  g_test_add_func ("/project-diff/status", test_status);
  g_test_add_func ("/project-diff/implementers", test_implementers);
  g_test_add_func ("/project-diff/format", test_format);
  g_test_add_func ("/project-diff/totals", test_totals);
  g_test_add_func ("/project-diff/totals-overflow", test_totals_overflow);
  g_test_add_func ("/project-diff/finnish-labels", test_finnish_labels);
  return g_test_run ();
}

/* hs-reference.c — programme, agreements, focus areas, themes and calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hs-core"

#include "config.h"

#include <string.h>

#include "hs-date.h"
#include "hs-money.h"
#include "hs-reference.h"

/* How the store names an agreement's default call (src/store/sql/seed.sql);
 * the name is data, the same in every language. */
#define DEFAULT_CALL_SUFFIX " — default call"

void
hs_agreement_free (HsAgreement *agreement)
{
  if (agreement == NULL)
    return;

  g_free (agreement->region_name);
  g_strfreev (agreement->cities);
  g_free (agreement->intermediary);
  g_free (agreement->programme_area);
  g_free (agreement);
}

void
hs_focus_area_free (HsFocusArea *focus_area)
{
  if (focus_area == NULL)
    return;

  g_free (focus_area->name);
  g_free (focus_area);
}

void
hs_call_free (HsCall *call)
{
  if (call == NULL)
    return;

  g_free (call->name);
  g_free (call->name_sv);
  g_free (call->name_en);
  g_free (call->intermediary);
  g_free (call->description);
  g_free (call);
}

/* The cities and the one municipality of the 16 agreements (docs/domain.md
 * §1), with the Y-tunnus where a public source gives it (§5). */
typedef struct
{
  const char *city;
  const char *genitive;
  const char *business_id;
  gboolean    municipality;   /* Sotkamo is a municipality, not a city */
} CityInfo;

static const CityInfo cities[] = {
  { "Helsinki", "Helsingin", "0201256-6", FALSE },
  { "Espoo", "Espoon", "0101263-6", FALSE },
  { "Vantaa", "Vantaan", "0124610-9", FALSE },
  { "Tampere", "Tampereen", "0211675-2", FALSE },
  { "Turku", "Turun", "0204819-8", FALSE },
  { "Oulu", "Oulun", "0187690-1", FALSE },
  { "Jyväskylä", "Jyväskylän", NULL, FALSE },
  { "Lahti", "Lahden", NULL, FALSE },
  { "Lappeenranta", "Lappeenrannan", NULL, FALSE },
  { "Imatra", "Imatran", NULL, FALSE },
  { "Kuopio", "Kuopion", NULL, FALSE },
  { "Joensuu", "Joensuun", NULL, FALSE },
  { "Pori", "Porin", NULL, FALSE },
  { "Vaasa", "Vaasan", NULL, FALSE },
  { "Seinäjoki", "Seinäjoen", NULL, FALSE },
  { "Mikkeli", "Mikkelin", NULL, FALSE },
  { "Kokkola", "Kokkolan", NULL, FALSE },
  { "Kajaani", "Kajaanin", NULL, FALSE },
  { "Sotkamo", "Sotkamon", NULL, TRUE },
  { "Rovaniemi", "Rovaniemen", NULL, FALSE },
};

static const CityInfo *
find_city (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (cities); i++)
    if (g_str_equal (cities[i].city, name))
      return &cities[i];
  return NULL;
}

const char *
hs_reference_city_genitive (const char *city)
{
  const CityInfo *info = find_city (city);

  return info != NULL ? info->genitive : NULL;
}

HsOrganisation *
hs_reference_city_organisation (const char *city)
{
  const CityInfo *info = find_city (city);
  g_autofree char *name = NULL;
  HsOrganisation *org;

  if (info == NULL)
    return NULL;

  name = g_strdup_printf (info->municipality ? "%s kunta" : "%s kaupunki", info->genitive);
  org = hs_organisation_new (name, info->business_id,
                             info->municipality ? HS_ORG_MUNICIPALITY : HS_ORG_CITY);
  org->municipality = g_strdup (info->city);
  return org;
}

GPtrArray *
hs_agreement_city_organisations (const HsAgreement *agreement)
{
  GPtrArray *orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_organisation_free);

  g_return_val_if_fail (agreement != NULL, orgs);

  for (guint i = 0; agreement->cities != NULL && agreement->cities[i] != NULL; i++)
    {
      HsOrganisation *org = hs_reference_city_organisation (agreement->cities[i]);
      if (org != NULL)
        g_ptr_array_add (orgs, org);
    }
  return orgs;
}

HsCall *
hs_call_new_default (void)
{
  HsCall *call = g_new0 (HsCall, 1);

  g_date_clear (&call->open_date, 1);
  g_date_clear (&call->close_date, 1);
  call->max_support_bp = HS_DEFAULT_MAX_SUPPORT_BP;
  call->min_city_bp = HS_DEFAULT_MIN_CITY_BP;   /* none: the agreement's rule */
  call->min_own_bp = 0;
  call->max_duration_months = 0;
  call->allowed_cost_models = 1u << HS_COST_MODEL_FLAT40;
  call->money_available = 0;

  return call;
}

HsCall *
hs_call_copy (const HsCall *call)
{
  HsCall *copy;

  g_return_val_if_fail (call != NULL, NULL);

  copy = g_memdup2 (call, sizeof *call);
  copy->name = g_strdup (call->name);
  copy->name_sv = g_strdup (call->name_sv);
  copy->name_en = g_strdup (call->name_en);
  copy->intermediary = g_strdup (call->intermediary);
  copy->description = g_strdup (call->description);
  return copy;
}

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
hs_call_equal (const HsCall *a,
               const HsCall *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->id == b->id && a->agreement_id == b->agreement_id
         && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->name_sv, b->name_sv) == 0
         && g_strcmp0 (a->name_en, b->name_en) == 0
         && g_strcmp0 (a->intermediary, b->intermediary) == 0
         && a->instrument == b->instrument
         && date_equal (&a->open_date, &b->open_date)
         && date_equal (&a->close_date, &b->close_date)
         && a->max_support_bp == b->max_support_bp
         && a->max_support == b->max_support
         && a->min_city_bp == b->min_city_bp
         && a->max_city_bp == b->max_city_bp
         && a->min_own_bp == b->min_own_bp
         && a->max_duration_months == b->max_duration_months
         && a->max_projects == b->max_projects
         && a->allowed_cost_models == b->allowed_cost_models
         && a->money_available == b->money_available
         && a->city_money_available == b->city_money_available
         && g_strcmp0 (a->description, b->description) == 0;
}

GHashTable *
hs_reference_index_by_id (GPtrArray *items)
{
  GHashTable *table = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (items != NULL, table);

  for (guint i = 0; i < items->len; i++)
    {
      gint64 *id = g_ptr_array_index (items, i);
      g_hash_table_insert (table, id, id);
    }
  return table;
}

gboolean
hs_call_is_agreement_default (const HsCall *call)
{
  g_return_val_if_fail (call != NULL, FALSE);

  return call->agreement_id != 0 && call->name != NULL
      && g_str_has_suffix (call->name, DEFAULT_CALL_SUFFIX)
      && strlen (call->name) > strlen (DEFAULT_CALL_SUFFIX);
}

char *
hs_call_dup_display_name (const HsCall *call,
                          HsLang        lang)
{
  g_autofree char *region = NULL;

  g_return_val_if_fail (call != NULL, NULL);

  if (!hs_call_is_agreement_default (call))
    {
      const char *name = call->name;
      if (lang == HS_LANG_SV && call->name_sv != NULL)
        name = call->name_sv;
      else if (lang == HS_LANG_EN && call->name_en != NULL)
        name = call->name_en;
      return g_strdup (name != NULL ? name : "");
    }

  region = g_strndup (call->name, strlen (call->name) - strlen (DEFAULT_CALL_SUFFIX));
  /* In the language asked for, not the catalogue's: the caller formats its
   * numbers in the same language, and the name must not depend on which
   * catalogues are installed. */
  switch (lang)
    {
    case HS_LANG_FI:
      return g_strdup_printf ("%s — oletushaku", region);
    case HS_LANG_SV:
      return g_strdup_printf ("%s — standardutlysning", region);
    case HS_LANG_EN:
    default:
      return g_strdup_printf ("%s — default call", region);
    }
}

/* The words of hs_call_dup_limits_text(), per language. */
typedef struct
{
  const char *support;        /* "EU and state support" */
  const char *city;
  const char *own;
  const char *at_most;
  const char *at_least;
  const char *month;          /* singular, plural */
  const char *months;
  const char *project;
  const char *projects;
  const char *open;           /* "open 21.8.–29.9.2023" */
  const char *opens;          /* only the first day known */
  const char *closes;         /* only the last day known */
  const char *available;      /* "available €1,000,000.00 EU and state support …" */
  const char *support_money;  /* what the first amount is of */
  const char *city_money;     /* what the second amount is of */
  const char *and;
} LimitWords;

static const LimitWords limit_words[] = {
  [HS_LANG_EN] = { "EU and state support", "city", "own financing", "at most", "at least",
                   "month", "months", "project", "projects",
                   "open", "opens", "closes",
                   "available", "EU and state support", "city money", "and" },
  [HS_LANG_FI] = { "EU- ja valtion rahoitus", "kuntarahoitus", "omarahoitus", "enintään", "vähintään",
                   "kuukausi", "kuukautta", "hanke", "hanketta",
                   "haettavissa", "haku alkaa", "haku päättyy",
                   "käytettävissä", "EU- ja valtion rahoitusta", "kuntarahoitusta", "ja" },
  [HS_LANG_SV] = { "EU- och statligt stöd", "kommunal finansiering", "egen finansiering", "högst", "minst",
                   "månad", "månader", "projekt", "projekt",
                   "öppen", "öppnar", "stänger",
                   "tillgängligt", "i EU- och statligt stöd", "i kommunal finansiering", "och" },
};

static void
append_part (GString    *text,
             const char *part)
{
  if (text->len > 0)
    g_string_append (text, "; ");
  g_string_append (text, part);
}

/* "21.8.–29.9.2023" (the year once when both are in it), "21 Aug–29 Sep
 * 2023" in English. */
static char *
date_range (const GDate *first,
            const GDate *last,
            HsLang       lang)
{
  g_autofree char *from = hs_date_format (first, lang);
  g_autofree char *to = hs_date_format (last, lang);

  if (g_date_get_year (first) == g_date_get_year (last))
    {
      char *space = strrchr (from, lang == HS_LANG_EN ? ' ' : '.');

      /* "21.8.2023" → "21.8." ; "21 Aug 2023" → "21 Aug" */
      if (space != NULL)
        space[lang == HS_LANG_EN ? 0 : 1] = '\0';
    }
  return g_strdup_printf ("%s–%s", from, to);
}

char *
hs_call_dup_limits_text (const HsCall *call,
                         HsLang        lang)
{
  const LimitWords *w;
  GString *text;

  g_return_val_if_fail (call != NULL, NULL);

  if ((guint) lang >= G_N_ELEMENTS (limit_words))
    lang = HS_LANG_EN;
  w = &limit_words[lang];
  text = g_string_new (NULL);

  if (call->max_support_bp > 0 || call->max_support > 0)
    {
      g_autoptr(GString) part = g_string_new (w->support);

      if (call->max_support_bp > 0)
        {
          g_autofree char *rate = hs_rate_format_limit (call->max_support_bp, lang);
          g_string_append_printf (part, " %s %s", w->at_most, rate);
        }
      if (call->max_support > 0)
        {
          g_autofree char *money = hs_money_format (call->max_support, lang);
          g_string_append_printf (part, "%s %s %s", call->max_support_bp > 0 ? "," : "", w->at_most, money);
        }
      append_part (text, part->str);
    }

  if (call->min_city_bp > 0 || call->max_city_bp > 0)
    {
      g_autoptr(GString) part = g_string_new (w->city);

      if (call->min_city_bp > 0)
        {
          g_autofree char *rate = hs_rate_format_limit (call->min_city_bp, lang);
          g_string_append_printf (part, " %s %s", w->at_least, rate);
        }
      if (call->max_city_bp > 0)
        {
          g_autofree char *rate = hs_rate_format_limit (call->max_city_bp, lang);
          g_string_append_printf (part, "%s %s %s", call->min_city_bp > 0 ? "," : "", w->at_most, rate);
        }
      append_part (text, part->str);
    }

  if (call->min_own_bp > 0)
    {
      g_autofree char *rate = hs_rate_format_limit (call->min_own_bp, lang);
      g_autofree char *part = g_strdup_printf ("%s %s %s", w->own, w->at_least, rate);
      append_part (text, part);
    }

  if (call->max_duration_months > 0)
    {
      g_autofree char *part = g_strdup_printf ("%s %u %s", w->at_most, call->max_duration_months,
                                               call->max_duration_months == 1 ? w->month : w->months);
      append_part (text, part);
    }

  if (call->max_projects > 0)
    {
      g_autofree char *part = g_strdup_printf ("%s %u %s", w->at_most, call->max_projects,
                                               call->max_projects == 1 ? w->project : w->projects);
      append_part (text, part);
    }

  if (g_date_valid (&call->open_date) && g_date_valid (&call->close_date))
    {
      g_autofree char *range = date_range (&call->open_date, &call->close_date, lang);
      g_autofree char *part = g_strdup_printf ("%s %s", w->open, range);
      append_part (text, part);
    }
  else if (g_date_valid (&call->open_date) || g_date_valid (&call->close_date))
    {
      gboolean opens = g_date_valid (&call->open_date);
      g_autofree char *date = hs_date_format (opens ? &call->open_date : &call->close_date, lang);
      g_autofree char *part = g_strdup_printf ("%s %s", opens ? w->opens : w->closes, date);
      append_part (text, part);
    }

  if (call->money_available > 0 || call->city_money_available > 0)
    {
      g_autoptr(GString) part = g_string_new (w->available);

      if (call->money_available > 0)
        {
          g_autofree char *money = hs_money_format (call->money_available, lang);
          g_string_append_printf (part, " %s %s", money, w->support_money);
        }
      if (call->city_money_available > 0)
        {
          g_autofree char *money = hs_money_format (call->city_money_available, lang);
          if (call->money_available > 0)
            g_string_append_printf (part, " %s", w->and);
          g_string_append_printf (part, " %s %s", money, w->city_money);
        }
      append_part (text, part->str);
    }

  return g_string_free (text, FALSE);
}

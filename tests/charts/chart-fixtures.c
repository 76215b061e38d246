/* chart-fixtures.c — hand-made chart data for the charts tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chart-fixtures.h"

#define EUR(x) ((gint64) (x) * 100)

static const char *focus_areas[] = {
  "Uudistuva teollisuus (uudet tuotantotavat, palvelumallit ja digitaaliset ratkaisut; puhtaat ja resurssiviisaat ratkaisut; vastuullinen ja paikallinen valmistus; Smart Blue Industry)",
  "Älykkäät ja kestävät kaupunkiratkaisut",
  "Hiilineutraali kiertotalous (hiilineutraalin rakentamisen kehityskeskus ja innovaatioekosysteemi; Lahden materiaalikiertojen keskus sekä tutkimus- ja koulutusalusta)",
  "Hyvinvointi ja terveysteknologia",
  "Akkukemia",
  "Terveys- ja hyvinvointiteknologia (älykkäät ratkaisut terveyteen ja hyvinvointiin, henkilökohtaiseen ravitsemukseen, terveysdata-alustat)",
  "GigaVaasa",
};

static const char *organisations[] = {
  "Tampereen korkeakoulusäätiö sr (Tampereen ammattikorkeakoulu)",
  "Helsingin kaupunki",
  "Oulun yliopisto",
  "Teknologian tutkimuskeskus VTT Oy",
  "Kokkolan kaupunki",
};

HsChartData *
fixture_chart (HsChartKind kind,
               HsLang      lang,
               guint       n_tasks)
{
  HsChartData *data = hs_chart_data_new (kind, lang);

  g_free (data->scope);
  data->scope = g_strdup ("Koko salkku — testiaineisto");

  switch (kind)
    {
    case HS_CHART_FINANCING:
      for (guint i = 0; i < G_N_ELEMENTS (focus_areas); i++)
        {
          /* EU and state 60 %, city 25 %, the rest split; totals fall by area */
          gint64 total = EUR (4000000 - 500000 * (gint64) i);
          gint64 values[5] = { total * 60 / 100, total * 25 / 100, total * 5 / 100, total * 4 / 100, 0 };
          values[4] = total - values[0] - values[1] - values[2] - values[3];
          hs_chart_data_add_category (data, focus_areas[i], values, 10 - i);
        }
      break;
    case HS_CHART_BUDGET_BY_YEAR:
      g_free (data->reference_label);
      data->reference_label = g_strdup ("Indicative annual allocation (EU and state)");
      for (int year = 2021; year <= 2029; year++)
        {
          static const gint64 amounts[] = { 200000, 1400000, 2600000, 3100000, 2800000, 1900000, 900000, 250000, 0 };
          char label[8];
          gint64 value = EUR (amounts[year - 2021]);
          HsChartCategory *c;

          g_snprintf (label, sizeof label, "%d", year);
          c = hs_chart_data_add_category (data, label, &value, 5);
          if (year <= 2027)
            {
              c->has_reference = TRUE;
              c->reference = EUR (1500000);
            }
        }
      break;
    case HS_CHART_STATUS:
      for (guint s = 0; s < HS_N_STATUSES; s++)
        {
          gint64 value = EUR (250000 * (gint64) (s + 1));
          HsChartCategory *c = hs_chart_data_add_category (data, hs_status_label (s), &value, 2 * s + 1);
          c->status = (int) s;
        }
      break;
    case HS_CHART_IMPLEMENTERS:
      for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
        {
          gint64 values[2] = { EUR (3000000 - 500000 * (gint64) i), EUR (400000 + 100000 * (gint64) i) };
          hs_chart_data_add_category (data, organisations[i], values, 3);
        }
      break;
    case HS_CHART_TIMELINE:
      g_date_set_dmy (&data->today, 15, G_DATE_JUNE, 2024);
      for (guint i = 0; i < n_tasks; i++)
        {
          GDate start, end;
          char code[32];
          g_date_clear (&start, 1);
          g_date_clear (&end, 1);
          g_date_set_dmy (&start, 1, (GDateMonth) (1 + (i * 5) % 12), (GDateYear) (2021 + (i / 7) % 5));
          end = start;
          g_date_add_months (&end, 18 + (i % 4) * 6);
          g_date_subtract_days (&end, 1);
          g_snprintf (code, sizeof code, "PKS-2023-%03u", i + 1);
          hs_chart_data_add_task (data, code, focus_areas[i % G_N_ELEMENTS (focus_areas)],
                                  (HsStatus) (i % HS_N_STATUSES), &start, &end);
        }
      break;
    case HS_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
  return data;
}

# bench-sql.sh — sourced by bench-store.sh: for a workload name, the SQL the
# store runs for it (src/store/hs-store-sql.c), written out for the sqlite3
# shell, so that its time is SQLite's own floor for the same work.
SUM_MONEY="SUM(t.total_costs), SUM(t.eu_state), SUM(t.city), SUM(t.other_public), SUM(t.private), SUM(t.own_public), SUM(t.own_private), SUM(t.total_financing)"

bench_sql_for() {
  case "$1" in
    "summary --by agreement")
      echo "SELECT p.agreement_id, a.region_name, COUNT(*), $SUM_MONEY FROM project p JOIN project_totals t ON t.project_id = p.id LEFT JOIN agreement a ON a.id = p.agreement_id WHERE (0 = 0 OR p.agreement_id = 0) GROUP BY p.agreement_id ORDER BY p.agreement_id;" ;;
    "summary --by focus-area")
      echo "SELECT p.focus_area_id, f.name, COUNT(*), $SUM_MONEY FROM project p JOIN project_totals t ON t.project_id = p.id LEFT JOIN focus_area f ON f.id = p.focus_area_id WHERE (0 = 0 OR p.agreement_id = 0) GROUP BY p.focus_area_id ORDER BY p.focus_area_id;" ;;
    "summary --by city")
      echo "SELECT o.municipality, o.municipality, COUNT(DISTINCT i.project_id), $(echo "$SUM_MONEY" | sed 's/t\./it./g') FROM implementer_totals it JOIN implementer i ON i.id = it.implementer_id JOIN organisation o ON o.id = i.organisation_id JOIN project p ON p.id = i.project_id WHERE (0 = 0 OR p.agreement_id = 0) GROUP BY o.municipality ORDER BY o.municipality;" ;;
    "summary --by year")
      echo "SELECT y.year, y.year, COUNT(*), SUM(y.total_costs) FROM project_year_totals y JOIN project p ON p.id = y.project_id WHERE (0 = 0 OR p.agreement_id = 0) GROUP BY y.year ORDER BY y.year;" ;;
    "summary --by status")
      echo "SELECT p.status, p.status, COUNT(*), $SUM_MONEY FROM project p JOIN project_totals t ON t.project_id = p.id WHERE (0 = 0 OR p.agreement_id = 0) GROUP BY p.status;" ;;
    "summary --by source")
      echo "SELECT COUNT(*) FILTER (WHERE t.eu_state > 0), SUM(t.eu_state), COUNT(*) FILTER (WHERE t.city > 0), SUM(t.city), COUNT(*) FILTER (WHERE t.other_public > 0), SUM(t.other_public), COUNT(*) FILTER (WHERE t.private > 0), SUM(t.private), COUNT(*) FILTER (WHERE t.own_public > 0), SUM(t.own_public), COUNT(*) FILTER (WHERE t.own_private > 0), SUM(t.own_private) FROM project p JOIN project_totals t ON t.project_id = p.id WHERE (0 = 0 OR p.agreement_id = 0);" ;;
    "per-project totals (list)")
      echo "SELECT p.id, p.code, p.name_fi, p.name_sv, p.name_en, o.name, t.partial_implementers, p.agreement_id, p.focus_area_id, f.name, p.status, p.start_date, p.end_date, t.total_costs, t.eu_state, t.errors, t.warnings FROM project p LEFT JOIN project_totals t ON t.project_id = p.id LEFT JOIN implementer m ON m.project_id = p.id AND m.is_main = 1 LEFT JOIN organisation o ON o.id = m.organisation_id LEFT JOIN focus_area f ON f.id = p.focus_area_id ORDER BY p.code;" ;;
    *) echo "" ;;
  esac
}

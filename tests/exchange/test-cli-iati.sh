#!/bin/sh
# test-cli-iati.sh CLI IATI-XSD — export --format iati and operations-csv
# through the real hankesalkku-cli and SQLite store (TAP).
set -u
cli=$1; xsd=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LANGUAGE=en
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }

"$cli" --db "$dir/a.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/a.db" export --format iati -o "$dir/a.xml" 2>/dev/null; ok $? "export --format iati exits 0"
xmllint --noout --nonet --schema "$xsd" "$dir/a.xml" 2>/dev/null; ok $? "the IATI file validates against the IATI 2.03 schema"
[ "$(grep -c '<iati-activity ' "$dir/a.xml")" = 3 ]; ok $? "… with one activity per demo project"
grep -q '<iati-identifier>FI-PRO-0201256-6-PKS-ESIM-001</iati-identifier>' "$dir/a.xml"; ok $? "… identified by FI-PRO-<Y-tunnus>-<code>"

"$cli" --db "$dir/a.db" export --format iati --project OULU-ESIM-001 -o "$dir/one.xml" 2>/dev/null; st=$?
[ $st = 0 ] && xmllint --noout --nonet --schema "$xsd" "$dir/one.xml" 2>/dev/null && \
  [ "$(grep -c '<iati-activity ' "$dir/one.xml")" = 1 ]; ok $? "export --format iati --project CODE writes one valid activity"

"$cli" --db "$dir/a.db" export --format operations-csv -o "$dir/a.csv" 2>/dev/null; ok $? "export --format operations-csv exits 0"
header='Operation_Unique_Identifier,Operation_Name_Programme_Language,Operation_Name_English,Operation_Summary_Programme_Language,Operation_Start_Date,Operation_End_Date,Total_Eligible_Expenditure_amount,Total_Eligible_Expenditure_Currency,Cofinancing_Rate,Project_EU_Budget,Fund_Code,Fund_Name,Programme_Name,Programming_Period,ManagingAuthority,Country,Region,Beneficiary_Unique_Identifier,BeneficiaryLabel'
[ "$(head -n 1 "$dir/a.csv" | tr -d '\r')" = "$header" ]; ok $? "the CSV header is the documented Kohesio columns"
[ "$(wc -l < "$dir/a.csv")" = 4 ]; ok $? "… and one CRLF-terminated row per project"
grep -q '^PKS-ESIM-001,.*,01/01/2024,31/12/2025,1333333.00,EUR,24.00,319999.92,ERDF,' "$dir/a.csv"; ok $? "… with dates, amounts and the rate exact (the EU part: 40 % of the support in Helsinki-Uusimaa)"

"$cli" --db "$dir/a.db" export --format iati --project NOPE -o "$dir/nope.xml" >/dev/null 2>&1; st=$?
[ $st = 2 ] && [ ! -e "$dir/nope.xml" ]; ok $? "an unknown project exits 2 and writes nothing"

# generated portfolios: seed 5 exports cleanly; seed 3 has a project with
# costs outside its schedule, which IATI cannot express: refused with
# exit 1, the project named, nothing written
"$cli" --db "$dir/a.db" generate --projects 300 --seed 5 >/dev/null 2>&1
"$cli" --db "$dir/a.db" export --format iati -o "$dir/gen.xml" 2>/dev/null; st=$?
[ $st = 0 ] && xmllint --noout --nonet --schema "$xsd" "$dir/gen.xml" 2>/dev/null
ok $? "demo + 300 generated projects export to a valid IATI file"
"$cli" --db "$dir/b.db" init >/dev/null 2>&1
"$cli" --db "$dir/b.db" generate --projects 200 --seed 3 >/dev/null 2>&1
msg=$("$cli" --db "$dir/b.db" export --format iati -o "$dir/refused.xml" 2>&1); st=$?
[ $st = 1 ] && [ ! -e "$dir/refused.xml" ] && echo "$msg" | grep -q "^  GEN-3-[0-9]*: the budget has costs in [0-9]*, outside the schedule"
ok $? "a project IATI cannot express refuses the export with exit 1, named, nothing written"
"$cli" --db "$dir/a.db" export --format operations-csv -o "$dir/gen.csv" 2>/dev/null; st=$?
[ $st = 0 ] && [ "$(wc -l < "$dir/gen.csv")" = 304 ]; ok $? "the CSV of demo + 300 generated projects has 303 rows"

# the EU part, two ways: the store's summary (SQL) and the list of
# operations (the core rule), read back by Python's csv module, to the cent
eu_sql=$("$cli" --db "$dir/a.db" summary --json | python3 -c 'import json, sys; print (json.load (sys.stdin)["total"]["eu_cents"])')
eu_csv=$(python3 -c 'import csv, sys
from decimal import Decimal
rows = list (csv.DictReader (open (sys.argv[1], newline="", encoding="utf-8")))
print (int (sum (Decimal (r["Project_EU_Budget"]) for r in rows) * 100))' "$dir/gen.csv")
[ -n "$eu_sql" ] && [ "$eu_sql" = "$eu_csv" ]; ok $? "the summary's EU part ($eu_sql cents) is the list of operations' EU budgets ($eu_csv)"

# national money through the real tool: an AKKE call (call add), the Turku
# demo project moved to it (export, name the call, import --replace)
"$cli" --db "$dir/c.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/c.db" call add --agreement Turku --name "Turku AKKE 2021" --instrument akke >/dev/null 2>&1
"$cli" --db "$dir/c.db" export --format xml --project TURKU-ESIM-001 -o "$dir/t.xml" >/dev/null 2>&1
sed 's|<call>Turku — default call</call>|<call>Turku AKKE 2021</call>|' "$dir/t.xml" > "$dir/t-akke.xml"
"$cli" --db "$dir/c.db" import "$dir/t-akke.xml" --replace >/dev/null 2>&1
"$cli" --db "$dir/c.db" list --json | grep '"code": "TURKU-ESIM-001"' | \
  grep -q '"eu_state_cents": 31449600, .*"eu_cents": 0, "state_cents": 31449600, "instrument": "akke"}'
ok $? "an AKKE project's support is all state money in list --json"
"$cli" --db "$dir/c.db" summary --json | grep -q '"label": "Turku", .*"eu_state_cents": 31449600, "eu_cents": 0, "state_cents": 31449600}'
ok $? "… and in summary --json"
msg=$("$cli" --db "$dir/c.db" export --format operations-csv -o "$dir/c.csv" 2>&1); st=$?
[ $st = 0 ] && ! grep -q TURKU-ESIM-001 "$dir/c.csv" && grep -q '^PKS-ESIM-001,' "$dir/c.csv" && \
  [ "$(wc -l < "$dir/c.csv")" = 3 ] && echo "$msg" | grep -q "Exported 2 projects"
ok $? "the list of operations leaves the AKKE project out and counts the rows it wrote"
"$cli" --db "$dir/c.db" export --format iati --project TURKU-ESIM-001 -o "$dir/t-iati.xml" >/dev/null 2>&1; st=$?
[ $st = 0 ] && xmllint --noout --nonet --schema "$xsd" "$dir/t-iati.xml" 2>/dev/null && \
  ! grep -q 'type="40"' "$dir/t-iati.xml" && ! grep -q 'EAKR\|ERDF\|2014' "$dir/t-iati.xml" && \
  grep -q '<narrative xml:lang="en">State of Finland (national start-up funding of the ecosystem agreements, AKKE)</narrative>' "$dir/t-iati.xml"
ok $? "its IATI activity is valid, names the state as funder and no EU fund or programme"

echo "1..$n"
exit $failed

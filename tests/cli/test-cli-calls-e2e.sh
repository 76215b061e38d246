#!/bin/sh
# test-cli-calls-e2e.sh CLI — a Joensuu-style call (the city at most 25 %, own
# financing at least 15 %, at most 2 years, money available) and a HEVi-style
# call (at most 1 200 000 € support, 4 years, one project) entered with
# "call add", projects put on them by import and by export, sed and
# "import --replace", each limit broken once and met once; the findings of
# "check" and "validate", in English and in Finnish (TAP).
set -u
cli=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LC_ALL=C.UTF-8
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }
db="$dir/a.db"
J="Joensuu E2E 2023"; JE="Joensuu E2E call 2023"; H="HEVi E2E 2023"; PKS="Pääkaupunkiseutu (PKS)"

# proj CODE AGREEMENT FOCUS BUSINESS-ID CALL START END STATUS SUBMITTED STAFF EU CITY OWN
# (euros; one implementer, flat rate 40 %, every cost in the first year)
proj() {
  y=${6%%-*}
  printf '  <project code="%s" status="%s" cost-model="flat-40" start="%s" end="%s">\n' "$1" "$8" "$6" "$7"
  printf '    <name lang="fi">Testihanke %s</name>\n    <agreement>%s</agreement>\n' "$1" "$2"
  printf '    <focus-area>%s</focus-area>\n    <call>%s</call>\n' "$3" "$5"
  printf '    <implementer role="main">\n'
  printf '      <organisation name="Testikaupunki %s" business-id="%s" type="city" municipality="%s"/>\n' "$1" "$4" "$2"
  printf '      <cost year="%s" category="staff" cents="%s00"/>\n' "$y" "${10}"
  printf '      <cost year="%s" category="flat-rate" cents="%s0" derived="true"/>\n' "$y" "$((${10} * 4))"
  printf '      <financing source="eu-state" cents="%s00"/>\n' "${11}"
  printf '      <financing source="city" cents="%s00"/>\n' "${12}"
  printf '      <financing source="own-public" cents="%s00"/>\n' "${13}"
  printf '    </implementer>\n    <status-change status="draft" date="2023-08-01"/>\n'
  [ "$8" = submitted ] && printf '    <status-change status="submitted" date="%s"/>\n' "$9"
  printf '  </project>\n'
}
head='<?xml version="1.0" encoding="UTF-8"?>
<portfolio version="2" scope="project" xmlns="https://hankesalkku.github.io/ns/portfolio/2">'
jf="Bio- ja kiertotalous (metsäbiotalous)"; hf="Älykkäät ja kestävät kaupunkiratkaisut"

"$cli" --db "$db" init --demo >/dev/null 2>&1; ok $? "init --demo"

# the calls, as their notices say
LANGUAGE=en "$cli" --db "$db" call add --agreement Joensuu --name "$J" --name-en "Joensuu E2E call 2023" \
  --min-city-rate= --max-city-rate=25 --min-own-rate=15 --max-duration=24 \
  --money-available=1000000 --city-money-available=415000 --open=1.9.2023 --close=31.10.2023 >/dev/null 2>&1
ok $? "call add: the Joensuu-style call"
LANGUAGE=en "$cli" --db "$db" call add --agreement "$PKS" --name "$H" \
  --max-support=1200000 --max-duration=48 --max-projects=1 >/dev/null 2>&1
ok $? "call add: the HEVi-style call"
out=$(LANGUAGE=en "$cli" --db "$db" call show "$J" 2>&1)
echo "$out" | grep -q "City financing at most: *25.0%" && echo "$out" | grep -q "Own financing at least: *15.0%" &&
  echo "$out" | grep -q "Duration at most: *24 months" && echo "$out" | grep -q "EU and state money available: *€1,000,000.00" &&
  echo "$out" | grep -q "City money available: *€415,000.00" && echo "$out" | grep -q "City financing at least: *no limit"
ok $? "call show prints the Joensuu call's limits"

# broken: J-LONG lasts 36 months; J-CITY has the city at 30 % and own
# financing at 10 %; J-LATE was submitted after the call closed; together
# they ask for 1 260 000 € of support and 560 000 € of city money; H-BIG
# asks for 1 300 000 € of support; the demo's PKS project moved onto the
# HEVi call makes it two projects for a call that funds one.
# met: J-LONG's city 25 % and own 15 % exactly, H-BIG's 48 months.
{ echo "$head"
  proj J-LONG Joensuu "$jf" 0207041-6 "$J" 2024-01-01 2026-12-31 submitted 2023-10-02 500000 420000 175000 105000
  proj J-CITY Joensuu "$jf" 0207042-4 "$J" 2024-01-01 2025-12-31 submitted 2023-10-02 500000 420000 210000 70000
  proj J-LATE Joensuu "$jf" 0207043-2 "$J" 2024-01-01 2025-12-31 submitted 2023-11-15 500000 420000 175000 105000
  proj H-BIG "$PKS" "$hf" 0207044-0 "$H" 2024-01-01 2027-12-31 submitted 2023-10-02 1600000 1300000 600000 340000
  echo '</portfolio>'; } > "$dir/bad.xml"
LANGUAGE=en "$cli" --db "$db" import "$dir/bad.xml" >"$dir/import.out" 2>&1; st=$?; [ $st = 0 ] || sed "s/^/# /" "$dir/import.out"; [ $st = 0 ]; ok $? "import puts four projects on the calls"
LANGUAGE=en "$cli" --db "$db" export --format xml --project PKS-ESIM-001 -o "$dir/pks.xml" >/dev/null 2>&1
sed "s|<call>$PKS — default call</call>|<call>$H</call>|" "$dir/pks.xml" > "$dir/pks-hevi.xml"
grep -q "<call>$H</call>" "$dir/pks-hevi.xml" &&
  LANGUAGE=en "$cli" --db "$db" import "$dir/pks-hevi.xml" --replace >/dev/null 2>&1
ok $? "export, sed and import --replace move the demo's PKS project onto the HEVi call"

# the exact lines of check, in English
en=$(LANGUAGE=en "$cli" --db "$db" check 2>/dev/null); st=$?
[ $st = 1 ]; ok $? "check exits 1"
has() { echo "$1" | grep -qx -- "$2"; }
has "$en" "J-LONG: error: The project lasts 36 months; the call “$JE” allows at most 24"
ok $? "the length: J-LONG lasts 36 months, the call allows 24"
has "$en" "J-CITY: error: City financing is 30.0% of total costs; the call “$JE” allows at most 25.0% (€35,000.00 over the limit)"
ok $? "the city share over the maximum, naming the call, with the numbers"
has "$en" "J-CITY: error: Own financing is 10.0% of total costs; the call “$JE” requires at least 15.0% (€35,000.00 more is needed)"
ok $? "own financing under the minimum, with the numbers"
has "$en" "J-LATE: error: The application was submitted on 15 Nov 2023, after the call “$JE” closed on 31 Oct 2023"
ok $? "submitted after the call closed, naming the call and both dates"
has "$en" "H-BIG: error: EU and state support is €1,300,000.00; the call “$H” gives a project at most €1,200,000.00 (€100,000.00 over)"
ok $? "support over the call's maximum in euros, naming the call"
has "$en" "$PKS: warning: The call “$H” funds at most 1 project, but 2 apply to it (submitted, under review or approved)"
ok $? "two projects on a call that funds one"
has "$en" "Joensuu: warning: The applications to the call “$JE” ask for €1,260,000.00 of EU and state support; the call has €1,000,000.00 (€260,000.00 more than it has)"
ok $? "the applications over the call's money"
has "$en" "Joensuu: warning: The applications to the call “$JE” ask for €560,000.00 of city financing; the call has €415,000.00 of the cities’ money (€145,000.00 more than it has)"
ok $? "… and over the call's city money"
! echo "$en" | grep -q "^J-LONG: .*City financing\|^J-LONG: .*Own financing\|^H-BIG: .*lasts\|^J-CITY: .*lasts\|^J-LONG: .*submitted"
ok $? "the limits met give no findings (J-LONG's 25 % and 15 %, H-BIG's 48 months)"

# the same, in Finnish (numbers with no-break spaces: matched with .)
fi=$(LANGUAGE=fi "$cli" --db "$db" check 2>/dev/null); st=$?
[ $st = 1 ]; ok $? "check exits 1 in Finnish"
has "$fi" "J-LONG: virhe: Hanke kestää 36 kuukautta; haku ”$J” sallii enintään 24"
ok $? "fi: the length, 36 months against 24"
has "$fi" "J-CITY: virhe: Kuntarahoitus on 30,0.% kokonaiskustannuksista; haku ”$J” sallii enintään 25,0.% (35.000,00.€ yli rajan)"
ok $? "fi: the city share, naming the call"
has "$fi" "J-CITY: virhe: Omarahoitus on 10,0.% kokonaiskustannuksista; haku ”$J” edellyttää vähintään 15,0.% (35.000,00.€ puuttuu)"
ok $? "fi: own financing"
has "$fi" "J-LATE: virhe: Hakemus jätettiin 15\.11\.2023, kun haku ”$J” oli päättynyt 31\.10\.2023"
ok $? "fi: submitted after the call closed"
has "$fi" "H-BIG: virhe: EU- ja valtion rahoitus on 1.300.000,00.€; haku ”$H” myöntää hankkeelle enintään 1.200.000,00.€ (100.000,00.€ yli)"
ok $? "fi: support over the call's maximum"
has "$fi" "$PKS: varoitus: Haku ”$H” rahoittaa enintään 1 hankkeen, mutta siihen hakee 2 (jätetyt, käsittelyssä olevat ja myönnetyt)"
ok $? "fi: two projects on a call that funds one"
has "$fi" "Joensuu: varoitus: Haun ”$J” hakemukset hakevat EU- ja valtion rahoitusta 1.260.000,00.€; haussa on 1.000.000,00.€ (260.000,00.€ enemmän kuin haussa on)"
ok $? "fi: the applications over the call's money"
has "$fi" "Joensuu: varoitus: Haun ”$J” hakemuksissa on kuntarahoitusta 560.000,00.€; haussa on kaupunkien rahaa 415.000,00.€ (145.000,00.€ enemmän kuin haussa on)"
ok $? "fi: … and over its city money"
! echo "$fi" | grep -q "the call\|funds at most\|applications to"
ok $? "fi: no English left in the findings"

# validate on an exported file: the file carries the call, FILE:LINE findings
LANGUAGE=en "$cli" --db "$db" export --format xml --project J-CITY -o "$dir/j.xml" >/dev/null 2>&1
v=$(LANGUAGE=en "$cli" validate "$dir/j.xml" 2>&1); st=$?
[ $st = 1 ] && echo "$v" | grep -q "^$dir/j.xml:[0-9]*: J-CITY: error: City financing is 30.0% of total costs; the call “$JE” allows at most 25.0% (€35,000.00 over the limit)$" &&
  echo "$v" | grep -q "^$dir/j.xml:[0-9]*: J-CITY: error: Own financing is 10.0% of total costs; the call “$JE” requires at least 15.0%"
ok $? "validate on the exported file finds the city and own shares, naming the call"
v=$(LANGUAGE=fi "$cli" validate "$dir/j.xml" 2>&1); st=$?
[ $st = 1 ] && echo "$v" | grep -q "^$dir/j.xml:[0-9]*: J-CITY: virhe: Kuntarahoitus on 30,0.% kokonaiskustannuksista; haku ”$J” sallii enintään 25,0.% (35.000,00.€ yli rajan)$"
ok $? "… and in Finnish"

# fixed: J-LONG to 24 months, J-CITY to 25 % and 15 %, J-LATE submitted in
# time and smaller (the applications within the money), H-BIG at exactly
# 1 200 000 €, the PKS project back on its call
{ echo "$head"
  proj J-LONG Joensuu "$jf" 0207041-6 "$J" 2024-01-01 2025-12-31 submitted 2023-10-02 500000 420000 175000 105000
  proj J-CITY Joensuu "$jf" 0207042-4 "$J" 2024-01-01 2025-12-31 submitted 2023-10-02 500000 420000 175000 105000
  proj J-LATE Joensuu "$jf" 0207043-2 "$J" 2024-01-01 2025-12-31 submitted 2023-10-31 100000 84000 35000 21000
  proj H-BIG "$PKS" "$hf" 0207044-0 "$H" 2024-01-01 2027-12-31 submitted 2023-10-02 1600000 1200000 700000 340000
  echo '</portfolio>'; } > "$dir/good.xml"
LANGUAGE=en "$cli" --db "$db" import "$dir/good.xml" --replace >/dev/null 2>&1 &&
  LANGUAGE=en "$cli" --db "$db" import "$dir/pks.xml" --replace >/dev/null 2>&1
ok $? "import --replace puts the fixed projects in"
for lang in en fi; do
  out=$(LANGUAGE=$lang "$cli" --db "$db" check 2>/dev/null)
  ! echo "$out" | grep -q "^J-\|^H-\|^Joensuu:\|^$PKS:\|$J\|$H"
  ok $? "$lang: check has no finding of the calls or their projects once every limit is met"
  # what is left is the example Turku project's own (it asks for 62,4 %)
  [ -n "$(echo "$out" | grep ": error: \|: warning: \|: virhe: \|: varoitus: ")" ] &&
    [ -z "$(echo "$out" | grep ": error: \|: warning: \|: virhe: \|: varoitus: " | grep -v "^TURKU-ESIM-001: ")" ]
  ok $? "$lang: … the example Turku project's findings are all that is left"
done
v=$(LANGUAGE=en "$cli" validate "$dir/good.xml" 2>&1)
! echo "$v" | grep -q ": error: \|: warning: "; ok $? "validate finds nothing in the fixed file"

echo "1..$n"
exit $failed

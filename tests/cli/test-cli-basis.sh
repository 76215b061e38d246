#!/bin/sh
# test-cli-basis.sh CLI — chart --basis applied|proposed|granted read back
# with pdftotext: the demo's Oulu application (336 000 € of EU and state
# support asked for, its costs 41,25 % in 2025, 50 % in 2026 and 8,75 % in
# 2027) proposed by its steering group and granted 310 000 €; the other
# demo projects neither proposed nor granted (TAP).
set -u
cli=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=en
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }
db="$dir/a.db"
# the chart's text on one line
text() { pdftotext -layout "$1" - | tr '\n' ' ' | sed 's/  */ /g'; }
has() { echo "$1" | grep -qF -- "$2" || { echo "# missing: $2"; return 1; }; }
hasnt() { ! echo "$1" | grep -qF -- "$2" || { echo "# unexpected: $2"; return 1; }; }
chart() { "$cli" --db "$db" chart "$1" --basis "$2" -o "$dir/$1-$2.pdf" >/dev/null 2>&1 && text "$dir/$1-$2.pdf"; }
oulu="Digitalisaatio kaupunkiympäristön muutoksessa"; pks="Älykkäät ja kestävät kaupunkiratkaisut"

"$cli" --db "$db" init --demo >/dev/null 2>&1; ok $? "init --demo"

t=$(chart financing proposed); st=$?
[ $st = 0 ] && has "$t" "EU and state support proposed by focus area" && hasnt "$t" "$oulu" && hasnt "$t" "$pks"
ok $? "before any proposal the proposed basis has no bars"

"$cli" --db "$db" propose "Oulu — default call" --order OULU-ESIM-001 --meeting 2025-02-01 >/dev/null 2>&1 &&
  "$cli" --db "$db" decide OULU-ESIM-001 --date 2025-03-01 --number N1 --granted 310000 >/dev/null 2>&1
ok $? "the Oulu application proposed and granted 310 000 €"

t=$(chart financing applied)
has "$t" "Financing by focus area" && has "$t" "$oulu" && has "$t" "€560,000" && has "$t" "$pks" && has "$t" "€1,333,333" &&
  has "$t" "the total financing"
ok $? "applied: every project's total financing, as before"
t=$(chart financing proposed)
has "$t" "EU and state support proposed by focus area" && has "$t" "$oulu" && has "$t" "€336,000" && hasnt "$t" "$pks" &&
  has "$t" "support of the proposed projects"
ok $? "proposed: the proposed project's EU and state support only"
t=$(chart financing granted)
has "$t" "EU and state support granted by focus area" && has "$t" "€310,000" && hasnt "$t" "€336,000" && hasnt "$t" "$pks" &&
  has "$t" "granted by the decisions in force"
ok $? "granted: what the decision in force granted"

t=$(chart budget-by-year proposed)
has "$t" "EU and state support proposed by year" && has "$t" "€138,600" && has "$t" "€168,000" && has "$t" "€29,400"
ok $? "proposed by year: 138 600, 168 000 and 29 400 € in proportion to the costs"
t=$(chart budget-by-year granted)
has "$t" "EU and state support granted by year" && has "$t" "€127,875" && has "$t" "€155,000" && has "$t" "€27,125"
ok $? "granted by year: the 310 000 € shared the same way, 127 875 + 155 000 + 27 125"

"$cli" --db "$db" chart financing --basis granted -a 4 -o "$dir/oulu.pdf" >/dev/null 2>&1 &&
  "$cli" --db "$db" chart financing --basis granted -a 1 -o "$dir/pks.pdf" >/dev/null 2>&1
t=$(text "$dir/oulu.pdf"); p=$(text "$dir/pks.pdf")
has "$t" "€310,000" && hasnt "$p" "€310,000" && hasnt "$p" "$pks"
ok $? "the basis keeps to the chart's agreement"

# a change granted for less: the decision in force counts
"$cli" --db "$db" change OULU-ESIM-001 --made 2025-06-01 --starts 2025-09-01 --reason x >/dev/null 2>&1 &&
  "$cli" --db "$db" decide OULU-ESIM-001 --date 2025-07-01 --number N2 --granted 290000 >/dev/null 2>&1
t=$(chart financing granted)
has "$t" "€290,000" && hasnt "$t" "€310,000"
ok $? "after a granted change the chart shows the grant in force"

out=$("$cli" --db "$db" chart status --basis granted -o "$dir/s.pdf" 2>&1); st=$?
[ $st = 2 ] && has "$out" "the status chart shows no EU and state support" && [ ! -e "$dir/s.pdf" ]
ok $? "a chart without EU and state support has no basis (exit 2)"
"$cli" --db "$db" chart financing --basis decided -o "$dir/x.pdf" >/dev/null 2>&1; [ $? = 2 ]
ok $? "an unknown basis is refused"

echo "1..$n"
exit $failed

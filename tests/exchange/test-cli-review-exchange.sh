#!/bin/sh
# test-cli-review-exchange.sh CLI XSD3 IATI-XSD — reviews and funding
# decisions through the native format (version 3), the list of operations
# and IATI, with the real hankesalkku-cli and SQLite store (TAP).
set -u
cli=$1; xsd3=$2; iati=$3
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LANGUAGE=en
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }

# A decided project: scores, a comment, a grant of €300,000 (less than the
# €336,000 applied for), the steering group's proposal, a change application.
a="$dir/a.db"
"$cli" --db "$a" init --demo >/dev/null 2>&1
"$cli" --db "$a" review OULU-ESIM-001 -c general-programme-fit -s 1 -m "Sopii ohjelmaan; perustelu" -r "Arvioija A" >/dev/null 2>&1 &&
"$cli" --db "$a" review OULU-ESIM-001 -m "Vapaa kommentti & <merkit>" -r "Arvioija B" >/dev/null 2>&1 &&
"$cli" --db "$a" review OULU-ESIM-001 --processing-council "Pohjois-Pohjanmaan liitto" --coordinating-council "Etelä-Pohjanmaan liitto" >/dev/null 2>&1 &&
"$cli" --db "$a" propose 4 --order OULU-ESIM-001 --meeting 2026-02-15 >/dev/null 2>&1 &&
"$cli" --db "$a" decide OULU-ESIM-001 --date 2026-03-01 -g 300000 -n "UUDELY/1/2026" -c "Ehdot" >/dev/null 2>&1
ok $? "the demo project is scored, proposed and decided"

"$cli" --db "$a" export -o "$dir/a.xml" 2>/dev/null; ok $? "export exits 0"
xmllint --noout --nonet --schema "$xsd3" "$dir/a.xml" 2>/dev/null; ok $? "… and follows schema version 3"
grep -q '<decision kind="grant" version="1" number="UUDELY/1/2026"' "$dir/a.xml" &&
  grep -q '<score reviewer="Arvioija A"' "$dir/a.xml" && grep -q '<item project="OULU-ESIM-001" position="1"/>' "$dir/a.xml" &&
  [ "$(grep -c '<version number=' "$dir/a.xml")" = 2 ] &&
  grep -q '<review processing-council="Pohjois-Pohjanmaan liitto" coordinating-council="Etelä-Pohjanmaan liitto">' "$dir/a.xml"
ok $? "… with the scores, the decision, the proposal, the two kept versions and the councils"

# export → import into an empty database → export: the same bytes
b="$dir/b.db"
"$cli" --db "$b" init >/dev/null 2>&1
out=$("$cli" --db "$b" import --dry-run "$dir/a.xml" 2>&1); st=$?
[ $st = 0 ] && echo "$out" | grep -qF 'review     OULU-ESIM-001: 1 score, 1 comment, 1 decision (granted €300,000.00), 2 kept versions'
ok $? "the dry run says what the file brings of the review"
echo "$out" | grep -q "1 review is imported with the projects" &&
  echo "$out" | grep -q "1 steering group’s proposal is imported with the projects"
ok $? "… and counts the reviews and proposals"
"$cli" --db "$b" import "$dir/a.xml" >/dev/null 2>&1; ok $? "a decided project with its decision imports into an empty database"
"$cli" --db "$b" export -o "$dir/b.xml" 2>/dev/null
cmp -s "$dir/a.xml" "$dir/b.xml"; ok $? "export, import, export gives the same bytes, reviews included"
out=$("$cli" --db "$b" import --dry-run "$dir/a.xml" 2>&1)
echo "$out" | grep -q "0 new, 0 changed, 3 unchanged" && ! echo "$out" | grep -q "^review " &&
  ! echo "$out" | grep -q "proposal is imported"
ok $? "importing the same file again changes no project, no review and no proposal"
"$cli" --db "$b" history 2>/dev/null | grep -c "Import a.xml" | grep -qx 1; ok $? "the import is one action"
"$cli" --db "$b" undo >/dev/null 2>&1
"$cli" --db "$b" export -o "$dir/undone.xml" 2>/dev/null
! grep -q "<project " "$dir/undone.xml" && ! grep -q "<proposal" "$dir/undone.xml"
ok $? "undo takes the whole import back, reviews and proposal too"

# A change application and a new decided version
"$cli" --db "$a" change OULU-ESIM-001 --starts 2026-06-01 --made 2026-05-01 --reason "Aikataulu muuttuu" >/dev/null 2>&1
"$cli" --db "$a" export -o "$dir/c.xml" 2>/dev/null
grep -q '<change-application made="2026-05-01" starts="2026-06-01">Aikataulu muuttuu</change-application>' "$dir/c.xml"
ok $? "an open change application is written"
c="$dir/c.db"
"$cli" --db "$c" init >/dev/null 2>&1
"$cli" --db "$c" import "$dir/c.xml" >/dev/null 2>&1 && "$cli" --db "$c" export -o "$dir/c2.xml" 2>/dev/null &&
  cmp -s "$dir/c.xml" "$dir/c2.xml"
ok $? "… and makes the round trip"

# The lock on decided projects: a file that brings changed content with the
# decision of its change application replaces a decided project; changed
# content without one is refused.
x="$dir/x.db"; y="$dir/y.db"
"$cli" --db "$x" init --demo >/dev/null 2>&1
"$cli" --db "$x" decide OULU-ESIM-001 --date 2026-03-01 -g 300000 >/dev/null 2>&1
cp "$x" "$y"
"$cli" --db "$y" change OULU-ESIM-001 --starts 2026-06-01 --made 2026-05-01 --reason "Lisää" >/dev/null 2>&1
"$cli" --db "$y" export --project OULU-ESIM-001 -o "$dir/p.xml" 2>/dev/null
sed '/<review/,$!s/<cost year="2025" category="staff" cents="9000000"\/>/<cost year="2025" category="staff" cents="9500000"\/>/' "$dir/p.xml" > "$dir/p2.xml"
"$cli" --db "$y" import "$dir/p2.xml" --replace >/dev/null 2>&1 &&
  "$cli" --db "$y" decide OULU-ESIM-001 --date 2026-05-15 >/dev/null 2>&1
ok $? "a change application changes the content and is decided"
"$cli" --db "$y" export -o "$dir/y.xml" 2>/dev/null
"$cli" --db "$x" import "$dir/y.xml" --replace >/dev/null 2>&1; ok $? "the changed project with its change decision replaces the decided one"
"$cli" --db "$x" export -o "$dir/x.xml" 2>/dev/null
cmp -s "$dir/y.xml" "$dir/x.xml"; ok $? "… and the database then exports the same bytes as the file"
z="$dir/z.db"
"$cli" --db "$z" init --demo >/dev/null 2>&1
"$cli" --db "$z" decide OULU-ESIM-001 --date 2026-03-01 -g 300000 >/dev/null 2>&1
"$cli" --db "$z" export -o "$dir/z-before.xml" 2>/dev/null
python3 -c 'import re, sys
t = open (sys.argv[1], encoding="utf-8").read ()
open (sys.argv[2], "w", encoding="utf-8").write (re.sub (r"\s*<review>.*?</review>", "", t, flags=re.S))' "$dir/p2.xml" "$dir/p3.xml"
out=$("$cli" --db "$z" import "$dir/p3.xml" --replace 2>&1); st=$?
[ $st != 0 ] && echo "$out" | grep -q "its approved plan changes only by a change application"
ok $? "changed content of a decided project without a decision is refused"
"$cli" --db "$z" export -o "$dir/z-after.xml" 2>/dev/null
cmp -s "$dir/z-before.xml" "$dir/z-after.xml"; ok $? "… and nothing was changed"

# A criterion key the database does not have is refused, naming key and line
line=$(grep -n 'criterion="general-programme-fit"' "$dir/a.xml" | head -n 1 | cut -d: -f1)
sed 's/criterion="general-programme-fit"/criterion="no-such-criterion"/' "$dir/a.xml" > "$dir/bad-key.xml"
d="$dir/d.db"
"$cli" --db "$d" init >/dev/null 2>&1
out=$("$cli" --db "$d" import "$dir/bad-key.xml" 2>&1); st=$?
[ $st != 0 ] && echo "$out" | grep -qF "bad-key.xml:$line: project OULU-ESIM-001: the criterion “no-such-criterion” is neither the programme’s nor its call’s"
ok $? "an unknown criterion key is refused with FILE:LINE and the key"
"$cli" --db "$d" export -o "$dir/d.xml" 2>/dev/null
! grep -q "<project " "$dir/d.xml"; ok $? "… and nothing was imported"

# A score over its criterion's scale (a general criterion is met, 1, or not, 0)
sed 's/criterion="general-programme-fit" score="1"/criterion="general-programme-fit" score="4"/' "$dir/a.xml" > "$dir/bad-score.xml"
out=$("$cli" --db "$d" import "$dir/bad-score.xml" 2>&1); st=$?
[ $st != 0 ] && echo "$out" | grep -qF "bad-score.xml:$line: project OULU-ESIM-001: the score 4 of the criterion “general-programme-fit” is over its scale (0–1)"
ok $? "a score over its criterion's scale is refused with FILE:LINE"

# A call's own criterion, brought by the file and scored in it
python3 - "$dir/a.xml" "$dir/own.xml" <<'EOF'
import sys
text = open (sys.argv[1], encoding="utf-8").read ()
at = text.index ('<proposal meeting="2026-02-15">')
own = ('<criterion key="refining-oulu-health" kind="refining" minimum="2" per-implementer="true">'
       '<name lang="fi">Terveysdata</name><name lang="en">Health data</name></criterion>\n        ')
text = text[:at] + own + text[at:]
score = ('<score reviewer="Arvioija A" written="2026-12-01T10:00:00Z" criterion="refining-oulu-health" '
         'implementer="0245895-5" score="4">Hyvä</score>\n      ')
at = text.index ('<comment ')
text = text[:at] + score + text[at:]
open (sys.argv[2], "w", encoding="utf-8").write (text)
EOF
xmllint --noout --nonet --schema "$xsd3" "$dir/own.xml" 2>/dev/null; ok $? "a file with a call's own criterion follows the schema"
e="$dir/e.db"
"$cli" --db "$e" init >/dev/null 2>&1
"$cli" --db "$e" import "$dir/own.xml" >/dev/null 2>&1; ok $? "… imports into an empty database"
"$cli" --db "$e" criteria OULU-ESIM-001 2>/dev/null | grep -q "refining-oulu-health"; ok $? "… the call has the criterion"
"$cli" --db "$e" export -o "$dir/own2.xml" 2>/dev/null
grep -q '<criterion key="refining-oulu-health" kind="refining" minimum="2" per-implementer="true">' "$dir/own2.xml" &&
  grep -q '<name lang="en">Health data</name>' "$dir/own2.xml" &&
  grep -q 'criterion="refining-oulu-health" implementer="0245895-5" score="4">Hyvä</score>' "$dir/own2.xml"
ok $? "… and its export has the criterion and the score"
"$cli" --db "$dir/f.db" init >/dev/null 2>&1
"$cli" --db "$dir/f.db" import "$dir/own2.xml" >/dev/null 2>&1 && "$cli" --db "$dir/f.db" export -o "$dir/own3.xml" 2>/dev/null &&
  cmp -s "$dir/own2.xml" "$dir/own3.xml"
ok $? "… which makes the round trip"
"$cli" --db "$e" history 2>/dev/null | grep -c "Import own.xml" | grep -qx 1 && "$cli" --db "$e" undo >/dev/null 2>&1 &&
  "$cli" --db "$e" export -o "$dir/own-undone.xml" 2>/dev/null && grep -q '<call name="Oulu' "$dir/own-undone.xml" &&
  ! grep -q "refining-oulu-health" "$dir/own-undone.xml"
ok $? "undo of that import takes the call's criterion back too"

# The list of operations and IATI publish the granted support: the
# grants as the native file has them, split 60 % EU (Oulu), per implementer
# and rounded half away from zero, computed here independently.
expected=$(python3 - "$dir/a.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP
ns = {"h": "https://hankesalkku.github.io/ns/portfolio/3"}
root = ET.parse (sys.argv[1]).getroot ()
for p in root.findall ("h:project", ns):
    if p.get ("code") != "OULU-ESIM-001":
        continue
    d = p.find ("h:review/h:decision", ns)
    granted = [int (g.get ("granted")) for g in d.findall ("h:grant", ns)]
    eu = sum (int ((Decimal (g) * Decimal ("0.6")).quantize (Decimal (1), rounding=ROUND_HALF_UP)) for g in granted)
    print (eu, sum (granted) - eu)
EOF
)
eu_expected=${expected% *}; state_expected=${expected#* }
[ "$eu_expected" = 18000000 ]; ok $? "the grants of the file are €165,000 and €135,000: EU part €180,000"
"$cli" --db "$a" export --format operations-csv -o "$dir/ops.csv" 2>/dev/null; ok $? "export --format operations-csv exits 0"
got=$(python3 - "$dir/ops.csv" <<'EOF'
import csv, sys
from decimal import Decimal
rows = {r["Operation_Unique_Identifier"]: r for r in csv.DictReader (open (sys.argv[1], newline="", encoding="utf-8"))}
print (int (Decimal (rows["OULU-ESIM-001"]["Project_EU_Budget"]) * 100), rows["PKS-ESIM-001"]["Project_EU_Budget"])
EOF
)
[ "${got% *}" = "$eu_expected" ]; ok $? "the decided project's EU budget in the CSV is the EU part of the grant (${got% *} cents)"
[ "${got#* }" = 319999.92 ]; ok $? "… and an undecided project's is as applied for"
"$cli" --db "$a" export --format iati -o "$dir/iati.xml" 2>/dev/null; ok $? "export --format iati exits 0"
xmllint --noout --nonet --schema "$iati" "$dir/iati.xml" 2>/dev/null; ok $? "… and validates against the IATI 2.03 schema"
got=$(python3 - "$dir/iati.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
from decimal import Decimal
hs = "https://hankesalkku.github.io/ns/portfolio/1"
root = ET.parse (sys.argv[1]).getroot ()
for a in root.findall ("iati-activity"):
    if not a.findtext ("iati-identifier").endswith ("-OULU-ESIM-001"):
        continue
    f = [x for x in a.iter ("{%s}financing" % hs) if x.get ("source") == "eu-state"][0]
    eu = sum (int (Decimal (d.findtext ("value")) * 100) for d in a.findall ("planned-disbursement")
              if d.get ("{%s}part" % hs) == "eu")
    print (f.get ("eu-cents"), f.get ("state-cents"), f.get ("cents"), eu)
EOF
)
set -- $got
[ "$1" = "$eu_expected" ] && [ "$2" = "$state_expected" ] && [ "$3" = 30000000 ]
ok $? "IATI's financing plan has the granted support and its EU and state parts ($got)"
[ "$4" = "$eu_expected" ]; ok $? "… and its EU disbursements add up to the EU part of the grant"

echo "1..$n"
exit $failed

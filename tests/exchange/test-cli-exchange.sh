#!/bin/sh
# test-cli-exchange.sh CLI XSD — export/import/validate through the real
# hankesalkku-cli and SQLite store (TAP).
set -u
cli=$1; xsd=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LANGUAGE=en
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }

"$cli" --db "$dir/a.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/a.db" generate --projects 300 --seed 5 >/dev/null 2>&1
"$cli" --db "$dir/a.db" export --format xml -o "$dir/a.xml" 2>/dev/null; ok $? "export exits 0"
xmllint --noout --nonet --schema "$xsd" "$dir/a.xml" 2>/dev/null; ok $? "the export validates against the XSD"
"$cli" --db "$dir/b.db" init >/dev/null 2>&1
"$cli" --db "$dir/b.db" import "$dir/a.xml" >/dev/null 2>&1; ok $? "import into an empty database exits 0"
"$cli" --db "$dir/b.db" export -o "$dir/b.xml" 2>/dev/null
cmp -s "$dir/a.xml" "$dir/b.xml"; ok $? "export, import, export gives the same bytes (demo + 300 generated)"
out=$("$cli" --db "$dir/b.db" import --dry-run "$dir/a.xml" 2>&1)
echo "$out" | grep -q "0 new, 0 changed, 303 unchanged"; ok $? "importing the same file again changes nothing"

sed 's|<acronym>DITTE</acronym>|<acronym>DITTE-2</acronym>|' "$dir/a.xml" > "$dir/c.xml"
out=$("$cli" --db "$dir/b.db" import --dry-run "$dir/c.xml" 2>&1)
echo "$out" | grep -q "1 changed"; ok $? "a file changed in one field previews one changed project"
echo "$out" | grep -q "Acronym: DITTE → DITTE-2"; ok $? "… with exactly that field, old and new"

"$cli" --db "$dir/b.db" import --strict "$dir/a.xml" >/dev/null 2>&1; st=$?
[ $st = 1 ]; ok $? "--strict refuses a file with rule errors (exit 1)"
"$cli" validate "$dir/a.xml" > "$dir/findings.txt" 2>/dev/null; st=$?
[ $st = 1 ] && grep -q "^$dir/a.xml:[0-9]*: TURKU-ESIM-001: error: " "$dir/findings.txt"; ok $? "validate prints FILE:LINE findings and exits 1"

printf '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<portfolio xmlns="https://hankesalkku.github.io/ns/portfolio/1" version="1" scope="portfolio"/>\n' > "$dir/evil.xml"
"$cli" --db "$dir/b.db" export -o "$dir/before.xml" 2>/dev/null
msg=$("$cli" --db "$dir/b.db" import "$dir/evil.xml" 2>&1); st=$?
[ $st = 1 ]; ok $? "a hostile file is refused with exit 1"
echo "$msg" | grep -q "evil.xml:2: the file has a DOCTYPE"; ok $? "… naming the file, line and problem"
"$cli" --db "$dir/b.db" export -o "$dir/after.xml" 2>/dev/null
cmp -s "$dir/before.xml" "$dir/after.xml"; ok $? "… and the database is unchanged"

"$cli" --db "$dir/b.db" export --project NOPE -o "$dir/nope.xml" >/dev/null 2>&1; st=$?
[ $st = 2 ] && [ ! -e "$dir/nope.xml" ]; ok $? "export of an unknown project exits 2 and writes nothing"
"$cli" --db "$dir/b.db" import "$dir/missing.xml" >/dev/null 2>&1; st=$?
[ $st = 3 ]; ok $? "import of a missing file exits 3"

# Replacing a stored project is the user's choice: --replace, or --skip CODE.
"$cli" --db "$dir/b.db" export -o "$dir/before.xml" 2>/dev/null
msg=$("$cli" --db "$dir/b.db" import "$dir/c.xml" 2>&1); st=$?
[ $st = 1 ] && echo "$msg" | grep -q "would replace 1 project that is already in the database (OULU-ESIM-001)"
ok $? "a file that would replace a stored project is refused without --replace (exit 1)"
"$cli" --db "$dir/b.db" export -o "$dir/after.xml" 2>/dev/null
cmp -s "$dir/before.xml" "$dir/after.xml"; ok $? "… and nothing was changed"
"$cli" --db "$dir/b.db" import --skip OULU-ESIM-001 "$dir/c.xml" >/dev/null 2>&1; st=$?
"$cli" --db "$dir/b.db" export -o "$dir/after.xml" 2>/dev/null
[ $st = 0 ] && cmp -s "$dir/before.xml" "$dir/after.xml"; ok $? "--skip CODE leaves that project as it is"
"$cli" --db "$dir/b.db" import --skip NO-SUCH-CODE "$dir/c.xml" >/dev/null 2>&1; st=$?
[ $st = 2 ]; ok $? "--skip with a code the file does not have is a usage error"
"$cli" --db "$dir/b.db" import --replace "$dir/c.xml" >/dev/null 2>&1; st=$?
[ $st = 0 ] && "$cli" --db "$dir/b.db" export --project OULU-ESIM-001 -o "$dir/oulu.xml" 2>/dev/null && grep -q "<acronym>DITTE-2</acronym>" "$dir/oulu.xml"
ok $? "--replace replaces it"

# An organisation of the file with a stored organisation's business ID but
# another name: shown, refused unless the user chooses, and never changed
# behind the user's back.
"$cli" --db "$dir/o.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/o.db" export -o "$dir/o.xml" 2>/dev/null
sed -e 's|code="TURKU-ESIM-001"|code="PORI-UUSI-001"|' -e 's|name="Turun kaupunki"|name="Porin kaupunki"|' \
  "$dir/o.xml" > "$dir/pori.xml"
cp "$dir/o.db" "$dir/o2.db"
out=$("$cli" --db "$dir/o.db" import --dry-run "$dir/pori.xml" 2>&1)
echo "$out" | grep -q "organisation .* (first in PORI-UUSI-001): name: Turun kaupunki → Porin kaupunki"
ok $? "the dry run shows the organisation that differs"
"$cli" --db "$dir/o.db" export -o "$dir/o-before.xml" 2>/dev/null
msg=$("$cli" --db "$dir/o.db" import "$dir/pori.xml" 2>&1); st=$?
[ $st = 1 ] && echo "$msg" | grep -q "organisations keep"; ok $? "without a choice the file is refused (exit 1)"
"$cli" --db "$dir/o.db" export -o "$dir/o-after.xml" 2>/dev/null
cmp -s "$dir/o-before.xml" "$dir/o-after.xml"; ok $? "… and nothing was changed"
"$cli" --db "$dir/o.db" import --organisations keep "$dir/pori.xml" >/dev/null 2>&1; st=$?
list=$("$cli" --db "$dir/o.db" list 2>/dev/null)
[ $st = 0 ] && echo "$list" | grep -q "^TURKU-ESIM-001	[^	]*	Turun kaupunki	" &&
  echo "$list" | grep -q "^PORI-UUSI-001	[^	]*	Turun kaupunki	"
ok $? "--organisations keep imports the project and leaves Turku's organisation as it was"
"$cli" --db "$dir/o2.db" import --organisations take "$dir/pori.xml" >/dev/null 2>&1; st=$?
[ $st = 0 ] && "$cli" --db "$dir/o2.db" list 2>/dev/null | grep -q "^TURKU-ESIM-001	[^	]*	Porin kaupunki	"
ok $? "--organisations take renames it, as chosen"

# An encoding libxml2 does not know: our message only, nothing of libxml2's own.
printf '<?xml version="1.0" encoding="x-no-such-encoding"?>\n<portfolio xmlns="https://hankesalkku.github.io/ns/portfolio/1" version="1" scope="portfolio"/>\n' > "$dir/encoding.xml"
"$cli" --db "$dir/b.db" import --dry-run "$dir/encoding.xml" >/dev/null 2>"$dir/encoding.err"; st=$?
[ $st = 1 ]; ok $? "a file in an unknown encoding is refused with exit 1"
grep -q "encoding.xml:1: " "$dir/encoding.err"; ok $? "… naming the file and the line"
! grep -qi "parser error\|^encoding error\|^I/O error" "$dir/encoding.err"; ok $? "… and nothing but our message on standard error"
[ "$(wc -l < "$dir/encoding.err")" -le 2 ]; ok $? "… in one or two lines, not libxml2's context dump"

# What the database cannot hold (a negative indicator target) and what the
# programme does not know (RCO99): validate lists both in the rules' words,
# import refuses the file with exit 1 in those words (not SQLite's), and the
# database is as it was.
"$cli" --db "$dir/e.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/e.db" export --project PKS-ESIM-001 -o "$dir/pks.xml" 2>/dev/null
sed '0,/<status-change /s|<status-change |<indicator code="RCO99" target="3"/><indicator code="RCO01" target="-5"/><status-change |' \
  "$dir/pks.xml" > "$dir/unstorable.xml"
xmllint --noout --nonet --schema "$xsd" "$dir/unstorable.xml" 2>/dev/null; ok $? "a file with a negative target follows the format"
out=$("$cli" validate "$dir/unstorable.xml" 2>&1); st=$?
[ $st = 1 ] && echo "$out" | grep -q "PKS-ESIM-001: error: “RCO99” is not an indicator of the programme"; ok $? "validate names the unknown indicator"
echo "$out" | grep -q "PKS-ESIM-001: error: The target of RCO01 is −5"; ok $? "… and the negative target"
"$cli" --db "$dir/e.db" export -o "$dir/e-before.xml" 2>/dev/null
msg=$("$cli" --db "$dir/e.db" import --replace "$dir/unstorable.xml" 2>&1); st=$?
echo "# import of a negative target exits $st: $(echo "$msg" | grep "cannot be stored\|constraint" | head -n 1)"
[ $st = 1 ] && echo "$msg" | grep -q "project PKS-ESIM-001 cannot be stored: The target of RCO01 is −5"; ok $? "import refuses it with exit 1, in the rules' words"
! echo "$msg" | grep -q "CHECK constraint"; ok $? "… not SQLite's"
"$cli" --db "$dir/e.db" export -o "$dir/e-after.xml" 2>/dev/null
cmp -s "$dir/e-before.xml" "$dir/e-after.xml"; ok $? "… and the database is unchanged"

# A focus area the file's own agreement does not list (one of another
# agreement's): validate says so before import refuses it.
sed 's|<focus-area>[^<]*</focus-area>|<focus-area>Akkukemia</focus-area>|' "$dir/pks.xml" > "$dir/other-fa.xml"
out=$("$cli" validate "$dir/other-fa.xml" 2>&1); st=$?
[ $st = 1 ] && echo "$out" | grep -q "PKS-ESIM-001: error: The focus area “Akkukemia” is not one of the agreement’s focus areas"; ok $? "validate names a focus area the agreement does not list"

# A flat-rate line that is not what the cost model derives: validate warns
# with both amounts before import replaces it.
sed '0,/cents="9600000" derived="true"/s|cents="9600000" derived="true"|cents="9600010" derived="true"|' \
  "$dir/pks.xml" > "$dir/flat.xml"
out=$("$cli" validate "$dir/flat.xml" 2>&1)
echo "$out" | grep -q "PKS-ESIM-001: warning: Helsingin kaupunki, 2024: the flat-rate costs given are €96,000.10, but 40.0% of the staff costs (€240,000.00) is €96,000.00, which replaces them"; ok $? "validate names a flat-rate line its cost model would not derive"
out=$(LANGUAGE=fi "$cli" validate "$dir/flat.xml" 2>&1)
echo "$out" | grep -q "Helsingin kaupunki, 2024: annetut prosenttimääräiset kustannukset ovat 96.000,10.€"; ok $? "… in Finnish too"

# A database whose tables are damaged: the import says so and exits 3,
# without GLib warnings (an item was once freed half-made).
"$cli" --db "$dir/d.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/d.db" export -o "$dir/d.xml" 2>/dev/null
sqlite3 "$dir/d.db" "PRAGMA foreign_keys=OFF; DROP TABLE budget_line;" 2>"$dir/sqlite.err" ||
  sqlite3 "$dir/d.db" ".tables" >> "$dir/sqlite.err"
"$cli" --db "$dir/d.db" import --dry-run "$dir/d.xml" >/dev/null 2>"$dir/damaged.err"; st=$?
[ $st = 3 ]; ok $? "importing into a damaged database exits 3"
! grep -q "CRITICAL\|WARNING\|assertion" "$dir/damaged.err"; ok $? "… with no GLib warning on standard error"

echo "1..$n"
exit $failed

#!/bin/sh
# test-cli-letter.sh CLI — funding decision letters read back with
# pdftotext: a grant in Finnish and in English (the amounts granted per
# implementer, what was applied for, the difference, the decision's number),
# each language whatever the user's; a rejection with its reason; a granted
# and a rejected change application; refusals (TAP).
set -u
cli=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LC_ALL=C.UTF-8
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }
db="$dir/a.db"
# the letter's text on one line, no-break spaces and runs of spaces as one space
text() { pdftotext -layout "$1" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g; s/  */ /g'; }
has() { echo "$1" | grep -qF -- "$2" || { echo "# missing: $2"; return 1; }; }

"$cli" --db "$db" init --demo >/dev/null 2>&1; ok $? "init --demo"

out=$(LANGUAGE=en "$cli" --db "$db" letter OULU-ESIM-001 -o "$dir/none.pdf" 2>&1); st=$?
[ $st = 2 ] && has "$out" "OULU-ESIM-001 has no funding decision yet" && [ ! -e "$dir/none.pdf" ]
ok $? "an undecided project has no letter (exit 2, no file)"
LANGUAGE=en "$cli" --db "$db" letter NO-SUCH -o "$dir/x.pdf" >/dev/null 2>&1; [ $? = 2 ]; ok $? "an unknown code is refused"
LANGUAGE=en "$cli" --db "$db" letter OULU-ESIM-001 --lang de -o "$dir/x.pdf" >/dev/null 2>&1; [ $? = 2 ]; ok $? "--lang de is refused"
LANGUAGE=en "$cli" --db "$db" letter OULU-ESIM-001 -o "$dir/x.png" >/dev/null 2>&1; [ $? = 2 ]; ok $? "a letter is a PDF"

# 300 000 € of the 336 000 € applied for: the city 184 800 → 165 000, the university 151 200 → 135 000
LANGUAGE=en "$cli" --db "$db" decide OULU-ESIM-001 --date 2025-03-01 --number POPELY/12/2025 --granted 300000 \
  --conditions "Raportoi puolivuosittain." >/dev/null 2>&1; ok $? "decide OULU-ESIM-001"

# Finnish, asked for by a user whose language is English
LANGUAGE=en "$cli" --db "$db" letter OULU-ESIM-001 --lang fi -o "$dir/fi.pdf" >/dev/null 2>&1; ok $? "letter --lang fi"
fi=$(text "$dir/fi.pdf")
has "$fi" "Rahoituspäätös" && has "$fi" "Päätöksen numero POPELY/12/2025" && has "$fi" "Päätöspäivä 1.3.2025" &&
  has "$fi" "Hakija (päätoteuttaja) Oulun kaupunki (0187690-1)" && has "$fi" "Osatoteuttajat Oulun yliopisto (0245895-5)" &&
  has "$fi" "Pohjois-Pohjanmaan liitto myöntää hankkeelle"
ok $? "the Finnish letter names the decision, its date and the implementers"
has "$fi" "Oulun kaupunki (0187690-1) Päätoteuttaja 184 800,00 € 165 000,00 € −19 800,00 €" &&
  has "$fi" "Oulun yliopisto (0245895-5) Osatoteuttaja 151 200,00 € 135 000,00 € −16 200,00 €" &&
  has "$fi" "Yhteensä 336 000,00 € 300 000,00 € −36 000,00 €" && has "$fi" "Tukikelpoisuusaika" &&
  has "$fi" "1.3.2025–28.2.2027" && has "$fi" "Raportoi puolivuosittain." && has "$fi" "Sivu 1/1"
ok $? "the Finnish letter: applied, granted and the difference per implementer, the total, period, conditions"
! echo "$fi" | grep -q "Granted\|Page 1\|€[0-9]"; ok $? "the Finnish letter has no English words or numbers"

# English, asked for by a Finnish user
LANGUAGE=fi "$cli" --db "$db" letter OULU-ESIM-001 --lang en -o "$dir/en.pdf" >/dev/null 2>&1; ok $? "letter --lang en"
en=$(text "$dir/en.pdf")
has "$en" "Funding decision" && has "$en" "Decision number POPELY/12/2025" && has "$en" "Date of decision 1 Mar 2025" &&
  has "$en" "Main implementer €184,800.00 €165,000.00 −€19,800.00" && has "$en" "Total €336,000.00 €300,000.00 −€36,000.00" &&
  has "$en" "grants the project “Digital health testbed (example)” EU and state support of €300,000.00" && has "$en" "Page 1 of 1"
ok $? "the English letter: its words and its numbers"
! echo "$en" | grep -q "Myönnetty\|Sivu\|,00 €"; ok $? "the English letter has no Finnish words or numbers"

# Swedish, by default the user's language
LANGUAGE=sv "$cli" --db "$db" letter OULU-ESIM-001 -o "$dir/sv.pdf" >/dev/null 2>&1; ok $? "letter in the user's language"
sv=$(text "$dir/sv.pdf")
has "$sv" "Finansieringsbeslut" && has "$sv" "Totalt 336 000,00 € 300 000,00 € −36 000,00 €" && has "$sv" "Sida 1 av 1"
ok $? "the default is the user's language (Swedish)"

# one A4 page, and pdftoppm draws it
pdfinfo "$dir/fi.pdf" | grep -q "^Pages: *1$" && pdfinfo "$dir/fi.pdf" | grep -q "^Page size: *595.276 x 841.89 pts (A4)" &&
  pdfinfo "$dir/fi.pdf" | grep -q "^Title: *Rahoituspäätös — Pohjois-Pohjanmaan liitto — POPELY/12/2025" &&
  pdftoppm -r 40 -png -singlefile "$dir/fi.pdf" "$dir/fi" && [ -s "$dir/fi.png" ]
ok $? "the letter is one A4 page with its title, and renders"

# a change application granted: 320 000 €, with conditions that run onto a second page
long=$(i=0; while [ $i -lt 90 ]; do printf 'Ehto %s: hankkeen on raportoitava toteutuneet kustannukset ja indikaattorit välimaksatuksen yhteydessä. ' $i; i=$((i + 1)); done)
LANGUAGE=en "$cli" --db "$db" change OULU-ESIM-001 --made 2025-06-01 --starts 2025-09-01 --reason "Lisää henkilöstöä" >/dev/null 2>&1 &&
  LANGUAGE=en "$cli" --db "$db" decide OULU-ESIM-001 --date 2025-07-01 --number POPELY/40/2025 --granted 320000 \
    --conditions "$long" >/dev/null 2>&1
ok $? "a change application decided"
LANGUAGE=en "$cli" --db "$db" letter OULU-ESIM-001 --lang fi -o "$dir/change.pdf" >/dev/null 2>&1
ch=$(text "$dir/change.pdf")
has "$ch" "Päätös muutoshakemukseen" && has "$ch" "Asia Muutoshakemus" && has "$ch" "Päätöksen numero POPELY/40/2025" &&
  has "$ch" "hyväksyy hankkeen" && has "$ch" "Yhteensä 336 000,00 € 320 000,00 € −16 000,00 €"
ok $? "the change decision's letter says it decides a change application, with its grants"
pages=$(pdfinfo "$dir/change.pdf" | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 2 ] && has "$ch" "Sivu 1/$pages" && has "$ch" "Sivu $pages/$pages" && has "$ch" "Ehto 89:"
ok $? "long conditions go on to the next pages, numbered in Finnish"
# nothing but the footer below the bottom margin (58 pt above the page's 841.89 pt)
pdftotext -bbox "$dir/change.pdf" - | sed -n 's/.*yMin="\([0-9.]*\)".*>\(.*\)<\/word>/\1 \2/p' |
  awk '$1 > 783.89 && $2 != "Sivu" && $2 !~ /^[0-9]+\/[0-9]+$/ { print "# below the margin: " $0; bad = 1 } END { exit bad }'
ok $? "a long text never runs into the footer"

# a change application rejected: the 320 000 € stay in force
LANGUAGE=en "$cli" --db "$db" change OULU-ESIM-001 --made 2025-08-01 --starts 2025-10-01 --reason "Uusi osatoteuttaja" >/dev/null 2>&1 &&
  LANGUAGE=en "$cli" --db "$db" reject OULU-ESIM-001 --date 2025-09-01 --number POPELY/55/2025 --reason "Muutos ei ole perusteltu." >/dev/null 2>&1
ok $? "a change application rejected"
LANGUAGE=en "$cli" --db "$db" letter OULU-ESIM-001 --lang en -o "$dir/change-no.pdf" >/dev/null 2>&1
cn=$(text "$dir/change-no.pdf")
has "$cn" "Decision on a change application" && has "$cn" "rejects the change application" &&
  has "$cn" "stays in force: EU and state support of €320,000.00" && has "$cn" "Reason" && has "$cn" "Muutos ei ole perusteltu."
ok $? "the rejected change's letter keeps the decision in force and gives the reason"

# an application rejected: Turku's draft submitted first
LANGUAGE=en "$cli" --db "$db" export --format xml --project TURKU-ESIM-001 -o "$dir/t.xml" >/dev/null 2>&1
sed 's/status="draft" cost/status="submitted" cost/; s|\(<status-change status="draft" date="[^"]*"/>\)|\1<status-change status="submitted" date="2025-01-15"/>|' \
  "$dir/t.xml" > "$dir/t2.xml"
LANGUAGE=en "$cli" --db "$db" import --replace "$dir/t2.xml" >/dev/null 2>&1 &&
  LANGUAGE=en "$cli" --db "$db" reject TURKU-ESIM-001 --date 2025-03-01 --number VSL/5/2025 \
    --reason "Hanke ei täytä yleisiä valintaperusteita." >"$dir/reject.out" 2>&1
st=$?; [ $st = 0 ] || sed 's/^/# /' "$dir/reject.out"; [ $st = 0 ]; ok $? "an application rejected"
LANGUAGE=en "$cli" --db "$db" letter TURKU-ESIM-001 --lang fi -o "$dir/no.pdf" >/dev/null 2>&1
no=$(text "$dir/no.pdf")
has "$no" "Rahoituspäätös" && has "$no" "Päätöksen numero VSL/5/2025" && has "$no" "hylkää hankkeen" &&
  has "$no" "haettiin EU- ja valtion rahoitusta 314 496,00 €" && has "$no" "Perustelut" &&
  has "$no" "Hanke ei täytä yleisiä valintaperusteita." && ! echo "$no" | grep -qF "Myönnetty"
ok $? "the rejection letter gives the amount applied for and the reason, and no grants table"

echo "1..$n"
exit $failed

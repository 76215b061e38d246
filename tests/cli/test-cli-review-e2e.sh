#!/bin/sh
# test-cli-review-e2e.sh CLI — one call from the applications to the
# decisions as its users go through it: a call with money available added
# with "call add" to the capital region's agreement; three applications of
# Helsinki, Espoo and Vantaa imported, submitted; two reviewers score them
# ("review"), the weighted scores and the ranking; the steering group's
# proposal; two grants (one less than applied for with --granted, one per
# implementer with --implementer) and a rejection, the call's money after
# each; a change application (export, edit, import --replace, diff) decided
# again, and another rejected; a call's own criterion scored per
# implementer; what is refused leaves the database as it was; undo and redo of a
# decision; "check" warns when the proposals ask for more than the call has
# (TAP).
set -u
cli=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=en
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }
db="$dir/a.db"
hs() { "$cli" --db "$db" "$@"; }
# js EXPR: EXPR of the JSON on stdin (d), printed; nothing when it fails
js() { python3 -c "import json, sys
d = json.load(sys.stdin)
r = ($1)
print(r)" 2>/dev/null; }
CALL="PKS arviointi E2E 2025"; PKS="Pääkaupunkiseutu (PKS)"
CODES="HKI-R-001 ESP-R-001 VAN-R-001"
nb=$(printf '\302\240')   # the no-break space of Finnish amounts
# everything a refusal must leave as it was
state() {
  hs list --json; hs call show "$CALL" --json; hs ranking "$CALL" --json
  for c in $CODES; do hs versions "$c" --json; hs review "$c" --json; done
}
# refused EXPECTED-EXIT MESSAGE-PART DESCRIPTION -- COMMAND…: the exit code,
# the message on stderr and the database unchanged
refused() {
  want=$1; part=$2; what=$3; shift 4
  state > "$dir/before" 2>&1
  hs "$@" > "$dir/out" 2> "$dir/err"; st=$?
  state > "$dir/after" 2>&1
  if [ $st = "$want" ] && grep -qF -- "$part" "$dir/err" && cmp -s "$dir/before" "$dir/after"; then
    ok 0 "$what"
  else
    echo "# exit $st (expected $want)"; sed 's/^/# /' "$dir/err"
    diff "$dir/before" "$dir/after" | head -5 | sed 's/^/# /'
    ok 1 "$what"
  fi
}

hs init --demo >/dev/null 2>&1; ok $? "init --demo"
hs call add --agreement "$PKS" --name "$CALL" --money-available=200000 --open=1.1.2025 --close=31.3.2025 \
  >/dev/null 2>&1
ok $? "call add: a call with 200 000 € available"

# impl ROLE NAME Y-TUNNUS TYPE MUNICIPALITY STAFF EU CITY OWN (euros, flat rate 40 %, all in 2025)
impl() {
  printf '    <implementer role="%s">\n' "$1"
  printf '      <organisation name="%s" business-id="%s" type="%s" municipality="%s"/>\n' "$2" "$3" "$4" "$5"
  printf '      <cost year="2025" category="staff" cents="%s00"/>\n' "$6"
  printf '      <cost year="2025" category="flat-rate" cents="%s0" derived="true"/>\n' "$(($6 * 4))"
  printf '      <financing source="eu-state" cents="%s00"/>\n' "$7"
  [ "$8" != 0 ] && printf '      <financing source="city" cents="%s00"/>\n' "$8"
  printf '      <financing source="own-public" cents="%s00"/>\n    </implementer>\n' "$9"
}
start() {
  printf '  <project code="%s" status="submitted" cost-model="flat-40" start="2025-06-01" end="2026-12-31">\n' "$1"
  printf '    <name lang="fi">%s</name>\n    <agreement>%s</agreement>\n' "$2" "$PKS"
  printf '    <focus-area>Älykkäät ja kestävät kaupunkiratkaisut</focus-area>\n    <call>%s</call>\n' "$CALL"
}
end() {
  printf '    <status-change status="draft" date="2025-01-10"/>\n'
  printf '    <status-change status="submitted" date="%s"/>\n  </project>\n' "$1"
}
# EU + state applied for: Helsinki 84 000 + Aalto 42 000, Espoo 42 000,
# Vantaa 25 200 = 193 200 €
{ echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<portfolio version="2" scope="project" xmlns="https://hankesalkku.github.io/ns/portfolio/2">'
  start HKI-R-001 "Helsingin arviointihanke"
  impl main "Helsingin kaupunki" 0201256-6 city Helsinki 100000 84000 35000 21000
  impl partial "Aalto-yliopisto" 2228357-4 university Espoo 50000 42000 0 28000
  end 2025-02-15
  start ESP-R-001 "Espoon arviointihanke"
  impl main "Espoon kaupunki" 0101263-6 city Espoo 50000 42000 17500 10500
  end 2025-02-20
  start VAN-R-001 "Vantaan arviointihanke"
  impl main "Vantaan kaupunki" 0124610-9 city Vantaa 30000 25200 10500 6300
  end 2025-03-01
  echo '</portfolio>'; } > "$dir/apps.xml"
hs import "$dir/apps.xml" > "$dir/import.out" 2>&1; st=$?; [ $st = 0 ] || sed "s/^/# /" "$dir/import.out"
[ $st = 0 ]; ok $? "import: three applications of three cities"
[ "$(hs list --json | js "' '.join(p['code'] + '=' + p['status'] for p in d if p['code'].endswith('-R-001'))")" = \
  "ESP-R-001=submitted HKI-R-001=submitted VAN-R-001=submitted" ]
ok $? "the three are submitted"
hs export --format xml --project HKI-R-001 -o "$dir/hki-0.xml" >/dev/null 2>&1 &&
  grep -q '<status-change status="submitted" date="2025-02-15"/>' "$dir/hki-0.xml"
ok $? "… with the submitted date in their history"

# ---- the assessment --------------------------------------------------------
# HKI: content 1.1 5 and 4, equality 3 and 2 → (4.5 + 2.5) / (5 + 3) = 87.50 %
# ESP: content 1.2 3 and 3, equality 1 and 2 → (3 + 1.5) / 8 = 56.25 %
# VAN: content 1.1 5 and 5, equality 3 and 3 → 100 %, but a general
#      criterion not met
score() { c=$1; r=$2; k=$3; v=$4; m=$5; shift 5
  hs review "$c" --reviewer "$r" --criterion "$k" --score "$v" --comment "$m" "$@" >/dev/null 2>&1; }
all=0
score HKI-R-001 "Anna Arvioija" content-1.1-business-driven-rdi 3 "Ensin näin" || all=1
score HKI-R-001 "Anna Arvioija" content-1.1-business-driven-rdi 5 "Vahva TKI-painotus" || all=1
score HKI-R-001 "Ville Arvioija" content-1.1-business-driven-rdi 4 "Hyvä" || all=1
score HKI-R-001 "Anna Arvioija" horizontal-equality 3 "Tasa-arvo huomioitu" || all=1
score HKI-R-001 "Ville Arvioija" horizontal-equality 2 "Osin" || all=1
score HKI-R-001 "Anna Arvioija" general-programme-fit 1 "Sopii" || all=1
score ESP-R-001 "Anna Arvioija" content-1.2-digital-services 3 "Kohtalainen" || all=1
score ESP-R-001 "Ville Arvioija" content-1.2-digital-services 3 "Kohtalainen" || all=1
score ESP-R-001 "Anna Arvioija" horizontal-equality 1 "Heikko" || all=1
score ESP-R-001 "Ville Arvioija" horizontal-equality 2 "Osin" || all=1
score VAN-R-001 "Anna Arvioija" content-1.1-cooperation 5 "Erinomainen" || all=1
score VAN-R-001 "Ville Arvioija" content-1.1-cooperation 5 "Erinomainen" || all=1
score VAN-R-001 "Anna Arvioija" horizontal-equality 3 "Hyvä" || all=1
score VAN-R-001 "Ville Arvioija" horizontal-equality 3 "Hyvä" || all=1
score VAN-R-001 "Anna Arvioija" general-programme-fit 0 "Ei sovi ohjelmaan" || all=1
ok $all "two reviewers score the three"
hs review HKI-R-001 --comment "Kustannusarvio tarkistettava" --reviewer "Ville Arvioija" >/dev/null 2>&1
ok $? "a free comment"
r=$(hs review HKI-R-001 --json)
[ "$(echo "$r" | js "d['score_bp'], d['reviewers'], d['scored'], d['general_unmet']")" = "(8750, 2, 5, 0)" ]
ok $? "HKI's weighted score 87.50 % of 2 reviewers, 5 scores: the second score replaced the first"
[ "$(echo "$r" | js "[s['score'] for s in d['scores'] if s['reviewer'] == 'Anna Arvioija' and s['criterion'] == 'content-1.1-business-driven-rdi']")" = "[5]" ] &&
  [ "$(echo "$r" | js "[c['text'] for c in d['comments']]")" = "['Kustannusarvio tarkistettava']" ]
ok $? "… Anna's score is the 5 she gave last, and the comment is kept"
[ "$(hs review ESP-R-001 --json | js "d['score_bp'], d['general_unmet']")" = "(5625, 0)" ]
ok $? "ESP's weighted score 56.25 %"
r=$(hs review VAN-R-001 --json)
[ "$(echo "$r" | js "d['score_bp'], d['general_unmet'], len(d['notes'])")" = "(10000, 1, 1)" ]
ok $? "VAN's full marks, one general criterion not met"
hs review VAN-R-001 | grep -q "Not met: The project fits the Innovation and Skills in Finland"
ok $? "… named in the assessment"
rk=$(hs ranking "$CALL" --json)
[ "$(echo "$rk" | js "' '.join('%d:%s' % (a['rank'], a['code']) for a in d['applications'])")" = \
  "1:HKI-R-001 2:ESP-R-001 3:VAN-R-001" ]
ok $? "ranking: HKI, ESP, then VAN that fails a general criterion despite its score"
[ "$(echo "$rk" | js "d['money']['available'], d['money']['applied'], d['money']['applications']")" = "(20000000, 19320000, 3)" ]
ok $? "ranking: 200 000 € available, 193 200 € applied for by 3"

# ---- refused before any decision: nothing changes --------------------------
refused 2 "“The project promotes business-driven research, development and innovation” is scored from 0 to 5; 6 is outside the scale" \
  "a content score of 6 is refused" -- review HKI-R-001 -r "Anna Arvioija" -c content-1.1-business-driven-rdi -s 6 -m x
refused 2 "“The project supports gender equality” is scored from 0 to 3; 4 is outside the scale" \
  "a horizontal score of 4 is refused" -- review HKI-R-001 -r "Anna Arvioija" -c horizontal-equality -s 4 -m x
refused 2 "is a general criterion: it is met (1) or not met (0), not 2" \
  "a general criterion scored 2 is refused" -- review HKI-R-001 -r "Anna Arvioija" -c general-programme-fit -s 2 -m x
refused 2 "ESP-R-001 has no funding decision" \
  "a change application to an undecided project is refused" -- change ESP-R-001 --made 1.6.2025 --starts 1.7.2025
refused 2 "The decision date 19 Feb 2025 is before the application was submitted (20 Feb 2025)" \
  "a decision dated before the application is refused" -- decide ESP-R-001 --date 19.2.2025
refused 2 "the grant of €126,000.01 is more than the €126,000.00 of EU and state support applied for (€0.01 over)" \
  "a grant above what was applied for is refused, with the amounts" -- decide HKI-R-001 --granted 126000.01 --date 20.5.2025
refused 2 "Helsingin kaupunki: the grant of €84,000.01 is more than the €84,000.00 applied for (€0.01 over)" \
  "an implementer's grant above what it applied for is refused" -- decide HKI-R-001 --implementer 0201256-6=84000.01 --date 20.5.2025
refused 2 "The decision date 1 Jan 2030 is after" \
  "a decision after the programme's last day is refused" -- decide HKI-R-001 --date 1.1.2030
refused 2 "--implementer: Helsingin kaupunki is named twice" \
  "an implementer named twice is refused" -- decide HKI-R-001 --implementer 0201256-6=1000 --implementer 0201256-6=2000 --granted 50000 --date 20.5.2025
refused 2 "--not: VAN-R-001 is listed twice" \
  "an application not proposed twice is refused" -- propose "$CALL" --order HKI-R-001 --not VAN-R-001=a --not VAN-R-001=b
refused 2 "--not: HKI-R-001 is in --order too" \
  "an application both proposed and not is refused" -- propose "$CALL" --order HKI-R-001 --not HKI-R-001=a
refused 2 "--order: ESP-R-001 is listed twice" \
  "an application proposed twice is refused" -- propose "$CALL" --order ESP-R-001,HKI-R-001,ESP-R-001

# ---- the steering group ----------------------------------------------------
hs propose "$CALL" --order HKI-R-001,ESP-R-001 --not "VAN-R-001=Ei täytä yleistä kriteeriä" --meeting 10.4.2025 \
  >/dev/null 2>&1
ok $? "propose: HKI and ESP, not VAN"
m=$(hs call show "$CALL" --json | js "d['money']['applied'], d['money']['proposed'], d['money']['proposals'], d['money']['granted']")
[ "$m" = "(19320000, 16800000, 2, 0)" ]; ok $? "call show: 193 200 € applied, 168 000 € proposed by 2, none granted"
[ "$(hs ranking "$CALL" --json | js "[(a['code'], a['proposed']) for a in d['applications']]")" = \
  "[('HKI-R-001', 1), ('ESP-R-001', 2), ('VAN-R-001', 0)]" ]
ok $? "ranking shows the proposal's places"
over="Pääkaupunkiseutu (PKS): warning: The applications proposed for funding under the call “$CALL”"
! hs check 2>/dev/null | grep -qF "$over"; ok $? "check: the proposals fit in 200 000 €"
hs call edit "$CALL" --money-available=150000 >/dev/null 2>&1
hs check 2>/dev/null | grep -qxF "$over ask for €168,000.00 of EU and state support; the call has €150,000.00 (€18,000.00 more than it has)"
ok $? "check: with 150 000 € the proposals ask for 18 000 € more than the call has"
LANGUAGE=fi hs check 2>/dev/null | grep -qxF "$PKS: varoitus: Haussa ”$CALL” rahoitettaviksi esitetyt hakemukset hakevat EU- ja valtion rahoitusta 168${nb}000,00$nb€; haussa on 150${nb}000,00$nb€ (18${nb}000,00$nb€ enemmän kuin siinä on)"
ok $? "… and in Finnish"
hs call edit "$CALL" --money-available=200000 >/dev/null 2>&1
! hs check 2>/dev/null | grep -qF "$over"; ok $? "check: back to 200 000 €, no warning"

# ---- the decisions ---------------------------------------------------------
hs reject VAN-R-001 --date 22.5.2025 --reason "Ei täytä yleistä kriteeriä" --number UUDELY/3/2025 >/dev/null 2>&1
ok $? "reject VAN"
hs decide ESP-R-001 --implementer 0101263-6=40000 --date 21.5.2025 --number UUDELY/2/2025 >/dev/null 2>&1
ok $? "decide ESP: 40 000 € of 42 000 € to Espoo"
hs decide HKI-R-001 --granted 100000 --date 20.5.2025 --number UUDELY/1/2025 > "$dir/decide.out" 2>&1
ok $? "decide HKI: 100 000 € of 126 000 €"
grep -q "Helsingin kaupunki: €66,666.67 of the €84,000.00 applied for" "$dir/decide.out" &&
  grep -q "Aalto-yliopisto: €33,333.33 of the €42,000.00 applied for" "$dir/decide.out"
ok $? "… shared 2:1 as applied for"
[ "$(hs list --json | js "' '.join(p['code'] + '=' + p['status'] for p in d if p['code'].endswith('-R-001'))")" = \
  "ESP-R-001=approved HKI-R-001=approved VAN-R-001=rejected" ]
ok $? "statuses: approved, approved, rejected"
m=$(hs call show "$CALL" --json | js "d['money']['granted'], d['money']['remaining'], d['money']['grants'], d['money']['rejections']")
[ "$m" = "(14000000, 6000000, 2, 1)" ]; ok $? "call show: 140 000 € granted, 60 000 € remaining, 2 grants, 1 rejection"
v=$(hs versions HKI-R-001 --json)
[ "$(echo "$v" | js "[x['kind'] for x in d['versions']], d['granted'], d['change_open']")" = "(['application', 'approved'], 10000000, False)" ]
ok $? "versions: the application and the approved one, 100 000 € granted"
[ "$(echo "$v" | js "[(g['implementer'], g['applied'], g['granted']) for g in d['decisions'][0]['grants']], d['decisions'][0]['date'], d['decisions'][0]['number']")" = \
  "([('Helsingin kaupunki', 8400000, 6666667), ('Aalto-yliopisto', 4200000, 3333333)], '2025-05-20', 'UUDELY/1/2025')" ]
ok $? "versions: the decision's date, number and grants per implementer"
[ "$(hs versions ESP-R-001 --json | js "d['granted'], d['decisions'][0]['grants'][0]['granted']")" = "(4000000, 4000000)" ]
ok $? "versions: ESP granted 40 000 €"
[ "$(hs versions VAN-R-001 --json | js "d['granted'], d['decisions'][0]['kind'], d['decisions'][0]['reason'], [x['kind'] for x in d['versions']]")" = \
  "(0, 'reject', 'Ei täytä yleistä kriteeriä', ['application'])" ]
ok $? "versions: VAN rejected with the reason"
hs export --format xml --project HKI-R-001 -o "$dir/hki-1.xml" >/dev/null 2>&1 &&
  grep -q '<status-change status="under-review" date="2025-05-20"/>' "$dir/hki-1.xml" &&
  grep -q '<status-change status="approved" date="2025-05-20"/>' "$dir/hki-1.xml"
ok $? "HKI's history: under review and approved on the decision's date"

refused 2 "was decided on 21 May 2025 (decision UUDELY/2/2025); it is decided again only on a change application" \
  "a second decision without a change application is refused" -- decide ESP-R-001 --date 23.5.2025
refused 2 "The change application would be made on 20 May 2025, before the decision it changes (21 May 2025)" \
  "a change application made before the decision is refused" -- change ESP-R-001 --made 20.5.2025 --starts 1.7.2025
refused 2 "VAN-R-001 was rejected" "a rejected application is not decided again" -- decide VAN-R-001 --date 23.5.2025
refused 2 "VAN-R-001 was rejected" "no change application to a rejection" -- change VAN-R-001 --made 1.6.2025 --starts 1.7.2025
LANGUAGE=fi hs decide ESP-R-001 --date 23.5.2025 2>&1 >/dev/null | grep -q "ESP-R-001.*21\.5\.2025.*UUDELY/2/2025"
ok $? "fi: the refusal gives the decision's date in Finnish form"
export LANGUAGE=fi
refused 2 "ESP-R-001: ”Hanke tukee sukupuolten tasa-arvoa” pisteytetään 0–3; 9 on asteikon ulkopuolella" \
  "fi: a score out of scale is refused, naming the criterion in Finnish" -- review ESP-R-001 -r x -c horizontal-equality -s 9 -m y
refused 2 "HKI-R-001: myönnetty 999${nb}999,00$nb€ on enemmän kuin haettu EU- ja valtion rahoitus 126${nb}000,00$nb€ (873${nb}999,00$nb€ yli)" \
  "fi: a grant above what was applied for, the amounts in Finnish" -- decide HKI-R-001 --granted 999999 --date 23.5.2025 --implementer 0201256-6=84000
export LANGUAGE=en

# undo of the last decision: the status and the money back; redo
hs undo >/dev/null 2>&1
[ "$(hs list --json | js "[p['status'] for p in d if p['code'] == 'HKI-R-001'][0]")" = submitted ] &&
  [ "$(hs call show "$CALL" --json | js "d['money']['granted'], d['money']['remaining'], d['money']['grants']")" = "(4000000, 16000000, 1)" ] &&
  [ "$(hs versions HKI-R-001 --json | js "len(d['versions']), len(d['decisions'])")" = "(0, 0)" ]
ok $? "undo of HKI's decision: submitted again, 40 000 € granted, no versions"
hs redo >/dev/null 2>&1
[ "$(hs list --json | js "[p['status'] for p in d if p['code'] == 'HKI-R-001'][0]")" = approved ] &&
  [ "$(hs call show "$CALL" --json | js "d['money']['granted']")" = 14000000 ]
ok $? "redo: approved, 140 000 € granted"

# ---- a change application --------------------------------------------------
# Aalto-yliopisto asks for 2 000 € less support and puts in 2 000 € more of its own
hs export --format xml --project HKI-R-001 -o "$dir/hki.xml" >/dev/null 2>&1
# (the project's own lines, not those of its kept versions after <review>)
sed -e '/<review/,$!s|<financing source="eu-state" cents="4200000"/>|<financing source="eu-state" cents="4000000"/>|' \
    -e '/<review/,$!s|<financing source="own-public" cents="2800000"/>|<financing source="own-public" cents="3000000"/>|' \
  "$dir/hki.xml" > "$dir/hki-change.xml"
[ "$(diff "$dir/hki.xml" "$dir/hki-change.xml" | grep -c '^>')" = 2 ]; ok $? "the edited file changes two amounts"
refused 3 "HKI-R-001 was granted funding on 20 May 2025 (decision UUDELY/1/2025): its approved plan changes only by a change application" \
  "import --replace of a changed decided project is refused without a change application" -- import "$dir/hki-change.xml" --replace
hs change HKI-R-001 --made 1.6.2025 --starts 1.7.2025 --reason "Aalto pienentää tukeaan" >/dev/null 2>&1
ok $? "change: a change application on HKI"
[ "$(hs versions HKI-R-001 --json | js "d['change_open']")" = True ]; ok $? "versions: the change application is open"
refused 2 "already has a change application" "a second change application is refused" -- change HKI-R-001 --made 2.6.2025 --starts 1.7.2025
hs import "$dir/hki-change.xml" --replace > "$dir/import.out" 2>&1; st=$?; [ $st = 0 ] || sed "s/^/# /" "$dir/import.out"
[ $st = 0 ]; ok $? "import --replace saves the change"
[ "$(hs diff HKI-R-001 --json | js "d['from'], sorted((c['field'], c['amount_before'], c['amount_after']) for c in d['changes'])")" = \
  "(2, [('implementers/2228357-4/financing/eu-state', 4200000, 4000000), ('implementers/2228357-4/financing/own-public', 2800000, 3000000)])" ]
ok $? "diff: exactly the two amounts changed, against the approved version 2"
refused 2 "The decision date 31 May 2025 is before the change application was made (1 Jun 2025)" \
  "a change decided before it was made is refused" -- decide HKI-R-001 --date 31.5.2025
hs decide HKI-R-001 --date 1.7.2025 --number UUDELY/4/2025 >/dev/null 2>&1; ok $? "decide the change"
v=$(hs versions HKI-R-001 --json)
[ "$(echo "$v" | js "[x['kind'] for x in d['versions']], [x['eu_state'] for x in d['versions']], d['change_open']")" = \
  "(['application', 'approved', 'change', 'approved'], [12600000, 12600000, 12400000, 12400000], False)" ]
ok $? "versions: the change application and the new approved version"
[ "$(echo "$v" | js "[(x['change'], x['in_force']) for x in d['decisions']], [(g['applied'], g['granted']) for g in d['decisions'][1]['grants']], d['granted']")" = \
  "([(False, False), (True, True)], [(8400000, 6666667), (4000000, 3333333)], 10000000)" ]
ok $? "… the grants in force kept: 100 000 € still"
[ "$(hs diff HKI-R-001 --json | js "len(d['changes'])")" = 0 ]; ok $? "diff: nothing changed against the new approved version"
[ "$(hs diff HKI-R-001 --from 2 --to 4 --json | js "len(d['changes'])")" = 2 ]; ok $? "diff 2 → 4: the two amounts"
hs undo >/dev/null 2>&1
[ "$(hs versions HKI-R-001 --json | js "len(d['versions']), d['change_open']")" = "(2, True)" ]
ok $? "undo of the change's decision: the change application is open again"
hs redo >/dev/null 2>&1
[ "$(hs versions HKI-R-001 --json | js "len(d['versions']), d['change_open']")" = "(4, False)" ]; ok $? "redo"

# a file written before the change was decided is refused: it leaves out a
# decision the database has (a file adds decisions, it does not rewrite them)
refused 1 "the file leaves out or changes the decision of 1 Jul 2025 (UUDELY/4/2025)" \
  "an older file that lacks the change's decision is refused" -- import "$dir/hki-change.xml" --replace

# a change rejected: the approved plan comes back, the grant stays
hs change HKI-R-001 --made 2.7.2025 --starts 1.8.2025 >/dev/null 2>&1 &&
  hs export --format xml --project HKI-R-001 -o "$dir/hki-now.xml" >/dev/null 2>&1 &&
  sed '/<review/,$!s|<financing source="eu-state" cents="8400000"/>|<financing source="eu-state" cents="8000000"/>|;/<review/,$!s|<financing source="city" cents="3500000"/>|<financing source="city" cents="3900000"/>|' \
    "$dir/hki-now.xml" > "$dir/hki-change-2.xml" &&
  hs import "$dir/hki-change-2.xml" --replace >/dev/null 2>&1 &&
  [ "$(hs list --json | js "[p['eu_state_cents'] for p in d if p['code'] == 'HKI-R-001'][0]")" = 12000000 ]
ok $? "a second change application saved"
hs reject HKI-R-001 --date 3.7.2025 --reason "Ei perusteltu" >/dev/null 2>&1; ok $? "reject the change"
[ "$(hs list --json | js "[(p['status'], p['eu_state_cents']) for p in d if p['code'] == 'HKI-R-001'][0]")" = "('approved', 12400000)" ] &&
  [ "$(hs versions HKI-R-001 --json | js "d['granted'], d['change_open'], [x['kind'] for x in d['versions']][-1]")" = "(10000000, False, 'change')" ] &&
  [ "$(hs call show "$CALL" --json | js "d['money']['granted']")" = 14000000 ]
ok $? "… the approved plan is back, still approved, 100 000 € in force"
refused 1 "the file leaves out or changes the decision of 3 Jul 2025 (–)" \
  "the file of the rejected change is refused now: it lacks the rejection" -- import "$dir/hki-change-2.xml" --replace
# and with the rejection in it, its changed plan is locked by the decision in force
hs export --format xml --project HKI-R-001 -o "$dir/hki-after.xml" >/dev/null 2>&1
sed '/<review/,$!s|<financing source="eu-state" cents="8400000"/>|<financing source="eu-state" cents="8000000"/>|;/<review/,$!s|<financing source="city" cents="3500000"/>|<financing source="city" cents="3900000"/>|' \
  "$dir/hki-after.xml" > "$dir/hki-change-3.xml"
refused 3 "HKI-R-001 was granted funding on 1 Jul 2025 (decision UUDELY/4/2025): its approved plan changes only by a change application" \
  "after the rejected change the plan is locked again, by the decision in force" -- import "$dir/hki-change-3.xml" --replace

# ---- a call's own criterion, scored per implementer -------------------------
hs criterion add "$CALL" --key refining-partners --name-fi "Kumppanuus" --name-en "Partnership" --weight 200 \
  --minimum 3 --per-implementer >/dev/null 2>&1
ok $? "criterion add: the call's own, weight 200 %, minimum 3, per implementer"
refused 2 "“Partnership” is scored for each implementer" \
  "a per-implementer criterion without the implementer is refused" -- review HKI-R-001 -r "Anna Arvioija" -c refining-partners -s 4 -m x
refused 2 "--implementer: “0101263-6” is not an implementer of HKI-R-001" \
  "… and with an organisation that is not an implementer of the project" -- review HKI-R-001 -r "Anna Arvioija" -c refining-partners -s 4 -m x -i 0101263-6
# HKI: (4.5 + 2.5 + 2 × 3.5) / (5 + 3 + 2 × 5) = 14 / 18 = 77.78 %
score HKI-R-001 "Anna Arvioija" refining-partners 5 "Vetää" -i 0201256-6 &&
  hs review HKI-R-001 -r "Anna Arvioija" -c refining-partners -s 2 -m "Vähän" -i Aalto-yliopisto >/dev/null 2>&1
ok $? "scores of each implementer's part, by Y-tunnus and by name"
[ "$(hs review HKI-R-001 --json | js "d['score_bp'], d['under_minimum'], sorted((s['implementer'], s['score']) for s in d['scores'] if s['criterion'] == 'refining-partners')")" = \
  "(7778, 0, [('Aalto-yliopisto', 2), ('Helsingin kaupunki', 5)])" ]
ok $? "HKI's weighted score 77.78 % with the call's criterion at 200 %"
# Ville finds Aalto's part worth 0: the mean 7 / 3 is under the minimum of 3
score HKI-R-001 "Ville Arvioija" refining-partners 0 "Ei osuutta" -i 2228357-4
[ "$(hs review HKI-R-001 --json | js "d['score_bp'], d['under_minimum']")" = "(6481, 1)" ] &&
  hs review HKI-R-001 | grep -q "Partnership"
ok $? "a mean under the minimum: 64.81 %, noted"
[ "$(hs ranking "$CALL" --json | js "' '.join(a['code'] for a in d['applications'])")" = "ESP-R-001 VAN-R-001 HKI-R-001" ]
ok $? "ranking: ESP first; HKI under a minimum and VAN failing a general criterion after it, by score"

echo "1..$n"
exit $failed

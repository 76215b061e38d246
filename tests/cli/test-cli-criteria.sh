#!/bin/sh
# test-cli-criteria.sh CLI — a call's own selection criteria: criterion add,
# edit and delete, their refusals (a key used twice, a bad key, a general
# criterion with a minimum, a programme criterion, one that a score uses),
# the weight and the minimum in the assessment, and undo of each (TAP).
set -u
cli=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=en
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }
db="$dir/a.db"
P=OULU-ESIM-001

"$cli" --db "$db" init --demo >/dev/null 2>&1; ok $? "init --demo"
call=4   # the seeded Oulu default call, which the example Oulu project applies to
"$cli" --db "$db" call show $call 2>&1 | grep -q "Oulu — default call" &&
  "$cli" --db "$db" call show $call 2>&1 | grep -q "Projects applying: *1$"
ok $? "the example Oulu project applies to call $call"

n_before=$("$cli" --db "$db" criteria $P --json | grep -o '"key"' | wc -l)
[ "$n_before" -eq 28 ]; ok $? "the programme's 28 criteria ($n_before)"

"$cli" --db "$db" criterion add "$call" --key oulu-health --name-fi "Terveysteknologian ekosysteemi" \
  --name-en "Health technology ecosystem" --weight 200 --minimum 3 >/dev/null 2>&1
ok $? "criterion add"
out=$("$cli" --db "$db" criteria $P --json)
echo "$out" | grep -q '"key": "oulu-health", "kind": "refining", "objective": null, "name_fi": "Terveysteknologian ekosysteemi", "name_sv": null, "name_en": "Health technology ecosystem", "max": 5, "weight": 200, "minimum": 3, "per_implementer": false, "call": true'
ok $? "criteria lists it with its weight and minimum"

before=$("$cli" --db "$db" criteria $P --json)
err=$("$cli" --db "$db" criterion add "$call" --key oulu-health --name-fi X 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "already has a criterion with the key “oulu-health”"; ok $? "a key used twice is refused"
err=$("$cli" --db "$db" criterion add "$call" --key "bad key" --name-fi X 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "not “bad key”"; ok $? "a bad key is refused"
err=$("$cli" --db "$db" criterion add "$call" --key g1 --kind general --minimum 1 --name-fi X 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "general criterion: it is met or not"; ok $? "a general criterion with a minimum is refused"
err=$("$cli" --db "$db" criterion add "$call" --key c6 --minimum 6 --name-fi X 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "The minimum of “c6” is 6, above its scale of 0–5"; ok $? "a minimum above the scale is refused"
err=$("$cli" --db "$db" criterion add "$call" --key nameless 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "needs a name"; ok $? "a criterion without a name is refused"
err=$("$cli" --db "$db" criterion edit "$call" --key horizontal-equality --weight 5 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "one of the programme’s criteria"; ok $? "a programme criterion is not changed"
[ "$("$cli" --db "$db" criteria $P --json)" = "$before" ]; ok $? "the refusals wrote nothing"

# the weight and the minimum in the assessment: 1 of 5 at weight 200 and
# 3 of 3 at weight 100: (200 × 1 + 100 × 3) / (200 × 5 + 100 × 3) = 500/1300
"$cli" --db "$db" review $P --criterion oulu-health --score 1 --reviewer Aino --comment "Heikko" >/dev/null 2>&1 &&
  "$cli" --db "$db" review $P --criterion horizontal-equality --score 3 --reviewer Aino --comment "Hyvä" >/dev/null 2>&1
ok $? "two scores"
out=$("$cli" --db "$db" review $P --json)
echo "$out" | grep -q '"score_bp": 3846' && echo "$out" | grep -q '"under_minimum": 1' &&
  echo "$out" | grep -q 'Under its minimum of 3: Health technology ecosystem (1.0 on average)'
ok $? "the weighted score and the minimum ($out)"

"$cli" --db "$db" criterion edit "$call" --key oulu-health --weight 100 --minimum -1 >/dev/null 2>&1; ok $? "criterion edit"
out=$("$cli" --db "$db" review $P --json)
echo "$out" | grep -q '"score_bp": 5000' && echo "$out" | grep -q '"under_minimum": 0'
# (100 × 1 + 100 × 3) / (100 × 5 + 100 × 3) = 4/8
ok $? "the edit changes the weighted score and drops the minimum"

err=$("$cli" --db "$db" criterion delete "$call" --key oulu-health 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "cannot be deleted: 1 score uses it"; ok $? "a criterion that a score uses is not deleted"

"$cli" --db "$db" undo >/dev/null 2>&1 && "$cli" --db "$db" undo >/dev/null 2>&1 && "$cli" --db "$db" undo >/dev/null 2>&1
ok $? "undo the edit and the two scores"
out=$("$cli" --db "$db" criteria $P --json)
echo "$out" | grep -q '"key": "oulu-health".*"weight": 200, "minimum": 3'; ok $? "undo put the weight and the minimum back"
"$cli" --db "$db" criterion delete "$call" --key oulu-health >/dev/null 2>&1; ok $? "criterion delete, once no score uses it"
[ "$("$cli" --db "$db" criteria $P --json | grep -o '"key"' | wc -l)" -eq 28 ]; ok $? "it is gone"
"$cli" --db "$db" undo >/dev/null 2>&1 && "$cli" --db "$db" undo >/dev/null 2>&1; ok $? "undo the delete and the add"
[ "$("$cli" --db "$db" criteria $P --json | grep -o '"key"' | wc -l)" -eq 28 ] &&
  "$cli" --db "$db" check-db >/dev/null 2>&1; ok $? "back to the programme's criteria, the database whole"

echo "1..$n"
exit $failed

#!/bin/sh
# test-cli-files.sh CLI — the database file through the real hankesalkku-cli
# (TAP): a damaged file is refused for writing and left as it was, readers
# without write permission can read, backup and restore.
set -u
cli=$1
dir=$(mktemp -d)
trap 'chmod -R u+w "$dir" 2>/dev/null; rm -rf "$dir"' EXIT
export LANGUAGE=en
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }
codes() { "$cli" --db "$1" list 2>/dev/null | cut -f1 | sort; }

"$cli" --db "$dir/a.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/a.db" generate --projects 40 --seed 3 >/dev/null 2>&1

out=$("$cli" --db "$dir/a.db" check-db 2>&1); st=$?
[ $st = 0 ] && echo "$out" | grep -q "no damage was found"; ok $? "check-db on a whole file exits 0 and says so"

# Damage: one page of the file overwritten.
cp "$dir/a.db" "$dir/damaged.db"
awk 'BEGIN { for (i = 0; i < 4096; i++) printf "U" }' |
  dd of="$dir/damaged.db" bs=4096 seek=3 conv=notrunc 2>/dev/null
cp "$dir/damaged.db" "$dir/damaged.orig"
msg=$("$cli" --db "$dir/damaged.db" check-db 2>&1); st=$?
[ $st = 3 ]; ok $? "check-db on a damaged file exits 3"
echo "$msg" | grep -q "damaged.db” is damaged"; ok $? "… and says the file is damaged: $msg"
msg=$("$cli" --db "$dir/damaged.db" generate --projects 5 2>&1); st=$?
[ $st = 3 ] && echo "$msg" | grep -q "is damaged"; ok $? "writing to a damaged file is refused (exit 3)"
echo "$msg" | grep -q "restore"; ok $? "… with how to restore it"
cmp -s "$dir/damaged.db" "$dir/damaged.orig"; ok $? "… and its bytes are unchanged"
[ ! -e "$dir/damaged.db-wal" ] || [ ! -s "$dir/damaged.db-wal" ]; ok $? "… and nothing was logged to write later"

# Backup.
out=$("$cli" --db "$dir/a.db" backup "$dir/copy.db" 2>&1); st=$?
[ $st = 0 ] && [ -f "$dir/copy.db" ]; ok $? "backup writes a new file (exit 0)"
"$cli" --db "$dir/copy.db" check-db >/dev/null 2>&1; ok $? "… which is a whole database"
[ "$(codes "$dir/a.db")" = "$(codes "$dir/copy.db")" ] && [ -n "$(codes "$dir/copy.db")" ]
ok $? "… with the same projects"
cp "$dir/copy.db" "$dir/copy.orig"
"$cli" --db "$dir/a.db" backup "$dir/copy.db" >/dev/null 2>&1; st=$?
[ $st = 2 ] && cmp -s "$dir/copy.db" "$dir/copy.orig"; ok $? "a backup never replaces an existing file (exit 2)"

# Restore: the database comes back, what it held is kept.
"$cli" --db "$dir/a.db" generate --projects 5 --seed 9 >/dev/null 2>&1
after=$(codes "$dir/a.db")
out=$("$cli" --db "$dir/a.db" restore "$dir/copy.db" 2>&1); st=$?
[ $st = 0 ]; ok $? "restore exits 0"
[ "$(codes "$dir/a.db")" = "$(codes "$dir/copy.db")" ]; ok $? "… and the database holds the backup's projects"
kept=$(echo "$out" | sed -n 's/.*is kept in \(.*\)\.$/\1/p')
[ -n "$kept" ] && [ -f "$kept" ] && [ "$(codes "$kept")" = "$after" ]
ok $? "… and what it held before is kept in a file of its own: $out"
printf 'not a database\n' > "$dir/text.db"
cp "$dir/a.db" "$dir/a.orig"
msg=$("$cli" --db "$dir/a.db" restore "$dir/text.db" 2>&1); st=$?
[ $st = 3 ] && echo "$msg" | grep -q "Nothing was restored"; ok $? "restoring from a file that is not a database is refused (exit 3)"
cmp -s "$dir/a.db" "$dir/a.orig"; ok $? "… and the database is unchanged"
out=$("$cli" --db "$dir/damaged.db" restore "$dir/copy.db" 2>&1); st=$?
[ $st = 0 ] && "$cli" --db "$dir/damaged.db" check-db >/dev/null 2>&1; ok $? "a damaged database can be restored from a backup"
kept=$(echo "$out" | sed -n 's/.*is kept in \(.*\)\.$/\1/p')
[ -n "$kept" ] && cmp -s "$kept" "$dir/damaged.orig"; ok $? "… and the damaged file is kept as it was"

# The action log: history, undo and redo of this tool's own actions.
"$cli" --db "$dir/h.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/h.db" generate --projects 3 --seed 4 >/dev/null 2>&1
out=$("$cli" --db "$dir/h.db" history 2>&1); st=$?
[ $st = 0 ] && echo "$out" | head -n 1 | grep -q "^\*    2  .*@hankesalkku-cli  Generate 3 projects (seed 4)$"
ok $? "history lists the actions, newest first, marking this tool's"
out=$("$cli" --db "$dir/h.db" undo 2>&1); st=$?
[ $st = 0 ] && echo "$out" | grep -q "Undone: Generate 3 projects" && [ "$(codes "$dir/h.db" | wc -l)" = 3 ]
ok $? "undo takes back the last action"
"$cli" --db "$dir/h.db" history 2>/dev/null | head -n 1 | grep -q "(undone)$"; ok $? "… and history says so"
out=$("$cli" --db "$dir/h.db" redo 2>&1); st=$?
[ $st = 0 ] && [ "$(codes "$dir/h.db" | wc -l)" = 6 ]; ok $? "redo does it again"
# someone else changes the projects: undo would throw that away
sqlite3 "$dir/h.db" "UPDATE project SET version = version + 1 WHERE code LIKE 'GEN-4-%'"
msg=$("$cli" --db "$dir/h.db" undo 2>&1); st=$?
[ $st = 1 ] && echo "$msg" | grep -q "cannot be undone" && [ "$(codes "$dir/h.db" | wc -l)" = 6 ]
ok $? "undo refuses when the project was changed elsewhere since (exit 1): $msg"
"$cli" --db "$dir/e.db" init >/dev/null 2>&1
msg=$("$cli" --db "$dir/e.db" undo 2>&1); st=$?
[ $st = 1 ] && echo "$msg" | grep -q "nothing to undo"; ok $? "undo with nothing to undo says so (exit 1)"

# Readers without write permission to the file or its folder.
mkdir "$dir/shared"
"$cli" --db "$dir/shared/p.db" init --demo >/dev/null 2>&1
chmod 755 "$dir"; chmod 555 "$dir/shared"; chmod 444 "$dir/shared/p.db"
if [ "$(id -u)" = 0 ]; then
  as_reader() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
else
  as_reader() { "$@"; }
fi
out=$(as_reader "$cli" --db "$dir/shared/p.db" list 2>&1); st=$?
[ $st = 0 ] && echo "$out" | grep -q "PKS-ESIM-001"; ok $? "a reader without write permission can list: $(echo "$out" | head -n 1)"
out=$(as_reader "$cli" --db "$dir/shared/p.db" summary 2>&1); st=$?
[ $st = 0 ]; ok $? "… and see the summary"
msg=$(as_reader "$cli" --db "$dir/shared/p.db" generate --projects 1 2>&1); st=$?
[ $st = 3 ] && echo "$msg" | grep -q "read-only"; ok $? "… but not write: $msg"
chmod 755 "$dir/shared"; chmod 644 "$dir/shared/p.db"

echo "1..$n"
exit $failed

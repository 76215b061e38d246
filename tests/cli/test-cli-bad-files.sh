#!/bin/sh
# test-cli-bad-files.sh CLI — every kind of bad database file through the
# real hankesalkku-cli (TAP): a write is refused with a message that names
# the file, the exit status says so, and the file's bytes are unchanged.
# The messages are printed as TAP comments (the README quotes them).
set -u
cli=$1
dir=$(mktemp -d)
trap 'chmod -R u+w "$dir" 2>/dev/null; rm -rf "$dir"' EXIT
export LANGUAGE=en
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n $2"; else echo "not ok $n $2"; failed=1; fi; }

"$cli" --db "$dir/good.db" init --demo >/dev/null 2>&1
"$cli" --db "$dir/good.db" generate --projects 200 --seed 2 >/dev/null 2>&1
size=$(wc -c < "$dir/good.db")

# try FILE WHAT: a write (generate) and a read (list); the write must fail
# with exit 3 naming the file, the bytes must stay as they were
try() {
  file=$1; what=$2
  before=$(sha256sum "$file" 2>/dev/null | cut -d' ' -f1)
  msg=$("$cli" --db "$file" generate --projects 1 --seed 99 2>&1); st=$?
  after=$(sha256sum "$file" 2>/dev/null | cut -d' ' -f1)
  echo "# $what: generate exits $st: $(echo "$msg" | head -n 1)"
  rmsg=$("$cli" --db "$file" list 2>&1 >/dev/null); rst=$?
  echo "# $what: list exits $rst${rmsg:+: $(echo "$rmsg" | head -n 1)}"
  [ $st = 3 ] && echo "$msg" | grep -q "$(basename "$file")"; ok $? "$what: the write is refused (exit 3), naming the file"
  [ "$before" = "$after" ]; ok $? "$what: the file's bytes are unchanged"
}

# truncated to half
head -c $((size / 2)) "$dir/good.db" > "$dir/truncated.db"
try "$dir/truncated.db" "truncated"

# bit flips: one bit of the b-tree page type of 8 pages spread over the
# file (a flip in a record's text is a valid file with other data, which no
# check can tell; a flip in a page's structure must be caught)
cp "$dir/good.db" "$dir/flipped.db"
python3 - "$dir/flipped.db" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
page_size = int.from_bytes(b[16:18], 'big') or 65536
pages = len(b) // page_size
for i in range(8):
    page = 2 + i * (pages - 2) // 8          # never page 1, the header's
    b[(page - 1) * page_size] ^= 1 << (i % 4)
open(p, 'wb').write(b)
PY
try "$dir/flipped.db" "8 flipped bits"

# a newer schema than this program knows
cp "$dir/good.db" "$dir/newer.db"
sqlite3 "$dir/newer.db" "PRAGMA user_version = 99"
try "$dir/newer.db" "a newer schema"

# a read-only file, and a file in a read-only folder, as another user
if [ "$(id -u)" = 0 ]; then as_other() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
else as_other() { "$@"; }; fi
mkdir "$dir/ro"
cp "$dir/good.db" "$dir/ro/portfolio.db"
chmod 755 "$dir"; chmod 444 "$dir/ro/portfolio.db"; chmod 555 "$dir/ro"
before=$(sha256sum "$dir/ro/portfolio.db" | cut -d' ' -f1)
msg=$(as_other "$cli" --db "$dir/ro/portfolio.db" generate --projects 1 --seed 99 2>&1); st=$?
echo "# read-only file in a read-only folder: generate exits $st: $msg"
[ $st = 3 ] && echo "$msg" | grep -q "read-only"; ok $? "read-only file and folder: the write is refused (exit 3)"
as_other "$cli" --db "$dir/ro/portfolio.db" list >/dev/null 2>&1; ok $? "read-only file and folder: reading works"
[ "$before" = "$(sha256sum "$dir/ro/portfolio.db" | cut -d' ' -f1)" ]; ok $? "read-only: the bytes are unchanged"
chmod 755 "$dir/ro"; chmod 644 "$dir/ro/portfolio.db"

# a full disk: the file may not grow (RLIMIT_FSIZE, as a full disk's ENOSPC)
cp "$dir/good.db" "$dir/full.db"
before=$(sha256sum "$dir/full.db" | cut -d' ' -f1)
msg=$(sh -c 'trap "" XFSZ; ulimit -f '$(( (size + 8192) / 512 ))'; exec "$0" --db "$1" generate --projects 5000 --seed 98' \
      "$cli" "$dir/full.db" 2>&1); st=$?
echo "# a full disk: generate exits $st: $(echo "$msg" | head -n 1)"
[ $st = 3 ]; ok $? "a full disk: the write fails (exit 3)"
"$cli" --db "$dir/full.db" check-db >/dev/null 2>&1; ok $? "a full disk: the file is whole afterwards"
[ "$("$cli" --db "$dir/full.db" list 2>/dev/null | wc -l)" = "$("$cli" --db "$dir/good.db" list 2>/dev/null | wc -l)" ] ||
  [ "$before" = "$(sha256sum "$dir/full.db" | cut -d' ' -f1)" ]
ok $? "a full disk: nothing of the failed batch is in it"

# a directory, and a symbolic link loop, where the file should be
mkdir "$dir/folder.db"
msg=$("$cli" --db "$dir/folder.db" list 2>&1); st=$?
echo "# a directory: list exits $st: $msg"
[ $st = 3 ] && echo "$msg" | grep -q "folder.db"; ok $? "a directory: refused (exit 3), naming it"
ln -s "$dir/loop-b.db" "$dir/loop-a.db"; ln -s "$dir/loop-a.db" "$dir/loop-b.db"
msg=$("$cli" --db "$dir/loop-a.db" list 2>&1); st=$?
echo "# a symbolic link loop: list exits $st: $msg"
[ $st = 3 ] && echo "$msg" | grep -q "loop-a.db"; ok $? "a symbolic link loop: refused (exit 3), naming it"
msg=$("$cli" --db "$dir/loop-a.db" init 2>&1); st=$?
echo "# a symbolic link loop: init exits $st: $msg"
[ $st = 3 ] && [ -L "$dir/loop-a.db" ]; ok $? "a symbolic link loop: init refuses too and leaves the links"

# a stale -wal beside an older copy of the main file: the copy is taken,
# then the file changes and is checkpointed, then it changes again and the
# program dies before the next checkpoint; its -wal lands beside the copy
cp "$dir/good.db" "$dir/stale.db"
python3 - "$dir/good.db" <<'PY'
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA wal_autocheckpoint=0")
def change(n):
    for i in range(n):
        con.execute("UPDATE project SET summary = ? WHERE id % 3 = ?", ("x" * 1500 + str(i), i % 3))
        con.execute("DELETE FROM project WHERE id IN (SELECT id FROM project ORDER BY id DESC LIMIT 3)")
        con.commit()
change(20)
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
change(20)
os._exit(0)   # no checkpoint: the last changes stay in good.db-wal
PY
cp "$dir/good.db-wal" "$dir/stale.db-wal"
stale_before=$(cat "$dir/stale.db" "$dir/stale.db-wal" | sha256sum)
# SQLite has no link between a -wal and its main file: when the merged pages
# form a whole database it is used as one (the data is a mix of the two
# versions); when they do not, the write is refused. Never a damaged file
# written to.
msg=$("$cli" --db "$dir/stale.db" generate --projects 1 --seed 99 2>&1); st=$?
echo "# an older main file beside a newer -wal: generate exits $st: $(echo "$msg" | head -n 1)"
if [ $st = 0 ]; then
  "$cli" --db "$dir/stale.db" check-db >/dev/null 2>&1
else
  [ $st = 3 ] && echo "$msg" | grep -q "is damaged"
fi
ok $? "an older main file beside a newer -wal: refused as damaged, or whole after the write"
if [ $st != 0 ]; then
  [ "$(cat "$dir/stale.db" "$dir/stale.db-wal" | sha256sum)" = "$stale_before" ]
  ok $? "an older main file beside a newer -wal: refused, the file and its -wal are unchanged"
fi


echo "1..$n"
exit $failed

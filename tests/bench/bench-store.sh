#!/bin/sh
# bench-store.sh CLI BENCH OUTDIR — the store's benchmark (meson benchmark "store").
#
# Builds portfolios of 2 500 and 10 000 projects with `hankesalkku-cli generate`
# (timed), then times the workloads of bench-store in-process on both, and
# the same aggregate SQL in the sqlite3 shell on the same file, and prints a
# table with the ratios. The growth column compares 10 000 with 2 500
# projects: 4.0 means linear.
set -eu
cli=$1; bench=$2; out=$3
mkdir -p "$out"
export LANGUAGE=en

now_ms() { date +%s%3N; }

for n in 2500 10000; do
  db="$out/bench-$n.db"
  # made again by a newer tool: an older one's file may need an upgrade
  # that a read-only benchmark cannot make
  if [ ! -f "$db" ] || [ "$db" -ot "$cli" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    "$cli" --db "$db" init >/dev/null
    start=$(now_ms)
    "$cli" --db "$db" generate --projects "$n" --seed 1 >/dev/null
    end=$(now_ms)
    echo "generate --projects $n: $((end - start)) ms (one transaction)"
  fi
done

"$bench" "$out/bench-2500.db" 15 > "$out/small.tsv"
"$bench" "$out/bench-10000.db" 15 > "$out/large.tsv"

# The same aggregates in the sqlite3 shell, on the same file: the floor of
# what SQLite itself takes for these queries.
sql_time() {
  printf '.timer on\n%s\n' "$2" | sqlite3 -readonly "$1" 2>&1 | grep 'Run Time' | tail -n 1 |
    sed -n 's/.*real \([0-9.]*\).*/\1/p' | awk '{ printf "%.2f", $1 * 1000 }'
}
sql_best() {
  best=""
  for i in 1 2 3 4 5; do
    t=$(sql_time "$1" "$2")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}
. "$(dirname "$0")/bench-sql.sh"

printf '\n%-32s %12s %12s %10s %14s %8s\n' "workload (10 000 projects)" "median ms" "min ms" "growth" "sqlite3 ms" "ratio"
while IFS="$(printf '\t')" read -r name median min rows; do
  small=$(awk -F '\t' -v n="$name" '$1 == n { print $2 }' "$out/small.tsv")
  growth=$(awk -v a="$median" -v b="$small" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
  sql=$(bench_sql_for "$name")
  if [ -n "$sql" ]; then
    floor=$(sql_best "$out/bench-10000.db" "$sql")
    ratio=$(awk -v a="$median" -v b="$floor" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
  else
    floor="-"; ratio="-"
  fi
  printf '%-32s %12s %12s %10s %14s %8s\n' "$name" "$median" "$min" "$growth" "$floor" "$ratio"
done < "$out/large.tsv"

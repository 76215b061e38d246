#!/bin/sh
# bench-charts.sh CLI BENCH OUTDIR — the charts' benchmark (meson benchmark "charts").
#
# Makes (once) the 10 000-project portfolio with `hankesalkku-cli generate
# --projects 10000 --seed 1` and times every chart and the report on it; if
# the database cannot be made, bench-charts uses the same generator in memory.
set -u
cli=$1; bench=$2; out=$3
mkdir -p "$out"
db="$out/bench-charts-10000.db"
if [ ! -f "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  if ! { "$cli" --db "$db" init >/dev/null && "$cli" --db "$db" generate --projects 10000 --seed 1 >/dev/null; }; then
    rm -f "$db" "$db-wal" "$db-shm"
    db=""
  fi
fi
exec "$bench" "$db" 20

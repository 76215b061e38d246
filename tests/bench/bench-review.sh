#!/bin/sh
# bench-review.sh BENCH-REVIEW OUTDIR — the Review page's benchmark (meson benchmark "review"):
# a call of 500 applications with 3 reviewers each (built once in OUTDIR), run
# under a virtual X server when there is no display.
set -eu
bench=$1; out=$2
mkdir -p "$out"
# a fresh database, so that the changed score moves its application
rm -f "$out/bench-review-500.db" "$out/bench-review-500.db-wal" "$out/bench-review-500.db-shm"
export GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory LANGUAGE=en
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$bench" "$out" 500
fi
exec "$bench" "$out" 500

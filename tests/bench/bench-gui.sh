#!/bin/sh
# bench-gui.sh CLI BENCH-GUI OUTDIR — the window's benchmark (meson benchmark "gui").
# Uses (or first builds) the same 10 000-project portfolio as the store's
# benchmark, and runs bench-gui under a virtual X server when there is no display.
set -eu
cli=$1; bench=$2; out=$3
mkdir -p "$out"
db="$out/bench-10000.db"
if [ ! -f "$db" ]; then
  "$cli" --db "$db" init >/dev/null
  "$cli" --db "$db" generate --projects 10000 --seed 1 >/dev/null
fi
export GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory LANGUAGE=en
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$bench" "$db"
fi
exec "$bench" "$db"

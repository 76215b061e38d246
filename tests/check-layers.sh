#!/bin/sh
# The layers of DESIGN.md §2, checked on the sources: the build's dependency
# lists already keep GTK, libxml2 and cairo headers away from the layers
# that must not see them; this catches what sits on the default include
# path (sqlite3.h) and any include that slips through.
set -u
src=${1:?usage: check-layers.sh SRC_DIR}
fail=0

forbid() {
  layer=$1; shift
  for pattern in "$@"; do
    hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]$pattern" "$src/$layer" 2>/dev/null)
    if [ -n "$hits" ]; then
      echo "src/$layer must not include $pattern:"
      echo "$hits"
      fail=1
    fi
  done
}

forbid core     'gtk/' 'gdk/' 'adwaita' 'sqlite3' 'libxml/' 'cairo' 'pango' 'xlsxwriter'
forbid store    'gtk/' 'gdk/' 'adwaita' 'libxml/' 'cairo' 'pango'
forbid exchange 'gtk/' 'gdk/' 'adwaita' 'sqlite3' 'cairo' 'pango'
forbid charts   'gtk/' 'gdk/' 'adwaita' 'sqlite3' 'libxml/'
forbid cli      'gtk/' 'gdk/' 'adwaita'

if [ $fail -ne 0 ]; then
  exit 1
fi
echo "layers: all includes respect DESIGN.md §2"

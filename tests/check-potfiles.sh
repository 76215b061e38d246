#!/bin/sh
# Every source file with translatable strings must be listed in po/POTFILES.in,
# or its strings never reach the translators.
set -u
root=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$root" || exit 1
fail=0
for f in $(grep -lE '(\b_|\bN_|\bC_|\bNC_)\(|g_dngettext|translatable="yes"' src/*/*.c ui/*.ui ui/gtk/*.ui 2>/dev/null); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "po/POTFILES.in does not list $f"
    fail=1
  fi
done
for f in $(grep -vE '^(#|$)' po/POTFILES.in); do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; fail=1; }
done
[ $fail -eq 0 ] && echo "POTFILES.in lists every file with translatable strings"
exit $fail

#!/bin/sh
# Every screenshot of the AppStream metadata is a file of this repository
# (its raw URL on the project's main branch) of the size the metadata says.
set -eu
root=${1:?usage: check-screenshots.sh SOURCE_ROOT}
cd "$root"
base=https://raw.githubusercontent.com/hankesalkku/hankesalkku/main/
fail=0
n=0
images=$(mktemp)
trap 'rm -f "$images"' EXIT
grep -o '<image[^>]*>[^<]*</image>' data/io.github.hankesalkku.Hankesalkku.metainfo.xml.in >"$images" || true
while IFS= read -r line; do
  url=$(printf '%s' "$line" | sed 's/.*>\([^<]*\)<.*/\1/')
  n=$((n + 1))
  case $url in
    "$base"*) path=${url#"$base"} ;;
    *) echo "$url is not a file of this repository"; fail=1; continue ;;
  esac
  if [ ! -f "$path" ]; then
    echo "$url: $path does not exist"; fail=1; continue
  fi
  width=$(printf '%s' "$line" | sed -n 's/.*width="\([0-9]*\)".*/\1/p')
  height=$(printf '%s' "$line" | sed -n 's/.*height="\([0-9]*\)".*/\1/p')
  # a PNG's width and height are the big-endian words at bytes 16 and 20
  size=$(od -An -tu1 -j16 -N8 "$path" | awk '{ printf "%d %d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
  if [ -n "$width" ] && [ "$size" != "$width $height" ]; then
    echo "$path is $size, the metadata says $width $height"; fail=1; continue
  fi
  echo "$path: $size"
done <"$images"
[ $n -gt 0 ] || { echo "the metadata has no screenshot"; fail=1; }
exit $fail

#!/bin/sh
# The file type of the native format, as the file manager sees it: a private
# MIME database made of the system's and ours, asked through GIO.
set -eu
mime_xml=${1:?usage: check-mime.sh MIME_XML HANKESALKKU_CLI}
cli=${2:?usage: check-mime.sh MIME_XML HANKESALKKU_CLI}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/share/mime/packages" "$tmp/home"
xmllint --noout "$mime_xml"
cp "$mime_xml" "$tmp/share/mime/packages/"
system=""
for dir in $(printf '%s' "${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" | tr ':' ' '); do
  if [ -f "$dir/mime/packages/freedesktop.org.xml" ]; then
    system="$dir/mime/packages/freedesktop.org.xml"
    break
  fi
done
[ -n "$system" ] && cp "$system" "$tmp/share/mime/packages/"
update-mime-database "$tmp/share/mime" >/dev/null 2>&1

"$cli" --db "$tmp/demo.db" init --demo >/dev/null
"$cli" --db "$tmp/demo.db" export --format xml -o "$tmp/demo.hankesalkku.xml" >/dev/null
cp "$tmp/demo.hankesalkku.xml" "$tmp/portfolio-export"
printf '<?xml version="1.0"?>\n<notes>not a portfolio</notes>\n' >"$tmp/notes"

fail=0
expect() {
  got=$(XDG_DATA_DIRS="$tmp/share" XDG_DATA_HOME="$tmp/home" \
        gio info -a standard::content-type "$tmp/$1" | sed -n 's/.*standard::content-type: //p')
  if [ "$got" = "$2" ]; then
    echo "$1: $got"
  else
    echo "$1: $got, expected $2"
    fail=1
  fi
}
expect demo.hankesalkku.xml application/vnd.hankesalkku+xml
expect portfolio-export application/vnd.hankesalkku+xml
[ -n "$system" ] && expect notes application/xml
exit $fail

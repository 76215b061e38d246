#!/bin/sh
# Compiles po/*.po into LOCALEDIR/<lang>/LC_MESSAGES/hankesalkku.mo inside the
# build tree, so that the application and the tests run from the build
# directory speak the user's language (HANKESALKKU_LOCALEDIR).
set -eu
srcdir=$1; outdir=$2; stamp=$3
for po in "$srcdir"/*.po; do
  lang=$(basename "$po" .po)
  mkdir -p "$outdir/$lang/LC_MESSAGES"
  msgfmt --check -o "$outdir/$lang/LC_MESSAGES/hankesalkku.mo" "$po"
done
touch "$stamp"

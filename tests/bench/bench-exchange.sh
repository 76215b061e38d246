#!/bin/sh
# bench-exchange.sh CLI XSD OUTDIR — the exchange benchmark (meson benchmark "exchange").
#
# With generated portfolios of 2 500 and 10 000 projects: export to the
# native format and import it back into an empty database, beside
# libxml2's own floor on the same file in the same run (xmllint --format
# for writing, xmllint --stream --schema for reading). "inserts" is the
# store's own time for the same projects (generate = one save_projects),
# "preview" the import without saving (--dry-run), "validate" our
# streaming read with schema and rules. Peak RSS from GNU time.
# Targets: export <= xmllint --format; import <= 2 x (stream+schema) +
# inserts; import and validate memory flat in the file size.
set -eu
cli=$1; xsd=$2; out=$3
mkdir -p "$out"
export LANGUAGE=en LC_ALL=C.UTF-8

run() {  # prints "seconds peak_kb"
  /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1
}

printf '%-8s %-34s %10s %10s\n' projects workload seconds "peak MB"
for n in 2500 10000; do
  db="$out/exchange-$n.db"
  rm -f "$db" "$db-wal" "$db-shm"
  "$cli" --db "$db" init >/dev/null
  set -- $(run "$cli" --db "$db" generate --projects "$n" --seed 1)
  inserts=$1
  printf '%-8s %-34s %10s %10s\n' "$n" "inserts (generate)" "$1" "$(($2 / 1024))"

  xml="$out/exchange-$n.xml"
  set -- $(run "$cli" --db "$db" export -o "$xml"); export_s=$1
  printf '%-8s %-34s %10s %10s\n' "$n" "export --format xml" "$1" "$(($2 / 1024))"
  set -- $(run xmllint --format "$xml" -o "$out/formatted.xml"); format_s=$1
  printf '%-8s %-34s %10s %10s\n' "$n" "xmllint --format (floor)" "$1" "$(($2 / 1024))"
  set -- $(run xmllint --noout --stream --schema "$xsd" "$xml"); stream_s=$1
  printf '%-8s %-34s %10s %10s\n' "$n" "xmllint --stream --schema (floor)" "$1" "$(($2 / 1024))"
  set -- $(run "$cli" validate "$xml")
  printf '%-8s %-34s %10s %10s\n' "$n" "validate (schema + rules)" "$1" "$(($2 / 1024))"

  empty="$out/exchange-empty-$n.db"
  rm -f "$empty" "$empty-wal" "$empty-shm"
  "$cli" --db "$empty" init >/dev/null
  set -- $(run "$cli" --db "$empty" import --dry-run "$xml")
  printf '%-8s %-34s %10s %10s\n' "$n" "import --dry-run (preview)" "$1" "$(($2 / 1024))"
  set -- $(run "$cli" --db "$empty" import "$xml"); import_s=$1
  printf '%-8s %-34s %10s %10s\n' "$n" "import into an empty database" "$1" "$(($2 / 1024))"

  "$cli" --db "$empty" export -o "$out/again-$n.xml" 2>/dev/null
  if cmp -s "$xml" "$out/again-$n.xml"; then same=yes; else same=NO; fi
  ls -l "$xml" | awk -v n="$n" '{ printf "%-8s %-34s %10.1f MB\n", n, "file size", $5 / 1048576 }'
  awk -v e="$export_s" -v f="$format_s" -v i="$import_s" -v s="$stream_s" -v ins="$inserts" -v n="$n" -v same="$same" 'BEGIN {
    printf "%-8s export / xmllint --format = %.2f (target <= 1)\n", n, (f > 0 ? e / f : 0)
    printf "%-8s import / (2 x stream+schema + inserts) = %.2f (target <= 1); import / (stream+schema + inserts) = %.2f\n", n, i / (2 * s + ins), i / (s + ins)
    printf "%-8s export -> import -> export byte-identical: %s\n", n, same
  }'
done
rm -f "$out/formatted.xml"

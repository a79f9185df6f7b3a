#!/bin/sh
# Writes APP/lib/app/orderlift-cli.jsa, the application class-data archive that bin/orderlift-cli
# maps at start (-XX:SharedArchiveFile in its launcher options): the classes a `recommend` loads,
# already parsed and verified, so a command starts in about half the time (docs/benchmarks.md).
#
#   sh class-data-archive.sh [APP]   (APP: the installed application, /opt/orderlift; by default the
#                                     one this script is in, as lib/app/class-data-archive.sh)
#
# Java 17 maps such an archive only where its jars lie where they lay when it was written, so the
# build writes one for the app-image in place and the .deb's postinst writes one after installing.
# A launcher whose archive is missing or does not match starts as it would without one.
# It trains on a small store it makes up, in a temporary folder it removes; it needs only sh and awk.
set -eu
app=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
lib="$app/lib/app"
java="$app/lib/runtime/bin/java"
cfg="$lib/orderlift-cli.cfg"
archive="$lib/orderlift-cli.jsa"
[ -x "$java" ] && [ -f "$cfg" ] || { echo "class-data-archive: no Orderlift application in $app" >&2; exit 1; }

# the launcher's own class path, in its order (an archive is mapped only for the same class path), and
# its options but the archive's own
classpath=$(sed -n 's|^app\.classpath=\$APPDIR|'"$lib"'|p' "$cfg" | paste -sd: -)
options=$(sed -n 's|^java-options=||p' "$cfg" | grep -v -e SharedArchiveFile -e '^-Xlog:cds' | tr '\n' ' ')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 600 orders of 2-4 items over 24 products in 4 categories, 150 returning customers
awk 'BEGIN {
    print "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price"
    seed = 7
    for (o = 1; o <= 600; o++) {
        day = 1 + int((o - 1) / 20)
        items = 2 + o % 3
        for (i = 0; i < items; i++) {
            seed = (seed * 1103515245 + 12345) % 2147483648
            p = (o * 7 + i * 5 + int(seed / 65536)) % 24
            printf "T%04d,C%03d,2025-%02d-%02dT10:00:00Z,SKU-%02d,Product %d,Category %d,1,%d.00\n",
                o, o % 150, 1 + int((day - 1) / 28), 1 + (day - 1) % 28, p, p, p % 4, 5 + p * 7
        }
    }
}' > "$work/orders.csv"

export ORDERLIFT_HOME="$work/home"
# shellcheck disable=SC2086 # the options are separate words
"$java" $options -cp "$classpath" io.orderlift.Main import --store "$work/store" --input "$work/orders.csv" > /dev/null
# shellcheck disable=SC2086
"$java" $options -cp "$classpath" io.orderlift.Main mine --store "$work/store" > /dev/null
# shellcheck disable=SC2086
"$java" $options -XX:ArchiveClassesAtExit="$work/orderlift-cli.jsa" -cp "$classpath" io.orderlift.Main \
    recommend --store "$work/store" --placement cart --items SKU-01,SKU-02 --limit 3 > /dev/null 2>&1
chmod 644 "$work/orderlift-cli.jsa"
mv -f "$work/orderlift-cli.jsa" "$archive"
echo "class-data-archive: wrote $archive"

#!/usr/bin/env bash
# docs/scale.md's measurements: the Spark job in local[2] against the embedded miner, on the wholesale
# sample store and on a 10 M-line store of the same shape, each in a fresh JVM.
#   bash src/test/scripts/spark-benchmark.sh
# Needs: a JDK 17, Maven, GNU time (/usr/bin/time, Debian package `time`); about 15 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -Pspark -DskipTests package
jar=target/orderlift.jar
options=$(sed -n 's#.*<spark.java.options>\(.*\)</spark.java.options>.*#\1#p' pom.xml)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=timing.sh
source src/test/scripts/timing.sh
job() { # input, output
    # shellcheck disable=SC2086
    timed "Spark job $1" java $options -cp "target/orderlift-spark.jar:$(cat target/spark-classpath.txt)" \
        io.orderlift.spark.MineJob --input "$1" --output "$2" --master 'local[2]' --shuffle-partitions 8
    grep -E '"(orders|pairs)"' "$work/out.txt"
}
java -cp $jar io.orderlift.samples.SampleStores --store wholesale --target-lines 10000000 --out "$work/big" > /dev/null
for input in sample-stores/wholesale/orders.csv.gz "$work/big/wholesale/orders.csv.gz"; do
    name=$(basename "$(dirname "$(dirname "$input")")")-$(basename "$(dirname "$input")")
    store=$work/$name-store
    echo "== $input"
    java -jar $jar import --store "$store" --input "$input" > /dev/null
    timed "embedded mine" java -jar $jar mine --store "$store" --keep-profile
    grep -o 'stored in.*' "$work/out.txt"
    job "$input" "$work/$name-pairs"
    timed "import-pairs" java -jar $jar import-pairs --store "$store" --input "$work/$name-pairs" --keep-profile
done

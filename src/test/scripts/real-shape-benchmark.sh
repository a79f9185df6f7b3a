#!/usr/bin/env bash
# The real-shape budgets of docs/benchmarks.md, each command in a fresh JVM as a user runs it, on the
# wholesale sample store (and, with --ten-million, on a 10 M-line store of the same shape).
#   bash src/test/scripts/real-shape-benchmark.sh [--ten-million]
# Needs: a JDK 17, Maven, GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -DskipTests package
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test
jar=target/orderlift.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=timing.sh
source src/test/scripts/timing.sh
orders=sample-stores/wholesale/orders.csv.gz
store=$work/wholesale
top50=$(zcat "$orders" | awk -F, 'NR > 1 {print $4}' | sort | uniq -c | sort -k1,1nr -k2 | awk 'NR <= 50' \
    | awk '{print $2}' | paste -sd,)

echo "== wholesale ($orders)"
timed "import (cold JVM)" java -jar $jar import --store "$store" --input "$orders"
for run in 1 2 3; do
    timed "mine, run $run" java -jar $jar mine --store "$store" --keep-profile
    grep -o 'stored in.*' "$work/out.txt"
done
java -cp "$jar:target/test-classes:$(cat target/test-classpath.txt)" io.orderlift.bench.DuckDbSelfJoin "$orders"
for run in 1 2 3; do
    timed "recommend, 1 item, run $run" java -jar $jar recommend --store "$store" --placement cart --items WHS-10428
    timed "recommend, 50-item cart, run $run" java -jar $jar recommend --store "$store" --placement cart \
        --items "$top50"
done
java -cp "$jar:target/test-classes" io.orderlift.bench.RecommendLatency "$store" 50 20000
for run in 1 2 3; do
    timed "publish, run $run" java -jar $jar publish --store "$store" --out "$work/wholesale.json"
    echo "rule set: $(stat -c %s "$work/wholesale.json") bytes, $(gzip -c "$work/wholesale.json" | wc -c) gzipped"
done
timed "check-ruleset" java -jar $jar check-ruleset "$work/wholesale.json"
for run in 1 2; do
    timed "backtest, run $run" java -jar $jar backtest --store "$store"
done

if [[ "${1:-}" == "--ten-million" ]]; then
    echo "== 10 M lines of the same shape"
    java -cp $jar io.orderlift.samples.SampleStores --store wholesale --target-lines 10000000 --out "$work/big"
    timed "import 10M (cold JVM)" java -jar $jar import --store "$work/big-store" \
        --input "$work/big/wholesale/orders.csv.gz"
    for run in 1 2; do
        timed "mine 10M, run $run" java -jar $jar mine --store "$work/big-store" --keep-profile
        grep -o 'stored in.*' "$work/out.txt"
    done
    java -cp "$jar:target/test-classes:$(cat target/test-classpath.txt)" io.orderlift.bench.DuckDbSelfJoin \
        "$work/big/wholesale/orders.csv.gz"
fi

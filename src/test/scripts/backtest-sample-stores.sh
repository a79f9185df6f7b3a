#!/usr/bin/env bash
# docs/measuring.md's table: every sample store imported into a fresh store, mined (its first mining
# chooses the default profile on the validation periods), then `backtest --json`; prints the chosen
# settings and, per placement, the table's row: popularity against the chosen profile on the test period.
#   bash src/test/scripts/backtest-sample-stores.sh [STORE ...]   (default: all of them)
# STORE may also be dtc or marketplace: the long-tail probe stores of "Stores of another shape",
# written by long-tail-store.py first (not in the default list).
# Needs: a JDK 17, Maven, python3.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# shellcheck source=jar-and-workdir.sh
source src/test/scripts/jar-and-workdir.sh
stores=("$@")
[ ${#stores[@]} -gt 0 ] || stores=(outdoor kitchen beauty beauty-shopify wholesale)
for name in "${stores[@]}"; do
    case $name in
        beauty-shopify) input=sample-stores/beauty/shopify-orders-export.csv ;;
        wholesale) input=sample-stores/wholesale/orders.csv.gz ;;
        dtc|marketplace) input=$work/$name.csv
                         python3 src/test/scripts/long-tail-store.py --shape "$name" > "$input" ;;
        *) input=sample-stores/$name/orders.csv ;;
    esac
    java -jar $jar import --store "$work/$name" --input "$input" > /dev/null
    java -jar $jar mine --store "$work/$name" > /dev/null
    java -jar $jar backtest --store "$work/$name" --json > "$work/$name.json"
    python3 - "$name" "$work/$name.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
report = json.load(open(path))
p = report["chosenProfile"]
print(f"== {name}: w {p['priceWeight']}, m {p['smoothing']}, {p['estimator']}, min evidence {p['minEvidence']}, "
      f"lift floor {p['minLift']}, backoff {p['backoffBelowOrders']}, cart ceiling {p['maxPriceRatio']}x, "
      f"one tap {p['oneTapMaxPrice']} / "
      f"{p['oneTapMaxShare']}x, confirmation {p['confirmationEvidence']} ({report['durationMs'] / 1000:.1f} s)")
loo = {r["policy"]: r for r in report["leaveOneOut"]}
if loo["chosen"]["orders"]:
    print(f"   leave-one-out cart RPI: chosen {loo['chosen']['rpi']:.3f} vs popularity {loo['popularity']['rpi']:.3f}"
          f" ({loo['chosen']['rpi'] / loo['popularity']['rpi']:.2f}x)")
money = lambda v: f"{v:.3f}" if v < 1 else f"{v:.2f}"
for placement, rows in report["placements"].items():
    by = {r["policy"]: r for r in rows}
    pop, chosen = by["popularity"], by["chosen"]
    if chosen["orders"] == 0:
        print(f"| {name}, {placement} | not measurable: no test order of a known customer with a complete window |")
        continue
    if chosen["hits"] == 0 and pop["hits"] == 0:
        print(f"| {name}, {placement} | not measurable: nothing either list offered was bought |")
        continue
    ratio = lambda key: chosen[key] / pop[key] if pop[key] else float("nan")
    versus = report["chosen"][placement]["versusPopularity"]
    interval = f" [{versus['low']:.2f}, {versus['high']:.2f}]" if versus else ""
    print(f"| {name}, {placement} | {money(pop['rpi'])} ({100 * pop['hitRate']:.2f} %) "
          f"| {money(by['popularity+rules']['rpi'])} "
          f"| **{money(chosen['rpi'])}** [{money(chosen['rpiLow'])}, {money(chosen['rpiHigh'])}] ({100 * chosen['hitRate']:.2f} %) "
          f"| **{ratio('rpi'):.2f}×**{interval}, {ratio('hitRate'):.2f}× "
          f"| {100 * chosen['aovLift']:.1f} % vs {100 * pop['aovLift']:.1f} % "
          f"| {chosen['impressions']:,} vs {pop['impressions']:,} "
          f"| {money(by['no price ceiling']['rpi'])} | {money(by['no category cap']['rpi'])} |")
    own = by["no category backoff"]
    if p["backoffBelowOrders"] > 0:
        print(f"   {placement} without the category backoff: RPI {money(own['rpi'])} (AOV lift {100 * own['aovLift']:.1f} %,"
              f" {own['impressions']:,} impressions)")
PY
done

#!/usr/bin/env bash
# docs/benchmarks.md, "Other real shapes": two histories whose shape the sample stores do not have,
# each imported, mined twice (the first mining also chooses the default profile), backtested and
# published, every command in a fresh JVM as a user runs it.
#   - no list prices: the wholesale sample store without its list_price and cost columns, as the
#     Online Retail II export comes (every price is the median of the product's sold lines);
#   - a consumer catalog: 99,000 orders of 1.16 items on average over about 22,000 SKUs of 73
#     categories, 97 % of customers buying once, two years (the shape of a marketplace like Olist),
#     generated here with a fixed seed;
#   - a grocery catalog: 879,332 orders of nine items on average over about 50,000 SKUs, 41,200
#     customers each ordering every few days to four weeks for the rest of a year (the shape of
#     Instacart's published orders, a fifth of its size), generated here with a fixed seed.
#   bash src/test/scripts/catalog-shapes-benchmark.sh          (about 12 minutes)
# Needs: a JDK 17, Maven, python3, GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/../../.."
# shellcheck source=jar-and-workdir.sh
source src/test/scripts/jar-and-workdir.sh
# shellcheck source=timing.sh
source src/test/scripts/timing.sh

zcat sample-stores/wholesale/orders.csv.gz | cut -d, -f1-8 > "$work/no-list-prices.csv"
python3 - "$work/consumer-catalog.csv" <<'PY'
import bisect, datetime, math, random, sys
random.seed(5)
products, categories = 33_000, 73
catalog = []
for i in range(products):
    category = min(categories - 1, int(random.paretovariate(1.2)) - 1) if random.random() < 0.5 \
        else random.randrange(categories)
    catalog.append((f"P{i:06d}", f"category {category}", round(math.exp(random.gauss(4.2, 0.9)), 2)))
cumulative, total = [], 0.0
for i in range(products):  # Zipf-like popularity
    total += 1 / (i + 1) ** 0.9
    cumulative.append(total)
pick = lambda: bisect.bisect(cumulative, random.random() * total)
start = datetime.datetime(2016, 10, 1)
with open(sys.argv[1], "w") as out:
    out.write("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n")
    customers = 0
    for order in range(1, 99_001):
        if random.random() < 0.97 or customers == 0:
            customers += 1
            customer = customers
        else:
            customer = random.randint(1, customers)
        at = start + datetime.timedelta(seconds=random.randint(0, 700 * 86_400))
        size = 1 if random.random() < 0.9 else random.choice([2, 2, 2, 3, 4])
        first = pick()
        items = {first}
        while len(items) < size:
            items.add(pick() if random.random() < 0.5 else min(products - 1, max(0, first + random.randint(-30, 30))))
        for item in items:
            sku, category, price = catalog[item]
            quantity = 1 if random.random() < 0.9 else 2
            out.write(f"O{order},C{customer},{at.isoformat()}Z,{sku},Item {sku},{category},{quantity},{price}\n")
PY

python3 - "$work/grocery.csv" <<'PY'
import bisect, datetime, math, random, sys
random.seed(7)
products, aisles = 49_700, 134
catalog = [(f"G{i:05d}", f"aisle {random.randrange(aisles)}", round(math.exp(random.gauss(1.3, 0.7)), 2))
           for i in range(products)]
cumulative, total = [], 0.0
for i in range(products):  # Zipf popularity
    total += 1 / (i + 1)
    cumulative.append(total)
pick = lambda: bisect.bisect(cumulative, random.random() * total)
start = datetime.datetime(2017, 1, 1)
end = start + datetime.timedelta(days=365)
order = 0
with open(sys.argv[1], "w") as out:
    out.write("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n")
    for customer in range(1, 41_201):
        staples = list({pick() for _ in range(random.randint(8, 40))})  # what this household buys again
        at = start + datetime.timedelta(seconds=random.randint(0, 300 * 86_400))
        gap = random.uniform(4, 25)
        for _ in range(100):
            if at >= end:
                break
            order += 1
            size = max(1, min(120, int(random.lognormvariate(2.0, 0.7))))
            items = set()
            while len(items) < size:
                items.add(random.choice(staples) if random.random() < 0.6 else pick())
            for item in items:
                sku, aisle, price = catalog[item]
                quantity = 1 if random.random() < 0.8 else random.randint(2, 4)
                out.write(f"O{order},C{customer},{at.isoformat()}Z,{sku},Item {sku},{aisle},{quantity},{price}\n")
            at += datetime.timedelta(seconds=int(min(30, random.expovariate(1 / gap)) * 86_400) + 3_600)
PY

for shape in no-list-prices consumer-catalog grocery; do
    store=$work/$shape
    echo "== $shape ($(($(wc -l < "$work/$shape.csv") - 1)) lines)"
    timed "import" java -jar $jar import --store "$store" --input "$work/$shape.csv"
    head -1 "$work/out.txt"
    timed "first mine (chooses the default profile)" java -jar $jar mine --store "$store"
    grep -o 'stored in.*' "$work/out.txt"
    grep -o 'sequential replay).*' "$work/out.txt"
    timed "mine again" java -jar $jar mine --store "$store" --keep-profile
    grep -o 'stored in.*' "$work/out.txt"
    timed "backtest" java -jar $jar backtest --store "$store"
    grep '^On this store' "$work/out.txt"
    grep '^Warning' "$work/out.txt" || true
    grep -o '^Chosen: [^(]*' "$work/out.txt"
    timed "publish" java -jar $jar publish --store "$store" --out "$work/$shape.json"
    head -1 "$work/out.txt"
done

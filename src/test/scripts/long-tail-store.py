#!/usr/bin/env python3
"""A long-tail order history of another shape than the sample stores', for probing the backtest.

The sample stores' generator plants companions by category (a tent's stakes are in Camping); this one
does not: each product has three companions drawn at random from the whole catalog, so a category says
nothing about what sells beside a product. Most orders hold one item, many are guest orders, and few
customers come back: the shape of a small direct-to-consumer shop or a marketplace, where most products
are in a handful of orders. Prices are log-normal and independent of popularity and of companionship.

    python3 src/test/scripts/long-tail-store.py --shape dtc > dtc.csv
    python3 src/test/scripts/long-tail-store.py --shape marketplace > marketplace.csv

docs/measuring.md ("Stores of another shape") gives what the backtest says about both.
"""
import argparse
import csv
import datetime
import math
import random
import sys

SHAPES = {
    # products, categories, popularity exponent, orders a day, share of one-item orders, returning share
    "dtc": dict(seed=7, products=600, categories=25, zipf=0.9, single=0.70, two=0.88, three=0.95, returning=0.35),
    "marketplace": dict(seed=11, products=3000, categories=60, zipf=1.05, single=0.85, two=0.95, three=0.98,
                        returning=0.12),
}
DAYS = 540
GUEST_SHARE = 0.4
RETURN_SHARE = 0.02


def generate(shape, out):
    s = SHAPES[shape]
    rng = random.Random(s["seed"])
    categories = [f"Cat{i:02d}" for i in range(s["categories"])]
    products = []
    for i in range(s["products"]):
        category = rng.choice(categories)
        products.append((f"SKU-{i:04d}", f"Product {i} \"{category}\", size M", category,
                         round(math.exp(rng.gauss(3.3, 0.9)), 2)))
    weights = [1 / (i + 1) ** s["zipf"] for i in range(s["products"])]
    companions = {i: rng.sample(range(s["products"]), 3) for i in range(s["products"])}
    start = datetime.datetime(2024, 1, 1)
    writer = csv.writer(out)
    writer.writerow(["order_id", "customer_id", "ordered_at", "sku", "title", "category", "quantity", "unit_price"])
    customers = []
    order_id = 1000
    for day in range(DAYS):
        for _ in range(rng.randint(5, 25)):
            at = start + datetime.timedelta(days=day, seconds=rng.randint(0, 86399))
            if rng.random() < GUEST_SHARE:
                customer = ""
            elif customers and rng.random() < s["returning"]:
                customer = rng.choice(customers)
            else:
                customer = f"cust{len(customers) + 1}@example.com"
                customers.append(customer)
            r = rng.random()
            size = 1 if r < s["single"] else 2 if r < s["two"] else 3 if r < s["three"] else rng.randint(4, 12)
            first = rng.choices(range(s["products"]), weights=weights)[0]
            items = {first}
            while len(items) < size:
                if rng.random() < 0.5:
                    items.add(rng.choice(companions[rng.choice(sorted(items))]))
                else:
                    items.add(rng.choices(range(s["products"]), weights=weights)[0])
            order_id += 1
            for item in sorted(items):
                sku, title, category, price = products[item]
                quantity = 1 if rng.random() < 0.9 else rng.randint(2, 4)
                writer.writerow([f"#{order_id}", customer, at.strftime("%Y-%m-%dT%H:%M:%SZ"), sku, title, category,
                                 quantity, price])
            if rng.random() < RETURN_SHARE:
                sku, title, category, price = products[first]
                back = at + datetime.timedelta(days=3)
                writer.writerow([f"#{order_id}", customer, back.strftime("%Y-%m-%dT%H:%M:%SZ"), sku, title, category,
                                 -1, price])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=sorted(SHAPES), default="dtc")
    generate(parser.parse_args().shape, sys.stdout)

#!/usr/bin/env node
// How much of a published rule set's shelf space its few most recommended companions take: every
// product of the rule set alone in a cart (and as a one-item order on the confirmation page), answered
// by the storefront package's evaluator, each list weighted by how many orders its anchor was in (the
// lists shoppers would see most). Prints, per placement, the anchors that get a list (and the share of
// the anchors' orders they were in), the distinct companions among them, and the share of the weighted
// slots the top 1, 2 and 10 companions hold.
//
//   java -jar target/orderlift.jar publish --store STORE --out rules.json
//   node src/test/scripts/companion-concentration.mjs rules.json
import { readFileSync } from 'node:fs';
import { evaluate } from '../../main/js/storefront/index.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node src/test/scripts/companion-concentration.mjs RULESET.json');
  process.exit(2);
}
const ruleSet = JSON.parse(readFileSync(file, 'utf8'));
for (const placement of ['cart', 'confirmation']) {
  const slotsOf = new Map();
  let lists = 0;
  let slots = 0;
  let orders = 0;
  let ordersWithList = 0;
  for (const product of ruleSet.products) {
    const shown = evaluate(ruleSet, placement, [{ sku: product.sku, quantity: 1 }]).items;
    orders += product.orders;
    if (shown.length === 0) {
      continue;
    }
    lists++;
    ordersWithList += product.orders;
    for (const { sku } of shown) {
      slotsOf.set(sku, (slotsOf.get(sku) ?? 0) + product.orders);
      slots += product.orders;
    }
  }
  const ranked = [...slotsOf.values()].sort((a, b) => b - a);
  const share = (n) => `${((100 * ranked.slice(0, n).reduce((t, c) => t + c, 0)) / slots).toFixed(1)} %`;
  console.log(`${placement}: ${lists} of ${ruleSet.products.length} anchors get a list (${(100 * ordersWithList / orders)
    .toFixed(1)} % of their orders), ${slotsOf.size} distinct companions; the top 1 / 2 / 10 hold ${share(1)} /`
    + ` ${share(2)} / ${share(10)} of the order-weighted slots`);
}

// Budget check of issue 16 (a benchmark, not a test): load and parse a rule set, then answer random
// 10-item carts. Usage: node bench/latency.js RULESET.json [rounds]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluate } from '../index.js';

const [file, roundsText] = process.argv.slice(2);
const rounds = Number.parseInt(roundsText ?? '20000', 10);
const t0 = performance.now();
const ruleSet = JSON.parse(readFileSync(file, 'utf8'));
evaluate(ruleSet, 'cart', [{ sku: ruleSet.products[0].sku, quantity: 1 }]);
const loaded = performance.now() - t0;
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const popular = [...ruleSet.products].sort((a, b) => b.orders - a.orders).slice(0, 500);
const carts = Array.from({ length: 1000 }, () => Array.from({ length: 10 },
  () => ({ sku: popular[Math.floor(random() * popular.length)].sku, quantity: 1 + Math.floor(random() * 6) })));
for (let i = 0; i < 5000; i++) evaluate(ruleSet, i % 2 ? 'cart' : 'confirmation', carts[i % carts.length]);
/** Times `rounds` answers of a placement to the carts, with these options; prints the median and the 99th percentile. */
function time(placement, options, label) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    evaluate(ruleSet, placement, carts[i % carts.length], options);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${placement}, 10-item carts${label}: p50 ${times[rounds >> 1].toFixed(3)} ms,`
    + ` p99 ${times[Math.floor(rounds * 0.99)].toFixed(3)} ms`);
}
for (const placement of ['cart', 'confirmation']) time(placement, 0, '');
// what a storefront pays for saying what is out of stock: 100 of the most bought products unavailable
const unavailable = new Set(popular.slice(0, 100).map((p) => p.sku));
for (const placement of ['cart', 'confirmation']) time(placement, { unavailable }, ', 100 best sellers unavailable');
console.log(`load, parse and index ${file}: ${loaded.toFixed(0)} ms`);

// The JavaScript evaluator against the Java one: every conformance case of a rule set published from
// every sample store, and the Java evaluator's answers to 1,000 random carts and orders per store
// (fixtures written by the Java test PublishAndEvaluateTest into target/storefront-fixtures), and the
// same for 20 small random stores, profiles and curation (RandomRuleSetsTest, 40 answers each); the two
// command lines side by side on edge inputs (target/orderlift.jar, which mvn verify builds).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { RuleSetError, checkConformance, evaluate, validate } from '../index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Files the tests write (copies of a rule set with a byte order mark, re-written numbers), removed at the end. */
const scratch = mkdtempSync(join(tmpdir(), 'orderlift-check-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const fixtures = process.env.ORDERLIFT_FIXTURES ?? join(here, '../../../../../target/storefront-fixtures');
const stores = existsSync(fixtures)
  ? readdirSync(fixtures).filter((f) => f.endsWith('.ruleset.json')).map((f) => f.slice(0, -'.ruleset.json'.length))
  : [];
const ruleSet = (store) => JSON.parse(readFileSync(join(fixtures, `${store}.ruleset.json`), 'utf8'));

const isRandom = (store) => store.startsWith('random-');
const samples = stores.filter((s) => !isRandom(s));

test('fixtures of every sample store and of 20 random stores are there (run mvn verify first)', () => {
  assert.deepEqual([...samples].sort(), ['beauty', 'kitchen', 'outdoor', 'wholesale']);
  assert.equal(stores.filter(isRandom).length, 20);
});

for (const store of stores) {
  test(`${store}: every conformance case passes`, () => {
    const rules = ruleSet(store);
    assert.ok(rules.conformance.length >= 24);
    assert.deepEqual(checkConformance(rules), []);
  });

  test(`${store}: the same answers as the Java evaluator on random carts and orders`, () => {
    const rules = ruleSet(store);
    const cases = JSON.parse(readFileSync(join(fixtures, `${store}.cases.json`), 'utf8'));
    assert.ok(cases.length >= (isRandom(store) ? 40 : 1000));
    for (const [i, c] of cases.entries()) {
      // cases with SKUs the storefront knows are out of stock pass them as the options object takes them
      const answer = evaluate(rules, c.placement, c.items, c.unavailable ? { unavailable: c.unavailable } : 0);
      assert.deepEqual(answer, c.answer, `${store} case ${i}`);
    }
  });
}

test('the command line prints what orderlift evaluate --json prints, and check exits 0', () => {
  const store = samples.find((s) => s === 'wholesale') ?? samples[0];
  const file = join(fixtures, `${store}.ruleset.json`);
  const cases = JSON.parse(readFileSync(join(fixtures, `${store}.cases.json`), 'utf8'));
  const bin = join(here, '../bin/orderlift-storefront.js');
  const c = cases.find((x) => x.items.length > 10) ?? cases[0];
  const items = c.items.map((i) => `${i.sku}:${i.quantity}`).join(',');
  const out = execFileSync('node', [bin, 'evaluate', '--ruleset', file, '--placement', c.placement, '--items', items, '--json']);
  assert.deepEqual(JSON.parse(out.toString()), c.answer);
  assert.match(execFileSync('node', [bin, 'check', file]).toString(), /conformance cases pass/);
  const two = execFileSync('node', [bin, 'evaluate', '--ruleset', file, '--placement', c.placement, '--items', items,
    '--limit', '2', '--json']);
  assert.deepEqual(JSON.parse(two.toString()).items, c.answer.items.slice(0, 2));
  for (const limit of ['0', '-1', 'two']) {
    const refused = spawnSync('node', [bin, 'evaluate', '--ruleset', file, '--placement', c.placement, '--items', items,
      '--limit', limit]);
    assert.equal(refused.status, 1, `--limit ${limit}`);
    assert.equal(refused.stderr.toString(), '--limit must be at least 1\n');
  }
});

test('check gives the Java verdicts: a reformatted copy is the same rule set, a tampered one hashes as in Java', () => {
  const bin = join(here, '../bin/orderlift-storefront.js');
  const reformatted = join(fixtures, 'outdoor.reformatted.json');
  assert.match(readFileSync(reformatted, 'utf8'), /\\u00E9/, 'its characters escaped, as a reformatter writes them');
  const version = JSON.parse(readFileSync(reformatted, 'utf8')).version;
  const cases = JSON.parse(readFileSync(reformatted, 'utf8')).conformance.length;
  assert.equal(execFileSync('node', [bin, 'check', reformatted]).toString(),
    `outdoor.reformatted.json: valid rule set version ${version} of outdoor (prices in USD); ${cases} conformance cases pass.\n`);
  const withMark = join(scratch, 'outdoor.bom.json');
  writeFileSync(withMark, '\uFEFF' + readFileSync(reformatted, 'utf8'));
  assert.match(execFileSync('node', [bin, 'check', withMark]).toString(), /^outdoor.bom.json: valid rule set/,
    'a byte order mark is not content (check-ruleset reads past it too)');
  const tampered = spawnSync('node', [bin, 'check', join(fixtures, 'outdoor.tampered.json')]);
  assert.equal(tampered.status, 1);
  assert.equal(tampered.stderr.toString(), readFileSync(join(fixtures, 'outdoor.tampered.refusal.txt'), 'utf8') + '\n');
});

test('the publisher writes numbers as String(x) does: 20,000 doubles of every magnitude, bit for bit', () => {
  const lines = readFileSync(join(fixtures, 'numbers.txt'), 'utf8').trim().split('\n');
  assert.ok(lines.length > 19_000);
  const view = new DataView(new ArrayBuffer(8));
  for (const line of lines) {
    const [bits, written] = line.split(' ');
    view.setBigUint64(0, BigInt(`0x${bits}`));
    assert.equal(written, String(view.getFloat64(0)), `the double of bits ${bits}`);
  }
});

test('a published file is the text JSON.stringify writes for its values, byte for byte', () => {
  // every sample store's rule set, and one whose title holds accents and control characters
  const files = [...stores.map((s) => `${s}.ruleset.json`), 'outdoor.accented.json'];
  for (const f of files) {
    const text = readFileSync(join(fixtures, f), 'utf8');
    assert.ok(text === JSON.stringify(JSON.parse(text)), `${f} differs from JSON.stringify(JSON.parse(${f}))`);
  }
  assert.match(readFileSync(join(fixtures, 'outdoor.accented.json'), 'utf8'), /été\\u000b\\u001f"/);
});

test('a copy whose numbers jq re-wrote checks, as in Java', () => {
  const bin = join(here, '../bin/orderlift-storefront.js');
  const published = readFileSync(join(fixtures, 'outdoor.ruleset.json'), 'utf8');
  // jq 1.6 writes 1e-7 as 1e-07 and keeps 0.5 as it is; a Python or Java tool writes 548 as 548.0
  const rewritten = published.replace(/(?<=":)(\d+)(?=[,}])/g, '$1.0').replace(/(?<=":)0\.(\d)(\d+)(?=[,}])/g, '$1.$2e-01');
  assert.notEqual(rewritten, published);
  const file = join(scratch, 'outdoor.rewritten.json');
  writeFileSync(file, rewritten);
  assert.match(execFileSync('node', [bin, 'check', file]).toString(), /^outdoor.rewritten.json: valid rule set/);
});

test('the command line answers edge inputs as orderlift evaluate does: the same text, or the same refusal', () => {
  const jar = join(here, '../../../../../target/orderlift.jar');
  assert.ok(existsSync(jar), `no ${jar} (run mvn verify first)`);
  const bin = join(here, '../bin/orderlift-storefront.js');
  const file = join(fixtures, 'outdoor.ruleset.json');
  const sku = ruleSet('outdoor').products[0].sku;
  const inputs = [
    ['cart', `${sku}:0`], ['cart', `${sku}:-1`], ['cart', `${sku}:1.5`], ['cart', `${sku}:abc`],
    ['cart', `${sku}:2147483648`], ['cart', `${sku}:-2147483648`], ['cart', 'NOT-IN-THE-RULE-SET'],
    ['cart', `${sku},NOT-IN-THE-RULE-SET:2`], ['cart', ` ${sku} : 2 `], ['cart', `${sku},${sku}`],
    ['confirmation', `${sku}:3`], ['Cart', sku], ['checkout', sku],
    // a SKU holding a comma or a colon goes in double quotes, a quote in it doubled
    ['cart', `"${sku}":2`], ['cart', ` "${sku}" : 2 ,"NOT, IN:THE ""RULE"" SET"`], ['cart', `"${sku}`],
    ['cart', `"${sku}"x`], ['cart', `"${sku}":x`], ['cart', `${sku}:2,"A:B"`],
  ];
  // --unavailable: what would be recommended first, SKUs in quotes, a colon as part of a SKU, malformed lists
  const first = evaluate(ruleSet('outdoor'), 'cart', [{ sku, quantity: 1 }]).items.map((i) => i.sku);
  inputs.push(['cart', sku, first[0]], ['cart', sku, ` ${first[1]} , "${first[0]}",NOT-IN:THE-RULE-SET`],
    ['cart', sku, `"${first[0]}"x`], ['cart', sku, `"${first[0]}`], ['cart', sku, ''], ['cart', sku, sku]);
  for (const [placement, items, unavailable] of inputs) {
    const args = ['evaluate', '--ruleset', file, '--placement', placement, '--items', items, '--json'];
    if (unavailable !== undefined) args.push('--unavailable', unavailable);
    const java = spawnSync('java', ['-jar', jar, ...args]);
    const js = spawnSync('node', [bin, ...args]);
    const what = `--placement ${placement} --items '${items}'${unavailable === undefined ? '' : ` --unavailable '${unavailable}'`}`;
    assert.equal(js.status === 0, java.status === 0, `${what}: java ${java.stderr} js ${js.stderr}`);
    if (java.status === 0) {
      // the same text: Java writes its JSON as JSON.stringify(answer, null, 2) does
      assert.equal(js.stdout.toString(), java.stdout.toString(), what);
    } else {
      assert.equal(js.stderr.toString().split('\n')[0], java.stderr.toString().split('\n')[0], what);
    }
  }
});

test('a cart line of no quantity, or of a fraction, is refused as the Java evaluator refuses it', () => {
  const rules = ruleSet(samples[0]);
  const sku = rules.products[0].sku;
  for (const quantity of [0, -1, 1.5, undefined]) {
    assert.throws(() => evaluate(rules, 'cart', [{ sku, quantity }]),
      (e) => e instanceof RangeError && e.message === `quantity of ${sku} must be at least 1`, String(quantity));
  }
  assert.throws(() => evaluate(rules, 'cart', [{ sku, quantity: 2 ** 31 }]), /must be at most 2147483647/,
    'more than a Java int holds');
  assert.throws(() => evaluate(rules, 'cart', [{ quantity: 1 }]), (e) => e instanceof TypeError && e.message === 'a cart line needs a sku');
  assert.doesNotThrow(() => evaluate(rules, 'cart', [{ sku: 'NOT-IN-THE-RULE-SET', quantity: 1 }]));
});

test('unavailable SKUs: an array or a Set, the same answer; never shown, pinned or not; a string or a wrong limit refused', () => {
  const rules = ruleSet('outdoor');
  const cart = [{ sku: rules.products[0].sku, quantity: 1 }];
  const shown = evaluate(rules, 'cart', cart).items.map((i) => i.sku);
  assert.ok(shown.length >= 2, 'the best seller alone gets a list');
  const gone = shown.slice(0, 2);
  const fromArray = evaluate(rules, 'cart', cart, { unavailable: gone });
  assert.deepEqual(evaluate(rules, 'cart', cart, { limit: 0, unavailable: new Set(gone) }), fromArray);
  assert.equal(fromArray.items.length, shown.length, 'the list filled from further down');
  assert.ok(fromArray.items.every((i) => !gone.includes(i.sku)));
  assert.deepEqual(evaluate(rules, 'cart', cart, { limit: 2 }).items, evaluate(rules, 'cart', cart, 2).items);
  assert.deepEqual(evaluate(rules, 'cart', cart, {}), evaluate(rules, 'cart', cart));
  // a pin of an anchor is dropped too
  const pinned = { ...rules, pins: [{ placement: 'cart', anchor: cart[0].sku, candidates: [shown[3] ?? shown[1]] }] };
  assert.equal(evaluate(pinned, 'cart', cart).items[0].rules[0], 'pin');
  assert.ok(!evaluate(pinned, 'cart', cart, { unavailable: [shown[3] ?? shown[1]] }).items.some((i) => i.rules.includes('pin')));
  assert.throws(() => evaluate(rules, 'cart', cart, { unavailable: gone[0] }), TypeError, 'a string is not a list of SKUs');
  assert.throws(() => evaluate(rules, 'cart', cart, { limit: '2' }), TypeError);
  assert.deepEqual(evaluate(rules, 'cart', cart, null), evaluate(rules, 'cart', cart), 'null: no limit, as before');
  assert.throws(() => evaluate(rules, 'cart', cart, 'two'), TypeError);
});

test('malformed rule sets and unknown schema versions are refused with a reason', () => {
  const rules = ruleSet(samples[0]);
  assert.throws(() => validate({ ...rules, schemaVersion: 1 }), (e) => e instanceof RuleSetError && /unknown schema version 1/.test(e.message));
  assert.throws(() => validate([]), RuleSetError);
  assert.throws(() => validate({ ...rules, products: undefined }), /no products/);
  assert.throws(() => validate({ ...rules, products: [...rules.products, rules.products[0]] }), /twice/);
  const anchor = rules.anchors.find((a) => a.cart);
  const broken = { ...rules, anchors: [{ ...anchor, cart: { ...anchor.cart, c: [rules.products.length] } }] };
  assert.throws(() => validate(broken), RuleSetError);
  assert.throws(() => evaluate(rules, 'checkout', []), RangeError);
});

test('slice file names are the Java publisher\'s', async () => {
  const { sliceFileName } = await import('../index.js');
  // the same as RuleSetSlices.fileName, checked in RuleSetSlicesTest for these SKUs
  assert.equal(sliceFileName('OUT-TEN-001'), 'OUT-TEN-001.json');
  assert.equal(sliceFileName("a b/c*d!e'(f)~.é"), "a%20b%2Fc%2Ad%21e%27%28f%29%7E.%C3%A9.json");
  assert.equal(sliceFileName('..'), '%2E..json');
  // a long SKU: the start of its encoding, ~ and the FNV-1a hash of its UTF-8 bytes
  assert.equal(sliceFileName('a '.repeat(100)), 'a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a%20a~314e34339751a2f5.json');
  assert.equal(sliceFileName('緑茶ティーバッグ'.repeat(10)), '%E7%B7%91%E8%8C%B6%E3%83%86%E3%82%A3%E3%83%BC%E3%83%90%E3%83%83%E3%82%B0%E7%B7%91%E8%8C%B6%E3%83%86%E3%82%A3%E3%83%BC%E3%83%90%E3%83%83%E3%82%B0%E7%B7~a68201d9b3457799.json');
  assert.equal(sliceFileName('b'.repeat(200)), 'b'.repeat(200) + '.json');
});

test('the package is small: index.js ≤ 5 KB minified and gzipped, no dependencies', () => {
  // minified as a bundler would at the least: without its doc comments, comment lines and indentation
  const source = readFileSync(join(here, '../index.js'), 'utf8');
  const minified = source.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/^\s+/gm, '');
  const size = gzipSync(minified).length;
  assert.ok(size <= 5 * 1024, `${size} bytes minified and gzipped`);
  assert.ok(gzipSync(source).length <= 6 * 1024, 'and not much more with every comment');
  const pkg = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8'));
  assert.equal(pkg.dependencies, undefined);
});

for (const store of stores) {
  test(`${store}: the slices of a cart's items give the whole file's answer`, async () => {
    const { evaluateSlices, sliceFileName } = await import('../index.js');
    const dir = join(fixtures, `${store}.slices`);
    const header = JSON.parse(readFileSync(join(dir, 'header.json'), 'utf8'));
    const fileOf = (sku) => join(dir, 'anchors', sliceFileName(sku));
    const cases = JSON.parse(readFileSync(join(fixtures, `${store}.cases.json`), 'utf8'));
    for (const [i, c] of cases.entries()) {
      const slices = [...new Set(c.items.map((item) => item.sku))].filter((sku) => existsSync(fileOf(sku)))
        .map((sku) => JSON.parse(readFileSync(fileOf(sku), 'utf8')));
      const options = c.unavailable ? { limit: 0, unavailable: new Set(c.unavailable) } : 0;
      assert.deepEqual(evaluateSlices(header, slices, c.placement, c.items, options), c.answer, `${store} case ${i}`);
    }
    for (const f of readdirSync(join(dir, 'anchors'))) {
      assert.ok(readFileSync(join(dir, 'anchors', f)).length <= 10 * 1024, `${f} is at most 10 KB`);
    }
  });
}

// The demo shop in a real browser: Debian's Chromium driven by playwright-core (its own browser
// download does not work here). Starts `orderlift demo` on a free port with a rule set published by
// `mvn verify` (target/storefront-fixtures), adds items, watches the widget change, checks out,
// taps a one-tap offer, and checks what was recorded — then runs `orderlift abtest` on it.
// Screenshots of the cart and the confirmation page go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../../..');
const jar = path.join(root, 'target', 'orderlift.jar');
const ruleSet = path.join(root, 'target', 'storefront-fixtures', 'outdoor.ruleset.json');
const shots = path.join(root, 'target', 'screenshots');
const record = mkdtempSync(path.join(tmpdir(), 'orderlift-demo-'));

let server;
let url;
let browser;

/** Starts `orderlift demo` with these options on a free port; resolves to the process and its address. */
async function demo(...options) {
  const started = spawn('java', ['-jar', jar, 'demo', '--ruleset', ruleSet, '--port', '0', ...options],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await new Promise((resolve, reject) => {
    let out = '';
    started.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/Demo shop on (http:\/\/localhost:\d+\/)/);
      if (match) resolve(match[1]);
    });
    started.on('exit', (code) => reject(new Error(`orderlift demo exited with ${code}: ${out}`)));
  });
  return { process: started, url: address };
}

before(async () => {
  ({ process: server, url } = await demo('--record', record, '--seed', '3'));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(record, { recursive: true, force: true });
});

function events() {
  return readFileSync(path.join(record, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

/** The SKUs the cart widget shows. */
async function widget(page) {
  return page.locator('#recommendations .rec').evaluateAll((items) => items.map((i) => i.dataset.sku));
}

test('a shopper adds items, the widget follows the cart, and a one-tap offer joins the order', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.locator('#ruleset-meta').innerText(), /Rule set version \d+/);

  // a tent: the widget shows companions computed in the browser
  await page.fill('#search', 'OUT-TEN-001');
  await page.click('.card[data-sku="OUT-TEN-001"] button.add');
  await page.waitForSelector('#recommendations .rec');
  const afterTent = await widget(page);
  assert.ok(afterTent.length > 0 && !afterTent.includes('OUT-TEN-001'), `widget: ${afterTent}`);
  // the same answer as the package gives for that cart, straight from the rule set
  const expected = await page.evaluate(async () => {
    const { evaluate } = await import('/storefront/index.js');
    const rules = await (await fetch('/ruleset.json')).json();
    return evaluate(rules, 'cart', [{ sku: 'OUT-TEN-001', quantity: 1 }]).items.map((i) => i.sku);
  });
  assert.deepEqual(afterTent, expected);

  // a second item changes the cart, and the widget with it
  await page.fill('#search', 'OUT-STOVE-JET');
  await page.click('.card[data-sku="OUT-STOVE-JET"] button.add');
  await page.waitForFunction((before) => {
    const now = [...document.querySelectorAll('#recommendations .rec')].map((i) => i.dataset.sku).join(',');
    return now !== '' && now !== before;
  }, afterTent.join(','));
  const afterStove = await widget(page);
  assert.notDeepEqual(afterStove, afterTent);

  // accept a recommendation from the widget: it joins the cart
  const accepted = afterStove[0];
  await page.click(`#recommendations .rec[data-sku="${accepted}"] button`);
  await page.waitForSelector(`#cart-lines li[data-sku="${accepted}"]`);
  await page.fill('#search', '');
  await page.screenshot({ path: path.join(shots, 'demo-cart.png') });

  // check out until an order lands in the treatment arm (arms are random per order)
  let arm = 'control';
  let orders = 0;
  while (arm === 'control') {
    assert.ok(orders < 10, 'ten orders and none in the treatment arm');
    if (orders > 0) {
      await page.click('#continue');
      await page.fill('#search', 'OUT-TEN-001');
      await page.click('.card[data-sku="OUT-TEN-001"] button.add');
    }
    await page.click('#checkout');
    await page.waitForSelector('#confirmation:not([hidden])');
    arm = await page.locator('#arm').getAttribute('data-arm');
    orders++;
    if (arm === 'control') {
      assert.equal(await page.locator('#offers .offer').count(), 0, 'the control arm shows no offers');
    }
  }
  await page.waitForSelector('#offers .offer');
  // the page writes amounts in the rule set's currency ("$1,234.50"): the number is what is left
  const amount = async (selector) => Number((await page.locator(selector).innerText()).replace(/[^0-9.-]/g, ''));
  const before = await amount('#order-total');
  const offer = page.locator('#offers .offer').first();
  const offerSku = await offer.getAttribute('data-sku');
  await offer.locator('button').click();
  await page.waitForSelector('#offers .offer button.done');
  const afterTap = await amount('#order-total');
  assert.match(await page.locator('#order-total').innerText(), /^\$[0-9,]+\.[0-9]{2}$/, 'in the rule set\'s currency');
  const price = (await page.evaluate(async (sku) => (await (await fetch('/ruleset.json')).json())
    .products.find((p) => p.sku === sku).price, offerSku));
  assert.ok(Math.abs(afterTap - before - price) < 0.005, `${before} + ${price} = ${afterTap}`);
  assert.equal(await page.locator(`#order-lines li.added[data-sku="${offerSku}"]`).count(), 1);
  await page.screenshot({ path: path.join(shots, 'demo-confirmation.png') });
  assert.deepEqual(errors, []);

  // what was recorded: impressions with ids, acceptances pointing at them, one row per order
  const log = events();
  const impressions = new Map(log.filter((e) => e.type === 'impression').map((e) => [e.id, e]));
  const accepts = log.filter((e) => e.type === 'accept');
  assert.ok(impressions.size >= afterTent.length + afterStove.length);
  assert.equal(accepts.length, 2);
  for (const a of accepts) assert.ok(impressions.has(a.impressionId), `accept of an unknown impression ${a.impressionId}`);
  assert.deepEqual(accepts.map((a) => a.placement), ['cart', 'confirmation']);
  const placed = log.filter((e) => e.type === 'order');
  assert.equal(placed.length, orders);
  const csv = readFileSync(path.join(record, 'experiment.csv'), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'order_id,arm,order_value,offer_impressions,offer_accepted_value');
  assert.equal(csv.length, orders + 1);
  const last = csv.at(-1).split(',');
  assert.equal(last[1], 'treatment');
  assert.equal(Number(last[4]).toFixed(2), price.toFixed(2));
  assert.equal(Number(last[2]).toFixed(2), afterTap.toFixed(2));
});

test('the recorded experiment goes through abtest', async () => {
  // a few more orders on each arm through the same API the page uses, then the analysis
  for (let i = 0; i < 12; i++) {
    await fetch(url + 'api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: [{ sku: 'OUT-TEN-001', quantity: 1 }] }) });
  }
  const out = execFileSync('java', ['-jar', jar, 'abtest', '--input', path.join(record, 'experiment.csv'), '--json'],
    { encoding: 'utf8' });
  const report = JSON.parse(out);
  const arms = report.arms.map((a) => a.arm).sort();
  assert.deepEqual(arms, ['control', 'treatment']);
});

test('with a baseline, a popularity arm offers "customers also bought", and abtest compares the two arms', async () => {
  const baseline = path.join(root, 'target', 'storefront-fixtures', 'outdoor.popularity-arm.json');
  const recorded = mkdtempSync(path.join(tmpdir(), 'orderlift-demo-'));
  const live = await demo('--baseline', baseline, '--record', recorded, '--seed', '5', '--control-share', '0.2');
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(live.url);
    await page.waitForSelector('body[data-ready="true"]');
    // check out a tent until an order lands in the popularity arm
    let arm = '';
    for (let orders = 0; arm !== 'popularity'; orders++) {
      assert.ok(orders < 12, 'twelve orders and none in the popularity arm');
      if (orders > 0) await page.click('#continue');
      await page.fill('#search', 'OUT-TEN-001');
      await page.click('.card[data-sku="OUT-TEN-001"] button.add');
      await page.click('#checkout');
      await page.waitForSelector('#confirmation:not([hidden])');
      arm = await page.locator('#arm').getAttribute('data-arm');
    }
    assert.match(await page.locator('#arm').innerText(), /popularity group/);
    await page.waitForSelector('#offers .offer');
    const offered = await page.locator('#offers .offer').evaluateAll((items) => items.map((i) => i.dataset.sku));
    const answers = await page.evaluate(async () => {
      const { evaluate } = await import('/storefront/index.js');
      const order = [{ sku: 'OUT-TEN-001', quantity: 1 }];
      const skus = async (file) => evaluate(await (await fetch(file)).json(), 'confirmation', order).items.map((i) => i.sku);
      return { baseline: await skus('/baseline.json'), ruleSet: await skus('/ruleset.json') };
    });
    assert.deepEqual(offered, answers.baseline, 'the baseline rule set\'s offers');
    await page.screenshot({ path: path.join(shots, 'demo-popularity-arm.png') });
    assert.notDeepEqual(answers.baseline, answers.ruleSet, 'which are not the rule set\'s');
    assert.deepEqual(errors, []);

    // more orders through the page's API: offers shown in both arms, some tapped; then the analysis
    const post = async (route, body) => (await fetch(live.url + route, { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
    const arms = new Set();
    for (let i = 0; i < 40; i++) {
      const order = await post('api/orders', { items: [{ sku: 'OUT-TEN-001', quantity: 1 }] });
      arms.add(order.arm);
      if (order.arm === 'control') continue;
      const offers = order.arm === 'popularity' ? answers.baseline : answers.ruleSet;
      for (const [k, sku] of offers.entries()) {
        await post('api/impressions', { id: `${order.orderId}-${k}`, placement: 'confirmation', sku, orderId: order.orderId });
      }
      if (i % 3 === 0) await post('api/accept', { impressionId: `${order.orderId}-0` });
    }
    assert.deepEqual([...arms].sort(), ['control', 'popularity', 'treatment']);
    const report = JSON.parse(execFileSync('java', ['-jar', jar, 'abtest', '--input', path.join(recorded, 'experiment.csv'),
      '--json'], { encoding: 'utf8' }));
    assert.deepEqual(report.arms.map((a) => a.arm).sort(), ['control', 'popularity', 'treatment']);
    assert.deepEqual(report.rpiVersusPopularity.map((v) => v.arm), ['treatment']);
    assert.ok(report.rpiVersusPopularity[0].ratio > 0);
  } finally {
    live.process.kill();
    rmSync(recorded, { recursive: true, force: true });
  }
});

test('a bad request gets a reason, not a crash', async () => {
  const response = await fetch(url + 'api/accept', { method: 'POST', body: JSON.stringify({ impressionId: 'nope' }) });
  assert.equal(response.status, 400);
  assert.match((await response.json()).error, /no impression 'nope'/);
  assert.equal((await fetch(url + '../pom.xml')).status, 404);
});

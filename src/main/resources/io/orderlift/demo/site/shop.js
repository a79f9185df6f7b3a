// The demo shop: every recommendation is computed here, in the browser, by the storefront package
// (served as /storefront/index.js) from the published rule set. The server only records orders,
// impressions and acceptances, so the A/B analysis can run on what the demo saw.
import { evaluate, validate } from '/storefront/index.js';

const PAGE = 48;
const $ = (id) => document.getElementById(id);
// amounts in the rule set's currency ("$1,234.50") when it names one, else plain ("1234.50")
let money = (value) => value.toFixed(2);

let ruleSet;
const bySku = new Map();
const cart = []; // { sku, quantity } in the order added
let shownInWidget = ''; // the SKUs the widget shows, so a re-render of the same list is not a new impression
let counters = { impressions: 0, accepted: 0 };

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error ?? `${path} answered ${response.status}`);
  return answer;
}

function impressionId() {
  return globalThis.crypto?.randomUUID?.() ?? `imp-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Records one impression per shown item and returns their ids, in order. */
async function recordImpressions(placement, items, orderId) {
  const ids = items.map(() => impressionId());
  await Promise.all(items.map((item, i) => post('/api/impressions', { id: ids[i], placement, sku: item.sku, orderId })));
  counters.impressions += items.length;
  showCounters();
  return ids;
}

function showCounters() {
  $('counters').textContent = ` This visit: ${counters.impressions} recommendations shown, ${counters.accepted} accepted.`;
}

function title(sku) {
  return bySku.get(sku)?.title || sku;
}

/** "18 % of orders with Tent include it", from the strongest contributing anchor. */
function why(item) {
  const anchor = [...item.anchors].sort((a, b) => b.acceptance - a.acceptance)[0];
  if (anchor === undefined) return item.rules.includes('pin') ? 'Recommended by the merchandiser' : '';
  const share = anchor.acceptance < 0.01 ? 'Under 1 %' : `${Math.round(anchor.acceptance * 100)} %`;
  return anchor.evidence === 'follow-on'
    ? `${share} of buyers of ${title(anchor.sku)} come back for it`
    : `${share} of orders with ${title(anchor.sku)} include it`;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'onclick') node.addEventListener('click', value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function renderCatalog() {
  const query = $('search').value.trim().toLowerCase();
  const category = $('category').value;
  const matches = ruleSet.products.filter((p) => p.price !== null
    && (category === '' || p.category === category)
    && (query === '' || p.sku.toLowerCase().includes(query) || (p.title ?? '').toLowerCase().includes(query)));
  matches.sort((a, b) => b.orders - a.orders || (a.sku < b.sku ? -1 : 1));
  $('products').replaceChildren(...matches.slice(0, PAGE).map((p) => element('div', { class: 'card', 'data-sku': p.sku },
    element('div', { class: 'title', text: p.title || p.sku }),
    element('div', { class: 'sku', text: `${p.sku}${p.category ? ' · ' + p.category : ''}` }),
    element('div', { class: 'price', text: money(p.price) }),
    element('button', { class: 'add', text: 'Add to cart', onclick: () => addToCart(p.sku) }))));
  $('more').textContent = matches.length > PAGE
    ? `Showing the ${PAGE} best sellers of ${matches.length} matching products; search to find the others.` : '';
}

function addToCart(sku) {
  const line = cart.find((l) => l.sku === sku);
  if (line) line.quantity++;
  else cart.push({ sku, quantity: 1 });
  renderCart().catch(fail);
}

function changeQuantity(sku, delta) {
  const i = cart.findIndex((l) => l.sku === sku);
  cart[i].quantity += delta;
  if (cart[i].quantity <= 0) cart.splice(i, 1);
  renderCart().catch(fail);
}

async function renderCart() {
  const lines = cart.map((l) => element('li', { 'data-sku': l.sku },
    element('span', { text: title(l.sku) }),
    element('span', { class: 'qty' },
      element('button', { 'aria-label': `One less ${title(l.sku)}`, text: '−', onclick: () => changeQuantity(l.sku, -1) }),
      element('span', { text: String(l.quantity) }),
      element('button', { 'aria-label': `One more ${title(l.sku)}`, text: '+', onclick: () => changeQuantity(l.sku, 1) }),
      element('span', { class: 'price', text: money(l.quantity * bySku.get(l.sku).price) }))));
  $('cart-lines').replaceChildren(...(lines.length ? lines : [element('li', { class: 'muted', text: 'Your cart is empty.' })]));
  const answer = evaluate(ruleSet, 'cart', cart);
  $('cart-total').textContent = money(answer.cartTotal);
  $('checkout').disabled = cart.length === 0;
  const shown = answer.items.map((i) => i.sku).join(',');
  if (shown === shownInWidget) return;
  shownInWidget = shown;
  $('widget').hidden = answer.items.length === 0;
  if (answer.items.length === 0) {
    $('recommendations').replaceChildren();
    return;
  }
  // shown at once; the impressions are recorded meanwhile, and a tap waits for its impression's id
  const ids = recordImpressions('cart', answer.items);
  $('recommendations').replaceChildren(...answer.items.map((item, i) => element('li', { class: 'rec', 'data-sku': item.sku },
    element('span', { text: `${title(item.sku)} · ${money(item.price)}` }),
    element('button', { text: 'Add', onclick: async () => {
      await post('/api/accept', { impressionId: (await ids)[i] });
      counters.accepted++;
      showCounters();
      addToCart(item.sku);
    } }),
    element('span', { class: 'why', text: why(item) }))));
  await ids;
}

const ARMS = {
  control: 'A/B test: this order is in the control group, whose confirmation page shows no offers.',
  treatment: 'A/B test: this order is in the treatment group, whose confirmation page shows one-tap offers.',
  popularity: 'A/B test: this order is in the popularity group, whose one-tap offers are "customers also bought".',
};

let baselineRuleSet;

/** The baseline rule set of the popularity arm, fetched and checked the first time an order lands there. */
async function baseline() {
  baselineRuleSet ??= validate(await (await fetch('/baseline.json')).json());
  return baselineRuleSet;
}

async function checkout() {
  $('checkout').disabled = true;
  const order = await post('/api/orders', { items: cart });
  const lines = cart.map((l) => ({ ...l }));
  cart.length = 0;
  shownInWidget = '';
  $('shop').hidden = true;
  $('confirmation').hidden = false;
  $('order-id').textContent = order.orderId;
  $('order-total').textContent = money(order.value);
  $('order-lines').replaceChildren(...lines.map((l) => element('li', { 'data-sku': l.sku },
    element('span', { text: `${l.quantity} × ${title(l.sku)}` }),
    element('span', { class: 'price', text: money(l.quantity * bySku.get(l.sku).price) }))));
  $('arm').textContent = ARMS[order.arm];
  $('arm').dataset.arm = order.arm;
  $('offers').replaceChildren();
  $('offers-section').hidden = true;
  if (order.arm === 'control') return;
  const answer = evaluate(order.arm === 'popularity' ? await baseline() : ruleSet, 'confirmation', lines);
  if (answer.items.length === 0) return;
  const ids = await recordImpressions('confirmation', answer.items, order.orderId);
  $('offers-section').hidden = false;
  $('offers').replaceChildren(...answer.items.map((item, i) => {
    const button = element('button', { text: `Add for ${money(item.price)}` });
    button.addEventListener('click', async () => {
      button.disabled = true;
      const accepted = await post('/api/accept', { impressionId: ids[i] });
      counters.accepted++;
      showCounters();
      button.textContent = 'Added ✓';
      button.classList.add('done');
      $('order-total').textContent = money(accepted.orderValue);
      $('order-lines').append(element('li', { 'data-sku': item.sku, class: 'added' },
        element('span', { text: `1 × ${title(item.sku)} (added after checkout)` }),
        element('span', { class: 'price', text: money(item.price) })));
    });
    return element('li', { class: 'offer', 'data-sku': item.sku },
      element('span', { text: `${title(item.sku)} · ${money(item.price)}` }), button,
      element('span', { class: 'why', text: why(item) }));
  }));
}

function continueShopping() {
  $('confirmation').hidden = true;
  $('shop').hidden = false;
  renderCart().catch(fail);
}

async function start() {
  ruleSet = validate(await (await fetch('/ruleset.json')).json());
  if (ruleSet.currency) {
    const inCurrency = new Intl.NumberFormat('en-US', { style: 'currency', currency: ruleSet.currency });
    money = (value) => inCurrency.format(value);
  }
  for (const p of ruleSet.products) bySku.set(p.sku, p);
  $('store-name').textContent = `· ${ruleSet.store}`;
  $('ruleset-meta').textContent = `Rule set version ${ruleSet.version}, published ${ruleSet.publishedAt.slice(0, 10)}`
    + ` · ${ruleSet.products.length.toLocaleString('en')} products · profile ${ruleSet.parameters.profile}`;
  const categories = [...new Set(ruleSet.products.map((p) => p.category).filter((c) => c))].sort();
  $('category').append(...categories.map((c) => element('option', { value: c, text: c })));
  $('search').addEventListener('input', renderCatalog);
  $('category').addEventListener('change', renderCatalog);
  $('checkout').addEventListener('click', () => checkout().catch(fail));
  $('continue').addEventListener('click', continueShopping);
  renderCatalog();
  await renderCart();
  document.body.dataset.ready = 'true';
}

function fail(error) {
  $('ruleset-meta').textContent = `Error: ${error.message}`;
  console.error(error);
}

start().catch(fail);

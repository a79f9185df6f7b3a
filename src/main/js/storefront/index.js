/**
 * orderlift-storefront: answers a cart or a just-placed order from a published Orderlift rule set
 * (schema version 2), exactly as the Java reference evaluator (io.orderlift.ruleset.evaluator) and
 * the workbench preview do. Zero dependencies, no DOM, no network; docs/storefront.md gives the
 * algorithm step by step, and every rule set carries conformance cases that prove an implementation.
 * @module orderlift-storefront
 */

/** The rule-set format this package reads. */
export const SCHEMA_VERSION = 2;

/** Relative tolerance of a conformance score (the same as the Java evaluator's). */
export const TOLERANCE = 1e-9;

/** A rule set that cannot be used: malformed, or of a schema version this package does not read. */
export class RuleSetError extends Error {
  constructor(message) {
    super(message);
    this.name = 'RuleSetError';
  }
}

const PLACEMENTS = ['cart', 'confirmation'];

/**
 * Checks what evaluation relies on (the JSON Schema in the project's resources/ describes the rest).
 * @param {object} ruleSet a parsed rule set
 * @returns {object} the same rule set
 * @throws {RuleSetError} when it cannot be evaluated
 */
export function validate(ruleSet) {
  if (ruleSet === null || typeof ruleSet !== 'object' || Array.isArray(ruleSet)) {
    throw new RuleSetError('the rule set is not a JSON object');
  }
  if (ruleSet.schemaVersion !== SCHEMA_VERSION) {
    throw new RuleSetError(`unknown schema version ${ruleSet.schemaVersion} (this package reads version ${SCHEMA_VERSION})`);
  }
  for (const key of ['parameters', 'products', 'anchors', 'categories', 'pins', 'excludedCategoryPairs', 'conformance']) {
    if (ruleSet[key] === undefined || ruleSet[key] === null) {
      throw new RuleSetError(`the rule set has no ${key}`);
    }
  }
  const estimator = ruleSet.parameters.estimator;
  if (estimator !== undefined && estimator !== 'base-rate' && estimator !== 'lower-bound') {
    throw new RuleSetError(`unknown estimator '${estimator}' (this package knows base-rate and lower-bound)`);
  }
  const skus = new Set();
  for (const p of ruleSet.products) {
    if (typeof p.sku !== 'string' || p.sku === '') throw new RuleSetError('a product has no SKU');
    if (skus.has(p.sku)) throw new RuleSetError(`the rule set lists product ${p.sku} twice`);
    skus.add(p.sku);
  }
  const lists = [];
  for (const a of ruleSet.anchors) lists.push(a.cart, a.confirmation);
  for (const c of ruleSet.categories) lists.push(c.cart, c.confirmation);
  for (const list of lists) {
    if (list === undefined || list === null) continue;
    const n = list.c.length;
    if (list.co.length !== n || list.follow.length !== n || list.sameOrder > n) {
      throw new RuleSetError("a list's columns c, co and follow differ in length");
    }
    for (const c of list.c) {
      if (!Number.isInteger(c) || c < 0 || c >= ruleSet.products.length) {
        throw new RuleSetError(`the rule set refers to product ${c} but lists only ${ruleSet.products.length} products`);
      }
    }
  }
  return ruleSet;
}

/** Higher value first, ties by the smaller SKU (plain UTF-16 comparison, as Java's compareTo). */
function better(value, sku, otherValue, otherSku) {
  return value > otherValue || (value === otherValue && sku < otherSku);
}

/**
 * The acceptance of entry i, in the workbench's order of operations: the smoothed acceptance p, and
 * for the lower-bound estimator max(0, p − 1.96·sqrt(p·(1 − p) / (denominator + m))).
 */
function acceptance(list, i, candidateOrders, n, smoothing, lowerBound) {
  const same = i < list.sameOrder;
  const base = n === 0 ? 0 : candidateOrders / n;
  const trials = (same ? list.total : list.followTotal) + smoothing;
  const p = trials === 0 ? 0 : ((same ? list.co[i] : list.follow[i]) + smoothing * base) / trials;
  if (!lowerBound || trials <= 0) return p;
  const bound = p - 1.96 * Math.sqrt(p * (1 - p) / trials);
  return bound > 0 ? bound : 0;
}

/**
 * price^w: the weight the workbench published (so no pow of this engine can change a score), else
 * computed, as in files without weights (0^w for a product without a price).
 */
function weight(product, w) {
  return product.weight !== undefined && product.weight !== null ? product.weight : Math.pow(product.price ?? 0, w);
}

/** An index of a rule set for repeated evaluation. */
class Index {
  constructor(ruleSet) {
    validate(ruleSet);
    this.products = new Map(ruleSet.products.map((p) => [p.sku, p]));
    this.anchors = new Map(ruleSet.anchors.map((a) => [a.sku, a]));
    this.categories = new Map(ruleSet.categories.map((c) => [c.name, c]));
    this.pins = new Map(ruleSet.pins.map((p) => [p.placement + '\u0000' + p.anchor, p.candidates]));
    this.excludedCategoryPairs = new Set(ruleSet.excludedCategoryPairs.map((p) => p.from + '\u0000' + p.to));
  }

  list(anchor, cart) {
    let list;
    if (anchor.backoff !== undefined && anchor.backoff !== null) {
      const category = this.categories.get(anchor.backoff);
      list = category === undefined ? undefined : cart ? category.cart : category.confirmation;
    } else {
      list = cart ? anchor.cart : anchor.confirmation;
    }
    return list === undefined || list === null ? null : list;
  }

  categoryPairExcluded(cartCategories, product) {
    if (product.category === null || product.category === undefined) return false;
    for (const from of cartCategories) {
      if (this.excludedCategoryPairs.has(from + '\u0000' + product.category)) return true;
    }
    return false;
  }
}

const indexes = new WeakMap();

function indexOf(ruleSet) {
  let index = indexes.get(ruleSet);
  if (index === undefined) {
    index = new Index(ruleSet);
    indexes.set(ruleSet, index);
  }
  return index;
}

/** A cart line the Java evaluator would refuse is refused here too, with the same words. */
function checkLine(item) {
  if (item === null || typeof item !== 'object' || typeof item.sku !== 'string') {
    throw new TypeError('a cart line needs a sku');
  }
  if (!Number.isInteger(item.quantity) || item.quantity < 1) {
    throw new RangeError(`quantity of ${item.sku} must be at least 1`);
  }
  if (item.quantity > 2147483647) {
    throw new RangeError(`quantity of ${item.sku} must be at most 2147483647 (a Java int, as the rule set's conformance cases hold)`);
  }
}

/**
 * The recommendations for a cart (placement "cart") or an order just placed ("confirmation").
 * @param {object} ruleSet a parsed rule set
 * @param {string} placement "cart" or "confirmation"
 * @param {{sku: string, quantity: number}[]} items the cart's lines, in cart order; a quantity is a whole
 *   number ≥ 1 (RangeError otherwise, as the Java evaluator refuses it)
 * @param {number|{limit?: number, unavailable?: Iterable<string>}} [options] at most this many (0 or absent for
 *   the rule set's list length), or `{limit, unavailable}`: SKUs never to recommend (out of stock, say); the list
 *   fills from the next best, as if the rule set's lists and pins did not hold them
 * @returns {object} the answer: placement, cartTotal, currency (when the file names one), profile, priceWeight, items
 */
export function evaluate(ruleSet, placement, items, options = 0) {
  const index = indexOf(ruleSet);
  const cart = placement === 'cart';
  if (!PLACEMENTS.includes(placement)) {
    throw new RangeError(`'${placement}' is not cart or confirmation`);
  }
  const { limit, unavailable } = evaluationOptions(options);
  const p = ruleSet.parameters;
  // 1. the cart: total, distinct known SKUs in order, their categories
  let total = 0;
  const cartSkus = [];
  const inCart = new Set();
  const cartCategories = [];
  for (const item of items) {
    checkLine(item);
    const product = index.products.get(item.sku);
    const unit = product === undefined || product.price === null ? NaN : product.price;
    total += item.quantity * (Number.isNaN(unit) ? 0 : unit);
    if (product !== undefined && !inCart.has(item.sku)) {
      inCart.add(item.sku);
      cartSkus.push(item.sku);
      if (product.category !== null && product.category !== undefined && !cartCategories.includes(product.category)) {
        cartCategories.push(product.category);
      }
    }
  }
  // 2. combine every anchor's evidence: acceptance = 1 − Π(1 − p), in cart order, list order
  const candidates = new Map();
  for (const sku of cartSkus) {
    const anchor = index.anchors.get(sku);
    if (anchor === undefined) continue;
    const list = index.list(anchor, cart);
    if (list === null) continue;
    for (let i = 0; i < list.c.length; i++) {
      const product = ruleSet.products[list.c[i]];
      if (inCart.has(product.sku) || unavailable.has(product.sku)) continue;
      const a = acceptance(list, i, product.orders, p.orders, p.smoothing, p.estimator === 'lower-bound');
      let c = candidates.get(product.sku);
      if (c === undefined) {
        // evidence is kept as (anchor, list, entry, acceptance) and made into objects only for listed items
        c = { sku: product.sku, notProbability: 1, refs: [], eligible: false, acceptance: 0, score: 0 };
        candidates.set(product.sku, c);
      }
      c.notProbability *= 1 - a;
      c.refs.push(sku, list, i, a);
    }
  }
  // 3. eligibility: category pairs, price, ceilings; score = acceptance × price^w
  const eligible = [];
  for (const c of candidates.values()) {
    const product = index.products.get(c.sku);
    if (index.categoryPairExcluded(cartCategories, product) || product.price === null
        || exceedsCeiling(cart, product.price, total, p)) {
      continue;
    }
    c.eligible = true;
    c.acceptance = 1 - c.notProbability;
    c.score = c.acceptance * weight(product, p.priceWeight);
    eligible.push(c);
  }
  const length = limit > 0 ? limit : cart ? p.cartLength : p.confirmationLength;
  const result = [];
  const listed = new Set();
  const perCategory = new Map();
  // 4. pins first, in cart order then pin order
  for (let i = 0; i < cartSkus.length && result.length < length; i++) {
    for (const sku of index.pins.get(placement + '\u0000' + cartSkus[i]) ?? []) {
      if (result.length >= length) break;
      const product = index.products.get(sku);
      if (inCart.has(sku) || unavailable.has(sku) || listed.has(sku)
        || index.categoryPairExcluded(cartCategories, product)) continue;
      listed.add(sku);
      count(perCategory, product);
      result.push(item(candidates.get(sku), product, eligible, p, true));
    }
  }
  // 5. then the best remaining candidate, one at a time, within the per-category cap
  const capped = new Set();
  while (result.length < length) {
    let best = null;
    for (const c of eligible) {
      if (!listed.has(c.sku) && !capped.has(c.sku) && (best === null || better(c.score, c.sku, best.score, best.sku))) {
        best = c;
      }
    }
    if (best === null) break;
    const product = index.products.get(best.sku);
    if (product.category !== null && product.category !== undefined
        && (perCategory.get(product.category) ?? 0) >= p.perCategoryCap) {
      capped.add(best.sku);
      continue;
    }
    listed.add(best.sku);
    count(perCategory, product);
    result.push(item(best, product, eligible, p, false));
  }
  const answer = { placement, cartTotal: total };
  if (ruleSet.currency !== undefined) answer.currency = ruleSet.currency;
  return Object.assign(answer, { profile: p.profile, priceWeight: p.priceWeight, items: result });
}

/** A limit alone (a number; null as absent, as before options), or `{limit, unavailable}`. */
function evaluationOptions(options) {
  if (typeof options === 'number' || options === null) return { limit: options ?? 0, unavailable: NO_SKUS };
  if (typeof options !== 'object') {
    throw new TypeError('options must be a limit (a number) or {limit, unavailable}');
  }
  const { limit = 0, unavailable = NO_SKUS } = options;
  if (typeof limit !== 'number') throw new TypeError('limit must be a number');
  if (typeof unavailable === 'string' || typeof unavailable[Symbol.iterator] !== 'function') {
    throw new TypeError('unavailable must be an array or a Set of SKUs');
  }
  return { limit, unavailable: unavailable instanceof Set ? unavailable : new Set(unavailable) };
}

const NO_SKUS = new Set();

function exceedsCeiling(cart, price, total, p) {
  return cart ? price > p.maxPriceRatio * total : price > p.oneTapMaxPrice || price > p.oneTapMaxShare * total;
}

function count(perCategory, product) {
  if (product.category !== null && product.category !== undefined) {
    perCategory.set(product.category, (perCategory.get(product.category) ?? 0) + 1);
  }
}

function item(c, product, eligible, p, pinned) {
  const acceptanceOf = c === undefined ? 0 : 1 - c.notProbability;
  const price = product.price === null ? 0 : product.price;
  let popularity = 0;
  if (c !== undefined && c.eligible) {
    popularity = 1;
    for (const other of eligible) {
      if (other !== c && better(other.acceptance, other.sku, c.acceptance, c.sku)) popularity++;
    }
  }
  const rules = [];
  if (pinned) rules.push('pin');
  let backoff = false;
  const anchors = [];
  if (c !== undefined) {
    for (let k = 0; k < c.refs.length; k += 4) {
      const list = c.refs[k + 1];
      const i = c.refs[k + 2];
      const via = list.category === undefined || list.category === null ? 'pair' : 'category:' + list.category;
      backoff ||= via !== 'pair';
      anchors.push({ sku: c.refs[k], evidence: i < list.sameOrder ? 'same-order' : 'follow-on', via,
        acceptance: c.refs[k + 3], co: list.co[i], follow: list.follow[i] });
      if (list.approved.includes(i) && !rules.includes('approved')) rules.push('approved');
    }
  }
  if (backoff) rules.push('category-backoff');
  return { sku: product.sku, title: product.title ?? null, category: product.category ?? null,
    score: acceptanceOf * weight(product, p.priceWeight), acceptance: acceptanceOf, price,
    rpi: acceptanceOf * price, popularityRank: popularity, anchors, rules };
}

/**
 * The file name (or key) of a SKU's slice, as the publisher names it (docs/storefront.md): the SKU
 * percent-encoded as UTF-8 (all but letters, digits, `-._`; a leading dot too) plus `.json`; past 200
 * characters, the first 150 (no half escape), `~` and the FNV-1a 64 hash of its UTF-8 bytes.
 * @param {string} sku
 * @returns {string}
 */
export function sliceFileName(sku) {
  let encoded = encodeURIComponent(sku).replace(/[!'()*~]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
  if (encoded.startsWith('.')) encoded = '%2E' + encoded.slice(1);
  if (encoded.length > 200) {
    const escape = encoded.lastIndexOf('%', 149);
    let hash = 0xcbf29ce484222325n;
    for (const b of new TextEncoder().encode(sku)) hash = ((hash ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
    encoded = encoded.slice(0, escape > 147 ? escape : 150) + '~' + hash.toString(16).padStart(16, '0');
  }
  return encoded + '.json';
}

/**
 * The same answer as {@link evaluate} on the whole file, from the header and the slices of the
 * cart's items only (`orderlift publish --slices DIR` writes them: header.json, anchors/SKU.json).
 * @param {object} header the parsed header.json
 * @param {object[]} slices the parsed slices of the cart's SKUs (those that exist)
 * @param {string} placement "cart" or "confirmation"
 * @param {{sku: string, quantity: number}[]} items the cart's lines, in cart order
 * @param {number|{limit?: number, unavailable?: Iterable<string>}} [options] as {@link evaluate} takes them
 */
export function evaluateSlices(header, slices, placement, items, options = 0) {
  const products = [];
  const at = new Map();
  const local = (p) => {
    if (!at.has(p.sku)) {
      at.set(p.sku, products.length);
      products.push(p);
    }
    return at.get(p.sku);
  };
  const anchors = [];
  const pins = [];
  for (const slice of slices) {
    if (slice.version !== header.version) {
      throw new RuleSetError(`the slice of ${slice.sku} is of version ${slice.version}, the header of ${header.version}`);
    }
    const ids = slice.products.map(local);
    const remap = (list) => (list === undefined || list === null ? null : { ...list, c: list.c.map((c) => ids[c]) });
    anchors.push({ sku: slice.sku, cart: remap(slice.cart), confirmation: remap(slice.confirmation) });
    for (const [where, candidates] of Object.entries(slice.pins ?? {})) {
      pins.push({ placement: where, anchor: slice.sku, candidates });
    }
  }
  return evaluate({ schemaVersion: header.schemaVersion, version: header.version, currency: header.currency,
    parameters: header.parameters, products, anchors, categories: [], pins, excludedCategoryPairs: header.excludedCategoryPairs, conformance: [] },
  placement, items, options);
}

/**
 * Replays the rule set's conformance cases.
 * @param {object} ruleSet a parsed rule set
 * @returns {string[]} the failures, one line each; empty when every case passes
 */
export function checkConformance(ruleSet) {
  const failures = [];
  ruleSet.conformance.forEach((c, index) => {
    const got = evaluate(ruleSet, c.placement, c.items, 0).items;
    const want = c.expected.map((e) => e.sku);
    const have = got.map((i) => i.sku);
    if (want.join('\u0000') !== have.join('\u0000')) {
      failures.push(`case ${index} (${c.placement}): expected [${want.join(', ')}] but got [${have.join(', ')}]`);
      return;
    }
    for (let i = 0; i < want.length; i++) {
      const w = c.expected[i].score;
      const h = got[i].score;
      if (Math.abs(w - h) > TOLERANCE * Math.max(1, Math.abs(w))) {
        failures.push(`case ${index} (${c.placement}): ${want[i]} scored ${h}, expected ${w}`);
        return;
      }
    }
  });
  return failures;
}

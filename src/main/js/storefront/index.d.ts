/** Type declarations of orderlift-storefront (rule-set schema version 2; resources/ruleset.schema.json). */

export declare const SCHEMA_VERSION: 2;
export declare const TOLERANCE: number;

/** A rule set that cannot be used: malformed, or of a schema version this package does not read. */
export declare class RuleSetError extends Error {}

export type Placement = 'cart' | 'confirmation';

export interface Product {
  sku: string;
  title: string | null;
  category: string | null;
  /** null: unknown, never recommended. */
  price: number | null;
  /** Mined orders holding the product; its base rate is orders / parameters.orders. */
  orders: number;
  /** price^priceWeight as the workbench computed it; scores use it instead of a pow of their own. */
  weight?: number | null;
}

/** One anchor's (or category's) contributions in one placement, as parallel columns. */
export interface EvidenceList {
  /** Candidates, as indexes into products. */
  c: number[];
  co: number[];
  follow: number[];
  /** How many leading entries are same-order evidence; the rest are follow-on. */
  sameOrder: number;
  /** The same-order denominator, orders(a). */
  total: number;
  /** The follow-on denominator, followBase(a). */
  followTotal: number;
  /** Indexes (into this list) of approved entries. */
  approved: number[];
  /** The category whose evidence this is, when a thin anchor speaks through its category. */
  category?: string;
}

export interface Anchor {
  sku: string;
  /** A category in categories whose lists this anchor uses instead of its own. */
  backoff?: string | null;
  cart?: EvidenceList | null;
  confirmation?: EvidenceList | null;
}

export interface Parameters {
  profile: string;
  priceWeight: number;
  maxPriceRatio: number;
  oneTapMaxPrice: number;
  oneTapMaxShare: number;
  perCategoryCap: number;
  cartLength: number;
  confirmationLength: number;
  minCustomers: number;
  approvedOnly: boolean;
  topK: number;
  smoothing: number;
  /** How acceptances are estimated from the counts; base-rate when absent. */
  estimator?: 'base-rate' | 'lower-bound';
  /** For reference: the evidence the confirmation lists were built from. */
  confirmationEvidence?: 'same-order-and-follow-on' | 'follow-on';
  /** N: the orders the statistics count. */
  orders: number;
}

export interface CartLine {
  sku: string;
  /** A whole number ≥ 1: evaluate() throws a RangeError otherwise, as the Java evaluator refuses it. */
  quantity: number;
}

export interface RuleSet {
  schemaVersion: 2;
  version: number;
  store: string;
  /** ISO 4217 code of every price in the file; absent when the store's currency is not known (and in older files). */
  currency?: string;
  publishedAt: string;
  note: string;
  contentHash: string;
  parameters: Parameters;
  products: Product[];
  anchors: Anchor[];
  categories: { name: string; cart?: EvidenceList | null; confirmation?: EvidenceList | null }[];
  pins: { placement: Placement; anchor: string; candidates: string[] }[];
  excludedCategoryPairs: { from: string; to: string }[];
  exclusions: { skus: string[]; categories: string[] };
  conformance: { placement: Placement; items: CartLine[]; expected: { sku: string; score: number }[] }[];
}

/** The evidence one anchor gave for a recommendation. */
export interface AnchorEvidence {
  sku: string;
  evidence: 'same-order' | 'follow-on';
  via: string;
  acceptance: number;
  co: number;
  follow: number;
}

export interface Recommendation {
  sku: string;
  title: string | null;
  category: string | null;
  score: number;
  acceptance: number;
  price: number;
  rpi: number;
  popularityRank: number;
  anchors: AnchorEvidence[];
  rules: string[];
}

export interface Answer {
  placement: Placement;
  cartTotal: number;
  /** The rule set's currency (ISO 4217) for every price here; absent when the file names none. */
  currency?: string;
  profile: string;
  priceWeight: number;
  items: Recommendation[];
}

/** Checks what evaluation relies on; throws RuleSetError. */
export declare function validate(ruleSet: unknown): RuleSet;

/** What evaluate() may be told beyond the cart. */
export interface EvaluateOptions {
  /** At most this many; 0 or absent for the rule set's list length. */
  limit?: number;
  /**
   * SKUs never to recommend (out of stock, say: what the storefront knows and the rule set cannot). The list
   * fills from the next best, as if the rule set's lists and pins did not hold them; one in the cart still counts.
   */
  unavailable?: Iterable<string>;
}

/**
 * The recommendations for a cart or an order just placed, as the workbench preview gives them.
 * @param options a limit (at most this many; 0 for the rule set's list length), or {@link EvaluateOptions}
 */
export declare function evaluate(ruleSet: RuleSet, placement: Placement, items: CartLine[],
  options?: number | EvaluateOptions): Answer;

/** The shared part of a sliced rule set (header.json). */
export interface SliceHeader {
  schemaVersion: 2;
  version: number;
  store: string;
  /** As the whole file's currency. */
  currency?: string;
  publishedAt: string;
  contentHash: string;
  parameters: Parameters;
  excludedCategoryPairs: { from: string; to: string }[];
  exclusions: { skus: string[]; categories: string[] };
}

/** One product's slice (anchors/SKU.json): products[0] is the product, lists index into products. */
export interface Slice {
  sku: string;
  version: number;
  products: Product[];
  cart?: EvidenceList | null;
  confirmation?: EvidenceList | null;
  pins?: Partial<Record<Placement, string[]>>;
}

/** The file name (or key) of a SKU's slice, as `orderlift publish --slices` writes it. */
export declare function sliceFileName(sku: string): string;

/** The same answer as evaluate() on the whole file, from the header and the slices of the cart's items. */
export declare function evaluateSlices(header: SliceHeader, slices: Slice[], placement: Placement, items: CartLine[],
  options?: number | EvaluateOptions): Answer;

/** The failures of the rule set's conformance cases, one line each; empty when all pass. */
export declare function checkConformance(ruleSet: RuleSet): string[];

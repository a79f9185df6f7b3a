package io.orderlift.ruleset.evaluator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A published rule set: everything a storefront needs to compute the same recommendations as the
 * workbench preview, and nothing more (no customer or order ids, no pair backed by fewer than
 * {@code minCustomers} customers). The format is described, field by field, by
 * {@code resources/ruleset.schema.json}; docs/storefront.md gives the algorithm.
 *
 * @param schemaVersion the format's version
 * @param version       increases with every publish of the store
 * @param store         the store's name
 * @param currency      the ISO 4217 code every price in the file is in; null, and absent from the file,
 *                      when the store's currency is not known (and in files published before it was
 *                      written, whose content hash stays as it was)
 * @param publishedAt   ISO-8601 instant
 * @param note          the publisher's note
 * @param contentHash   {@code sha256:} + hex SHA-256 of this file written with an empty contentHash
 * @param parameters    the combination and constraint parameters
 * @param products      every product a cart may hold: SKU, title, category, price; lists refer to them by index
 * @param anchors       per anchor and placement, the evidence it gives, in combination order
 * @param categories    the evidence of categories that thin anchors back off to, shared by those anchors
 * @param pins          pinned candidates per anchor and placement, in pin order
 * @param excludedCategoryPairs never a candidate of category {@code to} for a cart holding {@code from}
 * @param exclusions    SKUs and categories excluded (already left out of every list; for reference)
 * @param conformance   sample carts and orders with the answers the workbench gave at publish time
 */
public record RuleSet(int schemaVersion, long version, String store,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String currency, String publishedAt, String note,
                      String contentHash, Parameters parameters, List<Product> products, List<Anchor> anchors,
                      List<CategoryEvidence> categories, List<Pin> pins, List<CategoryPair> excludedCategoryPairs, Exclusions exclusions,
                      List<ConformanceCase> conformance) {

    /** 2: bounded lists in columns with candidates by product index (1: one object per contribution). */
    public static final int SCHEMA_VERSION = 2;

    /** The same rule set with another content hash. */
    public RuleSet withContentHash(String hash) {
        return new RuleSet(schemaVersion, version, store, currency, publishedAt, note, hash, parameters, products, anchors,
                categories, pins, excludedCategoryPairs, exclusions, conformance);
    }

    /**
     * Ranking parameters; see docs/ranking.md for their meaning. {@code topK}: how many candidates
     * per anchor, placement and kind of evidence were kept (the preview ranks from the same lists);
     * {@code smoothing}: m of the smoothed acceptance; {@code orders}: N, the orders with a
     * non-empty item set that the statistics count; {@code estimator}: {@code base-rate} (also when
     * absent) or {@code lower-bound} ({@link Evidence#acceptance}); {@code confirmationEvidence}, for
     * reference: which evidence the confirmation lists were built from ({@code follow-on} lists hold
     * no same-order entries; evaluators need not read it).
     */
    public record Parameters(String profile, double priceWeight, double maxPriceRatio, double oneTapMaxPrice,
                             double oneTapMaxShare, int perCategoryCap, int cartLength, int confirmationLength,
                             int minCustomers, boolean approvedOnly, int topK, double smoothing, int orders,
                             String estimator, String confirmationEvidence) {

        /** The estimator's JSON name, {@code base-rate} when the file names none. */
        public String estimatorName() {
            return estimator == null ? "base-rate" : estimator;
        }
    }

    /**
     * A product; {@code price} is null when unknown (such a product is never recommended);
     * {@code orders}: the mined orders holding it, orders(c), whose share of N is its base rate;
     * {@code weight}: price^w as the workbench computed it (null without a price, absent in older
     * files), so that no evaluator's {@code pow} can change a score.
     */
    public record Product(String sku, String title, String category, Double price, int orders, Double weight) {

        /** A product as older files list it, without its weight. */
        public Product(String sku, String title, String category, Double price, int orders) {
            this(sku, title, category, price, orders, null);
        }

        /** price^w: the published weight, else computed (0^w for a product without a price). */
        public double weight(double w) {
            return weight != null ? weight : StrictMath.pow(price == null ? 0 : price, w);
        }
    }

    /**
     * One anchor's evidence per placement; when {@code backoff} names a category, the anchor's lists
     * are that category's (and its own lists are null).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Anchor(String sku, String backoff, Evidence cart, Evidence confirmation) {
    }

    /** The evidence of a category, used by every anchor that backs off to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CategoryEvidence(String name, Evidence cart, Evidence confirmation) {
    }

    /**
     * The contributions of one anchor (or category) in one placement, in combination order, as
     * parallel columns. The first {@code sameOrder} entries are same-order evidence, the rest
     * follow-on evidence (confirmation only). Entry {@code i} says that candidate
     * {@code products[c[i]]} is bought with the smoothed acceptance
     * {@code p = (count + m·base) / (denominator + m)}, where {@code count} is {@code co[i]} for
     * same-order entries and {@code follow[i]} for follow-on entries, {@code denominator} is
     * {@code total} or {@code followTotal} likewise, {@code base = products[c[i]].orders / N} and
     * {@code m}, {@code N} are the parameters {@code smoothing} and {@code orders}: exactly what the
     * workbench computes, in the same order of operations ({@link #acceptance}).
     *
     * @param c           candidates, as indexes into the rule set's products
     * @param co          co counts behind them (the category's when the list is a category's)
     * @param follow      follow counts behind them
     * @param sameOrder   how many leading entries are same-order evidence
     * @param total       orders(a) of the anchor (or of its category): the same-order denominator
     * @param followTotal followBase(a) of the anchor (or of its category): the follow-on denominator
     * @param approved    the entries (indexes into this list) whose pair the merchandiser approved
     * @param category    the category whose evidence this is (a thin anchor speaking through its
     *                    category), or null for the anchor's own pairs
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(int[] c, int[] co, int[] follow, int sameOrder, int total, int followTotal,
                           int[] approved, String category) {

        /** An empty list. */
        public static final Evidence NONE = new Evidence(new int[0], new int[0], new int[0], 0, 0, 0, new int[0],
                null);

        /**
         * The acceptance of entry {@code i}, given the candidate's orders, N, m and the estimator:
         * the smoothed acceptance {@code p}, and for {@code lower-bound}
         * {@code max(0, p − 1.96·sqrt(p·(1 − p) / (denominator + m)))}.
         */
        public double acceptance(int i, int candidateOrders, int n, double smoothing, String estimator) {
            boolean same = i < sameOrder;
            double base = n == 0 ? 0 : (double) candidateOrders / n;
            double trials = (same ? total : followTotal) + smoothing;
            double p = trials == 0 ? 0 : ((same ? co[i] : follow[i]) + smoothing * base) / trials;
            if (!"lower-bound".equals(estimator) || trials <= 0) {
                return p;
            }
            double bound = p - 1.96 * Math.sqrt(p * (1 - p) / trials);
            return bound > 0 ? bound : 0;
        }

        /** {@code pair}, or {@code category:NAME}: what the answer's anchors report as {@code via}. */
        public String via() {
            return category == null ? "pair" : "category:" + category;
        }

        public int size() {
            return c.length;
        }

        /** Whether entry {@code i} is approved. */
        public boolean isApproved(int i) {
            for (int a : approved) {
                if (a == i) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Evidence e && sameOrder == e.sameOrder && total == e.total
                    && followTotal == e.followTotal && Objects.equals(category, e.category)
                    && Arrays.equals(c, e.c) && Arrays.equals(co, e.co)
                    && Arrays.equals(follow, e.follow) && Arrays.equals(approved, e.approved);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(c) * 31 + Arrays.hashCode(co);
        }

        @Override
        public String toString() {
            return "Evidence" + Arrays.toString(c);
        }
    }

    /** Pinned candidates of one anchor in one placement, in pin order. */
    public record Pin(String placement, String anchor, List<String> candidates) {
    }

    /** An excluded category pair. */
    public record CategoryPair(String from, String to) {
    }

    /** Excluded SKUs and categories (already applied to every list). */
    public record Exclusions(List<String> skus, List<String> categories) {
    }

    /** A sample cart or order and the answer the workbench gave. */
    public record ConformanceCase(String placement, List<Item> items, List<Expected> expected) {
    }

    /** A cart line: a SKU and how many, at least 1 (the preview's rule, so every evaluator refuses alike). */
    public record Item(String sku, int quantity) {

        public Item {
            if (sku == null) {
                throw new IllegalArgumentException("a cart line needs a sku");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity of " + sku + " must be at least 1");
            }
        }
    }

    /** One expected recommendation, in order. */
    public record Expected(String sku, double score) {
    }
}

package io.orderlift.ruleset.evaluator;

import java.util.List;

/**
 * A published rule set: everything a storefront needs to compute the same recommendations as the
 * workbench preview, and nothing more (no customer or order ids, no pair backed by fewer than
 * {@code minCustomers} customers). The format is described, field by field, by
 * {@code resources/ruleset.schema.json}; docs/storefront.md gives the algorithm.
 *
 * @param schemaVersion the format's version
 * @param version       increases with every publish of the store
 * @param store         the store's name
 * @param publishedAt   ISO-8601 instant
 * @param note          the publisher's note
 * @param contentHash   {@code sha256:} + hex SHA-256 of this file written with an empty contentHash
 * @param parameters    the combination and constraint parameters
 * @param products      every product a cart may hold: SKU, title, category, price
 * @param anchors       per anchor and placement, the evidence it gives, in combination order
 * @param categories    the evidence of categories that thin anchors back off to, shared by those anchors
 * @param pins          pinned candidates per anchor and placement, in pin order
 * @param excludedCategoryPairs never a candidate of category {@code to} for a cart holding {@code from}
 * @param exclusions    SKUs and categories excluded (already left out of every list; for reference)
 * @param conformance   sample carts and orders with the answers the workbench gave at publish time
 */
public record RuleSet(int schemaVersion, long version, String store, String publishedAt, String note,
                      String contentHash, Parameters parameters, List<Product> products, List<Anchor> anchors,
                      List<CategoryEvidence> categories, List<Pin> pins, List<CategoryPair> excludedCategoryPairs, Exclusions exclusions,
                      List<ConformanceCase> conformance) {

    public static final int SCHEMA_VERSION = 1;

    /** The same rule set with another content hash. */
    public RuleSet withContentHash(String hash) {
        return new RuleSet(schemaVersion, version, store, publishedAt, note, hash, parameters, products, anchors,
                categories, pins, excludedCategoryPairs, exclusions, conformance);
    }

    /** Ranking parameters; see docs/ranking.md for their meaning. */
    public record Parameters(String profile, double priceWeight, double maxPriceRatio, double oneTapMaxPrice,
                             double oneTapMaxShare, int perCategoryCap, int cartLength, int confirmationLength,
                             int minCustomers, boolean approvedOnly) {
    }

    /** A product; {@code price} is null when unknown (such a product is never recommended). */
    public record Product(String sku, String title, String category, Double price) {
    }

    /**
     * One anchor's evidence per placement; when {@code backoff} names a category, the anchor's lists
     * are that category's (and its own lists are empty).
     */
    public record Anchor(String sku, String backoff, List<Evidence> cart, List<Evidence> confirmation) {
    }

    /** The evidence of a category, used by every anchor that backs off to it. */
    public record CategoryEvidence(String name, List<Evidence> cart, List<Evidence> confirmation) {
    }

    /**
     * One contribution of an anchor to a candidate.
     *
     * @param sku        the candidate
     * @param evidence   {@code same-order} or {@code follow-on}
     * @param via        {@code pair}, or {@code category:NAME} when the anchor backed off to its category
     * @param acceptance the smoothed acceptance it contributes
     * @param co         co count behind it
     * @param follow     follow count behind it
     * @param approved   the pair is approved by the merchandiser
     */
    public record Evidence(String sku, String evidence, String via, double acceptance, int co, int follow,
                           boolean approved) {
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

    /** A cart line. */
    public record Item(String sku, int quantity) {
    }

    /** One expected recommendation, in order. */
    public record Expected(String sku, double score) {
    }
}

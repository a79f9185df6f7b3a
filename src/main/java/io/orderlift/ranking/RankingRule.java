package io.orderlift.ranking;

/**
 * The rules a recommendation names: those that applied to a listed item ({@code rules}) and those that
 * kept a candidate off the list ({@code removed}). The JSON names are read by storefronts and outside
 * checks; the storefront evaluator, which depends on nothing of the project, spells the same names.
 */
public enum RankingRule {
    /** Listed first: the merchandiser pinned it for the anchor. */
    PIN("pin"),
    /** The merchandiser approved the pair behind it. */
    APPROVED("approved"),
    /** Its evidence comes from the anchor's category, the anchor's own being too thin. */
    CATEGORY_BACKOFF("category-backoff"),
    /** Kept off: its pair with a cart item is rejected on this placement or excluded. */
    BLOCKED_PAIR("rejected-or-excluded-pair"),
    /** Kept off: the SKU is excluded. */
    EXCLUDED_SKU("excluded-sku"),
    /** Kept off: its category is excluded. */
    EXCLUDED_CATEGORY("excluded-category"),
    /** Kept off: its category is excluded for a category in the cart. */
    EXCLUDED_CATEGORY_PAIR("excluded-category-pair"),
    /** Kept off: dearer than the cart ceiling ({@code maxPriceRatio} × the cart total). */
    PRICE_CEILING("price-ceiling"),
    /** Kept off: dearer than a one-tap ceiling on the confirmation page. */
    ONE_TAP_CEILING("one-tap-ceiling"),
    /** Kept off: no price is known. */
    NO_PRICE("no-price"),
    /** Kept off: the list already holds the per-category cap of its category. */
    CATEGORY_CAP("category-cap");

    private final String jsonName;

    RankingRule(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in recommendations, rule sets and JSON output. */
    public String jsonName() {
        return jsonName;
    }
}

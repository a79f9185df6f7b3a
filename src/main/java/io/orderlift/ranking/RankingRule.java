package io.orderlift.ranking;

/**
 * The rules a recommendation names: those that applied to a listed item ({@code rules}) and those that
 * kept a candidate off the list ({@code removed}). The JSON names are read by storefronts and outside
 * checks; the storefront evaluator, which depends on nothing of the project, spells the same names.
 */
public enum RankingRule {
    /** Listed first: the merchandiser pinned it for the anchor. */
    PIN("pin", "pinned"),
    /** The merchandiser approved the pair behind it. */
    APPROVED("approved", "approved"),
    /** Its evidence comes from the anchor's category, the anchor's own being too thin. */
    CATEGORY_BACKOFF("category-backoff", "its category's evidence"),
    /** Kept off: its pair with a cart item is rejected on this placement or excluded. */
    BLOCKED_PAIR("rejected-or-excluded-pair", "a rejected or excluded pair"),
    /** Kept off: the SKU is excluded. */
    EXCLUDED_SKU("excluded-sku", "an excluded SKU"),
    /** Kept off: its category is excluded. */
    EXCLUDED_CATEGORY("excluded-category", "an excluded category"),
    /** Kept off: its category is excluded for a category in the cart. */
    EXCLUDED_CATEGORY_PAIR("excluded-category-pair", "a category excluded beside the cart's"),
    /** Kept off: dearer than the cart ceiling ({@code maxPriceRatio} × the cart total). */
    PRICE_CEILING("price-ceiling", "above the cart's price ceiling"),
    /** Kept off: dearer than a one-tap ceiling on the confirmation page. */
    ONE_TAP_CEILING("one-tap-ceiling", "above the one-tap ceiling"),
    /** Kept off: no price is known. */
    NO_PRICE("no-price", "no price"),
    /** Kept off: the list already holds the per-category cap of its category. */
    CATEGORY_CAP("category-cap", "the per-category cap"),
    /** Named unavailable by the one asking (out of stock, say): never recommended, as a storefront passes it. */
    UNAVAILABLE("unavailable", "marked unavailable");

    private final String jsonName;
    private final String words;

    RankingRule(String jsonName, String words) {
        this.jsonName = jsonName;
        this.words = words;
    }

    /** The rule named {@code jsonName}. */
    public static RankingRule ofJsonName(String jsonName) {
        for (RankingRule rule : values()) {
            if (rule.jsonName.equals(jsonName)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("No ranking rule is called '" + jsonName + "'");
    }

    /** The rule in a few words for a person ("above the one-tap ceiling"). */
    public String words() {
        return words;
    }

    /** The name in recommendations, rule sets and JSON output. */
    public String jsonName() {
        return jsonName;
    }
}

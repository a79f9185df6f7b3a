package io.orderlift.ranking;

/**
 * A candidate with evidence that a rule kept off the list.
 *
 * @param sku  the candidate
 * @param rule the {@link RankingRule}'s JSON name: {@code rejected-or-excluded-pair}, {@code excluded-sku},
 *             {@code excluded-category}, {@code excluded-category-pair}, {@code price-ceiling},
 *             {@code one-tap-ceiling}, {@code no-price} or {@code category-cap}
 */
public record Removed(String sku, String rule) {
}

package io.orderlift.ruleset.evaluator;

import java.util.List;

/**
 * The storefront's answer, in the same JSON shape as {@code orderlift recommend} (without the
 * {@code removed} list, which needs the statistics the rule set leaves out).
 */
public record Answer(String placement, double cartTotal, String profile, double priceWeight, List<Item> items) {

    /** One recommendation. */
    public record Item(String sku, String title, String category, double score, double acceptance, double price,
                       double rpi, int popularityRank, List<Anchor> anchors, List<String> rules) {
    }

    /** The evidence one anchor gave. */
    public record Anchor(String sku, String evidence, String via, double acceptance, int co, int follow) {
    }
}

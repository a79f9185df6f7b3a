package io.orderlift.ruleset.evaluator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The storefront's answer, in the same JSON shape as {@code orderlift recommend} (without the
 * {@code removed} list, which needs the statistics the rule set leaves out). {@code currency} is the rule
 * set's: the ISO 4217 code of every price, absent when the file names none.
 */
public record Answer(String placement, double cartTotal,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String currency, String profile, double priceWeight,
                     List<Item> items) {

    /** One recommendation. */
    public record Item(String sku, String title, String category, double score, double acceptance, double price,
                       double rpi, int popularityRank, List<Anchor> anchors, List<String> rules) {
    }

    /** The evidence one anchor gave. */
    public record Anchor(String sku, String evidence, String via, double acceptance, int co, int follow) {
    }
}

package io.orderlift.ranking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a placement shows for a cart or order. JSON names are read by outside checks.
 *
 * @param placement  {@code cart} or {@code confirmation}
 * @param cartTotal  Σ quantity × unit price of the cart or order
 * @param currency   the ISO 4217 code of every price in it; null (and no JSON key) when not known
 * @param profile    the weighting profile's name
 * @param priceWeight the w used
 * @param items      the recommendations, in display order
 * @param removed    candidates with evidence that rules removed, and why
 * @param emptyReason why nothing is shown when {@code items} is empty, else null (and no JSON key)
 */
public record Recommendations(String placement, double cartTotal,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String currency, String profile,
                              double priceWeight,
                              List<Recommendation> items, List<Removed> removed,
                              @JsonInclude(JsonInclude.Include.NON_NULL) EmptyReason emptyReason) {

    /** The same recommendations, their prices said to be in {@code code} (null: not known). */
    public Recommendations inCurrency(String code) {
        return new Recommendations(placement, cartTotal, code, profile, priceWeight, items, removed, emptyReason);
    }

    /** Why nothing is shown, as a sentence; empty when there are recommendations. */
    public String whyEmpty() {
        return emptyReason == null ? "" : emptyReason.text();
    }
}

package io.orderlift.ranking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a placement shows for a cart or order. JSON names are read by outside checks.
 *
 * @param placement  {@code cart} or {@code confirmation}
 * @param cartTotal  Σ quantity × unit price of the cart or order
 * @param profile    the weighting profile's name
 * @param priceWeight the w used
 * @param items      the recommendations, in display order
 * @param removed    candidates with evidence that rules removed, and why
 * @param emptyReason why nothing is shown when {@code items} is empty, else null (and no JSON key)
 */
public record Recommendations(String placement, double cartTotal, String profile, double priceWeight,
                              List<Recommendation> items, List<Removed> removed,
                              @JsonInclude(JsonInclude.Include.NON_NULL) EmptyReason emptyReason) {

    /** Why nothing is shown, as a sentence; empty when there are recommendations. */
    public String whyEmpty() {
        return emptyReason == null ? "" : emptyReason.text();
    }
}

package io.orderlift.ranking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One recommended product with its explanation. JSON names are read by outside checks.
 *
 * @param sku            the candidate
 * @param score          combined acceptance × price^w
 * @param acceptance     combined acceptance 1 − Π(1 − p) over the contributing evidence
 * @param price          its price
 * @param rpi            revenue per impression: acceptance × price
 * @param acceptanceRank its popularity as the preview means it: rank by combined acceptance alone (w = 0)
 *                       among the eligible candidates; JSON {@code popularityRank}
 * @param anchors        the evidence behind it
 * @param rules          curation and ranking rules that applied to it ({@code pin}, {@code approved},
 *                       {@code category-backoff})
 */
public record Recommendation(String sku, String title, String category, double score, double acceptance,
                             double price, double rpi, @JsonProperty("popularityRank") int acceptanceRank,
                             List<AnchorEvidence> anchors,
                             List<String> rules) {
}

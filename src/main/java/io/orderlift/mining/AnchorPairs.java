package io.orderlift.mining;

import java.util.List;

/**
 * An anchor's candidates as {@code pairs} lists them. JSON names are read by outside checks.
 *
 * @param anchor      the anchor SKU
 * @param orders      orders(a)
 * @param followBase  followBase(a)
 * @param N           orders with a non-empty item set
 * @param evidence    {@code same-order} or {@code follow-on}: which acceptance ranks the list
 * @param priceWeight w in score = acceptance × price^w
 * @param smoothing   m of the smoothed acceptance
 * @param windowDays  the follow-on window of the mining run
 * @param candidates  sorted by score, best first
 */
public record AnchorPairs(String anchor, String title, int orders, int followBase, int N, String evidence,
                          double priceWeight, double smoothing, int windowDays, List<CandidatePair> candidates) {

    public AnchorPairs {
        candidates = List.copyOf(candidates);
    }
}

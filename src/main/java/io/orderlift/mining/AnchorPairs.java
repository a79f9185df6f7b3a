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
 * @param candidateCount the anchor's candidates with this evidence, of which {@code candidates} holds the best
 * @param candidates  sorted by score, best first (at most the limit asked for)
 */
public record AnchorPairs(String anchor, String title, int orders, int followBase, int N, String evidence,
                          double priceWeight, double smoothing, int windowDays, int candidateCount,
                          List<CandidatePair> candidates) {

    public AnchorPairs {
        candidates = List.copyOf(candidates);
    }

    /** Whether {@code candidates} leaves some of the anchor's candidates out (the limit cut the list). */
    public boolean cut() {
        return candidates.size() < candidateCount;
    }

    /**
     * ", 12 of them backed by fewer than 3 known customers: never shown" (", all backed …"), or nothing when
     * none of {@code candidates} is: pairs under the privacy floor, which no list shows.
     */
    public String underCustomerFloorInWords(int minCustomers) {
        long count = candidates.stream().filter(c -> c.customers() < minCustomers).count();
        int total = candidates.size();
        return count == 0 ? "" : String.format(", %sbacked by fewer than %d known customers: never shown",
                count == total ? (total == 1 ? "" : "all ") : count + " of them ", minCustomers);
    }

    /** "12 candidates", or "the best 500 of 3,999 candidates" when the limit cut the list. */
    public String candidatesInWords() {
        return cut() ? String.format("the best %,d of %,d candidates", candidates.size(), candidateCount)
                : String.format("%,d candidate%s", candidateCount, candidateCount == 1 ? "" : "s");
    }
}

package io.orderlift.ranking;

/**
 * What one anchor contributes to one candidate.
 *
 * @param candidate the candidate's product id
 * @param sameOrder same-order evidence (else follow-on)
 * @param category  the anchor's category when it backed off to it, else null
 * @param p         the smoothed acceptance
 * @param co        co count behind it
 * @param follow    follow count behind it
 */
public record Contribution(int candidate, boolean sameOrder, String category, double p, int co, int follow) {
}

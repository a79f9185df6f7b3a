package io.orderlift.evaluation;

/**
 * One ranking policy's replay figures. JSON names are read by outside checks.
 *
 * @param policy           {@code popularity}, {@code w=…}, {@code profile:NAME} or {@code chosen}
 * @param w                the price weight (null for popularity)
 * @param impressions      recommendations shown
 * @param hits             recommendations that were bought
 * @param hitRate          hits / impressions
 * @param rpi              revenue per impression: revenue of the hits / impressions
 * @param avgAcceptedPrice revenue / hits
 * @param coverage         distinct products recommended / products with a price
 * @param rpiLow           lower end of the 95 % confidence interval of {@code rpi} (orders resampled:
 *                         the delta method for a ratio of per-order sums)
 * @param rpiHigh          upper end of that interval
 * @param aovLift          expected AOV lift: accepted revenue per replayed order / the average order value
 * @param orders           orders replayed (a deterministic sample when the period holds more)
 * @param sameAsChosen     whether the policy ranks exactly as {@code chosen} does, under another name (the
 *                         reported w that was chosen, a rule relaxed that the chosen settings already leave
 *                         out, the active profile when it holds them): its figures are chosen's by construction
 */
public record PolicyResult(String policy, Double w, long impressions, long hits, double hitRate, double rpi,
                           double avgAcceptedPrice, double coverage, double rpiLow, double rpiHigh, double aovLift,
                           int orders, boolean sameAsChosen) {

    /** Figures of a policy not known to rank as {@code chosen} does. */
    public PolicyResult(String policy, Double w, long impressions, long hits, double hitRate, double rpi,
                        double avgAcceptedPrice, double coverage, double rpiLow, double rpiHigh, double aovLift,
                        int orders) {
        this(policy, w, impressions, hits, hitRate, rpi, avgAcceptedPrice, coverage, rpiLow, rpiHigh, aovLift, orders,
                false);
    }

    /** These figures, marked as those of a policy that ranks exactly as {@code chosen} does. */
    PolicyResult markedSameAsChosen() {
        return new PolicyResult(policy, w, impressions, hits, hitRate, rpi, avgAcceptedPrice, coverage, rpiLow, rpiHigh,
                aovLift, orders, true);
    }

    /** The policy's name for a table: "no lift floor (same as chosen)" where it ranks as chosen does. */
    public String label() {
        return sameAsChosen ? policy + " (same as chosen)" : policy;
    }
}

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
 */
public record PolicyResult(String policy, Double w, long impressions, long hits, double hitRate, double rpi,
                           double avgAcceptedPrice, double coverage, double rpiLow, double rpiHigh, double aovLift,
                           int orders) {
}

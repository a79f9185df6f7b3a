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
 */
public record PolicyResult(String policy, Double w, long impressions, long hits, double hitRate, double rpi,
                           double avgAcceptedPrice, double coverage) {
}

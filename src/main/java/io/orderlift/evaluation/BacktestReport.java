package io.orderlift.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The backtest: per placement ({@code cart}, {@code confirmation}) every policy's figures on the
 * test period, and the price weight and smoothing chosen on the validation period. JSON names are
 * read by outside checks.
 *
 * @param trainOrders      orders mined for the test (training period, validation included)
 * @param validationOrders orders of the validation period (the last part of the training period)
 * @param testOrders       orders of the test period
 */
public record BacktestReport(int k, double split, int windowDays, String trainFrom, String validationFrom,
                             String testFrom, String testTo, int trainOrders, int validationOrders, int testOrders,
                             Map<String, List<PolicyResult>> placements, Map<String, Chosen> chosen, long durationMs) {

    /**
     * What the validation period picked for a placement, and how it did on the test period.
     *
     * @param w             the price weight with the best validation RPI
     * @param smoothing     the smoothing with the best validation RPI
     * @param validationRpi its RPI on the validation period
     * @param test          its figures on the test period
     */
    public record Chosen(double w, double smoothing, double validationRpi, PolicyResult test) {
    }
}

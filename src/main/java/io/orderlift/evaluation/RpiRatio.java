package io.orderlift.evaluation;

/**
 * How many times popularity's revenue per impression a policy earns on the same orders, with the
 * 95 % confidence interval of that ratio. JSON names are read by outside checks.
 *
 * <p>Both policies are replayed on the same orders, so the interval is paired: orders are the
 * independent units, and the delta method is applied to the log of the ratio of four per-order sums,
 * {@code R = (Σr₁/Σi₁) / (Σr₀/Σi₀)}. Each order's influence is
 * {@code u = r₁/Σr₁ − i₁/Σi₁ − r₀/Σr₀ + i₀/Σi₀} (the u sum to 0), so
 * {@code Var(ln R) ≈ n/(n−1) · Σu²} and the interval is {@code R · exp(±1.96 · sqrt(Var))}. An order
 * on which both lists earn the same moves neither end, which is why this interval is much narrower
 * than the two policies' own intervals side by side.
 *
 * @param ratio the policy's RPI / popularity's
 * @param low   lower end of the 95 % interval
 * @param high  upper end of the 95 % interval
 * @param orders orders replayed by both
 */
public record RpiRatio(double ratio, double low, double high, int orders) {

    private static final double Z = 1.96;

    /**
     * The ratio of {@code policy} to {@code baseline} over the orders both replayed; empty when either
     * earned nothing on them (no ratio to speak of) or fewer than two orders were replayed.
     */
    static java.util.Optional<RpiRatio> of(Replay.Run policy, Replay.Run baseline) {
        int length = policy.impressions().length;
        if (baseline.impressions().length != length) {
            throw new IllegalArgumentException("the two replays are of different orders");
        }
        double revenue = 0;
        double impressions = 0;
        double baseRevenue = 0;
        double baseImpressions = 0;
        int n = 0;
        for (int o = 0; o < length; o++) {
            if (paired(policy, baseline, o)) {
                revenue += policy.revenue()[o];
                impressions += policy.impressions()[o];
                baseRevenue += baseline.revenue()[o];
                baseImpressions += baseline.impressions()[o];
                n++;
            }
        }
        if (n < 2 || revenue <= 0 || baseRevenue <= 0) {
            return java.util.Optional.empty();
        }
        double sumSquares = 0;
        for (int o = 0; o < length; o++) {
            if (paired(policy, baseline, o)) {
                double u = policy.revenue()[o] / revenue - policy.impressions()[o] / impressions
                        - baseline.revenue()[o] / baseRevenue + baseline.impressions()[o] / baseImpressions;
                sumSquares += u * u;
            }
        }
        double ratio = (revenue / impressions) / (baseRevenue / baseImpressions);
        double spread = Z * Math.sqrt(sumSquares * n / (n - 1));
        return java.util.Optional.of(new RpiRatio(ratio, ratio * Math.exp(-spread), ratio * Math.exp(spread), n));
    }

    /** Whether both replays replayed order {@code o}. */
    private static boolean paired(Replay.Run policy, Replay.Run baseline, int o) {
        return policy.impressions()[o] >= 0 && baseline.impressions()[o] >= 0;
    }

    /** Whether the interval leaves out 1: the two policies earn differently beyond the period's noise. */
    public boolean differs() {
        return low > 1 || high < 1;
    }
}

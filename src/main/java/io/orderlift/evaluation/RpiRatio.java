package io.orderlift.evaluation;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How many times popularity's revenue per impression a policy earns on the same orders, with the
 * 95 % confidence interval of that ratio ({@link #ofHitRates} gives the same for the hit rate). JSON
 * names are read by outside checks.
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

    private static final double Z = NormalQuantiles.Z_975;

    /**
     * The ratio of {@code policy} to {@code baseline} over the orders both replayed; empty when either
     * earned nothing on them (no ratio to speak of) or fewer than two orders were replayed.
     */
    static Optional<RpiRatio> of(Replay.Run policy, Replay.Run baseline) {
        return paired(policy.revenue(), policy.impressions(), baseline.revenue(), baseline.impressions());
    }

    /**
     * The same paired ratio and interval for the hit rate (hits per impression): how many times
     * popularity's hit rate a policy reaches on the same orders; empty as {@link #of} is.
     */
    static Optional<RpiRatio> ofHitRates(Replay.Run policy, Replay.Run baseline) {
        return paired(Arrays.stream(policy.hits()).asDoubleStream().toArray(), policy.impressions(),
                Arrays.stream(baseline.hits()).asDoubleStream().toArray(), baseline.impressions());
    }

    /**
     * {@code (Σgain₁/Σi₁) / (Σgain₀/Σi₀)} over the orders both replayed ({@code impressions} ≥ 0 in
     * both), with its paired 95 % interval.
     */
    private static Optional<RpiRatio> paired(double[] gain, int[] impressions, double[] baseGain,
                                                       int[] baseImpressions) {
        int length = impressions.length;
        if (baseImpressions.length != length) {
            throw new IllegalArgumentException("the two replays are of different orders");
        }
        double sum = 0;
        double shown = 0;
        double baseSum = 0;
        double baseShown = 0;
        int n = 0;
        for (int o = 0; o < length; o++) {
            if (impressions[o] >= 0 && baseImpressions[o] >= 0) {
                sum += gain[o];
                shown += impressions[o];
                baseSum += baseGain[o];
                baseShown += baseImpressions[o];
                n++;
            }
        }
        if (n < 2 || sum <= 0 || baseSum <= 0) {
            return Optional.empty();
        }
        double sumSquares = 0;
        for (int o = 0; o < length; o++) {
            if (impressions[o] >= 0 && baseImpressions[o] >= 0) {
                double u = gain[o] / sum - impressions[o] / shown - baseGain[o] / baseSum
                        + baseImpressions[o] / baseShown;
                sumSquares += u * u;
            }
        }
        double ratio = (sum / shown) / (baseSum / baseShown);
        double spread = Z * Math.sqrt(sumSquares * n / (n - 1));
        return Optional.of(new RpiRatio(ratio, ratio * Math.exp(-spread), ratio * Math.exp(spread), n));
    }

    /** Whether the interval leaves out 1: the two policies earn differently beyond the period's noise. */
    public boolean differs() {
        return low > 1 || high < 1;
    }

    /**
     * How many such orders a period needs to tell a lead of this size from noise four times in five
     * (its interval then leaves out 1 with 80 % power): the standard error of the log ratio, read off
     * the interval's lower side, shrinks with the square root of the orders. Empty without a lead.
     */
    public OptionalLong ordersToTellLead() {
        if (ratio <= 1 || low <= 0 || low >= ratio) {
            return OptionalLong.empty();
        }
        double standardError = Math.log(ratio / low) / Z;
        double times = Math.pow((Z + NormalQuantiles.Z_80) * standardError / Math.log(ratio), 2);
        return OptionalLong.of((long) Math.ceil(orders * times));
    }
}

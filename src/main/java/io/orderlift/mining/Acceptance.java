package io.orderlift.mining;

/**
 * DESIGN.md's smoothed acceptance: {@code p(c|a) = (count + m·base(c)) / (anchorOrders + m)} with
 * {@code base(c) = orders(c) / N}, so a 1-of-1 pair does not outrank a well-evidenced one. The
 * same formula serves follow-on evidence with {@code follow} and {@code followBase}.
 */
public final class Acceptance {

    /**
     * Default smoothing strength {@code m}: the evidence of 5 orders at the candidate's base rate.
     * Provisional until the backtest (issue 7) picks it from data; see docs/mining.md.
     */
    public static final double DEFAULT_SMOOTHING = 5;

    private Acceptance() {
    }

    /**
     * How a pair's acceptance is estimated from its count; {@link #SMOOTHED} is DESIGN.md's formula, the
     * ranking's estimators are the others a profile may choose.
     */
    @FunctionalInterface
    public interface Formula {
        /** DESIGN.md's smoothed acceptance, what {@code pairs} reports. */
        Formula SMOOTHED = Acceptance::smoothed;

        /** The acceptance of a pair seen {@code count} times in {@code total} anchor orders. */
        double estimate(int count, int total, double baseRate, double smoothing);
    }

    /** The candidate's base rate {@code orders(c) / N}, 0 for an empty store. */
    public static double baseRate(int candidateOrders, int n) {
        return n == 0 ? 0 : (double) candidateOrders / n;
    }

    public static double smoothed(int count, int anchorOrders, double baseRate, double smoothing) {
        double denominator = anchorOrders + smoothing;
        return denominator == 0 ? 0 : (count + smoothing * baseRate) / denominator;
    }

    /**
     * The smoothed acceptance {@code p} less 1.96 binomial standard errors with {@code total + m}
     * trials, at least 0: {@code max(0, p − 1.96·sqrt(p·(1 − p) / (total + m)))}.
     */
    public static double lowerBound(double p, int total, double smoothing) {
        double trials = total + smoothing;
        if (trials <= 0) {
            return 0;
        }
        double bound = p - 1.96 * Math.sqrt(p * (1 - p) / trials);
        return bound > 0 ? bound : 0;
    }
}

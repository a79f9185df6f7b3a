package io.orderlift.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import io.orderlift.common.Money;

/**
 * The A/B analysis of the confirmation layer: per arm, orders, AOV, offer acceptance rate and
 * revenue per impression; per treatment arm, the AOV lift over {@code control} with a 95 %
 * confidence interval (Welch's, normal approximation — the arms have thousands of orders — and a
 * percentile bootstrap of 2,000 resamples as a check that needs no normality), and whether the
 * lift is significant (the Welch interval excludes 0), with the test's power: the smallest lift it
 * finds significant 80 % of the time, and how many orders an arm the lift it measured would need.
 */
public final class AbAnalysis {

    static final int BOOTSTRAP_RESAMPLES = 2_000;

    /** Per-arm figures. JSON names are read by outside checks. */
    public record ArmResult(String arm, int orders, double aov, double acceptanceRate, double rpi,
                            long offerImpressions, double offerRevenue) {
    }

    /**
     * A treatment arm against control.
     *
     * @param minimumDetectableLift       the smallest AOV lift that a test of these arms' sizes and spread
     *                                    finds significant 80 % of the time
     * @param minimumDetectableLiftPercent the same as a percentage of control's AOV
     * @param ordersPerArmForMeasuredLift the orders an arm a test needs to find the lift measured here
     *                                    significant 80 % of the time; null when it measured none
     */
    public record Lift(String arm, double aovLift, double aovLiftPercent, double ciLow, double ciHigh,
                       double bootstrapLow, double bootstrapHigh, boolean significant, double minimumDetectableLift,
                       double minimumDetectableLiftPercent, Long ordersPerArmForMeasuredLift) {

        /**
         * What the test could see, for people: "A test of this size finds a lift of 12.00 (6.3 %) or
         * more 80 % of the time", and, when this one found none, how large a test the lift it
         * measured would need.
         */
        public String powerInWords(Money money) {
            String size = String.format(Locale.ROOT, "A test of this size finds a lift of %s (%.1f %%) or more 80 %% of"
                    + " the time", money.orderValue(minimumDetectableLift), minimumDetectableLiftPercent);
            if (significant || ordersPerArmForMeasuredLift == null) {
                return size;
            }
            return size + String.format(Locale.ROOT, "; the lift measured (%s%s) would need about %,d orders an arm",
                    aovLift < 0 ? "" : "+", money.orderValue(aovLift), ordersPerArmForMeasuredLift);
        }
    }

    /**
     * An arm's revenue per impression against the {@code popularity} arm's (the classic widget), when
     * the experiment has one: the live measure of the thesis the backtest makes offline.
     *
     * @param ratio the arm's RPI / popularity's
     * @param low   lower end of the 95 % interval (the delta method on the log of each arm's ratio of
     *              sums, orders independent, the arms apart)
     * @param high  upper end
     */
    public record RpiVersus(String arm, double ratio, double low, double high, boolean significant) {

        /** "treatment vs popularity: revenue per impression 1.52× (95 % interval 1.21× to 1.90×), significant". */
        public String inWords() {
            return String.format(Locale.ROOT, "%s vs %s: revenue per impression %.2f× (95 %% interval %.2f× to %.2f×),"
                    + " %s", arm, POPULARITY, ratio, low, high, significant ? "significant" : "not significant");
        }
    }

    /** The arm that ranks by co-purchase, the classic widget, which the other arms' RPI is compared with. */
    public static final String POPULARITY = "popularity";

    /** The analysis; {@code rpiVersusPopularity} is empty without a {@code popularity} arm that showed offers. */
    public record Report(List<ArmResult> arms, List<Lift> lifts, List<RpiVersus> rpiVersusPopularity) {
    }

    public Report analyse(Experiment experiment) {
        List<ArmResult> arms = new ArrayList<>();
        for (Map.Entry<String, List<Experiment.Row>> arm : experiment.arms().entrySet()) {
            arms.add(arm(arm.getKey(), arm.getValue()));
        }
        List<Experiment.Row> control = experiment.arms().get("control");
        List<Lift> lifts = new ArrayList<>();
        for (Map.Entry<String, List<Experiment.Row>> arm : experiment.arms().entrySet()) {
            if (!arm.getKey().equals("control")) {
                lifts.add(lift(arm.getKey(), control, arm.getValue()));
            }
        }
        List<RpiVersus> versus = new ArrayList<>();
        List<Experiment.Row> popularity = experiment.arms().get(POPULARITY);
        for (Map.Entry<String, List<Experiment.Row>> arm : experiment.arms().entrySet()) {
            if (popularity != null && !arm.getKey().equals(POPULARITY)) {
                rpiVersus(arm.getKey(), arm.getValue(), popularity).ifPresent(versus::add);
            }
        }
        return new Report(arms, lifts, versus);
    }

    /** {@code rows}' RPI against {@code baseline}'s; empty when either earned nothing or showed no offer. */
    static Optional<RpiVersus> rpiVersus(String name, List<Experiment.Row> rows, List<Experiment.Row> baseline) {
        double[] arm = logRatioAndVariance(rows);
        double[] base = logRatioAndVariance(baseline);
        if (arm == null || base == null) {
            return Optional.empty();
        }
        double log = arm[0] - base[0];
        double spread = NormalQuantiles.Z_975 * Math.sqrt(arm[1] + base[1]);
        return Optional.of(new RpiVersus(name, Math.exp(log), Math.exp(log - spread), Math.exp(log + spread),
                Math.abs(log) > spread));
    }

    /**
     * {ln(Σ accepted / Σ impressions), its variance}: the delta method, each order's influence
     * {@code accepted/Σaccepted − impressions/Σimpressions}; null without offers or acceptances.
     */
    private static double[] logRatioAndVariance(List<Experiment.Row> rows) {
        double accepted = 0;
        double impressions = 0;
        for (Experiment.Row r : rows) {
            accepted += r.offerAcceptedValue();
            impressions += r.offerImpressions();
        }
        int n = rows.size();
        if (accepted <= 0 || impressions <= 0 || n < 2) {
            return null;
        }
        double sum = 0;
        for (Experiment.Row r : rows) {
            double u = r.offerAcceptedValue() / accepted - r.offerImpressions() / impressions;
            sum += u * u;
        }
        return new double[] {Math.log(accepted / impressions), sum * n / (n - 1)};
    }

    private static ArmResult arm(String name, List<Experiment.Row> rows) {
        double total = 0;
        long impressions = 0;
        double accepted = 0;
        int offered = 0;
        int accepting = 0;
        for (Experiment.Row r : rows) {
            total += r.orderValue();
            impressions += r.offerImpressions();
            accepted += r.offerAcceptedValue();
            if (r.offerImpressions() > 0) {
                offered++;
                if (r.offerAcceptedValue() > 0) {
                    accepting++;
                }
            }
        }
        return new ArmResult(name, rows.size(), rows.isEmpty() ? 0 : total / rows.size(),
                offered == 0 ? 0 : (double) accepting / offered, impressions == 0 ? 0 : accepted / impressions,
                impressions, accepted);
    }

    private static Lift lift(String name, List<Experiment.Row> control, List<Experiment.Row> treatment) {
        double[] c = values(control);
        double[] t = values(treatment);
        double meanC = mean(c);
        double meanT = mean(t);
        double se = Math.sqrt(variance(c, meanC) / c.length + variance(t, meanT) / t.length);
        double diff = meanT - meanC;
        double low = diff - NormalQuantiles.Z_975 * se;
        double high = diff + NormalQuantiles.Z_975 * se;
        double[] boot = new double[BOOTSTRAP_RESAMPLES];
        SplittableRandom random = new SplittableRandom(42);
        for (int b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
            boot[b] = resampledMean(t, random) - resampledMean(c, random);
        }
        Arrays.sort(boot);
        // the lift a test finds significant 80 % of the time: its interval's half width plus 0.84 standard errors;
        // k times the orders an arm divide the standard error by √k
        double detectable = (NormalQuantiles.Z_975 + NormalQuantiles.Z_80) * se;
        Long needed = diff == 0 ? null
                : (long) Math.ceil(Math.pow(detectable / diff, 2) * (c.length + t.length) / 2.0);
        return new Lift(name, diff, meanC == 0 ? 0 : diff / meanC * 100, low, high,
                boot[(int) (BOOTSTRAP_RESAMPLES * 0.025)], boot[(int) (BOOTSTRAP_RESAMPLES * 0.975) - 1],
                low > 0 || high < 0, detectable, meanC == 0 ? 0 : detectable / meanC * 100, needed);
    }

    private static double[] values(List<Experiment.Row> rows) {
        return rows.stream().mapToDouble(Experiment.Row::orderValue).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return values.length < 2 ? 0 : sum / (values.length - 1);
    }

    private static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }
}

package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RpiRatioTest {

    /** A replay whose order {@code o} showed {@code impressions[o]} items and earned {@code revenue[o]}. */
    private static Replay.Run run(double[] revenue, int[] impressions) {
        return new Replay.Run(null, revenue, impressions, new int[impressions.length]);
    }

    /** A widget of 4 slots on {@code n} orders; each slot is bought with probability {@code p} at one of a few prices. */
    private static Replay.Run widget(SplittableRandom random, int n, double p, double[] prices) {
        double[] revenue = new double[n];
        int[] impressions = new int[n];
        for (int o = 0; o < n; o++) {
            impressions[o] = 1 + random.nextInt(4);
            for (int slot = 0; slot < impressions[o]; slot++) {
                if (random.nextDouble() < p) {
                    revenue[o] += prices[random.nextInt(prices.length)];
                }
            }
        }
        return run(revenue, impressions);
    }

    @Test
    void aPolicyAgainstItselfIsExactlyOnceItWithNoSpread() {
        Replay.Run same = widget(new SplittableRandom(1), 500, 0.1, new double[] {5, 20, 80});
        RpiRatio ratio = RpiRatio.of(same, same).orElseThrow();
        assertEquals(1, ratio.ratio(), 1e-12);
        assertEquals(1, ratio.low(), 1e-12);
        assertEquals(1, ratio.high(), 1e-12);
        assertFalse(ratio.differs());
    }

    @Test
    void theDeltaMethodIntervalAgreesWithAPairedBootstrap() {
        SplittableRandom random = new SplittableRandom(42);
        int n = 3_000;
        Replay.Run baseline = widget(random, n, 0.08, new double[] {5, 10, 20});
        Replay.Run policy = widget(random, n, 0.06, new double[] {10, 40, 90});
        RpiRatio ratio = RpiRatio.of(policy, baseline).orElseThrow();
        assertEquals(rpi(policy, null) / rpi(baseline, null), ratio.ratio(), 1e-12);

        // resample orders with replacement, the same orders for both policies
        int resamples = 2_000;
        double[] ratios = new double[resamples];
        SplittableRandom bootstrap = new SplittableRandom(7);
        int[] sample = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = bootstrap.nextInt(n);
            }
            ratios[b] = rpi(policy, sample) / rpi(baseline, sample);
        }
        Arrays.sort(ratios);
        double low = ratios[(int) (0.025 * resamples)];
        double high = ratios[(int) (0.975 * resamples)];
        assertEquals(Math.log(low), Math.log(ratio.low()), 0.02, "low " + ratio + " vs bootstrap " + low);
        assertEquals(Math.log(high), Math.log(ratio.high()), 0.02, "high " + ratio + " vs bootstrap " + high);
        assertTrue(ratio.differs(), "about 2.5× on 3,000 orders is beyond noise: " + ratio);
    }

    /**
     * A lead within noise says how many orders would tell it: periods of that many orders drawn from
     * the same orders (whose lead is then exactly the one measured) leave 1 out of their interval about
     * four times in five.
     */
    @Test
    void theOrdersToTellALeadTellItFourTimesInFive() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 600;
        Replay.Run baseline = widget(random, n, 0.08, new double[] {5, 10, 20});
        Replay.Run policy = widget(random, n, 0.05, new double[] {10, 20, 40});
        RpiRatio measured = RpiRatio.of(policy, baseline).orElseThrow();
        assertFalse(measured.differs(), "a lead within noise: " + measured);
        assertTrue(measured.ratio() > 1, measured.toString());
        int needed = (int) measured.ordersToTellLead().orElseThrow();
        assertTrue(needed > 2 * n, "a lead within a 95 % interval needs over twice the orders: " + needed);

        SplittableRandom draws = new SplittableRandom(9);
        int periods = 400;
        int told = 0;
        int[] sample = new int[needed];
        for (int period = 0; period < periods; period++) {
            for (int i = 0; i < needed; i++) {
                sample[i] = draws.nextInt(n);
            }
            told += RpiRatio.of(resampled(policy, sample), resampled(baseline, sample)).orElseThrow().low() > 1 ? 1 : 0;
        }
        assertEquals(0.8, (double) told / periods, 0.06, told + " of " + periods);
        assertTrue(new RpiRatio(0.8, 0.5, 1.2, 100).ordersToTellLead().isEmpty(), "no lead, nothing to tell");
    }

    @Test
    void ordersOnlyOneReplayHeldAreLeftOutAndNothingEarnedHasNoRatio() {
        Replay.Run policy = run(new double[] {10, 0, 30, 5}, new int[] {2, 2, -1, 1});
        Replay.Run baseline = run(new double[] {5, 5, 0, 0}, new int[] {2, 2, 2, -1});
        RpiRatio ratio = RpiRatio.of(policy, baseline).orElseThrow();
        assertEquals(2, ratio.orders());
        assertEquals((10 / 4.0) / (10 / 4.0), ratio.ratio(), 1e-12);
        assertTrue(RpiRatio.of(run(new double[] {0, 0}, new int[] {1, 1}), run(new double[] {1, 1}, new int[] {1, 1}))
                .isEmpty(), "a policy that earned nothing has no ratio");
    }

    /** RPI over the sampled orders (all of them when {@code sample} is null). */
    /** The replay of the orders {@code sample} names, in its order (an order drawn twice counts twice). */
    private static Replay.Run resampled(Replay.Run run, int[] sample) {
        double[] revenue = new double[sample.length];
        int[] impressions = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            revenue[i] = run.revenue()[sample[i]];
            impressions[i] = run.impressions()[sample[i]];
        }
        return run(revenue, impressions);
    }

    private static double rpi(Replay.Run run, int[] sample) {
        double revenue = 0;
        double impressions = 0;
        int n = sample == null ? run.revenue().length : sample.length;
        for (int i = 0; i < n; i++) {
            int o = sample == null ? i : sample[i];
            revenue += run.revenue()[o];
            impressions += run.impressions()[o];
        }
        return revenue / impressions;
    }
}

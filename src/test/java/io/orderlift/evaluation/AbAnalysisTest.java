package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.orderlift.common.Money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbAnalysisTest {

    /** The planted lift of the sample stores' experiments: 20 % of treatment orders accept $20–$80. */
    static final double PLANTED_LIFT = 0.2 * (20 + 80) / 2.0;

    @TempDir
    Path dir;

    @Test
    void recoversThePlantedLiftOfEverySampleStoreWithinItsInterval() throws Exception {
        for (String store : new String[] {"outdoor", "kitchen", "beauty"}) {
            AbAnalysis.Report report = new AbAnalysis().analyse(
                    Experiment.read(Path.of("sample-stores", store, "experiment.csv")));
            AbAnalysis.Lift lift = report.lifts().get(0);
            assertEquals("treatment", lift.arm());
            assertTrue(lift.ciLow() < PLANTED_LIFT && PLANTED_LIFT < lift.ciHigh(), store + ": " + lift);
            assertTrue(lift.bootstrapLow() < PLANTED_LIFT && PLANTED_LIFT < lift.bootstrapHigh(), store + ": " + lift);
            AbAnalysis.ArmResult treatment = report.arms().stream().filter(a -> a.arm().equals("treatment"))
                    .findFirst().orElseThrow();
            assertEquals(0.2, treatment.acceptanceRate(), 0.03, store);
            assertEquals(PLANTED_LIFT / 3, treatment.rpi(), 1.2, store + ": accepted value per impression");
        }
    }

    @Test
    void aKnownDifferenceIsMeasuredExactly() throws Exception {
        StringBuilder csv = new StringBuilder("order_id,arm,order_value,offer_impressions,offer_accepted_value\n");
        for (int i = 0; i < 1_000; i++) {
            csv.append("C").append(i).append(",control,").append(100 + i % 10).append(",0,0\n");
            csv.append("T").append(i).append(",treatment,").append(105 + i % 10).append(",2,")
                    .append(i % 2 == 0 ? "10" : "0").append('\n');
        }
        AbAnalysis.Report report = new AbAnalysis().analyse(Experiment.read(Files.writeString(dir.resolve("x.csv"), csv)));
        AbAnalysis.Lift lift = report.lifts().get(0);
        assertEquals(5.0, lift.aovLift(), 1e-9);
        assertTrue(lift.significant());
        assertEquals(0.5, report.arms().get(1).acceptanceRate(), 1e-9);
        assertEquals(2.5, report.arms().get(1).rpi(), 1e-9, "5,000 accepted over 2,000 impressions");
    }

    /**
     * The power it states is the power it has: experiments whose true lift is the minimum detectable
     * one for their size are found significant about 80 % of the time (400 seeded experiments of 100
     * orders an arm, order values normal with a standard deviation of 30), and those whose true
     * lift is zero about 5 % of the time.
     */
    @Test
    void aLiftOfTheMinimumDetectableSizeIsFoundFourTimesInFive() {
        double sd = 30;
        int n = 100;
        double detectable = (NormalQuantiles.Z_975 + NormalQuantiles.Z_80) * sd * Math.sqrt(2.0 / n);
        SplittableRandom random = new SplittableRandom(7);
        int found = 0;
        int falseAlarms = 0;
        int runs = 400;
        double estimated = 0;
        for (int run = 0; run < runs; run++) {
            AbAnalysis.Lift lift = lift(random, n, sd, detectable);
            estimated += lift.minimumDetectableLift() / runs;
            assertEquals(lift.minimumDetectableLift() / 100 * 100, lift.minimumDetectableLiftPercent(),
                    lift.minimumDetectableLiftPercent() * 0.1, "against control's AOV of about 100");
            found += lift.significant() ? 1 : 0;
            falseAlarms += lift(random, n, sd, 0).significant() ? 1 : 0;
        }
        assertEquals(detectable, estimated, detectable * 0.03, "estimated from the arms' spread");
        assertEquals(0.80, (double) found / runs, 0.05, found + " of " + runs);
        assertEquals(0.05, (double) falseAlarms / runs, 0.03, falseAlarms + " of " + runs);
    }

    @Test
    void aLiftNotFoundSaysHowLargeATestItWouldNeed() {
        AbAnalysis.Lift lift = lift(new SplittableRandom(3), 100, 40, 8);
        assertFalse(lift.significant(), lift.toString());
        long needed = (long) Math.ceil(Math.pow(lift.minimumDetectableLift() / lift.aovLift(), 2) * 100);
        assertEquals(needed, lift.ordersPerArmForMeasuredLift());
        assertTrue(needed > 100, "more orders than it had: " + needed);
        // an experiment of that size with the same spread and lift finds it about four times in five
        SplittableRandom random = new SplittableRandom(11);
        int found = 0;
        for (int run = 0; run < 100; run++) {
            found += lift(random, (int) needed, 40, lift.aovLift()).significant() ? 1 : 0;
        }
        assertEquals(0.8, found / 100.0, 0.12, found + " of 100");
        assertEquals(String.format(Locale.ROOT, "A test of this size finds a lift of $%.2f (%.1f %%) or more 80 %% of the"
                        + " time; the lift measured (+$%.2f) would need about %,d orders an arm",
                lift.minimumDetectableLift(), lift.minimumDetectableLiftPercent(), lift.aovLift(), needed),
                lift.powerInWords(new Money("USD")));
        AbAnalysis.Lift none = lift(new SplittableRandom(5), 50, 0, 0);
        assertNull(none.ordersPerArmForMeasuredLift(), "no lift measured, no test size for it");
    }

    /**
     * An arm that ranks by expected revenue against the {@code popularity} arm: offers accepted less
     * often at three times the price, a true RPI ratio of 1.8. Its 95 % interval holds the true ratio
     * in about 95 of 100 seeded experiments, and the comparison is made only where there is a
     * popularity arm that earned something.
     */
    @Test
    void anArmsRevenuePerImpressionIsComparedWithPopularitysWithAnIntervalThatHolds() {
        SplittableRandom random = new SplittableRandom(21);
        int runs = 300;
        int held = 0;
        double sumOfLogs = 0;
        for (int run = 0; run < runs; run++) {
            List<Experiment.Row> popularity = offers(random, 300, 0.05, new double[] {10, 20, 30});
            List<Experiment.Row> revenue = offers(random, 300, 0.03, new double[] {40, 60, 80});
            AbAnalysis.RpiVersus versus = AbAnalysis.rpiVersus("revenue", revenue, popularity).orElseThrow();
            held += versus.low() < 1.8 && 1.8 < versus.high() ? 1 : 0;
            sumOfLogs += Math.log(versus.ratio());
        }
        assertEquals(0.95, (double) held / runs, 0.03, held + " of " + runs);
        assertEquals(1.8, Math.exp(sumOfLogs / runs), 0.05, "the ratio estimates the true one");

        Map<String, List<Experiment.Row>> arms = new LinkedHashMap<>();
        arms.put("control", offers(random, 200, 0, new double[] {0}));
        arms.put("treatment", offers(random, 200, 0.03, new double[] {40, 60, 80}));
        assertEquals(List.of(), new AbAnalysis().analyse(new Experiment(arms)).rpiVersusPopularity(),
                "no popularity arm, nothing to compare with");
        arms.put(AbAnalysis.POPULARITY, offers(random, 200, 0.05, new double[] {10, 20, 30}));
        AbAnalysis.Report report = new AbAnalysis().analyse(new Experiment(arms));
        assertEquals(List.of("treatment"), report.rpiVersusPopularity().stream().map(AbAnalysis.RpiVersus::arm).toList(),
                "control showed no offers: it has no RPI to compare");
        assertTrue(report.rpiVersusPopularity().get(0).inWords().startsWith("treatment vs popularity: revenue per"
                + " impression "), report.rpiVersusPopularity().get(0).inWords());
    }

    /** n orders of 3 offers each, each accepted with probability p at one of the prices. */
    private static List<Experiment.Row> offers(SplittableRandom random, int n, double p, double[] prices) {
        List<Experiment.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double accepted = 0;
            for (int offer = 0; offer < 3; offer++) {
                if (random.nextDouble() < p) {
                    accepted += prices[random.nextInt(prices.length)];
                }
            }
            rows.add(new Experiment.Row("O" + i, 100 + accepted, p == 0 ? 0 : 3, accepted));
        }
        return rows;
    }

    /** The lift of one simulated experiment: n orders an arm, normal values of mean 100 and spread sd. */
    private static AbAnalysis.Lift lift(SplittableRandom random, int n, double sd, double trueLift) {
        Map<String, List<Experiment.Row>> arms = new LinkedHashMap<>();
        for (String arm : List.of("control", "treatment")) {
            List<Experiment.Row> rows = new ArrayList<>();
            double mean = arm.equals("control") ? 100 : 100 + trueLift;
            for (int i = 0; i < n; i++) {
                rows.add(new Experiment.Row(arm + i, mean + sd * gaussian(random), 0, 0));
            }
            arms.put(arm, rows);
        }
        return new AbAnalysis().analyse(new Experiment(arms)).lifts().get(0);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void badFilesSayWhatIsWrong() throws Exception {
        Path noControl = Files.writeString(dir.resolve("a.csv"),
                "order_id,arm,order_value,offer_impressions,offer_accepted_value\n1,A,5,0,0\n2,B,6,1,0\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.read(noControl)).getMessage()
                .contains("control"));
        Path badNumber = Files.writeString(dir.resolve("b.csv"),
                "order_id,arm,order_value,offer_impressions,offer_accepted_value\n1,control,x,0,0\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.read(badNumber)).getMessage()
                .contains("b.csv line 2, column order_value (\"x\")"));
        Path missing = Files.writeString(dir.resolve("c.csv"), "order_id,arm\n1,control\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.read(missing)).getMessage()
                .contains("order_value"));
    }

    @Test
    void aFileSavedAsWindows1252ReadsAndOneMixingEncodingsNamesTheLineAndColumn() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        String header = "order_id,arm,order_value,offer_impressions,offer_accepted_value\n";
        Path excel = Files.write(dir.resolve("excel.csv"), (header + "1,control,5,0,0\n2,offre été,6,1,1\n")
                .getBytes(cp1252));
        assertEquals(List.of("control", "offre été"), Experiment.read(excel).arms().keySet().stream().toList());
        byte[] first = (header + "1,control,5,0,0\n2,offre été,6,1,1\n").getBytes(StandardCharsets.UTF_8);
        byte[] second = "3,offre été,6,1,1\n".getBytes(cp1252);
        byte[] mixed = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, mixed, first.length, second.length);
        Path both = Files.write(dir.resolve("mixed.csv"), mixed);
        String message = assertThrows(IllegalArgumentException.class, () -> Experiment.read(both)).getMessage();
        assertTrue(message.contains("mixed.csv line 4: column arm is not valid UTF-8"), message);
    }
}

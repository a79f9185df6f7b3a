package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {

    @TempDir
    Path dir;

    /**
     * A validation period's model is mined on fewer orders than the test period's, so its pairs are seen
     * fewer times: the evidence floor it tries is the chosen one scaled by its share of the orders, at
     * least 1, and nothing else of the profile moves.
     */
    @Test
    void aThinnerValidationModelTriesTheEvidenceFloorAtItsScale() {
        WeightingProfile floor8 = WeightingProfile.defaults().withMinEvidence(8).withSmoothing(50)
                .withBackoffBelowOrders(30);
        assertEquals(floor8, Backtest.atScale(floor8, 1));
        assertEquals(floor8.withMinEvidence(4), Backtest.atScale(floor8, 0.5));
        assertEquals(floor8.withMinEvidence(6), Backtest.atScale(floor8, 0.73));
        assertEquals(floor8.withMinEvidence(2), Backtest.atScale(floor8, 0.25));
        assertEquals(1, Backtest.atScale(floor8.withMinEvidence(2), 0.2).minEvidence());
    }

    /**
     * Every tent order holds stakes ($9, 30 % of tent orders) or a footprint ($54, 12 %), all year:
     * at w = 1 the footprint is shown first and earns more per impression than at w = 0.
     */
    @Test
    void revenueRankingEarnsMoreWhereThePremiumAddOnIsWorthIt() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.csv"), tentOrders());
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            BacktestReport report = new Backtest().run(store, new Backtest.Settings(1, 0.2, 30), ProgressMonitor.NONE);
            List<PolicyResult> cart = report.placements().get("cart");
            assertEquals("sequential", report.protocol());
            assertEquals(List.of("popularity", "popularity+rules", "w=0.0", "w=0.5", "w=1.0", "w=1.5",
                    "profile:default", "chosen", "no price ceiling", "no lift floor", "no ceiling/floor", "no category cap",
                    "no category backoff", "with category backoff"),
                    cart.stream().map(PolicyResult::policy).toList());
            PolicyResult chosen = cart.get(7);
            PolicyResult noCeiling = cart.get(8);
            assertTrue(noCeiling.rpi() >= chosen.rpi(), "a tent revealed after its $9 stakes can be offered back only"
                    + " under a high enough cart-total ceiling (" + noCeiling + " vs " + chosen + ")");
            assertTrue(cart.get(10).impressions() >= chosen.impressions(), "lifting rules never shortens a list");
            assertEquals(chosen.w(), cart.get(10).w());
            assertEquals(report.chosenProfile().priceWeight(), chosen.w());
            assertTrue(report.chosenProfile().chosenBy().startsWith("chosen by backtest on "));
            assertEquals(List.of("popularity", "profile:default", "chosen"),
                    report.leaveOneOut().stream().map(PolicyResult::policy).toList());
            PolicyResult byAcceptance = cart.get(2);
            PolicyResult byRevenue = cart.get(4);
            assertTrue(byRevenue.rpi() > byAcceptance.rpi(), byRevenue + " vs " + byAcceptance);
            assertTrue(byRevenue.avgAcceptedPrice() > byAcceptance.avgAcceptedPrice());
            assertEquals(byRevenue.rpi(), byRevenue.hitRate() * byRevenue.avgAcceptedPrice(), 1e-9,
                    "RPI = hit rate × average accepted price");
            assertTrue(report.chosen().get("cart").w() >= 0.5, "validation picks a revenue-minded w");
            RpiRatio versus = report.chosen().get("cart").versusPopularity();
            assertEquals(chosen.rpi() / cart.get(0).rpi(), versus.ratio(), 1e-9, "the ratio is of the two RPIs");
            assertTrue(versus.low() < versus.ratio() && versus.ratio() < versus.high(), versus.toString());
            assertEquals(chosen.orders(), versus.orders());
            assertTrue(report.trainOrders() + report.testOrders() == 6_000);
            assertEquals(false, report.sampled(), "a period this short is replayed whole");
            assertEquals(chosen.orders(), cart.get(0).orders());
            assertTrue(report.validationOrders() > 0 && report.validationOrders() < report.trainOrders());
            // a small store (a few hundred cart hits per period) is validated on three periods of equal length
            // that end where the test period starts
            assertEquals(3, report.validationPeriods());
            long first = Instant.parse(report.trainFrom()).toEpochMilli();
            long testFrom = Instant.parse(report.testFrom()).toEpochMilli();
            long length = (long) ((testFrom - first) * Backtest.VALIDATION_SHARE);
            assertEquals(testFrom - 3 * length, Instant.parse(report.validationFrom()).toEpochMilli());
            assertTrue(report.chosenProfile().chosenBy().contains("(3 validation periods, "),
                    report.chosenProfile().chosenBy());
            for (List<PolicyResult> placement : report.placements().values()) {
                sameAsChosenIsMarkedByTheSettings(placement, report.chosenProfile());
            }
            assertEquals(new BacktestReport.Lengths(1, 1), report.lengths(), "--k 1 on both placements");
            atMostPerOrder(1, report.placements().get("confirmation"));

            // without --k each placement replays as many as the active profile shows there, as a storefront does
            WeightingProfile d = WeightingProfile.defaults();
            new Profiles(store).save(new WeightingProfile("short", d.priceWeight(), d.smoothing(), d.minEvidence(),
                    d.backoffBelowOrders(), d.maxPriceRatio(), d.oneTapMaxPrice(), d.oneTapMaxShare(), d.perCategoryCap(),
                    3, 1, d.minLift(), d.minCustomers()), true);
            BacktestReport byProfile = new Backtest().run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE);
            assertEquals(new BacktestReport.Lengths(3, 1), byProfile.lengths());
            assertEquals(3, byProfile.k(), "k keeps saying the cart's length");
            // the shorter lists' figures end with the length replayed: the chosen row's and popularity's
            List<BacktestReport.AtLength> cartLengths = byProfile.chosen().get("cart").listLengths();
            assertEquals(List.of(1, 2, 3), cartLengths.stream().map(BacktestReport.AtLength::length).toList());
            BacktestReport.AtLength replayed = cartLengths.get(2);
            assertEquals(byProfile.chosen().get("cart").test().rpi(), replayed.rpi(), 1e-9);
            assertEquals(byProfile.policy("cart", BacktestReport.POPULARITY).orElseThrow().aovLift(),
                    replayed.popularityAovLift(), 1e-12);
            atMostPerOrder(1, byProfile.placements().get("confirmation"));
            long shownAtTwo = report.placements().get("confirmation").get(0).impressions();
            assertEquals(shownAtTwo, byProfile.placements().get("confirmation").get(0).impressions(),
                    "popularity shows one offer an order either way");
            assertEquals(new BacktestReport.Lengths(4, 3), Backtest.Settings.defaults().lengths(d), "built in");
        }
    }

    /** No policy of {@code placement} shows more than {@code k} recommendations for one replayed order. */
    /** A year of 3,000 tent orders with stakes or a footprint, and as many mug orders of other customers. */
    private static String tentOrders() {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price,list_price\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 3_000; i++) {
            String order = "O" + i;
            String customer = "C" + random.nextInt(1_500);
            String day = LocalDate.of(2025, 1, 1).plusDays(i * 365L / 3_000).toString();
            csv.append(order).append(',').append(customer).append(',').append(day).append(",TENT,Tent,Tents,1,300,300\n");
            double r = random.nextDouble();
            if (r < 0.30) {
                csv.append(order).append(',').append(customer).append(',').append(day).append(",STAKES,Stakes,Acc,1,9,9\n");
            } else if (r < 0.42) {
                csv.append(order).append(',').append(customer).append(',').append(day).append(",FOOT,Footprint,Acc2,1,54,54\n");
            }
            csv.append("M").append(i).append(",D").append(random.nextInt(2_000)).append(',').append(day)
                    .append(",MUG,Mug,Kitchen,1,12,12\n");
        }
        return csv.toString();
    }

    /**
     * The bar moves through reading, mining, searching and replaying in that order, never back, each
     * phase from where the one before ended; the test replays fill their share step by step, from 85 %
     * to the end, instead of the bar jumping to done from wherever the search had left it.
     */
    @Test
    void progressMovesThroughEveryPhaseInOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.csv"), tentOrders());
        List<String> messages = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        List<Long> replaying = new ArrayList<>();
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            new Backtest().run(store, new Backtest.Settings(1, 0.2, 30), (message, done, total) -> {
                assertEquals(PhasedProgress.SCALE, total);
                if (messages.isEmpty() || !messages.get(messages.size() - 1).equals(message)) {
                    messages.add(message);
                }
                shown.add(done);
                if (message.equals("Replaying the test period")) {
                    replaying.add(done);
                }
            });
        }
        assertEquals(List.of("Reading orders", "Mining the history before each validation period",
                "Choosing the settings on the validation periods", "Mining the history before the test period",
                "Replaying the test period", "Done"), messages);
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i) >= shown.get(i - 1), "never back: " + shown);
        }
        // the phase's start, after each placement's policies, after leaving one out
        assertEquals(4, replaying.size(), replaying.toString());
        assertEquals(850L, replaying.get(0));
        assertEquals(1000L, replaying.get(3), "the replays themselves fill the bar: " + replaying);
        assertTrue(replaying.get(1) > 850 && replaying.get(2) > replaying.get(1) && replaying.get(2) < 1000,
                replaying.toString());
        assertEquals(PhasedProgress.SCALE, shown.get(shown.size() - 1));
    }

    private static void atMostPerOrder(int k, List<PolicyResult> placement) {
        for (PolicyResult r : placement) {
            assertTrue(r.impressions() <= (long) k * r.orders(), r.toString());
        }
    }

    /**
     * Marked "(same as chosen)": exactly the reported policies whose settings rank as the chosen ones
     * (the chosen w, the relaxed rules the choice already leaves out), with chosen's figures.
     */
    private static void sameAsChosenIsMarkedByTheSettings(List<PolicyResult> placement, WeightingProfile chosen) {
        PolicyResult chosenResult = placement.stream().filter(p -> p.policy().equals("chosen")).findFirst()
                .orElseThrow();
        for (PolicyResult p : placement) {
            Optional<WeightingProfile> settings = p.policy().startsWith("w=")
                    ? Optional.of(chosen.withPriceWeight(p.w()))
                    : Optional.ofNullable(Backtest.RULE_COSTS.get(p.policy())).map(relax -> relax.apply(chosen));
            settings.ifPresent(s -> assertEquals(s.rankingOnly().equals(chosen.rankingOnly()), p.sameAsChosen(),
                    p.toString()));
            if (p.sameAsChosen()) {
                assertEquals(chosenResult.rpi(), p.rpi(), p.toString());
                assertEquals(chosenResult.impressions(), p.impressions(), p.toString());
                assertEquals(p.policy() + " (same as chosen)", p.label());
            }
        }
        assertFalse(chosenResult.sameAsChosen(), "chosen is itself");
        // here: the chosen w is a reported one, and the choice keeps the category backoff
        assertTrue(placement.stream().filter(PolicyResult::sameAsChosen).count() >= 2, placement.toString());
    }

    /**
     * A period longer than {@link Backtest#MAX_REPLAYED_ORDERS} is replayed on a sample: that many
     * distinct orders of it, in time order, the same every time for the same seed, and different
     * for another period's.
     */
    @Test
    void aLongPeriodIsReplayedOnASeededSampleInTimeOrder() {
        List<Backtest.Order> period = IntStream.range(0, Backtest.MAX_REPLAYED_ORDERS * 3 + 7)
                .mapToObj(i -> new Backtest.Order(i % 50, 1_000L * i, new int[] {i % 13, 13 + i % 7}, new int[] {1, 1}))
                .toList();
        List<Backtest.Order> sample = Backtest.replayed(period, 42);
        assertEquals(Backtest.MAX_REPLAYED_ORDERS, sample.size());
        for (int i = 1; i < sample.size(); i++) {
            assertTrue(sample.get(i - 1).time() < sample.get(i).time(), "in time order, each order once");
        }
        assertEquals(sample, Backtest.replayed(period, 42));
        assertTrue(!sample.equals(Backtest.replayed(period, 43)));
        // spread over the whole period, not its first orders
        assertTrue(sample.get(0).time() < period.get(period.size() / 10).time());
        assertTrue(sample.get(sample.size() - 1).time() > period.get(period.size() * 9 / 10).time());
        List<Backtest.Order> whole = period.subList(0, Backtest.MAX_REPLAYED_ORDERS);
        assertTrue(whole == Backtest.replayed(whole, 42), "a period of at most that many is replayed whole");
    }

    /**
     * One order typed as 2099 stretches the date range: the last 20 % of it holds that order alone.
     * The backtest refuses and names the order's date instead of replaying one order.
     */
    @Test
    void aStrayDateThatEmptiesTheTestPeriodIsNamed() throws Exception {
        StringBuilder csv = twoItemOrders(400, i -> LocalDate.of(2025, 1, 1).plusDays(i * 365L / 400).toString(), 90, 7);
        csv.append("LATE,C1,2099-06-01,A,A,X,1,10\nLATE,C1,2099-06-01,B1,B,X,1,20\n");
        assertEquals("The test period (2084-07-13 to 2099-06-01, the last 20 % of the store's date range) holds"
                + " 1 order: too few to replay. 1 order is dated 2099-06-01, 73 years after the rest (2025-01-01 to"
                + " 2025-12-31): a stray date stretches the range the split is taken from. Correct it in the file"
                + " and import the file again, replacing the orders already in the store (--replace).",
                backtestRefusal("stray.csv", csv));
    }

    /**
     * An export whose every order time is the same (the export's date, or a column mapped by mistake) has no
     * history to split: the refusal says so, not that the training period is short and --split would help.
     */
    @Test
    void ordersAllAtOneMomentAreRefusedWithTheReason() throws Exception {
        StringBuilder csv = twoItemOrders(200, i -> "2025-03-01T09:00:00Z", 40, 5);
        assertEquals("Every order in the store was placed at one moment (2025-03-01): the backtest splits the"
                + " history by time, so it needs orders placed over days or weeks. If the file gives the order time"
                + " in another column, import it again with that column as the order time, replacing the orders"
                + " already in the store (--map ordered_at=COLUMN --replace).",
                backtestRefusal("one-moment.csv", csv));
    }

    /** Orders of returns only hold no product bought: the refusal counts the orders that do. */
    @Test
    void tooFewOrdersAreCountedAsTheBacktestSeesThem() throws Exception {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int i = 0; i < 12; i++) {
            csv.append("O").append(i).append(",C1,2025-03-").append(10 + i).append(",A,A,X,").append(i < 9 ? -1 : 1)
                    .append(",10\n");
        }
        assertEquals("The store has too few orders to backtest: 3 in which a product was bought (orders of returns"
                + " only do not count); it takes 10.", backtestRefusal("returns.csv", csv));
    }

    /**
     * Every order a guest's: no pair is backed by a known customer, so no policy shows anything and
     * every setting scores alike. The validation periods choose nothing and say why, where before they
     * returned the search's start as "chosen by backtest"; the active profile stays, and the report
     * names the privacy floor instead of "nothing recommended was bought".
     */
    @Test
    void validationPeriodsInWhichNothingCanBeShownChooseNothingAndSayWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("guests.csv"), GuestOrders.csv(1_200, 3));
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            String why = "no ranking can show anything on their orders: none of their products has a companion that"
                    + " may be offered (one with a price, not excluded, and backed by at least 3 known customers before"
                    + " them: the privacy floor, to which a guest order adds no customer)";
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new Backtest()
                    .choose(store, Backtest.Settings.defaults(), WeightingProfile.defaults(), ProgressMonitor.NONE));
            assertEquals("The validation periods cannot choose settings: " + why + ".", refused.getMessage());

            BacktestReport report = new Backtest().run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE);
            assertEquals(why, report.notChosen());
            assertEquals(WeightingProfile.defaults(), report.chosenProfile(), "the active profile stands, unvalidated");
            BacktestSummary summary = new BacktestSummary(report);
            assertTrue(summary.warnings().get(0).startsWith("the validation periods could not choose settings: "
                    + why), summary.warnings().toString());
            assertTrue(summary.unmeasured("cart").orElseThrow().startsWith("The cart cannot be compared here: on its 240"
                    + " test orders neither the chosen settings nor \"customers also bought\" could show anything:"
                    + " none of their products has a companion that may be offered"), summary.unmeasured("cart").get());
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Backtest.Settings(0, 0.2, 30));
        assertThrows(IllegalArgumentException.class, () -> new Backtest.Settings(4, 1.0, 30));
        assertThrows(IllegalArgumentException.class, () -> new Backtest.Settings(4, 0.2, -1));
    }

    /**
     * {@code count} orders of product A (10) and one of {@code kinds} products B0, B1, … (20), order {@code i} placed
     * at {@code time(i)} by customer {@code i} modulo {@code customers}.
     */
    private static StringBuilder twoItemOrders(int count, IntFunction<String> time, int customers, int kinds) {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int i = 0; i < count; i++) {
            String order = "O" + i + ",C" + i % customers + "," + time.apply(i);
            csv.append(order).append(",A,A,X,1,10\n").append(order).append(",B").append(i % kinds).append(",B,X,1,20\n");
        }
        return csv;
    }

    /** The reason {@code backtest} gives for refusing a store imported from {@code csv}. */
    private String backtestRefusal(String name, CharSequence csv) throws Exception {
        Path file = Files.writeString(dir.resolve(name), csv);
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            return assertThrows(IllegalArgumentException.class,
                    () -> new Backtest().run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE)).getMessage();
        }
    }
}

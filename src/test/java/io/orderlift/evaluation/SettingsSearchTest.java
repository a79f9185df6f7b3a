package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.WeightingProfile;
import org.junit.jupiter.api.Test;

class SettingsSearchTest {

    /** A replay with enough hits (popularity's as much as a setting's) for its figures to count in full. */
    private static Replay.Run result(double aovLift) {
        return result(aovLift, 400);
    }

    /** A replay of {@code hits} hits in ten times as many impressions, earning {@code aovLift} both ways. */
    private static Replay.Run result(double aovLift, long hits) {
        return Replay.Run.of(new PolicyResult("x", null, 10 * hits, hits, 0.1, aovLift, 1, 0.5, 0, 0, aovLift, 50));
    }

    /**
     * A placement of a handful of hits does not choose the settings it shares with a well-measured one:
     * against popularity's single confirmation hit, a second one at w 2 reads as twice popularity's
     * revenue, and summed as it is it would outvote the cart's 10 % gain at w 0.5 measured on 400 hits.
     */
    @Test
    void aPlacementOfAHandfulOfHitsDoesNotOutvoteAWellMeasuredOne() {
        SettingsSearch.Replayer replayer = (placement, p) -> placement == Placement.CART
                ? result(p.priceWeight() == 0.5 ? 1.1 : 1.0)
                : p.priceWeight() == 2 ? result(2.0, 2) : result(1.0, 1);
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1.0));
        baseline.put(Placement.CONFIRMATION, result(1.0, 1));
        SettingsSearch.Choice choice = new SettingsSearch(replayer, baseline)
                .search(WeightingProfile.defaults());
        assertEquals(0.5, choice.profile().priceWeight());
        assertEquals(1.1, choice.objective(), 1e-9, "the page of one hit does not judge while the cart does");
        assertEquals(1, SettingsSearch.credibility(384));
        assertEquals(0.5, SettingsSearch.credibility(96), 1e-12);
        assertEquals(SettingsSearch.credibility(1), SettingsSearch.credibility(0), "none counts as one");
    }

    /**
     * Below {@link SettingsSearch#MIN_JUDGING_HITS} of popularity's hits a placement does not judge the
     * settings while another one does: a setting that happened on no purchase of a confirmation page where
     * popularity made three is not ruled out by the relevance floor there (it was, on a long-tail probe store,
     * for the backoff that earned most on its cart). From 30 hits on, the page judges, and the floor holds.
     */
    @Test
    void aPlacementOfTooFewHitsNeitherRulesOutNorChooses() {
        for (long popularityHits : new long[] {SettingsSearch.MIN_JUDGING_HITS - 1, SettingsSearch.MIN_JUDGING_HITS}) {
            SettingsSearch.Replayer replayer = (placement, p) -> placement == Placement.CART
                    ? result(p.priceWeight() == 0.5 ? 1.1 : 1.0)
                    : p.priceWeight() == 0.5 ? Replay.Run.of(new PolicyResult("x", null, 10 * popularityHits, 0, 0, 0,
                            0, 0.5, 0, 0, 0, 50)) : result(1.0, popularityHits);
            Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
            baseline.put(Placement.CART, result(1.0));
            baseline.put(Placement.CONFIRMATION, result(1.0, popularityHits));
            SettingsSearch.Choice choice = new SettingsSearch(replayer, baseline)
                    .search(WeightingProfile.defaults());
            assertEquals(popularityHits < SettingsSearch.MIN_JUDGING_HITS ? 0.5 : 1.0, choice.profile().priceWeight(),
                    popularityHits + " hits");
        }
    }

    /**
     * On a narrow ridge (revenue grows with w and the evidence floor together, and only while the
     * two stay in step) coordinate ascent climbs one grid step per round, for five rounds; the search
     * must climb to the top, so that a search started from its own choice changes nothing: a store's
     * backtest proposes the settings its first mining chose. With a fixed cap of three rounds it did
     * not, on a large catalog (its first mining chose w 2, the backtest after it w 1.25).
     */
    @Test
    void aChoiceIsAFixedPointOfTheSearch() {
        List<Double> weights = List.of(0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0);
        List<Integer> floors = List.of(1, 2, 3, 5, 8, 13, 21, 34);
        SettingsSearch.Replayer replayer = (placement, p) -> {
            int i = weights.indexOf(p.priceWeight());
            int k = floors.indexOf(p.minEvidence());
            double ridge = i + 2 * k - 10 * Math.max(0, i - k - 1) - 10 * Math.max(0, k - i);
            return result(placement == Placement.CART ? 100 + ridge : 2);
        };
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(1));
        SettingsSearch.Choice first = new SettingsSearch(replayer, baseline).search(WeightingProfile.defaults());
        assertEquals(2.0, first.profile().priceWeight());
        assertEquals(34, first.profile().minEvidence());
        SettingsSearch.Choice again = new SettingsSearch(replayer, baseline).search(first.profile());
        assertEquals(first.profile(), again.profile());
    }

    /** Progress stays within the search's share of the bar however many rounds it takes, and moves on through it. */
    @Test
    void progressStaysWithinItsShare() {
        SettingsSearch.Replayer replayer = (placement, p) -> result(1 + new SplittableRandom(
                Objects.hash(placement, p.priceWeight(), p.smoothing(), p.minEvidence())).nextDouble(2));
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(1));
        List<Long> shown = new ArrayList<>();
        PhasedProgress bar = new PhasedProgress((message, done, total) -> shown.add(done));
        bar.begin("before", 0.1, 1).end();
        SettingsSearch.Choice choice = new SettingsSearch(replayer, baseline).search(WeightingProfile.defaults(),
                bar.begin("search", 0.6, 4 * SettingsSearch.evaluationsPerRound()));
        assertTrue(choice.evaluations() > 0);
        assertEquals(100L, shown.get(2), "the search starts where the phase before it ended");
        assertTrue(shown.stream().allMatch(d -> d <= 600), "within its share: " + shown.get(shown.size() - 1));
        assertTrue(shown.get(shown.size() - 1) > 100, "it moves");
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i) >= shown.get(i - 1), "never back");
        }
    }

    /** Revenue per order peaks at one value of each setting; the search must find every peak. */
    @Test
    void findsTheBestValueOfEverySetting() {
        AtomicInteger confirmationReplays = new AtomicInteger();
        SettingsSearch.Replayer replayer = (placement, p) -> {
            double shared = -Math.abs(p.priceWeight() - 0.75) - Math.abs(p.smoothing() - 20) / 100
                    - (p.estimator() == Estimator.LOWER_BOUND ? 0 : 0.3) - Math.abs(p.minLift() - 1) / 10;
            if (placement == Placement.CART) {
                return result(5 + shared - Math.abs(Math.log(p.maxPriceRatio() / 4)));
            }
            confirmationReplays.incrementAndGet();
            return result(5 + shared - Math.abs(p.oneTapMaxPrice() - 250) / 1000 - Math.abs(p.oneTapMaxShare() - 2));
        };
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(2));
        baseline.put(Placement.CONFIRMATION, result(1));
        SettingsSearch.Choice choice = new SettingsSearch(replayer, baseline)
                .search(WeightingProfile.defaults().withName("mine"));
        WeightingProfile p = choice.profile();
        assertEquals("mine", p.name());
        assertEquals(0.75, p.priceWeight());
        assertEquals(20, p.smoothing());
        assertEquals(Estimator.LOWER_BOUND, p.estimator());
        assertEquals(1, p.minLift());
        assertEquals(4, p.maxPriceRatio());
        assertEquals(250, p.oneTapMaxPrice());
        assertEquals(2, p.oneTapMaxShare());
        assertEquals(5 / 2.0 + 5 / 1.0, choice.objective(), 1e-9, "the sum of both placements' gains over popularity");
        // the cart ceiling is never replayed on the confirmation page
        int cartOnlyValues = SettingsSearch.DIMENSIONS.stream().filter(d -> d.placement() == Placement.CART)
                .mapToInt(d -> d.values().length).sum();
        assertTrue(confirmationReplays.get() <= choice.evaluations() - cartOnlyValues,
                confirmationReplays + " of " + choice.evaluations());
    }

    /** A list that earns more per order by being rarely right loses to one above the relevance floor. */
    @Test
    void aSettingBelowTheRelevanceFloorYieldsToOneAboveIt() {
        // revenue grows with w, but from w = 1.5 the hit rate falls under 0.4 × popularity's
        SettingsSearch.Replayer replayer = (placement, p) -> Replay.Run.of(new PolicyResult("x", null, 100, 10,
                p.priceWeight() >= 1.5 ? 0.03 : 0.1, 1 + p.priceWeight(), 1, 0.5, 0, 0, 1 + p.priceWeight(), 50));
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(1));
        WeightingProfile chosen = new SettingsSearch(replayer, baseline)
                .search(WeightingProfile.defaults().withPriceWeight(2))
                .profile();
        assertEquals(1.25, chosen.priceWeight(), "the dearest list above the floor (w = 1.25), not w = 2 below it");
    }

    /**
     * A replay of {@code orders} orders of 4 impressions each in which {@code hitRate} of the slots
     * were bought at price {@code price}, the hits spread over the orders as evenly as they go.
     */
    private static Replay.Run replayed(int orders, double hitRate, double price) {
        double[] revenue = new double[orders];
        int[] impressions = new int[orders];
        int[] hits = new int[orders];
        int total = (int) Math.round(hitRate * 4 * orders);
        for (int o = 0; o < orders; o++) {
            impressions[o] = 4;
            hits[o] = (int) ((long) total * (o + 1) / orders - (long) total * o / orders);
            revenue[o] = hits[o] * price;
        }
        return new Replay.Run(new PolicyResult("x", null, 4L * orders, total, (double) total / (4 * orders),
                total * price / (4.0 * orders), price, 0.5, 0, 0, total * price / orders, orders), revenue, impressions,
                hits);
    }

    /**
     * The relevance floor holds at the lower end of the hit rate's interval, not at the measured
     * ratio: on a short period a list measured at 0.45× popularity's hit rate may well be under 0.4×
     * on the next one, and loses to a relevant one; on a long period the same 0.45× is beyond doubt.
     */
    @Test
    void theRelevanceFloorHoldsAtTheLowerEndOfTheHitRatesInterval() {
        for (int orders : new int[] {200, 200_000}) {
            // popularity: 10 % of slots bought at $10; w = 2: 4.5 % at $100 (0.45× the hit rate), others 8 % at $20
            Replay.Run popularity = replayed(orders, 0.10, 10);
            SettingsSearch.Replayer replayer = (placement, p) -> p.priceWeight() == 2
                    ? replayed(orders, 0.045, 100) : replayed(orders, 0.08, 20);
            Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
            baseline.put(Placement.CART, popularity);
            baseline.put(Placement.CONFIRMATION, popularity);
            SettingsSearch search = new SettingsSearch(replayer, baseline);
            double chosen = search.search(WeightingProfile.defaults().withPriceWeight(1)).profile().priceWeight();
            RpiRatio hitRatio = RpiRatio.ofHitRates(replayed(orders, 0.045, 100), popularity).orElseThrow();
            assertEquals(0.45, hitRatio.ratio(), 1e-9);
            if (orders == 200) {
                assertTrue(hitRatio.low() < 0.4, hitRatio.toString());
                assertEquals(1, chosen, "0.45× measured on 200 orders, under 0.4× at the interval's lower end");
            } else {
                assertTrue(hitRatio.low() > 0.4, hitRatio.toString());
                assertEquals(2, chosen, "0.45× measured on 200,000 orders");
            }
        }
    }

    @Test
    void aPlacementWithoutOrdersDoesNotCount() {
        SettingsSearch.Replayer replayer = (placement, p) -> placement == Placement.CART
                ? result(1 + p.priceWeight())
                : Replay.Run.of(new PolicyResult("x", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(0));
        SettingsSearch.Choice choice = new SettingsSearch(replayer, baseline)
                .search(WeightingProfile.defaults());
        assertEquals(2, choice.profile().priceWeight());
        assertEquals(3, choice.objective(), 1e-9);
    }

    @Test
    void aStartOutsideTheGridIsMovedOntoIt() {
        // nothing earns more anywhere: the search keeps its start, snapped onto the grid
        SettingsSearch.Replayer flat = (placement, p) -> result(1);
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(1));
        WeightingProfile chosen = new SettingsSearch(flat, baseline).search(WeightingProfile.defaults()
                .withOneTapMaxPrice(1000).withOneTapMaxShare(20).withPriceWeight(0.6)).profile();
        assertEquals(250, chosen.oneTapMaxPrice());
        assertEquals(2, chosen.oneTapMaxShare());
        assertEquals(0.5, chosen.priceWeight());
    }

    /**
     * A higher evidence floor shows fewer items: more per impression, less per order. The search takes
     * the most per impression that still earns popularity's revenue per order.
     */
    @Test
    void aListThatEarnsMorePerImpressionByShowingLessMustStillEarnPopularitysRevenuePerOrder() {
        SettingsSearch.Replayer replayer = (placement, p) -> {
            int impressions = 200 - 5 * p.minEvidence();
            double revenue = 300 - 4 * p.minEvidence();
            return Replay.Run.of(new PolicyResult("x", null, impressions, 20, 0.1, revenue / impressions, 1, 0.5, 0, 0,
                    revenue / 100, 100));
        };
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        // popularity: 2.0 per impression, 2.5 per order
        Replay.Run popularity = Replay.Run.of(new PolicyResult("p", null, 200, 20, 0.1, 2, 1, 0.5, 0, 0, 2.5, 100));
        baseline.put(Placement.CART, popularity);
        baseline.put(Placement.CONFIRMATION, popularity);
        WeightingProfile chosen = new SettingsSearch(replayer, baseline)
                .search(WeightingProfile.defaults()).profile();
        // per order: 3.0 − 0.04·e ≥ 2.5 up to e = 12.5; per impression it keeps rising: 13 would win without the guard
        assertEquals(8, chosen.minEvidence(), "the highest floor on the grid that keeps popularity's revenue per order");
    }

    /**
     * A period's model takes each profile as it ranks there ({@code onModel}, such as the evidence floor
     * scaled to a thinner model): the replayer sees only what the model takes, and two profiles it takes
     * alike are replayed once, at the same score, so the search's choice is what it would be anyway.
     */
    @Test
    void aPeriodReplaysEachProfileAsItsModelTakesIt() {
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(1));
        List<Integer> floorsReplayed = new ArrayList<>();
        SettingsSearch.Replayer replayer = (placement, p) -> {
            floorsReplayed.add(p.minEvidence());
            return result(p.priceWeight() == 1 ? 2 : 1);
        };
        UnaryOperator<WeightingProfile> halved = p -> p.withMinEvidence(Math.max(1, p.minEvidence() / 2));
        SettingsSearch.Choice scaled = new SettingsSearch(List.of(new SettingsSearch.Fold(replayer, baseline, halved)))
                .search(WeightingProfile.defaults());
        assertTrue(floorsReplayed.stream().allMatch(floor -> floor <= 17), "only halved floors reach the replayer");
        SettingsSearch.Choice asIs = new SettingsSearch(List.of(new SettingsSearch.Fold(replayer, baseline)))
                .search(WeightingProfile.defaults());
        assertTrue(scaled.evaluations() < asIs.evaluations(), "floors 1 and 2, 2 and 3 are replayed once");
        assertEquals(asIs.profile(), scaled.profile());
    }

    /** A setting that shines on one validation period only loses to one that is good on all of them. */
    @Test
    void theChoiceIsScoredOnEveryValidationPeriod() {
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(1));
        // the latest period rewards w = 2 (a lucky week for the dearest items), the two before it w = 1
        SettingsSearch.Fold latest = new SettingsSearch.Fold((placement, p) -> result(
                p.priceWeight() == 2 ? 3 : p.priceWeight() == 1 ? 2 : 1), baseline);
        SettingsSearch.Fold earlier = new SettingsSearch.Fold((placement, p) -> result(
                p.priceWeight() == 1 ? 2 : 1), baseline);
        SettingsSearch.Choice choice = new SettingsSearch(List.of(latest, earlier, earlier))
                .search(WeightingProfile.defaults().withPriceWeight(0));
        assertEquals(1, choice.profile().priceWeight());
        assertEquals(2, choice.validation().get(Placement.CART).rpi(), 1e-9, "the figures are the latest period's");
        assertEquals(new SettingsSearch(List.of(latest)).search(WeightingProfile.defaults().withPriceWeight(0))
                .profile().priceWeight(), 2,
                "on the latest period alone the search takes w = 2");
    }

    /**
     * A replay of 1,000 orders of four impressions each, where every tenth order from {@code first} on
     * earns {@code value}: the same orders at another value are a gain beyond noise, other orders a coin toss.
     */
    private static Replay.Run perOrder(int first, double value) {
        int n = 1000;
        double[] revenue = new double[n];
        int[] impressions = new int[n];
        int[] hits = new int[n];
        for (int o = 0; o < n; o++) {
            impressions[o] = 4;
            if (o % 10 == first) {
                revenue[o] = value;
                hits[o] = 1;
            }
        }
        double total = 100 * value;
        return new Replay.Run(new PolicyResult("x", null, 4 * n, 100, 100.0 / (4 * n), total / (4 * n), value, 0.5, 0,
                0, total / n, n), revenue, impressions, hits);
    }

    /**
     * The category backoff is not swept but switched, and only on a lead beyond the validation periods'
     * noise: without it the cart earns 20 % more on the very orders that earned before (a lead beyond
     * noise) and the search turns it off; 2 % more on other orders (within noise) and it stays on, though
     * that scores higher; and a search started without it keeps it off against the same noise.
     */
    @Test
    void theBackoffSwitchesOnlyOnALeadBeyondNoise() {
        Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, perOrder(0, 10));
        baseline.put(Placement.CONFIRMATION, perOrder(0, 10));
        for (boolean beyondNoise : new boolean[] {true, false}) {
            Replay.Run without = beyondNoise ? perOrder(0, 12) : perOrder(1, 10.2);
            SettingsSearch.Replayer replayer = (placement, p) -> placement == Placement.CART
                    && p.backoffBelowOrders() == 0 ? without : perOrder(0, 10);
            WeightingProfile chosen = new SettingsSearch(replayer, baseline).search(WeightingProfile.defaults())
                    .profile();
            assertEquals(beyondNoise ? 0 : 30, chosen.backoffBelowOrders(), beyondNoise ? "beyond noise" : "noise");
        }
        SettingsSearch.Replayer replayer = (placement, p) -> placement == Placement.CART
                && p.backoffBelowOrders() == 30 ? perOrder(1, 10.2) : perOrder(0, 10);
        assertEquals(0, new SettingsSearch(replayer, baseline).search(WeightingProfile.defaults()
                .withBackoffBelowOrders(0)).profile()
                .backoffBelowOrders(), "off, and the built-in threshold earns more only within noise");
    }
}

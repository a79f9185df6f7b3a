package io.orderlift.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.BruteForceMiner.Line;
import io.orderlift.mining.BruteForceMiner.Pair;
import org.junit.jupiter.api.Test;

/**
 * The miner against the brute-force reference on hundreds of random small stores, and on the
 * edge cases the rules name.
 */
class PairMinerTest {

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    static BruteForceMiner.Result mine(List<Line> lines, int products, MiningSettings settings, int threads) {
        Transactions.Builder builder = Transactions.builder(products, settings.maxBasket());
        lines.forEach(l -> builder.line(l.order(), l.customer(), l.time(), l.product(), l.quantity()));
        MiningResult result = new PairMiner(threads, 0).mine(builder.build(), settings, ProgressMonitor.NONE);
        Map<Integer, Integer> orders = new HashMap<>();
        Map<Integer, Integer> followBase = new HashMap<>();
        for (int p = 0; p < products; p++) {
            orders.put(p, result.productOrders()[p]);
            followBase.put(p, result.followBase()[p]);
        }
        Map<List<Integer>, Pair> pairs = new HashMap<>();
        result.pairs().forEachPair((anchor, candidate, co, follow, customers) ->
                pairs.put(List.of(anchor, candidate), new Pair(co, follow, customers)));
        return new BruteForceMiner.Result(result.orders(), orders, followBase, pairs);
    }

    static void assertSame(List<Line> lines, int products, MiningSettings settings, String what) {
        BruteForceMiner.Result expected = BruteForceMiner.mine(lines, products, settings);
        for (int threads : new int[] {1, 2, 3}) {
            BruteForceMiner.Result actual = mine(lines, products, settings, threads);
            assertEquals(expected.n(), actual.n(), what + ": N");
            assertEquals(expected.orders(), actual.orders(), what + ": orders(a)");
            assertEquals(expected.followBase(), actual.followBase(), what + ": followBase(a)");
            assertEquals(expected.pairs(), actual.pairs(), what + ": pairs, " + threads + " threads");
        }
    }

    @Test
    void matchesBruteForceOnRandomStores() {
        for (int seed = 0; seed < 500; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            // a catalog of up to 10 products (each anchor touches much of it), one in five of up to 300
            // (each touches a few): the miner orders an anchor's candidates both ways
            int products = seed % 5 == 4 ? 2 + random.nextInt(299) : 2 + random.nextInt(9);
            int customers = 1 + random.nextInt(6);
            int orderCount = random.nextInt(45);
            List<Line> lines = new ArrayList<>();
            for (int o = 0; o < orderCount; o++) {
                int customer = random.nextInt(customers + 1) - 1;
                long time = random.nextInt(120) * 12 * HOUR + (random.nextInt(4) == 0 ? random.nextInt(3) * 60_000L : 0);
                int count = 1 + random.nextInt(4);
                for (int l = 0; l < count; l++) {
                    int quantity = new int[] {-2, -1, 1, 1, 1, 2}[random.nextInt(6)];
                    long lineTime = time + (random.nextInt(8) == 0 ? random.nextInt(5) * HOUR : 0);
                    lines.add(new Line(o * 7 + 3, customer, lineTime, random.nextInt(products), quantity));
                }
            }
            int window = new int[] {0, 1, 5, 30}[random.nextInt(4)];
            int maxBasket = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
            int minCo = random.nextInt(4) == 0 ? 2 : 1;
            assertSame(lines, products, new MiningSettings(window, maxBasket, minCo), "seed " + seed);
        }
    }

    /**
     * The real shape: the first four weeks of the wholesale sample (long baskets, bulk orders,
     * cancellations as separate negative orders, repeat customers), every window boundary exact.
     */
    @Test
    void matchesBruteForceOnASliceOfTheRealShapedStore() throws Exception {
        Map<String, Integer> orders = new HashMap<>();
        Map<String, Integer> customers = new HashMap<>();
        Map<String, Integer> products = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of("sample-stores/wholesale/orders.csv.gz")))))) {
            String line = in.readLine();
            while ((line = in.readLine()) != null && line.compareTo("") != 0) {
                String[] f = line.split(",");
                long time = Instant.parse(f[2]).toEpochMilli();
                if (time >= Instant.parse("2025-01-29T00:00:00Z").toEpochMilli()) {
                    break;
                }
                int order = orders.computeIfAbsent(f[0], k -> orders.size());
                int customer = f[1].isEmpty() ? -1 : customers.computeIfAbsent(f[1], k -> customers.size());
                int product = products.computeIfAbsent(f[3], k -> products.size());
                lines.add(new Line(order, customer, time, product, Integer.parseInt(f[6])));
            }
        }
        assertTrue(orders.size() > 500 && lines.size() > 10_000, orders.size() + " orders, " + lines.size() + " lines");
        assertSame(lines, products.size(), MiningSettings.defaults(), "wholesale slice");
        assertSame(lines, products.size(), new MiningSettings(7, 0, 2), "wholesale slice, 7 days, min co 2");
    }

    @Test
    void aSkuOnTwoLinesOfOneOrderCountsOnce() {
        List<Line> lines = List.of(new Line(1, 1, 0, 0, 1), new Line(1, 1, 0, 0, 2), new Line(1, 1, 0, 1, 1));
        BruteForceMiner.Result r = mine(lines, 2, MiningSettings.defaults(), 1);
        assertEquals(1, r.orders().get(0));
        assertEquals(new Pair(1, 0, 1), r.pairs().get(List.of(0, 1)));
        assertSame(lines, 2, MiningSettings.defaults(), "two lines");
    }

    @Test
    void aReturnNettingALineToZeroRemovesTheItemAndAnEmptyOrderIsIgnored() {
        List<Line> lines = List.of(new Line(1, 1, 0, 0, 2), new Line(1, 1, 0, 0, -2), new Line(1, 1, 0, 1, 1),
                new Line(2, 1, DAY, 1, -1));
        BruteForceMiner.Result r = mine(lines, 2, MiningSettings.defaults(), 1);
        assertEquals(1, r.n(), "order 2 (a pure return) is ignored");
        assertEquals(0, r.orders().get(0));
        assertEquals(Map.of(), r.pairs());
    }

    /** Customer 1 buys A at t0, B exactly 30 days later, C 30 days and a minute later; D at t0 too. */
    @Test
    void followOnWindowIncludesExactlyWindowDaysAndNotAMinuteMore() {
        long t0 = 0;
        List<Line> lines = List.of(new Line(1, 1, t0, 0, 1),
                new Line(2, 1, t0 + 30 * DAY, 1, 1),
                new Line(3, 1, t0 + 30 * DAY + 60_000, 2, 1),
                new Line(4, 1, t0, 3, 1),
                new Line(9, 2, t0 + 100 * DAY, 3, 1));
        BruteForceMiner.Result r = mine(lines, 4, MiningSettings.defaults(), 1);
        assertEquals(1, r.pairs().get(List.of(0, 1)).follow(), "exactly 30 × 24 h later counts");
        assertEquals(null, r.pairs().get(List.of(0, 2)), "a minute later does not");
        assertEquals(null, r.pairs().get(List.of(0, 3)), "an order at the same time is not 'later'");
        assertSame(lines, 4, MiningSettings.defaults(), "window");
    }

    @Test
    void guestsGiveNoFollowOnAndCensoredOrdersGiveNone() {
        long last = 200 * DAY;
        List<Line> lines = List.of(
                new Line(1, -1, 0, 0, 1), new Line(2, -1, DAY, 1, 1),
                new Line(3, 5, last - 30 * DAY, 0, 1), new Line(4, 5, last - 10 * DAY, 1, 1),
                new Line(5, 6, last - 30 * DAY + 1, 0, 1), new Line(6, 6, last - 5 * DAY, 1, 1),
                new Line(7, 7, last, 2, 1));
        BruteForceMiner.Result r = mine(lines, 3, MiningSettings.defaults(), 1);
        assertEquals(1, r.followBase().get(0), "the guest and the order after the cutoff are not in the base");
        assertEquals(new Pair(0, 1, 1), r.pairs().get(List.of(0, 1)), "only customer 5's order is at the boundary");
        assertSame(lines, 3, MiningSettings.defaults(), "censoring");
    }

    @Test
    void anOrderWhoseLinesCarryTwoTimesTakesTheEarliest() {
        List<Line> lines = List.of(new Line(1, 1, 10 * DAY, 0, 1), new Line(1, 1, 5 * DAY, 1, 1),
                new Line(2, 1, 6 * DAY, 2, 1), new Line(3, 2, 100 * DAY, 2, 1));
        BruteForceMiner.Result r = mine(lines, 3, MiningSettings.defaults(), 1);
        assertEquals(1, r.pairs().get(List.of(0, 2)).follow(), "order 1 is at day 5, so day 6 is after it");
        assertSame(lines, 3, MiningSettings.defaults(), "two times");
    }

    @Test
    void eachAnchorOrderCountsACandidateOnce() {
        List<Line> lines = List.of(new Line(1, 1, 0, 0, 1), new Line(2, 1, DAY, 1, 1), new Line(3, 1, 2 * DAY, 1, 1),
                new Line(4, 2, 90 * DAY, 0, 1));
        BruteForceMiner.Result r = mine(lines, 2, MiningSettings.defaults(), 1);
        assertEquals(1, r.pairs().get(List.of(0, 1)).follow());
    }

    @Test
    void maxBasketIgnoresLargeOrdersAndMinCoDropsThinPairs() {
        List<Line> lines = List.of(new Line(1, 1, 0, 0, 1), new Line(1, 1, 0, 1, 1), new Line(1, 1, 0, 2, 1),
                new Line(2, 2, 0, 0, 1), new Line(2, 2, 0, 1, 1), new Line(3, 3, 0, 0, 1), new Line(3, 3, 0, 1, 1));
        BruteForceMiner.Result capped = mine(lines, 3, new MiningSettings(30, 2, 1), 1);
        assertEquals(2, capped.n());
        BruteForceMiner.Result thin = mine(lines, 3, new MiningSettings(30, 0, 2), 1);
        assertEquals(null, thin.pairs().get(List.of(0, 2)));
        assertEquals(3, thin.pairs().get(List.of(0, 1)).co());
    }
}

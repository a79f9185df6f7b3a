package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.CurationRules;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import org.junit.jupiter.api.Test;

/** The sequential cart replay and the popularity baselines, against brute force on random stores. */
class ReplayProtocolTest {

    private static final int PRODUCTS = 40;

    /** Random orders of 2–30 distinct items, one a day. */
    private static List<Backtest.Order> orders(SplittableRandom random, int count) {
        List<Backtest.Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = 2 + random.nextInt(29);
            int[] items = random.ints(0, PRODUCTS).distinct().limit(n).toArray();
            int[] quantities = IntStream.range(0, n).map(x -> 1 + random.nextInt(3)).toArray();
            orders.add(new Backtest.Order(random.nextInt(10), i * 86_400_000L, items, quantities));
        }
        return orders;
    }

    private static double[] prices(SplittableRandom random) {
        return random.doubles(PRODUCTS, 1, 200).toArray();
    }

    private static Replay replay(List<Backtest.Order> orders, double[] prices) {
        List<OrderLog.Order> log = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Backtest.Order o = orders.get(i);
            log.add(new OrderLog.Order(i, o.customer(), o.time(), o.items(), o.quantities()));
        }
        return new Replay(OrderLog.of(log, PRODUCTS), 30 * 86_400_000L, prices);
    }

    @Test
    void sequentialReplayCreditsExactlyTheItemsStillToCome() {
        SplittableRandom random = new SplittableRandom(11);
        List<Backtest.Order> orders = orders(random, 300);
        double[] prices = prices(random);
        Replay replay = replay(orders, prices);
        // an oracle that knows the order recommends what is still to come: every impression is a hit
        Map<Long, int[]> byTime = new HashMap<>();
        orders.forEach(o -> byTime.put(o.time(), o.items()));
        Backtest.Policy everything = (placement, items, quantities, k) -> IntStream.range(0, PRODUCTS).toArray();
        PolicyResult all = replay.run(Placement.CART, CartProtocol.SEQUENTIAL, orders, Long.MAX_VALUE, everything,
                PRODUCTS, "all", null);
        // showing every product: each step credits the items not revealed yet, n − step of them
        long expectedHits = 0;
        long expectedImpressions = 0;
        for (Backtest.Order o : orders) {
            int n = o.items().length;
            int steps = Math.min(n - 1, Replay.MAX_HIDDEN);
            expectedImpressions += (long) steps * PRODUCTS;
            if (n - 1 <= Replay.MAX_HIDDEN) {
                expectedHits += (long) n * (n - 1) / 2;
            }
        }
        assertEquals(expectedImpressions, all.impressions());
        long shortOrderHits = replay.run(Placement.CART, CartProtocol.SEQUENTIAL,
                orders.stream().filter(o -> o.items().length - 1 <= Replay.MAX_HIDDEN).toList(), Long.MAX_VALUE,
                everything, PRODUCTS, "all", null).hits();
        assertEquals(expectedHits, shortOrderHits);
        // recommending only what the cart already holds never earns
        Backtest.Policy cartItems = (placement, items, quantities, k) -> Arrays.copyOf(items, Math.min(k, items.length));
        assertEquals(0, replay.run(Placement.CART, CartProtocol.SEQUENTIAL, orders, Long.MAX_VALUE, cartItems, 4,
                "cart", null).hits());
        // the carts a step shows are prefixes of one reveal order: each grows by its step's items
        Backtest.Policy checking = new Backtest.Policy() {
            @Override
            public int[] recommend(Placement placement, int[] items, int[] quantities, int k) {
                return new int[0];
            }

            @Override
            public int[][] recommendPrefixes(Placement placement, int[] items, int[] quantities, int[] lengths, int k) {
                int[] sorted = items.clone();
                Arrays.sort(sorted);
                int[] order = Arrays.stream(orders.stream().filter(o -> {
                    int[] own = o.items().clone();
                    Arrays.sort(own);
                    return Arrays.equals(own, sorted);
                }).findFirst().orElseThrow().items()).sorted().toArray();
                assertArrayEquals(order, sorted, "the whole order is revealed in some order");
                for (int i = 1; i < lengths.length; i++) {
                    assertEquals(true, lengths[i] > lengths[i - 1] && lengths[i] < items.length);
                }
                return Backtest.Policy.super.recommendPrefixes(placement, items, quantities, lengths, k);
            }
        };
        replay.run(Placement.CART, CartProtocol.SEQUENTIAL, orders, Long.MAX_VALUE, checking, 4, "check", null);
    }

    @Test
    void figuresByListLengthAreThoseOfTheShorterListsReplayed() {
        SplittableRandom random = new SplittableRandom(29);
        for (int round = 0; round < 6; round++) {
            RankingModel model = model(random);
            WeightingProfile profile = randomRules(random);
            List<Backtest.Order> orders = orders(random, 120);
            Replay replay = replay(orders, prices(random));
            Recommender recommender = new Recommender(model, round % 2 == 0 ? CurationRules.NONE
                    : new CurationRules().pin(Placement.CART, orders.get(0).items()[0], orders.get(0).items()[1]));
            Map<String, Backtest.Policy> policies = Map.of("popularity", Popularity.classic(model, new BitSet()),
                    "popularity+rules", Popularity.underRules(model, profile),
                    "ranking", Backtest.rankingPolicy(recommender, profile));
            int longest = 4;
            for (Map.Entry<String, Backtest.Policy> policy : policies.entrySet()) {
                for (Placement placement : Placement.values()) {
                    for (CartProtocol protocol : placement == Placement.CART ? CartProtocol.values()
                            : new CartProtocol[] {CartProtocol.SEQUENTIAL}) {
                        List<ListLength> byLength = replay.replay(placement, protocol, orders, Long.MAX_VALUE,
                                policy.getValue(), longest, "x", null).byLength();
                        assertEquals(longest, byLength.size());
                        for (int length = 1; length <= longest; length++) {
                            PolicyResult shorter = replay.run(placement, protocol, orders, Long.MAX_VALUE,
                                    policy.getValue(), length, "x", null);
                            ListLength at = byLength.get(length - 1);
                            String what = policy.getKey() + " " + placement + " " + protocol + " at " + length;
                            assertEquals(length, at.length(), what);
                            assertEquals(shorter.impressions(), at.impressions(), what);
                            assertEquals(shorter.hits(), at.hits(), what);
                            assertEquals(shorter.rpi(), at.rpi(), 1e-9 * Math.max(1, shorter.rpi()), what);
                            assertEquals(shorter.aovLift(), at.aovLift(), 1e-12, what);
                        }
                    }
                }
            }
        }
    }

    /** A random model: 40 products in 5 categories (every seventh in none), some without a price, random pairs. */
    private static RankingModel model(SplittableRandom random) {
        return model(random, p -> p % 7 == 6 ? null : "C" + p % 5);
    }

    /** The same with each product's category given by {@code category} (null: none). */
    private static RankingModel model(SplittableRandom random, IntFunction<String> category) {
        RankingModel.Builder b = RankingModel.builder(500);
        for (int p = 0; p < PRODUCTS; p++) {
            b.product(p, String.format("SKU-%02d", p), "P" + p, category.apply(p),
                    p % 13 == 12 ? Double.NaN : 1 + random.nextInt(150), 5 + random.nextInt(100), 3 + random.nextInt(50));
        }
        for (int a = 0; a < PRODUCTS; a++) {
            for (int c = 0; c < PRODUCTS; c++) {
                if (a != c && random.nextInt(3) == 0) {
                    b.pair(a, c, random.nextInt(6), random.nextInt(4));
                }
            }
        }
        return b.build();
    }

    @Test
    void popularityKeepsRunningSumsThatEqualAFreshCount() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            RankingModel model = model(random);
            Backtest.Policy classic = Popularity.classic(model);
            Backtest.Policy ruled = Popularity.underRules(model, WeightingProfile.defaults().withMaxPriceRatio(2));
            for (int t = 0; t < 50; t++) {
                Placement placement = t % 2 == 0 ? Placement.CART : Placement.CONFIRMATION;
                int n = 2 + random.nextInt(12);
                int[] items = random.ints(0, PRODUCTS).distinct().limit(n).toArray();
                int[] quantities = IntStream.range(0, n).map(x -> 1 + random.nextInt(2)).toArray();
                int[] lengths = IntStream.rangeClosed(1, n - 1).filter(x -> random.nextBoolean()).toArray();
                if (lengths.length == 0) {
                    continue;
                }
                int[][] running = classic.recommendPrefixes(placement, items, quantities, lengths, 4);
                int[][] ruledRunning = ruled.recommendPrefixes(placement, items, quantities, lengths, 4);
                for (int s = 0; s < lengths.length; s++) {
                    int[] prefix = Arrays.copyOf(items, lengths[s]);
                    assertArrayEquals(bruteForce(model, placement, prefix, 4), running[s],
                            "prefix " + Arrays.toString(prefix));
                    assertArrayEquals(ruled.recommend(placement, prefix, Arrays.copyOf(quantities, lengths[s]), 4),
                            ruledRunning[s]);
                }
            }
        }
    }

    @Test
    void popularityLeavingOutEachItemEqualsAFreshCountOfTheRest() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 40; round++) {
            // every other model puts most products in one category, so the cap passes over many
            RankingModel model = round % 2 == 0 ? model(random) : model(random, p -> p % 8 == 0 ? "C" + p % 3 : "MOST");
            WeightingProfile d = WeightingProfile.defaults().withMaxPriceRatio(1 + random.nextInt(3));
            WeightingProfile capped = new WeightingProfile(d.name(), d.priceWeight(), d.smoothing(), 1 + random.nextInt(3),
                    d.backoffBelowOrders(), d.maxPriceRatio(), 40 + random.nextInt(100), 0.5 + random.nextDouble(),
                    1 + random.nextInt(2), d.cartLength(), d.confirmationLength(), random.nextDouble(), d.minCustomers(),
                    d.estimator(), d.confirmationEvidence(), null);
            for (Backtest.Policy policy : List.of(Popularity.classic(model), Popularity.underRules(model, capped))) {
                for (int t = 0; t < 50; t++) {
                    Placement placement = t % 2 == 0 ? Placement.CART : Placement.CONFIRMATION;
                    int n = 2 + random.nextInt(12);
                    // now and then an item the model does not know (sold only after it was mined)
                    int[] items = random.ints(0, PRODUCTS + 3).distinct().limit(n).toArray();
                    int[] quantities = IntStream.range(0, n).map(x -> 1 + random.nextInt(2)).toArray();
                    int[] hidden = IntStream.range(0, n).filter(x -> random.nextInt(3) > 0).toArray();
                    int[][] shared = policy.recommendLeavingOut(placement, items, quantities, hidden, 4);
                    for (int i = 0; i < hidden.length; i++) {
                        int h = hidden[i];
                        int[] rest = IntStream.range(0, n).filter(x -> x != h).map(x -> items[x]).toArray();
                        int[] restQuantities = IntStream.range(0, n).filter(x -> x != h).map(x -> quantities[x]).toArray();
                        assertArrayEquals(policy.recommend(placement, rest, restQuantities, 4), shared[i],
                                placement + " without " + items[h] + " of " + Arrays.toString(items));
                    }
                }
            }
        }
    }

    /**
     * A hidden item with more pairs than a capped list ranks: its best ones mostly share a category,
     * so the list reaches past them, and leaving it out must still equal a fresh count of the rest.
     */
    @Test
    void popularityLeavingOutUnderACapReachesPastTheHiddenItemsBestPairs() {
        SplittableRandom random = new SplittableRandom(13);
        int products = 200;
        RankingModel.Builder b = RankingModel.builder(5_000);
        for (int p = 0; p < products; p++) {
            b.product(p, String.format("SKU-%03d", p), null, p % 10 == 0 ? "C" + p % 7 : "MOST",
                    1 + random.nextInt(150), 50 + random.nextInt(500), 10 + random.nextInt(100));
        }
        for (int a = 0; a < products; a++) {
            for (int c = 0; c < products; c++) {
                if (a != c && random.nextBoolean()) {
                    b.pair(a, c, 1 + random.nextInt(30), random.nextInt(5));
                }
            }
        }
        RankingModel model = b.build();
        Backtest.Policy policy = Popularity.underRules(model, oneOfACategory());
        for (int t = 0; t < 300; t++) {
            int n = 2 + random.nextInt(4);
            int[] items = random.ints(0, products).distinct().limit(n).toArray();
            int[] quantities = IntStream.range(0, n).map(x -> 1).toArray();
            int[] hidden = IntStream.range(0, n).toArray();
            int[][] shared = policy.recommendLeavingOut(Placement.CART, items, quantities, hidden, 4);
            for (int h : hidden) {
                int[] rest = IntStream.range(0, n).filter(x -> x != h).map(x -> items[x]).toArray();
                int[] restQuantities = Arrays.copyOf(quantities, rest.length);
                assertArrayEquals(policy.recommend(Placement.CART, rest, restQuantities, 4), shared[h],
                        "without " + items[h] + " of " + Arrays.toString(items));
            }
        }
    }

    /**
     * Leaving out H, the rest is R alone: one of the ten accessories R is bought with, then the
     * best of another category, X (60). X is among H's pairs, below the eight of them a capped list
     * of two ranks first, so the shortcut from H's best pairs and the order's best must not settle
     * on W (50), the best of the order outside H's pairs.
     */
    @Test
    void popularityLeavingOutLooksPastTheHiddenItemsBestPairsWhenTheCapSkipsThem() {
        RankingModel.Builder b = RankingModel.builder(10_000).product(0, "H", null, "Tents", 100, 500, 0)
                .product(1, "R", null, "Packs", 100, 500, 0).product(2, "X", null, "Stoves", 10, 200, 0)
                .product(3, "W", null, "Lights", 10, 200, 0).pair(1, 2, 60, 0).pair(0, 2, 1, 0).pair(1, 3, 50, 0);
        for (int m = 0; m < 10; m++) {
            b.product(4 + m, "M" + m, null, "Accessories", 10, 300, 0).pair(1, 4 + m, 100 - m, 0).pair(0, 4 + m, 5, 0);
        }
        RankingModel model = b.build();
        int[][] lists = Popularity.underRules(model, oneOfACategory())
                .recommendLeavingOut(Placement.CART, new int[] {0, 1}, new int[] {1, 1}, new int[] {0}, 2);
        assertArrayEquals(new int[] {4, 2}, lists[0], "M0, then X");
    }

    @Test
    void popularityUnderACategoryCapFillsItsListFromFurtherDown() {
        // the forty most co-bought companions share one category; a cap of 1 must reach past them
        RankingModel.Builder b = RankingModel.builder(1_000).product(0, "ANCHOR", null, "Tents", 100, 500, 0);
        for (int c = 1; c <= 40; c++) {
            b.product(c, "SAME" + c, null, "Accessories", 10, 100, 0).pair(0, c, 100 - c, 0);
        }
        for (int c = 41; c <= 44; c++) {
            b.product(c, "OTHER" + c, null, "Category" + c, 10, 10, 0).pair(0, c, 60 - c, 0);
        }
        RankingModel model = b.build();
        WeightingProfile d = WeightingProfile.defaults().withMaxPriceRatio(2);
        WeightingProfile capped = new WeightingProfile(d.name(), d.priceWeight(), d.smoothing(), d.minEvidence(),
                d.backoffBelowOrders(), d.maxPriceRatio(), d.oneTapMaxPrice(), d.oneTapMaxShare(), 1, d.cartLength(),
                d.confirmationLength(), d.minLift(), d.minCustomers(), d.estimator(), d.confirmationEvidence(), null);
        int[] list = Popularity.underRules(model, capped).recommend(Placement.CART, new int[] {0}, new int[] {1}, 4);
        assertArrayEquals(new int[] {1, 41, 42, 43}, list, "one accessory, then the best of the other categories");
    }

    @Test
    void popularityNeverOffersAnExcludedProduct() {
        SplittableRandom random = new SplittableRandom(11);
        RankingModel model = model(random);
        int[] cart = {0, 1, 2, 3};
        int[] quantities = {1, 1, 1, 1};
        int[] open = Popularity.classic(model).recommend(Placement.CART, cart, quantities, 4);
        int[] ruledOpen = Popularity.underRules(model, WeightingProfile.defaults())
                .recommend(Placement.CONFIRMATION, cart, quantities, 4);
        BitSet excluded = new BitSet();
        excluded.set(open[0]);
        excluded.set(open[2]);
        excluded.set(ruledOpen[0]);
        int[] curated = Popularity.classic(model, excluded).recommend(Placement.CART, cart, quantities, 4);
        int[] expected = Arrays.stream(bruteForce(model, Placement.CART, cart, PRODUCTS))
                .filter(c -> !excluded.get(c)).limit(4).toArray();
        assertArrayEquals(expected, curated, "the same ranking with the excluded ones left out");
        int[] ruled = Popularity.underRules(model, WeightingProfile.defaults(), excluded)
                .recommend(Placement.CONFIRMATION, cart, quantities, 4);
        assertTrue(Arrays.stream(ruled).noneMatch(excluded::get), Arrays.toString(ruled));
    }

    @Test
    void popularityUnderRulesEqualsABruteForceReading() {
        SplittableRandom random = new SplittableRandom(23);
        for (int round = 0; round < 40; round++) {
            // every other model puts most products in one category, so the cap passes over many
            RankingModel model = round % 2 == 0 ? model(random) : model(random, p -> p % 8 == 0 ? "C" + p % 3 : "MOST");
            WeightingProfile profile = randomRules(random);
            Backtest.Policy ruled = Popularity.underRules(model, profile);
            for (int t = 0; t < 50; t++) {
                Placement placement = t % 2 == 0 ? Placement.CART : Placement.CONFIRMATION;
                int n = 1 + random.nextInt(8);
                int[] cart = random.ints(0, PRODUCTS).distinct().limit(n).toArray();
                int[] quantities = IntStream.range(0, n).map(x -> 1 + random.nextInt(3)).toArray();
                int k = 1 + random.nextInt(6);
                assertArrayEquals(bruteForce(model, placement, cart, quantities, k, profile),
                        ruled.recommend(placement, cart, quantities, k),
                        placement + " " + Arrays.toString(cart) + " k " + k + " cap " + profile.perCategoryCap());
            }
        }
    }

    /** Every pair counts (evidence 1, no lift floor, ceiling 100× the cart), and one product per category. */
    private static WeightingProfile oneOfACategory() {
        WeightingProfile d = WeightingProfile.defaults().withMaxPriceRatio(100);
        return new WeightingProfile(d.name(), d.priceWeight(), d.smoothing(), 1, d.backoffBelowOrders(),
                d.maxPriceRatio(), d.oneTapMaxPrice(), d.oneTapMaxShare(), 1, d.cartLength(), d.confirmationLength(), 0,
                d.minCustomers(), d.estimator(), d.confirmationEvidence(), null);
    }

    /** Random evidence and lift floors, price ceilings, category cap and confirmation evidence. */
    private static WeightingProfile randomRules(SplittableRandom random) {
        WeightingProfile d = WeightingProfile.defaults();
        return new WeightingProfile(d.name(), d.priceWeight(), 1 + random.nextInt(20), 1 + random.nextInt(3),
                d.backoffBelowOrders(), 0.5 + random.nextInt(4), 20 + random.nextInt(150), 0.25 + random.nextDouble(),
                1 + random.nextInt(3), d.cartLength(), d.confirmationLength(), random.nextDouble() * 1.5,
                d.minCustomers(), random.nextBoolean() ? Estimator.BASE_RATE : Estimator.LOWER_BOUND,
                random.nextBoolean() ? ConfirmationEvidence.BOTH : ConfirmationEvidence.FOLLOW_ON, null);
    }

    /** "Customers also bought" by the book: sum the counts, drop the cart and the unpriced, best 4. */
    private static int[] bruteForce(RankingModel model, Placement placement, int[] cart, int k) {
        return bruteForce(model, placement, cart, new int[cart.length], k, null);
    }

    /**
     * The same under {@code rules} when not null (docs/measuring.md's "popularity+rules"): a pair counts
     * only past the evidence and lift floors, candidates above the price ceiling are dropped, and the
     * ranking is walked in order, skipping a candidate whose category already has {@code perCategoryCap}.
     */
    private static int[] bruteForce(RankingModel model, Placement placement, int[] cart, int[] quantities, int k,
                                    WeightingProfile rules) {
        Map<Integer, Long> sums = new HashMap<>();
        double total = 0;
        for (int i = 0; i < cart.length; i++) {
            int a = cart[i];
            total += Double.isNaN(model.price(a)) ? 0 : quantities[i] * model.price(a);
            model.forEachPairOf(a, (c, co, follow) -> {
                long add;
                if (rules == null) {
                    add = placement == Placement.CART ? co : co + follow;
                } else {
                    double base = model.baseRateOf(c);
                    boolean sameOrder = placement == Placement.CART
                            || rules.confirmationEvidence() == ConfirmationEvidence.BOTH;
                    add = sameOrder && rules.admits(co, model.ordersOf(a), base) ? co : 0;
                    if (placement == Placement.CONFIRMATION && rules.admits(follow, model.followBaseOf(a), base)) {
                        add += follow;
                    }
                }
                if (add > 0 && !Double.isNaN(model.price(c))) {
                    sums.merge(c, add, Long::sum);
                }
            });
        }
        for (int a : cart) {
            sums.remove(a);
        }
        double ceiling = rules == null ? Double.POSITIVE_INFINITY : placement == Placement.CART
                ? rules.maxPriceRatio() * total : Math.min(rules.oneTapMaxPrice(), rules.oneTapMaxShare() * total);
        List<Integer> ranked = sums.entrySet().stream()
                .filter(e -> model.price(e.getKey()) <= ceiling)
                .sorted(Comparator.<Map.Entry<Integer, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(e -> model.sku(e.getKey())))
                .map(Map.Entry::getKey).toList();
        Map<Integer, Integer> perCategory = new HashMap<>();
        List<Integer> listed = new ArrayList<>();
        for (int c : ranked) {
            int category = model.categoryOf(c);
            if (listed.size() == k) {
                break;
            }
            if (rules != null && category >= 0 && perCategory.merge(category, 1, Integer::sum) > rules.perCategoryCap()) {
                continue;
            }
            listed.add(c);
        }
        return listed.stream().mapToInt(Integer::intValue).toArray();
    }
}

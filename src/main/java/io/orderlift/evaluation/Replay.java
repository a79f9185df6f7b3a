package io.orderlift.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.orderlift.ranking.Placement;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

/**
 * Replays orders against a policy and scores what it would have earned.
 *
 * <p>Cost is bounded whatever the basket: at most {@link #MAX_HIDDEN} items of an order are
 * hidden in turn (a deterministic sample, seeded by the order), so replaying an order of 1,000 items
 * costs ten recommendations, not a thousand. Orders are replayed on every core.
 */
final class Replay {

    /** Items hidden per cart order at most (all of them in shorter orders). */
    static final int MAX_HIDDEN = 10;

    private final long window;
    private final double[] prices;
    private final double averageOrderValue;
    private final long pricedProducts;
    private final Map<Integer, List<OrderLog.Order>> byCustomer = new HashMap<>();

    Replay(OrderLog log, long window, double[] prices) {
        this.window = window;
        this.prices = prices;
        double value = 0;
        for (OrderLog.Order o : log.orders()) {
            if (o.customer() >= 0) {
                byCustomer.computeIfAbsent(o.customer(), k -> new ArrayList<>()).add(o);
            }
            for (int i = 0; i < o.items().length; i++) {
                value += o.quantities()[i] * price(o.items()[i]);
            }
        }
        averageOrderValue = log.orders().isEmpty() ? 0 : value / log.orders().size();
        pricedProducts = Arrays.stream(prices).filter(p -> p > 0).count();
    }

    /** The average order value at catalog prices over the whole log. */
    double averageOrderValue() {
        return averageOrderValue;
    }

    /** What one order earned a policy: the products it was shown, and its {@link Tally}. */
    private record Outcome(int[] shown, Tally tally) {

        int impressions() {
            return tally.impressions;
        }

        int hits() {
            return tally.hits;
        }

        double revenue() {
            return tally.revenue;
        }
    }

    /**
     * Counts one order's recommendations as its lists show them: in all, and by their rank in a list
     * ({@code rankImpressions[r]}: the lists that reached rank {@code r}; {@code rankHits[r]} and
     * {@code rankRevenue[r]}: what their recommendations at that rank earned).
     */
    private static final class Tally {
        int impressions;
        int hits;
        double revenue;
        final int[] rankImpressions;
        final int[] rankHits;
        final double[] rankRevenue;

        Tally(int k) {
            rankImpressions = new int[k];
            rankHits = new int[k];
            rankRevenue = new double[k];
        }

        /** The recommendation at {@code rank} of a list, whether it was bought, and what it earned then. */
        void count(int rank, boolean bought, double earned) {
            impressions++;
            rankImpressions[rank]++;
            if (bought) {
                hits++;
                revenue += earned;
                rankHits[rank]++;
                rankRevenue[rank] += earned;
            }
        }
    }

    /**
     * One policy's replay: its figures, and what each order of the replayed list earned it
     * ({@code impressions[i]} is −1 where order {@code i} was not replayed), for paired comparisons;
     * {@code byLength}: the figures had every list stopped at each shorter length (empty where not kept).
     */
    record Run(PolicyResult result, double[] revenue, int[] impressions, int[] hits, List<ListLength> byLength) {

        /** A run without figures by list length. */
        Run(PolicyResult result, double[] revenue, int[] impressions, int[] hits) {
            this(result, revenue, impressions, hits, List.of());
        }

        /** The same figures under another policy name and price weight. */
        Run named(String policy, Double w) {
            PolicyResult r = result;
            return new Run(new PolicyResult(policy, w, r.impressions(), r.hits(), r.hitRate(), r.rpi(),
                    r.avgAcceptedPrice(), r.coverage(), r.rpiLow(), r.rpiHigh(), r.aovLift(), r.orders()),
                    revenue, impressions, hits, byLength);
        }

        /** Figures without what each order earned: no paired comparison can be made with them. */
        static Run of(PolicyResult result) {
            return new Run(result, new double[0], new int[0], new int[0]);
        }
    }

    /**
     * @param horizon purchases at or after this time are not known (the end of the validation period)
     */
    PolicyResult run(Placement placement, CartProtocol protocol, List<Backtest.Order> orders, long horizon,
                     Backtest.Policy policy, int k, String name, Double w) {
        return replay(placement, protocol, orders, horizon, policy, k, name, w).result();
    }

    /** {@link #run}, keeping what every order earned. */
    Run replay(Placement placement, CartProtocol protocol, List<Backtest.Order> orders, long horizon,
               Backtest.Policy policy, int k, String name, Double w) {
        long periodEnd = orders.isEmpty() ? 0 : orders.get(orders.size() - 1).time();
        Outcome[] outcomes = IntStream.range(0, orders.size()).parallel()
                .mapToObj(i -> placement == Placement.CONFIRMATION
                        ? confirmation(orders.get(i), policy, k, horizon, periodEnd)
                        : protocol == CartProtocol.SEQUENTIAL ? sequential(orders.get(i), policy, k)
                        : cart(orders.get(i), policy, k))
                .toArray(Outcome[]::new);
        long impressions = 0;
        long hits = 0;
        double revenue = 0;
        int replayed = 0;
        IntOpenHashSet shown = new IntOpenHashSet();
        double[] orderRevenue = new double[outcomes.length];
        int[] orderImpressions = new int[outcomes.length];
        int[] orderHits = new int[outcomes.length];
        long[] rankImpressions = new long[k];
        long[] rankHits = new long[k];
        double[] rankRevenue = new double[k];
        for (int i = 0; i < outcomes.length; i++) {
            Outcome o = outcomes[i];
            if (o == null) {
                orderImpressions[i] = -1;
                continue;
            }
            orderRevenue[i] = o.revenue();
            orderImpressions[i] = o.impressions();
            orderHits[i] = o.hits();
            replayed++;
            impressions += o.impressions();
            hits += o.hits();
            revenue += o.revenue();
            for (int c : o.shown()) {
                shown.add(c);
            }
            for (int r = 0; r < k; r++) {
                rankImpressions[r] += o.tally().rankImpressions[r];
                rankHits[r] += o.tally().rankHits[r];
                rankRevenue[r] += o.tally().rankRevenue[r];
            }
        }
        double rpi = impressions == 0 ? 0 : revenue / impressions;
        double halfWidth = halfWidth(outcomes, rpi, replayed, impressions);
        return new Run(new PolicyResult(name, w, impressions, hits, impressions == 0 ? 0 : (double) hits / impressions,
                rpi, hits == 0 ? 0 : revenue / hits, pricedProducts == 0 ? 0 : (double) shown.size() / pricedProducts,
                Math.max(0, rpi - halfWidth), rpi + halfWidth,
                replayed == 0 || averageOrderValue == 0 ? 0 : revenue / replayed / averageOrderValue, replayed),
                orderRevenue, orderImpressions, orderHits, byLength(rankImpressions, rankHits, rankRevenue, replayed));
    }

    /**
     * The figures of lists stopped at 1, 2, … k recommendations: each a policy's first so many, as every
     * policy ranks its list best first and a shorter list of it is the longer one's beginning.
     */
    private List<ListLength> byLength(long[] rankImpressions, long[] rankHits, double[] rankRevenue, int replayed) {
        List<ListLength> lengths = new ArrayList<>(rankImpressions.length);
        long impressions = 0;
        long hits = 0;
        double revenue = 0;
        for (int r = 0; r < rankImpressions.length; r++) {
            impressions += rankImpressions[r];
            hits += rankHits[r];
            revenue += rankRevenue[r];
            lengths.add(new ListLength(r + 1, impressions, hits, impressions == 0 ? 0 : revenue / impressions,
                    replayed == 0 || averageOrderValue == 0 ? 0 : revenue / replayed / averageOrderValue));
        }
        return lengths;
    }

    /**
     * Half the width of the 95 % confidence interval of revenue / impressions, orders being the
     * independent units: the delta method, {@code 1.96 · sqrt(Σ(r_o − rpi·i_o)² / (n(n−1))) / mean(i)}.
     */
    private static double halfWidth(Outcome[] outcomes, double rpi, int n, long impressions) {
        if (n < 2 || impressions == 0) {
            return 0;
        }
        double sum = 0;
        for (Outcome o : outcomes) {
            if (o != null) {
                double residual = o.revenue() - rpi * o.impressions();
                sum += residual * residual;
            }
        }
        double meanImpressions = (double) impressions / n;
        return NormalQuantiles.Z_975 * Math.sqrt(sum / ((double) n * (n - 1))) / meanImpressions;
    }

    /** Hides up to {@link #MAX_HIDDEN} items in turn and recommends for the rest; a hit earns the hidden item. */
    private Outcome cart(Backtest.Order order, Backtest.Policy policy, int k) {
        int n = order.items().length;
        if (n < 2) {
            return null;
        }
        int[] hidden = hiddenItems(order);
        IntOpenHashSet shown = new IntOpenHashSet();
        Tally tally = new Tally(k);
        int[][] answers = policy.recommendLeavingOut(Placement.CART, order.items(), order.quantities(), hidden, k);
        for (int i = 0; i < hidden.length; i++) {
            for (int r = 0; r < answers[i].length; r++) {
                int c = answers[i][r];
                shown.add(c);
                tally.count(r, c == order.items()[hidden[i]], price(c));
            }
        }
        return new Outcome(shown.toIntArray(), tally);
    }

    /**
     * Reveals the order's items in a random order seeded by the order and recommends for the
     * revealed cart after up to {@link #MAX_HIDDEN} of the steps (all of them in shorter orders; a
     * seeded sample of the steps in longer ones); a hit is a recommended item the order holds that
     * the cart does not yet hold, earning its price.
     */
    private Outcome sequential(Backtest.Order order, Backtest.Policy policy, int k) {
        int n = order.items().length;
        if (n < 2) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(order.time() * 31 + order.items()[0]);
        int[] reveal = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = reveal[i];
            reveal[i] = reveal[j];
            reveal[j] = swap;
        }
        // steps 1 … n−1 (the cart holds that many items); a sample of them in a long order
        int[] steps = IntStream.of(sortedSample(n - 1, MAX_HIDDEN, random)).map(step -> step + 1).toArray();
        Int2IntOpenHashMap revealedAt = new Int2IntOpenHashMap(n);
        revealedAt.defaultReturnValue(-1);
        int[] cart = new int[n];
        int[] quantities = new int[n];
        for (int r = 0; r < n; r++) {
            cart[r] = order.items()[reveal[r]];
            quantities[r] = order.quantities()[reveal[r]];
            revealedAt.put(cart[r], r);
        }
        IntOpenHashSet shown = new IntOpenHashSet();
        Tally tally = new Tally(k);
        int[][] answers = policy.recommendPrefixes(Placement.CART, cart, quantities, steps, k);
        for (int s = 0; s < steps.length; s++) {
            int[] recommended = answers[s];
            for (int r = 0; r < recommended.length; r++) {
                int c = recommended[r];
                shown.add(c);
                tally.count(r, revealedAt.get(c) >= steps[s], price(c));
            }
        }
        return new Outcome(shown.toIntArray(), tally);
    }

    /** The positions hidden in turn: all of a short order, a sample seeded by the order of a long one. */
    private static int[] hiddenItems(Backtest.Order order) {
        return sortedSample(order.items().length, MAX_HIDDEN,
                new SplittableRandom(order.time() * 31 + order.items()[0]));
    }

    /**
     * {@code size} of the positions {@code 0 … n−1}, drawn by a partial Fisher–Yates shuffle with
     * {@code random}, ascending; all of them when there are no more than {@code size}.
     */
    static int[] sortedSample(int n, int size, SplittableRandom random) {
        int[] positions = IntStream.range(0, n).toArray();
        if (n <= size) {
            return positions;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        int[] sample = Arrays.copyOf(positions, size);
        Arrays.sort(sample);
        return sample;
    }

    /** Recommends for the whole order; a hit is a candidate the customer bought later within the window. */
    private Outcome confirmation(Backtest.Order order, Backtest.Policy policy, int k, long horizon, long periodEnd) {
        long end = order.time() + window;
        boolean complete = horizon == Long.MAX_VALUE ? end <= periodEnd : end < horizon;
        if (order.customer() < 0 || !complete) {
            return null;
        }
        IntOpenHashSet later = new IntOpenHashSet();
        for (OrderLog.Order o : byCustomer.getOrDefault(order.customer(), List.of())) {
            if (o.time() > order.time() && o.time() <= end && o.time() < horizon) {
                for (int item : o.items()) {
                    later.add(item);
                }
            }
        }
        int[] recommended = policy.recommend(Placement.CONFIRMATION, order.items(), order.quantities(), k);
        Tally tally = new Tally(k);
        for (int r = 0; r < recommended.length; r++) {
            tally.count(r, later.contains(recommended[r]), price(recommended[r]));
        }
        return new Outcome(recommended, tally);
    }

    private double price(int product) {
        return product < prices.length && prices[product] > 0 ? prices[product] : 0;
    }
}

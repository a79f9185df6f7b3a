package io.orderlift.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningResult;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.PairMiner;
import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.CurationRules;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.RankingModels;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;

/**
 * The offline comparison of ranking policies (DESIGN.md "Measuring"). Orders are split by time:
 * the last {@code split} of the date range is the test period; the last fifth of the rest is the
 * validation period, on which the price weight and smoothing are chosen (mined on what precedes
 * it); the test period only reports (mined on everything before it).
 *
 * <ul>
 * <li>cart: every test order with at least two items, each item hidden in turn, {@code k}
 * recommendations for the rest; a hit earns the hidden item's price;</li>
 * <li>confirmation: every test order of a known customer whose window ends inside the period,
 * {@code k} recommendations for the whole order; a hit is a candidate the same customer bought
 * (strictly) later within the window, earning its price.</li>
 * </ul>
 * Policies: popularity (sum of {@code co} over the cart's items; for confirmation {@code co + follow}),
 * the active profile's ranking at price weights 0, 0.5, 1, 1.5 and its own, the chosen w and
 * smoothing, and that choice with the profile's price ceilings and lift floor lifted ({@link #RULE_COSTS}).
 */
public final class Backtest {

    /** Validation period: this share of the training period's date range, at its end. */
    static final double VALIDATION_SHARE = 0.2;
    static final double[] WEIGHT_GRID = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2};
    static final double[] SMOOTHING_GRID = {1, 5, 20};
    static final double[] REPORTED_WEIGHTS = {0, 0.5, 1, 1.5};
    /**
     * What the profile's rules cost in the replay: the chosen w and smoothing without the price
     * ceilings (cart total ratio, one-tap limits), without the lift floor, and without both.
     */
    static final Map<String, UnaryOperator<WeightingProfile>> RULE_COSTS = rulesRelaxed();
    /** The policy name of the chosen w without price ceilings and lift floor. */
    public static final String WITHOUT_RULES = "no ceiling/floor";

    private static Map<String, UnaryOperator<WeightingProfile>> rulesRelaxed() {
        Map<String, UnaryOperator<WeightingProfile>> relaxed = new LinkedHashMap<>();
        relaxed.put("no price ceiling", WeightingProfile::withoutPriceCeilings);
        relaxed.put("no lift floor", p -> p.withMinLift(0));
        relaxed.put(WITHOUT_RULES, p -> p.withoutPriceCeilings().withMinLift(0));
        return relaxed;
    }

    /** How to backtest. */
    public record Settings(int k, double split, int windowDays) {
        public Settings {
            if (k < 1) {
                throw new IllegalArgumentException("--k must be at least 1");
            }
            if (!(split > 0 && split < 1)) {
                throw new IllegalArgumentException("--split must be between 0 and 1 (exclusive), not " + split);
            }
            if (windowDays < 0) {
                throw new IllegalArgumentException("--window-days must be ≥ 0");
            }
        }

        public static Settings defaults() {
            return new Settings(4, 0.2, MiningSettings.DEFAULT_WINDOW_DAYS);
        }
    }

    private final int topK;

    /** A backtest of the rankings the preview and the rule sets use. */
    public Backtest() {
        this(Recommender.DEFAULT_TOP_K);
    }

    /**
     * A backtest whose rankings keep {@code topK} candidates per anchor, placement and kind of
     * evidence ({@link Integer#MAX_VALUE}: unbounded), to measure what the bound costs.
     */
    public Backtest(int topK) {
        this.topK = topK;
    }

    public BacktestReport run(Store store, Settings settings, ProgressMonitor monitor) {
        long started = System.nanoTime();
        monitor.progress("Reading orders", 0, 4);
        OrderLog log = OrderLog.read(store);
        if (log.orders().size() < 10) {
            throw new IllegalArgumentException("The store has too few orders to backtest (" + log.orders().size() + ")");
        }
        List<OrderHistory.CatalogEntry> catalog = new OrderHistory(store).catalog();
        WeightingProfile profile = new Profiles(store).active();
        long first = log.firstTime();
        long last = log.lastTime();
        long testFrom = last - (long) ((last - first) * settings.split());
        long validationFrom = testFrom - (long) ((testFrom - first) * VALIDATION_SHARE);
        long window = settings.windowDays() * 86_400_000L;
        MiningSettings mining = MiningSettings.defaults().withWindowDays(settings.windowDays());
        double[] prices = new double[Math.max(log.productCount(), catalog.stream().mapToInt(e -> e.id() + 1).max()
                .orElse(0))];
        catalog.forEach(p -> prices[p.id()] = p.price() == null ? 0 : p.price().doubleValue());
        Replay replay = new Replay(log, window, prices);

        int replays = Placement.values().length * (SMOOTHING_GRID.length * WEIGHT_GRID.length + REPORTED_WEIGHTS.length
                + 3 + RULE_COSTS.size());
        int[] replayed = {0};
        monitor.progress("Choosing w on the validation period", 0, replays);
        RankingModel validationModel = model(log, t -> t < validationFrom, mining, catalog, profile);
        Recommender validationRecommender = new Recommender(validationModel, CurationRules.NONE, topK);
        List<Order> validationOrders = orders(log, t -> t >= validationFrom && t < testFrom);
        Map<String, BacktestReport.Chosen> chosen = new LinkedHashMap<>();
        Map<Placement, double[]> best = new HashMap<>();
        for (Placement placement : Placement.values()) {
            double bestRpi = -1;
            double[] pick = {1, profile.smoothing()};
            for (double m : SMOOTHING_GRID) {
                for (double w : WEIGHT_GRID) {
                    monitor.checkCancelled();
                    monitor.progress("Choosing w on the validation period", ++replayed[0], replays);
                    WeightingProfile candidate = tuned(profile, w, m);
                    PolicyResult r = replay.run(placement, validationOrders, testFrom,
                            rankingPolicy(validationRecommender, candidate), settings.k(), "w=" + w, w);
                    if (r.rpi() > bestRpi + 1e-12) {
                        bestRpi = r.rpi();
                        pick = new double[] {w, m};
                    }
                }
            }
            best.put(placement, new double[] {pick[0], pick[1], bestRpi});
        }

        monitor.progress("Replaying the test period", replayed[0], replays);
        RankingModel testModel = model(log, t -> t < testFrom, mining, catalog, profile);
        Recommender testRecommender = new Recommender(testModel, CurationRules.NONE, topK);
        List<Order> testOrders = orders(log, t -> t >= testFrom);
        Map<String, List<PolicyResult>> placements = new LinkedHashMap<>();
        for (Placement placement : Placement.values()) {
            List<PolicyResult> results = new ArrayList<>();
            results.add(replay.run(placement, testOrders, Long.MAX_VALUE, popularityPolicy(testModel),
                    settings.k(), "popularity", null));
            for (double w : REPORTED_WEIGHTS) {
                results.add(replay.run(placement, testOrders, Long.MAX_VALUE,
                        rankingPolicy(testRecommender, profile.withPriceWeight(w)), settings.k(), "w=" + w, w));
            }
            results.add(replay.run(placement, testOrders, Long.MAX_VALUE, rankingPolicy(testRecommender, profile),
                    settings.k(), "profile:" + profile.name(), profile.priceWeight()));
            double[] pick = best.get(placement);
            WeightingProfile chosenProfile = tuned(profile, pick[0], pick[1]);
            PolicyResult chosenTest = replay.run(placement, testOrders, Long.MAX_VALUE,
                    rankingPolicy(testRecommender, chosenProfile), settings.k(), "chosen", pick[0]);
            results.add(chosenTest);
            RULE_COSTS.forEach((name, relax) -> results.add(replay.run(placement, testOrders, Long.MAX_VALUE,
                    rankingPolicy(testRecommender, relax.apply(chosenProfile)), settings.k(), name, pick[0])));
            replayed[0] += results.size();
            monitor.checkCancelled();
            monitor.progress("Replaying the test period", replayed[0], replays);
            placements.put(placement.cliName(), results);
            chosen.put(placement.cliName(), new BacktestReport.Chosen(pick[0], pick[1], pick[2], chosenTest));
        }
        monitor.progress("Done", replays, replays);
        return new BacktestReport(settings.k(), settings.split(), settings.windowDays(), iso(first), iso(validationFrom),
                iso(testFrom), iso(last), count(log, t -> t < testFrom), validationOrders.size(), testOrders.size(),
                placements, chosen, (System.nanoTime() - started) / 1_000_000);
    }

    private static WeightingProfile tuned(WeightingProfile p, double w, double m) {
        return p.withPriceWeight(w).withSmoothing(m);
    }

    private static RankingModel model(OrderLog log, java.util.function.LongPredicate period, MiningSettings mining,
                                      List<OrderHistory.CatalogEntry> catalog, WeightingProfile profile) {
        MiningResult result = new PairMiner().mine(log.transactions(period), mining, ProgressMonitor.NONE);
        return RankingModels.of(result, catalog, profile.minCustomers());
    }

    private static List<Order> orders(OrderLog log, java.util.function.LongPredicate period) {
        return log.between(period).stream().map(o -> new Order(o.customer(), o.time(), o.items(), o.quantities()))
                .toList();
    }

    private static int count(OrderLog log, java.util.function.LongPredicate period) {
        return (int) log.orders().stream().filter(o -> period.test(o.time())).count();
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** A test order, by product id. */
    record Order(int customer, long time, int[] items, int[] quantities) {
    }

    /** Recommends up to k product ids for the given items. */
    @FunctionalInterface
    interface Policy {
        int[] recommend(Placement placement, int[] items, int[] quantities, int k);
    }

    static Policy rankingPolicy(Recommender recommender, WeightingProfile profile) {
        RankingModel model = recommender.model();
        return (placement, items, quantities, k) -> {
            int known = 0;
            for (int item : items) {
                if (item < model.productCount() && model.sku(item) != null) {
                    known++;
                }
            }
            if (known < items.length) {
                int[] keptItems = new int[known];
                int[] keptQuantities = new int[known];
                for (int i = 0, j = 0; i < items.length; i++) {
                    if (items[i] < model.productCount() && model.sku(items[i]) != null) {
                        keptItems[j] = items[i];
                        keptQuantities[j++] = quantities[i];
                    }
                }
                return recommender.recommendIds(placement, keptItems, keptQuantities, profile, k);
            }
            return recommender.recommendIds(placement, items, quantities, profile, k);
        };
    }

    /**
     * "Customers also bought": candidates by summed co (and follow, after checkout) over all the
     * cart's pairs, ties by SKU; products without a price are left out.
     */
    static Policy popularityPolicy(RankingModel model) {
        ThreadLocal<PopularityScratch> scratch = ThreadLocal.withInitial(() -> new PopularityScratch(model.productCount()));
        return (placement, items, quantities, k) -> {
            PopularityScratch s = scratch.get();
            s.stamp++;
            for (int item : items) {
                if (item < model.productCount()) {
                    s.inCart[item] = s.stamp;
                }
            }
            s.count = 0;
            for (int a : items) {
                if (a >= model.productCount()) {
                    continue;
                }
                model.forEachPairOf(a, (c, co, follow) -> {
                    int add = placement == Placement.CART ? co : co + follow;
                    if (add > 0 && s.inCart[c] != s.stamp && !Double.isNaN(model.price(c))) {
                        if (s.seen[c] != s.stamp) {
                            s.seen[c] = s.stamp;
                            s.score[c] = 0;
                            s.touched[s.count++] = c;
                        }
                        s.score[c] += add;
                    }
                });
            }
            int[] best = new int[Math.min(k, s.count)];
            for (int r = 0; r < best.length; r++) {
                int pick = -1;
                for (int t = 0; t < s.count; t++) {
                    int c = s.touched[t];
                    if (s.chosen[c] != s.stamp && (pick < 0 || s.score[c] > s.score[pick]
                            || s.score[c] == s.score[pick] && model.sku(c).compareTo(model.sku(pick)) < 0)) {
                        pick = c;
                    }
                }
                s.chosen[pick] = s.stamp;
                best[r] = pick;
            }
            return best;
        };
    }

    /** Per-thread working memory of the popularity policy. */
    private static final class PopularityScratch {
        final int[] inCart;
        final int[] seen;
        final int[] chosen;
        final long[] score;
        final int[] touched;
        int stamp;
        int count;

        PopularityScratch(int products) {
            inCart = new int[products];
            seen = new int[products];
            chosen = new int[products];
            score = new long[products];
            touched = new int[products];
        }
    }
}

package io.orderlift.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;
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
import io.orderlift.ranking.StoredCuration;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;

/**
 * The offline comparison of ranking policies (DESIGN.md "Measuring", docs/measuring.md). Orders are
 * split by time: the last {@code split} of the date range is the test period; the last fifth of
 * the rest is the validation period, on which {@link SettingsSearch} chooses every setting that
 * moves revenue (mined on what precedes it); the test period only reports (mined on everything
 * before it).
 *
 * <ul>
 * <li>cart: every test order with at least two items, replayed {@link CartProtocol#SEQUENTIAL
 * sequentially} (the protocol that chooses) and, for the main policies, leave-one-out;</li>
 * <li>confirmation: every test order of a known customer whose window ends inside the period,
 * {@code k} recommendations for the whole order; a hit is a candidate the same customer bought
 * (strictly) later within the window, earning its price.</li>
 * </ul>
 * Policies: {@link Popularity#classic popularity}, popularity under the chosen profile's rules,
 * the chosen profile at price weights 0, 0.5, 1, 1.5, the active profile, the chosen profile, and
 * the chosen profile with its price ceilings, lift floor or category cap lifted ({@link #RULE_COSTS}).
 */
public final class Backtest {

    /** The latest validation period: this share of the training period's date range, at its end. */
    static final double VALIDATION_SHARE = 0.2;
    /**
     * Validation periods the settings are chosen on: the latest and the periods of the same length
     * before it (rolling origin), each replayed against pairs mined on what precedes it. One period
     * holds a few dozen confirmation hits on a small store; three make the choice less a matter of
     * which orders fell in it (docs/decisions/0003-replay-protocols.md).
     */
    static final int VALIDATION_PERIODS = 3;
    /**
     * Popularity's hits on every placement (summed over the periods so far) from which one more
     * validation period would add little: a large store stops at its latest period, which spares it
     * two minings and two thirds of the replays.
     */
    static final int ENOUGH_VALIDATION_HITS = 1_000;
    /**
     * Orders replayed per period at most: a longer period is replayed on a seeded sample of this
     * many of its orders, so that a grocery-sized history (hundreds of thousands of orders a period)
     * costs the search what a few weeks of it would. The sample stores' periods are far shorter.
     */
    public static final int MAX_REPLAYED_ORDERS = 20_000;
    /** The fewest orders a training or test period may hold. */
    static final int MIN_PERIOD_ORDERS = 10;
    static final double[] REPORTED_WEIGHTS = {0, 0.5, 1, 1.5};
    /** The cart protocol that chooses the settings and fills {@code placements.cart}. */
    public static final CartProtocol PROTOCOL = CartProtocol.SEQUENTIAL;
    /**
     * What the profile's rules cost in the replay: the chosen profile without the price
     * ceilings (cart total ratio, one-tap limits), without the lift floor, without both,
     * without the per-category cap (which no replay can value: it buys variety, not hits), and
     * without the category backoff (a thin anchor's own pairs instead of its category's).
     */
    static final Map<String, UnaryOperator<WeightingProfile>> RULE_COSTS = rulesRelaxed();
    /** The policy name of the chosen profile without price ceilings and lift floor. */
    public static final String WITHOUT_RULES = "no ceiling/floor";
    /** The policy name of the chosen profile without the per-category cap. */
    public static final String WITHOUT_CATEGORY_CAP = "no category cap";
    /** The policy name of the chosen profile with no anchor backing off to its category. */
    public static final String WITHOUT_CATEGORY_BACKOFF = "no category backoff";
    /**
     * The policy name of the chosen profile with the category backoff on: at its own threshold, or at the
     * built-in one where the search switched it off (what the backoff's fuller lists would earn).
     */
    public static final String WITH_CATEGORY_BACKOFF = "with category backoff";

    /**
     * Where each phase ends on the progress bar, as shares of it: reading the orders, mining the
     * validation periods' histories, the search, mining the test period's history (the test replays
     * fill the rest); and the rounds the search is expected to take. A search that takes longer goes on
     * to the end with the bar at the end of its share; a shorter one moves it there when it ends.
     */
    record Shares(double reading, double validationModels, double search, double testModel, int searchRounds) {
    }

    /**
     * A backtest, sized by its phases' times on the wholesale store (1, 5, 7, 2 and 2 s of 17; on a small
     * store the search takes most of the time). Its search starts from the active profile, which a
     * store's first mining chose: two to four rounds on the sample stores and the wholesale one.
     */
    private static final Shares RUN_SHARES = new Shares(0.05, 0.3, 0.75, 0.85, 4);
    /**
     * A first mining's choice of defaults: no test period, and a search from the built-in settings
     * (five to seven rounds).
     */
    private static final Shares CHOOSE_SHARES = new Shares(0.05, 0.35, 1, 1, 7);

    private static Map<String, UnaryOperator<WeightingProfile>> rulesRelaxed() {
        Map<String, UnaryOperator<WeightingProfile>> relaxed = new LinkedHashMap<>();
        relaxed.put("no price ceiling", WeightingProfile::withoutPriceCeilings);
        relaxed.put("no lift floor", p -> p.withMinLift(0));
        relaxed.put(WITHOUT_RULES, p -> p.withoutPriceCeilings().withMinLift(0));
        relaxed.put(WITHOUT_CATEGORY_CAP, WeightingProfile::withoutCategoryCap);
        relaxed.put(WITHOUT_CATEGORY_BACKOFF, p -> p.withBackoffBelowOrders(0));
        relaxed.put(WITH_CATEGORY_BACKOFF, WeightingProfile::withCategoryBackoff);
        return relaxed;
    }

    /**
     * How to backtest.
     *
     * @param lengthOnBoth recommendations per list on both placements ({@code --k}); null: on each
     *                     placement as many as the active profile shows there (its cart and confirmation
     *                     lengths), as a storefront serving its rule set does
     */
    public record Settings(Integer lengthOnBoth, double split, int windowDays) {
        public Settings {
            if (lengthOnBoth != null && lengthOnBoth < 1) {
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
            return new Settings(null, 0.2, MiningSettings.DEFAULT_WINDOW_DAYS);
        }

        /** The list length replayed on each placement when {@code profile} ranks. */
        public BacktestReport.Lengths lengths(WeightingProfile profile) {
            return lengthOnBoth != null ? new BacktestReport.Lengths(lengthOnBoth, lengthOnBoth)
                    : new BacktestReport.Lengths(profile.cartLength(), profile.confirmationLength());
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

    /** The periods of one store's log; {@code validationFrom} starts the latest validation period. */
    record Periods(long first, long validationFrom, long testFrom, long last) {

        /**
         * The validation periods, latest first: up to {@link #VALIDATION_PERIODS} of the latest's
         * length, as many as the history holds.
         */
        List<Period> validation() {
            long length = testFrom - validationFrom;
            List<Period> periods = new ArrayList<>();
            for (int i = 0; i < VALIDATION_PERIODS; i++) {
                long from = validationFrom - i * length;
                if (i > 0 && from <= first) {
                    break;
                }
                periods.add(new Period(from, from + length));
            }
            return periods;
        }
    }

    /** A validation period: orders from {@code from} (inclusive) to {@code to} (exclusive). */
    private record Period(long from, long to) {
    }

    /**
     * What one run works on: the log, its catalog prices, its replayer, and the products no policy
     * may offer (the store's SKU and category exclusions: a storefront never shows them, so no
     * replay credits them, popularity's included).
     */
    record Inputs(OrderLog log, List<OrderHistory.CatalogEntry> catalog, Replay replay, Periods periods,
                  MiningSettings mining, BitSet excluded, CurationRules exclusions) {
    }

    /** {@link #inputs}, as the first phase of {@code bar}. */
    private static Inputs read(Store store, Settings settings, PhasedProgress bar, Shares shares) {
        PhasedProgress.Phase reading = bar.begin("Reading orders", shares.reading(), 1);
        Inputs in = inputs(store, settings, reading.asMonitor());
        reading.end();
        return in;
    }

    static Inputs inputs(Store store, Settings settings) {
        return inputs(store, settings, ProgressMonitor.NONE);
    }

    /** What one run works on, read from {@code store}; {@code monitor} hears how far the read of its lines is. */
    private static Inputs inputs(Store store, Settings settings, ProgressMonitor monitor) {
        OrderLog.WithCatalog read = OrderLog.read(store, monitor);
        OrderLog log = read.log();
        if (log.orders().size() < MIN_PERIOD_ORDERS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The store has too few orders to backtest:"
                    + " %d in which a product was bought (orders of returns only do not count); it takes %d.",
                    log.orders().size(), MIN_PERIOD_ORDERS));
        }
        List<OrderHistory.CatalogEntry> catalog = read.catalog();
        long first = log.firstTime();
        long last = log.lastTime();
        if (first == last) {
            throw new IllegalArgumentException("Every order in the store was placed at one moment ("
                    + StrayDates.day(first) + "): the backtest splits the history by time, so it needs orders placed"
                    + " over days or weeks. " + OneMoment.REMEDY + " (--map ordered_at=COLUMN --replace).");
        }
        long testFrom = last - (long) ((last - first) * settings.split());
        long validationFrom = testFrom - (long) ((testFrom - first) * VALIDATION_SHARE);
        refuseNearlyEmptyPeriods(log, settings, testFrom);
        double[] prices = new double[Math.max(log.productCount(), catalog.stream().mapToInt(e -> e.id() + 1).max()
                .orElse(0))];
        catalog.forEach(p -> prices[p.id()] = p.price() == null ? 0 : p.price().doubleValue());
        Replay replay = new Replay(log, settings.windowDays() * 86_400_000L, prices);
        BitSet excluded = StoredCuration.excludedProducts(store, catalog);
        return new Inputs(log, catalog, replay, new Periods(first, validationFrom, testFrom, last),
                MiningSettings.defaults().withWindowDays(settings.windowDays()), excluded,
                StoredCuration.excluding(excluded));
    }

    /**
     * Only the validation period's choice, starting from {@code start}: what a new store's default
     * profile is set to after its first mining (one mining run instead of two, no test replays).
     *
     * @throws IllegalArgumentException when the history cannot choose, saying why: too few orders, a
     *                                  nearly empty period, or validation periods in which nothing any
     *                                  ranking recommended was bought (every setting would score alike)
     */
    public WeightingProfile choose(Store store, Settings settings, WeightingProfile start, ProgressMonitor monitor) {
        PhasedProgress bar = new PhasedProgress(monitor);
        Inputs in = read(store, settings, bar, CHOOSE_SHARES);
        Validation validation = validationChoice(in, settings, start, bar, CHOOSE_SHARES);
        validation.notChosen().ifPresent(why -> {
            throw new IllegalArgumentException("The validation periods cannot choose settings: " + why + ".");
        });
        return validation.choice().profile().withChosenBy(validation.provenance());
    }

    public BacktestReport run(Store store, Settings settings, ProgressMonitor monitor) {
        long started = System.nanoTime();
        PhasedProgress bar = new PhasedProgress(monitor);
        Inputs in = read(store, settings, bar, RUN_SHARES);
        Periods periods = in.periods();
        WeightingProfile profile = new Profiles(store).active();
        Validation validation = validationChoice(in, settings, profile, bar, RUN_SHARES);
        SettingsSearch.Choice choice = validation.choice();
        // validation periods that measured nothing leave the active profile standing, as it is
        WeightingProfile chosenProfile = validation.notChosen().isPresent() ? profile
                : choice.profile().withChosenBy(validation.provenance());

        PhasedProgress.Phase mining = bar.begin("Mining the history before the test period", RUN_SHARES.testModel(), 1);
        RankingModel testModel = model(in.log(), t -> t < periods.testFrom(), in.mining(), in.catalog(), profile);
        mining.end();
        // each placement's policies, then three cart replays leaving one out
        PhasedProgress.Phase replaying = bar.begin("Replaying the test period", 1,
                Placement.values().length * (REPORTED_WEIGHTS.length + 4 + RULE_COSTS.size()) + 3);
        List<Order> testPeriod = orders(in.log(), t -> t >= periods.testFrom());
        List<Order> testOrders = replayed(testPeriod, periods.testFrom());
        // purchases up to the last order are known: the same as no horizon, but kept when the sample
        // leaves out the period's last orders
        long horizon = periods.last() + 1;
        Map<String, List<PolicyResult>> placements = new LinkedHashMap<>();
        Map<String, BacktestReport.Chosen> chosen = new LinkedHashMap<>();
        Replay replay = in.replay();
        BacktestReport.Lengths lengths = settings.lengths(profile);
        Policy popularity = Popularity.classic(testModel, in.excluded());
        Recommender tested = recommender(testModel, in);
        // the reported policies often repeat one ranking (the active profile is the chosen one, w = 1 is the
        // chosen w, a lift floor already at 0): each distinct ranking is replayed once, then named as asked
        Map<Replayed, Replay.Run> replayed = new HashMap<>();
        BiFunction<Placement, CartProtocol, BiFunction<WeightingProfile, String, Replay.Run>> rankedBy =
                (placement, protocol) -> (p, name) -> replayed.computeIfAbsent(
                        new Replayed(placement, protocol, p.rankingOnly()), key -> replay.replay(placement, protocol,
                                testOrders, horizon, rankingPolicy(tested, p), lengths.of(placement), name,
                                p.priceWeight()))
                        .named(name, p.priceWeight());
        for (Placement placement : Placement.values()) {
            int k = lengths.of(placement);
            List<PolicyResult> results = new ArrayList<>();
            BiFunction<WeightingProfile, String, Replay.Run> ranked = rankedBy.apply(placement, PROTOCOL);
            Replay.Run popularityTest = replay.replay(placement, PROTOCOL, testOrders, horizon, popularity, k,
                    BacktestReport.POPULARITY, null);
            results.add(popularityTest.result());
            results.add(replay.run(placement, PROTOCOL, testOrders, horizon,
                    Popularity.underRules(testModel, chosenProfile, in.excluded()), k, BacktestReport.POPULARITY_UNDER_RULES, null));
            // a ranking equal to the chosen one (its w, a lift floor already at 0, the active profile that holds
            // it) is replayed once and said to be the chosen one
            WeightingProfile chosenRanking = chosenProfile.rankingOnly();
            BiFunction<WeightingProfile, String, PolicyResult> reported = (p, name) -> {
                PolicyResult result = ranked.apply(p, name).result();
                return p.rankingOnly().equals(chosenRanking) ? result.markedSameAsChosen() : result;
            };
            for (double w : REPORTED_WEIGHTS) {
                results.add(reported.apply(chosenProfile.withPriceWeight(w), "w=" + w));
            }
            results.add(reported.apply(profile, "profile:" + profile.name()));
            Replay.Run chosenTest = ranked.apply(chosenProfile, BacktestReport.CHOSEN);
            results.add(chosenTest.result());
            RULE_COSTS.forEach((name, relax) -> results.add(reported.apply(relax.apply(chosenProfile), name)));
            replaying.advance(results.size());
            placements.put(placement.cliName(), results);
            chosen.put(placement.cliName(), new BacktestReport.Chosen(chosenProfile.priceWeight(),
                    chosenProfile.smoothing(), choice.validation().get(placement).rpi(), chosenTest.result(),
                    RpiRatio.of(chosenTest, popularityTest).orElse(null), choice.judges().contains(placement),
                    BacktestReport.AtLength.of(chosenTest, popularityTest)));
        }
        BiFunction<WeightingProfile, String, Replay.Run> leftOut = rankedBy.apply(Placement.CART,
                CartProtocol.LEAVE_ONE_OUT);
        List<PolicyResult> leaveOneOut = List.of(
                replay.run(Placement.CART, CartProtocol.LEAVE_ONE_OUT, testOrders, horizon,
                        popularity, lengths.cart(), BacktestReport.POPULARITY, null),
                leftOut.apply(profile, "profile:" + profile.name()).result(),
                leftOut.apply(chosenProfile, BacktestReport.CHOSEN).result());
        replaying.advance(leaveOneOut.size());
        bar.finish("Done");
        return new BacktestReport(lengths.cart(), lengths, settings.split(), settings.windowDays(), PROTOCOL.jsonName(),
                iso(periods.first()), iso(validation.from()), validation.count(), iso(periods.testFrom()),
                iso(periods.last()),
                count(in.log(), t -> t < periods.testFrom()), count(in.log(),
                        t -> t >= validation.from() && t < periods.testFrom()), testPeriod.size(),
                MAX_REPLAYED_ORDERS, validation.sampled() || testOrders.size() < testPeriod.size(), placements,
                leaveOneOut, chosen, chosenProfile, (System.nanoTime() - started) / 1_000_000,
                new StoreQueries(store).currency().orElse(null), validation.notChosen().orElse(null));
    }

    /** One replay of the test period: a ranking (name and provenance aside) on a placement, by a protocol. */
    private record Replayed(Placement placement, CartProtocol protocol, WeightingProfile ranking) {
    }

    /** The search's choice, and the validation periods it was made on: {@code count} of them from {@code from} to {@code to}. */
    private record Validation(SettingsSearch.Choice choice, long from, long to, int count, boolean sampled,
                              Optional<String> notChosen) {

        /** "chosen by backtest on DATE (3 validation periods, FROM to TO, sequential replay)", for the profile. */
        String provenance() {
            return "chosen by backtest on " + LocalDate.now(ZoneOffset.UTC) + " ("
                    + (count == 1 ? "validation period " : count + " validation periods, ")
                    + iso(from).substring(0, 10) + " to " + iso(to).substring(0, 10) + ", " + PROTOCOL.jsonName()
                    + " replay)";
        }
    }

    /**
     * Mines the history before each validation period (latest first, until popularity has
     * {@link #ENOUGH_VALIDATION_HITS} on every placement) and searches the settings on their orders.
     */
    private Validation validationChoice(Inputs in, Settings settings, WeightingProfile start, PhasedProgress bar,
                                        Shares shares) {
        Periods periods = in.periods();
        PhasedProgress.Phase mining = bar.begin("Mining the history before each validation period",
                shares.validationModels(), periods.validation().size());
        List<SettingsSearch.Fold> folds = new ArrayList<>();
        // the orders the chosen profile ranks from: the test period's model is mined on them
        int target = Math.max(1, count(in.log(), t -> t < periods.testFrom()));
        long earliest = periods.validationFrom();
        boolean sampled = false;
        // the lengths are not on the grid: every setting tried shows as many as the start does
        BacktestReport.Lengths lengths = settings.lengths(start);
        for (Period period : periods.validation()) {
            long from = period.from();
            long to = period.to();
            earliest = from;
            RankingModel model = model(in.log(), t -> t < from, in.mining(), in.catalog(), start);
            List<Order> all = orders(in.log(), t -> t >= from && t < to);
            List<Order> orders = replayed(all, from);
            sampled |= orders.size() < all.size();
            Map<Placement, Replay.Run> baseline = new EnumMap<>(Placement.class);
            Policy popularity = Popularity.classic(model, in.excluded());
            for (Placement p : Placement.values()) {
                baseline.put(p, in.replay().replay(p, PROTOCOL, orders, to, popularity,
                        lengths.of(p), BacktestReport.POPULARITY, null));
            }
            double scale = (double) count(in.log(), t -> t < from) / target;
            folds.add(new SettingsSearch.Fold((placement, profile) -> in.replay().replay(placement, PROTOCOL,
                    orders, to, rankingPolicy(recommender(model, in), profile), lengths.of(placement), "candidate",
                    profile.priceWeight()), baseline, profile -> atScale(profile, scale)));
            mining.step();
            if (enoughEvidence(folds)) {
                break;
            }
        }
        mining.end();
        PhasedProgress.Phase searching = bar.begin("Choosing the settings on the validation periods",
                shares.search(), shares.searchRounds() * SettingsSearch.evaluationsPerRound());
        SettingsSearch.Choice choice = new SettingsSearch(folds).search(start, searching);
        searching.end();
        Optional<String> notChosen = choice.informed() ? Optional.empty()
                : Optional.of(whyNothingWasMeasured(folds, settings.windowDays(), start.minCustomers()));
        return new Validation(choice, earliest, periods.testFrom(), folds.size(), sampled, notChosen);
    }

    /**
     * The profile as it ranks on a validation period's model, mined on {@code scale} (at most 1) of the
     * orders the chosen profile will rank from: its evidence floor scaled by that share, at least 1.
     * Counts grow with the history mined (a pair bought in one order of 500 is seen 8 times in 4,000
     * orders and 32 times in 16,000), so a floor tried on a thinner model keeps the pairs bought at
     * least so often, and the search chooses the floor at the scale it will be used on. Smoothing and
     * the backoff threshold are not scaled: they weigh the noise of an anchor's rates, which depends on
     * its counts alone (decision 0003, item 18).
     */
    static WeightingProfile atScale(WeightingProfile profile, double scale) {
        return profile.withMinEvidence(Math.max(1, (int) Math.round(profile.minEvidence() * scale)));
    }

    /**
     * Why no replay of the validation periods saw a recommended product bought: they hold no order to
     * replay, nothing could be shown (no companion clears the privacy floor), or nothing shown sold.
     */
    static String whyNothingWasMeasured(List<SettingsSearch.Fold> folds, int windowDays, int minCustomers) {
        long orders = 0;
        long shown = 0;
        for (SettingsSearch.Fold fold : folds) {
            for (Replay.Run run : fold.baseline().values()) {
                orders += run.result().orders();
                shown += run.result().impressions();
            }
        }
        if (orders == 0) {
            return "they hold no order to replay (none of two or more products, and none of a known customer"
                    + " whose " + windowDays + "-day window ends inside the history)";
        }
        if (shown == 0) {
            return "no ranking can show anything on their orders: " + BacktestSummary.noCompanion(minCustomers, "them");
        }
        return "nothing that any ranking recommended on their orders was bought";
    }

    /** Whether popularity's hits reach {@link #ENOUGH_VALIDATION_HITS} on every placement replayed. */
    private static boolean enoughEvidence(List<SettingsSearch.Fold> folds) {
        for (Placement p : Placement.values()) {
            long orders = folds.stream().mapToLong(f -> f.baseline().get(p).result().orders()).sum();
            long hits = folds.stream().mapToLong(f -> f.baseline().get(p).result().hits()).sum();
            if (orders > 0 && hits < ENOUGH_VALIDATION_HITS) {
                return false;
            }
        }
        return true;
    }

    private Recommender recommender(RankingModel model, Inputs in) {
        return new Recommender(model, in.exclusions(), topK);
    }


    static RankingModel model(OrderLog log, LongPredicate period, MiningSettings mining,
                                      List<OrderHistory.CatalogEntry> catalog, WeightingProfile profile) {
        MiningResult result = new PairMiner().mine(log.transactions(period), mining, ProgressMonitor.NONE);
        return RankingModels.of(result, catalog, profile.minCustomers());
    }

    static List<Order> orders(OrderLog log, LongPredicate period) {
        return log.between(period).stream().map(o -> new Order(o.customer(), o.time(), o.items(), o.quantities()))
                .toList();
    }

    /**
     * The orders of a period that are replayed: all of them, or a sample of
     * {@link #MAX_REPLAYED_ORDERS} seeded by {@code seed} (the period's start), in time order.
     */
    static List<Order> replayed(List<Order> period, long seed) {
        if (period.size() <= MAX_REPLAYED_ORDERS) {
            return period;
        }
        return Arrays.stream(Replay.sortedSample(period.size(), MAX_REPLAYED_ORDERS,
                new SplittableRandom(seed))).mapToObj(period::get).toList();
    }

    /**
     * Refuses a split whose training or test period holds fewer than {@link #MIN_PERIOD_ORDERS}:
     * nothing to mine or to replay. Usually a stray date stretching the range, which is named.
     */
    private static void refuseNearlyEmptyPeriods(OrderLog log, Settings settings, long testFrom) {
        int training = count(log, t -> t < testFrom);
        int test = log.orders().size() - training;
        if (training >= MIN_PERIOD_ORDERS && test >= MIN_PERIOD_ORDERS) {
            return;
        }
        boolean testShort = test < MIN_PERIOD_ORDERS;
        String period = testShort
                ? String.format(Locale.ROOT, "The test period (%s to %s, the last %s of the store's date range)",
                        StrayDates.day(testFrom), StrayDates.day(log.lastTime()), percent(settings.split()))
                : String.format(Locale.ROOT, "The training period (%s to %s, the first %s of the store's date range)",
                        StrayDates.day(log.firstTime()), StrayDates.day(testFrom), percent(1 - settings.split()));
        int held = testShort ? test : training;
        String head = String.format(Locale.ROOT, "%s holds %s: too few to %s. ", period,
                held == 1 ? "1 order" : held + " orders", testShort ? "replay" : "mine");
        long[] times = log.orders().stream().mapToLong(OrderLog.Order::time).toArray();
        throw new IllegalArgumentException(head + StrayDates.in(times).map(stray -> stray.describe()
                        + ": a stray date stretches the range the split is taken from. Correct it in the file and"
                        + " import the file again, replacing the orders already in the store (--replace).")
                .orElse("Give the test period another share with --split (now " + settings.split()
                        + "), or import more history."));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    private static int count(OrderLog log, LongPredicate period) {
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

        /**
         * Recommendations for the cart's prefixes of the given ascending {@code lengths} (the
         * sequential replay's steps); a policy may carry its work from one prefix to the next.
         */
        default int[][] recommendPrefixes(Placement placement, int[] items, int[] quantities, int[] lengths, int k) {
            int[][] answers = new int[lengths.length][];
            for (int i = 0; i < lengths.length; i++) {
                answers[i] = recommend(placement, Arrays.copyOf(items, lengths[i]),
                        Arrays.copyOf(quantities, lengths[i]), k);
            }
            return answers;
        }

        /**
         * Recommendations for the order with each of the ascending positions {@code hidden} left
         * out in turn (the leave-one-out replay); a policy may share work between them.
         */
        default int[][] recommendLeavingOut(Placement placement, int[] items, int[] quantities, int[] hidden, int k) {
            int n = items.length;
            int[][] answers = new int[hidden.length][];
            int[] rest = new int[n - 1];
            int[] restQuantities = new int[n - 1];
            for (int i = 0; i < hidden.length; i++) {
                int h = hidden[i];
                System.arraycopy(items, 0, rest, 0, h);
                System.arraycopy(items, h + 1, rest, h, n - h - 1);
                System.arraycopy(quantities, 0, restQuantities, 0, h);
                System.arraycopy(quantities, h + 1, restQuantities, h, n - h - 1);
                answers[i] = recommend(placement, rest, restQuantities, k);
            }
            return answers;
        }
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
}

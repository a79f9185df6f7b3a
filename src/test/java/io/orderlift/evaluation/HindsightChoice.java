package io.orderlift.evaluation;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.orderlift.ranking.Placement;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;

/**
 * A ceiling for the backtest's goal, not a policy: the settings search run on the <em>test</em>
 * period itself, one placement at a time (pairs mined before it, as in the backtest's test replay),
 * so the choice knows the answers. What it reaches is about the most any choice from the grid could
 * have reached on that placement and period under the search's guards (coordinate ascent from eight
 * starting points: it may still miss a better corner); an honest
 * choice, made on earlier periods for both placements at once, lands below it (docs/measuring.md).
 *
 * <pre>
 * java -cp target/orderlift.jar:target/test-classes io.orderlift.evaluation.HindsightChoice STORE_DIR...
 * </pre>
 */
public final class HindsightChoice {

    /** Searches per placement: one from the defaults, the others from random points of the grid. */
    private static final int STARTS = 8;

    private HindsightChoice() {
    }

    public static void main(String[] args) {
        for (String dir : args) {
            try (Store store = Store.open(Path.of(dir))) {
                System.out.println("== " + dir);
                print(store);
            }
        }
    }

    private static void print(Store store) {
        Backtest.Settings settings = Backtest.Settings.defaults();
        Backtest.Inputs in = Backtest.inputs(store, settings);
        BacktestReport.Lengths lengths = settings.lengths(WeightingProfile.defaults());
        long testFrom = in.periods().testFrom();
        Replay replay = in.replay();
        RankingModel model = Backtest.model(in.log(), t -> t < testFrom, in.mining(), in.catalog(),
                WeightingProfile.defaults());
        List<Backtest.Order> orders = Backtest.orders(in.log(), t -> t >= testFrom);
        Map<Placement, Replay.Run> popularity = new EnumMap<>(Placement.class);
        for (Placement p : Placement.values()) {
            popularity.put(p, replay.replay(p, Backtest.PROTOCOL, orders, Long.MAX_VALUE,
                    Popularity.classic(model, in.excluded()), lengths.of(p), BacktestReport.POPULARITY, null));
        }
        Recommender recommender = new Recommender(model, in.exclusions(), Recommender.DEFAULT_TOP_K);
        for (Placement placement : Placement.values()) {
            PolicyResult base = popularity.get(placement).result();
            if (base.orders() == 0) {
                System.out.printf(Locale.ROOT, "%-12s no orders to replay%n", placement.cliName());
                continue;
            }
            // this placement alone: the other replays nothing, so it does not count
            Replay.Run nothing = Replay.Run.of(new PolicyResult("none", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
            SettingsSearch.Replayer replayer = (p, profile) -> p != placement ? nothing
                    : replay.replay(p, Backtest.PROTOCOL, orders, Long.MAX_VALUE, Backtest.rankingPolicy(recommender,
                    profile), lengths.of(placement), "hindsight", profile.priceWeight());
            // coordinate ascent from the defaults and from random corners of the grid; the best that
            // passes the search's guards on this placement
            SplittableRandom random = new SplittableRandom(7);
            SettingsSearch.Choice choice = null;
            for (int start = 0; start < STARTS; start++) {
                WeightingProfile from = WeightingProfile.defaults();
                for (SettingsSearch.Dimension d : start == 0 ? List.<SettingsSearch.Dimension>of()
                        : SettingsSearch.DIMENSIONS) {
                    from = d.apply().apply(from, d.values()[random.nextInt(d.values().length)]);
                }
                SettingsSearch.Choice c = new SettingsSearch(replayer, popularity)
                        .search(from);
                PolicyResult r = c.validation().get(placement);
                boolean guarded = r.hitRate() >= SettingsSearch.MIN_HIT_RATE_RATIO * base.hitRate()
                        && r.aovLift() >= base.aovLift();
                if (guarded && (choice == null || r.rpi() > choice.validation().get(placement).rpi())) {
                    choice = c;
                }
            }
            if (choice == null) {
                System.out.printf(Locale.ROOT, "%-12s no setting passes the guards%n", placement.cliName());
                continue;
            }
            PolicyResult best = choice.validation().get(placement);
            WeightingProfile p = choice.profile();
            System.out.printf(Locale.ROOT, "%-12s popularity RPI %.3f, hindsight %.3f: %.2f× the RPI, %.2f× the hit"
                            + " rate, %.2f× the revenue per order (w %.2f, m %.0f, %s, min evidence %d, lift floor"
                            + " %.1f, cart ceiling %.1f×, one tap %.0f / %.2f×, confirmation %s)%n",
                    placement.cliName(), base.rpi(), best.rpi(), best.rpi() / base.rpi(),
                    best.hitRate() / base.hitRate(), best.aovLift() / base.aovLift(), p.priceWeight(),
                    p.smoothing(), p.estimator().jsonName(), p.minEvidence(), p.minLift(), p.maxPriceRatio(),
                    p.oneTapMaxPrice(), p.oneTapMaxShare(), p.confirmationEvidence().jsonName());
        }
    }
}

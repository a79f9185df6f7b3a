package io.orderlift.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;

/**
 * Times the "customers also bought" replays of a store's test period (sampled as the backtest samples
 * it), each four times: where a large catalog's backtest spends the time that no setting can save
 * (docs/benchmarks.md). Not a test.
 *
 * <pre>
 * java -cp target/orderlift.jar:target/test-classes io.orderlift.evaluation.PopularityReplayTimes STORE_DIR
 * </pre>
 */
public final class PopularityReplayTimes {

    private static final int REPEATS = 4;

    private PopularityReplayTimes() {
    }

    /** One replay to time. */
    private record Run(String name, Backtest.Policy policy, Placement placement, CartProtocol protocol) {
    }

    public static void main(String[] args) {
        try (Store store = Store.open(Path.of(args[0]))) {
            Backtest.Settings settings = Backtest.Settings.defaults();
            Backtest.Inputs in = Backtest.inputs(store, settings);
            long testFrom = in.periods().testFrom();
            RankingModel model = Backtest.model(in.log(), t -> t < testFrom, in.mining(), in.catalog(),
                    WeightingProfile.defaults());
            List<Backtest.Order> orders = Backtest.replayed(Backtest.orders(in.log(), t -> t >= testFrom), testFrom);
            Backtest.Policy classic = Popularity.classic(model, in.excluded());
            Backtest.Policy ruled = Popularity.underRules(model, new Profiles(store).active(), in.excluded());
            List<Run> runs = List.of(new Run("classic sequential", classic, Placement.CART, CartProtocol.SEQUENTIAL),
                    new Run("classic leave-one-out", classic, Placement.CART, CartProtocol.LEAVE_ONE_OUT),
                    new Run("classic confirmation", classic, Placement.CONFIRMATION, Backtest.PROTOCOL),
                    new Run("rules sequential", ruled, Placement.CART, CartProtocol.SEQUENTIAL),
                    new Run("rules leave-one-out", ruled, Placement.CART, CartProtocol.LEAVE_ONE_OUT));
            System.out.printf(Locale.ROOT, "%,d test orders replayed%n", orders.size());
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                StringBuilder line = new StringBuilder();
                for (Run run : runs) {
                    long start = System.nanoTime();
                    in.replay().replay(run.placement(), run.protocol(), orders, Long.MAX_VALUE, run.policy(),
                            settings.lengths(new Profiles(store).active()).of(run.placement()), run.name(), null);
                    line.append(String.format(Locale.ROOT, "%s %,d ms; ", run.name(),
                            (System.nanoTime() - start) / 1_000_000));
                }
                System.out.println(line.toString().strip());
            }
        }
    }
}

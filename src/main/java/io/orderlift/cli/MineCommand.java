package io.orderlift.cli;

import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.common.Money;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.MiningSummary;
import io.orderlift.store.MiningRun;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code orderlift mine}: computes the store's purchase-pair statistics. */
@Command(name = "mine", header = "Compute the pair statistics (same-order and follow-on) of a store.",
        description = {
        "Compute pair statistics: same-order pairs and follow-on pairs (same customer, within the window).",
        "Replaces the previous results atomically. On a store without a saved profile, the backtest's",
        "validation periods then choose the default profile's settings (--keep-profile skips that)."})
final class MineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    MiningOptions mining;

    @Mixin
    DefaultProfileOption defaultProfile;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        MiningSettings settings = mining.settings(MiningSettings.defaults());
        MiningSummary summary;
        DefaultProfileOption.Choice choice;
        Money money;
        try (Store target = store.open()) {
            money = new Money(new StoreQueries(target).currency().orElse(null));
            summary = new MiningService().mine(target, settings, ProgressMonitor.NONE);
            choice = defaultProfile.chooseIfNew(target);
        }
        json.print(spec, summary, "defaultProfile", choice, s -> describe(s) + choice.describe(money));
        return 0;
    }

    private static String describe(MiningSummary s) {
        MiningRun r = s.run();
        StringBuilder text = new StringBuilder(String.format(
                "Mined %s (run %d, window %s): %s stored in %,d ms (read %,d ms, count %,d ms, save %,d ms).",
                Counted.of(r.orders(), "order"), r.id(), Counted.of(r.windowDays(), "day"),
                Counted.of(r.pairs(), "pair"),
                s.loadMs() + s.mineMs() + s.saveMs(), s.loadMs(), s.mineMs(), s.saveMs()));
        text.append(details(r));
        if (r.orders() == 0 && r.ordersEmpty() == 0) {
            text.append(String.format("%n  the store holds no orders yet: import some (orderlift import --store DIR"
                    + " --input FILE), then mine again"));
        }
        return text.toString();
    }

    /** What a stored run left out and from when its follow-on evidence comes; shared with import-pairs. */
    static String details(MiningRun r) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n  ignored: %s with no item left after returns",
                Counted.of(r.ordersEmpty(), "order")));
        if (r.maxBasket() > 0) {
            text.append(String.format(", %s above --max-basket %d", Counted.of(r.ordersOverMaxBasket(), "order"),
                    r.maxBasket()));
        }
        if (r.minCo() > 1) {
            text.append(String.format("%n  --min-co %d left out %s", r.minCo(), Counted.of(r.pairsDropped(), "pair")));
        }
        if (r.followCutoff() != null) {
            text.append(String.format("%n  follow-on evidence from orders up to %s (last order %s)", r.followCutoff(),
                    r.lastOrderAt()));
        }
        return text.toString();
    }
}

package io.orderlift.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.common.Money;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.external.PairsImport;
import io.orderlift.store.MiningRun;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift import-pairs}: the Spark mining job's result as the store's mining run. */
@Command(name = "import-pairs", header = "Load the Spark mining job's pair statistics into a store.",
        description = {
        "Load the output folder of the Spark mining job (io.orderlift.spark.MineJob, docs/scale.md) as the",
        "store's mining run, replacing the previous one atomically, as mine would. Refused with the reason",
        "unless the job mined with the store's settings (its last mining run's, else mine's defaults, or the",
        "ones given here) and counted exactly the store's orders and catalog. On a store without a saved",
        "profile, the backtest's validation periods then choose the default profile's settings, as mine",
        "does (--keep-profile skips that)."})
final class ImportPairsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "The job's output folder (holds run.json, products/ and pairs/).")
    Path input;

    @Mixin
    MiningOptions mining;

    @Mixin
    DefaultProfileOption defaultProfile;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        MiningRun run;
        DefaultProfileOption.Choice choice;
        Money money;
        try (Store target = store.open()) {
            money = new Money(new StoreQueries(target).currency().orElse(null));
            MiningSettings current = new PairStatisticsStore(target).activeRun()
                    .map(r -> new MiningSettings(r.windowDays(), r.maxBasket(), r.minCo()))
                    .orElse(MiningSettings.defaults());
            run = new PairsImport(target).load(input, mining.settings(current), ProgressMonitor.NONE);
            choice = defaultProfile.chooseIfNew(target);
        }
        json.print(spec, run, "defaultProfile", choice, r -> String.format("Loaded the job's %,d pairs over %,d orders"
                + " (run %d, window %s, mined in %,d ms on Spark).", r.pairs(), r.orders(), r.id(),
                Counted.of(r.windowDays(), "day"), r.durationMs()) + MineCommand.details(r) + choice.describe(money));
        return 0;
    }
}

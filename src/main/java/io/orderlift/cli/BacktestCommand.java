package io.orderlift.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.Backtest;
import io.orderlift.evaluation.BacktestReport;
import io.orderlift.evaluation.PolicyResult;
import io.orderlift.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift backtest}: offline comparison of ranking policies on a temporal split. */
@Command(name = "backtest", description = {
        "Compare ranking policies offline: mine on the past, replay the last part of the history",
        "(cart: hide each item in turn; confirmation: what the customer bought within the window),",
        "and report revenue per impression. The validation period picks w and the smoothing;",
        "the last rows lift the profile's price ceilings and lift floor to show what they cost."})
final class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--k", defaultValue = "4", paramLabel = "K", description = "Recommendations per impression. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--split", defaultValue = "0.2", paramLabel = "F",
            description = "The last F of the date range is the test period. Default: ${DEFAULT-VALUE}.")
    double split;

    @Option(names = "--window-days", defaultValue = "30", paramLabel = "N", description = "Follow-on window. Default: ${DEFAULT-VALUE}.")
    int windowDays;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        BacktestReport report;
        try (Store source = Store.open(store.directory)) {
            report = new Backtest().run(source, new Backtest.Settings(k, split, windowDays), ProgressMonitor.NONE);
        }
        json.print(spec, report, BacktestCommand::describe);
        return 0;
    }

    private static String describe(BacktestReport r) {
        StringBuilder text = new StringBuilder(String.format(
                "Trained on %,d orders from %s; validation from %s (%,d orders); test %s to %s (%,d orders). k = %d, "
                        + "window %d days, %,d ms.%n", r.trainOrders(), r.trainFrom(), r.validationFrom(),
                r.validationOrders(), r.testFrom(), r.testTo(), r.testOrders(), r.k(), r.windowDays(), r.durationMs()));
        for (Map.Entry<String, List<PolicyResult>> placement : r.placements().entrySet()) {
            BacktestReport.Chosen chosen = r.chosen().get(placement.getKey());
            text.append(String.format("%n%s — chosen on validation: w = %s, smoothing = %s%n", placement.getKey(),
                    chosen.w(), chosen.smoothing()));
            text.append(String.format("  %-16s %11s %7s %9s %9s %12s %9s%n", "policy", "impressions", "hits",
                    "hit rate", "RPI", "avg price", "coverage"));
            for (PolicyResult p : placement.getValue()) {
                text.append(String.format("  %-16s %,11d %,7d %8.2f%% %9.3f %12.2f %8.1f%%%n", p.policy(),
                        p.impressions(), p.hits(), p.hitRate() * 100, p.rpi(), p.avgAcceptedPrice(), p.coverage() * 100));
            }
        }
        return text.toString().stripTrailing();
    }
}

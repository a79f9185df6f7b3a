package io.orderlift.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.OrderExport;
import io.orderlift.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift export-orders}: a store's orders in the generic format, the Spark job's input. */
@Command(name = "export-orders", header = "Write a store's orders in the generic import format.",
        description = {
        "Write every order line of the store as generic-format CSV (gzipped when the name ends in .gz): the",
        "Spark mining job's input, and a file import reads back. Customers appear as the store's pseudonymous",
        "keys, times as UTC instants. Written beside the target and renamed over it when complete."})
final class ExportOrdersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write (.csv or .csv.gz).")
    Path out;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        OrderExport.Summary summary;
        try (Store source = store.open()) {
            summary = new OrderExport(source).write(out, ProgressMonitor.NONE);
        }
        json.print(spec, summary, s -> String.format("Wrote %s (%s) to %s.", Counted.of(s.orders(), "order"),
                Counted.of(s.lines(), "line"), s.file()));
        return 0;
    }
}

package io.orderlift.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.orderlift.TestFolders;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.samples.SampleStores;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportReport;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import picocli.CommandLine;

/**
 * Import throughput: generates a store of about {@code lines} order lines (once, cached under
 * {@code target/bench}), imports it into a new store {@code runs} times and prints lines/s with the
 * time of each phase. Not a test: run it by hand (see docs/benchmarks.md).
 *
 * <pre>java -cp target/orderlift.jar:target/test-classes io.orderlift.bench.ImportBenchmark [lines] [runs]</pre>
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Path.of("target/bench/import-" + lines);
        Path csv = dir.resolve("outdoor/orders.csv");
        if (!Files.exists(csv)) {
            new CommandLine(new SampleStores()).execute("--store", "outdoor", "--target-lines", Long.toString(lines),
                    "--shopify-orders", "0", "--out", dir.toString());
        }
        System.out.printf("file %s, %,d bytes%n", csv, Files.size(csv));
        for (int run = 1; run <= runs; run++) {
            Path storeDir = dir.resolve("store-" + run);
            TestFolders.delete(storeDir);
            PhaseClock clock = new PhaseClock();
            long start = System.nanoTime();
            ImportReport report;
            try (Store store = Store.openOrCreate(storeDir)) {
                clock.lap("open store");
                report = new OrderImporter().importFile(store, ImportRequest.of(csv), clock);
                clock.lap(clock.current);
            }
            clock.lap("close");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %,d lines, %,d orders in %.2f s = %,.0f lines/s  %s%n", run, report.lines(),
                    report.orders(), seconds, report.lines() / seconds, clock.phases);
            TestFolders.delete(storeDir);
        }
    }

    /** Times the phases an import reports through its progress messages. */
    private static final class PhaseClock implements ProgressMonitor {
        final Map<String, String> phases = new LinkedHashMap<>();
        String current = "start";
        long since = System.nanoTime();

        @Override
        public void progress(String message, long done, long total) {
            String phase = message.startsWith("Reading") ? "read" : message; // into a new store: reading and writing
            if (!phase.equals(current)) {
                lap(current);
                current = phase;
            }
        }

        void lap(String name) {
            long now = System.nanoTime();
            phases.merge(name, String.format("%.2fs", (now - since) / 1e9), (a, b) -> b);
            since = now;
        }
    }
}

package io.orderlift.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningResult;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.PairMiner;

/**
 * Test helper: leaves a store file mostly dead space, the state in which its close rewrites it.
 * Run as a program (a second JVM, to be killed while it compacts) it churns the store, then opens
 * and closes it once more: H2 counts dropped pages as dead some time after they are dropped, and a
 * fresh open counts them at once, so that close rewrites the file.
 */
public final class ChurnStore {

    /** A history whose mining runs are large enough to leave dead space quickly (25 MB each). */
    public static final Path ORDERS = Path.of("sample-stores/wholesale/orders.csv.gz");

    /** Dead bytes {@link #churn} leaves beyond the live ones at least: past the compaction threshold. */
    static final long DEAD_BYTES = FileCompaction.COMPACT_FROM_DEAD_BYTES + (8L << 20);

    private ChurnStore() {
    }

    /**
     * Mines the store once, then saves that mining run again and again (each save drops the one
     * before), closing and reopening the store between saves as separate `mine` commands do, until
     * its dead space exceeds its live data by {@link #DEAD_BYTES}: what re-mining a store leaves behind.
     */
    public static void churn(Path dir) throws IOException {
        Path file = dir.resolve(Store.DATABASE_NAME + ".mv.db");
        MiningResult result;
        OrderHistory.VersionedCatalog catalog;
        try (Store store = Store.open(dir)) {
            MiningService.Read read = MiningService.read(new OrderHistory(store), 0, ProgressMonitor.NONE);
            result = new PairMiner().mine(read.transactions(), MiningSettings.defaults(), ProgressMonitor.NONE);
            catalog = read.catalog();
            MiningService.save(store, catalog, result, Instant.now(), 0,
                    ProgressMonitor.NONE);
        }
        long live = Files.size(file);
        // more dead than live, and past the threshold; not more: a close of the churn's own finds
        // the file mostly dead a few saves later and rewrites it
        long target = live + Math.max(live + (8L << 20), DEAD_BYTES);
        for (int i = 0; i < 10 && Files.size(file) < target; i++) {
            try (Store store = Store.open(dir)) {
                MiningService.save(store, catalog, result, Instant.now(), 0,
                        ProgressMonitor.NONE);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        churn(dir);
        try (Store store = Store.open(dir)) {
            new StoreQueries(store).overview();
        }
    }
}

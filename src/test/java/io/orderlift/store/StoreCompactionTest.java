package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCompactionTest {

    @TempDir
    Path dir;

    /**
     * A store file that is mostly dead space is rewritten when it closes (never compacted in place, which
     * a kill can leave unreadable: {@code KillCampaignTest.killedCompactionLeavesTheStoreWhole}), and keeps
     * everything it held.
     */
    @Test
    void aFileOfMostlyDeadSpaceIsRewrittenAtCloseAndKeepsEverything() throws Exception {
        Path store = dir.resolve("store");
        Path file = store.resolve(Store.DATABASE_NAME + ".mv.db");
        long orders;
        try (Store created = Store.openOrCreate(store)) {
            new OrderImporter().importFile(created, ImportRequest.of(ChurnStore.ORDERS), ProgressMonitor.NONE);
            orders = new StoreQueries(created).overview().orders();
        }
        ChurnStore.churn(store);
        long churned = Files.size(file);
        assertTrue(churned > 2 * ChurnStore.DEAD_BYTES, "the churn grew the file: " + churned);
        try (Store reopened = Store.open(store)) {
            assertEquals(orders, new StoreQueries(reopened).overview().orders());
        }
        long compacted = Files.size(file);
        assertTrue(compacted < churned / 4, churned + " bytes before, " + compacted + " after");
        try (Store reopened = Store.open(store)) {
            assertEquals(orders, new StoreQueries(reopened).overview().orders());
            assertTrue(new PairStatisticsStore(reopened).activeRun().isPresent(), "the mining run is still there");
        }
        assertTrue(Files.size(file) < compacted + (1 << 20), "a file without dead space stays as small");
    }
}

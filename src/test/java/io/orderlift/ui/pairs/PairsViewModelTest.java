package io.orderlift.ui.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.AnchorPairs;
import io.orderlift.mining.CandidatePair;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.HeldTasks;
import io.orderlift.ui.common.MinedTestStore;
import io.orderlift.ui.common.RankingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsViewModelTest {

    private static PairsViewModel.Row row(int popularityRank, int rank) {
        return new PairsViewModel.Row("C", null, null, 1, 0, 0.1, 1, 0.1, 0, 3, 9, 0.9, popularityRank, rank, "");
    }

    @Test
    void candidatesUnderThePrivacyFloorAreCountedInTheStatusLine() {
        assertEquals("", withCustomers(3, 4, 9).underCustomerFloorInWords(3));
        assertEquals(", 2 of them backed by fewer than 3 known customers: never shown",
                withCustomers(1, 3, 2).underCustomerFloorInWords(3));
        assertEquals(", all backed by fewer than 3 known customers: never shown",
                withCustomers(1, 2, 0).underCustomerFloorInWords(3));
        assertEquals(", backed by fewer than 5 known customers: never shown",
                withCustomers(4).underCustomerFloorInWords(5));
    }

    /** An anchor's listed candidates, each backed by so many customers. */
    private static AnchorPairs withCustomers(int... customers) {
        List<CandidatePair> candidates = IntStream.range(0, customers.length).mapToObj(i -> new CandidatePair("C" + i,
                null, null, 1, 0, 0.1, 0.1, 1, 0.1, 0, customers[i], BigDecimal.ONE, 0.1, 0.1, i + 1, i + 1)).toList();
        return new AnchorPairs("A", null, 10, 5, 100, "same-order", 1, 5, 30, customers.length, candidates);
    }

    @Test
    void aTableCutAtItsLimitSaysHowManyCandidatesItLeavesOut() {
        assertEquals("the best 2 of 3,912 candidates", pairs(3_912, 2).candidatesInWords());
        assertEquals("2 candidates", pairs(2, 2).candidatesInWords());
        assertEquals("1 candidate", pairs(1, 1).candidatesInWords());
        assertEquals("0 candidates", pairs(0, 0).candidatesInWords());
    }

    private static AnchorPairs pairs(int count, int listed) {
        List<CandidatePair> candidates = IntStream.range(0, listed).mapToObj(i -> new CandidatePair("C" + i, null, null,
                1, 0, 0.1, 0.1, 1, 0.1, 0, 3, BigDecimal.ONE, 0.1, 0.1, i + 1, i + 1)).toList();
        return new AnchorPairs("A", null, 10, 5, 100, "same-order", 1, 5, 30, count, candidates);
    }

    @Test
    void arrowsShowWhoRevenueRankingMovedAgainstPopularity() {
        assertEquals("↑", row(5, 1).movement(), "a premium add-on moves up");
        assertEquals("↓", row(1, 5).movement(), "a cheap popular one moves down");
        assertEquals("", row(2, 2).movement());
    }

    @Test
    void aSlowCatalogReadBeforeAnImportDoesNotReplaceTheOneReadAfterIt(@TempDir Path dir) throws Exception {
        HeldTasks tasks = new HeldTasks();
        PairsViewModel model = new PairsViewModel(tasks, new RankingSession(tasks));
        try (Store store = MinedTestStore.create(dir)) {
            model.load(store);
            tasks.work(); // this read sees the store before the import, and arrives last
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("more.csv"),
                    "order_id,customer_id,ordered_at,sku,quantity,unit_price\nL1,C1,2025-07-01,LANTERN,1,40\n")),
                    ProgressMonitor.NONE);
            model.load(store);
            tasks.releaseNewestFirst();
            assertTrue(model.anchors().stream().anyMatch(a -> a.startsWith("LANTERN")),
                    "the catalog read after the import stays: " + model.anchors());
        }
    }
}

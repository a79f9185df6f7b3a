package io.orderlift.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Estimator;
import io.orderlift.store.NotMinedException;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairs browser's in-memory run lists every anchor exactly as the store-backed report does. */
class PairSnapshotTest {

    /** The ranking's two estimators: DESIGN.md's acceptance and its lower confidence bound. */
    private static final Acceptance.Formula[] FORMULAS = Estimator.values();

    @TempDir
    Path dir;

    @Test
    void everyAnchorListsTheSameFromMemoryAsFromTheStore() throws Exception {
        try (Store store = Store.openOrCreate(dir.resolve("kitchen"))) {
            new OrderImporter().importFile(store, ImportRequest.of(Path.of("sample-stores/kitchen/orders.csv")),
                    ProgressMonitor.NONE);
            assertThrows(NotMinedException.class, () -> PairSnapshot.load(store));
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            PairSnapshot mined = PairSnapshot.load(store);
            PairReports reports = new PairReports(store);
            int compared = 0;
            for (OrderHistory.CatalogEntry product : new OrderHistory(store).catalog()) {
                for (Evidence evidence : Evidence.values()) {
                    for (double w : new double[] {0, 1}) {
                        for (Acceptance.Formula formula : FORMULAS) {
                            assertEquals(reports.forAnchor(product.sku(), evidence, w, 5, formula, 500),
                                    PairReports.forAnchor(mined, store, product.sku(), evidence, w, 5, formula, 500),
                                    product.sku() + " " + evidence + " w " + w);
                            compared++;
                        }
                    }
                }
            }
            assertEquals(4 * FORMULAS.length * new OrderHistory(store).catalog().size(), compared);
            assertThrows(IllegalArgumentException.class,
                    () -> PairReports.forAnchor(mined, store, "NO-SUCH-SKU", Evidence.SAME_ORDER, 1, 5,
                            Acceptance.Formula.SMOOTHED, 10));
        }
    }
}

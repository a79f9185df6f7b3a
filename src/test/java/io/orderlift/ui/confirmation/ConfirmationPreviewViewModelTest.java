package io.orderlift.ui.confirmation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.CartItem;
import io.orderlift.store.PastOrders;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.HeldTasks;
import io.orderlift.ui.common.RankingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmationPreviewViewModelTest {

    private static PastOrders.Line line(String sku, int quantity, String price) {
        return new PastOrders.Line(sku, null, null, quantity, new BigDecimal(price));
    }

    @Test
    void anOrdersItemsAreItsNetQuantitiesAtCatalogPricesWithReturnsLeftOut() {
        List<CartItem> items = ConfirmationPreviewViewModel.items(List.of(line("TENT", 1, "280"),
                line("STAKES", 2, "9"), line("STAKES", -2, "9"), line("MUG", 1, "12"), line("MUG", 1, "10")));
        assertEquals(List.of(new CartItem("TENT", 1, Double.NaN), new CartItem("MUG", 2, Double.NaN)), items,
                "the price paid is not what a storefront evaluates with: catalog prices are");
    }

    @Test
    void theOrderPickerLabelShowsIdTimeItemsAndValue() {
        assertEquals("A1 · 2025-03-02 14:05 · 3 items · 123.45", ConfirmationPreviewViewModel.label(
                new PastOrders.OrderSummary(1, "A1", LocalDateTime.of(2025, 3, 2, 14, 5), 3, new BigDecimal("123.45"))));
    }

    @Test
    void aSlowOrderListOfTheStoreOpenedBeforeLeavesTheOpenOnesOrdersPickable(@TempDir Path dir) throws Exception {
        HeldTasks tasks = new HeldTasks();
        ConfirmationPreviewViewModel model = new ConfirmationPreviewViewModel(tasks, new RankingSession(tasks));
        try (Store second = Store.openOrCreate(dir.resolve("b"))) {
            Path orders = Files.writeString(dir.resolve("other.csv"), "order_id,customer_id,ordered_at,sku,quantity,"
                    + "unit_price\nX1,C1,2025-02-01,MUG,1,12\nX1,C1,2025-02-01,TEA,2,5\nX2,C2,2025-02-02,MUG,1,12\n");
            new OrderImporter().importFile(second, ImportRequest.of(orders), ProgressMonitor.NONE);
            tasks.loadBothFinishingNewestFirst(dir, model::load, second);
            model.orderProperty().set(model.orders().get(0));
            tasks.release();
            assertFalse(model.lines().isEmpty(), "the order picked in the open store is read");
        }
    }

    @Test
    void aSlowOrderListReadBeforeAnImportDoesNotReplaceTheOneReadAfterIt(@TempDir Path dir) throws Exception {
        HeldTasks tasks = new HeldTasks();
        ConfirmationPreviewViewModel model = new ConfirmationPreviewViewModel(tasks, new RankingSession(tasks));
        try (Store store = Store.openOrCreate(dir.resolve("s"))) {
            String header = "order_id,customer_id,ordered_at,sku,quantity,unit_price\n";
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("one.csv"),
                    header + "X1,C1,2025-02-01,MUG,1,12\n")), ProgressMonitor.NONE);
            model.load(store);
            tasks.work(); // this read sees the store before the import, and arrives last
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("two.csv"),
                    header + "X2,C2,2025-02-02,TEA,1,5\n")), ProgressMonitor.NONE);
            model.load(store);
            tasks.releaseNewestFirst();
            assertEquals(2, model.orders().size(), "the list read after the import stays: " + model.orders());
        }
    }
}

package io.orderlift.ui.confirmation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
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

    /** A store in {@code folder} holding {@code rows} of order_id,customer_id,ordered_at,sku,quantity,unit_price. */
    private static Store storeOf(Path folder, String rows) throws IOException {
        Store store = Store.openOrCreate(folder);
        Path orders = Files.writeString(Files.createDirectories(folder).resolveSibling(folder.getFileName() + ".csv"),
                "order_id,customer_id,ordered_at,sku,quantity,unit_price\n" + rows);
        new OrderImporter().importFile(store, ImportRequest.of(orders), ProgressMonitor.NONE);
        return store;
    }

    @Test
    void aSlowOrderListOfTheStoreOpenedBeforeLeavesTheOpenOnesOrdersPickable(@TempDir Path dir) throws Exception {
        HeldTasks tasks = new HeldTasks();
        ConfirmationPreviewViewModel model = new ConfirmationPreviewViewModel(tasks, new RankingSession(tasks));
        try (Store second = storeOf(dir.resolve("b"), "X1,C1,2025-02-01,MUG,1,12\nX1,C1,2025-02-01,TEA,2,5\n"
                + "X2,C2,2025-02-02,MUG,1,12\n")) {
            tasks.loadBothFinishingNewestFirst(dir, model::load, second);
            model.orderProperty().set(model.orders().get(0));
            tasks.release();
            assertFalse(model.lines().isEmpty(), "the order picked in the open store is read");
        }
    }

    @Test
    void aStoreOpensOnItsNewestOrder(@TempDir Path dir) throws Exception {
        HeldTasks tasks = new HeldTasks();
        ConfirmationPreviewViewModel model = new ConfirmationPreviewViewModel(tasks, new RankingSession(tasks));
        try (Store store = storeOf(dir.resolve("s"), "X1,C1,2025-02-01,MUG,1,12\nX2,C2,2025-02-03,TEA,2,5\n"
                + "X3,C3,2025-02-02,MUG,1,12\n")) {
            model.load(store);
            tasks.release(); // the list of orders, which picks the newest
            tasks.release(); // its lines and offers
            assertTrue(model.orderProperty().get().startsWith("X2 "), "the newest order: " + model.orderProperty().get());
            assertEquals(List.of("TEA"), model.lines().stream().map(PastOrders.Line::sku).toList());
        }
    }

    @Test
    void onALongOrderTheSummarySaysTheCombinedAcceptanceRunsHigh(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price\n");
        for (int o = 0; o < 80; o++) {
            int items = o % 2 == 0 ? io.orderlift.ranking.CombinedAcceptanceNote.FROM_ITEMS + 2 : 2;
            for (int i = 0; i < items; i++) {
                csv.append("O").append(o).append(",C").append(o % 20).append(",2025-0").append(1 + o % 6)
                        .append("-10,S").append((o + i) % 16).append(",1,").append(5 + i).append('\n');
            }
        }
        HeldTasks tasks = new HeldTasks();
        RankingSession session = new RankingSession(tasks);
        ConfirmationPreviewViewModel model = new ConfirmationPreviewViewModel(tasks, session);
        try (Store store = Store.openOrCreate(dir.resolve("s"))) {
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("o.csv"), csv)),
                    ProgressMonitor.NONE);
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            session.load(store);
            model.load(store);
            for (int i = 0; i < 4; i++) {
                tasks.release();
            }
            for (String order : List.of("O78 ", "O79 ")) {
                model.orderProperty().set(model.orders().stream().filter(o -> o.startsWith(order)).findFirst()
                        .orElseThrow());
                for (int i = 0; i < 4; i++) {
                    tasks.release();
                }
                String summary = model.summaryProperty().get();
                assertTrue(summary.startsWith("Order total at catalog prices"), summary);
                // the summed RPI is the model's score, not a forecast of what the page earns
                assertTrue(summary.matches("(?s).*; \\d+ offered; their RPI sums to [^ ]+, the model's estimate \\(Reports"
                        + " measures what offers earn\\)\\..*"), summary);
                assertEquals(order.equals("O78 "), summary.contains("On an order of 12 items the combined acceptance,"
                        + " which counts each item as independent evidence, runs high"), summary);
            }
        }
    }

    @Test
    void anOrderWithNothingToOfferSaysWhy(@TempDir Path dir) throws Exception {
        HeldTasks tasks = new HeldTasks();
        RankingSession session = new RankingSession(tasks);
        ConfirmationPreviewViewModel model = new ConfirmationPreviewViewModel(tasks, session);
        try (Store store = Store.openOrCreate(dir.resolve("s"))) {
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("o.csv"),
                    "order_id,customer_id,ordered_at,sku,title,quantity,unit_price\nX1,C1,2025-02-01,MUG,Mug,1,12\n"
                            + "X2,C2,2025-02-02,TEA,Tea,1,5\n")), ProgressMonitor.NONE);
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            session.load(store);
            model.load(store);
            for (int i = 0; i < 4; i++) {
                tasks.release();
            }
            model.orderProperty().set(model.orders().stream().filter(o -> o.startsWith("X1 ")).findFirst()
                    .orElseThrow());
            for (int i = 0; i < 4; i++) {
                tasks.release();
            }
            assertTrue(model.offers().isEmpty());
            assertEquals("Nothing else was bought in the same order as, or by the same customer within the follow-on"
                    + " window after, Mug in the mined orders.", model.emptyReasonProperty().get());
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

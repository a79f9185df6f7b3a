package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static io.orderlift.store.db.Tables.LINE_SNAPSHOTS;
import static io.orderlift.store.db.Tables.ORDER_LINES;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderHistoryTest {

    @TempDir
    Path dir;

    @Test
    void pricesAreListPriceElseTheLowerMedianOfSoldLines() throws Exception {
        Path csv = Files.writeString(dir.resolve("o.csv"),
                "order_id,customer_id,ordered_at,sku,quantity,unit_price,list_price\n"
                        + "O1,C1,2025-01-01,LISTED,1,3,4.50\n"
                        + "O1,C1,2025-01-01,SOLD,1,9,\n"
                        + "O2,C1,2025-01-02,SOLD,1,5,\n"
                        + "O3,C1,2025-01-03,SOLD,2,11,\n"
                        + "O4,C1,2025-01-04,SOLD,1,7,\n"
                        + "O5,C1,2025-01-05,SOLD,-1,100,\n"
                        + "O6,C1,2025-01-06,SOLD,1,0,\n"
                        + "O7,C1,2025-01-07,GIFT,1,0,\n");
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE);
            Map<String, BigDecimal> prices = new OrderHistory(store).catalog().stream()
                    .filter(p -> p.price() != null)
                    .collect(Collectors.toMap(OrderHistory.CatalogEntry::sku, OrderHistory.CatalogEntry::price));
            assertEquals(0, new BigDecimal("4.50").compareTo(prices.get("LISTED")));
            assertEquals(0, new BigDecimal("7").compareTo(prices.get("SOLD")),
                    "5, 7, 9, 11 (returns and free lines left out): the lower middle value");
            assertNull(prices.get("GIFT"), "never sold at a price: no price");
        }
    }

    @Test
    void soldPriceSpreadsAreTheTenthAndNinetiethPercentilesOfSoldLines() throws Exception {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,quantity,unit_price\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("O").append(i).append(",C1,2025-01-01,DOT,DOTCOM POSTAGE,1,").append(i).append('\n');
        }
        csv.append("O1,C1,2025-01-01,DOT,DOTCOM POSTAGE,-1,500\n"); // a return: not a sale
        csv.append("O2,C1,2025-01-01,FREE,,1,0\n");              // never sold at a price: no spread
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("o.csv"), csv)),
                    ProgressMonitor.NONE);
            List<OrderHistory.SoldPriceSpread> spreads = new OrderHistory(store).soldPriceSpreads();
            assertEquals(1, spreads.size(), spreads.toString());
            OrderHistory.SoldPriceSpread dot = spreads.get(0);
            assertEquals("DOTCOM POSTAGE", dot.title());
            assertEquals(20, dot.lines());
            assertEquals(0, new BigDecimal("2").compareTo(dot.low()), "nearest rank: the 2nd of 20");
            assertEquals(0, new BigDecimal("18").compareTo(dot.high()), "nearest rank: the 18th of 20");
        }
    }

    @Test
    void linesStreamGroupedByOrderWithTheOrdersTimeAndCustomer() throws Exception {
        Path csv = Files.writeString(dir.resolve("o.csv"),
                "order_id,customer_id,ordered_at,sku,quantity,unit_price\n"
                        + "B,C1,2025-01-02T10:00:00Z,X,1,1\nA,,2025-01-01T00:00:00Z,Y,2,1\n"
                        + "B,C1,2025-01-02T09:00:00Z,Y,-1,1\n");
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE);
            List<String> seen = new ArrayList<>();
            new OrderHistory(store).forEachLine(collect(seen));
            assertEquals(List.of("1/1/1735808400000/1/1", "1/1/1735808400000/2/-1", "2/-1/1735689600000/2/2"), seen);
        }
    }

    /**
     * Mining and the backtest read the lines and the catalog in one pass: the same lines, in the
     * same order, and the same catalog as the two separate reads, on random stores with and without
     * list prices, returns, free lines and repeated products.
     */
    @Test
    void oneScanGivesTheLinesAndTheCatalogOfTwo() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 12; round++) {
            StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price,list_price\n");
            int listed = random.nextInt(3); // 0: none, 1: some, 2: every product listed
            for (int o = 0; o < 1 + random.nextInt(60); o++) {
                String customer = random.nextInt(4) == 0 ? "" : "C" + random.nextInt(10);
                String day = "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                for (int l = 0; l < 1 + random.nextInt(5); l++) {
                    int product = random.nextInt(15);
                    int quantity = random.nextInt(6) == 0 ? -1 : 1 + random.nextInt(3);
                    String price = random.nextInt(8) == 0 ? "0" : (1 + random.nextInt(40)) + "." + random.nextInt(100);
                    boolean hasList = listed == 2 || listed == 1 && product % 2 == 0;
                    csv.append("O").append(o).append(',').append(customer).append(',').append(day).append(",P")
                            .append(product).append(',').append(quantity).append(',').append(price).append(',')
                            .append(hasList ? product + 10 + ".5" : "").append('\n');
                }
            }
            Path file = Files.writeString(dir.resolve("r" + round + ".csv"), csv);
            try (Store store = Store.inMemory()) {
                new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
                OrderHistory history = new OrderHistory(store);
                List<String> apart = new ArrayList<>();
                history.forEachLine(collect(apart));
                List<String> together = new ArrayList<>();
                List<OrderHistory.CatalogEntry> catalog = history.forEachLineWithCatalog(collect(together)).entries();
                assertEquals(apart, together, "round " + round);
                assertEquals(history.catalog(), catalog, "round " + round);
            }
        }
    }

    /**
     * Once mined, a store without list prices takes its catalog's prices from the mining run instead
     * of a scan of every line, as long as no import changed the lines since: the same catalog; an
     * import that moves a median is seen at once.
     */
    @Test
    void theMinedRunsPricesAreTheCatalogsUntilTheNextImport() throws Exception {
        try (Store store = Store.inMemory()) {
            importCsv(store, "order_id,customer_id,ordered_at,sku,quantity,unit_price\n"
                    + "O1,C1,2025-01-01,A,1,5\nO1,C1,2025-01-01,B,1,20\nO2,C2,2025-01-02,A,1,7\n"
                    + "O3,C3,2025-01-03,A,1,9\nO3,C3,2025-01-03,FREE,1,0\n");
            OrderHistory history = new OrderHistory(store);
            List<OrderHistory.CatalogEntry> scanned = history.catalog();
            assertEquals(0, new BigDecimal("7").compareTo(price(scanned, "A")));
            assertNull(price(scanned, "FREE"));

            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            assertEquals(scanned, history.catalog(), "the run's prices are the scan's");
            // a line changed behind the importer's back: the catalog is the run's, not a new scan
            store.read(ctx -> ctx.update(ORDER_LINES).set(ORDER_LINES.UNIT_PRICE, new BigDecimal("100"))
                    .where(ORDER_LINES.UNIT_PRICE.eq(new BigDecimal("9"))).execute());
            assertEquals(0, new BigDecimal("7").compareTo(price(history.catalog(), "A")), "read from the run");

            importCsv(store, "order_id,customer_id,ordered_at,sku,quantity,unit_price\n"
                    + "O4,C1,2025-01-04,A,1,30\nO5,C2,2025-01-05,A,1,40\n");
            assertEquals(0, new BigDecimal("30").compareTo(price(history.catalog(), "A")),
                    "5, 7, 30, 40, 100: an import since the run, so the lines are read again");
        }
    }

    /**
     * The first full read of a version of the lines keeps a packed copy of what it visited; later
     * reads of that version replay the copy, not the tables (shown by changing a line behind the
     * store's back), and an import, which makes a new version, is read from the tables again.
     */
    @Test
    void laterReadsReplayTheFirstReadsCopyUntilAnImportChangesTheLines() throws Exception {
        try (Store store = Store.inMemory()) {
            importCsv(store, "order_id,customer_id,ordered_at,sku,quantity,unit_price\n"
                    + "O1,C1,2025-01-02T10:00:00Z,A,1,5\nO1,C1,2025-01-02T10:00:00Z,B,-1,20\nO2,,2025-01-01,A,2,7\n"
                    + "O3,C2,2025-01-03,A,1,9\n");
            OrderHistory history = new OrderHistory(store);
            List<String> read = new ArrayList<>();
            List<OrderHistory.CatalogEntry> catalog = history.forEachLineWithCatalog(collect(read)).entries();
            assertEquals(List.of("1/1/1735812000000/1/1", "1/1/1735812000000/2/-1", "2/-1/1735689600000/1/2",
                    "3/2/1735862400000/1/1"), read);
            assertEquals(List.of(1), store.read(ctx -> ctx.select(LINE_SNAPSHOTS.LINES_VERSION).from(LINE_SNAPSHOTS)
                    .fetch(LINE_SNAPSHOTS.LINES_VERSION)), "one copy, of the lines of the first import");

            store.read(ctx -> ctx.update(ORDER_LINES).set(ORDER_LINES.QUANTITY, 5).set(ORDER_LINES.UNIT_PRICE,
                    new BigDecimal("100")).where(ORDER_LINES.QUANTITY.eq(2)).execute());
            List<String> replayed = new ArrayList<>();
            OrderHistory.VersionedCatalog again = history.forEachLineWithCatalog(collect(replayed));
            assertEquals(read, replayed, "replayed from the copy");
            assertEquals(catalog, again.entries(), "with the medians the first read found");

            importCsv(store, "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO4,C1,2025-01-04,B,3,30\n");
            List<String> afterImport = new ArrayList<>();
            List<OrderHistory.CatalogEntry> newCatalog = history.forEachLineWithCatalog(collect(afterImport)).entries();
            assertEquals(List.of("1/1/1735812000000/1/1", "1/1/1735812000000/2/-1", "2/-1/1735689600000/1/5",
                    "3/2/1735862400000/1/1", "4/1/1735948800000/2/3"), afterImport,
                    "the tables as they are now, not the old copy");
            assertEquals(0, new BigDecimal("9").compareTo(price(newCatalog, "A")), "5, 9, 100: the changed line counts");
            assertEquals(0, new BigDecimal("30").compareTo(price(newCatalog, "B")));
            assertEquals(List.of(2), store.read(ctx -> ctx.select(LINE_SNAPSHOTS.LINES_VERSION).from(LINE_SNAPSHOTS)
                    .fetch(LINE_SNAPSHOTS.LINES_VERSION)), "the new copy replaced the old");
        }
    }

    /** Imports {@code csv} into {@code store} from a file of its own. */
    private void importCsv(Store store, String csv) throws Exception {
        Path file = Files.createTempFile(dir, "orders", ".csv");
        new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(file, csv)), ProgressMonitor.NONE);
    }

    private static OrderHistory.LineVisitor collect(List<String> into) {
        return (order, customer, time, product, quantity) ->
                into.add(order + "/" + customer + "/" + time + "/" + product + "/" + quantity);
    }

    private static BigDecimal price(List<OrderHistory.CatalogEntry> catalog, String sku) {
        return catalog.stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow().price();
    }
}

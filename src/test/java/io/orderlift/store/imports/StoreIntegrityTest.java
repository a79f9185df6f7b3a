package io.orderlift.store.imports;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.ImportUndo;
import io.orderlift.store.ImportWatermark;
import io.orderlift.store.Store;
import io.orderlift.store.StoreOverview;
import io.orderlift.store.StoreQueries;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the schema leaves to the importer (no foreign keys, no unique index on customer keys or on
 * source order ids) holds after imports by both write paths: chunked into an empty store, and one
 * transaction into a store with orders. And both stay all or nothing on failure and after a crash.
 */
class StoreIntegrityTest {

    @TempDir
    Path dir;

    @Test
    void idsKeysAndLineRangesAreConsistentAfterBothWritePaths() throws IOException {
        StringBuilder more = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int i = 0; i < 3_000; i++) {
            more.append("X").append(i).append(",C").append(String.format("%07d", 1 + i % 5_000)).append(",2026-05-0")
                    .append(1 + i % 9).append(",OUT-STAKES,,,").append(1 + i % 3).append(",8.99\n");
            if (i % 4 == 0) {
                more.append("X").append(i).append(",C").append(String.format("%07d", 1 + i % 5_000))
                        .append(",2026-05-01,NEW-SKU-").append(i % 11).append(",,,1,5\n");
            }
        }
        Path second = Files.writeString(dir.resolve("more.csv"), more);
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            ProgressMonitor none = ProgressMonitor.NONE;
            new OrderImporter().importFile(store, ImportRequest.of(Path.of("sample-stores/outdoor/orders.csv")), none);
            new OrderImporter().importFile(store, ImportRequest.of(second), none);
            assertConsistent(store);
            assertEquals(21_047 + 3_000, new StoreQueries(store).overview().orders());
        }
    }

    static void assertConsistent(Store store) {
        List<String> keys = store.read(ctx -> ctx.select(CUSTOMERS.CUSTOMER_KEY).from(CUSTOMERS).fetch(CUSTOMERS.CUSTOMER_KEY));
        assertEquals(keys.size(), new HashSet<>(keys).size(), "customer keys are unique");
        List<String> external = store.read(ctx -> ctx.select(ORDERS.EXTERNAL_ID).from(ORDERS).fetch(ORDERS.EXTERNAL_ID));
        assertEquals(external.size(), new HashSet<>(external).size(), "order ids are unique");
        Set<Integer> customers = new HashSet<>(store.read(ctx -> ctx.select(CUSTOMERS.ID).from(CUSTOMERS)
                .fetch(CUSTOMERS.ID)));
        Set<Integer> products = new HashSet<>(store.read(ctx -> ctx.select(PRODUCTS.ID).from(PRODUCTS).fetch(PRODUCTS.ID)));
        var orders = store.read(ctx -> ctx.selectFrom(ORDERS).orderBy(ORDERS.FIRST_LINE_ID).fetch());
        var lines = store.read(ctx -> ctx.selectFrom(ORDER_LINES).orderBy(ORDER_LINES.ID).fetch());
        int next = 0;
        for (var order : orders) {
            assertTrue(order.getCustomerId() == null || customers.contains(order.getCustomerId()));
            BigDecimal value = BigDecimal.ZERO;
            for (int k = 0; k < order.getLineCount(); k++, next++) {
                var line = lines.get(next);
                assertEquals(order.getFirstLineId() + k, line.getId(), "an order's lines are one id range");
                assertEquals(order.getId(), line.getOrderId());
                assertTrue(products.contains(line.getProductId()));
                value = value.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
            }
            assertEquals(0, value.compareTo(order.getOrderValue()), "order value of " + order.getExternalId());
        }
        assertEquals(lines.size(), next, "every line belongs to one order");
    }

    @Test
    void aFailedImportIntoANewStoreLeavesItEmpty() throws IOException {
        Path csv = bigFile();
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            ProgressMonitor diskFull = (message, done, total) -> {
                if (message.startsWith("Writing orders") && done > total / 2 + 5_000) {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
            };
            assertThrows(UncheckedIOException.class, () -> new OrderImporter().importFile(store,
                    ImportRequest.of(csv), diskFull));
            assertEmpty(store);
            assertFalse(store.setting(Store.IMPORT_IN_PROGRESS).isPresent());
            new OrderImporter().importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE);
            assertEquals(30_000, new StoreQueries(store).overview().orders(), "and a retry imports everything");
            assertConsistent(store);
        }
    }

    @Test
    void anImportACrashInterruptedIsUndoneWhenTheStoreOpensAgain() throws IOException {
        Path csv = bigFile();
        Path directory = dir.resolve("store");
        try (Store store = Store.openOrCreate(directory)) {
            new OrderImporter().importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE);
            store.putSetting(Store.IMPORT_IN_PROGRESS, "big.csv");
            store.putSetting("kept", "yes");
        }
        try (Store store = Store.open(directory)) {
            assertEmpty(store);
            assertFalse(store.setting(Store.IMPORT_IN_PROGRESS).isPresent());
            assertEquals("yes", store.setting("kept").orElseThrow(), "settings are not touched");
        }
    }

    /**
     * H2 rolls an uncommitted transaction back after a crash, but a kill once left three of its
     * orders behind (docs/reliability.md). Here every row of a second import stays while its mark
     * says it never committed: the next open removes them all, and the store is as before it.
     */
    @Test
    void rowsAnUncommittedImportIntoAStoreWithOrdersLeftAreRemovedWhenTheStoreOpensAgain() throws IOException {
        Path directory = dir.resolve("store");
        Path more = Files.writeString(dir.resolve("more.csv"), "order_id,customer_id,ordered_at,sku,title,category,"
                + "quantity,unit_price\nM1,NEW1,2025-03-01,S1,,,1,2\nM1,NEW1,2025-03-01,NEW-SKU,,,1,9\n"
                + "M2,C1,2025-03-02,S2,,,2,2\n");
        StoreOverview before;
        ImportWatermark mark;
        try (Store store = Store.openOrCreate(directory)) {
            new OrderImporter().importFile(store, ImportRequest.of(bigFile()), ProgressMonitor.NONE);
            before = new StoreQueries(store).overview();
            mark = store.read(ImportWatermark::of);
            new OrderImporter().importFile(store, ImportRequest.of(more), ProgressMonitor.NONE);
            assertFalse(store.setting(Store.IMPORT_ABOVE).isPresent(), "a finished import leaves no mark");
            assertEquals(before.orders() + 2, new StoreQueries(store).overview().orders());
            store.putSetting(Store.IMPORT_ABOVE, mark.encode());
        }
        try (Store store = Store.open(directory)) {
            var after = new StoreQueries(store).overview();
            assertEquals(List.of(before.orders(), before.lines(), before.products(), before.customers(),
                    before.imports().size()), List.of(after.orders(), after.lines(), after.products(),
                    after.customers(), after.imports().size()));
            assertFalse(store.setting(Store.IMPORT_ABOVE).isPresent());
            assertEquals(mark, store.read(ImportWatermark::of));
            assertConsistent(store);
            new OrderImporter().importFile(store, ImportRequest.of(more), ProgressMonitor.NONE);
            assertEquals(before.orders() + 2, new StoreQueries(store).overview().orders(), "and a retry imports it");
        }
    }

    /**
     * Should H2 also keep the deletes and updates of an import that never committed, the open puts back
     * what the import kept aside before its transaction: here a --replace import replaces an order and
     * renames a product, then its mark and its undo are put back as a kill would have left them. The
     * next open leaves orders, lines and products exactly as before it. With {@code otherOrders} more in
     * the store, the import looks its orders and products up by key instead of reading every row
     * ({@link io.orderlift.store.KeyedRows}), and keeps only the products it names.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 200})
    void ordersAndProductsAnUncommittedImportChangedArePutBackWhenTheStoreOpensAgain(int otherOrders)
            throws IOException {
        Path directory = dir.resolve("store");
        String header = "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n";
        StringBuilder others = new StringBuilder();
        for (int o = 0; o < otherOrders; o++) {
            others.append(String.format("X%d,C%d,2025-02-%02d,P%d,Towel %d,Bath,1,5%n", o, o % 50, 1 + o % 28, o % 40,
                    o % 40));
        }
        Path first = Files.writeString(dir.resolve("first.csv"), header + "R1,C1,2025-03-01,S1,Soap,Bath,1,2\n"
                + "R1,C1,2025-03-01,S2,Sponge,Bath,2,3\nR2,C2,2025-03-02,S2,Sponge,Bath,1,3\n"
                + "R3,C3,2025-03-03,S1,Soap,Bath,4,2\n" + others);
        Path second = Files.writeString(dir.resolve("second.csv"), header + "R1,C1,2025-03-01,S1,Soap bar,Bath,3,2\n"
                + "M1,C9,2025-03-04,S3,Towel,Bath,1,8\n");
        List<String> before;
        try (Store store = Store.openOrCreate(directory)) {
            new OrderImporter().importFile(store, ImportRequest.of(first), ProgressMonitor.NONE);
            before = contents(store);
            ImportWatermark mark = store.read(ImportWatermark::of);
            // what the import keeps aside before its transaction, saved to be put back after it committed
            store.write(configuration -> {
                DSLContext ctx = DSL.using(configuration);
                ImportUndo.capture(ctx, List.of("S1", "S3"), List.of(deleted(ctx, "R1")));
                assertEquals(otherOrders == 0 ? 2 : 1, ctx.fetchCount(DSL.table("IMPORT_UNDO_PRODUCTS")),
                        "the store's products read in one scan, or looked up: of the file's, S1 alone is in the store");
                for (String table : UNDO_TABLES) {
                    ctx.execute("CREATE TABLE SAVED_" + table + " AS SELECT * FROM " + table);
                }
                ImportUndo.clear(ctx);
                return null;
            });
            ImportReport report = new OrderImporter().importFile(store, ImportRequest.of(second).withReplace(true),
                    ProgressMonitor.NONE);
            assertEquals(List.of(1, 1), List.of(report.orders(), report.ordersReplaced()),
                    "one order added, one replaced");
            assertFalse(store.setting(Store.IMPORT_ABOVE).isPresent(), "a finished import leaves no mark");
            for (String table : UNDO_TABLES) {
                assertEquals(0, (int) store.read(ctx -> ctx.fetchCount(DSL.table(table))), "and no undo: " + table);
            }
            assertTrue(contents(store).toString().contains("Soap bar"));
            store.write(configuration -> {
                DSLContext ctx = DSL.using(configuration);
                for (String table : UNDO_TABLES) {
                    ctx.execute("INSERT INTO " + table + " SELECT * FROM SAVED_" + table);
                    ctx.execute("DROP TABLE SAVED_" + table);
                }
                return null;
            });
            store.putSetting(Store.IMPORT_ABOVE, mark.encode());
        }
        try (Store store = Store.open(directory)) {
            assertEquals(before, contents(store));
            assertEquals(List.of("An import was interrupted; the 2 orders it had left were removed, the 1 order it"
                    + " had deleted was put back and the 1 product it had changed was restored, and the store is as"
                    + " it was before it. Import the file again."),
                    store.recoveredOnOpen());
            assertFalse(store.setting(Store.IMPORT_ABOVE).isPresent());
            for (String table : UNDO_TABLES) {
                assertEquals(0, (int) store.read(ctx -> ctx.fetchCount(DSL.table(table))), "emptied: " + table);
            }
            assertConsistent(store);
        }
    }

    private static final List<String> UNDO_TABLES = List.of("IMPORT_UNDO_ORDERS", "IMPORT_UNDO_ORDER_LINES",
            "IMPORT_UNDO_PRODUCTS");

    /** Every order, line and product row, in id order. */
    private static List<String> contents(Store store) {
        return store.read(ctx -> {
            List<String> rows = new java.util.ArrayList<>();
            for (var table : List.of(ORDERS, ORDER_LINES, PRODUCTS)) {
                ctx.selectFrom(table).orderBy(table.field("ID")).fetch()
                        .forEach(r -> rows.add(r.intoList().toString()));
            }
            return rows;
        });
    }

    private static ImportUndo.Deleted deleted(DSLContext ctx, String externalId) {
        var order = ctx.selectFrom(ORDERS).where(ORDERS.EXTERNAL_ID.eq(externalId)).fetchSingle();
        return new ImportUndo.Deleted(order.getId(), order.getFirstLineId(), order.getLineCount());
    }

    @Test
    void aFailedImportIntoAStoreWithOrdersLeavesItAsBeforeAndNoMark() throws IOException {
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            new OrderImporter().importFile(store, ImportRequest.of(Path.of("sample-stores/outdoor/orders.csv")),
                    ProgressMonitor.NONE);
            ImportWatermark before = store.read(ImportWatermark::of);
            int[] keptAside = {-1};
            ProgressMonitor diskFull = (message, done, total) -> {
                if (message.startsWith("Writing orders") && keptAside[0] < 0) {
                    keptAside[0] = committedCount(store, "IMPORT_UNDO_PRODUCTS");
                }
                if (message.startsWith("Writing orders") && done > total / 2 + 5_000) {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
            };
            Path file = Files.writeString(bigFile(), "M1,C1,2025-02-02,OUT-BTS-003,,,1,2\n"
                    + "M2,C2,2025-02-02,OUT-JKT-009,,,1,2\n", java.nio.file.StandardOpenOption.APPEND);
            assertThrows(UncheckedIOException.class, () -> new OrderImporter().importFile(store,
                    ImportRequest.of(file), diskFull));
            assertEquals(before, store.read(ImportWatermark::of));
            assertFalse(store.setting(Store.IMPORT_ABOVE).isPresent(), "no mark left");
            assertEquals(2, keptAside[0], "the store's products the file names were kept aside, committed, before"
                    + " the import's transaction wrote");
            assertEquals(0, committedCount(store, "IMPORT_UNDO_PRODUCTS"), "and emptied after it failed");
        }
    }

    /** The rows of {@code table} that are committed, read on a connection of its own. */
    private static int committedCount(Store store, String table) {
        try (var connection = store.connection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path bigFile() throws IOException {
        StringBuilder big = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int i = 0; i < 30_000; i++) {
            big.append("N").append(i).append(",C").append(i % 700).append(",2025-02-01,S").append(i % 7)
                    .append(",,,1,2\n");
        }
        return Files.writeString(dir.resolve("big.csv"), big);
    }

    /** No order history and no import mark left behind. */
    static void assertEmpty(Store store) {
        var o = new StoreQueries(store).overview();
        assertEquals(0, o.orders());
        assertEquals(0, o.lines());
        assertEquals(0, o.products());
        assertEquals(0, o.customers());
        assertEquals(0, o.imports().size());
        assertFalse(store.setting(Store.IMPORT_IN_PROGRESS).isPresent(), "no import mark left");
    }
}

package io.orderlift.store.imports;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-while-reading import into an empty store ({@link StreamingImport}) leaves exactly what
 * the two-pass write leaves, on random files with and without the lines of an order together, with
 * skipped rows, and stays all or nothing when the file is rejected or the import cancelled after
 * writing began, or when the writer thread fails.
 */
class StreamingImportTest {

    private static final String HEADER = "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n";

    @TempDir
    Path dir;

    @Test
    void writesWhatTheTwoPassWriteWritesOnRandomFiles() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 12; round++) {
            int orders = round < 4 ? 1 + random.nextInt(20) : 2_000 + random.nextInt(9_000);
            boolean grouped = round % 3 != 2;
            boolean withBadRows = round % 4 == 3;
            Path file = randomFile(random, orders, grouped, withBadRows, "round" + round + ".csv");
            ImportRequest request = ImportRequest.of(file).withSkipBadRows(withBadRows);
            String streamed = importAndDump(new OrderImporter(), request, "streamed" + round);
            String twoPass = importAndDump(new OrderImporter(false), request, "twopass" + round);
            assertEquals(twoPass, streamed, "round " + round + " (grouped " + grouped + ")");
        }
    }

    @Test
    void aRejectedFileLeavesTheNewStoreEmptyAfterWritingBegan() throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 40_000; i++) {
            text.append("N").append(i).append(",C").append(i % 900).append(",2025-02-01,S").append(i % 9)
                    .append(",,,1,2\n");
        }
        text.append("BAD,C1,2025-02-01,S1,,,one,2\n");
        Path file = Files.writeString(dir.resolve("bad.csv"), text);
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            ImportRejectedException rejected = assertThrows(ImportRejectedException.class,
                    () -> new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE));
            assertTrue(rejected.getMessage().contains("40002"), rejected.getMessage());
            StoreIntegrityTest.assertEmpty(store);
        }
    }

    @Test
    void cancellingWhileReadingLeavesTheNewStoreEmpty() throws IOException {
        Path file = randomFile(new Random(3), 30_000, true, false, "big.csv");
        ProgressMonitor cancelHalfWay = new ProgressMonitor() {
            private long done;
            private long total = Long.MAX_VALUE;

            @Override
            public void progress(String message, long done, long total) {
                this.done = done;
                this.total = total;
            }

            @Override
            public void checkCancelled() {
                if (done > total / 4) {
                    throw new CancellationException();
                }
            }
        };
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            assertThrows(CancellationException.class,
                    () -> new OrderImporter().importFile(store, ImportRequest.of(file), cancelHalfWay));
            StoreIntegrityTest.assertEmpty(store);
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            assertEquals(30_000, new StoreQueries(store).overview().orders(), "and a retry imports everything");
            StoreIntegrityTest.assertConsistent(store);
        }
    }

    /** The workbench's Cancel interrupts the importing thread (a JavaFX task's cancel does). */
    @Test
    void cancellingByInterruptLeavesTheNewStoreEmptyAndUsable() throws Exception {
        Path file = randomFile(new Random(11), 60_000, true, false, "big.csv");
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            AtomicBoolean cancelled = new AtomicBoolean();
            AtomicLong progress = new AtomicLong();
            ProgressMonitor task = new ProgressMonitor() {
                @Override
                public void progress(String message, long done, long total) {
                    progress.set(done * 100 / total);
                }

                @Override
                public void checkCancelled() {
                    if (cancelled.get()) {
                        throw new CancellationException();
                    }
                }
            };
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread importing = new Thread(() -> {
                try {
                    new OrderImporter().importFile(store, ImportRequest.of(file), task);
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            importing.start();
            while (progress.get() < 30 && importing.isAlive()) {
                Thread.sleep(5);
            }
            cancelled.set(true);
            importing.interrupt();
            importing.join();
            assertTrue(outcome.get() instanceof CancellationException, String.valueOf(outcome.get()));
            StoreIntegrityTest.assertEmpty(store);
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            assertEquals(60_000, new StoreQueries(store).overview().orders(), "the store still works");
        }
    }

    @Test
    void aWriteFailureOnTheWriterThreadLeavesTheNewStoreEmpty() throws IOException {
        Path file = randomFile(new Random(5), 30_000, true, false, "big.csv");
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            store.read(ctx -> ctx.execute("CREATE TRIGGER disk_full BEFORE INSERT ON order_lines FOR EACH ROW CALL \""
                    + DiskFullAfterManyLines.class.getName() + "\""));
            DiskFullAfterManyLines.inserted.set(0);
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE));
            assertTrue(String.valueOf(failure.getMessage()).startsWith("The disk holding the store"), failure.toString());
            assertEquals(1, failure.getMessage().lines().count(), "one line");
            assertTrue(DiskFullAfterManyLines.inserted.get() > 20_000, "the writer had written lines before failing");
            StoreIntegrityTest.assertEmpty(store);
            store.read(ctx -> ctx.execute("DROP TRIGGER disk_full"));
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            assertEquals(30_000, new StoreQueries(store).overview().orders(), "and a retry imports everything");
        }
    }

    /** An H2 trigger that fails like a full disk once 20,000 order lines were inserted. */
    public static final class DiskFullAfterManyLines implements Trigger {
        static final AtomicInteger inserted = new AtomicInteger();

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (inserted.incrementAndGet() > 20_000) {
                throw new SQLException("No space left on device");
            }
        }
    }

    private String importAndDump(OrderImporter importer, ImportRequest request, String name) throws IOException {
        try (Store store = Store.openOrCreate(dir.resolve(name))) {
            ImportReport report = importer.importFile(store, request, ProgressMonitor.NONE);
            StoreIntegrityTest.assertConsistent(store);
            assertFalse(store.setting(Store.IMPORT_IN_PROGRESS).isPresent());
            // customer keys differ between stores (each has its own salt): compare ids only
            return report.orders() + " " + report.lines() + " " + report.products() + " " + report.customers() + " "
                    + report.skippedRows() + "\n" + store.read(ctx -> ctx.selectFrom(ORDERS).orderBy(ORDERS.ID).fetch()
                    .format(100_000) + ctx.selectFrom(ORDER_LINES).orderBy(ORDER_LINES.ID).fetch().format(100_000)
                    + ctx.selectFrom(PRODUCTS).orderBy(PRODUCTS.ID).fetch().format(100_000)
                    + ctx.select(CUSTOMERS.ID).from(CUSTOMERS).orderBy(CUSTOMERS.ID).fetch().format(100_000)
                    + ctx.select(IMPORT_BATCHES.ID, IMPORT_BATCHES.ROWS_READ, IMPORT_BATCHES.ORDERS_ADDED,
                            IMPORT_BATCHES.LINES_ADDED, IMPORT_BATCHES.PRODUCTS_ADDED, IMPORT_BATCHES.CUSTOMERS_ADDED,
                            IMPORT_BATCHES.ROWS_SKIPPED, IMPORT_BATCHES.SKIPPED_ROWS).from(IMPORT_BATCHES).fetch()
                    .format(100_000));
        }
    }

    /**
     * Orders of 1–4 lines, some customers with emails in two spellings, some guests, products whose
     * title appears only on a later line; the lines of an order together or shuffled.
     */
    private Path randomFile(Random random, int orders, boolean grouped, boolean withBadRows, String name)
            throws IOException {
        List<String> rows = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            int customer = random.nextInt(Math.max(1, orders / 3));
            String customerId = random.nextInt(10) == 0 ? ""
                    : customer % 5 == 0 ? (random.nextBoolean() ? "Buyer" : "buyer") + customer + "@Example.com"
                    : "C" + customer;
            String time = String.format("2025-%02d-%02dT%02d:%02d:00Z", 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60));
            int lines = 1 + random.nextInt(4);
            for (int l = 0; l < lines; l++) {
                int sku = random.nextInt(60);
                String title = random.nextInt(3) == 0 ? "" : "Product " + sku;
                int quantity = random.nextInt(12) == 0 ? -1 : 1 + random.nextInt(3);
                String price = withBadRows && random.nextInt(50) == 0 ? "n/a"
                        : (5 + random.nextInt(200)) + "." + random.nextInt(10) + "0";
                rows.add("O" + o + "," + (l == 0 || random.nextBoolean() ? customerId : "") + "," + time
                        + ",SKU-" + sku + "," + title + ",Cat" + sku % 7 + "," + quantity + "," + price + "\n");
            }
        }
        if (!grouped) {
            Collections.shuffle(rows, random);
        }
        return Files.writeString(dir.resolve(name), HEADER + String.join("", rows));
    }
}

package io.orderlift.store.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.orderlift.common.PlainJson;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.ImportUndo;
import io.orderlift.store.ImportWatermark;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;
import io.orderlift.store.StoreIds;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/**
 * Writes checked {@link ParsedOrders} into a store (docs/import.md): the {@link ImportPlan} (what
 * happens to each order), new and updated products ({@link ProductUpdates}), new customers
 * ({@link CustomerNumbering}), replaced orders removed, the batch record, then orders and lines
 * ({@link OrderRows}) in JDBC batches, in one of two {@link WriteMode}s.
 */
final class StoreWriter {

    /** How the rows reach the store; chosen by {@link #write()} from whether the store is empty. */
    enum WriteMode {
        /** Into a store that already has orders: one transaction, anything thrown rolls it all back. */
        ONE_TRANSACTION,
        /**
         * Into an empty store (when it could not be written while reading, {@link StreamingImport}):
         * committed chunks of {@value OrderRows#BATCH} rows, kept all or nothing by the import mark
         * ({@link #writeInChunks()}).
         */
        COMMITTED_CHUNKS
    }


    private final Store store;
    private final ImportRequest request;
    private final String checksum;
    private final ParsedOrders parsed;
    private final ProgressMonitor monitor;
    private WriteMode mode = WriteMode.ONE_TRANSACTION;
    /** Into a store with orders: the plan its mark's transaction made. */
    private ImportPlan planned;

    StoreWriter(Store store, ImportRequest request, String checksum, ParsedOrders parsed, ProgressMonitor monitor) {
        this.store = store;
        this.request = request;
        this.checksum = checksum;
        this.parsed = parsed;
        this.monitor = monitor;
    }

    ImportReport write() {
        try {
            return store.exclusively(() -> isEmpty(store) ? writeInChunks() : writeInOneTransaction());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("The import could not be written: " + e.getMessage(), e);
        }
    }

    /** True when the store holds no order history yet (a new store), so the chunked paths apply. */
    static boolean isEmpty(Store store) {
        return store.read(ctx -> !ctx.fetchExists(ORDERS) && !ctx.fetchExists(PRODUCTS)
                && !ctx.fetchExists(CUSTOMERS) && !ctx.fetchExists(IMPORT_BATCHES));
    }

    /**
     * Writes into an empty store in chunks of {@value OrderRows#BATCH} rows, each committed: H2 then never
     * holds the whole import in one transaction's undo log (small transactions commit faster per row,
     * docs/benchmarks.md). It stays all or nothing through a mark: {@link
     * Store#IMPORT_IN_PROGRESS} is committed first and removed in the last commit; a failure or
     * cancel empties the store again here, and a crash leaves the mark, so the next open does.
     */
    private ImportReport writeInChunks() throws Exception {
        store.putSetting(Store.IMPORT_IN_PROGRESS, request.fileName());
        try (Connection main = store.connection()) {
            main.setAutoCommit(false);
            mode = WriteMode.COMMITTED_CHUNKS;
            DSLContext ctx = DSL.using(main, SQLDialect.H2);
            ImportReport report = write(ctx, main, plan(ctx));
            Store.removeSetting(ctx, Store.IMPORT_IN_PROGRESS);
            main.commit();
            return report;
        } catch (Exception | Error e) {
            try {
                store.discardInterruptedImport();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Completes an import into an empty store whose orders, lines and customers a {@link
     * StreamingWriter} wrote: the products, the batch record, the mark removed, all in the last
     * commit on {@code connection}.
     */
    ImportReport finishStreamed(Connection connection, int newCustomers) throws SQLException {
        DSLContext ctx = DSL.using(connection, SQLDialect.H2);
        mode = WriteMode.COMMITTED_CHUNKS;
        int newProducts = ProductUpdates.write(ctx, connection, parsed, new int[parsed.skus.size()],
                statement -> flush(statement, connection));
        int orders = parsed.orderCount();
        int lines = parsed.lineCount();
        insertBatch(ctx, StreamingWriter.BATCH_ID, orders, 0, 0, lines, newProducts, newCustomers);
        Store.removeSetting(ctx, Store.IMPORT_IN_PROGRESS);
        connection.commit();
        return report(false, orders, 0, 0, 0, lines, newProducts, newCustomers, StreamingWriter.BATCH_ID);
    }

    /**
     * Writes into a store with orders in one transaction. The store's {@link ImportWatermark} is
     * committed first as {@link Store#IMPORT_ABOVE}, with what the import deletes or may update kept
     * by {@link ImportUndo}, and both are removed in that transaction (after a failure, in one write of
     * their own): should a crash leave some of its writes behind (docs/reliability.md), the next open
     * deletes what it added and puts back what it changed.
     */
    private ImportReport writeInOneTransaction() {
        return store.writeBehindMark(Store.IMPORT_ABOVE, this::planAndKeepUndo, configuration -> {
            DSLContext ctx = DSL.using(configuration);
            return ctx.connectionResult(connection -> write(ctx, connection, planned));
        }, ImportUndo::clear);
    }

    /**
     * The mark's transaction: plans the import, keeps what it deletes or may update ({@link ImportUndo})
     * and returns the watermark's text.
     */
    private String planAndKeepUndo(DSLContext ctx) {
        planned = plan(ctx);
        if (!planned.changesNothing()) {
            ImportUndo.capture(ctx, parsed.skus, planned.deleting().stream()
                    .map(o -> new ImportUndo.Deleted(o.id(), o.firstLineId(), o.lineCount())).toList());
        }
        return ImportWatermark.of(ctx).encode();
    }

    /** Compares the file with the store's orders, saying so first: on a large store it takes a while. */
    private ImportPlan plan(DSLContext ctx) {
        long total = parsed.lineCount();
        monitor.progress("Comparing with the store", total, total * 2);
        return ImportPlan.of(ctx, parsed, request);
    }

    /** Runs the batch and, when writing in committed chunks, commits it. */
    private void flush(PreparedStatement statement, Connection connection) throws SQLException {
        statement.executeBatch();
        if (mode == WriteMode.COMMITTED_CHUNKS) {
            connection.commit();
        }
    }

    private ImportReport write(DSLContext ctx, Connection connection, ImportPlan plan) throws SQLException {
        long total = parsed.lineCount();
        if (plan.changesNothing()) {
            return report(true, 0, 0, plan.unchanged(), 0, 0, 0, 0, 0);
        }
        monitor.progress("Writing products and customers", total, total * 2);
        int batchId = nextId(ctx, IMPORT_BATCHES.ID);
        int[] productIds = new int[parsed.skus.size()];
        int newProducts = ProductUpdates.write(ctx, connection, parsed, productIds,
                statement -> flush(statement, connection));
        int[] customerIds = new int[plan.orders()];
        CustomerNumbering.NewCustomers customers = CustomerNumbering.assign(ctx, parsed, plan, customerIds);
        insertCustomers(connection, customers);
        int newCustomers = customers.keys().size();
        List<ImportPlan.ExistingOrder> deleting = plan.deleting();
        if (!deleting.isEmpty()) {
            delete(ctx, connection, deleting);
        }
        int lines = countLines(plan);
        insertBatch(ctx, batchId, plan.added(), plan.replaced(), plan.unchanged(), lines, newProducts, newCustomers);
        insertOrders(ctx, connection, plan, batchId, customerIds, productIds);
        monitor.progress("Committing", total * 2, total * 2);
        return report(false, plan.added(), plan.replaced(), plan.unchanged(), plan.removing().size(), lines,
                newProducts, newCustomers, batchId);
    }

    private ImportReport report(boolean nothingWritten, int added, int replaced, int unchanged, int removed,
                                int lines, int products, int customers, int batchId) {
        return new ImportReport(request.fileName(), request.format().cliName(), nothingWritten, parsed.rowsRead,
                added, replaced, unchanged, lines, products, customers, parsed.problems, batchId,
                parsed.encoding, parsed.ordersLeftOut.size(), removed, parsed.linesKeyedByTitle,
                parsed.ordersByCurrency);
    }

    static int nextId(DSLContext ctx, TableField<?, Integer> id) {
        return StoreIds.highest(ctx, id) + 1;
    }

    private void insertCustomers(Connection connection, CustomerNumbering.NewCustomers customers) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(OrderRows.CUSTOMER_INSERT)) {
            for (int i = 0; i < customers.keys().size(); i++) {
                new OrderRows.StoredCustomer(customers.firstId() + i, customers.keys().get(i)).bind(insert);
                insert.addBatch();
                if (i % OrderRows.BATCH == OrderRows.BATCH - 1) {
                    flush(insert, connection);
                    monitor.checkCancelled();
                }
            }
            flush(insert, connection);
        }
    }

    /** Deletes stored orders and their lines (replaced, or withdrawn by the file). */
    private void delete(DSLContext ctx, Connection connection, List<ImportPlan.ExistingOrder> orders)
            throws SQLException {
        try (PreparedStatement lines = connection.prepareStatement(ctx.deleteFrom(ORDER_LINES)
                .where(ORDER_LINES.ID.between((Long) null, (Long) null)).getSQL());
             PreparedStatement order = connection.prepareStatement(
                     ctx.deleteFrom(ORDERS).where(ORDERS.ID.eq((Integer) null)).getSQL())) {
            for (ImportPlan.ExistingOrder gone : orders) {
                lines.setLong(1, gone.firstLineId());
                lines.setLong(2, gone.firstLineId() + gone.lineCount() - 1);
                lines.addBatch();
                order.setInt(1, gone.id());
                order.addBatch();
            }
            lines.executeBatch();
            order.executeBatch();
        }
    }

    private int countLines(ImportPlan plan) {
        int lines = 0;
        for (int i = 0; i < parsed.lineCount(); i++) {
            if (plan.writes(parsed.lineOrder.getInt(i))) {
                lines++;
            }
        }
        return lines;
    }

    private void insertBatch(DSLContext ctx, int batchId, int added, int replaced, int unchanged, int lines,
                             int products, int customers) {
        String skipped;
        try {
            skipped = parsed.problems.isEmpty() ? null : PlainJson.mapper().writeValueAsString(parsed.problems);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot record the skipped rows: " + e.getMessage(), e);
        }
        ctx.insertInto(IMPORT_BATCHES)
                .set(IMPORT_BATCHES.ID, batchId)
                .set(IMPORT_BATCHES.FILE_NAME, request.fileName())
                .set(IMPORT_BATCHES.CHECKSUM, checksum)
                .set(IMPORT_BATCHES.FORMAT, request.format().cliName())
                .set(IMPORT_BATCHES.IMPORTED_AT, OffsetDateTime.now())
                .set(IMPORT_BATCHES.ROWS_READ, (int) parsed.rowsRead)
                .set(IMPORT_BATCHES.ORDERS_ADDED, added)
                .set(IMPORT_BATCHES.ORDERS_REPLACED, replaced)
                .set(IMPORT_BATCHES.ORDERS_UNCHANGED, unchanged)
                .set(IMPORT_BATCHES.LINES_ADDED, lines)
                .set(IMPORT_BATCHES.PRODUCTS_ADDED, products)
                .set(IMPORT_BATCHES.CUSTOMERS_ADDED, customers)
                .set(IMPORT_BATCHES.ROWS_SKIPPED, parsed.problems.size())
                .set(IMPORT_BATCHES.SKIPPED_ROWS, skipped)
                .set(IMPORT_BATCHES.ENCODING, parsed.encoding)
                .execute();
    }

    /**
     * Inserts the added and replacing orders and their lines: orders from the next free id in file
     * order, their lines consecutively.
     */
    private void insertOrders(DSLContext ctx, Connection connection, ImportPlan plan, int batchId,
                              int[] customerIds, int[] productIds) throws SQLException {
        ParsedOrders.LinesByOrder grouped = parsed.linesByOrder();
        int nextOrder = nextId(ctx, ORDERS.ID);
        long nextLine = StoreIds.highestLong(ctx, ORDER_LINES.ID) + 1;
        int[] orderId = new int[plan.orders()];
        long[] firstLineId = new long[plan.orders()];
        for (int o = 0; o < plan.orders(); o++) {
            if (plan.writes(o)) {
                orderId[o] = nextOrder++;
                firstLineId[o] = nextLine;
                nextLine += grouped.count(o);
            }
        }
        insertOrderRows(connection, grouped, plan, orderId, firstLineId, batchId, customerIds);
        insertLineRows(connection, grouped, plan, orderId, firstLineId, productIds);
    }

    private void insertOrderRows(Connection connection, ParsedOrders.LinesByOrder grouped, ImportPlan plan, int[] orderId,
                                 long[] firstLineId, int batchId, int[] customerIds) throws SQLException {
        int[] start = grouped.start();
        int[] lines = grouped.lines();
        try (PreparedStatement insert = connection.prepareStatement(OrderRows.ORDER_INSERT)) {
            int pending = 0;
            for (int o = 0; o < plan.orders(); o++) {
                if (!plan.writes(o)) {
                    continue;
                }
                new OrderRows.StoredOrder(orderId[o], parsed.orderIds.get(o), customerIds[o],
                        parsed.orderedAt.getLong(o), parsed.itemCount(lines, start[o], start[o + 1]),
                        parsed.orderValue(lines, start[o], start[o + 1]), firstLineId[o], start[o + 1] - start[o],
                        parsed.contentHash(o), batchId).bind(insert);
                insert.addBatch();
                if (++pending == OrderRows.BATCH) {
                    flush(insert, connection);
                    pending = 0;
                    monitor.checkCancelled();
                }
            }
            flush(insert, connection);
        }
    }

    private void insertLineRows(Connection connection, ParsedOrders.LinesByOrder grouped, ImportPlan plan, int[] orderId,
                                long[] firstLineId, int[] productIds) throws SQLException {
        int[] start = grouped.start();
        int[] lines = grouped.lines();
        long total = parsed.lineCount();
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement(OrderRows.LINE_INSERT)) {
            int pending = 0;
            for (int o = 0; o < plan.orders(); o++) {
                if (!plan.writes(o)) {
                    continue;
                }
                long id = firstLineId[o];
                for (int k = start[o]; k < start[o + 1]; k++) {
                    int line = lines[k];
                    new OrderRows.StoredLine(id++, orderId[o], productIds[parsed.lineProduct.getInt(line)],
                            parsed.lineQuantity.getInt(line), parsed.linePrice.getLong(line)).bind(insert);
                    insert.addBatch();
                    written++;
                    if (++pending == OrderRows.BATCH) {
                        flush(insert, connection);
                        pending = 0;
                        monitor.checkCancelled();
                        monitor.progress("Writing orders", total + written, total * 2);
                    }
                }
            }
            flush(insert, connection);
            monitor.progress("Writing orders", total * 2, total * 2);
        }
    }


}

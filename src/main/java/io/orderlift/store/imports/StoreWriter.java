package io.orderlift.store.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;
import static io.orderlift.store.db.Tables.STORE_SETTINGS;

/**
 * Writes checked {@link ParsedOrders} into a store: the batch record, new and updated products,
 * new customers, replaced orders removed, then orders and lines in JDBC batches. Into a store that
 * already has orders, in one transaction: anything thrown rolls the whole import back. Into an
 * empty store (when it could not be written while reading, {@link StreamingImport}), in committed
 * chunks kept all or nothing by a mark (see {@link #writeInChunks()}).
 */
final class StoreWriter {

    /** Rows per JDBC batch, and per commit when writing in chunks. */
    static final int BATCH = 2_500;
    private static final DSLContext H2 = DSL.using(SQLDialect.H2);
    static final String ORDER_INSERT = insertSql(H2, ORDERS, ORDERS.ID, ORDERS.EXTERNAL_ID, ORDERS.CUSTOMER_ID,
            ORDERS.ORDERED_AT, ORDERS.ITEM_COUNT, ORDERS.ORDER_VALUE, ORDERS.FIRST_LINE_ID, ORDERS.LINE_COUNT,
            ORDERS.CONTENT_HASH, ORDERS.BATCH_ID);
    static final String LINE_INSERT = insertSql(H2, ORDER_LINES, ORDER_LINES.ID, ORDER_LINES.ORDER_ID,
            ORDER_LINES.PRODUCT_ID, ORDER_LINES.QUANTITY, ORDER_LINES.UNIT_PRICE);
    static final String CUSTOMER_INSERT = insertSql(H2, CUSTOMERS, CUSTOMERS.ID, CUSTOMERS.CUSTOMER_KEY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final ImportRequest request;
    private final String checksum;
    private final ParsedOrders parsed;
    private final ProgressMonitor monitor;
    private boolean chunked;

    StoreWriter(Store store, ImportRequest request, String checksum, ParsedOrders parsed, ProgressMonitor monitor) {
        this.store = store;
        this.request = request;
        this.checksum = checksum;
        this.parsed = parsed;
        this.monitor = monitor;
    }

    ImportReport write() {
        try {
            return store.exclusively(() -> isEmpty(store) ? writeInChunks() : store.write(configuration -> {
                DSLContext ctx = DSL.using(configuration);
                return ctx.connectionResult(connection -> write(ctx, connection));
            }));
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
     * Writes into an empty store in chunks of {@value #BATCH} rows, each committed: H2 then never
     * holds the whole import in one transaction's undo log (small transactions commit faster per row,
     * docs/benchmarks.md). It stays all or nothing through a mark: {@link
     * Store#IMPORT_IN_PROGRESS} is committed first and removed in the last commit; a failure or
     * cancel empties the store again here, and a crash leaves the mark, so the next open does.
     */
    private ImportReport writeInChunks() throws Exception {
        store.putSetting(Store.IMPORT_IN_PROGRESS, request.fileName());
        try (Connection main = store.connection()) {
            main.setAutoCommit(false);
            chunked = true;
            DSLContext ctx = DSL.using(main, SQLDialect.H2);
            ImportReport report = write(ctx, main);
            ctx.deleteFrom(STORE_SETTINGS).where(STORE_SETTINGS.SETTING_KEY.eq(Store.IMPORT_IN_PROGRESS)).execute();
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
        chunked = true;
        int newProducts = upsertProducts(ctx, connection, new int[parsed.skus.size()]);
        int orders = parsed.orderCount();
        int lines = parsed.lineCount();
        insertBatch(ctx, StreamingWriter.BATCH_ID, orders, 0, 0, lines, newProducts, newCustomers);
        ctx.deleteFrom(STORE_SETTINGS).where(STORE_SETTINGS.SETTING_KEY.eq(Store.IMPORT_IN_PROGRESS)).execute();
        connection.commit();
        return report(false, orders, 0, 0, lines, newProducts, newCustomers, StreamingWriter.BATCH_ID);
    }

    /** Runs the batch and, when writing in chunks, commits it. */
    private void flush(PreparedStatement statement, Connection connection) throws SQLException {
        statement.executeBatch();
        if (chunked) {
            connection.commit();
        }
    }

    private ImportReport write(DSLContext ctx, Connection connection) throws SQLException {
        int orders = parsed.orderCount();
        long total = parsed.lineCount();
        monitor.progress("Comparing with the store", total, total * 2);
        Map<String, long[]> existing = existingOrders(ctx);
        byte[] action = new byte[orders];
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        List<RowProblem> conflicts = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            long[] known = existing.get(parsed.orderIds.get(o));
            if (known == null) {
                action[o] = ADD;
                added++;
            } else if (known[1] == parsed.contentHash(o)) {
                action[o] = KEEP;
                unchanged++;
            } else if (request.replace()) {
                action[o] = REPLACE;
                replaced++;
            } else {
                conflicts.add(new RowProblem(parsed.firstLine.getLong(o), OrderField.ORDER_ID.key(),
                        parsed.orderIds.get(o), "this order is already in the store with different lines,"
                        + " customer or time (import with --replace to overwrite it)"));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ImportRejectedException(request.fileName(), conflicts, conflicts.size());
        }
        if (added == 0 && replaced == 0) {
            return report(true, 0, 0, unchanged, 0, 0, 0, 0);
        }
        monitor.progress("Writing products and customers", total, total * 2);
        int batchId = nextId(ctx, IMPORT_BATCHES, IMPORT_BATCHES.ID);
        int[] productIds = new int[parsed.skus.size()];
        int newProducts = upsertProducts(ctx, connection, productIds);
        int[] customerIds = new int[orders];
        NewCustomers customers = assignCustomers(ctx, customerIds, action);
        insertCustomers(connection, customers);
        int newCustomers = customers.keys().size();
        if (replaced > 0) {
            deleteReplaced(ctx, connection, existing, action);
        }
        int lines = countLines(action);
        insertBatch(ctx, batchId, added, replaced, unchanged, lines, newProducts, newCustomers);
        insertOrders(ctx, connection, action, batchId, customerIds, productIds);
        monitor.progress("Committing", total * 2, total * 2);
        return report(false, added, replaced, unchanged, lines, newProducts, newCustomers, batchId);
    }

    private static final byte ADD = 1;
    private static final byte KEEP = 2;
    private static final byte REPLACE = 3;

    private ImportReport report(boolean nothingWritten, int added, int replaced, int unchanged, int lines,
                                int products, int customers, int batchId) {
        return new ImportReport(request.fileName(), request.format().cliName(), nothingWritten, parsed.rowsRead,
                added, replaced, unchanged, lines, products, customers, parsed.problems, batchId);
    }

    private static Map<String, long[]> existingOrders(DSLContext ctx) {
        Map<String, long[]> known = new HashMap<>();
        try (var cursor = ctx.select(ORDERS.EXTERNAL_ID, ORDERS.ID, ORDERS.CONTENT_HASH, ORDERS.FIRST_LINE_ID,
                ORDERS.LINE_COUNT).from(ORDERS).fetchLazy()) {
            for (var r : cursor) {
                known.put(r.value1(), new long[] {r.value2(), r.value3(), r.value4(), r.value5()});
            }
        }
        return known;
    }

    private static int nextId(DSLContext ctx, Table<?> table, Field<Integer> id) {
        Integer max = ctx.select(DSL.max(id)).from(table).fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    private static String insertSql(DSLContext ctx, Table<?> table, Field<?>... fields) {
        return ctx.insertInto(table, fields).values(Collections.nCopies(fields.length, null)).getSQL();
    }

    private int upsertProducts(DSLContext ctx, Connection connection, int[] productIds) throws SQLException {
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        Map<String, Record> rows = new HashMap<>();
        for (Record r : ctx.select(PRODUCTS.ID, PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY,
                PRODUCTS.LIST_PRICE, PRODUCTS.COST).from(PRODUCTS).fetch()) {
            ids.put(r.get(PRODUCTS.SKU), r.get(PRODUCTS.ID).intValue());
            rows.put(r.get(PRODUCTS.SKU), r);
        }
        int next = nextId(ctx, PRODUCTS, PRODUCTS.ID);
        int created = 0;
        String insert = insertSql(ctx, PRODUCTS, PRODUCTS.ID, PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY,
                PRODUCTS.LIST_PRICE, PRODUCTS.COST);
        String update = ctx.update(PRODUCTS).set(PRODUCTS.TITLE, (String) null).set(PRODUCTS.CATEGORY, (String) null)
                .set(PRODUCTS.LIST_PRICE, (BigDecimal) null).set(PRODUCTS.COST, (BigDecimal) null)
                .where(PRODUCTS.ID.eq((Integer) null)).getSQL();
        try (PreparedStatement ins = connection.prepareStatement(insert);
             PreparedStatement upd = connection.prepareStatement(update)) {
            for (int p = 0; p < parsed.skus.size(); p++) {
                String sku = parsed.skus.get(p);
                String title = emptyToNull(parsed.titles.get(p));
                String category = emptyToNull(parsed.categories.get(p));
                BigDecimal list = money(parsed.listPrices.getLong(p));
                BigDecimal cost = money(parsed.costs.getLong(p));
                int id = ids.getInt(sku);
                if (id < 0) {
                    id = next++;
                    created++;
                    ins.setInt(1, id);
                    ins.setString(2, sku);
                    ins.setString(3, title);
                    ins.setString(4, category);
                    ins.setBigDecimal(5, list);
                    ins.setBigDecimal(6, cost);
                    ins.addBatch();
                } else {
                    Record old = rows.get(sku);
                    String newTitle = title != null ? title : old.get(PRODUCTS.TITLE);
                    String newCategory = category != null ? category : old.get(PRODUCTS.CATEGORY);
                    BigDecimal newList = list != null ? list : old.get(PRODUCTS.LIST_PRICE);
                    BigDecimal newCost = cost != null ? cost : old.get(PRODUCTS.COST);
                    if (!Objects.equals(newTitle, old.get(PRODUCTS.TITLE))
                            || !Objects.equals(newCategory, old.get(PRODUCTS.CATEGORY))
                            || !sameMoney(newList, old.get(PRODUCTS.LIST_PRICE))
                            || !sameMoney(newCost, old.get(PRODUCTS.COST))) {
                        upd.setString(1, newTitle);
                        upd.setString(2, newCategory);
                        upd.setBigDecimal(3, newList);
                        upd.setBigDecimal(4, newCost);
                        upd.setInt(5, id);
                        upd.addBatch();
                    }
                }
                productIds[p] = id;
            }
            flush(ins, connection);
            flush(upd, connection);
        }
        return created;
    }

    private static boolean sameMoney(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Customers new to the store: their keys, with ids from {@code firstId} on. */
    private record NewCustomers(List<String> keys, int firstId) {
    }

    /**
     * Gives every written order's customer its store id, customers new to the store the next free
     * ids in order of first appearance (so they append to the table's primary key). The keys were
     * hashed while the file was read. Nothing is written.
     */
    private NewCustomers assignCustomers(DSLContext ctx, int[] customerIds, byte[] action) {
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        try (var cursor = ctx.select(CUSTOMERS.CUSTOMER_KEY, CUSTOMERS.ID).from(CUSTOMERS).fetchLazy()) {
            for (var r : cursor) {
                ids.put(r.value1(), r.value2().intValue());
            }
        }
        String[] keys = parsed.customerKeys();
        int[] idOfCustomer = new int[keys.length];
        Arrays.fill(idOfCustomer, -1);
        int first = nextId(ctx, CUSTOMERS, CUSTOMERS.ID);
        List<String> fresh = new ArrayList<>();
        for (int o = 0; o < customerIds.length; o++) {
            int customer = parsed.orderCustomer.getInt(o);
            if (action[o] == KEEP || customer < 0 || keys[customer] == null) {
                customerIds[o] = -1;
                continue;
            }
            if (idOfCustomer[customer] < 0) {
                int id = ids.getInt(keys[customer]);
                if (id < 0) {
                    id = first + fresh.size();
                    ids.put(keys[customer], id);
                    fresh.add(keys[customer]);
                }
                idOfCustomer[customer] = id;
            }
            customerIds[o] = idOfCustomer[customer];
        }
        return new NewCustomers(fresh, first);
    }

    private void insertCustomers(Connection connection, NewCustomers customers) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CUSTOMER_INSERT)) {
            for (int i = 0; i < customers.keys().size(); i++) {
                insert.setInt(1, customers.firstId() + i);
                insert.setString(2, customers.keys().get(i));
                insert.addBatch();
                if (i % BATCH == BATCH - 1) {
                    flush(insert, connection);
                    monitor.checkCancelled();
                }
            }
            flush(insert, connection);
        }
    }

    private void deleteReplaced(DSLContext ctx, Connection connection, Map<String, long[]> existing, byte[] action)
            throws SQLException {
        try (PreparedStatement lines = connection.prepareStatement(ctx.deleteFrom(ORDER_LINES)
                .where(ORDER_LINES.ID.between((Long) null, (Long) null)).getSQL());
             PreparedStatement order = connection.prepareStatement(
                     ctx.deleteFrom(ORDERS).where(ORDERS.ID.eq((Integer) null)).getSQL())) {
            for (int o = 0; o < action.length; o++) {
                if (action[o] == REPLACE) {
                    long[] known = existing.get(parsed.orderIds.get(o));
                    lines.setLong(1, known[2]);
                    lines.setLong(2, known[2] + known[3] - 1);
                    lines.addBatch();
                    order.setInt(1, (int) known[0]);
                    order.addBatch();
                }
            }
            lines.executeBatch();
            order.executeBatch();
        }
    }

    private int countLines(byte[] action) {
        int lines = 0;
        for (int i = 0; i < parsed.lineCount(); i++) {
            if (action[parsed.lineOrder.getInt(i)] != KEEP) {
                lines++;
            }
        }
        return lines;
    }

    private void insertBatch(DSLContext ctx, int batchId, int added, int replaced, int unchanged, int lines,
                             int products, int customers) {
        String skipped;
        try {
            skipped = parsed.problems.isEmpty() ? null : JSON.writeValueAsString(parsed.problems);
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
                .execute();
    }

    /**
     * Inserts the added and replacing orders and their lines: orders from the next free id in file
     * order, their lines consecutively.
     */
    private void insertOrders(DSLContext ctx, Connection connection, byte[] action, int batchId,
                              int[] customerIds, int[] productIds) throws SQLException {
        int[][] grouped = parsed.linesByOrder();
        int nextOrder = nextId(ctx, ORDERS, ORDERS.ID);
        Long maxLine = ctx.select(DSL.max(ORDER_LINES.ID)).from(ORDER_LINES).fetchOne(0, Long.class);
        long nextLine = maxLine == null ? 1 : maxLine + 1;
        int[] orderId = new int[action.length];
        long[] firstLineId = new long[action.length];
        for (int o = 0; o < action.length; o++) {
            if (action[o] != KEEP) {
                orderId[o] = nextOrder++;
                firstLineId[o] = nextLine;
                nextLine += grouped[0][o + 1] - grouped[0][o];
            }
        }
        insertOrderRows(connection, grouped, action, orderId, firstLineId, batchId, customerIds);
        insertLineRows(connection, grouped, action, orderId, firstLineId, productIds);
    }

    private void insertOrderRows(Connection connection, int[][] grouped, byte[] action, int[] orderId,
                                 long[] firstLineId, int batchId, int[] customerIds) throws SQLException {
        int[] start = grouped[0];
        int[] lines = grouped[1];
        try (PreparedStatement insert = connection.prepareStatement(ORDER_INSERT)) {
            int pending = 0;
            for (int o = 0; o < action.length; o++) {
                if (action[o] == KEEP) {
                    continue;
                }
                bindOrder(insert, orderId[o], parsed.orderIds.get(o), customerIds[o], parsed.orderedAt.getLong(o),
                        parsed.itemCount(lines, start[o], start[o + 1]),
                        parsed.orderValue(lines, start[o], start[o + 1]), firstLineId[o], start[o + 1] - start[o],
                        parsed.contentHash(o), batchId);
                insert.addBatch();
                if (++pending == BATCH) {
                    flush(insert, connection);
                    pending = 0;
                    monitor.checkCancelled();
                }
            }
            flush(insert, connection);
        }
    }

    private void insertLineRows(Connection connection, int[][] grouped, byte[] action, int[] orderId,
                                long[] firstLineId, int[] productIds) throws SQLException {
        int[] start = grouped[0];
        int[] lines = grouped[1];
        long total = parsed.lineCount();
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement(LINE_INSERT)) {
            int pending = 0;
            for (int o = 0; o < action.length; o++) {
                if (action[o] == KEEP) {
                    continue;
                }
                long id = firstLineId[o];
                for (int k = start[o]; k < start[o + 1]; k++) {
                    int line = lines[k];
                    bindLine(insert, id++, orderId[o], productIds[parsed.lineProduct.getInt(line)],
                            parsed.lineQuantity.getInt(line), parsed.linePrice.getLong(line));
                    insert.addBatch();
                    written++;
                    if (++pending == BATCH) {
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

    /** Binds one order's columns to {@link #ORDER_INSERT}; {@code customerId} -1 is a guest. */
    static void bindOrder(PreparedStatement insert, int id, String externalId, int customerId, long orderedAt,
                          int itemCount, long value, long firstLineId, int lineCount, long contentHash, int batchId)
            throws SQLException {
        insert.setInt(1, id);
        insert.setString(2, externalId);
        if (customerId < 0) {
            insert.setNull(3, Types.INTEGER);
        } else {
            insert.setInt(3, customerId);
        }
        insert.setObject(4, utc(orderedAt));
        insert.setInt(5, itemCount);
        insert.setBigDecimal(6, BigDecimal.valueOf(value, Values.MONEY_SCALE));
        insert.setLong(7, firstLineId);
        insert.setInt(8, lineCount);
        insert.setLong(9, contentHash);
        insert.setInt(10, batchId);
    }

    /** Binds one line's columns to {@link #LINE_INSERT}. */
    static void bindLine(PreparedStatement insert, long id, int orderId, int productId, int quantity, long unitPrice)
            throws SQLException {
        insert.setLong(1, id);
        insert.setInt(2, orderId);
        insert.setInt(3, productId);
        insert.setInt(4, quantity);
        insert.setBigDecimal(5, BigDecimal.valueOf(unitPrice, Values.MONEY_SCALE));
    }

    private static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private static BigDecimal money(long units) {
        return units == OrderRow.MISSING ? null : BigDecimal.valueOf(units, Values.MONEY_SCALE);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

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
import org.jooq.Table;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/**
 * Writes checked {@link ParsedOrders} into a store in one transaction: the batch record,
 * new and updated products, new customers, replaced orders removed, then orders and lines in JDBC
 * batches. Anything thrown on the way rolls the whole import back.
 */
final class StoreWriter {

    private static final int BATCH = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final ImportRequest request;
    private final String checksum;
    private final ParsedOrders parsed;
    private final ProgressMonitor monitor;

    StoreWriter(Store store, ImportRequest request, String checksum, ParsedOrders parsed, ProgressMonitor monitor) {
        this.store = store;
        this.request = request;
        this.checksum = checksum;
        this.parsed = parsed;
        this.monitor = monitor;
    }

    ImportReport write() {
        return store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            return ctx.connectionResult(connection -> write(ctx, connection));
        });
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
        int newCustomers = insertCustomers(ctx, connection, customerIds, action);
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
            ins.executeBatch();
            upd.executeBatch();
        }
        return created;
    }

    private static boolean sameMoney(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * Gives every order's customer its store id, inserting the customers new to the store. New
     * keys are inserted in key order: the keys are random hashes, and sorted inserts keep H2's
     * unique index from rewriting pages all over the tree (about 3 times faster).
     */
    private int insertCustomers(DSLContext ctx, Connection connection, int[] customerIds, byte[] action)
            throws SQLException {
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        try (var cursor = ctx.select(CUSTOMERS.CUSTOMER_KEY, CUSTOMERS.ID).from(CUSTOMERS).fetchLazy()) {
            for (var r : cursor) {
                ids.put(r.value1(), r.value2().intValue());
            }
        }
        CustomerKeys keys = new CustomerKeys(store.customerSalt());
        Map<String, String> keyOfRaw = new HashMap<>();
        String[] orderKeys = new String[customerIds.length];
        List<String> fresh = new ArrayList<>();
        for (int o = 0; o < customerIds.length; o++) {
            String raw = parsed.customers.get(o);
            if (action[o] == KEEP || raw.isEmpty()) {
                continue;
            }
            String key = keyOfRaw.computeIfAbsent(raw, keys::keyOf);
            orderKeys[o] = key;
            if (ids.getInt(key) < 0) {
                ids.put(key, Integer.MAX_VALUE);
                fresh.add(key);
            }
        }
        Collections.sort(fresh);
        int next = nextId(ctx, CUSTOMERS, CUSTOMERS.ID);
        try (PreparedStatement ins = connection.prepareStatement(
                insertSql(ctx, CUSTOMERS, CUSTOMERS.ID, CUSTOMERS.CUSTOMER_KEY))) {
            for (int i = 0; i < fresh.size(); i++) {
                ids.put(fresh.get(i), next);
                ins.setInt(1, next++);
                ins.setString(2, fresh.get(i));
                ins.addBatch();
                if (i % BATCH == BATCH - 1) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        for (int o = 0; o < customerIds.length; o++) {
            customerIds[o] = orderKeys[o] == null ? -1 : ids.getInt(orderKeys[o]);
        }
        return fresh.size();
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

    private void insertOrders(DSLContext ctx, Connection connection, byte[] action, int batchId, int[] customerIds,
                              int[] productIds) throws SQLException {
        int[][] grouped = parsed.linesByOrder();
        int[] start = grouped[0];
        int[] lines = grouped[1];
        int nextOrder = nextId(ctx, ORDERS, ORDERS.ID);
        Long maxLine = ctx.select(DSL.max(ORDER_LINES.ID)).from(ORDER_LINES).fetchOne(0, Long.class);
        long nextLine = maxLine == null ? 1 : maxLine + 1;
        long total = parsed.lineCount();
        long written = 0;
        try (PreparedStatement orderInsert = connection.prepareStatement(insertSql(ctx, ORDERS, ORDERS.ID,
                ORDERS.EXTERNAL_ID, ORDERS.CUSTOMER_ID, ORDERS.ORDERED_AT, ORDERS.ITEM_COUNT, ORDERS.ORDER_VALUE,
                ORDERS.FIRST_LINE_ID, ORDERS.LINE_COUNT, ORDERS.CONTENT_HASH, ORDERS.BATCH_ID));
             PreparedStatement lineInsert = connection.prepareStatement(insertSql(ctx, ORDER_LINES,
                     ORDER_LINES.ID, ORDER_LINES.ORDER_ID, ORDER_LINES.PRODUCT_ID, ORDER_LINES.QUANTITY,
                     ORDER_LINES.UNIT_PRICE))) {
            int pendingOrders = 0;
            int pendingLines = 0;
            for (int o = 0; o < action.length; o++) {
                if (action[o] == KEEP) {
                    continue;
                }
                int id = nextOrder++;
                orderInsert.setInt(1, id);
                orderInsert.setString(2, parsed.orderIds.get(o));
                if (customerIds[o] < 0) {
                    orderInsert.setNull(3, Types.INTEGER);
                } else {
                    orderInsert.setInt(3, customerIds[o]);
                }
                orderInsert.setObject(4, utc(parsed.orderedAt.getLong(o)));
                orderInsert.setInt(5, itemCount(lines, start[o], start[o + 1]));
                orderInsert.setBigDecimal(6, BigDecimal.valueOf(orderValue(lines, start[o], start[o + 1]),
                        Values.MONEY_SCALE));
                orderInsert.setLong(7, nextLine);
                orderInsert.setInt(8, start[o + 1] - start[o]);
                orderInsert.setLong(9, parsed.contentHash(o));
                orderInsert.setInt(10, batchId);
                orderInsert.addBatch();
                if (++pendingOrders == BATCH) {
                    orderInsert.executeBatch();
                    pendingOrders = 0;
                }
                for (int k = start[o]; k < start[o + 1]; k++) {
                    int line = lines[k];
                    lineInsert.setLong(1, nextLine++);
                    lineInsert.setInt(2, id);
                    lineInsert.setInt(3, productIds[parsed.lineProduct.getInt(line)]);
                    lineInsert.setInt(4, parsed.lineQuantity.getInt(line));
                    lineInsert.setBigDecimal(5, BigDecimal.valueOf(parsed.linePrice.getLong(line), Values.MONEY_SCALE));
                    lineInsert.addBatch();
                    written++;
                    if (++pendingLines == BATCH) {
                        orderInsert.executeBatch();
                        pendingOrders = 0;
                        lineInsert.executeBatch();
                        pendingLines = 0;
                        monitor.checkCancelled();
                        monitor.progress("Writing orders", total + written, total * 2);
                    }
                }
            }
            orderInsert.executeBatch();
            lineInsert.executeBatch();
            monitor.progress("Writing orders", total * 2, total * 2);
        }
    }

    /** Number of SKUs whose net quantity over the given lines is positive. */
    private int itemCount(int[] lines, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            int product = parsed.lineProduct.getInt(lines[k]);
            boolean seen = false;
            long net = 0;
            for (int j = from; j < to; j++) {
                int other = parsed.lineProduct.getInt(lines[j]);
                if (other == product) {
                    if (j < k) {
                        seen = true;
                        break;
                    }
                    net += parsed.lineQuantity.getInt(lines[j]);
                }
            }
            if (!seen && net > 0) {
                count++;
            }
        }
        return count;
    }

    private long orderValue(int[] lines, int from, int to) {
        long value = 0;
        for (int k = from; k < to; k++) {
            value += parsed.lineQuantity.getInt(lines[k]) * parsed.linePrice.getLong(lines[k]);
        }
        return value;
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

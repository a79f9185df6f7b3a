package io.orderlift.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.IMPORT_UNDO_ORDERS;
import static io.orderlift.store.db.Tables.IMPORT_UNDO_ORDER_LINES;
import static io.orderlift.store.db.Tables.IMPORT_UNDO_PRODUCTS;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/**
 * What an import into a store with orders is about to change, kept beside its {@link ImportWatermark}
 * mark: the orders it deletes (replaced, or withdrawn by the file) with their lines, and the store's
 * products the file names, which it may update. Written in the mark's own committed transaction and
 * emptied as the import's transaction commits. The watermark alone undoes what an import added;
 * should H2 keep a delete or an update of a transaction a kill cut short (docs/reliability.md), the
 * rows kept here put back what it changed, so that not even a replaced order is lost.
 */
public final class ImportUndo {

    /** An order the import deletes, with the range of its lines' ids. */
    public record Deleted(int orderId, long firstLineId, int lineCount) {
    }

    private ImportUndo() {
    }

    /**
     * Keeps, in the transaction of {@code ctx}, the products of {@code skus} (the file's: no other product
     * is updated) and the {@code deleted} orders and their lines.
     */
    public static void capture(DSLContext ctx, List<String> skus, List<Deleted> deleted) {
        clear(ctx);
        for (Condition among : KeyedRows.among(ctx, PRODUCTS, PRODUCTS.SKU, skus)) {
            ctx.insertInto(IMPORT_UNDO_PRODUCTS).select(ctx.selectFrom(PRODUCTS).where(among)).execute();
        }
        if (deleted.isEmpty()) {
            return;
        }
        ctx.connection(connection -> copy(connection, deleted));
    }

    /** Copies the orders and lines by id ranges, adjacent ones merged: a whole file replaced is one range each. */
    private static void copy(Connection connection, List<Deleted> deleted) throws SQLException {
        long[][] orders = ranges(deleted.stream().mapToLong(Deleted::orderId).sorted()
                .mapToObj(id -> new long[] {id, id}).toList());
        long[][] lines = ranges(deleted.stream().filter(d -> d.lineCount() > 0)
                .sorted(Comparator.comparingLong(Deleted::firstLineId))
                .map(d -> new long[] {d.firstLineId(), d.firstLineId() + d.lineCount() - 1}).toList());
        copyRanges(connection, IMPORT_UNDO_ORDERS, ORDERS, orders);
        copyRanges(connection, IMPORT_UNDO_ORDER_LINES, ORDER_LINES, lines);
    }

    /** {@code sorted} ranges of ids, those that touch or overlap merged. */
    static long[][] ranges(List<long[]> sorted) {
        List<long[]> merged = new ArrayList<>();
        for (long[] range : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(range.clone());
            }
        }
        return merged.toArray(new long[0][]);
    }

    private static void copyRanges(Connection connection, Table<?> into, Table<?> from, long[][] ranges)
            throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO " + into.getName() + " SELECT * FROM "
                + from.getName() + " WHERE id BETWEEN ? AND ?")) {
            for (long[] range : ranges) {
                copy.setLong(1, range[0]);
                copy.setLong(2, range[1]);
                copy.addBatch();
            }
            copy.executeBatch();
        }
    }

    /** Empties what {@link #capture} kept: the import's last write before it commits. */
    public static void clear(DSLContext ctx) {
        ctx.deleteFrom(IMPORT_UNDO_ORDER_LINES).execute();
        ctx.deleteFrom(IMPORT_UNDO_ORDERS).execute();
        ctx.deleteFrom(IMPORT_UNDO_PRODUCTS).execute();
    }

    /** What {@link #restore} put back: orders that were gone, and products that were gone or changed. */
    record Restored(int orders, int products) {
    }

    /**
     * Puts back, in the transaction of {@code ctx}, what {@link #capture} kept (after the rows above the
     * watermark are deleted), and empties it.
     */
    static Restored restore(DSLContext ctx) {
        int ordersGone = ctx.fetchCount(IMPORT_UNDO_ORDERS, DSL.notExists(ctx.selectOne().from(ORDERS)
                .where(ORDERS.ID.eq(IMPORT_UNDO_ORDERS.ID))));
        int productsChanged = ctx.fetchCount(IMPORT_UNDO_PRODUCTS, DSL.notExists(ctx.selectOne().from(PRODUCTS)
                .where(DSL.row(PRODUCTS.fields()).isNotDistinctFrom(DSL.row(IMPORT_UNDO_PRODUCTS.fields())))));
        mergeBack(ctx, PRODUCTS, IMPORT_UNDO_PRODUCTS);
        mergeBack(ctx, ORDERS, IMPORT_UNDO_ORDERS);
        mergeBack(ctx, ORDER_LINES, IMPORT_UNDO_ORDER_LINES);
        clear(ctx);
        return new Restored(ordersGone, productsChanged);
    }

    /** Writes every row of {@code kept} into {@code table} by id: inserted where gone, updated where changed. */
    private static void mergeBack(DSLContext ctx, Table<?> table, Table<?> kept) {
        ctx.execute("MERGE INTO " + table.getName() + " KEY(id) SELECT * FROM " + kept.getName());
    }
}

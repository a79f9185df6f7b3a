package io.orderlift.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/**
 * The highest id of each table an import writes, read before an import into a store that already
 * has orders. The importer gives every new row the next id, so whatever that import added lies
 * above the watermark: committed as {@link Store#IMPORT_ABOVE} before the import's transaction and
 * removed inside it, the mark lets the next open delete rows of an import that never committed.
 * H2 rolls such a transaction back itself after a crash, but not always completely: a kill can
 * leave a few of its rows behind when their undo-log entries were lost (h2database pull request
 * 1222; seen once in the kill campaign, docs/reliability.md).
 */
public record ImportWatermark(int batch, int order, long line, int customer, int product) {

    private static final Pattern FORMAT = Pattern.compile(
            "batch=(\\d+);order=(\\d+);line=(\\d+);customer=(\\d+);product=(\\d+)");

    /** The store's highest ids as {@code ctx} sees them (0 for an empty table). */
    public static ImportWatermark of(DSLContext ctx) {
        return new ImportWatermark(StoreIds.highest(ctx, IMPORT_BATCHES.ID), StoreIds.highest(ctx, ORDERS.ID),
                StoreIds.highestLong(ctx, ORDER_LINES.ID), StoreIds.highest(ctx, CUSTOMERS.ID),
                StoreIds.highest(ctx, PRODUCTS.ID));
    }

    /** The mark's text, read back by {@link #parse}. */
    public String encode() {
        return "batch=" + batch + ";order=" + order + ";line=" + line + ";customer=" + customer
                + ";product=" + product;
    }

    /** The watermark {@code text} encodes; empty for text this class did not write. */
    static Optional<ImportWatermark> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ImportWatermark(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
    }

    /**
     * Deletes, inside the transaction of {@code ctx}, every row above the watermark: the lines,
     * orders, customers, products and batch record of an import that never committed. Returns how
     * many orders it removed.
     */
    int deleteAbove(DSLContext ctx) {
        ctx.deleteFrom(ORDER_LINES).where(ORDER_LINES.ID.gt(line)).execute();
        int orders = ctx.deleteFrom(ORDERS).where(ORDERS.ID.gt(order)).execute();
        ctx.deleteFrom(CUSTOMERS).where(CUSTOMERS.ID.gt(customer)).execute();
        ctx.deleteFrom(PRODUCTS).where(PRODUCTS.ID.gt(product)).execute();
        ctx.deleteFrom(IMPORT_BATCHES).where(IMPORT_BATCHES.ID.gt(batch)).execute();
        return orders;
    }
}

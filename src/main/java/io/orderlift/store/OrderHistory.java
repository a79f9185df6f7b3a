package io.orderlift.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;

import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/**
 * The store's read API for mining: every order line with its order's customer and time, streamed
 * in two sequential scans (orders by first line, lines by id) without a join, and the catalog.
 */
public final class OrderHistory {

    /** Receives one order line. */
    @FunctionalInterface
    public interface LineVisitor {
        /**
         * @param orderId    the order's store id
         * @param customerId the customer's store id, or -1 for a guest
         * @param orderedAt  the order's time (its earliest line), epoch milliseconds UTC
         * @param productId  the product's store id
         * @param quantity   non-zero; negative for a return
         */
        void line(int orderId, int customerId, long orderedAt, int productId, int quantity);
    }

    /** A product and its price: the list price, else the median unit price of its sold lines. */
    public record CatalogEntry(int id, String sku, String title, String category, BigDecimal price) {
    }

    private static final int FETCH = 20_000;

    private final Store store;

    public OrderHistory(Store store) {
        this.store = store;
    }

    /** Visits every order line, grouped by order. */
    public void forEachLine(LineVisitor visitor) {
        store.read(ctx -> ctx.connectionResult(connection -> {
            String orderSql = ctx.select(ORDERS.ID, ORDERS.CUSTOMER_ID, ORDERS.ORDERED_AT, ORDERS.FIRST_LINE_ID,
                    ORDERS.LINE_COUNT).from(ORDERS).orderBy(ORDERS.FIRST_LINE_ID).getSQL();
            String lineSql = ctx.select(ORDER_LINES.ID, ORDER_LINES.PRODUCT_ID, ORDER_LINES.QUANTITY)
                    .from(ORDER_LINES).orderBy(ORDER_LINES.ID).getSQL();
            try (PreparedStatement orders = prepare(connection, orderSql);
                 PreparedStatement lines = prepare(connection, lineSql);
                 ResultSet o = orders.executeQuery();
                 ResultSet l = lines.executeQuery()) {
                boolean moreLines = l.next();
                while (o.next()) {
                    int orderId = o.getInt(1);
                    int customer = o.getInt(2);
                    if (o.wasNull()) {
                        customer = -1;
                    }
                    Timestamp time = o.getTimestamp(3);
                    long millis = time.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
                    long first = o.getLong(4);
                    long end = first + o.getInt(5);
                    while (moreLines && l.getLong(1) < first) {
                        moreLines = l.next();
                    }
                    while (moreLines && l.getLong(1) < end) {
                        visitor.line(orderId, customer, millis, l.getInt(2), l.getInt(3));
                        moreLines = l.next();
                    }
                }
            }
            return null;
        }));
    }

    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH);
        return statement;
    }

    /** The largest product id (ids are dense from 1). */
    public int maxProductId() {
        Integer max = store.read(ctx -> ctx.select(DSL.max(PRODUCTS.ID)).from(PRODUCTS).fetchOne(0, Integer.class));
        return max == null ? 0 : max;
    }

    /** Every product with its price (DESIGN.md: list price, else the median unit price over sold lines). */
    public List<CatalogEntry> catalog() {
        return store.read(ctx -> {
            var median = DSL.percentileDisc(0.5).withinGroupOrderBy(ORDER_LINES.UNIT_PRICE);
            var medians = ctx.select(ORDER_LINES.PRODUCT_ID, median.as("m")).from(ORDER_LINES)
                    .where(ORDER_LINES.QUANTITY.gt(0)).and(ORDER_LINES.UNIT_PRICE.gt(BigDecimal.ZERO))
                    .groupBy(ORDER_LINES.PRODUCT_ID).asTable("med");
            return ctx.select(PRODUCTS.ID, PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY,
                            DSL.coalesce(PRODUCTS.LIST_PRICE, medians.field("m", BigDecimal.class)))
                    .from(PRODUCTS).leftJoin(medians).on(PRODUCTS.ID.eq(medians.field(ORDER_LINES.PRODUCT_ID)))
                    .orderBy(PRODUCTS.ID)
                    .fetch(r -> new CatalogEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        });
    }
}

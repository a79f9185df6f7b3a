package io.orderlift.store;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/** Real past orders of a store, to preview what the confirmation page would have offered after them. */
public final class PastOrders {

    /**
     * An order as the picker lists it.
     *
     * @param id      the store's own id of the order, to read its lines with
     * @param orderId the order's id in the source system
     */
    public record OrderSummary(int id, String orderId, LocalDateTime orderedAt, int itemCount, BigDecimal orderValue) {
    }

    /** One line of an order. */
    public record Line(String sku, String title, String category, int quantity, BigDecimal unitPrice) {
    }

    private final Store store;

    public PastOrders(Store store) {
        this.store = store;
    }

    /** The newest {@code limit} orders with at least one item, newest first. */
    public List<OrderSummary> newest(int limit) {
        return store.read(ctx -> ctx.select(ORDERS.ID, ORDERS.EXTERNAL_ID, ORDERS.ORDERED_AT,
                        ORDERS.ITEM_COUNT, ORDERS.ORDER_VALUE).from(ORDERS).where(ORDERS.ITEM_COUNT.gt(0))
                .orderBy(ORDERS.ORDERED_AT.desc(), ORDERS.ID.desc()).limit(limit)
                .fetch(r -> new OrderSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
    }

    /** The lines of the order with the store's own id {@code id}, in file order; empty when there is no such order. */
    public Optional<List<Line>> lines(int id) {
        return store.readConsistently(ctx -> ctx.select(ORDERS.FIRST_LINE_ID, ORDERS.LINE_COUNT).from(ORDERS)
                .where(ORDERS.ID.eq(id)).fetchOptional()
                .map(order -> ctx.select(PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY, ORDER_LINES.QUANTITY,
                                ORDER_LINES.UNIT_PRICE).from(ORDER_LINES).join(PRODUCTS)
                        .on(PRODUCTS.ID.eq(ORDER_LINES.PRODUCT_ID))
                        .where(ORDER_LINES.ID.between(order.value1(), order.value1() + order.value2() - 1))
                        .orderBy(ORDER_LINES.ID)
                        .fetch(r -> new Line(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()))));
    }
}

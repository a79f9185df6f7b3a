package io.orderlift.store;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import org.jooq.impl.DSL;

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

    /**
     * The newest {@code limit} orders with at least one item, newest first (ties: the later id
     * first). One lazy scan keeps the newest in a bounded heap, then reads just those: an {@code
     * ORDER BY ordered_at} over every order made H2 sort them in pages of the store file.
     */
    public List<OrderSummary> newest(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return store.readConsistently(ctx -> ctx.connectionResult(connection -> {
            String scan = ctx.select(ORDERS.ID, ORDERS.ORDERED_AT).from(ORDERS)
                    .where(ORDERS.ITEM_COUNT.gt(DSL.inline(0))).getSQL();
            // the oldest kept at the head, to be pushed out by a newer one
            PriorityQueue<long[]> newest = new PriorityQueue<>(limit + 1, NEWER.reversed());
            LazyScan.each(connection, scan, row -> {
                LocalDateTime at = row.getObject(2, LocalDateTime.class);
                long[] order = {at.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + at.getNano(), row.getInt(1)};
                if (newest.size() < limit) {
                    newest.add(order);
                } else if (NEWER.compare(order, newest.peek()) < 0) {
                    newest.poll();
                    newest.add(order);
                }
            });
            List<Integer> ids = newest.stream().map(o -> (int) o[1]).toList();
            Map<Integer, Integer> rank = new HashMap<>();
            newest.stream().sorted(NEWER).forEach(o -> rank.put((int) o[1], rank.size()));
            return ctx.select(ORDERS.ID, ORDERS.EXTERNAL_ID, ORDERS.ORDERED_AT, ORDERS.ITEM_COUNT, ORDERS.ORDER_VALUE)
                    .from(ORDERS).where(ORDERS.ID.in(ids))
                    .fetch(r -> new OrderSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()))
                    .stream().sorted(Comparator.comparingInt(o -> rank.get(o.id()))).toList();
        }));
    }

    /** {@code {time in nanoseconds, id}}: the later time first, then the larger id. */
    private static final Comparator<long[]> NEWER =
            Comparator.<long[]>comparingLong(o -> -o[0]).thenComparingLong(o -> -o[1]);

    /**
     * What an order holds: the net quantity per SKU over its lines, in the order the SKUs first appear,
     * SKUs returned in full (net quantity zero or less) left out — the items a storefront sees.
     */
    public static Map<String, Integer> netQuantities(List<Line> lines) {
        Map<String, Integer> net = new LinkedHashMap<>();
        lines.forEach(line -> net.merge(line.sku(), line.quantity(), Integer::sum));
        net.values().removeIf(q -> q <= 0);
        return net;
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

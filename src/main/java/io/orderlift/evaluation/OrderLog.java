package io.orderlift.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.Transactions;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

/**
 * The store's orders in memory, in time order, for replaying: each order's time, customer, the
 * SKUs of its item set (net quantity > 0, with the net quantities) — read once, then mined and
 * replayed for any time window without going back to the store.
 */
final class OrderLog {

    /** One order with a non-empty item set. */
    record Order(int id, int customer, long time, int[] items, int[] quantities) {
    }

    private final List<Order> orders;
    private final int productCount;

    private OrderLog(List<Order> orders, int productCount) {
        this.orders = orders;
        this.productCount = productCount;
    }

    /** A log of the given orders, in time order (for tests). */
    static OrderLog of(List<Order> orders, int productCount) {
        return new OrderLog(List.copyOf(orders), productCount);
    }

    /** The log and the catalog, read from one state of the store in one pass over its lines. */
    record WithCatalog(OrderLog log, List<OrderHistory.CatalogEntry> catalog) {
    }

    static WithCatalog read(Store store, ProgressMonitor monitor) {
        OrderHistory history = new OrderHistory(store);
        int productCount = history.maxProductId() + 1;
        List<Order> orders = new ArrayList<>();
        int[] current = {-1};
        List<int[]> lines = new ArrayList<>();
        long[] time = {0};
        int[] customer = {-1};
        Runnable flush = () -> {
            if (current[0] >= 0) {
                Int2IntOpenHashMap net = new Int2IntOpenHashMap();
                lines.forEach(l -> net.addTo(l[0], l[1]));
                int[] items = net.int2IntEntrySet().stream().filter(e -> e.getIntValue() > 0)
                        .mapToInt(e -> e.getIntKey()).sorted().toArray();
                if (items.length > 0) {
                    int[] quantities = Arrays.stream(items).map(net::get).toArray();
                    orders.add(new Order(current[0], customer[0], time[0], items, quantities));
                }
            }
            lines.clear();
        };
        OrderHistory.VersionedCatalog catalog = history.forEachLineWithCatalog((order, cust, at, product, quantity) -> {
            if (order != current[0]) {
                flush.run();
                current[0] = order;
                time[0] = at;
                customer[0] = cust;
            }
            lines.add(new int[] {product, quantity});
        }, monitor);
        flush.run();
        orders.sort((a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time()) : Integer.compare(a.id(), b.id()));
        return new WithCatalog(new OrderLog(List.copyOf(orders), productCount), catalog.entries());
    }

    /** Product ids are below this. */
    int productCount() {
        return productCount;
    }

    List<Order> orders() {
        return orders;
    }

    long firstTime() {
        return orders.isEmpty() ? 0 : orders.get(0).time();
    }

    long lastTime() {
        return orders.isEmpty() ? 0 : orders.get(orders.size() - 1).time();
    }

    /** The orders whose time passes {@code keep}, as mining input. */
    Transactions transactions(LongPredicate keep) {
        Transactions.Builder builder = Transactions.builder(productCount, 0);
        for (Order o : orders) {
            if (keep.test(o.time())) {
                for (int i = 0; i < o.items().length; i++) {
                    builder.line(o.id(), o.customer(), o.time(), o.items()[i], o.quantities()[i]);
                }
            }
        }
        return builder.build();
    }

    /** The orders whose time passes {@code keep}. */
    List<Order> between(LongPredicate keep) {
        return orders.stream().filter(o -> keep.test(o.time())).toList();
    }
}

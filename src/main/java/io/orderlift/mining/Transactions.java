package io.orderlift.mining;

import java.util.Arrays;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The order history reduced to what mining needs, in dense primitive arrays: for each order with a
 * non-empty item set its items (sorted SKU ids), time and customer; orders sorted by time; each
 * customer's orders in time order; and for each product the orders holding it, grouped by customer.
 *
 * <p>Build it with {@link #builder}: lines go in as they are stored (several lines of one SKU in an
 * order, returns as negative quantities); the item set of an order is the SKUs whose net quantity is
 * positive, and the order's time is the earliest of its lines' times.
 */
public final class Transactions {

    final int productCount;
    final int orderCount;
    final int[] itemStart;
    final int[] items;
    final long[] time;
    final int[] customer;
    final int customerCount;
    final int[] customerStart;
    final int[] customerOrders;
    final int[] positionInCustomer;
    final int[] productStart;
    final int[] productOrders;
    final int ordersEmpty;
    final int ordersOverMaxBasket;

    private Transactions(int productCount, int[] itemStart, int[] items, long[] time, int[] customer,
                         int customerCount, int ordersEmpty, int ordersOverMaxBasket) {
        this.productCount = productCount;
        this.orderCount = time.length;
        this.itemStart = itemStart;
        this.items = items;
        this.time = time;
        this.customer = customer;
        this.customerCount = customerCount;
        this.ordersEmpty = ordersEmpty;
        this.ordersOverMaxBasket = ordersOverMaxBasket;
        // each customer's orders, in time order (orders are already sorted by time)
        customerStart = new int[customerCount + 1];
        for (int c : customer) {
            if (c >= 0) {
                customerStart[c + 1]++;
            }
        }
        for (int c = 0; c < customerCount; c++) {
            customerStart[c + 1] += customerStart[c];
        }
        customerOrders = new int[customerStart[customerCount]];
        positionInCustomer = new int[orderCount];
        int[] fill = Arrays.copyOf(customerStart, customerCount);
        for (int o = 0; o < orderCount; o++) {
            int c = customer[o];
            if (c >= 0) {
                positionInCustomer[o] = fill[c];
                customerOrders[fill[c]++] = o;
            } else {
                positionInCustomer[o] = -1;
            }
        }
        // orders holding each product: guests first, then grouped by customer, each group in time order
        productStart = new int[productCount + 1];
        for (int k : items) {
            productStart[k + 1]++;
        }
        for (int p = 0; p < productCount; p++) {
            productStart[p + 1] += productStart[p];
        }
        productOrders = new int[items.length];
        int[] next = Arrays.copyOf(productStart, productCount);
        for (int o = 0; o < orderCount; o++) {
            if (customer[o] < 0) {
                addToProducts(o, next);
            }
        }
        for (int o : customerOrders) {
            addToProducts(o, next);
        }
    }

    private void addToProducts(int order, int[] next) {
        for (int k = itemStart[order]; k < itemStart[order + 1]; k++) {
            productOrders[next[items[k]]++] = order;
        }
    }

    /** A builder for {@code productCount} products with ids {@code 0..productCount-1}. */
    public static Builder builder(int productCount, int maxBasket) {
        return new Builder(productCount, maxBasket);
    }

    /** N: orders with a non-empty item set (within the basket cap). */
    public int orderCount() {
        return orderCount;
    }

    public int productCount() {
        return productCount;
    }

    /** orders(p): orders whose item set holds product {@code p}. */
    public int ordersWith(int product) {
        return productStart[product + 1] - productStart[product];
    }

    /** Time of the latest order with a non-empty item set, or {@link Long#MIN_VALUE} when there is none. */
    public long lastOrderAt() {
        return orderCount == 0 ? Long.MIN_VALUE : time[orderCount - 1];
    }

    /** Orders ignored because their item set is empty (cancellations, pure returns). */
    public int ordersEmpty() {
        return ordersEmpty;
    }

    /** Orders ignored because their item set is larger than the basket cap. */
    public int ordersOverMaxBasket() {
        return ordersOverMaxBasket;
    }

    /** Collects order lines; orders are identified by any int key, customers by an int (-1: unknown). */
    public static final class Builder {
        private final int productCount;
        private final int maxBasket;
        private final Int2IntOpenHashMap orderIndex = new Int2IntOpenHashMap();
        private final Int2IntOpenHashMap customerIndex = new Int2IntOpenHashMap();
        private final IntArrayList orderKey = new IntArrayList();
        private final IntArrayList orderCustomer = new IntArrayList();
        private final LongArrayList orderTime = new LongArrayList();
        private final IntArrayList lineOrder = new IntArrayList();
        private final IntArrayList lineProduct = new IntArrayList();
        private final IntArrayList lineQuantity = new IntArrayList();

        private Builder(int productCount, int maxBasket) {
            this.productCount = productCount;
            this.maxBasket = maxBasket;
            orderIndex.defaultReturnValue(-1);
            customerIndex.defaultReturnValue(-1);
        }

        /**
         * Adds a line. Lines of one order may carry different times and customers; the order's time
         * is the earliest, its customer the first known one.
         */
        public Builder line(int order, int customer, long time, int product, int quantity) {
            if (product < 0 || product >= productCount) {
                throw new IllegalArgumentException("product id " + product + " outside 0.." + (productCount - 1));
            }
            int o = orderIndex.get(order);
            int c = customer < 0 ? -1 : customerIndex.computeIfAbsent(customer, k -> customerIndex.size());
            if (o < 0) {
                o = orderKey.size();
                orderIndex.put(order, o);
                orderKey.add(order);
                orderCustomer.add(c);
                orderTime.add(time);
            } else {
                if (time < orderTime.getLong(o)) {
                    orderTime.set(o, time);
                }
                if (orderCustomer.getInt(o) < 0) {
                    orderCustomer.set(o, c);
                }
            }
            lineOrder.add(o);
            lineProduct.add(product);
            lineQuantity.add(quantity);
            return this;
        }

        public Transactions build() {
            int raw = orderKey.size();
            int lines = lineOrder.size();
            // group lines by order
            int[] start = new int[raw + 1];
            for (int i = 0; i < lines; i++) {
                start[lineOrder.getInt(i) + 1]++;
            }
            for (int o = 0; o < raw; o++) {
                start[o + 1] += start[o];
            }
            long[] packed = new long[lines];
            int[] fill = Arrays.copyOf(start, raw);
            for (int i = 0; i < lines; i++) {
                packed[fill[lineOrder.getInt(i)]++] = ((long) lineProduct.getInt(i) << 32)
                        | (lineQuantity.getInt(i) & 0xFFFFFFFFL);
            }
            // net quantities per SKU; keep SKUs with a positive net
            int[] netStart = new int[raw + 1];
            int[] net = new int[lines];
            int size = 0;
            int empty = 0;
            int large = 0;
            boolean[] keep = new boolean[raw];
            for (int o = 0; o < raw; o++) {
                Arrays.sort(packed, start[o], start[o + 1]);
                int begin = size;
                int i = start[o];
                while (i < start[o + 1]) {
                    int product = (int) (packed[i] >>> 32);
                    long sum = 0;
                    while (i < start[o + 1] && (int) (packed[i] >>> 32) == product) {
                        sum += (int) packed[i];
                        i++;
                    }
                    if (sum > 0) {
                        net[size++] = product;
                    }
                }
                int count = size - begin;
                if (count == 0) {
                    empty++;
                } else if (maxBasket > 0 && count > maxBasket) {
                    large++;
                    size = begin;
                } else {
                    keep[o] = true;
                }
                netStart[o + 1] = size;
            }
            // the kept orders, sorted by time (then by order key, for determinism)
            int[] sorted = new int[raw];
            int kept = 0;
            for (int o = 0; o < raw; o++) {
                if (keep[o]) {
                    sorted[kept++] = o;
                }
            }
            long[] times = orderTime.elements();
            int[] keys = orderKey.elements();
            IntArrays.quickSort(sorted, 0, kept, (a, b) -> {
                int byTime = Long.compare(times[a], times[b]);
                return byTime != 0 ? byTime : Integer.compare(keys[a], keys[b]);
            });
            int[] itemStart = new int[kept + 1];
            int[] items = new int[size];
            long[] time = new long[kept];
            int[] customer = new int[kept];
            int at = 0;
            for (int n = 0; n < kept; n++) {
                int o = sorted[n];
                int from = netStart[o];
                int to = netStart[o + 1];
                System.arraycopy(net, from, items, at, to - from);
                at += to - from;
                itemStart[n + 1] = at;
                time[n] = orderTime.getLong(o);
                customer[n] = orderCustomer.getInt(o);
            }
            return new Transactions(productCount, itemStart, Arrays.copyOf(items, at), time, customer,
                    customerIndex.size(), empty, large);
        }
    }
}

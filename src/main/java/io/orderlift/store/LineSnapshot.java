package io.orderlift.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Every order line as one full read of the store visits them ({@link OrderHistory#forEachLineWithCatalog}),
 * packed into one value, with the median sold price (× 10,000) of each product without a list price:
 * what mining and the backtest read, replayed from memory instead of row by row from the tables.
 * Valid for one version of the lines only ({@code line_snapshots.lines_version}).
 *
 * <p>Layout, in {@link Varints}: a format byte; then per order, in increasing id, the id's distance
 * from the previous order's, the customer id + 1 (0 for a guest), the time's distance in
 * milliseconds from the previous order's (signed), the number of lines, and per line the product
 * id and the quantity (signed); then the number of medians and per median the product id and the
 * median.
 */
final class LineSnapshot {

    /** The layout above; a snapshot of another format is not read (the lines are read instead). */
    static final byte FORMAT = 1;

    private final byte[] packed;

    private LineSnapshot(byte[] packed) {
        this.packed = packed;
    }

    /** The snapshot stored as {@code packed}, if it is of this format. */
    static Optional<LineSnapshot> of(byte[] packed) {
        return packed.length > 0 && packed[0] == FORMAT ? Optional.of(new LineSnapshot(packed)) : Optional.empty();
    }

    /** The stored form. */
    byte[] packed() {
        return packed;
    }

    /** Visits every line as the read that wrote it did, and returns the medians it stored, by product id. */
    Map<Integer, Long> replay(OrderHistory.LineVisitor visitor) {
        Varints.Reader reader = new Varints.Reader(packed);
        reader.nextByte();
        int orderCount = reader.unsignedInt();
        int orderId = 0;
        long orderedAt = 0;
        for (int o = 0; o < orderCount; o++) {
            orderId += reader.unsignedInt();
            int customer = reader.unsignedInt() - 1;
            orderedAt += reader.signed();
            int lines = reader.unsignedInt();
            for (int l = 0; l < lines; l++) {
                int product = reader.unsignedInt();
                visitor.line(orderId, customer, orderedAt, product, (int) reader.signed());
            }
        }
        int medianCount = reader.unsignedInt();
        Map<Integer, Long> medians = new HashMap<>(medianCount * 2);
        for (int m = 0; m < medianCount; m++) {
            int product = reader.unsignedInt();
            medians.put(product, reader.signed());
        }
        if (!reader.atEnd()) {
            throw new StoreException("The stored copy of the order lines is damaged; mine again after removing it.");
        }
        return medians;
    }

    /** Packs the lines a read visits, in the order it visits them (grouped by order, orders by increasing id). */
    static final class Writer implements OrderHistory.LineVisitor {
        private final Varints.Writer orders = new Varints.Writer(1 << 16);
        private final IntArrayList products = new IntArrayList();
        private final IntArrayList quantities = new IntArrayList();
        private int orderCount;
        private int previousOrder;
        private long previousTime;
        private int currentOrder = -1;
        private int currentCustomer;
        private long currentTime;

        @Override
        public void line(int orderId, int customerId, long orderedAt, int productId, int quantity) {
            if (orderId != currentOrder) {
                if (orderId <= currentOrder) {
                    throw new IllegalArgumentException("orders must come in increasing id order");
                }
                endOrder();
                currentOrder = orderId;
                currentCustomer = customerId;
                currentTime = orderedAt;
            }
            products.add(productId);
            quantities.add(quantity);
        }

        private void endOrder() {
            if (products.isEmpty()) {
                return;
            }
            orders.unsigned(currentOrder - previousOrder);
            orders.unsigned(currentCustomer + 1L);
            orders.signed(currentTime - previousTime);
            orders.unsigned(products.size());
            for (int i = 0; i < products.size(); i++) {
                orders.unsigned(products.getInt(i));
                orders.signed(quantities.getInt(i));
            }
            orderCount++;
            previousOrder = currentOrder;
            previousTime = currentTime;
            products.clear();
            quantities.clear();
        }

        /** The snapshot of the lines visited, with {@code medians} (product id → median × 10,000). */
        LineSnapshot finish(Map<Integer, Long> medians) {
            endOrder();
            Varints.Writer out = new Varints.Writer(orders.length() + 16 + medians.size() * 8);
            out.unsigned(FORMAT);
            out.unsigned(orderCount);
            byte[] head = out.take();
            Varints.Writer tail = new Varints.Writer(16 + medians.size() * 8);
            tail.unsigned(medians.size());
            medians.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                tail.unsigned(e.getKey());
                tail.signed(e.getValue());
            });
            byte[] body = orders.take();
            byte[] end = tail.take();
            byte[] packed = new byte[head.length + body.length + end.length];
            System.arraycopy(head, 0, packed, 0, head.length);
            System.arraycopy(body, 0, packed, head.length, body.length);
            System.arraycopy(end, 0, packed, head.length + body.length, end.length);
            return new LineSnapshot(packed);
        }
    }
}

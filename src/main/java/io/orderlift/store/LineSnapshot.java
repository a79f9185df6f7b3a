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
 * from the previous order's (from -1, so at least 1), the customer id + 1 (0 for a guest), the
 * time's distance in milliseconds from the previous order's (signed), the number of lines, and per
 * line the product id and the quantity (signed); then a 0 where the next order's distance would be;
 * then per median the product id and the median, to the end.
 */
final class LineSnapshot {

    /** The layout above; a snapshot of another format is not read (the lines are read instead). */
    static final byte FORMAT = 2;

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
        try {
            return replay(new Varints.Reader(packed), visitor);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new StoreException("The store's packed copy of its order lines is damaged; the next import replaces it.", e);
        }
    }

    private static Map<Integer, Long> replay(Varints.Reader reader, OrderHistory.LineVisitor visitor) {
        reader.nextByte();
        int orderId = -1;
        long orderedAt = 0;
        for (int distance = reader.unsignedInt(); distance != 0; distance = reader.unsignedInt()) {
            orderId += distance;
            int customer = reader.unsignedInt() - 1;
            orderedAt += reader.signed();
            int lines = reader.unsignedInt();
            for (int l = 0; l < lines; l++) {
                int product = reader.unsignedInt();
                visitor.line(orderId, customer, orderedAt, product, (int) reader.signed());
            }
        }
        Map<Integer, Long> medians = new HashMap<>();
        while (!reader.atEnd()) {
            int product = reader.unsignedInt();
            medians.put(product, reader.signed());
        }
        return medians;
    }

    /** Packs the lines a read visits, in the order it visits them (grouped by order, orders by increasing id). */
    static final class Writer implements OrderHistory.LineVisitor {
        private final Varints.Writer out = new Varints.Writer(1 << 16);
        private final IntArrayList products = new IntArrayList();
        private final IntArrayList quantities = new IntArrayList();
        private int previousOrder = -1;
        private long previousTime;
        private int currentOrder = -1;
        private int currentCustomer;
        private long currentTime;

        Writer() {
            out.unsigned(FORMAT);
        }

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
            out.unsigned(currentOrder - previousOrder);
            out.unsigned(currentCustomer + 1L);
            out.signed(currentTime - previousTime);
            out.unsigned(products.size());
            for (int i = 0; i < products.size(); i++) {
                out.unsigned(products.getInt(i));
                out.signed(quantities.getInt(i));
            }
            previousOrder = currentOrder;
            previousTime = currentTime;
            products.clear();
            quantities.clear();
        }

        /** The snapshot of the lines visited, with {@code medians} (product id → median × 10,000). */
        LineSnapshot finish(Map<Integer, Long> medians) {
            endOrder();
            out.unsigned(0);
            medians.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                out.unsigned(e.getKey());
                out.signed(e.getValue());
            });
            return new LineSnapshot(out.take());
        }
    }
}

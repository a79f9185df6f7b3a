package io.orderlift.store.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

/**
 * The valid rows of one file gathered column-wise in memory (a few dozen bytes a line), grouped
 * into orders, customers and products, before anything is written. Orders, customers and products
 * get dense indexes in order of first appearance; customers are hashed into their keys as they
 * appear ({@link CustomerKeyHasher}).
 */
final class ParsedOrders implements AutoCloseable {

    final List<String> orderIds = new ArrayList<>();
    /** How to read the file's order times when some were not ISO and a common format reads them all, else null. */
    String dateAdvice;
    /** Per order, the index of its customer in {@link #customerIds}, or -1 for a guest. */
    final IntArrayList orderCustomer = new IntArrayList();
    final LongArrayList orderedAt = new LongArrayList();
    final LongArrayList firstLine = new LongArrayList();
    /** Per order, the index of its first line in the line columns. */
    private final IntArrayList orderStart = new IntArrayList();
    private final LongArrayList lineHashSum = new LongArrayList();
    private final Object2IntOpenHashMap<String> orderIndex = new Object2IntOpenHashMap<>();

    final IntArrayList lineOrder = new IntArrayList();
    final IntArrayList lineProduct = new IntArrayList();
    final IntArrayList lineQuantity = new IntArrayList();
    final LongArrayList linePrice = new LongArrayList();

    final List<String> skus = new ArrayList<>();
    final List<String> titles = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
    final LongArrayList listPrices = new LongArrayList();
    final LongArrayList costs = new LongArrayList();
    private final Object2IntOpenHashMap<String> productIndex = new Object2IntOpenHashMap<>();

    /** Distinct source customer ids (or emails), as written in the file. */
    final List<String> customerIds = new ArrayList<>();
    private final Object2IntOpenHashMap<String> customerIndex = new Object2IntOpenHashMap<>();
    private final CustomerKeyHasher hasher;

    final List<RowProblem> problems = new ArrayList<>();
    /** The file's columns, so that a problem names the column as the file does; set before the first row. */
    ColumnMapping mapping;
    long rowsRead;
    /**
     * Orders the file marks as never purchased (Shopify: cancelled, voided, refunded in full), left out,
     * with the line each starts on.
     */
    Map<String, Long> ordersLeftOut = Map.of();
    /** Lines without a SKU keyed by their title instead (a Shopify export's products without one). */
    long linesKeyedByTitle;
    /** Orders per currency the file's Currency column names (empty without one). */
    Map<String, Long> ordersByCurrency = Map.of();
    /** The charset the file was read in, once it was read to the end. */
    String encoding = "UTF-8";
    private boolean grouped = true;

    /** @param salt the store's customer salt, to hash customer ids with */
    ParsedOrders(byte[] salt) {
        orderIndex.defaultReturnValue(-1);
        productIndex.defaultReturnValue(-1);
        customerIndex.defaultReturnValue(-1);
        hasher = new CustomerKeyHasher(salt);
    }

    /** Adds a valid row, or records a problem if it contradicts an earlier row of its order. */
    void add(OrderRow row) {
        int order = orderOf(row.orderId());
        if (order == orderIds.size()) {
            orderIds.add(row.orderId());
            orderStart.add(lineOrder.size());
            orderCustomer.add(customer(row.customerId()));
            orderedAt.add(row.orderedAt());
            firstLine.add(row.line());
            lineHashSum.add(0);
        } else {
            String known = customerId(order);
            if (!row.customerId().isEmpty() && !known.isEmpty() && !known.equals(row.customerId())) {
                problems.add(new RowProblem(row.line(), columnName(OrderField.CUSTOMER_ID), row.customerId(),
                        "differs from the customer on line " + firstLine.getLong(order)
                                + " for order " + row.orderId()));
                return;
            }
            if (known.isEmpty()) {
                orderCustomer.set(order, customer(row.customerId()));
            }
            if (row.orderedAt() < orderedAt.getLong(order)) {
                orderedAt.set(order, row.orderedAt());
            }
        }
        int product = product(row);
        lineOrder.add(order);
        lineProduct.add(product);
        lineQuantity.add(row.quantity());
        linePrice.add(row.unitPrice());
        long lineHash = Hashing.mix(Hashing.fnv(row.sku()) ^ Hashing.mix(row.quantity() * 31L + row.unitPrice()));
        lineHashSum.set(order, lineHashSum.getLong(order) + lineHash);
    }

    /** The file's name for a field's column (the field's own name before the header was read). */
    String columnName(OrderField field) {
        return mapping == null ? field.key() : mapping.columnName(field);
    }

    /**
     * The index of an order, {@code orderIds.size()} for a new one. Files mostly list an order's
     * lines together, so the previous row's order is tried before the hash table.
     */
    private int orderOf(String orderId) {
        int last = orderIds.size() - 1;
        if (last >= 0 && orderIds.get(last).equals(orderId)) {
            return last;
        }
        int known = orderIndex.putIfAbsent(orderId, orderIds.size());
        if (known >= 0) {
            grouped = false;
            return known;
        }
        return orderIds.size();
    }

    /**
     * True while every order's lines have come one after another in the file, so every order but
     * the last is complete and can be written before the file ends ({@link #chunk}).
     */
    boolean grouped() {
        return grouped;
    }

    /**
     * A copy of the orders {@code from} to {@code to} (exclusive) with their lines, for a writer on
     * another thread; only while {@link #grouped()}, where an order's lines are one range.
     *
     * @param bytesRead how far into the file the reader was, for progress
     */
    OrderChunk chunk(int from, int to, long bytesRead) {
        int n = to - from;
        int firstLineOfChunk = orderStart.getInt(from);
        int end = linesEnd(to - 1);
        int[] lineStart = new int[n + 1];
        int[] customer = new int[n];
        long[] time = new long[n];
        long[] hash = new long[n];
        int[] items = new int[n];
        long[] value = new long[n];
        for (int i = 0; i < n; i++) {
            int o = from + i;
            lineStart[i] = orderStart.getInt(o) - firstLineOfChunk;
            customer[i] = orderCustomer.getInt(o);
            time[i] = orderedAt.getLong(o);
            hash[i] = contentHash(o);
            items[i] = itemCount(null, orderStart.getInt(o), linesEnd(o));
            value[i] = orderValue(null, orderStart.getInt(o), linesEnd(o));
        }
        lineStart[n] = end - firstLineOfChunk;
        hasher.submitPending();
        return new OrderChunk(from, List.copyOf(orderIds.subList(from, to)), customer, time, hash, items, value,
                lineStart, Arrays.copyOfRange(lineProduct.elements(), firstLineOfChunk, end),
                Arrays.copyOfRange(lineQuantity.elements(), firstLineOfChunk, end),
                Arrays.copyOfRange(linePrice.elements(), firstLineOfChunk, end), bytesRead);
    }

    /** Where the lines of a grouped order end: the next order's first line, or the end. */
    private int linesEnd(int order) {
        return order + 1 < orderCount() ? orderStart.getInt(order + 1) : lineCount();
    }

    /**
     * Number of SKUs whose net quantity over the given lines is positive: lines
     * {@code lines[from..to)}, or lines {@code from..to-1} themselves when {@code lines} is null.
     */
    int itemCount(int[] lines, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            int product = lineProduct.getInt(line(lines, k));
            boolean seen = false;
            long net = 0;
            for (int j = from; j < to; j++) {
                if (lineProduct.getInt(line(lines, j)) == product) {
                    if (j < k) {
                        seen = true;
                        break;
                    }
                    net += lineQuantity.getInt(line(lines, j));
                }
            }
            if (!seen && net > 0) {
                count++;
            }
        }
        return count;
    }

    /** Sum of quantity × unit price over the given lines (as for {@link #itemCount}), in units of 1/10,000. */
    long orderValue(int[] lines, int from, int to) {
        long value = 0;
        for (int k = from; k < to; k++) {
            value += lineQuantity.getInt(line(lines, k)) * linePrice.getLong(line(lines, k));
        }
        return value;
    }

    private static int line(int[] lines, int k) {
        return lines == null ? k : lines[k];
    }

    /** The key of customer {@code customer}, waiting for its hashing if need be; any thread. */
    String customerKey(int customer) {
        return hasher.key(customer);
    }

    private int product(OrderRow row) {
        int product = productIndex.putIfAbsent(row.sku(), skus.size());
        if (product < 0) {
            product = skus.size();
            skus.add(row.sku());
            titles.add(row.title());
            categories.add(row.category());
            listPrices.add(row.listPrice());
            costs.add(row.cost());
            return product;
        }
        if (titles.get(product).isEmpty()) {
            titles.set(product, row.title());
        }
        if (categories.get(product).isEmpty()) {
            categories.set(product, row.category());
        }
        if (row.listPrice() != OrderRow.MISSING) {
            listPrices.set(product, row.listPrice());
        }
        if (row.cost() != OrderRow.MISSING) {
            costs.set(product, row.cost());
        }
        return product;
    }

    /** The dense index of a customer id, new ones queued for hashing; -1 for none. */
    private int customer(String customerId) {
        if (customerId.isEmpty()) {
            return -1;
        }
        int customer = customerIndex.putIfAbsent(customerId, customerIds.size());
        if (customer < 0) {
            customer = customerIds.size();
            customerIds.add(customerId);
            hasher.add(customerId);
        }
        return customer;
    }

    /** The source customer id of an order, empty for a guest. */
    String customerId(int order) {
        int customer = orderCustomer.getInt(order);
        return customer < 0 ? "" : customerIds.get(customer);
    }

    /**
     * The customer key of every customer in {@link #customerIds} (null for one that is blank once
     * trimmed); waits for the hashing that ran while the file was read.
     */
    String[] customerKeys() {
        return hasher.keys();
    }

    int orderCount() {
        return orderIds.size();
    }

    int lineCount() {
        return lineOrder.size();
    }

    /**
     * A fingerprint of the order's content: its lines (SKU, quantity, unit price, in any order),
     * customer and time. Two imports of the same order give the same hash.
     */
    long contentHash(int order) {
        return Hashing.mix(lineHashSum.getLong(order)
                ^ Hashing.mix(Hashing.fnv(customerId(order)) + 0x9E3779B97F4A7C15L * orderedAt.getLong(order)));
    }

    /** Line indexes grouped by order: the lines of order {@code o} are {@code lines[start[o]..start[o+1])}. */
    record LinesByOrder(int[] start, int[] lines) {

        /** The number of lines of order {@code o}. */
        int count(int o) {
            return start[o + 1] - start[o];
        }
    }

    /** The line indexes of each order. */
    LinesByOrder linesByOrder() {
        int orders = orderCount();
        int[] start = new int[orders + 1];
        for (int i = 0; i < lineCount(); i++) {
            start[lineOrder.getInt(i) + 1]++;
        }
        for (int o = 0; o < orders; o++) {
            start[o + 1] += start[o];
        }
        int[] fill = Arrays.copyOf(start, orders);
        int[] lines = new int[lineCount()];
        for (int i = 0; i < lineCount(); i++) {
            lines[fill[lineOrder.getInt(i)]++] = i;
        }
        return new LinesByOrder(start, lines);
    }

    /** Stops the hashing thread. */
    @Override
    public void close() {
        hasher.close();
    }
}

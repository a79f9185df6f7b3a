package io.orderlift.store.imports;

import java.util.ArrayList;
import java.util.List;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

/**
 * The valid rows of one file gathered column-wise in memory (a few dozen bytes a line), grouped
 * into orders and products, before anything is written. Orders and products get dense indexes in
 * order of first appearance.
 */
final class ParsedOrders {

    final List<String> orderIds = new ArrayList<>();
    final List<String> customers = new ArrayList<>();
    final LongArrayList orderedAt = new LongArrayList();
    final LongArrayList firstLine = new LongArrayList();
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

    final List<RowProblem> problems = new ArrayList<>();
    long rowsRead;

    ParsedOrders() {
        orderIndex.defaultReturnValue(-1);
        productIndex.defaultReturnValue(-1);
    }

    /** Adds a valid row, or records a problem if it contradicts an earlier row of its order. */
    void add(OrderRow row) {
        int order = orderIndex.getInt(row.orderId());
        if (order < 0) {
            order = orderIds.size();
            orderIndex.put(row.orderId(), order);
            orderIds.add(row.orderId());
            customers.add(row.customerId());
            orderedAt.add(row.orderedAt());
            firstLine.add(row.line());
            lineHashSum.add(0);
        } else {
            String known = customers.get(order);
            if (!row.customerId().isEmpty() && !known.isEmpty() && !known.equals(row.customerId())) {
                problems.add(new RowProblem(row.line(), OrderField.CUSTOMER_ID.key(), row.customerId(),
                        "differs from the customer on line " + firstLine.getLong(order)
                                + " for order " + row.orderId()));
                return;
            }
            if (known.isEmpty()) {
                customers.set(order, row.customerId());
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

    private int product(OrderRow row) {
        int product = productIndex.getInt(row.sku());
        if (product < 0) {
            product = skus.size();
            productIndex.put(row.sku(), product);
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
                ^ Hashing.mix(Hashing.fnv(customers.get(order)) + 0x9E3779B97F4A7C15L * orderedAt.getLong(order)));
    }

    /** Line indexes grouped by order: lines of order {@code o} are {@code lines[start[o]..start[o+1])}. */
    int[][] linesByOrder() {
        int orders = orderCount();
        int[] start = new int[orders + 1];
        for (int i = 0; i < lineCount(); i++) {
            start[lineOrder.getInt(i) + 1]++;
        }
        for (int o = 0; o < orders; o++) {
            start[o + 1] += start[o];
        }
        int[] fill = java.util.Arrays.copyOf(start, orders);
        int[] lines = new int[lineCount()];
        for (int i = 0; i < lineCount(); i++) {
            lines[fill[lineOrder.getInt(i)]++] = i;
        }
        return new int[][] {start, lines};
    }
}

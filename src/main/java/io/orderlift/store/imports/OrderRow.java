package io.orderlift.store.imports;

/**
 * One valid order line read from a file, before it is written to the store.
 *
 * @param line       physical line of the file (1-based)
 * @param orderId    the order's id in the source system
 * @param customerId the source customer id or email, empty when unknown
 * @param orderedAt  epoch milliseconds, UTC
 * @param sku        trimmed SKU (case matters)
 * @param title      product title, possibly empty
 * @param category   product category, possibly empty
 * @param quantity   non-zero; negative for a return
 * @param unitPrice  price in units of 1/10,000
 * @param listPrice  list price in units of 1/10,000, or {@link #MISSING}
 * @param cost       cost in units of 1/10,000, or {@link #MISSING}
 */
public record OrderRow(long line, String orderId, String customerId, long orderedAt, String sku,
                       String title, String category, int quantity, long unitPrice, long listPrice, long cost) {

    /** Marks an optional money value that the file does not give. */
    public static final long MISSING = Values.MISSING;
}

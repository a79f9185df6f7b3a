package io.orderlift.store.imports;

import java.util.List;

/**
 * Complete orders with their lines, copied out of {@link ParsedOrders} for a writer on another
 * thread ({@link StreamingWriter}). Order {@code i} of the chunk is order {@code firstOrder + i} of
 * the file; its lines are {@code lineStart[i] .. lineStart[i + 1] - 1} of the line columns.
 *
 * @param customer  per order, the file's customer index, or -1 for a guest
 * @param orderedAt per order, epoch milliseconds UTC
 * @param itemCount per order, SKUs with a positive net quantity
 * @param value     per order, Σ quantity × unit price in units of 1/10,000
 * @param product   per line, the file's product index
 * @param unitPrice per line, in units of 1/10,000
 * @param bytesRead how far the reader was into the file when it handed the chunk over
 */
record OrderChunk(int firstOrder, List<String> externalIds, int[] customer, long[] orderedAt, long[] contentHash,
                  int[] itemCount, long[] value, int[] lineStart, int[] product, int[] quantity, long[] unitPrice,
                  long bytesRead) {

    int orders() {
        return externalIds.size();
    }

    int lines() {
        return product.length;
    }
}

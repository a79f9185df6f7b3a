package io.orderlift.store.imports;

import java.util.List;

/**
 * What an import did. The JSON field names are read by outside checks: keep them.
 *
 * @param file             the file name
 * @param format           {@code generic} or {@code shopify}
 * @param unchanged        true when the store already held everything in the file and nothing was written
 * @param rowsRead         data rows read (without the header)
 * @param orders           orders added
 * @param ordersReplaced   orders overwritten ({@code --replace})
 * @param ordersUnchanged  orders already in the store with the same content
 * @param lines            order lines written
 * @param products         products new to the store
 * @param customers        customers new to the store
 * @param skippedRows      rows left out with {@code --skip-bad-rows}, and why
 * @param batchId          the import batch recorded in the store, or 0 when nothing was written
 * @param encoding         the charset the file was read in ({@code UTF-8}, or {@code windows-1252} for a
 *                         file that is not UTF-8, or the one given with {@code --encoding})
 * @param ordersLeftOut    orders the file marks as never purchased, not imported (Shopify: cancelled,
 *                         voided, expired or refunded in full)
 * @param ordersRemoved    of those, orders an earlier import had stored, removed ({@code --replace})
 * @param linesKeyedByTitle lines read without a SKU and keyed by their title instead (a Shopify export's
 *                         products without one: an empty {@code Lineitem sku}, keyed by {@code Lineitem name})
 */
public record ImportReport(String file, String format, boolean unchanged, long rowsRead, int orders,
                           int ordersReplaced, int ordersUnchanged, int lines, int products, int customers,
                           List<RowProblem> skippedRows, int batchId, String encoding, int ordersLeftOut,
                           int ordersRemoved, long linesKeyedByTitle) {

    public ImportReport {
        skippedRows = List.copyOf(skippedRows);
    }
}

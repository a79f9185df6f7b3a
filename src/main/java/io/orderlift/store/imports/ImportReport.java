package io.orderlift.store.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.orderlift.common.Counted;

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
 * @param ordersByCurrency orders read per ISO 4217 code in the file's {@code Currency} column, most first
 *                         (empty when the file has no such column)
 */
public record ImportReport(String file, String format, boolean unchanged, long rowsRead, int orders,
                           int ordersReplaced, int ordersUnchanged, int lines, int products, int customers,
                           List<RowProblem> skippedRows, int batchId, String encoding, int ordersLeftOut,
                           int ordersRemoved, long linesKeyedByTitle, Map<String, Long> ordersByCurrency) {

    public ImportReport {
        skippedRows = List.copyOf(skippedRows);
        Map<String, Long> mostFirst = new LinkedHashMap<>();
        ordersByCurrency.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
        ordersByCurrency = Collections.unmodifiableMap(mostFirst);
    }

    /** The currency most of the file's orders name, when it has a Currency column. */
    public Optional<String> mainCurrency() {
        return ordersByCurrency.keySet().stream().findFirst();
    }

    /**
     * A warning when the file's prices are not all in the store's currency: its orders name several
     * currencies, or one other than {@code storeCurrency} (null when the store has none yet).
     */
    public Optional<String> currencyWarning(String storeCurrency) {
        if (ordersByCurrency.size() > 1) {
            List<String> each = new ArrayList<>();
            ordersByCurrency.forEach((code, n) -> each.add(code + " in " + Counted.of(n, "order")));
            return Optional.of(String.format("Orders in %d currencies (%s): prices are read as written, so order"
                    + " values mix them; a product's price, the median of its lines, stays in %s where most of its"
                    + " lines are. Import each currency's orders into a store of its own for figures in one currency.",
                    ordersByCurrency.size(), String.join(", ", each), mainCurrency().orElseThrow()));
        }
        return mainCurrency().filter(code -> storeCurrency != null && !code.equals(storeCurrency))
                .map(code -> String.format("Orders in %s, the store's currency is %s: their prices are read as %s.",
                        code, storeCurrency, storeCurrency));
    }
}

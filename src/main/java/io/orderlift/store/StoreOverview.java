package io.orderlift.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The store at a glance. JSON field names are read by outside checks: keep them.
 *
 * @param name         the store's name (its directory name)
 * @param orders       all orders in the store
 * @param lines        all order lines
 * @param products     products in the catalog
 * @param customers    distinct (pseudonymous) customers
 * @param firstOrderAt time of the earliest order, or null for an empty store
 * @param lastOrderAt  time of the latest order, or null for an empty store
 * @param aov          average order value over orders with at least one item (net quantity > 0)
 * @param imports      the import history, newest first
 * @param lastMining   the active mining run, or null when the store was never mined
 * @param currency     the store's currency code (ISO 4217), or null when not known
 */
public record StoreOverview(String name, long orders, long lines, long products, long customers,
                            Instant firstOrderAt, Instant lastOrderAt, BigDecimal aov, List<ImportBatch> imports,
                            MiningRun lastMining, String currency) {

    public StoreOverview {
        imports = List.copyOf(imports);
    }

    /** True when no order has been imported yet. */
    public boolean noOrders() {
        return orders == 0;
    }
}

package io.orderlift.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The store at a glance. JSON field names are read by outside checks: keep them.
 *
 * @param name         the store's name (its directory name)
 * @param orders       all orders in the store
 * @param lines        all order lines
 * @param products     products in the catalog
 * @param customers    distinct (pseudonymous) customers
 * @param guestOrders  orders without a customer (guests): no pair counts them toward the privacy floor,
 *                     and they have no follow-on purchases
 * @param firstOrderAt time of the earliest order, or null for an empty store
 * @param lastOrderAt  time of the latest order, or null for an empty store
 * @param aov          average order value over orders with at least one item (net quantity > 0)
 * @param imports      the import history, newest first
 * @param lastMining   the active mining run, or null when the store was never mined
 * @param currency     the store's currency code (ISO 4217), or null when not known
 */
public record StoreOverview(String name, long orders, long lines, long products, long customers,
                            long guestOrders, Instant firstOrderAt, Instant lastOrderAt, BigDecimal aov,
                            List<ImportBatch> imports, MiningRun lastMining, String currency) {

    public StoreOverview {
        imports = List.copyOf(imports);
    }

    /** "1,100 guest orders (37 %)", or empty when every order has a customer. */
    public Optional<String> guestOrdersInWords() {
        return guestOrders == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "%,d guest order%s (%.0f %%)",
                guestOrders, guestOrders == 1 ? "" : "s", 100.0 * guestOrders / orders));
    }

    /** "6 % guests" ("under 1 % …"): the share of guest orders, or empty when every order has a customer. */
    public Optional<String> guestShareInWords() {
        double percent = orders == 0 ? 0 : 100.0 * guestOrders / orders;
        return guestOrders == 0 ? Optional.empty() : Optional.of(percent < 1 ? "under 1 % guests"
                : String.format(Locale.ROOT, "%.0f %% guests", percent));
    }

    /** True when no order has been imported yet. */
    public boolean noOrders() {
        return orders == 0;
    }
}

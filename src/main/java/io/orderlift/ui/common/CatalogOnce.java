package io.orderlift.ui.common;

import java.util.List;

import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;

/**
 * One store's catalog, read at most once however many views ask for it: the workbench makes one
 * per reload (a store opened, an import, a mining run) and hands it to every view that lists
 * products. On a store without list prices the catalog is a scan of every line for median prices
 * (0.2–1.3 s on a 22,000-SKU store); read per view, three views read it three times, one after
 * another behind the store's read lock. The first view to ask reads it; the others wait for that
 * read and share its result.
 */
public final class CatalogOnce {

    private final Store store;
    private List<OrderHistory.CatalogEntry> entries;

    public CatalogOnce(Store store) {
        this.store = store;
    }

    /** The store this catalog is read from. */
    public Store store() {
        return store;
    }

    /** The catalog as {@link OrderHistory#catalog()} reads it, read on the first call. */
    public synchronized List<OrderHistory.CatalogEntry> entries() {
        if (entries == null) {
            entries = List.copyOf(new OrderHistory(store).catalog());
        }
        return entries;
    }
}

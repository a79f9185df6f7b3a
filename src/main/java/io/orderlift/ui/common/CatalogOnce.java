package io.orderlift.ui.common;

import java.util.List;

import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;

/**
 * One store's catalog, read at most once however many views ask for it: the workbench makes one
 * per reload (a store opened, an import, a mining run) and hands it to every view that lists
 * products. On a store without list prices the catalog is a scan of every line for median prices
 * (0.2–1.3 s on a 22,000-SKU store, 6–16 s on 7.9 M lines) unless the store's mining run holds the
 * medians of the lines as they are; read per view, three views read it three times, one after
 * another behind the store's read lock. The first view to ask reads it; the others wait for that
 * read and share its result. The sold-price spreads the Exclusions view suggests charge lines from
 * come from the same scan where the catalog needs one.
 */
public final class CatalogOnce {

    private final Store store;
    private final Object entriesLock = new Object();
    private final Object spreadsLock = new Object();
    private List<OrderHistory.CatalogEntry> entries;
    private volatile List<OrderHistory.SoldPriceSpread> spreads;

    public CatalogOnce(Store store) {
        this.store = store;
    }

    /** The store this catalog is read from. */
    public Store store() {
        return store;
    }

    /** The catalog as {@link OrderHistory#catalog()} reads it, read on the first call. */
    public List<OrderHistory.CatalogEntry> entries() {
        synchronized (entriesLock) {
            if (entries == null) {
                OrderHistory.CatalogRead read = new OrderHistory(store).catalogAndSpreadsIfScanned();
                entries = List.copyOf(read.catalog());
                if (read.spreads() != null) {
                    spreads = List.copyOf(read.spreads());
                }
            }
            return entries;
        }
    }

    /**
     * Every product's sold-price spread ({@link OrderHistory#soldPriceSpreads()}): from the catalog's
     * own scan where it took one (a store without list prices), else from a scan of its own, once.
     * A view reading the catalog meanwhile does not wait for it.
     */
    public List<OrderHistory.SoldPriceSpread> spreads() {
        synchronized (spreadsLock) {
            if (spreads == null) {
                entries();
            }
            if (spreads == null) {
                spreads = List.copyOf(new OrderHistory(store).soldPriceSpreads());
            }
            return spreads;
        }
    }
}

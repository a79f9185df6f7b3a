package io.orderlift.store;

/** The store has no mining run yet: what needs pair statistics cannot be done, and says how to get them. */
public final class NotMinedException extends StoreException {

    public NotMinedException() {
        super("The store has not been mined yet: run 'orderlift mine --store DIR' first.");
    }
}

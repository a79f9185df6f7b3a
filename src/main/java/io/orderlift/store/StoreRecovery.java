package io.orderlift.store;

import java.util.logging.Logger;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What opening a store does about writes a crash cut short (docs/reliability.md). Each such write
 * commits a mark setting before it and removes the mark when it commits; a mark found on open names
 * the write that never finished, and what to undo of it.
 */
final class StoreRecovery {

    private static final Logger LOG = Logger.getLogger(StoreRecovery.class.getName());

    private StoreRecovery() {
    }

    /** Undoes, in turn, each unfinished write whose mark {@code store} holds. */
    static void afterOpen(Store store) {
        if (store.setting(Store.IMPORT_IN_PROGRESS).isPresent()) {
            store.discardInterruptedImport();
        }
        store.setting(Store.IMPORT_ABOVE).ifPresent(mark -> discardUncommittedImport(store, mark));
        if (store.setting(PairStatisticsStore.SAVING_RUN).isPresent()) {
            discardUncommittedRun(store);
        }
    }

    /**
     * Deletes what an import into a store with orders left behind without committing: the rows
     * above the {@link Store#IMPORT_ABOVE} mark {@code text}, and the mark, in one transaction.
     */
    private static void discardUncommittedImport(Store store, String text) {
        int removed = store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            int orders = ImportWatermark.parse(text).map(mark -> mark.deleteAbove(ctx)).orElse(0);
            Store.removeSetting(ctx, Store.IMPORT_ABOVE);
            return orders;
        });
        if (removed > 0) {
            LOG.warning(() -> store.name() + ": removed " + removed + " orders an interrupted import left uncommitted");
        }
    }

    /** Undoes what a mining run's save that never committed left ({@link PairStatisticsStore#discardUncommittedRun}). */
    private static void discardUncommittedRun(Store store) {
        if (store.write(configuration -> PairStatisticsStore.discardUncommittedRun(DSL.using(configuration)))) {
            LOG.warning(() -> store.name() + ": an interrupted mining run left the active run incomplete; it was"
                    + " removed, and the store needs mining again");
        }
    }
}

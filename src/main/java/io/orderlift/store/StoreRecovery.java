package io.orderlift.store;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import io.orderlift.common.Counted;
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

    /**
     * Undoes, in turn, each unfinished write whose mark {@code store} holds; returns what it undid,
     * one sentence each, for the person who opened the store.
     */
    static List<String> afterOpen(Store store) {
        List<String> undone = new ArrayList<>();
        store.setting(Store.IMPORT_IN_PROGRESS).ifPresent(file -> {
            store.discardInterruptedImport();
            LOG.warning(() -> store.name() + ": removed the orders of an interrupted import of " + file);
            undone.add("The import of " + file + " was interrupted; the orders it had written were removed, and the"
                    + " store is as it was before it. Import the file again.");
        });
        store.setting(Store.IMPORT_ABOVE).ifPresent(mark -> {
            Undone interrupted = discardUncommittedImport(store, mark);
            if (interrupted.any()) {
                undone.add(String.format("An import was interrupted; %s, and the store is as it was before it. Import"
                        + " the file again.", interrupted.inWords()));
            }
        });
        if (store.setting(PairStatisticsStore.SAVING_RUN).isPresent() && discardUncommittedRun(store)) {
            undone.add("A mining run was interrupted and left the store's pairs incomplete; they were removed. Mine"
                    + " the store again.");
        }
        return List.copyOf(undone);
    }

    /**
     * What the open undid of an interrupted import: orders it had added, removed; orders it had deleted
     * and products it had changed, put back.
     */
    private record Undone(int removed, ImportUndo.Restored restored) {

        boolean any() {
            return removed > 0 || restored.orders() > 0 || restored.products() > 0;
        }

        /** "the 2 orders it had left were removed, the 1 order it had deleted was put back and …". */
        String inWords() {
            List<String> parts = new ArrayList<>();
            addIfAny(parts, removed, "order", "it had left", "removed");
            addIfAny(parts, restored.orders(), "order", "it had deleted", "put back");
            addIfAny(parts, restored.products(), "product", "it had changed", "restored");
            int last = parts.size() - 1;
            return last == 0 ? parts.get(0) : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
        }

        /** Adds "the 1 order it had left was removed", "the 2 orders it had left were removed", unless n is 0. */
        private static void addIfAny(List<String> parts, int n, String noun, String which, String done) {
            if (n > 0) {
                parts.add(String.format("the %s %s %s %s", Counted.of(n, noun), which, n == 1 ? "was" : "were", done));
            }
        }
    }

    /**
     * Undoes what an import into a store with orders left behind without committing, in one transaction:
     * deletes the rows above the {@link Store#IMPORT_ABOVE} mark {@code text}, puts back what it kept in
     * {@link ImportUndo}, and removes the mark.
     */
    private static Undone discardUncommittedImport(Store store, String text) {
        Undone undone = store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            int removed = ImportWatermark.parse(text).map(mark -> mark.deleteAbove(ctx)).orElse(0);
            ImportUndo.Restored restored = ImportUndo.restore(ctx);
            Store.removeSetting(ctx, Store.IMPORT_ABOVE);
            return new Undone(removed, restored);
        });
        if (undone.any()) {
            LOG.warning(() -> store.name() + ": undid an interrupted import that never committed: " + undone.inWords());
        }
        return undone;
    }

    /**
     * Undoes what a mining run's save that never committed left ({@link
     * PairStatisticsStore#discardUncommittedRun}); returns whether the active run was removed.
     */
    private static boolean discardUncommittedRun(Store store) {
        boolean removed = store.write(configuration -> PairStatisticsStore.discardUncommittedRun(
                DSL.using(configuration)));
        if (removed) {
            LOG.warning(() -> store.name() + ": an interrupted mining run left the active run incomplete; it was"
                    + " removed, and the store needs mining again");
        }
        return removed;
    }
}

package io.orderlift.store.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.orderlift.store.LazyScan;
import org.jooq.DSLContext;

import static io.orderlift.store.db.Tables.ORDERS;

/**
 * What an import does with each order of the file, decided before anything is written: an order the
 * store lacks is added; one it holds with the same content (lines, customer, time) is kept as it is;
 * one it holds with other content is replaced with {@code --replace} and refused otherwise, every such
 * order named in one rejection. An order the store holds that the file marks as never purchased
 * (cancelled or refunded in full, {@link ShopifyOrderStatus}) has changed too: it is removed with
 * {@code --replace} and refused otherwise.
 */
final class ImportPlan {

    /** What happens to one order of the file. */
    enum OrderAction { ADD, KEEP, REPLACE }

    /** An order already in the store: its id, content hash and line range. */
    record ExistingOrder(int id, long contentHash, long firstLineId, int lineCount) {
    }

    private final OrderAction[] actions;
    /** Per order of the file, the store's order it replaces (null unless REPLACE). */
    private final ExistingOrder[] replacing;
    /** The store's orders that the file withdraws (marks as never purchased), removed. */
    private final List<ExistingOrder> removing;
    private final int added;
    private final int replaced;
    private final int unchanged;

    private ImportPlan(OrderAction[] actions, ExistingOrder[] replacing, List<ExistingOrder> removing, int added,
                       int replaced, int unchanged) {
        this.actions = actions;
        this.replacing = replacing;
        this.removing = List.copyOf(removing);
        this.added = added;
        this.replaced = replaced;
        this.unchanged = unchanged;
    }

    /** Compares {@code parsed} with the store's orders; throws {@link ImportRejectedException} on conflicts. */
    static ImportPlan of(DSLContext ctx, ParsedOrders parsed, ImportRequest request) {
        Set<String> named = new HashSet<>(parsed.orderIds);
        named.addAll(parsed.ordersLeftOut.keySet());
        Map<String, ExistingOrder> existing = existingOrders(ctx, named);
        OrderAction[] actions = new OrderAction[parsed.orderCount()];
        ExistingOrder[] replacing = new ExistingOrder[actions.length];
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        List<RowProblem> conflicts = new ArrayList<>();
        for (int o = 0; o < actions.length; o++) {
            ExistingOrder known = existing.get(parsed.orderIds.get(o));
            if (known == null) {
                actions[o] = OrderAction.ADD;
                added++;
            } else if (known.contentHash() == parsed.contentHash(o)) {
                actions[o] = OrderAction.KEEP;
                unchanged++;
            } else if (request.replace()) {
                actions[o] = OrderAction.REPLACE;
                replacing[o] = known;
                replaced++;
            } else {
                conflicts.add(new RowProblem(parsed.firstLine.getLong(o), parsed.columnName(OrderField.ORDER_ID),
                        parsed.orderIds.get(o), "this order is already in the store with different lines,"
                        + " customer or time (import with --replace to overwrite it)"));
            }
        }
        List<ExistingOrder> removing = new ArrayList<>();
        parsed.ordersLeftOut.forEach((orderId, line) -> {
            ExistingOrder known = existing.get(orderId);
            if (known == null) {
                return;
            }
            if (request.replace()) {
                removing.add(known);
            } else {
                conflicts.add(new RowProblem(line, parsed.columnName(OrderField.ORDER_ID), orderId, "this order is in"
                        + " the store, and the file marks it cancelled or refunded in full (import with --replace to"
                        + " remove it)"));
            }
        });
        if (!conflicts.isEmpty()) {
            throw new ImportRejectedException(request.fileName(), conflicts, conflicts.size());
        }
        return new ImportPlan(actions, replacing, removing, added, replaced, unchanged);
    }

    /**
     * The store's orders among {@code named}, by source id: one streamed scan ({@link LazyScan}, as the
     * source id has no index), holding only the orders the file names.
     */
    private static Map<String, ExistingOrder> existingOrders(DSLContext ctx, Set<String> named) {
        Map<String, ExistingOrder> known = new HashMap<>();
        String scan = ctx.select(ORDERS.EXTERNAL_ID, ORDERS.ID, ORDERS.CONTENT_HASH, ORDERS.FIRST_LINE_ID,
                ORDERS.LINE_COUNT).from(ORDERS).getSQL();
        ctx.connection(connection -> LazyScan.each(connection, scan, row -> {
            String id = row.getString(1);
            if (named.contains(id)) {
                known.put(id, new ExistingOrder(row.getInt(2), row.getLong(3), row.getLong(4), row.getInt(5)));
            }
        }));
        return known;
    }

    /** Whether order {@code o} of the file is written (added or replacing). */
    boolean writes(int o) {
        return actions[o] != OrderAction.KEEP;
    }

    int orders() {
        return actions.length;
    }

    int added() {
        return added;
    }

    int replaced() {
        return replaced;
    }

    int unchanged() {
        return unchanged;
    }

    /** Whether the import changes nothing (every order is already in the store as it is). */
    boolean changesNothing() {
        return added == 0 && replaced == 0 && removing.isEmpty();
    }

    /** The store's orders the file withdraws, to remove. */
    List<ExistingOrder> removing() {
        return removing;
    }

    /** The store's orders to delete before writing: those replaced and those the file withdraws. */
    List<ExistingOrder> deleting() {
        List<ExistingOrder> gone = new ArrayList<>(removing);
        for (ExistingOrder replaced : replacing) {
            if (replaced != null) {
                gone.add(replaced);
            }
        }
        return gone;
    }
}

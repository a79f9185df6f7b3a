package io.orderlift.store.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.orderlift.store.LazyScan;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.jooq.DSLContext;

import static io.orderlift.store.db.Tables.CUSTOMERS;

/** The store ids of the customers of an import's written orders. */
final class CustomerNumbering {

    private CustomerNumbering() {
    }

    /** Customers new to the store: their keys, with ids from {@code firstId} on. */
    record NewCustomers(List<String> keys, int firstId) {
    }

    /**
     * Gives every written order's customer its store id, customers new to the store the next free
     * ids in order of first appearance (so they append to the table's primary key). The keys were
     * hashed while the file was read. Nothing is written.
     */
    static NewCustomers assign(DSLContext ctx, ParsedOrders parsed, ImportPlan plan, int[] customerIds) {
        String[] keys = parsed.customerKeys();
        Object2IntOpenHashMap<String> ids = knownIds(ctx, keys);
        int[] idOfCustomer = new int[keys.length];
        Arrays.fill(idOfCustomer, -1);
        int first = StoreWriter.nextId(ctx, CUSTOMERS.ID);
        List<String> fresh = new ArrayList<>();
        for (int o = 0; o < customerIds.length; o++) {
            int customer = parsed.orderCustomer.getInt(o);
            if (!plan.writes(o) || customer < 0 || keys[customer] == null) {
                customerIds[o] = -1;
                continue;
            }
            if (idOfCustomer[customer] < 0) {
                int id = ids.getInt(keys[customer]);
                if (id < 0) {
                    id = first + fresh.size();
                    ids.put(keys[customer], id);
                    fresh.add(keys[customer]);
                }
                idOfCustomer[customer] = id;
            }
            customerIds[o] = idOfCustomer[customer];
        }
        return new NewCustomers(fresh, first);
    }

    /**
     * The store ids of the customers among {@code keys} that it knows, -1 for any other: one streamed scan
     * ({@link LazyScan}; customer keys have no index), holding only the file's customers.
     */
    private static Object2IntOpenHashMap<String> knownIds(DSLContext ctx, String[] keys) {
        Set<String> named = new HashSet<>(Arrays.asList(keys));
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        String scan = ctx.select(CUSTOMERS.CUSTOMER_KEY, CUSTOMERS.ID).from(CUSTOMERS).getSQL();
        ctx.connection(connection -> LazyScan.each(connection, scan, row -> {
            String key = row.getString(1);
            if (named.contains(key)) {
                ids.put(key, row.getInt(2));
            }
        }));
        return ids;
    }
}

package io.orderlift.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;

/**
 * A small mined store whose answers are known, for view-model tests without a window: a $300 tent
 * bought with $10 stakes in 60 of 100 orders and with a $50 footprint in 30, so that ranking by
 * acceptance (w = 0) puts the stakes first and ranking by revenue (w = 1) the footprint; 100 orders
 * of socks alone give the base rates.
 */
public final class MinedTestStore {

    public static final String TENT = "TENT";
    public static final String STAKES = "STAKES";
    public static final String FOOTPRINT = "FOOTPRINT";

    private MinedTestStore() {
    }

    /** Creates, imports and mines the store in {@code folder}. */
    public static Store create(Path folder) throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int o = 0; o < 100; o++) {
            String order = "T" + o;
            String time = String.format("2025-%02d-%02dT10:00:00Z", 1 + o % 6, 1 + o % 28);
            line(csv, order, "C" + o, time, TENT, "Two-person tent", "Tents", "300");
            if (o % 10 < 6) {
                line(csv, order, "C" + o, time, STAKES, "Tent stakes", "Accessories", "10");
            }
            if (o % 10 >= 6 && o % 10 < 9) {
                line(csv, order, "C" + o, time, FOOTPRINT, "Tent footprint", "Accessories", "50");
            }
            line(csv, "S" + o, "D" + o, time, "SOCKS", "Hiking socks", "Clothing", "5");
        }
        Path file = Files.writeString(folder.resolve("orders.csv"), csv.toString());
        Store store = Store.openOrCreate(folder.resolve("store"));
        new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
        new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
        return store;
    }

    private static void line(StringBuilder csv, String order, String customer, String time, String sku, String title,
                             String category, String price) {
        csv.append(order).append(',').append(customer).append(',').append(time).append(',').append(sku).append(',')
                .append(title).append(',').append(category).append(",1,").append(price).append('\n');
    }
}

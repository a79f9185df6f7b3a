package io.orderlift.store.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import io.orderlift.store.KeyedRows;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import static io.orderlift.store.db.Tables.PRODUCTS;

/** The import's products: new ones inserted, known ones updated where the file says more. */
final class ProductUpdates {

    /** Runs a statement's batch the way the write mode asks (and commits it when writing in chunks). */
    @FunctionalInterface
    interface BatchRunner {
        void run(PreparedStatement statement) throws SQLException;
    }

    private ProductUpdates() {
    }

    /**
     * Inserts the file's new products and updates the known ones whose title, category, list price or
     * cost the file gives anew (a blank value keeps the stored one); fills {@code productIds} by the
     * file's product index; returns how many are new.
     */
    static int write(DSLContext ctx, Connection connection, ParsedOrders parsed, int[] productIds, BatchRunner flush)
            throws SQLException {
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        Map<String, Record> rows = new HashMap<>();
        for (Condition among : KeyedRows.among(ctx, PRODUCTS, PRODUCTS.SKU, parsed.skus)) {
            for (Record r : ctx.select(PRODUCTS.ID, PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY,
                    PRODUCTS.LIST_PRICE, PRODUCTS.COST).from(PRODUCTS).where(among).fetch()) {
                ids.put(r.get(PRODUCTS.SKU), r.get(PRODUCTS.ID).intValue());
                rows.put(r.get(PRODUCTS.SKU), r);
            }
        }
        int next = StoreWriter.nextId(ctx, PRODUCTS.ID);
        int created = 0;
        String insert = OrderRows.insertSql(PRODUCTS, List.of(PRODUCTS.ID, PRODUCTS.SKU, PRODUCTS.TITLE,
                PRODUCTS.CATEGORY, PRODUCTS.LIST_PRICE, PRODUCTS.COST));
        String update = ctx.update(PRODUCTS).set(PRODUCTS.TITLE, (String) null).set(PRODUCTS.CATEGORY, (String) null)
                .set(PRODUCTS.LIST_PRICE, (BigDecimal) null).set(PRODUCTS.COST, (BigDecimal) null)
                .where(PRODUCTS.ID.eq((Integer) null)).getSQL();
        try (PreparedStatement ins = connection.prepareStatement(insert);
             PreparedStatement upd = connection.prepareStatement(update)) {
            for (int p = 0; p < parsed.skus.size(); p++) {
                String sku = parsed.skus.get(p);
                String title = emptyToNull(parsed.titles.get(p));
                String category = emptyToNull(parsed.categories.get(p));
                BigDecimal list = money(parsed.listPrices.getLong(p));
                BigDecimal cost = money(parsed.costs.getLong(p));
                int id = ids.getInt(sku);
                if (id < 0) {
                    id = next++;
                    created++;
                    ins.setInt(1, id);
                    ins.setString(2, sku);
                    ins.setString(3, title);
                    ins.setString(4, category);
                    ins.setBigDecimal(5, list);
                    ins.setBigDecimal(6, cost);
                    ins.addBatch();
                } else {
                    Record old = rows.get(sku);
                    String newTitle = title != null ? title : old.get(PRODUCTS.TITLE);
                    String newCategory = category != null ? category : old.get(PRODUCTS.CATEGORY);
                    BigDecimal newList = list != null ? list : old.get(PRODUCTS.LIST_PRICE);
                    BigDecimal newCost = cost != null ? cost : old.get(PRODUCTS.COST);
                    if (!Objects.equals(newTitle, old.get(PRODUCTS.TITLE))
                            || !Objects.equals(newCategory, old.get(PRODUCTS.CATEGORY))
                            || !sameMoney(newList, old.get(PRODUCTS.LIST_PRICE))
                            || !sameMoney(newCost, old.get(PRODUCTS.COST))) {
                        upd.setString(1, newTitle);
                        upd.setString(2, newCategory);
                        upd.setBigDecimal(3, newList);
                        upd.setBigDecimal(4, newCost);
                        upd.setInt(5, id);
                        upd.addBatch();
                    }
                }
                productIds[p] = id;
            }
            flush.run(ins);
            flush.run(upd);
        }
        return created;
    }

    private static boolean sameMoney(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }


    private static BigDecimal money(long units) {
        return units == OrderRow.MISSING ? null : BigDecimal.valueOf(units, Values.MONEY_SCALE);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

package io.orderlift.store;

import static io.orderlift.store.db.Tables.PRODUCTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows by key: looked up in chunks when the keys are few, the whole table otherwise; never a row missed. */
class KeyedRowsTest {

    @TempDir
    Path dir;

    @Test
    void everyNamedRowIsSelectedByLookupsWhenFewAndByOneScanWhenMany() {
        int rows = 3 * KeyedRows.CHUNK * KeyedRows.SCAN_ABOVE_SHARE;
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            store.write(configuration -> {
                var insert = DSL.using(configuration).insertInto(PRODUCTS, PRODUCTS.ID, PRODUCTS.SKU);
                for (int id = 0; id < rows; id++) {
                    insert = insert.values(id, "S" + id);
                }
                return insert.execute();
            });
            Random random = new Random(7);
            for (int named : new int[] {0, 1, 9, KeyedRows.CHUNK, KeyedRows.CHUNK + 1, 2 * KeyedRows.CHUNK + 17,
                    rows / KeyedRows.SCAN_ABOVE_SHARE, rows}) {
                List<String> keys = new ArrayList<>();
                for (int k = 0; k < named; k++) {
                    keys.add(random.nextInt(4) == 0 ? "absent" + k : "S" + random.nextInt(rows)); // some twice
                }
                Set<String> wanted = new HashSet<>(keys);
                List<String> selected = store.read(ctx -> select(ctx, keys));
                boolean scan = wanted.size() * KeyedRows.SCAN_ABOVE_SHARE >= rows;
                assertTrue(new HashSet<>(selected).containsAll(wanted.stream().filter(k -> k.startsWith("S")).toList()),
                        named + " keys: every row named is selected");
                assertEquals(selected.size(), new HashSet<>(selected).size(), named + " keys: each row once");
                if (scan) {
                    assertEquals(rows, selected.size(), named + " keys: the whole table, in one scan");
                } else {
                    assertTrue(wanted.containsAll(selected), named + " keys: only the rows named");
                    int lookups = store.read(ctx -> KeyedRows.among(ctx, PRODUCTS, PRODUCTS.SKU, keys)).size();
                    assertEquals((wanted.size() + KeyedRows.CHUNK - 1) / KeyedRows.CHUNK, lookups,
                            named + " keys: one lookup per chunk of distinct keys");
                }
            }
        }
    }

    private static List<String> select(DSLContext ctx, List<String> keys) {
        List<String> skus = new ArrayList<>();
        for (Condition among : KeyedRows.among(ctx, PRODUCTS, PRODUCTS.SKU, keys)) {
            skus.addAll(ctx.select(PRODUCTS.SKU).from(PRODUCTS).where(among).fetch(PRODUCTS.SKU));
        }
        return skus;
    }
}

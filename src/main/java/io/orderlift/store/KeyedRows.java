package io.orderlift.store;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Selects the rows of a table whose indexed text key is among some named keys: through the key's index,
 * in chunks, when the keys are few beside the table's rows; as the whole table otherwise, where one
 * scan beats that many lookups. An import of ten products into a catalog of 50,000 reads ten rows.
 * The key must have an index (products' SKU does; orders' source id has none, migration V7): without
 * one, each chunk would be a scan.
 */
public final class KeyedRows {

    /** Keys fewer than the table's rows over this are looked up; more, and the table is scanned. */
    static final int SCAN_ABOVE_SHARE = 8;
    /** Keys per lookup query. */
    static final int CHUNK = 500;

    private KeyedRows() {
    }

    /**
     * The conditions to run one query each with, which together select at least the rows of {@code table}
     * whose {@code key} is in {@code named}, each once: one {@code key IN (…)} per chunk of distinct
     * keys (none for no keys), or a single condition that is always true.
     */
    public static List<Condition> among(DSLContext ctx, Table<?> table, Field<String> key, List<String> named) {
        List<String> keys = named.stream().distinct().toList();
        if ((long) keys.size() * SCAN_ABOVE_SHARE >= ctx.fetchCount(table)) {
            return List.of(DSL.noCondition());
        }
        List<Condition> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            chunks.add(key.in(keys.subList(from, Math.min(keys.size(), from + CHUNK))));
        }
        return chunks;
    }
}

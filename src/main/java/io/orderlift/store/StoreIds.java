package io.orderlift.store;

import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The highest id a table holds. Writers number new rows from the next one (max + 1), so that ids stay
 * dense (mining uses them as array indexes) and whatever a write added lies above what was there.
 */
public final class StoreIds {

    private StoreIds() {
    }

    /** The highest {@code id} of its table as {@code ctx} sees it; 0 for an empty table. */
    public static int highest(DSLContext ctx, TableField<?, Integer> id) {
        Integer max = ctx.select(DSL.max(id)).from(id.getTable()).fetchOne(0, Integer.class);
        return max == null ? 0 : max;
    }

    /** {@link #highest} for a table of long ids (order lines). */
    public static long highestLong(DSLContext ctx, TableField<?, Long> id) {
        Long max = ctx.select(DSL.max(id)).from(id.getTable()).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }
}

package io.orderlift.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/** Read-only questions about a store's contents, for the overview and the command line. */
public final class StoreQueries {

    private final Store store;

    public StoreQueries(Store store) {
        this.store = store;
    }

    /** Counts, date range, AOV and import history. */
    public StoreOverview overview() {
        return store.read(ctx -> {
            Record5<Integer, LocalDateTime, LocalDateTime, BigDecimal, Integer> orders = ctx
                    .select(DSL.count(), DSL.min(ORDERS.ORDERED_AT), DSL.max(ORDERS.ORDERED_AT),
                            DSL.avg(ORDERS.ORDER_VALUE).filterWhere(ORDERS.ITEM_COUNT.gt(0)),
                            DSL.count().filterWhere(ORDERS.CUSTOMER_ID.isNull()))
                    .from(ORDERS).fetchOne();
            BigDecimal aov = orders.value4() == null ? BigDecimal.ZERO
                    : orders.value4().setScale(2, RoundingMode.HALF_UP);
            return new StoreOverview(store.name(), orders.value1(), ctx.fetchCount(ORDER_LINES),
                    ctx.fetchCount(PRODUCTS), ctx.fetchCount(CUSTOMERS), orders.value5(),
                    utc(orders.value2()), utc(orders.value3()), aov, imports(ctx),
                    new PairStatisticsStore(store).activeRun().orElse(null), store.setting(CURRENCY).orElse(null));
        });
    }

    /** True when the catalog holds {@code sku} (exactly, after trimming). */
    public boolean hasSku(String sku) {
        return store.read(ctx -> ctx.fetchExists(PRODUCTS, PRODUCTS.SKU.eq(sku.strip())));
    }

    /** The setting key of the store's currency (an ISO 4217 code). */
    public static final String CURRENCY = "currency";

    /** The store's currency code, when known (set on import, detected from the file or given). */
    public Optional<String> currency() {
        return store.setting(CURRENCY);
    }

    /** Sets the store's currency code. */
    public void setCurrency(String code) {
        store.putSetting(CURRENCY, code);
    }

    /** Every product's SKU, for "did you mean" suggestions. */
    public List<String> skus() {
        return store.read(ctx -> ctx.select(PRODUCTS.SKU).from(PRODUCTS).fetch(PRODUCTS.SKU));
    }

    /** True when some product has category {@code category}. */
    public boolean hasCategory(String category) {
        return store.read(ctx -> ctx.fetchExists(PRODUCTS, PRODUCTS.CATEGORY.eq(category.strip())));
    }

    /** The import history, newest first. */
    public List<ImportBatch> imports() {
        return store.read(StoreQueries::imports);
    }

    private static List<ImportBatch> imports(DSLContext ctx) {
        var b = IMPORT_BATCHES;
        return ctx.selectFrom(b).orderBy(b.ID.desc()).fetch(r -> new ImportBatch(r.getId(), r.getFileName(),
                r.getFormat(), r.getImportedAt().toInstant(), r.getRowsRead(), r.getOrdersAdded(),
                r.getOrdersReplaced(), r.getOrdersUnchanged(), r.getLinesAdded(), r.getProductsAdded(),
                r.getCustomersAdded(), r.getRowsSkipped(), r.getChecksum(), r.getEncoding()));
    }

    /** The value of every order with at least one item, for the AOV histogram. */
    public double[] orderValues() {
        return store.read(ctx -> ctx.connectionResult(connection -> {
            DoubleArrayList values = new DoubleArrayList();
            String scan = ctx.select(ORDERS.ORDER_VALUE).from(ORDERS).where(ORDERS.ITEM_COUNT.gt(DSL.inline(0))).getSQL();
            LazyScan.each(connection, scan, row -> values.add(row.getBigDecimal(1).doubleValue()));
            return values.toDoubleArray();
        }));
    }

    /** The time of every order with at least one item (epoch milliseconds, UTC), ascending. */
    public long[] orderTimes() {
        long[] times = store.read(ctx -> ctx.connectionResult(connection -> {
            LongArrayList read = new LongArrayList();
            String scan = ctx.select(ORDERS.ORDERED_AT).from(ORDERS).where(ORDERS.ITEM_COUNT.gt(DSL.inline(0))).getSQL();
            LazyScan.each(connection, scan, row -> read.add(
                    row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli()));
            return read.toLongArray();
        }));
        Arrays.sort(times);
        return times;
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}

package io.orderlift.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.orderlift.common.ProgressMonitor;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.LINE_SNAPSHOTS;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/**
 * The store's read API for mining: every order line with its order's customer and time, streamed
 * in two sequential scans (orders by first line, lines by id) without a join, and the catalog.
 */
public final class OrderHistory {

    private static final Logger LOG = Logger.getLogger(OrderHistory.class.getName());

    /** Receives one order line. */
    @FunctionalInterface
    public interface LineVisitor {
        /**
         * @param orderId    the order's store id
         * @param customerId the customer's store id, or -1 for a guest
         * @param orderedAt  the order's time (its earliest line), epoch milliseconds UTC
         * @param productId  the product's store id
         * @param quantity   non-zero; negative for a return
         */
        void line(int orderId, int customerId, long orderedAt, int productId, int quantity);
    }

    /** A product and its price: the list price, else the median unit price of its sold lines. */
    public record CatalogEntry(int id, String sku, String title, String category, BigDecimal price) {
    }

    private final Store store;

    public OrderHistory(Store store) {
        this.store = store;
    }

    /** Visits every order line, grouped by order, as one consistent state of the store. */
    public void forEachLine(LineVisitor visitor) {
        forEachLineWithCatalog(visitor);
    }

    /**
     * {@link #forEachLine}, and {@link #catalog()} from the same state and the same scan: where some
     * product has no list price, the medians come from the lines visited instead of a second pass
     * over millions of them (mining and the backtest read both). The first read of a version of
     * the lines keeps a packed copy of what it visited ({@link LineSnapshot}); later reads of the
     * same version replay the copy instead of the tables.
     */
    public VersionedCatalog forEachLineWithCatalog(LineVisitor visitor) {
        return forEachLineWithCatalog(visitor, ProgressMonitor.NONE);
    }

    /**
     * As {@link #forEachLineWithCatalog(LineVisitor)}, saying to {@code monitor} how many of the store's
     * lines it has visited ({@link ReadingProgress}); the monitor's cancel stops the read.
     */
    public VersionedCatalog forEachLineWithCatalog(LineVisitor each, ProgressMonitor monitor) {
        return store.readConsistently(ctx -> {
            LineVisitor visitor = monitor == ProgressMonitor.NONE ? each
                    : ReadingProgress.begin(each, monitor, ctx.fetchCount(ORDER_LINES));
            List<CatalogEntry> products = products(ctx);
            int version = linesVersion(ctx);
            Optional<LineSnapshot> snapshot = version < 0 ? Optional.empty() : snapshot(ctx, version);
            if (snapshot.isPresent()) {
                return new VersionedCatalog(pricedAtMedians(products, snapshot.get().replay(visitor)), version);
            }
            List<Integer> unpriced = unpriced(products);
            SoldPrices sold = unpriced.isEmpty() ? null : new SoldPrices(unpriced);
            LineSnapshot.Writer copy = version < 0 ? null : new LineSnapshot.Writer();
            scan(ctx, copy == null ? visitor : (order, customer, at, product, quantity) -> {
                copy.line(order, customer, at, product, quantity);
                visitor.line(order, customer, at, product, quantity);
            }, sold);
            Map<Integer, Long> medians = sold == null ? Map.of() : medians(sold.sorted());
            if (copy != null) {
                keep(copy.finish(medians), version);
            }
            return new VersionedCatalog(pricedAtMedians(products, medians), version);
        });
    }

    /** The stored copy of the lines of {@code version}, if there is one this version of Orderlift reads. */
    private static Optional<LineSnapshot> snapshot(DSLContext ctx, int version) {
        return ctx.select(LINE_SNAPSHOTS.PACKED).from(LINE_SNAPSHOTS).where(LINE_SNAPSHOTS.LINES_VERSION.eq(version))
                .fetchOptional(LINE_SNAPSHOTS.PACKED).flatMap(LineSnapshot::of);
    }

    /**
     * Stores {@code snapshot} as the copy of the lines of {@code version}, replacing any other. A
     * copy that cannot be written (a full disk) is only a later read's loss: said in the log, and
     * the read that made it goes on.
     */
    private void keep(LineSnapshot snapshot, int version) {
        try {
            store.write(configuration -> {
                DSLContext ctx = DSL.using(configuration);
                ctx.deleteFrom(LINE_SNAPSHOTS).execute();
                ctx.insertInto(LINE_SNAPSHOTS).set(LINE_SNAPSHOTS.LINES_VERSION, version)
                        .set(LINE_SNAPSHOTS.PACKED, snapshot.packed()).execute();
                return null;
            });
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "Could not keep a copy of the order lines; the next read reads the tables again", e);
        }
    }

    /** Visits every line in order groups; with {@code sold}, also collects the sold prices it wants. */
    private static void scan(DSLContext ctx, LineVisitor visitor, SoldPrices sold) {
        ctx.connectionResult(connection -> {
            String orderSql = ctx.select(ORDERS.ID, ORDERS.CUSTOMER_ID, ORDERS.ORDERED_AT, ORDERS.FIRST_LINE_ID,
                    ORDERS.LINE_COUNT).from(ORDERS).orderBy(ORDERS.ID).getSQL();
            String lineSql = (sold == null
                    ? ctx.select(ORDER_LINES.ID, ORDER_LINES.PRODUCT_ID, ORDER_LINES.QUANTITY)
                    : ctx.select(ORDER_LINES.ID, ORDER_LINES.PRODUCT_ID, ORDER_LINES.QUANTITY, ORDER_LINES.UNIT_PRICE))
                    .from(ORDER_LINES).orderBy(ORDER_LINES.ID).getSQL();
            try (var lazy = new LazyScan.Session(connection);
                 PreparedStatement orders = LazyScan.prepare(connection, orderSql);
                 PreparedStatement lines = LazyScan.prepare(connection, lineSql);
                 ResultSet o = orders.executeQuery();
                 ResultSet l = lines.executeQuery()) {
                boolean moreLines = l.next();
                long previousEnd = 0;
                while (o.next()) {
                    int orderId = o.getInt(1);
                    int customer = o.getInt(2);
                    if (o.wasNull()) {
                        customer = -1;
                    }
                    Timestamp time = o.getTimestamp(3);
                    long millis = time.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
                    long first = o.getLong(4);
                    long end = first + o.getInt(5);
                    if (first < previousEnd) {
                        throw new StoreException("The store's order lines are out of order at order " + orderId
                                + "; the store was not written by this version of Orderlift.");
                    }
                    previousEnd = end;
                    while (moreLines && l.getLong(1) < first) {
                        collect(l, sold);
                        moreLines = l.next();
                    }
                    while (moreLines && l.getLong(1) < end) {
                        collect(l, sold);
                        visitor.line(orderId, customer, millis, l.getInt(2), l.getInt(3));
                        moreLines = l.next();
                    }
                }
                while (moreLines && sold != null) {
                    collect(l, sold);
                    moreLines = l.next();
                }
            }
            return null;
        });
    }

    /** Adds the line's unit price to {@code sold} where it wants it: a line of any order, as {@link #catalog()} reads them. */
    private static void collect(ResultSet line, SoldPrices sold) throws SQLException {
        if (sold != null) {
            int product = line.getInt(2);
            if (sold.wants(product, line.getInt(3))) {
                sold.add(product, line.getBigDecimal(4));
            }
        }
    }

    /** The largest product id (ids are dense from 1). */
    public int maxProductId() {
        Integer max = store.read(ctx -> ctx.select(DSL.max(PRODUCTS.ID)).from(PRODUCTS).fetchOne(0, Integer.class));
        return max == null ? 0 : max;
    }

    /**
     * The catalog as of one state of the order lines: {@code linesVersion} is the newest import's id
     * (0 before any), which changes with every import that writes lines, products or prices and with
     * nothing else.
     */
    public record VersionedCatalog(List<CatalogEntry> entries, int linesVersion) {
    }

    /**
     * Every product with its price (DESIGN.md): the list price, else the median unit price over its
     * lines with positive quantity and price (the lower middle value for an even count, as SQL's
     * {@code PERCENTILE_DISC(0.5)}), else null. Medians are computed from one scan of the lines of
     * the products that need one, or taken from the active mining run when it stored them from the
     * lines as they are ({@link PairStatisticsStore#PRICES_AT_LINES}): no scan of millions of lines
     * each time the workbench opens a mined store without list prices.
     */
    public List<CatalogEntry> catalog() {
        return store.readConsistently(ctx -> {
            List<CatalogEntry> products = products(ctx);
            List<Integer> unpriced = unpriced(products);
            if (unpriced.isEmpty()) {
                return products;
            }
            return pricedByRun(ctx, products).orElseGet(() -> priced(products, sortedSoldPrices(ctx, unpriced)));
        });
    }

    /**
     * The newest import's id, 0 before any: the version of the lines, products and list prices
     * (only an import writes them). Unknown (-1) while an import into a new store is half written.
     */
    private static int linesVersion(DSLContext ctx) {
        if (Store.setting(ctx, Store.IMPORT_IN_PROGRESS).isPresent()) {
            return -1;
        }
        Integer newest = ctx.select(DSL.max(IMPORT_BATCHES.ID)).from(IMPORT_BATCHES).fetchOne(0, Integer.class);
        return newest == null ? 0 : newest;
    }

    /**
     * The prices the active mining run stored per product, when it read them from lines of
     * {@code version}; empty when no run did (never mined, mined before the last import, or by an
     * older version of Orderlift that did not say).
     */
    private static Optional<Map<Integer, BigDecimal>> pricesStoredAt(DSLContext ctx, int version) {
        Optional<String> run = Store.setting(ctx, PairStatisticsStore.ACTIVE_RUN);
        if (version < 0 || run.isEmpty()
                || !Store.setting(ctx, PairStatisticsStore.PRICES_AT_LINES).equals(Optional.of(Integer.toString(version)))) {
            return Optional.empty();
        }
        Map<Integer, BigDecimal> prices = new HashMap<>();
        PairStatisticsStore.statistics(ctx, Integer.parseInt(run.get())).forEach((id, stat) -> prices.put(id, stat.price()));
        return Optional.of(prices);
    }

    /**
     * The products priced as the active mining run stored them, when it read the lines as they are
     * now: the catalog without a scan of the lines.
     */
    private static Optional<List<CatalogEntry>> pricedByRun(DSLContext ctx, List<CatalogEntry> products) {
        return pricesStoredAt(ctx, linesVersion(ctx)).map(stored -> pricedFrom(products, stored));
    }

    /** The products, those without a list price priced as {@code stored} says (null where it has none). */
    private static List<CatalogEntry> pricedFrom(List<CatalogEntry> products, Map<Integer, BigDecimal> stored) {
        List<CatalogEntry> priced = new ArrayList<>(products.size());
        for (CatalogEntry p : products) {
            priced.add(p.price() != null ? p
                    : new CatalogEntry(p.id(), p.sku(), p.title(), p.category(), stored.get(p.id())));
        }
        return priced;
    }

    /**
     * How the unit prices of one product's sold lines (positive quantity and price) spread: their
     * count and their 10th and 90th percentiles (nearest rank).
     */
    public record SoldPriceSpread(String sku, String title, int lines, BigDecimal low, BigDecimal high) {
    }

    /**
     * The spread of the sold unit prices of every product that has sold lines, from one scan of the
     * lines. Read outside the store's consistent-read lock: the spreads only suggest exclusions, and
     * holding that lock through a scan of millions of lines (6–16 s on a grocery history) kept every
     * other view's catalog and order list waiting.
     */
    public List<SoldPriceSpread> soldPriceSpreads() {
        return store.read(ctx -> {
            List<CatalogEntry> products = products(ctx);
            return spreads(products, sortedSoldPrices(ctx, products.stream().map(CatalogEntry::id).toList()));
        });
    }

    /**
     * The catalog, and the sold-price spreads when the catalog took a scan of the lines anyway.
     *
     * @param spreads every product's spread as {@link #soldPriceSpreads()} reads it, or null when
     *                no line was read (every product has a list price, or the mining run had the medians)
     */
    public record CatalogRead(List<CatalogEntry> catalog, List<SoldPriceSpread> spreads) {
    }

    /**
     * {@link #catalog()}, and on a store where some product has no list price and the active mining
     * run's prices are not the lines' (so every line is read for medians) {@link #soldPriceSpreads()}
     * from the same scan: one pass over millions of lines instead of two.
     */
    public CatalogRead catalogAndSpreadsIfScanned() {
        return store.readConsistently(ctx -> {
            List<CatalogEntry> products = products(ctx);
            if (products.stream().allMatch(p -> p.price() != null)) {
                return new CatalogRead(products, null);
            }
            Optional<List<CatalogEntry>> byRun = pricedByRun(ctx, products);
            if (byRun.isPresent()) {
                return new CatalogRead(byRun.get(), null);
            }
            Map<Integer, long[]> sorted = sortedSoldPrices(ctx, products.stream().map(CatalogEntry::id).toList());
            return new CatalogRead(priced(products, sorted), spreads(products, sorted));
        });
    }

    /** The products, those without a list price priced at the median of their sorted sold prices where they have any. */
    private static List<CatalogEntry> priced(List<CatalogEntry> products, Map<Integer, long[]> sorted) {
        return pricedAtMedians(products, medians(sorted));
    }

    /** Each product's median (× 10,000) of its sorted sold prices. */
    private static Map<Integer, Long> medians(Map<Integer, long[]> sorted) {
        Map<Integer, Long> medians = new HashMap<>(sorted.size() * 2);
        sorted.forEach((id, values) -> medians.put(id, nearestRank(values, 0.5)));
        return medians;
    }

    /** The products, those without a list price priced at their median (× 10,000) where they have one. */
    private static List<CatalogEntry> pricedAtMedians(List<CatalogEntry> products, Map<Integer, Long> medians) {
        List<CatalogEntry> priced = new ArrayList<>(products.size());
        for (CatalogEntry p : products) {
            Long median = medians.get(p.id());
            if (p.price() != null || median == null) {
                priced.add(p);
            } else {
                priced.add(new CatalogEntry(p.id(), p.sku(), p.title(), p.category(), BigDecimal.valueOf(median, 4)));
            }
        }
        return priced;
    }

    private static List<SoldPriceSpread> spreads(List<CatalogEntry> products, Map<Integer, long[]> sorted) {
        List<SoldPriceSpread> spreads = new ArrayList<>();
        for (CatalogEntry p : products) {
            long[] values = sorted.get(p.id());
            if (values != null) {
                spreads.add(new SoldPriceSpread(p.sku(), p.title(), values.length,
                        BigDecimal.valueOf(nearestRank(values, 0.1), 4), BigDecimal.valueOf(nearestRank(values, 0.9), 4)));
            }
        }
        return spreads;
    }

    /** Every product with its list price (null without one), by id. */
    private static List<CatalogEntry> products(DSLContext ctx) {
        return ctx.select(PRODUCTS.ID, PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY, PRODUCTS.LIST_PRICE)
                .from(PRODUCTS).orderBy(PRODUCTS.ID)
                .fetch(r -> new CatalogEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The value at {@code share} of the sorted values by nearest rank; 0.5 gives the lower middle of an even count. */
    private static long nearestRank(long[] sorted, double share) {
        return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
    }

    /** The ids of the products without a list price. */
    private static List<Integer> unpriced(List<CatalogEntry> products) {
        return products.stream().filter(p -> p.price() == null).map(CatalogEntry::id).toList();
    }

    /**
     * The sorted unit prices (× 10,000) of the sold lines (positive quantity and price) of the given
     * products, from one lazy scan of the lines filtered by a mask: neither {@code PRODUCT_ID IN
     * (ids)}, which H2 tests one value at a time for every line (9 s on a store of 22,000 products
     * without a list price), nor a join, which streams through jOOQ's records three times slower.
     * Products without a sold line are left out.
     */
    private static Map<Integer, long[]> sortedSoldPrices(DSLContext ctx, List<Integer> products) {
        SoldPrices sold = new SoldPrices(products);
        // filtered and scaled here, not in SQL: H2's WHERE and arithmetic on every line took 3.5× the scan
        String sql = ctx.select(ORDER_LINES.PRODUCT_ID, ORDER_LINES.QUANTITY, ORDER_LINES.UNIT_PRICE)
                .from(ORDER_LINES).getSQL();
        return ctx.connectionResult(connection -> {
            LazyScan.each(connection, sql, l -> {
                int product = l.getInt(1);
                if (sold.wants(product, l.getInt(2))) {
                    sold.add(product, l.getBigDecimal(3));
                }
            });
            return sold.sorted();
        });
    }

    /** The unit prices (× 10,000) of the sold lines of some products, collected line by line. */
    private static final class SoldPrices {
        private final boolean[] wanted;
        private final Map<Integer, LongArrayList> prices = new HashMap<>();

        SoldPrices(List<Integer> products) {
            wanted = new boolean[products.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
            for (int id : products) {
                wanted[id] = true;
                prices.put(id, new LongArrayList());
            }
        }

        /** Whether a line of {@code product} with {@code quantity} is one of its sold lines wanted here. */
        boolean wants(int product, int quantity) {
            return product < wanted.length && wanted[product] && quantity > 0;
        }

        /** Adds a sold line's unit price; a free line (price 0) is not a sale price. */
        void add(int product, BigDecimal unitPrice) {
            if (unitPrice.signum() > 0) {
                prices.get(product).add(unitPrice.movePointRight(4).longValue());
            }
        }

        /** Each product's prices, sorted; products without a sold line left out. */
        Map<Integer, long[]> sorted() {
            Map<Integer, long[]> sorted = new HashMap<>();
            prices.forEach((id, values) -> {
                if (!values.isEmpty()) {
                    long[] array = values.toLongArray();
                    Arrays.sort(array);
                    sorted.put(id, array);
                }
            });
            return sorted;
        }
    }
}

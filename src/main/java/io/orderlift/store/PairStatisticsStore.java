package io.orderlift.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.orderlift.common.ProgressMonitor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.ANCHOR_PAIRS;
import static io.orderlift.store.db.Tables.MINING_RUNS;
import static io.orderlift.store.db.Tables.PRODUCTS;
import static io.orderlift.store.db.Tables.RUN_PRODUCTS;

/**
 * Mining results in the store: per run its settings and counts, per product its statistics, and per
 * anchor all its pairs in one packed row ({@link PackedPairs}). {@link #replace} writes a run, makes it the active one and removes
 * the previous runs in one transaction, so a reader sees the old run or the new one, never a mix.
 * Curation refers to SKUs, not to runs, so it survives a re-mine.
 */
public final class PairStatisticsStore {

    /** The store setting that names the run readers use. */
    public static final String ACTIVE_RUN = "active_mining_run";
    /**
     * The store setting that says from which version of the lines (the newest import's id) the active
     * run's product prices were read: while it is still the store's, they are the catalog's prices.
     */
    public static final String PRICES_AT_LINES = "active_run_prices_at_lines";
    /**
     * The store setting present while a run is saved (its value: when the run started, for a person
     * reading the settings), removed in the save's own transaction. Found on open, that save never
     * committed, and what H2 kept of it is undone ({@link #discardUncommittedRun}).
     */
    public static final String SAVING_RUN = "saving_mining_run";
    private static final int BATCH = 256;

    /** A product's statistics in a run, with its catalog data. */
    public record ProductStat(int productId, String sku, String title, String category, int orders, int followBase,
                              BigDecimal price) {
    }

    /** One stored pair, seen from its anchor. */
    public record PairRow(ProductStat candidate, int co, int follow, int customers) {
    }

    private final Store store;

    public PairStatisticsStore(Store store) {
        this.store = store;
    }

    /**
     * Stores a run and makes it active. Per product: {@code productIds[i]} has {@code orders[i]},
     * {@code followBase[i]}, {@code prices[i]}; per pair: the columns anchor id, candidate id, co,
     * follow, customers. {@code pricesAtLines} is the version of the lines the prices were read
     * from ({@link OrderHistory.VersionedCatalog#linesVersion()}). Returns the run as stored, with its id.
     */
    public MiningRun replace(MiningRun run, int[] productIds, int[] orders, int[] followBase, BigDecimal[] prices,
                             int pricesAtLines, PackedPairs pairs, ProgressMonitor monitor) {
        return store.writeBehindMark(SAVING_RUN, ctx -> run.startedAt().toString(), configuration -> {
            DSLContext ctx = DSL.using(configuration);
            int id = nextRunId(ctx);
            MiningRun stored = new MiningRun(id, run.startedAt(), run.durationMs(), run.windowDays(), run.maxBasket(),
                    run.minCo(), run.orders(), run.ordersEmpty(), run.ordersOverMaxBasket(), run.lastOrderAt(),
                    run.followCutoff(), run.products(), run.pairs(), run.pairsDropped());
            ctx.insertInto(MINING_RUNS)
                    .set(MINING_RUNS.ID, id)
                    .set(MINING_RUNS.STARTED_AT, run.startedAt().atOffset(ZoneOffset.UTC))
                    .set(MINING_RUNS.DURATION_MS, run.durationMs())
                    .set(MINING_RUNS.WINDOW_DAYS, run.windowDays())
                    .set(MINING_RUNS.MAX_BASKET, run.maxBasket() == 0 ? null : run.maxBasket())
                    .set(MINING_RUNS.MIN_CO, run.minCo())
                    .set(MINING_RUNS.ORDERS_USED, run.orders())
                    .set(MINING_RUNS.ORDERS_EMPTY, run.ordersEmpty())
                    .set(MINING_RUNS.ORDERS_OVER_MAX_BASKET, run.ordersOverMaxBasket())
                    .set(MINING_RUNS.LAST_ORDER_AT, utc(run.lastOrderAt()))
                    .set(MINING_RUNS.FOLLOW_CUTOFF, utc(run.followCutoff()))
                    .set(MINING_RUNS.PRODUCTS, run.products())
                    .set(MINING_RUNS.PAIRS_KEPT, run.pairs())
                    .set(MINING_RUNS.PAIRS_DROPPED, run.pairsDropped())
                    .execute();
            ctx.insertInto(RUN_PRODUCTS)
                    .set(RUN_PRODUCTS.RUN_ID, id)
                    .set(RUN_PRODUCTS.PRODUCTS, productIds.length)
                    .set(RUN_PRODUCTS.PACKED, RunProducts.pack(productIds, orders, followBase, prices))
                    .execute();
            ctx.connection(connection -> {
                int anchors = pairs.anchors();
                try (PreparedStatement ps = connection.prepareStatement(ctx.insertInto(ANCHOR_PAIRS,
                        ANCHOR_PAIRS.RUN_ID, ANCHOR_PAIRS.ANCHOR_ID, ANCHOR_PAIRS.PAIRS, ANCHOR_PAIRS.PACKED)
                        .values(Collections.nCopies(4, null)).getSQL())) {
                    int batched = 0;
                    for (int a = 0; a < anchors; a++) {
                        if (pairs.pairCount(a) == 0) {
                            continue;
                        }
                        ps.setInt(1, id);
                        ps.setInt(2, a);
                        ps.setInt(3, pairs.pairCount(a));
                        ps.setBytes(4, pairs.packed(a));
                        ps.addBatch();
                        if (++batched % BATCH == 0) {
                            ps.executeBatch();
                            monitor.checkCancelled();
                            monitor.progress("Saving pairs", a + 1, anchors);
                        }
                    }
                    ps.executeBatch();
                }
            });
            monitor.checkCancelled();
            ctx.deleteFrom(ANCHOR_PAIRS).where(ANCHOR_PAIRS.RUN_ID.ne(id)).execute();
            ctx.deleteFrom(RUN_PRODUCTS).where(RUN_PRODUCTS.RUN_ID.ne(id)).execute();
            ctx.deleteFrom(MINING_RUNS).where(MINING_RUNS.ID.ne(id)).execute();
            Store.putSetting(ctx, ACTIVE_RUN, Integer.toString(id));
            Store.putSetting(ctx, PRICES_AT_LINES, Integer.toString(pricesAtLines));
            return stored;
        });
    }

    /**
     * The next run's id: above every run id of the three tables, not only {@code mining_runs}. A kill
     * while a run is saved can leave some of its pairs without its run row (H2 once left rows of an
     * uncommitted import, docs/reliability.md); under that run's id again, the next run's pairs would
     * collide with them, and every later run fail. Above them, the next run saved deletes them.
     */
    private static int nextRunId(DSLContext ctx) {
        return Math.max(StoreIds.highest(ctx, MINING_RUNS.ID), Math.max(StoreIds.highest(ctx, ANCHOR_PAIRS.RUN_ID),
                StoreIds.highest(ctx, RUN_PRODUCTS.RUN_ID))) + 1;
    }

    /**
     * Undoes what a run's save that never committed left ({@link #SAVING_RUN} found on open): removes
     * the rows of every run but the active one, and the active one too, with the settings naming it,
     * unless its run row, its product statistics and all its pairs are there. Readers then see a
     * complete run or none ("not mined"), never a part of one. Returns whether the active run was
     * removed.
     */
    static boolean discardUncommittedRun(DSLContext ctx) {
        Optional<Integer> active = Store.setting(ctx, ACTIVE_RUN).map(Integer::parseInt);
        boolean complete = active.isPresent() && isComplete(ctx, active.get());
        int keep = complete ? active.get() : -1;
        ctx.deleteFrom(ANCHOR_PAIRS).where(ANCHOR_PAIRS.RUN_ID.ne(keep)).execute();
        ctx.deleteFrom(RUN_PRODUCTS).where(RUN_PRODUCTS.RUN_ID.ne(keep)).execute();
        ctx.deleteFrom(MINING_RUNS).where(MINING_RUNS.ID.ne(keep)).execute();
        if (!complete) {
            Store.removeSetting(ctx, ACTIVE_RUN);
            Store.removeSetting(ctx, PRICES_AT_LINES);
        }
        Store.removeSetting(ctx, SAVING_RUN);
        return active.isPresent() && !complete;
    }

    /** Whether run {@code runId} has its run row, its product statistics and as many pairs as it kept. */
    private static boolean isComplete(DSLContext ctx, int runId) {
        Long kept = ctx.select(MINING_RUNS.PAIRS_KEPT).from(MINING_RUNS).where(MINING_RUNS.ID.eq(runId))
                .fetchOne(MINING_RUNS.PAIRS_KEPT);
        if (kept == null || !ctx.fetchExists(RUN_PRODUCTS, RUN_PRODUCTS.RUN_ID.eq(runId))) {
            return false;
        }
        Long stored = ctx.select(DSL.sum(ANCHOR_PAIRS.PAIRS)).from(ANCHOR_PAIRS).where(ANCHOR_PAIRS.RUN_ID.eq(runId))
                .fetchOne(0, Long.class);
        return kept == (stored == null ? 0 : stored);
    }

    /** The run readers use, if the store was ever mined. */
    public Optional<MiningRun> activeRun() {
        return store.setting(ACTIVE_RUN).map(Integer::parseInt).flatMap(id -> store.read(ctx ->
                ctx.selectFrom(MINING_RUNS).where(MINING_RUNS.ID.eq(id)).fetchOptional(r -> new MiningRun(r.getId(),
                        r.getStartedAt().toInstant(), r.getDurationMs(), r.getWindowDays(),
                        r.getMaxBasket() == null ? 0 : r.getMaxBasket(), r.getMinCo(), r.getOrdersUsed(),
                        r.getOrdersEmpty(), r.getOrdersOverMaxBasket(), instant(r.getLastOrderAt()),
                        instant(r.getFollowCutoff()), r.getProducts(), r.getPairsKept(), r.getPairsDropped()))));
    }

    /** Every product of run {@code runId} with its statistics and catalog data, by id. */
    public List<ProductStat> products(int runId) {
        return store.read(ctx -> {
            Map<Integer, RunStat> stats = statistics(ctx, runId);
            List<ProductStat> products = new ArrayList<>(stats.size());
            ctx.select(PRODUCTS.ID, PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY).from(PRODUCTS).orderBy(PRODUCTS.ID)
                    .forEach(r -> {
                        RunStat stat = stats.get(r.value1());
                        if (stat != null) {
                            products.add(productStat(r, stat));
                        }
                    });
            return products;
        });
    }

    /** Every stored pair of run {@code runId}, packed per anchor ({@code anchors} slots at least). */
    public PackedPairs pairs(int runId, int anchors) {
        return pairs(runId, anchors, null);
    }

    /**
     * The stored pairs of the anchors {@code only} in run {@code runId} (every anchor when null),
     * packed per anchor ({@code anchors} slots at least): a command that answers one cart reads
     * just the rows it needs.
     */
    public PackedPairs pairs(int runId, int anchors, Collection<Integer> only) {
        return store.read(ctx -> {
            Integer maxAnchor = ctx.select(DSL.max(ANCHOR_PAIRS.ANCHOR_ID)).from(ANCHOR_PAIRS)
                    .where(ANCHOR_PAIRS.RUN_ID.eq(runId)).fetchOne(0, Integer.class);
            PackedPairs pairs = new PackedPairs(Math.max(anchors, maxAnchor == null ? 0 : maxAnchor + 1));
            Condition which = ANCHOR_PAIRS.RUN_ID.eq(runId);
            if (only != null) {
                which = which.and(ANCHOR_PAIRS.ANCHOR_ID.in(only));
            }
            try (var cursor = ctx.select(ANCHOR_PAIRS.ANCHOR_ID, ANCHOR_PAIRS.PAIRS, ANCHOR_PAIRS.PACKED)
                    .from(ANCHOR_PAIRS).where(which).fetchSize(256).fetchLazy()) {
                for (var r : cursor) {
                    pairs.put(r.value1(), r.value2(), r.value3());
                }
            }
            return pairs;
        });
    }

    /** The product with {@code sku} (exact, after trimming) in run {@code runId}. */
    public Optional<ProductStat> product(int runId, String sku) {
        return store.read(ctx -> ctx.select(PRODUCTS.ID, PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY).from(PRODUCTS)
                .where(PRODUCTS.SKU.eq(sku.strip())).fetchOptional()
                .flatMap(r -> Optional.ofNullable(statistics(ctx, runId).get(r.value1())).map(stat -> productStat(r, stat))));
    }

    /** Every stored pair of {@code anchorId} in run {@code runId}, with the candidates' statistics. */
    public List<PairRow> pairsOf(int runId, int anchorId) {
        return store.read(ctx -> {
            var row = ctx.select(ANCHOR_PAIRS.PAIRS, ANCHOR_PAIRS.PACKED).from(ANCHOR_PAIRS)
                    .where(ANCHOR_PAIRS.RUN_ID.eq(runId)).and(ANCHOR_PAIRS.ANCHOR_ID.eq(anchorId)).fetchOne();
            if (row == null) {
                return List.of();
            }
            Map<Integer, ProductStat> byId = new HashMap<>();
            products(runId).forEach(p -> byId.put(p.productId(), p));
            List<PairRow> rows = new ArrayList<>(row.value1());
            PackedPairs.decode(row.value2(), row.value1(), (candidate, co, follow, customers) ->
                    rows.add(new PairRow(byId.get(candidate), co, follow, customers)));
            return rows;
        });
    }

    /** A product's statistics in a run. */
    record RunStat(int orders, int followBase, BigDecimal price) {
    }

    /** Run {@code runId}'s statistics by product id; empty when the run stored none. */
    static Map<Integer, RunStat> statistics(DSLContext ctx, int runId) {
        Map<Integer, RunStat> stats = new HashMap<>();
        ctx.select(RUN_PRODUCTS.PACKED).from(RUN_PRODUCTS).where(RUN_PRODUCTS.RUN_ID.eq(runId)).fetchOptional()
                .ifPresent(r -> RunProducts.unpack(r.value1(), (id, orders, followBase, price) ->
                        stats.put(id, new RunStat(orders, followBase, price))));
        return stats;
    }

    private static ProductStat productStat(Record4<Integer, String, String, String> product, RunStat stat) {
        return new ProductStat(product.value1(), product.value2(), product.value3(), product.value4(), stat.orders(),
                stat.followBase(), stat.price());
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}

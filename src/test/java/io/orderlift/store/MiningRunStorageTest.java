package io.orderlift.store;

import static io.orderlift.store.db.Tables.ANCHOR_PAIRS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.orderlift.common.ProgressMonitor;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's rows through a store file: every pair and product statistic read back as written. */
class MiningRunStorageTest {

    @TempDir
    Path dir;

    @Test
    void anAnchorOfAMillionPairsAndTheProductStatisticsComeBackExactly() {
        int anchors = 4;
        PackedPairs pairs = new PackedPairs(anchors);
        PackedPairs.Encoder encoder = new PackedPairs.Encoder();
        // anchor 0: a million candidates with counts of every size (several megabytes in one row)
        for (int c = 1; c <= 1_000_000; c++) {
            encoder.add(c * 2, c % 500 + 1, c % 7, c % 500 + 1 + c % 7);
        }
        pairs.put(0, encoder.count(), encoder.finish());
        encoder.add(0, 3, 1, 4);
        pairs.put(2, encoder.count(), encoder.finish());
        int[] ids = {0, 2, 7};
        int[] orders = {900, 14, 3};
        int[] followBase = {700, 9, 0};
        BigDecimal[] prices = {new BigDecimal("12.5000"), null, new BigDecimal("0.0100")};
        MiningRun run = new MiningRun(0, Instant.parse("2026-12-03T10:00:00Z"), 1, 30, 0, 1, 1_000, 0, 0,
                Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-10-31T00:00:00Z"), 3, pairs.size(), 0);
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            PairStatisticsStore runs = new PairStatisticsStore(store);
            MiningRun first = runs.replace(run, ids, orders, followBase, prices, 1, pairs, ProgressMonitor.NONE);
            MiningRun second = runs.replace(run, ids, orders, followBase, prices, 1, pairs, ProgressMonitor.NONE);
            assertEquals(first.id() + 1, second.id());

            PackedPairs read = runs.pairs(second.id(), anchors);
            assertEquals(pairs.size(), read.size());
            long[] checks = new long[2];
            pairs.forEachPair((a, c, co, follow, customers) -> checks[0] += hash(a, c, co, follow, customers));
            read.forEachPair((a, c, co, follow, customers) -> checks[1] += hash(a, c, co, follow, customers));
            assertEquals(checks[0], checks[1]);

            Map<Integer, PairStatisticsStore.RunStat> stats = store.read(ctx -> PairStatisticsStore.statistics(ctx,
                    second.id()));
            assertEquals(Map.of(0, new PairStatisticsStore.RunStat(900, 700, new BigDecimal("12.5000")),
                    2, new PairStatisticsStore.RunStat(14, 9, null),
                    7, new PairStatisticsStore.RunStat(3, 0, new BigDecimal("0.0100"))), stats);
            assertTrue(store.read(ctx -> PairStatisticsStore.statistics(ctx, first.id())).isEmpty(),
                    "the previous run's rows are gone");
        }
    }

    /**
     * Pairs a killed save left without their run row (under the id the next run would take) neither
     * collide with the next run nor outlive it.
     */
    @Test
    void pairsOfARunThatNeverCommittedDoNotBlockTheNextRun() {
        PackedPairs pairs = pairsOfTwoAnchors();
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            PairStatisticsStore runs = new PairStatisticsStore(store);
            MiningRun first = save(runs, pairs);
            int stray = first.id() + 1;
            insertPairs(store, stray, 0, pairs);
            MiningRun second = save(runs, pairs);
            assertEquals(stray + 1, second.id());
            assertEquals(List.of(second.id()), runIdsOfPairs(store), "only the active run's pairs are kept");
            assertEquals(pairs.size(), runs.pairs(second.id(), 2).size());
        }
    }

    /**
     * A save a kill cut short, whose rows H2 kept in part (docs/reliability.md), leaves nothing on the
     * next open but the active run: its mark says which save never committed.
     */
    @Test
    void whatASaveThatNeverCommittedLeftIsRemovedWhenTheStoreOpensAgain() {
        PackedPairs pairs = pairsOfTwoAnchors();
        Path path = dir.resolve("store");
        int active;
        try (Store store = Store.openOrCreate(path)) {
            active = save(new PairStatisticsStore(store), pairs).id();
            insertPairs(store, active + 1, 1, pairs);
            store.putSetting(PairStatisticsStore.SAVING_RUN, Integer.toString(active + 1));
        }
        try (Store store = Store.openOrCreate(path)) {
            PairStatisticsStore runs = new PairStatisticsStore(store);
            assertEquals(active, runs.activeRun().orElseThrow().id());
            assertEquals(List.of(active), runIdsOfPairs(store));
            assertEquals(pairs.size(), runs.pairs(active, 2).size());
            assertTrue(store.setting(PairStatisticsStore.SAVING_RUN).isEmpty(), "the mark is gone");
            assertTrue(store.setting(PairStatisticsStore.PRICES_AT_LINES).isPresent());
            assertEquals(List.of(), store.recoveredOnOpen(), "nothing a person saw was undone");
        }
    }

    /**
     * Should H2 have lost part of the active run with the save that never committed (its deletes kept
     * without their undo), the next open removes the rest: the store reads as not mined, never as a
     * part of a run, and mines again.
     */
    @Test
    void anActiveRunMissingPairsAfterASaveThatNeverCommittedIsRemovedAndTheStoreCanBeMinedAgain() {
        PackedPairs pairs = pairsOfTwoAnchors();
        Path path = dir.resolve("store");
        try (Store store = Store.openOrCreate(path)) {
            int active = save(new PairStatisticsStore(store), pairs).id();
            store.write(configuration -> DSL.using(configuration).deleteFrom(ANCHOR_PAIRS)
                    .where(ANCHOR_PAIRS.RUN_ID.eq(active)).and(ANCHOR_PAIRS.ANCHOR_ID.eq(1)).execute());
            store.putSetting(PairStatisticsStore.SAVING_RUN, Integer.toString(active + 1));
        }
        List<String> warnings = new ArrayList<>();
        Logger recovery = Logger.getLogger(StoreRecovery.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        recovery.addHandler(handler);
        try (Store store = Store.openOrCreate(path)) {
            recovery.removeHandler(handler);
            assertEquals(List.of("WARNING store: an interrupted mining run left the active run incomplete; it was"
                    + " removed, and the store needs mining again"), warnings, "said in the log");
            assertEquals(List.of("A mining run was interrupted and left the store's pairs incomplete; they were"
                    + " removed. Mine the store again."), store.recoveredOnOpen(), "said to the person");
            PairStatisticsStore runs = new PairStatisticsStore(store);
            assertTrue(runs.activeRun().isEmpty(), "the store reads as not mined");
            assertEquals(List.of(), runIdsOfPairs(store));
            assertTrue(store.setting(PairStatisticsStore.PRICES_AT_LINES).isEmpty());
            assertTrue(store.setting(PairStatisticsStore.SAVING_RUN).isEmpty(), "the mark is gone");
            MiningRun again = save(runs, pairs);
            assertEquals(again.id(), runs.activeRun().orElseThrow().id());
            assertEquals(pairs.size(), runs.pairs(again.id(), 2).size());
        }
    }

    /** A cancelled save leaves the previous run active and no mark. */
    @Test
    void aCancelledSaveLeavesThePreviousRunAndNoMark() {
        PackedPairs pairs = pairsOfTwoAnchors();
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            PairStatisticsStore runs = new PairStatisticsStore(store);
            int first = save(runs, pairs).id();
            ProgressMonitor cancelling = ProgressMonitor.NONE.cancelledWhen(() -> true);
            assertThrows(CancellationException.class, () -> runs.replace(runOf(pairs), IDS, ORDERS, FOLLOW_BASE,
                    PRICES, 1, pairs, cancelling));
            assertEquals(first, runs.activeRun().orElseThrow().id());
            assertEquals(List.of(first), runIdsOfPairs(store));
            assertTrue(store.setting(PairStatisticsStore.SAVING_RUN).isEmpty(), "the mark is gone");
        }
    }

    private static final int[] IDS = {0, 1};
    private static final int[] ORDERS = {5, 4};
    private static final int[] FOLLOW_BASE = {3, 2};
    private static final BigDecimal[] PRICES = {BigDecimal.ONE, BigDecimal.TEN};

    /** Products 0 and 1, each the other's one candidate. */
    private static PackedPairs pairsOfTwoAnchors() {
        PackedPairs pairs = new PackedPairs(2);
        PackedPairs.Encoder encoder = new PackedPairs.Encoder();
        encoder.add(1, 3, 1, 4);
        pairs.put(0, encoder.count(), encoder.finish());
        encoder.add(0, 3, 2, 4);
        pairs.put(1, encoder.count(), encoder.finish());
        return pairs;
    }

    private static MiningRun runOf(PackedPairs pairs) {
        return new MiningRun(0, Instant.parse("2026-12-03T10:00:00Z"), 1, 30, 0, 1, 10, 0, 0,
                Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-10-31T00:00:00Z"), 2, pairs.size(), 0);
    }

    private static MiningRun save(PairStatisticsStore runs, PackedPairs pairs) {
        return runs.replace(runOf(pairs), IDS, ORDERS, FOLLOW_BASE, PRICES, 1, pairs, ProgressMonitor.NONE);
    }

    /** Writes {@code anchor}'s pairs under {@code runId}, as rows a killed save left. */
    private static void insertPairs(Store store, int runId, int anchor, PackedPairs pairs) {
        store.write(configuration -> DSL.using(configuration).insertInto(ANCHOR_PAIRS)
                .set(ANCHOR_PAIRS.RUN_ID, runId).set(ANCHOR_PAIRS.ANCHOR_ID, anchor)
                .set(ANCHOR_PAIRS.PAIRS, pairs.pairCount(anchor)).set(ANCHOR_PAIRS.PACKED, pairs.packed(anchor)).execute());
    }

    private static List<Integer> runIdsOfPairs(Store store) {
        return store.read(ctx -> ctx.selectDistinct(ANCHOR_PAIRS.RUN_ID).from(ANCHOR_PAIRS).orderBy(ANCHOR_PAIRS.RUN_ID)
                .fetch(ANCHOR_PAIRS.RUN_ID));
    }

    private static long hash(int a, int c, int co, int follow, int customers) {
        return (((a * 1_000_003L + c) * 31 + co) * 31 + follow) * 31 + customers;
    }
}

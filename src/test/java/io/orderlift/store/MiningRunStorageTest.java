package io.orderlift.store;

import static io.orderlift.store.db.Tables.ANCHOR_PAIRS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        PackedPairs pairs = new PackedPairs(2);
        PackedPairs.Encoder encoder = new PackedPairs.Encoder();
        encoder.add(1, 3, 1, 4);
        pairs.put(0, encoder.count(), encoder.finish());
        MiningRun run = new MiningRun(0, Instant.parse("2026-12-03T10:00:00Z"), 1, 30, 0, 1, 10, 0, 0,
                Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-10-31T00:00:00Z"), 2, pairs.size(), 0);
        int[] ids = {0, 1};
        int[] orders = {5, 4};
        int[] followBase = {3, 2};
        BigDecimal[] prices = {BigDecimal.ONE, BigDecimal.TEN};
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            PairStatisticsStore runs = new PairStatisticsStore(store);
            MiningRun first = runs.replace(run, ids, orders, followBase, prices, 1, pairs, ProgressMonitor.NONE);
            int stray = first.id() + 1;
            store.write(configuration -> DSL.using(configuration).insertInto(ANCHOR_PAIRS)
                    .set(ANCHOR_PAIRS.RUN_ID, stray).set(ANCHOR_PAIRS.ANCHOR_ID, 0).set(ANCHOR_PAIRS.PAIRS, 1)
                    .set(ANCHOR_PAIRS.PACKED, pairs.packed(0)).execute());
            MiningRun second = runs.replace(run, ids, orders, followBase, prices, 1, pairs, ProgressMonitor.NONE);
            assertEquals(stray + 1, second.id());
            assertEquals(List.of(second.id()), store.read(ctx -> ctx.selectDistinct(ANCHOR_PAIRS.RUN_ID)
                    .from(ANCHOR_PAIRS).fetch(ANCHOR_PAIRS.RUN_ID)), "only the active run's pairs are kept");
            assertEquals(pairs.size(), runs.pairs(second.id(), 2).size());
        }
    }

    private static long hash(int a, int c, int co, int follow, int customers) {
        return (((a * 1_000_003L + c) * 31 + co) * 31 + follow) * 31 + customers;
    }
}

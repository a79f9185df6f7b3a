package io.orderlift.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.MiningRun;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;
import io.orderlift.store.db.Tables;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mining a real store end to end: from imported CSV through the store's read API to stored results. */
class MiningServiceTest {

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.inMemory();
    }

    @AfterEach
    void close() {
        store.close();
    }

    void importCsv(String text) throws IOException {
        Path csv = Files.writeString(dir.resolve("o" + System.nanoTime() + ".csv"),
                "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price,list_price\n" + text);
        new OrderImporter().importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE);
    }

    @Test
    void storedResultsMatchTheBruteForceReferenceOnARandomStore() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder();
        List<BruteForceMiner.Line> lines = new ArrayList<>();
        for (int o = 1; o <= 300; o++) {
            int customer = random.nextInt(41) - 1;
            int day = 1 + random.nextInt(120);
            String time = String.format("2025-%02d-%02dT%02d:00:00Z", 1 + (day - 1) / 30, 1 + (day - 1) % 28,
                    random.nextInt(24));
            int items = 1 + random.nextInt(4);
            for (int l = 0; l < items; l++) {
                int sku = random.nextInt(12);
                int quantity = random.nextInt(10) == 0 ? -1 : 1 + random.nextInt(2);
                csv.append("O").append(o).append(',').append(customer < 0 ? "" : "C" + customer).append(',')
                        .append(time).append(",S").append(sku).append(",,,").append(quantity).append(",5,\n");
            }
        }
        importCsv(csv.toString());
        new OrderHistory(store).forEachLine((order, customer, time, product, quantity) ->
                lines.add(new BruteForceMiner.Line(order, customer, time, product, quantity)));
        MiningSummary summary = new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
        BruteForceMiner.Result expected = BruteForceMiner.mine(lines, 13, MiningSettings.defaults());
        assertEquals(expected.n(), summary.run().orders());
        assertEquals(expected.pairs().size(), summary.run().pairs());
        PairStatisticsStore stats = new PairStatisticsStore(store);
        for (int p = 1; p <= 12; p++) {
            for (PairStatisticsStore.PairRow row : stats.pairsOf(summary.run().id(), p)) {
                BruteForceMiner.Pair want = expected.pairs().get(List.of(p, row.candidate().productId()));
                assertEquals(want, new BruteForceMiner.Pair(row.co(), row.follow(), row.customers()));
                assertEquals(expected.orders().get(row.candidate().productId()), row.candidate().orders());
                assertEquals(expected.followBase().get(row.candidate().productId()), row.candidate().followBase());
            }
        }
    }

    @Test
    void reMiningReplacesTheRunAndCancelKeepsThePreviousOne() throws IOException {
        importCsv("O1,C1,2025-01-01,A,,,1,5,\nO1,C1,2025-01-01,B,,,1,5,\nO2,C1,2025-01-05,C,,,1,5,\n"
                + "O3,C2,2025-03-01,A,,,1,5,\n");
        MiningRun first = new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE).run();
        MiningRun second = new MiningService().mine(store, new MiningSettings(7, 0, 1), ProgressMonitor.NONE).run();
        PairStatisticsStore stats = new PairStatisticsStore(store);
        assertEquals(second.id(), stats.activeRun().orElseThrow().id());
        assertEquals(7, stats.activeRun().orElseThrow().windowDays());
        assertTrue(second.id() > first.id());
        ProgressMonitor cancelWhileSaving = new ProgressMonitor() {
            @Override
            public void progress(String message, long done, long total) {
            }

            @Override
            public void checkCancelled() {
                if (Thread.currentThread().getStackTrace().length > 0
                        && Arrays.stream(Thread.currentThread().getStackTrace())
                        .anyMatch(f -> f.getClassName().equals(PairStatisticsStore.class.getName()))) {
                    throw new CancellationException();
                }
            }
        };
        assertThrows(CancellationException.class,
                () -> new MiningService().mine(store, new MiningSettings(1, 0, 1), cancelWhileSaving));
        MiningRun active = stats.activeRun().orElseThrow();
        assertEquals(second.id(), active.id());
        assertEquals(7, active.windowDays());
        assertEquals(second.pairs(), (long) store.read(ctx -> ctx.select(DSL.sum(
                        Tables.ANCHOR_PAIRS.PAIRS)).from(Tables.ANCHOR_PAIRS)
                        .fetchOne(0, Long.class)), "only the active run's pairs are stored");
    }

    /**
     * A read of the lines says how far it is against the store's line count, and a cancel during it stops
     * the mining there, leaving the active run as it was: on the first read (a scan of the tables) and on
     * a later one (the packed copy the first full read kept).
     */
    @Test
    void readingSaysHowFarItIsAndACancelStopsIt() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int o = 0; o < 35_000; o++) {
            String day = String.format("2025-%02d-%02d", 1 + o % 12, 1 + o % 28);
            csv.append('O').append(o).append(",C").append(o % 900).append(',').append(day).append(",S")
                    .append(o % 50).append(",,,1,5,\n");
            csv.append('O').append(o).append(",C").append(o % 900).append(',').append(day).append(",S")
                    .append(50 + o % 7).append(",,,1,5,\n");
        }
        importCsv(csv.toString());
        PairStatisticsStore stats = new PairStatisticsStore(store);
        List<long[]> reading = new ArrayList<>();
        ProgressMonitor cancelWhileReading = (message, done, total) -> {
            if (message.equals("Reading order lines")) {
                reading.add(new long[] {done, total});
                if (done > 0) {
                    throw new CancellationException();
                }
            }
        };
        assertThrows(CancellationException.class,
                () -> new MiningService().mine(store, MiningSettings.defaults(), cancelWhileReading));
        assertTrue(stats.activeRun().isEmpty(), "nothing stored");
        MiningRun first = new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE).run();
        assertThrows(CancellationException.class,
                () -> new MiningService().mine(store, new MiningSettings(7, 0, 1), cancelWhileReading));
        assertEquals(first.id(), stats.activeRun().orElseThrow().id(), "the previous run stays");
        assertEquals(4, reading.size());
        for (int i = 0; i < 4; i += 2) {
            assertArrayEquals(new long[] {0, 70_000}, reading.get(i));
            assertArrayEquals(new long[] {65_536, 70_000}, reading.get(i + 1));
        }
    }

    @Test
    void pairReportDerivesEveryStatistic() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            csv.append("O").append(i).append(",C").append(i).append(",2025-01-").append(String.format("%02d", i))
                    .append(",TENT,Tent,Tents,1,200,200\n");
            if (i <= 10) {
                csv.append("O").append(i).append(",C").append(i).append(",2025-01-")
                        .append(String.format("%02d", i)).append(",STAKES,Stakes,Acc,1,10,10\n");
            }
            if (i <= 4) {
                csv.append("O").append(i).append(",C").append(i).append(",2025-01-")
                        .append(String.format("%02d", i)).append(",FOOTPRINT,Footprint,Tents,1,45,45\n");
            }
        }
        csv.append("O99,C99,2025-03-01,STAKES,Stakes,Acc,1,10,10\n");
        importCsv(csv.toString());
        new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
        AnchorPairs byRevenue = new PairReports(store).forAnchor("TENT", Evidence.SAME_ORDER, 1, 5, 10);
        assertEquals(21, byRevenue.N());
        assertEquals(20, byRevenue.orders());
        CandidatePair stakes = byRevenue.candidates().stream().filter(c -> c.sku().equals("STAKES")).findFirst()
                .orElseThrow();
        double base = 11.0 / 21;
        assertEquals(10, stakes.co());
        assertEquals(10.0 / 21, stakes.support(), 1e-12);
        assertEquals(0.5, stakes.confidence(), 1e-12);
        assertEquals(0.5 / base, stakes.lift(), 1e-12);
        assertEquals((10 + 5 * base) / (20 + 5), stakes.acceptance(), 1e-12);
        assertEquals(stakes.acceptance() * 10, stakes.rpi(), 1e-9);
        assertEquals(10, stakes.customers());
        assertEquals(1, stakes.coRank());
        assertEquals("FOOTPRINT", byRevenue.candidates().get(0).sku(), "the premium add-on earns more per impression");
        assertEquals(2, byRevenue.candidates().get(0).coRank());
        assertEquals(1, byRevenue.candidates().get(0).rpiRank());
        AnchorPairs byAcceptance = new PairReports(store).forAnchor("TENT", Evidence.SAME_ORDER, 0, 5, 10);
        assertEquals("STAKES", byAcceptance.candidates().get(0).sku(), "w = 0 is the popularity baseline");
        assertEquals(byRevenue.candidates().size(), byRevenue.candidateCount());
        assertFalse(byRevenue.cut());
        AnchorPairs best = new PairReports(store).forAnchor("TENT", Evidence.SAME_ORDER, 1, 5, 1);
        assertEquals(List.of("FOOTPRINT"), best.candidates().stream().map(CandidatePair::sku).toList());
        assertEquals(byRevenue.candidateCount(), best.candidateCount(), "the count is of every candidate, not of the list");
        assertTrue(best.cut());
    }

    @Test
    void pairsBeforeMiningOrForAnUnknownSkuSaySo() throws IOException {
        importCsv("O1,C1,2025-01-01,A,,,1,5,\n");
        assertThrows(StoreException.class, () -> new PairReports(store).forAnchor("A", Evidence.SAME_ORDER, 1, 5, 5));
        new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PairReports(store).forAnchor("a", Evidence.SAME_ORDER, 1, 5, 5));
        assertTrue(e.getMessage().contains("'a'"));
    }
}

package io.orderlift.mining.external;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.store.MiningRun;
import io.orderlift.store.PackedPairs;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import-pairs on job outputs written here in the job's layout (docs/scale.md) from the embedded
 * miner's own result, so the reader and every refusal are tested in the default build; the spark
 * profile's MineJobGoldenIT runs the real job.
 */
class PairsImportTest {

    private static final MiningSettings SETTINGS = new MiningSettings(30, 0, 1);

    @TempDir
    Path dir;
    Path orders;

    @BeforeEach
    void randomOrders() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int o = 1; o <= 250; o++) {
            int customer = random.nextInt(31) - 1;
            String time = String.format("2025-%02d-%02dT%02d:00:00Z", 1 + random.nextInt(3), 1 + random.nextInt(28),
                    random.nextInt(24));
            int items = 1 + random.nextInt(5);
            for (int l = 0; l < items; l++) {
                csv.append("O").append(o).append(',').append(customer < 0 ? "" : "C" + customer).append(',')
                        .append(time).append(",\"S,").append(random.nextInt(15)).append("\",,,")
                        .append(random.nextInt(9) == 0 ? -1 : 1).append(",5\n");
            }
        }
        orders = Files.writeString(dir.resolve("orders.csv"), csv.toString());
    }

    @Test
    void aJobOutputLoadsAsTheSameRunMineStores() throws IOException {
        Path output = jobOutputOf(SETTINGS, Function.identity());
        try (Store store = storeWithOrders("target")) {
            MiningRun run = new PairsImport(store).load(output, SETTINGS, ProgressMonitor.NONE);
            try (Store reference = storeWithOrders("reference")) {
                MiningRun mined = new MiningService().mine(reference, SETTINGS, ProgressMonitor.NONE).run();
                assertEquals(mined.orders(), run.orders());
                assertEquals(mined.pairs(), run.pairs());
                assertEquals(mined.followCutoff(), run.followCutoff());
                PairStatisticsStore want = new PairStatisticsStore(reference);
                PairStatisticsStore got = new PairStatisticsStore(store);
                assertEquals(want.products(mined.id()), got.products(run.id()));
                PackedPairs wantPairs = want.pairs(mined.id(), 16);
                PackedPairs gotPairs = got.pairs(run.id(), 16);
                for (int a = 0; a < 16; a++) {
                    assertArrayEquals(wantPairs.packed(a), gotPairs.packed(a), "anchor " + a);
                }
            }
        }
    }

    @Test
    void otherSettingsAreRefusedUnlessGiven() throws IOException {
        Path output = jobOutputOf(SETTINGS.withWindowDays(14), Function.identity());
        try (Store store = storeWithOrders("target")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PairsImport(store).load(output, SETTINGS, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("14-day window, not 30"), e.getMessage());
            assertTrue(new PairStatisticsStore(store).activeRun().isEmpty());
            assertEquals(14, new PairsImport(store).load(output, SETTINGS.withWindowDays(14), ProgressMonitor.NONE)
                    .windowDays());
        }
    }

    @Test
    void aStoreWithOtherOrdersIsRefused() throws IOException {
        Path output = jobOutputOf(SETTINGS, Function.identity());
        try (Store store = storeWithOrders("target")) {
            Path more = Files.writeString(dir.resolve("more.csv"), "order_id,customer_id,ordered_at,sku,title,category,"
                    + "quantity,unit_price\nX1,,2025-01-02T00:00:00Z,\"S,1\",,,1,5\n");
            new OrderImporter().importFile(store, ImportRequest.of(more), ProgressMonitor.NONE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PairsImport(store).load(output, SETTINGS, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("export-orders"), e.getMessage());
        }
    }

    @Test
    void brokenOutputsAreRefusedWithTheReason() throws IOException {
        try (Store store = storeWithOrders("target")) {
            Map<String, Function<String, String>> breakages = Map.of(
                    "run.json is missing", text -> null,
                    "not a mining job's run", text -> text.replace("orderlift-pairs", "something-else"),
                    "holds more pairs than run.json", text -> text.replaceAll("\"pairs\": \\d+", "\"pairs\": 3"),
                    "the output is incomplete", text -> text.replaceAll("\"pairs\": (\\d+)", "\"pairs\": 1$1"));
            for (var breakage : breakages.entrySet()) {
                Path output = jobOutputOf(SETTINGS, breakage.getValue());
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> new PairsImport(store).load(output, SETTINGS, ProgressMonitor.NONE));
                assertTrue(e.getMessage().contains(breakage.getKey()), e.getMessage());
            }
            Path unknownSku = jobOutputOf(SETTINGS, Function.identity());
            Files.writeString(unknownSku.resolve("products/part-00009.csv"), "sku,orders,followBase\nNOPE,0,0\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PairsImport(store).load(unknownSku, SETTINGS, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("catalog lacks") && e.getMessage().contains("NOPE"), e.getMessage());
            Path badHeader = jobOutputOf(SETTINGS, Function.identity());
            Files.writeString(badHeader.resolve("pairs/part-00009.csv"), "a,b,co,follow,customers\n");
            e = assertThrows(IllegalArgumentException.class,
                    () -> new PairsImport(store).load(badHeader, SETTINGS, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("not the header"), e.getMessage());
            assertTrue(new PairStatisticsStore(store).activeRun().isEmpty(), "nothing was stored");
        }
    }

    private Store storeWithOrders(String name) throws IOException {
        Store store = Store.openOrCreate(dir.resolve(name));
        new OrderImporter().importFile(store, ImportRequest.of(orders), ProgressMonitor.NONE);
        return store;
    }

    /**
     * What the job writes for these orders, built from the embedded miner's result: run.json (passed
     * through {@code runJson}; null leaves it out), products in one gzipped part, pairs in two parts.
     */
    private Path jobOutputOf(MiningSettings settings, Function<String, String> runJson) throws IOException {
        Path output = Files.createDirectories(dir.resolve("job-" + System.nanoTime()));
        try (Store source = storeWithOrders("source-" + System.nanoTime())) {
            return JobOutputs.write(source, settings, output, runJson);
        }
    }
}

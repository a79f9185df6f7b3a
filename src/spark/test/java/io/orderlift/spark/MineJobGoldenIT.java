package io.orderlift.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.external.PairsImport;
import io.orderlift.store.MiningRun;
import io.orderlift.store.OrderExport;
import io.orderlift.store.PackedPairs;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark job against the embedded miner, pair for pair: on every generic-format sample store (the
 * real-shaped wholesale one included) read from its own file, on a store's export-orders file under
 * other settings, and on a randomized store of edge cases (returns, emails in two cases, padded SKUs,
 * offsets, date-only times, orders exactly one window apart, quoted titles with line breaks). The job runs as a user runs it: a
 * separate JVM on target/orderlift-spark.jar and target/spark-classpath.txt, local[2].
 */
class MineJobGoldenIT {

    private static final Path SAMPLES = Path.of("sample-stores");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"outdoor/orders.csv", "kitchen/orders.csv", "beauty/orders.csv", "wholesale/orders.csv.gz"})
    void everySampleStoreEqualsTheEmbeddedMiner(String file) throws Exception {
        assertJobEqualsEmbedded(file.substring(0, file.indexOf('/')), SAMPLES.resolve(file), MiningSettings.defaults());
    }

    @Test
    void exportedOrdersUnderOtherSettingsRoundTrip() throws Exception {
        MiningSettings settings = new MiningSettings(14, 5, 2);
        try (Store store = storeOf("outdoor-export", SAMPLES.resolve("outdoor/orders.csv"))) {
            Path exported = dir.resolve("outdoor-export.csv.gz");
            OrderExport.Summary summary = new OrderExport(store).write(exported, ProgressMonitor.NONE);
            assertTrue(summary.lines() > 30_000, "the export holds every line");
            Expected expected = mineEmbedded(store, settings);
            assertTrue(expected.run().ordersOverMaxBasket() > 0 && expected.run().pairsDropped() > 0,
                    "the settings leave orders and pairs out");
            Path output = runJob(exported, settings);
            assertImportedEquals(store, output, settings, expected);
        }
    }

    @Test
    void parquetPartsEqualTheEmbeddedMiner() throws Exception {
        Path csv = SAMPLES.resolve("kitchen/orders.csv");
        Path parquet = dir.resolve("kitchen.parquet");
        java(List.of(CsvToParquet.class.getName(), csv.toString(), parquet.toString()),
                System.getProperty("orderlift.spark.testClasses"));
        try (Store store = storeOf("kitchen-parquet", csv)) {
            Expected expected = mineEmbedded(store, MiningSettings.defaults());
            Path output = runJob(parquet, MiningSettings.defaults(), "--format", "parquet");
            assertImportedEquals(store, output, MiningSettings.defaults(), expected);
        }
    }

    @Test
    void randomizedEdgeCasesEqualTheEmbeddedMiner() throws Exception {
        assertJobEqualsEmbedded("edge-cases", edgeCaseStore(new SplittableRandom(11)), new MiningSettings(30, 0, 1));
    }

    @Test
    void importPairsRefusesAnotherStoresResultAndOtherSettings() throws Exception {
        Path output;
        try (Store outdoor = storeOf("outdoor-refusals", SAMPLES.resolve("outdoor/orders.csv"))) {
            output = runJob(SAMPLES.resolve("outdoor/orders.csv"), MiningSettings.defaults());
            IllegalArgumentException settings = assertThrows(IllegalArgumentException.class, () ->
                    new PairsImport(outdoor).load(output, MiningSettings.defaults().withWindowDays(14),
                            ProgressMonitor.NONE));
            assertTrue(settings.getMessage().contains("30-day window"), settings.getMessage());
            Path extra = Files.writeString(dir.resolve("extra.csv"), "order_id,customer_id,ordered_at,sku,title,"
                    + "category,quantity,unit_price\nX-1,,2026-03-31T23:00:00Z,OUT-TEN-001,,,1,10\n");
            new OrderImporter().importFile(outdoor, ImportRequest.of(extra), ProgressMonitor.NONE);
            IllegalArgumentException orders = assertThrows(IllegalArgumentException.class, () ->
                    new PairsImport(outdoor).load(output, MiningSettings.defaults(), ProgressMonitor.NONE));
            assertTrue(orders.getMessage().contains("export-orders"), orders.getMessage());
            assertTrue(new PairStatisticsStore(outdoor).activeRun().isEmpty(), "nothing was stored");
        }
        try (Store kitchen = storeOf("kitchen-refusals", SAMPLES.resolve("kitchen/orders.csv"))) {
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () ->
                    new PairsImport(kitchen).load(output, MiningSettings.defaults(), ProgressMonitor.NONE));
            assertTrue(other.getMessage().contains("orders"), other.getMessage());
        }
        Files.delete(output.resolve("run.json"));
        try (Store outdoor = storeOf("outdoor-unfinished", SAMPLES.resolve("outdoor/orders.csv"))) {
            IllegalArgumentException unfinished = assertThrows(IllegalArgumentException.class, () ->
                    new PairsImport(outdoor).load(output, MiningSettings.defaults(), ProgressMonitor.NONE));
            assertTrue(unfinished.getMessage().contains("run.json is missing"), unfinished.getMessage());
        }
    }

    /** What the embedded miner stored. */
    private record Expected(MiningRun run, List<PairStatisticsStore.ProductStat> products, PackedPairs pairs) {
    }

    private void assertJobEqualsEmbedded(String name, Path orders, MiningSettings settings) throws Exception {
        try (Store store = storeOf(name, orders)) {
            Expected expected = mineEmbedded(store, settings);
            Path output = runJob(orders, settings);
            assertImportedEquals(store, output, settings, expected);
        }
    }

    private Store storeOf(String name, Path orders) throws IOException {
        Store store = Store.openOrCreate(dir.resolve(name));
        new OrderImporter().importFile(store, ImportRequest.of(orders), ProgressMonitor.NONE);
        return store;
    }

    private static Expected mineEmbedded(Store store, MiningSettings settings) {
        MiningRun run = new MiningService().mine(store, settings, ProgressMonitor.NONE).run();
        PairStatisticsStore stats = new PairStatisticsStore(store);
        return new Expected(run, stats.products(run.id()), stats.pairs(run.id(), anchors(stats, run)));
    }

    private static int anchors(PairStatisticsStore stats, MiningRun run) {
        return stats.products(run.id()).stream().mapToInt(PairStatisticsStore.ProductStat::productId).max()
                .orElse(0) + 1;
    }

    private static void assertImportedEquals(Store store, Path output, MiningSettings settings, Expected expected)
            throws IOException {
        MiningRun run = new PairsImport(store).load(output, settings, ProgressMonitor.NONE);
        MiningRun want = expected.run();
        assertEquals(List.of(want.windowDays(), want.maxBasket(), want.minCo(), want.orders(), want.ordersEmpty(),
                        want.ordersOverMaxBasket(), want.products(), want.pairs(), want.pairsDropped()),
                List.of(run.windowDays(), run.maxBasket(), run.minCo(), run.orders(), run.ordersEmpty(),
                        run.ordersOverMaxBasket(), run.products(), run.pairs(), run.pairsDropped()));
        assertEquals(want.lastOrderAt(), run.lastOrderAt());
        assertEquals(want.followCutoff(), run.followCutoff());
        PairStatisticsStore stats = new PairStatisticsStore(store);
        assertEquals(expected.products(), stats.products(run.id()), "orders, followBase and price per product");
        PackedPairs pairs = stats.pairs(run.id(), expected.pairs().anchors());
        for (int a = 0; a < expected.pairs().anchors(); a++) {
            assertEquals(expected.pairs().pairCount(a), pairs.pairCount(a), "pairs of anchor " + a);
            assertArrayEquals(expected.pairs().packed(a), pairs.packed(a), "co, follow, customers of anchor " + a);
        }
    }

    /** Runs the job as docs/scale.md says, in its own JVM; returns the output folder. */
    private Path runJob(Path input, MiningSettings settings, String... options) throws IOException,
            InterruptedException {
        Path output = dir.resolve("job-" + System.nanoTime());
        List<String> arguments = new ArrayList<>(List.of(MineJob.class.getName(), "--input", input.toString(),
                "--output", output.toString(), "--master", "local[2]", "--shuffle-partitions", "8",
                "--window-days", Integer.toString(settings.windowDays()),
                "--max-basket", Integer.toString(settings.maxBasket()),
                "--min-co", Integer.toString(settings.minCo())));
        arguments.addAll(List.of(options));
        java(arguments, System.getProperty("orderlift.spark.jar"));
        return output;
    }

    /** Runs {@code arguments} (a main class and its arguments) on {@code classPath} and the Spark class path. */
    private void java(List<String> arguments, String classPath) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(System.getProperty("orderlift.spark.javaOptions").trim().split("\\s+")));
        command.add("-cp");
        command.add(classPath + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("orderlift.spark.classpath"))).trim());
        command.addAll(arguments);
        Path log = dir.resolve("java-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int status = process.waitFor();
        String text = Files.readString(log);
        assertEquals(0, status, () -> String.join(" ", arguments) + " failed:\n"
                + text.substring(Math.max(0, text.length() - 4000)));
    }

    /**
     * A small store full of the cases the rules single out: returns that empty an order, emails in two
     * cases, SKUs with spaces around them, offsets and date-only times, and orders exactly a window apart.
     */
    private Path edgeCaseStore(SplittableRandom random) throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int o = 1; o <= 400; o++) {
            int person = random.nextInt(31) - 1;
            String customer = person < 0 ? "" : person % 3 == 0 ? (o % 2 == 0 ? "Buyer" : "buyer") + person + "@Shop.example"
                    : "C" + person;
            int day = random.nextInt(90);
            String time = switch (random.nextInt(4)) {
                case 0 -> String.format("2025-%02d-%02d", 1 + day / 30, 1 + day % 30 % 28);
                case 1 -> String.format("2025-%02d-%02dT%02d:00:00+02:00", 1 + day / 30, 1 + day % 30 % 28, random.nextInt(24));
                default -> String.format("2025-%02d-%02d %02d:30:00", 1 + day / 30, 1 + day % 30 % 28, random.nextInt(24));
            };
            int items = 1 + random.nextInt(random.nextInt(10) == 0 ? 12 : 4);
            for (int l = 0; l < items; l++) {
                int sku = random.nextInt(25);
                String padded = random.nextInt(5) == 0 ? " S" + sku + " " : "S" + sku;
                int quantity = random.nextInt(8) == 0 ? -1 : 1 + random.nextInt(2);
                String title = random.nextInt(7) == 0 ? "\"Lamp, \"\"warm\"\"\nwhite\"" : "";
                csv.append("O").append(o).append(',').append(customer).append(',').append(time).append(',')
                        .append(padded).append(',').append(title).append(",,").append(quantity).append(",5\n");
            }
        }
        return Files.writeString(dir.resolve("edge-cases.csv"), csv.toString());
    }
}

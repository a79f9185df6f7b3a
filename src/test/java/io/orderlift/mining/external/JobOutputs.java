package io.orderlift.mining.external;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import io.orderlift.common.CsvFields;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.store.MiningRun;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.Store;

/**
 * A Spark job's output folder in the job's layout (docs/scale.md), written from the embedded miner's
 * result on a store: what {@code import-pairs} reads, without Spark.
 */
public final class JobOutputs {

    private JobOutputs() {
    }

    /**
     * Mines {@code source} with {@code settings} and writes the result to {@code output} (which must
     * exist); {@code runJson} may alter the run.json text, or return null to leave the file out.
     */
    public static Path write(Store source, MiningSettings settings, Path output, Function<String, String> runJson)
            throws IOException {
        MiningRun run = new MiningService().mine(source, settings, ProgressMonitor.NONE).run();
        PairStatisticsStore stats = new PairStatisticsStore(source);
        List<PairStatisticsStore.ProductStat> products = stats.products(run.id());
        Map<Integer, String> skus = products.stream().collect(Collectors.toMap(
                PairStatisticsStore.ProductStat::productId, PairStatisticsStore.ProductStat::sku));
        StringBuilder productRows = new StringBuilder("sku,orders,followBase\n");
        products.stream().filter(p -> p.orders() > 0).forEach(p -> productRows.append(CsvFields.field(p.sku()))
                .append(',').append(p.orders()).append(',').append(p.followBase()).append('\n'));
        Files.createDirectories(output.resolve("products"));
        gzip(output.resolve("products/part-00000.csv.gz"), productRows.toString());
        StringBuilder[] parts = {new StringBuilder(), new StringBuilder()};
        long[] count = {0};
        stats.pairs(run.id(), 16).forEachPair((a, c, co, follow, customers) -> {
            parts[a % 2].append(CsvFields.field(skus.get(a))).append(',').append(CsvFields.field(skus.get(c)))
                    .append(',').append(co).append(',').append(follow).append(',').append(customers).append('\n');
            count[0]++;
        });
        Files.createDirectories(output.resolve("pairs"));
        Files.writeString(output.resolve("pairs/part-00000.csv"), "anchor,candidate,co,follow,customers\n" + parts[0]);
        gzip(output.resolve("pairs/part-00001.csv.gz"), "anchor,candidate,co,follow,customers\n" + parts[1]);
        String json = String.format("{\"format\": \"orderlift-pairs\", \"formatVersion\": 1, \"windowDays\": %d,"
                + " \"maxBasket\": %d, \"minCo\": %d, \"orders\": %d, \"ordersEmpty\": %d, \"ordersOverMaxBasket\": %d,"
                + " \"lastOrderAt\": \"%s\", \"followCutoff\": \"%s\", \"products\": %d, \"pairs\": %d,"
                + " \"pairsDropped\": %d, \"startedAt\": \"2026-01-01T00:00:00Z\", \"durationMs\": 1234}",
                settings.windowDays(), settings.maxBasket(), settings.minCo(), run.orders(), run.ordersEmpty(),
                run.ordersOverMaxBasket(), run.lastOrderAt(), run.followCutoff(), products.size(), count[0],
                run.pairsDropped());
        String written = runJson.apply(json);
        if (written != null) {
            Files.writeString(output.resolve("run.json"), written);
        }
        return output;
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write(text);
        }
    }
}

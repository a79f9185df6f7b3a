package io.orderlift.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import io.orderlift.mining.MiningSettings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;

/**
 * Writes the job's result in the layout {@code orderlift import-pairs} reads (docs/scale.md):
 * {@code products/} and {@code pairs/} as gzipped CSV parts with a header, then {@code run.json}
 * last, so a folder without it is a run that did not finish.
 */
final class JobOutput {

    /** The value of run.json's {@code format}. */
    static final String FORMAT = "orderlift-pairs";
    static final int FORMAT_VERSION = 1;

    private final SparkSession spark;
    private final Path folder;
    private final FileSystem fs;

    JobOutput(SparkSession spark, String output) throws IOException {
        this.spark = spark;
        this.folder = new Path(output);
        this.fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(folder)) {
            throw new IllegalArgumentException("The output " + output + " already exists; give a new folder");
        }
    }

    /** Writes everything; returns the run's summary as written to run.json. */
    String write(PairCounting.Counts counts, OrderBaskets baskets, MiningSettings settings, Instant started)
            throws IOException {
        Dataset<Row> all = counts.pairs().persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> keptPairs = all.where(greatest(col("co"), col("follow")).geq(settings.minCo()));
        csv(counts.withSkus(keptPairs), "pairs");
        long pairs = keptPairs.count();
        long dropped = settings.minCo() <= 1 ? 0 : all.count() - pairs;
        all.unpersist();
        Dataset<Row> productRows = counts.products().persist(StorageLevel.MEMORY_AND_DISK());
        csv(productRows, "products");
        long products = productRows.count();
        productRows.unpersist();
        String json = String.join("\n",
                "{",
                "  \"format\": \"" + FORMAT + "\",",
                "  \"formatVersion\": " + FORMAT_VERSION + ",",
                "  \"windowDays\": " + settings.windowDays() + ",",
                "  \"maxBasket\": " + settings.maxBasket() + ",",
                "  \"minCo\": " + settings.minCo() + ",",
                "  \"orders\": " + baskets.orders() + ",",
                "  \"ordersEmpty\": " + baskets.ordersEmpty() + ",",
                "  \"ordersOverMaxBasket\": " + baskets.ordersOverMaxBasket() + ",",
                "  \"lastOrderAt\": " + instant(baskets.lastOrderAt()) + ",",
                "  \"followCutoff\": " + instant(counts.followCutoff()) + ",",
                "  \"products\": " + products + ",",
                "  \"pairs\": " + pairs + ",",
                "  \"pairsDropped\": " + dropped + ",",
                "  \"startedAt\": \"" + started + "\",",
                "  \"durationMs\": " + (Instant.now().toEpochMilli() - started.toEpochMilli()) + ",",
                "  \"sparkVersion\": \"" + spark.version() + "\"",
                "}", "");
        try (OutputStream out = fs.create(new Path(folder, "run.json"), false)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return json;
    }

    private void csv(Dataset<Row> rows, String name) {
        rows.write().mode(SaveMode.ErrorIfExists).option("header", "true").option("escape", "\"")
                .option("compression", "gzip").csv(new Path(folder, name).toString());
    }

    private static String instant(long epochMillis) {
        return epochMillis == Long.MIN_VALUE ? "null" : "\"" + Instant.ofEpochMilli(epochMillis) + "\"";
    }
}

package io.orderlift.spark;

import java.time.Instant;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Orderlift's mining job on Apache Spark: reads order lines in the generic format (CSV or Parquet,
 * one or many files), counts purchase pairs by DESIGN.md's mining rules exactly as {@code orderlift
 * mine} does, and writes the statistics for {@code orderlift import-pairs}. See docs/scale.md.
 */
public final class MineJob {

    /** Log4j 2's property naming its configuration; the job's own (warnings only) unless one is given. */
    private static final String LOG_CONFIGURATION = "log4j2.configurationFile";

    private MineJob() {
    }

    public static void main(String[] args) throws Exception {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (JobOptions.HelpRequested help) {
            System.out.println(JobOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (System.getProperty(LOG_CONFIGURATION) == null) {
            System.setProperty(LOG_CONFIGURATION, "orderlift-spark-log4j2.properties");
        }
        SparkSession.Builder builder = SparkSession.builder().appName("orderlift-mine")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", "false");
        if (options.master() != null) {
            builder.master(options.master());
        }
        if (options.shufflePartitions() > 0) {
            builder.config("spark.sql.shuffle.partitions", options.shufflePartitions());
        }
        SparkSession spark = builder.getOrCreate();
        int status = 0;
        try {
            System.out.println(run(spark, options));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 1;
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Mines and writes; returns the run.json written. */
    static String run(SparkSession spark, JobOptions options) throws Exception {
        Instant started = Instant.now();
        JobOutput output = new JobOutput(spark, options.output());
        Dataset<Row> lines = new OrderLineReader(spark).read(options.inputs(), options.parquet());
        OrderBaskets baskets = OrderBaskets.of(lines, options.settings().maxBasket());
        PairCounting.Counts counts = PairCounting.of(spark, baskets, options.settings());
        return output.write(counts, baskets, options.settings(), started);
    }
}

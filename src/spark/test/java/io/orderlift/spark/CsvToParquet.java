package io.orderlift.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.col;

/**
 * For the golden test: rewrites a generic-format CSV as Parquet the way a warehouse holds order
 * lines (several part files; {@code ordered_at} a timestamp, {@code quantity} an integer), run in
 * its own JVM on the job's class path: {@code CsvToParquet IN.csv OUT_FOLDER}.
 */
public final class CsvToParquet {

    private CsvToParquet() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("csv-to-parquet")
                .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false").getOrCreate();
        try {
            spark.read().option("header", "true").option("escape", "\"").option("multiLine", "true").csv(args[0])
                    .withColumn("ordered_at", col("ordered_at").cast(DataTypes.TimestampType))
                    .withColumn("quantity", col("quantity").cast(DataTypes.IntegerType))
                    .repartition(3)
                    .write().parquet(args[1]);
        } finally {
            spark.stop();
        }
    }
}

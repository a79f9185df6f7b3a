package io.orderlift.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.orderlift.mining.MiningSettings;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * DESIGN.md's pair statistics on Spark, equal to the embedded miner's.
 *
 * <p>The kept orders are shuffled once by buyer ({@code who}: the customer, or the order itself for a
 * guest) and sorted by time within each buyer; each buyer's pairs are then counted in memory with
 * dense product ids and primitive arrays ({@link BuyerCounting}), exactly as the embedded miner counts
 * one customer's orders: same-order pairs of every order, and for each order of a known customer at
 * most {@code T_last − window} the items of the customer's orders in {@code (t, t + window]} it does not
 * hold, once per order. A buyer leaves one row per pair, marked 1 when the buyer is a known customer,
 * so the only large shuffle — per (anchor, candidate), combined map-side — sums to co, follow and the
 * distinct customers. Skew: a huge basket is one task's work (an order of 1,110 items is 1.2 M pair
 * increments, small); a huge customer's whole history is one task's too (docs/scale.md says how far
 * that goes).
 */
final class PairCounting {

    /** Prefix of a guest order's buyer key: a character no trimmed id starts with. */
    private static final String GUEST = "\u0000";

    /** The pairs as written: SKUs, then the counts. */
    static final StructType PAIRS = new StructType()
            .add("anchor", DataTypes.StringType, false)
            .add("candidate", DataTypes.StringType, false)
            .add("co", DataTypes.IntegerType, false)
            .add("follow", DataTypes.IntegerType, false)
            .add("customers", DataTypes.IntegerType, false);

    private PairCounting() {
    }

    /**
     * The result: per product {@code sku, orders, followBase}; per pair {@code anchor, candidate} (dense
     * ids, see {@link #withSkus}), {@code co, follow, customers}.
     */
    record Counts(Dataset<Row> products, Dataset<Row> pairs, Broadcast<BuyerCounting.ProductIds> ids,
                  long followCutoff) {

        /** Pairs with their products' SKUs instead of the dense ids. */
        Dataset<Row> withSkus(Dataset<Row> pairs) {
            Broadcast<BuyerCounting.ProductIds> dictionary = ids;
            return pairs.map((MapFunction<Row, Row>) r -> RowFactory.create(dictionary.value().sku(r.getInt(0)),
                    dictionary.value().sku(r.getInt(1)), r.getInt(2), r.getInt(3), r.getInt(4)), Encoders.row(PAIRS));
        }
    }

    static Counts of(SparkSession spark, OrderBaskets baskets, MiningSettings settings) {
        Dataset<Row> kept = baskets.kept();
        long cutoff = baskets.orders() == 0 ? Long.MIN_VALUE : baskets.lastOrderAt() - settings.windowMillis();
        BuyerCounting.ProductIds ids = new BuyerCounting.ProductIds(kept.select(explode(col("items")).as("sku"))
                .distinct().orderBy("sku").as(Encoders.STRING()).collectAsList());
        Broadcast<BuyerCounting.ProductIds> dictionary = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(ids);
        Dataset<Row> buyers = kept
                .select(coalesce(col("customer"), concat(lit(GUEST), col("order"))).as("who"), col("customer"),
                        col("t"), col("items"))
                .repartition(col("who"))
                .sortWithinPartitions("who", "t");
        Dataset<Row> pairs = buyers
                .mapPartitions(new BuyerCounting(dictionary, cutoff, settings.windowMillis()),
                        Encoders.row(BuyerCounting.SCHEMA))
                .groupBy("anchor", "candidate")
                .agg(sum("co").cast("int").as("co"), sum("follow").cast("int").as("follow"),
                        sum("customers").cast("int").as("customers"));
        Dataset<Row> followBaseOrders = kept.where(col("customer").isNotNull().and(col("t").leq(cutoff)));
        Dataset<Row> orders = kept.select(explode(col("items")).as("sku")).groupBy("sku")
                .agg(count(lit(1)).cast("int").as("orders"));
        Dataset<Row> followBase = followBaseOrders.select(explode(col("items")).as("sku")).groupBy("sku")
                .agg(count(lit(1)).cast("int").as("followBase"));
        Dataset<Row> products = orders.join(followBase, "sku", "left")
                .select(col("sku"), col("orders"), coalesce(col("followBase"), lit(0)).as("followBase"));
        return new Counts(products, pairs, dictionary, cutoff);
    }
}

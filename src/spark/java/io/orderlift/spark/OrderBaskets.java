package io.orderlift.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Orders as mining sees them (DESIGN.md): an order's item set is the SKUs whose net quantity is
 * positive, its time the earliest of its lines' times; orders with an empty item set, or with more
 * items than the basket cap, are left out and counted.
 *
 * @param kept                 {@code order, customer, t, items} (items: the sorted item set) of the orders mined
 * @param orders               N: orders with a non-empty item set within the cap
 * @param ordersEmpty          orders left out for an empty item set
 * @param ordersOverMaxBasket  orders left out for a basket above the cap
 * @param lastOrderAt          T_last, epoch ms; {@link Long#MIN_VALUE} when no order is kept
 */
record OrderBaskets(Dataset<Row> kept, long orders, long ordersEmpty, long ordersOverMaxBasket, long lastOrderAt) {

    /**
     * Groups {@code order, customer, t, sku, quantity} lines into orders; caches the kept orders and
     * releases the lines' cache once they are counted.
     */
    static OrderBaskets of(Dataset<Row> lines, int maxBasket) {
        Dataset<Row> headers = lines.groupBy("order")
                .agg(min("t").as("t"), max("customer").as("customer"), countDistinct("customer").as("customers"));
        OrderLineReader.requireOneCustomerPerOrder(headers);
        Dataset<Row> itemSets = lines.groupBy("order", "sku").agg(sum("quantity").as("net"))
                .where(col("net").gt(0))
                .groupBy("order").agg(sort_array(collect_list("sku")).as("items"));
        Dataset<Row> orders = headers.join(itemSets, headers.col("order").equalTo(itemSets.col("order")), "left")
                .select(headers.col("order"), col("customer"), col("t"), col("items"));
        Column empty = col("items").isNull();
        Column overCap = maxBasket > 0 ? size(col("items")).gt(maxBasket) : lit(false);
        Row counts = orders.agg(
                sum(when(empty, 1).otherwise(0)).as("empty"),
                sum(when(not(empty).and(overCap), 1).otherwise(0)).as("over"),
                count(lit(1)).as("all")).first();
        long ordersEmpty = counts.isNullAt(0) ? 0 : counts.getLong(0);
        long ordersOver = counts.isNullAt(1) ? 0 : counts.getLong(1);
        Dataset<Row> kept = orders.where(not(empty).and(not(overCap))).persist(StorageLevel.MEMORY_AND_DISK());
        Row last = kept.agg(count(lit(1)), max("t")).first();
        lines.unpersist();
        long n = last.getLong(0);
        return new OrderBaskets(kept, n, ordersEmpty, ordersOver, n == 0 ? Long.MIN_VALUE : last.getLong(1));
    }
}

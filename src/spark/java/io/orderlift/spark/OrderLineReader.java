package io.orderlift.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import io.orderlift.common.OrderLineRules;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

/**
 * Reads order lines in Orderlift's generic format and reads their values by the importer's own
 * rules ({@link OrderLineRules}): CSV as RFC 4180 writes it (a quoted title may hold a line break, so
 * a CSV file is read by one task; give many files, or Parquet, to read in parallel), ids trimmed, emails compared case-insensitively, ISO-8601 times
 * (UTC when no offset is given), non-zero whole quantities. Only the columns mining needs are read;
 * a line whose value breaks the rules stops the job with the file and the values, as an import would
 * refuse the file.
 */
final class OrderLineReader {

    /** The generic format's columns that mining reads. */
    static final List<String> COLUMNS = List.of("order_id", "customer_id", "ordered_at", "sku", "quantity");

    private static final int EXAMPLES = 5;

    private final SparkSession spark;

    OrderLineReader(SparkSession spark) {
        this.spark = spark;
        spark.udf().register("ol_order", (UDF1<String, String>) text -> identifier(text,
                OrderLineRules.MAX_ORDER_ID), DataTypes.StringType);
        spark.udf().register("ol_sku", (UDF1<String, String>) text -> identifier(text, OrderLineRules.MAX_SKU),
                DataTypes.StringType);
        spark.udf().register("ol_customer_ok", (UDF1<String, Boolean>) text -> text == null
                || identifier(text, OrderLineRules.MAX_CUSTOMER_ID) != null || text.isBlank(), DataTypes.BooleanType);
        spark.udf().register("ol_customer", (UDF1<String, String>) OrderLineRules::customerIdentity,
                DataTypes.StringType);
        spark.udf().register("ol_time", (UDF1<String, Long>) OrderLineReader::time, DataTypes.LongType);
        spark.udf().register("ol_quantity", (UDF1<String, Integer>) OrderLineReader::quantity,
                DataTypes.IntegerType);
    }

    /**
     * The lines as {@code order, customer (null for a guest), t (epoch ms), sku, quantity}, cached
     * until {@link OrderBaskets#of} has grouped them into orders; throws
     * {@link IllegalArgumentException} naming the first bad lines when any breaks the format.
     */
    Dataset<Row> read(List<String> inputs, boolean parquet) {
        String[] paths = inputs.toArray(String[]::new);
        Dataset<Row> raw = parquet
                ? spark.read().parquet(paths)
                : spark.read().option("header", "true").option("escape", "\"").option("multiLine", "true")
                        .option("mode", "FAILFAST")
                        .option("inferSchema", "false").csv(paths);
        List<Column> values = new ArrayList<>();
        for (String name : COLUMNS) {
            values.add(column(raw, name).cast(DataTypes.StringType).as(name));
        }
        values.add(input_file_name().as("file"));
        Dataset<Row> lines = raw.select(values.toArray(Column[]::new)).select(
                call_udf("ol_order", col("order_id")).as("order"),
                call_udf("ol_customer_ok", col("customer_id")).as("customer_ok"),
                call_udf("ol_customer", col("customer_id")).as("customer"),
                call_udf("ol_time", col("ordered_at")).as("t"),
                call_udf("ol_sku", col("sku")).as("sku"),
                call_udf("ol_quantity", col("quantity")).as("quantity"),
                col("file"), col("order_id"), col("customer_id"), col("ordered_at"), col("sku").as("raw_sku"),
                col("quantity").as("raw_quantity"));
        Column bad = col("order").isNull().or(not(col("customer_ok"))).or(col("t").isNull())
                .or(col("sku").isNull()).or(col("quantity").isNull());
        // read and parsed once: the check below and every later step use the cached rows
        Dataset<Row> parsed = lines.select(col("order"), col("customer"), col("t"), col("sku"), col("quantity"),
                bad.as("bad")).persist(StorageLevel.MEMORY_AND_DISK());
        if (!parsed.where(col("bad")).limit(1).isEmpty()) {
            parsed.unpersist();
            throw badLines(lines.where(bad));
        }
        return parsed;
    }

    /** The reason a file is refused: how many lines break the format, and the first few (read again, rarely). */
    private static IllegalArgumentException badLines(Dataset<Row> bad) {
        List<Row> examples = bad.limit(EXAMPLES).collectAsList();
        StringBuilder message = new StringBuilder(String.format(
                "%,d order lines break the generic format (order_id, sku and customer_id plain text of at most"
                + " %d, %d and %d characters, order_id and sku not empty, ordered_at an ISO-8601 date or date-time,"
                + " quantity a non-zero whole number); for example:", bad.count(), OrderLineRules.MAX_ORDER_ID,
                OrderLineRules.MAX_SKU, OrderLineRules.MAX_CUSTOMER_ID));
        for (Row row : examples) {
            message.append(String.format("%n  %s: order_id=%s, customer_id=%s, ordered_at=%s, sku=%s, quantity=%s",
                    row.getAs("file"), row.getAs("order_id"), row.getAs("customer_id"), row.getAs("ordered_at"),
                    row.getAs("raw_sku"), row.getAs("raw_quantity")));
        }
        return new IllegalArgumentException(message.toString());
    }

    /** An order's lines must name one customer; lists the first orders that name two. */
    static void requireOneCustomerPerOrder(Dataset<Row> orders) {
        Column conflict = col("customers").gt(1);
        List<Row> examples = orders.where(conflict).limit(EXAMPLES).collectAsList();
        if (!examples.isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "%,d orders name more than one customer on their lines (an import refuses them), e.g. order %s",
                    orders.where(conflict).count(), String.join(", ", examples.stream()
                            .map(r -> r.<String>getAs("order")).toList())));
        }
    }

    /** The input's column {@code name}, matched as the importer matches headers: trimmed, any case. */
    private static Column column(Dataset<Row> raw, String name) {
        for (String present : raw.columns()) {
            if (present.strip().toLowerCase(Locale.ROOT).equals(name)) {
                return col("`" + present.replace("`", "``") + "`");
            }
        }
        if (name.equals("customer_id")) {
            return lit(null).cast(DataTypes.StringType);
        }
        throw new IllegalArgumentException("The input has no " + name + " column; its columns are "
                + String.join(", ", raw.columns()) + " (see docs/scale.md for the generic format)");
    }

    /** The identifier as the importer reads it, or null when empty or when the importer would refuse it. */
    private static String identifier(String text, int maxLength) {
        try {
            String id = text == null ? "" : OrderLineRules.checkedIdentifier(text, "an id");
            return id.isEmpty() || id.length() > maxLength ? null : id;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long time(String text) {
        try {
            return text == null ? null : OrderLineRules.timestamp(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer quantity(String text) {
        try {
            return text == null ? null : OrderLineRules.quantity(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

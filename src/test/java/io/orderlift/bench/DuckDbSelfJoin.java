package io.orderlift.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The reference point for mining: DuckDB counting the same-order pairs of an order file with a
 * SQL self-join (item sets by net quantity, as DESIGN.md's mining rules say), timed as a whole in
 * a fresh JVM. Follow-on pairs are not counted: this is the lower bound of what a data engineer's
 * first query costs, not an equal.
 *
 * <pre>
 * java -cp target/orderlift.jar:target/test-classes:$(cat target/test-classpath.txt) \
 *     io.orderlift.bench.DuckDbSelfJoin sample-stores/wholesale/orders.csv.gz
 * </pre>
 */
public final class DuckDbSelfJoin {

    private DuckDbSelfJoin() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            statement.execute("CREATE TABLE items AS SELECT order_id, trim(sku) AS sku FROM read_csv('"
                    + args[0].replace("'", "''") + "', header = true, all_varchar = true)"
                    + " GROUP BY ALL HAVING sum(CAST(quantity AS INTEGER)) > 0");
            long loaded = System.nanoTime();
            try (ResultSet r = statement.executeQuery("SELECT count(*), sum(co) FROM (SELECT a.sku, b.sku, count(*)"
                    + " AS co FROM items a JOIN items b ON a.order_id = b.order_id AND a.sku <> b.sku GROUP BY ALL)")) {
                r.next();
                long done = System.nanoTime();
                System.out.printf("DuckDB self-join: %,d same-order pairs, %,d pair increments; read %.1f s,"
                        + " join %.1f s, total %.1f s%n", r.getLong(1), r.getLong(2), (loaded - started) / 1e9,
                        (done - loaded) / 1e9, (done - started) / 1e9);
            }
        }
    }
}

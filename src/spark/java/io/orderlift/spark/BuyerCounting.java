package io.orderlift.spark;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The counting pass of the job: a partition's orders arrive grouped by buyer ({@code who}: a customer,
 * or one guest order) and sorted by time within each; the partition's pairs are counted in memory
 * ({@link PartitionMiner}) and leave anchor by anchor as rows {@code anchor, candidate} (dense product
 * ids), {@code co}, {@code follow}, {@code customers}. A buyer's orders are all in one partition, so
 * summing the rows per pair gives DESIGN.md's statistics, distinct customers included.
 */
final class BuyerCounting implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** The rows this pass writes. */
    static final StructType SCHEMA = new StructType()
            .add("anchor", DataTypes.IntegerType, false)
            .add("candidate", DataTypes.IntegerType, false)
            .add("co", DataTypes.IntegerType, false)
            .add("follow", DataTypes.IntegerType, false)
            .add("customers", DataTypes.IntegerType, false);

    private final Broadcast<ProductIds> products;
    private final long cutoff;
    private final long window;

    BuyerCounting(Broadcast<ProductIds> products, long cutoff, long window) {
        this.products = products;
        this.cutoff = cutoff;
        this.window = window;
    }

    /** Input rows: {@code who, customer, t, items}, grouped by {@code who}, by time within a buyer. */
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        ProductIds ids = products.value();
        PartitionMiner miner = new PartitionMiner(ids.size(), cutoff, window);
        String previous = null;
        while (rows.hasNext()) {
            Row row = rows.next();
            String who = row.getString(0);
            miner.order(!who.equals(previous), !row.isNullAt(1), row.getLong(2), ids.of(row.getList(3)));
            previous = who;
        }
        return new Iterator<>() {
            private final Queue<Row> anchorRows = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (anchorRows.isEmpty() && miner.nextAnchor((a, c, co, follow, customers) ->
                        anchorRows.add(RowFactory.create(a, c, co, follow, customers)))) {
                    // the next anchor's pairs are queued
                }
                return !anchorRows.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return anchorRows.poll();
            }
        };
    }

    /**
     * The dense ids of the products in the kept orders: index = id, sorted by SKU. One broadcast
     * value serves every task of an executor at once, so its index is built whole before it is
     * published (a CI run once failed on a task reading another's half-built index).
     */
    static final class ProductIds implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String[] skus;
        private transient volatile Map<String, Integer> index;

        ProductIds(List<String> sortedSkus) {
            this.skus = sortedSkus.toArray(String[]::new);
        }

        int size() {
            return skus.length;
        }

        String sku(int id) {
            return skus[id];
        }

        int[] of(List<String> items) {
            Map<String, Integer> map = index;
            if (map == null) {
                // two tasks may both build it; each publishes a whole one
                HashMap<String, Integer> built = new HashMap<>(skus.length * 2);
                for (int i = 0; i < skus.length; i++) {
                    built.put(skus[i], i);
                }
                index = built;
                map = built;
            }
            int[] ids = new int[items.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = map.get(items.get(i));
            }
            return ids;
        }
    }
}

package io.orderlift.spark;

import java.util.Arrays;

/**
 * Counts the pairs of one partition's buyers exactly as the embedded miner counts a store, anchor by
 * anchor into dense scratch arrays: the partition holds whole buyers (every order of a customer, or
 * one guest order), so its counts, distinct customers included, add up across partitions to DESIGN.md's
 * statistics. Orders come in grouped by buyer, in time order within each.
 *
 * <p>For an anchor {@code a}: every other item of an order holding {@code a} adds to {@code co(a,c)};
 * for such an order of a known customer at most the cutoff, every item of the customer's orders in
 * {@code (t, t + window]} that the order does not hold adds once to {@code follow(a,c)} (the order's
 * follow-on set, computed once per order); a pair's customers are counted with a "last buyer seen"
 * marker, which works because the anchor's orders are visited grouped by buyer.
 */
final class PartitionMiner {

    /** Receives one pair of the partition. */
    @FunctionalInterface
    interface PairVisitor {
        void pair(int anchor, int candidate, int co, int follow, int customers);
    }

    private final int products;
    private final long cutoff;
    private final long window;
    private int count;
    private int buyers;
    private int[] buyer = new int[64];
    private boolean[] known = new boolean[64];
    private long[] time = new long[64];
    private int[][] items = new int[64][];
    // built by prepare(): the follow-on sets, the orders holding each product, scratch per candidate
    private int[][] followOn;
    private int[] start;
    private int[] holding;
    private int[] co;
    private int[] follow;
    private int[] customers;
    private int[] lastBuyer;
    private int[] touched;
    private int anchor;

    PartitionMiner(int products, long cutoff, long window) {
        this.products = products;
        this.cutoff = cutoff;
        this.window = window;
    }

    /** Adds an order (before the first {@link #nextAnchor}); {@code newBuyer} when it is the next buyer's first. */
    void order(boolean newBuyer, boolean knownCustomer, long orderedAt, int[] orderItems) {
        if (count == time.length) {
            int size = count * 2;
            buyer = Arrays.copyOf(buyer, size);
            known = Arrays.copyOf(known, size);
            time = Arrays.copyOf(time, size);
            items = Arrays.copyOf(items, size);
        }
        if (newBuyer || count == 0) {
            buyers++;
        }
        buyer[count] = buyers - 1;
        known[count] = knownCustomer;
        time[count] = orderedAt;
        items[count++] = orderItems;
    }

    /** Counts the next anchor's pairs and visits them by candidate; false when every anchor is done. */
    boolean nextAnchor(PairVisitor visitor) {
        if (holding == null) {
            prepare();
        }
        if (anchor >= products) {
            return false;
        }
        int a = anchor++;
        int touchedCount = 0;
        for (int k = start[a]; k < start[a + 1]; k++) {
            int o = holding[k];
            int b = known[o] ? buyer[o] : -1;
            for (int c : items[o]) {
                if (c == a) {
                    continue;
                }
                if (co[c] == 0 && follow[c] == 0) {
                    touched[touchedCount++] = c;
                }
                co[c]++;
                if (b >= 0 && lastBuyer[c] != b) {
                    lastBuyer[c] = b;
                    customers[c]++;
                }
            }
            if (followOn[o] != null) {
                for (int c : followOn[o]) {
                    if (co[c] == 0 && follow[c] == 0) {
                        touched[touchedCount++] = c;
                    }
                    follow[c]++;
                    if (lastBuyer[c] != b) {
                        lastBuyer[c] = b;
                        customers[c]++;
                    }
                }
            }
        }
        Arrays.sort(touched, 0, touchedCount);
        for (int i = 0; i < touchedCount; i++) {
            int c = touched[i];
            visitor.pair(a, c, co[c], follow[c], customers[c]);
            co[c] = 0;
            follow[c] = 0;
            customers[c] = 0;
            lastBuyer[c] = -1;
        }
        return true;
    }

    /** Indexes the orders by product, computes the follow-on sets and the scratch arrays. */
    private void prepare() {
        followOn = followOnSets();
        start = new int[products + 1];
        for (int o = 0; o < count; o++) {
            for (int a : items[o]) {
                start[a + 1]++;
            }
        }
        for (int p = 0; p < products; p++) {
            start[p + 1] += start[p];
        }
        holding = new int[start[products]];
        int[] fill = Arrays.copyOf(start, products);
        for (int o = 0; o < count; o++) {
            for (int a : items[o]) {
                holding[fill[a]++] = o;
            }
        }
        co = new int[products];
        follow = new int[products];
        customers = new int[products];
        lastBuyer = new int[products];
        touched = new int[products];
        Arrays.fill(lastBuyer, -1);
    }

    /**
     * Per order of a known customer at most the cutoff, the items of the customer's orders in
     * {@code (t, t + window]} that it does not hold, each once; null for the other orders.
     */
    private int[][] followOnSets() {
        int[][] sets = new int[count][];
        int[] stamp = new int[Math.max(1, products)];
        int mark = 0;
        int[] found = new int[Math.max(1, products)];
        for (int o = 0; o < count; o++) {
            if (!known[o] || time[o] > cutoff || window <= 0) {
                continue;
            }
            if (mark > Integer.MAX_VALUE - 2) {
                Arrays.fill(stamp, 0);
                mark = 0;
            }
            int own = ++mark;
            int seen = ++mark;
            for (int a : items[o]) {
                stamp[a] = own;
            }
            int size = 0;
            long end = time[o] + window;
            for (int j = o + 1; j < count && buyer[j] == buyer[o] && time[j] <= end; j++) {
                if (time[j] <= time[o]) {
                    continue;
                }
                for (int c : items[j]) {
                    if (stamp[c] != own && stamp[c] != seen) {
                        stamp[c] = seen;
                        found[size++] = c;
                    }
                }
            }
            sets[o] = Arrays.copyOf(found, size);
        }
        return sets;
    }
}

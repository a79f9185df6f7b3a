package io.orderlift.mining;

import java.util.Arrays;

/**
 * Purchase pairs in parallel primitive columns, sorted by anchor then candidate: the raw counts
 * mining produces and stores. Row {@code i} is the pair ({@code anchor[i]}, {@code candidate[i]}).
 */
public final class PairCounts {

    private int size;
    private int[] anchor;
    private int[] candidate;
    private int[] co;
    private int[] follow;
    private int[] customers;

    PairCounts(int capacity) {
        int initial = Math.max(16, capacity);
        anchor = new int[initial];
        candidate = new int[initial];
        co = new int[initial];
        follow = new int[initial];
        customers = new int[initial];
    }

    void add(int a, int c, int coCount, int followCount, int customerCount) {
        if (size == anchor.length) {
            int grown = size * 2;
            anchor = Arrays.copyOf(anchor, grown);
            candidate = Arrays.copyOf(candidate, grown);
            co = Arrays.copyOf(co, grown);
            follow = Arrays.copyOf(follow, grown);
            customers = Arrays.copyOf(customers, grown);
        }
        anchor[size] = a;
        candidate[size] = c;
        co[size] = coCount;
        follow[size] = followCount;
        customers[size] = customerCount;
        size++;
    }

    void addAll(PairCounts other) {
        for (int i = 0; i < other.size; i++) {
            add(other.anchor[i], other.candidate[i], other.co[i], other.follow[i], other.customers[i]);
        }
    }

    public int size() {
        return size;
    }

    public int anchor(int i) {
        return anchor[i];
    }

    public int candidate(int i) {
        return candidate[i];
    }

    /** co(a,c): orders holding both. */
    public int co(int i) {
        return co[i];
    }

    /** follow(a,c): anchor orders followed within the window by a same-customer order holding c. */
    public int follow(int i) {
        return follow[i];
    }

    /** Distinct known customers behind the pair, both kinds of evidence together. */
    public int customers(int i) {
        return customers[i];
    }

    /** The columns trimmed to size: anchor, candidate, co, follow, customers. */
    public int[][] columns() {
        return new int[][] {Arrays.copyOf(anchor, size), Arrays.copyOf(candidate, size), Arrays.copyOf(co, size),
            Arrays.copyOf(follow, size), Arrays.copyOf(customers, size)};
    }
}

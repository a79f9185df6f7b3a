package io.orderlift.ranking;

/**
 * The best {@code k} entries offered one at a time, each with its score, a tie-breaker and a value
 * carried along: a higher score is better, on equal scores ({@link Double#compare}) the lower
 * tie-breaker. A bounded heap in primitive arrays whose root is the worst kept entry, so an entry
 * that cannot get in costs one comparison — the common case when an anchor has thousands of pairs
 * and a list keeps a handful. The tie-breakers must differ between entries (a total order).
 */
final class ScoredTopK {

    private final int[] entry;
    private final double[] score;
    private final int[] tie;
    private final double[] value;
    private int size;

    ScoredTopK(int k) {
        entry = new int[k];
        score = new double[k];
        tie = new int[k];
        value = new double[k];
    }

    /** Offers entry {@code e} with its score, tie-breaker and carried value. */
    void offer(int e, double s, int t, double v) {
        int capacity = entry.length;
        if (size < capacity) {
            set(size, e, s, t, v);
            up(size++);
        } else if (capacity > 0 && better(s, t, 0)) {
            set(0, e, s, t, v);
            siftDown(size);
        }
    }

    /**
     * Whether no entry scoring at most {@code bound} can get in, whatever its tie-breaker: the heap is
     * full and its worst kept score is above it (or it keeps nothing).
     */
    boolean refuses(double bound) {
        return size == entry.length && (size == 0 || bound < score[0]);
    }

    /** Number of entries kept. */
    int size() {
        return size;
    }

    /** Sorts the kept entries best first; then {@link #entry}, {@link #score}, {@link #tie} and {@link #value} read them by rank. */
    ScoredTopK sortBestFirst() {
        // heap sort: move the worst to the end each time
        for (int end = size - 1; end > 0; end--) {
            swap(0, end);
            siftDown(end);
        }
        return this;
    }

    int entry(int rank) {
        return entry[rank];
    }

    double score(int rank) {
        return score[rank];
    }

    int tie(int rank) {
        return tie[rank];
    }

    double value(int rank) {
        return value[rank];
    }

    /** Whether (s1, t1) ranks before (s2, t2): a higher score, or an equal one and a lower tie-breaker. */
    static boolean before(double s1, int t1, double s2, int t2) {
        int cmp = Double.compare(s1, s2);
        return cmp > 0 || cmp == 0 && t1 < t2;
    }

    /** Whether (s, t) is better than the entry at heap slot {@code i}. */
    private boolean better(double s, int t, int i) {
        return before(s, t, score[i], tie[i]);
    }

    /** Whether the entry at slot {@code i} is worse than the one at slot {@code j}. */
    private boolean worse(int i, int j) {
        return before(score[j], tie[j], score[i], tie[i]);
    }

    private void up(int at) {
        int i = at;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int heapSize) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= heapSize) {
                return;
            }
            int worst = left;
            if (left + 1 < heapSize && worse(left + 1, left)) {
                worst = left + 1;
            }
            if (!worse(worst, i)) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void set(int i, int e, double s, int t, double v) {
        entry[i] = e;
        score[i] = s;
        tie[i] = t;
        value[i] = v;
    }

    private void swap(int i, int j) {
        int e = entry[i];
        entry[i] = entry[j];
        entry[j] = e;
        double s = score[i];
        score[i] = score[j];
        score[j] = s;
        int t = tie[i];
        tie[i] = tie[j];
        tie[j] = t;
        double v = value[i];
        value[i] = value[j];
        value[j] = v;
    }
}

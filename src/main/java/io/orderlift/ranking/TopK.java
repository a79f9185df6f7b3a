package io.orderlift.ranking;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntComparator;

/**
 * Selects the best {@code k} of many values without sorting them all: a bounded heap of
 * primitive ints, O(n log k). Used where an anchor has thousands of candidates and a list keeps a
 * handful.
 */
final class TopK {

    private TopK() {
    }

    /**
     * The best {@code k} of {@code values[0..n)} (fewer when there are fewer), best first, where
     * {@code order.compare(x, y) < 0} means x is better than y. {@code order} must be a total order.
     */
    static int[] best(int[] values, int n, int k, IntComparator order) {
        int size = Math.min(n, k);
        if (size <= 0) {
            return new int[0];
        }
        // a heap whose root is the worst of the best so far
        int[] heap = new int[size];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            int v = values[i];
            if (filled < size) {
                heap[filled] = v;
                up(heap, filled++, order);
            } else if (order.compare(v, heap[0]) < 0) {
                heap[0] = v;
                down(heap, size, order);
            }
        }
        IntArrays.quickSort(heap, 0, filled, order);
        return heap;
    }

    private static void up(int[] heap, int at, IntComparator order) {
        int i = at;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (order.compare(heap[i], heap[parent]) <= 0) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void down(int[] heap, int size, IntComparator order) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            if (left + 1 < size && order.compare(heap[left + 1], heap[left]) > 0) {
                worst = left + 1;
            }
            if (order.compare(heap[worst], heap[i]) <= 0) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int x, int y) {
        int t = heap[x];
        heap[x] = heap[y];
        heap[y] = t;
    }
}

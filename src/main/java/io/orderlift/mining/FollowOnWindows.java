package io.orderlift.mining;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * For every order {@code o} that can give follow-on evidence (a known customer, at most
 * {@code T_last − window}), the set of items its customer bought in later orders within the
 * window that {@code o} does not hold: DESIGN.md's follow-on rule, computed once per order instead
 * of once per (order, anchor). An order of 26 items used to walk its customer's next month 26 times;
 * for a trade customer ordering daily that walk is the whole cost of mining.
 *
 * <p>Stored as one int array with a start offset per order (CSR); computed on all cores.
 */
final class FollowOnWindows {

    private final int[] start;
    private final int[] items;

    private FollowOnWindows(int[] start, int[] items) {
        this.start = start;
        this.items = items;
    }

    /** The windows of {@code t} for orders up to {@code cutoff}, {@code window} milliseconds long. */
    static FollowOnWindows of(Transactions t, long cutoff, long window) {
        ThreadLocal<int[]> stamps = ThreadLocal.withInitial(() -> new int[Math.max(1, t.productCount)]);
        ThreadLocal<int[]> counter = ThreadLocal.withInitial(() -> new int[1]);
        int[] sizes = new int[t.orderCount + 1];
        IntStream.range(0, t.orderCount).parallel().forEach(o -> sizes[o + 1] = walk(t, o, cutoff, window,
                stamps.get(), counter.get(), null, 0));
        for (int o = 0; o < t.orderCount; o++) {
            sizes[o + 1] += sizes[o];
        }
        int[] items = new int[sizes[t.orderCount]];
        IntStream.range(0, t.orderCount).parallel().forEach(o -> walk(t, o, cutoff, window, stamps.get(),
                counter.get(), items, sizes[o]));
        return new FollowOnWindows(sizes, items);
    }

    /**
     * Visits order {@code o}'s window: counts its items, and writes them from {@code at} when
     * {@code into} is not null. {@code stamp} is per-thread scratch; {@code counter[0]} its stamp.
     */
    private static int walk(Transactions t, int o, long cutoff, long window, int[] stamp, int[] counter, int[] into,
                            int at) {
        int customer = t.customer[o];
        if (customer < 0 || t.time[o] > cutoff) {
            return 0;
        }
        int mark = ++counter[0] * 2;
        int seen = mark + 1;
        if (mark <= 0) {
            Arrays.fill(stamp, 0);
            counter[0] = 1;
            mark = 2;
            seen = 3;
        }
        for (int i = t.itemStart[o]; i < t.itemStart[o + 1]; i++) {
            stamp[t.items[i]] = mark;
        }
        long start = t.time[o];
        long end = start + window;
        int last = t.customerStart[customer + 1];
        int count = 0;
        for (int j = t.positionInCustomer[o] + 1; j < last; j++) {
            int later = t.customerOrders[j];
            long when = t.time[later];
            if (when > end) {
                break;
            }
            if (when <= start) {
                continue;
            }
            for (int i = t.itemStart[later]; i < t.itemStart[later + 1]; i++) {
                int c = t.items[i];
                if (stamp[c] != mark && stamp[c] != seen) {
                    stamp[c] = seen;
                    if (into != null) {
                        into[at + count] = c;
                    }
                    count++;
                }
            }
        }
        return count;
    }

    int from(int order) {
        return start[order];
    }

    int to(int order) {
        return start[order + 1];
    }

    int item(int index) {
        return items[index];
    }
}

package io.orderlift.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * One broadcast {@code ProductIds} serves every task of an executor at once. Tasks starting
 * together on a fresh value must each see the whole index: a lazily filled shared map once handed a
 * task a half-built one, and the wholesale golden test failed with a NullPointerException.
 */
class ProductIdsIT {

    @Test
    void tasksStartingTogetherOnAFreshValueAllSeeTheWholeIndex() throws Exception {
        List<String> skus = IntStream.range(0, 200_000).mapToObj(i -> String.format("SKU-%06d", i)).toList();
        List<String> last = List.of(skus.get(skus.size() - 1), skus.get(skus.size() / 2));
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                BuyerCounting.ProductIds ids = new BuyerCounting.ProductIds(skus);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<int[]>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    tasks.add(pool.submit(() -> {
                        start.await();
                        return ids.of(last);
                    }));
                }
                for (Future<int[]> task : tasks) {
                    assertArrayEquals(new int[] {skus.size() - 1, skus.size() / 2}, task.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

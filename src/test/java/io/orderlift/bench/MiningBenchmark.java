package io.orderlift.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.SplittableRandom;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningResult;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.PairMiner;
import io.orderlift.mining.Transactions;

/**
 * Pair-counting throughput on generated order histories held in memory (the store's read is
 * measured by {@code orderlift mine}, which prints it). Prints, per size and basket size, the time
 * to build the dense transactions, the time to count both kinds of evidence, pairs found, and the
 * peak heap. Not a test: run it by hand (see docs/benchmarks.md).
 *
 * <pre>java -Xmx2g -cp target/orderlift.jar:target/test-classes io.orderlift.bench.MiningBenchmark [lines...]</pre>
 */
public final class MiningBenchmark {

    private static final long DAY = 86_400_000L;

    private MiningBenchmark() {
    }

    public static void main(String[] args) {
        long[] sizes = args.length == 0 ? new long[] {1_000_000, 10_000_000} : Arrays.stream(args)
                .mapToLong(Long::parseLong).toArray();
        System.out.printf("%d cores, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        run(200_000, 2.2, 5_000, 2); // warm-up
        for (long lines : sizes) {
            run(lines, 2.2, 5_000, 3);
        }
        for (double basket : new double[] {2, 4, 8, 16}) {
            run(1_000_000, basket, 5_000, 3);
        }
    }

    private static void run(long lines, double basket, int products, int repeats) {
        resetPeaks();
        long t0 = System.nanoTime();
        Transactions transactions = generate(lines, basket, products, 42);
        long t1 = System.nanoTime();
        double best = Double.MAX_VALUE;
        MiningResult result = null;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            result = new PairMiner().mine(transactions, MiningSettings.defaults(), ProgressMonitor.NONE);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("%,12d lines, basket %4.1f: build %6.2f s, count (best of %d) %6.2f s, N %,d, pairs %,d, "
                        + "peak heap %,d MB%n", lines, basket, (t1 - t0) / 1e9, repeats, best, result.orders(),
                result.pairs().size(), peakHeapMb());
    }

    /** Orders of about {@code basket} lines each over 455 days; Zipf-like products; half the customers return. */
    static Transactions generate(long lines, double basket, int products, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[products];
        double sum = 0;
        for (int p = 0; p < products; p++) {
            sum += 1.0 / Math.pow(p + 1, 0.9);
            cumulative[p] = sum;
        }
        long orders = Math.max(1, Math.round(lines / basket));
        Transactions.Builder builder = Transactions.builder(products, 0);
        int customers = 0;
        long written = 0;
        for (int o = 0; o < orders && written < lines; o++) {
            int customer = random.nextDouble() < 0.06 ? -1
                    : customers > 0 && random.nextDouble() < 0.5 ? random.nextInt(customers) : customers++;
            long time = (long) (random.nextDouble() * 455 * DAY);
            int size = Math.max(1, (int) Math.round(basket * (0.5 + random.nextDouble())));
            for (int i = 0; i < size; i++) {
                double x = random.nextDouble() * sum;
                int product = Arrays.binarySearch(cumulative, x);
                builder.line(o, customer, time, product >= 0 ? product : -product - 1, 1);
                written++;
            }
        }
        return builder.build();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}

package io.orderlift.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.orderlift.ranking.RankingModel;

/**
 * A generated ranking model for benchmarks: {@code skus} products in 400 categories with
 * Zipf-like popularity, about {@code perAnchor} pairs per anchor, candidates drawn by popularity.
 */
public record SyntheticModel(RankingModel model, double[] cumulative) {

    public static SyntheticModel generate(int skus, int perAnchor, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2_000_000;
        RankingModel.Builder builder = RankingModel.builder(n);
        double[] cumulative = new double[skus];
        double sum = 0;
        for (int p = 0; p < skus; p++) {
            sum += 1.0 / Math.pow(p + 1, 0.8);
            cumulative[p] = sum;
        }
        for (int p = 0; p < skus; p++) {
            int orders = (int) Math.max(1, n * 0.3 * (1.0 / Math.pow(p + 1, 0.8)) / sum * 10);
            builder.product(p, "SKU" + p, "Product " + p, "C" + (p % 400), 5 + random.nextInt(300), orders,
                    orders * 9 / 10);
        }
        SyntheticModel picker = new SyntheticModel(null, cumulative);
        for (int a = 0; a < skus; a++) {
            int count = Math.min(perAnchor, skus - 1);
            for (int i = 0; i < count; i++) {
                int c = picker.pick(random);
                if (c != a) {
                    builder.pair(a, c, 3 + random.nextInt(400), random.nextInt(100));
                }
            }
        }
        return new SyntheticModel(builder.build(), cumulative);
    }

    /** A product id drawn by popularity. */
    public int pick(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return i >= 0 ? i : -i - 1;
    }
}

package io.orderlift.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.CurationRules;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;

/**
 * Recommendation latency on a generated 50 k-SKU model: a 10-item cart answered from memory
 * (percentiles over many carts, after warm-up), and re-ranking every anchor's pairs after a
 * setting changed. Not a test: run it by hand (see docs/benchmarks.md).
 *
 * <pre>java -cp target/orderlift.jar:target/test-classes io.orderlift.bench.RankingBenchmark [skus] [pairsPerAnchor]</pre>
 */
public final class RankingBenchmark {

    private RankingBenchmark() {
    }

    public static void main(String[] args) {
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int perAnchor = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        SyntheticModel synthetic = SyntheticModel.generate(skus, perAnchor, 1);
        RankingModel model = synthetic.model();
        long pairs = model.minedPairCount();
        SplittableRandom random = new SplittableRandom(2);
        Recommender recommender = new Recommender(model, new CurationRules());
        WeightingProfile profile = WeightingProfile.defaults();
        System.out.printf("model: %,d SKUs, %,d pairs%n", skus, pairs);
        List<List<CartItem>> carts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            List<CartItem> cart = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                cart.add(new CartItem("SKU" + synthetic.pick(random), 1, Double.NaN));
            }
            carts.add(cart);
        }
        for (Placement placement : Placement.values()) {
            for (int i = 0; i < 5_000; i++) {
                recommender.recommend(placement, carts.get(i), profile, 0);
            }
            long[] nanos = new long[15_000];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                recommender.recommend(placement, carts.get(5_000 + i), profile, 0);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%s, 10-item cart: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs%n",
                    placement.cliName(), nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 9 / 10] / 1e3,
                    nanos[nanos.length * 99 / 100] / 1e3, nanos[nanos.length - 1] / 1e3);
        }
        // re-rank: every anchor's list under a new price weight, about 100 k pairs per 2,500 anchors
        int anchors = (int) Math.min(skus, 100_000 / Math.max(1, perAnchor));
        Recommender lists = new Recommender(model,
                CurationRules.NONE, Integer.MAX_VALUE);
        for (int round = 0; round < 8; round++) {
            WeightingProfile changed = profile.withPriceWeight(0.5 + round * 0.1);
            long start = System.nanoTime();
            long ranked = 0;
            for (int a = 0; a < anchors; a++) {
                ranked += lists.contributions(Placement.CART, a, changed).size();
            }
            System.out.printf("re-score and sort %,d pairs of %,d anchors at w = %.1f: %.1f ms%n", ranked, anchors,
                    changed.priceWeight(), (System.nanoTime() - start) / 1e6);
        }
        for (int round = 0; round < 6; round++) {
            WeightingProfile changed = profile.withPriceWeight(0.5 + round * 0.1);
            long start = System.nanoTime();
            for (int a = 0; a < anchors; a++) {
                recommender.recommend(Placement.CART, List.of(new CartItem("SKU" + a, 1, 100_000)), changed, 10_000);
            }
            System.out.printf("re-rank %,d anchors (about %,d pairs) at w = %.1f: %.1f ms%n", anchors,
                    (long) anchors * perAnchor, changed.priceWeight(), (System.nanoTime() - start) / 1e6);
        }
    }
}

package io.orderlift.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.RankingModels;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.StoredCuration;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;

/**
 * In-memory latency of the preview for long carts on a mined store: random carts of {@code size}
 * items drawn from the 500 most bought products, a warm-up, then {@code rounds} timed
 * recommendations per placement with explanations (what the workbench shows).
 *
 * <pre>
 * java -cp target/orderlift.jar:target/test-classes io.orderlift.bench.RecommendLatency STORE_DIR 50 20000
 * </pre>
 */
public final class RecommendLatency {

    private RecommendLatency() {
    }

    public static void main(String[] args) {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        try (Store store = Store.open(Path.of(args[0]))) {
            WeightingProfile profile = new Profiles(store).active();
            long t0 = System.nanoTime();
            RankingModel model = RankingModels.load(store, profile.minCustomers());
            Recommender recommender = new Recommender(model, StoredCuration.load(store, model));
            System.out.printf("model loaded in %.2f s (%,d mined pairs)%n", (System.nanoTime() - t0) / 1e9,
                    model.minedPairCount());
            int[] popular = IntStream.range(0, model.productCount()).filter(p -> model.sku(p) != null).boxed()
                    .sorted(Comparator.comparingInt(model::ordersOf).reversed()).limit(500)
                    .mapToInt(Integer::intValue).toArray();
            SplittableRandom random = new SplittableRandom(42);
            List<List<CartItem>> carts = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                List<CartItem> cart = new ArrayList<>();
                for (int k = 0; k < size; k++) {
                    cart.add(new CartItem(model.sku(popular[random.nextInt(popular.length)]), 1 + random.nextInt(6),
                            Double.NaN));
                }
                carts.add(cart);
            }
            for (Placement placement : Placement.values()) {
                for (int i = 0; i < 5_000; i++) {
                    recommender.recommend(placement, carts.get(i % carts.size()), profile, 0);
                }
                long[] nanos = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    long start = System.nanoTime();
                    recommender.recommend(placement, carts.get(i % carts.size()), profile, 0);
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf("%s, %d-item carts: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", placement.cliName(),
                        size, nanos[rounds / 2] / 1e6, nanos[rounds * 99 / 100] / 1e6, nanos[rounds - 1] / 1e6);
            }
        }
    }
}

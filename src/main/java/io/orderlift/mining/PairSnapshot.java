package io.orderlift.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.orderlift.store.MiningRun;
import io.orderlift.store.NotMinedException;
import io.orderlift.store.PackedPairs;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.PairStatisticsStore.PairRow;
import io.orderlift.store.PairStatisticsStore.ProductStat;
import io.orderlift.store.Store;

/**
 * A store's active mining run held in memory: every product's statistics and every anchor's packed
 * pairs, read once, so that a view re-ranking one anchor on every slider move reads nothing from the
 * store (the pairs browser). About five bytes a pair: 66 MB for the real-shaped wholesale store.
 */
public final class PairSnapshot {

    private final MiningRun run;
    private final Map<Integer, ProductStat> byId = new HashMap<>();
    private final Map<String, ProductStat> bySku = new HashMap<>();
    private final PackedPairs pairs;

    private PairSnapshot(MiningRun run, List<ProductStat> products, PackedPairs pairs) {
        this.run = run;
        this.pairs = pairs;
        for (ProductStat p : products) {
            byId.put(p.productId(), p);
            bySku.put(p.sku(), p);
        }
    }

    /** Reads the store's active run; {@link NotMinedException} when it was never mined. */
    public static PairSnapshot load(Store store) {
        PairStatisticsStore statistics = new PairStatisticsStore(store);
        MiningRun run = statistics.activeRun().orElseThrow(NotMinedException::new);
        List<ProductStat> products = statistics.products(run.id());
        int anchors = products.stream().mapToInt(ProductStat::productId).max().orElse(0) + 1;
        return new PairSnapshot(run, products, statistics.pairs(run.id(), anchors));
    }

    public MiningRun run() {
        return run;
    }

    /** The product with {@code sku} (exact, after trimming). */
    public Optional<ProductStat> product(String sku) {
        return Optional.ofNullable(bySku.get(sku.strip()));
    }

    /** Every pair of {@code anchorId}, with the candidates' statistics. */
    public List<PairRow> pairsOf(int anchorId) {
        List<PairRow> rows = new ArrayList<>(pairs.pairCount(anchorId));
        pairs.forEachPairOf(anchorId, (candidate, co, follow, customers) ->
                rows.add(new PairRow(byId.get(candidate), co, follow, customers)));
        return rows;
    }
}

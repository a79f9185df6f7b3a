package io.orderlift.ranking;

import io.orderlift.store.MiningRun;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.PairStatisticsStore.ProductStat;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;

/** Builds the in-memory {@link RankingModel} from a store's active mining run. */
public final class RankingModels {

    private RankingModels() {
    }

    /**
     * The model of the active run, keeping the pairs backed by at least {@code minCustomers} distinct
     * customers (1 keeps all).
     */
    public static RankingModel load(Store store, int minCustomers) {
        PairStatisticsStore statistics = new PairStatisticsStore(store);
        MiningRun run = statistics.activeRun().orElseThrow(() -> new StoreException(
                "The store has not been mined yet: run 'orderlift mine --store DIR' first."));
        RankingModel.Builder builder = RankingModel.builder(run.orders());
        for (ProductStat p : statistics.products(run.id())) {
            builder.product(p.productId(), p.sku(), p.title(), p.category(),
                    p.price() == null ? Double.NaN : p.price().doubleValue(), p.orders(), p.followBase());
        }
        statistics.forEachPair(run.id(), (anchor, candidate, co, follow, customers) -> {
            if (customers >= minCustomers) {
                builder.pair(anchor, candidate, co, follow);
            }
        });
        return builder.build();
    }
}

package io.orderlift.ranking;

import java.util.List;

import io.orderlift.mining.MiningResult;
import io.orderlift.store.MiningRun;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.PairStatisticsStore.ProductStat;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;

/** Builds the in-memory {@link RankingModel} from a store's active mining run. */
public final class RankingModels {

    private RankingModels() {
    }

    /**
     * A model straight from a mining result (no store round trip): the backtest mines a training
     * period and ranks with it. Pairs backed by fewer than {@code minCustomers} customers are left out.
     */
    public static RankingModel of(MiningResult result, List<OrderHistory.CatalogEntry> catalog, int minCustomers) {
        RankingModel.Builder builder = RankingModel.builder(result.orders());
        for (OrderHistory.CatalogEntry p : catalog) {
            builder.product(p.id(), p.sku(), p.title(), p.category(),
                    p.price() == null ? Double.NaN : p.price().doubleValue(),
                    p.id() < result.productOrders().length ? result.productOrders()[p.id()] : 0,
                    p.id() < result.followBase().length ? result.followBase()[p.id()] : 0);
        }
        return builder.pairs(result.pairs(), minCustomers).build();
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
        return builder.pairs(statistics.pairs(run.id(), 0), minCustomers).build();
    }
}

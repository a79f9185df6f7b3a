package io.orderlift.ranking;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.orderlift.mining.MiningResult;
import io.orderlift.store.MiningRun;
import io.orderlift.store.NotMinedException;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.PairStatisticsStore.ProductStat;
import io.orderlift.store.Store;

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
        return load(store, minCustomers, null);
    }

    /**
     * A model that answers carts made of {@code skus} under {@code profile} exactly as the full model
     * does, reading only the pairs it needs: those of the SKUs themselves and, for a SKU thin enough
     * to back off to its category, those of the category's products.
     */
    public static RankingModel loadFor(Store store, WeightingProfile profile, Collection<String> skus) {
        return load(store, profile.minCustomers(), products -> {
            Map<String, ProductStat> bySku = new HashMap<>();
            products.forEach(p -> bySku.put(p.sku(), p));
            Set<String> thinCategories = new HashSet<>();
            Set<Integer> needed = new HashSet<>();
            for (String sku : skus) {
                ProductStat p = bySku.get(sku.strip());
                if (p != null) {
                    needed.add(p.productId());
                    if (p.orders() < profile.backoffBelowOrders() && p.category() != null && !p.category().isEmpty()) {
                        thinCategories.add(p.category());
                    }
                }
            }
            products.stream().filter(p -> thinCategories.contains(p.category()))
                    .forEach(p -> needed.add(p.productId()));
            return needed;
        });
    }

    private static RankingModel load(Store store, int minCustomers,
                                     Function<List<ProductStat>, Set<Integer>> anchors) {
        PairStatisticsStore statistics = new PairStatisticsStore(store);
        MiningRun run = statistics.activeRun().orElseThrow(NotMinedException::new);
        RankingModel.Builder builder = RankingModel.builder(run.orders());
        List<ProductStat> products = statistics.products(run.id());
        for (ProductStat p : products) {
            builder.product(p.productId(), p.sku(), p.title(), p.category(),
                    p.price() == null ? Double.NaN : p.price().doubleValue(), p.orders(), p.followBase());
        }
        return builder.pairs(statistics.pairs(run.id(), 0, anchors == null ? null : anchors.apply(products)),
                minCustomers).build();
    }
}

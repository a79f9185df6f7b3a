package io.orderlift.mining;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.MiningRun;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.Store;

/**
 * Mines a store: reads its order lines once, counts pairs in memory, and replaces the stored
 * statistics atomically. A cancel or failure leaves the previous results in place.
 */
public final class MiningService {

    private final PairMiner miner;

    public MiningService() {
        this(new PairMiner());
    }

    public MiningService(PairMiner miner) {
        this.miner = miner;
    }

    public MiningSummary mine(Store store, MiningSettings settings, ProgressMonitor monitor) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        OrderHistory history = new OrderHistory(store);
        Read read = read(history, settings.maxBasket(), monitor);
        Transactions transactions = read.transactions();
        monitor.checkCancelled();
        long t1 = System.nanoTime();
        MiningResult result = miner.mine(transactions, settings, monitor);
        long t2 = System.nanoTime();
        monitor.checkCancelled();
        MiningRun stored = save(store, read.catalog(), result, started, (t2 - t0) / 1_000_000, monitor);
        long t3 = System.nanoTime();
        return new MiningSummary(stored, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }

    /** The store's orders as mining reads them, and its catalog, from one scan of one state of the store. */
    public record Read(Transactions transactions, OrderHistory.VersionedCatalog catalog) {
    }

    /**
     * Reads the store's orders under a basket cap (0: none), and its catalog from the same scan, saying
     * to {@code monitor} how far the read is (which may cancel it).
     */
    public static Read read(OrderHistory history, int maxBasket, ProgressMonitor monitor) {
        Transactions.Builder builder = Transactions.builder(history.maxProductId() + 1, maxBasket);
        OrderHistory.VersionedCatalog catalog = history.forEachLineWithCatalog(builder::line, monitor);
        return new Read(builder.build(), catalog);
    }

    /**
     * Stores {@code result} as the store's active mining run, with every product's price from
     * {@code versioned} (and the version of the lines they were read from); {@code result}'s
     * per-product arrays are indexed by the store's product ids.
     */
    public static MiningRun save(Store store, OrderHistory.VersionedCatalog versioned, MiningResult result,
                                 Instant started, long durationMs, ProgressMonitor monitor) {
        List<OrderHistory.CatalogEntry> catalog = versioned.entries();
        monitor.progress("Saving pairs", 0, 1);
        int[] ids = new int[catalog.size()];
        int[] orders = new int[catalog.size()];
        int[] followBase = new int[catalog.size()];
        BigDecimal[] prices = new BigDecimal[catalog.size()];
        for (int i = 0; i < catalog.size(); i++) {
            OrderHistory.CatalogEntry product = catalog.get(i);
            ids[i] = product.id();
            orders[i] = product.id() < result.productOrders().length ? result.productOrders()[product.id()] : 0;
            followBase[i] = product.id() < result.followBase().length ? result.followBase()[product.id()] : 0;
            prices[i] = product.price();
        }
        MiningSettings settings = result.settings();
        MiningRun run = new MiningRun(0, started, durationMs, settings.windowDays(), settings.maxBasket(),
                settings.minCo(), result.orders(), result.ordersEmpty(), result.ordersOverMaxBasket(),
                instant(result.lastOrderAt()), instant(result.followCutoff()), catalog.size(),
                result.pairs().size(), result.pairsDropped());
        return new PairStatisticsStore(store).replace(run, ids, orders, followBase, prices, versioned.linesVersion(),
                result.pairs(), monitor);
    }

    private static Instant instant(long epochMillis) {
        return epochMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(epochMillis);
    }
}

package io.orderlift.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.orderlift.common.Suggestions;
import io.orderlift.store.MiningRun;
import io.orderlift.store.NotMinedException;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.PairStatisticsStore.PairRow;
import io.orderlift.store.PairStatisticsStore.ProductStat;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;

/** Reads an anchor's mined pairs and derives support, confidence, lift, acceptance, RPI and ranks. */
public final class PairReports {

    private final PairStatisticsStore statistics;
    private final Store store;

    public PairReports(Store store) {
        this.statistics = new PairStatisticsStore(store);
        this.store = store;
    }

    /**
     * The anchor's candidates with evidence of the given kind, sorted by
     * {@code acceptance × price^priceWeight} (ties by SKU), at most {@code limit} of them.
     */
    public AnchorPairs forAnchor(String sku, Evidence evidence, double priceWeight, double smoothing, int limit) {
        return forAnchor(sku, evidence, priceWeight, smoothing, Acceptance.Formula.SMOOTHED, limit);
    }

    /** As {@link #forAnchor(String, Evidence, double, double, int)}, acceptance estimated by {@code formula}. */
    public AnchorPairs forAnchor(String sku, Evidence evidence, double priceWeight, double smoothing,
                                 Acceptance.Formula formula, int limit) {
        MiningRun run = statistics.activeRun().orElseThrow(NotMinedException::new);
        ProductStat anchor = statistics.product(run.id(), sku).orElseThrow(() -> unknown(store, sku));
        return rank(run, anchor, statistics.pairsOf(run.id(), anchor.productId()), evidence, priceWeight, smoothing,
                formula, limit);
    }

    /** The same list from a run held in memory: nothing is read from the store. */
    public static AnchorPairs forAnchor(PairSnapshot mined, Store store, String sku, Evidence evidence,
                                        double priceWeight, double smoothing, Acceptance.Formula formula, int limit) {
        ProductStat anchor = mined.product(sku).orElseThrow(() -> unknown(store, sku));
        return rank(mined.run(), anchor, mined.pairsOf(anchor.productId()), evidence, priceWeight, smoothing, formula,
                limit);
    }

    private static IllegalArgumentException unknown(Store store, String sku) {
        return new IllegalArgumentException(Suggestions.unknownSku(sku,
                new StoreQueries(store).skus()));
    }

    /** The anchor's candidates with every statistic, ranked: the one place a single anchor is scored. */
    private static AnchorPairs rank(MiningRun run, ProductStat anchor, List<PairRow> pairs, Evidence evidence,
                                    double priceWeight, double smoothing, Acceptance.Formula formula, int limit) {
        int n = run.orders();
        List<CandidatePair> rows = new ArrayList<>();
        for (PairRow pair : pairs) {
            int count = evidence == Evidence.SAME_ORDER ? pair.co() : pair.follow();
            if (count == 0) {
                continue;
            }
            ProductStat c = pair.candidate();
            double base = Acceptance.baseRate(c.orders(), n);
            double acceptance = formula.estimate(pair.co(), anchor.orders(), base, smoothing);
            double followAcceptance = formula.estimate(pair.follow(), anchor.followBase(), base, smoothing);
            double chosen = evidence == Evidence.SAME_ORDER ? acceptance : followAcceptance;
            double price = c.price() == null ? 0 : c.price().doubleValue();
            double confidence = anchor.orders() == 0 ? 0 : (double) pair.co() / anchor.orders();
            rows.add(new CandidatePair(c.sku(), c.title(), c.category(), pair.co(), pair.follow(),
                    n == 0 ? 0 : (double) pair.co() / n, confidence, base == 0 ? 0 : confidence / base,
                    acceptance, followAcceptance, pair.customers(), c.price(), chosen * price,
                    chosen * StrictMath.pow(price, priceWeight), 0, 0));
        }
        int[] popularity = ranks(rows, Comparator.comparingInt((CandidatePair r) -> evidence == Evidence.SAME_ORDER
                ? r.co() : r.follow()).reversed().thenComparing(CandidatePair::sku));
        int[] byRpi = ranks(rows, Comparator.comparingDouble(CandidatePair::rpi).reversed()
                .thenComparing(CandidatePair::sku));
        List<CandidatePair> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CandidatePair r = rows.get(i);
            ranked.add(new CandidatePair(r.sku(), r.title(), r.category(), r.co(), r.follow(), r.support(),
                    r.confidence(), r.lift(), r.acceptance(), r.followAcceptance(), r.customers(), r.price(),
                    r.rpi(), r.score(), popularity[i], byRpi[i]));
        }
        ranked.sort(Comparator.comparingDouble(CandidatePair::score).reversed().thenComparing(CandidatePair::sku));
        return new AnchorPairs(anchor.sku(), anchor.title(), anchor.orders(), anchor.followBase(), n,
                evidence.cliName(), priceWeight, smoothing, run.windowDays(), ranked.size(),
                ranked.subList(0, Math.min(limit, ranked.size())));
    }

    /** The 1-based rank of each row under {@code order}. */
    private static int[] ranks(List<CandidatePair> rows, Comparator<CandidatePair> order) {
        Integer[] indexes = new Integer[rows.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
        }
        Arrays.sort(indexes, (a, b) -> order.compare(rows.get(a), rows.get(b)));
        int[] rank = new int[rows.size()];
        for (int r = 0; r < indexes.length; r++) {
            rank[indexes[r]] = r + 1;
        }
        return rank;
    }
}

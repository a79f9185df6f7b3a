package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.orderlift.store.PackedPairs;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

/**
 * The mined statistics in memory, ready for ranking: per product its SKU, title, category, price,
 * {@code orders(a)} and {@code followBase(a)}; per anchor its pairs (candidate, co, follow), kept
 * packed as mined or stored and unpacked the first time the anchor is asked for (a command-line
 * {@code recommend} unpacks only its cart's anchors); and the same aggregated per anchor category,
 * for anchors with too little evidence of their own, built the first time a category is asked for.
 * Immutable (but for those caches and a cache of price^w) and safe to share between threads.
 */
public final class RankingModel {

    /** How many companions per kind of evidence a category aggregate keeps. */
    static final int CATEGORY_COMPANIONS = 100;

    /** An anchor's (or a category's) pairs in candidate-id order. */
    record Pairs(int[] candidate, int[] co, int[] follow) {
        static final Pairs NONE = new Pairs(new int[0], new int[0], new int[0]);

        int size() {
            return candidate.length;
        }
    }

    final int n;
    final int productCount;
    final String[] sku;
    final String[] title;
    final int[] category;
    final List<String> categories;
    final double[] price;
    final int[] orders;
    final int[] followBase;
    final int[] skuOrder;
    final int[] categoryOrders;
    final int[] categoryFollowBase;
    private final double[] categoryMinPrice;
    private final double[] baseRates;
    private final PackedPairs packed;
    private final int minCustomers;
    private final AtomicReferenceArray<Pairs> anchorPairs;
    private final AtomicReferenceArray<Pairs> categoryPairs;
    private final Object2IntOpenHashMap<String> idBySku;
    private volatile WeightedPrices weightedPrices;

    /** price^w of every product, for one w. */
    private record WeightedPrices(double w, double[] prices) {
    }

    private RankingModel(Builder b) {
        n = b.n;
        productCount = b.sku.size();
        sku = b.sku.toArray(new String[0]);
        title = b.title.toArray(new String[0]);
        category = b.category.toIntArray();
        categories = List.copyOf(b.categories);
        price = b.price.toDoubleArray();
        orders = b.orders.toIntArray();
        followBase = b.followBase.toIntArray();
        baseRates = new double[productCount];
        for (int p = 0; p < productCount; p++) {
            baseRates[p] = n == 0 ? 0 : (double) orders[p] / n;
        }
        packed = b.pairs == null ? new PackedPairs(0) : b.pairs;
        minCustomers = b.minCustomers;
        idBySku = new Object2IntOpenHashMap<>(productCount);
        idBySku.defaultReturnValue(-1);
        for (int p = 0; p < productCount; p++) {
            if (sku[p] != null) {
                idBySku.put(sku[p], p);
            }
        }
        Integer[] bySku = new Integer[productCount];
        for (int p = 0; p < productCount; p++) {
            bySku[p] = p;
        }
        Arrays.sort(bySku, (x, y) -> String.valueOf(sku[x]).compareTo(String.valueOf(sku[y])));
        skuOrder = new int[productCount];
        for (int r = 0; r < productCount; r++) {
            skuOrder[bySku[r]] = r;
        }
        anchorPairs = new AtomicReferenceArray<>(productCount);
        int k = categories.size();
        categoryPairs = new AtomicReferenceArray<>(k);
        categoryOrders = new int[k];
        categoryFollowBase = new int[k];
        categoryMinPrice = new double[k];
        Arrays.fill(categoryMinPrice, Double.NaN);
        for (int a = 0; a < productCount; a++) {
            if (category[a] >= 0 && !Double.isNaN(price[a])
                    && !(price[a] >= categoryMinPrice[category[a]])) {
                categoryMinPrice[category[a]] = price[a];
            }
            if (category[a] >= 0) {
                categoryOrders[category[a]] += orders[a];
                categoryFollowBase[category[a]] += followBase[a];
            }
        }
    }

    /** Anchor {@code a}'s pairs backed by at least {@code minCustomers} customers. */
    Pairs pairsOf(int a) {
        Pairs pairs = anchorPairs.get(a);
        if (pairs == null) {
            int count = packed.pairCount(a);
            if (count == 0) {
                pairs = Pairs.NONE;
            } else {
                int[] candidates = new int[count];
                int[] cos = new int[count];
                int[] follows = new int[count];
                int[] kept = {0};
                packed.forEachPairOf(a, (c, co, follow, customers) -> {
                    if (customers >= minCustomers && c < productCount) {
                        int i = kept[0]++;
                        candidates[i] = c;
                        cos[i] = co;
                        follows[i] = follow;
                    }
                });
                int n = kept[0];
                pairs = n == count ? new Pairs(candidates, cos, follows)
                        : new Pairs(Arrays.copyOf(candidates, n), Arrays.copyOf(cos, n), Arrays.copyOf(follows, n));
            }
            anchorPairs.compareAndSet(a, null, pairs);
        }
        return pairs;
    }

    /** Whether anchor {@code a} has mined pairs that too few customers back to be used (the privacy floor). */
    boolean hasPairsUnderCustomerFloor(int a) {
        return packed.pairCount(a) > pairsOf(a).size();
    }

    /** The customers a mined pair needs to be used here (the profile's privacy floor). */
    int minCustomers() {
        return minCustomers;
    }

    /** The pairs of category {@code cat} as a whole: its anchors' pairs summed, the strongest kept. */
    Pairs categoryPairsOf(int cat) {
        Pairs pairs = categoryPairs.get(cat);
        if (pairs == null) {
            // dense sums over the catalog: a category's members share most of their companions
            int[] co = new int[productCount];
            int[] follow = new int[productCount];
            boolean[] seen = new boolean[productCount];
            int companions = 0;
            for (int a = 0; a < productCount; a++) {
                if (category[a] == cat) {
                    Pairs own = pairsOf(a);
                    for (int i = 0; i < own.size(); i++) {
                        int c = own.candidate[i];
                        co[c] += own.co[i];
                        follow[c] += own.follow[i];
                        if (!seen[c]) {
                            seen[c] = true;
                            companions++;
                        }
                    }
                }
            }
            int[] keys = strongest(co, follow, seen, companions);
            int[] cos = new int[keys.length];
            int[] follows = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                cos[i] = co[keys[i]];
                follows[i] = follow[keys[i]];
            }
            pairs = new Pairs(keys, cos, follows);
            categoryPairs.compareAndSet(cat, null, pairs);
        }
        return pairs;
    }

    /**
     * The candidates of a category aggregate worth keeping ({@code seen}, {@code companions} of them):
     * the {@link #CATEGORY_COMPANIONS} with the highest co counts and those with the highest follow
     * counts, in id order. A thin anchor backs off to its category's strongest companions, not to
     * every product ever bought beside it.
     */
    private static int[] strongest(int[] co, int[] follow, boolean[] seen, int companions) {
        if (companions <= CATEGORY_COMPANIONS) {
            int[] all = new int[companions];
            for (int c = 0, n = 0; c < seen.length; c++) {
                if (seen[c]) {
                    all[n++] = c;
                }
            }
            return all;
        }
        ScoredTopK byCo = new ScoredTopK(CATEGORY_COMPANIONS);
        ScoredTopK byFollow = new ScoredTopK(CATEGORY_COMPANIONS);
        for (int c = 0; c < seen.length; c++) {
            if (seen[c]) {
                byCo.offer(c, co[c], c, 0);
                byFollow.offer(c, follow[c], c, 0);
            }
        }
        IntOpenHashSet keep = new IntOpenHashSet();
        for (ScoredTopK top : List.of(byCo, byFollow)) {
            for (int r = 0; r < top.size(); r++) {
                keep.add(top.entry(r));
            }
        }
        int[] kept = keep.toIntArray();
        Arrays.sort(kept);
        return kept;
    }

    public static Builder builder(int n) {
        return new Builder(n);
    }

    /** The product id of {@code sku}, if the model knows it. */
    public OptionalInt idOf(String sku) {
        int id = idBySku.getInt(sku.strip());
        return id < 0 ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public String sku(int product) {
        return sku[product];
    }

    /** The product's place among all products sorted by SKU: ties broken by SKU compare these ints. */
    public int skuOrder(int product) {
        return skuOrder[product];
    }

    /** The product's category name, or null. */
    public String categoryName(int product) {
        return category[product] < 0 ? null : categories.get(category[product]);
    }

    /** The product's category index, or -1. */
    public int categoryOf(int product) {
        return category[product];
    }

    /** The category's index, or -1 when unknown. */
    public int categoryIndex(String name) {
        return name == null ? -1 : categories.indexOf(name);
    }

    public String title(int product) {
        return title[product];
    }

    /** The lowest known price among the category's products, NaN when none is known. */
    double categoryMinPrice(int category) {
        return categoryMinPrice[category];
    }

    /** orders(a) of the mining run. */
    public int ordersOf(int product) {
        return orders[product];
    }

    /** followBase(a) of the mining run. */
    public int followBaseOf(int product) {
        return followBase[product];
    }

    /** How many categories the catalog has. */
    public int categoryCount() {
        return categories.size();
    }

    /** The product's base rate orders(c) / N. */
    public double baseRateOf(int product) {
        return baseRate(product);
    }

    public double price(int product) {
        return price[product];
    }

    public int productCount() {
        return productCount;
    }

    /** Receives one stored pair of an anchor. */
    @FunctionalInterface
    public interface PairVisitor {
        void pair(int candidate, int co, int follow);
    }

    /** Visits the anchor's own pairs (backed by enough customers) in candidate-id order. */
    public void forEachPairOf(int anchor, PairVisitor visitor) {
        Pairs pairs = pairsOf(anchor);
        for (int i = 0; i < pairs.size(); i++) {
            visitor.pair(pairs.candidate[i], pairs.co[i], pairs.follow[i]);
        }
    }

    /** N: orders with a non-empty item set. */
    public int orderCount() {
        return n;
    }

    /** Number of mined pairs, before the customer floor. */
    public long minedPairCount() {
        return packed.size();
    }

    /**
     * {@code price^w} of every product (NaN where the price is unknown), computed once per w and
     * kept until another w is asked for: a slider move re-ranks without a {@code pow} per pair.
     */
    double[] weightedPrices(double w) {
        WeightedPrices cached = weightedPrices;
        if (cached == null || cached.w() != w) {
            double[] powered = new double[productCount];
            for (int p = 0; p < productCount; p++) {
                powered[p] = StrictMath.pow(price[p], w);
            }
            cached = new WeightedPrices(w, powered);
            weightedPrices = cached;
        }
        return cached.prices();
    }

    /** base(c) = orders(c) / N. */
    double baseRate(int product) {
        return baseRates[product];
    }

    /** Collects products and pairs; product ids are dense from 0 (gaps allowed). */
    public static final class Builder {
        private final int n;
        private final List<String> sku = new ArrayList<>();
        private final List<String> title = new ArrayList<>();
        private final IntArrayList category = new IntArrayList();
        private final List<String> categories = new ArrayList<>();
        private final Map<String, Integer> categoryIndex = new HashMap<>();
        private final DoubleArrayList price = new DoubleArrayList();
        private final IntArrayList orders = new IntArrayList();
        private final IntArrayList followBase = new IntArrayList();
        private PackedPairs pairs;
        private int minCustomers = 1;
        private final TreeMap<Integer, TreeMap<Integer, int[]>> loose = new TreeMap<>();

        private Builder(int n) {
            this.n = n;
        }

        /** Adds product {@code id}; {@code price} is NaN when unknown, {@code categoryName} may be null. */
        public Builder product(int id, String productSku, String productTitle, String categoryName, double productPrice,
                               int productOrders, int productFollowBase) {
            while (sku.size() <= id) {
                sku.add(null);
                title.add(null);
                category.add(-1);
                price.add(Double.NaN);
                orders.add(0);
                followBase.add(0);
            }
            sku.set(id, productSku);
            title.set(id, productTitle);
            int cat = -1;
            if (categoryName != null && !categoryName.isEmpty()) {
                cat = categoryIndex.computeIfAbsent(categoryName, k -> {
                    categories.add(k);
                    return categories.size() - 1;
                });
            }
            category.set(id, cat);
            price.set(id, productPrice);
            orders.set(id, productOrders);
            followBase.set(id, productFollowBase);
            return this;
        }

        /**
         * Adds one pair backed by enough customers (for models built by hand); pairs of one anchor
         * may come in any order. Not combinable with {@link #pairs}.
         */
        public Builder pair(int anchor, int candidateId, int coCount, int followCount) {
            loose.computeIfAbsent(anchor, k -> new TreeMap<>()).put(candidateId,
                    new int[] {coCount, followCount});
            return this;
        }

        /** The mined pairs; those backed by fewer than {@code floor} distinct customers are left out. */
        public Builder pairs(PackedPairs minedPairs, int floor) {
            this.pairs = minedPairs;
            this.minCustomers = floor;
            return this;
        }

        public RankingModel build() {
            if (!loose.isEmpty()) {
                PackedPairs packed = new PackedPairs(Math.max(sku.size(), loose.lastKey() + 1));
                PackedPairs.Encoder encoder = new PackedPairs.Encoder();
                loose.forEach((anchor, candidates) -> {
                    candidates.forEach((c, counts) -> encoder.add(c, counts[0], counts[1], Integer.MAX_VALUE));
                    int count = encoder.count();
                    packed.put(anchor, count, encoder.finish());
                });
                pairs = packed;
                minCustomers = 1;
            }
            return new RankingModel(this);
        }
    }
}

package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

/**
 * The mined statistics in memory, ready for ranking: per product its SKU, title, category, price,
 * {@code orders(a)} and {@code followBase(a)}; per anchor its pairs (candidate, co, follow) in one
 * compressed array; and the same aggregated per anchor category, for anchors with too little
 * evidence of their own. Immutable (but for a cache of price^w) and safe to share between threads.
 */
public final class RankingModel {

    /** How many companions per kind of evidence a category aggregate keeps. */
    static final int CATEGORY_COMPANIONS = 100;

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
    final int[] pairStart;
    final int[] candidate;
    final int[] co;
    final int[] follow;
    final int[] categoryStart;
    final int[] categoryCandidate;
    final int[] categoryCo;
    final int[] categoryFollow;
    final int[] categoryOrders;
    final int[] categoryFollowBase;
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
        price = b.price.stream().mapToDouble(Double::doubleValue).toArray();
        orders = b.orders.toIntArray();
        followBase = b.followBase.toIntArray();
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
        // pairs grouped by anchor
        int pairs = b.pairAnchor.size();
        pairStart = new int[productCount + 1];
        for (int i = 0; i < pairs; i++) {
            pairStart[b.pairAnchor.getInt(i) + 1]++;
        }
        for (int p = 0; p < productCount; p++) {
            pairStart[p + 1] += pairStart[p];
        }
        candidate = new int[pairs];
        co = new int[pairs];
        follow = new int[pairs];
        int[] fill = Arrays.copyOf(pairStart, productCount);
        for (int i = 0; i < pairs; i++) {
            int at = fill[b.pairAnchor.getInt(i)]++;
            candidate[at] = b.pairCandidate.getInt(i);
            co[at] = b.pairCo.getInt(i);
            follow[at] = b.pairFollow.getInt(i);
        }
        // the same aggregated per anchor category
        int k = categories.size();
        categoryOrders = new int[k];
        categoryFollowBase = new int[k];
        List<Int2IntOpenHashMap> coByCategory = new ArrayList<>();
        List<Int2IntOpenHashMap> followByCategory = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            coByCategory.add(new Int2IntOpenHashMap());
            followByCategory.add(new Int2IntOpenHashMap());
        }
        for (int a = 0; a < productCount; a++) {
            int cat = category[a];
            if (cat < 0) {
                continue;
            }
            categoryOrders[cat] += orders[a];
            categoryFollowBase[cat] += followBase[a];
            for (int i = pairStart[a]; i < pairStart[a + 1]; i++) {
                coByCategory.get(cat).addTo(candidate[i], co[i]);
                followByCategory.get(cat).addTo(candidate[i], follow[i]);
            }
        }
        categoryStart = new int[k + 1];
        IntArrayList cands = new IntArrayList();
        IntArrayList cos = new IntArrayList();
        IntArrayList follows = new IntArrayList();
        for (int c = 0; c < k; c++) {
            int[] keys = strongest(coByCategory.get(c), followByCategory.get(c));
            for (int key : keys) {
                cands.add(key);
                cos.add(coByCategory.get(c).get(key));
                follows.add(followByCategory.get(c).get(key));
            }
            categoryStart[c + 1] = cands.size();
        }
        categoryCandidate = cands.toIntArray();
        categoryCo = cos.toIntArray();
        categoryFollow = follows.toIntArray();
    }

    /**
     * The candidates of a category aggregate worth keeping: the {@link #CATEGORY_COMPANIONS} with the
     * highest co counts and those with the highest follow counts, in id order. A thin anchor backs
     * off to its category's strongest companions, not to every product ever bought beside it.
     */
    private static int[] strongest(Int2IntOpenHashMap co, Int2IntOpenHashMap follow) {
        int[] all = co.keySet().toIntArray();
        if (all.length <= CATEGORY_COMPANIONS) {
            Arrays.sort(all);
            return all;
        }
        it.unimi.dsi.fastutil.ints.IntOpenHashSet keep = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
        for (Int2IntOpenHashMap counts : List.of(co, follow)) {
            int[] byCount = all.clone();
            it.unimi.dsi.fastutil.ints.IntArrays.quickSort(byCount, (x, y) -> {
                int cmp = Integer.compare(counts.get(y), counts.get(x));
                return cmp != 0 ? cmp : Integer.compare(x, y);
            });
            for (int i = 0; i < CATEGORY_COMPANIONS; i++) {
                keep.add(byCount[i]);
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

    /** orders(a) of the mining run. */
    public int ordersOf(int product) {
        return orders[product];
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

    /** Visits the anchor's own pairs in candidate-id order. */
    public void forEachPairOf(int anchor, PairVisitor visitor) {
        for (int i = pairStart[anchor]; i < pairStart[anchor + 1]; i++) {
            visitor.pair(candidate[i], co[i], follow[i]);
        }
    }

    /** N: orders with a non-empty item set. */
    public int orderCount() {
        return n;
    }

    /** Number of stored pairs. */
    public int pairCount() {
        return candidate.length;
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
                powered[p] = Math.pow(price[p], w);
            }
            cached = new WeightedPrices(w, powered);
            weightedPrices = cached;
        }
        return cached.prices();
    }

    /** base(c) = orders(c) / N. */
    double baseRate(int product) {
        return n == 0 ? 0 : (double) orders[product] / n;
    }

    /** Collects products and pairs; product ids are dense from 0 (gaps allowed). */
    public static final class Builder {
        private final int n;
        private final List<String> sku = new ArrayList<>();
        private final List<String> title = new ArrayList<>();
        private final IntArrayList category = new IntArrayList();
        private final List<String> categories = new ArrayList<>();
        private final Map<String, Integer> categoryIndex = new HashMap<>();
        private final List<Double> price = new ArrayList<>();
        private final IntArrayList orders = new IntArrayList();
        private final IntArrayList followBase = new IntArrayList();
        private final IntArrayList pairAnchor = new IntArrayList();
        private final IntArrayList pairCandidate = new IntArrayList();
        private final IntArrayList pairCo = new IntArrayList();
        private final IntArrayList pairFollow = new IntArrayList();

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

        public Builder pair(int anchor, int candidateId, int coCount, int followCount) {
            pairAnchor.add(anchor);
            pairCandidate.add(candidateId);
            pairCo.add(coCount);
            pairFollow.add(followCount);
            return this;
        }

        public RankingModel build() {
            return new RankingModel(this);
        }
    }
}

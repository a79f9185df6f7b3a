package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKind;

/**
 * Random stores, profiles, curation and carts for the tests that hold the ranking to its definition
 * ({@link RankingBruteForceTest}) and the storefront evaluators to the preview
 * ({@code io.orderlift.ruleset.RandomRuleSetsTest}): small catalogs whose counts, prices, categories and
 * curation reach every rule of docs/ranking.md, ties included.
 */
public final class RandomRankingCases {

    private static final String[] CATEGORIES = {"Tents", "Bags", "Stoves"};

    private RandomRankingCases() {
    }

    /** A random store's counts, as mining leaves them: {@code co[a][c]}, {@code follow[a][c]}. */
    public record Counts(int n, String[] sku, String[] category, double[] price, int[] orders, int[] followBase,
                          int[][] co, int[][] follow) {

        public int size() {
            return sku.length;
        }

        public RankingModel model() {
            RankingModel.Builder builder = RankingModel.builder(n);
            for (int p = 0; p < size(); p++) {
                builder.product(p, sku[p], "Title " + p, category[p], price[p], orders[p], followBase[p]);
            }
            for (int a = 0; a < size(); a++) {
                for (int c = 0; c < size(); c++) {
                    if (co[a][c] > 0 || follow[a][c] > 0) {
                        builder.pair(a, c, co[a][c], follow[a][c]);
                    }
                }
            }
            return builder.build();
        }
    }

    /** Curation as sets of ids, kept apart from {@link CurationRules} so the brute force reads its own. */
    public record Curation(Set<Long> rejectedCart, Set<Long> rejectedConfirmation, Set<Long> approvedCart,
                            Set<Long> approvedConfirmation, List<int[]> pinsCart, List<int[]> pinsConfirmation,
                            Set<Integer> excludedSkus, Set<String> excludedCategories,
                            Set<List<String>> excludedCategoryPairs, Set<Long> excludedPairs, boolean approvedOnly) {

        boolean pairBlocked(Placement placement, int a, int c) {
            long key = key(a, c);
            Set<Long> rejected = placement == Placement.CART ? rejectedCart : rejectedConfirmation;
            Set<Long> approved = placement == Placement.CART ? approvedCart : approvedConfirmation;
            return rejected.contains(key) || excludedPairs.contains(key) || approvedOnly && !approved.contains(key);
        }

        /** Excluded SKU, excluded category, or an excluded category pair from a category in the cart. */
        boolean candidateBlocked(Counts s, int c, Set<String> cartCategories) {
            if (excludedSkus.contains(c) || s.category()[c] != null && excludedCategories.contains(s.category()[c])) {
                return true;
            }
            return cartCategories.stream().anyMatch(from -> excludedCategoryPairs.contains(List.of(from,
                    String.valueOf(s.category()[c]))));
        }

        public CurationRules rules(RankingModel model) {
            CurationRules rules = new CurationRules().approvedOnly(approvedOnly);
            rejectedCart.forEach(k -> rules.reject(Placement.CART, anchor(k), candidate(k)));
            rejectedConfirmation.forEach(k -> rules.reject(Placement.CONFIRMATION, anchor(k), candidate(k)));
            approvedCart.forEach(k -> rules.approve(Placement.CART, anchor(k), candidate(k)));
            approvedConfirmation.forEach(k -> rules.approve(Placement.CONFIRMATION, anchor(k), candidate(k)));
            pinsCart.forEach(p -> rules.pin(Placement.CART, p[0], p[1]));
            pinsConfirmation.forEach(p -> rules.pin(Placement.CONFIRMATION, p[0], p[1]));
            excludedSkus.forEach(rules::excludeSku);
            excludedCategories.forEach(name -> rules.excludeCategory(model.categoryIndex(name)));
            excludedCategoryPairs.forEach(pair -> rules.excludeCategoryPair(model.categoryIndex(pair.get(0)),
                    model.categoryIndex(pair.get(1))));
            excludedPairs.forEach(k -> rules.excludePair(anchor(k), candidate(k)));
            return rules;
        }

        /** The store's exclusions as a published rule set lists them (SKUs and categories by name). */
        public List<CurationStore.Exclusion> exclusions(Counts s) {
            List<CurationStore.Exclusion> all = new ArrayList<>();
            excludedSkus.forEach(p -> all.add(new CurationStore.Exclusion(ExclusionKind.SKU, s.sku()[p], null, "test", null)));
            excludedCategories.forEach(c -> all.add(new CurationStore.Exclusion(ExclusionKind.CATEGORY, c, null, "test", null)));
            excludedCategoryPairs.forEach(pair -> all.add(new CurationStore.Exclusion(ExclusionKind.CATEGORY_PAIR,
                    pair.get(0), pair.get(1), "test", null)));
            excludedPairs.forEach(k -> all.add(new CurationStore.Exclusion(ExclusionKind.PAIR, s.sku()[anchor(k)],
                    s.sku()[candidate(k)], "test", null)));
            return all;
        }

        /** A pair as {@link CurationRules} keys it: anchor in the high half, candidate in the low. */
        static long key(int a, int c) {
            return CurationRules.key(a, c);
        }

        private static int anchor(long key) {
            return (int) (key >> 32);
        }

        private static int candidate(long key) {
            return (int) key;
        }
    }

    public static Counts store(SplittableRandom random, int size) {
        int n = 50 + random.nextInt(3_000);
        Set<String> skus = new LinkedHashSet<>();
        while (skus.size() < size) {
            // short SKUs over a small alphabet: ties by SKU compare strings of unequal length and case
            StringBuilder sku = new StringBuilder();
            for (int i = 0, length = 1 + random.nextInt(3); i < length; i++) {
                sku.append("aB-7z".charAt(random.nextInt(5)));
            }
            skus.add(sku.toString());
        }
        String[] sku = skus.toArray(new String[0]);
        int categories = 1 + random.nextInt(CATEGORIES.length);
        String[] category = new String[size];
        double[] price = new double[size];
        int[] orders = new int[size];
        int[] followBase = new int[size];
        double[] prices = {5, 10, 25.5, 99.99};
        for (int p = 0; p < size; p++) {
            category[p] = random.nextInt(6) == 0 ? null : CATEGORIES[random.nextInt(categories)];
            int kind = random.nextInt(10);
            price[p] = kind == 0 ? Double.NaN : kind < 4 ? prices[random.nextInt(prices.length)]
                    : Math.round(random.nextDouble(1, 300) * 100) / 100.0;
            orders[p] = random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(Math.min(n, 400) + 1);
            followBase[p] = random.nextInt(orders[p] + 1);
        }
        int[][] co = new int[size][size];
        int[][] follow = new int[size][size];
        for (int a = 0; a < size; a++) {
            for (int c = 0; c < size; c++) {
                if (a != c && random.nextInt(10) < 7) {
                    int most = Math.min(orders[a], orders[c]);
                    co[a][c] = random.nextInt(3) == 0 ? random.nextInt(Math.min(most, 4) + 1) : random.nextInt(most + 1);
                    follow[a][c] = random.nextInt(Math.min(followBase[a], 30) + 1);
                }
            }
        }
        // twins: a product bought exactly like another at the same price, so that scores tie and the SKU decides
        for (int twins = random.nextInt(3); twins > 0 && size > 2; twins--) {
            int original = random.nextInt(size);
            int twin = random.nextInt(size);
            if (twin == original) {
                continue;
            }
            price[twin] = price[original];
            orders[twin] = orders[original];
            followBase[twin] = followBase[original];
            for (int a = 0; a < size; a++) {
                if (a != twin && a != original) {
                    co[a][twin] = co[a][original];
                    follow[a][twin] = follow[a][original];
                }
            }
        }
        return new Counts(n, sku, category, price, orders, followBase, co, follow);
    }

    public static WeightingProfile profile(SplittableRandom random) {
        return new WeightingProfile("random", pick(random, 0, 0.25, 0.5, 1, 1.5, 2), pick(random, 0.5, 1, 5, 20),
                (int) pick(random, 1, 2, 3, 5), (int) pick(random, 0, 10, 30, 60), pick(random, 0.5, 1, 2, 100),
                pick(random, 10, 60, 250), pick(random, 0.25, 0.5, 2), (int) pick(random, 1, 2, 3, 10),
                1 + random.nextInt(6), 1 + random.nextInt(5), pick(random, 0, 0.5, 1, 1.5), 3,
                random.nextBoolean() ? Estimator.BASE_RATE : Estimator.LOWER_BOUND,
                random.nextBoolean() ? ConfirmationEvidence.BOTH : ConfirmationEvidence.FOLLOW_ON, null);
    }

    /**
     * One to five lines of the store's products (a SKU may repeat), now and then a SKU the store does
     * not know; with {@code ownUnitPrices} some lines carry a unit price of their own.
     */
    public static List<CartItem> cart(SplittableRandom random, Counts store, boolean ownUnitPrices) {
        List<CartItem> cart = new ArrayList<>();
        for (int i = 0, items = 1 + random.nextInt(5); i < items; i++) {
            // repeats are allowed: the SKU is one anchor, its quantities all count toward the total
            String sku = store.sku()[random.nextInt(store.size())];
            double unitPrice = ownUnitPrices && random.nextInt(4) == 0 ? Math.round(random.nextDouble(1, 200) * 100) / 100.0 : Double.NaN;
            cart.add(new CartItem(sku, 1 + random.nextInt(3), unitPrice));
        }
        if (random.nextInt(10) == 0) {
            cart.add(new CartItem("NOT-IN-THE-STORE", 1, ownUnitPrices ? 40 : Double.NaN));
        }
        return cart;
    }

    public static Curation none() {
        return new Curation(Set.of(), Set.of(), Set.of(), Set.of(), List.of(), List.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), false);
    }

    public static Curation curation(SplittableRandom random, Counts store) {
        int size = store.size();
        Set<Long> rejectedCart = pairs(random, size, 3);
        Set<Long> rejectedConfirmation = pairs(random, size, 3);
        Set<Long> approvedCart = pairs(random, size, 2 * size);
        Set<Long> approvedConfirmation = pairs(random, size, 2 * size);
        Set<Long> excludedPairs = pairs(random, size, 2);
        List<int[]> pinsCart = new ArrayList<>();
        List<int[]> pinsConfirmation = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            (random.nextBoolean() ? pinsCart : pinsConfirmation).add(new int[] {random.nextInt(size), random.nextInt(size)});
        }
        Set<Integer> excludedSkus = new HashSet<>();
        if (random.nextBoolean()) {
            excludedSkus.add(random.nextInt(size));
        }
        Set<String> categoriesInUse = new LinkedHashSet<>();
        for (String c : store.category()) {
            if (c != null) {
                categoriesInUse.add(c);
            }
        }
        List<String> names = new ArrayList<>(categoriesInUse);
        Set<String> excludedCategories = new HashSet<>();
        Set<List<String>> excludedCategoryPairs = new HashSet<>();
        if (!names.isEmpty() && random.nextInt(4) == 0) {
            excludedCategories.add(names.get(random.nextInt(names.size())));
        }
        if (!names.isEmpty() && random.nextInt(3) == 0) {
            excludedCategoryPairs.add(List.of(names.get(random.nextInt(names.size())), names.get(random.nextInt(names.size()))));
        }
        return new Curation(rejectedCart, rejectedConfirmation, approvedCart, approvedConfirmation, pinsCart,
                pinsConfirmation, excludedSkus, excludedCategories, excludedCategoryPairs, excludedPairs,
                random.nextInt(8) == 0);
    }

    private static Set<Long> pairs(SplittableRandom random, int size, int most) {
        Set<Long> pairs = new HashSet<>();
        for (int i = random.nextInt(most + 1); i > 0; i--) {
            pairs.add(Curation.key(random.nextInt(size), random.nextInt(size)));
        }
        return pairs;
    }

    private static double pick(SplittableRandom random, double... values) {
        return values[random.nextInt(values.length)];
    }
}

package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The whole ranking against a brute-force reading of docs/ranking.md on random stores, profiles,
 * curation and carts: every candidate of every anchor scored from the counts by the formulas as
 * written, filtered and listed by the rules as written, compared item by item (SKU, combined
 * acceptance, score, pin, popularity rank) with what {@link Recommender#recommend} answers.
 *
 * <p>Small catalogs (at most 8 products) go through the bounded lists at their published size,
 * which then hold every candidate, so the bound cannot hide a difference; larger ones through
 * lists long enough to hold every candidate. The brute force multiplies each candidate's
 * {@code 1 − p} in the same order as the recommender (anchors in cart order, same-order evidence
 * before follow-on), so equal evidence gives bit-equal scores and ties fall to the SKU in both.
 */
class RankingBruteForceTest {

    private static final String[] CATEGORIES = {"Tents", "Bags", "Stoves"};

    /** A random store's counts, as mining leaves them. */
    private record Counts(int n, String[] sku, String[] category, double[] price, int[] orders, int[] followBase,
                          int[][] co, int[][] follow) {

        int size() {
            return sku.length;
        }

        RankingModel model() {
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
    private record Curation(Set<Long> rejectedCart, Set<Long> rejectedConfirmation, Set<Long> approvedCart,
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

        CurationRules rules(RankingModel model) {
            CurationRules rules = new CurationRules().approvedOnly(approvedOnly);
            rejectedCart.forEach(k -> rules.reject(Placement.CART, (int) (k >> 32), (int) (long) k));
            rejectedConfirmation.forEach(k -> rules.reject(Placement.CONFIRMATION, (int) (k >> 32), (int) (long) k));
            approvedCart.forEach(k -> rules.approve(Placement.CART, (int) (k >> 32), (int) (long) k));
            approvedConfirmation.forEach(k -> rules.approve(Placement.CONFIRMATION, (int) (k >> 32), (int) (long) k));
            pinsCart.forEach(p -> rules.pin(Placement.CART, p[0], p[1]));
            pinsConfirmation.forEach(p -> rules.pin(Placement.CONFIRMATION, p[0], p[1]));
            excludedSkus.forEach(rules::excludeSku);
            excludedCategories.forEach(name -> rules.excludeCategory(model.categoryIndex(name)));
            excludedCategoryPairs.forEach(pair -> rules.excludeCategoryPair(model.categoryIndex(pair.get(0)),
                    model.categoryIndex(pair.get(1))));
            excludedPairs.forEach(k -> rules.excludePair((int) (k >> 32), (int) (long) k));
            return rules;
        }

        static long key(int a, int c) {
            return ((long) a << 32) | c;
        }
    }

    /** One expected item of a list. */
    private record Expected(String sku, double acceptance, double score, boolean pinned, int acceptanceRank) {
    }

    @Test
    void everyListIsTheFormulaOfDocsRankingOnRandomStores() {
        int compared = 0;
        int nonEmpty = 0;
        for (int seed = 0; seed < 400; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            boolean small = seed % 2 == 0;
            Counts store = store(random, small ? 3 + random.nextInt(6) : 9 + random.nextInt(16));
            RankingModel model = store.model();
            Curation curation = random.nextInt(3) == 0 ? none() : curation(random, store);
            Recommender recommender = new Recommender(model, curation.rules(model),
                    small ? Recommender.DEFAULT_TOP_K : 1_000);
            for (int trial = 0; trial < 12; trial++) {
                WeightingProfile profile = profile(random);
                List<CartItem> cart = cart(random, store);
                for (Placement placement : Placement.values()) {
                    List<Expected> expected = bruteForce(store, curation, profile, placement, cart);
                    Recommendations actual = recommender.recommend(placement, cart, profile, 0);
                    String context = "seed " + seed + ", trial " + trial + ", " + placement + ", cart " + cart
                            + ", " + profile;
                    assertEquals(expected.stream().map(Expected::sku).toList(),
                            actual.items().stream().map(Recommendation::sku).toList(), context);
                    for (int i = 0; i < expected.size(); i++) {
                        Expected e = expected.get(i);
                        Recommendation r = actual.items().get(i);
                        assertEquals(e.acceptance(), r.acceptance(), 1e-12, context + ", acceptance of " + e.sku());
                        assertEquals(e.score(), r.score(), 1e-9 * Math.max(1, e.score()), context + ", score of " + e.sku());
                        assertEquals(e.pinned(), r.rules().contains("pin"), context + ", pin of " + e.sku());
                        assertEquals(e.acceptanceRank(), r.acceptanceRank(), context + ", popularity rank of " + e.sku());
                    }
                    compared++;
                    nonEmpty += expected.isEmpty() ? 0 : 1;
                }
            }
        }
        // the random stores must exercise the ranking, not only agree on empty lists
        assertEquals(9_600, compared);
        assertEquals(true, nonEmpty > compared / 2, nonEmpty + " of " + compared + " lists hold something");
    }

    /** docs/ranking.md, "For a cart" and "For the order just placed", read literally. */
    private static List<Expected> bruteForce(Counts s, Curation curation, WeightingProfile profile,
                                             Placement placement, List<CartItem> cart) {
        int size = s.size();
        List<Integer> anchors = new ArrayList<>();
        Set<String> cartCategories = new LinkedHashSet<>();
        double total = 0;
        for (CartItem item : cart) {
            int id = Arrays.asList(s.sku()).indexOf(item.sku());
            double unit = Double.isNaN(item.unitPrice()) && id >= 0 ? s.price()[id] : item.unitPrice();
            total += item.quantity() * (Double.isNaN(unit) ? 0 : unit);
            if (id >= 0 && !anchors.contains(id)) {
                anchors.add(id);
                if (s.category()[id] != null) {
                    cartCategories.add(s.category()[id]);
                }
            }
        }
        double[] notAccepted = new double[size];
        Arrays.fill(notAccepted, 1);
        boolean[] touched = new boolean[size];
        List<Boolean> kinds = placement == Placement.CART ? List.of(true)
                : profile.confirmationEvidence() == ConfirmationEvidence.BOTH ? List.of(true, false) : List.of(false);
        for (int a : anchors) {
            boolean backoff = s.orders()[a] < profile.backoffBelowOrders() && s.category()[a] != null;
            for (boolean sameOrder : kinds) {
                int denominator = 0;
                int[] counts = new int[size];
                for (int member = 0; member < size; member++) {
                    if (backoff ? s.category()[a].equals(s.category()[member]) : member == a) {
                        denominator += sameOrder ? s.orders()[member] : s.followBase()[member];
                        for (int c = 0; c < size; c++) {
                            counts[c] += sameOrder ? s.co()[member][c] : s.follow()[member][c];
                        }
                    }
                }
                for (int c = 0; c < size; c++) {
                    if (anchors.contains(c) || counts[c] < profile.minEvidence()
                            || curation.pairBlocked(placement, a, c) || neverShown(s, curation, c, placement, profile)) {
                        continue;
                    }
                    double base = (double) s.orders()[c] / s.n();
                    double m = profile.smoothing();
                    double p = (counts[c] + m * base) / (denominator + m);
                    if (profile.estimator() == Estimator.LOWER_BOUND) {
                        p = Math.max(0, p - 1.96 * Math.sqrt(p * (1 - p) / (denominator + m)));
                    }
                    if (p > profile.minLift() * base) {
                        notAccepted[c] *= 1 - p;
                        touched[c] = true;
                    }
                }
            }
        }
        double[] acceptance = new double[size];
        double[] score = new double[size];
        List<Integer> eligible = new ArrayList<>();
        for (int c = 0; c < size; c++) {
            if (!touched[c] || curation.candidateBlocked(s, c, cartCategories) || aboveCeiling(s, c, placement, total, profile)) {
                continue;
            }
            acceptance[c] = 1 - notAccepted[c];
            score[c] = acceptance[c] * StrictMath.pow(s.price()[c], profile.priceWeight());
            eligible.add(c);
        }
        int length = placement == Placement.CART ? profile.cartLength() : profile.confirmationLength();
        List<Integer> list = new ArrayList<>();
        Set<Integer> pinned = new HashSet<>();
        for (int a : anchors) {
            for (int[] pin : placement == Placement.CART ? curation.pinsCart() : curation.pinsConfirmation()) {
                int c = pin[1];
                if (pin[0] == a && list.size() < length && !anchors.contains(c) && !list.contains(c)
                        && !curation.pairBlocked(placement, a, c) && !curation.candidateBlocked(s, c, cartCategories)) {
                    list.add(c);
                    pinned.add(c);
                }
            }
        }
        Comparator<Integer> bySku = Comparator.comparing(c -> s.sku()[c]);
        List<Integer> byScore = eligible.stream().sorted(Comparator.<Integer>comparingDouble(c -> -score[c])
                .thenComparing(bySku)).toList();
        for (int c : byScore) {
            String category = s.category()[c];
            long ofCategory = list.stream().filter(x -> category != null && category.equals(s.category()[x])).count();
            if (list.size() < length && !list.contains(c) && (category == null || ofCategory < profile.perCategoryCap())) {
                list.add(c);
            }
        }
        List<Expected> expected = new ArrayList<>();
        for (int c : list) {
            int rank = 0;
            if (eligible.contains(c)) {
                rank = 1 + (int) eligible.stream().filter(x -> x != c && (acceptance[x] > acceptance[c]
                        || acceptance[x] == acceptance[c] && s.sku()[x].compareTo(s.sku()[c]) < 0)).count();
            }
            double accepted = touched[c] ? 1 - notAccepted[c] : 0;
            double price = Double.isNaN(s.price()[c]) ? 0 : s.price()[c];
            expected.add(new Expected(s.sku()[c], accepted, accepted * StrictMath.pow(price, profile.priceWeight()),
                    pinned.contains(c), rank));
        }
        return expected;
    }

    /**
     * A candidate no cart can be shown in {@code placement} (excluded SKU or category, no price, above
     * the one-tap price) carries no evidence: the published lists leave it out.
     */
    private static boolean neverShown(Counts s, Curation curation, int c, Placement placement, WeightingProfile profile) {
        double price = s.price()[c];
        return curation.excludedSkus().contains(c)
                || s.category()[c] != null && curation.excludedCategories().contains(s.category()[c])
                || Double.isNaN(price) || placement == Placement.CONFIRMATION && price > profile.oneTapMaxPrice();
    }

    private static boolean aboveCeiling(Counts s, int c, Placement placement, double total, WeightingProfile profile) {
        double price = s.price()[c];
        if (Double.isNaN(price)) {
            return true;
        }
        return placement == Placement.CART ? price > profile.maxPriceRatio() * total
                : price > profile.oneTapMaxPrice() || price > profile.oneTapMaxShare() * total;
    }

    private static Counts store(SplittableRandom random, int size) {
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

    private static WeightingProfile profile(SplittableRandom random) {
        return new WeightingProfile("random", pick(random, 0, 0.25, 0.5, 1, 1.5, 2), pick(random, 0.5, 1, 5, 20),
                (int) pick(random, 1, 2, 3, 5), (int) pick(random, 0, 10, 30, 60), pick(random, 0.5, 1, 2, 100),
                pick(random, 10, 60, 250), pick(random, 0.25, 0.5, 2), (int) pick(random, 1, 2, 3, 10),
                1 + random.nextInt(6), 1 + random.nextInt(5), pick(random, 0, 0.5, 1, 1.5), 3,
                random.nextBoolean() ? Estimator.BASE_RATE : Estimator.LOWER_BOUND,
                random.nextBoolean() ? ConfirmationEvidence.BOTH : ConfirmationEvidence.FOLLOW_ON, null);
    }

    private static List<CartItem> cart(SplittableRandom random, Counts store) {
        List<CartItem> cart = new ArrayList<>();
        for (int i = 0, items = 1 + random.nextInt(5); i < items; i++) {
            // repeats are allowed: the SKU is one anchor, its quantities all count toward the total
            String sku = store.sku()[random.nextInt(store.size())];
            double unitPrice = random.nextInt(4) == 0 ? Math.round(random.nextDouble(1, 200) * 100) / 100.0 : Double.NaN;
            cart.add(new CartItem(sku, 1 + random.nextInt(3), unitPrice));
        }
        if (random.nextInt(10) == 0) {
            cart.add(new CartItem("NOT-IN-THE-STORE", 1, 40));
        }
        return cart;
    }

    private static Curation none() {
        return new Curation(Set.of(), Set.of(), Set.of(), Set.of(), List.of(), List.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), false);
    }

    private static Curation curation(SplittableRandom random, Counts store) {
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

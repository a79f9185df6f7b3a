package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.orderlift.ranking.RandomRankingCases.Counts;
import io.orderlift.ranking.RandomRankingCases.Curation;

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
            Counts store = RandomRankingCases.store(random, small ? 3 + random.nextInt(6) : 9 + random.nextInt(16));
            RankingModel model = store.model();
            Curation curation = random.nextInt(3) == 0 ? RandomRankingCases.none() : RandomRankingCases.curation(random, store);
            Recommender recommender = new Recommender(model, curation.rules(model),
                    small ? Recommender.DEFAULT_TOP_K : 1_000);
            WeightingProfile previous = null;
            for (int trial = 0; trial < 12; trial++) {
                // odd trials move one setting that one placement reads: lists the recommender kept from the trial
                // before under a key that missed that setting would show here
                WeightingProfile profile = trial % 2 == 1 ? oneCeilingMoved(random, previous)
                        : RandomRankingCases.profile(random);
                previous = profile;
                List<CartItem> cart = RandomRankingCases.cart(random, store, true);
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
        assertTrue(nonEmpty > compared / 2, nonEmpty + " of " + compared + " lists hold something");
    }

    /** {@code profile} with one setting that only one placement reads moved to another value. */
    private static WeightingProfile oneCeilingMoved(SplittableRandom random, WeightingProfile profile) {
        return switch (random.nextInt(4)) {
            case 0 -> profile.withMaxPriceRatio(profile.maxPriceRatio() == 0.5 ? 2 : 0.5);
            case 1 -> profile.withOneTapMaxPrice(profile.oneTapMaxPrice() == 10 ? 250 : 10);
            case 2 -> profile.withOneTapMaxShare(profile.oneTapMaxShare() == 0.25 ? 2 : 0.25);
            default -> profile.withConfirmationEvidence(profile.confirmationEvidence() == ConfirmationEvidence.BOTH
                    ? ConfirmationEvidence.FOLLOW_ON : ConfirmationEvidence.BOTH);
        };
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
}

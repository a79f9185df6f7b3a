package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import io.orderlift.mining.Acceptance;
import org.junit.jupiter.api.Test;

/**
 * The bounded lists against a brute-force reading of their definition, on random stores: both
 * estimators, both kinds of confirmation evidence, and curation (rejected and excluded pairs, excluded
 * SKUs and categories), with the candidates each list records as blocked or never shown.
 */
class ContributionListsTest {

    @Test
    void listsAreTheBestOverallAndTheBestAlwaysAdmittedOnRandomStores() {
        for (int store = 0; store < 120; store++) {
            SplittableRandom random = new SplittableRandom(store);
            int products = 5 + random.nextInt(store < 40 ? 60 : 200);
            int n = 2_000;
            RankingModel.Builder builder = RankingModel.builder(n);
            // a wide price range on some stores, where a high w leaves the bound on later pairs loose
            double step = random.nextBoolean() ? 2.5 : 40;
            for (int p = 0; p < products; p++) {
                // some prices tie, some are unknown, a few categories
                double price = random.nextInt(10) == 0 ? Double.NaN : 1 + random.nextInt(40) * step;
                builder.product(p, "P" + p, null, "C" + random.nextInt(3), price, 20 + random.nextInt(400),
                        10 + random.nextInt(200));
            }
            double density = 0.2 + random.nextDouble() * 0.6;
            for (int a = 0; a < products; a++) {
                for (int c = 0; c < products; c++) {
                    if (a != c && random.nextDouble() < density) {
                        builder.pair(a, c, random.nextInt(40), random.nextInt(12));
                    }
                }
            }
            RankingModel model = builder.build();
            int k = 1 + random.nextInt(6);
            WeightingProfile profile = new WeightingProfile("p", random.nextDouble() * 2.5, 1 + random.nextInt(20), 1
                    + random.nextInt(3), random.nextInt(3) == 0 ? 100 : 0, 0.5 + random.nextDouble(),
                    20 + random.nextInt(60), 0.2 + random.nextDouble(), 2, 4, 3, random.nextDouble(), 3)
                    .withEstimator(Estimator.values()[random.nextInt(Estimator.values().length)])
                    .withConfirmationEvidence(ConfirmationEvidence.values()[random.nextInt(2)]);
            CurationRules curation = randomCuration(random, products, store % 3 == 0);
            ContributionLists lists = new ContributionLists(model, curation, profile, k);
            for (int a = 0; a < products; a++) {
                for (Placement placement : Placement.values()) {
                    String where = "store " + store + ", anchor P" + a + ", " + placement;
                    List<List<Integer>> expected = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(),
                            new ArrayList<>()));
                    if (placement == Placement.CART || profile.confirmationEvidence() == ConfirmationEvidence.BOTH) {
                        bruteForce(model, curation, profile, placement, a, true, k, expected);
                    }
                    if (placement == Placement.CONFIRMATION) {
                        bruteForce(model, curation, profile, placement, a, false, k, expected);
                    }
                    ContributionLists.AnchorList list = lists.of(placement, a);
                    assertEquals(expected.get(0), ids(list.candidate()), where);
                    assertEquals(expected.get(1), ids(list.blocked()), where + ": blocked");
                    assertEquals(expected.get(2), ids(list.excluded()), where + ": excluded");
                    int sameOrder = 0;
                    for (boolean same : list.sameOrder()) {
                        sameOrder += same ? 1 : 0;
                    }
                    assertTrue(sameOrder <= 2 * k && list.size() - sameOrder <= 2 * k);
                }
            }
        }
    }

    /** Rejections and pair exclusions on some pairs, a few excluded SKUs and a category; or nothing. */
    private static CurationRules randomCuration(SplittableRandom random, int products, boolean none) {
        CurationRules curation = new CurationRules();
        if (none) {
            return curation;
        }
        for (int i = 0; i < products; i++) {
            int a = random.nextInt(products);
            int c = random.nextInt(products);
            switch (random.nextInt(4)) {
                case 0 -> curation.reject(Placement.CART, a, c);
                case 1 -> curation.reject(Placement.CONFIRMATION, a, c);
                case 2 -> curation.excludePair(a, c);
                default -> curation.excludeSku(c);
            }
        }
        if (random.nextInt(4) == 0) {
            curation.excludeCategory(random.nextInt(3));
        }
        return curation;
    }

    private static List<Integer> ids(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    /**
     * The definition read literally: filter, score, sort everything, take the two best-k sets (added to
     * {@code into.get(0)}); the blocked pairs' candidates and the candidates never shown that pass the
     * floors, in id order, to {@code into.get(1)} and {@code into.get(2)}.
     */
    private static void bruteForce(RankingModel model, CurationRules curation, WeightingProfile profile,
                                   Placement placement, int a, boolean sameOrder, int k, List<List<Integer>> into) {
        boolean backoff = model.orders[a] < profile.backoffBelowOrders() && model.category[a] >= 0;
        int cat = model.category[a];
        RankingModel.Pairs pairs = backoff ? model.categoryPairsOf(cat) : model.pairsOf(a);
        int total = backoff ? (sameOrder ? model.categoryOrders[cat] : model.categoryFollowBase[cat])
                : (sameOrder ? model.orders[a] : model.followBase[a]);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            int c = pairs.candidate()[i];
            int evidence = sameOrder ? pairs.co()[i] : pairs.follow()[i];
            if (evidence < profile.minEvidence()) {
                continue;
            }
            if (curation.pairBlocked(placement, a, c)) {
                into.get(1).add(c);
                continue;
            }
            double base = model.baseRate(c);
            double mean = Acceptance.smoothed(evidence, total, base, profile.smoothing());
            double p = profile.estimator() == Estimator.LOWER_BOUND
                    ? Math.max(0, mean - 1.96 * Math.sqrt(mean * (1 - mean) / (total + profile.smoothing()))) : mean;
            if (!(p > profile.minLift() * base)) {
                continue;
            }
            double price = model.price[c];
            boolean shown = !Double.isNaN(price)
                    && !(placement == Placement.CONFIRMATION && price > profile.oneTapMaxPrice())
                    && !curation.skuExcluded(c) && !curation.categoryExcluded(model.category[c]);
            if (!shown) {
                into.get(2).add(c);
                continue;
            }
            kept.add(new double[] {c, p * Math.pow(price, profile.priceWeight()), price});
        }
        kept.sort(Comparator.comparingDouble((double[] e) -> -e[1])
                .thenComparing(e -> model.sku((int) e[0])));
        double cheapest = Double.NaN;
        for (int p = 0; p < model.productCount(); p++) {
            if (model.category[p] == cat && !Double.isNaN(model.price[p])
                    && (Double.isNaN(cheapest) || model.price[p] < cheapest)) {
                cheapest = model.price[p];
            }
        }
        double anchorPrice = backoff ? cheapest : model.price[a];
        double own = Double.isNaN(anchorPrice) ? 0 : anchorPrice;
        double admitted = placement == Placement.CART ? profile.maxPriceRatio() * own
                : Math.min(profile.oneTapMaxPrice(), profile.oneTapMaxShare() * own);
        Set<Integer> best = new LinkedHashSet<>();
        int cheap = 0;
        for (int r = 0; r < kept.size(); r++) {
            boolean alwaysAdmitted = kept.get(r)[2] <= admitted;
            if (r < k || alwaysAdmitted && cheap < k) {
                best.add((int) kept.get(r)[0]);
            }
            if (alwaysAdmitted) {
                cheap++;
            }
        }
        into.get(0).addAll(best);
    }
}

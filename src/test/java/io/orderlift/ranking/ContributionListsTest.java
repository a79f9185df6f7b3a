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

/** The bounded lists against a brute-force reading of their definition, on random stores. */
class ContributionListsTest {

    @Test
    void listsAreTheBestOverallAndTheBestAlwaysAdmittedOnRandomStores() {
        for (int store = 0; store < 40; store++) {
            SplittableRandom random = new SplittableRandom(store);
            int products = 5 + random.nextInt(60);
            int n = 2_000;
            RankingModel.Builder builder = RankingModel.builder(n);
            for (int p = 0; p < products; p++) {
                // some prices tie, some are unknown, a few categories
                double price = random.nextInt(10) == 0 ? Double.NaN : 1 + random.nextInt(40) * 2.5;
                builder.product(p, "P" + p, null, "C" + random.nextInt(3), price, 20 + random.nextInt(400),
                        10 + random.nextInt(200));
            }
            for (int a = 0; a < products; a++) {
                for (int c = 0; c < products; c++) {
                    if (a != c && random.nextDouble() < 0.6) {
                        builder.pair(a, c, random.nextInt(40), random.nextInt(12));
                    }
                }
            }
            RankingModel model = builder.build();
            int k = 1 + random.nextInt(6);
            WeightingProfile profile = new WeightingProfile("p", random.nextDouble() * 2, 1 + random.nextInt(20), 1
                    + random.nextInt(3), random.nextInt(3) == 0 ? 100 : 0, 0.5 + random.nextDouble(),
                    20 + random.nextInt(60), 0.2 + random.nextDouble(), 2, 4, 3, random.nextDouble(), 3);
            ContributionLists lists = new ContributionLists(model, CurationRules.NONE, profile, k);
            for (int a = 0; a < products; a++) {
                for (Placement placement : Placement.values()) {
                    List<Integer> expected = new ArrayList<>(bruteForce(model, profile, placement, a, true, k));
                    if (placement == Placement.CONFIRMATION) {
                        expected.addAll(bruteForce(model, profile, placement, a, false, k));
                    }
                    ContributionLists.AnchorList list = lists.of(placement, a);
                    List<Integer> actual = new ArrayList<>();
                    for (int c : list.candidate()) {
                        actual.add(c);
                    }
                    assertEquals(expected, actual, "store " + store + ", anchor P" + a + ", " + placement);
                    int sameOrder = 0;
                    for (boolean same : list.sameOrder()) {
                        sameOrder += same ? 1 : 0;
                    }
                    assertTrue(sameOrder <= 2 * k && list.size() - sameOrder <= 2 * k);
                }
            }
        }
    }

    /** The definition read literally: filter, score, sort everything, take the two best-k sets. */
    private static Set<Integer> bruteForce(RankingModel model, WeightingProfile profile, Placement placement, int a,
                                           boolean sameOrder, int k) {
        boolean backoff = model.orders[a] < profile.backoffBelowOrders() && model.category[a] >= 0;
        int cat = model.category[a];
        RankingModel.Pairs pairs = backoff ? model.categoryPairsOf(cat) : model.pairsOf(a);
        int total = backoff ? (sameOrder ? model.categoryOrders[cat] : model.categoryFollowBase[cat])
                : (sameOrder ? model.orders[a] : model.followBase[a]);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            int c = pairs.candidate()[i];
            int evidence = sameOrder ? pairs.co()[i] : pairs.follow()[i];
            double base = model.baseRate(c);
            double p = Acceptance.smoothed(evidence, total, base, profile.smoothing());
            double price = model.price[c];
            boolean shown = !Double.isNaN(price)
                    && !(placement == Placement.CONFIRMATION && price > profile.oneTapMaxPrice());
            if (evidence >= profile.minEvidence() && p > profile.minLift() * base && shown) {
                kept.add(new double[] {c, p * Math.pow(price, profile.priceWeight()), price});
            }
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
        return best;
    }
}

package io.orderlift.ranking;

import io.orderlift.store.ExclusionKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.orderlift.store.CurationStore.Exclusion;
import org.junit.jupiter.api.Test;

/** What each exclusion removes, and that the recommender never offers what an exclusion removes. */
class ExclusionImpactTest {

    private static Exclusion exclusion(String kind, String first, String second) {
        return new Exclusion(ExclusionKind.fromJson(kind), first, second, "test", Instant.EPOCH);
    }

    private static RankingModel shop() {
        return RankingModel.builder(10_000)
                .product(0, "TENT", null, "Tents", 300, 1_000, 0)
                .product(1, "STAKES", null, "Accessories", 9, 2_000, 0)
                .product(2, "FOOT", null, "Groundsheets", 54, 500, 0)
                .product(3, "MUG", null, "Kitchen", 12, 800, 0)
                .pair(0, 1, 300, 0).pair(0, 2, 120, 4).pair(3, 1, 20, 0).pair(1, 0, 300, 0).pair(2, 0, 120, 0)
                .build();
    }

    @Test
    void countsThePairsAndAnchorsEachKindRemoves() {
        List<ExclusionImpact.Removed> removed = ExclusionImpact.of(shop(), List.of(
                exclusion("sku", "STAKES", ""),
                exclusion("category", "Tents", ""),
                exclusion("category-pair", "Tents", "Groundsheets"),
                exclusion("pair", "MUG", "STAKES"),
                exclusion("pair", "MUG", "FOOT")));
        assertEquals(List.of(2, 2, 1, 1, 0), removed.stream().map(ExclusionImpact.Removed::pairs).toList());
        assertEquals(List.of(2, 2, 1, 1, 0), removed.stream().map(ExclusionImpact.Removed::anchors).toList());
        assertEquals(List.of("TENT → STAKES", "MUG → STAKES"), removed.get(0).strongest(), "strongest first");
        assertEquals(List.of("STAKES → TENT", "FOOT → TENT"), removed.get(1).strongest());
        assertEquals(List.of("TENT → FOOT"), removed.get(2).strongest());
    }

    @Test
    void theRecommenderDropsExactlyWhatTheExclusionsRemoveOnRandomStores() {
        SplittableRandom random = new SplittableRandom(11);
        boolean removedSomewhere = false;
        for (int store = 0; store < 200; store++) {
            int products = 4 + random.nextInt(12);
            String[] categories = {"A", "B", "C"};
            RankingModel.Builder builder = RankingModel.builder(5_000);
            for (int p = 0; p < products; p++) {
                builder.product(p, "P" + p, null, categories[random.nextInt(3)], 5 + random.nextInt(200),
                        100 + random.nextInt(900), 50);
            }
            for (int a = 0; a < products; a++) {
                for (int c = 0; c < products; c++) {
                    if (a != c && random.nextDouble() < 0.5) {
                        builder.pair(a, c, 3 + random.nextInt(80), random.nextInt(5));
                    }
                }
            }
            RankingModel model = builder.build();
            List<Exclusion> exclusions = new ArrayList<>();
            CurationRules rules = new CurationRules();
            for (int i = random.nextInt(4); i > 0; i--) {
                int a = random.nextInt(products);
                int c = random.nextInt(products);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        exclusions.add(exclusion("sku", "P" + c, ""));
                        rules.excludeSku(c);
                    }
                    case 1 -> {
                        exclusions.add(exclusion("category", model.categoryName(c), ""));
                        rules.excludeCategory(model.categoryOf(c));
                    }
                    case 2 -> {
                        exclusions.add(exclusion("category-pair", model.categoryName(a), model.categoryName(c)));
                        rules.excludeCategoryPair(model.categoryOf(a), model.categoryOf(c));
                    }
                    default -> {
                        exclusions.add(exclusion("pair", "P" + a, "P" + c));
                        rules.excludePair(a, c);
                    }
                }
            }
            // unbounded lists: with bounded ones an exclusion lets the next-best candidate into the list
            Recommender excluding = new Recommender(model, rules, Integer.MAX_VALUE);
            Recommender plain = new Recommender(model, CurationRules.NONE, Integer.MAX_VALUE);
            WeightingProfile everything = new WeightingProfile("all", random.nextDouble() * 2, 5, 3, 30, 10, 60, 0.5,
                    20, 20, 20, 0, 3);
            for (int a = 0; a < products; a++) {
                String anchorSku = "P" + a;
                String anchorCategory = model.categoryName(a);
                List<CartItem> cart = List.of(new CartItem(anchorSku, 1, Double.NaN));
                List<String> expected = plain.recommend(Placement.CART, cart, everything, 0).items().stream()
                        .filter(r -> ExclusionImpact.first(exclusions, anchorSku, anchorCategory, r.sku(),
                                r.category()).isEmpty()).map(Recommendation::sku).toList();
                List<String> offered = excluding.recommend(Placement.CART, cart, everything, 0).items().stream()
                        .map(Recommendation::sku).toList();
                assertEquals(expected, offered, "store " + store + ", anchor " + anchorSku + ", " + exclusions);
                removedSomewhere |= offered.size() < plain.recommend(Placement.CART, cart, everything, 0).items().size();
            }
        }
        assertTrue(removedSomewhere, "the random exclusions removed something");
    }
}

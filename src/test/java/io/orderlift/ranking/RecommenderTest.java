package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RecommenderTest {

    static final WeightingProfile PROFILE = WeightingProfile.defaults();

    static List<String> skus(Recommendations r) {
        return r.items().stream().map(Recommendation::sku).toList();
    }

    static List<CartItem> cart(String... skus) {
        List<CartItem> items = new ArrayList<>();
        for (String sku : skus) {
            items.add(CartItem.parse(sku));
        }
        return items;
    }

    /** DESIGN.md's thesis: a $10 add-on at 5% acceptance against a $45 add-on at 2%. */
    static RankingModel thesis() {
        return RankingModel.builder(100_000)
                .product(0, "TENT", "Tent", "Tents", 200, 10_000, 9_000)
                .product(1, "CHEAP", "Stakes", "Accessories", 10, 1_000, 900)
                .product(2, "PREMIUM", "Footprint", "Tents", 45, 400, 300)
                .pair(0, 1, 500, 0)
                .pair(0, 2, 200, 0)
                .build();
    }

    @Test
    void cheapAddOnWinsOnAcceptancePremiumOneOnRevenuePerImpression() {
        Recommender recommender = new Recommender(thesis(), CurationRules.NONE);
        Recommendations popular = recommender.recommend(Placement.CART, cart("TENT"), PROFILE.withPriceWeight(0), 0);
        assertEquals(List.of("CHEAP", "PREMIUM"), skus(popular));
        assertEquals(0.05, popular.items().get(0).acceptance(), 0.0005);
        Recommendations revenue = recommender.recommend(Placement.CART, cart("TENT"), PROFILE.withPriceWeight(1), 0);
        assertEquals(List.of("PREMIUM", "CHEAP"), skus(revenue));
        Recommendation premium = revenue.items().get(0);
        assertEquals(0.02 * 45, premium.rpi(), 0.01);
        assertEquals(2, premium.acceptanceRank());
        assertEquals("TENT", premium.anchors().get(0).sku());
        assertEquals(200, premium.anchors().get(0).co());
        assertEquals(200.0, revenue.cartTotal());
    }

    @Test
    void aCandidateNoSingleAnchorRanksFirstWinsForTheCombination() {
        RankingModel model = RankingModel.builder(10_000)
                .product(0, "A", null, null, 50, 1_000, 0).product(1, "B", null, null, 50, 1_000, 0)
                .product(2, "X1", null, null, 20, 500, 0).product(3, "X2", null, null, 20, 500, 0)
                .product(4, "Z", null, null, 20, 500, 0)
                .pair(0, 2, 100, 0).pair(0, 4, 80, 0).pair(1, 3, 100, 0).pair(1, 4, 80, 0)
                .build();
        Recommender recommender = new Recommender(model, CurationRules.NONE);
        assertEquals("X1", skus(recommender.recommend(Placement.CART, cart("A"), PROFILE, 0)).get(0));
        assertEquals("X2", skus(recommender.recommend(Placement.CART, cart("B"), PROFILE, 0)).get(0));
        Recommendations both = recommender.recommend(Placement.CART, cart("A", "B"), PROFILE, 0);
        assertEquals("Z", skus(both).get(0), "1 − 0.92² beats 0.10");
        assertEquals(2, both.items().get(0).anchors().size());
    }

    @Test
    void twoCartsWithTheSameTotalAndDifferentCategoriesGetDifferentAnswers() {
        RankingModel model = RankingModel.builder(10_000)
                .product(0, "TENT", null, "Tents", 100, 1_000, 0).product(1, "JACKET", null, "Jackets", 100, 1_000, 0)
                .product(2, "STAKES", null, "Accessories", 9, 500, 0).product(3, "GAITERS", null, "Accessories", 30, 500, 0)
                .pair(0, 2, 300, 0).pair(1, 3, 200, 0)
                .build();
        Recommender recommender = new Recommender(model, CurationRules.NONE);
        Recommendations tent = recommender.recommend(Placement.CART, cart("TENT"), PROFILE, 0);
        Recommendations jacket = recommender.recommend(Placement.CART, cart("JACKET"), PROFILE, 0);
        assertEquals(tent.cartTotal(), jacket.cartTotal());
        assertNotEquals(skus(tent), skus(jacket));
    }

    @Test
    void cartTotalCapsThePriceOfWhatIsOffered() {
        RankingModel model = RankingModel.builder(10_000)
                .product(0, "SOCKS", null, "Acc", 20, 1_000, 0).product(1, "BOOTS", null, "Boots", 180, 500, 0)
                .product(2, "LACES", null, "Acc", 5, 100, 0)
                .pair(0, 1, 100, 0).pair(0, 2, 50, 0)
                .build();
        Recommender recommender = new Recommender(model, CurationRules.NONE);
        Recommendations small = recommender.recommend(Placement.CART, cart("SOCKS"), PROFILE, 0);
        assertEquals(List.of("LACES"), skus(small));
        assertTrue(small.removed().contains(new Removed("BOOTS", "price-ceiling")));
        Recommendations big = recommender.recommend(Placement.CART, cart("SOCKS:10"), PROFILE, 0);
        assertEquals(List.of("BOOTS", "LACES"), skus(big), "ten pairs of socks: a $200 cart");
    }

    @Test
    void curationAlwaysWins() {
        RankingModel model = RankingModel.builder(10_000)
                .product(0, "A", null, "Cat1", 100, 1_000, 0)
                .product(1, "B", null, "Cat2", 10, 500, 0).product(2, "C", null, "Cat2", 10, 500, 0)
                .product(3, "D", null, "Cat3", 10, 500, 0).product(4, "E", null, "Cat4", 10, 100, 0)
                .product(5, "PINNED", null, "Cat5", 10, 10, 0)
                .pair(0, 1, 300, 0).pair(0, 2, 200, 0).pair(0, 3, 100, 0).pair(0, 4, 50, 0)
                .build();
        int a = 0;
        assertEquals(List.of("B", "C", "D", "E"),
                skus(new Recommender(model, CurationRules.NONE).recommend(Placement.CART, cart("A"), PROFILE, 0)));
        CurationRules rules = new CurationRules().reject(Placement.CART, a, 1).pin(Placement.CART, a, 5);
        assertEquals(List.of("PINNED", "C", "D", "E"),
                skus(new Recommender(model, rules).recommend(Placement.CART, cart("A"), PROFILE, 0)));
        assertEquals(List.of("B", "C", "D", "E"), skus(new Recommender(model, rules)
                .recommend(Placement.CONFIRMATION, cart("A"), PROFILE.withPriceWeight(0), 4)), "rejection is per placement");
        assertEquals(List.of("B", "C", "E"), skus(new Recommender(model, new CurationRules().excludeSku(3))
                .recommend(Placement.CART, cart("A"), PROFILE, 0)));
        assertEquals(List.of("D", "E"), skus(new Recommender(model, new CurationRules()
                .excludeCategory(model.categoryIndex("Cat2"))).recommend(Placement.CART, cart("A"), PROFILE, 0)));
        assertEquals(List.of("D", "E"), skus(new Recommender(model, new CurationRules()
                .excludeCategoryPair(model.categoryIndex("Cat1"), model.categoryIndex("Cat2")))
                .recommend(Placement.CART, cart("A"), PROFILE, 0)));
        assertEquals(List.of("B", "C", "D"), skus(new Recommender(model, new CurationRules().excludePair(a, 4))
                .recommend(Placement.CART, cart("A"), PROFILE, 0)));
        CurationRules pinnedButExcluded = new CurationRules().pin(Placement.CART, a, 5).excludeSku(5);
        assertFalse(skus(new Recommender(model, pinnedButExcluded).recommend(Placement.CART, cart("A"), PROFILE, 0))
                .contains("PINNED"), "an exclusion beats a pin");
        Recommendations pinned = new Recommender(model, rules).recommend(Placement.CART, cart("A"), PROFILE, 0);
        assertEquals(List.of("pin"), pinned.items().get(0).rules());
    }

    @Test
    void aPopularExpensiveItemTheAnchorDoesNotMakeMoreLikelyIsNotRecommended() {
        RankingModel model = RankingModel.builder(10_000)
                .product(0, "TENT", null, "Tents", 300, 1_000, 0)
                .product(1, "JACKET", null, "Jackets", 150, 1_000, 0)
                .product(2, "STAKES", null, "Acc", 9, 400, 0)
                .pair(0, 1, 90, 0).pair(0, 2, 300, 0)
                .build();
        Recommender recommender = new Recommender(model, CurationRules.NONE);
        assertEquals(List.of("STAKES"), skus(recommender.recommend(Placement.CART, cart("TENT"), PROFILE, 0)),
                "9% of tent orders hold the jacket, as do 10% of all orders: no association");
        WeightingProfile noFloor = new WeightingProfile("no-floor", 1, 5, 3, 30, 1, 60, 0.5, 2, 4, 3, 0, 3);
        assertEquals(List.of("JACKET", "STAKES"), skus(recommender.recommend(Placement.CART, cart("TENT"), noFloor, 0)));
    }

    /** An anchor bought with three batteries (in 300, 250 and 200 of its orders) and a lamp (in 10). */
    private static RankingModel batteriesAndALamp(double lampPrice) {
        return RankingModel.builder(10_000)
                .product(0, "A", null, "X", 100, 1_000, 0)
                .product(1, "B1", null, "Batteries", 10, 500, 0).product(2, "B2", null, "Batteries", 10, 500, 0)
                .product(3, "B3", null, "Batteries", 10, 500, 0).product(4, "L", null, "Lamps", lampPrice, 50, 0)
                .pair(0, 1, 300, 0).pair(0, 2, 250, 0).pair(0, 3, 200, 0).pair(0, 4, 10, 0)
                .build();
    }

    @Test
    void perCategoryCapKeepsTheListVaried() {
        RankingModel model = batteriesAndALamp(10);
        Recommendations r = new Recommender(model, CurationRules.NONE).recommend(Placement.CART, cart("A"), PROFILE, 0);
        assertEquals(List.of("B1", "B2", "L"), skus(r));
        assertTrue(r.removed().contains(new Removed("B3", "category-cap")));
    }

    /**
     * Profiles alike in what the lists depend on share them (one recommender, several profiles): the
     * category cap still applies per profile, and a profile that changes a list gets its own.
     */
    @Test
    void profilesSharingListsStillRankByTheirOwnCapAndWeights() {
        RankingModel model = batteriesAndALamp(40);
        Recommender shared = new Recommender(model, CurationRules.NONE);
        WeightingProfile uncapped = PROFILE.withoutCategoryCap().withName("uncapped");
        WeightingProfile byAcceptance = PROFILE.withPriceWeight(0);
        assertEquals(List.of("B1", "B2", "L"), skus(shared.recommend(Placement.CART, cart("A"), PROFILE, 0)));
        assertEquals(List.of("B1", "B2", "B3", "L"), skus(shared.recommend(Placement.CART, cart("A"), uncapped, 0)));
        assertEquals(List.of("B1", "B2", "L"), skus(shared.recommend(Placement.CART, cart("A"), PROFILE, 0)));
        for (WeightingProfile p : List.of(PROFILE, uncapped, byAcceptance)) {
            assertEquals(new Recommender(model, CurationRules.NONE).recommend(Placement.CART, cart("A"), p, 0),
                    shared.recommend(Placement.CART, cart("A"), p, 0), p.name() + " " + p.priceWeight());
        }
    }

    @Test
    void confirmationUsesFollowOnEvidenceAndTheOneTapCeilings() {
        RankingModel model = RankingModel.builder(10_000)
                .product(0, "FILTER", null, "Water", 40, 1_000, 900)
                .product(1, "CARTRIDGE", null, "Water", 25, 500, 400)
                .product(2, "BOTTLE", null, "Water", 15, 500, 400)
                .product(3, "STOVE", null, "Stoves", 119, 500, 400)
                .pair(0, 1, 1, 300).pair(0, 2, 100, 0).pair(0, 3, 0, 100)
                .build();
        Recommender recommender = new Recommender(model, CurationRules.NONE);
        assertEquals(List.of("BOTTLE"), skus(recommender.recommend(Placement.CART, cart("FILTER"), PROFILE, 0)),
                "follow-on evidence is for the confirmation page");
        Recommendations confirmation = recommender.recommend(Placement.CONFIRMATION, cart("FILTER"), PROFILE, 0);
        assertEquals(List.of("BOTTLE"), skus(confirmation), "a $25 cartridge is above half of a $40 order");
        assertTrue(confirmation.removed().contains(new Removed("CARTRIDGE", "one-tap-ceiling")));
        assertTrue(confirmation.removed().contains(new Removed("STOVE", "one-tap-ceiling")));
        Recommendations two = recommender.recommend(Placement.CONFIRMATION, cart("FILTER:2"), PROFILE, 0);
        assertEquals(List.of("CARTRIDGE", "BOTTLE"), skus(two));
        assertEquals("follow-on", two.items().get(0).anchors().get(0).evidence());
    }

    @Test
    void thinAnchorsBackOffToTheirCategory() {
        RankingModel model = RankingModel.builder(10_000)
                .product(0, "TENT-NEW", null, "Tents", 300, 3, 0)
                .product(1, "TENT-OLD", null, "Tents", 300, 2_000, 0)
                .product(2, "STAKES", null, "Acc", 9, 900, 0)
                .pair(1, 2, 600, 0)
                .build();
        Recommendations r = new Recommender(model, CurationRules.NONE).recommend(Placement.CART, cart("TENT-NEW"),
                PROFILE, 0);
        assertEquals(List.of("STAKES"), skus(r));
        assertEquals(List.of("category-backoff"), r.items().get(0).rules());
        assertEquals("category:Tents", r.items().get(0).anchors().get(0).via());
    }

    @Test
    void randomCartsAreDeterministicAndNeverHoldACartItemOrAnExcludedSku() {
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int products = 5 + random.nextInt(40);
            RankingModel.Builder builder = RankingModel.builder(5_000);
            for (int p = 0; p < products; p++) {
                builder.product(p, "S" + p, null, "C" + random.nextInt(4), 1 + random.nextInt(200),
                        random.nextInt(500), random.nextInt(400));
            }
            for (int i = 0; i < products * 4; i++) {
                builder.pair(random.nextInt(products), random.nextInt(products), random.nextInt(60), random.nextInt(30));
            }
            RankingModel model = builder.build();
            CurationRules rules = new CurationRules();
            Set<String> excluded = new HashSet<>();
            for (int e = 0; e < 3; e++) {
                int x = random.nextInt(products);
                rules.excludeSku(x);
                excluded.add("S" + x);
                rules.pin(Placement.CART, random.nextInt(products), random.nextInt(products));
            }
            List<CartItem> items = new ArrayList<>();
            Set<String> inCart = new HashSet<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                String sku = "S" + random.nextInt(products);
                items.add(new CartItem(sku, 1 + random.nextInt(3), Double.NaN));
                inCart.add(sku);
            }
            Placement placement = random.nextBoolean() ? Placement.CART : Placement.CONFIRMATION;
            WeightingProfile profile = PROFILE.withPriceWeight(random.nextDouble() * 2);
            Recommendations first = new Recommender(model, rules).recommend(placement, items, profile, 6);
            Recommendations second = new Recommender(model, rules).recommend(placement, items, profile, 6);
            assertEquals(first, second, "seed " + seed);
            assertTrue(first.items().size() <= 6);
            for (Recommendation r : first.items()) {
                assertFalse(inCart.contains(r.sku()), "seed " + seed + ": " + r.sku() + " is in the cart");
                assertFalse(excluded.contains(r.sku()), "seed " + seed + ": " + r.sku() + " is excluded");
            }
            List<Recommendation> ranked = first.items().stream().filter(r -> !r.rules().contains("pin")).toList();
            for (int i = 1; i < ranked.size(); i++) {
                assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score(), "seed " + seed + ": sorted by score");
            }
        }
    }
}

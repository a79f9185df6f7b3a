package io.orderlift.ranking;

import static io.orderlift.ranking.RecommenderTest.cart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orderlift.store.PackedPairs;
import org.junit.jupiter.api.Test;

/** An empty list says why, naming the first reason that holds for the cart. */
class EmptyReasonTest {

    private static final WeightingProfile PROFILE = WeightingProfile.defaults();

    /** A knife block (anchor 0) with a board bought beside it {@code co} times by {@code customers} customers. */
    private static Recommender store(int co, int customers) {
        PackedPairs pairs = new PackedPairs(3);
        PackedPairs.Encoder encoder = new PackedPairs.Encoder();
        encoder.add(1, co, 0, customers);
        pairs.put(0, encoder.count(), encoder.finish());
        RankingModel model = RankingModel.builder(10_000)
                .product(0, "KNIFE-BLOCK", "Knife  block", "Knives", 40, 500, 400)
                .product(1, "BOARD", "Board", "Boards", 30, 400, 300)
                .product(2, "LONER", null, "Boards", 25, 300, 200)
                .pairs(pairs, WeightingProfile.PRIVACY_FLOOR)
                .build();
        return new Recommender(model, CurationRules.NONE);
    }

    private static EmptyReason why(Recommender recommender, Placement placement, WeightingProfile profile,
                                   String... skus) {
        Recommendations r = recommender.recommend(placement, cart(skus), profile, 0);
        assertTrue(r.items().isEmpty(), r.items().toString());
        return r.emptyReason();
    }

    @Test
    void aListWithItemsHasNoReason() {
        assertNull(store(50, 40).recommend(Placement.CART, cart("KNIFE-BLOCK"), PROFILE, 0).emptyReason());
    }

    @Test
    void aProductNeverBoughtWithAnything() {
        EmptyReason reason = why(store(50, 40), Placement.CART, PROFILE, "LONER");
        assertEquals(EmptyReason.Reason.NO_PAIRS, reason.reason());
        assertEquals("Nothing else was bought in the same order as LONER in the mined orders.", reason.text());
        assertTrue(why(store(50, 40), Placement.CONFIRMATION, PROFILE, "LONER").text()
                .contains("or by the same customer within the follow-on window after"));
    }

    @Test
    void pairsOfTooFewCustomersAreKeptPrivate() {
        EmptyReason reason = why(store(50, 2), Placement.CART, PROFILE, "KNIFE-BLOCK");
        assertEquals(EmptyReason.Reason.MIN_CUSTOMERS, reason.reason());
        assertTrue(reason.text().startsWith("The pairs of Knife block are each backed by fewer than 3 known customers (a guest order counts none)"),
                reason.text());
    }

    @Test
    void pairsUnderTheMinEvidenceNameTheStrongestAndTheSetting() {
        EmptyReason reason = why(store(5, 5), Placement.CART, PROFILE.withMinEvidence(8), "KNIFE-BLOCK");
        assertEquals(EmptyReason.Reason.MIN_EVIDENCE, reason.reason());
        assertEquals("The strongest pair of Knife block was seen in 5 orders; the profile's min evidence is 8, so"
                + " none is used. Lower it in the Weighting tab (or profile --min-evidence) to use weaker pairs.",
                reason.text());
    }

    @Test
    void pairsNoLikelierThanTheMinLift() {
        // 50 of 500 orders (10 %) against the board's usual 400 of 10,000 (4 %): a lift of about 2.4
        EmptyReason reason = why(store(50, 40), Placement.CART, PROFILE.withMinLift(3), "KNIFE-BLOCK");
        assertEquals(EmptyReason.Reason.MIN_LIFT, reason.reason());
        assertTrue(reason.text().contains("likelier than 3× its usual rate"), reason.text());
    }

    @Test
    void candidatesKeptOffByRulesAreCountedByRule() {
        EmptyReason reason = why(store(50, 40), Placement.CONFIRMATION, PROFILE.withOneTapMaxShare(0.5),
                "KNIFE-BLOCK");
        assertEquals(EmptyReason.Reason.RULES, reason.reason());
        assertEquals("Every candidate with enough evidence is kept off by a rule: above the one-tap ceiling (1).",
                reason.text());
    }

    @Test
    void everyCandidateInTheCartAlready() {
        EmptyReason reason = why(store(50, 40), Placement.CART, PROFILE, "KNIFE-BLOCK", "BOARD");
        assertEquals(EmptyReason.Reason.IN_CART, reason.reason());
        assertEquals("Every product with enough evidence is in the cart already.", reason.text());
    }

    @Test
    void aThinProductSpeaksThroughItsCategory() {
        WeightingProfile thin = new WeightingProfile("thin", 1.0, 5, 3, 1_000, 1.0, 60, 0.5, 2, 4, 3, 1.0, 3);
        EmptyReason reason = why(store(50, 40), Placement.CART, thin, "LONER");
        assertEquals(EmptyReason.Reason.NO_PAIRS, reason.reason());
        assertTrue(reason.text().contains("LONER (in fewer than 1000 orders, it speaks through its category, Boards)"),
                reason.text());
    }
}

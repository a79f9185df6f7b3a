package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The caveat both previews and {@code recommend} state where the combined acceptance runs high, in each placement's words. */
class CombinedAcceptanceNoteTest {

    private static final String CART_OF_10 = "On a cart of 10 items the combined acceptance, which counts each item as"
            + " independent evidence, runs high: it ranks the recommendations; what they earn is what the backtest"
            + " measures (Reports, orderlift backtest).";

    private static Recommendation combined(double acceptance, double... anchors) {
        List<AnchorEvidence> evidence = new java.util.ArrayList<>();
        for (int i = 0; i < anchors.length; i++) {
            evidence.add(new AnchorEvidence("A" + i, "same-order", "pair", anchors[i], 10, 0));
        }
        return new Recommendation("C", "Candidate", "Cat", acceptance, acceptance, 10, 10 * acceptance, 1, evidence,
                List.of());
    }

    @Test
    void fromTenItemsEachPlacementSaysTheCombinedAcceptanceRunsHigh() {
        assertEquals("", CombinedAcceptanceNote.forList(Placement.CART, CombinedAcceptanceNote.FROM_ITEMS - 1, List.of()));
        assertEquals(CART_OF_10, CombinedAcceptanceNote.forList(Placement.CART, 10, List.of()));
        assertEquals("On an order of 120 items the combined acceptance, which counts each item as independent evidence,"
                + " runs high: it ranks the offers; what they earn is what the backtest measures (Reports, orderlift backtest).",
                CombinedAcceptanceNote.forList(Placement.CONFIRMATION, 120, List.of()));
    }

    /** Seven items, each 20 % on its own, make 79 %: no pair says so, and the caveat is stated. */
    @Test
    void aShorterCartGetsItWhereTheCombinationMakesAnItemLikelyThatNoPairMakesLikely() {
        double seven = 1 - Math.pow(0.8, 7);
        assertEquals("On a cart of 7 items the combined acceptance, which counts each item as independent evidence,"
                + " runs high: it ranks the recommendations; what they earn is what the backtest measures (Reports,"
                + " orderlift backtest).", CombinedAcceptanceNote.forList(Placement.CART, 7,
                List.of(combined(0.3, 0.3), combined(seven, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2))));
        // two anchors of 20 % make 36 %, less than twice the stronger: the figure is the pairs' own
        assertEquals("", CombinedAcceptanceNote.forList(Placement.CART, 2, List.of(combined(0.36, 0.2, 0.2))));
        assertEquals("", CombinedAcceptanceNote.forList(Placement.CART, 1, List.of(combined(0.5, 0.5))));
        assertEquals("", CombinedAcceptanceNote.forList(Placement.CART, 3, List.of(combined(0.59, 0.3, 0.3, 0.3))),
                "a combination just short of twice its strongest");
        assertEquals("", CombinedAcceptanceNote.forList(Placement.CART, 4, List.of(combined(0.15, 0.04, 0.04, 0.04,
                0.04))), "four times its strongest, but not a figure anyone reads as likely");
    }
}

package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The long-cart caveat both previews state, in each placement's words. */
class CombinedAcceptanceNoteTest {

    @Test
    void fromTenItemsEachPlacementSaysTheCombinedAcceptanceRunsHigh() {
        assertEquals("", CombinedAcceptanceNote.forItems(Placement.CART, CombinedAcceptanceNote.FROM_ITEMS - 1));
        assertEquals("On a cart of 10 items the combined acceptance, which counts each item as independent evidence,"
                + " runs high: it ranks the recommendations; what they earn is what the backtest measures (Reports, orderlift backtest).",
                CombinedAcceptanceNote.forItems(Placement.CART, 10));
        assertEquals("On an order of 120 items the combined acceptance, which counts each item as independent evidence,"
                + " runs high: it ranks the offers; what they earn is what the backtest measures (Reports, orderlift backtest).",
                CombinedAcceptanceNote.forItems(Placement.CONFIRMATION, 120));
    }
}

package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.orderlift.ranking.AnchorEvidence;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import org.junit.jupiter.api.Test;

/** Which anchor a recommendation opens in Pairs: the one whose own pair, listed there, says most for it. */
class OpenInPairsTest {

    private static Recommendation supportedBy(AnchorEvidence... anchors) {
        return new Recommendation("C", "Candidate", "Cat", 1, 0.5, 10, 5, 1, List.of(anchors), List.of());
    }

    @Test
    void theCartOpensTheAnchorWhoseSameOrderPairGivesTheHighestAcceptance() {
        Recommendation r = supportedBy(
                new AnchorEvidence("A", "same-order", "pair", 0.10, 10, 0),
                new AnchorEvidence("B", "same-order", "pair", 0.30, 30, 0),
                new AnchorEvidence("D", "follow-on", "pair", 0.90, 0, 9),
                new AnchorEvidence("E", "same-order", "category:Tents", 0.95, 50, 0));
        assertEquals("B", OpenInPairs.strongestAnchor(r, Placement.CART).orElseThrow().sku(),
                "follow-on evidence and a category's pairs are not what the cart's list in Pairs shows");
        assertEquals("D", OpenInPairs.strongestAnchor(r, Placement.CONFIRMATION).orElseThrow().sku(),
                "on the confirmation page a follow-on pair first: the evidence of a later purchase");
    }

    @Test
    void withoutAPairOfTheListedKindItFallsBackToAnOwnPairThenToTheCategory() {
        Recommendation sameOrderOnly = supportedBy(
                new AnchorEvidence("A", "same-order", "pair", 0.10, 10, 0),
                new AnchorEvidence("E", "same-order", "category:Tents", 0.95, 50, 0));
        assertEquals("A", OpenInPairs.strongestAnchor(sameOrderOnly, Placement.CONFIRMATION).orElseThrow().sku());
        Recommendation categoryOnly = supportedBy(
                new AnchorEvidence("E", "same-order", "category:Tents", 0.20, 50, 0),
                new AnchorEvidence("F", "same-order", "category:Stoves", 0.40, 50, 0));
        assertEquals("F", OpenInPairs.strongestAnchor(categoryOnly, Placement.CART).orElseThrow().sku());
        assertTrue(OpenInPairs.strongestAnchor(supportedBy(), Placement.CART).isEmpty(), "a pin without evidence");
    }
}

package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CurationStoreTest {

    @Test
    void everyChangeIsAuditedAndUndoRestoresTheOldValueNewestFirst() {
        try (Store store = Store.inMemory()) {
            CurationStore curation = new CurationStore(store);
            curation.setPair("cart", "TENT", "STAKES", PairStatus.APPROVED, null);
            curation.setPair("cart", "TENT", "STAKES", PairStatus.REJECTED, "cheap filler");
            curation.setPair("cart", "TENT", "FOOTPRINT", PairStatus.PINNED, null);
            curation.setPair("cart", "TENT", "PAD", PairStatus.PINNED, null);
            curation.exclude(ExclusionKind.CATEGORY_PAIR, "Batteries", "Batteries", "never batteries after batteries");
            assertEquals(List.of(1, 2), curation.pairs().stream().filter(p -> p.pinOrder() != null)
                    .map(CurationStore.CuratedPair::pinOrder).toList(), "pins keep their order");
            assertEquals(PairStatus.REJECTED, curation.pairs().stream().filter(p -> p.candidateSku().equals("STAKES"))
                    .findFirst().orElseThrow().status());
            assertEquals(5, curation.audit().size());
            CurationStore.AuditEntry rejection = curation.audit().get(3);
            assertTrue(rejection.oldValue().contains("\"status\":\"approved\""), rejection.oldValue());
            assertTrue(rejection.newValue().contains("\"status\":\"rejected\""), rejection.newValue());

            assertEquals("exclude", curation.undo().orElseThrow().action());
            assertTrue(curation.exclusions().isEmpty());
            curation.undo();
            curation.undo();
            assertEquals(1, curation.pairs().size());
            curation.undo();
            assertEquals(PairStatus.APPROVED, curation.pairs().get(0).status(), "undoing the rejection brings back the approval");
            curation.undo();
            assertTrue(curation.pairs().isEmpty());
            assertTrue(curation.undo().isEmpty());

            // redo replays the undone changes oldest first, and says what each was
            assertEquals("approved pair TENT → STAKES (cart)", curation.redo().orElseThrow().describe());
            assertEquals("rejected pair TENT → STAKES (cart)", curation.redo().orElseThrow().describe());
            assertEquals(PairStatus.REJECTED, curation.pairs().get(0).status());
            curation.redo();
            curation.redo();
            assertEquals("exclude category-pair Batteries → Batteries", curation.redo().orElseThrow().describe());
            assertEquals(1, curation.exclusions().size());
            assertTrue(curation.redo().isEmpty());
            // a new change after an undo ends the redo chain
            curation.undo();
            curation.exclude(ExclusionKind.SKU, "GIFTCARD", "", "not a cross-sell");
            assertTrue(curation.redo().isEmpty());
            assertEquals("GIFTCARD", curation.exclusions().get(0).first());
        }
    }

    @Test
    void includeRemovesAnExclusionAndSaysWhenThereWasNone() {
        try (Store store = Store.inMemory()) {
            CurationStore curation = new CurationStore(store);
            curation.exclude(ExclusionKind.SKU, "GIFTCARD", "", "not a cross-sell");
            assertEquals("not a cross-sell", curation.exclusions().get(0).reason());
            assertTrue(curation.include(ExclusionKind.SKU, "GIFTCARD", ""));
            assertFalse(curation.include(ExclusionKind.SKU, "GIFTCARD", ""));
            curation.undo();
            assertEquals(1, curation.exclusions().size());
        }
    }
}

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
            curation.setPair("cart", "TENT", "STAKES", "approved", null);
            curation.setPair("cart", "TENT", "STAKES", "rejected", "cheap filler");
            curation.setPair("cart", "TENT", "FOOTPRINT", "pinned", null);
            curation.setPair("cart", "TENT", "PAD", "pinned", null);
            curation.exclude("category-pair", "Batteries", "Batteries", "never batteries after batteries");
            assertEquals(List.of(1, 2), curation.pairs().stream().filter(p -> p.pinOrder() != null)
                    .map(CurationStore.CuratedPair::pinOrder).toList(), "pins keep their order");
            assertEquals("rejected", curation.pairs().stream().filter(p -> p.candidateSku().equals("STAKES"))
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
            assertEquals("approved", curation.pairs().get(0).status(), "undoing the rejection brings back the approval");
            curation.undo();
            assertTrue(curation.pairs().isEmpty());
            assertTrue(curation.undo().isEmpty());
        }
    }

    @Test
    void includeRemovesAnExclusionAndSaysWhenThereWasNone() {
        try (Store store = Store.inMemory()) {
            CurationStore curation = new CurationStore(store);
            curation.exclude("sku", "GIFTCARD", "", "not a cross-sell");
            assertEquals("not a cross-sell", curation.exclusions().get(0).reason());
            assertTrue(curation.include("sku", "GIFTCARD", ""));
            assertFalse(curation.include("sku", "GIFTCARD", ""));
            curation.undo();
            assertEquals(1, curation.exclusions().size());
        }
    }
}

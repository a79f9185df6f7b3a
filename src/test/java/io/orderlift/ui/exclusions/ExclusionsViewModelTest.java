package io.orderlift.ui.exclusions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.orderlift.store.ExclusionKind;
import io.orderlift.store.Store;
import io.orderlift.ui.common.HeldTasks;
import io.orderlift.ui.common.RankingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusionsViewModelTest {

    private static ExclusionsViewModel.Row row(String kind, String first, String second, int pairs, int anchors,
                                               List<String> strongest) {
        return new ExclusionsViewModel.Row(ExclusionKind.fromJson(kind), first, second, "why", Instant.EPOCH, pairs, anchors,
                strongest, null, null);
    }

    @Test
    void saysWhatEachKindExcludes() {
        assertEquals("OUT-FUEL", row("sku", "OUT-FUEL", "", 0, 0, List.of()).target());
        assertEquals("Tents", row("category", "Tents", "", 0, 0, List.of()).target());
        assertEquals("Tents → Jackets (category pair)", row("category-pair", "Tents", "Jackets", 0, 0, List.of())
                .target());
        assertEquals("TENT → FOOT", row("pair", "TENT", "FOOT", 0, 0, List.of()).target());
        assertEquals("Tent (TENT) → Footprint (FOOT)", new ExclusionsViewModel.Row(ExclusionKind.PAIR, "TENT", "FOOT", null,
                Instant.EPOCH, 0, 0, List.of(), "Tent", "Footprint").target(), "products as the other tables name them");
        assertEquals("Fuel canister (OUT-FUEL)", new ExclusionsViewModel.Row(ExclusionKind.SKU, "OUT-FUEL", "", null,
                Instant.EPOCH, 0, 0, List.of(), "Fuel canister", null).target());
    }

    @Test
    void aProductChosenByItsLabelIsStoredByItsSkuAndACategoryAsNamed() {
        assertEquals("STAKES", ExclusionsViewModel.key(ExclusionKind.SKU, "STAKES — Tent stakes, 8 pack"));
        assertEquals("TENT", ExclusionsViewModel.key(ExclusionKind.PAIR, "TENT — Tent"));
        assertEquals("B7", ExclusionsViewModel.key(ExclusionKind.SKU, " B7 "), "a product without a title is its SKU");
        assertEquals("Tents — outdoor", ExclusionsViewModel.key(ExclusionKind.CATEGORY, "Tents — outdoor"));
        assertEquals("Tents", ExclusionsViewModel.key(ExclusionKind.CATEGORY_PAIR, "Tents"));
    }

    @Test
    void saysWhatEachRemovesOrThatTheStoreIsNotMined() {
        assertEquals("(mine the store to see)", row("sku", "A", "", -1, 0, List.of()).removes());
        assertEquals("nothing in the mined pairs", row("sku", "A", "", 0, 0, List.of()).removes());
        assertEquals("1 pair of 1 anchor, e.g. T → A", row("sku", "A", "", 1, 1, List.of("T → A")).removes());
        assertEquals("1,204 pairs of 3 anchors, e.g. T → A; U → A", row("sku", "A", "", 1_204, 3,
                List.of("T → A", "U → A")).removes());
    }

    @Test
    void theSummarySaysWhatTheExclusionsRemoveOnlyOnceTheStoreIsMined() {
        assertEquals("Nothing is excluded.", ExclusionsViewModel.summarize(List.of()));
        assertEquals("2 exclusions; mine the store to see what they remove.", ExclusionsViewModel.summarize(List.of(
                row("sku", "A", "", -1, 0, List.of()), row("category", "Tents", "", -1, 0, List.of()))));
        assertEquals("1 exclusion; it removes up to 1 mined pair.", ExclusionsViewModel.summarize(List.of(
                row("sku", "A", "", 1, 1, List.of("T → A")))));
        assertEquals("2 exclusions; together they remove up to 1,205 mined pairs.", ExclusionsViewModel.summarize(
                List.of(row("sku", "A", "", 1, 1, List.of("T → A")), row("sku", "B", "", 1_204, 3, List.of()))));
    }

    @Test
    void aSlowCatalogReadOfTheStoreOpenedBeforeNeverReplacesTheOpenOnesSkus(@TempDir Path dir) throws Exception {
        HeldTasks tasks = new HeldTasks();
        ExclusionsViewModel model = new ExclusionsViewModel(tasks, new RankingSession(tasks));
        try (Store empty = Store.openOrCreate(dir.resolve("b"))) {
            tasks.loadBothFinishingNewestFirst(dir, model::load, empty);
            assertEquals(List.of(), model.products(), "the empty store opened last lists no product");
        }
    }
}

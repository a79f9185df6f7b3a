package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.BacktestStore;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.MinedTestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backtest is kept with its store and read back as it was, saying what has changed in the store since. */
class SavedBacktestsTest {

    @TempDir
    Path dir;

    @Test
    void theReportReadBackIsTheOneThatRanAndSaysWhatChangedSince() throws IOException {
        try (Store store = MinedTestStore.create(dir)) {
            assertTrue(SavedBacktests.last(store).isEmpty(), "no backtest yet");
            Instant before = Instant.now();
            BacktestReport ran = SavedBacktests.run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE).report();

            SavedBacktests.Saved saved = SavedBacktests.last(store).orElseThrow();
            assertEquals(ran, saved.report(), "every figure, period and chosen setting as it was");
            assertFalse(saved.ranAt().isBefore(before.minusMillis(1)));
            assertTrue(saved.current(), String.valueOf(saved.changedSince()));

            // the store's currency named after the backtest ran (import --currency): its amounts are stated in it
            String namedBefore = ran.currency();
            new StoreQueries(store).setCurrency("EUR");
            SavedBacktests.Saved named = SavedBacktests.last(store).orElseThrow();
            assertEquals(ran.withCurrency("EUR"), named.report(), "every figure as it was, in the store's currency");
            assertTrue(named.report().inWords().headline().contains("€"), named.report().inWords().headline());
            assertTrue(named.current(), "naming the currency changes no figure");
            if (namedBefore != null) {
                new StoreQueries(store).setCurrency(namedBefore);
            }

            // the settings it chose, applied: the report that chose them still describes the store
            Profiles profiles = new Profiles(store);
            profiles.save(ran.chosenProfile().withName(profiles.active().name()), true);
            assertTrue(SavedBacktests.last(store).orElseThrow().current());
            // a profile of other settings: the report's "active" row is not the active profile's any more
            profiles.save(WeightingProfile.defaults().withName("by hand").withPriceWeight(0.5), true);
            assertEquals(List.of("the active profile changed"), SavedBacktests.last(store).orElseThrow().changedSince());
            profiles.activate(WeightingProfile.DEFAULT_NAME);

            new CurationStore(store).exclude(ExclusionKind.SKU, MinedTestStore.STAKES, "", "out of stock");
            assertEquals(List.of("the exclusions changed"), SavedBacktests.last(store).orElseThrow().changedSince());
            new CurationStore(store).exclude(ExclusionKind.PAIR, MinedTestStore.TENT, MinedTestStore.FOOTPRINT, "");
            assertEquals(List.of("the exclusions changed"), SavedBacktests.last(store).orElseThrow().changedSince(),
                    "a pair exclusion is a list's edit, which the backtest leaves out");

            Path more = Files.writeString(dir.resolve("more.csv"), "order_id,customer_id,ordered_at,sku,quantity,unit_price\n"
                    + "N1,C1,2025-07-01T10:00:00Z,TENT,1,300\n");
            new OrderImporter().importFile(store, ImportRequest.of(more), ProgressMonitor.NONE);
            assertEquals(List.of("orders were imported", "the exclusions changed"),
                    SavedBacktests.last(store).orElseThrow().changedSince());

            SavedBacktests.run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE);
            assertTrue(SavedBacktests.last(store).orElseThrow().current(), "a new backtest replaces the last");
        }
    }

    /** A report kept before each placement was replayed at its own length says it replayed k on both. */
    @Test
    void aReportKeptWithoutItsLengthsWasReplayedAtKOnBoth() throws IOException {
        try (Store store = MinedTestStore.create(dir)) {
            BacktestReport ran = SavedBacktests.run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE).report();
            assertEquals(new BacktestReport.Lengths(4, 3), ran.listLengths(), "the built-in profile's lengths");
            BacktestStore kept = new BacktestStore(store);
            BacktestStore.SavedReport last = kept.last().orElseThrow();
            String before = last.json().replace("\"lengths\":{\"cart\":4,\"confirmation\":3},", "");
            assertFalse(before.equals(last.json()), last.json());
            kept.save(Instant.now(), last.inputs(), before);
            BacktestReport old = SavedBacktests.last(store).orElseThrow().report();
            assertEquals(null, old.lengths());
            assertEquals(new BacktestReport.Lengths(4, 4), old.listLengths());
        }
    }

    @Test
    void aReportThatCannotBeReadIsPassedOver() throws IOException {
        try (Store store = MinedTestStore.create(dir)) {
            BacktestStore kept = new BacktestStore(store);
            kept.save(Instant.now(), kept.current(""), "{\"placements\": 7}");
            assertTrue(SavedBacktests.last(store).isEmpty(), "a report of another shape: as if none was kept");
            kept.save(Instant.now(), kept.current(""), "{}");
            assertTrue(SavedBacktests.last(store).isEmpty(), "nor one without its figures");
        }
    }
}

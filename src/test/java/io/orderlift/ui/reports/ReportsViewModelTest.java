package io.orderlift.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.Backtest;
import io.orderlift.evaluation.SavedBacktests;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import io.orderlift.ui.common.HeldTasks;
import io.orderlift.ui.common.MinedTestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsViewModelTest {

    @TempDir
    Path dir;

    private final HeldTasks tasks = new HeldTasks();
    private final ReportsViewModel model = new ReportsViewModel(tasks);
    private final List<Throwable> errors = new ArrayList<>();

    @Test
    void aBacktestFinishingAfterTheStoreChangedIsNotShown() throws Exception {
        model.setOnError(errors::add);
        try (Store store = MinedTestStore.create(dir)) {
            model.load(store);
            model.runBacktest();
            tasks.release();
            assertTrue(model.hasReportProperty().get(), "a backtest of the store as it is is shown");
            assertTrue(model.provenanceProperty().get().startsWith("Backtest of "), model.provenanceProperty().get());
            Instant kept = SavedBacktests.last(store).orElseThrow().ranAt();

            model.load(store);
            model.runBacktest();
            model.load(store); // an import or a mining run while it ran
            tasks.release();
            assertEquals(kept, SavedBacktests.last(store).orElseThrow().ranAt(),
                    "the backtest of the store as it was is neither kept nor shown");
            assertTrue(model.provenanceProperty().get().startsWith("The last backtest, of "),
                    "the one kept before is: " + model.provenanceProperty().get());
        }
        assertEquals(List.of(), errors);
    }

    /** The backtest kept with a store is shown when it opens, and said to be stale once the store changed. */
    @Test
    void theKeptBacktestIsShownWhenTheStoreOpensAndSaysWhenItIsStale() throws Exception {
        model.setOnError(errors::add);
        try (Store store = MinedTestStore.create(dir); Store other = Store.inMemory()) {
            model.load(store);
            tasks.release();
            assertFalse(model.hasReportProperty().get(), "nothing kept yet");
            assertEquals("Run the backtest to compare ranking policies on store.", model.summaryProperty().get());
            model.runBacktest();
            tasks.release();
            String headline = model.summaryProperty().get();

            model.load(other);
            tasks.release();
            assertFalse(model.hasReportProperty().get(), "another store: not this one's report");
            assertEquals(ReportsViewModel.origin(new Profiles(other).active()), model.provenanceProperty().get(),
                    "where its own profile comes from instead");

            model.load(store);
            tasks.release();
            assertTrue(model.hasReportProperty().get());
            assertEquals(headline, model.summaryProperty().get());
            assertFalse(model.rows().isEmpty());
            assertFalse(model.staleProperty().get());
            assertTrue(model.provenanceProperty().get().endsWith("(kept with the store); the store has not changed since."),
                    model.provenanceProperty().get());

            new Profiles(store).save(WeightingProfile.defaults().withName("by hand").withPriceWeight(0.5), true);
            model.recheck(); // what the workbench does when the profile or the curation changes
            tasks.release();
            assertTrue(model.staleProperty().get());
            assertEquals(headline, model.summaryProperty().get(), "still shown, and said to be stale");
            model.load(store);
            tasks.release();
            assertTrue(model.staleProperty().get());
            assertTrue(model.provenanceProperty().get().endsWith(": since then the active profile changed, so it no"
                    + " longer describes the store as it is. Run the backtest again."), model.provenanceProperty().get());
        }
        assertEquals(List.of(), errors);
    }

    /** A kept backtest run with other lists than the profile shows (backtest --k) says so. */
    @Test
    void aKeptBacktestOfOtherListLengthsSaysThem() throws Exception {
        model.setOnError(errors::add);
        try (Store store = MinedTestStore.create(dir)) {
            SavedBacktests.run(store, new Backtest.Settings(2, 0.2, 30), ProgressMonitor.NONE);
            model.load(store);
            tasks.release();
            assertTrue(model.provenanceProperty().get().contains(" with lists of 2 (cart) and 2 (confirmation), the last"
                    + " 20 % as test period and a 30-day window (kept with the store)"), model.provenanceProperty().get());
            SavedBacktests.run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE);
            model.load(store);
            tasks.release();
            assertFalse(model.provenanceProperty().get().contains("lists of"), model.provenanceProperty().get());
        }
        assertEquals(List.of(), errors);
    }

    /** The list-length table: each placement's first 1 … n of the report shown, n being the length it replayed. */
    @Test
    void theListLengthTableFollowsTheReportShown() throws Exception {
        model.setOnError(errors::add);
        try (Store store = MinedTestStore.create(dir); Store other = Store.inMemory()) {
            var one = SavedBacktests.run(store, new Backtest.Settings(1, 0.2, 30), ProgressMonitor.NONE);
            model.load(store);
            tasks.release();
            assertFalse(model.rows().isEmpty());
            assertTrue(model.lengthRows().isEmpty(), "lists of one: the policy table says it all");
            assertEquals("", ReportsViewModel.lengthsCsv(one.report()), "and no CSV of them is written");
            var two = SavedBacktests.run(store, new Backtest.Settings(2, 0.2, 30), ProgressMonitor.NONE);
            model.load(store);
            tasks.release();
            List<String> csv = ReportsViewModel.lengthsCsv(two.report()).lines().toList();
            assertEquals(1 + model.lengthRows().size(), csv.size(), "the CSV holds the table's rows: " + csv);
            List<String> placements = model.lengthRows().stream().map(ReportsViewModel.LengthRow::placement).distinct()
                    .toList();
            assertFalse(placements.isEmpty());
            for (String placement : placements) {
                assertEquals(List.of("1", "2 (shown)"), model.lengthRows().stream()
                        .filter(r -> r.placement().equals(placement)).map(ReportsViewModel.LengthRow::length).toList());
            }
            SavedBacktests.run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE);
            model.load(store);
            tasks.release();
            assertEquals(List.of("1", "2", "3", "4 (shown)"), model.lengthRows().stream()
                    .filter(r -> r.placement().equals("cart")).map(ReportsViewModel.LengthRow::length).toList());
            ReportsViewModel.LengthRow shown = model.lengthRows().stream()
                    .filter(r -> r.length().equals("4 (shown)")).findFirst().orElseThrow();
            ReportsViewModel.Row chosen = model.rows().stream()
                    .filter(r -> r.placement().equals("cart") && r.policy().equals("chosen")).findFirst().orElseThrow();
            assertEquals(chosen.rpi(), shown.rpi(), "the length replayed is the chosen row's");
            assertEquals(chosen.aovLift(), shown.aovLift());

            model.load(other);
            tasks.release();
            assertTrue(model.lengthRows().isEmpty(), "another store: not this one's");
        }
        assertEquals(List.of(), errors);
    }

    /**
     * Before any backtest the tab says where the active profile's settings come from, and follows a
     * profile change: a first mining run chooses them by backtest but keeps no report to show.
     */
    @Test
    void withoutABacktestTheTabSaysWhereTheActiveProfileComesFrom() throws Exception {
        model.setOnError(errors::add);
        try (Store store = Store.inMemory()) {
            Profiles profiles = new Profiles(store);
            model.load(store);
            tasks.release();
            assertFalse(model.hasReportProperty().get());
            assertEquals("The active profile, default, holds the built-in settings; the backtest scores it against"
                    + " \"customers also bought\" and chooses settings from this store's history.",
                    model.provenanceProperty().get());

            profiles.save(WeightingProfile.defaults().withChosenBy("chosen by backtest on 2026-12-07 (3 validation"
                    + " periods, 2025-05-26 to 2025-12-31, sequential replay)"), true);
            model.recheck();
            tasks.release();
            assertEquals("The active profile, default, was chosen by backtest on 2026-12-07 (3 validation periods,"
                    + " 2025-05-26 to 2025-12-31, sequential replay): its settings earned the most on those orders."
                    + " The backtest scores them on the later orders of the test period against \"customers also"
                    + " bought\".", model.provenanceProperty().get());
            assertEquals("Run the backtest to compare ranking policies on " + store.name() + ".",
                    model.summaryProperty().get(), "the headline is the backtest's alone");

            profiles.save(WeightingProfile.defaults().withName("by hand").withPriceWeight(0.5), true);
            model.recheck();
            tasks.release();
            assertTrue(model.provenanceProperty().get().startsWith("The active profile, by hand, is set by hand; "),
                    model.provenanceProperty().get());
        }
        assertEquals(List.of(), errors);
    }

    /**
     * An A/B result is stated in the open store's currency, belongs to that store, and is cleared
     * when another store opens; one finishing after that is not shown.
     */
    @Test
    void anExperimentIsTheOpenStoresInItsCurrency() throws Exception {
        model.setOnError(errors::add);
        Path experiment = Path.of("sample-stores/outdoor/experiment.csv");
        try (Store store = MinedTestStore.create(dir); Store other = Store.inMemory()) {
            new StoreQueries(store).setCurrency("USD");
            model.load(store);
            model.analyseExperiment(experiment);
            tasks.release();
            String summary = model.abSummaryProperty().get();
            assertTrue(summary.startsWith("experiment.csv\ncontrol: 3,462 orders, AOV $191.78, acceptance 0.0 %, RPI"
                    + " $0.00\ntreatment: 3,544 orders, AOV $200.89, acceptance 20.7 %, RPI $3.46\ntreatment vs control:"
                    + " AOV +$9.10 (+4.7 %), 95 % interval $0.72 to $17.49"), summary);
            assertTrue(summary.endsWith("significant. A test of this size finds a lift of $11.98 (6.2 %) or more 80 % of"
                    + " the time."), summary);

            model.load(other);
            assertEquals(ReportsViewModel.NO_EXPERIMENT, model.abSummaryProperty().get(), "another store's experiment is not this one's");
            assertNull(model.abChartProperty().get());

            model.load(store);
            model.analyseExperiment(experiment);
            model.load(other);
            tasks.release();
            assertEquals(ReportsViewModel.NO_EXPERIMENT, model.abSummaryProperty().get(), "finished after another store opened: not shown");
        }
        assertEquals(List.of(), errors);
    }
}

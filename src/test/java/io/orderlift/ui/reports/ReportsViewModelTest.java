package io.orderlift.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

            model.load(store);
            model.runBacktest();
            model.load(store); // an import or a mining run while it ran
            tasks.release();
            assertFalse(model.hasReportProperty().get(), "the report of the store as it was is not shown");
            assertEquals("Run the backtest to compare ranking policies on store.", model.summaryProperty().get());
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
            assertTrue(summary.contains("treatment vs control: AOV +$"), summary);
            assertTrue(summary.contains(", AOV $"), summary);

            model.load(other);
            assertEquals("", model.abSummaryProperty().get(), "another store's experiment is not this one's");
            assertNull(model.abChartProperty().get());

            model.load(store);
            model.analyseExperiment(experiment);
            model.load(other);
            tasks.release();
            assertEquals("", model.abSummaryProperty().get(), "finished after another store opened: not shown");
        }
        assertEquals(List.of(), errors);
    }
}

package io.orderlift.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.orderlift.store.Store;
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
}

package io.orderlift.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import io.orderlift.store.Store;
import io.orderlift.ui.common.HeldTasks;
import io.orderlift.ui.common.MinedTestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aSlowReadOfTheStoreOpenedBeforeNeverOverwritesTheOpenOne() throws Exception {
        HeldTasks tasks = new HeldTasks();
        OverviewViewModel model = new OverviewViewModel(tasks);
        try (Store empty = Store.openOrCreate(dir.resolve("b"))) {
            tasks.loadBothFinishingNewestFirst(dir, model::load, empty);
            assertEquals("0", model.ordersProperty().get(), "the store opened last, as it is");
            assertEquals("b", model.storeNameProperty().get());
        }
    }

    @Test
    void theFiguresShowBeforeTheChartsAndAnotherStoreClearsThem() throws Exception {
        HeldTasks tasks = new HeldTasks();
        OverviewViewModel model = new OverviewViewModel(tasks);
        try (Store mined = MinedTestStore.create(Files.createDirectories(dir.resolve("a")));
             Store empty = Store.openOrCreate(dir.resolve("b"))) {
            model.load(mined);
            tasks.release();
            assertNotEquals("–", model.ordersProperty().get(), "the figures are read first");
            assertFalse(model.loadingProperty().get(), "and the view is usable while the charts are drawn");
            assertNull(model.aovHistogramProperty().get());
            tasks.release();
            assertNotNull(model.aovHistogramProperty().get());
            assertNotNull(model.priceHistogramProperty().get());

            model.load(empty);
            assertNull(model.aovHistogramProperty().get(), "no chart of the store open before");
            assertNull(model.priceHistogramProperty().get());
            tasks.release();
            tasks.release();
            assertEquals("0", model.ordersProperty().get());
            assertNotNull(model.aovHistogramProperty().get(), "an empty store's chart says it has no data");
        }
    }
}

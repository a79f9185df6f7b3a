package io.orderlift.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import io.orderlift.store.Store;
import io.orderlift.ui.common.HeldTasks;
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
}

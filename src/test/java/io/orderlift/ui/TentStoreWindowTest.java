package io.orderlift.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import io.orderlift.store.Store;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The workbench window on {@link WorkbenchFixture#minedTentStore}, for view tests. */
@ExtendWith(ApplicationExtension.class)
abstract class TentStoreWindowTest {

    Path data;
    Store store;
    WorkbenchFixture fixture;

    /** Opens the window; call it from the subclass's {@code @Start} method (TestFX looks there only). */
    void open(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-view-test");
        store = WorkbenchFixture.minedTentStore(data);
        fixture = WorkbenchFixture.show(stage, store, data, WorkbenchFixture.dialogs(() -> null, null, data));
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}

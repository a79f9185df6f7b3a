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

    /** Answers the text dialog that is about to open with {@code text} and OK. */
    static void answerDialog(org.testfx.api.FxRobot robot, String text) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        javafx.scene.control.TextField field = robot.lookup(".dialog-pane .text-field")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText(text));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("OK")).queryAs(javafx.scene.Node.class));
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}

package io.orderlift.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.orderlift.store.Store;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

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
    static void answerDialog(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        TextField field = robot.lookup(".dialog-pane .text-field")
                .queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(
                LabeledMatchers.hasText("OK")).queryAs(Node.class));
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}

package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.orderlift.store.Store;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window when no store opened (another window holds it, or a newer Orderlift wrote it): only the
 * overview is there to use, and it says how to open a store; nothing offers work that needs one.
 */
@ExtendWith(ApplicationExtension.class)
class NoStoreWindowTest {

    private Path data;
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-no-store");
        fixture = WorkbenchFixture.showWithoutStore(stage, data);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void onlyTheOverviewIsOpenUntilAStoreIs(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertFalse(tabs.getTabs().get(0).isDisable(), "the overview");
        assertTrue(tabs.getTabs().stream().skip(1).allMatch(Tab::isDisable), "every view of a store");
        assertTrue(robot.lookup("#importButton").queryAs(Node.class).isDisabled());
        assertTrue(robot.lookup("#mineButton").queryAs(Node.class).isDisabled());
        assertEquals("No store open.", robot.lookup("#importHistoryEmpty").queryAs(Label.class).getText(),
                "not a pointer to an import the menu greys");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Overview", tabs.getSelectionModel().getSelectedItem().getText(), "a shortcut does not open one");

        robot.interact(() -> tabs.getSelectionModel().select(3)); // as the view shown last is restored
        robot.interact(() -> fixture.model.open(data.resolve("not-a-store")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane refusal = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("The store could not be opened", refusal.getHeaderText());
        assertTrue(refusal.getContentText().contains("There is no Orderlift store in"), refusal.getContentText());
        robot.clickOn(refusal.lookupButton(ButtonType.OK));
        assertEquals("No store open", robot.lookup("#storeName").queryAs(Label.class).getText());
        assertEquals("Overview", tabs.getSelectionModel().getSelectedItem().getText(), "not a greyed view");

        Store store = Store.openOrCreate(data.resolve("shop")); // the window's model closes it
        robot.interact(() -> fixture.model.show(store));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#importButton").queryAs(Node.class).isDisabled());
        assertTrue(tabs.getTabs().stream().noneMatch(Tab::isDisable), "a store is open: every view");
        assertTrue(robot.lookup("#mineButton").queryAs(Node.class).isDisabled(), "but nothing to mine yet");
        assertEquals("No imports yet: File → Import orders…",
                robot.lookup("#importHistoryEmpty").queryAs(Label.class).getText());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Cart preview".equals(tabs.getSelectionModel().getSelectedItem().getText()));
    }
}

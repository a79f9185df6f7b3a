package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.GuestOrders;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportFormat;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Reports tab on a store whose confirmation page cannot be measured (the beauty Shopify export:
 * nine weeks, so no test order's 30-day window ends inside it): a sentence where the chart would be, and an export of the one chart there is;
 * and on a store whose validation periods can choose nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsUnmeasuredTest {

    Path data;
    WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-reports-unmeasured");
        Store store = Store.openOrCreate(data.resolve("beauty"));
        new OrderImporter().importFile(store,
                ImportRequest.of(Path.of("sample-stores/beauty/shopify-orders-export.csv")).withFormat(ImportFormat.SHOPIFY),
                ProgressMonitor.NONE);
        fixture = WorkbenchFixture.show(stage, store, data, WorkbenchFixture.dialogs(() -> null, null, data));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theConfirmationPageSaysWhyItHasNoChart(FxRobot robot) throws Exception {
        fixture.runBacktest(robot);
        Label note = robot.lookup("#confirmationNote").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().startsWith("The confirmation page cannot be measured here"),
                note.getText());
        assertFalse(robot.lookup("#confirmationChart").queryAs(ImageView.class).isVisible());
        assertTrue(robot.lookup("#cartChart").queryAs(ImageView.class).isVisible());
        assertFalse(robot.lookup("#cartNote").queryAs(Label.class).isVisible());
        String summary = robot.lookup("#backtestSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("On this store, ranking by expected revenue earns "), summary);
        assertFalse(summary.contains("cannot be measured"), "said once, where the chart would be: " + summary);

        robot.clickOn("#exportPng");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(data.resolve("backtest.png")));
        // both background threads free at once: every write the export started has finished
        CyclicBarrier bothIdle = new CyclicBarrier(3);
        for (int i = 0; i < 2; i++) {
            fixture.runner.submitPlain(() -> await(bothIdle));
        }
        bothIdle.await(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no error shown");
        assertFalse(Files.exists(data.resolve("backtest-confirmation.png")), "no chart, no file");
    }

    /**
     * Another store opened, of guest orders only: its validation periods can choose nothing. The tab
     * says why, shows the active profile's settings as not validated, and offers nothing to use.
     */
    @Test
    void settingsTheValidationPeriodsCouldNotChooseAreNotOfferedForUse(FxRobot robot) throws Exception {
        Store guests = Store.openOrCreate(data.resolve("guests"));
        new OrderImporter().importFile(guests,
                ImportRequest.of(Files.writeString(data.resolve("guests.csv"), GuestOrders.csv(1_200, 3))),
                ProgressMonitor.NONE);
        robot.interact(() -> fixture.model.show(guests));
        fixture.runBacktest(robot);
        String warning = robot.lookup("#backtestWarning").queryAs(Label.class).getText();
        assertTrue(warning.startsWith("⚠ The validation periods could not choose settings: no ranking can show"
                + " anything on their orders"), warning);
        String chosen = robot.lookup("#chosenSettings").queryAs(Label.class).getText();
        assertTrue(chosen.startsWith("The active profile's settings (not validated): w 1.00"), chosen);
        assertTrue(robot.lookup("#useChosenW").queryAs(Button.class).isDisabled(), "nothing validated to use");
        assertFalse(robot.lookup("#exportCsv").queryAs(Button.class).isDisabled(), "the report itself can be exported");
        Region view = robot.lookup("#reportsView").queryAs(Region.class);
        assertTrue(view.getWidth() <= view.getScene().getWidth(), "the long notes wrap inside the window ("
                + view.getWidth() + " px wide in a " + view.getScene().getWidth() + " px window)");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

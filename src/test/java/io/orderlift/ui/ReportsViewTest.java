package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Profiles;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The Reports tab: backtest in the background, RPI against w, "use this w", export, A/B analysis. */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {

    Path data;
    Store store;
    WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-reports-test");
        store = Store.openOrCreate(data.resolve("outdoor"));
        new OrderImporter().importFile(store, ImportRequest.of(Path.of("sample-stores/outdoor/orders.csv")),
                ProgressMonitor.NONE);
        fixture = WorkbenchFixture.show(stage, store, data, WorkbenchFixture.dialogs(() -> null,
                Path.of("sample-stores/outdoor/experiment.csv"), data));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /**
     * Enter runs the shown tab's own default action: every tab with one (Overview, Cart preview, Publish,
     * Reports) sits in the same scene, where only one button can answer Enter at a time.
     */
    @Test
    void enterRunsTheBacktestOnTheReportsTab(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Reports")).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fixture.model.reports().hasReportProperty().get());
    }

    @Test
    void backtestUseThisWExportAndAbAnalysis(FxRobot robot) throws Exception {
        fixture.runBacktest(robot);
        assertEquals(2 * 14, robot.lookup("#backtestTable").queryAs(TableView.class).getItems().size());
        // the shorter lists: the cart's first 1 … 4 and the confirmation page's first 1 … 3 (the built-in lengths)
        assertEquals(4 + 3, robot.lookup("#listLengthTable").queryAs(TableView.class).getItems().size());
        assertTrue(robot.lookup("#cartChart").queryAs(ImageView.class).getImage() != null);
        assertTrue(robot.lookup("#confirmationChart").queryAs(ImageView.class).getImage() != null);
        String summary = robot.lookup("#backtestSummary").queryAs(Label.class).getText();
        assertTrue(summary.matches("On this store, ranking by expected revenue earns [0-9.,]+ per impression on the cart "
                + "against [0-9.,]+ for \"customers also bought\" .*an expected AOV lift of .*validation period.*"), summary);
        String settings = robot.lookup("#chosenSettings").queryAs(Label.class).getText();
        assertTrue(settings.startsWith("Validated settings: w "), settings);
        // nothing mined or saved yet: the built-in settings rank, and the report says where they differ
        assertTrue(settings.contains(". The active profile, default, ranks with "), settings);
        assertFalse(robot.lookup("#useChosenW").queryButton().isDisabled());

        robot.clickOn("#useChosenW");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new Profiles(store).active().chosenBy() != null
                && new Profiles(store).active().chosenBy().startsWith("chosen by backtest on "));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#chosenSettings").queryAs(Label.class)
                .getText().contains(". The active profile, default, already ranks with these settings."));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#useChosenW").queryButton().isDisabled());
        // the Weighting view holds its working profile against the same backtest
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#versusValidated").queryAs(Label.class)
                .getText().equals("The last backtest validated these settings."));
        // every view ranks with the saved settings: the session's working profile follows
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new Profiles(store).active()
                .equals(fixture.model.session().profileProperty().get()));

        robot.clickOn("#exportCsv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(data.resolve("backtest.csv")));
        assertEquals(1 + 2 * 14, Files.readAllLines(data.resolve("backtest.csv")).size(), "header and 14 policies per placement");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(data.resolve("backtest-lengths.csv")));
        List<String> lengths = Files.readAllLines(data.resolve("backtest-lengths.csv"));
        assertEquals(1 + 4 + 3, lengths.size(), "header and the rows of the shorter-lists table");
        assertTrue(lengths.get(4).startsWith("cart,4,true,") && lengths.get(1).startsWith("cart,1,false,"), lengths.toString());

        // the A/B section is below the fold: scroll down as a person would, then click
        ScrollPane pane = (ScrollPane) robot.lookup("#reportsView")
                .query().getParent().getParent().getParent();
        robot.interact(() -> pane.setVvalue(1.0));
        robot.clickOn("#importExperiment");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#abSummary").queryAs(Label.class)
                .getText().contains("treatment vs control"));
        assertTrue(robot.lookup("#abChart").queryAs(ImageView.class).getImage() != null);
    }
}

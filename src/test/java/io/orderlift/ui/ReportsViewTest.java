package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Profiles;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.TaskRunner;
import io.orderlift.ui.shell.FileDialogs;
import io.orderlift.ui.shell.WorkbenchModel;
import io.orderlift.ui.shell.WorkbenchSettings;
import io.orderlift.ui.shell.WorkbenchWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
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
    WorkbenchModel model;
    TaskRunner runner;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-reports-test");
        store = Store.openOrCreate(data.resolve("outdoor"));
        new OrderImporter().importFile(store, ImportRequest.of(Path.of("sample-stores/outdoor/orders.csv")),
                ProgressMonitor.NONE);
        runner = new TaskRunner();
        model = new WorkbenchModel(runner, new WorkbenchSettings(data), data);
        new WorkbenchWindow(stage, model, new FileDialogs() {
            @Override
            public Optional<Path> chooseOrderFile(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseStoreDirectory(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseExperimentFile(Window owner) {
                return Optional.of(Path.of("sample-stores/outdoor/experiment.csv"));
            }

            @Override
            public Optional<Path> chooseSaveFile(Window owner, String name) {
                return Optional.of(data.resolve(name));
            }
        });
        model.show(store);
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
        runner.close();
    }

    @Test
    void backtestUseThisWExportAndAbAnalysis(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Reports")).queryAs(Node.class));
        robot.clickOn("#runBacktest");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
                robot.lookup("#backtestTable").queryAs(TableView.class).getItems().size() == 14);
        assertTrue(robot.lookup("#cartChart").queryAs(ImageView.class).getImage() != null);
        assertTrue(robot.lookup("#confirmationChart").queryAs(ImageView.class).getImage() != null);
        String summary = robot.lookup("#backtestSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("Chosen on the validation period"), summary);
        double chosen = Double.parseDouble(summary.replaceAll(".*cart w = ([0-9.]+),.*", "$1"));

        robot.clickOn("#useChosenW");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new Profiles(store).active().priceWeight() == chosen);

        robot.clickOn("#exportCsv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(data.resolve("backtest.csv")));
        assertEquals(15, Files.readAllLines(data.resolve("backtest.csv")).size(), "header and 14 policies");

        // the A/B section is below the fold: scroll down as a person would, then click
        javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) robot.lookup("#reportsView")
                .query().getParent().getParent().getParent();
        robot.interact(() -> pane.setVvalue(1.0));
        robot.clickOn("#importExperiment");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#abSummary").queryAs(Label.class)
                .getText().contains("treatment vs control"));
        assertTrue(robot.lookup("#abChart").queryAs(ImageView.class).getImage() != null);
    }
}

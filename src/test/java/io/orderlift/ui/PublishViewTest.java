package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The Publish tab: checked when first shown; note, publish, and the version appears; then what changed. */
@ExtendWith(ApplicationExtension.class)
class PublishViewTest {

    Path data;
    WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-publish-test");
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(String.format("O%d,C%d,2025-01-%02dT10:00:00Z,TENT,Tent,Tents,1,199%n", i, i, 1 + i % 28));
            if (i % 2 == 0) {
                csv.append(String.format("O%d,C%d,2025-01-%02dT10:00:00Z,STAKES,Stakes,Acc,1,9%n", i, i, 1 + i % 28));
            }
            csv.append(String.format("X%d,D%d,2025-02-%02dT10:00:00Z,MUG,Mug,Kitchen,1,12%n", i, i, 1 + i % 28));
        }
        Path file = Files.writeString(data.resolve("orders.csv"), csv);
        Store store = Store.openOrCreate(data.resolve("shop"));
        new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
        new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
        fixture = WorkbenchFixture.show(stage, store, data, WorkbenchFixture.dialogs(() -> null, null, data));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static void waitForValidation(FxRobot robot, String start) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#publishValidation")
                    .queryAs(Label.class).getText().startsWith(start));
            // the validation is said first, then the links and the changes, in the same FX event
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("validation says: " + robot.lookup("#publishValidation").queryAs(Label.class)
                    .getText(), e);
        }
    }

    @Test
    void publishWritesAValidFileAndKeepsTheVersion(FxRobot robot) throws Exception {
        // the whole rule set is built for the check only once the tab is on screen
        waitForValidation(robot, "Checked when this tab is opened.");
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Publish"))
                .queryAs(Node.class));
        waitForValidation(robot, "Version 1 is valid");
        assertTrue(robot.lookup("#publishChanges").queryAs(ListView.class).getItems().get(0).toString()
                .startsWith("Nothing published yet"));
        Path out = data.resolve("out").resolve("shop.json");
        robot.interact(() -> robot.lookup("#publishTarget").queryAs(TextField.class).setText(out.toString()));
        robot.clickOn("#publishNote").write("first rules");
        robot.clickOn("#publishButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () ->
                robot.lookup("#publishedVersions").queryAs(TableView.class).getItems().size() == 1);
        assertEquals(1, RuleSetJson.read(out).version());
        assertEquals("first rules", RuleSetJson.read(out).note());
        // the overview says it too, without another look at the store
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#publishStatus").queryAs(Label.class)
                .getText().startsWith("Published version 1 on "));
        assertTrue(robot.lookup("#publishStatus").queryAs(Label.class).getText().endsWith(" to shop.json."));
        waitForValidation(robot, "Version 2 is valid");
        assertTrue(robot.lookup("#publishChanges").queryAs(ListView.class).getItems().get(0).toString()
                .startsWith("Since version 1"));

        // a second version, then the newer compared with the one before it
        robot.clickOn("#publishButton");
        TableView<?> versions = robot.lookup("#publishedVersions").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> versions.getItems().size() == 2);
        assertTrue(robot.lookup("#compareVersions").queryButton().isDisabled(), "nothing chosen to compare");
        robot.interact(() -> versions.getSelectionModel().select(0));
        robot.clickOn("#compareVersions");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#versionComparison").tryQuery().isPresent());
        assertEquals(List.of("No changes: the two versions give the same recommendations."),
                robot.lookup("#versionComparison").queryAs(ListView.class).getItems());
        robot.interact(() -> robot.lookup("#versionComparison").queryAs(ListView.class).getScene().getWindow().hide());

        // the mug, bought alone, gets no list: its link opens it in Pairs, where a pin gives it one
        assertTrue(robot.lookup("#publishValidation").queryAs(Label.class).getText()
                .contains("The other one gets nothing alone: Mug (MUG, 40 orders)."));
        Hyperlink mug = robot.lookup("#withoutListLinks .hyperlink").queryAs(Hyperlink.class);
        assertEquals("Mug", mug.getText());
        robot.interact(mug::fire); // the tab may be scrolled past it
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Pairs".equals(tabs.getSelectionModel().getSelectedItem()
                .getText()));
        assertEquals("MUG — Mug", fixture.model.pairs().anchorProperty().get());
    }
}

package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.store.CurationStore;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The pairs browser: pick an anchor, move the price weight, curate from the keyboard, undo. */
@ExtendWith(ApplicationExtension.class)
class PairsViewTest {

    Path data;
    Store store;
    WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-pairs-test");
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price,"
                + "list_price\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            String head = "O" + i + ",C" + i + "," + java.time.LocalDate.of(2025, 1, 1).plusDays(i % 300) + ",";
            csv.append(head).append("TENT,Tent,Tents,1,300,300\n");
            double r = random.nextDouble();
            if (r < 0.30) {
                csv.append(head).append("STAKES,Stakes,Accessories,1,9,9\n");
            } else if (r < 0.42) {
                csv.append(head).append("FOOT,Footprint,Groundsheets,1,54,54\n");
            }
            csv.append("M").append(i).append(",D").append(i).append(',')
                    .append(java.time.LocalDate.of(2025, 1, 1).plusDays(i % 300)).append(",MUG,Mug,Kitchen,1,12,12\n");
        }
        Path file = Files.writeString(data.resolve("orders.csv"), csv);
        store = Store.openOrCreate(data.resolve("shop"));
        new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
        new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
        fixture = WorkbenchFixture.show(stage, store, data, WorkbenchFixture.dialogs(() -> null, null, data));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<io.orderlift.ui.pairs.PairsViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#pairsTable").queryAs(TableView.class);
    }

    private void waitForFirst(FxRobot robot, String sku) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty()
                    && table(robot).getItems().get(0).sku().equals(sku));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("rows " + table(robot).getItems() + ", status "
                    + robot.lookup("#pairsStatus").queryAs(javafx.scene.control.Label.class).getText()
                    + ", windows " + robot.listWindows(), e);
        }
    }

    @Test
    void browseReRankCurateAndUndo(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Pairs")).queryAs(Node.class));
        SearchableComboBox<?> search = robot.lookup("#anchorSearch").queryAs(SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> search.getItems().size() == 4);
        robot.interact(() -> fixture.model.pairs().anchorProperty().set("TENT — Tent"));
        waitForFirst(robot, "FOOT");
        assertEquals("↑", table(robot).getItems().get(0).movement(), "the premium add-on moves up against popularity");

        Slider weight = robot.lookup("#priceWeight").queryAs(Slider.class);
        robot.interact(() -> weight.setValue(0));
        waitForFirst(robot, "STAKES");

        robot.interact(() -> {
            table(robot).getSelectionModel().select(0);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().get(0).status().equals("approved"));
        assertEquals("approved", new CurationStore(store).pairs().get(0).status());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().get(0).status().isEmpty());
        assertEquals(0, new CurationStore(store).pairs().size());
    }
}

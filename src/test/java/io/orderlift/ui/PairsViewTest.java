package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderlift.ui.pairs.PairsList;
import io.orderlift.store.CurationStore;
import io.orderlift.store.PairStatus;
import io.orderlift.ui.pairs.PairsViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The pairs browser: pick an anchor, move the price weight, curate from the keyboard, undo. */
class PairsViewTest extends TentStoreWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private TableView<PairsViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#pairsTable").queryAs(TableView.class);
    }

    private void waitForFirst(FxRobot robot, String sku) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty()
                    && table(robot).getItems().get(0).sku().equals(sku));
        } catch (TimeoutException e) {
            throw new AssertionError("rows " + table(robot).getItems() + ", status "
                    + robot.lookup("#pairsStatus").queryAs(Label.class).getText()
                    + ", windows " + robot.listWindows(), e);
        }
    }

    /** The Pairs tab, on the tent's candidates. */
    private void showTheTentsPairs(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Pairs")).queryAs(Node.class));
        SearchableComboBox<?> search = robot.lookup("#anchorSearch").queryAs(SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> search.getItems().size() == 4);
        robot.interact(() -> fixture.model.pairs().anchorProperty().set("TENT — Tent"));
    }

    @Test
    void browseReRankCurateAndUndo(FxRobot robot) throws Exception {
        showTheTentsPairs(robot);
        waitForFirst(robot, "FOOT");
        assertEquals("↑", table(robot).getItems().get(0).movement(), "the premium add-on moves up against popularity");
        ImageView scatter = robot.lookup("#pairsScatter").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> scatter.getImage() != null);

        Slider weight = robot.lookup("#priceWeight").queryAs(Slider.class);
        Image revenuePlot = scatter.getImage();
        robot.interact(() -> weight.setValue(0));
        waitForFirst(robot, "STAKES");
        assertEquals(revenuePlot, scatter.getImage(), "the same two candidates are shown: the plot is not redrawn");
        robot.interact(() -> fixture.model.pairs().listProperty().set(PairsList.CONFIRMATION_FOLLOW_ON));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> scatter.getImage() != revenuePlot);
        robot.interact(() -> fixture.model.pairs().listProperty().set(PairsList.CART));
        waitForFirst(robot, "STAKES");

        robot.interact(() -> {
            table(robot).getSelectionModel().select(0);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().get(0).status().equals("approved"));
        assertEquals(PairStatus.APPROVED, new CurationStore(store).pairs().get(0).status());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().get(0).status().isEmpty());
        assertEquals(0, new CurationStore(store).pairs().size());
        // and redone
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().get(0).status().equals("approved"));
        assertEquals(PairStatus.APPROVED, new CurationStore(store).pairs().get(0).status());
        // the same from the buttons above the table
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#rejectSelected");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().stream()
                .anyMatch(r -> r.sku().equals("STAKES") && r.status().equals("rejected")));

        // columns sort by number, and the shown rows export as CSV
        TableColumn<PairsViewModel.Row, ?> price = table(robot).getColumns()
                .stream().filter(c -> "pairs-column-price".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            price.setSortType(TableColumn.SortType.DESCENDING);
            table(robot).getSortOrder().setAll(List.of(price));
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().get(0).sku().equals("FOOT"));
        robot.clickOn("#exportPairs");
        Path csv = data.resolve("pairs.csv");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("rank,popularity_rank,sku,title,category,price,acceptance,rpi,status,co,follow,lift,confidence,"
                + "follow_acceptance,customers", lines.get(0));
        assertTrue(lines.get(1).contains(",FOOT,") && lines.get(1).contains(",54.00,"), lines.get(1));
    }

    /** After a key curates a pair the rows are ranked again; the pair stays selected and the arrows go on from it. */
    @Test
    void theKeyboardWalkGoesOnFromThePairJustCurated(FxRobot robot) throws Exception {
        showTheTentsPairs(robot);
        robot.interact(() -> robot.lookup("#priceWeight").queryAs(Slider.class).setValue(0));
        waitForFirst(robot, "STAKES");
        assertEquals("FOOT", table(robot).getItems().get(1).sku());

        robot.interact(() -> {
            table(robot).getSelectionModel().select(1);
            table(robot).getFocusModel().focus(1);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().get(1).status().equals("approved"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("FOOT", table(robot).getSelectionModel().getSelectedItem().sku(), "still selected after the re-rank");
        robot.type(KeyCode.UP).type(KeyCode.R);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().get(0).status().equals("rejected"));
        assertEquals("STAKES", table(robot).getItems().get(0).sku(), "the row above it, not the top of a fresh table");
        assertEquals("approved", table(robot).getItems().get(1).status());

        robot.interact(() -> fixture.model.pairs().anchorProperty().set("STAKES — Stakes"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty()
                && table(robot).getItems().stream().noneMatch(r -> r.sku().equals("STAKES")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table(robot).getSelectionModel().isEmpty(), "another anchor's candidates start unselected");
    }
}

package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import io.orderlift.ranking.Recommendation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The cart preview: build a cart and see what each placement recommends, and why. */
class CartPreviewTest extends TentStoreWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private TableView<Recommendation> recommendations(FxRobot robot) {
        return robot.lookup("#recommendationsTable").queryAs(TableView.class);
    }

    @Test
    void buildACartAndSeeWhatIsRecommendedAndWhy(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Cart preview")).queryAs(Node.class));
        @SuppressWarnings("unchecked")
        SearchableComboBox<String> search = robot.lookup("#cartSearch").queryAs(SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> search.getItems().size() == 4);
        robot.interact(() -> search.setValue("TENT — Tent"));
        robot.clickOn("#addToCart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !recommendations(robot).getItems().isEmpty());
        assertEquals("FOOT", recommendations(robot).getItems().get(0).sku(), "the premium add-on first at w = 1");
        assertTrue(robot.lookup("#cartSummary").queryAs(Label.class).getText().startsWith("Total 300.00 · 1 × Tents"));

        robot.interact(() -> recommendations(robot).getSelectionModel().select(0));
        assertTrue(robot.lookup("#whyLabel").queryAs(Label.class).getText().contains("TENT, same-order evidence pair"));

        robot.clickOn(robot.lookup("#cartTable .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("−1");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> recommendations(robot).getItems().isEmpty());
        assertEquals("The cart is empty.", robot.lookup("#cartSummary").queryAs(Label.class).getText());
    }
}

package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import io.orderlift.mining.Evidence;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.store.PastOrders;
import io.orderlift.ui.pairs.PairsList;
import io.orderlift.ui.pairs.PairsViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Confirmation preview: pick a real past order and see the one-tap offers, and why. */
class ConfirmationPreviewTest extends TentStoreWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPastTentOrderGetsOneTapOffersUnderTheCeiling(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Confirmation")).queryAs(Node.class));
        SearchableComboBox<String> picker = robot.lookup("#orderPicker").queryAs(SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picker.getItems().size() == 2_000);
        String tentOnly = picker.getItems().stream().filter(label -> label.startsWith("O")
                && label.contains("· 1 item ·")).findFirst().orElseThrow();
        robot.interact(() -> picker.setValue(tentOnly));

        TableView<PastOrders.Line> lines = robot.lookup("#orderLines").queryAs(TableView.class);
        TableView<Recommendation> offers = robot.lookup("#offersTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lines.getItems().size() == 1
                && !offers.getItems().isEmpty());
        assertEquals("TENT", lines.getItems().get(0).sku());
        assertTrue(offers.getItems().stream().allMatch(o -> o.price() <= 60), "the one-tap ceiling is $60");
        assertTrue(offers.getItems().stream().noneMatch(o -> o.sku().equals("TENT")), "nothing from the order itself");
        assertEquals("FOOT", offers.getItems().get(0).sku(), "the footprint earns most per impression");
        assertTrue(robot.lookup("#confirmationSummary").queryAs(Label.class).getText()
                .startsWith("Order total at catalog prices 300.00 (what a storefront computes from the rule set). One-tap "
                        + "offers are priced at most 60.00"));

        robot.interact(() -> offers.getSelectionModel().select(0));
        assertTrue(robot.lookup("#offerWhy").queryAs(Label.class).getText().startsWith("Footprint (FOOT): acceptance"));

        // the order's line opens in Pairs, where its companions are curated
        robot.interact(() -> fixture.model.pairs().anchorProperty().set(null));
        robot.interact(() -> lines.getSelectionModel().select(0));
        robot.interact(() -> lines.getContextMenu().getItems().get(0).fire());
        assertEquals("TENT — Tent", fixture.model.pairs().anchorProperty().get());
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Pairs", tabs.getSelectionModel().getSelectedItem().getText());
        robot.interact(() -> tabs.getSelectionModel().select(5));

        // an offer opens its pair in Pairs, on the list the confirmation page is curated on: follow-on where
        // the tent has such a pair with the footprint, same-order where it has that only
        Recommendation foot = offers.getItems().get(0);
        Evidence expected = foot.anchors().stream().anyMatch(a -> a.sku().equals("TENT")
                && a.evidence().equals("follow-on") && a.via().equals("pair")) ? Evidence.FOLLOW_ON : Evidence.SAME_ORDER;
        robot.interact(() -> offers.getSelectionModel().select(0));
        robot.interact(() -> offers.getContextMenu().getItems().get(0).fire());
        assertEquals("Pairs", tabs.getSelectionModel().getSelectedItem().getText());
        TableView<PairsViewModel.Row> pairs = robot.lookup("#pairsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pairs.getSelectionModel().getSelectedItem() != null
                && pairs.getSelectionModel().getSelectedItem().sku().equals("FOOT"));
        assertEquals(PairsList.of(expected, Placement.CONFIRMATION), fixture.model.pairs().listProperty().get());
        robot.interact(() -> tabs.getSelectionModel().select(5));

        robot.clickOn("#randomOrder");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picker.getValue() != null
                && !picker.getValue().equals(tentOnly) && !lines.getItems().isEmpty());
    }
}

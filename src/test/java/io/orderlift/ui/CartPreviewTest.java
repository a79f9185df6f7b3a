package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.SampleCartStore;
import io.orderlift.ui.pairs.PairsList;
import io.orderlift.ui.pairs.PairsViewModel;
import io.orderlift.ui.preview.CartPreviewViewModel;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
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
    @SuppressWarnings("unchecked")
    void buildACartAndSeeWhatIsRecommendedAndWhy(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Cart preview")).queryAs(Node.class));
        @SuppressWarnings("unchecked")
        SearchableComboBox<String> search = robot.lookup("#cartSearch").queryAs(SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> search.getItems().size() == 4);
        Label placeholder = (Label) robot.lookup("#recommendationsTable").queryAs(TableView.class).getPlaceholder();
        assertEquals("Add products to the cart (search the catalog, or take a random past order) to see what it gets;"
                + " Save as… keeps a cart to preview again.", placeholder.getText(), "no sample cart to offer yet");
        assertEquals("No sample carts yet", robot.lookup("#savedCarts").queryAs(ComboBox.class).getPromptText());
        robot.interact(() -> search.setValue("TENT — Tent"));
        robot.clickOn("#addToCart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !recommendations(robot).getItems().isEmpty());
        assertEquals("FOOT", recommendations(robot).getItems().get(0).sku(), "the premium add-on first at w = 1");
        assertTrue(robot.lookup("#cartSummary").queryAs(Label.class).getText().startsWith("Total 300.00 · 1 × Tents"));

        robot.interact(() -> recommendations(robot).getSelectionModel().select(0));
        assertTrue(robot.lookup("#whyLabel").queryAs(Label.class).getText().contains("TENT, same-order evidence pair"));
        // out of stock for a while: what the storefront shows meanwhile, then back in stock
        // (headless, a context menu's popup is not clicked: its item is fired, as the other views' tests do)
        MenuItem outOfStockItem = recommendations(robot).getContextMenu().getItems().stream()
                .filter(i -> i.getText().equals("Preview as out of stock")).findFirst().orElseThrow();
        assertFalse(outOfStockItem.isDisable(), "a recommendation is selected");
        robot.interact(outOfStockItem::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !recommendations(robot).getItems().isEmpty()
                && recommendations(robot).getItems().stream().noneMatch(r -> r.sku().equals("FOOT")));
        Label outOfStock = robot.lookup("#unavailableSummary").queryAs(Label.class);
        assertTrue(outOfStock.getParent().isVisible() && outOfStock.getText().contains("(FOOT)"), outOfStock.getText());
        robot.clickOn("#restockButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !recommendations(robot).getItems().isEmpty()
                && recommendations(robot).getItems().get(0).sku().equals("FOOT"));
        assertFalse(outOfStock.getParent().isVisible(), "the line goes with the last product out of stock");

        robot.clickOn("#saveCart");
        answerDialog(robot, "Tent cart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.model.preview().savedCarts().contains("Tent cart"));
        assertEquals(List.of(new SampleCartStore.SampleCart("Tent cart", List.of(new SampleCartStore.Item("TENT", 1)))),
                new SampleCartStore(store).all());

        robot.clickOn(robot.lookup("#cartTable .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("−1");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> recommendations(robot).getItems().isEmpty());
        assertEquals("The cart is empty.", robot.lookup("#cartSummary").queryAs(Label.class).getText());
        assertTrue(placeholder.getText().endsWith("pick a sample cart or take a random past order) to see what it gets."), placeholder.getText());
        assertEquals("Sample carts", robot.lookup("#savedCarts").queryAs(ComboBox.class).getPromptText());

        ComboBox<String> saved = robot.lookup("#savedCarts").queryAs(ComboBox.class);
        assertEquals("Tent cart", saved.getValue(), "the cart shows the name it was saved under");
        robot.interact(() -> {
            saved.setValue(null);
            saved.setValue("Tent cart");
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !recommendations(robot).getItems().isEmpty());
        assertEquals("TENT", fixture.model.preview().cart().get(0).sku(), "the saved cart is back");

        robot.clickOn("#pastOrder");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.model.preview().cart().size() == 2);
        WaitForAsyncUtils.waitForFxEvents(); // the cart is filled, then its summary said, in one FX event
        assertTrue(robot.lookup("#cartSummary").queryAs(Label.class).getText().matches("Order \\w+ of \\d{4}-\\d\\d-\\d\\d · Total .*"),
                robot.lookup("#cartSummary").queryAs(Label.class).getText());
        assertEquals(null, saved.getValue(), "a past order is no saved cart");
    }

    /** The cart's lines change from the keyboard: + and − one more or fewer of the selected line, Delete takes it out. */
    /** A recommendation double-clicked opens the pair behind it in Pairs, the candidate selected to curate. */
    @Test
    @SuppressWarnings("unchecked")
    void aRecommendationOpensItsPairInPairs(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Cart preview")).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !fixture.model.pairs().anchors().isEmpty());
        robot.interact(() -> fixture.model.preview().add("TENT — Tent"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> recommendations(robot).getItems().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        Recommendation second = recommendations(robot).getItems().get(1);
        // the Pairs table shows another anchor, filtered, so that the pair must be sought out
        robot.interact(() -> {
            fixture.model.pairs().anchorProperty().set("STAKES — Stakes");
            fixture.model.pairs().statusFilterProperty().set(PairsViewModel.STATUS_FILTERS.get(1));
        });
        robot.doubleClickOn(robot.lookup("#recommendationsTable .table-row-cell").match((TableRow<Recommendation> row)
                -> row.getItem() != null && row.getItem().sku().equals(second.sku())).queryAs(Node.class));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Pairs".equals(tabs.getSelectionModel().getSelectedItem()
                .getText()));
        TableView<PairsViewModel.Row> pairs = robot.lookup("#pairsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pairs.getSelectionModel().getSelectedItem() != null
                && pairs.getSelectionModel().getSelectedItem().sku().equals(second.sku()));
        assertEquals("TENT — Tent", fixture.model.pairs().anchorProperty().get());
        assertEquals(PairsList.CART, fixture.model.pairs().listProperty().get(), "the cart's curation");
        assertEquals(PairsViewModel.ALL, fixture.model.pairs().statusFilterProperty().get(), "no filter hides it");
        assertTrue(pairs.isFocused(), "ready for A, R or P");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSelectedLineChangesFromTheKeyboard(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Cart preview")).queryAs(Node.class));
        SearchableComboBox<String> search = robot.lookup("#cartSearch").queryAs(SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> search.getItems().size() == 4);
        robot.interact(() -> {
            fixture.model.preview().add("TENT — Tent");
            fixture.model.preview().add("STAKES — Stakes");
        });
        Button more = robot.lookup("+1").queryButton();
        assertTrue(more.isDisable(), "no line selected: nothing to change");
        TableView<CartPreviewViewModel.Line> cart = robot.lookup("#cartTable").queryAs(TableView.class);
        robot.clickOn(robot.lookup("#cartTable .table-row-cell").nth(1).queryAs(Node.class));
        assertFalse(more.isDisable());

        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.model.preview().cart().get(1).quantity() == 2);
        assertEquals(1, cart.getSelectionModel().getSelectedIndex(), "the line stays selected as it changes");
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.model.preview().cart().get(1).quantity() == 3);
        robot.type(KeyCode.SUBTRACT);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.model.preview().cart().get(1).quantity() == 2);
        assertEquals(1, cart.getSelectionModel().getSelectedIndex(), "the line stays selected as it changes");

        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.model.preview().cart().size() == 1);
        assertEquals("TENT", fixture.model.preview().cart().get(0).sku(), "both stakes went, the tent stays");

        // a line double-clicked opens the product in Pairs, where its companions are curated
        robot.interact(() -> fixture.model.pairs().anchorProperty().set(null));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.doubleClickOn(robot.lookup("#cartTable .table-row-cell")
                .match((TableRow<CartPreviewViewModel.Line> row) -> row.getItem() != null).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Pairs".equals(tabs.getSelectionModel().getSelectedItem()
                .getText()));
        assertEquals("TENT — Tent", fixture.model.pairs().anchorProperty().get());
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareTheSameCartUnderTwoProfiles(FxRobot robot) throws Exception {
        new Profiles(store).save(WeightingProfile.defaults(), true);
        new Profiles(store).save(WeightingProfile.defaults().withPriceWeight(0).withName("popularity"), false);
        robot.interact(() -> fixture.model.session().load(store));
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Cart preview")).queryAs(Node.class));
        ComboBox<String> compare = robot.lookup("#compareProfile").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> compare.getItems().contains("popularity")
                && fixture.model.session().recommenderProperty().get() != null);
        robot.interact(() -> fixture.model.preview().add("TENT — Tent"));
        robot.interact(() -> {
            compare.setValue("popularity");
            compare.getOnAction().handle(null);
        });
        TableView<Recommendation> compared = robot.lookup("#comparisonTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !compared.getItems().isEmpty()
                && !recommendations(robot).getItems().isEmpty());
        assertEquals("FOOT", recommendations(robot).getItems().get(0).sku(), "working profile: revenue first");
        assertEquals("STAKES", compared.getItems().get(0).sku(), "popularity profile: attach rate first");
        assertTrue(robot.lookup("#comparisonSummary").queryAs(Label.class).getText().contains("with 'popularity'"));

        // a profile saved meanwhile (Weighting's Save as…) refills the choices and keeps the comparison
        robot.interact(() -> fixture.model.session().saveProfileAs("bolder"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> compare.getItems().contains("bolder"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("popularity", compare.getValue());
        assertEquals("popularity", fixture.model.preview().compareWithProperty().get());
        assertEquals("STAKES", compared.getItems().get(0).sku(), "still compared with popularity");

        // and no comparison stays no comparison, in words
        robot.interact(() -> fixture.model.preview().compareWithProperty().set(null));
        robot.interact(() -> fixture.model.session().saveProfileAs("boldest"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> compare.getItems().contains("boldest"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("(no comparison)", compare.getValue());
        assertEquals(null, fixture.model.preview().compareWithProperty().get());
    }
}

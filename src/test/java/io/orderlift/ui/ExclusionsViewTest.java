package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.exclusions.ExclusionsViewModel;
import io.orderlift.ui.pairs.PairsViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Exclusions: add one with a reason, see what it removes and that previews drop it; add from the pairs browser; remove. */
class ExclusionsViewTest extends TentStoreWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @SuppressWarnings("unchecked")
    private TableView<ExclusionsViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#exclusionsTable").queryAs(TableView.class);
    }

    private void tab(FxRobot robot, String name) {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText(name)).queryAs(Node.class));
    }

    @Test
    void anImportWithAChargeLineSuggestsExcludingItAndOneClickDoes(FxRobot robot) throws Exception {
        tab(robot, "Exclusions");
        Label banner = robot.lookup("#chargeSuggestions").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!banner.getParent().isVisible(), "the tent store has no charge lines");
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        for (int i = 0; i < 20; i++) {
            csv.append("P").append(i).append(",C").append(i).append(",2025-11-0").append(1 + i % 9)
                    .append(",TENT,Tent,Tents,1,300\n");
            csv.append("P").append(i).append(",C").append(i).append(",2025-11-0").append(1 + i % 9)
                    .append(",POST,POSTAGE,,1,18\n");
        }
        Path file = Files.writeString(data.resolve("with-postage.csv"), csv);
        robot.interact(() -> fixture.model.importOrders(ImportRequest.of(file)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> banner.getParent().isVisible());
        assertEquals("1 SKU looks like a charge or a gift card rather than a product; a ranking by revenue would offer"
                + " it: POST “POSTAGE” (its title names a charge: postage).", banner.getText());
        // the window says so once, with a way to this tab
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar .title")
                .match(LabeledMatchers.hasText("Exclusions")).tryQuery().isPresent());
        // the backtest chose the active profile while POST counted as revenue
        new Profiles(store).save(WeightingProfile.defaults()
                .withChosenBy("chosen by backtest on 2026-12-02"), true);
        robot.clickOn("#excludeSuggested");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1
                && !banner.getParent().isVisible());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar .title")
                .match(LabeledMatchers.hasText("Settings")).tryQuery().isPresent());
        CurationStore.Exclusion made = new CurationStore(store).exclusions().get(0);
        assertEquals("POST", made.first());
        assertEquals("not a product: its title names a charge: postage", made.reason());
        // a reason wider than its column is read whole in the cell's tooltip
        TableCell<?, ?> reason = robot.lookup("#exclusionsTable .table-cell")
                .match((TableCell<?, ?> c) -> made.reason().equals(c.getText()))
                .queryAs(TableCell.class);
        assertEquals(made.reason(), reason.getTooltip().getText());
    }

    /**
     * A product chosen in a form of one store is never excluded (or shown as chosen) in another opened
     * after it: the exclusion form's and the cart preview's search.
     */
    @Test
    @SuppressWarnings("unchecked")
    void openingAnotherStoreClearsTheProductsChosenInTheForms(FxRobot robot) throws Exception {
        tab(robot, "Cart preview");
        SearchableComboBox<String> search = robot.lookup("#cartSearch").queryAs(SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> search.getItems().stream().anyMatch(p -> p.startsWith("TENT — ")));
        robot.interact(() -> search.setValue(search.getItems().stream().filter(p -> p.startsWith("TENT — ")).findFirst()
                .orElseThrow()));
        tab(robot, "Exclusions");
        SearchableComboBox<String> first = robot.lookup("#exclusionFirst").queryAs(SearchableComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> first.getItems().stream().anyMatch(p -> p.startsWith("STAKES — ")));
        String stakes = first.getItems().stream().filter(p -> p.startsWith("STAKES — ")).findFirst().orElseThrow();
        robot.interact(() -> first.setValue(stakes));
        Path other = data.resolve("other");
        try (Store second = Store.openOrCreate(other)) {
            new OrderImporter().importFile(second, ImportRequest.of(Files.writeString(data.resolve("other.csv"),
                    "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n"
                            + "Q1,C1,2025-11-01,KETTLE,Kettle,Kitchen,1,40\n")), ProgressMonitor.NONE);
        }
        robot.interact(() -> fixture.model.show(Store.open(other)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> first.getItems().stream().anyMatch(p -> p.startsWith("KETTLE")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> search.getItems().stream().anyMatch(p -> p.startsWith("KETTLE")));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(first.getValue(), "the first store's product is no longer chosen");
        assertNull(search.getValue(), "nor offered to the cart");
    }

    @Test
    @SuppressWarnings("unchecked")
    void excludeASkuSeeWhatItRemovesThenExcludeAPairFromThePairsBrowser(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.model.preview().add("TENT — Tent"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fixture.model.preview().recommendations().stream()
                .anyMatch(r -> r.sku().equals("STAKES")));

        tab(robot, "Exclusions");
        SearchableComboBox<String> first = robot.lookup("#exclusionFirst").queryAs(SearchableComboBox.class);
        // products are listed as the other views' search boxes list them, so one is found by its title too
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> first.getItems().stream().anyMatch(p -> p.startsWith("STAKES — ")));
        String stakes = first.getItems().stream().filter(p -> p.startsWith("STAKES — ")).findFirst().orElseThrow();
        robot.interact(() -> first.setValue(stakes));
        robot.clickOn("#exclusionReason").write("Out of stock until spring").type(KeyCode.ENTER); // as Exclude does
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1
                && table(robot).getItems().get(0).pairs() >= 0);
        ExclusionsViewModel.Row row = table(robot).getItems().get(0);
        assertEquals(ExclusionKind.SKU, row.kind());
        // the kind as a person reads it, not its JSON name
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#exclusionsTable .table-cell")
                .match((TableCell<?, ?> c) -> "SKU".equals(c.getText())).tryQuery().isPresent());
        assertEquals("Out of stock until spring", row.reason());
        assertEquals("STAKES", row.first(), "stored by its SKU, chosen by its label");
        assertEquals("Stakes (STAKES)", row.target(), "shown as the other tables name a product");
        assertEquals(1, row.pairs(), "STAKES is a candidate of TENT only");
        assertEquals("1 pair of 1 anchor, e.g. TENT → STAKES", row.removes());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !fixture.model.preview().recommendations().isEmpty()
                && fixture.model.preview().recommendations().stream().noneMatch(r -> r.sku().equals("STAKES")));

        tab(robot, "Pairs");
        robot.interact(() -> fixture.model.pairs().anchorProperty().set("TENT — Tent"));
        TableView<PairsViewModel.Row> pairs = robot.lookup("#pairsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pairs.getItems().stream()
                .anyMatch(r -> r.sku().equals("STAKES") && r.status().equals("excluded (sku)")));
        robot.interact(() -> robot.lookup("#statusFilter").queryAs(ChoiceBox.class).setValue("excluded"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pairs.getItems().size() == 1);
        robot.interact(() -> robot.lookup("#statusFilter").queryAs(ChoiceBox.class).setValue(PairsViewModel.UNCURATED));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pairs.getItems().size() == 1
                && pairs.getItems().get(0).sku().equals("FOOT"));
        robot.interact(() -> pairs.getSelectionModel().select(0));
        // Monocle does not deliver the right-click's context-menu request, so fire the menu's item directly.
        List<String> offered = pairs.getContextMenu().getItems().stream()
                .filter(i -> !(i instanceof SeparatorMenuItem)).map(MenuItem::getText).toList();
        assertEquals(List.of("Approve", "Reject", "Pin", "Exclude FOOT everywhere…", "Exclude this pair (TENT → FOOT)…",
                "Exclude category Groundsheets…", "Exclude Groundsheets for carts with Tents…"), offered);
        MenuItem excludePair = pairs.getContextMenu().getItems().stream()
                .filter(i -> "Exclude this pair (TENT → FOOT)…".equals(i.getText())).findFirst().orElseThrow();
        Platform.runLater(excludePair::fire);
        answerDialog(robot, "Bundled with the tent already");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new CurationStore(store).exclusions().size() == 2);
        assertTrue(new CurationStore(store).exclusions().stream().anyMatch(e -> e.kind() == ExclusionKind.PAIR
                && e.first().equals("TENT") && e.second().equals("FOOT")
                && e.reason().equals("Bundled with the tent already")));

        tab(robot, "Exclusions");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 2);
        robot.interact(() -> {
            table(robot).getSelectionModel().select(0);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);
        assertEquals(1, new CurationStore(store).exclusions().size());
        // a deleted exclusion comes back with Ctrl+Z, in this view too
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 2);
        assertEquals(2, new CurationStore(store).exclusions().size());
    }
}

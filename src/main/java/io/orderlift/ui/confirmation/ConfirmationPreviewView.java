package io.orderlift.ui.confirmation;

import java.util.Locale;

import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.store.PastOrders;
import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.Findable;
import io.orderlift.ui.common.OpenInPairs;
import io.orderlift.ui.common.PairsNavigator;
import io.orderlift.ui.common.RecommendationTables;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/**
 * Confirmation preview: a real past order as if just placed, and the one-tap offers of the
 * confirmation page for it, each with its explanation.
 */
public final class ConfirmationPreviewView extends HBox implements Findable {

    private final SearchableComboBox<String> order = new SearchableComboBox<>();

    /**
     * @param openInPairs shows in the Pairs view a line's candidates, or the pair behind an offer (double-clicked
     *                    or through the context menu)
     */
    public ConfirmationPreviewView(ConfirmationPreviewViewModel model, PairsNavigator openInPairs) {
        order.setItems(model.orders());
        order.setId("orderPicker");
        order.setPromptText("Search the newest orders by id or date");
        order.setPrefWidth(330);
        HBox.setHgrow(order, Priority.ALWAYS);
        order.valueProperty().bindBidirectional(model.orderProperty());
        Button random = new Button("Random order");
        random.setId("randomOrder");
        random.setOnAction(e -> model.pickRandom());
        random.disableProperty().bind(Bindings.isEmpty(model.orders())); // a store without orders
        random.setMinWidth(Region.USE_PREF_SIZE);

        TableView<PastOrders.Line> lines = new TableView<>(model.lines());
        lines.setId("orderLines");
        lines.setPlaceholder(new Label("Pick an order."));
        lines.getColumns().add(Columns.text("SKU", PastOrders.Line::sku, 105));
        lines.getColumns().add(Columns.longText("Title", l -> l.title() == null ? "" : l.title(), 140));
        lines.getColumns().add(Columns.longText("Category", l -> l.category() == null ? "" : l.category(), 95));
        lines.getColumns().add(Columns.text("Qty", l -> Integer.toString(l.quantity()), 38));
        lines.getColumns().add(Columns.text("Paid", l -> model.session().money().price(l.unitPrice().doubleValue()),
                62));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        OpenInPairs.on(lines, PastOrders.Line::sku, "Open in Pairs", openInPairs::anchor);
        VBox.setVgrow(lines, Priority.ALWAYS);
        Label orderTitle = new Label("The order just placed");
        orderTitle.getStyleClass().add("section-title");
        VBox left = new VBox(10, orderTitle, new HBox(8, order, random), lines);
        left.setPrefWidth(460);
        left.setMinWidth(460);

        TableView<Recommendation> offers = RecommendationTables.create(model.offers(),
                Bindings.concat("No one-tap offers. ", model.emptyReasonProperty()), model.session()::money);
        offers.setId("offersTable");
        OpenInPairs.onRecommendations(offers, () -> Placement.CONFIRMATION, openInPairs);
        VBox.setVgrow(offers, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("confirmationSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        String unselected = "Select an offer to see why; double-click it to curate its pair in Pairs.";
        Label why = new Label(unselected);
        why.setId("offerWhy");
        why.setWrapText(true);
        why.setMinHeight(80);
        offers.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> why.setText(
                now == null ? unselected : RecommendationTables.explain(now,
                        model.session().money())));
        Label offersTitle = new Label("One-tap offers on the confirmation page");
        offersTitle.getStyleClass().add("section-title");
        Label caption = new Label("Offers are added to the order just placed with one tap; the profile's one-tap "
                + "ceilings cap their price. Prices are the catalog's, as the storefront sees them. Build an order of "
                + "your own in Cart preview with the confirmation placement.");
        caption.setWrapText(true);
        caption.getStyleClass().add("subtle");
        VBox right = new VBox(10, offersTitle, caption, offers, summary, why);
        HBox.setHgrow(right, Priority.ALWAYS);

        getChildren().addAll(left, right);
        setSpacing(16);
        setPadding(new Insets(16));
        setId("confirmationPreview");
    }

    @Override
    public void find() {
        Findable.open(order);
    }
}

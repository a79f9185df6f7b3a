package io.orderlift.ui.preview;

import java.util.Locale;

import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ui.common.Columns;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/**
 * Cart preview: build a cart from the catalog, see its total and category mix, and what the cart
 * or the confirmation placement recommends, each recommendation with its explanation.
 */
public final class CartPreviewView extends HBox {

    public CartPreviewView(CartPreviewViewModel model) {
        SearchableComboBox<String> search = new SearchableComboBox<>(model.catalog());
        search.setId("cartSearch");
        search.setPromptText("Search the catalog");
        search.setPrefWidth(320);
        Button add = new Button("Add");
        add.setId("addToCart");
        add.setDefaultButton(true);
        add.setOnAction(e -> model.add(search.getValue()));

        TableView<CartPreviewViewModel.Line> cart = new TableView<>(model.cart());
        cart.setId("cartTable");
        cart.setPlaceholder(new Label("The cart is empty."));
        cart.getColumns().add(Columns.text("SKU", CartPreviewViewModel.Line::sku));
        cart.getColumns().add(Columns.text("Title", l -> l.title() == null ? "" : l.title()));
        cart.getColumns().add(Columns.text("Qty", l -> Integer.toString(l.quantity())));
        cart.getColumns().add(Columns.text("Price", l -> String.format(Locale.ROOT, "%.2f", l.price())));
        cart.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(cart, Priority.ALWAYS);
        Button more = new Button("+1");
        more.setOnAction(e -> model.changeQuantity(cart.getSelectionModel().getSelectedIndex(), 1));
        Button less = new Button("−1");
        less.setOnAction(e -> model.changeQuantity(cart.getSelectionModel().getSelectedIndex(), -1));
        Label summary = new Label();
        summary.setId("cartSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        VBox left = new VBox(10, new Label("Cart"), new HBox(8, search, add), cart, new HBox(8, more, less), summary);
        left.setPrefWidth(520);

        ChoiceBox<Placement> placement = new ChoiceBox<>();
        placement.setId("previewPlacement");
        placement.getItems().setAll(Placement.values());
        placement.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Placement p) {
                return p == null ? "" : p == Placement.CART ? "Cart (before checkout)" : "Confirmation page (one tap)";
            }

            @Override
            public Placement fromString(String s) {
                return null;
            }
        });
        placement.valueProperty().bindBidirectional(model.placementProperty());
        TableView<Recommendation> recommendations = new TableView<>(model.recommendations());
        recommendations.setId("recommendationsTable");
        recommendations.setPlaceholder(new Label("No recommendations for this cart."));
        recommendations.getColumns().add(Columns.text("SKU", Recommendation::sku));
        recommendations.getColumns().add(Columns.text("Title", r -> r.title() == null ? "" : r.title()));
        recommendations.getColumns().add(Columns.text("Price", r -> String.format(Locale.ROOT, "%.2f", r.price())));
        recommendations.getColumns().add(Columns.text("Acceptance", r -> String.format(Locale.ROOT, "%.3f",
                r.acceptance())));
        recommendations.getColumns().add(Columns.text("RPI", r -> String.format(Locale.ROOT, "%.3f", r.rpi())));
        recommendations.getColumns().add(Columns.text("Popularity", r -> Integer.toString(r.popularityRank())));
        recommendations.getColumns().add(Columns.text("Rules", r -> String.join(", ", r.rules())));
        recommendations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(recommendations, Priority.ALWAYS);
        Label why = new Label("Select a recommendation to see why.");
        why.setId("whyLabel");
        why.setWrapText(true);
        recommendations.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                why.setText(now == null ? "Select a recommendation to see why." : CartPreviewViewModel.explain(now)));
        VBox right = new VBox(10, new HBox(8, new Label("Placement"), placement), recommendations, why);
        HBox.setHgrow(right, Priority.ALWAYS);

        getChildren().addAll(left, right);
        setSpacing(16);
        setPadding(new Insets(16));
        setId("cartPreview");
    }
}

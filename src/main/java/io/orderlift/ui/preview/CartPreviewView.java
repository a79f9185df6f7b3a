package io.orderlift.ui.preview;

import java.util.Locale;

import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.DefaultAction;
import io.orderlift.ui.common.Findable;
import io.orderlift.ui.common.KeptSelection;
import io.orderlift.ui.common.NameDialog;
import io.orderlift.ui.common.OpenInPairs;
import io.orderlift.ui.common.PairsNavigator;
import io.orderlift.ui.common.Placements;
import io.orderlift.ui.common.RecommendationTables;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.collections.ListChangeListener;
import org.controlsfx.control.SearchableComboBox;

/**
 * Cart preview: build a cart from the catalog (or open a saved sample cart), see its total and
 * category mix, and what the cart or the confirmation placement recommends, each recommendation
 * with its explanation; optionally side by side with what a saved profile recommends.
 */
public final class CartPreviewView extends HBox implements Findable {

    private static final String NO_COMPARISON = "(no comparison)";

    private final SearchableComboBox<String> search = new SearchableComboBox<>();

    /**
     * @param openInPairs shows in the Pairs view a cart line's candidates, or the pair behind a recommendation
     *                    (double-clicked or through the context menu)
     */
    public CartPreviewView(CartPreviewViewModel model, PairsNavigator openInPairs) {
        search.setItems(model.catalog());
        search.setId("cartSearch");
        search.setPromptText("Search the catalog");
        search.setPrefWidth(320);
        search.valueProperty().bindBidirectional(model.searchChoiceProperty());
        Button add = new Button("Add");
        add.setId("addToCart");
        DefaultAction.of(add, this);
        add.setOnAction(e -> model.add(search.getValue()));

        ComboBox<String> saved = new ComboBox<>(model.savedCarts());
        saved.setId("savedCarts");
        // a store starts with none: say so rather than offer an empty list
        saved.promptTextProperty().bind(Bindings.when(Bindings.isEmpty(model.savedCarts()))
                .then("No sample carts yet").otherwise("Sample carts"));
        saved.setPrefWidth(200);
        // choosing a name opens that cart (the model's cart name does)
        saved.valueProperty().bindBidirectional(model.cartNameProperty());
        Button save = new Button("Save as…");
        save.setId("saveCart");
        save.disableProperty().bind(Bindings.isEmpty(model.cart()));
        save.setOnAction(e -> NameDialog.ask(this, "Save sample cart",
                "Save this cart under a name to preview it again later.", "Name", saved.getValue())
                .ifPresent(model::saveCart));
        Button delete = new Button("Delete");
        delete.disableProperty().bind(saved.valueProperty().isNull());
        delete.setOnAction(e -> model.deleteCart(saved.getValue()));
        Button clear = new Button("Clear");

        TableView<CartPreviewViewModel.Line> cart = new TableView<>(model.cart());
        cart.setId("cartTable");
        cart.setPlaceholder(new Label("The cart is empty."));
        cart.getColumns().add(Columns.text("SKU", CartPreviewViewModel.Line::sku, 110));
        cart.getColumns().add(Columns.longText("Title", l -> l.title() == null ? "" : l.title(), 180));
        cart.getColumns().add(Columns.text("Qty", l -> Integer.toString(l.quantity()), 45));
        cart.getColumns().add(Columns.text("Price", l -> model.session().money().price(l.price()), 80));
        cart.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(cart, Priority.ALWAYS);
        KeptSelection<CartPreviewViewModel.Line, String> kept = KeptSelection.of(cart, CartPreviewViewModel.Line::sku);
        OpenInPairs.on(cart, CartPreviewViewModel.Line::sku, "Open in Pairs", openInPairs::anchor);
        clear.setOnAction(e -> {
            kept.forget();
            model.clear();
        });
        Button more = new Button("+1");
        more.setTooltip(new Tooltip("One more of the selected line (+)"));
        more.setOnAction(e -> model.changeQuantity(cart.getSelectionModel().getSelectedIndex(), 1));
        Button less = new Button("−1");
        less.setTooltip(new Tooltip("One fewer of the selected line (−); at none it leaves the cart (Delete removes it)"));
        less.setOnAction(e -> model.changeQuantity(cart.getSelectionModel().getSelectedIndex(), -1));
        more.disableProperty().bind(cart.getSelectionModel().selectedItemProperty().isNull());
        less.disableProperty().bind(more.disableProperty());
        cart.setOnKeyPressed(e -> {
            int selected = cart.getSelectionModel().getSelectedIndex();
            switch (e.getCode()) {
                case DELETE, BACK_SPACE -> model.removeLine(selected);
                case PLUS, ADD, EQUALS -> model.changeQuantity(selected, 1);
                case MINUS, SUBTRACT -> model.changeQuantity(selected, -1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        Button pastOrder = new Button("Random past order");
        pastOrder.setId("pastOrder");
        pastOrder.setTooltip(new Tooltip("Fill the cart with one of the store's newest orders of two or more products,"
                + " at random, at catalog prices"));
        pastOrder.setOnAction(e -> {
            kept.forget(); // another order: its lines start unselected
            model.fillFromPastOrder();
        });
        pastOrder.disableProperty().bind(Bindings.isEmpty(model.catalog())); // a store without orders has no products
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("cartSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label cartTitle = new Label("Cart");
        cartTitle.getStyleClass().add("section-title");
        VBox left = new VBox(10, cartTitle, new HBox(8, saved, save, delete, clear), new HBox(8, search, add), cart,
                new HBox(8, more, less, gap, pastOrder), summary);
        left.setPrefWidth(430);
        left.setMinWidth(430);

        ChoiceBox<Placement> placement = Placements.choice();
        placement.setId("previewPlacement");
        placement.valueProperty().bindBidirectional(model.placementProperty());
        ComboBox<String> compare = new ComboBox<>();
        compare.setId("compareProfile");
        compare.getItems().add(NO_COMPARISON);
        model.session().profileNames().addListener((ListChangeListener<String>) c -> {
            // new items clear the combo box's choice (a profile saved elsewhere): keep the comparison, unless
            // its profile is gone
            String compared = model.compareWithProperty().get();
            compare.getItems().setAll(NO_COMPARISON);
            compare.getItems().addAll(model.session().profileNames());
            compare.setValue(compared != null && compare.getItems().contains(compared) ? compared : NO_COMPARISON);
        });
        compare.getItems().addAll(model.session().profileNames());
        compare.setValue(NO_COMPARISON);
        model.compareWithProperty().addListener((obs, old, now) -> compare.setValue(now == null ? NO_COMPARISON : now));
        // a refill clears the value on its way (null): that is no choice of the user's
        compare.setOnAction(e -> {
            if (compare.getValue() != null) {
                model.compareWithProperty().set(NO_COMPARISON.equals(compare.getValue()) ? null : compare.getValue());
            }
        });

        StringExpression placeholder = Bindings.when(Bindings.isEmpty(model.cart()))
                .then(Bindings.when(Bindings.isEmpty(model.savedCarts()))
                        .then("Add products to the cart (search the catalog, or take a random past order) to see what"
                                + " it gets; Save as… keeps a cart to preview again.")
                        .otherwise("Add products to the cart (search the catalog, pick a sample cart or take a random"
                                + " past order) to see what it gets."))
                .otherwise(Bindings.concat("No recommendations for this cart. ", model.emptyReasonProperty()));
        TableView<Recommendation> working = RecommendationTables.create(model.recommendations(), placeholder,
                model.session()::money);
        working.setId("recommendationsTable");
        OpenInPairs.onRecommendations(working, model.placementProperty()::get, openInPairs);
        VBox.setVgrow(working, Priority.ALWAYS);
        Label workingTitle = new Label();
        workingTitle.getStyleClass().add("section-title");
        workingTitle.textProperty().bind(Bindings.createStringBinding(
                () -> "Working profile: " + model.session().profileProperty().get().name()
                        + (model.session().unsavedBinding().get() ? " (unsaved changes)" : ""),
                model.session().profileProperty(), model.session().unsavedBinding()));
        VBox workingBox = new VBox(8, workingTitle, working);
        HBox.setHgrow(workingBox, Priority.ALWAYS);
        TableView<Recommendation> compared = RecommendationTables.create(model.comparison(), "",
                model.session()::money);
        compared.setId("comparisonTable");
        OpenInPairs.onRecommendations(compared, model.placementProperty()::get, openInPairs);
        VBox.setVgrow(compared, Priority.ALWAYS);
        Label comparedTitle = new Label();
        comparedTitle.getStyleClass().add("section-title");
        comparedTitle.textProperty().bind(model.compareWithProperty().map(n -> "Saved profile: " + n));
        VBox comparedBox = new VBox(8, comparedTitle, compared);
        HBox.setHgrow(comparedBox, Priority.ALWAYS);
        comparedBox.visibleProperty().bind(model.compareWithProperty().isNotNull());
        comparedBox.managedProperty().bind(comparedBox.visibleProperty());
        HBox lists = new HBox(12, workingBox, comparedBox);
        RecommendationTables.compactWhile(working, model.compareWithProperty().isNotNull());
        RecommendationTables.compactWhile(compared, model.compareWithProperty().isNotNull());
        VBox.setVgrow(lists, Priority.ALWAYS);

        // a storefront told what is out of stock fills its lists from further down: preview that here
        MenuItem outOfStock = new MenuItem("Preview as out of stock");
        outOfStock.setOnAction(e -> {
            Recommendation selected = working.getSelectionModel().getSelectedItem();
            if (selected != null) {
                model.markUnavailable(selected);
            }
        });
        outOfStock.disableProperty().bind(working.getSelectionModel().selectedItemProperty().isNull());
        working.getContextMenu().getItems().add(outOfStock);
        Label unavailable = new Label();
        unavailable.setId("unavailableSummary");
        unavailable.setWrapText(true);
        unavailable.textProperty().bind(model.unavailableSummaryProperty());
        Button restock = new Button("Back in stock");
        restock.setId("restockButton");
        restock.setOnAction(e -> model.restock());
        HBox unavailableRow = new HBox(8, unavailable, restock);
        unavailableRow.setAlignment(Pos.CENTER_LEFT);
        unavailableRow.visibleProperty().bind(model.unavailableSummaryProperty().isNotEmpty());
        unavailableRow.managedProperty().bind(unavailableRow.visibleProperty());

        Label comparison = new Label();
        comparison.setId("comparisonSummary");
        comparison.textProperty().bind(model.comparisonSummaryProperty());
        String unselected = "Select a recommendation to see why; double-click it to curate its pair in Pairs.";
        Label why = new Label(unselected);
        why.setId("whyLabel");
        why.setWrapText(true);
        why.setMinHeight(80);
        working.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> why.setText(
                now == null ? unselected : RecommendationTables.explain(now, model.session().money())));
        compared.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                why.setText(RecommendationTables.explain(now, model.session().money()));
            }
        });
        VBox right = new VBox(10, new HBox(8, new Label("Placement"), placement, new Label("Compare with"), compare),
                lists, unavailableRow, comparison, why);
        HBox.setHgrow(right, Priority.ALWAYS);

        getChildren().addAll(left, right);
        setSpacing(16);
        setPadding(new Insets(16));
        setId("cartPreview");
    }

    @Override
    public void find() {
        Findable.open(search);
    }
}

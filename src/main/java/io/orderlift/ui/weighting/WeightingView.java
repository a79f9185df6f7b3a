package io.orderlift.ui.weighting;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.HidingLabel;
import io.orderlift.ui.common.NameDialog;
import io.orderlift.ui.common.OpenInPairs;
import io.orderlift.ui.common.Placements;
import io.orderlift.ui.common.ProductLabels;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Weighting: the working profile's settings as sliders and spinners, applied live (the pairs
 * browser and the previews re-rank as a slider moves); save, save as, revert, and switch profiles;
 * beside them, what the change does to the best sellers' lists.
 */
public final class WeightingView extends HBox {

    private final GridPane grid = new GridPane();
    /**
     * Set once a store's profiles (and with them its currency, {@code RankingSession.money}) are read:
     * amounts shown are written again then.
     */
    private final ReadOnlyObjectProperty<WeightingProfile> storeRead;
    private int row;

    /**
     * @param openInPairs shows a product's candidates in the Pairs view (a best seller's row, double-clicked
     *                    or through its context menu)
     */
    public WeightingView(WeightingViewModel model, Consumer<String> openInPairs) {
        storeRead = model.session().savedProperty();
        ComboBox<String> profiles = new ComboBox<>(model.session().profileNames());
        profiles.setId("profileChoice");
        profiles.setPrefWidth(200);
        model.session().savedProperty().addListener((obs, old, now) -> profiles.setValue(now.name()));
        // a new list of names clears the combo box's choice even when it holds the name: choose it again
        model.session().profileNames().addListener((ListChangeListener<String>) change ->
                profiles.setValue(model.session().savedProperty().get().name()));
        profiles.setValue(model.session().savedProperty().get().name());
        profiles.setOnAction(e -> {
            String chosen = profiles.getValue();
            if (chosen != null && !chosen.equals(model.session().savedProperty().get().name())) {
                model.session().switchProfile(chosen);
            }
        });
        Button save = new Button("Save");
        save.setId("saveProfile");
        save.disableProperty().bind(model.unsavedBinding().not());
        save.setOnAction(e -> model.session().saveProfileAs(model.session().profileProperty().get().name()));
        Button saveAs = new Button("Save as…");
        saveAs.setId("saveProfileAs");
        saveAs.setOnAction(e -> NameDialog.ask(this, "Save profile as",
                "Save the working settings as a new profile, and make it the active one.", "Name", null)
                .ifPresent(model.session()::saveProfileAs));
        Button revert = new Button("Revert");
        revert.setId("revertProfile");
        revert.disableProperty().bind(model.unsavedBinding().not());
        revert.setOnAction(e -> model.session().revert());
        Label unsaved = new Label("unsaved changes");
        unsaved.getStyleClass().add("subtle");
        unsaved.visibleProperty().bind(model.unsavedBinding());

        grid.setHgap(10);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(160), new ColumnConstraints(165),
                new ColumnConstraints(64));
        slider("Price weight w", model.priceWeightProperty(), 0, 2, "%.2f",
                "score = acceptance × price^w. 0 ranks by popularity, 1 by revenue per impression.", "weightSlider");
        slider("Smoothing m", model.smoothingProperty(), 0, 50, "%.1f",
                "Acceptance is shrunk toward the candidate's base rate with m pseudo-orders.", "smoothingSlider");
        spinner("Min evidence", model.minEvidenceProperty(), 1, 100,
                "A pair is used only when its count (co, or follow) reaches this.", "minEvidenceSpinner");
        spinner("Category backoff below", model.backoffBelowOrdersProperty(), 0, 1000,
                "An anchor in fewer orders than this speaks through its category's pairs.", "backoffSpinner");
        slider("Max price ratio", model.maxPriceRatioProperty(), 0.1, 100, "%.1f×",
                "Cart placement: candidates above this × the cart total are not offered.", "priceRatioSlider");
        slider("Min lift", model.minLiftProperty(), 0, 5, "%.2f",
                "A pair is used only when the anchor makes the candidate this many times likelier.", "minLiftSlider");
        slider("One-tap max price", model.oneTapMaxPriceProperty(), 5, 1000,
                v -> model.session().money().whole(v),
                "Confirmation page: the highest price offered for one tap.", "oneTapPriceSlider");
        slider("One-tap max share", model.oneTapMaxShareProperty(), 0.05, 20, "%.2f×",
                "Confirmation page: the highest price as a share of the order just placed.", "oneTapShareSlider");
        spinner("Per-category cap", model.perCategoryCapProperty(), 1, 12,
                "At most this many candidates of one category in a list (pins excepted).", "capSpinner");
        spinner("Cart list length", model.cartLengthProperty(), 1, 20, "How many the cart shows (what shorter lists"
                + " earned in the last backtest: Reports, Shorter lists).", "cartLengthSpinner");
        spinner("Confirmation length", model.confirmationLengthProperty(), 1, 10,
                "How many one-tap offers the confirmation page shows (what fewer earned in the last backtest:"
                        + " Reports, Shorter lists).", "confirmationLengthSpinner");
        ChoiceBox<Estimator> estimator = new ChoiceBox<>();
        estimator.setId("estimatorChoice");
        estimator.getItems().setAll(Estimator.values());
        estimator.setConverter(new StringConverter<>() {
            @Override
            public String toString(Estimator e) {
                return e == null ? "" : e == Estimator.BASE_RATE ? "Smoothed" : "Lower bound";
            }

            @Override
            public Estimator fromString(String s) {
                return null;
            }
        });
        estimator.valueProperty().bindBidirectional(model.estimatorProperty());
        estimator.setTooltip(new Tooltip("Smoothed: the share of the anchor's orders with the "
                + "candidate, shrunk toward how often it sells anyway. Lower bound: the same less its uncertainty, so "
                + "a product seen twice does not outrank a well-evidenced one."));
        ChoiceBox<ConfirmationEvidence> evidence = new ChoiceBox<>();
        evidence.setId("confirmationEvidenceChoice");
        evidence.getItems().setAll(ConfirmationEvidence.values());
        evidence.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConfirmationEvidence e) {
                return e == null ? "" : e == ConfirmationEvidence.BOTH
                        ? "Same order and later" : "Later purchases only";
            }

            @Override
            public ConfirmationEvidence fromString(String s) {
                return null;
            }
        });
        evidence.valueProperty().bindBidirectional(model.confirmationEvidenceProperty());
        evidence.setTooltip(new Tooltip("Which purchases the one-tap offers learn from: products "
                + "bought in the same order and later by the same customer, or only those bought later."));
        int row = grid.getRowCount();
        // the choices span the value and figure columns: their longest label is wider than a slider
        grid.add(new Label("Acceptance estimate"), 0, row);
        grid.add(estimator, 1, row, 2, 1);
        grid.add(new Label("One-tap evidence"), 0, row + 1);
        grid.add(evidence, 1, row + 1, 2, 1);
        Label source = new Label();
        source.setId("profileSource");
        source.setWrapText(true);
        source.getStyleClass().add("subtle");
        source.textProperty().bind(model.sourceProperty());
        Label versusValidated = HidingLabel.of("versusValidated", "subtle", model.versusValidatedProperty());
        Label privacy = new Label(String.format(Locale.ROOT, "Pairs need %d customers or more (privacy floor).",
                model.session().profileProperty().get().minCustomers()));
        privacy.getStyleClass().add("subtle");
        model.session().profileProperty().addListener((obs, old, now) -> privacy.setText(String.format(Locale.ROOT,
                "Pairs need %d customers or more (privacy floor).", now.minCustomers())));

        Label title = new Label("Weighting");
        title.getStyleClass().add("view-title");
        VBox left = new VBox(12, title, new HBox(8, new Label("Profile"), profiles), new HBox(8, save, saveAs, revert,
                unsaved), source, versusValidated, grid, privacy);
        left.setMinWidth(405);
        left.setPrefWidth(405);

        ChoiceBox<Placement> placement = Placements.choice();
        placement.valueProperty().bindBidirectional(model.placementProperty());
        TableView<WeightingViewModel.EffectRow> table = new TableView<>(model.effect());
        table.setId("effectTable");
        table.setPlaceholder(new Label("Mine the store to see the effect of the settings."));
        // names and lists longer than their column show whole in a tooltip
        table.getColumns().add(Columns.longText("Best seller", r -> ProductLabels.named(r.anchorTitle(), r.anchor()),
                190));
        table.getColumns().add(Columns.longText("Working profile's list", WeightingViewModel.EffectRow::workingTitles,
                293));
        table.getColumns().add(Columns.text("RPI", r -> model.session().money().format(r.workingRpi()), 64));
        table.getColumns().add(Columns.text("Δ RPI", r -> !r.changed() ? ""
                : Math.abs(r.workingRpi() - r.savedRpi()) < 0.005 ? "0.00"
                : String.format(Locale.ROOT, "%+.2f", r.workingRpi() - r.savedRpi()), 52));
        table.getColumns().add(Columns.longText("Change against the saved list", WeightingViewModel.EffectRow::change,
                222));
        table.getColumns().get(2).getStyleClass().add("number");
        table.getColumns().get(3).getStyleClass().add("number");
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(WeightingViewModel.EffectRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("changed"),
                        !empty && item != null && item.changed());
            }
        });
        OpenInPairs.on(table, WeightingViewModel.EffectRow::anchor, "Open the best seller in Pairs", openInPairs);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("effectSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label caption = new Label("The store's best sellers as one-item carts: what the working profile shows, "
                + "and what it changes against the saved profile (changed lists highlighted). Double-click a best"
                + " seller to curate its companions in Pairs.");
        caption.setWrapText(true);
        caption.getStyleClass().add("subtle");
        Label effectTitle = new Label("Effect");
        effectTitle.getStyleClass().add("section-title");
        VBox right = new VBox(10, new HBox(12, effectTitle, placement), caption, table, summary);
        HBox.setHgrow(right, Priority.ALWAYS);

        getChildren().addAll(left, right);
        setSpacing(16);
        setPadding(new Insets(16));
        setId("weightingView");
    }

    private void slider(String label, DoubleProperty value, double min, double max, String format, String help,
                        String id) {
        slider(label, value, min, max, v -> String.format(Locale.ROOT, format, v), help, id);
    }

    /** A slider whose value is shown as {@code shown} writes it, again whenever another store is read. */
    private void slider(String label, DoubleProperty value, double min, double max, DoubleFunction<String> shown,
                        String help, String id) {
        Slider slider = new Slider(min, max, value.get());
        slider.setId(id);
        slider.valueProperty().bindBidirectional(value);
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> shown.apply(value.get()), value,
                storeRead));
        add(label, slider, text, help);
    }

    private void spinner(String label, ObjectProperty<Integer> value, int min, int max, String help, String id) {
        Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                value.get()));
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        add(label, spinner, new Label(), help);
    }

    private void add(String label, Control control, Label shown, String help) {
        Label name = new Label(label);
        Tooltip tip = new Tooltip(help);
        name.setTooltip(tip);
        control.setTooltip(tip);
        control.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, name, control, shown);
    }
}

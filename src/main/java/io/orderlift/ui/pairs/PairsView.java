package io.orderlift.ui.pairs;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.orderlift.mining.Evidence;
import io.orderlift.ui.common.Columns;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/**
 * The pairs browser: search an anchor, see its candidates with every statistic, popularity rank
 * beside RPI rank, curation status; approve (A), reject (R), pin (P) one or many rows, undo (Ctrl+Z);
 * the price weight slider re-ranks as it moves.
 */
public final class PairsView extends VBox {

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    public PairsView(PairsViewModel model) {
        SearchableComboBox<String> anchor = new SearchableComboBox<>(model.anchors());
        anchor.setId("anchorSearch");
        anchor.setPromptText("Search an anchor by SKU or title");
        anchor.setPrefWidth(380);
        anchor.valueProperty().bindBidirectional(model.anchorProperty());

        ChoiceBox<Evidence> evidence = new ChoiceBox<>();
        evidence.setId("evidenceChoice");
        evidence.getItems().setAll(Evidence.values());
        evidence.setConverter(new StringConverter<>() {
            @Override
            public String toString(Evidence e) {
                return e == null ? "" : e == Evidence.SAME_ORDER ? "Same order (cart)" : "Follow-on (confirmation)";
            }

            @Override
            public Evidence fromString(String s) {
                return null;
            }
        });
        evidence.valueProperty().bindBidirectional(model.evidenceProperty());

        Slider weight = new Slider(0, 2, 1);
        weight.setId("priceWeight");
        weight.setShowTickMarks(true);
        weight.setShowTickLabels(true);
        weight.setMajorTickUnit(0.5);
        weight.setPrefWidth(260);
        weight.valueProperty().bindBidirectional(model.priceWeightProperty());
        Label weightLabel = new Label();
        weightLabel.textProperty().bind(model.priceWeightProperty().asString(Locale.ROOT, "w = %.2f"));

        TableView<PairsViewModel.Row> table = new TableView<>(model.rows());
        table.setId("pairsTable");
        table.setPlaceholder(new Label("Choose an anchor (the store must be mined)."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(Columns.text("RPI rank", r -> r.rpiRank() + " " + r.movement()));
        table.getColumns().add(Columns.text("Popularity", r -> Integer.toString(r.popularityRank())));
        TableColumn<PairsViewModel.Row, String> sku = Columns.text("SKU", PairsViewModel.Row::sku);
        sku.setPrefWidth(130);
        table.getColumns().add(sku);
        TableColumn<PairsViewModel.Row, String> name = Columns.text("Title", r -> r.title() == null ? "" : r.title());
        name.setPrefWidth(190);
        table.getColumns().add(name);
        table.getColumns().add(Columns.text("Category", r -> r.category() == null ? "" : r.category()));
        table.getColumns().add(number("co", r -> (double) r.co(), "%.0f"));
        table.getColumns().add(number("follow", r -> (double) r.follow(), "%.0f"));
        table.getColumns().add(number("confidence", PairsViewModel.Row::confidence, "%.3f"));
        table.getColumns().add(number("lift", PairsViewModel.Row::lift, "%.2f"));
        table.getColumns().add(number("acceptance", PairsViewModel.Row::acceptance, "%.3f"));
        table.getColumns().add(number("follow acc.", PairsViewModel.Row::followAcceptance, "%.3f"));
        table.getColumns().add(number("customers", r -> (double) r.customers(), "%.0f"));
        table.getColumns().add(Columns.text("price", PairsViewModel.Row::price));
        table.getColumns().add(number("RPI", PairsViewModel.Row::rpi, "%.3f"));
        table.getColumns().add(Columns.text("status", PairsViewModel.Row::status));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setOnKeyPressed(e -> {
            List<String> selected = table.getSelectionModel().getSelectedItems().stream()
                    .map(PairsViewModel.Row::sku).toList();
            if (UNDO.match(e)) {
                model.undo();
            } else if (e.getCode() == KeyCode.A) {
                model.curate(selected, "approved");
            } else if (e.getCode() == KeyCode.R) {
                model.curate(selected, "rejected");
            } else if (e.getCode() == KeyCode.P) {
                model.curate(selected, "pinned");
            } else {
                return;
            }
            e.consume();
        });

        Label status = new Label();
        status.setId("pairsStatus");
        status.textProperty().bind(model.statusProperty());
        Label title = new Label("Pairs");
        title.getStyleClass().add("view-title");
        getChildren().addAll(title, new HBox(12, anchor, evidence, new Label("Price weight"), weight, weightLabel),
                status, table);
        setSpacing(10);
        setPadding(new Insets(16));
        setId("pairsView");
    }

    private static TableColumn<PairsViewModel.Row, String> number(String title,
            Function<PairsViewModel.Row, Double> value, String format) {
        TableColumn<PairsViewModel.Row, String> column = Columns.text(title,
                r -> String.format(Locale.ROOT, format, value.apply(r)));
        column.getStyleClass().add("number");
        column.setPrefWidth(72);
        return column;
    }
}

package io.orderlift.ui.pairs;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.orderlift.mining.Evidence;
import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.NameDialog;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.css.PseudoClass;
import javafx.scene.image.ImageView;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.beans.binding.Bindings;
import org.controlsfx.control.SearchableComboBox;

/**
 * The pairs browser: search an anchor, see its candidates with every statistic, popularity rank
 * beside RPI rank, curation status; filter by category and status; approve (A), reject (R), pin (P)
 * one or many rows, undo (Ctrl+Z), exclude from the context menu; the price weight slider re-ranks
 * as it moves; beside the table a scatter of price against acceptance with iso-RPI curves.
 */
public final class PairsView extends VBox {

    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private static final PseudoClass APPROVED = PseudoClass.getPseudoClass("approved");
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");

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
        table.setFixedCellSize(24);
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(new Label("Choose an anchor (the store must be mined)."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(Columns.text("RPI rank", r -> r.rpiRank() + " " + r.movement(), 70));
        table.getColumns().add(Columns.text("Popularity", r -> Integer.toString(r.popularityRank()), 75));
        table.getColumns().add(Columns.text("SKU", PairsViewModel.Row::sku, 115));
        table.getColumns().add(Columns.text("Status", PairsViewModel.Row::status, 150));
        table.getColumns().add(Columns.text("Title", r -> r.title() == null ? "" : r.title(), 150));
        table.getColumns().add(Columns.text("Category", r -> r.category() == null ? "" : r.category(), 95));
        table.getColumns().add(number("co", r -> (double) r.co(), "%.0f"));
        table.getColumns().add(number("follow", r -> (double) r.follow(), "%.0f"));
        table.getColumns().add(number("confidence", PairsViewModel.Row::confidence, "%.3f"));
        table.getColumns().add(number("lift", PairsViewModel.Row::lift, "%.2f"));
        table.getColumns().add(number("acceptance", PairsViewModel.Row::acceptance, "%.3f"));
        table.getColumns().add(number("follow acc.", PairsViewModel.Row::followAcceptance, "%.3f"));
        table.getColumns().add(number("customers", r -> (double) r.customers(), "%.0f"));
        table.getColumns().add(Columns.text("price", PairsViewModel.Row::price));
        table.getColumns().add(number("RPI", PairsViewModel.Row::rpi, "%.3f"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PairsViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                String state = empty || item == null ? "" : item.status();
                pseudoClassStateChanged(BLOCKED, state.startsWith("rejected") || state.startsWith("excluded"));
                pseudoClassStateChanged(APPROVED, state.equals("approved"));
                pseudoClassStateChanged(PINNED, state.equals("pinned"));
            }
        });
        table.setContextMenu(exclusionMenu(model, table));
        table.setOnKeyPressed(e -> {
            List<String> selected = table.getSelectionModel().getSelectedItems().stream()
                    .map(PairsViewModel.Row::sku).toList();
            if (e.isShortcutDown()) {
                return; // Ctrl+Z and Ctrl+Y are Edit → Undo and Redo, for every view
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

        ChoiceBox<String> category = new ChoiceBox<>(model.categories());
        category.setId("categoryFilter");
        category.valueProperty().bindBidirectional(model.categoryFilterProperty());
        ChoiceBox<String> curated = new ChoiceBox<>();
        curated.setId("statusFilter");
        curated.getItems().setAll(PairsViewModel.STATUS_FILTERS);
        curated.valueProperty().bindBidirectional(model.statusFilterProperty());
        Label shown = new Label();
        shown.getStyleClass().add("subtle");
        shown.textProperty().bind(Bindings.createStringBinding(() -> String.format(
                "%d of %d shown", model.rows().size(), model.allRows().size()), model.rows(), model.allRows()));

        ImageView plot = new ImageView();
        plot.setId("pairsScatter");
        plot.setPreserveRatio(true);
        plot.imageProperty().bind(model.scatterProperty());
        Label plotCaption = new Label("Each dot is a candidate. Curves join the prices and acceptances that earn the "
                + "same revenue per impression; dots above a curve earn more.");
        plotCaption.setWrapText(true);
        plotCaption.getStyleClass().add("subtle");
        VBox side = new VBox(8, plot, plotCaption);
        side.setPadding(new Insets(0, 0, 0, 8));
        plot.fitWidthProperty().bind(Bindings.min(PairsScatter.WIDTH, side.widthProperty()
                .subtract(8)));
        SplitPane body = new SplitPane(table, side);
        body.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(side, false);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label status = new Label();
        status.setId("pairsStatus");
        status.textProperty().bind(model.statusProperty());
        Label title = new Label("Pairs");
        title.getStyleClass().add("view-title");
        getChildren().addAll(title, new HBox(12, anchor, evidence, new Label("Price weight"), weight, weightLabel),
                new HBox(12, new Label("Category"), category, new Label("Status"), curated, shown), status, body);
        setSpacing(10);
        setPadding(new Insets(16));
        setId("pairsView");
    }

    /** Right-click on the selected candidate: exclude its SKU, the pair, its category or the category pair. */
    private ContextMenu exclusionMenu(PairsViewModel model, TableView<PairsViewModel.Row> table) {
        ContextMenu menu = new ContextMenu();
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            menu.getItems().clear();
            if (row == null) {
                return;
            }
            for (PairsViewModel.ExclusionTarget target : PairsViewModel.ExclusionTarget.values()) {
                String[] exclusion = model.exclusionOf(row, target);
                if (exclusion == null) {
                    continue;
                }
                String what = switch (target) {
                    case CANDIDATE_SKU -> "Exclude " + row.sku() + " everywhere…";
                    case PAIR -> "Exclude this pair (" + exclusion[1] + " → " + exclusion[2] + ")…";
                    case CANDIDATE_CATEGORY -> "Exclude category " + exclusion[1] + "…";
                    case CATEGORY_PAIR -> "Exclude " + exclusion[2] + " for carts with " + exclusion[1] + "…";
                };
                MenuItem item = new MenuItem(what);
                item.setOnAction(a -> NameDialog.ask(this, "Exclude", what.replace("…", ""), "Reason", null)
                        .ifPresent(reason -> model.exclude(exclusion, reason)));
                menu.getItems().add(item);
            }
        });
        return menu;
    }

    private static TableColumn<PairsViewModel.Row, String> number(String title,
            Function<PairsViewModel.Row, Double> value, String format) {
        TableColumn<PairsViewModel.Row, String> column = Columns.text(title,
                r -> String.format(Locale.ROOT, format, value.apply(r)));
        column.getStyleClass().add("number");
        column.setPrefWidth(66);
        return column;
    }
}

package io.orderlift.ui.pairs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.orderlift.common.Percentages;
import io.orderlift.store.ExclusionKey;
import io.orderlift.store.PairStatus;
import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.Findable;
import io.orderlift.ui.common.KeptSelection;
import io.orderlift.ui.common.NameDialog;
import io.orderlift.ui.shell.FileDialogs;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/**
 * The pairs browser: search an anchor, see its candidates with every statistic, popularity rank
 * beside RPI rank, curation status; filter by category and status; approve (A), reject (R), pin (P)
 * one or many rows, undo (Ctrl+Z), exclude from the context menu; the price weight slider re-ranks
 * as it moves; beside the table a scatter of price against acceptance with iso-RPI curves.
 */
public final class PairsView extends VBox implements Findable {

    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private static final PseudoClass APPROVED = PseudoClass.getPseudoClass("approved");
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");

    private final SearchableComboBox<String> anchor = new SearchableComboBox<>();

    public PairsView(PairsViewModel model, FileDialogs dialogs,
                     Consumer<String> onInfo) {
        anchor.setItems(model.anchors());
        anchor.setId("anchorSearch");
        anchor.setPromptText("Search an anchor by SKU or title");
        anchor.setPrefWidth(380);
        anchor.valueProperty().bindBidirectional(model.anchorProperty());

        ChoiceBox<PairsList> evidence = new ChoiceBox<>();
        evidence.setId("evidenceChoice");
        evidence.getItems().setAll(PairsList.values());
        evidence.setTooltip(new Tooltip("Which pairs the list counts, and which placement its approvals, rejections"
                + " and pins are for: the confirmation page uses follow-on and same-order pairs (unless the profile"
                + " uses follow-on alone)"));
        evidence.setConverter(new StringConverter<>() {
            @Override
            public String toString(PairsList list) {
                return list == null ? "" : list.label();
            }

            @Override
            public PairsList fromString(String s) {
                return null;
            }
        });
        evidence.valueProperty().bindBidirectional(model.listProperty());

        Slider weight = new Slider(0, 2, 1);
        weight.setId("priceWeight");
        weight.setShowTickMarks(true);
        weight.setShowTickLabels(true);
        weight.setMajorTickUnit(0.5);
        weight.setPrefWidth(260);
        weight.valueProperty().bindBidirectional(model.priceWeightProperty());
        Label weightLabel = new Label();
        weightLabel.textProperty().bind(model.priceWeightProperty().asString(Locale.ROOT, "w = %.2f"));

        TableView<PairsViewModel.Row> table = new TableView<>();
        // sorted by any column, and still sorted when the rows are read again
        SortedList<PairsViewModel.Row> sorted =
                new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("pairsTable");
        table.setFixedCellSize(24);
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(model.anchorProperty().isNull()).then("No anchor chosen.")
                .otherwise("No candidate to show: the lines above say why."));
        table.setPlaceholder(empty);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // after a curation the rows are ranked again: the pairs just curated stay selected, so the
        // keyboard walk (A, R or P, then an arrow) goes on from them; another anchor starts afresh
        KeptSelection<PairsViewModel.Row, String> kept = KeptSelection.of(table, PairsViewModel.Row::sku);
        model.anchorProperty().addListener((o, was, now) -> kept.forget());
        // a pair opened from another view: its candidate selected and in sight, ready for A, R or P
        model.candidateToSelectProperty().addListener((o, was, sku) -> {
            if (sku != null && kept.show(sku)) {
                table.requestFocus();
            }
        });
        // what a merchandiser decides on first, visible without scrolling at 1280 × 800; the rest after
        table.getColumns().add(number("#", r -> (double) r.rank(), "%.0f", 46,
                "Rank by expected revenue per impression (acceptance × price^w); ↑ or ↓: its move against popularity",
                r -> " " + r.movement()));
        table.getColumns().add(text("SKU", PairsViewModel.Row::sku, 122, "The candidate's SKU"));
        table.getColumns().add(explain(Columns.longText("", r -> r.title() == null ? "" : r.title(), 168), "Title",
                "The candidate's title (the whole of a long one in the cell's tooltip)"));
        table.getColumns().add(number("Price", PairsViewModel.Row::price, a -> model.money().price(a), 64,
                "The candidate's catalog price"));
        table.getColumns().add(number("Acceptance", PairsViewModel.Row::acceptance, Percentages::of, 98,
                "Of the orders that had the anchor, the share that also had this product (smoothed, so that a "
                        + "few orders cannot make it look certain; at its lower 95 % bound when the profile's estimator "
                        + "is the lower bound, as the status line then says)"));
        table.getColumns().add(number("RPI", PairsViewModel.Row::rpi, a -> model.money().format(a), 54,
                "Revenue per impression: acceptance × price, what showing it once beside the anchor is expected "
                        + "to earn"));
        table.getColumns().add(text("Status", PairsViewModel.Row::status, 104,
                "Your curation: approved, rejected, pinned, or excluded (and by which rule)"));
        table.getColumns().add(number("Popularity", r -> (double) r.coRank(), "%.0f", 82,
                "Rank by how often it is bought with the anchor: what \"customers also bought\" would show",
                r -> ""));
        table.getColumns().add(number("co", r -> (double) r.co(), "%.0f", 56,
                "Orders that had both the anchor and this product", r -> ""));
        table.getColumns().add(number("Follow", r -> (double) r.follow(), "%.0f", 62,
                "Times a customer bought this within the follow-on window after an order with the anchor", r -> ""));
        table.getColumns().add(number("Lift", PairsViewModel.Row::lift, "%.2f", 56,
                "How much more likely with the anchor than without: 2 means twice as likely", r -> ""));
        table.getColumns().add(number("Confidence", PairsViewModel.Row::confidence, Percentages::of, 86,
                "co ÷ orders with the anchor, before smoothing"));
        table.getColumns().add(number("Follow acc.", PairsViewModel.Row::followAcceptance, Percentages::of, 86,
                "Of the orders with the anchor whose customer could come back, the share followed by a purchase of "
                        + "this within the window (smoothed)"));
        table.getColumns().add(number("Customers", r -> (double) r.customers(), "%.0f", 82,
                "Distinct customers behind the pair; a pair backed by fewer than the profile's minimum (3 by "
                        + "default) is never shown or published", r -> ""));
        table.getColumns().add(text("Category", r -> r.category() == null ? "" : r.category(), 100,
                "The candidate's category"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PairsViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                String state = empty || item == null ? "" : item.status();
                pseudoClassStateChanged(BLOCKED, PairsViewModel.blocks(state));
                pseudoClassStateChanged(APPROVED, state.equals(PairStatus.APPROVED.jsonName()));
                pseudoClassStateChanged(PINNED, state.equals(PairStatus.PINNED.jsonName()));
            }
        });
        table.setContextMenu(exclusionMenu(model, table));
        Supplier<List<String>> selectedSkus = () -> table.getSelectionModel().getSelectedItems()
                .stream().map(PairsViewModel.Row::sku).toList();
        BooleanBinding none = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        Button approve = curateButton("Approve", "approveSelected", none,
                () -> model.curate(selectedSkus.get(), PairStatus.APPROVED));
        Button reject = curateButton("Reject", "rejectSelected", none,
                () -> model.curate(selectedSkus.get(), PairStatus.REJECTED));
        Button pin = curateButton("Pin", "pinSelected", none,
                () -> model.curate(selectedSkus.get(), PairStatus.PINNED));
        Button clear = curateButton("Clear status", "clearSelected", none,
                () -> model.curate(selectedSkus.get(), null));
        Button export = new Button("Export CSV…");
        export.setId("exportPairs");
        export.disableProperty().bind(Bindings.isEmpty(table.getItems()));
        export.setOnAction(e -> dialogs.chooseSaveFile(getScene().getWindow(), "pairs.csv")
                .ifPresent(file -> model.exportCsv(List.copyOf(table.getItems()), file, onInfo)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, new Label("Selected:"), approve, reject, pin, clear, gap, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        table.setOnKeyPressed(e -> {
            List<String> selected = table.getSelectionModel().getSelectedItems().stream()
                    .map(PairsViewModel.Row::sku).toList();
            if (e.isShortcutDown()) {
                return; // Ctrl+Z and Ctrl+Y are Edit → Undo and Redo, for every view
            } else if (e.getCode() == KeyCode.A) {
                model.curate(selected, PairStatus.APPROVED);
            } else if (e.getCode() == KeyCode.R) {
                model.curate(selected, PairStatus.REJECTED);
            } else if (e.getCode() == KeyCode.P) {
                model.curate(selected, PairStatus.PINNED);
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
        status.setWrapText(true);
        Label title = new Label("Pairs");
        title.getStyleClass().add("view-title");
        getChildren().addAll(title, new HBox(12, anchor, evidence, new Label("Price weight"), weight, weightLabel),
                new HBox(12, new Label("Category"), category, new Label("Status"), curated, shown), status, actions,
                body);
        setSpacing(10);
        setPadding(new Insets(16));
        setId("pairsView");
    }

    private static Button curateButton(String text, String id,
                                                            BooleanBinding disabled,
                                                            Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(disabled);
        button.setOnAction(e -> action.run());
        return button;
    }

    /**
     * Right-click on the selected candidates: approve, reject or pin them; exclude the candidate's
     * SKU, the pair, its category or the category pair.
     */
    private ContextMenu exclusionMenu(PairsViewModel model, TableView<PairsViewModel.Row> table) {
        ContextMenu menu = new ContextMenu();
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            menu.getItems().clear();
            if (row == null) {
                return;
            }
            Map<String, PairStatus> statuses = new LinkedHashMap<>();
            statuses.put("Approve", PairStatus.APPROVED);
            statuses.put("Reject", PairStatus.REJECTED);
            statuses.put("Pin", PairStatus.PINNED);
            statuses.forEach((label, status) -> {
                MenuItem item = new MenuItem(label);
                item.setOnAction(a -> model.curate(table.getSelectionModel().getSelectedItems().stream()
                        .map(PairsViewModel.Row::sku).toList(), status));
                menu.getItems().add(item);
            });
            menu.getItems().add(new SeparatorMenuItem());
            for (PairsViewModel.ExclusionTarget target : PairsViewModel.ExclusionTarget.values()) {
                ExclusionKey exclusion = model.exclusionOf(row, target);
                if (exclusion == null) {
                    continue;
                }
                String what = switch (target) {
                    case CANDIDATE_SKU -> "Exclude " + row.sku() + " everywhere…";
                    case PAIR -> "Exclude this pair (" + exclusion.first() + " → " + exclusion.second() + ")…";
                    case CANDIDATE_CATEGORY -> "Exclude category " + exclusion.first() + "…";
                    case CATEGORY_PAIR -> "Exclude " + exclusion.second() + " for carts with " + exclusion.first() + "…";
                };
                MenuItem item = new MenuItem(what);
                item.setOnAction(a -> NameDialog.ask(this, "Exclude", what.replace("…", ""), "Reason", null)
                        .ifPresent(reason -> model.exclude(exclusion, reason)));
                menu.getItems().add(item);
            }
        });
        return menu;
    }

    /** A text column whose header explains itself in a tooltip. */
    private static TableColumn<PairsViewModel.Row, String> text(String title, Function<PairsViewModel.Row, String> value,
                                                                 double width, String tip) {
        return explain(Columns.text("", value, width), title, tip);
    }

    /**
     * A numeric column: sorts by number, shows it formatted (a dash when unknown) followed by
     * {@code suffix}, and explains itself in a tooltip.
     */
    private static TableColumn<PairsViewModel.Row, Double> number(String title, Function<PairsViewModel.Row, Double> value,
                                                                   String format, double width, String tip,
                                                                   Function<PairsViewModel.Row, String> suffix) {
        TableColumn<PairsViewModel.Row, Double> column = new TableColumn<>();
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                PairsViewModel.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || item == null || row == null ? null
                        : (item.isNaN() ? "–" : String.format(Locale.ROOT, format, item)) + suffix.apply(row));
            }
        });
        column.getStyleClass().add("number");
        column.setPrefWidth(width);
        explain(column, title, tip);
        return column;
    }

    /** A column of amounts or shares formatted for people, sorting by value. */
    private static TableColumn<PairsViewModel.Row, Double> number(String title, Function<PairsViewModel.Row, Double> value,
                                                                   Function<Double, String> formatted,
                                                                   double width, String tip) {
        TableColumn<PairsViewModel.Row, Double> column = number(title, value, "%.2f", width, tip, r -> "");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : formatted.apply(item));
            }
        });
        return column;
    }

    /** The header as a label with a tooltip in a merchandiser's words (a column's text cannot carry one). */
    private static <T> TableColumn<PairsViewModel.Row, T> explain(TableColumn<PairsViewModel.Row, T> column,
                                                                   String title, String tip) {
        Label header = new Label(title);
        Tooltip tooltip = new Tooltip(tip);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        header.setTooltip(tooltip);
        column.setGraphic(header);
        column.setId("pairs-column-" + title.toLowerCase(Locale.ROOT).replace(' ', '-').replace(".", ""));
        return column;
    }

    @Override
    public void find() {
        Findable.open(anchor);
    }
}

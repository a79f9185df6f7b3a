package io.orderlift.ui.overview;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import io.orderlift.store.ImportBatch;
import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.DefaultAction;
import io.orderlift.ui.common.HidingLabel;
import io.orderlift.ui.common.WarningLabel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The store overview: key figures, AOV and price histograms, import history. */
public final class OverviewView extends ScrollPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    public OverviewView(OverviewViewModel model, Runnable importAction, Runnable mineAction) {
        Label title = new Label();
        title.setId("storeName");
        title.getStyleClass().add("view-title");
        title.textProperty().bind(model.storeNameProperty());
        Label location = new Label();
        location.getStyleClass().add("subtle");
        location.textProperty().bind(model.storeLocationProperty());
        Button importButton = new Button("Import orders…");
        importButton.setId("importButton");
        importButton.setOnAction(e -> importAction.run());
        importButton.disableProperty().bind(model.storeShownProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button mineButton = new Button("Mine pairs…");
        mineButton.setId("mineButton");
        mineButton.setOnAction(e -> mineAction.run());
        // nothing to mine before there are orders: then importing is the next step
        mineButton.disableProperty().bind(model.hasOrdersProperty().not());
        // Enter mines while mining is the next step; a mined store's next steps are on the other tabs
        DefaultAction.of(mineButton, this, model.miningDueProperty());
        DefaultAction.of(importButton, this, model.storeShownProperty().and(model.hasOrdersProperty().not()));
        HBox header = new HBox(12, new VBox(2, title, location), spacer, importButton, mineButton);
        Label mining = new Label();
        mining.setId("miningStatus");
        mining.getStyleClass().add("mining-status");
        mining.textProperty().bind(model.miningStatusProperty());
        Label profile = HidingLabel.of("profileStatus", "mining-status", model.profileStatusProperty());
        Label backtest = HidingLabel.of("backtestStatus", "mining-status", model.backtestStatusProperty());
        Label published = HidingLabel.of("publishStatus", "mining-status", model.publishStatusProperty());

        FlowPane figures = new FlowPane(12, 12,
                figure(model.ordersCaptionProperty(), "ordersValue", model.ordersProperty()),
                figure("Order lines", "linesValue", model.linesProperty()),
                figure("Customers", "customersValue", model.customersProperty()),
                figure("Products", "productsValue", model.productsProperty()),
                figure("Orders from – to", "dateRangeValue", model.dateRangeProperty()),
                figure("Average order value", "aovValue", model.aovProperty()));

        Label dates = WarningLabel.of("dateWarning", model.dateWarningProperty());

        ImageView aovChart = chart("aovHistogram");
        aovChart.imageProperty().bind(model.aovHistogramProperty());
        ImageView priceChart = chart("priceHistogram");
        priceChart.imageProperty().bind(model.priceHistogramProperty());
        FlowPane charts = new FlowPane(12, 12, aovChart, priceChart);
        // two empty histograms say nothing about a store without orders
        charts.visibleProperty().bind(model.hasOrdersProperty());
        charts.managedProperty().bind(charts.visibleProperty());

        Label historyTitle = new Label("Import history");
        historyTitle.getStyleClass().add("section-title");
        TableView<ImportBatch> history = importHistory(model);

        VBox status = new VBox(4, mining, profile, backtest, published);
        VBox content = new VBox(16, header, status, figures, dates, charts, historyTitle, history);
        content.setPadding(new Insets(16));
        content.disableProperty().bind(model.loadingProperty());
        setContent(content);
        setFitToWidth(true);
        setId("overview");
    }

    private static VBox figure(String caption, String id, ObservableValue<String> value) {
        return figure(new SimpleStringProperty(caption), id, value);
    }

    private static VBox figure(ObservableValue<String> caption, String id, ObservableValue<String> value) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("figure-value");
        number.textProperty().bind(value);
        Label label = new Label();
        label.textProperty().bind(caption);
        label.getStyleClass().add("figure-caption");
        VBox box = new VBox(4, number, label);
        box.getStyleClass().add("figure");
        return box;
    }

    private static ImageView chart(String id) {
        ImageView view = new ImageView();
        view.setId(id);
        view.setFitWidth(OverviewCharts.WIDTH);
        view.setFitHeight(OverviewCharts.HEIGHT);
        view.setPreserveRatio(true);
        view.getStyleClass().add("chart");
        return view;
    }

    private static TableView<ImportBatch> importHistory(OverviewViewModel model) {
        TableView<ImportBatch> table = new TableView<>(model.imports());
        table.setId("importHistory");
        Label empty = new Label();
        empty.setId("importHistoryEmpty");
        empty.textProperty().bind(Bindings.when(model.storeShownProperty())
                .then("No imports yet: File → Import orders…").otherwise("No store open."));
        table.setPlaceholder(empty);
        table.getColumns().add(column("#", b -> b.id()));
        TableColumn<ImportBatch, String> file = Columns.text("File", ImportBatch::file);
        file.setPrefWidth(150);
        table.getColumns().add(file);
        table.getColumns().add(Columns.<ImportBatch>text("Format", ImportBatch::formatRead));
        TableColumn<ImportBatch, String> when = Columns.text("Imported", b -> WHEN.format(b.importedAt()));
        when.setPrefWidth(130);
        table.getColumns().add(when);
        table.getColumns().add(column("Orders", ImportBatch::orders));
        table.getColumns().add(column("Replaced", ImportBatch::ordersReplaced));
        table.getColumns().add(column("Lines", ImportBatch::lines));
        table.getColumns().add(column("New products", ImportBatch::products));
        table.getColumns().add(column("New customers", ImportBatch::customers));
        table.getColumns().add(column("Rows skipped", ImportBatch::rowsSkipped));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        return table;
    }

    private static TableColumn<ImportBatch, Number> column(String title, Function<ImportBatch, Integer> value) {
        TableColumn<ImportBatch, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%,d", item.longValue()));
            }
        });
        column.getStyleClass().add("number");
        return column;
    }
}

package io.orderlift.ui.reports;

import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.DefaultAction;
import io.orderlift.ui.common.HidingLabel;
import io.orderlift.ui.shell.FileDialogs;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Reports: the backtest's RPI and hit rate against w per placement, and the A/B analysis. */
public final class ReportsView extends VBox {

    public ReportsView(ReportsViewModel model, FileDialogs dialogs) {
        Label title = new Label("Reports");
        title.getStyleClass().add("view-title");
        Label summary = new Label();
        summary.setId("backtestSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());

        Button run = new Button("Run backtest");
        run.setId("runBacktest");
        DefaultAction.of(run, this);
        run.setOnAction(e -> model.runBacktest());
        Label warning = HidingLabel.of("backtestWarning", "warning-text", model.warningProperty());
        Label provenance = new Label();
        provenance.setId("backtestProvenance");
        provenance.setWrapText(true);
        provenance.textProperty().bind(model.provenanceProperty());
        provenance.visibleProperty().bind(model.provenanceProperty().isNotEmpty());
        provenance.managedProperty().bind(provenance.visibleProperty());
        provenance.getStyleClass().add("subtle");
        model.staleProperty().addListener((o, was, isStale) -> {
            provenance.getStyleClass().removeAll("subtle", "warning-text");
            provenance.getStyleClass().add(isStale ? "warning-text" : "subtle");
        });
        Label chosen = new Label();
        chosen.setId("chosenSettings");
        chosen.setWrapText(true);
        chosen.textProperty().bind(model.chosenSettingsProperty());
        chosen.visibleProperty().bind(model.chosenSettingsProperty().isNotEmpty());
        chosen.managedProperty().bind(chosen.visibleProperty());

        Button use = new Button("Use these settings");
        use.setId("useChosenW");
        use.setTooltip(new Tooltip(
                "Save every setting the validation periods chose into the active profile"));
        use.disableProperty().bind(Bindings.not(model.hasChoiceProperty()).or(model.activeUsesChoiceProperty()));
        use.setOnAction(e -> model.useChosenSettings());
        Button png = new Button("Export PNG…");
        png.setId("exportPng");
        png.disableProperty().bind(Bindings.not(model.hasReportProperty()));
        png.setOnAction(e -> dialogs.chooseSaveFile(getScene().getWindow(), "backtest.png").ifPresent(model::exportPng));
        Button csv = new Button("Export CSV…");
        csv.setId("exportCsv");
        csv.disableProperty().bind(Bindings.not(model.hasReportProperty()));
        csv.setOnAction(e -> dialogs.chooseSaveFile(getScene().getWindow(), "backtest.csv").ifPresent(model::exportCsv));

        ImageView cart = chart("cartChart", model.cartChartProperty(), model.cartNoteProperty());
        Label cartNote = chartNote("cartNote", model.cartNoteProperty());
        ImageView confirmation = chart("confirmationChart", model.confirmationChartProperty(),
                model.confirmationNoteProperty());
        Label confirmationNote = chartNote("confirmationNote", model.confirmationNoteProperty());

        TableView<ReportsViewModel.Row> table = new TableView<>(model.rows());
        table.setId("backtestTable");
        table.setPlaceholder(new Label("No backtest yet."));
        table.getColumns().add(Columns.text("Placement", ReportsViewModel.Row::placement, 95));
        TableColumn<ReportsViewModel.Row, String> policy =
                Columns.text("Policy", ReportsViewModel.Row::policy);
        // wide enough for "with category backoff (same as chosen)"
        policy.setPrefWidth(280);
        table.getColumns().add(policy);
        table.getColumns().add(Columns.text("w", ReportsViewModel.Row::w, 45));
        table.getColumns().add(Columns.text("Impressions", r -> String.format("%,d", r.impressions()), 95));
        table.getColumns().add(Columns.text("Hits", r -> String.format("%,d", r.hits()), 60));
        table.getColumns().add(Columns.text("Hit rate", ReportsViewModel.Row::hitRate, 75));
        table.getColumns().add(Columns.text("RPI", ReportsViewModel.Row::rpi, 75));
        table.getColumns().add(Columns.text("RPI 95 % interval", ReportsViewModel.Row::rpiInterval, 130));
        table.getColumns().add(Columns.text("Avg accepted price", ReportsViewModel.Row::avgAcceptedPrice, 145));
        table.getColumns().add(Columns.text("AOV lift", ReportsViewModel.Row::aovLift, 80));
        table.getColumns().add(Columns.text("Coverage", ReportsViewModel.Row::coverage));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(240);

        Label lengthsTitle = new Label("Shorter lists");
        lengthsTitle.getStyleClass().add("section-title");
        Label lengthsHint = new Label("The chosen ranking against \"customers also bought\" on the test period, had"
                + " every list held only its first n recommendations: what a list's length trades between revenue per"
                + " impression and per order. The lengths shown are set in Weighting (cart list length, confirmation"
                + " length).");
        lengthsHint.setWrapText(true);
        lengthsHint.getStyleClass().add("subtle");
        TableView<ReportsViewModel.LengthRow> lengths = new TableView<>(model.lengthRows());
        lengths.setId("listLengthTable");
        lengths.setPlaceholder(new Label("No figures by list length: run the backtest."));
        lengths.getColumns().add(Columns.text("Placement", ReportsViewModel.LengthRow::placement, 95));
        lengths.getColumns().add(Columns.text("First n", ReportsViewModel.LengthRow::length, 85));
        lengths.getColumns().add(Columns.text("RPI", ReportsViewModel.LengthRow::rpi, 85));
        lengths.getColumns().add(Columns.text("Popularity's RPI", ReportsViewModel.LengthRow::popularityRpi, 125));
        lengths.getColumns().add(Columns.text("Ratio", ReportsViewModel.LengthRow::ratio, 70));
        lengths.getColumns().add(Columns.text("AOV lift", ReportsViewModel.LengthRow::aovLift, 80));
        TableColumn<ReportsViewModel.LengthRow, String> popularityLift =
                Columns.text("Popularity's AOV lift", ReportsViewModel.LengthRow::popularityAovLift);
        popularityLift.setMinWidth(160);
        lengths.getColumns().add(popularityLift);
        lengths.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lengths.setMaxWidth(900);
        lengths.setPrefHeight(220);

        Label abTitle = new Label("A/B test of the confirmation layer");
        abTitle.getStyleClass().add("section-title");
        Button importExperiment = new Button("Import experiment…");
        importExperiment.setId("importExperiment");
        importExperiment.setOnAction(e -> dialogs.chooseExperimentFile(getScene().getWindow())
                .ifPresent(model::analyseExperiment));
        Label ab = new Label();
        ab.setId("abSummary");
        ab.setWrapText(true);
        ab.textProperty().bind(model.abSummaryProperty());
        ImageView abChart = chart("abChart", model.abChartProperty(), new ReadOnlyStringWrapper("").getReadOnlyProperty());

        getChildren().addAll(title, provenance, summary, warning, chosen, new HBox(10, run, use, png, csv),
                new FlowPane(12, 12, cart, cartNote, confirmation, confirmationNote),
                table, lengthsTitle, lengthsHint, lengths, abTitle, new HBox(10, importExperiment), ab, abChart);
        setSpacing(10);
        setPadding(new Insets(16));
        setId("reportsView");
    }

    /** A note shown in place of a chart while {@code text} says why there is none. */
    private static Label chartNote(String id, ReadOnlyStringProperty text) {
        Label note = new Label();
        note.setId(id);
        note.setWrapText(true);
        // the flow pane's minimum width is its widest child's preferred width, which for a label is its
        // text on one line: a long note would widen the whole view past the window
        note.setPrefWidth(ReportCharts.WIDTH);
        note.setMaxWidth(ReportCharts.WIDTH);
        note.textProperty().bind(text);
        note.visibleProperty().bind(text.isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    /**
     * A chart's place: it takes room only while it shows a chart (none before a backtest) and no
     * note stands in for it.
     */
    private static ImageView chart(String id, ReadOnlyObjectProperty<Image> image, ReadOnlyStringProperty noteInstead) {
        ImageView view = new ImageView();
        view.setId(id);
        view.setFitWidth(ReportCharts.WIDTH);
        view.setFitHeight(ReportCharts.HEIGHT);
        view.setPreserveRatio(true);
        view.imageProperty().bind(image);
        view.visibleProperty().bind(noteInstead.isEmpty().and(view.imageProperty().isNotNull()));
        view.managedProperty().bind(view.visibleProperty());
        return view;
    }
}

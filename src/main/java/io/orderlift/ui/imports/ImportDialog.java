package io.orderlift.ui.imports;

import java.util.ArrayList;
import java.util.List;

import io.orderlift.store.csv.TextEncoding;
import io.orderlift.store.imports.ImportFormat;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderField;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Import orders: the first rows of the file and how its columns map to Orderlift's fields, shown
 * before anything is written. Returns the {@link ImportRequest} to run, or nothing on cancel.
 */
public final class ImportDialog extends Dialog<ImportRequest> {

    /** The button that starts the import. */
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    public ImportDialog(Window owner, ImportViewModel model) {
        initOwner(owner);
        setTitle("Import orders");
        setHeaderText("Import " + model.file().getFileName() + " — check the columns before anything is written");
        setResizable(true);

        ChoiceBox<ImportFormat> format = new ChoiceBox<>();
        format.setId("formatChoice");
        format.getItems().setAll(ImportFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImportFormat f) {
                return f == null ? "" : f == ImportFormat.GENERIC ? "Generic CSV" : "Shopify orders export";
            }

            @Override
            public ImportFormat fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(model.formatProperty());

        GridPane mapping = new GridPane();
        mapping.setHgap(8);
        mapping.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // field names are never cut short
        mapping.getColumnConstraints().add(labels);
        int row = 0;
        for (OrderField field : OrderField.values()) {
            ComboBox<String> column = new ComboBox<>();
            column.setId("column-" + field.key());
            column.setPrefWidth(200);
            column.getItems().setAll(choices(model.header()));
            model.header().addListener((ListChangeListener<String>) c -> {
                String chosen = model.columnProperty(field).get();
                column.getItems().setAll(choices(model.header()));
                column.setValue(chosen);
            });
            column.valueProperty().bindBidirectional(model.columnProperty(field));
            Label name = new Label(field.key() + (field.required() ? " *" : ""));
            mapping.addRow(row++, name, column);
        }

        TableView<List<String>> preview = new TableView<>(model.rows());
        preview.setId("previewTable");
        preview.setPrefSize(620, 320);
        model.header().addListener((ListChangeListener<String>) c -> rebuildColumns(preview, model.header()));
        rebuildColumns(preview, model.header());

        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("previewProblems");
        problems.setPrefHeight(120);
        problems.setPlaceholder(new Label("No problems in the first rows."));
        // each problem in full: wrapped to the list's width, never cut at its edge
        problems.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });

        Label status = new Label();
        status.setId("previewStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        CheckBox skip = new CheckBox("Skip bad rows (they are reported and kept in the import record)");
        skip.setId("skipBadRows");
        skip.selectedProperty().bindBidirectional(model.skipBadRowsProperty());
        CheckBox replace = new CheckBox("Replace orders already in the store whose content differs, and remove those"
                + " the file marks cancelled or refunded");
        replace.setId("replaceOrders");
        replace.selectedProperty().bindBidirectional(model.replaceProperty());

        TextField dates = new TextField();
        dates.setId("dateFormat");
        dates.setPromptText("ISO-8601");
        dates.setPrefWidth(200);
        dates.setTooltip(new Tooltip("How the file writes order times, when not ISO-8601"
                + " (2025-03-01 14:05):\nM/d/yyyy H:mm reads 12/1/2010 8:26; dd.MM.yyyy HH:mm reads 01.12.2010 08:26."
                + "\nTimes without an offset are UTC."));
        dates.textProperty().bindBidirectional(model.dateFormatProperty());
        // the formats that read the previewed dates, one under the other in the field's width
        VBox suggested = new VBox(4);
        suggested.setMaxWidth(dates.getPrefWidth());
        model.dateFormatSuggestions().addListener((ListChangeListener<String>) c ->
                suggested.getChildren().setAll(dateFormatButtons(model)));

        VBox dateRow = new VBox(4, dates, suggested);
        dateRow.setMaxWidth(dates.getPrefWidth());
        mapping.addRow(row++, new Label("date format"), dateRow);
        mapping.addRow(row, new Label("encoding"), encodingChoice(model));

        VBox left = new VBox(8, labelled("Format", format), new Label("Columns (* required)"), mapping);
        Label rowsHeading = new Label();
        rowsHeading.setId("previewHeading");
        rowsHeading.textProperty().bind(model.rowsHeadingProperty());
        VBox right = new VBox(8, rowsHeading, preview, status, problems);
        HBox body = new HBox(16, left, right);
        VBox content = new VBox(12, body, skip, replace);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().setId("importDialog");
        getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        getDialogPane().lookupButton(IMPORT).disableProperty().bind(Bindings.not(model.canImportProperty()));
        setResultConverter(button -> button == IMPORT ? model.request() : null);
        model.refresh(true);
    }

    /**
     * One button per format that reads the previewed dates: "Use M/d/yyyy H:mm", or "Month first
     * M/d/yyyy" and "Day first d/M/yyyy" when the rows read either way.
     */
    private static List<Button> dateFormatButtons(ImportViewModel model) {
        List<String> formats = model.dateFormatSuggestions();
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < formats.size(); i++) {
            String pattern = formats.get(i);
            Button use = new Button(formats.size() == 1 ? "Use " + pattern
                    : (i == 0 ? "Month first: " : "Day first: ") + pattern);
            use.setId("useDateFormat" + i);
            use.setMaxWidth(Double.MAX_VALUE);
            use.setTooltip(new Tooltip("Read the file's order times as " + pattern));
            use.setOnAction(e -> model.dateFormatProperty().set(pattern));
            buttons.add(use);
        }
        return buttons;
    }

    /** The encodings a merchant meets in exports; detecting reads UTF-8, or Windows-1252 when the file is not. */
    private static ComboBox<TextEncoding> encodingChoice(ImportViewModel model) {
        ComboBox<TextEncoding> choice = new ComboBox<>();
        choice.setId("encoding");
        choice.setPrefWidth(200);
        choice.getItems().add(TextEncoding.DETECT);
        for (String name : ENCODINGS) {
            choice.getItems().add(TextEncoding.of(name));
        }
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(TextEncoding e) {
                return e == null ? "" : e.detect() ? "Detect" : e.charset().name();
            }

            @Override
            public TextEncoding fromString(String s) {
                return null;
            }
        });
        choice.valueProperty().bindBidirectional(model.encodingProperty());
        choice.setTooltip(new Tooltip("How the file's bytes become text. Most exports are"
                + " UTF-8; Excel on Windows saves plain CSV as Windows-1252,\nwhich Detect recognises. Choose another"
                + " when titles show the wrong letters."));
        return choice;
    }

    /** Encodings offered besides detecting: Unicode, Western, Central and Eastern European, Japanese. */
    private static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "ISO-8859-15",
            "windows-1250", "windows-1251", "Shift_JIS");

    private static List<String> choices(List<String> header) {
        List<String> all = new ArrayList<>();
        all.add(ImportViewModel.NOT_IN_FILE);
        header.forEach(h -> all.add(h.strip()));
        return all;
    }

    private static Node labelled(String text, Node node) {
        return new HBox(8, new Label(text), node);
    }

    private static void rebuildColumns(TableView<List<String>> table, List<String> header) {
        table.getColumns().clear();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(header.get(i));
            column.setCellValueFactory(c -> new SimpleStringProperty(
                    index < c.getValue().size() ? c.getValue().get(index) : ""));
            column.setSortable(false);
            table.getColumns().add(column);
        }
    }
}

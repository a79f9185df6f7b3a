package io.orderlift.ui.imports;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.orderlift.common.Counted;
import io.orderlift.store.csv.TextEncoding;
import io.orderlift.store.imports.ColumnMapping;
import io.orderlift.store.imports.DateFormat;
import io.orderlift.store.imports.ImportFormat;
import io.orderlift.store.imports.ImportPreview;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderField;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.ErrorDialogs;
import io.orderlift.ui.common.Tasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import dialog's state: the file, its format, which column holds each field, a preview of
 * the first rows as the importer reads them, and the options. Nothing is written until the
 * dialog returns {@link #request()}.
 */
public final class ImportViewModel {

    /** Rows shown in the preview. */
    public static final int PREVIEW_ROWS = 20;
    /** The choice meaning "this field is not in the file". */
    public static final String NOT_IN_FILE = "";

    private final Path file;
    private final Executor executor;
    private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(ImportFormat.GENERIC);
    private boolean formatRecognised;
    private final Map<OrderField, StringProperty> columns = new EnumMap<>(OrderField.class);
    private final ObservableList<String> header = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** Date formats that read every previewed order time that is not ISO, offered while none is given. */
    private final ObservableList<String> dateFormatSuggestions = FXCollections.observableArrayList();
    /** One read-only view of them: a listener on a view held by nobody else would be collected with it. */
    private final ObservableList<String> dateFormatSuggestionsView =
            FXCollections.unmodifiableObservableList(dateFormatSuggestions);
    private final BooleanProperty skipBadRows = new SimpleBooleanProperty(false);
    private final BooleanProperty replace = new SimpleBooleanProperty(false);
    /** The file's date format when it is not ISO-8601 ({@code --date-format}); empty for ISO. */
    private final StringProperty dateFormat = new SimpleStringProperty("");
    private final BooleanBinding dateFormatValid = Bindings.createBooleanBinding(
            () -> dateFormatProblem(dateFormat.get()).isEmpty(), dateFormat);
    /** How the file's bytes become text ({@code --encoding}); detected by default. */
    private final ObjectProperty<TextEncoding> encoding = new SimpleObjectProperty<>(TextEncoding.DETECT);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Reading the first rows…");
    private final ReadOnlyStringWrapper rowsHeading = new ReadOnlyStringWrapper(heading(PREVIEW_ROWS));
    private final BooleanBinding requiredMapped;
    private boolean updating;

    public ImportViewModel(Path file, Executor executor) {
        this.file = file;
        this.executor = executor;
        for (OrderField field : OrderField.values()) {
            StringProperty column = new SimpleStringProperty(NOT_IN_FILE);
            column.addListener((obs, old, now) -> {
                if (!updating) {
                    refresh(false);
                }
            });
            columns.put(field, column);
        }
        format.addListener((obs, old, now) -> refresh(true));
        dateFormat.addListener((obs, old, now) -> refresh(false));
        encoding.addListener((obs, old, now) -> refresh(false));
        requiredMapped = Bindings.createBooleanBinding(() -> columns.entrySet().stream()
                .allMatch(e -> !e.getKey().required() || !isBlank(e.getValue().get())),
                columns.values().toArray(new StringProperty[0])).and(dateFormatValid);
    }

    /** Reads the preview again; with {@code defaults} the format's own column names are used. */
    public void refresh(boolean defaults) {
        Optional<String> badDates = dateFormatProblem(dateFormat.get());
        if (badDates.isPresent()) {
            dateFormatSuggestions.clear();
            problems.setAll(badDates.get());
            status.set("The date format cannot be used.");
            return;
        }
        ImportRequest request = defaults ? baseRequest() : request();
        status.set("Reading the first rows…");
        Tasks.create("Preview", monitor -> new OrderImporter().preview(request, PREVIEW_ROWS))
                .onSuccess(preview -> show(preview, defaults))
                .onError(e -> {
                    rows.clear();
                    dateFormatSuggestions.clear();
                    problems.setAll(ErrorDialogs.describe(e));
                    status.set("The file cannot be read.");
                    rowsHeading.set("No rows read");
                })
                .run(executor);
    }

    private void show(ImportPreview preview, boolean defaults) {
        if (!formatRecognised) {
            // the file's own layout is chosen once, when it is first read; the user may change it after
            formatRecognised = true;
            ImportFormat recognised = ImportFormat.detect(preview.header()).orElse(format.get());
            if (recognised != format.get()) {
                format.set(recognised);
                return;
            }
        }
        updating = true;
        boolean offered = false;
        try {
            header.setAll(preview.header());
            if (defaults) {
                columns.forEach((field, column) -> column.set(preview.columns().getOrDefault(field, NOT_IN_FILE)));
                offered = preview.columns().entrySet().stream().anyMatch(e -> !ColumnMapping.normalise(e.getValue())
                        .equals(ColumnMapping.normalise(format.get().defaultColumn(e.getKey()))));
            }
        } finally {
            updating = false;
        }
        if (offered) {
            // columns offered by other exports' names: the rows and problems shown are read with them
            refresh(false);
            return;
        }
        rows.setAll(preview.rows());
        dateFormatSuggestions.setAll(dateFormat.get().isBlank() ? preview.dateFormats() : List.of());
        problems.setAll(preview.problems().stream().map(p -> p.describe(file.getFileName().toString())).toList());
        status.set(summary(preview));
        rowsHeading.set(heading(preview.rows().size()));
    }

    /** "The first 20 rows read cleanly.", "3 problems in the first 20 rows.", and how the text was read when not UTF-8. */
    private String summary(ImportPreview preview) {
        int read = preview.rows().size();
        int problemCount = preview.problems().size();
        String outcome;
        if (problemCount > 0) {
            outcome = Counted.of(problemCount, "problem") + " in " + (read == 0 ? "its header" : rowsInWords(read)) + ".";
        } else if (read == 0) {
            outcome = "The file holds no rows below its header.";
        } else {
            outcome = capitalized(rowsInWords(read)) + (read == 1 ? " reads cleanly." : " read cleanly.");
        }
        return encoding.get().fellBack(preview.encoding()) ? outcome + " The file is not UTF-8: it is read as " + preview.encoding() + "." : outcome;
    }

    /** Over the rows shown: "The first 20 rows", or all the file holds when that is fewer ("The file's 3 rows"). */
    private static String heading(int read) {
        return read == 0 ? "No rows below the header" : capitalized(rowsInWords(read));
    }

    /** "the first 20 rows", or all the file holds when that is fewer: "the file's 3 rows", "the file's one row". */
    private static String rowsInWords(int read) {
        return read == 1 ? "the file's one row"
                : read < PREVIEW_ROWS ? "the file's " + read + " rows" : "the first " + read + " rows";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private ImportRequest baseRequest() {
        return new ImportRequest(file, format.get(), Map.of(), skipBadRows.get(), replace.get(),
                DateFormat.of(dateFormat.get()), encoding.get());
    }

    /** Why {@code pattern} cannot be used as the date format; empty when it can. */
    private static Optional<String> dateFormatProblem(String pattern) {
        try {
            DateFormat.of(pattern);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The import as currently set up: every mapped field read from its chosen column. */
    public ImportRequest request() {
        Map<OrderField, String> map = new EnumMap<>(OrderField.class);
        columns.forEach((field, column) -> {
            if (!isBlank(column.get())) {
                map.put(field, column.get());
            }
        });
        return baseRequest().withColumnMap(map);
    }

    public Path file() {
        return file;
    }

    public ObjectProperty<ImportFormat> formatProperty() {
        return format;
    }

    /** The header column chosen for {@code field}, or {@link #NOT_IN_FILE}. */
    public StringProperty columnProperty(OrderField field) {
        return columns.get(field);
    }

    public ObservableList<String> header() {
        return header;
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    /**
     * The date formats that read every previewed order time that is not ISO-8601, while no format is
     * given: one, or month first and day first when the rows read either way ({@code 12/1/2010}).
     */
    public ObservableList<String> dateFormatSuggestions() {
        return dateFormatSuggestionsView;
    }

    public BooleanProperty skipBadRowsProperty() {
        return skipBadRows;
    }

    public BooleanProperty replaceProperty() {
        return replace;
    }

    /** The file's date format ({@code java.time} pattern); empty for ISO-8601. */
    public StringProperty dateFormatProperty() {
        return dateFormat;
    }

    /** How the file's bytes become text; {@link TextEncoding#DETECT} reads UTF-8, or Windows-1252 when the file is not. */
    public ObjectProperty<TextEncoding> encodingProperty() {
        return encoding;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Over the preview's rows: "The first 20 rows", or "The file's 3 rows" when it holds fewer. */
    public ReadOnlyStringProperty rowsHeadingProperty() {
        return rowsHeading.getReadOnlyProperty();
    }

    /** True when every required field has a column and the date format can be used, so the import can start. */
    public BooleanBinding canImportProperty() {
        return requiredMapped;
    }

    private static boolean isBlank(String column) {
        return column == null || column.isEmpty();
    }
}

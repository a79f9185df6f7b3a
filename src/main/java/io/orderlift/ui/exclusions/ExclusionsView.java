package io.orderlift.ui.exclusions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.orderlift.store.ExclusionKind;
import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.Findable;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/**
 * Exclusions: what is never recommended (SKUs, categories, category pairs, pairs), why, and what
 * each one removes from the mined pairs; add one with a reason, remove the selected (Delete).
 */
public final class ExclusionsView extends VBox implements Findable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final SearchableComboBox<String> first = new SearchableComboBox<>();

    public ExclusionsView(ExclusionsViewModel model) {
        ChoiceBox<ExclusionKind> kind = new ChoiceBox<>();
        kind.setId("exclusionKind");
        kind.getItems().setAll(ExclusionKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExclusionKind k) {
                return k == null ? "" : label(k);
            }

            @Override
            public ExclusionKind fromString(String text) {
                return null; // a ChoiceBox is never typed into
            }
        });
        kind.setValue(ExclusionKind.SKU);
        first.setId("exclusionFirst");
        first.setPrefWidth(300);
        SearchableComboBox<String> second = new SearchableComboBox<>();
        second.setId("exclusionSecond");
        second.setPrefWidth(300);
        first.valueProperty().bindBidirectional(model.firstChoiceProperty());
        second.valueProperty().bindBidirectional(model.secondChoiceProperty());
        Label arrow = new Label("→");
        kind.valueProperty().addListener((obs, old, now) -> choose(model, now, first, second, arrow));
        choose(model, kind.getValue(), first, second, arrow);
        TextField reason = new TextField();
        reason.setId("exclusionReason");
        reason.setPromptText("Reason (shown in the audit trail)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button add = new Button("Exclude");
        add.setId("addExclusion");
        add.setOnAction(e -> {
            model.add(kind.getValue(), first.getValue(), second.getValue(), reason.getText());
            reason.clear();
        });
        reason.setOnAction(e -> add.fire()); // Enter after the reason excludes, as the button does

        TableView<ExclusionsViewModel.Row> table = new TableView<>(model.rows());
        table.setId("exclusionsTable");
        table.setPlaceholder(new Label("Nothing is excluded. Add an exclusion above, or right-click a candidate in "
                + "the pairs browser."));
        // products are named "title (SKU)", a pair twice: Excludes gets the room the examples of Removes can spare
        table.getColumns().add(Columns.text("Kind", row -> label(row.kind()), 104));
        table.getColumns().add(Columns.longText("Excludes", ExclusionsViewModel.Row::target, 340));
        table.getColumns().add(Columns.longText("Reason", r -> r.reason() == null ? "" : r.reason(), 230));
        table.getColumns().add(Columns.text("Added", r -> WHEN.format(r.createdAt()), 130));
        table.getColumns().add(Columns.longText("Removes", ExclusionsViewModel.Row::removes, 432));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button remove = new Button("Remove exclusion");
        remove.setId("removeExclusion");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.remove(table.getSelectionModel().getSelectedItem()));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                model.remove(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        Label summary = new Label();
        summary.setId("exclusionsSummary");
        summary.textProperty().bind(model.summaryProperty());

        Label suggested = new Label();
        suggested.setId("chargeSuggestions");
        suggested.setWrapText(true);
        suggested.setMaxWidth(Double.MAX_VALUE);
        suggested.textProperty().bind(model.suggestionTextProperty());
        HBox.setHgrow(suggested, Priority.ALWAYS);
        Button excludeSuggested = new Button("Exclude them");
        excludeSuggested.setId("excludeSuggested");
        excludeSuggested.setMinWidth(Region.USE_PREF_SIZE);
        excludeSuggested.setOnAction(e -> model.excludeSuggested());
        HBox suggestion = new HBox(10, suggested, excludeSuggested);
        suggestion.setAlignment(Pos.CENTER_LEFT);
        suggestion.getStyleClass().add("warning-text");
        suggestion.visibleProperty().bind(model.suggestionTextProperty().isNotEmpty());
        suggestion.managedProperty().bind(suggestion.visibleProperty());

        Label title = new Label("Exclusions");
        title.getStyleClass().add("view-title");
        Label caption = new Label("An excluded SKU or category is never recommended. A category pair keeps the "
                + "second category away from carts holding the first; a pair keeps one candidate away from one anchor.");
        caption.setWrapText(true);
        caption.getStyleClass().add("subtle");
        getChildren().addAll(title, caption, suggestion, new HBox(8, kind, first, arrow, second, reason, add), table,
                new HBox(12, remove, summary));
        setSpacing(10);
        setPadding(new Insets(16));
        setId("exclusionsView");
    }

    /** The kind as the view names it: "SKU", "Category", "Category pair", "Pair". */
    static String label(ExclusionKind kind) {
        return switch (kind) {
            case SKU -> "SKU";
            case CATEGORY -> "Category";
            case CATEGORY_PAIR -> "Category pair";
            case PAIR -> "Pair";
        };
    }

    private static void choose(ExclusionsViewModel model, ExclusionKind kind, SearchableComboBox<String> first,
                               SearchableComboBox<String> second, Label arrow) {
        boolean categories = kind.categories();
        ObservableList<String> keys = categories ? model.categories() : model.products();
        first.setItems(keys);
        second.setItems(keys);
        first.setValue(null);
        second.setValue(null);
        first.setPromptText(categories ? "Category" : kind == ExclusionKind.PAIR ? "Anchor (SKU or title)" : "SKU or title");
        second.setPromptText(kind == ExclusionKind.CATEGORY_PAIR ? "Category kept away" : "Candidate (SKU or title)");
        boolean two = kind.twoKeys();
        second.setVisible(two);
        second.setManaged(two);
        arrow.setVisible(two);
        arrow.setManaged(two);
    }

    @Override
    public void find() {
        Findable.open(first);
    }
}

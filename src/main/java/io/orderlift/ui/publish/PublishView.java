package io.orderlift.ui.publish;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.store.PublishedVersions;
import io.orderlift.ui.common.Columns;
import io.orderlift.ui.common.DefaultAction;
import io.orderlift.ui.common.WarningLabel;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Publish: validation of what would be written, the changes since the last version, a note,
 * publish; the published versions, any one or two of them compared, one exported again.
 */
public final class PublishView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** @param openInPairs shows a product's candidates in the Pairs view (a product named as getting no list) */
    public PublishView(PublishViewModel model, Consumer<String> openInPairs) {
        Label title = new Label("Publish the rule set");
        title.getStyleClass().add("view-title");
        Label validation = new Label();
        validation.setId("publishValidation");
        validation.setWrapText(true);
        validation.textProperty().bind(model.validationProperty());
        Label warning = WarningLabel.of("publishWarning", model.warningProperty());
        HBox withoutList = withoutList(model, openInPairs);

        ListView<String> changes = new ListView<>(model.changes());
        changes.setId("publishChanges");
        changes.setPrefHeight(190);

        TextField note = new TextField();
        note.setId("publishNote");
        note.setPromptText("What changed and why (kept with the version)");
        note.textProperty().bindBidirectional(model.noteProperty());
        TextField target = new TextField();
        target.setId("publishTarget");
        target.textProperty().bindBidirectional(model.targetProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Publish the rule set to");
            chooser.setInitialFileName("ruleset.json");
            var file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.targetProperty().set(file.toPath().toString());
            }
        });
        CheckBox approvedOnly = new CheckBox("Approved pairs only");
        approvedOnly.setId("approvedOnly");
        approvedOnly.selectedProperty().bindBidirectional(model.approvedOnlyProperty());
        Button check = new Button("Check again");
        check.setOnAction(e -> model.check());
        check.disableProperty().bind(model.busyProperty());
        Button publish = new Button("Publish");
        publish.setId("publishButton");
        DefaultAction.of(publish, this);
        publish.disableProperty().bind(Bindings.not(model.canPublishProperty()));
        publish.setOnAction(e -> model.publish());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Note"), note);
        form.addRow(1, new Label("File"), new HBox(8, target, browse));
        GridPane.setHgrow(note, Priority.ALWAYS);

        TableView<PublishedVersions.Version> versions = new TableView<>(model.versions());
        versions.setId("publishedVersions");
        versions.setPlaceholder(new Label("Nothing published yet."));
        versions.getColumns().add(Columns.text("Version", v -> "v" + v.version()));
        versions.getColumns().add(Columns.text("Published", v -> WHEN.format(v.publishedAt())));
        versions.getColumns().add(Columns.text("File", PublishedVersions.Version::fileName));
        versions.getColumns().add(Columns.text("Size", v -> String.format("%,d bytes", v.sizeBytes())));
        versions.getColumns().add(Columns.text("Note", PublishedVersions.Version::note));
        versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versions.setPrefHeight(180);
        versions.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        ObservableList<PublishedVersions.Version> chosen = versions.getSelectionModel().getSelectedItems();
        Button compare = new Button("Compare");
        compare.setId("compareVersions");
        compare.setTooltip(new Tooltip("One version: what changed since the one before it. Two: what changed "
                + "from the older to the newer."));
        compare.disableProperty().bind(Bindings.isEmpty(chosen).or(Bindings.size(chosen).greaterThan(2)));
        compare.setOnAction(e -> model.compare(List.copyOf(chosen)));
        Button export = new Button("Export…");
        export.setId("exportVersion");
        export.setTooltip(new Tooltip("Write the version to a file again, exactly as it was published."));
        export.disableProperty().bind(Bindings.size(chosen).isNotEqualTo(1));
        export.setOnAction(e -> {
            PublishedVersions.Version version = chosen.get(0);
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export version " + version.version());
            chooser.setInitialFileName("ruleset-v" + version.version() + ".json");
            var file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.export(version, file.toPath());
            }
        });
        Label archive = new Label();
        archive.setId("archiveStatus");
        archive.setWrapText(true);
        archive.textProperty().bind(model.archiveStatusProperty());
        model.setOnCompared(this::showComparison);

        Label changesTitle = new Label("What changes");
        changesTitle.getStyleClass().add("section-title");
        Label versionsTitle = new Label("Published versions");
        versionsTitle.getStyleClass().add("section-title");
        // the versions' buttons and what they did head their table, so they stay in view however long
        // the text above it grows
        archive.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(archive, Priority.ALWAYS);
        HBox versionsBar = new HBox(12, versionsTitle, archive, compare, export);
        versionsBar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, validation, withoutList, warning, changesTitle, changes, form,
                new HBox(12, approvedOnly, check, publish), versionsBar, versions);
        setSpacing(10);
        setPadding(new Insets(16));
        setId("publishView");
    }

    /** What changed between two published versions, in a window of its own beside the tab. */
    private void showComparison(PublishViewModel.Comparison comparison) {
        // the counts head the window; the list holds what changed, one line each
        List<String> all = comparison.lines();
        ListView<String> lines = new ListView<>(FXCollections.observableArrayList(all.subList(1, all.size())));
        lines.setId("versionComparison");
        lines.setPrefSize(960, 420);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(comparison.title());
        dialog.setHeaderText(all.get(0));
        dialog.initOwner(getScene().getWindow());
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(lines);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    /** A link to Pairs for each most bought product without a list, where a pin gives it one; hidden when none. */
    private static HBox withoutList(PublishViewModel model, Consumer<String> openInPairs) {
        HBox links = new HBox(4);
        links.setId("withoutListLinks");
        links.setAlignment(Pos.CENTER_LEFT);
        Runnable fill = () -> {
            links.getChildren().setAll(new Label("Give them a list in Pairs:"));
            for (RuleSet.Product product : model.withoutList()) {
                Hyperlink link = new Hyperlink(product.title() == null ? product.sku() : product.title());
                link.setTooltip(new Tooltip("Open " + product.sku() + " in Pairs: pin the companions it should show"));
                link.setOnAction(e -> openInPairs.accept(product.sku()));
                links.getChildren().add(link);
            }
        };
        model.withoutList().addListener((ListChangeListener<RuleSet.Product>) change -> fill.run());
        fill.run();
        links.visibleProperty().bind(Bindings.isNotEmpty(model.withoutList()));
        links.managedProperty().bind(links.visibleProperty());
        return links;
    }
}

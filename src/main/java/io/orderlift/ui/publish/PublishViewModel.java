package io.orderlift.ui.publish;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.orderlift.ruleset.Publisher;
import io.orderlift.ruleset.RuleSetDiff;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.ui.common.ErrorDialogs;
import io.orderlift.ui.common.TaskExecutor;
import io.orderlift.ui.common.Tasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Publish view's state: what publishing now would write (validation, conformance, changes
 * since the last version), the note, the target file, and the versions kept in the store. All
 * store work runs in the background.
 */
public final class PublishViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final TaskExecutor tasks;
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final BooleanProperty approvedOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("Open a mined store to publish.");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<PublishedVersions.Version> versions = FXCollections.observableArrayList();
    private Store store;
    /** Whether the Publish view is on screen: the whole rule set is built for the check only then. */
    private boolean shown;
    /** Whether the store changed since the last check while the view was not on screen. */
    private boolean checkPending;
    private Consumer<Throwable> onError = Tasks.shownByDefault("Publishing");
    private Consumer<Publisher.Result> onPublished = r -> { };

    public PublishViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        approvedOnly.addListener((obs, old, now) -> checkWhenShown());
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    public void setOnPublished(Consumer<Publisher.Result> handler) {
        this.onPublished = handler;
    }

    /**
     * Shows {@code opened}: lists its versions at once, and checks what publishing it would write
     * now if the view is on screen, else when it is next shown. The check builds a whole rule set,
     * seconds on a large store, which the other views' loading should not wait behind.
     */
    public void load(Store opened) {
        boolean switched = opened != this.store;
        this.store = opened;
        if (switched) {
            // another store publishes to its own file and lists its own versions, never the last store's
            target.set(opened.directory().map(d -> d.resolve("ruleset.json").toString()).orElse(""));
            versions.clear();
            changes.clear();
            note.set("");
        }
        checkWhenShown();
    }

    /** Tells the model whether its view is on screen; a check the store is owed runs when it is. */
    public void setShown(boolean shown) {
        this.shown = shown;
        if (shown && checkPending) {
            check();
        }
    }

    private void checkWhenShown() {
        if (shown) {
            check();
            return;
        }
        checkPending = true;
        Store current = store;
        if (current == null) {
            return;
        }
        valid.set(false);
        validation.set("Checked when this tab is opened.");
        changes.clear();
        Tasks.create("Reading the published versions", monitor -> new PublishedVersions(current).all())
                .onSuccess(list -> {
                    if (current == store) {
                        versions.setAll(list);
                    }
                })
                .onError(onError)
                .runQuietly(tasks);
    }

    /** Builds the rule set that would be published and validates it, in the background. */
    public void check() {
        Store current = store;
        if (current == null) {
            return;
        }
        checkPending = false;
        busy.set(true);
        validation.set("Checking what would be published…");
        Tasks.create("Checking the rule set", monitor -> new Checked(current,
                        new Publisher().preview(current, note.get(), null, approvedOnly.get()),
                        new PublishedVersions(current).all()))
                .onSuccess(this::show)
                .onError(e -> {
                    busy.set(false);
                    valid.set(false);
                    validation.set(ErrorDialogs.describe(e));
                    changes.clear();
                })
                .run(tasks);
    }

    private record Checked(Store store, Publisher.Preview preview, List<PublishedVersions.Version> versions) {
    }

    private void show(Checked checked) {
        if (checked.store() != store) {
            return;
        }
        Publisher.Preview p = checked.preview();
        boolean ok = p.schemaProblems().isEmpty() && p.conformanceFailures().isEmpty();
        valid.set(ok);
        validation.set(ok
                ? String.format("Version %d is valid against the schema; its %d conformance cases replay. %,d bytes, "
                        + "%,d products, %,d anchors.", p.ruleSet().version(), p.ruleSet().conformance().size(),
                p.bytes(), p.ruleSet().products().size(), p.ruleSet().anchors().size())
                : "Not publishable: " + String.join("; ", p.schemaProblems()) + String.join("; ", p.conformanceFailures()));
        changes.setAll(describe(p.changes(), p.last()));
        versions.setAll(checked.versions());
        busy.set(false);
    }

    static List<String> describe(RuleSetDiff d, PublishedVersions.Version last) {
        List<String> lines = new ArrayList<>();
        if (d == null) {
            lines.add("Nothing published yet: this will be version 1.");
            return lines;
        }
        int pairs = d.pairsAdded() + d.pairsRemoved() + d.pairsReranked();
        lines.add(String.format("Since version %d (%s): %,d pairs added, %,d removed, %,d re-ranked%s.", last.version(),
                WHEN.format(last.publishedAt()), d.pairsAdded(), d.pairsRemoved(), d.pairsReranked(),
                pairs > d.examples().size() ? String.format("; below, the %d at the best-selling anchors",
                        d.examples().size()) : ""));
        d.settings().forEach(c -> lines.add("Setting " + c.name() + ": " + c.from() + " → " + c.to()));
        d.pinsChanged().forEach(x -> lines.add("Pin " + addedOrRemoved(x)));
        d.exclusionsChanged().forEach(x -> lines.add("Exclusion " + addedOrRemoved(x)));
        d.examples().forEach(x -> lines.add(x.inWords()));
        if (d.isEmpty()) {
            lines.add("No changes: publishing again gives the same recommendations.");
        }
        return lines;
    }

    /** "+ sku X" as "added: sku X", "- sku X" as "removed: sku X". */
    private static String addedOrRemoved(String change) {
        return (change.startsWith("+ ") ? "added: " : "removed: ") + change.substring(2);
    }

    /** Publishes to the target file in the background, then checks again. */
    public void publish() {
        Store current = store;
        Path file = Path.of(target.get().strip());
        busy.set(true);
        Tasks.create("Publishing " + file.getFileName(),
                        monitor -> new Publisher().publish(current, file, note.get(), null, approvedOnly.get()))
                .onSuccess(result -> {
                    note.set("");
                    onPublished.accept(result);
                    check();
                })
                .onError(e -> {
                    busy.set(false);
                    onError.accept(e);
                })
                .run(tasks);
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public BooleanProperty approvedOnlyProperty() {
        return approvedOnly;
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Publish is possible when the check passed, a file is named, and nothing is running. */
    public BooleanBinding canPublishProperty() {
        return Bindings.createBooleanBinding(() -> valid.get() && !busy.get() && !target.get().isBlank(),
                valid, busy, target);
    }

    public ObservableList<String> changes() {
        return changes;
    }

    public ObservableList<PublishedVersions.Version> versions() {
        return versions;
    }
}

package io.orderlift.ui.publish;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import io.orderlift.common.Counted;
import io.orderlift.ruleset.Coverage;
import io.orderlift.ruleset.Publisher;
import io.orderlift.ruleset.RuleSetDiff;
import io.orderlift.ruleset.SharedCompanions;
import io.orderlift.ruleset.VersionArchive;
import io.orderlift.ruleset.evaluator.RuleSet;
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
    /** What the versions' line says until a comparison or export. */
    static final String ARCHIVE_HINT = "Select a version to compare it with the one before it, or two to compare "
            + "them; or one to export it again.";

    private final TaskExecutor tasks;
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final BooleanProperty approvedOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("Open a mined store to publish.");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<PublishedVersions.Version> versions = FXCollections.observableArrayList();
    private final ObservableList<RuleSet.Product> withoutList = FXCollections.observableArrayList();
    private Store store;
    /** Whether the Publish view is on screen: the whole rule set is built for the check only then. */
    private boolean shown;
    /** Whether the store changed since the last check while the view was not on screen. */
    private boolean checkPending;
    private Consumer<Throwable> onError = Tasks.shownByDefault("Publishing");
    private Consumer<Publisher.Result> onPublished = r -> { };
    private Consumer<Comparison> onCompared = c -> { };
    private final ReadOnlyStringWrapper archiveStatus = new ReadOnlyStringWrapper(ARCHIVE_HINT);

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
            withoutList.clear();
            note.set("");
            archiveStatus.set(ARCHIVE_HINT);
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
        warning.set("");
        changes.clear();
        withoutList.clear();
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
        warning.set("");
        Tasks.create("Checking the rule set", monitor -> {
                    Publisher.Preview preview = new Publisher().preview(current, note.get(), null, approvedOnly.get());
                    return new Checked(current, preview, Coverage.named(preview.ruleSet()),
                            SharedCompanions.of(preview.ruleSet()), new PublishedVersions(current).all());
                })
                .onSuccess(this::show)
                .onError(e -> {
                    busy.set(false);
                    valid.set(false);
                    validation.set(ErrorDialogs.describe(e));
                    warning.set("");
                    changes.clear();
                    withoutList.clear();
                })
                .run(tasks);
    }

    /** A checked rule set, with what its lists cover and which companions they share worked out in the background as well. */
    private record Checked(Store store, Publisher.Preview preview, Coverage.Named coverage, SharedCompanions shared,
                           List<PublishedVersions.Version> versions) {
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
                        + "%s, %s.", p.ruleSet().version(), p.ruleSet().conformance().size(),
                p.bytes(), Counted.of(p.ruleSet().products().size(), "product"),
                Counted.of(p.ruleSet().anchors().size(), "anchor"))
                + checked.coverage().coverage().inWords().map(c -> "\n" + c).orElse("")
                + checked.shared().inWords().map(c -> "\n" + c).orElse("")
                : "Not publishable: " + String.join("; ", p.schemaProblems()) + String.join("; ", p.conformanceFailures()));
        warning.set(ok ? Publisher.nothingToRecommend(checked.coverage().coverage(), p.ruleSet().parameters())
                .orElse("") : "");
        withoutList.setAll(ok ? checked.coverage().withoutList() : List.of());
        changes.setAll(describe(p.changes(), p.last()));
        versions.setAll(checked.versions());
        busy.set(false);
    }

    static List<String> describe(RuleSetDiff d, PublishedVersions.Version last) {
        if (d == null) {
            return List.of("Nothing published yet: this will be version 1.");
        }
        List<String> lines = describe(d, String.format("Since version %d (%s)", last.version(),
                WHEN.format(last.publishedAt())));
        if (d.isEmpty()) {
            lines.add("No changes: publishing again gives the same recommendations.");
        }
        return lines;
    }

    /** {@code d} for a person, one line each: its counts after {@code since}, then what changed. */
    static List<String> describe(RuleSetDiff d, String since) {
        List<String> lines = new ArrayList<>();
        lines.add(since + ": " + d.countsInWords() + ".");
        lines.addAll(d.changesInWords());
        return lines;
    }

    /** Two published versions compared: a title naming them, and what changed, one line each. */
    public record Comparison(String title, List<String> lines) {
    }

    /**
     * Compares two published versions in the background (the older first, whichever order they
     * come in), or one with the version before it when {@code chosen} holds one; the result goes to
     * the comparison handler.
     */
    public void compare(List<PublishedVersions.Version> chosen) {
        Store current = store;
        if (current == null || chosen.isEmpty() || chosen.size() > 2) {
            return;
        }
        List<PublishedVersions.Version> pair = chosen.stream()
                .sorted(Comparator.comparingInt(PublishedVersions.Version::version)).toList();
        PublishedVersions.Version newer = pair.get(pair.size() - 1);
        PublishedVersions.Version older = pair.size() == 2 ? pair.get(0) : versions.stream()
                .filter(v -> v.version() < newer.version())
                .max(Comparator.comparingInt(PublishedVersions.Version::version)).orElse(null);
        if (older == null) {
            archiveStatus.set("v" + newer.version() + " is the first version: there is nothing before it to compare with.");
            return;
        }
        Tasks.create("Comparing v" + older.version() + " and v" + newer.version(), monitor -> {
            RuleSetDiff d = new VersionArchive(current).diff(older.version(), newer.version());
            List<String> lines = describe(d, String.format("From v%d (%s) to v%d (%s)", older.version(),
                    WHEN.format(older.publishedAt()), newer.version(), WHEN.format(newer.publishedAt())));
            if (d.isEmpty()) {
                lines.add("No changes: the two versions give the same recommendations.");
            }
            return new Comparison("What changed from v" + older.version() + " to v" + newer.version(), lines);
        }).onSuccess(onCompared).onError(onError).onlyWhile(() -> current == store).runQuietly(tasks);
    }

    /** Writes published version {@code version} to {@code file} again, exactly as it was published. */
    public void export(PublishedVersions.Version version, Path file) {
        Store current = store;
        if (current == null || version == null || file == null) {
            return;
        }
        Tasks.create("Exporting v" + version.version(), monitor ->
                        new VersionArchive(current).export(version.version(), file))
                .onSuccess(bytes -> archiveStatus.set(String.format("Wrote v%d to %s (%,d bytes).", version.version(),
                        file, bytes)))
                .onError(onError).onlyWhile(() -> current == store).runQuietly(tasks);
    }

    public void setOnCompared(Consumer<Comparison> handler) {
        this.onCompared = handler;
    }

    /** What the last comparison or export of a published version did, or why it could not. */
    public ReadOnlyStringProperty archiveStatusProperty() {
        return archiveStatus.getReadOnlyProperty();
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

    /** What would be published but serves nothing (no list holds an entry), or empty. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
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

    /** The most bought products that recommend nothing on their own ({@link Coverage.Named#withoutList}), as last checked. */
    public ObservableList<RuleSet.Product> withoutList() {
        return withoutList;
    }

    public ObservableList<PublishedVersions.Version> versions() {
        return versions;
    }
}

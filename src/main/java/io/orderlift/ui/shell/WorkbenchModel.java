package io.orderlift.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.orderlift.evaluation.DateWarning;
import io.orderlift.evaluation.DefaultProfiles;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.MiningSummary;
import io.orderlift.samples.BundledSamples;
import io.orderlift.store.MiningRun;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportReport;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.CatalogOnce;
import io.orderlift.ui.common.RankingSession;
import io.orderlift.ui.common.TaskRunner;
import io.orderlift.ui.common.Tasks;
import io.orderlift.ui.confirmation.ConfirmationPreviewViewModel;
import io.orderlift.ui.exclusions.ExclusionsViewModel;
import io.orderlift.ui.overview.OverviewViewModel;
import io.orderlift.ui.pairs.PairsViewModel;
import io.orderlift.ui.preview.CartPreviewViewModel;
import io.orderlift.ui.publish.PublishViewModel;
import io.orderlift.ui.reports.ReportsViewModel;
import io.orderlift.ui.weighting.WeightingViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;

/**
 * The open store and what can be done to it: open another (closing the current one), open a
 * bundled sample, import a file. All of it runs in the background; failures reach the window
 * through {@code onError}.
 */
public final class WorkbenchModel implements AutoCloseable {

    /** The heading of a failure that needed an open store. */
    private static final String NO_STORE = "No store is open";

    private final TaskRunner runner;
    private final WorkbenchSettings settings;
    private final Path dataDirectory;
    private final OverviewViewModel overview;
    private final PublishViewModel publish;
    private final ReportsViewModel reports;
    private final PairsViewModel pairs;
    private final CartPreviewViewModel preview;
    private final RankingSession session;
    private final WeightingViewModel weighting;
    private final ExclusionsViewModel exclusions;
    private final ConfirmationPreviewViewModel confirmation;
    private final ReadOnlyObjectWrapper<Store> store = new ReadOnlyObjectWrapper<>();
    private BiConsumer<String, Throwable> onError = (heading, e) -> Tasks.shownByDefault(heading).accept(e);
    private Consumer<Throwable> onOpenError = Tasks.shownByDefault("The store could not be opened");
    private Consumer<List<String>> onRecovered = notes -> { };
    private Consumer<Imported> onImported = r -> { };

    /**
     * A finished import, what its order dates mean for the backtest (stray dates, one moment), if anything, and what
     * the file's currencies mean for its prices, if anything ({@link ImportReport#currencyWarning}).
     */
    public record Imported(ImportReport report, Optional<DateWarning> dates, Optional<String> currencies) {
    }
    private Consumer<Mined> onMined = r -> { };

    /** A finished mining run, and what it did about a new store's default profile. */
    public record Mined(MiningSummary summary, DefaultProfiles.Outcome profile) {
    }

    public WorkbenchModel(TaskRunner runner, WorkbenchSettings settings, Path dataDirectory) {
        this.runner = runner;
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.overview = new OverviewViewModel(runner);
        this.publish = new PublishViewModel(runner);
        this.reports = new ReportsViewModel(runner);
        this.session = new RankingSession(runner);
        this.pairs = new PairsViewModel(runner, session);
        this.preview = new CartPreviewViewModel(runner, session);
        this.weighting = new WeightingViewModel(runner, session);
        this.exclusions = new ExclusionsViewModel(runner, session);
        this.confirmation = new ConfirmationPreviewViewModel(runner, session);
        // a kept backtest read exclusions and a profile: it says when they change under it
        session.savedProperty().addListener((o, was, now) -> backtestInputsChanged());
        session.curationChangesProperty().addListener((o, was, now) -> backtestInputsChanged());
        // a new version published (or another store's list read) is said on the overview too
        publish.versions().addListener((ListChangeListener<PublishedVersions.Version>) change -> overview.checkPublished());
        // the working profile is held against the validated settings of the backtest Reports shows
        weighting.lastBacktestProperty().bind(reports.reportProperty());
        reports.setOnProfileSaved(() -> {
            Store open = store.get();
            if (open != null) {
                session.load(open);
            }
        });
    }

    /** The curation or the profile changed: the views stating the kept backtest say again whether it is current. */
    private void backtestInputsChanged() {
        reports.recheck();
        overview.checkBacktest();
    }

    /** Where a failed import or mining goes, with a heading that says what did not happen ("The orders were not imported"). */
    public void setOnError(BiConsumer<String, Throwable> handler) {
        this.onError = handler;
    }

    /** Where a store that could not be opened or created is reported (held elsewhere, newer, not a store). */
    public void setOnOpenError(Consumer<Throwable> handler) {
        this.onOpenError = handler;
    }

    /** Where what opening a store undid of a write a crash cut short is said (rarely: docs/reliability.md). */
    public void setOnRecovered(Consumer<List<String>> handler) {
        this.onRecovered = handler;
    }

    public void setOnImported(Consumer<Imported> handler) {
        this.onImported = handler;
    }

    /**
     * Opens the store in {@code directory}, closing the current one once the new one is open; a
     * folder without a store is refused with the reason (File → New store creates one).
     */
    public void open(Path directory) {
        Tasks.create("Opening " + directory.getFileName(), monitor -> Store.open(directory))
                .onSuccess(this::show)
                .onError(this::notOpened)
                .run(runner);
    }

    /** Creates an empty store in an empty or new folder and opens it. */
    public void create(Path directory) {
        Tasks.create("Creating a store in " + directory.getFileName(), monitor -> Store.create(directory))
                .onSuccess(this::show)
                .onError(this::notOpened)
                .run(runner);
    }

    /** Opens the bundled sample store {@code name}, importing it into the data folder on first use. */
    public void openSample(String name) {
        if (!Store.exists(BundledSamples.storeDirectory(dataDirectory, name))) {
            overview.preparing(name);
        }
        Tasks.create("Preparing the sample store " + name, monitor -> {
            Path directory = BundledSamples.ensureImported(dataDirectory, name, monitor);
            return Store.openOrCreate(directory);
        }).onSuccess(this::show).onError(this::notOpened).run(runner);
    }

    /**
     * A store did not open: the overview goes back to the store that is open (it may have shown a
     * sample store being prepared), or to none, and the reason is reported.
     */
    private void notOpened(Throwable e) {
        Store open = store.get();
        if (open == null) {
            overview.clear();
        } else {
            overview.load(open);
        }
        onOpenError.accept(e);
    }

    /** Shows an already open store (tests, and after the background open). */
    public void show(Store opened) {
        Store previous = store.get();
        store.set(opened);
        if (previous != null) {
            previous.close();
        }
        opened.directory().ifPresent(settings::rememberStore);
        reload(opened);
        if (!opened.recoveredOnOpen().isEmpty()) {
            onRecovered.accept(opened.recoveredOnOpen());
        }
    }

    /**
     * Every view follows the open store as it is now: after opening it (views reset what belonged
     * to the previous store), after an import and after a mining run (views keep what the user
     * chose — anchor, cart, order — and re-read the rest).
     */
    private void reload(Store target) {
        reload(target, overview::load);
    }

    /** As {@link #reload(Store)}, the overview loaded by {@code loadOverview} (after an import: with its date check). */
    private void reload(Store target, Consumer<CatalogOnce> loadOverview) {
        session.load(target);
        CatalogOnce catalog = new CatalogOnce(target);
        loadOverview.accept(catalog);
        publish.load(target);
        reports.load(target);
        pairs.load(catalog);
        preview.load(catalog);
        exclusions.load(catalog);
        confirmation.load(target);
    }

    /** Imports into the open store, then refreshes the overview. */
    public void importOrders(ImportRequest request) {
        Store target = store.get();
        if (target == null) {
            onError.accept(NO_STORE, new IllegalStateException("Open a store before importing orders."));
            return;
        }
        Tasks.create("Importing " + request.fileName(), monitor -> {
                    ImportReport report = new OrderImporter().importFile(target, request, monitor);
                    return new Imported(report, report.unchanged() ? Optional.empty() : DateWarning.in(target),
                            OrderImporter.currencyWarning(target, report));
                })
                .onSuccess(imported -> {
                    if (store.get() == target && imported.report().unchanged()) {
                        reload(target);
                    } else if (store.get() == target) {
                        // the dates were checked with the import: not scanned twice
                        reload(target, catalog -> overview.load(catalog, imported.dates()));
                    }
                    onImported.accept(imported);
                })
                .onError(e -> onError.accept("The orders were not imported", e))
                .run(runner);
    }

    /** The settings of the open store's last mining run (as the overview last read it), or the defaults. */
    public MiningSettings lastMiningSettings() {
        MiningRun run = overview.lastMining();
        return run == null ? MiningSettings.defaults()
                : new MiningSettings(run.windowDays(), run.maxBasket(), run.minCo());
    }

    /** Mines the open store with {@code settings}, then refreshes the overview. */
    public void minePairs(MiningSettings settings) {
        Store target = store.get();
        if (target == null) {
            onError.accept(NO_STORE, new IllegalStateException("Open a store before mining it."));
            return;
        }
        Tasks.create("Mining pairs", monitor -> {
            MiningSummary summary = new MiningService().mine(target, settings, monitor);
            return new Mined(summary, DefaultProfiles.chooseIfNew(target, monitor));
        })
                .onSuccess(mined -> {
                    if (store.get() == target) {
                        reload(target);
                    }
                    onMined.accept(mined);
                })
                .onError(e -> onError.accept("Mining did not finish", e))
                .run(runner);
    }

    public void setOnMined(Consumer<Mined> handler) {
        this.onMined = handler;
    }

    public ReadOnlyObjectProperty<Store> storeProperty() {
        return store.getReadOnlyProperty();
    }

    public RankingSession session() {
        return session;
    }

    public WeightingViewModel weighting() {
        return weighting;
    }

    public ExclusionsViewModel exclusions() {
        return exclusions;
    }

    public ConfirmationPreviewViewModel confirmation() {
        return confirmation;
    }

    public CartPreviewViewModel preview() {
        return preview;
    }

    public PairsViewModel pairs() {
        return pairs;
    }

    public ReportsViewModel reports() {
        return reports;
    }

    public PublishViewModel publish() {
        return publish;
    }

    public OverviewViewModel overview() {
        return overview;
    }

    /** The user data folder (settings, bundled sample stores). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public WorkbenchSettings settings() {
        return settings;
    }

    public TaskRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        Store open = store.get();
        if (open != null) {
            open.close();
        }
    }
}

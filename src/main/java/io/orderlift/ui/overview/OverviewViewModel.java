package io.orderlift.ui.overview;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.orderlift.common.Money;
import io.orderlift.evaluation.DateWarning;
import io.orderlift.evaluation.SavedBacktests;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.ImportBatch;
import io.orderlift.store.MiningRun;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.store.StoreOverview;
import io.orderlift.store.StoreQueries;
import io.orderlift.ui.common.CatalogOnce;
import io.orderlift.ui.common.ChartImages;
import io.orderlift.ui.common.Requests;
import io.orderlift.ui.common.TaskExecutor;
import io.orderlift.ui.common.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The store overview's state: counts, date range, AOV, histograms and import history, loaded off
 * the FX thread whenever the store changes or an import finishes.
 */
public final class OverviewViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** {@link #load} calls: only the newest load's figures are shown. */
    private final Requests loads = new Requests();
    static final String NO_STORE = "No store open";
    static final String ORDERS = "Orders";
    static final String HOW_TO_OPEN = "File → Open store… or New store…, or try one under File → Open sample store";
    private final ReadOnlyStringWrapper storeName = new ReadOnlyStringWrapper(NO_STORE);
    private final ReadOnlyStringWrapper storeLocation = new ReadOnlyStringWrapper(HOW_TO_OPEN);
    private final ReadOnlyStringWrapper orders = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper ordersCaption = new ReadOnlyStringWrapper(ORDERS);
    private final ReadOnlyStringWrapper lines = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper customers = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper products = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper dateRange = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper aov = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper dateWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Image> aovHistogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> priceHistogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper miningStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backtestStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper profileStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper publishStatus = new ReadOnlyStringWrapper("");
    /** The store of the newest load, and that load (a backtest check of another state is not shown). */
    private Store shown;
    private Requests.Request shownLoad;
    private MiningRun lastMining;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper storeShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasOrders = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper miningDue = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<ImportBatch> imports = FXCollections.observableArrayList();
    private final TaskExecutor tasks;

    public OverviewViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** The overview's two histograms, drawn in the background. */
    private record Charts(byte[] aovPng, byte[] pricePng) {
    }

    /** Reloads everything from {@code store}. */
    public void load(Store store) {
        load(new CatalogOnce(store));
    }

    /**
     * Reloads everything from the catalog's store, in two steps: the figures and the import history
     * first (counts and aggregates, quick on any store), then the histograms, whose product prices
     * come from the catalog the other views share (on a store without list prices, a scan of every
     * line: 15 s and more on millions of lines, which the figures no longer wait for).
     */
    public void load(CatalogOnce catalog) {
        load(catalog, (load, overview) -> checkDates(load, catalog.store(), overview));
    }

    /**
     * As {@link #load(CatalogOnce)}, with the order dates already checked on the store as it is now
     * ({@code dates}: what an import just found in the order dates), so they are not scanned a second time.
     */
    public void load(CatalogOnce catalog, Optional<DateWarning> dates) {
        load(catalog, (load, overview) -> dateWarning.set(dates.map(DateWarning::advice).orElse("")));
    }

    /** Reloads, then once the figures show, has {@code dates} say what the order dates need saying. */
    private void load(CatalogOnce catalog, BiConsumer<Requests.Request, StoreOverview> dates) {
        Store store = catalog.store();
        Requests.Request load = loads.next();
        loading.set(true);
        aovHistogram.set(null);
        priceHistogram.set(null);
        dateWarning.set("");
        backtestStatus.set("");
        profileStatus.set("");
        publishStatus.set("");
        if (shown != store) {
            hasOrders.set(false); // until this store's figures say (a reload of the same store keeps it)
            miningDue.set(false);
        }
        shown = store;
        shownLoad = load;
        storeShown.set(true);
        storeName.set(store.name());
        storeLocation.set(store.directory().map(Object::toString).orElse("in memory"));
        Tasks.create("Reading the store overview", monitor -> new StoreQueries(store).overview())
                .onSuccess(overview -> {
                    show(overview);
                    checkBacktest();
                    drawCharts(load, catalog, overview);
                    dates.accept(load, overview);
                }).onError(e -> {
                    loading.set(false);
                    Tasks.report("Reading the store overview", e);
                }).onlyWhile(load::isNewest).run(tasks); // a slow read of a store opened before never shows
    }

    private void drawCharts(Requests.Request load, CatalogOnce catalog, StoreOverview overview) {
        Tasks.create("Drawing the order value and price charts", monitor -> {
            byte[] aovPng = ChartImages.png(OverviewCharts.histogram("Order value (AOV "
                    + new Money(overview.currency()).format(overview.aov().doubleValue()) + ")",
                    "order value", new StoreQueries(catalog.store()).orderValues()));
            byte[] pricePng = ChartImages.png(OverviewCharts.histogram("Product prices", "price",
                    catalog.entries().stream().filter(p -> p.price() != null)
                            .mapToDouble(p -> p.price().doubleValue()).toArray()));
            return new Charts(aovPng, pricePng);
        }).onSuccess(charts -> {
            aovHistogram.set(ChartImages.image(charts.aovPng()));
            priceHistogram.set(ChartImages.image(charts.pricePng()));
        }).onError(e -> Tasks.report("Drawing the order value and price charts", e))
                .onlyWhile(load::isNewest).run(tasks);
    }

    /**
     * Says so under the figures when a few orders are dated far from the rest (a 1970 or a 2099 in
     * the file), as import does: the date range above shows them, and the backtest's split by time
     * stretches over them. A scan of every order's time, so in the background like the charts.
     */
    private void checkDates(Requests.Request load, Store store, StoreOverview overview) {
        if (overview.noOrders()) {
            return;
        }
        Tasks.create("Checking the order dates", monitor -> DateWarning.in(store))
                .onSuccess(found -> dateWarning.set(found.map(DateWarning::advice).orElse("")))
                .onError(e -> Tasks.report("Checking the order dates", e))
                .onlyWhile(load::isNewest).run(tasks);
    }

    /** The store's kept backtest, if any, the profile that ranks its recommendations now, and its newest rule set. */
    private record Standing(Optional<SavedBacktests.Saved> backtest, Optional<WeightingProfile> active,
                            Optional<PublishedVersions.Version> published) {
    }

    /**
     * Says under the mining line which profile ranks the store's recommendations, what the store's kept
     * backtest found, whether the store has changed since, and which rule set it last published; the
     * workbench calls it again when the curation or the profile changes ({@link #checkPublished} after a publish).
     */
    public void checkBacktest() {
        Store store = shown;
        Requests.Request load = shownLoad;
        if (store == null) {
            return;
        }
        Tasks.create("Reading the last backtest",
                monitor -> new Standing(SavedBacktests.last(store), new Profiles(store).activeSaved(),
                        new PublishedVersions(store).newest()))
                .onSuccess(this::showStanding)
                .onError(e -> Tasks.report("Reading the last backtest", e))
                .onlyWhile(load::isNewest).runQuietly(tasks);
    }

    private void showStanding(Standing standing) {
        backtestStatus.set(standing.backtest().map(saved -> "Backtest of " + WHEN.format(saved.ranAt())
                + ": " + saved.versusPopularity() + "." + (saved.current() ? "" : " Since then " + saved.whatChanged()
                + ": run it again in Reports.") + (saved.activeUsesChosen() ? "" : " " + OTHER_SETTINGS))
                .orElse(lastMining == null ? "" : NOT_BACKTESTED));
        profileStatus.set(lastMining == null ? "" : ranking(standing.active()));
        showPublished(standing.published());
    }

    /**
     * Says again which rule set the store last published, reading only that (not the kept backtest): the
     * workbench calls it whenever the Publish tab lists the store's versions.
     */
    public void checkPublished() {
        Store store = shown;
        Requests.Request load = shownLoad;
        if (store == null) {
            return;
        }
        Tasks.create("Reading the last rule set published", monitor -> new PublishedVersions(store).newest())
                .onSuccess(this::showPublished)
                .onError(e -> Tasks.report("Reading the last rule set published", e))
                .onlyWhile(load::isNewest).runQuietly(tasks);
    }

    private void showPublished(Optional<PublishedVersions.Version> published) {
        publishStatus.set(published.map(v -> "Published version " + v.version() + " on "
                + WHEN.format(v.publishedAt()) + " to " + v.fileName() + ".").orElse(lastMining == null ? "" : NOT_PUBLISHED));
    }

    /** Said of a mined store that has published nothing yet. */
    static final String NOT_PUBLISHED = "Not published yet: Publish writes the rule set a storefront serves.";

    /** Said after the backtest's figures when the store ranks with other settings than the ones they are of. */
    static final String OTHER_SETTINGS = "The store ranks with other settings than the validated ones (Reports says"
            + " which; Use these settings applies them).";

    static final String BUILT_IN_SETTINGS = "Ranked by the built-in settings: no profile is active (Reports' Use these"
            + " settings chooses them from this store's history).";

    /** Which profile ranks the recommendations, and where its settings come from. */
    static String ranking(Optional<WeightingProfile> active) {
        return active.map(p -> "Ranked by profile " + p.name() + ", " + p.provenance() + ".").orElse(BUILT_IN_SETTINGS);
    }

    static final String NO_ORDERS = "No orders yet: Import orders reads a CSV of order lines or a Shopify orders export.";

    static final String NOT_BACKTESTED = "Not backtested yet: Reports measures what ranking by expected revenue"
            + " earns against \"customers also bought\".";

    /** Shows that no store is open (one that was being opened or prepared did not open). */
    public void clear() {
        loads.next(); // a read still running for a store shown before never shows
        shown = null;
        loading.set(false);
        storeShown.set(false);
        hasOrders.set(false);
        miningDue.set(false);
        storeName.set(NO_STORE);
        storeLocation.set(HOW_TO_OPEN);
        List.of(orders, lines, customers, products, dateRange, aov).forEach(figure -> figure.set("–"));
        ordersCaption.set(ORDERS);
        List.of(dateWarning, miningStatus, backtestStatus, profileStatus, publishStatus).forEach(text -> text.set(""));
        aovHistogram.set(null);
        priceHistogram.set(null);
        imports.clear();
        lastMining = null;
    }

    /** Shows that {@code name} is being prepared (first launch of a sample store). */
    public void preparing(String name) {
        loading.set(true);
        storeShown.set(false);
        hasOrders.set(false);
        miningDue.set(false);
        storeName.set(name);
        storeLocation.set("Importing the bundled sample store (first launch)…");
    }

    private void show(StoreOverview o) {
        orders.set(String.format("%,d", o.orders()));
        lines.set(String.format("%,d", o.lines()));
        customers.set(String.format("%,d", o.customers()));
        ordersCaption.set(ORDERS + o.guestShareInWords().map(guests -> " · " + guests).orElse(""));
        products.set(String.format("%,d", o.products()));
        dateRange.set(o.noOrders() ? "no orders yet"
                : DAY.format(o.firstOrderAt()) + " – " + DAY.format(o.lastOrderAt()));
        aov.set(o.noOrders() ? "–" : new Money(o.currency()).format(o.aov().doubleValue()));
        imports.setAll(o.imports());
        hasOrders.set(!o.noOrders());
        MiningRun run = o.lastMining();
        lastMining = run;
        miningDue.set(!o.noOrders() && (run == null
                || o.imports().stream().anyMatch(batch -> batch.importedAt().isAfter(run.startedAt()))));
        miningStatus.set(o.noOrders() ? NO_ORDERS
                : run == null ? "Not mined yet: Mine pairs computes which products are bought together."
                : String.format("Mined %s: %s%s, %d-day follow-on window%s.",
                        WHEN.format(run.startedAt()), run.pairsFromOrders(), ignored(run), run.windowDays(),
                        run.maxBasket() > 0 ? ", baskets up to " + run.maxBasket() : ""));
        loading.set(false);
    }

    /**
     * " (601 more held nothing after returns)" when the run ignored orders, so that its order count
     * reads beside the store's: cancellations and pure returns hold no item to pair.
     */
    static String ignored(MiningRun run) {
        return run.ordersEmpty() == 0 ? "" : String.format(" (%,d more held nothing after returns)", run.ordersEmpty());
    }

    /**
     * Whether mining is the store's next step: it holds orders, and no mining run counts them all (none
     * yet, or an import since the last). The overview's Enter mines only then.
     */
    public ReadOnlyBooleanProperty miningDueProperty() {
        return miningDue.getReadOnlyProperty();
    }

    /** Whether a store is shown (false before the first one opens, and while a sample store is prepared). */
    public ReadOnlyBooleanProperty storeShownProperty() {
        return storeShown.getReadOnlyProperty();
    }

    /** Whether the shown store holds orders, as its figures last read: only then is there anything to mine. */
    public ReadOnlyBooleanProperty hasOrdersProperty() {
        return hasOrders.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeNameProperty() {
        return storeName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeLocationProperty() {
        return storeLocation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ordersProperty() {
        return orders.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty linesProperty() {
        return lines.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty customersProperty() {
        return customers.getReadOnlyProperty();
    }

    /** "Orders", with the share of guest orders beside it when there are any. */
    public ReadOnlyStringProperty ordersCaptionProperty() {
        return ordersCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty productsProperty() {
        return products.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateRangeProperty() {
        return dateRange.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty aovProperty() {
        return aov.getReadOnlyProperty();
    }

    /** What import said of dates far from the rest of the history, or empty. */
    public ReadOnlyStringProperty dateWarningProperty() {
        return dateWarning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> aovHistogramProperty() {
        return aovHistogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> priceHistogramProperty() {
        return priceHistogram.getReadOnlyProperty();
    }

    /** The store's active mining run as last loaded, or null. */
    public MiningRun lastMining() {
        return lastMining;
    }

    /** What the kept backtest found and whether the store changed since; empty before the store is mined. */
    public ReadOnlyStringProperty backtestStatusProperty() {
        return backtestStatus.getReadOnlyProperty();
    }

    /** Which profile ranks the store's recommendations (empty before a mining run, when nothing is ranked). */
    /** Which rule set the store last published ("Published version 2 on 2026-12-07 02:22 to rules.json."). */
    public ReadOnlyStringProperty publishStatusProperty() {
        return publishStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileStatusProperty() {
        return profileStatus.getReadOnlyProperty();
    }

    /** When the store was last mined and with which settings, or that it never was. */
    public ReadOnlyStringProperty miningStatusProperty() {
        return miningStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObservableList<ImportBatch> imports() {
        return FXCollections.unmodifiableObservableList(imports);
    }
}

package io.orderlift.ui.shell;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.orderlift.common.Counted;
import io.orderlift.mining.Evidence;
import io.orderlift.mining.MiningSummary;
import io.orderlift.ranking.ChargeLines;
import io.orderlift.ranking.Placement;
import io.orderlift.samples.BundledSamples;
import io.orderlift.store.imports.ImportReport;
import io.orderlift.ui.common.ErrorDialogs;
import io.orderlift.ui.common.Findable;
import io.orderlift.ui.common.PairsNavigator;
import io.orderlift.ui.common.Tasks;
import io.orderlift.ui.confirmation.ConfirmationPreviewView;
import io.orderlift.ui.exclusions.ExclusionsView;
import io.orderlift.ui.imports.ImportDialog;
import io.orderlift.ui.imports.ImportViewModel;
import io.orderlift.ui.mining.MiningDialog;
import io.orderlift.ui.overview.OverviewView;
import io.orderlift.ui.pairs.PairsView;
import io.orderlift.ui.preview.CartPreviewView;
import io.orderlift.ui.publish.PublishView;
import io.orderlift.ui.reports.ReportsView;
import io.orderlift.ui.weighting.WeightingView;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.action.Action;

/**
 * The workbench's main window: the File menu, the views in tabs, and a status bar that shows the
 * running background task with its progress and a Cancel button.
 */
public final class WorkbenchWindow {

    /** Smallest size the layout is designed for. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;

    private final Stage stage;
    private final WorkbenchModel model;
    private final FileDialogs dialogs;
    private final Menu recentMenu = new Menu("Recent stores");

    public WorkbenchWindow(Stage stage, WorkbenchModel model, FileDialogs dialogs) {
        this.stage = stage;
        this.model = model;
        this.dialogs = dialogs;
        model.setOnError((heading, e) -> ErrorDialogs.show(stage, heading, e));
        // a background task given no handler of its own still reaches the person, never only the log
        Tasks.setDefaultErrorHandler((title, e) -> ErrorDialogs.show(stage,
                title + " did not finish", e));
        model.setOnImported(this::announce);
        model.setOnRecovered(this::sayRecovered);
        model.setOnMined(this::notifyMined);

        model.publish().setOnError(e -> ErrorDialogs.show(stage, "The rule set was not published", e));
        model.publish().setOnPublished(r -> Notifications.create().owner(stage).title("Published")
                .text(String.format("Version %d written to %s (%,d bytes).", r.version(), r.file(), r.bytes()))
                .showInformation());
        model.reports().setOnError(e -> ErrorDialogs.show(stage, "The report could not be made", e));
        model.reports().setOnInfo(text -> Notifications.create().owner(stage).title("Reports").text(text)
                .showInformation());
        ScrollPane reportsPane = new ScrollPane(
                new ReportsView(model.reports(), dialogs));
        reportsPane.setFitToWidth(true);
        Tab reportsTab = new Tab("Reports", reportsPane);
        model.pairs().setOnError(e -> ErrorDialogs.show(stage, "The pairs could not be shown or curated", e));
        Tab pairsTab = new Tab("Pairs", new PairsView(model.pairs(), dialogs, text -> Notifications.create()
                .owner(stage).title("Pairs").text(text).showInformation()));
        model.preview().setOnError(e -> ErrorDialogs.show(stage, "The preview could not be shown", e));
        // a product named in another view opens in Pairs, where its companions are curated
        Runnable toPairs = () -> pairsTab.getTabPane().getSelectionModel().select(pairsTab);
        PairsNavigator openInPairs = new PairsNavigator() {
            @Override
            public void anchor(String sku) {
                toPairs.run();
                model.pairs().showAnchor(sku);
            }

            @Override
            public void pair(String anchorSku, Placement placement, Evidence evidence, String candidateSku) {
                toPairs.run();
                model.pairs().showPair(anchorSku, placement, evidence, candidateSku);
            }
        };
        Tab previewTab = new Tab("Cart preview", new CartPreviewView(model.preview(), openInPairs));
        ScrollPane publishPane = new ScrollPane(new PublishView(model.publish(), openInPairs::anchor));
        publishPane.setFitToWidth(true);
        Tab publishTab = new Tab("Publish", publishPane);
        publishTab.setId("publishTab");
        publishTab.selectedProperty().addListener((obs, was, now) -> model.publish().setShown(now));
        model.session().setOnError(e -> ErrorDialogs.show(stage, "The ranking model could not be loaded", e));
        Tab weightingTab = new Tab("Weighting", new WeightingView(model.weighting(), openInPairs::anchor));
        model.exclusions().setOnError(e -> ErrorDialogs.show(stage, "The exclusions could not be changed", e));
        Tab exclusionsTab = new Tab("Exclusions", new ExclusionsView(model.exclusions()));
        model.confirmation().setOnError(e -> ErrorDialogs.show(stage, "The confirmation preview failed", e));
        Tab confirmationTab = new Tab("Confirmation", new ConfirmationPreviewView(model.confirmation(), openInPairs));
        TabPane views = new TabPane(new Tab("Overview", new OverviewView(model.overview(), this::importOrders,
                this::minePairs)), pairsTab, weightingTab, exclusionsTab, previewTab, confirmationTab, publishTab,
                reportsTab);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // every view but the overview works on the open store: greyed while none is (a store another
        // window holds, or one a newer Orderlift wrote, leaves the window without one)
        views.getTabs().stream().skip(1).forEach(tab -> tab.disableProperty().bind(model.storeProperty().isNull()));
        model.setOnOpenError(e -> {
            if (model.storeProperty().get() == null) {
                views.getSelectionModel().select(0); // the view shown last, restored for a store that did not open
            }
            ErrorDialogs.show(stage, "The store could not be opened", e);
        });
        announceChargeLines(views, exclusionsTab);
        model.exclusions().setOnChosenWithThem(() -> Notifications.create().owner(stage).title("Settings")
                .text(ChargeLines.CHOSEN_WITH_THEM + ".\nRun the backtest again and use its"
                        + " settings.")
                .action(new Action("Open Reports",
                        e -> views.getSelectionModel().select(reportsTab)))
                .showInformation());
        BorderPane root = new BorderPane(views);
        root.setTop(menuBar(views));
        root.setBottom(statusBar());

        Scene scene = new Scene(root, WindowPlacement.DEFAULT_WIDTH, WindowPlacement.DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                WorkbenchWindow.class.getResource("/io/orderlift/ui/workbench.css")).toExternalForm());
        for (int i = 0; i < views.getTabs().size() && i < 9; i++) {
            Tab tab = views.getTabs().get(i);
            KeyCombination key = KeyCombination.keyCombination("Shortcut+" + (i + 1));
            tab.setTooltip(new Tooltip(key.getDisplayText()));
            scene.getAccelerators().put(key, () -> {
                if (!tab.isDisable()) {
                    views.getSelectionModel().select(tab);
                }
            });
        }
        stage.setScene(scene);
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(MIN_WIDTH, primary.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, primary.getHeight()));
        stage.titleProperty().bind(Bindings.createStringBinding(() -> model.storeProperty().get() == null
                ? "Orderlift" : "Orderlift — " + model.storeProperty().get().name(), model.storeProperty()));
        Rectangle2D bounds = WindowPlacement.place(model.settings().windowBounds(),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(), primary);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(model.settings().wasMaximized());
        model.settings().lastView().flatMap(title -> views.getTabs().stream()
                .filter(t -> t.getText().equals(title)).findFirst()).ifPresent(views.getSelectionModel()::select);
        stage.setOnHiding(e -> {
            if (!stage.isMaximized()) {
                model.settings().rememberWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
            model.settings().rememberLayout(views.getSelectionModel().getSelectedItem().getText(), stage.isMaximized());
        });
        model.storeProperty().addListener((obs, old, now) -> refreshRecent());
        refreshRecent();
    }

    private MenuBar menuBar(TabPane views) {
        MenuItem create = new MenuItem("New store…");
        create.setId("newStore");
        create.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        create.setOnAction(e -> dialogs.chooseStoreDirectory(stage, "New store: choose an empty folder, or make one")
                .ifPresent(model::create));
        MenuItem open = new MenuItem("Open store…");
        open.setId("openStore");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> dialogs.chooseStoreDirectory(stage, "Open store: choose the store's folder (it holds "
                + "store.mv.db)").ifPresent(model::open));
        MenuItem importOrders = new MenuItem("Import orders…");
        importOrders.setId("importOrders");
        importOrders.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        importOrders.setOnAction(e -> importOrders());
        importOrders.disableProperty().bind(model.overview().storeShownProperty().not()); // as the overview's button
        Menu samples = new Menu("Open sample store");
        for (String name : BundledSamples.NAMES) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> model.openSample(name));
            samples.getItems().add(item);
        }
        MenuItem mine = new MenuItem("Mine pairs…");
        mine.setId("minePairs");
        mine.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        mine.setOnAction(e -> minePairs());
        mine.disableProperty().bind(model.overview().hasOrdersProperty().not());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        Menu file = new Menu("File", null, create, open, recentMenu, samples, new SeparatorMenuItem(), importOrders,
                mine, new SeparatorMenuItem(), quit);
        file.setId("fileMenu");
        return new MenuBar(file, editMenu(views), HelpMenu.create(stage, model.dataDirectory()));
    }

    /**
     * Undo and redo of curation, from whichever view changed it, each saying what it did; and Find,
     * which opens the search field of the view shown (Pairs, Exclusions, Cart preview, Confirmation).
     */
    private Menu editMenu(TabPane views) {
        Consumer<String> say = text -> Notifications.create().owner(stage).title("Curation")
                .text(text).showInformation();
        MenuItem undo = new MenuItem("Undo curation change");
        undo.setId("undoCuration");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.setOnAction(e -> model.session().undoCuration(say));
        MenuItem redo = new MenuItem("Redo curation change");
        redo.setId("redoCuration");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        redo.setOnAction(e -> model.session().redoCuration(say));
        undo.disableProperty().bind(model.storeProperty().isNull());
        redo.disableProperty().bind(model.storeProperty().isNull());
        MenuItem find = new MenuItem("Find…");
        find.setId("find");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.disableProperty().bind(Bindings.createBooleanBinding(() -> findableShown(views).isEmpty(),
                views.getSelectionModel().selectedItemProperty(), model.storeProperty()));
        find.setOnAction(e -> findableShown(views).ifPresent(Findable::find));
        return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), find);
    }

    /** The view shown, when it has a search field and a store is open for it to search. */
    private Optional<Findable> findableShown(TabPane views) {
        Tab shown = views.getSelectionModel().getSelectedItem();
        return shown != null && !shown.isDisable() && shown.getContent() instanceof Findable findable
                ? Optional.of(findable) : Optional.empty();
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path store : model.settings().recentStores()) {
            MenuItem item = new MenuItem(store.toString());
            item.setOnAction(e -> model.open(store));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private StatusBar statusBar() {
        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.setText("Ready");
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTask");
        cancel.setVisible(false);
        status.getRightItems().add(cancel);
        model.runner().currentProperty().addListener((obs, old, task) -> follow(status, cancel, task));
        return status;
    }

    /**
     * "Mining finished", and whether a new store's first mining chose its default profile; a warning
     * when its history could not choose one (the built-in settings then stay; Reports says why).
     */
    private void notifyMined(WorkbenchModel.Mined mined) {
        MiningSummary summary = mined.summary();
        String done = String.format("%s in %,d ms.", summary.run().pairsFromOrders(),
                summary.loadMs() + summary.mineMs() + summary.saveMs());
        Notifications notification = Notifications.create().owner(stage).title("Mining finished");
        if (mined.profile().notChosen().isPresent()) {
            // the reason is long (a stray date, a history too short): Reports shows it in full
            notification.text(done + "\nNo default profile was chosen by backtest: the built-in settings stay."
                    + "\nRun the backtest in Reports to see why.").hideAfter(Duration.seconds(20)).showWarning();
        } else {
            notification.text(done + (mined.profile().chosen().isPresent() ? String.format(Locale.ROOT,
                    "\nDefault profile chosen by backtest in %,.1f s: see Weighting.",
                    mined.profile().durationMs() / 1000.0) : "")).showInformation();
        }
    }

    private static void follow(StatusBar status, Button cancel, Task<?> task) {
        status.textProperty().unbind();
        status.progressProperty().unbind();
        if (task == null) {
            status.setText("Ready");
            status.setProgress(0);
            cancel.setVisible(false);
            return;
        }
        status.textProperty().bind(task.messageProperty());
        status.progressProperty().bind(task.progressProperty());
        cancel.setVisible(true);
        cancel.setOnAction(e -> task.cancel());
    }

    /** File → Import orders: choose a file, check the preview and mapping, then import in the background. */
    public void importOrders() {
        dialogs.chooseOrderFile(stage).ifPresent(file -> new ImportDialog(stage,
                new ImportViewModel(file, model.runner()::submitPlain)).showAndWait().ifPresent(model::importOrders));
    }

    /** Mine pairs: choose the settings (prefilled with the last run's), then mine in the background. */
    public void minePairs() {
        new MiningDialog(stage, model.lastMiningSettings()).showAndWait().ifPresent(model::minePairs);
    }

    /**
     * Says once per new set of them that SKUs look like charges rather than products (after an
     * import, or opening a store that has them), with a button to the Exclusions tab, where the
     * evidence is and one click excludes them.
     */
    private void announceChargeLines(TabPane views, Tab exclusionsTab) {
        Set<String> announced = new HashSet<>();
        model.storeProperty().addListener((obs, old, now) -> announced.clear());
        model.exclusions().suggestions().addListener((ListChangeListener<
                ChargeLines.Suggestion>) change -> {
            Set<String> now = new HashSet<>();
            change.getList().forEach(suggestion -> now.add(suggestion.sku()));
            if (now.isEmpty() || announced.containsAll(now)) {
                return;
            }
            announced.addAll(now);
            Notifications.create().owner(stage).title("Exclusions")
                    .text(ChargeLines.headline(now.size()) + ".")
                    .action(new Action("Show them",
                            e -> views.getSelectionModel().select(exclusionsTab)))
                    .showInformation();
        });
    }

    private void announce(WorkbenchModel.Imported imported) {
        ImportReport report = imported.report();
        String text = report.unchanged()
                ? report.file() + " was already imported; nothing changed."
                : String.format("%s: %s and %s imported%s%s%s%s.", report.file(), Counted.of(report.orders(), "order"),
                Counted.of(report.lines(), "line"), report.skippedRows().isEmpty() ? ""
                        : ", " + Counted.of(report.skippedRows().size(), "row") + " skipped",
                report.ordersLeftOut() == 0 ? "" : ", " + Counted.of(report.ordersLeftOut(), "order")
                        + " left out as cancelled or refunded" + (report.ordersRemoved() == 0 ? ""
                        : " (" + report.ordersRemoved() + " imported before, removed)"),
                "UTF-8".equals(report.encoding()) ? "" : " (its text read as " + report.encoding() + ")",
                report.linesKeyedByTitle() == 0 ? "" : "; " + Counted.of(report.linesKeyedByTitle(), "line")
                        + " without a SKU, keyed by title");
        Notifications notification = Notifications.create().owner(stage).title("Import finished");
        // warnings on lines of their own: the notification does not wrap its text
        String warnings = imported.dates().map(d -> "\nCheck the dates in the file:\n" + d.describe()
                .replace(", ", ",\n") + ".\nThe backtest splits the store's date range by time.").orElse("")
                + imported.currencies().map(c -> "\n" + c.replace(": ", ":\n").replace("; ", ";\n")
                .replace(". ", ".\n")).orElse("");
        if (warnings.isEmpty()) {
            notification.text(text).showInformation();
        } else {
            notification.text(text + warnings).hideAfter(Duration.seconds(30)).showWarning();
        }
    }

    /** What opening the store undid of a write a crash cut short: rare, and worth a dialog of its own. */
    private void sayRecovered(List<String> notes) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(stage);
        alert.setTitle("The store was repaired");
        alert.setHeaderText("Opening the store undid work that was interrupted");
        alert.setContentText(String.join("\n\n", notes));
        alert.getDialogPane().setId("recoveredDialog");
        alert.setResizable(true);
        alert.show();
    }

    public Stage stage() {
        return stage;
    }
}

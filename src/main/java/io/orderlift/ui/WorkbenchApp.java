package io.orderlift.ui;

import java.nio.file.Path;
import java.util.Locale;

import io.orderlift.common.Logging;
import io.orderlift.common.UserDataDirectory;
import io.orderlift.samples.BundledSamples;
import io.orderlift.store.Store;
import io.orderlift.ui.common.FxLagProbe;
import io.orderlift.ui.common.TaskRunner;
import io.orderlift.ui.shell.FileDialogs;
import io.orderlift.ui.shell.WorkbenchModel;
import io.orderlift.ui.shell.WorkbenchSettings;
import io.orderlift.ui.shell.WorkbenchWindow;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application. Opens the store named by {@code --store DIR}, else the most recent
 * store, else the bundled sample store (imported into the user data folder on first launch).
 */
public final class WorkbenchApp extends Application {

    private TaskRunner runner;
    private WorkbenchModel model;

    public static void main(String[] args) {
        launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Path dataDirectory = UserDataDirectory.get();
        if (Logging.file().isEmpty()) {
            Logging.start(dataDirectory); // launched directly (mvn javafx:run), not through Main
        }
        runner = new TaskRunner();
        WorkbenchSettings settings = new WorkbenchSettings(dataDirectory);
        model = new WorkbenchModel(runner, settings, dataDirectory);
        new WorkbenchWindow(stage, model, FileDialogs.nativeDialogs());
        var icon = WorkbenchApp.class.getResource("/orderlift/icons/orderlift.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        stage.show();
        if (Boolean.getBoolean("orderlift.fxLagProbe")) {
            reportFxLag();
        }
        Path requested = requestedStore();
        if (requested != null) {
            model.open(requested);
        } else {
            settings.recentStores().stream().filter(Store::exists).findFirst()
                    .ifPresentOrElse(model::open, () -> model.openSample(BundledSamples.DEFAULT_STORE));
        }
    }

    /**
     * With {@code -Dorderlift.fxLagProbe=true}: prints every two seconds how late the FX thread
     * answered ({@link FxLagProbe}), for measuring responsiveness in the running app.
     */
    private static void reportFxLag() {
        FxLagProbe probe = new FxLagProbe().start(5);
        Timeline report = new Timeline(new KeyFrame(Duration.seconds(2), e -> {
            FxLagProbe.Summary s = probe.summary();
            probe.reset();
            System.err.printf(Locale.ROOT, "fx-lag: pings %d, median %.1f ms, p99 %.1f ms, max %.1f ms, over 50 ms %d%n",
                    s.pings(), s.medianMs(), s.p99Ms(), s.maxMs(), s.over50Ms());
        }));
        report.setCycleCount(Animation.INDEFINITE);
        report.play();
    }

    private Path requestedStore() {
        String store = getParameters().getNamed().get("store");
        if (store == null) {
            var raw = getParameters().getRaw();
            int i = raw.indexOf("--store");
            store = i >= 0 && i + 1 < raw.size() ? raw.get(i + 1) : null;
        }
        return store == null ? null : Path.of(store);
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
        if (runner != null) {
            runner.close();
        }
    }
}

package io.orderlift.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.orderlift.TestFolders;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.TaskRunner;
import io.orderlift.ui.shell.FileDialogs;
import io.orderlift.ui.shell.WorkbenchModel;
import io.orderlift.ui.shell.WorkbenchSettings;
import io.orderlift.ui.shell.WorkbenchWindow;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The real workbench window on a given store, with file dialogs answered by the test. */
final class WorkbenchFixture implements AutoCloseable {

    final TaskRunner runner = new TaskRunner();
    final WorkbenchModel model;
    /** The test's own folder (stores, settings, exports): deleted on close. */
    private final Path data;
    private final Stage stage;

    private WorkbenchFixture(Stage stage, Store store, Path data, FileDialogs dialogs) {
        this.data = data;
        this.stage = stage;
        model = new WorkbenchModel(runner, new WorkbenchSettings(data), data);
        new WorkbenchWindow(stage, model, dialogs);
        if (store != null) {
            model.show(store);
        }
        stage.show();
    }

    /** Opens the Reports tab, runs the backtest and waits until its report is shown. */
    void runBacktest(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Reports")).queryAs(Node.class));
        robot.clickOn("#runBacktest");
        // the report is shown in one FX event: wait for its last step (the buttons enabled), then for the event to end
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.reports().hasReportProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static WorkbenchFixture show(Stage stage, Store store, Path data, FileDialogs dialogs) {
        return new WorkbenchFixture(stage, store, data, dialogs);
    }

    /** The window as it is when no store opened (one another window holds, say). */
    static WorkbenchFixture showWithoutStore(Stage stage, Path data) {
        return new WorkbenchFixture(stage, null, data, dialogs(() -> null, null, data));
    }

    /** Dialogs that answer with the given files; exports go to {@code saveFolder}. */
    static FileDialogs dialogs(Supplier<Path> orderFile, Path experiment, Path saveFolder) {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseOrderFile(Window owner) {
                return Optional.ofNullable(orderFile.get());
            }

            @Override
            public Optional<Path> chooseStoreDirectory(Window owner, String title) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseExperimentFile(Window owner) {
                return Optional.ofNullable(experiment);
            }

            @Override
            public Optional<Path> chooseSaveFile(Window owner, String name) {
                return Optional.of(saveFolder.resolve(name));
            }
        };
    }

    /**
     * A mined store of 1,000 tent orders (stakes $9 in 30 % of them, a footprint $54 in 12 %) and
     * 1,000 mug orders: stakes win on acceptance, the footprint on revenue per impression.
     */
    static Store minedTentStore(Path data) throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price,"
                + "list_price\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 300);
            String head = "O" + i + ",C" + i + "," + day + ",";
            csv.append(head).append("TENT,Tent,Tents,1,300,300\n");
            double r = random.nextDouble();
            if (r < 0.30) {
                csv.append(head).append("STAKES,Stakes,Accessories,1,9,9\n");
            } else if (r < 0.42) {
                csv.append(head).append("FOOT,Footprint,Groundsheets,1,54,54\n");
            }
            csv.append("M").append(i).append(",D").append(i).append(',').append(day).append(",MUG,Mug,Kitchen,1,12,12\n");
        }
        Path file = Files.writeString(data.resolve("orders.csv"), csv);
        Store store = Store.openOrCreate(data.resolve("shop"));
        new OrderImporter().importFile(store,
                ImportRequest.of(file), ProgressMonitor.NONE);
        new MiningService().mine(store, MiningSettings.defaults(),
                ProgressMonitor.NONE);
        return store;
    }

    @Override
    public void close() {
        // hidden first: hiding saves the window's settings into the folder about to go
        WaitForAsyncUtils.waitForAsyncFx(10_000, stage::hide);
        model.close();
        runner.close();
        TestFolders.delete(data);
    }
}

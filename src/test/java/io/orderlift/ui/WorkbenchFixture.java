package io.orderlift.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import io.orderlift.store.Store;
import io.orderlift.ui.common.TaskRunner;
import io.orderlift.ui.shell.FileDialogs;
import io.orderlift.ui.shell.WorkbenchModel;
import io.orderlift.ui.shell.WorkbenchSettings;
import io.orderlift.ui.shell.WorkbenchWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The real workbench window on a given store, with file dialogs answered by the test. */
final class WorkbenchFixture implements AutoCloseable {

    final TaskRunner runner = new TaskRunner();
    final WorkbenchModel model;

    private WorkbenchFixture(Stage stage, Store store, Path data, FileDialogs dialogs) {
        model = new WorkbenchModel(runner, new WorkbenchSettings(data), data);
        new WorkbenchWindow(stage, model, dialogs);
        model.show(store);
        stage.show();
    }

    static WorkbenchFixture show(Stage stage, Store store, Path data, FileDialogs dialogs) {
        return new WorkbenchFixture(stage, store, data, dialogs);
    }

    /** Dialogs that answer with the given files; exports go to {@code saveFolder}. */
    static FileDialogs dialogs(Supplier<Path> orderFile, Path experiment, Path saveFolder) {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseOrderFile(Window owner) {
                return Optional.ofNullable(orderFile.get());
            }

            @Override
            public Optional<Path> chooseStoreDirectory(Window owner) {
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

    @Override
    public void close() {
        model.close();
        runner.close();
    }
}

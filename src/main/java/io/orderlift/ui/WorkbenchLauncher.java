package io.orderlift.ui;

import java.nio.file.Path;

import javafx.application.Application;

/**
 * Starts the workbench from a plain class (the jar's {@code gui} command): a class-path
 * application cannot start from a main class that extends {@link Application}.
 */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    /** Opens the workbench on {@code store} (or the default choice when null) and returns when it closes. */
    public static void open(Path store) {
        String[] args = store == null ? new String[0] : new String[] {"--store=" + store.toAbsolutePath()};
        Application.launch(WorkbenchApp.class, args);
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}

package io.orderlift.ui;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.application.Application;

/**
 * Starts the workbench from a plain class (the jar's {@code gui} command): a class-path
 * application cannot start from a main class that extends {@link Application}.
 */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    /**
     * Opens the workbench on {@code store} (or the default choice when null) and returns when it closes.
     *
     * @throws IllegalArgumentException when there is no display to open it on, saying so in words
     */
    public static void open(Path store) {
        open(store, args -> Application.launch(WorkbenchApp.class, args));
    }

    /** {@link #open(Path)} with {@code launch} starting JavaFX on the arguments. */
    static void open(Path store, Consumer<String[]> launch) {
        String[] args = store == null ? new String[0] : new String[] {"--store=" + store.toAbsolutePath()};
        try {
            launch.accept(args);
        } catch (UnsupportedOperationException noDisplay) {
            // GTK's "Unable to open DISPLAY": a person reads the reason and the way out, not a stack trace
            throw new IllegalArgumentException(noDisplay(System.getenv("DISPLAY")), noDisplay);
        }
    }

    /** Why the workbench did not open without a display, and what works instead. */
    static String noDisplay(String display) {
        return "The workbench needs a graphical display and could not open one ("
                + (display == null || display.isBlank() ? "DISPLAY is not set" : "DISPLAY is " + display)
                + "). Run it in a desktop session, or under a virtual display (xvfb-run orderlift gui); every other"
                + " command works without one (orderlift --help).";
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}

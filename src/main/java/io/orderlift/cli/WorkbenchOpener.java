package io.orderlift.cli;

import java.nio.file.Path;

/**
 * Opens the desktop workbench. The command line only knows this interface; {@code io.orderlift.Main}
 * supplies the JavaFX implementation, so {@code cli} never depends on {@code ui}.
 */
@FunctionalInterface
public interface WorkbenchOpener {

    /** Opens the workbench on {@code store}, or on the last / sample store when null; returns when it closes. */
    void open(Path store);
}

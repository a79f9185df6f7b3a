package io.orderlift.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code orderlift gui}: opens the desktop workbench. */
@Command(name = "gui", header = "Open the workbench on a store (the last one, or a bundled sample store).",
        description = "Open the workbench (on DIR, else on the last store or a bundled sample store).")
final class GuiCommand implements Callable<Integer> {

    private final WorkbenchOpener opener;

    @Option(names = "--store", paramLabel = "DIR", description = "The store to open.")
    Path store;

    GuiCommand(WorkbenchOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        opener.open(store);
        return 0;
    }
}

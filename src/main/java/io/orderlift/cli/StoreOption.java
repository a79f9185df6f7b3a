package io.orderlift.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by every command that works on a store. */
final class StoreOption {

    @Option(names = "--store", required = true, paramLabel = "DIR",
            description = "The store directory (holds store.mv.db).")
    Path directory;
}

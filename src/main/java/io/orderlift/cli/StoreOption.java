package io.orderlift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.orderlift.store.Store;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --store DIR} option shared by every command that works on a store, and its opening. */
final class StoreOption {

    @Option(names = "--store", required = true, paramLabel = "DIR",
            description = "The store directory (holds store.mv.db).")
    Path directory;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Opens the existing store, saying on stderr what the open undid of a write a crash cut short. */
    Store open() {
        return told(Store.open(directory));
    }

    /** Opens the store, creating it if new, as {@link #open()}. */
    Store openOrCreate() {
        return told(Store.openOrCreate(directory));
    }

    private Store told(Store opened) {
        if (!opened.recoveredOnOpen().isEmpty()) {
            PrintWriter err = command.commandLine().getErr();
            opened.recoveredOnOpen().forEach(note -> err.println("Note: " + note));
            err.flush();
        }
        return opened;
    }
}

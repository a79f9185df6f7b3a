package io.orderlift.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The native file choosers, behind an interface so tests can answer them. */
public interface FileDialogs {

    /** Asks for an order file to import. */
    Optional<Path> chooseOrderFile(Window owner);

    /** Asks for a store directory to open (or create). */
    Optional<Path> chooseStoreDirectory(Window owner);

    /** The platform's file choosers. */
    static FileDialogs nativeDialogs() {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseOrderFile(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import orders");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Order files (*.csv, *.csv.gz)", "*.csv", "*.csv.gz"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseStoreDirectory(Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Open store (a folder; an empty one becomes a new store)");
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }
        };
    }
}

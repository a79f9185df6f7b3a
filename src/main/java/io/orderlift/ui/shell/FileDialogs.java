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

    /** Asks for a store directory to open, or for one to create a store in; {@code title} says which. */
    Optional<Path> chooseStoreDirectory(Window owner, String title);

    /** Asks for an A/B experiment results file. */
    default Optional<Path> chooseExperimentFile(Window owner) {
        return Optional.empty();
    }

    /** Asks where to save an export, suggesting {@code name}. */
    default Optional<Path> chooseSaveFile(Window owner, String name) {
        return Optional.empty();
    }

    /** The platform's file choosers. */
    static FileDialogs nativeDialogs() {
        return new FileDialogs() {
            @Override
            public Optional<Path> chooseOrderFile(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import orders");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Order files (*.csv, *.tsv, *.txt, gzipped too)", "*.csv",
                                "*.csv.gz", "*.tsv", "*.tsv.gz", "*.txt", "*.txt.gz"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseExperimentFile(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import A/B experiment results");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files (*.csv)", "*.csv"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseSaveFile(Window owner, String name) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Export");
                chooser.setInitialFileName(name);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseStoreDirectory(Window owner, String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }
        };
    }
}

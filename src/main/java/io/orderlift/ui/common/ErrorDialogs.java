package io.orderlift.ui.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import io.orderlift.common.Logging;
import io.orderlift.common.OutOfMemory;
import io.orderlift.store.StoreException;
import io.orderlift.store.imports.ImportRejectedException;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Errors as readable dialogs: the message a person can act on up front, the technical detail
 * (stack trace) one click away under "Show details", never in their face.
 */
public final class ErrorDialogs {

    private ErrorDialogs() {
    }

    /** The headline for {@code error}: its own message for expected problems, a plain sentence otherwise. */
    public static String describe(Throwable error) {
        if (OutOfMemory.in(error)) {
            return OutOfMemory.advice();
        }
        Throwable e = error;
        while ((e instanceof RuntimeException && !(e instanceof StoreException)
                && !(e instanceof ImportRejectedException) && !(e instanceof IllegalArgumentException)
                || e instanceof UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ImportRejectedException rejected && rejected.skippable()) {
            return rejected.getMessage() + "\n\nTo import the other rows, import the file again with \"Skip bad rows\""
                    + " ticked: the bad ones are then listed and kept in the store's import record.";
        }
        if (e instanceof ImportRejectedException || e instanceof StoreException || e instanceof IOException
                || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "Something went wrong: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }

    public static void show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(describe(error) + Logging.file()
                .map(f -> "\n\nThe details are in the log file " + f + ".").orElse(""));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setId("errorDialog");
        alert.setResizable(true);
        alert.show();
    }
}

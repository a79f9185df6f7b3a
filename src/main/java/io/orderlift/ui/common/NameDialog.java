package io.orderlift.ui.common;

import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.TextInputDialog;

/** Asks for a name or a short text (a profile, a sample cart, an exclusion's reason). */
public final class NameDialog {

    private NameDialog() {
    }

    /** The text entered, stripped; empty when cancelled or blank. */
    public static Optional<String> ask(Node owner, String title, String header, String label, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial == null ? "" : initial);
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setContentText(label);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}

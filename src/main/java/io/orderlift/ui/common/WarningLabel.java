package io.orderlift.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** A wrapped "⚠ …" label in the warning style that takes room only while its text says something. */
public final class WarningLabel {

    private WarningLabel() {
    }

    /** A label with {@code id} showing "⚠ " and {@code text}, hidden while {@code text} is empty. */
    public static Label of(String id, ObservableStringValue text) {
        return HidingLabel.of(id, "warning-text", Bindings.concat("⚠ ", text), text);
    }
}

package io.orderlift.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** A wrapped label that takes room only while its text says something: the views' status and warning lines. */
public final class HidingLabel {

    private HidingLabel() {
    }

    /** A label with {@code id} and {@code styleClass} showing {@code text}, hidden while it is empty. */
    public static Label of(String id, String styleClass, ObservableStringValue text) {
        return of(id, styleClass, text, text);
    }

    /** As {@link #of(String, String, ObservableStringValue)}, showing {@code shown} while {@code text} is not empty. */
    static Label of(String id, String styleClass, ObservableStringValue shown, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(shown);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}

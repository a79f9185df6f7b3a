package io.orderlift.ui.common;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.Property;
import javafx.collections.ObservableList;

/**
 * Updates that leave a view alone when nothing changed. A re-rank during a slider drag often gives
 * the same rows or the same text as before; setting them anyway makes JavaFX lay out and repaint
 * the whole table or label (a property compares strings by reference, a list never compares).
 */
public final class Updates {

    private Updates() {
    }

    /** Replaces the contents of {@code list} unless it already equals {@code items}; true when it changed. */
    public static <T> boolean replace(ObservableList<T> list, List<? extends T> items) {
        if (list.equals(items)) {
            return false;
        }
        list.setAll(items);
        return true;
    }

    /** Sets {@code property} unless it already holds an equal value. */
    public static <T> void set(Property<T> property, T value) {
        if (!Objects.equals(property.getValue(), value)) {
            property.setValue(value);
        }
    }
}

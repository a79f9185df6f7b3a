package io.orderlift.ui.common;

import javafx.scene.control.ComboBoxBase;

/** A view with one field to search in, which Edit ▸ Find (Shortcut+F) opens from the keyboard. */
public interface Findable {

    /** Moves the focus to the view's search field and opens its list, ready for typing. */
    void find();

    /** What {@link #find()} does for a searchable combo box: focus it and show its list with its search field. */
    static void open(ComboBoxBase<?> field) {
        field.requestFocus();
        field.show();
    }
}

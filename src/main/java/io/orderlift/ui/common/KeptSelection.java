package io.orderlift.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;

/**
 * Keeps a table's selection, by each row's key, across a refresh of its rows: JavaFX clears the
 * selection when the items are replaced, so after a curation, a filter or a re-rank the keyboard
 * walk (select, act, arrow down) would start again from the top.
 *
 * @param <T> the rows
 * @param <K> what identifies a row across refreshes (a SKU)
 */
public final class KeptSelection<T, K> {

    private final TableView<T> table;
    private final Function<T, K> key;
    private Set<K> selected = Set.of();
    private K focused;
    private boolean restoring;

    private KeptSelection(TableView<T> table, Function<T, K> key) {
        this.table = table;
        this.key = key;
    }

    /** Keeps {@code table}'s selection by {@code key} from now on. */
    public static <T, K> KeptSelection<T, K> of(TableView<T> table, Function<T, K> key) {
        KeptSelection<T, K> kept = new KeptSelection<>(table, key);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<T>) change -> kept.remember());
        table.getItems().addListener((ListChangeListener<T>) change -> Platform.runLater(kept::restore));
        return kept;
    }

    /** Drops what was selected, so the next rows start unselected (another anchor's rows, say). */
    public void forget() {
        selected = Set.of();
        focused = null;
    }

    /**
     * Selects and focuses the row whose key is {@code wanted}, scrolled into view with a little of what
     * precedes it, and keeps it so; false when no row has that key.
     */
    public boolean show(K wanted) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (Objects.equals(key.apply(table.getItems().get(i)), wanted)) {
                table.getSelectionModel().clearAndSelect(i);
                table.getFocusModel().focus(i);
                table.scrollTo(Math.max(0, i - 2));
                return true;
            }
        }
        return false;
    }

    private void remember() {
        if (restoring || table.getSelectionModel().getSelectedItems().isEmpty()) {
            return; // an empty selection is the refresh clearing it, not a choice to keep
        }
        Set<K> now = new LinkedHashSet<>();
        for (T row : table.getSelectionModel().getSelectedItems()) {
            if (row != null) {
                now.add(key.apply(row));
            }
        }
        selected = now;
        T focus = table.getFocusModel().getFocusedItem();
        focused = focus == null ? null : key.apply(focus);
    }

    private void restore() {
        if (selected.isEmpty() || !table.getSelectionModel().getSelectedItems().isEmpty()) {
            return;
        }
        List<Integer> rows = new ArrayList<>();
        int focus = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            K k = key.apply(table.getItems().get(i));
            if (selected.contains(k)) {
                rows.add(i);
            }
            if (Objects.equals(k, focused)) {
                focus = i;
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        restoring = true;
        try {
            for (int row : rows) {
                table.getSelectionModel().select(row);
            }
            table.getFocusModel().focus(focus >= 0 ? focus : rows.get(0));
        } finally {
            restoring = false;
        }
    }
}

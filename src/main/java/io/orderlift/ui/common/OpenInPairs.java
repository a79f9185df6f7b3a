package io.orderlift.ui.common;

import java.util.function.Consumer;
import java.util.function.Function;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;

/**
 * Opens the product of a table's row in the Pairs view, where its companions are curated: a
 * double-click on the row, or "Open in Pairs" in its context menu.
 */
public final class OpenInPairs {

    private OpenInPairs() {
    }

    /**
     * Makes {@code table}'s rows open {@code sku} of the row in Pairs through {@code open}.
     *
     * @param what the menu item's words for the row's product ("Open the best seller in Pairs")
     */
    public static <T> void on(TableView<T> table, Function<T, String> sku, String what, Consumer<String> open) {
        MenuItem item = new MenuItem(what);
        item.setOnAction(e -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                open.accept(sku.apply(selected));
            }
        });
        item.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setContextMenu(new ContextMenu(item));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                T row = rowItem(e.getPickResult().getIntersectedNode());
                if (row != null) {
                    open.accept(sku.apply(row));
                }
            }
        });
    }

    /** The item of the table row holding {@code node}, or null outside a filled row (the header, the empty space). */
    @SuppressWarnings("unchecked")
    private static <T> T rowItem(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> row) {
                return row.isEmpty() ? null : (T) row.getItem();
            }
        }
        return null;
    }
}

package io.orderlift.ui.common;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.orderlift.mining.Evidence;
import io.orderlift.ranking.AnchorEvidence;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;

/**
 * Opens the product of a table's row, or the pair behind a recommendation, in the Pairs view, where
 * companions are curated: a double-click on the row, or "Open in Pairs" in its context menu.
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
        onRows(table, what, row -> true, row -> open.accept(sku.apply(row)));
    }

    /**
     * Makes a recommendation table's rows open the pair behind each in Pairs: its strongest anchor's
     * candidates for the placement shown, the recommended product selected among them.
     */
    public static void onRecommendations(TableView<Recommendation> table, Supplier<Placement> placement,
                                         PairsNavigator pairs) {
        // a pin with no evidence of its own names no anchor: nothing to open
        onRows(table, "Open the pair in Pairs", r -> !r.anchors().isEmpty(), r -> strongestAnchor(r, placement.get())
                .ifPresent(a -> pairs.pair(a.sku(), placement.get(), Evidence.fromCli(a.evidence()), r.sku())));
    }

    /**
     * The anchor whose own pair gives {@code r} the highest acceptance, a follow-on pair first on the
     * confirmation page (the evidence of a later purchase) and a same-order one on the cart (the only
     * kind it reads); an anchor that speaks through its category only when none has a pair of its own.
     */
    static Optional<AnchorEvidence> strongestAnchor(Recommendation r, Placement placement) {
        String listed = placement == Placement.CART ? "same-order" : "follow-on";
        return r.anchors().stream().max(Comparator
                .comparing((AnchorEvidence a) -> "pair".equals(a.via()) && listed.equals(a.evidence()))
                .thenComparing(a -> "pair".equals(a.via()))
                .thenComparingDouble(AnchorEvidence::acceptance));
    }

    private static <T> void onRows(TableView<T> table, String what, Predicate<T> opens, Consumer<T> open) {
        MenuItem item = new MenuItem(what);
        item.setOnAction(e -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && opens.test(selected)) {
                open.accept(selected);
            }
        });
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            T selected = table.getSelectionModel().getSelectedItem();
            return selected == null || !opens.test(selected);
        }, table.getSelectionModel().selectedItemProperty()));
        table.setContextMenu(new ContextMenu(item));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                T row = rowItem(e.getPickResult().getIntersectedNode());
                if (row != null && opens.test(row)) {
                    open.accept(row);
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

package io.orderlift.ui.common;

import java.util.Locale;
import java.util.function.Supplier;

import io.orderlift.common.Money;
import io.orderlift.common.Percentages;
import io.orderlift.ranking.Recommendation;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** The table every preview shows its recommendations in, and their explanation for a person. */
public final class RecommendationTables {

    private RecommendationTables() {
    }

    public static TableView<Recommendation> create(ObservableList<Recommendation> items, String placeholder) {
        return create(items, placeholder, () -> Money.PLAIN);
    }

    /** The table, with prices and RPI in the store's currency. */
    public static TableView<Recommendation> create(ObservableList<Recommendation> items, String placeholder,
                                                   Supplier<Money> money) {
        TableView<Recommendation> table = new TableView<>(items);
        table.setPlaceholder(new Label(placeholder));
        // the title beside the SKU, so that two lists side by side still say what each item is
        // the product's name gets the room; a name longer than its column shows whole in a tooltip
        table.getColumns().add(Columns.longText("Product", r -> ProductLabels.named(r.title(), r.sku()), 250));
        table.getColumns().add(Columns.text("Price", r -> money.get().price(r.price()), 80));
        table.getColumns().add(Columns.text("Acceptance", r -> Percentages.of(r.acceptance()), 90));
        table.getColumns().add(Columns.text("RPI", r -> money.get().format(r.rpi()), 70));
        table.getColumns().add(Columns.text("Popularity", r -> Integer.toString(r.acceptanceRank()), 85));
        table.getColumns().add(Columns.longText("Rules", r -> String.join(", ", r.rules()), 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /**
     * The table, its placeholder following {@code placeholder} and wrapping: the text may explain an
     * empty list in a sentence or two.
     */
    public static TableView<Recommendation> create(ObservableList<Recommendation> items,
                                                   ObservableValue<String> placeholder, Supplier<Money> money) {
        TableView<Recommendation> table = create(items, "", money);
        Label label = (Label) table.getPlaceholder();
        label.setWrapText(true);
        label.setMaxWidth(420);
        label.textProperty().bind(placeholder);
        return table;
    }

    /** Hides the popularity and rules columns while {@code compact} holds (two tables side by side). */
    public static void compactWhile(TableView<Recommendation> table, BooleanExpression compact) {
        for (int column : new int[] {4, 5}) {
            table.getColumns().get(column).visibleProperty().bind(compact.not());
        }
    }

    /** Why {@code r} is recommended: its acceptance, price and RPI, the evidence behind it and the rules applied. */
    public static String explain(Recommendation r) {
        return explain(r, Money.PLAIN);
    }

    /** The explanation with its amounts in the store's currency. */
    public static String explain(Recommendation r, Money money) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s: acceptance %s × price %s = %s per impression; popularity rank %d.",
                ProductLabels.named(r.title(), r.sku()),
                Percentages.of(r.acceptance()), money.price(r.price()), money.format(r.rpi()), r.acceptanceRank()));
        r.anchors().forEach(a -> text.append(String.format(Locale.ROOT,
                "%n  %s, %s evidence %s: %s (co %d, follow %d)", a.sku(), a.evidence(), a.via(),
                Percentages.of(a.acceptance()), a.co(), a.follow())));
        if (!r.rules().isEmpty()) {
            text.append("\n  rules: ").append(String.join(", ", r.rules()));
        }
        return text.toString();
    }
}

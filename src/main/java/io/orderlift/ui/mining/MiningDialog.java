package io.orderlift.ui.mining;

import io.orderlift.mining.MiningSettings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * "Mine pairs": the follow-on window and the optional caps, prefilled with the last run's
 * settings. Returns the settings to mine with, or nothing on cancel.
 */
public final class MiningDialog extends Dialog<MiningSettings> {

    /** The button that starts mining. */
    public static final ButtonType MINE = new ButtonType("Mine", ButtonBar.ButtonData.OK_DONE);

    public MiningDialog(Window owner, MiningSettings initial) {
        initOwner(owner);
        setTitle("Mine pairs");
        setHeaderText("Count what is bought together: in one order, and by the same customer later");
        Spinner<Integer> window = spinner("windowDays", 0, 365, initial.windowDays());
        Spinner<Integer> maxBasket = spinner("maxBasket", 0, 10_000, initial.maxBasket());
        Spinner<Integer> minCo = spinner("minCo", 1, 10_000, initial.minCo());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("Follow-on window (days)"), window,
                hint("a later order of the same customer within this many days counts"));
        grid.addRow(1, new Label("Largest basket (items)"), maxBasket, hint("ignore larger orders; 0 = no cap"));
        grid.addRow(2, new Label("Keep pairs seen at least"), minCo, hint("times; 1 keeps every pair"));
        getDialogPane().setContent(grid);
        getDialogPane().setId("miningDialog");
        getDialogPane().getButtonTypes().setAll(MINE, ButtonType.CANCEL);
        setResultConverter(button -> button == MINE
                ? new MiningSettings(window.getValue(), maxBasket.getValue(), minCo.getValue()) : null);
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        return spinner;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("subtle");
        return label;
    }
}

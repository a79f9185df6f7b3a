package io.orderlift.ui.common;

import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Read-only table columns that show a text derived from the row. */
public final class Columns {

    private Columns() {
    }

    public static <R> TableColumn<R, String> text(String title, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return column;
    }

    /** A text column {@code width} pixels wide. */
    public static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = text(title, value);
        column.setPrefWidth(width);
        return column;
    }

    /**
     * A text column for texts that can be longer than the column is wide (reasons, explanations):
     * a cell shows the whole text in a tooltip.
     */
    public static <R> TableColumn<R, String> longText(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = text(title, value, width);
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();

            {
                whole.setWrapText(true);
                whole.setMaxWidth(520);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isBlank();
                setText(empty ? null : item);
                whole.setText(blank ? "" : item);
                setTooltip(blank ? null : whole);
            }
        });
        return column;
    }
}

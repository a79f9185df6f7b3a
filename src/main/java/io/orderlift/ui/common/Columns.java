package io.orderlift.ui.common;

import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;

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
}

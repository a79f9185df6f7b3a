package io.orderlift.store.imports;

/**
 * Why one input row cannot be imported.
 *
 * @param line   physical line of the file the row starts on (1-based)
 * @param column the column's header name, or empty for a problem with the whole row
 * @param value  the offending value (shortened when long)
 * @param reason what is wrong, in words a merchandiser understands
 */
public record RowProblem(long line, String column, String value, String reason) {

    private static final int MAX_VALUE_LENGTH = 80;

    public RowProblem {
        value = shorten(value == null ? "" : value);
        column = column == null ? "" : column;
    }

    private static String shorten(String value) {
        if (value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        return value.substring(0, MAX_VALUE_LENGTH) + "… (" + value.length() + " characters)";
    }

    /** One line for a person: {@code orders.csv line 12, column quantity ("x"): not a whole number}. */
    public String describe(String fileName) {
        StringBuilder text = new StringBuilder(fileName).append(" line ").append(line);
        if (!column.isEmpty()) {
            text.append(", column ").append(column);
            text.append(" (\"").append(value).append("\")");
        }
        return text.append(": ").append(reason).toString();
    }
}

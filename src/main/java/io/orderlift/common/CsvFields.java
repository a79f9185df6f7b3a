package io.orderlift.common;

/** Writing CSV fields as RFC 4180 reads them. */
public final class CsvFields {

    private CsvFields() {
    }

    /** The field as written: quoted, with quotes doubled, when it holds a comma, quote or line break. */
    public static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}

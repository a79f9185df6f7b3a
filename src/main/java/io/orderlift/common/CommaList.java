package io.orderlift.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line's values separated by commas, as {@code --items} and {@code --pair} take them: a
 * value holding a comma (or a colon, in {@code --items}) goes in double quotes, a quote in it doubled,
 * as in CSV ({@code "Soap, lavender":2}). The storefront package's command line reads {@code --items}
 * the same way (its {@code parseItems}).
 */
public final class CommaList {

    private CommaList() {
    }

    /**
     * One value of the list.
     *
     * @param value   the value without its quotes, doubled quotes undoubled; stripped when not quoted
     * @param quoted  whether it was written in quotes
     * @param after   what follows the closing quote up to the next comma, stripped ({@code ":2"}); empty
     *                when not quoted
     * @param written the entry as written, stripped, for a message
     */
    public record Entry(String value, boolean quoted, String after, String written) {
    }

    /** The entries of {@code text}; blank entries are skipped. */
    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        while (at <= text.length()) {
            int start = at;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int end;
            if (start < text.length() && text.charAt(start) == '"') {
                StringBuilder value = new StringBuilder();
                int close = closingQuote(text, start, value);
                end = nextComma(text, close + 1);
                entries.add(new Entry(value.toString(), true, text.substring(close + 1, end).strip(),
                        text.substring(start, end).strip()));
            } else {
                end = nextComma(text, start);
                String entry = text.substring(start, end).strip();
                if (!entry.isEmpty()) {
                    entries.add(new Entry(entry, false, "", entry));
                }
            }
            at = end + 1;
        }
        return entries;
    }

    /**
     * The values of {@code text} alone, as {@code --unavailable} takes SKUs (no quantities: a colon is
     * part of the SKU); a quoted value followed by anything but the comma is refused, naming the entry.
     */
    public static List<String> values(String text) {
        return parse(text).stream().map(entry -> {
            if (!entry.after().isEmpty()) {
                throw new IllegalArgumentException("'" + entry.written() + "' is not one value (a value holding a"
                        + " comma goes in double quotes, a quote in it doubled)");
            }
            return entry.value();
        }).toList();
    }

    /**
     * {@code value} as it is written in such a list: in double quotes, a quote in it doubled, when it
     * holds a comma, a colon or a quote, or begins or ends with a space (or is empty); as it is
     * otherwise. What a command prints this way can be pasted back into {@code --items} or
     * {@code --pair}: {@code parse} gives the value back.
     */
    public static String written(String value) {
        boolean plain = !value.isEmpty() && value.strip().equals(value) && value.indexOf(',') < 0
                && value.indexOf(':') < 0 && value.indexOf('"') < 0;
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The index of the quote closing the one at {@code open}; the text between, undoubled, goes to {@code value}. */
    private static int closingQuote(String text, int open, StringBuilder value) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '"') {
                value.append(c);
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                value.append('"');
                i++;
            } else {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + text.substring(open) + "' has no closing quote");
    }

    private static int nextComma(String text, int from) {
        int comma = text.indexOf(',', from);
        return comma < 0 ? text.length() : comma;
    }
}

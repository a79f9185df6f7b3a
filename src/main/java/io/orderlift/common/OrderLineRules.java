package io.orderlift.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How an order line's values are read, wherever lines are read: the store's importer and the Spark
 * mining job share these rules, so that both see the same orders, customers, SKUs and times
 * (DESIGN.md's mining rules depend on them). Each method throws {@link IllegalArgumentException}
 * with the reason, without naming the field, when a value breaks the import format.
 */
public final class OrderLineRules {

    /** The largest quantity a line may have, either way. */
    public static final int MAX_QUANTITY = 1_000_000_000;

    /** The longest order id, SKU and customer id a line may carry. */
    public static final int MAX_ORDER_ID = 200;
    public static final int MAX_SKU = 200;
    public static final int MAX_CUSTOMER_ID = 1_000;

    private OrderLineRules() {
    }

    /** An order id, SKU or customer id as compared: surrounding (Unicode) spaces trimmed. */
    public static String identifier(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * An identifier (order id, customer id, SKU) without control or invisible characters (a BOM or NUL
     * inside an id would make one order two), and not made of spaces alone; surrounding spaces trimmed.
     * {@code what} names it in the reason ("an order id").
     */
    public static String checkedIdentifier(String text, String what) {
        String s = identifier(text);
        boolean visible = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new IllegalArgumentException(String.format("holds an invisible character (U+%04X); %s must be"
                        + " plain text", (int) c, what));
            }
            visible |= !Character.isSpaceChar(c);
        }
        if (!s.isEmpty() && !visible) {
            throw new IllegalArgumentException("is only spaces; every row needs " + what);
        }
        return s;
    }

    /**
     * The identity of a customer id or email: trimmed, and an email (anything with an {@code @})
     * lower-cased, so that one person's orders meet; null for an empty id (a guest).
     */
    public static String customerIdentity(String text) {
        String id = identifier(text);
        if (id.isEmpty()) {
            return null;
        }
        return id.indexOf('@') >= 0 ? id.toLowerCase(Locale.ROOT) : id;
    }

    /** A non-zero whole number: an optional sign, then digits only. */
    public static int quantity(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty; a quantity is a non-zero whole number");
        }
        int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            throw new IllegalArgumentException("is not a whole number");
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new IllegalArgumentException("is not a whole number");
            }
        }
        if (s.length() - start > 10) {
            throw new IllegalArgumentException("is too large for a quantity");
        }
        long parsed = Long.parseLong(s.substring(start));
        if (parsed > MAX_QUANTITY) {
            throw new IllegalArgumentException("is too large for a quantity (at most " + MAX_QUANTITY + ")");
        }
        int value = (int) (s.charAt(0) == '-' ? -parsed : parsed);
        if (value == 0) {
            throw new IllegalArgumentException("is zero; a quantity is a non-zero whole number (negative for a return)");
        }
        return value;
    }

    /**
     * An ISO-8601 date or date-time as epoch milliseconds (UTC). Accepts {@code 2024-03-05},
     * {@code 2024-03-05T14:23}, {@code 2024-03-05 14:23:11}, fractions of a second, and an optional
     * offset {@code Z}, {@code +01:00}, {@code -0500} (also after a space, as Shopify writes it).
     * A time without an offset is taken as UTC.
     */
    public static long timestamp(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty; expected an ISO-8601 date or date-time");
        }
        try {
            Cursor c = new Cursor(s);
            int year = c.digits(4);
            c.expect('-');
            int month = c.digits(2);
            c.expect('-');
            int day = c.digits(2);
            if (c.atEnd()) {
                return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            char separator = c.next();
            if (separator != 'T' && separator != 't' && separator != ' ') {
                throw new IllegalArgumentException("is not an ISO-8601 date or date-time");
            }
            int hour = c.digits(2);
            c.expect(':');
            int minute = c.digits(2);
            int second = 0;
            int nanos = 0;
            if (c.peek() == ':') {
                c.next();
                second = c.digits(2);
                if (c.peek() == '.' || c.peek() == ',') {
                    c.next();
                    nanos = c.fraction();
                }
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            ZoneOffset offset = c.offset();
            return local.toInstant(offset).toEpochMilli();
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("is not a valid ISO-8601 date or date-time (e.g. 2024-03-05 or 2024-03-05T14:23:00Z)");
        }
    }

    /** A tiny left-to-right reader over a timestamp. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        char next() {
            return s.charAt(i++);
        }

        void expect(char expected) {
            if (next() != expected) {
                throw new DateTimeException("expected " + expected);
            }
        }

        int digits(int count) {
            int value = 0;
            for (int k = 0; k < count; k++) {
                char c = next();
                if (c < '0' || c > '9') {
                    throw new DateTimeException("digit expected");
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        int fraction() {
            int nanos = 0;
            int count = 0;
            while (!atEnd() && Character.isDigit(peek())) {
                char c = next();
                if (count++ < 9) {
                    nanos = nanos * 10 + (c - '0');
                }
            }
            if (count == 0) {
                throw new DateTimeException("fraction expected");
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
            return nanos;
        }

        ZoneOffset offset() {
            if (peek() == ' ') {
                next();
            }
            if (atEnd()) {
                return ZoneOffset.UTC;
            }
            char sign = next();
            if ((sign == 'Z' || sign == 'z') && atEnd()) {
                return ZoneOffset.UTC;
            }
            if (sign != '+' && sign != '-') {
                throw new DateTimeException("offset expected");
            }
            int hours = digits(2);
            int minutes = 0;
            if (!atEnd()) {
                if (peek() == ':') {
                    next();
                }
                minutes = digits(2);
            }
            if (!atEnd()) {
                throw new DateTimeException("trailing text");
            }
            int sig = sign == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sig * hours, sig * minutes);
        }
    }
}

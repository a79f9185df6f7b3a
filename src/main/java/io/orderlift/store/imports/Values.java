package io.orderlift.store.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parsers for the values of an order file, written for speed (an import parses millions) and for
 * clear reasons when a value is wrong.
 */
final class Values {

    /** Money is held as a long in units of 1/10,000. */
    static final int MONEY_SCALE = 4;
    static final long MISSING = Long.MIN_VALUE;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000};

    private Values() {
    }

    /** The largest quantity a line may have, either way. */
    static final int MAX_QUANTITY = 1_000_000_000;
    /** The largest value of a line, quantity × unit price, in units of 1/10,000 (a billion). */
    static final long MAX_LINE_VALUE = 1_000_000_000L * 10_000;

    /** A non-zero whole number: an optional sign, then digits only. */
    static int quantity(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new BadValueException("is empty; a quantity is a non-zero whole number");
        }
        int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            throw new BadValueException("is not a whole number");
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new BadValueException("is not a whole number");
            }
        }
        if (s.length() - start > 10) {
            throw new BadValueException("is too large for a quantity");
        }
        long parsed = Long.parseLong(s.substring(start));
        if (parsed > MAX_QUANTITY) {
            throw new BadValueException("is too large for a quantity (at most " + MAX_QUANTITY + ")");
        }
        int value = (int) (s.charAt(0) == '-' ? -parsed : parsed);
        if (value == 0) {
            throw new BadValueException("is zero; a quantity is a non-zero whole number (negative for a return)");
        }
        return value;
    }

    /**
     * The line's value, {@code quantity × unitPrice}, refusing one so large that sums of it would
     * overflow (a line worth more than a billion).
     */
    static long lineValue(int quantity, long unitPrice) {
        try {
            long value = Math.multiplyExact((long) quantity, unitPrice);
            if (Math.abs(value) <= MAX_LINE_VALUE) {
                return value;
            }
        } catch (ArithmeticException overflow) {
            // too large either way
        }
        throw new BadValueException("times the unit price is worth more than a billion; no line is");
    }

    /**
     * An identifier (order id, customer id, SKU) at most {@code maxLength} characters, without
     * control or invisible characters (a BOM or NUL inside an id would make one order two), and not
     * made of spaces alone; surrounding spaces are trimmed.
     */
    static String identifier(String text, int maxLength, String what) {
        String s = text.strip();
        boolean visible = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new BadValueException(String.format("holds an invisible character (U+%04X); %s must be plain"
                        + " text", (int) c, what));
            }
            visible |= !Character.isSpaceChar(c);
        }
        if (!s.isEmpty() && !visible) {
            throw new BadValueException("is only spaces; every row needs " + what);
        }
        return limited(s, maxLength, what);
    }

    /** {@code text} when at most {@code maxLength} characters, else a bad value naming the limit. */
    static String limited(String text, int maxLength, String what) {
        if (text.length() > maxLength) {
            throw new BadValueException("is " + text.length() + " characters long; " + what + " may have at most "
                    + maxLength);
        }
        return text;
    }

    /** A price ≥ 0 with at most four decimals, as units of 1/10,000; {@link #MISSING} when blank and optional. */
    static long money(String text, boolean required) {
        String s = text.strip();
        if (s.isEmpty()) {
            if (required) {
                throw new BadValueException("is empty; a price is a number ≥ 0");
            }
            return MISSING;
        }
        if (s.charAt(0) == '-') {
            throw new BadValueException("is negative; a price is a number ≥ 0");
        }
        long whole = 0;
        long fraction = 0;
        int decimals = -1;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && decimals < 0) {
                decimals = 0;
            } else if (c >= '0' && c <= '9') {
                digits++;
                if (decimals < 0) {
                    whole = whole * 10 + (c - '0');
                    if (whole > 1_000_000_000_000L) {
                        throw new BadValueException("is too large for a price");
                    }
                } else if (++decimals <= MONEY_SCALE) {
                    fraction = fraction * 10 + (c - '0');
                } else if (c != '0') {
                    throw new BadValueException("has more than " + MONEY_SCALE + " decimals");
                }
            } else {
                throw new BadValueException("is not a number (use a dot for decimals, no currency sign)");
            }
        }
        if (digits == 0) {
            throw new BadValueException("is not a number");
        }
        int used = Math.max(0, Math.min(decimals, MONEY_SCALE));
        return whole * POWERS[MONEY_SCALE] + fraction * POWERS[MONEY_SCALE - used];
    }

    /**
     * An ISO-8601 date or date-time as epoch milliseconds (UTC). Accepts {@code 2024-03-05},
     * {@code 2024-03-05T14:23}, {@code 2024-03-05 14:23:11}, fractions of a second, and an optional
     * offset {@code Z}, {@code +01:00}, {@code -0500} (also after a space, as Shopify writes it).
     * A time without an offset is taken as UTC.
     */
    static long timestamp(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new BadValueException("is empty; expected an ISO-8601 date or date-time");
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
                throw new BadValueException("is not an ISO-8601 date or date-time");
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
            throw new BadValueException("is not a valid ISO-8601 date or date-time (e.g. 2024-03-05 or 2024-03-05T14:23:00Z)");
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

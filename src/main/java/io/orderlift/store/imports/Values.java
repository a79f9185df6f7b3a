package io.orderlift.store.imports;

import io.orderlift.common.OrderLineRules;

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

    /** The largest value of a line, quantity × unit price, in units of 1/10,000 (a billion). */
    static final long MAX_LINE_VALUE = 1_000_000_000L * 10_000;

    /** A non-zero whole number (see {@link OrderLineRules#quantity}). */
    static int quantity(String text) {
        try {
            return OrderLineRules.quantity(text);
        } catch (IllegalArgumentException e) {
            throw new BadValueException(e.getMessage());
        }
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
        try {
            return limited(OrderLineRules.checkedIdentifier(text, what), maxLength, what);
        } catch (IllegalArgumentException e) {
            throw new BadValueException(e.getMessage());
        }
    }

    /** {@code text} when at most {@code maxLength} characters, else a bad value naming the limit. */
    static String limited(String text, int maxLength, String what) {
        if (text.length() > maxLength) {
            throw new BadValueException("is " + text.length() + " characters long; " + what + " may have at most "
                    + maxLength);
        }
        return text;
    }

    /**
     * A price ≥ 0 with at most four decimals, as units of 1/10,000; {@link #MISSING} when blank and
     * optional. With {@code decimalComma} (a semicolon-separated file) the decimal mark may be a
     * comma as well as a dot: {@code 12,50}.
     */
    static long money(String text, boolean required, boolean decimalComma) {
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
            if ((c == '.' || c == ',' && decimalComma) && decimals < 0) {
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
                throw new BadValueException(decimalComma
                        ? "is not a number (one decimal mark, a comma or a dot; no thousands separator or currency sign)"
                        : "is not a number (a dot for decimals; no thousands separator or currency sign)");
            }
        }
        if (digits == 0) {
            throw new BadValueException("is not a number");
        }
        int used = Math.max(0, Math.min(decimals, MONEY_SCALE));
        return whole * POWERS[MONEY_SCALE] + fraction * POWERS[MONEY_SCALE - used];
    }
}

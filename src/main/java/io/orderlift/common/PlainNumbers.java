package io.orderlift.common;

import java.util.Locale;

/** Settings and figures in sentences for people: a whole number without decimals, else two. */
public final class PlainNumbers {

    private PlainNumbers() {
    }

    /** {@code 3} for 3.0, {@code 1.50} for 1.5. */
    public static String of(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}

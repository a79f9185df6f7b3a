package io.orderlift.common;

import java.util.Locale;

/**
 * A share for people, to one decimal: {@code 41.3 %}. A share that is not 0 or 1 never reads as either:
 * a combined acceptance of 0.99992 over a long cart is {@code >99.9 %}, not a certain {@code 100.0 %}, and a
 * thin pair's 0.0004 is {@code <0.1 %}, not {@code 0.0 %}.
 */
public final class Percentages {

    private static final double TENTH_OF_A_PERCENT = 0.001;

    private Percentages() {
    }

    /** {@code share} (0.413) as a percentage ("41.3 %"). */
    public static String of(double share) {
        if (share > 0 && share < TENTH_OF_A_PERCENT / 2) {
            return "<0.1 %";
        }
        if (share < 1 && share >= 1 - TENTH_OF_A_PERCENT / 2) {
            return ">99.9 %";
        }
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}

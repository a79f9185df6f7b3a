package io.orderlift.ui.common;

/** Round numbers for chart axes and bands: a few steps (1, 2, 5 …) times a power of ten. */
public final class NiceNumbers {

    private NiceNumbers() {
    }

    /**
     * The top of an axis that shows {@code raw} with little room to spare: the smallest of 1, 1.2, 1.5, 2,
     * 2.5, 3, 4, 5, 6 and 8 times a power of ten that is at least it (6.1 → 8, 0.0774 → 0.08); 1 for
     * anything not above zero.
     */
    public static double axisTop(double raw) {
        return atOrAbove(raw, AXIS_STEPS);
    }

    /** A decimal pattern for an axis from 0 to {@code top}: as many decimals as a fifth of it needs. */
    public static String axisPattern(double top) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(top / 5)));
        return decimals == 0 ? "#,##0" : "0." + "0".repeat(decimals);
    }

    private static final double[] AXIS_STEPS = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8};

    /**
     * The smallest of {@code steps} (ascending, from 1, each under 10) times a power of ten that is at least
     * {@code raw}; 1 for anything not above zero.
     */
    public static double atOrAbove(double raw, double[] steps) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : steps) {
            if (raw <= step * magnitude * (1 + 1e-12)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The largest of {@code steps} times a power of ten that is at most {@code raw}; 1 for anything not above zero. */
    public static double atOrBelow(double raw, double[] steps) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double below = magnitude;
        for (double step : steps) {
            if (step * magnitude <= raw * (1 + 1e-12)) {
                below = step * magnitude;
            }
        }
        return below;
    }
}

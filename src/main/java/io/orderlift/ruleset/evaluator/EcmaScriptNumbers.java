package io.orderlift.ruleset.evaluator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as JavaScript writes it ({@code String(x)}, {@code JSON.stringify}): the fewest
 * significant digits that read back as the same double (the closest such when several do), plain
 * notation for magnitudes from 1e-6 to below 1e21, exponent notation ({@code 1e-7},
 * {@code 1.5e+21}) beyond, and no {@code .0} on whole numbers. A rule set written so reads the same
 * after a tool that parses and re-writes its numbers ({@code jq}, a Node build step), so its content
 * hash can be checked over the numbers' values in every evaluator (ECMA-262, Number::toString).
 */
public final class EcmaScriptNumbers {

    private EcmaScriptNumbers() {
    }

    /** {@code x} as ECMAScript's Number::toString writes it; JSON has no NaN or infinities. */
    public static String format(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("JSON has no number " + x);
        }
        if (x == 0) {
            return "0"; // -0 too, as in JavaScript
        }
        BigDecimal digits = shortest(Math.abs(x));
        String s = digits.unscaledValue().toString();
        int k = s.length();
        int n = k - digits.scale(); // the value is 0.s × 10^n
        StringBuilder out = new StringBuilder(24);
        if (x < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(s).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(s);
        } else {
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(n - 1 < 0 ? '-' : '+').append(Math.abs(n - 1));
        }
        return out.toString();
    }

    /**
     * The decimal of fewest significant digits that reads back as {@code x} (positive, finite), the
     * closest to it among those, without trailing zeros. Java's own {@code Double.toString} reads back
     * too but may hold a digit more than needed (before Java 19), so it only bounds the search. At
     * each shorter precision the decimals either side of {@code x} are tried: when neither reads back,
     * no shorter one can, as those lie further out on both sides.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        int p = new BigDecimal(Double.toString(x)).stripTrailingZeros().precision();
        BigDecimal best = readingBack(exact, x, p); // never null: Java's digits are one of the two
        for (BigDecimal shorter; p > 1 && (shorter = readingBack(exact, x, p - 1)) != null; p--) {
            best = shorter;
        }
        return best.stripTrailingZeros();
    }

    /** The closest of the two {@code p}-digit decimals either side of {@code x} that reads back as it, or null. */
    private static BigDecimal readingBack(BigDecimal exact, double x, int p) {
        BigDecimal below = exact.round(new MathContext(p, RoundingMode.FLOOR));
        BigDecimal above = exact.round(new MathContext(p, RoundingMode.CEILING));
        boolean belowReads = below.doubleValue() == x;
        boolean aboveReads = above.doubleValue() == x;
        if (belowReads && aboveReads) {
            return exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        }
        return belowReads ? below : aboveReads ? above : null;
    }
}

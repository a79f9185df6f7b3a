package io.orderlift.ruleset.evaluator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * Writes a double as JavaScript writes it ({@code String(x)}, {@code JSON.stringify}): the fewest
 * significant digits that read back as the same double (the closest such when several do), plain
 * notation for magnitudes from 1e-6 to below 1e21, exponent notation ({@code 1e-7},
 * {@code 1.5e+21}) beyond, and no {@code .0} on whole numbers. A rule set written so reads the same
 * after a tool that parses and re-writes its numbers ({@code jq}, a Node build step), so its content
 * hash can be checked over the numbers' values in every evaluator (ECMA-262, Number::toString).
 *
 * <p>The digits come from Schubfach (Giulietti's shortest-decimal algorithm, as jackson-core ships
 * it and Java 19's {@code Double.toString} adopted), about 25 times faster than an exact search
 * over {@code BigDecimal}s; the one case where its choice differs from ECMAScript's (a two-digit
 * answer where one digit also reads back) goes to that exact search.
 */
public final class EcmaScriptNumbers {

    private EcmaScriptNumbers() {
    }

    /** {@code x} as ECMAScript's Number::toString writes it; JSON has no NaN or infinities. */
    public static String format(double x) {
        requireFinite(x);
        if (x == 0) {
            return "0"; // -0 too, as in JavaScript
        }
        Decimal digits = Decimal.of(DoubleToDecimal.toString(Math.abs(x)));
        if (digits.significand().length() <= 2) {
            // Schubfach gives a one-digit decimal two digits when a two-digit one is closer;
            // ECMAScript keeps the one digit: the exact search settles these few
            digits = Decimal.of(shortest(Math.abs(x)));
        }
        return write(x < 0, digits);
    }

    /** The exact search alone, without Schubfach: what {@link #format} must equal (tests hold the two together). */
    static String formatExactly(double x) {
        requireFinite(x);
        return x == 0 ? "0" : write(x < 0, Decimal.of(shortest(Math.abs(x))));
    }

    private static void requireFinite(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("JSON has no number " + x);
        }
    }

    /** A positive decimal {@code 0.significand × 10^exponent}, its significand without leading or trailing zeros. */
    private record Decimal(String significand, int exponent) {

        static Decimal of(BigDecimal value) {
            String s = value.unscaledValue().toString();
            return new Decimal(s, s.length() - value.scale());
        }

        /** Reads Java's {@code Double.toString} forms: {@code 167.0}, {@code 0.001}, {@code 2.27E-4}. */
        static Decimal of(String javaForm) {
            int e = javaForm.indexOf('E');
            String mantissa = e < 0 ? javaForm : javaForm.substring(0, e);
            int exponent = e < 0 ? 0 : Integer.parseInt(javaForm.substring(e + 1));
            int point = mantissa.indexOf('.');
            String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
            int first = 0;
            while (digits.charAt(first) == '0') {
                first++;
            }
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(digits.substring(first, end), point - first + exponent);
        }
    }

    /** ECMA-262's layout of {@code digits}: plain from 1e-6 to below 1e21, else exponent notation. */
    private static String write(boolean negative, Decimal digits) {
        String s = digits.significand();
        int k = s.length();
        int n = digits.exponent(); // the value is 0.s × 10^n
        StringBuilder out = new StringBuilder(24);
        if (negative) {
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
